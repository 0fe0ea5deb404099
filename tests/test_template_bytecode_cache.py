"""Compiled templates kept between processes: hit, miss, changed text, damage, other guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.templating import sandbox as sandbox_module
from briefing_studio.templating.bytecode_cache import TemplateBytecodeCache
from briefing_studio.templating.sandbox import BriefingSandbox, compiled_code_tag

ENTRY = "briefing.html.j2"
SOURCE = "{% for n in numbers %}<p>{{ n }} {{ word }}</p>{% endfor %}"
ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    template = tmp_path / "template"
    template.mkdir()
    (template / ENTRY).write_text(SOURCE, encoding="utf-8")
    return template


@pytest.fixture
def cache(tmp_path: Path) -> TemplateBytecodeCache:
    return TemplateBytecodeCache(tmp_path / "cache", compiled_code_tag())


class Compiles:
    """How often an environment compiles a template from its text (kept code is not)."""

    def __init__(self, environment: BriefingSandbox, monkeypatch) -> None:
        self.count = 0
        compile_source = environment.compile

        def counted(*args, **kwargs):
            self.count += 1
            return compile_source(*args, **kwargs)

        monkeypatch.setattr(environment, "compile", counted)


def rendered(folder: Path, cache: TemplateBytecodeCache, monkeypatch) -> tuple[str, int]:
    """A new environment (as in a new process) renders; the output and how often it compiled."""
    environment = BriefingSandbox(folder, bytecode_cache=cache)
    compiles = Compiles(environment, monkeypatch)
    text = environment.render(ENTRY, {"numbers": [1, 2], "word": "<b>"})
    return text, compiles.count


def entries(cache: TemplateBytecodeCache) -> list[Path]:
    return sorted(cache.folder.glob("*.jinja"))


def test_a_kept_template_is_not_compiled_again(folder, cache, monkeypatch) -> None:
    first, compiled = rendered(folder, cache, monkeypatch)
    assert compiled == 1 and len(entries(cache)) == 1
    second, compiled = rendered(folder, cache, monkeypatch)
    assert compiled == 0
    assert second == first == "<p>1 &lt;b&gt;</p><p>2 &lt;b&gt;</p>"


def test_changed_text_is_compiled_again(folder, cache, monkeypatch) -> None:
    rendered(folder, cache, monkeypatch)
    (folder / ENTRY).write_text("<h1>{{ word }}</h1>", encoding="utf-8")
    text, compiled = rendered(folder, cache, monkeypatch)
    assert (text, compiled) == ("<h1>&lt;b&gt;</h1>", 1)
    assert rendered(folder, cache, monkeypatch)[1] == 0


@pytest.mark.parametrize("damage", [b"", b"garbage", "truncate"])
def test_a_damaged_entry_is_compiled_again_and_replaced(folder, cache, monkeypatch, damage):
    expected, _ = rendered(folder, cache, monkeypatch)
    (entry,) = entries(cache)
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    assert rendered(folder, cache, monkeypatch) == (expected, 1)
    assert rendered(folder, cache, monkeypatch) == (expected, 0)


def test_code_of_other_guards_or_jinja_is_not_loaded(folder, tmp_path, monkeypatch) -> None:
    older = TemplateBytecodeCache(tmp_path / "cache", "guards-0/jinja-3.0/unguarded")
    rendered(folder, older, monkeypatch)
    current = TemplateBytecodeCache(tmp_path / "cache", compiled_code_tag())
    assert rendered(folder, current, monkeypatch)[1] == 1
    assert len(entries(current)) == 2


def test_the_tag_follows_the_generator_version(monkeypatch) -> None:
    before = compiled_code_tag()
    monkeypatch.setattr(sandbox_module, "GENERATOR_VERSION", sandbox_module.GENERATOR_VERSION + 1)
    compiled_code_tag.cache_clear()
    try:
        assert compiled_code_tag() != before
    finally:
        monkeypatch.undo()
        compiled_code_tag.cache_clear()
    assert compiled_code_tag() == before


def test_kept_code_is_still_guarded(folder, cache, monkeypatch) -> None:
    (folder / ENTRY).write_text(ENDLESS, encoding="utf-8")
    for expected_compiles in (1, 0):
        environment = BriefingSandbox(folder, bytecode_cache=cache)
        compiles = Compiles(environment, monkeypatch)
        with pytest.raises(BriefingError, match="stopped"):
            environment.render(ENTRY, {}, time_limit=0.2)
        assert compiles.count == expected_compiles


def test_an_unwritable_cache_only_costs_speed(folder, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = TemplateBytecodeCache(blocker / "cache", compiled_code_tag())
    assert rendered(folder, cache, monkeypatch)[1] == 1
    assert rendered(folder, cache, monkeypatch)[1] == 1


def test_the_shared_environments_keep_their_code_in_the_user_cache(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    sandbox_module.sandbox_for.cache_clear()
    try:
        sandbox_module.sandbox_for(folder).render(ENTRY, {"numbers": [], "word": ""})
    finally:
        sandbox_module.sandbox_for.cache_clear()
    assert list((tmp_path / "home" / "cache").glob("templates-*/*.jinja"))
