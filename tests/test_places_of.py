"""``textutil.places_of``: where any of some characters stands, as ``re.finditer`` finds it."""

from __future__ import annotations

import random
import re

import pytest

from briefing_studio.textutil import places_of


@pytest.mark.parametrize("chars", [".", ".?!", "0123456789", "đ"])
def test_places_are_those_of_a_character_class(chars: str) -> None:
    pool = "ab .?!đ0123456789 Việt\n"
    rnd = random.Random(3)
    for _ in range(300):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randrange(0, 60)))
        expected = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]
        assert places_of(text, chars) == expected


def test_no_place_in_a_text_without_the_characters() -> None:
    assert places_of("không có số", "0123456789") == []
    assert places_of("", ".") == []
