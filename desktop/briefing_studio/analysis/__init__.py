"""Analysis of a loaded source: sections, sentences, figures, metadata, acronyms, cues.

``analyze`` is the fast part and runs on every load; entity extraction is separate and lazy.
"""

from briefing_studio.analysis.acronyms import KNOWN_ACRONYMS, find_acronyms
from briefing_studio.analysis.cues import tag_cues
from briefing_studio.analysis.metadata import read_metadata
from briefing_studio.analysis.pipeline import analyze
from briefing_studio.analysis.sections import split_sections
from briefing_studio.analysis.sentences import sentence_spans

__all__ = [
    "KNOWN_ACRONYMS",
    "analyze",
    "find_acronyms",
    "read_metadata",
    "sentence_spans",
    "split_sections",
    "tag_cues",
]
