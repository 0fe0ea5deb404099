"""A date typed the way Vietnamese offices write it, with a calendar and "no date".

``15/12/2026``, ``15-12-2026``, ``15.12.2026``, ``15/12`` (this year) and ``2026-12-15`` all read
as 15 December 2026. The field is a plain line edit, so typing, Ctrl+A and retyping, and
leaving the field behave as in any text box; the button beside it opens a calendar on the chosen
date (or today); the clear button or an empty field means no date.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.briefing import parse_meeting_date
from briefing_studio.errors import BriefingError

DISPLAY = "%d/%m/%Y"
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})$")
_FULL = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$")


def parse_date(text: str, today: dt.date | None = None) -> str | None:
    """The ISO date ``text`` names (``None`` for an empty text); ``BriefingError`` if none."""
    value = text.strip()
    if not value:
        return None
    match = _DAY_MONTH.match(value)
    if match:
        year = (today or dt.date.today()).year
        value = f"{match.group(1)}/{match.group(2)}/{year}"
    return parse_meeting_date(value)


def complete_date(text: str) -> bool:
    """True when ``text`` already names a day, month and a four-digit year."""
    return bool(_FULL.match(text.strip()))


def shown(iso: str | None) -> str:
    """``2026-12-15`` → ``15/12/2026``; ``None`` → ``""`` (a malformed value as it is)."""
    try:
        return dt.date.fromisoformat(iso).strftime(DISPLAY) if iso else ""
    except ValueError:
        return iso or ""


class DateField(QWidget):
    """A line edit for a date plus a calendar button; ``committed`` carries ISO text or None.

    A complete date is committed while typing (so Save right after typing keeps it); a short
    one (``15/12``) when the field is left or Enter is pressed, and then shown in full. Text that
    is no date stays as typed, marked, with the reason in its tooltip, and changes nothing.
    """

    committed = Signal(object)  # str (ISO) or None

    def __init__(self, hint: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = hint
        self._value: str | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(hint)
        self.edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9./\- ]{0,12}"), self.edit)
        )
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.setFocusProxy(self.edit)

        # A popup window (closes on a click elsewhere or Esc), shown without a nested event loop.
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        QVBoxLayout(self.popup).addWidget(self.calendar)
        self.popup.layout().setContentsMargins(0, 0, 0, 0)
        self.button = QToolButton()
        self.button.setText(self.tr("Calendar"))
        self.button.setToolTip(self.tr("Choose on a calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it from the field
        self.button.clicked.connect(self.open_calendar)
        shortcut = QShortcut(QKeySequence("Alt+Down"), self.edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.open_calendar)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def value(self) -> str | None:
        """The ISO date shown, or None."""
        return self._value

    def set_value(self, iso: str | None) -> None:
        """Show ``iso`` (from the model) without emitting ``committed``.

        The same value again (another field of the form changed) leaves the text alone, so a
        date being typed, or a wrong one marked for correcting, is not overwritten.
        """
        if iso == self._value:
            return
        self._value = iso
        self._mark(None)
        try:
            if parse_date(self.edit.text()) == iso:
                return  # what is typed already says this (maybe in a short form): leave it
        except BriefingError:
            pass
        self.edit.setText(shown(iso))

    def _typed(self, text: str) -> None:
        if not text.strip():
            self._commit(None)
        elif complete_date(text):
            try:
                self._commit(parse_date(text))
            except BriefingError:
                pass  # reported when the field is left

    def _finished(self) -> None:
        try:
            iso = parse_date(self.edit.text())
        except BriefingError as exc:
            from briefing_studio.ui.i18n import current_language

            self._mark(exc.message(current_language()))
            return
        self._commit(iso)
        self.edit.setText(shown(iso))

    def _commit(self, iso: str | None) -> None:
        self._mark(None)
        if iso != self._value:
            self._value = iso
            self.committed.emit(iso)

    def _mark(self, problem: str | None) -> None:
        self.edit.setStyleSheet("QLineEdit { background: #fde2e2; }" if problem else "")
        self.edit.setToolTip(problem or self._hint)
        self.edit.setProperty("problem", problem or "")

    def open_calendar(self) -> None:
        """Show the calendar under the field, on the chosen date or today."""
        chosen = QDate.fromString(self._value, "yyyy-MM-dd") if self._value else QDate()
        date = chosen if chosen.isValid() else QDate.currentDate()
        self.calendar.setSelectedDate(date)
        self.calendar.setCurrentPage(date.year(), date.month())
        self.popup.adjustSize()
        below = self.mapToGlobal(self.rect().bottomLeft())
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - self.popup.width()))
        y = (
            below.y()
            if below.y() + self.popup.height() <= screen.bottom()
            else (self.mapToGlobal(self.rect().topLeft()).y() - self.popup.height())
        )
        self.popup.move(x, y)
        self.popup.show()
        self.calendar.setFocus()

    def _picked(self, date: QDate) -> None:
        self.popup.hide()
        iso = date.toString("yyyy-MM-dd")
        self.edit.setText(shown(iso))
        self._commit(iso)
        self.edit.setFocus()
