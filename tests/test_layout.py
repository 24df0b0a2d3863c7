"""Genogram layout: hints kept through relayout, small edits move little, random families keep
the rules, a focus view for big files, and the JSON tools read."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from genogram.layout import focus_people, layout_genogram, layout_json
from genogram.layout.crossings import count_crossings, layout_segments
from genogram.model import (
    AddUnion,
    BondKind,
    Case,
    CaseMeta,
    FuzzyDate,
    Gender,
    SetHints,
    Union,
    UnionKind,
    case_from_dict,
    case_to_dict,
)
from genogram.model import operations as ops

from .test_layout_families import check_rules, overlapping, remarriage, twins_and_loss

SHARED = Path("/work/shared")


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_layout", SHARED / "tools" / "check_layout.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


CHECKER = _load_checker()
F, M = Gender.FEMALE, Gender.MALE


def apply(case: Case, built: tuple) -> str:
    edit, pid = built
    case.apply(edit)
    return pid


def three_branches() -> tuple[Case, dict[str, str]]:
    """Grandparents, three married children with children of their own, and an unrelated couple."""
    case = Case(CaseMeta(title="Three branches (invented)", fictional=True))
    ids: dict[str, str] = {}
    gran = ids["gran"] = apply(case, ops.add_person(case, "Nia", F, born=FuzzyDate(1940)))
    ids["grandad"] = apply(case, ops.add_partner(case, gran, "Huw"))
    for i, name in enumerate(("Alis", "Bryn", "Cari")):
        kid = ids[name] = apply(case, ops.add_child(case, gran, name, F if i != 1 else M))
        apply(case, ops.add_partner(case, kid, f"Partner of {name}"))
        for j in range(2):
            ids[f"{name}{j}"] = apply(case, ops.add_child(case, kid, f"{name[0]}kid{j}"))
    other = ids["other"] = apply(case, ops.add_person(case, "Olu", M))
    apply(case, ops.add_partner(case, other, "Pat"))
    ids["otherkid"] = apply(case, ops.add_child(case, other, "Remi"))
    return case, ids


def test_adding_a_child_moves_only_that_family_and_shifts_the_rest_rigidly():
    case, ids = three_branches()
    before = layout_genogram(case)
    new = apply(case, ops.add_child(case, ids["Bryn"], "Newborn"))
    after = layout_genogram(case)
    assert new in after.people and not overlapping(after)
    fam = case.family

    def branch(root: str) -> set[str]:
        out = {root} | fam.descendants(root) | set(fam.partners_of(root))
        return out

    for people in (branch(ids["Alis"]), branch(ids["Cari"]),
                   {ids["other"], ids["otherkid"], *fam.partners_of(ids["other"])}):
        shifts = {round(after.people[p].cx - before.people[p].cx, 3) for p in people}
        assert len(shifts) == 1, f"a branch beside the edit moved rigidly: {shifts}"
        assert all(after.people[p].cy == before.people[p].cy for p in people)
    # the untouched branch on the left does not move at all relative to its neighbour on the right
    left = after.people[ids["Alis0"]].cx - before.people[ids["Alis0"]].cx
    other = after.people[ids["otherkid"]].cx - before.people[ids["otherkid"]].cx
    assert other >= left


def test_user_orders_and_nudges_survive_relayout_after_an_edit():
    case = remarriage()
    base = layout_genogram(case)
    hints = replace(case.hints, child_order={"u1": ("sami", "rosa")},
                    partner_order={"dana": ("u2", "u1")}, nudges={"max": (30.0, 0.0)})
    case.apply(SetHints(hints))
    apply(case, ops.add_child(case, "dana", "Baby", union_id="u2"))
    lay = layout_genogram(case)
    check_rules(case, lay)
    px = {p: lay.people[p].cx for p in lay.people}
    assert px["sami"] < px["rosa"], "the user's order of children is kept"
    assert px["lee"] < px["dana"] < px["omar"], "the user's order of partners is kept"
    # the nudge holds: max sits 30pt right of where the layout would put him without it
    case.apply(SetHints(replace(case.hints, nudges={})))
    plain = layout_genogram(case)
    assert abs((lay.people["max"].cx - lay.people["lee"].cx)
               - (plain.people["max"].cx - plain.people["lee"].cx) - 30.0) < 0.01
    assert base.people["max"].cy == lay.people["max"].cy


def test_the_users_arrangement_survives_save_and_reopen():
    case = remarriage()
    hints = replace(case.hints, child_order={"u1": ("sami", "rosa")},
                    partner_order={"dana": ("u2", "u1")}, nudges={"kit": (12.0, 4.0)})
    case.apply(SetHints(hints))
    reopened = case_from_dict(json.loads(json.dumps(case_to_dict(case))))
    assert layout_json(reopened, layout_genogram(reopened)) == layout_json(case, layout_genogram(case))


def test_step_children_in_a_focus_view_keep_both_parents():
    case = remarriage()  # Max is Lee's son with Jo: Rosa's step-brother
    near = focus_people(case, "rosa", 1)
    assert {"max", "jo", "lee", "kit"} <= near
    check_rules(case, layout_genogram(case, near), people=near)


def test_a_nudge_onto_a_neighbour_pushes_the_row_aside():
    case = twins_and_loss()
    lay = layout_genogram(case)
    gap = lay.people["young"].cx - lay.people["t2"].cx
    case.apply(ops.nudge(case, {"t2": (gap - 10.0, 0.0)}))
    moved = layout_genogram(case)
    assert not overlapping(moved)
    assert moved.people["young"].cx > moved.people["t2"].cx
    assert moved.people["old"].cx - moved.people["mum"].cx == pytest.approx(
        lay.people["old"].cx - lay.people["mum"].cx)
    case.apply(ops.nudge(case, {"bb": (0.0, -150.0)}))  # dragged up onto the row above
    assert not overlapping(layout_genogram(case))


def test_layout_is_deterministic_and_bonds_move_nothing():
    case, ids = three_branches()
    a = layout_json(case, layout_genogram(case))
    case.apply(ops.add_bond(case, ids["Alis0"], ids["otherkid"], BondKind.CONFLICT)[0])
    b = layout_json(case, layout_genogram(case))
    assert a["people"] == b["people"] and a["unions"] == b["unions"]
    assert b["bonds"][0]["kind"] == "conflict" and b["bonds"][0]["directed"] is False


# ---- random families --------------------------------------------------------------------------
ACTIONS = st.lists(st.tuples(st.integers(0, 6), st.integers(0, 10_000), st.integers(0, 3)),
                   min_size=1, max_size=40)


def random_family(actions: list[tuple[int, int, int]]) -> Case:
    case = Case(CaseMeta(title="Random (invented)", fictional=True))
    apply(case, ops.add_person(case, "Root", F))
    for kind, pick, extra in actions:
        people = [p.id for p in case.family.people() if not p.is_pregnancy_or_loss]
        pid = people[pick % len(people)]
        try:
            if kind == 0:
                apply(case, ops.add_partner(case, pid, f"P{pick}"))
            elif kind in (1, 2):
                apply(case, ops.add_child(case, pid, f"C{pick}"))
            elif kind == 3:
                apply(case, ops.add_parents(case, pid))
            elif kind == 4:
                apply(case, ops.add_sibling(case, pid, f"S{pick}"))
            elif kind == 6:  # two people already drawn partner: cousins, across generations
                other = people[(pick // 7 + extra) % len(people)]
                if other != pid:
                    case.apply(AddUnion(Union(case.new_id("u"), (pid, other), UnionKind.CASUAL)))
            else:
                links = case.family.parent_links(pid)
                if links:
                    union = links[0].union
                    sibs = [l.child for l in case.family.children_of(union)
                            if case.family.birth_group_of(l.child) is None]
                    if len(sibs) >= 2 and pid in sibs:
                        i = sibs.index(pid)
                        pair = tuple(sibs[i:i + 2]) if i + 1 < len(sibs) else tuple(sibs[i - 1:i + 1])
                        apply(case, ops.make_twins(case, union, pair, extra % 2 == 0))
                if extra == 3:
                    case.apply(ops.nudge(case, {pid: (float(pick % 97) - 48.0, 0.0)}))
        except Exception as exc:  # an edit the model refuses (e.g. second birth parents) is skipped
            if type(exc).__module__ != "genogram.model.errors":
                raise
    return case


def _satisfiable(unions: dict[str, tuple[list[str], list[str]]], level: set[str]) -> bool:
    """Whether "these partners share a row" and "children below parents" can all hold at once."""
    root: dict[str, str] = {}

    def find(x: str) -> str:
        while root.get(x, x) != x:
            x = root[x]
        return x

    for uid in level:
        a, b = unions[uid][0]
        root[find(a)] = find(b)
    below: dict[str, set[str]] = {}
    for partners, children in unions.values():
        for p in partners:
            for c in children:
                if find(p) == find(c):
                    return False
                below.setdefault(find(p), set()).add(find(c))
    indeg: dict[str, int] = {}
    for targets in below.values():
        for t in targets:
            indeg[t] = indeg.get(t, 0) + 1
    ready = [n for n in below if indeg.get(n, 0) == 0]
    done = 0
    while ready:
        n = ready.pop()
        done += 1
        for t in below.get(n, ()):
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    return done == len(set(below) | set(indeg))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_random_families_never_overlap_and_keep_the_rules(actions):
    case = random_family(actions)
    lay = layout_genogram(case)
    # a user's nudge may move a twin away from the other on purpose, and partnerships joined
    # between people already drawn (kind 6) may tie a twin to another family
    joined = any(kind == 6 for kind, _, _ in actions)
    check_rules(case, lay, level_partners=False,
                twins=None if case.hints.nudges or joined else False)
    assert lay.width > 0 and lay.height > 0
    fam = case.family
    unions = {u.id: (list(u.partners), [l.child for l in fam.children_of(u.id)]) for u in fam.unions()}
    level = set(unions) - CHECKER.conflicted_unions(unions)  # the shared checker's rule
    # Checked for families built by the canvas's gestures; partnerships joined between two people
    # already drawn (kind 6) can make the rule contradict itself, and the layout then only
    # promises the rules above (the tricky families and GEDCOM samples cover those cases).
    if not joined and _satisfiable(unions, level):
        for uid in level:
            a, b = unions[uid][0]
            assert lay.people[a].cy == lay.people[b].cy, f"{uid}: partners on one row"


# ---- focus view, JSON and the command ---------------------------------------------------------
def test_focus_takes_generations_around_a_person_and_their_partners():
    case, ids = three_branches()
    near = focus_people(case, ids["Bryn0"], 1)
    assert ids["Bryn"] in near and ids["Bryn1"] in near  # parent and sibling
    assert set(case.family.partners_of(ids["Bryn"])) <= near
    assert ids["gran"] not in near and ids["Alis0"] not in near
    wide = focus_people(case, ids["Bryn0"], 2)
    assert ids["gran"] in wide and ids["Alis0"] in wide and ids["other"] not in wide
    lay = layout_genogram(case, wide)
    check_rules(case, lay, people=wide)


def test_layout_json_has_the_documented_shape():
    case = remarriage()
    data = layout_json(case, layout_genogram(case))
    assert data["unit"] == "pt" and set(data) == {"unit", "people", "unions", "bonds", "bounds"}
    person = data["people"][0]
    assert set(person) == {"id", "ref", "name", "x", "y", "width", "height", "generation"}
    assert person["ref"] is None
    assert {u["id"]: u["children"] for u in data["unions"]}["u1"] == ["rosa", "sami"]
    assert all(p["x"] + p["width"] <= data["bounds"]["width"] for p in data["people"])


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "genogram", "layout", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_command_prints_layout_and_says_one_line_on_bad_input(tmp_path):
    case, ids = three_branches()
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(case)))
    out = run_cli(str(path), "--json")
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["people"]) == case.family.person_count()
    out = run_cli(str(path), "--json", "--focus", ids["Bryn0"], "--generations", "1")
    assert {p["id"] for p in json.loads(out.stdout)["people"]} == focus_people(case, ids["Bryn0"], 1)
    bad = run_cli(str(path), "--json", "--focus", "nobody")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "nobody" in bad.stderr
    missing = run_cli(str(tmp_path / "none.json"), "--json")
    assert missing.returncode != 0 and "Traceback" not in missing.stderr


def gedcom_case_json(ged: Path, tmp_path: Path) -> Path:
    from genogram.storage.gedcom import import_gedcom

    case, _ = import_gedcom(ged)
    out = tmp_path / (ged.stem + ".json")
    out.write_text(json.dumps(case_to_dict(case)))
    return out


SAMPLES = sorted((SHARED / "data" / "gedcom").glob("*.ged"))


@pytest.mark.parametrize("ged", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_public_gedcom_samples_pass_the_layout_checker(ged, tmp_path):
    case_json = gedcom_case_json(ged, tmp_path)
    out = run_cli(str(case_json), "--json", "-o", str(tmp_path / "layout.json"))
    assert out.returncode == 0, out.stderr
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_layout.py"),
                            str(tmp_path / "layout.json"), str(ged)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("n,seed", [(150, 1), (400, 7), (800, 3)])
def test_synthetic_families_keep_the_rules(n, seed, tmp_path):
    ged = tmp_path / "family.ged"
    subprocess.run([sys.executable, str(SHARED / "tools" / "synthetic_family.py"), str(n),
                    "--seed", str(seed), "--ged", str(ged)], check=True)
    from genogram.storage.gedcom import import_gedcom

    case, _ = import_gedcom(ged)
    lay = layout_genogram(case)
    check_rules(case, lay)
    path = tmp_path / "layout.json"
    path.write_text(json.dumps(layout_json(case, lay)))
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_layout.py"), str(path),
                            str(ged)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout


# ---- crossings ---------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 2), st.integers(0, 50),
                          st.integers(3, 5)), min_size=2, max_size=25))
def test_crossing_count_matches_checking_every_pair(raw):
    segs = [(float(a), float(b) * 10, float(c) + 0.5, float(d) * 10) for a, b, c, d in raw]

    def cross(s, t):  # proper crossing of two segments (touching ends do not count)
        def side(p, q, r):
            v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
            return (v > 1e-9) - (v < -1e-9)
        p1, p2, p3, p4 = (s[0], s[1]), (s[2], s[3]), (t[0], t[1]), (t[2], t[3])
        return (side(p1, p2, p3) * side(p1, p2, p4) < 0) and (side(p3, p4, p1) * side(p3, p4, p2) < 0)

    levels = {y for s in segs for y in (s[1], s[3])}

    def at_level(s, t):  # lines meeting exactly at a row height are a tie the count leaves out
        for y in levels:
            if max(s[1], t[1]) <= y <= min(s[3], t[3]):
                xs = s[0] + (s[2] - s[0]) * (y - s[1]) / (s[3] - s[1])
                xt = t[0] + (t[2] - t[0]) * (y - t[1]) / (t[3] - t[1])
                if abs(xs - xt) < 1e-6:
                    return True
        return False

    pairs = [(segs[i], segs[j]) for i in range(len(segs)) for j in range(i + 1, len(segs))]
    assume(not any(at_level(s, t) for s, t in pairs))
    assert count_crossings(segs) == sum(cross(s, t) for s, t in pairs)


def test_tree_shaped_families_are_drawn_without_crossings(tmp_path):
    ged = tmp_path / "family.ged"
    subprocess.run([sys.executable, str(SHARED / "tools" / "synthetic_family.py"), "600",
                    "--seed", "5", "--ged", str(ged)], check=True)
    from genogram.storage.gedcom import import_gedcom

    case, _ = import_gedcom(ged)
    assert count_crossings(layout_segments(layout_genogram(case))) == 0
    assert count_crossings(layout_segments(layout_genogram(remarriage()))) == 0
