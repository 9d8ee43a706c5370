"""Does a file hold OKRs?  A cheap content check before parsing, shared by folder walks and the LSP.

A repository is full of Markdown, YAML, JSON and CSV that are not OKRs (READMEs,
changelogs, ``package.json``, ``docker-compose.yml``, data exports, JSON
schemas).  The parsers are forgiving — any heading with a list looks like an
objective, any mapping with a ``name`` like one — so a walk must not hand them
every file.  A file counts as OKRs only when it carries OKR marks where the
formats put them: a label line (``Цель 1:``, ``Objective —``, ``O1:``,
``KR2:``, ``Ключевые результаты:``), a heading naming OKRs, objectives or a
quarter, an OKR table header; in YAML/JSON an ``objectives`` list or
objects with an ``objective``/``key_results`` key at the top; in a CSV an
objective column — or a file name that says OKR.  Prose that merely talks
about OKRs, and code blocks, do not count.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any


# ---------------------------------------------------------------- Markdown / text

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINE_LEAD = r"^[ \t>#*_+\-|0-9.)]*"
_LABEL_WORDS = r"objective|goal|цель|o\d{1,2}|krs?|кр|key[ \t-]+results?|ключев\w*[ \t]+результат\w*"
_OUTLINE = re.compile(
    # a label: "Цель 1: …", "Objective — …", "KR2:", "Key results:"
    rf"{_LINE_LEAD}(?:{_LABEL_WORDS})(?:[ \t]*[#№]?\d{{1,3}})?[ \t*_]*(?::|[ \t]+[—–-][ \t])"
    # a heading naming OKRs, objectives, key results or a quarter: "# OKR маркетинга", "## Objectives", "# Q3 2026"
    r"|^[ \t]{0,3}#{1,6}[ \t][^\n]*(?:(?<!\w)(?:okrs?|окр|objectives|цели|key[ \t-]+results|ключевые[ \t]+результаты"
    r"|[QqКк][1-4])(?!\w))"
    # a quarter named with its number: "# 3 квартал 2026", "## Quarter 2" (not "Quarter-end grades")
    r"|^[ \t]{0,3}#{1,6}[ \t][^\n]*(?:\d[^\n]*(?<!\w)(?:квартал\w*|quarter)(?![\w-])|(?<!\w)(?:квартал\w*|quarter)(?![\w-])[^\n]*\d)"
    # a table header with an objective column and a key-result column (the row above a |---| row)
    r"|^[ \t]*\|[^\n]*(?:цель|objective)[^\n]*\|[^\n]*(?:ключев\w*[ \t]+результат|key[ \t-]+results?|\bkrs?\b)"
    r"[^\n]*\n[ \t]*\|?[ \t]*:?-{3,}",
    re.IGNORECASE | re.MULTILINE,
)

# ---------------------------------------------------------------- YAML / JSON

_KEY_HINT = re.compile(r"objective|okr|key.?results?|krs?\b|цел[ьи]|окр|ключев|кр\b", re.IGNORECASE)
_KEYS = r"objectives?|okrs?|цел[ьи]|key[_ ]?results?|keyresults|krs|ключевые_результаты|ключевой_результат"
_KEY_POSITION = {  # an OKR key where a key stands, for files that do not load (a syntax error to report)
    "yaml": re.compile(rf"^[ \t]*(?:-[ \t]+)?[\"']?(?:{_KEYS})[\"']?[ \t]*:", re.IGNORECASE | re.MULTILINE),
    "json": re.compile(rf"\"(?:{_KEYS})\"[ \t\r\n]*:", re.IGNORECASE),
}
_ROOT_KEYS = frozenset({"objectives", "цели", "okrs", "okr"})
_OBJECTIVE_KEYS = frozenset({"objective", "цель"})
_KR_KEYS = frozenset({"key_results", "krs", "keyresults", "ключевые_результаты", "key_result", "ключевой_результат"})

# ---------------------------------------------------------------- CSV / TSV

_HEADER_WORD = re.compile(r"(?<!\w)(?:objectives?|goals?|цел[ьи]|okrs?|окр)(?!\w)", re.IGNORECASE)

# A file that calls itself OKRs (okrs.md, Q3-OKR.csv, цели-2026.yaml) needs no further proof.
_NAME = re.compile(r"(?<![^\W\d_])(?:okrs?|окр|objectives|цели)(?![^\W\d_])", re.IGNORECASE)


def holds_okrs(source: str, fmt: str, name: str = "") -> bool:
    """True when ``source`` (already decoded, in format ``fmt``) carries the marks of an OKR file.

    ``name`` is the file's name, if any: in Markdown, text and CSV one with OKR in
    it counts as a mark.
    """
    if fmt in ("markdown", "csv", "tsv") and name and _NAME.search(os.path.basename(name)):
        return True  # YAML/JSON need no name: their structure tells
    if fmt == "markdown":
        prose = _INLINE_CODE.sub("", _FENCE.sub("", source))
        return _OUTLINE.search(prose) is not None
    if fmt in ("yaml", "json"):
        if _KEY_HINT.search(source) is None:
            return False
        roots = _roots(source, fmt)
        if roots == [("broken", None)]:  # hand a broken OKR file to the parser, which names the syntax error
            return _KEY_POSITION[fmt].search(source) is not None
        return _okr_shaped(roots)
    if fmt in ("csv", "tsv"):
        header = next((line for line in source.splitlines() if line.strip()), "")
        if _HEADER_WORD.search(header) is not None:
            return True
        from .parsing.tabular import typed_rows  # "ID,Type,Statement" with "O1"/"Objective" rows

        return typed_rows(source)
    return False


def why_not(fmt: str) -> str:
    """The reason a file was skipped, for ``okrlint -v``."""
    if fmt == "markdown":
        return "no OKR labels, OKR heading or OKR table"
    if fmt in ("yaml", "json"):
        return "no objectives list or objective/key_results keys at the top level"
    return "no objective column in the header"


def _key(value: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(value).strip().casefold().replace("ё", "е"))


def _roots(source: str, fmt: str) -> list[tuple[str, Any]]:
    """The top-level values as ``(kind, keys or items)``: only two levels are read, aliases never expanded."""
    if fmt == "json":
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            return [("broken", None)]
        return [_shape(data)]
    import yaml  # on demand: a walk over Markdown files never needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        nodes = list(yaml.compose_all(source, Loader=loader))
    except (yaml.YAMLError, RecursionError):
        return [("broken", None)]
    return [_node_shape(node) for node in nodes if node is not None]


def _shape(data: Any) -> tuple[str, Any]:
    if isinstance(data, dict):
        return "map", {_key(k) for k in data}
    if isinstance(data, list):
        return "seq", [{_key(k) for k in item} if isinstance(item, dict) else set() for item in data[:200]]
    return "scalar", None


def _node_shape(node: Any) -> tuple[str, Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "map", {_key(k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    if isinstance(node, yaml.SequenceNode):
        return "seq", [{_key(k.value) for k, _ in item.value if isinstance(k, yaml.ScalarNode)}
                       if isinstance(item, yaml.MappingNode) else set() for item in node.value[:200]]
    return "scalar", None


def _okr_shaped(roots: list[tuple[str, Any]]) -> bool:
    """An objectives list, a mapping holding one, or a single objective with its key results."""
    for kind, keys in roots:
        if kind == "map" and (keys & _ROOT_KEYS or keys & _OBJECTIVE_KEYS):
            return True
        if kind == "seq" and any(item & (_OBJECTIVE_KEYS | _KR_KEYS) for item in keys):
            return True
    return False
