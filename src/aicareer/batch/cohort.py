"""Rank a cohort: the model's own functions (`aicareer.engine.fit`, `.distance`, `.model`),
remembered by what they depend on, and one sort of integers per person. Used by
`aicareer batch` only; every other command ranks with the readable model itself.
tests/test_one_answer.py checks that this orders every profile of the 157,248-profile grid
exactly as the model does.

A cohort of distinct people is mostly shared parts (docs/batch.md, "Memory and speed"):

* FIT depends on the interests, the company and which "who it suits" rules hold. A *fit
  part* keeps, per role, a table from the role's readiness key to its sort integer. The
  interests' share of it is worked out once per set of interests; which suits rules
  hold is remembered by the few interests they look at, not the whole set.
* READINESS depends on the background, the years (only where a role's rules change), the
  coding, the skills, and the few interests and companies the routes look at. A *ready
  part* keeps, per role, its readiness key: the readiness, whether the role is for later,
  and which time to ready it is (an id into the cohort's list of distinct times). Each
  role's key is remembered by the facts that role's own rules read.

A person made of known parts costs a few dict look-ups and one sort of twelve integers, in
C. Each integer sorts as the model's `order_key` does and also carries what the role's
output record shows (the fit as shown and the time's id), so a role's record is found by
its integer. Every memo is bounded, so memory stays flat: when a part memo fills, all
start over together, between two people (the integers name times by their id); when
the results fill, only they start over (a result holds encoded text, no integer).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from operator import getitem
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from aicareer.batch.packed import TIME_LIMIT, Packing, Table
from aicareer.engine import model
from aicareer.engine.conditions import Facts, expand, leaves
from aicareer.engine.distance import ready_of
from aicareer.engine.fit import added_points, from_interests
from aicareer.engine.model import shown_roles
from aicareer.engine.pace import time_words
from aicareer.records.rulemodels import Leaf
from aicareer.records.vocab import DEFAULT_CODING

if TYPE_CHECKING:
    from aicareer.engine.ranker import Engine
    from aicareer.engine.ranking import TimeToReady

R = TypeVar("R")
F = TypeVar("F")

#: Results by the answers as the engine sees them (a random cohort repeats itself there
#: about a third of the time), and how many parts, times and records to keep.
RESULT_LIMIT = 1 << 15
PART_LIMIT = 1 << 16
#: The years a person can give (the answers file's bound).
MAX_YEARS = 60


class _Sets:
    """One set of interests: the set, the parts the routes and the "who it suits" rules
    look at, and the interests' fit per role (its points and how many match). One object
    per set: keys hash by id."""

    __slots__ = ("chosen", "fit", "looked", "suited")

    def __init__(
        self,
        chosen: frozenset[str],
        looked: frozenset[str],
        suited: frozenset[str],
        fit: tuple[Any, ...],
    ):
        self.chosen, self.looked, self.suited, self.fit = chosen, looked, suited, fit


class _Seen(NamedTuple):
    """A ranked role as `model.shown_roles` reads it, with its sort integer."""

    ready: bool
    matched: bool
    fit: int
    score: int
    o: int


class _Fit:
    """One fit part: per role, its table of sort integers; and the roles that match."""

    __slots__ = ("matched", "table")

    def __init__(self, table: tuple[dict[int, int], ...], matched: int) -> None:
        self.table, self.matched = table, matched


class _Ready:
    """One ready part: per role, its readiness key; and the roles ready now."""

    __slots__ = ("key", "ready")

    def __init__(self, key: tuple[int, ...], ready: int) -> None:
        self.key, self.ready = key, ready


class Cohort(Generic[R, F]):
    """The top roles of many people, each role as `record(fields)` (its ROLE_FIELDS values,
    encoded by the caller) and each result as `fragment(records, (no_clear_fit,))`."""

    def __init__(
        self,
        engine: Engine,
        top: int,
        record: Callable[[tuple[object, ...]], R],
        fragment: Callable[[list[R], tuple[object, ...]], F],
    ) -> None:
        self.rules = rules = engine.rules
        self.roles = rules.roles
        self.top = top
        self._record, self._fragment = record, fragment
        self.packing = packing = Packing(rules)
        self.role_of, self.score_of, self.band_of = packing.role, packing.score, packing.band
        matrix = rules.matrix
        routes = [leaf for r in matrix.routes for leaf in leaves(r.when)]
        suits = [leaf for x in matrix.suits for leaf in leaves(x.when)]
        # An interest or company test reads only the values it names (conditions.py).
        self._route_interests = _named(routes, "interests", rules)
        self._route_company = {c: c for c in _named(routes, "company", rules)}
        self._suit_interests = _named(suits, "interests", rules)
        self._phase_skills = frozenset(s for p in rules.paths.phases for s in p.skills)
        self._suits = tuple(test for test, _ in rules.suits)
        #: Besides background, years and interests, what the suits rules read (0: company,
        #: 1: coding), so their memo's key holds it.
        read = {leaf.field for leaf in suits}
        self._suits_read = tuple(i for i, n in enumerate(("company", "coding")) if n in read)
        #: years -> bucket: years in one bucket rank alike (every threshold the rules use),
        #: for the whole result and for each role's readiness
        cuts: set[int] = set()
        for leaf in suits:
            if leaf.field == "years" and isinstance(leaf.value, int):
                cuts |= {leaf.value, leaf.value + 1}
        ready_cuts = {c for r in self.roles for c in r.years_cuts}
        self._ready_bucket = _bucket_list(ready_cuts)
        self._role_bucket = [_bucket_list(r.years_cuts) for r in self.roles]
        self._bucket = _bucket_list(ready_cuts | cuts)
        self._reset()

    def _reset(self) -> None:
        self._over = False
        self._sets: dict[tuple[str, ...], _Sets | None] = {}
        self._by_set: dict[frozenset[str], _Sets] = {}
        self._skills: dict[tuple[str, ...], frozenset[str]] = {}
        self._held: dict[tuple[object, ...], tuple[bool, ...]] = {}
        self._fits: dict[tuple[object, ...], _Fit] = {}
        self._added: dict[tuple[object, ...], tuple[tuple[int, ...], ...]] = {}
        self._readies: dict[tuple[object, ...], _Ready] = {}
        self._plain: dict[tuple[object, ...], list[tuple[int, bool] | None]] = {}
        self._looking: list[dict[tuple[object, ...], tuple[int, bool]]] = [{} for _ in self.roles]
        self._tables: list[dict[tuple[float, bool], Table]] = [{} for _ in self.roles]
        self._times: dict[tuple[object, object], int] = {}
        self.times: list[TimeToReady | None] = []
        self._records: dict[int | None, dict[int, R]] = {}
        self._results: dict[tuple[object, ...], F] = {}

    def _count(self, memo: dict[Any, Any]) -> None:
        """Start over before the next person once `memo` is full."""
        if len(memo) >= PART_LIMIT:
            self._over = True

    # -- one person ---------------------------------------------------------------------------

    def result(
        self,
        background: str,
        years: int,
        interests: tuple[str, ...],
        company: str,
        coding: str | None,
        skills: tuple[str, ...],
        hours: int | None,
    ) -> F | None:
        """The result for one person (None: an interest given twice, for the caller to
        word as the answers file's error)."""
        sets = self._sets.get(interests)
        if sets is None:
            sets = self._interest_sets(interests)
            if sets is None:
                return None
        have = self._skills.get(skills)
        if have is None:
            have = self._skill_set(skills)
        if coding is None:
            coding = DEFAULT_CODING[background]
        bucket = self._bucket[years]
        key = (background, bucket, sets, company, coding, have, hours)
        found = self._results.get(key)
        if found is not None:
            return found
        if self._over:
            self._reset()
            return self.result(background, years, interests, company, coding, skills, hours)
        if len(self._results) >= RESULT_LIMIT:
            self._results.clear()
        # Not seen yet: the two parts (each most likely seen), one sort, the top records.
        fit, ready = self._parts(background, years, sets, company, coding, have)
        known = self._records.get(hours)
        if known is None:
            known = self._records[hours] = {}
        records = [
            known.get(o) or self._new_record(known, o, hours) for o in self._chosen(fit, ready)
        ]
        found = self._results[key] = self._fragment(records, (not fit.matched & ready.ready,))
        return found

    def _parts(
        self,
        background: str,
        years: int,
        sets: _Sets,
        company: str,
        coding: str,
        have: frozenset[str],
    ) -> tuple[_Fit, _Ready]:
        bucket, rbucket = self._bucket[years], self._ready_bucket[years]
        held_key = (
            background,
            bucket,
            sets.suited,
            *[(company, coding)[i] for i in self._suits_read],
        )
        held = self._held.get(held_key) or self._held_of(
            held_key, Facts(background, years, sets.chosen, company, coding)
        )
        fit = self._fits.get((sets, company, held)) or self._fit(sets, company, held)
        looked = self._route_company.get(company, "")
        ready = self._readies.get((background, rbucket, coding, have, looked, sets.looked))
        if ready is None:
            f = Facts(background, years, sets.chosen, company, coding, have)
            ready = self._ready(f, rbucket, looked)
        return fit, ready

    def _held_of(self, key: tuple[object, ...], f: Facts) -> tuple[bool, ...]:
        """Which "who it suits" rules hold, remembered by the facts they read."""
        found = self._held[key] = tuple([t(f) for t in self._suits])
        self._count(self._held)
        return found

    def _shown(self, orders: list[int]) -> list[int]:
        """The roles shown when some role the person can aim at now matches: those, best
        first (they sort before every other), at most `top` (`model.shown_roles`)."""
        below = self.packing.recommended_below
        return [o for o in orders[: self.top] if o < below]

    def _nearest(self, orders: list[int]) -> list[int]:
        """No clear fit: the nearest roles, as `model.shown_roles` chooses them from the
        roles the person can aim at now (they sort first; the others are never shown)."""
        p = self.packing
        now = orders[: bisect_left(orders, p.now_below)]
        seen = [_Seen(True, p.matched(o), p.shown(o), p.score(o), o) for o in now]
        return [s.o for s in shown_roles(seen, self.top)]

    def _chosen(self, fit: _Fit, ready: _Ready) -> list[int]:
        orders = sorted(map(getitem, fit.table, ready.key))
        return self._shown(orders) if fit.matched & ready.ready else self._nearest(orders)

    def shown(self, f: Facts) -> list[int]:
        """The sort integers of the roles shown for these facts (for the tests)."""
        return self._chosen(*self._facts_parts(f))

    def order(self, f: Facts) -> list[int]:
        """Every role's sort integer for these facts, in ranked order (for the tests)."""
        fit, ready = self._facts_parts(f)
        return sorted(map(getitem, fit.table, ready.key))

    def no_clear_fit(self, f: Facts) -> bool:
        fit, ready = self._facts_parts(f)
        return not fit.matched & ready.ready

    def _facts_parts(self, f: Facts) -> tuple[_Fit, _Ready]:
        if self._over:
            self._reset()
        sets = self._interest_sets(tuple(sorted(f.interests)))
        assert sets is not None
        have = f.skills & self._phase_skills
        return self._parts(f.background, f.years, sets, f.company, f.coding, have)

    def fields(self, o: int, hours: int | None) -> tuple[object, ...]:
        """One role's ROLE_FIELDS values: role, score, band, timeline, fit, readiness, status."""
        p = self.packing
        time = self.time_text(self.times[p.time_id(o)], hours)
        status = "later" if p.later(o) else "now"
        return (p.role(o), p.score(o), p.band(o), time, p.shown(o), p.readiness(o), status)

    def _new_record(self, known: dict[int, R], o: int, hours: int | None) -> R:
        rec = known[o] = self._record(self.fields(o, hours))
        self._count(known)
        return rec

    def time_text(self, time: TimeToReady | None, hours: int | None) -> str | None:
        """The one time to ready as the quiz's JSON `timeline` says it, at `hours` a week."""
        if time is None:
            return None
        pace = hours or self.rules.pace
        return time_words(time, self.rules.pace, pace, hours is not None)[1]

    # -- the parts -----------------------------------------------------------------------------

    def _interest_sets(self, interests: tuple[str, ...]) -> _Sets | None:
        chosen = frozenset(interests)
        if len(chosen) != len(interests):
            return None
        found = self._by_set.get(chosen)
        if found is None:
            fit = tuple(from_interests(self.rules, r, chosen, False)[:2] for r in self.roles)
            found = self._by_set[chosen] = _Sets(
                chosen, chosen & self._route_interests, chosen & self._suit_interests, fit
            )
        self._sets[interests] = found
        self._count(self._sets)
        return found

    def _skill_set(self, skills: tuple[str, ...]) -> frozenset[str]:
        found = self._skills[skills] = frozenset(skills) & self._phase_skills
        self._count(self._skills)
        return found

    def _fit(self, sets: _Sets, company: str, held: tuple[bool, ...]) -> _Fit:
        added = self._added.get((company, held))
        if added is None:
            added = self._added[(company, held)] = tuple(
                tuple(pts for pts, _ in added_points(self.rules, role, company, held))
                for role in self.roles
            )
        min_fit, tables, matched = self.rules.min_fit, [], 0
        for i, ((total, count), plus) in enumerate(zip(sets.fit, added, strict=True)):
            for pts in plus:  # one by one, in order, as fit_of adds them
                total += pts
            value = min(100.0, max(0.0, total))
            match = count > 0 and value >= min_fit  # model.is_match
            matched |= match << i
            shared = self._tables[i]
            table = shared.get((value, match))
            if table is None:
                table = shared[value, match] = Table(self.packing, i, value, match)
                self._count(shared)
            tables.append(table)
        found = self._fits[(sets, company, held)] = _Fit(tuple(tables), matched)
        self._count(self._fits)
        return found

    def _ready(self, f: Facts, bucket: int, looked: str) -> _Ready:
        """Every role's readiness key, each remembered by what that role's rules read: the
        years between its own thresholds, and only the interests and company its routes
        look at. The roles that look at none share one look-up per background, years,
        coding and skills."""
        plain = self._plain.get((f.background, bucket, f.coding, f.skills))
        if plain is None:
            plain = self._plain[(f.background, bucket, f.coding, f.skills)] = [
                None if role.looks_at else self._role_key(i, f) for i, role in enumerate(self.roles)
            ]
            self._count(self._plain)
        keys, ready = [], 0
        for i, found in enumerate(plain):
            if found is None:
                found = self._role_key(i, f)
            keys.append(found[0])
            ready |= found[1] << i
        part = _Ready(tuple(keys), ready)
        self._readies[
            (f.background, bucket, f.coding, f.skills, looked, f.interests & self._route_interests)
        ] = part
        self._count(self._readies)
        return part

    def _role_key(self, i: int, f: Facts) -> tuple[int, bool]:
        looks = self.roles[i].looks_at
        key = (
            f.background,
            self._role_bucket[i][f.years],
            f.coding,
            f.skills,
            f.company if f.company in looks else "",
            f.interests & looks,
        )
        found = self._looking[i].get(key)
        if found is None:
            found = self._looking[i][key] = self._ready_key(i, self.roles[i], f)
            self._count(self._looking[i])
        return found

    def _ready_key(self, i: int, role: model.RoleRules, f: Facts) -> tuple[int, bool]:
        """(readiness | later << 7 | the time's id << 8, ready now)."""
        score, ok, time = ready_of(self.rules, role, f)
        return score | (not ok) << 7 | self._time_id(time) << 8, ok

    def _time_id(self, time: TimeToReady | None) -> int:
        span = (None, None) if time is None else (time.weeks, time.years)
        found = self._times.get(span)
        if found is None:
            found = self._times[span] = len(self.times)
            self.times.append(time)
            if len(self.times) >= TIME_LIMIT:
                self._over = True
        return found


def _bucket_list(cuts: set[int] | tuple[int, ...]) -> list[int]:
    """years (0 to MAX_YEARS) -> its bucket between the cuts."""
    ordered = sorted(cuts)
    return [bisect_right(ordered, y) for y in range(MAX_YEARS + 1)]


def _named(found: list[Leaf], field: str, rules: model.Rules) -> frozenset[str]:
    """The values of `field` these conditions' tests name (groups expanded)."""
    groups = rules.matrix.groups
    return frozenset(v for leaf in found if leaf.field == field for v in expand(leaf.value, groups))
