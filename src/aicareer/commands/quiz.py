"""Command: quiz. Ask (or read an answers file), rank the roles, show the best fits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aicareer.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.errors import AicareerError, ExitCode
from aicareer.vocab import Region

if TYPE_CHECKING:
    from aicareer.models import Profile


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_profile(resume: bool) -> Profile:
    """Run the interactive quiz; Ctrl-C keeps the answers so far for --resume."""
    from aicareer import quiz
    from aicareer.console import note
    from aicareer.profile import (
        clear_quiz_state,
        quiz_state_path,
        read_quiz_state,
        save_quiz_state,
    )

    if not stdin_is_terminal():
        raise AicareerError(
            "stdin is not a terminal, so the quiz cannot ask questions; "
            "use --answers FILE to answer from a file (see docs/answers.md)",
            ExitCode.NOT_INTERACTIVE,
        )
    path = quiz_state_path()
    given = read_quiz_state(path) if resume else None
    if resume and given is None:
        note("No unfinished quiz to resume; starting a new one.")
    elif not resume and path.exists():
        note(f"An unfinished quiz is saved in {path} (continue it with: aicareer quiz --resume).")

    def keep(answers: dict[str, object]) -> None:
        if not answers:
            return
        try:
            save_quiz_state(answers, path)
        except AicareerError as exc:
            note(f"warning: your answers could not be kept: {exc}")
            return
        note(f"Your answers so far are saved; continue with: aicareer quiz --resume ({path})")

    with quiz.terminal():
        profile = quiz.run(given, on_interrupt=keep)
    if given is not None:
        clear_quiz_state(path)
    return profile


@command(app, "quiz")
def quiz_cmd(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Read the answers from this TOML file instead of asking (see docs/answers.md;"
            " - reads stdin).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="Save the answers to this TOML file, for --answers later (- for stdout).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        Region | None,
        typer.Option(
            "--region",
            help="Pay region (overrides the answers): us, europe or other.",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, max=12, help="How many roles to show in detail.")
    ] = 3,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show (or, with --json, list) every role's score.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue a quiz interrupted with Ctrl-C.")
    ] = False,
    report_to: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Also write a shareable report (.html, .svg or .md; - for Markdown on stdout).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace --save/--report files that aicareer did not write."),
    ] = False,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer a few questions and get the AI roles that fit you best, with the reasons.

    Go back with the "← Back" entry (type < on the years question); review and change any
    answer before the results. Ctrl-C keeps your answers for --resume.

    \b
    Examples:
      aicareer quiz
      aicareer quiz --save me.toml
      aicareer quiz --answers me.toml --region europe --json
      aicareer quiz --answers me.toml --report me.html
    """
    from aicareer.profile import read_profile, save_profile

    if resume and answers is not None:
        raise AicareerError(
            "--resume continues an unfinished quiz; it cannot be used with --answers",
            ExitCode.USAGE,
        )
    from aicareer.fsutil import check_overwrite, is_stdio

    for target in (save, report_to):  # before any question: never a refusal at the end
        if target is not None and not is_stdio(target):
            check_overwrite(target, force=force)
    force = True  # checked (or confirmed at the prompt) above
    ds = dataset(data_dir)
    profile = read_profile(answers) if answers is not None else ask_profile(resume)
    if region is not None and region != profile.region:
        profile = profile._replace(region=region)
    if save is not None:
        from aicareer.console import note

        save_profile(profile, save, force=force)
        if str(save) != "-":
            again = f"aicareer quiz --answers {save}"
            note(f"Saved your answers to {save} (use them again with: {again})")
    from aicareer.document import build

    result = build(ds, profile, top=None if (as_json and show_all) else top)
    if report_to is not None:
        from aicareer.console import note
        from aicareer.fsutil import is_stdio, write_output
        from aicareer.report import render_report, report_format

        fmt = "md" if is_stdio(report_to) else report_format(report_to)
        write_output(report_to, render_report(fmt, ds, profile, result), force=force)
        if not is_stdio(report_to):
            note(f"Wrote the report to {report_to}")
    if as_json:
        from aicareer.console import print_json
        from aicareer.render_json import to_json

        print_json(to_json(result, every_role=show_all))
        return
    from aicareer.console import out
    from aicareer.render_result import render

    console = out()
    for item in render(result, console.width, show_all):
        console.print(item)
