"""The report page's pieces, each a string of HTML from the report's document: a table
that stacks into cards on a phone, fit and readiness drawn as bars, the reasons with their
points, one role in detail (`role_article`), the lead (`lead`: each recommended role in one
sentence) and the plan as dated phases on one time scale (`timeline`). Every text from the
data or the answers goes through `html.escape`; nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any


def _words(text: object) -> str:
    """Escaped text that wraps only between words: a token holding a hyphen or a slash
    ("$170K-$260K", "2025-2026", "and/or") is kept whole, since a browser may break there."""
    return " ".join(
        f'<span class="w">{escape(t)}</span>' if ("-" in t or "/" in t) else escape(t)
        for t in str(text).split(" ")
    )


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    numeric: Sequence[int] = (),
) -> str:
    """A table that stacks into cards on a phone; no cell breaks a word inside."""

    def cls(i: int) -> str:
        return ' class="num"' if i in numeric else ""

    head = "".join(f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = "".join(
            f'<td data-label="{escape(h)}"{cls(i)}>{_words(v)}</td>'
            for i, (h, v) in enumerate(zip(headers, row, strict=True))
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="stack"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _bar(value: object, label: str) -> str:
    """A 0-100 figure drawn as a bar, with the figure beside it in words."""
    v = max(0, min(100, int(value))) if isinstance(value, int | float) else 0
    svg = (
        '<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false"><rect width="100" height="10" rx="2" fill="#dde5ee"/>'
        f'<rect width="{v}" height="10" rx="2" fill="#0b4f8a"/></svg>'
    )
    return f'<span>{escape(label)}</span>{svg}<span class="v">{escape(str(value))}/100</span>'


def _html_whys(whys: Iterable[Mapping[str, Any]]) -> str:
    items = "".join(
        f'<li><span class="pts">{w["points"]:+d}</span> {escape(w["text"])}'
        + (f' <span class="src">({escape(w["source"])})</span>' if w["source"] else "")
        + "</li>"
        for w in whys
    )
    return f'<ul class="reasons">{items}</ul>' if items else "<p>-</p>"


def role_article(r: Mapping[str, Any]) -> str:
    ready = r["readiness"]
    out = [
        f'<article class="role" id="role-{escape(r["role"])}">',
        f"<h3>{r['rank']}. {escape(r['name'])}</h3>",
        f"<p>{escape(r['summary'])}</p>",
        f'<p class="fit">Score <strong>{r["score"]}/100</strong>, {escape(r["band"])}'
        + (f": {escape(r['status_note'])}" if r["status_note"] else ".")
        + "</p>",
        f"<h4>Why it fits what you want ({r['fit']['score']}/100)</h4>",
        _html_whys(w for w in r["fit"]["reasons"] if w["points"]),
        f"<h4>How ready you are ({ready['score']}/100)</h4>",
        _html_whys(ready["reasons"]),
        f"<p><strong>Time:</strong> {escape(ready['timeline'] or 'not stated')} "
        f"({escape(ready['timeline_note'])}"
        + (f"; {escape(ready['source'])}" if ready["source"] else "")
        + ")</p>",
    ]
    if r["requirements"]:
        out.append("<h4>Needs</h4><ul>")
        out += [
            f"<li>{'met' if q['met'] else 'not yet'}: {escape(q['needed'])}"
            + (f" ({escape(q['change'])})" if q["change"] and not q["met"] else "")
            + "</li>"
            for q in r["requirements"]
        ]
        out.append("</ul>")
    if r["pay"]:
        out.append(f"<h4>Pay ({escape(r['pay_level'])} level)</h4><ul>")
        out += [
            f"<li><strong>{_words(p['text'])}</strong>, {escape(p['basis'])} "
            f"({escape(p['source'])})" + (f". {escape(p['note'])}" if p["note"] else "") + "</li>"
            for p in r["pay"]
        ]
        out.append("</ul>")
    else:
        out.append(f"<p><strong>Pay:</strong> {escape(r['pay_missing'])}</p>")
    out += [f"<p><strong>Demand:</strong> {escape(r['demand'])}</p>", "</article>"]
    return "".join(out)


def lead(doc: Mapping[str, Any]) -> list[str]:
    res = doc["result"]
    pay = {r["rank"]: r for r in res["recommendations"]}
    out = ['<ol class="lead">']
    for e in doc["lead"]:
        r = pay.get(e["rank"])
        money = ""
        if r is not None:
            money = (
                f"Pay ({escape(r['pay_level'])} level): {_words(r['pay'][0]['text'])}"
                if r["pay"]
                else f"Pay: {escape(r['pay_missing'])}"
            )
        words = ". ".join(w[:1].upper() + w[1:] for w in (e["fit_words"], e["market_words"]) if w)
        out += [
            f'<li><h3><span class="rank" aria-label="number {e["rank"]}">{e["rank"]}</span>'
            f"<span>{escape(e['name'])}</span></h3>",
            f'<p class="sentence">{_words(e["sentence"])}</p>',
            '<div class="bars">',
            _bar(e["fit"], "Fit"),
            _bar(e["readiness"], "Readiness"),
            "</div>",
            f'<p class="small">{escape(words + ". " if words else "")}'
            f"{escape(e['status_note'])} {money}</p>",
            "</li>",
        ]
    out.append("</ol>")
    return out


def iso_date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def timeline(plan: Mapping[str, Any]) -> list[str]:
    """The plan as dated phases, each with a bar on one shared time scale (inline SVG)."""
    start = iso_date(plan["start"])
    ends = [iso_date(p["end"]) for p in plan["phases"] if p["end"]]
    last = max([*ends, iso_date(plan["finish"][1])])
    span = max(1, (last - start).days)
    # Month boundaries, as faint lines on every bar.
    ticks = []
    m = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    while m < last:
        ticks.append((m - start).days * 1000 / span)
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    grid = "".join(
        f'<line x1="{x:.0f}" x2="{x:.0f}" y1="0" y2="10" stroke="#c8d2de" stroke-width="2"/>'
        for x in ticks
    )
    out = [
        '<ol class="timeline">',
    ]
    for p in plan["phases"]:
        if p["skipped"] or not p["end"]:
            out.append(
                f'<li class="skip"><div class="ph"><span class="n">{p["n"]}</span>'
                f'<span class="t">{escape(p["title"])}</span>'
                f'<span class="d">{escape(p["status"])}</span></div></li>'
            )
            continue
        a, b = iso_date(p["start"]), iso_date(p["end"])
        x0, x1 = (a - start).days * 1000 / span, (b - start).days * 1000 / span
        out.append(
            f'<li><div class="ph"><span class="n">{p["n"]}</span>'
            f'<span class="t">{escape(p["title"])}</span>'
            f'<span class="d">{_words(day(a))} to {_words(day(b))} · '
            f"{_words(p['weeks'])} weeks · {escape(p['status'])}</span></div>"
            '<svg viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" '
            f'focusable="false"><rect width="1000" height="10" fill="#eef2f7"/>{grid}'
            f'<rect x="{x0:.0f}" width="{max(4.0, x1 - x0):.0f}" height="10" rx="2" '
            'fill="#0b4f8a"/></svg></li>'
        )
    out += [
        "</ol>",
        f'<div class="scale" aria-hidden="true"><span>{day(start)}</span>'
        f"<span>{day(last)}</span></div>",
    ]
    return out
