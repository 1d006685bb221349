"""The built wheel carries its data: installed far from the repo, `aicareer roles` works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (dependencies borrowed from the test venv)."""
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(dist.glob("aicareer-*.whl"))
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # Borrow the already-installed dependencies (typer, rich, ...) instead of downloading.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def run_installed(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AICAREER_")}
    env["COLUMNS"] = "100"
    # A plain user's setup, but with its cache and progress kept out of the real home.
    env["XDG_CACHE_HOME"] = str(cwd / "xdg-cache")
    env["XDG_DATA_HOME"] = str(cwd / "xdg-data")
    return subprocess.run(
        [str(env_dir / "bin" / "aicareer"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_installed_wheel_finds_its_data_outside_the_repo(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "roles")
    assert result.returncode == 0, result.stderr
    assert "ai-agent-engineer" in result.stdout
    assert "$160K-$220K" in result.stdout


def test_installed_wheel_uses_packaged_data_not_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    result = run_installed(installed, tmp_path, "data", "check", "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["custom"] is False
    assert str(installed) in info["data_dir"]
    assert not info["data_dir"].startswith(str(ROOT / "data"))


@pytest.fixture(scope="module")
def compiled_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package as some packagers ship it: `.pyc` files beside where the
    sources were (`compileall -b`), no `.py` at all, the data inside the package."""
    import compileall
    import shutil

    lib = tmp_path_factory.mktemp("sourceless") / "lib"
    pkg = lib / "aicareer"
    shutil.copytree(ROOT / "src" / "aicareer", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", pkg / "data")
    assert compileall.compile_dir(pkg, legacy=True, quiet=1)
    for source in pkg.rglob("*.py"):
        source.unlink()
    assert not list(pkg.rglob("*.py")) and list(pkg.rglob("*.pyc"))
    return lib


@pytest.mark.parametrize("no_cache", ["", "1"])
def test_a_compiled_only_install_runs_data_commands(
    compiled_only: Path, tmp_path: Path, no_cache: str
) -> None:
    """The cache keys on the record modules' bytes; without their `.py` files it keys on
    the `.pyc` ones and never crashes (it used to exit 1, FileNotFoundError)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AICAREER_")}
    env |= {"PYTHONPATH": str(compiled_only), "AICAREER_HOME": str(tmp_path / "home")}
    env |= {"AICAREER_NO_CACHE": no_cache, "COLUMNS": "100"}
    for _ in range(2):  # a miss that stores, then a hit
        for args in (["data", "check"], ["roles"]):
            result = subprocess.run(
                [sys.executable, "-m", "aicareer", *args],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert "internal error" not in result.stderr
    found = subprocess.run(
        [sys.executable, "-c", "import aicareer.records.cache as c; print(c.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip().endswith(".pyc")
