"""The working set: the open sources' analyses in order, and the one index over them.

Every part that turns ids into sections and figures asks a ``Workspace``: the template
context, the suggestion, the selection helpers, the CLI and the window's ``BriefingState``.
A workspace never changes: adding or removing a source makes a new one (``adding``,
``without_source``), and the index is built in ``__init__`` and nowhere else, so no copy of it
can fall out of step with the analyses.

The workspace owns the sources. ``Briefing.sources`` is only the project file's copy of them:
``BriefingState.snapshot`` and ``new_briefing`` fill it from a workspace when a briefing is
written out, and ``Workspace.analyze(briefing.sources)`` reads it when a project is opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from briefing_studio.analysis.model import Analysis, Figure, Section
from briefing_studio.sources.model import SourceDocument

if TYPE_CHECKING:
    from briefing_studio.analysis.cache import AnalysisCache


class Workspace:
    """The analyses of the open sources, in the user's order, with lookups by id."""

    # __weakref__: the template context keeps what it resolved with the workspace it came from.
    __slots__ = (
        "__weakref__",
        "_analyses",
        "_figures",
        "_figures_by_section",
        "_order",
        "_sections",
    )

    def __init__(self, analyses: Iterable[Analysis] = ()) -> None:
        self._analyses: tuple[Analysis, ...] = tuple(analyses)
        self._sections: dict[str, tuple[Analysis, Section]] = {}
        self._figures: dict[str, tuple[Analysis, Figure]] = {}
        self._figures_by_section: dict[str, list[Figure]] = {}
        # Source order of every id: sections among sections, figures among figures.
        self._order: dict[str, int] = {}
        for analysis in self._analyses:
            for section in analysis.sections:
                self._order[section.id] = len(self._sections)
                self._sections[section.id] = (analysis, section)
            for figure in analysis.figures:
                self._order[figure.id] = len(self._figures)
                self._figures[figure.id] = (analysis, figure)
                self._figures_by_section.setdefault(figure.section, []).append(figure)

    @classmethod
    def analyze(
        cls, sources: Iterable[SourceDocument], cache: AnalysisCache | None = None
    ) -> Workspace:
        """The fast analysis of each source, in order (entities come later); with ``cache``,
        a source analysed before is read from it instead."""
        if cache is not None:
            return cls(cache.analyze(source) for source in sources)
        from briefing_studio.analysis import analyze

        return cls(analyze(source) for source in sources)

    # ----- the analyses and their sources --------------------------------------------------

    @property
    def analyses(self) -> tuple[Analysis, ...]:
        return self._analyses

    @property
    def sources(self) -> list[SourceDocument]:
        """The sources in order (what a project file embeds)."""
        return [a.source for a in self._analyses]

    def source_keys(self) -> list[str]:
        return [a.source.key for a in self._analyses]

    def __iter__(self) -> Iterator[Analysis]:
        return iter(self._analyses)

    def __len__(self) -> int:
        return len(self._analyses)

    def __bool__(self) -> bool:
        return bool(self._analyses)

    def __contains__(self, analysis: object) -> bool:
        return any(analysis is a for a in self._analyses)

    # ----- lookups by id -------------------------------------------------------------------

    def section(self, section_id: str) -> Section | None:
        entry = self._sections.get(section_id)
        return entry[1] if entry else None

    def figure(self, figure_id: str) -> Figure | None:
        entry = self._figures.get(figure_id)
        return entry[1] if entry else None

    def analysis_of(self, item_id: str) -> Analysis | None:
        """The analysis a section or figure id belongs to."""
        entry = self._sections.get(item_id) or self._figures.get(item_id)
        return entry[0] if entry else None

    def figures_in(self, section_id: str) -> list[Figure]:
        """The section's figures in text order."""
        return list(self._figures_by_section.get(section_id, ()))

    def position(self, item_id: str) -> int | None:
        """Where a section (among sections) or a figure (among figures) comes in the sources."""
        return self._order.get(item_id)

    # ----- everything, in source order -----------------------------------------------------

    def sections(self) -> Iterator[tuple[Analysis, Section]]:
        yield from self._sections.values()

    def figures(self) -> Iterator[Figure]:
        for _, figure in self._figures.values():
            yield figure

    def section_ids(self) -> list[str]:
        return list(self._sections)

    def figure_ids(self) -> list[str]:
        return list(self._figures)

    # ----- new workspaces ------------------------------------------------------------------

    def adding(self, analyses: Sequence[Analysis]) -> Workspace:
        """This workspace with the analyses of sources it does not hold yet appended."""
        known = set(self.source_keys())
        fresh = []
        for analysis in analyses:
            if analysis.source.key not in known:
                known.add(analysis.source.key)
                fresh.append(analysis)
        return Workspace([*self._analyses, *fresh]) if fresh else self

    def without_source(self, source_key: str) -> Workspace:
        """This workspace without the source whose key is ``source_key``."""
        keep = [a for a in self._analyses if a.source.key != source_key]
        return self if len(keep) == len(self._analyses) else Workspace(keep)
