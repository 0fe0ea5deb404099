"""The fast analysis end to end: a secretary loads a report and sees everything but entities."""

from __future__ import annotations

import json

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis.model import Analysis
from briefing_studio.paths import seeds_dir
from briefing_studio.sources import load_source, source_from_text
from seed_helpers import GOLD


def analysed_seed(name: str) -> Analysis:
    return analyze(load_source(seeds_dir() / name))


@pytest.mark.parametrize("name", sorted(GOLD))
def test_secretary_loads_a_seed_and_sees_sections_metadata_and_glossary(name: str) -> None:
    analysis = analysed_seed(name)
    gold = GOLD[name]
    assert [s.text for s in analysis.sections if s.kind == "heading"] == gold["headings"]
    assert analysis.metadata.author == gold["metadata"]["author"]
    assert analysis.metadata.source_url == gold["metadata"]["source_url"]
    defined = {a.short: a.expansion for a in analysis.acronyms if a.defined_in_text}
    assert defined == gold["acronyms"]
    assert analysis.entities is None  # NER runs separately, later


def test_lead_time_of_each_seed() -> None:
    assert analysed_seed("ngkt-2024-bac-giang.txt").metadata.time == "Chiều 20/12"
    assert analysed_seed("ngkt-2025-hoi-nghi-dai-su.txt").metadata.time == "Chiều tối 2-4"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_section_has_sentences_that_cover_its_text(name: str) -> None:
    for section in analysed_seed(name).sections:
        assert section.sentences
        joined = " ".join(section.text[start:end] for start, end in section.sentences)
        assert joined == section.text


@pytest.mark.parametrize("name", sorted(GOLD))
def test_paragraphs_are_tagged_and_headings_are_not(name: str) -> None:
    for section in analysed_seed(name).sections:
        assert bool(section.cues) == (section.kind == "paragraph")


@pytest.mark.parametrize("name", sorted(GOLD))
def test_figures_point_into_their_sections(name: str) -> None:
    analysis = analysed_seed(name)
    assert analysis.figures
    ids = [figure.id for figure in analysis.figures]
    assert len(set(ids)) == len(ids)
    sections = {s.id: s for s in analysis.sections}
    for figure in analysis.figures:
        section = sections[figure.section]
        assert figure.id.startswith(f"{section.id}/f")
        assert section.text[figure.start : figure.end] == figure.surface


def test_the_heading_with_a_number_has_its_figure() -> None:
    analysis = analysed_seed("ngkt-2025-hoi-nghi-dai-su.txt")
    heading = next(s for s in analysis.sections if s.text == "Nâng cấp quan hệ 4 đối tác lớn")
    assert [f.value for f in analysis.figures if f.section == heading.id] == [4]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_analysing_twice_gives_the_same_ids_and_json(name: str) -> None:
    first, again = analysed_seed(name), analysed_seed(name)
    assert first.to_json() == again.to_json()
    json.dumps(first.to_json(), ensure_ascii=False)  # what `briefing analyze --json` prints


def test_pasted_text_is_analysed_like_a_file() -> None:
    text = (
        "Sáng 5/1, tại Hà Nội, Bộ Ngoại giao tổng kết năm 2024 và triển khai năm 2025.\n"
        "Kết quả nổi bật\n"
        "Kim ngạch xuất khẩu đạt 405 tỷ USD, tăng 14,3%.\n"
        "Bộ trưởng yêu cầu các đơn vị cần đẩy mạnh ngoại giao kinh tế (NGKT).\n"
        "Minh Anh\nNguồn: Báo Thế giới & Việt Nam"
    )
    analysis = analyze(source_from_text(text, name="Văn bản dán"))
    assert [(s.kind, s.cues) for s in analysis.sections] == [
        ("paragraph", ("background",)),
        ("heading", ()),
        ("paragraph", ("result",)),
        ("paragraph", ("direction",)),
    ]
    metadata = analysis.metadata
    assert (metadata.time, metadata.date, metadata.place) == ("Sáng 5/1", "2025-01-05", "Hà Nội")
    assert (metadata.author, metadata.source_name) == ("Minh Anh", "Báo Thế giới & Việt Nam")
    assert [(a.short, a.defined_in_text) for a in analysis.acronyms] == [("NGKT", True)]
    third = analysis.sections[2].id
    assert any(f.unit == "USD" for f in analysis.figures if f.section == third)


def test_readable_summary_writes_values_in_vietnamese_not_exponents() -> None:
    from briefing_studio.summary import summarize

    text = "Tỉnh thu hút trên 12,4 tỷ USD vốn FDI, tăng 6,5-7% so với năm 2023.\n"
    summary = summarize(analyze(source_from_text(text, name="x.txt")))
    assert "tiền: 12.400.000.000 USD (trên)" in summary
    assert "tỷ lệ: 6,5–7 %" in summary
    assert "thời gian: 2023" in summary
    assert "e+" not in summary
