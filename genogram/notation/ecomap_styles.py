"""How every ecomap fact looks, in Hartman's (1978) conventions: the one table for all backends.

strong: three parallel lines; moderate: one solid line; tenuous: dashed; stressful: zigzag;
broken or cut off: a line broken in the middle with a bar each side of the gap. Stress on a
line of any other strength adds cross-hatching. Energy runs along arrows: toward the family,
away from it, or both ways. Strokes, dashes and arrow sizes are the genogram's own
(`styles.py`), so the two diagrams read as one notation.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Energy, Quality
from .styles import ARROW_HALF_WIDTH, ARROW_LENGTH, DASHED, INK, MUTED, PAPER, Stroke


@dataclass(frozen=True)
class ConnectionStyle:
    stroke: Stroke
    label: str  # for the key, in plain words


CONNECTION_STYLES: dict[Quality, ConnectionStyle] = {
    Quality.STRONG: ConnectionStyle(Stroke(INK, 1.3, (), "triple", 3.2), "Strong"),
    Quality.MODERATE: ConnectionStyle(Stroke(INK, 1.5), "Moderate"),
    Quality.TENUOUS: ConnectionStyle(Stroke(INK, 1.4, DASHED), "Weak or tenuous"),
    Quality.STRESSFUL: ConnectionStyle(Stroke(INK, 1.3, (), "zigzag", 3.5), "Stressful"),
    Quality.BROKEN: ConnectionStyle(Stroke(INK, 1.5, (), "cut"), "Broken or cut off"),
}

#: Stress overlaid on a line of any strength: short bars across it (Hartman's hatching).
#: Vermilion from the Okabe–Ito set; the marks themselves carry the meaning, not the colour.
HATCH = Stroke("#D55E00", 1.6)
HATCH_LABEL = "Stress on the connection"
HATCH_EVERY = 9.0  # points between two hatch marks along the line
HATCH_HALF = 5.5  # each mark reaches this far either side of the line
HATCH_SPAN = 0.6  # the middle of the line's free part carries the marks …
HATCH_MAX = 6  # … but never more than this many, however long the line

ENERGY_LABELS: dict[Energy, str] = {
    Energy.NONE: "",
    Energy.TO_FAMILY: "Energy or help flows to the family",
    Energy.FROM_FAMILY: "The family gives energy to it",
    Energy.BOTH: "Energy flows both ways",
}
ENERGY_ARROW_LENGTH = ARROW_LENGTH + 2.0
ENERGY_ARROW_HALF = ARROW_HALF_WIDTH + 1.5

# ---- circles and words ------------------------------------------------------------------------
CENTRE_STROKE = Stroke(INK, 2.0)
CENTRE_FILL = PAPER
CENTRE_TITLE_SIZE = 11.0
SYSTEM_STROKE = Stroke(INK, 1.2)
PINNED_MARK = MUTED  # nothing drawn yet: placement is the user's, not a fact about the family
NOTE_BADGE_R = 6.5  # the numbered dot on a line whose note is listed under the drawing
NOTE_BADGE_FILL = "#FFFFFF"
PERSON_LABEL_SIZE = 8.5  # a person's name on a line that is theirs alone
NOTE_SIZE = 9.0
NOTE_LEADING = 12.0
NOTE_LIST_TITLE = "What helps and what is hard"
HELPS_WORD = "Helps:"
HARD_WORD = "Hard:"
LEGEND_SAMPLE = 54.0  # length of a sample line in the key
HOUSEHOLD_SCALE = 0.8  # the small genogram inside the centre circle
CENTRE_LEAVES_OUT = ("household", "household-name", "bond")  # genogram groups not drawn inside the centre
