"""The text of an HTML file: BOM, then the page's declared charset, then detection.

A declared Latin-1/Windows-1252 charset is not trusted: old Vietnamese pages in TCVN3 or VNI
fonts declared it, so those bytes go through the same scoring as a legacy .txt file. Nor is a
declaration of anything that does not read ASCII as ASCII (UTF-16/32, EBCDIC): the declaration
itself, readable as ASCII, proves the file is not in it. Codecs that are no text encoding
(``hex``, ``rot13``, ``zlib``, ``undefined``) are ignored; detection decides.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from briefing_studio.sources.encodings import ascii_compatible, decode_text, text_codec

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_UNTRUSTED = {"iso8859-1", "latin-1", "cp1252", "ascii"}


def decode_html(data: bytes, path: Path) -> tuple[str, str]:
    """``(text, encoding used)`` for an HTML page's bytes."""
    declared = _declared_charset(data)
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            text = data.decode(declared)
        except UnicodeError:
            pass  # the declaration lies; detect instead
        else:
            return unicodedata.normalize("NFC", text), declared
    return decode_text(data, None, path)


def _declared_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` (or http-equiv) in the page's head, as a Python codec name."""
    match = _META_CHARSET.search(data[:8192])
    if match is None:
        return None
    name = text_codec(match.group(1).decode("ascii"))
    # Only a text encoding that reads the declaration itself as written: hex, rot13 or zlib
    # are no text encodings, and EBCDIC (cp037) or UTF-16/32 would make it another text.
    if name is None or name in _UNTRUSTED or not ascii_compatible(name):
        return None
    return name
