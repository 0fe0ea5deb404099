"""Desktop app timings, offscreen: launch → seeds shown, and a tick → refreshed preview.

Each run happens in a fresh child process with its own ``BRIEFING_STUDIO_HOME`` so caches and
settings of earlier runs do not flatter the numbers. ``run()`` returns a dict; running the file
prints it as JSON.

- ``launch_to_seeds_s``: from before the first Qt import to the main window showing both seed
  texts analysed, with the suggestion applied (entity recognition then continues in the
  background and is not counted).
- ``tick_to_preview_s``: median over several ticks of a section checkbox until the preview shows
  the new PDF; it includes the preview's debounce for a click, ``CLICK_DEBOUNCE_MS``
  (``tick_to_preview_minus_debounce_s`` is the rendering part; typing in the meeting fields
  waits ``TYPING_DEBOUNCE_MS`` instead, not measured here).
- ``big_source_*`` (not with ``--quick``): opening about 1 MB of text (the seeds repeated, some
  2,500 sections) in a running window and waiting until the preview and the names found in the
  background are done. ``big_source_longest_pause_s`` is the longest the event loop went without
  running in that time: what a user feels as a frozen window.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICKS = 5


def _open_window():
    """The app and a main window at 1366×768 starting on the seeds, as ``briefing`` opens it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from briefing_studio.ui.app import application
    from briefing_studio.ui.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.start([])
    return app, window


def _wait(app, condition, timeout: float = 600.0) -> tuple[float, float]:
    """Run the event loop until ``condition()``; returns (seconds taken, longest pause)."""
    started = last = time.perf_counter()
    longest = 0.0
    while not condition():
        app.processEvents()
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        if now - started > timeout:
            raise TimeoutError("the app did not finish in time")
        time.sleep(0.001)
    return time.perf_counter() - started, longest


def _idle(window) -> bool:
    return not window.busy() and window.preview.up_to_date()


def _child() -> dict:
    started = time.perf_counter()
    from PySide6.QtCore import Qt

    from briefing_studio.ui.preview import CLICK_DEBOUNCE_MS

    app, window = _open_window()
    seeds_shown = lambda: bool(window.state.analyses and window.source_view.model.entries)  # noqa: E731
    _wait(app, seeds_shown, timeout=120)
    app.processEvents()
    launch = time.perf_counter() - started

    _wait(app, lambda: _idle(window), timeout=120)  # entities found, preview shown
    model = window.source_view.model
    rows = [r for r, e in enumerate(model.entries) if e.section is not None]
    timings = []
    for tick in range(TICKS):
        index = model.index(rows[tick % len(rows)])
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        begin = time.perf_counter()
        model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
        _wait(app, window.preview.up_to_date, timeout=120)
        timings.append(time.perf_counter() - begin)
    pages = window.preview.page_count()
    window.state.undo_stack.setClean()
    window.close()
    median = statistics.median(timings)
    return {
        "launch_to_seeds_s": round(launch, 3),
        "tick_to_preview_s": round(median, 3),
        "tick_to_preview_minus_debounce_s": round(median - CLICK_DEBOUNCE_MS / 1000, 3),
        "tick_debounce_ms": CLICK_DEBOUNCE_MS,
        "tick_samples_s": [round(t, 3) for t in timings],
        "preview_pages": pages,
    }


def _big_child(path: str) -> dict:
    """Open ``path`` in a window already showing the seeds; time it and its longest pause."""
    app, window = _open_window()
    _wait(app, lambda: _idle(window))
    rows_before = len(window.source_view.model.entries)
    window.files.open_paths([Path(path)])
    shown, pause_shown = _wait(app, lambda: len(window.source_view.model.entries) > rows_before)
    settled, pause_settled = _wait(app, lambda: _idle(window))
    idle, longest = shown + settled, max(pause_shown, pause_settled)
    sections = len(window.source_view.model.entries) - rows_before
    window.state.undo_stack.setClean()
    window.close()
    return {
        "big_source_open_to_shown_s": round(shown, 3),
        "big_source_open_to_idle_s": round(idle, 3),
        "big_source_longest_pause_s": round(longest, 3),
        "big_source_sections": sections,
    }


def _big_text() -> str:
    """About 1 MB of Vietnamese: the seeds, each copy marked so its sections differ."""
    from common import seed_texts

    seeds = "\n\n".join(seed_texts())
    copies, size = [], 0
    while size < 1_000_000:
        copies.append(seeds.replace("Bắc Giang", f"Bắc Giang ({len(copies) + 1})"))
        size += len(copies[-1])
    return "\n\n".join(copies)


def _in_child(*arguments: str, home: str) -> dict:
    env = dict(os.environ, BRIEFING_STUDIO_HOME=home, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, __file__, *arguments], env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> dict:
    """The timings, each from a fresh child process (offscreen) with an empty user folder."""
    with tempfile.TemporaryDirectory() as home:
        wall = time.perf_counter()
        result = _in_child("--child", home=home)
        result["child_process_wall_s"] = round(time.perf_counter() - wall, 3)
    if not quick:
        with tempfile.TemporaryDirectory() as home:
            big = Path(home) / "bao-cao-1mb.txt"
            big.write_text(_big_text(), encoding="utf-8")
            result.update(_in_child("--big", str(big), home=home))
    return result


if __name__ == "__main__":
    if "--child" in sys.argv or "--big" in sys.argv:
        sys.path.insert(0, str(Path(__file__).parent))
        numbers = _child() if "--child" in sys.argv else _big_child(sys.argv[-1])
        print(json.dumps(numbers))
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown: the numbers are printed
    print(json.dumps(run(), indent=1))
