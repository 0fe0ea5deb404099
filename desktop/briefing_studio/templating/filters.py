"""Filters templates use to write numbers, money, dates and marked text the Vietnamese way.

Vietnamese conventions (docs/ARCHITECTURE.md §3): ``.`` groups thousands, ``,`` is the decimal
mark, money carries a scale word (``triệu``, ``tỷ``, ``nghìn tỷ``), ranges use an en dash, and
Decree 30 writes a day below 10 and the months January and February with a leading zero
(``ngày 05 tháng 02 năm 2025``). Number formatting comes from Babel's CLDR data for ``vi``.

Every public function here is a filter; its docstring (first line, then a usage line starting
with ``Dùng:``/``Use:``) is what the template editor's reference page shows. A filter that
returns ``Markup`` escapes all text it was given, so source text never becomes markup.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from briefing_studio.analysis.kinds import BY_ID as FIGURE_KINDS
from briefing_studio.templating.charts import chart

LOCALE = "vi"
DASH = "–"  # en dash between the ends of a range
BLANK_DATE = "ngày … tháng … năm …"  # left for the signer to fill in by hand

# (threshold, divisor, scale word): the largest whose threshold the value reaches is used,
# for money and for counts alike ("hơn 6 triệu người").
# "tỷ" is kept up to 9.999 tỷ because Vietnamese reports write "4.814 tỷ đồng", not
# "4,8 nghìn tỷ đồng"; from 10 nghìn tỷ on, the larger word reads better.
_MONEY_SCALES: tuple[tuple[float, float, str], ...] = (
    (1e13, 1e12, "nghìn tỷ"),
    (1e9, 1e9, "tỷ"),
    (1e6, 1e6, "triệu"),
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?=\s+[\"“(]?(\w))")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_ROMAN_MAX = 3999  # MMMCMXCIX: the largest number Roman numerals write
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&#?\w+;)")


def number(value: float | int | None, decimals: int | None = None) -> str:
    """A number with Vietnamese separators: ``12,4``, ``4.814``, ``25,469``, ``1.234.567``.

    Every decimal the value has is kept (``8,324`` stays ``8,324``); round only by asking.
    Dùng / Use: ``{{ 4814|number }}`` → ``4.814``; ``{{ 12.345|number(1) }}`` → ``12,3``.
    """
    if value is None or value == "":
        return ""
    if decimals is None:
        decimals = _decimals_of(value)
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def money(
    value: float | int | None,
    unit: str | None = "",
    value_high: float | None = None,
    decimals: int | None = None,
) -> str:
    """An amount with the scale word chosen from its size: ``12,4 tỷ USD``, ``4.814 tỷ đồng``.

    A range (``value_high``) shares one scale: ``5–7 tỷ USD``. The number keeps every decimal
    its value has (``25,469 tỷ USD``) unless ``decimals`` asks for rounding.
    Dùng / Use: ``{{ 12400000000|money('USD') }}``, ``{{ f.value|money(f.unit, f.value_high) }}``.
    """
    if value is None:
        return ""
    return " ".join(part for part in (_scaled(value, value_high, decimals), unit or "") if part)


def percent(
    value: float | int | None, value_high: float | None = None, decimals: int | None = None
) -> str:
    """A percentage given in percent units: ``6,5%``; a range: ``6,5–7%``.

    Dùng / Use: ``{{ 6.5|percent }}`` → ``6,5%``; ``{{ f.value|percent(f.value_high) }}``.
    """
    if value is None:
        return ""
    text = number(value, decimals)
    if value_high is not None:
        text += DASH + number(value_high, decimals)
    return text + "%"


def figure(item: Any) -> str:
    """A figure written out from its value, unit and qualifier: ``trên 12,4 tỷ USD``.

    Dates, ratios (``gấp ba``, ``3/4``), figures written in words and figures without a value
    are shown as in the text (each kind's way of writing is listed under "Figure kinds").
    Dùng / Use: ``{{ f|figure }}`` for each ``f`` in ``figures`` or ``section.figures``.
    """
    writing = _writing(_get(item, "kind"))
    value = _get(item, "value")
    surface = _get(item, "surface") or ""
    if value is None or writing == "text" or _get(item, "words"):
        return surface
    high, unit = _get(item, "value_high"), _get(item, "unit")
    if writing == "money":
        body = money(value, unit, high)
    elif writing == "percent":
        body = percent(value, high)
    else:  # a count or a measure; millions get a scale word too ("hơn 6 triệu người")
        body = _scaled(value, high, None)
        body = f"{body} {unit}" if unit else body
    qualifier = _get(item, "qualifier")
    return f"{qualifier} {body}" if qualifier else body


def vn_date(value: dt.date | str | None) -> str:
    """A date as Decree 30 writes it: ``ngày 05 tháng 02 năm 2025``, ``ngày 20 tháng 12 năm 2024``.

    An empty date gives ``ngày … tháng … năm …`` to fill in by hand; text that is not an ISO
    date (``Chiều 20/12``) is returned unchanged.
    Dùng / Use: ``{{ briefing.meeting.date|vn_date }}``.
    """
    date = _as_date(value)
    if date is None:
        return BLANK_DATE if not value else str(value)
    day = f"{date.day:02d}" if date.day < 10 else str(date.day)
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {day} tháng {month} năm {date.year}"


def place_date(value: dt.date | str | None, place: str = "Hà Nội") -> str:
    """The place-and-date line under the national motto: ``Hà Nội, ngày 20 tháng 12 năm 2024``.

    Dùng / Use: ``{{ today|place_date(briefing.agency.place) }}``.
    """
    text = vn_date(value)
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


def roman(value: int) -> str:
    """Roman numerals for part numbers: 1 → ``I``, 4 → ``IV``.

    Dùng / Use: ``{{ loop.index|roman }}. {{ slot.name }}``.
    """
    number_ = int(value)
    if number_ <= 0 or number_ > _ROMAN_MAX:  # a huge number would be millions of "M"s
        return str(number_)
    out = []
    for size, letters in _ROMAN:
        count, number_ = divmod(number_, size)
        out.append(letters * count)
    return "".join(out)


def upper_vi(value: Any) -> str:
    """Upper case that keeps Vietnamese marks composed (NFC) and leaves markup tags alone.

    Dùng / Use: ``{{ briefing.agency.parent|upper_vi }}`` → ``BỘ NGOẠI GIAO``.
    """
    if isinstance(value, Markup):
        parts = _TAG_OR_ENTITY.split(str(value))
        return Markup("".join(p if i % 2 else _upper(p) for i, p in enumerate(parts)))
    return _upper(str(value))


def mark_figures(value: Any, figures: Iterable[Any] | None = None) -> Markup:
    """Section text with the chosen figures in bold (``<b>``); all other text escaped.

    ``value`` is a section from ``sections`` (its own ``figures`` are used) or a plain text
    with ``figures`` given. ``section.html`` already holds this for every section.
    Dùng / Use: ``{{ section|mark_figures }}``, ``{{ text|mark_figures(figs) }}``.
    """
    text, figs = _text_and_figures(value, figures)
    return _marked(text, figs, len(text))


def lead(value: Any, sentences: int = 2) -> Markup:
    """The first sentence or two of a section, its chosen figures in bold: for handouts.

    Dùng / Use: ``{{ section|lead }}``, ``{{ section|lead(1) }}``, ``{{ text|lead(2) }}``.
    """
    text, figs = _text_and_figures(value, None)
    spans = _get(value, "sentence_spans") if not isinstance(value, str) else None
    ends = [end for _, end in spans] if spans else _sentence_ends(text)
    cut = ends[min(sentences, len(ends)) - 1] if ends and sentences > 0 else len(text)
    return _marked(text[:cut].rstrip(), figs, cut)


truncate_sentences = lead


def join_and(items: Iterable[Any], last: str = " và ") -> str:
    """A list joined the Vietnamese way: ``Mỹ, Nhật Bản và Hàn Quốc``.

    Dùng / Use: ``{{ briefing.meeting.participants|join_and }}``.
    """
    words = [str(i) for i in items if str(i).strip()]
    return ", ".join(words[:-1]) + last + words[-1] if len(words) > 1 else "".join(words)


def _decimals_of(value: float | int, limit: int = 6) -> int:
    """How many decimals ``value`` has (``25.469`` → 3), ignoring float noise beyond ``limit``."""
    for decimals in range(limit + 1):
        if abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value)):
            return decimals
    return limit


def _scaled(value: float, value_high: float | None, decimals: int | None) -> str:
    """The number (or range) with the scale word its size calls for: ``12,4 tỷ``."""
    top = max(abs(value), abs(value_high or 0))
    divisor, word = next(((d, w) for t, d, w in _MONEY_SCALES if top >= t), (1.0, ""))
    amount = number(value / divisor, decimals)
    if value_high is not None:
        amount += DASH + number(value_high / divisor, decimals)
    return f"{amount} {word}" if word else amount


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def _writing(kind: Any) -> str:
    """How ``figure`` writes a kind (its row in ``analysis/kinds.py``); an unknown one: a number."""
    info = FIGURE_KINDS.get(kind) if isinstance(kind, str) else None
    return info.writing if info else "number"


def _get(item: Any, name: str) -> Any:
    """A field of a context dict or of a model object alike."""
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _text_and_figures(value: Any, figures: Iterable[Any] | None) -> tuple[str, list[Any]]:
    if isinstance(value, str):
        return value, list(figures or ())
    text = _get(value, "text") or ""
    return str(text), list(figures if figures is not None else _get(value, "figures") or ())


# Set by ``make_document(figure_links=True)`` (the GUI's preview) while it renders: chosen
# figures are then marked ``<b data-figure="ID">`` so the preview's PDF can say which figure
# was clicked. Exports never set it: their markup, and files, have plain ``<b>``.
FIGURE_LINKS: ContextVar[bool] = ContextVar("figure_links", default=False)


def _spans(text: str, figures: Sequence[Any]) -> list[tuple[int, int, str | None]]:
    """Valid, non-overlapping figure spans with the figure's id (when it has one); a stale
    offset falls back to finding the surface."""
    spans = []
    for fig in figures:
        start, end, surface = _get(fig, "start"), _get(fig, "end"), _get(fig, "surface")
        if not (
            isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start < end <= len(text)
            and (not surface or text[start:end] == surface)
        ):
            found = text.find(surface) if surface else -1
            if found < 0:
                continue
            start, end = found, found + len(surface)
        figure_id = _get(fig, "id")
        spans.append((start, end, figure_id if isinstance(figure_id, str) else None))
    kept: list[tuple[int, int, str | None]] = []
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):  # longest first
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _marked(text: str, figures: Sequence[Any], limit: int) -> Markup:
    # Escaped pieces joined as text, then made Markup once (Markup % per figure was most of
    # building a briefing's context).
    out: list[str] = []
    pos = 0
    links = FIGURE_LINKS.get()
    for start, end, figure_id in _spans(text, figures):
        if end > limit:
            break
        out.append(_escaped(text[pos:start]))
        if links and figure_id:
            out.append(f'<b data-figure="{_escaped(figure_id)}">{_escaped(text[start:end])}</b>')
        else:
            out.append(f"<b>{_escaped(text[start:end])}</b>")
        pos = end
    out.append(_escaped(text[pos:]))
    return Markup("".join(out))


def _escaped(text: str) -> str:
    """``text`` escaped as autoescaping does it, as plain text."""
    return str(escape(text))


def _sentence_ends(text: str) -> list[int]:
    ends = [
        m.end()
        for m in _SENTENCE_END.finditer(text)
        if m.group(1).isupper() or m.group(1).isdigit()
    ]
    return [*ends, len(text)] if text else []


def footnote(value: Any) -> Markup:
    """The text as a numbered footnote: a mark here, the text at the foot of the page (DOCX:
    a real Word footnote, which Word and LibreOffice renumber). Empty text gives nothing.
    Dùng / Use: ``{{ f.text }}{{ f.citation|footnote }}``.
    """
    text = "" if value is None else str(value).strip()
    if not text:
        return Markup("")
    return Markup('<span class="footnote">' + str(escape(text)) + "</span>")  # % is 3× slower


FILTERS: dict[str, Callable[..., Any]] = {
    "chart": chart,
    "footnote": footnote,
    "number": number,
    "money": money,
    "percent": percent,
    "figure": figure,
    "vn_date": vn_date,
    "place_date": place_date,
    "roman": roman,
    "upper_vi": upper_vi,
    "mark_figures": mark_figures,
    "lead": lead,
    "truncate_sentences": truncate_sentences,
    "join_and": join_and,
}
