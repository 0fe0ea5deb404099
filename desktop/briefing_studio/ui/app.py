"""Starting the desktop app: the QApplication, its translation, and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing_studio import __version__
from briefing_studio.paths import resources_dir
from briefing_studio.ui import collector, i18n, preferences

UI_SWITCH_INTERVAL_S = 0.001


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication (created once), named so QSettings and dialogs say who we are."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("BriefingStudio")
        QCoreApplication.setApplicationName("BriefingStudio")
        app = QApplication(list(argv or sys.argv[:1]))
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName("Briefing Studio")
    # Matches resources/desktop/briefing-studio.desktop, so Wayland docks show the menu icon.
    app.setDesktopFileName("briefing-studio")
    app.setWindowIcon(QIcon(str(resources_dir() / "desktop" / "briefing-studio.svg")))
    i18n.install(preferences.language())
    # On Linux the desktop's own file dialog speaks the desktop's language, not the one chosen
    # here; Qt's dialog speaks ours (qtbase_vi). Windows and macOS keep their native dialogs.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, sys.platform == "linux")
    # Workers (analysis, NER) run Python code beside the UI thread. Every Qt call from the UI
    # thread gives up the GIL and then waits for a busy worker to hand it back, by default
    # after 5 ms: laying out a 1 MB source then froze the window for 2.5 s. At 1 ms the
    # longest pause is a fifth of that, and NER takes no longer (bench/bench_ui.py).
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    collector.pin_to(app)  # garbage is collected on this thread, never a worker's
    return app  # type: ignore[return-value]


def create_window(files: Sequence[str] = ()):  # -> MainWindow (import kept lazy for startup)
    """A shown main window that starts loading ``files`` (or the seeds)."""
    from briefing_studio.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.start(list(files))
    return window


def run(files: Sequence[str] = ()) -> int:
    """Open the main window on ``files`` and run until it closes; returns the exit status."""
    app = application()
    window = create_window(files)
    status = app.exec()
    del window
    return status


def main() -> int:
    """Entry point of the ``briefing-studio`` GUI script."""
    return run(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
