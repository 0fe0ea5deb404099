"""Reading windows: the secretaries' user guide (F1) and the template editors' reference.

Each is one window per kind, rendered from Markdown shipped with the app (offline), brought to the
front when asked for again, sized to fit the screen and remembering its size.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from briefing_studio.paths import resources_dir
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.window_size import fit_window

_open: dict[str, QDialog] = {}


def reading_window(
    parent: QWidget | None, name: str, title: str, markdown: str, size: QSize
) -> QDialog:
    """The shown window ``name`` with ``markdown`` rendered (the open one if there is one)."""
    dialog = _open.get(name)
    if dialog is not None:
        try:
            dialog.setWindowTitle(title)  # the language may have changed since
            dialog.browser.setMarkdown(markdown)  # type: ignore[attr-defined]
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        except RuntimeError:  # its C++ object was deleted with its parent
            del _open[name]
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    browser.setMarkdown(markdown)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.browser = browser  # type: ignore[attr-defined]
    fit_window(dialog, name, size)
    dialog.show()
    _open[name] = dialog
    return dialog


def guide_path(language: str | None = None) -> str:
    """The user guide in ``language`` (the interface's by default): ``resources/guide``."""
    lang = language or current_language()
    return str(resources_dir() / "guide" / f"guide_{'en' if lang == 'en' else 'vi'}.md")


def show_user_guide(parent: QWidget | None = None) -> QDialog:
    """Help → User guide (F1): from sources to an exported briefing, Suggest, recovery."""
    with open(guide_path(), encoding="utf-8") as file:
        text = file.read()
    title = QCoreApplication.translate("help_windows", "Briefing Studio user guide")
    return reading_window(parent, "user-guide", title, text, QSize(760, 700))
