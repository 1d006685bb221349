"""`aicareer path`: the phases to move into a role."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aicareer.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.commands.answers import AnswersOpt
from aicareer.commands.answers import ranked as _ranked
from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from aicareer.data import Dataset
    from aicareer.engine import Ranking
    from aicareer.learning import Plan
    from aicareer.pathmodels import PathsFile

# --- path ------------------------------------------------------------------------------------


def _pick_role(ds: Dataset, paths: PathsFile, role: str | None, ranking: Ranking | None) -> str:
    if role is None:
        if ranking is None:
            raise AicareerError(
                "give a ROLE (e.g. `aicareer path ai-engineer`), or --answers FILE to plan "
                "for your best fit",
                ExitCode.USAGE,
            )
        return ranking.recommendations[0].role_id
    found = ds.role(role)
    if paths.path_for(found.id) is None:
        with_paths = ", ".join(p.role for p in paths.paths)
        raise AicareerError(
            f"no learning path for {found.name} ({found.id}, an adjacent role); "
            f"paths exist for: {with_paths}",
            ExitCode.NOT_FOUND,
        )
    return found.id


def _check_ids(ids: list[str], plan: Plan, paths: PathsFile, flag: str) -> list[str]:
    on_path = [p.id for p in plan.phases]
    problems = []
    for pid in ids:
        if pid in on_path:
            continue
        if pid in paths.phase_ids:
            problems.append(
                f"{flag} {pid}: phase {pid!r} is not on this path; its phases are: "
                + ", ".join(on_path)
            )
            continue
        close = difflib.get_close_matches(pid, on_path, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        problems.append(
            f"{flag} {pid}: unknown phase id {pid!r}{hint} "
            f"(this path's phases: {', '.join(on_path)})"
        )
    return problems


def _update_progress(
    plan: Plan, paths: PathsFile, done: list[str], undo: list[str]
) -> dict[str, Any]:
    """Read progress, apply --done/--undo (all checked before anything is written)."""
    from aicareer.console import note
    from aicareer.progress import progress_path, read_progress, today, write_progress

    ppath = progress_path()
    recorded = read_progress(ppath)
    both = sorted(set(done) & set(undo))
    if both:
        raise AicareerError(f"--done and --undo both name: {', '.join(both)}", ExitCode.USAGE)
    problems = _check_ids(done, plan, paths, "--done")
    # --undo may remove any id the file holds, even one the data has dropped.
    problems += _check_ids([u for u in undo if u not in recorded], plan, paths, "--undo")
    if problems:
        raise AicareerError(problems, ExitCode.INPUT)
    if done or undo:
        day = today()
        changed = False
        for pid in done:
            if pid not in recorded:
                recorded[pid] = day
                changed = True
        for pid in undo:
            if pid in recorded:
                del recorded[pid]
                changed = True
            else:
                note(f"{pid} was not marked done; nothing to undo")
        if changed:
            write_progress(ppath, recorded)
        marked = f"marked done: {', '.join(done)}" if done else ""
        undone = f"no longer done: {', '.join(u for u in undo)}" if undo else ""
        note("; ".join(x for x in (marked, undone) if x) + f" (progress file: {ppath})")
    from aicareer.progress import unknown_ids

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
            help="Role id or alias (default with --answers: your best fit).", show_default=False
        ),
    ] = None,
    answers: AnswersOpt = None,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done", help="Mark a phase done (repeatable).", metavar="PHASE_ID", show_default=False
        ),
    ] = None,
    undo: Annotated[
        list[str] | None,
        typer.Option(
            "--undo", help="Unmark a phase (repeatable).", metavar="PHASE_ID", show_default=False
        ),
    ] = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The phases to move into a role: what to learn and build, resources and weeks.

    With --answers, phases your background covers are skipped or shortened and the total
    matches the timeline the quiz gave you. Progress is kept in progress.toml in your
    aicareer home (AICAREER_HOME overrides it).

    \b
    Examples:
      aicareer path ai-engineer
      aicareer path ai-agent-engineer --answers me.toml
      aicareer path ai-engineer --done foundations
      aicareer path ai-engineer --undo foundations
    """
    from aicareer.learning import build_path, fit, with_progress
    from aicareer.pathmodels import load_paths

    ds = dataset(data_dir)
    paths = load_paths(ds)
    profile, ranking = _ranked(ds, answers)
    role_id = _pick_role(ds, paths, role, ranking)
    plan = build_path(paths, role_id)
    if profile is not None and ranking is not None:
        rec = next(r for r in ranking.recommendations if r.role_id == role_id)
        plan = fit(plan, paths, profile.background, rec.timeline)
    progress = _update_progress(plan, paths, done or [], undo or [])
    plan = with_progress(plan, progress["done"])
    if as_json:
        from aicareer.console import print_json

        doc = {"role": role_id, "name": ds.roles[role_id].name, **plan.as_json()}
        doc["progress"] = {"file": progress["path"], "unknown_ids": progress["unknown"]}
        print_json(doc)
        return
    from aicareer.console import out

    console = out()
    for item in _path_renderables(ds, plan):
        console.print(item)


def _short_status(p: Any) -> str:
    if p.done:
        return "✓ done"
    if p.status == "covered":
        return "skipped (covered)"
    if p.status == "partly-covered":
        return f"shortened (was {p.base_min}-{p.base_max})"
    return "to do"


def _path_renderables(ds: Dataset, plan: Plan) -> list[Any]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from aicareer.learning import bar, weeks_text
    from aicareer.render import bullets, source_label

    role = ds.roles[plan.role_id]
    items: list[Any] = []
    title = Text(f"Path to {role.name} ", style="bold")
    title.append(f"({role.id})", style="dim")
    items.append(title)
    if plan.background is not None:
        items.append(
            Text(
                f"Fitted to your answers: background {plan.background}; timeline "
                f"from the quiz: {plan.timeline or 'none'}"
            )
        )
    longest = max((p.max_weeks for p in plan.phases), default=0)
    table = Table(box=box.SIMPLE_HEAD, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("phase (id)", ratio=3, min_width=18)
    table.add_column("weeks", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, max_width=16)
    table.add_column("status", ratio=2, min_width=10)
    for i, p in enumerate(plan.phases, 1):
        name = Text(p.title, style="strike dim" if p.done else "")
        name.append(f"\n{p.id}", style="dim")
        weeks = (
            "-"
            if p.skipped
            else (
                str(p.min_weeks) if p.min_weeks == p.max_weeks else f"{p.min_weeks}-{p.max_weeks}"
            )
        )
        status = Text(_short_status(p), style="bold" if p.done else "")
        table.add_row(
            Text(str(i)),
            name,
            Text(weeks),
            Text(bar(p.min_weeks, p.max_weeks, longest, 16)),
            status,
        )
    items.append(table)
    lo, hi = plan.total
    items.append(Text(f"Total: {weeks_text(lo, hi)}, from {plan.total_from}."))
    rlo, rhi = plan.remaining
    n = len(plan.phases)
    items.append(
        Text(
            f"Remaining: {weeks_text(rlo, rhi)} ({plan.done_count} of {n} phases done)",
            style="bold",
        )
    )
    if plan.background is not None:
        items.append(
            Text(
                f"Skipped: covered by your background ({plan.background}). "
                "Shortened: partly covered, so halved before any scaling.",
                style="dim",
            )
        )
    unit = max(1, -(-longest // 16))
    items.append(
        Text(
            f"Bars: █ the fewest weeks, ░ up to the most"
            f"{f' (one character is about {unit} weeks)' if unit > 1 else ''}.",
            style="dim",
        )
    )
    for i, p in enumerate(plan.phases, 1):
        head = Text(f"\n{i}. {p.title} ", style="bold")
        head.append(f"[{p.id}]", style="dim")
        if p.skipped:
            head.append("  skipped: covered by your background")
            items.append(head)
            continue
        head.append(f"  {weeks_text(p.min_weeks, p.max_weeks, months=False)}")
        if p.done:
            head.append("  ✓ done", style="bold")
        items.append(head)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True, min_width=9)
        grid.add_column(ratio=1)
        grid.add_row(Text("Learn"), bullets(p.learn))
        if p.build:
            grid.add_row(Text("Build"), bullets(p.build))
        if p.resources:
            res = [r.title + (f" ({r.note})" if r.note else "") for r in p.resources]
            grid.add_row(Text("Resources"), bullets(res))
        if p.note:
            grid.add_row(Text("Note"), Text(p.note))
        grid.add_row(
            Text("Sources"), Text("; ".join(source_label(ds, s) for s in p.sources), style="dim")
        )
        items.append(grid)
    if plan.note:
        items.append(Text(f"\nAbout this path: {plan.note}"))
    nxt = next((p for p in plan.phases if not p.done and not p.skipped), None)
    if nxt is not None:
        items.append(
            Text(
                f"\nWhen a phase is done:  aicareer path {plan.role_id} --done {nxt.id}",
                style="dim",
            )
        )
    return items
