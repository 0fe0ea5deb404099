"""Tables in a PDF's text layer: found from how the text lines up, kept as one table (over page
breaks too); prose with numbers in it stays prose."""

from __future__ import annotations

from pathlib import Path

from briefing_studio.document import Document
from briefing_studio.render import pdf_bytes
from briefing_studio.sources import load_source
from briefing_studio.sources.model import Table
from briefing_studio.sources.pdf_tables import split_tables
from briefing_studio.templating.markup import parse_markup

LEAD = (
    "Năm 2024, kim ngạch thương mại hai chiều giữa Việt Nam và Hàn Quốc đạt 86,4 tỷ USD, tăng "
    "12,1% so với năm 2023; vốn đầu tư đăng ký mới đạt 3,2 tỷ USD với 420 dự án."
)


def report_pdf(path: Path, body_rows: int) -> Path:
    rows = "".join(
        f"<tr><td>Tỉnh thứ {n}</td><td>{n},1</td><td>{n},2</td></tr>" for n in range(body_rows)
    )
    markup = (
        f"<p>{LEAD}</p>"
        "<table><tr><th>Địa phương</th><th>2023</th><th>2024</th></tr>"
        f"{rows}</table>"
        "<p>Hai bên thống nhất tiếp tục thúc đẩy hợp tác trong lĩnh vực năng lượng sạch.</p>"
    )
    path.write_bytes(pdf_bytes(Document(blocks=parse_markup(markup))))
    return path


def test_a_pdf_table_over_two_pages_is_one_table_with_its_header(tmp_path: Path) -> None:
    source = load_source(report_pdf(tmp_path / "bao-cao.pdf", 60))
    kinds = [b.kind for b in source.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    assert source.blocks[0].text == LEAD
    table = source.blocks[1].table
    assert (table.n_rows, table.n_cols, table.header_rows) == (61, 3, 1)
    rows = [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)]
    assert rows[0] == ["Địa phương", "2023", "2024"]
    assert rows[1] == ["Tỉnh thứ 0", "0,1", "0,2"]
    assert rows[-1] == ["Tỉnh thứ 59", "59,1", "59,2"]


def test_prose_with_numbers_stays_prose(tmp_path: Path) -> None:
    markup = "".join(f"<p>{LEAD} Đợt {n}: 1.250 tỷ đồng, 35,2%.</p>" for n in range(30))
    path = tmp_path / "van-ban.pdf"
    path.write_bytes(pdf_bytes(Document(blocks=parse_markup(markup))))
    assert all(block.kind == "paragraph" for block in load_source(path).blocks)


def test_aligned_lines_become_a_table_and_a_row_wrapped_onto_two_lines_stays_one() -> None:
    page = "\n".join(
        [
            "Kết quả thu hút đầu tư của tỉnh năm 2024 như sau:",
            "    Chỉ tiêu                   2023          2024",
            "    Vốn FDI đăng ký            3,1           4,2",
            "    Số dự án cấp mới           110           125",
            "    Vốn điều chỉnh tăng        1,2           1,9",
            "      (các dự án hiện có)",
            "Tỉnh tiếp tục cải thiện môi trường đầu tư.",
        ]
    )
    items = split_tables(page)
    assert isinstance(items[1], Table) and [type(i) for i in items] == [str, Table, str]
    table = items[1]
    assert table.header_rows == 1
    assert [c.text for c in table.row_cells(3)] == [
        "Vốn điều chỉnh tăng (các dự án hiện có)",
        "1,2",
        "1,9",
    ]
    justified = "\n".join(
        [
            "Năm 2024   tỉnh   thu hút   3,1 tỷ USD   vốn FDI,   tăng   12%   so với năm trước;",
            "trong đó   110   dự án   cấp mới   với   tổng vốn   đăng ký   1,2 tỷ USD.",
        ]
    )
    assert all(isinstance(i, str) for i in split_tables(justified))
