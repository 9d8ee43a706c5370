"""``okrlint lsp``: a language server that shows okrlint's findings in editors and applies its rewrites.

Diagnostics are published on open, change (full sync) and save for Markdown,
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
import contextlib
import logging
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

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


def lint_target(uri: str, language_id: str | None, root: str | None = None) -> Target | None:
    """The document's format by extension, else by languageId; ``None`` for documents okrlint does not read."""
    from .parsing import SUPPORTED_EXTENSIONS

    path = to_fs_path(uri) if uri.startswith("file:") else None
    name = path or uri.rsplit("/", 1)[-1] or "untitled"
    suffix = os.path.splitext(name)[1].lower()
    folder = Path(path).parent if path else (Path(root) if root else None)
    if suffix in SUPPORTED_EXTENSIONS:
        return Target(name, None, folder)
    language = (language_id or "").lower()
    if language not in _LANGUAGE_FORMATS:
        return None
    fmt = _LANGUAGE_FORMATS[language]
    return Target(name, fmt, folder)


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

    Nothing heavy is imported until the first document arrives, so ``initialize``
    is answered at once; the Russian models load on the first Russian document.
    """

    def __init__(self) -> None:
        self._known_rules: set[str] | None = None
        self._configs: dict[Path, tuple[tuple[int, int], Config | ConfigError]] = {}

    def known_rules(self) -> set[str]:
        if self._known_rules is None:
            from .engine import load_rules

            self._known_rules = {rule.id for rule in load_rules()}
        return self._known_rules

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
                loaded: Config | ConfigError = load_config(found, known_rules=self.known_rules())
            except ConfigError as exc:
                loaded = exc
            cached = self._configs[found] = (stamp, loaded)
        return (Config(), cached[1]) if isinstance(cached[1], ConfigError) else (cached[1], None)

    def lint(self, text: str, target: Target, config: Config, *, version: int | None = None,
             encoding: str = "utf-16") -> LintResult:
        """Parse and lint ``text``; input errors become one Error diagnostic, "no OKRs here" none."""
        from .api import MAX_BYTES, lint_documents_report
        from .parsing import NoOkrError, ParseError, parse

        mapper = PositionMapper(text, encoding)
        result = LintResult(version, text, target, mapper)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            result.diagnostics.append(_input_error(mapper, f"file is too large to lint ({size / 1024 / 1024:.1f} MB; "
                                                           f"the limit is {MAX_BYTES // (1024 * 1024)} MB)"))
            return result
        try:
            document = parse(text, target.filename, target.fmt)
        except NoOkrError:  # a README or an empty buffer: nothing to say
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
        for error in report.errors:  # not expected after a successful parse, but never dropped
            result.diagnostics.append(_input_error(mapper, error.message))
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


def _range_key(rng: lsp.Range) -> tuple[int, int, int, int]:
    return rng.start.line, rng.start.character, rng.end.line, rng.end.character


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _quoted(text: str) -> str:
    shown = " ".join(text.split())
    return f"«{shown[: _TITLE_LIMIT - 1].rstrip()}…»" if len(shown) > _TITLE_LIMIT else f"«{shown}»"


def code_actions(uri: str, result: LintResult, request_range: lsp.Range,
                 diagnostics: Sequence[lsp.Diagnostic]) -> list[lsp.CodeAction]:
    """Quick fixes for the requested okrlint diagnostics, matched to fresh findings by rule and range.

    The client's diagnostics are only keys: the edit comes from the current
    text's findings, so a stale diagnostic gets no action rather than a wrong
    edit.  A request without okrlint diagnostics (some clients send none) gets
    the fixes for findings under the cursor.  Two rules proposing the same
    rewrite of an item give one action that resolves both diagnostics.
    """
    from .fixes import added_key_results, fixed_text
    from .escaping import fit_to_source

    ours = [d for d in diagnostics if d.source == SOURCE and d.code is not None]
    by_key: dict[tuple[str, tuple[int, int, int, int]], list[Finding]] = {}
    for finding, diagnostic in result.fixable:
        by_key.setdefault((str(diagnostic.code), _range_key(diagnostic.range)), []).append(finding)
    pairs: list[tuple[Finding, lsp.Diagnostic]] = []
    if ours:
        for requested in ours:
            pairs += [(f, requested) for f in by_key.get((str(requested.code), _range_key(requested.range)), [])]
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
            title = f"okrlint: replace with {_quoted(suggestion.text)}"
            moved = list(suggestion.new_key_results)
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
    """pygls server plus okrlint's state: the last lint per document and the config warnings already shown."""

    def __init__(self) -> None:
        from .reporters import version

        super().__init__(NAME, version(), text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.linter = Linter()
        self.results: dict[str, LintResult] = {}
        self.warned: set[str] = set()
        self.shutdown_requested = False

    @property
    def encoding(self) -> str:
        return encoding_name(self.workspace.position_encoding)

    def lint_document(self, uri: str) -> LintResult | None:
        """Lint the workspace's current text of ``uri`` (reusing the last lint of the same version)."""
        document = self.workspace.get_text_document(uri)
        root = self.workspace.root_path
        target = lint_target(uri, document.language_id, root)
        if target is None:
            return None
        text = document.source
        cached = self.results.get(uri)
        if (cached is not None and cached.version == document.version and cached.text == text
                and cached.mapper.encoding == self.encoding):
            return cached
        config, problem = self.linter.config_for(target.folder)
        if problem is not None and str(problem) not in self.warned:
            self.warned.add(str(problem))
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Warning,
                message=f"okrlint: {problem} — linting with the default settings",
            ))
        try:
            result = self.linter.lint(text, target, config, version=document.version, encoding=self.encoding)
        except Exception as exc:  # a bug must not take the server down; say so where the user looks
            logger.exception("linting %s failed", uri)
            result = LintResult(document.version, text, target, PositionMapper(text, self.encoding))
            result.diagnostics.append(_input_error(result.mapper, f"okrlint internal error: {type(exc).__name__}: "
                                                                  f"{exc} (see the server log)"))
        self.results[uri] = result
        return result

    def publish(self, uri: str) -> None:
        result = self.lint_document(uri)
        if result is None:
            return
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=result.version, diagnostics=result.diagnostics))


def build_server() -> OkrLanguageServer:
    """The server with its handlers registered (a function, so importing this module starts nothing)."""
    server = OkrLanguageServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OkrLanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OkrLanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

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
        if ls.results.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: OkrLanguageServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        only = params.context.only
        if only and not any(lsp.CodeActionKind.QuickFix.value.startswith(str(getattr(k, "value", k)))
                            for k in only):
            return None
        uri = params.text_document.uri
        result = ls.lint_document(uri)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server over stdio until ``exit``; 0 after a proper shutdown, 1 otherwise (as the LSP asks)."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("okrlint lsp: %(levelname)s %(name)s: %(message)s"))
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
