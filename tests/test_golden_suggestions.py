"""The golden set: every suggestion okrlint offers on 150+ items, compared exactly.

tests/data/golden_suggestions.jsonl holds items from the corpus (tuning and
holdout splits) and the article's examples, each with the suggestion a careful
native editor accepts, or ``null`` where no suggestion is better than an awkward
one.  Any change to a suggestion fails here until the file is updated and the
change reviewed; ``approved`` records the independent native-speaker review.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okrlint.grammar import gate

from helpers import lint_item

GOLDEN = [json.loads(line) for line in
          (Path(__file__).parent / "data" / "golden_suggestions.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_golden_set_is_big_enough_in_both_languages():
    assert len(GOLDEN) >= 150
    for lang in ("ru", "en"):
        assert sum(r["lang"] == lang for r in GOLDEN) >= 75
    assert len({r["id"] for r in GOLDEN}) == len(GOLDEN)
    assert all(set(r) == {"id", "lang", "kind", "text", "objective", "expected", "approved"} for r in GOLDEN)


def _suggestions(record: dict) -> set[str]:
    findings = lint_item(record["text"], record["kind"], objective=record["objective"])
    return {s.text for f in findings for s in f.suggestions}


@pytest.mark.parametrize("record", GOLDEN, ids=[r["id"] for r in GOLDEN])
def test_golden_suggestion(record):
    got = _suggestions(record)
    assert len(got) <= 1, f"two different suggestions for one item: {got}"  # one composed suggestion per item
    assert (next(iter(got)) if got else None) == record["expected"]


@pytest.mark.parametrize("record", [r for r in GOLDEN if r["expected"]], ids=[r["id"] for r in GOLDEN if r["expected"]])
def test_the_gate_accepts_every_golden_suggestion(record):
    moved = (record["text"],) if record["kind"] == "objective" else ()  # an objective's number moves to a key result
    assert gate.problems(record["expected"], record["text"], record["lang"], moved=moved) == []
