"""Browse the data: roles, show, compare, salary, matrix, data check, data info.

Short options mean one thing everywhere (README, "Short options"): -r is --region, -l is
--level, -a is --answers, -o is --out.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Annotated

import typer

from aicareer.app import _REGISTERED, DataDirOpt, JsonOpt, app, command, data_app, dataset
from aicareer.completion import complete_level, complete_region, complete_role
from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    from rich.console import RenderableType
    from typer._click import Command

RegionOpt = Annotated[
    str,
    typer.Option(
        "--region",
        "-r",
        help="Pay region, any case: a region id or name from the data (e.g. europe).",
        metavar="REGION",
        autocompletion=complete_region,
    ),
]


def _build_plain(one: typer.Typer) -> Command:
    """typer shows a list argument as `ROLE <list[str]>` in help; show just `ROLE`."""
    cmd = typer.main.get_command(one)
    for param in cmd.params:
        if param.param_type_name == "argument" and param.nargs != 1:
            setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010
    return cmd


def _plain_list_argument(name: str) -> None:
    build = _REGISTERED[("", name)]
    assert isinstance(build, functools.partial)
    _REGISTERED[("", name)] = functools.partial(_build_plain, build.args[0])


def _print(renderable: object) -> None:
    """Print to stdout; a command longer than the terminal overflows, never wraps."""
    from aicareer.console import out

    out().print(renderable, crop=False)


@command(app, "roles")
def roles_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """List every role: status, US mid-level pay and demand.

    Example:  aicareer roles
    """
    ds = dataset(data_dir)
    if as_json:
        from aicareer.console import print_json
        from aicareer.salary import headline_band

        rows = []
        for role in ds.roles.values():
            band = headline_band(role)
            rows.append(
                {
                    "role": role.id,
                    "name": role.name,
                    "kind": role.kind,
                    "status": role.status,
                    "aliases": role.aliases,
                    "us_mid": None
                    if band is None
                    else {
                        "low": band.low,
                        "high": band.high,
                        "plus": band.plus,
                        "level": band.level,
                        "basis": band.basis,
                        "source": band.source,
                    },
                    "demand": role.demand,
                }
            )
        print_json({"roles": rows})
        return
    from aicareer.render import roles_table

    _print(roles_table(ds))


@command(app, "show")
def show_cmd(
    role: Annotated[
        str,
        typer.Argument(
            help="Role id or alias, e.g. ai-engineer, mle, ai-pm.",
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ],
    region: RegionOpt = "us",
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one role's card: what it is, skills, backgrounds, pay and how to break in.

    \b
    Examples:
      aicareer show agentic-ai-developer
      aicareer show mle --region europe
    """
    from aicareer.models import NotARole, to_dict
    from aicareer.salary import resolve_region

    ds = dataset(data_dir)
    region = resolve_region(ds.matrix.regions, region)
    found = ds.lookup(role)
    if isinstance(found, NotARole):
        if as_json:
            from aicareer.console import print_json

            print_json({"not_a_role": to_dict(found)})
            return
        from aicareer.render import not_role_panel

        _print(not_role_panel(ds, found))
        return
    from aicareer.salary import regional_bands

    bands = regional_bands(found, region, ds.matrix.regions[region])
    if as_json:
        from aicareer.console import print_json

        data = to_dict(found)
        data["salary"]["regional"] = [b.as_json() for b in bands]
        print_json({"role": data})
        return
    from aicareer.render import role_card

    _print(role_card(ds, found, bands, region))


@command(app, "compare")
def compare_cmd(
    roles: Annotated[
        list[str],
        typer.Argument(
            help="Two or more role ids or aliases.",
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ],
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare roles side by side: focus, work, skills, backgrounds, pay and demand.

    Example:  aicareer compare ai-engineer ml-engineer
    """
    if len(roles) < 2:
        raise AicareerError(
            "compare needs at least two roles, e.g. `aicareer compare ai-engineer ml-engineer`",
            ExitCode.USAGE,
        )
    ds = dataset(data_dir)
    picked = list({r.id: r for r in (ds.role(name) for name in roles)}.values())
    if len(picked) < 2:
        raise AicareerError("compare needs two different roles", ExitCode.USAGE)
    from aicareer.salary import BASE_REGION, regional_bands

    us = ds.matrix.regions[BASE_REGION]
    bands = {r.id: regional_bands(r, BASE_REGION, us) for r in picked}
    if as_json:
        from aicareer.console import print_json

        print_json(
            {
                "roles": [
                    {
                        "role": r.id,
                        "name": r.name,
                        "status": r.status,
                        "summary": r.summary,
                        "skills": r.skills.technical,
                        "backgrounds": r.backgrounds,
                        "demand": r.demand,
                        "timeline": r.timeline,
                        "axes": None if r.axes is None else r.axes._asdict(),
                        "salary": [b.as_json() for b in bands[r.id]],
                    }
                    for r in picked
                ]
            }
        )
        return
    from aicareer.render import compare_table

    _print(compare_table(ds, picked, bands))


@command(app, "salary")
def salary_cmd(
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            help="Role ids or aliases (default: every role).",
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ] = None,
    region: RegionOpt = "us",
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            "-l",
            help="Only this level (entry, mid, senior, median, architect), plus ranges the "
            "sources give for every level; all (the default) shows every level.",
            metavar="LEVEL",
            show_default=False,
            autocompletion=complete_level,
        ),
    ] = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Salary ranges by region and level, each with its source, date and basis.

    Figures are indicative. Other regions are derived from the roles guide's US base
    salaries with each region's rule in the data (matrix.toml), e.g. Europe 30-50% lower.
    The roles guide's note on each role's pay ("Lower demand outside labs") follows the
    tables.

    \b
    Examples:
      aicareer salary --region europe
      aicareer salary ai-engineer mle --level mid --json
    """
    from aicareer.salary import (
        BASE_REGION,
        region_rule_text,
        regional_bands,
        resolve_level,
        resolve_region,
        skipped_sources,
    )

    ds = dataset(data_dir)
    region = resolve_region(ds.matrix.regions, region)
    level = resolve_level(level)
    named = [ds.role(n) for n in roles] if roles else list(ds.roles.values())
    picked = list({r.id: r for r in named}.values())
    rule = ds.matrix.regions[region]
    rows = [b for r in picked for b in regional_bands(r, region, rule, level)]
    skipped = skipped_sources(picked, region, rule)
    no_data = [r for r in picked if not any(b.role == r.id for b in rows)]
    notices = ["Figures are indicative only: they vary widely by company, city and level."]
    if region != BASE_REGION:
        rsrc = ds.sources[rule.source]
        notices.append(
            region_rule_text(rule.label, rule, f"{rsrc.short or rsrc.title} ({rsrc.as_of})")
        )
    for sid in skipped:
        src = ds.sources[sid]
        notices.append(
            f"Not shown for {rule.label}: {src.short or src.title} ({src.as_of}) gives US "
            "figures only, and no source gives a regional rule for them (see --region us)."
        )
    if as_json:
        from aicareer.console import print_json

        print_json(
            {
                "region": region,
                "region_label": rule.label,
                "level": level,
                "rows": [b.as_json() for b in rows],
                "role_notes": {r.id: r.salary.note for r in picked if r.salary.note},
                "no_data": [
                    {
                        "role": r.id,
                        "reason": r.salary.no_figure
                        or "no figure for this region/level in the sources",
                    }
                    for r in no_data
                ],
                "notes": notices,
                "sources": {
                    s: {"title": ds.sources[s].title, "as_of": ds.sources[s].as_of}
                    for s in sorted({b.source for b in rows} | {rule.source})
                },
            }
        )
        return
    from rich.text import Text

    from aicareer.console import out
    from aicareer.render import role_notes, salary_tables

    console = out()
    console.print(salary_tables(ds, rows, rule.label), crop=False)
    notes = role_notes(picked)
    if notes is not None:
        console.print(notes)
    if no_data:
        console.print(
            Text(
                "No figure in the sources for: "
                + ", ".join(
                    f"{r.id} ({r.salary.no_figure})" if r.salary.no_figure else r.id
                    for r in no_data
                )
            )
        )
    for line in notices:
        console.print(Text(line, style="dim"))


@command(app, "matrix")
def matrix_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """The roles guide's Career Decision Matrix: your profile, best next role, timeline.

    Example:  aicareer matrix
    """
    ds = dataset(data_dir)
    rows = ds.matrix.matrix
    if as_json:
        from aicareer.console import print_json

        routes = ds.matrix.routes
        print_json(
            {
                "rows": [
                    {
                        "profile": r.profile,
                        "best": r.best,
                        "roles": list(dict.fromkeys(x.role for x in routes if x.matrix == r.id)),
                        "timeline": r.timeline,
                        "row": r.id,
                        "source": r.source,
                    }
                    for r in rows
                ]
            }
        )
        return
    from aicareer.render import matrix_table

    _print(matrix_table(ds.matrix, ds))


@command(data_app, "check")
def data_check_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Validate the data files in use; list every problem with its file and field.

    Checks roles.toml, matrix.toml and paths.toml. Exit code 0 when the data is valid,
    3 when it is not (one line per problem on stderr; with --json, also on stdout).

    Example:  aicareer data check --data-dir ./my-data
    """
    from aicareer.pathmodels import load_paths

    try:
        ds = dataset(data_dir)
        paths = load_paths(ds)
    except AicareerError as exc:
        if as_json:
            from aicareer.console import print_json

            print_json({"ok": False, "problems": exc.lines})
        raise
    summary = {
        "ok": True,
        "data_dir": str(ds.data_dir),
        "custom": ds.custom,
        "roles": len(ds.roles),
        "rules": len(ds.matrix.routes) + len(ds.matrix.fit) + len(ds.matrix.requirements),
        "sources": len(ds.sources),
        "paths": len(paths.paths),
    }
    if as_json:
        from aicareer.console import print_json

        print_json(summary)
        return
    where = str(ds.data_dir) + (" (custom)" if ds.custom else " (built-in)")
    import shutil
    import textwrap

    counts = (
        f"ok: {summary['roles']} roles, {summary['rules']} rules, "
        f"{summary['sources']} sources, {summary['paths']} learning paths"
    )
    width = shutil.get_terminal_size().columns
    typer.echo(textwrap.fill(counts, width, subsequent_indent="  ") + f"\nin {where}")


@command(data_app, "info")
def data_info_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """Which data is in use, its versions, every source with its date and what it
    contributed. Warns (on stderr) when the newest source is over a year old.

    Set AICAREER_TODAY=YYYY-MM-DD to check against another date (a testing aid).

    Example:  aicareer data info
    """
    from aicareer.console import note
    from aicareer.progress import today
    from aicareer.report import data_info

    ds = dataset(data_dir)
    info = data_info(ds, today())
    if info["warning"]:
        note(f"warning: {info['warning']}")
    if as_json:
        from aicareer.console import print_json

        print_json(info)
        return
    from rich.console import Group
    from rich.text import Text

    from aicareer.layout import Fields

    where = "custom folder" if ds.custom else "built-in data"
    parts: list[RenderableType] = [Text(f"Data in use: {where}: {info['data_dir']}", style="bold")]
    files = []
    for name, meta in info["files"].items():
        if "error" in meta:
            files.append((f"{name}:", Text(meta["error"])))
        else:
            files.append(
                (f"{name}:", Text(f"version {meta['version']} (updated {meta['updated']})"))
            )
    parts += [Fields(files, indent=2, label_style=""), Text(""), Text("Sources", style="bold")]
    pairs = []
    for s in info["sources"]:
        dated = f"dated {s['dated']}" if s["dated"] else "no machine-readable date"
        body = Text(s["title"] + "\n", style="bold")
        body.append(
            f"{s['publisher']}; as of {s['as_of']} ({dated}); seed {s['seed']}\n", style="dim"
        )
        body.append(f"Contributes: {s['contributes']}\n")
        pairs.append((s["id"], body))
    parts.append(Fields(pairs, min_value=30))
    newest = info["newest_source"]
    if newest:
        parts.append(
            Text(
                f"Newest source: {newest['id']}, dated {newest['dated']} (today: {info['today']})",
                style="dim",
            )
        )
    _print(Group(*parts))


_plain_list_argument("compare")
_plain_list_argument("salary")
