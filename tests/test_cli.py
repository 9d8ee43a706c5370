"""The command line end to end: output formats, exit codes, flags, bad inputs, subcommands.

Most runs call ``main(argv)`` in process (the NLP models load once); a few
run the installed ``okrlint`` console script to check the real thing.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import types
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import okrlint.api
from okrlint.cli import main, split_command
from okrlint.engine import load_rules

OKRS_MD = """\
# Q3 2026 — Маркетинг

## Цель 1: Сделать наш бренд любимым выбором для молодых родителей

- Улучшить качество контента
- Попробовать запустить TikTok-канал
- Провести 10 вебинаров
- Снизить процент отказов на целевой странице с 70% до 50%

## Objective 2: Become the default choice for small design teams

- Improve onboarding
- Increase trial-to-paid conversion from 3% to 7% by September 30
- Write 5 blog posts

## Цель 3: Стать сервисом, которому доверяют родители

- Повысить удержание клиентов до 68% к концу квартала
- Сократить время ответа в чате с 15 до 10 секунд
"""

OKRS_YAML = """\
- objective: Стать первым выбором молодых родителей
  period: Q3 2026
  key_results:
    - Увеличить конверсию с сайта до 4% (с текущих 2,8%)
    - Сократить время ответа в чате с 15 до 10 секунд
    - Вывести бренд в топ-3 по запросу «умный термос» в Яндексе
"""

CLEAN_MD = """\
# Q3 2026

## Objective: Become the default choice for small design teams

- Increase trial-to-paid conversion from 3% to 7% by September 30
- Reduce churn of paying teams from 5% to 3% per month by September 30
- Grow weekly active teams from 1,200 to 2,000 by September 30
"""

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TEXT_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) (?P<rule>[a-z0-9-]+) \S"
)


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


def run(*argv: str, stdin: str | bytes | None = None) -> Result:
    """``main(argv)`` in process with its own captured streams (usable from module-scoped fixtures)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
    finally:
        sys.stdin = saved
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return Result(code, out.getvalue(), err.getvalue())


def rules_of(data: dict) -> set[str]:
    return {f["rule"] for file in data["files"] for f in file["findings"]}


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("okrs")
    (folder / "okrs.md").write_text(OKRS_MD, encoding="utf-8")
    (folder / "okrs.yaml").write_text(OKRS_YAML, encoding="utf-8")
    (folder / "clean.md").write_text(CLEAN_MD, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def json_run(work: Path) -> Result:
    return run("--format", "json", str(work / "okrs.md"), str(work / "okrs.yaml"))


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("okrlint.schema").joinpath("report.schema.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- json output


def test_json_validates_against_shipped_schema(json_run: Result, schema: dict) -> None:
    data = json_run.json()
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["version"] == 1 and data["errors"] == []
    assert [Path(f["path"]).name for f in data["files"]] == ["okrs.md", "okrs.yaml"]
    finding = data["files"][0]["findings"][0]
    assert set(finding) == {"rule", "severity", "message", "item", "range", "suggestions"}
    assert {"kind", "text", "path"} <= set(finding["item"])
    assert set(finding["range"]["start"]) == {"line", "column", "offset"}
    assert "Улучшить" in json_run.out  # UTF-8, not \\u-escaped


def test_json_finds_the_seed_mistakes(json_run: Result) -> None:
    md = json_run.json()["files"][0]
    by_text = {}
    for finding in md["findings"]:
        by_text.setdefault(finding["item"]["text"], set()).add(finding["rule"])
    assert "vague-verb" in by_text["Улучшить качество контента"]
    assert "hedging" in by_text["Попробовать запустить TikTok-канал"]
    assert "task-key-result" in by_text["Провести 10 вебинаров"]
    assert "vague-verb" in by_text["Improve onboarding"]
    assert json_run.code == 1


def _position(source: str, offset: int) -> tuple[int, int]:
    line = len(re.findall(r"\r\n|\r|\n", source[:offset])) + 1
    start = max(source.rfind("\n", 0, offset), source.rfind("\r", 0, offset)) + 1
    return line, offset - start + 1


def test_ranges_slice_back_to_the_source(json_run: Result) -> None:
    checked = 0
    for file in json_run.json()["files"]:
        source = Path(file["path"]).read_text(encoding="utf-8")
        for finding in file["findings"]:
            start, end = finding["range"]["start"], finding["range"]["end"]
            assert 0 <= start["offset"] <= end["offset"] <= len(source)
            for point in (start, end):
                assert _position(source, point["offset"]) == (point["line"], point["column"])
            item = finding["item"]
            if item["kind"] in ("objective", "key_result"):
                item_range = item["range"]
                item_text = source[item_range["start"]["offset"]:item_range["end"]["offset"]]
                assert item_text == item["text"]
                flagged = source[start["offset"]:end["offset"]]
                assert flagged and flagged in item_text, (finding["rule"], flagged, item_text)
                checked += 1
    assert checked >= 5
    md = json_run.json()["files"][0]
    source = Path(md["path"]).read_text(encoding="utf-8")
    vague = next(f for f in md["findings"] if f["rule"] == "vague-verb" and f["item"]["text"].startswith("Улучшить"))
    assert source[vague["range"]["start"]["offset"]:vague["range"]["end"]["offset"]].lower().startswith("улучш")


def test_suggestions_have_text_and_placeholders(json_run: Result) -> None:
    suggestions = [s for f in json_run.json()["files"][0]["findings"] for s in f["suggestions"]]
    assert suggestions, "the seed mistakes come with rewrites"
    for suggestion in suggestions:
        assert suggestion["text"].strip()
        assert all(placeholder in suggestion["text"] for placeholder in suggestion["placeholders"])


# ---------------------------------------------------------------- text output


def test_text_output(work: Path, json_run: Result) -> None:
    result = run(str(work / "okrs.md"), str(work / "okrs.yaml"))
    assert result.code == 1 and result.err == ""
    assert not ANSI.search(result.out)  # not a terminal
    lines = result.out.splitlines()
    diagnostics = [m for m in map(TEXT_LINE.match, lines) if m]
    expected = [f for file in json_run.json()["files"] for f in file["findings"]]
    assert len(diagnostics) == len(expected)
    first = diagnostics[0]
    assert first["path"] == str(work / "okrs.md")
    assert (int(first["line"]), int(first["col"])) == (expected[0]["range"]["start"]["line"],
                                                       expected[0]["range"]["start"]["column"])
    assert any(line.startswith("  → ") for line in lines)
    errors = sum(f["severity"] == "error" for f in expected)
    assert re.fullmatch(rf"Found {len(expected)} findings \({errors} errors?(, .*)?\) in \d files?\.", lines[-1])


def test_quiet_statistics_and_colour(work: Path) -> None:
    target = str(work / "okrs.md")
    quiet = run("--quiet", target)
    assert quiet.out and "Found" not in quiet.out
    stats = run("--statistics", target)
    assert re.search(r"^\s*\d+  vague-verb\s+\[error\]$", stats.out, re.M)
    assert "→" not in stats.out
    rows = run("--statistics", "--format", "json", target).json()
    assert {row["rule"] for row in rows} >= {"vague-verb", "hedging"}
    assert ANSI.search(run("--color", "always", target).out)
    assert not ANSI.search(run("--color", "always", "--no-color", target).out)
    assert run("--statistics", "--format", "sarif", target).code == 2


def test_no_color_env_and_auto(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from okrlint.cli import use_color

    tty = types.SimpleNamespace(isatty=lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert use_color(None, tty) and use_color("auto", tty)  # type: ignore[arg-type]
    assert not use_color(None, io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", tty)  # type: ignore[arg-type]
    assert use_color("always", io.StringIO())


# ---------------------------------------------------------------- exit codes and flags


@pytest.mark.parametrize(
    ("select", "fail_on", "code"),
    [
        ("vague-verb", None, 1),
        ("vague-verb", "never", 0),
        ("key-result-count", None, 0),  # a warning only
        ("key-result-count", "warning", 1),
        ("key-result-count", "info", 1),
        ("missing-baseline", "warning", 0),  # info only
        ("missing-baseline", "info", 1),
    ],
)
def test_fail_on(work: Path, select: str, fail_on: str | None, code: int) -> None:
    argv = ["--select", select, "--format", "json", str(work / "okrs.md")]
    if fail_on:
        argv += ["--fail-on", fail_on]
    result = run(*argv)
    assert rules_of(result.json()) == {select}
    assert result.code == code


def test_clean_file_exits_0(work: Path) -> None:
    result = run("--fail-on", "warning", str(work / "clean.md"))
    assert result.code == 0, result.out
    assert result.out.strip().splitlines()[-1] == "No findings in 1 file."


def test_select_and_ignore(work: Path) -> None:
    target = str(work / "okrs.md")
    both = {"vague-verb", "hedging"}
    assert rules_of(run("--format", "json", "--select", "vague-verb,hedging", target).json()) == both
    assert rules_of(run("--format", "json", "--select", "vague-verb", "--select", "hedging", target).json()) == {
        "vague-verb", "hedging"}
    ignored = rules_of(run("--format", "json", "--ignore", "vague-verb", "--ignore", "hedging, task-key-result",
                           target).json())
    assert ignored and not ignored & {"vague-verb", "hedging", "task-key-result"}


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_unknown_rule_is_a_usage_error(work: Path, flag: str) -> None:
    result = run(flag, "vague-verbs", str(work / "okrs.md"))
    assert result.code == 2 and result.out == ""
    assert "vague-verbs" in result.err and "did you mean 'vague-verb'" in result.err


def test_lang_forces_the_language(work: Path) -> None:
    auto = run("--format", "json", str(work / "okrs.md")).json()["files"][0]
    assert set(auto["language"].split("+")) == {"en", "ru"}
    forced = run("--format", "json", "--lang", "ru", str(work / "okrs.md")).json()["files"][0]
    assert forced["language"] == "ru"


def test_locale_forces_message_language(work: Path) -> None:
    def messages(*flags: str) -> dict[str, str]:
        data = run("--format", "json", "--select", "vague-verb", *flags, str(work / "okrs.md")).json()
        return {f["item"]["text"]: f["message"] for f in data["files"][0]["findings"]}

    default, english, russian = messages(), messages("--locale", "en"), messages("--locale", "ru")
    cyrillic = re.compile(r"[А-Яа-яЁё]")

    def without_quotes(message: str) -> str:  # quoted words come from the item itself
        return re.sub(r"«[^»]*»|\"[^\"]*\"|'[^']*'|“[^”]*”", "", message)

    ru_item, en_item = "Улучшить качество контента", "Improve onboarding"
    assert cyrillic.search(without_quotes(default[ru_item]))
    assert not cyrillic.search(without_quotes(default[en_item]))
    assert not cyrillic.search(without_quotes(english[ru_item]))
    assert cyrillic.search(without_quotes(russian[en_item]))
    text = run("--locale", "en", "--select", "vague-verb", str(work / "okrs.md")).out
    assert "Name the metric" in text and "→ Suggested:" not in text  # no metric to name: words, not a frame


def test_stdin(work: Path) -> None:
    result = run("--format", "json", "--select", "vague-verb", "-", stdin=OKRS_MD)
    (file,) = result.json()["files"]
    assert "vague-verb" in {f["rule"] for f in file["findings"]}
    assert result.code == 1


# ---------------------------------------------------------------- bad inputs


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.md").write_text(OKRS_MD, encoding="utf-8")
    (folder / "good.yaml").write_text(OKRS_YAML, encoding="utf-8")
    (folder / "bad-utf8.md").write_bytes("# Q3\n\n## Цель\n\n- Улучшить ".encode() + b"\xff\xfe\xc3\x28 \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.yaml").write_text("- objective: [Стать лидером\n  key_results: {\n", encoding="utf-8")
    (folder / "broken.json").write_text('[{"objective": "Стать лидером", "key_results": [', encoding="utf-8")
    (folder / "broken.csv").write_text('Цель,Ключевой результат\n"Стать лидером,Увеличить NPS до 60\n',
                                       encoding="utf-8")
    return folder


BAD_FILES = ("bad-utf8.md", "binary.txt", "broken.yaml", "broken.json", "broken.csv")


def _error_lines(err: str) -> dict[str, str]:
    lines = [line for line in err.splitlines() if line]
    assert all(line.startswith("okrlint: ") for line in lines), err
    return {name: next((line for line in lines if name in line), "") for name in BAD_FILES}


def test_directory_with_good_and_bad_files_text(mixed: Path) -> None:
    result = run(str(mixed))
    assert result.code == 2
    by_file = _error_lines(result.err)
    assert all(by_file.values()), result.err  # one line naming each bad file
    assert len(result.err.strip().splitlines()) == len(BAD_FILES)
    assert "good.md:" in result.out and "vague-verb" in result.out  # the others are still linted
    assert "5 files could not be linted" in result.out


def test_directory_with_good_and_bad_files_json(mixed: Path, schema: dict) -> None:
    result = run("--format", "json", str(mixed))
    assert result.code == 2
    data = result.json()
    jsonschema.Draft202012Validator(schema).validate(data)
    assert {Path(e["path"]).name for e in data["errors"]} == set(BAD_FILES)
    assert all(e["message"] for e in data["errors"])
    linted = {Path(f["path"]).name for f in data["files"]}
    assert {"good.md", "good.yaml"} <= linted and not linted & set(BAD_FILES)
    assert len(result.err.strip().splitlines()) == len(BAD_FILES)


def test_bad_utf8_message_is_clear(mixed: Path) -> None:
    result = run(str(mixed / "bad-utf8.md"))
    assert result.code == 2
    assert re.search(r"^okrlint: .*bad-utf8\.md: .*(UTF-8|utf-8|encoding|decode)", result.err, re.M)


def test_missing_path_still_lints_the_rest(work: Path) -> None:
    result = run("--format", "json", str(work / "nope.md"), str(work / "okrs.md"))
    assert result.code == 2
    assert result.err.startswith(f"okrlint: {work / 'nope.md'}: ")
    assert [e["path"] for e in result.json()["errors"]] == [str(work / "nope.md")]
    assert result.json()["files"][0]["findings"]


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = run("--format", "json", str(empty))
    assert result.code == 2
    assert result.err.startswith(f"okrlint: {empty}: ")
    message = result.err.split(": ", 2)[2].strip()
    assert result.json() == {"version": 1, "files": [], "errors": [{"path": str(empty), "message": message}]}


def test_findings_and_input_errors_exit_2(work: Path, mixed: Path) -> None:
    result = run("--fail-on", "never", str(work / "okrs.md"), str(mixed / "broken.json"))
    assert result.code == 2


# ---------------------------------------------------------------- robustness of the process


def test_internal_error_is_one_line(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(okrlint.api, "lint_paths", boom)
    result = run(str(work / "okrs.md"))
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("okrlint: internal error: RuntimeError: engine exploded\n")
    assert "report" in result.err


def test_library_noise_stays_off_stdout(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = okrlint.api.lint_paths

    def noisy(*args: object, **kwargs: object) -> object:
        import logging
        import warnings

        print("loading natasha models…")
        warnings.warn("pkg_resources is deprecated", DeprecationWarning, stacklevel=1)
        logging.getLogger("spacy").warning("W095: model version mismatch")
        return real(*args, **kwargs)

    monkeypatch.setattr(okrlint.api, "lint_paths", noisy)
    result = run("--format", "json", str(work / "okrs.md"))
    result.json()  # stdout is exactly the report
    assert "loading natasha" in result.err


def test_usage_errors() -> None:
    no_paths = run()
    assert no_paths.code == 2 and "PATH" in no_paths.err
    assert run("--format", "xml", "x.md").code == 2
    assert run("--fail-on", "sometimes", "x.md").code == 2


def test_help_documents_subcommands_and_dot_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "./rules" in out and "explain" in out and "--fail-on" in out


# ---------------------------------------------------------------- subcommands


def test_split_command() -> None:
    assert split_command(["rules"]) == ("rules", [])
    assert split_command(["--format", "json", "rules"]) == ("rules", ["--format", "json"])
    assert split_command(["explain", "vague-verb", "--locale", "ru"]) == ("explain", ["vague-verb", "--locale", "ru"])
    assert split_command(["./rules"]) == (None, ["./rules"])
    assert split_command(["--", "rules"]) == (None, ["--", "rules"])
    assert split_command(["okrs.md", "rules"]) == (None, ["okrs.md", "rules"])
    assert split_command(["--select", "rules", "x.md"]) == (None, ["--select", "rules", "x.md"])


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    ids = [rule.id for rule in load_rules()]
    assert main(["rules", "--locale", "en"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.splitlines()[1:]]
    assert listed == ids
    assert out.splitlines()[0].split() == ["ID", "KINDS", "SEVERITY", "SUMMARY"]
    assert main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data] == ids
    vague = next(r for r in data if r["id"] == "vague-verb")
    assert vague["severity"] == {"key_result": "error", "objective": "warning"}
    assert set(vague["summary"]) == {"ru", "en"}


def test_a_directory_named_rules_is_linted_as_dot_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "okrs.md").write_text(OKRS_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    linted = run("--format", "json", "./rules")
    assert [Path(f["path"]).name for f in linted.json()["files"]] == ["okrs.md"]
    listed = run("rules")  # the bare word is the command
    assert listed.code == 0 and listed.out.startswith("ID")


def test_explain_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    rule = next(r for r in load_rules() if r.id == "hedging")
    assert main(["explain", "hedging", "--locale", "ru"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("hedging: ")
    flat = " ".join(out.split())
    assert " ".join(rule.rationale["ru"].split())[:60] in flat
    assert "Почему" in out and "Плохо" in out and "Хорошо" in out
    assert re.search(r"^\s+\^+$", out, re.M)  # the flagged span is underlined
    assert "→ Вариант:" in out  # the rewrite of a bad example
    bad_ru = [e for e in rule.examples if e.bad and e.lang == "ru"]
    assert any(e.text.splitlines()[0] in out for e in bad_ru)


def test_explain_defaults_to_environment_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert "Почему" in run("explain", "hedging").out
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = run("explain", "hedging").out
    assert "Why" in english and "Bad" in english


def test_explain_unknown_rule() -> None:
    result = run("explain", "vague-verbs")
    assert result.code == 2 and result.out == ""
    assert "unknown rule 'vague-verbs'" in result.err and "vague-verb" in result.err
    assert run("explain").code == 2


@pytest.mark.parametrize("command", ["lsp", "eval"])
def test_lsp_and_eval_dispatch(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    fake = types.ModuleType(f"okrlint.{command}")
    fake.main = lambda argv: calls.append(argv) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, f"okrlint.{command}", fake)
    assert run(command, "--stdio").code == 0
    assert calls == [["--stdio"]]


def test_missing_command_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "okrlint.eval", None)  # import fails as if not installed
    result = run("eval")
    assert result.code == 2 and "eval" in result.err and "Traceback" not in result.err


# ---------------------------------------------------------------- sarif / github through the CLI


def test_sarif_and_github_formats(work: Path, json_run: Result) -> None:
    expected = sum(len(f["findings"]) for f in json_run.json()["files"])
    sarif = run("--format", "sarif", str(work / "okrs.md"), str(work / "okrs.yaml"))
    assert sarif.code == 1
    data = sarif.json()
    assert data["version"] == "2.1.0"
    run_ = data["runs"][0]
    assert len(run_["results"]) == expected
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {rule.id for rule in load_rules()}
    assert any("fixes" in r for r in run_["results"])
    github = run("--format", "github", str(work / "okrs.md"), str(work / "okrs.yaml"))
    lines = github.out.splitlines()
    assert len(lines) == expected
    assert all(re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                        r"title=okrlint [a-z-]+::", line) for line in lines)


# ---------------------------------------------------------------- the installed console script


def _console_script() -> str:
    candidate = Path(sys.executable).with_name("okrlint")
    found = str(candidate) if candidate.exists() else shutil.which("okrlint")
    if not found:
        pytest.skip("the okrlint console script is not installed")
    return found


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "OKRLINT_DEBUG")}
    env.update(extra)
    return env


def test_console_script_end_to_end(work: Path, mixed: Path, schema: dict) -> None:
    script = _console_script()
    proc = subprocess.run([script, "--format", "json", str(work / "okrs.md"), str(mixed / "broken.json")],
                          capture_output=True, timeout=120, env=_env())
    assert proc.returncode == 2
    data = json.loads(proc.stdout.decode("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["files"][0]["findings"]
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines() == [f"okrlint: {mixed / 'broken.json'}: {data['errors'][0]['message']}"]


def test_console_script_stdin_bad_bytes_and_pipe(work: Path) -> None:
    script = _console_script()
    bad = subprocess.run([script, "-"], input=b"- Improve \xff\xfe onboarding\n", capture_output=True, timeout=120,
                         env=_env(LANG="C", LC_ALL="C"))
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr.decode("utf-8", "replace")
    assert bad.stderr.decode("utf-8", "replace").startswith("okrlint: ")
    # English input (no Russian models to load), Russian messages, a locale that cannot encode them
    english = "## Objective: Become the default choice for design teams this quarter\n\n- Improve onboarding\n"
    good = subprocess.run([script, "--select", "vague-verb", "--locale", "ru", "-"], input=english.encode("utf-8"),
                          capture_output=True, timeout=120, env=_env(PYTHONIOENCODING="ascii"))
    assert good.returncode == 1, good.stderr
    text = good.stdout.decode("utf-8")  # UTF-8 even when the locale cannot encode Cyrillic
    assert text.startswith("-:3:3: error vague-verb «Improve»") and "Назовите показатель" in text
    assert "Found 1 finding (1 error) in 1 file." in text and not ANSI.search(text)
