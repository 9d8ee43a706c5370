"""The rule engine: loads rules from YAML, runs them over analyzed documents.

A rule is data (``rules/<id>.yaml``): lexicons, spaCy ``Matcher`` patterns,
messages, rewrite templates and examples.  What patterns cannot express is a
named check in :mod:`okrlint.checks`, and a named rewriter in
:mod:`okrlint.rewrite`; the YAML refers to both by name.  Rules only find;
the fix stage (:mod:`okrlint.fixes`) composes each item's suggestion after
every rule has run.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from . import checks, fixes, rewrite
from .analysis import Analysis, analyze, detect_language
from .analysis.language import document_language, item_language
from .config import Config
from .findings import SEVERITY_ORDER, FileReport, Finding, ItemRef
from .limits import within_limit
from .model import Item, KeyResult, Objective, OkrDocument, Period, Suppression
from .registry import rules_dir
from .score import score_document

KINDS = ("objective", "key_result", "period", "document")
# libyaml's safe loader when PyYAML has it: the same safe subset, read several times faster (start-up)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LANGS = ("ru", "en")


class RuleFileError(Exception):
    """A rule file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Example:
    text: str
    kind: str
    bad: bool
    lang: str
    span: str | None = None
    objective: str | None = None
    key_results: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()  # for period examples: the objectives under the heading
    seed: bool = False  # quoted from the seed article
    document: str | None = None  # a whole file (Markdown/CSV/YAML) holding the example, for field-based rules
    format: str | None = None  # the document's format when it is not Markdown


@dataclass
class Rule:
    """One rule, as read from ``rules/<id>.yaml``: what it applies to, its severities, texts, lexicons and examples."""

    id: str
    applies_to: tuple[str, ...]
    severity: dict[str, str]
    summary: dict[str, str]
    rationale: dict[str, str]
    message: dict[str, str]
    check: str
    rewriter: str | None = None
    safe_fix: str | None = None  # a named safe edit in okrlint.fixes (``rewrite: {safe: drop-hedge}``)
    templates: dict[str, Any] = field(default_factory=dict)
    lexicon: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    patterns: dict[str, list[list[dict[str, Any]]]] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    path: str = ""
    _sets: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, lang: str, group: str) -> list[str]:
        return self.lexicon.get(lang, {}).get(group, [])

    def word_set(self, lang: str, group: str) -> frozenset[str]:
        """A lexicon group, lower-cased, for membership tests (computed once per rule)."""
        key = (lang, group)
        if key not in self._sets:
            self._sets[key] = frozenset(w.lower() for w in self.words(lang, group))
        return self._sets[key]


# ---------------------------------------------------------------- loading

@lru_cache(maxsize=None)
def _load_all(folder: str) -> tuple[Rule, ...]:
    paths = sorted(p for p in Path(folder).glob("*.yaml") if not p.name.startswith("_"))
    shared = _load_shared(Path(folder) / "_shared.yaml")
    return tuple(load_rule_file(p, shared) for p in paths)


def _load_shared(path: Path) -> dict[str, dict[str, list[str]]]:
    """Lexicon groups several rules share (``rules/_shared.yaml``), named in rule files as ``"@group"``."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleFileError(f"{path.name}: cannot read: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(langs, dict) and all(isinstance(w, list) for w in langs.values()) for langs in data.values()
    ):
        raise RuleFileError(f"{path.name}: expected group: {{ru: [...], en: [...]}}")
    return data


def shared_lexicon(folder: Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``rules/_shared.yaml``: lexicon groups several rules (and the rewriters) share."""
    return _load_shared(Path(folder or rules_dir()) / "_shared.yaml")


def load_rules(folder: Path | None = None) -> list[Rule]:
    """Every rule, sorted by id; raises RuleFileError naming a broken file."""
    return list(_load_all(str(folder or rules_dir())))


def get_rule(rule_id: str) -> Rule | None:
    """A shipped rule by id (checks and rewriters borrow each other's lexicons through this)."""
    return _shipped_rules().get(rule_id)


@lru_cache(maxsize=None)
def _shipped_rules() -> dict[str, Rule]:
    return {rule.id: rule for rule in load_rules()}


def load_rule_file(path: Path, shared: dict[str, dict[str, list[str]]] | None = None) -> Rule:
    def fail(key: str, problem: str) -> RuleFileError:
        return RuleFileError(f"{path.name}: {key}: {problem}")

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path.name}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path.name}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise fail("(top level)", "expected a mapping")

    def need(key: str, kind: type) -> Any:
        if key not in data:
            raise fail(key, "missing")
        if not isinstance(data[key], kind):
            raise fail(key, f"expected {kind.__name__}")
        return data[key]

    def localized(key: str) -> dict[str, str]:
        value = need(key, dict)
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                raise fail(f"{key}.{lang}", "missing text")
        return {k: v.strip() for k, v in value.items()}

    rule_id = need("id", str)
    if rule_id != path.stem:
        raise fail("id", f"{rule_id!r} does not match the file name")
    applies_to = tuple(need("applies_to", list))
    for kind in applies_to:
        if kind not in KINDS:
            raise fail("applies_to", f"unknown kind {kind!r} (expected {', '.join(KINDS)})")
    severity_data = data.get("severity")
    if isinstance(severity_data, str):
        severity = {kind: severity_data for kind in applies_to}
    elif isinstance(severity_data, dict):
        severity = dict(severity_data)
    else:
        raise fail("severity", "expected a severity or a mapping kind: severity")
    for kind in applies_to:
        if severity.get(kind) not in SEVERITY_ORDER:
            raise fail(f"severity.{kind}", "expected error, warning or info")
    check_name = need("check", str)
    if check_name not in checks.CHECKS:
        raise fail("check", f"unknown check {check_name!r}")
    rewriter = data.get("rewrite", {}).get("using") if isinstance(data.get("rewrite"), dict) else None
    if rewriter is not None and rewriter not in rewrite.REWRITERS:
        raise fail("rewrite.using", f"unknown rewriter {rewriter!r}")
    safe_fix = data.get("rewrite", {}).get("safe") if isinstance(data.get("rewrite"), dict) else None
    if safe_fix is not None and safe_fix not in fixes.SAFE_EDITS:
        raise fail("rewrite.safe", f"unknown safe edit {safe_fix!r}")

    lexicon = data.get("lexicon", {}) or {}
    if not isinstance(lexicon, dict):
        raise fail("lexicon", "expected a mapping lang: {group: [lemmas]}")
    for lang, groups in lexicon.items():
        if lang not in LANGS or not isinstance(groups, dict):
            raise fail(f"lexicon.{lang}", "expected ru/en with groups of lemmas")
        for group, words in groups.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise fail(f"lexicon.{lang}.{group}", "expected a list of strings")
            expanded = []
            for word in words:
                if word.startswith("@"):
                    if word[1:] not in (shared or {}):
                        raise fail(f"lexicon.{lang}.{group}", f"unknown shared lexicon {word!r} (see _shared.yaml)")
                    expanded.extend(shared[word[1:]].get(lang, []))
                else:
                    expanded.append(word)
            groups[group] = expanded
    patterns = data.get("patterns", {}) or {}
    for lang, plist in patterns.items():
        if lang not in LANGS or not isinstance(plist, list) or not all(isinstance(p, list) for p in plist):
            raise fail(f"patterns.{lang}", "expected a list of spaCy Matcher patterns")

    examples = []
    raw_examples = need("examples", dict)
    for label in ("bad", "good"):
        for n, ex in enumerate(raw_examples.get(label, []) or []):
            where = f"examples.{label}[{n}]"
            if isinstance(ex, str):
                ex = {"text": ex}
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
                raise fail(where, "expected text")
            kind = ex.get("kind", applies_to[0])
            if kind not in KINDS:
                raise fail(f"{where}.kind", f"unknown kind {kind!r}")
            span = ex.get("span")
            if label == "bad" and span is not None and span not in _example_text(ex):
                raise fail(f"{where}.span", f"{span!r} is not in the example text")
            examples.append(Example(
                text=ex["text"], kind=kind, bad=label == "bad",
                lang=ex.get("lang") or detect_language(ex["text"]), span=span,
                objective=ex.get("objective"), key_results=tuple(ex.get("key_results", [])),
                objectives=tuple(ex.get("objectives", [])), seed=bool(ex.get("seed", False)),
                document=ex.get("document"), format=ex.get("format"),
            ))
    if not any(e.bad for e in examples):
        raise fail("examples.bad", "a rule needs at least one bad example")

    rule = Rule(
        id=rule_id,
        applies_to=applies_to,
        severity=severity,
        summary=localized("summary"),
        rationale=localized("rationale"),
        message=localized("message"),
        check=check_name,
        rewriter=rewriter,
        safe_fix=safe_fix,
        templates={k: v for k, v in (data.get("rewrite") or {}).items() if k not in ("using", "safe")},
        lexicon={lang: {g: list(w) for g, w in groups.items()} for lang, groups in lexicon.items()},
        patterns=patterns,
        options=dict(data.get("options", {}) or {}),
        examples=examples,
        path=str(path),
    )
    checks.register_patterns(rule)
    return rule


def _example_text(ex: dict[str, Any]) -> str:
    return "\n".join([ex.get("text", ""), ex.get("objective") or "", *ex.get("key_results", []), ex.get("document") or ""])


def example_document(example: Example) -> tuple[OkrDocument, Item | Period]:
    """A small document holding one rule example, and the item the example is about."""
    if example.document is not None:
        from .parsing import parse

        doc = parse(example.document, "<example>", example.format or "markdown")
        targets = [i for i in doc.items() if i.text == example.text and i.kind == example.kind]
        if not targets:
            raise RuleFileError(f"example {example.text!r}: no {example.kind} with this text in its document")
        return doc, targets[0]
    lines: list[tuple[str, str]] = []  # (kind, text)
    if example.kind == "period":
        lines.append(("period", example.text))
        for text in example.objectives:
            lines.append(("objective", text))
            lines.extend(("key_result", kr) for kr in example.key_results)
    elif example.kind == "objective":
        lines.append(("objective", example.text))
        lines.extend(("key_result", kr) for kr in example.key_results)
    else:
        lines.append(("objective", example.objective or ""))
        lines.append(("key_result", example.text))
    prefixes = {"period": "# ", "objective": "## ", "key_result": "- "}
    source, spans = "", []
    for kind, text in lines:
        source += prefixes[kind]
        spans.append((kind, text, len(source)))
        source += text + "\n"
    doc = OkrDocument(source, path="<example>", format="markdown")
    period: Period | None = None
    target: Item | Period | None = None
    for kind, text, start in spans:
        if kind == "period":
            period = Period(text, start, start + len(text))
            doc.periods.append(period)
            target = period
        elif kind == "objective":
            objective = Objective(text=text, start=start, end=start + len(text), period=period)
            doc.objectives.append(objective)
            if period is not None:
                period.objectives.append(objective)
            if target is None and example.kind == "objective":
                target = objective
        else:
            kr = KeyResult(text=text, start=start, end=start + len(text))
            doc.objectives[-1].key_results.append(kr)
            if example.kind == "key_result":
                target = kr
    assert target is not None
    return doc, target


# ---------------------------------------------------------------- running

@dataclass
class Context:
    """What a check sees: the item, its analysis, its place in the document, the rule and config."""

    rule: Rule
    config: Config
    document: OkrDocument
    item: Item | Period | None
    kind: str
    analysis: Analysis | None
    analyses: dict[int, Analysis]
    objective: Objective | None = None

    def option(self, name: str) -> Any:
        return self.config.options.get(self.rule.id, {}).get(name, self.rule.options.get(name))

    def words(self, group: str, lang: str | None = None) -> set[str]:
        lang = lang or (self.analysis.lang if self.analysis else "ru")
        extra = self.config.extra_words.get(self.rule.id, {}).get(lang, []) if group == "main" else []
        words = self.rule.word_set(lang, group)
        return words | {w.lower() for w in extra} if extra else words


def lint_documents(documents: list[OkrDocument], config: Config | None = None,
                   rules: Iterable[Rule] | None = None) -> list[FileReport]:
    """Lint parsed documents; all their items are analyzed in one batch."""
    config = config or Config()
    active = [r for r in (rules if rules is not None else load_rules()) if config.enabled(r.id)]
    items = [item for doc in documents for item in doc.items()]
    for doc in documents:
        language = document_language([item.text for item in doc.items()])
        for objective in doc.objectives:  # a line of bare terms takes its objective's language, else the file's
            objective.lang = item_language(objective.text, language)
            context = document_language([objective.text], language)
            for kr in objective.key_results:
                kr.lang = item_language(kr.text, context)
        if config.lang in LANGS:
            for item in doc.items():
                item.lang = config.lang
    # Each distinct (text, language) is analyzed once: exports repeat lines, the corpus repeats parents.
    # Items over the length limit are input errors (see limits.py) and never reach the analysers.
    items = [item for item in items if within_limit(item.text)]
    unique = list(dict.fromkeys((i.text, i.lang) for i in items))
    analyzed = dict(zip(unique, analyze([t for t, _ in unique], [lang for _, lang in unique])))
    analyses = {id(i): analyzed[(i.text, i.lang)] for i in items}
    kit = _kit(tuple(rules) if rules is not None else tuple(load_rules()))
    return [_lint_document(doc, active, config, analyses, kit) for doc in documents]


# Rule set → its Kit; the rules are kept with it so their ids are never reused for another set.
_KITS: dict[tuple[int, ...], tuple[tuple[Rule, ...], rewrite.Kit]] = {}


def _kit(rules: tuple[Rule, ...]) -> rewrite.Kit:
    """What the rewriters borrow from the rule files: templates, lexicons, shared lexicons (once per rule set)."""
    key = tuple(id(r) for r in rules)
    if key not in _KITS:
        folder = Path(rules[0].path).parent if rules and rules[0].path else None
        _KITS[key] = (rules, rewrite.Kit(templates={r.id: r.templates for r in rules},
                                         lexicons={r.id: r.lexicon for r in rules}, shared=shared_lexicon(folder)))
    return _KITS[key][1]


def _lint_document(doc: OkrDocument, rules: list[Rule], config: Config,
                   analyses: dict[int, Analysis], kit: rewrite.Kit) -> FileReport:
    marks: list[fixes.Mark] = []
    for rule in rules:
        run = checks.CHECKS[rule.check]
        for kind, item, objective in _targets(doc, rule):
            if item is not None and not within_limit(item.text):
                continue  # reported as an input error, not linted
            analysis = analyses.get(id(item)) if isinstance(item, Item) else None
            ctx = Context(rule, config, doc, item, kind, analysis, analyses, objective)
            hits = run(ctx)
            if hits:
                marks.extend(_mark(ctx, hit) for hit in hits)
    kept = {id(f) for f in _unsuppressed([m.finding for m in marks], doc.suppressions)}
    marks = [m for m in marks if id(m.finding) in kept]
    findings = fixes.apply(doc, marks, analyses, kit, {r.id: r for r in rules}, suggest=config.suggestions,
                           recheck=lambda pairs: _text_rules(pairs, doc, rules, config))
    findings.sort(key=lambda f: (f.range.start.offset, f.rule))
    langs = sorted({i.lang for i in doc.items()})
    return FileReport(path=doc.path, language="+".join(langs) if langs else "", findings=findings, source=doc.source,
                      score=score_document(doc, findings))


def _unsuppressed(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Findings no suppression covers; a sweep over both sorted by offset, so a marker on every line stays linear."""
    if not suppressions:
        return findings
    ordered = sorted(suppressions, key=lambda s: s.start)
    kept: list[Finding] = []
    active: list[tuple[int, int, Suppression]] = []  # a heap of (end, n, suppression) that started at or before
    n = 0
    for finding in sorted(findings, key=lambda f: f.range.start.offset):
        offset = finding.range.start.offset
        while n < len(ordered) and ordered[n].start <= offset:
            heapq.heappush(active, (ordered[n].end, n, ordered[n]))
            n += 1
        while active and active[0][0] <= offset:
            heapq.heappop(active)
        if not any(s.covers(finding.rule, offset) for _, _, s in active):
            kept.append(finding)
    return kept


# Checks that judge the OKR tree (counts, periods, owners, progress), not an item's wording.
_STRUCTURAL_CHECKS = frozenset({"deadline", "kr-count", "objective-limit", "no-owner", "target-reached"})


def _text_rules(pairs: Sequence[tuple[Item, str]], doc: OkrDocument, rules: list[Rule],
                config: Config) -> list[set[str]]:
    """The wording rules that fire on each new text in its item's place (one batch): the fix stage's check
    that a safe fix reveals no problem the original wording did not show."""
    tinies, targets = [], []
    for item, text in pairs:
        objective = doc.objective_of(item)
        kind = "objective" if isinstance(item, Objective) else "key_result"
        example = Example(text=text, kind=kind, bad=False, lang=item.lang,
                          objective=objective.text if objective is not None and objective is not item else None)
        tiny, target = example_document(example)
        tinies.append(tiny)
        targets.append(target)
    wording = [r for r in rules if r.check not in _STRUCTURAL_CHECKS]
    reports = lint_documents(tinies, replace(config, suggestions=False), wording)
    return [{f.rule for f in report.findings if target.start <= f.range.start.offset <= target.end}
            for report, target in zip(reports, targets)]


def _targets(doc: OkrDocument, rule: Rule) -> Iterable[tuple[str, Item | Period | None, Objective | None]]:
    for objective in doc.objectives:
        if "objective" in rule.applies_to and objective.text.strip():  # an untitled objective has nothing to judge
            yield "objective", objective, objective
        if "key_result" in rule.applies_to:
            for kr in objective.key_results:
                yield "key_result", kr, objective
    if "period" in rule.applies_to:
        for period in doc.periods:
            yield "period", period, None
    if "document" in rule.applies_to:
        yield "document", None, None


def _mark(ctx: Context, hit: checks.Hit) -> fixes.Mark:
    rule, doc = ctx.rule, ctx.document
    item = hit.item if hit.item is not None else ctx.item
    kind = hit.kind or ctx.kind
    scope = item.objectives if isinstance(item, Period) else doc.items()
    lang = ctx.config.locale or (ctx.analysis.lang if ctx.analysis else checks.majority_language(scope))
    severity = ctx.config.severity.get(rule.id) or rule.severity.get(kind) or rule.severity[ctx.kind]
    if isinstance(item, Item):
        start, end = item.source_span(hit.start, hit.end) if hit.end is not None else (item.start, item.end)
        item_range = doc.lines.range(item.start, item.end)
        objective = ctx.objective.text if ctx.objective is not None and ctx.objective is not item else None
        ref = ItemRef(kind, item.text, doc.path_of(item), objective, item_range)
    elif isinstance(item, Period):
        start, end = item.start, item.end
        ref = ItemRef("period", item.text, (), None, doc.lines.range(item.start, item.end))
    else:
        start = end = 0
        ref = ItemRef("document", "", ())
    values = {"match": hit.text or "", **hit.values}
    message = _format(rule.message.get(lang) or rule.message["en"], values)
    finding = Finding(rule.id, severity, message, ref, doc.lines.range(start, end),  # type: ignore[arg-type]
                      lang=ctx.analysis.lang if ctx.analysis else lang)
    target = rewrite.Target(hit.start, hit.end if hit.end is not None else len(item.text), hit.text or "", hit.values) \
        if isinstance(item, Item) else None
    return fixes.Mark(finding, item if isinstance(item, Item) else None, target, locale=lang)




def _format(template: str, values: dict[str, Any]) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
