"""Briefing markup (the HTML subset templates produce) → the blocks of a ``Document``.

The subset: ``h1``–``h3``, ``p``, ``ul``/``ol``/``li`` (nested), ``table``/``tr``/``th``/``td``
(``colspan``, ``rowspan``; ``data-widths="30,70"`` on a table), ``b``/``strong``, ``i``/``em``,
``u``, ``br``, ``span`` and ``div`` with a ``class``, and ``<div class="page-break"></div>``.
Inside a cell, text and ``<p>`` paragraphs may follow each other. A ``class`` must be a reserved
name (``body``, ``h1``, ``h2``, ``h3``, ``list``, ``table``, ``th``, ``page-break``, ``footnote``,
``chart``) or a style the manifest defines; anything else is an error naming the template and
the markup line, because a silently ignored tag would be a silently missing piece of the
briefing.

``<div class="chart" data-chart="{…}"></div>`` is a chart (the ``chart`` filter writes it).
``<span class="footnote">text</span>`` is a numbered footnote (its text only, no tags): a
reference mark where it stands, the text at the foot of the page.

Whitespace collapses as in HTML, entities are unescaped, text is NFC. ``p``, ``li``, ``td``,
``th`` and ``tr`` close implicitly as HTML allows; other elements must be closed properly.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.entities import html5 as html5_entities
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NoReturn, get_args
from xml.parsers.expat import ExpatError, ParserCreate

from briefing_studio.document import (
    Block,
    Cell,
    Chart,
    ChartKind,
    Division,
    Footnote,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
)
from briefing_studio.errors import BriefingError
from briefing_studio.templating.manifest import RESERVED_STYLES

_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's ASCII whitespace; U+00A0 is kept
_INLINE_TAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline"}
_BLOCK_TAGS = frozenset({"h1", "h2", "h3", "p", "ul", "ol", "table", "div"})
_ALLOWED_ATTRIBUTES = {
    "td": {"class", "colspan", "rowspan"},
    "th": {"class", "colspan", "rowspan"},
    "table": {"class", "data-widths"},
    # data-figure: the figure a bold run shows, written only for the GUI's preview
    # (``filters.FIGURE_LINKS``); it becomes ``Run.figure``.
    "b": {"class", "data-figure"},
    "div": {"class", "data-chart"},
}
_CLASS_ONLY = frozenset({"class"})  # what other tags but <br> may carry
_NO_ATTRIBUTES: frozenset[str] = frozenset()
_KNOWN_TAGS = frozenset({*_INLINE_TAGS, *_BLOCK_TAGS, "li", "tr", "td", "th", "br", "span"})
_OPTIONAL_END = frozenset({"p", "li", "td", "th", "tr"})  # may close implicitly, as in HTML
# Open blocks at once. A real briefing nests a few levels (a panel, a table, a cell, a
# paragraph); both writers recurse once per level, so thousands would overflow Python's stack.
MAX_NESTING = 40
MAX_CHART_ITEMS = 24  # bars, points or shares in one chart
MAX_WIDTH_SHARE = 10_000.0  # a data-widths value: relative, so "30,70" and "3,7" agree


def parse_markup(
    markup: str,
    styles: set[str] | frozenset[str] = RESERVED_STYLES,
    template_id: str = "",
    path: str | Path | None = None,
) -> list[Block]:
    """The blocks of a markup string; ``styles`` are the class names it may use.

    Markup that is well-formed XML (the built-in templates write only such) is read by
    expat, a tokenizer in C; anything else, and every error, by ``html.parser``, which reads
    both alike and words the message with the markup line.
    """
    allowed = set(styles) | RESERVED_STYLES
    blocks = _parse_well_formed(markup, allowed)
    if blocks is None:
        blocks = _parse_html(markup, allowed, template_id, path)
    return blocks


def _parse_html(
    markup: str, styles: set[str], template_id: str = "", path: str | Path | None = None
) -> list[Block]:
    """The blocks of any markup, read by ``html.parser``; errors name the markup line."""
    parser = _MarkupParser(styles, template_id, path, markup)
    parser.feed(markup)
    parser.close()
    return parser.finish()


# A literal tab or line break inside an attribute value: XML turns it into a space, HTML
# keeps it, so such markup goes to html.parser.
_ATTRIBUTE_WHITESPACE = re.compile(r"=\s*(?:\"[^\"<]*[\t\n\r]|'[^'<]*[\t\n\r])")
# A reference other than the ones Jinja's escaping writes.
_UNUSUAL_REFERENCE = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#34|#39);)")
_REFERENCE = re.compile(
    r"&(?:#([0-9]{1,7});|#[xX]([0-9a-fA-F]{1,6});|([A-Za-z][A-Za-z0-9]{0,31});)?"
)
_ROOT = "briefing-markup"  # the element wrapped around the markup, which may have many roots


class _NotSure(Exception):
    """The markup holds something XML and HTML may read differently."""


def _same_in_xml(number: int) -> bool:
    """Whether ``&#number;`` is the same character to expat and to ``html.unescape``: XML's
    characters without C0 and C1 controls and noncharacters, which HTML replaces or drops."""
    if number in (0x9, 0xA) or 0x20 <= number <= 0x7E or 0xA0 <= number <= 0xD7FF:
        return True
    noncharacter = 0xFDD0 <= number <= 0xFDEF or number & 0xFFFE == 0xFFFE
    return 0xE000 <= number <= 0x10FFFF and not noncharacter


def _xml_reference(match: re.Match[str]) -> str:
    """A character reference as expat reads it the way ``html.unescape`` does."""
    return _xml_reference_of(match.group(), *match.groups())


@lru_cache(maxsize=512)  # a markup repeats few references many times
def _xml_reference_of(
    reference: str, decimal: str | None, hexadecimal: str | None, name: str | None
) -> str:
    if name is not None:
        text = html5_entities.get(name + ";")
        if text is None:
            raise _NotSure(reference)
        return "".join(f"&#{ord(c)};" for c in text)
    number = int(decimal) if decimal is not None else int(hexadecimal or "-1", 16)
    if not _same_in_xml(number):  # also a bare "&": HTML keeps it, XML refuses it
        raise _NotSure(reference)
    return reference


def _parse_well_formed(markup: str, styles: set[str]) -> list[Block] | None:
    """The blocks of ``markup`` read by expat, or None when expat cannot be sure to read it as
    ``html.parser`` does (not well-formed, an unusual reference, a CDATA section) or the markup
    is invalid: ``html.parser`` then reads it again and words the message."""
    if _ATTRIBUTE_WHITESPACE.search(markup):
        return None
    try:
        if _UNUSUAL_REFERENCE.search(markup):
            markup = _REFERENCE.sub(_xml_reference, markup)
        data = f"<{_ROOT}>{markup}</{_ROOT}>".encode()
        return _XmlReader(styles, markup, data).read()
    except (ExpatError, BriefingError, _NotSure, UnicodeError):
        return None


@dataclass(slots=True)
class _Open:
    """An open element: its tag, the model node it builds, the markup line it started on."""

    tag: str
    node: Any
    line: int
    runs: list[Inline] | None = None  # where text inside this element goes, if anywhere
    children: list[Any] | None = None  # where blocks inside it go, if anywhere


@dataclass
class _Format:
    """Character formatting in effect: counts, so nested ``<b><b>`` closes correctly."""

    bold: int = 0
    italic: int = 0
    underline: int = 0
    spans: list[str | None] = field(default_factory=list)
    figures: list[str | None] = field(default_factory=list)  # one per open <b>
    # (bold, italic, underline, style, figure) of text now, kept until the format changes
    now: tuple[bool, bool, bool, str | None, str | None] | None = None

    def current(self) -> tuple[bool, bool, bool, str | None, str | None]:
        """``Run``'s fields after its text, for text written now."""
        if self.now is None:
            self.now = (
                self.bold > 0,
                self.italic > 0,
                self.underline > 0,
                next((s for s in reversed(self.spans) if s), None),
                next((f for f in reversed(self.figures) if f), None),
            )
        return self.now


class _MarkupParser(HTMLParser):
    def __init__(
        self, styles: set[str], template_id: str, path: str | Path | None, markup: str
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.styles = styles
        self.template_id = template_id
        self.path = path
        self.markup = markup
        self.root: list[Block] = []
        self.stack: list[_Open] = []
        self.inline_stack: list[tuple[str, int]] = []  # open inline tags and their lines
        self.format = _Format()
        # The text of an open <span class="footnote"> and the inline depth it opened at.
        self.note: list[str] | None = None
        self.note_depth = 0
        self.notes = 0  # footnotes so far: the next one's number is this plus one

    # HTMLParser callbacks -------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in _KNOWN_TAGS:
            self._fail(f"thẻ <{tag}> không được hỗ trợ", f"the tag <{tag}> is not supported")
        attributes = self._attributes(tag, attrs)
        style = attributes.get("class")
        if self.note is not None and tag not in _INLINE_TAGS and tag != "span":
            self._fail(
                f"thẻ <{tag}> trong chú thích (chỉ được có chữ)",
                f"the tag <{tag}> inside a footnote (text only)",
            )
        if tag == "br":
            self._inline_target(line).append(LineBreak())
        elif tag in _INLINE_TAGS or tag == "span":
            self._inline_target(line)  # an inline tag needs a place for its text
            if style == "footnote":
                if self.note is not None:
                    self._fail("chú thích lồng trong chú thích", "a footnote inside a footnote")
                self.note, self.note_depth = [], len(self.inline_stack) + 1
            self._push_format(tag, style, attributes.get("data-figure"))
            self.inline_stack.append((tag, line))
        else:
            self._open_block(tag, style, attributes, line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag != "br":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self._inline_target(self.getpos()[0]).append(LineBreak())
        elif tag in _INLINE_TAGS or tag == "span":
            closes_note = self.note is not None and len(self.inline_stack) == self.note_depth
            self._close_inline(tag)
            if closes_note:
                self._end_note()
        elif tag in _KNOWN_TAGS:
            self._close_block(tag)
        else:
            self._fail(f"thẻ </{tag}> không được hỗ trợ", f"the tag </{tag}> is not supported")

    def handle_data(self, data: str) -> None:
        target = self._text_target()
        if target is None and self.note is None and not data.strip():
            return  # whitespace between blocks (NFC keeps whitespace whitespace)
        text = unicodedata.normalize("NFC", data)
        if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
            text = _WHITESPACE.sub(" ", text)  # the test is 5× faster than the pattern
        if self.note is not None:
            self.note.append(text)
            return
        if target is None:
            target = self._inline_target(self.getpos()[0])
        target.append(Run(text, *self.format.current()))

    def handle_comment(self, data: str) -> None:
        """Comments are allowed and dropped."""

    def _end_note(self) -> None:
        """``<span class="footnote">`` closed: its text becomes the next numbered footnote."""
        text = " ".join("".join(self.note or []).split())
        self.note = None
        if text:
            self.notes += 1
            self._inline_target(self.getpos()[0]).append(Footnote(self.notes, text))

    def handle_decl(self, decl: str) -> None:
        """``<!DOCTYPE html>`` is tolerated and dropped."""

    def unknown_decl(self, data: str) -> None:
        self._fail("khai báo không được hỗ trợ", "unsupported declaration")

    def handle_pi(self, data: str) -> None:
        self._fail("chỉ thị xử lý không được hỗ trợ", "processing instructions are not supported")

    # Blocks -----------------------------------------------------------------------------------

    def _open_block(
        self, tag: str, style: str | None, attributes: dict[str, str], line: int
    ) -> None:
        if self.inline_stack:
            open_tag = self.inline_stack[-1][0]
            self._fail(
                f"khối <{tag}> nằm trong thẻ chữ <{open_tag}>",
                f"the block <{tag}> is inside the inline <{open_tag}>",
            )
        if tag in _BLOCK_TAGS and self.stack and self.stack[-1].tag == "p":
            self._close_block("p")  # <p> closes implicitly before a block, as in HTML
        if tag in ("li", "tr", "td", "th"):
            self._close_siblings(tag)
        if len(self.stack) >= MAX_NESTING:
            self._fail(
                f"các khối lồng nhau quá {MAX_NESTING} tầng",
                f"blocks are nested more than {MAX_NESTING} deep",
            )
        parent = self.stack[-1] if self.stack else None
        node, runs, children = self._make_block(tag, style, attributes, parent, line)
        self.stack.append(_Open(tag, node, line, runs, children))

    def _make_block(
        self,
        tag: str,
        style: str | None,
        attributes: dict[str, str],
        parent: _Open | None,
        line: int,
    ) -> tuple[Any, list[Inline] | None, list[Any] | None]:
        """The node, where its text goes and where blocks inside it go (None: nowhere)."""
        parent_tag = parent.tag if parent else "body"
        where = _PLACEMENT.get(tag)
        if where is not None and parent_tag not in where:
            self._fail(
                f"<{tag}> không được đặt trong <{parent_tag}>",
                f"<{tag}> cannot be placed inside <{parent_tag}>",
            )
        node: Any
        runs: list[Inline] | None = None
        children: list[Any] | None = None
        if tag == "td" or tag == "th":  # the most frequent first
            node = Cell(
                inlines=(runs := []),
                header=tag == "th",
                style=style,
                colspan=self._span("colspan", attributes.get("colspan")),
                rowspan=self._span("rowspan", attributes.get("rowspan")),
            )
            children = node.blocks
        elif tag == "p":
            node = Paragraph(inlines=(runs := []), style=style)
        elif tag == "tr":
            node = Row(cells=(children := []))
        elif tag == "li":
            node = ListItem(inlines=(runs := []))
            children = node.children
        elif tag in ("h1", "h2", "h3"):
            node = Heading(level=int(tag[1]), inlines=(runs := []), style=style)
        elif tag in ("ul", "ol"):
            node = ListBlock(ordered=tag == "ol", items=(children := []), style=style)
        elif tag == "table":
            widths = self._widths(attributes.get("data-widths"))
            node = Table(rows=(children := []), style=style, widths=widths)
        elif style == "page-break":
            node = PageBreak()
        elif style == "chart":
            node = self._chart(attributes.get("data-chart"))
        else:  # div
            node = Division(blocks=(children := []), style=style)
        self._attach(node, parent)
        return node, runs, children

    def _attach(self, node: Any, parent: _Open | None) -> None:
        if parent is None:
            self.root.append(node)
        elif parent.children is not None:
            parent.children.append(node)
        else:  # a page break or a chart holds nothing
            self._fail("ngắt trang không chứa được nội dung", "a page break cannot hold content")

    def _close_block(self, tag: str) -> None:
        if self.inline_stack:
            open_tag, _ = self.inline_stack[-1]
            self._fail(
                f"</{tag}> đóng trước thẻ chữ <{open_tag}>",
                f"</{tag}> closes before the inline <{open_tag}>",
            )
        if self.stack and self.stack[-1].tag == tag:  # the usual case: the innermost closes
            self._finish(self.stack[-1])
            self.stack.pop()
            return
        depth = next(
            (i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), None
        )
        if depth is None:
            if tag == "p":  # a stray </p> makes an empty paragraph in HTML; here: nothing
                return
            self._fail(f"</{tag}> không có thẻ mở tương ứng", f"</{tag}> has no matching start")
        for open_ in self.stack[depth + 1 :]:
            if open_.tag not in _OPTIONAL_END:
                self._fail(
                    f"<{open_.tag}> (dòng {open_.line}) chưa được đóng trước </{tag}>",
                    f"<{open_.tag}> (line {open_.line}) is not closed before </{tag}>",
                )
        for open_ in reversed(self.stack[depth:]):
            self._finish(open_)
        del self.stack[depth:]

    def _close_siblings(self, tag: str) -> None:
        """A new ``li``/``tr``/``td`` closes the previous one still open, as in HTML."""
        stops, closes = _SIBLINGS[tag]
        while self.stack and self.stack[-1].tag not in stops and self.stack[-1].tag in closes:
            self._finish(self.stack.pop())

    def _finish(self, open_: _Open) -> None:
        if open_.runs is not None:
            open_.runs[:] = _tidy(open_.runs)
            if isinstance(open_.node, Paragraph) and not open_.runs:
                self._drop_empty(open_.node)

    def _drop_empty(self, node: Paragraph) -> None:
        """An empty ``<p></p>`` (a template's ``{% if %}`` left nothing) adds no blank line."""
        for container in self._containers():
            if container and container[-1] is node:
                container.pop()
                return

    def _containers(self) -> list[list[Any]]:
        lists: list[list[Any]] = [self.root]
        for open_ in self.stack:
            if isinstance(open_.node, Division | Cell):
                lists.append(open_.node.blocks)
        return lists

    def finish(self) -> list[Block]:
        for open_ in self.stack:
            if open_.tag not in _OPTIONAL_END:
                self._fail(
                    f"<{open_.tag}> (dòng {open_.line}) chưa được đóng",
                    f"<{open_.tag}> (line {open_.line}) is never closed",
                )
        if self.inline_stack:
            tag, line = self.inline_stack[-1]
            self._fail(
                f"<{tag}> (dòng {line}) chưa được đóng", f"<{tag}> (line {line}) is never closed"
            )
        for open_ in reversed(self.stack):
            self._finish(open_)
        self.stack.clear()
        return self.root

    # Inline content ---------------------------------------------------------------------------

    def _text_target(self) -> list[Inline] | None:
        """The run list text goes to now, or None where text would need a new paragraph."""
        if not self.stack:
            return None
        top = self.stack[-1]
        if isinstance(top.node, Cell) and top.node.blocks:
            return None  # text after a <p> in a cell must stay after it
        return top.runs

    def _inline_target(self, line: int) -> list[Inline]:
        """Where text goes now; loose text in the body, a ``div`` or after a cell's ``<p>``
        opens a paragraph of its own."""
        target = self._text_target()
        if target is not None:
            return target
        parent = self.stack[-1] if self.stack else None
        if parent is not None and not isinstance(parent.node, Division | Cell):
            self._fail(
                f"chữ không được đặt trực tiếp trong <{parent.tag}>",
                f"text cannot be placed directly inside <{parent.tag}>",
            )
        paragraph = Paragraph(inlines=[])
        self._attach(paragraph, parent)
        self.stack.append(_Open("p", paragraph, line, paragraph.inlines))
        return paragraph.inlines

    def _push_format(self, tag: str, style: str | None, figure: str | None) -> None:
        self.format.now = None
        if tag == "b":
            self.format.figures.append(figure or None)
        if tag == "span":
            self.format.spans.append(style)
        else:
            name = _INLINE_TAGS[tag]
            setattr(self.format, name, getattr(self.format, name) + 1)

    def _close_inline(self, tag: str) -> None:
        if not self.inline_stack or self.inline_stack[-1][0] != tag:
            expected = f"</{self.inline_stack[-1][0]}>" if self.inline_stack else "không có"
            self._fail(
                f"</{tag}> không khớp (cần {expected})",
                f"</{tag}> does not match (expected {expected})",
            )
        self.inline_stack.pop()
        self.format.now = None
        if tag == "b":
            self.format.figures.pop()
        if tag == "span":
            self.format.spans.pop()
        else:
            name = _INLINE_TAGS[tag]
            setattr(self.format, name, getattr(self.format, name) - 1)

    # Attributes -------------------------------------------------------------------------------

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str]:
        values: dict[str, str] = {}
        if not attrs:
            return values
        allowed = _ALLOWED_ATTRIBUTES.get(tag, _NO_ATTRIBUTES if tag == "br" else _CLASS_ONLY)
        for name, value in attrs:
            if name not in allowed:
                self._fail(
                    f"thuộc tính “{name}” của <{tag}> không được hỗ trợ",
                    f"the attribute “{name}” of <{tag}> is not supported",
                )
            values[name] = (value or "").strip()
        style = values.get("class")
        if style is not None:
            if not style:
                del values["class"]
            elif " " in style:
                self._fail(
                    f"chỉ dùng một lớp cho mỗi thẻ (“{style}”)",
                    f"use one class per element (“{style}”)",
                )
            elif style not in self.styles:
                self._fail(
                    f"lớp “{style}” chưa được định nghĩa trong template.toml (mục [styles])",
                    f"the class “{style}” is not defined in template.toml ([styles])",
                )
            elif style == "page-break" and tag != "div":
                self._fail(
                    "lớp “page-break” chỉ dùng cho <div>",
                    "the class “page-break” is only for <div>",
                )
        return values

    def _widths(self, raw: str | None) -> list[float] | None:
        if raw is None:
            return None
        try:
            widths = [float(part) for part in raw.split(",")]
        except ValueError:
            widths = []
        # "nan" and "inf" parse as floats; nan <= 0 is false, so test for what is allowed.
        if not widths or not all(0 < w <= MAX_WIDTH_SHARE for w in widths):
            self._fail(
                f'data-widths="{raw}" phải là các số dương (tối đa {MAX_WIDTH_SHARE:g}) cách '
                "nhau bởi dấu phẩy",
                f'data-widths="{raw}" must be positive numbers (at most {MAX_WIDTH_SHARE:g}) '
                "separated by commas",
            )
        return widths

    def _chart(self, raw: str | None) -> Chart:
        """``data-chart``: ``{"kind": "bar", "labels": […], "values": […], "texts": […],
        "caption": "…"}`` (the ``chart`` filter writes it)."""
        try:
            data = json.loads(raw or "")
            kind = data["kind"]
            labels = [str(x) for x in data["labels"]]
            values = [float(x) for x in data["values"]]
            texts = [str(x) for x in data.get("texts", values)]
            caption = str(data.get("caption", ""))
            valid = (
                kind in get_args(ChartKind)
                and 1 <= len(labels) == len(values) == len(texts) <= MAX_CHART_ITEMS
                and all(math.isfinite(v) and v >= 0 for v in values)
            )
        except (ValueError, KeyError, TypeError):
            valid = False
        if not valid:
            self._fail(
                "data-chart của biểu đồ không hợp lệ (dùng bộ lọc chart)",
                "the chart's data-chart is not valid (use the chart filter)",
            )
        return Chart(kind, labels, values, texts, " ".join(caption.split()))

    def _span(self, name: str, raw: str | None) -> int:
        if raw is None:
            return 1
        if not raw.isdigit() or not 1 <= int(raw) <= 50:
            self._fail(
                f'{name}="{raw}" phải là số nguyên từ 1 đến 50',
                f'{name}="{raw}" must be a whole number from 1 to 50',
            )
        return int(raw)

    def _fail(self, problem_vi: str, problem_en: str) -> NoReturn:
        line = self.getpos()[0]
        lines = self.markup.splitlines()
        text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        snippet = text if len(text) <= 120 else text[:117] + "…"
        name = self.template_id or "?"
        raise BriefingError(
            f"Mẫu “{name}” sinh ra mã đánh dấu không hợp lệ ở dòng {line}: {problem_vi}. "
            f"Dòng đó: {snippet}",
            f"Template “{name}” produced invalid markup at line {line}: {problem_en}. "
            f"That line: {snippet}",
            path=self.path,
        )


# What a new li/tr/td/th closes (the open elements it closes, the ones it stops at).
_SIBLINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("ul", "ol"), ("li", "p")),
    "tr": (("table",), ("tr", "td", "th", "p")),
    "td": (("tr",), ("td", "th", "p")),
    "th": (("tr",), ("td", "th", "p")),
}


class _XmlReader(_MarkupParser):
    """The builder fed by expat: tags and attribute names lower-cased as html.parser gives
    them, the element wrapped around the markup skipped."""

    def __init__(self, styles: set[str], markup: str, data: bytes) -> None:
        super().__init__(styles, "", None, markup)
        self.data = data
        self.reader = reader = ParserCreate()
        reader.buffer_text = True
        reader.buffer_size = len(data) + 1  # one text between two tags, one call, as in HTML
        reader.ordered_attributes = True
        reader.StartElementHandler = self.xml_root
        reader.EndElementHandler = self.xml_end
        reader.CharacterDataHandler = self.handle_data
        reader.CommentHandler = self.handle_comment  # ends a text, as in HTML
        reader.ProcessingInstructionHandler = _refuse
        reader.StartCdataSectionHandler = _refuse
        reader.StartDoctypeDeclHandler = _refuse

    def read(self) -> list[Block]:
        self.reader.Parse(self.data, True)
        return self.finish()

    def xml_root(self, name: str, attributes: list[str]) -> None:
        """The wrapping element: every later start is the markup's."""
        self.reader.StartElementHandler = self.xml_start

    def xml_start(self, name: str, attributes: list[str]) -> None:
        pairs = []
        if attributes:
            pairs = [(n.lower(), v) for n, v in zip(attributes[::2], attributes[1::2], strict=True)]
        self.handle_starttag(name.lower(), pairs)

    def xml_end(self, name: str) -> None:
        tag = name.lower()
        if tag == "br":  # <br/> is one line break; <br></br> two, as html.parser reads them
            at = self.reader.CurrentByteIndex
            if self.data[at - 2 : at] == b"/>":
                return
        if name != _ROOT:
            self.handle_endtag(tag)


def _refuse(*_: object) -> None:
    raise _NotSure


# Which parents each element may have ("body" is the top level).
_PLACEMENT: dict[str, frozenset[str]] = {
    "li": frozenset({"ul", "ol"}),
    "tr": frozenset({"table"}),
    "td": frozenset({"tr"}),
    "th": frozenset({"tr"}),
    "ul": frozenset({"body", "div", "li"}),
    "ol": frozenset({"body", "div", "li"}),
    "table": frozenset({"body", "div"}),
    "h1": frozenset({"body", "div"}),
    "h2": frozenset({"body", "div"}),
    "h3": frozenset({"body", "div"}),
    "div": frozenset({"body", "div"}),
    "p": frozenset({"body", "div", "td", "th"}),
}


def _tidy(inlines: list[Inline]) -> list[Inline]:
    """Collapse spaces across runs, trim block and line edges, merge runs that look alike."""
    if len(inlines) == 1 and isinstance(inlines[0], Run):  # most blocks: trim the one run
        text = inlines[0].text.strip(" ")
        if len(text) == len(inlines[0].text):
            return inlines
        return [replace(inlines[0], text=text)] if text else []
    out: list[Inline] = []
    last: Inline | None = None  # out[-1], if any
    for item in inlines:
        if not isinstance(item, Run):  # a line break, or a footnote's mark: it follows the
            _trim_end(out)  # word before it, no space
            out.append(item)
            last = item
            continue
        text = item.text
        at_edge = last is None or isinstance(last, LineBreak)
        if at_edge or (isinstance(last, Run) and last.text.endswith(" ")):
            text = text.lstrip(" ")
        if not text:
            continue
        if isinstance(last, Run) and _same_format(last, item):
            last = out[-1] = replace(last, text=last.text + text)
        else:
            last = item if len(text) == len(item.text) else replace(item, text=text)
            out.append(last)
    _trim_end(out)
    return out


def _trim_end(out: list[Inline]) -> None:
    while out and isinstance(out[-1], Run):
        text = out[-1].text.rstrip(" ")
        if text:
            if len(text) < len(out[-1].text):
                out[-1] = replace(out[-1], text=text)
            return
        out.pop()


def _same_format(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.underline, a.style) == (b.bold, b.italic, b.underline, b.style)
