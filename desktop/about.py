"""About Kinscape: our licence, and the licence of every bundled font, picture and data file."""
from __future__ import annotations

from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

INTRO = (
    "Kinscape helps people who work with children and families draw genograms and ecomaps, "
    "hear the child through direct work, and write plans in language that cares. "
    "Everything stays on this computer: Kinscape makes no network connections."
)
OUR_LICENCE = ("Kinscape's own code is free software under the Apache License, version 2.0. "
               "Bundled fonts, pictures and data keep their own licences, listed below.")
NO_ASSETS = "This copy of Kinscape has no bundled fonts, pictures or data files."


def app_version() -> str:
    try:
        return version("kinscape")
    except PackageNotFoundError:
        return "development version"


def bundled_licences() -> str | None:
    """resources/LICENSES.md as Markdown, or None when this build has no bundled assets."""
    try:
        entry = resources.files("resources").joinpath("LICENSES.md")
        return entry.read_text(encoding="utf-8") if entry.is_file() else None
    except (ModuleNotFoundError, OSError, UnicodeDecodeError):
        return None


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Kinscape")
        self.setAccessibleName("About Kinscape")
        heading = QLabel(f"<h2>Kinscape</h2><p>Version {app_version()}</p>", self)
        intro = QLabel(f"<p>{INTRO}</p><p>{OUR_LICENCE}</p>", self)
        intro.setWordWrap(True)
        self.licences = QTextBrowser(self)
        self.licences.setAccessibleName("Licences of bundled fonts, pictures and data")
        self.licences.setOpenExternalLinks(False)
        self.licences.setOpenLinks(False)  # no network: links are shown, not followed
        text = bundled_licences()
        if text is None:
            self.licences.setPlainText(NO_ASSETS)
        else:
            self.licences.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 30)
