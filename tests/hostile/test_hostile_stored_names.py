"""#25 class 1 (high): no name stored in a cache or state file ever becomes a call.

The old validator cache (records/validators.py) kept pydantic-core schemas with each
function written as its name, and resolved any function of a record module: a planted
entry made `aicareer path` call `state.progress.write_path_progress` with a path and
content of its choosing (it replaced a shell start-up file). That module is removed
(the subtraction issue); these tests hold the line for every cache entry and state file:
they plant the same call in every entry that holds text, and look for any code that
turns a stored name into a function.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

import aicareer

#: The module whose name-resolving cache this guards against, while it still exists.
STILL_THERE = find_spec("aicareer.records.validators") is not None

ANSWERS = 'background = "backend-engineer"\nyears = 5\ninterests = ["agents"]\n'
BAD_ANSWERS = 'background = "backend-engineer"\nyears = 99\ninterests = ["agents"]\n'


def exploit(target: Path) -> str:
    """A pydantic-core schema that calls progress.write_path_progress(target, {}) when any
    dict is validated: what a planted entry named."""
    call = {
        "type": "call",
        "function": {"$ref": "aicareer.state.progress:write_path_progress"},
        "arguments_schema": {
            "type": "arguments",
            "arguments_schema": [
                {"name": "path", "schema": {"type": "str"}},
                {"name": "done", "schema": {"type": "dict"}},
            ],
        },
    }
    field = {
        "type": "default",
        "default": {"$tuple": [str(target), {}]},
        "validate_default": True,
        "schema": call,
    }
    return json.dumps(
        {
            "type": "typed-dict",
            "fields": {"zzz": {"type": "typed-dict-field", "required": False, "schema": field}},
        }
    )


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AICAREER_HOME": str(home), "NO_COLOR": "1"}
    for name in ("AICAREER_NO_CACHE", "AICAREER_DATA_DIR"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "aicareer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def plant(entry: Path, text: str) -> None:
    body = json.dumps(text).encode()
    head = b"aicareer-cache-v2 " + hashlib.sha256(body).hexdigest().encode()
    entry.write_bytes(head + b"\n" + body)
    entry.chmod(0o600)


@pytest.mark.xfail(
    STILL_THERE,
    strict=True,
    reason="records/validators.py resolves stored names; it is deleted on the subtraction "
    "branch (#25 class 1): this must pass once that is merged",
)
def test_a_planted_entry_naming_a_writer_never_runs(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "progress.toml").write_text("version = 1\n")
    answers, bad = tmp_path / "me.toml", tmp_path / "bad.toml"
    answers.write_text(ANSWERS)
    bad.write_text(BAD_ANSWERS)
    victim = tmp_path / "victim.sh"
    victim.write_text("echo hello\n")
    commands = (("path", "ai-engineer", "--answers", str(answers)), ("quiz", "--answers", str(bad)))
    for args in commands:  # fill the cache with every entry these commands use
        run(home, *args)
    planted = 0
    for entry in (home / "cache").glob("*.json"):
        body = entry.read_bytes().partition(b"\n")[2]
        if isinstance(json.loads(body), str):  # an entry that holds text: make it the call
            plant(entry, exploit(victim))
            planted += 1
    for args in commands:
        run(home, *args)
    assert victim.read_text() == "echo hello\n", f"a planted entry ran a writer ({planted})"


def test_no_code_turns_a_stored_name_into_a_function() -> None:
    """Nothing in aicareer looks a function up by a name it did not write in its source:
    no getattr on a module from sys.modules, no import_module of a computed name but the
    command table's (cli/app.py, a constant), no eval/exec/pickle."""
    root = Path(aicareer.__file__).parent
    risky = re.compile(r"sys\.modules\[|import_module\(|\beval\(|\bexec\(|pickle\.loads?\(")
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            allowed = (rel, code.strip()) in {
                ("cli/app.py", "importlib.import_module(self._table[name])"),
                ("records/constraints.py", "module = sys.modules[name]"),  # registered
            }
            if risky.search(code) and not allowed:
                found.append(f"{rel}:{number}: {line.strip()}")
    if STILL_THERE:
        found = [f for f in found if not f.startswith("records/validators.py:")]
    assert found == []
