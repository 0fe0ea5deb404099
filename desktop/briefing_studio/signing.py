"""Digital signatures on exported PDFs (PAdES B-B, offline), and checking them. Qt-free.

The key is a PKCS#12 file (``.p12``/``.pfx``) with its password, or a PKCS#11 token (a USB
token as Vietnamese CAs issue them) with its library and PIN; neither password nor PIN is
stored. The signature is an incremental update, so a PDF/A export stays PDF/A and the bytes of
the unsigned file stay the first bytes of the signed one; the unsigned file itself is never
touched: ``NAME-signed.pdf`` is written beside it, atomically.

The visible appearance is a stamp (signer, agency, time; or the signer's image when given)
under the last text of the last page, right-aligned, where a Decree 30 signature block sits.
A timestamp server is asked only when its address is configured.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import ssl
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefing_studio.atomic import atomic_write_bytes
from briefing_studio.errors import BriefingError
from briefing_studio.sources.guards import read_regular

# Size caps for what is read whole: a PDF to sign or check, a certificate or key file.
MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_CERTIFICATE_BYTES = 1024 * 1024

SIGNED_TAG = "-signed"
FIELD_PREFIX = "Signature"
MM = 72 / 25.4
STAMP_W, STAMP_H = 72 * MM, 22 * MM  # the stamp's box, in points
STAMP_GAP, STAMP_RIGHT, STAMP_FLOOR = 6 * MM, 15 * MM, 12 * MM
STAMP_BLUE = (0.05, 0.2, 0.65)


@dataclass
class P12Key:
    """A PKCS#12 file and its password."""

    path: Path
    password: str


@dataclass
class TokenKey:
    """A PKCS#11 token: its library (a setting), the PIN (asked each time), which key."""

    library: Path
    pin: str
    token_label: str | None = None
    key_label: str | None = None
    cert_label: str | None = None


@dataclass
class SignatureReport:
    """What ``verify`` found for one signature."""

    field: str
    signer: str
    agency: str
    time: datetime | None
    intact: bool  # the signed bytes are unchanged and the signature matches them
    trusted: bool  # the signer's certificate chains to a trusted root
    covers_all: bool  # nothing but allowed updates (later signatures) follows it
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and self.covers_all


@dataclass
class Stamp:
    """What the visible signature shows."""

    signer: str
    agency: str
    time: datetime
    image: Path | None = None


def signed_path(path: str | Path) -> Path:
    """``NAME.pdf`` → ``NAME-signed.pdf`` beside it."""
    source = Path(path)
    return source.with_name(f"{source.stem}{SIGNED_TAG}{source.suffix or '.pdf'}")


def sign_file(
    path: str | Path,
    key: P12Key | TokenKey,
    *,
    agency: str | None = None,
    image: str | Path | None = None,
    tsa_url: str | None = None,
    out: str | Path | None = None,
) -> Path:
    """Sign the PDF at ``path``; writes and returns ``NAME-signed.pdf`` (or ``out``)."""
    source = Path(path)
    data = _read_pdf(source)
    target = Path(out) if out else signed_path(source)
    atomic_write_bytes(target, sign_bytes(data, key, agency=agency, image=image, tsa_url=tsa_url))
    return target


def sign_bytes(
    data: bytes,
    key: P12Key | TokenKey,
    *,
    agency: str | None = None,
    image: str | Path | None = None,
    tsa_url: str | None = None,
) -> bytes:
    """The signed PDF: ``data`` plus an incremental update holding the signature."""
    with _signer(key) as signer:
        return _sign_with(data, signer, agency, Path(image) if image else None, tsa_url)


def _sign_with(
    data: bytes, signer, agency: str | None, image: Path | None, tsa_url: str | None
) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    subject = signer.signing_cert.subject.native
    stamp = Stamp(
        signer=subject.get("common_name", ""),
        agency=agency or subject.get("organization_name", ""),
        time=datetime.now().astimezone(),
        image=image,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise _not_a_pdf(exc) from exc
    existing = _signature_fields(writer)
    name = _free_name(existing)
    page_index, box = _placement(data, len(existing))
    timestamper = None
    if tsa_url:  # only when configured: signing is otherwise fully offline
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(tsa_url)
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=stamp.signer or None,
    )
    style = StaticStampStyle(
        background=_imported_page(stamp_pdf(stamp, box[2] - box[0], box[3] - box[1])),
        border_width=0,
        background_opacity=1.0,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(sig_field_name=name, on_page=page_index, box=box),
    )
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out)
    except Exception as exc:
        if tsa_url:
            raise BriefingError(
                f"Không ký được: máy chủ dấu thời gian {tsa_url} không trả lời ({exc}).",
                f"Could not sign: the timestamp server {tsa_url} did not answer ({exc}).",
            ) from exc
        raise
    return out.getvalue()


@contextlib.contextmanager
def _signer(key: P12Key | TokenKey):
    if isinstance(key, P12Key):
        yield _p12_signer(key)
        return
    session = _token_session(key)
    try:
        from pyhanko.sign.pkcs11 import PKCS11Signer

        try:
            signer = PKCS11Signer(
                session,
                key_label=key.key_label,
                cert_label=key.cert_label or key.key_label,
            )
            signer.signing_cert  # noqa: B018 - finds the certificate now, to report it here
        except Exception as exc:
            raise BriefingError(
                f"Không tìm thấy khóa/chứng thư “{key.key_label or ''}” trên token ({exc}).",
                f"Key/certificate “{key.key_label or ''}” not found on the token ({exc}).",
                path=key.library,
            ) from exc
        yield signer
    finally:
        with contextlib.suppress(Exception):
            session.close()


def _p12_signer(key: P12Key):
    from pyhanko.sign import signers

    data = read_regular(key.path, MAX_CERTIFICATE_BYTES)
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=[], passphrase=key.password.encode("utf-8") or None
        )
    except (ValueError, TypeError) as exc:
        raise BriefingError(
            "Sai mật khẩu chứng thư số, hoặc tệp không phải chứng thư PKCS#12 (.p12/.pfx).",
            "Wrong certificate password, or the file is not a PKCS#12 (.p12/.pfx) certificate.",
            path=key.path,
        ) from exc


def _token_session(key: TokenKey):
    if not key.library.is_file():
        raise BriefingError(
            "Không tìm thấy thư viện PKCS#11 của token. Cài phần mềm token của nhà cung cấp "
            "chữ ký số, rồi chọn tệp thư viện (.so/.dll) trong Cài đặt.",
            "The token's PKCS#11 library was not found. Install the token software from the "
            "signature provider, then choose its library file (.so/.dll) in Settings.",
            path=key.library,
        )
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import open_pkcs11_session

    try:
        return open_pkcs11_session(
            str(key.library),
            token_criteria=TokenCriteria(label=key.token_label) if key.token_label else None,
            user_pin=key.pin,
        )
    except Exception as exc:
        if type(exc).__name__ in {"PinIncorrect", "PinInvalid", "PinLenRange"}:
            vi, en = "Sai mã PIN của token.", "Wrong token PIN."
        elif type(exc).__name__ == "PinLocked":
            vi, en = "Token đã bị khóa PIN.", "The token's PIN is locked."
        else:
            label = f" “{key.token_label}”" if key.token_label else ""
            vi = f"Không mở được token{label} ({type(exc).__name__}: {exc}). Token đã cắm chưa?"
            en = f"Cannot open the token{label} ({type(exc).__name__}: {exc}). Is it plugged in?"
        raise BriefingError(vi, en, path=key.library) from exc


def _read_pdf(path: Path) -> bytes:
    data = read_regular(path, MAX_PDF_BYTES)
    if not data.lstrip()[:5] == b"%PDF-":
        raise BriefingError("Tệp không phải PDF.", "The file is not a PDF.", path=path)
    return data


def _not_a_pdf(exc: Exception) -> BriefingError:
    return BriefingError(
        f"Không đọc được PDF để ký ({exc}).", f"Cannot read the PDF to sign ({exc})."
    )


def _signature_fields(writer) -> list[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return [name for name, _value, _ref in enumerate_sig_fields(writer)]


def _free_name(existing: Sequence[str]) -> str:
    number = 1
    while f"{FIELD_PREFIX}{number}" in existing:
        number += 1
    return f"{FIELD_PREFIX}{number}"


def _placement(data: bytes, earlier: int) -> tuple[int, tuple[int, int, int, int]]:
    """The last page and a box under its last line of text, at the right margin.

    A later signature sits left of the earlier ones. When the text leaves no room, the box
    goes to the foot of the page.
    """
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        index = len(pdf) - 1
        page = pdf[index]
        width, height = page.get_size()
        lowest = height
        text = page.get_textpage()
        for i in range(text.count_rects()):
            _left, bottom, _right, top = text.get_rect(i)
            if bottom > 20 * MM:  # page numbers sit in the bottom margin
                lowest = min(lowest, bottom)
        text.close()
        page.close()
    finally:
        pdf.close()
    top = lowest - STAMP_GAP
    if top - STAMP_H < STAMP_FLOOR:
        top = STAMP_FLOOR + STAMP_H
    right = width - STAMP_RIGHT - earlier * (STAMP_W + STAMP_GAP)
    left = max(right - STAMP_W, 5 * MM)
    return index, (round(left), round(top - STAMP_H), round(left + STAMP_W), round(top))


def stamp_pdf(stamp: Stamp, width: float, height: float) -> bytes:
    """A one-page PDF the size of the box: the appearance, with our embedded fonts."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from briefing_studio.render.fonts import SERIF, register_fonts

    register_fonts()
    out = io.BytesIO()
    # The initial font is ours: reportlab's default, Helvetica, would be a font that is not
    # embedded, which PDF/A forbids.
    canvas = Canvas(out, pagesize=(width, height), invariant=True, initialFontName=SERIF)
    canvas.setPageCompression(1)
    if stamp.image is not None:
        try:
            picture = ImageReader(str(stamp.image))
            pw, ph = picture.getSize()
        except Exception as exc:
            raise BriefingError(
                "Không đọc được ảnh chữ ký (dùng PNG nền trong suốt).",
                "Cannot read the signature image (use a PNG with a transparent background).",
                path=stamp.image,
            ) from exc
        scale = min(width / pw, height / ph)
        w, h = pw * scale, ph * scale
        canvas.drawImage(picture, (width - w) / 2, (height - h) / 2, w, h, mask="auto")
    else:
        canvas.setStrokeColorRGB(*STAMP_BLUE)
        canvas.setFillColorRGB(*STAMP_BLUE)
        canvas.setLineWidth(0.8)
        canvas.rect(0.5, 0.5, width - 1, height - 1)
        lines = stamp_lines(stamp)
        size = 10.0
        for number, line in enumerate(lines):  # one size for all lines, the widest fits
            face = SERIF + "-Bold" if number == 0 else SERIF
            while size > 5 and canvas.stringWidth(line, face, size) > width - 10:
                size -= 0.25
        step = size * 1.4
        y = (height + step * len(lines)) / 2 - size
        for number, line in enumerate(lines):
            canvas.setFont(SERIF + "-Bold" if number == 0 else SERIF, size)
            canvas.drawString(5, y, line)
            y -= step
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def stamp_lines(stamp: Stamp) -> list[str]:
    """The text stamp: signer, agency, time, as Decree 30 shows an electronic signature."""
    lines = [f"Ký bởi: {stamp.signer}" if stamp.signer else "Đã ký số"]
    if stamp.agency:
        lines.append(f"Cơ quan: {stamp.agency}")
    lines.append(f"Thời gian ký: {stamp.time.strftime('%d/%m/%Y %H:%M:%S %z')}")
    return lines


def _imported_page(data: bytes):
    """pyHanko content drawing the first page of the in-memory PDF ``data`` (the stamp)."""
    import binascii
    import uuid

    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class ImportedPage(PdfContent):  # pyHanko's ImportedPdfPage, reading bytes, not a file
        def render(self) -> bytes:
            xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(data)))
            name = "/Stamp" + binascii.hexlify(uuid.uuid4().bytes).decode("ascii")
            self.resources.xobject[name] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name.encode("ascii") + b" Do"

    return ImportedPage()


# -- verifying ---------------------------------------------------------------------------


def verify_file(path: str | Path, trust: Iterable[str | Path] = ()) -> list[SignatureReport]:
    """Every signature in the PDF at ``path``, checked against the system's and ``trust``."""
    source = Path(path)
    return verify_bytes(_read_pdf(source), trust, source)


def verify_bytes(
    data: bytes, trust: Iterable[str | Path] = (), path: Path | None = None
) -> list[SignatureReport]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    roots = [*system_roots(), *load_certificates(trust)]
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:
        raise BriefingError(
            f"Không đọc được PDF ({exc}).", f"Cannot read the PDF ({exc}).", path=path
        ) from exc
    reports = []
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # an untrusted chain is our report, not a log traceback
    try:
        for signature in signatures:
            context = ValidationContext(
                trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
            )
            reports.append(_check(signature, context))
    finally:
        quiet.setLevel(level)
    return reports


def _check(signature, context) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature

    name = signature.field_name or ""
    try:
        status = validate_pdf_signature(signature, context)
    except Exception as exc:  # a damaged signature dictionary or CMS blob
        return SignatureReport(name, "", "", None, False, False, False, str(exc))
    subject = status.signing_cert.subject.native
    time = status.signer_reported_dt
    if status.timestamp_validity is not None:
        time = status.timestamp_validity.timestamp
    covers_all = status.docmdp_ok or status.modification_level is None
    return SignatureReport(
        field=name,
        signer=subject.get("common_name", ""),
        agency=subject.get("organization_name", ""),
        time=time,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        covers_all=bool(covers_all),
    )


def describe(report: SignatureReport, language: str = "vi") -> str:
    """A few lines about one signature for a person."""
    when = report.time.astimezone().strftime("%d/%m/%Y %H:%M:%S %z") if report.time else "?"
    if language == "vi":
        lines = [
            f"Chữ ký {report.field}: {report.signer or '(không rõ)'}"
            + (f" — {report.agency}" if report.agency else ""),
            f"  Thời gian ký: {when}",
            "  Nội dung: nguyên vẹn" if report.intact else "  Nội dung: ĐÃ BỊ SỬA sau khi ký",
            "  Chứng thư: tin cậy" if report.trusted else "  Chứng thư: KHÔNG được tin cậy",
        ]
        if not report.covers_all:
            lines.append("  Tệp có thay đổi không được phép sau chữ ký này")
    else:
        lines = [
            f"Signature {report.field}: {report.signer or '(unknown)'}"
            + (f" — {report.agency}" if report.agency else ""),
            f"  Signed at: {when}",
            "  Content: intact" if report.intact else "  Content: MODIFIED after signing",
            "  Certificate: trusted" if report.trusted else "  Certificate: NOT trusted",
        ]
        if not report.covers_all:
            lines.append("  The file has disallowed changes after this signature")
    if report.problem:
        lines.append(f"  ({report.problem})")
    return "\n".join(lines)


def load_certificates(paths: Iterable[str | Path]) -> list:
    """The certificates in PEM or DER files (an office's own CA, say)."""
    from asn1crypto import pem, x509

    found = []
    for item in paths:
        path = Path(item)
        data = read_regular(path, MAX_CERTIFICATE_BYTES)
        try:
            if pem.detect(data):
                found += [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, True)]
            else:
                found.append(x509.Certificate.load(data))
            for cert in found:
                cert.native  # noqa: B018 - parse now, so a bad file is reported here
        except Exception as exc:
            raise BriefingError(
                "Tệp chứng thư gốc không phải chứng thư X.509 (PEM hoặc DER).",
                "The root certificate file is not an X.509 certificate (PEM or DER).",
                path=path,
            ) from exc
    return found


# Where Linux distributions keep the system's CA bundle when OpenSSL names no file.
_DISTRIBUTION_BUNDLES = ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt")


def system_roots() -> list:
    """The operating system's trusted roots (the CA bundle OpenSSL uses), else certifi's."""
    from asn1crypto import pem, x509

    paths = ssl.get_default_verify_paths()
    candidates = [os.environ.get("SSL_CERT_FILE"), paths.cafile, *_DISTRIBUTION_BUNDLES]
    with contextlib.suppress(ImportError):
        import certifi

        candidates.append(certifi.where())
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            data = Path(candidate).read_bytes()
            return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, True)]
    return []
