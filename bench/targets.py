"""The speed targets (issues 12 and 17), checked against one run's results.

Each target names the result it reads, the number in it (``median_s`` or an extra such as
``ratio``), the bound and its direction. ``bench/run.py`` puts one row per target at the top
of its table: measured, target, PASS or FAIL (or "missing" when that benchmark did not run).
"""

from __future__ import annotations

from dataclasses import dataclass

from common import Result, Results


@dataclass(frozen=True)
class Target:
    name: str
    result: str  # the benchmark entry it reads
    field: str  # "median_s", "ratio", …
    bound: float
    at_least: bool  # True: measured ≥ bound passes; False: measured ≤ bound passes
    unit: str  # "×" for ratios, "s" for seconds
    note: str = ""


TARGETS: tuple[Target, ...] = (
    Target(
        "cold render docx+pdf vs docxtpl+LibreOffice",
        "ratio_cold_render",
        "ratio",
        2.5,
        True,
        "×",
        "whole processes, the seeds, every section",
    ),
    Target(
        "DOCX writer vs docxtpl render",
        "ratio_docx",
        "ratio",
        1.0,
        True,
        "×",
        "in-process, template to file",
    ),
    Target("warm export DOCX + PDF", "ours_export_warm", "median_s", 0.100, False, "s"),
    Target(
        "tick → refreshed preview",
        "ui/tick_to_preview_s",
        "median_s",
        0.250,
        False,
        "s",
        "debounce included",
    ),
    Target("50-page PDF", "scale_render_50p_pdf", "median_s", 0.5, False, "s"),
    Target("analysis of 1 MB", "analysis/analysis_1mb", "median_s", 0.25, False, "s"),
    Target("OCR, one page", "ocr_page", "median_s", float("inf"), False, "s"),
)


def _shown(value: float, unit: str) -> str:
    return f"{value:.2f}×" if unit == "×" else f"{value:.3f} s"


def check(target: Target, results: Results) -> Result:
    """One row: what was measured against the target, and the verdict."""
    found = results.get(target.result, {})
    measured = found.get(target.field)
    row: Result = {"median_s": None, "runs": found.get("runs", 0)}
    if target.bound == float("inf"):
        wanted = "reported"
    else:
        wanted = ("≥ " if target.at_least else "≤ ") + _shown(target.bound, target.unit)
    if not isinstance(measured, int | float):
        reason = found.get("skipped", "not run")
        return {**row, "measured": "—", "target": wanted, "verdict": f"missing ({reason})"}
    if target.field == "median_s":
        row["median_s"] = measured
    passed = measured >= target.bound if target.at_least else measured <= target.bound
    verdict = "PASS" if passed else "FAIL"
    if target.bound == float("inf"):
        verdict = "reported"
    row.update(measured=_shown(measured, target.unit), target=wanted, verdict=verdict)
    # The verdict reads the wall clock; on a busy machine the CPU figure shows the work alone.
    cpu = found.get("cpu_ratio" if target.field == "ratio" else "cpu_s")
    if isinstance(cpu, int | float):
        row["cpu"] = _shown(cpu, target.unit)
    if target.note:
        row["note"] = target.note
    return row


def verdicts(results: Results) -> Results:
    """A row per target, named ``target: …``, in the order of ``TARGETS``."""
    return {f"target: {t.name}": check(t, results) for t in TARGETS}
