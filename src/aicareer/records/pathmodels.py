"""The learning-path data contract (`data/paths.toml`) and its loader.

`paths.toml` holds the phases a person works through to move into a role (shared phases
with stable ids, such as `foundations` or `retrieval`) and, per core role, the ordered list
of phase ids plus that role's own resources and build steps in the order the sources give
them. docs/path.md explains the format and the arithmetic built on it.

Like models.py, the records are named tuples that pydantic validates (unknown keys are
refused) and that nothing changes after. `load_paths()` is the one place the file is read:
it validates the file, then cross-checks every phase, role and source id against the
loaded `Dataset`, and raises one `AicareerError` (exit 3, DATA) listing every problem as
`paths.toml: field.path: message`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple

from aicareer.records import constraints
from aicareer.records.models import Id, Text
from aicareer.records.vocab import Background, Skill

if TYPE_CHECKING:
    from pydantic import AfterValidator, Field

    from aicareer.records.dataset import Dataset
else:  # pydantic is imported only when something is validated (see constraints.py)
    from aicareer.records.constraints import AfterValidator, Field

PATHS_FILE = "paths.toml"

#: Where a phase's week figures come from (docs/path.md):
#: "roadmap-stage" - the roadmap article's "6 to 8 weeks each", which it says of its stages
#: 1-5 only, for a phase that is one of those stages; "estimate" - no source gives a figure:
#: aicareer's estimate at the assumed pace ([pace]).
WeeksBasis = Literal["roadmap-stage", "estimate"]
ResourceKind = Literal["course", "framework", "certificate", "cohort", "project"]
Weeks = Annotated[int, Field(ge=1, le=104, strict=True)]


class Build(NamedTuple):
    """Something to build in a phase, credited to the source that describes it."""

    text: Text
    source: Id


class Phase(NamedTuple):
    id: Id
    title: Text
    min_weeks: Weeks
    max_weeks: Weeks
    weeks_basis: WeeksBasis
    #: What to learn, in order.
    learn: Annotated[list[Text], Field(min_length=1)]
    sources: Annotated[list[Id], Field(min_length=1)]
    #: What to build to show it.
    build: Sequence[Build] = ()
    #: Skills (vocab.SKILLS) this phase teaches: a person who has all of them skips it.
    skills: Sequence[Skill] = ()
    #: Backgrounds that already cover this phase: it is skipped for them.
    covered_by: Sequence[Background] = ()
    #: Backgrounds that cover part of it: it is halved for them.
    partly_covered_by: Sequence[Background] = ()
    note: Text | None = None


def _weeks_in_order_and_coverage_unambiguous(phase: Phase) -> Phase:
    if phase.min_weeks > phase.max_weeks:
        raise ValueError(f"min_weeks ({phase.min_weeks}) is above max_weeks ({phase.max_weeks})")
    both = sorted(set(phase.covered_by) & set(phase.partly_covered_by))
    if both:
        raise ValueError(
            "a background is both in covered_by and partly_covered_by: " + ", ".join(both)
        )
    return phase


CheckedPhase = Annotated[Phase, AfterValidator(_weeks_in_order_and_coverage_unambiguous)]


class Resource(NamedTuple):
    """A course, framework or certificate a source names for a role."""

    title: Text
    kind: ResourceKind
    #: The phase of the role's path where it belongs.
    phase: Id
    source: Id
    note: Text | None = None


class RoleStep(NamedTuple):
    """Something one role does in a shared phase (e.g. the builders' way to break in)."""

    phase: Id
    text: Text
    source: Id
    kind: Literal["learn", "build"] = "build"


class RoleSkill(NamedTuple):
    """A skill the role asks for, and the source that names it for this role."""

    id: Skill
    source: Id


class CheapTest(NamedTuple):
    """A small project that tells a person in a weekend or two whether they like the work."""

    #: The first step in a few words, as the one-sentence answer says it.
    short: Text
    text: Text
    source: Id
    #: Which passage of the source it comes from, in a few words.
    where: Text


class Risk(NamedTuple):
    """Something that makes a role a riskier bet, as a source says it."""

    kind: Literal["shrinking", "emerging", "not-standardised"]
    text: Text
    source: Id


class Experience(NamedTuple):
    """For roles reached by years of work, not study: what the source says it takes."""

    text: Text
    source: Id


class RolePath(NamedTuple):
    role: Id
    #: Phase ids, in the order they are worked through.
    phases: Annotated[list[Id], Field(min_length=1)]
    #: The role's skills, from the sources (the skill gap compares them with the profile's).
    skills: Sequence[RoleSkill] = ()
    cheap_test: CheapTest | None = None
    experience: Experience | None = None
    risks: Sequence[Risk] = ()
    #: In the sources' order; each must sit in a phase no earlier than the one before.
    resources: Sequence[Resource] = ()
    steps: Sequence[RoleStep] = ()
    #: Shown with the path, e.g. when the sources say little about this role.
    note: Text | None = None


class PathsMeta(NamedTuple):
    version: Text
    updated: Text


class Pace(NamedTuple):
    """The pace the week figures assume (an estimate: the sources give no hours)."""

    hours_per_week: Annotated[int, Field(ge=1, le=80, strict=True)]
    basis: Literal["estimate"]
    note: Text


class PathsFile(NamedTuple):
    meta: PathsMeta
    pace: Pace
    phases: Annotated[list[CheckedPhase], Field(min_length=1)]
    paths: Annotated[list[RolePath], Field(min_length=1)]

    def phase(self, phase_id: str) -> Phase:
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def path_for(self, role_id: str) -> RolePath | None:
        for p in self.paths:
            if p.role == role_id:
                return p
        return None

    @property
    def phase_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.phases)


# --- cross-checks ----------------------------------------------------------------------


def cross_check_paths(paths: PathsFile, ds: Dataset, label: str) -> list[str]:
    """Checks that span records or files; one line per problem."""
    problems: list[str] = []
    sources = set(ds.sources)
    phase_ids: list[str] = []

    def need_source(sid: str, where: str) -> None:
        if sid not in sources:
            problems.append(
                f"{label}: {where}: unknown source {sid!r}; expected one of: "
                + ", ".join(sorted(sources))
            )

    for i, phase in enumerate(paths.phases):
        if phase.id in phase_ids:
            problems.append(f"{label}: phases[{i}].id: phase id {phase.id!r} is used twice")
        phase_ids.append(phase.id)
        for j, sid in enumerate(phase.sources):
            need_source(sid, f"phases[{i}].sources[{j}]")
        for j, build in enumerate(phase.build):
            need_source(build.source, f"phases[{i}].build[{j}].source")

    def hint(name: str, choices: list[str]) -> str:
        close = difflib.get_close_matches(name, choices, n=1)
        return f"; did you mean {close[0]!r}?" if close else ""

    seen_roles: set[str] = set()
    for i, rp in enumerate(paths.paths):
        where = f"paths[{i}]"
        role = ds.roles.get(rp.role)
        if role is None:
            problems.append(
                f"{label}: {where}.role: unknown role id {rp.role!r}{hint(rp.role, list(ds.roles))}"
            )
        elif role.kind != "core":
            problems.append(
                f"{label}: {where}.role: {rp.role!r} is an adjacent role; paths are for core roles"
            )
        if rp.role in seen_roles:
            problems.append(f"{label}: {where}.role: role {rp.role!r} has two paths")
        seen_roles.add(rp.role)
        for j, pid in enumerate(rp.phases):
            if pid not in phase_ids:
                problems.append(
                    f"{label}: {where}.phases[{j}]: unknown phase id {pid!r}{hint(pid, phase_ids)}"
                )
            elif pid in rp.phases[:j]:
                problems.append(f"{label}: {where}.phases[{j}]: phase {pid!r} is listed twice")
        for j, skill in enumerate(rp.skills):
            need_source(skill.source, f"{where}.skills[{j}].source")
        if not rp.skills:
            problems.append(f"{label}: {where}.skills: a role's path needs its skills")
        if rp.cheap_test is None:
            problems.append(f"{label}: {where}.cheap_test: a role's path needs a cheap test")
        else:
            need_source(rp.cheap_test.source, f"{where}.cheap_test.source")
        if rp.experience is not None:
            need_source(rp.experience.source, f"{where}.experience.source")
        for j, risk in enumerate(rp.risks):
            need_source(risk.source, f"{where}.risks[{j}].source")
        order = {pid: k for k, pid in enumerate(rp.phases)}
        last = -1
        for j, res in enumerate(rp.resources):
            need_source(res.source, f"{where}.resources[{j}].source")
            if res.phase not in order:
                problems.append(
                    f"{label}: {where}.resources[{j}].phase: {res.phase!r} is not a phase of "
                    f"this path; expected one of: {', '.join(rp.phases)}"
                )
                continue
            if order[res.phase] < last:
                problems.append(
                    f"{label}: {where}.resources[{j}].phase: {res.phase!r} comes before the "
                    "previous resource's phase; list resources in the path's (and the "
                    "sources') order"
                )
            last = max(last, order[res.phase])
        for j, step in enumerate(rp.steps):
            need_source(step.source, f"{where}.steps[{j}].source")
            if step.phase not in order:
                problems.append(
                    f"{label}: {where}.steps[{j}].phase: {step.phase!r} is not a phase of "
                    f"this path; expected one of: {', '.join(rp.phases)}"
                )
    missing = [r.id for r in ds.roles.values() if r.kind == "core" and r.id not in seen_roles]
    if missing:
        problems.append(f"{label}: paths: no path for core role(s): {', '.join(missing)}")
    return problems


def load_paths(ds: Dataset) -> PathsFile:
    """Read, validate and cross-check `paths.toml` from the dataset's folder.

    Raises `AicareerError` (exit 3, DATA) listing every problem, each line naming
    `paths.toml` (the full path for a custom data folder), the field and what was expected.
    A validated file is cached like roles.toml and matrix.toml (see `cache`).
    """
    from aicareer.records.reading import load_side_file

    return load_side_file(ds, PATHS_FILE, "paths", PathsFile, cross_check_paths)


constraints.register(__name__)
