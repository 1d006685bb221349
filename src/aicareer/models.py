"""The data contract: every shape that crosses the edge of the program.

Role data (`data/roles.toml`), the rule matrix (`data/matrix.toml`) and a person's
profile (an answers file) are validated against these models exactly once, when they
are read. Everything past the loader trusts these types.

All models forbid unknown keys, so a typo in a data file is an error, not a silent
default.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

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


class Strict(BaseModel):
    """Base for every data model: unknown keys are errors; instances are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- sources -------------------------------------------------------------------------


class Source(Strict):
    id: Id
    title: Text
    #: A short name for tables, e.g. "Roles guide".
    short: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    publisher: Text
    as_of: Text = Field(description="When the source's facts hold, as the source states it.")
    #: The same date, machine-readable (YYYY or YYYY-MM), for staleness warnings.
    dated: Annotated[str, Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2]))?$")] | None = None
    seed: Text = Field(description="File name of the article under shared/seeds/.")
    contributes: Text = Field(description="What this source contributes to the data.")


# --- roles ---------------------------------------------------------------------------


class Skills(Strict):
    technical: list[Text] = Field(min_length=1)
    soft: list[Text] = Field(default_factory=list)


class Axes(Strict):
    """Place on the roles guide's landscape. 0..10 on both axes.

    model_infra: 0 = closest to the model, 10 = closest to infrastructure.
    research_production: 0 = research, 10 = shipped production.
    """

    model_infra: Annotated[int, Field(ge=0, le=10, strict=True)]
    research_production: Annotated[int, Field(ge=0, le=10, strict=True)]


class SalaryBand(Strict):
    """One figure from one source. `low`/`high` are whole USD per year.

    `high` may be absent for open-ended figures ("$220K and up"); `plus` marks a
    source's trailing "+" ("$200K+"). A single figure ("~$142K") has low == high.
    """

    level: Level
    low: Dollars
    high: Dollars | None = None
    plus: bool = False
    approx: bool = False
    segment: Text | None = Field(default=None, description='e.g. "FAANG", "frontier lab"')
    basis: Basis
    source: Id
    as_of: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _low_not_above_high(self) -> SalaryBand:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


class Salary(Strict):
    bands: list[SalaryBand] = Field(default_factory=list)
    #: What the sources say when they give no figure (e.g. "Not yet standardized").
    no_figure: Text | None = None
    note: Text | None = None


class Role(Strict):
    id: Id
    name: Text
    kind: RoleKind = "core"
    status: Text = Field(description="Maturity in a few words, e.g. 'Mainstream'.")
    summary: Text
    responsibilities: list[Text] = Field(default_factory=list)
    skills: Skills
    backgrounds: list[Text] = Field(default_factory=list)
    aliases: list[Id] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    demand: Text
    #: The demand signal in a few words, for one-line tables.
    signal: Annotated[str, Field(min_length=1, max_length=40)]
    axes: Axes | None = None
    timeline: Text | None = Field(
        default=None, description="Default time to move in, when no rule gives one."
    )
    break_in: list[Text] = Field(default_factory=list)
    study: list[Text] = Field(default_factory=list)
    salary: Salary = Field(default_factory=Salary)
    sources: list[Id] = Field(min_length=1)


class NotARole(Strict):
    """A term people search for that the sources say is not a role (yet)."""

    id: Id
    name: Text
    explanation: Text
    see: list[Id] = Field(default_factory=list)
    source: Id


class RolesMeta(Strict):
    version: Text
    updated: Text


class RolesFile(Strict):
    meta: RolesMeta
    sources: list[Source] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    not_roles: list[NotARole] = Field(default_factory=list)


# --- rules (data/matrix.toml) -------------------------------------------------------

Field_ = Literal["background", "years", "interests", "company", "coding", "region"]
Operator = Literal["equals", "in", "has-any", "has-all", "at-least", "at-most"]
FIELDS: tuple[str, ...] = get_args(Field_)
OPERATORS: tuple[str, ...] = get_args(Operator)


class Leaf(Strict):
    field: Field_
    op: Operator
    value: int | str | list[str]


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class NotOf(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)
    not_: Condition = Field(alias="not")


def _condition_kind(value: object) -> str:
    """Pick the condition shape by its keys, so errors name the right one."""
    keys = value.keys() if isinstance(value, dict) else vars(value).keys()
    for kind in ("all", "any"):
        if kind in keys:
            return kind
    if "not" in keys or "not_" in keys:
        return "not"
    return "leaf"


Condition = Annotated[
    Annotated[Leaf, Tag("leaf")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")],
    Discriminator(_condition_kind),
]


class Rule(Strict):
    id: Id
    kind: Literal["matrix", "fit"] = "fit"
    #: Text shown to the person as the reason when the rule fires.
    reason: Text
    when: Condition
    #: Points the rule adds to (or, if negative, takes from) each role's score.
    weights: dict[Id, Annotated[int, Field(ge=-100, le=100, strict=True)]] = Field(min_length=1)
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


class RegionRule(Strict):
    """A region's pay relative to the US figures: `lower_min`..`lower_max` percent lower."""

    label: Text
    lower_min: Annotated[int, Field(ge=0, le=100, strict=True)] = 0
    lower_max: Annotated[int, Field(ge=0, le=100, strict=True)] = 0
    source: Id
    #: Which sources' figures this rule may be applied to (never blend sources).
    applies_to: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> RegionRule:
        if self.lower_min > self.lower_max:
            raise ValueError(f"lower_min ({self.lower_min}) is above lower_max ({self.lower_max})")
        return self


class Band(Strict):
    name: Text
    min_score: Annotated[int, Field(ge=0, le=100, strict=True)]


class Scoring(Strict):
    #: Fit bands, checked from the highest min_score down.
    bands: list[Band] = Field(min_length=1)
    #: The top two are called close when their scores differ by at most this.
    close_margin: Annotated[int, Field(ge=0, le=100, strict=True)] = 5


class MatrixMeta(Strict):
    version: Text
    updated: Text


class MatrixFile(Strict):
    meta: MatrixMeta
    scoring: Scoring
    regions: dict[Region, RegionRule]
    rules: list[Rule] = Field(min_length=1)


# --- the person's answers -------------------------------------------------------------


class Profile(Strict):
    """An answers file. The public contract is documented in README.md."""

    background: Background
    years: Annotated[int, Field(ge=0, le=60, strict=True)]
    interests: list[Interest] = Field(min_length=1)
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
