"""The scoring engine, as a person taking the quiz would notice it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicareer.data import Dataset
from aicareer.engine import Engine, Ranking, Recommendation
from aicareer.models import AllOf, AnyOf, Condition, Leaf, MatrixFile, NotOf, Profile, validate
from aicareer.vocab import BACKGROUNDS, CODING_LEVELS, COMPANIES, INTERESTS, REGIONS


def profile(**fields: Any) -> Profile:
    return validate(Profile, fields)


def top(ranking: Ranking) -> Recommendation:
    return ranking.recommendations[0]


def rec_for(ranking: Ranking, role_id: str) -> Recommendation:
    return next(r for r in ranking.recommendations if r.role_id == role_id)


# --- the guide's Career Decision Matrix ----------------------------------------------------

#: (rule id, the guide's "Your current profile" / "Best next role" / "Timeline" cells,
#: a person who fits that row).
MATRIX_ROWS = [
    pytest.param(
        "matrix-software-engineer-to-ai-engineer",
        "Software engineer (3+ years) who wants to work with AI",
        "AI Engineer",
        "3-6 months upskill",
        {
            "background": "software-engineer",
            "years": 5,
            "interests": ["building-products", "data-retrieval"],
        },
        id="software-engineer-3y-to-ai-engineer",
    ),
    pytest.param(
        "matrix-startup-ownership-to-founding-ai-engineer",
        "Software engineer at early startup who wants ownership",
        "Founding AI Engineer",
        "Now, if opportunity exists",
        {
            "background": "software-engineer",
            "years": 2,
            "company": "early-startup",
            "interests": ["ownership", "building-products"],
        },
        id="startup-engineer-ownership-to-founding",
    ),
    pytest.param(
        "matrix-backend-infra-to-platform-engineer",
        "Backend engineer interested in infra + AI",
        "Platform Engineer (AI)",
        "6-12 months",
        {"background": "backend-engineer", "years": 5, "interests": ["infrastructure"]},
        id="backend-infra-to-platform",
    ),
    pytest.param(
        "matrix-senior-systems-to-architect-or-harness",
        "Senior engineer who thinks in systems",
        "AI Architect or Harness Engineer",
        "1-2 years experience accumulation",
        {
            "background": "software-engineer",
            "years": 10,
            "company": "enterprise",
            "interests": ["systems-design"],
        },
        id="senior-systems-to-architect-or-harness",
    ),
    pytest.param(
        "matrix-research-rigor-to-llm-or-safety-eval",
        "Engineer who likes research and rigor",
        "LLM Engineer or AI Safety/Eval",
        "+ML foundations needed",
        {
            "background": "software-engineer",
            "years": 4,
            "interests": ["research", "evaluation-safety"],
        },
        id="research-rigor-to-llm-or-safety",
    ),
    pytest.param(
        "matrix-non-technical-to-prompt-then-context",
        "Non-technical who works with AI daily",
        "Prompt Engineer \u2192 Context Engineer",
        "6-18 months",
        {"background": "domain-expert", "years": 6, "interests": ["prompting"]},
        id="non-technical-to-prompt-then-context",
    ),
    pytest.param(
        "matrix-pm-to-ai-product-manager",
        "PM who wants to stay PM but be more relevant",
        "AI Product Manager",
        "3-6 months upskill",
        {"background": "product-manager", "years": 6, "interests": ["product-management"]},
        id="pm-to-ai-pm",
    ),
    pytest.param(
        "matrix-reliability-architecture-to-harness-engineer",
        "Engineer obsessed with reliability and architecture",
        "Harness Engineer (emerging)",
        "Pioneers\u2019 territory",
        {
            "background": "backend-engineer",
            "years": 7,
            "interests": ["reliability", "systems-design"],
        },
        id="reliability-architecture-to-harness",
    ),
]


@pytest.mark.parametrize(("rule_id", "row_profile", "best", "timeline", "person"), MATRIX_ROWS)
def test_matrix_row_puts_its_role_first_with_its_timeline(
    dataset: Dataset,
    engine: Engine,
    rule_id: str,
    row_profile: str,
    best: str,
    timeline: str,
    person: dict[str, Any],
) -> None:
    rule = next(r for r in dataset.matrix.rules if r.id == rule_id)
    assert (rule.kind, rule.profile, rule.best, rule.timeline) == (
        "matrix",
        row_profile,
        best,
        timeline,
    )

    ranking = engine.rank(profile(**person))

    first = top(ranking)
    assert rule_id in engine.fired(profile(**person))
    assert first.role_id in {role for role, points in rule.weights.items() if points > 0}
    assert first.timeline == timeline
    assert first.timeline_from == f"matrix:{rule_id}"


def test_the_matrix_rules_are_exactly_the_guides_eight_rows(dataset: Dataset) -> None:
    matrix_ids = [r.id for r in dataset.matrix.rules if r.kind == "matrix"]
    assert sorted(matrix_ids) == sorted(str(p.values[0]) for p in MATRIX_ROWS)


# --- named people -----------------------------------------------------------------------------


def test_ml_engineer_who_trains_models_is_pointed_at_ml_engineering(engine: Engine) -> None:
    ranking = engine.rank(profile(background="ml-engineer", years=4, interests=["model-training"]))
    assert top(ranking).role_id == "ml-engineer"
    assert "fit-builders-already-train-models" in [r.rule_id for r in top(ranking).reasons]


def test_backend_engineer_who_likes_reliability_and_agents_goes_agentic(engine: Engine) -> None:
    ranking = engine.rank(
        profile(background="backend-engineer", years=5, interests=["reliability", "agents"])
    )
    first = top(ranking)
    assert first.role_id == "ai-agent-engineer"
    assert first.timeline == "2-4 months"
    assert first.timeline_from == "rule:fit-builders-backend-reliability-to-agents"


def test_junior_engineer_into_systems_design_is_not_sent_to_architect_first(
    engine: Engine,
) -> None:
    ranking = engine.rank(
        profile(background="software-engineer", years=1, interests=["systems-design"])
    )
    assert top(ranking).role_id != "ai-architect"
    architect = rec_for(ranking, "ai-architect")
    assert any(r.points < 0 for r in architect.reasons)


def test_experience_moves_ai_architect_up(engine: Engine) -> None:
    def architect_score(years: int) -> int:
        ranking = engine.rank(
            profile(background="software-engineer", years=years, interests=["systems-design"])
        )
        return rec_for(ranking, "ai-architect").score

    assert architect_score(1) < architect_score(6) < architect_score(12)


def test_product_manager_becomes_ai_product_manager(engine: Engine) -> None:
    ranking = engine.rank(
        profile(background="product-manager", years=8, interests=["building-products"])
    )
    assert top(ranking).role_id == "ai-product-manager"
    assert top(ranking).timeline == "3-6 months upskill"


def test_data_scientist_who_trains_models_is_pointed_at_ml_engineering(engine: Engine) -> None:
    ranking = engine.rank(
        profile(background="data-scientist", years=3, interests=["model-training"])
    )
    assert top(ranking).role_id == "ml-engineer"


def test_not_coding_keeps_engineering_roles_down(engine: Engine) -> None:
    says_codes = engine.rank(
        profile(
            background="content-strategist", years=3, interests=["agents"], coding="professional"
        )
    )
    no_code = engine.rank(profile(background="content-strategist", years=3, interests=["agents"]))
    assert (
        rec_for(no_code, "ai-agent-engineer").score < rec_for(says_codes, "ai-agent-engineer").score
    )
    assert top(no_code).role_id in {"prompt-engineer", "context-engineer"}


def test_prompt_engineering_is_marked_down_as_consolidating(engine: Engine) -> None:
    ranking = engine.rank(profile(background="technical-writer", years=4, interests=["prompting"]))
    prompt = rec_for(ranking, "prompt-engineer")
    consolidating = [r for r in prompt.reasons if r.rule_id == "fit-prompt-engineer-consolidating"]
    assert len(consolidating) == 1
    assert consolidating[0].points < 0
    assert "consolidating" in consolidating[0].text


def test_timeline_falls_back_to_the_roles_own(dataset: Dataset, engine: Engine) -> None:
    # A student interested in building products fires no rule with a timeline for AI
    # engineering, so the role's own timeline is shown.
    ranking = engine.rank(profile(background="student", years=0, interests=["building-products"]))
    ai = rec_for(ranking, "ai-engineer")
    assert ai.timeline_from == "role"
    assert ai.timeline == dataset.roles["ai-engineer"].timeline


# --- reasons ------------------------------------------------------------------------------


def test_reasons_add_up_to_the_score_and_are_sorted(engine: Engine) -> None:
    ranking = engine.rank(
        profile(
            background="software-engineer", years=4, interests=["research", "evaluation-safety"]
        )
    )
    first = top(ranking)
    assert 0 < first.score < 100  # not clamped
    assert sum(r.points for r in first.reasons) == first.score
    assert len(first.reasons) >= 3
    sizes = [abs(r.points) for r in first.reasons]
    assert sizes == sorted(sizes, reverse=True)
    assert {r.kind for r in first.reasons} == {"matrix", "fit"}
    assert all(r.text and r.source for r in first.reasons)


def test_scores_are_clamped_but_reasons_keep_their_points(engine: Engine) -> None:
    ranking = engine.rank(
        profile(
            background="backend-engineer",
            years=12,
            interests=["reliability", "systems-design", "infrastructure"],
            company="enterprise",
        )
    )
    harness = rec_for(ranking, "harness-engineer")
    assert sum(r.points for r in harness.reasons) > 100
    assert harness.score == 100
    assert harness.band == "strong"


# --- the condition language ----------------------------------------------------------------


def one_rule_engine(dataset: Dataset, when: dict[str, Any], **weights: int) -> Engine:
    matrix = validate(
        MatrixFile,
        {
            "meta": {"version": "t", "updated": "t"},
            "scoring": {"bands": [{"name": "any", "min_score": 0}]},
            "regions": {k: v._asdict() for k, v in dataset.matrix.regions.items()},
            "rules": [
                {
                    "id": "r",
                    "reason": "because",
                    "source": "roles-guide",
                    "when": when,
                    "weights": weights or {"ai-engineer": 10},
                }
            ],
        },
    )
    return Engine(dataset.roles_file.roles, matrix)


BASE = {
    "background": "backend-engineer",
    "years": 5,
    "interests": ["agents", "reliability"],
    "company": "enterprise",
    "region": "europe",
}


@pytest.mark.parametrize(
    ("when", "fires"),
    [
        ({"field": "background", "op": "equals", "value": "backend-engineer"}, True),
        ({"field": "background", "op": "equals", "value": "software-engineer"}, False),
        ({"field": "years", "op": "equals", "value": 5}, True),
        ({"field": "years", "op": "at-least", "value": 5}, True),
        ({"field": "years", "op": "at-least", "value": 6}, False),
        ({"field": "years", "op": "at-most", "value": 5}, True),
        ({"field": "years", "op": "at-most", "value": 4}, False),
        ({"field": "company", "op": "in", "value": ["ai-lab", "enterprise"]}, True),
        ({"field": "region", "op": "in", "value": ["us", "other"]}, False),
        ({"field": "coding", "op": "equals", "value": "professional"}, True),  # background default
        ({"field": "interests", "op": "has-any", "value": ["agents", "research"]}, True),
        ({"field": "interests", "op": "has-any", "value": ["research"]}, False),
        ({"field": "interests", "op": "has-all", "value": ["agents", "reliability"]}, True),
        ({"field": "interests", "op": "has-all", "value": ["agents", "research"]}, False),
        (
            {
                "all": [
                    {"field": "years", "op": "at-least", "value": 3},
                    {"field": "company", "op": "equals", "value": "enterprise"},
                ]
            },
            True,
        ),
        (
            {
                "all": [
                    {"field": "years", "op": "at-least", "value": 3},
                    {"field": "company", "op": "equals", "value": "ai-lab"},
                ]
            },
            False,
        ),
        (
            {
                "any": [
                    {"field": "years", "op": "at-least", "value": 30},
                    {"field": "company", "op": "equals", "value": "enterprise"},
                ]
            },
            True,
        ),
        ({"not": {"field": "region", "op": "equals", "value": "us"}}, True),
        (
            {
                "not": {
                    "any": [
                        {"field": "region", "op": "equals", "value": "europe"},
                        {"field": "years", "op": "equals", "value": 0},
                    ]
                }
            },
            False,
        ),
    ],
    ids=lambda v: str(v) if isinstance(v, bool) else "",
)
def test_condition_operators(dataset: Dataset, when: dict[str, Any], fires: bool) -> None:
    eng = one_rule_engine(dataset, when)
    person = profile(**BASE)
    assert (eng.fired(person) == ["r"]) is fires
    assert rec_for(eng.rank(person), "ai-engineer").score == (10 if fires else 0)


def test_a_stated_coding_level_overrides_the_background_default(dataset: Dataset) -> None:
    eng = one_rule_engine(dataset, {"field": "coding", "op": "equals", "value": "none"})
    assert eng.fired(profile(**BASE, coding="none")) == ["r"]
    assert eng.fired(profile(**BASE)) == []


def test_adjacent_roles_are_never_ranked_even_if_weighted(dataset: Dataset) -> None:
    eng = one_rule_engine(
        dataset,
        {"field": "years", "op": "at-least", "value": 0},
        **{"data-scientist": 50, "ai-engineer": 5},
    )
    ids = [r.role_id for r in eng.rank(profile(**BASE)).recommendations]
    assert "data-scientist" not in ids
    assert ids[0] == "ai-engineer"


def test_equal_scores_keep_the_guides_order(dataset: Dataset) -> None:
    eng = one_rule_engine(
        dataset,
        {"field": "years", "op": "at-least", "value": 0},
        **{"ml-engineer": 10, "prompt-engineer": 10, "ai-engineer": 10},
    )
    ranking = eng.rank(profile(**BASE))
    assert [r.role_id for r in ranking.recommendations[:3]] == [
        "prompt-engineer",
        "ai-engineer",
        "ml-engineer",
    ]
    assert ranking.close


# --- properties over every valid profile ------------------------------------------------------

profiles = st.builds(
    Profile,
    background=st.sampled_from(BACKGROUNDS),
    years=st.integers(min_value=0, max_value=60),
    interests=st.lists(st.sampled_from(INTERESTS), min_size=1, unique=True),
    company=st.sampled_from(COMPANIES),
    coding=st.none() | st.sampled_from(CODING_LEVELS),
    region=st.sampled_from(REGIONS),
)


def holds(cond: Condition, p: Profile) -> bool:
    """The documented semantics, written as plainly as possible (the engine's oracle)."""
    if isinstance(cond, AllOf):
        return all(holds(c, p) for c in cond.all)
    if isinstance(cond, AnyOf):
        return any(holds(c, p) for c in cond.any)
    if isinstance(cond, NotOf):
        return not holds(cond.not_, p)
    assert isinstance(cond, Leaf)
    actual: Any = p.coding_level if cond.field == "coding" else getattr(p, cond.field)
    v: Any = cond.value
    match cond.op:
        case "equals":
            return bool(actual == v)
        case "in":
            return actual in v
        case "has-any":
            return any(i in actual for i in v)
        case "has-all":
            return all(i in actual for i in v)
        case "at-least":
            return bool(actual >= v)
        case _:
            return bool(actual <= v)


@settings(max_examples=300, deadline=None)
@given(person=profiles)
def test_any_profile_ranks_every_core_role_once_in_order(
    dataset: Dataset,
    engine: Engine,
    person: Profile,
) -> None:
    ranking = engine.rank(person)

    # Same answer twice, and the same as a fresh engine (no memoised results).
    assert engine.rank(person) == ranking
    assert Engine(dataset.roles_file.roles, dataset.matrix).rank(person) == ranking

    roles = dataset.roles_file.roles
    core = [r.id for r in roles if r.kind == "core"]
    position = {r.id: i for i, r in enumerate(roles)}
    recs = ranking.recommendations
    assert sorted(r.role_id for r in recs) == sorted(core)
    keys = [(-r.score, position[r.role_id]) for r in recs]
    assert keys == sorted(keys)
    assert ranking.close == (recs[0].score - recs[1].score <= dataset.matrix.scoring.close_margin)

    bands = sorted(dataset.matrix.scoring.bands, key=lambda b: -b.min_score)
    for rec in recs:
        assert 0 <= rec.score <= 100
        assert rec.score == min(100, max(0, sum(r.points for r in rec.reasons)))
        assert rec.band == next(b.name for b in bands if rec.score >= b.min_score)
        sizes = [abs(r.points) for r in rec.reasons]
        assert sizes == sorted(sizes, reverse=True)


@settings(max_examples=300, deadline=None)
@given(person=profiles)
def test_fired_rules_follow_the_documented_semantics(
    dataset: Dataset,
    engine: Engine,
    person: Profile,
) -> None:
    expected = [r.id for r in dataset.matrix.rules if holds(r.when, person)]
    assert engine.fired(person) == expected

    fired = set(expected)
    weights = {r.id: r.weights for r in dataset.matrix.rules}
    for rec in engine.rank(person).recommendations:
        touching = {rid for rid in fired if rec.role_id in weights[rid]}
        assert {r.rule_id for r in rec.reasons} == touching
        assert (rec.timeline_from, rec.timeline) == expected_timeline(dataset, expected, rec)


def expected_timeline(
    dataset: Dataset,
    fired: list[str],
    rec: Recommendation,
) -> tuple[str, str | None]:
    """The documented choice: the matrix row, else a fit rule, else the role's own."""
    rules = [r for r in dataset.matrix.rules if r.id in fired]  # file order
    for kind, label in (("matrix", "matrix"), ("fit", "rule")):
        candidates = [
            r
            for r in rules
            if r.kind == kind and r.timeline is not None and r.weights.get(rec.role_id, 0) > 0
        ]
        if candidates:
            best = max(candidates, key=lambda r: r.weights[rec.role_id])  # first of the ties
            return f"{label}:{best.id}", best.timeline
    own = dataset.roles[rec.role_id].timeline
    return ("role", own) if own is not None else ("none", None)
