"""What a loaded source file is: clean NFC blocks plus what the loader learned about the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from briefing_studio.textutil import content_hash

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True)
class Block:
    """One paragraph of a source as the file presents it.

    ``kind`` is ``heading`` only when the file itself says so (a .docx heading style, an HTML
    ``<h2>``); plain text arrives as paragraphs and the analysis decides which are headings.
    """

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0  # 1–3 for headings, 0 for paragraphs
    # (start, end) spans into ``text`` of words OCR read with low confidence: the source view
    # marks them so the figures taken from them are checked against the scan.
    uncertain: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict:
        data: dict = {"text": self.text, "kind": self.kind, "level": self.level}
        if self.uncertain:
            data["uncertain"] = [list(span) for span in self.uncertain]
        return data

    @classmethod
    def from_json(cls, data: dict) -> Block:
        return cls(
            text=data["text"],
            kind=data.get("kind", "paragraph"),
            level=data.get("level", 0),
            uncertain=tuple((int(a), int(b)) for a, b in data.get("uncertain", ())),
        )


@dataclass(frozen=True)
class SourceDocument:
    """A source file after loading: NFC text blocks, never raw bytes.

    ``title`` and ``author`` are what the file's own metadata says (HTML ``<title>``, .docx core
    properties), or empty; the analysis adds what it reads from the text itself.
    """

    path: str  # where it was loaded from ("" for pasted text)
    name: str  # file name shown to the user
    format: str  # "txt", "docx", "html", "pdf", "image", "doc", "rtf", "odt", "pasted"
    encoding: str | None  # detected or chosen encoding for text files, else None
    blocks: tuple[Block, ...]
    title: str = ""
    author: str = ""
    ocr: bool = False  # the text was recognised from images (a scan, a photo) by OCR
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    # Cached: the GUI asks for the key of a 1 MB source on every keystroke of a search, and
    # hashing it each time cost most of a second. Frozen dataclasses allow cached_property
    # because it writes to the instance __dict__ directly.
    @cached_property
    def text(self) -> str:
        """All blocks, one per line: the text that offsets and hashes refer to."""
        return "\n".join(block.text for block in self.blocks)

    @cached_property
    def sha256(self) -> str:
        return content_hash(self.text)

    @property
    def key(self) -> str:
        """Short content key (12 hex digits) that prefixes section and figure ids."""
        return self.sha256[:12]

    def uncertain_in(self, passage: str) -> list[tuple[int, int]]:
        """Spans of ``passage`` (a block, or part of one, such as a section's text) that OCR
        read with low confidence; empty for text that did not come from OCR."""
        if not self.ocr or not passage:
            return []
        for block in self.blocks:
            offset = block.text.find(passage) if block.uncertain else -1
            if offset >= 0:
                end = offset + len(passage)
                return [
                    (max(start, offset) - offset, min(stop, end) - offset)
                    for start, stop in block.uncertain
                    if start < end and stop > offset
                ]
        return []

    def to_json(self) -> dict:
        """Everything needed to rebuild this source on another machine (kept in .briefing)."""
        return {
            "path": self.path,
            "name": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "author": self.author,
            "sha256": self.sha256,
            **({"ocr": True} if self.ocr else {}),
            "blocks": [block.to_json() for block in self.blocks],
        }

    @classmethod
    def from_json(cls, data: dict) -> SourceDocument:
        return cls(
            path=data.get("path", ""),
            name=data.get("name", ""),
            format=data.get("format", "txt"),
            encoding=data.get("encoding"),
            blocks=tuple(Block.from_json(b) for b in data["blocks"]),
            title=data.get("title", ""),
            author=data.get("author", ""),
            ocr=bool(data.get("ocr", False)),
        )
