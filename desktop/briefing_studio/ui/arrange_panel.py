"""The chosen sections in the briefing's order, each with the template slot it goes to.

Drag and drop (InternalMove), Move up/down buttons and Alt+Up/Down reorder; the slot column has
a combo-box delegate listing the current template's slots. Every change is an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.editing import drop_row, step_row
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.state import BriefingState

MIME_ROWS = "application/x-briefing-studio-rows"
SlotRole = Qt.ItemDataRole.UserRole + 4
EXCERPT = 90


class ArrangeModel(QAbstractTableModel):
    """Column 0: the section (excerpt); column 1: its slot."""

    def __init__(self, state: BriefingState) -> None:
        super().__init__()
        self.state = state
        self.rows = state.chosen_sections()
        for signal in (
            state.selection_changed,
            state.sources_changed,
            state.slots_changed,
            state.template_changed,
        ):
            signal.connect(self._rebuild)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Section") if section == 0 else self.tr("Slot")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        chosen = self.rows[index.row()]
        section = self.state.section(chosen.section)
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole and section is not None:
                text = section.text
                return text if len(text) <= EXCERPT else text[:EXCERPT].rstrip() + "…"
            if role == Qt.ItemDataRole.ToolTipRole and section is not None:
                analysis = self.state.analysis_of(chosen.section)
                name = analysis.source.name if analysis else ""
                return f"{name}\n\n{section.text}"
            if role == Qt.ItemDataRole.FontRole and section is not None:
                if section.kind == "heading":
                    font = QFont()
                    font.setBold(True)
                    return font
            return None
        if role == SlotRole or role == Qt.ItemDataRole.EditRole:
            return chosen.slot
        if role == Qt.ItemDataRole.DisplayRole:
            return self.slot_label(chosen.slot, chosen.section)
        if role == Qt.ItemDataRole.FontRole and chosen.slot is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-click or press F2 to put this section in another slot")
        return None

    def slots(self) -> list[tuple[str, str]]:
        """(id, name) of the current template's slots."""
        template = self.state.template()
        manifest = getattr(template, "manifest", None)
        lang = current_language()
        return [(s.id, s.name(lang)) for s in getattr(manifest, "slots", ())]

    def slot_label(self, slot: str | None, section_id: str) -> str:
        names = dict(self.slots())
        if slot is not None:
            return names.get(slot, slot)
        auto = self.default_slot(section_id)
        return self.tr("auto: {0}").format(names.get(auto, auto)) if auto else self.tr("auto")

    def default_slot(self, section_id: str) -> str | None:
        template = self.state.template()
        section = self.state.section(section_id)
        if template is None or section is None or template.manifest is None:
            return None
        from briefing_studio.templating import default_slot

        slot = default_slot(template.manifest, section)
        return getattr(slot, "id", slot)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        self.state.set_slot(self.rows[index.row()].section, value or None)
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # ----- drag and drop: a move becomes one undoable MoveSectionCommand ------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME_ROWS, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_ROWS):
            return False
        text = bytes(data.data(MIME_ROWS).data()).decode()
        rows = [int(r) for r in text.split(",") if r]
        if len(rows) != 1:
            return False
        before = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        self.state.move_section(rows[0], drop_row(rows[0], before))
        return False  # the state moved the row; the view must not remove the dragged one

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.rows = self.state.chosen_sections()
        self.endResetModel()


class SlotDelegate(QStyledItemDelegate):
    """A combo box of the template's slots, plus "auto" (the template decides)."""

    def __init__(self, model: ArrangeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._editor_height = QComboBox().sizeHint().height()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """Rows as tall as the combo box, so the open editor is not clipped by the row."""
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self._editor_height))

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        section_id = self.model.rows[index.row()].section
        combo.addItem(self.model.slot_label(None, section_id), None)
        for slot_id, name in self.model.slots():
            combo.addItem(name, slot_id)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(SlotRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: object, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        self.model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ArrangePanel(QWidget):
    """The order list with its Move up / Move down buttons."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = ArrangeModel(state)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(1, SlotDelegate(self.model, self.view))
        self.view.setAccessibleName(self.tr("Order of the chosen sections"))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 150)

        self.up_action = self._action(
            self.tr("Move up"),
            "Alt+Up",
            -1,
            self.tr("Move the section up in the briefing (Alt+Up)"),
        )
        self.down_action = self._action(
            self.tr("Move down"),
            "Alt+Down",
            1,
            self.tr("Move the section down in the briefing (Alt+Down)"),
        )
        up, down = QPushButton(self.tr("Move up")), QPushButton(self.tr("Move down"))
        up.setToolTip(self.up_action.toolTip())
        down.setToolTip(self.down_action.toolTip())
        up.clicked.connect(self.up_action.trigger)
        down.clicked.connect(self.down_action.trigger)
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._keep_row: int | None = None
        self.model.modelReset.connect(self._restore_row)

    def _action(self, text: str, shortcut: str, step: int, tip: str) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(lambda: self.move_current(step))
        self.view.addAction(action)
        return action

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = step_row(row, step, self.model.rowCount())
        if target is None:
            return
        self._keep_row = target
        self.state.move_section(row, target)

    def _restore_row(self) -> None:
        if self._keep_row is not None:
            row, self._keep_row = self._keep_row, None
            self.select_row(row)
