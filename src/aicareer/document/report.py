"""The report's document: the result document's public JSON plus what a report adds.

Pure: it reads no file. The phases already marked done (progress.toml) are read by the
command and passed in. The HTML and Markdown renderers (render/html_page.py,
render/md_page.py) take only this mapping and compute nothing; `aicareer report --json`
prints it. It is assembled, not computed:

    result    public_json.to_json(result): the quiz's public JSON (docs/result-schema.json),
              each recommendation also carrying `summary` and `pay_missing` from the
              typed result
    title, made_by, date, data_version
    answers   [[label, shown answer]] in the quiz's order, from the question records
    plan      None, or the best fit's path: {role, role_id, phases [{n, title, id, weeks,
              status}], total}
    map       {x_low, x_high, y_low, y_high, roles [{id, name, x, y, rank, score}], off_map}:
              every role's axes from the data; rank and score for the roles shown
    sources   [{title, publisher, as_of}]
    data_line the data's versions and sources in one line
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aicareer.document.result import Result
    from aicareer.planner.timeline import Plan
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile


def top_plan(
    ds: Dataset, profile: Profile, result: Result, start: dt.date, done: Sequence[str]
) -> Plan | None:
    """The best fit's plan at the person's own pace and skills, from `start`, with the
    phases in `done` marked done (None when the data has no path for it)."""
    from aicareer.planner.timeline import make_plan
    from aicareer.records.pathmodels import load_paths

    paths = load_paths(ds)
    if not result.top or paths.path_for(result.top[0].role) is None:
        return None
    best = result.top[0]
    time = ds.engine.explain(profile, best.role).result.readiness.time
    return make_plan(paths, best.role, profile, start, list(done), time=time)


def sources_line(ds: Dataset) -> str:
    srcs = "; ".join(f"{s.title} ({s.publisher}, {s.as_of})" for s in ds.sources.values())
    return (
        f"Data: roles.toml {ds.roles_file.meta.version}, matrix.toml "
        f"{ds.matrix.meta.version}. Sources: {srcs}. Figures are indicative."
    )


def _answers(result: Result) -> list[list[str]]:
    from aicareer.cli import questions

    given = dict(result.profile)
    given.setdefault("coding", given.get("coding_level"))
    return [[q.label, q.show(given[q.id])] for q in questions.QUESTIONS if q.id in given]


def _plan(
    ds: Dataset, profile: Profile, result: Result, today: dt.date, done: Sequence[str]
) -> dict[str, Any] | None:
    from aicareer.planner.timeline import STATUS_TEXT, weeks_text

    plan = top_plan(ds, profile, result, today, done)
    if plan is None:
        return None
    phases = []
    for n, p in enumerate(plan.phases, 1):
        if p.max_weeks == 0:
            weeks = "-"
        elif p.min_weeks == p.max_weeks:
            weeks = str(p.min_weeks)
        else:
            weeks = f"{p.min_weeks}-{p.max_weeks}"
        status = ("done; " if p.done else "") + STATUS_TEXT[p.status]
        phases.append({"n": n, "title": p.title, "id": p.id, "weeks": weeks, "status": status})
    lo, hi = plan.total
    return {
        "role": ds.roles[plan.role_id].name,
        "role_id": plan.role_id,
        "phases": phases,
        "total": f"{weeks_text(lo, hi)}; from {plan.total_from}",
    }


def _decision(
    ds: Dataset, profile: Profile, result: Result, today: dt.date
) -> dict[str, Any] | None:
    """The decision sheet for the top recommended roles (two to four), as `decide` prints it."""
    from aicareer.planner.decide import decide
    from aicareer.records.pathmodels import load_paths

    paths = load_paths(ds)
    ids = [e.role for e in result.top if paths.path_for(e.role) is not None][:4]
    if len(ids) < 2:
        return None
    sheet = decide(ds, paths, profile, ids, today)
    rows = []
    for c in sheet.columns:
        lo, hi = c.ready_weeks
        rows.append(
            {
                "role": c.name,
                "fit": "-" if c.fit is None else f"{c.fit.fit}",
                "readiness": "-" if c.fit is None else f"{c.fit.readiness}",
                "study": f"{lo}-{hi} weeks" if lo != hi else f"{lo} weeks",
                "ready_by": f"{c.ready_by[0].isoformat()} to {c.ready_by[1].isoformat()}",
                "experience": c.experience or "",
                "pay": c.pay.text if c.pay is not None else (c.no_pay or "no figure"),
                "demand": c.demand,
                "risks": "; ".join(r.text for r in c.risks) or "none named",
                "gap": (", ".join(x.label for x in c.gap.lack) or "nothing from its list")
                if profile.skills
                else "(you listed no skills; its list: "
                + ", ".join(x.label for x in c.gap.lack)
                + ")",
                "cheap_test": "" if c.cheap_test is None else c.cheap_test.text,
            }
        )
    pace = f"{sheet.pace} hours a week" + ("" if sheet.pace_stated else " (assumed)")
    cols = ("role", "fit", "readiness", "study", "ready_by", "pay", "demand", "risks")
    return {
        "rows": rows,
        "headers": ["Role", "Fit", "Ready", "Study", "Ready by", "Pay", "Demand", "Risks"],
        "table": [[r[c] for c in cols] for r in rows],
        "question": sheet.question,
        "pace": pace,
        "level": sheet.level,
    }


def _summary_table(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The recommended roles as one table, laid out once for every renderer."""
    return {
        "headers": ["#", "Role", "Score", "Fit", "Ready", "Time", f"Pay ({doc['pay_level']})"],
        "rows": [
            [
                r["rank"],
                r["name"],
                f"{r['score']} {r['band']}",
                r["fit"]["score"],
                r["readiness"]["score"],
                r["timeline"] or "not stated",
                r["pay"][0]["text"] if r["pay"] else "no figure",
            ]
            for r in doc["recommendations"]
        ],
    }


def report_document(
    ds: Dataset, profile: Profile, result: Result, today: dt.date, done: Sequence[str] = ()
) -> dict[str, Any]:
    """The report's document; `done`: the phase ids marked done (state/progress.py)."""
    from aicareer import __version__
    from aicareer.document.public_json import to_json

    doc: dict[str, Any] = dict(to_json(result))
    marked = {e.role: e for e in result.top}
    return {
        "title": "Your AI career report",
        "made_by": f"aicareer {__version__}",
        "date": today.isoformat(),
        "data_version": result.data_version,
        "answers": _answers(result),
        "result": doc,
        "summary": _summary_table(doc),
        "plan": _plan(ds, profile, result, today, done),
        "decision": _decision(ds, profile, result, today),
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
                    "rank": marked[r.id].rank if r.id in marked else None,
                    "score": marked[r.id].score if r.id in marked else None,
                }
                for r in ds.roles.values()
                if r.axes is not None
            ],
            "off_map": [r.name for r in ds.roles.values() if r.axes is None],
        },
        "sources": [
            {"title": s.title, "publisher": s.publisher, "as_of": s.as_of}
            for s in ds.sources.values()
        ],
        "data_line": sources_line(ds),
    }
