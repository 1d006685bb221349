"""The HTML report as a real page: structure and escaping, then a real headless browser.

The browser part drives Debian's Chromium (/usr/bin/chromium, or $AICAREER_CHROMIUM) with
Playwright's Python package; Playwright's own browser download is not used. Outside CI a
missing Chromium or Playwright skips it, with the reason in pytest's summary; in CI
(CI=true, where .ci/run installs Chromium) it fails instead.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest

from aicareer.document.build import build
from aicareer.document.report import report_document
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile
from aicareer.render.html_page import page
from aicareer.render.md_page import markdown
from aicareer.render.svg_map import landscape_svg

CHROMIUM = os.environ.get("AICAREER_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NETWORK = re.compile(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}|url\(|@import|<link|<script", re.I)
EVIL = '<script>alert("x")</script> & <b>bold</b>'


@pytest.fixture(scope="module")
def doc(dataset: Dataset) -> dict[str, Any]:
    profile = Profile(background="backend-engineer", years=5, interests=["agents", "reliability"])
    return report_document(dataset, profile, build(dataset, profile), dt.date(2026, 7, 1))


@pytest.fixture(scope="module")
def html(doc: dict[str, Any]) -> str:
    return page(doc)


# --- the page's structure, without a browser ---------------------------------------------


def test_the_page_is_semantic_html(html: str, doc: dict[str, Any]) -> None:
    roles = doc["result"]["recommendations"]
    names = ", ".join(r["name"] for r in roles)
    assert html.startswith('<!doctype html>\n<html lang="en">')
    assert f"<title>Your AI career report: {names} (2026-07-01)</title>" in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count("<h1>") == 1
    h2 = re.findall(r"<h2 id=\"[a-z]+\">([^<]+)</h2>", html)
    # The answer first, then the plan and what to do next; details, the person's own
    # answers and the sources (once) after.
    assert h2 == [
        "Your best-fitting AI roles (top 3)",
        f"Your plan to become {roles[0]['name']}",
        "What to do next",
        "Choosing between your top roles",
        "Each role in detail",
        *(["Fits what you want, but later"] if doc["result"]["later"] else []),
        "The landscape",
        "Your answers",
        "Sources",
    ]
    # One sentence per role, with fit and readiness drawn as bars and said in figures.
    assert html.count('<p class="sentence">') == len(roles) == 3
    for e in doc["lead"]:
        shown = re.sub(r'<span class="w">([^<]*)</span>', r"\1", html)
        assert f'<p class="sentence">{escape(e["sentence"])}</p>' in shown
        assert f'<span class="v">{e["fit"]}/100</span>' in html
    assert html.count('<svg viewBox="0 0 100 10"') == 6
    # The plan as dated phases, each a bar on one time scale.
    todo = [p for p in doc["plan"]["phases"] if not p["skipped"]]
    assert html.count('<svg viewBox="0 0 1000 10"') == len(todo) >= 3
    # Only the decision sheet is a table (7 columns); no internal ids as a column.
    assert html.count("<table") == 1 and html.count('<th scope="col"') == 7
    assert ">Id</th>" not in html
    for phase in doc["plan"]["phases"]:
        assert f">{phase['id']}<" not in html
    assert "The question to ask yourself:" in html
    assert "Try first:" in html
    assert html.count('<article class="role"') == 3
    first = roles[0]["fit"]["reasons"][0]
    assert f'<li><span class="pts">{first["points"]:+d}</span> {escape(first["text"])}' in html
    assert "@media print" in html and "@media (max-width: 40em)" in html


def test_shareable_next_steps_in_words_and_sources_once(html: str, doc: dict[str, Any]) -> None:
    body = html[html.index("<body>") :]
    assert "aicareer " not in re.sub(r"Made by aicareer [0-9.]+", "", body)  # no commands
    assert "<code>" not in body
    for s in doc["sources"]:
        assert body.count(escape(s["title"])) == 1, s["title"]
    assert body.index('id="next"') < body.index('id="answers"')
    assert len(doc["next"]) >= 3


def test_the_results_come_before_the_answers(html: str) -> None:
    assert html.index('id="answer"') < html.index('id="plan"') < html.index('id="answers"')


def test_nothing_is_loaded_and_nothing_runs(html: str) -> None:
    assert NETWORK.findall(html) == []
    assert "<script" not in html.lower()
    assert re.findall(r"<[^>]*\son[a-z]+\s*=", html, re.I) == []  # no event handlers


def test_the_map_is_svg_drawn_from_the_axes(html: str, doc: dict[str, Any]) -> None:
    svg, legend = landscape_svg(doc["map"])
    assert svg in html
    on_map = doc["map"]["roles"]
    assert svg.count('<circle class="marker"') == len(on_map) == 12
    # Every role is named beside its marker or, when no spot is free, in the legend.
    shown = svg.replace("&amp;", "&")
    for r in on_map:
        name = r["name"] + (f" ({r['score']})" if r["rank"] else "")
        assert f">{name}</text>" in shown or any(x.endswith(f": {name}") for x in legend)
    assert legend == []  # on the real map every role is named beside its marker
    for line in legend:
        assert f"<li>{escape(line)}</li>" in html
    # The top three are numbered markers, their score beside the name.
    for r in doc["result"]["recommendations"]:
        assert f'fill="#fff">{r["rank"]}</text>' in svg
    assert '<title id="map-title">' in svg and 'role="img"' in svg


def test_map_labels_never_overlap(doc: dict[str, Any]) -> None:
    # Every role at the same spot: one label fits, the others go to the legend.
    crowded = {
        **doc["map"],
        "roles": [{**r, "x": 5, "y": 5, "at": None} for r in doc["map"]["roles"]],
    }
    svg, legend = landscape_svg(crowded)
    names = [r["name"] + (f" ({r['score']})" if r["rank"] else "") for r in crowded["roles"]]
    beside = [n for n in names if f">{escape(n)}</text>" in svg]
    keyed = [n for n in names if any(x.endswith(f": {n}") for x in legend)]
    assert sorted(beside + keyed) == sorted(names)
    assert len(keyed) >= 8


def test_text_from_data_and_answers_is_escaped(doc: dict[str, Any]) -> None:
    bad = copy.deepcopy(doc)
    first = bad["result"]["recommendations"][0]
    bad["answers"][0][1] = EVIL
    first["name"] = EVIL
    first["summary"] = EVIL
    bad["lead"][0]["sentence"] = EVIL
    first["fit"]["reasons"][0]["text"] = EVIL
    first["pay"][0]["text"] = EVIL
    bad["map"]["roles"][0]["name"] = EVIL
    bad["sources"][0]["title"] = EVIL
    out = page(bad)
    assert "<script" not in out and "<b>" not in out
    shown = re.sub(r'<span class="w">([^<]*)</span>', r"\1", out)
    assert shown.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;") >= 8
    md = markdown(bad)
    assert "<script" not in md and "<b>" not in md
    assert md.count("&lt;script&gt;") >= 7
    assert '| &lt;script&gt;alert("x")&lt;/script&gt; & &lt;b&gt;bold&lt;/b&gt; |' in md


def test_the_renderers_read_only_the_document(doc: dict[str, Any]) -> None:
    # Same document, same page: the renderers take no data, profile or engine.
    assert page(copy.deepcopy(doc)) == page(doc)
    assert markdown(copy.deepcopy(doc)) == markdown(doc)


# --- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "the playwright package is not installed (pip install -e '.[dev]')"
    if reason is None and not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set AICAREER_CHROMIUM)"
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test must run in CI: {reason}")
        pytest.skip(reason)
    with tempfile.TemporaryDirectory() as profile_dir, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile_dir, executable_path=CHROMIUM, headless=True, args=ARGS
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def report_file(html: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html, "utf-8")
    return path


#: The three README profiles, whose reports must print on few pages.
PROFILES = {
    "backend engineer": Profile(
        background="backend-engineer", years=5, interests=["agents", "reliability"]
    ),
    "product manager": Profile(
        background="product-manager",
        years=6,
        coding="none",
        interests=["product-management", "prompting"],
    ),
    "student": Profile(
        background="student", years=0, coding="basic", interests=["research", "model-training"]
    ),
}
MAX_PAGES = 3

#: Every word (a run without white space) in every table cell, as the browser lays it out:
#: a word broken inside spans two line boxes, so its Range has rects on two lines.
BROKEN_WORDS = """() => {
  const broken = [];
  const where = 'table th, table td, ol.lead li, ol.timeline li';
  for (const cell of document.querySelectorAll(where)) {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      const re = /\\S+/g; let m;
      while ((m = re.exec(node.data)) !== null) {
        const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(b => b.width > 0)
          .map(b => Math.round(b.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return {broken, cells: document.querySelectorAll('table td').length};
}"""

#: The map's labels and markers as the browser draws them, with the map's scale.
MAP_BOXES = """() => {
  const svg = document.querySelector('figure svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const box = e => { const b = e.getBoundingClientRect();
    return [b.left, b.top, b.right, b.bottom]; };
  return {
    scale,
    labels: [...svg.querySelectorAll('text.label')].map(t => ({role: t.dataset.role,
      box: box(t), font: parseFloat(getComputedStyle(t).fontSize) * scale})),
    texts: [...svg.querySelectorAll('text')].map(t =>
      parseFloat(getComputedStyle(t).fontSize) * scale),
    markers: [...svg.querySelectorAll('circle.marker')].map(c => ({role: c.dataset.role,
      box: box(c)})),
  };
}"""


def _apart(a: list[float], b: list[float]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def _distance(box: list[float], marker: list[float]) -> float:
    x, y = (marker[0] + marker[2]) / 2, (marker[1] + marker[3]) / 2
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return float((dx * dx + dy * dy) ** 0.5)


def _open(browser: Any, path: Path, width: int, requests: list[str]) -> Any:
    tab = browser.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    tab.on("request", lambda r: requests.append(r.url))
    tab.goto(path.as_uri())
    return tab


@pytest.mark.parametrize("width", [390, 800, 1280])
def test_in_chromium_the_page_fits_every_width(
    browser: Any, report_file: Path, width: int, tmp_path: Path
) -> None:
    requests: list[str] = []
    tab = _open(browser, report_file, width, requests)
    try:
        sizes = tab.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
            " h1: document.querySelectorAll('h1').length,"
            " h2: document.querySelectorAll('h2').length,"
            " tables: document.querySelectorAll('table').length,"
            " answer: document.querySelector('ol.lead li').getBoundingClientRect().top,"
            " answers: document.getElementById('answers').getBoundingClientRect().top,"
            " font: parseFloat(getComputedStyle(document.body).fontSize)})"
        )
        assert sizes["scroll"] <= sizes["inner"] == width, sizes  # no horizontal scroll
        assert sizes["h1"] == 1 and sizes["h2"] >= 8 and sizes["tables"] == 1
        assert sizes["font"] >= 16
        # The results begin on the first screen, even on a phone; the answers come later.
        assert sizes["answer"] < 300 < 900 < sizes["answers"], sizes
        shot = tab.screenshot(full_page=True)
        assert shot.startswith(b"\x89PNG") and len(shot) > 20_000
        Path(os.environ.get("AICAREER_SHOTS", tmp_path), f"report-{width}.png").write_bytes(shot)
        print(f"screenshot at {width} px: {len(shot)} bytes")
    finally:
        tab.close()
    assert requests == [report_file.as_uri()]  # nothing from the network


@pytest.mark.parametrize("width", [390, 800, 1280])
@pytest.mark.parametrize("who", list(PROFILES))
def test_in_chromium_no_table_breaks_a_word_inside(
    browser: Any, dataset: Dataset, who: str, width: int, tmp_path: Path
) -> None:
    profile = PROFILES[who]
    doc = report_document(dataset, profile, build(dataset, profile), dt.date(2026, 7, 1))
    path = tmp_path / "report.html"
    path.write_text(page(doc), "utf-8")
    tab = _open(browser, path, width, [])
    try:
        found = tab.evaluate(BROKEN_WORDS)
        sheet = doc["decision"]
        assert found["cells"] == (0 if sheet is None else 7 * len(sheet["rows"]))
        assert found["broken"] == [], f"{who} at {width} px: words broken inside"
        tab.emulate_media(media="print")
        assert tab.evaluate(BROKEN_WORDS)["broken"] == [], f"{who}, printed"
    finally:
        tab.close()


@pytest.mark.parametrize("width", [390, 800, 1280])
@pytest.mark.parametrize("who", list(PROFILES))
def test_in_chromium_map_labels_sit_beside_their_own_markers(
    browser: Any, dataset: Dataset, who: str, width: int, tmp_path: Path
) -> None:
    profile = PROFILES[who]
    doc = report_document(dataset, profile, build(dataset, profile), dt.date(2026, 7, 1))
    path = tmp_path / "report.html"
    path.write_text(page(doc), "utf-8")
    tab = _open(browser, path, width, [])
    try:
        m = tab.evaluate(MAP_BOXES)
    finally:
        tab.close()
    labels, markers = m["labels"], m["markers"]
    assert len(markers) == 12 and len(labels) == 12, "every role named beside its marker"
    # At least 12 px on screen, every text on the map (labels, numbers, axis captions).
    assert min(m["texts"]) >= 12, (width, min(m["texts"]))
    for i, a in enumerate(labels):
        # No two labels intersect, and no label covers a marker.
        for b in labels[i + 1 :]:
            assert _apart(a["box"], b["box"]), (a, b)
        for mk in markers:
            assert _apart(a["box"], mk["box"]), (a, mk)
        # The marker nearest to each label is its own, and it is close (beside it).
        near = min(markers, key=lambda mk: _distance(a["box"], mk["box"]))
        assert near["role"] == a["role"], (a["role"], near["role"])
        assert _distance(a["box"], near["box"]) <= 30 * m["scale"] + 12
    # The person's top three are numbered markers.
    ranked = {r["id"] for r in doc["map"]["roles"] if r["rank"]}
    assert len(ranked) == len(doc["result"]["recommendations"]) >= 1


def test_in_chromium_the_roles_spread_over_both_axes(browser: Any, report_file: Path) -> None:
    tab = _open(browser, report_file, 1280, [])
    try:
        m = tab.evaluate(MAP_BOXES)
    finally:
        tab.close()
    xs = {round((mk["box"][0] + mk["box"][2]) / 2) for mk in m["markers"]}
    ys = {round((mk["box"][1] + mk["box"][3]) / 2) for mk in m["markers"]}
    # Not two columns: at least 8 distinct columns and 10 distinct rows of markers.
    assert len(xs) >= 8 and len(ys) >= 10, (sorted(xs), sorted(ys))


def test_in_chromium_the_readme_profiles_print_on_few_pages(
    browser: Any, dataset: Dataset, tmp_path: Path
) -> None:
    pages = {}
    for who, profile in PROFILES.items():
        path = tmp_path / f"{who.replace(' ', '-')}.html"
        doc = report_document(dataset, profile, build(dataset, profile), dt.date(2026, 7, 1))
        path.write_text(page(doc), "utf-8")
        requests: list[str] = []
        tab = _open(browser, path, 1280, requests)
        try:
            tab.emulate_media(media="print")
            assert "Georgia" in tab.evaluate("() => getComputedStyle(document.body).fontFamily")
            pdf = tab.pdf(prefer_css_page_size=True, print_background=False)
        finally:
            tab.close()
        assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
        assert requests == [path.as_uri()]
        pages[who] = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
        Path(os.environ.get("AICAREER_SHOTS", tmp_path), path.stem + ".pdf").write_bytes(pdf)
    print(f"PDF pages (A4, print media): {pages}")
    assert all(1 <= n <= MAX_PAGES for n in pages.values()), pages


def test_ci_installs_chromium_then_runs_exactly_the_readme_command() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text("utf-8")
    command = next(line for line in readme.splitlines() if "pytest" in line and "venv" in line)
    script = (root / ".ci" / "run").read_text("utf-8").splitlines()
    assert script[-1] == command
    install = next(i for i, line in enumerate(script) if "apt-get install" in line)
    assert "chromium" in script[install] and install < len(script) - 1


def test_each_roles_pay_is_labelled_with_its_own_level(dataset: Dataset) -> None:
    """A product manager with 8 years is senior for AI Product Manager but new to the
    field for Prompt Engineer: every pay line in the HTML and Markdown report, the summary
    table and the comparison carries the role's own level (the page used to label every
    figure with the person's overall level, "senior", beside entry-level figures)."""
    profile = Profile(
        "product-manager", 8, ["evaluation-safety", "product-management"], "enterprise",
        "basic", "europe", hours_per_week=6,
    )  # fmt: skip
    doc = report_document(dataset, profile, build(dataset, profile), dt.date(2026, 12, 7))
    recs = doc["result"]["recommendations"]
    assert {r["pay_level"] for r in recs} == {"senior", "entry"}
    text, md = page(doc), markdown(doc)
    for r in recs:
        figure = r["pay"][0]["text"]
        assert f"Pay ({r['pay_level']} level)" in text
        assert f"- Pay ({r['pay_level']}): {figure}" in md
        row = next(row for row in doc["summary"]["rows"] if row[1] == r["name"])
        assert row[-1] == f"{figure} ({r['pay_level']})"
    for row in doc["decision"]["compare"]["rows"]:
        level = next(r["pay_level"] for r in recs if r["name"] == row[0])
        assert row[5].endswith(f"({level})"), row
    assert "Pay (senior level): $40K" not in text
