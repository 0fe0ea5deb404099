"""What every benchmark shares: the seed briefing, timing by median, results and their table.

A benchmark module exposes ``run(quick: bool = False) -> dict`` returning
``{name: {"median_s": float | None, "runs": int, ...extra}}``; an entry with ``"skipped"``
holds the reason instead of a time. ``bench/run.py`` prints them as one table.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:  # ``python bench/x.py`` and ``import bench_x`` both work
    sys.path.insert(0, str(BENCH_DIR))

TEMPLATE_ID = "embassy-meeting"
RUNS = 7
QUICK_RUNS = 3

Result = dict[str, Any]
Results = dict[str, Result]


def runs_for(quick: bool, full: int = RUNS) -> int:
    """How many timed runs: fewer with ``--quick``."""
    return QUICK_RUNS if quick else full


@dataclass(frozen=True)
class Timing:
    """The median of several timed runs (after warm-up), and all of them; ``cpu_s`` is the
    median CPU time of a run (this process and the child processes it waited for, not a server
    it talks to), which other work on a shared machine does not inflate as the wall clock."""

    median_s: float
    times: tuple[float, ...]
    cpu_s: float | None = None

    @property
    def runs(self) -> int:
        return len(self.times)

    def result(self, **extra: Any) -> Result:
        cpu = {} if self.cpu_s is None else {"cpu_s": self.cpu_s}
        return {"median_s": self.median_s, "runs": self.runs, **cpu, **extra}


def time_it(work: Callable[[], object], runs: int, warmup: int = 1) -> Timing:
    """Median wall time of ``work`` over ``runs`` runs, after ``warmup`` untimed runs.

    The warm-up pays for imports, compiled patterns and font loading once, as a running app has.
    """
    for _ in range(warmup):
        work()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        work()
        times.append(time.perf_counter() - start)
        cpu.append(_cpu_seconds() - start_cpu)
    return Timing(statistics.median(times), tuple(times), statistics.median(cpu))


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    try:
        import resource
    except ImportError:  # Windows: this process only
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def skipped(reason: str) -> Result:
    """A benchmark that could not run here, and why (printed instead of a time)."""
    return {"median_s": None, "runs": 0, "skipped": reason}


def seed_texts() -> list[str]:
    """The two bundled sample texts."""
    from briefing_studio.paths import seed_files

    return [path.read_text(encoding="utf-8") for path in seed_files()]


def seed_sources(copies: int = 1) -> list:
    """The seeds as sources, ``copies`` times; each copy is marked so its ids are distinct."""
    from briefing_studio.paths import seed_files
    from briefing_studio.sources import source_from_text

    sources = []
    for copy in range(copies):
        for path, text in zip(seed_files(), seed_texts(), strict=True):
            marked = text if copy == 0 else f"{text.rstrip()}\n(Bản sao {copy + 1})"
            sources.append(source_from_text(marked, name=f"{path.stem}-{copy + 1}.txt"))
    return sources


def seed_briefing(select: str = "all", copies: int = 1) -> tuple[Any, Any, list]:
    """(briefing, embassy-meeting template, analyses) of the seeds with ``select``."""
    from briefing_studio.selection import new_briefing
    from briefing_studio.templating import TemplateLibrary
    from briefing_studio.workspace import Workspace

    analyses = Workspace.analyze(seed_sources(copies))
    briefing = new_briefing(analyses, select)  # type: ignore[arg-type]
    return briefing, TemplateLibrary(None).get(TEMPLATE_ID), analyses


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF, read back with pypdf."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


# ----- the table ----------------------------------------------------------------------------

_CORE = ("median_s", "runs")


def _extra_text(result: Result) -> str:
    if "skipped" in result:
        return f"skipped: {result['skipped']}"
    parts = []
    for key, value in result.items():
        if key in _CORE or key == "times":
            continue
        if isinstance(value, float):
            text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
        else:
            text = str(value)
        parts.append(f"{key}={text}")
    return ", ".join(parts)


def format_table(results: Results) -> str:
    """One line per benchmark: name, median seconds, runs, and its extra numbers."""
    width = max([len(name) for name in results] + [9])
    lines = [f"{'benchmark':<{width}}  {'median s':>9}  {'runs':>4}  extra", "-" * (width + 60)]
    for name, result in results.items():
        median = result.get("median_s")
        shown = f"{median:9.4f}" if isinstance(median, int | float) else f"{'—':>9}"
        runs = result.get("runs")
        runs_text = "?" if runs is None else str(runs)
        lines.append(f"{name:<{width}}  {shown}  {runs_text:>4}  {_extra_text(result)}")
    return "\n".join(lines)


def print_results(results: Results, as_json: bool = False, stream: Any = None) -> None:
    """Print ``results`` as the table, or as JSON for tools."""
    import json

    stream = stream or sys.stdout
    if as_json:
        json.dump(results, stream, indent=1, ensure_ascii=False)
        stream.write("\n")
    else:
        stream.write(format_table(results) + "\n")


def standard_arguments(description: str, argv: Sequence[str] | None = None) -> Any:
    """``--quick`` and ``--json``, the options every benchmark script takes."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser.parse_args(argv)
