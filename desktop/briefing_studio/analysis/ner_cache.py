"""NER results per sentence, kept across runs so a source is tagged once per model version.

underthesea's ``ner`` runs at a few dozen sentences per second, so re-analysing a long report
would cost the user half a minute every time. Results are keyed by SHA-256 of the model tag and
the sentence, held in memory and appended to a JSON-lines file in the user cache folder.
JSON lines because a torn last line (a crash mid-write, two app instances) loses one entry, not
the cache; a file that does not parse is rewritten clean rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from functools import cache
from importlib import metadata
from pathlib import Path

from briefing_studio.atomic import atomic_write_text
from briefing_studio.errors import BriefingError

log = logging.getLogger(__name__)

NerToken = tuple[str, str, str, str]  # word, part of speech, chunk, BIO entity label
CACHE_FILE = "ner-v1.jsonl"


@cache
def model_tag() -> str:
    """Names the tagger whose output is cached; a new underthesea version starts afresh."""
    try:
        version = metadata.version("underthesea")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"underthesea-{version}/ner"


class NerCache:
    """Sentence → NER tokens, in memory and (when ``path`` is given) on disk. Thread safe."""

    def __init__(self, path: Path | None, tag: str | None = None) -> None:
        self.path = path
        self.tag = tag or model_tag()
        self._lock = threading.Lock()
        self._entries: dict[str, list[NerToken]] = {}
        self._loaded = path is None
        self._offset = 0  # how much of the file has been read

    @classmethod
    def default(cls) -> NerCache:
        """The per-user cache the GUI and the CLI share."""
        from briefing_studio.paths import user_cache_dir

        return _shared(user_cache_dir() / CACHE_FILE)

    def key(self, sentence: str) -> str:
        return hashlib.sha256(f"{self.tag}\n{sentence}".encode()).hexdigest()

    def get(self, sentence: str) -> list[NerToken] | None:
        with self._lock:
            self._load()
            return self._entries.get(self.key(sentence))

    def put(self, sentence: str, tokens: list[NerToken]) -> None:
        key = self.key(sentence)
        tokens = [tuple(t) for t in tokens]  # type: ignore[misc]
        with self._lock:
            self._load()
            if self._entries.get(key) == tokens:
                return
            self._entries[key] = tokens
            if self.path is not None:
                self._append({"k": key, "t": tokens})

    def refresh(self) -> None:
        """Read what other processes appended to the file since this one read it (the NER
        child process of the GUI tags into the same file)."""
        with self._lock:
            if not self._loaded or self.path is None:
                self._load()
                return
            try:
                size = self.path.stat().st_size
                if size < self._offset:  # rewritten clean by someone else: read it again
                    self._entries.clear()
                    self._loaded = False
                    self._load()
                    return
                with self.path.open("rb") as handle:
                    handle.seek(self._offset)
                    raw = handle.read(size - self._offset)
            except OSError:
                return
            complete = raw.rfind(b"\n") + 1  # a line being written now waits for next time
            for line in raw[:complete].decode("utf-8", errors="replace").splitlines():
                entry = _parse(line)
                if entry is not None:
                    self._entries[entry[0]] = entry[1]
            self._offset += complete

    def __len__(self) -> int:
        with self._lock:
            self._load()
            return len(self._entries)

    def _load(self) -> None:
        """Read the file once; skip lines that do not parse and rewrite the file if any did."""
        if self._loaded:
            return
        self._loaded = True
        assert self.path is not None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            log.warning("NER cache %s unreadable, starting empty: %s", self.path, error)
            return
        self._offset = raw.rfind(b"\n") + 1
        damaged = bool(raw) and not raw.endswith(b"\n")
        for line in raw.decode("utf-8", errors="replace").splitlines():
            entry = _parse(line)
            if entry is None:
                damaged = damaged or bool(line.strip())
                continue
            self._entries[entry[0]] = entry[1]
        if damaged:
            log.warning(
                "NER cache %s was damaged; keeping %d good entries", self.path, len(self._entries)
            )
            self._rewrite()

    def _append(self, record: dict) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as error:  # a full or read-only disk only costs speed
            log.warning("NER cache %s not written: %s", self.path, error)

    def _rewrite(self) -> None:
        assert self.path is not None
        lines = (json.dumps({"k": k, "t": t}, ensure_ascii=False) for k, t in self._entries.items())
        try:
            atomic_write_text(self.path, "".join(line + "\n" for line in lines))
            self._offset = self.path.stat().st_size
        except OSError as error:
            log.warning("NER cache %s not rewritten: %s", self.path, error)
        except BriefingError as error:
            log.warning("NER cache %s not rewritten: %s", self.path, error)


def _parse(line: str) -> tuple[str, list[NerToken]] | None:
    try:
        record = json.loads(line)
        key, tokens = record["k"], record["t"]
        if not isinstance(key, str) or not isinstance(tokens, list):
            return None
        parsed = [tuple(str(part) for part in token) for token in tokens]
    except (ValueError, KeyError, TypeError):
        return None
    if any(len(token) != 4 for token in parsed):
        return None
    return key, parsed  # type: ignore[return-value]


@cache
def _shared(path: Path) -> NerCache:
    return NerCache(path)
