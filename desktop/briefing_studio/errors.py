"""The one error type for problems a user can cause (bad files, broken templates).

Everything else is a bug and should surface as an ordinary exception in tests. The CLI
prints a ``BriefingError`` and exits with status 2; the GUI shows it in a message box.
"""

from __future__ import annotations

import errno
from pathlib import Path

# Why the system refused, for a person, by errno name: (Vietnamese, English). Python maps Windows
# error codes onto the same errno values; a name this platform lacks is skipped.
_OS_REASON_NAMES: dict[str, tuple[str, str]] = {
    "ENOENT": ("không có tệp hoặc thư mục", "no such file or folder"),
    "EACCES": ("không có quyền truy cập", "permission denied"),
    "EPERM": ("hệ thống không cho phép thao tác này", "operation not permitted"),
    "ENOSPC": ("ổ đĩa đã đầy", "the disk is full"),
    "EROFS": ("ổ đĩa chỉ cho phép đọc", "the disk is read-only"),
    "EEXIST": ("tệp hoặc thư mục đã tồn tại", "the file or folder already exists"),
    "ENOTDIR": ("một phần của đường dẫn không phải là thư mục", "part of the path is not a folder"),
    "EISDIR": ("đó là một thư mục, không phải tệp", "that is a folder, not a file"),
    "ENAMETOOLONG": ("tên hoặc đường dẫn quá dài", "the name or path is too long"),
    "EBUSY": ("tệp đang được chương trình khác sử dụng", "the file is in use by another program"),
    "ETXTBSY": ("tệp đang được chương trình khác sử dụng", "the file is in use by another program"),
    "EIO": ("lỗi đọc/ghi của thiết bị", "input/output error of the device"),
    "EDQUOT": ("đã hết hạn mức dung lượng của người dùng", "the disk quota is used up"),
    "EMFILE": ("quá nhiều tệp đang mở", "too many open files"),
    "ENFILE": ("hệ thống mở quá nhiều tệp", "too many open files in the system"),
    "EFBIG": ("tệp vượt quá kích thước cho phép", "the file is too large"),
    "ELOOP": ("đường dẫn có vòng liên kết", "the path has a loop of links"),
    "ENOTEMPTY": ("thư mục không trống", "the folder is not empty"),
    "EXDEV": ("không chuyển được giữa hai ổ đĩa", "cannot move across disks"),
    "ETIMEDOUT": ("hết thời gian chờ (ổ mạng?)", "timed out (network drive?)"),
    "EHOSTDOWN": ("máy chủ chứa tệp không phản hồi", "the host holding the file is down"),
    "ESTALE": ("ổ mạng đã mất kết nối", "the network drive was disconnected"),
    "EINVAL": ("tên hoặc thao tác không hợp lệ", "invalid name or operation"),
}
_OS_REASONS = {
    getattr(errno, name): reasons
    for name, reasons in _OS_REASON_NAMES.items()
    if hasattr(errno, name)
}


def os_reason(exc: OSError, language: str = "vi", path: str | Path | None = None) -> str:
    """Why ``exc`` happened, in ``language`` ("vi" or "en").

    The path the system refused is named unless it is ``path``, which the message names anyway.

    Errors outside the table keep the system's own (English) words after a Vietnamese lead-in,
    so no message is ever empty.
    """
    known = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if known is not None:
        reason = known[0] if language == "vi" else known[1]
    else:
        detail = exc.strerror or str(exc) or type(exc).__name__
        if exc.errno in errno.errorcode:
            detail = f"{errno.errorcode[exc.errno]}: {detail}"
        reason = f"lỗi hệ thống ({detail})" if language == "vi" else f"system error ({detail})"
    if exc.filename is not None and (path is None or str(exc.filename) != str(path)):
        reason += f" ({exc.filename})"
    return reason


class Cancelled(Exception):
    """Raised by long core work (NER, OCR, conversions) when its ``cancelled()`` check said so;
    the caller ends quietly instead of reporting an error."""


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

    def __reduce__(self) -> tuple:
        """Pickled as a plain ``BriefingError`` with its messages, path and line (a subclass's
        own constructor need not take these), so it can cross into another process."""
        return (BriefingError, (self.message_vi, self.message_en, self.path, self.line))

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


def os_error(
    exc: OSError,
    doing_vi: str,
    doing_en: str,
    path: str | Path | None = None,
    note_vi: str = "",
    note_en: str = "",
) -> BriefingError:
    """The ``BriefingError`` for ``exc``: "<what failed>: <reason>. <note>" in both languages.

    ``doing_*`` says what could not be done ("Không ghi được tệp"), ``note_*`` what it means
    for the user ("Tệp cũ vẫn được giữ nguyên.").
    """
    vi = f"{doing_vi}: {os_reason(exc, 'vi', path)}." + (f" {note_vi}" if note_vi else "")
    en = f"{doing_en}: {os_reason(exc, 'en', path)}." + (f" {note_en}" if note_en else "")
    return BriefingError(vi, en, path=path)
