"""Vietnamese numbers: digits (``4.814``, ``12,4``), scale words (``tỷ``), number words (``bốn``).

Vietnamese groups thousands with ``.`` and writes decimals with ``,``. Web copy sometimes uses
the English habit instead, so the few shapes that can only be English (``12.4``, ``1,234,567``,
``1,234.5``) are read that way; everything else follows the Vietnamese convention.

Values are ``int`` when the text states a whole number and ``float`` once a decimal or a scale
word is involved (``6 triệu`` → ``6000000.0``), which is the form the gold fixture records.

A digit run longer than any amount a report states (see ``MAX_DIGITS``) is no number at all: it
is an account number, a serial or noise, and turning a megabyte of digits into an ``int`` takes
time quadratic in its length, so it is refused before any conversion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

# Digits as they can appear in running text; ``parse_digits`` decides what they mean. Written
# ``\d\d*``, not ``\d+``: a pattern that starts with a repeat is tried at every character of a
# search, one that starts with a character class lets ``re`` skip to the digits (2.5× faster).
DIGITS_PATTERN = r"\d\d*(?:[.,]\d+)*"

SCALES: dict[str, int] = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "vạn": 10**4,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}
# Longest first, so "nghìn tỷ" (10¹²) wins over "nghìn".
SCALE_PATTERN = r"(?:nghìn tỷ|nghìn tỉ|ngàn tỷ|ngàn tỉ|nghìn|ngàn|vạn|triệu|tỷ|tỉ)"

DIGIT_WORDS: dict[str, int] = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# Words that only make sense inside a longer number ("hai mươi lăm", "một trăm linh năm").
_AFTER_TENS = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
NUMBER_WORDS: frozenset[str] = frozenset(
    [*DIGIT_WORDS, *_AFTER_TENS, "mười", "mươi", "chục", "trăm", "linh", "lẻ", *SCALES]
)
NUMBER_WORDS_PATTERN = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"

# Six groups of three digits ("999.999.999.999.999.999") and 15 significant digits (what a float
# holds exactly; leading and trailing zeros do not count) bound every amount in a report.
MAX_DIGITS = 18
MAX_SIGNIFICANT_DIGITS = 15

_VN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VN_DECIMAL = re.compile(r"\d+(?:,\d+)?")
_EN_DECIMAL = re.compile(r"\d+\.(?:\d{1,2}|\d{4,})")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+")
_WITH_SCALE = re.compile(rf"({DIGITS_PATTERN})\s*({SCALE_PATTERN})?", re.IGNORECASE)


def _number(value: Decimal, exact: bool) -> int | float:
    """``int`` for a whole number written without decimals or scale, else ``float``."""
    return int(value) if exact and value == value.to_integral_value() else float(value)


def _too_long(s: str) -> bool:
    """More digits than a figure has; decided in time linear in ``s``, before any conversion."""
    if len(s) > 2 * MAX_DIGITS:  # a separator needs a digit on each side
        return True
    digits = s.replace(".", "").replace(",", "")
    return len(digits) > MAX_DIGITS or len(digits.strip("0")) > MAX_SIGNIFICANT_DIGITS


def _read_digits(s: str) -> tuple[Decimal, bool] | None:
    """The exact value of a digit string and whether it was written without a decimal part."""
    if s.isdecimal():  # digits alone ("2024", "15"; ``\d`` is ``isdecimal``), most numbers:
        # what the checks below decide for them, without four regular expressions (2 µs each)
        if len(s) > MAX_DIGITS or len(s.strip("0")) > MAX_SIGNIFICANT_DIGITS:
            return None
        return Decimal(s), True
    if _too_long(s):
        return None
    if _VN_THOUSANDS.fullmatch(s) or _VN_DECIMAL.fullmatch(s):
        return Decimal(s.replace(".", "").replace(",", ".")), "," not in s
    if _EN_THOUSANDS.fullmatch(s):
        return Decimal(s.replace(",", "")), "." not in s
    if _EN_DECIMAL.fullmatch(s):
        return Decimal(s), False
    return None


def parse_digits_decimal(s: str) -> Decimal | None:
    """The exact value of a digit string under the conventions above, or None if it is no number."""
    read = _read_digits(s)
    return None if read is None else read[0]


def parse_digits_both(s: str) -> tuple[Decimal, int | float] | None:
    """``parse_digits_decimal(s)`` and ``parse_digits(s)`` from one reading of ``s``."""
    read = _read_digits(s)
    if read is None:
        return None
    # Digits alone are a whole number: ``int(s)`` is what ``_number`` would make of them
    # without the Decimal comparison (1 µs).
    return read[0], int(s) if s.isdecimal() else _number(*read)


def parse_digits(s: str) -> int | float | None:
    """``"4.814"`` → 4814, ``"12,4"`` → 12.4, ``"05"`` → 5; None for ``"1.2.3"`` or 19 digits."""
    read = _read_digits(s)
    return None if read is None else _number(*read)


def scale_of(word: str) -> int:
    """10**k for a scale word or phrase (``"nghìn tỷ"`` → 10**12); 1 for anything else."""
    # One lower-case word, most of them: no lower() and split() (1 MB: _amount 10.8 -> 10.0 ms).
    single = SCALES.get(word)
    if single is not None:
        return single
    total = 1
    for part in word.lower().split():
        total *= SCALES.get(part, 1)
    return total


def apply_scale(value: Decimal, scale: int) -> int | float:
    """Scale an exact value; any scale makes the result a float (``6 triệu`` → 6000000.0)."""
    return float(value * scale) if scale != 1 else _number(value, exact=True)


def parse_number_words(tokens: Sequence[str]) -> tuple[int, int, bool] | None:
    """Read the longest number at the start of ``tokens`` (lower-case words).

    Returns ``(value, tokens used, has scale word)``, or None when the words do not start a
    number (``"trăm"`` alone, ``"tư"``, a bare ``"mươi"``). ``"hai ba"`` ("two or three") stops
    after ``"hai"``.
    """
    if not tokens or (tokens[0] not in DIGIT_WORDS and tokens[0] != "mười"):
        return None  # what a number starts with (``_WordNumber.feed`` after nothing)
    reader = _WordNumber()
    used = 0
    for i, token in enumerate(tokens):
        if not reader.feed(token):
            break
        if reader.complete:
            used = i + 1
    if used == 0:
        return None
    reader = _WordNumber()
    for token in tokens[:used]:
        reader.feed(token)
    return reader.value, used, reader.scaled


class _WordNumber:
    """State machine for Vietnamese number words: groups below 1000 joined by scale words."""

    def __init__(self) -> None:
        self.total = 0
        self.group = 0
        self.last = 0  # the last digit word, which "mươi"/"trăm" multiply
        self.prev = ""  # kind of the previous token
        self.scaled = False
        self.complete = False

    @property
    def value(self) -> int:
        return self.total + self.group

    def feed(self, token: str) -> bool:
        """Take one word; False (state unchanged) if it cannot continue the number."""
        prev = self.prev
        if token in DIGIT_WORDS:
            if prev in ("digit", "after"):
                return False
            self._add("digit", DIGIT_WORDS[token], last=DIGIT_WORDS[token])
        elif token in _AFTER_TENS:
            if prev not in ("ten", "tens") or (token == "tư" and prev == "ten"):
                return False
            self._add("after", _AFTER_TENS[token])
        elif token == "mười":
            if prev not in ("", "hundred", "zero", "scale"):
                return False
            self._add("ten", 10)
        elif token in ("mươi", "chục"):
            if prev != "digit" or (token == "mươi" and self.last < 2):
                return False
            self._add("tens", self.last * 9)
        elif token == "trăm":
            if prev != "digit":
                return False
            self._add("hundred", self.last * 99)
        elif token in ("linh", "lẻ"):
            if prev != "hundred":
                return False
            self.prev, self.complete = "zero", False
        elif token in SCALES:
            if prev in ("", "zero", "scale") and not (prev == "scale" and token in ("tỷ", "tỉ")):
                return False
            self._scale(SCALES[token])
        else:
            return False
        return True

    def _add(self, kind: str, amount: int, last: int = 0) -> None:
        self.group += amount
        self.last = last
        self.prev = kind
        self.complete = True

    def _scale(self, scale: int) -> None:
        # "ba nghìn tỷ": everything so far is smaller than the new scale, so it multiplies all.
        current = self.total + self.group
        if current < scale:
            self.total = (current or 1) * scale
        else:
            self.total += (self.group or 1) * scale
        self.group = 0
        self.last = 0
        self.prev = "scale"
        self.scaled = True
        self.complete = True


def parse_vn_number(s: str) -> int | float | None:
    """A whole string as a number: ``"12,4 tỷ"``, ``"4.814"``, ``"bốn"``, ``"hai mươi lăm"``.

    None when ``s`` is not entirely one number (``"COVID-19"``, ``"hai ba"``, ``""``).
    """
    s = s.strip()
    match = _WITH_SCALE.fullmatch(s)
    if match:
        value = parse_digits_decimal(match.group(1))
        if value is None:
            return None
        if match.group(2):
            return apply_scale(value, scale_of(match.group(2)))
        return parse_digits(match.group(1))
    tokens = s.lower().split()
    parsed = parse_number_words(tokens) if tokens else None
    if parsed is None or parsed[1] != len(tokens):
        return None
    value, _, scaled = parsed
    return float(value) if scaled else value
