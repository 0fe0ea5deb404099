"""People, organisations and places in a source, with the sections they occur in.

Two passes. The gazetteer pass is instant and exact for what matters most (countries,
provinces, ministries); titles and Vietnamese surnames add the people an official text names
(``Thủ tướng Phạm Minh Chính``). The NER pass runs underthesea's CRF tagger sentence by
sentence, which is slow (tens of sentences per second) and noisy on these texts: it tags
``năm 2024`` and ``Thủ tướng Chính phủ`` as places and ``Bắc Giang`` as a person. So NER only
adds names the first pass missed, and only its proper-noun tokens count; whatever the
gazetteer knows keeps the gazetteer's reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from briefing_studio.analysis.gazetteer import Gazetteer, gazetteer, slugify
from briefing_studio.analysis.model import Analysis, Entity, EntityKind, Mention, Section
from briefing_studio.analysis.ner_cache import NerCache, NerToken
from briefing_studio.analysis.org_names import heads, organization_at, place_heads
from briefing_studio.analysis.units import COUNTED_NOUNS, tone_key
from briefing_studio.errors import Cancelled
from briefing_studio.textutil import fold

Progress = Callable[[int, int], None]

_WORD = re.compile(r"\w+(?:[-‐]\w+)*")
# Words before a name that make a one-word NER place credible ("tại Halal" would, "thị trường
# Halal" does not).
_PLACE_CUES = frozenset(
    {
        *"tại ở tỉnh huyện quận xã phường vùng nước sang tới đến từ thăm bang".split(),
        *("thành phố", "thủ đô", "khu vực", "thị xã"),
    }
)
# Lower-case words that make the proper noun after them part of an address or a natural feature
# ("phố Tràng Tiền", "phường Hoàn Kiếm"): a place named with that word, never a person.
_ADDRESS_WORDS = frozenset(
    {
        *"phố đường ngõ ngách hẻm phường quận huyện xã thôn ấp bản làng vịnh sông núi đảo".split(),
        *("khu phố", "thị trấn", "thị xã", "đại lộ", "quảng trường", "tổ dân phố", "quần đảo"),
    }
)
# A dateline: "Hà Nội (TTXVN) - …", "Washington (Reuters) – …": the place, then the news agency.
_BYLINE = re.compile(
    r"\s*(?P<place>[^\W\d_][^\W\d_ -]*(?: [^\W\d_][^\W\d_-]*){0,3}) "
    r"\((?P<agency>[^\W\d_][\w&./-]{1,19}(?: [^\W\d_][\w&.-]*){0,2})\) ?[-–—] "
)


# "Đại sứ Hàn Quốc tại Việt Nam <name>": words that link a title's place to another place.
_CONNECTOR = re.compile(r"\s(?:tại|ở|của|bên cạnh)$")
# Words that make the proper noun after them a company or institution, whatever NER says.
_ADDRESS_BEFORE = re.compile(
    r"(?:^|(?<![Tt]hành)\s)("
    + "|".join(sorted(map(re.escape, _ADDRESS_WORDS), key=len, reverse=True))
    + r")\s+$"
)
_ORG_HEAD = re.compile(
    r"(?:^|\s)((?:[Tt]ập đoàn|[Tt]ổng công ty|[Cc]ông ty|[Hh]ãng|Ngân hàng|Quỹ|Hiệp hội|Trường|"
    r"Đại học|Học viện|Viện|Bệnh viện|Cảng|Báo|Tạp chí|Đài)(?:\s(?:TNHH|CP|cổ phần|MTV))*)\s+$"
)


@dataclass
class _Hit:
    """One mention before merging: where, what it is, and which pass found it."""

    section: Section
    start: int
    end: int
    kind: EntityKind
    name: str
    key: str | None
    source: str  # "gazetteer" (including title/surname rules) or "ner"
    confirmed: bool = False  # NER tagged the same span

    @property
    def surface(self) -> str:
        return self.section.text[self.start : self.end]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass
class _Span:
    """A BIO entity span from the tagger, mapped to offsets in the section text."""

    label: str
    tokens: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, word, pos


def gazetteer_entities(analysis: Analysis) -> list[Entity]:
    """Countries, provinces, regions and organisations the gazetteer finds; instant."""
    g = gazetteer()
    return _merge([h for s in _content(analysis) for h in _gazetteer_hits(s, g)])


def _content(analysis: Analysis) -> list[Section]:
    """Sections that are text, not captions or bylines (a photo's credit names no entity)."""
    return [s for s in analysis.sections if not s.is_meta]


def _named_hits(section: Section, g: Gazetteer) -> list[_Hit]:
    """The gazetteer's names, then the names built by rule around them (instant).

    An agency or mission the gazetteer does not know (``Vụ Hợp tác quốc tế``, ``Đại sứ quán
    Ô-xtrây-li-a tại Hà Nội``), a place or building (``Vịnh Bắc Bộ``, ``Nhà Trắng``) and a
    dateline's place and agency are whole names, so no person or NER place is read inside.
    """
    found = _gazetteer_hits(section, g)
    found = _with_rule_names(section, g, found)
    return found + _byline_hits(section, found)


def extract_entities(
    analysis: Analysis,
    *,
    use_ner: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    cache: NerCache | None = None,
) -> list[Entity]:
    """Gazetteer entities plus people by title/surname, then (``use_ner``) underthesea NER.

    ``progress(done, total)`` follows each sentence; ``cancelled()`` is asked before each one
    and raises ``Cancelled``. ``cache`` defaults to the per-user NER cache.
    """
    g = gazetteer()
    hits: dict[str, list[_Hit]] = {}
    for section in _content(analysis):
        found = _named_hits(section, g)
        found += _person_hits(section, g, found)
        hits[section.id] = found
    if use_ner:
        acronyms = frozenset(a.short for a in analysis.acronyms)
        for section, spans in _tag_sections(_content(analysis), progress, cancelled, cache):
            hits[section.id] += _ner_hits(section, spans, hits[section.id], g, acronyms)
    return _merge([h for section_hits in hits.values() for h in section_hits])


# ---- first pass: gazetteer and name rules -----------------------------------------------------


def _gazetteer_hits(section: Section, g: Gazetteer) -> list[_Hit]:
    hits = []
    for start, end, entry in g.find_places(section.text):
        kind = cast(EntityKind, entry.kind)  # find_places yields only entity kinds
        hits.append(_Hit(section, start, end, kind, entry.name, entry.key, "gazetteer"))
    return hits


def _with_rule_names(section: Section, g: Gazetteer, found: list[_Hit]) -> list[_Hit]:
    """``found`` plus organisations and places named by head word; what they contain goes.

    Countries and provinces inside stay (``Hàn Quốc`` in ``Đại sứ quán Hàn Quốc``: the country
    is mentioned); a shorter organisation inside goes (``cơ quan đại diện`` in ``Cơ quan đại
    diện Hàn Quốc tại Việt Nam`` is Korea's mission, not Viet Nam's missions abroad; ``Bộ Ngoại
    giao`` in ``Bộ Ngoại giao Nhật Bản`` is Japan's). A known organisation starting at the same
    word wins when the longer name only adds ``Việt Nam``.
    """
    text = section.text
    places = {h.start: h.end for h in found if h.kind != "person"}
    added: list[_Hit] = []
    for kind, matches in (("organization", heads(text)), ("place", place_heads(text))):
        for head in matches:
            if any(h.start <= head.start() < h.end for h in found + added):
                if not any(h.start == head.start() and h.kind == "organization" for h in found):
                    continue
            name = organization_at(text, head, places, g.surnames)
            if name is None:
                continue
            same = [h for h in found if h.start == name.start and h.kind != "person"]
            if any(h.end >= name.end or _only_viet_nam(text[h.end : name.end]) for h in same):
                continue
            hit = _Hit(section, name.start, name.end, kind, text[name.start : name.end], None,
                       "gazetteer")  # fmt: skip
            added.append(hit)
    if not added:
        return found
    kept = [
        h
        for h in found
        if h.kind in ("country", "province")
        or not any(a.start <= h.start and h.end <= a.end for a in added)
    ]
    return kept + added


def _only_viet_nam(extra: str) -> bool:
    return extra.strip(" ,") == "Việt Nam"


def _byline_hits(section: Section, found: list[_Hit]) -> list[_Hit]:
    """``Hà Nội (TTXVN) - …``: the dateline's place and agency, where nothing else was found."""
    m = _BYLINE.match(section.text)
    if m is None:
        return []
    hits = []
    for group, kind in (("place", "place"), ("agency", "organization")):
        start, end = m.span(group)
        if not any(h.overlaps(start, end) for h in found):
            name = section.text[start:end]
            hits.append(_Hit(section, start, end, kind, name, None, "gazetteer"))  # type: ignore[arg-type]
    return hits


def _person_hits(section: Section, g: Gazetteer, taken: list[_Hit]) -> list[_Hit]:
    """Capitalised runs after a title, or of three or four syllables starting with a surname."""
    text = section.text
    title_ends = {m.end for m in g.find_titles(text)}
    people: list[_Hit] = []
    for run in _capitalised_runs(text, taken):
        after_title = _follows_title(text, run[0][0], title_ends, taken)
        name = _name_in_run(run, g, after_title)
        if name is not None:
            start, end = name
            people.append(_Hit(section, start, end, "person", text[start:end], None, "gazetteer"))
    return people


def _capitalised_runs(text: str, taken: list[_Hit]) -> list[list[tuple[int, int, str]]]:
    """Maximal runs of capitalised words joined by single spaces, outside gazetteer matches."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    # One flag per character covered by a match: asking every match about every word made this
    # the slowest part of the instant pass (words × matches per paragraph).
    covered = bytearray(len(text))
    for h in taken:
        covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper():
            if current:
                runs.append(current)
                current = []
            continue
        start, end = match.span()
        capitalised = not word.isupper() and not _has_digit(word)
        free = covered.find(1, start, end) == -1
        if capitalised and free and current and text[current[-1][1] : start] == " ":
            current.append((start, end, word))
            continue
        if current:
            runs.append(current)
        current = [(start, end, word)] if capitalised and free else []
    if current:
        runs.append(current)
    return runs


def _follows_title(text: str, start: int, title_ends: set[int], taken: list[_Hit]) -> bool:
    """True when a title, optionally followed by agencies or places, ends just before ``start``.

    ``Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn``, ``Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam``.
    """
    position = len(text[:start].rstrip())
    for _ in range(4):
        if position in title_ends:
            return True
        before = [h for h in taken if h.end == position and h.kind != "person"]
        if not before:
            return False
        position = len(text[: before[0].start].rstrip())
        connector = _CONNECTOR.search(text, 0, position)
        if connector is not None:
            position = connector.start()
    return False


def _name_in_run(
    run: list[tuple[int, int, str]], g: Gazetteer, after_title: bool
) -> tuple[int, int] | None:
    """The part of a capitalised run that is a personal name, if any."""
    for index, (_, _, word) in enumerate(run):
        remaining = len(run) - index
        if word in g.surnames and (2 if after_title else 3) <= remaining <= 4:
            return run[index][0], run[-1][1]
    if after_title and 2 <= len(run) <= 4:
        return run[0][0], run[-1][1]  # a foreign name: Choi Young-sam, Ishiba Shigeru
    return None


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


# ---- second pass: underthesea NER -------------------------------------------------------------


def _tagger() -> Callable[[str], list[NerToken]]:
    """underthesea's NER, imported on first use (the import alone takes ~0.3 s)."""
    from underthesea import ner

    return ner


def _sentences(section: Section) -> list[tuple[int, int]]:
    if section.sentences:
        return list(section.sentences)
    if not section.text.strip():
        return []
    from underthesea import sent_tokenize

    spans: list[tuple[int, int]] = []
    position = 0
    for piece in sent_tokenize(section.text):
        start = section.text.find(piece, position)
        if start < 0:
            break
        position = start + len(piece)
        spans.append((start, position))
    return spans or [(0, len(section.text))]


def _tag_sections(
    sections: list[Section],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    cache: NerCache | None,
) -> list[tuple[Section, list[_Span]]]:
    cache = cache if cache is not None else NerCache.default()
    work = [(section, span) for section in sections for span in _sentences(section)]
    total = len(work)
    tagger: Callable[[str], list[NerToken]] | None = None
    by_section: dict[str, list[_Span]] = {}
    for done, (section, (start, end)) in enumerate(work, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled
        sentence = section.text[start:end]
        tokens = cache.get(sentence)
        if tokens is None:
            tagger = tagger or _tagger()
            tokens = _tag(tagger, sentence, cache)
        by_section.setdefault(section.id, []).extend(_spans(section.text, start, tokens))
        if progress is not None:
            progress(done, total)
    return [(section, by_section.get(section.id, [])) for section in sections]


def _tag(tagger: Callable[[str], list[NerToken]], sentence: str, cache: NerCache) -> list[NerToken]:
    tokens = [tuple(t) for t in tagger(sentence)]
    cache.put(sentence, tokens)  # type: ignore[arg-type]
    return tokens  # type: ignore[return-value]


def untagged_sentences(analysis: Analysis, cache: NerCache | None = None) -> list[str]:
    """The distinct sentences of ``analysis`` that the NER cache does not hold yet: the slow
    part of ``extract_entities``, which ``tag_into_cache`` can do first (in another process)."""
    cache = cache if cache is not None else NerCache.default()
    cache.refresh()
    seen: set[str] = set()
    todo: list[str] = []
    for section in _content(analysis):
        for start, end in _sentences(section):
            sentence = section.text[start:end]
            if sentence not in seen and cache.get(sentence) is None:
                seen.add(sentence)
                todo.append(sentence)
    return todo


def tag_into_cache(
    sentences: list[str],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Tag ``sentences`` with underthesea's NER into the per-user NER cache; how many were
    tagged. Each sentence is stored as soon as it is tagged, so a cancel keeps the work done."""
    cache = NerCache.default()
    tagger = _tagger()
    for done, sentence in enumerate(sentences, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled
        _tag(tagger, sentence, cache)
        if progress is not None:
            progress(done, len(sentences))
    return len(sentences)


def _spans(text: str, position: int, tokens: list[NerToken]) -> list[_Span]:
    """BIO spans with offsets: each token is found searching forward from the previous one."""
    spans: list[_Span] = []
    current: _Span | None = None
    for word, pos, _chunk, label in tokens:
        located = _locate(text, word, position)
        if located is not None:
            position = located[1]
        if label.startswith("B-") or (label.startswith("I-") and current is None):
            current = _Span(label[2:])
            spans.append(current)
        elif not label.startswith("I-"):
            current = None
        if current is not None:
            if located is None:  # the tagger changed the text; drop what we cannot place
                spans.remove(current)
                current = None
                continue
            current.tokens.append((located[0], located[1], word, pos))
    return spans


def _locate(text: str, word: str, position: int) -> tuple[int, int] | None:
    start = text.find(word, position)
    if 0 <= start <= position + 40:
        return start, start + len(word)
    pattern = r"\s*".join(re.escape(part) for part in word.split())
    match = re.compile(pattern).search(text, position, position + 40 + len(word) * 2)
    return match.span() if match else None


def _ner_hits(
    section: Section,
    spans: list[_Span],
    known: list[_Hit],
    g: Gazetteer,
    acronyms: frozenset[str],
) -> list[_Hit]:
    """What NER adds: names the first pass missed, after the known errors are filtered out."""
    text = section.text
    title_ends = {m.end for m in g.find_titles(text)}
    added: list[_Hit] = []
    for span in spans:
        for start, end in _candidates(span):
            overlapping = [h for h in known + added if h.overlaps(start, end)]
            for hit in overlapping:
                hit.confirmed = True
            if overlapping:
                continue
            if _common_noun_first(text, start, end):
                # "Đoàn Séc …" starting a sentence: the delegation (of Czechia), not a Mr Đoàn
                start = text.find(" ", start, end) + 1 or end
                if start >= end:
                    continue
            entry = g.exact(text[start:end])
            if entry is not None:  # "Đức" alone, "Campuchia": the country, whatever NER says
                kind = cast(EntityKind, entry.kind)
                added.append(_Hit(section, start, end, kind, entry.name, entry.key, "ner"))
                continue
            head = _ORG_HEAD.search(text, max(0, start - 40), start)
            address = _ADDRESS_BEFORE.search(text, max(0, start - 20), start)
            if head is not None and not _is_junk(text[start:end]):
                start, kind = head.start(1), "organization"  # Công ty TNHH Hoa Sen
            elif address is not None and not _is_junk(text[start:end]):
                start, kind = address.start(1), "place"  # phố Tràng Tiền
            else:
                kind = _classify(text, start, end, span.label, g, acronyms, title_ends, known)
            if kind is not None:
                added.append(_Hit(section, start, end, kind, text[start:end], None, "ner"))
    return added


def _common_noun_first(text: str, start: int, end: int) -> bool:
    """A candidate starting a sentence with a common noun (``Đoàn``, ``Phiên``, ``Đội``)."""
    words = text[start:end].split()
    if not words or tone_key(words[0]) not in COUNTED_NOUNS:
        return False
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?:;…\n"“(-–—'


def _candidates(span: _Span) -> list[tuple[int, int]]:
    """Proper-noun runs of a PER/LOC span; an ORG span without its lower-case lead-in."""
    if span.label == "ORG":
        tokens = span.tokens
        while tokens and not tokens[0][2][:1].isupper():
            tokens = tokens[1:]
        return [(tokens[0][0], tokens[-1][1])] if tokens else []
    if span.label not in ("PER", "LOC"):
        return []
    runs: list[tuple[int, int]] = []
    run: list[tuple[int, int, str, str]] = []
    for token in [*span.tokens, (0, 0, "", "")]:
        if token[3] == "Np" and token[2][:1].isupper():
            run.append(token)
            continue
        if run:
            runs.append((run[0][0], run[-1][1]))
        run = []
    return runs


def _classify(
    text: str,
    start: int,
    end: int,
    label: str,
    g: Gazetteer,
    acronyms: frozenset[str],
    title_ends: set[int],
    known: list[_Hit],
) -> EntityKind | None:
    """The kind of a NER candidate, or None for the tagger's usual mistakes."""
    surface = text[start:end]
    words = surface.split()
    if _is_junk(surface) or surface in acronyms:
        return None
    if surface.isupper():
        return "organization" if label == "ORG" else None  # NGKT, FDI tagged as people
    if label == "ORG":
        return "organization"
    surname_first = words[0] in g.surnames and 2 <= len(words) <= 4
    if label == "PER" or surname_first or _follows_title(text, start, title_ends, known):
        return "person" if (len(words) >= 2 or label == "PER") else None
    previous = [w.lower() for w in text[:start].split()[-2:]]
    cued = bool(previous) and (previous[-1] in _PLACE_CUES or " ".join(previous) in _PLACE_CUES)
    return "place" if len(words) >= 2 or cued else None


def _is_junk(surface: str) -> bool:
    """Pure numbers, single letters, lower-case words, tokens with digits (COVID-19, URLs)."""
    letters = [c for c in surface if c.isalpha()]
    return len(letters) < 2 or not surface[:1].isupper() or _has_digit(surface)


# ---- merging ------------------------------------------------------------------------------


def _identity(hit: _Hit) -> tuple[str, str]:
    return hit.kind, hit.key or fold(" ".join(hit.name.split()))


def _merge(hits: list[_Hit]) -> list[Entity]:
    """One entity per key (or per name), mentions in text order, people merged by full name."""
    _attach_short_names(hits)
    groups: dict[tuple[str, str], list[_Hit]] = {}
    for hit in sorted(hits, key=lambda h: (h.section.index, h.start)):
        groups.setdefault(_identity(hit), []).append(hit)
    return [_entity(group) for group in groups.values()]


def _attach_short_names(hits: list[_Hit]) -> None:
    """A person named by part of a known full name (``ông Chính``) is that person."""
    people = {fold(h.name): h.name for h in hits if h.kind == "person"}
    for hit in hits:
        if hit.kind != "person" or len(hit.name.split()) > 1:
            continue
        matches = {full for folded, full in people.items() if folded.endswith(" " + fold(hit.name))}
        if len(matches) == 1:
            hit.name = matches.pop()


def _entity(group: list[_Hit]) -> Entity:
    first = group[0]
    sources = {h.source for h in group}
    confirmed = any(h.confirmed for h in group)
    if sources == {"ner"}:
        source = "ner"
    elif "ner" in sources or confirmed:
        source = "both"
    else:
        source = "gazetteer"
    mentions = tuple(dict.fromkeys(Mention(h.section.id, h.start, h.end) for h in group))
    entry = gazetteer().get(first.key) if first.key else None
    successor = gazetteer().get(entry.merged_into) if entry and entry.merged_into else None
    return Entity(
        id=f"{first.kind}:{first.key or slugify(first.name)}",
        kind=first.kind,
        name=first.name,
        key=first.key,
        aliases=tuple(dict.fromkeys(h.surface for h in group)),
        mentions=mentions,
        source=source,  # type: ignore[arg-type]
        merged_into=successor.key if successor else None,
        merged_into_name=successor.name if successor else None,
    )
