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
