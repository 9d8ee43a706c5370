"""Bounds on the work one input may cause, so no file can hang a run or exhaust memory.

Real OKR items are a sentence or two; an item of thousands of characters is an
export gone wrong (a whole page pasted into one cell).  The language models'
cost grows faster than linearly with an item's length (natasha's parser
allocates tokens²), so such an item is reported as an input error and kept
away from the analysers; the rest of its file is linted as usual.
"""

from __future__ import annotations

from .findings import InputError
from .model import OkrDocument

MAX_ITEM_CHARS = 2000  # no real objective or key result comes near it

_KIND_NAMES = {"objective": "objective", "key_result": "key result"}


def within_limit(text: str) -> bool:
    """Whether an item's text is short enough to analyse."""
    return len(text) <= MAX_ITEM_CHARS


def long_item_errors(document: OkrDocument) -> list[InputError]:
    """One input error per item over :data:`MAX_ITEM_CHARS`, naming its line; those items are not linted."""
    errors = []
    for item in document.items():
        if within_limit(item.text):
            continue
        line = document.lines.position(item.start).line
        kind = _KIND_NAMES.get(item.kind, item.kind)
        errors.append(InputError(
            document.path,
            f"line {line}: {kind} is {len(item.text):,} characters long, over the limit of "
            f"{MAX_ITEM_CHARS:,}; it was not linted",
            line=line,
        ))
    return errors
