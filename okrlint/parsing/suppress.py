"""Inline suppressions: ``<!-- okrlint-disable … -->``, ``okrlint: ignore[…]``.

Suppressions are found on the raw source text, independently of the format,
so they work the same in Markdown, YAML (after ``#``), CSV cells and JSON
strings.  Parsers cut the markers out of item texts; ``extend_to_items``
widens a line-scoped suppression to whole items that touch that line, so a
marker at the end of a wrapped (multi-line) item still covers its start.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from ..model import Item, Suppression
from .frag import iter_lines

# Rule lists never hold "[" or "<!--": stopping there keeps a line of unclosed markers linear to scan.
_DIRECTIVE = re.compile(
    r"<!--\s*okrlint-(?P<kind>disable-next-line|disable|enable)\b(?P<rules>(?:(?!-->|<!--)[^\r\n])*)-->"
    r"|(?:^|(?<=\s))(?:#|//)\s*okrlint-(?P<kind2>disable-next-line|disable|enable)\b(?P<rules2>[^\r\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
_IGNORE = re.compile(r"okrlint\s*:\s*ignore\b(?:\s*\[(?P<rules>[^\]\[\r\n]*)\])?", re.IGNORECASE)
_RULE = re.compile(r"[A-Za-z0-9_][\w\-./]*")
_IGNORE_COMMENT = re.compile(
    r"(?:<!--\s*|(?:#|//)\s*)?okrlint\s*:\s*ignore\b(?:\s*\[[^\]\[\r\n]*\])?\s*(?:-->)?", re.IGNORECASE
)


def parse_rules(text: str | None) -> frozenset[str]:
    """``"a, b"`` → {"a", "b"}; empty means every rule."""
    if not text:
        return frozenset()
    text = text.replace("-->", " ")
    return frozenset(r.lower() for r in _RULE.findall(text))


def _line_bounds(starts: Sequence[int], source: str, offset: int) -> tuple[int, int]:
    """[start of the line holding ``offset``, start of the next line)."""
    i = bisect.bisect_right(starts, offset) - 1
    start = starts[i]
    end = starts[i + 1] if i + 1 < len(starts) else len(source)
    return start, end


def scan(source: str) -> tuple[list[Suppression], list[Suppression]]:
    """Find suppressions: (region suppressions, line suppressions).

    Line suppressions (``okrlint: ignore``, ``disable-next-line``) are the ones
    ``extend_to_items`` may widen.
    """
    if "okrlint" not in source.lower():
        return [], []
    starts = [line.start for line in iter_lines(source)] or [0]
    regions: list[Suppression] = []
    lines: list[Suppression] = []
    open_all: int | None = None
    open_rules: dict[str, int] = {}

    for m in _DIRECTIVE.finditer(source):
        kind = (m.group("kind") or m.group("kind2") or "").lower()
        rules = parse_rules(m.group("rules") if m.group("kind") else m.group("rules2"))
        if kind == "disable-next-line":
            _, next_start = _line_bounds(starts, source, m.end() - 1 if m.end() > m.start() else m.start())
            if next_start < len(source):
                lo, hi = _line_bounds(starts, source, next_start)
                lines.append(Suppression(rules, lo, hi))
        elif kind == "disable":
            if not rules:
                if open_all is None:
                    open_all = m.start()
            else:
                for rule in rules:
                    open_rules.setdefault(rule, m.start())
        elif kind == "enable":
            targets = rules or set(open_rules)
            for rule in list(targets):
                if rule in open_rules:
                    regions.append(Suppression(frozenset({rule}), open_rules.pop(rule), m.start()))
            if not rules and open_all is not None:
                regions.append(Suppression(frozenset(), open_all, m.start()))
                open_all = None
    end = len(source)
    if open_all is not None:
        regions.append(Suppression(frozenset(), open_all, end))
    for rule, start in open_rules.items():
        regions.append(Suppression(frozenset({rule}), start, end))

    for m in _IGNORE.finditer(source):
        lo, hi = _line_bounds(starts, source, m.start())
        lines.append(Suppression(parse_rules(m.group("rules")), lo, hi))
    return _merge(regions), lines


def _merge(supps: Iterable[Suppression]) -> list[Suppression]:
    """One Suppression per (start, end) with the union of its rules."""
    grouped: dict[tuple[int, int], set[str] | None] = {}
    for s in supps:
        key = (s.start, s.end)
        if key in grouped and grouped[key] is None:
            continue
        if not s.rules:
            grouped[key] = None
        else:
            grouped.setdefault(key, set())
            current = grouped[key]
            assert current is not None
            current.update(s.rules)
    return [
        Suppression(frozenset(rules or ()), start, end)
        for (start, end), rules in sorted(grouped.items())
    ]


def extend_to_items(lines: list[Suppression], items: Sequence[Item]) -> list[Suppression]:
    """Widen each line suppression to the full span of every item it touches."""
    if not lines:
        return []
    ordered = sorted(items, key=lambda it: it.start)
    starts = [it.start for it in ordered]
    out: list[Suppression] = []
    for s in lines:
        lo, hi = s.start, s.end
        # Items are disjoint and sorted, so the ones overlapping [lo, hi) sit just
        # before the first item starting at or after ``hi``.
        j = bisect.bisect_left(starts, s.end) - 1
        misses = 0
        while j >= 0 and misses < 4:
            item = ordered[j]
            if item.end > s.start:
                lo, hi = min(lo, item.start), max(hi, item.end)
            else:
                misses += 1
            j -= 1
        out.append(Suppression(s.rules, lo, hi))
    return out


def directive_only(text: str) -> bool:
    """A line that holds nothing but a suppression directive or marker."""
    if "okrlint" not in text.lower():
        return False
    stripped = _DIRECTIVE.sub("", text)
    stripped = _IGNORE_COMMENT.sub("", stripped)
    return not stripped.strip() and text.strip() != ""


def finalize(source: str, items: Sequence[Item]) -> list[Suppression]:
    """All suppressions of a document, line ones widened to their items."""
    regions, lines = scan(source)
    return _merge(regions + extend_to_items(lines, items))
