"""Writing ``template.toml`` back: the form's manifest as TOML, and in-place edits of a few keys.

The manifest is hand-written by editors and carries their comments, so two ways are offered:
``set_manifest_fields`` rewrites only the top-level lines it is asked to (copying a template
or renaming it keeps every comment), while ``manifest_to_toml`` writes a whole manifest from
the editor's form (only the comment block at the top of the old file survives). Both results
are checked by reading them back with the real parser, so a writer bug cannot save a manifest
the app would then refuse.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from briefing_studio.document import StyleSpec
from briefing_studio.errors import BriefingError
from briefing_studio.templating.manifest import (
    MARGINS,
    TemplateManifest,
    parse_manifest,
)

_TABLE_HEADER = re.compile(r"^\s*\[")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*(.*)$")
_STYLE_FIELDS = [f.name for f in fields(StyleSpec) if f.name != "name"]


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:
    """One manifest value (string, bool, number or list of strings) as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to template.toml")


def leading_comments(text: str) -> str:
    """The comment block at the top of a manifest (kept when the form rewrites the file)."""
    kept = []
    for line in text.splitlines():
        if line.strip().startswith("#"):
            kept.append(line.rstrip())
        elif line.strip() or kept:
            break
    return "\n".join(kept) + "\n" if kept else ""


def manifest_to_toml(manifest: TemplateManifest, header: str = "") -> str:
    """The whole manifest as TOML in the order editors know from the built-in templates."""
    lines = [header.rstrip("\n")] if header.strip() else []
    top: list[tuple[str, Any]] = [
        ("id", manifest.id),
        ("version", manifest.version),
        ("name_vi", manifest.name_vi),
        ("name_en", manifest.name_en),
        ("description_vi", manifest.description_vi),
        ("description_en", manifest.description_en),
        ("audience", manifest.audience),
        ("page", manifest.page),
        ("entry", manifest.entry),
        ("formats", list(manifest.formats)),
        ("pages", manifest.pages),
    ]
    for key, value in top:
        if value or key in ("id", "version", "name_vi", "name_en", "page", "entry"):
            lines.append(f"{key} = {toml_value(value)}")
    if manifest.margins:
        lines += ["", "[margins]"]
        lines += [
            f"{side} = {toml_value(manifest.margins[side])}"
            for side in MARGINS
            if side in manifest.margins
        ]
    for name, spec in manifest.styles.items():
        lines += ["", f"[styles.{name}]"]
        for key in _STYLE_FIELDS:
            value = getattr(spec, key)
            if value is not None:
                lines.append(f"{key} = {toml_value(value)}")
    for slot in manifest.slots:
        lines += ["", "[[slots]]", f"id = {toml_value(slot.id)}"]
        lines.append(f"name_vi = {toml_value(slot.name_vi)}")
        lines.append(f"name_en = {toml_value(slot.name_en)}")
        if slot.cues:
            lines.append(f"cues = {toml_value(list(slot.cues))}")
        if slot.default:
            lines.append("default = true")
    text = "\n".join(lines) + "\n"
    _check_round_trip(text, manifest)
    return text


def set_manifest_fields(text: str, values: Mapping[str, str], path: Path | None = None) -> str:
    """``text`` with the top-level string keys in ``values`` set; everything else untouched.

    A key that is missing is added after the last top-level key. ``BriefingError`` (naming
    ``path``) when the result does not read back with the new values, e.g. the old value was a
    multi-line string this line editor does not understand.
    """
    lines = text.splitlines(keepends=True)
    end = next((i for i, line in enumerate(lines) if _TABLE_HEADER.match(line)), len(lines))
    pending = dict(values)
    last_key = -1
    for index in range(end):
        match = _KEY_LINE.match(lines[index])
        if match is None:
            continue
        last_key = index
        key = match.group(1)
        if key in pending:
            ending = lines[index][len(lines[index].rstrip("\r\n")) :] or "\n"
            lines[index] = f"{key} = {toml_string(pending.pop(key))}{ending}"
    if pending:
        added = [f"{key} = {toml_string(value)}\n" for key, value in pending.items()]
        at = last_key + 1 if last_key >= 0 else end
        if at > 0 and not lines[at - 1].endswith("\n"):
            lines[at - 1] += "\n"
        lines[at:at] = added
    result = "".join(lines)
    try:
        data = tomllib.loads(result)
    except tomllib.TOMLDecodeError as exc:
        raise _unreadable(path, str(exc)) from exc
    if any(data.get(key) != value for key, value in values.items()):
        raise _unreadable(path, "the edited keys did not read back")
    return result


def _check_round_trip(text: str, manifest: TemplateManifest) -> None:
    """The written text must parse to the same manifest (a guard against writer bugs)."""
    again = parse_manifest(tomllib.loads(text), Path("template.toml"))
    if again != manifest:
        raise AssertionError(f"template.toml writer lost information:\n{text}")


def _unreadable(path: Path | None, detail: str) -> BriefingError:
    return BriefingError(
        f"Không sửa được template.toml một cách an toàn ({detail}); hãy sửa tệp bằng tay.",
        f"Could not edit template.toml safely ({detail}); please edit the file by hand.",
        path=path,
    )
