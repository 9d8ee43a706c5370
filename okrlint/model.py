"""The OKR document model: what parsers produce and rules read.

Every item keeps the exact character range of its text in the original
source, so findings can point back into the user's file.  Offsets are
Python string indices (Unicode code points) into the decoded text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

_LINE_END = re.compile(r"\r\n|\r|\n")

Kind = Literal["objective", "key_result", "period", "document"]


@dataclass(frozen=True)
class Position:
    """A point in the source: 1-based line and column (code points), 0-based offset."""

    line: int
    column: int
    offset: int

    def to_dict(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column, "offset": self.offset}


@dataclass(frozen=True)
class Range:
    start: Position
    end: Position

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.to_dict(), "end": self.end.to_dict()}


class LineIndex:
    """Converts character offsets to (line, column); lines end at \\n, \\r\\n or \\r."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self._positions: dict[int, Position] = {}  # every finding on an item asks for the item's range again

    def position(self, offset: int) -> Position:
        known = self._positions.get(offset)
        if known is not None:
            return known
        clamped = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, clamped) - 1
        known = self._positions[offset] = Position(line + 1, clamped - self.starts[line] + 1, clamped)
        return known

    def range(self, start: int, end: int) -> Range:
        return Range(self.position(start), self.position(end))

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self.starts[line - 1]


@dataclass
class Item:
    """One objective or key result: its text and where that text stands in the source.

    ``start``/``end`` are offsets into the source such that
    ``source[start:end] == text``.  ``fields`` carries structured values a
    format provides (owner, baseline, target, current, unit, due, type).
    """

    text: str
    start: int
    end: int
    kind: Kind = "key_result"
    fields: dict[str, Any] = field(default_factory=dict)
    lang: str = ""  # filled by analysis: "ru" or "en"
    # Source offset of each character of ``text`` when the text is not a
    # verbatim slice of the source (JSON escapes, folded YAML); None = verbatim.
    offsets: list[int] | None = None

    @property
    def owner(self) -> str | None:
        return self.fields.get("owner")

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a character range of ``text`` to a range of the source."""
        if self.offsets is None:
            return self.start + start, self.start + end
        if not self.offsets or start >= len(self.offsets):
            return self.end, self.end
        last = self.offsets[min(end, len(self.offsets)) - 1] + 1 if end > start else self.offsets[start]
        return self.offsets[start], last


@dataclass
class KeyResult(Item):
    kind: Kind = "key_result"


@dataclass
class Objective(Item):
    kind: Kind = "objective"
    key_results: list[KeyResult] = field(default_factory=list)
    period: Period | None = None


@dataclass
class Period:
    """A period heading (``# Q3 2026``) or a ``period`` field; applies to its objectives."""

    text: str
    start: int
    end: int
    objectives: list[Objective] = field(default_factory=list)
    # Named in an intro sentence («черновик OKR на 4 квартал»), not a heading: set-level findings point at objectives.
    in_prose: bool = False


@dataclass
class OkrDocument:
    """A parsed source file: the OKR tree plus the text every span points into."""

    source: str
    path: str = "<text>"
    format: str = "text"
    objectives: list[Objective] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = LineIndex(self.source)
        self._paths: dict[int, tuple[int, ...]] = {}
        # Facts about the whole document that checks need for every item (computed once, see checks.py):
        # a per-item pass over the document would make a long file quadratic.
        self.facts: dict[str, Any] = {}

    def items(self) -> Iterator[Item]:
        """Objectives and key results in document order."""
        for objective in self.objectives:
            yield objective
            yield from objective.key_results

    def path_of(self, item: Item) -> tuple[int, ...]:
        """The item's place in the tree: (objective,) or (objective, key result), 0-based."""
        if id(item) not in self._paths:  # first call, or the tree grew since: index it again
            self._paths = {}
            for i, objective in enumerate(self.objectives):
                self._paths[id(objective)] = (i,)
                for j, kr in enumerate(objective.key_results):
                    self._paths[id(kr)] = (i, j)
        return self._paths.get(id(item), ())

    def objective_of(self, item: Item) -> Objective | None:
        path = self.path_of(item)
        return self.objectives[path[0]] if path else None


@dataclass
class Suppression:
    """An inline ``okrlint: ignore[rule]`` / ``<!-- okrlint-disable rule -->``.

    ``rules`` empty means every rule.  It silences findings whose start offset
    lies in ``[start, end)``.
    """

    rules: frozenset[str]
    start: int
    end: int

    def covers(self, rule: str, offset: int) -> bool:
        return (not self.rules or rule in self.rules) and self.start <= offset < self.end
