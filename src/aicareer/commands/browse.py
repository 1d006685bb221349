"""Browse the data: roles, show, compare, salary, matrix, data check."""

from __future__ import annotations

from typing import Annotated

import typer

from aicareer.app import DataDirOpt, JsonOpt, app, command, data_app, dataset
from aicareer.errors import AicareerError, ExitCode
from aicareer.vocab import Level, Region


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
    from aicareer.console import out
    from aicareer.render import roles_table

    out().print(roles_table(ds))


@command(app, "show")
def show_cmd(
    role: Annotated[
        str, typer.Argument(help="Role id or alias, e.g. ai-engineer, mle, ai-pm.", metavar="ROLE")
    ],
    region: Annotated[
        Region, typer.Option("--region", help="Pay region: us, europe or other.")
    ] = "us",
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one role's card: what it is, skills, backgrounds, pay and how to break in.

    Example:  aicareer show agentic-ai-developer
    """
    from aicareer.models import NotARole, to_dict

    ds = dataset(data_dir)
    found = ds.lookup(role)
    if isinstance(found, NotARole):
        if as_json:
            from aicareer.console import print_json

            print_json({"not_a_role": to_dict(found)})
            return
        from aicareer.console import out
        from aicareer.render import not_role_panel

        out().print(not_role_panel(ds, found))
        return
    from aicareer.salary import regional_bands

    bands = regional_bands(found, region, ds.matrix.regions[region])
    if as_json:
        from aicareer.console import print_json

        data = to_dict(found)
        data["salary"]["regional"] = [b.as_json() for b in bands]
        print_json({"role": data})
        return
    from aicareer.console import out
    from aicareer.render import role_card

    out().print(role_card(ds, found, bands))


@command(app, "compare")
def compare_cmd(
    roles: Annotated[
        list[str],
        typer.Argument(help="Two or more role ids or aliases.", metavar="ROLE"),
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
    from aicareer.salary import regional_bands

    us = ds.matrix.regions["us"]
    bands = {r.id: regional_bands(r, "us", us) for r in picked}
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
    from aicareer.console import out
    from aicareer.render import compare_table

    out().print(compare_table(ds, picked, bands))


@command(app, "salary")
def salary_cmd(
    roles: Annotated[
        list[str] | None,
        typer.Argument(help="Role ids or aliases (default: every role).", metavar="ROLE"),
    ] = None,
    region: Annotated[
        Region, typer.Option("--region", help="Pay region: us, europe or other.")
    ] = "us",
    level: Annotated[
        Level | None,
        typer.Option("--level", help="Only this level.", show_default=False),
    ] = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Salary ranges by region and level, each with its source, date and basis.

    Figures are indicative. Europe and other markets are derived from the roles guide's US
    base salaries with its own rule (Europe 30-50% lower, other markets 40-60% lower).

    \b
    Examples:
      aicareer salary --region europe
      aicareer salary ai-engineer mle --level mid --json
    """
    from aicareer.salary import regional_bands, skipped_sources

    ds = dataset(data_dir)
    named = [ds.role(n) for n in roles] if roles else list(ds.roles.values())
    picked = list({r.id: r for r in named}.values())
    rule = ds.matrix.regions[region]
    rows = [b for r in picked for b in regional_bands(r, region, rule, level)]
    skipped = skipped_sources(picked, region, rule)
    no_data = [r for r in picked if not any(b.role == r.id for b in rows)]
    notices = ["Figures are indicative only: they vary widely by company, city and level."]
    if region != "us":
        rsrc = ds.sources[rule.source]
        notices.append(
            f"{rule.label}: the US figures made {rule.lower_min}-{rule.lower_max}% lower, "
            f"as the widest range (low end -{rule.lower_max}%, high end -{rule.lower_min}%); "
            f"rule from {rsrc.short or rsrc.title} ({rsrc.as_of})."
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
                "level": level,
                "rows": [b.as_json() for b in rows],
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
    from aicareer.render import salary_tables

    console = out()
    console.print(salary_tables(ds, rows, rule.label))
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
    from aicareer.console import out
    from aicareer.render import matrix_table

    out().print(matrix_table(ds.matrix, ds))


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
    typer.echo(
        f"ok: {where}: {summary['roles']} roles, {summary['rules']} rules, "
        f"{summary['sources']} sources, {summary['paths']} learning paths"
    )
