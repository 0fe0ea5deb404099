"""Page presets: page size, margins, page numbering and the base styles a template starts from.

``nd30`` follows Decree 30/2020/NĐ-CP, Appendix I (A4; margins top/bottom 20–25 mm, left
30–35 mm, right 15–20 mm; Times New Roman 13–14 pt; page numbers centred in the top margin from
page 2), with the classes of the Decree 30 parts templates share (letterhead, motto, figures
table…). ``handout`` is a one- or two-page A4 sheet for printing. A template's manifest may
override margins and any style within these presets.
"""

from __future__ import annotations

from copy import copy, deepcopy
from dataclasses import dataclass, field

from briefing_studio.document import PageSetup, StyleSpec

BODY_FONT = "Times New Roman"  # PDF maps it to the bundled, metric-compatible Liberation Serif


@dataclass(frozen=True)
class PagePreset:
    id: str
    name_vi: str
    name_en: str
    page: PageSetup
    styles: dict[str, StyleSpec] = field(default_factory=dict)
    # Allowed margin ranges (mm) that a manifest override must stay within, if any.
    margin_limits: dict[str, tuple[float, float]] = field(default_factory=dict)

    def fresh_page(self) -> PageSetup:
        return deepcopy(self.page)

    def fresh_styles(self) -> dict[str, StyleSpec]:
        # A style's fields are all immutable values, so a copy of each is a deep copy
        # (5× faster than deepcopy; every make_document asks).
        return {name: copy(spec) for name, spec in self.styles.items()}


def _base_styles(body_size: float) -> dict[str, StyleSpec]:
    """Reserved style names every writer knows: body, h1–h3, list, table, th."""
    return {
        "body": StyleSpec(
            "body",
            font=BODY_FONT,
            size=body_size,
            bold=False,
            italic=False,
            underline=False,
            uppercase=False,
            align="justify",
            space_before=6,
            space_after=0,
            first_line_indent=10,
            line_spacing=1.15,
            color="#000000",
        ),
        "h1": StyleSpec(
            "h1",
            size=body_size,
            bold=True,
            uppercase=True,
            align="left",
            space_before=12,
            space_after=6,
            first_line_indent=0,
        ),
        "h2": StyleSpec(
            "h2",
            size=body_size,
            bold=True,
            align="left",
            space_before=6,
            space_after=3,
            first_line_indent=0,
        ),
        "h3": StyleSpec(
            "h3",
            size=body_size,
            bold=True,
            italic=True,
            align="left",
            space_before=6,
            space_after=0,
            first_line_indent=0,
        ),
        "list": StyleSpec("list", first_line_indent=0, space_before=3),
        "table": StyleSpec(
            "table",
            size=body_size - 1,
            align="left",
            first_line_indent=0,
            space_before=2,
            space_after=2,
            line_spacing=1.0,
            border=True,
        ),
        "th": StyleSpec(
            "th",
            size=body_size - 1,
            bold=True,
            align="center",
            first_line_indent=0,
            space_before=2,
            space_after=2,
            line_spacing=1.0,
            background="#E7E6E6",
        ),
    }


def _nd30_styles() -> dict[str, StyleSpec]:
    """The base styles plus the classes of the Decree 30 parts every ``nd30`` template shares
    (``templates/_common/nd30.html.j2``): letterhead, national motto, title, details, the
    figures table, source tables, sources and glossary. A manifest's ``[styles.NAME]`` changes
    any of them."""
    centred = {"align": "center", "first_line_indent": 0}
    left = {"align": "left", "first_line_indent": 0}
    tight = {"line_spacing": 1.0, "space_before": 0}
    grid = {"border": True, "size": 12, "line_spacing": 1.0, **left}
    parts = [
        StyleSpec("letterhead", border=False, size=13, **centred, **tight, space_after=0),
        StyleSpec("agency-parent", size=13, uppercase=True, **centred, **tight),
        # Decree 30: a rule under the agency's name, 1/3–1/2 of the line.
        StyleSpec(
            "agency", size=13, bold=True, uppercase=True, **centred, **tight, rule_below=0.35
        ),
        StyleSpec("reference", size=13, **centred, space_before=6),
        StyleSpec("motto", size=12, bold=True, uppercase=True, **centred, **tight),
        StyleSpec("motto-sub", size=13, bold=True, underline=True, **centred, **tight),
        StyleSpec("place-date", size=14, italic=True, **centred, space_before=6),
        StyleSpec(
            "title", size=14, bold=True, uppercase=True, **centred, space_before=18, space_after=0
        ),
        StyleSpec("subtitle", size=14, italic=True, **centred, space_before=3, space_after=12),
        StyleSpec("detail", first_line_indent=10, space_before=3),
        StyleSpec("note", italic=True, color="#595959"),
        StyleSpec("figures", **grid),
        StyleSpec("num", size=12, **centred),
        StyleSpec("figure-value", size=12, bold=True, **left),
        StyleSpec("source", size=12, italic=True, **left),
        StyleSpec("source-table", **grid),  # a table chosen from a source
        StyleSpec("table-caption", size=12, italic=True, **centred),
        StyleSpec("glossary", **grid),
    ]
    return _base_styles(14) | {spec.name: spec for spec in parts}


PRESETS: dict[str, PagePreset] = {
    "nd30": PagePreset(
        id="nd30",
        name_vi="Văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        name_en="Administrative document (Decree 30/2020/ND-CP)",
        page=PageSetup(
            width=210,
            height=297,
            top=20,
            bottom=20,
            left=30,
            right=15,
            page_numbers="top-center-from-2",
        ),
        styles=_nd30_styles(),
        margin_limits={"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)},
    ),
    "handout": PagePreset(
        id="handout",
        name_vi="Tài liệu phát tay (A4)",
        name_en="Printed handout (A4)",
        page=PageSetup(
            width=210,
            height=297,
            top=15,
            bottom=15,
            left=18,
            right=15,
            page_numbers="bottom-x-of-y",
        ),
        styles=_base_styles(12),
    ),
}


def get_preset(preset_id: str) -> PagePreset:
    """The preset with this id; ``KeyError`` lists the known ones."""
    try:
        return PRESETS[preset_id]
    except KeyError:
        raise KeyError(f"unknown page preset {preset_id!r}; known: {sorted(PRESETS)}") from None
