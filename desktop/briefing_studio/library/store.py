"""The library itself: add analysed sources, search them, list, remove, count — on either backend.

``Library`` holds the SQL both backends share (written with ``?`` placeholders); ``SqliteLibrary``
and ``PostgresLibrary`` add how each one connects, reserves ids, writes many rows and matches
text. Each source is added in one transaction: a crash, a full disk or a second process never
leaves half a source, and what was there before stays. Adding the same content twice (by any
path) stores it once; a file whose content changed becomes a new version of that path, and only
the newest version of each path is searched unless asked otherwise.

A library object belongs to the thread that opened it (the GUI opens one per background task).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from briefing_studio.analysis.model import Analysis
from briefing_studio.errors import BriefingError, Cancelled
from briefing_studio.library.query import Query, TextQuery, highlights
from briefing_studio.library.records import Record, record_of, unpack_document
from briefing_studio.library.schema import (
    SCHEMA_VERSION,
    Dialect,
    Progress,
    RowStep,
    Step,
    pending,
)
from briefing_studio.sources.model import SourceDocument

AddStatus = Literal["added", "new_version", "duplicate"]
# A filter met by fewer rows than this is answered from its own index (then sorted); one met by
# more is checked section by section, newest first, until the page is full.
SELECTIVE_ROWS = 5000
# Words typed together are first looked for as a phrase among this many of the newest sections.
TOGETHER_SECTIONS = 20_000
_PROGRESS_UNITS = 1000  # a migration's progress, in thousandths of an SQL statement's share
_SOURCE_COLUMNS = (
    "src.id, src.sha256, src.path, src.name, src.title, src.date, src.publisher, src.format, "
    "src.version, src.current, src.added_at, src.year"
)


@dataclass(frozen=True)
class SourceInfo:
    id: int
    sha256: str
    path: str
    name: str
    title: str
    date: str | None
    publisher: str | None
    format: str
    version: int
    current: bool
    added_at: str
    year: int | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class AddResult:
    status: AddStatus
    source: SourceInfo

    def to_json(self) -> dict:
        return {"status": self.status, **self.source.to_json()}


@dataclass(frozen=True)
class FigureInfo:
    surface: str
    kind: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    year: int | None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Hit:
    """A section that matched: its text, where the query matched in it, its figures."""

    section_id: int
    section_key: str  # the section id a briefing uses ("<source key>/s<n>")
    kind: str
    text: str
    source: SourceInfo
    spans: list[tuple[int, int]] = field(default_factory=list)
    figures: list[FigureInfo] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "section": self.section_key,
            "kind": self.kind,
            "text": self.text,
            "highlights": [list(span) for span in self.spans],
            "figures": [f.to_json() for f in self.figures],
            "source": self.source.to_json(),
        }


class Library:
    """Shared SQL of both backends; see the subclasses for what differs."""

    dialect: Dialect

    def __init__(self, connection: Any, where: str) -> None:
        self._db = connection
        self.where = where  # the file or server, for messages (never a password)

    # ----- backend hooks ---------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        raise NotImplementedError

    def _lock_path(self, path: str) -> None:
        """Serialise writers adding versions of one path (SQLite's write lock already does)."""

    def _reserve_ids(self, table: str, count: int) -> list[int]:
        """``count`` fresh ids for rows of ``table`` (sections: figures and entities point at
        them before anything is read back)."""
        raise NotImplementedError

    def _insert_many(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        raise NotImplementedError

    def _section_index(self) -> tuple[tuple[str, ...], Callable[[str], Any]]:
        """The sections column that holds the searched words, if any, and its value made from
        the folded text; none when the words live in an index of their own."""
        return (), str

    def _write_text_index(self, rows: list[tuple[int, str]]) -> None:
        """Index each section's folded text; ``rows`` are (section id, folded)."""

    def _forget_text_index(self, source_ids: list[int]) -> None:
        """Drop the folded text of these sources' sections from the index."""

    def _text_match(self, text: TextQuery, above: int | None) -> tuple[str, str, str, list]:
        """(FROM clause, WHERE condition, ORDER BY newest first, parameters); a star on the
        last term when ``text.prefix``; only sections whose id is above ``above`` if given."""
        raise NotImplementedError

    def _page(self, sql: str, params: list, order: str, query: Query) -> list:
        """The first ``query.limit`` rows of ``sql`` (a SELECT … WHERE … ending in a space) in
        ``order``, newest first."""
        return self._all(sql + f"ORDER BY {order} LIMIT ?", [*params, query.limit])

    def _table_names(self) -> set[str]:
        raise NotImplementedError

    def _migration_lock(self) -> None:
        """Keep two processes from migrating one library at once."""

    def _size_bytes(self) -> int:
        raise NotImplementedError

    def _guard(self, doing_vi: str, doing_en: str):
        raise NotImplementedError

    # ----- plumbing --------------------------------------------------------------------------

    def _execute(self, sql: str, params: Sequence = ()) -> Any:
        return self._db.execute(self._sql(sql), tuple(params))

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(self._sql(sql), rows)

    def _one(self, sql: str, params: Sequence = ()) -> Any:
        return self._execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence = ()) -> list:
        return self._execute(sql, params).fetchall()

    def close(self) -> None:
        try:
            self._db.close()
        except Exception:  # closing a connection the server already dropped
            pass

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- schema ----------------------------------------------------------------------------

    def schema_version(self) -> int:
        if "meta" not in self._table_names():
            return 0
        row = self._one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0

    def migrate(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        upgrade: bool = True,
    ) -> None:
        """Bring the schema up to ``SCHEMA_VERSION``; refuse one made by a newer version.

        Upgrading a library that already held a schema reports ``progress(done, total)`` and
        asks ``cancelled()`` before each step and between batches of rows: cancelled (raises
        ``Cancelled``) or failed, the one transaction is rolled back and the library stays at
        its version, usable and upgraded the next time. ``upgrade=False`` raises
        ``UpgradeNeeded`` instead of upgrading (a new library is still created).
        """
        with self._guard("Không mở được thư viện", "Could not open the library"):
            version = self.schema_version()
            self._refuse_newer(version)
            if version == SCHEMA_VERSION:
                return
            if not upgrade and version > 0:
                raise UpgradeNeeded(self.where, version)
            with self._transaction():
                self._migration_lock()
                current = self.schema_version()  # another process may have migrated meanwhile
                self._refuse_newer(current)
                self._run_migrations(current, progress if current > 0 else None, cancelled)

    def _run_migrations(
        self, current: int, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        plan = pending(current, self.dialect)
        steps = [step for _, number_steps in plan for step in number_steps]
        total = max(1, sum(_share(step) for step in steps)) * _PROGRESS_UNITS
        done = 0

        def tell(reached: int) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(reached, total)

        tell(0)
        for number, number_steps in plan:
            for step in number_steps:
                if isinstance(step, RowStep):
                    start, width = done, step.share * _PROGRESS_UNITS
                    step.run(self, lambda rows, of, start=start, width=width: tell(
                        start + width * rows // max(of, 1)
                    ))  # fmt: skip
                else:
                    self._execute(step)
                done += _share(step) * _PROGRESS_UNITS
                tell(done)
            self._execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(number),),
            )
        tell(total)

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise BriefingError(
                f"Thư viện được tạo bởi phiên bản Briefing Studio mới hơn (lược đồ {version}); "
                f"phiên bản này chỉ đọc được lược đồ đến {SCHEMA_VERSION}. Hãy cập nhật "
                "Briefing Studio. Thư viện được giữ nguyên.",
                f"The library was made by a newer Briefing Studio (schema {version}); this "
                f"version reads schemas up to {SCHEMA_VERSION}. Please update Briefing Studio. "
                "The library was left as it is.",
                path=self.where,
            )

    # ----- adding ----------------------------------------------------------------------------

    def add(self, analysis: Analysis) -> AddResult:
        """Store ``analysis`` unless its content is already there (then nothing changes)."""
        record = record_of(analysis)
        with self._guard("Không thêm được nguồn vào thư viện", "Could not add to the library"):
            try:
                return self._add_record(record)
            except _Duplicate:  # another process stored the same content meanwhile
                found = self._one(
                    f"SELECT {_SOURCE_COLUMNS} FROM sources src WHERE src.sha256 = ?",
                    (record.source.sha256,),
                )
                return AddResult("duplicate", _source_info(found))

    def _add_record(self, record: Record) -> AddResult:
        row = record.source
        with self._transaction():
            self._lock_path(row.path)
            existing = self._one(
                f"SELECT {_SOURCE_COLUMNS} FROM sources src WHERE src.sha256 = ?", (row.sha256,)
            )
            if existing is not None:
                return AddResult("duplicate", _source_info(existing))
            version = 1
            if row.path:
                last = self._one("SELECT MAX(version) FROM sources WHERE path = ?", (row.path,))
                version = (last[0] or 0) + 1
                self._execute("UPDATE sources SET current = 0 WHERE path = ?", (row.path,))
            inserted = self._one(
                "INSERT INTO sources (sha256, path, name, title, date, year, publisher, format, "
                "version, current, added_at, file_size, file_mtime, document) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO NOTHING RETURNING id",
                (
                    row.sha256,
                    row.path,
                    row.name,
                    row.title,
                    row.date,
                    row.year,
                    row.publisher,
                    row.format,
                    version,
                    row.added_at,
                    row.file_size,
                    row.file_mtime,
                    row.document,
                ),
            )
            if inserted is None:  # another process stored the same content a moment ago
                raise _Duplicate()
            source_id = int(inserted[0])
            self._write_rows(source_id, record)
            info = self._one(
                f"SELECT {_SOURCE_COLUMNS} FROM sources src WHERE src.id = ?", (source_id,)
            )
        return AddResult("new_version" if version > 1 else "added", _source_info(info))

    def _write_rows(self, source_id: int, record: Record) -> None:
        ids = self._reserve_ids("sections", len(record.sections)) if record.sections else []
        # PostgreSQL keeps the words in a column of the sections table (``_section_columns``);
        # SQLite keeps them only in the FTS table.
        extra, index_value = self._section_index()
        self._insert_many(
            "sections",
            ("id", "source_id", "section_key", "ord", "kind", "text", *extra),
            [
                (ids[i], source_id, s.section_key, s.ord, s.kind, s.text)
                + ((index_value(s.folded),) if extra else ())
                for i, s in enumerate(record.sections)
            ],
        )
        if not extra:
            self._write_text_index([(ids[i], s.folded) for i, s in enumerate(record.sections)])
        self._insert_many(
            "figures",
            (
                "section_id",
                "source_id",
                "figure_key",
                "surface",
                "kind",
                "value",
                "value_high",
                "unit",
                "qualifier",
                "year",
                "words",
            ),
            [
                (
                    ids[f.section],
                    source_id,
                    f.figure_key,
                    f.surface,
                    f.kind,
                    f.value,
                    f.value_high,
                    f.unit,
                    f.qualifier,
                    f.year,
                    f.words,
                )
                for f in record.figures
            ],
        )
        self._insert_many(
            "entities",
            ("section_id", "source_id", "kind", "key", "name", "current_key"),
            [
                (ids[e.section], source_id, e.kind, e.key, e.name, e.current_key)
                for e in record.entities
            ],
        )

    def unchanged(self, path: str, size: int, mtime: float) -> bool:
        """True when the newest version of ``path`` was read from a file of this size and
        modification time (a folder rescan then skips loading it again)."""
        with self._guard("Không đọc được thư viện", "Could not read the library"):
            row = self._one(
                "SELECT file_size, file_mtime FROM sources WHERE path = ? AND current = 1",
                (path,),
            )
        return row is not None and row[0] == size and row[1] == mtime

    # ----- reading ---------------------------------------------------------------------------

    def search(self, query: Query) -> list[Hit]:
        """The sections ``query`` matches, best first (by date when there is no text)."""
        with self._guard("Không tìm được trong thư viện", "Could not search the library"):
            return self._search(query)

    def _search(self, query: Query) -> list[Hit]:
        # Newest sections first (the order sources were added): each backend then walks its
        # index from the end and stops after ``limit`` matches, so a word in every report answers
        # as fast as a rare one; ranking every match by relevance cost seconds at 500 000
        # sections. Words typed together (``han quoc``) first find the sections where they stand
        # together among the newest TOGETHER_SECTIONS, then the others that hold them all: a
        # phrase of common words that stand together nowhere (``giao duc dao tao`` in texts
        # saying "giáo dục và đào tạo") had SQLite check the word positions of every section
        # holding the four words, 190-400 ms at 10 000 sources.
        text = query.text
        rows: list = []
        if len(text.words) > 1:
            together = TextQuery(phrases=(*text.phrases, text.words), prefix=text.prefix)
            rows = self._rows(replace(query, text=together), [], newest=TOGETHER_SECTIONS)
        if len(rows) < query.limit:
            rows += self._rows(replace(query, limit=query.limit - len(rows)), [r[0] for r in rows])
        figures = self._figures_of([row[0] for row in rows])
        return [
            Hit(
                section_id=row[0],
                section_key=row[1],
                kind=row[2],
                text=row[3],
                source=_source_info(row[4:]),
                spans=highlights(row[3], query.text),
                figures=figures.get(row[0], []),
            )
            for row in rows
        ]

    def _rows(self, query: Query, exclude: list[int], newest: int | None = None) -> list:
        """The page of ``query`` without the sections ``exclude`` lists (only among the
        ``newest`` sections when given)."""
        where: list[str] = []
        params: list = []
        if query.text.empty:
            source, order = "sections s", "s.id DESC"
        else:
            above = None
            if newest is not None:
                above = int(self._one("SELECT COALESCE(MAX(id), 0) FROM sections")[0]) - newest
            source, condition, order, text_params = self._text_match(query.text, above)
            where.append(condition)
            params += text_params
        if exclude:
            where.append(f"s.id NOT IN ({', '.join('?' * len(exclude))})")
            params += exclude
        if not query.all_versions:
            where.append("src.current = 1")
        if query.counterpart_keys:
            keys = sorted(query.counterpart_keys)
            marks = ", ".join("?" * len(keys))
            condition, condition_params = self._narrowing(
                "entities e",
                f"e.key IN ({marks})",
                keys,
                bool(query.text.words or query.text.phrases),
            )
            where.append(condition)
            params += condition_params
        # A source known only by its year is in the range when its year is.
        if query.date_from:
            where.append("(src.date >= ? OR (src.date IS NULL AND src.year >= ?))")
            params += [query.date_from, int(query.date_from[:4])]
        if query.date_to:
            where.append("(src.date <= ? OR (src.date IS NULL AND src.year <= ?))")
            params += [query.date_to, int(query.date_to[:4])]
        if query.figure_kind or (query.figure is not None and not query.figure.empty):
            conditions, figure_params = _figure_conditions(query)
            condition, condition_params = self._narrowing(
                "figures f", conditions, figure_params, bool(query.text.words or query.text.phrases)
            )
            where.append(condition)
            params += condition_params
        if query.source:
            if query.source.isdigit():
                where.append("src.id = ?")
                params.append(int(query.source))
            else:
                pattern = f"%{query.source.lower()}%"
                where.append(
                    "(lower(src.name) LIKE ? OR lower(src.title) LIKE ? OR lower(src.path) LIKE ?)"
                )
                params += [pattern] * 3
        # CROSS JOIN keeps SQLite's planner walking the sections (newest first) and looking
        # their source up, rather than sorting every section of every current source.
        sql = (
            f"SELECT s.id, s.section_key, s.kind, s.text, {_SOURCE_COLUMNS} FROM {source} "
            f"CROSS JOIN sources src WHERE src.id = s.source_id "
            + "".join(f"AND {condition} " for condition in where)
        )
        return self._page(sql, params, order, query)

    def _narrowing(self, table: str, condition: str, params: list, text: bool) -> tuple[str, list]:
        """The filter "a row of ``table`` (``entities e`` or ``figures f``) of this section
        meets ``condition``", written for speed: when few rows meet it, as a list of section ids
        taken from the table's index; when many do, as a check of each section met while
        walking them newest first (which stops at the limit)."""
        alias = table.split()[1]
        if not text:
            count = self._one(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {condition} LIMIT ?) AS c",
                [*params, SELECTIVE_ROWS],
            )[0]
            if count < SELECTIVE_ROWS:
                return f"s.id IN (SELECT {alias}.section_id FROM {table} WHERE {condition})", params
        return (
            f"EXISTS (SELECT 1 FROM {table} WHERE {alias}.section_id = s.id AND {condition})",
            params,
        )

    def _figures_of(self, section_ids: list[int]) -> dict[int, list[FigureInfo]]:
        if not section_ids:
            return {}
        # Sorted here, not by ORDER BY id: PostgreSQL then walked every figure by its key.
        rows = self._all(
            "SELECT id, section_id, surface, kind, value, value_high, unit, qualifier, year "
            f"FROM figures WHERE section_id IN ({', '.join('?' * len(section_ids))})",
            section_ids,
        )
        found: dict[int, list[FigureInfo]] = {}
        for row in sorted(rows):
            found.setdefault(row[1], []).append(FigureInfo(*row[2:]))
        return found

    def sources(self, all_versions: bool = False) -> list[SourceInfo]:
        with self._guard("Không đọc được thư viện", "Could not read the library"):
            rows = self._all(
                f"SELECT {_SOURCE_COLUMNS} FROM sources src "
                + ("" if all_versions else "WHERE src.current = 1 ")
                + "ORDER BY src.date DESC NULLS LAST, src.id DESC"
            )
        return [_source_info(row) for row in rows]

    def document(self, source_id: int) -> SourceDocument:
        """The stored source, exactly as it was loaded (same text, same key)."""
        with self._guard("Không đọc được thư viện", "Could not read the library"):
            row = self._one("SELECT document FROM sources WHERE id = ?", (source_id,))
        if row is None:
            raise BriefingError(
                f"Thư viện không còn nguồn số {source_id}.",
                f"The library no longer holds source {source_id}.",
                path=self.where,
            )
        return unpack_document(row[0])

    def stats(self) -> dict:
        with self._guard("Không đọc được thư viện", "Could not read the library"):
            counts = {
                "sources": self._one("SELECT COUNT(*) FROM sources WHERE current = 1")[0],
                "versions": self._one("SELECT COUNT(*) FROM sources")[0],
                "sections": self._one("SELECT COUNT(*) FROM sections")[0],
                "figures": self._one("SELECT COUNT(*) FROM figures")[0],
                "entities": self._one("SELECT COUNT(*) FROM entities")[0],
            }
            size = self._size_bytes()
        return {
            **{key: int(value) for key, value in counts.items()},
            "bytes": size,
            "backend": self.dialect,
            "location": self.where,
            "schema": SCHEMA_VERSION,
        }

    # ----- removing --------------------------------------------------------------------------

    def remove(self, reference: str) -> list[SourceInfo]:
        """Remove a source by id (that version), by path (every version) or by hash prefix."""
        with self._guard("Không xoá được khỏi thư viện", "Could not remove from the library"):
            with self._transaction():
                rows = self._find(reference)
                ids = [int(row[0]) for row in rows]
                if ids:
                    marks = ", ".join("?" * len(ids))
                    self._forget_text_index(ids)
                    self._execute(f"DELETE FROM entities WHERE source_id IN ({marks})", ids)
                    self._execute(f"DELETE FROM figures WHERE source_id IN ({marks})", ids)
                    self._execute(f"DELETE FROM sections WHERE source_id IN ({marks})", ids)
                    self._execute(f"DELETE FROM sources WHERE id IN ({marks})", ids)
                    for path in {row[2] for row in rows if row[2]}:
                        self._execute(
                            "UPDATE sources SET current = 1 WHERE path = ? AND version = "
                            "(SELECT MAX(version) FROM sources WHERE path = ?)",
                            (path, path),
                        )
        if not rows:
            raise BriefingError(
                f"Thư viện không có nguồn nào ứng với “{reference}” (số, đường dẫn hoặc mã băm).",
                f"The library holds no source matching “{reference}” (id, path or hash).",
                path=self.where,
            )
        return [_source_info(row) for row in rows]

    def _find(self, reference: str) -> list:
        base = f"SELECT {_SOURCE_COLUMNS} FROM sources src WHERE "
        if reference.isdigit():
            rows = self._all(base + "src.id = ?", (int(reference),))
            if rows:
                return rows
        absolute = str(Path(reference).expanduser().absolute())
        rows = self._all(base + "src.path = ? OR src.path = ?", (reference, absolute))
        if rows or len(reference) < 8:
            return rows
        return self._all(base + "src.sha256 LIKE ?", (reference.lower() + "%",))


class UpgradeNeeded(BriefingError):
    """The library holds an older schema and was opened with ``upgrade=False``: the caller
    upgrades it where the wait can be shown (``open_library`` with progress and cancel)."""

    def __init__(self, where: str, version: int) -> None:
        super().__init__(
            f"Thư viện dùng lược đồ {version} cũ; cần cập nhật lên lược đồ {SCHEMA_VERSION} "
            "trước khi dùng.",
            f"The library holds the older schema {version}; it needs upgrading to schema "
            f"{SCHEMA_VERSION} before use.",
            path=where,
        )
        self.version = version


def _share(step: Step) -> int:
    return step.share if isinstance(step, RowStep) else 1


class _Duplicate(Exception):
    """The same content was stored by another process inside our transaction's window."""


def _figure_conditions(query: Query) -> tuple[str, list]:
    conditions, params = [], []
    if query.figure_kind:
        conditions.append("kind = ?")
        params.append(query.figure_kind)
    figure = query.figure
    if figure is not None and figure.comparison is not None:
        symbol = {"≥": ">=", "≤": "<="}.get(figure.comparison, figure.comparison)
        conditions.append(f"value {symbol} ?")
        params.append(figure.value)
    for word in figure.words if figure is not None else ():
        conditions.append("words LIKE ?")
        params.append(f"%{word}%")
    return " AND ".join(conditions), params


def _source_info(row: Sequence) -> SourceInfo:
    return SourceInfo(
        id=int(row[0]),
        sha256=row[1],
        path=row[2],
        name=row[3],
        title=row[4],
        date=row[5],
        publisher=row[6],
        format=row[7],
        version=int(row[8]),
        current=bool(row[9]),
        added_at=row[10],
        year=None if row[11] is None else int(row[11]),
    )
