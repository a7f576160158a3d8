"""The one error family of yoy. The CLI prints `message` on one line and exits with `exit_code`.

`EXIT_CODES` says what each exit code means: `yoy --help` prints it (its epilog) and the README's
table is checked against it (tests/test_cli_compare.py), so the three cannot drift apart.
"""

from __future__ import annotations

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INPUT, EXIT_NOT_FOUND, EXIT_OUTPUT, EXIT_CORPUS = 0, 1, 2, 3, 4, 5, 6
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

EXIT_CODES: dict[int, str] = {  # code → what it means, for --help and the README
    EXIT_OK: "done",
    EXIT_FAILURE: "an unexpected failure (a bug; YOY_DEBUG=1 shows the traceback)",
    EXIT_USAGE: "usage: bad arguments or options (e.g. a year out of range, an unknown --format)",
    EXIT_INPUT: "input: a file that cannot be read as a report, or is over a limit",
    EXIT_NOT_FOUND: "not found: region, year or --corpus directory; a term or target no report has",
    EXIT_OUTPUT: "output: a brief or page cannot be written (checked before the work)",
    EXIT_CORPUS: "corpus: a refused or failed write, a malformed stored report",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}


def exit_codes_help() -> str:
    """The exit-code table as `yoy --help` prints it (a click epilog kept as written: `\\b`)."""
    width = max(len(str(code)) for code in EXIT_CODES)
    rows = [f"  {code:<{width}}  {meaning}" for code, meaning in EXIT_CODES.items()]
    return "\b\nExit codes (every error is one 'yoy: ...' line on stderr):\n" + "\n".join(rows)


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
