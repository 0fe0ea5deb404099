"""What a rendered briefing says in front of a guest: honorifics, province names, figures, gaps.

The seeds are rendered with every template and every kind of counterpart (a country, a
province, a name nobody knows, none): no placeholder, no honorific that does not fit, and a
PDF outline whose levels are the heading levels.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pypdf
import pytest

from briefing_studio.briefing import Agency
from briefing_studio.document import Division, Heading, plain_text
from briefing_studio.export import default_stem, export_briefing
from briefing_studio.paths import seed_files
from briefing_studio.selection import new_briefing, resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.templating.filters import figure
from briefing_studio.workspace import Workspace
from seed_helpers import text_source
from writer_fixtures import docx_paragraph_texts, normalise, pdf_page_texts

LIBRARY = TemplateLibrary(None)
TEMPLATES = ("embassy-meeting", "province-meeting", "handout")
COUNTERPARTS = {"country": "Hàn Quốc", "province": "Bắc Giang", "unknown": "Xứ Sở Lạ", "none": None}
AGENCY = Agency(parent="BỘ NGOẠI GIAO", name="VỤ TỔNG HỢP KINH TẾ")
PLACEHOLDER = "chưa có nội dung"


@pytest.fixture(scope="module")
def analyses():
    return Workspace.analyze([load_source(path) for path in seed_files()])


def briefing_for(analyses, counterpart: str | None, template: str, date: str | None = None):
    briefing = new_briefing(analyses, "all", resolve_counterpart(counterpart), template=template)
    briefing.agency = Agency(**vars(AGENCY))
    briefing.meeting.date = date
    return briefing


def document_text(document) -> str:
    lines: list[str] = []

    def walk(blocks) -> None:
        for block in blocks:
            if isinstance(block, Division):
                walk(block.blocks)
            elif hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        lines.append(plain_text(cell.inlines))
                        walk(cell.blocks)
            elif hasattr(block, "items"):
                lines.extend(plain_text(item.inlines) for item in block.items)
            elif hasattr(block, "inlines"):
                lines.append(plain_text(block.inlines))

    walk(document.blocks)
    return "\n".join(lines)


def headings(blocks) -> list[tuple[int, str]]:
    found = []
    for block in blocks:
        if isinstance(block, Heading):
            found.append((block.level, " ".join(plain_text(block.inlines).split())))
        elif isinstance(block, Division):
            found.extend(headings(block.blocks))
    return found


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    entries: list[tuple[int, str]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title))

    walk(reader.outline, 0)
    return entries


# Honorifics ----------------------------------------------------------------------------------


def test_a_province_in_the_embassy_template_gets_no_ambassador(analyses) -> None:
    document = make_document(
        analyses,
        briefing_for(analyses, "Bắc Giang", "embassy-meeting", "2024-12-20"),
        LIBRARY.get("embassy-meeting"),
    )
    text = document_text(document)
    assert "Đại sứ Bắc Giang" not in text and "Đại sứ tỉnh" not in text
    assert "Ngài Đại sứ" not in text  # the guest is a province: no ambassador anywhere
    assert "Khách: tỉnh Bắc Giang." in text


def test_a_country_in_the_province_template_is_not_called_a_locality(analyses) -> None:
    document = make_document(
        analyses,
        briefing_for(analyses, "Hàn Quốc", "province-meeting"),
        LIBRARY.get("province-meeting"),
    )
    text = document_text(document)
    assert "Địa phương: Hàn Quốc" not in text and "lãnh đạo Hàn Quốc" not in text
    assert "Đối tác: Hàn Quốc." in text


def test_an_unknown_counterpart_gets_no_honorific_and_a_neutral_title(analyses) -> None:
    document = make_document(
        analyses,
        briefing_for(analyses, "Xứ Sở Lạ", "embassy-meeting"),
        LIBRARY.get("embassy-meeting"),
    )
    text = document_text(document)
    assert "Đại sứ Xứ Sở Lạ" not in text and "Ngài Đại sứ" not in text
    assert "Tài liệu phục vụ buổi làm việc với Xứ Sở Lạ" == document.info.title


# Province names follow the meeting's date ------------------------------------------------------


@pytest.mark.parametrize("template", TEMPLATES)
def test_before_the_merger_a_province_is_named_as_it_was(analyses, template: str) -> None:
    briefing = briefing_for(analyses, "Bắc Giang", template, "2024-12-20")
    document = make_document(analyses, briefing, LIBRARY.get(template))
    assert document.info.title == "Tài liệu phục vụ buổi làm việc với tỉnh Bắc Giang"
    assert "(cũ)" not in document_text(document)
    assert default_stem(briefing) == "briefing-bac-giang-2024-12-20"


@pytest.mark.parametrize("template", TEMPLATES)
def test_after_the_merger_a_former_province_is_named_with_its_current_one(
    analyses, template: str
) -> None:
    briefing = briefing_for(analyses, "Bắc Giang", template, "2025-08-01")
    document = make_document(analyses, briefing, LIBRARY.get(template))
    expected = "tỉnh Bắc Ninh (bao gồm địa bàn tỉnh Bắc Giang trước đây)"
    assert document.info.title == f"Tài liệu phục vụ buổi làm việc với {expected}"
    text = document_text(document)
    assert "(cũ)" not in text
    if template == "handout":  # the handout's heading is the title itself
        assert document.info.title in text
    else:
        assert expected.upper() in text  # the title line, in capitals
    assert default_stem(briefing) == "briefing-bac-ninh-bac-giang-2025-08-01"


def test_after_the_merger_later_sentences_name_the_current_province_briefly(analyses) -> None:
    briefing = briefing_for(analyses, "Bắc Giang", "province-meeting", "2025-08-01")
    text = document_text(make_document(analyses, briefing, LIBRARY.get("province-meeting")))
    assert "Địa phương: tỉnh Bắc Ninh (bao gồm địa bàn tỉnh Bắc Giang trước đây)." in text
    assert "hợp tác quốc tế và ngoại giao kinh tế của tỉnh Bắc Ninh thời gian qua" in text


def test_the_document_date_decides_when_the_meeting_has_none(analyses) -> None:
    briefing = briefing_for(analyses, "Bắc Giang", "province-meeting")
    briefing.issued = "2025-03-01"
    document = make_document(analyses, briefing, LIBRARY.get("province-meeting"))
    assert "Địa phương: tỉnh Bắc Giang." in document_text(document)


# Figures keep the precision of their source ----------------------------------------------------

PRECISION_TEXT = (
    "Kim ngạch đạt 25,469 tỷ USD, 25,46 tỷ USD, 25,4 tỷ USD và 25 tỷ USD. "
    "Vốn 8,324 triệu USD, 8,32 triệu USD, 8,3 triệu USD và 8 triệu USD. "
    "Doanh thu 4.814,125 tỷ đồng, 4.814,12 tỷ đồng, 4.814,1 tỷ đồng và 4.814 tỷ đồng. "
    "Tăng 6,125%, 6,12%, 6,1% và 6%. "
    "Đường dài 12,755 km, 12,75 km, 12,7 km và 12 km. "
    "Có 1,125 triệu người, 1,12 triệu người, 1,1 triệu người và 1 triệu người."
)


def test_figures_are_printed_with_every_decimal_their_source_gave() -> None:
    from briefing_studio.analysis import analyze

    analysis = analyze(text_source(PRECISION_TEXT))
    written = {f.surface: figure(f) for f in analysis.figures}
    assert len(written) == 24  # 6 units × 0–3 decimals
    for surface, text in written.items():
        assert text == surface, surface


# The seeds with every template and every kind of counterpart ----------------------------------


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("kind", list(COUNTERPARTS))
def test_seed_briefings_have_no_placeholder_no_wrong_honorific_and_a_true_outline(
    analyses, template: str, kind: str, tmp_path: Path
) -> None:
    counterpart = COUNTERPARTS[kind]
    briefing = briefing_for(analyses, counterpart, template, "2024-12-20")
    document = make_document(analyses, briefing, LIBRARY.get(template))
    paths = export_briefing(analyses, briefing, LIBRARY.get(template), ["docx", "pdf"], tmp_path)
    docx_path, pdf_path = sorted(paths, key=lambda p: p.suffix)
    docx_text = normalise(" ".join(docx_paragraph_texts(docx_path.read_bytes())))
    pdf_text = normalise(" ".join(pdf_page_texts(pdf_path.read_bytes())))
    for text in (docx_text, pdf_text):
        assert PLACEHOLDER not in text
        if kind != "country" and counterpart:
            assert normalise(f"Đại sứ {counterpart}") not in text
            assert normalise(f"Đại sứ tỉnh {counterpart}") not in text
            assert normalise(f"Đại sứ quán {counterpart}") not in text
        if kind != "province" and counterpart:
            assert normalise(f"Địa phương: {counterpart}") not in text
        if kind == "country" and template == "embassy-meeting":
            assert normalise("Ngài Đại sứ Hàn Quốc tại Việt Nam.") in text
    # Outline depth = heading level − 1; only a document opening below h1 gets its title as
    # the parent of its first headings.
    levels = headings(document.blocks)
    expected = [(level - 1, title) for level, title in levels]
    if levels and levels[0][0] > 1:
        expected.insert(0, (0, document.info.title))
    assert outline(pypdf.PdfReader(str(pdf_path))) == expected
    # Word's navigation pane shows the same levels.
    styles = [p.style.name for p in docx.Document(str(docx_path)).paragraphs]
    assert [s for s in styles if s.startswith("Heading")] == [f"Heading {lv}" for lv, _ in levels]


def test_two_handout_h2_sections_are_siblings_in_the_pdf_outline(analyses, tmp_path: Path) -> None:
    briefing = briefing_for(analyses, "Bắc Giang", "handout")
    (pdf,) = export_briefing(analyses, briefing, LIBRARY.get("handout"), ["pdf"], tmp_path)
    entries = outline(pypdf.PdfReader(str(pdf)))
    names = [title for depth, title in entries if depth == 1]
    assert "Bối cảnh" in names and "Kết quả nổi bật" in names


# The letterhead and the file's author without an agency -----------------------------------------


@pytest.mark.parametrize("template", ["embassy-meeting", "province-meeting"])
def test_without_an_agency_no_empty_header_block_and_no_author(
    analyses, template: str, tmp_path: Path
) -> None:
    briefing = briefing_for(analyses, "Hàn Quốc", template)
    briefing.agency = Agency()
    document = make_document(analyses, briefing, LIBRARY.get(template))
    letterheads = [b for b in document.blocks if getattr(b, "style", None) == "letterhead"]
    assert letterheads == []  # the motto stands alone, no half-empty two-column block
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document_text(document)
    (pdf,) = export_briefing(analyses, briefing, LIBRARY.get(template), ["pdf"], tmp_path)
    metadata = pypdf.PdfReader(str(pdf)).metadata
    assert "/Author" not in metadata and metadata.title


def test_with_an_agency_the_pdf_names_it_as_author(analyses, tmp_path: Path) -> None:
    briefing = briefing_for(analyses, "Hàn Quốc", "embassy-meeting")
    (pdf,) = export_briefing(analyses, briefing, LIBRARY.get("embassy-meeting"), ["pdf"], tmp_path)
    assert pypdf.PdfReader(str(pdf)).metadata.author == "VỤ TỔNG HỢP KINH TẾ"


# Details end like sentences ----------------------------------------------------------------------


@pytest.mark.parametrize("template", ["embassy-meeting", "province-meeting"])
@pytest.mark.parametrize("purpose", ["Trao đổi về hợp tác", "Trao đổi về hợp tác."])
def test_every_detail_line_ends_with_one_full_stop(analyses, template: str, purpose: str) -> None:
    briefing = briefing_for(analyses, "Hàn Quốc", template)
    briefing.meeting.purpose = purpose
    briefing.meeting.place = "Trụ sở Bộ Ngoại giao"
    text = document_text(make_document(analyses, briefing, LIBRARY.get(template)))
    assert "Mục đích: Trao đổi về hợp tác.\n" in text + "\n"
    assert "Địa điểm: Trụ sở Bộ Ngoại giao.\n" in text + "\n"
    assert ".." not in text.replace("…", "")


def test_meeting_date_shapes_the_counterpart_label_in_the_context(analyses) -> None:
    from briefing_studio.templating import build_context

    briefing = briefing_for(analyses, "Bắc Giang", "province-meeting", "2025-07-01")
    counterpart = build_context(analyses, briefing, LIBRARY.get("province-meeting"))["counterpart"]
    assert counterpart["former"] and counterpart["successor"] == "tỉnh Bắc Ninh"
    assert counterpart["known"] and counterpart["kind"] == "province"
    assert counterpart["own_label"] == "tỉnh Bắc Giang"
    assert dt.date(2025, 7, 1).isoformat() == briefing.meeting.date
