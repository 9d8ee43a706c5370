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

from .config import Config, ConfigError, find_config, load_config
from .findings import SEVERITY_ORDER, Report
from .reporters import FORMATS, render, render_statistics, render_text, version
from .safetext import escape_surrogates, printable

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Example, Rule

PROG = "okrlint"
SUBCOMMANDS = ("rules", "explain", "lsp", "eval")
FAIL_ON = ("error", "warning", "info", "never")
ISSUES_HINT = "this is a bug in okrlint; please report it to the maintainers with the input that caused it"
# Options of the lint command that take a value; needed to find the first positional word.
_VALUE_OPTIONS = frozenset(
    {"--format", "--lang", "--locale", "--select", "--ignore", "--fail-on", "--config", "--color"}
)
# Loggers of the NLP stack; their INFO/WARNING chatter must not reach a user's terminal or CI log.
_NOISY_LOGGERS = ("spacy", "thinc", "natasha", "slovnet", "navec", "yargy", "pymorphy3", "pymorphy2", "razdel", "pygls")

EPILOG = """\
commands:
  okrlint rules [--format text|json]   list every rule: id, kinds, default severity, summary
  okrlint explain RULE                 rationale, bad and good examples, suggested rewrite
  okrlint lsp                          language server over stdio (for editors)
  okrlint eval                         precision/recall of every rule on the labelled corpus

The first argument that is not an option is the command when it is rules,
explain, lsp or eval. To lint a file or directory with one of those names,
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


def build_parser() -> argparse.ArgumentParser:
    """The lint command's parser (also what ``okrlint --help`` shows)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage="%(prog)s [options] PATH...\n       %(prog)s {rules,explain,lsp,eval} ...",
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
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
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
        help="configuration file (default: the nearest .okrlint.toml or pyproject.toml with [tool.okrlint] "
        "above the first PATH, else above the current directory)",
    )
    _add_color_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary line")
    parser.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule instead of the findings"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    return parser


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
    parser.add_argument("rule", metavar="RULE", help="rule id, e.g. vague-verb")
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


# --------------------------------------------------------------------------- lint


def resolve_config(args: argparse.Namespace, known: Sequence[str]) -> Config:
    """File config (``--config`` or discovered), then the command-line flags on top."""
    if args.config:
        config = load_config(Path(args.config), known_rules=set(known))
    else:
        first = next((p for p in args.paths if p != "-"), None)
        found = find_config(Path(first) if first else Path.cwd())
        config = load_config(found, known_rules=set(known)) if found else Config()
    select = _rule_ids(args.select)
    ignore = _rule_ids(args.ignore)
    return config.with_overrides(
        select=select,
        ignore=config.ignore | ignore if ignore is not None else None,
        lang=args.lang,
        locale=args.locale,
    )


def exit_status(report: Report, fail_on: str) -> int:
    """2 if any input failed, else 1 if a finding is at or above ``fail_on``, else 0."""
    if report.errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_ORDER[fail_on]
    return 1 if any(SEVERITY_ORDER.get(f.severity, 0) >= threshold for f in report.findings) else 0


def run_lint(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics works with --format text or json")
    with quiet_libraries():
        rules = _load_rules()
        known = [rule.id for rule in rules]
        _check_rule_ids("--select", _rule_ids(args.select), known)
        _check_rule_ids("--ignore", _rule_ids(args.ignore), known)
        config = resolve_config(args, known)
        from .api import lint_paths

        # the API reads stdin's bytes and decodes them like a file, so offsets match what was sent
        report = lint_paths(args.paths, config=config, stdin=sys.stdin if "-" in args.paths else None)

    for input_error in report.errors:
        error(f"{printable(input_error.path) or repr('')}: {printable(input_error.message)}")
    color = use_color(args.color, sys.stdout)
    locale = args.locale or config.locale
    if args.statistics:
        output = render_statistics(report, args.format, color=color)
    elif args.format == "text":
        output = render_text(report, color=color, quiet=args.quiet)
    else:
        output = render(report, args.format, color=color, locale=locale, rules=rules)
    write(sys.stdout, output)
    return exit_status(report, args.fail_on)


# --------------------------------------------------------------------------- rules / explain

_KIND_NAMES = {
    "en": {"objective": "objective", "key_result": "key result", "period": "period", "document": "document"},
    "ru": {"objective": "цель", "key_result": "ключевой результат", "period": "период", "document": "документ"},
}
_HEADINGS = {
    "en": {"applies": "Applies to", "why": "Why", "examples": "Examples", "bad": "Bad", "good": "Good",
           "suggested": "Suggested", "fill": "fill in", "flagged": "flagged"},
    "ru": {"applies": "Применяется к", "why": "Почему", "examples": "Примеры", "bad": "Плохо", "good": "Хорошо",
           "suggested": "Вариант", "fill": "заполните", "flagged": "отмечено"},
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
                if suggestion.placeholders:
                    out.append(f"      {words['fill']}: {', '.join(suggestion.placeholders)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def run_rules(argv: Sequence[str]) -> int:
    args = build_rules_parser().parse_args(argv)
    with quiet_libraries():
        rules = _load_rules()
    locale = args.locale or default_locale()
    if args.format == "json":
        write(sys.stdout, rules_json(rules))
    else:
        write(sys.stdout, rules_table(rules, locale, color=use_color(args.color, sys.stdout)))
    return 0


def run_explain(argv: Sequence[str]) -> int:
    args = build_explain_parser().parse_args(argv)
    locale = args.locale or default_locale()
    with quiet_libraries():
        rules = {rule.id: rule for rule in _load_rules()}
        rule = rules.get(args.rule)
        if rule is None:
            raise UsageError(f"unknown rule {args.rule!r}{_did_you_mean(args.rule, list(rules))} (see `okrlint rules`)")
        text = explain(rule, locale, color=use_color(args.color, sys.stdout))
    write(sys.stdout, text)
    return 0


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
    engine = sys.modules.get(f"{__package__ or 'okrlint'}.engine")
    rule_file_error = getattr(engine, "RuleFileError", None)
    return isinstance(rule_file_error, type) and isinstance(exc, rule_file_error)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
