"""Command: why. Every reason behind one role's place, and what would change it."""

from __future__ import annotations

from typing import Annotated

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, data_app, dataset
from aicareer.cli.commands.answers import AnswersOpt


@command(app, "why")
def why_cmd(
    role: Annotated[
        str, typer.Argument(help="A role id or alias, e.g. ai-architect.", metavar="ROLE")
    ],
    answers: AnswersOpt = None,
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
    from aicareer.engine.whynot import why, why_json
    from aicareer.state.history import answers_or_last

    ds = dataset(data_dir)
    target = ds.role(role)
    if target.kind != "core":
        from aicareer.errors import AicareerError, ExitCode

        raise AicareerError(
            f"{target.name!r} is shown for comparison only and is not scored; "
            "try a core role (aicareer roles)",
            ExitCode.NOT_FOUND,
        )
    from aicareer.document.answer import time_view
    from aicareer.engine.ranker import engine_of

    profile, _ = answers_or_last(answers, ds)
    result = why(engine_of(ds), profile, target.id)
    time = result.explanation.result.readiness.time
    view = time_view(ds, profile, time) if time is not None else None
    if as_json:
        from aicareer.console import print_json

        doc = why_json(result, target.name)
        if view is not None:
            doc["time"] = view._asdict()
        doc["set_aside"] = target.id in profile.not_for_me
        print_json(doc)
        return
    from aicareer.console import out
    from aicareer.render.terminal import why_screen

    console = out()
    if target.id in profile.not_for_me:
        console.print(
            f"You set {target.name} aside (not for me): it stays out of your top three."
            " Take it out of not_for_me in your answers file to bring it back."
        )
    for item in why_screen(result, target.name, console.width, view.text if view else ""):
        console.print(item)


@command(data_app, "rules")
def data_rules_cmd(data_dir: DataDirOpt = None) -> None:
    """Print how roles are ranked, as Markdown, from the data in use (docs/rules.md).

    Example:  aicareer data rules --data-dir my-data > my-rules.md
    """
    import sys

    from aicareer.render.rules_page import rules_page

    sys.stdout.write(rules_page(dataset(data_dir)))
