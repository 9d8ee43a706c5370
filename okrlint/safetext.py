"""Text that is safe to print: file names and item texts that could break a terminal or a JSON reader.

File names come from the operating system as bytes; Python hands undecodable
bytes over as lone surrogates (``os.fsdecode``'s ``surrogateescape``), which
no UTF-8 writer accepts.  Item texts may hold lone surrogates too (a JSON
``"\\ud800"``), and control characters (a newline or an ANSI escape in a
file name) would forge lines or recolour the terminal in text output.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0/C1 controls and DEL, plus the bidirectional overrides that reorder what a reader sees.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_path(path: str) -> str:
    """A file name as every output shows it: undecodable bytes as ``\\xff``, other lone surrogates as ``\\ud800``."""
    if not _SURROGATE.search(path):
        return path
    return _SURROGATE.sub(_surrogate_escape, path)


def _surrogate_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Control characters as visible escapes (``\\n``, ``\\x1b``), for terminal and CI-log output."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_control_escape, text)


def _control_escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escape_surrogates(text: str) -> str:
    """Lone surrogates as ``\\uXXXX``: a valid JSON escape inside a JSON string, a readable one in text.

    Whatever reaches a UTF-8 writer must be encodable; nothing else in the text changes.
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
