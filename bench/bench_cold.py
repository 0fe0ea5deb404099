"""Cold ``briefing render`` of the seeds to DOCX and PDF, against docxtpl + LibreOffice, cold.

Both sides are whole new processes, started the way a user or a script starts them, and timed
in turn (ours, theirs, ours, …) so that a machine busy with other work slows both alike:

- ours: ``python -m briefing_studio render SEEDS --select all --format docx,pdf`` (reads and
  analyses the seeds, renders the template, writes both files);
- theirs: a new Python that loads a ready context (prepared once, untimed: the analysis is
  not charged to them), renders the docxtpl template and saves the DOCX, then
  ``soffice --headless --convert-to pdf`` of that DOCX (its user profile made once, untimed).

Both start from compiled bytecode, as an installed app (a wheel, the PyInstaller bundle) and
an installed docxtpl do: the children's ``PYTHONPYCACHEPREFIX`` is a folder of this run's, our
package is compiled into it with ``compileall`` before timing (as pip does on install), and
``PYTHONDONTWRITEBYTECODE`` is dropped so the untimed warm-up runs compile the rest. Without
this, a checkout run with ``PYTHONDONTWRITEBYTECODE=1`` compiles every module of ours from
source on each run, which no user's machine does.

All runs of ours share one ``BRIEFING_STUDIO_HOME``, as a user's machine keeps its cache folder:
from the warm-up on, the seeds' analyses, the compiled template and reportlab's parse of the
fonts are read from it (``analysis/cache.py``, ``templating/bytecode_cache.py``,
``render/font_cache.py``), as in a user's second render of the same files.
``cold_render_ours_new_files`` is the first render instead (an empty user folder each run,
bytecode still compiled): the analysis, the template compilation and the font parsing included.

``cpu_s`` is each side's user+system time, children included, which the clock of a machine
shared with other work does not inflate. The ratio is their median over ours.

    python bench/bench_cold.py [--quick] [--json]
"""

from __future__ import annotations

import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import Result, Results, print_results, runs_for, seed_briefing, skipped

RUNS = 5
# The docxtpl side's Python: load the context, render, save (what a user's script does).
_DOCXTPL_SCRIPT = """
import pickle, sys
from docxtpl import DocxTemplate
with open(sys.argv[1], "rb") as f:
    context = pickle.load(f)
document = DocxTemplate(sys.argv[2])
document.render(context)
document.save(sys.argv[3])
"""


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=300)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _bytecode_env(folder: Path) -> dict[str, str]:
    """The children's environment: bytecode kept in ``folder``, as an installed app has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def _precompile(env: dict[str, str]) -> None:
    """Compile our package into the children's bytecode folder (pip does so on install)."""
    import briefing_studio

    package = Path(briefing_studio.__file__).resolve().parent
    command = [sys.executable, "-m", "compileall", "-q", str(package)]
    subprocess.run(command, check=True, capture_output=True, env=env)


def _result(samples: list[tuple[float, float]], **extra: Any) -> Result:
    return {
        "median_s": statistics.median(s[0] for s in samples),
        "runs": len(samples),
        "cpu_s": statistics.median(s[1] for s in samples),
        **extra,
    }


def run(quick: bool = False) -> Results:
    import bench_docxtpl
    from briefing_studio.paths import seed_files

    soffice = bench_docxtpl.find_soffice()
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return {"cold_render_ours": skipped("docxtpl is not installed (pip install '.[bench]')")}
    runs = runs_for(quick, full=RUNS)
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as name:
        folder = Path(name)
        env = _bytecode_env(folder)
        env["BRIEFING_STUDIO_HOME"] = str(folder / "home")
        _precompile(env)
        ours = [sys.executable, "-m", "briefing_studio", "render", *map(str, seed_files())]
        ours += ["--select", "all", "--format", "docx,pdf", "--out", str(folder / "ours")]
        ours += ["--agency", "SỞ NGOẠI VỤ", "--agency-parent", "UBND TỈNH BẮC GIANG"]
        fresh_homes = iter(range(1_000_000))

        def ours_new_files() -> tuple[float, float]:
            home = folder / f"home-new-{next(fresh_homes)}"
            return _timed(ours, {**env, "BRIEFING_STUDIO_HOME": str(home)})

        steps: list[Callable[[], tuple[float, float]]] = [
            lambda: _timed(ours, env),
            ours_new_files,
        ]
        theirs: list[tuple[float, float]] = []
        if soffice is not None:
            briefing, template, analyses = seed_briefing("all")
            template_path = bench_docxtpl.make_docxtpl_template(folder)
            context = folder / "context.pickle"
            context.write_bytes(
                pickle.dumps(bench_docxtpl.docxtpl_context(briefing, analyses, template))
            )
            script = folder / "render_docxtpl.py"
            script.write_text(_DOCXTPL_SCRIPT, encoding="utf-8")
            docx = folder / "theirs.docx"
            render = [sys.executable, str(script), str(context), str(template_path), str(docx)]
            office = bench_docxtpl.LibreOffice(soffice, folder)
            (folder / "lo-out").mkdir()
            subprocess.run(render, check=True, capture_output=True, env=env)
            office.convert_cold(docx, folder / "lo-out")  # makes the profile, untimed

            def alternative() -> tuple[float, float]:
                wall, cpu = _timed(render, env)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                office.convert_cold(docx, folder / "lo-out")
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu += after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                return wall + time.perf_counter() - started, cpu

            steps.append(alternative)
        for step in steps:
            step()  # warm the disk cache for both, untimed
        samples: list[list[tuple[float, float]]] = [[] for _ in steps]
        for _ in range(runs):
            for step, store in zip(steps, samples, strict=True):
                store.append(step())
        results: Results = {
            "cold_render_ours": _result(
                samples[0], formats="docx,pdf", bytecode="precompiled", user_cache="kept"
            ),
            "cold_render_ours_new_files": _result(
                samples[1], formats="docx,pdf", bytecode="precompiled", user_cache="empty"
            ),
        }
        if soffice is None:
            results["cold_render_docxtpl_libreoffice"] = skipped(
                "LibreOffice (soffice) not found; e.g. apt-get install libreoffice-writer-nogui"
            )
            return results
        theirs = samples[2]
        results["cold_render_docxtpl_libreoffice"] = _result(theirs, bytecode="precompiled")
        results["ratio_cold_render"] = {
            "median_s": None,
            "runs": 0,
            "ratio": results["cold_render_docxtpl_libreoffice"]["median_s"]
            / results["cold_render_ours"]["median_s"],
            "vs": "cold_render_docxtpl_libreoffice / cold_render_ours",
            "cpu_ratio": results["cold_render_docxtpl_libreoffice"]["cpu_s"]
            / results["cold_render_ours"]["cpu_s"],
        }
        return results


if __name__ == "__main__":
    from common import standard_arguments

    arguments = standard_arguments(__doc__.splitlines()[0])
    print_results(run(arguments.quick), arguments.json)
