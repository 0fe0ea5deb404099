"""The open sources: the title and the format of each (author, date, file in the tooltip), with
Open, Paste and Remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.analysis.model import Analysis
from briefing_studio.sources import ENCODINGS
from briefing_studio.ui.state import BriefingState

KeyRole = Qt.ItemDataRole.UserRole + 7


def encoding_name(code: str | None) -> str:
    """``TCVN3``, ``VNI-Windows``, ``Windows-1258``, ``UTF-8``: the short name of an encoding."""
    if not code:
        return ""
    label = dict(ENCODINGS).get(code.lower(), code.upper())
    return label.split(" (")[0].removeprefix("Unicode ")


class SourcesPanel(QWidget):
    """A list of sources; selecting one shows it in the text view."""

    source_activated = Signal(str)  # source key
    open_requested = Signal()
    paste_requested = Signal()

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.tree = QTreeWidget()
        # Two columns: at 1366×768 the left pane is about 330 px, and the title needs them.
        self.tree.setHeaderLabels([self.tr("Title"), self.tr("Format")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Sources"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemClicked.connect(
            lambda item: self.source_activated.emit(item.data(0, KeyRole))
        )

        self.open_button = self._button(
            self.tr("Open…"), self.tr("Add source files (Ctrl+O)"), self.open_requested.emit
        )
        self.paste_button = self._button(
            self.tr("Paste"),
            self.tr("Add the clipboard text as a new source"),
            self.paste_requested.emit,
        )
        self.remove_button = self._button(
            self.tr("Remove"),
            self.tr("Remove the selected source (can be undone)"),
            self.remove_current,
        )
        buttons = QHBoxLayout()
        for button in (self.open_button, self.paste_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        state.sources_changed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        # Rebuilding the list must not look like the user picking a source.
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            for analysis in self.state.analyses:
                self.tree.addTopLevelItem(self._item(analysis))
        finally:
            self.tree.blockSignals(False)
        self.remove_button.setEnabled(bool(self.state.analyses))

    def format_label(self, source_format: str, encoding: str | None) -> str:
        """The format as a person reads it: ``Word (.docx)``, ``Văn bản · TCVN3``, ``PDF``."""
        if source_format == "docx":
            return self.tr("Word (.docx)")
        if source_format == "pdf":
            return self.tr("PDF")
        if source_format == "pasted":
            return self.tr("Pasted")
        kind = self.tr("Web page") if source_format == "html" else self.tr("Text")
        return f"{kind} · {encoding_name(encoding)}" if encoding else kind

    def _item(self, analysis: Analysis) -> QTreeWidgetItem:
        source, meta = analysis.source, analysis.metadata
        title = meta.title or source.title or source.name
        date = meta.date or meta.time or ""
        author = meta.author or source.author or ""
        kind = self.format_label(source.format, source.encoding)
        item = QTreeWidgetItem([title, kind])
        item.setData(0, KeyRole, source.key)
        where = source.path or self.tr("(pasted text)")
        tip = self.tr(
            "{0}\nAuthor: {1}\nDate: {2}\nFile: {3}\nFormat: {4}\nSections: {5}, figures: {6}"
        )
        text = tip.format(
            title,
            author or "—",
            date or "—",
            where,
            kind,
            len(analysis.sections),
            len(analysis.figures),
        )
        item.setToolTip(0, text)
        item.setToolTip(1, text)
        return item

    def keys(self) -> list[str]:
        return [
            self.tree.topLevelItem(i).data(0, KeyRole) for i in range(self.tree.topLevelItemCount())
        ]

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KeyRole) if item else None

    def remove_current(self) -> None:
        key = self.current_key()
        if key is None and self.state.analyses:
            return
        if key:
            self.state.remove_source(key)

    def _current_changed(self, current: QTreeWidgetItem | None, previous: object) -> None:
        # previous None: Qt making the first item current on focus, not the user choosing it.
        if current is not None and previous is not None:
            self.source_activated.emit(current.data(0, KeyRole))
