"""The legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI-Windows, to and from Unicode.

Before Unicode, Vietnamese documents were typed with font-based encodings: the bytes are
ordinary Windows "ANSI" bytes and a special font draws them as Vietnamese letters. Files saved
as plain text from such documents keep those bytes, so they must be mapped back here.

TCVN3 follows TCVN 5712:1993. The ABC fonts (.VnTime) implement its "VN3" subset: every
lower-case letter has its own byte, but of the capitals only Ă Â Ê Ô Ơ Ư Đ do; other capitals
were typed as the lower-case byte in a capital-only font (.VnTimeH), so their case is lost in
the bytes and they decode to lower case. Bytes 0x80–0x9F then hold Windows punctuation (“ ” –
…), which is what such files contain. The fuller "VN1/VN2" tables put more capitals at
0x80–0x9F and at a few free slots above 0xA0. The free slots are always read as capitals;
``decode_tcvn3(capitals_in_c1=True)`` also reads 0x80–0x9F so, and the detector scores both.
(VN1's capitals at C0 control codes are not supported: they would look like a binary file.)

VNI-Windows (fonts VNI-Times) is a base letter followed by a mark byte: ``a`` + ``ù`` is ``á``,
``a`` + ``â`` is ``â``, ``a`` + ``á`` is ``ấ``; a few letters (ơ ư đ ỉ ĩ ị ỵ) are single bytes.
Capitals use the upper-case mark bytes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Order of tones in the tables below: level (no mark), grave, hook, tilde, acute, dot below.
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# TCVN3 bytes for each lower-case base vowel in tone order (None: plain ASCII letter).
_TCVN3_VOWELS: dict[str, tuple[int | None, ...]] = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_OTHERS = {
    0xAE: "đ",
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    # Separate tone marks (combined with the letter before them after NFC).
    0xB0: "\u0300",
    0xB1: "\u0309",
    0xB2: "\u0303",
    0xB3: "\u0301",
    0xB4: "\u0323",
}
# Capitals of TCVN 5712 VN1/VN2 outside the VN3 subset (C1 range and free slots).
_VN1_CAPITAL_SLOTS = (
    *range(0x80, 0xA0),
    *(0xAF, 0xBA, 0xBF),
    *range(0xC0, 0xC6),
    *(0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF),
)
_TCVN3_VN1_CAPITALS = dict(
    zip(
        _VN1_CAPITAL_SLOTS,
        "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ",
        strict=True,
    )
)


def _compose(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _tcvn3_letters() -> dict[int, str]:
    table = dict(_TCVN3_OTHERS)
    for base, codes in _TCVN3_VOWELS.items():
        for tone, code in zip(_TONES, codes, strict=True):
            if code is not None:
                table[code] = _compose(base, tone)
    return table


def _windows_1252() -> list[str]:
    """Byte → character of Windows-1252, with its five undefined bytes read as Latin-1."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return chars


_ANSI = _windows_1252()
_TCVN3_LETTERS = _tcvn3_letters()
_TCVN3_VN1 = "".join(
    _TCVN3_LETTERS.get(b, _TCVN3_VN1_CAPITALS.get(b, _ANSI[b])) for b in range(256)
)
# VN3 never uses the free slots above 0xA0, so reading them as VN1 capitals costs nothing.
_TCVN3_VN3 = _TCVN3_VN1[:0x80] + "".join(_ANSI[0x80:0xA0]) + _TCVN3_VN1[0xA0:]


def decode_tcvn3(data: bytes, *, capitals_in_c1: bool = False) -> str:
    """TCVN3 bytes to NFC Unicode; ``capitals_in_c1`` reads 0x80–0x9F as VN1 capitals."""
    table = _TCVN3_VN1 if capitals_in_c1 else _TCVN3_VN3
    return unicodedata.normalize("NFC", codecs.charmap_decode(data, "strict", table)[0])


def _tcvn3_encoder() -> dict[str, int]:
    encoder = {char: byte for byte, char in _TCVN3_LETTERS.items() if len(char) == 1}
    encoder.update({_ANSI[b]: b for b in range(0x80, 0xA0) if ord(_ANSI[b]) > 0xFF})
    return encoder


_TCVN3_ENCODER = _tcvn3_encoder()


def encode_tcvn3(text: str) -> bytes:
    """Unicode to TCVN3 (VN3) as an ABC-font document saves it; capitals without a byte of
    their own become the lower-case byte. Raises ``ValueError`` for other characters."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80:
            out.append(ord(char))
        elif char in _TCVN3_ENCODER:
            out.append(_TCVN3_ENCODER[char])
        elif char.lower() in _TCVN3_ENCODER:
            out.append(_TCVN3_ENCODER[char.lower()])
        else:
            raise ValueError(f"{char!r} cannot be written in TCVN3")
    return bytes(out)


def tcvn3_case(text: str) -> str:
    """``text`` with the capitals TCVN3 cannot represent lower-cased: what a round trip keeps."""
    return "".join(
        char.lower() if ord(char) >= 0x80 and char not in _TCVN3_ENCODER else char
        for char in unicodedata.normalize("NFC", text)
    )


# --- VNI-Windows ---------------------------------------------------------------------------

# Mark bytes (lower-case form) after a base vowel, in tone order, for the plain vowel and the
# vowel with circumflex (â ê ô) or breve (ă).
_VNI_TONE_MARKS = ("", "ø", "û", "õ", "ù", "ï")
_VNI_CIRCUMFLEX = ("â", "à", "å", "ã", "á", "ä")
_VNI_BREVE = ("ê", "è", "ú", "ü", "é", "ë")
# Letters that are a single byte in VNI, in tone order where they have tones.
_VNI_I = ("i", "ì", "æ", "ó", "í", "ò")
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ"}  # ơ and ư take tone marks after them
_VNI_Y_DOT = "î"  # ỵ; the other tones of y are y + mark


def _vni_lower_table() -> dict[str, str]:
    """Unicode lower-case letter → VNI character sequence (as Windows-1252 characters)."""
    table: dict[str, str] = {}
    for base in "aeouy":
        for tone, mark in zip(_TONES, _VNI_TONE_MARKS, strict=True):
            table[_compose(base, tone)] = base + mark
    for base, modified, marks in (
        ("a", "â", _VNI_CIRCUMFLEX),
        ("e", "ê", _VNI_CIRCUMFLEX),
        ("o", "ô", _VNI_CIRCUMFLEX),
        ("a", "ă", _VNI_BREVE),
    ):
        for tone, mark in zip(_TONES, marks, strict=True):
            table[_compose(modified, tone)] = base + mark
    for letter in ("ơ", "ư"):
        for tone, mark in zip(_TONES, _VNI_TONE_MARKS, strict=True):
            table[_compose(letter, tone)] = _VNI_SINGLE[letter] + mark
    for tone, code in zip(_TONES, _VNI_I, strict=True):
        table[_compose("i", tone)] = code
    table["ỵ"] = _VNI_Y_DOT
    table["đ"] = _VNI_SINGLE["đ"]
    return table


def _vni_table() -> dict[str, str]:
    lower = _vni_lower_table()
    table = dict(lower)
    for letter, code in lower.items():
        table[letter.upper()] = code.upper()
    return {k: v for k, v in table.items() if not k.isascii()}  # í and ì stay themselves


_VNI_ENCODER = _vni_table()
_VNI_DECODER = {code: letter for letter, code in _VNI_ENCODER.items()}
# Typed text sometimes pairs a capital base with a lower-case mark (or the reverse): the base
# letter decides the case.
for _code, _letter in list(_VNI_DECODER.items()):
    if len(_code) == 2:
        for _variant in (_code[0] + _code[1].lower(), _code[0] + _code[1].upper()):
            _VNI_DECODER.setdefault(
                _variant, _letter.upper() if _code[0].isupper() else _letter.lower()
            )
_VNI_BASES = "aeouyôöAEOUYÔÖ"
_VNI_MARKS = "".join(sorted({code[1] for code in _VNI_DECODER if len(code) == 2}))
_VNI_PATTERN = re.compile(
    f"[{_VNI_BASES}][{_VNI_MARKS}]|[{''.join(c for c in _VNI_DECODER if len(c) == 1)}]"
)
_ANSI_CHARS = "".join(_ANSI)
_WINDOWS_PUNCTUATION = frozenset(_ANSI[0x80:0xA0]) - frozenset(map(chr, range(0x80, 0xA0)))


def _vni_letter(match: re.Match[str]) -> str:
    code = match.group()
    letter = _VNI_DECODER.get(code)
    if letter is None:  # a mark after a base it cannot go with: keep it as it is
        letter = _VNI_DECODER.get(code[0], code[0]) + code[1]
    return letter


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to NFC Unicode."""
    text = codecs.charmap_decode(data, "strict", _ANSI_CHARS)[0]
    return _VNI_PATTERN.sub(_vni_letter, text)


def encode_vni(text: str) -> bytes:
    """Unicode to VNI-Windows bytes. Raises ``ValueError`` for characters VNI cannot hold
    (including Latin-1 letters such as ``ö``, whose bytes VNI uses for its own letters)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in _VNI_ENCODER:
            out.append(_VNI_ENCODER[char])
        elif char.isascii() or char in _WINDOWS_PUNCTUATION:
            out.append(char)
        else:
            raise ValueError(f"{char!r} cannot be written in VNI")
    return "".join(out).encode("cp1252")


# --- Windows-1258 --------------------------------------------------------------------------

_TONE_MARKS = frozenset(_TONES[1:])


def encode_cp1258(text: str) -> bytes:
    """Unicode to Windows-1258 the way Windows writes it: a base letter, then a tone mark
    when the toned letter has no byte of its own. Raises ``ValueError`` if impossible."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            raise ValueError(f"{char!r} cannot be written in Windows-1258") from None
    return bytes(out)
