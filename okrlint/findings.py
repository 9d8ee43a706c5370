"""Findings and reports: the structured output every interface shares.

The dictionaries produced here are the versioned JSON contract
(``okrlint/schema/report.schema.json``); field names are stable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from .model import Range

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

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class FileReport:
    path: str
    language: str
    findings: list[Finding] = field(default_factory=list)
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "files": [f.to_dict() for f in self.files],
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
