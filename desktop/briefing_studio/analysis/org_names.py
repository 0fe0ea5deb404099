"""Where the name of an organisation the gazetteer does not know starts and ends.

Vietnamese writes an agency's name as a head noun (``Bộ``, ``Vụ``, ``Cục``, ``Đại sứ quán``,
``Cơ quan``) followed by its proper part, whose first syllable is capitalised and whose other
syllables may not be: ``Vụ Hợp tác quốc tế``, ``Cục Xúc tiến thương mại``. A foreign ministry's
name may list its fields with commas (``Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản``) and a
diplomatic mission's name says where it sits (``Đại sứ quán Ô-xtrây-li-a tại Hà Nội``).

The name ends at punctuation, at another head (``… quốc tế và Cục …``), at a function word or
at the verb that starts the predicate (``… thương mại phối hợp …``). No model is called.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_studio.analysis.units import STOP_WORDS, _words, tone_key

# Heads written before an organisation's proper name; a mission head may add "tại <place>".
MISSION_HEADS: frozenset[str] = _words("""
    Đại sứ quán, Tổng Lãnh sự quán, Tổng lãnh sự quán, Lãnh sự quán, Cơ quan đại diện,
    Văn phòng đại diện, Phái đoàn thường trực, Phái đoàn, Văn phòng Kinh tế và Văn hóa
""")
ORGANIZATION_HEADS: frozenset[str] = MISSION_HEADS | _words("""
    Bộ, Vụ, Cục, Tổng cục, Cơ quan, Ủy ban, Uỷ ban, Ban, Viện, Sở, Văn phòng, Hội đồng, Quỹ,
    Ngân hàng, Tập đoàn, Tổng công ty, Công ty, Hiệp hội, Đại học, Học viện, Bệnh viện,
    Trung tâm, Tổ chức, Liên đoàn, Liên minh, Hội, Phòng Thương mại và Công nghiệp, Thông tấn xã
""")
# Heads of the names of places and buildings: "Vịnh Bắc Bộ", "Nhà Trắng", "Sân bay Quốc tế Nội
# Bài". Not "Hồ", which is also a surname (Hồ Quang Lợi), nor "Trường" (Trường Sa).
PLACE_HEADS: frozenset[str] = _words("""
    Vịnh, Nhà, Cung, Phủ, Lăng, Sông, Núi, Đảo, Quần đảo, Cầu, Chùa, Đền, Tháp, Dinh, Điện,
    Quảng trường, Biển, Đèo, Cửa khẩu, Sân bay, Cảng, Vườn quốc gia, Khu di tích, Văn Miếu
""")

# Verbs that start the predicate after a subject that is an agency's name.
PREDICATES: frozenset[str] = frozenset(
    tone_key(w)
    for w in _words("""
    phối hợp, tổ chức, cam kết, hỗ trợ, tài trợ, tiếp, tiếp đón, làm việc, thăm, chủ trì, phát biểu,
    công bố, trao, ban hành, khẳng định, đề nghị, cho biết, kêu gọi, triển khai, khai mạc, ký,
    gửi, mời, đón, dự, chúc mừng, thông báo, nhấn mạnh, đánh giá, quyết định, yêu cầu, chỉ đạo,
    hướng dẫn, cấp, đầu tư, giải ngân, vận động, hợp tác, bày tỏ, mong muốn, đồng ý, nhất trí,
    cùng, tuyên bố, ủng hộ, giới thiệu, khuyến cáo, lưu ý, tiếp nhận, chuyển, trình, báo cáo
""")
)


def _head_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(h) for h in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?= [^\W\d_])")


_HEAD = _head_pattern(ORGANIZATION_HEADS)
_PLACE_HEAD = _head_pattern(PLACE_HEADS)
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_PUNCTUATION = re.compile(r"[.;:!?()\[\]“”\"\n–—]")
_LAST_FIELD = re.compile(r" và (?=[^\W\d_])")
_LOCATED = re.compile(r" (?:tại|ở|bên cạnh) (?=[^\W\d_])")
_MAX_LOWER = 4  # lower-case syllables in a row inside a name ("hợp tác quốc tế")
_MAX_WORDS = 14


@dataclass(frozen=True)
class OrgName:
    start: int
    end: int
    mission: bool  # an embassy, consulate or representative office


def heads(text: str) -> list[re.Match[str]]:
    """Every organisation head followed by a word, in text order."""
    return list(_HEAD.finditer(text))


def place_heads(text: str) -> list[re.Match[str]]:
    """Every place or building head followed by a word, in text order."""
    return list(_PLACE_HEAD.finditer(text))


@dataclass(frozen=True)
class _Context:
    """What the caller knows: where known places end, and words that start a person's name."""

    places: dict[int, int]
    surnames: frozenset[str]


def organization_at(
    text: str,
    head: re.Match[str],
    places: dict[int, int] | None = None,
    surnames: frozenset[str] = frozenset(),
) -> OrgName | None:
    """The whole name starting at ``head``, or None when no capitalised proper part follows.

    ``places`` maps the start of each known place name to its end (a country or city inside
    the name is taken whole); a capitalised ``surnames`` word ends the name (``Cục Lãnh sự
    Nguyễn Văn A``: the person after the agency).
    """
    context = _Context(places or {}, surnames)
    mission = head.re is _HEAD and head.group() in MISSION_HEADS
    end = _proper_part(text, head.end(), context)
    if end is None:
        return None
    if mission:
        located = _LOCATED.match(text, end)
        if located is not None:
            place_end = context.places.get(located.end()) or _capitalised_run(text, located.end())
            if place_end is not None:
                end = place_end
    return OrgName(head.start(), end, mission)


def _capitalised_run(text: str, pos: int) -> int | None:
    end = None
    while (m := _WORD.match(text, pos)) is not None and m.group()[:1].isupper():
        end = m.end()
        if text[end : end + 1] != " ":
            break
        pos = end + 1
    return end


def _proper_part(text: str, pos: int, context: _Context) -> int | None:
    """End of ``Hợp tác quốc tế``, ``Kinh tế, Thương mại và Công nghiệp Nhật Bản`` at ``pos``."""
    first = _WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if first is None or not first.group()[:1].isupper() or _starts_head(text, first.start()):
        return None
    if _starts_person(text, first, context):
        return None
    end = context.places.get(first.start(), first.end())
    lower = 0  # lower-case syllables in a row
    capitals = 1  # capitalised words since the last lower-case one
    words = 1
    while words < _MAX_WORDS:
        if text.startswith(", ", end):
            listed = _listed(text, end + 2, context)
            if listed is None:
                break
            end, lower, capitals = listed, 0, 1
            continue
        if text[end : end + 1] != " ":
            break
        word = _WORD.match(text, end + 1)
        if word is None:
            break
        w = word.group()
        words += 1
        if w == "và":
            after = _WORD.match(text, word.end() + 1)
            if (
                after is None
                or not after.group()[:1].isupper()
                or _starts_head(text, after.start())
            ):
                break
            end, lower, capitals = context.places.get(after.start(), after.end()), 0, 1
            continue
        if w[:1].isupper():
            if (
                _starts_head(text, word.start())
                or w.isupper()
                or _starts_person(text, word, context)
            ):
                break
            end, lower, capitals = context.places.get(word.start(), word.end()), 0, capitals + 1
            continue
        # Lower-case syllables continue a field whose first word alone is capitalised ("Hợp tác
        # quốc tế"); after "Samsung Electronics" or "Hàn Quốc" they start the predicate.
        if (lower == 0 and capitals > 1) or lower >= _MAX_LOWER or _ends_name(text, word.start()):
            break
        end, lower, capitals = word.end(), lower + 1, 0
    return end


def _listed(text: str, pos: int, context: _Context) -> int | None:
    """``Thương mại và Công nghiệp`` after a comma: a list of fields that ends with ``và``."""
    stop = _PUNCTUATION.search(text, pos, pos + 120)
    segment = text[pos : stop.start() if stop else pos + 120]
    last = _LAST_FIELD.search(segment)
    if last is None:
        return None
    for piece in segment[: last.start()].split(", "):
        words = list(_WORD.finditer(piece))
        if not words or not piece[:1].isupper() or _starts_head(piece, 0):
            return None
        if any(not w.group()[:1].isupper() and _ends_name(piece, w.start()) for w in words):
            return None
    return _proper_part(text, pos + last.start() + len(" và"), context)


def _starts_person(text: str, word: re.Match[str], context: _Context) -> bool:
    """A surname followed by another capitalised word, outside a known name: a person."""
    if word.group() not in context.surnames or word.start() in context.places:
        return False
    return (
        text[word.end() : word.end() + 1] == " " and text[word.end() + 1 : word.end() + 2].isupper()
    )


def _starts_head(text: str, pos: int) -> bool:
    """An organisation head followed by a capitalised word starts at ``pos`` (``… Bộ Ngoại``)."""
    m = _HEAD.match(text, pos)
    return m is not None and text[m.end() + 1 : m.end() + 2].isupper()


def _ends_name(text: str, pos: int) -> bool:
    """A function word or a predicate verb (one or two syllables) starts at ``pos``."""
    one = _WORD.match(text, pos)
    if one is None:
        return True
    key = tone_key(one.group())
    two = _WORD.match(text, one.end() + 1) if text[one.end() : one.end() + 1] == " " else None
    if two is not None:
        pair = f"{key} {tone_key(two.group())}"
        if pair in STOP_WORDS or pair in PREDICATES:
            return True
    return key in STOP_WORDS or key in PREDICATES
