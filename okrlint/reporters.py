"""Output reporters: turn a :class:`~okrlint.findings.Report` into text for a user, a tool or CI.

One function per format, all pure (report in, string out), so the CLI, the
tests and library users render exactly the same bytes.  ``render`` picks one
by name.  Rule metadata (summaries, rationale, default severities) is only
needed by SARIF; it is passed in or loaded lazily from the rule files.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .findings import SEVERITY_ORDER, FileReport, Finding, Report, Suggestion
from .model import Range
from .escaping import fit_to_source
from .safetext import printable

if TYPE_CHECKING:  # pragma: no cover - typing only; the engine is imported lazily
    from .engine import Rule

FORMATS = ("text", "json", "sarif", "github", "gitlab", "rdjson")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "okrlintItemHash/v1"
GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
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
NEW_KEY_RESULT = "+ new key result"


def version() -> str:
    """The installed okrlint version, for ``--version`` and SARIF's ``tool.driver.version``."""
    from importlib import metadata  # on demand: it costs a fully cached run a fifth of its start-up

    try:
        return metadata.version("okrlint")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"


@lru_cache(maxsize=1)
def project_urls() -> dict[str, str]:
    """``[project.urls]`` of the installed package (label lower-cased → URL); empty when not installed."""
    from importlib import metadata

    try:
        entries = metadata.metadata("okrlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    urls = {}
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if url.strip():
            urls[label.strip().lower()] = url.strip()
    return urls


def information_uri() -> str | None:
    """The project's home page, as set once in ``[project.urls]`` (None when the package is not installed)."""
    urls = project_urls()
    for label in ("homepage", "repository", "source", "documentation"):
        if label in urls:
            return urls[label]
    return None


def help_uri(rule_id: str) -> str | None:
    """The rule's row in the README's rule table (an ``id="rule-…"`` anchor), on the project's home page."""
    home = information_uri()
    return f"{home.rstrip('/')}#rule-{rule_id}" if home else None


def normalized(text: str) -> str:
    """Item text as a fingerprint sees it: NFC, case-folded, whitespace collapsed, trailing punctuation dropped."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split()).rstrip(" .;,!")


def fingerprints(file: FileReport) -> Iterator[tuple[Finding, str]]:
    """A stable id per finding: rule + normalized item text (+ a counter for repeats within the file).

    Lines and columns are left out so that moving an OKR, or editing another,
    does not turn an old alert into a new one.
    """
    seen: Counter[str] = Counter()
    for finding in file.findings:
        digest = hashlib.sha256(f"{finding.rule}\0{normalized(finding.item.text)}".encode()).hexdigest()[:32]
        seen[digest] += 1
        yield finding, f"{digest}:{seen[digest]}"


def relative_path(path: str, root: str | None = None) -> str | None:
    """``path`` relative to ``root`` (default: the current folder), with ``/``; None when it lies outside."""
    if path in STDIN_NAMES:
        return None
    base = Path(root or os.getcwd())
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = base / candidate
    try:
        return Path(os.path.normpath(candidate)).relative_to(os.path.normpath(base)).as_posix()
    except ValueError:
        return None


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
    if fmt == "gitlab":
        return render_gitlab(report)
    if fmt == "rdjson":
        return render_rdjson(report)
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
    first, *rest = [printable(line) for line in suggestion.text.splitlines()] or [""]
    lines = [f"  → {paint('suggest', SUGGESTED + ':')} {first}"]
    lines += [f"    {line}" for line in rest]
    lines += [f"    {paint('suggest', NEW_KEY_RESULT + ':')} {printable(text)}" for text in suggestion.new_key_results]
    if suggestion.placeholders:
        lines.append(f"    {paint('dim', PLACEHOLDERS + ': ' + ', '.join(suggestion.placeholders))}")
    return lines


def format_finding(path: str, finding: Finding, *, color: bool = False, suggestions: bool = True) -> list[str]:
    """``path:line:col: severity rule message`` plus its suggestions, one list entry per line."""
    paint = _styler(color)
    start = finding.range.start
    location = paint("bold", f"{printable(path)}:{start.line}:{start.column}:")
    message = printable(" ".join(finding.message.split()))  # one diagnostic, one line, no terminal escapes
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


def render_text(report: Report, *, color: bool = False, quiet: bool = False, min_score: float | None = None) -> str:
    """Human-readable findings, then each file's scores; ``quiet`` drops scores and summary (like ``ruff -q``).

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
        lines.extend(_score_block(report, color, min_score))
        if lines:
            lines.append("")
        lines.append(summary_line(report))
    return "\n".join(lines) + "\n" if lines else ""


def _score_block(report: Report, color: bool, min_score: float | None) -> list[str]:
    """The score of every objective and set (okrlint/score.py), after a blank line; empty when unscored."""
    from .score import score_lines, summary

    scored = [file for file in report.files if file.score is not None]
    lines = [""] if scored and any(f.findings for f in report.files) else []
    for file in scored:
        lines.extend(score_lines(printable(file.path), file.score, paint=_styler(color)))  # type: ignore[arg-type]
    total = summary([f.score for f in scored], min_score)  # type: ignore[misc]
    return lines + [total] if total else []


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


def _help_markdown(rule: Rule, summary: str, rationale: str, locale: str | None) -> str:
    """The rule's summary, rationale and a bad and a good example, for code-scanning alert pages."""
    lines = [f"**{summary}**", "", rationale]
    examples = list(getattr(rule, "examples", ()))
    chosen = [e for e in examples if e.lang == locale] or examples
    for bad, label in ((True, "Bad"), (False, "Good")):
        example = next((e for e in chosen if e.bad is bad), None)
        if example is None:
            continue
        document = getattr(example, "document", None)
        if document:  # a field-based rule: the example is only meaningful in its file
            lines += ["", f"{label}:", "", "```", document.rstrip("\n"), "```"]
        else:
            lines += ["", f"{label}: «{' '.join(example.text.split())}»"]
    return "\n".join(lines)


def _sarif_rule(rule: Rule, locale: str | None) -> dict[str, Any]:
    summary = _localized(dict(rule.summary), locale) or rule.id
    rationale = _unwrap(_localized(dict(rule.rationale), locale)) or summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),  # SARIF: an identifier, not the id
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rationale},
        "help": {"text": rationale, "markdown": _help_markdown(rule, summary, rationale, locale)},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(_worst(list(rule.severity.values())), "warning")},
        "properties": {"appliesTo": list(rule.applies_to), "severity": dict(rule.severity)},
    }
    uri = help_uri(rule.id)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def sarif_location(path: str) -> dict[str, str]:
    """``artifactLocation``: relative to ``%SRCROOT%`` (the current folder) when the file is inside it."""
    relative = relative_path(path)
    if relative is not None:
        return {"uri": artifact_uri(relative), "uriBaseId": SRCROOT}
    if path in STDIN_NAMES:
        return {"uri": artifact_uri(path)}
    return {"uri": artifact_uri(os.path.abspath(path))}  # outside the root: an absolute file:// URI


def _sarif_fixes(file: FileReport, location: dict[str, str], finding: Finding) -> list[dict[str, Any]]:
    """The finding's safe fix (exact edits, no placeholders); rewrites that need review stay out of SARIF."""
    fix = finding.fix
    if fix is None or fix.applicability != "safe" or not fix.edits or file.path in STDIN_NAMES:
        return []
    from .findings import fixed_text

    rng = finding.item.range
    description = fixed_text(file.source, rng.start.offset, rng.end.offset, fix.edits) if rng else finding.message
    replacements = [{"deletedRegion": _region(edit.range), "insertedContent": {"text": edit.text}} for edit in fix.edits]
    return [{"description": {"text": description},
             "artifactChanges": [{"artifactLocation": dict(location), "replacements": replacements}]}]


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
        location = sarif_location(file.path)
        for finding, fingerprint in fingerprints(file):
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": SARIF_LEVELS.get(finding.severity, "warning"),
                "message": {"text": finding.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": dict(location), "region": _region(finding.range)}}
                ],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
                "properties": {
                    "item": finding.item.to_dict(),
                    "suggestions": [s.to_dict() for s in finding.suggestions],
                },
            }
            fixes = _sarif_fixes(file, location, finding)
            if fixes:
                result["fixes"] = fixes
            results.append(result)

    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": {"artifactLocation": sarif_location(error.path)}}],
        }
        for error in report.errors
    ]
    driver: dict[str, Any] = {"name": "okrlint", "version": version(), "rules": descriptors}
    home = information_uri()
    if home:
        driver["informationUri"] = home
    root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {SRCROOT: {"uri": root}},
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
        path = _DOT_SLASH.sub("", printable(file.path))
        for finding in file.findings:
            rng = finding.range
            message = finding.message
            for suggestion in finding.suggestions:
                message += f"\n→ {SUGGESTED}: {suggestion.text}"
                if suggestion.placeholders:
                    message += f" ({PLACEHOLDERS}: {', '.join(suggestion.placeholders)})"
                message += "".join(f"\n{NEW_KEY_RESULT}: {text}" for text in suggestion.new_key_results)
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
        lines.append(_github_line("error", {"file": _DOT_SLASH.sub("", printable(error.path)), "title": "okrlint"},
                                  printable(error.message)))
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- gitlab


def render_gitlab(report: Report) -> str:
    """GitLab Code Quality (a subset of the Code Climate issue format), for ``artifacts: reports: codequality``.

    Every issue needs a fingerprint unique in the report (GitLab keeps only the
    first of equal ones): the file, the rule and the normalized item text, with
    a counter for repeats.  Paths are relative to the repository root (the
    current folder).
    """
    issues = []
    for file in report.files:
        path = relative_path(file.path) or file.path
        for finding, fingerprint in fingerprints(file):
            rng = finding.range
            issues.append({
                "type": "issue",
                "description": " ".join(finding.message.split()),
                "check_name": finding.rule,
                "categories": ["Style"],
                "fingerprint": hashlib.md5(f"{path}\0{fingerprint}".encode()).hexdigest(),
                "severity": GITLAB_SEVERITIES.get(finding.severity, "minor"),
                "location": {"path": path, "lines": {"begin": rng.start.line, "end": rng.end.line}},
            })
    for error in report.errors:
        path = relative_path(error.path) or error.path
        issues.append({
            "type": "issue",
            "description": f"okrlint could not lint this file: {error.message}",
            "check_name": "input-error",
            "categories": ["Bug Risk"],
            "fingerprint": hashlib.md5(f"{path}\0input-error".encode()).hexdigest(),
            "severity": "blocker",
            "location": {"path": path, "lines": {"begin": 1}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- rdjson


def _byte_column(source: str, offset: int, column: int) -> int:
    """A 1-based code-point column → reviewdog's 1-based UTF-8 byte column, on the line holding ``offset``."""
    line_start = offset - (column - 1)
    if not source or line_start < 0:
        return column
    return len(source[line_start:offset].encode("utf-8", "surrogatepass")) + 1


def _rd_position(source: str, position: Any) -> dict[str, int]:
    return {"line": position.line, "column": _byte_column(source, position.offset, position.column)}


def _rd_range(source: str, rng: Range) -> dict[str, Any]:
    return {"start": _rd_position(source, rng.start), "end": _rd_position(source, rng.end)}


def render_rdjson(report: Report) -> str:
    """reviewdog's Diagnostic Format (``reviewdog -f=rdjson``): columns in UTF-8 bytes, end exclusive.

    Suggestions are offered only when the rewrite has no placeholders left to
    fill in, since reviewdog turns them into one-click commits.
    """
    diagnostics = []
    for file in report.files:
        path = relative_path(file.path) or file.path
        for finding in file.findings:
            diagnostic: dict[str, Any] = {
                "message": finding.message,
                "location": {"path": path, "range": _rd_range(file.source, finding.range)},
                "severity": RDJSON_SEVERITIES.get(finding.severity, "WARNING"),
                "code": {"value": finding.rule},
            }
            uri = help_uri(finding.rule)
            if uri:
                diagnostic["code"]["url"] = uri
            item_range = finding.item.range
            ready = [s for s in finding.suggestions if not s.placeholders]
            if item_range is not None and ready and file.path not in STDIN_NAMES:
                diagnostic["suggestions"] = [
                    {"range": _rd_range(file.source, item_range),
                     "text": fit_to_source(s.text, file.path, file.source, item_range.start.offset)}
                    for s in ready
                ]
            diagnostics.append(diagnostic)
    for error in report.errors:
        diagnostics.append({
            "message": f"okrlint could not lint this file: {error.message}",
            "location": {"path": relative_path(error.path) or error.path},
            "severity": "ERROR",
        })
    source: dict[str, str] = {"name": "okrlint"}
    home = information_uri()
    if home:
        source["url"] = home
    return json.dumps({"source": source, "diagnostics": diagnostics}, ensure_ascii=False, indent=2) + "\n"
