"""The Qt desktop application: windows, panels, models and background workers.

Nothing here computes analysis, layout or rendering; it calls the core and shows results.
PySide6 is pinned below 6.12: 6.12.0 drops references to ``None``/``True`` on Python 3.11 and
aborts the interpreter after a few thousand Qt calls (see pyproject.toml).
"""
