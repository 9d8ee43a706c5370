"""The ``okrlint`` command line: lint paths, list and explain rules, start the LSP or the evaluation.

Conventions follow ruff/flake8: findings on stdout, problems on stderr,
exit 0 (clean) / 1 (findings at or above ``--fail-on``) / 2 (usage, config
or input error).  Standard output carries only the report, so library
chatter is redirected to stderr and any unexpected exception becomes a
one-line ``okrlint: internal error`` instead of a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib
import json
import logging
import os
import sys
import textwrap
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .config import Config, ConfigError, ConfigResolver, Overrides, find_config
from .findings import SEVERITY_ORDER, Report
from .reporters import FORMATS, render, render_statistics, render_text, version
from .safetext import escape_surrogates, printable

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Example, Rule

PROG = "okrlint"
SUBCOMMANDS = ("rules", "explain", "lsp", "eval", "grade", "clean")
FAIL_ON = ("error", "warning", "info", "never")
ISSUES_HINT = "this is a bug in okrlint; please report it to the maintainers with the input that caused it"
# Options of the lint command that take a value; needed to find the first positional word.
_VALUE_OPTIONS = frozenset(
    {"--format", "--output-format", "--lang", "--locale", "--select", "--ignore", "--fail-on", "--config",
     "--color", "--exclude", "--stdin-filename", "-o", "--output-file", "--min-score", "--cache-dir",
     "--jobs", "-j"}
)
# Loggers of the NLP stack; their INFO/WARNING chatter must not reach a user's terminal or CI log.
_NOISY_LOGGERS = ("spacy", "thinc", "natasha", "slovnet", "navec", "yargy", "pymorphy3", "pymorphy2", "razdel", "pygls")

EPILOG = """\
commands:
  okrlint rules [--format text|json]   list every rule: id, kinds, default severity, summary
  okrlint explain RULE                 rationale, bad and good examples, suggested rewrite
  okrlint explain score                how the writing-quality score (0-10) is computed
  okrlint lsp                          language server over stdio (for editors)
  okrlint eval                         precision/recall of every rule on the labelled corpus
  okrlint grade PATH...                quarter-end grades per key result (text, json, markdown, html)
  okrlint clean [--cache-dir DIR]      remove the result cache (.okrlint_cache)

The first argument that is not an option is the command when it is rules,
explain, lsp, eval, grade or clean. To lint a file or directory with one of those names,
write it as a path: `okrlint ./rules` (or after `--`: `okrlint -- rules`).

exit status: 0 no findings at or above --fail-on; 1 such findings;
2 usage error, bad configuration, or an input that could not be read or
parsed (reported on stderr as `okrlint: PATH: message`; every other input is
still linted).
"""


class UsageError(Exception):
    """A bad command line; printed like argparse errors, exit 2."""


# --------------------------------------------------------------------------- parsers


def _add_color_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color",
        choices=("always", "never", "auto"),
        default=None,
        help="colour the text output (default auto: only on a terminal and when NO_COLOR is unset)",
    )
    parser.add_argument("--no-color", dest="color", action="store_const", const="never", help="same as --color never")


def _add_locale_option(parser: argparse.ArgumentParser, default_help: str) -> None:
    parser.add_argument("--locale", choices=("ru", "en"), default=None, help=f"message language ({default_help})")


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for (reading package metadata costs every
    run's start-up otherwise)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        sys.stdout.write(f"{parser.prog} {version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The lint command's parser (also what ``okrlint --help`` shows)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage="%(prog)s [options] PATH...\n       %(prog)s {rules,explain,lsp,eval,clean} ...",
        description="Lint OKRs (objectives and key results) in Russian and English.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or directories to lint (Markdown, text, YAML, JSON, CSV/TSV); - reads standard input",
    )
    parser.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default="text",
                        metavar="FORMAT", help=f"output format: {', '.join(FORMATS)} (default: text); gitlab is "
                        "GitLab Code Quality, rdjson is reviewdog's Diagnostic Format")
    parser.add_argument("-o", "--output-file", metavar="FILE",
                        help="write the report to FILE instead of standard output (UTF-8)")
    parser.add_argument(
        "--lang", choices=("auto", "ru", "en"), default=None, help="language of the OKRs (default: auto, per item)"
    )
    _add_locale_option(parser, "default: each item's own language")
    parser.add_argument(
        "--select",
        action="append",
        metavar="RULE,...",
        help="run only these rules; replaces the config's select (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="RULE,...",
        help="skip these rules, in addition to the config's ignore (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="error",
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file for every PATH (default: for each file, the nearest .okrlint.toml or "
        "pyproject.toml with [tool.okrlint] at or above its folder)",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN,...",
        help="skip files and folders matching these gitignore-style patterns while walking, in addition to "
        ".gitignore and the config's exclude/extend-exclude (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--only-okr-files",
        action="store_true",
        help="treat files named on the command line like files found in a folder: skip those that hold no "
        "OKRs or are excluded, instead of reporting an error (for pre-commit and editor plugins)",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the file name standard input stands for: picks its format and config, and names it in the output",
    )
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list on stderr the files a folder walk skipped, and why")
    _add_color_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary line")
    parser.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule instead of the findings"
    )
    parser.add_argument(
        "--min-score",
        type=_score_value,
        metavar="N",
        help="exit 1 when any objective's writing-quality score (0–10, see `okrlint explain score`) is below N",
    )
    _add_cache_options(parser)
    _add_fix_options(parser)
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    return parser


def _score_value(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 10, got {text!r}") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 10, got {text!r}")
    return value


def _add_cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the result cache (also: OKRLINT_NO_CACHE=1)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="where cached results live (default: $OKRLINT_CACHE_DIR, else .okrlint_cache beside "
                        "the config file, else in the current directory)")
    parser.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                        help="worker processes for files not in the cache (default: the number of cores)")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("expected 1 or more")
    return number


def _add_fix_options(parser: argparse.ArgumentParser) -> None:
    """--fix / --diff / --unsafe-fixes / --no-suggestions (issue 8): what happens to suggestions."""
    group = parser.add_argument_group("fixes")
    group.add_argument("--fix", action="store_true", help="apply safe fixes in place (dropping a hedge, "
                       "numeral agreement); files keep their encoding and line endings")
    group.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and change nothing "
                       "(exit 1 if there would be changes)")
    group.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff, also apply rewrites that "
                       "change the wording or leave placeholders (X, Y, N, […]) to fill in")
    group.add_argument("--no-suggestions", dest="suggestions", action="store_false", default=None,
                       help="findings only, no suggested rewrites (config: suggestions = false)")


def build_rules_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} rules", description="List every rule with its kinds, default severity and summary.",
        allow_abbrev=False,
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    _add_locale_option(parser, "default: en unless the locale environment (LANG) is Russian")
    _add_color_options(parser)
    return parser


def build_explain_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} explain",
        description="Explain a rule: why it exists, bad and good examples with the flagged span, "
        "and the rewrite okrlint suggests for a bad example.",
        allow_abbrev=False,
    )
    parser.add_argument("rule", metavar="RULE", help="rule id, e.g. vague-verb; `score` explains the writing-quality score")
    _add_locale_option(parser, "default: en unless the locale environment (LANG) is Russian")
    _add_color_options(parser)
    return parser


def split_command(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """Find a subcommand: the first positional word, if it is one of :data:`SUBCOMMANDS`.

    Returns ``(command, args)`` where ``args`` are the options before the word
    followed by everything after it; ``(None, argv)`` for a lint run.  Words
    after ``--`` are always paths.
    """
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            break
        if token.startswith("-") and token != "-":
            if token in _VALUE_OPTIONS:
                i += 1  # skip the option's value
            i += 1
            continue
        if token in SUBCOMMANDS:
            return token, [*argv[:i], *argv[i + 1 :]]
        break
    return None, list(argv)


# --------------------------------------------------------------------------- helpers


def default_locale() -> str:
    """``ru`` when the user's locale environment is Russian (LC_ALL, LC_MESSAGES, LANG, first set wins), else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def use_color(choice: str | None, stream: TextIO) -> bool:
    """ANSI colour: ``always``/``never`` as asked; ``auto`` only on a TTY with NO_COLOR unset and TERM not dumb."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # closed or odd streams
        return False


def write(stream: TextIO, text: str) -> None:
    """Write UTF-8 whatever the stream's encoding, so Russian text never dies with UnicodeEncodeError."""
    if not text:
        return
    text = escape_surrogates(text)  # a lone surrogate (from a file name or a JSON "\\ud800") is not UTF-8
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    buffer = getattr(stream, "buffer", None)
    if encoding in ("utf-8", "utf8") or buffer is None:
        stream.write(text)
    else:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    stream.flush()


def error(message: str) -> None:
    """One ``okrlint: …`` line on stderr."""
    write(sys.stderr, f"{PROG}: {message}\n")


def _rule_ids(values: list[str] | None) -> frozenset[str] | None:
    """``--select a,b --select c`` → {a, b, c}; None when the flag was not given."""
    if values is None:
        return None
    return frozenset(part.strip() for value in values for part in value.split(",") if part.strip())


def _check_rule_ids(flag: str, ids: frozenset[str] | None, known: Sequence[str]) -> None:
    for rule_id in sorted(ids or ()):
        if rule_id not in known:
            raise UsageError(f"{flag}: unknown rule {rule_id!r}{_did_you_mean(rule_id, known)} (see `okrlint rules`)")


def _did_you_mean(word: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


@contextlib.contextmanager
def quiet_libraries() -> Iterator[None]:
    """Keep library noise off stdout: warnings silenced (unless -W/PYTHONWARNINGS), prints sent to stderr."""
    loggers = [logging.getLogger(name) for name in _NOISY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(sys.stderr):
            if not sys.warnoptions:
                warnings.simplefilter("ignore")
            yield
    finally:  # main() may run inside a host program (tests, an editor plugin): leave its logging as it was
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _load_rules() -> list[Rule]:
    from .engine import load_rules

    return load_rules()


def _rule_summaries() -> list[Any]:
    """Rule metadata for listings and SARIF, read without compiling the rules (so without spaCy)."""
    from .registry import rule_summaries

    return rule_summaries()


def _rule_ids_only() -> list[str]:
    from .registry import rule_ids

    return rule_ids()


# --------------------------------------------------------------------------- cache and jobs


def _first_path(args: argparse.Namespace) -> str:
    """The path whose config speaks for the whole run (message locale, cache folder)."""
    return next((p for p in args.paths if p != "-"), args.stdin_filename or ".")


def result_cache(args: argparse.Namespace, config: Config) -> Any:
    """The result cache for this run, or None (``--no-cache``, ``OKRLINT_NO_CACHE``)."""
    from .cache import ResultCache, cache_disabled, default_dir

    if args.no_cache or cache_disabled():
        return None
    return ResultCache(Path(args.cache_dir) if args.cache_dir else default_dir(config))


def _jobs(args: argparse.Namespace) -> int:
    if args.jobs is not None:
        return int(args.jobs)
    from .parallel import default_jobs

    return default_jobs()


def build_clean_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} clean", description="Remove okrlint's result cache (.okrlint_cache).", allow_abbrev=False,
    )
    parser.add_argument("--cache-dir", metavar="DIR", help="the cache to remove (default: the one a lint run "
                        "here would use)")
    parser.add_argument("--config", metavar="FILE", help="the config file whose folder holds the cache")
    return parser


def run_clean(argv: Sequence[str]) -> int:
    from .cache import CacheError, clean, default_dir

    args = build_clean_parser().parse_args(argv)
    if args.cache_dir:
        folder = Path(args.cache_dir)
    else:
        found = Path(args.config) if args.config else find_config(Path.cwd())
        folder = default_dir(Config(source=str(found)) if found else None)
    try:
        removed = clean(folder)
    except CacheError as exc:
        error(str(exc))
        return 2
    except OSError as exc:
        error(f"{folder}: cannot remove: {exc.strerror or exc}")
        return 2
    write(sys.stderr, f"{PROG}: {'removed' if removed else 'no cache at'} {folder}\n")
    return 0


# --------------------------------------------------------------------------- lint


def resolve_config(args: argparse.Namespace, *, fixing: bool = False) -> ConfigResolver:
    """Per-file config (``--config`` for all, none with ``--isolated``), with the command-line flags on top.

    ``fixing``: --fix/--diff compute the suggestions whatever the config says (the fixes are made from them).
    """
    suggestions = True if fixing else (False if getattr(args, "suggestions", None) is False else None)
    overrides = Overrides(select=_rule_ids(args.select), ignore=_rule_ids(args.ignore), lang=args.lang,
                          locale=args.locale, suggestions=suggestions)
    if args.config:
        return ConfigResolver(config_file=Path(args.config), overrides=overrides)
    return ConfigResolver(isolated=args.isolated, overrides=overrides)


def exit_status(report: Report, fail_on: str) -> int:
    """2 if any input failed, else 1 if a finding is at or above ``fail_on``, else 0."""
    if report.errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_ORDER[fail_on]
    return 1 if any(SEVERITY_ORDER.get(f.severity, 0) >= threshold for f in report.findings) else 0


def _run_fixes(report: Report, args: argparse.Namespace) -> list[Any]:
    """Apply (``--fix``) or print (``--diff``) the fixes; the changed files."""
    from .writeback import changes, unified_diff, write

    found = changes(report.files, unsafe=args.unsafe_fixes)
    for change in found:
        if args.diff:
            sys.stdout.write(unified_diff(change))
        elif not write(change):
            error(f"{change.path}: changed on disk while it was linted; not fixed")
    if args.fix and found:
        edits = sum(c.edits for c in found)
        sys.stderr.write(f"Fixed {edits} {'edit' if edits == 1 else 'edits'} in "
                         f"{len(found)} {'file' if len(found) == 1 else 'files'}.\n")
    return found


def _without_suggestions(report: Report) -> Report:
    from dataclasses import replace

    for file in report.files:
        file.findings = [replace(f, suggestions=(), fix=None) for f in file.findings]
    return report


def run_lint(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics works with --format text or json")
    if args.stdin_filename and "-" not in args.paths:
        raise UsageError("--stdin-filename names standard input: add - to the paths")
    with quiet_libraries():
        known = _rule_ids_only()  # the rules themselves (and spaCy) load only if a file misses the cache
        _check_rule_ids("--select", _rule_ids(args.select), known)
        _check_rule_ids("--ignore", _rule_ids(args.ignore), known)
        fixing = args.fix or args.diff
        resolver = resolve_config(args, fixing=fixing)
        from .api import lint_paths

        # the API reads stdin's bytes and decodes them like a file, so offsets match what was sent
        report = lint_paths(args.paths, config=resolver, stdin=sys.stdin if "-" in args.paths else None,
                            stdin_filename=args.stdin_filename, exclude=_patterns(args.exclude),
                            only_okr_files=args.only_okr_files,
                            cache=result_cache(args, resolver.for_path(Path(_first_path(args)))), jobs=_jobs(args))
        rules = _rule_summaries() if args.format == "sarif" and not args.statistics else None

    if args.verbose:
        for skipped in report.skipped:
            error(f"{skipped.path}: skipped: {skipped.reason}")
    if fixing:
        fixed = _run_fixes(report, args)
        if args.diff:
            for input_error in report.errors:
                error(f"{printable(input_error.path)}: {printable(input_error.message)}")
            return 2 if report.errors else (1 if fixed else 0)
        if fixed:  # report what is left in the fixed files, as ruff does
            with quiet_libraries():
                again = {f.path: f for f in lint_paths([c.path for c in fixed], config=resolver).files}
            report.files = [again.get(f.path, f) for f in report.files]
        if not resolve_config(args).for_path(Path(_first_path(args))).suggestions:
            report = _without_suggestions(report)
    for input_error in report.errors:
        error(f"{printable(input_error.path) or repr('')}: {printable(input_error.message)}")
    stream = _output_stream(args.output_file)
    color = use_color(args.color, stream) if args.output_file is None else args.color == "always"
    locale = args.locale or resolver.for_path(Path(_first_path(args))).locale
    if args.statistics:
        output = render_statistics(report, args.format, color=color)
    elif args.format == "text":
        output = render_text(report, color=color, quiet=args.quiet, min_score=args.min_score)
    else:
        output = render(report, args.format, color=color, locale=locale, rules=rules)
    if args.output_file is None:
        write(stream, output)
    else:
        with stream:
            stream.write(output)
    return max(exit_status(report, args.fail_on), score_status(report, args.min_score))


def score_status(report: Report, min_score: float | None) -> int:
    """``--min-score``: 1 when an objective scores below it (input errors still win with 2)."""
    if min_score is None:
        return 0
    from .score import below

    return 1 if below([f.score for f in report.files if f.score is not None], min_score) else 0


def _patterns(values: Sequence[str]) -> list[str]:
    """``--exclude a,b --exclude c`` → [a, b, c]."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _output_stream(path: str | None) -> TextIO:
    """Standard output, or ``-o FILE`` opened for UTF-8 text (a clear error if it cannot be written)."""
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"--output-file: cannot write {path}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- rules / explain

_KIND_NAMES = {
    "en": {"objective": "objective", "key_result": "key result", "period": "period", "document": "document"},
    "ru": {"objective": "цель", "key_result": "ключевой результат", "period": "период", "document": "документ"},
}
_HEADINGS = {
    "en": {"applies": "Applies to", "why": "Why", "examples": "Examples", "bad": "Bad", "good": "Good",
           "suggested": "Suggested", "fill": "fill in", "flagged": "flagged", "moved": "new key result"},
    "ru": {"applies": "Применяется к", "why": "Почему", "examples": "Примеры", "bad": "Плохо", "good": "Хорошо",
           "suggested": "Вариант", "fill": "заполните", "flagged": "отмечено", "moved": "новый ключевой результат"},
}


def _localized(texts: dict[str, str], locale: str) -> str:
    for key in (locale, "en", "ru"):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


def rules_table(rules: Sequence[Rule], locale: str, *, color: bool = False) -> str:
    """``okrlint rules``: id, kinds, default severity per kind (same order), one-line summary."""
    rows = [("ID", "KINDS", "SEVERITY", "SUMMARY")]
    for rule in rules:
        kinds = list(rule.applies_to)
        severities = [rule.severity.get(kind, "") for kind in kinds]
        severity = severities[0] if len(set(severities)) == 1 else "/".join(severities)
        rows.append((rule.id, "/".join(kinds), severity, _localized(dict(rule.summary), locale)))
    widths = [max(len(row[col]) for row in rows) for col in range(3)]
    lines = []
    for n, row in enumerate(rows):
        line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]
        lines.append(f"\x1b[1m{line}\x1b[0m" if color and n == 0 else line.rstrip())
    return "\n".join(lines) + "\n"


def rules_json(rules: Sequence[Rule]) -> str:
    """``okrlint rules --format json``: a stable list tools can read."""
    data = [
        {
            "id": rule.id,
            "applies_to": list(rule.applies_to),
            "severity": dict(rule.severity),
            "summary": dict(rule.summary),
        }
        for rule in rules
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def _underline(lead: str, line: str, span: str, *, color: bool) -> tuple[str, str | None]:
    """The line (span highlighted when colour is on) and a caret line under the span, if it is there."""
    col = line.find(span) if span else -1
    if col < 0:
        return lead + line, None
    shown = f"{line[:col]}\x1b[1;31m{span}\x1b[0m{line[col + len(span):]}" if color else line
    caret = " " * (len(lead) + _display_width(line[:col])) + "^" * max(1, _display_width(span))
    return lead + shown, caret


def _example_lines(example: Example, words: dict[str, str], kind_names: dict[str, str], *, color: bool) -> list[str]:
    """An example (with its objective or key results when it has them) and its flagged span underlined."""
    label = words["bad"] if example.bad else words["good"]
    entries = [(f"  {label} ({kind_names.get(example.kind, example.kind)}): ", example.text)]
    if example.kind == "key_result" and example.objective:  # the context it was written in
        entries.append((f"      {kind_names['objective']}: ", example.objective))
    entries += [("      - ", kr) for kr in example.key_results]
    span = example.span or ""
    marked = False
    lines = []
    for lead, text in entries:
        for n, line in enumerate(text.splitlines() or [""]):
            prefix = lead if n == 0 else " " * len(lead)
            shown, caret = _underline(prefix, line, span if not marked else "", color=color)
            lines.append(shown)
            if caret:
                lines.append(caret)
                marked = True
    if span and not marked:  # spans across lines: name it instead
        lines.append(f"      {words['flagged']}: «{span}»")
    return lines


_NEUTRAL_OBJECTIVE = {
    "ru": "Стать любимым выбором наших клиентов в этом квартале",
    "en": "Become our customers' favourite choice this quarter",
}


def example_rewrites(rule: Rule, examples: Sequence[Example]) -> dict[int, list[Any]]:
    """Suggestions okrlint makes for bad examples, by index in ``examples`` (lint them, keep this rule's)."""
    batch: list[dict[str, Any]] = []
    owners: list[int] = []
    for index, example in enumerate(examples):
        if not example.bad:
            continue
        if example.kind == "key_result":
            objective = example.objective or _NEUTRAL_OBJECTIVE.get(example.lang, _NEUTRAL_OBJECTIVE["en"])
            batch.append({"objective": objective, "key_results": [example.text]})
        elif example.kind == "objective":
            batch.append({"objective": example.text, "key_results": list(example.key_results)})
        else:
            continue  # period/document examples are whole texts, not single items
        owners.append(index)
    if not batch:
        return {}
    from .api import lint_objectives

    report = lint_objectives(batch, config=Config(select=frozenset({rule.id})))
    found: dict[int, list[Any]] = {}
    for finding in report.findings:
        if finding.rule != rule.id or not finding.suggestions or not finding.item.path:
            continue
        position = finding.item.path[0]
        if position < len(owners):
            found.setdefault(owners[position], []).extend(finding.suggestions)
    return found


def explain(rule: Rule, locale: str, *, color: bool = False) -> str:
    """``okrlint explain RULE``: summary, kinds and severities, rationale, examples and rewrites."""
    words = _HEADINGS[locale]
    kind_names = _KIND_NAMES[locale]
    bold = (lambda t: f"\x1b[1m{t}\x1b[0m") if color else (lambda t: t)
    out = [bold(f"{rule.id}: {_localized(dict(rule.summary), locale)}"), ""]
    applies = ", ".join(f"{kind_names.get(k, k)} ({rule.severity.get(k, '?')})" for k in rule.applies_to)
    out += [f"{words['applies']}: {applies}", ""]
    rationale = _localized(dict(rule.rationale), locale).strip()
    if rationale:
        out.append(bold(words["why"]))
        for paragraph in rationale.split("\n\n"):
            out += textwrap.wrap(" ".join(paragraph.split()), width=88, initial_indent="  ", subsequent_indent="  ")
            out.append("")
    examples = [e for e in rule.examples if e.lang == locale] or list(rule.examples)
    if examples:
        examples.sort(key=lambda e: not e.bad)  # bad first: that is what the rule is about
        rewrites = example_rewrites(rule, examples)
        out.append(bold(words["examples"]))
        for index, example in enumerate(examples):
            out += _example_lines(example, words, kind_names, color=color)
            for suggestion in rewrites.get(index, [])[:1]:
                out.append(f"    → {words['suggested']}: {suggestion.text}")
                out += [f"      + {words['moved']}: {text}" for text in suggestion.new_key_results]
                if suggestion.placeholders:
                    out.append(f"      {words['fill']}: {', '.join(suggestion.placeholders)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def run_rules(argv: Sequence[str]) -> int:
    args = build_rules_parser().parse_args(argv)
    with quiet_libraries():
        rules = _rule_summaries()
    locale = args.locale or default_locale()
    if args.format == "json":
        write(sys.stdout, rules_json(rules))
    else:
        write(sys.stdout, rules_table(rules, locale, color=use_color(args.color, sys.stdout)))
    return 0


def run_explain(argv: Sequence[str]) -> int:
    args = build_explain_parser().parse_args(argv)
    locale = args.locale or default_locale()
    if args.rule == "score":
        from .score import explain_score

        write(sys.stdout, explain_score(locale))
        return 0
    with quiet_libraries():
        rules = {rule.id: rule for rule in _load_rules()}
        rule = rules.get(args.rule)
        if rule is None:
            raise UsageError(f"unknown rule {args.rule!r}{_did_you_mean(args.rule, list(rules))} (see `okrlint rules`)")
        text = explain(rule, locale, color=use_color(args.color, sys.stdout))
    write(sys.stdout, text)
    return 0


def build_grade_parser() -> argparse.ArgumentParser:
    from .grade_report import FORMATS as GRADE_FORMATS

    parser = argparse.ArgumentParser(
        prog=f"{PROG} grade",
        description="Grade OKRs at the end of the quarter (the article's step 7): each key result from its "
        "grade or progress field, or from (current - baseline) / (target - baseline); objectives and the set "
        "as weighted means. Bands: below 0.3 red, 0.3-0.7 amber, 0.7 and more green; an aspirational OKR at "
        "1.0 is flagged as too safe, a committed one below 1.0 as a missed commitment.",
        epilog="exit status: 0 graded; 2 an input that could not be read or parsed, or bad data in a field "
        "(reported on stderr as `okrlint: PATH: line N: FIELD: message`; every other key result is still graded).",
        allow_abbrev=False,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories; - reads standard input")
    parser.add_argument("--format", choices=GRADE_FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--default-type",
        choices=("aspirational", "committed"),
        default="aspirational",
        help="how to read OKRs whose type is not marked (default: aspirational, the article's wording: "
        "70%% is success, 100%% is too safe; committed: 100%% is expected, less is flagged)",
    )
    _add_locale_option(parser, "default: the language of each file")
    _add_color_options(parser)
    return parser


def run_grade(argv: Sequence[str]) -> int:
    """``okrlint grade``: parse only (no NLP models), grade, render; exit 2 on input or data errors."""
    args = build_grade_parser().parse_args(argv)
    from .grade import grade_paths
    from .grade_report import render_grades

    report = grade_paths(args.paths, default_type=args.default_type,
                         stdin=sys.stdin if "-" in args.paths else None)
    for input_error in report.errors:
        error(f"{input_error.path}: {input_error.message}")
    for file in report.files:
        for problem in file.problems:
            error(f"{file.path}: {problem.message()}")
    write(sys.stdout, render_grades(report, args.format, locale=args.locale, color=use_color(args.color, sys.stdout)))
    return 2 if report.errors or report.problems else 0


def run_module(command: str, argv: Sequence[str]) -> int:
    """``okrlint lsp`` / ``okrlint eval``: hand over to ``okrlint.<command>:main(argv)``, imported on demand."""
    module_name = f"{__package__ or 'okrlint'}.{command}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            error(f"the `{command}` command is not available in this installation ({module_name} is missing)")
        else:
            error(f"the `{command}` command needs the package {exc.name!r}, which is not installed")
        return 2
    entry = getattr(module, "main", None)
    if entry is None:
        error(f"the `{command}` command is not available ({module_name} has no main)")
        return 2
    result = entry(list(argv))
    return result if isinstance(result, int) else 0


# --------------------------------------------------------------------------- entry point


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    error(str(code))  # sys.exit("message") convention
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point; returns the exit status (never raises, never prints a traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        command, rest = split_command(argv)
        if command is None:
            return run_lint(rest)
        if command == "rules":
            return run_rules(rest)
        if command == "explain":
            return run_explain(rest)
        if command == "grade":
            return run_grade(rest)
        if command == "clean":
            return run_clean(rest)
        return run_module(command, rest)
    except UsageError as exc:
        error(f"error: {exc}")
        return 2
    except ConfigError as exc:
        error(str(exc))
        return 2
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return _exit_code(exc.code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``okrlint … | head``); silence the flush at exit.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # the promise is: never a traceback
        if _is_rule_file_error(exc):
            error(str(exc))
            return 2
        if os.environ.get("OKRLINT_DEBUG"):
            import traceback

            traceback.print_exc()
        error(f"internal error: {type(exc).__name__}: {exc}")
        error(f"{ISSUES_HINT} (set OKRLINT_DEBUG=1 to see the traceback)")
        return 2


def _is_rule_file_error(exc: BaseException) -> bool:
    """A broken rule file is a configuration problem with a precise message, not an internal error."""
    package = __package__ or "okrlint"
    for module, name in (("engine", "RuleFileError"), ("score", "ScoreFileError")):
        error_type = getattr(sys.modules.get(f"{package}.{module}"), name, None)
        if isinstance(error_type, type) and isinstance(exc, error_type):
            return True
    return False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
