"""Acronyms for the glossary: those the text defines and well-known ones it uses.

A definition is the usual Vietnamese pattern ``ngoại giao kinh tế (NGKT)``: the expansion is as
many words before the parenthesis as the acronym has letters, each word's initial matching a
letter with diacritics folded (``Đ`` → ``d``), so ``cơ quan đại diện (CQĐD)`` and ``kinh tế –
xã hội (KT-XH)`` both work; dashes between words are kept but not counted, and ``&`` matches
``và``. A foreign agency's acronym follows its own language (``Cơ quan Hợp tác Quốc tế Hàn
Quốc (KOICA)``), so an organisation's whole name before the parenthesis defines it too, and
either may come first: ``KOICA (Cơ quan Hợp tác Quốc tế Hàn Quốc)``. Known acronyms come from
a built-in list with Vietnamese expansions and are reported only when they occur in the text.
Each acronym lists the sections it appears in.
"""

from __future__ import annotations

import re

import ahocorasick_rs

from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.model import Acronym, Section
from briefing_studio.analysis.org_names import heads, organization_at
from briefing_studio.textutil import fold

_CAPITAL = "[A-ZĐ]"
_TOKEN_TAIL = r"[A-ZĐ0-9&]*(?:[-.][A-ZĐ0-9&]+)*"
_TOKEN_BODY = _CAPITAL + _TOKEN_TAIL
# The look-behind comes after the first capital (and looks at it too): a pattern that starts
# with a letter class lets the engine skip to the capitals, three times faster on 1 MB than
# the look-behind first, for the same matches.
_ACRONYM = re.compile(rf"{_CAPITAL}(?<![\w&.-]{_CAPITAL}){_TOKEN_TAIL}(?![\w&-])")
_DEFINITION = re.compile(rf"\(({_TOKEN_BODY})\)")
# "KOICA (Cơ quan Hợp tác Quốc tế Hàn Quốc)": the acronym first, its expansion in brackets.
# (The look-behind after the first capital, as in _ACRONYM: a pattern that starts with it is
# tried at every character of a section.)
_DEFINED_AFTER = re.compile(
    rf"({_CAPITAL}(?<![\w&.-]{_CAPITAL}){_TOKEN_TAIL}) \(([^\W\d_][^()\n]{{3,150}})\)"
)
# The characters of _TOKEN_BODY, for walking back over an acronym.
_ACRONYM_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ0123456789&-.")
_NAME_WINDOW = 160  # characters before a bracket searched for the organisation it abbreviates
_HYPHEN = re.compile(r"[-–]")
_PHRASE_BREAKS = frozenset(',;:.!?”"')
_CONNECTORS = frozenset("– - — &".split())
_AND_WORDS = frozenset({"và", "and", "&"})
_MAX_LETTERS = 10

KNOWN_ACRONYMS: dict[str, str] = {
    "ADB": "Ngân hàng Phát triển châu Á",
    "AI": "trí tuệ nhân tạo",
    "APEC": "Diễn đàn Hợp tác Kinh tế châu Á – Thái Bình Dương",
    "ASEAN": "Hiệp hội các quốc gia Đông Nam Á",
    "BRICS": "nhóm các nền kinh tế mới nổi Brazil, Nga, Ấn Độ, Trung Quốc, Nam Phi",
    "CCN": "cụm công nghiệp",
    "CNTT": "công nghệ thông tin",
    "CPTPP": "Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương",
    "CQĐD": "cơ quan đại diện",
    "ĐBSCL": "Đồng bằng sông Cửu Long",
    "ĐSQ": "Đại sứ quán",
    "EU": "Liên minh châu Âu",
    "EVFTA": "Hiệp định Thương mại tự do Việt Nam – EU",
    "FDI": "đầu tư trực tiếp nước ngoài",
    "FTA": "hiệp định thương mại tự do",
    "GDP": "tổng sản phẩm trong nước",
    "GRDP": "tổng sản phẩm trên địa bàn",
    "HĐND": "Hội đồng nhân dân",
    "IMF": "Quỹ Tiền tệ Quốc tế",
    "KCN": "khu công nghiệp",
    "KH&CN": "khoa học và công nghệ",
    "KH&ĐT": "kế hoạch và đầu tư",
    "KT-XH": "kinh tế – xã hội",
    "LHQ": "Liên hợp quốc",
    "MTTQ": "Mặt trận Tổ quốc",
    "NGKT": "ngoại giao kinh tế",
    "NSNN": "ngân sách nhà nước",
    "OCOP": "Chương trình Mỗi xã một sản phẩm",
    "ODA": "hỗ trợ phát triển chính thức",
    "OECD": "Tổ chức Hợp tác và Phát triển Kinh tế",
    "PCI": "chỉ số năng lực cạnh tranh cấp tỉnh",
    "RCEP": "Hiệp định Đối tác Kinh tế Toàn diện Khu vực",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TTXVN": "Thông tấn xã Việt Nam",
    "UAE": "Các Tiểu vương quốc Ả Rập Thống nhất",
    "UBND": "Ủy ban nhân dân",
    "UNESCO": "Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc",
    "WB": "Ngân hàng Thế giới",
    "WEF": "Diễn đàn Kinh tế Thế giới",
    "WTO": "Tổ chức Thương mại Thế giới",
    "XTTM": "xúc tiến thương mại",
}


def find_acronyms(sections: list[Section]) -> list[Acronym]:
    """Defined and known acronyms in order of first appearance, each with its sections."""
    defined = defined_in(sections)
    return acronyms_of(uses_in(sections, shorts_of(defined)), defined)


def defined_in(sections: list[Section]) -> dict[str, str]:
    """Each acronym the sections define with its first expansion, in the order defined (a
    source's halves: the first half's, then the second's not in it, is the whole's)."""
    defined: dict[str, str] = {}
    for section in sections:
        for short, expansion in definitions(section.text):
            defined.setdefault(short, expansion)
    return defined


def shorts_of(defined: dict[str, str]) -> set[str]:
    """The acronyms whose uses count: those defined and the known ones."""
    return {*defined, *KNOWN_ACRONYMS}


def uses_in(sections: list[Section], shorts: set[str]) -> dict[str, list[str]]:
    """Each of ``shorts`` the sections use, in order of first use, with the ids of the sections
    that use it (a source's halves: the first half's, then the second's added, is the whole's)."""
    where: dict[str, list[str]] = {}
    # One scan of all sections: an acronym holds no line break and its checks stop at one.
    joined = Joined([section.text for section in sections])
    uses = joined.by_section(_uses(joined.text, shorts))
    for section, matches in zip(sections, uses, strict=True):
        for match in matches:
            ids = where.setdefault(match.group(0), [])
            if not ids or ids[-1] != section.id:
                ids.append(section.id)
    return where


def acronyms_of(where: dict[str, list[str]], defined: dict[str, str]) -> list[Acronym]:
    """The acronyms used (``uses_in``) with their expansions."""
    return [
        Acronym(
            short=short,
            expansion=defined.get(short) or KNOWN_ACRONYMS[short],
            defined_in_text=short in defined,
            sections=tuple(ids),
        )
        for short, ids in where.items()
    ]


def _uses(text: str, shorts: set[str]) -> list[re.Match[str]]:
    """The matches of ``_ACRONYM`` in ``text`` that are one of ``shorts``, in order.

    ``_ACRONYM.finditer`` tried every capital of the text; here an Aho–Corasick automaton finds
    where the few acronyms that count are written and ``_ACRONYM`` is tried there (the sections
    of 1 MB: 20 → 13 ms CPU). The same matches: a match of ``finditer`` that is one of them
    starts where it is written, and no place tried lies inside another match, since a match
    never starts right after a character an acronym is made of (its look-behind).
    """
    if not shorts:
        return []
    places = ahocorasick_rs.AhoCorasick(sorted(shorts)).find_matches_as_indexes(
        text, overlapping=True
    )
    found = []
    match = _ACRONYM.match
    for start in sorted({place[1] for place in places}):
        if (m := match(text, start)) is not None and m.group(0) in shorts:
            found.append(m)
    return found


def definitions(text: str) -> list[tuple[str, str]]:
    """``(acronym, expansion)`` for each definition, in either order (see the module text)."""
    found = []
    if "(" not in text:
        return found
    for match in _DEFINITION.finditer(text):
        short = match.group(1)
        expansion = _expansion_before(text, match.start(), short) or _name_before(
            text, match.start()
        )
        if expansion:
            found.append((short, expansion))
    for match in _defined_after(text):
        short, inside = match.group(1), match.group(2).strip()
        if _letters(short) is not None and (_initials_match(inside, short) or _is_name(inside)):
            found.append((short, inside))
    return found


def _defined_after(text: str) -> list[re.Match[str]]:
    """``list(_DEFINED_AFTER.finditer(text))``, tried only before each " (".

    ``finditer`` tried every capital of the section (the sections of 1 MB: 8 → 1.6 ms CPU).
    The same matches: a match is an acronym right before " (", and it starts where the run of
    the characters acronyms are made of before the " (" starts (its look-behind fails after one
    of them); a match ends at a ")" with no "(" before it, so none holds another.
    """
    found = []
    match = _DEFINED_AFTER.match
    paren = text.find(" (")
    while paren >= 0:
        start = paren
        while start > 0 and text[start - 1] in _ACRONYM_CHARS:
            start -= 1
        if start < paren and (m := match(text, start)) is not None:
            found.append(m)
        paren = text.find(" (", paren + 2)
    return found


def _name_before(text: str, paren: int) -> str | None:
    """The organisation's whole name that ends right before the bracket at ``paren``."""
    end = _skip_spaces_back(text, paren)
    window = max(0, end - _NAME_WINDOW)
    for head in heads(text[window:end]):
        name = organization_at(text[window:end], head)
        if name is not None and name.end == end - window:
            return text[window + name.start : end]
    return None


def _is_name(text: str) -> bool:
    """Whether all of ``text`` is one organisation's name."""
    found = heads(text)
    if not found or found[0].start() != 0:
        return False
    name = organization_at(text, found[0])
    return name is not None and name.end == len(text)


def _initials_match(expansion: str, short: str) -> bool:
    """``ngoại giao kinh tế`` for ``NGKT``: one word per letter, in order."""
    letters = _letters(short)
    words = [p for w in expansion.split() if w not in _CONNECTORS for p in _HYPHEN.split(w) if p]
    if letters is None or len(words) != len(letters):
        return False
    return all(_initial_matches(w, letter) for w, letter in zip(words, letters, strict=True))


def _letters(short: str) -> list[str] | None:
    """What each word's initial must be: folded letters, ``&`` for "và"; None if not a word list."""
    if any(ch.isdigit() for ch in short):
        return None  # G20, COVID-19: names, not initials
    letters = [fold(ch) if ch != "&" else "&" for ch in short if ch.isalpha() or ch == "&"]
    return letters if 2 <= len(letters) <= _MAX_LETTERS else None


def _expansion_before(text: str, paren: int, short: str) -> str | None:
    """Walk back word by word from the parenthesis, matching initials from the last letter."""
    letters = _letters(short)
    if letters is None:
        return None
    end = _skip_spaces_back(text, paren)
    start = position = end
    while letters:
        word_start = _word_start(text, position)
        word = text[word_start:position]
        if not word or word[-1] in _PHRASE_BREAKS:
            return None
        position = _skip_spaces_back(text, word_start)
        if word in _CONNECTORS and letters[-1] != "&":
            continue
        for part in reversed([p for p in _HYPHEN.split(word) if p]):
            if not letters or not _initial_matches(part, letters.pop()):
                return None
        start = word_start
    return text[start:end]


def _skip_spaces_back(text: str, index: int) -> int:
    while index > 0 and text[index - 1] == " ":
        index -= 1
    return index


def _word_start(text: str, end: int) -> int:
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "()":
        start -= 1
    return start


def _initial_matches(word: str, letter: str) -> bool:
    if letter == "&":
        return word.lower() in _AND_WORDS
    return word[0].isalpha() and fold(word[0]) == letter
