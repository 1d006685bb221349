"""Find, read and validate the data files: the one place data enters the program.

`load()` returns a `Dataset` whose every id, alias, source and rule has been checked.
Problems are collected, not raised one by one, so a career coach editing the files sees
every problem at once, each as `file: field.path: what was expected`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from aicareer.errors import AicareerError, ExitCode, data_error
from aicareer.records.models import ID_PATTERN, NotARole, Role, RolesFile, validate
from aicareer.records.rulemodels import MatrixFile

ENV_DATA_DIR = "AICAREER_DATA_DIR"
ROLES_FILE = "roles.toml"
MATRIX_FILE = "matrix.toml"

if TYPE_CHECKING:
    from pydantic import ValidationError

    from aicareer.engine.ranker import Engine
    from aicareer.records.followups import FollowupsFile

M = TypeVar("M")


def builtin_data_dir() -> Path:
    """The data shipped with aicareer: inside the installed package, or the checkout's data/."""
    packaged = Path(__file__).resolve().parents[1] / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def resolve_data_dir(option: Path | None = None) -> tuple[Path, bool]:
    """The folder in use and whether it is a custom one (--data-dir, then $AICAREER_DATA_DIR)."""
    if option is not None:
        return option, True
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env), True
    return builtin_data_dir(), False


# --- reading and error formatting ------------------------------------------------------


def format_loc(loc: Iterable[int | str]) -> str:
    """('roles', 3, 'salary', 'bands', 0, 'low') -> 'roles[3].salary.bands[0].low'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


#: Tags pydantic adds to an error's location when it picks a rule condition's shape.
_CONDITION_TAGS = ("leaf", "all", "any", "not")


def _without_condition_tags(loc: Iterable[int | str]) -> list[int | str]:
    """Drop the union tags from a condition's location, so a coach reads the file's path.

    ('when', 'all', 'all', 0, 'leaf', 'field') -> ('when', 'all', 0, 'field').
    """
    out: list[int | str] = []
    parts = list(loc)
    for i, part in enumerate(parts):
        if part == "leaf":
            continue
        if part in _CONDITION_TAGS and i + 1 < len(parts) and parts[i + 1] == part:
            continue
        out.append(part)
    return out


_NOT_AN_ID = "not an id: use lowercase letters, digits and single hyphens, e.g. ai-engineer"


def validation_lines(label: str, exc: ValidationError) -> list[str]:
    lines = []
    for err in exc.errors(include_url=False):
        loc = _without_condition_tags(err["loc"])
        key = bool(loc) and loc[-1] == "[key]"  # pydantic's mark for a table's key
        where = format_loc(loc[:-1] if key else loc)
        msg = err["msg"]
        if err["type"] == "string_pattern_mismatch" and err["ctx"]["pattern"] == ID_PATTERN:
            msg = ("this key is " if key else "") + _NOT_AN_ID
        elif key:
            msg = f"this key: {msg}"
        if err["type"] == "value_error":
            msg = msg.removeprefix("Value error, ")
        if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            msg = "unknown field (not allowed here; check the spelling)"
        elif err["type"] in ("missing", "missing_keyword_only_argument", "missing_argument"):
            msg = "required field is missing"
        elif "input" in err and err["type"] not in ("model_type", "dict_type"):
            shown = repr(err["input"])
            if len(shown) <= 60:
                msg = f"{msg} (got {shown})"
        lines.append(f"{label}: {where}: {msg}" if where else f"{label}: {msg}")
    return lines


class Limits(NamedTuple):
    """How big a file aicareer reads may be (docs/limits.md); checked before parsing or
    validating, so an oversized file costs nothing."""

    #: Bytes in the file.
    size: int
    #: Items in any one list, keys in any one table.
    items: int
    #: Tables and lists nested in each other.
    depth: int = 32


#: roles.toml, matrix.toml, paths.toml: generous (the shipped files are under 100 KiB).
DATA_LIMITS = Limits(size=16 * 1024 * 1024, items=100_000)
#: An answers file: a few short lines; the longest list (interests) has 12 choices.
ANSWERS_LIMITS = Limits(size=64 * 1024, items=100)
#: progress.toml and the unfinished quiz: one line per phase or answer.
PROGRESS_LIMITS = Limits(size=1024 * 1024, items=10_000)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"


def read_bytes(path: Path, label: str, code: ExitCode, limit: int = DATA_LIMITS.size) -> bytes:
    """The file's bytes, read once as a stream (a FIFO or /dev/stdin works), at most
    `limit` of them: a bigger file is refused before it is read."""
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > limit:
                raise _too_big(label, limit, code)
            raw = fh.read(limit + 1)
    except FileNotFoundError:
        raise AicareerError(f"{label}: file not found", code) from None
    except IsADirectoryError:
        raise AicareerError(f"{label}: is a folder, expected a TOML file", code) from None
    except OSError as exc:
        raise AicareerError(f"{label}: cannot read: {exc.strerror}", code) from None
    if len(raw) > limit:
        raise _too_big(label, limit, code)
    return raw


def _too_big(label: str, limit: int, code: ExitCode) -> AicareerError:
    return AicareerError(
        f"{label}: file is larger than the {_size(limit)} limit (see docs/limits.md)", code
    )


def read_toml(
    path: Path, label: str, code: ExitCode, limits: Limits = DATA_LIMITS
) -> dict[str, Any]:
    """Read a TOML file, turning every way it can fail into one line naming the file."""
    return parse_toml(read_bytes(path, label, code, limits.size), label, code, limits)


def parse_toml(
    raw: bytes, label: str, code: ExitCode, limits: Limits = DATA_LIMITS
) -> dict[str, Any]:
    """Parse TOML, then check the document against `limits` and for control characters
    (text must never reach a terminal as escape sequences): one line per problem."""
    import tomllib  # only when the cache misses

    if len(raw) > limits.size:
        raise _too_big(label, limits.size, code)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AicareerError(
            f"{label}: not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8", code
        ) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AicareerError(f"{label}: not valid TOML: {exc}", code) from None
    except RecursionError:
        raise AicareerError(
            f"{label}: nested too deeply (the limit is {limits.depth} levels; see docs/limits.md)",
            code,
        ) from None
    problems = check_tree(doc, limits)
    if problems:
        raise AicareerError([f"{label}: {p}" for p in problems], code)
    return doc


#: C0 controls but tab and newline, DEL, and C1 controls: what a terminal acts on.
_CONTROL = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n")


def _control_problem(text: str) -> str | None:
    if text.isprintable():
        return None
    for i, ch in enumerate(text):
        if ch in _CONTROL:
            return (
                f"contains the control character {ch!r} at position {i}; "
                "remove it (text may not carry terminal escapes)"
            )
    return None


def check_tree(doc: Any, limits: Limits) -> list[str]:
    """Walk a parsed document without recursion: sizes, depth and control characters.
    Returns `field.path: problem` lines (at most 20)."""
    problems: list[str] = []
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(doc, ())]
    while stack and len(problems) < 20:
        value, loc = stack.pop()
        where = format_loc(loc) or "(top level)"
        if len(loc) > limits.depth:
            problems.append(f"{where}: nested deeper than {limits.depth} levels")
            continue
        if isinstance(value, dict):
            if len(value) > limits.items:
                problems.append(f"{where}: more than {limits.items} keys")
                continue
            for k, v in value.items():
                bad = _control_problem(k)
                if bad:
                    problems.append(f"{where}: a key {bad}")
                stack.append((v, (*loc, k)))
        elif isinstance(value, list):
            if len(value) > limits.items:
                problems.append(f"{where}: more than {limits.items} items in one list")
                continue
            stack.extend((v, (*loc, i)) for i, v in enumerate(value))
        elif isinstance(value, str):
            bad = _control_problem(value)
            if bad:
                problems.append(f"{where}: {bad}")
    return problems


def parse_model(model: type[M], raw: Mapping[str, Any], label: str, code: ExitCode) -> M:
    from pydantic_core import ValidationError  # only when a file is validated (a cache miss)

    try:
        return validate(model, raw)
    except ValidationError as exc:
        raise AicareerError(validation_lines(label, exc), code) from None


# --- the validated data ------------------------------------------------------------------


class Dataset:
    """Both data files, validated, with lookups built on first use. Read-only by convention.

    A plain class: it needs an instance dict for its cached lookups, and a frozen dataclass
    would cost ~1.8 ms of generated code on every command (it is defined at start-up).
    """

    def __init__(
        self,
        roles_file: RolesFile,
        matrix: MatrixFile,
        data_dir: Path,
        custom: bool,
        names: dict[str, str],
    ) -> None:
        self.roles_file = roles_file
        self.matrix = matrix
        self.data_dir = data_dir
        self.custom = custom
        #: Every name a person may type (id, alias, not-a-role term) -> canonical id.
        self.names = names

    @cached_property
    def roles(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles_file.roles}

    @cached_property
    def not_roles(self) -> dict[str, NotARole]:
        return {n.id: n for n in self.roles_file.not_roles}

    @cached_property
    def sources(self) -> dict[str, Any]:
        return {s.id: s for s in self.roles_file.sources}

    @cached_property
    def engine(self) -> Engine:
        """The rule engine over this data, compiled once."""
        from aicareer.engine.ranker import Engine

        return Engine(self.matrix)

    @cached_property
    def followups(self) -> FollowupsFile:
        """The follow-up questions (followups.toml), read and checked on first use."""
        from aicareer.records.followups import load_followups

        return load_followups(self)

    def source_label(self, source_id: str) -> str:
        """A source as tables and reasons cite it: "Roles guide, 2026-03"."""
        src = self.sources.get(source_id)
        return f"{src.short or src.publisher}, {src.as_of}" if src else source_id

    def lookup(self, name: str) -> Role | NotARole:
        """A role or a not-a-role term by id or alias; unknown names get a suggestion."""
        key = name.strip().lower().replace(" ", "-").replace("_", "-")
        target = self.names.get(key)
        if target in self.roles:
            return self.roles[target]
        if target in self.not_roles:
            return self.not_roles[target]
        import difflib  # only for the "did you mean" of an unknown name

        close = difflib.get_close_matches(key, list(self.names), n=3, cutoff=0.6)
        hint = ""
        if close:
            picks = ", ".join(dict.fromkeys(close))
            hint = f"; did you mean: {picks}?"
        raise AicareerError(
            f"unknown role {name!r}{hint} (see `aicareer roles` for every role id)",
            ExitCode.NOT_FOUND,
        )

    def role(self, name: str) -> Role:
        """Like lookup(), but a not-a-role term is an error that explains itself."""
        found = self.lookup(name)
        if isinstance(found, NotARole):
            see = f" See: {', '.join(found.see)}." if found.see else ""
            raise AicareerError(
                f"{found.name!r} is not a role (yet): {found.explanation}{see}",
                ExitCode.NOT_FOUND,
            )
        return found


def load(data_dir: Path | None = None) -> Dataset:
    """Read and validate both data files; raise one AicareerError listing every problem.

    A validated result is cached (see `cache`), keyed on the files' exact bytes, so
    validation runs once per change of the data, not once per command.
    """
    from aicareer.records import cache

    folder, custom = resolve_data_dir(data_dir)
    if not folder.is_dir():
        where = f"--data-dir/${ENV_DATA_DIR}" if custom else "built-in data"
        raise data_error(f"{folder}: data folder not found ({where})")
    rpath, mpath = folder / ROLES_FILE, folder / MATRIX_FILE
    rlabel = str(rpath) if custom else ROLES_FILE
    mlabel = str(mpath) if custom else MATRIX_FILE
    raw: dict[Path, bytes | AicareerError] = {}
    for path, label in ((rpath, rlabel), (mpath, mlabel)):
        try:
            raw[path] = read_bytes(path, label, ExitCode.DATA)
        except AicareerError as exc:
            raw[path] = exc
    key = cache.key(
        "dataset", str(folder), str(custom), *(b for b in raw.values() if isinstance(b, bytes))
    )
    if all(isinstance(b, bytes) for b in raw.values()):
        hit = cache.get(key, Validated)
        if hit is not None:
            return _make_dataset(hit.roles_file, hit.matrix, folder, custom)
    ds = _validate(folder, custom, raw, rlabel, mlabel)
    cache.put(key, Validated(ds.roles_file, ds.matrix), Validated)
    return ds


class Validated(NamedTuple):
    """What the cache keeps for a data folder: both files, validated and cross-checked."""

    roles_file: RolesFile
    matrix: MatrixFile


def _make_dataset(roles: RolesFile, matrix: MatrixFile, folder: Path, custom: bool) -> Dataset:
    names: dict[str, str] = {}
    for role in roles.roles:
        names[role.id] = role.id
        for alias in role.aliases:
            names[alias] = role.id
    for nr in roles.not_roles:
        names[nr.id] = nr.id
    return Dataset(roles_file=roles, matrix=matrix, data_dir=folder, custom=custom, names=names)


def _validate(
    folder: Path, custom: bool, raw: dict[Path, bytes | AicareerError], rlabel: str, mlabel: str
) -> Dataset:
    rpath, mpath = folder / ROLES_FILE, folder / MATRIX_FILE
    problems: list[str] = []
    roles = matrix = None
    for path, label, model in ((rpath, rlabel, RolesFile), (mpath, mlabel, MatrixFile)):
        try:
            content = raw[path]
            if isinstance(content, AicareerError):
                raise content
            parsed = parse_model(
                model, parse_toml(content, label, ExitCode.DATA), label, ExitCode.DATA
            )
        except AicareerError as exc:
            problems.extend(exc.lines)
            continue
        if isinstance(parsed, RolesFile):
            roles = parsed
        elif isinstance(parsed, MatrixFile):
            matrix = parsed
    if roles is not None and matrix is not None:
        from aicareer.records.check import cross_check

        problems.extend(cross_check(roles, matrix, rlabel, mlabel))
    if problems or roles is None or matrix is None:
        raise data_error(problems)
    return _make_dataset(roles, matrix, folder, custom)
