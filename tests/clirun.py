"""What tests import for running the CLI and writing answers files (the fixtures that use
them, `cli` and `answers_file`, are in conftest.py; a module of its own, because
`from conftest import ...` finds whichever conftest.py was imported first)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

from typer.testing import Result


class Cli(Protocol):
    def __call__(
        self,
        *args: str,
        input: str | bytes | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> Result: ...


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
