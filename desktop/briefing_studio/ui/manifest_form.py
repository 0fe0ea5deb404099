"""The manifest (``template.toml``) as a form: names, page, margins, named styles and slots.

Editors change a font size or a slot name here without learning TOML. The form keeps only what
the manifest itself says: a property left "inherited" is not written, so the page preset still
decides it. ``manifest()`` validates through the same parser the app uses for files, so a value
the form lets through is a value the app accepts.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.document import StyleSpec
from briefing_studio.presets import PRESETS
from briefing_studio.templating.manifest import (
    _ALIGNS,
    _NUMBER_RANGES,
    _STYLE_NAME,
    CUES,
    MARGINS,
    RESERVED_STYLES,
    TemplateManifest,
    parse_manifest,
)

FONTS = ("Times New Roman", "Arial")  # what the PDF writer maps to the bundled fonts
_FLAGS = ("bold", "italic", "underline", "uppercase", "border")
_NUMBERS = (
    "size",
    "space_before",
    "space_after",
    "first_line_indent",
    "line_spacing",
    "rule_below",
)
_STEPS = {"size": 0.5, "line_spacing": 0.05, "rule_below": 0.05}
_TWO_DECIMALS = ("line_spacing", "rule_below")


class OptionalNumber(QDoubleSpinBox):
    """A number that may be left unset: the lowest position reads "inherited"."""

    def __init__(self, low: float, high: float, step: float = 1.0, decimals: int = 1) -> None:
        super().__init__()
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.set_limits(low, high)
        self.setAccelerated(True)
        self.setKeyboardTracking(False)

    def set_limits(self, low: float, high: float) -> None:
        current = self.optional_value()
        self.setRange(low - self.singleStep(), high)
        self.set_optional(current)

    def optional_value(self) -> float | None:
        return None if self.value() == self.minimum() else self.value()

    def set_optional(self, value: float | None) -> None:
        self.setValue(self.minimum() if value is None else value)


class StyleEditor(QWidget):
    """Edits one named style; ``changed`` fires with every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.font = QComboBox()
        self.font.setEditable(True)
        self.font.addItems(["", *FONTS])
        self.font.lineEdit().setPlaceholderText(self.tr("(inherited)"))
        self.font.setToolTip(self.tr("Times New Roman and Arial are embedded in the PDF"))
        self.numbers: dict[str, OptionalNumber] = {}
        for name in _NUMBERS:
            low, high = _NUMBER_RANGES[name]
            spin = OptionalNumber(
                low, high, _STEPS.get(name, 1.0), 2 if name in _TWO_DECIMALS else 1
            )
            spin.setSpecialValueText(self.tr("(inherited)"))
            self.numbers[name] = spin
        self.flags: dict[str, QCheckBox] = {}
        labels = {
            "bold": self.tr("Bold"),
            "italic": self.tr("Italic"),
            "underline": self.tr("Underline"),
            "uppercase": self.tr("Capitals"),
            "border": self.tr("Border"),
        }
        for name in _FLAGS:
            box = QCheckBox(labels[name])
            box.setTristate(True)
            box.setToolTip(self.tr("Grey: inherited from the page preset"))
            self.flags[name] = box
        self.align = QComboBox()
        self.align.addItem(self.tr("(inherited)"), None)
        align_names = {
            "left": self.tr("Left"),
            "center": self.tr("Centre"),
            "right": self.tr("Right"),
            "justify": self.tr("Justify"),
        }
        for value in _ALIGNS:
            self.align.addItem(align_names.get(value, value), value)
        self.color = self._colour_field()
        self.background = self._colour_field()
        self._build()
        self._connect()

    def _colour_field(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("(inherited) #RRGGBB"))
        edit.setMaxLength(7)
        return edit

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Font"), self.font)
        form.addRow(self.tr("Size (pt)"), self.numbers["size"])
        flags = QGridLayout()
        for index, name in enumerate(_FLAGS):
            flags.addWidget(self.flags[name], index // 3, index % 3)
        form.addRow(self.tr("Emphasis"), flags)
        form.addRow(self.tr("Alignment"), self.align)
        form.addRow(self.tr("Space before (pt)"), self.numbers["space_before"])
        form.addRow(self.tr("Space after (pt)"), self.numbers["space_after"])
        form.addRow(self.tr("First-line indent (mm)"), self.numbers["first_line_indent"])
        form.addRow(self.tr("Line spacing"), self.numbers["line_spacing"])
        self.numbers["rule_below"].setToolTip(
            self.tr("A short line under the paragraph, this share of its width (Decree 30: 0.35)")
        )
        form.addRow(self.tr("Line under (share)"), self.numbers["rule_below"])
        form.addRow(self.tr("Text colour"), self._with_picker(self.color))
        form.addRow(self.tr("Background"), self._with_picker(self.background))

    def _with_picker(self, edit: QLineEdit) -> QWidget:
        button = QToolButton()
        button.setText("…")
        button.setToolTip(self.tr("Choose a colour"))
        button.clicked.connect(lambda: self._pick(edit))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        layout.addWidget(button)
        return row

    def _pick(self, edit: QLineEdit) -> None:
        start = QColor(edit.text()) if edit.text() else QColor("#000000")
        chosen = QColorDialog.getColor(start, self, self.tr("Choose a colour"))
        if chosen.isValid():
            edit.setText(chosen.name().upper())

    def _connect(self) -> None:
        self.font.currentTextChanged.connect(self._edited)
        for spin in self.numbers.values():
            spin.valueChanged.connect(self._edited)
        for box in self.flags.values():
            box.stateChanged.connect(self._edited)
        self.align.currentIndexChanged.connect(self._edited)
        self.color.textChanged.connect(self._edited)
        self.background.textChanged.connect(self._edited)

    def _edited(self, *_: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def load(self, values: dict[str, Any]) -> None:
        """Show a style's properties (a dict of the set ones)."""
        self._loading = True
        try:
            self.font.setCurrentText(values.get("font") or "")
            for name, spin in self.numbers.items():
                spin.set_optional(values.get(name))
            for name, box in self.flags.items():
                value = values.get(name)
                box.setCheckState(
                    Qt.CheckState.PartiallyChecked
                    if value is None
                    else Qt.CheckState.Checked
                    if value
                    else Qt.CheckState.Unchecked
                )
            self.align.setCurrentIndex(max(0, self.align.findData(values.get("align"))))
            self.color.setText(values.get("color") or "")
            self.background.setText(values.get("background") or "")
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """The set properties, as ``[styles.NAME]`` would hold them."""
        out: dict[str, Any] = {}
        if self.font.currentText().strip():
            out["font"] = self.font.currentText().strip()
        for name in _FLAGS:
            state = self.flags[name].checkState()
            if state != Qt.CheckState.PartiallyChecked:
                out[name] = state == Qt.CheckState.Checked
        for name, spin in self.numbers.items():
            if spin.optional_value() is not None:
                out[name] = spin.optional_value()
        if self.align.currentData():
            out["align"] = self.align.currentData()
        for name, edit in (("color", self.color), ("background", self.background)):
            if edit.text().strip():
                out[name] = edit.text().strip()
        return out


class ManifestForm(QWidget):
    """The whole manifest; ``changed`` fires with every edit, ``manifest()`` validates."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.modified = False
        self.original: TemplateManifest | None = None
        self.path = Path("template.toml")
        self.styles: dict[str, dict[str, Any]] = {}
        self._current_style: str | None = None

        self.id_label = QLabel()
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_vi = QLineEdit()
        self.name_en = QLineEdit()
        self.description_vi = self._small_text()
        self.description_en = self._small_text()
        self.audience = QComboBox()
        self.audience.setEditable(True)
        self.audience.addItems(["", "embassy", "province", "handout"])
        self.formats = QLineEdit()
        self.formats.setPlaceholderText("docx, pdf")
        self.formats.setToolTip(
            self.tr(
                "Formats ticked by default when exporting, separated by commas: docx, pdf, pdf-a"
            )
        )
        self.page = QComboBox()
        for preset_id in PRESETS:
            self.page.addItem(preset_id, preset_id)
        self.margins = {side: OptionalNumber(0, 60) for side in MARGINS}
        for spin in self.margins.values():
            spin.setSpecialValueText(self.tr("(preset)"))
        self.style_list = QListWidget()
        self.style_list.setMaximumWidth(180)
        self.style_editor = StyleEditor()
        self.slots = QTableWidget(0, 5)
        self._build()
        self._connect()

    @staticmethod
    def _small_text() -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(54)
        return edit

    # Layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        general = QGroupBox(self.tr("Names and page"))
        form = QFormLayout(general)
        form.addRow(self.tr("Id"), self.id_label)
        form.addRow(self.tr("Name (Vietnamese)"), self.name_vi)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Description (Vietnamese)"), self.description_vi)
        form.addRow(self.tr("Description (English)"), self.description_en)
        form.addRow(self.tr("Audience"), self.audience)
        form.addRow(self.tr("Page preset"), self.page)
        form.addRow(self.tr("Export formats"), self.formats)

        margins = QGroupBox(self.tr("Margins (mm)"))
        grid = QGridLayout(margins)
        names = {
            "top": self.tr("Top"),
            "bottom": self.tr("Bottom"),
            "left": self.tr("Left"),
            "right": self.tr("Right"),
        }
        for index, side in enumerate(MARGINS):
            grid.addWidget(QLabel(names[side]), index // 2, (index % 2) * 2)
            grid.addWidget(self.margins[side], index // 2, (index % 2) * 2 + 1)

        styles = QGroupBox(self.tr("Named styles"))
        add_style = QPushButton(self.tr("Add…"))
        add_style.setToolTip(self.tr("Add a style class the markup can use"))
        add_style.clicked.connect(self.add_style)
        self.remove_style_button = QPushButton(self.tr("Remove"))
        self.remove_style_button.clicked.connect(self.remove_style)
        left = QVBoxLayout()
        left.addWidget(self.style_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add_style)
        buttons.addWidget(self.remove_style_button)
        left.addLayout(buttons)
        row = QHBoxLayout(styles)
        row.addLayout(left)
        row.addWidget(self.style_editor, 1)

        slots = QGroupBox(self.tr("Slots"))
        self.slots.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Name (vi)"),
                self.tr("Name (en)"),
                self.tr("Cues"),
                self.tr("Default"),
            ]
        )
        self.slots.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.slots.verticalHeader().setVisible(False)
        self.slots.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slots.setMinimumHeight(140)
        self.slots.setToolTip(self.tr("Cues: comma-separated, from: {0}").format(", ".join(CUES)))
        slot_buttons = QHBoxLayout()
        for text, action in (
            (self.tr("Add"), self.add_slot),
            (self.tr("Remove"), self.remove_slot),
            (self.tr("Up"), lambda: self.move_slot(-1)),
            (self.tr("Down"), lambda: self.move_slot(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            slot_buttons.addWidget(button)
        slot_buttons.addStretch(1)
        slot_layout = QVBoxLayout(slots)
        slot_layout.addWidget(self.slots)
        slot_layout.addLayout(slot_buttons)

        layout = QVBoxLayout(self)
        for box in (general, margins, styles, slots):
            layout.addWidget(box)
        layout.addStretch(1)

    def _connect(self) -> None:
        for edit in (self.name_vi, self.name_en):
            edit.textChanged.connect(self._edited)
        for text in (self.description_vi, self.description_en):
            text.textChanged.connect(self._edited)
        self.audience.currentTextChanged.connect(self._edited)
        self.formats.textChanged.connect(self._edited)
        self.page.currentIndexChanged.connect(self._page_changed)
        for spin in self.margins.values():
            spin.valueChanged.connect(self._edited)
        self.style_list.currentTextChanged.connect(self._show_style)
        self.style_editor.changed.connect(self._style_edited)
        self.slots.itemChanged.connect(self._edited)

    # Loading and reading ----------------------------------------------------------------------

    def load(self, manifest: TemplateManifest, path: Path) -> None:
        """Show ``manifest``; the form is unmodified afterwards."""
        self._loading = True
        try:
            self.original, self.path = manifest, path
            self.id_label.setText(manifest.id)
            self.name_vi.setText(manifest.name_vi)
            self.name_en.setText(manifest.name_en)
            self.description_vi.setPlainText(manifest.description_vi)
            self.description_en.setPlainText(manifest.description_en)
            self.audience.setCurrentText(manifest.audience)
            self.formats.setText(", ".join(manifest.formats))
            self.page.setCurrentIndex(max(0, self.page.findData(manifest.page)))
            self._apply_margin_limits()
            for side, spin in self.margins.items():
                spin.set_optional(manifest.margins.get(side))
            self.styles = {name: _style_values(spec) for name, spec in manifest.styles.items()}
            self._current_style = None
            self.style_list.clear()
            self.style_list.addItems(list(self.styles))
            if self.styles:
                self.style_list.setCurrentRow(0)
            self.slots.setRowCount(0)
            for slot in manifest.slots:
                self._append_slot(
                    slot.id, slot.name_vi, slot.name_en, ", ".join(slot.cues), slot.default
                )
        finally:
            self._loading = False
        self.modified = False

    def data(self) -> dict[str, Any]:
        """The manifest as the TOML table it stands for."""
        base = self.original
        data: dict[str, Any] = {
            "id": base.id if base else "",
            "version": base.version if base else 1,
            "name_vi": self.name_vi.text(),
            "name_en": self.name_en.text(),
            "page": self.page.currentData(),
            "entry": base.entry if base else "briefing.html.j2",
        }
        for key, value in (
            ("description_vi", self.description_vi.toPlainText().strip()),
            ("description_en", self.description_en.toPlainText().strip()),
            ("audience", self.audience.currentText().strip()),
        ):
            if value:
                data[key] = value
        formats = [f.strip() for f in self.formats.text().split(",") if f.strip()]
        if formats:
            data["formats"] = formats
        margins = {s: spin.optional_value() for s, spin in self.margins.items()}
        if any(v is not None for v in margins.values()):
            data["margins"] = {s: v for s, v in margins.items() if v is not None}
        self._store_current_style()
        if self.styles:
            data["styles"] = {name: dict(values) for name, values in self.styles.items()}
        slots = [self._slot_data(row) for row in range(self.slots.rowCount())]
        if slots:
            data["slots"] = slots
        return data

    def manifest(self) -> TemplateManifest:
        """The validated manifest; ``BriefingError`` names the field that is wrong."""
        return parse_manifest(self.data(), self.path)

    def style_names(self) -> set[str]:
        """Class names the template may use: reserved ones, the chosen preset's and its own."""
        preset = PRESETS.get(self.page.currentData())
        return set(self.styles) | set(RESERVED_STYLES) | set(preset.styles if preset else ())

    def select_style(self, name: str) -> StyleEditor:
        """Show the style ``name`` (adding it if new) and return its editor."""
        matches = self.style_list.findItems(name, Qt.MatchFlag.MatchExactly)
        if not matches:
            self._add_style_named(name)
            matches = self.style_list.findItems(name, Qt.MatchFlag.MatchExactly)
        self.style_list.setCurrentItem(matches[0])
        return self.style_editor

    # Styles -----------------------------------------------------------------------------------

    def add_style(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("New style"),
            self.tr("Name of the style class (lower-case letters, digits and '-'):"),
        )
        name = name.strip()
        if not ok or not name:
            return
        if not _STYLE_NAME.match(name) or name == "page-break":
            QMessageBox.warning(
                self,
                self.tr("New style"),
                self.tr(
                    "“{0}” cannot be a style name: use lower-case letters without "
                    "accents, digits and '-', starting with a letter."
                ).format(name),
            )
            return
        self.select_style(name)

    def _add_style_named(self, name: str) -> None:
        if name in self.styles:
            return
        self.styles[name] = {}
        self.style_list.addItem(name)
        self._edited()

    def remove_style(self) -> None:
        name = self._current_style
        if name is None:
            return
        self._current_style = None
        del self.styles[name]
        self.style_list.takeItem(self.style_list.currentRow())
        self._edited()

    def _show_style(self, name: str) -> None:
        self._store_current_style()
        self._current_style = name or None
        self.style_editor.setEnabled(bool(name))
        self.style_editor.load(self.styles.get(name, {}))

    def _store_current_style(self) -> None:
        if self._current_style is not None and self._current_style in self.styles:
            self.styles[self._current_style] = self.style_editor.values()

    def _style_edited(self) -> None:
        self._store_current_style()
        self._edited()

    # Slots ------------------------------------------------------------------------------------

    def _append_slot(self, slot_id: str, vi: str, en: str, cues: str, default: bool) -> None:
        row = self.slots.rowCount()
        self.slots.insertRow(row)
        for column, text in enumerate((slot_id, vi, en, cues)):
            self.slots.setItem(row, column, QTableWidgetItem(text))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if default else Qt.CheckState.Unchecked)
        self.slots.setItem(row, 4, check)

    def _slot_data(self, row: int) -> dict[str, Any]:
        def text(column: int) -> str:
            item = self.slots.item(row, column)
            return item.text().strip() if item else ""

        cues = [c.strip() for c in text(3).replace(";", ",").split(",") if c.strip()]
        data: dict[str, Any] = {"id": text(0), "name_vi": text(1), "name_en": text(2)}
        if cues:
            data["cues"] = cues
        default = self.slots.item(row, 4)
        if default is not None and default.checkState() == Qt.CheckState.Checked:
            data["default"] = True
        return data

    def add_slot(self) -> None:
        self._append_slot(f"slot-{self.slots.rowCount() + 1}", "", "", "", False)
        self._edited()

    def remove_slot(self) -> None:
        row = self.slots.currentRow()
        if row >= 0:
            self.slots.removeRow(row)
            self._edited()

    def move_slot(self, step: int) -> None:
        row = self.slots.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.slots.rowCount():
            return
        values = [self._slot_data(r) for r in range(self.slots.rowCount())]
        values[row], values[target] = values[target], values[row]
        self._loading = True
        try:
            self.slots.setRowCount(0)
            for slot in values:
                self._append_slot(
                    slot["id"],
                    slot["name_vi"],
                    slot["name_en"],
                    ", ".join(slot.get("cues", [])),
                    slot.get("default", False),
                )
        finally:
            self._loading = False
        self.slots.setCurrentCell(target, 0)
        self._edited()

    # Changes ----------------------------------------------------------------------------------

    def _page_changed(self) -> None:
        self._apply_margin_limits()
        self._edited()

    def _apply_margin_limits(self) -> None:
        preset = PRESETS.get(self.page.currentData())
        limits = preset.margin_limits if preset else {}
        for side, spin in self.margins.items():
            spin.set_limits(*limits.get(side, (0.0, 60.0)))

    def _edited(self, *_: Any) -> None:
        if self._loading:
            return
        self.modified = True
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        for child in self.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(read_only)
            elif isinstance(
                child, QComboBox | QDoubleSpinBox | QCheckBox | QPushButton | QToolButton
            ):
                child.setEnabled(not read_only)
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.slots.setEditTriggers(triggers)


def _style_values(spec: StyleSpec) -> dict[str, Any]:
    return {
        f.name: getattr(spec, f.name)
        for f in fields(StyleSpec)
        if f.name != "name" and getattr(spec, f.name) is not None
    }
