"""Entry script of the PyInstaller bundle: the bundled ``briefing`` is the ``briefing`` command.

PyInstaller needs a script, not a ``module:function`` entry point, so this file stands in for
the console script ``briefing = briefing_studio.cli:main`` declared in pyproject.toml.
"""

import multiprocessing
import sys

from briefing_studio.cli import main

if __name__ == "__main__":
    # joblib (pulled in by underthesea) imports multiprocessing; in a frozen app a spawned child
    # would re-run the launcher instead of its task unless freeze_support() intercepts it.
    multiprocessing.freeze_support()
    sys.exit(main())
