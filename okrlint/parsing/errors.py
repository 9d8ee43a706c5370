"""The one exception parsers let escape."""

from __future__ import annotations


class ParseError(Exception):
    """Malformed or non-OKR input.

    The message is a single user-facing line (no traceback); the CLI prints it
    after the file name.  Carries an optional 1-based ``line``/``column``.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        message = " ".join(str(message).split())  # always one line
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.message


class NoOkrError(ParseError):
    """The input parsed but holds no objectives or key results (an empty file, a README).

    A file named on the command line with nothing to lint is an error; one met
    while walking a directory is skipped.
    """
