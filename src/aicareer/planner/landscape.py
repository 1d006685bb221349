"""The roles guide's landscape in the terminal: `aicareer map`.

Two axes, as in the guide's figure: left to right, closer to the model to closer to
infrastructure (`axes.model_infra`, 0..10); top to bottom, research to production
(`axes.research_production`, 0..10). Each role is a marker at the row and column its data
gives, with its name beside it (right of the marker when it fits, else left). A name that
fits on neither side gets a letter marker and a legend line instead, so nothing overlaps.

`layout()` is pure (plain strings plus style spans; no rich) so tests can check exact
positions; `render.text_map` draws a layout with rich. Meaning never rests on
colour: the person's top three are drawn as the digits 1, 2, 3 with their score beside
the name, and listed in the legend.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from aicareer.engine.ranker import Ranking
    from aicareer.records.dataset import Dataset

MIN_WIDTH = 60
MAX_WIDTH = 100
#: Lines above the first plot row: the x-axis caption and the top border.
TOP = 2
MARKER = "●"
LEFT_CAPTION = "← closer to the model"
RIGHT_CAPTION = "closer to infrastructure →"


class Placed(NamedTuple):
    role_id: str
    name: str
    x: int
    y: int
    row: int
    col: int
    symbol: str
    #: The text beside the marker ("AI Engineer 82"), or None when it went to the legend.
    label: str | None
    label_col: int | None
    rank: int | None = None
    score: int | None = None


@dataclass
class Layout:
    width: int
    lines: list[list[str]]
    placed: list[Placed]
    legend: list[str]
    #: (line, start, end, style) for render.text_map.to_text().
    spans: list[tuple[int, int, int, str]] = field(default_factory=list)

    @property
    def text_lines(self) -> list[str]:
        return ["".join(chars).rstrip() for chars in self.lines]


#: Where the report's drawn map puts each role, (model_infra, research_production) on the
#: same 0-10 scales as the data's axes but spread over both of them. The roles guide's
#: figure ("The Landscape in One View") sets two columns and three bands: research at the
#: top (ML Engineer ... AI Architect), then AI Safety Engineer ... Platform Engineer, then
#: the production row LLM Engineer -- AI Engineer -- AI Agent Engineer with Context, Prompt
#: and AI Product Manager below on the left, Harness and Founding AI Engineer on the right.
#: Its axis asks "are you training it, prompting it, or building infrastructure around it?",
#: which orders roles inside a column: training (ML, LLM) nearest the model, evaluating
#: and prompting next, retrieval and product work toward the middle. Each spot keeps the
#: data's side of the map and its order from top to bottom (tests/test_map.py checks both),
#: so the drawn map never contradicts roles.toml; a role not listed here is drawn at its
#: data's axes.
SPREAD: dict[str, tuple[float, float]] = {
    "ml-engineer": (0.6, 0.4),
    "ai-architect": (8.2, 0.9),
    "ai-safety-eval-engineer": (2.2, 2.6),
    "platform-engineer": (9.4, 3.1),
    "llm-engineer": (0.9, 5.6),
    "ai-engineer": (5.0, 6.3),
    "ai-agent-engineer": (7.9, 5.8),
    "context-engineer": (3.0, 7.3),
    "harness-engineer": (9.0, 7.7),
    "prompt-engineer": (0.8, 8.7),
    "founding-ai-engineer": (6.9, 9.1),
    "ai-product-manager": (3.6, 10.0),
}


def spot(role_id: str, model_infra: int, research_production: int) -> tuple[float, float]:
    """Where the report's map draws a role: its SPREAD spot, else its data axes."""
    return SPREAD.get(role_id, (float(model_infra), float(research_production)))


def clamp_width(width: int) -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


def grid_position(model_infra: int, research_production: int, width: int) -> tuple[int, int]:
    """(line, column) of a role's marker in a layout `width` columns wide.

    Line: TOP + research_production (0 = research, at the top). Column: the plot runs from
    column 2 (model_infra 0) to column width - 3 (model_infra 10), inside the frame and
    a one-column margin; positions between are rounded half up.
    """
    span = width - 5
    col = 2 + int(model_infra * span / 10 + 0.5)
    return TOP + research_production, col


def _gap_free(intervals: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether [lo, hi] keeps one blank column from every interval already taken."""
    return all(hi < a - 1 or lo > b + 1 for a, b in intervals)


def _place_row(
    items: list[tuple[int, str, bool]], lo_limit: int, hi_limit: int
) -> list[tuple[str, int] | None]:
    """For markers (col, label, prefer_right) on one row, pick a side for each label.

    Tries every choice of right/left/legend and keeps the one that places the most labels
    inline, then the fewest off their preferred side. Returns (side, start col) or None.
    """
    n = len(items)
    options = ("right", "left", None) if n <= 7 else ("right", "left")
    best: tuple[tuple[int, int], list[tuple[str, int] | None]] | None = None
    choices = (
        itertools.product(options, repeat=n)
        if n <= 7
        else [tuple("right" if it[2] else "left" for it in items)]
    )
    for combo in choices:
        taken = [(col, col) for col, _, _ in items]
        result: list[tuple[str, int] | None] = []
        ok = True
        for (col, label, _), side in zip(items, combo, strict=True):
            if side is None:
                result.append(None)
                continue
            start = col + 2 if side == "right" else col - 1 - len(label)
            end = start + len(label) - 1
            others = [t for t in taken if t != (col, col)]
            if start < lo_limit or end > hi_limit or not _gap_free(others, start, end):
                ok = False
                break
            taken.append((start, end))
            result.append((side, start))
        if not ok:
            continue
        placed = sum(1 for r in result if r is not None)
        off = sum(
            1
            for (_, _, pr), r in zip(items, result, strict=True)
            if r is not None and (r[0] == "right") != pr
        )
        key = (-placed, off)
        if best is None or key < best[0]:
            best = (key, result)
    return best[1] if best is not None else [None] * n


def layout(
    roles: Sequence[tuple[str, str, int, int]],
    width: int = 80,
    top: Sequence[tuple[str, int]] = (),
    off_map: Sequence[str] = (),
) -> Layout:
    """Lay out the map.

    roles: (id, name, model_infra, research_production) for every role on the map;
    top: the person's best roles, best first, as (id, score) (markers 1, 2, 3, ...);
    off_map: names of roles without axes (listed under the map).
    """
    width = clamp_width(width)
    inner_last = width - 2
    height = TOP + 11 + 1
    lines = [[" "] * width for _ in range(height)]
    spans: list[tuple[int, int, int, str]] = []

    def put(line: int, col: int, text: str, style: str | None = None) -> None:
        for k, ch in enumerate(text):
            if 0 <= col + k < width:
                lines[line][col + k] = ch
        if style:
            spans.append((line, col, col + len(text), style))

    # Captions, frame and the dotted centre lines (x = 5, y = 5).
    put(0, 0, LEFT_CAPTION, "bold")
    put(0, width - len(RIGHT_CAPTION), RIGHT_CAPTION, "bold")
    bottom = TOP + 11
    put(1, 0, "┌" + "─" * (width - 2) + "┐", "dim")
    put(bottom, 0, "└" + "─" * (width - 2) + "┘", "dim")
    put(1, 2, " research ", "bold")
    put(bottom, 2, " production ", "bold")
    _, mid_col = grid_position(5, 5, width)
    mid_row = TOP + 5
    for r in range(TOP, bottom):
        put(r, 0, "│", "dim")
        put(r, width - 1, "│", "dim")
        put(r, mid_col, "·", "dim")
    for c in range(2, inner_last, 2):
        put(mid_row, c, "·", "dim")

    ranks = {rid: (i, score) for i, (rid, score) in enumerate(top, 1)}
    rows: dict[int, list[tuple[str, str, int, int]]] = {}
    for role in roles:
        rows.setdefault(role[3], []).append(role)

    placed: list[Placed] = []
    legend_letters: list[str] = []
    letter = iter("abcdefghijklmnopqrstuvwxyz")
    for y in sorted(rows):
        members = sorted(rows[y], key=lambda r: (r[2], r[0]))
        items = []
        for rid, name, x, _ in members:
            rank = ranks.get(rid)
            label = name if rank is None else f"{name} {rank[1]}"
            items.append((grid_position(x, y, width)[1], label, x <= 5))
        sides = _place_row(items, 1, inner_last - 1)
        for (rid, name, x, _), (col, label, _), side in zip(members, items, sides, strict=True):
            row = TOP + y
            rank = ranks.get(rid)
            symbol = str(rank[0]) if rank is not None and rank[0] <= 9 else MARKER
            if side is None and rank is None:
                symbol = next(letter, "?")
                legend_letters.append(f"{symbol} = {name}")
            style = "bold reverse" if rank is not None else "bold"
            put(row, col, symbol, style)
            label_col = None
            if side is not None:
                label_col = side[1]
                put(row, label_col, label, "bold" if rank is not None else None)
            placed.append(
                Placed(
                    rid,
                    name,
                    x,
                    y,
                    row,
                    col,
                    symbol,
                    label if side else None,
                    label_col,
                    rank[0] if rank else None,
                    rank[1] if rank else None,
                )
            )

    legend: list[str] = []
    if top:
        names = {r[0]: r[1] for r in roles}
        legend.append("Your best fits (marker, role, score out of 100):")
        for i, (rid, score) in enumerate(top, 1):
            legend.append(f"  {i}  {names.get(rid, rid)}  {score}")
        legend.append(f"  {MARKER}  every other role, named beside its marker")
    else:
        legend.append(f"{MARKER} a role, named beside its marker")
    if legend_letters:
        legend.append("Names that did not fit beside their marker: " + "; ".join(legend_letters))
    if off_map:
        legend.append("Not on the guide's map (adjacent roles): " + ", ".join(off_map))
    legend.append(
        "Placement: each role as the AI Roles & Career Paths guide lays out its landscape."
    )
    return Layout(width=width, lines=lines, placed=placed, legend=legend, spans=spans)


def dataset_layout(
    ds: Dataset, width: int = 80, ranking: Ranking | None = None, top_n: int = 3
) -> Layout:
    """layout() over a dataset: every role with axes; the roles the quiz shows for the
    ranking (at most `top_n`, `model.shown_roles`) marked."""
    roles = [
        (r.id, r.name, r.axes.model_infra, r.axes.research_production)
        for r in ds.roles.values()
        if r.axes is not None
    ]
    off = [r.name for r in ds.roles.values() if r.axes is None]
    top: list[tuple[str, int]] = []
    if ranking is not None:
        on_map = {r[0] for r in roles}
        from aicareer.engine.model import shown_roles

        shown = shown_roles(ranking.results, len(ranking.results))
        top = [(rec.role_id, rec.score) for rec in shown if rec.role_id in on_map][:top_n]
    return layout(roles, width, top, off)


def placements_json(ds: Dataset, lay: Layout) -> dict[str, Any]:
    """`aicareer map --json`: where each role sits, by the data's axes."""
    return {
        "axes": {
            "model_infra": "0 = closest to the model, 10 = closest to infrastructure",
            "research_production": "0 = research, 10 = shipped production",
        },
        "placements": [
            {
                "role": p.role_id,
                "name": p.name,
                "model_infra": p.x,
                "research_production": p.y,
                "rank": p.rank,
                "score": p.score,
            }
            for p in sorted(lay.placed, key=lambda p: list(ds.roles).index(p.role_id))
        ],
        "not_on_map": [r.id for r in ds.roles.values() if r.axes is None],
    }
