"""The invented demo families: they load cleanly, use every element, and read as a real family would."""
from __future__ import annotations

import datetime as dt
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest

from genogram.cli import main
from genogram.demo import DEFAULT_DEMO, list_demos, load_demo
from genogram.model import (
    BondKind,
    Case,
    Centre,
    ChildKind,
    Energy,
    Gender,
    PersonKind,
    Quality,
    UnionKind,
    case_to_dict,
)
from genogram.storage.casefile import case_json_bytes, read_case

NAMES = [name for name, _ in list_demos()]
AS_AT = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def demos() -> dict[str, Case]:
    return {name: load_demo(name) for name in NAMES}


def all_of(demos: dict[str, Case], what: str) -> list:
    """Every item of one kind across all demos."""
    out: list = []
    for case in demos.values():
        fam = case.family
        out += {"people": fam.people, "unions": fam.unions, "links": fam.child_links,
                "bonds": fam.bonds, "groups": fam.birth_groups, "households": fam.households,
                }[what]() if what in ("people", "unions", "links", "bonds", "groups",
                                      "households") else case.records(what)
    return out


# ---- loading --------------------------------------------------------------------------------
def test_there_are_at_least_two_demos_and_the_default_comes_first() -> None:
    assert len(NAMES) >= 2
    assert NAMES[0] == DEFAULT_DEMO
    assert set(NAMES) >= {"rivers", "kowalski-price"}
    for name, description in list_demos():
        assert description and "\n" not in description, name


@pytest.mark.parametrize("name", NAMES)
def test_each_demo_loads_with_no_warnings(name: str) -> None:
    assert load_demo(name).warnings() == []


@pytest.mark.parametrize("name", NAMES)
def test_each_demo_file_is_exactly_what_kinscape_would_save(name: str) -> None:
    """Nothing in the file is lost or reordered on load, so a hand edit cannot hide a typo."""
    raw = (files("resources") / "demo" / f"{name}.json").read_bytes()
    assert raw == case_json_bytes(load_demo(name))


@pytest.mark.parametrize("name", NAMES)
def test_each_demo_is_marked_invented_and_sized_for_teaching(name: str) -> None:
    case = load_demo(name)
    assert case.meta.fictional is True
    assert "invented" in case.meta.note.lower()
    assert case.meta.as_at is not None and case.meta.as_at.earliest() == AS_AT
    assert 15 <= case.family.person_count() <= 30
    assert case.meta.preferred_names


def test_unknown_demo_names_the_known_ones_and_names_ignore_case() -> None:
    with pytest.raises(ValueError) as info:
        load_demo("smiths")
    assert "smiths" in str(info.value)
    for name in NAMES:
        assert name in str(info.value)
    with pytest.raises(ValueError):
        load_demo("../demo/rivers")
    assert load_demo(" Rivers ").meta.title == load_demo("rivers").meta.title


def test_each_load_is_an_independent_case() -> None:
    from genogram.model import SetMeta

    first, second = load_demo(), load_demo()
    first.apply(SetMeta(first.with_meta(title="Changed")))
    assert second.meta.title != "Changed" and load_demo().meta.title != "Changed"


# ---- every element is used somewhere ---------------------------------------------------------
def test_demos_use_every_kind_of_everything(demos: dict[str, Case]) -> None:
    people = all_of(demos, "people")
    assert {u.kind for u in all_of(demos, "unions")} == set(UnionKind)
    assert {link.kind for link in all_of(demos, "links")} == set(ChildKind)
    assert {b.kind for b in all_of(demos, "bonds")} == set(BondKind)
    assert {p.kind for p in people} == set(PersonKind)
    assert {p.gender for p in people} == set(Gender)
    born_unknown = [p for p in people if p.gender is Gender.UNKNOWN and p.kind is PersonKind.PERSON]
    assert born_unknown, "an unknown-gender person, not only a pregnancy"
    connections = all_of(demos, "eco_connections")
    assert {c.quality for c in connections} == set(Quality)
    assert {c.energy for c in connections} == set(Energy)
    assert {e.centre for e in all_of(demos, "ecomaps")} == set(Centre)


def test_harm_caring_and_hostility_have_a_direction(demos: dict[str, Case]) -> None:
    directed = {b.kind for b in all_of(demos, "bonds") if b.directed}
    assert directed >= {BondKind.ABUSE, BondKind.CARING, BondKind.HOSTILE}


def test_identical_and_fraternal_twins_share_a_union_and_a_birthday(
        demos: dict[str, Case]) -> None:
    groups = all_of(demos, "groups")
    assert {g.identical for g in groups} == {True, False}
    for case in demos.values():
        for g in case.family.birth_groups():
            births = {case.family.person(m).born for m in g.members}
            assert len(births) == 1 and None not in births
            for m in g.members:
                assert case.family.child_link(g.union, m).kind is ChildKind.BIRTH


@pytest.mark.parametrize("name", NAMES)
def test_households_ecomap_and_index_child(name: str) -> None:
    case = load_demo(name)
    fam = case.family
    child = case.index_person()
    assert child is not None and child.kind is PersonKind.PERSON
    age = case.age_of(child.id)
    assert age is not None and age[0] < 18
    assert fam.households_of(child.id), "the index child lives somewhere"
    assert len(fam.households()) >= 2
    ecomaps = case.records("ecomaps")
    assert ecomaps
    systems = case.records("eco_systems")
    assert any(s.person and fam.has_person(s.person) for s in systems), "a genogram person on it"
    eco_ids = {e.id for e in ecomaps}
    system_ids = {s.id for s in systems}
    for s in systems:
        assert s.ecomap in eco_ids
    for c in case.records("eco_connections"):
        assert c.ecomap in eco_ids and c.system in system_ids
        assert c.person is None or fam.has_person(c.person)
    for e in ecomaps:
        assert e.centre_person is None or fam.has_person(e.centre_person)
        assert e.household is None or e.household in {h.id for h in fam.households()}


def test_the_default_demo_is_about_a_child_of_about_eight() -> None:
    case = load_demo(DEFAULT_DEMO)
    child = case.index_person()
    assert child is not None
    assert case.age_of(child.id) == (8, False)


def test_dates_notes_privacy_and_graces_are_all_shown(demos: dict[str, Case]) -> None:
    people = all_of(demos, "people")
    assert any(p.died and p.kind is PersonKind.PERSON for p in people), "deceased, with a date"
    assert any(p.born and p.born.approx for p in people), 'an "about 1950" date'
    assert sum(1 for p in people if p.graces) >= 4
    assert any(p.private for p in people)
    assert any(s.private for s in all_of(demos, "eco_systems"))
    assert any(p.known_as for p in people)


def test_names_are_written_in_the_families_own_scripts(demos: dict[str, Case]) -> None:
    text = " ".join(f"{p.given} {p.family_name} {p.known_as}" for p in all_of(demos, "people"))
    for letter in ("ł", "ğ", "ễ"):
        assert letter in text
    assert "ŵ" in text or "ŷ" in text
    scripts = {unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()}
    assert {"GREEK", "CYRILLIC"} <= scripts


# ---- the structures a layout must handle -----------------------------------------------------
def test_tricky_structures_are_there(demos: dict[str, Case]) -> None:
    remarried_with_half_and_step = adopted_both = same_sex_parents = unknown_father = False
    cousins = False
    for case in demos.values():
        fam = case.family
        for p in fam.people():
            links = fam.parent_links(p.id)
            kinds = {link.kind for link in links}
            if {ChildKind.BIRTH, ChildKind.ADOPTED} <= kinds:
                adopted_both = True
            if p.gender is Gender.MALE and not (p.given or p.family_name):
                unknown_father |= any(fam.children_of(u.id) for u in fam.unions_of(p.id))
            unions = [u for u in fam.unions_of(p.id) if fam.children_of(u.id)]
            if len(unions) >= 2:
                kinds_by_union = [{c.kind for c in fam.children_of(u.id)} for u in unions]
                has_step = any(ChildKind.STEP in k for k in kinds_by_union)
                birth_in_two = sum(ChildKind.BIRTH in k for k in kinds_by_union) >= 2
                remarried_with_half_and_step |= has_step and birth_in_two
        for u in fam.unions():
            a, b = (fam.person(x) for x in u.partners)
            if a.gender is b.gender and fam.children_of(u.id):
                same_sex_parents = True
            if set(fam.parents_of(a.id)) & set(fam.parents_of(b.id)):
                continue  # siblings would be a different thing; none are expected
            grand_a = {g for q in fam.parents_of(a.id) for g in fam.parents_of(q)}
            grand_b = {g for q in fam.parents_of(b.id) for g in fam.parents_of(q)}
            cousins |= bool(grand_a & grand_b)
    assert remarried_with_half_and_step
    assert adopted_both
    assert same_sex_parents
    assert unknown_father
    assert cousins


# ---- read as a social worker would -----------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_ages_and_dates_are_believable(name: str) -> None:
    case = load_demo(name)
    fam = case.family
    for p in fam.people():
        if p.born and p.kind is PersonKind.PERSON:
            assert p.born.earliest() <= AS_AT, p.display_name
            end = p.died.latest() if p.died else AS_AT
            assert (end - p.born.earliest()).days / 365.25 < 105, p.display_name
    for link in fam.child_links():
        child = fam.person(link.child)
        for parent_id in fam.union(link.union).partners:
            parent = fam.person(parent_id)
            if child.born and parent.born:  # any parent, birth or not, is older by 16 years
                gap = child.born.earliest().year - parent.born.latest().year
                assert gap >= 16, f"{parent.display_name} and {child.display_name}"
            if parent.died and child.born and link.kind is ChildKind.BIRTH:
                assert child.born.earliest() <= parent.died.latest() + dt.timedelta(days=280)
    for u in fam.unions():
        dates = [d for d in (u.started, u.separated, u.ended) if d]
        assert [d.earliest() for d in dates] == sorted(d.earliest() for d in dates), u.id
        for pid in u.partners:
            partner = fam.person(pid)
            if u.started and partner.born:
                assert u.started.earliest().year - partner.born.latest().year >= 16, u.id
        if u.kind is UnionKind.WIDOWED:
            deaths = [fam.person(p).died for p in u.partners if fam.person(p).died]
            assert deaths and u.ended and any(d.year == u.ended.year for d in deaths), u.id


UNCARING = ("broken home", "failed to engage", "refused", "non-compliant", "placement",
            "contact", "absconded", "manipulative", "attention seeking", "lac ", "respite",
            "difficult to place", "foster child", "care leaver", "defiant", "vulnerable")


@pytest.mark.parametrize("name", NAMES)
def test_notes_are_written_in_language_that_cares(name: str) -> None:
    case = load_demo(name)
    texts = [case.meta.note, *case.meta.preferred_names.values()]
    fam = case.family
    texts += [p.note for p in fam.people()] + [g.text for p in fam.people() for g in p.graces]
    texts += [u.note for u in fam.unions()] + [b.note for b in fam.bonds()]
    texts += [h.note for h in fam.households()] + [h.name for h in fam.households()]
    texts += [s.note for s in case.records("eco_systems")]
    texts += [t for c in case.records("eco_connections") for t in (c.helps, c.hard)]
    for text in texts:
        for term in UNCARING:
            assert term not in text.lower(), f'"{term}" in: {text}'


# ---- the command -----------------------------------------------------------------------------
def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["demo", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_cli_lists_the_demos(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "--list")
    assert code == 0 and err == []
    assert [line.split()[0] for line in out] == NAMES
    assert "The Rivers family" in out[0]


@pytest.mark.parametrize("suffix", [".kinscape", ".json"])
@pytest.mark.parametrize("name", NAMES)
def test_cli_writes_a_case_that_reads_back_the_same(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, suffix: str) -> None:
    path = tmp_path / f"family{suffix}"
    code, out, err = cli(capsys, name, "-o", str(path))
    assert code == 0 and err == []
    assert str(path) in out[0]
    data = path.read_bytes()
    assert data.startswith(b"PK") == (suffix == ".kinscape")
    assert case_to_dict(read_case(path)) == case_to_dict(load_demo(name))


def test_cli_without_a_name_writes_the_default(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.kinscape"
    assert cli(capsys, "-o", str(path))[0] == 0
    assert read_case(path).meta.title == load_demo(DEFAULT_DEMO).meta.title


@pytest.mark.parametrize("args, needle", [
    (["smiths", "-o", "x.kinscape"], 'no demo family called "smiths"'),
    (["rivers"], "-o FILE.kinscape"),
    (["rivers", "-o", "x.txt"], "should end in .kinscape"),
])
def test_cli_refuses_in_one_line_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        args: list[str], needle: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, *args)
    assert code == 2 and out == []
    assert len(err) == 1 and needle in err[0]
    assert list(tmp_path.iterdir()) == []


def test_cli_never_replaces_an_existing_file_without_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a-real-family.kinscape"
    path.write_bytes(b"someone's work")
    code, out, err = cli(capsys, "rivers", "-o", str(path))
    assert code == 2 and out == [] and len(err) == 1 and "--force" in err[0]
    assert path.read_bytes() == b"someone's work"
    assert cli(capsys, "rivers", "-o", str(path), "--force")[0] == 0
    assert read_case(path).meta.title == "The Rivers family"
