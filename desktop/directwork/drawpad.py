"""A simple drawing pad for a child: draw with the mouse, a finger or a pen, in a few colours.

Strokes are kept as points (so "Undo stroke" is exact) and painted smoothly. The picture is
saved as PNG bytes, then passed through `clean_picture` like any imported photo, so nothing but
the pixels reaches the case.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QShortcut,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .common import INK, PAPER

COLOURS = (("Black", "#2e2b28"), ("Red", "#d2452f"), ("Orange", "#ee8a1b"), ("Yellow", "#f2c230"),
           ("Green", "#3f9d4e"), ("Blue", "#2f6fc2"), ("Purple", "#8a4fb0"), ("Brown", "#8a5a35"))
SIZE = QSize(900, 640)  # the saved picture; the pad scales strokes to whatever it is shown at


@dataclass
class Stroke:
    colour: str
    width: float
    points: list[tuple[float, float]] = field(default_factory=list)  # 0..1 of the pad


class DrawingPad(QWidget):
    """The paper. Emits `changed` after every stroke, undo or clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self.colour = COLOURS[0][1]
        self.pen_width = 6.0
        self._current: Stroke | None = None
        self.setMinimumSize(420, 300)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Drawing paper")
        self.setAccessibleDescription("Draw with the mouse or a pen; Ctrl+Z takes back the last stroke")
        self.setCursor(Qt.CursorShape.CrossCursor)

    # ---- drawing -----------------------------------------------------------------------
    def _norm(self, p: QPointF) -> tuple[float, float]:
        return (min(max(p.x() / max(self.width(), 1), 0.0), 1.0),
                min(max(p.y() / max(self.height(), 1), 0.0), 1.0))

    def begin(self, p: QPointF, pressure: float = 1.0) -> None:
        self._current = Stroke(self.colour, self.pen_width * (0.6 + 0.8 * pressure), [self._norm(p)])
        self.strokes.append(self._current)
        self.update()

    def extend(self, p: QPointF) -> None:
        if self._current is not None:
            self._current.points.append(self._norm(p))
            self.update()

    def end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self.begin(e.position())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if e.buttons() & Qt.MouseButton.LeftButton:
            self.extend(e.position())

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self.extend(e.position())
            self.end()

    def tabletEvent(self, e: QTabletEvent) -> None:
        t = e.type()
        if t == QTabletEvent.Type.TabletPress:
            self.begin(e.position(), e.pressure())
        elif t == QTabletEvent.Type.TabletMove:
            self.extend(e.position())
        elif t == QTabletEvent.Type.TabletRelease:
            self.end()
        e.accept()

    def undo_stroke(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        if self.strokes:
            self.strokes.clear()
            self.update()
            self.changed.emit()

    # ---- painting ----------------------------------------------------------------------
    def _paint(self, painter: QPainter, w: float, h: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(0, 0, int(w), int(h), QColor("#ffffff"))
        scale = w / SIZE.width()
        for s in self.strokes:
            pen = QPen(QColor(s.colour), max(s.width * scale * 1.5, 1.0), Qt.PenStyle.SolidLine,
                       Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            pts = [QPointF(x * w, y * h) for x, y in s.points]
            if len(pts) == 1:
                painter.drawPoint(pts[0])
                continue
            path = QPainterPath(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            painter.drawPath(path)

    def paintEvent(self, _e: object) -> None:
        painter = QPainter(self)
        self._paint(painter, self.width(), self.height())
        if not self.strokes:
            painter.setPen(QColor("#b8ab98"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Draw here")
        painter.end()

    def to_png(self) -> bytes:
        """The drawing as PNG bytes at SIZE, white paper."""
        image = QImage(SIZE, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self._paint(painter, SIZE.width(), SIZE.height())
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        buf.close()
        return bytes(data.data())


class DrawingDialog(QDialog):
    """The pad with its colours, Undo stroke, Clear, and Save (or Cancel)."""

    def __init__(self, title: str = "Draw a picture", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(f"QDialog {{ background: {PAPER}; color: {INK}; }}")
        self.pad = DrawingPad(self)
        colours = QHBoxLayout()
        colours.addWidget(QLabel("Colour:"))
        self.colour_buttons = QButtonGroup(self)
        for i, (name, hex_) in enumerate(COLOURS):
            b = QPushButton()
            b.setCheckable(True)
            b.setFixedSize(34, 34)
            b.setAccessibleName(f"{name} pen")
            b.setToolTip(f"{name} (key {i + 1})")
            b.setStyleSheet(f"QPushButton {{ background: {hex_}; border: 2px solid #fff; border-radius: 17px; }}"
                            "QPushButton:checked { border: 3px solid #3b3a36; }"
                            "QPushButton:focus { border: 3px dashed #b5651d; }")
            b.clicked.connect(lambda _c=False, h=hex_: self._set_colour(h))
            self.colour_buttons.addButton(b, i)
            colours.addWidget(b)
            QShortcut(QKeySequence(str(i + 1)), self, activated=b.click)
        self.colour_buttons.button(0).setChecked(True)
        self.thick = QPushButton("&Thick pen")
        self.thick.setCheckable(True)
        self.thick.toggled.connect(lambda on: setattr(self.pad, "pen_width", 14.0 if on else 6.0))
        colours.addWidget(self.thick)
        colours.addStretch(1)
        self.undo_button = QPushButton("&Undo stroke")
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.clear_button = QPushButton("C&lear")
        self.save_button = QPushButton("&Save drawing")
        self.save_button.setDefault(True)
        self.save_button.setProperty("primary", True)
        self.save_button.setStyleSheet("background: #b5651d; color: white; border-radius: 8px; padding: 6px 14px;")
        cancel = QPushButton("Cancel")
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.clear_button.clicked.connect(self.pad.clear)
        self.save_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.pad.changed.connect(self._update)
        buttons = QHBoxLayout()
        for b in (self.undo_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addLayout(colours)
        lay.addWidget(self.pad, 1)
        lay.addLayout(buttons)
        self.resize(860, 640)
        self._update()

    def _set_colour(self, hex_: str) -> None:
        self.pad.colour = hex_
        self.pad.setFocus()

    def _update(self) -> None:
        has = bool(self.pad.strokes)
        for b in (self.undo_button, self.clear_button, self.save_button):
            b.setEnabled(has)
