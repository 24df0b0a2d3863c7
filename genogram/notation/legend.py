"""The key: one entry for each symbol the drawing uses, and no others.

Each sample is drawn by the same primitives as the genogram (`draw.py`), so the key cannot
disagree with the drawing.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import BondKind, Case, ChildKind, Gender, PersonKind, UnionKind
from . import draw
from . import styles as S
from .genogram import hidden_people, omitted_people
from .glyphs import Glyph, Group, Line, Text
from .metrics import text_width

SampleFn = Callable[[float, float], list[Glyph]]  # draws a sample centred at (cx, cy)
W = S.LEGEND_SAMPLE_WIDTH


@dataclass(frozen=True)
class Entry:
    key: str  # stable name, e.g. "union:divorced"
    label: str
    sample: SampleFn


def _person(gender: Gender, kind: PersonKind = PersonKind.PERSON, dead: bool = False,
            index: bool = False, age: str = "") -> SampleFn:
    size = S.LEGEND_SYMBOL if kind is PersonKind.PERSON else S.LEGEND_SYMBOL * 0.8
    if index:
        size -= 2 * S.INDEX_GAP  # the second outline keeps within the row
    return lambda cx, cy: draw.person_symbol(cx, cy, size, gender, kind, dead, index, age)


def _union(kind: UnionKind) -> SampleFn:
    def sample(cx: float, cy: float) -> list[Glyph]:
        pts = ((cx - W / 2 + 2, cy - 5), (cx - W / 2 + 2, cy + 3), (cx + W / 2 - 2, cy + 3), (cx + W / 2 - 2, cy - 5))
        return draw.union_line(kind, pts, cx)
    return sample


def _child(kind: ChildKind) -> SampleFn:
    def sample(cx: float, cy: float) -> list[Glyph]:
        out = draw.child_line(kind, ((cx - 10, cy - 7), (cx - 10, cy + 7)))
        if S.CHILD_STYLES[kind].brackets:
            out += draw.person_symbol(cx + 6, cy, 8.0, Gender.MALE)[:1]
            out += draw.adoption_brackets(cx + 6, cy, 8.0)
        return out
    return sample


def _twins(identical: bool) -> SampleFn:
    def sample(cx: float, cy: float) -> list[Glyph]:
        top, bottom = cy - 6, cy + 6
        out: list[Glyph] = [Line(((cx, top), (cx - 8, bottom)), S.INK, 1.2), Line(((cx, top), (cx + 8, bottom)), S.INK, 1.2)]
        if identical:
            out.append(Line(((cx - 4, cy), (cx + 4, cy)), S.INK, 1.2))
        return out
    return sample


def _bond(kind: BondKind, directed: bool) -> SampleFn:
    return lambda cx, cy: draw.bond_line(kind, ((cx - W / 2 + 2, cy), (cx + W / 2 - 2, cy)), directed)


def _household(cx: float, cy: float) -> list[Glyph]:
    return draw.household_outline(cx - W / 2 + 2, cy - 6, cx + W / 2 - 2, cy + 6, "")


def legend_entries(case: Case, hide_private: bool = False) -> list[Entry]:
    """The entries the drawing needs, in a fixed order: people, partnerships, children, bonds.
    With `hide_private`, what is shown only for private people is not explained either."""
    fam = case.family
    hidden = hidden_people(case, hide_private)
    omitted = omitted_people(case, hide_private)  # private losses: not drawn at all
    people = [p for p in fam.people() if p.id not in omitted]
    drawn = {p.id for p in people}
    born = [p for p in people if p.kind is PersonKind.PERSON]
    shown = [p for p in born if p.id not in hidden]
    out: list[Entry] = []
    for g in Gender:
        if any(p.gender is g for p in born):
            out.append(Entry(f"gender:{g.value}", S.GENDER_LABELS[g], _person(g)))
    if any(case.age_of(p.id) is not None for p in shown):
        out.append(Entry("age", f"Age as at {_as_at(case)} (at death if died)", _person(Gender.MALE, age="7")))
    if any(p.is_dead for p in shown):
        out.append(Entry("deceased", "Died (age at death inside)", _person(Gender.MALE, dead=True)))
    if case.index_person() is not None:
        out.append(Entry("index", "The child this work is about", _person(Gender.FEMALE, index=True)))
    for k in (PersonKind.PREGNANCY, PersonKind.MISCARRIAGE, PersonKind.TERMINATION, PersonKind.STILLBIRTH):
        if any(p.kind is k for p in people):
            out.append(Entry(f"kind:{k.value}", S.KIND_LABELS[k], _person(Gender.MALE, k)))
    kinds = {u.kind for u in fam.unions()}
    for uk in UnionKind:
        if uk in kinds:
            out.append(Entry(f"union:{uk.value}", S.UNION_STYLES[uk].label, _union(uk)))
    # a private child's line is drawn plain, so its kind is not explained either
    links = {ChildKind.BIRTH if link.child in hidden else link.kind for link in fam.child_links()
             if link.child in drawn}
    for ck in ChildKind:
        if ck in links:
            out.append(Entry(f"child:{ck.value}", S.CHILD_STYLES[ck].label, _child(ck)))
    twins = {g.identical for g in fam.birth_groups() if len(set(g.members) & drawn) > 1}
    for identical in (False, True):
        if identical in twins:
            out.append(Entry(f"twins:{'identical' if identical else 'fraternal'}", S.TWIN_LABELS[identical],
                             _twins(identical)))
    bonds = [b for b in fam.bonds() if b.a not in hidden and b.b not in hidden]
    for bk in BondKind:
        of_kind = [b for b in bonds if b.kind is bk]
        if of_kind:
            directed = any(b.directed for b in of_kind)
            style = S.BOND_STYLES[bk]
            label = f"{style.label} ({style.towards})" if directed else style.label
            out.append(Entry(f"bond:{bk.value}", label, _bond(bk, directed)))
    if any(set(h.members) - hidden for h in fam.households()):
        out.append(Entry("household", S.HOUSEHOLD_LABEL, _household))
    return out


def _as_at(case: Case) -> str:
    d = case.as_at()
    return f"{d.day} {d.strftime('%b')} {d.year}"


def _columns(entries: list[Entry], max_width: float) -> tuple[int, list[float]]:
    """The most columns (filled top to bottom) whose widths add up to no more than `max_width`."""
    widths = [W + 6 + text_width(e.label, S.LEGEND_SIZE) for e in entries]
    for cols in range(len(entries), 0, -1):
        rows = -(-len(entries) // cols)
        col_w = [max(widths[c * rows:(c + 1) * rows], default=0.0) for c in range(cols)]
        if cols == 1 or (max_width and sum(col_w) + COL_GAP * (cols - 1) <= max_width):
            return cols, col_w
    return 1, [max(widths, default=0.0)]


COL_GAP = 16.0


def all_entries() -> list[Entry]:
    """Every entry the notation has, for the documentation and the app's help."""
    out = [Entry(f"gender:{g.value}", S.GENDER_LABELS[g], _person(g)) for g in Gender]
    out += [Entry("age", "Age (as at the case date; at death if died)", _person(Gender.MALE, age="7")),
            Entry("deceased", "Died (age at death inside)", _person(Gender.MALE, dead=True)),
            Entry("index", "The child this work is about", _person(Gender.FEMALE, index=True))]
    out += [Entry(f"kind:{k.value}", S.KIND_LABELS[k], _person(Gender.MALE, k)) for k in S.KIND_LABELS]
    out += [Entry(f"union:{u.value}", S.UNION_STYLES[u].label, _union(u)) for u in UnionKind]
    out += [Entry(f"child:{k.value}", S.CHILD_STYLES[k].label, _child(k)) for k in ChildKind]
    out += [Entry(f"twins:{'identical' if i else 'fraternal'}", S.TWIN_LABELS[i], _twins(i)) for i in (False, True)]
    for bk, style in S.BOND_STYLES.items():
        directed = bk in (BondKind.ABUSE, BondKind.CARING)
        label = f"{style.label} ({style.towards})" if directed else style.label
        out.append(Entry(f"bond:{bk.value}", label, _bond(bk, directed)))
    out.append(Entry("household", S.HOUSEHOLD_LABEL, _household))
    return out


def legend_glyphs(case: Case, max_width: float = 0.0, x: float = 0.0, y: float = 0.0,
                  hide_private: bool = False) -> list[Glyph]:
    """The key at (x, y): a title, then one row per used symbol, in as many columns as fit
    `max_width` (0: one column). Empty when the drawing has nothing to explain."""
    return entries_glyphs(legend_entries(case, hide_private), max_width, x, y)


def entries_glyphs(entries: list[Entry], max_width: float = 0.0, x: float = 0.0, y: float = 0.0) -> list[Glyph]:
    """Lay out key entries in columns filled top to bottom, under the title "Key"."""
    if not entries:
        return []
    cols, col_w = _columns(entries, max_width)
    rows = -(-len(entries) // cols)
    glyphs: list[Glyph] = [Text(x, y + 10, S.LEGEND_TITLE, 10.0, "bold", "start", S.INK)]
    for i, e in enumerate(entries):
        c, r = divmod(i, rows)
        ex = x + sum(col_w[:c]) + COL_GAP * c
        ey = y + 16 + r * S.LEGEND_ROW + S.LEGEND_ROW / 2
        sample = e.sample(ex + W / 2, ey)
        text = Text(ex + W + 6, ey + S.LEGEND_SIZE * 0.35, e.label, S.LEGEND_SIZE, "regular", "start", S.INK)
        glyphs.append(Group(e.key, "legend", (*sample, text)))
    return [Group("legend", "legend", tuple(glyphs))]
