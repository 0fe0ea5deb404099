"""Opening a library: a SQLite file on this machine, or a PostgreSQL database the office shares.

The location is a setting (``settings.KEY_LIBRARY_DATABASE``): empty means ``library.sqlite3`` in
the user's data folder; a ``postgresql://`` (or ``postgres://``) connection string means a server;
anything else is the path of a SQLite file.

SQLite runs in WAL mode (readers never wait for the writer; a crash loses at most the source being
added) with foreign keys on and a busy timeout, so a second process waits for the write lock
instead of failing. Every database error becomes a ``BriefingError`` naming the file or the server
(never its password): a damaged file, a file locked by another program, a full disk, a server that
is down, a schema from a newer version.

PostgreSQL matches text with its own full-text search over the folded copy of each section
(``to_tsvector('simple', …)`` in a GIN index). The folding is done in Python for both backends,
so neither ``unaccent`` nor ``pg_trgm`` is needed: ``đ`` → ``d`` is ours (``unaccent``'s rules
would have to agree with ``textutil.fold`` letter for letter), an office server needs no
extension installed by a superuser, and trigram indexes would find syllable fragments
(``an`` inside ``Hàn``) that a word search should not.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefing_studio.errors import BriefingError
from briefing_studio.library.query import TextQuery
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


def open_library(location: str | None = None, *, busy_timeout: float = BUSY_TIMEOUT_S) -> Library:
    """The library at ``location`` (default: the setting), created and migrated as needed."""
    location = location or default_location()
    if is_server(location):
        library: Library = PostgresLibrary.connect(location)
    else:
        library = SqliteLibrary.connect(Path(location).expanduser(), busy_timeout)
    try:
        library.migrate()
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

    def _text_match(self, text: TextQuery) -> tuple[str, str, str, list]:
        terms = [f'"{word}"' for word in text.words]
        terms += ['"' + " ".join(phrase) + '"' for phrase in text.phrases]
        if text.prefix and terms:
            terms[-1] += "*"
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


class PostgresLibrary(Library):
    dialect = "postgresql"

    @classmethod
    def connect(cls, conninfo: str) -> PostgresLibrary:
        psycopg = _psycopg(conninfo)
        where = _server_name(conninfo)
        try:
            connection = psycopg.connect(
                conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
            )
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
        if not rows:
            return
        with self._db.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _text_match(self, text: TextQuery) -> tuple[str, str, str, list]:
        terms = list(text.words)
        terms += ["(" + " <-> ".join(phrase) + ")" for phrase in text.phrases]
        if text.prefix and terms:
            terms[-1] = terms[-1].removesuffix(")") + ":*" + (")" if terms[-1][0] == "(" else "")
        return (
            "sections s",
            "s.tsv @@ to_tsquery('simple', ?)",
            "s.id DESC",
            [" & ".join(terms)],
        )

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
