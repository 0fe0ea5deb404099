"""What a text says about itself: the author and source lines at its end, the lead's time and place.

News reports end with a byline and a ``Nguồn:`` line (``Diệu Hoa`` / ``Nguồn: https://…``) and
open with a lead that says when and where (``Chiều 20/12, … tại điểm cầu tỉnh Bắc Giang``). The
trailing lines are metadata, not sections a secretary would pick; ``trailer_start`` finds them
so that ``split_sections`` can leave them out.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import PurePath

from briefing_studio.analysis.model import Metadata, Section
from briefing_studio.sources.model import SourceDocument

URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# "Nguồn: …", "Nguồn tin: …", "(Theo TTXVN)", "Theo Báo Thế giới & Việt Nam".
_SOURCE_LINE = re.compile(r"^\(?\s*(?:nguồn(?: tin)?\s*:|theo\s*:?)\s*(.+?)\s*\)?$", re.IGNORECASE)
_AGENCY_AFTER_NAME = re.compile(r"^(.+?)\s*\(([A-ZĐ&]{2,}(?:/[A-ZĐ&]{2,})?)\)$")
_MAX_TRAILER_LINES = 3
_MAX_SOURCE_WORDS = 12
_MAX_AUTHOR_WORDS = 6
_MAX_AUTHOR_CHARS = 60
_ROMAN_NUMBERING = re.compile(r"^[IVXLC]+\.$")
# A news lead says when and where in its first sentences; reading further only finds other
# places and years (and costs time on a megabyte-long paragraph).
_LEAD_CHARS = 1000

_PART_OF_DAY = r"(?:sáng sớm|rạng sáng|sáng|trưa|chiều tối|chiều muộn|chiều|tối muộn|tối|đêm|khuya)"
_DAY_MONTH = r"(?P<d>\d{1,2})[/-](?P<m>\d{1,2})(?:[/-](?P<y>\d{4}))?"
_DAY_MONTH_WORDS = r"(?P<d2>\d{1,2}) tháng (?P<m2>\d{1,2})(?: năm (?P<y2>\d{4}))?"
_WHEN = rf"(?:{_DAY_MONTH}|{_DAY_MONTH_WORDS}|hôm nay|hôm qua|nay|qua|mai)"
# An optional dateline ("(TG&VN) - ", "TTXVN – ") may precede the time phrase at the lead's start.
_LEAD_TIME = re.compile(
    rf"^(?:\([^)]{{1,40}}\)\s*[-–—]\s*|[^\s,.]{{2,20}}\s*[-–—]\s+)?"
    rf"(?P<time>(?:{_PART_OF_DAY}(?: ngày| hôm)?|ngày) {_WHEN}|hôm nay|hôm qua)"
    r"(?=[\s,.;:(]|$)",
    re.IGNORECASE,
)
_YEAR_IN_LEAD = re.compile(r"(?<!\w)năm ((?:19|20)\d{2})(?!\d)", re.IGNORECASE)

_PLACE_START = re.compile(r"(?<!\w)tại\s+", re.IGNORECASE)
_PLACE_TOKEN = re.compile(r"(?i:tp\.)|[^\s,.;:()“”\"]+|[,.;:()“”\"]")
# Common nouns that may open a place before its proper name: "tại điểm cầu tỉnh Bắc Giang".
_PLACE_PREFIX = frozenset(
    "điểm cầu trụ sở thủ đô tỉnh thành phố tp. huyện quận thị xã phường trung tâm nhà khách "
    "cung hội trường".split()
)
# Lower-case words that end a place name rather than continue it ("Bộ Ngoại giao" continues).
_PLACE_STOP = frozenset(
    "có và với để nhằm của đã sẽ đang được là về cho từ trong ngày sáng chiều tối".split()
)


def is_source_line(text: str) -> bool:
    """A ``Nguồn: …`` line or a bare URL: never a heading or a section of its own."""
    stripped = text.strip()
    return (stripped.lower().startswith("nguồn") and ":" in stripped[:12]) or _is_bare_url(stripped)


def is_byline(text: str) -> bool:
    """A byline or a publisher line: ``Minh Anh (TTXVN)``, ``Theo VnExpress``, ``Nguồn: …``."""
    line = text.strip()
    return _trailer_source(line) is not None or _looks_like_author(line)


def trailer_start(texts: list[str]) -> int:
    """Index of the first trailing metadata line (byline, source line, URL); len(texts) if none.

    At most three lines from the end are considered; a name-like byline counts only as the very
    last line or right before source lines, and at least one line is always left as content.
    """
    start = len(texts)
    seen_author = False
    while start > 1 and len(texts) - start < _MAX_TRAILER_LINES:
        line = texts[start - 1].strip()
        if _trailer_source(line) is not None or _is_bare_url(line):
            if seen_author:
                break
        elif not seen_author and _looks_like_author(line):
            seen_author = True
        else:
            break
        start -= 1
    return start


def read_metadata(
    source: SourceDocument, sections: list[Section], metadata_lines: list[str]
) -> Metadata:
    """Metadata from the trailing lines and bylines, the lead paragraph and the file itself."""
    author, source_url, source_name = _read_trailer(metadata_lines)
    # A byline run into the last paragraph ("… của Việt Nam. Minh Anh (TTXVN)") was set aside
    # as a section of kind ``byline``; it names the author or publisher when no line did.
    inline_author, _, inline_name = _read_trailer([s.text for s in sections if s.kind == "byline"])
    author = author or inline_author
    source_name = source_name or inline_name
    lead = next((s.text for s in sections if s.kind == "paragraph"), "")[:_LEAD_CHARS]
    time, day = _lead_time(lead)
    return Metadata(
        title=_title(source, sections),
        author=author or source.author or None,
        source_url=source_url,
        source_name=source_name,
        time=time,
        date=day,
        place=_lead_place(lead),
    )


def _is_bare_url(line: str) -> bool:
    match = URL.match(line)
    return match is not None and match.end() == len(line)


def _trailer_source(line: str) -> str | None:
    """What a source line names (a URL or a publication), or None if it is no source line."""
    match = _SOURCE_LINE.match(line)
    if match is None or len(line.split()) > _MAX_SOURCE_WORDS or line.endswith((".", "!", "?")):
        return None
    return match.group(1)


def _looks_like_author(line: str) -> bool:
    """A byline: a few capitalised words, no digits (``Diệu Hoa``, ``Minh Anh/TTXVN``)."""
    name = re.sub(r"\s*\([^)]*\)$", "", line)  # "Diệu Hoa (tổng hợp)"
    if not name or len(name) > _MAX_AUTHOR_CHARS or any(ch.isdigit() for ch in name):
        return False
    words = re.split(r"\s*[/–-]\s*|\s+", name)
    if not 1 <= len(words) <= _MAX_AUTHOR_WORDS or _ROMAN_NUMBERING.match(words[0]):
        return False  # "I. TÌNH HÌNH" is a heading, not a byline
    return all(
        w and w[0].isupper() and w.replace(".", "").replace("'", "").isalpha() for w in words
    )


def _read_trailer(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    author = source_url = source_name = None
    for raw in lines:
        line = raw.strip()
        named = _trailer_source(line)
        if named is None and _is_bare_url(line):
            named = line
        if named is None:
            agency = _AGENCY_AFTER_NAME.match(line)  # "Minh Anh (TTXVN)": author and publisher
            author = author or (agency.group(1) if agency else line)
            source_name = source_name or (agency.group(2) if agency else None)
            continue
        url = URL.search(named)
        if url:
            source_url = source_url or url.group(0).rstrip(").,;")
            named = (named[: url.start()] + named[url.end() :]).strip(" ()-–:")
        if named:
            source_name = source_name or named
    return author, source_url, source_name


def _lead_time(lead: str) -> tuple[str | None, str | None]:
    """The lead's time phrase as written and, when day and month are known, an ISO date."""
    match = _LEAD_TIME.match(lead)
    if match is None:
        return None, None
    phrase = match.group("time")
    phrase = phrase[0].upper() + phrase[1:]
    day = match.group("d") or match.group("d2")
    month = match.group("m") or match.group("m2")
    if not (day and month):
        return phrase, None
    stated = match.group("y") or match.group("y2")
    year = int(stated) if stated else _infer_year(lead, int(month))
    if year is None:
        return phrase, None
    try:
        return phrase, date(year, int(month), int(day)).isoformat()
    except ValueError:
        return phrase, None


def _infer_year(lead: str, month: int) -> int | None:
    """The year of an event whose lead gives only day and month.

    Rule: the year most often written as ``năm YYYY`` in the lead. A tie means the lead names
    the year under review and the year ahead ("tổng kết … năm 2024 và trọng tâm năm 2025"),
    which happens at the turn of the year: in the second half of the year the event belongs to
    the earlier year, in the first half to the later one. No year in the lead: unknown (None),
    because years elsewhere in the text are usually about the past.
    """
    counts = Counter(int(y) for y in _YEAR_IN_LEAD.findall(lead))
    if not counts:
        return None
    top = max(counts.values())
    tied = [year for year, n in counts.items() if n == top]
    return min(tied) if month > 6 else max(tied)


def _lead_place(lead: str) -> str | None:
    """The first ``tại <Place>`` in the lead whose place holds a capitalised name."""
    for match in _PLACE_START.finditer(lead):
        place = _place_after(lead, match.end())
        if place:
            return place
    return None


def _place_after(text: str, start: int) -> str | None:
    """Optional common nouns ("điểm cầu tỉnh"), then a name: capitalised words, and lower-case
    syllables between them ("Bộ Ngoại giao") unless they are function words."""
    tokens = [
        (m.group(0), m.start(), m.end()) for m in _PLACE_TOKEN.finditer(text, start, start + 200)
    ]
    end = None
    i = 0
    while i < len(tokens) and tokens[i][0].lower() in _PLACE_PREFIX:
        i += 1
    for j in range(i, len(tokens)):
        word = tokens[j][0]
        if word[0].isupper():
            end = tokens[j][2]
            continue
        following = tokens[j + 1][0] if j + 1 < len(tokens) else ""
        name_goes_on = end is not None and (
            not following or following[0].isupper() or not following[0].isalnum()
        )
        if word.isalpha() and word not in _PLACE_STOP and name_goes_on:
            end = tokens[j][2]  # a lower-case syllable inside a name: "Bộ Ngoại giao"
            continue
        break
    return text[start:end] if end is not None else None


# A lead's first sentence is 20–50 words; one far longer is a text without full stops.
TITLE_MAX_WORDS = 80


def _title(source: SourceDocument, sections: list[Section]) -> str:
    """The file's own title, else a heading the text opens with, else the lead's first sentence.

    A file name such as ``ngkt-2024-bac-giang.txt`` is an ASCII slug that reads badly in a
    briefing's source list, so it is the last resort; the lead's first sentence, without its
    time phrase, says what the text is about. The title is kept whole: a narrow cell of the
    interface elides it, a document's source list does not.
    """
    if source.title:
        return source.title
    if sections and sections[0].kind == "heading":
        return sections[0].text
    lead = next((s for s in sections if s.kind == "paragraph"), None)
    if lead is not None:
        if lead.sentences:
            start, end = lead.sentences[0]
        else:  # sections straight from the splitter carry no sentences yet
            from briefing_studio.analysis.sentences import sentence_spans

            start, end = (sentence_spans(lead.text) or ((0, len(lead.text)),))[0]
        sentence = lead.text[start:end].strip().rstrip(".")
        sentence = _LEAD_TIME.sub("", sentence, count=1).lstrip(" ,;:–-").rstrip(",;:")
        words = sentence.split()
        if len(words) > TITLE_MAX_WORDS:  # no full stop for pages: not a sentence, not a title
            sentence = " ".join(words[:TITLE_MAX_WORDS]).rstrip(",;:") + "…"
        if sentence:
            return sentence[0].upper() + sentence[1:]
    stem = PurePath(source.name).stem if source.name else ""
    return re.sub(r"[-_]+", " ", stem).strip()
