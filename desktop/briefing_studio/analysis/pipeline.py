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
from briefing_studio.analysis.model import Analysis, Section
from briefing_studio.analysis.sections import split_sections
from briefing_studio.analysis.sentences import sentence_spans
from briefing_studio.gcpause import bulk_job
from briefing_studio.sources.model import SourceDocument


@bulk_job
def analyze(source: SourceDocument) -> Analysis:
    """Sections with sentences and cues, figures, metadata and acronyms; entities stay None."""
    sections, metadata_lines = split_sections(source)
    sections = [_with_sentences_and_cues(section) for section in sections]
    # Captions, credits and bylines are metadata: no figures, cues or acronyms come from them.
    content = [s for s in sections if not s.is_meta]
    figures = [figure for s in content for figure in find_figures(s.text, s.id)]
    return Analysis(
        source=source,
        metadata=read_metadata(source, sections, metadata_lines),
        sections=sections,
        figures=figures,
        acronyms=find_acronyms(content),
    )


def _with_sentences_and_cues(section: Section) -> Section:
    # A paragraph cut into parts comes with its sentences: splitting them again would double
    # the cost of a one-line article body.
    sentences = section.sentences or sentence_spans(section.text)
    if section.is_meta:
        return replace(section, sentences=sentences)
    return replace(
        section,
        sentences=sentences,
        cues=tag_cues(section.text, is_heading=section.kind == "heading"),
    )
