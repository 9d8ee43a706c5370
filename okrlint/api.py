"""The public Python API: lint text, files, paths or already-structured objectives.

Every function returns a :class:`~okrlint.findings.Report` whose
``to_dict()``/``to_json()`` is the versioned JSON contract.  Bad input never
raises: it becomes an entry in ``report.errors`` and the other inputs are
still linted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, TextIO

from .config import Config
from .findings import FileReport, InputError, Report
from .model import OkrDocument
from .parsing import SUPPORTED_EXTENSIONS, NoOkrError, ParseError, decode, from_structured, parse

if TYPE_CHECKING:  # pragma: no cover
    from .cache import ResultCache

# OKR files are small; a multi-megabyte input is a wrong path or an export gone astray, and would
# take minutes of tagging.  Larger files are reported, not linted.
MAX_BYTES = 2 * 1024 * 1024


def _config(config: Config | None, lang: str | None) -> Config:
    config = config or Config()
    return config.with_overrides(lang=lang) if lang and lang != "auto" else config


def lint_documents_report(documents: list[OkrDocument], config: Config | None = None,
                          errors: list[InputError] | None = None) -> Report:
    from .engine import lint_documents  # imported on demand: a fully cached run never loads spaCy

    files = lint_documents(documents, config) if documents else []
    return Report(files=files, errors=list(errors or []))


def lint_text(text: str, *, filename: str | None = None, lang: str = "auto",
              config: Config | None = None, fmt: str | None = None) -> Report:
    """Lint the text of one file; ``filename`` picks the format by extension (default Markdown)."""
    path = filename or "<text>"
    try:
        document = parse(text, path, fmt)
    except ParseError as exc:
        return Report(errors=[InputError(path, str(exc))])
    return lint_documents_report([document], _config(config, lang))


def lint_file(path: str | os.PathLike[str], *, lang: str = "auto", config: Config | None = None) -> Report:
    return lint_paths([str(path)], lang=lang, config=config)


def lint_objectives(objectives: Any, *, lang: str = "auto", config: Config | None = None) -> Report:
    """Lint already-structured OKRs: a list of dicts like ``{"objective": …, "key_results": […]}``."""
    try:
        document = from_structured(objectives)
    except ParseError as exc:
        return Report(errors=[InputError("<data>", str(exc))])
    return lint_documents_report([document], _config(config, lang))


def lint_paths(paths: Sequence[str], *, lang: str = "auto", config: Config | None = None,
               stdin: TextIO | None = None, cache: ResultCache | None = None, jobs: int = 1) -> Report:
    """Lint files, directories (walked for supported extensions) and ``-`` (standard input).

    With a ``cache``, a file whose report is stored is not parsed or analyzed
    again; ``jobs`` > 1 lints many uncached files in worker processes.
    """
    documents: list[OkrDocument | FileReport] = []  # parsed documents to lint, and cached reports, in input order
    errors: list[InputError] = []
    effective = _config(config, lang)
    for path, source_or_error, walked in _read_all(paths, stdin):
        if isinstance(source_or_error, InputError):
            errors.append(source_or_error)
            continue
        if cache is not None and (hit := cache.lookup(source_or_error, path, effective)) is not None:
            documents.append(hit)
            continue
        try:
            documents.append(parse(source_or_error, path))
        except NoOkrError as exc:
            if not walked:  # a README met while walking a folder is not an error
                errors.append(InputError(path, str(exc)))
        except ParseError as exc:
            errors.append(InputError(path, str(exc)))
    if cache is None and jobs <= 1:
        return lint_documents_report(documents, effective, errors)  # type: ignore[arg-type]
    from .parallel import lint_mixed

    return Report(files=lint_mixed(documents, effective, cache, jobs), errors=errors)


def _read_all(paths: Sequence[str], stdin: TextIO | None) -> list[tuple[str, str | InputError, bool]]:
    """(path, text or error, found by walking a directory) for every input."""
    out: list[tuple[str, str | InputError, bool]] = []
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin
            try:
                data = stream.buffer.read(MAX_BYTES + 1) if hasattr(stream, "buffer") else stream.read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    out.append(("-", InputError("-", f"input is too large to lint (the limit is "
                                                     f"{MAX_BYTES // (1024 * 1024)} MB)"), False))
                    continue
                out.append(("-", decode(data) if isinstance(data, bytes) else data, False))
            except ParseError as exc:
                out.append(("-", InputError("-", str(exc)), False))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            out.extend((str(p), _read(p), True) for p in found)
        else:
            out.append((raw, _read(path), False))
    return out


def _read(path: Path) -> str | InputError:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return InputError(str(path), f"file is too large to lint ({size / 1024 / 1024:.1f} MB; "
                                         f"the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        return decode(path.read_bytes())
    except FileNotFoundError:
        return InputError(str(path), "no such file or directory")
    except IsADirectoryError:
        return InputError(str(path), "is a directory")
    except PermissionError:
        return InputError(str(path), "permission denied")
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")
    except ParseError as exc:
        return InputError(str(path), str(exc))
