"""Rendering the seed briefing with Briefing Studio, side by side with docxtpl + LibreOffice.

Both start from the same analysed seeds (every section and figure chosen, template
``embassy-meeting``) and end with a file on disk. Ours: template → ``Document`` → DOCX or PDF
(``make_document`` + ``render.write``). The alternative: the same context into a docxtpl Word
template, then LibreOffice for the PDF (see ``bench_docxtpl.py``). The ratios are the
alternative's median over ours: above 1 means we are faster.

    python bench/bench_render.py [--quick] [--json]
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from common import (
    Results,
    pdf_pages,
    print_results,
    runs_for,
    seed_briefing,
    standard_arguments,
    time_it,
)

SELECT = "all"


def measure_ours(briefing: Any, template: Any, analyses: list, runs: int, folder: Path) -> Results:
    """Our DOCX and PDF, each from the analyses to the written file."""
    from briefing_studio.render import write
    from briefing_studio.templating import make_document

    results: Results = {}
    for fmt in ("docx", "pdf"):
        target = folder / f"briefing.{fmt}"

        def work(fmt: str = fmt, target: Path = target) -> None:
            write(make_document(analyses, briefing, template), fmt, target)

        timing = time_it(work, runs)
        extra: dict[str, Any] = {"bytes": target.stat().st_size}
        if fmt == "pdf":
            extra["pages"] = pdf_pages(target.read_bytes())
        results[f"ours_{fmt}"] = timing.result(**extra)
    build = time_it(lambda: make_document(analyses, briefing, template), runs)
    results["ours_document_only"] = build.result(note="template + markup → Document")
    return results


def measure_export(runs: int, folder: Path) -> Results:
    """The app's export of the briefing it opens on (the seeds, suggested selection) to DOCX
    and PDF together, warm: as a second export from a running app."""
    from briefing_studio.export import export_briefing

    briefing, template, analyses = seed_briefing("suggested")
    out = folder / "export"

    def work() -> None:
        export_briefing(analyses, briefing, template, ["docx", "pdf"], out, "ban-tin")

    timing = time_it(work, runs)
    pdf = (out / "ban-tin.pdf").read_bytes()
    return {"ours_export_warm": timing.result(select="suggested", pages=pdf_pages(pdf))}


def ratios(results: Results) -> Results:
    """The alternative's time over ours, for each pair that both ran."""
    pairs = {
        "ratio_docx": ("docxtpl_docx", "ours_docx"),
        "ratio_pdf_cold": ("docxtpl_pdf_cold", "ours_pdf"),
        "ratio_pdf_warm": ("docxtpl_pdf_warm", "ours_pdf"),
    }
    found: Results = {}
    for name, (theirs, ours) in pairs.items():
        their_time = results.get(theirs, {}).get("median_s")
        our_time = results.get(ours, {}).get("median_s")
        if their_time and our_time:
            found[name] = {
                "median_s": None,
                "runs": 0,
                "ratio": their_time / our_time,
                "vs": f"{theirs} / {ours}",
            }
            their_cpu, our_cpu = results[theirs].get("cpu_s"), results[ours].get("cpu_s")
            if their_cpu and our_cpu and name == "ratio_docx":  # LibreOffice's are not ours
                found[name]["cpu_ratio"] = their_cpu / our_cpu
    return found


def run(quick: bool = False) -> Results:
    """Ours and the alternative on the same briefing, in one run, with the ratios."""
    import bench_docxtpl

    runs = runs_for(quick)
    briefing, template, analyses = seed_briefing(SELECT)
    with tempfile.TemporaryDirectory(prefix="bench-render-") as name:
        folder = Path(name)
        results = measure_ours(briefing, template, analyses, runs, folder)
        results.update(measure_export(runs, folder))
        results.update(bench_docxtpl.measure(briefing, template, analyses, runs, folder))
    results["ours_docx"].update(sections=len(briefing.sections), figures=len(briefing.figures))
    results.update(ratios(results))
    return results


if __name__ == "__main__":
    arguments = standard_arguments(__doc__.splitlines()[0])
    print_results(run(arguments.quick), arguments.json)
