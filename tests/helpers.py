"""Test helpers: lint one item the way the rule examples are run."""

from __future__ import annotations

from pathlib import Path

from okrlint.model import OkrDocument
from okrlint.parsing import decode, parse
from okrlint.parsing.spans import span_problems

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



PARSING_DATA = Path(__file__).parent / "data" / "parsing"


def check_spans(doc: OkrDocument, strict: bool = True) -> OkrDocument:
    """Every item (and period) slices back to its text; see okrlint.parsing.spans."""
    problems = span_problems(doc, strict=strict)
    assert not problems, "\n".join(problems)
    return doc


def load(name: str, strict: bool = True) -> OkrDocument:
    """Parse a fixture from tests/data/parsing and check its spans."""
    path = PARSING_DATA / name
    return check_spans(parse(decode(path.read_bytes()), str(path)), strict)


def texts(doc: OkrDocument) -> list[tuple[str, list[str]]]:
    return [(o.text, [k.text for k in o.key_results]) for o in doc.objectives]


def key_result_suggestions(text: str, objective: str | None = None) -> set[str]:
    """Every suggestion okrlint offers on a key result, under a neutral objective in the item's language."""
    cyrillic = any("а" <= ch <= "я" for ch in text.lower())
    objective = objective or ("Сделать сервис удобным" if cyrillic else "Make onboarding effortless")
    return {s.text for f in lint_item(text, "key_result", objective=objective) for s in f.suggestions}
