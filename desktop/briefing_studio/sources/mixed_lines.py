"""Text files mixing UTF-8 lines with lines in a legacy encoding, decoded line by line.

Office reports are assembled by pasting: a paragraph copied from an old Windows-1258, TCVN3 or
VNI document keeps its bytes inside an otherwise UTF-8 file (or the reverse). Reading the whole
file in one encoding turns one part into mojibake, so each line is read in its own encoding:
lines that are valid UTF-8 as UTF-8, the others in the legacy encoding that reads just those
lines best.

Legacy Vietnamese text practically never forms valid multi-byte UTF-8 (every high byte of the
line would have to fit a lead/continuation pattern), but a line that happens to decodes to odd
characters (TCVN3 ``tế…`` is UTF-8 ``tՅ``); such a line stays UTF-8 only if it reads at least
as Vietnamese that way as in the legacy encoding. So a
file in one legacy encoding throughout is never split, and its detection is unchanged.
"""

from __future__ import annotations

from briefing_studio.sources.legacy_choice import LegacyChoice, PathLike, choose_legacy
from briefing_studio.sources.syllables import is_plain_vietnamese, vietnamese_score


def decode_mixed_lines(data: bytes, path: PathLike) -> tuple[str, str] | None:
    """``(text, "utf-8+cp1258")`` for bytes mixing UTF-8 and legacy lines, the encoding of
    most of the bytes named first; ``None`` when no line is UTF-8 beyond ASCII.

    Only called for bytes that are not valid UTF-8 as a whole, so some line is legacy. Raises
    ``BriefingError`` when those lines read as garbage in every encoding.
    """
    lines = data.split(b"\n")  # UTF-16 never gets here: its NUL bytes mark it as binary
    decoded = [_utf8_or_none(line) for line in lines]
    if not any(map(_beyond_ascii, decoded)):
        return None
    choice = choose_legacy(b"\n".join(_legacy_lines(lines, decoded)), path)
    decoded = [
        None if _utf8_by_accident(line, text, choice) else text
        for line, text in zip(lines, decoded, strict=True)
    ]
    utf8_bytes = sum(
        len(line) for line, text in zip(lines, decoded, strict=True) if _beyond_ascii(text)
    )
    if not utf8_bytes:
        return None
    legacy_bytes = sum(map(len, _legacy_lines(lines, decoded)))
    text = "\n".join(
        choice.read(line) if text is None else text
        for line, text in zip(lines, decoded, strict=True)
    )
    parts = ["utf-8", choice.encoding]
    return text, "+".join(parts if utf8_bytes >= legacy_bytes else parts[::-1])


def _utf8_or_none(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _beyond_ascii(text: str | None) -> bool:
    """A line that says "UTF-8": ASCII lines read the same in every encoding."""
    return text is not None and not text.isascii()


def _legacy_lines(lines: list[bytes], decoded: list[str | None]) -> list[bytes]:
    return [line for line, text in zip(lines, decoded, strict=True) if text is None]


def _utf8_by_accident(line: bytes, text: str | None, choice: LegacyChoice) -> bool:
    """A legacy line whose bytes happen to be valid UTF-8: its UTF-8 reading has characters
    plain Vietnamese text does not, and it reads more Vietnamese in the legacy encoding.

    Only lines with such characters are scored: scoring every line tripled the load time."""
    if not _beyond_ascii(text) or is_plain_vietnamese(text):
        return False
    return vietnamese_score(choice.read(line)) > vietnamese_score(text)
