"""The landscape map as inline SVG for the HTML report, drawn from the roles' axes.

Written by hand as SVG elements (no rich export, no script, no font fetched): each role a
marker at its two axes (0-10), its name beside it. Labels are placed so that none overlaps
another label or a marker: beside the marker (the side facing the middle first), else just
below or above it; a name that fits nowhere gets a letter in its marker and a legend line.
The person's top roles are larger markers with their number (meaning never rests on colour
alone). Every piece of text goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

MAP_W, MAP_H = 500, 690
LEFT, RIGHT, TOP, BOTTOM = 40, 40, 88, 74
FONT = 18
#: Widths used to keep labels apart, on the wide side of common sans-serif fonts.
CHAR, BOLD_CHAR = 0.6 * FONT, 0.66 * FONT
FRAME = 28


def _plot(x: int, y: int) -> tuple[float, float]:
    px = LEFT + x * (MAP_W - LEFT - RIGHT) / 10
    py = TOP + y * (MAP_H - TOP - BOTTOM) / 10
    return round(px, 1), round(py, 1)


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(
    x: float, y: float, rad: float, width: float, prefer_left: bool, taken: list[Box]
) -> tuple[str, float, float, Box] | None:
    """Where a label goes: beside its marker (preferred side first), else just below or
    above it; None when every spot would overlap another label or marker."""
    lo_x, hi_x = LEFT - FRAME + 4, MAP_W - RIGHT + FRAME - 4
    lo_y, hi_y = TOP - FRAME + 2, MAP_H - BOTTOM + FRAME - 2
    beside = ["left", "right"] if prefer_left else ["right", "left"]
    for where in [*beside, "below", "above"]:
        if where in ("left", "right"):
            ty = y + FONT * 0.35
            ax = x - rad - 6 if where == "left" else x + rad + 6
            x0 = ax - width if where == "left" else ax
        else:
            ty = y + rad + FONT * 1.0 if where == "below" else y - rad - FONT * 0.45
            x0 = min(max(x - width / 2, lo_x), hi_x - width)
            ax = x0
        box = (x0, ty - FONT * 0.8, x0 + width, ty + FONT * 0.25)
        inside = lo_x <= box[0] and box[2] <= hi_x and lo_y <= box[1] and box[3] <= hi_y
        if inside and not any(_overlaps(box, t) for t in taken):
            return where, ax, ty, box
    return None


def landscape_svg(m: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The roles guide's landscape as inline SVG, and the legend lines for markers whose
    name did not fit beside them. Each role is a marker at its axes with its name beside
    it; the person's top roles are larger, numbered markers (never colour alone); a name
    that fits nowhere gets a letter in its marker and a legend line, so nothing overlaps."""
    roles = sorted(m["roles"], key=lambda r: (r["rank"] is None, r["rank"] or 0, r["y"], r["x"]))
    markers = [(*_plot(r["x"], r["y"]), 15 if r["rank"] else 7) for r in roles]
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for x, y, r in markers]
    dots: list[str] = []
    labels: list[str] = []
    legend: list[str] = []
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for r, (x, y, rad) in zip(roles, markers, strict=True):
        text = r["name"] if not r["rank"] else f"{r['name']} ({r['score']})"
        width = len(text) * (BOLD_CHAR if r["rank"] else CHAR)
        spot = _place(x, y, rad, width, r["x"] > 5, taken)
        key = str(r["rank"]) if r["rank"] else None
        if spot is None:
            key = key or next(letters)
            legend.append(f"{key}: {text}")
            rad = max(rad, 11)
        else:
            where, ax, ty, box = spot
            taken.append(box)
            anchor = {"left": "end", "right": "start"}.get(where, "start")
            weight = ' font-weight="700"' if r["rank"] else ""
            labels.append(
                f'<text x="{ax:.1f}" y="{ty:.1f}" text-anchor="{anchor}"{weight}>'
                f"{escape(text)}</text>"
            )
        if key is None:
            dots.append(f'<circle cx="{x}" cy="{y}" r="{rad}" fill="#333"/>')
            continue
        ranked = r["rank"] is not None
        dots.append(
            f'<circle cx="{x}" cy="{y}" r="{rad}" fill="{"#0b4f8a" if ranked else "#fff"}" '
            f'stroke="#000" stroke-width="1.2"/><text x="{x}" y="{y + FONT * 0.35:.1f}" '
            f'text-anchor="middle" font-size="{FONT * 0.9:.0f}" font-weight="700" '
            f'fill="{"#fff" if ranked else "#000"}">{escape(key)}</text>'
        )
    x0, y0 = _plot(0, 0)
    x1, y1 = _plot(10, 10)
    mx, my = _plot(5, 5)
    small = f'font-size="{FONT * 0.85:.0f}" font-style="italic" fill="#444"'
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
