"""How replacement text must be typed into each input format so the file stays valid."""

from __future__ import annotations

import json
import re

__all__ = ["fit_to_source", "FORMAT_SUFFIXES"]

# The suffix fit_to_source reads a document's format from, when its path has none (stdin, editors).
FORMAT_SUFFIXES = {"markdown": ".md", "yaml": ".yaml", "json": ".json", "csv": ".csv", "tsv": ".tsv", "text": ".txt"}

_YAML_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|:$|\s$")


def fit_to_source(text: str, path: str, source: str, start: int) -> str:
    """The rewrite as it must be typed at ``start`` so the file stays valid (quoting, escapes).

    Item ranges cover the item's text, inside any quotes of a JSON, YAML or CSV
    value, so the replacement uses the escaping of that context.
    """
    suffix = path.lower().rsplit(".", 1)[-1] if "." in path else ""
    before = source[start - 1] if 0 < start <= len(source) else ""
    if suffix == "json" or (suffix in ("yaml", "yml") and before == '"'):
        return json.dumps(text, ensure_ascii=False)[1:-1]
    if suffix in ("yaml", "yml"):
        if before == "'":
            return text.replace("'", "''")
        return json.dumps(text, ensure_ascii=False) if _YAML_PLAIN_UNSAFE.search(text) else text
    if suffix in ("csv", "tsv"):
        if before == '"':
            return text.replace('"', '""')
        delimiter = "\t" if suffix == "tsv" else ","
        return '"' + text.replace('"', '""') + '"' if delimiter in text or '"' in text else text
    if suffix in ("md", "markdown") and "|" in text:
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", start)
        if "|" in source[line_start:line_end if line_end >= 0 else None]:  # a table cell
            return text.replace("|", "\\|")
    return text
