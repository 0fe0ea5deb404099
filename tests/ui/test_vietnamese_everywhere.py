"""With the Vietnamese interface, no window shows English: texts, tooltips, titles, menus, the
standard buttons and Qt's own dialogs (our qtbase_vi), plurals of mixins included."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from briefing_studio.analysis.kinds import KINDS
from briefing_studio.briefing import MEETING_FIELDS
from briefing_studio.paths import resources_dir
from briefing_studio.ui.export_dialog import ExportDialog
from briefing_studio.ui.settings_dialog import SettingsDialog
from briefing_studio.ui.template_editor import TemplateEditor
from briefing_studio.ui.template_manager import TemplateManager

# Words of the English interface that are no Vietnamese syllable (so "in", "to", "do", "tin" …
# are not here). Names that stay as they are: the app's name, file formats, "English".
ENGLISH = set(
    """the and of for with from file files open save cancel close yes apply reset discard
    folder name size type date modified look back forward detail view new delete undo redo cut
    copy paste select all none print preview page pages zoom fit width template templates
    section sections figure figures source sources settings language help about edit tools
    export choose add remove show hide details error warning unsaved changes restore work
    text names order meeting counterpart title time place host purpose participants agency
    reference issue suggest find again manage recent clear quit untitled calendar empty
    directory directories parent create list computer kind sidebar places bookmarks shortcut
    unknown drive alias files opening sample texts loading click press enter value""".split()
)
ALLOWED = {"Briefing Studio", "English", "DOCX", "PDF", "Times New Roman"}


def _source_strings() -> set[str]:
    """Every English source string of our catalogues (an exact match is untranslated)."""
    found = set()
    for name in ("briefing_vi", "qtbase_vi"):
        for message in ET.parse(resources_dir() / "translations" / f"{name}.ts").iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if text != source:
                found.add(_plain(source))
    # Words shown from the core's tables, which carry both languages instead of a catalogue.
    for kind in KINDS:
        found.add(kind.label_en)
    for field in MEETING_FIELDS:
        found.update(_plain(t) for t in (field.label_en, field.hint_en, field.placeholder_en))
    return found - {""}


def _plain(text: str) -> str:
    text = text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").removesuffix("…").removesuffix("...").strip()


def english_in(text: str, sources: set[str]) -> bool:
    # File and folder paths are the user's names, not the interface's.
    plain = _plain(re.sub(r"(?<!\w)(/|[A-Za-z]:\\|~/)\S*", "", text))
    # Template ids and file names (embassy-meeting, template.toml) are names too.
    plain = re.sub(r"\w+(?:[-.]\w+)+", "", plain)
    for allowed in ALLOWED:
        plain = plain.replace(allowed, "")
    if not plain.strip():
        return False
    if plain in sources:
        return True
    words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", plain)}
    return bool(words & ENGLISH)


def _columns(model) -> int:
    for args in ((), (QModelIndex(),)):
        try:
            return model.columnCount(*args)
        except TypeError:  # a Python model's signature, or a C++ one's private overload
            continue
    return 0


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see in ``root``'s window and its menus."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        label = f"{type(w).__name__} {w.objectName()}"
        if w.isWindow():
            yield label + " title", w.windowTitle()
        for kind in ("toolTip", "statusTip", "whatsThis"):
            yield f"{label} {kind}", getattr(w, kind)()
        if isinstance(w, QLabel | QAbstractButton):
            yield label, w.text()
        if isinstance(w, QLineEdit | QPlainTextEdit):
            yield label + " placeholder", w.placeholderText()
        if isinstance(w, QGroupBox):
            yield label, w.title()
        if isinstance(w, QMenu):
            yield label, w.title()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{label} tab", w.tabText(i)
                yield f"{label} tab tip", w.tabToolTip(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for column in range(_columns(model)):
                yield f"{label} header", str(model.headerData(column, Qt.Orientation.Horizontal))
        if isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield f"{label} item", w.itemText(i)
    for action in root.findChildren(QAction):
        for kind in ("text", "toolTip", "statusTip"):
            yield f"action {action.text()} {kind}", getattr(action, kind)()


def assert_vietnamese(root: QWidget) -> None:
    sources = _source_strings()
    english = sorted({(w, text) for w, text in shown_texts(root) if english_in(text, sources)})
    assert english == [], english


def test_the_detector_finds_english_and_passes_vietnamese() -> None:
    sources = _source_strings()
    assert english_in("&Open…", sources)
    assert english_in("Opening 2 file(s)", sources)
    assert english_in("Cancel", sources)
    assert not english_in("&Mở…", sources)
    assert not english_in("Đang mở 2 tệp", sources)
    assert not english_in("Xuất DOCX và PDF", sources)
    assert not english_in("In tài liệu (Ctrl+P)", sources)
    assert not english_in("/home/van-thu/data/templates", sources)
    assert not english_in("Thư mục mẫu: /home/van-thu/data/templates", sources)
    assert not english_in("Tài liệu (embassy-meeting), tệp template.toml", sources)


def test_main_window_and_its_menus_are_vietnamese(make_window) -> None:
    window = make_window()
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # the recent-files menu fills itself when opened
    assert_vietnamese(window)


def test_the_window_workflows_speak_vietnamese(make_window) -> None:
    window = make_window()
    # Strings that moved out of the window keep their translations under their new classes
    # (a plural too: PySide6's own ``tr`` answered those in English).
    assert window.files.tr("Opening %n file(s)", "", 3) == "Đang mở 3 tệp"
    assert window.files.tr("Some files could not be opened") == "Không mở được một số tệp"
    assert window.output.tr("Exporting") == "Đang xuất"
    assert window.names.tr("Names could not be found.") == "Không tìm được tên riêng."
    assert window.language.tr("Language") == "Ngôn ngữ"
    assert window.action_set.tr("&Export…") == "&Xuất…"


def test_dialogs_and_tool_windows_are_vietnamese(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window()
    export = ExportDialog(str(tmp_path), "tai-lieu", window)
    qtbot.addWidget(export)
    assert_vietnamese(export)
    settings = SettingsDialog(window)
    qtbot.addWidget(settings)
    assert_vietnamese(settings)
    manager = TemplateManager(window.state, tmp_path, window)
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: not manager.busy(), timeout=30000)
    assert_vietnamese(manager)
    editor = TemplateEditor(window.state.template(), tmp_path, window.state)
    qtbot.addWidget(editor)
    assert_vietnamese(editor)


def test_standard_buttons_and_qt_dialogs_are_vietnamese(studio_app, qtbot) -> None:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        buttons.Yes | buttons.No | buttons.Save | buttons.Discard | buttons.Cancel | buttons.Ok,
    )
    qtbot.addWidget(box)
    texts = sorted(_plain(b.text()) for b in box.buttons())
    assert texts == sorted(["Có", "Không", "Lưu", "Không lưu", "Hủy", "Đồng ý"])
    std = QDialogButtonBox.StandardButton
    row = QDialogButtonBox(std.Close | std.Apply | std.Reset | std.Open | std.RestoreDefaults)
    qtbot.addWidget(row)
    assert_vietnamese(row)

    dialog = QFileDialog(None, "Mở")
    assert studio_app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) == (
        __import__("sys").platform == "linux"
    )
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert_vietnamese(dialog)

    for edit in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        assert [_plain(a.text()) for a in menu.actions() if a.text()] == [
            "Hoàn tác",
            "Làm lại",
            "Cắt",
            "Sao chép",
            "Dán",
            "Xóa",
            "Chọn tất cả",
        ]


def test_the_template_reference_button_is_not_the_document_number(
    make_window, qtbot, tmp_path: Path
) -> None:
    window = make_window()
    manager = TemplateManager(window.state, tmp_path, window)
    qtbot.addWidget(manager)
    assert manager.reference_button.text() == "Hướng dẫn soạn mẫu"
    shown = {text for _, text in shown_texts(window.meeting_panel)}
    assert "Số, ký hiệu" in shown  # the document number field


@pytest.mark.parametrize("language", ["vi", "en"])
def test_f1_opens_the_user_guide_in_the_interface_language(
    make_window, qtbot, studio_app, language: str
) -> None:
    from briefing_studio.ui import i18n

    i18n.install(language)
    try:
        window = make_window()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        guide = next(
            w for w in studio_app.topLevelWidgets() if w.isVisible() and hasattr(w, "browser")
        )
        text = guide.browser.toPlainText()
        words = ("Gợi ý", "khôi phục", "Xuất") if language == "vi" else ("Suggest", "Export")
        assert all(word in text for word in words)
        guide.close()
    finally:
        i18n.install("vi")
