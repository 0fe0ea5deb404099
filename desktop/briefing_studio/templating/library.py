"""Finding templates: the built-in ones and an editor's own folder (possibly a network drive).

Broken templates are listed with their problem rather than hidden, so an editor sees why the
template they just saved is not usable; a missing or unreadable user folder is a note, never a
crash, because the shared drive being offline must not stop a secretary from working.
"""

from __future__ import annotations

from pathlib import Path

from briefing_studio import paths
from briefing_studio.errors import BriefingError
from briefing_studio.templating.manifest import MANIFEST_NAME, Origin, Template, load_template


class TemplateLibrary:
    """The templates available to this user: built-ins, overridden by user ones with same id.

    The folders are scanned on every ``templates()`` call (a handful of small files), so an
    editor's changes show up without a restart.
    """

    def __init__(self, user_dir: Path | None, builtin_dir: Path | None = None) -> None:
        self.user_dir = user_dir
        self.builtin_dir = builtin_dir if builtin_dir is not None else paths.templates_dir()
        #: Why the user folder could not be read on the last scan (Vietnamese, then English).
        self.folder_problem: str | None = None

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
        try:
            if not self.user_dir.is_dir():
                raise FileNotFoundError(2, "không tồn tại / does not exist")
            return _scan(self.user_dir, "user")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.folder_problem = (
                f"Không mở được thư mục mẫu riêng {self.user_dir} ({reason}); "
                "chỉ dùng các mẫu có sẵn. "
                f"(Cannot open the user template folder {self.user_dir} ({reason}); "
                "using the built-in templates only.)"
            )
            return []


def _scan(folder: Path, origin: Origin) -> list[Template]:
    """Every template folder directly under ``folder``.

    A sub-folder counts when it holds ``template.toml`` or at least a ``.j2`` file (a template
    whose manifest was lost is still worth reporting); anything else (``.git``, images) is not
    ours to judge.
    """
    found: list[Template] = []
    for child in sorted(folder.iterdir()):
        try:
            if child.name.startswith(".") or not child.is_dir():
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
