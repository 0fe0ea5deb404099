"""Bytes of a text file → Unicode: BOMs, UTF-8, UTF-16, Windows-1258 and the legacy TCVN3/VNI.

Detection order (cheap and certain first): a byte-order mark; BOM-less UTF-16 by its pattern
of NUL bytes; refusing binary files; strict UTF-8 (which legacy 8-bit text practically never
passes); a file mixing UTF-8 lines with pasted legacy lines, read line by line
(``mixed_lines``); then every legacy reading of a sample is scored by how Vietnamese it looks
and the best one wins (``legacy_choice``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefing_studio.errors import BriefingError
from briefing_studio.sources.legacy_choice import (
    SAMPLE_BYTES,
    PathLike,
    choose_legacy,
    decode_tcvn3_best,
)
from briefing_studio.sources.legacy_vn import decode_vni
from briefing_studio.sources.mixed_lines import decode_mixed_lines

ENCODINGS: list[tuple[str, str]] = [
    ("auto", "Tự nhận dạng (Auto-detect)"),
    ("utf-8", "Unicode UTF-8"),
    ("utf-16", "Unicode UTF-16"),
    ("cp1258", "Windows-1258"),
    ("tcvn3", "TCVN3 (ABC, phông .VnTime)"),
    ("vni", "VNI-Windows (phông VNI-Times)"),
]

# Replacement characters and control characters other than tab, newlines and form feed.
_ODD_CHARS = re.compile("[\ufffd\x00-\x08\x0e-\x1f]")
_MAX_CONTROL_RATIO = 0.02  # control characters in a text file beyond this mean binary
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F])
_BOMS: list[tuple[bytes, str, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]


def decode_text(
    data: bytes, encoding: str | None = None, path: PathLike = None, *, nfc: bool = True
) -> tuple[str, str]:
    """Decode a text file's bytes to NFC text; return ``(text, encoding id used)``.

    ``encoding`` (an id from ``ENCODINGS`` or any Python codec name) overrides detection;
    ``None`` or ``"auto"`` detects. ``path`` only names the file in error messages.
    ``nfc=False`` leaves normalising to a caller that runs ``clean_text`` anyway (which
    normalises after dropping invisible characters): .txt loading saves a second pass over
    the text (1 MB: 2.4 ms CPU).
    """
    if encoding in (None, "", "auto"):
        text, used = _detect(data, path)
    else:
        text, used = _decode_as(data, _canonical(encoding, path), path)
    _refuse_binary_text(text, path)
    return (unicodedata.normalize("NFC", text) if nfc else text), used


# --- detection -----------------------------------------------------------------------------


def _detect(data: bytes, path: PathLike) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), name
    # A UTF-8 BOM (Notepad writes one) says nothing about lines pasted in later: detect on.
    data = data.removeprefix(codecs.BOM_UTF8)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    _refuse_binary_bytes(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed_lines(data, path)
    if mixed is not None:
        return mixed
    choice = choose_legacy(data, path)
    return choice.read(data), choice.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: ASCII characters leave a NUL in every other byte."""
    sample = data[: SAMPLE_BYTES & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    zeros_even = sample[0::2].count(0) / pairs
    zeros_odd = sample[1::2].count(0) / pairs
    for zeros_ascii, zeros_other, codec in (
        (zeros_odd, zeros_even, "utf-16-le"),
        (zeros_even, zeros_odd, "utf-16-be"),
    ):
        if zeros_ascii >= 0.25 and zeros_other <= 0.02:
            try:
                return data[: len(data) & ~1].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


# --- explicit encodings --------------------------------------------------------------------


def text_codec(label: str) -> str | None:
    """Python's name for the text encoding ``label``, or None when it is not one.

    ``codecs.lookup`` also knows codecs that are no text encoding at all: ``hex``, ``zlib``,
    ``base64`` (bytes to bytes), ``rot13`` (text to text) and ``undefined`` (always fails).
    """
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return None
    return info.name


_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def ascii_compatible(codec: str) -> bool:
    """Whether ``codec`` reads ASCII bytes as ASCII (EBCDIC ``cp037`` and UTF-16 do not), as
    a page that declares its charset in ASCII must be."""
    try:
        return _ASCII.decode(codec) == _ASCII.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def _canonical(encoding: str, path: PathLike) -> str:
    """Our id for a user's choice: ``ENCODINGS`` ids as they are, else Python's codec name."""
    name = encoding.strip().lower().replace("_", "-")
    aliases = {"utf8": "utf-8", "utf16": "utf-16", "windows-1258": "cp1258", "abc": "tcvn3"}
    name = aliases.get(name, name)
    if name in {key for key, _label in ENCODINGS}:
        return name
    codec = text_codec(name)
    if codec is None:
        raise BriefingError(
            f"Không biết bảng mã văn bản “{encoding}”.",
            f"Unknown text encoding “{encoding}”.",
            path=path,
        )
    return codec


def _decode_as(data: bytes, encoding: str, path: PathLike) -> tuple[str, str]:
    if encoding == "utf-8":
        return _strict(data.removeprefix(codecs.BOM_UTF8), "utf-8", path), "utf-8"
    if encoding == "utf-16":
        return _decode_utf16(data, path), "utf-16"
    if encoding == "tcvn3":
        return decode_tcvn3_best(data), "tcvn3"
    if encoding == "vni":
        return decode_vni(data), "vni"
    if encoding in ("utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return _strict(data, encoding, path), encoding
    _refuse_binary_bytes(data, path)
    return data.decode(encoding, errors="replace"), encoding


def _decode_utf16(data: bytes, path: PathLike) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    zeros_even = data[0::2].count(0)
    zeros_odd = data[1::2].count(0)
    return _strict(data, "utf-16-be" if zeros_even > zeros_odd else "utf-16-le", path)


def _strict(data: bytes, codec: str, path: PathLike) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise BriefingError(
            f"Tệp không phải {codec.upper()} hợp lệ (byte lỗi ở vị trí {exc.start}). "
            "Hãy chọn bảng mã khác hoặc để tự nhận dạng.",
            f"The file is not valid {codec.upper()} (bad byte at offset {exc.start}). "
            "Choose another encoding or let it be detected.",
            path=path,
        ) from None


# --- binary files --------------------------------------------------------------------------


def _binary_error(path: PathLike) -> BriefingError:
    return BriefingError(
        "Tệp không phải văn bản: có vẻ là tệp nhị phân (ảnh, chương trình, tệp nén…).",
        "This is not a text file: it looks binary (an image, a program, an archive…).",
        path=path,
    )


def _refuse_binary_bytes(data: bytes, path: PathLike) -> None:
    """NUL bytes or many control bytes: an image or program, not text in an 8-bit encoding."""
    if b"\x00" in data:
        raise _binary_error(path)
    sample = data[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise _binary_error(path)


def _refuse_binary_text(text: str, path: PathLike) -> None:
    """The same test after decoding, for encodings (UTF-16/32, BOMs) that bypass the bytes."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return
    odd = len(_ODD_CHARS.findall(sample))
    if "\x00" in sample or odd > _MAX_CONTROL_RATIO * len(sample):
        raise _binary_error(path)
