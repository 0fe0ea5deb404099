"""Which legacy 8-bit encoding some bytes are in: every reading is scored by how Vietnamese it
looks (Windows-1258, TCVN3, VNI and charset-normalizer's guess) and the best one wins.

Shared by whole-file detection and by the per-line decoding of UTF-8 files that hold a few
pasted legacy lines, so both judge encodings the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from briefing_studio.errors import BriefingError
from briefing_studio.sources.legacy_vn import decode_tcvn3, decode_vni
from briefing_studio.sources.syllables import vietnamese_score

SAMPLE_BYTES = 64 * 1024  # enough text to judge an encoding; keeps detection fast on big files
_MIN_VIETNAMESE = 0.5  # below this no legacy reading is believable Vietnamese
_MAX_FOREIGN_CHAOS = 0.1  # charset-normalizer's "mess" ratio we still accept as real text
_C1_BYTES = re.compile(rb"[\x80-\x9f]")

Reader = Callable[[bytes], str]
PathLike = str | Path | None


@dataclass(frozen=True)
class LegacyChoice:
    """The winning encoding id and a reader fixed for these bytes (TCVN3's capitals decided)."""

    encoding: str
    read: Reader


def choose_legacy(data: bytes, path: PathLike) -> LegacyChoice:
    """The legacy encoding whose reading of a sample of ``data`` looks most Vietnamese; else a
    foreign codec that reads it cleanly; else ``BriefingError`` (the file names ``path``)."""
    sample = sample_of(data)
    readers = _legacy_readers(sample)
    guess = _charset_normalizer_guess(sample)
    if guess is not None and guess[0] not in readers:
        readers[guess[0]] = _codec_reader(guess[0])
    scores = {name: vietnamese_score(read(sample)) for name, read in readers.items()}
    best = max(scores, key=scores.__getitem__)  # ties: first in order, cp1258 before guesses
    if scores[best] >= _MIN_VIETNAMESE:
        return LegacyChoice(best, readers[best])
    if guess is not None and guess[1] <= _MAX_FOREIGN_CHAOS:
        return LegacyChoice(guess[0], readers[guess[0]])  # readable, just not Vietnamese
    raise BriefingError(
        "Không nhận ra bảng mã của tệp: đọc theo mọi bảng mã đã thử (UTF-8, UTF-16, "
        "Windows-1258, TCVN3, VNI) đều ra chữ lỗi. Hãy lưu lại tệp ở dạng Unicode (UTF-8) "
        "hoặc chọn bảng mã.",
        "Cannot tell the file's encoding: it reads as garbled text in every encoding tried "
        "(UTF-8, UTF-16, Windows-1258, TCVN3, VNI). Save it as Unicode (UTF-8) or choose the "
        "encoding.",
        path=path,
    )


def decode_tcvn3_best(data: bytes) -> str:
    """TCVN3 as ABC fonts wrote it, unless the VN1 capitals at 0x80–0x9F read better."""
    return decode_tcvn3(data, capitals_in_c1=_tcvn3_capitals_in_c1(sample_of(data)))


def sample_of(data: bytes) -> bytes:
    """The first ``SAMPLE_BYTES``, cut at a line end so no multi-byte letter is split."""
    if len(data) <= SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE_BYTES)
    return data[: cut if cut > 0 else SAMPLE_BYTES]


def _legacy_readers(sample: bytes) -> dict[str, Reader]:
    return {
        "cp1258": _codec_reader("cp1258"),
        "tcvn3": partial(decode_tcvn3, capitals_in_c1=_tcvn3_capitals_in_c1(sample)),
        "vni": decode_vni,
    }


def _tcvn3_capitals_in_c1(sample: bytes) -> bool:
    if not _C1_BYTES.search(sample):
        return False
    with_capitals = vietnamese_score(decode_tcvn3(sample, capitals_in_c1=True))
    return with_capitals > vietnamese_score(decode_tcvn3(sample))


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


def _codec_reader(codec: str) -> Reader:
    return lambda raw: raw.decode(codec, errors="replace")
