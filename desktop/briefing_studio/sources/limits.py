"""How big a source may be, and why: the limits that keep a bad file from freezing the app.

``MAX_BYTES`` is 50 MB. The largest real sources are report PDFs with photos (tens of MB). A
text or HTML file is refused from ``MAX_TEXT_BYTES`` (16 MB) on: that already holds some 12
million characters, far beyond anything a briefing is made from, and takes about 20 s to
analyse (see below). The size is checked from the file system before reading.

A .docx is a zip archive, so its parts can expand enormously (a "zip bomb"); the members'
declared sizes are checked against ``MAX_UNPACKED_BYTES`` before python-docx reads anything.
"""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024
# Text and HTML files are nearly all text, and analysis time grows with the text: measured on
# the 2-core build machine, 16 MB of Vietnamese UTF-8 (12 million characters) took 18.7 s of
# CPU and 229 MB; 50 MB took over two minutes and 1.6 GB. So those stop at 16 MB.
MAX_TEXT_BYTES = 16 * 1024 * 1024
TEXT_LIMIT_SECONDS = 20  # what the message says a file at the limit takes to analyse
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all members of a .docx together, uncompressed
MAX_ZIP_MEMBERS = 5_000  # a normal .docx has a few dozen parts
MAX_PDF_PAGES = 2_000
PDF_TIME_BUDGET_S = 60.0  # text extraction stops with an error after this long


def megabytes(size: int) -> str:
    """A size for people: ``52.4 MB``."""
    return f"{size / (1024 * 1024):.1f} MB"
