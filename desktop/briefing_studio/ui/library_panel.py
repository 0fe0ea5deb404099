"""The Library tab: search every source the office has loaded, and take a paragraph from it.

Typing searches as you type (a short pause, then a background task; only the newest answer is
shown). Filters narrow by counterpart, years and figures. The list shows each hit's source and
a snippet; the pane below it the whole paragraph with the matched words marked and its figures.
Enter (or the button) adds the paragraph, with its source as the library keeps it, to the
briefing — the original file is not needed. Watched folders are scanned in the background with
progress and Cancel in the status bar, at start and on request. A library whose schema is older
than this version's is upgraded the same way (progress and Cancel), as soon as the tab is made
and whenever a search finds it still waiting: a cancelled upgrade leaves it as it was.

Keyboard: Ctrl+F-style focus on the search field when the tab opens, Down/Up in the field move
through the results, Enter in the list adds the paragraph, Escape clears the search.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_studio import settings as keys
from briefing_studio.errors import BriefingError
from briefing_studio.library.query import FIGURE_KINDS
from briefing_studio.ui import ops, preferences
from briefing_studio.ui.state import BriefingState

SEARCH_DELAY_MS = 200  # typing pauses this long before a search starts
SCAN_AT_START_MS = 3000  # watched folders are scanned this long after the window opens
HitRole = Qt.ItemDataRole.UserRole + 11
_MARK = '<span style="background-color:#ffe58a">'


def watched_folders() -> list[str]:
    value = preferences.get_str(keys.KEY_LIBRARY_WATCHED)
    return [item for item in value.split(os.pathsep) if item.strip()]


def set_watched_folders(folders: list[str]) -> None:
    preferences.set_value(keys.KEY_LIBRARY_WATCHED, os.pathsep.join(folders))


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` as HTML with each span highlighted."""
    out, last = [], 0
    for start, end in spans:
        out += [html.escape(text[last:start]), _MARK, html.escape(text[start:end]), "</span>"]
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def snippet(text: str, spans: list[tuple[int, int]], width: int = 140) -> str:
    """About ``width`` characters of ``text`` around its first hit."""
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    piece = text[start : start + width].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


class _SearchField(QLineEdit):
    """Down/Up move through the results while the caret stays here; Escape clears."""

    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.step.emit(1)
        elif event.key() == Qt.Key.Key_Up:
            self.step.emit(-1)
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class _ResultList(QListWidget):
    activated_by_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_by_key.emit()
        else:
            super().keyPressEvent(event)


class LibraryPanel(QWidget):
    """Search the source library and add paragraphs from it to the briefing."""

    section_added = Signal(str)  # the section id now chosen in the briefing

    def __init__(
        self,
        state: BriefingState,
        host: ops.ProgressHost | None = None,
        parent: QWidget | None = None,
        scan_at_start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self._generation = 0
        self._hits: list[Any] = []
        self.scan_op: ops.Op | None = None
        self.upgrade_op: ops.Op | None = None

        self.search = _SearchField()
        self.search.setPlaceholderText(
            self.tr('Search the library: with or without accents, "a phrase"')
        )
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setClearButtonEnabled(True)
        self.counterpart = QLineEdit()
        self.counterpart.setPlaceholderText(self.tr("Country or province"))
        self.counterpart.setAccessibleName(self.tr("Counterpart"))
        self.year_from = self._year_box(self.tr("from any year"))
        self.year_to = self._year_box(self.tr("to any year"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Figure kind"))
        self.kind.addItem(self.tr("any figure"), None)
        kinds = {
            "money": self.tr("money"),
            "percent": self.tr("percent"),
            "count": self.tr("count"),
            "measure": self.tr("measure"),
            "ratio": self.tr("ratio"),
            "date": self.tr("date"),
        }
        for kind in FIGURE_KINDS:
            self.kind.addItem(kinds[kind], kind)
        self.figure = QLineEdit()
        self.figure.setPlaceholderText(self.tr("Figures, e.g. tỷ USD > 1"))
        self.figure.setAccessibleName(self.tr("Figure filter"))

        self.results = _ResultList()
        self.results.setAccessibleName(self.tr("Library results"))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Paragraph"))
        self.detail.setOpenLinks(False)
        self.add_button = QPushButton(self.tr("Add this paragraph to the briefing"))
        self.add_button.setToolTip(self.tr("Adds the paragraph and its source (↵ Enter key)"))
        self.add_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.folders_button = QToolButton()
        self.folders_button.setText(self.tr("Watched folders…"))
        self.scan_button = QToolButton()
        self.scan_button.setText(self.tr("Scan now"))
        self.scan_button.setToolTip(self.tr("Add new and changed files of the watched folders"))

        filters = QHBoxLayout()
        filters.addWidget(self.counterpart, 2)
        filters.addWidget(self.year_from, 1)
        filters.addWidget(self.year_to, 1)
        figures = QHBoxLayout()
        figures.addWidget(self.kind, 1)
        figures.addWidget(self.figure, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("library")
        split.addWidget(self.results)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(self.folders_button)
        bottom.addWidget(self.scan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(figures)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        for field in (self.search, self.counterpart, self.figure):
            field.textChanged.connect(self._timer.start)
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(self._timer.start)
        self.kind.currentIndexChanged.connect(self._timer.start)
        self.search.step.connect(self._step)
        self.search.returnPressed.connect(lambda: self._step(0))
        self.results.currentRowChanged.connect(self._show_current)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_current())
        self.results.activated_by_key.connect(self.add_current)
        self.add_button.clicked.connect(self.add_current)
        self.folders_button.clicked.connect(self.edit_watched_folders)
        self.scan_button.clicked.connect(self.scan_watched)
        self.setFocusProxy(self.search)
        QTimer.singleShot(0, self._complete_counterparts)
        QTimer.singleShot(0, self.check_library)
        if scan_at_start and watched_folders():
            QTimer.singleShot(SCAN_AT_START_MS, self.scan_watched)

    def _year_box(self, any_text: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1944, 2100)
        box.setMinimum(1944)
        box.setSpecialValueText(any_text)  # shown at the minimum: no year limit
        box.setValue(1944)
        box.setAccessibleName(any_text)
        return box

    def _complete_counterparts(self) -> None:
        from briefing_studio.analysis.gazetteer import gazetteer

        names = [c.name for c in gazetteer().counterpart_choices("vi")]
        completer = QCompleter(names, self.counterpart)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.counterpart.setCompleter(completer)

    # ----- searching ---------------------------------------------------------------------------

    def query_values(self) -> dict:
        """What the fields ask for, as ``build_query`` arguments."""
        low, high = self.year_from.value(), self.year_to.value()
        return {
            "text": self.search.text(),
            "counterpart": self.counterpart.text().strip() or None,
            "year_from": low if low > self.year_from.minimum() else None,
            "year_to": high if high > self.year_to.minimum() else None,
            "figure_kind": self.kind.currentData(),
            "figure": self.figure.text().strip() or None,
            "prefix": True,
        }

    def run_search(self) -> ops.Op | None:
        """Search in the background; an answer that arrives after a newer search is dropped."""
        values = self.query_values()
        self._generation += 1
        generation = self._generation
        if _asks_nothing(values):
            self._show_hits([])
            self.status.setText("")
            return None

        def task(_ctx: ops.TaskContext) -> list:
            from briefing_studio.library import build_query, open_library

            query = build_query(**values)
            with open_library(upgrade=False) as library:  # an upgrade shows its progress
                return library.search(query)

        def done(hits: list) -> None:
            if generation == self._generation:
                self._show_hits(hits)

        def failed(exc: BaseException, _details: str) -> bool:
            if _needs_upgrade(exc):
                if generation == self._generation:
                    self.upgrade_library()
                return True
            if generation == self._generation and isinstance(exc, BriefingError):
                self._show_hits([])
                self.status.setText(exc.message(_language()))
                return True
            return isinstance(exc, BriefingError)

        return ops.run_op(task, done, parent=self, on_failure=failed, cancellable=False)

    def _show_hits(self, hits: list) -> None:
        self._hits = hits
        self.results.clear()
        for hit in hits:
            source = hit.source
            when = source.date or (str(source.year) if source.year else "")
            title = source.title if len(source.title) <= 90 else source.title[:89] + "…"
            head = " · ".join(filter(None, (title, when)))
            item = QListWidgetItem(f"{head}\n{snippet(hit.text, hit.spans)}")
            item.setData(HitRole, hit)
            item.setToolTip(source.path or source.name)
            self.results.addItem(item)
        self.status.setText(self.tr("%n paragraph(s) found", "", len(hits)) if hits else "")
        if hits:
            self.results.setCurrentRow(0)
        else:
            self.detail.clear()
            self.add_button.setEnabled(False)
        if not hits and (self.search.text().strip() or self.counterpart.text().strip()):
            self.status.setText(self.tr("Nothing found in the library."))

    def _step(self, delta: int) -> None:
        if not self._hits:
            return
        if delta == 0:
            self.results.setFocus()
            return
        row = max(0, min(len(self._hits) - 1, self.results.currentRow() + delta))
        self.results.setCurrentRow(row)

    def current_hit(self) -> Any:
        item = self.results.currentItem()
        return item.data(HitRole) if item is not None else None

    def _show_current(self, _row: int) -> None:
        hit = self.current_hit()
        self.add_button.setEnabled(hit is not None)
        if hit is None:
            self.detail.clear()
            return
        source = hit.source
        figures = "".join(f"<li>{html.escape(f.surface)}</li>" for f in hit.figures)
        figures_title = html.escape(self.tr("Figures in this paragraph"))
        self.detail.setHtml(
            f"<p><b>{html.escape(source.title)}</b><br>"
            f"<small>{html.escape(source.path or source.name)}"
            f"{' · ' + html.escape(source.date) if source.date else ''}</small></p>"
            f"<p>{marked_html(hit.text, hit.spans)}</p>"
            + (f"<p><b>{figures_title}</b></p><ul>{figures}</ul>" if figures else "")
        )

    # ----- taking a paragraph ------------------------------------------------------------------

    def add_current(self) -> ops.Op | None:
        """Add the current hit's paragraph and its source (from the library) to the briefing."""
        hit = self.current_hit()
        if hit is None:
            return None
        section_id = hit.section_key

        def task(ctx: ops.TaskContext) -> Any:
            from briefing_studio.analysis import analyze
            from briefing_studio.library import open_library

            with open_library(progress=ctx.progress, cancelled=ctx.cancelled) as library:
                return analyze(library.document(hit.source.id))

        def done(analysis: Any) -> None:
            self.state.add_analyses([analysis])
            if not self.state.is_section_chosen(section_id):
                self.state.toggle_section(section_id, True)
            self.status.setText(self.tr("Added to the briefing."))
            self.section_added.emit(section_id)

        label = self.tr("Adding a paragraph from the library")
        return ops.run_op(task, done, label=label, parent=self, host=self.host)

    # ----- upgrading the library ---------------------------------------------------------------

    def check_library(self) -> ops.Op:
        """In the background: upgrade the library now if its schema is older than this
        version's (rather than at the first search)."""

        def task(_ctx: ops.TaskContext) -> None:
            from briefing_studio.library import open_library

            with open_library(upgrade=False):
                pass

        def failed(exc: BaseException, _details: str) -> bool:
            if _needs_upgrade(exc):
                self.upgrade_library()
            return True  # any other problem is said when the library is used

        return ops.run_op(task, None, parent=self, on_failure=failed, cancellable=False)

    def upgrade_library(self) -> ops.Op | None:
        """Upgrade the library's schema with progress and Cancel in the status bar; then
        search again. Cancelled, the library stays as it was (upgraded the next time)."""
        if self.upgrade_op is not None and not self.upgrade_op.done:
            return None

        def task(ctx: ops.TaskContext) -> None:
            from briefing_studio.library import open_library
            from briefing_studio.library.scan import add_awaiting

            with open_library(progress=ctx.progress, cancelled=ctx.cancelled) as library:
                add_awaiting(library)  # sources opened meanwhile

        def done(_result: None) -> None:
            self.upgrade_op = None
            self.status.setText(self.tr("The library was updated."))
            if not _asks_nothing(self.query_values()):
                self._timer.start()  # the search that found the library waiting

        def cancelled() -> None:
            self.upgrade_op = None
            self.status.setText(
                self.tr(
                    "Library update cancelled: the library is left as it was and is updated "
                    "at the next search."
                )
            )

        self.status.setText(self.tr("Updating the library to this version…"))
        self.upgrade_op = ops.run_op(
            task,
            done,
            label=self.tr("Updating the library"),
            parent=self,
            host=self.host,
            on_failure=self._failure_said("upgrade_op"),
            on_cancelled=cancelled,
        )
        return self.upgrade_op

    def _failure_said(self, attribute: str) -> Callable[[BaseException, str], bool]:
        """An op's ``on_failure`` for the op kept in ``attribute``: it is forgotten, and a
        ``BriefingError`` is said in the status line (anything else is a bug report)."""

        def failed(exc: BaseException, _details: str) -> bool:
            setattr(self, attribute, None)
            if isinstance(exc, BriefingError):
                self.status.setText(exc.message(_language()))
                return True
            return False

        return failed

    # ----- watched folders ---------------------------------------------------------------------

    def edit_watched_folders(self) -> None:
        dialog = WatchedFoldersDialog(watched_folders(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            set_watched_folders(dialog.folders())
            if dialog.folders():
                self.scan_watched()

    def scan_watched(self) -> ops.Op | None:
        """Add the watched folders' new and changed files, in the background (Cancel stops)."""
        folders = watched_folders()
        if not folders or (self.scan_op is not None and not self.scan_op.done):
            return None
        from pathlib import Path

        def task(ctx: ops.TaskContext) -> Any:
            from briefing_studio.library.scan import add_paths_apart

            # In a process of its own: a scanning thread would share the interpreter lock with
            # the window (see library.scan).
            return add_paths_apart(
                [Path(f) for f in folders], progress=ctx.progress, cancelled=ctx.cancelled
            )

        def done(report: Any) -> None:
            self.scan_op = None
            self.status.setText(
                self.tr("Library: %1 added, %2 unchanged, %3 could not be read.")
                .replace("%1", str(len(report.added)))
                .replace("%2", str(len(report.unchanged) + len(report.duplicates)))
                .replace("%3", str(len(report.errors)))
            )
            if report.added:
                self._timer.start()

        self.scan_op = ops.run_op(
            task,
            done,
            label=self.tr("Scanning the watched folders"),
            parent=self,
            host=self.host,
            on_failure=self._failure_said("scan_op"),
            on_cancelled=lambda: setattr(self, "scan_op", None),
        )
        return self.scan_op


class WatchedFoldersDialog(QDialog):
    """The folders whose files the library adds by itself."""

    def __init__(self, folders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watched folders"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Watched folders"))
        self.list.addItems(folders)
        add = QPushButton(self.tr("Add folder…"))
        remove = QPushButton(self.tr("Remove"))
        add.clicked.connect(self._add)
        remove.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("New and changed files in these folders are added to the library."))
        )
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watch a folder"))
        if folder and folder not in self.folders():
            self.list.addItem(folder)

    def folders(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]


def _asks_nothing(values: dict) -> bool:
    """True when the fields (``query_values``) ask for nothing to search."""
    filters = any(v for k, v in values.items() if k not in ("prefix", "text"))
    return not filters and not values["text"].strip()


def _needs_upgrade(exc: BaseException) -> bool:
    from briefing_studio.library import UpgradeNeeded

    return isinstance(exc, UpgradeNeeded)


def _language() -> str:
    from briefing_studio.ui.i18n import current_language

    return current_language()
