"""Writers of glyphs and documents: SVG, PNG (Pillow), PDF (reportlab), DOCX.

Painters here are thin: they turn `genogram.notation` glyphs into drawing calls and decide
nothing about what a symbol means.
"""
