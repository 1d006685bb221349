"""docs/rules.md, written from the data: the rules a career coach reads are the rules run.

`rules_page(ds)` turns matrix.toml into Markdown. `aicareer data rules` prints it, and a test
fails when docs/rules.md differs from what the shipped data renders, so the page cannot go
stale. Text from the data is escaped for Markdown tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aicareer.records.rulemodels import AllOf, AnyOf, Condition, Leaf, NotOf

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
        "aicareer answers two questions apart, as good interest inventories do:",
        "",
        "- **Fit** (0-100): does the work match what you want? It comes from your interests and"
        " the kind of company you want, never from your background, so a fit of 80 means the"
        " same for a writer as for an engineer.",
        "- **Readiness** (0-100): how far is the role from where you stand? It comes from your"
        " background, years and coding level: the sources' own route for your starting point"
        " when one exists (with its timeline, word for word), otherwise aicareer's estimate,"
        " labelled as such.",
        "",
        "## The score and the ranking",
        "",
        f"- score = ({s.fit_weight} x fit + {s.readiness_weight} x readiness) / 100, rounded"
        " half up.",
        f"- Fit from interests = {s.fit_best}% of the best-matching interest's weight +"
        f" {s.fit_mean}% of the average weight over all your interests; then company and"
        ' "suits" points are added and the result is kept within 0-100.',
        f"- Readiness loses {s.coding_shortfall} points for each coding level below the level"
        " the role is comfortable with.",
        "- A role whose requirements are not met is **later**: its readiness is capped at"
        f" {s.later_readiness_cap}, it is ranked after every role you can aim at now, and the"
        " result says what would change it.",
        f"- A role **matches** you when at least one of your interests (plus company points)"
        f" reaches {s.no_clear_fit_below}. Roles that match nothing you said are never"
        " recommended; they rank after those that do.",
        f"- **No clear fit yet**: no role you can aim at now matches any interest at"
        f" {s.no_clear_fit_below} or more. The result says so, shows the nearest roles and"
        " what would make one fit.",
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
        ["band", "from score", "what it claims"],
        [[b.name, b.min_score, b.claim or ""] for b in sorted(s.bands, key=lambda b: -b.min_score)],
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
        "## Readiness: the sources' routes",
        "",
        "The first route that holds for a role gives its readiness and timeline.",
        "",
    ]
    lines += _md_table(
        ["id", "role", "when", "readiness", "timeline", "for", "source"],
        [
            [
                f"`{r.id}`",
                name[r.role],
                words(r.when),
                r.readiness,
                r.timeline or "-",
                r.audience or "-",
                src[r.source],
            ]
            for r in m.routes
        ],
    )
    starts = sorted(set(m.starts.values()))
    lines += [
        "",
        "## Readiness: aicareer's estimates where no route applies",
        "",
        "These numbers are aicareer's own judgement, not a source's figure.",
        "",
        "Starting points: "
        + "; ".join(
            f"{start}: " + ", ".join(b for b, s2 in m.starts.items() if s2 == start)
            for start in starts
        )
        + ".",
        "",
    ]
    lines += _md_table(
        ["role", "coding", "demand rank", *starts],
        [[name[r.id], r.coding, r.demand_rank, *(r.readiness[x] for x in starts)] for r in order],
    )
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
        "Pay is shown at your level: entry for 0-2 years of experience, mid for 3-7, senior for"
        " 8 or more (aicareer's reading; the sources do not define levels by years).",
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
