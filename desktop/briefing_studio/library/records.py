"""What the library stores of one analysed source: plain rows, built without touching a database.

The source row keeps the whole ``SourceDocument`` (JSON, zlib-compressed) so the exact source —
same text, same hash, same section ids — can be rebuilt for a briefing without the original
file. Sections keep their text and a folded copy for search; figures keep their normalised value
and the folded words a figure filter matches (surface, unit, qualifier); entities are the
countries and provinces the gazetteer finds in each section, each with the province it belongs
to today (a former province's successor since the merger of 1 July 2025).
"""

from __future__ import annotations

import json
import os
import re
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from urllib.parse import urlsplit

from briefing_studio.analysis.gazetteer import gazetteer
from briefing_studio.analysis.model import Analysis
from briefing_studio.library.query import words_of
from briefing_studio.sources.model import SourceDocument
from briefing_studio.textutil import fold

ENTITY_KINDS = frozenset({"country", "province"})
# PostgreSQL's limits for a tsvector: positions up to 16 383, 256 of them per lexeme, lexemes
# under 2 KB; a longer "word" (a run of letters without a space) is left out of the index.
_MAX_POSITION = 16383
_MAX_POSITIONS = 256
_MAX_LEXEME_BYTES = 2046
_LONGEST_WORD = _MAX_LEXEME_BYTES // 2  # a word pair must fit too
_COUNT = struct.Struct(">i")
_NO_PLACES = b"\0\0\0"  # a pair's NUL and its count of positions: none
# After a lexeme's NUL: its count of positions and the positions (weight D: the bare number).
_POSITIONS = [struct.Struct(f">x{n + 1}H") for n in range(_MAX_POSITIONS + 1)]
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:năm|nam)\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class SourceRow:
    sha256: str
    path: str
    name: str
    title: str
    date: str | None
    year: int | None
    publisher: str | None
    format: str
    added_at: str
    file_size: int | None  # what the file was when read: a rescan skips it while unchanged
    file_mtime: float | None
    document: bytes


@dataclass(frozen=True)
class SectionRow:
    section_key: str
    ord: int
    kind: str
    text: str
    folded: str


@dataclass(frozen=True)
class FigureRow:
    section: int  # index into the section rows
    figure_key: str
    surface: str
    kind: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    year: int | None
    words: str


@dataclass(frozen=True)
class EntityRow:
    section: int  # index into the section rows
    kind: str
    key: str
    name: str
    current_key: str


@dataclass(frozen=True)
class Record:
    source: SourceRow
    sections: list[SectionRow]
    figures: list[FigureRow]
    entities: list[EntityRow]


def record_of(analysis: Analysis) -> Record:
    """The rows for ``analysis`` (fast: regular expressions and the gazetteer, no NER)."""
    source = analysis.source
    metadata = analysis.metadata
    date = metadata.date
    year = int(date[:4]) if date else _year_of(analysis)
    size, mtime = file_stamp(source.path)
    publisher = metadata.source_name or _host(metadata.source_url) or metadata.author or None
    row = SourceRow(
        sha256=source.sha256,
        path=source.path,
        name=source.name,
        title=metadata.title or source.title or source.name,
        date=date,
        year=year,
        publisher=publisher,
        format=source.format,
        added_at=datetime.now(UTC).isoformat(timespec="seconds"),
        file_size=size,
        file_mtime=mtime,
        document=pack_document(source),
    )
    sections: list[SectionRow] = []
    position: dict[str, int] = {}
    for section in analysis.sections:
        position[section.id] = len(sections)
        sections.append(
            SectionRow(section.id, section.index, section.kind, section.text, fold(section.text))
        )
    figures = []
    for figure in analysis.figures:
        index = position.get(figure.section)
        if index is None:
            continue
        figures.append(
            FigureRow(
                section=index,
                figure_key=figure.id,
                surface=figure.surface,
                kind=figure.kind,
                value=None if figure.value is None else float(figure.value),
                value_high=None if figure.value_high is None else float(figure.value_high),
                unit=figure.unit,
                qualifier=figure.qualifier,
                year=_figure_year(analysis.sections[index].sentence_at(figure.start)) or year,
                words=fold(" ".join(filter(None, (figure.surface, figure.unit, figure.qualifier)))),
            )
        )
    entities = []
    places = gazetteer()
    for index, section in enumerate(sections):
        seen: set[str] = set()
        for match in places.find_places(section.text):
            entry = match.entry
            if entry.kind not in ENTITY_KINDS or entry.key in seen:
                continue
            seen.add(entry.key)
            entities.append(
                EntityRow(index, entry.kind, entry.key, entry.name, places.successor(entry.key))
            )
    return Record(row, sections, figures, entities)


def section_lexemes(folded: str) -> str:
    """The text form of a section's PostgreSQL ``tsvector``: each word with its positions, and
    each pair of neighbouring words (``'han quoc'``) as a lexeme without positions.

    The pairs let the GIN index answer most of a phrase by itself: ``kim ngach thuong mai``
    needs the lexemes ``kim ngach``, ``ngach thuong`` and ``thuong mai``, which few sections hold
    even when each word is in every report; only those few are checked for the words in order.
    """
    positions, pairs = _lexemes(folded)
    return " ".join(
        [f"'{word}':{','.join(map(str, places))}" for word, places in positions.items()]
        + [f"'{pair}'" for pair in pairs]
    )


def section_tsvector(folded: str) -> bytes:
    """``section_lexemes`` in PostgreSQL's binary form of a ``tsvector`` (what its
    ``tsvectorrecv`` reads: the count of lexemes, then each one NUL-terminated with its count
    of positions and the positions, 16 bits each, big-endian), which the server reads without
    parsing text (0.18 ms a section). The lexemes go in the server's own order (by their
    bytes), so it stores them laid out exactly as it does from the text form."""
    positions, pairs = _lexemes(folded)
    parts = [_COUNT.pack(len(positions) + len(pairs))]
    places_of = positions.get
    # Python orders strings by code point, as UTF-8 bytes are ordered.
    for lexeme in sorted([*positions, *pairs]):
        places = places_of(lexeme)
        parts.append(lexeme.encode("utf-8"))
        if places is None:
            parts.append(_NO_PLACES)
        else:
            parts.append(_POSITIONS[len(places)].pack(len(places), *places))
    return b"".join(parts)


def _lexemes(folded: str) -> tuple[dict[str, list[int]], list[str]]:
    """(each word's positions, the sorted pairs of neighbouring words) of folded text."""
    words = words_of(folded)
    # UTF-8 takes at most 4 bytes a character: words this short are never too long, and
    # positions this few need no clamping.
    if len(words) >= _MAX_POSITION or (words and max(map(len, words)) * 4 > _LONGEST_WORD):
        return _lexemes_checked(words)
    positions: dict[str, list[int]] = {}
    for place, word in enumerate(words, start=1):
        positions.setdefault(word, []).append(place)
    if len(words) > _MAX_POSITIONS:
        positions = {word: places[:_MAX_POSITIONS] for word, places in positions.items()}
    return positions, sorted(set(map(" ".join, pairwise(words))))


def _lexemes_checked(words: list[str]) -> tuple[dict[str, list[int]], list[str]]:
    """``_lexemes`` of a section with a word too long to index or more words than PostgreSQL
    keeps positions for."""
    words = [w if len(w.encode("utf-8")) <= _LONGEST_WORD else "" for w in words]
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(words, start=1):
        if not word:
            continue
        places = positions.setdefault(word, [])
        place = min(index, _MAX_POSITION)
        if len(places) < _MAX_POSITIONS and (not places or places[-1] != place):
            places.append(place)
    # Two words of 1 023 bytes make a pair PostgreSQL refuses (it failed the whole add).
    pairs = {
        f"{a} {b}"
        for a, b in pairwise(words)
        if a and b and len(a.encode("utf-8")) + len(b.encode("utf-8")) < _MAX_LEXEME_BYTES
    }
    return positions, sorted(pairs)


def file_stamp(path: str) -> tuple[int | None, float | None]:
    """(size, modification time) of the file at ``path``, or (None, None)."""
    if not path:
        return None, None
    try:
        info = os.stat(path)
    except OSError:
        return None, None
    return info.st_size, info.st_mtime


def pack_document(source: SourceDocument) -> bytes:
    return zlib.compress(json.dumps(source.to_json(), ensure_ascii=False).encode("utf-8"), 6)


def unpack_document(data: bytes) -> SourceDocument:
    return SourceDocument.from_json(json.loads(zlib.decompress(bytes(data)).decode("utf-8")))


def _year_of(analysis: Analysis) -> int | None:
    """The first year named in the title or the opening sections: a report's year when the
    text gives no full date."""
    opening = [analysis.metadata.title, *(s.text[:300] for s in analysis.sections[:3])]
    match = _ANY_YEAR.search("\n".join(opening))
    return int(match.group(0)) if match else None


def _figure_year(sentence: str) -> int | None:
    """The year the sentence holding a figure names (``năm 2024``), if any."""
    match = _YEAR.search(sentence)
    return int(match.group(1)) if match else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    return host.removeprefix("www.") or None
