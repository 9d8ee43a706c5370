"""Findings and reports: the structured output every interface shares.

The dictionaries produced here are the versioned JSON contract
(``okrlint/schema/report.schema.json``); field names are stable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from .model import Range
from .safetext import escape_surrogates

if TYPE_CHECKING:  # pragma: no cover
    from .score import FileScore

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}
JSON_VERSION = 1


@dataclass(frozen=True)
class Suggestion:
    """A rewrite of the whole item; ``placeholders`` lists the values the user must fill in."""

    text: str
    placeholders: tuple[str, ...] = ()
    new_key_results: tuple[str, ...] = ()  # for metric-in-objective: the metric moves here

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "placeholders": list(self.placeholders)}
        if self.new_key_results:
            data["new_key_results"] = list(self.new_key_results)
        return data


@dataclass(frozen=True)
class Edit:
    """Replace the source text in ``range`` (code-point offsets, as finding ranges) with ``text``."""

    range: Range
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"range": self.range.to_dict(), "text": self.text}


Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class Fix:
    """Edits to the file, as ruff has them: *safe* keeps the meaning and has no placeholders
    (``okrlint --fix`` applies it); *unsafe* rewords or leaves values to fill in (``--unsafe-fixes``).

    ``edits`` may be empty when the change cannot be written into this file format
    (the suggestion text still says what to write).
    """

    applicability: Applicability
    edits: tuple[Edit, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "edits": [e.to_dict() for e in self.edits]}


@dataclass(frozen=True)
class ItemRef:
    """What a finding is about: kind, text, place in the tree and the item's own range."""

    kind: str
    text: str
    path: tuple[int, ...] = ()
    objective: str | None = None
    range: Range | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "text": self.text, "path": list(self.path)}
        if self.objective is not None:
            data["objective"] = self.objective
        if self.range is not None:
            data["range"] = self.range.to_dict()
        return data


@dataclass(frozen=True)
class Finding:
    """One problem: the rule that found it, its severity and message, the item it is about and the flagged range.

    ``range`` is the flagged text; ``item.range`` the whole item, the region a
    suggestion's rewrite replaces.  Offsets count code points.
    """

    rule: str
    severity: Severity
    message: str
    item: ItemRef
    range: Range
    suggestions: tuple[Suggestion, ...] = ()
    lang: str = ""
    fix: Fix | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "item": self.item.to_dict(),
            "range": self.range.to_dict(),
            "suggestions": [s.to_dict() for s in self.suggestions],
        }
        if self.fix is not None:
            data["fix"] = self.fix.to_dict()
        return data


@dataclass(frozen=True)
class InputError:
    """A file that could not be read or parsed; the run goes on with the others."""

    path: str
    message: str
    line: int | None = field(default=None, compare=False)  # 1-based, when the problem is one place in the file

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Skipped:
    """A file a folder walk passed over, and why (``okrlint -v`` lists them); not part of the JSON."""

    path: str
    reason: str


@dataclass
class FileReport:
    """The findings of one linted file; ``language`` is its dominant item language (ru, en, mixed)."""

    path: str
    language: str
    findings: list[Finding] = field(default_factory=list)
    source: str = ""
    score: FileScore | None = None  # the writing-quality score (okrlint/score.py)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "path": self.path,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.score is not None:
            data.update(self.score.to_dict())
        return data


@dataclass
class Report:
    """The result of a run: one :class:`FileReport` per linted file, in input order, and the inputs that failed.

    ``to_dict()``/``to_json()`` give the versioned JSON contract
    (``okrlint/schema/report.schema.json``).
    """

    files: list[FileReport] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        """Every finding of every file, in order."""
        return [f for file in self.files for f in file.findings]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "files": [f.to_dict() for f in self.files],
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON contract as text (non-ASCII kept as is; lone surrogates escaped so it is valid UTF-8)."""
        return escape_surrogates(json.dumps(self.to_dict(), ensure_ascii=False, indent=indent))


def fixed_text(source: str, start: int, end: int, edits: Sequence[Edit]) -> str:
    """``source[start:end]`` (an item) as its edits leave it: what a fix's title or description shows."""
    inside = [e for e in edits if start <= e.range.start.offset and e.range.end.offset <= end]
    grown = sum(len(e.text) - (e.range.end.offset - e.range.start.offset) for e in inside)
    return apply_edits(source, inside)[start:end + grown]


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """The source with non-overlapping edits applied (offsets are code points into ``source``)."""
    for edit in sorted(edits, key=lambda e: e.range.start.offset, reverse=True):
        source = source[:edit.range.start.offset] + edit.text + source[edit.range.end.offset:]
    return source
