"""The one error family of yoy. The CLI prints `message` on one line and exits with `exit_code`.

Exit codes (documented in the README): 0 success, 1 an unexpected failure, 2 usage (bad arguments,
click's own usage errors too), 3 input (a file that cannot be read as a report, or is over a limit),
4 not found (region, year or corpus directory), 5 output (a brief cannot be written),
6 corpus (a refused or failed corpus write, a malformed stored report), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INPUT, EXIT_NOT_FOUND, EXIT_OUTPUT, EXIT_CORPUS = 0, 1, 2, 3, 4, 5, 6
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class YoyError(Exception):
    """Base of every error yoy reports to a user."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(YoyError):
    """Arguments that do not make a valid command (e.g. `-o -` with two formats)."""

    exit_code = EXIT_USAGE


class InputError(YoyError):
    """A file given to yoy cannot be read as a report (missing, empty, binary, too large, …)."""

    exit_code = EXIT_INPUT


class NoReportError(InputError):
    """An input file holds no government work report."""


class LimitError(InputError):
    """An input over one of yoy's documented limits (size, HTML depth, headings, text length)."""


class NotFoundError(YoyError):
    """A region or year the corpus does not have; the message says what it has and how to add it."""

    exit_code = EXIT_NOT_FOUND


class RenderError(YoyError):
    """A brief could not be written."""

    exit_code = EXIT_OUTPUT


class CorpusError(YoyError):
    """The corpus refuses a write (a duplicate without --replace), a write fails, or a stored file is
    malformed."""

    exit_code = EXIT_CORPUS
