"""The full key of the notation as a PNG, for docs/notation.md and for teaching.

    python -m genogram.export.legend_image docs/images/notation-legend.png
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

from ..notation.legend import all_entries, entries_glyphs
from .png import glyphs_to_png

WIDTH = 560.0  # points: two columns
DPI = 96.0


def full_legend_png(dpi: float = DPI, width: float = WIDTH) -> bytes:
    """The key of every symbol; reduced to a small palette so the file stays small."""
    image = Image.open(io.BytesIO(glyphs_to_png(entries_glyphs(all_entries(), width), dpi=dpi)))
    out = io.BytesIO()
    image.quantize(colors=255, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True, dpi=(dpi, dpi))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m genogram.export.legend_image OUT.png", file=sys.stderr)
        return 2
    Path(args[0]).write_bytes(full_legend_png())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
