"""An HTML page's ``<meta charset>`` is used only when it names an ASCII-compatible text encoding.

Before, ``hex``, ``rot13``, ``zlib`` or ``undefined`` raised ``LookupError``/``UnicodeError``
out of the loader, and ``cp037`` (EBCDIC) loaded the page silently as garbage. Now any of them
is ignored and the encoding is detected, as for a page that declares nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.sources import load_source

TEXT = "Kim ngạch thương mại hai chiều đạt trên 12,4 tỷ USD, tăng 6,5% so với cùng kỳ."


def _page(charset: str) -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>Tin</title></head>'
        f"<body><p>{TEXT}</p></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "charset", ["hex", "rot13", "zlib", "undefined", "base64", "cp037", "cp500", "utf-7"]
)
def test_a_charset_that_is_no_ascii_text_encoding_is_ignored(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "tin.html"
    path.write_bytes(_page(charset))
    source = load_source(path)
    assert TEXT in source.text
    assert source.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["hex", "undefined", "zlib"])
def test_choosing_a_codec_that_is_no_text_encoding_is_a_clear_error(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "tin.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(BriefingError, match="Unknown text encoding"):
        load_source(path, encoding=encoding)
