"""The About box: what this build is made of, for a support call."""

from __future__ import annotations

import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing_studio import __version__

COMPONENTS = ("underthesea", "reportlab", "python-docx", "pypdfium2", "jinja2")


def versions() -> dict[str, str]:
    """Versions of the app, Python, Qt, PySide6 and the libraries doing the work."""
    found = {
        "Briefing Studio": __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
    }
    for name in COMPONENTS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "—"
    return found


def show_about(parent: QWidget | None) -> None:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in versions().items())
    text = QCoreApplication.translate(
        "about", "Turns Vietnamese source texts into DOCX and PDF briefings, offline."
    )
    QMessageBox.about(
        parent,
        QCoreApplication.translate("about", "About Briefing Studio"),
        f"<h3>Briefing Studio {__version__}</h3><p>{text}</p><table>{rows}</table>",
    )
