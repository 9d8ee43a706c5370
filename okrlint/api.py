"""The public Python API: lint text, files, paths or already-structured objectives.

Every function returns a :class:`~okrlint.findings.Report` whose
``to_dict()``/``to_json()`` is the versioned JSON contract.  Bad input never
raises: it becomes an entry in ``report.errors`` and the other inputs are
still linted.
"""

from __future__ import annotations

import os
import stat
import sys
import traceback
from pathlib import Path
from typing import Any, Sequence, TextIO

from .config import Config
from .engine import lint_documents
from .findings import InputError, Report
from .files import ReadError, read_regular_file
from .limits import long_item_errors
from .model import OkrDocument
from .parsing import SUPPORTED_EXTENSIONS, NoOkrError, ParseError, decode, from_structured, parse
from .safetext import display_path

# OKR files are small; a multi-megabyte input is a wrong path or an export gone astray, and would
# take minutes of tagging.  Larger files are reported, not linted.
MAX_BYTES = 2 * 1024 * 1024


def _config(config: Config | None, lang: str | None) -> Config:
    config = config or Config()
    return config.with_overrides(lang=lang) if lang and lang != "auto" else config


def lint_documents_report(documents: list[OkrDocument], config: Config | None = None,
                          errors: list[InputError] | None = None) -> Report:
    """Lint parsed documents, each inside its own error boundary.

    All documents are analysed in one batch (the models run faster batched);
    if the batch fails, each document is linted alone so only the one that
    fails becomes an error and the others keep their findings.
    """
    errors = list(errors or [])
    for document in documents:
        errors.extend(long_item_errors(document))
    if not documents:
        return Report(errors=errors)
    try:
        return Report(files=lint_documents(documents, config), errors=errors)
    except Exception as exc:  # noqa: BLE001 - isolate the document that failed
        if len(documents) == 1:
            return Report(errors=[*errors, internal_error(documents[0].path, exc)])
    files = []
    for document in documents:
        try:
            files.extend(lint_documents([document], config))
        except Exception as exc:  # noqa: BLE001
            errors.append(internal_error(document.path, exc))
    return Report(files=files, errors=errors)


def lint_text(text: str, *, filename: str | None = None, lang: str = "auto",
              config: Config | None = None, fmt: str | None = None) -> Report:
    """Lint the text of one file; ``filename`` picks the format by extension (default Markdown)."""
    path = filename or "<text>"
    try:
        document = parse(text, path, fmt)
    except ParseError as exc:
        return Report(errors=[InputError(path, str(exc), line=exc.line)])
    except Exception as exc:  # noqa: BLE001 - never raise for input content
        return Report(errors=[internal_error(path, exc)])
    return lint_documents_report([document], _config(config, lang))


def lint_file(path: str | os.PathLike[str], *, lang: str = "auto", config: Config | None = None) -> Report:
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


def lint_paths(paths: Sequence[str], *, lang: str = "auto", config: Config | None = None,
               stdin: TextIO | None = None) -> Report:
    """Lint files, directories (walked for supported extensions) and ``-`` (standard input)."""
    documents: list[OkrDocument] = []
    errors: list[InputError] = []
    for path, source_or_error, walked in _read_all(paths, stdin):
        shown = display_path(path)
        if isinstance(source_or_error, InputError):
            errors.append(InputError(shown, source_or_error.message, line=source_or_error.line))
            continue
        try:
            documents.append(parse(source_or_error, shown))
        except NoOkrError as exc:
            if not walked:  # a README met while walking a folder is not an error
                errors.append(InputError(shown, str(exc)))
        except ParseError as exc:
            errors.append(InputError(shown, str(exc), line=exc.line))
        except Exception as exc:  # noqa: BLE001 - one file's failure must not lose the others
            errors.append(internal_error(shown, exc))
    return lint_documents_report(documents, _config(config, lang), errors)


def _read_all(paths: Sequence[str], stdin: TextIO | None) -> list[tuple[str, str | InputError, bool]]:
    """(path, text or error, found by walking a directory) for every input.

    Standard input is read once: a repeated ``-`` is skipped, as there is nothing left to read.
    """
    out: list[tuple[str, str | InputError, bool]] = []
    stdin_read = False
    for raw in paths:
        if raw == "-":
            if not stdin_read:
                out.append(("-", _read_stdin(stdin or sys.stdin), False))
                stdin_read = True
            continue
        try:
            if raw and os.path.isdir(raw):
                out.extend(_walk(raw))
            else:
                out.append((raw, _read(raw), False))
        except Exception as exc:  # noqa: BLE001 - one input's failure must not lose the others
            out.append((raw, internal_error(raw, exc), False))
    return out


def _walk(folder: str) -> list[tuple[str, str | InputError, bool]]:
    """Supported files under ``folder`` (hidden ones skipped); an unlistable folder is an error, not a silence."""
    out: list[tuple[str, str | InputError, bool]] = []

    def unlistable(exc: OSError) -> None:
        name = exc.filename if isinstance(exc.filename, str) else folder
        out.append((name, InputError(name, f"cannot list the directory: {exc.strerror or exc}"), True))

    found: list[Path] = []
    for here, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(here, f) for f in files
                     if not f.startswith(".") and os.path.splitext(f)[1].lower() in SUPPORTED_EXTENSIONS)
    out.extend((str(p), _read(str(p)), True) for p in sorted(found) if _is_regular_or_unreadable(p))
    return out


def _is_regular_or_unreadable(path: Path) -> bool:
    """Walks skip FIFOs, sockets and devices that merely carry an OKR file name; unreadable entries are kept
    so the user hears about them."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


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
