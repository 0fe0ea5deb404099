"""Editors copy, rename, share and save templates; a shared drive never sees half a template."""

from __future__ import annotations

import os
import stat
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.paths import seed_files
from briefing_studio.templating import TemplateLibrary, load_manifest, load_template, store
from briefing_studio.templating.draft import Draft, check_template, locate
from briefing_studio.templating.manifest_writer import (
    leading_comments,
    manifest_to_toml,
    set_manifest_fields,
)
from briefing_studio.templating.pipeline import make_document
from briefing_studio.templating.store import TemplateIdTaken

BUILT_INS = ("embassy-meeting", "handout", "province-meeting")
ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "shared-drive" / "templates"
    folder.mkdir(parents=True)
    return folder


def builtin(template_id: str = "embassy-meeting"):
    return TemplateLibrary(None).get(template_id)


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def make_user_template(user_dir: Path, template_id: str, jinja: str = "<p>x</p>") -> Path:
    folder = user_dir / template_id
    folder.mkdir()
    (folder / "template.toml").write_text(
        f'# Ghi chú của Vụ\nid = "{template_id}"\nversion = 1\nname_vi = "Mẫu"\n'
        'name_en = "Template"\n',
        encoding="utf-8",
    )
    (folder / "briefing.html.j2").write_text(jinja, encoding="utf-8")
    return folder


# Customise, rename, delete ------------------------------------------------------------------


def test_editor_customises_a_built_in_template_into_the_office_folder(user_dir: Path) -> None:
    original = builtin()
    copy = store.customise(original, "vu-tong-hop-embassy", user_dir)
    assert copy.usable and copy.origin == "user"
    assert copy.folder == user_dir / "vu-tong-hop-embassy"
    assert copy.manifest.name_vi == original.manifest.name_vi + " (bản của tôi)"
    assert copy.manifest.name_en.endswith("(my copy)")
    assert copy.manifest.styles == original.manifest.styles
    text = copy.manifest_path.read_text(encoding="utf-8")
    assert text.startswith("# Tài liệu phục vụ buổi tiếp Đại sứ")  # comments kept
    assert "# Kiểu chữ" in text
    # The copy carries the shared Decree 30 parts it imports, so it can be edited and moved.
    assert (copy.folder / "_common" / "nd30.html.j2").read_bytes() == (
        original.folder.parent / "_common" / "nd30.html.j2"
    ).read_bytes()
    ids = [t.id for t in TemplateLibrary(user_dir).templates()]
    assert ids == [*BUILT_INS, "vu-tong-hop-embassy"]
    assert visible(user_dir) == ["vu-tong-hop-embassy"]  # no temporary folder left


def test_customise_refuses_a_bad_or_taken_id(user_dir: Path) -> None:
    with pytest.raises(BriefingError, match="not valid"):
        store.customise(builtin(), "Mẫu Mới", user_dir)
    store.customise(builtin(), "mine", user_dir)
    with pytest.raises(TemplateIdTaken) as caught:
        store.customise(builtin("handout"), "mine", user_dir)
    assert caught.value.template_id == "mine"
    assert load_manifest(user_dir / "mine").name_en.startswith("Briefing for receiving")


def test_customise_with_chosen_names(user_dir: Path) -> None:
    copy = store.customise(builtin("handout"), "phat-tay", user_dir, "Phát tay của Vụ", "Ours")
    assert (copy.manifest.name_vi, copy.manifest.name_en) == ("Phát tay của Vụ", "Ours")


def test_suggested_ids_are_free(user_dir: Path) -> None:
    taken = store.taken_ids(user_dir)
    assert set(BUILT_INS) <= taken
    assert store.suggest_id("handout", taken) == "handout-copy"
    store.customise(builtin("handout"), "handout-copy", user_dir)
    assert store.suggest_id("handout", store.taken_ids(user_dir)) == "handout-copy-2"


def test_editor_renames_names_only_and_comments_stay(user_dir: Path) -> None:
    template = load_template(make_user_template(user_dir, "note"), "user")
    renamed = store.rename(template, name_vi='Ghi chú "mới"', name_en="New note")
    assert renamed.manifest.name_vi == 'Ghi chú "mới"'
    assert renamed.folder == template.folder
    assert "# Ghi chú của Vụ" in renamed.manifest_path.read_text(encoding="utf-8")


def test_editor_renames_the_id_and_the_folder_follows(user_dir: Path) -> None:
    template = load_template(make_user_template(user_dir, "note"), "user")
    renamed = store.rename(template, new_id="visit-note")
    assert renamed.id == "visit-note" and renamed.folder == user_dir / "visit-note"
    assert visible(user_dir) == ["visit-note"]
    make_user_template(user_dir, "other")
    with pytest.raises(TemplateIdTaken):
        store.rename(renamed, new_id="other")


def test_delete_removes_user_templates_only(user_dir: Path) -> None:
    template = load_template(make_user_template(user_dir, "note"), "user")
    store.delete(template)
    assert visible(user_dir) == []
    with pytest.raises(BriefingError, match="read-only"):
        store.delete(builtin())
    assert builtin().usable


# Saving -------------------------------------------------------------------------------------


def test_save_writes_all_files_at_once(user_dir: Path) -> None:
    copy = store.customise(builtin(), "mine", user_dir)
    toml = copy.manifest_path.read_text(encoding="utf-8") + "\n[styles.title]\nsize = 20\n"
    saved = store.save_files(
        copy, {"briefing.html.j2": "<h1>Đề mục mới</h1>", "template.toml": toml}
    )
    assert saved.manifest.styles["title"].size == 20
    title = saved.manifest.merged_styles()["title"]  # the rest still comes from the nd30 preset
    assert (title.size, title.bold, title.uppercase) == (20, True, True)
    assert saved.entry_path.read_text(encoding="utf-8") == "<h1>Đề mục mới</h1>"
    assert visible(user_dir) == ["mine"]


def test_save_refuses_a_changed_id_and_built_ins(user_dir: Path) -> None:
    copy = store.customise(builtin(), "mine", user_dir)
    toml = copy.manifest_path.read_text(encoding="utf-8").replace('id = "mine"', 'id = "x"')
    with pytest.raises(BriefingError, match="Rename"):
        store.save_files(copy, {"template.toml": toml})
    with pytest.raises(BriefingError, match="read-only"):
        store.save_files(builtin(), {"briefing.html.j2": "<p>x</p>"})
    with pytest.raises(BriefingError, match="not valid"):
        store.save_files(copy, {"../escape.j2": "x"})


def test_a_failure_midway_leaves_no_half_folder(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = store._write_file
    written: list[Path] = []

    def failing_write(path: Path, data: bytes) -> None:
        if written:
            raise OSError(28, "No space left on device")
        written.append(path)
        real_write(path, data)

    monkeypatch.setattr(store, "_write_file", failing_write)
    with pytest.raises(BriefingError, match="the disk is full"):
        store.customise(builtin(), "mine", user_dir)
    assert visible(user_dir) == []  # neither the template nor a temporary folder


def test_a_failed_save_keeps_the_previous_version_whole(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = store.customise(builtin(), "mine", user_dir)
    before = {p: p.read_bytes() for p in copy.folder.rglob("*") if p.is_file()}

    def failing_write(path: Path, data: bytes) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store, "_write_file", failing_write)
    with pytest.raises(BriefingError, match="input/output error of the device"):
        store.save_files(copy, {"briefing.html.j2": "<p>a</p>", "_common/nd30.html.j2": "<p>b</p>"})
    assert {p: p.read_bytes() for p in copy.folder.rglob("*") if p.is_file()} == before
    assert visible(user_dir) == ["mine"]


def test_a_crash_between_the_two_renames_is_recovered(user_dir: Path) -> None:
    folder = make_user_template(user_dir, "note")
    trash = user_dir / ".trash-note.0123abcd"
    os.rename(folder, trash)
    old = time.time() - 3600
    os.utime(trash, (old, old))
    leftover = user_dir / ".tmp-abc"
    leftover.mkdir()
    os.utime(leftover, (old, old))
    assert store.recover_interrupted(user_dir) == [folder]
    assert visible(user_dir) == ["note"]
    assert TemplateLibrary(user_dir).get("note").usable


# Zip export and import ----------------------------------------------------------------------


def test_zip_export_and_import_round_trip(user_dir: Path, tmp_path: Path) -> None:
    copy = store.customise(builtin(), "shared-embassy", user_dir)
    archive = store.export_zip(copy, tmp_path / "shared-embassy.zip")
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == [
            "shared-embassy/_common/nd30.html.j2",
            "shared-embassy/briefing.html.j2",
            "shared-embassy/template.toml",
        ]
    other_office = tmp_path / "other-office"
    imported = store.import_zip(archive, other_office)
    assert imported.usable and imported.id == "shared-embassy"
    for name in ("briefing.html.j2", "_common/nd30.html.j2", "template.toml"):
        assert (imported.folder / name).read_bytes() == (copy.folder / name).read_bytes()


def test_import_accepts_files_at_the_top_of_the_zip(user_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "flat.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("template.toml", 'id = "flat"\nversion = 1\nname_vi = "A"\nname_en = "A"\n')
        out.writestr("briefing.html.j2", "<p>x</p>")
    assert store.import_zip(archive, user_dir).folder == user_dir / "flat"


def zip_with(tmp_path: Path, name: str, symlink: bool = False) -> Path:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("t/template.toml", 'id = "t"\nversion = 1\nname_vi = "A"\nname_en = "A"\n')
        out.writestr("t/briefing.html.j2", "<p>x</p>")
        info = zipfile.ZipInfo(name)
        if symlink:
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(info, "/etc/passwd" if symlink else "gotcha")
    return archive


@pytest.mark.parametrize(
    "name", ["../../evil.j2", "t/../../evil.j2", "/etc/cron.d/evil", "C:/evil.j2", "t\\..\\evil"]
)
def test_zip_slip_is_refused_and_nothing_is_written(
    user_dir: Path, tmp_path: Path, name: str
) -> None:
    with pytest.raises(BriefingError, match="unsafe"):
        store.import_zip(zip_with(tmp_path, name), user_dir)
    assert visible(user_dir) == []
    assert not (tmp_path / "evil.j2").exists()


def test_links_in_a_zip_are_refused(user_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match="not a regular file"):
        store.import_zip(zip_with(tmp_path, "t/link.j2", symlink=True), user_dir)
    assert visible(user_dir) == []


def test_zip_limits_and_missing_manifest(
    user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("t/template.toml", 'id = "t"\nversion = 1\nname_vi = "A"\nname_en = "A"\n')
        out.writestr("t/briefing.html.j2", "<p>x</p>" * 1000)  # compresses well: a zip bomb
    with pytest.raises(BriefingError, match="too large"):
        store.import_zip(big, user_dir)
    bare = tmp_path / "bare.zip"
    with zipfile.ZipFile(bare, "w") as out:
        out.writestr("briefing.html.j2", "<p>x</p>")
    with pytest.raises(BriefingError, match=r"template\.toml"):
        store.import_zip(bare, user_dir)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BriefingError, match="damaged"):
        store.import_zip(broken, user_dir)
    assert visible(user_dir) == []


def test_import_id_clash_refuse_rename_or_replace(user_dir: Path, tmp_path: Path) -> None:
    make_user_template(user_dir, "note", jinja="<p>cũ</p>")
    other = tmp_path / "other"
    other.mkdir()
    archive = store.export_zip(
        load_template(make_user_template(other, "note", jinja="<p>mới</p>"), "user"),
        tmp_path / "note.zip",
    )
    with pytest.raises(TemplateIdTaken):
        store.import_zip(archive, user_dir)
    kept = store.import_zip(archive, user_dir, on_clash="rename")
    assert kept.id == "note-imported" and kept.folder == user_dir / "note-imported"
    replaced = store.import_zip(archive, user_dir, on_clash="replace")
    assert replaced.folder == user_dir / "note"
    assert replaced.entry_path.read_text(encoding="utf-8") == "<p>mới</p>"
    assert visible(user_dir) == ["note", "note-imported"]


def test_import_with_a_built_in_id_is_a_clash_too(user_dir: Path, tmp_path: Path) -> None:
    archive = store.export_zip(builtin("handout"), tmp_path / "handout.zip")
    with pytest.raises(TemplateIdTaken):
        store.import_zip(archive, user_dir)
    office = store.import_zip(archive, user_dir, on_clash="replace")
    assert TemplateLibrary(user_dir).get("handout").folder == office.folder


# The manifest writer --------------------------------------------------------------------------


@pytest.mark.parametrize("template_id", BUILT_INS)
def test_form_manifest_writes_back_identically(template_id: str) -> None:
    template = builtin(template_id)
    header = leading_comments(template.manifest_path.read_text(encoding="utf-8"))
    text = manifest_to_toml(template.manifest, header)
    assert text.startswith("# ")
    assert tomllib.loads(text)["id"] == template_id


def test_set_manifest_fields_adds_missing_keys() -> None:
    text = 'id = "a"\nversion = 1\nname_vi = "A"\n\n[styles.body]\nsize = 13\n'
    edited = set_manifest_fields(text, {"name_en": "B", "id": "b"})
    assert tomllib.loads(edited) == {
        "id": "b",
        "version": 1,
        "name_vi": "A",
        "name_en": "B",
        "styles": {"body": {"size": 13}},
    }


# Drafts: what the editor and the manager run ----------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    from briefing_studio.analysis import analyze
    from briefing_studio.selection import new_briefing
    from briefing_studio.sources import load_source
    from briefing_studio.workspace import Workspace

    analyses = Workspace(analyze(load_source(p)) for p in seed_files())
    return new_briefing(analyses, "suggested", None), analyses


def test_draft_renders_unsaved_text_of_any_file(user_dir: Path, sample) -> None:
    briefing, analyses = sample
    copy = store.customise(builtin(), "mine", user_dir)
    parts = (copy.folder / "_common/nd30.html.j2").read_text(encoding="utf-8")
    draft = Draft(copy, copy.manifest, {"_common/nd30.html.j2": parts.replace("STT", "Số TT")})
    document = make_document(analyses, briefing, draft.as_template(), overlay=draft.files)
    assert "<th>Số TT</th>" in document.markup
    assert "Số TT" not in (copy.folder / "_common/nd30.html.j2").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("jinja", "line", "words"),
    [
        ("<p>a</p>\n{% if x %}\n<p>b</p>\n", 4, "syntax"),
        ("<p>a</p>\n<blink>{{ briefing.title }}</blink>\n", 2, "<blink>"),
        ("<p>a</p>\n<p>{{ ''.__class__.__mro__ }}</p>\n", 2, "unsafe"),
        ("<p>a</p>\n" + ENDLESS, 2, "longer than"),
    ],
    ids=["syntax-error", "unknown-tag", "sandbox-escape", "endless-loop"],
)
def test_broken_templates_are_found_with_their_line(
    user_dir: Path, sample, jinja: str, line: int, words: str
) -> None:
    briefing, analyses = sample
    template = load_template(make_user_template(user_dir, "broken", jinja), "user")
    error = check_template(analyses, briefing, template, time_limit=0.3)
    assert error is not None and words in error.message("en")
    found = locate(error, Draft(template, template.manifest))
    if words == "syntax":
        assert error.line is not None  # Jinja reports the end of the file for unclosed blocks
    else:
        assert found is not None and (found.file, found.line) == ("briefing.html.j2", line)
