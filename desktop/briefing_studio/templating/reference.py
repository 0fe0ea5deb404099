"""The editors' reference page (``templates/README.md``), generated from the code it documents.

Context variables come from ``context``'s docstring, filters from their own docstrings, style
classes and properties from the presets, the manifest checks and the built-in manifests, so the
page cannot drift from what the app accepts (a test compares the file with ``build_reference``).
Regenerate it with ``python -m briefing_studio.templating.reference``.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import fields
from pathlib import Path

from briefing_studio import paths
from briefing_studio.analysis.kinds import KINDS
from briefing_studio.briefing import MEETING_FIELDS
from briefing_studio.document import StyleSpec
from briefing_studio.presets import PRESETS
from briefing_studio.templating import context as context_module
from briefing_studio.templating import filters as filters_module
from briefing_studio.templating import sandbox as sandbox_module
from briefing_studio.templating.library import TemplateLibrary
from briefing_studio.templating.manifest import (
    _ALIGNS,
    _BOOLEAN_FIELDS,
    _NUMBER_RANGES,
    CUES,
    DEFAULT_PAGES,
    FORMAT_VERSION,
    MAX_PAGES,
    RESERVED_STYLES,
)

README_NAME = "README.md"

# Markup elements: (tag, Vietnamese, English, example). Checked against the parser's tag list.
MARKUP_TAGS: tuple[tuple[str, str, str, str], ...] = (
    ("h1", "Đề mục cấp 1", "Heading, level 1", "<h1>I. Thông tin chung</h1>"),
    ("h2", "Đề mục cấp 2", "Heading, level 2", "<h2>Nguồn tài liệu</h2>"),
    ("h3", "Đề mục cấp 3", "Heading, level 3", "<h3>{{ s.text }}</h3>"),
    ("p", "Đoạn văn", "Paragraph", '<p class="detail">…</p>'),
    ("ul", "Danh sách gạch đầu dòng", "Bulleted list", "<ul><li>…</li></ul>"),
    ("ol", "Danh sách đánh số", "Numbered list", '<ol class="source">…</ol>'),
    (
        "li",
        "Một mục của danh sách (có thể chứa ul/ol lồng)",
        "List item (may nest a list)",
        "<li>{{ person }}</li>",
    ),
    (
        "table",
        "Bảng; data-widths: độ rộng tương đối các cột",
        "Table; data-widths: relative column widths",
        '<table class="figures" data-widths="8,24,48,20">',
    ),
    ("tr", "Hàng của bảng", "Table row", "<tr>…</tr>"),
    (
        "th",
        "Ô tiêu đề (hàng toàn th được lặp lại ở mỗi trang)",
        "Header cell (rows of th repeat on each page)",
        "<th>STT</th>",
    ),
    (
        "td",
        "Ô của bảng; colspan gộp cột, rowspan gộp hàng; có thể chứa nhiều `<p>`",
        "Cell; colspan merges columns, rowspan rows; may hold several `<p>`",
        '<td colspan="2">…</td>',
    ),
    ("b", "Chữ đậm (cũng: strong)", "Bold (also: strong)", "<b>Khách:</b>"),
    ("strong", "Chữ đậm", "Bold", "<strong>…</strong>"),
    ("i", "Chữ nghiêng (cũng: em)", "Italic (also: em)", "<i>…</i>"),
    ("em", "Chữ nghiêng", "Italic", "<em>…</em>"),
    ("u", "Gạch chân", "Underline", "<u>…</u>"),
    ("br", "Xuống dòng trong cùng đoạn", "Line break inside a block", "Dòng 1<br>Dòng 2"),
    (
        "span",
        "Một đoạn chữ mang kiểu riêng",
        "Inline text with a named style",
        '<span class="note">…</span>',
    ),
    (
        "div",
        "Nhóm khối có kiểu (khung), hoặc ngắt trang",
        "Styled group of blocks (a panel), or a page break",
        '<div class="page-break"></div>',
    ),
)

RESERVED_NOTES: dict[str, tuple[str, str]] = {
    "body": ("Kiểu gốc của mọi đoạn văn", "The base of every paragraph"),
    "h1": ("Đề mục cấp 1", "Level-1 headings"),
    "h2": ("Đề mục cấp 2", "Level-2 headings"),
    "h3": ("Đề mục cấp 3", "Level-3 headings"),
    "list": ("Các mục danh sách", "List items"),
    "table": ("Chữ trong bảng, khung bảng", "Table text and grid"),
    "th": ("Ô tiêu đề bảng", "Table header cells"),
    "page-break": (
        'Chỉ dùng: `<div class="page-break"></div>`',
        'Only as `<div class="page-break"></div>`',
    ),
    "footnote": (
        'Chú thích cuối trang: `<span class="footnote">…</span>` hay bộ lọc `footnote` (DOCX: '
        "chú thích thật của Word; PDF: cuối trang); mặc định cỡ chữ bằng 10/13 thân bài",
        'A footnote: `<span class="footnote">…</span>` or the `footnote` filter (DOCX: a real '
        "Word footnote; PDF: at the foot of the page); by default 10/13 of the body size",
    ),
    "chart": (
        'Biểu đồ: `<div class="chart" data-chart="…"></div>`, do bộ lọc `chart` viết ra (PDF: '
        "hình vẽ véc-tơ; DOCX: ảnh 300 dpi có văn bản thay thế)",
        'A chart: `<div class="chart" data-chart="…"></div>`, written by the `chart` filter '
        "(PDF: vector drawing; DOCX: a 300 dpi image with alt text)",
    ),
}

STYLE_NOTES: dict[str, str] = {
    "font": 'Font family, e.g. "Times New Roman" (PDF: Liberation Serif) or "Arial" '
    "(PDF: Liberation Sans)",
    "size": "Font size in points",
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underlined",
    "uppercase": "Written in capitals",
    "align": "Alignment",
    "space_before": "Space above the paragraph, points",
    "space_after": "Space below the paragraph, points",
    "first_line_indent": "First-line indent, millimetres (negative: hanging)",
    "line_spacing": "Line spacing, a multiple of single spacing",
    "color": 'Text colour, "#RRGGBB"',
    "background": 'Background of panels and header cells, "#RRGGBB"',
    "border": "Tables and divisions: draw a grid / frame",
    "rule_below": "A short centred line under the paragraph, this share of its width (0.05–1), "
    "as Decree 30 draws under the agency's name",
}

INTRO = """\
# Tài liệu tham khảo cho người soạn mẫu / Template reference for editors

> Tệp này được sinh tự động (`python -m briefing_studio.templating.reference`); đừng sửa tay.
> This file is generated; do not edit it by hand.

Một **mẫu** là một thư mục gồm `template.toml` (tên, khổ trang, các kiểu chữ, các vị trí) và
một tệp Jinja (`briefing.html.j2`) sinh ra *mã đánh dấu* — một phần nhỏ của HTML. Trong ứng dụng:
**Mẫu → Quản lý mẫu…**; mẫu có sẵn chỉ để đọc, hãy **Tùy biến** để có bản riêng rồi sửa.

A **template** is a folder holding `template.toml` (names, page preset, named styles, slots)
and a Jinja file (`briefing.html.j2`) that produces *briefing markup*, a small subset of HTML.
In the app: **Templates → Manage templates…**; built-in templates are read-only, so
**Customise** one to get your own copy and edit that.

Mẫu chạy trong hộp cát (sandbox) của Jinja: không đọc được tệp ngoài thư mục mẫu, không chạy
được mã, mọi văn bản nguồn đều được thoát ký tự (không trở thành mã đánh dấu). Templates run in
Jinja's sandbox: no files outside the template folder, no code, all source text escaped.

Các phần văn bản theo Nghị định 30 (tiêu đề quốc hiệu, bảng số liệu, nguồn, chữ viết tắt) viết
một lần trong `_common/nd30.html.j2`: `{% import "_common/nd30.html.j2" as parts %}` rồi
`{{ parts.letterhead(briefing.agency, today) }}`. Tệp `_common/…` được tìm trong thư mục mẫu,
rồi thư mục `_common` cạnh mẫu (của thư mục mẫu riêng hay thư mục dùng chung), rồi `_common` có
sẵn; mẫu có sẵn chỉ dùng `_common` có sẵn. Bản Tùy biến và tệp .zip xuất ra mang theo các phần
này nên dùng được ở bất cứ đâu.
The Decree 30 parts (letterhead, figures table, sources, glossary) are written once in
`_common/nd30.html.j2`: `{% import "_common/nd30.html.j2" as parts %}`, then
`{{ parts.letterhead(briefing.agency, today) }}`. A `_common/…` file is looked for in the
template's folder, then in the `_common` folder beside it (the user's or the shared folder's),
then in the built-in `_common`; built-in templates use only the built-in one. A customised copy
and an exported .zip carry these parts, so they work wherever they are put.
"""

EXAMPLE = """\
## Ví dụ / Example

```jinja
{% set m = briefing.meeting %}
<p class="title">{{ briefing.title|upper_vi }}</p>
<h1>I. Thông tin chung</h1>
{% if m.place %}<p class="detail"><b>Địa điểm:</b> {{ m.place }}.</p>{% endif %}
{% for slot in slots %}
<h1>{{ loop.index|roman }}. {{ slot.name }}</h1>
{% for s in slot.sections %}<p>{{ s.html }}</p>{% else %}<p class="note">(Chưa có)</p>{% endfor %}
{% endfor %}
<table class="figures" data-widths="30,70">
<tr><th>Số liệu</th><th>Nội dung</th></tr>
{% for f in figures %}<tr><td>{{ f|figure }}</td><td>{{ f.excerpt_html }}</td></tr>{% endfor %}
</table>
```
"""


def build_reference() -> str:
    """The whole reference page as Markdown."""
    parts = [
        INTRO,
        _manifest_section(),
        _markup_section(),
        _styles_section(),
        _variables_section(),
        _word_lists_section(),
        _filters_section(),
        _jinja_section(),
        EXAMPLE,
    ]
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def readme_path() -> Path:
    return paths.templates_dir() / README_NAME


def write_reference(path: Path | None = None) -> Path:
    """Write the page (default: ``templates/README.md``); returns where."""
    target = path or readme_path()
    from briefing_studio.atomic import atomic_write_text

    atomic_write_text(target, build_reference())
    return target


# Sections ---------------------------------------------------------------------------------------


def _manifest_section() -> str:
    pages = ", ".join(f"`{p}` ({preset.name_en})" for p, preset in PRESETS.items())
    limits = "; ".join(
        f"`{p}`: "
        + ", ".join(
            f"{side} {low:g}–{high:g}" for side, (low, high) in preset.margin_limits.items()
        )
        for p, preset in PRESETS.items()
        if preset.margin_limits
    )
    cues = ", ".join(f"`{c}`" for c in CUES)
    rows = [
        ("id", "Mã mẫu / template id: a-z, 0-9, `-`, `_`", '"embassy-meeting"'),
        (
            "version",
            f"Phiên bản định dạng / format version (this app reads ≤ {FORMAT_VERSION})",
            "1",
        ),
        ("name_vi, name_en", "Tên hiển thị / display names", '"Tài liệu phát tay"'),
        ("description_vi, description_en", "Mô tả / description", '"…"'),
        ("audience", "Đối tượng / audience (free text)", '"embassy"'),
        ("page", f"Khổ trang / page preset: {pages}", '"nd30"'),
        ("entry", "Tệp Jinja chính / the main Jinja file", '"briefing.html.j2"'),
        (
            "formats",
            "Định dạng xuất chọn sẵn / formats ticked by default when exporting: "
            "`docx`, `pdf`, `pdf-a` (PDF/A-2b for the archive)",
            '["docx", "pdf-a"]',
        ),
        (
            "pages",
            f"Độ dài dự kiến (trang) / intended length in pages, 1–{MAX_PAGES}: a suggested "
            f"selection keeps the chosen text within it (default {DEFAULT_PAGES})",
            "4",
        ),
        (
            "[margins]",
            f"Lề (mm) / margins: top, bottom, left, right. Limits: {limits}",
            "left = 30",
        ),
        (
            "[styles.NAME]",
            "Một kiểu chữ có tên, hoặc chỉ những thuộc tính đổi so với kiểu cùng tên của khổ "
            "trang / a named style, or only what differs from the preset's style of that name "
            "(see below)",
            "size = 13",
        ),
        (
            "[[slots]]",
            f"Vị trí / slots: id, name_vi, name_en, cues ({cues}), default = true "
            "for the slot taking sections no cue placed",
            'id = "proposals"',
        ),
    ]
    lines = [
        "## template.toml",
        "",
        "| trường / field | ý nghĩa / meaning | ví dụ / example |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{f}` | {m} | `{e}` |" for f, m, e in rows]
    return "\n".join(lines) + "\n"


def _markup_section() -> str:
    lines = [
        "## Thẻ đánh dấu / Markup tags",
        "",
        "Chỉ các thẻ sau được dùng; thẻ khác là lỗi (nêu dòng). Thuộc tính: `class` (một tên "
        "kiểu), `colspan`, `rowspan` (td/th), `data-widths` (table). Only these tags are allowed; "
        "any other is an error naming the line. Attributes: `class` (one style name), `colspan`, "
        "`rowspan` (td/th), "
        "`data-widths` (table).",
        "",
        "| thẻ / tag | nghĩa | meaning | ví dụ / example |",
        "| --- | --- | --- | --- |",
    ]
    for tag, vi, en, example in MARKUP_TAGS:
        lines.append(f"| `<{tag}>` | {vi} | {en} | `{example}` |")
    lines += [
        "",
        "Văn bản nguồn luôn được thoát ký tự; `section.html`, `figure.sentence_html`, "
        "`figure.excerpt_html` và các bộ lọc `mark_figures`, `lead` đã an toàn. "
        "Source text is always escaped; the `*_html` fields and the `mark_figures` and "
        "`lead` filters are already safe markup.",
    ]
    return "\n".join(lines) + "\n"


def _styles_section() -> str:
    lines = [
        "## Kiểu chữ / Style classes",
        "",
        "### Kiểu dành riêng / Reserved classes",
        "",
        "Dùng được trong mọi mẫu; khổ trang định nghĩa dáng vẻ, `[styles.NAME]` có thể sửa. "
        "Usable in every template; the page preset defines them and `[styles.NAME]` may "
        "override any property.",
        "",
    ]
    header = "| kiểu / class | nghĩa / meaning | " + " | ".join(f"`{p}`" for p in PRESETS) + " |"
    lines += [header, "| --- | --- |" + " --- |" * len(PRESETS)]
    for name in sorted(RESERVED_STYLES, key=_reserved_order):
        vi, en = RESERVED_NOTES.get(name, ("", ""))
        looks = [_describe_style(preset.styles.get(name)) for preset in PRESETS.values()]
        lines.append(f"| `{name}` | {vi} / {en} | " + " | ".join(looks) + " |")
    lines += [
        "",
        "### Kiểu của khổ trang / Classes of a page preset",
        "",
        "Mẫu dùng khổ trang nào thì dùng được các kiểu của khổ đó (các phần Nghị định 30 dùng "
        "chung trong `_common/nd30.html.j2` cần chúng); `[styles.NAME]` chỉ ghi điều muốn đổi. "
        "A template may use its page preset's classes (the shared Decree 30 parts in "
        "`_common/nd30.html.j2` need them); `[styles.NAME]` holds only what it changes.",
        "",
        "| kiểu / class | khổ / preset | dáng vẻ / looks |",
        "| --- | --- | --- |",
    ]
    for preset_id, preset in PRESETS.items():
        for name, spec in preset.styles.items():
            if name not in RESERVED_STYLES:
                lines.append(f"| `{name}` | `{preset_id}` | {_describe_style(spec)} |")
    lines += [
        "",
        "### Kiểu của các mẫu có sẵn / Classes of the built-in templates",
        "",
        "Ngoài các kiểu trên, một mẫu chỉ dùng được kiểu nó định nghĩa trong `template.toml`. "
        "Beyond the classes above, a template may use only the classes its own "
        "`template.toml` defines.",
        "",
    ]
    for template in TemplateLibrary(None).templates():
        if template.manifest is None:
            continue
        own = [n for n in template.manifest.styles if n not in RESERVED_STYLES]
        names = ", ".join(f"`{n}`" for n in own) or "—"
        lines.append(
            f"- **{template.id}** ({template.manifest.name_vi}, khổ / preset "
            f"`{template.manifest.page}`): {names}"
        )
    lines += [
        "",
        "### Thuộc tính kiểu / Style properties",
        "",
        "| thuộc tính / property | giá trị / values | meaning |",
        "| --- | --- | --- |",
    ]
    for spec_field in fields(StyleSpec):
        name = spec_field.name
        if name == "name":
            continue
        lines.append(f"| `{name}` | {_allowed(name)} | {STYLE_NOTES.get(name, '')} |")
    return "\n".join(lines) + "\n"


def _variables_section() -> str:
    doc = inspect.getdoc(context_module) or ""
    body = doc.split("---------\n", 1)[1] if "---------\n" in doc else doc
    lines = [
        "## Biến / Context variables",
        "",
        "Mẫu chỉ thấy dữ liệu thuần (chuỗi, số, danh sách, từ điển). A template sees plain "
        "data only.",
        "",
    ]
    term: str | None = None
    text: list[str] = []
    for raw in [*body.splitlines(), ""]:
        if raw and not raw.startswith(" "):
            if term is not None:
                lines += [f"### {_md(term)}", "", _md(" ".join(text)), ""]
            term, text = raw.strip(), []
        elif raw.strip():
            text.append(raw.strip())
    if term is not None:
        lines += [f"### {_md(term)}", "", _md(" ".join(text)), ""]
    return "\n".join(lines)


def _word_lists_section() -> str:
    """The figure kinds and the meeting fields, from their tables."""
    lines = [
        "### Figure kinds",
        "",
        "Loại số liệu (`f.kind`) / figure kinds, và cách bộ lọc `figure` viết chúng / and how "
        "the `figure` filter writes them (`text`: as in the source).",
        "",
        "| `kind` | tên / name | viết / written | ví dụ / example |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| `{k.id}` | {k.label_vi} / {k.label_en} | {k.writing} | {k.example} |" for k in KINDS
    ]
    lines += [
        "",
        "### Meeting fields",
        "",
        "Trường của buổi làm việc và cơ quan / meeting and agency fields: "
        "`briefing.meeting.<name>`, `briefing.agency.<name>`, `briefing.<name>`.",
        "",
        "| biến / variable | tên / name | kiểu / type | dòng lệnh / CLI |",
        "| --- | --- | --- | --- |",
    ]
    for row in MEETING_FIELDS:
        variable = "briefing." + (row.name if row.holder == "briefing" else row.key)
        lines.append(
            f"| `{variable}` | {row.label_vi} / {row.label_en} | {row.type} | `{row.flag}` |"
        )
    return "\n".join(lines) + "\n"


def _filters_section() -> str:
    lines = [
        "## Bộ lọc / Filters",
        "",
        "Viết số, tiền, ngày theo cách Việt Nam. Vietnamese numbers, money and dates.",
        "",
    ]
    seen: dict[object, str] = {}
    for name, func in filters_module.FILTERS.items():
        if func in seen:
            lines += [f"### `{name}`", "", f"Tên khác của / same as `{seen[func]}`.", ""]
            continue
        seen[func] = name
        doc = inspect.getdoc(func) or ""
        usage = [ln for ln in doc.splitlines() if ln.startswith(("Dùng", "Use"))]
        text = " ".join(ln.strip() for ln in doc.splitlines() if ln.strip() and ln not in usage)
        params = list(inspect.signature(func).parameters.values())[1:]
        args = ", ".join(
            p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params
        )
        lines += [f"### `{name}" + (f"({args})" if args else "") + "`", "", _md(text), ""]
        lines += [f"- {_md(u.split(':', 1)[1].strip())}" for u in usage] + [""]
    return "\n".join(lines)


def _jinja_section() -> str:
    from briefing_studio.templating.sandbox import BriefingSandbox

    environment = BriefingSandbox(None)
    builtins = sorted(set(environment.filters) - set(filters_module.FILTERS))
    removed = ", ".join(f"`{n}`" for n in sandbox_module._REMOVED_FILTERS)
    return (
        "\n".join(
            [
                "## Jinja",
                "",
                "Câu lệnh / statements: `{% if %}`, `{% for %}` (with `{% else %}`, `loop.index`), "
                "`{% set %}`, `{% macro %}`, `{% import %}` / `{% include %}` of files in the same "
                "folder or in `_common/`, `{# comments #}`. Biến chưa có là lỗi / an unknown "
                "variable is an error.",
                "",
                "Bộ lọc sẵn có của Jinja / Jinja's own filters: "
                + ", ".join(f"`{n}`" for n in builtins)
                + ".",
                "",
                f"Bị gỡ bỏ / removed: {removed}, and the `lipsum` global.",
                "",
                f"Giới hạn / limits: {sandbox_module.TIME_LIMIT:g} s per render, "
                f"{sandbox_module.OUTPUT_LIMIT:,} characters of markup, "
                f"{sandbox_module.DEPTH_LIMIT} nested macro/include levels.",
                "",
            ]
        )
        + "\n"
    )


# Helpers ----------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """reStructuredText literals (````x````) as Markdown code (`` `x` ``)."""
    return re.sub(r"``(.+?)``", r"`\1`", text)


def _reserved_order(name: str) -> int:
    order = list(RESERVED_NOTES)
    return order.index(name) if name in order else len(order)


def _describe_style(spec: StyleSpec | None) -> str:
    if spec is None:
        return "—"
    shown = []
    for spec_field in fields(StyleSpec):
        value = getattr(spec, spec_field.name)
        if spec_field.name == "name" or value is None or value is False:
            continue
        shown.append(
            spec_field.name
            if value is True
            else f"{spec_field.name} {value:g}"
            if isinstance(value, float | int)
            else f"{spec_field.name} {value}"
        )
    return ", ".join(shown) or "—"


def _allowed(name: str) -> str:
    if name in _BOOLEAN_FIELDS:
        return "`true` / `false`"
    if name in _NUMBER_RANGES:
        low, high = _NUMBER_RANGES[name]
        return f"{low:g}–{high:g}"
    if name == "align":
        return " / ".join(f"`{a}`" for a in _ALIGNS)
    if name in ("color", "background"):
        return '`"#RRGGBB"`'
    return "text"


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write the template reference for editors.")
    parser.add_argument("path", nargs="?", type=Path, help="default: templates/README.md")
    print(write_reference(parser.parse_args().path))
