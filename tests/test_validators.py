"""The cached validators (validators.py): pydantic's own validation, without pydantic's
start-up on the next run, and nothing from the cache ever names code outside the records.

A batch worker that meets its first invalid row, or a quiz whose answers file has a typo,
used to spend ~110 ms building pydantic's validator; the error it prints must not change.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from fresh import twice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import ValidationError

from aicareer.fsutil import cache_dir
from aicareer.records import cache, models, validators
from aicareer.records.models import Profile
from aicareer.records.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS, REGIONS, SKILLS


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache for this test alone."""
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _entries() -> list[Path]:
    folder = cache_dir()
    return sorted(folder.glob("validator-*.json")) if folder.is_dir() else []


def _refuse() -> Any:
    raise AssertionError("built by pydantic: the cached schema was not used")


def _outcome(check: Callable[[Any], Any], raw: Any) -> tuple[str, Any]:
    try:
        value = check(raw)
    except ValidationError as exc:
        return "error", exc.json(include_url=False)  # a check's ValueError, as its text
    return "ok", (type(value), value, [type(v) for v in value])


_ANY_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 100)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=2)
    ),
    max_leaves=5,
)


def _field(choices: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(choices) | _ANY_VALUE


_ROWS = st.fixed_dictionaries(
    {},
    optional={
        "background": _field(BACKGROUNDS),
        "years": st.integers(-3, 70) | _ANY_VALUE,
        "interests": st.lists(st.sampled_from(INTERESTS), max_size=4) | _ANY_VALUE,
        "company": _field(COMPANIES),
        "coding": _field(CODING_LEVELS),
        "region": _field(REGIONS),
        "skills": st.lists(st.sampled_from(SKILLS), max_size=3) | _ANY_VALUE,
        "hours_per_week": st.integers(-1, 90) | _ANY_VALUE,
        "colour": _ANY_VALUE,
    },
)


@pytest.fixture(scope="module")
def both() -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """pydantic's validator for Profile, and the one rebuilt from its cached schema."""
    mp = pytest.MonkeyPatch()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        mp.setenv("AICAREER_HOME", tmp)
        try:
            own = models.adapter(Profile)
            validators.validator(Profile, lambda: own)  # stores the schema
            cached = validators.validator(Profile, _refuse)
        finally:
            mp.undo()
    return own.validate_python, cached.validate_python


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_ROWS)
def test_the_cached_validator_is_pydantics_own(
    both: tuple[Callable[[Any], Any], Callable[[Any], Any]], raw: dict[str, Any]
) -> None:
    own, cached = both
    assert _outcome(cached, raw) == _outcome(own, raw)


def test_defaults_keep_their_types(home: Path) -> None:
    """JSON has no tuple: a stored `()` default must come back a tuple, not a list."""
    validators.validator(Profile, lambda: models.adapter(Profile))
    cached = validators.validator(Profile, _refuse)
    person = cached.validate_python({"background": "student", "years": 1, "interests": ["agents"]})
    assert person.skills == () and type(person.skills) is tuple
    assert person == Profile("student", 1, ["agents"])


def test_the_next_process_validates_without_importing_pydantic(home: Path) -> None:
    """The first run builds with pydantic and stores the schema; the next one does not
    import pydantic at all, and words the error the same."""
    script = (
        "import sys\n"
        "from pydantic_core import ValidationError\n"
        "from aicareer.records.models import Profile, validate\n"
        "try:\n"
        "    validate(Profile, {'background': 'student', 'years': 75, 'interests': ['x']})\n"
        "except ValidationError as exc:\n"
        "    print([e['msg'] for e in exc.errors(include_url=False)])\n"
        "print('pydantic' in sys.modules)\n"
    )
    runs = [out.splitlines() for out in twice(script, home)]
    assert runs[0][1] == "True" and runs[1][1] == "False"
    assert runs[0][0] == runs[1][0]
    assert "Input should be less than or equal to 60" in runs[1][0]
    assert len(_entries()) == 1


@pytest.mark.parametrize(
    "planted",
    [
        {"$ref": "os:system"},
        {"$ref": "aicareer.records.models:Profile.__init__.__globals__"},
        {"$ref": "aicareer.cli.main:main"},
        {"$ref": "aicareer.records.models:NamedTuple"},
        {"$tuple": "not a list"},
        {"$ref": "aicareer.records.models:Profile", "more": 1},
        "a schema pydantic-core refuses",
    ],
)
def test_an_entry_naming_anything_else_is_a_miss(home: Path, planted: Any) -> None:
    """A damaged or planted entry never resolves to code outside the record modules: it is
    a miss, pydantic builds the validator, and the entry is written again."""
    name = validators.entry(Profile)
    cache.put(name, json.dumps(planted), str)
    built = []

    def build() -> Any:
        built.append(1)
        return models.adapter(Profile)

    found = validators.validator(Profile, build)
    assert built == [1]
    with pytest.raises(ValidationError):
        found.validate_python({"background": "student", "years": 75, "interests": ["agents"]})
    assert cache.get(name, str) != json.dumps(planted)  # stored again, from pydantic
    validators.validator(Profile, _refuse)


def test_a_schema_with_code_of_its_own_is_not_cached() -> None:
    with pytest.raises(validators._NotKept):
        validators.encode({"type": "function-plain", "function": lambda v: v})
    with pytest.raises(validators._NotKept):
        validators.encode({"cls": os.PathLike})  # not a record module's
    with pytest.raises(validators._NotKept):
        validators.encode({"$ref": "aicareer.records.models:Profile"})  # would read back as a name
    kept = {"a": (1, [2.5, ("x", None, True)]), "f": Profile, "m": MappingProxyType({"k": ()})}
    assert validators.decode(json.loads(json.dumps(validators.encode(kept)))) == kept


@pytest.mark.parametrize(
    "damaged",
    [
        {"$tuple": "ab"},
        {"$tuple": [1], "more": 2},
        {"$proxy": ["not", "a", "table"]},
        {"$ref": ["aicareer.records.models:Profile"]},
        {"$ref": "aicareer.records.models:Profile", "more": 2},
    ],
)
def test_a_marker_encode_would_not_write_is_refused(damaged: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        validators.decode({"schema": [damaged]})


def test_the_entry_changes_with_pydantics_own_version_file() -> None:
    """pydantic's version is read from its version.py (importing pydantic is the cost
    this module saves), next to pydantic-core's."""
    import pydantic_core

    versions = validators._versions()
    assert versions.startswith(pydantic_core.__version__.encode() + b"\0")
    assert b"VERSION = " in versions


@pytest.mark.parametrize(
    "name",
    [
        "os:system",
        "aicareer.cli.main:main",  # aicareer, but not a record module
        "aicareer.records.models:NamedTuple",  # in a record module, but only imported there
        "aicareer.records.models:Profile.__init__",  # only a module's own top-level names
        "aicareer.records.models:DEFAULT_CODING",  # neither a class nor a function
        "aicareer.records.models:nothing_here",
    ],
)
def test_a_name_resolves_only_to_a_record_modules_own_class_or_function(name: str) -> None:
    import aicareer.cli.main  # noqa: F401  imported, so only the record-module check refuses it

    with pytest.raises(validators._NotKept):
        validators.decode({"$ref": name})
    assert validators.decode({"$ref": "aicareer.records.models:Profile"}) is Profile


def test_another_pydantic_means_another_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A schema stored by one pydantic is never read by another (nor by another
    aicareer: cache.key covers the record modules and aicareer's version)."""
    before = validators.entry(Profile)
    assert validators.entry(Profile) == before
    monkeypatch.setattr(validators, "_versions", lambda: b"2.99.0\0VERSION = '9.9'")
    assert validators.entry(Profile) != before
