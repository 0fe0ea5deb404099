"""The main window's actions, menus and toolbar: every command with its shortcut and tooltip.

``ActionSet`` builds them on a ``QMainWindow`` from a ``Commands`` table (what each action calls)
and the undo stack; it knows nothing else of the window, so the workflows that do the work are
wired in one place, ``MainWindow``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu
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


Command = Callable[[], Any]


@dataclass(frozen=True)
class Commands:
    """What each action does: one callable per command, given by the window's workflows."""

    new_briefing: Command
    open_files: Command
    open_with_encoding: Command
    open_recent: Callable[[Path], Any]
    paste_source: Command
    save: Command
    save_as: Command
    export: Command
    print_briefing: Command
    print_preview: Command
    verify_signatures: Command
    quit: Command
    select_all: Command
    select_none: Command
    suggest: Command
    find: Command
    find_names_again: Command
    manage_templates: Command
    show_settings: Command
    show_template_reference: Command
    show_user_guide: Command
    show_about: Command


class ActionSet(Translated):
    """The actions, menus and toolbar of ``host``; each action calls its entry of ``commands``."""

    def __init__(self, host: QMainWindow, undo_stack: QUndoStack, commands: Commands) -> None:
        self.host = host
        self.commands = commands
        self._build_actions(undo_stack)
        self._build_menus()

    def _action(
        self,
        text: str,
        tip: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | str | None = None,
    ) -> QAction:
        action = QAction(text, self.host)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.host.addAction(action)
        return action

    def _build_actions(self, stack: QUndoStack) -> None:
        std = QKeySequence.StandardKey
        do = self.commands
        self.new_action = self._action(
            self.tr("&New briefing"), self.tr("Start an empty briefing"), do.new_briefing, std.New
        )
        self.open_action = self._action(
            self.tr("&Open…"),
            self.tr("Open source files or a .briefing project"),
            do.open_files,
            std.Open,
        )
        self.open_encoding_action = self._action(
            self.tr("Open with &encoding…"),
            self.tr("Open text files whose encoding was not recognised (TCVN3, VNI…)"),
            do.open_with_encoding,
        )
        self.paste_action = self._action(
            self.tr("&Paste as new source"),
            self.tr("Add the text on the clipboard as a source"),
            do.paste_source,
            "Ctrl+Shift+V",
        )
        self.save_action = self._action(
            self.tr("&Save"), self.tr("Save the briefing (.briefing)"), do.save, std.Save
        )
        self.save_as_action = self._action(
            self.tr("Save &as…"),
            self.tr("Save the briefing under another name"),
            do.save_as,
            "Ctrl+Shift+S",
        )
        self.export_action = self._action(
            self.tr("&Export…"),
            self.tr("Write the briefing as DOCX and/or PDF"),
            do.export,
            "Ctrl+E",
        )
        self.print_action = self._action(
            self.tr("&Print…"), self.tr("Print the briefing"), do.print_briefing, std.Print
        )
        self.print_preview_action = self._action(
            self.tr("Print pre&view…"), self.tr("See the printed pages first"), do.print_preview
        )
        self.verify_action = self._action(
            self.tr("&Verify signatures…"),
            self.tr("Check the digital signatures of a PDF"),
            do.verify_signatures,
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.tr("Close Briefing Studio"), do.quit, "Ctrl+Q"
        )
        self.undo_action = stack.createUndoAction(self.host, self.tr("Undo"))
        self.undo_action.setShortcuts([QKeySequence(std.Undo)])
        self.undo_action.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.redo_action = stack.createRedoAction(self.host, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setToolTip(self.tr("Redo the change (Ctrl+Shift+Z or Ctrl+Y)"))
        self.host.addActions([self.undo_action, self.redo_action])
        self._build_toolbar_undo(stack)
        self.select_all_action = self._action(
            self.tr("Select &all"),
            self.tr("Tick every section and figure"),
            do.select_all,
            "Ctrl+Shift+A",
        )
        self.select_none_action = self._action(
            self.tr("Select &none"),
            self.tr("Untick every section and figure"),
            do.select_none,
            "Ctrl+Shift+D",
        )
        self.suggest_action = self._action(
            self.tr("S&uggest"),
            self.tr("Tick what is relevant to the counterpart"),
            do.suggest,
            "Ctrl+G",
        )
        self.find_action = self._action(
            self.tr("&Find…"), self.tr("Search the sections (Ctrl+F)"), do.find, std.Find
        )
        self.entities_action = self._action(
            self.tr("Find &names again"),
            self.tr("Recognise people, organisations and places"),
            do.find_names_again,
        )
        self.templates_action = self._action(
            self.tr("&Manage templates…"),
            self.tr("Customise, edit, import and share templates"),
            do.manage_templates,
        )
        self.settings_action = self._action(
            self.tr("&Settings…"),
            self.tr("Language, templates folder, agency"),
            do.show_settings,
            "Ctrl+,",
        )
        self.reference_action = self._action(
            self.tr("Template &reference"),
            self.tr("Tags, style classes, variables and filters for template editors"),
            do.show_template_reference,
        )
        self.guide_action = self._action(
            self.tr("User &guide"),
            self.tr("From sources to an exported briefing, Suggest, recovering work (F1)"),
            do.show_user_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self.about_action = self._action(
            self.tr("&About Briefing Studio"),
            self.tr("Versions of the app and its libraries"),
            do.show_about,
        )

    def _build_toolbar_undo(self, stack: QUndoStack) -> None:
        """Undo/Redo for the toolbar: short fixed labels, so the buttons after them never move
        when the step's name changes; the full "Undo Tick section" is in the tooltip."""
        self.undo_tool_action = QAction(self.tr("Undo"), self.host)
        self.redo_tool_action = QAction(self.tr("Redo"), self.host)
        pairs = (
            (self.undo_tool_action, self.undo_action, stack.undo),
            (self.redo_tool_action, self.redo_action, stack.redo),
        )
        for tool, full, slot in pairs:
            tool.triggered.connect(lambda _checked=False, s=slot: s())
            full.changed.connect(lambda t=tool, f=full: follow_action(t, f))
            follow_action(tool, full)

    def _build_menus(self) -> None:
        bar = self.host.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.recent_menu = QMenu(self.tr("Open &recent"), self.host)
        self.recent_menu.setToolTipsVisible(True)  # each file's folder
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
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
        self.toolbar = toolbar = self.host.addToolBar(self.tr("Main"))
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

    def fill_recent_menu(self) -> None:
        """The recent files, filled each time the menu opens (the list changes elsewhere)."""
        self.recent_menu.clear()
        recent = preferences.recent_files()
        for number, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(recent_label(number, path))
            action.setToolTip(str(Path(path).parent))
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.commands.open_recent(Path(p)))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(preferences.clear_recent_files)
