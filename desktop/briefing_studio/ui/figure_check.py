"""The "Kiểm tra số liệu" dialog before export: the figure check's items, each with its places.

Clicking a place shows it in the source text: a figure's sentence highlighted (both figures of a
conflict are places of their item), else the paragraph. An edited figure also links to its place
in the briefing: its row in the briefing's order and its wording in the figures table, where it
can be fixed. "Accept" notes the item in the project (an undoable edit of
``Briefing.validated``) so it is not listed again; "Export anyway" goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_studio.checks import CheckItem, Place
from briefing_studio.ui.i18n import current_language
from briefing_studio.ui.state import BriefingState

ItemRole = Qt.ItemDataRole.UserRole
PlaceRole = Qt.ItemDataRole.UserRole + 1  # a place in the sources (``checks.Place``)
BriefingRole = Qt.ItemDataRole.UserRole + 2  # a figure id: its place in the briefing


class FigureCheckDialog(QDialog):
    """Lists ``items``; accepted ones leave the list and are written to ``state``'s briefing."""

    def __init__(
        self,
        items: Sequence[CheckItem],
        state: BriefingState,
        show_place: Callable[[Place], None] | None = None,
        parent: QWidget | None = None,
        show_in_briefing: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.show_place = show_place
        self.show_in_briefing = show_in_briefing
        self.setWindowTitle(self.tr("Check the figures"))
        lang = current_language()
        intro = QLabel(
            self.tr(
                "These figures may need a look before the briefing goes out. Click a place to "
                "see it in the source text; accept an item to keep it as it is."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        for item in items:
            top = QTreeWidgetItem([item.message(lang)])
            top.setData(0, ItemRole, item)
            top.setToolTip(0, item.message(lang))
            for place in item.places:
                child = QTreeWidgetItem([place.label(lang)])
                child.setData(0, PlaceRole, place)
                child.setToolTip(0, place.source)
                top.addChild(child)
            if item.code == "edited":
                for place in item.places:
                    if place.figure:
                        top.addChild(self._briefing_place(place.figure))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setToolTip(
            self.tr("Keep this item as it is; the project notes it and does not list it again")
        )
        self.accept_button.clicked.connect(self.accept_current)
        buttons = QDialogButtonBox()
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.go_on = buttons.addButton(
            self.tr("Export anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(920, 440)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def _briefing_place(self, figure_id: str) -> QTreeWidgetItem:
        """The child that leads to where the briefing writes the figure (its edited text)."""
        figure = self.state.figure(figure_id)
        text = self.state.figure_text(figure_id)
        order = self.state.briefing.section_ids()
        label = self.tr("In the briefing: “{0}”").format(text)
        if figure is not None and figure.section in order:
            label += self.tr(", section {0} of the briefing order").format(
                order.index(figure.section) + 1
            )
        child = QTreeWidgetItem([label])
        child.setData(0, BriefingRole, figure_id)
        child.setToolTip(
            0, self.tr("Show the figure's row in the briefing order and its wording to fix it")
        )
        return child

    def remaining(self) -> list[CheckItem]:
        return [self.tree.topLevelItem(i).data(0, ItemRole) for i in range(self._count())]

    def _count(self) -> int:
        return self.tree.topLevelItemCount()

    def _selected_top(self) -> QTreeWidgetItem | None:
        current = self.tree.currentItem()
        if current is not None and current.parent() is not None:
            current = current.parent()
        return current

    def _update_buttons(self) -> None:
        self.accept_button.setEnabled(self._selected_top() is not None)
        if not self._count():
            self.go_on.setText(self.tr("Export"))

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        place = item.data(0, PlaceRole)
        figure_id = item.data(0, BriefingRole)
        if place is not None and self.show_place is not None:
            self.show_place(place)
        elif figure_id and self.show_in_briefing is not None:
            self.show_in_briefing(figure_id)

    def accept_current(self) -> None:
        top = self._selected_top()
        if top is None:
            return
        item: CheckItem = top.data(0, ItemRole)
        validated = list(self.state.briefing.validated)
        if item.key not in validated:
            self.state.edit_field("briefing", "validated", [*validated, item.key])
        self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(top))
        self._update_buttons()
