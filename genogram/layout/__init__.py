"""Layout: pure functions from the model (and the user's hints) to geometry in points."""
from .focus import focus_people
from .genogram import layout_genogram
from .jsonview import layout_json
from .types import Box, GenogramLayout, PersonPlace, UnionPlace

__all__ = ["Box", "GenogramLayout", "PersonPlace", "UnionPlace", "focus_people",
           "layout_genogram", "layout_json"]
