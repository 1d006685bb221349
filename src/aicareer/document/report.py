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
    map       {x_low, x_high, y_low, y_high, roles [{id, name, x, y, at, rank, score}],
              off_map}: every role's axes from the data (x, y) and its spot on the drawn
              map (at: planner.landscape.spot, the axes spread over both as the roles
              guide's figure lays them out); rank and score for the roles shown
    sources   [{title, publisher, as_of}]
    data_line the data's versions and sources in one line (the Markdown report's footer)

and, for the HTML report, which leads with the answer:

    lead      [{rank, name, sentence, time, time_short, first_step, first_phase, fit,
              readiness, fit_words, distance_words, status_note}]: one entry per
              recommended role, in rank order; `sentence` is the result's own sentence
              (RoleEntry.sentence); `first_phase` the first phase of its path still to do
    next      [str]: what to do next, in words (no commands)
    data_versions  the data's versions in one short line (the sources are listed apart)

`plan` phases also carry `start` and `end` (ISO dates, the later estimate; None when the
phase is skipped or done) and `skipped`; `plan` carries `start` and `finish` [lo, hi].
`decision` also carries `compare`: {headers, rows}, the sheet's short columns, dates as months;
each of its `rows` also has `risks`, `gap` and `cheap_test` in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from aicareer.engine.ranker import engine_of

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
    time = engine_of(ds).explain(profile, best.role).result.readiness.time
    return make_plan(paths, best.role, profile, start, list(done), time=time)


def sources_line(ds: Dataset) -> str:
    srcs = "; ".join(f"{s.title} ({s.publisher}, {s.as_of})" for s in ds.sources.values())
    return (
        f"Data: roles.toml {ds.roles_file.meta.version}, matrix.toml "
        f"{ds.matrix.meta.version}. Sources: {srcs}. Figures are indicative."
    )


def _answers(result: Result) -> list[list[str]]:
    from aicareer.records import questions

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
    begin = plan.start
    for n, p in enumerate(plan.phases, 1):
        weeks = p.weeks_label
        status = ("done; " if p.done else "") + STATUS_TEXT[p.status]
        start = end = None
        if p.ends is not None and not p.done and not p.skipped:
            start, end = begin.isoformat(), p.ends[1].isoformat()
            begin = p.ends[1]
        phases.append(
            {
                "n": n,
                "title": p.title,
                "id": p.id,
                "weeks": weeks,
                "status": status,
                "start": start,
                "end": end,
                "skipped": p.skipped or p.done,
            }
        )
    lo, hi = plan.total
    first, last = plan.finish
    return {
        "role": ds.roles[plan.role_id].name,
        "role_id": plan.role_id,
        "phases": phases,
        "total": f"{weeks_text(lo, hi)}; from {plan.total_from}",
        "start": plan.start.isoformat(),
        "finish": [first.isoformat(), last.isoformat()],
        "pace": f"{plan.pace} hours a week" + ("" if plan.pace_stated else " (assumed)"),
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
                "pay": f"{c.pay.text} ({c.pay.level})"
                if c.pay is not None
                else (c.no_pay or "no figure"),
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
        "compare": {
            "headers": ["Role", "Fit", "Ready", "Study", "Ready by", "Pay", "Demand"],
            "rows": [
                [
                    r["role"],
                    r["fit"],
                    r["readiness"],
                    r["study"],
                    f"{_month(c.ready_by[0])} to {_month(c.ready_by[1])}",
                    r["pay"],
                    r["demand"],
                ]
                for r, c in zip(rows, sheet.columns, strict=True)
            ],
        },
        "rows": rows,
        "headers": ["Role", "Fit", "Ready", "Study", "Ready by", "Pay", "Demand", "Risks"],
        "table": [[r[c] for c in cols] for r in rows],
        "question": sheet.question,
        "pace": pace,
        "level": sheet.level,
    }


def _month(day: dt.date) -> str:
    return day.strftime("%b %Y")


def _first_steps(
    ds: Dataset, profile: Profile, result: Result, today: dt.date
) -> dict[str, tuple[str, str | None]]:
    """Each recommended role's first phase still to do, in words, and its weeks; from the
    role's path at the person's pace (roles without a path are left out)."""
    from aicareer.planner.timeline import make_plan, weeks_text
    from aicareer.records.pathmodels import load_paths

    paths = load_paths(ds)
    out: dict[str, tuple[str, str | None]] = {}
    for e in result.top:
        if paths.path_for(e.role) is None:
            continue
        time = engine_of(ds).explain(profile, e.role).result.readiness.time
        plan = make_plan(paths, e.role, profile, today, (), time=time)
        todo = [p for p in plan.phases if not p.done and not p.skipped]
        if not todo:
            continue
        lo, hi = plan.total
        pace = f"{plan.pace} hours a week" + ("" if plan.pace_stated else " (assumed)")
        out[e.role] = (todo[0].title, f"{weeks_text(lo, hi)} at {pace}" if hi else None)
    return out


def _lead(ds: Dataset, profile: Profile, result: Result, today: dt.date) -> list[dict[str, Any]]:
    """The answer, one entry per recommended role: the result's own sentence (how long at
    the person's pace, the main reason, the first step), and the first phase of the role's
    path; a sentence is made from the time and that phase only if the result has none."""
    steps = _first_steps(ds, profile, result, today)
    lead = []
    for e in result.top:
        phase, weeks = steps.get(e.role, (None, None))
        if e.time is not None:
            time, short = e.time.text, e.time.short
        else:
            time = weeks or e.timeline.text or "no time stated"
            short = time
        sentence = e.sentence
        if not sentence:
            sentence = f"About {time}." if weeks else f"Time: {time}."
            if e.first_step or phase:
                sentence += f" First step: {e.first_step or phase}."
        lead.append(
            {
                "rank": e.rank,
                "name": e.name,
                "sentence": sentence,
                "time": time,
                "time_short": short,
                "first_step": e.first_step or phase,
                "first_phase": phase,
                "fit": e.fit,
                "readiness": e.readiness,
                "fit_words": e.fit_words,
                "market_words": e.market_words,
                "distance_words": e.distance_words,
                "status_note": e.status_note,
            }
        )
    return lead


def _next(doc: Mapping[str, Any]) -> list[str]:
    """What to do next, in words a person can act on without the tool."""
    out = []
    lead, plan, sheet = doc["lead"], doc["plan"], doc["decision"]
    top = lead[0] if lead else None
    if top is not None and top["first_phase"] and top["first_step"] != top["first_phase"]:
        out.append(
            f"This week: {top['first_step']}. If you enjoy it, begin “{top['first_phase']}”, "
            "the first phase of your plan."
        )
    elif top is not None and top["first_phase"]:
        out.append(f"This week: begin “{top['first_phase']}”, the first phase of your plan.")
    if sheet is not None:
        out.append(f"Ask yourself: {sheet['question']}")
    if plan is not None:
        out.append(
            "Keep a note of each phase you finish; at your pace the plan ends between "
            f"{_month(dt.date.fromisoformat(plan['finish'][0]))} and "
            f"{_month(dt.date.fromisoformat(plan['finish'][1]))}."
        )
    if len(lead) > 1:
        out.append(
            "Talk it through with someone who does the work: show them this page and ask "
            f"what a week as {lead[0]['name']} really looks like."
        )
    return out


def _summary_table(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The recommended roles as one table, laid out once for every renderer."""
    return {
        "headers": ["#", "Role", "Score", "Fit", "Ready", "Time", "Pay"],
        "rows": [
            [
                r["rank"],
                r["name"],
                f"{r['score']} {r['band']}",
                r["fit"]["score"],
                r["readiness"]["score"],
                r["timeline"] or "not stated",
                f"{r['pay'][0]['text']} ({r['pay_level']})" if r["pay"] else "no figure",
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
    from aicareer.planner.landscape import spot

    doc: dict[str, Any] = dict(to_json(result))
    marked = {e.role: e for e in result.top}
    report: dict[str, Any] = {
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
                    "at": list(spot(r.id, r.axes.model_infra, r.axes.research_production)),
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
        "data_versions": f"data {ds.roles_file.meta.version} and {ds.matrix.meta.version}",
        "lead": _lead(ds, profile, result, today),
    }
    report["next"] = _next(report)
    return report
