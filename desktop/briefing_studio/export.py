"""From a workspace and a ``Briefing`` to files on disk: apply the template, write formats.

One function for the CLI's ``render`` and the GUI's Export, so both produce the same files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from briefing_studio.briefing import Briefing
from briefing_studio.document import Document
from briefing_studio.errors import BriefingError, os_error
from briefing_studio.templating import Template, make_document
from briefing_studio.textutil import fold
from briefing_studio.workspace import Workspace


def parse_formats(spec: str | Sequence[str]) -> list[str]:
    """``"docx,pdf"`` → ``["docx", "pdf"]`` (format ids); unknown formats are a user error."""
    from briefing_studio.render.formats import find, ids

    items = spec.split(",") if isinstance(spec, str) else list(spec)
    names = [item.strip() for item in items if item.strip()]
    unknown = [name for name in names if find(name) is None]
    if unknown or not names:
        choices = ", ".join(ids())
        raise BriefingError(
            f"Định dạng không hỗ trợ: {', '.join(unknown) or '(trống)'}. Chọn {choices}.",
            f"Unsupported format: {', '.join(unknown) or '(empty)'}. Choose {choices}.",
        )
    return list(dict.fromkeys(find(name).id for name in names))


def default_formats(template: Template) -> list[str]:
    """The formats ``template`` asks to be ticked (its ``formats``), else the app's default."""
    from briefing_studio.render.formats import DEFAULT_IDS

    wanted = template.manifest.formats if template.manifest else ()
    if not wanted:
        return list(DEFAULT_IDS)
    try:
        return parse_formats(wanted)
    except BriefingError as exc:
        raise BriefingError(
            f"Mẫu “{template.id}”, trường “formats”: {exc.message_vi}",
            f"Template “{template.id}”, field “formats”: {exc.message_en}",
            path=template.manifest_path,
        ) from None


def default_stem(briefing: Briefing, today: date | None = None) -> str:
    """A file name without suffix: ``briefing-han-quoc-2024-12-20``, ASCII for any file system."""
    from briefing_studio.templating.context import counterpart_names

    rendered = (today or date.today()).isoformat()
    # Province names follow the meeting's date (else the document's): see counterpart_names.
    on = date.fromisoformat(briefing.meeting.date or briefing.issued or rendered)
    names = counterpart_names(briefing.meeting.counterpart, on)
    parts = ["briefing", names["file_name"], briefing.meeting.date or rendered]
    slug = re.sub(r"[^a-z0-9]+", "-", fold(" ".join(parts))).strip("-")
    return slug or "briefing"


# Names Windows keeps for devices, with or without a suffix ("CON.docx" is the console too).
_RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")]
)
# Characters no file name may hold on Windows; "/" and "\\" would also make it a path.
_FORBIDDEN_CHARACTERS = '/\\<>:"|?*'
_MAX_NAME_BYTES = 255 - len(".docx")  # the longest suffix added; 255 bytes per name everywhere


def check_stem(name: str) -> str:
    """``name`` as a file name without suffix (NFC, trimmed); refused when it is a path.

    Folders go in ``--out`` / the folder field; a name never leaves it, so ``..``, separators,
    characters Windows forbids, its device names (``CON``, ``NUL``…) and empty names are user
    errors.
    """
    stem = unicodedata.normalize("NFC", name).strip()
    shown = name if len(name) <= 60 else name[:57] + "…"
    problem = None
    if not stem:
        problem = ("tên trống", "the name is empty")
    elif stem in (".", ".."):
        problem = ("“.” và “..” chỉ thư mục", "“.” and “..” name folders")
    elif bad := sorted({c for c in stem if c in _FORBIDDEN_CHARACTERS or ord(c) < 32}):
        listed = " ".join(c if ord(c) >= 32 else f"U+{ord(c):04X}" for c in bad)
        problem = (f"tên không được chứa {listed}", f"a name may not contain {listed}")
    elif stem.split(".")[0].strip().upper() in _RESERVED_NAMES:
        problem = (
            f"“{stem.split('.')[0]}” là tên thiết bị dành riêng của Windows",
            f"“{stem.split('.')[0]}” is a device name Windows reserves",
        )
    elif len(stem.encode("utf-8")) > _MAX_NAME_BYTES:
        problem = ("tên quá dài", "the name is too long")
    if problem is None:
        return stem
    raise BriefingError(
        f"Tên tệp xuất không hợp lệ “{shown}”: {problem[0]}. Chỉ ghi tên tệp, không có thư mục "
        "hay đuôi; thư mục xuất được chọn riêng.",
        f"Invalid output file name “{shown}”: {problem[1]}. Give a file name only, without "
        "folder or suffix; the output folder is chosen separately.",
    )


def write_document(
    document: Document,
    formats: Sequence[str],
    out_dir: Path,
    stem: str,
    *,
    parallel: bool = False,
) -> list[Path]:
    """Write ``document`` in each format into ``out_dir``: all of them, or none.

    Every format is rendered in memory before the first file is touched, and the files are
    moved into place together, so a failure (a full disk, a PDF open in another program)
    leaves no new DOCX beside a missing PDF. Returns the files written. ``parallel``: the
    command line's one-off process may write two formats at once (``render.parallel``).
    """
    from briefing_studio.atomic import atomic_write_many
    from briefing_studio.render import formats as registry
    from briefing_studio.render.parallel import write_all

    stem = check_stem(stem)
    chosen = [registry.get(fmt) for fmt in dict.fromkeys(formats)]
    names = registry.file_names(stem, chosen)
    written = write_all(document, [fmt.write for fmt in chosen], parallel=parallel)
    contents = [(out_dir / name, data) for name, data in zip(names, written, strict=True)]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(
            exc, "Không tạo được thư mục xuất", "Cannot create the output folder", out_dir
        ) from exc
    atomic_write_many(contents)
    return [path for path, _ in contents]


def export_briefing(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    formats: Sequence[str],
    out_dir: str | Path,
    stem: str | None = None,
    *,
    parallel: bool = False,
    context: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Render ``briefing`` with ``template`` to each of ``formats`` in ``out_dir``.

    ``stem`` is the file name without suffix (``check_stem``); None: ``default_stem``.
    ``parallel``: see ``write_document``; ``context``: the template context, when the caller
    built it already (``make_document``).
    """
    name = check_stem(default_stem(briefing) if stem is None else stem)
    document = make_document(workspace, briefing, template, context=context)
    return write_document(document, formats, Path(out_dir), name, parallel=parallel)
