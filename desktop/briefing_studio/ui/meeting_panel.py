"""The meeting details: counterpart (with completion), then one editor per row of
``briefing.MEETING_FIELDS`` (date, time, place, people, agency…), so a new field needs no code here.

Every edit becomes an undoable ``EditFieldCommand`` (typing in one field merges into one step);
choosing a counterpart ranks the sections and figures, and Suggest applies the core's selection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.briefing import MEETING_FIELDS, MeetingField
from briefing_studio.ui.date_field import DateField
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.state import BriefingState


def counterpart_names() -> list[str]:
    """Countries and provinces the gazetteer knows, as names for the combo box."""
    from briefing_studio.analysis.gazetteer import gazetteer

    # Vietnamese names whatever the UI language: the briefing itself is written in Vietnamese.
    return list(dict.fromkeys(c.name for c in gazetteer().counterpart_choices("vi")))


class MeetingPanel(QScrollArea):
    """A form bound to ``briefing.meeting``, ``briefing.agency`` and ``briefing.title``."""

    suggest_requested = Signal()

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, which scroll in
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self._syncing = False

        self.counterpart = QComboBox()
        self.counterpart.setEditable(True)
        self.counterpart.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.counterpart.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.counterpart.setMinimumContentsLength(8)
        self.counterpart.setToolTip(
            self.tr("The embassy's country or the province you meet; relevant sections get a ★")
        )
        self.counterpart.lineEdit().setPlaceholderText(self.tr("e.g. Hàn Quốc, Bắc Giang"))
        self.counterpart.lineEdit().setClearButtonEnabled(True)
        self.counterpart.activated.connect(lambda _i: self._commit_counterpart())
        self.counterpart.lineEdit().editingFinished.connect(self._commit_counterpart)
        self._fill_counterparts()

        self.suggest_button = QPushButton(self.tr("Suggest"))
        self.suggest_button.setToolTip(
            self.tr("Tick the sections and figures suggested for this counterpart (can be undone)")
        )
        self.suggest_button.clicked.connect(self.suggest_requested)
        self.relevance_label = QLabel()
        self.relevance_label.setWordWrap(True)

        # One editor per row of the meeting-field table, in its order, in the row's box.
        language = current_language()
        self.editors: dict[str, QLineEdit | DateField | QPlainTextEdit] = {}
        meeting = QGroupBox(self.tr("Meeting"))
        agency = QGroupBox(self.tr("Issuing agency"))
        form = QFormLayout(meeting)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        agency_form = QFormLayout(agency)
        row = QHBoxLayout()
        row.addWidget(self.counterpart, 1)
        row.addWidget(self.suggest_button)
        form.addRow(self.tr("Counterpart"), row)
        form.addRow(self.relevance_label)
        forms = {"meeting": form, "agency": agency_form}
        for field in MEETING_FIELDS:
            editor = self._editor(field, language)
            self.editors[field.key] = editor
            forms[field.group].addRow(field.label(language), editor)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(meeting)
        layout.addWidget(agency)
        layout.addStretch(1)

        for editor in [*body.findChildren(QLineEdit), *body.findChildren(QPlainTextEdit)]:
            editor.installEventFilter(self)
        state.meeting_changed.connect(self.sync)
        state.ranking_changed.connect(self._show_relevance)
        state.sources_changed.connect(self._show_relevance)
        self.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text fields have their own Ctrl+Z; every edit here is on the window's undo stack
        # already, so let the window's Undo/Redo shortcuts through instead.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = event.keyCombination().toCombined()
            undo_keys = [
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Undo),
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                QKeySequence("Ctrl+Y"),
                QKeySequence("Ctrl+Shift+Z"),
            ]
            if any(k.count() == 1 and k[0].toCombined() == combo for k in undo_keys):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _fill_counterparts(self) -> None:
        try:
            names = counterpart_names()
        except ImportError:
            names = []
        self.counterpart.addItems(names)
        completer = QCompleter(names, self.counterpart)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.counterpart.setCompleter(completer)

    def _editor(self, field: MeetingField, language: str) -> QLineEdit | DateField | QPlainTextEdit:
        """The editor for one row: a date field, a list of lines or a line of text."""
        hint, placeholder = field.hint(language), field.placeholder(language)
        if field.type == "date":
            date = DateField(hint, placeholder)
            date.committed.connect(self._field_editor(field.holder, field.name))
            return date
        if field.type == "lines":
            lines = QPlainTextEdit()
            lines.setPlaceholderText(placeholder)
            lines.setToolTip(hint)
            lines.setFixedHeight(70)
            lines.setTabChangesFocus(True)  # Tab leaves the list; Enter starts a line
            lines.textChanged.connect(lambda: self._lines_edited(field, lines))
            return lines
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(hint)
        edit.textEdited.connect(self._field_editor(field.holder, field.name))
        return edit

    def _field_editor(self, target: str, name: str) -> Callable[[str | None], None]:
        return lambda value: self.state.edit_field(target, name, value)

    def _commit_counterpart(self) -> None:
        if self._syncing:
            return
        from briefing_studio.selection import resolve_counterpart

        text = self.counterpart.currentText().strip()
        current = self.state.briefing.meeting.counterpart
        if (current.name if current else "") == text:
            return
        self.state.set_counterpart(resolve_counterpart(text))

    def choose_counterpart(self, name: str) -> None:
        """Type a counterpart and confirm it, as a user would."""
        self.counterpart.setEditText(name)
        self._commit_counterpart()

    def _lines_edited(self, field: MeetingField, editor: QPlainTextEdit) -> None:
        if not self._syncing:
            lines = [line.strip() for line in editor.toPlainText().split("\n")]
            self.state.edit_field(field.holder, field.name, [x for x in lines if x])

    def sync(self) -> None:
        """Show the state's values without creating undo steps."""
        self._syncing = True
        try:
            b = self.state.briefing
            counterpart = b.meeting.counterpart
            name = counterpart.name if counterpart else ""
            if self.counterpart.currentText() != name:
                self.counterpart.setEditText(name)
            for field in MEETING_FIELDS:
                self._show(self.editors[field.key], field.get(b))
        finally:
            self._syncing = False
        self._show_relevance()

    @staticmethod
    def _show(editor: QLineEdit | DateField | QPlainTextEdit, value: object) -> None:
        if isinstance(editor, DateField):
            editor.set_value(value)  # type: ignore[arg-type]
        elif isinstance(editor, QPlainTextEdit):
            lines = [p.strip() for p in editor.toPlainText().split("\n") if p.strip()]
            if lines != list(value or ()):  # type: ignore[call-overload]
                editor.setPlainText("\n".join(value or ()))  # type: ignore[arg-type]
        elif editor.text() != (value or ""):
            editor.setText(str(value or ""))

    def _strong(self, item_id: str) -> bool:
        relevance = self.state.relevance(item_id)
        return relevance is not None and relevance.strong

    def _show_relevance(self) -> None:
        counterpart = self.state.briefing.meeting.counterpart
        if counterpart is None:
            self.relevance_label.setText(self.tr("Choose a counterpart to rank the sections."))
            return
        sections = sum(1 for _, s in self.state.all_sections() if self._strong(s.id))
        figures = sum(1 for f in self.state.all_figures() if self._strong(f.id))
        self.relevance_label.setText(
            self.tr("★ {0} sections and {1} figures are relevant to {2}.").format(
                sections, figures, counterpart.name
            )
        )
