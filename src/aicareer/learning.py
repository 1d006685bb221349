"""Kept only for `aicareer.report` until it builds plans with `aicareer.plan.timeline`.

The path feature lives in `aicareer.plan` (docs/path.md). These two wrappers give the
report the old call shape; they know only the background, not the whole profile, so the
report's plan does not yet use skills or hours a week. Delete this module when the
report calls `make_plan(paths, role_id, profile, start)` directly.
"""

from __future__ import annotations

from aicareer.pathmodels import PathsFile
from aicareer.plan.timeline import STATUS_TEXT, Plan, make_plan, weeks_text

__all__ = ["STATUS_TEXT", "Plan", "build_path", "fit", "weeks_text"]


def build_path(paths: PathsFile, role_id: str) -> Plan:
    from aicareer.progress import today

    return make_plan(paths, role_id, None, today())


def fit(plan: Plan, paths: PathsFile, background: str, timeline: str | None) -> Plan:
    from aicareer.models import Profile, validate

    who = validate(Profile, {"background": background, "years": 0, "interests": ["agents"]})
    return make_plan(paths, plan.role_id, who, plan.start, starting_point=timeline)
