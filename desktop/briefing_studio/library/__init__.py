"""The office's source library: every source ever loaded, searchable by text, figure and
counterpart, on SQLite (one machine) or PostgreSQL (a whole office).

``open_library()`` opens the configured library; ``Library.add`` stores an analysed source,
``Library.search`` answers a ``Query`` (``build_query``) with ``Hit`` rows; ``scan`` adds files
and folders; ``remember`` is the quiet automatic add when a source is opened.
"""

from briefing_studio.library.backends import default_location, is_server, open_library
from briefing_studio.library.query import Query, build_query
from briefing_studio.library.store import (
    AddResult,
    FigureInfo,
    Hit,
    Library,
    SourceInfo,
    UpgradeNeeded,
)

__all__ = [
    "AddResult",
    "FigureInfo",
    "Hit",
    "Library",
    "Query",
    "SourceInfo",
    "UpgradeNeeded",
    "build_query",
    "default_location",
    "is_server",
    "open_library",
]
