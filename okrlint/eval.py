"""``okrlint eval``: per-rule precision, recall and F1 on the labelled corpus (SPEC §8).

The corpus (``corpus/``, see ``corpus/README.md`` and ``corpus/LABELS.md``) has
three parts, scored and reported separately:

* ``items/`` (the tuning split) and ``holdout/`` (the held-back split): JSONL
  records, one objective or key result each.  ``expect`` is the *complete* list
  of item-level rules that must fire; ``ignore`` lists rules not scored on that
  item; any other item-level rule that fires is a false positive.  All records
  of a split are linted in one :func:`okrlint.lint_objectives` call (batched
  analysis): a key result becomes ``{"objective": parent or "", "key_results":
  [text]}`` and its findings are those on path ``(i, 0)``; an objective becomes
  ``{"objective": text, "key_results": []}`` and its findings are those on path
  ``(i,)``.
* ``documents/``: whole files linted with :func:`okrlint.lint_paths`; the
  findings of the set-level rules named in each ``X.expect.json`` sidecar are
  compared with the sidecar's ``findings`` by ``(rule, line)``.

Precision is 1.0 when nothing fired (TP + FP = 0) and recall is 1.0 when
nothing was expected (TP + FN = 0); the counts are always printed next to them.

The functions here return plain dataclasses so tests can assert on them;
:func:`main` is the command (``okrlint eval`` / ``python -m okrlint.eval``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .findings import Finding

# Item-level rules and the kinds each is labelled (and therefore scored) on: the
# table in corpus/LABELS.md.  A finding of a rule on a kind it does not apply to
# is not scored.
ITEM_RULES: dict[str, frozenset[str]] = {
    "vague-verb": frozenset({"key_result", "objective"}),
    "hedging": frozenset({"key_result", "objective"}),
    "task-key-result": frozenset({"key_result"}),
    "multiple-actions": frozenset({"key_result"}),
    "missing-number": frozenset({"key_result"}),
    "missing-baseline": frozenset({"key_result"}),
    "long-horizon": frozenset({"key_result", "objective"}),
    "kpi-wording": frozenset({"key_result", "objective"}),
    "compensation-link": frozenset({"key_result", "objective"}),
    "metric-in-objective": frozenset({"objective"}),
}
SET_RULES: tuple[str, ...] = ("missing-deadline", "key-result-count", "objective-count")
KINDS = ("objective", "key_result")
LANGS = ("ru", "en")
ALL = "all"

# Quality bars (SPEC §8), applied per rule and language on each split separately.
MIN_POSITIVES = 10
MIN_PRECISION = 0.9
MIN_RECALL = 0.85

SPLITS = {"items": "tuning split (corpus/items)", "holdout": "held-back split (corpus/holdout)",
          "documents": "documents (corpus/documents, set-level rules)",
          "published": "published split (corpus/published: OKRs by others, with sources)",
          "published-fresh": "fresh published split (corpus/published/fresh: OKRs by others, collected after "
                             "the rules were last tuned on the published split; never tuned on)",
          "blind": "blind split (corpus/blind: documents written and labelled by people who never saw the rules)"}
RECORD_SPLITS = ("items", "holdout", "published", "published-fresh")
_SPLIT_DIRS = {"published-fresh": Path("published", "fresh")}
_SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


class EvalError(Exception):
    """The corpus cannot be read (missing directory, bad JSONL line, bad sidecar); exit 2."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Record:
    """One labelled item of the corpus."""

    id: str
    text: str
    lang: str
    kind: str
    objective: str | None = None
    expect: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    note: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], file: str = "", line: int = 0) -> "Record":
        where = f"{file}:{line}" if file else "record"
        for key in ("id", "text", "lang", "kind"):
            if not isinstance(data.get(key), str) or not data.get(key):
                raise EvalError(f"{where}: missing or empty {key!r}")
        if data["kind"] not in KINDS:
            raise EvalError(f"{where}: kind must be objective or key_result, got {data['kind']!r}")
        expect, ignore = data.get("expect", []), data.get("ignore", [])
        for key, value in (("expect", expect), ("ignore", ignore)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise EvalError(f"{where}: {key!r} must be a list of rule ids")
            unknown = [v for v in value if v not in ITEM_RULES]
            if unknown:
                raise EvalError(f"{where}: {key!r} names unknown item-level rules: {', '.join(unknown)}")
        objective = data.get("objective")
        return cls(id=data["id"], text=data["text"], lang=data["lang"], kind=data["kind"],
                   objective=objective if isinstance(objective, str) else None,
                   expect=tuple(expect), ignore=tuple(ignore), file=file, line=line,
                   note=str(data.get("note") or ""))


@dataclass(frozen=True)
class Fired:
    """A rule that fired on an item (the part of a finding the scoring needs)."""

    rule: str
    severity: str = ""
    message: str = ""
    line: int = 0  # documents only


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def positives(self) -> int:
        """Labelled positives: TP + FN."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class RuleScore:
    """One line of the table: a rule in one language (or ``all``)."""

    rule: str
    lang: str
    tp: int
    fp: int
    fn: int
    positives: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, rule: str, lang: str, counts: Counts) -> "RuleScore":
        return cls(rule, lang, counts.tp, counts.fp, counts.fn, counts.positives,
                   counts.precision, counts.recall, counts.f1)


@dataclass(frozen=True)
class Mistake:
    """A false positive (``fp``) or a miss (``fn``) on one item or document line."""

    split: str
    outcome: str  # "fp" | "fn"
    id: str
    rule: str
    lang: str
    kind: str
    text: str
    severity: str = ""
    message: str = ""
    line: int = 0
    errors_on_item: int = 1  # how many mistakes the item has in all (for ordering)


@dataclass
class SplitResult:
    name: str
    items: int
    counts: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (rule, lang) -> counts
    mistakes: list[Mistake] = field(default_factory=list)
    rules: tuple[str, ...] = ()
    errors: list[str] = field(default_factory=list)  # input errors (documents that failed to parse)

    def count(self, rule: str, lang: str) -> Counts:
        """Counts of ``rule`` in ``lang`` (``all`` sums the languages)."""
        if lang == ALL:
            total = Counts()
            for (r, _), c in self.counts.items():
                if r == rule:
                    total.add(c)
            return total
        return self.counts.get((rule, lang), Counts())

    def langs(self) -> list[str]:
        present = {lang for _, lang in self.counts}
        return [lang for lang in LANGS if lang in present] + sorted(present - set(LANGS))

    def scores(self) -> list[RuleScore]:
        """Per rule: one line per language, then the ``all`` line."""
        out: list[RuleScore] = []
        for rule in self.rules:
            for lang in self.langs():
                out.append(RuleScore.of(rule, lang, self.count(rule, lang)))
            out.append(RuleScore.of(rule, ALL, self.count(rule, ALL)))
        return out

    def total(self, lang: str = ALL) -> Counts:
        """Micro counts over every rule, in one language or ``all``."""
        total = Counts()
        for (_, counted_lang), c in self.counts.items():
            if lang in (ALL, counted_lang):
                total.add(c)
        return total

    @property
    def false_positives(self) -> list[Mistake]:
        return [m for m in self.mistakes if m.outcome == "fp"]

    @property
    def misses(self) -> list[Mistake]:
        return [m for m in self.mistakes if m.outcome == "fn"]


@dataclass(frozen=True)
class Failure:
    """A rule and language below the quality bar on one split."""

    split: str
    rule: str
    lang: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float

    def __str__(self) -> str:
        reasons = []
        if self.precision < MIN_PRECISION:
            reasons.append(f"precision {self.precision:.3f} < {MIN_PRECISION}")
        if self.recall < MIN_RECALL:
            reasons.append(f"recall {self.recall:.3f} < {MIN_RECALL}")
        return (f"{self.split}: {self.rule} [{self.lang}] {' and '.join(reasons)} "
                f"(TP {self.tp}, FP {self.fp}, FN {self.fn})")


@dataclass
class EvalResult:
    corpus: str
    splits: list[SplitResult]
    elapsed: float = 0.0

    @property
    def items(self) -> int:
        """Labelled items of the JSONL splits (documents not counted)."""
        return sum(s.items for s in self.splits if s.name != "documents")

    @property
    def documents(self) -> int:
        return sum(s.items for s in self.splits if s.name == "documents")

    def split(self, name: str) -> SplitResult:
        return next(s for s in self.splits if s.name == name)

    def failures(self, min_positives: int = MIN_POSITIVES, min_precision: float = MIN_PRECISION,
                 min_recall: float = MIN_RECALL) -> list[Failure]:
        return threshold_failures(self.splits, min_positives, min_precision, min_recall)


# --------------------------------------------------------------------------- scoring


def score_items(records: Sequence[Record], fired: Mapping[str, Iterable[Fired | str]],
                split: str = "items") -> SplitResult:
    """Score item-level findings against the labels.

    ``fired`` maps a record id to the rules that fired on that item (``Fired``
    or plain rule ids).  For each record, each item-level rule that applies to
    the record's kind and is not in its ``ignore`` list is one of: TP (expected
    and fired), FN (expected, did not fire), FP (fired, not expected).
    Duplicate findings of one rule on one item count once.
    """
    result = SplitResult(name=split, items=len(records), rules=tuple(ITEM_RULES))
    for record in records:
        got: dict[str, Fired] = {}
        for f in fired.get(record.id, ()):
            f = Fired(f) if isinstance(f, str) else f
            if f.rule in ITEM_RULES and record.kind in ITEM_RULES[f.rule]:
                got.setdefault(f.rule, f)
        item_mistakes: list[Mistake] = []
        for rule, kinds in ITEM_RULES.items():
            if record.kind not in kinds or rule in record.ignore:
                continue
            expected, hit = rule in record.expect, rule in got
            if not expected and not hit:
                continue
            counts = result.counts.setdefault((rule, record.lang), Counts())
            if expected and hit:
                counts.tp += 1
            elif hit:
                counts.fp += 1
                item_mistakes.append(Mistake(split, "fp", record.id, rule, record.lang, record.kind, record.text,
                                             got[rule].severity, got[rule].message))
            else:
                counts.fn += 1
                item_mistakes.append(Mistake(split, "fn", record.id, rule, record.lang, record.kind, record.text,
                                             _default_severity(rule, record.kind)))
        n = len(item_mistakes)
        result.mistakes.extend(_with_count(m, n) for m in item_mistakes)
    _ensure_langs(result, {r.lang for r in records})
    return result


@dataclass(frozen=True)
class DocumentExpectation:
    """A document and its ``X.expect.json`` sidecar."""

    name: str
    lang: str
    rules: tuple[str, ...]
    findings: tuple[tuple[str, int], ...]  # (rule, 1-based line)
    note: str = ""


def score_documents(expectations: Sequence[DocumentExpectation], fired: Mapping[str, Iterable[Fired]],
                    texts: Mapping[str, Mapping[int, str]] | None = None,
                    errors: Sequence[str] = ()) -> SplitResult:
    """Compare set-level findings with the sidecars by (rule, line); only each sidecar's ``rules`` are scored.

    ``texts`` optionally maps a document name to its source lines (1-based), for the mistake listing.
    """
    result = SplitResult(name="documents", items=len(expectations), rules=SET_RULES, errors=list(errors))
    for doc in expectations:
        lines = (texts or {}).get(doc.name, {})
        expected = Counter(doc.findings)
        found_by_key: dict[tuple[str, int], Fired] = {}
        found: Counter[tuple[str, int]] = Counter()
        for f in fired.get(doc.name, ()):
            if f.rule in doc.rules:
                found[(f.rule, f.line)] += 1
                found_by_key.setdefault((f.rule, f.line), f)
        doc_mistakes: list[Mistake] = []
        for rule in doc.rules:
            counts = result.counts.setdefault((rule, doc.lang), Counts())
            for key in sorted(set(expected) | set(found), key=lambda k: k[1]):
                if key[0] != rule:
                    continue
                tp = min(expected[key], found[key])
                fp, fn = found[key] - tp, expected[key] - tp
                counts.tp += tp
                counts.fp += fp
                counts.fn += fn
                text = lines.get(key[1], "").strip()
                for _ in range(fp):
                    f = found_by_key[key]
                    doc_mistakes.append(Mistake("documents", "fp", doc.name, rule, doc.lang, "document", text,
                                                f.severity, f.message, key[1]))
                for _ in range(fn):
                    doc_mistakes.append(Mistake("documents", "fn", doc.name, rule, doc.lang, "document", text,
                                                _default_severity(rule, "objective"), line=key[1]))
        n = len(doc_mistakes)
        result.mistakes.extend(_with_count(m, n) for m in doc_mistakes)
    return result


def threshold_failures(splits: Iterable[SplitResult], min_positives: int = MIN_POSITIVES,
                       min_precision: float = MIN_PRECISION, min_recall: float = MIN_RECALL) -> list[Failure]:
    """Every (split, rule, language) with at least ``min_positives`` labelled positives below a bar."""
    out: list[Failure] = []
    for split in splits:
        for rule in split.rules:
            for lang in split.langs():
                c = split.count(rule, lang)
                if c.positives >= min_positives and (c.precision < min_precision or c.recall < min_recall):
                    out.append(Failure(split.name, rule, lang, c.tp, c.fp, c.fn, c.precision, c.recall))
    return out


def worst(mistakes: Iterable[Mistake], n: int) -> list[Mistake]:
    """The ``n`` worst mistakes: highest severity first, then items with the most mistakes, then by id."""
    ranked = sorted(mistakes, key=lambda m: (-_SEVERITY_RANK.get(m.severity, -1), -m.errors_on_item,
                                             m.id, m.line, m.rule))
    return ranked[:max(0, n)]


def _with_count(m: Mistake, n: int) -> Mistake:
    return Mistake(**{**asdict(m), "errors_on_item": n})


def _ensure_langs(result: SplitResult, langs: set[str]) -> None:
    """Give every rule a (possibly empty) counter in every language of the split, so tables are complete."""
    for rule in result.rules:
        for lang in langs:
            result.counts.setdefault((rule, lang), Counts())


_severity_cache: dict[tuple[str, str], str] = {}


def _default_severity(rule: str, kind: str) -> str:
    """The rule's configured severity on ``kind`` (used to rank misses); "" if the rules cannot be loaded."""
    key = (rule, kind)
    if key not in _severity_cache:
        try:
            from .engine import get_rule

            found = get_rule(rule)
            sev = found.severity if found else {}
            _severity_cache[key] = sev.get(kind) or next(iter(sev.values()), "")
        except Exception:  # the evaluation must not die because a rule file is broken
            _severity_cache[key] = ""
    return _severity_cache[key]


# --------------------------------------------------------------------------- corpus


def default_corpus_dir() -> Path:
    """``./corpus`` if there is one, else the repository's ``corpus/``."""
    here = Path.cwd() / "corpus"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[1] / "corpus"


def load_records(path: Path) -> list[Record]:
    """Every record of a JSONL file, or of every ``*.jsonl`` file of a directory (sorted by name)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise EvalError(f"{path}: no .jsonl files")
    records: list[Record] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvalError(f"{file}: cannot read: {exc}") from None
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{file}:{number}: invalid JSON: {exc.msg}") from None
            if not isinstance(data, dict):
                raise EvalError(f"{file}:{number}: expected a JSON object")
            records.append(Record.from_dict(data, str(file), number))
    seen: dict[str, Record] = {}
    for r in records:
        if r.id in seen:
            raise EvalError(f"{r.file}:{r.line}: duplicate id {r.id!r} (first at {seen[r.id].file}:{seen[r.id].line})")
        seen[r.id] = r
    return records


def batch_objectives(records: Sequence[Record]) -> list[dict[str, Any]]:
    """The ``lint_objectives`` input: one objective per record, in order (record i is objective i).

    A key result without a parent goes under an untitled objective, which the
    parser keeps and the objective rules skip.
    """
    return [
        {"objective": r.objective or "", "key_results": [r.text]} if r.kind == "key_result"
        else {"objective": r.text, "key_results": []}
        for r in records
    ]


def _unlabelled(text: str) -> str:
    """"Objective 2: Grow revenue" → "Grow revenue": a labeller may name an objective with its label, as the parser
    reads it; findings carry the text alone."""
    from .parsing.frag import Frag
    from .parsing.labels import match_label

    label = match_label(Frag.of(text, 0, len(text)))
    return label.text.text if label is not None and label.kind == "objective" and label.text.text else text


def _bare(text: str) -> str:
    """A labelled text without its objective label and trailing owner or type tags, as the parser reads the item."""
    from .parsing.frag import Frag
    from .parsing.labels import split_tags

    text = _unlabelled(text)
    return split_tags(Frag.of(text, 0, len(text)))[0].text


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def lint_records(records: Sequence[Record]) -> dict[str, list[Fired]]:
    """Lint every record in ONE ``lint_objectives`` call and give each record the findings on its own item."""
    from .api import lint_objectives

    report = lint_objectives(batch_objectives(records))
    if report.errors:
        raise EvalError("; ".join(str(e) for e in report.errors))
    fired: dict[str, list[Fired]] = {r.id: [] for r in records}
    for file in report.files:
        for f in file.findings:
            path = tuple(f.item.path)
            if not path or not 0 <= path[0] < len(records):
                continue
            record = records[path[0]]
            if record.kind == "key_result":
                if path != (path[0], 0) or f.item.kind != "key_result":
                    continue
            elif path != (path[0],) or f.item.kind != "objective":
                continue
            if _norm(f.item.text) not in _norm(record.text):
                # the parser may strip labels and owner tags, but the item must come from this record
                raise EvalError(f"finding on item {path} is about {f.item.text!r}, "
                                f"but record {record.id} is {record.text!r}: the batch is misaligned")
            fired[record.id].append(Fired(f.rule, f.severity, f.message))
    return fired


def evaluate_items(records: Sequence[Record], split: str = "items") -> SplitResult:
    return score_items(records, lint_records(records) if records else {}, split)


def load_document_expectations(folder: Path) -> list[tuple[Path, DocumentExpectation]]:
    """Each document of ``folder`` with its sidecar; a document without one is an error."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalError(f"{folder}: no such directory")
    out: list[tuple[Path, DocumentExpectation]] = []
    for doc in sorted(folder.iterdir()):
        if not doc.is_file() or doc.name.startswith(".") or doc.name.endswith(".expect.json"):
            continue
        sidecar = doc.with_name(doc.name[: -len(doc.suffix)] + ".expect.json") if doc.suffix else None
        if sidecar is None or not sidecar.is_file():
            raise EvalError(f"{doc}: no sidecar {doc.stem}.expect.json")
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            rules = tuple(data.get("rules") or SET_RULES)
            findings = tuple((str(f["rule"]), int(f["line"])) for f in data.get("findings", []))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise EvalError(f"{sidecar}: bad sidecar: {exc}") from None
        unknown = [r for r in rules if r not in SET_RULES] + [r for r, _ in findings if r not in rules]
        if unknown:
            raise EvalError(f"{sidecar}: rules not scored here: {', '.join(unknown)}")
        lang = doc.name.split("_", 1)[0] if doc.name.split("_", 1)[0] in LANGS else ""
        out.append((doc, DocumentExpectation(doc.name, lang, rules, findings, str(data.get("note") or ""))))
    return out


def evaluate_documents(folder: Path) -> SplitResult:
    from .api import lint_paths

    docs = load_document_expectations(folder)
    fired: dict[str, list[Fired]] = {}
    texts: dict[str, dict[int, str]] = {}
    errors: list[str] = []
    expectations: list[DocumentExpectation] = []
    report = lint_paths([str(path) for path, _ in docs])  # one call: the analysis is batched
    errors.extend(str(e) for e in report.errors)
    by_path = {file.path: file for file in report.files}
    for path, expectation in docs:
        file = by_path.get(str(path))
        lang = expectation.lang or (file.language if file is not None and file.language in LANGS else "")
        expectation = DocumentExpectation(expectation.name, lang or "?", expectation.rules,
                                          expectation.findings, expectation.note)
        expectations.append(expectation)
        fired[path.name] = [Fired(f.rule, f.severity, f.message, f.range.start.line)
                            for f in (file.findings if file is not None else ())]
        try:
            texts[path.name] = dict(enumerate(path.read_text(encoding="utf-8").splitlines(), 1))
        except (OSError, UnicodeDecodeError):
            pass
    result = score_documents(expectations, fired, texts, errors)
    _ensure_langs(result, {e.lang for e in expectations})
    return result


# --------------------------------------------------------------------------- blind split


@dataclass(frozen=True)
class BlindLabel:
    """One labelled item of a blind document (``X.labels.json``)."""

    kind: str
    text: str
    expect: tuple[str, ...]
    ignore: tuple[str, ...]


def load_blind(folder: Path) -> list[tuple[Path, str, list[BlindLabel], list[tuple[str, str]]]]:
    """Every blind document under ``folder`` (any depth): (path, language, item labels, set findings).

    A set finding is ``(rule, text)``: the objective's text (or the period heading's) it is reported on.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalError(f"{folder}: no such directory")
    out = []
    for sidecar in sorted(folder.rglob("*.labels.json")):
        where = str(sidecar)
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            doc = sidecar.with_name(str(data["document"]))
            lang = str(data["lang"])
            listed = data["items"] if "items" in data else data["records"]  # writers name the list either way
            items = [BlindLabel(_KINDS.get(str(i["kind"]).lower(), str(i["kind"])), str(i["text"]),
                                _rule_names(i.get("expect")), _rule_names(i.get("ignore")))
                     for i in listed]
            sets = [(str(f["rule"]), _unlabelled(str(_set_target(f)))) for f in data.get("set_findings", [])]
            for i in listed:  # a set finding labelled on its objective's own record: {"set_findings": ["key-result-count"]}
                for f in i.get("set_findings") or ():
                    rule = f if isinstance(f, str) else str(f["rule"])
                    target = _set_target(f) if isinstance(f, dict) and _set_target(f) else str(i["text"])
                    if (rule, _unlabelled(target)) not in sets:  # also listed at the top: one finding
                        sets.append((rule, _unlabelled(target)))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise EvalError(f"{where}: bad labels file: {exc}") from None
        if not doc.is_file():
            raise EvalError(f"{where}: the document {doc.name} is missing")
        for label in items:
            bad = [r for r in (*label.expect, *label.ignore) if r not in ITEM_RULES]
            if label.kind not in KINDS or bad:
                raise EvalError(f"{where}: item {label.text[:40]!r}: bad kind or unknown rules {bad}")
        out.append((doc, lang, items, sets))
    if not out:
        raise EvalError(f"{folder}: no *.labels.json files")
    return out


def _rule_names(value: Any) -> tuple[str, ...]:
    """Rule ids of an ``expect``/``ignore`` list, whose entries may be ids or ``{"rule": id, "note": …}``."""
    return tuple(str(v["rule"]) if isinstance(v, dict) else str(v) for v in value or ())


# What writers call a key result or an objective in a labels file.
_KINDS = {"kr": "key_result", "key result": "key_result", "keyresult": "key_result", "o": "objective"}


def _set_target(label: dict[str, Any]) -> str:
    """The text a set finding is reported on: ``objective``/``period`` keys, or ``text``/``target`` with ``on`` or
    ``kind`` naming the kind (``"on": "objective"``), or ``on`` holding the text itself."""
    for key in ("objective", "period", "text", "target", "at"):
        if isinstance(label.get(key), str) and label[key]:
            return label[key]  # not ``"objective": 2``, an index
    on = str(label.get("on") or "")
    return "" if on in ("objective", "period", "key_result") else on


def _same_target(found: str, labelled: str) -> bool:
    """A labeller may quote a period heading with its gloss («Q1 2027 (январь — март)») or a YAML field with its key
    ("quarter: Q1 2027") where the finding names the period as the parser read it."""
    return bool(found) and (found in labelled or labelled in found)


def _similar(a: str, b: str) -> float:
    """Token overlap of two item texts (labels may keep a bullet or a tag the parser strips)."""
    ta, tb = set(_norm(a).split()), set(_norm(b).split())
    return len(ta & tb) / max(1, len(ta | tb))


def align(labels: Sequence[tuple[str, str]], parsed: Sequence[tuple[str, str]]) -> dict[int, int]:
    """Label index → parsed item index: same kind, in document order, the closest text (overlap ≥ 0.5)."""
    matches: dict[int, int] = {}
    used: set[int] = set()
    for i, (kind, text) in enumerate(labels):
        best, best_score = None, 0.5
        for j, (pkind, ptext) in enumerate(parsed):
            if j in used or pkind != kind:
                continue
            bare = _bare(text)  # "Цель 1. Клиенты возвращаются (отв. — М. Петров)": the text as the parser reads it
            score = 1.0 if _norm(ptext) in (_norm(text), _norm(bare)) else max(_similar(text, ptext), _similar(bare, ptext))
            if score > best_score or (score == best_score and best is not None and j < best):
                best, best_score = j, score
        if best is not None:
            matches[i] = best
            used.add(best)
    return matches


def evaluate_blind(folder: Path) -> SplitResult:
    """Lint each blind document as a user would (``lint_paths``) and score it against its labels.

    Item-level rules are scored per labelled item; a labelled item the parser did not find counts
    every expected rule as a miss (and is listed as an input error).  Set-level rules are matched by
    rule and the text of the objective or period they are reported on.
    """
    from .api import lint_paths
    from .parsing import decode, parse

    docs = load_blind(folder)
    result = SplitResult(name="blind", items=0, rules=(*ITEM_RULES, *SET_RULES))
    report = lint_paths([str(path) for path, *_ in docs])
    by_path = {file.path: file for file in report.files}
    result.errors.extend(str(e) for e in report.errors)
    for path, lang, labels, sets in docs:
        result.items += len(labels)
        file = by_path.get(str(path))
        try:
            document = parse(decode(path.read_bytes()), str(path))
            parsed = [(item.kind, item.text) for item in document.items()]
            paths = [document.path_of(item) for item in document.items()]
        except Exception as exc:  # noqa: BLE001 - a parse failure is scored as misses, not a crash
            parsed, paths = [], []
            result.errors.append(f"{path.name}: {exc}")
        matches = align([(label.kind, label.text) for label in labels], parsed)
        fired_on: dict[tuple[int, ...], list[Fired]] = {}
        set_fired: list[tuple[str, str, Finding]] = []
        for finding in (file.findings if file is not None else ()):
            if finding.rule in SET_RULES:
                set_fired.append((finding.rule, finding.item.text, finding))
            else:
                fired_on.setdefault(tuple(finding.item.path), []).append(
                    Fired(finding.rule, finding.severity, finding.message))
        records, fired = [], {}
        for n, label in enumerate(labels):
            rid = f"{path.name}#{n + 1}"
            records.append(Record(rid, label.text, lang, label.kind, None, label.expect, label.ignore))
            if n in matches:
                fired[rid] = fired_on.get(tuple(paths[matches[n]]), [])
            else:
                result.errors.append(f"{path.name}: labelled {label.kind} not found by the parser: {label.text!r}")
        part = score_items(records, fired, "blind")
        for key, counts in part.counts.items():
            result.counts.setdefault(key, Counts()).add(counts)
        result.mistakes.extend(part.mistakes)
        found = [(rule, _norm(text)) for rule, text, _ in set_fired]
        for rule in SET_RULES:
            counts = result.counts.setdefault((rule, lang), Counts())
            left = [text for r, text in found if r == rule]
            for text in (_norm(t) for r, t in sets if r == rule):
                match = next((f for f in left if f == text), None) \
                    or next((f for f in left if _same_target(f, text)), None)
                if match is None:
                    counts.fn += 1
                    result.mistakes.append(Mistake("blind", "fn", path.name, rule, lang, "document", text))
                else:
                    counts.tp += 1
                    left.remove(match)
            counts.fp += len(left)
            result.mistakes.extend(Mistake("blind", "fp", path.name, rule, lang, "document", text) for text in left)
    _ensure_langs(result, {lang for _, lang, _, _ in docs})
    return result


def run(corpus: Path | None = None, split: str = "all") -> EvalResult:
    """Evaluate ``split`` (items, holdout, documents or all) of the corpus at ``corpus``."""
    if corpus is None and not default_corpus_dir().is_dir():  # an installed wheel has no corpus
        raise EvalError("no labelled corpus here: `okrlint eval` needs a source checkout of okrlint "
                        "(run it in the repository, where corpus/ is, or name the folder: okrlint eval PATH)")
    corpus = Path(corpus) if corpus is not None else default_corpus_dir()
    if not corpus.is_dir():
        raise EvalError(f"{corpus}: no such corpus directory")
    if split == ALL:
        names = ["items", "holdout", "documents"] + [
            n for n in ("published", "published-fresh", "blind") if (corpus / _SPLIT_DIRS.get(n, n)).is_dir()]
    else:
        names = [split]
    start = time.perf_counter()
    results: list[SplitResult] = []
    for name in names:
        if name == "documents":
            results.append(evaluate_documents(corpus / "documents"))
        elif name == "blind":
            results.append(evaluate_blind(corpus / "blind"))
        else:
            results.append(evaluate_items(load_records(corpus / _SPLIT_DIRS.get(name, name)), name))
    return EvalResult(str(corpus), results, time.perf_counter() - start)


# --------------------------------------------------------------------------- output


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def render_text(result: EvalResult, worst_n: int = 10) -> str:
    out: list[str] = [f"okrlint eval: {result.corpus}", ""]
    bar = f"bar: precision >= {MIN_PRECISION}, recall >= {MIN_RECALL} where a language has >= {MIN_POSITIVES} positives"
    for split in result.splits:
        unit = "documents" if split.name == "documents" else "items"
        out.append(f"== {split.name}: {SPLITS.get(split.name, split.name)}, {split.items} {unit} ==")
        header = f"{'rule':<20} {'lang':<4} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} {'F1':>6}"
        out += [header, "-" * len(header)]
        for rule in split.rules:
            for lang in [*split.langs(), ALL]:
                c = split.count(rule, lang)
                flag = ""
                if lang != ALL and c.positives >= MIN_POSITIVES and (
                        c.precision < MIN_PRECISION or c.recall < MIN_RECALL):
                    flag = "  << below bar"
                out.append(f"{rule:<20} {lang:<4} {c.tp:>4} {c.fp:>4} {c.fn:>4} {_fmt(c.precision):>6} "
                           f"{_fmt(c.recall):>6} {_fmt(c.f1):>6}{flag}")
        out.append("-" * len(header))
        for lang in [*split.langs(), ALL]:
            t = split.total(lang)
            out.append(f"{'(micro, all rules)':<20} {lang:<4} {t.tp:>4} {t.fp:>4} {t.fn:>4} {_fmt(t.precision):>6} "
                       f"{_fmt(t.recall):>6} {_fmt(t.f1):>6}")
        for err in split.errors:
            out.append(f"input error: {err}")
        for title, mistakes in (("false positives", split.false_positives), ("misses", split.misses)):
            shown = worst(mistakes, worst_n)
            more = f", worst {len(shown)} shown" if len(shown) < len(mistakes) else ""
            out.append("")
            out.append(f"{title} ({len(mistakes)}{more}):" if mistakes else f"{title}: none")
            for m in shown:
                where = f"{m.id}:{m.line}" if m.line else m.id
                sev = f" ({m.severity})" if m.severity else ""
                out.append(f"  {where:<16} {m.rule}{sev}: {m.text}")
        out.append("")
    failures = result.failures()
    if failures:
        out.append(f"below the quality bar ({bar}):")
        out += [f"  {f}" for f in failures]
    else:
        out.append(f"every rule meets the quality bar ({bar})")
    return "\n".join(out) + "\n"


def to_dict(result: EvalResult, worst_n: int = 10) -> dict[str, Any]:
    def mistake(m: Mistake) -> dict[str, Any]:
        d = {"id": m.id, "rule": m.rule, "lang": m.lang, "kind": m.kind, "text": m.text, "severity": m.severity}
        if m.message:
            d["message"] = m.message
        if m.line:
            d["line"] = m.line
        return d

    failures = result.failures()
    return {
        "corpus": result.corpus,
        "elapsed_seconds": round(result.elapsed, 3),
        "items_per_second": round(result.items / result.elapsed, 1) if result.elapsed else None,
        "thresholds": {"min_positives": MIN_POSITIVES, "min_precision": MIN_PRECISION, "min_recall": MIN_RECALL},
        "splits": [
            {
                "name": s.name,
                "items": s.items,
                "rules": [asdict(score) for score in s.scores()],
                "total": asdict(RuleScore.of(ALL, ALL, s.total())),
                "total_by_lang": {lang: asdict(RuleScore.of(ALL, lang, s.total(lang))) for lang in s.langs()},
                "false_positives_total": len(s.false_positives),
                "misses_total": len(s.misses),
                "false_positives": [mistake(m) for m in worst(s.false_positives, worst_n)],
                "misses": [mistake(m) for m in worst(s.misses, worst_n)],
                "errors": list(s.errors),
            }
            for s in result.splits
        ],
        "failures": [asdict(f) for f in failures],
        "passed": not failures,
    }


# --------------------------------------------------------------------------- command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okrlint eval",
        description="Per-rule precision, recall and F1 of okrlint on the labelled corpus (SPEC §8).",
    )
    parser.add_argument("corpus", nargs="?", default=None,
                        help="corpus directory (default: ./corpus, else the repository's corpus/)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    parser.add_argument("--split", choices=(*RECORD_SPLITS, "documents", "blind", "all"), default="all",
                        help="which part to evaluate: items (tuning), holdout, published, published-fresh, documents, blind "
                             "or all (default)")
    parser.add_argument("--worst", type=int, default=10, metavar="N",
                        help="list up to N false positives and N misses per split (default 10)")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 if a rule with >= {MIN_POSITIVES} positives in a language has precision "
                             f"< {MIN_PRECISION} or recall < {MIN_RECALL} there (on any split)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.worst < 0:
        print("okrlint eval: --worst must be >= 0", file=sys.stderr)
        return 2
    from .cli import quiet_libraries, write

    start = time.perf_counter()
    try:
        with quiet_libraries():
            result = run(Path(args.corpus) if args.corpus else None, args.split)
    except EvalError as exc:
        print(f"okrlint eval: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - start
    result.elapsed = elapsed
    if args.format == "json":
        write(sys.stdout, json.dumps(to_dict(result, args.worst), ensure_ascii=False, indent=2) + "\n")
    else:
        write(sys.stdout, render_text(result, args.worst))
    docs, items = result.documents, result.items
    rate = f"{items / elapsed:.0f} items/s" if elapsed > 0 else "n/a items/s"
    print(f"okrlint eval: {items} items + {docs} documents in {elapsed:.2f} s ({rate})", file=sys.stderr)
    if args.check:
        failures = result.failures()
        if failures:
            print(f"okrlint eval --check: {len(failures)} rule/language pairs below the quality bar:", file=sys.stderr)
            for f in failures:
                print(f"  {f}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
