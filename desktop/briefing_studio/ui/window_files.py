"""The main window's file workflows: open sources and projects, save, export, print, recover.

A mixin of ``MainWindow`` (kept apart so the window module stays short). Loading, analysing,
exporting and rendering for print run through ``ops`` via the window's ``_run``; saving a
project is a small JSON write and happens at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from briefing_studio.analysis.model import Analysis
from briefing_studio.briefing import Briefing
from briefing_studio.errors import BriefingError
from briefing_studio.ui import ops, preferences, signing_ui
from briefing_studio.ui.autosave import CrashedSession, discard
from briefing_studio.ui.export_dialog import ExportDialog, offer_to_open
from briefing_studio.ui.i18n import Translated, current_language
from briefing_studio.ui.preview import render_briefing_pdf
from briefing_studio.ui.window_size import fit_window
from briefing_studio.workspace import Workspace

PROJECT_SUFFIX = ".briefing"


def load_and_analyze(
    paths: Sequence[Path], encoding: str | None, context: ops.TaskContext
) -> tuple[list[Analysis], list[BriefingError]]:
    """Worker: each file loaded and analysed; a bad file is reported, the others still load."""
    from briefing_studio.analysis import analyze
    from briefing_studio.sources import load_source

    analyses, errors = [], []
    for done, path in enumerate(paths):
        if context.cancelled():
            raise ops.Cancelled()
        context.progress(done, len(paths))
        try:
            # A scan reports its pages (OCR), so a long one shows progress and can be cancelled.
            pages = _page_progress(context, done, len(paths))
            source = load_source(
                path, encoding=encoding, progress=pages, cancelled=context.cancelled
            )
            analyses.append(analyze(source))
        except BriefingError as exc:
            errors.append(exc)
    context.progress(len(paths), len(paths))
    return analyses, errors


def _page_progress(context: ops.TaskContext, index: int, count: int) -> Callable[[int, int], None]:
    """Progress of file ``index`` of ``count`` reported page by page as part of the whole."""
    return lambda page, total: context.progress(index * total + page, count * total)


class FileWorkflows(Translated):
    """Opening, saving, exporting and printing for ``MainWindow`` (``self`` is the window)."""

    def _load(
        self,
        paths: Sequence[Path],
        encoding: str | None,
        done: Callable[[tuple[list[Analysis], list[BriefingError]]], None],
        label: str,
    ) -> ops.Op:
        return self._run(lambda ctx: load_and_analyze(list(paths), encoding, ctx), done, label)

    def open_paths(
        self, paths: Sequence[Path], encoding: str | None = None, initial: bool = False
    ) -> None:
        """Open .briefing projects and add every other file as a source."""
        projects = [p for p in paths if p.suffix.lower() == PROJECT_SUFFIX]
        sources = [p for p in paths if p.suffix.lower() != PROJECT_SUFFIX]
        if projects:
            self.open_project(projects[0])
            return
        if not sources:
            return
        for path in sources:
            preferences.add_recent_file(path)
        preferences.set_last_folder(sources[0])

        def done(result: tuple[list[Analysis], list[BriefingError]]) -> None:
            analyses, errors = result
            if initial and not self.state.analyses:
                self.state.reset(Workspace(analyses), self.fresh_briefing())
            else:
                self.state.add_analyses(analyses)
            self._report_errors(errors)
            self.start_entities(analyses)

        self._load(sources, encoding, done, self.tr("Opening %n file(s)", "", len(sources)))

    def _report_errors(self, errors: Sequence[BriefingError]) -> None:
        if not errors:
            return
        lang = current_language()
        text = "\n\n".join(e.message(lang) for e in errors)
        QMessageBox.warning(self, self.tr("Some files could not be opened"), text)

    def _supported_filter(self) -> str:
        from briefing_studio.sources import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        return ";;".join(
            [
                self.tr("Sources and briefings ({0})").format(f"{patterns} *{PROJECT_SUFFIX}"),
                self.tr("Sources ({0})").format(patterns),
                self.tr("Briefings ({0})").format(f"*{PROJECT_SUFFIX}"),
                self.tr("All files (*)"),
            ]
        )

    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open"), preferences.last_folder(), self._supported_filter()
        )
        if files:
            self.open_paths([Path(f) for f in files])

    def open_with_encoding(self) -> None:
        from briefing_studio.sources import ENCODINGS

        labels = {label: code for code, label in ENCODINGS}
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Open with encoding"),
            self.tr("Encoding of the text files:"),
            list(labels),
            0,
            False,
        )
        if not ok:
            return
        encoding = None if labels[label] == "auto" else labels[label]
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open"),
            preferences.last_folder(),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if files:
            self.open_paths([Path(f) for f in files], encoding=encoding)

    def paste_source(self, text: str | None = None) -> None:
        """Add clipboard text (or ``text``) as a new source."""
        from briefing_studio.analysis import analyze
        from briefing_studio.sources import source_from_text

        text = QApplication.clipboard().text() if text is None else text
        if not text.strip():
            self.statusBar().showMessage(self.tr("The clipboard holds no text."), 5000)
            return
        self._paste_count += 1
        name = self.tr("Pasted text {0}").format(self._paste_count)

        def task(_ctx: ops.TaskContext) -> Analysis:
            return analyze(source_from_text(text, name))

        def done(analysis: Analysis) -> None:
            self.state.add_analyses([analysis])
            self.start_entities([analysis])

        self._run(task, done, self.tr("Analysing the pasted text"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def open_project(self, path: Path) -> None:
        from briefing_studio.project import load_briefing

        if not self.maybe_save():
            return
        try:
            briefing = load_briefing(path)
        except BriefingError as exc:
            ops.show_error(self, exc)
            return
        preferences.add_recent_file(path)
        preferences.set_last_folder(path)
        self._open_briefing(briefing, path)

    def _open_briefing(
        self, briefing: Briefing, path: Path | None, restored: CrashedSession | None = None
    ) -> None:
        sources = list(briefing.sources)

        def done(workspace: Workspace) -> None:
            self.project_path = path
            self.state.reset(workspace, briefing)
            if restored is not None:
                discard(restored)
                self.state.undo_stack.resetClean()  # restored work is unsaved work
            self._update_title()
            self.start_entities(workspace.analyses)

        self._run(lambda _ctx: Workspace.analyze(sources), done, self.tr("Opening the briefing"))

    def save(self) -> bool:
        if self.project_path is None:
            return self.save_as()
        return self.save_to(self.project_path)

    def save_as(self) -> bool:
        start = str(self.project_path or self.suggested_project_path())
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save briefing"), start, self.tr("Briefings ({0})").format("*.briefing")
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        return self.save_to(path)

    def suggested_project_path(self) -> Path:
        """Where Save As starts for a new briefing: the name Export suggests, ``.briefing``."""
        from briefing_studio.export import default_stem

        folder = Path(preferences.last_folder())
        return folder / f"{default_stem(self.state.briefing)}{PROJECT_SUFFIX}"

    def save_to(self, path: Path) -> bool:
        from briefing_studio.project import save_briefing

        try:
            save_briefing(self.state.snapshot(), path)
        except BriefingError as exc:
            ops.show_error(self, exc)
            return False
        self.project_path = path
        self.state.undo_stack.setClean()
        preferences.add_recent_file(path)
        preferences.set_last_folder(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means stop."""
        if not self.state.modified:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The briefing has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def export(self) -> None:
        from briefing_studio.export import default_formats, default_stem
        from briefing_studio.preflight import Notice, preflight
        from briefing_studio.render.formats import DEFAULT_IDS

        folder = preferences.get_str("export/folder", preferences.last_folder())
        template = self.state.template()
        notices = preflight(self.state.workspace, self.state.briefing, template) if template else []
        formats = list(DEFAULT_IDS)
        if template is not None:
            try:
                formats = default_formats(template)
            except BriefingError as exc:  # the template names a format this app lacks
                notices.append(Notice("template-formats", exc.message_vi, exc.message_en))
        stem = default_stem(self.state.briefing)
        dialog = ExportDialog(folder, stem, self, notices, formats)
        fit_window(dialog, "export", dialog.size())
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        out_dir, formats, stem = dialog.values()
        preferences.set_value("export/folder", str(out_dir))
        key = None
        choice = dialog.signing_choice()
        if choice is not None:
            key = signing_ui.ask_key(self, choice)
            if key is None:
                return
        self.export_to(out_dir, formats, stem, sign_with=key)

    def export_to(
        self,
        out_dir: Path,
        formats: Sequence[str],
        stem: str | None = None,
        on_done: Callable[[list[Path]], None] | None = None,
        sign_with: Any = None,
    ) -> ops.Op | None:
        """Write the files in a worker (and sign the PDFs with ``sign_with``, a key from
        ``signing_ui.ask_key``); afterwards offer to open them."""
        from briefing_studio.export import export_briefing

        template = self._usable_template()
        if template is None:
            return None
        workspace, briefing = self.state.workspace, self.state.snapshot()
        formats = list(formats)

        tsa_url = signing_ui.tsa_url()

        def task(_ctx: ops.TaskContext) -> list[Path]:
            files = export_briefing(workspace, briefing, template, formats, out_dir, stem)
            if sign_with is not None:
                files += signing_ui.sign_files(files, sign_with, tsa_url)
            return files

        def done(files: list[Path]) -> None:
            self.statusBar().showMessage(
                self.tr("Exported {0}").format(", ".join(f.name for f in files)), 8000
            )
            # After the op has finished, so "Exporting" and its busy bar are gone from the
            # status bar while the "Export finished" box is open.
            finish = on_done or (lambda fs: offer_to_open(self, fs))
            QTimer.singleShot(0, lambda: finish(files))

        return self._run(task, done, self.tr("Exporting"), cancellable=False)

    def verify_signatures(self) -> None:
        """File → Verify signatures: choose a PDF, check it in a worker, show the result."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Verify signatures"),
            preferences.get_str("export/folder", preferences.last_folder()),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        path, trust = Path(chosen), signing_ui.trusted_roots()

        def task(_ctx: ops.TaskContext) -> list:
            from briefing_studio.signing import verify_file

            return verify_file(path, trust)

        self._run(
            task,
            lambda reports: signing_ui.show_verification(self, path, reports),
            self.tr("Verifying signatures"),
            cancellable=False,
        )

    def _usable_template(self) -> Any:
        template = self.state.template()
        if template is None:
            QMessageBox.warning(
                self,
                self.tr("No template"),
                self.tr("The chosen template is missing or broken. Choose another template first."),
            )
        return template

    def with_pdf(self, use: Callable[[bytes], None]) -> None:
        """Call ``use`` with the briefing's PDF: the preview's if current, else a fresh render."""
        if self.preview.up_to_date() and self.preview.result is not None:
            use(self.preview.result.pdf)
            return
        template = self._usable_template()
        if template is None:
            return
        workspace, briefing = self.state.workspace, self.state.snapshot()
        self._run(
            lambda _ctx: render_briefing_pdf(workspace, briefing, template),
            use,
            self.tr("Preparing the pages"),
            cancellable=False,
        )

    def print_briefing(self) -> None:
        from briefing_studio.ui.printing import print_with_dialog

        self.with_pdf(lambda pdf: print_with_dialog(self, pdf))

    def print_preview(self) -> None:
        from briefing_studio.ui.printing import print_preview

        self.with_pdf(lambda pdf: print_preview(self, pdf))
