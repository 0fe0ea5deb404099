"""Our reportlab Paragraph: the same lines and drawing, in a fraction of the time.

``BriefingParagraph`` takes its runs from ``pdf_markup.frags_of`` instead of parsing markup,
keeps the lines of the last width it was laid out in, and breaks its lines with
``break_lines``.

reportlab's ``Paragraph.breakLines`` was a third of a 50-page PDF. On paragraphs that mix runs
(a bold figure inside body text) it compares every word's style with the last one through
``sameFrag`` (about 30 µs a call with the C accelerator), asks the font's ascent and descent
again, and sums the width of every space on the line so far to know how much the spaces may
shrink, so a line's cost grows with the square of its words; on every paragraph it measures
every word anew.

``break_lines`` is the same algorithm restricted to what our markup produces (text runs and
nothing else: no line breaks, images, soft hyphens, hyphenation or bidirectional text) and
gives back the same lines, built from the same words, with the same widths: a word's style
is compared with the last one only when the word comes from another run, ascents are looked
up once per face and size, the spaces' shrink is summed only when a word does not fit
without it, and word widths are kept per face and size. Anything else (and a word wider than
the line, which reportlab cuts) returns None, and the caller lets reportlab break the lines.
"""

from __future__ import annotations

import functools
import itertools
from itertools import repeat
from string import whitespace
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDF_SUPPORT_VERSION
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    _FK_TEXT,
    FragLine,
    ParaLines,
    _drawBullet,
    _handleBulletWidth,
    _HSFrag,
    _processed_frags,
    _shy,
    _wsc_re_split,
    lstrip,
    strip,
)
from reportlab.rl_config import _FUZZ, paraFontSizeHeightOffset

from briefing_studio.memo import keep
from briefing_studio.render.pdf_markup import copy_frag, frags_of

# The attributes reportlab's sameFrag compares (after ruling out images and line breaks).
_SAME_FRAG = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")


_NOT_SET = object()


class BriefingParagraph(Paragraph):
    """reportlab's Paragraph over our markup, laid out once per width.

    A paragraph is wrapped whenever the layout asks how tall it is: by the frame, by a heading
    that keeps with it, by a panel or cell around it; breaking its lines is most of a PDF's
    time. The lines depend only on the width (the style and text are fixed), so the lines of
    the last width are kept and handed back when it is asked again.
    """

    _laid_out: tuple[float, Any, Any, float] | None = None
    _frags: Any = None
    _word_tuples = False  # whether ``_frags`` holds word tuples (see ``frags``)
    # What reportlab's frames and kept-together groups ask every flowable with getattr and a
    # default of the same truth (False/None), answered here without the exception a missing
    # attribute raises on each ask; and the heading level the PDF outline asks of each
    # paragraph placed (``pdf_pages.OutlinedHeading`` sets it).
    _ZEROSIZE = False
    _SPACETRANSFER = False
    outline_level: int | None = None
    # The document asks each flowable ``hasattr(f, "pageBreakBefore") and f.pageBreakBefore
    # == 1`` before its style's: 0 gives the same answer without the exception.
    pageBreakBefore = 0
    frameBreakBefore = 0
    # The footnotes whose marks it draws (set by the PDF writer, see ``pdf_notes.notes_in``,
    # which asks every paragraph in a noted table): None here, so asking never fails.
    notes: list[Any] | None = None
    _notes_within: list[Any] | None = None

    def __init__(
        self, text: str | None, style: Any, bulletText: Any = None, frags: Any = None, **kw: Any
    ) -> None:
        if frags is None and text is not None:
            frags = frags_of(text, style)  # None: reportlab parses it
        super().__init__(text, style, bulletText, frags, **kw)

    @property
    def frags(self) -> Any:
        """The runs; once broken into lines, reportlab's frag words. The line breaker keeps
        the words inside a run (each followed by a space) as tuples; they become reportlab's
        ``_HSFrag`` lists when the words are read (to split the paragraph or lay it out in
        another width), which most paragraphs never are."""
        own = self.__dict__
        if own.get("_word_tuples"):
            own["_frags"] = _hs_words(own["_frags"])
            own["_word_tuples"] = False
        return own.get("_frags")

    @frags.setter
    def frags(self, value: Any) -> None:
        self.__dict__["_frags"] = value
        self.__dict__["_word_tuples"] = False

    def set_words(self, words: list[Any]) -> None:
        """The frag words ``break_lines`` made, word tuples and all (see ``frags``)."""
        self.__dict__["_frags"] = words
        self.__dict__["_word_tuples"] = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        laid = self._laid_out
        if laid is not None and laid[0] == availWidth:
            _, self._wrapWidths, self.blPara, self.height = laid
            self.width = availWidth
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # below it reportlab answers "does not fit" and lays out nothing
            self._laid_out = (availWidth, self._wrapWidths, self.blPara, self.height)
        return size

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:
        """``Flowable.wrapOn`` (the canvas set on the paragraph while it wraps), without
        setting it when the lines of this width are kept: a table asks each cell so again
        as it draws it."""
        laid = self._laid_out
        if laid is not None and laid[0] == aW:
            self.__dict__.pop("canv", None)  # (wrapOn leaves none)
            return self.wrap(aW, aH)
        return super().wrapOn(canv, aW, aH)

    # Flowable.getSpaceBefore/After ask hasattr(self, ...) first, which fails (an exception)
    # for every paragraph; a table asks for each cell each time it measures or draws it.
    def getSpaceBefore(self) -> float:
        own = self.__dict__.get("spaceBefore", _NOT_SET)
        return self.style.spaceBefore if own is _NOT_SET else own

    def getSpaceAfter(self) -> float:
        own = self.__dict__.get("spaceAfter", _NOT_SET)
        return self.style.spaceAfter if own is _NOT_SET else own

    def getKeepWithNext(self) -> Any:
        own = self.__dict__.get("keepWithNext", _NOT_SET)  # (the document asks every flowable)
        if own is not _NOT_SET:
            return own
        style = self.style
        found = _KEEP_WITH_NEXT.get(style)
        if found is None:  # (a style that has none: 0, as reportlab answers)
            found = keep(_KEEP_WITH_NEXT, style, getattr(style, "keepWithNext", 0), _MAX_STYLES)
        return found

    def breakLines(self, width: Any) -> Any:
        lines = break_lines(self, width)
        return super().breakLines(width) if lines is None else lines

    def drawPara(self, debug: Any = 0) -> None:
        if debug or not draw_lines(self):
            super().drawPara(debug)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """``Flowable.drawOn``: the same "q", translation and "Q" around the lines, written
        without saving the canvas's state a second time when ``draw_lines`` draws them (it
        saves and restores the state itself, and nothing else changes it)."""
        if (
            self.debug
            or self.__dict__.get("_showBoundary")
            or type(self).draw is not Paragraph.draw  # (a subclass that draws otherwise)
            or type(self).drawPara is not BriefingParagraph.drawPara
        ):
            super().drawOn(canvas, x, y, _sW)
            return
        code = canvas._code
        code.append("q")
        code.append(f"1 0 0 1 {_fp(self._hAlignAdjust(x, _sW))} {_fp(y)} cm")
        self.canv = canvas
        try:
            drawn = draw_lines(self)
        finally:
            del self.canv
        if drawn:
            code.append("Q")
        else:  # nothing written yet: reportlab's way
            del code[-2:]
            super().drawOn(canvas, x, y, _sW)


def break_lines(paragraph: Any, widths: list[float]) -> Any:
    """The lines of ``paragraph`` (a reportlab Paragraph of text runs) in ``widths`` (first
    line, later lines), exactly as ``Paragraph.breakLines`` makes them; None when the
    paragraph uses anything this shortcut does not handle."""
    style = paragraph.style
    frags = paragraph.frags
    # The rest of a paragraph split over pages comes as the words reportlab made of it.
    # (reportlab's test indexes the first run, which raises for a run: words are lists)
    processed = bool(frags) and isinstance(frags[0], list) and _processed_frags(frags)
    words_left = None
    if processed:
        if any(type(word) not in (list, _HSFrag) for word in frags):
            return None  # a word cut over lines, or a hyphenated one
        runs = [(run, text) for word in frags for run, text in word[1:]]
    elif (
        len(frags) == 1
        and "words" in (attributes := frags[0].__dict__)
        and ("text" not in attributes)
    ):
        # The rest of a paragraph of one run: its words (reportlab's breakLines of them was
        # a hundredth of a 50-page PDF); a word cut over lines or with a soft hyphen is not.
        words_left = attributes["words"]
        if any(type(word) is not str or _shy in word for word in words_left) or not any(
            map(strip, words_left)
        ):
            return None
        runs = [(frags[0], "")]
    else:
        runs = None
    quick = _QUICK_BREAKS.get(style)
    if quick is None:
        quick = keep(_QUICK_BREAKS, style, _quick_break_style(style), _MAX_STYLES)
    if not frags or not quick or not _plain_runs(frags, runs):
        return None
    first_width = widths[0]
    paragraph._width_max = 0
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    _handleBulletWidth(paragraph.bulletText, style, widths)
    if len(frags) == 1 and not processed:
        lines = _one_run(paragraph, frags[0], widths, style.spaceShrinkage, words_left)
    else:
        words = list(frags) if processed else _frag_words(frags)
        lines = _Lines(paragraph, widths, style.spaceShrinkage).run(words)
    if lines is None:  # a word wider than a line: reportlab cuts it
        widths[0] = first_width
    return lines


def _quick_break_style(style: Any) -> bool:
    """Whether ``break_lines`` can break paragraphs of ``style`` (the style's part of its
    test)."""
    return not (
        style.wordWrap
        or style.endDots
        or style.shaping
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or not style.splitLongWords
        or style.justifyBreaks
    )


# Styles are made once per look and never changed, so each is tested once (a plain dict,
# keyed by the style itself: a WeakKeyDictionary makes a weak reference on every look-up).
_QUICK_BREAKS: dict[Any, bool] = {}
_MAX_STYLES = 1024


def _plain_runs(frags: list[Any], runs: list[tuple[Any, str]] | None) -> bool:
    """Whether the runs (``frags``, or the (run, text) pieces of the words ``runs``) are
    text only: no line break, callback, background or soft hyphen. (One loop that stops at
    the first other run; checking every run through a generator was a hundredth of a
    50-page PDF.)"""
    if runs is None:
        for run in frags:
            attributes = run.__dict__  # (hasattr: no class has these)
            if "cbDefn" in attributes or "lineBreak" in attributes or "backColor" in attributes:
                return False
            text = attributes.get("text", _NOT_SET)
            if text is _NOT_SET:
                text = getattr(run, "text", None)
            if text is None or _shy in text:
                return False
        return True
    for run, text in runs:
        attributes = run.__dict__
        if "cbDefn" in attributes or "lineBreak" in attributes or "backColor" in attributes:
            return False
        if text is None or _shy in text:
            return False
    return True


def _hs_words(words: list[Any]) -> list[Any]:
    """``words`` with each word tuple (size, (run, text)) made reportlab's
    ``_HSFrag([size, (run, text)])``, in place."""
    for index, word in enumerate(words):
        if type(word) is tuple:
            words[index] = _HSFrag(word)
    return words


def _split(text: str) -> list[str]:
    """reportlab's ``split(text)`` for text (not bytes): words at white space, where a
    no-break space is not white space."""
    return _wsc_re_split(text) if "\xa0" in text else text.split()


# Word widths by (face, size): the same few thousand words come back on every page.
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_MAX_WORDS = 50_000  # per face and size; then that table starts again


def _widths_of(name: str, size: float) -> dict[str, float]:
    found = _WIDTHS.get((name, size))
    if found is None:
        found = _WIDTHS.setdefault((name, size), {})
    return found


def _width(table: dict[str, float], word: str, name: str, size: float) -> float:
    found = table.get(word)
    if found is None:
        found = keep(table, word, stringWidth(word, name, size), _MAX_WORDS)
    return found


def _widths(table: dict[str, float], words: list[str], name: str, size: float) -> list[float]:
    """The widths of ``words`` in one face and size, looked up in ``table`` (see ``_width``)."""
    found = list(map(table.get, words))
    if None in found:
        found = [_width(table, word, name, size) for word in words]
    return found


def _one_run(
    paragraph: Any, f: Any, widths: list[float], shrinkage: float, words: list[str] | None = None
) -> Any:
    """reportlab's breakLines for a paragraph of one run, with word widths looked up: the
    run's text, or ``words`` (the words left of a paragraph split over pages; not all
    empty)."""
    name, size = f.fontName, f.fontSize
    ascent, descent = _ascent(name, size)
    if words is None:
        text = strip(f.text)
        if not text:
            return copy_frag(
                f, {"kind": 0, "lines": [], "ascent": ascent, "descent": descent, "fontSize": size}
            )
        words = _split(text)
    table = _widths_of(name, size)
    space_width = _space(name, size)
    shrink = shrinkage * space_width
    last_line = len(widths) - 1
    line_no = 0
    max_width = widths[0]
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current_width = -space_width  # reportlab's start, so the first word adds no space
    for word, word_width in zip(words, _widths(table, words, name, size), strict=True):
        new_width = current_width + space_width + word_width
        if new_width <= max_width:  # (then also within the limit with shrinking spaces)
            line.append(word)
            current_width = new_width
            continue
        lim_width = max_width + shrink * len(line)
        if new_width > lim_width:
            # (reportlab's max(widths[nmw : nmw + 1]) of nmw = min(line_no, last_line))
            if word_width > widths[line_no if line_no < last_line else last_line]:
                return None
        if new_width <= lim_width or not line:
            line.append(word)
            current_width = new_width
        else:
            paragraph._width_max = max(paragraph._width_max, current_width)
            lines.append((max_width - current_width, line))
            line = [word]
            current_width = word_width
            line_no += 1
            max_width = widths[line_no if line_no < last_line else last_line]
    if line:
        paragraph._width_max = max(paragraph._width_max, current_width)
        lines.append((max_width - current_width, line))
    return copy_frag(
        f, {"kind": 0, "lines": lines, "ascent": ascent, "descent": descent, "fontSize": size}
    )


def _frag_words(frags: list[Any]) -> list[Any]:
    """reportlab's ``_getFragWords`` for text runs: each word as [width, (run, text)...],
    an ``_HSFrag`` when a space follows it; word widths looked up."""
    words: list[Any] = []
    word: list[Any] = []
    width: float = 0
    hanging_strip = True
    for f in frags:
        text = f.text
        if text == "":
            continue
        f._fkind = _FK_TEXT
        if hanging_strip:
            text = lstrip(text)
            if not text:
                continue
            hanging_strip = False
        parts = _split(text)
        if text[0] in whitespace or not parts:
            if word:
                word.insert(0, width)
                words.append(word)
                word, width = [], 0
                followed = False
            else:
                followed = bool(words) and type(words[-1]) is not list  # (see _WORD_TUPLE)
            if not followed:
                parts.insert(0, "")
            elif not parts:
                continue
        sizes = _widths(_widths_of(f.fontName, f.fontSize), parts, f.fontName, f.fontSize)
        if word:  # the end of a word begun in the run before
            word.append((f, parts[0]))
            width += sizes[0]
            if len(parts) > 1:
                word.insert(0, width)
                words.append(_HSFrag(word))
                word, width = [], 0
        else:
            word, width = [(f, parts[0])], sizes[0]
        if len(parts) > 1:
            if word:
                word.insert(0, width)
                words.append(_HSFrag(word))
            # (size, (f, part)) for each word between the first and last, made by C loops:
            # reportlab's _HSFrag([size, (f, part)]) when the paragraph's words are read
            # (see BriefingParagraph.frags; making them here was a fiftieth of a 50-page PDF)
            pieces = zip(repeat(f), parts[1:-1])  # (an endless repeat: not strict)
            words.extend(zip(sizes[1:-1], pieces, strict=True))
            word, width = [(f, parts[-1])], sizes[-1]
        if text[-1] in whitespace:
            word.insert(0, width)
            words.append(_HSFrag(word))
            word, width = [], 0
    if word:
        word.insert(0, width)
        words.append(word)
    if not words:
        frags[0]._fkind = _FK_TEXT
        words = [[0, (frags[0], "")]]
    return words


# A face's ascent and descent, and the width of its space, by (face, size): asked for by
# every paragraph, the same few faces each time (fonts are registered once per process).
_ASCENTS: dict[tuple[str, float], tuple[float, float]] = {}
_SPACES: dict[tuple[str, float], float] = {}


def _ascent(name: str, size: float) -> tuple[float, float]:
    found = _ASCENTS.get((name, size))
    if found is None:
        found = _ASCENTS[name, size] = getAscentDescent(name, size)
    return found


def _space(name: str, size: float) -> float:
    found = _SPACES.get((name, size))
    if found is None:
        found = _SPACES[name, size] = stringWidth(" ", name, size)
    return found


class _Lines:
    """One run of the line breaker; the field names follow reportlab's ``breakLines``."""

    def __init__(self, paragraph: Any, widths: list[float], shrinkage: float) -> None:
        self.paragraph = paragraph
        self.widths = widths
        self.shrinkage = shrinkage

    def shrink(self, words: list[Any], space_width: float) -> float:
        """How much the spaces of the line so far may shrink (reportlab sums it per word)."""
        total = space_width
        for word in words:
            if word._fkind == _FK_TEXT:
                count = word.text.count(" ")
                if count:
                    total += count * _space(word.fontName, word.fontSize)
        return total * self.shrinkage

    def same_run(
        self,
        frag_words: list[Any],
        start: int,
        source: Any,
        width: float,
        space_width: float,
        max_width: float,
    ) -> tuple[int, float, float, list[str]]:
        """From ``start``: the words of one piece from ``source`` (the run the line's last
        piece comes from) that fit in ``max_width`` as they are, after a space; they join the
        last piece's text. Stops before any other word, which ``run`` takes word by word.

        Returns (index of the first word not placed, line width, the space after the last
        word placed, the texts placed)."""
        placed: list[str] = []
        space = _space(source.fontName, source.fontSize)
        for w in itertools.islice(frag_words, start, None):
            if len(w) != 2:
                break
            word_width, (f, text) = w
            if f is not source or not text or word_width <= 0:
                break
            new_width = width + space_width + word_width
            if new_width > max_width:
                break
            placed.append(text)
            width = new_width
            if type(w) is list:  # (else an _HSFrag or a word tuple: a space follows)
                space_width = 0
                break
            space_width = space
        return start + len(placed), width, space_width, placed

    def run(self, frag_words: list[Any]) -> ParaLines | None:
        paragraph, widths = self.paragraph, self.widths
        last_line = len(widths) - 1
        lines: list[Any] = []
        line_no = 0
        max_width = widths[0]
        words: list[Any] = []
        source = None  # the run the last piece of ``words`` was cloned from
        g = None
        n = 0
        space_width = current_width = 0.0
        max_size = max_ascent = min_descent = 0.0
        first_of_line = 0
        space_key: tuple[str, float] | None = None
        space = 0.0
        count = len(frag_words)
        index = 0
        while index < count:
            w = frag_words[index]
            next_index = index + 1  # (past the words the quick loop below places)
            last = w[-1][0]
            font_name, font_size = last.fontName, last.fontSize
            if not words:
                n = 0
                space_width = current_width = 0
                max_size = font_size
                max_ascent, min_descent = _ascent(font_name, font_size)
            word_width = w[0]
            f = w[1][0]
            new_width = current_width + space_width + word_width  # in reportlab's order
            if word_width <= 0:
                new_width = current_width
            lim_width = max_width
            if new_width > max_width and self.shrinkage:
                lim_width += self.shrink(words, space_width)
            if new_width > lim_width:
                # (reportlab's max(widths[line : line + 1]) of min(line_no, last_line))
                if word_width > widths[line_no if line_no < last_line else last_line]:
                    return None
            if not (new_width > lim_width and n > 0):
                text = w[1][1]
                if text:
                    n += 1
                size = f.fontSize
                if f is not source or not words:  # else this run is on the line already
                    ascent, descent = _ascent(f.fontName, size)
                    max_size = max(max_size, size)
                    max_ascent = max(max_ascent, ascent)
                    min_descent = min(min_descent, descent)
                if not words:
                    g = copy_frag(f)
                    words = [g]
                    g.text = text
                    source = f
                elif f is not source and not _same_frag(g, f):
                    if space_width:
                        for wi in reversed(words):
                            if wi._fkind == _FK_TEXT:
                                if not wi.text.endswith(" "):
                                    wi.text += " "
                                break
                    g = copy_frag(f)
                    words.append(g)
                    g.text = text
                    source = f
                elif space_width:
                    g.text += text if g.text.endswith(" ") else " " + text
                else:
                    g.text += text
                # (reportlab measures this space in the last piece's face at the first's size)
                if type(w) is not list:  # (an _HSFrag or a word tuple: a space follows)
                    if space_key != (font_name, size):
                        space_key = (font_name, size)
                        space = _space(font_name, size)
                    space_width = space
                else:
                    space_width = 0
                some_text = False
                for part, part_text in w[2:] if len(w) > 2 else ():
                    g = copy_frag(part)
                    g.text = part_text
                    source = part
                    some_text = some_text or bool(part_text)
                    words.append(g)
                    ascent, descent = _ascent(g.fontName, g.fontSize)
                    max_size = max(max_size, g.fontSize)
                    max_ascent = max(max_ascent, ascent)
                    min_descent = min(min_descent, descent)
                if not text and some_text:
                    n += 1
                current_width = new_width
                if space_width and index + 1 < count:
                    # The words that follow in the same run, one piece each, and fit without
                    # shrinking the spaces: what the steps above do for them, in short.
                    next_index, current_width, space_width, placed = self.same_run(
                        frag_words, index + 1, source, current_width, space_width, max_width
                    )
                    if placed:
                        n += len(placed)
                        joined = " ".join(placed)
                        g.text += joined if g.text.endswith(" ") else " " + joined
            else:
                paragraph._width_max = max(paragraph._width_max, current_width)
                lines.append(
                    _frag_line(
                        max_width - current_width,
                        n,
                        words,
                        max_size,
                        max_ascent,
                        min_descent,
                        max_width,
                        first_of_line,
                    )
                )
                first_of_line = index
                line_no += 1
                max_width = widths[line_no if line_no < last_line else last_line]
                space_width = _space(font_name, font_size) if type(w) is not list else 0
                current_width = word_width
                n = 1
                g = copy_frag(f)
                source = f
                max_size = g.fontSize
                max_ascent, min_descent = _ascent(g.fontName, max_size)
                words = [g]
                g.text = w[1][1]
                for part, part_text in w[2:] if len(w) > 2 else ():
                    g = copy_frag(part)
                    g.text = part_text
                    source = part
                    words.append(g)
                    ascent, descent = _ascent(g.fontName, g.fontSize)
                    max_size = max(max_size, g.fontSize)
                    max_ascent = max(max_ascent, ascent)
                    min_descent = min(min_descent, descent)
            index = next_index
        if words:
            paragraph._width_max = max(paragraph._width_max, current_width)
            lines.append(
                _frag_line(
                    max_width - current_width,
                    n,
                    words,
                    max_size,
                    max_ascent,
                    min_descent,
                    max_width,
                    first_of_line,
                )
            )
        # reportlab's FW, the frag words, for splitting later (the word tuples made reportlab's
        # _HSFrags when they are read: at once for any paragraph but ours)
        if isinstance(paragraph, BriefingParagraph):
            paragraph.set_words(frag_words)
        else:
            paragraph.frags = _hs_words(frag_words)
        return ParaLines(kind=1, lines=lines)


def _frag_line(
    extra: float,
    count: int,
    words: list[Any],
    size: float,
    ascent: float,
    descent: float,
    max_width: float,
    first_word: int,
) -> Any:
    """``FragLine(extraSpace=..., ...)`` as ``breakLines`` makes it, attributes set directly."""
    line = object.__new__(FragLine)
    line.__dict__ = {
        "extraSpace": extra,
        "wordCount": count,
        "lineBreak": False,
        "words": words,
        "fontSize": size,
        "ascent": ascent,
        "descent": descent,
        "maxWidth": max_width,
        "sFW": first_word,
    }
    return line


def _same_frag(a: Any, b: Any) -> bool:
    """reportlab's ``sameFrag`` for two text runs."""
    for name in _SAME_FRAG:  # (a loop, not all() over a generator: called per run change)
        if getattr(a, name, None) != getattr(b, name, None):
            return False
    return True


def draw_lines(paragraph: Any) -> bool:
    """Draw ``paragraph``'s lines as ``Paragraph.drawPara`` does, operator for operator;
    False (nothing drawn) when the paragraph uses anything this shortcut does not handle.

    reportlab draws every run of a line through ``_putFragLine``, which also measures each
    run, its trailing spaces and its underlines, links and background for drawing them
    afterwards, and formats each piece of text through the canvas's general text output.
    Left-aligned, centred and justified lines of plain or raised runs (no underline, link,
    background, image, border or automatic leading) need none of that: their runs are written with
    the same bullet, font, colour, word-space, position and text operators, in the same order.
    """
    style = paragraph.style
    blocks = paragraph.blPara
    lines = blocks.lines
    alignment = style.alignment
    own = paragraph.__dict__  # (no paragraph class has _offsets or autoLeading)
    quick = _QUICK_STYLES.get(style)
    if quick is None:
        quick = keep(_QUICK_STYLES, style, _quick_style(style), _MAX_STYLES)
    if (
        not lines
        or not quick
        or own.get("_offsets")
        or ("autoLeading" in own and own["autoLeading"] in ("min", "max"))
        or _preformatted(type(paragraph))
    ):
        return False
    kind = blocks.kind
    if kind == 0:
        first = blocks
        if first.us_lines or first.link:
            return False
    elif kind == 1:
        first = lines[0]
        for line in lines:
            for f in line.words:
                attributes = f.__dict__  # (hasattr and getattr: no class has these)
                if "cbDefn" in attributes or f.us_lines or f.link or attributes.get("backColor"):
                    return False
    else:
        return False
    canvas = paragraph.canv
    last_index = len(lines) - 1
    # (set on the first part of a split paragraph; getattr's default costs an exception)
    justify_last = own["_JustifyLast"] if "_JustifyLast" in own else _justify_last(type(paragraph))
    most_words = style.justifyLastLine
    cur_y = paragraph.height - (
        first.fontSize if paraFontSizeHeightOffset else getattr(first, "ascent", first.fontSize)
    )
    # canvas.saveState(), which copies the canvas's 22 state attributes (a fortieth of a
    # 50-page PDF): "q", and the only canvas state the lines change: the fill colour of a
    # paragraph of one run, and the opacity state, which the text objects' colours set on the
    # canvas (the rest is the text objects' own); restored as restoreState does.
    canvas._code.append("q")
    saved_fill, saved_gstate = canvas._fillColorObj, canvas._extgstate
    canvas._extgstate = saved_gstate.pushCopy()
    offset = style.firstLineIndent
    out = _TextOut(canvas)
    if paragraph.bulletText:
        offset = _draw_bullet(out, offset, cur_y, paragraph.bulletText, style)
    if kind == 0:
        set_fill_color(canvas, first.textColor, canvas)
        tx = out.tx = _begin_text(canvas, style.leftIndent, cur_y)
        tx.setFont(first.fontName, first.fontSize, style.leading)
        out.font = getFont(first.fontName)
    else:
        tx = out.tx = _begin_text(canvas, style.leftIndent, cur_y)
        tx._leading = None
        tx._fontname, tx._fontsize = None, None
    for i, line in enumerate(lines):
        if kind == 0:
            extra, words = line
            count = len(words)
            text = " ".join(words)
            breaks = False
        else:
            extra, words, count, breaks = (
                line.extraSpace,
                line.words,
                line.wordCount,
                line.lineBreak,
            )
        last = not justify_last and i == last_index
        if last and most_words and count > most_words:
            last = False
        if alignment == TA_JUSTIFY:
            simple = breaks or -1e-8 < extra <= 1e-8 or (last and extra > -1e-8)
        else:
            simple = extra > -1e-8
        if not simple:
            if kind == 0:
                spaces = count + text.count("\xa0") - 1
            else:
                spaces = count + sum(w.text.count("\xa0") for w in words) - 1
            simple = spaces <= 0
        if alignment != TA_CENTER:
            moved = offset
            if moved:  # (0 on every line but the first: _move would do nothing)
                _move(tx, moved)
            if not simple:
                _word_space(tx, extra / float(spaces))
        elif simple:
            moved = offset + 0.5 * extra
            _move(tx, moved)
        else:
            moved = offset
            _word_space(tx, extra / float(spaces))
            if kind == 0:  # (reportlab moves a centred line of runs only when it is simple)
                _move(tx, moved)
        if kind == 0:
            out.text(out.font, text, True)
        else:
            out.runs(words, style.leading)
        if not simple:
            _word_space(tx, 0)
        if moved:
            _move(tx, -moved)
        offset = 0
    canvas.drawText(tx)
    canvas._code.append("Q")
    canvas._fillColorObj, canvas._extgstate = saved_fill, saved_gstate
    return True


# The fill colour operator of each colour drawn, by its red, green and blue (fp_str is about
# 3 µs a call; a paragraph sets one colour, a line of runs one per colour change).
_FILL_OPERATORS: dict[tuple[float, float, float], str] = {}
_MAX_FILL_OPERATORS = 256
_TRANSPARENCY = PDF_SUPPORT_VERSION["transparency"]


def set_fill_color(target: Any, color: Any, canvas: Any) -> None:
    """``target.setFillColor(color)`` (``target`` is ``canvas`` or a text object on it) for
    an RGB colour, its operator looked up: the same operator, and the same opacity state
    (``setFillAlpha``, which writes nothing for an opaque colour once the document is at the
    PDF version that has opacity, and the opacity is already 1). Anything else goes to
    reportlab. Saved a fiftieth of a 50-page PDF."""
    if type(color) is not Color or target._enforceColorSpace:
        target.setFillColor(color)
        return
    rgb = (color.red, color.green, color.blue)
    operator = _FILL_OPERATORS.get(rgb)
    if operator is None:
        operator = keep(_FILL_OPERATORS, rgb, f"{fp_str(rgb)} rg", _MAX_FILL_OPERATORS)
    target._fillColorObj = color
    target._code.append(operator)
    alpha = color.alpha
    if alpha is not None and not (
        alpha == 1
        and canvas._doc._pdfVersion >= _TRANSPARENCY
        and canvas._extgstate._d.get("ca", 1) == 1
    ):
        target.setFillAlpha(alpha)


def _draw_bullet(out: _TextOut, offset: float, y: float, bullet: Any, style: Any) -> float:
    """reportlab's ``_drawBullet`` for a bullet of text at the start of the line in a
    TrueType face: the same text object, operators and offset, written as ``_TextOut``
    writes a line (a list item's bullet took reportlab about as long as its line)."""
    canvas = out.canvas
    name, size = style.bulletFontName, style.bulletFontSize
    font = getFont(name)
    if (
        type(bullet) is not str
        or style.bulletAnchor != "start"
        or not canvas.bottomup
        or not font._dynamicFont
        or not hasattr(font, "pdf_string")
    ):
        return _drawBullet(canvas, offset, y, bullet, style, rtl=False)
    tx = _begin_text(canvas, style.bulletIndent, y + getattr(style, "bulletOffsetY", 0))
    tx.setFont(name, size)
    set_fill_color(tx, getattr(style, "bulletColor", style.textColor), canvas)
    tx._x += stringWidth(bullet, name, size)  # textOut: the cursor moves across
    saved = out.tx
    out.tx = tx
    try:
        out.text(font, bullet, False)
    finally:
        out.tx = saved
    canvas.drawText(tx)
    return max(offset, tx._x + size * 0.6 - style.leftIndent)


@functools.cache
def _preformatted(kind: type) -> bool:
    """reportlab's test for a preformatted paragraph class, once per class."""
    return "preformatted" in kind.__name__.lower()


@functools.cache
def _justify_last(kind: type) -> Any:
    """A paragraph class's own ``_JustifyLast`` (none of ours has one)."""
    return getattr(kind, "_JustifyLast", False)


def _move(tx: Any, dx: float) -> None:
    """reportlab's ``setXPos(tx, dx)`` (``PDFTextObject.moveCursor``, which folds a move
    into the one just before it), with the numbers written once (see ``_fp``)."""
    if -1e-6 <= dx <= 1e-6:
        return
    code = tx._code
    dy = 0.0
    if code and code[-1].endswith(" Td"):
        last = code[-1].split()
        if len(last) == 3:
            del code[-1]
        else:
            code[-1] = "".join(last[:-4])
        last_dx, last_dy = float(last[-3]), float(last[-2])
        dx += last_dx
        dy -= last_dy
        tx._x0 -= last_dx
        tx._y0 -= last_dy
    code.append(f"{_fp(dx)} {_fp(-dy)} Td")
    tx._x0 += dx
    tx._y0 += dy
    tx._x = tx._x0
    tx._y = tx._y0


def _begin_text(canvas: Any, x: float, y: float) -> Any:
    """``canvas.beginText(x, y)``: reportlab's text object, its origin written once."""
    if not canvas.bottomup:
        return canvas.beginText(x, y)
    tx = object.__new__(PDFTextObject)
    tx._code = ["BT", f"1 0 0 1 {_fp(x)} {_fp(y)} Tm"]
    tx._canvas = canvas
    tx._fontname = canvas._fontname
    tx._fontsize = canvas._fontsize
    tx._leading = canvas._leading
    tx._doc = canvas._doc
    tx._colorsUsed = canvas._colorsUsed
    tx._enforceColorSpace = getattr(canvas, "_enforceColorSpace", None)
    tx._curSubset = -1
    tx.direction = None
    tx._x0 = tx._x = x
    tx._y0 = tx._y = y
    tx._textRenderMode = 0
    tx._clipping = 0
    tx._rise = 0
    return tx


def _quick_style(style: Any) -> bool:
    """Whether ``draw_lines`` can draw paragraphs of ``style`` (the style's part of its test)."""
    return not (
        style.alignment not in (TA_LEFT, TA_CENTER, TA_JUSTIFY)
        or style.backColor
        or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
        or style.wordWrap
        or style.endDots
        or getattr(style, "autoLeading", "") in ("min", "max")
    )


# (as _QUICK_BREAKS)
_QUICK_STYLES: dict[Any, bool] = {}
_KEEP_WITH_NEXT: dict[Any, Any] = {}  # a style's keepWithNext


def _word_space(tx: Any, space: float) -> None:
    """``tx.setWordSpace(space)``, with the number written once (see ``_fp``)."""
    tx._wordSpace = space
    tx._code.append(f"{_fp(space)} Tw")


# Numbers as the PDF writes them (reportlab's fp_str takes about 3 µs a call), by value:
# font sizes, leadings and the zero word space come back on every line.
_NUMBERS: dict[float, str] = {}
_MAX_NUMBERS = 4096


def _fp(value: float) -> str:
    found = _NUMBERS.get(value)
    if found is None:
        found = keep(_NUMBERS, value, fp_str(value), _MAX_NUMBERS)
    return found


class _TextOut:
    """``PDFTextObject._textOut`` for a TrueType face we embed: the same operators, without
    the general text output's bookkeeping; any other font goes to reportlab."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.doc = canvas._doc
        self.escape = canvas._escape
        self.tx: Any = None
        self.font: Any = None
        self.color: Any = None  # reportlab starts with no colour: the first run sets its own
        self.rise = 0  # a footnote mark's raised baseline (reportlab starts at 0)

    def runs(self, words: list[Any], leading: float) -> None:
        """One line of runs, as ``_putFragLine`` writes it."""
        tx = self.tx
        x0 = tx._x0
        if tx._leading != leading:
            tx._leading = leading  # tx.setLeading, with the number written once
            tx._code.append(f"{_fp(leading)} TL")
        end = words[-1]
        for f in words:
            if tx._fontname != f.fontName or tx._fontsize != f.fontSize:
                tx._setFont(f.fontName, f.fontSize)
                self.font = getFont(f.fontName)
            color = f.textColor
            if color is not self.color and (self.color is None or self.color != color):
                self.color = color
                set_fill_color(tx, color, self.canvas)
            if f.rise != self.rise:
                self.rise = f.rise
                tx.setRise(f.rise)
            self.text(self.font, f.text, f is end)
        if tx._x0 != x0:
            _move(tx, x0 - tx._x0)

    def text(self, font: Any, text: str, new_line: bool) -> None:
        tx = self.tx
        if not font._dynamicFont or type(text) is not str:  # a Type 1 font, shaped text
            tx._textOut(text, new_line)
            return
        doc = self.doc
        quick = font.pdf_string(text, doc) if text and hasattr(font, "pdf_string") else None
        if quick is not None:  # every character in the first subset
            end = " T*" if new_line else ""
            if tx._curSubset:
                head = f"{_fp(tx._fontsize)} Tf {_fp(tx._leading)} TL"
                tx._code.append(f"{font.getSubsetInternalName(0, doc)} {head} ({quick}) Tj{end}")
                tx._curSubset = 0
            else:
                tx._code.append(f"({quick}) Tj{end}")
            return
        parts = []
        head = None
        for subset, t in font.splitString(text, doc):
            if subset != tx._curSubset:
                if head is None:
                    head = f"{_fp(tx._fontsize)} Tf {_fp(tx._leading)} TL"
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {head}")
                tx._curSubset = subset
            parts.append(f"({self.escape(t)}) Tj")
        tx._code.append(" ".join(parts) + (" T*" if new_line else ""))
