"""Answers files: read, validate and save a person's profile (docs/answers.md).

An answers file is a TOML file whose keys are `Profile`'s fields. Every way it can be
wrong ends in an `AicareerError` with exit code 4 (INPUT), one line per problem, each
naming the file and the field and saying what was expected.

The unfinished quiz (`quiz-in-progress.toml` in the aicareer home, the "quiz state") has
the same keys, but any of them may be missing: it holds the answers given before Ctrl-C
(or SIGTERM). It is not the path progress file (`progress.toml`, see `aicareer.state.progress`).

An answers file may be at most 64 KiB, with at most 100 items in a list (`ANSWERS_LIMITS`,
docs/limits.md); `-` reads it from stdin. Answers files and the quiz state are private
(mode 0600).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_type_hints

from aicareer.errors import AicareerError, ExitCode, input_error
from aicareer.fsutil import atomic_write_text, home_dir, is_stdio, write_output
from aicareer.records.dataset import (
    ANSWERS_LIMITS,
    PROGRESS_LIMITS,
    format_loc,
    parse_toml,
    read_toml,
    validation_lines,
)
from aicareer.records.models import Profile, to_dict, type_adapter, validate
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS, REGIONS, SKILLS

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

#: The answers file's keys, in the order they are written and documented: the model's fields.
FIELDS: tuple[str, ...] = Profile._fields
QUIZ_STATE_FILE = "quiz-in-progress.toml"
HEADER = "# aicareer answers file: see docs/answers.md for every key and its allowed values.\n"

#: What each field expects, added to messages that do not already list the choices.
EXPECTED: dict[str, str] = {
    "background": "one of: " + ", ".join(BACKGROUNDS),
    "years": "a whole number from 0 to 60, e.g. years = 5",
    "interests": "a list of one or more of: " + ", ".join(INTERESTS),
    "company": "one of: " + ", ".join(COMPANIES),
    "coding": "one of: " + ", ".join(CODING_LEVELS),
    "region": "one of: " + ", ".join(REGIONS),
    "skills": "a list of zero or more of: " + ", ".join(SKILLS),
    "hours_per_week": "a whole number from 1 to 80, e.g. hours_per_week = 10",
    "followups": 'a table of follow-up answers, e.g. followups = { tune-or-test = "tune-it" }',
    "not_for_me": 'a list of role ids, e.g. not_for_me = ["prompt-engineer"]',
}


#: The number fields' ranges, for messages in words ("years must be a whole number ...").
NUMBER_RANGES: dict[str, tuple[int, int]] = {"years": (0, 60), "hours_per_week": (1, 80)}
#: The choice fields and list fields, with their allowed values.
CHOICES: dict[str, tuple[str, ...]] = {
    "background": BACKGROUNDS,
    "company": COMPANIES,
    "coding": CODING_LEVELS,
    "region": REGIONS,
    "interests": INTERESTS,
    "skills": SKILLS,
}


def _got(value: Any) -> str:
    """A value as the file had it: 5, -1, "five", [] (TOML's spelling, not Python's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"' if len(value) <= 40 else '"' + value[:37] + '..."'
    if isinstance(value, list | tuple):
        return "[]" if not value else "a list"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def _plain(label: str, err: Any) -> str | None:
    """One problem in the person's words, or None to keep the general wording."""
    from aicareer.records.reading import format_loc
    from aicareer.suggest import did_you_mean

    loc = err["loc"]
    field = format_loc(loc[:1]) if loc else ""  # a key from the file: shown escaped
    kind = err["type"]
    value = err.get("input")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return (
            f"{label}: {field} is not an answers-file key{did_you_mean(field, FIELDS)} "
            f"(the keys are: {', '.join(FIELDS)})"
        )
    if kind in ("missing", "missing_keyword_only_argument", "missing_argument"):
        return f"{label}: {field} is missing; it is {EXPECTED.get(field, 'required')}"
    if field in NUMBER_RANGES:
        low, high = NUMBER_RANGES[field]
        return f"{label}: {field} must be a whole number from {low} to {high}, got {_got(value)}"
    if field in CHOICES:
        choices = CHOICES[field]
        listed = field in ("interests", "skills")
        if listed and len(loc) == 1:
            if kind == "too_short":
                return f'{label}: {field}: pick at least one, e.g. {field} = ["{choices[0]}"]'
            if not isinstance(value, list):
                return f'{label}: {field} must be a list, e.g. {field} = ["{choices[0]}"]'
            return None
        where = f"{field}[{loc[1]}]" if listed and len(loc) > 1 else field
        if kind == "literal_error" and isinstance(value, str) and value.isprintable():
            hint = did_you_mean(value, choices)
            return (
                f"{label}: {where}: {_got(value)} is not one of the choices{hint} "
                f"(the choices are: {', '.join(choices)})"
            )
        if kind in ("literal_error", "string_type", "list_type"):
            return f"{label}: {where} must be one of: {', '.join(choices)}; got {_got(value)}"
    return None


def error_lines(label: str, exc: ValidationError) -> list[str]:
    """Each problem in plain words, naming the key, what it must be and what it was, with
    "did you mean" for a misspelled key or value (and for the words people naturally type,
    see `suggest.meant`): how an invalid answers file (or batch row) is worded."""
    lines = []
    for err, line in zip(exc.errors(include_url=False), validation_lines(label, exc), strict=True):
        plain = _plain(label, err)
        if plain is not None:
            line = plain
        else:
            field = str(err["loc"][0]) if err["loc"] else ""
            if err["type"] != "literal_error" and field in EXPECTED:
                line = f"{line}; expected {EXPECTED[field]}"
        lines.append(line)
    return lines


def parse_profile(raw: Mapping[str, Any], label: str) -> Profile:
    """Validate a parsed answers file; `label` names it in messages."""
    from aicareer.records.wellformed import answers

    found = answers(raw)  # the usual case, without importing pydantic
    if found is not None:
        return found
    from pydantic_core import ValidationError

    try:
        return validate(Profile, raw)
    except ValidationError as exc:
        raise input_error(error_lines(label, exc)) from None


def read_profile(path: Path) -> Profile:
    """Read and validate an answers file (missing, folder, non-UTF-8, bad TOML, too big:
    exit 4). `-` reads stdin."""
    if is_stdio(path):
        import sys

        label = "<stdin>"
        try:
            raw = sys.stdin.buffer.read(ANSWERS_LIMITS.size + 1)
        except (OSError, AttributeError, ValueError) as exc:
            raise input_error(f"{label}: cannot read: {exc}") from None
        return parse_profile(parse_toml(raw, label, ExitCode.INPUT, ANSWERS_LIMITS), label)
    label = str(path)
    return parse_profile(read_toml(path, label, ExitCode.INPUT, ANSWERS_LIMITS), label)


def profile_dict(profile: Profile) -> dict[str, Any]:
    """The profile as an answers file's table: documented keys, in order, nothing unset
    (no coding left to the default, no empty skills, no hours_per_week not given)."""
    data = to_dict(profile)
    return {k: data[k] for k in FIELDS if data[k] is not None and data[k] not in ([], {})}


def to_toml(answers: Mapping[str, Any]) -> str:
    import tomli_w

    return HEADER + tomli_w.dumps({k: answers[k] for k in FIELDS if k in answers})


def save_profile(profile: Profile, path: Path, *, force: bool = False) -> None:
    """Write an answers file atomically, mode 0600 (`-`: stdout). A file aicareer did not
    write is replaced only with `force` (see fsutil.open_output)."""
    write_output(path, to_toml(profile_dict(profile)), private=True, force=force)


# --- the unfinished quiz -------------------------------------------------------------


def quiz_state_path() -> Path:
    """Where an interrupted quiz keeps its answers for `quiz --resume`."""
    return home_dir() / QUIZ_STATE_FILE


def _field_adapters() -> dict[str, TypeAdapter[Any]]:
    """One validator per Profile field, keeping its constraints (years 0-60, 1+ interests)."""
    from aicareer.records.constraints import use_pydantic

    use_pydantic()  # before the hints are read: they must carry pydantic's metadata
    return {
        name: type_adapter(hint)
        for name, hint in get_type_hints(Profile, include_extras=True).items()
    }


def parse_quiz_state(raw: Mapping[str, Any], label: str) -> dict[str, Any]:
    """Validate the answers present in the quiz state; missing ones are simply missing."""
    from pydantic import ValidationError

    adapters = _field_adapters()
    answers: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key not in adapters:
            problems.append(
                _plain(label, {"loc": (key,), "type": "extra_forbidden"})
                or f"{label}: {key}: unknown field"
            )
            continue
        try:
            checked = adapters[key].validate_python(value)
            # lists stay lists (a Sequence field validates to a tuple), as the quiz keeps them
            answers[key] = list(checked) if isinstance(checked, tuple) else checked
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where = format_loc((key, *err["loc"]))
                plain = _plain(label, {**err, "loc": (key, *err["loc"])})
                problems.append(plain or f"{label}: {where}: {err['msg']} (got {err['input']!r})")
    if problems:
        problems.append(f"{label}: delete this file to start the quiz afresh")
        raise input_error(problems)
    return answers


def read_quiz_state(path: Path) -> dict[str, Any] | None:
    """The answers saved by an interrupted quiz, or None when there is none. A file
    aicareer cannot have written (`fsutil.read_own`: a FIFO, a folder, another user's) is
    never read or waited on: None, with a note."""
    from aicareer.console import note
    from aicareer.fsutil import Untrusted, read_own

    try:
        raw = read_own(path, PROGRESS_LIMITS.size)
    except Untrusted as exc:
        note(f"warning: {exc}")
        return None
    if raw is None:
        return None
    label = str(path)
    return parse_quiz_state(parse_toml(raw, label, ExitCode.INPUT, PROGRESS_LIMITS), label)


def save_quiz_state(answers: Mapping[str, Any], path: Path) -> None:
    atomic_write_text(path, to_toml(answers), own=True)  # private: 0600


def clear_quiz_state(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise AicareerError(f"{path}: cannot delete: {exc.strerror}", ExitCode.OUTPUT) from None
