"""A secretary's choices become a formatted Document through each of the three templates."""

from __future__ import annotations

import datetime as dt
import gc
import re
import weakref
from dataclasses import replace

import pytest

from briefing_studio.analysis.model import Acronym, Analysis, Figure, Metadata, Section
from briefing_studio.briefing import Agency, Briefing, ChosenSection, Counterpart, Meeting
from briefing_studio.document import (
    Block,
    Division,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    plain_text,
)
from briefing_studio.errors import BriefingError
from briefing_studio.presets import get_preset
from briefing_studio.sources.model import Block as SourceBlock
from briefing_studio.sources.model import SourceDocument
from briefing_studio.templating import (
    MarkupProblem,
    TemplateLibrary,
    build_context,
    default_title,
    make_document,
)
from briefing_studio.templating.filters import FIGURE_LINKS
from briefing_studio.workspace import Workspace

NO_CONTENT = "(Chưa có nội dung được chọn)"
TEXTS = [
    (
        "Lũy kế từ trước đến nay, toàn tỉnh đã thu hút được trên 610 dự án FDI với số vốn đăng ký "
        "đạt trên 12,4 tỷ USD. Các đối tác thương mại lớn nhất đến từ Trung Quốc, Hàn Quốc.",
        ("result",),
    ),
    (
        "Năm 2025, tỉnh đề xuất Bộ Ngoại giao tiếp tục hỗ trợ tỉnh Bắc Giang triển khai các thỏa "
        "thuận quốc tế đã ký kết. Hỗ trợ kết nối các nhà đầu tư <b>tiềm năng</b> & uy tín.",
        ("proposal", "result"),
    ),
    (
        "Thủ tướng yêu cầu đẩy mạnh NGKT trong các hoạt động đối ngoại cấp cao; tạo đột phá "
        "trong quan hệ kinh tế, thương mại, đầu tư.",
        ("direction",),
    ),
    (
        "Chiều 20/12, Thủ tướng Chính phủ chủ trì hội nghị tổng kết công tác ngoại giao kinh tế "
        "(NGKT) năm 2024.",
        ("background",),
    ),
    (
        "Doanh thu từ vải thiều năm 2024 ước đạt khoảng trên 4.814 tỷ đồng, tăng hơn 156 tỷ đồng "
        "so với năm 2023.",
        (),
    ),
]
FIGURES = [
    (0, "trên 610 dự án FDI", "count", 610, "dự án", "trên"),
    (0, "trên 12,4 tỷ USD", "money", 12.4e9, "USD", "trên"),
    (4, "khoảng trên 4.814 tỷ đồng", "money", 4.814e12, "đồng", "khoảng trên"),
]


def sentences_of(text: str) -> tuple[tuple[int, int], ...]:
    starts = [0] + [m.end() for m in re.finditer(r"(?<=\.) ", text)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    return tuple(zip(starts, ends, strict=True))


def hand_built_analysis() -> Analysis:
    source = SourceDocument(
        path="/nguon/ngkt-2024.txt",
        name="ngkt-2024.txt",
        format="txt",
        encoding="utf-8",
        blocks=tuple(SourceBlock(t) for t, _ in TEXTS),
    )
    sections = [
        Section(
            id=f"{source.key}/s{i}",
            index=i,
            kind="paragraph",
            text=text,
            sentences=sentences_of(text),
            cues=cues,
        )  # type: ignore[arg-type]
        for i, (text, cues) in enumerate(TEXTS)
    ]
    figures = []
    for n, (i, surface, kind, value, unit, qualifier) in enumerate(FIGURES):
        start = sections[i].text.index(surface)
        figures.append(
            Figure(
                id=f"{sections[i].id}/f{n}",
                section=sections[i].id,
                start=start,
                end=start + len(surface),
                surface=surface,
                kind=kind,  # type: ignore[arg-type]
                value=value,
                unit=unit,
                qualifier=qualifier,
            )
        )
    acronyms = [
        Acronym("NGKT", "ngoại giao kinh tế", True, (sections[3].id,)),
        Acronym("FDI", "đầu tư trực tiếp nước ngoài", False),
        Acronym("ODA", "hỗ trợ phát triển chính thức", False),
    ]
    metadata = Metadata(
        title="Tổng kết công tác ngoại giao kinh tế năm 2024",
        author="Diệu Hoa",
        source_url="https://bacgiang.gov.vn/tin-tuc",
    )
    return Analysis(
        source=source, metadata=metadata, sections=sections, figures=figures, acronyms=acronyms
    )


def briefing_for(analysis: Analysis, counterpart: Counterpart | None, **changes) -> Briefing:
    briefing = Briefing(
        sources=[analysis.source],
        sections=[ChosenSection(s.id) for s in analysis.sections],
        figures=[f.id for f in analysis.figures],
        meeting=Meeting(
            counterpart=counterpart,
            date="2025-02-05",
            time="9h00",
            place="Trụ sở Bộ Ngoại giao",
            host="Thứ trưởng Nguyễn Minh Vũ",
            purpose="Trao đổi về hợp tác kinh tế, đầu tư.",
            participants=["Vụ Tổng hợp kinh tế", "Vụ Đông Bắc Á"],
        ),
        agency=Agency(
            parent="Bộ Ngoại giao", name="Vụ Tổng hợp kinh tế", reference="Số: 12/TTr-TH"
        ),
    )
    return replace(briefing, **changes)


KOREA = Counterpart("country", "Hàn Quốc", "KR")
BAC_GIANG = Counterpart("province", "Bắc Giang", "bac-giang")
LIBRARY = TemplateLibrary(None)


def headings(blocks: list[Block], level: int = 1) -> list[str]:
    return [plain_text(b.inlines) for b in blocks if isinstance(b, Heading) and b.level == level]


def all_text(document: Document) -> str:
    """Every piece of text in the document, one block per line (for content checks)."""
    lines: list[str] = []

    def walk(blocks: list) -> None:
        for block in blocks:
            if isinstance(block, Heading | Paragraph):
                lines.append(plain_text(block.inlines))
            elif isinstance(block, ListBlock):
                for item in block.items:
                    lines.append(plain_text(item.inlines))
                    walk(item.children)
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        lines.append(plain_text(cell.inlines))
                        walk(cell.blocks)
            elif isinstance(block, Division):
                walk(block.blocks)

    walk(document.blocks)
    return "\n".join(lines)


def tables(document: Document, style: str) -> list[Table]:
    found = []
    for block in document.blocks:
        inner = block.blocks if isinstance(block, Division) else [block]
        found += [b for b in inner if isinstance(b, Table) and b.style == style]
    return found


# The title and the context -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counterpart", "title"),
    [
        (KOREA, "Tài liệu phục vụ buổi tiếp Đại sứ Hàn Quốc"),
        (BAC_GIANG, "Tài liệu phục vụ buổi làm việc với tỉnh Bắc Giang"),
        (Counterpart("province", "Hà Nội"), "Tài liệu phục vụ buổi làm việc với thành phố Hà Nội"),
        (
            Counterpart("province", "tỉnh Lào Cai"),
            "Tài liệu phục vụ buổi làm việc với tỉnh Lào Cai",
        ),
        (
            Counterpart("organization", "Ngân hàng Thế giới"),
            "Tài liệu phục vụ buổi làm việc với Ngân hàng Thế giới",
        ),
        (None, "Tài liệu phục vụ buổi làm việc"),
    ],
)
def test_title_is_derived_from_the_counterpart(counterpart: Counterpart | None, title: str) -> None:
    # A meeting before the provinces merged on 1 July 2025 names them as they were then.
    assert default_title(counterpart, dt.date(2024, 12, 20)) == title


def test_users_own_title_wins() -> None:
    analysis = hand_built_analysis()
    briefing = briefing_for(analysis, KOREA, title="Tài liệu chuẩn bị làm việc với Đại sứ Park")
    context = build_context(Workspace([analysis]), briefing, LIBRARY.get("embassy-meeting"))
    assert context["briefing"]["title"] == "Tài liệu chuẩn bị làm việc với Đại sứ Park"
    assert context["briefing"]["title_is_default"] is False


def test_a_workspace_resolves_once_and_each_context_is_its_own() -> None:
    """What a workspace resolves is kept with it; one briefing's wording, figure choice or
    preview links never reach another context built from the same workspace."""
    analysis = hand_built_analysis()
    workspace = Workspace([analysis])
    template = LIBRARY.get("embassy-meeting")
    money = analysis.figures[1].id
    edited = briefing_for(analysis, KOREA, figure_texts={money: "12,4 tỷ đô la Mỹ"})
    first = build_context(workspace, edited, template)
    first["figures"][0]["text"] = "đổi trong một lần dựng"
    plain = build_context(workspace, briefing_for(analysis, KOREA), template)
    by_id = {f["id"]: f for f in plain["figures"]}
    assert by_id[money]["text"] == "trên 12,4 tỷ USD" and by_id[money]["edited"] is False
    assert {f["id"]: f for f in first["figures"]}[money]["text"] == "12,4 tỷ đô la Mỹ"
    assert build_context(Workspace([analysis]), briefing_for(analysis, KOREA), template) == plain

    one = briefing_for(analysis, KOREA, figures=[money])
    (section,) = [s for s in build_context(workspace, one, template)["sections"] if s["figures"]]
    assert section["html"].count("<b>") == 1
    section = next(s for s in plain["sections"] if s["id"] == section["id"])
    assert section["html"].count("<b>") == 2  # the same section, both its figures chosen

    token = FIGURE_LINKS.set(True)
    try:
        linked = build_context(workspace, one, template)
    finally:
        FIGURE_LINKS.reset(token)
    assert f'data-figure="{money}"' in next(s["html"] for s in linked["sections"] if s["figures"])
    assert "data-figure" not in str(build_context(workspace, one, template))


def test_what_a_workspace_resolved_goes_with_it() -> None:
    analysis = hand_built_analysis()
    workspace = Workspace([analysis])
    build_context(workspace, briefing_for(analysis, KOREA), LIBRARY.get("embassy-meeting"))
    gone = weakref.ref(workspace)
    del workspace
    gc.collect()
    assert gone() is None


def test_context_keeps_the_users_order_and_slot_choices() -> None:
    analysis = hand_built_analysis()
    ids = [s.id for s in analysis.sections]
    chosen = [
        ChosenSection(ids[2]),
        ChosenSection(ids[0], slot="proposals"),
        ChosenSection(ids[1]),
        ChosenSection(ids[4], slot="no-such-slot"),
    ]
    briefing = briefing_for(
        analysis, KOREA, sections=chosen, figures=[analysis.figures[2].id, analysis.figures[0].id]
    )
    context = build_context(
        Workspace([analysis]), briefing, LIBRARY.get("embassy-meeting"), today=dt.date(2025, 2, 3)
    )
    assert [s["id"] for s in context["sections"]] == [ids[2], ids[0], ids[1], ids[4]]
    assert [s["slot"] for s in context["sections"]] == [
        "talking-points",
        "proposals",
        "proposals",
        "cooperation",
    ]
    assert [s["id"] for s in context["by_slot"]["proposals"]] == [ids[0], ids[1]]
    assert [slot["id"] for slot in context["slots"]] == [
        "background",
        "cooperation",
        "proposals",
        "talking-points",
    ]
    assert [f["text"] for f in context["figures"]] == [
        "khoảng trên 4.814 tỷ đồng",
        "trên 610 dự án",
    ]
    first = context["figures"][1]
    assert first["sentence"].startswith("Lũy kế") and first["sentence"].endswith("12,4 tỷ USD.")
    assert "<b>trên 610 dự án FDI</b>" in first["sentence_html"]
    assert first["clause"] == "toàn tỉnh đã thu hút được trên 610 dự án FDI"
    assert first["source"] == "Tổng kết công tác ngoại giao kinh tế năm 2024"
    # Only chosen figures are marked in the section text.
    assert context["sections"][1]["html"].count("<b>") == 1
    assert context["today"] == dt.date(2025, 2, 3)
    assert context["briefing"]["meeting"]["date_text"] == "ngày 05 tháng 02 năm 2025"


@pytest.mark.parametrize(
    ("sentence", "surface", "caption"),
    [
        (  # "so với" belongs to the figure: no dangling "so"
            "Riêng doanh thu từ vải thiều năm 2024 ước đạt khoảng trên 4.814 tỷ đồng, "
            "tăng hơn 156 tỷ đồng so với năm 2023.",
            "hơn 156 tỷ đồng",
            "tăng hơn 156 tỷ đồng so với năm 2023",
        ),
        (  # an ellipsis before a capital ends the sentence the tokenizer kept whole
            "Thị trường xuất khẩu được mở rộng tới hầu hết các khu vực trên thế giới… "
            "Bắc Giang luôn duy trì trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước về FDI.",
            "10 tỉnh, thành phố",
            "Bắc Giang luôn duy trì trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước về FDI",
        ),
        (  # …but not an ellipsis inside a list ("Ấn Độ, Nga… và")
            "Các đối tác lớn như Ấn Độ, Nga… đã ký hơn 170 thỏa thuận hợp tác.",
            "hơn 170 thỏa thuận",
            "Nga… đã ký hơn 170 thỏa thuận hợp tác",
        ),
    ],
)
def test_figure_caption_is_the_clause_that_explains_it(
    sentence: str, surface: str, caption: str
) -> None:
    from briefing_studio.templating.context import _clause

    start = sentence.index(surface)
    assert _clause(sentence, start, start + len(surface)) == caption


def test_glossary_holds_only_abbreviations_in_the_chosen_text() -> None:
    analysis = hand_built_analysis()
    ids = [s.id for s in analysis.sections]
    briefing = briefing_for(analysis, KOREA, sections=[ChosenSection(ids[3])], figures=[])
    context = build_context(Workspace([analysis]), briefing, LIBRARY.get("embassy-meeting"))
    assert context["glossary"] == [{"short": "NGKT", "expansion": "ngoại giao kinh tế"}]
    everything = build_context(
        Workspace([analysis]), briefing_for(analysis, KOREA), LIBRARY.get("embassy-meeting")
    )
    assert [g["short"] for g in everything["glossary"]] == ["FDI", "NGKT"]  # no ODA


def test_sources_lists_only_sources_something_was_chosen_from() -> None:
    used, unused = hand_built_analysis(), hand_built_analysis()
    unused.source = replace(unused.source, blocks=(SourceBlock("Khác."),), name="khac.txt")
    briefing = briefing_for(used, KOREA)
    context = build_context(Workspace([unused, used]), briefing, LIBRARY.get("handout"))
    assert [s["name"] for s in context["sources"]] == ["ngkt-2024.txt"]
    assert context["sources"][0]["author"] == "Diệu Hoa"


def test_a_section_missing_from_the_sources_is_a_briefing_error() -> None:
    analysis = hand_built_analysis()
    briefing = briefing_for(analysis, KOREA, sections=[ChosenSection("feedbeef0000/s9")])
    with pytest.raises(BriefingError) as caught:
        build_context(Workspace([analysis]), briefing, LIBRARY.get("embassy-meeting"))
    assert "feedbeef0000/s9" in caught.value.message("vi")


# The three templates ---------------------------------------------------------------------------


def test_secretary_renders_embassy_briefing_with_motto_parts_and_figures_table() -> None:
    analysis = hand_built_analysis()
    document = make_document(
        Workspace([analysis]), briefing_for(analysis, KOREA), LIBRARY.get("embassy-meeting")
    )
    assert headings(document.blocks) == [
        "I. Thông tin chung",
        "II. Tình hình quan hệ hợp tác",
        "III. Số liệu nổi bật",
        "IV. Đề xuất, kiến nghị",
        "V. Gợi ý nội dung trao đổi",
    ]
    assert headings(document.blocks, 2) == ["Nguồn tài liệu", "Chữ viết tắt"]
    (letterhead,) = tables(document, "letterhead")
    left, right = letterhead.rows[0].cells
    assert [plain_text(p.inlines) for p in left.blocks] == [
        "BỘ NGOẠI GIAO",
        "VỤ TỔNG HỢP KINH TẾ",
        "Số: 12/TTr-TH",
    ]
    assert [p.style for p in right.blocks] == ["motto", "motto-sub", "place-date"]
    assert plain_text(right.blocks[0].inlines) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert plain_text(right.blocks[1].inlines) == "Độc lập - Tự do - Hạnh phúc"
    assert re.fullmatch(
        r"Hà Nội, ngày \d\d? tháng \d\d? năm \d{4}", plain_text(right.blocks[2].inlines)
    )
    title = next(b for b in document.blocks if isinstance(b, Paragraph) and b.style == "title")
    assert plain_text(title.inlines) == "TÀI LIỆU PHỤC VỤ BUỔI TIẾP ĐẠI SỨ HÀN QUỐC"
    (figures,) = tables(document, "figures")
    assert figures.header_rows == 1
    assert [plain_text(c.inlines) for c in figures.rows[0].cells] == [
        "STT",
        "Số liệu",
        "Nội dung",
        "Nguồn",
    ]
    assert [plain_text(r.cells[1].inlines) for r in figures.rows[1:]] == [
        "trên 610 dự án",
        "trên 12,4 tỷ USD",
        "khoảng trên 4.814 tỷ đồng",
    ]
    text = all_text(document)
    assert "Ngài Đại sứ Hàn Quốc tại Việt Nam" in text
    assert "quan hệ hợp tác Việt Nam – Hàn Quốc" in text
    assert NO_CONTENT not in text
    assert document.info.title == "Tài liệu phục vụ buổi tiếp Đại sứ Hàn Quốc"
    assert document.info.author == "Vụ Tổng hợp kinh tế"
    assert document.page == get_preset("nd30").page


def test_secretary_renders_province_briefing_with_province_parts() -> None:
    analysis = hand_built_analysis()
    document = make_document(
        Workspace([analysis]), briefing_for(analysis, BAC_GIANG), LIBRARY.get("province-meeting")
    )
    assert headings(document.blocks) == [
        "I. Thông tin chung",
        "II. Tình hình hợp tác của địa phương",
        "III. Kết quả nổi bật",
        "IV. Kiến nghị của địa phương",
        "V. Nội dung đề nghị trao đổi",
    ]
    (figures,) = tables(document, "figures")
    assert figures.header_rows == 1 and len(figures.rows) == 1 + len(FIGURES)
    text = all_text(document)
    assert "TÀI LIỆU PHỤC VỤ BUỔI LÀM VIỆC VỚI TỈNH BẮC GIANG" in text
    assert "Địa phương: tỉnh Bắc Giang." in text
    assert document.info.title == "Tài liệu phục vụ buổi làm việc với tỉnh Bắc Giang"


def test_official_prints_handout_with_key_figures_panel_and_short_sections() -> None:
    analysis = hand_built_analysis()
    document = make_document(
        Workspace([analysis]), briefing_for(analysis, KOREA), LIBRARY.get("handout")
    )
    assert headings(document.blocks, 2) == [
        "Bối cảnh",
        "Kết quả nổi bật",
        "Đề xuất, kiến nghị",
        "Định hướng thời gian tới",
    ]
    panel = next(b for b in document.blocks if isinstance(b, Division))
    assert panel.style == "key-figures"
    (grid,) = [b for b in panel.blocks if isinstance(b, Table)]
    numbers = [plain_text(c.blocks[0].inlines) for row in grid.rows for c in row.cells if c.blocks]
    assert numbers == ["trên 610 dự án", "trên 12,4 tỷ USD", "khoảng trên 4.814 tỷ đồng"]
    text = all_text(document)
    assert "Các đối tác thương mại lớn nhất" in text  # the second sentence of a lead
    assert text.rstrip().endswith("Nguồn: Tổng kết công tác ngoại giao kinh tế năm 2024.")
    assert document.page == get_preset("handout").page
    assert document.styles["big-number"].size == 16


@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting", "handout"])
def test_source_markup_stays_literal_text_in_the_document(template_id: str) -> None:
    analysis = hand_built_analysis()
    document = make_document(
        Workspace([analysis]), briefing_for(analysis, KOREA), LIBRARY.get(template_id)
    )
    assert "nhà đầu tư <b>tiềm năng</b> & uy tín" in all_text(document)


@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting"])
def test_empty_briefing_leaves_empty_parts_out_instead_of_a_placeholder(template_id: str) -> None:
    analysis = hand_built_analysis()
    briefing = Briefing(sources=[analysis.source], template=template_id)
    document = make_document(Workspace([analysis]), briefing, LIBRARY.get(template_id))
    # Only the part with generated talking points is left, numbered I: no gap in the numbers.
    assert [h[:3] for h in headings(document.blocks)] == ["I. "]
    assert NO_CONTENT not in all_text(document)
    assert not tables(document, "glossary")  # appendices without content are left out
    assert "Hà Nội, ngày" in all_text(document)


def test_empty_handout_has_no_placeholder() -> None:
    analysis = hand_built_analysis()
    briefing = Briefing(sources=[analysis.source], template="handout")
    document = make_document(Workspace([analysis]), briefing, LIBRARY.get("handout"))
    assert NO_CONTENT not in all_text(document)
    assert not headings(document.blocks, 2)


def test_unsaved_text_goes_the_same_road_as_an_export() -> None:
    analysis = hand_built_analysis()
    briefing = briefing_for(analysis, KOREA, template="handout")
    template = LIBRARY.get("embassy-meeting")  # a briefing may be rendered with another one
    saved = make_document(Workspace([analysis]), briefing, template)
    entry = template.entry_path.read_text(encoding="utf-8")
    typed = entry.replace("{{ briefing.title|upper_vi }}", "{{ briefing.template }}")
    edited = make_document(
        Workspace([analysis]), briefing, template, overlay={"briefing.html.j2": typed}
    )
    # The context names the template in use; everything else is the export's document.
    assert '<p class="title">embassy-meeting</p>' in edited.markup
    assert edited.info == saved.info and edited.page == saved.page
    assert edited.styles == saved.styles and edited.blocks[1:] != saved.blocks[1:]
    assert template.entry_path.read_text(encoding="utf-8") == entry  # nothing was saved


def test_markup_a_template_gets_wrong_is_shown_with_its_line() -> None:
    analysis = hand_built_analysis()
    template = LIBRARY.get("handout")
    broken = "<p>một</p>\n<blink>hai</blink>\n"
    with pytest.raises(MarkupProblem) as caught:
        make_document(
            Workspace([analysis]),
            briefing_for(analysis, KOREA),
            template,
            overlay={"briefing.html.j2": broken},
        )
    assert caught.value.markup == broken.strip()  # Jinja drops the final newline
    assert caught.value.markup_line == "<blink>hai</blink>"


@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting"])
def test_decree_30_templates_use_times_new_roman_13_to_14_pt(template_id: str) -> None:
    styles = LIBRARY.get(template_id).manifest.merged_styles()  # type: ignore[union-attr]
    assert styles["body"].font == "Times New Roman" and styles["body"].size in (13, 14)
    assert styles["motto"].bold and styles["motto"].uppercase and styles["motto"].size in (12, 13)
    assert styles["motto-sub"].bold and styles["motto-sub"].underline
    assert styles["place-date"].italic
    assert styles["letterhead"].border is False and styles["figures"].border is True


# The real seed texts, once the analysis layer is there ---------------------------------------


@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting", "handout"])
def test_seed_texts_render_through_every_template(template_id: str) -> None:
    analysis_module = pytest.importorskip("briefing_studio.analysis")
    sources_module = pytest.importorskip("briefing_studio.sources")
    if not hasattr(analysis_module, "analyze") or not hasattr(sources_module, "load_source"):
        pytest.skip("analysis/sources layers not available yet")
    from briefing_studio import paths

    analyses = [analysis_module.analyze(sources_module.load_source(p)) for p in paths.seed_files()]
    briefing = Briefing(
        sources=[a.source for a in analyses],
        sections=[ChosenSection(s.id) for a in analyses for s in a.sections],
        figures=[f.id for a in analyses for f in a.figures if f.kind != "date"],
        meeting=Meeting(
            counterpart=BAC_GIANG if template_id == "province-meeting" else KOREA, date="2025-02-05"
        ),
        agency=Agency(parent="Bộ Ngoại giao", name="Vụ Tổng hợp kinh tế"),
        template=template_id,
    )
    document = make_document(Workspace(analyses), briefing, LIBRARY.get(template_id))
    text = all_text(document)
    assert "hơn 170 thỏa thuận" in text  # among the handout's first nine figures too
    if template_id == "handout":
        (grid,) = tables(document, "key-figures-grid")
        assert sum(1 for row in grid.rows for cell in row.cells if cell.blocks) == 9
    else:
        assert "trên 12,4 tỷ USD" in text and "khoảng trên 4.814 tỷ đồng" in text
        (figures,) = tables(document, "figures")
        assert figures.header_rows == 1 and len(figures.rows) == 1 + len(briefing.figures)
        assert "Chữ viết tắt" in headings(document.blocks, 2)
