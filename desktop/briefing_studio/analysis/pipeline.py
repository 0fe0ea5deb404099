"""The fast analysis of one source: everything except named entities, in one call.

Entities need the NER model and take seconds, so they run separately and lazily; what runs here
is plain regular-expression and string work that the app can redo on every load: about 0.55 s
of CPU for the seeds repeated to 1 MB (2 500 sections, 3 300 figures), three fifths of it the
figures, found one section at a time (see ``bench/bench_analysis.py --profile``). Searches
that are the same over all sections (cue words and the figures' date and number words in one
scan, ``word_scan.py``; acronyms) run once over the sections joined (``joined.py``).
"""

from __future__ import annotations

from briefing_studio.analysis.acronyms import find_acronyms
from briefing_studio.analysis.cues import cue_scores_of, tag_cues
from briefing_studio.analysis.figures import WordHits, find_figures
from briefing_studio.analysis.joined import Joined
from briefing_studio.analysis.metadata import read_metadata
from briefing_studio.analysis.model import Analysis, Cue, Figure, Section
from briefing_studio.analysis.sections import split_sections
from briefing_studio.analysis.sentences import sentence_spans
from briefing_studio.analysis.table_figures import table_figures
from briefing_studio.analysis.word_scan import scan_words
from briefing_studio.gcpause import bulk_job
from briefing_studio.sources.model import SourceDocument

_NOTE_CHARS = 200  # a caption above a table is short; a paragraph's unit is not the table's


@bulk_job
def analyze(source: SourceDocument) -> Analysis:
    """Sections with sentences and cues, figures, metadata and acronyms; entities stay None."""
    sections, metadata_lines = split_sections(source)
    # Cue words and the figures' date and number words are searched in all sections at once.
    joined = Joined([section.text for section in sections])
    cue_matches, hits = scan_words(joined)
    cues = cue_scores_of(joined, cue_matches)
    sections = [_with_sentences_and_cues(s, c) for s, c in zip(sections, cues, strict=True)]
    # Captions, credits and bylines are metadata: no figures, cues or acronyms come from them.
    figures = [
        figure
        for i, s in enumerate(sections)
        if not s.is_meta
        for figure in _figures(sections, i, None if hits is None else hits[i])
    ]
    return Analysis(
        source=source,
        metadata=read_metadata(source, sections, metadata_lines),
        sections=sections,
        figures=figures,
        acronyms=find_acronyms([s for s in sections if not s.is_meta]),
    )


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
