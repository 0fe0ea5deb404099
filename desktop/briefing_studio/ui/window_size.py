"""Windows and dialogs open at the size they last had, never larger than the screen.

``fit_window(widget, "name", default)`` gives a top-level window its remembered size (or
``default``), shrunk to the screen's available area less room for the title bar and borders,
and remembers the size whenever the window is hidden (closed, or a dialog finished). Sizes are
kept in the settings file under ``windows/<name>``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from briefing_studio.ui import preferences

# Room for the window manager's title bar and borders, which a window's size does not include.
FRAME = QSize(16, 40)
PREFIX = "windows/"


def available_size(widget: QWidget) -> QSize:
    """The largest size of ``widget``'s window that keeps its frame on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(16777215, 16777215)
    return screen.availableGeometry().size() - FRAME


def fitted(widget: QWidget, size: QSize) -> QSize:
    """``size`` shrunk to the screen, but not below the window's minimum size."""
    return size.boundedTo(available_size(widget)).expandedTo(widget.minimumSize())


def fit_window(widget: QWidget, name: str, default: QSize) -> None:
    """Size ``widget`` as remembered under ``name`` (else ``default``), within the screen."""
    stored = preferences.store().value(PREFIX + name)
    size = stored if isinstance(stored, QSize) and stored.isValid() else default
    widget.resize(fitted(widget, size))
    widget.installEventFilter(_Remember(widget, name))


class _Remember(QObject):
    """Writes its parent window's size to the settings when the window is hidden.

    Holds nothing in Python attributes (the name is its object name): Qt may call it through a
    fresh Python wrapper while the window is being torn down.
    """

    def __init__(self, widget: QWidget, name: str) -> None:
        super().__init__(widget)
        self.setObjectName(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and watched is self.parent():
            window = watched
            if isinstance(window, QWidget) and not (window.isMaximized() or window.isFullScreen()):
                preferences.set_value(PREFIX + self.objectName(), window.size())
        return False
