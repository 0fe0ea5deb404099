"""The library's tables on SQLite and on PostgreSQL, and their numbered migrations.

One table per list of things: ``sources`` (one row per version of a file, its whole text kept
compressed so a briefing can take a paragraph after the original file has moved), ``sections``,
``figures`` and ``entities`` (countries and provinces found by the gazetteer, with the province
each one belongs to today). Search runs on a *folded* copy of every section's text (lower case,
no diacritics, ``đ`` → ``d``, by ``textutil.fold``): both backends then match ``han quoc`` to
``Hàn Quốc`` the same way, and neither needs a Vietnamese-aware tokenizer or ``unaccent``.
SQLite keeps the folded text in an FTS5 table; PostgreSQL keeps the lexemes made from it (since
version 2: words with positions and pairs of neighbouring words) in a ``tsvector`` column.

``MIGRATIONS[n]`` takes a library from version ``n - 1`` to ``n``; ``meta.schema_version``
records where a library stands. A library whose version is above ``SCHEMA_VERSION`` was made by a
newer Briefing Studio and is refused rather than misread. All the steps from a library's version
to ``SCHEMA_VERSION`` run in one transaction (``Library.migrate``): cancelled or failed, the
library is left at the version it had. Work on every row is done a batch at a time by a
``RowStep``, which reports its progress and lets a cancel stop it between batches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from briefing_studio.library.records import section_tsvector

Dialect = Literal["sqlite", "postgresql"]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RowStep:
    """A migration step done in Python a batch of rows at a time (what SQL cannot do):
    ``run(library, progress)`` calls ``progress(done, total)`` after each batch. ``share`` is
    its part of the migration's progress, counting each SQL statement as 1."""

    run: Callable[[Any, Progress], None]
    share: int


# A migration step: an SQL statement, or work done in Python.
Step = str | RowStep

_SQLITE_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        year INTEGER,
        publisher TEXT,
        format TEXT NOT NULL,
        version INTEGER NOT NULL,
        current INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        file_size INTEGER,
        file_mtime REAL,
        document BLOB NOT NULL
    )""",
    "CREATE INDEX sources_path ON sources (path, version)",
    "CREATE INDEX sources_date ON sources (current, date)",
    """CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX sections_source ON sections (source_id, ord)",
    # rowid = sections.id; the folded text lives only in the index's own content table.
    "CREATE VIRTUAL TABLE sections_fts USING fts5 (folded, tokenize = 'unicode61')",
    """CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL,
        figure_key TEXT NOT NULL,
        surface TEXT NOT NULL,
        kind TEXT NOT NULL,
        value REAL,
        value_high REAL,
        unit TEXT,
        qualifier TEXT,
        year INTEGER,
        words TEXT NOT NULL
    )""",
    # Covering: a figure filter is answered from the index alone (kind, value, words).
    "CREATE INDEX figures_kind_value ON figures (kind, value, words, section_id)",
    "CREATE INDEX figures_value ON figures (value, words, section_id)",
    "CREATE INDEX figures_section ON figures (section_id)",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        current_key TEXT NOT NULL
    )""",
    "CREATE INDEX entities_key ON entities (key, section_id)",
    "CREATE INDEX entities_section ON entities (section_id)",
)

# PostgreSQL: the same tables; the folded text is a column with a generated tsvector ('simple'
# configuration: no stemming, no stop words — Vietnamese syllables are words as they stand).
_POSTGRES_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE sources (
        id BIGSERIAL PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        year INTEGER,
        publisher TEXT,
        format TEXT NOT NULL,
        version INTEGER NOT NULL,
        current INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        file_size BIGINT,
        file_mtime DOUBLE PRECISION,
        document BYTEA NOT NULL
    )""",
    "CREATE INDEX sources_path ON sources (path, version)",
    "CREATE INDEX sources_date ON sources (current, date)",
    """CREATE TABLE sections (
        id BIGSERIAL PRIMARY KEY,
        source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        section_key TEXT NOT NULL,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        folded TEXT NOT NULL,
        tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED
    )""",
    "CREATE INDEX sections_source ON sections (source_id, ord)",
    "CREATE INDEX sections_tsv ON sections USING GIN (tsv)",
    """CREATE TABLE figures (
        id BIGSERIAL PRIMARY KEY,
        section_id BIGINT NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
        source_id BIGINT NOT NULL,
        figure_key TEXT NOT NULL,
        surface TEXT NOT NULL,
        kind TEXT NOT NULL,
        value DOUBLE PRECISION,
        value_high DOUBLE PRECISION,
        unit TEXT,
        qualifier TEXT,
        year INTEGER,
        words TEXT NOT NULL
    )""",
    # Covering: a figure filter is answered from the index alone (kind, value, words).
    "CREATE INDEX figures_kind_value ON figures (kind, value, words, section_id)",
    "CREATE INDEX figures_value ON figures (value, words, section_id)",
    "CREATE INDEX figures_section ON figures (section_id)",
    """CREATE TABLE entities (
        id BIGSERIAL PRIMARY KEY,
        section_id BIGINT NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
        source_id BIGINT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        current_key TEXT NOT NULL
    )""",
    "CREATE INDEX entities_key ON entities (key, section_id)",
    "CREATE INDEX entities_section ON entities (section_id)",
)


FILL_BATCH = 5000  # sections read, indexed and written back per statement


def _fill_text_index(library: Any, progress: Progress) -> None:
    """Version 2 on PostgreSQL: every section's lexemes, made from its folded text by
    ``records.section_tsvector``, copied to a scratch table and written back with one UPDATE
    for each batch of sections (one UPDATE a row took 77 s at 1 000 sources)."""
    total = int(library._one("SELECT COUNT(*) FROM sections")[0])
    library._execute("CREATE TEMPORARY TABLE new_tsv (id BIGINT, tsv TSVECTOR) ON COMMIT DROP")
    done = last = 0
    while True:
        rows = library._all(
            "SELECT id, folded FROM sections WHERE id > ? ORDER BY id LIMIT ?", (last, FILL_BATCH)
        )
        if not rows:
            return
        library._insert_many(
            "new_tsv", ("id", "tsv"), [(row[0], section_tsvector(row[1])) for row in rows]
        )
        library._execute("UPDATE sections SET tsv = n.tsv FROM new_tsv n WHERE sections.id = n.id")
        library._execute("TRUNCATE new_tsv")
        last = rows[-1][0]
        done += len(rows)
        progress(done, total)


# Version 2, PostgreSQL: the words of a section are no longer split by the server's parser
# (which also indexed ``ca-dac-xtan`` whole, shifting the positions phrases rely on) but by the
# same rule the query is read with, and each pair of neighbouring words is a lexeme too, so a
# phrase is first narrowed by the index to the sections holding all its word pairs and only
# those are checked word by word (see ``backends.PostgresLibrary``). The folded text itself is
# then no longer kept: ``sections.text`` is what is shown, ``tsv`` what is searched.
_POSTGRES_V2: tuple[Step, ...] = (
    "ALTER TABLE sections DROP COLUMN tsv",
    "ALTER TABLE sections ADD COLUMN tsv TSVECTOR NOT NULL DEFAULT ''",
    RowStep(_fill_text_index, share=20),
    "ALTER TABLE sections DROP COLUMN folded",
    "ALTER TABLE sections ALTER COLUMN tsv DROP DEFAULT",
    # A GIN index is built in memory as far as this allows: 64 MB (the server's usual
    # default) took 9.5 s at 1 000 sources. Only for this transaction.
    "SET LOCAL maintenance_work_mem = '256MB'",
    "CREATE INDEX sections_tsv ON sections USING GIN (tsv)",
    "ANALYZE sections",
)

MIGRATIONS: dict[int, dict[Dialect, tuple[Step, ...]]] = {
    1: {"sqlite": _SQLITE_V1, "postgresql": _POSTGRES_V1},
    2: {"sqlite": (), "postgresql": _POSTGRES_V2},
}
SCHEMA_VERSION = max(MIGRATIONS)


def pending(current: int, dialect: Dialect) -> list[tuple[int, tuple[Step, ...]]]:
    """The migration steps from version ``current`` up to ``SCHEMA_VERSION``, in order."""
    return [(n, MIGRATIONS[n][dialect]) for n in sorted(MIGRATIONS) if n > current]
