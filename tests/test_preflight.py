"""Warnings before export: an unknown or ill-fitting counterpart, no agency, empty slots."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.briefing import Agency, Briefing
from briefing_studio.cli import main
from briefing_studio.paths import seed_files
from briefing_studio.preflight import Notice, preflight
from briefing_studio.selection import new_briefing, resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary
from briefing_studio.workspace import Workspace

LIBRARY = TemplateLibrary(None)
AGENCY = Agency(parent="BỘ NGOẠI GIAO", name="VỤ TỔNG HỢP KINH TẾ")


@pytest.fixture(scope="module")
def analyses():
    return Workspace.analyze([load_source(path) for path in seed_files()])


def notices_for(analyses, counterpart: str | None, template: str, agency=AGENCY) -> list[Notice]:
    briefing = new_briefing(analyses, "all", resolve_counterpart(counterpart), template=template)
    briefing.agency = agency
    return preflight(analyses, briefing, LIBRARY.get(template))


def codes(notices: list[Notice]) -> list[str]:
    return [n.code for n in notices]


@pytest.mark.parametrize(
    ("counterpart", "template", "expected"),
    [
        ("Hàn Quốc", "embassy-meeting", []),
        ("Bắc Giang", "province-meeting", []),
        ("Bắc Giang", "embassy-meeting", ["counterpart-kind"]),
        ("Hàn Quốc", "province-meeting", ["counterpart-kind"]),
        ("Bắc Giang", "handout", []),  # a handout is for any guest
        ("Xứ Sở Thần Tiên", "embassy-meeting", ["counterpart-unknown"]),
        ("Xứ Sở Thần Tiên", "handout", ["counterpart-unknown"]),
        (None, "embassy-meeting", []),
    ],
)
def test_counterpart_that_is_unknown_or_does_not_fit_the_template_is_a_notice(
    analyses, counterpart: str | None, template: str, expected: list[str]
) -> None:
    found = [c for c in codes(notices_for(analyses, counterpart, template)) if "counterpart" in c]
    assert found == expected


def test_an_english_name_the_gazetteer_cannot_resolve_is_never_silent(analyses) -> None:
    # "Korea" is either resolved to a country (then the embassy template fits) or warned about.
    notices = notices_for(analyses, "Korea", "embassy-meeting")
    resolved = resolve_counterpart("Korea")
    assert "counterpart-unknown" in codes(notices) or (
        resolved is not None and resolved.kind == "country" and resolved.key
    )


def test_kind_notice_names_the_counterpart_and_the_template_in_both_languages(analyses) -> None:
    notice = notices_for(analyses, "Bắc Giang", "embassy-meeting")[0]
    assert "Bắc Giang" in notice.message("vi") and "Đại sứ" in notice.message("vi")
    assert "province" in notice.message("en") and "Ambassador" in notice.message("en")
    assert notice.message() == notice.message_vi


def test_missing_agency_says_how_to_set_it(analyses) -> None:
    notices = notices_for(analyses, "Hàn Quốc", "embassy-meeting", agency=Agency())
    (notice,) = [n for n in notices if n.code == "agency-missing"]
    assert "--agency" in notice.message("vi") and "Cài đặt" in notice.message("vi")
    assert "--agency" in notice.message("en") and "Settings" in notice.message("en")
    assert "agency-missing" not in codes(notices_for(analyses, "Hàn Quốc", "embassy-meeting"))


def test_empty_slots_and_no_figures_are_flagged(analyses) -> None:
    briefing = Briefing(sources=[a.source for a in analyses], agency=AGENCY)
    notices = preflight(analyses, briefing, LIBRARY.get("embassy-meeting"))
    slots = LIBRARY.get("embassy-meeting").manifest.slots
    empty = [n for n in notices if n.code == "slot-empty"]
    assert len(empty) == len(slots)
    assert all(any(s.name_vi in n.message_vi for n in empty) for s in slots)
    assert "figures-empty" in codes(notices)
    full = new_briefing(analyses, "all", None)
    full.agency = AGENCY
    assert "figures-empty" not in codes(preflight(analyses, full, LIBRARY.get("embassy-meeting")))


@pytest.mark.parametrize(
    ("counterpart", "template", "expected"),
    [
        ("Xứ Sở Thần Tiên", "embassy-meeting", "Xứ Sở Thần Tiên"),
        ("Bắc Giang", "embassy-meeting", "Bắc Giang"),
    ],
)
def test_render_command_prints_the_notices_on_stderr_and_still_succeeds(
    counterpart: str, template: str, expected: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))  # no agency set there
    argv = ["render", "--counterpart", counterpart, "--template", template]
    status = main([*argv, "--format", "docx", "--out", str(tmp_path)])
    out, err = capsys.readouterr()
    assert status == 0
    warnings = [line for line in err.splitlines() if line.startswith("cảnh báo: ")]
    assert any(expected in line and "(warning: " in line for line in warnings)
    assert any("--agency" in line for line in warnings)
    assert out.strip().endswith(".docx")
