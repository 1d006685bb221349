"""Command: quiz. Ask (or read an answers file), rank the roles, show the best fits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aicareer.cli.app import DataDirOpt, JsonOpt, app, command, dataset
from aicareer.cli.completion import complete_role
from aicareer.errors import AicareerError, ExitCode
from aicareer.records.vocab import Region

if TYPE_CHECKING:
    from aicareer.records.dataset import Dataset
    from aicareer.records.models import Profile


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_profile(
    resume: bool, *, defaults: Profile | None = None, save: Path | None = None
) -> tuple[Profile, Path | None]:
    """Run the interactive quiz; Ctrl-C keeps the answers so far (and where --save was to
    write) for --resume. `defaults`: ask every question with these answers pre-selected.
    Returns the profile and the file to save it to (--save, or the interrupted run's)."""
    from aicareer.cli import quiz
    from aicareer.console import note
    from aicareer.records.profile import (
        clear_quiz_state,
        profile_dict,
        quiz_state_path,
        read_quiz_state,
        save_quiz_state,
    )
    from aicareer.state import history

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
    elif given is not None:
        note("Continuing your quiz with the answers you gave before:")
        for line in quiz.kept_lines(given):
            note(f"  {line}")
    elif not resume and path.exists():
        note(f"An unfinished quiz is saved in {path} (continue it with: aicareer quiz --resume).")
    if resume:
        save = save or history.recall_save_to()

    def keep(answers: dict[str, object]) -> None:
        if not answers:
            return
        try:
            save_quiz_state(answers, path)
            history.remember_save_to(save)
        except AicareerError as exc:
            note(f"warning: your answers could not be kept: {exc}")
            return
        note(f"Your answers so far are saved; continue with: aicareer quiz --resume ({path})")

    ask, screen = quiz.prompter()
    before = None if defaults is None else profile_dict(defaults)
    with screen:
        profile = quiz.ask_all(given, defaults=before, on_interrupt=keep, ask=ask)
    if given is not None:
        clear_quiz_state(path)
    return profile, save


def last_or_quiz(
    answers: Path | None, resume: bool, edit: bool, show_all: bool, save: Path | None, ds: Dataset
) -> tuple[Profile, Path | None, bool]:
    """Where this run's profile comes from: --answers, the last result (--all, --edit) or
    the quiz. Returns the profile, the file to save it to and whether it is a new result."""
    from aicareer.console import note
    from aicareer.state import history

    if edit:
        before: Profile | None
        if answers is not None:
            before, _ = history.answers_or_last(answers, ds)
        else:
            kept = history.last_answers()
            before = None if kept is None else kept.profile
            if kept is None:
                note("No earlier quiz result to edit; starting a new quiz.")
            else:
                note(f"Editing your last quiz answers: {kept.path}")
        profile, save = ask_profile(False, defaults=before, save=save)
        return profile, save, True
    if answers is not None:
        return history.answers_or_last(answers, ds)[0], save, True
    if show_all and not resume:
        if history.last_answers() is None:
            raise AicareerError(
                "no quiz result to show yet: take the quiz first (aicareer quiz); "
                "--all then shows your last result again",
                ExitCode.USAGE,
            )
        return history.answers_or_last(None, ds)[0], save, False
    profile, save = ask_profile(resume, save=save)
    return profile, save, True


@command(app, "quiz")
def quiz_cmd(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            help="Read the answers from this TOML file instead of asking (see docs/answers.md;"
            " - reads stdin). Default: ask (the quiz).",
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
            "-r",
            help="Pay region (overrides the answers): us, europe or other.",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, max=12, help="How many roles to show in detail.")
    ] = 3,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Also show (or, with --json, list) every role's score; without --answers,"
            " for your last result (no quiz).",
        ),
    ] = False,
    more: Annotated[
        bool,
        typer.Option(
            "--details",
            "-d",
            help="On a terminal, also show each role in detail (through a pager when long).",
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue a quiz interrupted with Ctrl-C.")
    ] = False,
    edit: Annotated[
        bool,
        typer.Option(
            "--edit",
            help="Ask again with your last answers (or --answers FILE) pre-selected.",
        ),
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
    not_for: Annotated[
        list[str] | None,
        typer.Option(
            "--not",
            help="Set a role aside for this result: a role id or alias (repeatable; kept"
            " in the saved answers, see docs/followups.md).",
            metavar="ROLE",
            show_default=False,
            autocompletion=complete_role,
        ),
    ] = None,
    data_dir: DataDirOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer a few questions and get the AI roles that fit you best, with the reasons.

    Go back with the "← Back" entry (type < on the years question); review and change any
    answer before the results. Ctrl-C keeps your answers for --resume. Every result is
    kept (see `aicareer history`): --all without --answers shows your last one again, and
    report, path, why and decide use it when --answers is not given.

    \b
    Examples:
      aicareer quiz
      aicareer quiz --all
      aicareer quiz --edit
      aicareer quiz --save me.toml
      aicareer quiz --answers me.toml --region europe --json
      aicareer quiz --answers me.toml --report me.html
    """
    from aicareer.console import note
    from aicareer.state import history

    if resume and (answers is not None or edit):
        other = "--answers" if answers is not None else "--edit"
        raise AicareerError(
            f"--resume continues an unfinished quiz; it cannot be used with {other}",
            ExitCode.USAGE,
        )
    from aicareer.fsutil import check_overwrite, is_stdio

    for target in (save, report_to):  # before any question: never a refusal at the end
        if target is not None and not is_stdio(target):
            check_overwrite(target, force=force)  # held until the write (fsutil.outputs._ALLOWED)
    ds = dataset(data_dir)
    profile, save, new = last_or_quiz(answers, resume, edit, show_all, save, ds)
    from aicareer.cli import followup  # follow-ups and "not for me" (docs/followups.md)

    profile = followup.settle(ds, profile, not_for or (), followup.answers_label(answers))
    if region is not None and region != profile.region:
        profile = profile._replace(region=region)
    from aicareer.document.build import build

    result = build(ds, profile, top=None if (as_json and show_all) else top)
    if edit or (new and answers is None):  # asked just now: ask like a coach, then rescore
        coached = followup.coach(ds, profile, result)
        if coached != profile:
            profile = coached
            result = build(ds, profile, top=None if (as_json and show_all) else top)
    top_role = result.top[0].role if result.top else None
    if save is not None:
        try:
            history.save_answers(profile, save, ds, top_role, force=force)
        except AicareerError:
            # Refused at the moment of writing (e.g. --resume, and FILE was made since):
            # the answers are not lost, they are kept like any result.
            if new:
                try:
                    history.keep(profile, ds, top_role)
                    note("Your answers are kept: see aicareer history")
                except AicareerError:
                    pass
            raise
        if str(save) != "-":
            again = f"aicareer quiz --answers {save}"
            note(f"Saved your answers to {save} (use them again with: {again})")
    if new:
        try:
            history.keep(profile, ds, top_role)
        except AicareerError as exc:
            note(f"warning: this result could not be kept for later: {exc}")
    if report_to is not None:
        from aicareer.fsutil import is_stdio, write_output
        from aicareer.render.report_file import render_report, report_format
        from aicareer.state.progress import done_phases, today

        fmt = "md" if is_stdio(report_to) else report_format(report_to)
        report = render_report(fmt, ds, profile, result, today(), done_phases())
        write_output(report_to, report, force=force)
        if not is_stdio(report_to):
            note(f"Wrote the report to {report_to}")
    if as_json:
        from aicareer.console import print_json
        from aicareer.render.json_out import to_json

        print_json(to_json(result, every_role=show_all))
        return
    from aicareer.cli.paging import show
    from aicareer.console import out
    from aicareer.render.terminal import details, summary

    console = out()
    # The one-screen summary first; on a terminal the details only when asked for.
    again = "aicareer quiz --all"
    if answers is not None and str(answers) != "-":
        again = f"aicareer quiz --answers {answers}"
    # The command on a line of its own, never split (as "Next step:" gives its command).
    offer = f"Each role in detail, with the plan and pay:\n  {again} --details"
    show(
        console,
        summary(result, console.width),
        details(result, console.width, show_all),
        details=more,
        offer=offer,
    )
