"""A plain-text code editor with line numbers and a marked problem line (Qt's CodeEditor idea).

Error messages name lines, so the numbers are always visible, and the line a problem points at
is tinted red, with its number in red, until the problem is gone.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

CURRENT_LINE = QColor("#FFFBE6")
PROBLEM_LINE = QColor("#FAD4D4")


class LineNumberArea(QWidget):
    """The gutter left of the text; the editor paints it."""

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """Monospaced, no wrapping, line numbers, current line and one problem line marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem_line: int | None = None  # 1-based
        self.numbers = LineNumberArea(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_numbers)
        self.cursorPositionChanged.connect(self._refresh_marks)
        self._update_margin()
        self._refresh_marks()

    # Problem line -----------------------------------------------------------------------------

    def set_problem_line(self, line: int | None) -> None:
        """Tint ``line`` (1-based) as the place of a problem; None clears it."""
        if line is not None and not 1 <= line <= self.blockCount():
            line = self.blockCount()
        if line != self.problem_line:
            self.problem_line = line
            self._refresh_marks()
            self.numbers.update()

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def _refresh_marks(self) -> None:
        marks = []
        if not self.isReadOnly():
            current = QTextEdit.ExtraSelection()
            current.format.setBackground(CURRENT_LINE)
            current.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            current.cursor = self.textCursor()
            current.cursor.clearSelection()
            marks.append(current)
        if self.problem_line is not None:
            problem = QTextEdit.ExtraSelection()
            problem.format.setBackground(PROBLEM_LINE)
            problem.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            block = self.document().findBlockByNumber(self.problem_line - 1)
            problem.cursor = QTextCursor(block)
            marks.append(problem)
        self.setExtraSelections(marks)

    # Line numbers -----------------------------------------------------------------------------

    def line_number_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(digits, 3)

    def _update_margin(self, _count: int = 0) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self.numbers.scroll(0, dy)
        else:
            self.numbers.update(0, rect.y(), self.numbers.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.numbers.setGeometry(
            QRect(area.left(), area.top(), self.line_number_width(), area.height())
        )

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        painter = QPainter(self.numbers)
        painter.fillRect(event.rect(), QColor("#F0F0F0"))
        painter.setFont(self.font())
        block = self.firstVisibleBlock()
        number = block.blockNumber() + 1
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        width = self.numbers.width() - 6
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                is_problem = number == self.problem_line
                if is_problem:
                    painter.fillRect(0, top, self.numbers.width(), height, PROBLEM_LINE)
                painter.setPen(QColor("#C00000") if is_problem else QColor("#8A8A8A"))
                painter.drawText(0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()
