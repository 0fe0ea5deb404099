"""A template cannot exhaust memory or time in one step: sizes are checked before values exist.

Each expression below asked for about 2.5 GB (or minutes of CPU) in a single operation the
sandbox's loop and call guards never see. It runs in a child process whose address space is
capped at 1 GB above its size after start-up, so code that builds the value first dies of
``MemoryError`` there (and the machine running the tests is spared); the test asserts that the
sandbox's own size check refused it, that peak memory (``ru_maxrss``) grew by less than
200 MB and that it took well under the time limit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from studio_processes import run_python

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="uses /proc and RLIMIT_AS"
)

PEAK_MB = 200
CHILD = """
import json, resource, sys, time
from pathlib import Path
from briefing_studio.errors import BriefingError
from briefing_studio.templating.sandbox import BriefingSandbox

folder = Path(sys.argv[1])
(folder / "warm.j2").write_text("{{ 1 + 1 }}{{ 'a'|upper }}", encoding="utf-8")
(folder / "hostile.j2").write_text(sys.argv[2], encoding="utf-8")
box = BriefingSandbox(folder)
box.render("warm.j2", {})
pages = int(Path("/proc/self/statm").read_text().split()[0])
size = pages * resource.getpagesize()
room = 1024**3  # 1 GB more address space than after start-up
resource.setrlimit(resource.RLIMIT_AS, (size + room, size + room))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
try:
    box.render("hostile.j2", {})
    cause, message = "rendered", ""
except BriefingError as error:
    cause, message = type(error.__cause__).__name__, error.message("en")
seconds = time.monotonic() - started
grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
print(json.dumps({"cause": cause, "message": message, "seconds": seconds, "grew_mb": grew}))
"""

HUGE = 2_500_000_000
EXPRESSIONS = {
    "named-width": "{{ '%(a)" + str(HUGE) + "s' % {'a': 'x'} }}",
    "named-precision": "{{ '%(a).2000000000f' % {'a': 1.5} }}",
    "ljust": "{{ 'x'.ljust(" + str(HUGE) + ") }}",
    "center": "{{ 'x'.center(" + str(HUGE) + ") }}",
    "zfill": "{{ '1'.zfill(" + str(HUGE) + ") }}",
    "expandtabs": "{{ ('\\t' * 1000).expandtabs(2500000) }}",
    "replace": "{{ ('x' * 1000000).replace('x', 'y' * 2500) }}",
    "join-method": "{{ ('x' * 1000000).join('y' * 2500) }}",
    "join-filter": "{{ (['x' * 1000000] * 2500)|join }}",
    "join-filter-separator": "{{ ('y' * 2500)|join('x' * 1000000) }}",
    "format-filter": "{{ '%(a)" + str(HUGE) + "s'|format(a='x') }}",
    "format-many-fields": "{{ ('%s' * 100000) % (('x' * 100000,) * 100000) }}",
    "brace-many-fields": "{{ ('{0}' * 100000).format('x' * 100000) }}",
    "translate": "{{ ('x' * 100000).translate({120: 'y' * 100000}) }}",
    "list-printed": "{% set a = 'x' * 1000000 %}{{ [a, a, a, a, a, a, a, a, a, a] * 250 }}",
    "roman": "{{ " + str(HUGE * 1000) + "|roman }}",
    "number-decimals": "{{ 1.5|number(100000000) }}",
    "money-decimals": "{{ 1.5|money('USD', none, 100000000) }}",
    "percent-decimals": "{{ 1.5|percent(none, 100000000) }}",
}


@pytest.mark.parametrize("source", EXPRESSIONS.values(), ids=EXPRESSIONS.keys())
def test_a_huge_value_is_refused_before_it_is_built(
    source: str, tmp_path: Path, studio_home: Path
) -> None:
    result = run_python(CHILD, [str(tmp_path), source], studio_home, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    expected = "rendered" if source == EXPRESSIONS["roman"] else "_LimitExceeded"
    assert outcome["cause"] == expected, outcome  # roman writes digits from 4000 on
    if expected != "rendered":
        assert "too large" in outcome["message"] or "decimals" in outcome["message"], outcome
    assert outcome["grew_mb"] < PEAK_MB, outcome
    assert outcome["seconds"] < 1.0, outcome


def test_the_time_limit_reaches_into_filters(tmp_path: Path) -> None:
    """One ``list`` filter call drives a chain of lazy filters over 100 000 items (seconds of
    work in a single call, no loop for the loop guard to see); it stops at the time limit."""
    import time

    from briefing_studio.errors import BriefingError
    from briefing_studio.templating.sandbox import BriefingSandbox

    chain = "|map('upper')|map('lower')" * 5
    (tmp_path / "t.j2").write_text(
        "{% set big = ['x' * 1000] * 100000 %}{{ big" + chain + "|list|length }}",
        encoding="utf-8",
    )
    started = time.monotonic()
    with pytest.raises(BriefingError, match="stopped"):
        BriefingSandbox(tmp_path).render("t.j2", {}, time_limit=0.3)
    assert time.monotonic() - started < 1.5
