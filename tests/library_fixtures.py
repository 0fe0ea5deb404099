"""Helpers of the library tests: the two backends, and short Vietnamese reports to index.

PostgreSQL runs when ``BRIEFING_TEST_PG`` holds a connection string (``.ci/run`` starts a
throwaway server and sets it); each test then gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_URL = os.environ.get("BRIEFING_TEST_PG", "")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="BRIEFING_TEST_PG is not set"),
    ),
]


@contextmanager
def library_location(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty library location on ``backend``."""
    if backend == "sqlite":
        yield str(tmp_path / "library.sqlite3")
        return
    import psycopg
    from psycopg.conninfo import make_conninfo

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _url_with_schema(make_conninfo(PG_URL, options=f"-c search_path={schema}"))
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def _url_with_schema(conninfo: str) -> str:
    """A key=value conninfo as a postgresql:// URL (the library recognises servers by it)."""
    from urllib.parse import quote

    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(conninfo)
    dbname = parts.pop("dbname", "")
    query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in parts.items())
    return f"postgresql:///{dbname}?{query}"


REPORT_KR = (
    "Quan hệ Việt Nam – Hàn Quốc năm 2024\n"
    "Thành phố Hà Nội, ngày 15/3/2024\n"
    "Năm 2024, kim ngạch thương mại hai chiều Việt Nam – Hàn Quốc đạt 81,5 tỷ USD, "
    "tăng 6,5% so với năm trước.\n"
    "Đà Nẵng và Bắc Giang tiếp tục thu hút đầu tư từ các doanh nghiệp Hàn Quốc.\n"
    "Tỉnh Bắc Ninh đã đón 12 đoàn doanh nghiệp đến tìm hiểu cơ hội hợp tác."
)
REPORT_JP = (
    "Hợp tác với Nhật Bản\n"
    "Năm 2023, vốn đăng ký của các dự án Nhật Bản tại Đồng Nai đạt 500 triệu USD.\n"
    "Hàn và Quốc là hai chữ đứng xa nhau trong câu này, không phải tên nước."
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def numbered_report(n: int) -> str:
    """A distinct short report: its own word ``maso<n>`` and a figure, varied by ``n``."""
    provinces = ("Bắc Giang", "Đà Nẵng", "Nghệ An", "Cần Thơ", "Lào Cai")
    countries = ("Hàn Quốc", "Nhật Bản", "Ấn Độ", "Ô-xtrây-li-a", "Pháp")
    return (
        f"Báo cáo số maso{n}\n"
        f"Năm {2015 + n % 10}, {provinces[n % 5]} đón {n + 3} đoàn doanh nghiệp "
        f"{countries[n % 5]} với tổng vốn đăng ký {n + 1},5 triệu USD.\n"
        f"Đoạn thứ hai của báo cáo maso{n} nói về đào tạo nhân lực."
    )


def make_schema_1_library(location: str, monkeypatch, texts: list[str]) -> list[int]:
    """A library of schema version 1 at ``location`` holding one source whose sections are
    ``texts``, its rows as version 1 wrote them (the folded text in the sections table on
    PostgreSQL, its tsvector generated from it; in the FTS table on SQLite). The section ids."""
    from briefing_studio.library import open_library, schema, store
    from briefing_studio.textutil import fold

    ids = list(range(7, 7 + len(texts)))
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", {1: schema.MIGRATIONS[1]})
        old.setattr(store, "SCHEMA_VERSION", 1)
        with open_library(location) as library:
            assert library.schema_version() == 1
            library._execute(
                "INSERT INTO sources (id, sha256, path, name, title, format, version, current, "
                "added_at, document) VALUES (1, 'ab', '/r.txt', 'r.txt', 'R', 'txt', 1, 1, "
                "'2025-01-01', ?)",
                (b"",),
            )
            for n, (section_id, text) in enumerate(zip(ids, texts, strict=True)):
                values = (section_id, f"ab/s{n}", n, text)
                if library.dialect == "postgresql":
                    library._execute(
                        "INSERT INTO sections (id, source_id, section_key, ord, kind, text, "
                        "folded) VALUES (?, 1, ?, ?, 'paragraph', ?, ?)",
                        (*values, fold(text)),
                    )
                else:
                    library._execute(
                        "INSERT INTO sections (id, source_id, section_key, ord, kind, text) "
                        "VALUES (?, 1, ?, ?, 'paragraph', ?)",
                        values,
                    )
                    library._execute(
                        "INSERT INTO sections_fts (rowid, folded) VALUES (?, ?)",
                        (section_id, fold(text)),
                    )
            if library.dialect == "postgresql":  # ids given above: the next ones follow them
                for table in ("sources", "sections"):
                    library._execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) "
                        f"FROM {table}"
                    )
    return ids
