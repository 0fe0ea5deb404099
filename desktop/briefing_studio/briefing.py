"""What the user chose: the ``Briefing`` model (sources, sections, figures, meeting, template).

Sections and figures are referred to by their analysis ids, which are stable for the same
source content; the project file embeds the sources so the ids resolve on any machine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Literal, get_args

from briefing_studio.errors import BriefingError
from briefing_studio.sources.model import Block, BlockKind, SourceDocument

CounterpartKind = Literal["country", "province", "organization", "other"]

DEFAULT_TEMPLATE = "embassy-meeting"


@dataclass
class Counterpart:
    """Who the meeting is with: an embassy of a country or a province.

    ``key`` is the gazetteer id (``KR``, ``bac-giang``) when known, so relevance ranking can use
    every alias of the name.
    """

    kind: CounterpartKind
    name: str
    key: str | None = None


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_meeting_date(text: str) -> str:
    """``20/12/2024`` (the Vietnamese order) or ``2024-12-20`` → ``2024-12-20``."""
    value = text.strip()
    match = _DMY.match(value)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day).isoformat()
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BriefingError(
            f"Ngày không hợp lệ: “{value}”. Viết theo dạng 20/12/2024 hoặc 2024-12-20.",
            f"Invalid date: “{value}”. Write it as 20/12/2024 or 2024-12-20.",
        ) from None


@dataclass
class Meeting:
    """The meeting the briefing prepares for."""

    counterpart: Counterpart | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    time: str = ""  # "9h00", "Chiều"
    place: str = ""
    host: str = ""  # who receives / chairs on our side
    purpose: str = ""
    participants: list[str] = field(default_factory=list)


@dataclass
class Agency:
    """The issuing agency in the Decree 30 header and the place-and-date line."""

    parent: str = ""  # cơ quan chủ quản, e.g. "BỘ NGOẠI GIAO"
    name: str = ""  # cơ quan ban hành, e.g. "VỤ TỔNG HỢP KINH TẾ"
    place: str = "Hà Nội"  # địa danh in "Hà Nội, ngày … tháng … năm …"
    reference: str = ""  # số, ký hiệu, e.g. "Số: 12/TTr-TH"


@dataclass
class ChosenSection:
    """A chosen section and the template slot it goes in (None: the template decides)."""

    section: str
    slot: str | None = None


@dataclass
class Briefing:
    """The whole selection; the GUI edits it, the CLI builds it, templates render it."""

    sources: list[SourceDocument] = field(default_factory=list)
    sections: list[ChosenSection] = field(default_factory=list)  # in the user's order
    figures: list[str] = field(default_factory=list)  # figure ids in the user's order
    meeting: Meeting = field(default_factory=Meeting)
    agency: Agency = field(default_factory=Agency)
    template: str = DEFAULT_TEMPLATE
    title: str = ""  # empty: the template derives one from the counterpart
    # The document's own date (the "Hà Nội, ngày …" line), ISO yyyy-mm-dd; None: the day it is
    # rendered. Distinct from the meeting's date.
    issued: str | None = None
    # Figure id → the text the briefing shows in its place when the user rewrote it
    # ("12,5 tỷ USD" over the source's "trên 12,4 tỷ USD"); the figure check compares the two.
    figure_texts: dict[str, str] = field(default_factory=dict)
    # Keys of the figure-check items the user accepted (``checks.CheckItem.key``): not listed
    # again until what they point at changes.
    validated: list[str] = field(default_factory=list)

    def section_ids(self) -> list[str]:
        return [c.section for c in self.sections]

    def to_json(self) -> dict:
        meeting = asdict(self.meeting)
        return {
            "sources": [s.to_json() for s in self.sources],
            "sections": [asdict(c) for c in self.sections],
            "figures": list(self.figures),
            "meeting": meeting,
            "agency": asdict(self.agency),
            "template": self.template,
            "title": self.title,
            "issued": self.issued,
            "figure_texts": dict(self.figure_texts),
            "validated": list(self.validated),
        }

    @classmethod
    def from_json(cls, data: object) -> Briefing:
        """The briefing a project file holds, every field checked for its type on the way in.

        A wrong type anywhere raises ``ProjectFieldError`` naming the field (``sources[0].
        blocks[3].text``); unknown fields are ignored, missing ones take their defaults.
        """
        root = _Fields(data, "briefing")
        meeting = root.table("meeting")
        agency = root.table("agency")
        return cls(
            sources=[_source(item) for item in root.tables("sources")],
            sections=[
                ChosenSection(
                    section=item.text("section", required=True),
                    slot=item.optional_text("slot"),
                )
                for item in root.tables("sections")
            ],
            figures=root.texts("figures"),
            meeting=Meeting(
                counterpart=_counterpart(meeting.table("counterpart", nullable=True)),
                date=meeting.optional_text("date"),
                time=meeting.text("time"),
                place=meeting.text("place"),
                host=meeting.text("host"),
                purpose=meeting.text("purpose"),
                participants=meeting.texts("participants"),
            ),
            agency=Agency(
                parent=agency.text("parent"),
                name=agency.text("name"),
                place=agency.text("place", default=Agency.place),
                reference=agency.text("reference"),
            ),
            template=root.text("template", default=DEFAULT_TEMPLATE),
            title=root.text("title"),
            issued=_issued(root),
            figure_texts=root.text_map("figure_texts"),
            validated=root.texts("validated"),
        )


class ProjectFieldError(ValueError):
    """A field of a project file has the wrong type or value; ``field`` is its path."""

    def __init__(self, field_name: str, expected_vi: str, expected_en: str, found: object):
        self.field = field_name
        self.expected_vi = expected_vi
        self.expected_en = expected_en
        self.found = describe_json(found)
        super().__init__(f"{field_name}: {expected_en} (found {self.found})")


def describe_json(value: object) -> str:
    """A JSON value as a message shows it: ``null``, ``number``, ``“text…”``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"“{value[:40]}”" + ("…" if len(value) > 40 else "")
    kinds = {dict: "object {…}", list: "list […]", int: "number", float: "number"}
    return kinds.get(type(value), type(value).__name__)


_TEXT = ("một chuỗi văn bản", "a text string")


class _Fields:
    """Typed reads from one JSON object of a project file; ``where`` names it in errors."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise ProjectFieldError(where, "một đối tượng {…}", "an object {…}", data)
        self.data = data
        self.where = where

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}"

    def text(self, key: str, *, default: str = "", required: bool = False) -> str:
        if key not in self.data and not required:
            return default
        value = self.data.get(key)
        if not isinstance(value, str):
            raise ProjectFieldError(self._name(key), *_TEXT, value)
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise ProjectFieldError(
                self._name(key), "một chuỗi văn bản hoặc null", "a text string or null", value
            )
        return value

    def integer(self, key: str, low: int, high: int, default: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ProjectFieldError(
                self._name(key),
                f"một số nguyên từ {low} đến {high}",
                f"a whole number from {low} to {high}",
                value,
            )
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise ProjectFieldError(self._name(key), "true hoặc false", "true or false", value)
        return value

    def spans(self, key: str, length: int) -> tuple[tuple[int, int], ...]:
        """``[[start, end], …]`` inside a text of ``length`` characters."""
        spans = []
        for number, item in enumerate(self._list(key)):
            if not (
                isinstance(item, list)
                and len(item) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in item)
                and 0 <= item[0] < item[1] <= length
            ):
                raise ProjectFieldError(
                    f"{self._name(key)}[{number}]",
                    f"một cặp [đầu, cuối] trong khoảng 0–{length}",
                    f"a pair [start, end] within 0–{length}",
                    item,
                )
            spans.append((item[0], item[1]))
        return tuple(spans)

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        """A value from ``allowed``; ``default`` (when not allowed itself) makes it required."""
        value = self.data.get(key, default)
        if value not in allowed:
            raise ProjectFieldError(
                self._name(key), f"một trong {list(allowed)}", f"one of {list(allowed)}", value
            )
        return value

    def _list(self, key: str) -> list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ProjectFieldError(self._name(key), "một danh sách […]", "a list […]", value)
        return value

    def texts(self, key: str) -> list[str]:
        items = self._list(key)
        for number, item in enumerate(items):
            if not isinstance(item, str):
                raise ProjectFieldError(f"{self._name(key)}[{number}]", *_TEXT, item)
        return list(items)

    def text_map(self, key: str) -> dict[str, str]:
        """``{"id": "text", …}``; absent (a project saved before the field) reads as empty."""
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ProjectFieldError(self._name(key), "một đối tượng {…}", "an object {…}", value)
        for name, item in value.items():
            if not isinstance(item, str):
                raise ProjectFieldError(f"{self._name(key)}.{name}", *_TEXT, item)
        return dict(value)

    def tables(self, key: str) -> list[_Fields]:
        return [
            _Fields(item, f"{self._name(key)}[{number}]")
            for number, item in enumerate(self._list(key))
        ]

    def table(self, key: str, *, nullable: bool = False) -> _Fields:
        """The object at ``key``; null or absent reads as empty (or ``_NULL`` if nullable)."""
        value = self.data.get(key)
        if value is None or (nullable and value == {}):
            return _NULL if nullable else _Fields({}, self._name(key))
        return _Fields(value, self._name(key))


_NULL = _Fields({}, "")  # a nullable object that was null or absent


def _source(fields: _Fields) -> SourceDocument:
    return SourceDocument(
        path=fields.text("path"),
        name=fields.text("name"),
        format=fields.text("format", default="txt"),
        encoding=fields.optional_text("encoding"),
        blocks=tuple(_block(block) for block in fields.tables("blocks")),
        title=fields.text("title"),
        author=fields.text("author"),
        ocr=fields.flag("ocr"),
    )


def _block(fields: _Fields) -> Block:
    text = fields.text("text", required=True)
    return Block(
        text=text,
        kind=fields.choice("kind", get_args(BlockKind), "paragraph"),  # type: ignore[arg-type]
        level=fields.integer("level", 0, 3, 0),
        uncertain=fields.spans("uncertain", len(text)),  # words OCR was unsure of
    )


def _counterpart(fields: _Fields) -> Counterpart | None:
    if fields is _NULL:
        return None
    return Counterpart(
        kind=fields.choice("kind", get_args(CounterpartKind), ""),  # type: ignore[arg-type]
        name=fields.text("name", required=True),
        key=fields.optional_text("key"),
    )


def _issued(fields: _Fields) -> str | None:
    value = fields.optional_text("issued")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ProjectFieldError(
            fields._name("issued"),
            "một ngày dạng yyyy-mm-dd hoặc null",
            "a date written yyyy-mm-dd, or null",
            value,
        ) from None
