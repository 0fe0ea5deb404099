"""The working set: one index over the open analyses, built once, never out of step."""

from __future__ import annotations

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis.model import Analysis
from briefing_studio.briefing import Briefing
from briefing_studio.project import briefing_from_project, briefing_to_json
from briefing_studio.selection import new_briefing, select_all
from briefing_studio.sources import source_from_text
from briefing_studio.workspace import Workspace

FIRST = (
    "Năm 2024, kim ngạch thương mại hai chiều đạt 86 tỷ USD, tăng 12%.\n"
    "Kết quả nổi bật\n"
    "Bắc Giang thu hút 12,4 tỷ USD vốn FDI và 300 dự án mới."
)
SECOND = "Tỉnh đề xuất mở đường bay thẳng, với 5 chuyến mỗi tuần và 2 hãng hàng không."


def analysed(text: str, name: str) -> Analysis:
    return analyze(source_from_text(text, name))


@pytest.fixture(scope="module")
def pair() -> tuple[Analysis, Analysis]:
    return analysed(FIRST, "mot.txt"), analysed(SECOND, "hai.txt")


def test_lookups_cover_every_source(pair) -> None:
    second = pair[1]
    workspace = Workspace(pair)
    for analysis in pair:
        for section in analysis.sections:
            assert workspace.section(section.id) is section
            assert workspace.analysis_of(section.id) is analysis
            in_text = [f for f in analysis.figures if f.section == section.id]
            assert workspace.figures_in(section.id) == in_text
        for figure in analysis.figures:
            assert workspace.figure(figure.id) is figure
            assert workspace.analysis_of(figure.id) is analysis
    assert second.figures and workspace.figures_in(second.sections[0].id)
    assert workspace.section("nope/s0") is None
    assert workspace.figure("nope/s0/f0") is None
    assert workspace.analysis_of("nope/s0") is None
    assert workspace.figures_in("nope/s0") == []


def test_source_order_runs_across_sources(pair) -> None:
    first, second = pair
    workspace = Workspace(pair)
    sections = [s.id for a in pair for s in a.sections]
    figures = [f.id for a in pair for f in a.figures]
    assert workspace.section_ids() == sections
    assert workspace.figure_ids() == figures
    assert [workspace.position(s) for s in sections] == list(range(len(sections)))
    assert [workspace.position(f) for f in figures] == list(range(len(figures)))
    assert workspace.position("nope") is None
    assert workspace.sources == [first.source, second.source]
    assert [a for a, _ in workspace.sections()] == [
        a for a in pair for _ in a.sections
    ]  # each section with its own analysis


def test_a_returned_list_cannot_change_the_index(pair) -> None:
    workspace = Workspace(pair)
    section = pair[0].sections[0].id
    workspace.figures_in(section).clear()
    assert workspace.figures_in(section)


def test_adding_and_removing_make_new_workspaces(pair) -> None:
    first, second = pair
    one = Workspace([first])
    both = one.adding([second, analysed(FIRST, "mot-ban-sao.txt")])  # same text: same source
    assert [a.source.name for a in both] == ["mot.txt", "hai.txt"]
    assert both.section(second.sections[0].id) is second.sections[0]
    assert one.section(second.sections[0].id) is None  # the old one is unchanged
    assert both.adding([first]) is both  # nothing new: the same workspace

    left = both.without_source(first.source.key)
    assert [a.source.name for a in left] == ["hai.txt"]
    assert left.section(first.sections[0].id) is None
    assert left.position(second.sections[0].id) == 0  # the order is rebuilt with it
    assert both.section(first.sections[0].id) is not None
    assert left.without_source("khong-co") is left


def test_an_empty_workspace_answers_nothing() -> None:
    workspace = Workspace()
    assert not workspace and len(workspace) == 0
    assert workspace.sources == [] and workspace.section_ids() == []
    assert select_all(workspace) == ([], [])


def test_a_project_file_round_trip_gives_the_same_ids(pair) -> None:
    """The workspace owns the sources; the briefing carries the file's copy of them."""
    workspace = Workspace(pair)
    briefing = new_briefing(workspace, "all")
    assert briefing.sources == workspace.sources
    reopened = briefing_from_project(briefing_to_json(briefing))
    again = Workspace.analyze(reopened.sources)
    assert again.section_ids() == workspace.section_ids()
    assert again.figure_ids() == workspace.figure_ids()
    for section_id in reopened.section_ids():
        assert again.section(section_id).text == workspace.section(section_id).text


def test_the_pipeline_reads_sources_from_the_workspace_not_the_briefing(pair) -> None:
    """A briefing without its file copy of the sources renders the same context."""
    from briefing_studio.templating import TemplateLibrary, build_context

    workspace = Workspace(pair)
    briefing = new_briefing(workspace, "all")
    template = TemplateLibrary(None).get("handout")
    with_copy = build_context(workspace, briefing, template)
    without = build_context(workspace, Briefing(**{**vars(briefing), "sources": []}), template)
    assert without["sections"] == with_copy["sections"]
    assert [s["name"] for s in without["sources"]] == ["mot.txt", "hai.txt"]
