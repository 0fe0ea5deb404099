"""Suggest over a hand-made choice: ask whether to replace it, add to it, or leave it alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_suggest_mode(parent: QWidget | None) -> str | None:
    """``"replace"``, ``"add"`` (``selection.combine_suggestion``'s modes) or None: cancelled."""
    box = QMessageBox(parent)
    box.setObjectName("SuggestPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("SuggestPrompt", "Suggest"))
    box.setText(
        QCoreApplication.translate(
            "SuggestPrompt", "You have ticked or unticked sections and figures yourself."
        )
    )
    replace_note = QCoreApplication.translate(
        "SuggestPrompt", "Replace: tick only what is suggested for the counterpart."
    )
    add_note = QCoreApplication.translate(
        "SuggestPrompt", "Add: keep your choice and also tick what is suggested."
    )
    box.setInformativeText(f"{replace_note}\n{add_note}")
    replace = box.addButton(
        QCoreApplication.translate("SuggestPrompt", "Replace my choice"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    add = box.addButton(
        QCoreApplication.translate("SuggestPrompt", "Add to my choice"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    cancel = box.addButton(
        QCoreApplication.translate("SuggestPrompt", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(add)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return "replace"
    if clicked is add:
        return "add"
    return None
