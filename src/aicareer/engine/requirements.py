"""REQUIREMENTS: what a role asks of a person before it is more than "later" (a background
of a kind, years of work, a coding level), each checked and said in words. Pure."""

from __future__ import annotations

from aicareer.engine.conditions import Facts
from aicareer.engine.ranking import Check
from aicareer.engine.rules import CODING_ORDER, LEVEL, Requirement, RoleRules, Rules


def unmet(req: Requirement, f: Facts) -> list[str]:
    """What of the requirement the person misses: "background", "years", "coding"."""
    missed = []
    if (
        req.group is not None
        and f.background not in req.group
        and (req.or_coding is None or LEVEL[f.coding] < req.or_coding)
    ):
        missed.append("background")
    if req.min_years is not None and f.years < req.min_years:
        missed.append("years")
    if req.coding is not None and LEVEL[f.coding] < req.coding:
        missed.append("coding")
    return missed


def checks_of(rules: Rules, role: RoleRules, f: Facts) -> list[Check]:
    out = []
    for q in role.requirements:
        missed = unmet(q, f)
        if q.group is not None:
            label = rules.group_names.get(q.group_name or "", q.group_name or "")
            needed = f"a background as {label}"
            if q.or_coding is not None:
                needed += f", or {CODING_ORDER[q.or_coding]} coding"
            out.append(
                Check(
                    "background",
                    needed,
                    "background" not in missed,
                    f"after working as {label}" if "background" in missed else None,
                    q.reason,
                    q.source,
                )
            )
        if q.min_years is not None:
            more = q.min_years - f.years
            as_what = ""
            if q.group_name is not None:
                as_what = " as " + rules.group_names.get(q.group_name, "")
            out.append(
                Check(
                    "years",
                    f"{q.min_years}+ years of experience",
                    more <= 0,
                    f"after about {more} more year{'s' if more != 1 else ''}{as_what}"
                    if more > 0
                    else None,
                    q.reason,
                    q.source,
                )
            )
        if q.coding is not None:
            level = CODING_ORDER[q.coding]
            out.append(
                Check(
                    "coding",
                    f"{level} coding",
                    "coding" not in missed,
                    (
                        "once you code professionally"
                        if level == "professional"
                        else "once you can write basic code (Python)"
                    )
                    if "coding" in missed
                    else None,
                    q.reason,
                    q.source,
                )
            )
    return out
