"""Properties of the loaders: any bytes give a source or a BriefingError; encodings round-trip."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_studio.errors import BriefingError
from briefing_studio.sources import load_source
from briefing_studio.sources.legacy_vn import (
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    tcvn3_case,
)

LETTERS = "".join(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
)
VIETNAMESE = st.text(alphabet=LETTERS + "đĐbcdghklmnpqrstvx BCDGH.,;:!?0123456789–“”…\n")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(VIETNAMESE)
def test_any_vietnamese_text_survives_vni(text: str) -> None:
    assert decode_vni(encode_vni(text)) == text


@FAST
@given(VIETNAMESE)
def test_any_vietnamese_text_survives_tcvn3_up_to_lost_capitals(text: str) -> None:
    assert decode_tcvn3(encode_tcvn3(text)) == tcvn3_case(text)


@FAST
@given(VIETNAMESE)
def test_any_vietnamese_text_survives_windows_1258(text: str) -> None:
    decoded = unicodedata.normalize("NFC", encode_cp1258(text).decode("cp1258"))
    assert decoded == text


@FAST
@given(
    data=st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(str.encode)),
    suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf"]),
)
def test_any_bytes_load_or_raise_briefing_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("any")
    path = folder / f"bat-ky{suffix}"
    path.write_bytes(data)
    try:
        source = load_source(path)
    except BriefingError as error:
        assert path.name in error.message("vi")
    else:
        assert source.blocks
        assert all(
            block.text == unicodedata.normalize("NFC", block.text) for block in source.blocks
        )
