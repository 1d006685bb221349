"""What tests import for running the CLI and writing answers files (the fixtures that use
them, `cli` and `answers_file`, are in conftest.py; a module of its own, because
`from conftest import ...` finds whichever conftest.py was imported first)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from typer.testing import CliRunner, Result


class Cli(Protocol):
    def __call__(
        self,
        *args: str,
        input: str | bytes | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> Result: ...


def invoke(
    argv: Sequence[str],
    *,
    input: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
    prog_name: str | None = None,
) -> Result:
    """Run aicareer in this process with `argv`: click's Result, with `exit_code`, and
    `stdout` and `stderr` apart. `input` is stdin; `env` sets (None: unsets) variables
    for the run only; `prog_name` is the name completion scripts call it by. The one
    place tests run the CLI in-process (the `cli` fixture is this with the arguments
    spread)."""
    from aicareer.cli.main import app

    extra = {} if prog_name is None else {"prog_name": prog_name}
    return CliRunner().invoke(app, list(argv), input=input, env=env, **extra)


#: The answers file most tests need: a backend engineer, 5 years, two interests.
ANSWERS: dict[str, Any] = {
    "background": "backend-engineer",
    "years": 5,
    "interests": ["agents", "infrastructure"],
}


def answers_text(**fields: Any) -> str:
    """An answers file's TOML: ANSWERS with `fields` changed (a field set to None is left
    out)."""
    given = {**ANSWERS, **fields}
    return "".join(f"{k} = {json.dumps(v)}\n" for k, v in given.items() if v is not None)
