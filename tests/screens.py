"""Render a command as a person sees it at a given width, and check it against a snapshot.

Used by test_widths.py; any test may use it for its own screens:

    from screens import assert_screen
    assert_screen("roles", ["roles"], width=60, commands=["aicareer salary"])

Each screen is kept as plain text in tests/snapshots/NAME@WIDTH.txt (trailing spaces
removed). To create or update them after a deliberate change of output, run

    AICAREER_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_widths.py

and read the diff (`git diff tests/snapshots`) before committing it. Without the variable
a missing or different snapshot fails the test, with a unified diff.

Beyond the snapshot, every screen is held to rules that cannot silently pass, because they
do not depend on the snapshot being right: no line is wider than the terminal (except a
line holding one whole suggested command, which may overflow rather than be split), no
"…" anywhere (rich's mark for a cut cell), no money figure split at its dash, and each
suggested command given in `commands` appears whole on one line.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

from clirun import invoke

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
WIDTHS = (40, 60, 80, 120)
#: What the screens are rendered with: a plain terminal of a pinned width, a pinned day.
ENV = {"NO_COLOR": "1", "TERM": "dumb", "AICAREER_TODAY": "2026-12-01"}
UPDATE = bool(os.environ.get("AICAREER_UPDATE_SNAPSHOTS"))

#: A money figure cut or split: "$120K-" at a line's end, "$1…", "E…".
SPLIT_FIGURE = re.compile(r"(\$[\d.]+[KM]?-|\$[\d.]*)$")
#: A date split: "12 Apr" or "- 15" at a line's end, its year or month on the next line.
MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
SPLIT_DATE = re.compile(rf"(\b\d{{1,2}} ({MONTHS})|- \d{{1,2}})$")


def render(args: Sequence[str], width: int, env: dict[str, str] | None = None) -> str:
    """stdout of `aicareer ARGS` at `width` columns, each line's trailing spaces removed.
    The command must succeed, print nothing on stderr and cut no table (`tables_fit`)."""
    import tempfile

    from aicareer import console

    console.out.cache_clear()  # the console reads COLUMNS when it is made
    # A home of its own: no kept quiz result or path progress from other tests shows here.
    with tempfile.TemporaryDirectory(prefix="screen-home-") as home, tables_fit():
        try:
            result = invoke(
                list(args),
                env={"AICAREER_HOME": home, **ENV, "COLUMNS": str(width), **(env or {})},
            )
        finally:
            console.out.cache_clear()
    assert result.exit_code == 0, (args, width, result.stderr, result.exception)
    assert result.stderr == "", result.stderr
    text = result.stdout.replace(str(DATA_DIR), "<DATA>")
    return "\n".join(line.rstrip() for line in text.split("\n"))


@contextmanager
def tables_fit() -> Iterator[None]:
    """Fail when rich draws a table wider than the room it has. rich then cuts the table's
    right-hand columns off without a mark (no "…": a whole column, "done by" say, just
    is not there), which no rule on the printed text can see; so the check is made where
    rich plans the columns."""
    from rich.table import Table

    planned = Table._calculate_column_widths

    def checked(self: Table, console: Any, options: Any) -> list[int]:
        widths = planned(self, console, options)  # options: the room less the borders
        headers = [str(c.header) for c in self.columns]
        assert sum(widths) <= options.max_width, (
            f"a table's columns take {sum(widths)} cells and have {options.max_width}: the"
            f" right-hand ones are cut off (headers {headers})"
        )
        return widths

    with patch.object(Table, "_calculate_column_widths", checked):
        yield


def check_rules(text: str, width: int, commands: Sequence[str] = ()) -> None:
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if len(line) > width:
            assert stripped.startswith("aicareer ") and stripped in commands, (
                f"line {n} is {len(line)} wide at {width} columns: {line!r}"
            )
        assert "…" not in line, f"line {n} has a cut cell: {line!r}"
        assert not SPLIT_FIGURE.search(stripped), f"line {n} splits a figure: {line!r}"
        assert not SPLIT_DATE.search(stripped), f"line {n} splits a date: {line!r}"
        assert not stripped.endswith("aicareer"), f"line {n} splits a command: {line!r}"
    for cmd in commands:
        assert any(cmd in line for line in lines), f"{cmd!r} is not whole on one line"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), (
        f"no snapshot {path.name}; create it with AICAREER_UPDATE_SNAPSHOTS=1 (see screens.py)"
    )
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.split("\n"), text.split("\n"), "snapshot", "now", lineterm=""
            )
        )
        raise AssertionError(f"{path.name} differs (update: see screens.py):\n{diff}")


def assert_screen(
    name: str,
    args: Sequence[str],
    width: int,
    commands: Sequence[str] = (),
    env: dict[str, str] | None = None,
) -> str:
    """Render, check the rules, compare with tests/snapshots/NAME@WIDTH.txt."""
    text = render(args, width, env)
    check_rules(text, width, commands)
    assert_snapshot(f"{name}@{width}", text)
    return text
