"""#13: property tests. Whatever bytes or TOML an answers file holds, reading it either
gives a Profile or raises AicareerError with exit 4 (INPUT) - never another exception,
never a line that carries a raw control character."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicareer.errors import AicareerError, ExitCode
from aicareer.records.models import Profile
from aicareer.records.profile import FIELDS, read_profile
from aicareer.records.vocab import BACKGROUNDS, INTERESTS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def raw_controls(line: str) -> list[str]:
    """The control characters (C0, DEL, C1) in `line`, as a terminal would get them."""
    return [c for c in line if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F]


def load(folder: Path, raw: bytes) -> None:
    path = folder / "answers.toml"
    path.write_bytes(raw)
    try:
        found = read_profile(path)
    except AicareerError as exc:
        assert exc.code == ExitCode.INPUT
        assert exc.lines
        for line in exc.lines:
            assert line.startswith(f"{path}: ")
            assert raw_controls(line) == [], line
        return
    assert isinstance(found, Profile)


@pytest.mark.parametrize(
    "raw",
    [
        b'background = "\x1b[31mred"\nyears = 1\ninterests = ["agents"]\n',
        b'background = "student"\nyears = "\x07\x1b]0;title\x07"\ninterests = ["agents"]\n',
        b'background = "student"\nyears = 1\ninterests = ["\xc2\x9b31m"]\n',
        b'background = "student"\nyears = 1\ninterests = ["agents"]\n\x1b[2J = 1\n',
        b"background = 'student\x1b'\n",
        b"\x00\x01\x02",
    ],
)
def test_an_error_never_carries_a_raw_control_character(folder: Path, raw: bytes) -> None:
    """The claim above on purpose-made files: escape sequences in a value, in a key, in
    the bytes themselves; each read fails, and no error line carries them raw."""
    path = folder / "answers.toml"
    path.write_bytes(raw)
    with pytest.raises(AicareerError) as caught:
        read_profile(path)
    assert caught.value.lines
    for line in caught.value.lines:
        assert raw_controls(line) == [], line


@SETTINGS
@given(st.binary(max_size=2048))
def test_random_bytes(folder: Path, raw: bytes) -> None:
    load(folder, raw)


@SETTINGS
@given(st.binary(max_size=512))
def test_random_bytes_after_a_valid_start(folder: Path, raw: bytes) -> None:
    load(folder, b'background = "student"\nyears = 1\ninterests = ["agents"]\n' + raw)


scalars = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=40),
    st.sampled_from([*BACKGROUNDS, *INTERESTS, "us", "europe", "any"]),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.just("\x1b[31m"),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=12))


@SETTINGS
@given(st.dictionaries(keys, values, max_size=8))
def test_random_toml_documents(folder: Path, doc: dict[str, Any]) -> None:
    try:
        text = tomli_w.dumps(doc)
    except (TypeError, ValueError):
        return  # not representable in TOML (e.g. a list mixing tables and values)
    load(folder, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(
    st.fixed_dictionaries(
        {
            "background": st.sampled_from(BACKGROUNDS),
            "interests": st.lists(st.sampled_from(INTERESTS), max_size=20),
        },
        optional={"years": values, "coding": values, "region": values, "company": values},
    )
)
def test_nearly_valid_documents(folder: Path, doc: dict[str, Any]) -> None:
    try:
        text = tomli_w.dumps(doc)
    except (TypeError, ValueError):
        return
    load(folder, text.encode("utf-8", "surrogatepass"))
