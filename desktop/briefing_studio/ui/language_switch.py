"""Switching the interface language while the app runs.

Qt widgets keep the texts they were made with, so a new language means a new window. The
switch closes the other windows first (an editor may ask to save, or refuse), shuts this window's
work down, installs the new translators and hands the open work to ``rebuild``, which makes the
successor window. The briefing, its sources and whether it is unsaved carry over; the undo
history does not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from briefing_studio.briefing import Briefing
from briefing_studio.ui import i18n, preferences
from briefing_studio.ui.i18n import Translated
from briefing_studio.ui.state import BriefingState
from briefing_studio.workspace import Workspace

Rebuild = Callable[[Workspace, Briefing, bool], QWidget]


class LanguageSwitch(Translated):
    """Rebuilds ``window_parent`` in the language chosen in the settings."""

    def __init__(
        self,
        window_parent: QWidget,
        state: BriefingState,
        shutdown: Callable[[], None],
        rebuild: Rebuild,
    ) -> None:
        self.window_parent = window_parent
        self.state = state
        self.shutdown = shutdown
        self.rebuild = rebuild  # (workspace, briefing, modified) → the new window, shown

    def switch(self) -> QWidget | None:
        """The new window, or None when an open editor kept this one (the user is told)."""
        if not self._close_other_windows():
            QMessageBox.information(
                self.window_parent,
                self.tr("Language"),
                self.tr("The new language applies when Briefing Studio starts again."),
            )
            return None
        workspace, briefing = self.state.workspace, self.state.snapshot()
        modified = self.state.modified
        self.shutdown()  # before the successor: both windows' autosaves use this process's files
        i18n.install(preferences.language())
        return self.rebuild(workspace, briefing, modified)

    def _close_other_windows(self) -> bool:
        """Close the template manager and editors (they may ask to save); False if one stays."""
        for window in self.window_parent.findChildren(QWidget):
            if window.isWindow() and window.isVisible() and not window.close():
                return False
        return True
