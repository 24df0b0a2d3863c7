"""The case model: a typed API over the family graph, records, edits with inverses, events."""
from .case import RECORD_TYPES, Case, CaseMeta
from .codec import SCHEMA_VERSION, CaseFormatError, NewerSchemaError, case_from_dict, case_to_dict
from .dates import DateError, FuzzyDate
from .ecomap import Centre, EcoConnection, Ecomap, EcoSystem, Energy, Quality
from .edits import (
    AddPerson,
    AddUnion,
    Compound,
    Delete,
    Edit,
    LinkChild,
    Put,
    RemovePerson,
    RemoveUnion,
    SetHints,
    SetMedia,
    SetMeta,
    UnlinkChild,
    UpdateChildLink,
    UpdatePerson,
    UpdateUnion,
)
from .entities import (
    GRACES_ASPECTS,
    BirthGroup,
    Bond,
    BondKind,
    ChildKind,
    ChildLink,
    Gender,
    GraceNote,
    Household,
    LayoutHints,
    Person,
    PersonId,
    PersonKind,
    Union,
    UnionId,
    UnionKind,
)
from .errors import (
    ChildLinkError,
    CycleError,
    DuplicateIdError,
    ModelError,
    ModelWarning,
    UnionError,
    UnknownIdError,
    UnknownPersonError,
    UnknownUnionError,
)
from .events import Change, Events
from .records import (
    PLAN_SECTIONS,
    SAFETY_KINDS,
    STORY_STATUSES,
    AgreedWords,
    ChronologyEvent,
    ImportantPeople,
    ImportantPerson,
    HouseEntry,
    Plan,
    PlanItem,
    SafetyMap,
    SafetyStatement,
    ScaleRating,
    Story,
    StoryPage,
    ThreeHouses,
)

__all__ = [name for name in dir() if not name.startswith("_")]
