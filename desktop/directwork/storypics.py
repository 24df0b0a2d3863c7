"""The picture beside a story page: a pictogram the words suggest, a drawing or photo from the
case, or a piece of the family's genogram, previewed as it will print.

The panel never edits: it emits `chosen(ref)` with a picture reference ("pictogram:KEY",
"media:NAME", "genogram:ID,ID" or "" for none), and the story page makes that one undo step.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from genogram import pictures

from . import common as C


@lru_cache(maxsize=256)
def pictogram_pixmap(keyword: str, size: int = 96) -> QPixmap:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(pictures.svg_bytes(keyword)))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


def genogram_piece_png(case: Any, value: str) -> bytes | None:
    """The genogram piece as the booklet shows it (no conflict lines, no households, no private)."""
    from genogram.export.png import glyphs_to_png
    from genogram.layout.genogram import layout_genogram
    from genogram.notation.genogram import CHILD_VIEW_LEAVES_OUT, genogram_glyphs
    from genogram.notation.glyphs import Group

    wanted = {p.strip() for p in value.split(",") if p.strip() and case.family.has_person(p.strip())}
    wanted = {p for p in wanted if not case.family.person(p).private}
    if not wanted:
        return None
    layout = layout_genogram(case, people=wanted)
    glyphs = [g for g in genogram_glyphs(case, layout, hide_private=True)
              if not (isinstance(g, Group) and g.kind in CHILD_VIEW_LEAVES_OUT)]
    return glyphs_to_png(glyphs, dpi=110) if glyphs else None


def preview_pixmap(case: Any, ref: str | None, size: int) -> QPixmap | None:
    if not ref or case is None:
        return None
    try:
        kind, value = pictures.parse_ref(ref)
        pix = QPixmap()
        if kind == "pictogram":
            return pictogram_pixmap(value, size)
        if kind == "media":
            pix.loadFromData(case.media(value))
        else:
            data = genogram_piece_png(case, value)
            if data is None:
                return None
            pix.loadFromData(data)
    except (pictures.PictureError, KeyError, ValueError):
        return None
    if pix.isNull():
        return None
    return pix.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class Preview(QWidget):
    """The picture scaled to fit whatever room it has; it never asks for more room itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap: QPixmap | None = None
        self.text = ""
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_picture(self, pixmap: QPixmap | None, text: str = "") -> None:
        self.pixmap, self.text = pixmap, text
        self.setAccessibleDescription(text or "A picture is chosen for this page")
        self.update()

    def paintEvent(self, _e: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QColor(C.LINE))
        p.setBrush(QColor(C.CARD))
        p.drawRoundedRect(r, 12, 12)
        box = r.adjusted(12, 12, -12, -12)
        if self.pixmap is not None and not self.pixmap.isNull():
            size = self.pixmap.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(box.center().x() - size.width() / 2, box.center().y() - size.height() / 2,
                            size.width(), size.height())
            p.drawPixmap(target.toRect(), self.pixmap)
        else:
            p.setPen(QColor(C.MUTED))
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.text)
        p.end()


class PeopleDialog(QDialog):
    """Choose who is in the piece of the genogram."""

    def __init__(self, case: Any, chosen: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("A piece of the genogram")
        self.list = QListWidget()
        self.list.setAccessibleName("People in the picture")
        for name, pid in C.people_choices(case, case.meta.index_person):
            if case.family.person(pid).private:
                continue
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Who should be in the picture? (People marked private never are.)"))
        lay.addWidget(self.list)
        lay.addWidget(buttons)

    def ref(self) -> str:
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return f"genogram:{','.join(ids)}" if ids else ""


class PicturePanel(QWidget):
    chosen = Signal(str)
    draw_requested = Signal()
    photo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Any = None
        self.ref: str | None = None
        self.preview = Preview()
        self.preview.setAccessibleName("The page's picture")
        self.suggested = QListWidget()
        self.suggested.setViewMode(QListWidget.ViewMode.IconMode)
        self.suggested.setIconSize(QSize(48, 48))
        self.suggested.setFlow(QListWidget.Flow.LeftToRight)
        self.suggested.setWrapping(False)
        self.suggested.setMinimumHeight(118)
        self.suggested.setMaximumHeight(140)
        self.suggested.setAccessibleName("Pictures suggested by the words")
        self.all = QComboBox()
        self.all.setAccessibleName("Any picture")
        self.all.addItem("Choose any picture…", "")
        for k in sorted(pictures.pictograms()):
            self.all.addItem(QIcon(pictogram_pixmap(k, 32)), k, k)
        self.media = QComboBox()
        self.media.setAccessibleName("A drawing or photo from the case")
        self.draw_button = QPushButton("Dra&w…")
        self.photo_button = QPushButton("Ph&oto…")
        self.genogram_button = QPushButton("P&iece of the genogram…")
        self.none_button = QPushButton("No picture")
        controls = QVBoxLayout()
        controls.addWidget(C.label("Suggested by the words (Enter to use):", role="hint"))
        controls.addWidget(self.suggested)
        controls.addWidget(self.all)
        controls.addWidget(self.media)
        buttons = QGridLayout()
        for i, b in enumerate((self.draw_button, self.photo_button, self.genogram_button, self.none_button)):
            buttons.addWidget(b, i // 2, i % 2)
        controls.addLayout(buttons)
        controls.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.preview, 1)
        lay.addLayout(controls, 1)
        self.suggested.itemActivated.connect(lambda it: self.chosen.emit(f"pictogram:{it.data(Qt.ItemDataRole.UserRole)}"))
        self.suggested.itemClicked.connect(lambda it: self.chosen.emit(f"pictogram:{it.data(Qt.ItemDataRole.UserRole)}"))
        self.all.activated.connect(self._pick_any)
        self.media.activated.connect(self._pick_media)
        self.draw_button.clicked.connect(self.draw_requested)
        self.photo_button.clicked.connect(self.photo_requested)
        self.genogram_button.clicked.connect(self._pick_people)
        self.none_button.clicked.connect(lambda: self.chosen.emit(""))

    def show_page(self, case: Any, ref: str | None, text: str) -> None:
        self.case, self.ref = case, ref
        C.able(self.none_button, bool(ref), "Take the picture off this page (the booklet picks one from the words)",
               "This page has no picture chosen.")
        pix = preview_pixmap(case, ref, 400)
        self.preview.set_picture(pix, "" if pix is not None else
                                 "No picture chosen: the booklet picks one from the words" if not ref
                                 else "This picture cannot be shown")
        self.suggest(text)
        self.media.clear()
        self.media.addItem("A drawing or photo from the case…", "")
        for name in (case.media_names() if case is not None else []):
            self.media.addItem(name, name)

    def suggest(self, text: str) -> list[str]:
        found = pictures.suggest(text, 6)
        self.suggested.clear()
        for k in found:
            item = QListWidgetItem(QIcon(pictogram_pixmap(k, 64)), k)
            item.setData(Qt.ItemDataRole.UserRole, k)
            self.suggested.addItem(item)
        return found

    def _pick_any(self, _i: int) -> None:
        k = self.all.currentData()
        if k:
            self.chosen.emit(f"pictogram:{k}")
        self.all.setCurrentIndex(0)

    def _pick_media(self, _i: int) -> None:
        name = self.media.currentData()
        if name:
            self.chosen.emit(f"media:{name}")

    def _pick_people(self) -> None:
        if self.case is None:
            return
        now = set(self.ref.partition(":")[2].split(",")) if self.ref and self.ref.startswith("genogram:") else set()
        dialog = PeopleDialog(self.case, now or {self.case.meta.index_person}, self)
        if dialog.exec() and dialog.ref():
            self.chosen.emit(dialog.ref())
