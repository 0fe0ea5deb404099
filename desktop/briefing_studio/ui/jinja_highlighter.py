"""Colours for template files: Jinja tags, expressions and comments over the briefing markup.

Editors are not programmers, so the colours answer the two questions they have while typing:
"is this text printed or is it template logic?" (Jinja regions get a tinted background) and
"will the app accept this tag or class?" (markup tags and classes the app does not know are
underlined in red before any preview is rendered).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from briefing_studio.templating.manifest import RESERVED_STYLES
from briefing_studio.templating.reference import MARKUP_TAGS

KNOWN_TAGS = frozenset(tag for tag, *_ in MARKUP_TAGS)
_KEYWORDS = frozenset(
    "for in if elif else endif endfor macro endmacro set endset import from as include "
    "call endcall with endwith without context not and or is recursive filter endfilter "
    "block endblock extends true false none True False None loop".split()
)
_TAG = re.compile(r"(</?)([A-Za-z][A-Za-z0-9-]*)|(/?>)")
_ATTRIBUTE = re.compile(r"\b([a-z][a-z-]*)(=)(\"[^\"]*\"|'[^']*')")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_JINJA_TOKEN = re.compile(
    r"(?P<string>\"[^\"]*\"|'[^']*')|(?P<filter>\|\s*[A-Za-z_]\w*)|(?P<number>\b\d+(\.\d+)?\b)"
    r"|(?P<word>\b[A-Za-z_]\w*\b)"
)
_OPENERS = {"{#": ("#}", 1), "{%": ("%}", 2), "{{": ("}}", 3)}
_CLOSERS = {1: "#}", 2: "%}", 3: "}}"}


def _format(
    color: str,
    *,
    bold: bool = False,
    italic: bool = False,
    background: str | None = None,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class JinjaHighlighter(QSyntaxHighlighter):
    """Highlights one template document; ``set_style_names`` says which classes exist."""

    def __init__(self, document: QTextDocument, style_names: Iterable[str] = ()) -> None:
        super().__init__(document)
        self.style_names = set(RESERVED_STYLES) | set(style_names)
        self.tag = _format("#1F4E9A", bold=True)
        self.unknown = _format("#C00000", bold=True)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(QColor("#C00000"))
        self.attribute = _format("#8A4B08")
        self.value = _format("#2E7D32")
        self.html_comment = _format("#808080", italic=True)
        self.comment = _format("#7A7A7A", italic=True, background="#F2F2F2")
        self.delimiter = _format("#7B1FA2", bold=True, background="#F6EEFA")
        self.statement = _format("#4A148C", background="#F6EEFA")
        self.expression = _format("#00566B", background="#EAF6F8")
        self.keyword = _format("#7B1FA2", bold=True, background="#F6EEFA")
        self.string = _format("#2E7D32")
        self.filter = _format("#B35900", bold=True)
        self.number = _format("#AD1457")

    def set_style_names(self, names: Iterable[str]) -> None:
        """The classes the manifest defines changed: recolour unknown ``class="…"`` values."""
        new = set(RESERVED_STYLES) | set(names)
        if new != self.style_names:
            self.style_names = new
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        self._markup(text)
        self._jinja(text)

    # Markup -------------------------------------------------------------------------------------

    def _markup(self, text: str) -> None:
        for match in _TAG.finditer(text):
            if match.group(3):
                self.setFormat(match.start(3), len(match.group(3)), self.tag)
                continue
            name = match.group(2).lower()
            fmt = self.tag if name in KNOWN_TAGS else self.unknown
            self.setFormat(match.start(), match.end() - match.start(), fmt)
        for match in _ATTRIBUTE.finditer(text):
            self.setFormat(match.start(1), len(match.group(1)), self.attribute)
            value = match.group(3)
            known = match.group(1) != "class" or value.strip("\"'") in self.style_names
            fmt = self.value if known or "{" in value else self.unknown
            self.setFormat(match.start(3), len(value), fmt)
        for match in _HTML_COMMENT.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.html_comment)

    # Jinja --------------------------------------------------------------------------------------

    def _jinja(self, text: str) -> None:
        """Jinja regions, which may span lines: the block state remembers an open region."""
        position, state = 0, max(self.previousBlockState(), 0)
        while position < len(text) or state:
            if state == 0:
                found = [(text.find(o, position), o) for o in _OPENERS]
                found = [(at, o) for at, o in found if at >= 0]
                if not found:
                    break
                start, opener = min(found)
                state = _OPENERS[opener][1]
                self.setFormat(start, 2, self._delimiter_format(state))
                position = start + 2
                continue
            closer = _CLOSERS[state]
            end = text.find(closer, position)
            inner_end = len(text) if end < 0 else end
            self._region(text, position, inner_end, state)
            if end < 0:
                self.setCurrentBlockState(state)
                return
            self.setFormat(end, 2, self._delimiter_format(state))
            position, state = end + 2, 0
        self.setCurrentBlockState(0)

    def _delimiter_format(self, state: int) -> QTextCharFormat:
        return self.comment if state == 1 else self.delimiter

    def _region(self, text: str, start: int, end: int, state: int) -> None:
        if state == 1:
            self.setFormat(start, end - start, self.comment)
            return
        base = self.statement if state == 2 else self.expression
        self.setFormat(start, end - start, base)
        for match in _JINJA_TOKEN.finditer(text, start, end):
            kind = match.lastgroup
            span = (match.start(), match.end() - match.start())
            if kind == "string":
                self.setFormat(*span, self._over(base, self.string))
            elif kind == "filter":
                self.setFormat(*span, self._over(base, self.filter))
            elif kind == "number":
                self.setFormat(*span, self._over(base, self.number))
            elif kind == "word" and match.group() in _KEYWORDS:
                self.setFormat(*span, self._over(base, self.keyword))

    @staticmethod
    def _over(base: QTextCharFormat, top: QTextCharFormat) -> QTextCharFormat:
        merged = QTextCharFormat(base)
        merged.merge(top)
        return merged
