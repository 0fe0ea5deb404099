"""Preferences: interface language, the user templates folder, the default issuing agency.

Kept with ``QSettings`` in the INI file the CLI reads too. A new language applies at once: the
main window is rebuilt in it, keeping the briefing (``MainWindow.switch_language``).
"""

from __future__ import annotations

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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(defaults)
        layout.addWidget(buttons)
        fit_window(self, "settings", QSize(560, self.sizeHint().height()))
        self.language_changed = False
        self.templates_changed = False

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
        settings.setValue(keys.KEY_AUTOSAVE_INTERVAL, self.autosave.value())
        settings.sync()

    def accept(self) -> None:
        self.save()
        super().accept()
