"""The records of data/matrix.toml: how answers become ranked roles (docs/rules.md).

Validated once when read, like every record in `aicareer.records.models`: named tuples, unknown
keys refused, cross-field checks as `AfterValidator`s. The engine trusts them after that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple

from aicareer.records import constraints

if TYPE_CHECKING:
    from pydantic import AfterValidator, Discriminator, Field, Tag
else:  # pydantic is imported only when something is validated (see constraints.py)
    from aicareer.records.constraints import AfterValidator, Discriminator, Field, Tag

from aicareer.records.models import Id, Text
from aicareer.records.vocab import Background, Coding, Company, Interest

# --- rules (data/matrix.toml) -------------------------------------------------------

Field_ = Literal["background", "years", "interests", "company", "coding"]
Operator = Literal["equals", "in", "has-any", "has-all", "at-least", "at-most"]
Percent = Annotated[int, Field(ge=0, le=100, strict=True)]


class Leaf(NamedTuple):
    """One test on one answer. A string value starting with "@" names a [groups] list."""

    field: Field_
    op: Operator
    value: int | str | list[str]


class AllOf(NamedTuple):
    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(NamedTuple):
    any: Annotated[list[Condition], Field(min_length=1)]


class NotOf(NamedTuple):
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


class RegionRule(NamedTuple):
    """A region's pay relative to the US figures: `lower_min`..`lower_max` percent lower."""

    label: Text
    source: Id
    lower_min: Percent = 0
    lower_max: Percent = 0
    #: Which sources' figures this rule may be applied to (never blend sources).
    applies_to: Sequence[Id] = ()


def _min_not_above_max(rule: RegionRule) -> RegionRule:
    if rule.lower_min > rule.lower_max:
        raise ValueError(f"lower_min ({rule.lower_min}) is above lower_max ({rule.lower_max})")
    return rule


CheckedRegionRule = Annotated[RegionRule, AfterValidator(_min_not_above_max)]


class Band(NamedTuple):
    name: Text
    min_score: Percent
    #: What a score in this band claims, the same for everyone.
    claim: Text | None = None
    #: ... and the readiness it needs as well (0: any), so that what the claim says about
    #: the way in holds for every role in the band.
    min_readiness: Percent = 0


Outlook = Literal["mainstream", "growing", "established", "emerging", "untitled", "shrinking"]
Points = Annotated[int, Field(ge=-50, le=50, strict=True)]
MonthCount = Annotated[int, Field(ge=0, le=240, strict=True)]
Months = Annotated[list[MonthCount], Field(min_length=2, max_length=2)]


class Scoring(NamedTuple):
    """How fit and readiness become one ranked score (matrix.toml [scoring])."""

    #: Score bands, checked from the highest min_score down.
    bands: Annotated[list[Band], Field(min_length=1)]
    fit_weight: Percent
    readiness_weight: Percent
    #: An interest matches a role's work at this weight or more.
    match_at: Percent
    #: FIT from interests: this share from how many interests match, the rest from the
    #: average weight.
    fit_coverage: Percent
    #: A role is recommended only with at least one matching interest and this much fit.
    min_fit: Percent
    #: The top two recommended roles are a close call when at most this many points apart.
    close_margin: Percent
    #: The most readiness a role whose requirements are not met can have.
    later_readiness_cap: Percent
    #: (months to ready at the assumed pace, readiness) points, joined by straight lines.
    readiness_curve: Annotated[
        list[Annotated[list[int], Field(min_length=2, max_length=2)]], Field(min_length=2)
    ]
    #: Score points for each market outlook.
    outlook: dict[Outlook, Points]


def _weights_add_up(s: Scoring) -> Scoring:
    if s.fit_weight + s.readiness_weight != 100:
        raise ValueError(
            f"fit_weight + readiness_weight must be 100, got {s.fit_weight + s.readiness_weight}"
        )
    months = [m for m, _ in s.readiness_curve]
    if months != sorted(set(months)):
        raise ValueError("readiness_curve: months must rise from one point to the next")
    if any(not 0 <= r <= 100 for _, r in s.readiness_curve):
        raise ValueError("readiness_curve: readiness must be within 0-100")
    return s


CheckedScoring = Annotated[Scoring, AfterValidator(_weights_add_up)]


class MatrixRow(NamedTuple):
    """One row of the roles guide's Career Decision Matrix, word for word."""

    id: Id
    profile: Text
    best: Text
    timeline: Text
    source: Id


class Experience(NamedTuple):
    """For a role reached by years of work: how many years, in whose words."""

    years: Months
    words: Text
    source: Id
    #: True when the years are aicareer's reading, not the source's figure.
    estimate: bool = False


class RoleScoring(NamedTuple):
    """A core role's scoring data: demand order, coding level, time estimates, outlook."""

    id: Id
    #: 1 = most demand; breaks ties only.
    demand_rank: Annotated[int, Field(ge=1, le=1000, strict=True)]
    demand: Text
    source: Id
    #: The coding level the role's skill list assumes.
    coding: Coding
    #: The market's direction for the role (points in [scoring] outlook; source: `source`).
    outlook: Outlook
    #: Starting points whose years count toward the role's pay level.
    pay_from: Sequence[Id] = ()
    #: aicareer's estimate of the months to ready per starting point, where no route gives
    #: a figure (for someone with that start's usual coding).
    months: dict[Id, Months] | None = None
    #: For roles reached by years of work instead of study.
    experience: Experience | None = None


class Requirement(NamedTuple):
    """What a role asks for; unmet, the role is "later"."""

    role: Id
    reason: Text
    source: Id
    #: A [groups] name ("@engineers") the background must be in.
    backgrounds: Annotated[str, Field(pattern=r"^@[a-z0-9]+(-[a-z0-9]+)*$")] | None = None
    min_years: Annotated[int, Field(ge=0, le=60, strict=True)] | None = None
    coding: Coding | None = None
    #: The background requirement is also met by coding at this level, from any background.
    or_coding: Coding | None = None


class Affinity(NamedTuple):
    """FIT: how closely each role's work matches one interest (0-100)."""

    interest: Interest
    source: Id
    weights: Annotated[dict[Id, Percent], Field(min_length=1)]
    #: What to tell the person, per role.
    why: dict[Id, Text] | None = None
    #: The source of a role's `why`, where it is not the row's `source`.
    sources: dict[Id, Id] | None = None


class CompanyFit(NamedTuple):
    """FIT points for the kind of company a person wants (-100: the role does not exist
    there, e.g. a founding seat at an enterprise)."""

    company: Company
    weights: Annotated[
        dict[Id, Annotated[int, Field(ge=-100, le=50, strict=True)]], Field(min_length=1)
    ]
    reason: Text
    source: Id


class Suits(NamedTuple):
    """FIT points from a source's "who it suits" line that names a background."""

    id: Id
    when: Condition
    weights: Annotated[
        dict[Id, Annotated[int, Field(ge=-50, le=50, strict=True)]], Field(min_length=1)
    ]
    reason: Text
    source: Id


class Route(NamedTuple):
    """READINESS: a source's own way from a starting point into a role."""

    id: Id
    role: Id
    when: Condition
    reason: Text
    source: Id
    #: The source's figure, word for word, for `audience`.
    timeline: Text | None = None
    #: The same figure in months, low and high (None: a figure with no duration).
    months: Months | None = None
    #: Who the source's figure is for.
    audience: Text | None = None
    #: The decision-matrix row this route comes from.
    matrix: Id | None = None
    #: How the way in reads in the one-sentence answer.
    plain: Text | None = None
    #: For a role reached by years of work: this way in is study instead (its length is
    #: then aicareer's estimate from the phases).
    study: bool = False
    #: For a role reached by years of work, when the source gives no duration: aicareer's
    #: estimate of the years of work still to go (low, high).
    estimate_years: Months | None = None


def _route_is_whole(route: Route) -> Route:
    if route.timeline is None and (route.months is not None or route.audience is not None):
        raise ValueError("months and audience need a timeline")
    if route.timeline is not None and route.audience is None:
        raise ValueError("a timeline needs the audience it was given for")
    if route.months is not None and route.months[0] > route.months[1]:
        raise ValueError(f"months: low ({route.months[0]}) is above high ({route.months[1]})")
    return route


CheckedRoute = Annotated[Route, AfterValidator(_route_is_whole)]


class MatrixMeta(NamedTuple):
    version: Text
    updated: Text


class MatrixFile(NamedTuple):
    meta: MatrixMeta
    scoring: CheckedScoring
    regions: dict[Id, CheckedRegionRule]  # region ids are data (see salary.py)
    groups: dict[Id, Annotated[list[Background], Field(min_length=1)]]
    #: How a group reads in a sentence ("after about two more years as an engineer").
    group_names: dict[Id, Text]
    starts: dict[Background, Id]
    #: The coding level usual at each starting point.
    start_coding: dict[Id, Coding]
    #: Starting points whose professional coders start from another row.
    coders: dict[Id, Id]
    matrix: Annotated[list[MatrixRow], Field(min_length=1)]
    roles: Annotated[list[RoleScoring], Field(min_length=1)]
    fit: Annotated[list[Affinity], Field(min_length=1)]
    routes: Sequence[CheckedRoute] = ()
    requirements: Sequence[Requirement] = ()
    company: Sequence[CompanyFit] = ()
    suits: Sequence[Suits] = ()


constraints.register(__name__)
