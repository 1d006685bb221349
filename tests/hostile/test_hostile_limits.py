"""#13 Medium/Low: oversized or deeply nested input is refused early, with one clear line."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from aicareer.records.dataset import ANSWERS_LIMITS, DATA_LIMITS

Run = Callable[..., CompletedProcess[str]]


def one_error(proc: CompletedProcess[str], code: int) -> str:
    assert proc.returncode == code, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_million_keys_is_refused_at_once(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text("".join(f"k{i} = 1\n" for i in range(1_000_000)), "utf-8")
    start = time.monotonic()
    line = one_error(cli("quiz", "--answers", str(path)), 4)
    assert time.monotonic() - start < 10
    assert line == f"error: {path}: file is larger than the 64 KiB limit (see docs/limits.md)"


def test_a_long_list_within_the_size_limit_is_refused_before_validation(
    cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "many.toml"
    many = ", ".join(['"agents"'] * 2000)
    path.write_text(f'background = "student"\nyears = 1\ninterests = [{many}]\n', "utf-8")
    assert path.stat().st_size < ANSWERS_LIMITS.size
    line = one_error(cli("quiz", "--answers", str(path)), 4)
    assert line == f"error: {path}: interests: more than 100 items in one list"


@pytest.mark.parametrize("where", ["answers", "data"])
def test_toml_nested_a_thousand_deep_is_a_clean_error(
    cli: Run, tmp_path: Path, make_data_dir: Callable[[], Path], where: str
) -> None:
    deep = "x = " + "[" * 1000 + "]" * 1000 + "\n"
    if where == "answers":
        path = tmp_path / "deep.toml"
        path.write_text(deep, "utf-8")
        line = one_error(cli("quiz", "--answers", str(path)), 4)
    else:
        folder = make_data_dir()
        path = folder / "matrix.toml"
        path.write_text(deep, "utf-8")
        proc = cli("data", "check", "--data-dir", str(folder))
        assert proc.returncode == 3 and "Traceback" not in proc.stderr
        line = next(ln for ln in proc.stderr.splitlines() if "matrix.toml" in ln)
    assert line.startswith(f"error: {path}: nested too deeply")


def test_nesting_under_the_recursion_limit_is_still_bounded(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 100 + "]" * 100 + "\n", "utf-8")
    line = one_error(cli("quiz", "--answers", str(path)), 4)
    assert "nested deeper than 32 levels" in line


def test_an_oversized_data_file_is_refused(cli: Run, make_data_dir: Callable[[], Path]) -> None:
    folder = make_data_dir()
    path = folder / "roles.toml"
    with path.open("ab") as fh:
        fh.truncate(DATA_LIMITS.size + 1)
    proc = cli("roles", "--data-dir", str(folder))
    assert proc.returncode == 3
    assert f"error: {path}: file is larger than the 16 MiB limit (see docs/limits.md)" in (
        proc.stderr.splitlines()
    )
