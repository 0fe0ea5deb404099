"""An editor writes template.toml; mistakes are reported with the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.analysis.model import Section
from briefing_studio.errors import BriefingError
from briefing_studio.templating.manifest import (
    FORMAT_VERSION,
    RESERVED_STYLES,
    default_slot,
    load_manifest,
    load_template,
)

GOOD = """
id = "office-note"
version = 1
name_vi = "Ghi chú của Văn phòng"
name_en = "Office note"
description_vi = "Mẫu thử"
audience = "embassy"
page = "nd30"

[margins]
left = 32
right = 18

[styles.title]
size = 14
bold = true
align = "center"
color = "#1f3864"

[styles.body]
size = 13

[[slots]]
id = "results"
name_vi = "Kết quả"
name_en = "Results"
cues = ["result"]
default = true

[[slots]]
id = "asks"
name_vi = "Đề xuất"
name_en = "Proposals"
cues = ["proposal", "direction"]
"""


def write(folder: Path, toml: str, jinja: str | None = "<p>x</p>") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.toml").write_text(toml, encoding="utf-8")
    if jinja is not None:
        (folder / "briefing.html.j2").write_text(jinja, encoding="utf-8")
    return folder


def error_for(tmp_path: Path, toml: str) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        load_manifest(write(tmp_path / "t", toml))
    return caught.value


def test_editor_manifest_is_read_with_names_slots_and_styles(tmp_path: Path) -> None:
    manifest = load_manifest(write(tmp_path / "t", GOOD))
    assert manifest.id == "office-note"
    assert manifest.name("en") == "Office note"
    assert manifest.entry == "briefing.html.j2"
    assert [s.id for s in manifest.slots] == ["results", "asks"]
    assert manifest.slots[1].cues == ("proposal", "direction")
    assert manifest.styles["title"].color == "#1F3864"
    # Markup may use the reserved classes, the nd30 preset's Decree 30 classes and its own.
    assert manifest.style_names() == RESERVED_STYLES | {"title", "body", "letterhead", "motto"} | {
        "agency-parent",
        "agency",
        "reference",
        "motto-sub",
        "place-date",
        "subtitle",
        "detail",
        "note",
        "figures",
        "num",
        "figure-value",
        "source",
        "source-table",
        "table-caption",
        "glossary",
    }


def test_manifest_styles_lay_over_preset_styles_and_margins_over_preset_page(
    tmp_path: Path,
) -> None:
    manifest = load_manifest(write(tmp_path / "t", GOOD))
    styles = manifest.merged_styles()
    assert styles["body"].size == 13  # overridden
    assert styles["body"].font == "Times New Roman"  # kept from the nd30 preset
    assert styles["h1"].bold is True  # preset style untouched
    assert styles["title"].bold is True and styles["title"].font is None  # new, inherits body
    page = manifest.page_setup()
    assert (page.left, page.right, page.top) == (32, 18, 20)


BASE = 'id = "t"\nversion = 1\nname_vi = "T"\nname_en = "T"\n'
SLOT = '[[slots]]\nid = "x"\nname_vi = "X"\n'


@pytest.mark.parametrize(
    ("toml", "field"),
    [
        (BASE.replace('id = "t"\n', ""), "id"),
        (BASE.replace('id = "t"', 'id = "Bản tin"'), "id"),
        (BASE.replace("version = 1", 'version = "one"'), "version"),
        (BASE.replace('name_en = "T"', 'name_en = ""'), "name_en"),
        (BASE + 'page = "letter"\n', "page"),
        (BASE + "[margins]\nleft = 10\n", "margins.left"),  # nd30 allows 30–35 mm
        (BASE + "[margins]\ninner = 10\n", "margins.inner"),
        (BASE + '[styles.title]\nsize = "13"\n', "styles.title.size"),
        (BASE + '[styles.title]\nalign = "middle"\n', "styles.title.align"),
        (BASE + '[styles.title]\ncolour = "#000000"\n', "styles.title.colour"),
        (BASE + '[styles.title]\ncolor = "red"\n', "styles.title.color"),
        (BASE + "[styles.title]\nbold = 1\n", "styles.title.bold"),
        (BASE + "[styles.agency]\nrule_below = 1.5\n", "styles.agency.rule_below"),
        (BASE + "[styles.Title]\nbold = true\n", "styles.Title"),
        (BASE + SLOT + 'name_en = "X"\ncues = ["gossip"]\n', "slots[1].cues"),
        (BASE + SLOT, "slots[1].name_en"),
        (BASE + 'colour_scheme = "blue"\n', "colour_scheme"),
    ],
)
def test_editor_mistake_names_template_toml_and_the_field(
    tmp_path: Path, toml: str, field: str
) -> None:
    error = error_for(tmp_path, toml)
    assert error.path is not None and error.path.endswith("template.toml")
    assert f"“{field}”" in error.message("en")
    assert f"“{field}”" in error.message("vi")


def test_two_default_slots_are_refused(tmp_path: Path) -> None:
    toml = GOOD.replace(
        'cues = ["proposal", "direction"]', 'cues = ["proposal", "direction"]\ndefault = true'
    )
    assert "slots[2].default" in error_for(tmp_path, toml).message("en")


def test_broken_toml_reports_its_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, 'id = "t"\nversion = 1\nname_vi = "unterminated\n')
    assert error.line == 3
    assert "TOML" in error.message("en")


def test_template_from_a_newer_app_is_listed_with_that_problem(tmp_path: Path) -> None:
    toml = GOOD.replace("version = 1", f"version = {FORMAT_VERSION + 1}")
    template = load_template(write(tmp_path / "new", toml), "user")
    assert template.id == "office-note"  # still recognisable in the list
    assert not template.usable
    assert "Briefing Studio" in (template.problem or "")


def test_template_without_its_jinja_file_has_a_problem(tmp_path: Path) -> None:
    template = load_template(write(tmp_path / "t", GOOD, jinja=None), "built-in")
    assert template.manifest is not None and not template.usable
    assert "briefing.html.j2" in (template.problem or "")


def test_entry_outside_the_folder_is_refused(tmp_path: Path) -> None:
    toml = GOOD.replace('page = "nd30"', 'page = "nd30"\nentry = "../other/briefing.html.j2"')
    assert "“entry”" in error_for(tmp_path, toml).message("en")


def section(*cues: str) -> Section:
    return Section(id="k/s0", index=0, kind="paragraph", text="x", cues=cues)  # type: ignore[arg-type]


def test_section_goes_to_the_slot_of_its_first_cue_that_has_one(tmp_path: Path) -> None:
    manifest = load_manifest(write(tmp_path / "t", GOOD))
    assert default_slot(manifest, section("proposal", "result")) == "asks"
    assert default_slot(manifest, section("background", "direction")) == "asks"
    assert default_slot(manifest, section("result")) == "results"


def test_section_without_a_matching_cue_goes_to_the_default_slot(tmp_path: Path) -> None:
    manifest = load_manifest(write(tmp_path / "t", GOOD))
    assert default_slot(manifest, section()) == "results"
    assert default_slot(manifest, {"cues": ["background"]}) == "results"
    no_default = load_manifest(write(tmp_path / "u", GOOD.replace("default = true", "")))
    assert default_slot(no_default, section("background")) is None


def test_merged_styles_are_the_documents_own() -> None:
    """A document may change its styles; the preset and the next document keep theirs."""
    from briefing_studio.templating import TemplateLibrary

    manifest = TemplateLibrary(None).get("embassy-meeting").manifest
    assert manifest is not None
    first = manifest.merged_styles()
    first["body"].size = 99
    first["motto"].bold = not first["motto"].bold
    second = manifest.merged_styles()
    assert second["body"].size != 99 and second["motto"] != first["motto"]
    assert manifest.preset.styles["body"].size != 99
