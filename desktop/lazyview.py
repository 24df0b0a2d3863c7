"""A tab whose view is built after the window first appears, or when the tab is first chosen.

Heavy views (the genogram canvas pulls in layout, notation and the PDF writer) need not delay the
window: the People table paints first and the rest follows a moment later.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyView(QWidget):
    built = Signal(QWidget)

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._doc: Any = None
        self.view: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        """The real view, built now if it was not yet; it is given the current document."""
        if self.view is None:
            self.view = self._factory()
            self.layout().addWidget(self.view)
            self.setAccessibleName(self.view.accessibleName() or self.accessibleName())
            if self._doc is not None and hasattr(self.view, "set_document"):
                self.view.set_document(self._doc)
            self.built.emit(self.view)
        return self.view

    def set_document(self, doc: Any) -> None:
        self._doc = doc
        if self.view is not None and hasattr(self.view, "set_document"):
            self.view.set_document(doc)
