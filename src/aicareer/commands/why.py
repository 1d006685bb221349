"""Command: why. Every reason behind one role's place, and what would change it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aicareer.app import DataDirOpt, JsonOpt, app, command, data_app, dataset


@command(app, "why")
def why_cmd(
    role: Annotated[str, typer.Argument(help="A role id or alias, e.g. ai-architect.")],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Your answers file (default: the answers of your last quiz).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Why this role is where it is for you: every rule that added or took points, every
    requirement met or missed, and the smallest change of answers that would bring it into
    your top three.

    \b
    Examples:
      aicareer why ai-architect --answers me.toml
      aicareer why mle --json
    """
    from aicareer.answers import answers_or_last
    from aicareer.whynot import to_json, why

    ds = dataset(data_dir)
    target = ds.role(role)
    if target.kind != "core":
        from aicareer.errors import AicareerError, ExitCode

        raise AicareerError(
            f"{target.name!r} is shown for comparison only and is not scored; "
            "try a core role (aicareer roles)",
            ExitCode.NOT_FOUND,
        )
    profile = answers_or_last(answers)
    result = why(ds.engine, profile, target.id)
    if as_json:
        from aicareer.console import print_json

        print_json(to_json(result, target.name))
        return
    from aicareer.console import out
    from aicareer.render_result import why_screen

    console = out()
    for item in why_screen(result, target.name, console.width):
        console.print(item)


@command(data_app, "rules")
def data_rules_cmd(data_dir: DataDirOpt = None) -> None:
    """Print how roles are ranked, as Markdown, from the data in use (docs/rules.md).

    Example:  aicareer data rules --data-dir my-data > my-rules.md
    """
    import sys

    from aicareer.rulesdoc import render

    sys.stdout.write(render(dataset(data_dir)))
