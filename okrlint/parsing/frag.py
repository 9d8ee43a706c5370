"""Text fragments that remember where every character came from.

Every parser works on ``Frag`` values instead of bare strings, so that
stripping labels, cutting comments, unescaping JSON or folding YAML never
loses the link between a character of an item's text and the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Frag:
    """``text`` plus the source offset of each of its characters.

    ``offsets is None`` means the text is a verbatim slice starting at
    ``start`` (the common, cheap case); otherwise ``offsets[i]`` is the source
    offset of ``text[i]``.  ``start`` is also kept for empty fragments so they
    still have a position.
    """

    text: str
    start: int
    offsets: tuple[int, ...] | None = None

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Frag:
        return cls(source[start:end], start)

    @classmethod
    def mapped(cls, text: str, offsets: Sequence[int], start: int | None = None) -> Frag:
        """A fragment with explicit offsets, collapsed to verbatim when contiguous."""
        offs = tuple(offsets)
        if len(offs) != len(text):
            raise ValueError("offsets and text differ in length")
        if not offs:
            return cls("", start if start is not None else 0)
        if offs[-1] - offs[0] == len(offs) - 1 and all(b - a == 1 for a, b in pairwise(offs)):
            return cls(text, offs[0], None)
        return cls(text, offs[0], offs)

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def end(self) -> int:
        """Source offset just past the last character."""
        if self.offsets is None:
            return self.start + len(self.text)
        return self.offsets[-1] + 1 if self.offsets else self.start

    @property
    def verbatim(self) -> bool:
        return self.offsets is None

    def at(self, i: int) -> int:
        """Source offset of character ``i`` (``len(self)`` gives ``end``)."""
        if i >= len(self.text):
            return self.end
        if self.offsets is None:
            return self.start + i
        return self.offsets[i]

    def sub(self, i: int, j: int | None = None) -> Frag:
        n = len(self.text)
        if j is None or j > n:
            j = n
        if i < 0:
            i = 0
        elif i > n:
            i = n
        j = max(j, i)
        if self.offsets is None:
            return Frag(self.text[i:j], self.start + i)
        if i == j:
            return Frag("", self.at(i))
        return Frag.mapped(self.text[i:j], self.offsets[i:j])

    def strip(self) -> Frag:
        text = self.text
        if not text or (not text[0].isspace() and not text[-1].isspace()):
            return self
        left = len(text) - len(text.lstrip())
        if left == len(text):
            return self.sub(left, left)
        return self.sub(left, len(text.rstrip()))

    def lstrip(self) -> Frag:
        text = self.text
        if not text or not text[0].isspace():
            return self
        return self.sub(len(text) - len(text.lstrip()))

    def rstrip(self) -> Frag:
        text = self.text
        if not text or not text[-1].isspace():
            return self
        return self.sub(0, len(text.rstrip()))

    def cut(self, match: re.Match[str]) -> tuple[Frag, Frag]:
        """Split around a regex match on ``self.text``: (before, after)."""
        return self.sub(0, match.start()), self.sub(match.end())

    def group(self, match: re.Match[str], name: str | int) -> Frag:
        i, j = match.span(name)
        if i < 0:
            return Frag("", self.at(match.start()))
        return self.sub(i, j)

    def split(self, pattern: re.Pattern[str]) -> Iterator[Frag]:
        """Split on a regex, like ``re.split`` without captured groups."""
        pos = 0
        for m in pattern.finditer(self.text):
            if m.end() == m.start():
                continue
            yield self.sub(pos, m.start())
            pos = m.end()
        yield self.sub(pos)

    def char_offsets(self) -> list[int]:
        if self.offsets is None:
            return list(range(self.start, self.start + len(self.text)))
        return list(self.offsets)

    @staticmethod
    def concat(parts: Iterable[Frag]) -> Frag:
        """Join fragments; verbatim when they are adjacent in the source."""
        given = list(parts)
        items = [p for p in given if p.text]
        if not items:
            return Frag("", given[0].start if given else 0)
        if all(p.offsets is None for p in items) and all(
            a.end == b.start for a, b in pairwise(items)
        ):
            return Frag("".join(p.text for p in items), items[0].start)
        offsets: list[int] = []
        for p in items:
            offsets.extend(p.char_offsets())
        return Frag.mapped("".join(p.text for p in items), offsets)


@dataclass(frozen=True)
class Line:
    """One physical line: ``[start, end)`` is its content, ``next`` the start of the next line."""

    start: int
    end: int
    next: int


_BREAK = re.compile(r"\r\n|\r|\n")


def iter_lines(source: str, begin: int = 0) -> Iterator[Line]:
    """Lines ending at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as ``LineIndex`` counts them)."""
    pos = begin
    for m in _BREAK.finditer(source, begin):
        yield Line(pos, m.start(), m.end())
        pos = m.end()
    if pos < len(source):
        yield Line(pos, len(source), len(source))


def bom_length(source: str) -> int:
    """1 when the text still starts with a byte-order mark (callers that bypassed ``decode``)."""
    return 1 if source.startswith("\ufeff") else 0
