"""The meeting form with the keyboard alone: dates typed as offices write them, Tab moving on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from briefing_studio.project import load_briefing


def focus(qtbot, widget) -> None:
    """Give ``widget`` the keyboard focus in its active window, as a click would."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _type_into(qtbot, field, text: str) -> None:
    """Click into the field, select what is there, type ``text`` and press Tab."""
    edit = getattr(field, "edit", field)
    focus(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("15/12/2026", "2026-12-15"),
        ("15-12-2026", "2026-12-15"),
        ("15.12.2026", "2026-12-15"),
        ("5/1/2027", "2027-01-05"),
        ("15/12", f"{dt.date.today().year}-12-15"),
        ("2026-12-15", "2026-12-15"),
    ],
)
def test_typing_a_meeting_date_in_office_forms(make_window, qtbot, typed: str, iso: str) -> None:
    window = make_window()
    date = window.meeting_panel.editors["meeting.date"]
    _type_into(qtbot, date, typed)
    assert window.state.briefing.meeting.date == iso
    assert not date.edit.hasFocus(), "Tab leaves the field"
    shown = dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    assert date.edit.text() == shown, "leaving the field keeps the date, written in full"


def test_retyping_a_date_replaces_it_and_undo_brings_it_back(make_window, qtbot) -> None:
    window = make_window()
    date = window.meeting_panel.editors["meeting.date"]
    _type_into(qtbot, date, "15/12/2026")
    _type_into(qtbot, date, "20/01/2027")
    assert date.edit.text() == "20/01/2027"
    assert window.state.briefing.meeting.date == "2027-01-20"
    window.state.undo_stack.undo()  # typing in one field is one step, as in the other fields
    assert window.state.briefing.meeting.date is None
    assert date.edit.text() == ""
    window.state.undo_stack.redo()
    assert date.edit.text() == "20/01/2027"


def test_a_date_that_does_not_exist_is_marked_and_changes_nothing(make_window, qtbot) -> None:
    window = make_window()
    date = window.meeting_panel.editors["meeting.date"]
    _type_into(qtbot, date, "15/12/2026")
    _type_into(qtbot, date, "31/02/2026")
    assert window.state.briefing.meeting.date == "2026-12-15"
    assert date.edit.text() == "31/02/2026", "what was typed stays to be corrected"
    assert "31/02/2026" in date.edit.toolTip()
    qtbot.keyClicks(date.edit, "abc")  # letters are not part of any date
    assert date.edit.text() == "31/02/2026"
    _type_into(
        qtbot, window.meeting_panel.editors["meeting.place"], "Phong 1"
    )  # another field changes
    assert date.edit.text() == "31/02/2026", "the wrong date stays there to be corrected"
    assert "31/02/2026" in date.edit.toolTip()


def test_no_date_with_the_clear_button_or_an_empty_field(make_window, qtbot) -> None:
    window = make_window()
    date = window.meeting_panel.editors["meeting.date"]
    _type_into(qtbot, date, "15/12/2026")
    clear = next(b for b in date.edit.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert window.state.briefing.meeting.date is None
    assert date.edit.text() == ""
    _type_into(qtbot, date, "15/12/2026")
    focus(qtbot, date.edit)
    qtbot.keyClick(date.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(date.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(date.edit, Qt.Key.Key_Tab)
    assert window.state.briefing.meeting.date is None


def test_the_calendar_opens_on_today_or_the_chosen_date_and_picks_one(make_window, qtbot) -> None:
    window = make_window()
    date = window.meeting_panel.editors["meeting.date"]
    focus(qtbot, date.edit)
    qtbot.keyClick(date.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(date.popup.isVisible)
    today = QDate.currentDate()
    assert (date.calendar.yearShown(), date.calendar.monthShown()) == (today.year(), today.month())
    date.popup.hide()

    _type_into(qtbot, date, "15/12/2030")
    focus(qtbot, date.edit)
    qtbot.keyClick(date.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(date.popup.isVisible)
    assert date.calendar.selectedDate() == QDate(2030, 12, 15)
    qtbot.keyClick(date.calendar.focusWidget() or date.calendar, Qt.Key.Key_Right)
    qtbot.keyClick(date.calendar.focusWidget() or date.calendar, Qt.Key.Key_Return)
    assert window.state.briefing.meeting.date == "2030-12-16"
    assert date.edit.text() == "16/12/2030"
    assert not date.popup.isVisible()


def test_issue_date_is_saved_loaded_and_undone(
    make_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = make_window()
    issued = window.meeting_panel.editors["briefing.issued"]
    _type_into(qtbot, issued, "10/12/2026")
    assert window.state.briefing.issued == "2026-12-10"
    path = tmp_path / "hop.briefing"
    assert window.files.save_to(path)
    assert load_briefing(path).issued == "2026-12-10"

    window.state.undo_stack.undo()
    assert window.state.briefing.issued is None
    assert issued.edit.text() == ""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: discard)
    window.files.open_project(path)
    qtbot.waitUntil(lambda: window.state.briefing.issued == "2026-12-10", timeout=30000)
    assert issued.edit.text() == "10/12/2026"


def test_tab_leaves_participants_and_enter_starts_a_new_line(make_window, qtbot) -> None:
    window = make_window()
    panel = window.meeting_panel
    focus(qtbot, panel.editors["meeting.participants"])
    qtbot.keyClicks(panel.editors["meeting.participants"], "Ong A")
    qtbot.keyClick(panel.editors["meeting.participants"], Qt.Key.Key_Return)
    qtbot.keyClicks(panel.editors["meeting.participants"], "Ba B")
    qtbot.keyClick(panel.editors["meeting.participants"], Qt.Key.Key_Tab)
    assert "\t" not in panel.editors["meeting.participants"].toPlainText()
    assert window.state.briefing.meeting.participants == ["Ong A", "Ba B"]
    assert QApplication.focusWidget() is not panel.editors["meeting.participants"]
    assert panel.isAncestorOf(QApplication.focusWidget())


def _tab_cycle(qtbot, window, start) -> list:
    """The widgets Tab visits from ``start`` until it comes back round."""
    focus(qtbot, start)
    visited = [start]
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is start:
            return visited
        visited.append(current)
    raise AssertionError("Tab never came back to where it started")


def _reading_place(window, widget) -> tuple[int, int, int]:
    """(column, y, x) of ``widget`` in the window: columns are the splitter's panes."""
    column = next(
        i for i in range(window.splitter.count()) if window.splitter.widget(i).isAncestorOf(widget)
    )
    top_left = widget.mapTo(window, QPoint(0, 0))
    return column, top_left.y(), top_left.x()


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_tab_follows_the_reading_order_through_the_whole_window(make_window, qtbot, tab) -> None:
    window = make_window()
    window.tabs.setCurrentIndex(tab)
    visited = _tab_cycle(qtbot, window, window.sources_panel.tree)
    places = [_reading_place(window, w) for w in visited]
    for i in range(1, len(visited)):
        before, after = places[i - 1], places[i]
        same_row = before[0] == after[0] and abs(after[1] - before[1]) < 12
        in_order = after[0] > before[0] or (
            after[0] == before[0] and (after[2] > before[2] if same_row else after[1] > before[1])
        )
        assert in_order, (visited[i - 1], visited[i])
    panel = window.meeting_panel
    fields = [
        panel.counterpart,
        panel.editors["meeting.date"].edit,
        panel.editors["meeting.participants"],
        panel.editors["briefing.issued"].edit,
    ]
    assert all(any(w is f or f.isAncestorOf(w) for w in visited) for f in fields)
    assert panel not in visited, "the form's scroll area is no stop of its own"
    assert {c for c, _, _ in places} == {0, 1, 2}


def test_the_form_has_one_labelled_editor_per_meeting_field(make_window, qtbot) -> None:
    """The panel is built from ``MEETING_FIELDS``: each row is a labelled editor, and typing
    into a text row edits its attribute (undoably) and shows it again after Undo/Redo."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    from briefing_studio.briefing import MEETING_FIELDS

    window = make_window()
    panel = window.meeting_panel
    assert list(panel.editors) == [f.key for f in MEETING_FIELDS]
    labels = {}
    for form in panel.findChildren(QFormLayout):
        for editor in panel.editors.values():
            label = form.labelForField(editor)
            if label is not None:
                labels[editor] = label.text()
    assert [labels.get(panel.editors[f.key]) for f in MEETING_FIELDS] == [
        f.label_vi for f in MEETING_FIELDS
    ]
    for number, field in enumerate(MEETING_FIELDS):
        editor = panel.editors[field.key]
        if field.type != "text":
            continue
        assert isinstance(editor, QLineEdit) and editor.toolTip() == field.hint_vi
        _type_into(qtbot, editor, f"Gia tri {number}")
        assert field.get(window.state.briefing) == f"Gia tri {number}", field.key
    window.state.undo_stack.undo()
    last = [f for f in MEETING_FIELDS if f.type == "text"][-1]
    assert panel.editors[last.key].text() == last.get(window.state.briefing)
