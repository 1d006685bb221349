"""The sort integer of the cohort ranker (`cohort.py`): one role's place in a person's
ranking and what its output record shows, packed in one int, and read back.

High bits first: later (1), not matching (1), 100 - score (7), 100 - readiness (7), demand
rank (as many bits as the data's largest), the role's index; then, below the index, the
time's id and the fit as shown, which never decide the order (the index above them
differs for every role of a person).
So sorting a person's twelve integers ranks the roles exactly as the model's `order_key`
does, in C, and each integer alone finds the role's output record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicareer.engine import model

if TYPE_CHECKING:
    from aicareer.engine.rules import Rules

_SHOWN_BITS = 7
_TIME_BITS = 17
_LOW = _TIME_BITS + _SHOWN_BITS
#: How many distinct times to ready one generation of memos may name.
TIME_LIMIT = 1 << _TIME_BITS - 1


class Packing:
    """The integer layout for one dataset's roles, and its readers."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.ids = rules.role_ids
        self.index_bits = max(1, len(rules.roles).bit_length())
        demand_bits = max(r.demand_rank for r in rules.roles).bit_length()
        self.readiness_shift = self.index_bits + demand_bits
        self.score_shift = self.readiness_shift + 7
        #: Below this, an integer is a role the person can aim at now that matches.
        self.recommended_below = 1 << _LOW + self.score_shift + 7
        #: Below this, a role the person can aim at now (matching or not).
        self.now_below = 1 << _LOW + self.score_shift + 8

    def role(self, o: int) -> str:
        return self.ids[o >> _LOW & (1 << self.index_bits) - 1]

    def score(self, o: int) -> int:
        return 100 - (o >> _LOW + self.score_shift & 0x7F)

    def later(self, o: int) -> bool:
        return bool(o >> _LOW + self.score_shift + 8 & 1)

    def matched(self, o: int) -> bool:
        return not o >> _LOW + self.score_shift + 7 & 1

    def band(self, o: int) -> str:
        return model.band_of(self.rules, self.score(o), self.readiness(o), not self.later(o))

    def readiness(self, o: int) -> int:
        return 100 - (o >> _LOW + self.readiness_shift & 0x7F)

    def time_id(self, o: int) -> int:
        return o >> _SHOWN_BITS & (1 << _TIME_BITS) - 1

    def shown(self, o: int) -> int:
        """The fit as shown."""
        return o & 0x7F


class Table(dict[int, int]):
    """One role's sort integers for one fit, by readiness key (readiness | later << 7 |
    time id << 8), made on first use."""

    __slots__ = ("fit", "packing", "rest", "role")

    def __init__(self, packing: Packing, i: int, fit: float, match: bool) -> None:
        super().__init__()
        self.packing, self.fit = packing, fit
        self.role = role = packing.rules.roles[i]
        head = (not match) << packing.score_shift + 7 | role.demand_rank << packing.index_bits | i
        self.rest = head << _LOW | model.round_half_up(fit)

    def __missing__(self, key: int) -> int:
        p = self.packing
        readiness, later, time = key & 0x7F, key >> 7 & 1, key >> 8
        score = model.score_of(p.rules, self.role, self.fit, readiness)
        head = (
            later << p.score_shift + 8
            | 100 - score << p.score_shift
            | 100 - readiness << p.readiness_shift
        )
        found = self[key] = head << _LOW | time << _SHOWN_BITS | self.rest
        return found
