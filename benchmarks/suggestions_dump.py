"""Print every item that gets a suggestion, with its findings, as JSON lines (for the blind review).

    .venv/bin/python benchmarks/suggestions_dump.py PATH... > suggestions.jsonl

One line per item: the file, the item's kind, text and objective, every finding on it (rule and message), the
one composed suggestion, its placeholders, the key results a metric moves to, and whether the fix is safe.
"""

from __future__ import annotations

import json
import sys

import okrlint


def dump(paths: list[str]) -> list[dict]:
    report = okrlint.lint_paths(paths)
    for error in report.errors:
        print(f"suggestions_dump: {error}", file=sys.stderr)
    rows = []
    for file in report.files:
        items: dict[tuple, dict] = {}
        for finding in file.findings:
            if finding.item.range is None:
                continue
            key = (finding.item.range.start.offset, finding.item.range.end.offset)
            row = items.setdefault(key, {
                "path": file.path, "kind": finding.item.kind, "text": finding.item.text,
                "objective": finding.item.objective, "findings": [], "suggestion": None,
            })
            row["findings"].append({"rule": finding.rule, "message": finding.message})
            if finding.suggestions:
                suggestion = finding.suggestions[0]
                row.update(suggestion=suggestion.text, placeholders=list(suggestion.placeholders),
                           new_key_results=list(suggestion.new_key_results))
            if finding.fix is not None:
                row.setdefault("fixes", set()).add(finding.fix.applicability)
        for row in items.values():
            if row["suggestion"] is not None:
                row["fixes"] = sorted(row.get("fixes", ()))
                rows.append(row)
    return rows


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for row in dump(argv):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
