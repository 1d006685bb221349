"""`aicareer map`: the roles guide's landscape, your top three marked."""

from __future__ import annotations

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.commands.answers import AnswersOrNoneOpt
from aicareer.cli.commands.answers import ranked as _ranked


@command(app, "map")
def map_cmd(
    answers: AnswersOrNoneOpt = None, data_dir: DataDirOpt = None, as_json: JsonOpt = False
) -> None:
    """The roles guide's landscape: closer to the model or to infrastructure, research or
    production. With --answers, your top three are marked 1, 2, 3 with their scores.

    \b
    Examples:
      aicareer map
      aicareer map --answers me.toml
    """
    from aicareer.planner.landscape import dataset_layout

    ds = dataset(data_dir)
    _, ranking = _ranked(ds, answers)
    if as_json:
        from aicareer.console import print_json
        from aicareer.planner.landscape import placements_json

        print_json(placements_json(ds, dataset_layout(ds, 80, ranking)))
        return
    from aicareer.console import out
    from aicareer.render.text_map import view

    console = out()
    console.print(view(dataset_layout(ds, console.width, ranking), console.width), crop=True)
