"""Shared template parts (``_common/``): written once, reachable from every template through the
sandbox, never a way out of it, and carried along when a template is copied or exported."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.paths import seed_files, templates_dir
from briefing_studio.templating import TemplateLibrary, load_template, make_document, store
from briefing_studio.templating.draft import Draft, Located, locate
from briefing_studio.templating.pipeline import MarkupProblem
from briefing_studio.templating.sandbox import BriefingSandbox, sandbox_for
from briefing_studio.workspace import Workspace

NOTE = 'id = "{id}"\nversion = 1\nname_vi = "Mẫu"\nname_en = "Template"\n'
PARTS = "_common/nd30.html.j2"


@pytest.fixture(scope="module")
def sample():
    from briefing_studio.analysis import analyze
    from briefing_studio.selection import new_briefing
    from briefing_studio.sources import load_source

    analyses = Workspace(analyze(load_source(p)) for p in seed_files())
    return new_briefing(analyses, "suggested", None), analyses


def template_folder(root: Path, template_id: str, jinja: str) -> Path:
    folder = root / template_id
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(NOTE.format(id=template_id), encoding="utf-8")
    (folder / "briefing.html.j2").write_text(jinja, encoding="utf-8")
    return folder


def render(folder: Path, **context: object) -> str:
    return BriefingSandbox(folder).render("briefing.html.j2", context)


def failure(folder: Path) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        render(folder)
    return caught.value


USES_DETAIL = (
    '{% import "_common/nd30.html.j2" as parts %}{{ parts.detail("Thời gian", "sáng nay.") }}'
)


def test_the_two_decree_30_templates_share_one_parts_file() -> None:
    assert not list(templates_dir().glob("*/parts.html.j2"))
    for template_id in ("embassy-meeting", "province-meeting"):
        entry = templates_dir() / template_id / "briefing.html.j2"
        assert '{% import "_common/nd30.html.j2" as parts %}' in entry.read_text("utf-8")


def test_common_is_not_listed_as_a_template(tmp_path: Path) -> None:
    user = tmp_path / "office"
    template_folder(user, "note", "<p>x</p>")
    (user / "_common").mkdir()
    (user / "_common" / "nd30.html.j2").write_text("{% macro detail(a, b) %}{% endmacro %}")
    ids = [t.id for t in TemplateLibrary(user).templates()]
    assert ids == ["embassy-meeting", "handout", "province-meeting", "note"]


def test_a_user_template_reaches_the_built_in_parts(tmp_path: Path) -> None:
    folder = template_folder(tmp_path / "office", "note", USES_DETAIL)
    assert render(folder) == '<p class="detail"><b>Thời gian:</b> sáng nay.</p>\n'


def test_the_nearest_common_wins_and_built_ins_see_only_built_in_parts(
    tmp_path: Path, sample
) -> None:
    office = tmp_path / "office"
    folder = template_folder(office, "note", USES_DETAIL)
    (office / "_common").mkdir()
    (office / "_common" / "nd30.html.j2").write_text(
        "{% macro detail(a, b) %}<p>của Vụ</p>{% endmacro %}"
    )
    assert render(folder) == "<p>của Vụ</p>"
    (folder / "_common").mkdir()
    (folder / "_common" / "nd30.html.j2").write_text(
        "{% macro detail(a, b) %}<p>của mẫu</p>{% endmacro %}"
    )
    assert render(folder) == "<p>của mẫu</p>"
    # The office's parts do not change what a built-in template prints.
    briefing, analyses = sample
    library = TemplateLibrary(office)
    built_in = library.get("embassy-meeting")
    assert built_in.origin == "built-in"
    assert "của Vụ" not in make_document(analyses, briefing, built_in).markup


@pytest.mark.parametrize(
    "name",
    [
        "_common/../../secret.txt",
        "_common/../note/briefing.html.j2",
        "_common//etc/passwd",
        "/etc/passwd",
        "../_common/nd30.html.j2",
        "_common\\..\\secret.txt",
    ],
)
def test_shared_parts_are_no_way_out_of_the_sandbox(tmp_path: Path, name: str) -> None:
    (tmp_path / "secret.txt").write_text("mật khẩu", encoding="utf-8")
    literal = name.replace("\\", "\\\\")
    folder = template_folder(tmp_path / "office", "note", f"{{% include '{literal}' %}}")
    error = failure(folder)
    assert "own folder" in error.message("en") and "mật khẩu" not in error.message("en")


def test_a_symlink_in_common_cannot_lead_out_of_it(tmp_path: Path) -> None:
    office = tmp_path / "office"
    folder = template_folder(office, "note", "{% include '_common/leak.html.j2' %}")
    (tmp_path / "secret.txt").write_text("mật khẩu", encoding="utf-8")
    (office / "_common").mkdir()
    try:
        (office / "_common" / "leak.html.j2").symlink_to(tmp_path / "secret.txt")
    except OSError:
        pytest.skip("symlinks not permitted here")
    assert "own folder" in failure(folder).message("en")


def test_a_missing_shared_part_names_the_file(tmp_path: Path) -> None:
    folder = template_folder(tmp_path / "office", "note", "{% include '_common/none.j2' %}")
    assert "_common/none.j2" in failure(folder).message("en")


def test_a_copy_carries_the_parts_and_works_anywhere(tmp_path: Path, sample) -> None:
    briefing, analyses = sample
    original = TemplateLibrary(None).get("province-meeting")
    expected = make_document(analyses, briefing, original).markup
    copy = store.customise(original, "mine", tmp_path / "office")
    assert (copy.folder / PARTS).read_bytes() == (templates_dir() / PARTS).read_bytes()
    assert make_document(analyses, briefing, copy).markup == expected
    # Moved by hand to another folder with no _common beside it: still the same document.
    moved = shutil.copytree(copy.folder, tmp_path / "elsewhere" / "mine")
    assert make_document(analyses, briefing, load_template(moved, "user")).markup == expected
    # Without its own copy of the parts, it falls back to the built-in ones.
    shutil.rmtree(moved / "_common")
    assert make_document(analyses, briefing, load_template(moved, "user")).markup == expected


def test_an_export_carries_the_parts_only_when_the_template_uses_them(tmp_path: Path) -> None:
    handout = store.customise(TemplateLibrary(None).get("handout"), "sheet", tmp_path / "office")
    assert not (handout.folder / "_common").exists()
    folder = template_folder(tmp_path / "office", "note", USES_DETAIL)
    archive = store.export_zip(load_template(folder, "user"), tmp_path / "note.zip")
    with zipfile.ZipFile(archive) as opened:
        assert f"note/{PARTS}" in opened.namelist()
        assert opened.read(f"note/{PARTS}") == (templates_dir() / PARTS).read_bytes()
    imported = store.import_zip(archive, tmp_path / "other-office")
    assert render(imported.folder) == '<p class="detail"><b>Thời gian:</b> sáng nay.</p>\n'


def test_a_markup_problem_in_the_parts_is_located_in_their_file(tmp_path: Path, sample) -> None:
    briefing, analyses = sample
    copy = store.customise(TemplateLibrary(None).get("embassy-meeting"), "mine", tmp_path)
    parts = (copy.folder / PARTS).read_text(encoding="utf-8")
    broken = parts.replace("<th>STT</th>", "<th><blink>STT</blink></th>")
    draft = Draft(copy, copy.manifest, {PARTS: broken})
    with pytest.raises(MarkupProblem) as caught:
        make_document(analyses, briefing, draft.as_template(), overlay=draft.files)
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "<blink>" in text)
    assert locate(caught.value, draft) == Located(PARTS, line)


def test_a_part_added_beside_a_template_is_used_without_a_restart(tmp_path: Path) -> None:
    office = tmp_path / "office"
    folder = template_folder(office, "note", USES_DETAIL)
    sandbox = sandbox_for(folder)  # the shared, caching environment an export uses
    assert "Thời gian" in sandbox.render("briefing.html.j2", {})
    (office / "_common").mkdir()
    (office / "_common" / "nd30.html.j2").write_text(
        "{% macro detail(a, b) %}<p>của Vụ</p>{% endmacro %}"
    )
    assert sandbox.render("briefing.html.j2", {}) == "<p>của Vụ</p>"
