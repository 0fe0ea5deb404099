"""Live PDF preview: the core renders the briefing in a worker, pypdfium2 draws the pages.

A change restarts a single-shot timer; when it fires a render starts unless one is running, in
which case the running render's end starts one more (with the newest state). Results of an
out-of-date render are dropped, so typing is never blocked and the preview never goes back in
time. A click (a tick, a move, another template) renders at once (``CLICK_DEBOUNCE_MS``): a
burst of clicks makes the running render and one more, never a queue. Typing in the meeting
fields changes the briefing on every key, so it waits for a pause (``TYPING_DEBOUNCE_MS``).

The main window's preview is made with ``figure_links``: each chosen figure carries an
invisible link naming it, so clicking a figure on a page emits ``figure_clicked`` with its id
(the exported and printed files are made without them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from briefing_studio.document import FIGURE_LINK_PREFIX, Document
from briefing_studio.errors import BriefingError
from briefing_studio.ui import ops, pdf_images
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.pdf_images import PageLink
from briefing_studio.ui.state import BriefingState

# How long the preview waits after a change before it renders (see the module docstring).
TYPING_DEBOUNCE_MS = 400
CLICK_DEBOUNCE_MS = 0
RASTER_DPI = 110.0  # when the panel has no width yet
# After a zoom or a resize the pages are scaled at once and drawn again at the new width once
# the size has stayed put this long (dragging a splitter resizes many times a second).
REFIT_DELAY_MS = 150
# Pages are drawn at most this wide (about 145 dpi on A4); a deeper zoom scales them up, which
# keeps 30 pages at 300 % from taking a gigabyte as images.
MAX_RASTER_WIDTH = 1200
# A preview shows the first pages only: 800 pages of images (selecting all of a 1 MB source)
# peaked at 4.7 GB and froze the window for two seconds while being scaled. Export shows all.
PREVIEW_MAX_PAGES = 30
PAGE_GAP = 10
A4_WIDTH_PX = 8.27 * 96  # an A4 page at 100 % on a 96 dpi screen
LINK_SLACK = 0.004  # of the page's width: a click this close to a figure still finds it


@dataclass
class Rendered:
    """A finished render: the PDF, its first pages as images, and how many pages it has."""

    pdf: bytes
    pages: list[QImage]  # each ``fitted_width`` pixels wide (0: at ``RASTER_DPI``)
    total_pages: int = 0
    fitted_width: int = 0
    links: list[list[PageLink]] = field(default_factory=list)  # figures' links on ``pages``


def rasterise(
    pdf: bytes, cancelled: Callable[[], bool], width: int, *, links: bool = False
) -> dict[str, Any]:
    """The preview's page images (at most ``PREVIEW_MAX_PAGES``), drawn ``width`` pixels wide,
    and the PDF's page count; with ``links``, also the figures' links on those pages, read from
    the same opening of the PDF. Drawing at the shown size costs a third of drawing at 110 dpi
    and scaling down (and scaling 30 pages on the UI thread paused it)."""
    width = max(width, 0)
    with pdf_images.opened(pdf) as document:
        found = (
            pdf_images.links_of(document, FIGURE_LINK_PREFIX, PREVIEW_MAX_PAGES) if links else []
        )
        pages, total = pdf_images.pages_of(
            document, RASTER_DPI, cancelled, limit=PREVIEW_MAX_PAGES, width=width or None
        )
    result: dict[str, Any] = {"pages": pages, "total_pages": total, "fitted_width": width}
    if links:
        result["links"] = found
    return result


def pdf_of(document: Document) -> bytes:
    """The PDF Export writes for ``document`` (the format table's writer): shown and printed."""
    from briefing_studio.render import formats

    return formats.get("pdf").write(document)


def briefing_pdf(
    workspace: Any, briefing: Any, template: Any, *, figure_links: bool = False
) -> bytes:
    """The briefing's PDF as Export writes it (the one road: ``make_document``, then
    ``pdf_of``): what the preview shows and what printing sends. ``figure_links`` (the
    preview) adds an invisible link over each chosen figure; the pages look the same."""
    from briefing_studio.templating import make_document

    return pdf_of(make_document(workspace, briefing, template, figure_links=figure_links))


class PreviewPanel(QWidget):
    """Pages stacked in a scroll area, fitted to its width (or zoomed)."""

    rendered = Signal(int)  # generation shown
    failed = Signal(str)
    figure_clicked = Signal(str)  # figure id

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.generation = 0  # bumped by every change
        self.shown_generation = -1
        self.result: Rendered | None = None
        self.zoom: float | None = None  # None: fit width
        self._op: ops.Op | None = None
        # Set by ``cancel`` when the window shuts down: a state change while it closes (a field
        # committed on focus-out) or a cancelled render's end must not start another render
        # whose answer would reach deleted widgets.
        self._stopped = False
        self.typing_debounce_ms = TYPING_DEBOUNCE_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start_render)
        self._refit_op: ops.Op | None = None
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self._refit)
        # What the coming ``changed`` is about: BriefingState emits the specific signals first.
        self._meeting_edited = self._other_edit = False

        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(self.palette().ColorRole.Mid)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.fit_button = self._tool("↔", self.tr("Fit the page to the width"), self.fit_width)
        self.zoom_out = self._tool("−", self.tr("Zoom out"), lambda: self.zoom_by(1 / 1.25))
        self.zoom_in = self._tool("+", self.tr("Zoom in"), lambda: self.zoom_by(1.25))
        self.previous_page = self._tool(
            "", self.tr("Previous page (Page Up)"), lambda: self.go_to_page(self.current_page() - 1)
        )
        self.previous_page.setArrowType(Qt.ArrowType.UpArrow)
        self.next_page = self._tool(
            "", self.tr("Next page (Page Down)"), lambda: self.go_to_page(self.current_page() + 1)
        )
        self.next_page.setArrowType(Qt.ArrowType.DownArrow)
        self.page_label = self._fixed_label(self.tr("Page {0}/{1}").format(888, 888))
        self.page_label.setToolTip(self.tr("The page at the top of the preview, of all pages"))
        self.zoom_label = self._fixed_label("300%")
        self.zoom_label.setToolTip(self.tr("Zoom: 100% is the page's printed size"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Preview")))
        bar.addWidget(self.status, 1)
        for widget in (
            self.previous_page,
            self.page_label,
            self.next_page,
            self.zoom_out,
            self.zoom_label,
            self.zoom_in,
            self.fit_button,
        ):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._page_labels: list[QLabel] = []
        self._page_tops: list[int] = []  # each page's top in the scrolled widget
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_position)
        self.scroll.installEventFilter(self)
        self._show_position()
        state.meeting_changed.connect(self._note_meeting_edit)
        for signal in (
            state.sources_changed,
            state.selection_changed,
            state.slots_changed,
            state.template_changed,
        ):
            signal.connect(self._note_other_edit)
        state.changed.connect(self._state_changed)

    def _fixed_label(self, widest: str) -> QLabel:
        """A label as wide as ``widest``, so the buttons beside it never move."""
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(widest) + 6)
        return label

    def _tool(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ----- rendering -----------------------------------------------------------------------

    def _note_meeting_edit(self) -> None:
        self._meeting_edited = True

    def _note_other_edit(self) -> None:
        self._other_edit = True

    def _state_changed(self) -> None:
        """A key typed in a meeting field (that change alone) waits for a pause; the rest
        renders at once."""
        typing = self._meeting_edited and not self._other_edit
        self._meeting_edited = self._other_edit = False
        self.schedule(typing=typing)

    def schedule(self, typing: bool = True) -> None:
        """Something changed: render again, at once or (``typing``) once the user pauses for
        ``typing_debounce_ms``."""
        self.generation += 1
        if not self._stopped:
            self._timer.start(self.typing_debounce_ms if typing else CLICK_DEBOUNCE_MS)

    @property
    def busy(self) -> bool:
        return (
            self._op is not None
            or self._timer.isActive()
            or self._refit_op is not None
            or self._refit_timer.isActive()
        )

    def up_to_date(self) -> bool:
        return not self.busy and self.shown_generation == self.generation

    def start_render(self) -> None:
        if self._op is not None or self._stopped:
            return  # the running render's end starts the next one
        template = self.state.template()
        if template is None:
            self._show_status(self.tr("No usable template is chosen."))
            self.shown_generation = self.generation
            return
        generation, width = self.generation, self.raster_width()
        workspace, briefing = self.state.workspace, self.state.snapshot()

        def task(context: ops.TaskContext) -> Rendered:
            pdf = briefing_pdf(workspace, briefing, template, figure_links=True)
            return Rendered(pdf=pdf, **rasterise(pdf, context.cancelled, width, links=True))

        self._show_status(self.tr("Updating…"))
        self._op = ops.run_op(
            task,
            lambda result: self._finished(generation, result),
            label=self.tr("Preview"),
            parent=self,
            on_failure=lambda exc, details: self._failed(generation, exc, details),
            on_cancelled=lambda: self._end(generation),
            cancellable=False,
        )

    def _finished(self, generation: int, result: Rendered) -> None:
        if generation == self.generation:
            self.result = result
            self._show_pages()
            self._show_status(self.pages_note(result))
            self.shown_generation = generation
            self.rendered.emit(generation)
        self._end(generation)

    def _failed(self, generation: int, exc: BaseException, details: str) -> bool:
        if not isinstance(exc, BriefingError):
            return False  # a bug: let ops show the report
        if generation == self.generation:
            message = exc.message(current_language())
            self._show_status(self.tr("Cannot show the preview: {0}").format(message))
            self.shown_generation = generation
            self.failed.emit(message)
        self._end(generation)
        return True

    def _end(self, generation: int) -> None:
        self._op = None
        if generation != self.generation and not self._timer.isActive():
            self.start_render()

    def cancel(self) -> None:
        """Stop for good (the window is going away): no render starts after this."""
        self._stopped = True
        self._timer.stop()
        self._refit_timer.stop()
        for op in (self._op, self._refit_op):
            if op is not None:
                op.cancel()

    # ----- display -------------------------------------------------------------------------

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)

    def pages_note(self, result: Rendered) -> str:
        """Empty, or what the preview leaves out of a long document."""
        if result.total_pages <= len(result.pages):
            return ""
        return self.tr("First {0} of {1} pages; the exported file has them all.").format(
            len(result.pages), result.total_pages
        )

    def page_count(self) -> int:
        return len(self.result.pages) if self.result else 0

    def page_width(self) -> int:
        if self.zoom is None:
            # Room for the scroll bar whether it shows or not: the width must not change when
            # the pages make it appear (the pages would be drawn again, a little narrower).
            bar = self.scroll.verticalScrollBar().sizeHint().width()
            return max(100, self.scroll.contentsRect().width() - 2 * PAGE_GAP - bar)
        return int(A4_WIDTH_PX * self.zoom)

    def raster_width(self) -> int:
        """How wide a render draws the pages: as shown, up to ``MAX_RASTER_WIDTH``."""
        return min(self.page_width(), MAX_RASTER_WIDTH)

    def _show_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._page_labels = []
        self._page_tops = []
        if self.result is None:
            self._show_position()
            return
        width = self.page_width()
        fitted = self.result.fitted_width == width
        for number, image in enumerate(self.result.pages, 1):
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            if not fitted:  # zoomed or resized since the render: scaled until drawn again
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFrameShape(QFrame.Shape.Box)
            label.setAccessibleName(self.tr("Page {0}").format(number))
            label.setMouseTracking(True)  # the hand over a figure
            label.installEventFilter(self)
            self.pages_layout.addWidget(label)
            self._page_labels.append(label)
        # Where each page starts, from the sizes (laid out top-down, PAGE_GAP apart): known
        # at once, before Qt has placed the labels.
        top = self.pages_layout.contentsMargins().top()
        for label in self._page_labels:
            self._page_tops.append(top)
            top += label.sizeHint().height() + PAGE_GAP
        self._show_position()
        if self.result.fitted_width != self.raster_width() and not self._stopped:
            self._refit_timer.start()

    def _refit(self) -> None:
        """Draw the shown PDF's pages again at the panel's width (after a zoom or a resize)."""
        result, width = self.result, self.raster_width()
        if result is None or result.fitted_width == width or self._refit_op is not None:
            return  # nothing to do, or the running refit's end looks again
        pdf = result.pdf

        def task(context: ops.TaskContext) -> dict[str, Any]:
            return rasterise(pdf, context.cancelled, width)

        self._refit_op = ops.run_op(
            task,
            lambda pages: self._refitted(result, pages),
            label=self.tr("Preview"),
            parent=self,
            on_failure=lambda exc, details: self._refitted(result, None),
            on_cancelled=lambda: self._refitted(result, None),
            cancellable=False,
        )

    def _refitted(self, result: Rendered, pages: dict[str, Any] | None) -> bool:
        if not isValid(self):  # the window closed (and was deleted) meanwhile
            return True
        self._refit_op = None
        if pages is not None and self.result is result and not self._stopped:
            result.pages, result.fitted_width = pages["pages"], pages["fitted_width"]
            self._show_pages()  # which refits again if the width changed meanwhile
        return True

    # ----- pages and zoom ------------------------------------------------------------------

    def current_page(self) -> int:
        """The page (from 1) at the top of the view: the last one whose top is at or above
        the view's top edge; 0 without pages."""
        if not self._page_tops:
            return 0
        line = self.scroll.verticalScrollBar().value() + PAGE_GAP
        return max(1, sum(1 for top in self._page_tops if top <= line))

    def total_pages(self) -> int:
        """Pages of the whole document (the preview may draw only the first ones)."""
        return max(self.result.total_pages, len(self.result.pages)) if self.result else 0

    def go_to_page(self, number: int) -> None:
        """Scroll so page ``number`` (from 1, clamped) starts at the top of the view."""
        if not self._page_tops:
            return
        number = max(1, min(number, len(self._page_tops)))
        top = self._page_tops[number - 1] - PAGE_GAP // 2
        self.scroll.verticalScrollBar().setValue(max(0, top))
        self._show_position()

    def zoom_percent(self) -> int:
        """The zoom as a person reads it: 100 is the page's printed size on the screen."""
        return round(self.page_width() / A4_WIDTH_PX * 100)

    def _show_position(self, *_args: object) -> None:
        current, total = self.current_page(), self.total_pages()
        self.page_label.setText(self.tr("Page {0}/{1}").format(current, total) if total else "")
        self.previous_page.setEnabled(current > 1)
        self.next_page.setEnabled(0 < current < len(self._page_tops))
        self.zoom_label.setText(f"{self.zoom_percent()}%" if total else "")  # no page: no zoom

    def figure_at(self, page: int, pos: QPointF) -> str | None:
        """The figure drawn at ``pos`` (in the page's label) on page ``page`` (from 1)."""
        if self.result is None or not 0 < page <= min(
            len(self.result.links), len(self._page_labels)
        ):
            return None
        label = self._page_labels[page - 1]
        area = label.contentsRect()
        if area.width() <= 0 or area.height() <= 0:
            return None
        x = (pos.x() - area.left()) / area.width()
        y = (pos.y() - area.top()) / area.height()
        slack = LINK_SLACK
        for (left, top, right, bottom), uri in self.result.links[page - 1]:
            if left - slack <= x <= right + slack and top - slack <= y <= bottom + slack:
                return uri.removeprefix(FIGURE_LINK_PREFIX)
        return None

    def figure_point(self, figure_id: str) -> tuple[int, QPointF] | None:
        """The page (from 1) and the point in its label where a figure's first link is: lets
        tests click a figure like a user."""
        if self.result is None:
            return None
        for page, links in enumerate(self.result.links[: len(self._page_labels)], 1):
            for (left, top, right, bottom), uri in links:
                if uri == FIGURE_LINK_PREFIX + figure_id:
                    area = self._page_labels[page - 1].contentsRect()
                    return page, QPointF(
                        area.left() + (left + right) / 2 * area.width(),
                        area.top() + (top + bottom) / 2 * area.height(),
                    )
        return None

    def _page_event(self, label: QLabel, event: QEvent) -> bool:
        """A click on a figure asks for it; the pointer is a hand over one."""
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove):
            return False
        assert isinstance(event, QMouseEvent)
        figure_id = self.figure_at(self._page_labels.index(label) + 1, event.position())
        if kind == QEvent.Type.MouseMove:
            if figure_id:
                label.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                label.unsetCursor()
            return False
        if figure_id and event.button() == Qt.MouseButton.LeftButton:
            self.figure_clicked.emit(figure_id)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Page Up / Page Down in the preview go to the previous / next page, as in Word; a
        click on a figure asks for it."""
        if watched in self._page_labels:
            assert isinstance(watched, QLabel)
            return self._page_event(watched, event)
        if watched is self.scroll and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}.get(Qt.Key(event.key()))
            if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.go_to_page(self.current_page() + step)
                return True
        return super().eventFilter(watched, event)

    def fit_width(self) -> None:
        self.zoom = None
        self._show_pages()

    def zoom_by(self, factor: float) -> None:
        current = self.zoom if self.zoom is not None else self.page_width() / A4_WIDTH_PX
        self.zoom = max(0.3, min(3.0, current * factor))
        self._show_pages()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.zoom is None and self.result is not None:
            self._show_pages()
