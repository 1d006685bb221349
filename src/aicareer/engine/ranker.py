"""The engine: the model (`engine.model`) for one person, and a memoised ranker for batch.

Interactive commands call `Engine.rank` and `Engine.explain`, which are the readable model
itself. `aicareer batch` ranks a cohort through `fit_part`, `ready_part` and `order`: the same
model functions, remembered by exactly what they depend on, and one sort of integers per
row. tests/test_engine_reference.py checks that both give the same order over the grid.

Why the batch path exists (docs/design.md, "What stays for speed"): a cohort of distinct
people is mostly shared parts. FIT depends on interests, company and the "who it suits"
rules; READINESS on background, coding, skills, the years bucket and the few interests and
companies routes look at. Each part keeps, per role, what the order needs, so a new
combination of known parts costs dict look-ups and one sort of integers.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from operator import getitem
from typing import TYPE_CHECKING, Any, NamedTuple

from aicareer.engine import model
from aicareer.engine.conditions import Facts, leaves
from aicareer.engine.ranking import (
    Check,
    Explanation,
    Ranking,
    Readiness,
    Reason,
    RoleResult,
    TimeToReady,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from aicareer.records.followups import Followup
    from aicareer.records.models import Profile
    from aicareer.records.pathmodels import PathsFile
    from aicareer.records.rulemodels import MatrixFile

__all__ = ["Check", "Engine", "Explanation", "Ranking", "Readiness", "Reason", "RoleResult"]

CODING_ORDER = model.CODING_ORDER
#: How many parts to remember before starting over (memory stays flat).
_PART_LIMIT = 1 << 14


class FitPart(NamedTuple):
    """Per role (in `Engine.role_ids` order), what fit adds to a ranking."""

    #: fit as shown, rounded half up
    shown: tuple[int, ...]
    #: bit i set: role i matches at least one interest
    matched: int
    #: per role, `ReadyPart.key` -> the role's `order` integer
    table: tuple[_ScoreTable, ...]


class ReadyPart(NamedTuple):
    """Per role (in `Engine.role_ids` order), what readiness adds to a ranking."""

    readiness: tuple[Readiness, ...]
    #: bit i set: role i is ready (no requirement missed)
    ready_mask: int
    #: per role, the key into `FitPart.table`: the readiness score, plus 128 if not ready
    key: tuple[int, ...]
    #: per role, the time to ready as (weeks, years): all its words depend on, with the pace
    spans: tuple[tuple[object, object], ...] = ()


class _ScoreTable(dict[int, int]):
    """One role's `order` integer for one fit, by `ReadyPart.key`, filled on first use.

    The integer sorts like the model's `order_key`: (not ready, no match, 100 - score,
    100 - readiness, demand rank, index), packed in one int so a row sorts at C speed."""

    __slots__ = ("engine", "fit", "rest", "role")

    def __init__(self, engine: Engine, role: model.RoleRules, fit: float, rest: int) -> None:
        super().__init__()
        self.engine, self.role, self.fit, self.rest = engine, role, fit, rest

    def __missing__(self, key: int) -> int:
        readiness, later = key & 0x7F, key >> 7
        score = model.score_of(self.engine.rules, self.role, self.fit, readiness)
        shift = self.engine.score_shift
        found = self[key] = (
            (later << 10 | 100 - score) << shift | (100 - readiness) << shift - 10 | self.rest
        )
        return found


class Engine:
    """The model over one dataset. Deterministic; `rank` and `explain` are the model's own."""

    def __init__(
        self,
        matrix: MatrixFile,
        paths: PathsFile,
        followups: Callable[[], Sequence[Followup]] = tuple,
    ) -> None:
        self.matrix = matrix
        self.rules = rules = model.Rules(matrix, paths, followups)
        self.band_for = rules.band_for
        self._roles = rules.roles
        self._index_bits = max(1, len(self._roles).bit_length())
        self.index_mask = (1 << self._index_bits) - 1
        self.score_shift = 30 + self._index_bits
        cuts: set[int] = {q.min_years for q in matrix.requirements if q.min_years is not None}
        for cond in [r.when for r in matrix.routes] + [x.when for x in matrix.suits]:
            for leaf in leaves(cond):
                if leaf.field == "years" and isinstance(leaf.value, int):
                    n = leaf.value
                    cuts |= {n + 1} if leaf.op == "at-most" else {n, n + 1}
        cuts |= {start for _, start in model.PAY_LEVELS}
        # A role reached by years of work counts the years still missing one by one.
        cuts |= set(range(max(cuts, default=0) + 2))
        #: years -> its bucket between the data's thresholds (batch uses it too)
        ordered = tuple(sorted(cuts))
        self.bucket = functools.partial(bisect_right, ordered)
        #: A bucket's first years value: every years value in the bucket ranks alike, so
        #: distances are worked out (and remembered) for this one.
        self._first_years = (0, *ordered)
        looked = [leaf for r in matrix.routes for leaf in leaves(r.when)]
        self._route_interests = frozenset(
            i for leaf in looked if leaf.field == "interests" for i in _values(leaf.value, matrix)
        )
        self._route_companies = frozenset(
            c for leaf in looked if leaf.field == "company" for c in _values(leaf.value, matrix)
        )
        self._phase_skills = frozenset(s for p in paths.phases for s in p.skills)
        self._fit_memo: dict[tuple[object, ...], FitPart] = {}
        self._ready_memo: dict[tuple[object, ...], ReadyPart] = {}
        self._texts: dict[tuple[object, ...], str] = {}
        self._tables: tuple[dict[tuple[float, bool], _ScoreTable], ...] = tuple(
            {} for _ in self._roles
        )

    @property
    def role_ids(self) -> tuple[str, ...]:
        return self.rules.role_ids

    # -- one person: the model itself --------------------------------------------------------

    def rank(self, profile: Profile) -> Ranking:
        """Every core role, ranked. Same profile, same ranking."""
        return model.rank(self.rules, profile)

    def explain(self, profile: Profile, role_id: str) -> Explanation:
        """Every reason behind one role's fit and readiness, and each requirement checked."""
        return model.explain(self.rules, profile, role_id)

    # -- a cohort: the same functions, remembered by what they depend on ---------------------

    def reduced(self, f: Facts) -> tuple[object, ...]:
        """The facts with years replaced by its bucket between the data's thresholds."""
        return (f[0], self.bucket(f[1]), f[2], f[3], f[4], f[5] if len(f) > 5 else frozenset())

    def fit_part(self, f: tuple[Any, ...]) -> FitPart:
        f = Facts(*f)
        # Fit depends on background and years only through the "who it suits" rules.
        held = tuple([test(f) for test, _ in self.rules.suits])
        key = (f.interests, f.company, held)
        hit = self._fit_memo.get(key)
        if hit is None:
            shown, tables, matched = [], [], 0
            for i, role in enumerate(self._roles):
                fit = model.fit_of(self.rules, role, f, reasons_too=False)
                match = model.is_match(self.rules, fit)
                shown.append(model.round_half_up(fit.value))
                matched |= match << i
                shared = self._tables[i]
                table = shared.get((fit.value, match))
                if table is None:
                    if len(shared) >= _PART_LIMIT:
                        shared.clear()
                    rest = ((not match) << 39 | role.demand_rank) << self._index_bits | i
                    table = shared[fit.value, match] = _ScoreTable(self, role, fit.value, rest)
                tables.append(table)
            hit = FitPart(tuple(shown), matched, tuple(tables))
            if len(self._fit_memo) >= _PART_LIMIT:
                self._fit_memo.clear()
            self._fit_memo[key] = hit
        return hit

    def ready_part(self, f: tuple[Any, ...], bucket: int) -> ReadyPart:
        """Every role's readiness for these facts (`bucket`: the years bucket)."""
        f = Facts(*f)
        key = (
            f.background,
            bucket,
            f.coding,
            f.company if f.company in self._route_companies else "",
            f.interests & self._route_interests,
            f.skills & self._phase_skills,
        )
        hit = self._ready_memo.get(key)
        if hit is None:
            same = f._replace(years=self._first_years[bucket])
            parts = [model.distance_of(self.rules, role, same) for role in self._roles]
            hit = ReadyPart(
                tuple(d.readiness for d in parts),
                sum(d.ready << i for i, d in enumerate(parts)),
                tuple(d.readiness.score | (not d.ready) << 7 for d in parts),
                tuple(_span(d.readiness.time) for d in parts),
            )
            if len(self._ready_memo) >= _PART_LIMIT:
                self._ready_memo.clear()
            self._ready_memo[key] = hit
        return hit

    def order(self, fit: FitPart, ready: ReadyPart) -> list[int]:
        """The roles in ranked order, one integer each (`index_mask` bits: the role's index,
        `score_of()`: its score): dict look-ups and one sort, no Python loop."""
        return sorted(map(getitem, fit.table, ready.key))

    def score_of(self, order: int) -> int:
        """The score inside one of `order()`'s integers."""
        return 100 - (order >> self.score_shift & 0x1FF)

    def band(self, order: int) -> str:
        """The band inside one of `order()`'s integers (a later role: the lowest band)."""
        later = order >> (self.score_shift + 10) & 1
        return model.band_of(self.rules, self.score_of(order), not later)

    def time_text(self, time: TimeToReady | None, hours: int | None) -> str | None:
        """The one time to ready as the quiz's JSON `timeline` says it, at `hours` a week."""
        if time is None:
            return None
        key = (time.weeks, time.years, hours)
        found = self._texts.get(key)
        if found is None:
            from aicareer.engine.pace import time_words

            pace = hours or self.rules.pace
            found = time_words(time, self.rules.pace, pace, hours is not None)[1]
            if len(self._texts) >= _PART_LIMIT:
                self._texts.clear()
            self._texts[key] = found
        return found

    def no_clear_fit(self, fit: FitPart, ready: ReadyPart) -> bool:
        """Not one of the person's interests matches a role they can aim at now."""
        return not fit.matched & ready.ready_mask


def _span(time: TimeToReady | None) -> tuple[object, object]:
    return (None, None) if time is None else (time.weeks, time.years)


def _values(value: object, matrix: MatrixFile) -> frozenset[str]:
    from aicareer.engine.conditions import expand

    return expand(value, matrix.groups)  # type: ignore[arg-type]
