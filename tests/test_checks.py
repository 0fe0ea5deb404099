"""The figure check: conflicts, stale figures, edited figures and former provinces.

The sources are written here: two reports giving the same year's export total with different
values, one of them also giving the year before, and an old report; the seeds are real texts
on which a meeting of 20/12/2024 has nothing to look at.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing_studio.briefing import Briefing
from briefing_studio.checks import accept, check_briefing
from briefing_studio.paths import seed_files
from briefing_studio.project import load_briefing, save_briefing
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.workspace import Workspace
from seed_helpers import text_source
from test_cli import run_cli

REPORT_A = (
    "Sáng 15/3/2025, Sở Công Thương tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác xuất khẩu.\n"
    "Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt 12,4 tỷ USD.\n"
)
REPORT_B = (
    "Sáng 20/3/2025, Cục Thống kê tỉnh Bắc Ninh công bố số liệu xuất khẩu.\n"
    "Năm 2024, tổng kim ngạch xuất khẩu của tỉnh đạt 12,5 tỷ USD.\n"
    "Năm 2023, tổng kim ngạch xuất khẩu của tỉnh đạt 10,1 tỷ USD.\n"
)
REPORT_OLD = (
    "Sáng 10/1/2023, Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh họp báo.\n"
    "Toàn tỉnh thu hút thêm 45 dự án FDI mới.\n"
)
MEETING = dt.date(2025, 4, 1)


def _briefing(*texts: str) -> tuple[Briefing, list]:
    sources = [text_source(t, f"bao-cao-{n}.txt") for n, t in enumerate(texts)]
    analyses = Workspace.analyze(sources)
    return new_briefing(analyses, "all", None), analyses


def _figure(analyses, surface: str):
    return next(f for a in analyses for f in a.figures if f.surface == surface)


def test_two_sources_giving_the_same_years_total_differently_are_a_conflict() -> None:
    briefing, analyses = _briefing(REPORT_A, REPORT_B)
    conflicts = [i for i in check_briefing(analyses, briefing, MEETING) if i.code == "conflict"]
    assert len(conflicts) == 1
    item = conflicts[0]
    assert [p.text for p in item.places] == ["12,4 tỷ USD", "12,5 tỷ USD"]
    assert [p.paragraph for p in item.places] == [2, 2]
    assert "Sở Công Thương" in item.places[0].source and "Cục Thống kê" in item.places[1].source
    assert "năm 2024" in item.message("vi") and "12,4 tỷ USD" in item.message("vi")


def test_the_same_value_in_two_sources_or_another_year_is_no_conflict() -> None:
    same = REPORT_B.replace("12,5", "12,4")
    briefing, analyses = _briefing(REPORT_A, same)
    assert [i for i in check_briefing(analyses, briefing, MEETING) if i.code == "conflict"] == []


def test_a_figure_for_an_older_year_than_the_sources_latest_is_stale() -> None:
    briefing, analyses = _briefing(REPORT_A, REPORT_B)
    stale = [i for i in check_briefing(analyses, briefing, MEETING) if i.code == "stale"]
    assert [i.places[0].text for i in stale] == ["10,1 tỷ USD"]
    assert stale[0].places[1].text in ("12,4 tỷ USD", "12,5 tỷ USD")
    assert "năm 2023" in stale[0].message("vi")


def test_a_source_dated_more_than_a_year_before_the_meeting_is_stale() -> None:
    briefing, analyses = _briefing(REPORT_OLD)
    items = check_briefing(analyses, briefing, MEETING)
    assert [(i.code, i.places[0].text) for i in items] == [("stale", "45 dự án FDI")]
    # Within a year of the source it is not.
    assert check_briefing(analyses, briefing, dt.date(2023, 12, 1)) == []


def test_a_figure_edited_to_another_value_is_listed_and_a_rewording_is_not() -> None:
    briefing, analyses = _briefing(REPORT_A)
    fig = _figure(analyses, "12,4 tỷ USD")
    briefing.figure_texts[fig.id] = "khoảng 12,4 tỷ USD"
    assert check_briefing(analyses, briefing, MEETING) == []
    briefing.figure_texts[fig.id] = "12,6 tỷ USD"
    items = check_briefing(analyses, briefing, MEETING)
    assert [(i.code, i.places[0].figure) for i in items] == [("edited", fig.id)]
    assert "12,6 tỷ USD" in items[0].message("vi") and "12,4 tỷ USD" in items[0].message("vi")


def test_a_former_province_without_its_current_one_is_listed_after_the_merger() -> None:
    text = "Sáng 15/3/2025, hội nghị xúc tiến đầu tư.\nTỉnh Bắc Giang thu hút thêm nhiều dự án.\n"
    briefing, analyses = _briefing(text)
    items = check_briefing(analyses, briefing, dt.date(2025, 8, 1))
    assert [(i.code, i.places[0].paragraph) for i in items] == [("former-province", 2)]
    assert "Bắc Ninh" in items[0].message("vi")
    assert check_briefing(analyses, briefing, dt.date(2025, 6, 30)) == []
    named, analyses = _briefing(text.replace("Bắc Giang", "Bắc Giang (nay là tỉnh Bắc Ninh)"))
    assert check_briefing(analyses, named, dt.date(2025, 8, 1)) == []


def test_an_accepted_item_is_noted_in_the_project_and_not_listed_again(tmp_path: Path) -> None:
    briefing, analyses = _briefing(REPORT_A, REPORT_B)
    first = check_briefing(analyses, briefing, MEETING)
    accept(briefing, first[0])
    path = save_briefing(briefing, tmp_path / "x.briefing")
    loaded = load_briefing(path)
    assert loaded.validated == [first[0].key]
    assert check_briefing(analyses, loaded, MEETING) == first[1:]
    assert len(check_briefing(analyses, loaded, MEETING, include_accepted=True)) == len(first)


def test_a_project_saved_before_the_check_existed_still_loads(tmp_path: Path) -> None:
    briefing, _ = _briefing(REPORT_A)
    path = save_briefing(briefing, tmp_path / "old.briefing")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["briefing"]["figure_texts"], data["briefing"]["validated"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = load_briefing(path)
    assert loaded.figure_texts == {} and loaded.validated == []


def test_the_seeds_have_nothing_to_look_at_for_a_meeting_on_20_12_2024() -> None:
    analyses = Workspace.analyze([load_source(p) for p in seed_files()])
    briefing = new_briefing(analyses, "all", None)
    assert check_briefing(analyses, briefing, dt.date(2024, 12, 20)) == []


def test_the_edited_text_is_what_the_briefing_shows() -> None:
    from briefing_studio.templating import TemplateLibrary
    from briefing_studio.templating.context import build_context

    briefing, analyses = _briefing(REPORT_A)
    fig = _figure(analyses, "12,4 tỷ USD")
    briefing.figure_texts[fig.id] = "12,6 tỷ USD"
    template = TemplateLibrary(None).get(briefing.template)
    (item,) = build_context(analyses, briefing, template)["figures"]
    assert item["text"] == "12,6 tỷ USD" and item["edited"] is True


@pytest.mark.parametrize(
    ("files", "status"), [("seeds", 0), ("written", 1)], ids=["seeds", "written-sources"]
)
def test_briefing_check_exit_status(tmp_path: Path, files: str, status: int) -> None:
    if files == "seeds":
        paths = seed_files()
    else:
        paths = []
        for n, text in enumerate((REPORT_A, REPORT_B, REPORT_OLD)):
            paths.append(tmp_path / f"bao-cao-{n}.txt")
            paths[-1].write_text(text, encoding="utf-8")
    result = run_cli(
        "check", *paths, "--date", "20/12/2024" if status == 0 else "01/04/2025", cwd=tmp_path
    )
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    if status:
        assert "[conflict]" in result.stdout and "[stale]" in result.stdout
        assert "12,5 tỷ USD" in result.stdout and "đoạn 2" in result.stdout
    else:
        assert "Không có gì cần xem lại" in result.stdout


def test_briefing_check_of_a_project_lists_its_edited_figure(tmp_path: Path) -> None:
    briefing, analyses = _briefing(REPORT_A)
    briefing.figure_texts[_figure(analyses, "12,4 tỷ USD").id] = "13 tỷ USD"
    path = save_briefing(briefing, tmp_path / "hop.briefing")
    result = run_cli("check", path, "--date", "01/04/2025", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "[edited]" in result.stdout and "13 tỷ USD" in result.stdout


def test_briefing_check_refuses_a_bad_date_without_a_traceback(tmp_path: Path) -> None:
    result = run_cli("check", *seed_files(), "--date", "31/02/2025", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "31/02/2025" in result.stderr
