"""The plan's outline: its sections in the template's order, each holding its items.

An item that could be stronger carries a dot (●) so weak spots show at a glance; its tooltip
says how many things to look at. The page of people's own words comes last.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from .checking import base_context, check_item, item_sections, section_of

KIND = Qt.ItemDataRole.UserRole  # ("section", id) | ("item", id) | ("views", "")
VIEWS_TITLE = "What the child and parents say"


def short(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


class PlanOutline(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName("The plan's sections and what each holds")
        self.setUniformRowHeights(False)
        self.setIndentation(14)

    def key(self) -> tuple[str, str] | None:
        node = self.currentItem()
        return tuple(node.data(0, KIND)) if node is not None else None  # type: ignore[return-value]

    def fill(self, case: Any, plan: Any) -> None:
        """Rebuild from the plan, keeping the chosen row where it still exists."""
        keep = self.key()
        self.blockSignals(True)
        self.clear()
        heads: dict[str, QTreeWidgetItem] = {}
        for s in item_sections(plan):
            heads[s.id] = self._head(s.title, ("section", s.id), s.prompt)
        self._head(VIEWS_TITLE, ("views", ""), "The child's and the parents' own words, and whether they agree")
        base = base_context(case, plan)
        for item in plan.items:
            sid = section_of(plan, item)
            head = heads.get(sid) if sid else None
            if head is None:
                head = heads.get("_other") or self._head("Other parts of the plan", ("section", item.section), "")
                heads["_other"] = head
            check = check_item(case, plan, item, base)
            weak = len(check.adult.findings) + len(check.adult.language)
            label = short(item.text, 70) or "(not written yet)"
            if item.private:
                label += "  · private"
            node = QTreeWidgetItem([("●  " if weak else "") + label])
            node.setData(0, KIND, ("item", item.id))
            node.setToolTip(0, f"{weak} thing{'s' if weak != 1 else ''} to look at" if weak else item.text)
            head.addChild(node)
        self.expandAll()
        target = self.node_for(keep) if keep else None
        target = target or self.topLevelItem(0)
        if target is not None:
            self.setCurrentItem(target)
        self.blockSignals(False)

    def _head(self, title: str, key: tuple[str, str], tip: str) -> QTreeWidgetItem:
        head = QTreeWidgetItem([title])
        head.setData(0, KIND, key)
        head.setToolTip(0, tip)
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        self.addTopLevelItem(head)
        return head

    def item_ids(self) -> set[str]:
        """The ids of the items the list shows."""
        ids: set[str] = set()
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            for j in range(head.childCount() if head is not None else 0):
                kind, ident = head.child(j).data(0, KIND)  # type: ignore[union-attr]
                if kind == "item":
                    ids.add(ident)
        return ids

    def node_for(self, key: tuple[str, str]) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            head = self.topLevelItem(i)
            if head is None:
                continue
            if tuple(head.data(0, KIND)) == tuple(key):
                return head
            for j in range(head.childCount()):
                child = head.child(j)
                if child is not None and tuple(child.data(0, KIND)) == tuple(key):
                    return child
        return None

    def select(self, kind: str, ident: str) -> None:
        node = self.node_for((kind, ident))
        if node is not None:
            self.setCurrentItem(node)

    def forget(self) -> None:
        """No row chosen: the next fill starts at the top (another plan was chosen)."""
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
