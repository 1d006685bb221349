"""aicareer.records.constraints: pydantic is imported only when something is validated, and then
the records are validated exactly as if it had been imported at the top.

Each case runs in a fresh interpreter: the test process itself has imported pydantic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from aicareer.records import constraints


def python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AICAREER_HOME": str(home)}
    for name in ("AICAREER_DATA_DIR", "AICAREER_NO_CACHE"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def warm_home(tmp_path: Path) -> Path:
    """A home whose cache holds the validated built-in data."""
    home = tmp_path / "home"
    done = python("from aicareer.records.dataset import load; load(None)", home)
    assert done.returncode == 0, done.stderr
    return home


def test_a_cache_hit_imports_no_pydantic_and_validation_after_it_is_whole(
    warm_home: Path,
) -> None:
    """Reading the cache evaluates the records' hints with the inert marks; validating
    afterwards, in the same process, must still enforce every constraint."""
    done = python(
        """
        import json, sys
        from aicareer.records.dataset import load
        ds = load(None)
        report = {"pydantic_after_load": "pydantic" in sys.modules, "roles": len(ds.roles)}
        from pydantic import ValidationError
        from aicareer.records.models import Profile, validate
        from aicareer.records.rulemodels import Band, Scoring
        from aicareer.records.pathmodels import Phase
        cases = {
            "years": (Profile, {"background": "student", "years": 61, "interests": ["agents"]}),
            "interests": (Profile, {"background": "student", "years": 1, "interests": []}),
            "twice": (Profile, {"background": "student", "years": 1,
                                "interests": ["agents", "agents"]}),
            "percent": (Band, {"name": "x", "min_score": 101}),
            "id": (Phase, {"id": "Not An Id"}),
        }
        for name, (kind, raw) in cases.items():
            try:
                validate(kind, raw)
                report[name] = "accepted"
            except ValidationError as exc:
                report[name] = [e["type"] for e in exc.errors()]
        scoring = {"bands": [{"name": "a", "min_score": 0}], "fit_weight": 60,
                   "readiness_weight": 30, "match_at": 50, "fit_coverage": 50,
                   "min_fit": 25, "close_margin": 3, "later_readiness_cap": 20,
                   "readiness_curve": [[0, 100], [48, 0]], "outlook": {}}
        from aicareer.records.rulemodels import CheckedScoring
        from aicareer.records.models import type_adapter
        try:
            type_adapter(CheckedScoring).validate_python(scoring)
            report["weights"] = "accepted"
        except ValidationError as exc:
            report["weights"] = [e["msg"] for e in exc.errors()]
        print(json.dumps(report))
        """,
        warm_home,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["pydantic_after_load"] is False
    assert report["roles"] >= 12
    assert report["years"] == ["less_than_equal"]
    assert report["interests"] == ["too_short"]
    assert report["twice"] == ["value_error"]
    assert report["percent"] == ["less_than_equal"]
    assert "string_pattern_mismatch" in report["id"]
    assert report["weights"] == ["Value error, fit_weight + readiness_weight must be 100, got 90"]


def test_after_use_pydantic_no_mark_is_left() -> None:
    import typing

    from aicareer.records import models, pathmodels, rulemodels

    constraints.use_pydantic()
    for module in (models, rulemodels, pathmodels):
        for name, value in vars(module).items():
            assert not isinstance(value, constraints.Mark), (module.__name__, name)
            assert not constraints.has_marks(value), (module.__name__, name)
            if isinstance(value, type) and hasattr(value, "_fields"):
                hints = typing.get_type_hints(value, include_extras=True)
                assert not any(constraints.has_marks(h) for h in hints.values()), value


def test_a_mark_becomes_pydantic_metadata() -> None:
    from typing import Annotated, get_args

    from pydantic import Field as PydanticField
    from pydantic.fields import FieldInfo

    constraints.use_pydantic()
    alias = Annotated[int, constraints.Mark("Field", (), {"ge": 1})] | None
    made = constraints.real(alias)
    inner = get_args(made)[0]
    (meta,) = inner.__metadata__
    assert isinstance(meta, FieldInfo)
    assert repr(meta) == repr(PydanticField(ge=1))


def test_a_mark_says_what_it_stands_for() -> None:
    mark = constraints.Mark("Field", (), {"ge": 1})
    assert repr(mark) == "Mark(Field, (), {'ge': 1})"
