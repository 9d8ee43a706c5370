"""Input parsers: bytes → text → ``OkrDocument`` with exact spans.

Public contract (the CLI, the API and the LSP call only this):

- ``decode(data)``: UTF-8 (BOM stripped) or UTF-16/32 with a BOM.
- ``detect_format(path, source)``: markdown | yaml | json | csv | tsv.
- ``parse(source, path, fmt)``: dispatch to a parser; sets suppressions.
- ``from_structured(data, path)``: objectives given as Python data.
- ``ParseError``: the only exception any of these raises.

Every ``Item`` satisfies ``doc.source[item.start:item.end] == item.text``
when ``item.offsets is None``, otherwise ``doc.source[item.offsets[i]]`` is
the source character of ``item.text[i]`` (``spans.span_problems`` checks it).
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Callable
from typing import Any

from ..model import OkrDocument
from .errors import NoOkrError, ParseError

__all__ = [
    "FORMATS",
    "SUPPORTED_EXTENSIONS",
    "ParseError",
    "decode",
    "detect_format",
    "from_structured",
    "parse",
]

FORMATS = ("markdown", "yaml", "json", "csv", "tsv")

_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "markdown",
    ".text": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
}
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_EXTENSIONS)

_FORMAT_ALIASES = {
    "md": "markdown",
    "text": "markdown",
    "txt": "markdown",
    "outline": "markdown",
    "yml": "yaml",
    "tab": "tsv",
}


# ---------------------------------------------------------------- decoding


def decode(data: bytes) -> str:
    """Bytes of an input file → text.

    UTF-8 with or without a BOM; UTF-16/UTF-32 only with a BOM (that is how
    editors and Excel write them).  NUL bytes mean a binary file.
    """
    if isinstance(data, str):  # tolerate callers that already decoded
        return data.removeprefix("\ufeff")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            name = codec.upper().replace("UTF", "UTF-").replace("--", "-")
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ParseError(f"invalid {name} at byte {exc.start}") from None
            text = text.removeprefix("\ufeff")
            nul = text.find("\x00")
            if nul >= 0:
                raise ParseError(f"binary data: NUL character in {name} text at character {nul}")
            return text
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00", skip)
    if nul >= 0:
        if _looks_like_utf16(data[skip:]):
            raise ParseError(
                f"binary data (NUL byte at byte {nul}); UTF-16 text needs a byte-order mark, or save it as UTF-8"
            )
        raise ParseError(f"binary data (NUL byte at byte {nul}), not a text file")
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"invalid UTF-8 at byte {exc.start + skip}") from None


def _looks_like_utf16(data: bytes) -> bool:
    """NULs only at even or only at odd positions, often enough for text, and the bytes decode as UTF-16.

    UTF-16 text has a NUL in every ASCII character (spaces, digits, punctuation,
    even in Russian text); a stray NUL in a UTF-8 file is binary damage, not UTF-16.
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    nuls = [i % 2 for i, b in enumerate(sample) if b == 0]
    parities = set(nuls)
    if len(parities) != 1 or len(nuls) * 20 < len(sample) // 2:
        return False
    try:
        sample.decode("utf-16-le" if parities == {1} else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------- format detection

_YAML_KEY = re.compile(
    r"^\s*(?:-\s+)?(?:objectives|objective|key_results|krs|цели|цель|ключевые_результаты)\s*:",
    re.MULTILINE,
)


def detect_format(path: str, source: str) -> str:
    """Format by file extension; by content for ``-``, ``<text>`` and unknown names."""
    ext = os.path.splitext(path or "")[1].lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    return sniff(source)


def sniff(source: str) -> str:
    """Guess the format of text without a telling file name."""
    text = source.lstrip("\ufeff \t\r\n")
    if not text:
        return "markdown"
    if text[0] == "{":
        return "json"
    if text[0] == "[":
        try:
            json.loads(text)
            return "json"
        except (ValueError, RecursionError):
            pass
    from .tabular import sniff_delimiter

    first = text.splitlines()[0] if text else ""
    if not first.lstrip().startswith(("#", "|", "-", "*")):
        delimiter = sniff_delimiter(text, header_only=True)
        if delimiter is not None:
            return "tsv" if delimiter == "\t" else "csv"
    if _YAML_KEY.search(text):
        from .structured import looks_like_okr_yaml

        if looks_like_okr_yaml(source):
            return "yaml"
    return "markdown"


# ---------------------------------------------------------------- parsing


def _parsers() -> dict[str, Callable[[str, str], OkrDocument]]:
    from .outline import parse_outline
    from .structured import parse_json, parse_yaml
    from .tabular import parse_csv, parse_tsv

    return {
        "markdown": parse_outline,
        "yaml": parse_yaml,
        "json": parse_json,
        "csv": parse_csv,
        "tsv": parse_tsv,
    }


def parse(source: str, path: str = "<text>", fmt: str | None = None) -> OkrDocument:
    """Parse OKRs from text; raises ParseError for malformed or non-OKR input."""
    if not isinstance(source, str):
        raise ParseError(f"expected text, got {type(source).__name__}")
    if fmt is not None:
        fmt = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        if fmt not in FORMATS:
            raise ParseError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    else:
        fmt = detect_format(path, source)
    if not source.strip().lstrip("\ufeff").strip():
        raise NoOkrError("empty input: no objectives or key results found")
    try:
        return _parsers()[fmt](source, path)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("input nested too deeply") from None
    except MemoryError:
        raise ParseError("input too large to parse") from None
    except Exception as exc:  # noqa: BLE001 - a parser bug must not become a traceback for the user
        raise ParseError(f"internal parser error ({type(exc).__name__}: {exc}); please report it") from None


def from_structured(data: Any, path: str = "<data>") -> OkrDocument:
    """Objectives given as Python data (the YAML/JSON schema) → a document with a synthetic source."""
    from .structured import build_from_data

    try:
        return build_from_data(data, path)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("data nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - same contract as parse()
        raise ParseError(f"internal parser error ({type(exc).__name__}: {exc}); please report it") from None
