"""Web articles: captions, credits and bylines inside a paragraph, and long paragraphs cut up.

A news page saved or scraped as text often holds the whole body on one line, with the photo
captions and their credits (``… phát biểu. Ảnh: Trần Việt/TTXVN``), chart titles (``Biểu đồ: …
Nguồn: Tổng cục Hải quan``) and the byline (``Minh Anh (TTXVN)``, ``Theo VnExpress``) run into
the text. ``paragraph_parts`` cuts such a paragraph into parts: ``caption`` and ``byline`` parts
are metadata (shown, never chosen nor suggested) and the text between them becomes
``paragraph`` parts of a readable length.

Lengths, and why:

- A paragraph is cut into sentence groups only when it is longer than ``SPLIT_ABOVE`` (2 000
  characters). Paragraphs people write stay whole: the longest in the bundled reports is about
  1 600 characters, news paragraphs are 300–1 000. Only text that is several paragraphs run
  together (a scraped body of 5–11 thousand characters) is longer.
- A group closes once it holds ``GROUP_TARGET`` (700) characters, and never grows past
  ``GROUP_MAX`` (1 200) unless one sentence alone is longer. 700 characters are about nine
  lines of 14-point Times on a Decree 30 page (≈ 75 characters a line), the size of a news
  paragraph and of one point in a briefing; 1 200 is the longest paragraph a reader takes in
  without losing the thread (a third of the page).
- A last group shorter than ``GROUP_MIN`` (250 characters, two short sentences) joins the group
  before it rather than stand alone as a fragment.
- Groups end only between sentences, and never inside quotation marks or brackets, so a figure
  or a quoted statement is never cut.

A caption is the sentence right before a photo credit when it is short (at most
``CAPTION_MAX_WORDS``, 40 words: captions are one descriptive sentence); a longer sentence is
text, and only the credit is set aside.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from briefing_studio.analysis.metadata import is_byline

PartKind = Literal["paragraph", "caption", "byline"]
Span = tuple[int, int]

SPLIT_ABOVE = 2000
GROUP_TARGET = 700
GROUP_MAX = 1200
GROUP_MIN = 250
CAPTION_MAX_WORDS = 40
_CREDIT_MAX_WORDS = 10
_CHART_TITLE_MAX_CHARS = 300
_BYLINE_MAX_CHARS = 80
_BYLINE_AFTER_WORDS = 8  # a byline ends an article: there is a sentence or more before it

# A photo credit: "Ảnh: …", "Ảnh minh họa: …", "(Ảnh: …)", "Nguồn ảnh: …", "Nguồn: …" (a
# chart's or table's source); a chart or infographic, whose title follows the colon up to the
# sentence end. The words before a colon are matched (looked for colon by colon, which is far
# faster on a megabyte than a search for the words); "Ảnh minh họa" may also stand alone.
_BEFORE_COLON = re.compile(
    r"(?:(?P<chart>Biểu đồ|Đồ họa|Đồ hoạ|Infographic|Bảng)"
    r"|(?:Ảnh|Nguồn ảnh|Video|Clip)(?:\s+minh\s+h(?:ọa|oạ)|\s+tư\s+liệu)?|Nguồn)\s*$"
)
_ILLUSTRATION = re.compile(r"Ảnh\s+minh\s+h(?:ọa|oạ)(?!\s*:)")
_OPENING = '“"‘«['
_MARKER_REACH = 24  # characters before a colon that may hold the marker's words


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int  # after the colon (or after "Ảnh minh họa")
    chart: bool
    colon: bool


_SOURCE_AFTER_CHART = re.compile(r"\s*\(?\s*Nguồn\s*:")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Part:
    """A stretch of a paragraph: ``start``/``end`` into its text, and what it is."""

    start: int
    end: int
    kind: PartKind


def may_have_parts(text: str, last: bool = False) -> bool:
    """False for a paragraph ``paragraph_parts`` keeps whole at a glance (most of them): short,
    not the last, with no colon and no "Ảnh minh họa" (every caption marker has one)."""
    return last or len(text) > SPLIT_ABOVE or ":" in text or "minh h" in text


def is_caption(text: str) -> bool:
    """True when the whole line is a caption or credit (``Ảnh: TTXVN``, ``Biểu đồ: …``)."""
    if not may_have_parts(text):
        return False
    line = text.strip()
    spans = _caption_spans(line, lambda _: ())
    return bool(spans) and spans[0][0] == 0 and spans[-1][1] >= len(line)


def paragraph_parts(
    text: str, sentences: Callable[[str], tuple[Span, ...]], last: bool = False
) -> list[Part]:
    """The parts of one paragraph, in order, covering its text without the spaces between.

    ``sentences`` gives sentence spans (the analysis' splitter); it is called only for a
    paragraph that holds a caption marker or is long, so ordinary paragraphs cost nothing.
    ``last``: the source's last paragraph, whose last sentence may be the byline.
    """
    if not may_have_parts(text, last):
        return [Part(*_strip(text, 0, len(text)), "paragraph")]
    needs_sentences = len(text) > SPLIT_ABOVE or any(m.start > 0 for m in _markers(text))
    spans: tuple[Span, ...] | None = None

    def sentence_spans(_: str) -> tuple[Span, ...]:
        nonlocal spans
        if spans is None:
            spans = sentences(text) or ((0, len(text)),)
        return spans

    meta: list[tuple[int, int, PartKind]] = [
        (s, e, "caption") for s, e in _caption_spans(text, sentence_spans)
    ]
    if last:
        byline = _byline_span(text, sentence_spans if needs_sentences else None)
        if byline is not None and (not meta or byline[0] >= meta[-1][1]):
            meta.append((*byline, "byline"))
    if not meta and not needs_sentences:
        return [Part(*_strip(text, 0, len(text)), "paragraph")]
    parts: list[Part] = []
    position = 0
    for start, end, kind in [*meta, (len(text), len(text), "paragraph")]:
        if text[position:start].strip():
            for s, e in _groups(text, position, start, sentence_spans(text)):
                parts.append(Part(s, e, "paragraph"))
        if end > start:
            parts.append(Part(*_strip(text, start, end), kind))
        position = end
    return parts or [Part(*_strip(text, 0, len(text)), "paragraph")]


# ---- captions and credits -------------------------------------------------------------------


def _caption_spans(text: str, sentences: Callable[[str], tuple[Span, ...]]) -> list[Span]:
    """Spans of captions with their credits, and of chart titles with their sources."""
    found: list[Span] = []
    for match in _markers(text):
        start = match.start
        if found and start < found[-1][1]:
            continue  # inside the caption just found ("Biểu đồ: …. Nguồn: …")
        if start > 0 and text[start - 1] == "(":
            start -= 1
        if match.chart:
            end = _chart_end(text, match.end)
        else:
            # "Ảnh minh họa" may stand without a credit: the next word may start the text.
            end = _credit_end(
                text,
                match.end,
                bracketed=text[start] == "(",
                optional=not match.colon,
            )
            floor = found[-1][1] if found else 0
            if text[floor:start].strip():  # text before the credit: its caption may end there
                start = _caption_start(text, start, sentences(text), floor)
        found.append((start, end))
    return found


def _markers(text: str) -> Iterator[_Marker]:
    """Caption markers that open the text or follow a space or an opening bracket."""
    found: list[_Marker] = []
    colon = text.find(":")
    while colon >= 0:
        match = _BEFORE_COLON.search(text, max(0, colon - _MARKER_REACH), colon)
        if match is not None:
            found.append(_Marker(match.start(), colon + 1, bool(match.group("chart")), True))
        colon = text.find(":", colon + 1)
    if "minh h" in text:
        found += [_Marker(m.start(), m.end(), False, False) for m in _ILLUSTRATION.finditer(text)]
    for marker in sorted(found, key=lambda m: m.start):
        start = marker.start
        if start == 0 or text[start - 1].isspace() or text[start - 1] == "(":
            yield marker


def _chart_end(text: str, start: int) -> int:
    """End of a chart's title (its sentence) and of the ``Nguồn: …`` that may follow it."""
    stop = text.find(". ", start, start + _CHART_TITLE_MAX_CHARS)
    if stop >= 0:
        end = stop + 1
    elif len(text.rstrip()) - start <= _CHART_TITLE_MAX_CHARS:
        end = len(text.rstrip())
    else:
        end = _credit_end(text, start, bracketed=False)
    source = _SOURCE_AFTER_CHART.match(text, end)
    if source is not None:
        bracketed = text[source.start() : source.end()].lstrip().startswith("(")
        end = _credit_end(text, source.end(), bracketed=bracketed)
    return end


def _credit_end(text: str, start: int, bracketed: bool, optional: bool = False) -> int:
    """End of a credit: a name, an agency, ``Trần Việt/TTXVN``, ``Sở Kế hoạch và Đầu tư``.

    It ends at the closing bracket of ``(Ảnh: …)``, at a full stop, at the end of the text,
    after an agency in capitals (``TTXVN``, ``Trần Việt/TTXVN``) that a capitalised word
    follows, or where the next sentence visibly starts: a capitalised word followed by three
    lower-case words or by lower-case words and a comma (``Phát biểu khai mạc``, ``Về đầu
    tư,``). Names of people and agencies are capitalised word by word, or mix in one or two
    lower-case syllables (``Tổng cục Hải quan``, ``Sở Kế hoạch và Đầu tư``), so they do not.
    """
    if bracketed:
        close = text.find(")", start, start + 160)
        if close >= 0:
            return close + 1
    words = [w.group(0) for w in _WORD.finditer(text, start, start + 200)]
    spans = [w.span() for w in _WORD.finditer(text, start, start + 200)]
    end = start
    for i, word in enumerate(words[:_CREDIT_MAX_WORDS]):
        if (i > 0 or optional) and (word[:1] in _OPENING or _starts_sentence(words, i)):
            break  # a quotation opens text, never a credit
        end = spans[i][1]
        if word.endswith((".", ";")) and not re.search(r"\w\.\w", word):
            break
        following = words[i + 1] if i + 1 < len(words) else ""
        agency = word.rsplit("/", 1)[-1]
        if len(agency) >= 2 and agency.isupper() and following[:1].isupper():
            if not following.isupper():
                break
    return end


def _starts_sentence(words: list[str], i: int) -> bool:
    """A capitalised word that opens a sentence: three lower-case words follow, or a comma
    comes within the next two (digits count as lower case: ``Năm 2025,``)."""
    if not words[i][:1].isupper():
        return False
    following = words[i + 1 : i + 4]
    lower = [w[:1].islower() or w[:1].isdigit() for w in following]
    if len(lower) == 3 and all(lower):
        return True
    reach = range(min(2, len(lower)))
    return any(following[j].endswith(",") and all(lower[: j + 1]) for j in reach)


def _caption_start(text: str, marker: int, spans: tuple[Span, ...], floor: int) -> int:
    """Where the caption before a credit starts: the start of the short sentence that holds
    the marker's text before it, or of the sentence right before the marker."""
    index = bisect_left(spans, (marker, marker)) - 1  # the last sentence starting before it
    if index < 0 or spans[index][1] <= floor:
        return marker
    start, end = spans[index]
    start = max(start, floor)
    if end > marker:  # the credit sits inside the sentence: "… Quang Châu (Ảnh: …)"
        candidate = start
    elif text[end:marker].strip():
        return marker
    else:
        candidate = start
    caption = text[candidate:marker]
    if (
        not caption.strip()
        or len(caption.split()) > CAPTION_MAX_WORDS
        or "“" in caption
        or not caption.lstrip()[:1].isupper()
    ):
        return marker
    return _strip(text, candidate, marker)[0]


# ---- bylines ------------------------------------------------------------------------------


def _byline_span(text: str, sentences: Callable[[str], tuple[Span, ...]] | None) -> Span | None:
    """The last sentence when it is a byline (``Minh Anh (TTXVN)``, ``Theo VnExpress``)."""
    end = len(text.rstrip())
    if sentences is not None:
        spans = sentences(text)
        if len(spans) < 2:
            return None
        start = spans[-1][0]
    else:
        stop = max(text.rfind(". ", 0, end), text.rfind("! ", 0, end), text.rfind("? ", 0, end))
        if stop < 0:
            return None
        start = stop + 2
    if (
        end - start > _BYLINE_MAX_CHARS
        # "I. TÌNH HÌNH" is no text and a byline: a sentence or more must come before it
        or len(text[max(0, start - 200) : start].split()) < _BYLINE_AFTER_WORDS
        or not is_byline(text[start:end])
    ):
        return None
    return _strip(text, start, end)


# ---- sentence groups ------------------------------------------------------------------------


def _groups(text: str, start: int, end: int, spans: tuple[Span, ...]) -> list[Span]:
    """``text[start:end]`` as sentence groups (see the module docstring for the lengths)."""
    start, end = _strip(text, start, end)
    if len(text) <= SPLIT_ABOVE or end - start <= GROUP_MAX:
        return [(start, end)]
    # Sentence ends inside the stretch where a group may close (not inside quotes or brackets).
    cuts = _closed_sentence_ends(text, start, end, spans)
    groups: list[Span] = []
    group_start = start
    previous = start
    for cut in [*cuts, end]:
        length = cut - group_start
        if previous > group_start and length > GROUP_MAX:
            groups.append((group_start, previous))  # the group was full before this sentence
            group_start = _strip(text, previous, end)[0]
            length = cut - group_start
        if length >= GROUP_TARGET and cut != end:
            groups.append((group_start, cut))
            group_start = _strip(text, cut, end)[0]
        previous = cut
    if group_start < end:
        if groups and end - group_start < GROUP_MIN:
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((group_start, end))
    return [_strip(text, s, e) for s, e in groups]


def _closed_sentence_ends(text: str, start: int, end: int, spans: tuple[Span, ...]) -> list[int]:
    """Sentence ends inside ``text[start:end]`` where no quotation or bracket is open, counting
    from ``start`` piece by piece (linear: a one-line body of megabytes has 50 000 sentences)."""
    cuts = []
    quotes = straight = brackets = 0
    position = start
    first = max(bisect_right(spans, (start, start)) - 1, 0)
    for _, e in spans[first:]:
        if e >= end:
            break
        if e <= start:
            continue
        piece = text[position:e]
        quotes += piece.count("“") - piece.count("”")
        straight += piece.count('"')
        brackets += piece.count("(") - piece.count(")")
        position = e
        if quotes <= 0 and straight % 2 == 0 and brackets <= 0:
            cuts.append(e)
    return cuts


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
