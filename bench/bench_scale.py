"""Scale: analysing 1 MB and 10 MB of Vietnamese text, rendering a ~50-page briefing, and
``briefing render`` of a source holding a 200 000-character unbroken token (a pasted image).

Each case runs in its own child process, so its peak memory is its own: ``peak_rss_mb`` is the
child's peak resident memory at the end (interpreter, libraries and data included),
``base_rss_mb`` the same just before the timed work, and ``traced_peak_mb`` the ``tracemalloc``
peak of one extra run of the work alone (Python allocations, measured apart because tracing
slows the work). On Linux the peak is ``VmHWM`` from ``/proc/self/status``: ``ru_maxrss``
survives ``exec`` there, so a child would report its parent's peak.

    python bench/bench_scale.py [--quick] [--json]
    python bench/bench_scale.py --case analysis_10mb --runs 3   # one case, in this process
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from common import (
    Result,
    Results,
    pdf_pages,
    print_results,
    runs_for,
    seed_briefing,
    seed_texts,
    skipped,
    time_it,
)

# Both seeds, every section, about 6.5 pages a copy with embassy-meeting: 8 copies ≥ 50 pages.
BIG_BRIEFING_COPIES = 8
CASES = (
    "analysis_1mb",
    "analysis_10mb",
    "render_50p_docx",
    "render_50p_pdf",
    "cli_render_token_200k_pdf",
)
TOKEN_CHARS = 200_000
CHILD_TIMEOUT_S = 1800


def rss_mb() -> float:
    """This process's peak resident memory so far, in MiB."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS, KiB elsewhere
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def traced_peak_mb(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def big_text(megabytes: float) -> str:
    """The seeds repeated to ``megabytes`` million characters, paragraphs intact."""
    seed = "\n".join(text.strip() for text in seed_texts())
    target = int(megabytes * 1_000_000)
    return "\n".join([seed] * (target // len(seed) + 1))[:target]


def _analysis_case(megabytes: float, runs: int) -> Result:
    from briefing_studio.analysis import analyze, half_worker
    from briefing_studio.sources import load_source

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        path = Path(folder) / f"bao-cao-{megabytes:g}mb.txt"
        path.write_text(big_text(megabytes), encoding="utf-8")
        source = load_source(path)
        chars = len(source.text)
        base = rss_mb()
        analyze(source)  # starts the helper process for the second half: as in the app, the
        half_worker.warm(wait=10)  # sources after the first large one find it ready
        timing = time_it(lambda: analyze(load_source(path)), runs)
        analysis = analyze(source)
        peak = rss_mb()
        traced = traced_peak_mb(lambda: analyze(load_source(path)))
    return timing.result(
        chars=chars,
        chars_per_s=chars / timing.median_s,
        sections=len(analysis.sections),
        figures=len(analysis.figures),
        base_rss_mb=base,
        peak_rss_mb=peak,
        traced_peak_mb=traced,
    )


def _render_case(fmt: str, runs: int) -> Result:
    from briefing_studio.render import docx_bytes, pdf_bytes
    from briefing_studio.templating import make_document

    briefing, template, analyses = seed_briefing("all", copies=BIG_BRIEFING_COPIES)
    writer = docx_bytes if fmt == "docx" else pdf_bytes
    base = rss_mb()
    out: dict[str, bytes] = {}

    def work() -> None:
        out["data"] = writer(make_document(analyses, briefing, template))

    timing = time_it(work, runs)
    peak = rss_mb()
    traced = traced_peak_mb(work)
    # A .docx has no pages until a word processor lays it out: count the same Document's PDF.
    pdf = out["data"] if fmt == "pdf" else pdf_bytes(make_document(analyses, briefing, template))
    return timing.result(
        pdf_pages=pdf_pages(pdf),
        sections=len(briefing.sections),
        figures=len(briefing.figures),
        bytes=len(out["data"]),
        base_rss_mb=base,
        peak_rss_mb=peak,
        traced_peak_mb=traced,
    )


def _long_token_case(runs: int) -> Result:
    """The whole ``briefing render … --format pdf`` command (a new process each run) on a
    source whose one paragraph is a 200 000-character base64-like token: it must take seconds
    (it once grew with the square of the token). ``cpu_s`` is the child's user+system time,
    which a machine shared with other work does not inflate as it does the wall clock."""
    import random
    import string

    token = "".join(random.Random(13).choices(string.ascii_letters + "+/", k=TOKEN_CHARS))
    with tempfile.TemporaryDirectory(prefix="bench-token-") as name:
        folder = Path(name)
        source = folder / "anh-dan.txt"
        source.write_text(
            f"Hợp tác\n\nKim ngạch đạt 12,4 tỷ USD.\n\nẢnh đính kèm: {token}\n", encoding="utf-8"
        )
        command = [sys.executable, "-m", "briefing_studio", "render", str(source)]
        command += ["--select", "all", "--format", "pdf", "--out", str(folder / "out")]
        environment = {**os.environ, "BRIEFING_STUDIO_HOME": str(folder / "home")}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)

        def work() -> None:
            subprocess.run(command, check=True, capture_output=True, env=environment)

        timing = time_it(work, runs, warmup=0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / runs
        [pdf] = (folder / "out").glob("*.pdf")
        return timing.result(cpu_s=cpu, pages=pdf_pages(pdf.read_bytes()), chars=TOKEN_CHARS)


def run_case(case: str, runs: int) -> Result:
    """One case in this process."""
    if case == "cli_render_token_200k_pdf":
        return _long_token_case(runs)
    if case == "analysis_1mb":
        return _analysis_case(1, runs)
    if case == "analysis_10mb":
        return _analysis_case(10, runs)
    if case.startswith("render_50p_"):
        return _render_case(case.removeprefix("render_50p_"), runs)
    raise ValueError(f"unknown case {case!r}; choose from {', '.join(CASES)}")


def run_case_in_child(case: str, runs: int) -> Result:
    """One case in a fresh interpreter, so memory peaks do not carry over between cases."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--case", case, "--runs", str(runs)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        return skipped(f"failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def run(quick: bool = False) -> Results:
    """Every case, each in its own child process."""
    runs = runs_for(quick, full=5)
    results: Results = {}
    for case in CASES:
        case_runs = 1 if quick and case == "analysis_10mb" else runs
        results[f"scale_{case}"] = run_case_in_child(case, case_runs)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--case", choices=CASES, help="run one case here and print its JSON")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if args.case:
        json.dump(run_case(args.case, args.runs), sys.stdout)
        print()
        return
    print_results(run(args.quick), args.json)


if __name__ == "__main__":
    main()
