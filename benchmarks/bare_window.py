"""The peer for the start-up benchmark: a bare PySide6 QMainWindow, shown and grabbed the same way
`kinscape --screenshot` does it (first paint, then grab, then exit)."""
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, window, out):
        super().__init__()
        self.window, self.out, self.done = window, out, False

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.grab)
        return False

    def grab(self):
        self.window.grab().save(self.out)
        QApplication.quit()


def main():
    out = sys.argv[sys.argv.index("--screenshot") + 1]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    spy = FirstPaint(window, out)
    window.installEventFilter(spy)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
