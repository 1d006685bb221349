"""A one-pass check of a well-formed answers file, with msgspec (the fast path).

Reading an answers file is the only validation most commands do once the data is cached,
and pydantic costs ~30 ms to import, about a sixth of a command's run; msgspec ~9 ms. So
`answers()` checks the usual case in one pass, and anything it refuses goes through
pydantic (`profile.parse_profile`), whose words the error messages use. It only has to be
right about what it accepts: a property test in tests/test_batch_hostile.py checks that
every answers file it accepts, pydantic accepts as the same Profile (as another does for
batch's own rows, `batch.read._Row`, which adds an id to the same `ProfileFields`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import msgspec

from aicareer.records.models import Profile
from aicareer.records.vocab import Background, Coding, Company, Interest, Region, Skill


class ProfileFields(msgspec.Struct, forbid_unknown_fields=True):
    """The same rules as `models.Profile`, checked by msgspec in one pass: the one mirror of
    it, used for answers files here and, with an `id`, for batch rows (`batch.read._Row`).

    An interest listed twice is left to the caller (batch finds it while it ranks, for
    free); a skill listed twice is refused here."""

    background: Background
    years: Annotated[int, msgspec.Meta(ge=0, le=60)]
    interests: Annotated[tuple[Interest, ...], msgspec.Meta(min_length=1)]
    company: Company = "any"
    coding: Coding | None = None
    region: Region = "us"
    skills: tuple[Skill, ...] = ()
    hours_per_week: Annotated[int, msgspec.Meta(ge=1, le=80)] | None = None

    def __post_init__(self) -> None:
        skills = self.skills
        if skills and len(set(skills)) != len(skills):
            raise ValueError("skills lists a skill twice")


def answers(raw: Mapping[str, Any]) -> Profile | None:
    """The profile, if `raw` is a well-formed answers file; None: let pydantic say why not."""
    try:
        a = msgspec.convert(raw, ProfileFields)
    except (msgspec.ValidationError, TypeError, ValueError, RecursionError):
        return None
    if len(set(a.interests)) != len(a.interests):
        return None
    return Profile(
        a.background,
        a.years,
        list(a.interests),
        a.company,
        a.coding,
        a.region,
        a.skills,
        a.hours_per_week,
    )
