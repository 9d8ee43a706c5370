"""Output reporters: turn a :class:`~okrlint.findings.Report` into text for a user, a tool or CI.

One function per format, all pure (report in, string out), so the CLI, the
tests and library users render exactly the same bytes.  ``render`` picks one
by name.  Rule metadata (summaries, rationale, default severities) is only
needed by SARIF; it is passed in or loaded lazily from the rule files.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .findings import SEVERITY_ORDER, FileReport, Finding, Report, Suggestion
from .model import Range

if TYPE_CHECKING:  # pragma: no cover - typing only; the engine is imported lazily
    from .engine import Rule

FORMATS = ("text", "json", "sarif", "github")
INFORMATION_URI = "https://pypi.org/project/okrlint/"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
STDIN_NAMES = ("-", "<stdin>")

# ANSI styles; kept minimal so output stays readable on light and dark themes.
_RESET = "\x1b[0m"
_STYLES = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "rule": "\x1b[35m",
    "suggest": "\x1b[32m",
}

# Structural words stay English in every locale, like severities and rule ids, so output
# can be grepped the same way whatever language the messages are in.
SUGGESTED = "Suggested"
PLACEHOLDERS = "placeholders"


def version() -> str:
    """The installed okrlint version, for ``--version`` and SARIF's ``tool.driver.version``."""
    try:
        return metadata.version("okrlint")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"


def information_uri() -> str:
    """The project's home page from the package metadata (``[project.urls]``), else its PyPI page."""
    try:
        meta = metadata.metadata("okrlint")
    except metadata.PackageNotFoundError:
        return INFORMATION_URI
    home = (meta.get_all("Home-page") or [""])[0]
    if home:
        return str(home)
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "repository", "source", "documentation") and url.strip():
            return str(url).strip()
    return INFORMATION_URI


def render(
    report: Report,
    fmt: str,
    *,
    color: bool = False,
    locale: str | None = None,
    rules: Sequence[Rule] | None = None,
) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`); the result ends with a newline.

    Messages are already in their final language (the engine applies ``--locale``);
    ``locale`` only picks the language of rule descriptions in SARIF.
    """
    if fmt == "text":
        return render_text(report, color=color)
    if fmt == "json":
        return render_json(report)
    if fmt == "sarif":
        return render_sarif(report, rules=rules, locale=locale)
    if fmt == "github":
        return render_github(report)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


# --------------------------------------------------------------------------- text


def _styler(color: bool) -> Callable[[str, str], str]:
    if not color:
        return lambda _style, text: text
    return lambda style, text: f"{_STYLES[style]}{text}{_RESET}" if text else text


def _plural(count: int, word: str) -> str:
    if word == "info":  # "3 info", not "3 infos"
        return f"{count} info"
    return f"{count} {word}" + ("" if count == 1 else "s")


def _suggestion_lines(suggestion: Suggestion, paint: Callable[[str, str], str]) -> list[str]:
    first, *rest = suggestion.text.splitlines() or [""]
    lines = [f"  → {paint('suggest', SUGGESTED + ':')} {first}"]
    lines += [f"    {line}" for line in rest]
    if suggestion.placeholders:
        lines.append(f"    {paint('dim', PLACEHOLDERS + ': ' + ', '.join(suggestion.placeholders))}")
    return lines


def format_finding(path: str, finding: Finding, *, color: bool = False, suggestions: bool = True) -> list[str]:
    """``path:line:col: severity rule message`` plus its suggestions, one list entry per line."""
    paint = _styler(color)
    start = finding.range.start
    location = paint("bold", f"{path}:{start.line}:{start.column}:")
    message = " ".join(finding.message.split())  # one diagnostic, one line
    lines = [f"{location} {paint(finding.severity, finding.severity)} {paint('rule', finding.rule)} {message}"]
    for suggestion in finding.suggestions if suggestions else ():
        lines.extend(_suggestion_lines(suggestion, paint))
    return lines


def _item_key(finding: Finding) -> tuple[Any, ...]:
    rng = finding.item.range
    return (finding.item.kind, rng.start.offset, rng.end.offset) if rng is not None else (id(finding),)


def summary_line(report: Report) -> str:
    """``Found 7 findings (3 errors, 4 warnings) in 2 files.`` — the last line of text output."""
    findings = report.findings
    problems = ""
    if report.errors:
        problems = f"; {_plural(len(report.errors), 'file')} could not be linted"
    if not findings:
        return f"No findings in {_plural(len(report.files), 'file')}{problems}."
    counts = Counter(f.severity for f in findings)
    parts = [_plural(counts[s], s) for s in sorted(counts, key=lambda s: -SEVERITY_ORDER.get(s, -1))]
    files = sum(1 for file in report.files if file.findings)
    return f"Found {_plural(len(findings), 'finding')} ({', '.join(parts)}) in {_plural(files, 'file')}{problems}."


def render_text(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    """Human-readable findings; ``quiet`` drops the summary line (like ``ruff -q``).

    Input errors are not listed here: the CLI prints them on stderr, and the
    summary counts them so a reader of stdout alone still knows.
    """
    lines: list[str] = []
    for file in report.files:
        # Every finding on an item carries the item's one suggestion: print it once, after the item's last finding.
        last = {_item_key(f): n for n, f in enumerate(file.findings)}
        for n, finding in enumerate(file.findings):
            lines.extend(format_finding(file.path, finding, color=color, suggestions=last[_item_key(finding)] == n))
    if not quiet:
        if lines:
            lines.append("")
        lines.append(summary_line(report))
    return "\n".join(lines) + "\n" if lines else ""


def statistics(report: Report) -> list[dict[str, Any]]:
    """Counts per rule, most frequent first (ties by id), with the most severe level seen."""
    counts = Counter(f.rule for f in report.findings)
    worst: dict[str, str] = {}
    for finding in report.findings:
        current = worst.get(finding.rule)
        if current is None or SEVERITY_ORDER.get(finding.severity, 0) > SEVERITY_ORDER.get(current, 0):
            worst[finding.rule] = finding.severity
    return [
        {"rule": rule, "count": count, "severity": worst[rule]}
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(report: Report, fmt: str = "text", *, color: bool = False) -> str:
    """``--statistics``: one row per rule (``count  rule  [severity]``), or a JSON list."""
    rows = statistics(report)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    paint = _styler(color)
    width = max(len(str(row["count"])) for row in rows)
    id_width = max(len(row["rule"]) for row in rows)
    return "".join(
        f"{row['count']:>{width}}  {paint('rule', row['rule'].ljust(id_width))}  "
        f"[{paint(row['severity'], row['severity'])}]\n"
        for row in rows
    )


# --------------------------------------------------------------------------- json


def render_json(report: Report) -> str:
    """Exactly :meth:`Report.to_dict`, UTF-8 text (non-ASCII kept as is), newline-terminated."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- sarif


def artifact_uri(path: str) -> str:
    """A SARIF ``artifactLocation.uri``: a relative URI reference with ``/``, or ``file://`` if absolute."""
    if path in STDIN_NAMES:
        return "stdin"
    if PureWindowsPath(path).drive or path.startswith("\\\\"):
        return PureWindowsPath(path).as_uri()
    posix = path.replace("\\", "/")
    if posixpath.isabs(posix):
        return "file://" + quote(posix, safe="/")
    if posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/")


def _region(rng: Range) -> dict[str, int]:
    # SARIF endColumn is exclusive, like our end position; both 1-based.
    return {
        "startLine": rng.start.line,
        "startColumn": rng.start.column,
        "endLine": rng.end.line,
        "endColumn": rng.end.column,
    }


def _worst(severities: Sequence[str]) -> str:
    return max(severities, key=lambda s: SEVERITY_ORDER.get(s, -1)) if severities else "warning"


def _localized(texts: dict[str, str], locale: str | None) -> str:
    for key in (locale, "en", "ru"):
        if key and texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


def _load_rules_quietly() -> Sequence[Rule]:
    """Rule metadata for SARIF when the caller did not pass any; empty if the rules cannot load."""
    try:
        from .engine import load_rules

        return load_rules()
    except Exception:  # metadata is optional; results stay valid SARIF without it
        return []


def _unwrap(text: str) -> str:
    """Join hard-wrapped lines (YAML block scalars) into paragraphs; viewers wrap text themselves."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


def _sarif_rule(rule: Rule, locale: str | None) -> dict[str, Any]:
    summary = _localized(dict(rule.summary), locale) or rule.id
    rationale = _unwrap(_localized(dict(rule.rationale), locale)) or summary
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rationale},
        "help": {"text": rationale},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(_worst(list(rule.severity.values())), "warning")},
        "properties": {"appliesTo": list(rule.applies_to), "severity": dict(rule.severity)},
    }


def _sarif_fixes(file: FileReport, uri: str, finding: Finding) -> list[dict[str, Any]]:
    """The finding's safe fix (exact edits, no placeholders); rewrites that need review stay out of SARIF."""
    fix = finding.fix
    if fix is None or fix.applicability != "safe" or not fix.edits or file.path in STDIN_NAMES:
        return []
    from .fixes import fixed_text

    rng = finding.item.range
    description = fixed_text(file.source, rng.start.offset, rng.end.offset, fix.edits) if rng else finding.message
    replacements = [{"deletedRegion": _region(edit.range), "insertedContent": {"text": edit.text}} for edit in fix.edits]
    return [{"description": {"text": description},
             "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]}]


def render_sarif(report: Report, *, rules: Sequence[Rule] | None = None, locale: str | None = None) -> str:
    """SARIF 2.1.0 with one run; columns in code points (``columnKind``), fixes from suggestions."""
    known = list(rules) if rules is not None else list(_load_rules_quietly())
    used = {f.rule for f in report.findings}
    descriptors = [_sarif_rule(rule, locale) for rule in known]
    for rule_id in sorted(used - {rule.id for rule in known}):  # rules the metadata did not cover
        descriptors.append({"id": rule_id, "shortDescription": {"text": rule_id}})
    index = {d["id"]: i for i, d in enumerate(descriptors)}

    results = []
    for file in report.files:
        uri = artifact_uri(file.path)
        for finding in file.findings:
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": SARIF_LEVELS.get(finding.severity, "warning"),
                "message": {"text": finding.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding.range)}}
                ],
                "properties": {
                    "item": finding.item.to_dict(),
                    "suggestions": [s.to_dict() for s in finding.suggestions],
                },
            }
            fixes = _sarif_fixes(file, uri, finding)
            if fixes:
                result["fixes"] = fixes
            results.append(result)

    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}],
        }
        for error in report.errors
    ]
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okrlint",
                        "version": version(),
                        "informationUri": information_uri(),
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- github


def escape_data(text: str) -> str:
    """Escape a workflow-command message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: data escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_DOT_SLASH = re.compile(r"^\./")


def _github_line(command: str, properties: dict[str, Any], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}"


def render_github(report: Report) -> str:
    """GitHub Actions annotations: one ``::error``/``::warning``/``::notice`` command per finding.

    Suggestions go into the message body (GitHub shows multi-line bodies);
    input errors become file-level ``::error`` annotations so CI shows them too.
    """
    lines = []
    for file in report.files:
        path = _DOT_SLASH.sub("", file.path)
        for finding in file.findings:
            rng = finding.range
            message = finding.message
            for suggestion in finding.suggestions:
                message += f"\n→ {SUGGESTED}: {suggestion.text}"
                if suggestion.placeholders:
                    message += f" ({PLACEHOLDERS}: {', '.join(suggestion.placeholders)})"
            properties = {
                "file": path,
                "line": rng.start.line,
                "col": rng.start.column,
                "endLine": rng.end.line,
                "endColumn": rng.end.column,
                "title": f"okrlint {finding.rule}",
            }
            lines.append(_github_line(GITHUB_COMMANDS.get(finding.severity, "warning"), properties, message))
    for error in report.errors:
        lines.append(_github_line("error", {"file": _DOT_SLASH.sub("", error.path), "title": "okrlint"}, error.message))
    return "".join(line + "\n" for line in lines)
