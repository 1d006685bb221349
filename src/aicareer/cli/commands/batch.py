"""Commands: batch (score a cohort file; the work is in aicareer/batch/run.py)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from aicareer.cli.app import DataDirOpt, app, command, dataset
from aicareer.errors import AicareerError, ExitCode


@command(app, "batch")
def batch_cmd(
    source: Annotated[
        Path,
        typer.Argument(
            help="Profiles, one per row: .csv (with a header row) or .jsonl; - for stdin.",
            metavar="INPUT",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Where to write the results: .csv or .jsonl; - for stdout.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    top: Annotated[
        int,
        typer.Option(
            "--top",
            min=1,
            metavar="N",
            help="At most how many recommended roles to give per row (as the quiz).",
        ),
    ] = 3,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the run's summary as JSON on stdout.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace --out even if aicareer did not write it."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            max=64,
            metavar="N",
            help="How many processes score a .jsonl file of 2 MiB or more"
            " [default: one per CPU, at most 4].",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Score many profiles at once: one result row per input row, in order.

    Each row lists the roles the quiz would recommend for that profile, with the same
    scores and times (fewer than --top when fewer fit). A row that is not a valid
    profile becomes an error row naming the field; it never stops the run. The summary
    goes to stderr (or, with --json, to stdout). See docs/batch.md for the columns and
    limits.

    Example:  aicareer batch cohort.csv --out results.csv
    """
    from aicareer.batch import run as batch

    to_stdout = str(out) == batch.STDIO
    if as_json and to_stdout:
        raise AicareerError(
            "--json prints the summary on stdout, where --out - writes the results; "
            "write the results to a file",
            ExitCode.USAGE,
        )
    # Usage problems and a bad input file are reported before the data is loaded.
    batch.input_format(source)
    out_fmt = None if to_stdout else batch.format_for(out, "output")
    if not to_stdout and str(source) != batch.STDIO and _same_file(source, out):
        raise AicareerError(
            f"{out}: the output would replace the input; choose another --out", ExitCode.USAGE
        )
    with batch.open_input(source) as found:
        if not to_stdout:
            from aicareer.fsutil import check_overwrite

            check_overwrite(out, force=force)
        ds = dataset(data_dir)
        names = {r.id: r.name for r in ds.roles.values()}
        from aicareer.batch.parts import default_jobs
        from aicareer.engine.ranker import engine_of

        with _progress(found.size) as progress:
            summary = batch.run(
                engine_of(ds),
                names,
                found,
                out,
                top=top,
                out_fmt=out_fmt,
                progress=progress,
                jobs=default_jobs() if jobs is None else jobs,
            )
    if as_json:
        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(summary.line() + "\n")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


@contextmanager
def _progress(total: int | None) -> Iterator[Any]:
    """A rich progress bar on stderr (rows, bytes read of the total, ETA), only when stderr
    is a terminal; nothing otherwise, so a log or a pipe gets just the summary line. It is
    drawn at each update, not by a thread: batch forks its helpers while it shows."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    )
    task = bar.add_task("0 rows", total=total)

    def update(rows: int, done: int) -> None:
        bar.update(task, completed=done, description=f"{rows:,} rows", refresh=True)

    with bar:
        yield update
