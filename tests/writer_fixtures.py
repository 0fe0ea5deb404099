"""Hand-built ``Document``s for the writer tests: what a template would produce, without one.

``nd30_document`` is an administrative report in the Decree 30 layout (letterhead, motto, title,
headings, lists, a 60-row table, a key-figures panel, a page break); ``handout_document`` a
two-page printed handout. Both carry every Vietnamese letter and tone.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import pypdf
from lxml import etree

from briefing_studio.document import (
    Block,
    Cell,
    Division,
    Document,
    DocumentInfo,
    Heading,
    LineBreak,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Row,
    Run,
    StyleSpec,
    Table,
    plain_text,
)
from briefing_studio.presets import get_preset

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
VOWELS = "aăâeêioôơuưy"


def every_toned_vowel(upper: bool = False) -> str:
    """All 72 vowel+tone letters, one word per vowel: "aàáảãạ ăằắẳẵặ …"."""
    words = []
    for vowel in VOWELS:
        base = vowel.upper() if upper else vowel
        words.append("".join(unicodedata.normalize("NFC", base + tone) for tone in TONES))
    return " ".join(words)


# A sentence a reader would write, with ă â đ ê ô ơ ư and all five tones.
PANGRAM = (
    "Đồng chí Phương ở Bắc Giang đã ký thỏa thuận với đối tác Hàn Quốc, "
    "mở rộng hợp tác về nông nghiệp, giáo dục và chuyển đổi số; "
    "những người dân vùng xa cũng được hưởng lợi từ dự án ấy."
)
TRICKY = 'Tỷ lệ < 5% & lợi nhuận > 7% theo "Kế hoạch 2025" của Sở Kế hoạch & Đầu tư.'
HEADER_CELLS = ("STT", "Địa phương", "Số dự án", "Vốn đăng ký (triệu USD)")
PROVINCES = (
    "Bắc Giang",
    "Bắc Ninh",
    "Hải Phòng",
    "Quảng Ninh",
    "Thái Nguyên",
    "Vĩnh Phúc",
    "Hà Nam",
    "Nghệ An",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Khánh Hòa",
    "Đồng Nai",
    "Bình Dương",
    "Long An",
    "Cần Thơ",
)


def run(text: str, **kw: object) -> Run:
    return Run(text, **kw)  # type: ignore[arg-type]


def para(*inlines: Run | LineBreak | str, style: str | None = None) -> Paragraph:
    return Paragraph([run(i) if isinstance(i, str) else i for i in inlines], style=style)


def cell(text: str, header: bool = False, **kw: object) -> Cell:
    parts: list[Run | LineBreak] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append(LineBreak())
        parts.append(Run(line))
    return Cell(parts, header=header, **kw)  # type: ignore[arg-type]


def nd30_styles() -> dict[str, StyleSpec]:
    """The nd30 preset's styles plus the classes an administrative template defines."""
    styles = get_preset("nd30").fresh_styles()
    head = dict(
        size=13,
        align="center",
        first_line_indent=0,
        space_before=0,
        space_after=0,
        line_spacing=1.0,
    )
    styles.update(
        {
            "letterhead": StyleSpec("letterhead", border=False),
            "agency": StyleSpec("agency", bold=True, **head),  # type: ignore[arg-type]
            "motto": StyleSpec("motto", bold=True, **{**head, "size": 12}),  # type: ignore[arg-type]
            "place-date": StyleSpec(
                "place-date",
                italic=True,
                size=14,
                align="center",
                first_line_indent=0,
                space_before=6,
                line_spacing=1.0,
            ),
            "doc-title": StyleSpec(
                "doc-title",
                bold=True,
                uppercase=True,
                align="center",
                first_line_indent=0,
                space_before=18,
                space_after=0,
            ),
            "doc-subtitle": StyleSpec(
                "doc-subtitle",
                bold=True,
                align="center",
                first_line_indent=0,
                space_before=0,
                space_after=12,
            ),
            "figures": StyleSpec("figures", border=True),
            "key-figures": StyleSpec(
                "key-figures", border=True, background="#F2F2F2", first_line_indent=0, align="left"
            ),
            "figure-value": StyleSpec("figure-value", bold=True, color="#C00000"),
            "signature": StyleSpec(
                "signature", bold=True, align="right", first_line_indent=0, space_before=24
            ),
        }
    )
    return styles


def letterhead() -> Table:
    return Table(
        rows=[
            Row(
                [
                    cell("BỘ NGOẠI GIAO\nVỤ CHÂU ÂU", style="agency"),
                    cell(
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                        style="motto",
                    ),
                ]
            ),
            Row(
                [
                    cell("Số: 125/BC-CAÂ", style="agency"),
                    cell("Hà Nội, ngày 20 tháng 12 năm 2024", style="place-date"),
                ]
            ),
        ],
        style="letterhead",
        widths=[2, 3],
    )


def figures_table(rows: int) -> Table:
    body = []
    for i in range(1, rows + 1):
        place = f"{PROVINCES[(i - 1) % len(PROVINCES)]} (hàng {i})"
        body.append(
            Row([cell(str(i)), cell(place), cell(str(10 + i * 3)), cell(f"{i * 12},{i % 10}")])
        )
    total = Row(
        [
            cell("Tổng cộng", colspan=2, style="th"),
            cell(str(sum(10 + i * 3 for i in range(1, rows + 1)))),
            cell("—"),
        ]
    )
    header = Row([cell(text, header=True) for text in HEADER_CELLS])
    return Table(rows=[header, *body, total], style="figures", widths=[1, 4, 2, 3])


def figure_grid() -> Table:
    """Key figures as a borderless grid: each cell holds only extra paragraphs (no runs)."""
    figures = [
        ("12,4 tỷ USD", "kim ngạch thương mại"),
        ("4.814", "dự án còn hiệu lực"),
        ("15,2%", "tăng so với năm trước"),
        ("hơn 170", "thỏa thuận hợp tác"),
    ]
    cells = [
        Cell([], blocks=[para(value, style="big-number"), para(caption, style="figure-caption")])
        for value, caption in figures
    ]
    return Table(rows=[Row(cells[:2]), Row(cells[2:])], style="figure-grid")


def key_figures() -> Division:
    return Division(
        blocks=[
            para(run("Số liệu chính", bold=True)),
            para(
                "Kim ngạch thương mại song phương đạt ",
                run("trên 12,4 tỷ USD", style="figure-value"),
                ", tăng ",
                run("15,2%", style="figure-value"),
                " so với năm trước.",
            ),
            para("Có ", run("4.814 dự án", style="figure-value"), " còn hiệu lực."),
        ],
        style="key-figures",
    )


def nd30_blocks(table_rows: int = 60) -> list[Block]:
    """The body of the ND30 report; ``table_rows`` sizes the long table."""
    return [
        letterhead(),
        para("Báo cáo", style="doc-title"),
        para("Về kết quả hợp tác kinh tế với các đối tác châu Âu năm 2024", style="doc-subtitle"),
        Heading(1, [run("I. Tình hình chung")]),
        para(run("Năm 2024, ", bold=True), "quan hệ hợp tác tiếp tục phát triển. ", PANGRAM),
        para("Chữ thường: ", every_toned_vowel(), " đ."),
        para("Chữ hoa: ", every_toned_vowel(upper=True), " Đ."),
        para(TRICKY),
        Heading(2, [run("1. Hợp tác kinh tế")]),
        para(
            "Các kết quả nổi bật:",
            LineBreak(),
            run("nhấn mạnh", italic=True),
            " và ",
            run("gạch chân", underline=True),
            ".",
        ),
        ListBlock(
            ordered=False,
            items=[
                ListItem([run("Thương mại song phương tăng trưởng ổn định.")]),
                ListItem(
                    [
                        run("Đầu tư trực tiếp nước ngoài ("),
                        run("FDI", bold=True),
                        run(") tăng mạnh."),
                    ],
                    children=[
                        ListBlock(
                            ordered=False,
                            items=[
                                ListItem([run("Ưu tiên công nghệ cao.")]),
                                ListItem([run("Ưu tiên năng lượng tái tạo.")]),
                            ],
                        )
                    ],
                ),
                ListItem([run("Hợp tác giáo dục, y tế được mở rộng.")]),
            ],
        ),
        Heading(3, [run("a) Nhiệm vụ trọng tâm")]),
        ListBlock(
            ordered=True,
            items=[
                ListItem([run("Hoàn thiện khung pháp lý.")]),
                ListItem(
                    [run("Thúc đẩy ký kết các thỏa thuận mới.")],
                    children=[
                        ListBlock(
                            ordered=True,
                            items=[
                                ListItem([run("Với Cộng hòa Liên bang Đức.")]),
                                ListItem([run("Với Cộng hòa Pháp.")]),
                            ],
                        )
                    ],
                ),
                ListItem([run("Tổ chức diễn đàn doanh nghiệp.")]),
            ],
        ),
        key_figures(),
        PageBreak(),
        Heading(1, [run("II. Số liệu theo địa phương")]),
        para("Bảng dưới đây liệt kê số dự án và vốn đăng ký theo từng địa phương."),
        figures_table(table_rows),
        Heading(2, [run("2. Kiến nghị")]),
        para("Đề nghị các bộ, ngành tiếp tục phối hợp chặt chẽ để triển khai hiệu quả."),
        para(
            "Nơi nhận:",
            LineBreak(),
            "- Như trên;",
            LineBreak(),
            "- Lưu: VT, CAÂ.",
            style="place-date",
        ),
        para("VỤ TRƯỞNG", style="signature"),
    ]


def nd30_document(table_rows: int = 60) -> Document:
    preset = get_preset("nd30")
    return Document(
        blocks=nd30_blocks(table_rows),
        info=DocumentInfo(
            title="Báo cáo hợp tác kinh tế châu Âu 2024",
            author="Vụ Châu Âu",
            subject="Hợp tác kinh tế",
            keywords=["châu Âu", "FDI", "Bắc Giang"],
        ),
        page=preset.fresh_page(),
        styles=nd30_styles(),
    )


def handout_document() -> Document:
    """A printed handout: title, key figures, a short table, "Trang X/Y" at the bottom."""
    preset = get_preset("handout")
    styles = preset.fresh_styles()
    styles.update(
        {
            "doc-title": StyleSpec(
                "doc-title",
                font="Arial",
                size=16,
                bold=True,
                align="center",
                first_line_indent=0,
                space_after=6,
            ),
            "key-figures": StyleSpec(
                "key-figures", border=False, background="#DDEBF7", first_line_indent=0
            ),
            "figure-value": StyleSpec("figure-value", bold=True, color="#1F4E79"),
            "panel-title": StyleSpec("panel-title", bold=True, uppercase=True, align="center"),
            "figure-grid": StyleSpec("figure-grid", border=False, align="center"),
            "big-number": StyleSpec("big-number", size=16, bold=True, align="center"),
            "figure-caption": StyleSpec("figure-caption", size=9.5, align="center"),
        }
    )
    blocks: list[Block] = [
        para("Thông tin tham khảo: Đại sứ quán Cộng hòa Pháp", style="doc-title"),
        key_figures(),
        Division(
            blocks=[para("Số liệu nổi bật", style="panel-title"), figure_grid()],
            style="key-figures",
        ),
        Heading(1, [run("Quan hệ song phương")]),
        para(PANGRAM),
        para(every_toned_vowel(), " — ", every_toned_vowel(upper=True)),
        ListBlock(
            ordered=False,
            items=[ListItem([run(f"Điểm chính số {i}: {PANGRAM}")]) for i in range(1, 6)],
        ),
        Heading(2, [run("Số liệu")]),
        figures_table(25),
        para(TRICKY),
    ]
    return Document(
        blocks=blocks,
        info=DocumentInfo(title="Tài liệu phát tay", author="Vụ Châu Âu"),
        page=preset.fresh_page(),
        styles=styles,
    )


# --- reading the written files back -------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PAGE_NUMBER_LINE = re.compile(r"(Trang )?\d+(/\d+)?")


def block_texts(blocks: list[Block]) -> list[str]:
    """The text of every heading, paragraph, list item and table cell, nested ones too."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(plain_text(block.inlines))
        elif isinstance(block, ListBlock):
            out.extend(_list_texts(block))
        elif isinstance(block, Table):
            for row in block.rows:
                for table_cell in row.cells:
                    out.append(plain_text(table_cell.inlines))
                    out.extend(plain_text(p.inlines) for p in table_cell.blocks)
        elif isinstance(block, Division):
            out.extend(block_texts(block.blocks))
    return [text for text in out if text.strip()]


def _list_texts(block: ListBlock) -> list[str]:
    out = []
    for item in block.items:
        out.append(plain_text(item.inlines))
        for child in item.children:
            out.extend(_list_texts(child))
    return out


def normalise(text: str) -> str:
    """NFC, case-folded (styles may print in capitals), whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def docx_paragraph_texts(data: bytes) -> list[str]:
    """The text of every body paragraph in document order, table cells and panels included."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    texts = []
    for paragraph in root.iter(f"{W}p"):
        parts = []
        for node in paragraph.iter(f"{W}t", f"{W}br", f"{W}tab"):
            parts.append(node.text or "" if node.tag == f"{W}t" else "\n")
        texts.append("".join(parts))
    return texts


def pdf_page_texts(data: bytes) -> list[str]:
    """Each page's text without its page number (drawn last, so the last line)."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        lines = page.extract_text().rstrip("\n").split("\n")
        if lines and _PAGE_NUMBER_LINE.fullmatch(lines[-1].strip()):
            lines.pop()
        pages.append("\n".join(lines))
    return pages


def ruled_agency_document(share: float = 0.4) -> Document:
    """An ND30 page whose agency name has Decree 30's short line under it, in a letterhead
    cell (40 % of the text width) and once more as a free paragraph."""
    document = nd30_document()
    document.styles["ruled"] = StyleSpec("ruled", bold=True, align="center", rule_below=share)
    agency = Cell([], blocks=[para("BỘ NGOẠI GIAO"), para("VỤ CHÂU ÂU", style="ruled")])
    head = Table(rows=[Row([agency, cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")])], widths=[2, 3])
    document.blocks = [head, para("VỤ CHÂU ÂU", style="ruled"), para("Nội dung.")]
    return document
