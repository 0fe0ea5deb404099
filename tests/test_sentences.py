"""The sentence splitter: underthesea's pieces, found without importing underthesea."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from briefing_studio.analysis.sentences import sentence_spans, split_sentences
from briefing_studio.paths import seed_files

underthesea = pytest.importorskip("underthesea")

# Every branch of the algorithm: ellipses before a capital or not, "?!" runs, dots between
# digits, abbreviations (single letters, tp, ts, TP.HCM), and every kind of space after a dot.
TRICKY = [
    "Kim ngạch đạt 1.500.000 USD. Tăng 12,4%.",
    "Ông A. Nguyễn đến TP.HCM. Ngày 15.12.2025 họp.",
    "Thật sao?! Vâng... Rồi thì... sao nữa. Chờ đã...",
    "GS.TS. Trần Văn B phát biểu. ThS. Lê C trả lời? Có!",
    "Kết thúc./.\n\nMở đầu.\tTiếp.\r\nHết",
    "...Mở đầu bằng dấu chấm lửng. Và kết thúc bằng nó...",
    "tp. Hồ Chí Minh và Tp. Hà Nội. e.g. ví dụ. Mr. Smith.",
    "   ",
    "",
]
_ALPHABET = "ab Tp.HCM..?!1.5 \n\t\r...…“”.A Ông. TS. gs.ts 3.000"


def _corpus() -> list[str]:
    texts = list(TRICKY)
    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        texts.extend(text.splitlines())
    rng = random.Random(17)
    texts += ["".join(rng.choices(_ALPHABET, k=rng.randint(0, 30))) for _ in range(20_000)]
    return texts


def test_the_same_pieces_as_underthesea() -> None:
    for text in _corpus():
        assert split_sentences(text) == underthesea.sent_tokenize(text), text


def test_abbreviations_and_numbers_do_not_end_sentences() -> None:
    assert split_sentences(TRICKY[1]) == ["Ông A. Nguyễn đến TP.HCM.", "Ngày 15.12.2025 họp."]
    expected = ["Thật sao?!", "Vâng...", "Rồi thì... sao nữa.", "Chờ đã..."]
    assert split_sentences(TRICKY[2]) == expected


def test_spans_point_at_the_pieces() -> None:
    text = TRICKY[0]
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == ["Kim ngạch đạt 1.500.000 USD.", "Tăng 12,4%."]


def test_splitting_does_not_import_underthesea() -> None:
    code = (
        "import sys\n"
        "from briefing_studio.analysis.sentences import sentence_spans\n"
        "assert len(sentence_spans('Một câu. Hai câu.')) == 2\n"
        "print('underthesea' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
