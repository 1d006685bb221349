"""`aicareer path`: the phases to move into a role, at your pace, with dates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.commands.answers import AnswersOpt, StartOpt, optional_profile, start_date
from aicareer.cli.completion import complete_phase, complete_role
from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from aicareer.planner.timeline import Plan
    from aicareer.records.dataset import Dataset
    from aicareer.records.pathmodels import PathsFile


def role_with_path(ds: Dataset, paths: PathsFile, name: str) -> str:
    """The role id for `name`; an adjacent role (no path) is exit 5."""
    found = ds.role(name)
    if paths.path_for(found.id) is None:
        with_paths = ", ".join(p.role for p in paths.paths)
        raise AicareerError(
            f"no learning path for {found.name} ({found.id}, an adjacent role); "
            f"paths exist for: {with_paths}",
            ExitCode.NOT_FOUND,
        )
    return found.id


def _update_progress(
    plan: Plan, paths: PathsFile, done: list[str], undo: list[str]
) -> dict[str, Any]:
    """Read progress, apply --done/--undo (all checked before anything is written)."""
    from aicareer.state.progress import locked, path_progress_file

    ppath = path_progress_file()
    if not (done or undo):
        return _apply_progress(plan, paths, ppath, done, undo)
    with locked(ppath):  # read, change and write as one step: parallel runs all land
        return _apply_progress(plan, paths, ppath, done, undo)


def _apply_progress(
    plan: Plan, paths: PathsFile, ppath: Path, done: list[str], undo: list[str]
) -> dict[str, Any]:
    from aicareer.console import note
    from aicareer.planner.timeline import phase_id_problems
    from aicareer.state.progress import read_path_progress, today, write_path_progress

    recorded = read_path_progress(ppath)
    both = sorted(set(done) & set(undo))
    if both:
        raise AicareerError(f"--done and --undo both name: {', '.join(both)}", ExitCode.USAGE)
    problems = phase_id_problems(done, plan, paths, "--done")
    # --undo may remove any id the file holds, even one the data has dropped.
    problems += phase_id_problems([u for u in undo if u not in recorded], plan, paths, "--undo")
    if problems:
        raise AicareerError(problems, ExitCode.INPUT)
    if done or undo:
        day = today()
        changed = False
        for pid in done:
            if pid not in recorded:
                recorded[pid] = day
                changed = True
        undone_ids = []
        for pid in undo:
            if pid in recorded:
                del recorded[pid]
                undone_ids.append(pid)
                changed = True
            else:
                note(f"{pid} was not marked done; nothing to undo")
        if changed:
            write_path_progress(ppath, recorded)
        # Say only what happened: an --undo of a phase that was not done gets one line.
        marked = f"marked done: {', '.join(done)}" if done else ""
        undone = f"no longer done: {', '.join(undone_ids)}" if undone_ids else ""
        if marked or undone:
            note("; ".join(x for x in (marked, undone) if x) + f" (progress file: {ppath})")
    from aicareer.state.progress import unknown_ids

    stale = unknown_ids(recorded, paths.phase_ids)
    for pid in stale:
        note(
            f"note: {ppath} lists phase {pid!r}, which the data no longer has; it is ignored "
            f"(remove it with `--undo {pid}`)"
        )
    return {"path": str(ppath), "done": recorded, "unknown": stale}


@command(app, "path")
def path_cmd(
    role: Annotated[
        str | None,
        typer.Argument(
            help="Role id or alias (default with --answers: your best fit).",
            show_default=False,
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ] = None,
    answers: AnswersOpt = None,
    start: StartOpt = None,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done",
            help="Mark a phase done (repeatable).",
            metavar="PHASE_ID",
            show_default=False,
            autocompletion=complete_phase,
        ),
    ] = None,
    undo: Annotated[
        list[str] | None,
        typer.Option(
            "--undo",
            help="Unmark a phase (repeatable).",
            metavar="PHASE_ID",
            show_default=False,
            autocompletion=complete_phase,
        ),
    ] = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The phases to move into a role: what to learn and build, weeks and dates, and a
    cheap test to try first.

    With --answers, phases your background or skills cover are skipped or shortened, and
    weeks are counted at your hours_per_week. Progress is kept in progress.toml in your
    aicareer home (AICAREER_HOME overrides it).

    \b
    Examples:
      aicareer path ai-engineer
      aicareer path ai-agent-engineer --answers me.toml --start 2027-01-04
      aicareer path ai-engineer --done foundations
    """
    from aicareer.planner.decide import engine_fit
    from aicareer.planner.gap import cheap_test
    from aicareer.planner.timeline import make_plan, with_progress
    from aicareer.records.pathmodels import load_paths

    day = start_date(start)
    ds = dataset(data_dir)
    paths = load_paths(ds)
    profile = optional_profile(answers, ds)
    fits = engine_fit(ds, profile) if profile is not None else {}
    if role is None:
        if not fits:
            raise AicareerError(
                "give a ROLE (e.g. `aicareer path ai-engineer`), or --answers FILE to plan "
                "for your best fit",
                ExitCode.USAGE,
            )
        role_id = next(iter(fits))  # the engine orders ready roles first, best first
    else:
        role_id = role_with_path(ds, paths, role)
    fit = fits.get(role_id)
    plan = make_plan(paths, role_id, profile, day, time=None if fit is None else fit.time)
    progress = _update_progress(plan, paths, done or [], undo or [])
    plan = with_progress(plan, progress["done"])
    cheap = cheap_test(role_id, paths)
    if as_json:
        from aicareer.console import print_json

        doc = {"role": role_id, "name": ds.roles[role_id].name, **plan.as_json()}
        doc["cheap_test"] = None if cheap is None else cheap._asdict()
        doc["progress"] = {"file": progress["path"], "unknown_ids": progress["unknown"]}
        print_json(doc)
        return
    from aicareer.console import out
    from aicareer.render.plan import next_hint, plan_items

    console = out()
    for item in plan_items(ds, plan, cheap):
        console.print(item)
    hint = next_hint(plan)
    if hint is not None:  # whole on one line, even when wider than the terminal
        console.print(f"  {hint}", style="dim", soft_wrap=True, markup=False)
