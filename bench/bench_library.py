"""The source library at office scale: indexing throughput, size, memory and search latency.

Generates ``--sources`` reports (10 000 by default, about 20 000 characters of varied Vietnamese
sentences each, 27 KB of UTF-8: 266 MB) from a seeded random mix of sentence patterns —
countries, current and former provinces, money, percent and count figures, years — writes them
as files into a temporary folder (not timed) and indexes that folder one file at a time the way
``briefing library add FOLDER`` does (``library.scan.add_paths``: stat, load, analyse, add, one
transaction per source) into a fresh library on each backend: SQLite (a file in a temporary
folder) and PostgreSQL (when ``BRIEFING_BENCH_PG`` or ``BRIEFING_TEST_PG`` holds a connection
string; a throwaway schema, dropped afterwards).

Per backend, in a child process of its own (so the peak memory is that backend's):
``index_mb_per_s`` and ``index_sources_per_s``, ``index_cpu_ms_per_source`` (this process's
CPU: less sensitive to other work on the machine than the wall clock; not the server's on
PostgreSQL), the load average while indexing (``index_load_average``, sampled every 100
sources, and its maximum), ``db_mb`` on disk, ``peak_rss_mb`` (VmHWM), and p50/p95 of three
searches, each asked ``--queries`` times with varying words (the GUI's limit of 50 hits,
highlights and figures included): a text query, a filtered figure query (``tỷ USD > 1`` since
2020) and a counterpart query (a country or a province, former ones finding their successors).
The issue's target is a p95 of at most 100 ms.

    python bench/bench_library.py                    # 10 000 sources, both backends (slow)
    python bench/bench_library.py --sources 500      # a quick look
    python bench/bench_library.py --backend sqlite --sources 2000 --json
    python bench/bench_library.py --sources 10000 --keep /tmp/l.sqlite3   # kept afterwards
    python bench/bench_library.py --keep /tmp/l.sqlite3 --search-only       # searches again

Progress goes to stderr every 500 sources; on a machine shared with other work, ``--stop-file
F`` ends the indexing early (``touch F``) and times the searches on what was indexed by then.

Measured at 10 000 sources on 2 cores shared with three other engineers' work, ``nice -n 10``,
one backend at a time (load average while indexing: SQLite 4.5, max 6.8; PostgreSQL 2.9, max
4.1), p50/p95 in ms::

    backend     sources/s  CPU ms/source      DB MB  peak RSS  text       figure     counterpart
    SQLite      3.3        105                1 368  71 MB     15.5/32.7  11.5/14.2   6.7/11.8
    PostgreSQL  6.7        87 (+30 server)    2 875  85 MB     12.4/25.7   9.4/11.7   9.2/11.8
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from itertools import pairwise
from pathlib import Path

from common import Result, Results, print_results, skipped

FULL_SOURCES = 10_000
TABLE_SOURCES = (100, 500)  # bench/run.py: (--quick, full); the scale runs from here
QUERIES = 100
IDLE_HEARTBEAT_S = 30.0  # --ui-scan: the heartbeat alone, before the scan
CHILD_TIMEOUT_S = 4 * 3600

COUNTRIES = (
    "Hàn Quốc",
    "Nhật Bản",
    "Ấn Độ",
    "Ô-xtrây-li-a",
    "Pháp",
    "Đức",
    "Hoa Kỳ",
    "Lào",
    "Cam-pu-chia",
    "Xin-ga-po",
    "Thái Lan",
    "In-đô-nê-xi-a",
    "Trung Quốc",
    "Nga",
    "Ca-na-đa",
)
PROVINCES = (
    "Bắc Giang",
    "Bắc Ninh",
    "Đà Nẵng",
    "Quảng Nam",
    "Nghệ An",
    "Hà Tĩnh",
    "Cần Thơ",
    "Hậu Giang",
    "Lào Cai",
    "Yên Bái",
    "Thái Nguyên",
    "Bắc Kạn",
    "Hải Phòng",
    "Hải Dương",
    "Bình Dương",
    "Đồng Nai",
    "Khánh Hòa",
    "Quảng Ninh",
)
TOPICS = (
    "thương mại",
    "đầu tư trực tiếp",
    "giáo dục và đào tạo",
    "năng lượng tái tạo",
    "chuyển đổi số",
    "nông nghiệp công nghệ cao",
    "du lịch",
    "y tế",
    "logistics",
    "công nghiệp chế biến",
    "khoa học công nghệ",
    "hạ tầng giao thông",
    "văn hóa",
)
ACTORS = (
    "Bộ Ngoại giao",
    "Bộ Công Thương",
    "Ủy ban nhân dân tỉnh",
    "Đại sứ quán",
    "Phòng Thương mại và Công nghiệp Việt Nam",
    "các doanh nghiệp",
    "Chính phủ",
)
VERBS = (
    "thúc đẩy",
    "tăng cường",
    "mở rộng",
    "đẩy mạnh",
    "triển khai",
    "đánh giá cao",
    "ghi nhận",
    "đề nghị",
    "cam kết",
)
SENTENCES = (
    "Năm {year}, kim ngạch thương mại giữa Việt Nam và {country} đạt {money} tỷ USD, "
    "tăng {pct}% so với năm trước.",
    "{province} đã thu hút {count} dự án từ {country} với tổng vốn đăng ký {small} triệu USD.",
    "{actor} {verb} hợp tác với {country} trong lĩnh vực {topic}.",
    "Hai bên nhất trí {verb} hợp tác về {topic}, phấn đấu đưa quan hệ lên tầm cao mới.",
    "Tính đến hết năm {year}, {province} có hơn {count} doanh nghiệp hoạt động trong lĩnh vực "
    "{topic}.",
    "Doanh thu từ {topic} của {province} ước đạt {dong} tỷ đồng, tăng {pct}% so với cùng kỳ.",
    "Đoàn công tác của {province} đã làm việc với các đối tác {country} về {topic}.",
    "{actor} đề nghị phía {country} tạo điều kiện thuận lợi cho hàng hóa Việt Nam, nhất là "
    "nông sản và thủy sản.",
    "Trong giai đoạn {year}–{year2}, tỷ lệ giải ngân vốn đạt {pct}%, cao hơn mức trung bình "
    "cả nước.",
    "Hội nghị ghi nhận {count} thỏa thuận hợp tác được ký kết giữa các địa phương và đối tác "
    "nước ngoài.",
)


def report_text(rng: random.Random, n: int, target_chars: int = 20_000) -> tuple[str, str]:
    """(text, ISO date) of generated report ``n``: a title, a dated lead, then paragraphs."""
    year = rng.randint(2015, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    country = rng.choice(COUNTRIES)
    lines = [
        f"Báo cáo số {n}/BC về quan hệ hợp tác với {country} năm {year}",
        f"Hà Nội, ngày {int(date[8:])}/{int(date[5:7])}/{year}",
    ]
    size = sum(map(len, lines))
    while size < target_chars:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            pattern = rng.choice(SENTENCES)
            sentences.append(
                pattern.format(
                    year=rng.randint(2015, 2025),
                    year2=rng.randint(2026, 2030),
                    country=rng.choice(COUNTRIES) if rng.random() < 0.4 else country,
                    province=rng.choice(PROVINCES),
                    money=f"{rng.randint(1, 90)},{rng.randint(1, 9)}",
                    small=rng.randint(5, 950),
                    dong=f"{rng.randint(1, 9)}.{rng.randint(100, 999)}",
                    pct=f"{rng.randint(1, 40)},{rng.randint(1, 9)}",
                    count=rng.randint(2, 900),
                    topic=rng.choice(TOPICS),
                    actor=rng.choice(ACTORS),
                    verb=rng.choice(VERBS),
                )
            )
        paragraph = " ".join(sentences)
        lines.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(lines), date


def _rss_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    location: str,
    sources: int,
    queries: int,
    seed: int = 16,
    index: bool = True,
    stop_file: str | None = None,
) -> Result:
    """Index ``sources`` generated reports into ``location`` and time the three searches
    (``index=False``: only the searches, on what ``location`` already holds). Indexing stops
    early, and the searches run on what was indexed, once ``stop_file`` exists."""
    from briefing_studio.errors import Cancelled
    from briefing_studio.library import build_query, open_library
    from briefing_studio.library.scan import add_paths

    rng = random.Random(seed)
    total_chars = 0
    with tempfile.TemporaryDirectory() as folder, open_library(location) as library:
        # The reports are files first (not timed), then indexed as ``briefing library add
        # FOLDER`` does: each one stat-ed, loaded, analysed and added in its own transaction.
        for n in range(sources if index else 0):
            text, _date = report_text(rng, n)
            total_chars += len(text.encode("utf-8"))
            (Path(folder) / f"{n:05d}.txt").write_text(text, encoding="utf-8")

        loads: list[float] = []

        def progress(done: int, _total: int) -> None:
            if done % 100 == 0:
                loads.append(os.getloadavg()[0])
            if done and done % 500 == 0:
                print(
                    f"{done} sources, {time.perf_counter() - started:.0f} s, "
                    f"{time.process_time() - cpu_started:.0f} s CPU, "
                    f"load {os.getloadavg()[0]:.1f}",
                    file=sys.stderr,
                    flush=True,
                )

        def stop() -> bool:
            return bool(stop_file) and os.path.exists(stop_file)

        started = time.perf_counter()
        cpu_started = time.process_time()
        if index:
            try:
                report = add_paths(library, [Path(folder)], progress=progress, cancelled=stop)
                added = len(report.added)
            except Cancelled:  # --stop-file: the searches run on what was indexed
                added = int(library.stats()["sources"])
            if added < sources:
                total_chars = round(total_chars * added / sources)
                sources = added
        index_s = max(time.perf_counter() - started, 1e-9)
        index_cpu_s = time.process_time() - cpu_started
        stats = library.stats()
        if not index:
            sources = stats["sources"]
        cases = {
            "text": lambda i: build_query(
                rng.choice(
                    (
                        '"kim ngach thuong mai"',
                        "han quoc",
                        "nang luong tai tao",
                        "dau tu truc tiep",
                        "giao duc dao tao",
                        "nong san thuy san",
                        "chuyen doi so",
                        "bac giang",
                    )
                )
            ),
            "figure": lambda i: build_query(
                figure=rng.choice(("tỷ USD > 1", "tỷ USD > 50", "> 500 triệu USD", "> 30 %")),
                year_from=2020,
            ),
            "counterpart": lambda i: build_query(
                counterpart=rng.choice((*COUNTRIES[:8], "Bắc Giang", "Bắc Ninh", "Hậu Giang"))
            ),
        }
        result: Result = {
            "median_s": index_s if index else 0.0,
            "runs": 1,
            "sources": sources,
            "text_mb": round(total_chars / 1e6, 1),
            "index_mb_per_s": round(total_chars / 1e6 / index_s, 2),
            "index_sources_per_s": round(sources / index_s, 1),
            # This process's CPU seconds: on a machine shared with other work, wall time is not
            # the library's alone (the server's own CPU is not in it for PostgreSQL).
            "index_cpu_s": round(index_cpu_s, 1),
            "index_cpu_ms_per_source": round(1000 * index_cpu_s / max(sources, 1), 1),
            # The 1-minute load average sampled every 100 sources while indexing (mean, max),
            # then as the searches start: the other work that shared the 2 cores.
            "index_load_average": round(statistics.fmean(loads), 1) if loads else None,
            "index_load_max": round(max(loads), 1) if loads else None,
            "load_average": round(os.getloadavg()[0], 1),
            "sections": stats["sections"],
            "figures": stats["figures"],
            "db_mb": round(stats["bytes"] / 1e6, 1),
        }
        if not index:  # nothing was indexed: no throughput to tell
            for key in (
                "text_mb",
                "index_mb_per_s",
                "index_sources_per_s",
                "index_cpu_s",
                "index_cpu_ms_per_source",
                "index_load_average",
                "index_load_max",
            ):
                del result[key]
        for name, make in cases.items():
            library.search(make(0))  # warm-up: caches, the gazetteer
            times, cpu, hits = [], [], 0
            for i in range(queries):
                query = make(i)
                start, cpu_start = time.perf_counter(), time.process_time()
                hits += len(library.search(query))
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - cpu_start)
            result[f"{name}_p50_ms"] = round(statistics.median(times) * 1000, 1)
            result[f"{name}_p95_ms"] = round(_percentile(times, 0.95) * 1000, 1)
            # This process's CPU per search (not the server's): what load does not inflate.
            result[f"{name}_cpu_p95_ms"] = round(_percentile(cpu, 0.95) * 1000, 1)
            result[f"{name}_hits"] = round(hits / queries, 1)
    result["peak_rss_mb"] = round(_rss_mb(), 1)
    return result


def grow(location: str, target: int) -> int:
    """Copy the library's sources (with their sections, figures and places, under new ids,
    hashes and paths) until it holds ``target``: searches can then be timed at a scale this
    machine had no time to index. The copies repeat the originals' text, which the generator
    drew from the same sentence patterns anyway. Returns the number of sources held."""
    from briefing_studio.library import open_library

    with open_library(location) as library:
        pg = library.dialect == "postgresql"
        run = library._execute
        held = int(library._one("SELECT COUNT(*) FROM sources")[0])
        originals = int(library._one("SELECT MAX(id) FROM sources")[0])
        copy = 0
        if pg:
            run("DROP INDEX IF EXISTS sections_tsv")  # built once at the end: far faster
        while held < target:
            copy += 1
            top_source = int(library._one("SELECT MAX(id) FROM sources")[0])
            top_section = int(library._one("SELECT MAX(id) FROM sections")[0])
            last = min(originals, target - held)  # original ids 1..last are copied
            with library._transaction():
                run(
                    "INSERT INTO sources (id, sha256, path, name, title, date, year, publisher, "
                    "format, version, current, added_at, file_size, file_mtime, document) "
                    "SELECT id + ?, sha256 || ?, path || ?, name, title, date, year, publisher, "
                    "format, version, current, added_at, file_size, file_mtime, document "
                    "FROM sources WHERE id <= ?",
                    (top_source, f"-{copy}", f"#{copy}", last),
                )
                text_column = ", tsv" if pg else ""
                run(
                    "INSERT INTO sections (id, source_id, section_key, ord, kind, text"
                    f"{text_column}) SELECT id + ?, source_id + ?, section_key, ord, kind, "
                    f"text{text_column} FROM sections WHERE source_id <= ?",
                    (top_section, top_source, last),
                )
                if not pg:
                    run(
                        "INSERT INTO sections_fts (rowid, folded) SELECT f.rowid + ?, f.folded "
                        "FROM sections_fts f JOIN sections s ON s.id = f.rowid "
                        "WHERE s.source_id <= ?",
                        (top_section, last),
                    )
                run(
                    "INSERT INTO figures (section_id, source_id, figure_key, surface, kind, "
                    "value, value_high, unit, qualifier, year, words) SELECT section_id + ?, "
                    "source_id + ?, figure_key, surface, kind, value, value_high, unit, "
                    "qualifier, year, words FROM figures WHERE source_id <= ?",
                    (top_section, top_source, last),
                )
                run(
                    "INSERT INTO entities (section_id, source_id, kind, key, name, current_key) "
                    "SELECT section_id + ?, source_id + ?, kind, key, name, current_key "
                    "FROM entities WHERE source_id <= ?",
                    (top_section, top_source, last),
                )
            held += last
            print(f"grown to {held} sources", file=sys.stderr, flush=True)
        if pg:
            for table in ("sources", "sections"):
                run(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}")
            run("CREATE INDEX IF NOT EXISTS sections_tsv ON sections USING GIN (tsv)")
            run("ANALYZE")  # what autovacuum does to a library filled source by source
        # Not on SQLite: the app never runs ANALYZE there, and with its statistics SQLite's
        # planner read every source row into a Bloom filter on each search (72 ms at 10 000).
    return held


def ui_scan(files: int, chars: int) -> Result:
    """The main window (offscreen) while its Library tab scans a watched folder of ``files``
    generated reports of about ``chars`` characters each: the longest pause of the UI thread,
    seen by a 10 ms ``QTimer`` heartbeat from the start of the scan to its end (the issue asks
    for none over 100 ms), and the scan's time; ``idle_*``: the same heartbeat for 30 s before
    the scan, when the window has nothing to do (on a busy machine, the pauses the system's
    scheduler alone causes). Runs in this process, with the library in the
    user folder ``BRIEFING_STUDIO_HOME`` names."""
    from PySide6.QtCore import QEventLoop, QTimer

    from bench_ui import _idle, _open_window, _wait
    from briefing_studio.library import open_library
    from briefing_studio.ui.library_panel import set_watched_folders

    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as folder:
        for n in range(files):
            text, _date = report_text(rng, n, target_chars=chars)
            sub = Path(folder) / f"{2015 + n % 11}"
            sub.mkdir(exist_ok=True)
            (sub / f"bao-cao-{n:04d}.txt").write_text(text, encoding="utf-8")
        app, window = _open_window()
        _wait(app, lambda: _idle(window), timeout=300)
        panel = window.library_panel
        set_watched_folders([folder])
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(50)
        check.timeout.connect(lambda: panel.scan_op is None and loop.quit())
        heartbeat.start()
        # The same heartbeat with nothing to do first: what the machine's load alone costs.
        idle = QEventLoop()
        QTimer.singleShot(int(IDLE_HEARTBEAT_S * 1000), idle.quit)
        idle.exec()
        idle_gaps = [b - a for a, b in pairwise(ticks)]
        ticks.clear()
        started = time.perf_counter()
        cpu_started = time.process_time()
        if panel.scan_watched() is None:
            raise RuntimeError("the scan did not start")
        check.start()
        loop.exec()
        scan_s = time.perf_counter() - started
        cpu_s = time.process_time() - cpu_started
        heartbeat.stop()
        check.stop()
        with open_library() as library:
            held = library.stats()["sources"]
        status = panel.status.text()
        window.state.undo_stack.setClean()
        window.close()
    gaps = sorted(b - a for a, b in pairwise(ticks))
    return {
        "median_s": scan_s,
        "runs": 1,
        "files": files,
        "chars_per_file": chars,
        "library_sources": held,  # the two seed texts the window opened, and the folder
        "scan_cpu_s": round(cpu_s, 1),
        "longest_ui_pause_ms": round(gaps[-1] * 1000, 1),
        "p99_ui_gap_ms": round(_percentile(gaps, 0.99) * 1000, 1),
        "ui_pauses_over_100ms": sum(gap > 0.1 for gap in gaps),
        "idle_longest_pause_ms": round(max(idle_gaps) * 1000, 1),
        "idle_pauses_over_100ms": sum(gap > 0.1 for gap in idle_gaps),
        "heartbeats": len(ticks),
        "load_average": round(os.getloadavg()[0], 1),
        "status": status,
    }


def _pg_url() -> str:
    return os.environ.get("BRIEFING_BENCH_PG") or os.environ.get("BRIEFING_TEST_PG") or ""


def run_backend(
    backend: str,
    sources: int,
    queries: int,
    keep: str | None = None,
    index: bool = True,
    stop_file: str | None = None,
) -> Result:
    """``measure`` on a fresh library of ``backend``, in this process (or on ``keep``, a
    library location left in place afterwards)."""
    if keep:
        return measure(keep, sources, queries, index=index, stop_file=stop_file)
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            return measure(
                str(Path(folder) / "library.sqlite3"), sources, queries, stop_file=stop_file
            )
    url = _pg_url()
    if not url:
        return skipped("set BRIEFING_BENCH_PG (or BRIEFING_TEST_PG) to a PostgreSQL database")
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        parts = conninfo_to_dict(make_conninfo(url, options=f"-c search_path={schema}"))
        dbname = parts.pop("dbname", "")
        from urllib.parse import quote

        location = f"postgresql:///{dbname}?" + "&".join(
            f"{k}={quote(str(v), safe='')}" for k, v in parts.items()
        )
        return measure(location, sources, queries, stop_file=stop_file)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def run_child(backend: str, sources: int, queries: int, *extra: str) -> Result:
    """``run_backend`` in a child process, so the peak memory is its own."""
    command = [
        sys.executable,
        __file__,
        "--backend",
        backend,
        "--sources",
        str(sources),
        "--queries",
        str(queries),
        "--in-process",
        "--json",
        *extra,
    ]
    done = subprocess.run(
        command, stdout=subprocess.PIPE, text=True, timeout=CHILD_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        return skipped(f"child failed with code {done.returncode} (its messages are above)")
    return next(iter(json.loads(done.stdout).values()))


def run(quick: bool = False, sources: int | None = None, queries: int = QUERIES) -> Results:
    """Both backends; ``bench/run.py`` uses a small library (see ``TABLE_SOURCES``)."""
    count = sources or TABLE_SOURCES[0 if quick else 1]
    return {
        f"library/{backend}_{count}": run_child(backend, count, queries)
        for backend in ("sqlite", "postgresql")
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=FULL_SOURCES)
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--quick", action="store_true", help="500 sources, 30 queries")
    parser.add_argument(
        "--keep",
        metavar="LOCATION",
        help="index into this library (a file or a postgresql:// URL) and leave it there",
    )
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="with --keep: time the searches on what the library holds, without indexing",
    )
    parser.add_argument(
        "--stop-file",
        metavar="PATH",
        help="stop indexing once this file exists and time the searches on what was indexed",
    )
    parser.add_argument(
        "--grow-to",
        type=int,
        metavar="N",
        help="with --keep: copy the library's sources until it holds N, then stop",
    )
    parser.add_argument(
        "--ui-scan",
        type=int,
        metavar="FILES",
        help="instead: the window's longest pause while it scans a folder of FILES reports",
    )
    parser.add_argument("--ui-chars", type=int, default=20_000, help="characters per file")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sources, queries = (500, 30) if args.quick else (args.sources, args.queries)
    if args.ui_scan:
        key = f"library/ui_scan_{args.ui_scan}"
        if args.in_process:
            results = {key: ui_scan(args.ui_scan, args.ui_chars)}
        else:
            with tempfile.TemporaryDirectory() as home:
                env = dict(os.environ, BRIEFING_STUDIO_HOME=home, QT_QPA_PLATFORM="offscreen")
                command = [sys.executable, __file__, *(argv or sys.argv[1:]), "--in-process"]
                done = subprocess.run(
                    [*command, "--json"] if "--json" not in command else command,
                    env=env,
                    stdout=subprocess.PIPE,
                    text=True,
                    check=False,
                )
            results = (
                json.loads(done.stdout)
                if done.returncode == 0
                else {key: skipped(f"child failed with code {done.returncode}")}
            )
        if args.json:
            print(json.dumps(results, ensure_ascii=False, indent=1))
        else:
            print_results(results)
        return 0
    if args.grow_to:
        if not args.keep:
            parser.error("--grow-to needs --keep")
        print(grow(args.keep, args.grow_to))
        return 0
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    results: Results = {}
    if args.keep:
        backends = ("postgresql" if args.keep.startswith("postgres") else "sqlite",)
    extra = [
        *(["--keep", args.keep] if args.keep else []),
        *(["--search-only"] if args.search_only else []),
        *(["--stop-file", args.stop_file] if args.stop_file else []),
    ]
    for backend in backends:
        key = f"library/{backend}_{sources}"
        if args.in_process:
            results[key] = run_backend(
                backend, sources, queries, args.keep, not args.search_only, args.stop_file
            )
        else:
            results[key] = run_child(backend, sources, queries, *extra)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print_results(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
