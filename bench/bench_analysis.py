"""How long loading and analysing a large source takes: the seeds repeated to 1 MB (or 10 MB).

The target is 0.25 s for 1 MB, load and ``analyze`` together (sections, sentences, figures,
metadata, acronyms, cues; no NER). A source this large is analysed in two halves at once, one
in a warm helper process (``analysis/half_worker.py``); the warm-up run starts the helper and
the bench waits for it to be ready, as the app's second large analysis finds it. The side by
side lines run ``analyze`` in halves and all in this process (``halves=False``) in turns, with
the CPU seconds of both processes (the helper's read from ``/proc``, so on Linux only) and how
many of the runs in halves the helper did answer: none or few means the machine was busy (for
30 s after the helper found no free core, large sources run in one process). Run::

    python bench/bench_analysis.py          # 1 MB
    python bench/bench_analysis.py 10       # 10 MB
    python bench/bench_analysis.py --profile 20   # and where one load + analysis spends its time
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from briefing_studio.analysis import analyze, half_worker
from briefing_studio.paths import seed_files
from briefing_studio.sources import load_source

RUNS = 5


def build_text(megabytes: float) -> str:
    """The seed texts repeated until the text holds ``megabytes`` million characters."""
    seed = "\n".join(path.read_text(encoding="utf-8").strip() for path in seed_files())
    target = int(megabytes * 1_000_000)
    return "\n".join([seed] * (target // len(seed) + 1))


def _median_seconds(work: Callable[[], object], runs: int) -> float:
    work()  # warm up: imports, compiled patterns, underthesea's abbreviation list
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(megabytes: float = 1, runs: int = RUNS) -> dict[str, float]:
    """Median seconds for loading, analysing, and both, of a ``megabytes`` MB text file."""
    label = f"{megabytes:g}mb"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bao-cao-lon.txt"
        path.write_text(build_text(megabytes), encoding="utf-8")
        source = load_source(path)
        chars = len(source.text)
        load = _median_seconds(lambda: load_source(path), runs)
        analyze(source)  # a large source starts the helper process: let it get ready
        half_worker.warm(wait=10)
        only_analysis = _median_seconds(lambda: analyze(source), runs)
        both = _median_seconds(lambda: analyze(load_source(path)), runs)
        answered = half_worker.answered()
        side_by_side = _in_turns(
            {"serial": lambda: analyze(source, halves=False), "halves": lambda: analyze(source)},
            runs,
        )
    serial, halves = side_by_side["serial"], side_by_side["halves"]
    return {
        f"analysis_{label}": both,
        f"load_{label}": load,
        f"analyze_only_{label}": only_analysis,
        f"chars_per_second_{label}": chars / both,
        f"characters_{label}": float(chars),
        f"serial_wall_{label}": serial[0],
        f"halves_wall_{label}": halves[0],
        f"serial_over_halves_{label}": serial[0] / halves[0],
        f"serial_cpu_{label}": serial[1],
        f"halves_cpu_{label}": halves[1],
        f"halves_cpu_helper_{label}": halves[2],
        f"halves_runs_helped_{label}": float(half_worker.answered() - answered),
    }


def _in_turns(works: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, ...]]:
    """Median (wall, CPU of both processes, CPU of the helper) seconds of each work, the works
    run in turns so that a busy moment of the machine falls on all of them."""
    measured: dict[str, list[tuple[float, float, float]]] = {name: [] for name in works}
    for _ in range(runs):
        for name, work in works.items():
            helper = _helper_cpu()
            cpu = time.process_time()
            start = time.perf_counter()
            work()
            wall = time.perf_counter() - start
            helper = _helper_cpu() - helper
            measured[name].append((wall, time.process_time() - cpu + helper, helper))
    return {
        name: tuple(statistics.median(column) for column in zip(*rows, strict=True))
        for name, rows in measured.items()
    }


def _helper_cpu() -> float:
    """CPU seconds the helper process has used so far (0 when there is none or no ``/proc``)."""
    pid = half_worker.pid()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def profile(megabytes: float = 1, top: int = 20) -> None:
    """Print the ``top`` functions by own time of one load and analysis (after a warm-up)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bao-cao-lon.txt"
        path.write_text(build_text(megabytes), encoding="utf-8")
        analyze(load_source(path))
        profiler = cProfile.Profile()
        profiler.runcall(lambda: analyze(load_source(path)))
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("megabytes", nargs="?", type=float, default=1, help="text size (1 or 10)")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--profile", type=int, metavar="N", help="print the top N of a profile")
    args = parser.parse_args()
    for name, value in run(args.megabytes, args.runs).items():
        print(f"{name:28} {value:,.3f}" if value < 1000 else f"{name:28} {value:,.0f}")
    if args.profile:
        profile(args.megabytes, args.profile)


if __name__ == "__main__":
    main()
