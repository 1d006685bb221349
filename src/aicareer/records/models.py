"""The data contract: every shape that crosses the edge of the program.

Role data (`data/roles.toml`), the rule matrix (`data/matrix.toml`) and a person's
profile (an answers file) are validated against these records exactly once, when they
are read (`validate`, with pydantic). Everything past the loader trusts these types.

The records are `typing.NamedTuple`s that pydantic validates: immutable, and nearly free
to define. Start-up matters here because every command imports this module: building
pydantic models cost ~85 ms per command, frozen dataclasses ~18 ms on Python 3.11 (each
generates six methods with `exec`), named tuples ~2 ms. A validated dataset is rebuilt from
the JSON cache without pydantic (see cache.py). Every record refuses unknown keys (pydantic's
`extra_forbidden`), so a typo in a data file is an error, not a silent default.

Named tuples put fields with defaults last, so some records list their optional fields
after the required ones; construct them by keyword. Optional lists default to an empty
tuple and are typed `Sequence`, so no two records share a mutable default. Checks that
span fields run as `AfterValidator`s on the type aliases below (`CheckedSalaryBand` is a
`SalaryBand` whose low is not above its high), and `to_dict` turns a record into plain
JSON-able data.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, TypeVar

from aicareer.records import constraints

if TYPE_CHECKING:
    from pydantic import AfterValidator, Field, TypeAdapter
else:  # pydantic is imported only when something is validated (see constraints.py)
    from aicareer.records.constraints import AfterValidator, Field

from aicareer.records.vocab import (
    DEFAULT_CODING,
    Background,
    Basis,
    Coding,
    Company,
    Interest,
    Level,
    Region,
    RoleKind,
    Skill,
)

#: An id: lowercase letters and digits, words joined by single hyphens (ai-engineer).
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Dollars = Annotated[int, Field(ge=0, le=10_000_000, strict=True)]


# --- sources -------------------------------------------------------------------------


class Source(NamedTuple):
    id: Id
    title: Text
    publisher: Text
    #: When the source's facts hold, as the source states it.
    as_of: Text
    #: File name of the article under shared/seeds/.
    seed: Text
    #: What this source contributes to the data.
    contributes: Text
    #: A short name for tables, e.g. "Roles guide".
    short: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    #: The same date as `as_of`, machine-readable (YYYY or YYYY-MM), for staleness warnings.
    dated: Annotated[str, Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2]))?$")] | None = None


# --- roles ---------------------------------------------------------------------------


class Skills(NamedTuple):
    technical: Annotated[list[Text], Field(min_length=1)]
    soft: Sequence[Text] = ()


class Axes(NamedTuple):
    """Place on the roles guide's landscape. 0..10 on both axes.

    model_infra: 0 = closest to the model, 10 = closest to infrastructure.
    research_production: 0 = research, 10 = shipped production.
    """

    model_infra: Annotated[int, Field(ge=0, le=10, strict=True)]
    research_production: Annotated[int, Field(ge=0, le=10, strict=True)]


class SalaryBand(NamedTuple):
    """One figure from one source. `low`/`high` are whole USD per year.

    `high` may be absent for open-ended figures ("$220K and up"); `plus` marks a
    source's trailing "+" ("$200K+"). A single figure ("~$142K") has low == high.
    """

    level: Level
    low: Dollars
    basis: Basis
    source: Id
    as_of: Text
    high: Dollars | None = None
    plus: bool = False
    approx: bool = False
    #: e.g. "FAANG", "frontier lab"
    segment: Text | None = None
    note: Text | None = None


def _low_not_above_high(band: SalaryBand) -> SalaryBand:
    if band.high is not None and band.low > band.high:
        raise ValueError(f"low ({band.low}) is above high ({band.high})")
    return band


CheckedSalaryBand = Annotated[SalaryBand, AfterValidator(_low_not_above_high)]


class Salary(NamedTuple):
    bands: Sequence[CheckedSalaryBand] = ()
    #: What the sources say when they give no figure (e.g. "Not yet standardized").
    no_figure: Text | None = None
    note: Text | None = None


class Role(NamedTuple):
    id: Id
    name: Text
    #: Maturity in a few words, e.g. 'Mainstream'.
    status: Text
    summary: Text
    skills: Skills
    demand: Text
    #: The demand signal in a few words, for one-line tables.
    signal: Annotated[str, Field(min_length=1, max_length=40)]
    sources: Annotated[list[Id], Field(min_length=1)]
    kind: RoleKind = "core"
    responsibilities: Sequence[Text] = ()
    backgrounds: Sequence[Text] = ()
    aliases: Sequence[Id] = ()
    related: Sequence[Id] = ()
    axes: Axes | None = None
    #: Default time to move in, when no rule gives one.
    timeline: Text | None = None
    break_in: Sequence[Text] = ()
    study: Sequence[Text] = ()
    salary: Salary = Salary()


class NotARole(NamedTuple):
    """A term people search for that the sources say is not a role (yet)."""

    id: Id
    name: Text
    explanation: Text
    source: Id
    see: Sequence[Id] = ()


class RolesMeta(NamedTuple):
    version: Text
    updated: Text


class RolesFile(NamedTuple):
    meta: RolesMeta
    sources: Annotated[list[Source], Field(min_length=1)]
    roles: Annotated[list[Role], Field(min_length=1)]
    not_roles: Sequence[NotARole] = ()


# --- the person's answers -------------------------------------------------------------


class Profile(NamedTuple):
    """An answers file. The public contract is documented in README.md."""

    background: Background
    years: Annotated[int, Field(ge=0, le=60, strict=True)]
    interests: Annotated[list[Interest], Field(min_length=1)]
    company: Company = "any"
    coding: Coding | None = None
    region: Region = "us"
    #: What the person can already do (vocab.SKILLS); empty: nothing stated.
    skills: tuple[Skill, ...] = ()
    #: Hours a week for learning; None: not stated (plans use the assumed pace).
    hours_per_week: Annotated[int, Field(ge=1, le=80, strict=True)] | None = None
    #: Follow-up answers: question id -> choice id (data/followups.toml; docs/followups.md).
    followups: dict[Id, Id] = {}  # noqa: RUF012 - a record's default, never changed
    #: Roles the person set aside ("not for me"), by id.
    not_for_me: tuple[Id, ...] = ()

    @property
    def coding_level(self) -> Coding:
        """The stated coding level, or the background's default."""
        return self.coding if self.coding is not None else DEFAULT_CODING[self.background]


#: Profile fields that only an answers file carries (follow-ups, docs/followups.md): not
#: batch columns, and not part of what a person is (the engine's memo keys ignore them).
ANSWERS_ONLY: tuple[str, ...] = ("followups", "not_for_me")


def _no_repeated_interests(profile: Profile) -> Profile:
    if len(set(profile.interests)) != len(profile.interests):
        raise ValueError("interests lists an interest twice")
    if len(set(profile.skills)) != len(profile.skills):
        raise ValueError("skills lists a skill twice")
    return profile


#: Checks that span a record's fields, for records validated on their own (`validate`).
_CHECKS: dict[type, Any] = {Profile: _no_repeated_interests}


def to_dict(value: Any) -> Any:
    """A record (and the records inside it) as plain dicts and lists, for JSON and TOML."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: to_dict(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        return [to_dict(v) for v in value]
    if isinstance(value, dict):
        return {k: to_dict(v) for k, v in value.items()}
    return value


_T = TypeVar("_T")


_VALIDATORS: dict[type, TypeAdapter[Any]] = {}
_NO_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


def type_adapter(shape: Any) -> TypeAdapter[Any]:
    """A pydantic validator for `shape`, built without pydantic plugins.

    Plugins are packages that register under the `pydantic` entry-point group to observe or
    change validation. Our data contract must not depend on what else is installed, and
    looking them up scans every installed package's metadata (~3 ms a run), so, as typer
    does for its own validators, aicareer builds its validators with
    PYDANTIC_DISABLE_PLUGINS set, then puts the variable back as it was.
    """
    constraints.use_pydantic()
    from pydantic import TypeAdapter

    saved = os.environ.get(_NO_PLUGINS)
    os.environ[_NO_PLUGINS] = "1"
    try:
        return TypeAdapter(shape)
    finally:
        if saved is None:
            del os.environ[_NO_PLUGINS]
        else:
            os.environ[_NO_PLUGINS] = saved


def adapter(kind: type[_T]) -> TypeAdapter[_T]:
    """pydantic's validator for `kind` (with its cross-field check), built by pydantic."""
    constraints.use_pydantic()
    check = _CHECKS.get(kind)
    shape: Any = kind if check is None else Annotated[kind, constraints.AfterValidator(check)]
    return type_adapter(shape)


def validate(kind: type[_T], raw: object) -> _T:
    """Validate `raw` (parsed TOML or JSON) into `kind`; raises pydantic's ValidationError.

    The validator is built by pydantic on first use, so importing this module stays cheap.
    """
    found = _VALIDATORS.get(kind)
    if found is None:
        found = _VALIDATORS[kind] = adapter(kind)
    result: _T = found.validate_python(raw)
    return result


constraints.register(__name__)
