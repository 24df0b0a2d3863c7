"""What the four direct-work pages share: the host that pushes edits, prints, and asks for paths.

Pages never change the case themselves: they build a model edit and hand it to `Host.push`,
which makes it one undo step on the case's stack with a text a person understands. Printing
builds the whole PDF in memory first, so a refused reader or a bad page leaves no file behind.
The file chooser and the message box are plain attributes, so tests can answer them.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from genogram.media import MediaError, clean_picture
from genogram.model import Edit, ModelError
from genogram.model.dates import DateError, FuzzyDate
from genogram.model.edits import Compound, Delete, Put, SetMedia  # noqa: F401 - Put, Delete: for the pages

from .. import savepath

# A warm, calm palette: cream paper, soft ink, the house colours of the printed sheets.
PAPER = "#fbf6ee"
CARD = "#fffdf9"
INK = "#3b3a36"
MUTED = "#6f6a60"
LINE = "#e4d9c8"
ACCENT = "#b5651d"
WARN = "#9a4a12"
DISABLED = "#726b60"  # a greyed button's words: quieter than INK, still readable (4.5:1)
HOUSE_COLOURS = {"worries": ("#5b6c8f", "#e3e8f3"), "good_things": ("#b5651d", "#fde9c9"),
                 "dreams": ("#7b4a8a", "#efe0f1")}
COLUMN_COLOURS = {"worried": ("#5b6c8f", "#e8ecf5"), "well": ("#3f7d4e", "#e4f1e6"),
                  "happen": ("#b5651d", "#fbead4")}

STYLE = f"""
QWidget#DirectWork, QWidget#DirectWorkPage, QWidget#DirectWork QScrollArea {{ background: {PAPER}; color: {INK}; }}
QWidget#DirectWork QListWidget, QWidget#DirectWork QTableWidget, QWidget#DirectWork QLineEdit,
QWidget#DirectWork QPlainTextEdit, QWidget#DirectWork QComboBox, QWidget#DirectWork QSpinBox {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 3px; }}
QWidget#DirectWork QListWidget#Sidebar {{ background: #f4ead9; border: none; padding: 6px; }}
QWidget#DirectWork QListWidget#Sidebar::item {{ padding: 10px 8px; border-radius: 8px; }}
QWidget#DirectWork QListWidget#Sidebar::item:selected {{ background: {CARD}; color: {INK};
    border: 1px solid {LINE}; }}
QWidget#DirectWork QPushButton {{ background: {CARD}; border: 1px solid #d8c6ab; border-radius: 8px;
    padding: 5px 12px; }}
QWidget#DirectWork QPushButton:hover {{ background: #fff4e3; }}
QWidget#DirectWork QPushButton:focus, QWidget#DirectWork QLineEdit:focus,
QWidget#DirectWork QPlainTextEdit:focus, QWidget#DirectWork QListWidget:focus,
QWidget#DirectWork QTableWidget:focus, QWidget#DirectWork QComboBox:focus {{
    border: 2px solid {ACCENT}; }}
QWidget#DirectWork QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border: none; }}
QWidget#DirectWork QPushButton:disabled {{ background: #f6f0e6; color: {DISABLED}; border-color: {LINE}; }}
QWidget#DirectWork QPushButton[primary="true"]:disabled {{ background: #ead7bf; color: #6b5a45; }}
QWidget#DirectWork QLabel[role="hint"] {{ color: {MUTED}; }}
QWidget#DirectWork QLabel[role="problem"] {{ color: {WARN}; }}
QWidget#DirectWork QListWidget::item:selected, QWidget#DirectWork QTableWidget::item:selected {{
    background: #f3d9b5; color: {INK}; }}
QWidget#DirectWork QHeaderView::section {{ background: #f4ead9; border: none; padding: 4px; }}
"""


class Page(QWidget):
    """A tool page that follows the case only while it is on screen.

    Edits elsewhere (the genogram, undo) mark a hidden page stale; it catches up when it is
    shown or printed, so drawing the genogram never waits for four direct-work pages.
    """

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._stale = True
        host.changed.connect(self._case_changed)

    def refresh(self) -> None:  # pragma: no cover - every page has its own
        raise NotImplementedError

    def _case_changed(self) -> None:
        if self.isVisible() or self.host.own_edit:
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def fresh(self) -> None:
        """Catch up now if the case changed while this page was hidden."""
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        self.fresh()


class Host(QObject):
    """The open document as the pages see it: push an edit, print, ask, tell."""

    changed = Signal()  # the case changed (coalesced: once per burst of edits)
    message = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._widget = parent
        self.document: Any = None
        self.case: Any = None
        self.own_edit = False  # True while the pages follow an edit made on one of them
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.changed.emit)
        # Replaceable in tests: (caption, suggested path, filter) -> path or None; a sentence -> None.
        self.choose_path: Callable[[str, str, str], str | None] = self._choose_with_dialog
        self.report: Callable[[str], None] = self._box
        self.choose_open: Callable[[str, str], str | None] = self._open_with_dialog
        self.confirm_replace: savepath.Confirm = lambda path: savepath.replace_with_box(path, parent)

    def set_document(self, doc: Any) -> None:
        if self.case is not None:
            self.case.events.disconnect(self._on_change)
        self.document, self.case = doc, (doc.case if doc is not None else None)
        if self.case is not None:
            self.case.events.connect(self._on_change)
        self.changed.emit()

    def _on_change(self, _change: Any) -> None:
        self._timer.start()

    def push(self, edit: Edit, text: str) -> bool:
        """One undo step; a refused edit is said in one sentence and nothing changes."""
        if self.document is None:
            return False
        try:
            self.document.push(edit, text)
        except (ModelError, ValueError) as exc:
            self.report(sentence(str(exc)))
            return False
        self._timer.stop()  # our own edit: every page follows at once, not a moment later
        self.own_edit = True
        try:
            self.changed.emit()
        finally:
            self.own_edit = False
        self.message.emit(text)
        return True

    def push_all(self, edits: list[Edit], text: str) -> bool:
        """Several edits as one undo step (a picture and the entry that shows it)."""
        return self.push(Compound(list(edits), text), text)

    def new_id(self, prefix: str) -> str:
        return str(self.case.new_id(prefix))

    def child_name(self, child: str | None) -> str:
        case = self.case
        if case is not None and child and case.family.has_person(child):
            return str(case.meta.preferred_names.get(child) or case.family.person(child).short_name)
        return "the child"

    def write_pdf(self, caption: str, stem: str, make: Callable[[], bytes]) -> str | None:
        """Ask where, build the PDF in memory, then write it; a refusal writes nothing."""
        folder = self.document.path.parent if self.document is not None and self.document.path else Path.home()
        path = self.choose_path(caption, str(folder / f"{_safe(stem)}.pdf"), "PDF (*.pdf)")
        if not path:
            return None
        chosen = path
        path = savepath.with_suffix(chosen, ".pdf", self.confirm_replace)
        if path is None:  # the user kept the file "NAME.pdf" that the added extension names
            self.message.emit(savepath.kept(chosen, ".pdf"))
            return None
        try:
            data = make()
        except (ValueError, KeyError) as exc:
            self.report(sentence(str(exc).strip("'\"")))
            return None
        try:
            tmp = f"{path}.part"
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            self.report(f"The PDF could not be written to {path} ({exc.strerror or exc}).")
            return None
        self.message.emit(f"Printed to {Path(path).name}")
        return path

    def _choose_with_dialog(self, caption: str, suggested: str, filt: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self._widget, caption, suggested, filt)
        return path or None

    def _open_with_dialog(self, caption: str, filt: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self._widget, caption, str(Path.home()), filt)
        return path or None

    def picture_edit(self, data: bytes, stem: str) -> tuple[Edit, str] | None:
        """A SetMedia for the picture with its metadata stripped, and its "media:NAME" ref."""
        try:
            clean, ext = clean_picture(data)
        except MediaError as exc:
            self.report(sentence(str(exc)))
            return None
        taken = set(self.case.media_names())
        n = 1
        while f"{stem}-{n}.{ext}" in taken:
            n += 1
        name = f"{stem}-{n}.{ext}"
        return SetMedia(name, clean, f"Add the picture {name}"), f"media:{name}"

    def _box(self, text: str) -> None:
        QMessageBox.information(self._widget, "Direct work", text)


def sentence(text: str) -> str:
    text = text.strip() or "That change could not be made."
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _safe(stem: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_'’" else " " for c in stem)
    return " ".join(keep.split())[:60] or "direct work"


def parse_date(text: str, what: str = "date") -> FuzzyDate | None:
    """'' -> None; "2026-11-08", "2026-11", "2026", "about 1980" -> a date; else ValueError."""
    t = text.strip()
    if not t:
        return None
    try:
        return FuzzyDate.parse(t)
    except DateError:
        raise ValueError(f"“{t}” is not a {what} Kinscape understands: write 2026-11-08, 2026-11, "
                         "2026 or “about 2019”") from None


def date_text(d: FuzzyDate | None) -> str:
    return d.iso() if d is not None else ""


def label(text: str, buddy: QWidget | None = None, role: str = "") -> QLabel:
    """A label; with a buddy its &mnemonic moves the keyboard to that field."""
    lab = QLabel(text)
    if buddy is not None:
        lab.setBuddy(buddy)
    if role:
        lab.setProperty("role", role)
        lab.setWordWrap(True)
    return lab


def heading(text: str, scale: float = 1.35, colour: str = INK) -> QLabel:
    """A bold heading; its size follows the tab's text size (see `style`)."""
    lab = QLabel(text)
    lab.setProperty("role", "heading" if scale >= 1.25 else "subheading")
    lab.setStyleSheet(f"color: {colour};")
    return lab


def style(points: float) -> str:
    """The tab's style sheet with every text at `points` (headings larger), so Ctrl+= scales it all.

    Font sizes live in the style sheet because a style-sheeted widget stops inheriting setFont().
    """
    return STYLE + f"""
QWidget#DirectWork QWidget {{ font-size: {points:.1f}pt; }}
QWidget#DirectWork QLabel[role="heading"] {{ font-size: {points * 1.3:.1f}pt; font-weight: bold; }}
QWidget#DirectWork QLabel[role="subheading"] {{ font-size: {points * 1.1:.1f}pt; font-weight: bold; }}
"""


def row(*widgets: QWidget | None, stretch_last: bool = True) -> QHBoxLayout:
    lay = QHBoxLayout()
    for w in widgets:
        if w is None:
            lay.addStretch(1)
        else:
            lay.addWidget(w)
    if stretch_last and widgets and widgets[-1] is not None:
        lay.addStretch(1)
    return lay


def able(button: QWidget, ok: bool, tip: str, need: str) -> None:
    """Enable `button` only while it can act; its tooltip says what it does, or, while it is
    greyed, what to do first (one sentence)."""
    button.setEnabled(ok)
    button.setToolTip(tip if ok else need)


def card(colour: str = CARD, border: str = LINE) -> QFrame:
    frame = QFrame()
    frame.setObjectName("Card")
    frame.setStyleSheet(f"QFrame#Card {{ background: {colour}; border: 1px solid {border}; "
                        "border-radius: 12px; }")
    frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return frame


def warm_palette(widget: QWidget) -> None:
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(PAPER))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#f3d9b5"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(INK))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)


def people_choices(case: Any, child: str | None) -> list[tuple[str, str]]:
    """(name as the family says it, id) for everyone named in the genogram, the child first."""
    if case is None:
        return []
    out = []
    for p in case.family.people():
        if not (p.given or p.known_as or p.family_name):
            continue
        out.append((p.short_name or p.display_name, p.id))
    out.sort(key=lambda t: (t[1] != child, t[0].casefold()))
    return out


ALIGN_TOP = Qt.AlignmentFlag.AlignTop


class WrapDelegate(QStyledItemDelegate):
    """List items drawn as wrapped text (and an icon), as tall as their words need.

    Qt's own list items, under a style sheet, work out their height at one width and paint at
    another, so a child's words could end in "…"; here both use the same width.
    """

    PAD = 8

    @staticmethod
    def _room(view: Any) -> int:
        """The list's inner width as if its scroll bar were showing, so an entry is measured
        and painted at the same width whether or not the bar has appeared yet."""
        return int(view.width() - 2 * view.frameWidth() - view.verticalScrollBar().sizeHint().width())

    def _text_width(self, view: Any, index: QModelIndex) -> int:
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        used = view.iconSize().width() + self.PAD if icon is not None else 0
        return max(self._room(view) - 2 * view.spacing() - 2 * self.PAD - used - 4, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        fm = QFontMetrics(view.font())
        text = str(index.data() or "")
        r = fm.boundingRect(QRect(0, 0, self._text_width(view, index), 100000),
                            int(Qt.TextFlag.TextWordWrap), text)
        icon_h = view.iconSize().height() if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
        return QSize(self._room(view) - 2 * view.spacing(), max(r.height(), icon_h) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = self.parent()
        painter.save()
        r = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(view.property("selectedFill") or "#f3d9b5"))
            painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), 8, 8)
        else:
            painter.setPen(QColor(view.property("lineColour") or LINE))
            painter.drawLine(r.bottomLeft() + QPoint(self.PAD, 0), r.bottomRight() - QPoint(self.PAD, 0))
        x = r.left() + self.PAD
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None:
            size = view.iconSize()
            pix = icon.pixmap(size)
            painter.drawPixmap(x, r.top() + self.PAD, pix)
            x += size.width() + self.PAD
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(brush.color() if brush is not None else QColor(INK))
        painter.setFont(view.font())
        painter.drawText(QRect(x, r.top() + self.PAD, self._text_width(view, index), r.height() - 2 * self.PAD),
                         int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         str(index.data() or ""))
        if option.state & QStyle.StateFlag.State_HasFocus and view.hasFocus():
            painter.setPen(QPen(QColor(ACCENT), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(2, 2, -2, -2), 8, 8)
        painter.restore()


class _Relayout(QObject):
    """Lays a wrapped list out again when its font changes (the style sheet is applied to a
    hidden list only when it is first shown, after its entries were measured).

    The timer is a child of the list, so a list deleted before it fires takes it along (a
    window closed just after its tabs were built), and font changes in a row lay out once."""

    def __init__(self, view: QObject) -> None:
        super().__init__(view)
        self._timer = QTimer(view, singleShot=True, interval=0)
        self._timer.timeout.connect(view.doItemsLayout)  # type: ignore[attr-defined]

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if e.type() == QEvent.Type.FontChange:
            self._timer.start()
        return False


def wrapped_list(view: Any, selected_fill: str = "#f3d9b5", line: str = LINE) -> None:
    """Make a QListWidget show whole, wrapped entries (see WrapDelegate)."""
    view.installEventFilter(_Relayout(view))
    view.setProperty("selectedFill", selected_fill)
    view.setProperty("lineColour", line)
    view.setItemDelegate(WrapDelegate(view))
    view.setResizeMode(view.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(view.ScrollMode.ScrollPerPixel)
