"""Notation: the one place that decides how every fact is drawn, as backend-neutral glyphs.

`notation.genogram.genogram_glyphs(case, layout)` draws a genogram,
`notation.legend.legend_glyphs(case)` its key of only the symbols used, and
`notation.styles` is the one table of how everything looks. Nothing is imported here, so
the layout can use `notation.metrics` without pulling in the drawing code.
"""
