"""Finding templates: the built-in ones and an editor's own folder (possibly a network drive).

Broken templates are listed with their problem rather than hidden, so an editor sees why the
template they just saved is not usable; a missing or unreadable user folder is a note, never a
crash, because the shared drive being offline must not stop a secretary from working.
"""

from __future__ import annotations

import threading
from pathlib import Path

from briefing_studio import paths
from briefing_studio.errors import BriefingError, os_reason
from briefing_studio.templating.manifest import MANIFEST_NAME, Origin, Template, load_template
from briefing_studio.templating.sandbox import COMMON

# How long a caller (the GUI, on its own thread) waits for the user folder. Every file in it is
# read without blocking and within a size cap, so a local folder takes milliseconds (22 ms with
# four hostile templates beside the built-ins); only a network drive that is slow to list or
# open files takes longer, and then the window must not freeze while it answers.
USER_SCAN_WAIT_S = 3.0


class TemplateLibrary:
    """The templates available to this user: built-ins, overridden by user ones with same id.

    The folders are scanned on every ``templates()`` call (a handful of small files), so an
    editor's changes show up without a restart. The user folder is scanned on a worker thread:
    when it has not answered within ``scan_wait`` seconds the last list it gave (at first,
    none) is used with a note in ``folder_problem``, and later calls use what the scan still
    running finds once it is done, without waiting for it again.
    """

    def __init__(
        self,
        user_dir: Path | None,
        builtin_dir: Path | None = None,
        scan_wait: float = USER_SCAN_WAIT_S,
    ) -> None:
        self.user_dir = user_dir
        self.builtin_dir = builtin_dir if builtin_dir is not None else paths.templates_dir()
        self.scan_wait = scan_wait
        #: Why the user folder could not be read on the last scan (Vietnamese, then English).
        self.folder_problem: str | None = None
        self._scan: _UserScan | None = None
        self._last_users: list[Template] = []

    def templates(self) -> list[Template]:
        """Built-ins in id order with user overrides in their place, then user-only ones.

        A broken user template still shadows the built-in with its id: the editor meant to
        replace it, and silently printing the retired layout would be worse than an error.
        """
        builtins = _scan(self.builtin_dir, "built-in")
        users = self._scan_user()
        overrides = {t.id: t for t in reversed(users)}  # the first folder with an id wins
        ordered = [overrides.get(t.id, t) for t in builtins]
        return ordered + [t for t in users if t not in ordered]

    def get(self, template_id: str) -> Template:
        """The usable template with this id; ``BriefingError`` if it is missing or broken."""
        found = next((t for t in self.templates() if t.id == template_id), None)
        if found is None:
            raise BriefingError(
                f"Không tìm thấy mẫu “{template_id}”.",
                f"Template “{template_id}” not found.",
            )
        if not found.usable:
            if found.error is not None:
                raise found.error
            raise BriefingError(
                f"Mẫu “{template_id}” bị lỗi: {found.problem}",
                f"Template “{template_id}” is broken: {found.problem}",
                path=found.folder,
            )
        return found

    def _scan_user(self) -> list[Template]:
        self.folder_problem = None
        if self.user_dir is None:
            return []
        previous = self._scan
        running = previous is not None and not previous.done.is_set()
        if previous is not None and not running and previous.error is None:
            self._last_users = previous.found  # what a scan that outlasted its caller found
        if not running:
            self._scan = _UserScan(self.user_dir)
        scan = self._scan
        assert scan is not None
        if not scan.done.wait(0 if running else self.scan_wait):
            self.folder_problem = (
                f"Thư mục mẫu riêng {self.user_dir} trả lời quá chậm (hơn {self.scan_wait:g} "
                "giây; ổ mạng?); tạm dùng danh sách đọc được lần trước. "
                f"(The user template folder {self.user_dir} is too slow to answer (over "
                f"{self.scan_wait:g} s; a network drive?); using the list read last time.)"
            )
            return self._last_users
        try:
            if scan.error is not None:
                raise scan.error
            self._last_users = scan.found
            return scan.found
        except OSError as exc:
            reason_vi, reason_en = os_reason(exc, "vi"), os_reason(exc, "en")
            self.folder_problem = (
                f"Không mở được thư mục mẫu riêng {self.user_dir} ({reason_vi}); "
                "chỉ dùng các mẫu có sẵn. "
                f"(Cannot open the user template folder {self.user_dir} ({reason_en}); "
                "using the built-in templates only.)"
            )
            return []


class _UserScan:
    """One scan of the user folder on a daemon thread (a hung network read cannot be stopped,
    and must not keep the app from exiting either)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.found: list[Template] = []
        self.error: OSError | None = None
        self.done = threading.Event()
        threading.Thread(target=self._run, name="template-scan", daemon=True).start()

    def _run(self) -> None:
        try:
            if not self.folder.is_dir():
                raise FileNotFoundError(2, "không tồn tại / does not exist")
            self.found = _scan(self.folder, "user")
        except OSError as exc:
            self.error = exc
        finally:
            self.done.set()


def _scan(folder: Path, origin: Origin) -> list[Template]:
    """Every template folder directly under ``folder``.

    A sub-folder counts when it holds ``template.toml`` or at least a ``.j2`` file (a template
    whose manifest was lost is still worth reporting); anything else (``.git``, images) is not
    ours to judge. ``_common`` holds parts templates share and is not a template.
    """
    found: list[Template] = []
    for child in sorted(folder.iterdir()):
        try:
            if child.name.startswith(".") or child.name == COMMON or not child.is_dir():
                continue
            if not (child / MANIFEST_NAME).exists() and not any(child.glob("*.j2")):
                continue
        except OSError:  # a sub-folder we may not list is not ours to judge either
            continue
        template = load_template(child, origin)
        first = next((t for t in found if t.id == template.id), None)
        if first is not None and template.problem is None:
            _mark_duplicate(template, first)
        found.append(template)
    return sorted(found, key=lambda t: (t.id, t.folder.name))


def _mark_duplicate(template: Template, first: Template) -> None:
    """Two folders claiming one id: the first (by folder name) is used, the other flagged."""
    error = BriefingError(
        f"Mã mẫu “{template.id}” trùng với thư mục “{first.folder.name}”; mẫu này bị bỏ qua.",
        f"Template id “{template.id}” is also used by folder “{first.folder.name}”; "
        "this one is ignored.",
        path=template.manifest_path,
    )
    template.problem, template.error = error.bilingual(), error
