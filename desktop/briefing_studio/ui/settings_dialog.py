"""Preferences: interface language, the user templates folder, the default issuing agency,
and digital signatures (the token's library, a timestamp server, the office's trusted roots).

Kept with ``QSettings`` in the INI file the CLI reads too. A new language applies at once: the
main window is rebuilt in it, keeping the briefing (``MainWindow.switch_language``).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing_studio import settings as keys
from briefing_studio.ui import preferences
from briefing_studio.ui.window_size import fit_window


class SettingsDialog(QDialog):
    """Edits the settings file; ``language_changed`` / ``templates_changed`` tell what moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(preferences.language()))
        self.language.setToolTip(self.tr("The language of menus and messages"))
        note = QLabel(
            self.tr(
                "A new language applies as soon as you press OK: the window is rebuilt with "
                "your briefing as it is (the undo history starts afresh)."
            )
        )
        note.setWordWrap(True)

        self.templates_dir = QLineEdit(preferences.get_str(keys.KEY_TEMPLATES_DIR))
        self.templates_dir.setPlaceholderText(str(preferences.templates_dir()))
        self.templates_dir.setToolTip(
            self.tr(
                "Your office's own templates; may be a shared "
                "network folder. Empty: the default folder."
            )
        )
        browse = QPushButton(self.tr("Browse…"))
        browse.setToolTip(self.tr("Choose the templates folder"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.templates_dir, 1)
        folder_row.addWidget(browse)

        self.autosave = QSpinBox()
        self.autosave.setRange(*preferences.AUTOSAVE_RANGE_S)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(preferences.autosave_interval_s())
        self.autosave.setToolTip(
            self.tr(
                "How often unsaved work is kept aside, to be restored after a crash "
                "(10 to 3600 seconds)"
            )
        )

        agency = keys.default_agency()
        self.agency_parent = QLineEdit(agency.parent)
        self.agency_name = QLineEdit(agency.name)
        self.agency_place = QLineEdit(agency.place)
        for edit, tip in (
            (self.agency_parent, self.tr("e.g. BỘ NGOẠI GIAO")),
            (self.agency_name, self.tr("e.g. VỤ TỔNG HỢP KINH TẾ")),
            (self.agency_place, self.tr("e.g. Hà Nội")),
        ):
            edit.setPlaceholderText(tip)
            edit.setToolTip(tip)

        general = QGroupBox(self.tr("General"))
        general_form = QFormLayout(general)
        general_form.addRow(self.tr("Language"), self.language)
        general_form.addRow(note)
        general_form.addRow(self.tr("Templates folder"), folder_row)
        general_form.addRow(self.tr("Autosave every"), self.autosave)
        defaults = QGroupBox(self.tr("Issuing agency for new briefings"))
        defaults_form = QFormLayout(defaults)
        defaults_form.addRow(self.tr("Parent body"), self.agency_parent)
        defaults_form.addRow(self.tr("Agency"), self.agency_name)
        defaults_form.addRow(self.tr("Place"), self.agency_place)
        signatures = self._signing_group()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(defaults)
        layout.addWidget(signatures)
        layout.addWidget(buttons)
        fit_window(self, "settings", QSize(560, self.sizeHint().height()))
        self.language_changed = False
        self.templates_changed = False

    def _signing_group(self) -> QGroupBox:
        self.pkcs11_library = QLineEdit(preferences.get_str(keys.KEY_SIGN_PKCS11_LIB))
        self.pkcs11_library.setToolTip(
            self.tr("The PKCS#11 library of your USB token (.so/.dll), from its software")
        )
        browse_library = QPushButton(self.tr("Browse…"))
        browse_library.clicked.connect(self._browse_library)
        library_row = QHBoxLayout()
        library_row.addWidget(self.pkcs11_library, 1)
        library_row.addWidget(browse_library)
        self.token_label = QLineEdit(preferences.get_str(keys.KEY_SIGN_TOKEN_LABEL))
        self.token_label.setToolTip(self.tr("Empty: the first token found"))
        self.key_label = QLineEdit(preferences.get_str(keys.KEY_SIGN_KEY_LABEL))
        self.key_label.setToolTip(self.tr("The label of the signing key on the token"))
        self.tsa_url = QLineEdit(preferences.get_str(keys.KEY_SIGN_TSA_URL))
        self.tsa_url.setPlaceholderText(self.tr("none: sign offline"))
        self.tsa_url.setToolTip(self.tr("Timestamp server; used only when set"))
        self.trusted_roots = QLineEdit(preferences.get_str(keys.KEY_SIGN_TRUST))
        self.trusted_roots.setToolTip(
            self.tr("Root certificates trusted besides the system's, separated by {0}").format(
                os.pathsep
            )
        )
        browse_roots = QPushButton(self.tr("Add…"))
        browse_roots.clicked.connect(self._add_root)
        roots_row = QHBoxLayout()
        roots_row.addWidget(self.trusted_roots, 1)
        roots_row.addWidget(browse_roots)
        group = QGroupBox(self.tr("Digital signatures"))
        form = QFormLayout(group)
        form.addRow(self.tr("Token library"), library_row)
        form.addRow(self.tr("Token label"), self.token_label)
        form.addRow(self.tr("Key label"), self.key_label)
        form.addRow(self.tr("Timestamp server"), self.tsa_url)
        form.addRow(self.tr("Trusted roots"), roots_row)
        return group

    def _browse_library(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Token library"), self.pkcs11_library.text()
        )
        if chosen:
            self.pkcs11_library.setText(chosen)

    def _add_root(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Trusted roots"), "", self.tr("Certificates (*.pem *.crt *.cer *.der)")
        )
        if chosen:
            current = [p for p in self.trusted_roots.text().split(os.pathsep) if p.strip()]
            self.trusted_roots.setText(os.pathsep.join([*current, chosen]))

    def _browse(self) -> None:
        start = self.templates_dir.text() or str(preferences.templates_dir())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Templates folder"), start)
        if chosen:
            self.templates_dir.setText(chosen)

    def save(self) -> None:
        """Write the values to the settings file."""
        language = self.language.currentData()
        folder = self.templates_dir.text().strip()
        self.language_changed = language != preferences.language()
        self.templates_changed = folder != preferences.get_str(keys.KEY_TEMPLATES_DIR)
        settings = preferences.store()
        settings.setValue(keys.KEY_LANGUAGE, language)
        settings.setValue(keys.KEY_TEMPLATES_DIR, folder)
        settings.setValue(keys.KEY_AGENCY_PARENT, self.agency_parent.text().strip())
        settings.setValue(keys.KEY_AGENCY_NAME, self.agency_name.text().strip())
        settings.setValue(keys.KEY_AGENCY_PLACE, self.agency_place.text().strip())
        for key, edit in (
            (keys.KEY_SIGN_PKCS11_LIB, self.pkcs11_library),
            (keys.KEY_SIGN_TOKEN_LABEL, self.token_label),
            (keys.KEY_SIGN_KEY_LABEL, self.key_label),
            (keys.KEY_SIGN_TSA_URL, self.tsa_url),
            (keys.KEY_SIGN_TRUST, self.trusted_roots),
        ):
            settings.setValue(key, edit.text().strip())
        settings.setValue(keys.KEY_AUTOSAVE_INTERVAL, self.autosave.value())
        settings.sync()

    def accept(self) -> None:
        self.save()
        super().accept()
