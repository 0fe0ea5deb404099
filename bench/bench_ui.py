"""Desktop app timings, offscreen: launch → seeds shown, and a tick → refreshed preview.

Each run happens in a fresh child process with its own ``BRIEFING_STUDIO_HOME`` so caches and
settings of earlier runs do not flatter the numbers. ``run()`` returns a dict; running the file
prints it as JSON.

- ``launch_to_seeds_s``: from before the first Qt import to the main window showing both seed
  texts analysed, with the suggestion applied (entity recognition then continues in the
  background and is not counted).
- ``tick_to_preview_s``: median over several ticks of a section checkbox until the preview shows
  the new PDF; it includes the preview's 400 ms debounce (``tick_to_preview_minus_debounce_s``
  is the rendering part).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

TICKS = 5


def _child() -> dict:
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from briefing_studio.ui.app import application
    from briefing_studio.ui.main_window import MainWindow
    from briefing_studio.ui.preview import DEBOUNCE_MS

    app = application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.start([])
    while not window.state.analyses or not window.source_view.model.entries:
        app.processEvents()
        time.sleep(0.001)
    QApplication.processEvents()
    launch = time.perf_counter() - started

    def wait(condition, timeout: float = 120.0) -> None:
        limit = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > limit:
                raise TimeoutError("the app did not finish in time")
            app.processEvents()
            time.sleep(0.001)

    wait(lambda: not window.busy() and window.preview.up_to_date())  # entities found, preview shown
    model = window.source_view.model
    rows = [r for r, e in enumerate(model.entries) if e.section is not None]
    timings = []
    for tick in range(TICKS):
        index = model.index(rows[tick % len(rows)])
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        begin = time.perf_counter()
        model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
        wait(window.preview.up_to_date)
        timings.append(time.perf_counter() - begin)
    pages = window.preview.page_count()
    window.state.undo_stack.setClean()
    window.close()
    median = statistics.median(timings)
    return {
        "launch_to_seeds_s": round(launch, 3),
        "tick_to_preview_s": round(median, 3),
        "tick_to_preview_minus_debounce_s": round(median - DEBOUNCE_MS / 1000, 3),
        "tick_samples_s": [round(t, 3) for t in timings],
        "preview_pages": pages,
    }


def run() -> dict:
    """Both timings from a fresh child process (offscreen)."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, BRIEFING_STUDIO_HOME=home, QT_QPA_PLATFORM="offscreen")
        wall = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, "--child"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["child_process_wall_s"] = round(time.perf_counter() - wall, 3)
    return result


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_child()))
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown: the numbers are printed
    print(json.dumps(run(), indent=1))
