"""One error type and the exit codes the CLI promises (docs/exit-codes.md lists them)."""

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
