"""The report as a web page: semantic HTML from the report's document, nothing computed.

One self-contained file that leads with the answer: each recommended role in one sentence
(how long, the first step) with fit and readiness drawn as bars; then the plan for the best
fit as a timeline of dated phases; what to do next, in words; the comparison of the top
roles; each role in detail; the landscape map; the person's own answers; the sources, once.

CSS inline in `<style>`: readable from a 390 px phone to a desktop (tables turn into stacked
cards below 40em; no word is ever broken inside: cells wrap only between words, and a token
with a hyphen or slash, "$170K-$260K", is kept whole), with a print stylesheet for A4 and
Letter that fills pages rather than leaving them half-empty. Pictures are inline SVG with a
text equivalent beside them (`aicareer.render.svg_map` for the map). No JavaScript, nothing
fetched from the network. Every piece of text from the data or the answers goes through
`html.escape`.

`page(doc)` takes the mapping described in `aicareer.document.report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from aicareer.render.svg_map import landscape_svg

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d0d0d0;
  --accent: #0b4f8a; --soft: #f3f6fa; --track: #dde5ee; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; hyphens: manual; overflow-wrap: normal; word-break: normal; }
main { max-width: 52rem; margin: 0 auto; padding: .75rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: .5rem 0 .1rem; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
h4 { font-size: 1rem; margin: .7rem 0 .2rem; }
p, ul, ol, dl { margin: .4rem 0; }
ul, ol { padding-left: 1.4rem; }
.meta, .note, figcaption { color: var(--muted); font-size: .9rem; }
.w { white-space: nowrap; }
ol.lead { list-style: none; padding: 0; margin: .4rem 0; }
ol.lead > li { border: 1px solid var(--line); border-left: 5px solid var(--accent);
  border-radius: 8px; padding: .55rem .8rem; margin: .55rem 0; }
ol.lead h3 { display: flex; gap: .5rem; align-items: baseline; }
.rank { display: inline-block; min-width: 1.6rem; height: 1.6rem; border-radius: 50%;
  background: var(--accent); color: #fff; text-align: center; line-height: 1.6rem;
  font-size: .95rem; flex: none; }
.sentence { font-size: 1.05rem; margin: .15rem 0 .4rem; }
.bars { display: grid; grid-template-columns: 5.5rem 1fr 4.2rem; gap: .15rem .6rem;
  align-items: center; max-width: 30rem; font-size: .92rem; }
.bars svg { display: block; width: 100%; height: .7rem; }
.bars .v { font-variant-numeric: tabular-nums; text-align: right; }
.small { font-size: .9rem; color: var(--muted); margin: .3rem 0 0; }
ol.timeline { list-style: none; padding: 0; margin: .5rem 0; }
ol.timeline li { padding: .25rem 0; border-bottom: 1px solid #eee; }
.ph { display: flex; flex-wrap: wrap; gap: 0 .6rem; align-items: baseline; }
.ph .n { font-weight: 700; color: var(--accent); min-width: 1.2rem; }
.ph .t { font-weight: 600; }
.ph .d { color: var(--muted); font-size: .9rem; margin-left: auto; }
ol.timeline svg { display: block; width: 100%; height: .8rem; margin: .15rem 0 .1rem; }
ol.timeline li.skip .t { font-weight: normal; color: var(--muted); }
.scale { display: flex; justify-content: space-between; color: var(--muted);
  font-size: .85rem; }
article.role { border-top: 1px solid var(--line); padding: .6rem 0 .2rem; margin: .4rem 0; }
.fit { margin: .2rem 0 .4rem; }
ul.reasons { list-style: none; padding-left: 0; }
ul.reasons li { padding-left: 3.2rem; text-indent: -3.2rem; }
.pts { display: inline-block; width: 2.9rem; text-indent: 0; text-align: right;
  margin-right: .3rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.src { color: var(--muted); font-size: .9em; }
.close { background: var(--soft); border-left: 4px solid var(--accent); padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; table-layout: auto; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--line); overflow-wrap: normal; word-break: normal;
  hyphens: none; }
th { background: var(--soft); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: .5rem 0; }
figure svg { display: block; width: 100%; max-width: 34rem; height: auto; margin: 0 auto; }
ul.legend { max-width: 34rem; margin: .3rem auto; }
section.yours { font-size: .92rem; }
dl.answers { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.answers dt { font-weight: 600; }
dl.answers dd { margin: 0; }
footer { margin-top: 2rem; font-size: .92rem; }
@media (max-width: 40em) {
  main { padding: .4rem .8rem 2rem; }
  h1 { font-size: 1.35rem; margin-top: .2rem; }
  h2 { margin-top: 1.4rem; }
  .meta { font-size: .8rem; margin: 0; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block;
    width: 100%; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0;
    padding: .3rem .5rem; }
  table.stack td { border: 0; padding: .1rem 0; text-align: left; }
  table.stack td::before { content: attr(data-label) ": "; font-weight: 600; }
  table.stack td:first-child { font-weight: 700; }
  table.stack td:first-child::before { content: none; }
  dl.answers { grid-template-columns: 1fr; }
  dl.answers dd { margin-bottom: .3rem; }
  .ph .d { margin-left: 0; width: 100%; }
}
@page { size: A4; margin: 12mm 12mm 13mm; }
@media print {
  body { font: 9pt/1.3 Georgia, "Times New Roman", serif; color: #000; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 15pt; margin-top: 0; }
  h2 { font-size: 12pt; margin: .8rem 0 .3rem; border-bottom: 1px solid #000;
    break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 10pt; }
  h4 { font-size: 9pt; margin: .4rem 0 .1rem; }
  p, ul, ol, dl { margin: .2rem 0; }
  ol.lead > li, ol.timeline li, figure, tr, .close, .bars, ul.reasons li {
    break-inside: avoid; page-break-inside: avoid; }
  ol.lead { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
  ol.lead > li { border-color: #888; padding: .3rem .5rem; margin: 0; }
  .sentence { font-size: 9.5pt; }
  .bars { grid-template-columns: max-content 1fr max-content; font-size: 8.5pt; }
  .small, .meta, .note, figcaption, .src { font-size: 8pt; }
  ol.timeline li { padding: .05rem 0; }
  ol.timeline svg { height: .5rem; margin: .05rem 0; }
  .ph .d { font-size: 8pt; }
  ul.options { columns: 2; column-gap: 7mm; }
  ul.options li { break-inside: avoid; }
  section.roles { columns: 3; column-gap: 6mm; }
  section.roles h2 { column-span: all; }
  article.role { border-color: #888; padding-top: .2rem; }
  ul.reasons li { padding-left: 2.2rem; text-indent: -2.2rem; }
  .pts { width: 2rem; }
  th { background: none; border-bottom: 1.5px solid #000; }
  th, td { padding: .15rem .4rem; }
  thead { display: table-header-group; }
  .rank { background: none; color: #000; border: 1.5px solid #000; }
  figure svg { max-width: 9cm; }
  section.yours, footer { font-size: 8.5pt; }
  dl.answers { grid-template-columns: max-content 1fr max-content 1fr; }
  p, li { orphans: 2; widows: 2; }
}
"""

# --- the pieces ----------------------------------------------------------------------


def _words(text: object) -> str:
    """Escaped text that wraps only between words: a token holding a hyphen or a slash
    ("$170K-$260K", "2025-2026", "and/or") is kept whole, since a browser may break there."""
    return " ".join(
        f'<span class="w">{escape(t)}</span>' if ("-" in t or "/" in t) else escape(t)
        for t in str(text).split(" ")
    )


def _table(
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


def _role(r: Mapping[str, Any], level: str) -> str:
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
        out.append(f"<h4>Pay ({escape(level)} level)</h4><ul>")
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


def _lead(doc: Mapping[str, Any]) -> list[str]:
    res = doc["result"]
    level = res["pay_level"]
    pay = {r["rank"]: r for r in res["recommendations"]}
    out = ['<ol class="lead">']
    for e in doc["lead"]:
        r = pay.get(e["rank"])
        money = ""
        if r is not None:
            money = (
                f"Pay ({escape(level)} level): {_words(r['pay'][0]['text'])}"
                if r["pay"]
                else f"Pay: {escape(r['pay_missing'])}"
            )
        words = e["fit_words"][:1].upper() + e["fit_words"][1:]
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


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def _timeline(plan: Mapping[str, Any]) -> list[str]:
    """The plan as dated phases, each with a bar on one shared time scale (inline SVG)."""
    start = _date(plan["start"])
    ends = [_date(p["end"]) for p in plan["phases"] if p["end"]]
    last = max([*ends, _date(plan["finish"][1])])
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
        a, b = _date(p["start"]), _date(p["end"])
        x0, x1 = (a - start).days * 1000 / span, (b - start).days * 1000 / span
        out.append(
            f'<li><div class="ph"><span class="n">{p["n"]}</span>'
            f'<span class="t">{escape(p["title"])}</span>'
            f'<span class="d">{_words(_day(a))} to {_words(_day(b))} · '
            f"{_words(p['weeks'])} weeks · {escape(p['status'])}</span></div>"
            '<svg viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" '
            f'focusable="false"><rect width="1000" height="10" fill="#eef2f7"/>{grid}'
            f'<rect x="{x0:.0f}" width="{max(4.0, x1 - x0):.0f}" height="10" rx="2" '
            'fill="#0b4f8a"/></svg></li>'
        )
    out += [
        "</ol>",
        f'<div class="scale" aria-hidden="true"><span>{_day(start)}</span>'
        f"<span>{_day(last)}</span></div>",
    ]
    return out


# --- the page ------------------------------------------------------------------------


def page(doc: Mapping[str, Any]) -> str:
    """The whole report as one HTML document."""
    res = doc["result"]
    roles = res["recommendations"]
    level = res["pay_level"]
    names = ", ".join(r["name"] for r in roles)
    title = f"{doc['title']}: {names}" if names else doc["title"]
    out = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{escape(doc["made_by"])}">',
        f"<title>{escape(title)} ({escape(doc['date'])})</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{escape(doc['title'])}</h1>",
        f'<p class="meta">Made on {escape(doc["date"])} from your answers (listed near the '
        "end).</p>",
        "</header>",
        '<section aria-labelledby="answer">',
        f'<h2 id="answer">Your best-fitting AI roles (top {len(roles)})</h2>',
    ]
    nofit = res["no_clear_fit_detail"]
    if nofit:
        out += [
            f'<p class="close">{escape(nofit["message"])}</p>',
            "<ul>",
            *(f"<li>{escape(x)}</li>" for x in nofit["suggestions"]),
            "</ul>",
        ]
    if doc["lead"]:
        out += _lead(doc)
    close = res["close_call"]
    if close:
        gap = close["gap"]
        out.append(
            f'<p class="close"><strong>Close call:</strong> {escape(close["first_name"])} and '
            f"{escape(close['second_name'])} are {gap} point{'s' if gap != 1 else ''} apart "
            f"({escape(close['decided_by'])}).</p>"
        )
    out.append("</section>")
    plan = doc["plan"]
    if plan is not None:
        first, last = (_date(x) for x in plan["finish"])
        out += [
            f'<section aria-labelledby="plan"><h2 id="plan">Your plan to become '
            f"{escape(plan['role'])}</h2>",
            f"<p>From {_day(_date(plan['start']))} at {escape(plan['pace'])}: ready between "
            f"{_day(first)} and {_day(last)}. Each bar is a phase, on one time scale; the "
            "dates use the later estimate.</p>",
            *_timeline(plan),
            f'<p class="note">Total: {escape(plan["total"])}.</p>',
            "</section>",
        ]
    if doc["next"]:
        out += [
            '<section aria-labelledby="next"><h2 id="next">What to do next</h2><ul>',
            *(f"<li>{escape(x)}</li>" for x in doc["next"]),
            "</ul></section>",
        ]
    sheet = doc.get("decision")
    if sheet is not None:
        out += [
            '<section aria-labelledby="decide"><h2 id="decide">Choosing between your top roles'
            "</h2>",
            f"<p>Study time at {escape(sheet['pace'])}; pay at {escape(sheet['level'])} level.</p>",
            _table(sheet["compare"]["headers"], sheet["compare"]["rows"], numeric=(1, 2)),
            '<h3>Risks, what you would still need, and a cheap test</h3><ul class="options">',
            *(
                f"<li><strong>{escape(r['role'])}</strong>: risks: {escape(r['risks'])}. "
                f"Still to learn: {escape(r['gap'])}."
                + (f" Try first: {escape(r['cheap_test'])}" if r["cheap_test"] else "")
                + "</li>"
                for r in sheet["rows"]
            ),
            "</ul>",
            f"<p><strong>The question to ask yourself:</strong> {escape(sheet['question'])}</p>",
            "</section>",
        ]
    out += [
        '<section class="roles" aria-labelledby="roles"><h2 id="roles">Each role in detail</h2>',
        *(_role(r, level) for r in roles),
        f'<p class="note">{escape(res["scoring"])}</p></section>',
    ]
    if res["later"]:
        out += [
            '<section aria-labelledby="later"><h2 id="later">Fits what you want, but later</h2>',
            "<ul>",
            *(
                f"<li><strong>{escape(e['name'])}</strong> (fit {e['fit']['score']}): "
                + escape(
                    "; ".join(q["change"] for q in e["requirements"] if q["change"])
                    or e["status_note"]
                )
                + "</li>"
                for e in res["later"]
            ),
            "</ul></section>",
        ]
    m = doc["map"]
    svg, legend = landscape_svg(m)
    out += [
        '<section aria-labelledby="map"><h2 id="map">The landscape</h2>',
        f"<figure>{svg}",
        *(
            ['<ul class="legend">', *(f"<li>{escape(x)}</li>" for x in legend), "</ul>"]
            if legend
            else []
        ),
        "<figcaption>Where each role sits, after the landscape in “AI Roles &amp; Career "
        f"Paths” (Code Guide): left to right, {escape(m['x_low'])} to {escape(m['x_high'])}; "
        f"top to bottom, {escape(m['y_low'])} to {escape(m['y_high'])}. Your top roles are "
        "numbered, with their score.</figcaption>",
        "</figure>",
    ]
    if m["off_map"]:
        out.append(
            f'<p class="note">Not on the guide\'s map (adjacent roles): '
            f"{escape(', '.join(m['off_map']))}.</p>"
        )
    out += [
        "</section>",
        '<section class="yours" aria-labelledby="answers"><h2 id="answers">Your answers</h2>',
        '<dl class="answers">',
        *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in doc["answers"]),
        "</dl></section>",
        '<footer aria-labelledby="sources"><h2 id="sources">Sources</h2><ul>',
        *(
            f"<li>{escape(s['title'])} ({escape(s['publisher'])}, {escape(s['as_of'])})</li>"
            for s in doc["sources"]
        ),
        "</ul>",
        f'<p class="note">Figures are indicative. Made by {escape(doc["made_by"])} with '
        f"{escape(doc['data_versions'])}.</p>",
        "</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)
