"""What the window opens with, and `--screenshot`: show, wait for the first paint, grab, exit."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from genogram.model import Case, CaseMeta
from genogram.storage.casefile import CaseFileError

from .document.editor import CaseDocument

SCREENSHOT_SIZE = (1280, 800)


def first_document(path: str | None, demo: str | None) -> tuple[CaseDocument, str | None]:
    """The case named on the command line, else a demo family; and a sentence if that failed."""
    problem = None
    if path:
        try:
            return CaseDocument.open(path), None
        except CaseFileError as exc:
            problem = str(exc)
    try:
        return CaseDocument(_demo_case(demo)), problem
    except LookupError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        return CaseDocument(Case(CaseMeta(title="Untitled case"))), problem or message


def _demo_case(name: str | None) -> Case:
    """A fictional demo family (LookupError naming the choices when there is no such demo)."""
    from genogram import demo

    try:
        return demo.load_demo(name or demo.DEFAULT_DEMO)
    except ValueError as exc:
        raise LookupError(_sentence(str(exc))) from None


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class _FirstPaint(QObject):
    """Grabs the window once something in it has really been painted."""

    def __init__(self, window: QWidget, out: Path) -> None:
        super().__init__(window)
        self.window, self.out = window, out
        self.seen = False
        self.ok = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self.window):
            self.seen = True
            # Let this paint pass finish (every child in the same pass), then grab.
            QTimer.singleShot(0, self.grab)
        return False

    def grab(self) -> None:
        image = self.window.grab()
        self.ok = not image.isNull() and image.save(str(self.out), "PNG")
        QApplication.quit()


def screenshot(app: QApplication, window: QWidget, out: str) -> int:
    """Show the window at a standard size, wait for its first paint, save it as PNG; 0 if saved."""
    target = Path(out)
    if target.parent and not target.parent.is_dir():
        print(f"{out}: the folder {target.parent} does not exist", file=sys.stderr)
        return 1
    window.resize(*SCREENSHOT_SIZE)
    if hasattr(window, "build_deferred_views"):
        window.build_deferred_views = False  # they come after the first paint, and we exit then
    spy = _FirstPaint(window, target)
    app.installEventFilter(spy)
    QTimer.singleShot(20_000, app.quit)  # never hang a build if nothing ever paints
    window.show()
    app.exec()
    app.removeEventFilter(spy)
    if not spy.ok:
        print(f"{out}: the window could not be captured", file=sys.stderr)
        return 1
    return 0
