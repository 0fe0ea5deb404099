"""A template shared by another office can neither read files, run code, nor hang the app."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.templating.sandbox import (
    OUTPUT_LIMIT,
    BriefingSandbox,
    check_template_source,
)

ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    template = tmp_path / "shared-template"
    template.mkdir()
    (template / "parts.html.j2").write_text("<p>phần {{ word }}</p>\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("mật khẩu", encoding="utf-8")
    return template


def render(folder: Path, source: str, time_limit: float = 2.0, **context: object) -> str:
    (folder / "briefing.html.j2").write_text(source, encoding="utf-8")
    return BriefingSandbox(folder).render("briefing.html.j2", context, time_limit=time_limit)


def failure(folder: Path, source: str, time_limit: float = 2.0, **context: object) -> BriefingError:
    with pytest.raises(BriefingError) as caught:
        render(folder, source, time_limit, **context)
    return caught.value


def test_template_may_include_files_beside_it(folder: Path) -> None:
    assert render(folder, "{% include 'parts.html.j2' %}", word="một") == "<p>phần một</p>"


def test_python_internals_are_out_of_reach(folder: Path) -> None:
    error = failure(folder, "<p>x</p>\n{{ ''.__class__.__mro__ }}")
    assert "unsafe attribute" in error.message("en")
    assert "không an toàn" in error.message("vi")
    assert error.path == str(folder / "briefing.html.j2") and error.line == 2


@pytest.mark.parametrize(
    "source",
    [
        "{% macro f() %}{% endmacro %}{{ f.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__['os'] }}",
        "{{ (word|attr('__class__')).__subclasses__() }}",
    ],
)
def test_globals_of_functions_are_out_of_reach(folder: Path, source: str) -> None:
    assert "unsafe attribute" in failure(folder, source, word="x").message("en")


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../../x", "../secret.txt", "..\\secret.txt", "C:/Windows/win.ini"]
)
def test_template_cannot_include_files_outside_its_folder(folder: Path, name: str) -> None:
    literal = name.replace("\\", "\\\\")  # a Jinja string literal escapes backslashes
    error = failure(folder, f"{{% include '{literal}' %}}")
    assert "own folder" in error.message("en") and name in error.message("en")
    assert "mật khẩu" not in error.message("en")


def test_symlink_out_of_the_folder_is_refused(folder: Path) -> None:
    link = folder / "innocent.html.j2"
    try:
        link.symlink_to(folder.parent / "secret.txt")
    except OSError:
        pytest.skip("symlinks not permitted here")
    assert "own folder" in failure(folder, "{% include 'innocent.html.j2' %}").message("en")


def test_endless_loop_is_stopped_by_the_time_limit(folder: Path) -> None:
    error = failure(folder, "<p>x</p>\n" + ENDLESS, time_limit=0.2)
    assert "0.2 s" in error.message("en") and error.line == 2


def test_time_limit_also_works_in_a_worker_thread(folder: Path) -> None:
    (folder / "briefing.html.j2").write_text(ENDLESS, encoding="utf-8")
    sandbox = BriefingSandbox(folder)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            sandbox.render("briefing.html.j2", {}, time_limit=0.2)
        except BriefingError as error:
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive() and len(errors) == 1


def test_loop_over_a_list_and_exponential_macros_are_stopped_too(folder: Path) -> None:
    over_list = (
        "{% set r = range(100000)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    )
    assert "stopped" in failure(folder, over_list, time_limit=0.2).message("en")
    doubling = (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
    )
    assert "stopped" in failure(folder, doubling, time_limit=0.2).message("en")


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 1000000000 }}",
        "{{ 7 ** 100000000 }}",
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}",
        "{{ '%0999999999d'|format(1) }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{{ 'x'|indent(999999999) }}",
        "{{ ('x' * 100000)|replace('x', 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy') }}",
    ],
)
def test_huge_values_are_refused_before_they_are_built(folder: Path, source: str) -> None:
    assert "too large" in failure(folder, source).message("en")


def test_output_size_is_limited(folder: Path) -> None:
    source = "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}"
    error = failure(folder, source)
    assert f"{OUTPUT_LIMIT:,}" in error.message("en")


def test_recursion_is_guarded(folder: Path) -> None:
    error = failure(folder, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
    assert "nests deeper" in error.message("en")
    (folder / "loop.html.j2").write_text("{% include 'loop.html.j2' %}", encoding="utf-8")
    error = failure(folder, "{% include 'loop.html.j2' %}")
    assert "nests deeper" in error.message("en")
    assert error.path == str(folder / "loop.html.j2")


def test_syntax_error_names_the_file_and_line(folder: Path) -> None:
    error = failure(folder, "<h1>I.</h1>\n<p>{{ briefing.title }</p>\n<p>x</p>\n")
    assert error.path == str(folder / "briefing.html.j2") and error.line == 2
    assert "syntax" in error.message("en")


def test_error_in_an_included_file_names_that_file(folder: Path) -> None:
    (folder / "parts.html.j2").write_text("<p>a</p>\n<p>{{ 1 // 0 }}</p>\n", encoding="utf-8")
    error = failure(folder, "<p>x</p>\n{% include 'parts.html.j2' %}")
    assert error.path == str(folder / "parts.html.j2") and error.line == 2
    assert "ZeroDivisionError" in error.message("en")


def test_misspelt_variable_is_an_error_not_a_blank(folder: Path) -> None:
    error = failure(
        folder, "<p>{{ briefing.title }}</p>\n<p>{{ briefng.title }}</p>", briefing={"title": "x"}
    )
    assert error.line == 2 and "briefng" in error.message("en")


def test_a_dict_key_reads_as_an_attribute_and_a_dict_method_stays_a_method(folder: Path) -> None:
    """``d.name`` is the item; a key named like a dict method (``values``, ``items``) leaves
    ``d.values`` the method, as Jinja resolves it, and ``d["values"]`` the item."""
    series = {"kind": "bar", "values": [1, 2], "items": "x"}
    html = render(
        folder,
        "{{ s.kind }} {{ s['values']|length }} {{ s.values()|list|length }} "
        "{{ s.items is callable }}",
        s=series,
    )
    assert html == "bar 2 3 True"
    assert render(folder, "{{ s.missing is defined }}", s=series) == "False"
    assert "missing" in failure(folder, "{{ s.missing }}", s=series).message("en")
    assert "unsafe" in failure(folder, "{{ s.__class__ }}", s=series).message("en")


def test_source_text_cannot_become_markup(folder: Path) -> None:
    html = render(folder, "<p>{{ text }}</p>", text="<b>x</b> & <script>")
    assert html == "<p>&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;</p>"
    assert "safe" in failure(folder, "{{ text|safe }}", text="<b>").message("en")


def test_template_cannot_change_the_data_it_is_given(folder: Path) -> None:
    assert "unsafe" in failure(folder, "{{ items.append(1) }}", items=[]).message("en")


def test_editor_changes_are_picked_up_on_the_next_render(folder: Path) -> None:
    path = folder / "briefing.html.j2"
    path.write_text("<p>cũ</p>", encoding="utf-8")
    sandbox = BriefingSandbox(folder)
    assert sandbox.render("briefing.html.j2", {}) == "<p>cũ</p>"
    path.write_text("<p>mới</p>", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert sandbox.render("briefing.html.j2", {}) == "<p>mới</p>"


def test_unsaved_editor_text_renders_and_reports_lines_against_the_file(folder: Path) -> None:
    overlay = {"briefing.html.j2": "<p>{{ n }}</p>"}
    assert BriefingSandbox(folder, overlay).render("briefing.html.j2", {"n": 2}) == "<p>2</p>"
    with pytest.raises(BriefingError) as caught:
        overlay = {"briefing.html.j2": "<p>\n{{ nothing }}</p>"}
        BriefingSandbox(folder, overlay).render("briefing.html.j2", {})
    assert caught.value.path == str(folder / "briefing.html.j2") and caught.value.line == 2
    # An unsaved text cannot reach outside the folder either.
    sneaky = {"briefing.html.j2": "{% include '../secret.txt' %}", "../secret.txt": "x"}
    with pytest.raises(BriefingError) as caught:
        BriefingSandbox(folder, sneaky).render("briefing.html.j2", {})
    assert "own folder" in caught.value.message("en")


def test_live_editor_check_finds_syntax_problems_without_running() -> None:
    assert (
        check_template_source("{% for s in sections %}<p>{{ s.html }}</p>{% endfor %}", "b.j2")
        == []
    )
    (problem,) = check_template_source("<p>\n{% for s in sections %}\n<p>{{ s }}</p>\n", "b.j2")
    assert problem.line == 3 and "endfor" in problem.message
    (problem,) = check_template_source("<p>\n{{ 5|no_such_filter }}</p>", "b.j2")
    assert problem.line == 2 and "no_such_filter" in problem.message
    # Nothing runs: an endless loop is only parsed.
    assert check_template_source(ENDLESS, "b.j2") == []
