"""``okrlint lsp``: a language server that shows okrlint's findings in editors and applies its rewrites.

Diagnostics are published on open, change (full sync, debounced) and save for Markdown,
plain text, YAML, JSON and CSV/TSV documents; quick fixes replace the whole
flagged item with a suggested rewrite.  okrlint's spans are code-point offsets;
the protocol counts UTF-16 code units by default (or UTF-8/UTF-32 when the
client offers them), so every position goes through :class:`PositionMapper`.

Standard output belongs to the protocol: it is reserved before the server
starts, and anything else that prints (libraries, C extensions) lands on
standard error together with the log.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import queue
import re
import sys
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .config import Config, ConfigError, find_config, load_config

if TYPE_CHECKING:  # pragma: no cover
    from .findings import Finding
    from .model import OkrDocument

logger = logging.getLogger("okrlint.lsp")

NAME = "okrlint"
SOURCE = "okrlint"  # Diagnostic.source: how editors tell our diagnostics from others'
CONFIG_NAMES = frozenset({".okrlint.toml", "pyproject.toml"})

_SEVERITIES = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
# languageId → okrlint input format, for documents whose name does not tell (untitled buffers).
# "plaintext" is sniffed: a text buffer may hold an outline, YAML or a CSV export.
_LANGUAGE_FORMATS: dict[str, str | None] = {
    "markdown": "markdown",
    "plaintext": None,
    "yaml": "yaml",
    "json": "json",
    "jsonc": "json",
    "csv": "csv",
    "tsv": "tsv",
}
_FORMAT_SUFFIXES = {"markdown": ".md", "yaml": ".yaml", "json": ".json", "csv": ".csv", "tsv": ".tsv"}
_TITLE_LIMIT = 80  # code-action titles are menu entries; long rewrites are cut with "…"
DEBOUNCE_MS = 200  # after an edit, wait this long for the next keystroke before linting


# --------------------------------------------------------------------------- positions

# LSP lines end at \n, \r\n or \r only (not at \v, \f, U+2028 … as str.splitlines would have it).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def encoding_name(kind: object) -> str:
    """``lsp.PositionEncodingKind`` or a plain string → "utf-8" / "utf-16" / "utf-32" (default utf-16)."""
    value = str(getattr(kind, "value", kind) or "utf-16").lower()
    return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"


def code_units(text: str, encoding: str = "utf-16") -> int:
    """Length of ``text`` in the code units of ``encoding`` (an astral character is 2 UTF-16 units)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMapper:
    """Code-point offsets and 1-based line/column (okrlint's units) → LSP positions of one text."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if line + 1 < len(self.starts):  # never count into the line break (between \r and \n)
            offset = min(offset, len(self._line_text(line)) + start)
        return lsp.Position(line=line, character=code_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: lsp.Position, encoding: str | None = None) -> int:
        """An LSP position counted in ``encoding`` (default: this mapper's) → a code-point offset, clamped."""
        index = max(0, min(position.line, len(self.starts) - 1))
        text = self._line_text(index)
        units, wanted = 0, max(0, position.character)
        for n, char in enumerate(text):
            units += code_units(char, encoding or self.encoding)
            if units > wanted:
                return self.starts[index] + n
        return self.starts[index] + len(text)

    def line_column(self, line: int, column: int = 1) -> lsp.Position:
        """A 1-based line and code-point column, as parse errors report them, clamped to the text."""
        index = max(0, min(line - 1, len(self.starts) - 1))
        text = self._line_text(index)
        return lsp.Position(line=index, character=code_units(text[: max(0, column - 1)], self.encoding))

    def line_end(self, line: int) -> lsp.Position:
        """The end of a 0-based line (before its line break)."""
        index = max(0, min(line, len(self.starts) - 1))
        return lsp.Position(line=index, character=code_units(self._line_text(index), self.encoding))

    def _line_text(self, index: int) -> str:
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def offset_to_position(text: str, offset: int, encoding: str = "utf-16") -> lsp.Position:
    """One code-point offset → an LSP position (build a :class:`PositionMapper` for many)."""
    return PositionMapper(text, encoding).position(offset)


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Target:
    """How to lint a document: the name that picks its format, an explicit format, where its config lives."""

    filename: str
    fmt: str | None
    folder: Path | None
    path: Path | None = None  # the file on disk, for file: URIs


def lint_target(uri: str, language_id: str | None, root: str | None = None) -> Target | None:
    """The document's format by extension, else by languageId; ``None`` for documents okrlint does not read."""
    from .parsing import SUPPORTED_EXTENSIONS

    path = to_fs_path(uri) if uri.startswith("file:") else None
    name = path or uri.rsplit("/", 1)[-1] or "untitled"
    suffix = os.path.splitext(name)[1].lower()
    folder = Path(path).parent if path else (Path(root) if root else None)
    on_disk = Path(path) if path else None
    if suffix in SUPPORTED_EXTENSIONS:
        return Target(name, None, folder, on_disk)
    language = (language_id or "").lower()
    if language not in _LANGUAGE_FORMATS:
        return None
    fmt = _LANGUAGE_FORMATS[language]
    return Target(name, fmt, folder, on_disk)


@dataclass
class LintResult:
    """One lint of one version of a document: the findings and the diagnostics made from them."""

    version: int | None
    text: str
    target: Target
    mapper: PositionMapper
    diagnostics: list[lsp.Diagnostic] = field(default_factory=list)
    fixable: list[tuple[Finding, lsp.Diagnostic]] = field(default_factory=list)  # findings with suggestions
    document: OkrDocument | None = None  # the parse, for edits that need the tree (moved key results)


class Linter:
    """okrlint for editor buffers: discovered config (cached by file stamp), one document at a time.

    Nothing heavy is imported when it is made: the server answers ``initialize``
    at once and loads the models on its lint worker right after (see
    :meth:`OkrLanguageServer.warm_up`).
    """

    def __init__(self) -> None:
        self._configs: dict[Path, tuple[tuple[int, int], Config | ConfigError]] = {}

    def config_for(self, folder: Path | None) -> tuple[Config, ConfigError | None]:
        """The config above ``folder`` (defaults when none); a bad file gives defaults and its error."""
        found = find_config(folder) if folder is not None else None
        if found is None:
            return Config(), None
        try:
            stat = found.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (0, 0)
        cached = self._configs.get(found)
        if cached is None or cached[0] != stamp:
            try:
                loaded: Config | ConfigError = load_config(found)
            except ConfigError as exc:
                loaded = exc
            cached = self._configs[found] = (stamp, loaded)
        return (Config(), cached[1]) if isinstance(cached[1], ConfigError) else (cached[1], None)

    def excluded(self, path: Path, root: str | None) -> bool:
        """Whether a walk from the workspace root would skip this file (excludes, venvs; not .gitignore)."""
        from .walk import Walker, excludes_of

        walker = Walker(exclude_for=excludes_of(lambda folder: self.config_for(folder)[0]))
        return walker.excluded_file(path, Path(root) if root else path.parent) is not None

    def lint(self, text: str, target: Target, config: Config, *, version: int | None = None,
             encoding: str = "utf-16") -> LintResult:
        """Parse and lint ``text``; input errors become one Error diagnostic, "no OKRs here" none."""
        from .api import MAX_BYTES, lint_documents_report
        from .parsing import ParseError, detect_format, parse
        from .parsing.errors import NoOkrError
        from .sniff import holds_okrs

        mapper = PositionMapper(text, encoding)
        result = LintResult(version, text, target, mapper)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            result.diagnostics.append(_input_error(mapper, f"file is too large to lint ({size / 1024 / 1024:.1f} MB; "
                                                           f"the limit is {MAX_BYTES // (1024 * 1024)} MB)"))
            return result
        try:
            fmt = target.fmt or detect_format(target.filename, text)
            if not holds_okrs(text, fmt, target.filename):  # a README, package.json: as a folder walk skips them
                return result
            document = parse(text, target.filename, fmt)
        except NoOkrError:  # an empty buffer: nothing to say
            return result
        except ParseError as exc:
            result.diagnostics.append(_input_error(mapper, exc.message, exc.line, exc.column))
            return result
        result.document = document
        report = lint_documents_report([document], config)
        for finding in report.findings:
            diagnostic = finding_diagnostic(finding, mapper)
            result.diagnostics.append(diagnostic)
            if finding.suggestions and finding.item.range is not None:
                result.fixable.append((finding, diagnostic))
        for error in report.errors:  # an over-long item (at its line) or an internal error: never dropped
            result.diagnostics.append(_input_error(mapper, error.message, error.line))
        return result


def finding_diagnostic(finding: Finding, mapper: PositionMapper) -> lsp.Diagnostic:
    """A finding as the protocol shows it; ``data`` carries the rewrites for clients that display them."""
    data: dict[str, Any] | None = None
    if finding.suggestions:
        data = {"suggestions": [s.text for s in finding.suggestions]}
    return lsp.Diagnostic(
        range=mapper.range(finding.range.start.offset, finding.range.end.offset),
        message=finding.message,
        severity=_SEVERITIES.get(finding.severity, lsp.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE,
        data=data,
    )


def _input_error(mapper: PositionMapper, message: str, line: int | None = None,
                 column: int | None = None) -> lsp.Diagnostic:
    """A document okrlint cannot read: one Error at the reported place (else the first line), to line end."""
    start = mapper.line_column(line, column or 1) if line else lsp.Position(line=0, character=0)
    return lsp.Diagnostic(
        range=lsp.Range(start=start, end=max(start, mapper.line_end(start.line), key=_key)),
        message=message,
        severity=lsp.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def _key(position: lsp.Position) -> tuple[int, int]:
    return position.line, position.character


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _match(requested: lsp.Diagnostic, fixable: Sequence[tuple[Finding, lsp.Diagnostic]],
           mapper: PositionMapper) -> list[Finding]:
    """Our findings behind a diagnostic the client sent back: same rule, overlapping range.

    Clients return what they received, but not always in the units we sent:
    Neovim 0.7 converts columns to UTF-8 bytes, so on a Cyrillic line they
    grow (and a span late in the line may no longer overlap ours at all).  So
    the requested range is read in every position encoding; a finding matches
    when one reading overlaps it.  Among several, the one with the same
    message, then the same range, then the nearest start wins; a diagnostic
    from a stale lint matches nothing.
    """
    code = str(requested.code)
    readings = {(mapper.offset(requested.range.start, e), mapper.offset(requested.range.end, e))
                for e in (mapper.encoding, "utf-8", "utf-16", "utf-32")}
    candidates = []
    for finding, ours in fixable:
        start, end = finding.range.start.offset, finding.range.end.offset
        if str(ours.code) == code and any(s <= end and start <= e for s, e in readings):
            candidates.append((finding, ours))
    if len(candidates) <= 1:
        return [f for f, _ in candidates]

    def rank(pair: tuple[Finding, lsp.Diagnostic]) -> tuple[bool, bool, int]:
        finding, ours = pair
        return (ours.message != requested.message, ours.range != requested.range,
                min(abs(finding.range.start.offset - s) for s, _ in readings))

    best = min(rank(pair) for pair in candidates)
    return [f for f, d in candidates if rank((f, d)) == best]


def _quoted(text: str) -> str:
    shown = " ".join(text.split())
    return f"«{shown[: _TITLE_LIMIT - 1].rstrip()}…»" if len(shown) > _TITLE_LIMIT else f"«{shown}»"


def code_actions(uri: str, result: LintResult, request_range: lsp.Range,
                 diagnostics: Sequence[lsp.Diagnostic]) -> list[lsp.CodeAction]:
    """Quick fixes for the requested okrlint diagnostics, matched to fresh findings by rule and overlapping range.

    The client's diagnostics are only keys: the edit comes from the current
    text's findings, so a stale diagnostic gets no action rather than a wrong
    edit.  A request without okrlint diagnostics (some clients send none) gets
    the fixes for findings under the cursor.  Two rules proposing the same
    rewrite of an item give one action that resolves both diagnostics.
    """
    from .findings import fixed_text
    from .fixes import added_key_results
    from .escaping import fit_to_source

    ours = [d for d in diagnostics if d.source == SOURCE and d.code is not None]
    pairs: list[tuple[Finding, lsp.Diagnostic]] = []
    if ours:
        for requested in ours:
            pairs += [(f, requested) for f in _match(requested, result.fixable, result.mapper)]
    else:
        pairs = [(f, d) for f, d in result.fixable if _overlaps(d.range, request_range)]

    fmt = result.document.format if result.document is not None else result.target.fmt
    fit_name = "document" + _FORMAT_SUFFIXES[fmt] if fmt in _FORMAT_SUFFIXES else result.target.filename
    actions: dict[tuple[int, int, str], lsp.CodeAction] = {}
    for finding, diagnostic in pairs:
        item_range = finding.item.range
        assert item_range is not None  # only findings with an item range are fixable
        edit_range = result.mapper.range(item_range.start.offset, item_range.end.offset)
        fix = finding.fix
        if fix is not None and fix.applicability == "safe" and fix.edits:  # exact edits: the preferred action
            key = (item_range.start.offset, item_range.end.offset, "safe:" + repr(fix.edits))
            if key not in actions:
                edits = [lsp.TextEdit(range=result.mapper.range(e.range.start.offset, e.range.end.offset),
                                      new_text=e.text) for e in fix.edits]
                text = fixed_text(result.text, item_range.start.offset, item_range.end.offset, fix.edits)
                actions[key] = lsp.CodeAction(title=f"okrlint: fix to {_quoted(text)}", kind=lsp.CodeActionKind.QuickFix,
                                              diagnostics=[diagnostic], is_preferred=True,
                                              edit=lsp.WorkspaceEdit(changes={uri: edits}))
            elif diagnostic not in (actions[key].diagnostics or []):
                actions[key].diagnostics = [*(actions[key].diagnostics or []), diagnostic]
        for suggestion in finding.suggestions:
            if fix is not None and fix.applicability == "safe":
                continue  # the suggestion is what the safe fix writes
            key = (item_range.start.offset, item_range.end.offset, suggestion.text)
            if key in actions:
                if diagnostic not in (actions[key].diagnostics or []):
                    actions[key].diagnostics = [*(actions[key].diagnostics or []), diagnostic]
                continue
            new_text = fit_to_source(suggestion.text, fit_name, result.text, item_range.start.offset)
            edits = [lsp.TextEdit(range=edit_range, new_text=new_text)]
            moved = list(suggestion.new_key_results)
            if fix is not None and fix.edits and not moved:  # exact edits where the rewrite is one (a swapped verb)
                edits = [lsp.TextEdit(range=result.mapper.range(e.range.start.offset, e.range.end.offset),
                                      new_text=e.text) for e in fix.edits]
            title = f"okrlint: replace with {_quoted(suggestion.text)}"
            if moved:
                added = added_key_results(result.document, finding.item.path, moved)
                names = ", ".join(_quoted(text) for text in moved)
                if added is None:
                    title += f" (then add the key result {names})"
                else:
                    at, inserted = added
                    edits.append(lsp.TextEdit(range=result.mapper.range(at, at), new_text=inserted))
                    title += f" and add the key result {names}"
            actions[key] = lsp.CodeAction(
                title=title,
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=False,  # a rewrite with new wording or placeholders: the writer decides
                edit=lsp.WorkspaceEdit(changes={uri: edits}),
            )
    return list(actions.values())


# --------------------------------------------------------------------------- the server


class OkrLanguageServer(LanguageServer):
    """pygls server plus okrlint's state: the last lint per document and the config warnings already shown.

    Every lint runs on one background thread (:class:`LintWorker`), so the protocol
    stays responsive while the models load or a document is linted; edits are
    debounced and a lint whose document changed meanwhile is dropped, so fast
    typing publishes only the latest version.
    """

    def __init__(self) -> None:
        from .reporters import version

        super().__init__(NAME, version(), text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.linter = Linter()
        self.results: dict[str, LintResult] = {}
        self.warned: set[str] = set()
        self.shutdown_requested = False
        self.debounce = DEBOUNCE_MS / 1000
        self.worker = LintWorker()
        self.pending: dict[str, asyncio.Task[None]] = {}

    @property
    def encoding(self) -> str:
        return encoding_name(self.workspace.position_encoding)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log protocol-level errors (a malformed frame, a failed send) instead of pygls's default pop-up.

        pygls shows "Error in server: …" in the editor for each one; a client
        sending bad frames would bury the user in pop-ups.  Request handlers
        still answer with a JSON-RPC error, which is the protocol's own channel.
        """
        logger.error("%s: %s: %s", getattr(source, "__name__", source), type(error).__name__, error)

    def is_open(self, uri: str) -> bool:
        """Whether the editor has the document open (pygls would otherwise read a closed one from disk)."""
        return unquote(uri) in self.workspace.text_documents

    def snapshot(self, uri: str) -> Snapshot | None:
        """What to lint, read on the protocol's thread: the document's current text, version and target."""
        document = self.workspace.get_text_document(uri)
        target = lint_target(uri, document.language_id, self.workspace.root_path)
        if target is None:
            return None
        if target.path is not None and self.linter.excluded(target.path, self.workspace.root_path):
            return None  # node_modules, a venv, the config's exclude: as a folder walk skips them
        return Snapshot(uri, document.source, document.version, target, self.encoding)

    def current(self, snapshot: Snapshot) -> bool:
        document = self.workspace.get_text_document(snapshot.uri)
        return document.version == snapshot.version and document.source == snapshot.text

    def cached(self, snapshot: Snapshot) -> LintResult | None:
        result = self.results.get(snapshot.uri)
        if (result is not None and result.version == snapshot.version and result.text == snapshot.text
                and result.mapper.encoding == snapshot.encoding):
            return result
        return None

    def compute(self, snapshot: Snapshot) -> tuple[LintResult, ConfigError | None]:
        """Lint a snapshot (on the worker thread); a broken config is returned to be shown, not raised."""
        started = time.perf_counter()
        text, target = snapshot.text, snapshot.target
        config, problem = self.linter.config_for(target.folder)
        try:
            result = self.linter.lint(text, target, config, version=snapshot.version, encoding=snapshot.encoding)
        except Exception as exc:  # a bug must not take the server down; say so where the user looks
            logger.exception("linting %s failed", snapshot.uri)
            result = LintResult(snapshot.version, text, target, PositionMapper(text, snapshot.encoding))
            result.diagnostics.append(_input_error(result.mapper, f"okrlint internal error: {type(exc).__name__}: "
                                                                  f"{exc} (see the server log)"))
        logger.debug("linted %s version %s in %.1f ms", snapshot.uri, snapshot.version,
                     (time.perf_counter() - started) * 1000)
        return result, problem

    def accept(self, snapshot: Snapshot, result: LintResult, problem: ConfigError | None) -> LintResult:
        """Keep a finished lint (on the protocol's thread) and show a config problem once."""
        if problem is not None and str(problem) not in self.warned:
            self.warned.add(str(problem))
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Warning,
                message=f"okrlint: {problem} — linting with the default settings",
            ))
        self.results[snapshot.uri] = result
        return result

    async def lint_async(self, uri: str) -> LintResult | None:
        """The current lint of ``uri``, computed on the worker thread when the text changed since the last one."""
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return None
        cached = self.cached(snapshot)
        if cached is not None:
            return cached
        result, problem = await asyncio.wrap_future(self.worker.submit(self.compute, snapshot))
        return self.accept(snapshot, result, problem)

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint of it that is still waiting."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()  # a lint already on the worker finishes, and is dropped as stale
        self.pending[uri] = asyncio.ensure_future(self._lint_and_publish(uri, delay))

    async def _lint_and_publish(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return
        result = self.cached(snapshot)
        if result is None:
            result, problem = await asyncio.wrap_future(self.worker.submit(self.compute, snapshot))
            if not self.current(snapshot):
                logger.debug("dropped the lint of %s version %s: the text changed", uri, snapshot.version)
                return
            self.accept(snapshot, result, problem)
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=result.version, diagnostics=result.diagnostics))

    def publish(self, uri: str) -> None:
        self.schedule(uri)

    def configure(self, options: Any) -> None:
        """``initializationOptions``: ``{"debounce": milliseconds}`` (default 200) delays linting after edits."""
        value = options.get("debounce") if isinstance(options, dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10_000:
            self.debounce = value / 1000
        elif value is not None:
            logger.warning("initializationOptions.debounce: expected milliseconds (0-10000), got %r", value)

    def warm_up(self) -> None:
        """Load the rules and both languages' models on the worker before the first document needs them."""
        self.worker.submit(_warm_up)


@dataclass(frozen=True)
class Snapshot:
    """One version of one document, as it was when a lint was asked for."""

    uri: str
    text: str
    version: int | None
    target: Target
    encoding: str


class LintWorker:
    """One daemon thread that runs lints in order: the NLP libraries are used from a single thread, and a
    lint still queued when its document changes again is cancelled before it starts."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="okrlint-lint", daemon=True)
        self.thread.start()

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.jobs.put((future, function, args))
        return future

    def _run(self) -> None:
        while True:
            future, function, args = self.jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(function(*args))
            except BaseException as exc:  # handed to whoever waits for it
                future.set_exception(exc)


_WARM_UP = ("# Q3 2026\n## Цель: Увеличить выручку\n- Привлечь 10 клиентов к 1 июля\n"
            "## Objective: Grow revenue\n- Improve onboarding\n")


def _warm_up() -> None:
    started = time.perf_counter()
    try:
        from .api import lint_text

        lint_text(_WARM_UP, filename="warm-up.md")
    except Exception:  # the first real document will report the problem
        logger.exception("loading the models failed")
    logger.debug("models loaded in %.0f ms", (time.perf_counter() - started) * 1000)


def build_server() -> OkrLanguageServer:
    """The server with its handlers registered (a function, so importing this module starts nothing)."""
    server = OkrLanguageServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: OkrLanguageServer, params: lsp.InitializeParams) -> None:
        ls.configure(params.initialization_options)
        ls.warm_up()  # documents opened meanwhile queue behind it and are published when it is done

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OkrLanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OkrLanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)  # typing: lint once it pauses

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: OkrLanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES:  # a config edited in the editor: re-lint what is open
            for open_uri in list(ls.results):
                ls.results.pop(open_uri, None)
                ls.publish(open_uri)
            return
        ls.results.pop(uri, None)  # the config may have changed on disk since the last lint
        ls.publish(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OkrLanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        if ls.results.pop(uri, None) is not None or pending is not None:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    async def code_action(ls: OkrLanguageServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        only = params.context.only
        if only and not any(lsp.CodeActionKind.QuickFix.value.startswith(str(getattr(k, "value", k)))
                            for k in only):
            return None
        uri = params.text_document.uri
        if not ls.is_open(uri):  # a stale request for a closed (or never opened) document
            return None
        result = await ls.lint_async(uri)
        if result is None:
            return None
        return code_actions(uri, result, params.range, params.context.diagnostics) or None

    @server.feature(lsp.SHUTDOWN)
    def on_shutdown(ls: OkrLanguageServer, *args: Any) -> None:
        ls.shutdown_requested = True

    return server


# --------------------------------------------------------------------------- entry point


@contextlib.contextmanager
def reserved_stdout() -> Iterator[BinaryIO]:
    """A private handle on the real stdout for the protocol; fd 1 and ``sys.stdout`` go to stderr meanwhile.

    A stray print from a library (or a C extension writing to fd 1) would
    otherwise corrupt the JSON-RPC stream.
    """
    sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (embedded): nothing to reroute
        yield sys.stdout.buffer
        return
    saved = os.dup(fd)
    protocol_out = os.fdopen(os.dup(saved), "wb")
    os.dup2(sys.stderr.fileno(), fd)
    previous = sys.stdout
    sys.stdout = sys.stderr
    try:
        yield protocol_out
    finally:
        sys.stdout = previous
        os.dup2(saved, fd)
        os.close(saved)
        with contextlib.suppress(OSError):
            protocol_out.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okrlint lsp",
        description="okrlint language server: diagnostics and quick fixes for OKR files, over stdio.",
    )
    parser.add_argument("--stdio", action="store_true", help="talk JSON-RPC over stdin/stdout (the default)")
    parser.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="warning",
                        help="how much to log on stderr (default: warning)")
    return parser


def _one_line_protocol_errors(record: logging.LogRecord) -> bool:
    """pygls logs a traceback for every malformed frame; one line says enough (``--log-level debug`` keeps it)."""
    if not record.name.startswith("pygls"):
        return True
    if record.exc_info:
        error = record.exc_info[1]
        record.msg, record.args = f"{record.getMessage()}: {type(error).__name__}: {error}", ()
        record.exc_info, record.exc_text = None, None
    elif "Traceback (most recent call last)" in record.getMessage():  # a traceback formatted into the message
        lines = record.getMessage().strip().splitlines()
        record.msg, record.args = f"{lines[0]}: {lines[-1]}", ()
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server over stdio until ``exit``; 0 after a proper shutdown, 1 otherwise (as the LSP asks)."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("okrlint lsp: %(levelname)s %(name)s: %(message)s"))
    if args.log_level != "debug":
        handler.addFilter(_one_line_protocol_errors)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(getattr(logging, args.log_level.upper()))
    for name in ("spacy", "thinc", "natasha", "slovnet", "navec", "yargy", "pymorphy3", "pymorphy2", "razdel"):
        logging.getLogger(name).setLevel(max(logging.ERROR, root.level))
    server = build_server()
    with reserved_stdout() as protocol_out:
        server.start_io(sys.stdin.buffer, protocol_out)
    root.removeHandler(handler)
    return 0 if server.shutdown_requested else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
