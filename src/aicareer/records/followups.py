"""Follow-up questions (`data/followups.toml`): records, loader and their own checks.

A follow-up question separates roles that end close together: "which would you rather
spend an afternoon on?", with choices that are activities a person recognises and that
add fit points to one role or another. docs/followups.md explains the format and how the
quiz picks a question (`aicareer.engine.followup`).

Like pathmodels.py, the records are named tuples that pydantic validates once (unknown keys
are refused), cached like the other data files; `load_followups()` is the one place the
file is read, and it cross-checks role and source ids against the loaded `Dataset`. A data
folder without followups.toml simply has no follow-up questions.

The same module checks the two answers-file keys that name follow-up data
(`Profile.followups`, `Profile.not_for_me`) against the data: `profile_problems()`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

from aicareer.records import constraints
from aicareer.records.models import Id, Text

if TYPE_CHECKING:
    from pydantic import Field

    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile
else:  # pydantic is imported only when something is validated (see constraints.py)
    from aicareer.records.constraints import Field

FOLLOWUPS_FILE = "followups.toml"

#: Fit points one choice may add to (or, negative, take from) one role.
Points = Annotated[int, Field(ge=-50, le=50, strict=True)]


class FollowupChoice(NamedTuple):
    """One answer: an activity in plain words, and the fit points it adds per role."""

    id: Id
    #: What the person would recognise doing (never a role name).
    text: Text
    #: Role id -> fit points this answer adds.
    adds: dict[Id, Points]


class Followup(NamedTuple):
    id: Id
    #: The question, in plain words.
    ask: Text
    #: The roles this question tells apart (ids from roles.toml).
    separates: Annotated[list[Id], Field(min_length=2)]
    choices: Annotated[list[FollowupChoice], Field(min_length=2)]
    #: A source id from roles.toml, and the exact sentence of its seed the question rests on.
    source: Id
    quote: Text

    def choice(self, choice_id: str) -> FollowupChoice:
        for c in self.choices:
            if c.id == choice_id:
                return c
        raise KeyError(choice_id)


class FollowupsMeta(NamedTuple):
    version: Text
    updated: Text


class FollowupsFile(NamedTuple):
    meta: FollowupsMeta
    followups: Sequence[Followup] = ()

    def get(self, question_id: str) -> Followup | None:
        for f in self.followups:
            if f.id == question_id:
                return f
        return None


#: What a data folder without followups.toml has: no questions.
NONE = FollowupsFile(FollowupsMeta("none", "none"))


# --- cross-checks ----------------------------------------------------------------------


def _hint(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def cross_check_followups(ff: FollowupsFile, ds: Dataset, label: str) -> list[str]:
    """Checks that span records or files; one line per problem (`label: field: what`)."""
    problems: list[str] = []
    scored = [r.id for r in ds.matrix.roles]  # the roles that have a fit to add to
    seen: set[str] = set()
    for i, f in enumerate(ff.followups):
        where = f"followups[{i}]"
        if f.id in seen:
            problems.append(f"{label}: {where}.id: question id {f.id!r} is used twice")
        seen.add(f.id)
        for j, rid in enumerate(f.separates):
            if rid not in scored:
                problems.append(
                    f"{label}: {where}.separates[{j}]: unknown role id {rid!r} (the roles "
                    f"are the scored ones in matrix.toml){_hint(rid, scored)}"
                )
            elif rid in f.separates[:j]:
                problems.append(f"{label}: {where}.separates[{j}]: {rid!r} is listed twice")
        if f.source not in ds.sources:
            problems.append(
                f"{label}: {where}.source: unknown source {f.source!r}; expected one of: "
                + ", ".join(sorted(ds.sources))
            )
        choice_ids: set[str] = set()
        for j, c in enumerate(f.choices):
            cwhere = f"{where}.choices[{j}]"
            if c.id in choice_ids:
                problems.append(f"{label}: {cwhere}.id: choice id {c.id!r} is used twice")
            choice_ids.add(c.id)
            if not any(c.adds.values()):
                problems.append(
                    f"{label}: {cwhere}.adds: this choice adds no points to any role, so "
                    "answering it changes nothing; give it points or remove it"
                )
            for rid in c.adds:
                if rid not in f.separates:
                    problems.append(
                        f"{label}: {cwhere}.adds.{rid}: {rid!r} is not one of the roles this "
                        f"question separates ({', '.join(f.separates)}){_hint(rid, f.separates)}"
                    )
        if not _moves_a_gap(f):
            problems.append(
                f"{label}: {where}.choices: no answer changes the gap between any two of the "
                "roles it separates; a follow-up must tell them apart"
            )
    return problems


def _moves_a_gap(f: Followup) -> bool:
    pairs = [(a, b) for i, a in enumerate(f.separates) for b in f.separates[i + 1 :]]
    return any(c.adds.get(a, 0) != c.adds.get(b, 0) for c in f.choices for a, b in pairs)


def normalise(text: str) -> str:
    """Whitespace folded to single spaces, as quotes are compared with the seed text."""
    return re.sub(r"\s+", " ", text).strip()


def quote_problems(ff: FollowupsFile, ds: Dataset, seeds: Path, label: str) -> list[str]:
    """Each question's quote must occur in its source's seed article (in folder `seeds`),
    whitespace-normalised. For tests and for a coach who has the seeds; the program itself
    never needs the articles."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    for i, f in enumerate(ff.followups):
        src = ds.sources.get(f.source)
        if src is None:
            continue  # reported by cross_check_followups
        if f.source not in texts:
            try:
                texts[f.source] = normalise((seeds / src.seed).read_text("utf-8"))
            except OSError as exc:
                problems.append(f"{label}: followups[{i}].source: cannot read {src.seed}: {exc}")
                texts[f.source] = ""
                continue
        if texts[f.source] and normalise(f.quote) not in texts[f.source]:
            problems.append(
                f"{label}: followups[{i}].quote: not found word for word in {src.seed} "
                f"({f.source}): {f.quote[:60]!r}"
            )
    return problems


def load_followups(ds: Dataset) -> FollowupsFile:
    """Read, validate and cross-check `followups.toml` from the dataset's folder.

    A folder without the file has no follow-up questions (`NONE`). Raises `AicareerError`
    (exit 3, DATA) listing every problem. A validated file is cached like the other data
    files (see `cache`).
    """
    from aicareer.records.reading import load_side_file

    if not (ds.data_dir / FOLLOWUPS_FILE).exists():
        return NONE
    return load_side_file(ds, FOLLOWUPS_FILE, "followups", FollowupsFile, cross_check_followups)


# --- the answers-file keys that name follow-up data -----------------------------------------


def profile_problems(profile: Profile, ds: Dataset, ff: FollowupsFile, label: str) -> list[str]:
    """`followups` must name known questions and their choices; `not_for_me` known roles.
    One line per problem, with a did-you-mean."""
    problems: list[str] = []
    questions = [f.id for f in ff.followups]
    for qid, cid in profile.followups.items():
        f = ff.get(qid)
        if f is None:
            known = ", ".join(questions) or "none in this data"
            problems.append(
                f"{label}: followups.{qid}: unknown follow-up question{_hint(qid, questions)} "
                f"(the questions are: {known})"
            )
            continue
        cids = [c.id for c in f.choices]
        if cid not in cids:
            problems.append(
                f"{label}: followups.{qid}: unknown choice {cid!r}{_hint(cid, cids)} "
                f"(expected one of: {', '.join(cids)})"
            )
    scored = [r.id for r in ds.matrix.roles]
    for j, rid in enumerate(profile.not_for_me):
        if rid not in scored:
            problems.append(
                f"{label}: not_for_me[{j}]: unknown role id {rid!r}{_hint(rid, scored)} "
                "(see `aicareer roles` for every role id)"
            )
        elif rid in profile.not_for_me[:j]:
            problems.append(f"{label}: not_for_me[{j}]: {rid!r} is listed twice")
    return problems


def answer_pairs(ff: FollowupsFile, answers: Mapping[str, str]) -> list[tuple[Followup, str]]:
    """The (question, choice id) pairs answered, in the data's order."""
    return [(f, answers[f.id]) for f in ff.followups if f.id in answers]


constraints.register(__name__)
