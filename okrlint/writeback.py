"""``--fix`` and ``--diff``: fixes written into the user's files, or shown as a unified diff.

Only the edits change: the file keeps its encoding, byte-order mark and line
endings, because the edits are code-point ranges into the decoded text and the
text is encoded back the way it was read.
"""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass
from pathlib import Path

from .findings import FileReport
from .findings import apply_edits
from .fixes import edits_to_apply
from .reporters import STDIN_NAMES

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)


@dataclass(frozen=True)
class Change:
    path: str
    before: str
    after: str
    edits: int


def changes(files: list[FileReport], *, unsafe: bool = False) -> list[Change]:
    """The new text of every file the fixes change (standard input is never rewritten)."""
    out = []
    for file in files:
        if file.path in STDIN_NAMES:
            continue
        edits = edits_to_apply(file.findings, unsafe=unsafe)
        after = apply_edits(file.source, edits)
        if after != file.source:
            out.append(Change(file.path, file.source, after, len(edits)))
    return out


def encode_like(raw: bytes, text: str) -> bytes:
    """``text`` in the encoding ``raw`` was read with, byte-order mark included."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


def write(change: Change) -> bool:
    """Write one changed file; False (and nothing written) when it changed on disk since it was linted."""
    from .parsing import decode

    path = Path(change.path)
    raw = path.read_bytes()
    if decode(raw) != change.before:
        return False
    path.write_bytes(encode_like(raw, change.after))
    return True


def unified_diff(change: Change) -> str:
    """A ``--- path`` / ``+++ path`` diff, as ruff prints it; line endings are shown as the file has them."""
    before = change.before.splitlines(keepends=True)
    after = change.after.splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, change.path, change.path)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
