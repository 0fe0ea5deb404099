"""What a text says about itself: byline, source, the lead's time, date and place, the title."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing_studio.analysis import read_metadata, split_sections
from briefing_studio.analysis.model import Metadata
from briefing_studio.sources import Block, SourceDocument
from seed_helpers import GOLD, load_seed, text_source


def metadata_of(source: SourceDocument) -> Metadata:
    sections, trailer = split_sections(source)
    return read_metadata(source, sections, trailer)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_byline_and_source_url_match_the_gold(name: str) -> None:
    metadata = metadata_of(load_seed(name))
    assert metadata.author == GOLD[name]["metadata"]["author"]
    assert metadata.source_url == GOLD[name]["metadata"]["source_url"]


def test_bac_giang_report_lead_gives_time_date_and_place() -> None:
    metadata = metadata_of(load_seed("ngkt-2024-bac-giang.txt"))
    assert metadata.time == "Chiều 20/12"
    # The lead names "năm 2024" and "năm 2025" once each; a December event is in the earlier.
    assert metadata.date == "2024-12-20"
    assert metadata.place == "điểm cầu tỉnh Bắc Giang"
    assert metadata.source_name is None


def test_ambassadors_conference_lead_has_time_but_no_year_so_no_date() -> None:
    metadata = metadata_of(load_seed("ngkt-2025-hoi-nghi-dai-su.txt"))
    assert metadata.time == "Chiều tối 2-4"
    assert metadata.date is None
    assert metadata.place is None


def test_title_falls_back_to_the_leads_whole_first_sentence_without_its_time_phrase() -> None:
    title = metadata_of(load_seed("ngkt-2024-bac-giang.txt")).title
    assert title.startswith("Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị")
    # Kept whole in the data: only a narrow cell of the interface elides it.
    assert title.endswith("nhằm tạo đà bứt phá cho tăng trưởng")
    assert "…" not in title


def test_title_prefers_the_files_own_title_then_an_opening_heading() -> None:
    text = "Ngoại giao kinh tế năm 2024\nChiều 20/12, hội nghị diễn ra tại Hà Nội."
    assert metadata_of(text_source(text)).title == "Ngoại giao kinh tế năm 2024"
    titled = replace(text_source(text), title="Tiêu đề trang web")
    assert metadata_of(titled).title == "Tiêu đề trang web"


@pytest.mark.parametrize(
    ("lead", "time", "date"),
    [
        ("Ngày 15/3/2024, Bộ Ngoại giao tổ chức hội nghị.", "Ngày 15/3/2024", "2024-03-15"),
        ("Sáng nay, Bộ Ngoại giao tổ chức hội nghị năm 2024.", "Sáng nay", None),
        (
            "Sáng 5/1, tỉnh tổng kết năm 2024 và triển khai nhiệm vụ năm 2025.",
            "Sáng 5/1",
            "2025-01-05",
        ),
        (
            "Chiều ngày 20 tháng 12 năm 2023, tỉnh họp.",
            "Chiều ngày 20 tháng 12 năm 2023",
            "2023-12-20",
        ),
        (
            "(TG&VN) - Tối 2/4, đoàn công tác đến Tokyo trong chuyến thăm năm 2025.",
            "Tối 2/4",
            "2025-04-02",
        ),
        ("Chiều 31/2, năm 2024, một ngày không có thật.", "Chiều 31/2", None),
        ("Bộ Ngoại giao tổ chức hội nghị chiều 20/12.", None, None),
    ],
)
def test_lead_time_phrases(lead: str, time: str | None, date: str | None) -> None:
    metadata = metadata_of(text_source(lead + "\nĐoạn thứ hai."))
    assert (metadata.time, metadata.date) == (time, date)


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("Chiều 20/12, tại Hà Nội, Thủ tướng chủ trì hội nghị.", "Hà Nội"),
        (
            "Hội nghị diễn ra tại trụ sở Bộ Ngoại giao, với sự tham dự của 60 đại biểu.",
            "trụ sở Bộ Ngoại giao",
        ),
        ("Hội thảo tổ chức tại TP. Hồ Chí Minh.", "TP. Hồ Chí Minh"),
        ("Tại hội nghị, các đại biểu thảo luận sôi nổi.", None),
    ],
)
def test_lead_place(lead: str, place: str | None) -> None:
    assert metadata_of(text_source(lead + "\nĐoạn thứ hai.")).place == place


@pytest.mark.parametrize(
    ("ending", "author", "url", "name"),
    [
        ("Minh Anh\nNguồn: Báo Thế giới & Việt Nam", "Minh Anh", None, "Báo Thế giới & Việt Nam"),
        ("Theo TTXVN", None, None, "TTXVN"),
        ("(Theo Báo Bắc Giang)", None, None, "Báo Bắc Giang"),
        ("Hoàng Hà (tổng hợp)", "Hoàng Hà (tổng hợp)", None, None),
        (
            "Nguồn: Báo Quốc tế (https://baoquocte.vn/a-1.html)",
            None,
            "https://baoquocte.vn/a-1.html",
            "Báo Quốc tế",
        ),
        (
            "Thu Trang\nhttps://baoquocte.vn/a-1.html",
            "Thu Trang",
            "https://baoquocte.vn/a-1.html",
            None,
        ),
        ("Vải thiều được mùa lớn", None, None, None),  # a last sentence, not a byline
    ],
)
def test_byline_and_source_variants(
    ending: str, author: str | None, url: str | None, name: str | None
) -> None:
    source = text_source("Chiều 20/12, hội nghị diễn ra.\nĐoạn hai.\n" + ending)
    metadata = metadata_of(source)
    assert (metadata.author, metadata.source_url, metadata.source_name) == (author, url, name)


def test_byline_is_not_left_among_the_sections() -> None:
    source = text_source("Chiều 20/12, hội nghị diễn ra.\nMinh Anh\nNguồn: TTXVN")
    sections, trailer = split_sections(source)
    assert [s.text for s in sections] == ["Chiều 20/12, hội nghị diễn ra."]
    assert trailer == ["Minh Anh", "Nguồn: TTXVN"]


def test_author_from_the_files_properties_when_the_text_has_no_byline() -> None:
    blocks = (Block("Chiều 20/12, hội nghị diễn ra."), Block("Đoạn hai."))
    source = SourceDocument(
        path="", name="a.docx", format="docx", encoding=None, blocks=blocks, author="Phòng Tổng hợp"
    )
    assert metadata_of(source).author == "Phòng Tổng hợp"
