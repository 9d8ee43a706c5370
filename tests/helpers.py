"""Test helpers: lint one item the way the rule examples are run."""

from __future__ import annotations

from okrlint.engine import Example, example_document, lint_documents
from okrlint.findings import Finding


def lint_item(text: str, kind: str = "key_result", objective: str | None = None,
              key_results: tuple[str, ...] = ()) -> list[Finding]:
    """Findings on one item (objective or key result), linted inside a tiny document."""
    example = Example(text=text, kind=kind, bad=False, lang="", objective=objective, key_results=key_results)
    document, target = example_document(example)
    report = lint_documents([document])[0]
    return [f for f in report.findings
            if target.start <= f.range.start.offset and f.range.end.offset <= target.end]


def rules_of(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}

