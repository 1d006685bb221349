"""Shell completion (issue 14, item 4): typer's own machinery, aicareer's words.

Tested as typer tests its completion: the shell's environment variables are set and the
program prints the candidates (bash: one value per line; zsh: values with their help).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import invoke


def bash(line: str) -> list[str]:
    """The candidates bash would offer for the last word of `line`."""
    words = line.split(" ")
    result = invoke(
        [],
        prog_name="aicareer",
        env={
            "_AICAREER_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        },
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.split()


def zsh(line: str) -> str:
    result = invoke(
        [],
        prog_name="aicareer",
        env={"_AICAREER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line},
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_commands_complete() -> None:
    assert bash("aicareer sa") == ["salary"]
    assert bash("aicareer d") == ["decide", "data"]
    assert bash("aicareer data ") == ["check", "rules", "info"]


@pytest.mark.parametrize("command", ["show", "compare", "salary"])
def test_role_arguments_complete_ids_then_aliases(command: str) -> None:
    assert bash(f"aicareer {command} ai-a") == ["ai-agent-engineer", "ai-architect"]
    # ids first; an alias is offered once the typed prefix matches it
    assert bash(f"aicareer {command} m") == ["ml-engineer", "mle", "machine-learning-engineer"]


def test_an_empty_word_lists_every_role_id_and_no_alias() -> None:
    ids = bash("aicareer show ")
    assert len(ids) == 15
    assert ids[:3] == ["prompt-engineer", "context-engineer", "ai-engineer"]
    assert "mle" not in ids


def test_compare_completes_every_role_after_the_first() -> None:
    assert bash("aicareer compare ai-engineer ml-") == ["ml-engineer"]


def test_regions_complete_from_the_data_with_their_labels() -> None:
    assert bash("aicareer salary --region ") == ["us", "europe", "other"]
    assert bash("aicareer show mle -r e") == ["europe"]
    assert zsh("aicareer salary --region ") == (
        '_arguments \'*: :(("us":"United States"\n"europe":"Europe"\n"other":"Other markets"))\'\n'
    )


def test_levels_complete() -> None:
    assert bash("aicareer salary --level ") == [
        "entry",
        "mid",
        "senior",
        "median",
        "architect",
        "all",
    ]
    assert bash("aicareer salary -l s") == ["senior"]


def test_role_help_names_the_role_or_the_alias_target() -> None:
    out = zsh("aicareer show ml")
    assert '"ml-engineer":"ML Engineer"' in out
    assert '"mle":"alias of ml-engineer"' in out


def test_a_custom_data_dir_completes_its_own_regions(make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    _add_asia(folder)
    assert bash(f"aicareer salary --data-dir {folder} --region a") == ["asia"]


def test_unreadable_data_completes_nothing_and_never_fails(tmp_path: Path) -> None:
    assert bash(f"aicareer show --data-dir {tmp_path} a") == []


def aicareer(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The installed program, as the shell runs it (no CliRunner)."""
    program = Path(sys.executable).with_name("aicareer")
    return subprocess.run(
        [str(program), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_install_and_show_completion_are_offered() -> None:
    result = invoke(["--help"], prog_name="aicareer")
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout
    shown = aicareer(
        "--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    )
    assert shown.returncode == 0, shown.stderr
    assert "_AICAREER_COMPLETE=complete_bash" in shown.stdout
    assert "complete -o default -F _aicareer_completion aicareer" in shown.stdout


def test_completion_through_the_installed_program() -> None:
    result = aicareer(
        env={
            "_AICAREER_COMPLETE": "complete_bash",
            "COMP_WORDS": "aicareer compare ai-pro",
            "COMP_CWORD": "2",
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ai-product-manager"]


ASIA = """
[regions.asia]
label = "Asia"
lower_min = 20
lower_max = 40
source = "roles-guide"
applies_to = ["roles-guide"]
"""


def _add_asia(folder: Path) -> None:
    matrix = folder / "matrix.toml"
    text = matrix.read_text()
    matrix.write_text(text + "\n" + ASIA)  # a table may come anywhere in TOML


class _Ctx:
    """What a completion function reads from typer's context: the options parsed so far."""

    def __init__(self, **params: object) -> None:
        self.params = params


def test_phase_ids_complete_for_the_role_typed_so_far() -> None:
    from aicareer.cli.completion import complete_phase
    from aicareer.records.dataset import load
    from aicareer.records.pathmodels import load_paths

    paths = load_paths(load())
    every = [pid for pid, _ in complete_phase(_Ctx(), "")]  # type: ignore[arg-type]
    assert every == list(paths.phase_ids)
    mine = complete_phase(_Ctx(role="mle"), "")  # type: ignore[arg-type]
    path = paths.path_for("ml-engineer")
    assert path is not None
    assert [pid for pid, _ in mine] == list(path.phases)
    assert all(title for _, title in mine)
