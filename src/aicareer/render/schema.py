"""The public JSON shape of `quiz --json` as typed dicts, and its JSON Schema.

`render_json.to_json()` builds exactly these shapes; docs/result-schema.json is generated from
them (`python -m aicareer.render.schema > docs/result-schema.json`) and a test validates real quiz
output against them with extra keys refused, so the published schema, the types and the
output cannot drift apart. Not imported by any command.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

CLOSED = ConfigDict(extra="forbid")


@with_config(CLOSED)
class WhyJson(TypedDict):
    text: str
    points: int
    kind: str
    source: str | None


@with_config(CLOSED)
class RequirementJson(TypedDict):
    needed: str
    met: bool
    change: str | None
    why: str


@with_config(CLOSED)
class PayJson(TypedDict):
    level: str
    text: str
    basis: str
    source: str
    note: str | None


@with_config(CLOSED)
class FitJson(TypedDict):
    score: int
    reasons: list[WhyJson]


@with_config(CLOSED)
class ReadinessJson(TypedDict):
    score: int
    timeline: str | None
    timeline_note: str
    months: list[int] | None
    source: str | None
    reasons: list[WhyJson]


@with_config(CLOSED)
class TimeJson(TypedDict):
    #: "about 3-5 months at your 8 hours a week": the one time, as every screen shows it.
    text: str
    short: str
    #: Weeks at the person's pace (null for a role reached by years of work).
    weeks: list[int] | None
    years: list[int] | None
    basis: Literal["source", "estimate"]
    source: str | None
    source_words: str | None
    audience: str | None
    pace: int
    pace_stated: bool


@with_config(CLOSED)
class RecommendationJson(TypedDict):
    rank: int
    role: str
    name: str
    score: int
    band: str
    timeline: str | None
    reasons: list[str]
    timeline_from: str
    status: Literal["now", "later"]
    fit: FitJson
    readiness: ReadinessJson
    requirements: list[RequirementJson]
    status_note: str
    pay: list[PayJson]
    #: Why there is no pay figure (null when there is one).
    pay_missing: str | None
    summary: str
    demand: str
    #: The answer in one sentence: how long at your pace, the main reason, the first step.
    sentence: str
    time: TimeJson | None
    first_step: str
    fit_words: str
    distance_words: str
    fit_capped: bool
    pay_level: str
    pay_reason: str
    outlook: str
    market_words: str


@with_config(CLOSED)
class CloseCallJson(TypedDict):
    first: str
    second: str
    first_name: str
    second_name: str
    gap: int
    decided_by: str


@with_config(CLOSED)
class NoClearFitJson(TypedDict):
    message: str
    suggestions: list[str]


@with_config(CLOSED)
class StepJson(TypedDict):
    command: str
    what: str


@with_config(CLOSED)
class RankRowJson(TypedDict):
    rank: int
    role: str
    name: str
    score: int
    band: str
    status: Literal["now", "later"]
    fit: int
    readiness: int
    time: str


@with_config(CLOSED)
class FollowupJson(TypedDict):
    question: str
    answer: str


@with_config(CLOSED)
class ResultJson(TypedDict, total=False):
    schema: int
    recommendations: list[RecommendationJson]
    later: list[RecommendationJson]
    close: bool
    close_call: CloseCallJson | None
    no_clear_fit: bool
    no_clear_fit_detail: NoClearFitJson | None
    profile: dict[str, Any]
    region: str
    region_label: str
    pay_level: str
    next_steps: list[StepJson]
    scoring: str
    data_version: str
    salary: list[dict[str, Any]]
    #: Roles set aside ("not for me"), as {role, name}.
    set_aside: list[dict[str, str]]
    #: The follow-up questions answered, and what the answers changed.
    followups: list[FollowupJson]
    followup_change: str | None
    #: On a close call with no follow-up answered: the question that would separate them.
    followup_hint: str | None
    #: Only with --all.
    ranking: list[RankRowJson]


def json_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    schema = TypeAdapter(ResultJson).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "aicareer quiz --json"
    return schema


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, sort_keys=True))
