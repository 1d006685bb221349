"""The landscape map as inline SVG for the HTML report, drawn from the roles' spots.

Written by hand as SVG elements (no rich export, no script, no font fetched): each role a
marker at its spot on the two axes (0-10, `planner.landscape.spot`: the data's axes spread
as the roles guide's figure lays them out), its name beside it. A label goes where it
overlaps no other label or marker and no other marker is nearer to it than its own: beside
the marker (the side facing the middle first), else above or below it, straight or to one
side; a name that fits nowhere gets a letter in its marker and a legend line. The person's
top roles are larger markers with their number (meaning never rests on colour alone).
Markers and labels carry `data-role` so a browser test can pair them. Every piece of text
goes through `html.escape`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from html import escape
from typing import Any

MAP_W, MAP_H = 500, 600
LEFT, RIGHT, TOP, BOTTOM = 34, 34, 74, 58
#: Every text on the map is at least this big in viewBox units; at 390 px the map is drawn
#: about 364 px wide, so 18 units stay above 12 px on a phone.
FONT = 18
#: Widths used to keep labels apart, on the wide side of common sans-serif fonts.
CHAR, BOLD_CHAR = 0.6 * FONT, 0.67 * FONT
FRAME = 24
GAP = 5

Box = tuple[float, float, float, float]


def _plot(x: float, y: float) -> tuple[float, float]:
    px = LEFT + x * (MAP_W - LEFT - RIGHT) / 10
    py = TOP + y * (MAP_H - TOP - BOTTOM) / 10
    return round(px, 1), round(py, 1)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _dist(box: Box, x: float, y: float) -> float:
    """How far the point (x, y) is from the box (0 inside)."""
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return math.hypot(dx, dy)


def _candidates(
    x: float, y: float, rad: float, width: float, prefer_left: bool
) -> list[tuple[str, float, float]]:
    """(anchor, text x, baseline y) for each spot around a marker, best first."""
    mid = y + FONT * 0.35
    right = ("start", x + rad + GAP)
    left = ("end", x - rad - GAP)
    beside = [left, right] if prefer_left else [right, left]
    below = y + rad + FONT * 0.95
    above = y - rad - FONT * 0.5
    out = [(a, ax, mid) for a, ax in beside]
    for ty in (below, above):
        out.append(("middle", x, ty))
        out += [(a, ax, ty) for a, ax in beside]
    for a, ax in beside:
        out += [(a, ax, mid - FONT * 0.7), (a, ax, mid + FONT * 0.7)]
    # A long name: below or above, slid sideways to stay inside the frame.
    lo_x, hi_x = LEFT - FRAME + 3, MAP_W - RIGHT + FRAME - 3
    x0 = min(max(x - width / 2, lo_x), hi_x - width)
    if x0 != x - width / 2:
        out += [("start", x0, below), ("start", x0, above)]
    return out


def _box(anchor: str, ax: float, ty: float, width: float) -> Box:
    x0 = {"start": ax, "end": ax - width, "middle": ax - width / 2}[anchor]
    return (x0, ty - FONT * 0.8, x0 + width, ty + FONT * 0.25)


Spot = tuple[str, float, float, Box]


def _choose(options: list[list[Spot]], budget: int = 50_000) -> list[Spot | None]:
    """One spot per label so that no two labels overlap: a depth-first search, the most
    constrained label first and each label's spots in order of preference, keeping the
    assignment that names the most roles beside their marker (earlier roles first)."""
    order = sorted(range(len(options)), key=lambda i: (len(options[i]), i))
    best: list[Spot | None] = [None] * len(options)
    best_n = -1
    current: list[Spot | None] = [None] * len(options)
    steps = 0

    def go(k: int, placed: int) -> bool:
        nonlocal best, best_n, steps
        steps += 1
        if placed + (len(order) - k) <= best_n or steps > budget:
            return False
        if k == len(order):
            best, best_n = list(current), placed
            return placed == len(order)
        i = order[k]
        for spot in options[i]:
            if any(c is not None and _overlaps(spot[3], c[3]) for c in current):
                continue
            current[i] = spot
            if go(k + 1, placed + 1):
                return True
            current[i] = None
        return go(k + 1, placed)

    go(0, 0)
    return best


def landscape_svg(m: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The roles guide's landscape as inline SVG, and the legend lines for markers whose
    name did not fit beside them."""
    roles = sorted(m["roles"], key=lambda r: (r["rank"] is None, r["rank"] or 0, r["y"], r["x"]))
    # Each role at its spot ("at"), else at its data axes.
    at = [r.get("at") or (r["x"], r["y"]) for r in roles]
    markers = [
        (*_plot(x, y), 14.0 if r["rank"] else 6.0) for r, (x, y) in zip(roles, at, strict=True)
    ]
    lo_x, hi_x = LEFT - FRAME + 3, MAP_W - RIGHT + FRAME - 3
    lo_y, hi_y = TOP - FRAME + 2, MAP_H - BOTTOM + FRAME - 2
    circles: list[Box] = [(x - r - 2, y - r - 2, x + r + 2, y + r + 2) for x, y, r in markers]
    texts = [r["name"] if not r["rank"] else f"{r['name']} ({r['score']})" for r in roles]
    options: list[list[tuple[str, float, float, Box]]] = []
    for i, (r, (x, y, rad)) in enumerate(zip(roles, markers, strict=True)):
        width = len(texts[i]) * (BOLD_CHAR if r["rank"] else CHAR)
        others = [(ox, oy) for j, (ox, oy, _) in enumerate(markers) if j != i]
        fits = []
        for anchor, ax, ty in _candidates(x, y, rad, width, at[i][0] > 5):
            box = _box(anchor, ax, ty, width)
            if not (lo_x <= box[0] and box[2] <= hi_x and lo_y <= box[1] and box[3] <= hi_y):
                continue
            if any(_overlaps(box, c) for c in circles):
                continue
            own = _dist(box, x, y)
            if any(_dist(box, ox, oy) <= own + 6 for ox, oy in others):
                continue
            fits.append((anchor, ax, ty, box))
        options.append(fits)
    chosen = _choose(options)
    dots: list[str] = []
    labels: list[str] = []
    legend: list[str] = []
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for r, (x, y, rad), text, spot in zip(roles, markers, texts, chosen, strict=True):
        key = str(r["rank"]) if r["rank"] else None
        role = escape(str(r["id"]))
        if spot is None:
            key = key or next(letters)
            legend.append(f"{key}: {text}")
            rad = max(rad, 11)
        else:
            anchor, ax, ty, _ = spot
            weight = ' font-weight="700"' if r["rank"] else ""
            labels.append(
                f'<text class="label" data-role="{role}" x="{ax:.1f}" y="{ty:.1f}" '
                f'text-anchor="{anchor}"{weight}>{escape(text)}</text>'
            )
        if key is None:
            dots.append(
                f'<circle class="marker" data-role="{role}" cx="{x}" cy="{y}" r="{rad:g}" '
                'fill="#333"/>'
            )
            continue
        ranked = r["rank"] is not None
        dots.append(
            f'<circle class="marker" data-role="{role}" cx="{x}" cy="{y}" r="{rad:g}" '
            f'fill="{"#0b4f8a" if ranked else "#fff"}" stroke="#000" stroke-width="1.2"/>'
            f'<text class="key" x="{x}" y="{y + FONT * 0.35:.1f}" text-anchor="middle" '
            f'font-weight="700" fill="{"#fff" if ranked else "#000"}">{escape(key)}</text>'
        )
    x0, y0 = _plot(0, 0)
    x1, y1 = _plot(10, 10)
    mx, my = _plot(5, 5)
    small = 'font-style="italic" fill="#444"'
    frame = (
        f'<rect x="{x0 - FRAME}" y="{y0 - FRAME}" width="{x1 - x0 + 2 * FRAME}" '
        f'height="{y1 - y0 + 2 * FRAME}" fill="#fbfcfe" stroke="#666" stroke-width="1.5"/>'
        f'<line x1="{mx}" y1="{y0 - FRAME}" x2="{mx}" y2="{y1 + FRAME}" stroke="#bbb" '
        'stroke-dasharray="4 6"/>'
        f'<line x1="{x0 - FRAME}" y1="{my}" x2="{x1 + FRAME}" y2="{my}" stroke="#bbb" '
        'stroke-dasharray="4 6"/>'
    )
    captions = (
        f'<text x="2" y="{FONT}" {small}>← {escape(m["x_low"])}</text>'
        f'<text x="{MAP_W - 2}" y="{FONT}" text-anchor="end" {small}>'
        f"{escape(m['x_high'])} →</text>"
        f'<text x="{mx}" y="{y0 - FRAME - 8}" text-anchor="middle" {small}>'
        f"↑ {escape(m['y_low'])}</text>"
        f'<text x="{mx}" y="{y1 + FRAME + FONT + 2}" text-anchor="middle" {small}>'
        f"↓ {escape(m['y_high'])}</text>"
    )
    svg = (
        f'<svg viewBox="0 0 {MAP_W} {MAP_H}" '
        f'role="img" aria-labelledby="map-title map-desc" font-size="{FONT}" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">'
        '<title id="map-title">The AI engineering landscape</title>'
        f'<desc id="map-desc">Each role placed from {escape(m["x_low"])} (left) to '
        f"{escape(m['x_high'])} (right) and from {escape(m['y_low'])} (top) to "
        f"{escape(m['y_high'])} (bottom); your top roles are numbered.</desc>"
        f"{frame}{captions}{''.join(dots)}{''.join(labels)}</svg>"
    )
    return svg, legend
