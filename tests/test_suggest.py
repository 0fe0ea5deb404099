"""Suggestion: the sections and figures a briefing for this counterpart should start from."""

from __future__ import annotations

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis.gazetteer import gazetteer
from briefing_studio.analysis.model import Analysis, Figure, Metadata, Section
from briefing_studio.briefing import Counterpart
from briefing_studio.paths import seed_files
from briefing_studio.sources import load_source
from briefing_studio.sources.model import Block, SourceDocument
from briefing_studio.suggest import rank, suggest_selection
from briefing_studio.workspace import Workspace


@pytest.fixture(scope="module")
def seeds() -> Workspace:
    return Workspace(analyze(load_source(path)) for path in seed_files())


def section_starting(workspace: Workspace, words: str) -> Section:
    return next(s for _, s in workspace.sections() if s.text.startswith(words))


def figure_surfaces(workspace: Workspace, ids: list[str]) -> list[str]:
    return [workspace.figure(i).surface for i in ids]


def counterpart(key: str) -> Counterpart:
    entry = gazetteer().get(key)
    assert entry is not None
    return entry.counterpart()


def test_embassy_briefing_for_han_quoc_starts_from_the_korea_paragraphs(
    seeds: Workspace,
) -> None:
    ranking = rank(seeds, counterpart("KR"))
    exports = section_starting(seeds, "Ở Bắc Giang")  # exports to Hàn Quốc
    visits = section_starting(seeds, "Trong gần 60 hoạt động")  # the Prime Minister's visit
    assert {s.id for s in ranking.sections[:2]} == {exports.id, visits.id}
    assert "nhắc tới Hàn Quốc" in ranking.sections[0].reasons

    top_figures = figure_surfaces(seeds, [f.id for f in ranking.figures[:2]])
    assert set(top_figures) == {"30 nước và vùng lãnh thổ", "hơn 170 thỏa thuận hợp tác"}
    assert ranking.figures[0].reasons[0] == "cùng câu với Hàn Quốc"
    for scored in ranking.figures[:2]:
        figure = next(f for a in seeds for f in a.figures if f.id == scored.id)
        owner = next(s for a in seeds for s in a.sections if s.id == figure.section)
        assert "Hàn Quốc" in owner.sentence_at(figure.start)


def test_a_figure_in_the_counterparts_sentence_beats_a_bigger_one_elsewhere(
    seeds: Workspace,
) -> None:
    ranking = rank(seeds, counterpart("KR"))
    order = figure_surfaces(seeds, [f.id for f in ranking.figures])
    # same paragraph as Hàn Quốc, but not its sentence: money ranks below the counted exports
    assert order.index("30 nước và vùng lãnh thổ") < order.index("trên 12,4 tỷ USD")
    # and both rank above figures of paragraphs that never name Hàn Quốc
    assert order.index("trên 12,4 tỷ USD") < order.index("hơn 6 triệu người Việt Nam")


@pytest.mark.parametrize("key", ["bac-giang", "bac-ninh"])
def test_province_briefing_starts_from_the_bac_giang_paragraphs(seeds: Workspace, key: str) -> None:
    ranking = rank(seeds, counterpart(key))
    report = section_starting(seeds, "Ở Bắc Giang")  # FDI 12,4 tỷ USD, lychee 4.814 tỷ đồng
    proposals = section_starting(seeds, "Năm 2025, tỉnh đề xuất")
    assert [s.id for s in ranking.sections[:2]] == [report.id, proposals.id]
    assert "đề xuất" in ranking.sections[1].reasons
    if key == "bac-ninh":  # Bắc Giang merged into Bắc Ninh on 1 July 2025
        assert "nhắc tới Bắc Giang (nay thuộc Bắc Ninh)" in ranking.sections[0].reasons

    top = ranking.figures[:6]
    assert all(
        next(f for f in seeds.analyses[0].figures if f.id == s.id).section == report.id for s in top
    )
    surfaces = figure_surfaces(seeds, [s.id for s in top])
    assert "trên 12,4 tỷ USD" in surfaces


def test_without_counterpart_results_proposals_and_figures_lead(seeds: Workspace) -> None:
    ranking = rank(seeds, None)
    best = next(s for a in seeds for s in a.sections if s.id == ranking.sections[0].id)
    assert "result" in best.cues or "proposal" in best.cues
    assert "có số liệu" in ranking.sections[0].reasons
    background = [s.id for a in seeds for s in a.sections if s.cues == ("background",)]
    positions = {s.id: n for n, s in enumerate(ranking.sections)}
    assert min(positions[i] for i in background) > positions[best.id]
    money = figure_surfaces(seeds, [f.id for f in ranking.figures[:3]])
    assert money == ["trên 12,4 tỷ USD", "khoảng trên 4.814 tỷ đồng", "hơn 156 tỷ đồng"]


def test_suggested_selection_is_in_source_order_with_figures_from_it(
    seeds: Workspace,
) -> None:
    sections, figures = suggest_selection(seeds, counterpart("KR"))
    order = [s.id for a in seeds for s in a.sections]
    assert sections == sorted(sections, key=order.index)
    assert section_starting(seeds, "Ở Bắc Giang").id in sections
    assert section_starting(seeds, "Trong gần 60 hoạt động").id in sections
    kinds = {s.id: s.kind for a in seeds for s in a.sections}
    assert all(kinds[i] == "paragraph" for i in sections)
    by_id = {f.id: f for a in seeds for f in a.figures}
    assert figures and all(by_id[i].section in sections for i in figures)
    assert all(by_id[i].kind != "date" for i in figures)
    assert figure_surfaces(seeds, figures[:2]) == [
        "30 nước và vùng lãnh thổ",
        "hơn 170 thỏa thuận hợp tác",
    ]


def test_selection_respects_the_limit(seeds: Workspace) -> None:
    sections, _ = suggest_selection(seeds, counterpart("bac-ninh"), max_sections=2)
    assert sections == [
        section_starting(seeds, "Ở Bắc Giang").id,
        section_starting(seeds, "Năm 2025, tỉnh đề xuất").id,
    ]


def test_counterpart_typed_by_hand_is_resolved_through_the_gazetteer(
    seeds: Workspace,
) -> None:
    typed = rank(seeds, Counterpart(kind="other", name="Hàn Quốc"))
    chosen = rank(seeds, counterpart("KR"))
    assert [s.id for s in typed.sections[:2]] == [s.id for s in chosen.sections[:2]]


def test_counterpart_unknown_to_the_gazetteer_matches_by_name(seeds: Workspace) -> None:
    ranking = rank(seeds, Counterpart(kind="other", name="dien dan tri thuc"))
    forum = section_starting(seeds, "Tới đây cần tổ chức")
    assert ranking.sections[0].id == forum.id
    assert "nhắc tới dien dan tri thuc" in ranking.sections[0].reasons


def test_a_section_under_a_heading_naming_the_counterpart_is_relevant() -> None:
    texts = (
        "Hợp tác với Hàn Quốc",
        "Kim ngạch thương mại đạt 5 tỷ USD trong năm qua, tăng mạnh.",
        "Giới thiệu",
        "Đoàn công tác gồm nhiều doanh nghiệp trong tỉnh đi khảo sát thị trường.",
    )
    source = SourceDocument("", "pasted", "pasted", None, tuple(Block(t) for t in texts))
    sections = [
        Section(
            f"{source.key}/s{i}",
            i,
            "heading" if i % 2 == 0 else "paragraph",
            text,
            1 if i % 2 == 0 else 0,
            ((0, len(text)),),
        )
        for i, text in enumerate(texts)
    ]
    start = texts[1].index("5 tỷ USD")
    amount = Figure(
        f"{sections[1].id}/f0",
        sections[1].id,
        start,
        start + 8,
        "5 tỷ USD",
        "money",
        5e9,
        unit="USD",
    )
    analysis = Analysis(source, Metadata(), sections, [amount], [])
    ranking = rank(Workspace([analysis]), counterpart("KR"))
    scores = {s.id: s for s in ranking.sections}
    assert scores[sections[1].id].score > scores[sections[3].id].score
    assert "thuộc mục về Hàn Quốc" in scores[sections[1].id].reasons
    assert ranking.figures[0].reasons[0] == "thuộc mục về Hàn Quốc"


_PROVINCE_TABLE = """<html><body>
<h1>Hợp tác kinh tế với các địa phương</h1>
<p>Năm 2024, quan hệ hợp tác giữa các địa phương và đối tác nước ngoài tiếp tục được mở rộng.</p>
<table>
<tr><th>Địa phương</th><th>Năm 2023</th><th>Năm 2024</th></tr>
<tr><td>Bắc Giang</td><td>1,2 tỷ USD</td><td>1,5 tỷ USD</td></tr>
<tr><td>Thái Nguyên</td><td>0,8 tỷ USD</td><td>0,9 tỷ USD</td></tr>
</table>
</body></html>
"""


def test_a_table_of_figures_about_the_counterpart_is_suggested(tmp_path) -> None:
    path = tmp_path / "dia-phuong.html"
    path.write_text(_PROVINCE_TABLE, encoding="utf-8")
    workspace = Workspace([analyze(load_source(path))])
    table = next(s for _, s in workspace.sections() if s.kind == "table")

    sections, figures = suggest_selection(workspace, counterpart("bac-giang"))

    assert table.id in sections
    # The figures of the counterpart's row come first: the row is the table's "sentence".
    assert figure_surfaces(workspace, figures)[:2] == ["1,2 tỷ USD", "1,5 tỷ USD"]
    ranked = {f.id: f for f in rank(workspace, counterpart("bac-giang")).figures}
    assert ranked[figures[0]].reasons[0] == "cùng câu với Bắc Giang"
