"""Reading the sources: search with or without diacritics, bad files, printing, language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefing_studio.ui.sections_model import find_matches


def test_search_without_diacritics_finds_sections_with_them(make_window, qtbot) -> None:
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.source_view.search.hasFocus()
    qtbot.keyClicks(window.source_view.search, "ngoai giao")
    matches = window.source_view.model.matches
    assert matches
    texts = [window.state.section(sid).text.lower() for sid in matches]
    assert all("ngoại giao" in t or "ngoai giao" in t for t in texts)
    window.source_view.only_matching.setChecked(True)
    visible = window.source_view.visible_section_ids()
    assert set(visible) == set(matches)


def test_search_with_diacritics_matches_them_exactly() -> None:
    assert find_matches("ngoai giao", "Bộ Ngoại giao") == [(3, 13)]
    assert find_matches("ngoại giao", "Bộ Ngoại giao") == [(3, 13)]
    assert find_matches("ngoái giao", "Bộ Ngoại giao") == []
    assert find_matches("", "Bộ Ngoại giao") == []


def test_a_bad_file_gets_a_message_naming_it_and_the_good_one_still_opens(
    make_window, qtbot, idle, tmp_path: Path, monkeypatch
) -> None:
    window = make_window()
    good = tmp_path / "bao-cao.txt"
    good.write_text(
        "Báo cáo hợp tác với Hàn Quốc năm 2024.\nKim ngạch đạt 86 tỷ USD.", encoding="utf-8"
    )
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"this is not a zip file")
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text)
    )
    window.files.open_paths([good, bad])
    idle(window)
    assert len(window.state.analyses) == 3
    assert warnings and "hong.docx" in warnings[0]
    assert window.sources_panel.tree.topLevelItemCount() == 3
    # Removing a source is undoable.
    window.sources_panel.tree.setCurrentItem(window.sources_panel.tree.topLevelItem(2))
    window.sources_panel.remove_button.click()
    assert len(window.state.analyses) == 2
    window.action_set.undo_action.trigger()
    assert len(window.state.analyses) == 3


def test_pasted_text_becomes_a_source(make_window, idle) -> None:
    window = make_window()
    window.files.paste_source("Đoạn văn dán vào về Hàn Quốc với 12 dự án.")
    idle(window)
    assert len(window.state.analyses) == 3
    assert window.state.analyses[-1].source.format == "pasted"


def test_printing_paints_every_page_of_the_briefing(make_window, qtbot, tmp_path: Path) -> None:
    import pypdf
    from PySide6.QtPrintSupport import QPrinter

    from briefing_studio.ui.printing import new_printer, paint_pdf

    window = make_window()
    qtbot.waitUntil(
        lambda: window.preview.up_to_date() and window.preview.result is not None, timeout=30000
    )
    pdf = window.preview.result.pdf
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    pages = paint_pdf(printer, pdf)
    assert pages == window.preview.page_count() >= 1
    assert len(pypdf.PdfReader(str(tmp_path / "printed.pdf")).pages) == pages


def test_english_setting_shows_english_menus(make_window, studio_app) -> None:
    from briefing_studio import settings as keys
    from briefing_studio.ui import i18n, preferences

    vietnamese = make_window(start=False)
    assert vietnamese.action_set.file_menu.title() == "&Tệp"
    preferences.set_value(keys.KEY_LANGUAGE, "en")
    try:
        i18n.install(preferences.language())
        english = make_window(start=False)
        assert english.action_set.file_menu.title() == "&File"
        assert english.action_set.export_action.text() == "&Export…"
    finally:
        i18n.install("vi")


def test_settings_dialog_keeps_values_where_the_cli_reads_them(studio_app, tmp_path) -> None:
    from briefing_studio import settings as keys
    from briefing_studio.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.templates_dir.setText(str(tmp_path / "mau"))
    dialog.agency_parent.setText("BỘ NGOẠI GIAO")
    dialog.accept()
    assert dialog.language_changed and dialog.templates_changed
    assert keys.read_setting(keys.KEY_LANGUAGE) == "en"
    assert keys.user_templates_dir() == tmp_path / "mau"
    assert keys.read_setting(keys.KEY_AGENCY_PARENT) == "BỘ NGOẠI GIAO"


def test_about_lists_the_versions(studio_app) -> None:
    from briefing_studio.ui.about import versions

    found = versions()
    for name in (
        "Briefing Studio",
        "Python",
        "Qt",
        "PySide6",
        "underthesea",
        "reportlab",
        "python-docx",
    ):
        assert found[name] and found[name] != "—"


def test_every_action_has_a_tooltip_and_the_main_ones_have_shortcuts(make_window) -> None:
    window = make_window(start=False)
    for action in window.actions():
        assert action.toolTip(), action.text()
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    for key in ("Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+E", "Ctrl+P", "Ctrl+F", "Ctrl+Z"):
        assert key in shortcuts, key


def test_dropped_files_open_and_appear_in_recent_files(make_window, idle, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window()
    dropped = tmp_path / "tin-moi.txt"
    dropped.write_text("Tin mới về hợp tác với Nhật Bản: 5 dự án.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    idle(window)
    assert [a.source.name for a in window.state.analyses][-1] == "tin-moi.txt"
    window.action_set.fill_recent_menu()
    assert str(dropped) in [a.statusTip() for a in window.action_set.recent_menu.actions()]


def test_a_long_briefing_previews_its_first_pages_and_says_how_many_there_are(
    make_window, qtbot, monkeypatch
) -> None:
    from briefing_studio.ui import preview

    monkeypatch.setattr(preview, "PREVIEW_MAX_PAGES", 2)
    window = make_window()
    window.state.select_all()
    qtbot.waitUntil(window.preview.up_to_date, timeout=60000)
    result = window.preview.result
    assert result is not None and result.total_pages > 2
    assert window.preview.page_count() == 2 == window.preview.pages_layout.count()
    assert f"2 trang đầu trong {result.total_pages} trang" in window.preview.status.text()


def test_choosing_english_in_settings_switches_the_open_window_and_keeps_the_work(
    make_window, idle, qtbot, monkeypatch
) -> None:
    from briefing_studio import settings as keys
    from briefing_studio.ui import i18n, preferences
    from briefing_studio.ui.autosave import autosave_dir
    from briefing_studio.ui.settings_dialog import SettingsDialog

    window = make_window()
    window.meeting_panel.choose_counterpart("Hàn Quốc")
    window.state.suggest()
    idle(window)
    chosen = window.state.briefing.section_ids()
    assert window.state.modified and window.action_set.file_menu.title() == "&Tệp"

    def choose_english(dialog: SettingsDialog) -> SettingsDialog.DialogCode:
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_english)
    try:
        window.show_settings()
        new = window.successor
        assert new is not None and not window.isVisible() and new.isVisible()
        assert preferences.get_str(keys.KEY_LANGUAGE) == "en"
        assert new.action_set.file_menu.title() == "&File" and new.tabs.tabText(1) == "Figures"
        assert new.state.briefing.section_ids() == chosen
        assert new.state.briefing.meeting.counterpart.name == "Hàn Quốc"
        assert new.state.modified and new.isWindowModified()  # still unsaved, and autosaved
        assert (
            new.autosaver.autosave_path.exists()
            and autosave_dir() == new.autosaver.autosave_path.parent
        )
        idle(new)
        assert new.preview.page_count() >= 1
        window.close()  # the old window lets go without touching the new one's autosave
        assert new.autosaver.autosave_path.exists()
    finally:
        i18n.install("vi")
        if window.successor is not None:
            window.successor.state.undo_stack.setClean()
            window.successor.close()


def test_a_scan_opens_with_the_words_ocr_was_unsure_of_underlined(
    make_window, idle, tmp_path: Path
) -> None:
    import sys

    import pytest
    from PIL import ImageFilter
    from PySide6.QtGui import QTextCursor

    from briefing_studio.errors import BriefingError
    from briefing_studio.sources.ocr import check_tesseract

    try:
        check_tesseract()
    except BriefingError as exc:
        pytest.skip(f"Tesseract with its Vietnamese model is not installed: {exc.message_en}")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/scans.py
    from scans import render_page

    page = render_page(["Tổng vốn đầu tư đạt 12,4 tỷ USD trong năm nay"])
    box = (820, 300, 1400, 360)  # "12,4 tỷ USD", blurred
    page.paste(page.crop(box).filter(ImageFilter.GaussianBlur(3)), box)
    path = tmp_path / "ban-quet.png"
    page.save(path)
    window = make_window()

    window.files.open_paths([path])
    idle(window)

    analysis = window.state.analyses[-1]
    assert analysis.source.ocr and analysis.source.name == "ban-quet.png"
    section = analysis.sections[0]
    unsure = analysis.source.uncertain_in(section.text)
    assert unsure
    entry = next(e for e in window.source_view.model.entries if e.section is section)
    document = window.source_view.view.delegate.document(entry)
    cursor = QTextCursor(document)
    cursor.setPosition(len(section.text[: unsure[0][0] + 1].encode("utf-16-le")) // 2)
    assert cursor.charFormat().fontUnderline()
    cursor.setPosition(2)  # inside "Tổng", read clearly
    assert not cursor.charFormat().fontUnderline()


def test_opening_a_scan_reports_each_page_and_stops_on_cancel(tmp_path: Path, monkeypatch) -> None:
    import sys

    import pytest

    from briefing_studio.errors import BriefingError
    from briefing_studio.sources.ocr import check_tesseract
    from briefing_studio.ui import ops
    from briefing_studio.ui.window_files import load_and_analyze

    try:
        check_tesseract()
    except BriefingError as exc:
        pytest.skip(f"Tesseract with its Vietnamese model is not installed: {exc.message_en}")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/scans.py
    from scans import scanned_pdf

    pages = [["Trang một: hơn 170 thỏa thuận hợp tác."], ["Trang hai: trên 12,4 tỷ USD."]]
    scan = scanned_pdf(tmp_path / "ban-quet.pdf", pages)
    text = tmp_path / "ghi-chu.txt"
    text.write_text("Ghi chú ngắn.", encoding="utf-8")
    reports: list[tuple[int, int]] = []
    context = ops.TaskContext(_report=lambda done, total: reports.append((done, total)))
    context.progress = lambda done, total: reports.append((done, total))  # unthrottled

    analyses, errors = load_and_analyze([text, scan], None, context)

    assert not errors and analyses[1].source.ocr
    assert reports[-3:] == [(3, 4), (4, 4), (2, 2)]  # the scan's two pages, then the files

    (tmp_path / "home2").mkdir()
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home2"))  # no cache
    reports.clear()
    context.progress = lambda done, total: (reports.append((done, total)), context._flag.set())
    with pytest.raises(Exception) as caught:
        load_and_analyze([scan], None, context)
    assert ops._is_cancellation(caught.value)
    assert reports == [(0, 1), (0, 2)]  # stopped before the scan's first page
