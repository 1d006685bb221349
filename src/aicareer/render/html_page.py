"""The report as a web page: semantic HTML from the result document, nothing computed.

One self-contained file: a `<title>`, an `<h1>`, one `<h2>` per section, tables for tabular
facts and lists for reasons and steps; CSS inline in `<style>` (readable from a 390 px
phone to a desktop: tables turn into stacked cards below 40em) with a print stylesheet,
so a browser's "print to PDF" makes a clean document; the landscape map as inline SVG
drawn from the roles' axes (`aicareer.render.svg_map`). No JavaScript, nothing fetched from the
network. Every piece of text from the data or the answers goes through `html.escape`.

`page(doc)` takes the mapping described in `aicareer.document.report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from aicareer.render.svg_map import landscape_svg

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d0d0d0;
  --accent: #0b4f8a; --soft: #f3f6fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1rem 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.12rem; margin: 0 0 .3rem; }
h4 { font-size: 1rem; margin: .8rem 0 .2rem; }
p, ul, ol, dl { margin: .4rem 0; }
ul, ol { padding-left: 1.4rem; }
.meta, .note, figcaption { color: var(--muted); font-size: .92rem; }
.id { color: var(--muted); font-weight: normal; font-size: .9em; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .92em; background: var(--soft); padding: .05em .3em; border-radius: 3px;
  overflow-wrap: anywhere; }
dl.answers { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.answers dt { font-weight: 600; }
dl.answers dd { margin: 0; }
article.role { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem;
  margin: .8rem 0; }
.fit { font-size: 1.05rem; margin: .2rem 0 .5rem; }
.fit strong { color: var(--accent); }
ul.reasons { list-style: none; padding-left: 0; }
ul.reasons li { padding-left: 3.2rem; text-indent: -3.2rem; }
.pts { display: inline-block; width: 2.9rem; text-indent: 0; text-align: right;
  margin-right: .3rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.src { color: var(--muted); font-size: .9em; }
.close { background: var(--soft); border-left: 4px solid var(--accent); padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { background: var(--soft); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.whole, th.num { white-space: nowrap; }
figure { margin: .5rem 0; }
figure svg { display: block; width: 100%; max-width: 34rem; height: auto; margin: 0 auto; }
ul.legend { max-width: 34rem; margin: .3rem auto; }
footer { margin-top: 2.5rem; }
@media (max-width: 40em) {
  main { padding: .5rem .8rem 2rem; }
  h1 { font-size: 1.55rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block;
    width: 100%; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0;
    padding: .3rem .5rem; }
  table.stack td { border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
  table.stack td.whole { white-space: nowrap; }
  table.stack td::before { content: attr(data-label) ": "; font-weight: 600; }
  dl.answers { grid-template-columns: 1fr; }
  dl.answers dd { margin-bottom: .3rem; }
}
@page { margin: 16mm 14mm; }
@media print {
  body { font: 10.5pt/1.4 Georgia, "Times New Roman", serif; color: #000; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13.5pt; margin-top: 1.2rem; border-bottom: 1px solid #000;
    break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  article.role, figure, tr, .close { break-inside: avoid; page-break-inside: avoid; }
  article.role { border-color: #888; }
  th { background: none; border-bottom: 1.5px solid #000; }
  thead { display: table-header-group; }
  code { background: none; padding: 0; }
  .fit strong, .pts { color: #000; }
  figure svg { max-width: 15cm; }
}
"""

# --- the page ------------------------------------------------------------------------


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    numeric: Sequence[int] = (),
    whole: Sequence[int] = (),
) -> str:
    """A table that stacks into cards on a phone. `numeric` columns align right; `whole`
    columns (figures, ranges) never wrap, so a figure is never cut in two."""

    def cls(i: int) -> str:
        names = [n for n, on in (("num", i in numeric), ("whole", i in whole)) if on]
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = "".join(
            f'<td data-label="{escape(h)}"{cls(i)}>{escape(str(v))}</td>'
            for i, (h, v) in enumerate(zip(headers, row, strict=True))
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="stack"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


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
        f'<h3>{r["rank"]}. {escape(r["name"])} <span class="id">({escape(r["role"])})</span></h3>',
        f'<p class="fit">Score <strong>{r["score"]}/100</strong>, {escape(r["band"])}: '
        f"{escape(r['status_note'])}</p>",
        f"<p>{escape(r['summary'])}</p>",
        f"<h4>Fit {r['fit']['score']}</h4>",
        _html_whys(w for w in r["fit"]["reasons"] if w["points"]),
        f"<h4>Readiness {ready['score']}</h4>",
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
            f"<li><strong>{escape(p['text'])}</strong>, {escape(p['basis'])} "
            f"({escape(p['source'])})" + (f". {escape(p['note'])}" if p["note"] else "") + "</li>"
            for p in r["pay"]
        ]
        out.append("</ul>")
    else:
        out.append(f"<p><strong>Pay:</strong> {escape(r['pay_missing'])}</p>")
    out += [f"<p><strong>Demand:</strong> {escape(r['demand'])}</p>", "</article>"]
    return "".join(out)


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
        f'<p class="meta">Made by {escape(doc["made_by"])} on {escape(doc["date"])}, '
        f"with data {escape(doc['data_version'])}.</p>",
        "</header>",
        '<section aria-labelledby="answers"><h2 id="answers">Your answers</h2>',
        '<dl class="answers">',
        *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in doc["answers"]),
        "</dl></section>",
        '<section aria-labelledby="summary">',
        f'<h2 id="summary">Your best-fitting AI roles (top {len(roles)})</h2>',
    ]
    nofit = res["no_clear_fit_detail"]
    if nofit:
        out += [
            f'<p class="close">{escape(nofit["message"])}</p>',
            "<ul>",
            *(f"<li>{escape(x)}</li>" for x in nofit["suggestions"]),
            "</ul>",
        ]
    if roles:
        out.append(
            _table(
                doc["summary"]["headers"],
                doc["summary"]["rows"],
                numeric=(0, 3, 4),
                whole=(0, 2, 3, 4, 6),
            )
        )
    close = res["close_call"]
    if close:
        gap = close["gap"]
        out.append(
            f'<p class="close"><strong>Close call:</strong> {escape(close["first_name"])} and '
            f"{escape(close['second_name'])} are {gap} point{'s' if gap != 1 else ''} apart "
            f"({escape(close['decided_by'])}).</p>"
        )
    if res["next_steps"]:
        step = res["next_steps"][0]
        out.append(
            f"<p><strong>Next step:</strong> {escape(step['what'])}: "
            f"<code>{escape(step['command'])}</code></p>"
        )
    out += [
        "</section>",
        '<section aria-labelledby="roles"><h2 id="roles">Each role in detail</h2>',
    ]
    out += [_role(r, level) for r in roles]
    out.append(f'<p class="note">{escape(res["scoring"])}</p></section>')
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
    plan = doc["plan"]
    if plan is not None:
        out += [
            f'<section aria-labelledby="path"><h2 id="path">Your path to {escape(plan["role"])}'
            "</h2>",
            _table(
                ["#", "Phase", "Id", "Weeks", "Status"],
                [[p["n"], p["title"], p["id"], p["weeks"], p["status"]] for p in plan["phases"]],
                numeric=(0, 3),
                whole=(0, 3),
            ),
            f"<p><strong>Total:</strong> {escape(plan['total'])}.</p>",
            "</section>",
        ]
    sheet = doc.get("decision")
    if sheet is not None:
        out += [
            '<section aria-labelledby="decide"><h2 id="decide">Choosing between your top roles'
            "</h2>",
            f"<p>Study time at {escape(sheet['pace'])}; pay at {escape(sheet['level'])} level.</p>",
            _table(
                sheet["headers"],
                sheet["table"],
                numeric=(1, 2),
                whole=(1, 2, 5),
            ),
            "<h3>What you would still need, and a cheap test</h3><ul>",
            *(
                f"<li><strong>{escape(r['role'])}</strong>: still to learn: {escape(r['gap'])}."
                + (f" Try first: {escape(r['cheap_test'])}" if r["cheap_test"] else "")
                + "</li>"
                for r in sheet["rows"]
            ),
            "</ul>",
            f"<p><strong>The question to ask yourself:</strong> {escape(sheet['question'])}</p>",
            "</section>",
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
        "<figcaption>After the roles guide's landscape: left to right, "
        f"{escape(m['x_low'])} to {escape(m['x_high'])}; top to bottom, {escape(m['y_low'])} "
        f"to {escape(m['y_high'])}. Your top roles are numbered, with their score.</figcaption>",
        "</figure>",
    ]
    if m["off_map"]:
        out.append(
            f'<p class="note">Not on the guide\'s map (adjacent roles): '
            f"{escape(', '.join(m['off_map']))}.</p>"
        )
    out.append("</section>")
    if res["next_steps"]:
        out += [
            '<section aria-labelledby="next"><h2 id="next">Next steps</h2><ul>',
            *(
                f"<li><code>{escape(s['command'])}</code>: {escape(s['what'])}</li>"
                for s in res["next_steps"]
            ),
            "</ul></section>",
        ]
    out += [
        '<footer aria-labelledby="sources"><h2 id="sources">Data and sources</h2><ul>',
        *(
            f"<li>{escape(s['title'])} ({escape(s['publisher'])}, {escape(s['as_of'])})</li>"
            for s in doc["sources"]
        ),
        "</ul>",
        f'<p class="note">{escape(doc["data_line"])}</p>',
        "</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)
