"""The data contract: every shape that crosses the edge of the program.

Role data (`data/roles.toml`), the rule matrix (`data/matrix.toml`) and a person's
profile (an answers file) are validated against these records exactly once, when they
are read (`validate`, with pydantic). Everything past the loader trusts these types.

The records are frozen stdlib dataclasses that pydantic validates: defining them costs
almost nothing at start-up (building pydantic models cost ~85 ms per command), and a
validated dataset unpickles from the cache without pydantic. Every record forbids
unknown keys, so a typo in a data file is an error, not a silent default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import ConfigDict, Discriminator, Field, Tag, TypeAdapter, model_validator

from aicareer.vocab import (
    DEFAULT_CODING,
    Background,
    Basis,
    Coding,
    Company,
    Interest,
    Level,
    Region,
    RoleKind,
)

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Dollars = Annotated[int, Field(ge=0, le=10_000_000, strict=True)]


#: Every record forbids unknown keys, so a typo in a data file is an error, not a default.
FORBID = ConfigDict(extra="forbid")

# Records are plain frozen dataclasses: pydantic validates them at the edge (see
# `validate`), and after that they cost nothing to import, copy or unpickle.


# --- sources -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    __pydantic_config__ = FORBID
    id: Id
    title: Text
    #: A short name for tables, e.g. "Roles guide".
    short: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    publisher: Text
    #: When the source's facts hold, as the source states it.
    as_of: Text
    #: The same date, machine-readable (YYYY or YYYY-MM), for staleness warnings.
    dated: Annotated[str, Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2]))?$")] | None = None
    #: File name of the article under shared/seeds/.
    seed: Text
    #: What this source contributes to the data.
    contributes: Text


# --- roles ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Skills:
    __pydantic_config__ = FORBID
    technical: Annotated[list[Text], Field(min_length=1)]
    soft: list[Text] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Axes:
    __pydantic_config__ = FORBID
    """Place on the roles guide's landscape. 0..10 on both axes.

    model_infra: 0 = closest to the model, 10 = closest to infrastructure.
    research_production: 0 = research, 10 = shipped production.
    """

    model_infra: Annotated[int, Field(ge=0, le=10, strict=True)]
    research_production: Annotated[int, Field(ge=0, le=10, strict=True)]


@dataclass(frozen=True, slots=True, kw_only=True)
class SalaryBand:
    __pydantic_config__ = FORBID
    """One figure from one source. `low`/`high` are whole USD per year.

    `high` may be absent for open-ended figures ("$220K and up"); `plus` marks a
    source's trailing "+" ("$200K+"). A single figure ("~$142K") has low == high.
    """

    level: Level
    low: Dollars
    high: Dollars | None = None
    plus: bool = False
    approx: bool = False
    #: e.g. "FAANG", "frontier lab"
    segment: Text | None = None
    basis: Basis
    source: Id
    as_of: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _low_not_above_high(self) -> SalaryBand:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


@dataclass(frozen=True, slots=True, kw_only=True)
class Salary:
    __pydantic_config__ = FORBID
    bands: list[SalaryBand] = field(default_factory=list)
    #: What the sources say when they give no figure (e.g. "Not yet standardized").
    no_figure: Text | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    __pydantic_config__ = FORBID
    id: Id
    name: Text
    kind: RoleKind = "core"
    #: Maturity in a few words, e.g. 'Mainstream'.
    status: Text
    summary: Text
    responsibilities: list[Text] = field(default_factory=list)
    skills: Skills
    backgrounds: list[Text] = field(default_factory=list)
    aliases: list[Id] = field(default_factory=list)
    related: list[Id] = field(default_factory=list)
    demand: Text
    #: The demand signal in a few words, for one-line tables.
    signal: Annotated[str, Field(min_length=1, max_length=40)]
    axes: Axes | None = None
    #: Default time to move in, when no rule gives one.
    timeline: Text | None = None
    break_in: list[Text] = field(default_factory=list)
    study: list[Text] = field(default_factory=list)
    salary: Salary = field(default_factory=lambda: Salary())
    sources: Annotated[list[Id], Field(min_length=1)]


@dataclass(frozen=True, slots=True, kw_only=True)
class NotARole:
    __pydantic_config__ = FORBID
    """A term people search for that the sources say is not a role (yet)."""

    id: Id
    name: Text
    explanation: Text
    see: list[Id] = field(default_factory=list)
    source: Id


@dataclass(frozen=True, slots=True, kw_only=True)
class RolesMeta:
    __pydantic_config__ = FORBID
    version: Text
    updated: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class RolesFile:
    __pydantic_config__ = FORBID
    meta: RolesMeta
    sources: Annotated[list[Source], Field(min_length=1)]
    roles: Annotated[list[Role], Field(min_length=1)]
    not_roles: list[NotARole] = field(default_factory=list)


# --- rules (data/matrix.toml) -------------------------------------------------------

Field_ = Literal["background", "years", "interests", "company", "coding", "region"]
Operator = Literal["equals", "in", "has-any", "has-all", "at-least", "at-most"]
FIELDS: tuple[str, ...] = get_args(Field_)
OPERATORS: tuple[str, ...] = get_args(Operator)


@dataclass(frozen=True, slots=True, kw_only=True)
class Leaf:
    __pydantic_config__ = FORBID
    field: Field_
    op: Operator
    value: int | str | list[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class AllOf:
    __pydantic_config__ = FORBID
    all: Annotated[list[Condition], Field(min_length=1)]


@dataclass(frozen=True, slots=True, kw_only=True)
class AnyOf:
    __pydantic_config__ = FORBID
    any: Annotated[list[Condition], Field(min_length=1)]


@dataclass(frozen=True, slots=True, kw_only=True)
class NotOf:
    __pydantic_config__ = ConfigDict(extra="forbid", populate_by_name=True)
    not_: Annotated[Condition, Field(alias="not")]


def _condition_kind(value: object) -> str:
    """Pick the condition shape by its keys, so errors name the right one."""
    if not isinstance(value, dict):
        kinds = {AllOf: "all", AnyOf: "any", NotOf: "not"}
        return kinds.get(type(value), "leaf")
    for kind in ("all", "any", "not"):
        if kind in value:
            return kind
    return "leaf"


Condition = Annotated[
    Annotated[Leaf, Tag("leaf")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")],
    Discriminator(_condition_kind),
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    __pydantic_config__ = FORBID
    id: Id
    kind: Literal["matrix", "fit"] = "fit"
    #: Text shown to the person as the reason when the rule fires.
    reason: Text
    when: Condition
    #: Points the rule adds to (or, if negative, takes from) each role's score.
    weights: Annotated[
        dict[Id, Annotated[int, Field(ge=-100, le=100, strict=True)]], Field(min_length=1)
    ]
    #: Time to move into the weighted roles, when this rule is what matched.
    timeline: Text | None = None
    source: Id
    #: For kind = "matrix": the guide's decision-matrix row, word for word.
    profile: Text | None = None
    best: Text | None = None

    @model_validator(mode="after")
    def _matrix_rows_are_complete(self) -> Rule:
        if self.kind == "matrix":
            missing = [f for f in ("profile", "best", "timeline") if getattr(self, f) is None]
            if missing:
                raise ValueError(f"a matrix rule needs {', '.join(missing)}")
        return self


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionRule:
    __pydantic_config__ = FORBID
    """A region's pay relative to the US figures: `lower_min`..`lower_max` percent lower."""

    label: Text
    lower_min: Annotated[int, Field(ge=0, le=100, strict=True)] = 0
    lower_max: Annotated[int, Field(ge=0, le=100, strict=True)] = 0
    source: Id
    #: Which sources' figures this rule may be applied to (never blend sources).
    applies_to: list[Id] = field(default_factory=list)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> RegionRule:
        if self.lower_min > self.lower_max:
            raise ValueError(f"lower_min ({self.lower_min}) is above lower_max ({self.lower_max})")
        return self


@dataclass(frozen=True, slots=True, kw_only=True)
class Band:
    __pydantic_config__ = FORBID
    name: Text
    min_score: Annotated[int, Field(ge=0, le=100, strict=True)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Scoring:
    __pydantic_config__ = FORBID
    #: Fit bands, checked from the highest min_score down.
    bands: Annotated[list[Band], Field(min_length=1)]
    #: The top two are called close when their scores differ by at most this.
    close_margin: Annotated[int, Field(ge=0, le=100, strict=True)] = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class MatrixMeta:
    __pydantic_config__ = FORBID
    version: Text
    updated: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class MatrixFile:
    __pydantic_config__ = FORBID
    meta: MatrixMeta
    scoring: Scoring
    regions: dict[Region, RegionRule]
    rules: Annotated[list[Rule], Field(min_length=1)]


# --- the person's answers -------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    __pydantic_config__ = FORBID
    """An answers file. The public contract is documented in README.md."""

    background: Background
    years: Annotated[int, Field(ge=0, le=60, strict=True)]
    interests: Annotated[list[Interest], Field(min_length=1)]
    company: Company = "any"
    coding: Coding | None = None
    region: Region = "us"

    @model_validator(mode="after")
    def _no_repeated_interests(self) -> Profile:
        if len(set(self.interests)) != len(self.interests):
            raise ValueError("interests lists an interest twice")
        return self

    @property
    def coding_level(self) -> Coding:
        """The stated coding level, or the background's default."""
        return self.coding if self.coding is not None else DEFAULT_CODING[self.background]


_T = TypeVar("_T")


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def adapter(kind: type[_T]) -> TypeAdapter[_T]:
    """The validator for `kind`, built on first use so importing this module stays cheap."""
    if kind not in _ADAPTERS:
        _ADAPTERS[kind] = TypeAdapter(kind)
    found: TypeAdapter[_T] = _ADAPTERS[kind]
    return found


def validate(kind: type[_T], raw: object) -> _T:
    """Validate `raw` (parsed TOML or JSON) into `kind`; raises pydantic's ValidationError."""
    return adapter(kind).validate_python(raw)
