"""Plain-text sources: every encoding a Vietnamese office file may arrive in, read back exactly."""

from __future__ import annotations

import codecs
import itertools
import random
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_studio.errors import BriefingError
from briefing_studio.paths import seed_files
from briefing_studio.sources import (
    ENCODINGS,
    SUPPORTED_SUFFIXES,
    decode_text,
    load_source,
    source_from_text,
)
from briefing_studio.sources.legacy_vn import (
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    tcvn3_case,
)
from briefing_studio.sources.syllables import is_vietnamese_syllable, vietnamese_score

SEEDS = seed_files()
ENCODERS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 LE with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16 LE without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16 BE without BOM": lambda text: text.encode("utf-16-be"),
    "cp1258": encode_cp1258,
    "tcvn3": encode_tcvn3,
    "vni": encode_vni,
}
DETECTED_AS = {"cp1258": "cp1258", "tcvn3": "tcvn3", "vni": "vni"}


def seed_lines(seed: Path) -> list[str]:
    return [line for line in seed.read_text("utf-8").split("\n") if line.strip()]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ENCODERS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.stem)
def test_secretary_loads_seed_saved_in_any_encoding(
    tmp_path: Path, seed: Path, encoding: str
) -> None:
    text = seed.read_text("utf-8")
    path = write(tmp_path, "bao-cao.txt", ENCODERS[encoding](text))

    source = load_source(path)

    expected = seed_lines(seed)
    if encoding == "tcvn3":  # capitals TCVN3 has no byte for come back lower-case
        expected = [tcvn3_case(line) for line in expected]
    assert [block.text for block in source.blocks] == expected
    assert source.encoding == DETECTED_AS.get(encoding, encoding.split()[0].lower())
    assert (source.format, source.name, source.path) == ("txt", "bao-cao.txt", str(path))
    assert all(block.kind == "paragraph" for block in source.blocks)


LEGACY_ENCODERS = {"cp1258": encode_cp1258, "tcvn3": encode_tcvn3, "vni": encode_vni}
ALL_SEED_LINES = [line for seed in SEEDS for line in seed_lines(seed)]


def as_read_back(legacy: str, line: str) -> str:
    """What a line written in ``legacy`` reads back as (TCVN3 loses some capitals)."""
    return tcvn3_case(line) if legacy == "tcvn3" else line


@pytest.mark.parametrize("legacy", LEGACY_ENCODERS)
def test_secretary_loads_utf8_report_with_one_paragraph_pasted_from_a_legacy_document(
    tmp_path: Path, legacy: str
) -> None:
    for seed in SEEDS:
        lines = seed_lines(seed)
        for pasted in range(len(lines)):
            parts = [line.encode("utf-8") for line in lines]
            parts[pasted] = LEGACY_ENCODERS[legacy](lines[pasted])
            path = write(tmp_path, "bao-cao-ghep.txt", b"\n".join(parts))

            source = load_source(path)

            expected = lines.copy()
            expected[pasted] = as_read_back(legacy, lines[pasted])
            assert [block.text for block in source.blocks] == expected, (seed.stem, pasted)
            assert source.encoding == f"utf-8+{legacy}"


@pytest.mark.parametrize("legacy", LEGACY_ENCODERS)
def test_every_pair_of_seed_lines_in_utf8_and_a_legacy_encoding_reads_back_exactly(
    legacy: str,
) -> None:
    encode = LEGACY_ENCODERS[legacy]
    for first, second in itertools.permutations(ALL_SEED_LINES, 2):
        for data, expected in (
            (first.encode() + b"\n" + encode(second), [first, as_read_back(legacy, second)]),
            (encode(first) + b"\r\n" + second.encode(), [as_read_back(legacy, first), second]),
        ):
            text, encoding = decode_text(data)
            assert text.replace("\r", "").split("\n") == expected
            assert set(encoding.split("+")) == {"utf-8", legacy}
            assert "\ufffd" not in text


@pytest.mark.parametrize("legacy", LEGACY_ENCODERS)
def test_legacy_report_with_one_utf8_paragraph_is_named_legacy_first(legacy: str) -> None:
    lines = seed_lines(SEEDS[1])
    parts = [LEGACY_ENCODERS[legacy](line) for line in lines]
    parts[2] = lines[2].encode("utf-8")

    text, encoding = decode_text(b"\n".join(parts))

    expected = [as_read_back(legacy, line) for line in lines]
    expected[2] = lines[2]
    assert text.split("\n") == expected
    assert encoding == f"{legacy}+utf-8"


def test_notepad_utf8_file_with_bom_and_a_windows_1258_paragraph(tmp_path: Path) -> None:
    lines = seed_lines(SEEDS[0])[:3]
    data = b"\r\n".join([lines[0].encode(), encode_cp1258(lines[1]), lines[2].encode()])
    path = write(tmp_path, "notepad.txt", codecs.BOM_UTF8 + data)

    source = load_source(path)

    assert [block.text for block in source.blocks] == lines
    assert source.encoding == "utf-8+cp1258"


def test_mixed_file_keeps_nfd_utf8_lines_and_gives_nfc() -> None:
    utf8 = unicodedata.normalize("NFD", "Thủ tướng Phạm Minh Chính chủ trì hội nghị")
    data = utf8.encode() + b"\n" + encode_vni("Bộ Ngoại giao kiến nghị")

    text, encoding = decode_text(data)

    assert text == "Thủ tướng Phạm Minh Chính chủ trì hội nghị\nBộ Ngoại giao kiến nghị"
    assert encoding == "utf-8+vni"


def test_tcvn3_line_that_happens_to_be_valid_utf8_stays_tcvn3() -> None:
    # TCVN3 "tế…" is the bytes 74 D5 85, which UTF-8 reads as "tՅ" (an Armenian letter).
    lines = ["Báo cáo về ngoại giao kinh tế năm 2024.", "Kinh tế…", "Thủ tướng chủ trì hội nghị."]
    parts = [encode_tcvn3(line) for line in lines]
    assert parts[1].decode("utf-8") == "Kinh t\u0545"  # the premise: valid UTF-8 alone

    assert decode_text(b"\n".join(parts)) == ("\n".join(lines), "tcvn3")


def test_binary_noise_with_one_utf8_line_is_still_refused(tmp_path: Path) -> None:
    noise = random.Random(3)
    alphabet = [*range(0x80, 0x100), *([0x20] * 20), 0x0A]
    junk = bytes(noise.choice(alphabet) for _ in range(4000))
    path = write(tmp_path, "rac.txt", "Hà Nội, ngày 20/12".encode() + b"\n" + junk)

    with pytest.raises(BriefingError) as caught:
        load_source(path)

    assert "encoding" in caught.value.message_en


def test_secretary_loads_tcvn3_report_keeping_the_capitals_tcvn3_has(tmp_path: Path) -> None:
    data = encode_tcvn3("ĐẨY MẠNH Ngoại giao Kinh tế: “Ông Đỗ Văn Ân” – Ơn, Ưu…")
    path = write(tmp_path, "tcvn3.txt", data)

    source = load_source(path)

    assert source.encoding == "tcvn3"
    # Đ Ô Â Ơ Ư have TCVN3 bytes; Ẩ and Ạ were typed lower-case in a capitals-only font.
    assert source.text == "ĐẩY MạNH Ngoại giao Kinh tế: “Ông Đỗ Văn Ân” – Ơn, Ưu…"


def test_tcvn3_file_with_vn1_capitals_in_the_c1_range_reads_them_as_capitals(
    tmp_path: Path,
) -> None:
    # "THỦ TƯỚNG" with Ủ (0x9E) and Ớ (0x9B) at their TCVN 5712 VN1 positions, which would
    # otherwise be Windows punctuation (ž and ›).
    body = encode_tcvn3("chủ trì hội nghị về ngoại giao kinh tế và tăng trưởng. ")
    path = write(tmp_path, "vn1.txt", b"TH\x9e T\xa6\x9bNG " + body * 3)

    source = load_source(path)

    assert source.encoding == "tcvn3"
    assert source.text.startswith("THỦ TƯỚNG chủ trì hội nghị")


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv to cross-check")
def test_tcvn3_table_agrees_with_glibc_tcvn5712_on_letters() -> None:
    codes = list(range(0xA0, 0x100))
    raw = b"\n".join(bytes([code]) for code in codes)
    result = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw, capture_output=True
    )
    if result.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    reference = result.stdout.decode("utf-8").split("\n")
    ours = decode_tcvn3(raw, capitals_in_c1=True).split("\n")
    assert ours == reference


@pytest.mark.parametrize(
    ("legacy", "decode", "unicode"),
    [
        ("B¶o Th¾ng, B¸t X¸t", decode_tcvn3, "Bảo Thắng, Bát Xát"),
        ("Xin chaøo caùc baïn", decode_vni, "Xin chào các bạn"),
    ],
)
def test_known_legacy_strings_decode_as_published(
    legacy: str, decode: Callable[[bytes], str], unicode: str
) -> None:
    # Samples from converters' documentation, written as the Windows-1252 characters an
    # old document shows when opened without its font.
    assert decode(legacy.encode("cp1252")) == unicode


def test_vni_reads_capital_base_with_lower_case_mark_as_capital() -> None:
    assert decode_vni("Vieät Nam. AÙ ñaâu Aù".encode("cp1252")) == "Việt Nam. Á đâu Á"


def test_legacy_encoders_refuse_what_they_cannot_write() -> None:
    for encode in (encode_tcvn3, encode_vni, encode_cp1258):
        with pytest.raises(ValueError):
            encode("漢字")
    with pytest.raises(ValueError):
        encode_vni("Göttingen")  # ö is VNI's ư


@pytest.mark.parametrize(
    ("encoding", "encoder"),
    [("cp1258", encode_cp1258), ("tcvn3", encode_tcvn3), ("vni", encode_vni)],
)
def test_secretary_chooses_the_encoding_by_hand(
    tmp_path: Path, encoding: str, encoder: Callable[[str], bytes]
) -> None:
    text = "Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế"
    path = write(tmp_path, "chon-bang-ma.txt", encoder(text))

    source = load_source(path, encoding=encoding)

    assert source.encoding == encoding
    assert source.text == tcvn3_case(text) if encoding == "tcvn3" else text


def test_chosen_encoding_wins_over_detection_even_when_wrong(tmp_path: Path) -> None:
    path = write(tmp_path, "sai.txt", encode_tcvn3("Báo cáo tổng kết công tác"))

    source = load_source(path, encoding="cp1258")

    assert source.encoding == "cp1258"
    assert source.text != "Báo cáo tổng kết công tác"
    assert load_source(path, encoding="auto").text == "Báo cáo tổng kết công tác"


def test_choosing_utf8_for_a_legacy_file_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "cu.txt", encode_cp1258("Báo cáo tổng kết"))

    with pytest.raises(BriefingError) as caught:
        load_source(path, encoding="utf-8")

    assert "cu.txt" in caught.value.message("vi")
    assert "UTF-8" in caught.value.message("en")


def test_unknown_encoding_choice_is_a_briefing_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"abc")
    with pytest.raises(BriefingError, match="klingon"):
        load_source(path, encoding="klingon")


def test_utf16_choice_reads_text_without_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Hà Nội, ngày 20 tháng 12".encode("utf-16-be"))
    assert load_source(path, encoding="utf-16").text == "Hà Nội, ngày 20 tháng 12"


def test_decode_text_reports_the_encoding_it_used() -> None:
    assert decode_text("Việt Nam".encode()) == ("Việt Nam", "utf-8")
    assert decode_text(encode_vni("Việt Nam")) == ("Việt Nam", "vni")
    assert decode_text(encode_vni("Việt Nam"), "vni") == ("Việt Nam", "vni")


def test_english_text_in_windows_1252_is_not_mistaken_for_mojibake() -> None:
    english = "The committee met on Tuesday; café owners and naïve résumé writers came. " * 10

    text, encoding = decode_text(english.encode("cp1252"))

    assert text == english
    assert encoding == "cp1252"


def test_encoding_choices_offer_auto_and_the_five_encodings() -> None:
    ids = [key for key, _label in ENCODINGS]
    assert ids == ["auto", "utf-8", "utf-16", "cp1258", "tcvn3", "vni"]
    assert all(label for _key, label in ENCODINGS)
    assert {".txt", ".docx", ".html", ".htm", ".pdf"} <= set(SUPPORTED_SUFFIXES)


def test_text_is_cleaned_to_nfc_paragraphs(tmp_path: Path) -> None:
    raw = "  Ngoại\u00ad giao\u200b  kinh tế  \r\n\r\n\n" + unicodedata.normalize("NFD", "Đà Nẵng")
    path = write(tmp_path, "ban.txt", raw.encode("utf-8"))

    source = load_source(path)

    assert [block.text for block in source.blocks] == ["Ngoại giao kinh tế", "Đà Nẵng"]


def test_markdown_and_suffixless_files_are_read_as_text(tmp_path: Path) -> None:
    for name in ("ghi-chu.md", "GHI-CHU", "note.TEXT"):
        assert load_source(write(tmp_path, name, "Ghi chú".encode())).text == "Ghi chú"


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path: Path) -> None:
    wrapped = (
        "Theo báo cáo của Bộ Ngoại giao, năm 2024 công tác ngoại giao kinh\n"
        "tế được đẩy mạnh một cách bài bản, quyết liệt, hiệu quả với nhiều kết\n"
        "quả cụ thể.\n"
        "\n"
        "Trong gần 60 hoạt động đối ngoại của lãnh đạo chủ chốt, nội dung kinh\n"
        "tế đã trở thành trọng tâm của các chuyến thăm và tiếp xúc.\n"
    )
    path = write(tmp_path, "email.txt", wrapped.encode())

    source = load_source(path)

    assert [block.text for block in source.blocks] == [
        "Theo báo cáo của Bộ Ngoại giao, năm 2024 công tác ngoại giao kinh tế được đẩy mạnh "
        "một cách bài bản, quyết liệt, hiệu quả với nhiều kết quả cụ thể.",
        "Trong gần 60 hoạt động đối ngoại của lãnh đạo chủ chốt, nội dung kinh tế đã trở "
        "thành trọng tâm của các chuyến thăm và tiếp xúc.",
    ]


def test_secretary_pastes_text() -> None:
    source = source_from_text(unicodedata.normalize("NFD", "Hội nghị\n\n  Ngoại giao  \n"))

    assert [block.text for block in source.blocks] == ["Hội nghị", "Ngoại giao"]
    assert (source.format, source.path, source.name, source.encoding) == (
        "pasted",
        "",
        "Văn bản dán",
        None,
    )


def test_pasting_nothing_is_a_briefing_error() -> None:
    with pytest.raises(BriefingError) as caught:
        source_from_text(" \n\u200b\n", name="Ghi chú họp")
    assert "Ghi chú họp" in caught.value.message("vi")


@pytest.mark.parametrize(
    "word", ["hòa", "hoà", "thuý", "người", "quý", "gì", "giữ", "khuỷu", "chuyển", "mưa", "tốt"]
)
def test_real_vietnamese_syllables_are_recognised(word: str) -> None:
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(word.upper())


@pytest.mark.parametrize("word", ["aù", "Vieät", "tồt", "ngườì", "B¸o", "café", "xyz"])
def test_mojibake_and_foreign_words_are_not_vietnamese_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


def test_vietnamese_score_prefers_the_right_decoding() -> None:
    data = encode_vni(SEEDS[0].read_text("utf-8"))
    right = vietnamese_score(decode_vni(data))
    wrong = vietnamese_score(data.decode("cp1258"))
    assert right > 0.95 > 0.5 > wrong
