"""#13 Medium: terminal escapes from a data file, an answers file's keys or values, or a
file name never reach the terminal raw; they are refused (data) or shown as `\\x1b`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from aicareer.console import inert

Run = Callable[..., CompletedProcess[str]]

ESC = "\x1b"


def test_rich_text_keeps_escape_characters_so_they_are_stopped_at_the_edge() -> None:
    """Why aicareer checks text itself: rich's Text strips a few controls, not ESC."""
    from rich.text import Text

    assert ESC in Text(f"{ESC}[31mred").plain


def test_a_data_file_with_an_escape_is_refused_naming_file_and_field(
    cli: Run, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text("utf-8")
    text = text.replace('summary = "', 'summary = "\\u001b[2J', 1)
    roles.write_text(text, "utf-8")
    for args in (["data", "check"], ["roles"], ["show", "ai-engineer"]):
        proc = cli(*args, "--data-dir", str(folder))
        assert proc.returncode == 3, proc.stderr
        assert ESC not in proc.stderr and ESC not in proc.stdout
        [line] = [ln for ln in proc.stderr.splitlines() if "summary" in ln]
        assert line.startswith(f"error: {roles}: roles[")
        assert "].summary: contains the control character '\\x1b' at position 0" in line


def test_a_role_related_to_itself_is_a_data_error(
    cli: Run, make_data_dir: Callable[[], Path]
) -> None:
    folder = make_data_dir()
    roles = folder / "roles.toml"
    text = roles.read_text("utf-8")
    assert 'id = "prompt-engineer"' in text
    head, sep, rest = text.partition('id = "prompt-engineer"')
    rest = rest.replace("related = [", 'related = ["prompt-engineer", ', 1)
    roles.write_text(head + sep + rest, "utf-8")
    proc = cli("data", "check", "--data-dir", str(folder))
    assert proc.returncode == 3
    assert "a role cannot be related to itself ('prompt-engineer')" in proc.stderr


@pytest.mark.parametrize(
    "body",
    [
        '"\\u001b[31mkey" = 1\n' + 'background = "student"\nyears = 1\ninterests = ["agents"]\n',
        'background = "\\u001b[2Jstudent"\nyears = 1\ninterests = ["agents"]\n',
        'background = "student"\nyears = 1\ninterests = ["agents", "\\u009b31m"]\n',
    ],
    ids=["key", "value", "c1-in-list"],
)
def test_an_answers_file_with_escapes_is_an_inert_input_error(
    cli: Run, tmp_path: Path, body: str
) -> None:
    path = tmp_path / "evil.toml"
    path.write_text(body, "utf-8")
    proc = cli("quiz", "--answers", str(path))
    assert proc.returncode == 4
    assert proc.stdout == ""
    assert ESC not in proc.stderr and "\x9b" not in proc.stderr
    assert proc.stderr.startswith(f"error: {path}: ")
    assert "control character" in proc.stderr


def test_a_file_name_with_escapes_is_shown_inert(cli: Run, tmp_path: Path) -> None:
    name = tmp_path / f"no{ESC}[31msuch.toml"
    proc = cli("quiz", "--answers", str(name))
    assert proc.returncode == 4
    assert ESC not in proc.stderr
    assert "no\\x1b[31msuch.toml: file not found" in proc.stderr


def test_inert_shows_every_control_but_tab() -> None:
    assert inert("a\x1b[1mb\x07\x9b\x7f\r\nc\td") == "a\\x1b[1mb\\x07\\x9b\\x7f\\x0d\\nc\td"
    assert inert("line\nnext", newlines=True) == "line\nnext"
    assert inert("plain é ✓") == "plain é ✓"
