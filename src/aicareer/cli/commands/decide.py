"""`aicareer decide`: two to four roles side by side for you."""

from __future__ import annotations

from typing import Annotated

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.commands._shared import plain_list_argument
from aicareer.cli.commands.answers import AnswersOpt, StartOpt, optional_profile, start_date
from aicareer.cli.completion import complete_role
from aicareer.errors import AicareerError, ExitCode


@command(app, "decide")
def decide_cmd(
    roles: Annotated[
        list[str],
        typer.Argument(
            help="Two to four role ids or aliases.",
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ],
    answers: AnswersOpt = None,
    start: StartOpt = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A decision sheet: fit, readiness, pay at your level and region, demand and risk,
    skill gap and a cheap test for two to four roles, and the question a coach would ask.

    \b
    Examples:
      aicareer decide ai-engineer ai-agent-engineer --answers me.toml
      aicareer decide mle ai-engineer llm-engineer --json
    """
    from aicareer.planner.decide import MAX_ROLES, MIN_ROLES, decide

    if not MIN_ROLES <= len(roles) <= MAX_ROLES:
        raise AicareerError(
            f"decide compares {MIN_ROLES} to {MAX_ROLES} roles; got {len(roles)}",
            ExitCode.USAGE,
        )
    day = start_date(start)
    from aicareer.cli.commands.path import role_with_path
    from aicareer.records.pathmodels import load_paths

    ds = dataset(data_dir)
    paths = load_paths(ds)
    ids = [role_with_path(ds, paths, r) for r in roles]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise AicareerError(f"a role is named twice: {', '.join(twice)}", ExitCode.USAGE)
    sheet = decide(ds, paths, optional_profile(answers, ds), ids, day)
    if as_json:
        from aicareer.console import print_json

        print_json(sheet.as_json())
        return
    from aicareer.console import out
    from aicareer.render.plan import sheet_items

    console = out()
    for item in sheet_items(ds, sheet, console.width):
        console.print(item)


plain_list_argument("decide")
