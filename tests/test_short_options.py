"""README's short options table is the truth: every command that has a long option in it
has its short form, with the same meaning, and no command gives a short option another
meaning. --help text agrees on whether --answers defaults to the last result."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from clirun import invoke

from aicareer.cli.main import app

README = Path(__file__).resolve().parents[1] / "README.md"


def table() -> dict[str, tuple[str, set[str]]]:
    """short -> (long, commands) from the README's table."""
    text = README.read_text("utf-8")
    section = text.split("### Short options and shell completion", 1)[1].split("\n### ", 1)[0]
    rows: dict[str, tuple[str, set[str]]] = {}
    for line in section.splitlines():
        m = re.fullmatch(r"\| `(-\w)` \| `(--[\w-]+)` \| (.+) \|", line.strip())
        if m:
            rows[m[1]] = (m[2], {c.strip() for c in m[3].split(",")})
    return rows


def commands() -> Iterator[tuple[str, Any]]:
    def walk(cmd: Any, path: list[str]) -> Iterator[tuple[str, Any]]:
        if hasattr(cmd, "commands"):
            for name in list(cmd.commands):
                yield from walk(cmd.commands[name], [*path, name])
        else:
            yield " ".join(path), cmd

    yield from walk(typer.main.get_command(app), [])


def options(cmd: Any) -> list[list[str]]:
    return [[*p.opts, *p.secondary_opts] for p in cmd.params if p.param_type_name == "option"]


def test_the_table_is_there() -> None:
    rows = table()
    assert {"-a", "-r", "-l", "-o", "-h"} <= set(rows), rows
    assert rows["-h"] == ("--help", {"every command"})


def test_every_command_matches_the_readme_table() -> None:
    rows = table()
    long_to_short = {long: short for short, (long, _) in rows.items()}
    having: dict[str, set[str]] = {short: set() for short in rows}
    for name, cmd in commands():
        for names in options(cmd):
            shorts = [n for n in names if re.fullmatch(r"-\w", n)]
            longs = [n for n in names if n.startswith("--")]
            for short in shorts:
                assert short in rows, f"{name}: {short} is not in README's table"
                assert rows[short][0] in longs, (
                    f"{name}: {short} means {longs}, not {rows[short][0]}"
                )
            for long in longs:
                if long in long_to_short:
                    assert long_to_short[long] in shorts, (
                        f"{name} {long} lacks {long_to_short[long]}"
                    )
                    having[long_to_short[long]].add(name)
    for short, (long, listed) in rows.items():
        if short == "-h":
            continue
        assert listed == having[short], (
            f"README lists {long} for {sorted(listed)}: {sorted(having[short])}"
        )


def test_h_is_help_everywhere() -> None:
    for name, _ in commands():
        result = invoke([*name.split(), "-h"])
        assert result.exit_code == 0 and "Usage:" in result.stdout, name


def test_answers_help_says_the_same_about_the_last_result() -> None:
    defaults_to_last = {"why", "path", "gap", "decide", "report"}
    for name, cmd in commands():
        for p in cmd.params:
            if "--answers" in getattr(p, "opts", []):
                text = " ".join((p.help or "").split()).lower()
                says_last = "default: your last quiz result" in text
                assert says_last == (name in defaults_to_last), (name, text)
