"""Does a file hold OKRs?  A cheap content check before parsing, shared by folder walks and the LSP.

A repository is full of Markdown, YAML, JSON and CSV that are not OKRs (READMEs,
changelogs, ``package.json``, ``docker-compose.yml``, data exports).  The
parsers are forgiving — any heading with a list looks like an objective — so
a walk must not hand them every file.  A file counts as OKRs only when it
carries OKR words where the formats put them: labels (``Цель 1:``,
``Objective —``, ``O1:``, ``KR2:``), the words OKR / key results, a quarter
heading, OKR keys in YAML/JSON, an objective column in a CSV header — or a
file name that says OKR.
"""

from __future__ import annotations

import os
import re

# Markdown / text: a label at the start of a line (after list, quote, heading or table markup),
# the words OKR / key result(s), or a heading naming a quarter.
_LINE_LEAD = r"^[ \t>#*_+\-|0-9.)]*"
_OUTLINE = re.compile(
    r"(?<!\w)(?:okrs?|окр)(?!\w)"
    r"|(?<!\w)key[ \t-]+results?(?!\w)"
    r"|(?<!\w)ключев\w*[ \t]+результат"
    rf"|{_LINE_LEAD}(?:objective|goal|цель|o\d{{1,2}}|krs?|кр)(?:[ \t]*[#№]?\d{{1,3}})?[ \t*_]*(?::|[ \t]+[—–-][ \t])"
    r"|^[ \t]{0,3}#{1,6}[ \t][^\n]*(?:(?<!\w)[QqКк][1-4](?!\w)|квартал|(?<!\w)quarter(?!\w))",
    re.IGNORECASE | re.MULTILINE,
)
# YAML / JSON: an OKR key (the structured parser's list and text keys that only OKRs use).
_KEYS = (
    r"objectives?|okrs?|цел[ьи]|key[_ ]?results?|keyresults|krs?|кр|ключевые_результаты|ключевой_результат"
)
_YAML_KEY = re.compile(rf"^[ \t]*(?:-[ \t]+)?[\"']?(?:{_KEYS})[\"']?[ \t]*:", re.IGNORECASE | re.MULTILINE)
_JSON_KEY = re.compile(rf"\"(?:{_KEYS})\"[ \t\r\n]*:", re.IGNORECASE)
# CSV / TSV: the header names an objective (or OKR) column.
_HEADER_WORD = re.compile(r"(?<!\w)(?:objectives?|goals?|цел[ьи]|okrs?|окр)(?!\w)", re.IGNORECASE)


# A file that calls itself OKRs (okrs.md, Q3-OKR.csv, цели-2026.yaml) needs no further proof.
_NAME = re.compile(r"(?<![^\W\d_])(?:okrs?|окр|objectives|цели)(?![^\W\d_])", re.IGNORECASE)


def holds_okrs(source: str, fmt: str, name: str = "") -> bool:
    """True when ``source`` (already decoded, in format ``fmt``) carries the marks of an OKR file.

    ``name`` is the file's name, if any: one with OKR in it counts as a mark.
    """
    if name and _NAME.search(os.path.basename(name)):
        return True
    if fmt == "markdown":
        return _OUTLINE.search(source) is not None
    if fmt == "yaml":
        return _YAML_KEY.search(source) is not None
    if fmt == "json":
        return _JSON_KEY.search(source) is not None
    if fmt in ("csv", "tsv"):
        header = next((line for line in source.splitlines() if line.strip()), "")
        return _HEADER_WORD.search(header) is not None
    return False


def why_not(fmt: str) -> str:
    """The reason a file was skipped, for ``okrlint -v``."""
    if fmt == "markdown":
        return "no OKR labels, OKR/key-result words or quarter heading"
    if fmt in ("yaml", "json"):
        return "no objectives/key_results keys"
    return "no objective column in the header"
