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

from aicareer.document.report import report_document
from aicareer.document.result import build
from aicareer.records.dataset import Dataset
from aicareer.records.models import Profile
from aicareer.render.html_page import page
from aicareer.render.md_page import markdown
from aicareer.render.svg_map import FONT, MAP_W, landscape_svg

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
    assert h2 == [
        "Your answers",
        "Your best-fitting AI roles (top 3)",
        "Each role in detail",
        *(["Fits what you want, but later"] if doc["result"]["later"] else []),
        f"Your path to {roles[0]['name']}",
        "Choosing between your top roles",
        "The landscape",
        "Next steps",
        "Data and sources",
    ]
    # summary, path and the decision sheet (8 columns)
    assert html.count("<table") == 3 and html.count('<th scope="col"') == 20
    assert "The question to ask yourself:" in html
    assert "Try first:" in html
    assert html.count('<article class="role"') == 3
    first = roles[0]["fit"]["reasons"][0]
    assert f'<li><span class="pts">{first["points"]:+d}</span> {escape(first["text"])}' in html
    assert "@media print" in html and "@media (max-width: 40em)" in html


def test_nothing_is_loaded_and_nothing_runs(html: str) -> None:
    assert NETWORK.findall(html) == []
    assert "<script" not in html.lower()
    assert re.findall(r"<[^>]*\son[a-z]+\s*=", html, re.I) == []  # no event handlers


def test_the_map_is_svg_drawn_from_the_axes(html: str, doc: dict[str, Any]) -> None:
    svg, legend = landscape_svg(doc["map"])
    assert svg in html
    on_map = doc["map"]["roles"]
    assert svg.count("<circle") == len(on_map) == 12
    # Every role is named beside its marker or, when no spot is free, in the legend.
    shown = svg.replace("&amp;", "&")
    for r in on_map:
        name = r["name"] + (f" ({r['score']})" if r["rank"] else "")
        assert f">{name}</text>" in shown or any(x.endswith(f": {name}") for x in legend)
    for line in legend:
        assert f"<li>{escape(line)}</li>" in html
    # The top three are numbered markers, their score beside the name.
    for r in doc["result"]["recommendations"]:
        assert f'fill="#fff">{r["rank"]}</text>' in svg
    assert '<title id="map-title">' in svg and 'role="img"' in svg


def test_map_labels_never_overlap(doc: dict[str, Any]) -> None:
    # Every role at the same spot: one label fits, the others go to the legend.
    crowded = {**doc["map"], "roles": [{**r, "x": 5, "y": 5} for r in doc["map"]["roles"]]}
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
    first["fit"]["reasons"][0]["text"] = EVIL
    first["pay"][0]["text"] = EVIL
    bad["map"]["roles"][0]["name"] = EVIL
    bad["sources"][0]["title"] = EVIL
    out = page(bad)
    assert "<script" not in out and "<b>" not in out
    assert out.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;") >= 8
    md = markdown(bad)
    assert "<script" not in md and "<b>" not in md
    assert md.count("&lt;script&gt;") >= 7
    assert '| &lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; |' in md


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


@pytest.mark.parametrize("width", [390, 1280])
def test_in_chromium_the_page_fits_every_width(
    browser: Any, report_file: Path, width: int, tmp_path: Path
) -> None:
    tab = browser.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto(report_file.as_uri())
        sizes = tab.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
            " h1: document.querySelectorAll('h1').length,"
            " h2: document.querySelectorAll('h2').length,"
            " tables: document.querySelectorAll('table').length,"
            " svg: document.querySelector('figure svg').getBoundingClientRect().width,"
            " font: parseFloat(getComputedStyle(document.body).fontSize)})"
        )
        assert sizes["scroll"] <= sizes["inner"] == width, sizes  # no horizontal scroll
        assert sizes["h1"] == 1 and sizes["h2"] >= 7 and sizes["tables"] == 3
        assert sizes["font"] >= 16
        # The map's labels stay legible: at least 12 px on screen.
        assert FONT * sizes["svg"] / MAP_W >= 12, sizes
        assert 0 < sizes["svg"] <= width
        # No two pieces of text on the map overlap, as the browser lays them out.
        boxes = tab.evaluate(
            "() => [...document.querySelectorAll('figure svg text')].map(t => {"
            " const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"
        )
        assert len(boxes) >= 12
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
        shot = tab.screenshot(full_page=True)
        assert shot.startswith(b"\x89PNG") and len(shot) > 20_000
        Path(os.environ.get("AICAREER_SHOTS", tmp_path), f"report-{width}.png").write_bytes(shot)
        print(f"screenshot at {width} px: {len(shot)} bytes")
    finally:
        tab.close()
    assert requests == [report_file.as_uri()]  # nothing from the network


def test_in_chromium_the_print_stylesheet_applies(browser: Any, report_file: Path) -> None:
    tab = browser.new_page()
    tab.set_viewport_size({"width": 1280, "height": 900})
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto(report_file.as_uri())
        tab.emulate_media(media="print")
        font = tab.evaluate("() => getComputedStyle(document.body).fontFamily")
        assert "Georgia" in font
        pdf = tab.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
        print(f"PDF (A4, print media): {len(pdf)} bytes")
    finally:
        tab.close()
    assert requests == [report_file.as_uri()]


def test_ci_installs_chromium_then_runs_exactly_the_readme_command() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text("utf-8")
    command = next(line for line in readme.splitlines() if "pytest" in line and "venv" in line)
    script = (root / ".ci" / "run").read_text("utf-8").splitlines()
    assert script[-1] == command
    install = next(i for i, line in enumerate(script) if "apt-get install" in line)
    assert "chromium" in script[install] and install < len(script) - 1
