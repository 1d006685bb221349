"""Start-up cost guard: which modules a command pulls in (as typer's tests/test_rich_import.py).

Non-interactive commands must not import questionary or prompt_toolkit (the quiz's prompts,
the slowest imports aicareer has), and `--json` output must not import rich at all. Each case
runs in a fresh interpreter, because the test process itself has imported everything.
The timing itself is measured by bench/bench.py, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import answers_text

BATCH_CSV = (
    "id,background,years,interests,company,coding,region\n"
    "a,backend-engineer,5,agents;infrastructure,,,\n"
    "b,student,70,agents,,,\n"
)
PROMPTS = ("questionary", "prompt_toolkit")

SCRIPT = """
import json, sys
from aicareer.cli.main import main
sys.argv = ["aicareer", *json.loads(sys.argv[1])]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
sys.stderr.write("\\nMODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}) + "\\n")
"""

#: (arguments, prints JSON); {answers}, {cohort} and {out} are filled in with temp files.
#: Every non-interactive command, and every --json variant.
COMMANDS: list[tuple[list[str], bool]] = [
    (["roles"], False),
    (["roles", "--json"], True),
    (["show", "ai-engineer"], False),
    (["show", "ai-engineer", "--json"], True),
    (["compare", "ai-engineer", "ml-engineer"], False),
    (["compare", "ai-engineer", "ml-engineer", "--json"], True),
    (["salary"], False),
    (["salary", "--json"], True),
    (["matrix"], False),
    (["matrix", "--json"], True),
    (["map"], False),
    (["map", "--json"], True),
    (["why", "ml-engineer", "--answers", "{answers}"], False),
    (["why", "ml-engineer", "--answers", "{answers}", "--json"], True),
    (["decide", "ai-engineer", "ml-engineer", "--answers", "{answers}"], False),
    (["decide", "ai-engineer", "ml-engineer", "--answers", "{answers}", "--json"], True),
    (["path", "ai-engineer"], False),
    (["path", "ai-engineer", "--json"], True),
    (["quiz", "--answers", "{answers}"], False),
    (["quiz", "--answers", "{answers}", "--json"], True),
    (["batch", "{cohort}", "--out", "{out}"], False),
    (["batch", "{cohort}", "--out", "{out}", "--json"], True),
    (["data", "check"], False),
    (["data", "check", "--json"], True),
    (["data", "info"], False),
    (["data", "info", "--json"], True),
    (["--help"], False),
    (["--version"], False),
]


def imported(args: list[str], tmp_path: Path) -> list[str]:
    answers = tmp_path / "me.toml"
    answers.write_text(answers_text(), "utf-8")
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(BATCH_CSV, "utf-8")
    filled = [a.format(answers=answers, cohort=cohort, out=tmp_path / "out.csv") for a in args]
    env = {
        **os.environ,
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "AICAREER_HOME": str(tmp_path / "home"),
    }
    env.pop("AICAREER_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(filled)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    marker = proc.stderr.rpartition("\nMODULES ")[2]
    report = json.loads(marker)
    assert report["code"] == 0, proc.stderr
    modules: list[str] = report["modules"]
    return modules


@pytest.mark.parametrize(
    ("args", "as_json"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, list) else None
)
def test_non_interactive_commands_do_not_import_prompts(
    args: list[str], as_json: bool, tmp_path: Path
) -> None:
    modules = imported(args, tmp_path)
    assert "aicareer.cli.main" in modules  # the report is real, not an empty list
    assert [m for m in modules if m.split(".")[0] in PROMPTS] == []
    # typer's pydantic coercion (50-90 ms) is not built for aicareer's plain parameters
    assert "typer._adapters" not in modules
    if as_json:  # JSON output needs no rich at all
        assert [m for m in modules if m.split(".")[0] == "rich"] == []
    if args[0] == "batch":
        # A cohort run prints one summary line; the progress bar is drawn only on a terminal.
        assert "rich.table" not in modules
        assert "rich.progress" not in modules


@pytest.mark.parametrize(
    ("args", "needed", "not_needed"),
    [
        (
            ["compare", "ai-engineer", "ml-engineer", "--json"],
            "aicareer.cli.commands.browse",
            [
                "aicareer.cli.commands.quiz",
                "aicareer.cli.commands.plan",
                "aicareer.cli.commands.batch",
            ],
        ),
        (
            ["quiz", "--answers", "{answers}", "--json"],
            "aicareer.cli.commands.quiz",
            [
                "aicareer.cli.commands.browse",
                "aicareer.cli.commands.plan",
                "aicareer.cli.commands.batch",
            ],
        ),
    ],
    ids=["compare", "quiz"],
)
def test_a_command_loads_only_its_own_module(
    args: list[str], needed: str, not_needed: list[str], tmp_path: Path
) -> None:
    modules = imported(args, tmp_path)
    assert needed in modules
    assert [m for m in not_needed if m in modules] == []


def test_every_command_module_is_in_the_lazy_table() -> None:
    """A command defined in a module but missing from app.COMMANDS would silently vanish."""
    import importlib
    import pkgutil

    import aicareer.cli.commands
    from aicareer.cli import app as appmod

    for info in pkgutil.iter_modules(aicareer.cli.commands.__path__):
        importlib.import_module(f"aicareer.cli.commands.{info.name}")
    tables = {"": appmod.COMMANDS, "data": appmod.DATA_COMMANDS}
    registered = set(appmod._REGISTERED)
    listed = {(group, name) for group, table in tables.items() for name in table}
    assert registered == listed
    for (group, name), build in appmod._REGISTERED.items():
        if (group, name) == ("", "data"):
            continue
        one = build.args[0]  # build is functools.partial(typer.main.get_command, one)
        defined_in = one.registered_commands[0].callback.__module__
        assert defined_in == tables[group][name], (group, name)


def test_pydantic_plugins_in_the_environment_are_not_loaded(tmp_path: Path) -> None:
    """An installed pydantic plugin neither runs nor costs a metadata scan (as in typer)."""
    site = tmp_path / "site"
    dist = site / "spyplugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spyplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spyplugin:plugin\n")
    marker = tmp_path / "plugin-loaded"
    (site / "spyplugin.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('loaded')\nplugin = None\n"
    )
    answers = tmp_path / "me.toml"
    answers.write_text(answers_text(), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "AICAREER_HOME": str(tmp_path / "home")}
    env.pop("AICAREER_DATA_DIR", None)
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    check = "import importlib.metadata as m; print(len(m.entry_points(group='pydantic')))"
    found = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True)
    assert found.stdout.strip() == "1"  # the plugin is really installed for pydantic to find
    for _ in range(2):  # the first run validates the data files, the second reads the cache
        proc = subprocess.run(
            [sys.executable, "-m", "aicareer", "quiz", "--answers", str(answers), "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["recommendations"][0]["role"] == "ai-agent-engineer"
    assert not marker.exists()


def test_building_a_validator_leaves_the_plugin_setting_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aicareer.records.models import type_adapter

    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert type_adapter(int).validate_python(3) == 3
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    type_adapter(str)
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "logfire"


@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["show", "ai-engineer", "--json"],
        ["compare", "ai-engineer", "ml-engineer"],
        ["salary", "--region", "europe"],
        ["matrix"],
        ["map", "--json"],
        ["path", "ai-engineer"],
        ["data", "check"],
    ],
    ids=lambda v: " ".join(v),
)
def test_with_the_data_cached_a_command_imports_no_pydantic(
    args: list[str], tmp_path: Path
) -> None:
    """pydantic (25-35 ms) is for validating: once the data is in the cache, commands that
    read no answers file never import it (aicareer/records/constraints.py)."""
    first = imported(args, tmp_path)  # fills the cache: validates, so pydantic is needed
    assert "pydantic" in first
    again = imported(args, tmp_path)
    assert "aicareer.cli.main" in again
    assert [m for m in again if m.split(".")[0] in ("pydantic", "pydantic_core")] == []
