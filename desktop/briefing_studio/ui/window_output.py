"""The main window's output workflow: export (and sign), print, print preview, verify a PDF.

``OutputWorkflow`` receives what it uses: the window as the parent of its dialogs, the state,
the window's ``ops.Runner`` (exporting, signing, rendering for print and verifying run there),
the status bar, and the preview (whose PDF printing reuses when it is current).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from briefing_studio.errors import BriefingError
from briefing_studio.ui import ops, preferences, signing_ui
from briefing_studio.ui.export_dialog import ExportDialog, offer_to_open
from briefing_studio.ui.i18n import Translated
from briefing_studio.ui.preview import PreviewPanel, briefing_pdf
from briefing_studio.ui.state import BriefingState
from briefing_studio.ui.window_size import fit_window


class OutputWorkflow(Translated):
    """Files and pages made from one window's ``state``."""

    def __init__(
        self,
        window_parent: QWidget,
        state: BriefingState,
        runner: ops.Runner,
        status: QStatusBar,
        preview: PreviewPanel,
        show_place: Callable[[Any], None] | None = None,
        show_in_briefing: Callable[[str], None] | None = None,
    ) -> None:
        self.window_parent = window_parent
        # The figure check's links: a place in the sources, a figure's place in the briefing.
        self.show_place = show_place
        self.show_in_briefing = show_in_briefing
        self.state = state
        self.runner = runner
        self.status = status
        self.preview = preview

    def export(self) -> None:
        from briefing_studio.export import default_formats, default_stem
        from briefing_studio.preflight import Notice, preflight
        from briefing_studio.render.formats import DEFAULT_IDS

        if not self.check_figures():
            return
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
        dialog = ExportDialog(folder, stem, self.window_parent, notices, formats)
        fit_window(dialog, "export", dialog.size())
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        out_dir, formats, stem = dialog.values()
        preferences.set_value("export/folder", str(out_dir))
        key = None
        choice = dialog.signing_choice()
        if choice is not None:
            key = signing_ui.ask_key(self.window_parent, choice)
            if key is None:
                return
        self.export_to(out_dir, formats, stem, sign_with=key)

    def check_figures(self) -> bool:
        """The "Kiểm tra số liệu" step: False when the user stopped to fix something."""
        from briefing_studio.checks import check_briefing
        from briefing_studio.ui.figure_check import FigureCheckDialog

        try:
            items = check_briefing(self.state.workspace, self.state.briefing)
        except BriefingError:  # a choice no source has any more: the export itself says so
            return True
        if not items:
            return True
        dialog = FigureCheckDialog(
            items, self.state, self.show_place, self.window_parent, self.show_in_briefing
        )
        fit_window(dialog, "figure-check", dialog.size())
        return dialog.exec() == FigureCheckDialog.DialogCode.Accepted

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
            self.status.showMessage(
                self.tr("Exported {0}").format(", ".join(f.name for f in files)), 8000
            )
            # After the op has finished, so "Exporting" and its busy bar are gone from the
            # status bar while the "Export finished" box is open.
            finish = on_done or (lambda fs: offer_to_open(self.window_parent, fs))
            QTimer.singleShot(0, lambda: finish(files))

        return self.runner.run(task, done, self.tr("Exporting"), cancellable=False)

    def verify_signatures(self) -> None:
        """File → Verify signatures: choose a PDF, check it in a worker, show the result."""
        chosen, _ = QFileDialog.getOpenFileName(
            self.window_parent,
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

        self.runner.run(
            task,
            lambda reports: signing_ui.show_verification(self.window_parent, path, reports),
            self.tr("Verifying signatures"),
            cancellable=False,
        )

    def _usable_template(self) -> Any:
        template = self.state.template()
        if template is None:
            QMessageBox.warning(
                self.window_parent,
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
        self.runner.run(
            lambda _ctx: briefing_pdf(workspace, briefing, template),
            use,
            self.tr("Preparing the pages"),
            cancellable=False,
        )

    def print_briefing(self) -> None:
        from briefing_studio.ui.printing import print_with_dialog

        self.with_pdf(lambda pdf: print_with_dialog(self.window_parent, pdf))

    def print_preview(self) -> None:
        from briefing_studio.ui.printing import print_preview

        self.with_pdf(lambda pdf: print_preview(self.window_parent, pdf))
