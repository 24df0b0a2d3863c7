"""Export the genogram as PDF, SVG or PNG from the window, and print it.

Export calls the same `genogram.export` the command line uses, so a file saved from the window
is the file `genogram export` writes. Printing paints the printout's glyphs (title, drawing,
key; private people masked as the case asks) with QPainter onto the printer's page, fitted.
"""
from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from genogram.export.genogram_export import ExportOptions, render_genogram, sheet_glyphs
from genogram.layout.genogram import layout_genogram
from genogram.model import Case
from genogram.notation.geometry import bounds
from genogram.storage.atomic import write_bytes_atomic

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


