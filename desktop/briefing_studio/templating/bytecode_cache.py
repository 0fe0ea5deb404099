"""Compiled templates kept on disk, so a new process does not compile the same template again.

Jinja compiles each template file to Python code on its first use in a process, about a fifth
of a cold command-line render. ``TemplateBytecodeCache`` keeps that code in the user cache
folder. Jinja names an entry by the template's name and file and checks it against the
template's text; the sandbox's code generator (``sandbox._GuardedCodeGenerator``) inserts
the guards into that code, so the key here also holds the ``tag`` the sandbox gives: its
generator's version, Jinja's version and what else the compiled code depends on. Code
compiled by another generator, or without the guards, is never loaded.

Writes are atomic; an entry that cannot be read (torn, foreign, another Python) is ignored,
compiled afresh and replaced.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache

from briefing_studio.atomic import atomic_write_bytes
from briefing_studio.errors import BriefingError

log = logging.getLogger(__name__)

FOLDER = "templates-v1"
SUFFIX = ".jinja"


class TemplateBytecodeCache(BytecodeCache):
    """Jinja's bytecode of each template, one file per template in ``folder``."""

    def __init__(self, folder: Path, tag: str) -> None:
        self.folder = folder
        self.tag = tag

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = f"{self.tag}\n{name}\n{filename or ''}"
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}{SUFFIX}"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = self.path(bucket).read_bytes()
        except OSError:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception as error:
            log.warning("template cache entry %s unreadable: %s", self.path(bucket), error)
            bucket.reset()
            return
        if bucket.code is not None and not isinstance(bucket.code, CodeType):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path(bucket), bucket.bytecode_to_string())
        except (OSError, BriefingError) as error:  # a full or read-only disk only costs speed
            log.warning("template cache %s not written: %s", self.folder, error)

    def clear(self) -> None:
        for path in self.folder.glob(f"*{SUFFIX}"):
            try:
                path.unlink()
            except OSError:
                pass
