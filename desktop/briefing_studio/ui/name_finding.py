"""Finding names (people, organisations, places) in the background, one source after another.

NER is the slowest step of the app, so it never blocks: each opened source joins a queue, one op
at a time finds its names and hands them to the state; a cancel empties the queue, a failure
moves on to the next source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer

from briefing_studio.analysis.model import Analysis
from briefing_studio.ui import ops
from briefing_studio.ui.i18n import Translated
from briefing_studio.ui.state import BriefingState

EntityFinder = Callable[..., list]


# From this many sentences the NER cache lacks, they are tagged in a child process (about 1–2 s of
# tagging; starting the child costs ~0.5 s of the other core). Fewer are tagged in the op's thread.
APART_FROM_SENTENCES = 40


def default_entity_finder(
    analysis: Analysis,
    *,
    use_ner: bool = True,
    progress: Any = None,
    cancelled: Any = None,
) -> list:
    """Names in ``analysis``. Tagging with NER is the slow part (a 1 MB report takes minutes): in
    a thread, it held the interpreter lock against the window, which stuttered for as long. So
    the sentences not yet tagged are tagged in a child process first (``apart.run_apart``), into
    the NER cache; the rest runs here on cached tags."""
    from briefing_studio.analysis import entities

    if use_ner:
        todo = entities.untagged_sentences(analysis)
        if len(todo) >= APART_FROM_SENTENCES:
            from briefing_studio.analysis.ner_cache import NerCache
            from briefing_studio.apart import run_apart

            run_apart(entities.tag_into_cache, todo, progress=progress, cancelled=cancelled)
            NerCache.default().refresh()
    return entities.extract_entities(
        analysis, use_ner=use_ner, progress=progress, cancelled=cancelled
    )


class NameFinding(Translated):
    """The queue of sources waiting for names; ``show_status`` tells the user where it is."""

    def __init__(
        self,
        state: BriefingState,
        runner: ops.Runner,
        show_status: Callable[[str], None],
        finder: EntityFinder | None = None,
    ) -> None:
        self.state = state
        self.runner = runner
        self.show_status = show_status
        self.finder: EntityFinder = finder or default_entity_finder
        self.queue: list[Analysis] = []
        self.op: ops.Op | None = None  # the op finding names now, if any

    def start(self, analyses: Sequence[Analysis]) -> None:
        """Find names in ``analyses`` (those still without) after the ones already queued."""
        self.queue.extend(a for a in analyses if a.entities is None)
        self._next()

    def find_again(self) -> None:
        """Tools → Find names again: every open source still without names."""
        self.start(list(self.state.analyses))

    def stop(self) -> None:
        """Queue nothing more (the op running is the runner's to stop)."""
        self.queue.clear()

    def _next(self) -> None:
        if self.op is not None:
            return
        while self.queue and self.queue[0] not in self.state.analyses:
            self.queue.pop(0)
        if not self.queue:
            return
        analysis = self.queue.pop(0)
        finder = self.finder
        name = analysis.metadata.title or analysis.source.name
        self.show_status(self.tr("Finding names in “{0}”…").format(name))

        def task(ctx: ops.TaskContext) -> list:
            return finder(analysis, use_ner=True, progress=ctx.progress, cancelled=ctx.cancelled)

        def done(entities: list) -> None:
            self.op = None
            self.state.set_entities(analysis, entities)
            self._next()

        def cancelled() -> None:
            self.op = None
            self.queue.clear()
            self.show_status(
                self.tr("Finding names was cancelled. Tools → Find names again restarts it.")
            )

        def failed(_exc: BaseException, _details: str) -> bool:
            self.op = None
            self.show_status(self.tr("Names could not be found."))
            QTimer.singleShot(0, self._next)
            return False

        self.op = self.runner.run(
            task, done, self.tr("Finding names"), on_cancelled=cancelled, on_failure=failed
        )
