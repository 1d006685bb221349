"""Commands: batch (score a cohort file; the work is in aicareer/batch.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from aicareer.app import DataDirOpt, app, command, dataset


@command(app, "batch")
def batch_cmd(
    source: Annotated[
        Path,
        typer.Argument(
            help="Profiles, one per row: .csv (with a header row) or .jsonl.",
            metavar="INPUT",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Where to write the results: .csv or .jsonl.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    top: Annotated[
        int, typer.Option("--top", min=1, help="How many top roles to give per row.")
    ] = 3,
    data_dir: DataDirOpt = None,
) -> None:
    """Score many profiles at once: one result row per input row, in order.

    A row that is not a valid profile becomes an error row naming the field; it never
    stops the run. The summary goes to stderr. See docs/batch.md for the columns.

    Example:  aicareer batch cohort.csv --out results.csv
    """
    from aicareer import batch

    # Usage problems and a bad input file are reported before the data is loaded.
    batch.format_for(source, "input")
    batch.format_for(out, "output")
    with batch.read_rows(source):
        pass
    ds = dataset(data_dir)
    names = {r.id: r.name for r in ds.roles.values()}
    progress = _Progress() if sys.stderr.isatty() else None
    try:
        summary = batch.run(ds.engine, names, source, out, top=top, progress=progress)
    finally:
        if progress is not None:
            progress.clear()
    sys.stderr.write(summary.line() + "\n")


class _Progress:
    """`\\r12,288 rows` on stderr, at most ten times a second (only on a terminal)."""

    def __init__(self) -> None:
        self._clock = time.monotonic
        self._last = 0.0
        self._width = 0

    def __call__(self, rows: int) -> None:
        now = self._clock()
        if now - self._last >= 0.1:
            self._last = now
            text = f"{rows:,} rows"
            self._width = len(text)
            sys.stderr.write("\r" + text)
            sys.stderr.flush()

    def clear(self) -> None:
        if self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()
