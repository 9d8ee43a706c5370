"""The fuzz campaign: no input raises, every span stays inside its item, the same input gives the same bytes.

``make test`` replays a small derandomized slice; ``make fuzz`` runs the long
campaign (``FUZZ_EXAMPLES`` inputs in all, random seeds).  Every crash the
campaign found is a regression test in tests/test_robustness.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrlint
from okrlint.cli import main
from fuzzing import EXTENSIONS, check_report, mutated_documents, structured_objectives, unicode_documents

TOTAL = int(os.environ.get("FUZZ_EXAMPLES", "80"))
LONG_RUN = "FUZZ_EXAMPLES" in os.environ
SHARES = {"unicode": 0.35, "mutated": 0.35, "structured": 0.2, "cli": 0.1}
# A long run goes in rounds of every strategy, so a run stopped early has still tried them all.
ROUNDS = max(1, TOTAL // 4000) if LONG_RUN else 1
COUNTS = dict.fromkeys(SHARES, 0)


def _check(report: okrlint.Report, again: okrlint.Report | None) -> None:
    problems = check_report(report)
    assert not problems, problems
    if again is not None:
        assert again.to_json() == report.to_json(), "same input, different output"


def _twice(text: str) -> bool:
    """Determinism is checked on a quarter of the inputs (a second run costs as much as the first)."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % 4 == 0  # stable across processes, unlike hash()


def random_unicode_through_lint_text(text: str, suffix: str) -> None:
    COUNTS["unicode"] += 1
    report = okrlint.lint_text(text, filename="fuzz" + suffix)
    _check(report, okrlint.lint_text(text, filename="fuzz" + suffix) if _twice(text) else None)


def mutated_documents_through_lint_text(named: tuple[str, str]) -> None:
    COUNTS["mutated"] += 1
    name, text = named
    report = okrlint.lint_text(text, filename=name)
    _check(report, okrlint.lint_text(text, filename=name) if _twice(text) else None)


def structured_data_through_lint_objectives(data: object) -> None:
    COUNTS["structured"] += 1
    report = okrlint.lint_objectives(data)
    _check(report, okrlint.lint_objectives(data) if _twice(repr(data)) else None)


def files_through_the_cli(named: tuple[str, str], fmt: str) -> None:
    COUNTS["cli"] += 1
    name, text = named
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (name or "fuzz")
        path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates become invalid UTF-8 bytes
        out, err = _run(["--format", fmt, "--fail-on", "never", str(path)])
    assert "internal error" not in err and "Traceback" not in err, err
    if fmt in ("json", "sarif") and out:
        json.loads(out)


CAMPAIGN = {
    "unicode": (random_unicode_through_lint_text, (unicode_documents(), st.sampled_from(EXTENSIONS))),
    "mutated": (mutated_documents_through_lint_text, (mutated_documents(),)),
    "structured": (structured_data_through_lint_objectives, (structured_objectives(),)),
    "cli": (files_through_the_cli, (
        st.one_of(mutated_documents(), st.tuples(st.sampled_from(["fuzz" + s for s in EXTENSIONS]), unicode_documents())),
        st.sampled_from(["json", "text", "sarif", "github"]),
    )),
}


@pytest.mark.parametrize("round_, kind", [(r, k) for r in range(ROUNDS) for k in SHARES])
def test_fuzz(round_: int, kind: str) -> None:
    """No exception, spans inside their items, valid UTF-8 JSON, the same bytes for the same input."""
    function, strategies = CAMPAIGN[kind]
    examples = max(1, round(TOTAL * SHARES[kind] / ROUNDS))
    run = settings(max_examples=examples, derandomize=not LONG_RUN, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck), print_blob=True)(given(*strategies)(function))
    try:
        run()
    finally:
        if LONG_RUN:
            print(f"\nfuzz: {sum(COUNTS.values()):,} inputs so far ({', '.join(f'{k} {v:,}' for k, v in COUNTS.items())})",
                  flush=True)


def _run(argv: list[str]) -> tuple[str, str]:
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="strict")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    out.flush()
    err.flush()
    assert status in (0, 2), status
    return out_bytes.getvalue().decode("utf-8"), err_bytes.getvalue().decode("utf-8")
