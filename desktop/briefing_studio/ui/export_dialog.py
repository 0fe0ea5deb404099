"""Export: choose a folder, the formats and a file name; afterwards open the folder or file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
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

from briefing_studio.preflight import Notice

FORMAT_CHOICES = (("docx",), ("pdf",), ("docx", "pdf"))


class ExportDialog(QDialog):
    """Folder, formats (DOCX / PDF / both) and the file name without suffix; above the
    buttons, the preflight notices (what the document would get wrong), if any."""

    def __init__(
        self,
        folder: str,
        stem: str,
        parent: QWidget | None = None,
        notices: Sequence[Notice] = (),
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
        self.docx = QRadioButton(self.tr("Word (DOCX)"))
        self.pdf = QRadioButton(self.tr("PDF"))
        self.both = QRadioButton(self.tr("Both"))
        self.both.setChecked(True)
        formats = QHBoxLayout()
        for button in (self.docx, self.pdf, self.both):
            formats.addWidget(button)
        formats.addStretch(1)
        self.stem = QLineEdit(stem)
        self.stem.setToolTip(self.tr("File name without .docx / .pdf"))
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Formats"), formats)
        form.addRow(self.tr("File name"), self.stem)
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
        from briefing_studio.ui.i18n import current_language

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
        if self.docx.isChecked():
            return ["docx"]
        if self.pdf.isChecked():
            return ["pdf"]
        return ["docx", "pdf"]

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
        existing = [
            folder / f"{stem}.{fmt}" for fmt in formats if (folder / f"{stem}.{fmt}").exists()
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
    if clicked is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(files[0].parent)))
    elif clicked is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(files[-1])))
