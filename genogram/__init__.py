"""Kinscape core: the case model, notation, layout, language checks, storage and export.

Pure Python: nothing below this package imports Qt (an import-linter contract checks it).
"""

__version__ = "0.1.0"
