"""``briefing library add|search|list|remove|stats``: the library from the command line.

Every action prints a short Vietnamese report, or one JSON object with ``--json``; ``stats --json``
gives at least the counts ``sources``, ``sections`` and ``figures``. ``--library`` names another
library (a SQLite file or a ``postgresql://`` connection string) than the configured one. When
the library's schema is older than this version's, it is upgraded first, with its progress on
stderr (Ctrl+C rolls the upgrade back).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_studio.library.backends import open_library
from briefing_studio.library.query import FIGURE_KINDS, build_query
from briefing_studio.library.scan import add_paths
from briefing_studio.library.schema import SCHEMA_VERSION

HELP = "thư viện nguồn / the source library: add, search, list, remove, stats"


def add_parser(sub) -> None:
    """Register ``library`` and its actions on the CLI's subparsers."""
    parser = sub.add_parser("library", help=HELP, description=HELP)
    actions = parser.add_subparsers(dest="action", metavar="{add,search,list,remove,stats}")
    actions.required = True

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        child = actions.add_parser(name, help=help_text)
        child.add_argument("--json", action="store_true", help="print one JSON object")
        child.add_argument(
            "--library",
            metavar="LOCATION",
            help="SQLite file or postgresql:// connection string (default: the app's setting)",
        )
        child.set_defaults(handler=run)
        return child

    add = action("add", "thêm tệp, thư mục / add files and folders")
    add.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    search = action("search", "tìm kiếm / search")
    search.add_argument("text", nargs="*", help='words; "quoted words" as a phrase')
    search.add_argument("--counterpart", help="country or province (Hàn Quốc, Bắc Giang)")
    search.add_argument("--year-from", type=int, metavar="YEAR")
    search.add_argument("--year-to", type=int, metavar="YEAR")
    search.add_argument("--date-from", metavar="DATE", help="2024, 2024-03 or 2024-03-15")
    search.add_argument("--date-to", metavar="DATE")
    search.add_argument("--kind", choices=FIGURE_KINDS, help="figure kind")
    search.add_argument("--figure", metavar="EXPR", help='e.g. "tỷ USD > 1" or "> 500 triệu"')
    search.add_argument("--source", help="source id, or words of its name, title or path")
    search.add_argument("--all-versions", action="store_true")
    search.add_argument("--limit", type=int, default=20)
    listing = action("list", "danh sách nguồn / list sources")
    listing.add_argument("--all-versions", action="store_true")
    remove = action("remove", "xoá nguồn / remove sources")
    remove.add_argument("references", nargs="+", metavar="ID_PATH_OR_HASH")
    action("stats", "thống kê / counts")


def run(args: argparse.Namespace) -> int:
    with open_library(args.library, progress=_upgrade_progress()) as library:
        payload, lines = _ACTIONS[args.action](library, args)
    if args.json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print("\n".join(lines))
    return 0


def _add(library, args):
    progress = _progress() if sys.stderr.isatty() else None
    report = add_paths(library, args.paths, progress=progress)
    lines = [
        f"{'Phiên bản mới' if r.status == 'new_version' else 'Đã thêm'}: {r.source.path} "
        f"(#{r.source.id})"
        for r in report.added
    ]
    lines += [
        f"Đã có sẵn: {r.source.path or r.source.name} (#{r.source.id})" for r in report.duplicates
    ]
    lines += [f"Lỗi: {e.message('vi')}" for e in report.errors]
    lines.append(
        f"Thêm {len(report.added)}, đã có {len(report.duplicates) + len(report.unchanged)}, "
        f"lỗi {len(report.errors)}."
    )
    return report.to_json(), lines


def _search(library, args):
    query = build_query(
        " ".join(args.text),
        counterpart=args.counterpart,
        year_from=args.year_from,
        year_to=args.year_to,
        date_from=args.date_from,
        date_to=args.date_to,
        figure_kind=args.kind,
        figure=args.figure,
        source=args.source,
        all_versions=args.all_versions,
        limit=args.limit,
    )
    hits = library.search(query)
    lines = []
    for hit in hits:
        source = hit.source
        lines.append(
            f"#{source.id} {source.title} ({source.date or 'không rõ ngày'}) — {hit.section_key}"
        )
        lines.append("  " + _marked(hit.text, hit.spans))
        if hit.figures:
            lines.append("  Số liệu: " + "; ".join(f.surface for f in hit.figures))
    lines.append(f"{len(hits)} kết quả.")
    return {"hits": [hit.to_json() for hit in hits]}, lines


def _list(library, args):
    sources = library.sources(all_versions=args.all_versions)
    lines = [
        f"#{s.id} {s.date or '----------'} v{s.version} {s.title} — {s.path or s.name}"
        for s in sources
    ]
    lines.append(f"{len(sources)} nguồn.")
    return {"sources": [s.to_json() for s in sources]}, lines


def _remove(library, args):
    removed = [info for reference in args.references for info in library.remove(reference)]
    lines = [f"Đã xoá: #{s.id} {s.path or s.name} (v{s.version})" for s in removed]
    return {"removed": [s.to_json() for s in removed]}, lines


def _stats(library, args):
    stats = library.stats()
    lines = [
        f"Thư viện: {stats['location']} ({stats['backend']}, lược đồ {stats['schema']})",
        f"Nguồn: {stats['sources']} (kể cả các phiên bản cũ: {stats['versions']})",
        f"Đoạn: {stats['sections']}; số liệu: {stats['figures']}; địa danh: {stats['entities']}",
        f"Dung lượng: {stats['bytes'] / 1e6:.1f} MB",
    ]
    return stats, lines


_ACTIONS = {"add": _add, "search": _search, "list": _list, "remove": _remove, "stats": _stats}


def _marked(text: str, spans: list[tuple[int, int]], limit: int = 300) -> str:
    """The text with hits in [brackets], cut around the first hit when long."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "[", text[start:end], "]"]
        last = end
    out.append(text[last:])
    marked = "".join(out)
    if len(marked) <= limit:
        return marked
    first = marked.find("[")
    begin = max(0, first - limit // 3) if first >= 0 else 0
    return ("…" if begin else "") + marked[begin : begin + limit] + "…"


def _upgrade_progress():
    """Progress of an upgrade of the library's schema, on stderr: a line that counts up on a
    terminal, a line each tenth otherwise (a log). Ctrl+C rolls the upgrade back."""
    terminal = sys.stderr.isatty()
    shown = [-1]

    def report(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        step = percent if terminal else percent - percent % 10
        if step == shown[0]:
            return
        shown[0] = step
        line = f"Đang cập nhật thư viện lên lược đồ {SCHEMA_VERSION}: {step}%"
        if terminal:
            print("\r" + line, end="\n" if percent >= 100 else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    return report


def _progress():
    def report(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return report
