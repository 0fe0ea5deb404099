"""Each source's fast analysis kept on disk, so a source seen before is not analysed again.

A command-line render of files the user rendered before then neither runs the analysis nor
imports its modules (their patterns alone take a noticeable part of a cold start). An entry is
found by the SHA-256 of the analyser's tag and the source's content (``SourceDocument.to_json``:
its blocks, tables, name and format); the tag changes with ``ANALYZER_VERSION`` and with the
bytes of the analysis package's modules and data and of the source model, so an entry made by
other analysis code is never read. Entities are not kept (NER has its own cache,
``ner_cache``).

Entries are pickles of the analysis without its source, one file each in the user cache folder,
written atomically; the folder is capped at ``MAX_BYTES`` (least recently used entries go
first). An entry that cannot be read (torn, foreign, from other code) is removed and the
analysis redone. The folder is the user's own: whoever can write it can already run code as
the user, so unpickling from it adds no risk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from functools import cache
from pathlib import Path

from briefing_studio import __version__
from briefing_studio.analysis.model import Analysis
from briefing_studio.atomic import atomic_write_bytes
from briefing_studio.errors import BriefingError
from briefing_studio.sources.model import SourceDocument

log = logging.getLogger(__name__)

# Raise when the analysis changes in a way its source files do not show (a bundle has no .py).
ANALYZER_VERSION = 1
FOLDER = "analyses-v1"
SUFFIX = ".pickle"
MAX_BYTES = 64 * 1024 * 1024  # a 1 MB source's analysis pickles to about 2 MB
_PACKAGE = Path(__file__).resolve().parent
# What the analysis is made of: the package's code and data, and the model of what it reads.
_INPUTS = ("*.py", "data/*", "../sources/model.py")


@cache
def analyzer_tag() -> str:
    """Names the analysis code: its version constant and a hash of its modules and data."""
    digest = hashlib.sha256(f"{ANALYZER_VERSION}\n{__version__}\n".encode())
    for pattern in _INPUTS:
        for path in sorted(_PACKAGE.glob(pattern)):
            try:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
            except OSError:  # not shipped as source (the bundle): the version constants hold
                continue
    return f"v{ANALYZER_VERSION}-{digest.hexdigest()[:16]}"


class AnalysisCache:
    """Source → its fast analysis, in files under ``folder``."""

    def __init__(self, folder: Path, tag: str | None = None, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.tag = tag or analyzer_tag()
        self.max_bytes = max_bytes

    @classmethod
    def default(cls) -> AnalysisCache:
        """The per-user cache the command line shares between runs."""
        from briefing_studio.paths import user_cache_dir

        return cls(user_cache_dir() / FOLDER)

    def path(self, source: SourceDocument) -> Path:
        content = json.dumps(source.to_json(), ensure_ascii=False, sort_keys=True)
        key = hashlib.sha256(f"{self.tag}\n{content}".encode()).hexdigest()
        return self.folder / f"{key}{SUFFIX}"

    def get(self, source: SourceDocument) -> Analysis | None:
        """The kept analysis of ``source``, or None (not kept, or the entry is unreadable)."""
        path = self.path(source)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            tag, fields = pickle.loads(data)
            if tag != self.tag:
                raise ValueError(f"made by {tag!r}")
            analysis = Analysis(source=source, **fields)
        except Exception as error:
            log.warning("analysis cache entry %s unreadable, analysing again: %s", path, error)
            _remove(path)
            return None
        try:
            os.utime(path)  # recently used: kept when the folder is trimmed
        except OSError:
            pass
        return analysis

    def put(self, analysis: Analysis) -> None:
        """Keep ``analysis`` (without its entities) for the next run; failures only cost speed."""
        fields = {
            "metadata": analysis.metadata,
            "sections": analysis.sections,
            "figures": analysis.figures,
            "acronyms": analysis.acronyms,
        }
        data = pickle.dumps((self.tag, fields), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path(analysis.source), data)
        except (OSError, BriefingError) as error:
            log.warning("analysis cache %s not written: %s", self.folder, error)
            return
        self._trim()

    def analyze(self, source: SourceDocument) -> Analysis:
        """The analysis of ``source``: the kept one, else a new one (then kept)."""
        kept = self.get(source)
        if kept is not None:
            return kept
        from briefing_studio.analysis.pipeline import analyze

        analysis = analyze(source)
        self.put(analysis)
        return analysis

    def _trim(self) -> None:
        """Remove the least recently used entries until the folder holds ``max_bytes``."""
        try:
            entries = [(p.stat(), p) for p in self.folder.glob(f"*{SUFFIX}")]
        except OSError:
            return
        total = sum(stat.st_size for stat, _ in entries)
        for stat, path in sorted(entries, key=lambda entry: entry[0].st_mtime):
            if total <= self.max_bytes:
                break
            _remove(path)
            total -= stat.st_size


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
