"""Export the genogram as PDF, SVG or PNG from the window, and print it.

Export calls the same `genogram.export` the command line uses, so a file saved from the window
is the file `genogram export` writes. Printing paints the printout's glyphs (title, drawing,
key; private people masked as the case asks) with QPainter onto the printer's page, fitted.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from genogram.export.genogram_export import ExportOptions, render_genogram, sheet_glyphs
from genogram.layout.genogram import layout_genogram
from genogram.model import Case
from genogram.notation.geometry import bounds
from genogram.storage.atomic import write_bytes_atomic

from .. import savepath
from .qtpainter import paint_glyphs

FORMAT_NAMES = {"pdf": "PDF document", "svg": "SVG drawing", "png": "PNG picture"}
MAX_PRINT_SCALE = 1.6  # a small family is not blown up to poster size


class ExportDialog(QDialog):
    """Paper, orientation, one page or tiled (PDF); resolution (PNG)."""

    def __init__(self, fmt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.setWindowTitle(f"Export genogram as {FORMAT_NAMES[fmt]}")
        form = QFormLayout(self)
        self.paper = self._combo("Paper size", [("A4", "A4"), ("A3", "A3")])
        self.orientation = self._combo("Orientation", [("Landscape", "landscape"),
                                                       ("Portrait", "portrait")])
        self.pages = self._combo("Pages", [("Fit on one page", "fit"),
                                           ("Full size, across several pages", "tile")])
        self.dpi = QSpinBox(self)
        self.dpi.setAccessibleName("Resolution in dots per inch")
        self.dpi.setRange(72, 600)
        self.dpi.setSingleStep(50)
        self.dpi.setValue(150)
        self.dpi.setSuffix(" dpi")
        if fmt == "pdf":
            form.addRow("Paper", self.paper)
            form.addRow("Orientation", self.orientation)
            form.addRow("Pages", self.pages)
        if fmt == "png":
            form.addRow("Resolution", self.dpi)
        if fmt == "svg":
            form.addRow("The drawing with its title and key, to open in any browser.", None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        for text, value in items:
            box.addItem(text, value)
        return box

    def options(self) -> ExportOptions:
        return ExportOptions(paper=self.paper.currentData(), orientation=self.orientation.currentData(),
                             pages=self.pages.currentData(), dpi=float(self.dpi.value()))


def export_file(case: Case, fmt: str, opts: ExportOptions, path: str) -> None:
    """Write the export atomically: a failure never leaves half a file behind."""
    data = render_genogram(case, layout_genogram(case), fmt, opts)
    write_bytes_atomic(path, data)


def print_genogram(case: Case, printer: QPrinter) -> int:
    """Paint the printout on `printer`, fitted to one page. Returns the pages printed."""
    glyphs = sheet_glyphs(case, layout_genogram(case))
    x0, y0, x1, y1 = bounds(glyphs)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        pts_to_px = printer.resolution() / 72.0
        w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        scale = min(page.width() / (w * pts_to_px), page.height() / (h * pts_to_px), MAX_PRINT_SCALE)
        painter.translate(page.width() / 2 - w * pts_to_px * scale / 2, 0.0)
        painter.scale(pts_to_px * scale, pts_to_px * scale)
        painter.translate(-x0, -y0)
        paint_glyphs(painter, glyphs)
    finally:
        painter.end()
    return 1


def default_printer() -> QPrinter:
    """The system's printer, landscape to start with: families are wider than tall."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def pdf_printer(path: str) -> QPrinter:
    """A printer that writes a PDF (for tests and for "print to file" without a dialog)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    return printer




class GenogramPrinting(QObject):
    """The Genogram tab's File actions: export as PDF, SVG or PNG, and print.

    `run_dialog`, `choose_export_path` and `confirm_replace` (may the extension added to the
    chosen name replace the file of that name?) are replaceable so tests answer without a modal."""

    def __init__(self, parent: QWidget, case_of: Callable[[], Case | None],
                 say: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.case_of = case_of
        self.say = say
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        self.choose_export_path: Callable[[str, str], str | None] = self._choose_export_path
        self.confirm_replace: savepath.Confirm = lambda path: savepath.replace_with_box(path, parent)
        self.actions: list[QAction] = []
        for fmt, text in (("pdf", "Export genogram as &PDF…"), ("svg", "Export genogram as &SVG…"),
                          ("png", "Export genogram as P&NG…")):
            action = QAction(text, parent)
            action.setObjectName(f"export_{fmt}")
            action.setStatusTip(f"Save the genogram with its title and key as a {FORMAT_NAMES[fmt]}")
            action.triggered.connect(lambda _c=False, f=fmt: self.export(f))
            self.actions.append(action)
        printing = QAction("&Print genogram…", parent)
        printing.setObjectName("print")
        printing.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        printing.setStatusTip("Print the genogram on one page")
        printing.triggered.connect(lambda _c=False: self.print_dialog())
        self.actions.append(printing)

    def _case(self, doing: str) -> Case | None:
        case = self.case_of()
        if case is None or not case.family.people():
            self.say(f"There is nobody in the genogram yet, so there is nothing to {doing}.")
            return None
        return case

    def export(self, fmt: str) -> bool:
        case = self._case("export")
        if case is None:
            return False
        dialog = ExportDialog(fmt, self.parent_widget)
        if not self.run_dialog(dialog):
            return False
        chosen = self.choose_export_path(fmt, f"{_stem(case.meta.title)} genogram.{fmt}")
        if not chosen:
            return False
        path = savepath.with_suffix(chosen, f".{fmt}", self.confirm_replace)
        if path is None:
            self.say(savepath.kept(chosen, f".{fmt}"))
            return False
        try:
            export_file(case, fmt, dialog.options(), path)
        except OSError as exc:
            self.say(f"The genogram could not be saved there ({exc.strerror or exc}).")
            return False
        self.say(f"Saved the genogram as {path}")
        return True

    def print_dialog(self, printer: QPrinter | None = None) -> bool:
        case = self._case("print")
        if case is None:
            return False
        printer = printer or default_printer()
        if not self.run_dialog(QPrintDialog(printer, self.parent_widget)):
            return False
        try:
            print_genogram(case, printer)
        except OSError as exc:
            self.say(f"The genogram could not be printed ({exc}).")
            return False
        return True

    def _choose_export_path(self, fmt: str, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Export the genogram", suggested,
                                              f"{fmt.upper()} files (*.{fmt})")
        return path or None


def _stem(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title or "Genogram")
    return " ".join(keep.split())[:60] or "Genogram"
