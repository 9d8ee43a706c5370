"""Every example in rules/*.yaml runs as a test: bad ones are flagged at the expected span, good ones stay clean."""

from __future__ import annotations

import pytest

from okrlint.engine import example_document, lint_documents, load_rules

RULES = load_rules()
CASES = [(rule, example) for rule in RULES for example in rule.examples]


def _id(case) -> str:
    rule, example = case
    return f"{rule.id}:{'bad' if example.bad else 'good'}:{example.text[:40]}"


@pytest.fixture(scope="module")
def reports():
    documents = [example_document(example) for _, example in CASES]
    return lint_documents([doc for doc, _ in documents]), documents


@pytest.mark.parametrize("index", range(len(CASES)), ids=[_id(c) for c in CASES])
def test_rule_example(index, reports):
    files, documents = reports
    rule, example = CASES[index]
    document, target = documents[index]
    findings = [f for f in files[index].findings
                if f.rule == rule.id and target.start <= f.range.start.offset and f.range.end.offset <= target.end]
    if not example.bad:
        assert not findings, f"{rule.id} fired on a good example: {[f.message for f in findings]}"
        return
    assert findings, f"{rule.id} missed a bad example: {example.text!r}"
    flagged = [document.source[f.range.start.offset:f.range.end.offset] for f in findings]
    if example.span is not None:
        assert example.span in flagged, f"expected span {example.span!r}, got {flagged}"


def test_every_rule_has_bad_and_good_examples_in_both_languages():
    for rule in RULES:
        langs_bad = {e.lang for e in rule.examples if e.bad}
        assert {"ru", "en"} <= langs_bad, f"{rule.id} needs bad examples in ru and en"
        assert any(not e.bad for e in rule.examples), f"{rule.id} needs good examples"


def test_the_spec_rule_set_is_complete():
    expected = {"vague-verb", "hedging", "task-key-result", "multiple-actions", "missing-number", "missing-baseline",
                "missing-deadline", "long-horizon", "kpi-wording", "compensation-link", "metric-in-objective",
                "key-result-count", "objective-count"}
    assert expected <= {r.id for r in RULES}


# The article's bad examples are those some rule flags as an error; its good ones may still get an
# info or a warning (a missing baseline, a horizon of two quarters) but never an error.
SEED_BAD_TEXTS = {e.text.casefold() for r, e in CASES if e.seed and e.bad and r.severity.get(e.kind) == "error"}
SEED_GOOD = sorted({(e.text, e.kind) for _, e in CASES if e.seed and not e.bad and e.text.casefold() not in SEED_BAD_TEXTS})


@pytest.mark.parametrize("text,kind", SEED_GOOD, ids=[t[:40] for t, _ in SEED_GOOD])
def test_the_articles_good_examples_get_no_error(text, kind):
    """The article's good examples may get an info or a warning, never an error."""
    from helpers import lint_item

    errors = [(f.rule, f.message) for f in lint_item(text, kind) if f.severity == "error"]
    assert not errors
