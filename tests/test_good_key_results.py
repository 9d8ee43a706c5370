"""A file of 60 good key results from several domains stays clean.

Only ``missing-baseline`` and ``long-horizon`` may speak, where honest.
"""

from __future__ import annotations

from pathlib import Path

import okrlint

GOOD = Path(__file__).parent / "data" / "good-key-results.md"
ALLOWED = {"missing-baseline", "long-horizon"}


def test_sixty_good_key_results_stay_clean():
    report = okrlint.lint_file(GOOD)
    assert not report.errors
    (file,) = report.files
    source = GOOD.read_text(encoding="utf-8")
    key_results = [line for line in source.splitlines() if line.startswith("- ")]
    assert len(key_results) == 60
    noisy = [(f.rule, f.item.text) for f in file.findings if f.rule not in ALLOWED]
    assert not noisy, noisy
