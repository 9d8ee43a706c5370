"""Reporters on a hand-built report: exact formats, independent of the rule engine."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest

import okrlint

from okrlint.findings import FileReport, Finding, InputError, ItemRef, Report, Suggestion
from okrlint.model import LineIndex
from okrlint.reporters import (
    artifact_uri,
    escape_data,
    escape_property,
    render,
    render_statistics,
    render_text,
    statistics,
    summary_line,
)

RU_SOURCE = (
    "# Q3 2026\n\n## Цель: Стать любимым брендом родителей\n\n- Улучшить качество контента\n- Провести 10 вебинаров\n"
)
EN_SOURCE = "Objective: Win small teams, 100% focus\r\nKR1: Try to improve onboarding\r\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _finding(source: str, rule: str, severity: str, message: str, flagged: str, item_text: str, kind: str,
             path: tuple[int, ...], suggestions: tuple[Suggestion, ...] = (), lang: str = "") -> Finding:
    index = LineIndex(source)
    item_start = source.index(item_text)
    start = source.index(flagged, item_start)
    return Finding(
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        item=ItemRef(kind=kind, text=item_text, path=path, objective="Стать любимым брендом родителей",
                     range=index.range(item_start, item_start + len(item_text))),
        range=index.range(start, start + len(flagged)),
        suggestions=suggestions,
        lang=lang,
    )


@pytest.fixture(scope="module")
def report() -> Report:
    ru = FileReport(
        path="okrs/маркетинг.md",
        language="ru",
        source=RU_SOURCE,
        findings=[
            _finding(RU_SOURCE, "vague-verb", "error", "«Улучшить» — размытый глагол: результат нельзя измерить.",
                     "Улучшить", "Улучшить качество контента", "key_result", (0, 0),
                     (Suggestion("Повысить среднюю продолжительность сессии до N минут к концу квартала", ("N",)),),
                     lang="ru"),
            _finding(RU_SOURCE, "task-key-result", "warning", "Это задача, а не результат.",
                     "Провести 10 вебинаров", "Провести 10 вебинаров", "key_result", (0, 1),
                     (Suggestion("Привлечь N участников вебинаров, из которых M станут клиентами", ("N", "M")),),
                     lang="ru"),
        ],
    )
    en = FileReport(
        path="team, q3:plan.md",
        language="en",
        source=EN_SOURCE,
        findings=[
            _finding(EN_SOURCE, "hedging", "info", "Hedge 'Try to': 100% commit\nor drop it.", "Try to",
                     "Try to improve onboarding", "key_result", (0, 0), lang="en"),
        ],
    )
    clean = FileReport(path="clean.yaml", language="en")
    return Report(files=[ru, en, clean], errors=[InputError("broken.csv", "line 3: unterminated quoted field")])


RULES = [
    SimpleNamespace(id="hedging", applies_to=("objective", "key_result"),
                    severity={"objective": "error", "key_result": "error"},
                    summary={"en": "Hedging words", "ru": "Неуверенные формулировки"},
                    rationale={"en": "Commit or drop it.", "ru": "Либо берёмся, либо нет."}),
    SimpleNamespace(id="vague-verb", applies_to=("key_result", "objective"),
                    severity={"key_result": "error", "objective": "warning"},
                    summary={"en": "Vague verb", "ru": "Размытый глагол"},
                    rationale={"en": "Nobody can tell\n  when it is done.\n\nSay by how much.",
                               "ru": "Кто решит, что стало лучше?"}),
]


def _schema() -> dict:
    return json.loads(resources.files("okrlint.schema").joinpath("report.schema.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- text


def test_text_lines_follow_path_line_col_severity_rule_message(report: Report) -> None:
    out = render(report, "text", color=False)
    lines = out.splitlines()
    assert lines[0] == (
        "okrs/маркетинг.md:5:3: error vague-verb «Улучшить» — размытый глагол: результат нельзя измерить."
    )
    assert lines[1] == "  → Suggested: Повысить среднюю продолжительность сессии до N минут к концу квартала"
    assert lines[2] == "    placeholders: N"
    assert lines[3].startswith("okrs/маркетинг.md:6:3: warning task-key-result ")
    assert "    placeholders: N, M" in lines
    # multi-line messages are folded to one line; CRLF sources still give the right column
    assert "team, q3:plan.md:2:6: info hedging Hedge 'Try to': 100% commit or drop it." in lines
    assert lines[-1] == "Found 3 findings (1 error, 1 warning, 1 info) in 2 files; 1 file could not be linted."
    assert not ANSI.search(out)


def test_text_colour_only_when_asked(report: Report) -> None:
    coloured = render(report, "text", color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == render(report, "text", color=False)


def test_text_quiet_and_summaries(report: Report) -> None:
    quiet = render_text(report, quiet=True)
    assert "Found" not in quiet and quiet.count("\n") == len(render_text(report).splitlines()) - 2
    assert summary_line(Report(files=[FileReport("a.md", "ru")])) == "No findings in 1 file."
    assert render_text(Report(files=[FileReport("a.md", "ru")]), quiet=True) == ""
    assert summary_line(Report(errors=[InputError("x", "y"), InputError("z", "w")])) == (
        "No findings in 0 files; 2 files could not be linted."
    )


def test_statistics(report: Report) -> None:
    rows = statistics(report)
    assert [row["rule"] for row in rows] == ["hedging", "task-key-result", "vague-verb"]  # ties: by id
    assert all(row["count"] == 1 for row in rows)
    table = render_statistics(report)
    assert re.search(r"^1  vague-verb\s+\[error\]$", table, re.M)
    assert json.loads(render_statistics(report, "json")) == rows


# ---------------------------------------------------------------- json


def test_json_is_exactly_to_dict_and_utf8(report: Report) -> None:
    out = render(report, "json")
    assert json.loads(out) == report.to_dict()
    assert "Улучшить" in out and "\\u" not in out
    jsonschema.Draft202012Validator(_schema()).validate(json.loads(out))


def test_schema_is_valid_and_strict() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"version": 1, "files": [], "errors": []})
    bad_documents = [
        {"version": 2, "files": [], "errors": []},
        {"files": [], "errors": []},
        {"version": 1, "files": [{"path": "a", "language": "ru"}], "errors": []},
        {"version": 1, "files": [], "errors": [{"path": "a"}]},
    ]
    finding = {
        "rule": "vague-verb", "severity": "error", "message": "m",
        "item": {"kind": "key_result", "text": "t", "path": [0, 0]},
        "range": {"start": {"line": 1, "column": 1, "offset": 0}, "end": {"line": 1, "column": 2, "offset": 1}},
        "suggestions": [{"text": "s", "placeholders": ["N"]}],
    }
    assert validator.is_valid({"version": 1, "files": [{"path": "a", "language": "ru", "findings": [finding]}],
                               "errors": []})
    for key, value in [("severity", "fatal"), ("item", {"kind": "task", "text": "t", "path": []}),
                       ("range", {"start": {"line": 0, "column": 1, "offset": 0}})]:
        bad_documents.append({"version": 1, "files": [{"path": "a", "language": "ru",
                                                       "findings": [{**finding, key: value}]}], "errors": []})
    for document in bad_documents:
        assert not validator.is_valid(document), document


# ---------------------------------------------------------------- sarif


def test_sarif_structure(report: Report) -> None:
    sarif = json.loads(render(report, "sarif", rules=RULES, locale="en"))
    assert sarif["version"] == "2.1.0" and "sarif" in sarif["$schema"]
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "okrlint" and driver["version"] and driver["informationUri"].startswith("http")
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert by_id["vague-verb"]["shortDescription"]["text"] == "Vague verb"
    # hard-wrapped YAML text is unwrapped; paragraphs stay
    assert by_id["vague-verb"]["fullDescription"]["text"] == "Nobody can tell when it is done.\n\nSay by how much."
    assert by_id["vague-verb"]["defaultConfiguration"]["level"] == "error"
    assert "task-key-result" in by_id  # not in the metadata given, still described
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "okrs/%D0%BC%D0%B0%D1%80%D0%BA%D0%B5%D1%82%D0%B8%D0%BD%D0%B3.md"
    assert location["region"] == {"startLine": 5, "startColumn": 3, "endLine": 5, "endColumn": 11}
    assert "fixes" not in first  # a suggestion without a safe fix: SARIF carries safe fixes only
    assert "fixes" not in results[2]  # no suggestion, no fix
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "unterminated" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.csv"


def test_sarif_russian_descriptions(report: Report) -> None:
    sarif = json.loads(render(report, "sarif", rules=RULES, locale="ru"))
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["hedging"]["shortDescription"]["text"] == "Неуверенные формулировки"


def test_sarif_carries_the_safe_fix_with_exact_edits() -> None:
    source = '[{"objective": "Grow \\"X\\" fans", "key_results": ["Try to cut churn from 5% to 3%", "Reach 40 NPS"]}]'
    report = okrlint.lint_text(source, filename="okrs.json")
    sarif = json.loads(render(report, "sarif", rules=RULES))
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "hedging"]
    (fix,) = result["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    region = replacement["deletedRegion"]
    assert source.splitlines()[0][region["startColumn"] - 1:region["endColumn"] - 1] == "Try to c"
    assert replacement["insertedContent"]["text"] == "C"
    assert fix["description"]["text"] == "Cut churn from 5% to 3%"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("okrs.md", "okrs.md"),
        ("./team/q3 plan.md", "team/q3%20plan.md"),
        ("/abs/dir/a#b.md", "file:///abs/dir/a%23b.md"),
        ("-", "stdin"),
        ("C:\\okr\\q3.md", "file:///C:/okr/q3.md"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


# ---------------------------------------------------------------- github


def test_github_annotations(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(
        "::error file=okrs/маркетинг.md,line=5,col=3,endLine=5,endColumn=11,title=okrlint vague-verb::"
        "«Улучшить» — размытый глагол"
    )
    assert lines[0].endswith(
        "%0A→ Suggested: Повысить среднюю продолжительность сессии до N минут к концу квартала (placeholders: N)"
    )
    assert lines[1].startswith("::warning ")
    hedging = lines[2]
    assert hedging.startswith("::notice file=team%2C q3%3Aplan.md,line=2,col=6,endLine=2,endColumn=12,")
    # message body: %, CR and LF escaped; ':' and ',' kept
    assert hedging.endswith("::Hedge 'Try to': 100%25 commit%0Aor drop it.")
    assert lines[3] == "::error file=broken.csv,title=okrlint::line 3: unterminated quoted field"
    pattern = re.compile(r"^::(error|warning|notice) (?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*::[^\r\n]*$")
    assert all(pattern.match(line) for line in lines), lines


def test_github_escaping() -> None:
    assert escape_data("50%\r\nok: a, b") == "50%25%0D%0Aok: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_unknown_format(report: Report) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(report, "xml")


@pytest.mark.parametrize(
    ("path", "source", "item", "rewrite", "expected"),
    [
        ("a.json", '{"objective": "Improve X"}', "Improve X", 'Grow "X"', 'Grow \\"X\\"'),
        ("a.yaml", "- objective: Improve X\n", "Improve X", "Grow X: to N", '"Grow X: to N"'),
        ("a.yaml", "- objective: Improve X\n", "Improve X", "Grow X to N", "Grow X to N"),
        ("a.yml", "- objective: 'Improve X'\n", "Improve X", "Grow X's N", "Grow X''s N"),
        ("a.yaml", '- objective: "Improve X"\n', "Improve X", 'Grow "X"', 'Grow \\"X\\"'),
        ("a.csv", "Objective,KR\nImprove X,a\n", "Improve X", "Grow X, then Y", '"Grow X, then Y"'),
        ("a.csv", 'Objective,KR\n"Improve X",a\n', "Improve X", 'Grow "X"', 'Grow ""X""'),
        ("a.tsv", "Objective\tKR\nImprove X\ta\n", "Improve X", "Grow X, then Y", "Grow X, then Y"),
        ("a.md", "| Цель | КР |\n|---|---|\n| Improve X | a |\n", "Improve X", "A | B", "A \\| B"),
        ("a.md", "- Improve X\n", "Improve X", "A | B", "A | B"),
    ],
)
def test_fixes_keep_the_file_valid(path: str, source: str, item: str, rewrite: str, expected: str) -> None:
    from okrlint.escaping import fit_to_source

    assert fit_to_source(rewrite, path, source, source.index(item)) == expected


def test_schema_validates_the_fix_field_on_every_bundled_example() -> None:
    schema = json.loads((Path(okrlint.__file__).parent / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    examples = Path(okrlint.__file__).parent / "examples"
    paths = sorted(examples.glob("*.md")) + sorted((Path(__file__).parent / "data" / "parsing").iterdir())
    fixes = 0
    for path in paths:
        document = json.loads(okrlint.lint_file(path).to_json())
        errors = list(validator.iter_errors(document))
        assert not errors, (path.name, errors[0].message)
        fixes += sum("fix" in f for file in document["files"] for f in file["findings"])
    assert fixes  # the examples do carry fixes, so the field is exercised
    bad = {"applicability": "maybe", "edits": []}
    finding = next(f for p in paths for f in json.loads(okrlint.lint_file(p).to_json())["files"][0]["findings"]
                   if "fix" in f)
    assert not validator.is_valid({"version": 1, "files": [{"path": "a", "language": "ru",
                                                            "findings": [{**finding, "fix": bad}]}], "errors": []})
