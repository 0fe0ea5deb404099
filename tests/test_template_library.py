"""The template list: built-ins, an editor's folder that overrides them, broken ones shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.templating import TemplateLibrary

BUILT_INS = ["embassy-meeting", "handout", "province-meeting"]


def manifest(template_id: str, name: str = "Mẫu", version: int = 1, page: str = "nd30") -> str:
    return (
        f'id = "{template_id}"\nversion = {version}\nname_vi = "{name}"\n'
        f'name_en = "Template"\npage = "{page}"\n'
    )


def make(folder: Path, toml: str | None, jinja: str | None = "<p>x</p>") -> Path:
    folder.mkdir(parents=True)
    if toml is not None:
        (folder / "template.toml").write_text(toml, encoding="utf-8")
    if jinja is not None:
        (folder / "briefing.html.j2").write_text(jinja, encoding="utf-8")
    return folder


def test_secretary_sees_the_three_built_in_templates() -> None:
    library = TemplateLibrary(None)
    templates = library.templates()
    assert [t.id for t in templates] == BUILT_INS
    assert all(t.origin == "built-in" and t.usable for t in templates)
    assert library.get("handout").manifest.page == "handout"  # type: ignore[union-attr]


def test_editor_template_with_a_built_in_id_replaces_it(tmp_path: Path) -> None:
    make(tmp_path / "my-embassy", manifest("embassy-meeting", name="Mẫu của Vụ"))
    make(tmp_path / "extra", manifest("visit-note", name="Ghi chú chuyến thăm"))
    library = TemplateLibrary(tmp_path)
    templates = library.templates()
    assert [t.id for t in templates] == [*BUILT_INS, "visit-note"]
    embassy = library.get("embassy-meeting")
    assert embassy.origin == "user" and embassy.name() == "Mẫu của Vụ"
    assert embassy.folder == tmp_path / "my-embassy"
    assert library.get("visit-note").origin == "user"


def test_broken_templates_are_listed_with_their_problem_not_hidden(tmp_path: Path) -> None:
    make(tmp_path / "bad-toml", 'id = "bad-toml\nversion = 1\n')
    make(tmp_path / "no-jinja", manifest("no-jinja"), jinja=None)
    make(tmp_path / "too-new", manifest("too-new", version=99))
    make(tmp_path / "odd-page", manifest("odd-page", page="letter"))
    make(tmp_path / "lost-manifest", None)  # only a .j2 left
    (tmp_path / "pictures").mkdir()  # not a template at all: ignored
    library = TemplateLibrary(tmp_path)
    by_id = {t.id: t for t in library.templates()}
    for template_id in ("bad-toml", "no-jinja", "too-new", "odd-page", "lost-manifest"):
        assert by_id[template_id].problem, template_id
        with pytest.raises(BriefingError):
            library.get(template_id)
    assert "pictures" not in by_id
    assert "briefing.html.j2" in (by_id["no-jinja"].problem or "")
    assert "page" in (by_id["odd-page"].problem or "")
    assert all(by_id[t].usable for t in BUILT_INS)


def test_broken_override_shadows_the_built_in_so_the_editor_notices(tmp_path: Path) -> None:
    make(tmp_path / "handout", manifest("handout", version=99))
    library = TemplateLibrary(tmp_path)
    handout = next(t for t in library.templates() if t.id == "handout")
    assert handout.origin == "user" and handout.problem
    with pytest.raises(BriefingError):
        library.get("handout")


def test_two_user_folders_with_one_id_keep_the_first_and_flag_the_other(tmp_path: Path) -> None:
    make(tmp_path / "a-note", manifest("note", name="A"))
    make(tmp_path / "b-note", manifest("note", name="B"))
    library = TemplateLibrary(tmp_path)
    notes = [t for t in library.templates() if t.id == "note"]
    assert [t.folder.name for t in notes] == ["a-note", "b-note"]
    assert notes[0].usable and notes[1].problem
    assert library.get("note").name() == "A"


def test_unknown_template_id_is_a_briefing_error() -> None:
    with pytest.raises(BriefingError) as caught:
        TemplateLibrary(None).get("no-such-template")
    assert "no-such-template" in caught.value.message("vi")


def test_offline_network_folder_is_a_note_not_a_crash(tmp_path: Path) -> None:
    library = TemplateLibrary(tmp_path / "offline-share")
    assert [t.id for t in library.templates()] == BUILT_INS
    assert library.folder_problem and "offline-share" in library.folder_problem


def test_unreadable_user_folder_is_a_note_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    make(locked / "x", manifest("x"))
    real_iterdir = Path.iterdir

    def refuse(self: Path):  # what a share without read permission does
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    library = TemplateLibrary(locked)
    assert [t.id for t in library.templates()] == BUILT_INS
    assert library.folder_problem and "không có quyền truy cập" in library.folder_problem


def test_folder_problem_clears_when_the_share_comes_back(tmp_path: Path) -> None:
    share = tmp_path / "share"
    library = TemplateLibrary(share)
    library.templates()
    assert library.folder_problem
    make(share / "late", manifest("late"))
    assert "late" in [t.id for t in library.templates()]
    assert library.folder_problem is None
