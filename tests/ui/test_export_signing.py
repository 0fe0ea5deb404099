"""The export dialog's formats come from the table; export can sign; File → Verify signatures."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from briefing_studio import signing
from briefing_studio.render import formats

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/certs.py, when run alone
from certs import SIGNER_NAME, make_pki


def test_the_dialog_offers_every_format_of_the_table(qtbot) -> None:
    from briefing_studio.ui.export_dialog import ExportDialog

    dialog = ExportDialog("/tmp", "tai-lieu")
    qtbot.addWidget(dialog)
    assert list(dialog.format_boxes) == list(formats.ids())
    assert dialog.formats() == list(formats.DEFAULT_IDS)
    dialog.set_formats(["docx"])
    assert not dialog.sign.isEnabled()  # nothing to sign without a PDF
    dialog.set_formats(["pdf-a"])
    assert dialog.sign.isEnabled()
    assert dialog.signing_choice() is None
    dialog.sign.setChecked(True)
    dialog.p12_path.setText("/tmp/khoa.p12")
    assert dialog.signing_choice() == ("p12", Path("/tmp/khoa.p12"))


def test_export_signs_the_pdfa_and_verify_shows_the_signer(
    make_window, qtbot, monkeypatch, tmp_path: Path, modal_boxes
) -> None:
    from briefing_studio.ui import export_dialog, signing_ui, window_output

    pki = make_pki(tmp_path / "pki")
    window = make_window()
    out = tmp_path / "out"

    def fake_exec(dialog) -> int:
        dialog.folder.setText(str(out))
        dialog.stem.setText("han-quoc")
        dialog.set_formats(["pdf-a"])
        dialog.sign.setChecked(True)
        dialog.p12_path.setText(str(pki.p12))
        dialog._accept()
        return export_dialog.ExportDialog.DialogCode.Accepted

    asked: list[str] = []

    def type_password(parent, title, label, echo, *args, **kwargs):
        asked.append(label)
        return pki.password, True

    written: list[Path] = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(QInputDialog, "getText", type_password)
    monkeypatch.setattr(window_output, "offer_to_open", lambda parent, files: written.extend(files))
    window.action_set.export_action.trigger()
    qtbot.waitUntil(lambda: len(written) == 2, timeout=60000)
    assert written == [out / "han-quoc.pdf", out / "han-quoc-signed.pdf"]
    assert len(asked) == 1 and "signer.p12" in asked[0]
    (report,) = signing.verify_file(written[1], [pki.ca_pem])
    assert report.ok and report.signer == SIGNER_NAME

    # File → Verify signatures, with the office's root in Settings.
    from briefing_studio import settings as keys
    from briefing_studio.ui import preferences

    preferences.set_value(keys.KEY_SIGN_TRUST, str(pki.ca_pem))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(written[1]), "PDF files (*.pdf)")
    )
    shown: list[str] = []
    monkeypatch.setattr(
        signing_ui,
        "show_verification",
        lambda parent, path, reports: shown.append(signing_ui.verification_text(path, reports)),
    )
    window.action_set.verify_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert SIGNER_NAME in shown[0] and "han-quoc-signed.pdf" in shown[0]
    assert shown[0].split("\n")[1] == QCoreApplication.translate(
        "Signing", "Every signature is intact and trusted."
    )
