"""Shell completion for the words a person types: role ids and aliases, regions, levels,
learning-path phases.

Pass a function as `autocompletion=` of a typer Argument or Option; typer calls it with the
click context (options parsed so far, e.g. `--data-dir`) and the word being completed. The
ids come from the same validated data the command will use (the cache makes this a JSON
read), so a custom `--data-dir` or AICAREER_DATA_DIR completes its own roles and regions.
Completion never fails loudly: data that cannot be read completes nothing.

Each function returns `(value, help)` pairs: zsh and fish show the help, bash the values.
Matching is by prefix (typer then keeps only the candidates that start with the typed
word, case and all, as shells do). Role aliases are offered only once the typed prefix
matches one (an empty word lists the ids alone, not every alias).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset


def _completion_dataset(ctx: typer.Context) -> Dataset | None:
    try:
        from aicareer.cli.app import dataset

        return dataset(ctx.params.get("data_dir"))
    except Exception:
        return None


def _starts(value: str, incomplete: str) -> bool:
    return value.lower().startswith(incomplete.lower())


def role_names(ds: Dataset, incomplete: str) -> list[tuple[str, str]]:
    """Role ids (with the role's name), then aliases and not-a-role terms that match."""
    found = [(rid, role.name) for rid, role in ds.roles.items() if _starts(rid, incomplete)]
    if incomplete:
        ids = {rid for rid, _ in found}
        for name, target in ds.names.items():
            if name not in ids and name not in ds.roles and _starts(name, incomplete):
                role = ds.roles.get(target)
                found.append((name, f"alias of {target}" if role else "not a role (yet)"))
    return found


def complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """ROLE arguments: `show`, `compare`, `salary`, `path`, ..."""
    ds = _completion_dataset(ctx)
    return [] if ds is None else role_names(ds, incomplete)


def complete_region(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--region`: the region ids the data defines, with their labels."""
    ds = _completion_dataset(ctx)
    if ds is None:
        return []
    return [
        (rid, rule.label) for rid, rule in ds.matrix.regions.items() if _starts(rid, incomplete)
    ]


def complete_level(incomplete: str) -> list[tuple[str, str]]:
    """`--level`: the salary levels, and `all` (every level, the default)."""
    from aicareer.records.vocab import LEVELS

    helps = {"all": "every level (the default)"}
    return [(lv, helps.get(lv, f"{lv} level")) for lv in LEVELS if _starts(lv, incomplete)]


def complete_phase(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`path --done/--undo`: phase ids of the ROLE already typed (`role` in the context),
    else every phase id."""
    ds = _completion_dataset(ctx)
    if ds is None:
        return []
    try:
        from aicareer.records.pathmodels import load_paths

        paths = load_paths(ds)
        ids: list[str] = list(paths.phase_ids)
        role = ctx.params.get("role")
        if isinstance(role, str):
            target = ds.names.get(role.strip().lower())
            rp = paths.path_for(target) if target else None
            if rp is not None:
                ids = list(rp.phases)
        titles = {p.id: p.title for p in paths.phases}
    except Exception:
        return []
    return [(pid, titles.get(pid, "")) for pid in ids if _starts(pid, incomplete)]
