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

from .config import Config, ConfigResolver
from .findings import FileReport, InputError, Report, Skipped
from .model import OkrDocument
from .parsing import SUPPORTED_EXTENSIONS, ParseError, decode, detect_format, from_structured, parse
from .parsing.errors import NoOkrError
from .sniff import holds_okrs, why_not
from .walk import Walker, excludes_of

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
    """Lint parsed documents with one config (the LSP's entry point)."""
    from .engine import lint_documents  # imported on demand: a fully cached run never loads spaCy

    files = lint_documents(documents, config) if documents else []
    return Report(files=files, errors=list(errors or []))


def lint_text(text: str, *, filename: str | None = None, lang: str = "auto",
              config: Config | None = None, fmt: str | None = None) -> Report:
    """Lint the text of one file; ``filename`` picks the format by extension (default Markdown).

    The text is taken to be OKRs (no content check); ``fmt`` forces a format
    (markdown, yaml, json, csv, tsv).  Unparsable text is an entry in
    ``report.errors``, never an exception.
    """
    path = filename or "<text>"
    try:
        document = parse(text, path, fmt)
    except ParseError as exc:
        return Report(errors=[InputError(path, str(exc))])
    return lint_documents_report([document], _config(config, lang))


def lint_file(path: str | os.PathLike[str], *, lang: str = "auto", config: Config | None = None) -> Report:
    """Lint one file (format by extension); its config is found from its folder unless ``config`` is given.

    A file that cannot be read or holds no OKRs is an entry in ``report.errors``.
    """
    return lint_paths([str(path)], lang=lang, config=config)


def lint_objectives(objectives: Any, *, lang: str = "auto", config: Config | None = None) -> Report:
    """Lint already-structured OKRs: a list of dicts like ``{"objective": …, "key_results": […]}``."""
    try:
        document = from_structured(objectives)
    except ParseError as exc:
        return Report(errors=[InputError("<data>", str(exc))])
    return lint_documents_report([document], _config(config, lang))


def lint_paths(paths: Sequence[str], *, lang: str = "auto", config: Config | ConfigResolver | None = None,
               stdin: TextIO | None = None, stdin_filename: str | None = None, exclude: Sequence[str] = (),
               only_okr_files: bool = False, cache: ResultCache | None = None, jobs: int = 1) -> Report:
    """Lint files, folders and ``-`` (standard input); the report lists files in the order given.

    Folders are walked for files that hold OKRs (see :mod:`okrlint.walk`);
    files without OKRs met there are skipped and listed in ``report.skipped``.
    Each file gets the config nearest above it, as in the CLI and the editor,
    unless ``config`` is one :class:`Config` for all (or a :class:`ConfigResolver`).
    ``stdin_filename`` names standard input: its format, its config and its
    path in the report.  ``exclude`` adds gitignore-style patterns (relative
    to the current folder).  ``only_okr_files`` treats files named explicitly
    like walked ones (skip those without OKRs or excluded), for pre-commit.
    With a ``cache``, a file whose report is stored (same text, name, config,
    rules and okrlint) is not parsed or analysed again; ``jobs`` > 1 lints many
    uncached files in worker processes.
    Raises :class:`ConfigError` for a broken config file.
    """
    resolver = config if isinstance(config, ConfigResolver) else ConfigResolver(base=config)
    walker = Walker(exclude_for=excludes_of(resolver.for_path), cli_exclude=exclude)
    found = walker.collect(paths, SUPPORTED_EXTENSIONS)
    errors = list(found.errors)
    skipped = list(found.skipped)
    placed: list[tuple[OkrDocument | FileReport, Config]] = []
    with_lang: dict[int, Config] = {}  # one Config object per config file, so files sharing it share a batch
    for raw, walked in found.files:
        name = stdin_filename if raw == "-" and stdin_filename else raw
        lenient = walked or only_okr_files
        if only_okr_files and not walked and raw != "-":
            why = walker.excluded_file(Path(raw))
            if why:
                skipped.append(Skipped(raw, why))
                continue
        source = _read_stdin(stdin) if raw == "-" else _read(Path(raw))
        if isinstance(source, InputError):
            errors.append(InputError(name, source.message))
            continue
        try:
            fmt = detect_format(name if name != "-" else "", source)
            if not holds_okrs(source, fmt, name if name != "-" else ""):
                if not lenient:
                    raise NoOkrError(f"no objectives or key results found ({why_not(fmt)})")
                skipped.append(Skipped(name, why_not(fmt)))
                continue
            where = Path(name).parent if name != "-" else Path.cwd()
            base = resolver.for_path(where)
            if id(base) not in with_lang:
                with_lang[id(base)] = _config(base, lang)
            effective = with_lang[id(base)]
            hit = cache.lookup(source, name, effective) if cache is not None else None
            if hit is not None:
                placed.append((hit, effective))
                continue
            document = parse(source, name, fmt)
        except NoOkrError as exc:
            if lenient:  # a README met while walking a folder is not an error
                skipped.append(Skipped(name, str(exc)))
            else:
                errors.append(InputError(name, str(exc)))
            continue
        except ParseError as exc:
            errors.append(InputError(name, str(exc)))
            continue
        placed.append((document, effective))
    return Report(files=_lint_grouped(placed, cache, jobs), errors=errors, skipped=skipped)


def _lint_grouped(placed: list[tuple[OkrDocument | FileReport, Config]], cache: ResultCache | None = None,
                  jobs: int = 1) -> list[FileReport]:
    """Lint documents that share a config together (one batch each), then put the reports back in input order.

    Cached reports stay as they are; the parsed documents of a group are linted (in worker
    processes when ``jobs`` > 1 pays off) and stored in the cache.
    """
    groups: dict[int, tuple[Config, list[int]]] = {}
    for index, (_slot, config) in enumerate(placed):
        groups.setdefault(id(config), (config, []))[1].append(index)
    reports: dict[int, FileReport] = {}
    for config, indices in groups.values():
        slots = [placed[i][0] for i in indices]
        if cache is None and jobs <= 1:
            from .engine import lint_documents

            linted = lint_documents(slots, config)  # type: ignore[arg-type]
        else:
            from .parallel import lint_mixed

            linted = lint_mixed(slots, config, cache, jobs)
        for index, file_report in zip(indices, linted):
            reports[index] = file_report
    return [reports[i] for i in range(len(placed))]


def read_inputs(paths: Sequence[str], stdin: TextIO | None = None) -> list[tuple[str, str | InputError, bool]]:
    """(path, text or error, found by walking a folder) for every input, walked like ``lint_paths`` walks.

    Files a walk meets that hold no OKRs are left out; named files are always read.
    For commands that need the text but not the lint (``okrlint grade``).
    """
    found = Walker(exclude_for=excludes_of(ConfigResolver().for_path)).collect(paths, SUPPORTED_EXTENSIONS)
    out: list[tuple[str, str | InputError, bool]] = [(e.path, e, False) for e in found.errors]
    for raw, walked in found.files:
        source = _read_stdin(stdin) if raw == "-" else _read(Path(raw))
        if walked and isinstance(source, str) and not holds_okrs(source, detect_format(raw, source), raw):
            continue
        out.append((raw, source, walked))
    return out


def _read_stdin(stdin: TextIO | None) -> str | InputError:
    stream = stdin or sys.stdin
    try:
        data = stream.buffer.read(MAX_BYTES + 1) if hasattr(stream, "buffer") else stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return InputError("-", f"input is too large to lint (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        return decode(data) if isinstance(data, bytes) else data
    except ParseError as exc:
        return InputError("-", str(exc))


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
