"""Row-shaped OKRs: Markdown tables and spreadsheet exports share these rules.

A row names an objective (or continues the one above when its objective
cell is empty or repeats it) and zero or more key results.  Several key
results may share one cell, separated by ``<br>``, line breaks, ``;`` or
list markers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import Objective, Period
from .build import DocBuilder
from .frag import Frag
from .labels import column_kind, cut_comments, normalize_owner, row_role, type_fields, unwrap_emphasis

# Columns whose value is a field of the objective or the key result.
VALUE_COLUMNS = ("owner", "progress", "baseline", "target", "current", "due", "unit", "grade", "weight")
# A cell that holds a placeholder, not a value: a dash, a question mark, "n/a", "TBD", «нет», «уточнить».
_EMPTY_CELL = re.compile(r"[\s\W_]*|(?i:n/?a|tbd|tba|none|нет|уточн\w*|\?+)", re.UNICODE)


@dataclass
class Columns:
    """Which cell index holds what."""

    objective: int | None = None
    key_results: list[int] = field(default_factory=list)
    text: int | None = None  # one column for both, when a Type or ID column says what each row holds
    plural: set[int] = field(default_factory=set)  # "Key results": one cell may list several
    single: dict[str, int] = field(default_factory=dict)  # owner, period, type, progress, …

    @classmethod
    def from_header(cls, headers: list[str]) -> Columns:
        cols = cls()
        for i, header in enumerate(headers):
            kind = column_kind(header)
            if kind is None:
                continue
            if kind == "objective":
                if cols.objective is None:
                    cols.objective = i
            elif kind == "text":
                if cols.text is None:
                    cols.text = i
            elif kind == "key_result":
                cols.key_results.append(i)
                if _PLURAL.search(header):
                    cols.plural.add(i)
            else:
                cols.single.setdefault(kind, i)
        return cols

    @property
    def usable(self) -> bool:
        """A header okrlint can read: an objective column, or one text column with a Type or ID column beside it."""
        return self.objective is not None or (
            self.text is not None and not self.key_results and ("type" in self.single or "ref" in self.single))

    @property
    def typed_rows(self) -> bool:
        return self.objective is None and self.text is not None

    @property
    def width(self) -> int:
        idx = [self.objective or 0, self.text or 0, *self.key_results, *self.single.values()]
        return max(idx) + 1


_PLURAL = re.compile(r"results|результаты|\bkrs\b", re.IGNORECASE)

# ------------------------------------------------------------ splitting a cell

_SEGMENT = re.compile(r"<\s*/?\s*br\s*/?\s*>|\r\n|\r|\n", re.IGNORECASE)
_SEMICOLON = re.compile(r";(?=\s|$)")
_ROUND_BULLETS = re.compile(r"[•●▪◦‣]")
_LEAD_MARKER = re.compile(r"^(?:[•●▪◦‣*+\-–—]|\d{1,2}[.)])\s+")
_LEAD_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")


def _strip_marker(frag: Frag) -> Frag:
    frag = frag.strip()
    m = _LEAD_MARKER.match(frag.text)
    if m:
        frag = frag.sub(m.end())
    m = _LEAD_CHECKBOX.match(frag.text)
    if m:
        frag = frag.sub(m.end())
    return frag.strip()


def _split_bullets(piece: Frag) -> list[Frag]:
    text = piece.text
    if _ROUND_BULLETS.search(text):
        return [p.strip() for p in piece.split(_ROUND_BULLETS)]
    m = re.match(r"^([-*+–—])\s+", text)
    if m:
        marker = re.escape(m.group(1))
        # a marker standing alone between spaces: "- A - B" (lookarounds keep this linear)
        return [p.strip() for p in piece.split(re.compile(rf"(?<=\s){marker}(?=\s)"))]
    m = re.match(r"^1[.)]\s+", text)
    if m:
        parts: list[Frag] = []
        rest = piece.sub(m.end())
        n = 2
        while True:
            nxt = re.search(rf"\s{n}[.)]\s+", rest.text)
            if not nxt:
                break
            parts.append(rest.sub(0, nxt.start()))
            rest = rest.sub(nxt.end())
            n += 1
        parts.append(rest)
        return parts
    return [piece]


def split_cell(frag: Frag, semicolons: bool = True, lines: bool = True) -> list[Frag]:
    """Key results of one cell: split on ``<br>``, line breaks, ``;`` and list markers.

    With ``lines=False`` a cell broken over several lines stays one key result
    unless every line starts with a list marker.
    """
    segments = list(frag.split(_SEGMENT))
    if not lines and len(segments) > 1:
        filled = [s.strip() for s in segments if s.text.strip()]
        if not all(_LEAD_MARKER.match(s.text) for s in filled):
            segments = [frag]
    out: list[Frag] = []
    for segment in segments:
        pieces = segment.split(_SEMICOLON) if semicolons else [segment]
        for piece in pieces:
            piece = piece.strip()
            if not piece.text:
                continue
            for part in _split_bullets(piece):
                part = _strip_marker(part)
                if part.text:
                    out.append(part)
    return out


def cell_value(frag: Frag | None) -> Frag:
    if frag is None:
        return Frag("", 0)
    return unwrap_emphasis(cut_comments(frag).strip())


# ------------------------------------------------------------ assembling rows


@dataclass
class Row:
    cells: list[Frag]


class RowAssembler:
    """Feeds rows into a DocBuilder, carrying the current objective across rows."""

    def __init__(
        self,
        builder: DocBuilder,
        columns: Columns,
        semicolons: bool = True,
        split_lines: bool = True,
        period: Callable[[], Period | None] = lambda: None,
        defaults: Callable[[], dict[str, Any]] = dict,
        objective: Objective | None = None,
    ) -> None:
        self.builder = builder
        self.columns = columns
        self.semicolons = semicolons
        self.split_lines = split_lines
        self.default_period = period
        self.defaults = defaults
        self.current: Objective | None = objective
        self._current_key: str | None = None

    def _cell(self, row: Row, index: int | None) -> Frag:
        if index is None or index >= len(row.cells):
            return Frag("", 0)
        return cell_value(row.cells[index])

    def add(self, row: Row) -> None:
        cols = self.columns
        type_cell = self._cell(row, cols.single.get("type"))
        obj_cell = self._cell(row, cols.objective)
        krs: list[Frag] = []
        for i in cols.key_results:
            cell = self._cell(row, i)
            if cell.text:
                krs.extend(split_cell(cell, self.semicolons, self.split_lines or i in cols.plural))
        if cols.typed_rows:  # "Type: Objective | Statement: …" / "ID: KR1.1 | Statement: …"
            role = row_role(type_cell.text) or row_role(self._cell(row, cols.single.get("ref")).text)
            if role is None:
                return  # a row that is neither (a note, a section name): nothing to lint
            text = self._cell(row, cols.text)
            if role == "objective":
                obj_cell = text
            elif text.text:
                krs = [text]
            if row_role(type_cell.text) is not None:
                type_cell = Frag("", 0)  # the cell says what the row is, not the OKR's type (committed, stretch)
        values: dict[str, Any] = {}
        for key in VALUE_COLUMNS:
            v = self._cell(row, cols.single.get(key))
            if v.text and not _EMPTY_CELL.fullmatch(v.text):  # «—», "n/a", "TBD": the writer left the cell open
                values[key] = normalize_owner(v.text) if key == "owner" else v.text
        period_cell = self._cell(row, cols.single.get("period"))

        new_objective = bool(obj_cell.text)
        obj_key = " ".join(obj_cell.text.casefold().split()) if new_objective else None
        if new_objective and obj_key == self._current_key and self.current is not None:
            new_objective = False  # the objective repeated on every row of a spreadsheet
        # Row values describe the key result when the row holds exactly one of them.
        kr_values = values if len(krs) == 1 else {}
        obj_values = {} if len(krs) == 1 else values

        if new_objective:
            fields = dict(obj_values)
            fields.update(type_fields(type_cell.text))
            period = self.builder.period(period_cell) if period_cell.text else self.default_period()
            self.current = self.builder.objective(obj_cell, fields, period, defaults=self.defaults())
            self._current_key = obj_key if self.current is not None else None
        elif self.current is not None:
            for k, v in obj_values.items():
                self.current.fields.setdefault(k, v)
            if type_cell.text and "type" not in self.current.fields:
                self.current.fields.update(type_fields(type_cell.text))
            if period_cell.text and self.current.period is None:
                self.builder.set_period(self.current, self.builder.period(period_cell))
        if self.current is None:
            return  # key results before any objective have nothing to belong to
        for kr in krs:
            self.builder.key_result(self.current, kr, dict(kr_values))
