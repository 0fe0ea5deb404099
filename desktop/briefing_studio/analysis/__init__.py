"""Analysis of a loaded source: sections, sentences, figures, metadata, acronyms, cues.

``analyze`` is the fast part and runs on every load; entity extraction is separate and lazy.

The names below are imported on first use (PEP 562): ``briefing_studio.analysis.model`` is read
by every layer above, and importing it must not compile the patterns of the whole analysis (a
render whose analyses come from ``analysis.cache`` needs none of them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_studio.lazy_exports import lazy_exports

if TYPE_CHECKING:  # for type checkers, and for PyInstaller, which finds modules by import
    from briefing_studio.analysis.acronyms import KNOWN_ACRONYMS, find_acronyms  # noqa: F401
    from briefing_studio.analysis.cues import tag_cues  # noqa: F401
    from briefing_studio.analysis.metadata import read_metadata  # noqa: F401
    from briefing_studio.analysis.pipeline import analyze  # noqa: F401
    from briefing_studio.analysis.sections import split_sections  # noqa: F401
    from briefing_studio.analysis.sentences import sentence_spans  # noqa: F401

# Each public name and the module that defines it.
_HOMES = {
    "KNOWN_ACRONYMS": "acronyms",
    "find_acronyms": "acronyms",
    "tag_cues": "cues",
    "read_metadata": "metadata",
    "analyze": "pipeline",
    "split_sections": "sections",
    "sentence_spans": "sentences",
}
__all__ = sorted(_HOMES)
__getattr__ = lazy_exports(__name__, _HOMES, globals())
