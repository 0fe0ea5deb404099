"""The analysis of one source: sections, figures, metadata, acronyms, entities.

Plain dataclasses with ``to_json`` so the CLI, the project file and the GUI share one shape.
Offsets (``start``/``end``) are character offsets into the owning section's ``text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from briefing_studio.analysis.kinds import BY_ID as _KINDS
from briefing_studio.analysis.kinds import FigureKind
from briefing_studio.sources.model import SourceDocument, Table

SectionKind = Literal["heading", "paragraph", "table", "caption", "byline"]
# Sections that are metadata, not content: photo captions and credits, chart titles, bylines.
# The source view shows them greyed; they are never chosen, suggested or searched for figures.
META_KINDS = frozenset({"caption", "byline"})
Cue = Literal["result", "proposal", "direction", "background"]
EntityKind = Literal["person", "organization", "place", "country", "province"]


@dataclass(frozen=True)
class Section:
    """A paragraph, heading or table a secretary can choose, with its sentences and cue tags.

    A ``table`` section keeps the file's cells in ``table``; its ``text`` is the cells on one
    line (``Table.text``) and its ``sentences`` are the cells' spans in it.
    """

    id: str  # "<source key>/s<n>", stable for the same content
    index: int  # position among the source's sections, from 0
    kind: SectionKind
    text: str
    level: int = 0  # heading level 1–3, else 0
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) spans into ``text``
    cues: tuple[Cue, ...] = ()
    table: Table | None = None

    @property
    def is_meta(self) -> bool:
        """A caption, credit or byline: shown with the source, never part of a briefing."""
        return self.kind in META_KINDS

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence that holds ``offset`` (the whole text if
        sentences are unknown)."""
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)

    def sentence_at(self, offset: int) -> str:
        """The sentence that holds ``offset`` (the whole text if sentences are unknown)."""
        start, end = self.sentence_span(offset)
        return self.text[start:end]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "level": self.level,
            "text": self.text,
            "cues": list(self.cues),
            **({"table": self.table.to_json()} if self.table is not None else {}),
        }


@dataclass(frozen=True)
class Figure:
    """A numeric fact: its surface as written and its normalised value.

    ``kind`` an id of ``analysis/kinds.py: KINDS``: money, percent, count, measure, ratio
    (``gấp ba`` → 3, ``một nửa`` → 0.5) or date;
    ``value_high`` ends a range; ``unit`` as written (``USD``, ``đồng/hộ``, ``thỏa thuận``);
    ``words`` when the number is written in words. docs/ARCHITECTURE.md §3 has an example.
    """

    id: str  # "<section id>/f<n>"
    section: str  # section id
    start: int
    end: int
    surface: str
    kind: FigureKind
    value: float | int | None
    value_high: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None
    words: bool = False
    # A figure in a table cell: what its row and column headers say it is
    # ("Kim ngạch xuất khẩu · 2024"), shown before its value instead of a sentence.
    context: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:  # every kind the extractor produces is in the one table
            raise ValueError(f"figure kind {self.kind!r} is not in analysis/kinds.py: KINDS")

    def to_json(self) -> dict:
        data = asdict(self)
        if self.context is None:
            del data["context"]
        return data


@dataclass(frozen=True)
class Mention:
    """Where an entity occurs: a section and the span within its text."""

    section: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, merged over its aliases.

    ``key`` is the gazetteer id when one matched (ISO code ``KR`` for a country, a slug such as
    ``bac-giang`` for a province), so ``Hàn Quốc`` and ``Hàn`` in two sources are one entity.
    A province that no longer exists on its own (merger of 1 July 2025) keeps its former name
    and says which current one it is part of: ``merged_into`` (key) and ``merged_into_name``.
    """

    id: str
    kind: EntityKind
    name: str  # canonical Vietnamese name
    key: str | None = None
    aliases: tuple[str, ...] = ()  # surface forms seen in the text
    mentions: tuple[Mention, ...] = ()
    source: Literal["gazetteer", "ner", "both"] = "gazetteer"
    merged_into: str | None = None
    merged_into_name: str | None = None

    @property
    def sections(self) -> list[str]:
        """Section ids in order of first mention, without repeats."""
        return list(dict.fromkeys(m.section for m in self.mentions))

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "key": self.key,
            "aliases": list(self.aliases),
            "sections": self.sections,
            "source": self.source,
            "merged_into": self.merged_into,
            "merged_into_name": self.merged_into_name,
            "mentions": [asdict(m) for m in self.mentions],
        }


@dataclass(frozen=True)
class Acronym:
    """An abbreviation and its expansion, for the glossary."""

    short: str
    expansion: str
    defined_in_text: bool  # True for "ngoại giao kinh tế (NGKT)", False for a known one
    sections: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "short": self.short,
            "expansion": self.expansion,
            "defined_in_text": self.defined_in_text,
            "sections": list(self.sections),
        }


@dataclass(frozen=True)
class Metadata:
    """What the text says about itself: author and source lines, the lead's time and place."""

    title: str = ""
    author: str | None = None
    source_url: str | None = None
    source_name: str | None = None  # "Nguồn: Báo Thế giới & Việt Nam" without a URL
    time: str | None = None  # the lead's time phrase as written: "Chiều 20/12"
    date: str | None = None  # ISO date when it can be inferred (year from the text), else None
    place: str | None = None  # "Hà Nội", "điểm cầu tỉnh Bắc Giang"

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Analysis:
    """Everything the fast analysis found in one source; entities arrive later (NER is slow)."""

    source: SourceDocument
    metadata: Metadata
    sections: list[Section]
    figures: list[Figure]
    acronyms: list[Acronym]
    entities: list[Entity] | None = None  # None until entity extraction has run
    # Lookups by id across the open sources: briefing_studio.workspace.Workspace.

    def to_json(self) -> dict:
        """The shape ``briefing analyze --json`` prints for one source."""
        return {
            "path": self.source.path,
            "name": self.source.name,
            "key": self.source.key,
            "format": self.source.format,
            "encoding": self.source.encoding,
            "title": self.metadata.title,
            "metadata": self.metadata.to_json(),
            "sections": [s.to_json() for s in self.sections],
            "figures": [f.to_json() for f in self.figures],
            "entities": None if self.entities is None else [e.to_json() for e in self.entities],
            "acronyms": [a.to_json() for a in self.acronyms],
        }
