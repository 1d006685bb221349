"""The result document as the quiz's --json prints it, pinned for people who reach every
branch of document.py (issue #15 item 5; bench/mutate.py found its mutants unnoticed).

The profiles: a close call decided by score, by readiness and by demand; no clear fit;
later roles with and without changes; a role with no pay figure; the three pay levels;
the three regions. Snapshots: tests/snapshots/mutants-doc-*.txt (update as screens.py says).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import invoke
from screens import assert_snapshot

from aicareer.document.answer import pay_level
from aicareer.document.build import build, next_steps
from aicareer.document.public_json import to_json
from aicareer.engine.ranker import engine_of
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile

#: name -> (background, years, interests, company, coding, region)
PEOPLE: dict[str, tuple[str, int, list[str], str, str | None, str]] = {
    "close-by-readiness": (
        "software-engineer",
        0,
        ["building-products", "model-training"],
        "ai-lab",
        "professional",
        "us",
    ),
    "close-by-demand": (
        "software-engineer",
        3,
        ["agents", "product-management"],
        "scale-up",
        "professional",
        "europe",
    ),
    "close-by-score": (
        "software-engineer",
        0,
        ["building-products"],
        "early-startup",
        "professional",
        "other",
    ),
    "no-clear-fit": ("student", 0, ["model-training"], "any", "none", "other"),
    "no-pay-figure": (
        "backend-engineer",
        8,
        ["reliability", "systems-design"],
        "enterprise",
        None,
        "us",
    ),
    "senior-later-two": (
        "product-manager",
        20,
        ["research", "ownership"],
        "enterprise",
        "basic",
        "europe",
    ),
    "one-ready-three-later": (
        "data-engineer",
        1,
        ["infrastructure", "systems-design"],
        "regulated-industry",
        "none",
        "us",
    ),
    "two-ready": ("backend-engineer", 5, ["prompting"], "any", None, "us"),
}


def answers(tmp_path: Path, name: str) -> Path:
    bg, years, interests, company, coding, region = PEOPLE[name]
    lines = [
        f'background = "{bg}"',
        f"years = {years}",
        f"interests = {json.dumps(interests)}",
        f'company = "{company}"',
        f'region = "{region}"',
    ]
    if coding is not None:
        lines.append(f'coding = "{coding}"')
    path = tmp_path / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def profile(name: str) -> Profile:
    bg, years, interests, company, coding, region = PEOPLE[name]
    return Profile(bg, years, interests, company, coding, region)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(PEOPLE))
def test_the_quiz_json_is_what_it_was(tmp_path: Path, name: str) -> None:
    every = ["--all"] if name == "two-ready" else []  # every role detailed: once is enough
    result = invoke(["quiz", "--answers", str(answers(tmp_path, name)), "--json", *every])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert_snapshot(f"mutants-doc-{name}", json.dumps(doc, indent=1, sort_keys=True) + "\n")


def test_the_people_reach_every_branch(dataset: Dataset) -> None:
    results = {n: build(dataset, profile(n)) for n in PEOPLE}
    decided = {r.close_call.decided_by for r in results.values() if r.close_call}
    assert decided == {
        "the higher score",
        "equal scores, so the shorter way in (higher readiness) goes first",
        "equal scores and readiness, so the role in more demand goes first",
    }
    assert results["no-clear-fit"].no_clear_fit is not None
    assert {r.pay_level for r in results.values()} == {"entry", "mid", "senior"}
    assert {r.region for r in results.values()} == {"us", "europe", "other"}
    assert any(not e.pay for r in results.values() for e in r.top)
    assert {e.time.basis for r in results.values() for e in r.top if e.time} == {
        "source",
        "estimate",
    }
    assert {e.timeline_from.split(":")[0] for r in results.values() for e in r.top} == {
        "matrix",
        "route",
        "none",
    }
    assert {len(r.top) for r in results.values()} >= {1, 2, 3}


@pytest.mark.parametrize(
    ("years", "level"), [(0, "entry"), (2, "entry"), (3, "mid"), (7, "mid"), (8, "senior")]
)
def test_pay_level_follows_the_years(years: int, level: str) -> None:
    assert pay_level(years) == level


def test_every_role_json_has_the_whole_ranking_and_the_short_one_not(dataset: Dataset) -> None:
    result = build(dataset, profile("two-ready"))
    short = to_json(result)
    assert "ranking" not in short
    full = to_json(result, every_role=True)
    ranking = full["ranking"]
    assert [r["rank"] for r in ranking] == list(range(1, len(engine_of(dataset).role_ids) + 1))
    assert [r["status"] for r in ranking if r["status"] == "now"] != []
    assert short["close"] is (short["close_call"] is not None)
    assert short["no_clear_fit"] is (short["no_clear_fit_detail"] is not None)


def test_next_steps_never_compare_a_role_with_itself(dataset: Dataset) -> None:
    one = build(dataset, profile("one-ready-three-later"))
    steps = next_steps(one.top, one.later)
    assert [s.command.split()[1] for s in steps] == ["path", "why", "why", "quiz"]
    assert not any(s.command.startswith("aicareer decide") for s in steps)
    same = next_steps((one.top[0], one.top[0]), ())
    assert [s.command for s in same] == [
        f"aicareer path {one.top[0].role}",
        f"aicareer why {one.top[0].role}",
        "aicareer quiz --all",
    ]
    assert next_steps((), ()) == (next_steps((), ())[0],)
    assert next_steps((), ())[0].command == "aicareer quiz --all"


def test_a_role_without_a_figure_here_says_where(dataset: Dataset) -> None:
    from aicareer.document.role_entry import _pay_missing
    from aicareer.planner.salary import pay_for

    # the guide gives the architect no entry-level figure: nothing to convert for Europe
    assert pay_for(dataset, "ai-architect", "europe", "entry") == ()
    assert _pay_missing(dataset, "ai-architect", "europe") == (
        "The sources give no figure for Europe at this level."
    )
    assert _pay_missing(dataset, "harness-engineer", "us") == "Not yet standardized"


def test_the_quiz_details_three_roles_unless_asked_for_all(dataset: Dataset) -> None:
    p = Profile("software-engineer", 5, ["agents", "building-products"], "scale-up")
    ready_matched = [r for r in engine_of(dataset).rank(p).results if r.ready and r.matched]
    assert len(ready_matched) > 3
    assert [e.role for e in build(dataset, p).top] == [r.role_id for r in ready_matched[:3]]
    assert len(build(dataset, p, top=None).top) == len(engine_of(dataset).role_ids)


def test_no_clear_fit_without_a_later_role_points_at_the_roles_work(dataset: Dataset) -> None:
    """When nothing later would fit either, the advice is where to look, word for word."""
    p = Profile("backend-engineer", 8, ["prompting"])
    ranking = engine_of(dataset).rank(p)._replace(no_clear_fit=True)
    result = build(dataset, p, ranking=ranking)
    assert result.later == ()
    assert result.no_clear_fit is not None
    assert result.no_clear_fit.suggestions == (
        "Look at the roles' work (aicareer roles, aicareer show ROLE) and pick the interests"
        " that describe what you want to do each day.",
    )
    # and a person with later roles is told each one's changes, joined by "; "
    nofit = build(dataset, profile("no-clear-fit"))
    assert nofit.no_clear_fit is not None
    assert nofit.no_clear_fit.suggestions == tuple(
        f"{e.name}: {'; '.join(e.changes)}" for e in nofit.later if e.changes
    )


def test_the_report_lists_every_source_by_its_label(dataset: Dataset) -> None:
    """Result.sources is what the Markdown and HTML reports print under "Sources"."""
    result = build(dataset, profile("two-ready"))
    assert result.sources == tuple(
        f"{s.short or s.publisher}, {s.as_of}" for s in dataset.roles_file.sources
    )
    assert result.data_version == (
        f"{dataset.roles_file.meta.version} / {dataset.matrix.meta.version}"
    )


def test_a_figure_whose_basis_is_not_stated_says_so(make_data_dir) -> None:  # type: ignore[no-untyped-def]
    from aicareer.planner.salary import pay_for
    from aicareer.records.dataset import load

    folder = make_data_dir()
    roles = folder / "roles.toml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace('basis = "us-base"', 'basis = "unstated"', 1),
        encoding="utf-8",
    )
    ds = load(folder)
    changed = [
        (r.id, b.level)
        for r in ds.roles.values()
        for b in r.salary.bands
        if b.basis == "unstated" and b.segment is None
    ]
    assert changed
    rid, level = changed[0]
    assert pay_for(ds, rid, "us", level)[0].basis == "basis not stated"


def test_later_roles_are_marked_later_and_at_most_three_are_shown(dataset: Dataset) -> None:
    p = Profile("qa-engineer", 8, ["systems-design", "research"], "regulated-industry", "none")
    result = build(dataset, p)
    assert len(result.later) == 3
    assert {e.status for e in result.later} == {"later"}
    assert {e.status for e in result.top} == {"now"}
    fits = [e.fit for e in result.later]
    assert fits == sorted(fits, reverse=True)


def test_a_later_role_as_good_a_fit_as_the_best_shown_is_listed(dataset: Dataset) -> None:
    p = Profile("technical-writer", 0, ["agents", "prompting"], coding="none")
    result = build(dataset, p)
    best = max(e.fit for e in result.top)
    assert best >= dataset.matrix.scoring.min_fit
    assert best in [e.fit for e in result.later]  # equal fit counts


def test_no_clear_fit_joins_a_roles_several_changes_with_semicolons(dataset: Dataset) -> None:
    p = Profile("student", 0, ["systems-design"], coding="none")
    ranking = engine_of(dataset).rank(p)._replace(no_clear_fit=True)
    result = build(dataset, p, ranking=ranking)
    assert result.no_clear_fit is not None
    several = [e for e in result.later if len(e.changes) > 1]
    assert several
    e = several[0]
    assert f"{e.name}: {e.changes[0]}; {e.changes[1]}" in "\n".join(result.no_clear_fit.suggestions)
