"""The fast analysis of one source: everything except named entities, in one call.

Entities need the NER model and take seconds, so they run separately and lazily; what runs here
is plain regular-expression and string work that the app can redo on every load: about 0.35 s
per megabyte on one core, more than half of it figures (see ``bench/bench_analysis.py``).
"""

from __future__ import annotations

from dataclasses import replace

from briefing_studio.analysis.acronyms import find_acronyms
from briefing_studio.analysis.cues import tag_cues
from briefing_studio.analysis.figures import find_figures
from briefing_studio.analysis.metadata import read_metadata
from briefing_studio.analysis.model import Analysis, Figure, Section
from briefing_studio.analysis.sections import split_sections
from briefing_studio.analysis.sentences import sentence_spans
from briefing_studio.analysis.table_figures import table_figures
from briefing_studio.gcpause import bulk_job
from briefing_studio.sources.model import SourceDocument

_NOTE_CHARS = 200  # a caption above a table is short; a paragraph's unit is not the table's


@bulk_job
def analyze(source: SourceDocument) -> Analysis:
    """Sections with sentences and cues, figures, metadata and acronyms; entities stay None."""
    sections, metadata_lines = split_sections(source)
    sections = [_with_sentences_and_cues(section) for section in sections]
    # Captions, credits and bylines are metadata: no figures, cues or acronyms come from them.
    figures = [
        figure for i, s in enumerate(sections) if not s.is_meta for figure in _figures(sections, i)
    ]
    return Analysis(
        source=source,
        metadata=read_metadata(source, sections, metadata_lines),
        sections=sections,
        figures=figures,
        acronyms=find_acronyms([s for s in sections if not s.is_meta]),
    )


def _figures(sections: list[Section], index: int) -> list[Figure]:
    """A paragraph's figures; a table's, read with its headers and the line above it (which
    often names the unit: "Bảng 1. … (Đơn vị: tỷ USD)")."""
    section = sections[index]
    if section.table is None:
        return find_figures(section.text, section.id)
    above = sections[index - 1].text if index > 0 and sections[index - 1].table is None else ""
    return table_figures(section, note=above[:_NOTE_CHARS])


def _with_sentences_and_cues(section: Section) -> Section:
    # A paragraph cut into parts comes with its sentences: splitting them again would double
    # the cost of a one-line article body.
    if section.table is not None:  # a table's "sentences" are its cells
        spans = tuple((start, end) for _, start, end in section.table.cell_spans())
        return replace(section, sentences=spans)
    sentences = section.sentences or sentence_spans(section.text)
    if section.is_meta:
        return replace(section, sentences=sentences)
    return replace(
        section,
        sentences=sentences,
        cues=tag_cues(section.text, is_heading=section.kind == "heading"),
    )
