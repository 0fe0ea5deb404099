"""End to end over the seeds: sources → analysis → briefing → template → DOCX and PDF files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pypdf
import pytest

from briefing_studio.export import export_briefing
from briefing_studio.paths import seed_files
from briefing_studio.selection import new_briefing, resolve_counterpart
from briefing_studio.sources import load_source
from briefing_studio.templating import TemplateLibrary
from briefing_studio.workspace import Workspace
from writer_fixtures import docx_paragraph_texts, normalise, pdf_page_texts

TEMPLATES = ("embassy-meeting", "province-meeting", "handout")


def figure_citations(analyses, briefing, template) -> list[str]:
    from briefing_studio.templating.context import build_context

    return [f["citation"] for f in build_context(analyses, briefing, template)["figures"]]


def without_notes(text: str, notes: list[str]) -> str:
    """``text`` (normalised) with each footnote ("12 Thủ tướng …, đoạn 3.") taken out."""
    for note in notes:
        text = re.sub(rf"\d+ ?{re.escape(normalise(note))}", " ", text)
    return normalise(text)


@pytest.fixture(scope="module")
def analyses():
    return Workspace.analyze([load_source(path) for path in seed_files()])


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return TemplateLibrary(None)


def exported_text(paths: list[Path]) -> dict[str, str]:
    by_format = {}
    for path in paths:
        data = path.read_bytes()
        if path.suffix == ".docx":
            by_format["docx"] = normalise(" ".join(docx_paragraph_texts(data)))
        else:
            by_format["pdf"] = normalise(" ".join(pdf_page_texts(data)))
    return by_format


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_template_renders_the_suggested_seed_briefing_to_docx_and_pdf(
    template_id: str, analyses, library: TemplateLibrary, tmp_path: Path
) -> None:
    counterpart = resolve_counterpart("Hàn Quốc")
    briefing = new_briefing(analyses, "suggested", counterpart, template=template_id)
    paths = export_briefing(analyses, briefing, library.get(template_id), ["docx", "pdf"], tmp_path)
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    texts = exported_text(paths)
    document = docx.Document(str(tmp_path / f"{paths[0].stem}.docx"))
    assert document.core_properties.title
    reader = pypdf.PdfReader(str(paths[1]))
    assert reader.metadata.title == document.core_properties.title
    for text in texts.values():  # normalised: case-folded
        assert "hàn quốc" in text
        assert "hơn 170 thỏa thuận" in text


@pytest.mark.parametrize("template_id", ["embassy-meeting", "province-meeting"])
def test_selecting_all_puts_every_seed_paragraph_in_both_files(
    template_id: str, analyses, library: TemplateLibrary, tmp_path: Path
) -> None:
    briefing = new_briefing(analyses, "all", None, template=template_id)
    paths = export_briefing(analyses, briefing, library.get(template_id), ["docx", "pdf"], tmp_path)
    texts = exported_text(paths)
    # The figures' footnotes sit at the foot of the PDF's pages, between a paragraph's halves
    # when it runs over a page: read the body text without them.
    notes = figure_citations(analyses, briefing, library.get(template_id))
    assert notes and all(normalise(n) in texts["pdf"] for n in notes)
    texts["pdf"] = without_notes(texts["pdf"], notes)
    missing = {fmt: [] for fmt in texts}
    for analysis in analyses:
        for section in analysis.sections:
            for fmt, text in texts.items():
                if normalise(section.text) not in text:
                    missing[fmt].append(section.text[:60])
    assert missing == {"docx": [], "pdf": []}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_studio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_render_command_writes_both_formats_from_the_seeds(tmp_path: Path) -> None:
    result = run_cli(
        "render",
        "--select",
        "all",
        "--template",
        "embassy-meeting",
        "--format",
        "docx,pdf",
        "--out",
        str(tmp_path / "out"),
        "--name",
        "x",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "x.docx").stat().st_size > 0
    assert (tmp_path / "out" / "x.pdf").stat().st_size > 0


def test_analyze_command_prints_the_documented_json_shape(tmp_path: Path) -> None:
    seed = str(seed_files()[0])
    result = run_cli("analyze", seed, "--json", "--no-ner", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    source = json.loads(result.stdout)["sources"][0]
    assert {"path", "title", "metadata", "sections", "figures", "entities", "acronyms"} <= set(
        source
    )
    assert {"id", "kind", "text", "cues"} <= set(source["sections"][0])
    figure = next(f for f in source["figures"] if f["surface"] == "trên 12,4 tỷ USD")
    assert set(figure) >= {
        "id",
        "section",
        "start",
        "end",
        "surface",
        "kind",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "words",
    }
    section = next(s for s in source["sections"] if s["id"] == figure["section"])
    assert section["text"][figure["start"] : figure["end"]] == "trên 12,4 tỷ USD"
    assert source["entities"] is None  # --no-ner


def test_analyze_command_reports_a_bad_file_with_status_2_and_no_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "trống.txt"
    empty.write_bytes(b"")
    result = run_cli("analyze", str(empty), cwd=tmp_path)
    assert result.returncode == 2
    assert "trống.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_command_refuses_an_unknown_template_clearly(tmp_path: Path) -> None:
    result = run_cli("render", "--template", "khong-co", "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "khong-co" in result.stderr
    assert "Traceback" not in result.stderr


def test_handout_of_every_seed_section_still_fits_two_pages(
    analyses, library: TemplateLibrary, tmp_path: Path
) -> None:
    briefing = new_briefing(analyses, "all", None, template="handout")
    (pdf,) = export_briefing(analyses, briefing, library.get("handout"), ["pdf"], tmp_path)
    assert len(pypdf.PdfReader(str(pdf)).pages) <= 2


def test_render_command_takes_the_meeting_details_and_the_agency_set_in_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_studio import cli
    from briefing_studio.settings import settings_file

    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    # What the app's settings dialog writes (QSettings, INI format).
    settings_file().write_text(
        '[agency]\nname="VỤ TỔNG HỢP KINH TẾ"\nparent=BỘ NGOẠI GIAO\nplace=Đà Nẵng\n',
        encoding="utf-8",
    )
    status = cli.main(
        [
            "render",
            "--counterpart",
            "Hàn Quốc",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "out"),
            "--date",
            "20/12/2024",
            "--host",
            "Thứ trưởng Nguyễn Văn A",
            "--participant",
            "Vụ Đông Bắc Á",
        ]
    )
    assert status == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == "briefing-han-quoc-2024-12-20.pdf"
    text = normalise(" ".join(pdf_page_texts(written.read_bytes())))
    for expected in (
        "bộ ngoại giao",
        "vụ tổng hợp kinh tế",
        "đà nẵng, ngày",
        "ngày 20 tháng 12 năm 2024",
        "thứ trưởng nguyễn văn a",
        "vụ đông bắc á",
    ):
        assert expected in text


def test_render_command_refuses_an_impossible_meeting_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_studio import cli

    status = cli.main(["render", "--date", "31/02/2024", "--out", str(tmp_path)])
    assert status == 2
    err = capsys.readouterr().err
    assert "31/02/2024" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())
