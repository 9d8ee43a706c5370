"""The public Python API: lint text, files, paths or already-structured objectives.

Every function returns a :class:`~okrlint.findings.Report` whose
``to_dict()``/``to_json()`` is the versioned JSON contract.  Bad input never
raises: it becomes an entry in ``report.errors`` and the other inputs are
still linted — also when okrlint itself fails on one file (an internal error
is reported for that file alone).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, TextIO

from .config import Config, ConfigResolver
from .files import ReadError, read_regular_file
from .findings import FileReport, InputError, Report, Skipped
from .limits import MAX_ITEM_CHARS, long_item_errors
from .model import OkrDocument
from .parsing import SUPPORTED_EXTENSIONS, ParseError, decode, detect_format, from_structured, parse
from .parsing.errors import NoOkrError
from .safetext import display_path
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
    """Lint parsed documents with one config, each inside its own error boundary (the LSP's entry point).

    All documents are analysed in one batch (the models run faster batched);
    if the batch fails, each document is linted alone so only the one that
    fails becomes an error and the others keep their findings.
    """
    errors = list(errors or [])
    for document in documents:
        errors.extend(long_item_errors(document))
    files = [f for f in _lint_safely(documents, config or Config(), errors) if f is not None]
    return Report(files=files, errors=errors)


def _lint_safely(documents: list[OkrDocument], config: Config,
                 errors: list[InputError]) -> list[FileReport | None]:
    """``lint_documents`` in one batch; on an unexpected failure, document by document.

    One report per document, in order; None for a document okrlint failed on (its error is in ``errors``).
    """
    from .engine import lint_documents  # imported on demand: a fully cached run never loads spaCy

    if not documents:
        return []
    try:
        return list(lint_documents(documents, config))
    except Exception as exc:  # noqa: BLE001 - isolate the document that failed
        if len(documents) == 1:
            errors.append(internal_error(documents[0].path, exc))
            return [None]
    out: list[FileReport | None] = []
    for document in documents:
        try:
            out.extend(lint_documents([document], config))
        except Exception as exc:  # noqa: BLE001
            errors.append(internal_error(document.path, exc))
            out.append(None)
    return out


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
        return Report(errors=[InputError(path, str(exc), line=exc.line)])
    except Exception as exc:  # noqa: BLE001 - never raise for input content
        return Report(errors=[internal_error(path, exc)])
    return lint_documents_report([document], _config(config, lang))


def lint_file(path: str | os.PathLike[str], *, lang: str = "auto", config: Config | None = None) -> Report:
    """Lint one file (format by extension); its config is found from its folder unless ``config`` is given.

    A file that cannot be read or holds no OKRs is an entry in ``report.errors``.
    """
    return lint_paths([os.fspath(path)], lang=lang, config=config)


def lint_objectives(objectives: Any, *, lang: str = "auto", config: Config | None = None) -> Report:
    """Lint already-structured OKRs: a list of dicts like ``{"objective": …, "key_results": […]}``."""
    try:
        document = from_structured(objectives)
    except ParseError as exc:
        return Report(errors=[InputError("<data>", str(exc))])
    except Exception as exc:  # noqa: BLE001 - never raise for input content
        return Report(errors=[internal_error("<data>", exc)])
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
    stdin_read = False
    for raw, walked in found.files:
        if raw == "-":  # standard input is read once: a repeated - has nothing left to read
            if stdin_read:
                continue
            stdin_read = True
        name = display_path(stdin_filename if raw == "-" and stdin_filename else raw)
        lenient = walked or only_okr_files
        if only_okr_files and not walked and raw != "-":
            why = walker.excluded_file(Path(raw))
            if why:
                skipped.append(Skipped(raw, why))
                continue
        source = _read_stdin(stdin or sys.stdin) if raw == "-" else _read(raw)
        if isinstance(source, InputError):
            errors.append(InputError(name, source.message, line=source.line))
            continue
        try:
            fmt = detect_format(name if name != "-" else "", source)
            # A walk (or pre-commit's list) lints only files that carry OKR marks.  A Markdown or text
            # file named on the command line, or standard input, is taken as OKRs and the outline parser
            # decides; YAML, JSON and CSV always need their OKR shape (any mapping parses as something).
            if (lenient or fmt != "markdown") and not holds_okrs(source, fmt, name if name != "-" else ""):
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
                if len(source) > MAX_ITEM_CHARS:  # an item over the limit is an input error, not in the report
                    errors.extend(long_item_errors(parse(source, name, fmt)))  # (an item is never longer than its file)
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
            errors.append(InputError(name, str(exc), line=exc.line))
            continue
        except Exception as exc:  # noqa: BLE001 - one file's failure must not lose the others
            errors.append(internal_error(name, exc))
            continue
        errors.extend(long_item_errors(document))
        placed.append((document, effective))
    return Report(files=_lint_grouped(placed, errors, cache, jobs), errors=errors, skipped=skipped)


def _lint_grouped(placed: list[tuple[OkrDocument | FileReport, Config]], errors: list[InputError],
                  cache: ResultCache | None = None, jobs: int = 1) -> list[FileReport]:
    """Lint documents that share a config together (one batch each), then put the reports back in input order.

    Cached reports stay as they are; the parsed documents of a group are linted (in worker
    processes when ``jobs`` > 1 pays off) and stored in the cache.  A document okrlint fails on
    becomes an entry of ``errors`` and drops out; the others keep their reports.
    """
    groups: dict[int, tuple[Config, list[int]]] = {}
    for index, (_slot, config) in enumerate(placed):
        groups.setdefault(id(config), (config, []))[1].append(index)
    reports: dict[int, FileReport] = {}
    for config, indices in groups.values():
        slots = [placed[i][0] for i in indices]
        linted: list[FileReport | None]
        if cache is None and jobs <= 1:
            linted = _lint_slots(slots, config, errors)
        else:
            from .parallel import lint_mixed

            try:
                linted = list(lint_mixed(slots, config, cache, jobs))
            except Exception:  # noqa: BLE001 - fall back to one boundary per document (cached ones kept)
                linted = _lint_slots(slots, config, errors)
        for index, file_report in zip(indices, linted):
            if file_report is not None:
                reports[index] = file_report
    return [reports[i] for i in sorted(reports)]


def _lint_slots(slots: list[OkrDocument | FileReport], config: Config,
                errors: list[InputError]) -> list[FileReport | None]:
    """Cached reports as they are, documents linted safely; None where okrlint failed on a document."""
    documents = [slot for slot in slots if isinstance(slot, OkrDocument)]
    reports = iter(_lint_safely(documents, config, errors))
    return [slot if isinstance(slot, FileReport) else next(reports) for slot in slots]


def read_inputs(paths: Sequence[str], stdin: TextIO | None = None) -> list[tuple[str, str | InputError, bool]]:
    """(path, text or error, found by walking a folder) for every input, walked like ``lint_paths`` walks.

    Files a walk meets that hold no OKRs are left out; named files are always read.
    For commands that need the text but not the lint (``okrlint grade``).
    """
    found = Walker(exclude_for=excludes_of(ConfigResolver().for_path)).collect(paths, SUPPORTED_EXTENSIONS)
    out: list[tuple[str, str | InputError, bool]] = [(e.path, e, False) for e in found.errors]
    for raw, walked in found.files:
        source = _read_stdin(stdin or sys.stdin) if raw == "-" else _read(raw)
        if walked and isinstance(source, str) and not holds_okrs(source, detect_format(raw, source), raw):
            continue
        out.append((raw, source, walked))
    return out


def _read_stdin(stream: TextIO | None) -> str | InputError:
    if stream is None:  # no file descriptor 0 at all (a detached process)
        return InputError("-", "cannot read: standard input is closed")
    try:
        if hasattr(stream, "buffer"):
            data: bytes | str = stream.buffer.read(MAX_BYTES + 1)
        else:
            data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return InputError("-", f"input is too large to lint (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        return decode(data) if isinstance(data, bytes) else data
    except ParseError as exc:
        return InputError("-", str(exc))
    except (OSError, ValueError) as exc:  # ValueError: a closed stream
        return InputError("-", f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _read(path: str) -> str | InputError:
    """A regular file's text (see :func:`okrlint.files.read_regular_file`)."""
    try:
        return decode(read_regular_file(path, MAX_BYTES))
    except (ReadError, ParseError) as exc:
        return InputError(path, str(exc))


def internal_error(path: str, exc: BaseException) -> InputError:
    """An unexpected exception while handling one input: one error entry, the run goes on."""
    if os.environ.get("OKRLINT_DEBUG"):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    message = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return InputError(path, f"internal error: {detail} — please report")
