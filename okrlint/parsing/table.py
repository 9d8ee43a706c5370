"""Markdown (GFM) pipe tables: splitting rows into located cells."""

from __future__ import annotations

import re

from .frag import Frag

_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_PIPE = re.compile(r"(?<!\\)\|")


def split_row(frag: Frag) -> list[Frag]:
    """Cells of a ``| a | b |`` row (outer pipes optional, ``\\|`` escapes a pipe)."""
    frag = frag.strip()
    if frag.text.startswith("|"):
        frag = frag.sub(1)
    if _ends_with_pipe(frag.text):
        frag = frag.sub(0, len(frag.text) - 1)
    if not frag.text.strip():
        return []
    return [cell.strip() for cell in frag.split(_PIPE)]


def _ends_with_pipe(text: str) -> bool:
    return text.endswith("|") and not text.endswith("\\|")


def ends_with_pipe(frag: Frag) -> bool:
    return _ends_with_pipe(frag.text.rstrip())


def is_delimiter_row(text: str) -> bool:
    t = text.strip()
    return "-" in t and bool(_DELIMITER.match(t)) and ("|" in t or len(t) >= 3)


def delimiter_cells(text: str) -> int:
    t = text.strip().strip("|")
    return len(t.split("|"))


def has_pipe(text: str) -> bool:
    return bool(_PIPE.search(text))
