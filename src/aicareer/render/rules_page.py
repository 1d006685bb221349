"""docs/rules.md, written from the data: the rules a career coach reads are the rules run.

`rules_page(ds)` turns matrix.toml into Markdown. `aicareer data rules` prints it, and a test
fails when docs/rules.md differs from what the shipped data renders, so the page cannot go
stale. Text from the data is escaped for Markdown tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicareer.records.rulemodels import AllOf, AnyOf, Condition, Leaf, NotOf, RoleScoring

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset

HEADER = """<!-- Generated from data/matrix.toml by `aicareer data rules`; do not edit by hand.
     A test fails when this file and the data disagree. -->
"""


def _table_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ").strip()


def _md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_table_cell(v) for v in row) + " |" for row in rows]
    return out


def words(cond: Condition) -> str:
    """A condition in plain words."""
    if isinstance(cond, Leaf):
        v = cond.value
        shown = v if isinstance(v, str) else ", ".join(map(str, v)) if isinstance(v, list) else v
        if cond.field == "years":
            return {"at-least": f"{v}+ years", "at-most": f"at most {v} years"}.get(
                cond.op, f"exactly {v} years"
            )
        if cond.field == "interests":
            return f"interests include {'all' if cond.op == 'has-all' else 'any'} of: {shown}"
        return f"{cond.field} {'is' if cond.op == 'equals' else 'in'} {shown}"
    if isinstance(cond, AllOf):
        return " and ".join(words(c) for c in cond.all)
    if isinstance(cond, AnyOf):
        return "(" + " or ".join(words(c) for c in cond.any) + ")"
    if isinstance(cond, NotOf):
        return f"not ({words(cond.not_)})"
    raise TypeError(cond)


def rules_page(ds: Dataset) -> str:
    m = ds.matrix
    s = m.scoring
    name = {r.id: r.name for r in ds.roles.values()}
    src = {x.id: f"{x.short or x.publisher} ({x.as_of})" for x in ds.sources.values()}
    order = sorted(m.roles, key=lambda r: r.demand_rank)
    lines = [
        HEADER,
        "# How aicareer ranks roles",
        "",
        f"Data version {m.meta.version} ({m.meta.updated}). Every number on this page comes from"
        " `data/matrix.toml`; edit that file and run `aicareer data rules > docs/rules.md`.",
        "",
        "aicareer answers two questions apart, as good interest inventories do, and says both"
        " in words before any number:",
        "",
        "- **Fit** (0-100, *fits what you want: strongly / well / partly / hardly*): does the"
        " work match what you want? It comes from your interests and the kind of company you"
        ' want (and a few "who it suits" lines of the sources).',
        "- **Time to ready** (*how far: about 3-5 months at your 8 hours a week*): the one"
        " figure for how far the role is. A source's own figure for your starting point when"
        " one exists, else aicareer's estimate, labelled as such. **Readiness** (0-100) is read"
        " off it, so a shorter way in always means a higher readiness.",
        "",
        "## Fit",
        "",
        f"- An interest **matches** a role when its weight for the role (the table below) is"
        f" {s.match_at} or more; below that the overlap is real but partial.",
        f"- Fit from interests = {s.fit_coverage}% of the share of your interests the role"
        f" matches + {100 - s.fit_coverage}% of the average weight over all your interests."
        " So a role that matches two of your two interests always beats one that matches one"
        " of them.",
        '- Company, "who it suits" and follow-up points are then added (they can be'
        " negative: a founding seat is unique to early-stage companies) and the result is kept"
        " within 0-100; a sum above 100 is shown as capped.",
        "",
        "## Time to ready",
        "",
        "One place computes it (`engine/model.py`, `time_of`), and every screen shows it.",
        "",
        "1. **Your starting point** is your background's row below, except that someone who"
        " codes professionally from a start whose people usually do not (a clinician or a"
        f" writer who ships code) starts from the row named in `[coders]`"
        f" ({', '.join(f'{k} -> {v}' for k, v in m.coders.items())}).",
        "2. **A source's figure**: the first route below with a duration whose condition holds"
        " gives the time, word for word (its months are the same figure). Its phases share that"
        " time out.",
        "3. **Otherwise aicareer's estimate** for your starting point (the months table below),"
        " for someone with that start's usual coding; each coding level you have above or below"
        " that moves it by the coding phases of paths.toml (python-basics, programming). A"
        " route without a duration still credits its source for the way in.",
        "4. **Phases**: the role's path, without what your background covers (halved where it"
        " partly covers), plus the coding phases you need. A phase whose skills you already"
        " have is dropped, and its share of the time with it.",
        "5. **Your pace**: the time is read at the assumed pace (paths.toml [pace], 10 hours a"
        " week, an estimate); at your hours a week it scales by 10 / your hours.",
        "6. **Roles reached by years of work** (`experience`): the time is in years: a source's"
        " figure for a senior engineer, or the years still missing plus that figure, or the"
        " role's own years. Study is not presented as the way in.",
        "7. More years or more coding never make the time longer (a test checks this over the"
        " whole grid of answers).",
        "",
        "Readiness from the time (its middle, in months at the assumed pace), joined by"
        " straight lines: " + ", ".join(f"{mo} months -> {r}" for mo, r in s.readiness_curve) + ".",
        "",
        "## The score and the ranking",
        "",
        f"- score = ({s.fit_weight} x fit + {s.readiness_weight} x readiness) / 100 + the"
        " outlook's points, rounded half up, kept within 0-100.",
        "- Outlook points: "
        + ", ".join(f"{k} {v:+d}" for k, v in s.outlook.items())
        + ". Each role's outlook is in the table below, with its source.",
        "- A role whose requirements are not met is **later**: its readiness is capped at"
        f" {s.later_readiness_cap}, its band is the lowest, it is ranked after every role you"
        " can aim at now, and the result says what would change it.",
        "- Roles that match none of your interests are never recommended; they rank after"
        " those that do.",
        "- **No clear fit yet**: no role you can aim at now matches any of your interests. The"
        " result says so, shows the nearest roles and what would make one fit.",
        "- Order: ready before later; matching before not matching; then higher score; on"
        " equal scores the higher readiness (the shorter way in); then demand rank (below)."
        " Nothing depends on the order of roles in the files.",
        f"- **Close call**: the top two recommended roles are {s.close_margin} points apart or"
        " less; the result shows both and how the order was decided.",
        "",
        "## Bands: what a score claims",
        "",
    ]
    lines += _md_table(
        ["band", "from score", "and readiness", "what it claims"],
        [
            [b.name, b.min_score, b.min_readiness or "-", b.claim or ""]
            for b in sorted(s.bands, key=lambda b: -b.min_score)
        ],
    )
    lines += ["", "## Requirements", ""]
    lines += _md_table(
        ["role", "background", "years", "coding", "why", "source"],
        [
            [
                name[q.role],
                m.group_names.get(q.backgrounds[1:], q.backgrounds) if q.backgrounds else "-",
                f"{q.min_years}+" if q.min_years is not None else "-",
                f"{q.coding}+" if q.coding else "-",
                q.reason,
                src[q.source],
            ]
            for q in m.requirements
        ],
    )
    lines += [
        "",
        "## Time: the sources' routes",
        "",
        "For each role the first route with a duration that holds gives the time; without"
        " one, the first route that holds credits its source for the way in.",
        "",
    ]
    lines += _md_table(
        ["id", "role", "when", "timeline", "months", "for", "source"],
        [
            [
                f"`{r.id}`",
                name[r.role],
                words(r.when),
                r.timeline or "-",
                f"{r.months[0]}-{r.months[1]}" if r.months else "-",
                r.audience or "-",
                src[r.source],
            ]
            for r in m.routes
        ],
    )
    starts = sorted(set(m.starts.values()))
    lines += [
        "",
        "## Time: aicareer's estimates where no route gives one",
        "",
        "Months to ready at the assumed pace, low-high: aicareer's own judgement, not a"
        " source's figure. Roles reached by years of work give years instead.",
        "",
        "Starting points: "
        + "; ".join(
            f"{start}: " + ", ".join(b for b, s2 in m.starts.items() if s2 == start)
            for start in starts
        )
        + ".",
        "",
    ]

    def est(r: RoleScoring, x: str) -> str:
        if r.months is not None:
            lo, hi = r.months[x]
            return f"{lo}-{hi}"
        assert r.experience is not None
        return f"{r.experience.years[0]}-{r.experience.years[1]} years"

    lines += _md_table(
        ["role", "coding", "outlook", "demand rank", *starts],
        [
            [name[r.id], r.coding, r.outlook, r.demand_rank, *(est(r, x) for x in starts)]
            for r in order
        ],
    )
    lines += [
        "",
        "Usual coding at each starting point: "
        + ", ".join(f"{k}: {v}" for k, v in m.start_coding.items())
        + ".",
    ]
    lines += ["", "Demand rank (breaks ties only):", ""]
    lines += [f"{r.demand_rank}. {name[r.id]}: {r.demand} ({src[r.source]})" for r in order]
    role_ids = [r.id for r in order]
    lines += [
        "",
        "## Fit: what each interest says about each role",
        "",
        "Weights are aicareer's reading of the sources named; an empty cell is 0.",
        "",
    ]
    lines += _md_table(
        ["interest", *(name[r] for r in role_ids), "source"],
        [[a.interest, *(a.weights.get(r, "") for r in role_ids), src[a.source]] for a in m.fit],
    )
    lines += ["", '## Fit: company and "who it suits"', ""]
    rows: list[list[object]] = [
        [
            f"company is {c.company}",
            ", ".join(f"{name[k]} {v:+d}" for k, v in c.weights.items()),
            c.reason,
            src[c.source],
        ]
        for c in m.company
    ]
    rows += [
        [
            words(x.when),
            ", ".join(f"{name[k]} {v:+d}" for k, v in x.weights.items()),
            x.reason,
            src[x.source],
        ]
        for x in m.suits
    ]
    lines += _md_table(["when", "points", "why", "source"], rows)
    lines += [
        "",
        "## Groups",
        "",
        *[f"- `@{g}` ({m.group_names.get(g, g)}): {', '.join(bs)}" for g, bs in m.groups.items()],
        "",
        "## Why not this role?",
        "",
        "`aicareer why ROLE` lists every reason above that moved the role, each requirement met"
        " or missed, and the smallest change of answers that brings the role into your top"
        " three. Changes are tried cheapest first: another company or one interest added or"
        " dropped (1), one coding level (2; two levels 3), N more years (N), your interests"
        " replaced by one (2), another background (6); then pairs of the cheapest.",
        "",
        "## Pay level",
        "",
        "Pay is shown at your level for each role: entry for 0-2 years that count toward the"
        " role, mid for 3-7, senior for 8 or more (aicareer's reading; the sources do not define"
        " levels by years). Only years at a starting point in the role's `pay_from` count:"
        " ten years as a content strategist make you new to prompt engineering, and the result"
        ' says so ("entry level: new to this field").',
        "",
    ]
    lines += followups_section(ds)  # data/followups.toml (docs/followups.md)
    return "\n".join(lines)


def followups_section(ds: Dataset) -> list[str]:
    """The follow-up questions, each with its answers' points and the sentence it rests on;
    nothing when the data has none."""
    questions = ds.followups.followups
    if not questions:
        return []
    name = {r.id: r.name for r in ds.roles.values()}
    src = {x.id: f"{x.short or x.publisher} ({x.as_of})" for x in ds.sources.values()}
    lines = [
        "## Follow-up questions",
        "",
        "When the top roles are a close call, the interactive quiz asks the one or two"
        " questions below that best separate them: the question whose answers can move the"
        " gap between the top two roles most (then between any two close roles, then the"
        " order below). An answer adds its points to those roles' fit; a person may skip."
        " From data/followups.toml (docs/followups.md).",
        "",
    ]
    for f in questions:
        lines += [
            f"### {f.ask} (`{f.id}`)",
            "",
            f"Separates {', '.join(name.get(r, r) for r in f.separates)}."
            f' Rests on {src.get(f.source, f.source)}: "{f.quote}"',
            "",
        ]
        rows: list[list[object]] = [
            [c.text, ", ".join(f"{name.get(k, k)} {v:+d}" for k, v in c.adds.items())]
            for c in f.choices
        ]
        lines += [*_md_table(["answer", "points"], rows), ""]
    return lines
