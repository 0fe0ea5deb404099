"""A template's manifest (``template.toml``): names, page preset, named styles and slots.

The manifest is the only part of a template the app reads as data; it is validated field by
field so an editor who mistypes ``size = "13"`` learns which file and which field to fix instead
of getting a broken document later. Every check raises ``BriefingError`` naming
``template.toml`` and the field.
"""

from __future__ import annotations

import re
import stat
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, get_args

from briefing_studio.analysis.model import Cue
from briefing_studio.document import Align, PageSetup, StyleSpec
from briefing_studio.errors import BriefingError
from briefing_studio.presets import PRESETS, PagePreset
from briefing_studio.sources.guards import not_regular_error, read_regular, too_large_error

MANIFEST_NAME = "template.toml"
DEFAULT_ENTRY = "briefing.html.j2"
# The largest manifest or Jinja file a template may hold. Real ones are a few kB; the cap keeps
# a huge (or sparse, or endless) file on a shared drive from being read at all.
MAX_FILE_BYTES = 1024 * 1024
# The manifest schema this build understands. A template written for a newer app declares a
# higher number; it is listed with a problem rather than half-rendered.
FORMAT_VERSION = 1
# How many pages a briefing from a template is meant to fill when it does not say (``pages``):
# a meeting briefing is read just before the meeting, four pages at most.
DEFAULT_PAGES = 4
MAX_PAGES = 100
# The length model behind ``suggestion_chars``. The letterhead, meeting details, figures table,
# glossary and source list take about one and a half pages of a Decree 30 briefing (measured on
# the built-in templates); a page of body text holds fewer characters than lines × characters
# per line because of paragraph spacing, first-line indents and half-empty last lines (0.8).
_FIXED_PAGES = 1.5
_MIN_TEXT_PAGES = 0.5
_TEXT_FILL = 0.8
_CHAR_WIDTH_EM = 0.5  # the average width of a Vietnamese character in Times, in ems
_LEADING = 1.2  # a "single" line is 1.2 times the font size

Origin = Literal["built-in", "user"]

# Class names every template may use without defining them (the preset defines their look).
RESERVED_STYLES = frozenset(
    {"body", "h1", "h2", "h3", "list", "table", "th", "page-break", "footnote", "chart"}
)
MARGINS = ("top", "bottom", "left", "right")
CUES: tuple[str, ...] = get_args(Cue)

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_STYLE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_FORMAT_ID = re.compile(r"^[a-z][a-z0-9-]{0,31}$")
_TOML_LINE = re.compile(r"line (\d+)")
_KNOWN_KEYS = frozenset(
    {
        "id",
        "version",
        "name_vi",
        "name_en",
        "description_vi",
        "description_en",
        "audience",
        "page",
        "entry",
        "formats",
        "pages",
        "margins",
        "styles",
        "slots",
    }
)


@dataclass(frozen=True)
class Slot:
    """A named place in the template that chosen sections go to (``proposals``, ``results``).

    ``cues`` are the analysis cue tags that send a section here by default; the slot marked
    ``default`` takes sections no cue placed.
    """

    id: str
    name_vi: str
    name_en: str
    cues: tuple[str, ...] = ()
    default: bool = False

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi


@dataclass(frozen=True)
class TemplateManifest:
    """Everything ``template.toml`` says; styles are only the manifest's own (not merged)."""

    id: str
    version: int
    name_vi: str
    name_en: str
    description_vi: str = ""
    description_en: str = ""
    audience: str = ""
    page: str = "nd30"
    entry: str = DEFAULT_ENTRY
    # Output format ids ticked by default when exporting (``docx``, ``pdf``, ``pdf-a``); empty:
    # the app's default. Checked against the format table when exporting (``export``), which
    # sits above this layer.
    formats: tuple[str, ...] = ()
    # The length a briefing from this template is meant to have, in pages: a suggested
    # selection stays within it (``suggestion_chars``).
    pages: int = DEFAULT_PAGES
    margins: Mapping[str, float] = field(default_factory=dict)
    styles: Mapping[str, StyleSpec] = field(default_factory=dict)
    slots: tuple[Slot, ...] = ()

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi

    def description(self, lang: str = "vi") -> str:
        return self.description_en if lang == "en" else self.description_vi

    @property
    def preset(self) -> PagePreset:
        return PRESETS[self.page]

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def page_setup(self) -> PageSetup:
        """The preset's page with this manifest's margin overrides."""
        page = self.preset.fresh_page()
        for side, value in self.margins.items():
            setattr(page, side, value)
        return page

    def suggestion_chars(self) -> int:
        """How many characters of chosen text a suggestion may take to stay within ``pages``.

        Body text per page from the page and the body style (lines of ``size × line_spacing``,
        characters half an em wide), for the pages left once the fixed parts are laid out.
        """
        page = self.page_setup()
        body = self.merged_styles()["body"]
        size = body.size or 14
        line = size * (body.line_spacing or 1.0) * _LEADING
        height = (page.height - page.top - page.bottom) * 72 / 25.4
        width = (page.width - page.left - page.right) * 72 / 25.4
        per_page = (height / line) * (width / (size * _CHAR_WIDTH_EM)) * _TEXT_FILL
        text_pages = max(self.pages - _FIXED_PAGES, _MIN_TEXT_PAGES)
        return int(text_pages * per_page)

    def merged_styles(self) -> dict[str, StyleSpec]:
        """Preset styles with the manifest's fields laid over them; new names added as is."""
        styles = self.preset.fresh_styles()
        for name, spec in self.styles.items():
            base = styles.get(name)
            if base is None:
                styles[name] = spec
                continue
            overrides = {
                f.name: getattr(spec, f.name)
                for f in fields(StyleSpec)
                if f.name != "name" and getattr(spec, f.name) is not None
            }
            styles[name] = StyleSpec(**{**_spec_dict(base), **overrides})
        return styles

    def style_names(self) -> frozenset[str]:
        """Class names markup may use: reserved ones, the preset's and this manifest's."""
        return RESERVED_STYLES | frozenset(self.preset.styles) | frozenset(self.styles)


@dataclass
class Template:
    """A template folder as the library found it. ``problem`` is set when it cannot be used.

    ``manifest`` is None when ``template.toml`` could not be read at all; ``id`` then falls back
    to the folder name so the broken template still shows up in the list.
    """

    id: str
    folder: Path
    origin: Origin
    manifest: TemplateManifest | None = None
    problem: str | None = None
    error: BriefingError | None = field(default=None, repr=False, compare=False)

    @property
    def usable(self) -> bool:
        return self.problem is None and self.manifest is not None

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST_NAME

    @property
    def entry_path(self) -> Path:
        entry = self.manifest.entry if self.manifest else DEFAULT_ENTRY
        return self.folder / entry

    def name(self, lang: str = "vi") -> str:
        return self.manifest.name(lang) if self.manifest else self.id


def load_template(folder: Path, origin: Origin) -> Template:
    """Read one template folder; never raises for the template's own faults (see ``problem``).

    Whatever a shared folder holds (a FIFO, a device, a huge or deeply nested manifest, a file
    that vanished mid-scan) makes this one template broken, with the reason, and nothing else.
    """
    try:
        manifest = load_manifest(folder)
    except Exception as exc:  # one bad template must never stop the scan
        error = exc if isinstance(exc, BriefingError) else _unexpected(exc, folder / MANIFEST_NAME)
        return Template(
            id=_fallback_id(folder),
            folder=folder,
            origin=origin,
            problem=error.bilingual(),
            error=error,
        )
    template = Template(id=manifest.id, folder=folder, origin=origin, manifest=manifest)
    error = _entry_problem(folder / manifest.entry, manifest.entry)
    if error is not None:
        template.problem, template.error = error.bilingual(), error
    return template


def _entry_problem(entry: Path, name: str) -> BriefingError | None:
    """Why the entry file cannot be used, from its metadata alone (nothing is read)."""
    try:
        info = entry.stat()
    except (OSError, ValueError):
        return BriefingError(
            f"Thiếu tệp mẫu “{name}” mà template.toml khai báo (trường entry).",
            f"The template file “{name}” named in template.toml (field entry) is missing.",
            path=entry,
        )
    if not stat.S_ISREG(info.st_mode):
        return not_regular_error(entry, info.st_mode)
    if info.st_size > MAX_FILE_BYTES:
        return too_large_error(entry, info.st_size, MAX_FILE_BYTES)
    return None


def read_template_file(path: Path) -> str:
    """The NFC text of a template's manifest or Jinja file (regular, ≤ 1 MB, UTF-8)."""
    raw = read_regular(path, MAX_FILE_BYTES)
    try:
        return unicodedata.normalize("NFC", raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BriefingError(
            f"{path.name} phải được lưu ở bảng mã UTF-8 (byte lạ ở vị trí {exc.start}).",
            f"{path.name} must be saved as UTF-8 (an invalid byte at offset {exc.start}).",
            path=path,
        ) from exc


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """``text`` as TOML; syntax errors and nesting too deep for the parser name the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _TOML_LINE.search(str(exc))
        raise BriefingError(
            f"{path.name} sai cú pháp TOML: {exc}.",
            f"{path.name} is not valid TOML: {exc}.",
            path=path,
            line=int(line.group(1)) if line else None,
        ) from exc
    except RecursionError as exc:  # tomllib recurses once per nested array or inline table
        raise BriefingError(
            f"{path.name} lồng mảng hoặc bảng quá sâu; một mẫu không cần như vậy.",
            f"{path.name} nests arrays or tables too deeply; no template needs that.",
            path=path,
        ) from exc


def load_manifest(folder: Path) -> TemplateManifest:
    """Parse and validate ``folder/template.toml``."""
    path = folder / MANIFEST_NAME
    return parse_manifest(parse_toml(read_template_file(path), path), path)


def _unexpected(exc: BaseException, path: Path) -> BriefingError:
    detail = f"{type(exc).__name__}: {exc}"[:300]
    return BriefingError(
        f"Không đọc được {path.name} ({detail}).",
        f"Cannot read {path.name} ({detail}).",
        path=path,
    )


def parse_manifest(data: Mapping[str, Any], path: Path) -> TemplateManifest:
    """Validate the TOML table of a manifest; ``path`` is only used in messages."""
    check = _Checker(path)
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        check.fail(unknown[0], "trường không được hỗ trợ", "is not a known field")
    version = check.integer(data, "version", required=True)
    if version > FORMAT_VERSION:
        check.fail(
            "version",
            f"mẫu dùng định dạng phiên bản {version}, phần mềm này chỉ đọc được đến "
            f"phiên bản {FORMAT_VERSION}; hãy cập nhật Briefing Studio",
            f"the template uses format version {version}; this app reads up to "
            f"version {FORMAT_VERSION}; update Briefing Studio",
        )
    if version < 1:
        check.fail("version", "phải từ 1 trở lên", "must be 1 or more")
    template_id = check.text(data, "id", required=True)
    if not _ID.match(template_id):
        check.fail(
            "id",
            "chỉ gồm chữ thường không dấu, chữ số, '-' và '_'",
            "may hold only lower-case ASCII letters, digits, '-' and '_'",
        )
    if reserved_on_windows(template_id):
        check.fail(
            "id",
            f"“{template_id}” là tên thiết bị của Windows (CON, AUX, NUL…), không dùng làm "
            "tên thư mục được",
            f"“{template_id}” is a Windows device name (CON, AUX, NUL…) and cannot name a folder",
        )
    page = check.text(data, "page", default="nd30")
    if page not in PRESETS:
        check.fail(
            "page",
            f"khổ trang “{page}” không có; dùng một trong {sorted(PRESETS)}",
            f"unknown page preset “{page}”; use one of {sorted(PRESETS)}",
        )
    entry = check.text(data, "entry", default=DEFAULT_ENTRY)
    if not _safe_relative(entry):
        check.fail(
            "entry",
            "phải là tên tệp nằm trong thư mục mẫu",
            "must be a file name inside the template folder",
        )
    return TemplateManifest(
        id=template_id,
        version=version,
        name_vi=check.text(data, "name_vi", required=True),
        name_en=check.text(data, "name_en", required=True),
        description_vi=check.text(data, "description_vi"),
        description_en=check.text(data, "description_en"),
        audience=check.text(data, "audience"),
        page=page,
        entry=entry,
        formats=_parse_formats(check, data.get("formats", [])),
        pages=_parse_pages(check, data),
        margins=_parse_margins(check, data.get("margins", {}), PRESETS[page]),
        styles=_parse_styles(check, data.get("styles", {})),
        slots=_parse_slots(check, data.get("slots", [])),
    )


def default_slot(manifest: TemplateManifest, section: Any) -> str | None:
    """The slot a section goes to when the user did not choose one.

    The section's cues are tried in order (the analysis lists the strongest first); the first
    cue some slot accepts wins, else the slot marked ``default``. ``section`` may be an
    analysis ``Section`` or a mapping with ``cues``.
    """
    cues = section.get("cues", ()) if isinstance(section, Mapping) else section.cues
    for cue in cues:
        for slot in manifest.slots:
            if cue in slot.cues:
                return slot.id
    fallback = next((s for s in manifest.slots if s.default), None)
    return fallback.id if fallback else None


class _Checker:
    """Typed field access that raises ``BriefingError`` naming template.toml and the field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, name: str, problem_vi: str, problem_en: str) -> None:
        raise BriefingError(
            f"template.toml, trường “{name}”: {problem_vi}.",
            f"template.toml, field “{name}”: {problem_en}.",
            path=self.path,
        )

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        *,
        prefix: str = "",
        required: bool = False,
        default: str = "",
    ) -> str:
        if key not in table:
            if required:
                self.fail(prefix + key, "bắt buộc phải có", "is required")
            return default
        value = table[key]
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(
                prefix + key, "phải là một chuỗi văn bản không rỗng", "must be a non-empty string"
            )
        return value.strip()

    def integer(self, table: Mapping[str, Any], key: str, *, required: bool = False) -> int:
        if key not in table and required:
            self.fail(key, "bắt buộc phải có", "is required")
        value = table.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, "phải là một số nguyên", "must be an integer")
        return value

    def number(self, value: Any, name: str, low: float, high: float) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(name, "phải là một số", "must be a number")
        if not low <= value <= high:
            self.fail(
                name,
                f"phải nằm trong khoảng {low:g}–{high:g}",
                f"must be between {low:g} and {high:g}",
            )
        return float(value)

    def table(self, value: Any, name: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(name, "phải là một bảng [..]", "must be a table [..]")
        return value


def _parse_pages(check: _Checker, data: Mapping[str, Any]) -> int:
    if "pages" not in data:
        return DEFAULT_PAGES
    pages = check.integer(data, "pages")
    if not 1 <= pages <= MAX_PAGES:
        check.fail("pages", f"phải từ 1 đến {MAX_PAGES} trang", f"must be 1 to {MAX_PAGES} pages")
    return pages


def _parse_formats(check: _Checker, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(
        isinstance(item, str) and _FORMAT_ID.match(item) for item in raw
    ):
        check.fail(
            "formats",
            'phải là danh sách mã định dạng, ví dụ ["docx", "pdf-a"]',
            'must be a list of format ids, e.g. ["docx", "pdf-a"]',
        )
    return tuple(dict.fromkeys(raw))


def _parse_margins(check: _Checker, raw: Any, preset: PagePreset) -> dict[str, float]:
    margins: dict[str, float] = {}
    for side, value in check.table(raw, "margins").items():
        name = f"margins.{side}"
        if side not in MARGINS:
            check.fail(
                name,
                f"lề phải là một trong {list(MARGINS)}",
                f"the side must be one of {list(MARGINS)}",
            )
        low, high = preset.margin_limits.get(side, (0.0, 60.0))
        margins[side] = check.number(value, name, low, high)
    return margins


# (type check, allowed range or values) per StyleSpec field; sizes in points, indents in mm.
_NUMBER_RANGES: dict[str, tuple[float, float]] = {
    "size": (6, 72),
    "space_before": (0, 144),
    "space_after": (0, 144),
    "first_line_indent": (-50, 100),
    "line_spacing": (0.5, 3.0),
    "rule_below": (0.05, 1.0),
}
_BOOLEAN_FIELDS = frozenset({"bold", "italic", "underline", "uppercase", "border"})
_ALIGNS: tuple[str, ...] = get_args(Align)


def _parse_styles(check: _Checker, raw: Any) -> dict[str, StyleSpec]:
    styles: dict[str, StyleSpec] = {}
    for name, table in check.table(raw, "styles").items():
        if not _STYLE_NAME.match(name) or name == "page-break":
            check.fail(
                f"styles.{name}",
                "tên kiểu chỉ gồm chữ thường không dấu, chữ số và '-' (không dùng “page-break”)",
                "a style name holds only lower-case ASCII letters, digits and '-' "
                "(and is not “page-break”)",
            )
        styles[name] = _parse_style(check, name, check.table(table, f"styles.{name}"))
    return styles


def _parse_style(check: _Checker, name: str, table: Mapping[str, Any]) -> StyleSpec:
    values: dict[str, Any] = {}
    known = {f.name for f in fields(StyleSpec)} - {"name"}
    for key, value in table.items():
        where = f"styles.{name}.{key}"
        if key not in known:
            check.fail(
                where,
                f"thuộc tính không có; dùng một trong {sorted(known)}",
                f"unknown property; use one of {sorted(known)}",
            )
        if key in _BOOLEAN_FIELDS:
            if not isinstance(value, bool):
                check.fail(where, "phải là true hoặc false", "must be true or false")
            values[key] = value
        elif key in _NUMBER_RANGES:
            values[key] = check.number(value, where, *_NUMBER_RANGES[key])
        elif key == "align":
            if value not in _ALIGNS:
                check.fail(
                    where, f"phải là một trong {list(_ALIGNS)}", f"must be one of {list(_ALIGNS)}"
                )
            values[key] = value
        elif key in ("color", "background"):
            if not isinstance(value, str) or not _COLOR.match(value):
                check.fail(
                    where, 'phải là mã màu dạng "#RRGGBB"', 'must be a colour like "#RRGGBB"'
                )
            values[key] = value.upper()
        else:  # font
            if not isinstance(value, str) or not value.strip():
                check.fail(where, "phải là tên phông chữ", "must be a font family name")
            values[key] = value.strip()
    return StyleSpec(name=name, **values)


def _parse_slots(check: _Checker, raw: Any) -> tuple[Slot, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        check.fail("slots", "phải là danh sách [[slots]]", "must be an array [[slots]]")
    slots: list[Slot] = []
    for number, item in enumerate(raw, start=1):
        where = f"slots[{number}]."
        table = check.table(item, f"slots[{number}]")
        unknown = sorted(set(table) - {"id", "name_vi", "name_en", "cues", "default"})
        if unknown:
            check.fail(where + unknown[0], "trường không được hỗ trợ", "is not a known field")
        slot_id = check.text(table, "id", prefix=where, required=True)
        if not _ID.match(slot_id) or any(s.id == slot_id for s in slots):
            check.fail(
                where + "id",
                f"“{slot_id}” không hợp lệ hoặc bị trùng",
                f"“{slot_id}” is invalid or used twice",
            )
        cues = table.get("cues", [])
        if not isinstance(cues, list) or any(c not in CUES for c in cues):
            check.fail(
                where + "cues",
                f"phải là danh sách lấy từ {list(CUES)}",
                f"must be a list taken from {list(CUES)}",
            )
        default = table.get("default", False)
        if not isinstance(default, bool):
            check.fail(where + "default", "phải là true hoặc false", "must be true or false")
        if default and any(s.default for s in slots):
            check.fail(
                where + "default",
                "chỉ một vị trí được đánh dấu default",
                "only one slot may be marked default",
            )
        slots.append(
            Slot(
                id=slot_id,
                name_vi=check.text(table, "name_vi", prefix=where, required=True),
                name_en=check.text(table, "name_en", prefix=where, required=True),
                cues=tuple(cues),
                default=default,
            )
        )
    return tuple(slots)


def _safe_relative(name: str) -> bool:
    """A path inside the template folder: relative, forward slashes, no ``..``, and every
    part a name Windows can hold too (templates travel between offices)."""
    if not name or name.startswith("/") or "\\" in name or ":" in name:
        return False
    return all(
        part not in ("", ".", "..") and not reserved_on_windows(part) for part in name.split("/")
    )


# Device names Windows refuses as a file or folder name, whatever the extension (``aux.j2``)
# or the case; COM¹–COM³ are devices too.
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)


def reserved_on_windows(name: str) -> bool:
    """``name`` is a Windows device name (``CON``, ``nul.txt``) or ends in a dot or a space,
    which Windows silently drops: such a file cannot be copied to an office's PC."""
    if name in (".", ".."):
        return False  # not a name at all; path checks refuse these
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    return stem in _WINDOWS_DEVICES or name.endswith((".", " "))


def _spec_dict(spec: StyleSpec) -> dict[str, Any]:
    return {f.name: getattr(spec, f.name) for f in fields(StyleSpec)}


def _fallback_id(folder: Path) -> str:
    """The manifest's id when at least that much can be read, else the folder name.

    A broken user template that meant to replace a built-in must still shadow it (see
    ``library``), so the id is worth recovering from a manifest that fails later checks.
    """
    path = folder / MANIFEST_NAME
    try:
        data = parse_toml(read_template_file(path), path)
    except Exception:  # load_manifest already reported it; this is a guess
        return folder.name
    value = data.get("id")
    usable = isinstance(value, str) and _ID.match(value) and not reserved_on_windows(value)
    return value if usable else folder.name
