"""Running a template safely: Jinja's sandbox, a folder-bound loader and resource limits.

Templates are shared between offices (a network drive, an e-mail attachment), so a template is
untrusted code. It runs in Jinja's ``ImmutableSandboxedEnvironment`` (no ``_private`` or
internal attributes, no mutation of lists and dicts), with autoescaping (source text can never
become markup; there is no ``safe`` filter) and ``StrictUndefined`` (a misspelt variable is an
error naming its line, not a silent blank). The loader serves only files inside the
template's own folder.

Limits, and why they are built this way
---------------------------------------
Rendering must stop within ``TIME_LIMIT`` seconds in *any* thread (the GUI renders in a
worker), so ``signal.alarm`` is out. A ``sys.settrace`` line tracer would also work in any
thread, but it costs a Python call for every function call of the render (even inside Jinja's
runtime and our filters) and it silently replaces a debugger's or coverage's tracer for the
duration. Instead the limit is checked where a template can repeat work:

* every ``for`` loop's iterable is wrapped (a custom code generator rewrites the loop) in a
  generator that checks the clock when the loop starts and every 1024 items;
* every call made from template code (macros, ``loop()`` of recursive loops, methods) goes
  through ``SandboxedEnvironment.call``, which checks the clock and the nesting depth;
* the output is collected chunk by chunk with the clock and the output size checked.

Jinja has no ``while``, so unbounded work needs loops or calls, and both are guarded. What a
single C-level operation can do in one step is capped instead: ``*``, ``**``, ``+``, ``%`` and
``~`` check the size of what they would produce, every filter's result is size-checked, and
the filters that take a width or a count (``indent``, ``batch``, ``slice``, ``format``,
``replace``) are checked before they run; ``center``, ``wordwrap``, ``pprint``, ``tojson``,
``xmlattr``, ``urlize``, ``safe`` and the ``lipsum`` global are removed (briefing markup has
no use for them). Nesting of macros, includes and blocks is capped at ``DEPTH_LIMIT`` template
frames, well below Python's recursion limit, so a self-including template fails cleanly even
on a worker thread with a small stack.

Measured on the 2-core build machine, embassy template, 40 sections and 20 figures (12 kB of
markup): 0.50 ms per render with these guards against 0.33 ms in a bare
``ImmutableSandboxedEnvironment`` (+0.17 ms); a ``settrace`` prototype took 0.93 ms. A bare
100 000-item loop costs 82 ms guarded against 62 ms. The whole ``make_document`` takes 5–8 ms,
most of it parsing the markup, so the guards are not worth optimising further.
"""

from __future__ import annotations

import functools
import re
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import _PassArg

from briefing_studio.errors import BriefingError
from briefing_studio.templating import filters as briefing_filters
from briefing_studio.templating.manifest import read_template_file

TIME_LIMIT = 2.0  # seconds per render
OUTPUT_LIMIT = 2_000_000  # characters of markup; a long briefing is about 60 000
VALUE_LIMIT = 1_000_000  # characters of a string / items of a list built while rendering
INTEGER_BITS = 100_000  # arithmetic beyond this takes seconds in one uninterruptible step
DEPTH_LIMIT = 60  # nested template frames (macros, includes, blocks)
_CHECK_EVERY = 1024  # loop items between clock checks

_REMOVED_FILTERS = ("center", "wordwrap", "pprint", "tojson", "xmlattr", "urlize", "safe")
_WIDE_PERCENT = re.compile(r"%[^a-zA-Z%]*?(?:\*|\d{4,})")
_WIDE_BRACE = re.compile(r"\{[^{}]*:[^{}]*(?:\d{4,}|\{)")


@dataclass(frozen=True)
class TemplateProblem:
    """A problem the template editor shows next to a line (``line`` is 1-based, or None)."""

    line: int | None
    message: str


class _LimitExceeded(Exception):
    """A resource limit hit while rendering; becomes a ``BriefingError`` with the line."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en


class _OutsideFolder(Exception):
    """An include/extends/import naming a file outside the template's folder."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class _Budget:
    """The clock of one render; lives in a ContextVar so each thread has its own."""

    def __init__(self, time_limit: float) -> None:
        self.time_limit = time_limit
        self.deadline = time.monotonic() + time_limit

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise _LimitExceeded(
                f"Mẫu chạy quá {self.time_limit:g} giây và đã bị dừng (vòng lặp quá lớn "
                "hoặc không dừng?).",
                f"The template ran longer than {self.time_limit:g} s and was stopped "
                "(a loop too large or endless?).",
            )

    def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        check = self.check
        for count, item in enumerate(iterable):
            if not count % _CHECK_EVERY:
                check()
            yield item


_BUDGET: ContextVar[_Budget | None] = ContextVar("briefing_template_budget", default=None)


class _FolderLoader(BaseLoader):
    """Loads templates only from one folder: no absolute paths, no ``..``, no symlink escape."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.resolve(template)
        budget = _BUDGET.get()
        if budget is not None:  # an include while rendering: loading counts against the time
            budget.check()
        try:
            mtime = path.stat().st_mtime
        except OSError:
            raise TemplateNotFound(template) from None
        # A FIFO, a device, a file over the size cap or one not in UTF-8 is a BriefingError
        # naming that file, never a hang or "not found".
        source = read_template_file(path)
        return source, str(path), lambda: _unchanged(path, mtime)

    def resolve(self, name: str) -> Path:
        if (
            not name
            or name.startswith(("/", "\\"))
            or "\\" in name
            or ":" in name
            or any(part == ".." for part in name.split("/"))
        ):
            raise _OutsideFolder(name)
        path = (self.folder / name).resolve()
        if not path.is_relative_to(self.folder):
            raise _OutsideFolder(name)
        return path


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


class _GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator with every loop iterable and every ``~`` result guarded."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not _is_guard(node.iter):
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("guarded_iter"),
                [node.iter],
                [],
                None,
                None,
                lineno=node.lineno,
            )
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.guarded_size(")
        super().visit_Concat(node, frame)
        self.write(")")


def _is_guard(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.EnvironmentAttribute)
        and node.node.name == "guarded_iter"
    )


class BriefingSandbox(ImmutableSandboxedEnvironment):
    """The Jinja environment for one template folder (see the module docstring)."""

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, folder: Path | None) -> None:
        super().__init__(
            loader=_FolderLoader(folder) if folder is not None else None,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=True,
        )
        self.globals.pop("lipsum", None)
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.filters.update(briefing_filters.FILTERS)
        self.filters.update(_checked_builtin_filters(self.filters))
        self.filters = {name: _size_checked(func) for name, func in self.filters.items()}

    # Hooks Jinja calls from compiled template code -------------------------------------

    def guarded_iter(self, iterable: Any) -> Any:
        """Wraps each ``for`` loop's iterable (inserted by ``_GuardedCodeGenerator``)."""
        budget = _BUDGET.get()
        return iterable if budget is None else budget.iterate(iterable)

    def guarded_size(self, value: Any) -> Any:
        """Wraps each ``~`` concatenation's result."""
        return _check_size(value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Any "_name" is refused outright, existing or not, so an editor probing for
        # internals always gets the same clear message.
        if attribute.startswith("_"):
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and argument.startswith("_") and not isinstance(obj, dict):
            return self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.check()
            if isinstance(__obj, Macro):
                __self._check_depth()
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return _check_size(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = value.__self__

        @functools.wraps(wrapped)
        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format(pattern)
            return _check_size(wrapped(*args, **kwargs))

        return checked

    def get_template(self, name: Any, parent: Any = None, globals: Any = None) -> Any:
        if _BUDGET.get() is not None:  # an include/extends/import while rendering
            self._check_depth()
        return super().get_template(name, parent, globals)

    def _check_depth(self) -> None:
        depth, frame = 0, sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("environment") is self:
                depth += 1
            frame = frame.f_back
        if depth > DEPTH_LIMIT:
            raise _LimitExceeded(
                f"Mẫu lồng nhau quá {DEPTH_LIMIT} tầng (macro hoặc include gọi lại chính nó?).",
                f"The template nests deeper than {DEPTH_LIMIT} levels (a macro or include "
                "calling itself?).",
            )

    # Rendering ----------------------------------------------------------------------------

    def render(
        self,
        entry: str,
        context: Mapping[str, Any],
        *,
        source: str | None = None,
        time_limit: float = TIME_LIMIT,
    ) -> str:
        """Render ``entry`` (or unsaved ``source`` standing for it) to markup.

        Every failure becomes a ``BriefingError`` naming the template file and line.
        """
        entry_path = self._entry_path(entry)
        budget = _Budget(time_limit)
        token = _BUDGET.set(budget)
        try:
            if source is None:
                template = self.get_template(entry)
            else:
                template = self.from_string(unicodedata.normalize("NFC", source))
                template.filename = entry_path  # errors name the file being edited
            return _collect(template.generate(dict(context)), budget)
        except BriefingError:
            raise
        except Exception as exc:
            folder = self.loader.folder if isinstance(self.loader, _FolderLoader) else None
            raise _as_briefing_error(exc, entry_path, folder) from exc
        finally:
            _BUDGET.reset(token)

    def check_source(self, source: str, name: str) -> list[TemplateProblem]:
        """Syntax problems of ``source``, without running it (fast enough for every keystroke)."""
        try:
            self.compile(unicodedata.normalize("NFC", source), name=name, filename=name, raw=True)
        except TemplateSyntaxError as exc:
            return [TemplateProblem(exc.lineno, _syntax_message(exc))]
        return []

    def _entry_path(self, entry: str) -> str:
        loader = self.loader
        if isinstance(loader, _FolderLoader):
            try:
                return str(loader.resolve(entry))
            except _OutsideFolder:
                return entry
        return entry


def _collect(chunks: Iterator[str], budget: _Budget) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > OUTPUT_LIMIT:
            raise _LimitExceeded(
                f"Mẫu sinh ra quá {OUTPUT_LIMIT:,} ký tự và đã bị dừng.",
                f"The template produced more than {OUTPUT_LIMIT:,} characters and was stopped.",
            )
        parts.append(chunk)
        budget.check()
    return "".join(parts)


def _check_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict | set | frozenset):
        if len(value) > VALUE_LIMIT:
            raise _value_too_big()
    elif isinstance(value, int) and value.bit_length() > INTEGER_BITS:
        raise _value_too_big()
    return value


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse, before computing it, a result too big to build in one step."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if (
                isinstance(seq, str | list | tuple)
                and isinstance(count, int)
                and len(seq) * count > VALUE_LIMIT
            ):
                raise _value_too_big()
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() + right.bit_length() > INTEGER_BITS
        ):
            raise _value_too_big()
    elif operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and left.bit_length() * right > INTEGER_BITS
        ):
            raise _value_too_big()
    elif operator == "%" and isinstance(left, str):
        _check_format(left)


def _check_format(pattern: str) -> None:
    if _WIDE_PERCENT.search(pattern) or _WIDE_BRACE.search(pattern):
        raise _value_too_big()


def _value_too_big() -> _LimitExceeded:
    return _LimitExceeded(
        "Mẫu tạo ra một giá trị quá lớn (chuỗi, danh sách hoặc số) và đã bị dừng.",
        "The template built a value too large (a string, list or number) and was stopped.",
    )


def _size_checked(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result is size-checked; keeps Jinja's pass-context marks (``wraps``)."""

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        return _check_size(func(*args, **kwargs))

    return checked


def _checked_builtin_filters(current: Mapping[str, Callable[..., Any]]) -> dict[str, Any]:
    """Built-in filters whose arguments can ask for a huge result in one step, pre-checked."""

    def indent(value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
        size = len(width) if isinstance(width, str) else width
        if size > 64:
            raise _value_too_big()

    def count(value: Any, number: int, *_: Any, **__: Any) -> None:
        if number > 10_000:
            raise _value_too_big()

    def fmt(value: Any, *_: Any, **__: Any) -> None:
        _check_format(str(value))

    def replace(value: Any, old: Any, new: Any, *_: Any, **__: Any) -> None:
        text, grows = str(value), len(str(new)) - len(str(old))
        if grows > 0 and len(text) + text.count(str(old)) * grows > VALUE_LIMIT:
            raise _value_too_big()

    checks = {"indent": indent, "batch": count, "slice": count, "format": fmt, "replace": replace}
    return {name: _prechecked(current[name], check) for name, check in checks.items()}


def _prechecked(func: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    """``func`` preceded by ``check`` on the template's own arguments.

    Jinja passes a context or environment first to some filters (``pass_eval_context`` and
    friends); ``check`` sees only what the template wrote.
    """
    skip = 0 if _PassArg.from_obj(func) is None else 1

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        check(*args[skip:], **kwargs)
        return func(*args, **kwargs)

    return checked


# Errors ---------------------------------------------------------------------------------------


def _syntax_message(exc: TemplateSyntaxError) -> str:
    return f"Lỗi cú pháp mẫu / template syntax error: {exc.message}"


def _template_position(
    exc: BaseException, entry_path: str, folder: Path | None
) -> tuple[str, int | None]:
    """The innermost template file and line in a (Jinja-rewritten) traceback."""
    found: tuple[str, int | None] = (entry_path, None)
    tb: TracebackType | None = exc.__traceback__
    for frame, line in traceback.walk_tb(tb):
        filename = frame.f_code.co_filename
        inside = folder is not None and Path(filename).parent.is_relative_to(folder)
        if inside or filename in (entry_path, "<template>"):
            found = (entry_path if filename == "<template>" else filename, line)
    return found


def _as_briefing_error(exc: Exception, entry_path: str, folder: Path | None) -> BriefingError:
    if isinstance(exc, TemplateSyntaxError):
        return BriefingError(
            f"Mẫu sai cú pháp: {exc.message}.",
            f"Template syntax error: {exc.message}.",
            path=exc.filename or entry_path,
            line=exc.lineno,
        )
    path, line = _template_position(exc, entry_path, folder)
    vi, en = _describe(exc)
    return BriefingError(vi, en, path=path, line=line)


def _describe(exc: Exception) -> tuple[str, str]:
    """Vietnamese and English words for what went wrong while rendering."""
    if isinstance(exc, _LimitExceeded):
        return exc.message_vi, exc.message_en
    if isinstance(exc, SecurityError) or (isinstance(exc, UndefinedError) and "unsafe" in str(exc)):
        return (
            f"Mẫu đã cố truy cập một thuộc tính không an toàn ({exc}).",
            f"The template tried to access an unsafe attribute ({exc}).",
        )
    if isinstance(exc, _OutsideFolder):
        return (
            f"Mẫu chỉ được dùng các tệp trong thư mục của nó; “{exc.name}” nằm ngoài.",
            f"A template may only use files in its own folder; “{exc.name}” is outside.",
        )
    if isinstance(exc, TemplateNotFound):
        return (
            f"Không tìm thấy tệp mẫu “{exc.message}” trong thư mục mẫu.",
            f"Template file “{exc.message}” not found in the template folder.",
        )
    if isinstance(exc, UndefinedError):
        return (
            f"Mẫu dùng một biến hoặc thuộc tính không có: {exc}.",
            f"The template uses a variable or attribute that does not exist: {exc}.",
        )
    if isinstance(exc, RecursionError):
        return ("Mẫu gọi lồng nhau quá sâu.", "The template nests calls too deeply.")
    if isinstance(exc, MemoryError):
        return _value_too_big().message_vi, _value_too_big().message_en
    detail = f"{type(exc).__name__}: {exc}"
    return f"Lỗi khi chạy mẫu: {detail}.", f"Error while running the template: {detail}."


# Shared environments -----------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def sandbox_for(folder: Path) -> BriefingSandbox:
    """One environment per template folder; Jinja reloads files that changed on disk."""
    return BriefingSandbox(folder.resolve())


@functools.lru_cache(maxsize=1)
def _checker() -> BriefingSandbox:
    return BriefingSandbox(None)


def check_template_source(source: str, name: str) -> list[TemplateProblem]:
    """Syntax problems of a template being edited (parse and code generation, no execution)."""
    return _checker().check_source(source, name)
