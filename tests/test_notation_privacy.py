"""Privacy in printouts: with hide_private_in_exports nothing drawn tells what a private flag hides."""
from __future__ import annotations

from dataclasses import replace

from genogram.export.ecomap_export import export_ecomap
from genogram.export.genogram_export import export_genogram
from genogram.model import ChildKind, EcoConnection, EcoSystem, Put, SetMeta, UpdatePerson
from genogram.model.family import link_id
from genogram.notation.genogram import genogram_glyphs, omitted_people
from genogram.notation.glyphs import Line, Text, groups, walk
from genogram.notation.legend import legend_entries
from tests.test_ecomap_glyphs import case_with
from tests.test_notation import EVERY_ROWS, every_element_case, grid_layout


def _private(case, *pids):
    for pid in pids:
        case.apply(UpdatePerson(replace(case.family.person(pid), private=True)))
    return case


def _owners(glyphs, kind=None):
    return {g.owner for g in groups(glyphs, kind)}


def test_a_private_pregnancy_or_loss_is_not_drawn_at_all_in_a_printout():
    case = _private(every_element_case(), "top", "mc", "sb", "preg")
    lay = grid_layout(case, EVERY_ROWS)
    shown = genogram_glyphs(case, lay, hide_private=True)
    assert omitted_people(case, True) == {"top", "mc", "sb", "preg"}
    assert not {"top", "mc", "sb", "preg"} & _owners(shown, "person")
    assert not {link_id("u4", c) for c in ("top", "sb", "preg")} & _owners(shown, "link")
    # the sibling bar reaches the drawn children only, not the place a loss stood
    u4 = next(g for g in groups(shown, "union") if g.owner == "u4")
    right = max(p[0] for line in walk(u4.children) if isinstance(line, Line) for p in line.points)
    assert right < lay.people["sb"].cx - 1
    keys = {e.key for e in legend_entries(case, hide_private=True)}
    assert not {"kind:termination", "kind:miscarriage", "kind:stillbirth", "kind:pregnancy"} & keys
    # on screen (and with the setting off) the practitioner sees everything
    full = genogram_glyphs(case, lay)
    assert {"top", "mc", "sb", "preg"} <= _owners(full, "person")
    assert "kind:termination" in {e.key for e in legend_entries(case)}


def test_a_private_persons_child_line_does_not_tell_how_they_joined_the_family():
    case = _private(every_element_case(), "olek")
    lay = grid_layout(case, EVERY_ROWS)
    shown = genogram_glyphs(case, lay, hide_private=True)
    link = next(g for g in groups(shown, "link") if g.owner == link_id("u3", "olek"))
    assert len(link.children) == 1 and link.children[0].dash == ()  # plain, no brackets
    assert "child:adopted" not in {e.key for e in legend_entries(case, hide_private=True)}
    person = next(g for g in groups(shown, "person") if g.owner == "olek")
    assert [t.text for t in person.children if isinstance(t, Text)] == ["Private"]
    adopted = next(g for g in groups(genogram_glyphs(case, lay), "link") if g.owner == link_id("u3", "olek"))
    assert len(adopted.children) == 3  # on screen: the dotted line and both brackets


def test_a_private_termination_leaves_no_mark_in_exported_files():
    case = _private(every_element_case(), "top")
    case.apply(SetMeta(replace(case.meta, hide_private_in_exports=True)))
    svg = export_genogram(case, "svg").decode()
    assert "Termination" not in svg
    assert 'data-owner="top"' not in svg
    case.apply(SetMeta(replace(case.meta, hide_private_in_exports=False)))
    assert 'data-owner="top"' in export_genogram(case, "svg").decode()


def test_a_private_system_is_not_drawn_on_an_exported_ecomap():
    case = case_with(EcoConnection(id="c1", ecomap="e1", system="s1"),
                     EcoConnection(id="c2", ecomap="e1", system="s2"))
    case.apply(Put("eco_systems", EcoSystem(id="s2", ecomap="e1", name="Refuge outreach",
                                            category="services", private=True)))
    case.apply(SetMeta(replace(case.meta, hide_private_in_exports=True)))
    svg = export_ecomap(case, "svg").decode()
    assert 'data-owner="s1"' in svg and "Refuge" not in svg
    assert 'data-owner="s2"' not in svg and 'data-owner="c2"' not in svg
    case.apply(SetMeta(replace(case.meta, hide_private_in_exports=False)))
    assert 'data-owner="s2"' in export_ecomap(case, "svg").decode()


def test_kind_is_unchanged_for_people_who_are_not_private():
    case = every_element_case()
    lay = grid_layout(case, EVERY_ROWS)
    link = next(g for g in groups(genogram_glyphs(case, lay, hide_private=True), "link")
                if g.owner == link_id("u3", "olek"))
    assert len(link.children) == 3 and case.family.child_link("u3", "olek").kind is ChildKind.ADOPTED
