"""A one-pass check of a well-formed answers file, with msgspec (the fast path).

Reading an answers file is the only validation most commands do once the data is cached,
and pydantic costs ~30 ms to import, about a sixth of a command's run; msgspec ~9 ms. So
`answers()` checks the usual case in one pass, and anything it refuses goes through
pydantic (`profile.parse_profile`), whose words the error messages use. It only has to be
right about what it accepts: a property test in tests/test_batch_hostile.py checks that
every answers file it accepts, pydantic accepts as the same Profile (as another does for
batch's own rows, `batch_read._Row`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import msgspec

from aicareer.records.models import Profile
from aicareer.records.vocab import Background, Coding, Company, Interest, Region, Skill


class Answers(msgspec.Struct, forbid_unknown_fields=True):
    """The same rules as `models.Profile`."""

    background: Background
    years: Annotated[int, msgspec.Meta(ge=0, le=60)]
    interests: Annotated[list[Interest], msgspec.Meta(min_length=1)]
    company: Company = "any"
    coding: Coding | None = None
    region: Region = "us"
    skills: list[Skill] = msgspec.field(default_factory=list)
    hours_per_week: Annotated[int, msgspec.Meta(ge=1, le=80)] | None = None


def answers(raw: Mapping[str, Any]) -> Profile | None:
    """The profile, if `raw` is a well-formed answers file; None: let pydantic say why not."""
    try:
        a = msgspec.convert(raw, Answers)
    except (msgspec.ValidationError, TypeError, ValueError, RecursionError):
        return None
    if len(set(a.interests)) != len(a.interests) or len(set(a.skills)) != len(a.skills):
        return None
    return Profile(
        a.background,
        a.years,
        a.interests,
        a.company,
        a.coding,
        a.region,
        tuple(a.skills),
        a.hours_per_week,
    )
