"""Long alternations of words scanned faster: a lookahead for the characters a match can start with.

Python's ``re`` tries every alternative of ``\\b(?:one|two|…)`` at every word start; a lookahead for the
first characters (read off the pattern's parse) rejects most positions at once and finds the same matches.
"""

from __future__ import annotations

import re
from typing import Any


def first_chars(pattern: str) -> str | None:
    """What a match of ``pattern`` can start with, as the inside of a character class, read off its parse; None
    when that is not a short list (``\\w``, a negated class, a match that may be empty)."""
    try:
        from re import _parser as sre  # type: ignore[attr-defined]  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as sre  # type: ignore[no-redef]
    constants = sre._constants if hasattr(sre, "_constants") else sre

    def klass(items: Any) -> set[str] | None:  # the members of a class: characters, ranges, digits
        out: set[str] = set()
        for op, av in items:
            if op is constants.LITERAL:
                out.add(re.escape(chr(av)))
            elif op is constants.RANGE:
                out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            elif op is constants.CATEGORY and av is constants.CATEGORY_DIGIT:
                out.add(r"\d")
            else:
                return None
        return out

    def first(items: Any) -> tuple[set[str], bool] | None:  # (first characters, may match empty)
        chars: set[str] = set()
        for op, av in items:
            if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
                continue  # zero width: \\b, a lookbehind, a lookahead
            if op is constants.LITERAL:
                return chars | {re.escape(chr(av))}, False
            if op is constants.IN:
                members = klass(av)
                return None if members is None else (chars | members, False)
            if op is constants.SUBPATTERN:
                found = first(av[-1])
            elif op is constants.BRANCH:
                parts = [first(branch) for branch in av[1]]
                if any(part is None for part in parts):
                    return None
                found = (set().union(*(p[0] for p in parts)), any(p[1] for p in parts))  # type: ignore[index]
            elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
                inner = first(av[2])
                found = None if inner is None else (inner[0], inner[1] or av[0] == 0)
            else:
                return None
            if found is None:
                return None
            chars |= found[0]
            if not found[1]:
                return chars, False
        return chars, True

    result = first(sre.parse(pattern))
    return None if result is None or result[1] else "".join(sorted(result[0]))


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for the characters its matches start with: the same matches, found without
    trying each of a long list of words at every position."""
    chars = first_chars(pattern.pattern)
    return pattern if chars is None else re.compile(f"(?=[{chars}])" + pattern.pattern, pattern.flags)
