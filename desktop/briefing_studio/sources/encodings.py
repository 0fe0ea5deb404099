"""Bytes of a text file → Unicode: BOMs, UTF-8, UTF-16, Windows-1258 and the legacy TCVN3/VNI.

Detection order (cheap and certain first): a byte-order mark; BOM-less UTF-16 by its pattern
of NUL bytes; refusing binary files; strict UTF-8 (which legacy 8-bit text practically never
passes); then every legacy reading of a sample (Windows-1258, TCVN3, VNI and
charset-normalizer's guess) is scored by how Vietnamese it looks and the best one wins.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from briefing_studio.errors import BriefingError
from briefing_studio.sources.legacy_vn import decode_tcvn3, decode_vni
from briefing_studio.sources.syllables import vietnamese_score

ENCODINGS: list[tuple[str, str]] = [
    ("auto", "Tự nhận dạng (Auto-detect)"),
    ("utf-8", "Unicode UTF-8"),
    ("utf-16", "Unicode UTF-16"),
    ("cp1258", "Windows-1258"),
    ("tcvn3", "TCVN3 (ABC, phông .VnTime)"),
    ("vni", "VNI-Windows (phông VNI-Times)"),
]

_SAMPLE_BYTES = 64 * 1024  # enough text to judge an encoding; keeps detection fast on big files
_MIN_VIETNAMESE = 0.5  # below this no legacy reading is believable Vietnamese
_MAX_FOREIGN_CHAOS = 0.1  # charset-normalizer's "mess" ratio we still accept as real text
_MAX_CONTROL_RATIO = 0.02  # control characters in a text file beyond this mean binary
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F])
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_BOMS: list[tuple[bytes, str, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]

PathLike = str | Path | None


def decode_text(data: bytes, encoding: str | None = None, path: PathLike = None) -> tuple[str, str]:
    """Decode a text file's bytes to NFC text; return ``(text, encoding id used)``.

    ``encoding`` (an id from ``ENCODINGS`` or any Python codec name) overrides detection;
    ``None`` or ``"auto"`` detects. ``path`` only names the file in error messages.
    """
    if encoding in (None, "", "auto"):
        text, used = _detect(data, path)
    else:
        text, used = _decode_as(data, _canonical(encoding, path), path)
    _refuse_binary_text(text, path)
    return unicodedata.normalize("NFC", text), used


# --- detection -----------------------------------------------------------------------------


def _detect(data: bytes, path: PathLike) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    _refuse_binary_bytes(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _best_legacy(data, path)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: ASCII characters leave a NUL in every other byte."""
    sample = data[: _SAMPLE_BYTES & ~1]
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


def _legacy_readers() -> dict[str, Callable[[bytes], str]]:
    return {
        "cp1258": lambda raw: raw.decode("cp1258", errors="replace"),
        "tcvn3": _decode_tcvn3_best,
        "vni": decode_vni,
    }


def _best_legacy(data: bytes, path: PathLike) -> tuple[str, str]:
    """Score each legacy reading of a sample; decode the whole file with the winner."""
    sample = _sample(data)
    readers = _legacy_readers()
    guess = _charset_normalizer_guess(sample)
    if guess is not None and guess[0] not in readers:
        readers[guess[0]] = _codec_reader(guess[0])
    scores = {name: vietnamese_score(read(sample)) for name, read in readers.items()}
    best = max(scores, key=scores.__getitem__)  # ties: first in order, cp1258 before guesses
    if scores[best] >= _MIN_VIETNAMESE:
        return readers[best](data), best
    if guess is not None and guess[1] <= _MAX_FOREIGN_CHAOS:
        return readers[guess[0]](data), guess[0]  # readable, just not Vietnamese
    raise BriefingError(
        "Không nhận ra bảng mã của tệp: đọc theo mọi bảng mã đã thử (UTF-8, UTF-16, "
        "Windows-1258, TCVN3, VNI) đều ra chữ lỗi. Hãy lưu lại tệp ở dạng Unicode (UTF-8) "
        "hoặc chọn bảng mã.",
        "Cannot tell the file's encoding: it reads as garbled text in every encoding tried "
        "(UTF-8, UTF-16, Windows-1258, TCVN3, VNI). Save it as Unicode (UTF-8) or choose the "
        "encoding.",
        path=path,
    )


def _decode_tcvn3_best(data: bytes) -> str:
    """TCVN3 as ABC fonts wrote it, unless the VN1 capitals at 0x80–0x9F read better."""
    sample = _sample(data)
    if not _C1_BYTES.search(sample):
        return decode_tcvn3(data)
    with_capitals = vietnamese_score(decode_tcvn3(sample, capitals_in_c1=True))
    capitals_in_c1 = with_capitals > vietnamese_score(decode_tcvn3(sample))
    return decode_tcvn3(data, capitals_in_c1=capitals_in_c1)


def _sample(data: bytes) -> bytes:
    """The first ``_SAMPLE_BYTES``, cut at a line end so no multi-byte letter is split."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, _SAMPLE_BYTES)
    return data[: cut if cut > 0 else _SAMPLE_BYTES]


def _charset_normalizer_guess(sample: bytes) -> tuple[str, float] | None:
    """charset-normalizer's encoding for the sample and its mess ratio, if it has one.

    On a tie (short Western text fits cp1250 as well as cp1252) Windows-1252 is preferred:
    it is what Western software in Vietnam writes.
    """
    from charset_normalizer import from_bytes  # imported late: slow to import, rarely needed

    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and "cp1252" in match.could_be_from_charset:
            return "cp1252", match.chaos
    return best.encoding, best.chaos


def _codec_reader(codec: str) -> Callable[[bytes], str]:
    return lambda raw: raw.decode(codec, errors="replace")


# --- explicit encodings --------------------------------------------------------------------


def _canonical(encoding: str, path: PathLike) -> str:
    """Our id for a user's choice: ``ENCODINGS`` ids as they are, else Python's codec name."""
    name = encoding.strip().lower().replace("_", "-")
    aliases = {"utf8": "utf-8", "utf16": "utf-16", "windows-1258": "cp1258", "abc": "tcvn3"}
    name = aliases.get(name, name)
    if name in {key for key, _label in ENCODINGS}:
        return name
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise BriefingError(
            f"Không biết bảng mã “{encoding}”.", f"Unknown encoding “{encoding}”.", path=path
        ) from None


def _decode_as(data: bytes, encoding: str, path: PathLike) -> tuple[str, str]:
    if encoding == "utf-8":
        return _strict(data.removeprefix(codecs.BOM_UTF8), "utf-8", path), "utf-8"
    if encoding == "utf-16":
        return _decode_utf16(data, path), "utf-16"
    if encoding == "tcvn3":
        return _decode_tcvn3_best(data), "tcvn3"
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
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise _binary_error(path)


def _refuse_binary_text(text: str, path: PathLike) -> None:
    """The same test after decoding, for encodings (UTF-16/32, BOMs) that bypass the bytes."""
    sample = text[:_SAMPLE_BYTES]
    if not sample:
        return
    odd = sum(1 for char in sample if char == "\ufffd" or (char < " " and char not in "\t\n\r\f\v"))
    if "\x00" in sample or odd > _MAX_CONTROL_RATIO * len(sample):
        raise _binary_error(path)
