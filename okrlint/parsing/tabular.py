"""CSV/TSV exported from a spreadsheet.

A small tokenizer (same dialect as Python's ``csv`` module with default
settings: ``"`` quotes, doubled quotes inside, line breaks inside quoted
cells) keeps the source offset of every character of every cell, which the
``csv`` module cannot do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LineIndex, OkrDocument
from . import suppress
from .build import DocBuilder
from .errors import ParseError
from .frag import Frag, bom_length
from .labels import row_role
from .rows import Columns, Row, RowAssembler

DELIMITERS = (",", ";", "\t")
_HEADER_SEARCH_ROWS = 10


@dataclass
class Record:
    """One CSV row: its cells and the source range it covers (without the line break)."""

    cells: list[Frag]
    start: int
    end: int


def tokenize(source: str, delimiter: str, begin: int = 0, limit: int | None = None) -> list[Record]:
    """Split CSV text into records of located cells.

    Mirrors ``csv.reader(io.StringIO(source, newline=''), delimiter=…)``: a
    quote opens a quoted cell only at the start of a cell; ``""`` inside is
    one quote; text after a closing quote is appended as is.  Blank lines
    give no record.  An unterminated quoted cell is a ParseError.
    """
    s = source
    n = len(s)
    i = begin
    records: list[Record] = []
    while i < n and (limit is None or len(records) < limit):
        row_start = i
        cells: list[Frag] = []
        while True:
            # one cell starting at i
            chars: list[str] = []
            offs: list[int] = []
            cell_start = i
            if i < n and s[i] == '"':
                quote_at = i
                i += 1
                while True:
                    if i >= n:
                        pos = LineIndex(s).position(quote_at)
                        raise ParseError(
                            f"CSV error at line {pos.line}, column {pos.column}: quoted cell is never closed",
                            pos.line,
                            pos.column,
                        )
                    c = s[i]
                    if c == '"':
                        if i + 1 < n and s[i + 1] == '"':
                            chars.append('"')
                            offs.append(i)
                            i += 2
                            continue
                        i += 1
                        break
                    chars.append(c)
                    offs.append(i)
                    i += 1
            # unquoted part (or text after a closing quote)
            while i < n and s[i] != delimiter and s[i] not in "\r\n":
                chars.append(s[i])
                offs.append(i)
                i += 1
            cells.append(Frag.mapped("".join(chars), offs, cell_start))
            if i < n and s[i] == delimiter:
                i += 1
                continue
            break
        row_end = i
        if i < n and s[i] == "\r":
            i += 1
        if i < n and s[i] == "\n":
            i += 1
        if row_end == row_start and len(cells) == 1:
            continue  # blank line
        records.append(Record(cells, row_start, row_end))
    return records


def _header_columns(record: Record) -> Columns:
    return Columns.from_header([c.text for c in record.cells])


def sniff_delimiter(source: str, header_only: bool = False) -> str | None:
    """The delimiter under which some early row is a header with an objective column.

    ``header_only`` (content sniffing for stdin) looks at the first row only and
    wants a second known column too, so prose such as «Цель, которую мы …» is not CSV.
    """
    begin = bom_length(source)
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        try:
            records = tokenize(source, delimiter, begin, limit=1 if header_only else _HEADER_SEARCH_ROWS)
        except ParseError:
            continue
        for record in records:
            if len(record.cells) < 2:
                continue
            cols = _header_columns(record)
            known = (cols.objective is not None) + (cols.text is not None) + len(cols.key_results) + len(cols.single)
            if cols.usable and (known >= 2 or not header_only):
                score = len(record.cells)
                if best is None or score > best[0]:
                    best = (score, delimiter)
                break
    return best[1] if best else None


def typed_rows(source: str) -> bool:
    """A spreadsheet with one text column and a Type/ID column whose early rows name an objective ("O1", "Objective").

    Cheap (the first rows only): folder walks use it to tell such an OKR export from any data file with
    "id,type,text" columns.
    """
    begin = bom_length(source)
    for delimiter in DELIMITERS:
        try:
            records = tokenize(source, delimiter, begin, limit=_HEADER_SEARCH_ROWS)
        except ParseError:
            continue
        if not records or len(records[0].cells) < 2:
            continue
        cols = _header_columns(records[0])
        if not (cols.usable and cols.typed_rows):
            continue
        where = [i for i in (cols.single.get("type"), cols.single.get("ref")) if i is not None]
        if any(row_role(r.cells[i].text) == "objective" for r in records[1:] for i in where if i < len(r.cells)):
            return True
    return False


_COMMENT_ROW = re.compile(r"^\s*#")


def _parse(source: str, path: str, fmt: str, delimiter: str | None) -> OkrDocument:
    begin = bom_length(source)
    if delimiter is None:
        delimiter = sniff_delimiter(source) or ","
    records = tokenize(source, delimiter, begin)
    header_at = None
    for k, record in enumerate(records[:_HEADER_SEARCH_ROWS]):
        if _header_columns(record).usable:
            header_at = k
            break
    if header_at is None:
        raise ParseError("no Objective/Цель column in the header (expected a header row such as 'Цель;Ключевой результат', "
                         "'Objective,Key result' or 'Type,Statement' with Objective/KR in the Type column)")
    cols = _header_columns(records[header_at])
    builder = DocBuilder(source, path, fmt)
    assembler = RowAssembler(builder, cols, semicolons=False, split_lines=False)
    supps = []
    for record in records[header_at + 1 :]:
        raw = source[record.start : record.end]
        if _COMMENT_ROW.match(raw) and "okrlint" in raw.lower():
            continue  # a '# okrlint-disable …' comment line
        assembler.add(Row(record.cells))
        if "okrlint" in raw.lower():
            _regions, lines = suppress.scan(raw)
            for s in lines:
                supps.append(type(s)(s.rules, record.start, record.end))
    doc = builder.build()
    if supps:
        doc.suppressions = sorted(doc.suppressions + supps, key=lambda s: (s.start, s.end))
    return doc


def parse_csv(source: str, path: str = "<text>") -> OkrDocument:
    return _parse(source, path, "csv", None)


def parse_tsv(source: str, path: str = "<text>") -> OkrDocument:
    return _parse(source, path, "tsv", "\t")
