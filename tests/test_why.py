"""`aicareer why ROLE`: every reason, every requirement, the smallest change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clirun import invoke
from typer.testing import Result

from aicareer.engine.ranker import engine_of
from aicareer.engine.whynot import candidates, why
from aicareer.errors import ExitCode
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile

PLAIN = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "me.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return invoke(["why", *args], env=PLAIN)


def why_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


JUNIOR = 'background = "backend-engineer"\nyears = 1\ninterests = ["systems-design"]\n'


def test_a_junior_asking_about_architect_is_told_how_many_years(tmp_path: Path) -> None:
    me = write(tmp_path, JUNIOR)
    doc = why_json("ai-architect", "--answers", str(me))
    assert doc["status"] == "later" and doc["in_top_three"] is False
    missed = [r for r in doc["requirements"] if not r["met"]]
    assert [(r["what"], r["change"]) for r in missed] == [
        ("years", "after about 4 more years as an engineer")
    ]
    assert doc["smallest_change"] == {
        "changes": [{"field": "years", "from": 1, "to": 5, "text": "4 more years (5 in all)"}],
        "position_after": 1,
    }
    text = run("ai-architect", "--answers", str(me)).stdout
    assert "not met  5+ years of experience: after about 4 more years as an engineer" in text
    assert "• 4 more years (5 in all)" in text
    assert "Time to ready: about 5-6 years of work experience" in text


def test_every_rule_that_moved_the_role_is_listed_with_its_points(tmp_path: Path) -> None:
    me = write(
        tmp_path,
        'background = "backend-engineer"\nyears = 5\ninterests = ["agents", "reliability"]\n'
        'company = "enterprise"\n',
    )
    doc = why_json("harness-engineer", "--answers", str(me))
    fit = {(r["kind"], r["ref"]): r["points"] for r in doc["fit"]["reasons"]}
    # reliability matches harness work (one of two interests: 25 + 25 of its weight 100);
    # agents only overlaps (45: 11 points); the enterprise adds 10.
    assert fit == {
        ("overlap", "agents"): 11,
        ("interest", "reliability"): 50,
        ("company", "enterprise"): 10,
    }
    assert doc["fit"]["score"] == 71
    reasons = [(r["kind"], r["ref"], r["points"]) for r in doc["readiness"]["reasons"]]
    assert reasons[0] == ("route", "enterprise-engineer-to-harness", 70)
    assert doc["readiness"]["timeline"] == "Pioneers\u2019 territory"
    assert doc["time"]["text"] == "up to 1 year of work experience"


def test_a_role_already_on_top_needs_no_change(tmp_path: Path) -> None:
    me = write(tmp_path, JUNIOR.replace('"systems-design"', '"agents"'))
    doc = why_json("ai-agent-engineer", "--answers", str(me))
    assert doc["position"] == 1 and doc["in_top_three"] is True
    assert doc["smallest_change"] is None
    assert "It is in your top three." in run("ai-agent-engineer", "--answers", str(me)).stdout


def test_a_non_coder_learns_that_coding_opens_the_role(dataset: Dataset) -> None:
    p = Profile("domain-expert", 8, ["agents"], coding="none")
    w = why(engine_of(dataset), p, "ai-agent-engineer")
    assert not w.in_top
    assert w.changes is not None
    assert [(c.field, c.after) for c in w.changes] == [("coding", "basic")] or any(
        c.field == "coding" for c in w.changes
    )
    assert w.position_after is not None and w.position_after <= 3


def test_candidates_are_cheapest_first_and_never_the_same_answer() -> None:
    p = Profile("student", 0, ["agents"], coding="basic")
    cands = list(candidates(p))
    assert all(c.before != c.after for c in cands)
    costs = [c.cost for c in sorted(cands, key=lambda c: c.cost)]
    assert costs[0] == 1
    assert {c.cost for c in cands if c.field == "background"} == {6}


@pytest.mark.parametrize(
    ("role", "code", "said"),
    [
        ("astronaut", ExitCode.NOT_FOUND, "unknown role 'astronaut'"),
        ("data-scientist", ExitCode.NOT_FOUND, "shown for comparison only"),
        ("vibe-coder", ExitCode.NOT_FOUND, "is not a role (yet)"),
    ],
)
def test_roles_that_cannot_be_explained(tmp_path: Path, role: str, code: int, said: str) -> None:
    result = run(role, "--answers", str(write(tmp_path, JUNIOR)))
    assert result.exit_code == code
    assert said in result.stderr and result.stdout == ""


def test_a_capped_readiness_is_not_said_to_be_read_off_the_time(tmp_path: Path) -> None:
    """A technical writer who does not code: AI Engineer is for later, its readiness held
    at 20 by the cap. `why` and `decide` said "20/100 is read off" a time of 1-2 years,
    which the readiness curve reads as 38."""
    from aicareer.engine.distance import readiness_from_months
    from aicareer.records.dataset import load

    answers = {
        "background": "technical-writer",
        "years": 4,
        "coding": "none",
        "interests": ["prompting", "building-products"],
    }
    me = write(tmp_path, "".join(f"{k} = {json.dumps(v)}\n" for k, v in answers.items()))
    engine = engine_of(load())
    ranking = engine.rank(Profile(**answers))  # type: ignore[arg-type]
    ai = next(r for r in ranking.results if r.role_id == "ai-engineer")
    assert not ai.ready and ai.readiness.score == 20 and ai.readiness.time is not None
    alone = readiness_from_months(engine.rules, ai.readiness.time.months_mid)
    assert alone > 20
    said = f"capped until a requirement is met; the time alone gives {alone}"
    out = run("ai-engineer", "--answers", str(me))
    assert out.exit_code == 0, out.stderr
    assert f"Readiness 20/100: {said} (the shorter, the higher)." in " ".join(out.stdout.split())
    # decide's cell says the same, from the sheet's own figures
    import datetime as dt

    from aicareer.document.result import readiness_basis
    from aicareer.planner.decide import decide

    ds = load()
    sheet = decide(ds, ds.paths, Profile(**answers), ["ai-engineer"], dt.date(2027, 1, 4))  # type: ignore[arg-type]
    fit = sheet.columns[0].fit
    assert fit is not None and (fit.readiness, fit.alone) == (20, alone)
    assert readiness_basis(fit.readiness, fit.alone) == said
