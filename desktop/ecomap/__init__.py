"""The Ecomap tab: dated snapshots drawn with the printed glyphs, an inspector, a compare view
and the child's "my important people" editor."""
from .tab import EcomapTab

__all__ = ["EcomapTab"]
