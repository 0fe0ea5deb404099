"""The desktop bundle and the Linux desktop entry.

The bundle tests build ``build.spec`` with the venv's PyInstaller into a fresh temporary folder
(about half a minute on two cores) and run the bundled ``briefing`` the way a user would, from
another folder, with no network needed. The desktop-entry tests install into a temporary
``XDG_DATA_HOME`` and need only bash.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"
INSTALLER = ROOT / "packaging" / "install-desktop-entry.sh"
SEED = ROOT / "seeds" / "ngkt-2024-bac-giang.txt"
SEED_PHRASE = "hơn 170 thỏa thuận"  # a figure of the seed that the default briefing selects
MIME_TYPE = "application/x-briefing-studio"
BUILT_INS = {"embassy-meeting", "handout", "province-meeting"}
EXE_NAME = "briefing.exe" if sys.platform == "win32" else "briefing"

linux_shell = pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("bash") is None,
    reason="the desktop entry is for Linux and its installer is a bash script",
)


def flat(text: str) -> str:
    """NFC text with runs of whitespace (line breaks of a PDF) as single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---- the bundle --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled executable, built once for this module from ``build.spec``."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed; pip install -e '.[build]' to build the bundle")
    work = tmp_path_factory.mktemp("pyinstaller")
    command = [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm"]
    command += ["--distpath", str(work / "dist"), "--workpath", str(work / "build")]
    build = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-5000:]
    exe = work / "dist" / "briefing" / EXE_NAME
    assert exe.is_file()
    return exe


def run_bundle(exe: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the bundled ``briefing`` from ``home``, with its own user folders, like a user would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["BRIEFING_STUDIO_HOME"] = str(home / "user")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [str(exe), *args],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


@pytest.mark.slow
def test_secretary_renders_the_seed_briefing_with_the_bundled_app(bundle: Path, tmp_path: Path):
    assert SEED_PHRASE in flat(SEED.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    render = ["render", "--template", "embassy-meeting", "--format", "docx,pdf", "--out", str(out)]
    result = run_bundle(bundle, *render, home=tmp_path)
    assert result.returncode == 0, result.stderr
    docx_files, pdf_files = sorted(out.glob("*.docx")), sorted(out.glob("*.pdf"))
    assert len(docx_files) == 1 and len(pdf_files) == 1, list(out.iterdir())
    docx_text = flat("\n".join(p.text for p in open_docx(str(docx_files[0])).paragraphs))
    pdf_text = flat("\n".join(page.extract_text() for page in PdfReader(pdf_files[0]).pages))
    assert SEED_PHRASE in docx_text
    assert SEED_PHRASE in pdf_text


@pytest.mark.slow
def test_official_signs_a_pdfa_handout_with_the_bundled_app(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from certs import make_pki

    pki = make_pki(tmp_path / "pki")
    out = tmp_path / "out"
    render = ["render", "--template", "handout", "--format", "pdf-a", "--out", str(out)]
    rendered = run_bundle(bundle, *render, "--name", "phat-tay", home=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    monkeypatch.setenv("BRIEFING_SIGN_PASSWORD", pki.password)
    signed = run_bundle(
        bundle, "sign", str(out / "phat-tay.pdf"), "--p12", str(pki.p12), home=tmp_path
    )
    assert signed.returncode == 0, signed.stderr
    verify = ["verify", str(out / "phat-tay-signed.pdf"), "--trust", str(pki.ca_pem)]
    verified = run_bundle(bundle, *verify, home=tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "nguyên vẹn" in verified.stdout


@pytest.mark.slow
def test_analyst_gets_the_json_analysis_from_the_bundled_app(bundle: Path, tmp_path: Path):
    result = run_bundle(bundle, "analyze", str(SEED), "--json", "--no-ner", home=tmp_path)
    assert result.returncode == 0, result.stderr
    (source,) = json.loads(result.stdout)["sources"]
    assert source["name"] == SEED.name
    found = {(f["value"], f["unit"]) for f in source["figures"]}
    assert (170, "thỏa thuận") in found


@pytest.mark.slow
def test_bundled_app_analyses_large_sources_with_its_helper_process(bundle: Path, tmp_path: Path):
    # The first large source starts the helper for second halves (a spawned copy of the
    # bundle), the later ones find it ready: it must start, answer and end without a word on
    # stderr (a helper that cannot start or fails logs a warning there), and change nothing.
    from briefing_studio.analysis import analyze, pipeline
    from briefing_studio.sources import load_source

    seed = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEED.parent.glob("*.txt")))
    paths = []
    for n in range(8):
        path = tmp_path / f"bao-cao-{n}.txt"
        path.write_text(f"Báo cáo số {n}\n" + "\n".join([seed] * 24), encoding="utf-8")
        paths.append(path)
    result = run_bundle(bundle, "analyze", *map(str, paths), "--json", "--no-ner", home=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    sources = json.loads(result.stdout)["sources"]
    serial = analyze(load_source(paths[-1]), halves=False).to_json()
    assert sum(len(s["text"]) for s in serial["sections"]) > pipeline.HALVES_MIN_CHARS
    assert sources[-1]["figures"] == serial["figures"]
    assert sources[-1]["sections"] == serial["sections"]


@pytest.mark.slow
def test_bundled_app_recognises_names_with_its_own_ner_models(bundle: Path, tmp_path: Path):
    text = tmp_path / "tiep-dai-su.txt"
    text.write_text(
        "Tiếp Đại sứ\n\nChiều 12/3, Bộ trưởng Nguyễn Văn An đã tiếp ông Kim Jung-ho, "
        "Đại sứ Hàn Quốc tại Việt Nam.\n",
        encoding="utf-8",
    )
    result = run_bundle(bundle, "analyze", str(text), "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    (source,) = json.loads(result.stdout)["sources"]
    by_ner = {e["name"] for e in source["entities"] if e["source"] in ("ner", "both")}
    assert "Kim Jung-ho" in by_ner


@pytest.mark.slow
def test_editor_sees_the_built_in_templates_inside_the_bundle(bundle: Path, tmp_path: Path):
    result = run_bundle(bundle, "templates", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    built_in = {
        t["id"]: Path(t["folder"]) for t in json.loads(result.stdout) if t["origin"] == "built-in"
    }
    assert set(built_in) == BUILT_INS
    assert all(folder.is_relative_to(bundle.parent) for folder in built_in.values())


@pytest.mark.slow
def test_bundle_carries_models_and_qt_parts_but_no_network_or_unused_stacks(bundle: Path):
    inside = bundle.parent / "_internal"
    for model in (
        "pipeline/ner/ner_crf_2017_10_12.bin",
        "pipeline/pos_tag/pos_crf_2017_10_11.bin",
        "pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727/models.bin",
        "corpus/data/Viet74K.txt",
    ):
        assert (inside / "underthesea" / model).is_file(), model
    assert (inside / "briefing_studio" / "_data" / "seeds" / SEED.name).is_file()
    plugins = inside / "PySide6" / "Qt" / "plugins"
    assert list((plugins / "platforms").glob("*qoffscreen*")), "offscreen platform plugin"
    assert list((plugins / "imageformats").glob("*qsvg*")), "SVG icons"
    for absent in ("requests", "huggingface_hub", "torch", "numpy", "tkinter"):
        assert not (inside / absent).exists(), absent
    qt_libs = {p.name for p in inside.glob("PySide6/Qt/lib/*")}
    assert not {n for n in qt_libs if "WebEngine" in n or "Quick" in n or "Network" in n}


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux" or shutil.which("ldd") is None, reason="needs ldd")
def test_every_bundled_qt_library_finds_the_qt_libraries_it_links(bundle: Path):
    inside = bundle.parent / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(inside)}
    missing = []
    for binary in [*inside.glob("PySide6/Qt/lib/libQt6*"), *inside.glob("PySide6/Qt/plugins/*/*")]:
        listing = subprocess.run(["ldd", str(binary)], env=env, capture_output=True, text=True)
        missing += [
            f"{binary.name}: {line.strip()}"
            for line in listing.stdout.splitlines()
            if "libQt6" in line and "not found" in line
        ]
    assert not missing


@pytest.mark.slow
@linux_shell
def test_bundle_user_installs_the_menu_entry_that_starts_the_bundle(bundle: Path, tmp_path: Path):
    installer = bundle.parent / "install-desktop-entry.sh"
    data_home = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    result = subprocess.run(["bash", str(installer)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    entry = read_desktop_entry(data_home / "applications" / "briefing-studio.desktop")
    assert entry["Exec"] in (f"{bundle} %F", f'"{bundle}" %F')


# ---- the desktop entry -------------------------------------------------------------------------


def read_desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (Name[vi])
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def test_desktop_entry_opens_briefing_files_with_the_app():
    entry = read_desktop_entry(DESKTOP / "briefing-studio.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Briefing Studio" and entry["Name[vi]"]
    assert entry["Comment"] and entry["Comment[vi]"]
    assert entry["Exec"] == "briefing %F"
    assert entry["Icon"] == "briefing-studio"
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert "Office" in entry["Categories"].split(";")

    mime = ET.parse(DESKTOP / "briefing-studio-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (declared,) = mime.findall("m:mime-type", ns)
    assert declared.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in declared.findall("m:glob", ns)] == ["*.briefing"]


def test_app_icon_comes_as_svg_and_in_the_three_menu_sizes():
    ET.parse(DESKTOP / "briefing-studio.svg")  # well-formed
    for size in (48, 128, 256):
        assert png_size(DESKTOP / f"briefing-studio-{size}.png") == (size, size)


@linux_shell
def test_linux_user_installs_and_removes_the_menu_entry_and_file_type(tmp_path: Path):
    app_folder = tmp_path / "Briefing Studio"  # a space: Exec must quote the path
    app_folder.mkdir()
    exe = app_folder / "briefing"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    data_home = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}

    def installer(*args: str) -> None:
        result = subprocess.run(
            ["bash", str(INSTALLER), *args], env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr

    installer("--exec", str(exe))
    entry = read_desktop_entry(data_home / "applications" / "briefing-studio.desktop")
    assert entry["Exec"] == f'"{exe}" %F'
    assert entry["TryExec"] == str(exe)
    assert MIME_TYPE in entry["MimeType"]
    assert (data_home / "mime" / "packages" / "briefing-studio.xml").is_file()
    for size in (48, 128, 256):
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "briefing-studio.png"
        assert png_size(icon) == (size, size)
    if shutil.which("update-mime-database"):
        assert "*.briefing" in (data_home / "mime" / "globs2").read_text()

    installer("--uninstall")
    assert not (data_home / "applications" / "briefing-studio.desktop").exists()
    assert not list((data_home / "icons").rglob("*briefing-studio*"))
    assert not (data_home / "mime" / "packages" / "briefing-studio.xml").exists()
