"""The skill gap and the cheap test for a role. Pure: no I/O.

`gap(role_id, profile, paths)` compares the role's skills (paths.toml, each credited to the
source that names it for the role) with the profile's `skills`; `cheap_test(role_id,
paths)` is the small project that tells a person in a weekend or two whether they like
the work. The role card, `path`, `decide` and the report call these two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from aicareer.records.vocab import SKILL_TEXT

if TYPE_CHECKING:
    from aicareer.records.models import Profile
    from aicareer.records.pathmodels import CheapTest, PathsFile


class SkillLine(NamedTuple):
    id: str
    label: str
    #: The source that names this skill for the role.
    source: str


class Gap(NamedTuple):
    role_id: str
    have: tuple[SkillLine, ...]
    lack: tuple[SkillLine, ...]
    #: False when the profile states no skills: then every skill is listed as lacking,
    #: and renderers say the person has not told us what they can do.
    stated: bool

    @property
    def share(self) -> tuple[int, int]:
        """(skills held, skills the role asks for)."""
        return len(self.have), len(self.have) + len(self.lack)

    def as_json(self) -> dict[str, Any]:
        held, of = self.share
        return {
            "role": self.role_id,
            "have": [s._asdict() for s in self.have],
            "lack": [s._asdict() for s in self.lack],
            "held": held,
            "of": of,
            "skills_stated": self.stated,
        }


def gap(role_id: str, profile: Profile | None, paths: PathsFile) -> Gap:
    """Which of the role's skills the person has and lacks (in the data's order)."""
    rp = paths.path_for(role_id)
    if rp is None:
        raise KeyError(role_id)
    mine = set(profile.skills) if profile is not None else set()
    lines = [SkillLine(s.id, SKILL_TEXT[s.id][0], s.source) for s in rp.skills]
    return Gap(
        role_id=role_id,
        have=tuple(s for s in lines if s.id in mine),
        lack=tuple(s for s in lines if s.id not in mine),
        stated=bool(mine),
    )


def cheap_test(role_id: str, paths: PathsFile) -> CheapTest | None:
    """The role's cheap test (None for a role without a path)."""
    rp = paths.path_for(role_id)
    return None if rp is None else rp.cheap_test
