"""Find, read and validate the data files: the one place data enters the program.

`load()` returns a `Dataset` whose every id, alias, source and rule has been checked.
Problems are collected, not raised one by one, so a career coach editing the files sees
every problem at once, each as `file: field.path: what was expected`.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from aicareer.errors import AicareerError, ExitCode, data_error
from aicareer.records.models import NotARole, Role, RolesFile
from aicareer.records.reading import (  # re-exported: read from here too
    ANSWERS_LIMITS as ANSWERS_LIMITS,
)
from aicareer.records.reading import (
    DATA_LIMITS as DATA_LIMITS,
)
from aicareer.records.reading import (
    PROGRESS_LIMITS as PROGRESS_LIMITS,
)
from aicareer.records.reading import (
    Limits as Limits,
)
from aicareer.records.reading import (
    check_tree as check_tree,
)
from aicareer.records.reading import (
    format_loc as format_loc,
)
from aicareer.records.reading import (
    parse_model as parse_model,
)
from aicareer.records.reading import (
    parse_toml as parse_toml,
)
from aicareer.records.reading import (
    read_bytes as read_bytes,
)
from aicareer.records.reading import (
    read_toml as read_toml,
)
from aicareer.records.reading import (
    validation_lines as validation_lines,
)
from aicareer.records.rulemodels import MatrixFile

ENV_DATA_DIR = "AICAREER_DATA_DIR"
ROLES_FILE = "roles.toml"
MATRIX_FILE = "matrix.toml"

if TYPE_CHECKING:
    from aicareer.records.followups import FollowupsFile
    from aicareer.records.pathmodels import PathsFile

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
    def paths(self) -> PathsFile:
        """paths.toml from the same folder, validated and cross-checked (on first use)."""
        from aicareer.records.pathmodels import load_paths

        return load_paths(self)

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
    if not cache.enabled():
        return _validate(folder, custom, raw, rlabel, mlabel)
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
