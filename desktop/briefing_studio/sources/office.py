"""Word 97–2003 ``.doc``, RTF and OpenDocument ``.odt`` sources, through LibreOffice.

LibreOffice in headless mode converts the file to ``.docx`` in a temporary folder, and the
normal .docx loader reads that. LibreOffice runs with its own temporary user profile, so it
neither clashes with a LibreOffice the user has open nor touches the user's settings, and it
is stopped after ``CONVERT_TIMEOUT_S`` (a password-protected file can make it wait forever).
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing_studio.errors import BriefingError, os_error
from briefing_studio.sources.guards import check_readable
from briefing_studio.sources.model import SourceDocument
from briefing_studio.sources.programs import ProgramTimeout, find_program, run_program

# The suffixes LibreOffice opens for us, and how messages name them.
OFFICE_FORMATS = {".doc": "Word 97–2003 (.doc)", ".rtf": "RTF", ".odt": "OpenDocument (.odt)"}
# How each kind's bytes start. Many ".doc" files are really RTF, HTML or Word XML saved under
# that name, which LibreOffice reads as well; anything else it would import as plain text
# (garbage), so it is refused as damaged first.
_SIGNATURES = {
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"<", b"PK\x03\x04"),
    ".rtf": (b"{\\rtf",),
    ".odt": (b"PK\x03\x04",),
}
CONVERT_TIMEOUT_S = 120.0  # a first start of LibreOffice takes a few seconds, a file one more
_INSTALL_DIRS = (  # Windows (relative to the program folders) and macOS
    "LibreOffice/program",
    "LibreOffice 7/program",
    "/Applications/LibreOffice.app/Contents/MacOS",
)


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` on PATH or in its usual install folders, else ``None``."""
    return find_program(("soffice", "libreoffice"), _INSTALL_DIRS)


def load_office(path: Path, cancelled: Callable[[], bool] | None = None) -> SourceDocument:
    """Convert ``path`` to .docx with LibreOffice and load that; ``BriefingError`` when
    LibreOffice is missing or cannot convert the file."""
    from briefing_studio.sources.docx_loader import load_docx

    check_readable(path)
    kind = OFFICE_FORMATS[path.suffix.lower()]
    head = _head(path)
    if not head.startswith(_SIGNATURES[path.suffix.lower()]):
        raise _not_converted(path, kind, "", "")
    program = find_soffice()
    if program is None:
        raise BriefingError(
            f"Cần LibreOffice để đọc tệp {kind}. Linux: sudo apt install "
            "libreoffice-writer. Windows: cài LibreOffice từ libreoffice.org. Hoặc mở tệp "
            "bằng Word và lưu thành .docx.",
            f"Reading {kind} files needs LibreOffice. Linux: sudo apt install "
            "libreoffice-writer. Windows: install LibreOffice from libreoffice.org. Or open "
            "the file in Word and save it as .docx.",
            path=path,
        )
    with tempfile.TemporaryDirectory(prefix="briefing-office-") as folder:
        # LibreOffice reads a copy: it leaves no lock file beside the user's file, and an odd
        # file name cannot be taken for an option.
        copy = Path(folder) / f"source{path.suffix.lower()}"
        try:
            shutil.copyfile(path, copy)
        except OSError as exc:
            raise os_error(exc, "Không đọc được tệp", "The file cannot be read", path) from None
        out = Path(folder) / "out"
        profile = (Path(folder) / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            # A Word 97 file must be read as one: a torn one would otherwise be imported as
            # plain text (garbage) instead of refused.
            *(["--infilter=MS Word 97"] if head.startswith(_SIGNATURES[".doc"][0]) else []),
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(copy),
        ]
        try:
            result = run_program(command, CONVERT_TIMEOUT_S, cancelled)
        except ProgramTimeout:
            seconds = f"{CONVERT_TIMEOUT_S:.0f}"
            raise _not_converted(path, kind, f"quá {seconds} giây", f"over {seconds} s") from None
        except OSError as exc:
            raise _not_converted(path, kind, str(exc), str(exc)) from None
        converted = out / "source.docx"
        if not converted.is_file():
            lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = lines[-1] if lines else ""
            raise _not_converted(path, kind, detail, detail)
        try:
            document = load_docx(converted)
        except BriefingError as exc:  # name the user's file, not the temporary .docx
            raise BriefingError(exc.message_vi, exc.message_en, path=path) from exc
    return dataclasses.replace(
        document, path=str(path), name=path.name, format=path.suffix.lower()[1:]
    )


def _head(path: Path) -> bytes:
    """The file's first bytes, after a byte-order mark and blank space."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise os_error(exc, "Không đọc được tệp", "The file cannot be read", path) from None
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()


def _not_converted(path: Path, kind: str, detail_vi: str, detail_en: str) -> BriefingError:
    vi = f" ({detail_vi})" if detail_vi else ""
    en = f" ({detail_en})" if detail_en else ""
    return BriefingError(
        f"LibreOffice không chuyển được tệp {kind} này{vi}: tệp có thể bị hỏng hoặc có "
        "mật khẩu. Hãy mở bằng Word hoặc LibreOffice và lưu thành .docx.",
        f"LibreOffice could not convert this {kind} file{en}: it may be damaged or "
        "password-protected. Open it in Word or LibreOffice and save it as .docx.",
        path=path,
    )
