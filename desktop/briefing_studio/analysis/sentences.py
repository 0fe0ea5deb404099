"""Sentence spans of a paragraph: underthesea's Punkt-style ``sent_tokenize`` plus a few repairs.

``split_sentences`` is underthesea's algorithm with its abbreviation list, step for step, but it
jumps from one ``.``/``?``/``!`` to the next (``str.find``) instead of looking at every
character in Python: on the seeds repeated to 1 MB it took 0.16 s of the analysis and now
takes about 0.02 s, with the same sentences (``tests/test_sentences.py`` compares the two);
``sentence_spans`` takes the offsets of its pieces (``_piece_spans``), not their strings. It
also spares a process that only splits sentences importing underthesea (~0.4 s, most of it its
models and their libraries): the abbreviation list is read from underthesea's
``sent_tokenize`` module, loaded on its own. Underthesea gets a few things wrong that news
texts are full of, so three repairs follow, each cheap:

- a split with no space after it is inside a token (``bacgiang.gov.vn``, the ``./.`` that ends
  official texts), so the two pieces are joined again;
- a closing quote or bracket that starts the next piece (``“Tốt lắm.” Rồi``) belongs to the
  sentence before it, and a piece that then starts in lower case continues that sentence;
- a piece ending in a title abbreviation underthesea does not know (``PGS.TS.``, ``GS.``,
  ``KS.``) continues into the name that follows.

"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from types import ModuleType

from briefing_studio.textutil import places_of

Span = tuple[int, int]

_CLOSERS = "”’\"')]}»"
# Academic and office titles written with a dot before a name; underthesea knows tp, ts, ths, bs.
_TITLE_ABBREVIATIONS = frozenset(
    "pgs.ts gs.ts gs.tskh pgs ts gs ks ncs ths ts.bs bs.ckii bs.cki th.s tp tp.hcm tt q p".split()
)
# The last letters of those titles.
_TITLE_ENDS = frozenset(title[-1] for title in _TITLE_ABBREVIATIONS)


_SENTENCE_ENDS = ".?!"


def _underthesea_module() -> ModuleType | None:
    """underthesea's ``sent_tokenize`` module, executed alone: it needs only the standard
    library and its ``punkt_params.json``, while ``import underthesea`` loads every model's code."""
    try:
        spec = importlib.util.find_spec("underthesea")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        spec = importlib.util.spec_from_file_location(
            "_briefing_sent_tokenize", f"{folder}/pipeline/sent_tokenize/__init__.py"
        )
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except OSError:
            continue
        return module
    return None


@cache
def _abbreviations() -> frozenset[str] | None:
    """underthesea's abbreviations (``tp``, ``ts``, single letters, …), or None when its
    sentence module is not laid out as expected (then ``_tokenizer`` uses it as a whole)."""
    module = _underthesea_module()
    try:
        module._load_model()  # type: ignore[union-attr]
        return frozenset(module.sentence_tokenizer.abbrev_types)  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return None


@cache
def _tokenizer() -> Callable[[str], list[str]]:
    if _abbreviations() is not None:
        return split_sentences
    from underthesea import sent_tokenize

    return sent_tokenize


def split_sentences(text: str) -> list[str]:
    """underthesea's ``sent_tokenize(text)``: the same pieces, found faster (see the top)."""
    if not text or not text.strip():
        return []
    return [text[start:end] for start, end in _piece_spans(text, _abbreviations() or frozenset())]


def _piece_spans(text: str, abbreviations: frozenset[str]) -> list[Span]:
    """Where ``split_sentences``'s pieces lie in ``text``: the (start, end) of each, stripped.

    Offsets, not strings: ``sentence_spans`` used to cut the pieces out and then find each one
    in the text again. The ``.``/``?``/``!`` are found with ``str.find`` (``_end_marks``), not a
    regular expression: ``re`` tests a character class one character at a time, ``find``
    skips to the character. Both: the pieces of the seeds repeated to 1 MB, 39 → 22 ms CPU."""
    spans: list[Span] = []
    n = len(text)
    start = resume = 0
    for i in _end_marks(text):
        if i < resume:  # inside an ellipsis or a run of marks read already
            continue
        if text[i] == ".":
            if text.startswith("...", i):  # an ellipsis: a boundary before a capital
                dot_end = i
                while dot_end < n and text[dot_end] == ".":
                    dot_end += 1
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    _add_span(spans, text, start, dot_end)
                    while dot_end < n and text[dot_end] in " \t\n\r":
                        dot_end += 1
                    start = dot_end
                resume = dot_end
                continue
            if not _dot_ends(text, i, abbreviations):
                continue
        end = i + 1
        while end < n and text[end] in _SENTENCE_ENDS:
            end += 1
        # (``_add_span`` inlined: the piece ends with its mark, only its start may be a space.)
        while text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
        while end < n and text[end] in " \t\n\r":
            end += 1
        start = resume = end
    _add_span(spans, text, start, n)
    return spans


def _end_marks(text: str) -> list[int]:
    """Offsets of every ``.``, ``?`` and ``!`` in ``text``, ascending."""
    # ``?`` and ``!`` (and the sort) only in the paragraphs that hold one; most hold neither
    # (1 MB: 4.5 → 3.6 ms CPU).
    return places_of(text, ".?!" if "?" in text or "!" in text else ".")


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` without its outer spaces (as ``str.strip`` cuts), if any."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _dot_ends(text: str, pos: int, abbreviations: frozenset[str]) -> bool:
    """A ``.`` ends a sentence, except between digits (``1.500``) or after an abbreviation
    (letters, digits and dots before it: ``TP.HCM``, ``tp``)."""
    if 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit():
        return False
    # The word before the dot is usually all letters after a space: cut it at the space and
    # test it whole (``rfind`` + ``isalnum``), not one character at a time, walking back only
    # when something else stands in it ("(tp." at a line start). 1 MB: 4 557 dots, 33 -> 30 ms
    # CPU of ``sentence_spans`` over the sections.
    word = text[text.rfind(" ", 0, pos) + 1 : pos]
    if not word.replace(".", "").isalnum():
        start = pos
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
            start -= 1
        word = text[start:pos]
    return not (word and word.lower() in abbreviations)


def sentence_spans(text: str) -> tuple[Span, ...]:
    """(start, end) offsets of each sentence in ``text``, in order, without outer spaces."""
    if not text or text.isspace():
        return ()
    tokenizer = _tokenizer()
    if tokenizer is split_sentences:
        spans = _piece_spans(text, _abbreviations() or frozenset())
    else:
        spans = _raw_spans(text, tokenizer(text))
    if len(spans) == 1:  # one sentence (a heading, a short paragraph): nothing to repair
        return (spans[0],)
    return tuple(_repair(text, spans))


def _raw_spans(text: str, pieces: list[str]) -> list[Span]:
    """Locate underthesea's stripped pieces in the text (they appear in order, unchanged)."""
    spans: list[Span] = []
    position = 0
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:  # never seen; keep the rest as one sentence rather than lose text
            break
        position = start + len(piece)
        spans.append((start, position))
    if not spans:
        return [_strip_span(text, 0, len(text))]
    if text[position:].strip():
        spans.append(_strip_span(text, position, len(text)))
    return spans


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _repair(text: str, spans: list[Span]) -> list[Span]:
    # The sentence being built is kept in two locals and written out when the next one starts
    # (not read from and written back to the list at every piece: 1 MB, 9.5 → 8.3 ms).
    out: list[Span] = []
    prev_start, prev_end = spans[0]
    for start, end in spans[1:]:
        first = text[start]
        if first in _CLOSERS or first.isspace():  # (pieces come stripped: rarely)
            while start < end and text[start] in _CLOSERS and start == _skip_spaces(text, prev_end):
                prev_end = start = start + 1  # the closer belongs to the sentence before
            start = _skip_spaces(text, start)
            if start >= end:
                continue
        if _continues(text, prev_start, prev_end, start):
            prev_end = end
        else:
            out.append((prev_start, prev_end))
            prev_start, prev_end = start, end
    out.append((prev_start, prev_end))
    return out


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _continues(text: str, prev_start: int, prev_end: int, start: int) -> bool:
    """True when the piece at ``start`` is the same sentence as the one before."""
    if start == prev_end:  # no space: a URL, a file name, the closing "./."
        return True
    first = text[start]
    if first.isalpha() and first.islower():
        return True
    # The word before the dot is looked for only when its last letter can end a title (its
    # lower case is that of its last character, but for Greek sigmas): most pieces end in
    # "tế.", "Nam.", so two ``rfind`` and a slice are spared. 1 MB: ``_repair`` 8.4 → 6.5 ms CPU.
    if text[prev_end - 1] != "." or text[prev_end - 2].lower()[-1:] not in _TITLE_ENDS:
        return False
    word_start = max(text.rfind(" ", prev_start, prev_end), text.rfind("(", prev_start, prev_end))
    last_word = text[word_start + 1 : prev_end - 1]
    return last_word.lower() in _TITLE_ABBREVIATIONS
