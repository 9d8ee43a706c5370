"""Markdown and plain-text outlines (headings, labels, lists, pipe tables).

The parser reads a document line by line with a small state machine:
headings open sections (periods, OKR types, objectives), labelled lines
(``Цель 1:``, ``KR2 —``) and list items attach to the current objective,
and prose is skipped.  Every item text is a located ``Frag``, so spans stay
exact whatever the line endings, indentation or markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import KeyResult, Objective, OkrDocument, Period
from . import suppress
from .build import DocBuilder, clean
from .frag import Frag, Line, bom_length, iter_lines
from .labels import (
    BARE_OBJ_LABEL,
    KR_MARKER,
    TYPE_HEADING,
    cut_comments,
    find_period,
    intro_period,
    is_period,
    match_field,
    match_label,
    normalize_owner,
    title_period,
    type_fields,
)
from .rows import Columns, Row, RowAssembler
from .table import delimiter_cells, ends_with_pipe, has_pipe, is_delimiter_row, split_row

_ATX = re.compile(r"^(#{1,6})(?:[ \t]+|$)")
_RULE = re.compile(r"^([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-{2,})[ \t]*$")
_LIST = re.compile(r"^(?:[-*+•‣◦▪●–—]|\d{1,3}[.)])(?=[ \t]|$)[ \t]*")
_CHECKBOX = re.compile(r"^\[([ xX])\](?:[ \t]+|$)")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_HEADING_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,4})[.)][ \t]+")
_FRONT_MATTER_LINE = re.compile(r"^(?:\s*$|\s*#|[\w\-]+\s*:|\s+\S|-\s)")


def _visual_width(ws: str) -> int:
    col = 0
    for ch in ws:
        col = (col // 4 + 1) * 4 if ch == "\t" else col + 1
    return col


@dataclass
class _View:
    """One line, classified."""

    line: Line
    kind: str  # blank | skip | heading | list | text | rule
    indent: int = 0  # visual indentation of the line's content (of the marker for list items)
    content: Frag = field(default_factory=lambda: Frag("", 0))  # line after indentation, comments cut
    body: Frag = field(default_factory=lambda: Frag("", 0))  # heading text / list item text / the line
    level: int = 0
    checked: bool | None = None


_REPLY_MARKS = ("↳", "⤷", "↪", "^ ")
# A reply quoted twice or a timestamped chat message, unless what follows the speaker is an OKR label.
_CHAT_REPLY = re.compile(r">>(?!\s*(?:o|kr|цель|кр|objective|key\s+result)\s*\d)"
                         # "> Ирина: а что считаем успехом?": a quoted reply from a named person, not a quoted OKR label
                         r"|>[ \t]*(?!(?:\*\*|__)?(?:o\d|kr|кр|цель|цели|objective|goal|key\s+result|ключев|результат|owner|"
                         r"ответственн|period|период|срок|due|note|заметк|примечани)\w*)"
                         r"[A-ZА-ЯЁ][\w.-]*(?:[ \t][A-ZА-ЯЁ]?[\w.-]+){0,2}:[ \t]"
                         r"|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*[^:\r\n\[\]]{1,40}:(?!\s*(?:o|kr|цель|кр|objective|key\s+result)\s*\d)",
                         re.IGNORECASE)


# A whole line in brackets that opens with a name and a colon: "(А.С.: 25 — оптимистично)", "(Marco: feels high)".
_BRACKETED_COMMENT = re.compile(r"\(\s*[A-ZА-ЯЁ][\w.]{0,20}(?:\s[A-ZА-ЯЁ][\w.]{0,20})?\s*:\s[^\r\n]*\)\s*$")
# A line of metadata the field names do not know ("Куратор: Ольга Ракитина", "Sponsor: VP Sales"): a short key, a colon.
_METADATA_LINE = re.compile(r"(?:\*\*|__)?[A-ZА-ЯЁ][^\W\d_]{2,20}(?:\s[^\W\d_]{2,20})?(?:\*\*|__)?:(?:\*\*|__)?\s+\S.{0,60}$")


def _classify(source: str, begin: int) -> list[_View]:
    lines = list(iter_lines(source, begin))
    views: list[_View] = []
    fence: str | None = None
    in_comment = False
    front_end = _front_matter_end(source, lines)
    for n, line in enumerate(lines):
        raw = Frag.of(source, line.start, line.end)
        if n < front_end:
            views.append(_View(line, "skip"))
            continue
        if _CHAT_REPLY.match(raw.text.lstrip()):
            views.append(_View(line, "skip"))  # ">> Marco: 40k feels high", «[10:42] Ильин: бот сделаем»: a reply
            continue
        body = raw
        while True:
            m = _QUOTE.match(body.text)
            if not m:
                break
            body = body.sub(m.end())
        stripped = body.lstrip()
        indent = _visual_width(body.text[: len(body.text) - len(stripped.text)])
        text = stripped.text
        if fence is not None:
            if text.startswith(fence) and not text[len(fence):].strip(fence[0]).strip():
                fence = None
            views.append(_View(line, "skip"))
            continue
        if in_comment:
            if "-->" in text:
                in_comment = False
            views.append(_View(line, "skip"))
            continue
        m = _FENCE.match(text)
        if m and indent <= 3:
            fence = m.group(1)
            views.append(_View(line, "skip"))
            continue
        if text.startswith("<!--") and "-->" not in text:
            in_comment = True
            views.append(_View(line, "skip"))
            continue
        if not text.strip():
            views.append(_View(line, "blank"))
            continue
        if suppress.directive_only(text) or text.startswith(_REPLY_MARKS) or re.match(r"//\s", text) \
                or _BRACKETED_COMMENT.match(text):
            # "   // Олег считает, что 38 тыс. га — перебор": a comment under the item, as in code, is no part of it;
            views.append(_View(line, "skip"))  # "↳ Артём: тренера пока нет": a reply in a chat thread, not the item
            continue
        content = cut_comments(stripped)
        if not content.text:
            views.append(_View(line, "skip"))
            continue
        view = _View(line, "text", indent, content, content)
        m = _ATX.match(content.text)
        if m and indent <= 3:
            view.kind = "heading"
            view.level = len(m.group(1))
            view.body = cut_comments(_heading_text(content.sub(m.end())))
        elif _RULE.match(content.text):
            view.kind = "rule"
        else:
            m = _LIST.match(content.text)
            if m:
                item = content.sub(m.end())
                c = _CHECKBOX.match(item.text)
                if c:
                    view.checked = c.group(1) != " "
                    item = item.sub(c.end())
                item = item.strip()
                view.kind = "list" if item.text else "blank"
                view.body = item
        views.append(view)
    _setext(views)
    _caps_headings(views)
    return views


def _caps_headings(views: list[_View]) -> None:
    """A line in capitals right above a list («РАСТИ ВМЕСТЕ С ГОРОДОМ», "GROW THE COMMUNITY") is a heading: chat
    messages and plain-text notes set objectives in caps where Markdown would use ``##``."""
    for i, view in enumerate(views):
        if view.kind != "text" or view.indent > 3 or has_pipe(view.content.text):
            continue
        letters = [ch for ch in view.content.text if ch.isalpha()]
        words = re.findall(r"[^\W\d_]{2,}", view.content.text)
        if len(letters) < 6 or len(words) < 2 or any(ch.islower() for ch in letters) or match_label(view.content):
            continue
        following = next((v for v in views[i + 1:] if v.kind not in ("blank", "skip")), None)
        if following is not None and following.kind == "list":
            view.kind = "heading"
            view.level = 6
            view.body = view.content


def _heading_text(frag: Frag) -> Frag:
    """ATX heading content without its optional closing ``###`` sequence."""
    frag = frag.strip()
    text = frag.text
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        frag = frag.sub(0, len(bare)).strip()
    return frag


def _setext(views: list[_View]) -> None:
    """``Title`` underlined with ``===``/``---`` is a heading (when it is a one-line paragraph)."""
    for i in range(1, len(views)):
        under, title = views[i], views[i - 1]
        if under.kind not in ("rule", "text") or not _SETEXT.match(under.content.text):
            continue
        if title.kind != "text" or title.indent > 3 or has_pipe(title.content.text):
            continue
        if i >= 2 and views[i - 2].kind in ("text", "list"):
            continue
        title.kind = "heading"
        title.level = 1 if under.content.text.startswith("=") else 2
        under.kind = "skip"


def _front_matter_end(source: str, lines: list[Line]) -> int:
    """Number of lines taken by a YAML front-matter block (``---`` … ``---``), else 0."""
    if not lines or source[lines[0].start : lines[0].end].strip() != "---":
        return 0
    for n in range(1, min(len(lines), 60)):
        text = source[lines[n].start : lines[n].end]
        if text.strip() in ("---", "..."):
            return n + 1 if n > 1 else 0
        if not _FRONT_MATTER_LINE.match(text):
            return 0
    return 0


@dataclass
class _Open:
    """An item whose text may still continue on the next, more indented line."""

    kind: str  # objective | key_result | note
    parts: list[Frag]
    views: list[_View]
    fields: dict[str, Any]
    indent: int
    scope: str = "label"
    is_list: bool = False
    level: int = 0


@dataclass
class _Pending:
    """A label whose text is on the next line (``**Цель:**`` then the objective)."""

    kind: str
    fields: dict[str, Any]
    indent: int
    is_list: bool
    scope: str
    level: int = 0


class OutlineParser:
    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.b = DocBuilder(source, path, "markdown")
        self.views = _classify(source, bom_length(source))
        # contexts opened by headings: (level, value); line-level markers use level + 0.5
        self.periods: list[tuple[float, Period]] = []
        self.intro_period: Period | None = None
        self.types: list[tuple[float, dict[str, Any]]] = []
        self.section_level = 0
        # the objective that is collecting key results
        self.obj: Objective | None = None
        self.obj_scope = ""
        self.obj_level = 0
        self.obj_indent = -1
        self.obj_is_list = False
        self.kr_indent: int | None = None
        self.last_kr: KeyResult | None = None
        self.last_kr_indent = -1
        self.pending_heading: tuple[Frag, int] | None = None
        self.pending_fields: dict[str, Any] = {}  # "Owner: …" between a heading and its list
        self.pending_label: _Pending | None = None
        self.last_is_kr = False  # the item created last was a key result
        self.blank_since_item = False
        self.open: _Open | None = None

    # ------------------------------------------------------------ contexts

    def _period(self) -> Period | None:
        """The innermost period, else the one an intro sentence named (until the first period heading)."""
        return self.periods[-1][1] if self.periods else self.intro_period

    def _push_period(self, level: float, period: Period) -> None:
        self.intro_period = None
        self.periods.append((level, period))

    def _type_defaults(self) -> dict[str, Any]:
        return dict(self.types[-1][1]) if self.types else {}

    def _pop_contexts(self, level: float) -> None:
        self.periods = [(lv, p) for lv, p in self.periods if lv < level]
        self.types = [(lv, t) for lv, t in self.types if lv < level]

    # ------------------------------------------------------------ objective state

    def _set_objective(
        self, obj: Objective | None, scope: str, level: int = 0, indent: int = -1, is_list: bool = False
    ) -> None:
        self.obj = obj
        self.obj_scope = scope
        self.obj_level = level
        self.obj_indent = indent
        self.obj_is_list = is_list
        self.last_is_kr, self.blank_since_item = False, False
        self.kr_indent = None
        self.last_kr = None
        self.last_kr_indent = -1

    def _close_objective(self) -> None:
        self._flush()
        self.obj = None

    def _objective_from_heading(self) -> None:
        assert self.pending_heading is not None
        frag, level = self.pending_heading
        self.pending_heading = None
        m = _HEADING_NUMBER.match(frag.text)
        if m and m.end() < len(frag.text):
            frag = frag.sub(m.end())  # "## 1. Grow the community"
        fields, self.pending_fields = self.pending_fields, {}
        obj = self.b.objective(frag, fields, self._period(), self._type_defaults(), label=False)
        self._set_objective(obj, "heading", level=level)

    def _join(self, item: _Open) -> Frag:
        """Text of an item wrapped over several lines, with the line breaks between."""
        if len(item.parts) == 1:
            return item.parts[0]
        pieces = [item.parts[0]]
        for k in range(1, len(item.parts)):
            prev, cur = item.parts[k - 1], item.parts[k]
            between = self.source[prev.end : cur.start]
            if not between.strip():
                pieces.append(Frag.of(self.source, prev.end, cur.start))
            else:
                line = item.views[k - 1].line
                pieces.append(Frag.of(self.source, line.end, line.next))
            pieces.append(cur)
        return Frag.concat(pieces)

    def _flush(self) -> None:
        item, self.open = self.open, None
        if item is None:
            return
        text = self._join(item)
        if item.kind == "objective":
            obj = self.b.objective(text, item.fields, self._period(), self._type_defaults(), label=False)
            self._set_objective(obj, item.scope, item.level, item.indent, item.is_list)
        elif item.kind == "key_result":
            if self.obj is not None:
                kr = self.b.key_result(self.obj, text, item.fields, label=False)
                if kr is not None:
                    self.last_kr = kr
                    self.last_kr_indent = item.indent
                    self.last_is_kr, self.blank_since_item = True, False
        elif item.kind == "note" and self.last_kr is not None:
            note, _ = clean(text)
            if note.text:
                self.last_kr.fields.setdefault("notes", []).append(note.text)

    # ------------------------------------------------------------ driver

    def parse(self) -> DocBuilder:
        views = self.views
        i = 0
        while i < len(views):
            v = views[i]
            if v.kind == "skip":
                i += 1
                continue
            if v.kind == "blank":
                self._flush()
                self.blank_since_item = True
                i += 1
                continue
            if v.kind == "text" and i + 1 < len(views) and self._table_starts(i):
                self._flush()
                i = self._table(i)
                continue
            if v.kind == "heading":
                self._flush()
                self._heading(v)
            elif v.kind == "rule":
                self._flush()
                self._prose(v)
            else:
                self._line(v)
            i += 1
        self._flush()
        return self.b

    # ------------------------------------------------------------ headings

    def _heading(self, v: _View) -> None:
        content = v.body
        self.pending_label = None
        label = match_label(content) if content.text else None
        if label is not None and label.kind == "key_result":
            if self.obj is None and self.pending_heading is not None:
                self._objective_from_heading()
            if self.obj is not None:
                if label.text:
                    kr = self.b.key_result(self.obj, label.text, label.fields, label=False)
                    if kr is not None:
                        self.last_kr, self.last_kr_indent = kr, -1
                        self.last_is_kr, self.blank_since_item = True, False
                else:
                    self.pending_label = _Pending("key_result", label.fields, -1, False, "heading")
                return
        if KR_MARKER.match(content.text) and (self.obj is not None or self.pending_heading is not None):
            if self.obj is None:
                self._objective_from_heading()
            return  # "## Key results" under an objective keeps it open

        self._close_objective()
        self.pending_heading = None
        self._pop_contexts(v.level)
        self.section_level = v.level
        if label is not None and label.kind == "key_result":
            return  # a key result heading with no objective to belong to
        if label is not None and label.kind == "objective":
            if label.text:
                obj = self.b.objective(
                    label.text, label.fields, self._period(), self._type_defaults(), label=False
                )
                self._set_objective(obj, "heading", level=v.level)
            else:
                self.pending_label = _Pending("objective", label.fields, -1, False, "heading", v.level)
            return
        if BARE_OBJ_LABEL.match(content.text):
            self.pending_label = _Pending("objective", {}, -1, False, "heading", v.level)
            return
        if is_period(content.text):
            period = self.b.period(content)
            if period is not None:
                self._push_period(v.level, period)
            return
        marker = find_period(content.text)
        if marker is not None:  # «# OKR маркетинга — 3 квартал 2026»: the marker applies below
            period = self.b.period(content.sub(*marker))
            if period is not None:
                self._push_period(v.level, period)
        m = TYPE_HEADING.match(content.text.strip())
        if m:
            self.types.append((v.level, type_fields(m.group("type"))))
        self.pending_fields = {}
        if content.text:
            self.pending_heading = (content, v.level)

    # ------------------------------------------------------------ lines

    def _line(self, v: _View) -> None:
        content = v.body
        is_list = v.kind == "list"
        label = match_label(content)
        fld = None if label else match_field(content)
        marker = label is None and bool(KR_MARKER.match(content.text))
        titled = None if is_list or label is not None or fld is not None else title_period(content.text)
        period_line = not is_list and label is None and fld is None and (titled is not None or is_period(content.text))
        if titled is not None and not is_period(content.text):
            content = content.sub(*titled)  # «OKR Q1 2027 — черновик»: the title's period applies below
        special = label is not None or fld is not None or marker or period_line

        if (
            not is_list
            and not special
            and self.open is not None
            and v.indent > self.open.indent
        ):
            self.open.parts.append(content)
            self.open.views.append(v)
            return
        self._flush()

        if self.pending_label is not None and special and not marker:
            self.pending_label = None
        if self.pending_label is not None and not special:
            pending, self.pending_label = self.pending_label, None
            if pending.kind == "objective":
                self._close_objective()
                self.pending_heading = None
            if pending.kind == "objective" or self.obj is not None:
                self.open = _Open(
                    pending.kind,
                    [content],
                    [v],
                    dict(pending.fields),
                    indent=v.indent if pending.scope == "label" else -1,
                    scope=pending.scope,
                    is_list=pending.is_list,
                    level=pending.level,
                )
                if pending.kind == "key_result" and is_list and self.kr_indent is None:
                    self.kr_indent = v.indent
            return
        if label is not None:
            self._label_line(v, label.kind, label.text, label.fields, is_list)
            return
        if marker:
            return
        if fld is not None:
            self._field_line(v, *fld)
            return
        if period_line:
            self._line_period(content)
            return
        if is_list:
            self._list_item(v)
            return
        self._prose(v)

    def _label_line(self, v: _View, kind: str, text: Frag, fields: dict[str, Any], is_list: bool) -> None:
        fields = dict(fields)
        if v.checked is not None:
            fields["done"] = v.checked
        if kind == "objective":
            self.pending_heading = None
            self._close_objective()
            if not text.text:
                self.pending_label = _Pending("objective", fields, v.indent, is_list, "label")
                return
            self.open = _Open("objective", [text], [v], fields, v.indent, "label", is_list)
            return
        if self.obj is None and self.pending_heading is not None:
            self._objective_from_heading()
        self.pending_heading = None
        if self.obj is None:
            return
        if not text.text:
            self.pending_label = _Pending("key_result", fields, v.indent, is_list, "label")
            return
        if is_list and self.kr_indent is None:
            self.kr_indent = v.indent
        self.open = _Open("key_result", [text], [v], fields, v.indent)

    def _list_item(self, v: _View) -> None:
        if self.obj is None and self.pending_heading is not None:
            self._objective_from_heading()
        self.pending_heading = None
        if self.obj is None:
            return
        if self.obj_is_list and v.indent <= self.obj_indent:
            self._close_objective()
            return
        fields: dict[str, Any] = {}
        if v.checked is not None:
            fields["done"] = v.checked
        if self.kr_indent is None or v.indent <= self.kr_indent or self.last_kr is None:
            self.kr_indent = v.indent if self.kr_indent is None else min(self.kr_indent, v.indent)
            self.open = _Open("key_result", [v.body], [v], fields, v.indent)
        else:
            self.open = _Open("note", [v.body], [v], {}, v.indent)

    def _field_line(self, v: _View, key: str, value: Frag) -> None:
        if key == "period":
            if self.obj is not None and self.last_kr is None:
                self.b.set_period(self.obj, self.b.period(value))
            else:
                self._line_period(value)
            return
        if self.obj is None:
            if self.pending_heading is not None:
                self.pending_fields.update(self._field_value(key, value))
            return
        # A field belongs to the key result it is nested under or directly follows.
        kr = self.last_kr
        to_kr = kr is not None and (v.indent > self.last_kr_indent or (self.last_is_kr and not self.blank_since_item))
        item: Objective | KeyResult = kr if to_kr and kr is not None else self.obj
        item.fields.update(self._field_value(key, value))

    @staticmethod
    def _field_value(key: str, value: Frag) -> dict[str, Any]:
        text = cut_comments(value).text.strip()
        if not text:
            return {}
        if key == "type":
            return type_fields(text)
        if key == "owner":
            return {key: normalize_owner(text)}
        return {key: text}

    def _line_period(self, frag: Frag) -> None:
        self.pending_heading = None
        if self.obj is not None and self.obj_scope == "label":
            self._close_objective()
        level = self.section_level + 0.5
        self._pop_contexts(level)
        period = self.b.period(frag)
        if period is not None:
            self._push_period(level, period)

    def _prose(self, v: _View) -> None:
        if not _METADATA_LINE.match(v.body.text):  # "Куратор: Ольга Ракитина" under a heading keeps it an objective
            self.pending_heading = None
        self.pending_label = None
        if self.obj is None and not self.b.objectives and not self.periods and self.intro_period is None:
            marker = intro_period(v.body.text)  # «Скидываю черновик OKR сети на 4 квартал»: the intro names the period
            self.intro_period = self.b.period(v.body.sub(*marker)) if marker is not None else None
            if self.intro_period is not None:
                self.intro_period.in_prose = True
        if self.obj is None or v.indent > max(self.obj_indent, 0):
            return
        # Prose ends a labelled objective; under a heading it may describe the
        # objective, but once key results were listed it starts something else.
        if self.obj_scope == "label" or self.obj.key_results:
            self._close_objective()

    # ------------------------------------------------------------ tables

    def _table_starts(self, i: int) -> bool:
        head, delim = self.views[i], self.views[i + 1]
        if head.indent > 3 or not has_pipe(head.content.text) or delim.kind in ("blank", "skip"):
            return False
        if not is_delimiter_row(delim.content.text):
            return False
        return delimiter_cells(delim.content.text) == len(split_row(head.content))

    def _table(self, i: int) -> int:
        views = self.views
        headers = split_row(views[i].content)
        cols = Columns.from_header([h.text for h in headers])
        ncols = len(headers)
        rows: list[Row] = []
        j = i + 2
        while j < len(views):
            v = views[j]
            if v.kind == "skip":
                j += 1
                continue
            if v.kind == "blank" or not has_pipe(v.content.text):
                break
            cells = split_row(v.content)
            if cells and len(cells) < ncols and ends_with_pipe(v.content):
                merged, j2 = self._broken_row(j, cells)
                if merged is not None:
                    rows.append(Row(merged))
                    j = j2
                    continue
            rows.append(Row(cells))
            j += 1

        self.pending_heading = None
        self.pending_label = None
        if not cols.usable:
            if cols.key_results and self.obj is not None:
                assembler = RowAssembler(self.b, cols, objective=self.obj)
                for row in rows:
                    assembler.add(row)
            return j
        self._close_objective()
        assembler = RowAssembler(self.b, cols, period=self._period, defaults=self._type_defaults)
        for row in rows:
            assembler.add(row)
        return j

    def _broken_row(self, j: int, cells: list[Frag]) -> tuple[list[Frag] | None, int]:
        """A row whose next cell holds a list spilled over several lines, closed by a ``|`` line."""
        views = self.views
        k = j + 1
        extra: list[_View] = []
        while k < len(views) and views[k].kind not in ("blank",) and not has_pipe(views[k].content.text):
            if views[k].kind != "skip":
                extra.append(views[k])
            k += 1
        if not extra or k >= len(views) or not views[k].content.text.lstrip().startswith("|"):
            return None, j
        closing = views[k].content
        pieces: list[Frag] = []
        for n, ev in enumerate(extra):
            if n:
                prev = extra[n - 1].line
                pieces.append(Frag.of(self.source, prev.end, prev.next))
            pieces.append(ev.content)
        cell = Frag.concat(pieces)
        rest = split_row(closing)
        return [*cells, cell, *rest], k + 1


def parse_outline(source: str, path: str = "<text>") -> OkrDocument:
    return OutlineParser(source, path).parse().build()
