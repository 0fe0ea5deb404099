"""People, organisations and places found in the sources (filled in when NER finishes)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefing_studio.analysis.model import Entity
from briefing_studio.ui.state import BriefingState

KIND_ORDER = ("person", "organization", "country", "province", "place")


class EntitiesPanel(QWidget):
    """A tree: kind → entity (mention count); double-click shows the first section naming it."""

    section_requested = Signal(str)

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.kind_names = {
            "person": self.tr("People"),
            "organization": self.tr("Organisations"),
            "country": self.tr("Countries"),
            "province": self.tr("Provinces"),
            "place": self.tr("Places"),
        }
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Mentions")])
        self.tree.setColumnWidth(0, 320)
        self.tree.setToolTip(self.tr("Double-click a name to show where it is mentioned"))
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        state.entities_changed.connect(self.refresh)
        self.refresh()

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def entities(self) -> list[Entity]:
        """Entities of all sources, one per name: the same person in two texts is one row."""
        merged: dict[tuple[str, str], Entity] = {}
        for analysis in self.state.analyses:
            for entity in analysis.entities or []:
                identity = (entity.kind, entity.key or entity.name)
                known = merged.get(identity)
                if known is None:
                    merged[identity] = entity
                else:
                    aliases = tuple(dict.fromkeys(known.aliases + entity.aliases))
                    merged[identity] = replace(
                        known, aliases=aliases, mentions=known.mentions + entity.mentions
                    )
        return list(merged.values())

    def refresh(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        entities = self.entities()
        for entity in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
            group = groups.get(entity.kind)
            if group is None:
                group = QTreeWidgetItem([self.kind_names.get(entity.kind, entity.kind), ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entity.kind] = group
            name = entity.name
            if entity.merged_into_name:  # a former province: say where it belongs now
                name = self.tr("{0} (now part of {1})").format(name, entity.merged_into_name)
            item = QTreeWidgetItem(group, [name, str(len(entity.mentions))])
            item.setData(0, Qt.ItemDataRole.UserRole, entity.sections[:1])
            aliases = ", ".join(a for a in entity.aliases if a != entity.name)
            notes = [self.tr("Also written: {0}").format(aliases)] if aliases else []
            if entity.merged_into_name:
                notes.append(
                    self.tr("Merged into {0} on 1 July 2025").format(entity.merged_into_name)
                )
            if notes:
                item.setToolTip(0, "\n".join(notes))
        for kind in sorted(groups, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 9):
            self.tree.addTopLevelItem(groups[kind])
            groups[kind].setExpanded(True)
        pending = any(a.entities is None for a in self.state.analyses)
        if entities or not pending:
            self.set_status("" if entities else self.tr("No names found."))

    def _activated(self, item: QTreeWidgetItem) -> None:
        sections = item.data(0, Qt.ItemDataRole.UserRole)
        if sections:
            self.section_requested.emit(sections[0])
