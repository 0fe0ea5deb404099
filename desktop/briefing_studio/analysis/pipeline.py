"""The fast analysis of one source: everything except named entities, in one call.

Entities need the NER model and take seconds, so they run separately and lazily; what runs here
is plain regular-expression and string work that the app can redo on every load: about 0.39 s
of CPU for the seeds repeated to 1 MB (2 500 sections, 3 300 figures), half of it the figures,
found one section at a time (see ``bench/bench_analysis.py --profile``). Searches
that are the same over all sections (cue words and the figures' date and number words in one
scan, ``word_scan.py``; acronyms) run once over the sections joined (``joined.py``).

A large source (``HALVES_MIN_CHARS`` of content blocks or more) on a machine with two CPUs or
more is analysed in two halves at once. Splitting a block into sections depends only on its
neighbours, and each section's sentences, cues and figures only on the section (and a table on
the line above it), so the content blocks are cut in two where no run of heading lines nor a
table's note crosses the cut (``cut_of``): a warm helper process (``half_worker.py``) splits
and analyses the second half while this one splits and analyses the first. Acronym uses count
only for the acronyms defined anywhere (and the known ones), so each process sends the other
its half's definitions as soon as it has split it, and finds the uses in its own half. The
metadata is read at the end from the lead. The result is the serial one, object for object
(``tests/test_half_worker.py``). The first large source starts the helper and is analysed here
alone (waiting for a fresh process would cost more than it saves); so is a source while another
thread's source has the helper, one whose blocks cannot be cut (one huge block), the helper's
half when it fails or dies, and large sources for a while after the helper found no free core
twice (``half_worker._BUSY_FACTOR``).
"""

from __future__ import annotations

import time

from briefing_studio.analysis.acronyms import (
    acronyms_of,
    defined_in,
    find_acronyms,
    shorts_of,
    uses_in,
)
from briefing_studio.analysis.cues import cue_scores_of, tag_cues
from briefing_studio.analysis.figures import WordHits, find_figures
from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.metadata import read_metadata
from briefing_studio.analysis.model import Acronym, Analysis, Cue, Figure, Section
from briefing_studio.analysis.sections import content_blocks, may_start_at, sections_of
from briefing_studio.analysis.sentences import sentence_spans
from briefing_studio.analysis.table_figures import table_figures
from briefing_studio.analysis.word_scan import scan_words
from briefing_studio.gcpause import bulk_job
from briefing_studio.sources.model import Block, SourceDocument

_NOTE_CHARS = 200  # a caption above a table is short; a paragraph's unit is not the table's
# From this many characters of content blocks on, a source is analysed in two processes at once.
# On an idle two-core machine the halves take 1.6× less time from 50 KB on (50 KB: 29 → 18 ms,
# 200 KB: 113 → 69 ms; 1 MB, before the serial code got faster: 0.56 → 0.33 s, 1.7×; with
# it, 0.39 → 0.23 s, in bench_analysis.py's side-by-side lines, 2026-11-30) for 5–7 %
# more CPU, and 10–30 % more time when the other core is busy (``half_worker._BUSY_FACTOR``).
# Below 200 KB the saving is under 45 ms, too little to keep a second process of 25–45 MB for a
# session that never opens a large source.
HALVES_MIN_CHARS = 200_000
# The first half's share of the content blocks' characters, split and analysed in this process
# while the helper does the rest. Besides, this process finds its half's acronym definitions
# (3 ms of CPU on 1 MB) and uses (11 ms), and after both halves gives the helper's sections
# their sentences and cues and makes its figures (9 ms); the helper unpacks its blocks, sends
# their layout, finds its half's definitions and uses and packs its answer. CPU of one 1 MB
# analysis, measured on a busy machine: at 0.48 here 0.220 s (0.209 before the wait), the
# helper 0.230 s; at 0.50 0.227 (0.216) and 0.221 s (the sections' split, the acronyms and the
# unpacking in this process before: 0.245 and 0.197 s at 0.48).
_OWN_SHARE = 0.50


@bulk_job
def analyze(source: SourceDocument, *, halves: bool = True) -> Analysis:
    """Sections with sentences and cues, figures, metadata and acronyms; entities stay None.

    ``halves=False`` keeps a large source in this process (the bench compares both ways).
    """
    blocks, end = content_blocks(source)
    content = blocks[:end]
    parted = None
    if halves and sum(len(b.text) for b in content) >= HALVES_MIN_CHARS:
        parted = _in_halves(source.key, content)
    if parted is None:
        sections = sections_of(source.key, content, 0, end)
        # Captions, credits and bylines are metadata: no figures, cues or acronyms come from them.
        acronyms = find_acronyms([s for s in sections if not s.is_meta])
        sections, figures = analyse_sections(sections)
    else:
        sections, figures, acronyms = parted
    return Analysis(
        source=source,
        metadata=read_metadata(source, sections, [block.text for block in blocks[end:]]),
        sections=sections,
        figures=figures,
        acronyms=acronyms,
    )


def analyse_sections(sections: list[Section]) -> tuple[list[Section], list[Figure]]:
    """Consecutive sections of a source with their sentences and cues, and their figures (a
    source's halves are cut where no table reads its unit from the line before the cut)."""
    # Cue words and the figures' date and number words are searched in all sections at once.
    joined = Joined([section.text for section in sections])
    cue_matches, hits = scan_words(joined)
    cues = cue_scores_of(joined, cue_matches)
    sections = [_with_sentences_and_cues(s, c) for s, c in zip(sections, cues, strict=True)]
    figures = [
        figure
        for i, s in enumerate(sections)
        if not s.is_meta
        for figure in _figures(sections, i, None if hits is None else hits[i])
    ]
    return sections, figures


def _in_halves(
    key: str, content: list[Block]
) -> tuple[list[Section], list[Figure], list[Acronym]] | None:
    """The analysis of a large source's content blocks in two processes at once, or None when
    the helper process is not there for it (one CPU, not started yet, busy with another
    thread's source) or the blocks cannot be cut (``cut_of``).

    The helper gets the second half's blocks and splits them into sections while this process
    splits the first half's; each sends the other its half's acronym definitions (the helper
    with its sections' layout), since uses count only for acronyms defined anywhere. The helper
    answers with its sections' sentences, cues, figures and acronym uses; the first half's
    definitions and uses come first in the merged ones, as they do in the whole's."""
    from briefing_studio.analysis import half_worker  # only large sources pay its imports

    if half_worker.cpus() < 2:
        return None
    cut = cut_of(content)
    if cut is None:
        return None
    total = len(content)
    with half_worker.helper() as helper:
        if helper is None or not helper.send(key, content[cut:], cut, total):
            return None
        started = time.thread_time()
        own = sections_of(key, content[:cut], 0, total)
        mine = [s for s in own if not s.is_meta]
        defined = defined_in(mine)
        helper.send_defined(defined)  # the helper finds its half's uses of them
        first, figures = analyse_sections(own)
        laid = helper.receive_layout(
            content[cut:], len(first), own_cpu=time.thread_time() - started
        )
        if laid is None:  # the helper failed or died: its half is split here
            second = sections_of(key, content[cut:], cut, total, index=len(first))
            theirs = [s for s in second if not s.is_meta]
            their_defined = defined_in(theirs)
        else:
            second, their_defined = laid
            theirs = [s for s in second if not s.is_meta]
        for short, expansion in their_defined.items():
            defined.setdefault(short, expansion)
        shorts = shorts_of(defined)
        used = uses_in(mine, shorts)
        answer = None
        if laid is not None:
            answer = helper.receive(second, own_cpu=time.thread_time() - started)
    if answer is None:  # the helper failed, died or timed out: its half is analysed here
        done, more = analyse_sections(second)
        their_uses = uses_in(theirs, shorts)
    else:
        done, more, their_uses = answer
    for short, ids in their_uses.items():  # no section is in both halves
        used.setdefault(short, []).extend(ids)
    return first + done, figures + more, acronyms_of(used, defined)


def cut_of(content: list[Block]) -> int | None:
    """Where a source's content blocks are cut in halves: after the first ``_OWN_SHARE`` of
    their characters, at the first block from there where ``may_start_at`` allows; None when
    no block does."""
    total = sum(len(b.text) for b in content)
    cut, chars = 0, 0
    while cut < len(content) and chars < total * _OWN_SHARE:
        chars += len(content[cut].text)
        cut += 1
    while cut < len(content):
        if cut > 0 and may_start_at(content, cut):
            return cut
        cut += 1
    return None


def _figures(sections: list[Section], index: int, hits: WordHits | None) -> list[Figure]:
    """A paragraph's figures; a table's, read with its headers and the line above it (which
    often names the unit: "Bảng 1. … (Đơn vị: tỷ USD)")."""
    section = sections[index]
    if section.table is None:
        return find_figures(section.text, section.id, hits)
    above = sections[index - 1].text if index > 0 and sections[index - 1].table is None else ""
    return table_figures(section, note=above[:_NOTE_CHARS])


def _with_sentences_and_cues(section: Section, scores: dict[Cue, tuple[int, int]]) -> Section:
    """The section with its sentences and (from its cue ``scores``) cues."""
    # A paragraph cut into parts comes with its sentences: splitting them again would double
    # the cost of a one-line article body.
    if section.table is not None:  # a table's "sentences" are its cells
        spans = tuple((start, end) for _, start, end in section.table.cell_spans())
        return _replace(section, sentences=spans)
    sentences = section.sentences or sentence_spans(section.text)
    if section.is_meta:
        return _replace(section, sentences=sentences)
    return _replace(
        section,
        sentences=sentences,
        cues=tag_cues(section.text, is_heading=section.kind == "heading", scores=scores),
    )


def _replace(section: Section, **changes: object) -> Section:
    """``dataclasses.replace`` without its per-field checks nor the frozen ``__init__``, which
    sets each field through ``object.__setattr__`` (``Section`` has no ``__post_init__``):
    ten times faster, which is 40 ms over the thousands of sections of a 1 MB report."""
    new = object.__new__(Section)
    new.__dict__.update(vars(section), **changes)
    return new
