"""Plain-word relationships to the index child: the words a family would use."""
from genogram.model import (
    AddPerson,
    AddUnion,
    BirthGroup,
    Case,
    CaseMeta,
    ChildKind,
    ChildLink,
    Gender,
    LinkChild,
    Person,
    PersonKind,
    Put,
    Union,
    UnionKind,
)
from genogram.model.relations import relationship_to, relationships

F, M, N = Gender.FEMALE, Gender.MALE, Gender.NON_BINARY


class Family:
    """A tiny invented family built by name, so tests read like a family tree."""

    def __init__(self) -> None:
        self.case = Case(CaseMeta(title="Relations (fictional)"))
        self.ids: dict[str, str] = {}

    def person(self, name: str, gender: Gender = Gender.UNKNOWN,
               kind: PersonKind = PersonKind.PERSON) -> str:
        pid = self.case.new_id("p")
        self.case.apply(AddPerson(Person(pid, given=name, gender=gender, kind=kind)))
        self.ids[name] = pid
        return pid

    def union(self, a: str, b: str, kind: UnionKind = UnionKind.MARRIED) -> str:
        uid = self.case.new_id("u")
        self.case.apply(AddUnion(Union(uid, (self.ids[a], self.ids[b]), kind)))
        return uid

    def child(self, union: str, name: str, kind: ChildKind = ChildKind.BIRTH) -> None:
        self.case.apply(LinkChild(ChildLink(union, self.ids[name], kind)))

    def tie(self, index: str, name: str) -> str:
        return relationship_to(self.case, self.ids[index], self.ids[name])


def blended() -> tuple[Family, dict[str, str]]:
    f = Family()
    for name, g in [("Maureen", F), ("Ted", M), ("Dana", F), ("Lee", M), ("Kim", F), ("Jo", N),
                    ("Omar", M), ("Rosa", F), ("Ruby", F), ("Chris", M), ("Finn", M),
                    ("Pat", F), ("Mia", F), ("Stranger", M), ("Zara", F), ("Ivy", F)]:
        f.person(name, g)
    f.person("lost", kind=PersonKind.MISCARRIAGE)
    grand = f.union("Ted", "Maureen")
    f.child(grand, "Dana")
    f.child(grand, "Lee")
    lee = f.union("Lee", "Kim")
    f.child(lee, "Jo")
    first = f.union("Omar", "Dana", UnionKind.DIVORCED)
    for c in ("Rosa", "Ruby", "lost", "Zara"):
        f.child(first, c)
    f.case.apply(Put("birth_groups", BirthGroup("tw1", first, (f.ids["Rosa"], f.ids["Ruby"]))))
    second = f.union("Chris", "Dana", UnionKind.COHABITING)
    f.child(second, "Finn")
    before = f.union("Chris", "Pat", UnionKind.DIVORCED)
    f.child(before, "Mia")
    zara = f.union("Zara", "Stranger", UnionKind.CASUAL)
    f.child(zara, "Ivy")
    return f, {}


def test_blended_family_in_plain_words():
    f, _ = blended()
    expect = {
        "Rosa": "this child", "Dana": "mum", "Omar": "dad", "Chris": "step-dad",
        "Ruby": "twin sister", "Zara": "sister", "Finn": "half-brother", "Mia": "step-sister",
        "Maureen": "nan", "Ted": "grandad", "Lee": "uncle", "Kim": "aunt", "Jo": "cousin",
        "lost": "miscarriage", "Ivy": "niece", "Pat": "relative", "Stranger": "relative",
    }
    got = {name: f.tie("Rosa", name) for name in expect}
    assert got == expect


def test_seen_from_another_child_the_words_change():
    f, _ = blended()
    assert f.tie("Finn", "Rosa") == "half-sister"
    assert f.tie("Finn", "Chris") == "dad"
    assert f.tie("Finn", "Omar") == "mum's ex-partner"
    assert f.tie("Mia", "Finn") == "half-brother"
    assert f.tie("Mia", "Rosa") == "step-sister"
    assert f.tie("Jo", "Rosa") == "cousin"
    assert f.tie("Jo", "Lee") == "dad"
    assert f.tie("Jo", "Dana") == "aunt"
    assert f.tie("Maureen", "Rosa") == "granddaughter"
    assert f.tie("Maureen", "Ted") == "partner"
    assert f.tie("Dana", "Omar") == "ex-partner"
    assert f.tie("Dana", "Finn") == "son"


def test_adopted_child_has_birth_and_adoptive_parents():
    f = Family()
    for name, g in [("Ella", F), ("Birthmum", F), ("Birthdad", M), ("Sue", F), ("Raj", M),
                    ("Ana", N)]:
        f.person(name, g)
    f.child(f.union("Birthdad", "Birthmum", UnionKind.CASUAL), "Ella")
    adoptive = f.union("Raj", "Sue")
    f.child(adoptive, "Ella", ChildKind.ADOPTED)
    f.child(adoptive, "Ana", ChildKind.BIRTH)
    assert f.tie("Ella", "Birthmum") == "birth mum"
    assert f.tie("Ella", "Birthdad") == "birth dad"
    assert f.tie("Ella", "Sue") == "adoptive mum"
    assert f.tie("Ella", "Raj") == "adoptive dad"
    assert f.tie("Ella", "Ana") == "sibling"


def test_foster_and_kinship_carers():
    f = Family()
    for name, g in [("Leo", M), ("Mum", F), ("Dad", M), ("Gran", F), ("Pop", M),
                    ("Carer", F), ("Carer2", M), ("Other", F)]:
        f.person(name, g)
    grand = f.union("Pop", "Gran")
    f.child(grand, "Mum")
    parents = f.union("Dad", "Mum", UnionKind.SEPARATED)
    f.child(parents, "Leo")
    f.child(grand, "Leo", ChildKind.KINSHIP)
    foster = f.union("Carer", "Carer2")
    f.child(foster, "Leo", ChildKind.FOSTERED)
    f.child(foster, "Other", ChildKind.FOSTERED)
    assert f.tie("Leo", "Gran") == "nan and kinship carer"
    assert f.tie("Leo", "Pop") == "grandad and kinship carer"
    assert f.tie("Leo", "Carer") == "foster carer"
    assert f.tie("Leo", "Other") == "foster sister"
    assert f.tie("Leo", "Mum") == "birth mum"


def test_no_index_or_no_tie_gives_empty_words():
    f = Family()
    f.person("Alone", F)
    f.person("Other", M)
    assert relationship_to(f.case, None, f.ids["Alone"]) == ""
    assert relationship_to(f.case, "p999", f.ids["Alone"]) == ""
    assert f.tie("Alone", "Other") == ""
    assert relationships(f.case, f.ids["Alone"]) == {f.ids["Alone"]: "this child"}


def test_closeness_orders_nearest_first():
    from genogram.model.relations import closeness

    ordered = ["this child", "mum", "step-dad", "foster carer", "nan and kinship carer",
               "twin sister", "half-brother", "nan", "uncle", "cousin", "great-grandad", "niece",
               "mum's ex-partner", "relative", "miscarriage", ""]
    ranks = [closeness(t) for t in ordered]
    assert ranks == sorted(ranks), list(zip(ordered, ranks, strict=True))
    assert closeness("mum") < closeness("nan") < closeness("cousin") < closeness("relative")
