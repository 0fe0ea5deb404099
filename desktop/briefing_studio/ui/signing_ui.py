"""The GUI side of digital signatures: ask for the password or PIN, show what verify found.

The password and the PIN live only in the key object handed to the signing task; nothing
here stores them. The signing itself is ``briefing_studio.signing`` (Qt-free), run in a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from briefing_studio import settings as keys
from briefing_studio import signing
from briefing_studio.ui import preferences
from briefing_studio.ui.i18n import current_language


def ask_key(
    parent: QWidget | None, choice: tuple[str, Path | None]
) -> signing.P12Key | signing.TokenKey | None:
    """The key for ``choice`` ("p12", file) or ("token", None), with the secret typed now."""
    kind, path = choice
    if kind == "p12" and path is not None:
        label = QCoreApplication.translate("Signing", "Password of the certificate {0}:").format(
            path.name
        )
    else:
        label = QCoreApplication.translate("Signing", "PIN of the USB token:")
    secret, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Signing", "Digital signature"),
        label,
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        return None
    if kind == "p12" and path is not None:
        return signing.P12Key(path, secret)
    return signing.TokenKey(
        Path(preferences.get_str(keys.KEY_SIGN_PKCS11_LIB)),
        secret,
        token_label=preferences.get_str(keys.KEY_SIGN_TOKEN_LABEL) or None,
        key_label=preferences.get_str(keys.KEY_SIGN_KEY_LABEL) or None,
    )


def sign_files(
    files: list[Path], key: signing.P12Key | signing.TokenKey, tsa_url: str | None
) -> list[Path]:
    """Worker: sign every PDF among ``files``; returns the signed copies."""
    return [
        signing.sign_file(path, key, tsa_url=tsa_url)
        for path in files
        if path.suffix.lower() == ".pdf"
    ]


def tsa_url() -> str | None:
    return preferences.get_str(keys.KEY_SIGN_TSA_URL) or None


def trusted_roots() -> list[Path]:
    return keys.trusted_root_files()


def verification_text(path: Path, reports: list[signing.SignatureReport]) -> str:
    """What a person reads after "Verify signatures"."""
    if not reports:
        return QCoreApplication.translate("Signing", "{0} has no digital signature.").format(
            path.name
        )
    language = current_language()
    verdict = (
        QCoreApplication.translate("Signing", "Every signature is intact and trusted.")
        if all(r.ok for r in reports)
        else QCoreApplication.translate("Signing", "At least one signature is NOT valid.")
    )
    details = "\n\n".join(signing.describe(r, language) for r in reports)
    return f"{path.name}\n{verdict}\n\n{details}"


def show_verification(
    parent: QWidget | None, path: Path, reports: list[signing.SignatureReport]
) -> None:
    box = QMessageBox(parent)
    good = bool(reports) and all(r.ok for r in reports)
    box.setIcon(QMessageBox.Icon.Information if good else QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Signing", "Verify signatures"))
    box.setText(verification_text(path, reports))
    box.exec()
