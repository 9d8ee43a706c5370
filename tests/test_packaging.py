"""What a user installs: the wheel's contents and metadata, ``python -m okrlint``, a cheap and typed
``import okrlint``, docstrings on the public API, the pre-commit hook definition."""

from __future__ import annotations

import email
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

import okrlint

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    # built from a clean copy: a stale build/ folder in the checkout would add files pyproject does not name
    source = tmp_path_factory.mktemp("source") / "okrlint"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__",
                                                                 ".okrlint_cache", ".pytest_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(source)],
                   check=True, capture_output=True)
    (built,) = folder.glob("okrlint-*.whl")
    return built


def test_wheel_ships_rules_schemas_examples_license_and_typing_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert {f"okrlint/rules/{name}" for name in rule_files} <= names
    assert {"okrlint/schema/report.schema.json", "okrlint/schema/config.schema.json"} <= names
    assert "okrlint/examples/marketing-ru.md" in names
    # the score weights (not a rule file, but data the wheel needs), the grade schema and the grade examples
    assert "okrlint/rules/_score.yaml" in names
    assert "okrlint/schema/grade.schema.json" in names
    assert {"okrlint/examples/quarter-end-ru.md", "okrlint/examples/quarter-end-en.yaml"} <= names
    assert "okrlint/py.typed" in names and "okrlint/__main__.py" in names
    assert any(re.fullmatch(r"okrlint-[^/]+\.dist-info/licenses/LICENSE", name) for name in names), names
    # every module of the source tree is in the wheel (a subpackage missing from pyproject's list is not)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "okrlint").rglob("*.py")}
    assert modules <= names, sorted(modules - names)


def test_wheel_metadata(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    meta = email.message_from_bytes(archive.read(meta_name))
    assert meta["License-Expression"] == "MIT" and meta["License-File"] == "LICENSE"
    assert "License" not in meta  # the deprecated free-text field
    classifiers = set(meta.get_all("Classifier"))
    for version in ("3.10", "3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert {"Operating System :: OS Independent", "Natural Language :: Russian", "Natural Language :: English",
            "Topic :: Text Processing :: Linguistic", "Typing :: Typed"} <= classifiers
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL"))
    assert urls["Homepage"].startswith("https://") and "Repository" in urls
    assert meta["Author"] or meta["Author-email"]
    assert "okr" in meta["Keywords"]
    assert "pathspec" in " ".join(meta.get_all("Requires-Dist"))
    assert "pip install okrlint" in meta.get_payload()  # the README is the long description


def test_license_file_is_mit() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text


def test_python_dash_m_okrlint(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text("## Objective: Grow\n- Improve onboarding\n", encoding="utf-8")
    version = subprocess.run([sys.executable, "-m", "okrlint", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("okrlint ")
    lint = subprocess.run([sys.executable, "-m", "okrlint", "--select", "vague-verb", "okrs.md"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert lint.returncode == 1 and "okrs.md:2:3: error vague-verb" in lint.stdout


def test_import_okrlint_stays_cheap() -> None:
    code = ("import sys, okrlint; heavy = [m for m in ('spacy', 'natasha', 'okrlint.engine', 'okrlint.api') "
            "if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_public_api_has_docstrings() -> None:
    for name in okrlint.__all__:
        if name == "__version__":
            continue
        value = getattr(okrlint, name)
        doc = value.__doc__ or ""
        assert doc.strip() and not doc.startswith(f"{name}("), f"okrlint.{name} has no docstring"


MYPY_SCRIPT = '''\
import okrlint


def rules_of(text: str) -> list[str]:
    report: okrlint.Report = okrlint.lint_text(text, filename="okrs.md")
    found: list[okrlint.Finding] = report.findings
    return [finding.rule for finding in found]


def count(objectives: list[dict[str, object]]) -> int:
    config = okrlint.Config(select=frozenset({"vague-verb"}))
    return len(okrlint.lint_objectives(objectives, config=config).findings)
'''


def test_mypy_strict_passes_on_a_script_using_the_public_api(tmp_path: Path) -> None:
    good = tmp_path / "use_okrlint.py"
    good.write_text(MYPY_SCRIPT, encoding="utf-8")
    wrong = tmp_path / "misuse_okrlint.py"  # proves the names are typed, not Any
    wrong.write_text("import okrlint\n\n\ndef f() -> int:\n    return okrlint.lint_text('x')\n", encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT)}  # the source tree, as an editable install is not visible to mypy
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
               "--cache-dir", str(tmp_path / ".mypy_cache")]
    result = subprocess.run([*command, str(good)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run([*command, str(wrong)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 1 and 'got "Report", expected "int"' in result.stdout, result.stdout


def test_eval_outside_a_source_checkout_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from okrlint import eval as evaluation
    from okrlint.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(evaluation, "__file__", str(tmp_path / "site-packages" / "okrlint" / "eval.py"))
    assert main(["eval"]) == 2
    err = capsys.readouterr().err
    assert "needs a source checkout" in err and "Traceback" not in err


def test_pre_commit_hook_passes_only_okr_formats() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "okrlint" and hook["language"] == "python"
    assert "--only-okr-files" in hook["entry"].split()
    assert "types_or" not in hook and "text" not in hook.get("types", [])
    files = re.compile(hook["files"])
    for name in ("okrs.md", "team/q3.yaml", "q.yml", "okrs.json", "sheet.csv", "sheet.tsv", "notes.txt"):
        assert files.search(name), name
    for name in ("app.py", "index.ts", "pyproject.toml", "Dockerfile", "setup.cfg", "md.py", "image.png"):
        assert not files.search(name), name
