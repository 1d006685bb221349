"""Browse the roles: roles, show, compare (salary is in pay.py; matrix and data in info.py).

Short options mean one thing everywhere (README, "Short options"): -r is --region, -l is
--level, -a is --answers, -o is --out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.commands._shared import RegionOpt, plain_list_argument, print_out
from aicareer.cli.completion import complete_role
from aicareer.errors import AicareerError, ExitCode

if TYPE_CHECKING:
    pass


@command(app, "roles")
def roles_cmd(data_dir: DataDirOpt = None, as_json: JsonOpt = False) -> None:
    """List every role: status, US mid-level pay and demand.

    Example:  aicareer roles
    """
    ds = dataset(data_dir)
    if as_json:
        from aicareer.console import print_json
        from aicareer.planner.salary import headline_band

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
    from aicareer.render.browse import roles_table

    print_out(roles_table(ds))


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
    from aicareer.planner.salary import resolve_region
    from aicareer.records.models import NotARole, to_dict

    ds = dataset(data_dir)
    region = resolve_region(ds.matrix.regions, region)
    found = ds.lookup(role)
    if isinstance(found, NotARole):
        if as_json:
            from aicareer.console import print_json

            print_json({"not_a_role": to_dict(found)})
            return
        from aicareer.render.browse import not_role_panel

        print_out(not_role_panel(ds, found))
        return
    from aicareer.planner.salary import regional_bands

    bands = regional_bands(found, region, ds.matrix.regions[region])
    if as_json:
        from aicareer.console import print_json

        data = to_dict(found)
        data["salary"]["regional"] = [b.as_json() for b in bands]
        print_json({"role": data})
        return
    from aicareer.planner.gap import cheap_test
    from aicareer.records.pathmodels import load_paths
    from aicareer.render.browse import role_card

    try:
        test = cheap_test(found.id, load_paths(ds))
    except AicareerError:  # a custom data folder without paths.toml: no cheap test to show
        test = None
    print_out(role_card(ds, found, bands, region, test.text if test else None))


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
    from aicareer.planner.salary import BASE_REGION, regional_bands

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
    from aicareer.render.browse import compare_table

    print_out(compare_table(ds, picked, bands))


plain_list_argument("compare")
