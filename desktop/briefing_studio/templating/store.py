"""Changing template folders: copy (customise), rename, delete, save, export and import as .zip.

The user folder may be a shared network drive that other machines list while an editor works,
so no reader may ever see half a template. Every change is built in a hidden folder beside the
target (``.tmp-…``; the library skips names starting with a dot) and appears with one rename;
a folder being replaced is first renamed away (``.trash-…``) and removed afterwards. Should the
app die between those two renames, ``recover_interrupted`` puts the old folder back. A change
of one file alone is a single atomic file write.

Zip files come from other offices, so an import accepts only regular files with plain relative
names, within size and count limits, and must find ``template.toml``. A copy and an export carry
the shared parts (``_common/``) the template uses, so they work wherever they are put.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
import unicodedata
import uuid
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from briefing_studio import paths
from briefing_studio.atomic import atomic_write_text, atomic_write_with, remove_stale_temporaries
from briefing_studio.errors import BriefingError, os_error
from briefing_studio.sources.guards import read_regular
from briefing_studio.templating.manifest import (
    _ID,
    MANIFEST_NAME,
    MAX_FILE_BYTES,
    Template,
    _safe_relative,
    load_template,
    parse_toml,
    read_template_file,
    reserved_on_windows,
)
from briefing_studio.templating.manifest_writer import set_manifest_fields
from briefing_studio.templating.sandbox import COMMON, common_folders

MAX_FILES = 200  # a template is a handful of files; more means a wrong folder was zipped
MAX_TOTAL_BYTES = 10_000_000
TEMP_PREFIX = ".tmp-"
TRASH_PREFIX = ".trash-"
COPY_SUFFIX_VI = " (bản của tôi)"
COPY_SUFFIX_EN = " (my copy)"
_RETRIES = 5  # renames on a shared drive fail while another machine has a file open
_RETRY_PAUSE = 0.2

Clash = Literal["refuse", "rename", "replace"]


class TemplateIdTaken(BriefingError):
    """The id is already used; the app asks the editor to rename or replace and tries again."""

    def __init__(self, template_id: str, path: Path | None = None) -> None:
        super().__init__(
            f"Đã có mẫu mang mã “{template_id}”.",
            f"A template with the id “{template_id}” already exists.",
            path=path,
        )
        self.template_id = template_id


def validate_id(template_id: str) -> str:
    """``template_id`` if it is a valid id (a lower-case slug), else ``BriefingError``."""
    if reserved_on_windows(template_id or ""):
        raise BriefingError(
            f"Mã mẫu “{template_id}” là tên thiết bị của Windows (CON, AUX, NUL, COM1…) nên "
            "không dùng làm tên thư mục được; hãy chọn mã khác.",
            f"The template id “{template_id}” is a Windows device name (CON, AUX, NUL, COM1…) "
            "and cannot name a folder; choose another id.",
        )
    if not _ID.match(template_id or ""):
        raise BriefingError(
            f"Mã mẫu “{template_id}” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, '-' "
            "và '_', bắt đầu bằng chữ hoặc số, tối đa 64 ký tự.",
            f"The template id “{template_id}” is not valid: use lower-case ASCII letters, "
            "digits, '-' and '_', starting with a letter or digit, at most 64 characters.",
        )
    return template_id


def taken_ids(user_dir: Path, builtin_dir: Path | None = None) -> set[str]:
    """Ids and folder names already used in ``user_dir`` and among the built-ins."""
    from briefing_studio.templating.library import TemplateLibrary

    library = TemplateLibrary(user_dir, builtin_dir)
    taken = {t.id for t in library.templates()} | {t.folder.name for t in library.templates()}
    with contextlib.suppress(OSError):
        taken |= {child.name for child in user_dir.iterdir()}
    return taken


def suggest_id(base: str, taken: set[str], suffix: str = "copy") -> str:
    """A free id made from ``base``: ``base-copy``, ``base-copy-2``…"""
    stem = base if base.endswith(suffix) else f"{base}-{suffix}"
    stem = stem[:56].strip("-_") or suffix
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


# Changes ------------------------------------------------------------------------------------


def customise(
    template: Template,
    new_id: str,
    user_dir: Path,
    name_vi: str | None = None,
    name_en: str | None = None,
) -> Template:
    """Copy ``template`` into ``user_dir`` under ``new_id`` with names marked as a copy."""
    validate_id(new_id)
    _ensure_folder(user_dir)
    _refuse_taken_in_user_dir(new_id, user_dir, template)
    manifest = template.manifest
    names = {
        "name_vi": name_vi or ((manifest.name_vi if manifest else new_id) + COPY_SUFFIX_VI),
        "name_en": name_en or ((manifest.name_en if manifest else new_id) + COPY_SUFFIX_EN),
    }
    files = _with_common(template.folder, _read_folder(template.folder))
    _rewrite_manifest(files, template.manifest_path, {"id": new_id, **names})
    return _publish(files, user_dir / new_id)


def rename(
    template: Template,
    new_id: str | None = None,
    name_vi: str | None = None,
    name_en: str | None = None,
) -> Template:
    """Give a user template a new id (its folder follows) and/or new names."""
    _refuse_builtin(template)
    values = {k: v.strip() for k, v in (("name_vi", name_vi), ("name_en", name_en)) if v}
    if new_id is None or new_id == template.id:
        if not values:
            return template
        text = read_template_file(template.manifest_path)
        atomic_write_text(
            template.manifest_path, set_manifest_fields(text, values, template.manifest_path)
        )
        return load_template(template.folder, template.origin)
    validate_id(new_id)
    user_dir = template.folder.parent
    _refuse_taken_in_user_dir(new_id, user_dir, template)
    files = _read_folder(template.folder)
    _rewrite_manifest(files, template.manifest_path, {"id": new_id, **values})
    renamed = _publish(files, user_dir / new_id)
    _remove_folder(template.folder)
    return renamed


def delete(template: Template) -> None:
    """Remove a user template folder (it disappears at once, then its files are deleted)."""
    _refuse_builtin(template)
    _remove_folder(template.folder)


def save_files(template: Template, files: Mapping[str, str]) -> Template:
    """Write the editor's texts (relative name → text) into a user template, all or nothing."""
    _refuse_builtin(template)
    texts = {_check_name(name, template.folder): text for name, text in files.items()}
    if MANIFEST_NAME in texts:
        _check_manifest_text(texts[MANIFEST_NAME], template)
    encoded = {
        name: unicodedata.normalize("NFC", text).encode("utf-8") for name, text in texts.items()
    }
    if len(encoded) == 1:
        [(name, data)] = encoded.items()
        target = template.folder / name
        _ensure_folder(target.parent)
        atomic_write_with(target, lambda handle: handle.write(data))
    elif encoded:
        current = _read_folder(template.folder)
        current.update(encoded)
        _publish(current, template.folder, replace=True)
    return load_template(template.folder, template.origin)


def export_zip(template: Template, path: Path) -> Path:
    """Write the template folder as one .zip (entries ``<id>/…``) at ``path``, atomically."""
    files = _with_common(template.folder, _read_folder(template.folder))
    root = template.id if _ID.match(template.id) else "template"

    def write(handle: object) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
            for name in sorted(files):
                archive.writestr(f"{root}/{name}", files[name])

    atomic_write_with(path, write)
    return path


def import_zip(
    path: Path,
    user_dir: Path,
    on_clash: Clash = "refuse",
    builtin_dir: Path | None = None,
) -> Template:
    """Install the template in a .zip into ``user_dir`` (see the module docstring for checks).

    When its id is taken: ``refuse`` raises ``TemplateIdTaken``, ``rename`` picks a free id,
    ``replace`` puts it in place of the user template with that id (or, for a built-in id,
    makes it the office's version of that template).
    """
    files = _read_zip(path)
    _ensure_folder(user_dir)
    staged = _stage(files, user_dir)
    try:
        probe = load_template(staged, "user")
        if probe.manifest is None:
            error = probe.error
            raise BriefingError(
                f"Tệp .zip không chứa mẫu dùng được: {error.message('vi') if error else ''}",
                f"The .zip does not hold a usable template: {error.message('en') if error else ''}",
                path=path,
            )
        template_id = probe.id
        existing = _user_template(user_dir, template_id)
        taken = taken_ids(user_dir, builtin_dir)
        if template_id in taken or existing is not None:
            if on_clash == "refuse":
                raise TemplateIdTaken(template_id, path)
            if on_clash == "rename":
                template_id = suggest_id(probe.id, taken, "imported")
                _rewrite_manifest_on_disk(staged, {"id": template_id})
        target = user_dir / template_id
        if on_clash == "replace" and existing is not None:
            target = existing.folder
        elif target.exists():  # a folder of that name holds another id: never swap it out
            target = user_dir / suggest_id(template_id, taken, "imported")
        return _move_into_place(staged, target, replace=on_clash == "replace")
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)


def recover_interrupted(user_dir: Path) -> list[Path]:
    """Put back folders a crash left renamed away; remove leftover temporary folders and the
    stale temporary files of single-file saves (see ``atomic.remove_stale_temporaries``).

    Returns the folders restored. Leftovers younger than a minute are left alone: another
    machine may be in the middle of a change.
    """
    restored: list[Path] = []
    try:
        children = list(user_dir.iterdir())
    except OSError:
        return restored
    for child in children:
        if child.is_dir() and not child.name.startswith("."):
            remove_stale_temporaries(child)  # a template file save that was killed
        if not child.is_dir() or _age(child) < 60:
            continue
        if child.name.startswith(TRASH_PREFIX):
            original = user_dir / child.name[len(TRASH_PREFIX) :].rsplit(".", 1)[0]
            if not original.exists():
                with contextlib.suppress(OSError):
                    os.rename(child, original)
                    restored.append(original)
                    continue
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith(TEMP_PREFIX):
            shutil.rmtree(child, ignore_errors=True)
    return restored


def template_files(template: Template) -> list[str]:
    """The Jinja files of a template (relative names, entry first) an editor can open."""
    try:
        names = sorted(
            p.relative_to(template.folder).as_posix()
            for p in template.folder.rglob("*.j2")
            if p.is_file() and not _hidden(p.relative_to(template.folder))
        )
    except OSError:
        names = []
    entry = template.entry_path.relative_to(template.folder).as_posix()
    return [entry, *[n for n in names if n != entry]]


# Reading folders and zips -------------------------------------------------------------------


def _read_folder(folder: Path) -> dict[str, bytes]:
    """Every regular, non-hidden file under ``folder`` (relative POSIX name → bytes)."""
    files: dict[str, bytes] = {}
    total = 0
    try:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if _hidden(relative) or path.is_symlink() or not path.is_file():
                continue
            data = read_regular(path, MAX_FILE_BYTES)  # never a FIFO, never read past the cap
            total += len(data)
            _check_limits(len(files) + 1, len(data), total, folder)
            files[relative.as_posix()] = data
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    return files


def _with_common(folder: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` plus the shared parts (``_common/…``) the template reaches but does not carry.

    A copy or an exported .zip then holds everything it prints with: it works in any folder,
    on a machine whose app ships other parts, and its letterhead can be edited like its other
    files. Parts are taken as the template sees them (``sandbox.common_folders``, nearest
    first) and only when one of its Jinja files names ``_common/``.
    """
    marker = f"{COMMON}/".encode()
    if not any(name.endswith(".j2") and marker in data for name, data in files.items()):
        return files
    added = dict(files)
    for common in common_folders(folder.resolve()):
        for name, data in _read_folder(common).items():
            added.setdefault(f"{COMMON}/{name}", data)
    _check_limits(len(added), 0, sum(map(len, added.values())), folder)
    return added


def _read_zip(path: Path) -> dict[str, bytes]:
    """The files of a template .zip after every safety check; the folder level is removed."""
    files: dict[str, bytes] = {}
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_FILES * 2:
                _check_limits(len(entries), 0, 0, path)
            for info in entries:
                name = info.filename
                if name.startswith("__MACOSX/"):
                    continue
                _check_zip_name(name, path)
                if info.is_dir():
                    continue
                kind = (info.external_attr >> 16) & 0o170000
                if kind and kind != stat.S_IFREG:
                    raise _zip_error(
                        path,
                        f"“{name}” không phải tệp thông thường (liên kết hoặc thiết bị)",
                        f"“{name}” is not a regular file (a link or a device)",
                    )
                if info.flag_bits & 0x1:
                    raise _zip_error(path, "tệp .zip được mã hóa", "the .zip is encrypted")
                if _hidden(Path(name)):
                    continue
                _check_limits(len(files) + 1, info.file_size, total + info.file_size, path)
                with archive.open(info) as member:
                    data = member.read(MAX_FILE_BYTES + 1)  # never trust the declared size
                total += len(data)
                _check_limits(len(files) + 1, len(data), total, path)
                files[name] = data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as exc:
        raise _zip_error(path, f"tệp .zip bị hỏng ({exc})", f"the .zip is damaged ({exc})") from exc
    except (RuntimeError, NotImplementedError) as exc:  # encryption, unknown compression
        raise _zip_error(path, f"không đọc được ({exc})", f"cannot be read ({exc})") from exc
    except OSError as exc:
        raise _folder_error(path, exc) from exc
    return _strip_root(files, path)


def _strip_root(files: dict[str, bytes], path: Path) -> dict[str, bytes]:
    _check_clash(files, path)
    if MANIFEST_NAME in files:
        return files
    roots = {name.split("/", 1)[0] for name in files}
    if len(roots) == 1:
        root = roots.pop() + "/"
        if root + MANIFEST_NAME in files:
            return {name[len(root) :]: data for name, data in files.items()}
    raise _zip_error(
        path,
        f"không có {MANIFEST_NAME} (ở gốc hoặc trong một thư mục duy nhất)",
        f"holds no {MANIFEST_NAME} (at the top or inside a single folder)",
    )


def _check_clash(files: Mapping[str, bytes], path: Path) -> None:
    """A name that is a file and also a folder of another file (``a`` and ``a/b``)."""
    folders = {name.rsplit("/", i)[0] for name in files for i in range(1, name.count("/") + 1)}
    clash = sorted(folders & set(files))
    if clash:
        raise _zip_error(
            path,
            f"“{clash[0]}” vừa là tệp vừa là thư mục trong tệp .zip",
            f"“{clash[0]}” is both a file and a folder in the .zip",
        )


def _check_zip_name(name: str, path: Path) -> None:
    plain = name.rstrip("/")
    if ".." not in plain.split("/") and any(reserved_on_windows(p) for p in plain.split("/")):
        raise _zip_error(
            path,
            f"“{name}” dùng tên thiết bị của Windows (CON, AUX, NUL…) hoặc kết thúc bằng dấu "
            "chấm hay khoảng trắng; Windows không lưu được tên đó, không nhập",
            f"“{name}” uses a Windows device name (CON, AUX, NUL…) or ends in a dot or a "
            "space, which Windows cannot store; nothing was imported",
        )
    if not _safe_relative(plain) or len(plain) > 255:
        raise _zip_error(
            path,
            f"đường dẫn “{name}” không an toàn (tuyệt đối, có “..” hoặc ký tự lạ); không nhập",
            f"the path “{name}” is unsafe (absolute, with “..” or odd characters); "
            "nothing was imported",
        )


def _check_limits(count: int, size: int, total: int, where: Path) -> None:
    if count > MAX_FILES or size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
        raise BriefingError(
            f"Mẫu quá lớn: tối đa {MAX_FILES} tệp, mỗi tệp {MAX_FILE_BYTES // 1_000_000} MB, "
            f"tổng {MAX_TOTAL_BYTES // 1_000_000} MB.",
            f"The template is too large: at most {MAX_FILES} files, "
            f"{MAX_FILE_BYTES // 1_000_000} MB each, {MAX_TOTAL_BYTES // 1_000_000} MB in all.",
            path=where,
        )


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts)


# Publishing ---------------------------------------------------------------------------------


def _stage(files: Mapping[str, bytes], parent: Path) -> Path:
    """Write ``files`` into a new hidden folder in ``parent``; removed again on any failure."""
    try:
        staged = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=parent))
    except OSError as exc:
        raise _folder_error(parent, exc) from exc
    try:
        for name, data in files.items():
            _write_file(staged / name, data)
        _fsync_dir(staged)
    except BaseException as exc:
        shutil.rmtree(staged, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _folder_error(parent, exc) from exc
        raise
    return staged


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _publish(files: Mapping[str, bytes], target: Path, replace: bool = False) -> Template:
    """Stage ``files`` beside ``target`` and move them into place in one rename."""
    staged = _stage(files, target.parent)
    try:
        return _move_into_place(staged, target, replace)
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)


def _move_into_place(staged: Path, target: Path, replace: bool) -> Template:
    """Rename ``staged`` to ``target``; an existing ``target`` is swapped out when ``replace``."""
    old: Path | None = None
    if target.exists():
        if not replace:
            raise TemplateIdTaken(target.name, target)
        old = target.with_name(f"{TRASH_PREFIX}{target.name}.{uuid.uuid4().hex[:8]}")
        _rename(target, old)
    try:
        _rename(staged, target)
    except BriefingError:
        if old is not None:
            with contextlib.suppress(OSError):
                os.rename(old, target)  # put the previous version back
        raise
    _fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    origin = "built-in" if _is_builtin(target) else "user"
    return load_template(target, origin)


def _remove_folder(folder: Path) -> None:
    trash = folder.with_name(f"{TRASH_PREFIX}{folder.name}.{uuid.uuid4().hex[:8]}")
    _rename(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)


def _rename(source: Path, target: Path) -> None:
    """``os.rename`` with a few retries: a shared drive refuses it while a file is open."""
    for attempt in range(_RETRIES):
        try:
            os.rename(source, target)
            return
        except FileExistsError as exc:
            raise TemplateIdTaken(target.name, target) from exc
        except OSError as exc:
            if attempt == _RETRIES - 1 or isinstance(exc, FileNotFoundError):
                raise _folder_error(source, exc) from exc
            time.sleep(_RETRY_PAUSE)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename durable on POSIX; Windows cannot open folders and does not need it.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# Manifest edits -----------------------------------------------------------------------------


def _rewrite_manifest(files: dict[str, bytes], path: Path, values: Mapping[str, str]) -> None:
    if MANIFEST_NAME not in files:
        raise BriefingError(
            f"Mẫu không có {MANIFEST_NAME}; không sao chép hay đổi tên được.",
            f"The template has no {MANIFEST_NAME}; it cannot be copied or renamed.",
            path=path,
        )
    text = _decode(files[MANIFEST_NAME], path)
    files[MANIFEST_NAME] = set_manifest_fields(text, values, path).encode("utf-8")


def _rewrite_manifest_on_disk(folder: Path, values: Mapping[str, str]) -> None:
    path = folder / MANIFEST_NAME
    _write_file(path, set_manifest_fields(read_template_file(path), values, path).encode("utf-8"))


def _check_manifest_text(text: str, template: Template) -> None:
    """A saved manifest must read and keep the template's id (renaming is ``rename``'s job)."""
    from briefing_studio.templating.manifest import parse_manifest

    path = template.manifest_path
    try:
        data = parse_toml(unicodedata.normalize("NFC", text), path)
    except BriefingError as error:
        raise BriefingError(
            f"{error.message_vi} Chưa lưu gì.",
            f"{error.message_en} Nothing was saved.",
            path=path,
            line=error.line,
        ) from error
    manifest = parse_manifest(data, path)
    if manifest.id != template.id:
        raise BriefingError(
            "Không đổi mã mẫu khi lưu; dùng “Đổi tên” trong trình quản lý mẫu.",
            "The id cannot change on save; use Rename in the template manager.",
            path=path,
        )


def _decode(data: bytes, path: Path) -> str:
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BriefingError(
            "Tệp phải được lưu ở bảng mã UTF-8.", "The file must be saved as UTF-8.", path=path
        ) from exc


# Checks and messages ------------------------------------------------------------------------


def _check_name(name: str, folder: Path) -> str:
    if not _safe_relative(name) or _hidden(Path(name)):
        raise BriefingError(
            f"Tên tệp “{name}” không hợp lệ: phải nằm trong thư mục mẫu, không dùng tên thiết bị "
            "của Windows (CON, AUX, NUL…).",
            f"The file name “{name}” is not valid: it must be inside the template folder and "
            "not a Windows device name (CON, AUX, NUL…).",
            path=folder,
        )
    return name


def _refuse_builtin(template: Template) -> None:
    if template.origin == "built-in" or _is_builtin(template.folder):
        raise BriefingError(
            "Mẫu có sẵn chỉ để đọc; hãy “Tùy biến” để tạo bản riêng rồi sửa bản đó.",
            "Built-in templates are read-only; use Customise to make your own copy and edit it.",
            path=template.folder,
        )


def _refuse_taken_in_user_dir(new_id: str, user_dir: Path, template: Template) -> None:
    existing = _user_template(user_dir, new_id)
    if (existing is not None and existing.folder != template.folder) or (
        (user_dir / new_id).exists() and (user_dir / new_id) != template.folder
    ):
        raise TemplateIdTaken(new_id, user_dir / new_id)


def _user_template(user_dir: Path, template_id: str) -> Template | None:
    from briefing_studio.templating.library import TemplateLibrary

    found = TemplateLibrary(user_dir).templates()
    return next((t for t in found if t.origin == "user" and t.id == template_id), None)


def _is_builtin(folder: Path) -> bool:
    with contextlib.suppress(OSError, RuntimeError):
        return folder.resolve().is_relative_to(paths.templates_dir().resolve())
    return False


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _folder_error(path: Path, exc: OSError) -> BriefingError:
    return os_error(
        exc,
        "Không đọc/ghi được",
        "Cannot read or write",
        path,
        "Thư mục mẫu có thể ở ổ mạng đang mất kết nối; không có thay đổi nào được ghi dở dang.",
        "The templates folder may be on a network drive that is offline; no half-made change "
        "was left behind.",
    )


def _zip_error(path: Path, problem_vi: str, problem_en: str) -> BriefingError:
    return BriefingError(
        f"Không nhập được mẫu từ tệp .zip: {problem_vi}.",
        f"Cannot import the template from the .zip: {problem_en}.",
        path=path,
    )


__all__ = [
    "COPY_SUFFIX_EN",
    "COPY_SUFFIX_VI",
    "Clash",
    "TemplateIdTaken",
    "customise",
    "delete",
    "export_zip",
    "import_zip",
    "recover_interrupted",
    "rename",
    "save_files",
    "suggest_id",
    "taken_ids",
    "template_files",
    "validate_id",
]
