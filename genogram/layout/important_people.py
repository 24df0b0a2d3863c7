"""Geometry of a child's "my important people" circles: the child in the middle, ring 1 closest.

Each person is a token: a round picture with their name (and the child's words) under it,
on a card that hides the ring line behind it. Tokens of one ring sit at equal angles on that
ring, interleaved with the ring inside; a ring grows outwards until no token touches another
token or the child's circle, and may stagger its tokens on two radii when that keeps it
smaller. Rings may be ovals (`aspect` = height / width) to use a tall page. Units are points;
(0, 0) is the centre; a ring's "radius" is its horizontal half-width.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model.records import ImportantPerson

#: A text measurer: width of `text` at `size` points in the bold or regular face.
Measure = Callable[[str, float, bool], float]

GAP = 5.0  # between tokens, and between a token and a circle
RADIUS_STEP = 3.0
MAX_WORD_LINES = 4
EMPTY_BAND = 0.45
OFFSETS = 12  # starting angles tried for each ring after the first  # an empty ring is a band this many token heights wide


@dataclass(frozen=True)
class Token:
    """One person: picture centred at (x, picture_y); name and words lines under it."""

    index: int  # into ImportantPeople.people
    ring: int
    x: float
    y: float  # top of the token
    width: float
    height: float
    picture: float  # the picture's diameter
    name_lines: tuple[str, ...]
    word_lines: tuple[str, ...]
    beside: bool = False  # the picture left of the name (compact), not above it

    @property
    def picture_centre(self) -> tuple[float, float]:
        if self.beside:
            return self.x - self.width / 2 + 4 + self.picture / 2, self.y + self.picture / 2
        return self.x, self.y + self.picture / 2

    @property
    def text_top(self) -> float:
        """Where the words start (the names sit beside the picture when `beside`)."""
        return self.y + self.picture + 6.0

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x - self.width / 2, self.y, self.x + self.width / 2, self.y + self.height)


@dataclass(frozen=True)
class CirclesLayout:
    size: float  # the type size the tokens were measured at
    centre_r: float
    ring_radii: tuple[float, ...]  # where ring 1, 2, … are drawn (horizontal half-widths)
    band_radii: tuple[float, ...]  # the outer edge of each ring's coloured band
    tokens: tuple[Token, ...]
    aspect: float = 1.0

    @property
    def radius(self) -> float:
        """Half the width of the whole drawing (its height is `aspect` times that)."""
        return self.band_radii[-1] if self.band_radii else self.centre_r


def wrap(text: str, width: float, size: float, bold: bool, measure: Measure,
         max_lines: int = MAX_WORD_LINES) -> tuple[str, ...]:
    """Greedy word wrap; a word longer than the width is kept whole (it is never cut)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and measure(trial, size, bold) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    lines += [cur] if cur else []
    if len(lines) > max_lines:
        raise ValueError(f"the words for this person are too long to print ({text[:30]}…); "
                         "keep them to a short sentence")
    return tuple(lines)


def _token_size(p: ImportantPerson, size: float, measure: Measure,
                beside: bool) -> tuple[float, float, float, tuple[str, ...], tuple[str, ...]]:
    picture = 2.2 * size
    text_w = 8.5 * size
    leading = 1.15 * size
    names = wrap(p.name.strip() or "Someone", text_w, size, True, measure, 1 if beside else 2)
    words = wrap(f"“{p.words.strip()}”", text_w, size, False, measure) if p.words.strip() else ()
    name_w = max(measure(t, size, True) for t in names)
    words_w = max([measure(t, size, False) for t in words] + [0.0])
    if beside:
        width = max(picture + 6.0 + name_w, words_w) + 8.0
        height = picture + 6.0 + leading * len(words)
    else:
        width = max(picture, name_w, words_w) + 8.0
        height = picture + 6.0 + leading * (len(names) + len(words))
    return width, height, picture, names, words


Rect = tuple[float, float, float, float]


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] + GAP and b[0] < a[2] + GAP and a[1] < b[3] + GAP and b[1] < a[3] + GAP


def _near(r: Rect, aspect: float = 1.0) -> float:
    """The nearest point of a rectangle to the centre, in ring units (y divided by `aspect`)."""
    dx = max(r[0], 0.0, -r[2])
    dy = max(r[1], 0.0, -r[3]) / aspect
    return math.hypot(dx, dy)


def _far(r: Rect, aspect: float = 1.0) -> float:
    return max(math.hypot(x, y / aspect) for x in (r[0], r[2]) for y in (r[1], r[3]))


def _rects(sizes: list[tuple[float, float]], radius: float, stagger: float, offset: float,
           aspect: float) -> list[Rect]:
    n = len(sizes)
    out = []
    for i, (w, h) in enumerate(sizes):
        a = offset + 2 * math.pi * i / n
        r = radius + (stagger if i % 2 else 0.0)
        cx, cy = r * math.sin(a), -r * aspect * math.cos(a)
        out.append((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    return out


def _fits(rects: list[Rect], placed: list[Rect], centre_r: float, aspect: float) -> bool:
    if any(_near(r, aspect) < centre_r + GAP for r in rects):
        return False
    if any(_overlap(a, b) for a in rects for b in placed):
        return False
    return not any(_overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1:])


def _ring(sizes: list[tuple[float, float]], start: float, placed: list[Rect], centre_r: float,
          aspect: float) -> tuple[float, float, list[Rect]]:
    """The smallest ring (its radius, stagger and tokens) from radius `start` outwards, turned
    to whichever of a few starting angles lets it sit closest between the rings inside."""
    best: tuple[float, float, list[Rect]] | None = None
    tall = max(h for _, h in sizes)
    staggers = (0.0, tall * 0.8 + GAP) if len(sizes) >= 6 else (0.0,)
    turns = 1 if not placed else OFFSETS
    tries = [(st, 2 * math.pi / len(sizes) * k / turns) for st in staggers for k in range(turns)]
    for stagger, offset in tries:
        radius = start
        while True:
            rects = _rects(sizes, radius, stagger, offset, aspect)
            if _fits(rects, placed, centre_r, aspect):
                break
            radius += RADIUS_STEP
        if best is None or max(_far(r, aspect) for r in rects) < max(_far(r, aspect) for r in best[2]):
            best = (radius, stagger, rects)
    assert best is not None
    return best


def layout_circles(people: tuple[ImportantPerson, ...] | list[ImportantPerson], centre_r: float,
                   size: float, measure: Measure, aspect: float = 1.0,
                   beside: bool = False) -> CirclesLayout:
    """Place everyone on their ring around the child's circle of radius `centre_r`; `beside`
    puts each picture left of the name, which takes less room for many people."""
    rings = max([max(1, p.ring) for p in people] + [3])
    measured = [_token_size(p, size, measure, beside) for p in people]
    tall = max([m[1] for m in measured] + [3.0 * size])
    tokens: list[Token] = []
    placed: list[Rect] = []
    radii: list[float] = []
    start = centre_r + GAP + tall * 0.5
    for ring in range(1, rings + 1):
        members = [i for i, p in enumerate(people) if max(1, p.ring) == ring]
        if not members:
            radii.append(start)
            start += tall * EMPTY_BAND + GAP
            continue
        radius, stagger, rects = _ring([(measured[i][0], measured[i][1]) for i in members], start,
                                       placed, centre_r, aspect)
        for i, r in zip(members, rects):
            w, h, pic, names, words = measured[i]
            tokens.append(Token(i, ring, (r[0] + r[2]) / 2, r[1], w, h, pic, names, words, beside))
        placed += rects
        radii.append(radius + stagger / 2)
        start = radius + stagger + max(tall * 0.1, 0.5 * size)
    outer = max([_far(t.rect, aspect) for t in tokens] + [radii[-1] + tall * EMPTY_BAND]) + GAP
    bands = [(a + b) / 2 for a, b in itertools.pairwise(radii)] + [outer]
    return CirclesLayout(size, centre_r, tuple(radii), tuple(bands),
                         tuple(sorted(tokens, key=lambda t: t.index)), aspect)


def overlaps(layout: CirclesLayout) -> list[tuple[int, int]]:
    """Pairs of tokens that touch (for tests and checks): should always be empty."""
    ts = layout.tokens
    return [(a.index, b.index) for i, a in enumerate(ts) for b in ts[i + 1:] if _overlap(a.rect, b.rect)]


def inside(layout: CirclesLayout) -> list[int]:
    """Tokens that reach into the child's circle or out of the outermost band (should be none)."""
    a = layout.aspect
    return [t.index for t in layout.tokens
            if _near(t.rect, a) < layout.centre_r or _far(t.rect, a) > layout.radius]
