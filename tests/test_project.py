"""Saving and reopening `.briefing` projects: same state, embedded sources, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_studio.briefing import Agency, Briefing, ChosenSection, Counterpart, Meeting
from briefing_studio.errors import BriefingError
from briefing_studio.export import default_stem, parse_formats
from briefing_studio.paths import seed_files
from briefing_studio.project import VERSION, load_briefing, save_briefing
from briefing_studio.selection import new_briefing, resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.workspace import Workspace


@pytest.fixture(scope="module")
def analyses():
    return Workspace.analyze([load_source(path) for path in seed_files()])


def a_briefing(analyses) -> Briefing:
    briefing = new_briefing(analyses, "suggested", resolve_counterpart("Hàn Quốc"))
    briefing.sections.reverse()
    briefing.sections[0] = ChosenSection(briefing.sections[0].section, slot="proposals")
    briefing.meeting = Meeting(
        counterpart=briefing.meeting.counterpart,
        date="2024-12-20",
        time="9h00",
        place="Trụ sở Bộ Ngoại giao",
        host="Thứ trưởng",
        purpose="Trao đổi hợp tác kinh tế",
        participants=["Ngài Đại sứ", "Tham tán Thương mại"],
    )
    briefing.agency = Agency(
        parent="BỘ NGOẠI GIAO",
        name="VỤ TỔNG HỢP KINH TẾ",
        place="Hà Nội",
        reference="Số: 12/TTr-TH",
    )
    briefing.title = "Tài liệu phục vụ buổi tiếp Đại sứ Hàn Quốc"
    return briefing


def test_secretary_saves_and_reopens_a_briefing_with_the_same_state(analyses, tmp_path: Path):
    briefing = a_briefing(analyses)
    path = save_briefing(briefing, tmp_path / "han-quoc.briefing")
    reopened = load_briefing(path)
    assert reopened == briefing
    assert [s.text for s in reopened.sources] == [a.source.text for a in analyses]


def test_project_embeds_the_source_text_so_it_opens_without_the_original_files(
    analyses, tmp_path: Path
):
    path = save_briefing(a_briefing(analyses), tmp_path / "x.briefing")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "briefing-studio/briefing" and data["version"] == VERSION
    embedded = data["briefing"]["sources"][0]
    assert "trên 12,4 tỷ USD" in " ".join(b["text"] for b in embedded["blocks"])
    assert embedded["sha256"] == analyses.sources[0].sha256
    reopened = load_briefing(path)
    again = Workspace.analyze(reopened.sources)
    ids = {s.id for a in again for s in a.sections}
    assert all(chosen.section in ids for chosen in reopened.sections)


def test_saving_over_a_project_replaces_it_whole(analyses, tmp_path: Path):
    path = tmp_path / "x.briefing"
    save_briefing(a_briefing(analyses), path)
    save_briefing(Briefing(), path)
    assert load_briefing(path) == Briefing()
    assert [p.name for p in tmp_path.iterdir()] == ["x.briefing"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "JSON"),
        (b"{not json", "JSON"),
        (b'{"format": "something-else"}', "Briefing Studio"),
        (b'{"format": "briefing-studio/briefing", "version": 99, "briefing": {}}', "99"),
        (
            b'{"format": "briefing-studio/briefing", "version": 1, "briefing": {"sections": [1]}}',
            "damaged",
        ),
    ],
)
def test_a_bad_project_file_gives_a_message_naming_it(
    tmp_path: Path, content: bytes, fragment: str
):
    path = tmp_path / "hỏng.briefing"
    path.write_bytes(content)
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    assert "hỏng.briefing" in caught.value.message("en")
    assert fragment in caught.value.bilingual()


def test_missing_project_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(BriefingError, match="does not exist"):
        load_briefing(tmp_path / "none.briefing")


def test_counterpart_names_resolve_through_the_gazetteer():
    assert resolve_counterpart("Úc") == resolve_counterpart("Ô-xtrây-li-a")
    assert resolve_counterpart("Hoa Kỳ").key == "US"
    assert resolve_counterpart("tỉnh Bắc Giang").kind == "province"
    assert resolve_counterpart("Hội đồng Anh ở xa").kind == "other"
    assert resolve_counterpart("  ") is None


def test_export_file_names_are_ascii_slugs_and_formats_are_checked():
    briefing = Briefing(
        meeting=Meeting(counterpart=Counterpart("country", "Hàn Quốc", "KR"), date="2024-12-20")
    )
    assert default_stem(briefing) == "briefing-han-quoc-2024-12-20"
    assert parse_formats("PDF, docx,pdf") == ["pdf", "docx"]
    with pytest.raises(BriefingError, match="odt"):
        parse_formats("odt")
