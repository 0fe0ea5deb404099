"""What the analysis hands on: no dates as key figures, whole source titles, a readable summary."""

from __future__ import annotations

import json

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis.model import Entity, Mention
from briefing_studio.cli import main
from briefing_studio.paths import seed_files
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.summary import summarize
from briefing_studio.templating import TemplateLibrary, build_context, make_document
from briefing_studio.workspace import Workspace
from seed_helpers import text_source

LEAD = (
    "Chiều 20/12, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị với các Đại sứ/Trưởng "
    "Cơ quan đại diện Việt Nam ở nước ngoài và các tỉnh, thành phố về tổng kết công tác ngoại "
    "giao kinh tế (NGKT) năm 2024 và trọng tâm năm 2025 nhằm tạo đà bứt phá cho tăng trưởng"
)
WHOLE_TITLE = LEAD.removeprefix("Chiều 20/12, ")


@pytest.fixture(scope="module")
def analyses():
    return Workspace.analyze([load_source(path) for path in seed_files()])


def test_select_all_never_preselects_dates(analyses) -> None:
    briefing = new_briefing(analyses, "all", None)
    kinds = {f.id: f.kind for a in analyses for f in a.figures}
    assert briefing.figures and all(kinds[f] != "date" for f in briefing.figures)
    dates = [f for f, kind in kinds.items() if kind == "date"]
    assert dates  # the seeds do hold dates ("20/12", "năm 2025"): they are just not ticked
    context = build_context(analyses, briefing, TemplateLibrary(None).get("embassy-meeting"))
    texts = [f["text"] for f in context["figures"]]
    assert "20/12" not in texts and not any(t.lower().startswith("năm 20") for t in texts)


def test_a_date_the_user_ticks_does_reach_the_figures_table(analyses) -> None:
    briefing = new_briefing(analyses, "all", None)
    date = next(f for a in analyses for f in a.figures if f.kind == "date")
    briefing.figures.append(date.id)
    context = build_context(analyses, briefing, TemplateLibrary(None).get("embassy-meeting"))
    assert context["figures"][-1]["id"] == date.id


def test_a_title_taken_from_the_lead_is_kept_whole_everywhere(analyses, capsys) -> None:
    bac_giang = next(a for a in analyses if a.source.name == "ngkt-2024-bac-giang.txt")
    assert bac_giang.metadata.title == WHOLE_TITLE
    # analyze --json: both title fields
    assert main(["analyze", "--json", "--no-ner", str(seed_files()[0])]) == 0
    payload = json.loads(capsys.readouterr().out)["sources"][0]
    titles = [payload.get("title"), payload["metadata"]["title"]]
    assert [t for t in titles if t is not None] and all(
        t == WHOLE_TITLE for t in titles if t is not None
    )
    # the document's "Nguồn tài liệu"
    briefing = new_briefing(analyses, "all", None)
    document = make_document(analyses, briefing, TemplateLibrary(None).get("embassy-meeting"))
    from briefing_studio.document import ListBlock, plain_text

    items = [
        plain_text(i.inlines) for b in document.blocks if isinstance(b, ListBlock) for i in b.items
    ]
    assert any(item.startswith(WHOLE_TITLE) for item in items)


def test_summary_gives_a_date_without_a_year_a_value() -> None:
    summary = summarize(analyze(text_source("Chiều 20/12, tỉnh tổ chức hội nghị.")))
    line = next(line for line in summary.splitlines() if "20/12  →" in line)
    assert not line.rstrip().endswith(":")
    assert line.strip().endswith("thời gian: 20/12 (không rõ năm)")


def test_summary_names_entity_kinds_in_vietnamese() -> None:
    analysis = analyze(text_source("Bộ trưởng Bùi Thanh Sơn làm việc với tỉnh Bắc Giang."))
    section = analysis.sections[0].id
    analysis.entities = [
        Entity("e1", kind, name, mentions=(Mention(section, 0, 1),))
        for kind, name in [
            ("person", "Bùi Thanh Sơn"),
            ("province", "Bắc Giang"),
            ("country", "Hàn Quốc"),
            ("organization", "Bộ Ngoại giao"),
            ("place", "Đông Nam Á"),
        ]
    ]
    lines = summarize(analysis).splitlines()
    entity_lines = lines[lines.index(next(x for x in lines if x.startswith("Thực thể"))) + 1 :]
    assert [line.split(":")[0].strip() for line in entity_lines] == [
        "người",
        "tỉnh, thành phố",
        "quốc gia",
        "tổ chức",
        "địa danh",
    ]


def test_a_lead_without_full_stops_does_not_become_a_page_long_title() -> None:
    words = " ".join(f"từ{i}" for i in range(500))
    title = analyze(text_source(f"Tỉnh báo cáo {words}")).metadata.title
    assert title.endswith("…") and len(title.split()) <= 80
