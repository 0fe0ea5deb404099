"""The office's usual alternative: a docxtpl Word template, converted to PDF by LibreOffice.

The template (``docxtpl/make_template.py``) has the same sections and figures table as our
``embassy-meeting``; its context is derived from the same ``build_context`` our templates get,
and that derivation is part of the timed work, as our template run is part of ours.

LibreOffice is timed two ways, because starting it dominates a conversion:
``cold`` runs ``soffice --headless --convert-to pdf`` per file (after one untimed conversion
has created the user profile), as a script or a desktop user does; ``warm`` sends each file to
one persistent ``soffice`` over UNO, as a conversion service does. Without LibreOffice (CI) the
LibreOffice numbers are reported as skipped.

    python bench/bench_docxtpl.py [--quick] [--json]
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from common import (
    BENCH_DIR,
    Results,
    pdf_pages,
    print_results,
    runs_for,
    seed_briefing,
    skipped,
    standard_arguments,
    time_it,
)

UNO_HELPER = BENCH_DIR / "docxtpl" / "uno_convert.py"
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "python3")
CONVERT_TIMEOUT_S = 180
LIBREOFFICE_RESULTS = (
    "libreoffice_pdf_cold",
    "docxtpl_pdf_cold",
    "libreoffice_pdf_warm",
    "docxtpl_pdf_warm",
)
_TAG = re.compile(r"<(/?)b>")
_ANY_TAG = re.compile(r"<[^>]+>")


# ----- docxtpl ------------------------------------------------------------------------------


def _rich(markup: str, bold: bool = False) -> Any:
    """Our ``<b>``-marked HTML (figures in bold) as a docxtpl ``RichText``."""
    from docxtpl import RichText

    rich = RichText()
    for index, piece in enumerate(_TAG.split(str(markup))):
        if index % 2 == 1:  # split() yields text, "" or "/", text, …
            bold = piece == ""  # "<b>" opens bold, "</b>" closes it
        elif piece:
            rich.add(html.unescape(_ANY_TAG.sub("", piece)), bold=bold)
    return rich


def _section(section: dict[str, Any]) -> Any:
    if section["kind"] == "heading":
        return _rich(html.escape(section["text"]), bold=True)
    return _rich(section["html"])


def docxtpl_context(briefing: Any, analyses: list, template: Any) -> dict[str, Any]:
    """What the docxtpl template needs, from the same variables our templates see."""
    from briefing_studio.templating import build_context
    from briefing_studio.templating.filters import place_date, upper_vi

    context = build_context(analyses, briefing, template)
    meeting, agency = context["briefing"]["meeting"], context["briefing"]["agency"]
    nation = context["counterpart"]["name"]
    when = ", ".join(x for x in (meeting["time"], meeting["date_text"]) if x)
    by_slot = context["by_slot"]
    opening = (
        f"Hoan nghênh Ngài Đại sứ đến thăm và làm việc; đánh giá cao những đóng góp của Ngài và "
        f"Đại sứ quán {nation or ''} đối với quan hệ hợp tác thời gian qua."
    )
    return {
        "agency_parent": upper_vi(agency["parent"]),
        "agency_name": upper_vi(agency["name"]),
        "place_date": place_date(context["today"], agency["place"]),
        "title": upper_vi(context["briefing"]["title"]),
        "subtitle": f"(Thời gian: {when})" if when else "",
        "nation": nation,
        **{slot.replace("-", "_"): [_section(s) for s in by_slot[slot]] for slot in by_slot},
        "talking_points": [_rich(html.escape(opening))]
        + [_section(s) for s in by_slot.get("talking-points", [])],
        "unslotted": [_section(s) for s in context["unslotted"]],
        "figures": [
            {
                "text": f["text"],
                "excerpt": _rich(f["excerpt_html"]),
                "source_label": f["source_label"],
            }
            for f in context["figures"]
        ],
        "sources": [s["title"] for s in context["sources"]],
        "glossary": context["glossary"],
    }


def render_docxtpl(
    template_path: Path, briefing: Any, analyses: list, template: Any, out: Path
) -> Path:
    """The whole docxtpl step: context, template, render, save."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template_path))
    document.render(docxtpl_context(briefing, analyses, template))
    document.save(str(out))
    return out


def make_docxtpl_template(folder: Path) -> Path:
    """The template, generated into ``folder`` (see ``docxtpl/make_template.py``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_template", BENCH_DIR / "docxtpl" / "make_template.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_template(folder / "briefing_template.docx")


# ----- LibreOffice --------------------------------------------------------------------------


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def find_uno_python() -> str | None:
    """A Python that can ``import uno`` (LibreOffice's bridge), for the warm conversions."""
    for candidate in UNO_PYTHONS:
        path = shutil.which(candidate) or (candidate if Path(candidate).exists() else None)
        if path is None:
            continue
        probe = subprocess.run([path, "-c", "import uno"], capture_output=True, check=False)
        if probe.returncode == 0:
            return path
    return None


class LibreOffice:
    """``soffice`` with its own user profile in a temporary folder."""

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice = soffice
        self.profile = (folder / "lo-profile").as_uri()
        self.folder = folder
        self._office: subprocess.Popen[str] | None = None
        self._helper: subprocess.Popen[str] | None = None

    def convert_cold(self, docx: Path, out_dir: Path) -> Path:
        """A new ``soffice`` process for one file, as ``soffice --convert-to`` always is."""
        subprocess.run(
            [
                self.soffice,
                f"-env:UserInstallation={self.profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=CONVERT_TIMEOUT_S,
        )
        target = out_dir / f"{docx.stem}.pdf"
        if not target.exists():
            raise RuntimeError(f"LibreOffice wrote no PDF for {docx}")
        return target

    def start_warm(self, uno_python: str) -> None:
        """One persistent office and a UNO helper that converts on request."""
        pipe = f"briefing-bench-{uuid.uuid4().hex[:8]}"
        self._office = subprocess.Popen(
            [
                self.soffice,
                f"-env:UserInstallation={self.profile}",
                "--headless",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._helper = subprocess.Popen(
            [uno_python, str(UNO_HELPER), pipe],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self._helper.stdout is not None
        if self._helper.stdout.readline().strip() != "ready":
            raise RuntimeError("the UNO helper could not reach LibreOffice")

    def convert_warm(self, docx: Path, target: Path) -> Path:
        helper = self._helper
        assert helper is not None and helper.stdin is not None and helper.stdout is not None
        helper.stdin.write(f"{docx}\t{target}\n")
        helper.stdin.flush()
        answer = helper.stdout.readline().strip()
        if answer != "ok":
            raise RuntimeError(f"LibreOffice conversion failed: {answer or 'no answer'}")
        return target

    def close(self) -> None:
        """Closing the helper's input shuts the office down; stragglers are terminated."""
        if self._helper is not None and self._helper.stdin is not None:
            self._helper.stdin.close()
        for process in (self._helper, self._office):
            if process is None:
                continue
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


# ----- the measurements ---------------------------------------------------------------------


def measure(briefing: Any, template: Any, analyses: list, runs: int, folder: Path) -> Results:
    """docxtpl → DOCX, and DOCX → PDF by LibreOffice cold and warm, for one briefing."""
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return {"docxtpl_docx": skipped("docxtpl is not installed (pip install '.[bench]')")}
    template_path = make_docxtpl_template(folder)
    docx = folder / "docxtpl-briefing.docx"
    rendered = time_it(
        lambda: render_docxtpl(template_path, briefing, analyses, template, docx), runs
    )
    results: Results = {"docxtpl_docx": rendered.result(bytes=docx.stat().st_size)}
    try:
        results.update(
            _measure_libreoffice(template_path, briefing, analyses, template, runs, folder)
        )
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        # A broken LibreOffice must not cost the docxtpl numbers or the caller's.
        reason = f"LibreOffice failed: {type(exc).__name__}: {exc}"
        results.update({name: skipped(reason) for name in LIBREOFFICE_RESULTS})
    return results


def _measure_libreoffice(
    template_path: Path, briefing: Any, analyses: list, template: Any, runs: int, folder: Path
) -> Results:
    soffice = find_soffice()
    if soffice is None:
        reason = "LibreOffice (soffice) not found; e.g. apt-get install libreoffice-writer-nogui"
        return {name: skipped(reason) for name in LIBREOFFICE_RESULTS}
    office = LibreOffice(soffice, folder)
    docx = render_docxtpl(
        template_path, briefing, analyses, template, folder / "docxtpl-briefing.docx"
    )
    out = folder / "lo-out"
    out.mkdir(exist_ok=True)
    first = time.perf_counter()
    pdf = office.convert_cold(docx, out)  # creates the profile: the very first start
    first_start_s = time.perf_counter() - first
    cold_runs = max(3, runs // 2)  # each is a whole office start
    cold = time_it(lambda: office.convert_cold(docx, out), cold_runs)
    cold_pipeline = time_it(
        lambda: office.convert_cold(
            render_docxtpl(template_path, briefing, analyses, template, docx), out
        ),
        cold_runs,
        warmup=0,
    )
    pages = pdf_pages(pdf.read_bytes())
    results: Results = {
        "libreoffice_pdf_cold": cold.result(first_start_s=first_start_s, pages=pages),
        "docxtpl_pdf_cold": cold_pipeline.result(),
    }
    results.update(_measure_warm(office, template_path, briefing, analyses, template, runs, docx))
    return results


def _measure_warm(
    office: LibreOffice,
    template_path: Path,
    briefing: Any,
    analyses: list,
    template: Any,
    runs: int,
    docx: Path,
) -> Results:
    uno_python = find_uno_python()
    if uno_python is None:
        reason = "no Python with LibreOffice's uno module (apt-get install python3-uno)"
        return {name: skipped(reason) for name in ("libreoffice_pdf_warm", "docxtpl_pdf_warm")}
    target = docx.with_name("warm.pdf")
    try:
        office.start_warm(uno_python)
        warm = time_it(lambda: office.convert_warm(docx, target), runs)
        warm_pipeline = time_it(
            lambda: office.convert_warm(
                render_docxtpl(template_path, briefing, analyses, template, docx), target
            ),
            runs,
        )
    finally:
        office.close()
    return {
        "libreoffice_pdf_warm": warm.result(pages=pdf_pages(target.read_bytes())),
        "docxtpl_pdf_warm": warm_pipeline.result(),
    }


def run(quick: bool = False) -> Results:
    """The alternative alone, on the seed briefing with every section chosen."""
    briefing, template, analyses = seed_briefing("all")
    with tempfile.TemporaryDirectory(prefix="bench-docxtpl-") as folder:
        return measure(briefing, template, analyses, runs_for(quick), Path(folder))


if __name__ == "__main__":
    arguments = standard_arguments(__doc__.splitlines()[0])
    print_results(run(arguments.quick), arguments.json)
