"""The report as a web page: semantic HTML from the report's document, nothing computed.

One self-contained file that leads with the answer: each recommended role in one sentence
(how long, the first step) with fit and readiness drawn as bars; then the plan for the best
fit as a timeline of dated phases; what to do next, in words; the comparison of the top
roles; each role in detail; the landscape map; the person's own answers; the sources, once.

CSS inline in `<style>` (`html_style`): readable from a 390 px phone to a desktop, with a
print stylesheet for A4 and Letter. The pieces (tables, bars, each role, the timeline) are
drawn by `html_pieces`; this module puts them in order. Pictures are inline SVG with a text
equivalent beside them (`aicareer.render.svg_map` for the map). No JavaScript, nothing
fetched from the network. Every piece of text from the data or the answers goes through
`html.escape`.

`page(doc)` takes the mapping described in `aicareer.document.report`.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from aicareer.render.html_pieces import day, iso_date, lead, role_article, table, timeline
from aicareer.render.html_style import CSS
from aicareer.render.svg_map import landscape_svg


def page(doc: Mapping[str, Any]) -> str:
    """The whole report as one HTML document."""
    res = doc["result"]
    roles = res["recommendations"]
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
        out += lead(doc)
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
        first, last = (iso_date(x) for x in plan["finish"])
        out += [
            f'<section aria-labelledby="plan"><h2 id="plan">Your plan to become '
            f"{escape(plan['role'])}</h2>",
            f"<p>From {day(iso_date(plan['start']))} at {escape(plan['pace'])}: ready between "
            f"{day(first)} and {day(last)}. Each bar is a phase, on one time scale; the "
            "dates use the later estimate.</p>",
            *timeline(plan),
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
            f"<p>Study time at {escape(sheet['pace'])}; pay at the level that counts for each"
            " role.</p>",
            table(sheet["compare"]["headers"], sheet["compare"]["rows"], numeric=(1, 2)),
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
        *(role_article(r) for r in roles),
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
