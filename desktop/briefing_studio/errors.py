"""The one error type for problems a user can cause (bad files, broken templates).

Everything else is a bug and should surface as an ordinary exception in tests. The CLI
prints a ``BriefingError`` and exits with status 2; the GUI shows it in a message box.
"""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """A problem the user can fix, with a message in Vietnamese and in English.

    ``path`` names the file involved (a source, a template, a project) and ``line`` the line
    in it when known, so the message can point at it.
    """

    def __init__(
        self,
        message_vi: str,
        message_en: str,
        path: str | Path | None = None,
        line: int | None = None,
    ) -> None:
        self.message_vi = message_vi
        self.message_en = message_en
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.message("en"))

    def _where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line else f"{self.path}: "

    def message(self, language: str = "vi") -> str:
        """The message for a person, prefixed with the file (and line) it concerns."""
        text = self.message_vi if language == "vi" else self.message_en
        return self._where() + text

    def bilingual(self) -> str:
        """Vietnamese first, English after: what the CLI prints."""
        return f"{self.message('vi')}\n({self.message('en')})"
