"""Our reportlab Table: a row's height measured once for all the parts of a split table.

A long table that runs over pages is split on every page, and each split makes a new table of
the rows left; reportlab measures every row of each new table again (it never stops early
when no cell spans rows), asking each cell's paragraphs for their size, so the rows of a
161-row figures table were measured about five times each.

A row's height depends only on its cells, the column widths and the cells' padding, font
and leading; ``BriefingTable`` keeps it on the row's first cell (which every part shares
until a row is cut in two, and then the two halves are new cells) and measures the row the
way ``Table._calc_height`` does only when something of that changed. Tables with spanned
cells, fixed or minimum row heights, or a cell that does not fit its column are measured by
reportlab itself.

The rest of a split table takes over the style commands that reach its rows (``_cr_1_1``,
reportlab's code with a quicker test of which repeated rows a command covers).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.tables import _SPECIALROWS, _calc_pc


class BriefingTable(PdfTable):
    """reportlab's Table, each row measured once (see the module docstring)."""

    def _calc_height(
        self, availHeight: float, availWidth: float, H: Any = None, W: Any = None
    ) -> None:
        argH = self._argH
        if self._spanCmds or self._minRowHeights or any(h is not None for h in argH):
            super()._calc_height(availHeight, availWidth, H, W)
            return
        if not W:
            W = _calc_pc(self._argW, availWidth)
        if None in W:
            super()._calc_height(availHeight, availWidth, H, W)
            return
        widths = tuple(W)
        canv = getattr(self, "canv", None)
        heights: list[float] = []
        for V, S in zip(self._cellvalues, self._cellStyles, strict=False):
            h = self._row_height(V, S, W, widths, canv)
            if h is None:  # a cell wider than its column: reportlab says what is wrong
                super()._calc_height(availHeight, availWidth, H, W)
                return
            heights.append(h)
        self._rowHeights = heights
        # Row positions from the bottom up, summed as reportlab sums them (same floats).
        self._rowpositions = positions = []
        height = c = 0
        for i in range(len(heights) - 1, -1, -1):
            positions.append(height)
            y = heights[i] - c
            t = height + y
            c = (t - height) - y
            height = t
        positions.append(height)
        self._height = height
        positions.reverse()
        self._hmax = len(heights)

    def _row_height(
        self, V: list[Any], S: list[Any], W: list[float], widths: tuple[float, ...], canv: Any
    ) -> float | None:
        """Row ``V``'s height (its cells made into reportlab's cell tuples as it does), from
        its first cell when measured before in the same widths and cell styles."""
        for j, (v, w) in enumerate(zip(V, W, strict=False)):
            if isinstance(v, (tuple, list, Flowable)):
                V[j] = self._cellListProcess(v, w, None)
        # (the font is the canvas's while a cell is measured)
        looks = tuple(
            (
                s.leftPadding,
                s.rightPadding,
                s.topPadding,
                s.bottomPadding,
                s.fontname,
                s.fontsize,
                s.leading,
            )
            for s in S
        )
        first = V[0] if V and isinstance(V[0], tuple) else None
        known = getattr(first, "_briefing_height", None)
        if (
            known is not None
            and known[0] == widths
            and known[1] == looks
            and len(known[2]) == len(V) - 1
            and all(a is b for a, b in zip(known[2], V[1:], strict=True))
        ):
            return known[3]
        h = 0
        for v, s, w in zip(V, S, W, strict=False):  # (reportlab's zip)
            if isinstance(v, tuple):
                if canv:
                    saved = canv._fontname, canv._fontsize, canv._leading
                    canv._fontname, canv._fontsize, canv._leading = (
                        s.fontname,
                        s.fontsize,
                        s.leading or 1.2 * s.fontsize,
                    )
                dW, t = self._listCellGeom(v, w, s)
                if canv:
                    canv._fontname, canv._fontsize, canv._leading = saved
                if dW + s.leftPadding + s.rightPadding > w:
                    return None
            else:
                lines = ((v is not None and str(v)) or "").split("\n")
                t = (s.leading or 1.2 * s.fontsize) * len(lines)
            t += s.bottomPadding + s.topPadding
            if t > h:
                h = t
        if first is not None:
            first._briefing_height = (widths, looks, tuple(V[1:]), h)  # (no cycle)
        return h

    def _cr_1_1(
        self,
        n: int,
        nRows: int,
        repeatRows: list[int],
        cmds: list[Any],
        doInRowSplit: Any,
        _srflMode: bool = False,
    ) -> None:
        """``Table._cr_1_1`` (the style commands of the rest of a split table), line for
        line, except how it finds the repeated rows a command covers: reportlab makes the
        set of every row of the command's range (each row of the table for a grid or a
        background) to intersect it with the few repeated rows; here the repeated rows are
        tested against the range. A 161-row table split on every page spent a fiftieth of a
        50-page PDF making those sets."""
        nrr = len(repeatRows)
        ncols = self._ncols
        for c in cmds:
            (sc, sr), (ec, er) = c[1:3]
            if sr in _SPECIALROWS:
                if sr[0] == "i":
                    self._addCommand(c)  # re-append the command
                    if sr == "inrowsplitend" and doInRowSplit:
                        if sc < 0:
                            sc += ncols
                        if ec < 0:
                            ec += ncols
                        self._addCommand((c[0], (sc, nrr), (ec, nrr), *c[3:]))
                    continue
                if not _srflMode:
                    continue
                self._addCommand(c)
                if sr == "splitlast":
                    continue
                sr = er = n
            if sr < 0:
                sr += nRows
            if er < 0:
                er += nRows
            covered = [row for row in repeatRows if sr <= row <= er]  # (the set's members)
            if covered:
                # it's a repeat row
                first, last = repeatRows.index(min(covered)), repeatRows.index(max(covered))
                self._addCommand((c[0], (sc, first), (ec, last), *c[3:]))
            if er < n:
                continue
            sr = max(sr - n, 0) + nrr
            er = max(er - n, 0) + nrr
            self._addCommand((c[0], (sc, sr), (ec, er), *c[3:]))
        sr = self._rowSplitRange
        if sr:
            sr, er = sr
            if sr < 0:
                sr += nRows
            if er < 0:
                er += nRows
            if er < n:
                self._rowSplitRange = None
            else:
                sr = max(sr - n, 0) + nrr
                er = max(er - n, 0) + nrr
                self._rowSplitRange = sr, er
