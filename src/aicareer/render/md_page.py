"""The report as Markdown, from the result document (`aicareer.document.report`): nothing computed.

Text from the data or the answers is inert: `<`, `>` and `&` become entities, so a
`<script>` in a data file shows as text wherever the Markdown is rendered; link, image and
code marks are backslash-escaped, bare URLs are broken (`https\\://`) so no
renderer makes them live, and a heading or list mark at the start is escaped; table cells
also escape `|` and lose line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

#: What links, images and code are made of in Markdown: each is shown with a backslash
#: before it, which every CommonMark renderer shows as the character itself (no `[` or
#: `]`: no link or image of any kind; the backslash itself, so data cannot undo the
#: escapes). A `<` that could open a tag, a comment or an autolink (CommonMark: before a
#: letter, `/`, `!` or `?`) becomes an entity, as does every `>` and an `&` that would
#: start one ("&lt;" shows as typed; "AI Roles & Career Paths" and "<1" stay readable in
#: the raw file). Emphasis marks are left: harmless.
_MARKUP = str.maketrans({c: f"\\{c}" for c in "\\`[]"})
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
#: An `&` that a renderer would read as a character reference (CommonMark: `&name;`,
#: `&#123;`, `&#x1F;`).
_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)")
#: A bare URL or www. name is a live link in GitHub's Markdown; `\:` and `\.` stop it.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9+.-])(:)(?=//)|(?<![a-z0-9])(www)(\.)")
#: What starts a heading or a list when it begins a line.
_BLOCK_START = re.compile(r"^(?:(#{1,6}|[-+*])(?=\s|$)|(\d{1,9})([.)])(?=\s|$))")
#: A line that is a rule (`---`, `* * *`) or opens a fence (`~~~`).
_RULE_OR_FENCE = re.compile(r"^(?:([-*_])(?:[ \t]*\1){2,}[ \t]*$|~~~)")


def text(value: object) -> str:
    """Data text made inert in Markdown (see `_inline`), with a heading or list mark, a
    rule or a fence at its start escaped too."""
    s = _inline(value)
    if _RULE_OR_FENCE.match(s):
        return "\\" + s
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", s)


def _inline(value: object) -> str:
    """Data text made inert in Markdown: no HTML, no links or images (bare URLs broken),
    no code, no line breaks; bidi controls and zero-width characters shown as escapes."""
    from aicareer.console import shown

    s = _TAG_OPEN.sub("&lt;", _ENTITY.sub("&amp;", str(value))).replace(">", "&gt;")
    s = shown(s.replace("\r", " ").replace("\n", " ").strip()).translate(_MARKUP)
    return _AUTOLINK.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", s)


def cell(value: object) -> str:
    """Text made safe for a Markdown table cell: no HTML, no pipes, no line breaks."""
    return _inline(value).replace("|", "\\|")  # a cell holds no block: no list, no heading


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def markdown(doc: Mapping[str, Any]) -> str:
    res = doc["result"]
    roles = res["recommendations"]
    answers = "; ".join(f"{k}: {v}" for k, v in doc["answers"])
    lines = [
        f"# {text(doc['title'])}",
        "",
        f"From your answers: {text(answers)}",
        "",
        f"_Made by {text(doc['made_by'])} on {text(doc['date'])}, with data "
        f"{text(doc['data_version'])}._",
        "",
    ]
    nofit = res["no_clear_fit_detail"]
    if nofit:
        lines += [text(nofit["message"]), ""]
        lines += [f"- {text(x)}" for x in nofit["suggestions"]] + [""]
    lines += [f"## Your best-fitting AI roles (top {len(roles)})", ""]
    if roles:
        lines += table(
            doc["summary"]["headers"],
            doc["summary"]["rows"],
        )
        lines.append("")
    close = res["close_call"]
    if close:
        gap = close["gap"]
        lines += [
            f"Close call: {text(close['first_name'])} and {text(close['second_name'])} are "
            f"{gap} point{'s' if gap != 1 else ''} apart ({text(close['decided_by'])}).",
            "",
        ]
    for r in roles:
        ready = r["readiness"]
        lines += [
            f"### {r['rank']}. {text(r['name'])} ({text(r['role'])}): score {r['score']}/100, "
            f"{text(r['band'])}",
            "",
            text(r["summary"]),
            "",
            *([text(r["status_note"]), ""] if r["status_note"] else []),
            f"Fit {r['fit']['score']}:",
            "",
        ]
        lines += [
            f"- {w['points']:+d} {text(w['text'])}" for w in r["fit"]["reasons"] if w["points"]
        ]
        lines += ["", f"Readiness {ready['score']}:", ""]
        lines += [f"- {w['points']:+d} {text(w['text'])}" for w in ready["reasons"]]
        lines += [
            "",
            f"Time: {text(ready['timeline'] or 'not stated')} ({text(ready['timeline_note'])})",
            "",
        ]
        lines += [
            f"- Needs {text(q['needed'])}: "
            + ("met" if q["met"] else text(q["change"] or "not met"))
            for q in r["requirements"]
        ]
        lines += [
            f"- Pay ({r['pay_level']}): {text(p['text'])}, {text(p['basis'])} ({text(p['source'])})"
            for p in r["pay"]
        ] or [f"- Pay: {text(r['pay_missing'])}"]
        lines += [f"- Demand: {text(r['demand'])}", ""]
    lines += [text(res["scoring"]), ""]
    if res["later"]:
        lines += ["## Fits what you want, but later", ""]
        lines += [
            f"- {text(e['name'])} (fit {e['fit']['score']}): "
            + text(
                "; ".join(q["change"] for q in e["requirements"] if q["change"]) or e["status_note"]
            )
            for e in res["later"]
        ]
        lines.append("")
    plan = doc["plan"]
    if plan is not None:
        lines += [f"## Your path to {text(plan['role'])}", ""]
        lines += table(
            ["#", "Phase", "Id", "Weeks", "Status"],
            [[p["n"], p["title"], p["id"], p["weeks"], p["status"]] for p in plan["phases"]],
        )
        lines += ["", f"Total: {text(plan['total'])}.", ""]
        lines.append(f"Details: `aicareer path {text(plan['role_id'])} --answers FILE`")
    sheet = doc.get("decision")
    if sheet is not None:
        lines += ["", "## Choosing between your top roles", ""]
        pace = text(sheet["pace"])
        lines += [f"Study time at {pace}; pay at the level that counts for each role.", ""]
        lines += table(
            sheet["headers"],
            sheet["table"],
        )
        lines.append("")
        for r in sheet["rows"]:
            test = f" Try first: {text(r['cheap_test'])}" if r["cheap_test"] else ""
            lines.append(f"- {text(r['role'])}: still to learn: {text(r['gap'])}.{test}")
        lines += ["", f"The question to ask yourself: {text(sheet['question'])}"]
    m = doc["map"]
    lines += ["", "## The landscape", ""]
    lines += [
        f"Left to right: {text(m['x_low'])} (0) to {text(m['x_high'])} (10); "
        f"top to bottom: {text(m['y_low'])} (0) to {text(m['y_high'])} (10).",
        "",
    ]
    lines += table(
        ["Role", "Model to infrastructure", "Research to production", "Yours"],
        [
            [r["name"], r["x"], r["y"], f"#{r['rank']} ({r['score']})" if r["rank"] else ""]
            for r in sorted(m["roles"], key=lambda r: (r["y"], r["x"]))
        ],
    )
    if m["off_map"]:
        lines += ["", "Not on the guide's map (adjacent roles): " + text(", ".join(m["off_map"]))]
    if res["next_steps"]:
        lines += ["", "## Next steps", ""]
        lines += [f"- `{s['command']}`: {text(s['what'])}" for s in res["next_steps"]]
    lines += ["", "## Data", ""]
    lines += [
        f"- {text(s['title'])} ({text(s['publisher'])}, {text(s['as_of'])})" for s in doc["sources"]
    ]
    lines += ["", text(doc["data_line"]), ""]
    return "\n".join(lines)
