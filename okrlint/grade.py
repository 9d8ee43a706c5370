"""Quarter-end grading, the article's step 7: «Считайте процент выполнения: 0%, 30%, 70%, 100%».

Each key result is graded from the data its file has, in this order:

1. a ``grade``/``score``/«Оценка» field — what the team itself wrote at the end of the quarter;
2. a ``progress``/«Прогресс» field (``0.7``, ``70%``, ``70``);
3. ``(current − baseline) / (target − baseline)`` from structured fields, clamped to 0…1; the sign of
   ``target − baseline`` makes it work for "reduce" targets too (65 → 45, now 55: 0.5).  A baseline or
   target missing from the fields is read from the key result's own «с X до Y» / "from X to Y".

A key result without such data is "not graded" with the reason, never guessed.  Bad data (a target
equal to its baseline, a progress of 250 %, text in a number field, a negative weight) is a
:class:`GradeProblem` naming the line and the field; that key result is not graded, the others are.

Objective grade: the weighted mean of its graded key results (``weight`` field, default 1); set grade:
the weighted mean of its graded objectives.  Bands follow the article: < 0.3 red, 0.3–0.7 amber,
≥ 0.7 green («70% выполнения — это успех»).  Flags: an амбициозный/aspirational OKR at 1.0 is «слишком
безопасно» (sandbagging); a приоритетный/committed OKR is expected at 1.0 and is flagged below it.
OKRs with no type are read as ``default_type`` (aspirational: the article's own wording).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from .analysis.language import detect_language
from .findings import InputError
from .model import Item, KeyResult, Objective, OkrDocument

TYPES = ("aspirational", "committed")
BANDS = ("red", "amber", "green")
RED_BELOW = 0.3
GREEN_FROM = 0.7
_EPS = 1e-9


@dataclass(frozen=True)
class Reason:
    """Why an item is not graded (or what is wrong with its data): a code and its values."""

    code: str
    field: str = ""
    value: str = ""

    def text(self, lang: str) -> str:
        template = REASONS[self.code].get(lang) or REASONS[self.code]["en"]
        return template.format(field=self.field, value=self.value)


REASONS: dict[str, dict[str, str]] = {
    "no-data": {
        "en": "no grade, progress or current value",
        "ru": "нет ни оценки, ни прогресса, ни текущего значения",
    },
    "no-current": {"en": "a target but no current value", "ru": "есть целевое значение, но нет текущего"},
    "no-target": {"en": "a current value but no target", "ru": "есть текущее значение, но нет целевого"},
    "no-baseline": {
        "en": "no baseline to measure from (add a baseline field or write “from X to Y”)",
        "ru": "нет исходного значения (добавьте поле baseline или напишите «с X до Y»)",
    },
    "target-equals-baseline": {
        "en": "target equals baseline ({value}): nothing to measure progress against",
        "ru": "целевое значение равно исходному ({value}): прогресс не посчитать",
    },
    "out-of-range": {"en": "{field} {value} is outside 0–100%", "ru": "{field} {value} — вне диапазона 0–100%"},
    "not-a-number": {"en": "{field} {value} is not a number", "ru": "{field} {value} — не число"},
    "bad-weight": {"en": "weight {value} is not a number ≥ 0", "ru": "вес {value} — не число ≥ 0"},
}
DATA_ERRORS = frozenset({"target-equals-baseline", "out-of-range", "not-a-number", "bad-weight"})


class _BadData(Exception):
    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.code)
        self.reason = reason


@dataclass(frozen=True)
class GradeProblem:
    """Bad data in one field of one item: the line, the field and what is wrong (an input error)."""

    path: str
    line: int
    column: int
    item: str
    reason: Reason
    kind: str = "key_result"

    def message(self, lang: str = "en") -> str:
        what = "key result" if self.kind == "key_result" else "objective"
        return f"line {self.line}: {self.reason.field or 'value'}: {self.reason.text(lang)} ({what} «{_short(self.item)}»)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "field": self.reason.field,
            "value": self.reason.value,
            "item": self.item,
            "kind": self.kind,
            "message": self.reason.text("en"),
        }


@dataclass
class KrGrade:
    text: str
    line: int
    column: int
    type: str
    weight: float = 1.0
    value: float | None = None
    source: str | None = None  # grade | progress | computed
    inputs: dict[str, float] = field(default_factory=dict)
    reason: Reason | None = None

    @property
    def band(self) -> str | None:
        return band(self.value)

    @property
    def flag(self) -> str | None:
        return flag(self.value, self.type)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "type": self.type,
            "weight": self.weight,
            "grade": _rounded(self.value),
            "band": self.band,
            "flag": self.flag,
            "source": self.source,
            "inputs": dict(self.inputs),
            "reason": self.reason.text(lang) if self.reason else None,
        }


@dataclass
class ObjectiveGrade:
    text: str
    line: int
    column: int
    type: str
    type_label: str
    weight: float = 1.0
    key_results: list[KrGrade] = field(default_factory=list)
    value: float | None = None
    source: str | None = None  # "key_results" or the objective's own grade/progress
    reason: Reason | None = None
    marked: bool = False  # the type is written in the file (not the default)

    @property
    def band(self) -> str | None:
        return band(self.value)

    @property
    def flag(self) -> str | None:
        return flag(self.value, self.type)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "type": self.type,
            "type_label": self.type_label,
            "type_marked": self.marked,
            "weight": self.weight,
            "grade": _rounded(self.value),
            "band": self.band,
            "flag": self.flag,
            "source": self.source,
            "reason": self.reason.text(lang) if self.reason else None,
            "key_results": [kr.to_dict(lang) for kr in self.key_results],
        }


@dataclass
class FileGrade:
    path: str
    language: str
    objectives: list[ObjectiveGrade] = field(default_factory=list)
    problems: list[GradeProblem] = field(default_factory=list)
    value: float | None = None

    @property
    def band(self) -> str | None:
        return band(self.value)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        lang = lang or self.language
        return {
            "path": self.path,
            "language": self.language,
            "grade": _rounded(self.value),
            "band": self.band,
            "objectives": [o.to_dict(lang) for o in self.objectives],
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class GradeReport:
    files: list[FileGrade] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    default_type: str = "aspirational"

    @property
    def problems(self) -> list[GradeProblem]:
        return [p for f in self.files for p in f.problems]

    def to_dict(self, locale: str | None = None) -> dict[str, Any]:
        return {
            "version": 1,
            "default_type": self.default_type,
            "files": [f.to_dict(locale) for f in self.files],
            "errors": [e.to_dict() for e in self.errors],
        }


# ---------------------------------------------------------------- bands and flags


def band(value: float | None) -> str | None:
    """red < 0.3 ≤ amber < 0.7 ≤ green."""
    if value is None:
        return None
    if value < RED_BELOW - _EPS:
        return "red"
    if value < GREEN_FROM - _EPS:
        return "amber"
    return "green"


def flag(value: float | None, okr_type: str) -> str | None:
    """``sandbagging`` for an aspirational OKR at 1.0; ``missed-commitment`` for a committed one below 1.0."""
    if value is None:
        return None
    if okr_type == "committed":
        return "missed-commitment" if value < 1 - _EPS else None
    return "sandbagging" if value >= 1 - _EPS else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------- numbers

_MULTIPLIERS = {"k": 1e3, "тыс": 1e3, "тыс.": 1e3, "m": 1e6, "млн": 1e6, "млн.": 1e6, "млрд": 1e9, "млрд.": 1e9}
_NUMBER = re.compile(
    r"^\s*(?P<cur>[$€£₽¥])?\s*(?P<sign>[-−+])?\s*(?P<num>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)"
    r"\s*(?P<suffix>[^\d\s][^\d]{0,15})?\s*$"
)


def parse_number(value: Any, field_name: str) -> tuple[float, bool]:
    """A number from a field: ``2.8``, ``"2,8%"``, ``"10 000"``, ``"1.3M"``, ``"300 ₽"``; (value, had a %)."""
    if isinstance(value, bool):
        raise _BadData(Reason("not-a-number", field_name, repr(value)))
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise _BadData(Reason("not-a-number", field_name, repr(value)))
        return float(value), False
    text = str(value)
    m = _NUMBER.match(text)
    if not m:
        raise _BadData(Reason("not-a-number", field_name, f"«{_short(text, 30)}»"))
    number = float(re.sub(r"[ \u00a0\u202f\u2009]", "", m.group("num")).replace(",", "."))
    if m.group("sign") in ("-", "−"):
        number = -number
    suffix = (m.group("suffix") or "").strip()
    percent = suffix.startswith("%")
    multiplier = _MULTIPLIERS.get(suffix.casefold())
    if multiplier:
        number *= multiplier
    return number, percent


def parse_fraction(value: Any, field_name: str) -> float:
    """A progress or grade as 0…1: ``0.7``, ``70%``, ``70``; numbers up to 1 are fractions, above 1 percents."""
    number, percent = parse_number(value, field_name)
    shown = str(value).strip() if not isinstance(value, (int, float)) else f"{value:g}"
    fraction = number / 100 if percent or number > 1 else number
    if not 0 <= fraction <= 1 + _EPS:
        raise _BadData(Reason("out-of-range", field_name, shown if percent or number > 1 else f"{number * 100:g}%"))
    return min(1.0, fraction)


_FROM_TO = [
    re.compile(r"(?<![\w.,])с\s+(?P<a>[$€£₽]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*%?\s*(?:[^\d\s]{1,12}\s+)?до\s+"
               r"(?P<b>[$€£₽]?\d[\d\s\u00a0]*(?:[.,]\d+)?)", re.IGNORECASE),
    re.compile(r"\bfrom\s+(?P<a>[$€£₽]?\d[\d,]*(?:\.\d+)?)\s*%?\s*(?:[^\d\s]{1,12}\s+)?to\s+"
               r"(?P<b>[$€£₽]?\d[\d,]*(?:\.\d+)?)", re.IGNORECASE),
]


def text_baseline_target(text: str) -> tuple[float, float] | None:
    """«с 65% до 45%», «с 15 до 10 секунд», "from 32% to 45%" in a key result's text → (baseline, target)."""
    for pattern in _FROM_TO:
        m = pattern.search(text)
        if m:
            try:
                a = float(re.sub(r"[\s\u00a0$€£₽]", "", m.group("a")).replace(",", "." if pattern is _FROM_TO[0] else ""))
                b = float(re.sub(r"[\s\u00a0$€£₽]", "", m.group("b")).replace(",", "." if pattern is _FROM_TO[0] else ""))
            except ValueError:
                return None
            return a, b
    return None


# ---------------------------------------------------------------- grading


def _present(fields: dict[str, Any], name: str) -> bool:
    return fields.get(name) not in (None, "")


def _weight(item: Item) -> float:
    if not _present(item.fields, "weight"):
        return 1.0
    number, _ = parse_number(item.fields["weight"], "weight")
    if number < 0:
        raise _BadData(Reason("bad-weight", "weight", f"{number:g}"))
    return number


def _own_value(fields: dict[str, Any]) -> tuple[float, str] | None:
    """The grade or progress written in the item's fields, as (value, source)."""
    if _present(fields, "grade"):
        return parse_fraction(fields["grade"], "grade"), "grade"
    if _present(fields, "progress"):
        return parse_fraction(fields["progress"], "progress"), "progress"
    return None


def _computed(kr: KeyResult) -> tuple[float, dict[str, float]] | Reason:
    fields = kr.fields
    has = {name: _present(fields, name) for name in ("baseline", "target", "current")}
    if not any(has.values()):
        return Reason("no-data")
    from_text = text_baseline_target(kr.text)
    if not has["current"]:
        return Reason("no-current")
    current, _ = parse_number(fields["current"], "current")
    if has["target"]:
        target, _ = parse_number(fields["target"], "target")
    elif from_text is not None:
        target = from_text[1]
    else:
        return Reason("no-target")
    if has["baseline"]:
        baseline, _ = parse_number(fields["baseline"], "baseline")
    elif from_text is not None:
        baseline = from_text[0]
    else:
        return Reason("no-baseline")
    if abs(target - baseline) < _EPS:
        raise _BadData(Reason("target-equals-baseline", "target", f"{target:g}"))
    value = (current - baseline) / (target - baseline)  # negative span: a "reduce" target
    return max(0.0, min(1.0, value)), {"baseline": baseline, "target": target, "current": current}


def _type_of(item: Item, parent: Item | None, default_type: str) -> str:
    for source in (item, parent):
        if source is not None and source.fields.get("type") in TYPES:
            return str(source.fields["type"])
    return default_type


def grade_key_result(kr: KeyResult, objective: Objective, doc: OkrDocument, default_type: str,
                     problems: list[GradeProblem]) -> KrGrade:
    pos = doc.lines.position(kr.start)
    grade = KrGrade(" ".join(kr.text.split()), pos.line, pos.column, _type_of(kr, objective, default_type))
    try:
        grade.weight = _weight(kr)
        own = _own_value(kr.fields)
        if own is not None:
            grade.value, grade.source = own
            return grade
        computed = _computed(kr)
        if isinstance(computed, Reason):
            grade.reason = computed
        else:
            grade.value, grade.inputs = computed
            grade.source = "computed"
    except _BadData as bad:
        grade.reason = bad.reason
        problems.append(GradeProblem(doc.path, pos.line, pos.column, kr.text, bad.reason))
    return grade


def _mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Weighted mean of (value, weight); equal weights when every weight is 0."""
    if not pairs:
        return None
    total = sum(w for _, w in pairs)
    if total <= 0:
        return sum(v for v, _ in pairs) / len(pairs)
    return sum(v * w for v, w in pairs) / total


def grade_document(doc: OkrDocument, default_type: str = "aspirational") -> FileGrade:
    """Grades of every key result, objective and the set of one parsed file."""
    if default_type not in TYPES:
        raise ValueError(f"default_type must be one of {', '.join(TYPES)}")
    texts = [i.text for i in doc.items() if i.text.strip()]
    langs = [detect_language(t) for t in texts]
    language = max(sorted(set(langs)), key=langs.count) if langs else "en"
    result = FileGrade(doc.path, language)
    for objective in doc.objectives:
        pos = doc.lines.position(objective.start)
        okr_type = _type_of(objective, None, default_type)
        graded = ObjectiveGrade(" ".join(objective.text.split()), pos.line, pos.column, okr_type,
                                str(objective.fields.get("type_label") or ""),
                                marked=objective.fields.get("type") in TYPES)
        graded.key_results = [grade_key_result(kr, objective, doc, default_type, result.problems)
                              for kr in objective.key_results]
        try:
            graded.weight = _weight(objective)
            scored = [(kr.value, kr.weight) for kr in graded.key_results if kr.value is not None]
            if scored:
                graded.value, graded.source = _mean(scored), "key_results"
            else:
                own = _own_value(objective.fields)
                if own is not None:
                    graded.value, graded.source = own
                else:
                    graded.reason = Reason("no-data")
        except _BadData as bad:
            graded.reason = bad.reason
            result.problems.append(GradeProblem(doc.path, pos.line, pos.column, objective.text, bad.reason, "objective"))
        result.objectives.append(graded)
    result.value = _mean([(o.value, o.weight) for o in result.objectives if o.value is not None])
    return result


def grade_paths(paths: Sequence[str], *, default_type: str = "aspirational", stdin: TextIO | None = None) -> GradeReport:
    """Read, parse and grade files, directories and ``-``; unreadable inputs become ``errors``."""
    from .api import read_inputs
    from .parsing import NoOkrError, ParseError, parse

    report = GradeReport(default_type=default_type)
    for path, source, walked in read_inputs(paths, stdin):
        if isinstance(source, InputError):
            report.errors.append(source)
            continue
        try:
            doc = parse(source, path)
        except NoOkrError as exc:
            if not walked:
                report.errors.append(InputError(path, str(exc)))
            continue
        except ParseError as exc:
            report.errors.append(InputError(path, str(exc)))
            continue
        report.files.append(grade_document(doc, default_type))
    return report
