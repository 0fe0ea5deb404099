"""Export: choose a folder, the formats and a file name, and whether to sign the PDFs;
afterwards open the folder or file. The format check boxes come from ``render.formats``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing_studio import settings as keys
from briefing_studio.preflight import Notice
from briefing_studio.render import formats as registry
from briefing_studio.ui import preferences
from briefing_studio.ui.i18n import current_language


class ExportDialog(QDialog):
    """Folder, formats (one check box per format of the table) and the file name; above the
    buttons, the preflight notices (what the document would get wrong), if any."""

    def __init__(
        self,
        folder: str,
        stem: str,
        parent: QWidget | None = None,
        notices: Sequence[Notice] = (),
        formats: Sequence[str] = registry.DEFAULT_IDS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export briefing"))
        self.folder = QLineEdit(folder)
        self.folder.setToolTip(self.tr("The folder the files are written to"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setToolTip(self.tr("Choose the folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.format_boxes: dict[str, QCheckBox] = {}
        format_row = QHBoxLayout()
        for fmt in registry.FORMATS:
            box = QCheckBox(fmt.label(current_language()))
            box.setChecked(fmt.id in formats)
            box.toggled.connect(self._update_signing)
            self.format_boxes[fmt.id] = box
            format_row.addWidget(box)
        format_row.addStretch(1)
        self.stem = QLineEdit(stem)
        self.stem.setToolTip(self.tr("File name without .docx / .pdf"))
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Formats"), format_row)
        form.addRow(self.tr("File name"), self.stem)
        self._build_signing(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.notices = self._notice_list(notices)
        if self.notices is not None:
            layout.addWidget(QLabel(self.tr("Check before exporting:")))
            layout.addWidget(self.notices)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _notice_list(self, notices: Sequence[Notice]) -> QListWidget | None:
        if not notices:
            return None
        language = current_language()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        view = QListWidget()
        view.setObjectName("notices")
        view.setWordWrap(True)
        for notice in notices:
            item = QListWidgetItem(icon, notice.message(language))
            item.setToolTip(notice.message(language))
            view.addItem(item)
        view.setMinimumHeight(min(300, 64 * len(notices)))  # most messages wrap to 2–3 lines
        return view

    def formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def set_formats(self, ids: list[str]) -> None:
        for fmt, box in self.format_boxes.items():
            box.setChecked(fmt in ids)

    def _build_signing(self, form: QFormLayout) -> None:
        """Sign the exported PDFs: with a .p12 file (password asked later) or the token."""
        self.sign = QCheckBox(self.tr("Sign the PDF files digitally after export"))
        self.sign.setToolTip(self.tr("Writes NAME-signed.pdf beside each PDF"))
        self.sign_p12 = QRadioButton(self.tr("Certificate file (.p12/.pfx)"))
        self.sign_p12.setChecked(True)
        self.p12_path = QLineEdit(preferences.get_str(keys.KEY_SIGN_LAST_P12))
        self.p12_path.setToolTip(self.tr("The password is asked when signing and never stored"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_p12)
        p12_row = QHBoxLayout()
        p12_row.addWidget(self.sign_p12)
        p12_row.addWidget(self.p12_path, 1)
        p12_row.addWidget(browse)
        self.sign_token = QRadioButton(self.tr("USB token set in Settings"))
        self.sign_token.setEnabled(bool(preferences.get_str(keys.KEY_SIGN_PKCS11_LIB)))
        self.sign_token.setToolTip(self.tr("The PIN is asked when signing and never stored"))
        self.sign.toggled.connect(self._update_signing)
        form.addRow(self.tr("Signature"), self.sign)
        form.addRow("", p12_row)
        form.addRow("", self.sign_token)
        self._signing_rows = (self.sign_p12, self.p12_path, browse)
        self._update_signing()

    def _update_signing(self) -> None:
        pdfs = any(registry.get(f).suffix == ".pdf" for f in self.formats())
        self.sign.setEnabled(pdfs)
        on = pdfs and self.sign.isChecked()
        for widget in self._signing_rows:
            widget.setEnabled(on)
        self.sign_token.setEnabled(on and bool(preferences.get_str(keys.KEY_SIGN_PKCS11_LIB)))

    def signing_choice(self) -> tuple[str, Path | None] | None:
        """None, ("p12", file) or ("token", None)."""
        if not (self.sign.isEnabled() and self.sign.isChecked()):
            return None
        if self.sign_token.isChecked():
            return ("token", None)
        return ("p12", Path(self.p12_path.text().strip()))

    def _browse_p12(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate file"),
            self.p12_path.text(),
            self.tr("Certificates (*.p12 *.pfx)"),
        )
        if chosen:
            self.p12_path.setText(chosen)

    def values(self) -> tuple[Path, list[str], str]:
        return Path(self.folder.text().strip()), self.formats(), self.stem.text().strip()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Export to folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _accept(self) -> None:
        folder, formats, stem = self.values()
        if not str(folder) or not stem or any(c in stem for c in '/\\:*?"<>|'):
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr('Choose a folder and a file name without / \\ : * ? " < > |.'),
            )
            return
        if not formats:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose at least one format."))
            return
        choice = self.signing_choice()
        if choice and choice[0] == "p12" and not (choice[1] and choice[1].is_file()):
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Choose the certificate file to sign with.")
            )
            return
        if choice and choice[0] == "p12":
            preferences.set_value(keys.KEY_SIGN_LAST_P12, str(choice[1]))
        chosen = [registry.get(fmt) for fmt in formats]
        existing = [
            folder / name for name in registry.file_names(stem, chosen) if (folder / name).exists()
        ]
        if existing:
            names = "\n".join(str(p) for p in existing)
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("Replace the existing files?\n{0}").format(names)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept()


def offer_to_open(parent: QWidget | None, files: list[Path]) -> None:
    """After exporting: Open folder / Open file / Close."""
    if not files:
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export finished"))
    box.setText(
        QCoreApplication.translate("ExportDialog", "Written:\n{0}").format(
            "\n".join(str(f) for f in files)
        )
    )
    open_folder = box.addButton(
        QCoreApplication.translate("ExportDialog", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    open_file = box.addButton(
        QCoreApplication.translate("ExportDialog", "Open file"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    target = files[0].parent if clicked is open_folder else files[-1]
    if clicked in (open_folder, open_file) and not QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(target))
    ):
        show_path_to_copy(parent, target)


def show_path_to_copy(parent: QWidget | None, path: Path) -> None:
    """No program opens folders or files here (openUrl said no): say so, with the path to copy."""
    box = QMessageBox(parent)
    box.setObjectName("PathToCopy")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Cannot open"))
    box.setText(
        QCoreApplication.translate(
            "ExportDialog",
            "This computer has no program set up to open it. Open it yourself from here:\n\n{0}",
        ).format(path)
    )
    flags = Qt.TextInteractionFlag
    box.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    copy = box.addButton(
        QCoreApplication.translate("ExportDialog", "Copy the path"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QCoreApplication.translate("ExportDialog", "Close"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(str(path))
