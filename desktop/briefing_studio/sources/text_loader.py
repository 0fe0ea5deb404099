"""Plain-text sources (.txt, .md, no suffix): decode, clean, one block per paragraph."""

from __future__ import annotations

from pathlib import Path

from briefing_studio.sources.encodings import decode_text
from briefing_studio.sources.guards import empty_error, read_bytes
from briefing_studio.sources.limits import MAX_TEXT_BYTES
from briefing_studio.sources.model import SourceDocument
from briefing_studio.sources.paragraphs import text_blocks


def load_text(path: Path, encoding: str | None = None) -> SourceDocument:
    """Load a text file; ``encoding`` overrides detection (an id from ``ENCODINGS``)."""
    data = read_bytes(path, MAX_TEXT_BYTES)
    text, used = decode_text(data, encoding, path, nfc=False)  # text_blocks normalises
    blocks = text_blocks(text)
    if not blocks:
        raise empty_error(path)
    return SourceDocument(
        path=str(path), name=path.name, format="txt", encoding=used, blocks=blocks
    )
