"""The meeting details: counterpart (with completion), date, time, place, people, agency.

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

from briefing_studio.ui.date_field import DateField
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

        self.title = self._line("briefing", "title", self.tr("Empty: made from the counterpart"))
        self.date = DateField(
            self.tr("Meeting date, e.g. 15/12/2026 or 15/12; empty: none"),
            self.tr("e.g. 15/12/2026"),
        )
        self.date.committed.connect(self._field_editor("meeting", "date"))
        self.time = self._line("meeting", "time", self.tr("e.g. 9h00, Chiều"))
        self.place = self._line("meeting", "place", self.tr("Where the meeting takes place"))
        self.host = self._line("meeting", "host", self.tr("Who receives the guests on our side"))
        self.purpose = self._line("meeting", "purpose", self.tr("Why the meeting is held"))
        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText(self.tr("One participant per line"))
        self.participants.setToolTip(self.tr("One participant per line"))
        self.participants.setFixedHeight(70)
        self.participants.setTabChangesFocus(True)  # Tab leaves the list; Enter starts a line
        self.participants.textChanged.connect(self._participants_edited)
        self.agency_parent = self._line("agency", "parent", self.tr("e.g. BỘ NGOẠI GIAO"))
        self.agency_name = self._line("agency", "name", self.tr("e.g. VỤ TỔNG HỢP KINH TẾ"))
        self.agency_place = self._line("agency", "place", self.tr("e.g. Hà Nội"))
        self.agency_reference = self._line("agency", "reference", self.tr("e.g. Số: 12/TTr-TH"))
        self.issued = DateField(
            self.tr("The document's date (“Hà Nội, ngày …”); empty: the day it is exported"),
            self.tr("Empty: the export day"),
        )
        self.issued.committed.connect(self._field_editor("briefing", "issued"))

        row = QHBoxLayout()
        row.addWidget(self.counterpart, 1)
        row.addWidget(self.suggest_button)
        meeting = QGroupBox(self.tr("Meeting"))
        form = QFormLayout(meeting)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Counterpart"), row)
        form.addRow(self.relevance_label)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Time"), self.time)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Participants"), self.participants)
        agency = QGroupBox(self.tr("Issuing agency"))
        agency_form = QFormLayout(agency)
        agency_form.addRow(self.tr("Parent body"), self.agency_parent)
        agency_form.addRow(self.tr("Agency"), self.agency_name)
        agency_form.addRow(self.tr("Place"), self.agency_place)
        agency_form.addRow(self.tr("Reference"), self.agency_reference)
        agency_form.addRow(self.tr("Issue date"), self.issued)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(meeting)
        layout.addWidget(agency)
        layout.addStretch(1)

        for editor in [*body.findChildren(QLineEdit), self.participants]:
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

    def _line(self, target: str, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        edit.setToolTip(hint)
        edit.textEdited.connect(self._field_editor(target, name))
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

    def _participants_edited(self) -> None:
        if not self._syncing:
            lines = [line.strip() for line in self.participants.toPlainText().split("\n")]
            self.state.edit_field("meeting", "participants", [x for x in lines if x])

    def sync(self) -> None:
        """Show the state's values without creating undo steps."""
        self._syncing = True
        try:
            b = self.state.briefing
            meeting, agency = b.meeting, b.agency
            name = meeting.counterpart.name if meeting.counterpart else ""
            if self.counterpart.currentText() != name:
                self.counterpart.setEditText(name)
            pairs = [
                (self.title, b.title),
                (self.time, meeting.time),
                (self.place, meeting.place),
                (self.host, meeting.host),
                (self.purpose, meeting.purpose),
                (self.agency_parent, agency.parent),
                (self.agency_name, agency.name),
                (self.agency_place, agency.place),
                (self.agency_reference, agency.reference),
            ]
            for edit, value in pairs:
                if edit.text() != (value or ""):
                    edit.setText(value or "")
            self.date.set_value(meeting.date)
            self.issued.set_value(b.issued)
            participants = [p for p in self.participants.toPlainText().split("\n") if p.strip()]
            if [p.strip() for p in participants] != list(meeting.participants):
                self.participants.setPlainText("\n".join(meeting.participants))
        finally:
            self._syncing = False
        self._show_relevance()

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
