"""The engine: the model (`engine.model`) over one dataset, for one person at a time.

Every command that shows a person their roles calls `Engine.rank` and `Engine.explain`,
which are the readable model itself. `aicareer batch` ranks a cohort with the same model
functions, remembered (`aicareer.batch.cohort`).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from aicareer.engine import model
from aicareer.engine.ranking import (
    Check,
    Explanation,
    Ranking,
    Readiness,
    Reason,
    RoleResult,
)

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset
    from aicareer.records.followups import Followup
    from aicareer.records.models import Profile
    from aicareer.records.pathmodels import PathsFile
    from aicareer.records.rulemodels import MatrixFile

__all__ = [
    "Check",
    "Engine",
    "Explanation",
    "Ranking",
    "Readiness",
    "Reason",
    "RoleResult",
    "engine_of",
]

CODING_ORDER = model.CODING_ORDER


class Engine:
    """The model over one dataset. Deterministic; `rank` and `explain` are the model's own."""

    def __init__(
        self,
        matrix: MatrixFile,
        paths: PathsFile,
        followups: Callable[[], Sequence[Followup]] = tuple,
    ) -> None:
        self.matrix = matrix
        self.rules = model.Rules(matrix, paths, followups)

    @property
    def role_ids(self) -> tuple[str, ...]:
        return self.rules.role_ids

    def rank(self, profile: Profile) -> Ranking:
        """Every core role, ranked. Same profile, same ranking."""
        return model.rank(self.rules, profile)

    def explain(self, profile: Profile, role_id: str) -> Explanation:
        """Every reason behind one role's fit and readiness, and each requirement checked."""
        return model.explain(self.rules, profile, role_id)


#: One engine per dataset, compiled on first use and dropped with the dataset.
_ENGINES: weakref.WeakKeyDictionary[Dataset, Engine] = weakref.WeakKeyDictionary()


def engine_of(ds: Dataset) -> Engine:
    """The engine over this dataset's rules, compiled once per dataset."""
    found = _ENGINES.get(ds)
    if found is None:
        ref = weakref.ref(ds)  # the engine must not keep its dataset alive

        def followups() -> Sequence[Followup]:
            data = ref()
            return () if data is None else data.followups.followups

        found = _ENGINES[ds] = Engine(ds.matrix, ds.paths, followups)
    return found
