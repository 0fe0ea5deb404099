"""Painting one section: a real checkbox, rich text with figures coloured by kind, a star.

Figures are anchors in the section's rich text, so a click finds the figure under the mouse
with ``anchorAt``; Space on the current row ticks the section, like a click on its box.
"""

from __future__ import annotations

import html
import itertools
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
)

from briefing_studio.analysis.kinds import kind
from briefing_studio.analysis.model import Figure, Section
from briefing_studio.ui.sections_model import Entry, EntryRole, SectionsModel, Span

MATCH_COLOUR = "#ffe94d"
# A figure asked for from elsewhere (figures table, preview, figure check): its sentence and
# the figure itself, for a moment.
FLASH_COLOUR = "#fff2a8"
FLASH_FIGURE_COLOUR = "#ffa726"
META_COLOUR = "#808080"  # captions, credits and bylines: metadata, not content
UNCERTAIN_COLOUR = "#c62828"  # underline of words OCR read with low confidence
# Laid-out documents kept for painting: a screenful many times over. Heights are kept for every
# row, so a long source never builds its documents twice to scroll. Documents leave one at a
# time: freeing two thousand at once (the old "clear when full") froze the window for a
# second while NER was running in the background.
DOCUMENTS_KEPT = 400
RELEVANT_COLOUR = QColor("#d08a00")
FAINT_COLOUR = QColor("#d9b56a")


def section_html(
    section: Section,
    figures: list[Figure],
    chosen: set[str],
    matches: list[Span],
    uncertain: Sequence[Span] = (),
    flash: tuple[Span, str] | None = None,
) -> str:
    """Rich text for one section: figures as coloured anchors, matches highlighted, words OCR
    was unsure of underlined in red (wherever they are, figures included), and ``flash`` (a
    sentence's span and a figure id) highlighted. A table section is a table, its header cells
    bold and its merged cells merged."""
    if section.table is not None:
        return _table_html(section, figures, chosen, matches, uncertain, flash)
    body = _marked(section.text, 0, len(section.text), figures, chosen, matches, uncertain, flash)
    if section.kind == "heading":
        return f"<p style='font-weight:bold'>{body}</p>"
    if section.is_meta:  # a caption, credit or byline: shown greyed, never chosen
        return f"<p style='color:{META_COLOUR};font-style:italic'>{body}</p>"
    return f"<p>{body}</p>"


def _table_html(
    section: Section,
    figures: list[Figure],
    chosen: set[str],
    matches: list[Span],
    uncertain: Sequence[Span],
    flash: tuple[Span, str] | None,
) -> str:
    table = section.table
    assert table is not None
    spans = {id(cell): (start, end) for cell, start, end in table.cell_spans()}
    rows = []
    for r in range(table.n_rows):
        cells = []
        for cell in table.row_cells(r):
            start, end = spans.get(id(cell), (0, 0))
            body = _marked(section.text, start, end, figures, chosen, matches, uncertain, flash)
            tag = "th" if cell.header else "td"
            cells.append(f'<{tag} colspan="{cell.cols}" rowspan="{cell.rows}">{body}</{tag}>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"<p><i>{html.escape(table.caption)}</i></p>" if table.caption else ""
    return (
        f'{caption}<table border="1" cellspacing="0" cellpadding="3" '
        f'style="border-collapse:collapse">{"".join(rows)}</table>'
    )


def _marked(
    text: str,
    first: int,
    last: int,
    figures: list[Figure],
    chosen: set[str],
    matches: list[Span],
    uncertain: Sequence[Span],
    flash: tuple[Span, str] | None = None,
) -> str:
    """``text[first:last]`` escaped, with figures, matches, unsure words and the flashed
    sentence and figure marked."""
    (flash_start, flash_end), flash_figure = flash if flash is not None else ((0, 0), None)
    cuts = {first, last}
    for figure in figures:
        cuts.update((figure.start, figure.end))
    for start, end in [*matches, *uncertain, (flash_start, flash_end)]:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if first <= c <= last)
    parts = []
    for start, end in itertools.pairwise(bounds):
        piece = html.escape(text[start:end])
        figure = next((f for f in figures if f.start <= start and end <= f.end), None)
        matched = any(m0 <= start and end <= m1 for m0, m1 in matches)
        flashed = flash_start <= start and end <= flash_end
        if figure is not None:
            pale, strong, ink = kind(figure.kind).colours  # from the one table of kinds
            back = MATCH_COLOUR if matched else (strong if figure.id in chosen else pale)
            weight = "font-weight:600;" if figure.id in chosen else ""
            line = "none"
            if figure.id == flash_figure:
                back, line = FLASH_FIGURE_COLOUR, "underline"
            piece = (
                f'<a href="fig:{html.escape(figure.id)}" style="color:{ink};'
                f'background-color:{back};text-decoration:{line};{weight}">{piece}</a>'
            )
        elif matched:
            piece = f'<span style="background-color:{MATCH_COLOUR}">{piece}</span>'
        elif flashed:
            piece = f'<span style="background-color:{FLASH_COLOUR}">{piece}</span>'
        if any(u0 <= start and end <= u1 for u0, u1 in uncertain):
            piece = (
                f'<span style="text-decoration:underline;color:{UNCERTAIN_COLOUR}">{piece}</span>'
            )
        parts.append(piece)
    return "".join(parts)


class SectionDelegate(QStyledItemDelegate):
    """Paints a section as a checkbox, rich text and a relevance star; handles clicks on both."""

    figure_clicked = Signal(str)
    MARGIN = 6
    STAR_WIDTH = 22

    def __init__(self, view: QListView, model: SectionsModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self._docs: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self._heights: dict[tuple, int] = {}
        self._check: QSize | None = None  # asked for every row's size: asked of the style once

    # ----- geometry ------------------------------------------------------------------------

    def _check_size(self) -> QSize:
        if self._check is None:
            style = self.view.style()
            self._check = QSize(
                style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth),
                style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight),
            )
        return self._check

    def _text_left(self) -> int:
        return self.MARGIN * 2 + self._check_size().width()

    def _text_width(self) -> int:
        return max(
            120, self.view.viewport().width() - self._text_left() - self.STAR_WIDTH - self.MARGIN
        )

    def _key(self, section: Section, width: int | None = None) -> tuple:
        """What the section's document depends on: text width, ticked figures, search marks."""
        chosen = {
            f.id
            for f in self.model.state.figures_in(section.id)
            if self.model.state.is_figure_chosen(f.id)
        }
        matches = self.model.matches.get(section.id, [])
        flash = self.model.flash_in(section.id)
        width = self._text_width() if width is None else width
        return (section.id, width, tuple(sorted(chosen)), tuple(matches), flash)

    def document(self, entry: Entry) -> QTextDocument:
        assert entry.section is not None
        return self._document(entry, self._key(entry.section))

    def _document(self, entry: Entry, key: tuple) -> QTextDocument:
        section = entry.section
        assert section is not None
        _, width, chosen, matches, flash = key
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
        else:
            if len(self._docs) >= DOCUMENTS_KEPT:
                self._docs.popitem(last=False)
            doc = QTextDocument()
            font = QFont(self.view.font())
            if section.kind == "heading":
                font.setPointSizeF(font.pointSizeF() * (1.25 if section.level <= 1 else 1.1))
            doc.setDefaultFont(font)
            doc.setDocumentMargin(2)
            doc.setHtml(
                section_html(
                    section,
                    self.model.state.figures_in(section.id),
                    set(chosen),
                    list(matches),
                    entry.analysis.source.uncertain_in(section.text),
                    flash,
                )
            )
            doc.setTextWidth(width)
            self._docs[key] = doc
            self._heights[key] = int(doc.size().height())
        return doc

    def _height(self, entry: Entry, width: int | None = None) -> int:
        """The laid-out height of the section's text, remembered after its document is gone."""
        assert entry.section is not None
        key = self._key(entry.section, width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 50 * DOCUMENTS_KEPT:
                self._heights.clear()  # plain ints, cheap to drop; stale widths pile up here
            height = int(self._document(entry, key).size().height())
        return height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        entry: Entry = index.data(EntryRole)
        if entry is None:
            return QSize(0, 0)
        if entry.section is None:
            height = option.fontMetrics.height() * 2 + self.MARGIN
            return QSize(self._text_width(), height)
        width = self._text_width()
        return QSize(width, self._height(entry, width) + self.MARGIN * 2)

    # ----- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        entry: Entry = index.data(EntryRole)
        if entry is None:
            return
        painter.save()
        rect = option.rect
        if entry.section is None:
            self._paint_source_title(painter, rect, index.data(Qt.ItemDataRole.DisplayRole))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            tint = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(45)
            painter.fillRect(rect, tint)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if not entry.section.is_meta:
            self._paint_check(painter, option, index, rect)
        doc = self.document(entry)
        painter.translate(rect.left() + self._text_left(), rect.top() + self.MARGIN)
        doc.drawContents(painter)
        painter.restore()
        self._paint_star(painter, rect, entry.section.id)

    def _paint_source_title(self, painter: QPainter, rect: QRect, title: str) -> None:
        palette = self.view.palette()
        painter.fillRect(rect.adjusted(0, 4, 0, 0), palette.color(QPalette.ColorRole.AlternateBase))
        font = QFont(self.view.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        area = rect.adjusted(self.MARGIN, 4, -self.MARGIN, 0)
        text = painter.fontMetrics().elidedText(
            "▌ " + title, Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    def check_rect(self, rect: QRect) -> QRect:
        size = self._check_size()
        return QRect(
            rect.left() + self.MARGIN, rect.top() + self.MARGIN + 2, size.width(), size.height()
        )

    def _paint_check(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, rect: QRect
    ) -> None:
        box = QStyleOptionButton()
        box.rect = self.check_rect(rect)
        box.state = QStyle.StateFlag.State_Enabled
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        box.state |= QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        self.view.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorCheckBox, box, painter, self.view
        )

    def _paint_star(self, painter: QPainter, rect: QRect, section_id: str) -> None:
        relevance = self.model.state.relevance(section_id)
        if relevance is None:
            return
        painter.save()
        painter.setPen(RELEVANT_COLOUR if relevance.strong else FAINT_COLOUR)
        font = QFont(self.view.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        star = QRect(
            rect.right() - self.STAR_WIDTH,
            rect.top() + self.MARGIN,
            self.STAR_WIDTH,
            self.STAR_WIDTH,
        )
        painter.drawText(star, Qt.AlignmentFlag.AlignCenter, "★" if relevance.strong else "☆")
        painter.restore()

    # ----- interaction ---------------------------------------------------------------------

    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:
        entry: Entry = index.data(EntryRole)
        if entry is None or entry.section is None or entry.section.is_meta:
            return False
        if event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                self.model.state.toggle_section(entry.section.id)
                return True
            return False
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position()
        if self.check_rect(option.rect).adjusted(-4, -4, 4, 4).contains(pos.toPoint()):
            self.model.state.toggle_section(entry.section.id)
            return True
        figure_id = self.figure_at(entry, option.rect, pos)
        if figure_id:
            self.figure_clicked.emit(figure_id)
            self.model.state.toggle_figure(figure_id)
            return True
        return False

    def figure_at(self, entry: Entry, rect: QRect, pos: QPointF) -> str | None:
        """The id of the figure under ``pos`` (viewport coordinates), if any."""
        doc = self.document(entry)
        local = QPointF(
            pos.x() - rect.left() - self._text_left(), pos.y() - rect.top() - self.MARGIN
        )
        anchor = doc.documentLayout().anchorAt(local)
        return anchor[4:] if anchor.startswith("fig:") else None

    def figure_point(self, entry: Entry, rect: QRect, figure: Figure) -> QPointF:
        """Where a figure is drawn (viewport coordinates): lets tests click it like a user."""
        doc = self.document(entry)
        cursor = QTextCursor(doc)
        if entry.section.table is not None:  # cells are laid out apart: find the anchor
            cursor.setPosition(_anchor_position(doc, f"fig:{figure.id}"))
        else:
            cursor.setPosition(_utf16_offset(entry.section.text, (figure.start + figure.end) // 2))
        block = cursor.block()
        layout = block.layout()
        line = layout.lineForTextPosition(cursor.positionInBlock())
        # A block inside a table cell is laid out relative to its cell, not the document.
        origin = doc.documentLayout().blockBoundingRect(block).topLeft()
        x = line.cursorToX(cursor.positionInBlock())[0] + origin.x()
        y = line.y() + line.height() / 2 + origin.y()
        return QPointF(rect.left() + self._text_left() + x, rect.top() + self.MARGIN + y)

    def clear_cache(self) -> None:
        self._docs.clear()
        self._heights.clear()
        self._check = None


def _anchor_position(doc: QTextDocument, href: str) -> int:
    """A position in the middle of the link ``href`` in ``doc`` (0 if it has none)."""
    cursor = QTextCursor(doc)
    found = []
    for position in range(1, doc.characterCount()):
        cursor.setPosition(position)
        if cursor.charFormat().anchorHref() == href:
            found.append(position)
    return found[len(found) // 2] if found else 0


def _utf16_offset(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2
