"""A template says which formats the export ticks by default (``formats`` in template.toml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.export import default_formats
from briefing_studio.paths import templates_dir
from briefing_studio.templating import TemplateLibrary
from briefing_studio.templating.manifest import parse_manifest
from briefing_studio.templating.manifest_writer import manifest_to_toml
from test_cli import run_cli

BASE = {"id": "mine", "version": 1, "name_vi": "Mẫu", "name_en": "Mine"}


def test_formats_are_read_written_and_checked() -> None:
    manifest = parse_manifest({**BASE, "formats": ["docx", "pdf-a", "docx"]}, Path("x.toml"))
    assert manifest.formats == ("docx", "pdf-a")
    assert 'formats = ["docx", "pdf-a"]' in manifest_to_toml(manifest)
    assert parse_manifest(BASE, Path("x.toml")).formats == ()
    for bad in ("pdf", [1], ["PDF A"], [""]):
        with pytest.raises(BriefingError, match="formats"):
            parse_manifest({**BASE, "formats": bad}, Path("x.toml"))


def _user_template(root: Path, formats: str) -> Path:
    folder = root / "templates" / "mine"
    shutil.copytree(templates_dir() / "handout", folder)
    toml = folder / "template.toml"
    text = toml.read_text(encoding="utf-8").replace('id = "handout"', 'id = "mine"')
    text = text.replace('formats = ["docx", "pdf"]', f"formats = {formats}")
    toml.write_text(text, encoding="utf-8")
    return root / "templates"


def test_builtin_templates_tick_docx_and_pdf(tmp_path: Path) -> None:
    library = TemplateLibrary(tmp_path)
    for template in library.templates():
        if template.origin == "built-in":
            assert default_formats(template) == ["docx", "pdf"], template.id


def test_render_without_format_uses_the_templates_formats(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, '["pdf-a"]')
    out = tmp_path / "out"
    result = run_cli(
        "render",
        "--templates-dir",
        folder,
        "--template",
        "mine",
        "--out",
        out,
        "--name",
        "x",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["x.pdf"]
    with pikepdf.open(out / "x.pdf") as pdf:
        assert pdf.open_metadata().pdfa_status == "2B"
    # --format still wins over the template's choice
    again = run_cli(
        "render",
        "--templates-dir",
        folder,
        "--template",
        "mine",
        "--out",
        out,
        "--name",
        "y",
        "--format",
        "docx",
        cwd=tmp_path,
    )
    assert again.returncode == 0, again.stderr
    assert (out / "y.docx").is_file() and not (out / "y.pdf").exists()


def test_a_format_the_app_lacks_is_named_with_the_template(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, '["odt"]')
    result = run_cli(
        "render",
        "--templates-dir",
        folder,
        "--template",
        "mine",
        "--out",
        tmp_path / "o",
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "mine" in result.stderr and "formats" in result.stderr and "odt" in result.stderr
    assert not (tmp_path / "o").exists()
