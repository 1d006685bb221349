"""The result document as JSON: the public shape of `quiz --json` (docs/result-schema.json).

Lays out; never computes. The keys of schema 1 (role, name, score, band, timeline, reasons,
close, profile, region, salary) keep their meaning; the rest was added in schema 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicareer.document.result import Result, RoleEntry
from aicareer.records.models import to_dict

if TYPE_CHECKING:
    from aicareer.render.schema import RecommendationJson, ResultJson


def entry_json(e: RoleEntry) -> RecommendationJson:
    """One role, with the public fields first (role, name, score, band, timeline, reasons)."""
    return {
        "rank": e.rank,
        "role": e.role,
        "name": e.name,
        "score": e.score,
        "band": e.band,
        "timeline": e.timeline.text,
        "reasons": [w.text for w in (*e.fit_reasons, *e.readiness_reasons) if w.points],
        "timeline_from": e.timeline_from,
        "status": "now" if e.status == "now" else "later",
        "fit": {"score": e.fit, "reasons": [to_dict(w) for w in e.fit_reasons]},
        "readiness": {
            "score": e.readiness,
            "timeline": e.timeline.text,
            "timeline_note": e.timeline.note,
            "months": list(e.timeline.months) if e.timeline.months else None,
            "source": e.timeline.source,
            "reasons": [to_dict(w) for w in e.readiness_reasons],
        },
        "requirements": [to_dict(r) for r in e.requirements],
        "status_note": e.status_note,
        "pay": [to_dict(p) for p in e.pay],
        "pay_missing": None if e.pay else e.pay_missing,
        "summary": e.summary,
        "demand": e.demand,
        "sentence": e.sentence,
        "time": None if e.time is None else to_dict(e.time),
        "first_step": e.first_step,
        "fit_words": e.fit_words,
        "distance_words": e.distance_words,
        "fit_capped": e.fit_capped,
        "pay_level": e.pay_level,
        "pay_reason": e.pay_reason,
        "outlook": e.outlook,
        "market_words": e.market_words,
    }


def to_json(result: Result, every_role: bool = False) -> ResultJson:
    """The quiz's --json document (schema: docs/result-schema.json)."""
    doc: ResultJson = {
        "schema": result.schema,
        "recommendations": [entry_json(e) for e in result.top],
        "later": [entry_json(e) for e in result.later],
        "close": result.close_call is not None,
        "close_call": to_dict(result.close_call) if result.close_call else None,
        "no_clear_fit": result.no_clear_fit is not None,
        "no_clear_fit_detail": to_dict(result.no_clear_fit) if result.no_clear_fit else None,
        "profile": result.profile,
        "region": result.region,
        "region_label": result.region_label,
        "pay_level": result.pay_level,
        "next_steps": [to_dict(s) for s in result.next_steps],
        "scoring": result.scoring,
        "data_version": result.data_version,
    }
    doc["salary"] = list(result.salary)
    doc["set_aside"] = [{"role": r, "name": n} for r, n in result.set_aside]
    doc["followups"] = [{"question": q, "answer": a} for q, a in result.followups]
    doc["followup_change"] = result.followup_change
    doc["followup_hint"] = result.followup_hint
    if every_role:
        doc["ranking"] = [to_dict(r) for r in result.ranking]
    return doc
