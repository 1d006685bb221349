"""The model's rules, compiled once from the data (matrix.toml, paths.toml, followups.toml),
and the person's starting point. Read by `fit`, `distance` and `model`; pure."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from aicareer.engine.conditions import Facts, Test, compile_condition, expand, leaves

if TYPE_CHECKING:
    from aicareer.engine.distance import Distance
    from aicareer.records.followups import Followup
    from aicareer.records.pathmodels import PathsFile
    from aicareer.records.rulemodels import MatrixFile, Route

#: Coding levels, lowest first.
CODING_ORDER = ("none", "basic", "professional")
LEVEL = {c: i for i, c in enumerate(CODING_ORDER)}
#: The phases that bring a person's coding up one level: none -> basic, basic -> professional.
CODING_PHASES = ("python-basics", "programming")
WEEKS_PER_MONTH = 52 / 12
#: Pay level by years that count toward the role (aicareer's reading, docs/rules.md).
PAY_LEVELS = (("senior", 8), ("mid", 3), ("entry", 0))


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


class RoleRules(NamedTuple):
    """One role's rules, compiled from the data."""

    id: str
    demand_rank: int
    comfort: int
    outlook_points: int
    outlook: str
    pay_from: frozenset[str]
    #: start -> (low, high) months: aicareer's estimate
    months: Mapping[str, tuple[int, int]]
    experience: tuple[int, int] | None
    experience_words: str | None
    experience_source: str | None
    experience_estimate: bool
    #: interest -> (weight, why, source)
    affinity: Mapping[str, tuple[int, str | None, str]]
    routes: tuple[tuple[Test, Route], ...]
    requirements: tuple[Requirement, ...]
    phases: tuple[str, ...]
    #: The interests and companies this role's routes look at (its distance depends on no
    #: other interest or company).
    looks_at: frozenset[str]
    #: The years values where this role's distance can change (its routes' and
    #: requirements' thresholds; every year up to them for a role reached by years of work).
    years_cuts: tuple[int, ...] = ()


class Requirement(NamedTuple):
    group: frozenset[str] | None
    group_name: str | None
    min_years: int | None
    coding: int | None
    or_coding: int | None
    reason: str
    source: str


class Rules:
    """The data compiled once: what every function below reads. Read-only."""

    def __init__(
        self,
        matrix: MatrixFile,
        paths: PathsFile,
        followups: Callable[[], Sequence[Followup]] = tuple,
    ) -> None:
        s = matrix.scoring
        self.matrix = matrix
        self.paths = paths
        #: The follow-up questions (data/followups.toml), read only when an answer needs them.
        self.followups = followups
        self.fit_weight, self.readiness_weight = s.fit_weight, s.readiness_weight
        self.match_at, self.coverage, self.min_fit = s.match_at, s.fit_coverage, s.min_fit
        self.close_margin, self.later_cap = s.close_margin, s.later_readiness_cap
        self.curve = tuple((m, r) for m, r in s.readiness_curve)
        self.pace = paths.pace.hours_per_week
        bands = sorted(s.bands, key=lambda b: -b.min_score)
        #: (name, min score, min readiness), highest first (model.band_of).
        self.bands = tuple((b.name, b.min_score, b.min_readiness) for b in bands)
        self.lowest_band = bands[-1].name
        groups = matrix.groups
        self.group_names = matrix.group_names
        self.starts: dict[str, str] = {str(k): v for k, v in matrix.starts.items()}
        self.start_coding = {k: LEVEL[v] for k, v in matrix.start_coding.items()}
        self.coders = dict(matrix.coders)
        self.phase_weeks = {p.id: (p.min_weeks, p.max_weeks) for p in paths.phases}
        self.phase_by_id = {p.id: p for p in paths.phases}
        roles = []
        for rs in matrix.roles:
            affinity: dict[str, tuple[int, str | None, str]] = {}
            for a in matrix.fit:
                if rs.id in a.weights:
                    why = (a.why or {}).get(rs.id)
                    source = (a.sources or {}).get(rs.id, a.source)
                    affinity[a.interest] = (a.weights[rs.id], why, source)
            path = paths.path_for(rs.id)
            exp = rs.experience
            roles.append(
                RoleRules(
                    id=rs.id,
                    demand_rank=rs.demand_rank,
                    comfort=LEVEL[rs.coding],
                    outlook_points=s.outlook.get(rs.outlook, 0),
                    outlook=rs.outlook,
                    pay_from=frozenset(rs.pay_from),
                    months={k: (v[0], v[1]) for k, v in (rs.months or {}).items()},
                    experience=(exp.years[0], exp.years[1]) if exp else None,
                    experience_words=exp.words if exp else None,
                    experience_source=exp.source if exp else None,
                    experience_estimate=exp.estimate if exp else False,
                    affinity=affinity,
                    routes=tuple(
                        (compile_condition(r.when, groups), r)
                        for r in matrix.routes
                        if r.role == rs.id
                    ),
                    requirements=tuple(
                        Requirement(
                            expand(q.backgrounds, groups) if q.backgrounds else None,
                            q.backgrounds[1:] if q.backgrounds else None,
                            q.min_years,
                            LEVEL[q.coding] if q.coding else None,
                            LEVEL[q.or_coding] if q.or_coding else None,
                            q.reason,
                            q.source,
                        )
                        for q in matrix.requirements
                        if q.role == rs.id
                    ),
                    phases=tuple(path.phases) if path else (),
                    looks_at=frozenset(
                        v
                        for r in matrix.routes
                        if r.role == rs.id
                        for leaf in leaves(r.when)
                        if leaf.field in ("interests", "company")
                        for v in expand(leaf.value, groups)
                    ),
                    years_cuts=_years_cuts(matrix, rs.id, exp is not None),
                )
            )
        self.roles: tuple[RoleRules, ...] = tuple(roles)
        self.by_id = {r.id: r for r in self.roles}
        self.company = {c.company: c for c in matrix.company}
        self.suits = tuple((compile_condition(x.when, groups), x) for x in matrix.suits)
        #: distance_of's answers by what they depend on (bounded; never changes a result)
        self.distances: dict[tuple[object, ...], Distance] = {}

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)


def _years_cuts(matrix: MatrixFile, role_id: str, by_years: bool) -> tuple[int, ...]:
    cuts: set[int] = {0}
    for q in matrix.requirements:
        if q.role == role_id and q.min_years is not None:
            cuts |= set(range(q.min_years + 2)) if by_years else {q.min_years}
    for r in matrix.routes:
        if r.role != role_id:
            continue
        for leaf in leaves(r.when):
            if leaf.field == "years" and isinstance(leaf.value, int):
                n = leaf.value
                cuts |= {n + 1} if leaf.op == "at-most" else {n, n + 1}
    return tuple(sorted(cuts))


# --- the person's starting point --------------------------------------------------------


def start_of(rules: Rules, f: Facts) -> str:
    """The row of the estimates this person starts from: their background's, unless they
    code professionally from a start whose people usually do not (`[coders]`)."""
    start = rules.starts[f.background]
    if f.coding == "professional" and start in rules.coders:
        return rules.coders[start]
    return start
