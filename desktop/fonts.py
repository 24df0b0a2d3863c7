"""Bundled fonts: the app looks the same on every machine, and names in any script show.

Every TTF in `resources/fonts` is registered from memory (read with importlib.resources, so it
works from a wheel or a zip). Andika, designed for literacy, becomes the app font at the
system's own size, so text still follows the user's font-size setting.
"""
from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

PRIMARY_FAMILY = "Andika"
FALLBACK_FAMILY = "DejaVu Sans"  # covers Greek and other scripts Andika lacks


def register_bundled_fonts() -> list[str]:
    """Register every bundled TTF; return the families that loaded."""
    families: list[str] = []
    try:
        folder = resources.files("resources").joinpath("fonts")
        entries = sorted(folder.iterdir(), key=lambda e: e.name) if folder.is_dir() else []
    except (ModuleNotFoundError, OSError):
        return families
    for entry in entries:
        if not entry.name.lower().endswith((".ttf", ".otf")):
            continue
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        if font_id >= 0:
            loaded = QFontDatabase.applicationFontFamilies(font_id)
            families += [f for f in loaded if f not in families]
    return families


def apply_app_font(app: QApplication, families: list[str]) -> None:
    """Use Andika (with DejaVu Sans behind it) at the system's size, when bundled."""
    if PRIMARY_FAMILY not in families:
        return
    font = QFont(app.font())  # keeps the system point size
    chain = [PRIMARY_FAMILY] + ([FALLBACK_FAMILY] if FALLBACK_FAMILY in families else [])
    font.setFamilies(chain)
    app.setFont(font)
