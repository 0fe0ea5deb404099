"""Run every benchmark and print one table (or JSON): ``python bench/run.py [--quick] [--json]``.

The table starts with one row per speed target (``targets.py``): measured, target, verdict.

Benchmarks are modules in this folder with ``run() -> dict``. Ours return
``{name: {"median_s", "runs", ...}}``; older ones that return flat ``{name: seconds}`` (such as
``bench_analysis``) are converted. A module that cannot be imported (the UI benchmark on a
machine without Qt) is listed as skipped with the reason, and the others still run.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from common import Results, print_results, runs_for, skipped, standard_arguments
from targets import verdicts

# In this order: the side-by-side comparison first, the slow scale cases last.
MODULES = (
    "bench_cold",
    "bench_render",
    "bench_analysis",
    "bench_ui",
    "bench_ocr",
    "bench_library",
    "bench_scale",
)
# Flat results whose name says they are not a time: they become extras of the first timing.
_NOT_SECONDS = (
    "per_second",
    "characters",
    "pages",
    "bytes",
    "_rss",
    "ratio",
    "samples",
    "sections",
)


def _call_run(run: Callable[..., Any], quick: bool) -> tuple[Any, int | None]:
    """``run(quick=…)`` when the module takes it, ``run(runs=…)`` (bench_analysis), else
    ``run()``; returns the results and the number of runs when we chose it."""
    parameters = inspect.signature(run).parameters
    if "quick" in parameters:
        return run(quick=quick), None
    if "runs" in parameters:
        runs = runs_for(quick, full=5)
        return run(runs=runs), runs
    return run(), None


def normalise(module: str, raw: dict[str, Any], runs: int | None) -> Results:
    """Flat ``{name: number}`` results become entries named ``<module>/<name>``; counts, rates
    and lists join the first timing as extras. Results already in our shape pass through."""
    results: Results = {}
    extras: dict[str, Any] = {}
    prefix = module.removeprefix("bench_") + "/"
    for name, value in raw.items():
        if isinstance(value, dict):
            results[name] = value
        elif not isinstance(value, int | float) or any(m in name.lower() for m in _NOT_SECONDS):
            extras[name] = value
        else:
            results[prefix + name] = {"median_s": float(value), "runs": runs}
    if extras:
        holder = next(iter(results.values()), None)
        if holder is None:
            results[module] = {"median_s": None, "runs": runs, **extras}
        else:
            holder.update(extras)
    return results


def run_module(module: str, quick: bool) -> Results:
    """One benchmark module's results, or a skipped entry saying why it did not run."""
    try:
        loaded = importlib.import_module(module)
    except ImportError as exc:
        return {module: skipped(f"cannot import {module}: {exc}")}
    run = getattr(loaded, "run", None)
    if run is None:
        return {module: skipped(f"{module} has no run()")}
    started = time.perf_counter()
    try:
        raw, runs = _call_run(run, quick)
    except Exception as exc:  # one broken benchmark must not hide the others' numbers
        traceback.print_exc(file=sys.stderr)
        return {module: skipped(f"failed: {type(exc).__name__}: {exc}")}
    print(f"[{module}: {time.perf_counter() - started:.1f} s]", file=sys.stderr, flush=True)
    return normalise(module, raw, runs)


def main(argv: list[str] | None = None) -> int:
    arguments = standard_arguments(__doc__.splitlines()[0], argv)
    results: Results = {}
    for module in MODULES:
        results.update(run_module(module, arguments.quick))
    print_results({**verdicts(results), **results}, arguments.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
