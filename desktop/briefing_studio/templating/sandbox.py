"""Running a template safely: Jinja's sandbox, a folder-bound loader and resource limits.

Templates are shared between offices (a network drive, an e-mail attachment), so a template is
untrusted code. It runs in Jinja's ``ImmutableSandboxedEnvironment`` (no ``_private`` or
internal attributes, no mutation of lists and dicts), with autoescaping (source text can never
become markup; there is no ``safe`` filter) and ``StrictUndefined`` (a misspelt variable is an
error naming its line, not a silent blank). The loader serves only files inside the
template's own folder and the shared parts in ``_common`` (see ``common_folders``).

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

Jinja has no ``while``, so unbounded work needs loops or calls, and both are guarded. Every
filter call checks the clock before and after, and an iterator handed to a filter is read
through the clock too, so a chain of lazy filters (``map``, ``select``) driven by one ``list``
stops in time. What a single C-level operation can do in one step is computed from its
arguments *before* it runs, never measured afterwards: ``*``, ``**`` and ``+`` check the size
of their result; ``%``, ``str.format`` and the ``format`` filter check every field's width and
precision (named fields too) and the fields times the longest value; ``str`` methods that grow
text (``ljust``, ``center``, ``zfill``, ``expandtabs``, ``replace``, ``translate``, ``join``)
and the ``join`` filter have their result length computed from the arguments; the text of
every ``{{ value }}`` and ``~`` operand is estimated before ``str()`` (a list holding one long
string 2 500 times is small in memory, its text is not); the filters that take a width or a
count (``indent``, ``batch``, ``slice``, ``replace``, and ``decimals`` of ours) are bounded.
``center``, ``wordwrap``, ``pprint``, ``tojson``, ``xmlattr``, ``urlize``, ``safe`` and the
``lipsum`` global are removed (briefing markup has no use for them). Nesting of macros,
includes and blocks is capped at ``DEPTH_LIMIT`` template frames, well below Python's
recursion limit, so a self-including template fails cleanly even on a worker thread with a
small stack. Refusing any of these costs a few milliseconds and no memory (measured in
``tests/reliability/test_sandbox_limits.py``: peak RSS grows by under 6 MB).

Measured on the 2-core build machine, embassy template, 40 sections and 20 figures (12 kB of
markup): 0.50 ms per render with these guards against 0.33 ms in a bare
``ImmutableSandboxedEnvironment`` (+0.17 ms); a ``settrace`` prototype took 0.93 ms. A bare
100 000-item loop costs 82 ms guarded against 62 ms. The whole ``make_document`` takes 5–8 ms,
most of it parsing the markup, so the guards are not worth optimising further. The checks
computed before each operation add about 0.16 ms to the seed briefing's 2.4 ms render.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import itertools
import re
import string
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
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
from jinja2.bccache import BytecodeCache
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import make_attrgetter
from jinja2.runtime import Context, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import _PassArg

from briefing_studio.errors import BriefingError
from briefing_studio.templating import filters as briefing_filters
from briefing_studio.templating.manifest import read_template_file

# Raise when _GuardedCodeGenerator changes the code it generates: compiled templates kept on
# disk (``compiled_code_tag``) are then compiled again.
GENERATOR_VERSION = 1
TIME_LIMIT = 2.0  # seconds per render
OUTPUT_LIMIT = 2_000_000  # characters of markup; a long briefing is about 60 000
VALUE_LIMIT = 1_000_000  # characters of a string / items of a list built while rendering
INTEGER_BITS = 100_000  # arithmetic beyond this takes seconds in one uninterruptible step
DEPTH_LIMIT = 60  # nested template frames (macros, includes, blocks)
_CHECK_EVERY = 1024  # loop items between clock checks

MAX_FIELD_WIDTH = 999  # widths and precisions in % and {} formats
MAX_DECIMALS = 20  # the decimals argument of number, money and percent

_REMOVED_FILTERS = ("center", "wordwrap", "pprint", "tojson", "xmlattr", "urlize", "safe")
# One %-conversion: optional (name), flags, width, precision, length modifier, type.
_PERCENT_FIELD = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.)", re.S)
_NUMBERS = re.compile(r"\d+")
_DICT_ATTRIBUTES = frozenset(dir(dict))  # what getattr finds on any plain dict


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


# The folder of parts templates share (the Decree 30 letterhead, figures table, appendix). It
# sits beside the template folders and is not a template itself.
COMMON = "_common"


def common_folders(folder: Path) -> list[Path]:
    """Where ``_common/NAME`` is looked for after the template's own folder, nearest first.

    The ``_common`` beside the template (its library's: the built-in folder, the user's or the
    office's shared folder), then the built-in one. A template that carries its own
    ``_common/`` (an exported .zip does) uses that copy; a user template copied from a built-in
    reaches the built-in parts; an office can give all the templates in its folder its own
    letterhead by putting a ``_common`` beside them; a built-in template only ever sees the
    built-in parts, so nothing in a user's folder changes what a built-in prints.
    """
    from briefing_studio import paths

    found: list[Path] = []
    for candidate in (folder.parent / COMMON, paths.templates_dir() / COMMON):
        resolved = candidate.resolve()
        if resolved not in found:
            found.append(resolved)
    return found


class _FolderLoader(BaseLoader):
    """Loads templates only from one folder and the shared parts (``_common/…``, see
    ``common_folders``): no absolute paths, no ``..``, no symlink escape.

    ``overlay`` maps relative names to unsaved texts (the template editor's buffers) that stand
    for those files; a name is checked the same way before the overlay is consulted.
    """

    def __init__(self, folder: Path, overlay: Mapping[str, str] | None = None) -> None:
        self.folder = folder.resolve()
        self.common = common_folders(self.folder)
        self.overlay = dict(overlay or {})

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.resolve(template)
        budget = _BUDGET.get()
        if budget is not None:  # an include while rendering: loading counts against the time
            budget.check()
        text = self._unsaved(path)
        if text is not None:
            return unicodedata.normalize("NFC", text), str(path), lambda: False
        try:
            mtime = path.stat().st_mtime
        except OSError:
            raise TemplateNotFound(template) from None
        # A FIFO, a device, a file over the size cap or one not in UTF-8 is a BriefingError
        # naming that file, never a hang or "not found".
        source = read_template_file(path)
        # Reloaded when the file changes, or when a nearer ``_common`` copy appears or goes.
        return source, str(path), lambda: _unchanged(path, mtime) and self.resolve(template) == path

    def resolve(self, name: str) -> Path:
        """The file ``name`` stands for: in the folder, else (``_common/…``) in the first
        shared-parts folder that has it; a name that does not exist resolves in the folder."""
        if (
            not name
            or name.startswith(("/", "\\"))
            or "\\" in name
            or ":" in name
            or any(part == ".." for part in name.split("/"))
        ):
            raise _OutsideFolder(name)
        own = _inside(self.folder, name)
        first, _, rest = name.partition("/")
        if first != COMMON or not rest or own.is_file() or self._unsaved(own) is not None:
            return own
        for folder in self.common:
            path = _inside(folder, rest)
            if path.is_file():
                return path
        return own

    def _unsaved(self, path: Path) -> str | None:
        """The overlay's text for ``path`` when it is in the folder and has one."""
        if not self.overlay or not path.is_relative_to(self.folder):
            return None
        return self.overlay.get(path.relative_to(self.folder).as_posix())


def _inside(folder: Path, name: str) -> Path:
    """``folder / name`` resolved; ``_OutsideFolder`` when a symlink leads out of ``folder``."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
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
        node.nodes = [
            nodes.Call(nodes.EnvironmentAttribute("guarded_text"), [n], [], None, None)
            for n in node.nodes
        ]
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

    def __init__(
        self,
        folder: Path | None,
        overlay: Mapping[str, str] | None = None,
        *,
        bytecode_cache: BytecodeCache | None = None,
    ) -> None:
        super().__init__(
            loader=_FolderLoader(folder, overlay) if folder is not None else None,
            bytecode_cache=bytecode_cache,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=True,
            finalize=_checked_text,  # every {{ value }} before it is turned into text
        )
        self.globals.pop("lipsum", None)
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.filters.update(briefing_filters.FILTERS)
        self.filters.update(_checked_builtin_filters(self.filters))
        self.filters.update(_checked_briefing_filters(self.filters))
        self.filters = {name: _guarded_filter(func) for name, func in self.filters.items()}

    # Hooks Jinja calls from compiled template code -------------------------------------

    def guarded_iter(self, iterable: Any) -> Any:
        """Wraps each ``for`` loop's iterable (inserted by ``_GuardedCodeGenerator``)."""
        budget = _BUDGET.get()
        return iterable if budget is None else budget.iterate(iterable)

    def guarded_size(self, value: Any) -> Any:
        """Wraps each ``~`` concatenation's result."""
        return _check_size(value)

    def guarded_text(self, value: Any) -> Any:
        """Wraps each operand of ``~``: its text must be small enough to build."""
        return _checked_text(value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Any "_name" is refused outright, existing or not, so an editor probing for
        # internals always gets the same clear message.
        if attribute.startswith("_"):
            return self.unsafe_undefined(obj, attribute)
        # ``f.text`` on a context dict: Jinja tries the attribute first and takes the item
        # when that raises AttributeError; a plain dict has no attribute of another name, so
        # the item is taken at once (``d.items`` still finds the method).
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES and attribute in obj:
            return obj[attribute]
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
        if isinstance(getattr(__obj, "__self__", None), str):
            args = _check_str_method(__obj, args, kwargs)
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return _check_size(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = value.__self__
        mapping = value.__name__ == "format_map"

        @functools.wraps(wrapped)
        def checked(*args: Any, **kwargs: Any) -> str:
            if mapping:
                _check_brace_format(pattern, (), args[0] if args else {})
            else:
                _check_brace_format(pattern, args, kwargs)
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
        time_limit: float = TIME_LIMIT,
    ) -> str:
        """Render ``entry`` (the loader's overlay may stand for it) to markup.

        Every failure becomes a ``BriefingError`` naming the template file and line.
        """
        entry_path = self._entry_path(entry)
        budget = _Budget(time_limit)
        token = _BUDGET.set(budget)
        try:
            template = self.get_template(entry)
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
        _check_percent_format(left, right)


def _text_size(value: Any, limit: int = VALUE_LIMIT) -> int:
    """About how long ``str(value)`` would be, counted only until it passes ``limit``.

    A list holding one long string many times is small in memory but its text is not; every
    item is counted each time it appears. Each item counts at least 1, so the walk ends after
    at most ``limit`` items whatever the value (even a cycle).
    """
    total, pending = 0, [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item) + 1
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 * len(item) + 2
            pending.extend(itertools.islice(item, limit))
        elif isinstance(item, dict):
            total += 4 * len(item) + 2
            pending.extend(itertools.islice(itertools.chain(item, item.values()), limit))
        else:
            total += 16
    return total


def _checked_text(value: Any) -> Any:
    if not isinstance(value, str) and _text_size(value) > VALUE_LIMIT:
        raise _value_too_big()
    return value


def _check_width(number: str | None) -> None:
    if number == "*" or (number and int(number) > MAX_FIELD_WIDTH):
        raise _value_too_big()


def _check_percent_format(pattern: str, values: Any) -> None:
    """``pattern % values`` refused before it runs when it would be too large.

    Every width and precision is at most ``MAX_FIELD_WIDTH`` (``*`` is refused), and the
    fields together, each as wide as the longest value, stay within ``VALUE_LIMIT``.
    """
    fields = 0
    for match in _PERCENT_FIELD.finditer(pattern):
        if match.group(4) == "%":
            continue
        _check_width(match.group(2))
        _check_width(match.group(3))
        fields += 1
    if isinstance(values, tuple):
        items: Iterable[Any] = values
    elif isinstance(values, Mapping):
        items = values.values()
    else:
        items = (values,)
    _check_fields(pattern, fields, items)


def _check_brace_format(pattern: str, args: Iterable[Any], kwargs: Any) -> None:
    """``pattern.format(*args, **kwargs)`` refused before it runs when too large (see above)."""
    fields = 0
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        return  # str.format raises the same error itself
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if spec and "{" in spec:
            raise _value_too_big()  # a width taken from an argument
        for number in _NUMBERS.findall(spec or ""):
            _check_width(number)
        fields += 1
    values = kwargs.values() if isinstance(kwargs, Mapping) else ()
    _check_fields(pattern, fields, itertools.chain(args, values))


def _check_fields(pattern: str, fields: int, values: Iterable[Any]) -> None:
    if not fields:
        return
    longest = max((_text_size(v) for v in itertools.islice(values, VALUE_LIMIT)), default=0)
    if len(pattern) + fields * (longest + MAX_FIELD_WIDTH) > VALUE_LIMIT:
        raise _value_too_big()


def _check_str_method(method: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple:
    """The size a ``str`` method's result would have, refused before the call.

    Returns the arguments to call it with: ``join`` gets its items as a list, read under the
    time limit, so they are counted and joined from the same list.
    """
    text, name = method.__self__, method.__name__
    if name == "join" and args:
        items = _bounded_list(args[0])
        size = sum(_text_size(i) for i in items) + len(text) * max(len(items) - 1, 0)
        args = (items, *args[1:])
    else:
        size = _STR_METHOD_SIZES.get(name, lambda *_, **__: 0)(text, *args, **kwargs)
    if size > VALUE_LIMIT:
        raise _value_too_big()
    return args


def _replaced_size(text: str, old: Any = "", new: Any = "", count: Any = -1, **_: Any) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return 0  # str.replace refuses it
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def _translated_size(text: str, table: Any = None, *_: Any, **__: Any) -> int:
    if not isinstance(table, Mapping):
        return len(text)
    longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
    return len(text) * max(longest, 1)


def _padded_size(text: str, width: Any = 0, *_: Any, **__: Any) -> int:
    return max(len(text), width) if isinstance(width, int) else len(text)


def _tabbed_size(text: str, tabsize: Any = 8, *_: Any, **__: Any) -> int:
    tab = tabsize if isinstance(tabsize, int) else 8
    return len(text) + text.count("\t") * max(tab, 0)


# The length of the result of each str method that can grow its text, from its arguments.
_STR_METHOD_SIZES: dict[str, Callable[..., int]] = {
    "ljust": _padded_size,
    "rjust": _padded_size,
    "center": _padded_size,
    "zfill": _padded_size,
    "expandtabs": _tabbed_size,
    "replace": _replaced_size,
    "translate": _translated_size,
}


def _bounded_list(items: Any) -> list[Any]:
    """``items`` as a list, read under the time limit; more than ``VALUE_LIMIT`` is refused."""
    budget = _BUDGET.get()
    source = items if budget is None or isinstance(items, Sized) else budget.iterate(items)
    values = list(itertools.islice(source, VALUE_LIMIT + 1))
    if len(values) > VALUE_LIMIT:
        raise _value_too_big()
    return values


def _value_too_big() -> _LimitExceeded:
    return _LimitExceeded(
        "Mẫu tạo ra một giá trị quá lớn (chuỗi, danh sách hoặc số) và đã bị dừng.",
        "The template built a value too large (a string, list or number) and was stopped.",
    )


def _guarded_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter under the render's clock, its result size-checked.

    The clock is checked before and after the call, and an iterator handed to the filter
    (``map``, ``select`` and the like are lazy) is read through the clock, so a chain of lazy
    filters driven by one ``list`` or ``sum`` stops at the time limit too. ``wraps`` keeps
    Jinja's pass-context marks.
    """

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is None:
            return _check_size(func(*args, **kwargs))
        budget.check()
        args = tuple(
            budget.iterate(a) if isinstance(a, Iterator) and not isinstance(a, Sized) else a
            for a in args
        )
        result = func(*args, **kwargs)
        budget.check()
        return _check_size(result)

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

    def fmt(value: Any, *args: Any, **kwargs: Any) -> None:
        _check_percent_format(str(value), kwargs or args)

    def replace(value: Any, old: Any, new: Any, *_: Any, **__: Any) -> None:
        text, grows = str(value), len(str(new)) - len(str(old))
        if grows > 0 and len(text) + text.count(str(old)) * grows > VALUE_LIMIT:
            raise _value_too_big()

    checks = {"indent": indent, "batch": count, "slice": count, "format": fmt, "replace": replace}
    checked = {name: _prechecked(current[name], check) for name, check in checks.items()}
    checked["join"] = _checked_join(current["join"])
    return checked


def _checked_join(join: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``join`` with the items read (under the clock) and measured before joining."""

    @functools.wraps(join)
    def checked(eval_ctx: Any, value: Any, d: Any = "", attribute: Any = None) -> Any:
        if attribute is not None:
            value = map(make_attrgetter(eval_ctx.environment, attribute), value)
        items = _bounded_list(value)
        size = sum(_text_size(i) for i in items) + _text_size(d) * max(len(items) - 1, 0)
        if size > VALUE_LIMIT:
            raise _value_too_big()
        return join(eval_ctx, items, d)

    return checked


def _checked_briefing_filters(current: Mapping[str, Callable[..., Any]]) -> dict[str, Any]:
    """Our filters with their count arguments bounded (``decimals`` of a number, say).

    Arguments are matched to the filter's own signature, so a filter that gains or moves a
    ``decimals`` parameter stays bounded.
    """
    checked = {}
    for name in briefing_filters.FILTERS:
        func = current[name]
        signature = inspect.signature(func)
        if "decimals" in signature.parameters:
            checked[name] = _prechecked(func, functools.partial(_check_decimals, signature))
    return checked


def _check_decimals(signature: inspect.Signature, *args: Any, **kwargs: Any) -> None:
    try:
        decimals = signature.bind(*args, **kwargs).arguments.get("decimals", 0)
    except TypeError:
        return  # the call itself reports the wrong arguments
    if not isinstance(decimals, int) or not 0 <= decimals <= MAX_DECIMALS:
        raise _LimitExceeded(
            f"Số chữ số thập phân (decimals) phải là số nguyên từ 0 đến {MAX_DECIMALS}; "
            f"mẫu đã cho {str(decimals)[:20]}.",
            f"The number of decimals must be a whole number from 0 to {MAX_DECIMALS}; the "
            f"template gave {str(decimals)[:20]}.",
        )


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
            f"Mẫu chỉ được dùng các tệp trong thư mục của nó và các phần dùng chung "
            f"“{COMMON}/…”; “{exc.name}” nằm ngoài.",
            f"A template may only use files in its own folder and the shared parts "
            f"“{COMMON}/…”; “{exc.name}” is outside.",
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
    """One environment per template folder; Jinja reloads files that changed on disk.

    Compiled templates are kept in the user cache folder for the next process
    (``bytecode_cache``), keyed with ``compiled_code_tag``.
    """
    return BriefingSandbox(folder.resolve(), bytecode_cache=_bytecode_cache())


@functools.cache
def compiled_code_tag() -> str:
    """What the code of a compiled template depends on besides its text: the guards this
    module's code generator inserts (``GENERATOR_VERSION`` and this module's bytes), the
    filters (``filters.py``) and Jinja's version."""
    import jinja2

    digest = hashlib.sha256()
    for module in (__file__, briefing_filters.__file__):
        try:
            digest.update(Path(module).read_bytes())
        except OSError:  # no source shipped (the bundle): the version numbers hold
            pass
    return f"guards-{GENERATOR_VERSION}/jinja-{jinja2.__version__}/{digest.hexdigest()[:16]}"


def _bytecode_cache() -> BytecodeCache | None:
    from briefing_studio import paths
    from briefing_studio.templating.bytecode_cache import FOLDER, TemplateBytecodeCache

    try:
        folder = paths.user_cache_dir() / FOLDER
    except OSError:  # no writable cache folder: templates are compiled in each process
        return None
    return TemplateBytecodeCache(folder, compiled_code_tag())


@functools.lru_cache(maxsize=1)
def _checker() -> BriefingSandbox:
    return BriefingSandbox(None)


def check_template_source(source: str, name: str) -> list[TemplateProblem]:
    """Syntax problems of a template being edited (parse and code generation, no execution)."""
    return _checker().check_source(source, name)
