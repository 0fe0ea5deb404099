"""Names recognised instantly, without a model: countries, provinces, regions, organisations.

Why a gazetteer before NER: the counterpart of a briefing is a country or a province, and
relevance ranking must run the moment a source is loaded, while underthesea's NER needs seconds
and mislabels exactly these names (``Bắc Giang`` as a person, ``năm 2024`` as a place).

Country names are owned by ``data/countries.json``: one preferred Vietnamese display name per
country (the office's usage, e.g. ``Ô-xtrây-li-a``) and its English name, plus the
transliterations of official texts; the installed Babel's CLDR names only add aliases, so a Babel
upgrade never renames a country in a document. Provinces cover the 63 units before and the 34 after
the merger of 1 July 2025 (``data/provinces.json``), so ``Bắc Ninh`` (new) relates to the
``Bắc Giang`` lines of a 2024 report. Matching is token based: the longest alias wins, hyphens
join syllables (``Ô-xtrây-li-a`` = ``Ô xtrây li a``), old and new tone placement are equal
(``Hoà`` = ``Hòa``), and capitalisation must look like a name (``Mỹ`` but not ``thẩm mỹ``).
Short aliases that are also ordinary words or personal names carry a guard (see countries.json).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from briefing_studio.briefing import Counterpart, CounterpartKind
from briefing_studio.textutil import fold

EntryKind = Literal["country", "province", "place", "organization", "title", "blocked"]
Guard = Literal["name", "name+", "word"]
Status = Literal["current", "merged"]

DATA_DIR = Path(__file__).with_name("data")
PLACE_KINDS = frozenset({"country", "province", "place", "organization"})
_KIND_ORDER = {"country": 0, "province": 1, "organization": 2, "place": 3, "title": 4, "blocked": 5}
_COUNTERPART_KIND: dict[str, CounterpartKind] = {
    "country": "country",
    "province": "province",
    "organization": "organization",
}


@dataclass(frozen=True)
class GazetteerEntry:
    """One known name with its aliases; provinces also record the 2025 merger."""

    key: str  # ISO code for countries, ASCII slug otherwise (``bac-giang``, ``bo-ngoai-giao``)
    kind: EntryKind
    name: str  # canonical Vietnamese name
    aliases: tuple[str, ...] = ()
    name_en: str = ""
    status: Status = "current"  # "merged": no longer exists on its own (see ``merged_into``)
    merged_into: str | None = None
    parts: tuple[str, ...] = ()  # for a current province: the pre-merger units, itself included
    unit: str = ""  # "tỉnh" or "thành phố" for provinces

    @property
    def current(self) -> bool:
        return self.status == "current"

    def display_name(self, language: str = "vi") -> str:
        """The name to show; a merged province is marked as former, as official texts do."""
        english = language.startswith("en")
        name = (self.name_en or self.name) if english else self.name
        if self.kind == "province" and not self.current:
            name += " (former)" if english else " (cũ)"
        return name

    def counterpart(self, language: str = "vi") -> Counterpart:
        """This entry as a meeting counterpart (key kept so ranking sees every alias)."""
        kind = _COUNTERPART_KIND.get(self.kind, "other")
        return Counterpart(kind=kind, name=self.display_name(language), key=self.key)


class Match(NamedTuple):
    """A gazetteer hit: character span in the searched text and the entry."""

    start: int
    end: int
    entry: GazetteerEntry


@dataclass(frozen=True)
class _Alias:
    entry: GazetteerEntry
    pattern: str  # per token: "A" all-capital abbreviation, "C" capitalised, "-" other
    guard: Guard | None
    loose: bool  # organisations: one capitalised word is enough


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    norm: str
    linked: bool  # only spaces or hyphens since the previous token: may continue a phrase
    joined: bool  # glued to the previous token by a hyphen (Ô-xtrây): keeps its lower case
    newline: bool  # a line break since the previous token


_TOKEN = re.compile(r"\w+|[^\w\s]")
_HYPHENS = "-\u2010\u2011"
_DASHES = "\u2012\u2013\u2014\u2015"
_OPENERS = frozenset("“\"'‘«([")
_SENTENCE_END = frozenset(".!?…:")
_LIST_NEXT = frozenset({",", "và", "–", ";", ")", "/"})
# Old-style tone placement on the last vowel of oa/oe/uy (hoà, thuỵ) → the new style (hòa, thụy).
_OLD_TONES = {
    old: new
    for pair in ("oa", "oe", "uy")
    for old, new in zip(
        (
            pair[0] + unicodedata.normalize("NFC", pair[1] + m)
            for m in "\u0300\u0301\u0309\u0303\u0323"
        ),
        (
            unicodedata.normalize("NFC", pair[0] + m) + pair[1]
            for m in "\u0300\u0301\u0309\u0303\u0323"
        ),
        strict=True,
    )
}


def _norm(token: str) -> str:
    if token in _DASHES:
        return "–"
    token = token.lower()
    tail = token[-2:]
    if tail in _OLD_TONES and not (tail[0] == "u" and token[-3:-2] == "q"):
        token = token[:-2] + _OLD_TONES[tail]
    return token


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    previous_end: int | None = None
    for match in _TOKEN.finditer(text):
        piece = match.group()
        if piece in _HYPHENS:
            continue
        start = match.start()
        if previous_end is None:
            linked = joined = newline = False
        else:
            gap = text[previous_end:start]
            if gap == " ":  # the common case, decided without looking further
                linked, joined, newline = True, False, False
            else:
                newline = "\n" in gap
                linked = not newline and all(c.isspace() or c in _HYPHENS for c in gap)
                joined = len(gap) == 1 and gap in _HYPHENS
        tokens.append(_Token(start, match.end(), piece, _norm(piece), linked, joined, newline))
        previous_end = match.end()
    return tokens


def _pattern(token: str) -> str:
    if len(token) > 1 and token.isupper():
        return "A"
    return "C" if token[:1].isupper() else "-"


def _is_word(token: _Token) -> bool:
    return token.text[:1].isalnum()


def _titlecase(text: str) -> bool:
    """Capitalised like a name (``Nguyễn``), not an abbreviation or an all-caps heading."""
    return text[:1].isupper() and not text.isupper()


def ascii_name(text: str) -> str:
    """``Bắc Giang`` → ``Bac Giang``: the English spelling of a Vietnamese place name."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """``Bắc Giang`` → ``bac-giang``: the key style of provinces and organisations."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_name(text).lower()).strip("-")


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _cldr_territories() -> dict[str, tuple[str]]:
    """The installed Babel's Vietnamese territory names (CLDR), used as extra aliases only.

    Display names never come from here: CLDR renames countries between releases (Babel 2.19 calls
    AU "Úc" where 2.17 said "Australia"), and a document must not change with a library upgrade.
    """
    import babel

    return {code: (name,) for code, name in babel.Locale("vi").territories.items()}


def _vi_sort_key(text: str) -> tuple[str, str]:
    return fold(text), text


class Gazetteer:
    """All known names, indexed by normalised token sequence for longest-match scanning."""

    def __init__(self) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._index: dict[tuple[str, ...], list[_Alias]] = {}
        self._prefixes: set[tuple[str, ...]] = set()  # every alias and every start of one
        self._folded: dict[str, list[GazetteerEntry]] = {}
        self._not_counterparts: frozenset[str] = frozenset()
        self._viet_pairs: dict[str, GazetteerEntry] = {}
        people = _load("people.json")
        self.surnames = frozenset(people["surnames"])
        self.name_parts = frozenset(people["name_parts"])
        self.kinship = frozenset(people["kinship"])
        self._load_countries()
        self._load_provinces()
        self._load_places()
        self._load_organizations()
        for title in people["titles"]:
            self._add(GazetteerEntry(f"title:{slugify(title)}", "title", title), [title])
        for records in self._index.values():
            records.sort(key=lambda r: _KIND_ORDER[r.entry.kind])
        self._parts_of = self._reverse_mergers()
        self._find = lru_cache(maxsize=4096)(self._scan)

    # ---- loading -------------------------------------------------------------------------

    def _load_countries(self) -> None:
        data = _load("countries.json")
        cldr = _cldr_territories()
        guards: dict[str, Guard] = data["guards"]
        for code, (name, name_en) in data["names"].items():
            # The display names are ours; the installed CLDR only adds its own spelling as an alias.
            aliases = [name, *data["aliases"].get(code, []), *cldr.get(code, ())]
            entry = GazetteerEntry(code, "country", name, name_en=name_en)
            self._add(entry, aliases, guards)
        self._not_counterparts = frozenset(data["not_counterparts"])
        self._viet_pairs = {
            short: self._entries[code] for short, code in data["viet_pairs"].items()
        }

    def _load_provinces(self) -> None:
        for item in _load("provinces.json")["provinces"]:
            short = item.get("short", item["name"])
            entry = GazetteerEntry(
                key=item["key"],
                kind="province",
                name=item["name"],
                name_en=item.get("name_en", ascii_name(item["name"])),
                status=item["status"],
                merged_into=item.get("merged_into"),
                parts=tuple(item.get("parts", ())),
                unit=item["unit"],
            )
            prefixed = [f"{p} {short}" for p in ("tỉnh", "thành phố", "TP.", "TP", "Tp.")]
            aliases = [item["name"], *prefixed, *item.get("aliases", [])]
            guards: dict[str, Guard] = {}
            if item.get("bare", True):
                aliases.append(short)
                guards[short] = "name"  # Thái Bình, Hà Giang, Huế are also personal names
            self._add(entry, aliases, guards)

    def _load_places(self) -> None:
        data = _load("places.json")
        for item in data["regions"]:
            entry = GazetteerEntry(item["key"], "place", item["name"], name_en=item["name_en"])
            self._add(entry, [item["name"], *item["aliases"]])
        for phrase in data["blocked"]:
            self._add(GazetteerEntry(f"blocked:{slugify(phrase)}", "blocked", phrase), [phrase])

    def _load_organizations(self) -> None:
        for item in _load("organizations.json")["organizations"]:
            entry = GazetteerEntry(
                key=item["key"],
                kind="organization",
                name=item["name"],
                name_en=item.get("name_en", ""),
                status=item.get("status", "current"),
                merged_into=item.get("merged_into"),
            )
            self._add(entry, [item["name"], *item["aliases"]], loose=True)

    def _add(
        self,
        entry: GazetteerEntry,
        aliases: Iterable[str],
        guards: dict[str, Guard] | None = None,
        loose: bool = False,
    ) -> None:
        unique = tuple(dict.fromkeys(unicodedata.normalize("NFC", a) for a in aliases))
        entry = replace(entry, aliases=unique)
        if entry.key in self._entries:
            raise ValueError(f"duplicate gazetteer key {entry.key!r}")
        self._entries[entry.key] = entry
        for alias in unique:
            tokens = _tokenize(alias)
            norms = tuple(t.norm for t in tokens)
            pattern = "".join(_pattern(t.text) for t in tokens)
            guard = (guards or {}).get(alias)
            self._index.setdefault(norms, []).append(_Alias(entry, pattern, guard, loose))
            self._prefixes.update(norms[:n] for n in range(1, len(norms) + 1))
            if entry.kind in PLACE_KINDS:
                self._folded.setdefault(fold(" ".join(norms)), []).append(entry)
        if entry.name_en and entry.kind in PLACE_KINDS:
            self._folded.setdefault(fold(entry.name_en), []).append(entry)

    def _reverse_mergers(self) -> dict[str, set[str]]:
        parts: dict[str, set[str]] = {}
        for entry in self._entries.values():
            if entry.merged_into:
                parts.setdefault(entry.merged_into, set()).add(entry.key)
        return parts

    # ---- scanning ------------------------------------------------------------------------

    def find_places(self, text: str) -> list[Match]:
        """Countries, provinces, regions and organisations in ``text``: longest match, in order.

        Offsets refer to the NFC form of ``text`` (section texts already are NFC).
        """
        return [m for m in self._find(_nfc(text)) if m.entry.kind in PLACE_KINDS]

    def find_titles(self, text: str) -> list[Match]:
        """Titles before a person's name (``Thủ tướng Chính phủ``, ``Bộ trưởng``, ``ông``)."""
        return [m for m in self._find(_nfc(text)) if m.entry.kind == "title"]

    def _scan(self, text: str) -> list[Match]:
        tokens = _tokenize(text)
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            hit = self._match_at(tokens, i, text)
            if hit is not None:
                length, alias = hit
                matches.append(Match(tokens[i].start, tokens[i + length - 1].end, alias.entry))
                i += length
                continue
            pair = self._viet_pair(tokens, i, text)
            if pair is not None:
                matches.append(pair[1])
                i = pair[0] + 1
                continue
            i += 1
        return matches

    def _match_at(self, tokens: list[_Token], i: int, text: str) -> tuple[int, _Alias] | None:
        """The longest acceptable alias starting at token ``i``."""
        complete: list[int] = []
        key: tuple[str, ...] = ()
        for j in range(i, len(tokens)):
            if j > i and not tokens[j].linked:
                break
            key += (tokens[j].norm,)
            if key not in self._prefixes:
                break
            if key in self._index:
                complete.append(j - i + 1)
        for length in reversed(complete):
            norms = tuple(t.norm for t in tokens[i : i + length])
            for alias in self._index[norms]:
                if self._accept(alias, tokens, i, length, text):
                    return length, alias
        return None

    def _viet_pair(self, tokens: list[_Token], i: int, text: str) -> tuple[int, Match] | None:
        """``Việt – Hàn``, ``Việt-Trung``: the partner's one-syllable form after ``Việt``."""
        if tokens[i].text != "Việt" or i + 1 >= len(tokens):
            return None
        j = i + 1
        if tokens[j].norm == "–" and tokens[j].linked and j + 1 < len(tokens):
            j += 1
        elif not any(c in _HYPHENS for c in text[tokens[i].end : tokens[j].start]):
            return None
        entry = self._viet_pairs.get(tokens[j].text)
        if entry is None or not tokens[j].linked or self._match_at(tokens, j, text):
            return None
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if after is not None and after.linked and _titlecase(after.text):
            return None
        return j, Match(tokens[j].start, tokens[j].end, entry)

    def _accept(self, alias: _Alias, tokens: list[_Token], i: int, length: int, text: str) -> bool:
        span = tokens[i : i + length]
        return (
            _case_ok(alias, span)
            and _boundary_ok(text, span[0].start, span[-1].end)
            and self._guard_ok(alias.guard, tokens, i, length)
        )

    def _guard_ok(self, guard: Guard | None, tokens: list[_Token], i: int, length: int) -> bool:
        if guard is None:
            return True
        before = tokens[i - 1] if i > 0 and tokens[i].linked else None
        if before is not None and _is_word(before):
            if before.norm in self.kinship or (
                i > 1 and f"{tokens[i - 2].norm} {before.norm}" in self.kinship
            ):
                return False
            if _titlecase(before.text) and (
                before.text in self.surnames
                or before.text in self.name_parts
                or not _sentence_initial(tokens, i - 1)
            ):
                return False
        after = tokens[i + length] if i + length < len(tokens) else None
        if after is not None and not after.linked:
            after = None
        if guard in ("name+", "word") and after is not None and _titlecase(after.text):
            # "Tổng thống Mỹ Joe Biden": after a title the capitalised word is the holder's name
            return self._title_ends_at(tokens, i)
        if guard == "word" and _sentence_initial(tokens, i):
            return after is not None and after.norm in _LIST_NEXT
        return True

    def _title_ends_at(self, tokens: list[_Token], i: int) -> bool:
        for length in range(1, min(i, 5) + 1):
            span = tokens[i - length : i]
            if any(not t.linked for t in span[1:]) or not tokens[i].linked:
                continue
            records = self._index.get(tuple(t.norm for t in span), ())
            if any(r.entry.kind == "title" for r in records):
                return True
        return False

    # ---- lookups -------------------------------------------------------------------------

    def get(self, key: str) -> GazetteerEntry | None:
        """The entry with this key (``KR``, ``bac-giang``), if any."""
        return self._entries.get(key)

    def former_units(self, text: str) -> list[tuple[GazetteerEntry, GazetteerEntry]]:
        """(former province, the current one it is part of) for each former province named
        in ``text``, once each, in order: ``Bắc Giang`` → ``Bắc Ninh`` (merger of 1 July 2025)."""
        found: dict[str, tuple[GazetteerEntry, GazetteerEntry]] = {}
        for match in self.find_places(text):
            entry = match.entry
            successor = self.get(entry.merged_into) if entry.merged_into else None
            if successor is not None:
                found.setdefault(entry.key, (entry, successor))
        return list(found.values())

    def exact(self, name: str) -> GazetteerEntry | None:
        """A country, province, region or organisation one of whose aliases is exactly ``name``.

        Unlike ``lookup`` no key and no diacritic-insensitive match: for text already read as a
        name (``Đức`` alone is the country, whatever a tagger says).
        """
        norms = tuple(t.norm for t in _tokenize(_nfc(name).strip()))
        pattern = "".join(_pattern(t.text) for t in _tokenize(_nfc(name).strip()))
        for alias in self._index.get(norms, ()):
            if alias.entry.kind in PLACE_KINDS and alias.pattern == pattern:
                return alias.entry
        return None

    def lookup(self, name: str) -> GazetteerEntry | None:
        """A country, province, region or organisation by key or by any alias.

        Falls back to a diacritic-insensitive match (``Bac Giang``, ``South Korea``).
        """
        text = re.sub(r"\s*\((cũ|former|old)\)\s*$", "", _nfc(name).strip(), flags=re.I)
        if not text:
            return None
        keys = (text, text.upper() if len(text) == 2 else text, slugify(text))
        for entry in map(self._entries.get, keys):
            if entry is not None and entry.kind in PLACE_KINDS:
                return entry
        norms = tuple(t.norm for t in _tokenize(text))
        for alias in self._index.get(norms, ()):
            if alias.entry.kind in PLACE_KINDS:
                return alias.entry
        candidates = self._folded.get(fold(" ".join(norms)), [])
        candidates = sorted(candidates, key=lambda e: _KIND_ORDER[e.kind])
        return candidates[0] if candidates else None

    def entries(self, kind: EntryKind) -> list[GazetteerEntry]:
        return [e for e in self._entries.values() if e.kind == kind]

    def countries(self) -> list[GazetteerEntry]:
        """Every country and territory, sorted by Vietnamese name."""
        return sorted(self.entries("country"), key=lambda e: _vi_sort_key(e.name))

    def provinces(self, current_only: bool = False) -> list[GazetteerEntry]:
        """The 63 pre-merger units, or only the 34 that exist after 1 July 2025."""
        return [e for e in self.entries("province") if e.current or not current_only]

    def counterpart_choices(self, language: str = "vi") -> list[Counterpart]:
        """What the counterpart combo offers: countries, the 34 provinces, then the former ones.

        Former provinces are named ``Bắc Giang (cũ)`` / ``Bac Giang (former)``, the way official
        texts refer to them after the merger; names are in ``language``.
        """

        def sort(entries: Iterable[GazetteerEntry]) -> list[GazetteerEntry]:
            return sorted(entries, key=lambda e: _vi_sort_key(e.display_name(language)))

        countries = [e for e in self.entries("country") if e.key not in self._not_counterparts]
        provinces = self.entries("province")
        ordered = (
            sort(countries)
            + sort(e for e in provinces if e.current)
            + sort(e for e in provinces if not e.current)
        )
        return [e.counterpart(language) for e in ordered]

    def related_keys(self, key: str) -> set[str]:
        """Keys whose mentions count as mentions of ``key`` across the 2025 mergers.

        A current province brings its former parts, a former one what it merged into; a
        ministry likewise (Bộ Tài chính ↔ Bộ Kế hoạch và Đầu tư); a country is only itself.
        """
        entry = self._entries.get(key)
        if entry is None:
            return {key}
        related = {key, *entry.parts, *self._parts_of.get(key, ())}
        if entry.merged_into:
            related.add(entry.merged_into)
        return related

    def successor(self, key: str) -> str:
        """The current unit that ``key`` is part of today (itself when it still exists)."""
        entry = self._entries.get(key)
        return entry.merged_into if entry is not None and entry.merged_into else key


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _case_ok(alias: _Alias, span: list[_Token]) -> bool:
    """Capitalisation that reads as this name: ``Hòa Bình`` the province, not ``hòa bình``."""
    caps = []
    for kind, token in zip(alias.pattern, span, strict=True):
        if kind == "A" and not token.text.isupper():
            return False
        if kind == "C":
            caps.append(token)
    if not caps:
        return True
    if len(span) == 1 or alias.loose:
        return any(t.text[:1].isupper() for t in caps)
    later_caps = any(k in "AC" for k in alias.pattern[1:])
    for index, (kind, token) in enumerate(zip(alias.pattern, span, strict=True)):
        if kind != "C" or token.text[:1].isupper():
            continue
        if index == 0 and later_caps:  # "bộ Ngoại giao", "các Tiểu vương quốc …"
            continue
        if index > 0 and token.joined:  # "Ả-rập Xê-út": transliterated syllables stay lower
            continue
        return False
    return True


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """Reject a match that is the head or tail of a longer hyphenated word (Ca-ta-lô-ni-a)."""
    if end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].islower():
        return False
    return not (
        start >= 2
        and text[start - 1] in _HYPHENS
        and text[start - 2].isalnum()
        and text[start].islower()
    )


def _sentence_initial(tokens: list[_Token], i: int) -> bool:
    """True when token ``i`` starts a sentence or line, so its capital letter says nothing."""
    k = i
    while True:
        if k == 0 or tokens[k].newline:
            return True
        previous = tokens[k - 1]
        if previous.text in _SENTENCE_END:
            return True
        if previous.text in _OPENERS:
            k -= 1
            continue
        return False


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once, ~0.1 s; read-only afterwards, so thread safe)."""
    return Gazetteer()
