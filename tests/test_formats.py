"""Output contracts on real input: JSON, SARIF, GitLab Code Quality and rdjson for every bundled example and
corpus document, each validated against its published schema (vendored under tests/data/schemas when no
registry package ships it)."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import okrlint
from okrlint.reporters import render

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = Path(__file__).parent / "data" / "schemas"
INPUTS = sorted(
    [p for p in (ROOT / "okrlint" / "examples").iterdir() if p.suffix in (".md", ".yaml", ".csv")]
    + [p for p in (ROOT / "corpus" / "documents").iterdir() if not p.name.endswith(".expect.json")]
)

# GitLab's documented Code Quality format ("Code Quality report format", docs.gitlab.com): an array of
# issues, each with a description, check_name, fingerprint, severity and location.path + location.lines.begin.
GITLAB_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./)"}},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1},
                                             "end": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def report() -> Iterator[okrlint.Report]:
    """Every example and corpus document, linted from the repository root (paths relative to it)."""
    previous = os.getcwd()
    os.chdir(ROOT)
    try:
        result = okrlint.lint_paths([str(p.relative_to(ROOT)) for p in INPUTS])
        assert not result.errors, result.errors
        assert len(result.files) == len(INPUTS)
        yield result
    finally:
        os.chdir(previous)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- json


def test_json_of_every_example_and_corpus_document_validates(report: okrlint.Report) -> None:
    schema = json.loads(resources.files("okrlint.schema").joinpath("report.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for file in report.files:  # one file at a time, so a failure names it
        single = okrlint.Report(files=[file])
        errors = sorted(validator.iter_errors(json.loads(render(single, "json"))), key=str)
        assert not errors, f"{file.path}: {errors[0].message} at {list(errors[0].absolute_path)}"
    data = json.loads(render(report, "json"))
    moved = [s for f in data["files"] for x in f["findings"] for s in x["suggestions"] if "new_key_results" in s]
    assert moved, "the bundled examples exercise new_key_results (metric-in-objective)"


# --------------------------------------------------------------------------- sarif


def test_sarif_validates_against_the_official_schema(report: okrlint.Report, at_root: None) -> None:
    schema = _load(SCHEMAS / "sarif-schema-2.1.0.json")
    sarif = json.loads(render(report, "sarif"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(sarif), key=str)
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"
    (run,) = sarif["runs"]
    assert run["results"] and all(r["partialFingerprints"] for r in run["results"])


def test_sarif_rules_carry_help_and_a_name_that_is_not_the_id(at_root: None) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    home = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Homepage"]
    sarif = json.loads(render(okrlint.Report(), "sarif"))
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == home  # set once in pyproject, read from the installed metadata
    assert {rule["id"] for rule in driver["rules"]} == {rule.id for rule in okrlint.load_rules()}
    for rule in driver["rules"]:
        assert rule["name"] != rule["id"] and re.fullmatch(r"[A-Z][A-Za-z]+", rule["name"])
        assert rule["helpUri"] == f"{home}#rule-{rule['id']}"
        assert f'id="rule-{rule["id"]}"' in readme, f"README has no anchor for {rule['id']}"
        markdown = rule["help"]["markdown"]
        assert markdown.startswith(f"**{rule['shortDescription']['text']}**")
        assert "\n\nBad:" in markdown and "\n\nGood:" in markdown


def test_sarif_uris_are_relative_to_srcroot(report: okrlint.Report, at_root: None) -> None:
    run = json.loads(render(report, "sarif"))["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert not location["uri"].startswith(("/", "file:")) and (ROOT / location["uri"]).is_file()


def test_sarif_fingerprints_survive_moved_lines_and_differ_between_findings(tmp_path: Path) -> None:
    text = "# Q3 2026\n\n## Objective: Make onboarding effortless\n- Improve onboarding\n- Hold 10 webinars\n"
    first = json.loads(render(okrlint.lint_text(text, filename="okrs.md"), "sarif"))["runs"][0]["results"]
    moved = "\n\n<!-- notes -->\n\n" + text.replace("- Improve", "-   Improve")
    second = json.loads(render(okrlint.lint_text(moved, filename="okrs.md"), "sarif"))["runs"][0]["results"]

    def prints(results: list[dict]) -> dict[str, str]:
        return {r["ruleId"] + " " + str(r["properties"]["item"]["text"]): r["partialFingerprints"]["okrlintItemHash/v1"]
                for r in results}

    assert prints(first) == prints(second)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in first] != \
           [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in second]
    assert len(set(prints(first).values())) == len(first)


# --------------------------------------------------------------------------- gitlab


def test_gitlab_code_quality_shape(report: okrlint.Report, at_root: None) -> None:
    issues = json.loads(render(report, "gitlab"))
    jsonschema.Draft202012Validator(GITLAB_SCHEMA).validate(issues)
    assert len(issues) == len(report.findings)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)  # GitLab drops repeats
    by_severity = {(f.severity, i["severity"]) for f, i in zip(report.findings, issues)}
    assert by_severity <= {("error", "major"), ("warning", "minor"), ("info", "info")}
    assert all((ROOT / issue["location"]["path"]).is_file() for issue in issues)
    assert not jsonschema.Draft202012Validator(GITLAB_SCHEMA).is_valid([{**issues[0], "severity": "error"}])


def test_gitlab_lists_input_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.yaml").write_text("- objective: [x\n", encoding="utf-8")
    issues = json.loads(render(okrlint.lint_paths(["broken.yaml"]), "gitlab"))
    jsonschema.Draft202012Validator(GITLAB_SCHEMA).validate(issues)
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in issues] == \
           [("input-error", "blocker", "broken.yaml")]


# --------------------------------------------------------------------------- rdjson


def test_rdjson_validates_and_counts_utf8_bytes(report: okrlint.Report, at_root: None) -> None:
    data = json.loads(render(report, "rdjson"))
    jsonschema.Draft4Validator(_load(SCHEMAS / "rdjson-DiagnosticResult.json")).validate(data)
    assert data["source"]["name"] == "okrlint"
    assert len(data["diagnostics"]) == len(report.findings)
    sources = {file.path: file.source for file in report.files}
    checked_cyrillic = False
    for diagnostic in data["diagnostics"]:
        assert diagnostic["severity"] in ("ERROR", "WARNING", "INFO") and diagnostic["code"]["value"]
        location = diagnostic["location"]
        lines = sources[location["path"]].splitlines(keepends=True)
        start = location["range"]["start"]
        line = lines[start["line"] - 1]
        assert len(line.encode("utf-8")) + 1 >= start["column"] >= 1
        prefix = line.encode("utf-8")[: start["column"] - 1].decode("utf-8")  # must not split a character
        if re.search("[а-яА-Я]", prefix):
            checked_cyrillic = True
            assert start["column"] > len(prefix) + 1
        for suggestion in diagnostic.get("suggestions", []):
            assert suggestion["text"] and "range" in suggestion
    assert checked_cyrillic


def test_rdjson_byte_columns_exactly() -> None:
    text = "## Цель: Сделать бренд любимым\n- 👍 Улучшить сервис поддержки\n"
    report = okrlint.lint_text(text, filename="okrs.md", config=okrlint.Config(select=frozenset({"vague-verb"})))
    (diagnostic,) = json.loads(render(report, "rdjson"))["diagnostics"]
    start, end = diagnostic["location"]["range"]["start"], diagnostic["location"]["range"]["end"]
    line = text.splitlines()[1].encode("utf-8")
    assert line[start["column"] - 1: end["column"] - 1].decode("utf-8") == "Улучшить"


def test_sarif_location_inside_and_outside_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from okrlint.reporters import sarif_location

    inside = tmp_path / "repo"
    (inside / "team").mkdir(parents=True)
    monkeypatch.chdir(inside)
    assert sarif_location("team/q3 okrs.md") == {"uri": "team/q3%20okrs.md", "uriBaseId": "%SRCROOT%"}
    assert sarif_location(str(inside / "team" / "okrs.md")) == {"uri": "team/okrs.md", "uriBaseId": "%SRCROOT%"}
    assert sarif_location("../elsewhere/okrs.md") == {"uri": (tmp_path / "elsewhere" / "okrs.md").as_uri()}
    assert sarif_location("-") == {"uri": "stdin"}
