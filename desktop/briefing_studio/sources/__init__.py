"""Reading user files into ``SourceDocument``: text in any Vietnamese encoding, .docx, HTML, PDF.

Everything here returns clean NFC blocks and raises ``BriefingError`` (naming the file) for
every problem a file can have. The loaders for .docx, HTML and PDF import their libraries only
when such a file is opened.
"""

from __future__ import annotations

from briefing_studio.sources.encodings import ENCODINGS, decode_text
from briefing_studio.sources.limits import MAX_BYTES
from briefing_studio.sources.load import SUPPORTED_SUFFIXES, load_source, source_from_text
from briefing_studio.sources.model import Block, SourceDocument

__all__ = [
    "ENCODINGS",
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Block",
    "SourceDocument",
    "decode_text",
    "load_source",
    "source_from_text",
]
