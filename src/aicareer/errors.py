"""One error type and the exit codes the CLI promises (README and docs/limits.md list them)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    #: Something unexpected went wrong inside aicareer (a bug: please report it).
    INTERNAL = 1
    #: The command line was wrong: unknown option, bad choice, missing argument.
    USAGE = 2
    #: The role or matrix data is missing or invalid.
    DATA = 3
    #: An answers file, progress file or batch input is missing or invalid.
    INPUT = 4
    #: A role name that matches no role, alias or known term.
    NOT_FOUND = 5
    #: A prompt was needed but stdin is not a terminal.
    NOT_INTERACTIVE = 6
    #: An output file could not be written.
    OUTPUT = 7
    #: Interrupted with Ctrl-C (128 + SIGINT, the shell's convention).
    INTERRUPTED = 130
    #: Stopped with SIGTERM (128 + SIGTERM), e.g. by `kill` or a service manager.
    TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """Raised by aicareer's SIGTERM handler (installed in cli.main). A KeyboardInterrupt,
    so everything Ctrl-C does happens too: temp files are removed, an unfinished quiz is
    kept for --resume; the exit code is 143 instead of 130."""


class AicareerError(Exception):
    """An error the user can act on. `lines` are printed to stderr, one per problem."""

    def __init__(self, message: str | list[str], code: ExitCode) -> None:
        self.lines = [message] if isinstance(message, str) else list(message)
        self.code = code
        super().__init__("\n".join(self.lines))


def data_error(message: str | list[str]) -> AicareerError:
    return AicareerError(message, ExitCode.DATA)


def input_error(message: str | list[str]) -> AicareerError:
    return AicareerError(message, ExitCode.INPUT)
