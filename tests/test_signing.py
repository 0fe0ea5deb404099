"""Digital signatures: sign with a PKCS#12 file or a SoftHSM2 token, verify, detect tampering.

Certificates are made per test session (a throwaway CA and a signer); nothing leaves the
machine: sockets are blocked while signing and verifying without a timestamp server.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pikepdf
import pypdf
import pytest
from pikepdf import pdfa as pikepdf_pdfa
from PIL import Image

from briefing_studio import cli, signing
from briefing_studio.render.pdfa import is_embedded, pdfa_bytes
from certs import AGENCY, SIGNER_NAME, make_pki
from writer_fixtures import handout_document

SOFTHSM_LIBRARIES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def archive_bytes() -> bytes:
    return pdfa_bytes(handout_document())


@pytest.fixture
def handout(tmp_path: Path, archive_bytes: bytes) -> Path:
    path = tmp_path / "tài liệu.pdf"
    path.write_bytes(archive_bytes)
    return path


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        tried.append(repr(args[:2]))
        raise OSError("network blocked by the test")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    return tried


def sign_cli(path: Path, pki, monkeypatch, *extra: str, password: str | None = None) -> int:
    monkeypatch.setenv("BRIEFING_SIGN_PASSWORD", pki.password if password is None else password)
    return cli.main(["sign", str(path), "--p12", str(pki.p12), *extra])


def test_sign_writes_a_signed_copy_beside_the_file_and_leaves_it_untouched(
    handout: Path, pki, monkeypatch, capsys, offline
) -> None:
    before = handout.read_bytes()
    assert sign_cli(handout, pki, monkeypatch) == 0
    signed = handout.with_name("tài liệu-signed.pdf")
    assert capsys.readouterr().out.strip() == str(signed)
    assert handout.read_bytes() == before
    after = signed.read_bytes()
    assert after.startswith(before) and len(after) > len(before)  # an incremental update
    assert sorted(p.name for p in handout.parent.iterdir()) == sorted([handout.name, signed.name])
    assert offline == []


def test_verify_reports_signer_time_and_intact_against_the_trusted_root(
    handout: Path, pki, monkeypatch, capsys, offline
) -> None:
    assert sign_cli(handout, pki, monkeypatch) == 0
    signed = signing.signed_path(handout)
    capsys.readouterr()
    assert cli.main(["verify", str(signed), "--trust", str(pki.ca_pem)]) == 0
    out = capsys.readouterr().out
    assert SIGNER_NAME in out and AGENCY in out
    assert "nguyên vẹn" in out and "Chứng thư: tin cậy" in out and "Content: intact" in out
    (report,) = signing.verify_file(signed, [pki.ca_pem])
    assert report.ok and report.time is not None
    # The same file, but its root is not trusted: still intact, not valid.
    assert cli.main(["verify", str(signed)]) == 1
    assert "KHÔNG được tin cậy" in capsys.readouterr().out
    assert offline == []


def test_a_trusted_root_in_settings_counts_like_trust(
    handout: Path, pki, monkeypatch, capsys, tmp_path: Path
) -> None:
    assert sign_cli(handout, pki, monkeypatch) == 0
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    from briefing_studio.settings import settings_file

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(f"[signing]\ntrusted_roots={pki.ca_pem}\n", encoding="utf-8")
    assert cli.main(["verify", str(signing.signed_path(handout))]) == 0


def test_the_system_s_ca_bundle_is_trusted(handout: Path, pki, monkeypatch) -> None:
    signed = signing.sign_file(handout, signing.P12Key(pki.p12, pki.password))
    assert not signing.verify_file(signed)[0].trusted
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_pem))  # as if the CA were a system root
    assert signing.verify_file(signed)[0].ok


def test_changing_one_byte_makes_verify_report_the_change_and_exit_1(
    handout: Path, pki, monkeypatch, capsys
) -> None:
    assert sign_cli(handout, pki, monkeypatch) == 0
    signed = signing.signed_path(handout)
    data = bytearray(signed.read_bytes())
    at = data.index(b"/Creator")  # the signed revision's document info
    position = data.index(b"(", at) + 1
    data[position] ^= 0x01
    signed.write_bytes(bytes(data))
    capsys.readouterr()
    assert cli.main(["verify", str(signed), "--trust", str(pki.ca_pem)]) == 1
    out = capsys.readouterr().out
    assert "ĐÃ BỊ SỬA" in out and "MODIFIED" in out
    (report,) = signing.verify_file(signed, [pki.ca_pem])
    assert not report.intact and not report.ok


def test_a_wrong_password_exits_2_with_a_clear_message_and_writes_nothing(
    handout: Path, pki, monkeypatch, capsys
) -> None:
    assert sign_cli(handout, pki, monkeypatch, password="sai-mật-khẩu") == 2
    err = capsys.readouterr().err
    assert "Sai mật khẩu chứng thư số" in err and "Wrong certificate password" in err
    assert str(pki.p12) in err and "Traceback" not in err
    assert sorted(p.name for p in handout.parent.iterdir()) == [handout.name]


def test_a_missing_token_library_is_named_with_what_to_do(handout: Path, capsys, monkeypatch):
    monkeypatch.setenv("BRIEFING_SIGN_PIN", "123456")
    missing = handout.parent / "khong-co" / "libtoken.so"
    assert cli.main(["sign", str(handout), "--pkcs11-lib", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "Không tìm thấy thư viện PKCS#11" in err and str(missing) in err


def test_sign_without_a_key_names_the_choices(handout: Path, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))  # no token in Settings
    assert cli.main(["sign", str(handout)]) == 2
    err = capsys.readouterr().err
    assert "--p12" in err and "--pkcs11-lib" in err


def test_verify_of_an_unsigned_pdf_exits_1(handout: Path, capsys) -> None:
    assert cli.main(["verify", str(handout)]) == 1
    assert "không có chữ ký số" in capsys.readouterr().out


def test_sign_refuses_a_file_that_is_not_a_pdf(tmp_path: Path, pki, monkeypatch, capsys):
    notes = tmp_path / "ghi-chu.pdf"
    notes.write_text("không phải PDF", encoding="utf-8")
    assert sign_cli(notes, pki, monkeypatch) == 2
    assert "Tệp không phải PDF" in capsys.readouterr().err


def test_the_signed_file_stays_pdfa(handout: Path, pki) -> None:
    signed = signing.sign_file(handout, signing.P12Key(pki.p12, pki.password))
    report = pikepdf_pdfa.validate_written(signed, "2b")
    # pikepdf's validator does not cover interactive forms (the signature field); everything
    # else in the file it checks and approves.
    assert [f.where.split()[-1] for f in report.findings] == ["/AcroForm"]
    assert all(f.kind == "unsupported" for f in report.findings)
    with pikepdf.open(signed) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert "/OutputIntents" in pdf.Root
        fonts = [
            o
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"
        ]
        assert fonts and all(is_embedded(font) for font in fonts)
        (widget,) = pdf.pages[-1].Annots
        assert int(widget.F) & 4  # printed, as PDF/A requires
        assert "/AP" in widget


def test_the_stamp_sits_under_the_last_text_at_the_right_margin(handout: Path, pki) -> None:
    signed = signing.sign_file(handout, signing.P12Key(pki.p12, pki.password))
    reader = pypdf.PdfReader(signed)
    page = reader.pages[-1]
    (annot,) = [a.get_object() for a in page["/Annots"]]
    left, bottom, right, top = (float(v) for v in annot["/Rect"])
    width = float(page.mediabox.width)
    assert right <= width - 40 and left > width / 2  # right half, inside the 15 mm margin
    assert bottom >= 30 and top - bottom == pytest.approx(signing.STAMP_H, abs=1)
    baselines: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            baselines.append(cm[5] + tm[5] * cm[3])

    page.extract_text(visitor_text=visit)
    body = [y for y in baselines if y > 20 * signing.MM]  # not the page number
    assert body and top <= min(body)


def test_the_text_stamp_names_signer_agency_and_time(pki) -> None:
    from datetime import datetime

    stamp = signing.Stamp(SIGNER_NAME, AGENCY, datetime(2024, 12, 20, 9, 30).astimezone())
    text = pypdf.PdfReader(io.BytesIO(signing.stamp_pdf(stamp, 200, 60))).pages[0].extract_text()
    assert f"Ký bởi: {SIGNER_NAME}" in text and f"Cơ quan: {AGENCY}" in text
    assert "20/12/2024 09:30" in text


def test_a_signer_image_replaces_the_text_stamp(handout: Path, pki, tmp_path: Path) -> None:
    picture = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    for x in range(10, 110):
        picture.putpixel((x, 30), (20, 40, 200, 255))
    image = tmp_path / "chu-ky.png"
    picture.save(image)
    signed = signing.sign_file(handout, signing.P12Key(pki.p12, pki.password), image=image)
    with pikepdf.open(signed) as pdf:
        images = [
            o
            for o in pdf.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        ]
        assert any("/SMask" in o for o in images)  # the transparent background is kept


def test_a_second_signature_keeps_the_first_one_intact(handout: Path, pki) -> None:
    key = signing.P12Key(pki.p12, pki.password)
    once = signing.sign_file(handout, key)
    twice = signing.sign_file(once, key)
    reports = signing.verify_file(twice, [pki.ca_pem])
    assert [r.field for r in reports] == ["Signature1", "Signature2"]
    assert all(r.ok for r in reports)


# -- PKCS#11 with a real SoftHSM2 token -------------------------------------------------------


def softhsm_library() -> str | None:
    return next((lib for lib in SOFTHSM_LIBRARIES if Path(lib).is_file()), None)


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory, pki):
    """One SoftHSM2 token for the module: the library reads its configuration once per process."""
    library = softhsm_library()
    if library is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 is not installed (Debian: apt-get install softhsm2; CI installs it)")
    import pkcs11
    from cryptography import x509
    from pkcs11 import Attribute, CertificateType, ObjectClass

    tmp_path = tmp_path_factory.mktemp("softhsm")
    (tmp_path / "tokens").mkdir()
    config = tmp_path / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(config)
    pin, label = "123456", "Token Ban Tong hop"

    def util(*args: str) -> None:
        subprocess.run(["softhsm2-util", *args], check=True, capture_output=True)

    util("--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", pin)
    util(
        "--import",
        str(pki.key_pem),
        "--token",
        label,
        "--label",
        "ky-so",
        "--id",
        "01",
        "--pin",
        pin,
    )
    der = pki.cert_der.read_bytes()
    with pkcs11.lib(library).get_token(token_label=label).open(rw=True, user_pin=pin) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.VALUE: der,
                Attribute.SUBJECT: x509.load_der_x509_certificate(der).subject.public_bytes(),
                Attribute.LABEL: "ky-so",
                Attribute.ID: b"\x01",
                Attribute.TOKEN: True,
            }
        )
    yield library, label, pin
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


def test_signing_with_a_pkcs11_token(handout: Path, pki, token, monkeypatch, capsys) -> None:
    library, label, pin = token
    monkeypatch.setenv("BRIEFING_SIGN_PIN", pin)
    args = ["sign", str(handout), "--pkcs11-lib", library, "--token-label", label]
    assert cli.main([*args, "--key-label", "ky-so"]) == 0
    signed = signing.signed_path(handout)
    capsys.readouterr()
    assert cli.main(["verify", str(signed), "--trust", str(pki.ca_pem)]) == 0
    assert SIGNER_NAME in capsys.readouterr().out


def test_a_wrong_token_pin_is_a_clear_message(handout: Path, token, monkeypatch, capsys) -> None:
    library, label, _pin = token
    monkeypatch.setenv("BRIEFING_SIGN_PIN", "000000")
    args = ["sign", str(handout), "--pkcs11-lib", library, "--token-label", label]
    assert cli.main([*args, "--key-label", "ky-so"]) == 2
    assert "Sai mã PIN của token" in capsys.readouterr().err
