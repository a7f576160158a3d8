"""The one error family of yoy. The CLI prints `message` on one line and exits with `exit_code`."""

from __future__ import annotations


class YoyError(Exception):
    """Base of every error yoy reports to a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(YoyError):
    """A file given to yoy cannot be read as a report (missing, empty, binary, too large, …)."""

    exit_code = 2


class NoReportError(InputError):
    """An input file holds no government work report."""


class CorpusError(YoyError):
    """The corpus is missing, unreadable, or refuses a write (duplicate without --replace)."""

    exit_code = 3


class NotFoundError(YoyError):
    """A region or year the corpus does not have; the message says what it has and how to add it."""

    exit_code = 4


class RenderError(YoyError):
    """A brief could not be written."""

    exit_code = 5
