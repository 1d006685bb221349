"""The report as Markdown, from the result document (`aicareer.report_doc`): nothing computed.

Text from the data or the answers is inert: `<`, `>` and `&` become entities, so a
`<script>` in a data file shows as text wherever the Markdown is rendered; table cells
also escape `|` and lose line breaks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def text(value: object) -> str:
    """Data text made inert in Markdown: no HTML, no line breaks."""
    s = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\r", " ").replace("\n", " ").strip()


def cell(value: object) -> str:
    """Text made safe for a Markdown table cell: no HTML, no pipes, no line breaks."""
    return text(value).replace("|", "\\|")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def markdown(doc: Mapping[str, Any]) -> str:
    roles = doc["roles"]
    answers = "; ".join(f"{k}: {v}" for k, v in doc["answers"])
    lines = [
        f"# {text(doc['title'])}",
        "",
        f"From your answers: {text(answers)}",
        "",
        f"_Made by {text(doc['made_by'])} on {text(doc['date'])}, with data "
        f"{text(doc['data_version'])}._",
        "",
        f"## Your best-fitting AI roles (top {len(roles)} of {doc['total_roles']})",
        "",
    ]
    for r in roles:
        lines += [
            f"### {r['rank']}. {text(r['name'])} ({text(r['id'])}): score {r['score']}/100, "
            f"{text(r['band'])}",
            "",
            text(r["summary"]),
            "",
            "Why:",
            "",
        ]
        lines += [f"- {x['points']:+d} {text(x['text'])}" for x in r["reasons"]] or [
            "- no rule matched"
        ]
        lines += ["", f"Time to move: {text(r['timeline'])}", ""]
    if doc["close"]:
        lines += [f"Close call: {text(doc['close'])}", ""]
    lines += ["## Time to move", ""]
    lines += table(
        ["Role", "Time to move", "Based on"],
        [[r["name"], r["timeline"], r["timeline_from"]] for r in roles],
    )
    lines += ["", f"## Salary ranges, {text(doc['region'])}", ""]
    if doc["pay"]:
        lines += table(
            ["Role", "Level", f"Range ({doc['region']})", "Basis", "Source"],
            [[p["role"], p["level"], p["range"], p["basis"], p["source"]] for p in doc["pay"]],
        )
    if doc["pay_missing"]:
        lines += [
            "",
            f"No salary figure for {text(doc['region'])} in the sources for: "
            + text(", ".join(doc["pay_missing"])),
        ]
    lines += ["", text(doc["pay_note"])]
    plan = doc["plan"]
    if plan is not None:
        lines += ["", f"## Your path to {text(plan['role'])}", ""]
        lines += table(
            ["#", "Phase", "Id", "Weeks", "Status"],
            [[p["n"], p["title"], p["id"], p["weeks"], p["status"]] for p in plan["phases"]],
        )
        lines += ["", f"Total: {text(plan['total'])}.", ""]
        lines.append(f"Details: `aicareer path {text(plan['role_id'])} --answers FILE`")
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
            [
                r["name"],
                r["x"],
                r["y"],
                f"#{r['rank']} ({r['score']})" if r["rank"] else "",
            ]
            for r in sorted(m["roles"], key=lambda r: (r["y"], r["x"]))
        ],
    )
    if m["off_map"]:
        lines += ["", "Not on the guide's map (adjacent roles): " + text(", ".join(m["off_map"]))]
    if doc["next_steps"]:
        lines += ["", "## Next steps", ""]
        lines += [f"- `{s['command']}`: {text(s['what'])}" for s in doc["next_steps"]]
    lines += ["", "## Data", ""]
    lines += [
        f"- {text(s['title'])} ({text(s['publisher'])}, {text(s['as_of'])})" for s in doc["sources"]
    ]
    lines += ["", text(doc["data_line"]), ""]
    return "\n".join(lines)
