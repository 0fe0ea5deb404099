"""How big a source may be, and why: the limits that keep a bad file from freezing the app.

``MAX_BYTES`` is 50 MB. The largest real sources are report PDFs with photos (tens of MB); a
text file that large already holds some 25 million characters, far beyond anything a briefing
is made from, and decoding, cleaning and analysing it would keep the app busy for minutes and
hold several copies in memory. The size is checked from the file system before reading.

A .docx is a zip archive, so its parts can expand enormously (a "zip bomb"); the members'
declared sizes are checked against ``MAX_UNPACKED_BYTES`` before python-docx reads anything.
"""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all members of a .docx together, uncompressed
MAX_ZIP_MEMBERS = 5_000  # a normal .docx has a few dozen parts
MAX_PDF_PAGES = 2_000
PDF_TIME_BUDGET_S = 60.0  # text extraction stops with an error after this long


def megabytes(size: int) -> str:
    """A size for people: ``52.4 MB``."""
    return f"{size / (1024 * 1024):.1f} MB"
