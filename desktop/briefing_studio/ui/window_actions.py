"""The main window's actions, menus and toolbar: every command with its shortcut and tooltip.

A mixin of ``MainWindow`` (kept apart so the window module stays short); the actions call the
window's methods, which do the work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from briefing_studio.ui import preferences
from briefing_studio.ui.i18n import Translated


def recent_label(number: int, path: str) -> str:
    """``&1 briefing.briefing``: numbered like Word's list (Alt+1…9 pick one), the file's
    name only (its folder is the tooltip); an ``&`` in the name is shown, not a shortcut."""
    digits = str(number)
    mnemonic = f"{digits[:-1]}&{digits[-1]}"
    return f"{mnemonic} {Path(path).name.replace('&', '&&')}"


def follow_action(tool: QAction, full: QAction) -> None:
    """``tool`` takes ``full``'s enabled state, and its changing text as a tooltip."""
    if not (isValid(tool) and isValid(full)):  # the window is being destroyed
        return
    text = full.text().replace("&", "")
    tool.setEnabled(full.isEnabled())
    tool.setToolTip(full.toolTip() if text == tool.text() else f"{text} — {full.toolTip()}")
    tool.setStatusTip(text)


class WindowActions(Translated):
    """Builds ``MainWindow``'s actions and menus (``self`` is the window)."""

    def _action(
        self,
        text: str,
        tip: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New briefing"), self.tr("Start an empty briefing"), self.new_briefing, std.New
        )
        self.open_action = self._action(
            self.tr("&Open…"),
            self.tr("Open source files or a .briefing project"),
            self.open_files,
            std.Open,
        )
        self.open_encoding_action = self._action(
            self.tr("Open with &encoding…"),
            self.tr("Open text files whose encoding was not recognised (TCVN3, VNI…)"),
            self.open_with_encoding,
        )
        self.paste_action = self._action(
            self.tr("&Paste as new source"),
            self.tr("Add the text on the clipboard as a source"),
            self.paste_source,
            "Ctrl+Shift+V",
        )
        self.save_action = self._action(
            self.tr("&Save"), self.tr("Save the briefing (.briefing)"), self.save, std.Save
        )
        self.save_as_action = self._action(
            self.tr("Save &as…"),
            self.tr("Save the briefing under another name"),
            self.save_as,
            "Ctrl+Shift+S",
        )
        self.export_action = self._action(
            self.tr("&Export…"),
            self.tr("Write the briefing as DOCX and/or PDF"),
            self.export,
            "Ctrl+E",
        )
        self.print_action = self._action(
            self.tr("&Print…"), self.tr("Print the briefing"), self.print_briefing, std.Print
        )
        self.print_preview_action = self._action(
            self.tr("Print pre&view…"), self.tr("See the printed pages first"), self.print_preview
        )
        self.verify_action = self._action(
            self.tr("&Verify signatures…"),
            self.tr("Check the digital signatures of a PDF"),
            self.verify_signatures,
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.tr("Close Briefing Studio"), self.close, "Ctrl+Q"
        )
        stack = self.state.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(std.Undo)])
        self.undo_action.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setToolTip(self.tr("Redo the change (Ctrl+Shift+Z or Ctrl+Y)"))
        self.addActions([self.undo_action, self.redo_action])
        self._build_toolbar_undo(stack)
        self.select_all_action = self._action(
            self.tr("Select &all"),
            self.tr("Tick every section and figure"),
            self.state.select_all,
            "Ctrl+Shift+A",
        )
        self.select_none_action = self._action(
            self.tr("Select &none"),
            self.tr("Untick every section and figure"),
            self.state.select_none,
            "Ctrl+Shift+D",
        )
        self.suggest_action = self._action(
            self.tr("S&uggest"),
            self.tr("Tick what is relevant to the counterpart"),
            self.suggest,
            "Ctrl+G",
        )
        self.find_action = self._action(
            self.tr("&Find…"), self.tr("Search the sections (Ctrl+F)"), self.focus_search, std.Find
        )
        self.entities_action = self._action(
            self.tr("Find &names again"),
            self.tr("Recognise people, organisations and places"),
            self.find_entities_again,
        )
        self.templates_action = self._action(
            self.tr("&Manage templates…"),
            self.tr("Customise, edit, import and share templates"),
            self.manage_templates,
        )
        self.settings_action = self._action(
            self.tr("&Settings…"),
            self.tr("Language, templates folder, agency"),
            self.show_settings,
            "Ctrl+,",
        )
        self.reference_action = self._action(
            self.tr("Template &reference"),
            self.tr("Tags, style classes, variables and filters for template editors"),
            self.show_template_reference,
        )
        self.guide_action = self._action(
            self.tr("User &guide"),
            self.tr("From sources to an exported briefing, Suggest, recovering work (F1)"),
            self.show_user_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self.about_action = self._action(
            self.tr("&About Briefing Studio"),
            self.tr("Versions of the app and its libraries"),
            self.show_about,
        )

    def _build_toolbar_undo(self, stack: Any) -> None:
        """Undo/Redo for the toolbar: short fixed labels, so the buttons after them never move
        when the step's name changes; the full "Undo Tick section" is in the tooltip."""
        self.undo_tool_action = QAction(self.tr("Undo"), self)
        self.redo_tool_action = QAction(self.tr("Redo"), self)
        pairs = (
            (self.undo_tool_action, self.undo_action, stack.undo),
            (self.redo_tool_action, self.redo_action, stack.redo),
        )
        for tool, full, slot in pairs:
            tool.triggered.connect(lambda _checked=False, s=slot: s())
            full.changed.connect(lambda t=tool, f=full: follow_action(t, f))
            follow_action(tool, full)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.setToolTipsVisible(True)  # each file's folder
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addActions([self.new_action, self.open_action, self.open_encoding_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.paste_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [self.export_action, self.print_action, self.print_preview_action]
        )
        self.file_menu.addAction(self.verify_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [self.select_all_action, self.select_none_action, self.suggest_action, self.find_action]
        )
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)
        self.templates_menu = bar.addMenu(self.tr("Te&mplates"))
        self.templates_menu.addAction(self.templates_action)
        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self.tools_menu.addAction(self.entities_action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addActions([self.guide_action, self.reference_action, self.about_action])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("MainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions(
            [
                self.open_action,
                self.save_action,
                self.undo_tool_action,
                self.redo_tool_action,
                self.suggest_action,
                self.export_action,
                self.print_action,
            ]
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = preferences.recent_files()
        for number, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(recent_label(number, path))
            action.setToolTip(str(Path(path).parent))
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_paths([Path(p)]))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(preferences.clear_recent_files)
