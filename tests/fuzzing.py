"""The fuzz campaign's strategies and invariants (used by tests/test_fuzz.py).

Three sources of input: random Unicode shaped like OKR lines (surrogates,
astral, combining and control characters included), mutations of real
documents in every format (the bundled examples, the corpus, the parser test
files), and random structured data for ``lint_objectives``.  Every report
must hold the invariants of :func:`check_report`.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

from okrlint.findings import Report

ROOT = Path(__file__).resolve().parent.parent
_SUFFIXES = {".md", ".txt", ".yaml", ".yml", ".json", ".csv", ".tsv"}
SEED_FILES = sorted(
    p for folder in (ROOT / "okrlint" / "examples", ROOT / "corpus" / "documents", ROOT / "tests" / "data" / "parsing")
    for p in folder.glob("*") if p.suffix in _SUFFIXES and p.stat().st_size < 20_000
)
SEEDS = [(p.name, p.read_text(encoding="utf-8")) for p in SEED_FILES]
EXTENSIONS = [".md", ".txt", ".yaml", ".json", ".csv", ".tsv", ""]

# ---------------------------------------------------------------- characters

# Everything, surrogates included (hypothesis leaves Cs out unless asked).
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
NASTY = st.sampled_from([
    "\ud800", "\udfff", "\udcff", "\x00", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff", "\ue000",
    "\U0001F680", "\U00017340", "𗍀е", "\u0301", "e\u0301", "и\u0306", "\r", "\r\n", "\t", "\v", "\f", "s", "ё",
    "\uffff", "\ufffd", "👍🏽", "\U0010FFFF", "\u200b", "\u00a0", "０１２",
])
WORDS = st.sampled_from([
    "Увеличить", "Снизить", "Провести", "Попробовать", "улучшить", "Improve", "Grow", "Hold", "try to", "Raise",
    "NPS", "с", "до", "from", "to", "30", "45%", "10 000", "$80k", "Q3", "2026", "за квартал", "by end of Q3",
    "вебинаров", "webinars", "— @anna", "(owner: Dana)", "okrlint: ignore[hedging]", "<!-- okrlint-disable -->",
    "Цель:", "KR1:", "Objective:", "количество", "number of", "премию", "bonus", "100%", "—", ",", ";", "|", "<br>",
])
TOKEN = st.one_of(WORDS, NASTY, ANY_CHAR, st.text(ANY_CHAR, max_size=4))
LEADS = st.sampled_from(["", "# ", "## ", "### ", "- ", "* ", "1. ", "  - ", "Цель: ", "KR: ", "| ", "> ", "\t"])


@st.composite
def unicode_documents(draw: st.DrawFn) -> str:
    """Lines that look like an outline, a table or a list, with any characters in them."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        words = draw(st.lists(TOKEN, max_size=8))
        sep = draw(st.sampled_from([" ", "", "\t", " | "]))
        lines.append(draw(LEADS) + sep.join(words))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text): a real document with a few cuts, copies, insertions and line swaps."""
    name, text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"]))
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + "".join(draw(st.lists(st.one_of(ANY_CHAR, NASTY, WORDS), max_size=6))) + text[i:]
        elif op == "truncate":
            text = text[:i]
        else:
            lines = text.splitlines(keepends=True)
            if len(lines) > 1:
                a = draw(st.integers(0, len(lines) - 1))
                b = draw(st.integers(0, len(lines) - 1))
                lines[a], lines[b] = lines[b], lines[a]
                text = "".join(lines)
    suffix = draw(st.sampled_from(["keep", *EXTENSIONS]))
    if suffix != "keep":
        name = Path(name).stem + suffix
    return name, text


_KEYS = st.sampled_from([
    "objective", "title", "цель", "text", "key_results", "krs", "ключевые_результаты", "owner", "baseline",
    "target", "current", "unit", "due", "progress", "period", "type", "objectives", "fields",
])
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.one_of(ANY_CHAR, NASTY, WORDS), max_size=8).map(" ".join), WORDS,
)
STRUCTURED = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(_KEYS, st.text(ANY_CHAR, max_size=4)), children, max_size=4),
    ),
    max_leaves=12,
)


@st.composite
def structured_objectives(draw: st.DrawFn) -> object:
    """Mostly schema-shaped objectives with random values; sometimes any data at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(STRUCTURED)
    objectives = []
    for _ in range(draw(st.integers(0, 5))):  # past the objective-count limit too
        entry = {draw(st.sampled_from(["objective", "title", "цель"])): draw(_SCALARS)}
        entry["key_results"] = draw(st.lists(st.one_of(_SCALARS, st.dictionaries(_KEYS, _SCALARS, max_size=4)),
                                             max_size=4))
        entry.update(draw(st.dictionaries(_KEYS, STRUCTURED, max_size=2)))
        objectives.append(entry)
    return objectives if draw(st.booleans()) else {"objectives": objectives, "period": draw(_SCALARS)}


# ---------------------------------------------------------------- invariants


def check_report(report: Report) -> list[str]:
    """Every way a report breaks the contract: spans outside their items, bad JSON, empty messages."""
    problems = []
    text = report.to_json()
    try:
        data = json.loads(text.encode("utf-8"))  # strict UTF-8: no lone surrogate may survive
    except (UnicodeEncodeError, ValueError) as exc:
        return [f"JSON output is not valid UTF-8 JSON: {exc}"]
    if len(data["files"]) != len(report.files):
        problems.append("JSON lost a file")
    for file in report.files:
        size = len(file.source)
        for finding in file.findings:
            start, end = finding.range.start.offset, finding.range.end.offset
            where = f"{file.path}: {finding.rule} at {start}:{end}"
            if not 0 <= start <= end <= size:
                problems.append(f"{where}: range outside the source ({size} characters)")
            item_range = finding.item.range
            if finding.item.kind in ("objective", "key_result"):
                if item_range is None:
                    problems.append(f"{where}: no item range")
                    continue
                lo, hi = item_range.start.offset, item_range.end.offset
                if not lo <= start <= end <= hi:
                    problems.append(f"{where}: span not inside its item [{lo}:{hi}]")
                if not finding.item.text or finding.item.text != finding.item.text.strip():
                    problems.append(f"{where}: item text empty or not stripped: {finding.item.text!r}")
            if not finding.message.strip():
                problems.append(f"{where}: empty message")
    for error in report.errors:
        if not error.message.strip():
            problems.append(f"{error.path}: empty error message")
        if "internal error" in error.message or "please report" in error.message:
            problems.append(f"{error.path}: {error.message}")
    return problems
