"""PDF footnotes in the one layout pass: the frame keeps room for the notes of what it places.

A flowable carrying note marks (a paragraph, or a table or panel holding such paragraphs)
is placed only where it and its notes both fit: ``NotesFrame`` raises its bottom by the
notes' height before trying it, and when it has to split the flowable, splits it in the room
left above the notes of the first part. The page's notes are drawn at its foot, under a
short rule, when the page ends (``draw_notes``). Nothing is laid out twice.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph
from reportlab.platypus import Table as PdfTable
from reportlab.rl_config import _FUZZ

from briefing_studio.document import Document, Footnote
from briefing_studio.render import layout
from briefing_studio.render.layout import FOOTNOTE_RULE_SHARE, RULE_WIDTH_PT, footnote_style
from briefing_studio.render.pdf_lines import BriefingParagraph
from briefing_studio.render.pdf_markup import note_mark, paragraph_style
from briefing_studio.render.pdf_tables import BriefingTable

NOTE_GAP = 6.0  # points between the text and the notes' rule, and between the rule and notes
_UNLIMITED = 1e9
_SPLIT_TRIES = 4  # a split in less room each time its first part's notes turn out taller


class NotedTable(BriefingTable):
    """A table (or panel) with footnote marks in some cell: the only kind of table whose
    cells ``notes_in`` reads. reportlab makes the parts of a split table with the table's own
    class, so every part of a noted table is one too, and a plain table is never walked.

    The rest of a long table is asked for its notes on every page it reaches; the notes of
    each row are found once and shared by all the parts. A row is known by its cells: the
    parts of a table split inside a row get copies of the row lists holding the same cells
    (a cell split in two is a new cell, and is read anew). The cells are kept with their
    notes, so their ids stay theirs.
    """

    _row_notes: dict[tuple[int, ...], tuple[tuple[Any, ...], list[Footnote]]] | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if self._row_notes is None:
            self._row_notes = {}
        for part in parts:
            part._row_notes = self._row_notes
        return parts

    def notes_within(self) -> list[Footnote]:
        return [note for notes in self.notes_by_row() for note in notes]

    def notes_by_row(self) -> Iterator[list[Footnote]]:
        """The notes of each row, top down (found once per row, see above)."""
        if self._row_notes is None:
            self._row_notes = {}
        by_cells = self._row_notes
        for row in self._cellvalues:
            cells = tuple(map(id, row))
            known = by_cells.get(cells)
            if known is None:
                known = by_cells[cells] = (tuple(row), _notes_of(row))
            yield known[1]


def notes_in(flowable: Any) -> list[Footnote]:
    """The notes whose marks ``flowable`` draws: its own (``notes``, set by the PDF writer on
    a paragraph), or those of the paragraphs in the cells of a ``NotedTable`` or in a
    kept-together group (found once per table or group: kept on it as ``_notes_within``).

    The frame asks before placing or splitting anything, so a flowable without notes
    answers at once (a plain table or paragraph has none by construction)."""
    if isinstance(flowable, (list, tuple)):  # (a cell: asked first, getattr would raise)
        return _notes_of(flowable)
    own = getattr(flowable, "notes", None)
    if own is not None:
        return list(own)
    found = getattr(flowable, "_notes_within", None)
    if found is not None:
        return found
    if isinstance(flowable, NotedTable):
        found = flowable.notes_within()
    elif isinstance(flowable, Flowable) and not isinstance(flowable, PdfTable):
        found = _notes_of(getattr(flowable, "_content", ()))
    else:
        return []
    flowable._notes_within = found
    return found


def _notes_of(values: Iterable[Any]) -> list[Footnote]:
    return [
        note
        for value in values
        if isinstance(value, (Flowable, list, tuple))
        for note in notes_in(value)
    ]


def _marks_drawn(part: Flowable) -> int:
    """How many note marks (raised runs) a part of a split paragraph holds."""
    frags = getattr(part, "frags", None) or []
    lines = getattr(getattr(part, "blPara", None), "lines", None) or []
    words = [w for line in lines for w in getattr(line, "words", ())] or frags
    return sum(1 for word in words if getattr(word, "rise", 0) > 0)


class NotesFrame(Frame):
    """The page's text frame; keeps the room the notes of what it placed need (see above)."""

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        self.note_style = paragraph_style(footnote_style(document))
        super().__init__(*args, **kwargs)
        self.page_notes: list[tuple[Footnote, Paragraph, float]] = []
        self.placed: set[int] = set()  # note numbers already at the foot of some page
        self._laid: dict[int, tuple[Footnote, Paragraph, float]] = {}  # by number, laid once

    def __deepcopy__(self, memo: dict[int, Any]) -> NotesFrame:
        """reportlab copies the frame each time it measures a kept-together group: the laid
        out notes, their style and the placed numbers are shared, not copied (copying them
        made the seed briefing's PDF half as slow again)."""
        for shared in (self._laid, self.note_style, self.placed, *self._laid.values()):
            memo[id(shared)] = shared
        clone = NotesFrame.__new__(NotesFrame)
        clone.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return clone

    def _reset(self) -> None:
        super()._reset()
        self._geom()  # the bottom back where the margin puts it
        self.page_notes = []

    def _room(self) -> float:
        return sum(height for _, _, height in self.page_notes) + (
            NOTE_GAP * 2 if self.page_notes else 0.0
        )

    def _new(self, flowable: Any) -> list[Footnote]:
        return self._new_of(notes_in(flowable))

    def _new_of(self, notes: list[Footnote]) -> list[Footnote]:
        """Those of ``notes`` on no page yet, each once."""
        if not notes:
            return notes
        placed = self.placed  # (every note of the pages before: not copied for each ask)
        seen = {note.number for note, _, _ in self.page_notes}
        out = []
        for note in notes:
            if note.number not in seen and note.number not in placed:
                seen.add(note.number)
                out.append(note)
        return out

    def _laid_out(self, notes: list[Footnote]) -> list[tuple[Footnote, Paragraph, float]]:
        out = []
        for note in notes:
            found = self._laid.get(note.number)
            if found is None:
                text = escape(layout.printable(note.note), quote=False)
                paragraph = BriefingParagraph(f"{note_mark(note)} {text}", self.note_style)
                height = paragraph.wrap(self._aW, _UNLIMITED)[1]
                found = self._laid[note.number] = (note, paragraph, height)
            out.append(found)
        return out

    def _extra(self, laid: list[tuple[Footnote, Paragraph, float]]) -> float:
        """How much higher the bottom goes when ``laid`` join the page's notes."""
        if not laid:
            return 0.0
        return sum(h for _, _, h in laid) + (0.0 if self.page_notes else NOTE_GAP * 2)

    def _bottom(self, extra: float) -> None:
        self._y1p = self._y1 + self._bottomPadding + self._room() + extra

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if isinstance(flowable, BriefingTable) and self._too_tall(flowable, canv):
            return 0
        new = self._new(flowable)
        if not new:
            return super().add(flowable, canv, trySplit)
        laid = self._laid_out(new)
        self._bottom(self._extra(laid))
        placed = super().add(flowable, canv, trySplit)
        if placed:
            self.page_notes.extend(laid)
        self._bottom(0.0)
        return placed

    def _too_tall(self, table: BriefingTable, canv: Canvas) -> bool:
        """Whether ``table`` does not fit even with the bottom where it is now (without the
        room of its new notes): the notes only raise the bottom, so ``Frame.add`` would fail
        as well; this is its test, and its wrap of the table, without finding and laying
        out the table's notes first. The rest of a long noted table is offered to every page
        before it is split there: finding its 150 notes each time for nothing was a
        fiftieth of a 50-page PDF.

        Only for a table whose size does not depend on the height it is offered (no spanned
        cells, row heights all measured or all given: reportlab stops measuring rows at
        that height otherwise), so the wrap leaves it as ``Frame.add``'s would."""
        if (
            not _height_free(table)
            or not rl_config.allowTableBoundsErrors  # (Frame.add may raise LayoutError)
            or getattr(table, "frameAction", None)
            or getattr(table, "_ZEROSIZE", False)
        ):
            return False
        y, bottom = self._y, self._y1p
        space = 0.0
        if not self._atTop:  # Frame._add's space before, as it works it out
            space = table.getSpaceBefore()
            if self._oASpace:
                if getattr(table, "_SPACETRANSFER", False):
                    space = self._prevASpace
                space = max(space - self._prevASpace, 0)
        height = y - bottom - space
        if height <= 0:
            return True
        width = self._getAvailableWidth()
        if table.__dict__.get("availWidth") == width and None not in table._rowHeights:
            height = table._height  # measured in this width: wrapping again gives the same
        else:
            table._frame, table.canv = self, canv
            try:
                _, height = table.wrap(width, height)
            finally:
                for name in ("canv", "_frame"):  # (as Frame._add leaves it)
                    if hasattr(table, name):
                        delattr(table, name)
        return y - (height + space) < bottom - _FUZZ

    def _first_part_rows(self, table: Any, canv: Canvas) -> list[list[Footnote]] | None:
        """The notes of each row of the first part ``Frame.split`` would make of ``table``
        now (by whole rows: the rows that fit, as reportlab's ``_splitRows`` counts them),
        or None when that is not known without splitting (a row cut in two, the whole
        table fitting, spans, a split range, a size that depends on the height). Saves the
        splits thrown away: a fiftieth of a 50-page PDF, whose figures table is split
        two to six times on each page."""
        if (
            not isinstance(table, NotedTable)
            or not _height_free(table)
            or table._rowSplitRange
            or not table.splitByRow
            or getattr(table, "notes", None) is not None
        ):
            return None
        space = 0.0
        if not self._atTop:  # Frame.split's space before, as it works it out
            space = table.getSpaceBefore()
            if self._oASpace:
                space = max(space - self._prevASpace, 0)
        height = self._y - self._y1p - space
        if height <= 0:
            return None
        if table.__dict__.get("availWidth") != self._aW or None in table._rowHeights:
            # what Table.split does first (else done already: its size does not depend on
            # the height, and it was measured in this width)
            table._frame, table.canv = self, canv
            try:
                table._calc(self._aW, height)
            finally:
                for name in ("canv", "_frame"):  # (as Frame.split leaves it)
                    if hasattr(table, name):
                        delattr(table, name)
        if table._width > self._aW:
            return None
        count = table._getFirstPossibleSplitRowPosition(height)
        repeat = table.repeatRows
        most = repeat if isinstance(repeat, int) else max(repeat) + 1
        if count <= most or count >= len(table._rowHeights):
            return None  # (a row cut in two, nothing, or the whole table)
        return list(itertools.islice(table.notes_by_row(), count))

    def _any_new(self, flowable: Any) -> bool:
        """Whether ``_new(flowable)`` has a note: for the rest of a long table, answered at
        its first row with a new note, without finding the notes of every row (a table
        split on each page is a new table each time)."""
        if (
            not isinstance(flowable, NotedTable)
            or getattr(flowable, "notes", None) is not None
            or "_notes_within" in flowable.__dict__
        ):
            return bool(self._new(flowable))
        placed = self.placed
        seen = {note.number for note, _, _ in self.page_notes}
        return any(
            note.number not in seen and note.number not in placed
            for notes in flowable.notes_by_row()
            for note in notes
        )

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        if not self._any_new(flowable):
            return super().split(flowable, canv)
        extra = 0.0
        parts: list[Flowable] = []
        try:
            for attempt in range(_SPLIT_TRIES):
                self._bottom(extra)
                if attempt < _SPLIT_TRIES - 1:
                    # A split whose first part's notes turn out taller than the room kept is
                    # thrown away: when the first part's rows are known beforehand, their
                    # notes are measured without making the parts.
                    rows = self._first_part_rows(flowable, canv)
                    if rows is not None:
                        first_notes = [n for notes in rows for n in notes]
                        need = self._extra(self._laid_out(self._new_of(first_notes)))
                        if need > extra:
                            extra = need
                            continue
                parts = super().split(flowable, canv)
                if not parts:
                    break
                _share_notes(flowable, parts)
                need = self._extra(self._laid_out(self._new(parts[0])))
                if need <= extra:
                    break
                extra = need
        finally:
            self._bottom(0.0)
        return parts

    def draw_notes(self, canvas: Canvas) -> None:
        """The page's notes just above the bottom margin, under a short rule."""
        if not self.page_notes:
            return
        x, y = self._x1 + self._leftPadding, self._y1 + self._bottomPadding
        for note, paragraph, height in reversed(self.page_notes):
            paragraph.drawOn(canvas, x, y)
            y += height
            self.placed.add(note.number)
        y += NOTE_GAP
        canvas.saveState()
        canvas.setLineWidth(RULE_WIDTH_PT)
        canvas.line(x, y, x + self._aW * FOOTNOTE_RULE_SHARE, y)
        canvas.restoreState()
        self.page_notes = []


def _height_free(table: PdfTable) -> bool:
    """Whether ``table``'s size does not depend on the height it is offered: no spanned
    cells, row heights all measured or all given (reportlab stops measuring rows at that
    height otherwise)."""
    heights = table._argH
    return not (
        table._spanCmds
        or table._minRowHeights
        or (None in heights and any(h is not None for h in heights))
    )


def _share_notes(flowable: Flowable, parts: list[Flowable]) -> None:
    """The notes of a split paragraph, each to the part that draws its mark (the last part
    when the marks cannot be counted); parts of tables find theirs in their cells."""
    own = getattr(flowable, "notes", None)
    if own is None:
        return
    own = list(own)
    counts = [_marks_drawn(part) for part in parts]
    if sum(counts) != len(own):
        counts = [0] * (len(parts) - 1) + [len(own)]
    start = 0
    for part, count in zip(parts, counts, strict=True):
        part.notes = own[start : start + count]
        start += count
