"""okrlint dropped into an ordinary repository: only OKR files are linted, each with its own folder's config,
whatever the argument order; .gitignore, excludes and virtual environments are skipped; the LSP agrees."""

from __future__ import annotations

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import okrlint
from okrlint.cli import main
from okrlint.lsp import Linter, lint_target
from okrlint.sniff import holds_okrs

OKR_RU = """\
# Q3 2026

## Цель: Сделать онбординг лёгким для новых клиентов
- Улучшить воронку продаж
- Провести 10 вебинаров
- Повысить удержание клиентов до 68%
- Количество заявок в месяц
- Увеличить продажи
- Снизить отток с 8% до 5%
"""
OKR_EN = """\
# Q3 2026

## Objective: Make onboarding effortless
- Improve onboarding
- Hold 10 webinars
- Raise activation to 35%
"""
NOT_OKRS = {
    "README.md": "# My project\n\nA tool.\n\n## Installation\n\n- Install Python 3.11\n- Improve the docs\n"
                 "- Run `pip install -e .`\n\n## Usage\n\n1. Run the tool\n2. Check the output\n",
    "CHANGELOG.md": "# Changelog\n\n## [1.2.0] - 2026-01-10\n### Added\n- Support for CSV export\n"
                    "- Improve performance of the parser\n### Fixed\n- Crash on empty input\n",
    "CONTRIBUTING.md": "# Contributing\n\n## Goals\n- Make the code easier to read\n- Try to write tests\n",
    "package.json": '{"name": "demo", "version": "1.0.0", "scripts": {"test": "jest"}}\n',
    "tsconfig.json": '{"compilerOptions": {"target": "es2020", "strict": true}, "include": ["src"]}\n',
    "docker-compose.yml": "services:\n  web:\n    image: nginx:1.25\n    ports: ['8080:80']\n",
    "data/sales.csv": "date,region,sales,returns\n2026-01-01,north,120,3\n2026-01-02,south,98,1\n",
    "notes.txt": "Meeting notes\n- improve the build\n- try the new runner\n",
    "src/app.py": "print('hello')\n",
    "node_modules/left-pad/README.md": "# left-pad\n\n## Objective: pad\n- Improve padding\n",
    "node_modules/left-pad/package.json": '{"name": "left-pad"}\n',
}


def make_repo(root: Path) -> Path:
    for name, text in {**NOT_OKRS, "team-ru/okrs.md": OKR_RU, "team-en/okrs.md": OKR_EN}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for hidden in (".git/HEAD.md", ".okrlint_cache/okrs.md", ".venv/lib/okrs.md", "env/okrs.md"):
        (root / hidden).parent.mkdir(parents=True, exist_ok=True)
        (root / hidden).write_text(OKR_EN, encoding="utf-8")  # OKRs, but in places a walk never enters
    (root / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (root / "team-ru" / ".okrlint.toml").write_text(
        'ignore = ["missing-baseline"]\n[rules.key-result-count]\nmax = 4\n', encoding="utf-8")
    (root / "team-en" / ".okrlint.toml").write_text('select = ["vague-verb", "key-result-count"]\n',
                                                    encoding="utf-8")
    return root


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code, out.getvalue(), err.getvalue()


def by_file(data: dict) -> dict[str, set[tuple[str, int, int]]]:
    return {Path(f["path"]).as_posix(): {(x["rule"], x["range"]["start"]["line"], x["range"]["start"]["column"])
                                         for x in f["findings"]} for f in data["files"]}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="module")
def dot_run(repo: Path) -> tuple[int, dict, str]:
    previous = os.getcwd()
    os.chdir(repo)
    try:
        code, out, err = run("--format", "json", "-v", ".")
    finally:
        os.chdir(previous)
    return code, json.loads(out), err


def test_only_okr_files_are_linted_with_their_own_config(dot_run: tuple[int, dict, str]) -> None:
    code, data, _err = dot_run
    assert code in (0, 1) and code == 1 and data["errors"] == []
    found = by_file(data)
    assert set(found) == {"team-ru/okrs.md", "team-en/okrs.md"}
    en_rules = {rule for rule, _, _ in found["team-en/okrs.md"]}
    assert en_rules and en_rules <= {"vague-verb", "key-result-count"}  # team-en/.okrlint.toml: select
    ru_rules = {rule for rule, _, _ in found["team-ru/okrs.md"]}
    assert "missing-baseline" not in ru_rules and {"vague-verb", "task-key-result"} <= ru_rules
    assert ("key-result-count", 3, 10) in found["team-ru/okrs.md"]  # six key results > max = 4


def test_verbose_lists_what_was_skipped_and_why(dot_run: tuple[int, dict, str]) -> None:
    err = dot_run[2]
    for name in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md", "package.json", "tsconfig.json",
                 "docker-compose.yml", "data/sales.csv", "notes.txt"):
        assert f"okrlint: {name}: skipped: " in err, name
    assert "okrlint: node_modules/: skipped: excluded by the default excludes" in err
    assert "okrlint: env/: skipped: a virtual environment" in err
    for hidden in (".git/", ".okrlint_cache/", ".venv/"):
        assert f"okrlint: {hidden}: skipped: excluded by the default excludes" in err, hidden
    assert "src/app.py" not in err  # not a format okrlint reads: not even mentioned


def test_argument_order_changes_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    a = run("--format", "json", "team-en/okrs.md", "team-ru/okrs.md")
    b = run("--format", "json", "team-ru/okrs.md", "team-en/okrs.md")
    assert a[0] == b[0] == 1
    first, second = json.loads(a[1]), json.loads(b[1])
    assert [f["path"] for f in first["files"]] == ["team-en/okrs.md", "team-ru/okrs.md"]  # input order kept
    assert by_file(first) == by_file(second)
    assert {rule for rule, _, _ in by_file(first)["team-en/okrs.md"]} <= {"vague-verb", "key-result-count"}


def test_the_language_server_reports_the_same(repo: Path, dot_run: tuple[int, dict, str]) -> None:
    linter = Linter()
    seen: dict[str, set[tuple[str, int, int]]] = {}
    for path in sorted(repo.rglob("*")):
        rel = path.relative_to(repo).as_posix()
        if not path.is_file():
            continue
        target = lint_target(path.as_uri(), "markdown" if path.suffix == ".md" else None)
        if target is None or linter.excluded(path, str(repo)):  # what the server does before linting
            continue
        config, problem = linter.config_for(target.folder)
        assert problem is None
        result = linter.lint(path.read_text(encoding="utf-8"), target, config)
        if result.diagnostics:
            seen[rel] = {(str(d.code), d.range.start.line + 1, d.range.start.character + 1)
                         for d in result.diagnostics}
    # same files, same rules at the same lines (the CLI counts columns in code points, the LSP in UTF-16:
    # equal here, no astral characters)
    assert seen == by_file(dot_run[1])


def test_config_and_isolated_override_per_file_lookup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    custom = repo / "ci.toml"
    custom.write_text('select = ["task-key-result"]\n', encoding="utf-8")
    try:
        _, out, _ = run("--format", "json", "--config", "ci.toml", ".")
        assert {r for found in by_file(json.loads(out)).values() for r, _, _ in found} == {"task-key-result"}
    finally:
        custom.unlink()
    _, out, _ = run("--format", "json", "--isolated", ".")
    rules = {r for found in by_file(json.loads(out)).values() for r, _, _ in found}
    assert "missing-baseline" in rules  # team-ru's ignore is not read


def test_gitignore_exclude_extend_exclude_and_cli_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("keep/okrs.md", "drafts/okrs.md", "scratch.tmp.md", "archive/2025.md", "old-q1.md",
                 "nested/sub/okrs.md", "nested/sub/ignored.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(OKR_EN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.md\n", encoding="utf-8")
    (tmp_path / "nested" / ".gitignore").write_text("sub/ignored.md\n", encoding="utf-8")
    (tmp_path / ".okrlint.toml").write_text('extend-exclude = ["archive/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("--format", "json", "-v", "--exclude", "old-*", ".")
    assert code == 1
    assert sorted(f["path"] for f in json.loads(out)["files"]) == ["keep/okrs.md", "nested/sub/okrs.md"]
    assert f"drafts/: skipped: ignored by {tmp_path / '.gitignore'}" in err
    assert "nested/sub/ignored.md: skipped: ignored by" in err
    assert "archive/: skipped: excluded by exclude/extend-exclude in" in err
    assert "old-q1.md: skipped: excluded by --exclude" in err
    # `exclude` replaces the default list; an explicitly named file is linted even when excluded
    (tmp_path / ".okrlint.toml").write_text('exclude = ["keep/"]\n', encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "okrs.md").write_text(OKR_EN, encoding="utf-8")
    _, out, _ = run("--format", "json", ".")
    paths = {f["path"] for f in json.loads(out)["files"]}
    assert "node_modules/okrs.md" in paths and "keep/okrs.md" not in paths
    _, out, _ = run("--format", "json", "keep/okrs.md")
    assert [f["path"] for f in json.loads(out)["files"]] == ["keep/okrs.md"]


def test_a_virtual_environment_is_skipped_by_its_marker(tmp_path: Path) -> None:
    (tmp_path / "env-py311").mkdir()
    (tmp_path / "env-py311" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / "env-py311" / "okrs.md").write_text(OKR_EN, encoding="utf-8")
    (tmp_path / "okrs.md").write_text(OKR_EN, encoding="utf-8")
    report = okrlint.lint_paths([str(tmp_path)])
    assert [Path(f.path).name for f in report.files] == ["okrs.md"] and len(report.files) == 1
    assert any("virtual environment" in s.reason for s in report.skipped)


def test_an_unreadable_folder_is_an_error_and_the_rest_is_linted(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "okrs.md").write_text(OKR_EN, encoding="utf-8")
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "okrs.md").write_text(OKR_EN, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root can read anything, so refuse like a real chmod 000 would
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    report = okrlint.lint_paths([str(tmp_path)])
    assert [(Path(e.path).name, e.message) for e in report.errors] == [("locked", "permission denied (folder skipped)")]
    assert [Path(f.path).parent.name for f in report.files] == ["open"]
    monkeypatch.chdir(tmp_path)
    code, _, err = run(".")
    assert code == 2 and "okrlint: locked: permission denied" in err


def test_a_named_file_without_okrs_is_still_an_error(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    code, _, err = run("package.json", "docker-compose.yml", "team-en/okrs.md")
    assert code == 2 and "okrlint: package.json: no objectives or key results found" in err
    assert "okrlint: docker-compose.yml: no objectives or key results found" in err
    (repo / "prose.md").write_text("# Notes\n\nJust prose, no list and no OKRs.\n", encoding="utf-8")
    code, _, err = run("prose.md", "team-en/okrs.md")
    assert code == 2 and "okrlint: prose.md: no objectives or key results found" in err
    code, out, err = run("--only-okr-files", "-v", "README.md", "package.json", "team-en/okrs.md",
                         "node_modules/left-pad/README.md", "env/okrs.md")
    assert code == 1 and "README.md: skipped" in err and "team-en/okrs.md" in out
    assert "node_modules/left-pad/README.md: skipped: excluded by the default excludes" in err
    assert "env/okrs.md: skipped: in a virtual environment" in err
    assert "node_modules" not in out and "env/" not in out


def test_stdin_filename_picks_format_config_and_name(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OKR_RU.encode()), encoding="utf-8"))
    code, out, _ = run("--format", "json", "--stdin-filename", "team-en/new.md", "-")
    (file,) = json.loads(out)["files"]
    assert file["path"] == "team-en/new.md"
    assert {f["rule"] for f in file["findings"]} <= {"vague-verb", "key-result-count"}  # team-en's config
    code, _, err = run("--stdin-filename", "x.md", "okrs.md")
    assert code == 2 and "--stdin-filename" in err


def test_output_file_and_format_alias(repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(repo)
    target = tmp_path / "report.json"
    code, out, _ = run("--output-format", "gitlab", "-o", str(target), "team-en")
    assert code == 1 and out == ""
    issues = json.loads(target.read_text(encoding="utf-8"))
    assert issues and all(i["location"]["path"] == "team-en/okrs.md" for i in issues)
    code, _, err = run("-o", str(tmp_path / "no" / "such" / "dir.txt"), "team-en")
    assert code == 2 and "cannot write" in err


@pytest.mark.parametrize("name", sorted(NOT_OKRS))
def test_sniffing_rejects_ordinary_repository_files(name: str) -> None:
    from okrlint.parsing import detect_format

    text = NOT_OKRS[name]
    assert not holds_okrs(text, detect_format(name, text)) or name.startswith("node_modules/")


def test_sniffing_accepts_every_example_and_corpus_document() -> None:
    from okrlint.parsing import detect_format

    root = Path(__file__).resolve().parents[1]
    files = [p for p in [*(root / "okrlint" / "examples").iterdir(), *(root / "corpus" / "documents").iterdir(),
                         *(root / "tests" / "data" / "parsing").iterdir()]
             if p.suffix in (".md", ".txt", ".yaml", ".json", ".csv", ".tsv") and ".expect." not in p.name]
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert holds_okrs(text, detect_format(path.name, text)), path


@pytest.mark.parametrize(("name", "expected"), [
    ("okrs.md", True), ("Q3-OKR.csv", True), ("team_okrs.yaml", True), ("цели-2026.md", True),
    ("objectives.md", True), ("notes.md", False), ("workers.md", False), ("brokrage.md", False),
])
def test_a_file_named_after_okrs_needs_no_other_mark(name: str, expected: bool, tmp_path: Path) -> None:
    bare = "# Marketing\n\n## Make the brand loved by young parents\n- Raise NPS from 30 to 50\n"
    assert holds_okrs(bare, "markdown", f"team/{name}") is expected
    assert not holds_okrs(bare, "markdown")
    (tmp_path / "x.md").write_text(bare, encoding="utf-8")
    (tmp_path / name).write_text(bare, encoding="utf-8")
    if name.endswith(".md"):
        walked = okrlint.lint_paths([str(tmp_path)])
        assert [Path(f.path).name for f in walked.files] == ([name] if expected else [])
        named = okrlint.lint_paths([str(tmp_path / name)])
        assert not named.errors  # a Markdown file named on the command line is linted: the parser decides


def test_files_sharing_a_config_are_linted_in_one_batch(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import okrlint.api
    import okrlint.engine

    (repo / "team-en" / "more.md").write_text(OKR_EN, encoding="utf-8")
    batches: list[list[str]] = []
    real = okrlint.engine.lint_documents

    def spy(documents, config):  # type: ignore[no-untyped-def]
        batches.append([Path(d.path).as_posix() for d in documents])
        return real(documents, config)

    monkeypatch.setattr(okrlint.engine, "lint_documents", spy)
    monkeypatch.chdir(repo)
    try:
        report = okrlint.lint_paths(["team-en/okrs.md", "team-ru/okrs.md", "team-en/more.md"], lang="en")
    finally:
        (repo / "team-en" / "more.md").unlink()
    assert sorted(batches) == [["team-en/okrs.md", "team-en/more.md"], ["team-ru/okrs.md"]]
    assert [f.path for f in report.files] == ["team-en/okrs.md", "team-ru/okrs.md", "team-en/more.md"]


def test_sniffing_rejects_okrlints_own_docs_rules_and_schemas() -> None:
    """The hardest case: files that talk about OKRs, quote them in code, or have OKR keys deep inside."""
    from okrlint.parsing import detect_format

    root = Path(__file__).resolve().parents[1]
    files = [root / "README.md", root / "corpus" / "README.md", root / "corpus" / "LABELS.md",
             *(root / "rules").glob("*.yaml"), *(root / "okrlint" / "schema").glob("*.json"),
             *(root / "corpus" / "documents").glob("*.expect.json"), *(root / "tests" / "data" / "schemas").iterdir()]
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not holds_okrs(text, detect_format(path.name, text), str(path)), path


@pytest.mark.parametrize("text", [
    "# Q3 2026\n\n## Make the brand loved\n- Raise NPS from 30 to 50\n",
    "# OKR маркетинга\n\n## Сделать бренд любимым\n- Поднять NPS с 30 до 50\n",
    "## Objectives\n\n### Make the brand loved\n- Raise NPS from 30 to 50\n",
    "Цель: Сделать бренд любимым\n- Поднять NPS с 30 до 50\n",
    "O1 — Make the brand loved\nKR1: Raise NPS from 30 to 50\n",
    "| Тип OKR | Цель | Ключевые результаты |\n|---|---|---|\n| A | Стать лидером | Поднять NPS |\n",
    "> **Objective:** Make the brand loved\n",
])
def test_sniffing_accepts_each_kind_of_outline_mark(text: str) -> None:
    assert holds_okrs(text, "markdown")
    quoted = "```markdown\n" + text + "```\n"  # the same inside a code block is an example, not OKRs
    assert not holds_okrs(quoted, "markdown")


@pytest.mark.parametrize(("text", "fmt", "expected"), [
    ("objectives:\n  - objective: Grow\n", "yaml", True),
    ("- objective: Grow\n  key_results: [a]\n", "yaml", True),
    ("- цель: Расти\n", "yaml", True),
    ("period: Q3\nobjective: Grow\nkey_results: [a]\n", "yaml", True),
    ("- objective: [broken\n", "yaml", True),  # does not load: the parser reports the syntax error
    ('[{"objective": "Grow",]', "json", True),
    ('{"compilerOptions": {"strict": true,}, // the objective: speed\n}', "json", False),  # tsconfig with comments
    ("examples:\n  - text: x\n    objective: Grow\n", "yaml", False),  # OKR keys only deep inside
    ("name: demo\nversion: 1\n", "yaml", False),
    ('{"objectives": [{"objective": "Grow"}]}', "json", True),
    ('[{"objective": "Grow", "key_results": []}]', "json", True),
    ('{"title": "report", "properties": {"objective": {"type": "string"}}}', "json", False),
    ('{"findings": [], "note": "objective 1 has a period"}', "json", False),
])
def test_sniffing_structured_files_reads_the_top_level_shape(text: str, fmt: str, expected: bool) -> None:
    assert holds_okrs(text, fmt) is expected


@pytest.mark.parametrize("text, okrs", [
    ("# OKR-план\n\n## 3 квартал 2026\n\nкакой-то текст\n", True),
    ("## Quarter 2 plan\n\n- something\n", True),
    ("## Writing score and quarter-end grades\n\nProse about grading.\n", False),
    ("### Квартальный отчёт\n\nТекст.\n", False),
])
def test_sniffing_counts_a_quarter_heading_only_with_its_number(text: str, okrs: bool) -> None:
    assert holds_okrs(text, "markdown") is okrs
