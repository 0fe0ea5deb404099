"""OCR time per page: a scanned PDF of full A4 pages of the seed text, read by Tesseract (vie).

The pages are rendered like the tests' scans (tests/scans.py: 12-point Liberation Serif at
300 dpi) and filled with the seed paragraphs, about 2,500 characters a page, as a typed
official letter holds. Each run starts with an empty OCR cache, so every page is read.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from common import Results, print_results, runs_for, seed_texts, skipped, time_it

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

PAGES = 2
CHARACTERS_PER_PAGE = 2_500


def _pages() -> list[list[str]]:
    paragraphs = [line for text in seed_texts() for line in text.splitlines() if line.strip()]
    pages: list[list[str]] = []
    for _ in range(PAGES):
        page: list[str] = []
        while sum(map(len, page)) < CHARACTERS_PER_PAGE and paragraphs:
            page.append(paragraphs.pop(0))
        pages.append(page)
    return pages


def run(quick: bool = False) -> Results:
    from briefing_studio.errors import BriefingError
    from briefing_studio.sources import load_source
    from briefing_studio.sources.ocr import check_tesseract
    from scans import scanned_pdf

    try:
        check_tesseract()
    except BriefingError as exc:
        return {"ocr_page": skipped(exc.message_en)}
    pages = _pages()
    with tempfile.TemporaryDirectory() as folder:
        scan = scanned_pdf(Path(folder) / "scan.pdf", pages)
        runs = 0

        def read() -> None:
            nonlocal runs
            runs += 1
            os.environ["BRIEFING_STUDIO_HOME"] = str(Path(folder) / f"home{runs}")  # no cache
            load_source(scan)

        previous = os.environ.get("BRIEFING_STUDIO_HOME")
        try:
            timing = time_it(read, runs_for(quick, full=3), warmup=0)
        finally:
            if previous is None:
                os.environ.pop("BRIEFING_STUDIO_HOME", None)
            else:
                os.environ["BRIEFING_STUDIO_HOME"] = previous
    per_page = timing.median_s / PAGES
    return {
        "ocr_page": {
            "median_s": per_page,
            "runs": timing.runs,
            "pages": PAGES,
            "characters": sum(len(p) for page in pages for p in page) // PAGES,
        }
    }


if __name__ == "__main__":
    print_results(run("--quick" in sys.argv), "--json" in sys.argv)
