"""The "Direct work" tab: three houses, the safety map, the chronology, words and pictures.

A sidebar on the left chooses the tool (Alt+1…4, or the arrow keys in the sidebar); each tool
is a page that edits the open case through one shared host, so every change is one undo step
on the case's stack. Ctrl+= and Ctrl+- make the text larger or smaller for someone sitting
beside the laptop. The File menu gains a Print action for each tool.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QWidget,
)

from . import common as C
from .houses import HousesPage

TOOLS = (("Three houses", "houses"), ("Safety map", "safety"), ("Chronology", "chronology"),
         ("Words and pictures", "story"))
SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75)


def _page(key: str, host: C.Host) -> QWidget:
    if key == "houses":
        return HousesPage(host)
    if key == "safety":
        from .safety import SafetyPage

        return SafetyPage(host)
    if key == "chronology":
        from .chronology import ChronologyPage

        return ChronologyPage(host)
    from .story import StoryEditor

    return StoryEditor(host)


class FitScroll(QScrollArea):
    """A tool fills the room it has, and scrolls only when large text needs more than that.

    (QScrollArea's own resizing gives a page with wrapped labels its preferred height, so it
    would scroll at the usual text size too.)"""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        page.installEventFilter(self)

    def fit(self) -> None:
        page = self.widget()
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.maximumViewportSize()
        w = max(room.width(), least.width())
        h = max(room.height(), least.height())
        if w > room.width():  # a horizontal scroll bar takes some height
            h = max(room.height() - self.horizontalScrollBar().sizeHint().height(), least.height())
        if h > room.height():
            w = max(room.width() - self.verticalScrollBar().sizeHint().width(), least.width())
        if page.size() != QSize(w, h):
            page.resize(w, h)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.fit()

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is self.widget() and e.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(obj, e)


class DirectWorkTab(QWidget):
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DirectWork")
        self.setAccessibleName("Direct work")
        self._points = max(QFont(self.font()).pointSizeF(), 9.0)
        self._scale = 1
        self.setStyleSheet(C.style(self._points))
        C.warm_palette(self)
        self.host = C.Host(self)
        self.host.message.connect(self.message)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setAccessibleName("Direct-work tools")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for n, (title, key) in enumerate(TOOLS, 1):
            self.sidebar.addItem(title)
            page = _page(key, self.host)
            self.pages[key] = page
            scroll = FitScroll(page)
            page.setObjectName("DirectWorkPage")
            page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            self.stack.addWidget(scroll)
            sc = QShortcut(QKeySequence(f"Alt+{n}"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=n - 1: self.show_tool(i))
            self.sidebar.item(n - 1).setToolTip(f"{title} (Alt+{n})")
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 48)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        for keys, step in ((("Ctrl+=", "Ctrl++"), 1), (("Ctrl+-",), -1), (("Ctrl+0",), 0)):
            for k in keys:
                sc = QShortcut(QKeySequence(k), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(lambda s=step: self.scale_text(s))
        self._actions: list[QAction] = []

    @property
    def houses(self) -> HousesPage:
        return self.pages["houses"]  # type: ignore[return-value]

    def show_tool(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)
        page = list(self.pages.values())[index]
        page.setFocus()
        page.focusNextChild()

    def scale_text(self, step: int) -> float:
        """Larger (1), smaller (-1) or usual (0) text in every tool; returns the factor."""
        self._scale = 1 if step == 0 else min(max(self._scale + step, 0), len(SCALES) - 1)
        self.setStyleSheet(C.style(self._points * SCALES[self._scale]))
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 48)
        for view in self.findChildren(QListWidget):  # wrapped entries need their new heights
            view.doItemsLayout()
        for table in self.findChildren(QTableWidget):
            table.resizeRowsToContents()
        self.message.emit(f"Text size {round(SCALES[self._scale] * 100)}%")
        return SCALES[self._scale]

    def set_document(self, doc: Any) -> None:
        self.host.set_document(doc)

    def _print(self, page: Any, key: str) -> str | None:
        """File > Print for one tool; with nothing to print yet, one sentence says what to start."""
        if self.host.case is None:
            self.message.emit("Open or start a case first, then print.")
            return None
        if hasattr(page, "current") and page.current() is None:
            what = {"houses": "three houses", "safety": "a safety map"}.get(key, "a words-and-pictures story")
            self.message.emit(f"There is nothing to print yet: start {what} in Direct work first.")
            return None
        return page.print_copy()  # type: ignore[no-any-return]

    def file_actions(self) -> list[QAction]:
        """Print actions for the File menu, one per tool."""
        if not self._actions:
            for title, key in TOOLS:
                page = self.pages[key]
                action = QAction(f"Print {title.lower()}…", self)
                action.setStatusTip(f"Print the {title.lower()} as a PDF")
                action.triggered.connect(lambda _c=False, p=page, k=key: self._print(p, k))
                self._actions.append(action)
        return self._actions
