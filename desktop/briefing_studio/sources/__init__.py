"""Reading user files into ``SourceDocument``: text in any Vietnamese encoding, .docx, HTML, PDF.

Everything here returns clean NFC blocks and raises ``BriefingError`` (naming the file) for
every problem a file can have. The loaders for .docx, HTML and PDF import their libraries only
when such a file is opened.

The names below are imported on first use (PEP 562): ``briefing_studio.sources.model`` is read
by every layer above, and importing it must not load the loaders, the encodings and OCR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_studio.lazy_exports import lazy_exports

if TYPE_CHECKING:  # for type checkers, and for PyInstaller, which finds modules by import
    from briefing_studio.sources.encodings import ENCODINGS, decode_text  # noqa: F401
    from briefing_studio.sources.limits import MAX_BYTES  # noqa: F401
    from briefing_studio.sources.load import (  # noqa: F401
        SUPPORTED_SUFFIXES,
        load_source,
        source_from_text,
    )
    from briefing_studio.sources.model import Block, SourceDocument  # noqa: F401

# Each public name and the module that defines it.
_HOMES = {
    "ENCODINGS": "encodings",
    "decode_text": "encodings",
    "MAX_BYTES": "limits",
    "SUPPORTED_SUFFIXES": "load",
    "load_source": "load",
    "source_from_text": "load",
    "Block": "model",
    "SourceDocument": "model",
}
__all__ = sorted(_HOMES)
__getattr__ = lazy_exports(__name__, _HOMES, globals())
