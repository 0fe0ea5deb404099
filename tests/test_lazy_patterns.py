"""reportlab's paragraph module imported with its patterns compiled on first use, same results."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from briefing_studio.render.lazy_patterns import LazyPattern

# A new process: the module is imported once per process, after the render package.
_PROBE = textwrap.dedent(
    """
    import re, sys
    import briefing_studio.render
    from reportlab.platypus import paragraph
    from briefing_studio.render.lazy_patterns import LazyPattern
    assert re.compile is briefing_studio.render.lazy_patterns._compile, "re.compile left patched"
    assert isinstance(paragraph.uri_pat, LazyPattern), type(paragraph.uri_pat)
    assert paragraph.uri_pat._compiled is None, "compiled at import"
    from reportlab.lib import textsplit
    assert textsplit.rx._compiled is None
    print(textsplit.wordSplit("Hà Nội 東京", 500, "Helvetica", 10))
    assert isinstance(re.compile("x"), re.Pattern)  # other modules' patterns, as before
    pairs = paragraph._uri_split_pairs("https://dangcongsan.vn/tin-tuc/nghi-quyet.html")
    print(pairs)
    print(paragraph._uri_split_pairs("không phải địa chỉ"))
    """
)


def test_the_address_pattern_is_compiled_on_first_use_with_the_same_result() -> None:
    run = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    split, pairs, none = run.stdout.splitlines()
    assert none == "None"
    assert "('https://dangcongsan.vn/', 'tin-tuc/nghi-quyet.html')" in pairs
    plain = subprocess.run(  # reportlab's own, imported without the hook
        [sys.executable, "-c", _PROBE.split("import briefing_studio.render")[0] + _PLAIN],
        capture_output=True,
        text=True,
    )
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines() == [split, pairs, none]


_PLAIN = textwrap.dedent(
    """
    from reportlab.platypus import paragraph
    assert isinstance(paragraph.uri_pat, re.Pattern)
    from reportlab.lib import textsplit
    print(textsplit.wordSplit("Hà Nội 東京", 500, "Helvetica", 10))
    print(paragraph._uri_split_pairs("https://dangcongsan.vn/tin-tuc/nghi-quyet.html"))
    print(paragraph._uri_split_pairs("không phải địa chỉ"))
    """
)


def test_a_lazy_pattern_behaves_as_the_compiled_one() -> None:
    lazy = LazyPattern(r"(\w+)@(\w+)", re.I)
    assert lazy._compiled is None
    assert lazy.match("Hà@Nội").groups() == ("Hà", "Nội")
    assert lazy.pattern == r"(\w+)@(\w+)" and lazy.flags & re.I
    assert lazy.split("a@b c@d") == re.compile(r"(\w+)@(\w+)", re.I).split("a@b c@d")
    assert isinstance(lazy._compiled, re.Pattern)
