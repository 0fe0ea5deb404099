"""The ``briefing`` command: the desktop app with no arguments, headless subcommands otherwise.

``briefing analyze``, ``briefing render`` and ``briefing templates`` call the same core
functions as the GUI. User errors (``BriefingError``) print a bilingual message and exit with
status 2, never a traceback. Qt is imported only when the GUI is asked for.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_studio import __version__
from briefing_studio.errors import BriefingError
from briefing_studio.gcpause import gc_paused

if TYPE_CHECKING:
    from briefing_studio.briefing import MeetingField

EXIT_OK = 0
EXIT_USER_ERROR = 2
# The subcommands and their one-line help; the parser and the "unknown command" message use it.
COMMANDS = {
    "analyze": "phân tích văn bản nguồn / analyse source files",
    "render": "xuất tài liệu DOCX/PDF / render a briefing to DOCX/PDF",
    "check": "kiểm tra số liệu trước khi gửi / check the figures before they go out",
    "templates": "danh sách mẫu / list templates",
    "sign": "ký số tệp PDF / sign a PDF digitally",
    "verify": "kiểm tra chữ ký số / check a PDF's signatures",
    "library": "thư viện nguồn / the source library: add, search, list, remove, stats",
    "gui": "mở ứng dụng (mặc định) / open the desktop app (the default)",
}
SUBCOMMANDS = tuple(COMMANDS)
EXIT_NOT_VERIFIED = 1

# --select: what each mode puts in the briefing (the first is the default).
SELECT_MODES = {
    "suggested": "the paragraphs and figures the analysis finds relevant to --counterpart, "
    "as the app's Suggest button picks them",
    "all": "every paragraph and every figure of the sources",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``briefing`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        return _run_gui(args_list)
    first = args_list[0]
    if first not in SUBCOMMANDS and not first.startswith("-"):
        if _names_a_file(first):
            return _run_gui(args_list)
        print(_unknown_command(first).bilingual(), file=sys.stderr)
        return EXIT_USER_ERROR
    if first == "render":
        # One document made, from the imports to the files: the cyclic collector's passes over
        # what it builds took 5 % of a cold render's CPU (see ``gcpause``).
        with gc_paused():
            return _run_command(first, args_list)
    return _run_command(first, args_list)


def _run_command(first: str, args_list: list[str]) -> int:
    """Parse the options of the command ``first`` names and run it."""
    parser = _parser([first] if first in SUBCOMMANDS else [])
    args, extras = parser.parse_known_args(args_list)
    if extras or args.command is None:
        print(_unknown_arguments(args.command, extras).bilingual(), file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        return args.handler(args)
    except BriefingError as exc:
        print(exc.bilingual(), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Đã hủy. (Cancelled.)", file=sys.stderr)
        return 130


def _names_a_file(word: str) -> bool:
    """Whether ``briefing WORD`` means "open WORD in the app" rather than a mistyped command."""
    from briefing_studio.project import SUFFIX
    from briefing_studio.sources import SUPPORTED_SUFFIXES

    return (
        os.path.exists(word)  # False, not an error, for names too long for the system
        or Path(word).suffix.lower() in (*SUPPORTED_SUFFIXES, SUFFIX)
        or any(sep in word for sep in ("/", os.sep))
    )


def _command_list() -> str:
    return "\n".join(f"  {name:<10} {text}" for name, text in COMMANDS.items())


def _unknown_command(word: str) -> BriefingError:
    import difflib

    close = difflib.get_close_matches(word.lower(), SUBCOMMANDS, n=1, cutoff=0.6)
    hint_vi = f" — có phải ý bạn là '{close[0]}'?" if close else "."
    hint_en = f" — did you mean '{close[0]}'?" if close else "."
    return BriefingError(
        f"Không có lệnh '{word}'{hint_vi} Các lệnh:\n{_command_list()}\n"
        "Để mở tệp trong ứng dụng: briefing TỆP... (tệp phải tồn tại).",
        f"unknown command '{word}'{hint_en} Commands: {', '.join(SUBCOMMANDS)}. "
        "To open files in the app: briefing FILE... (the files must exist).",
    )


def _unknown_arguments(command: str | None, extras: Sequence[str]) -> BriefingError:
    """What ``parse_known_args`` left over: options no command has, or words too many."""
    help_cmd = f"briefing {command} --help" if command else "briefing --help"
    options = [e for e in extras if e.startswith("-")]
    if options:
        listed = ", ".join(options)
        vi, en = f"Không có tùy chọn {listed}.", f"unknown option {listed}."
    elif extras:
        listed = " ".join(extras)
        vi, en = f"Thừa đối số: {listed}.", f"unexpected argument: {listed}."
    else:
        vi, en = "Thiếu lệnh.", "a command is required."
    if command is None:
        vi += f" Các lệnh:\n{_command_list()}"
        en += f" Commands: {', '.join(SUBCOMMANDS)}."
    return BriefingError(f"{vi}\nXem: {help_cmd}", f"{en} See: {help_cmd}")


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose epilog may be computed only when help is shown.

    The render command's help lists the templates, which means reading their folders (maybe a
    network drive); a plain render should not pay for that.
    """

    def __init__(self, *args, epilog_factory=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._epilog_factory = epilog_factory

    def format_help(self) -> str:
        if self._epilog_factory is not None:
            self.epilog = self._epilog_factory()
        return super().format_help()


def _parser(commands: Sequence[str] = SUBCOMMANDS) -> argparse.ArgumentParser:
    """The parser, with the options of ``commands`` only (every command is listed anyway).

    ``main`` passes the one command given: the options of the others would import their
    modules (the library's, the signing's) for nothing on every run.
    """
    parser = _Parser(
        prog="briefing",
        description="Briefing Studio: Vietnamese texts → DOCX/PDF briefings. "
        "Without arguments, opens the desktop app; 'briefing FILE...' opens files in it.",
    )
    parser.add_argument("--version", action="version", version=f"Briefing Studio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(SUBCOMMANDS) + "}")
    for name in SUBCOMMANDS:
        if name in commands:
            _COMMAND_PARSERS[name](sub)
        else:
            sub.add_parser(name, help=COMMANDS[name])
    return parser


def _analyze_parser(sub) -> None:
    analyze = sub.add_parser("analyze", help=COMMANDS["analyze"])
    analyze.add_argument("files", nargs="+", type=Path, metavar="FILE")
    analyze.add_argument("--json", action="store_true", help="print one JSON object")
    analyze.add_argument("--no-ner", action="store_true", help="skip entity recognition (fast)")
    analyze.add_argument(
        "--encoding", help="force the encoding of text files (utf-8, cp1258, tcvn3, vni, utf-16)"
    )
    analyze.set_defaults(handler=_cmd_analyze)


def _render_parser(sub) -> None:
    from briefing_studio.render import formats

    render = sub.add_parser(
        "render",
        help=COMMANDS["render"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog_factory=_render_epilog,
    )
    render.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="source files (default: the bundled seed texts)",
    )
    render.add_argument("--project", type=Path, help="a .briefing project to render")
    render.add_argument(
        "--select",
        choices=tuple(SELECT_MODES),
        default=next(iter(SELECT_MODES)),
        help="which paragraphs and figures go in, see below (default: suggested)",
    )
    render.add_argument("--counterpart", help="country or province, e.g. 'Hàn Quốc', 'Bắc Ninh'")
    render.add_argument(
        "--template",
        help="template id, listed below with the default (--project: the project's template)",
    )
    render.add_argument(
        "--format",
        help=f"comma-separated, from: {', '.join(formats.ids())} (pdf-a: PDF/A-2b for archives; "
        f"default: the template's 'formats', else {','.join(formats.DEFAULT_IDS)})",
    )
    render.add_argument(
        "--out", type=Path, default=Path("."), help="output folder (default: the current one)"
    )
    render.add_argument(
        "--name",
        help="output file name without suffix, not a path (default: made from the "
        "counterpart and the meeting date)",
    )
    render.add_argument("--encoding", help="force the encoding of text sources")
    _meeting_options(render)
    _templates_dir_option(render)
    render.set_defaults(handler=_cmd_render)


def _check_parser(sub) -> None:
    check = sub.add_parser(
        "check",
        help=COMMANDS["check"],
        description="Lists conflicting figures across the sources, old figures, figures edited "
        "away from their source, and former provinces named without their current one. Exit "
        "status 1 when there is something to look at, 0 when not.",
    )
    check.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="source files (every paragraph and figure is checked), or one .briefing project "
        "(its choices, edits and accepted items)",
    )
    check.add_argument(
        "--date", help="the meeting's date, 20/12/2024 (default: the project's, else today)"
    )
    check.add_argument("--encoding", help="force the encoding of text sources")
    check.add_argument("--en", action="store_true", help="messages in English")
    check.set_defaults(handler=_cmd_check)


def _templates_parser(sub) -> None:
    templates = sub.add_parser("templates", help=COMMANDS["templates"])
    templates.add_argument("--json", action="store_true")
    _templates_dir_option(templates)
    templates.set_defaults(handler=_cmd_templates)


def _library_parser(sub) -> None:
    from briefing_studio.library import command as library_command

    library_command.add_parser(sub)


def _gui_parser(sub) -> None:
    gui = sub.add_parser("gui", help=COMMANDS["gui"])
    gui.add_argument("files", nargs="*", type=Path, metavar="FILE")
    gui.set_defaults(handler=lambda a: _run_gui([str(f) for f in a.files]))


def _sign_parser(sub) -> None:
    sign = sub.add_parser("sign", help=COMMANDS["sign"])
    sign.add_argument("file", type=Path, metavar="FILE.pdf")
    key = sign.add_mutually_exclusive_group()  # neither: the token set in the app's Settings
    key.add_argument(
        "--p12",
        type=Path,
        help="PKCS#12 certificate (.p12/.pfx); password from a prompt or BRIEFING_SIGN_PASSWORD",
    )
    key.add_argument(
        "--pkcs11-lib",
        type=Path,
        help="the token's PKCS#11 library (.so/.dll; default: Settings); PIN from a prompt "
        "or BRIEFING_SIGN_PIN",
    )
    sign.add_argument("--token-label", help="which token (PKCS#11)")
    sign.add_argument("--key-label", help="which key on the token (PKCS#11)")
    sign.add_argument("--image", type=Path, help="the signer's image (PNG, transparent)")
    sign.add_argument("--agency", help="agency shown in the stamp (default: the certificate's)")
    sign.add_argument(
        "--tsa", help="timestamp server URL (default: the one in Settings; none: offline)"
    )
    sign.add_argument("--out", type=Path, help="signed file (default: FILE-signed.pdf beside it)")
    sign.set_defaults(handler=_cmd_sign)


def _verify_parser(sub) -> None:
    verify = sub.add_parser("verify", help=COMMANDS["verify"])
    verify.add_argument("file", type=Path, metavar="FILE.pdf")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CA.pem",
        help="also trust this root certificate (repeatable; Settings may list more)",
    )
    verify.set_defaults(handler=_cmd_verify)


# Who adds each command's options to the parser (``_parser``).
_COMMAND_PARSERS = {
    "analyze": _analyze_parser,
    "render": _render_parser,
    "check": _check_parser,
    "templates": _templates_parser,
    "sign": _sign_parser,
    "verify": _verify_parser,
    "library": _library_parser,
    "gui": _gui_parser,
}


def _secret(variable: str, prompt: str) -> str:
    """A password or PIN: from the environment for scripts, else asked without echo."""
    import getpass

    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise BriefingError(
            f"Cần mật khẩu/PIN: đặt biến môi trường {variable} hoặc chạy trong cửa sổ lệnh.",
            f"A password/PIN is needed: set {variable} or run in a terminal.",
        )
    return getpass.getpass(prompt)


def _cmd_sign(args: argparse.Namespace) -> int:
    from briefing_studio import settings, signing

    if args.p12:
        key = signing.P12Key(
            args.p12,
            _secret("BRIEFING_SIGN_PASSWORD", "Mật khẩu chứng thư số (certificate password): "),
        )
    else:
        library = args.pkcs11_lib or settings.read_setting(settings.KEY_SIGN_PKCS11_LIB)
        if not library:
            raise BriefingError(
                "Chọn chứng thư số: --p12 TỆP.p12, hoặc --pkcs11-lib THƯ_VIỆN của token "
                "(hoặc đặt thư viện token trong Cài đặt của ứng dụng).",
                "Choose a certificate: --p12 FILE.p12, or --pkcs11-lib LIBRARY of the token "
                "(or set the token library in the app's Settings).",
            )
        key = signing.TokenKey(
            Path(library),
            _secret("BRIEFING_SIGN_PIN", "Mã PIN của token (token PIN): "),
            token_label=args.token_label or settings.read_setting(settings.KEY_SIGN_TOKEN_LABEL),
            key_label=args.key_label or settings.read_setting(settings.KEY_SIGN_KEY_LABEL),
        )
    written = signing.sign_file(
        args.file,
        key,
        agency=args.agency,
        image=args.image,
        tsa_url=args.tsa or settings.read_setting(settings.KEY_SIGN_TSA_URL),
        out=args.out,
    )
    print(written)
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from briefing_studio import settings, signing

    reports = signing.verify_file(args.file, [*settings.trusted_root_files(), *args.trust])
    if not reports:
        print(f"{args.file}: không có chữ ký số (no digital signature).")
        return EXIT_NOT_VERIFIED
    for report in reports:
        print(signing.describe(report, "vi"))
        print(signing.describe(report, "en"))
    return EXIT_OK if all(r.ok for r in reports) else EXIT_NOT_VERIFIED


def _meeting_options(parser: argparse.ArgumentParser) -> None:
    """The meeting panel's fields (``briefing.MEETING_FIELDS``); each one given overrides the
    project or the default."""
    from briefing_studio.briefing import MEETING_FIELDS

    group = parser.add_argument_group("meeting / cuộc gặp")
    for row in MEETING_FIELDS:
        metavar = "DATE" if row.type == "date" else row.flag[2:].upper().replace("-", "_")
        action = "append" if row.type == "lines" else "store"
        group.add_argument(row.flag, dest=_dest(row), metavar=metavar, action=action, help=row.help)


def _dest(row: MeetingField) -> str:
    return row.key.replace(".", "_")


def _apply_meeting_options(briefing, args: argparse.Namespace) -> None:
    from briefing_studio.briefing import MEETING_FIELDS

    for row in MEETING_FIELDS:
        given = getattr(args, _dest(row))
        if given:
            row.set(briefing, row.parse(given))


def _check_dates(args: argparse.Namespace) -> None:
    """Refuse an impossible --date or --issued before any source is read."""
    from briefing_studio.briefing import MEETING_FIELDS

    for row in MEETING_FIELDS:
        if row.type == "date" and getattr(args, _dest(row)):
            row.parse(getattr(args, _dest(row)))


def _templates_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--templates-dir",
        type=Path,
        default=os.environ.get("BRIEFING_TEMPLATES_DIR"),
        help="user templates folder (default: the one set in the app, else the user data folder)",
    )


def _library(args: argparse.Namespace):
    from briefing_studio.settings import user_templates_dir
    from briefing_studio.templating import TemplateLibrary

    return TemplateLibrary(args.templates_dir or user_templates_dir())


def _check_template(library, template_id: str) -> None:
    """Refuse an unknown template id with the list of usable ones (broken: ``library.get``)."""
    templates = library.templates()
    if any(t.id == template_id for t in templates):
        return
    usable = ", ".join(t.id for t in templates if t.usable)
    raise BriefingError(
        f"Không có mẫu “{template_id}”. Các mẫu dùng được: {usable} (xem 'briefing templates').",
        f"No template “{template_id}”. Usable templates: {usable} (see 'briefing templates').",
    )


def _render_epilog() -> str:
    """What each --select mode means and the templates a render can use, for its --help."""
    from briefing_studio.briefing import DEFAULT_TEMPLATE
    from briefing_studio.settings import user_templates_dir
    from briefing_studio.templating import TemplateLibrary

    folder = os.environ.get("BRIEFING_TEMPLATES_DIR")
    library = TemplateLibrary(Path(folder) if folder else user_templates_dir())
    width = max(shutil.get_terminal_size().columns - 2, 60)  # as argparse's own text

    def row(key: str, text: str) -> str:
        return textwrap.fill(
            text, width, initial_indent=f"  {key:<18} ", subsequent_indent=" " * 21
        )

    lines = ["--select:"]
    for index, (mode, text) in enumerate(SELECT_MODES.items()):
        lines.append(row(mode, ("(default) " if index == 0 else "") + text))
    lines += ["", "--template (mẫu):"]
    for t in library.templates():
        mark = "(default) " if t.id == DEFAULT_TEMPLATE else ""
        broken = " ⚠ broken / hỏng" if not t.usable else ""
        lines.append(row(t.id, f"{mark}{t.name('vi')} / {t.name('en')}{broken}"))
    if library.folder_problem:
        lines.append(textwrap.fill(f"⚠ {library.folder_problem}", width, initial_indent="  "))
    return "\n".join(lines)


def _load_sources(files: Sequence[Path], encoding: str | None):
    from briefing_studio.sources import load_source

    # Scans take seconds a page: show the pages as OCR reads them.
    progress = _stderr_progress("OCR") if sys.stderr.isatty() else None
    return [load_source(path, encoding=encoding, progress=progress) for path in files]


def _analyze(sources):
    """The workspace of ``sources``; an analysis kept from an earlier run is reused."""
    from briefing_studio.analysis.cache import AnalysisCache
    from briefing_studio.workspace import Workspace

    return Workspace.analyze(sources, AnalysisCache.default())


def _cmd_analyze(args: argparse.Namespace) -> int:
    from briefing_studio.analysis.entities import extract_entities

    workspace = _analyze(_load_sources(args.files, args.encoding))
    if not args.no_ner:
        progress = _stderr_progress("NER") if sys.stderr.isatty() else None
        for analysis in workspace:
            analysis.entities = extract_entities(analysis, progress=progress)
    if args.json:
        payload = {"sources": [a.to_json() for a in workspace]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        from briefing_studio.summary import summarize

        for analysis in workspace:
            print(summarize(analysis))
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from briefing_studio.briefing import DEFAULT_TEMPLATE
    from briefing_studio.export import (
        check_stem,
        default_formats,
        export_briefing,
        parse_formats,
    )
    from briefing_studio.paths import seed_files
    from briefing_studio.project import load_briefing
    from briefing_studio.selection import carry_over_split_ids, new_briefing, resolve_counterpart
    from briefing_studio.settings import default_agency

    formats = None if args.format is None else parse_formats(args.format)
    stem = None if args.name is None else check_stem(args.name)
    _check_dates(args)
    library = _library(args)
    if args.template:
        _check_template(library, args.template)
    if args.project:
        if args.files:
            raise BriefingError(
                "Dùng --project hoặc danh sách tệp nguồn, không dùng cả hai.",
                "Use either --project or source files, not both.",
            )
        briefing = load_briefing(args.project)
        if not args.template:
            _check_template(library, briefing.template)
        workspace = _analyze(briefing.sources)
        carry_over_split_ids(briefing, workspace)
        if args.counterpart:
            briefing.meeting.counterpart = resolve_counterpart(args.counterpart)
    else:
        files = args.files or seed_files()
        workspace = _analyze(_load_sources(files, args.encoding))
        counterpart = resolve_counterpart(args.counterpart)
        chosen = library.get(args.template or DEFAULT_TEMPLATE).manifest
        budget = chosen.suggestion_chars() if chosen is not None else None
        briefing = new_briefing(workspace, args.select, counterpart, max_chars=budget)
        briefing.agency = default_agency()
    _apply_meeting_options(briefing, args)
    if args.template:
        briefing.template = args.template
    template = library.get(briefing.template)
    from briefing_studio.preflight import preflight
    from briefing_studio.templating import build_context

    # Built once for the notices and the document (a section no source has: the error here).
    context = build_context(workspace, briefing, template)
    for notice in preflight(workspace, briefing, template, context):
        warning = f"cảnh báo: {notice.message('vi')} (warning: {notice.message('en')})"
        print(warning, file=sys.stderr)
    if formats is None:
        formats = default_formats(template)
    # A process of its own with one thread: the formats may be written side by side.
    written = export_briefing(
        workspace, briefing, template, formats, args.out, stem, parallel=True, context=context
    )
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    import datetime as dt

    from briefing_studio.briefing import parse_meeting_date
    from briefing_studio.checks import check_briefing
    from briefing_studio.project import SUFFIX, load_briefing
    from briefing_studio.selection import carry_over_split_ids, new_briefing

    meeting_date = dt.date.fromisoformat(parse_meeting_date(args.date)) if args.date else None
    projects = [f for f in args.files if f.suffix.lower() == SUFFIX]
    if projects:
        if len(args.files) > 1:
            raise BriefingError(
                "Kiểm tra một tệp dự án (.briefing) hoặc các tệp nguồn, không dùng cả hai.",
                "Check one project (.briefing) file or source files, not both.",
            )
        briefing = load_briefing(projects[0])
        workspace = _analyze(briefing.sources)
        carry_over_split_ids(briefing, workspace)
    else:
        workspace = _analyze(_load_sources(args.files, args.encoding))
        briefing = new_briefing(workspace, "all", None)
    lang = "en" if args.en else "vi"
    items = check_briefing(workspace, briefing, meeting_date)
    for number, item in enumerate(items, 1):
        print(f"{number}. [{item.code}] {item.message(lang)}")
        for place in item.places:
            print(f"   • {place.label(lang)}")
    if not items:
        print("Không có gì cần xem lại." if lang == "vi" else "Nothing to look at.")
    return EXIT_NOT_VERIFIED if items else EXIT_OK


def _cmd_templates(args: argparse.Namespace) -> int:
    library = _library(args)
    templates = library.templates()
    if args.json:
        rows = [
            {
                "id": t.id,
                "name_vi": t.name("vi"),
                "name_en": t.name("en"),
                "origin": t.origin,
                "folder": str(t.folder),
                "problem": t.problem,
            }
            for t in templates
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    for t in templates:
        status = f"\n    ⚠ {t.problem}" if t.problem else ""
        print(f"{t.id:<20} {t.name('vi')} / {t.name('en')}  [{t.origin}: {t.folder}]{status}")
    if library.folder_problem:
        print(f"⚠ {library.folder_problem}")
    return EXIT_OK


def _stderr_progress(label: str):
    def report(done: int, total: int) -> None:
        print(f"\r{label}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return report


# Libraries Qt's X11 plugin loads, with the Debian/Ubuntu package that provides each; without
# them Qt aborts with a terse message, so we say what to install instead.
_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why the desktop app cannot open a window here (Linux), or None when it can try."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "Không tìm thấy màn hình để mở cửa sổ (DISPLAY/WAYLAND_DISPLAY trống). Trên máy "
            "không có màn hình, dùng 'briefing render' hoặc 'briefing analyze'.\n"
            "(No display to open a window on. On a headless machine use 'briefing render' or "
            "'briefing analyze'.)"
        )
    if env.get("WAYLAND_DISPLAY"):
        return None
    import ctypes.util

    missing = [pkg for lib, pkg in _XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        packages = " ".join(missing)
        return (
            f"Thiếu thư viện hệ thống để mở cửa sổ X11. Cài đặt: sudo apt install {packages}\n"
            f"(Missing system libraries for X11 windows. Install: sudo apt install {packages})"
        )
    return None


def _run_gui(files: Sequence[str]) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        from briefing_studio.ui.app import run
    except ImportError as exc:
        print(f"Không mở được giao diện (cannot start the desktop app): {exc}", file=sys.stderr)
        return 1
    return run(list(files))


if __name__ == "__main__":
    raise SystemExit(main())
