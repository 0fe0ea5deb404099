"""Printing the briefing: the exported PDF's pages, rasterised at printer resolution.

Printing the same PDF that Export writes keeps paper and file identical; the pages already hold
their margins, so the printer is used full-page and each page image is fitted to the paper.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from briefing_studio.ui.pdf_images import page_sizes, render_one
from briefing_studio.ui.window_size import fit_window

MAX_PRINT_DPI = 300


def new_printer() -> QPrinter:
    """An A4 portrait printer at high resolution, used full-page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint every page of ``pdf`` on ``printer``; returns the number of pages."""
    sizes = page_sizes(pdf)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index, (width_pt, height_pt) in enumerate(sizes):
            if index:
                printer.newPage()
            image = render_one(pdf, index, dpi)
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            paper.moveTo(0, 0)
            size = QSizeF(width_pt, height_pt).scaled(
                paper.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            target = QRectF(
                paper.left() + (paper.width() - size.width()) / 2,
                paper.top() + (paper.height() - size.height()) / 2,
                size.width(),
                size.height(),
            )
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(sizes)


def print_with_dialog(parent: QWidget | None, pdf: bytes) -> bool:
    """Ask for a printer and print; returns False when the user cancelled."""
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print briefing"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pdf(printer, pdf)
    return True


def print_preview(parent: QWidget | None, pdf: bytes) -> None:
    """Qt's print preview of the same pages, with its own Print button."""
    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda target: paint_pdf(target, pdf))
    fit_window(dialog, "print-preview", QSize(900, 700))
    dialog.exec()
