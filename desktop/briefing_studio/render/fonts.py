"""PDF fonts: the bundled Liberation Serif/Sans, registered once as embedded TrueType families.

Liberation Serif and Sans are metric-compatible with Times New Roman and Arial, so a template
written for Word keeps its line breaks in the PDF, and they cover every Vietnamese letter.
reportlab embeds TTFonts as subsets, so the PDF shows the same glyphs on any machine.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace, unShapedFontGlob

from briefing_studio.render.font_cache import load_face
from briefing_studio.render.font_faces import (
    FACES,
    SANS,
    SERIF,
    face_path,
    face_suffix,
    family_name,
    font_missing,
)


def family_for(font: str | None) -> str:
    """The registered family for a template's font name (``font_faces.family_name``)."""
    family = family_name(font)
    register_family(family)
    return family


def face_for(font: str | None, bold: bool, italic: bool) -> str:
    """The registered face name of a family in the given weight and slant."""
    return family_for(font) + face_suffix(bold, italic)


def register_fonts() -> None:
    """Register both families with reportlab (once per process)."""
    for family in (SERIF, SANS):
        register_family(family)


@cache
def register_family(family: str) -> None:
    """Register the four faces of one family and the family itself (once per process).

    Each face is a TrueType file reportlab parses in 15–30 ms, so a document set in Times
    registers only Liberation Serif.
    """
    for suffix in FACES:
        _register_face(family + suffix)
    pdfmetrics.registerFontFamily(
        family,
        normal=family,
        bold=family + "-Bold",
        italic=family + "-Italic",
        boldItalic=family + "-BoldItalic",
    )


@cache
def _register_face(name: str) -> None:
    path = face_path(name)
    try:
        pdfmetrics.registerFont(_TTFont(name, path))
    except (OSError, TTFError) as exc:
        raise font_missing(path) from exc


class _TTFont(TTFont):
    """reportlab's TrueType font with a quicker ``splitString``.

    Every piece of text drawn goes through ``splitString``, which maps each character to its
    code in the embedded subset one at a time in Python (a tenth of a 50-page PDF's time).
    Once a character has a code, the mapping is a dictionary lookup: text whose characters
    all have one (nearly all text after the first lines) is mapped in one pass here, with
    the same result; anything else (a new character, one the font lacks) goes to reportlab.

    The face (reportlab's parse of the file) comes from ``font_cache``, so a process that ran
    before has already parsed it; the other attributes are those ``TTFont.__init__`` sets.
    """

    def __init__(self, name: str, path: Path) -> None:
        self.fontName = name
        self.face = load_face(_TTFontFace, path)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)

    _encoding: _Encoding | None = None  # of the document written last (see pdf_string)

    def pdf_string(self, text: str, doc: object) -> str | None:
        """``text`` as the escaped PDF string of its codes (what ``splitString`` and
        ``escapePDF`` make of it) when all its characters already have a code in the first
        subset of ``doc``; None otherwise (the caller then goes through ``splitString``).

        One ``str.translate`` instead of a lookup, a ``bytes`` and an escape per piece: the
        text of every line drawn comes this way.
        """
        encoding = self._encoding  # (one read: another thread may be writing another PDF)
        if encoding is None or encoding.doc() is not doc:
            state = self.state.get(doc)
            if state is None:
                return None
            encoding = self._encoding = _Encoding(doc, state.assignments)
        out = text.translate(encoding.current())
        return out if out.isascii() else None

    def splitString(self, text, doc, encoding="utf-8"):
        state = self.state.get(doc)
        if state is not None and isinstance(text, str):
            assignments = state.assignments
            try:
                codes = [assignments[code] for code in map(ord, text.replace("\xa0", " "))]
            except KeyError:
                pass
            else:
                if not codes or max(codes) < 256:
                    return [(0, bytes(codes))] if codes else []
                return [
                    (subset, bytes(code & 0xFF for code in group))
                    for subset, group in itertools.groupby(codes, lambda code: code >> 8)
                ]
        return super().splitString(text, doc, encoding)


_NO_CODE = "\udfff"  # not ASCII: ``pdf_string`` gives up on the text


class _Encoding:
    """A document's codes for one face, as a ``str.translate`` table: each character with a
    code in the first subset maps to that byte, escaped as it is written in the PDF; any other
    character (a new one, one of a later subset) maps to or stays something not ASCII.
    Codes are only ever added, so the table catches up with the ones added since."""

    def __init__(self, doc: object, assignments: dict[int, int]) -> None:
        self.doc = weakref.ref(doc)
        self.assignments = assignments
        self.known = 0
        self.table: dict[int, str] = dict.fromkeys(range(128), _NO_CODE)

    def current(self) -> dict[int, str]:
        assignments, table = self.assignments, self.table
        if len(assignments) != self.known:
            for char, code in itertools.islice(assignments.items(), self.known, None):
                table[char] = escapePDF(bytes((code,))) if code < 256 else _NO_CODE
            self.known = len(assignments)
            table[0xA0] = table.get(32, _NO_CODE)  # a no-break space is drawn as a space
        return table


class _TTFontFace(TTFontFace):
    """reportlab's font file, keeping the last embedded subsets it made.

    Writing a PDF builds one TrueType file per 256 characters used of each face, a fifth
    of the time of a short document; the preview and the exports write the same briefing
    again and again, with the same characters in the same order, so the same subsets.
    """

    _subsets: OrderedDict[tuple[int, ...], bytes]

    def makeSubset(self, subset):
        key = tuple(subset)
        with _SUBSETS_LOCK:  # the preview and an export may write PDFs at the same time
            cache = self.__dict__.setdefault("_subsets", OrderedDict())
            found = cache.get(key)
            if found is not None:
                cache.move_to_end(key)
                return found
        found = super().makeSubset(subset)
        with _SUBSETS_LOCK:
            cache[key] = found
            while len(cache) > _KEPT_SUBSETS:
                cache.popitem(last=False)
        return found

    def addSubsetObjects(self, doc, fontname, subset):
        """reportlab's font file and descriptor, the file compressed through ``_KeptFlate``
        (a subset kept by ``makeSubset`` is compressed once, not in every PDF)."""
        reference = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [_KEPT_FLATE]
        return reference


class _KeptFlate:
    """reportlab's FlateDecode filter, remembering the last font files it compressed (by
    identity: the same bytes object comes back from ``_TTFontFace.makeSubset``'s cache)."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def __init__(self) -> None:
        self._kept: OrderedDict[int, tuple[bytes, bytes]] = OrderedDict()

    def encode(self, content):
        with _SUBSETS_LOCK:
            found = self._kept.get(id(content))
            if found is not None and found[0] is content:
                return found[1]
        out = pdfdoc.PDFZCompress.encode(content)
        if isinstance(content, bytes):
            with _SUBSETS_LOCK:
                self._kept[id(content)] = (content, out)  # (kept alive: the id stays its)
                while len(self._kept) > _KEPT_SUBSETS * len(FACES):
                    self._kept.popitem(last=False)
        return out

    def decode(self, encoded):
        return pdfdoc.PDFZCompress.decode(encoded)


_KEPT_SUBSETS = 16  # per face: a few documents' worth (a subset file is 10-60 kB)
_SUBSETS_LOCK = threading.Lock()
_KEPT_FLATE = _KeptFlate()
