"""STAND-IN for the result document: what a shareable report shows, as plain JSON-able data.

The HTML and Markdown renderers (render_html.py, render_md.py) take only this mapping and
compute nothing. Until the lead's typed result document lands, `build()` makes the mapping
from today's engine and helpers; swapping in the real document means replacing `build()`
(and only it) with a mapping from that document to these keys:

    title, made_by, date, data_version, answers [[label, value]], total_roles,
    roles [{rank, id, name, summary, score, band, reasons [{points, text}], timeline,
            timeline_from}],
    close (text or None), region, pay [{role, level, range, basis, source}], pay_missing,
    pay_note, plan (None or {role, role_id, phases [{n, title, id, weeks, status}], total}),
    map {x_low, x_high, y_low, y_high, roles [{id, name, x, y, rank, score}], off_map},
    next_steps [{command, what}], sources [{title, publisher, as_of}], data_line
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aicareer.data import Dataset
    from aicareer.engine import Ranking
    from aicareer.models import Profile

TOP = 3


def build(ds: Dataset, profile: Profile, ranking: Ranking, today: dt.date) -> dict[str, Any]:
    from aicareer import __version__, questions
    from aicareer.history import data_version
    from aicareer.learning import STATUS_TEXT, weeks_text
    from aicareer.profile import profile_dict
    from aicareer.render import BASIS_LABEL, LEVEL_LABEL, source_label
    from aicareer.report import sources_line, top_plan
    from aicareer.results import TIMELINE_FROM, salary_rows

    recs = ranking.recommendations[:TOP]
    given = {**profile_dict(profile), "coding": profile.coding_level}
    answers = [[q.label, q.show(given[q.id])] for q in questions.QUESTIONS if q.id in given]
    roles = []
    for i, rec in enumerate(recs, 1):
        role = ds.roles[rec.role_id]
        roles.append(
            {
                "rank": i,
                "id": role.id,
                "name": role.name,
                "summary": role.summary,
                "score": rec.score,
                "band": rec.band,
                "reasons": [{"points": r.points, "text": r.text} for r in rec.reasons],
                "timeline": rec.timeline or "not stated in the sources",
                "timeline_from": TIMELINE_FROM.get(rec.timeline_from.split(":", 1)[0], "-"),
            }
        )
    close = None
    if ranking.close and len(ranking.recommendations) > 1:
        a, b = ranking.recommendations[:2]
        gap = a.score - b.score
        close = (
            f"{ds.roles[a.role_id].name} and {ds.roles[b.role_id].name} are {gap} "
            f"point{'s' if gap != 1 else ''} apart, so both fit you about as well. "
            f"Compare them: aicareer compare {a.role_id} {b.role_id}"
        )
    rule = ds.matrix.regions[profile.region]
    rows = salary_rows(ds, recs, profile.region)
    pay = [
        {
            "role": b.name,
            "level": LEVEL_LABEL[b.level] + (f" ({b.segment})" if b.segment else ""),
            "range": b.text,
            "basis": BASIS_LABEL[b.basis],
            "source": source_label(ds, b.source),
        }
        for b in rows
    ]
    missing = [ds.roles[r.role_id].name for r in recs if not any(b.role == r.role_id for b in rows)]
    how = (
        "as published"
        if profile.region == "us"
        else f"US figures {rule.lower_min}-{rule.lower_max}% lower, per the roles guide"
    )
    plan = top_plan(ds, profile, ranking)
    plan_doc = None
    if plan is not None:
        phases = []
        for n, p in enumerate(plan.phases, 1):
            weeks = (
                "-"
                if p.max_weeks == 0
                else str(p.min_weeks)
                if p.min_weeks == p.max_weeks
                else f"{p.min_weeks}-{p.max_weeks}"
            )
            status = ("done; " if p.done else "") + STATUS_TEXT[p.status]
            phases.append({"n": n, "title": p.title, "id": p.id, "weeks": weeks, "status": status})
        lo, hi = plan.total
        plan_doc = {
            "role": ds.roles[plan.role_id].name,
            "role_id": plan.role_id,
            "phases": phases,
            "total": f"{weeks_text(lo, hi)}; from {plan.total_from}",
        }
    ranks = {r.role_id: (i, r.score) for i, r in enumerate(recs, 1)}
    on_map = [r for r in ds.roles.values() if r.axes is not None]
    steps = []
    if recs:
        steps.append(
            {"command": f"aicareer show {recs[0].role_id}", "what": "the full card: skills, pay"}
        )
    if plan is not None:
        steps.append(
            {"command": f"aicareer path {plan.role_id}", "what": "the way in, phase by phase"}
        )
    return {
        "title": "Your AI career report",
        "made_by": f"aicareer {__version__}",
        "date": today.isoformat(),
        "data_version": data_version(ds),
        "answers": answers,
        "total_roles": len(ranking.recommendations),
        "roles": roles,
        "close": close,
        "region": rule.label,
        "pay": pay,
        "pay_missing": missing,
        "pay_note": f"Indicative only ({how}).",
        "plan": plan_doc,
        "map": {
            "x_low": "closer to the model",
            "x_high": "closer to infrastructure",
            "y_low": "research",
            "y_high": "production",
            "roles": [
                {
                    "id": r.id,
                    "name": r.name,
                    "x": r.axes.model_infra,
                    "y": r.axes.research_production,
                    "rank": ranks.get(r.id, (None, None))[0],
                    "score": ranks.get(r.id, (None, None))[1],
                }
                for r in on_map
                if r.axes is not None
            ],
            "off_map": [r.name for r in ds.roles.values() if r.axes is None],
        },
        "next_steps": steps,
        "sources": [
            {"title": s.title, "publisher": s.publisher, "as_of": s.as_of}
            for s in ds.sources.values()
        ],
        "data_line": sources_line(ds),
    }
