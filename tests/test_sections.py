"""Splitting sources into sections: headings the secretary sees, sentences, stable ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from underthesea import sent_tokenize

from briefing_studio.analysis import sentence_spans, split_sections
from briefing_studio.sources import Block, SourceDocument
from seed_helpers import GOLD, load_seed, text_source


def headings(source: SourceDocument) -> list[tuple[int, str]]:
    sections, _ = split_sections(source)
    return [(s.level, s.text) for s in sections if s.kind == "heading"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_secretary_sees_the_seed_headings_the_editor_marked(name: str) -> None:
    found = [text for _, text in headings(load_seed(name))]
    assert found == GOLD[name]["headings"]


def test_byline_and_source_line_are_not_sections_to_pick() -> None:
    sections, trailer = split_sections(load_seed("ngkt-2024-bac-giang.txt"))
    assert trailer[0] == "Diệu Hoa"
    assert trailer[1].startswith("Nguồn: https://bacgiang.gov.vn/")
    assert sections[-1].text.endswith("trên địa bàn./.")
    assert len(sections) == 10


@pytest.mark.parametrize("name", sorted(GOLD))
def test_section_ids_are_unique_and_the_same_on_every_load(name: str) -> None:
    first, _ = split_sections(load_seed(name))
    again, _ = split_sections(load_seed(name))
    ids = [s.id for s in first]
    assert ids == [s.id for s in again]
    assert len(set(ids)) == len(ids)
    key = load_seed(name).key
    assert ids[0] == f"{key}/s0" and [s.index for s in first] == list(range(len(first)))


def test_editing_the_text_changes_the_ids_so_old_choices_are_not_misapplied() -> None:
    original, _ = split_sections(text_source("Đoạn một.\nĐoạn hai."))
    edited, _ = split_sections(text_source("Đoạn một.\nĐoạn hai đã sửa."))
    assert original[0].id != edited[0].id


def test_numbered_report_headings_get_levels() -> None:
    text = (
        "I. TÌNH HÌNH CHUNG\n1. Kết quả đạt được\nNăm 2024, tỉnh thu hút 50 dự án.\n"
        "2. Hạn chế\nMột số dự án chậm tiến độ.\nII. NHIỆM VỤ NĂM 2025\n"
        "a) Về kinh tế\nTiếp tục cải thiện môi trường đầu tư.\n"
    )
    assert headings(text_source(text)) == [
        (1, "I. TÌNH HÌNH CHUNG"),
        (2, "1. Kết quả đạt được"),
        (2, "2. Hạn chế"),
        (1, "II. NHIỆM VỤ NĂM 2025"),
        (3, "a) Về kinh tế"),
    ]


def test_all_caps_title_and_plain_subheading() -> None:
    text = (
        "BÁO CÁO KẾT QUẢ NGOẠI GIAO KINH TẾ\nNăm 2024 đạt nhiều kết quả.\n"
        "Thu hút đầu tư nước ngoài\nVốn FDI tăng 10%.\n"
    )
    assert headings(text_source(text)) == [
        (1, "BÁO CÁO KẾT QUẢ NGOẠI GIAO KINH TẾ"),
        (2, "Thu hút đầu tư nước ngoài"),
    ]


def test_plain_title_opening_the_text_is_level_one() -> None:
    text = "Ngoại giao kinh tế năm 2024\nChiều 20/12, hội nghị diễn ra tại Hà Nội."
    assert headings(text_source(text)) == [(1, "Ngoại giao kinh tế năm 2024")]


@pytest.mark.parametrize(
    "text",
    [
        "Một đoạn.\nKết luận của hội nghị.\nĐoạn sau.",  # closing full stop
        "Một đoạn.\nCác đối tác gồm:\nMỹ, Nhật Bản.",  # closing colon introduces a list
        "Một đoạn.\nngoại giao kinh tế\nĐoạn sau.",  # lower-case start
        "Một đoạn.\n- Xúc tiến đầu tư\nĐoạn sau.",  # bullet item
        "Một đoạn.\nHà Nội, ngày 20 tháng 12 năm 2024\nĐoạn sau.",  # place-and-date line
        "Một đoạn.\nNguồn: Báo Thế giới & Việt Nam\nĐoạn sau.",  # source line mid-text
        "Một đoạn dài.\nCuối cùng là dòng ngắn",  # nothing follows it
        "Mỹ\nTrung Quốc\nNhật Bản\nĐây là các đối tác lớn.",  # a list of short lines
        "Một đoạn.\n" + " ".join(["Từ"] * 13) + "\nĐoạn sau.",  # too long
    ],
)
def test_lines_that_only_look_short_are_not_headings(text: str) -> None:
    assert headings(text_source(text)) == []


def test_headings_from_a_styled_file_are_kept_with_their_level() -> None:
    blocks = (
        Block("Tổng quan", kind="heading", level=1),
        Block("Nội dung."),
        Block("Chi tiết", kind="heading", level=2),
        Block("Thêm nội dung."),
    )
    source = SourceDocument(path="", name="a.docx", format="docx", encoding=None, blocks=blocks)
    sections, _ = split_sections(source)
    assert [(s.kind, s.level) for s in sections] == [
        ("heading", 1),
        ("paragraph", 0),
        ("heading", 2),
        ("paragraph", 0),
    ]


def test_empty_blocks_are_not_sections() -> None:
    blocks = (Block("Đoạn một."), Block(""), Block("  "), Block("Đoạn hai."))
    source = SourceDocument(path="", name="a.html", format="html", encoding=None, blocks=blocks)
    sections, _ = split_sections(source)
    assert [s.text for s in sections] == ["Đoạn một.", "Đoạn hai."]


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_sentences_agree_with_underthesea_on_the_seeds(name: str) -> None:
    sections, _ = split_sections(load_seed(name))
    for section in sections:
        reference = sent_tokenize(section.text)
        if section.text.endswith("./."):  # underthesea cuts the closing mark off as "/."
            assert reference[-1] == "/."
            reference = [*reference[:-2], reference[-2] + "/."]
        assert sentences(section.text) == reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ông đến TP. Hồ Chí Minh hôm qua. Sau đó về Tp. Hà Nội.",
            ["Ông đến TP. Hồ Chí Minh hôm qua.", "Sau đó về Tp. Hà Nội."],
        ),
        (
            "PGS.TS. Nguyễn Văn An phát biểu. Ông nói rõ.",
            ["PGS.TS. Nguyễn Văn An phát biểu.", "Ông nói rõ."],
        ),
        (
            "Vốn đạt 12,4 tỷ USD. Doanh thu 4.814 tỷ đồng.",
            ["Vốn đạt 12,4 tỷ USD.", "Doanh thu 4.814 tỷ đồng."],
        ),
        (
            "Xuất khẩu, đầu tư, v.v... Rồi nhiều thứ khác.",
            ["Xuất khẩu, đầu tư, v.v...", "Rồi nhiều thứ khác."],
        ),
        (
            "Rau xuất khẩu sang Hàn Quốc… và Nhật Bản. Hết.",
            ["Rau xuất khẩu sang Hàn Quốc… và Nhật Bản.", "Hết."],
        ),
        (
            "Xem https://baoquocte.vn/bai-viet.html để biết. Câu hai.",
            ["Xem https://baoquocte.vn/bai-viet.html để biết.", "Câu hai."],
        ),
        ("Ông nói: “Tốt lắm.” Rồi đi.", ["Ông nói: “Tốt lắm.”", "Rồi đi."]),
        ("Tăng 6,5-7%! Vì sao? Vì xuất khẩu.", ["Tăng 6,5-7%!", "Vì sao?", "Vì xuất khẩu."]),
        ("  Không có dấu chấm  ", ["Không có dấu chấm"]),
        ("", []),
    ],
)
def test_sentences_survive_vietnamese_abbreviations_and_numbers(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


_VIETNAMESE_PIECES = st.sampled_from(
    ["Ông", "TP.", "PGS.TS.", "12,4", "4.814", "v.v.", "…", "...", "“", "”", "(", ")", "./.",
     "https://a.vn/b.html", "đạt", "tăng", ".", "!", "?", " ", "  ", "\n", "A.", "kinh tế"]
)  # fmt: skip


@given(st.lists(_VIETNAMESE_PIECES, max_size=40).map("".join))
def test_sentences_never_lose_or_overlap_text(text: str) -> None:
    spans = sentence_spans(text)
    covered = 0
    for start, end in spans:
        assert covered <= start < end <= len(text)
        assert not text[covered:start].strip()  # only spaces between sentences
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered = end
    assert not text[covered:].strip()


_LINES = st.sampled_from(
    ["I. TÌNH HÌNH", "1. Kết quả", "Diệu Hoa", "Nguồn: https://a.vn/b", "Theo TTXVN",
     "Chiều 20/12, hội nghị diễn ra tại Hà Nội.", "Làm mới động lực", "ngoại giao", "- Mục",
     "BÁO CÁO TỔNG HỢP", "https://a.vn", "Hà Nội, ngày 2 tháng 4 năm 2025", "(NGKT)"]
)  # fmt: skip


@given(st.lists(_LINES, min_size=1, max_size=12))
def test_every_line_is_a_section_or_metadata_and_some_content_remains(lines: list[str]) -> None:
    sections, trailer = split_sections(text_source("\n".join(lines)))
    assert [s.text for s in sections] + trailer == lines
    assert sections and len(trailer) <= 3
    assert all((s.kind == "heading") == (s.level > 0) for s in sections)
