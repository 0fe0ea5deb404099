"""Charts: chosen figures forming a series → a chart in the handout, vector in the PDF and a
print-resolution picture with alt text in the DOCX."""

from __future__ import annotations

import io
import re
import zipfile

import pypdf
import pytest
from PIL import Image

from briefing_studio.document import Chart, Division
from briefing_studio.errors import BriefingError
from briefing_studio.render.chart_drawing import chart_png
from briefing_studio.render.docx_writer import docx_bytes
from briefing_studio.render.pdf_writer import pdf_bytes
from briefing_studio.selection import new_briefing
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.templating.charts import chart, figure_series
from briefing_studio.templating.context import build_context
from briefing_studio.templating.markup import parse_markup
from briefing_studio.workspace import Workspace
from seed_helpers import text_source
from writer_fixtures import normalise, pdf_page_texts

EXPORTS = (
    "Sáng 15/3/2025, Sở Công Thương tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác xuất khẩu.\n"
    "Năm 2022, tổng kim ngạch xuất khẩu của tỉnh đạt 10,1 tỷ USD. Năm 2023, tổng kim ngạch "
    "xuất khẩu của tỉnh đạt 11,3 tỷ USD. Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt "
    "12,4 tỷ USD.\nTỉnh đề nghị Bộ Ngoại giao hỗ trợ xúc tiến thương mại tại thị trường mới.\n"
)
BY_PROVINCE = (
    "Sáng 15/3/2025, hội nghị xúc tiến đầu tư vùng.\n"
    "Vốn FDI đăng ký vào Bắc Ninh đạt 5,2 tỷ USD, vào Hải Phòng đạt 3,1 tỷ USD.\n"
    "Vốn FDI đăng ký vào Quảng Ninh đạt 1,4 tỷ USD.\n"
)
SHARES = (
    "Sáng 15/3/2025, báo cáo cơ cấu thị trường xuất khẩu.\n"
    "Hoa Kỳ chiếm 45% kim ngạch. Trung Quốc chiếm 30% kim ngạch. Nhật Bản chiếm 25% kim ngạch.\n"
)


def _context(text: str, template: str = "handout"):
    analyses = Workspace.analyze([text_source(text, "xuat-khau.txt")])
    briefing = new_briefing(analyses, "all", None, template=template)
    library = TemplateLibrary(None)
    return briefing, analyses, build_context(analyses, briefing, library.get(template))


def test_a_value_per_year_is_a_line_series_with_caption_and_source() -> None:
    _, _, context = _context(EXPORTS)
    series = context["series"]
    assert series["kind"] == "line"
    assert series["labels"] == ["2022", "2023", "2024"]
    assert series["texts"] == ["10,1 tỷ USD", "11,3 tỷ USD", "12,4 tỷ USD"]
    assert series["values"] == [10.1e9, 11.3e9, 12.4e9]
    assert series["caption"].startswith("Tổng kim ngạch xuất khẩu của tỉnh (2022–2024). Nguồn:")


def test_a_value_per_province_is_bars_and_shares_of_a_whole_a_pie() -> None:
    _, _, context = _context(BY_PROVINCE)
    assert context["series"]["kind"] == "bar"
    assert context["series"]["labels"] == ["Bắc Ninh", "Hải Phòng", "Quảng Ninh"]
    _, _, context = _context(SHARES)
    assert context["series"]["kind"] == "share"
    assert context["series"]["texts"] == ["45%", "30%", "25%"]


def test_figures_of_different_units_form_no_series() -> None:
    assert figure_series([]) is None
    _, _, context = _context(
        "Năm 2023, tỉnh có 45 dự án FDI.\nNăm 2024, kim ngạch xuất khẩu đạt 12,4 tỷ USD.\n"
    )
    assert context["series"] is None
    assert chart([]) == ""


def test_the_chart_filter_writes_markup_the_parser_reads_back() -> None:
    _, _, context = _context(EXPORTS)
    (block,) = parse_markup(str(chart(context["series"], "bar")))
    assert isinstance(block, Chart) and block.kind == "bar"
    assert block.labels == ["2022", "2023", "2024"]
    assert block.alt_text.endswith("2022: 10,1 tỷ USD; 2023: 11,3 tỷ USD; 2024: 12,4 tỷ USD.")


@pytest.mark.parametrize(
    "data", ["", "{}", '{"kind": "pie", "labels": ["a"], "values": [1]}',
             '{"kind": "bar", "labels": ["a", "b"], "values": [1]}',
             '{"kind": "bar", "labels": ["a"], "values": [-1]}'],
)  # fmt: skip
def test_a_wrong_chart_is_refused_naming_the_problem(data: str) -> None:
    with pytest.raises(BriefingError, match="data-chart"):
        parse_markup(f"<div class=\"chart\" data-chart='{data}'></div>")


def _handout():
    briefing, analyses, _ = _context(EXPORTS)
    return make_document(analyses, briefing, TemplateLibrary(None).get("handout"))


def test_the_handout_offers_the_chart_in_its_key_figures_panel() -> None:
    document = _handout()
    panel = next(b for b in document.blocks if isinstance(b, Division))
    assert panel.style == "key-figures"
    charts = [b for b in panel.blocks if isinstance(b, Chart)]
    assert [c.labels for c in charts] == [["2022", "2023", "2024"]]


def test_the_handout_pdf_draws_the_chart_as_vectors_with_vietnamese_values() -> None:
    data = pdf_bytes(_handout())
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    resources = page["/Resources"]
    assert "/XObject" not in resources  # drawn, not a picture
    text = normalise(pdf_page_texts(data)[0])
    for label in ("2022", "2023", "2024", "10,1 tỷ usd", "12,4 tỷ usd"):
        assert label in text
    assert "tổng kim ngạch xuất khẩu của tỉnh (2022–2024). nguồn:" in text


def test_the_handout_docx_has_the_chart_as_a_300_dpi_picture_with_alt_text() -> None:
    document = _handout()
    package = zipfile.ZipFile(io.BytesIO(docx_bytes(document)))
    (media,) = [n for n in package.namelist() if n.startswith("word/media/")]
    image = Image.open(io.BytesIO(package.read(media)))
    assert round(image.info["dpi"][0]) == 300
    body = package.read("word/document.xml").decode()
    (descr,) = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    assert "Tổng kim ngạch xuất khẩu của tỉnh (2022–2024)" in descr
    assert descr.endswith("2022: 10,1 tỷ USD; 2023: 11,3 tỷ USD; 2024: 12,4 tỷ USD.")
    # The picture is printed at its column's width: pixels = inches × 300.
    extent = re.search(r'<wp:extent cx="(\d+)"', body)
    inches = int(extent.group(1)) / 914400
    assert abs(image.width - inches * 300) <= 2


def test_the_png_and_the_vector_drawing_share_one_geometry() -> None:
    block = Chart("bar", ["2023", "2024"], [1.0, 2.0], ["1 tỷ", "2 tỷ"], "Thử")
    small, large = (Image.open(io.BytesIO(chart_png(block, 400, dpi))) for dpi in (72, 144))
    assert large.size == (small.size[0] * 2, small.size[1] * 2)


def test_a_chosen_table_of_values_per_year_is_a_line_with_its_row_as_caption(tmp_path) -> None:
    from briefing_studio.sources.load import load_source

    page = tmp_path / "xuat-khau.html"
    page.write_text(
        "<html><head><title>Báo cáo xuất khẩu</title></head><body>"
        "<p>Sáng 15/3/2025, Sở Công Thương báo cáo.</p><table>"
        "<tr><th>Chỉ tiêu</th><th>2022</th><th>2023</th><th>2024</th></tr>"
        "<tr><td>Kim ngạch xuất khẩu</td><td>10,1 tỷ USD</td><td>11,3 tỷ USD</td>"
        "<td>12,4 tỷ USD</td></tr></table></body></html>",
        encoding="utf-8",
    )
    workspace = Workspace.analyze([load_source(page)])
    briefing = new_briefing(workspace, "all", None, template="handout")
    context = build_context(workspace, briefing, TemplateLibrary(None).get("handout"))
    [table] = [s for s in context["sections"] if s["kind"] == "table"]
    series = figure_series(table["figures"])
    assert series is not None
    assert (series["kind"], series["labels"]) == ("line", ["2022", "2023", "2024"])
    assert series["texts"] == ["10,1 tỷ USD", "11,3 tỷ USD", "12,4 tỷ USD"]
    assert series["caption"].startswith("Kim ngạch xuất khẩu (2022–2024). Nguồn: ")
    assert 'data-chart="' in str(chart(table["figures"]))
