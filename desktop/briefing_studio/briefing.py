"""What the user chose: the ``Briefing`` model (sources, sections, figures, meeting, template).

Sections and figures are referred to by their analysis ids, which are stable for the same
source content; the project file embeds the sources so the ids resolve on any machine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Literal

from briefing_studio.errors import BriefingError
from briefing_studio.sources.model import SourceDocument

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
        }

    @classmethod
    def from_json(cls, data: dict) -> Briefing:
        meeting = dict(data.get("meeting") or {})
        counterpart = meeting.pop("counterpart", None)
        return cls(
            sources=[SourceDocument.from_json(s) for s in data.get("sources", [])],
            sections=[ChosenSection(**c) for c in data.get("sections", [])],
            figures=list(data.get("figures", [])),
            meeting=Meeting(
                counterpart=Counterpart(**counterpart) if counterpart else None, **meeting
            ),
            agency=Agency(**(data.get("agency") or {})),
            template=data.get("template", DEFAULT_TEMPLATE),
            title=data.get("title", ""),
            issued=data.get("issued") or None,
        )
