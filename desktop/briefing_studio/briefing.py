"""What the user chose: the ``Briefing`` model (sources, sections, figures, meeting, template).

Sections and figures are referred to by their analysis ids, which are stable for the same
source content; the project file embeds the sources so the ids resolve on any machine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

from briefing_studio.errors import BriefingError
from briefing_studio.sources.model import Block, BlockKind, SourceDocument, Table, TableCell

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


# The meeting form as data ------------------------------------------------------------------

FieldType = Literal["text", "date", "lines"]  # a string; an ISO date or None; a list of strings
Holder = Literal["meeting", "agency", "briefing"]


@dataclass(frozen=True)
class MeetingField:
    """One field the user fills in about the meeting and the document (the counterpart aside).

    The GUI's meeting panel, the CLI's options, the project file and the template context all
    read ``MEETING_FIELDS``: a new field is an attribute on its holder (``Meeting``, ``Agency``
    or ``Briefing``) plus a row here, and templates see it as ``briefing.<holder>.<name>``.
    """

    holder: Holder  # the object it is an attribute of: briefing.meeting, briefing.agency, briefing
    name: str  # the attribute, its key in the project file and in the template context
    group: Literal["meeting", "agency"]  # the panel's box it is shown in
    label_vi: str
    label_en: str
    hint_vi: str  # the panel's tooltip (and greyed text, unless a placeholder is given)
    hint_en: str
    flag: str  # the CLI option
    help: str  # the CLI option's help (English, like every option's)
    type: FieldType = "text"
    placeholder_vi: str = ""
    placeholder_en: str = ""

    @property
    def key(self) -> str:
        """``meeting.place``: unique, where ``name`` alone is not (``agency.place``)."""
        return f"{self.holder}.{self.name}"

    def label(self, language: str = "vi") -> str:
        return self.label_vi if language == "vi" else self.label_en

    def hint(self, language: str = "vi") -> str:
        return self.hint_vi if language == "vi" else self.hint_en

    def placeholder(self, language: str = "vi") -> str:
        text = self.placeholder_vi if language == "vi" else self.placeholder_en
        return text or self.hint(language)

    def parse(self, value: str | list[str]) -> str | list[str] | None:
        """What the user typed (a CLI argument, a repeated one for ``lines``) as the value."""
        if self.type == "lines":
            items = [value] if isinstance(value, str) else value
            return [x.strip() for x in items if x.strip()]
        text = value if isinstance(value, str) else "\n".join(value)
        if self.type == "date":
            return parse_meeting_date(text) if text.strip() else None
        return text.strip()

    def holder_of(self, briefing: Briefing) -> Meeting | Agency | Briefing:
        if self.holder == "meeting":
            return briefing.meeting
        if self.holder == "agency":
            return briefing.agency
        return briefing

    def get(self, briefing: Briefing) -> str | list[str] | None:
        return getattr(self.holder_of(briefing), self.name)

    def set(self, briefing: Briefing, value: str | list[str] | None) -> None:
        setattr(self.holder_of(briefing), self.name, value)


MEETING_FIELDS: tuple[MeetingField, ...] = (
    MeetingField(
        holder="briefing",
        name="title",
        group="meeting",
        label_vi="Tiêu đề",
        label_en="Title",
        hint_vi="Để trống: đặt theo đối tác",
        hint_en="Empty: made from the counterpart",
        flag="--title",
        help="document title (default: from the counterpart)",
    ),
    MeetingField(
        holder="meeting",
        name="date",
        group="meeting",
        label_vi="Ngày",
        label_en="Date",
        hint_vi="Ngày làm việc, ví dụ 15/12/2026 hoặc 15/12; để trống: không có ngày",
        hint_en="Meeting date, e.g. 15/12/2026 or 15/12; empty: none",
        flag="--date",
        help="meeting date, 20/12/2024 or 2024-12-20",
        type="date",
        placeholder_vi="vd. 15/12/2026",
        placeholder_en="e.g. 15/12/2026",
    ),
    MeetingField(
        holder="meeting",
        name="time",
        group="meeting",
        label_vi="Thời gian",
        label_en="Time",
        hint_vi="ví dụ: 9h00, Chiều",
        hint_en="e.g. 9h00, Chiều",
        flag="--time",
        help="meeting time, e.g. '9h00', 'Chiều'",
    ),
    MeetingField(
        holder="meeting",
        name="place",
        group="meeting",
        label_vi="Địa điểm",
        label_en="Place",
        hint_vi="Nơi diễn ra buổi làm việc",
        hint_en="Where the meeting takes place",
        flag="--place",
        help="meeting place",
    ),
    MeetingField(
        holder="meeting",
        name="host",
        group="meeting",
        label_vi="Chủ trì",
        label_en="Host",
        hint_vi="Người chủ trì tiếp phía ta",
        hint_en="Who receives the guests on our side",
        flag="--host",
        help="who receives the guest on our side",
    ),
    MeetingField(
        holder="meeting",
        name="purpose",
        group="meeting",
        label_vi="Mục đích",
        label_en="Purpose",
        hint_vi="Mục đích buổi làm việc",
        hint_en="Why the meeting is held",
        flag="--purpose",
        help="purpose of the meeting",
    ),
    MeetingField(
        holder="meeting",
        name="participants",
        group="meeting",
        label_vi="Thành phần",
        label_en="Participants",
        hint_vi="Mỗi dòng một người tham dự",
        hint_en="One participant per line",
        flag="--participant",
        help="a participant (repeatable)",
        type="lines",
    ),
    MeetingField(
        holder="agency",
        name="parent",
        group="agency",
        label_vi="Cơ quan chủ quản",
        label_en="Parent body",
        hint_vi="ví dụ: BỘ NGOẠI GIAO",
        hint_en="e.g. BỘ NGOẠI GIAO",
        flag="--agency-parent",
        help="the agency's parent body, e.g. 'BỘ NGOẠI GIAO'",
    ),
    MeetingField(
        holder="agency",
        name="name",
        group="agency",
        label_vi="Cơ quan",
        label_en="Agency",
        hint_vi="ví dụ: VỤ TỔNG HỢP KINH TẾ",
        hint_en="e.g. VỤ TỔNG HỢP KINH TẾ",
        flag="--agency",
        help="issuing agency (default: the one set in the app's settings)",
    ),
    MeetingField(
        holder="agency",
        name="place",
        group="agency",
        label_vi="Địa danh",
        label_en="Place",
        hint_vi="ví dụ: Hà Nội",
        hint_en="e.g. Hà Nội",
        flag="--agency-place",
        help="place in the place-and-date line, e.g. 'Hà Nội'",
    ),
    MeetingField(
        holder="agency",
        name="reference",
        group="agency",
        label_vi="Số, ký hiệu",
        label_en="Reference",
        hint_vi="ví dụ: Số: 12/TTr-TH",
        hint_en="e.g. Số: 12/TTr-TH",
        flag="--agency-reference",
        help="the document's number and symbol, e.g. 'Số: 12/TTr-TH'",
    ),
    MeetingField(
        holder="briefing",
        name="issued",
        group="agency",
        label_vi="Ngày ban hành",
        label_en="Issue date",
        hint_vi="Ngày của văn bản (“Hà Nội, ngày …”); để trống: ngày xuất văn bản",
        hint_en="The document's date (“Hà Nội, ngày …”); empty: the day it is exported",
        flag="--issued",
        help="the document's own date, in its date line 'Hà Nội, ngày …', 20/12/2024 or "
        "2024-12-20 (default: the day it is rendered; --date is the meeting's date)",
        type="date",
        placeholder_vi="Trống: lấy ngày xuất",
        placeholder_en="Empty: the export day",
    ),
)


def meeting_fields(holder: Holder) -> tuple[MeetingField, ...]:
    """The rows whose value is an attribute of ``holder``, in table order."""
    return tuple(f for f in MEETING_FIELDS if f.holder == holder)


@dataclass
class ChosenSection:
    """A chosen section and the template slot it goes in (None: the template decides)."""

    section: str
    slot: str | None = None


@dataclass
class Briefing:
    """The whole selection; the GUI edits it, the CLI builds it, templates render it.

    ``sources`` is the copy of the sources a project file embeds, and nothing more. The
    ``Workspace`` owns the open sources (with their analyses, which a briefing cannot hold:
    they are recomputed, not saved), and the pipeline reads them from there. So the list is
    filled from a workspace only when a briefing goes out to a file (``new_briefing``,
    ``BriefingState.snapshot``) and read only when one comes in (``Workspace.analyze``); while
    a briefing is open it is not kept in step, and the window keeps it empty. It stays a field
    (rather than an argument of every save) because the project file's format, its field
    checks and every reader of a ``.briefing`` file see sources as part of the briefing.
    """

    sources: list[SourceDocument] = field(default_factory=list)  # the file's copy (see above)
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
                **_field_values(meeting, "meeting", Meeting()),
            ),
            agency=Agency(**_field_values(agency, "agency", Agency())),
            template=root.text("template", default=DEFAULT_TEMPLATE),
            **_field_values(root, "briefing", cls()),
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
    kind = fields.choice("kind", get_args(BlockKind), "paragraph")  # type: ignore[arg-type]
    if kind == "table":  # the text is the cells' text, rebuilt from them
        table = _table(fields.table("table"))
        return Block.of_table(table, fields.spans("uncertain", len(table.text)))
    return Block(
        text=text,
        kind=kind,  # type: ignore[arg-type]
        level=fields.integer("level", 0, 3, 0),
        uncertain=fields.spans("uncertain", len(text)),  # words OCR was unsure of
    )


_MAX_TABLE_SIDE = 10_000  # rows or columns: more is a damaged file, not a source's table


def _table(fields: _Fields) -> Table:
    """A table block's cells, each inside the grid and none overlapping another."""
    n_rows = fields.integer("rows", 1, _MAX_TABLE_SIDE, 0)
    n_cols = fields.integer("cols", 1, _MAX_TABLE_SIDE, 0)
    taken: set[tuple[int, int]] = set()
    cells = []
    for item in fields.tables("cells"):
        row = item.integer("row", 0, n_rows - 1, -1)
        col = item.integer("col", 0, n_cols - 1, -1)
        cell = TableCell(
            text=item.text("text", required=True),
            row=row,
            col=col,
            rows=item.integer("rows", 1, n_rows - row, 1),
            cols=item.integer("cols", 1, n_cols - col, 1),
            header=item.flag("header"),
        )
        places = {(r, c) for r in range(row, row + cell.rows) for c in range(col, col + cell.cols)}
        if places & taken:
            raise ProjectFieldError(
                item.where,
                "một ô không chồng lên ô khác",
                "a cell that does not overlap another",
                item.data,
            )
        taken |= places
        cells.append(cell)
    return Table(
        cells=tuple(sorted(cells, key=lambda c: (c.row, c.col))),
        n_rows=n_rows,
        n_cols=n_cols,
        header_rows=fields.integer("header_rows", 0, n_rows, 0),
        caption=fields.text("caption"),
    )


def _counterpart(fields: _Fields) -> Counterpart | None:
    if fields is _NULL:
        return None
    return Counterpart(
        kind=fields.choice("kind", get_args(CounterpartKind), ""),  # type: ignore[arg-type]
        name=fields.text("name", required=True),
        key=fields.optional_text("key"),
    )


def _field_values(fields: _Fields, holder: Holder, defaults: object) -> dict[str, Any]:
    """The ``MEETING_FIELDS`` of ``holder`` read from its object in a project file; a missing
    one takes the default it has on a new ``defaults``."""
    values: dict[str, Any] = {}
    for row in meeting_fields(holder):
        if row.type == "lines":
            values[row.name] = fields.texts(row.name)
        elif row.type == "date":
            values[row.name] = _date(fields, row.name)
        else:
            values[row.name] = fields.text(row.name, default=getattr(defaults, row.name))
    return values


def _date(fields: _Fields, key: str) -> str | None:
    value = fields.optional_text(key)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ProjectFieldError(
            fields._name(key),
            "một ngày dạng yyyy-mm-dd hoặc null",
            "a date written yyyy-mm-dd, or null",
            value,
        ) from None
