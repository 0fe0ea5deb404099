"""Opening a library: a SQLite file on this machine, or a PostgreSQL database the office shares.

The location is a setting (``settings.KEY_LIBRARY_DATABASE``): empty means ``library.sqlite3`` in
the user's data folder; a ``postgresql://`` (or ``postgres://``) connection string means a server;
anything else is the path of a SQLite file.

SQLite runs in WAL mode (readers never wait for the writer; a crash loses at most the source being
added) with foreign keys on and a busy timeout, so a second process waits for the write lock
instead of failing. Every database error becomes a ``BriefingError`` naming the file or the server
(never its password): a damaged file, a file locked by another program, a full disk, a server that
is down, a schema from a newer version.

PostgreSQL matches text with its full-text search, on lexemes the app writes itself
(``records.section_lexemes``: the words of the folded text with their positions, split as the
query is, and each pair of neighbouring words; COPYed in the binary form of a ``tsvector``,
``records.section_tsvector``) in a GIN index, with the 'simple' behaviour (no stemming, no stop
words: Vietnamese syllables are words as they stand). Three ways were weighed:

- ``unaccent``: the server would fold by its own rules table, which would have to agree with
  ``textutil.fold`` letter for letter (``đ`` → ``d``, ``Đ``, combining marks), and installing the
  extension needs a superuser on the office's server;
- ``pg_trgm``: trigram indexes find fragments of syllables (``an`` inside ``Hàn``) where a word
  search is wanted, are several times larger, and still need the text checked row by row;
- a ``tsvector`` of the folded text (chosen): the folding is done in Python for both backends, so
  they match alike and no extension is needed. GIN keeps no positions, so a phrase of common
  words was checked in every section holding its words (583 ms at 1 000 sources); the word
  pairs let the index narrow a phrase to the sections where its words stand two by two
  together, and only those are checked for the whole phrase.

Which road a text search takes (the newest sections one by one, or the index) is decided in
``PostgresLibrary._page`` from what the first steps met, not by the planner, and statements are
never prepared (a generic plan walked every section for a rare word).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

from briefing_studio.errors import BriefingError
from briefing_studio.library.query import Query, TextQuery
from briefing_studio.library.records import section_tsvector
from briefing_studio.library.schema import Progress
from briefing_studio.library.store import Library
from briefing_studio.paths import user_data_dir

DEFAULT_FILE_NAME = "library.sqlite3"
BUSY_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5


def is_server(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def default_location() -> str:
    """The configured library, else the SQLite file in the user's data folder."""
    from briefing_studio.settings import KEY_LIBRARY_DATABASE, read_setting

    return read_setting(KEY_LIBRARY_DATABASE) or str(user_data_dir() / DEFAULT_FILE_NAME)


def open_library(
    location: str | None = None,
    *,
    busy_timeout: float = BUSY_TIMEOUT_S,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    upgrade: bool = True,
) -> Library:
    """The library at ``location`` (default: the setting), created and migrated as needed:
    an upgrade of its schema reports ``progress(done, total)`` and stops at ``cancelled()``
    (``Library.migrate``); ``upgrade=False`` raises ``UpgradeNeeded`` instead."""
    location = location or default_location()
    if is_server(location):
        library: Library = PostgresLibrary.connect(location)
    else:
        library = SqliteLibrary.connect(Path(location).expanduser(), busy_timeout)
    try:
        library.migrate(progress, cancelled, upgrade=upgrade)
    except BaseException:
        library.close()
        raise
    return library


# ----- SQLite ----------------------------------------------------------------------------------

_SQLITE_REASONS = {
    "SQLITE_CORRUPT": (
        "tệp thư viện bị hỏng",
        "the library file is damaged",
    ),
    "SQLITE_NOTADB": (
        "tệp này không phải là thư viện (không phải cơ sở dữ liệu SQLite)",
        "this file is not a library (not an SQLite database)",
    ),
    "SQLITE_BUSY": (
        "tệp thư viện đang bị một chương trình khác khoá; hãy thử lại sau",
        "the library file is locked by another program; try again later",
    ),
    "SQLITE_LOCKED": (
        "tệp thư viện đang bị một chương trình khác khoá; hãy thử lại sau",
        "the library file is locked by another program; try again later",
    ),
    "SQLITE_FULL": ("ổ đĩa đã đầy", "the disk is full"),
    "SQLITE_CANTOPEN": (
        "không mở được tệp (thư mục không tồn tại hoặc không có quyền)",
        "the file cannot be opened (missing folder or no permission)",
    ),
    "SQLITE_READONLY": ("tệp hoặc ổ đĩa chỉ cho phép đọc", "the file or disk is read-only"),
    "SQLITE_PERM": ("không có quyền truy cập", "permission denied"),
    "SQLITE_IOERR": ("lỗi đọc/ghi của thiết bị", "input/output error of the device"),
}
_KEPT_VI = "Những gì đã có trong thư viện được giữ nguyên; mở và xuất tệp vẫn dùng được."
_KEPT_EN = "What the library already held is kept; opening and exporting files still work."


def _use_wal(connection: sqlite3.Connection, busy_timeout: float) -> None:
    """Switch the file to WAL, waiting up to ``busy_timeout`` for other processes.

    Two processes opening a new library at once both ask for the switch, which needs the file
    to themselves; SQLite answers the second "database is locked" at once, without its busy
    handler (that would deadlock), so the wait is done here.
    """
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class SqliteLibrary(Library):
    dialect = "sqlite"

    @classmethod
    def connect(cls, path: Path, busy_timeout: float = BUSY_TIMEOUT_S) -> SqliteLibrary:
        where = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from briefing_studio.errors import os_error

            raise os_error(
                exc,
                "Không tạo được thư mục thư viện",
                "Could not create the library folder",
                path=path.parent,
            ) from exc
        library = None
        try:
            connection = sqlite3.connect(
                where, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
            library = cls(connection, where)
            with library._guard("Không mở được thư viện", "Could not open the library"):
                connection.execute("PRAGMA foreign_keys = ON")
                _use_wal(connection, busy_timeout)
                connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            if library is not None:
                library.close()
            raise _sqlite_error(
                exc, where, "Không mở được thư viện", "Could not open the library"
            ) from exc
        except BriefingError:
            if library is not None:
                library.close()
            raise
        return library

    @contextmanager
    def _guard(self, doing_vi: str, doing_en: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, self.where, doing_vi, doing_en) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlocks
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _reserve_ids(self, table: str, count: int) -> list[int]:
        # Inside the write transaction nobody else can insert, so the next ids are ours.
        first = int(self._one(f"SELECT COALESCE(MAX(id), 0) FROM {table}")[0]) + 1
        return list(range(first, first + count))

    def _insert_many(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if rows:
            marks = ", ".join("?" * len(columns))
            self._db.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
            )

    def _write_text_index(self, rows: list[tuple[int, str]]) -> None:
        self._db.executemany("INSERT INTO sections_fts (rowid, folded) VALUES (?, ?)", rows)

    def _forget_text_index(self, source_ids: list[int]) -> None:
        marks = ", ".join("?" * len(source_ids))
        self._execute(
            "DELETE FROM sections_fts WHERE rowid IN "
            f"(SELECT id FROM sections WHERE source_id IN ({marks}))",
            source_ids,
        )

    def _text_match(self, text: TextQuery, above: int | None) -> tuple[str, str, str, list]:
        terms = [f'"{word}"' for word in text.words]
        terms += ['"' + " ".join(phrase) + '"' for phrase in text.phrases]
        if text.prefix and terms:
            terms[-1] += "*"
        if above is not None:
            # FTS5 walking backwards does not stop at a lower rowid bound (a phrase found in no
            # section read every one: 320 ms at 10 000 sources); unordered it does (10 ms).
            return (
                "sections s",
                "s.id > ? AND s.id IN "
                "(SELECT rowid FROM sections_fts WHERE sections_fts MATCH ? AND rowid > ?)",
                "s.id DESC",
                [above, " ".join(terms), above],
            )
        # FTS5 walks its rowids backwards for ORDER BY rowid DESC and stops at the LIMIT.
        return (
            "sections_fts JOIN sections s ON s.id = sections_fts.rowid",
            "sections_fts MATCH ?",
            "sections_fts.rowid DESC",
            [" ".join(terms)],
        )

    def _table_names(self) -> set[str]:
        rows = self._all("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {row[0] for row in rows}

    def _size_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            try:
                total += os.path.getsize(self.where + suffix)
            except OSError:
                pass
        return total


def _sqlite_error(exc: sqlite3.Error, where: str, doing_vi: str, doing_en: str) -> BriefingError:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if not name and "locked" in str(exc):
        name = "SQLITE_BUSY"
    base = name.split("_")[0] + "_" + name.split("_")[1] if name.count("_") >= 2 else name
    vi, en = (
        _SQLITE_REASONS.get(name)
        or _SQLITE_REASONS.get(base)
        or (
            f"lỗi cơ sở dữ liệu ({exc})",
            f"database error ({exc})",
        )
    )
    return BriefingError(
        f"{doing_vi}: {vi}. {_KEPT_VI}", f"{doing_en}: {en}. {_KEPT_EN}", path=where
    )


# ----- PostgreSQL ------------------------------------------------------------------------------

# A text search first walks this many of the newest sections, then twice as many, and so on,
# until the page is full or the matches met say the rest holds fewer than INDEX_ROWS.
WALK_FIRST_ROWS = 2000
INDEX_ROWS = 3000
# The same test in two forms: the operator the GIN index answers, the function it does not
# (so the planner cannot turn a walk of the newest sections into an index scan).
_INDEXED_MATCH = "s.tsv @@ ?::tsquery"
# The columns of a binary COPY (rows with a ``tsv``) that are not text.
_BINARY_TYPES = {"id": "int8", "source_id": "int8", "ord": "int4", "tsv": "tsvector"}
_WALKED_MATCH = "ts_match_vq(s.tsv, ?::tsquery)"


class PostgresLibrary(Library):
    dialect = "postgresql"

    @classmethod
    def connect(cls, conninfo: str) -> PostgresLibrary:
        psycopg = _psycopg(conninfo)
        where = _server_name(conninfo)
        try:
            # prepare_threshold=None: never a prepared statement, so every search is planned
            # for its own words (a generic plan, made after five runs, walked every section for
            # a rare word).
            connection = psycopg.connect(
                conninfo,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                prepare_threshold=None,
            )
            connection.adapters.register_dumper(None, _tsvector_dumper())
        except psycopg.Error as exc:
            raise BriefingError(
                "Không kết nối được máy chủ cơ sở dữ liệu của thư viện (máy chủ tắt, sai địa "
                f"chỉ, tên hoặc mật khẩu): {_first_line(exc)}. {_KEPT_VI}",
                "Could not connect to the library's database server (server down, wrong "
                f"address, name or password): {_first_line(exc)}. {_KEPT_EN}",
                path=where,
            ) from exc
        return cls(connection, where)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    @contextmanager
    def _guard(self, doing_vi: str, doing_en: str) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.errors.DiskFull as exc:
            raise BriefingError(
                f"{doing_vi}: ổ đĩa của máy chủ đã đầy. {_KEPT_VI}",
                f"{doing_en}: the server's disk is full. {_KEPT_EN}",
                path=self.where,
            ) from exc
        except psycopg.OperationalError as exc:
            raise BriefingError(
                f"{doing_vi}: mất kết nối với máy chủ ({_first_line(exc)}). {_KEPT_VI}",
                f"{doing_en}: the connection to the server was lost ({_first_line(exc)}). "
                f"{_KEPT_EN}",
                path=self.where,
            ) from exc
        except psycopg.Error as exc:
            raise BriefingError(
                f"{doing_vi}: lỗi cơ sở dữ liệu ({_first_line(exc)}). {_KEPT_VI}",
                f"{doing_en}: database error ({_first_line(exc)}). {_KEPT_EN}",
                path=self.where,
            ) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._db.transaction():
            yield

    def _lock_path(self, path: str) -> None:
        self._execute("SELECT pg_advisory_xact_lock(hashtext(?))", ("briefing-library:" + path,))

    def _migration_lock(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(hashtext('briefing-library:schema'))")

    def _reserve_ids(self, table: str, count: int) -> list[int]:
        rows = self._all(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)",
            (count,),
        )
        return [int(row[0]) for row in rows]

    def _insert_many(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """COPY the rows; in binary when they hold a ``tsv`` (``records.section_tsvector``)."""
        if not rows:
            return
        binary = "tsv" in columns
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN" + (" (FORMAT BINARY)" * binary)
        with self._db.cursor() as cursor:
            with cursor.copy(sql) as copy:
                if binary:
                    copy.set_types([_BINARY_TYPES.get(column, "text") for column in columns])
                for row in rows:
                    copy.write_row(row)

    def _section_index(self) -> tuple[tuple[str, ...], Callable[[str], Any]]:
        return ("tsv",), section_tsvector

    def _text_match(self, text: TextQuery, above: int | None) -> tuple[str, str, str, list]:
        if above is not None:
            bounded = f"s.id > ? AND {_INDEXED_MATCH}"
            return "sections s", bounded, "s.id DESC", [above, _tsquery(text)]
        return "sections s", _INDEXED_MATCH, "s.id DESC", [_tsquery(text)]

    def _page(self, sql: str, params: list, order: str, query: Query) -> list:
        """Newest first, by whichever road is short for these words: first the newest
        sections one by one, in spans that double (a common word fills the page within a few
        hundred); once the matches met so far say that the rest of the library holds fewer
        than ``INDEX_ROWS``, the rest through the GIN index (then sorted).

        The choice is made here, not by the planner: it cannot tell how often words stand
        together, and guessed a phrase of common words rare (and read every matching section
        through the index, 583 ms at 1 000 sources) or a missing phrase common (and walked
        every section)."""
        if _INDEXED_MATCH not in sql:
            return super()._page(sql, params, order, query)
        walk = (
            sql.replace(_INDEXED_MATCH, _WALKED_MATCH)
            + "AND s.id <= ? AND s.id > ? ORDER BY s.id DESC LIMIT ?"
        )
        top = high = int(self._one("SELECT COALESCE(MAX(id), 0) FROM sections")[0])
        rows: list = []
        span = WALK_FIRST_ROWS
        while True:
            low = max(0, high - span)
            rows += self._all(walk, [*params, high, low, query.limit - len(rows)])
            high = low
            if len(rows) >= query.limit or high <= 0:
                return rows
            if len(rows) * high / (top - high) < INDEX_ROWS:
                break
            span *= 2
        with self._transaction():
            # The rest holds few matches: the index, never a walk over it.
            self._execute("SET LOCAL enable_seqscan = off")
            self._execute("SET LOCAL enable_indexscan = off")
            rows += self._all(
                sql + "AND s.id <= ? ORDER BY s.id DESC LIMIT ?",
                [*params, high, query.limit - len(rows)],
            )
        return rows

    def _table_names(self) -> set[str]:
        rows = self._all(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {row[0] for row in rows}

    def _size_bytes(self) -> int:
        row = self._one(
            "SELECT SUM(pg_total_relation_size(quote_ident(table_name))) FROM "
            "information_schema.tables WHERE table_schema = current_schema() AND table_name IN "
            "('meta', 'sources', 'sections', 'figures', 'entities')"
        )
        return int(row[0] or 0)


def _tsquery(text: TextQuery) -> str:
    """The ``tsquery`` of ``text``, lexemes as ``records.section_lexemes`` writes them: a phrase
    needs its word pairs (which the index answers) and its words in order (checked on the rows
    the pairs leave)."""
    items = [(word,) for word in text.words] + list(text.phrases)
    terms: list[str] = []
    for n, words in enumerate(items):
        star = ":*" if text.prefix and n == len(items) - 1 else ""
        pairs = list(pairwise(words))
        terms += [
            f"'{a} {b}'" + (star if i == len(pairs) - 1 else "") for i, (a, b) in enumerate(pairs)
        ]
        lexemes = [f"'{word}'" for word in words]
        lexemes[-1] += star
        terms.append(lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")")
    return " & ".join(terms)


def _tsvector_dumper() -> type:
    """psycopg's writer of a ``tsvector`` column in a binary COPY: the bytes
    ``records.section_tsvector`` made, as they are."""
    from psycopg.adapt import Dumper
    from psycopg.pq import Format

    class TsvectorBinaryDumper(Dumper):
        format = Format.BINARY
        oid = 3614  # tsvector, a built-in type: the same number on every server

        def dump(self, obj: bytes) -> bytes:
            return obj

    return TsvectorBinaryDumper


def _psycopg(conninfo: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise BriefingError(
            "Thư viện dùng chung cần gói “psycopg” (psycopg 3) để kết nối PostgreSQL; gói này "
            f"chưa được cài. {_KEPT_VI}",
            "A shared library needs the “psycopg” package (psycopg 3) to reach PostgreSQL; it "
            f"is not installed. {_KEPT_EN}",
            path=_server_name(conninfo),
        ) from exc
    return psycopg


def _server_name(conninfo: str) -> str:
    """``postgresql://user@host:port/db`` without any password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(conninfo)
    except Exception:
        return "postgresql://…"
    user = parts.get("user")
    host = parts.get("host") or "localhost"
    port = parts.get("port")
    return (
        f"postgresql://{user + '@' if user else ''}{host}{':' + str(port) if port else ''}"
        f"/{parts.get('dbname') or ''}"
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
