"""`aicareer gap`: which of a role's skills you have and which you would learn."""

from __future__ import annotations

from typing import Annotated

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.commands.answers import AnswersOpt, optional_profile
from aicareer.cli.completion import complete_role


@command(app, "gap")
def gap_cmd(
    role: Annotated[
        str,
        typer.Argument(
            help="Role id or alias.",
            show_default=False,
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ],
    answers: AnswersOpt = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The role's skills (from the sources) that you have and lack, and a cheap test.

    Your skills come from the `skills` key of your answers file (docs/answers.md).

    \b
    Examples:
      aicareer gap ai-agent-engineer --answers me.toml
      aicareer gap mle --json
    """
    from aicareer.cli.commands.path import role_with_path
    from aicareer.planner.gap import cheap_test, gap
    from aicareer.records.pathmodels import load_paths

    ds = dataset(data_dir)
    paths = load_paths(ds)
    role_id = role_with_path(ds, paths, role)
    profile = optional_profile(answers, ds)
    result = gap(role_id, profile, paths)
    cheap = cheap_test(role_id, paths)
    if as_json:
        from aicareer.console import print_json

        doc = {"name": ds.roles[role_id].name, **result.as_json()}
        doc["cheap_test"] = None if cheap is None else cheap._asdict()
        print_json(doc)
        return
    from rich.text import Text

    from aicareer.console import out
    from aicareer.render.plan import cheap_test_text, gap_items

    console = out()
    console.print(Text(f"Skill gap: {ds.roles[role_id].name} ({role_id})", style="bold"))
    for item in gap_items(ds, result):
        console.print(item)
    if cheap is not None:
        console.print(Text("\nTry it first, in a weekend or two", style="bold"))
        console.print(cheap_test_text(ds, cheap))
