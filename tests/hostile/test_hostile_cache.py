"""#13 High: a planted cache file never runs code, and is never believed unless it is ours.

The cache is JSON rebuilt from the records' type hints (no pickle, no pydantic on a hit);
an entry that is not a regular file owned by the user and writable only by them, or whose
digest does not match, is a miss: the data is validated again and the command works.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

import pytest

from aicareer.fsutil import cache_dir
from aicareer.records import cache
from aicareer.records import dataset as data


class _Boom:
    """Unpickling this runs `touch MARKER`: what an attacker would plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AICAREER_HOME": str(home)}
    env.pop("AICAREER_NO_CACHE", None)
    env.pop("AICAREER_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "aicareer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def entries(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("dataset-*"))


def low(home: Path, folder: Path) -> int:
    proc = run(home, "show", "prompt-engineer", "--json", "--data-dir", str(folder))
    assert proc.returncode == 0, proc.stderr
    return int(json.loads(proc.stdout)["role"]["salary"]["bands"][0]["low"])


@pytest.fixture
def folder(make_data_dir: Callable[[], Path]) -> Path:
    return make_data_dir()


def test_a_planted_pickle_never_runs(tmp_path: Path, folder: Path) -> None:
    home = tmp_path / "home"
    assert low(home, folder) == 80000  # writes the entry
    [entry] = entries(home)
    marker = tmp_path / "pwned"
    entry.write_bytes(pickle.dumps(_Boom(marker)))
    # and under every name an older aicareer might have read
    entry.with_suffix(".pickle").write_bytes(pickle.dumps(_Boom(marker)))
    assert low(home, folder) == 80000
    assert not marker.exists()
    assert entries(home)[0].read_bytes().startswith(cache.MAGIC)


def _forge(entry: Path, new_low: int) -> None:
    """Rewrite the entry with a changed figure and a correct digest (an insider's forgery)."""
    body = entry.read_bytes().partition(b"\n")[2]
    forged = body.replace(b"80000", str(new_low).encode(), 1)
    assert forged != body
    head = cache.MAGIC + b" " + hashlib.sha256(forged).hexdigest().encode() + b"\n"
    entry.write_bytes(head + forged)


def test_an_entry_with_a_good_digest_is_read_without_validating(
    tmp_path: Path, folder: Path
) -> None:
    """The control case: the forged figure shows, so the refusals below are real refusals."""
    home = tmp_path / "home"
    low(home, folder)
    [entry] = entries(home)
    _forge(entry, 80001)
    entry.chmod(0o600)
    assert low(home, folder) == 80001


def test_a_damaged_entry_is_a_miss(tmp_path: Path, folder: Path) -> None:
    home = tmp_path / "home"
    low(home, folder)
    [entry] = entries(home)
    body = entry.read_bytes()
    entry.write_bytes(body.replace(b"80000", b"80002", 1))  # digest no longer matches
    assert low(home, folder) == 80000


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666], ids=oct)
def test_an_entry_others_may_write_is_refused(tmp_path: Path, folder: Path, mode: int) -> None:
    home = tmp_path / "home"
    low(home, folder)
    [entry] = entries(home)
    _forge(entry, 80001)
    entry.chmod(mode)
    assert low(home, folder) == 80000


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_an_entry_owned_by_another_user_is_refused(tmp_path: Path, folder: Path) -> None:
    home = tmp_path / "home"
    low(home, folder)
    [entry] = entries(home)
    _forge(entry, 80001)
    os.chown(entry, 12345, 12345)
    entry.chmod(0o600)
    assert low(home, folder) == 80000


def test_a_symlink_or_fifo_entry_is_refused(tmp_path: Path, folder: Path) -> None:
    home = tmp_path / "home"
    low(home, folder)
    [entry] = entries(home)
    _forge(entry, 80001)
    real = tmp_path / "elsewhere.json"
    entry.rename(real)
    entry.symlink_to(real)
    assert low(home, folder) == 80000
    [entry] = entries(home)
    entry.unlink()
    os.mkfifo(entry)  # a reader that opened it blocking would hang forever
    assert low(home, folder) == 80000


def test_a_wrong_shape_is_a_miss_not_a_crash(home_cache: Path, folder: Path) -> None:
    ds = data.load(folder)
    [entry] = sorted(cache_dir().glob("dataset-*.json"))
    for body in (b"[1, 2]", b'{"a": 1}', b"[[], []]", b"null", b"[" * 5000 + b"]" * 5000):
        head = cache.MAGIC + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n"
        entry.write_bytes(head + body)
        again = data.load(folder)
        assert again.roles["prompt-engineer"].salary == ds.roles["prompt-engineer"].salary


def test_the_key_covers_the_vocabulary_module() -> None:
    assert "vocab.py" in cache._SCHEMA_FROM
    assert b'Region = Literal["us", "europe", "other"]' in cache._schema()


def test_records_round_trip_through_json(dataset: data.Dataset) -> None:
    from aicareer.records.models import to_dict

    kept = data.Validated(dataset.roles_file, dataset.matrix)
    raw = json.loads(json.dumps(cache.dump(data.Validated, kept)))
    rebuilt = cache.rebuild(data.Validated, raw)
    assert to_dict(rebuilt) == to_dict(kept)
    assert type(rebuilt.matrix.routes[0].when) is type(kept.matrix.routes[0].when)
    assert rebuilt.matrix.routes == kept.matrix.routes


@pytest.fixture
def home_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_a_hit_builds_no_pydantic_validator(
    home_cache: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aicareer.records import models

    data.load(folder)

    def no_validators(*args: object) -> None:
        raise AssertionError("a cache hit must not build a pydantic validator")

    monkeypatch.setattr(models, "type_adapter", no_validators)
    monkeypatch.setattr(models, "_VALIDATORS", {})
    assert data.load(folder).roles["prompt-engineer"].salary.bands[0].low == 80000


class _Inner(NamedTuple):
    when: dt.date
    tag: Literal["a", "b"] = "a"


class _Shapes(NamedTuple):
    """Shapes the lead's new records may use: the builder follows the hints, no list."""

    pair: tuple[str, int]
    many: tuple[int, ...]
    kinds: frozenset[str]
    table: dict[str, _Inner]
    either: int | str | list[str] | _Inner
    maybe: _Inner | None = None
    seq: Sequence[_Inner] = ()


def test_the_builder_follows_any_record_shape() -> None:
    value = _Shapes(
        ("x", 1),
        (1, 2, 3),
        frozenset({"p", "q"}),
        {"k": _Inner(dt.date(2026, 1, 2), "b")},
        _Inner(dt.date(2025, 5, 1)),
        None,
        [_Inner(dt.date(2024, 2, 29))],
    )
    stored = json.loads(json.dumps(cache.dump(_Shapes, value)))
    assert cache.rebuild(_Shapes, stored) == value
    stored[3]["k"][1] = "c"  # not one of the literals: a miss, not a wrong record
    with pytest.raises(cache._Mismatch):
        cache.rebuild(_Shapes, stored)
