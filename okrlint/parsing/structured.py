"""YAML and JSON objectives (and the same schema given as Python data).

Schema (keys are case-insensitive; Russian synonyms accepted)::

    period: Q3 2026                 # optional, applies to every objective
    objectives:                     # or the list itself at the top level
      - objective: Grow the community   # also: title, цель
        type: committed             # committed/aspirational, приоритетный/амбициозный
        period: Q3 2026
        owner: anna
        key_results:                # also: krs, ключевые_результаты
          - Reach 5,000 weekly active members
          - text: Raise NPS from 30 to 45
            owner: boris
            baseline: 30
            target: 45
            current: 33
            unit: points
            due: 2026-09-30

YAML is read with ``yaml.SafeLoader`` through ``yaml.compose`` so every
scalar keeps its marks; JSON is read by a small position-tracking scanner
(validated against ``json.loads``).  Both become ``Node`` trees, which one
interpreter turns into objectives.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from ..model import LineIndex, Objective, OkrDocument, Period
from .build import DocBuilder
from .errors import ParseError
from .frag import Frag, bom_length
from .labels import normalize_owner, type_fields

# ------------------------------------------------------------------ key names


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().casefold().replace("ё", "е"))


ROOT_LIST_KEYS = ("objectives", "цели", "okrs", "okr")
OBJ_TEXT_KEYS = ("objective", "title", "цель", "text", "name", "название", "текст", "формулировка", "statement")
KR_LIST_KEYS = ("key_results", "krs", "ключевые_результаты", "kr", "кр", "results", "keyresults", "результаты")
KR_TEXT_KEYS = ("text", "key_result", "kr", "кр", "title", "name", "result", "текст", "результат", "ключевой_результат",
                "формулировка", "statement")
PERIOD_KEYS = ("period", "период", "quarter", "квартал", "cycle", "timeframe", "time_frame", "цикл")  # OKR tools say "cycle"
TYPE_KEYS = ("type", "тип")
FIELD_KEYS = {
    "owner": ("owner", "ответственный", "владелец", "assignee"),
    "baseline": ("baseline", "базовое_значение", "было", "start"),
    "target": ("target", "целевое_значение", "цель_значение", "стало"),
    "current": ("current", "текущее_значение", "текущее", "actual"),
    "unit": ("unit", "units", "единица", "единица_измерения"),
    "due": ("due", "срок", "deadline", "дедлайн"),
    "progress": ("progress", "прогресс"),
    "grade": ("grade", "score", "оценка"),
    "weight": ("weight", "вес"),
}

# ------------------------------------------------------------------ nodes


@dataclass
class Node:
    """A located value: ``map`` (list of key/value node pairs), ``seq``, ``str`` or ``scalar``."""

    kind: str
    start: int
    end: int
    value: Any
    raw: Frag  # the value's source text (quotes included for strings)
    text: Frag | None = None  # strings: the unescaped/folded text, located

    def get(self, keys: Sequence[str]) -> tuple[str, Node] | None:
        """The last pair whose key is one of ``keys`` (later duplicates win, as in json.loads)."""
        found = None
        for k, v in self.value:
            name = _key(k.text.text if k.text is not None else str(k.value))
            if name in keys:
                found = (name, v)
        return found


class _Where:
    """Error locations: "line 5" for files, a data path for Python data."""

    def __init__(self, source: str | None) -> None:
        self.index = LineIndex(source) if source is not None else None

    def __call__(self, node: Any, path: str) -> str:
        if self.index is not None and isinstance(node, Node):
            pos = self.index.position(node.start)
            return f"line {pos.line}, column {pos.column}"
        return path or "top level"

    def error(self, message: str, node: Any, path: str) -> ParseError:
        """``message (line 5, column 3)`` with the position also set on the error."""
        if self.index is not None and isinstance(node, Node):
            pos = self.index.position(node.start)
            return ParseError(f"{message} (line {pos.line}, column {pos.column})", pos.line, pos.column)
        return ParseError(f"{message} ({path or 'top level'})")


def _describe(node: Any) -> str:
    kind = node.kind if isinstance(node, Node) else _py_kind(node)
    value = node.value if isinstance(node, Node) else node
    if kind == "map":
        return "a mapping"
    if kind == "seq":
        return "a list"
    if kind == "str":
        return "text"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


# ------------------------------------------------------------------ YAML

_YAML_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_LEN = {"x": 2, "u": 4, "U": 8}
_WS = " \t\r\n"


def yaml_escape(source: str, p: int) -> tuple[int, str] | None:
    """(length, decoded) of the YAML escape at ``source[p] == '\\\\'``; '' for an escaped line break."""
    if p + 1 >= len(source):
        return None
    c = source[p + 1]
    if c in _YAML_ESCAPES:
        return 2, _YAML_ESCAPES[c]
    if c in _HEX_LEN:
        n = _HEX_LEN[c]
        digits = source[p + 2 : p + 2 + n]
        try:
            return 2 + n, chr(int(digits, 16))
        except (ValueError, OverflowError):
            return None
    if c == "\r":
        return (3 if source[p + 2 : p + 3] == "\n" else 2), ""
    if c == "\n":
        return 2, ""
    return None


def _align(value: str, source: str, lo: int, hi: int, style: str | None) -> Frag | None:
    """Locate each character of a YAML scalar's value in its source text.

    Folded line breaks become the source's own whitespace character where the
    value has a space but the source only a line break, so that the text is
    still made of source characters.  Escapes in double quotes map to their
    backslash (or to the escaped character itself for ``\\"``, ``\\\\``, ``\\/``).
    Returns None when the value cannot be aligned (callers fall back to the raw text).
    """
    chars: list[str] = []
    offs: list[int] = []
    p = lo
    for c in value:
        while True:
            if p >= hi:
                return None
            s = source[p]
            if style == '"' and s == "\\":
                esc = yaml_escape(source, p)
                if esc is None:
                    return None
                length, decoded = esc
                if decoded == "":
                    p += length
                    while p < hi and source[p] in " \t":
                        p += 1
                    continue
                if decoded != c:
                    return None
                strict = length == 2 and source[p + 1] == c
                chars.append(c)
                offs.append(p + 1 if strict else p)
                p += length
                break
            if s == c:
                if style == "'" and c == "'":
                    if source[p : p + 2] != "''":
                        return None
                    chars.append(c)
                    offs.append(p)
                    p += 2
                    break
                chars.append(c)
                offs.append(p)
                p += 1
                break
            if s in _WS:
                if c in _WS or c in "\x85\u2028\u2029":
                    q = p
                    while q < hi and source[q] in _WS and source[q] != c:
                        q += 1
                    if q < hi and source[q] == c:
                        chars.append(c)
                        offs.append(q)
                        p = q + 1
                    else:
                        chars.append(s)
                        offs.append(p)
                        p += 1
                    break
                p += 1
                continue
            return None
    return Frag.mapped("".join(chars), offs, lo)


def _yaml_text(node: yaml.ScalarNode, source: str) -> Frag:
    lo, hi = node.start_mark.index, node.end_mark.index
    style = node.style
    if style in ('"', "'"):
        lo, hi = lo + 1, max(lo + 1, hi - 1)
    elif style in ("|", ">"):
        nl = re.compile(r"\r\n|\r|\n").search(source, lo, hi)
        lo = nl.end() if nl else hi
    value = node.value
    frag = _align(value, source, lo, hi, style)
    if frag is None:
        frag = Frag.of(source, lo, hi)
    if not frag.text and value:
        frag = Frag.of(source, lo, hi)
    return frag.strip()


# Values aliases may add beyond the file's own: far above any real use of anchors (shared defaults),
# far below a "billion laughs" document (9 anchors × 9 aliases expand to 387 million values).
MAX_ALIAS_EXPANSION = 100_000


class AliasBombError(ParseError):
    """A YAML document whose aliases expand to more values than :data:`MAX_ALIAS_EXPANSION`."""

    def __init__(self) -> None:
        super().__init__(f"too many YAML aliases: expanding them would make more than "
                         f"{MAX_ALIAS_EXPANSION:,} values; okrlint does not read such a file")


class _BoundedLoader(yaml.SafeLoader):
    """The safe loader, counting what every alias would expand to while composing.

    PyYAML composes an alias as a reference to the anchored node, so composing
    is linear; the expansion happens when the tree is walked.  Each finished
    node's expanded size is recorded, each alias adds its target's size, and a
    document over the budget is refused before any of it is converted.
    An alias to a node still being composed (a recursive alias) has no size
    yet: the converter's own count bounds those.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.sizes: dict[yaml.Node, int] = {}
        self.expanded = 0
        self.composed = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            target = self.anchors.get(self.peek_event().anchor)
            self.expanded += self.sizes.get(target, 1) if target is not None else 0
            if self.expanded > MAX_ALIAS_EXPANSION:
                raise AliasBombError()
            return super().compose_node(parent, index)
        node = super().compose_node(parent, index)
        self.composed += 1
        if isinstance(node, yaml.SequenceNode):
            self.sizes[node] = 1 + sum(self.sizes.get(child, 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            self.sizes[node] = 1 + sum(self.sizes.get(k, 1) + self.sizes.get(v, 1) for k, v in node.value)
        else:
            self.sizes[node] = 1
        return node


class _YamlConverter:
    """yaml nodes → Node, lazily bounded (aliases may be recursive) and counted (see _BoundedLoader)."""

    MAX_DEPTH = 8

    def __init__(self, source: str, budget: int | None = None) -> None:
        self.source = source
        self.loader = yaml.SafeLoader("")
        self.budget = budget

    def convert(self, node: yaml.Node, depth: int = 0) -> Node:
        if self.budget is not None:
            self.budget -= 1
            if self.budget < 0:
                raise AliasBombError()
        src = self.source
        start, end = node.start_mark.index, node.end_mark.index
        raw = Frag.of(src, start, end)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:str" or node.style in ('"', "'", "|", ">"):
                return Node("str", start, end, node.value, raw, _yaml_text(node, src))
            try:
                value = self.loader.construct_object(node, deep=True)
            except Exception:  # noqa: BLE001 - a bad timestamp, an unknown tag: keep the text
                value = node.value
            if isinstance(value, (_dt.date, _dt.datetime)):
                value = value.isoformat()
            elif isinstance(value, bytes) or isinstance(value, float) and not math.isfinite(value):
                value = node.value
            return Node("scalar", start, end, value, raw, _yaml_text(node, src))
        if depth >= self.MAX_DEPTH:
            return Node("scalar", start, end, None, raw)
        if isinstance(node, yaml.SequenceNode):
            return Node("seq", start, end, [self.convert(n, depth + 1) for n in node.value], raw)
        if isinstance(node, yaml.MappingNode):
            pairs = []
            for k, v in node.value:
                pairs.append((self.convert(k, depth + 1), self.convert(v, depth + 1)))
            return Node("map", start, end, pairs, raw)
        return Node("scalar", start, end, None, raw)


def _yaml_error(exc: yaml.YAMLError, source: str) -> ParseError:
    index = LineIndex(source)
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        pos = index.position(exc.position)
        what = f"unacceptable character #x{exc.character:04x}" if isinstance(exc.character, int) else str(exc.reason)
        return ParseError(f"YAML error at line {pos.line}, column {pos.column}: {what}", pos.line, pos.column)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    if mark is not None:
        pos = index.position(mark.index)
        return ParseError(f"YAML error at line {pos.line}, column {pos.column}: {problem}", pos.line, pos.column)
    return ParseError(f"YAML error: {problem}")


def _compose_yaml(source: str) -> list[Node]:
    try:
        loader = _BoundedLoader(source)  # the reader checks the characters here
        roots = []
        while loader.check_node():
            roots.append(loader.get_node())
        loader.dispose()
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, source) from None
    converter = _YamlConverter(source, budget=loader.composed + MAX_ALIAS_EXPANSION)
    return [converter.convert(r) for r in roots if r is not None]


def looks_like_okr_yaml(source: str) -> bool:
    """Content sniffing: does this text parse as YAML in the objectives schema?"""
    try:
        roots = _compose_yaml(source)
    except AliasBombError:
        return True  # YAML, and refused: parsing it says so with the file's name
    except (ParseError, RecursionError):
        return False
    for root in roots:
        if root.kind == "map" and root.get(ROOT_LIST_KEYS):
            return True
        if root.kind == "seq" and root.value and all(
            n.kind == "map" and n.get(OBJ_TEXT_KEYS) for n in root.value
        ):
            return True
    return False


def parse_yaml(source: str, path: str = "<text>") -> OkrDocument:
    roots = _compose_yaml(source)
    builder = DocBuilder(source, path, "yaml")
    where = _Where(source)
    for root in roots:
        _FileEmitter(builder).emit(_interpret(root, where))
    return builder.build()


# ------------------------------------------------------------------ JSON

_JSON_WS = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_JSON_LITERALS = (("true", True), ("false", False), ("null", None), ("NaN", "NaN"), ("-Infinity", "-Infinity"), ("Infinity", "Infinity"))
_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _JsonScanner:
    """Walks JSON text that ``json.loads`` already accepted, keeping positions."""

    def __init__(self, source: str) -> None:
        self.s = source

    def _ws(self, i: int) -> int:
        m = _JSON_WS.match(self.s, i)
        return m.end() if m else i

    def _fail(self, i: int) -> ParseError:
        pos = LineIndex(self.s).position(i)
        return ParseError(f"JSON error at line {pos.line}, column {pos.column}: unexpected input", pos.line, pos.column)

    def value(self, i: int) -> tuple[Node, int]:
        s = self.s
        i = self._ws(i)
        if i >= len(s):
            raise self._fail(i)
        c = s[i]
        if c == "{":
            pairs: list[tuple[Node, Node]] = []
            j = self._ws(i + 1)
            if s.startswith("}", j):
                return Node("map", i, j + 1, pairs, Frag.of(s, i, j + 1)), j + 1
            while True:
                j = self._ws(j)
                if not s.startswith('"', j):
                    raise self._fail(j)
                key, j = self.string(j)
                j = self._ws(j)
                if not s.startswith(":", j):
                    raise self._fail(j)
                val, j = self.value(j + 1)
                pairs.append((key, val))
                j = self._ws(j)
                if s.startswith(",", j):
                    j += 1
                    continue
                if s.startswith("}", j):
                    return Node("map", i, j + 1, pairs, Frag.of(s, i, j + 1)), j + 1
                raise self._fail(j)
        if c == "[":
            items: list[Node] = []
            j = self._ws(i + 1)
            if s.startswith("]", j):
                return Node("seq", i, j + 1, items, Frag.of(s, i, j + 1)), j + 1
            while True:
                val, j = self.value(j)
                items.append(val)
                j = self._ws(j)
                if s.startswith(",", j):
                    j += 1
                    continue
                if s.startswith("]", j):
                    return Node("seq", i, j + 1, items, Frag.of(s, i, j + 1)), j + 1
                raise self._fail(j)
        if c == '"':
            return self.string(i)
        for word, literal in _JSON_LITERALS:
            if s.startswith(word, i):
                j = i + len(word)
                return Node("scalar", i, j, literal, Frag.of(s, i, j), Frag.of(s, i, j)), j
        m = _JSON_NUMBER.match(s, i)
        if m:
            text = m.group()
            num: Any = float(text) if any(ch in text for ch in ".eE") else int(text)
            if isinstance(num, float) and not math.isfinite(num):
                num = text
            return Node("scalar", i, m.end(), num, Frag.of(s, i, m.end()), Frag.of(s, i, m.end())), m.end()
        raise self._fail(i)

    def string(self, i: int) -> tuple[Node, int]:
        """A JSON string at ``s[i] == '"'``: its text located char by char."""
        s = self.s
        chars: list[str] = []
        offs: list[int] = []
        j = i + 1
        n = len(s)
        while j < n:
            c = s[j]
            if c == '"':
                frag = Frag.mapped("".join(chars), offs, i + 1)
                node = Node("str", i, j + 1, frag.text, Frag.of(s, i, j + 1), frag)
                return node, j + 1
            if c == "\\":
                e = s[j + 1 : j + 2]
                if e in _JSON_ESCAPES:
                    chars.append(_JSON_ESCAPES[e])
                    offs.append(j + 1 if e in '"\\/' else j)
                    j += 2
                    continue
                if e == "u":
                    code = int(s[j + 2 : j + 6], 16)
                    length = 6
                    if 0xD800 <= code < 0xDC00 and s[j + 6 : j + 8] == "\\u":
                        low = int(s[j + 8 : j + 12], 16)
                        if 0xDC00 <= low < 0xE000:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            length = 12
                    chars.append(chr(code))
                    offs.append(j)
                    j += length
                    continue
                raise self._fail(j)
            chars.append(c)
            offs.append(j)
            j += 1
        raise self._fail(j)


def _json_error(exc: json.JSONDecodeError, source: str, base: int) -> ParseError:
    pos = LineIndex(source).position(exc.pos + base)
    return ParseError(f"JSON error at line {pos.line}, column {pos.column}: {exc.msg}", pos.line, pos.column)


def parse_json(source: str, path: str = "<text>") -> OkrDocument:
    base = bom_length(source)
    try:
        json.loads(source[base:])
    except json.JSONDecodeError as exc:
        raise _json_error(exc, source, base) from None
    except ValueError:  # Python ≥ 3.11 refuses to convert integers of thousands of digits
        raise ParseError("JSON error: a number has too many digits to read (no OKR value needs thousands)") from None
    scanner = _JsonScanner(source)
    root, end = scanner.value(base)
    if scanner._ws(end) != len(source):
        raise scanner._fail(scanner._ws(end))
    builder = DocBuilder(source, path, "json")
    _FileEmitter(builder).emit(_interpret(root, _Where(source)))
    return builder.build()


# ------------------------------------------------------------------ Python data


def _py_kind(value: Any) -> str:
    if isinstance(value, Period):
        return "str"
    if isinstance(value, dict) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return "map"
    if isinstance(value, (list, tuple)):
        return "seq"
    if isinstance(value, str):
        return "str"
    return "scalar"


_SKIP_DATACLASS_FIELDS = {"kind", "start", "end", "lang", "offsets", "objectives"}


def _py_pairs(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        pairs = [(str(k), v) for k, v in value.items()]
    else:
        pairs = [
            (f.name, getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIP_DATACLASS_FIELDS
        ]
    out: list[tuple[str, Any]] = []
    for k, v in pairs:
        if _key(k) == "fields" and isinstance(v, dict):  # model items keep owner etc. in .fields
            out.extend((str(fk), fv) for fk, fv in v.items())
        else:
            out.append((k, v))
    return out


# ------------------------------------------------------------------ interpretation


@dataclass
class KrSpec:
    text: Any  # Node or str
    fields: dict[str, Any]


@dataclass
class ObjSpec:
    text: Any
    fields: dict[str, Any]
    period: Any  # Node, str or None
    krs: list[KrSpec]


class _Access:
    """Uniform access to Nodes (files) and plain Python values (the API)."""

    def kind(self, v: Any) -> str:
        return v.kind if isinstance(v, Node) else _py_kind(v)

    def pairs(self, v: Any) -> list[tuple[str, Any]]:
        if isinstance(v, Node):
            return [(_key(k.text.text if k.text is not None else str(k.value)), val) for k, val in v.value]
        return [(_key(k), val) for k, val in _py_pairs(v)]

    def items(self, v: Any) -> list[Any]:
        return list(v.value) if isinstance(v, Node) else list(v)

    def scalar(self, v: Any) -> Any:
        if isinstance(v, Node):
            return v.value
        if isinstance(v, Period):
            return v.text
        if isinstance(v, (_dt.date, _dt.datetime)):
            return v.isoformat()
        return v

    def is_null(self, v: Any) -> bool:
        return self.kind(v) == "scalar" and self.scalar(v) is None


def _get(acc: _Access, obj: Any, keys: Sequence[str]) -> tuple[str, Any] | None:
    """The value of the first of ``keys`` present (a repeated key: its last value, as json.loads)."""
    found: dict[str, Any] = {}
    for k, v in acc.pairs(obj):
        if k in keys:
            found[k] = v
    for k in keys:
        if k in found:
            return k, found[k]
    return None


def _interpret(root: Any, where: _Where) -> list[ObjSpec]:
    acc = _Access()
    kind = acc.kind(root)
    default_period = None
    if kind == "seq":
        entries, base = acc.items(root), "objectives"
    elif kind == "map":
        found = _get(acc, root, ROOT_LIST_KEYS)
        p = _get(acc, root, PERIOD_KEYS)
        if p is not None and not acc.is_null(p[1]):
            default_period = _period_text(acc, p, where, "")
        if found is not None:
            name, value = found
            if acc.is_null(value):
                entries = []
            elif acc.kind(value) != "seq":
                raise where.error(f"'{name}' must be a list of objectives, got {_describe(value)}", value, name)
            else:
                entries = acc.items(value)
            base = name
        elif _get(acc, root, OBJ_TEXT_KEYS) is not None:
            entries, base = [root], ""
        else:
            raise where.error(
                "expected a list of objectives or a mapping with 'objectives'", root, ''
            )
    elif acc.is_null(root):
        return []
    else:
        raise where.error(
            f"expected a list of objectives or a mapping with 'objectives', got {_describe(root)}", root, ''
        )
    specs = []
    for i, entry in enumerate(entries):
        path = f"{base}[{i}]" if base else ""
        spec = _objective(acc, entry, path, where, default_period)
        if spec is not None:
            specs.append(spec)
    return specs


def _scalar_text(acc: _Access, v: Any, name: str, where: _Where, path: str) -> Any:
    """A text-valued field: a Node with text or a str; numbers are accepted as text."""
    kind = acc.kind(v)
    if kind in ("map", "seq"):
        label = f"{path}.{name}" if path else name
        raise where.error(f"'{name}' must be text, got {_describe(v)}", v, label)
    if isinstance(v, Node):
        return v
    value = acc.scalar(v)
    return None if value is None else str(value)


_PERIOD_NAME_KEYS = ("name", "title", "label", "period", "название", "период")
_PERIOD_START_KEYS = ("start", "start_date", "starts", "from", "начало", "с")
_PERIOD_END_KEYS = ("end", "end_date", "ends", "to", "until", "конец", "по")


def _period_text(acc: _Access, found: tuple[str, Any], where: _Where, path: str) -> Any:
    """A period field's text; OKR tools export a cycle as a mapping ({"name": "Q1 2027", "start_date": …})."""
    key, value = found
    if acc.kind(value) != "map":
        return _scalar_text(acc, value, key, where, path)
    name = _get(acc, value, _PERIOD_NAME_KEYS)
    if name is not None and acc.kind(name[1]) not in ("map", "seq") and not acc.is_null(name[1]):
        return _scalar_text(acc, name[1], name[0], where, path)
    bound = _get(acc, value, _PERIOD_END_KEYS) or _get(acc, value, _PERIOD_START_KEYS)
    if bound is not None and acc.kind(bound[1]) not in ("map", "seq") and not acc.is_null(bound[1]):
        return _scalar_text(acc, bound[1], bound[0], where, path)  # {"end_date": "2027-03-31"}: the cycle ends then
    label = f"{path}.{key}" if path else key
    raise where.error(f"'{key}' must be text or a mapping with a name or start/end dates, got {_describe(value)}",
                      value, label)


_PERSON_KEYS = ("name", "full_name", "fullName", "display_name", "displayName", "title", "имя", "фио", "email", "login")


def _owner_value(acc: _Access, v: Any) -> Any:
    """An owner exported as a person ({"name": …}) gives its name; a list of people gives their names, joined."""
    if acc.kind(v) == "seq":
        names = [_owner_value(acc, x) for x in acc.items(v) if not acc.is_null(x)]
        if any(acc.kind(n) in ("map", "seq") for n in names):
            return v
        texts = [str(acc.scalar(n)) for n in names]
        return ", ".join(t for t in texts if t) or None
    if acc.kind(v) == "map":
        found = _get(acc, v, _PERSON_KEYS)
        return found[1] if found is not None and acc.kind(found[1]) not in ("map", "seq") else v
    return v


def _fields(acc: _Access, obj: Any, path: str, where: _Where) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for k, v in acc.pairs(obj):
        for field_name, keys in FIELD_KEYS.items():
            if k in keys:
                if field_name == "owner" and acc.kind(v) in ("map", "seq"):
                    v = _owner_value(acc, v)  # {"name": "Anna", "email": …}, ["Anna", "Ivan"]: OKR tools export people
                if v is None:
                    continue
                if acc.kind(v) in ("map", "seq"):
                    label = f"{path}.{k}" if path else k
                    raise where.error(f"'{k}' must be a single value, got {_describe(v)}", v, label)
                value = acc.scalar(v)
                if isinstance(value, Node):
                    value = value.value
                if value is not None and value != "":
                    if field_name in ("owner", "unit", "due") and not isinstance(value, str):
                        value = str(value)
                    if field_name == "owner":
                        value = normalize_owner(value)
                    fields[field_name] = value
        if k in TYPE_KEYS:
            if acc.kind(v) in ("map", "seq"):
                raise where.error(f"'{k}' must be text, got {_describe(v)}", v, path)
            value = acc.scalar(v)
            if value is not None:
                fields.update(type_fields(str(value)))
    return fields


def _objective(acc: _Access, entry: Any, path: str, where: _Where, default_period: Any) -> ObjSpec | None:
    kind = acc.kind(entry)
    if kind == "str":
        return ObjSpec(_scalar_text(acc, entry, "objective", where, path), {}, default_period, [])
    if acc.is_null(entry):
        return None
    if kind != "map":
        raise where.error(f"an objective must be a mapping or text, got {_describe(entry)}", entry, path)
    text = _get(acc, entry, OBJ_TEXT_KEYS)
    if text is None or acc.is_null(text[1]):
        raise where.error("objective has no 'objective' text", entry, path)
    spec = ObjSpec(
        _scalar_text(acc, text[1], text[0], where, path), _fields(acc, entry, path, where), default_period, []
    )
    p = _get(acc, entry, PERIOD_KEYS)
    if p is not None and not acc.is_null(p[1]):
        spec.period = _period_text(acc, p, where, path)
    krs = _get(acc, entry, KR_LIST_KEYS)
    if krs is not None:
        name, value = krs
        label = f"{path}.{name}" if path else name
        vkind = acc.kind(value)
        if acc.is_null(value):
            items: list[Any] = []
        elif vkind == "seq":
            items = acc.items(value)
        elif vkind == "str":
            items = [value]
        else:
            raise where.error(f"'{name}' must be a list, got {_describe(value)}", value, label)
        for j, item in enumerate(items):
            kr = _key_result(acc, item, f"{label}[{j}]", where)
            if kr is not None:
                spec.krs.append(kr)
    return spec


def _key_result(acc: _Access, item: Any, path: str, where: _Where) -> KrSpec | None:
    kind = acc.kind(item)
    if acc.is_null(item):
        return None
    if kind in ("str", "scalar"):
        return KrSpec(_scalar_text(acc, item, "key_result", where, path), {})
    if kind != "map":
        raise where.error(f"a key result must be text or a mapping, got {_describe(item)}", item, path)
    text = _get(acc, item, KR_TEXT_KEYS)
    if text is None or acc.is_null(text[1]):
        raise where.error("key result has no 'text'", item, path)
    return KrSpec(_scalar_text(acc, text[1], text[0], where, path), _fields(acc, item, path, where))


# ------------------------------------------------------------------ emitting


def _node_frag(v: Any) -> Frag:
    assert isinstance(v, Node)
    return v.text if v.text is not None else v.raw


class _FileEmitter:
    """Specs whose texts are Nodes of the parsed file → items with the file's spans."""

    def __init__(self, builder: DocBuilder) -> None:
        self.b = builder

    def emit(self, specs: list[ObjSpec]) -> None:
        for spec in specs:
            period = self.b.period(_node_frag(spec.period)) if spec.period is not None else None
            obj = self.b.objective(_node_frag(spec.text), spec.fields, period, allow_empty=bool(spec.krs))
            if obj is None:
                continue
            for kr in spec.krs:
                self.b.key_result(obj, _node_frag(kr.text), kr.fields)


def build_from_data(data: Any, path: str = "<data>") -> OkrDocument:
    """Python objectives → a document whose synthetic source lists them as Markdown.

    The source reads ``# <period>`` / ``## <objective>`` / ``- <key result>``
    lines, so spans, line numbers and suppressions work like for a file.
    """
    if isinstance(data, (str, bytes)):
        raise ParseError("from_structured expects objectives as data (a list or a mapping), not text; use parse()")
    if isinstance(data, Objective):
        data = [data]
    specs = _interpret(data, _Where(None))
    parts: list[str] = []
    pos = 0
    placed: list[tuple[ObjSpec, int, str, int | None, list[tuple[KrSpec, int, str]]]] = []
    last_period: str | None = None

    def write(text: str) -> int:
        nonlocal pos
        parts.append(text)
        start = pos
        pos += len(text)
        return start

    for spec in specs:
        text = str(spec.text).strip()
        period_text = str(spec.period).strip() if spec.period is not None else None
        period_at = None
        if period_text and period_text != last_period:
            write("# ")
            period_at = write(period_text)
            write("\n")
        if period_text:
            last_period = period_text
        write("## ")
        at = write(text)
        write("\n")
        krs = []
        for kr in spec.krs:
            kr_text = str(kr.text).strip()
            write("- ")
            krs.append((kr, write(kr_text), kr_text))
            write("\n")
        placed.append((spec, at, text, period_at, krs))

    source = "".join(parts)
    builder = DocBuilder(source, path, "structured")
    period_frags: dict[str, Frag] = {}
    for spec, at, text, period_at, krs in placed:
        period = None
        if spec.period is not None and str(spec.period).strip():
            ptext = str(spec.period).strip()
            if period_at is not None:
                period_frags.setdefault(ptext, Frag(ptext, period_at))
            period = builder.period(period_frags.get(ptext))
        obj = builder.objective(Frag(text, at), spec.fields, period, allow_empty=bool(krs))
        if obj is None:
            continue
        for kr, kr_at, kr_text in krs:
            builder.key_result(obj, Frag(kr_text, kr_at), kr.fields)
    return builder.build()
