"""Command: salary. Pay by role, level and region, every source apart."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.commands._shared import RegionOpt, plain_list_argument
from aicareer.cli.completion import complete_level, complete_role

if TYPE_CHECKING:
    pass


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
    from aicareer.planner.salary import (
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
    from aicareer.render.browse import role_notes, salary_tables

    console = out()
    console.print(salary_tables(ds, rows, rule.label), crop=False)
    notes = role_notes(picked, ds)
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


plain_list_argument("salary")
