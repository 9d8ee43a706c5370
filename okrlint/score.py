"""The writing-quality score: 0–10 per objective and per set, from findings and the article's checklist.

The weights are data (``rules/_score.yaml``), validated when loaded.  A score
is a pure function of the document's structure and the findings the rules
produced, and every point taken off names the rule or check behind it, so a
team can see what to fix first.  Removing a finding never lowers a score:
deductions only add up, per rule capped, and the floor is 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


from .findings import SEVERITY_ORDER, Finding
from .model import OkrDocument, Range

SCORE_FILE = "_score.yaml"
CHECKS = ("no-key-results", "untitled-objective", "no-owner")
_KINDS = ("objective", "key_result", "period", "document")


class ScoreFileError(Exception):
    """``_score.yaml`` cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class RuleWeight:
    points: dict[str, float]  # by finding kind; "*" for any kind
    scope: str = "objective"  # or "set"

    def for_kind(self, kind: str) -> float:
        return self.points.get(kind, self.points.get("*", 0.0))


@dataclass(frozen=True)
class Weights:
    max: float
    cap_per_rule: float
    severity: dict[str, float]
    rules: dict[str, RuleWeight]
    checks: dict[str, float]
    check_summaries: dict[str, dict[str, str]]
    path: str = SCORE_FILE

    def finding_points(self, finding: Finding) -> float:
        weight = self.rules.get(finding.rule)
        if weight is None:
            return self.severity.get(finding.severity, 0.0)
        return weight.for_kind(finding.item.kind)

    def scope(self, rule: str) -> str:
        weight = self.rules.get(rule)
        return weight.scope if weight is not None else "objective"


@dataclass(frozen=True)
class Deduction:
    """Points taken off for one rule (``source == "finding"``, ``count`` findings) or one check."""

    name: str
    source: str  # "finding" | "check"
    points: float
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "source": self.source, "points": self.points, "count": self.count}


@dataclass(frozen=True)
class ObjectiveScore:
    text: str
    path: tuple[int, ...]
    range: Range
    score: float
    deductions: tuple[Deduction, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "path": list(self.path),
            "range": self.range.to_dict(),
            "score": self.score,
            "deductions": [d.to_dict() for d in self.deductions],
        }


@dataclass(frozen=True)
class FileScore:
    score: float
    objectives: tuple[ObjectiveScore, ...] = ()
    deductions: tuple[Deduction, ...] = ()  # set-level
    max: float = 10.0

    def to_dict(self) -> dict[str, Any]:
        """The score fields of a file in the JSON report."""
        return {
            "score": self.score,
            "score_deductions": [d.to_dict() for d in self.deductions],
            "objectives": [o.to_dict() for o in self.objectives],
        }


# ---------------------------------------------------------------- weights


def score_file() -> Path:
    """The shipped weights: next to the rule files (``okrlint/rules`` in a wheel, ``rules/`` in a checkout)."""
    from .registry import rules_dir

    return rules_dir() / SCORE_FILE


@lru_cache(maxsize=None)
def load_weights(path: str | None = None) -> Weights:
    """The shipped weights (or ``path``); raises ScoreFileError naming the file and the field."""
    file = Path(path) if path else score_file()
    name = file.name

    def fail(key: str, problem: str) -> ScoreFileError:
        return ScoreFileError(f"{name}: {key}: {problem}")

    import yaml  # on demand: a fully cached run reads scores from the cache, not this file

    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ScoreFileError(f"{name}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ScoreFileError(f"{name}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise fail("(top level)", "expected a mapping")

    def number(value: Any, key: str, positive: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise fail(key, f"expected a number, got {value!r}")
        if value < 0 or (positive and value == 0):
            raise fail(key, f"expected a {'positive' if positive else 'non-negative'} number, got {value!r}")
        return float(value)

    known = {"version", "max", "cap_per_rule", "severity", "rules", "checks"}
    for key in data:
        if key not in known:
            raise fail(str(key), f"unknown key (expected {', '.join(sorted(known))})")
    if data.get("version") != 1:
        raise fail("version", f"expected 1, got {data.get('version')!r}")
    top = number(data.get("max"), "max", positive=True)
    cap = number(data.get("cap_per_rule"), "cap_per_rule", positive=True)
    severity_data = data.get("severity")
    if not isinstance(severity_data, dict):
        raise fail("severity", "expected a mapping error/warning/info: points")
    severity = {}
    for level in SEVERITY_ORDER:
        if level not in severity_data:
            raise fail(f"severity.{level}", "missing")
        severity[level] = number(severity_data[level], f"severity.{level}")
    for level in severity_data:
        if level not in SEVERITY_ORDER:
            raise fail(f"severity.{level}", "unknown severity (expected error, warning, info)")
    rules_data = data.get("rules") or {}
    if not isinstance(rules_data, dict):
        raise fail("rules", "expected a mapping rule-id: points")
    rules = {}
    for rule_id, value in rules_data.items():
        key = f"rules.{rule_id}"
        if isinstance(value, dict):
            scope = value.get("scope", "objective")
            if scope not in ("objective", "set"):
                raise fail(f"{key}.scope", f"expected objective or set, got {scope!r}")
            points: dict[str, float] = {}
            for kind, amount in value.items():
                if kind == "scope":
                    continue
                if kind == "points":
                    points["*"] = number(amount, f"{key}.points")
                elif kind in _KINDS:
                    points[kind] = number(amount, f"{key}.{kind}")
                else:
                    raise fail(f"{key}.{kind}", f"unknown key (expected points, scope or a kind: {', '.join(_KINDS)})")
            if not points:
                raise fail(key, "no points given")
            rules[str(rule_id)] = RuleWeight(points, scope)
        else:
            rules[str(rule_id)] = RuleWeight({"*": number(value, key)})
    checks_data = data.get("checks")
    if not isinstance(checks_data, dict):
        raise fail("checks", "expected a mapping check: {points, summary}")
    checks: dict[str, float] = {}
    summaries: dict[str, dict[str, str]] = {}
    for check in CHECKS:
        entry = checks_data.get(check)
        key = f"checks.{check}"
        if not isinstance(entry, dict):
            raise fail(key, "missing (expected {points: N, summary: {ru: …, en: …}})")
        checks[check] = number(entry.get("points"), f"{key}.points")
        summary = entry.get("summary")
        if not isinstance(summary, dict) or not all(isinstance(summary.get(lang), str) for lang in ("ru", "en")):
            raise fail(f"{key}.summary", "expected ru and en text")
        summaries[check] = {lang: " ".join(summary[lang].split()) for lang in ("ru", "en")}
    for check in checks_data:
        if check not in CHECKS:
            raise fail(f"checks.{check}", f"unknown check (expected {', '.join(CHECKS)})")
    return Weights(top, cap, severity, rules, checks, summaries, name)


# ---------------------------------------------------------------- scoring


def _round(value: float) -> float:
    return round(value + 1e-9, 1)


def _rule_deductions(findings: Sequence[Finding], weights: Weights) -> list[Deduction]:
    by_rule: dict[str, list[float]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(weights.finding_points(finding))
    out = []
    for rule, amounts in by_rule.items():
        points = min(weights.cap_per_rule, sum(amounts))
        if points > 0:
            out.append(Deduction(rule, "finding", _round(points), len(amounts)))
    return out


def score_document(doc: OkrDocument, findings: Sequence[Finding], weights: Weights | None = None) -> FileScore:
    """Scores of every objective of ``doc`` and of the set, given the findings the rules made on it."""
    weights = weights or load_weights()
    per_objective: dict[int, list[Finding]] = {}
    set_level: list[Finding] = []
    for finding in findings:
        path = finding.item.path
        if weights.scope(finding.rule) == "set" or not path or path[0] >= len(doc.objectives):
            set_level.append(finding)
        else:
            per_objective.setdefault(path[0], []).append(finding)
    objectives = []
    for index, objective in enumerate(doc.objectives):
        deductions = _rule_deductions(per_objective.get(index, []), weights)
        if not objective.key_results:
            deductions.append(Deduction("no-key-results", "check", weights.checks["no-key-results"]))
        if not objective.text.strip():
            deductions.append(Deduction("untitled-objective", "check", weights.checks["untitled-objective"]))
        if not objective.fields.get("owner") and not any(kr.fields.get("owner") for kr in objective.key_results):
            deductions.append(Deduction("no-owner", "check", weights.checks["no-owner"]))
        deductions = [d for d in deductions if d.points > 0]
        deductions.sort(key=lambda d: (-d.points, d.name))
        value = max(0.0, weights.max - sum(d.points for d in deductions))
        objectives.append(ObjectiveScore(
            objective.text, (index,), doc.lines.range(objective.start, objective.end), _round(value), tuple(deductions)
        ))
    set_deductions = sorted(_rule_deductions(set_level, weights), key=lambda d: (-d.points, d.name))
    mean = sum(o.score for o in objectives) / len(objectives) if objectives else weights.max
    total = max(0.0, mean - sum(d.points for d in set_deductions))
    return FileScore(_round(total), tuple(objectives), tuple(set_deductions), weights.max)


def overall(scores: Iterable[FileScore]) -> tuple[float, int] | None:
    """The mean over every objective of several files, set deductions included (weighted by objectives)."""
    total = count = 0.0
    for score in scores:
        n = max(1, len(score.objectives))
        total += score.score * n
        count += n
    return (_round(total / count), int(count)) if count else None


def below(scores: Iterable[FileScore], minimum: float) -> list[ObjectiveScore]:
    """Objectives scoring under ``minimum`` (the ``--min-score`` gate)."""
    return [o for s in scores for o in s.objectives if o.score < minimum]


# ---------------------------------------------------------------- text


def fmt(value: float) -> str:
    """``6.5``, ``10``: one decimal, none when whole."""
    return f"{value:.1f}".removesuffix(".0")


def _short(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def deduction_text(deduction: Deduction) -> str:
    """``−2 vague-verb``, ``−3 task-key-result ×2``."""
    times = f" ×{deduction.count}" if deduction.count > 1 else ""
    return f"−{fmt(deduction.points)} {deduction.name}{times}"


def score_lines(path: str, score: FileScore, *, paint: Any = None) -> list[str]:
    """Text-output lines: one per objective (where it starts, score, text, deductions) and one for the set."""
    paint = paint or (lambda _style, text: text)
    lines = []
    for objective in score.objectives:
        start = objective.range.start
        title = f"«{_short(objective.text)}»" if objective.text.strip() else "(untitled objective)"
        style = "error" if objective.score < 5 else "warning" if objective.score < 8 else "suggest"
        why = ", ".join(deduction_text(d) for d in objective.deductions)
        lines.append(
            f"{paint('bold', f'{path}:{start.line}:{start.column}:')} "
            f"{paint(style, 'score ' + fmt(objective.score) + '/' + fmt(score.max))} {title}"
            + (f" ({why})" if why else "")
        )
    n = len(score.objectives)
    extra = ", ".join(deduction_text(d) for d in score.deductions)
    label = f"{n} objective" + ("" if n == 1 else "s")
    lines.append(
        f"{paint('bold', path + ':')} set score {fmt(score.score)}/{fmt(score.max)} ({label}"
        + (f"; {extra}" if extra else "") + ")"
    )
    return lines


def summary(scores: Sequence[FileScore], minimum: float | None = None) -> str | None:
    """``Score 6.2/10 over 5 objectives in 2 files; 2 below --min-score 7.``"""
    result = overall(scores)
    if result is None:
        return None
    value, count = result
    files = len(scores)
    text = f"Score {fmt(value)}/{fmt(scores[0].max)} over {count} objective{'s' if count != 1 else ''}"
    if files > 1:
        text += f" in {files} files"
    if minimum is not None:
        low = len(below(scores, minimum))
        text += f"; {low} below --min-score {fmt(minimum)}"
    return text + "."


# ---------------------------------------------------------------- explain

_EXPLAIN = {
    "en": {
        "title": "score: how okrlint scores the writing of OKRs (0–{max})",
        "intro": (
            "Every objective starts at {max} points. Each finding on the objective or on one of its key results "
            "takes off its rule's points; one rule takes at most {cap} points from one objective; an objective "
            "never goes below 0. The set (a file) scores the mean of its objectives minus the points of "
            "set-level findings. Removing a finding never lowers a score. `--min-score N` fails the run "
            "(exit 1) when an objective scores below N. Weights: {path}."
        ),
        "rules": "Points per finding",
        "severity": "Rules not listed: by severity",
        "checks": "Checks (the article's checklist, no finding behind them)",
        "set": "set",
        "kinds": {"objective": "on an objective", "key_result": "on a key result", "period": "on a period",
                  "document": "on the document"},
    },
    "ru": {
        "title": "score: как okrlint оценивает качество формулировок OKR (0–{max})",
        "intro": (
            "Каждая цель начинает с {max} баллов. Каждое замечание к цели или к её ключевому результату снимает "
            "баллы своего правила; одно правило снимает с одной цели не больше {cap}; ниже 0 оценка не опускается. "
            "Оценка набора (файла) — среднее по его целям минус баллы замечаний ко всему набору. Если убрать "
            "замечание, оценка не понизится. `--min-score N` завершает проверку с кодом 1, если какая-то цель "
            "набрала меньше N. Веса: {path}."
        ),
        "rules": "Баллы за одно замечание",
        "severity": "Правила, которых нет в списке: по важности",
        "checks": "Проверки (список из статьи, без отдельного замечания)",
        "set": "набор",
        "kinds": {"objective": "к цели", "key_result": "к КР", "period": "к периоду", "document": "к документу"},
    },
}


def explain_score(locale: str, weights: Weights | None = None) -> str:
    """``okrlint explain score``: the method and every weight, in Russian or English."""
    weights = weights or load_weights()
    words = _EXPLAIN.get(locale, _EXPLAIN["en"])
    import textwrap

    out = [words["title"].format(max=fmt(weights.max)), ""]
    out += textwrap.wrap(
        words["intro"].format(max=fmt(weights.max), cap=fmt(weights.cap_per_rule), path=f"rules/{weights.path}"),
        width=88,
    )
    out += ["", words["rules"]]
    width = max(len(r) for r in weights.rules) if weights.rules else 10
    for rule_id, weight in weights.rules.items():
        parts = []
        for kind, points in weight.points.items():
            amount = f"−{fmt(points)}" if points else "0"
            parts.append(amount if kind == "*" else f"{amount} {words['kinds'][kind]}")
        scope = f" ({words['set']})" if weight.scope == "set" else ""
        out.append(f"  {rule_id.ljust(width)}  {', '.join(parts)}{scope}")
    out += ["", words["severity"]]
    out += [f"  {level.ljust(width)}  −{fmt(points)}" for level, points in weights.severity.items()]
    out += ["", words["checks"]]
    for check, points in weights.checks.items():
        out.append(f"  {check.ljust(width)}  −{fmt(points)}  {weights.check_summaries[check][locale if locale in ('ru', 'en') else 'en']}")
    return "\n".join(out) + "\n"


__all__ = [
    "Deduction",
    "FileScore",
    "ObjectiveScore",
    "ScoreFileError",
    "Weights",
    "explain_score",
    "load_weights",
    "score_document",
    "score_lines",
    "summary",
]

