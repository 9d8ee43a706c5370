"""Checks that every span of a document points at its text (used by tests; handy for debugging).

The invariant: ``source[item.start:item.end] == item.text`` when
``item.offsets is None``; otherwise ``source[item.offsets[i]] == item.text[i]``.
The one documented exception: a character written as an escape sequence in a
JSON string or a double-quoted YAML scalar (``\\n``, ``\\u0439``) maps to the
backslash that starts the escape; with ``strict=False`` that is accepted when
the escape decodes to the character.
"""

from __future__ import annotations

from itertools import pairwise

from ..model import Item, OkrDocument
from .structured import yaml_escape


def escape_at(source: str, offset: int) -> str | None:
    """The character a JSON/YAML escape sequence at ``offset`` stands for, if any."""
    if not source.startswith("\\", offset):
        return None
    if source.startswith("\\u", offset):
        try:
            code = int(source[offset + 2 : offset + 6], 16)
        except ValueError:
            return None
        if 0xD800 <= code < 0xDC00 and source.startswith("\\u", offset + 6):
            try:
                low = int(source[offset + 8 : offset + 12], 16)
            except ValueError:
                low = -1
            if 0xDC00 <= low < 0xE000:
                return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        return chr(code)
    esc = yaml_escape(source, offset)
    return esc[1] if esc and esc[1] else None


def item_problems(source: str, item: Item, strict: bool = False) -> list[str]:
    where = f"{item.kind} {item.text[:40]!r}"
    out: list[str] = []
    if not item.text or item.text != item.text.strip():
        out.append(f"{where}: text is empty or not stripped")
    if item.offsets is None:
        if source[item.start : item.end] != item.text:
            out.append(f"{where}: source[{item.start}:{item.end}] is {source[item.start:item.end]!r}")
        return out
    offs = item.offsets
    if len(offs) != len(item.text):
        return out + [f"{where}: {len(offs)} offsets for {len(item.text)} characters"]
    if offs and (item.start != offs[0] or item.end != offs[-1] + 1):
        out.append(f"{where}: start/end {item.start}/{item.end} disagree with offsets")
    if any(b <= a for a, b in pairwise(offs)):
        out.append(f"{where}: offsets not increasing")
    for ch, o in zip(item.text, offs):
        if not 0 <= o < len(source):
            out.append(f"{where}: offset {o} outside the source")
        elif source[o] != ch and (strict or escape_at(source, o) != ch):
            out.append(f"{where}: {ch!r} mapped to {source[o]!r} at {o}")
    return out


def span_problems(doc: OkrDocument, strict: bool = False) -> list[str]:
    """Every way the document's spans disagree with its texts (empty when all is well)."""
    out: list[str] = []
    for item in doc.items():
        out.extend(item_problems(doc.source, item, strict))
    for period in doc.periods:
        if doc.source[period.start : period.end] != period.text or not period.text.strip():
            out.append(f"period {period.text!r}: source is {doc.source[period.start:period.end]!r}")
    for supp in doc.suppressions:
        if not 0 <= supp.start <= supp.end <= len(doc.source):
            out.append(f"suppression {supp} outside the source")
    return out
