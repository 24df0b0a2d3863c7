"""Maintainer script: rasterise every bundled OpenMoji pictogram to a 144 px PNG.

The PNG export draws with Pillow, which cannot read SVG, so it uses these pre-rasterised
copies (resources/pictograms/png/CODE.png). Run this again after adding or changing a
pictogram, and commit the PNGs. It uses PySide6's QtSvg, which is fine here: this script is
not part of the core.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/rasterise_pictograms.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent / "resources" / "pictograms"
SIZE = 144


def rasterise(svg: Path, out: Path, size: int = SIZE) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg.name} is not a readable SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    dest = ROOT / "png"
    dest.mkdir(exist_ok=True)
    svgs = sorted((ROOT / "openmoji").glob("*.svg"))
    for svg in svgs:
        rasterise(svg, dest / f"{svg.stem}.png")
    print(f"wrote {len(svgs)} pictograms at {SIZE} px to {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
