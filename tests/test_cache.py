"""The result cache (``.okrlint_cache``) and ``--jobs``: same results as without them, never a crash.

The rest of the suite runs with the cache off (``OKRLINT_NO_CACHE`` in conftest.py); the tests here
turn it on, always in temporary folders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import okrlint
from okrlint.cache import FOLDER_NAME, CacheError, ResultCache, clean, config_fingerprint, default_dir
from okrlint.config import Config
from okrlint.findings import FileReport

EXAMPLES = Path(okrlint.__file__).parent / "examples"
RU = (EXAMPLES / "marketing-ru.md").read_text(encoding="utf-8")
EN = (EXAMPLES / "product-en.md").read_text(encoding="utf-8")
NLP = ("spacy", "natasha", "pymorphy3", "slovnet", "lemminflect")


@pytest.fixture
def cache_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The cache switched on for this test (and its subprocesses), kept in a temporary folder."""
    monkeypatch.delenv("OKRLINT_NO_CACHE", raising=False)
    folder = tmp_path / "cache"
    monkeypatch.setenv("OKRLINT_CACHE_DIR", str(folder))
    return folder


def run_cli(*args: str, cwd: Path) -> tuple[int, str, list[str]]:
    """Run the CLI in a fresh interpreter; also return which NLP libraries that process imported."""
    code = (
        "import sys, json\n"
        "from okrlint.cli import main\n"
        f"rc = main({list(args)!r})\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({NLP!r}))\n"
        "sys.stderr.write('\\nLOADED=' + json.dumps(loaded) + '\\n')\n"
        "sys.exit(rc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300,
                          encoding="utf-8")
    loaded = json.loads(done.stderr.rsplit("LOADED=", 1)[1])
    return done.returncode, done.stdout, loaded


def write_tree(root: Path, count: int = 3) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        for name, text in (("ru", RU), ("en", EN)):
            path = root / f"{name}-{n}.md"
            path.write_text(text + f"\n<!-- copy {n} -->\n", encoding="utf-8")
            paths.append(path)
    return paths


class TestCachedRuns:
    """Whole CLI runs with the cache on: a second run reads every report and loads no NLP library."""

    def test_full_hit_imports_no_nlp_and_prints_the_same(self, cache_on: Path, tmp_path: Path) -> None:
        write_tree(tmp_path / "okrs")
        uncached = run_cli("--no-cache", "--format", "json", "--fail-on", "never", "okrs", cwd=tmp_path)
        first = run_cli("--format", "json", "--fail-on", "never", "okrs", cwd=tmp_path)
        second = run_cli("--format", "json", "--fail-on", "never", "okrs", cwd=tmp_path)
        assert uncached[0] == first[0] == second[0] == 0
        assert "spacy" in first[2] and "slovnet" in first[2]  # the misses were analyzed (natasha's models, via slovnet)
        assert second[2] == []  # every file hit: spaCy, natasha, pymorphy3 never imported
        assert json.loads(second[1]) == json.loads(first[1]) == json.loads(uncached[1])
        assert json.loads(second[1])["files"][0]["findings"]
        assert len(list((cache_on / "results").rglob("*.json"))) == 6

    def test_an_item_over_the_limit_is_still_an_error_when_the_report_is_cached(self, cache_on: Path,
                                                                                 tmp_path: Path) -> None:
        from okrlint.limits import MAX_ITEM_CHARS

        long_kr = "grow revenue " * (MAX_ITEM_CHARS // 12 + 10)
        (tmp_path / "okrs.md").write_text(f"## Objective: Grow revenue\n- Improve onboarding\n- {long_kr}\n",
                                          encoding="utf-8")
        first = run_cli("--format", "json", "okrs.md", cwd=tmp_path)
        second = run_cli("--format", "json", "okrs.md", cwd=tmp_path)
        assert second[2] == []  # the report came from the cache
        assert first[0] == second[0] == 2  # the input error is reported both times
        assert json.loads(second[1])["errors"] == json.loads(first[1])["errors"] != []

    def test_a_full_hit_on_markdown_reads_no_yaml_and_no_package_metadata(self, cache_on: Path,
                                                                          tmp_path: Path) -> None:
        write_tree(tmp_path / "okrs", count=1)
        code = ("import sys\nfrom okrlint.cli import main\nrc = main(['--fail-on', 'never', 'okrs'])\n"
                "print(sorted(m for m in ('yaml', 'importlib.metadata', 'spacy') if m in sys.modules))\n")
        runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                               check=True).stdout.strip().splitlines()[-1] for _ in range(2)]
        assert "spacy" in runs[0]  # the first run linted
        assert runs[1] == "[]"  # the second read every report from the cache, and needed neither

    def test_text_output_and_exit_code_from_the_cache(self, cache_on: Path, tmp_path: Path) -> None:
        (tmp_path / "okrs.md").write_text(RU, encoding="utf-8")
        first = run_cli("okrs.md", cwd=tmp_path)
        second = run_cli("okrs.md", cwd=tmp_path)
        assert first[0] == second[0] == 1
        assert first[1] == second[1] and "hedging" in second[1]
        assert second[2] == []

    def test_one_changed_file_is_the_only_miss(self, cache_on: Path, tmp_path: Path) -> None:
        paths = write_tree(tmp_path, count=1)
        cache = ResultCache(cache_on)
        okrlint.lint_paths([str(p) for p in paths], cache=cache)
        paths[1].write_text(EN.replace("Improve onboarding", "Polish onboarding"), encoding="utf-8")
        cache = ResultCache(cache_on)
        report = okrlint.lint_paths([str(p) for p in paths], cache=cache)
        assert (cache.hits, cache.misses) == (1, 1)
        assert report.to_dict() == okrlint.lint_paths([str(p) for p in paths]).to_dict()


class TestResultCache:
    def test_round_trip_rebuilds_the_dataclasses(self, tmp_path: Path) -> None:
        report = okrlint.lint_text(RU, filename="okrs.md").files[0]
        assert any(f.suggestions for f in report.findings)
        cache = ResultCache(tmp_path)
        key = cache.key(RU, "okrs.md", Config())
        cache.put(key, report)
        again = cache.get(key, "okrs.md", RU)
        assert isinstance(again, FileReport)
        assert again == report  # findings, ranges, item refs, suggestions, languages
        assert again.findings[0].range.start.offset == report.findings[0].range.start.offset

    def test_key_follows_text_name_and_config(self) -> None:
        cache = ResultCache("unused")
        base = cache.key(RU, "a/okrs.md", Config())
        assert base == cache.key(RU, "b/OKRS.md", Config())  # same content and format elsewhere: reused
        assert base != cache.key(RU + " ", "a/okrs.md", Config())
        assert base != cache.key(RU, "a/okrs.yaml", Config())  # the name picks the parser
        assert base != cache.key(RU, "a/okrs.md", Config(severity={"hedging": "info"}))
        assert base != cache.key(RU, "a/okrs.md", Config(options={"key-result-count": {"max": 4}}))
        assert base != cache.key(RU, "a/okrs.md", Config(lang="ru"))
        assert base == cache.key(RU, "a/okrs.md", Config(source="elsewhere/.okrlint.toml"))

    def test_config_fingerprint_is_deterministic(self) -> None:
        one = Config(select=frozenset({"hedging", "vague-verb", "missing-number"}),
                     extra_words={"vague-verb": {"ru": ["прокачать"], "en": ["polish"]}})
        two = Config(select=frozenset({"missing-number", "vague-verb", "hedging"}),
                     extra_words={"vague-verb": {"en": ["polish"], "ru": ["прокачать"]}})
        assert config_fingerprint(one) == config_fingerprint(two)

    def test_rule_files_are_part_of_the_key(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import okrlint.cache as cache_module

        before = ResultCache("unused").key(RU, "okrs.md", Config())
        monkeypatch.setattr(cache_module, "rules_fingerprint", lambda: "edited rules")
        assert ResultCache("unused").key(RU, "okrs.md", Config()) != before

    @pytest.mark.parametrize("content", [
        "", "{", "not json at all \x00", "[]", '{"format": 1, "key": "someone else", "report": {}}',
        '{"format": 1, "key": "KEY", "report": {"language": "ru", "findings": [{"rule": 3}]}}',
        '{"format": 999, "key": "KEY", "report": {"language": "ru", "findings": []}}',
        "[" * 100_000, b"\xff\xfe garbage".decode("latin-1"),
    ])
    def test_corrupt_or_foreign_entries_are_misses_and_get_rewritten(self, tmp_path: Path, content: str) -> None:
        cache = ResultCache(tmp_path / "c")
        path = tmp_path / "okrs.md"
        path.write_text(EN, encoding="utf-8")
        key = cache.key(EN, str(path), Config())
        entry = cache._entry(key)
        entry.parent.mkdir(parents=True)
        entry.write_text(content.replace("KEY", key), encoding="utf-8")
        report = okrlint.lint_paths([str(path)], cache=cache)
        assert (cache.hits, cache.misses) == (0, 1) and report.findings
        again = ResultCache(tmp_path / "c")
        assert okrlint.lint_paths([str(path)], cache=again).to_dict() == report.to_dict()
        assert again.hits == 1

    def test_an_unwritable_cache_folder_costs_only_the_cache(self, tmp_path: Path) -> None:
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder", encoding="utf-8")
        path = tmp_path / "okrs.md"
        path.write_text(EN, encoding="utf-8")
        report = okrlint.lint_paths([str(path)], cache=ResultCache(blocker / "cache"))
        assert report.findings and not report.errors

    def test_concurrent_writers_and_readers_never_see_half_an_entry(self, tmp_path: Path) -> None:
        report = okrlint.lint_text(RU, filename="okrs.md").files[0]
        cache = ResultCache(tmp_path)
        key = cache.key(RU, "okrs.md", Config())
        problems: list[BaseException] = []
        seen: list[bool] = []

        def writer() -> None:
            for _ in range(30):
                ResultCache(tmp_path).put(key, report)

        def reader() -> None:
            for _ in range(60):
                try:
                    got = ResultCache(tmp_path).get(key, "okrs.md", RU)
                    seen.append(got is not None)
                    assert got is None or got == report
                except BaseException as exc:  # noqa: BLE001 - collected and reported below
                    problems.append(exc)

        threads = [threading.Thread(target=writer) for _ in range(3)] + [threading.Thread(target=reader)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not problems
        assert cache.get(key, "okrs.md", RU) == report
        assert not [p for p in tmp_path.rglob(".tmp-*")]  # no temporary files left behind

    def test_stored_entries_are_plain_json(self, tmp_path: Path) -> None:
        report = okrlint.lint_text(EN, filename="okrs.md").files[0]
        cache = ResultCache(tmp_path / "new")
        key = cache.key(EN, "okrs.md", Config())
        cache.put(key, report)
        data = json.loads(cache._entry(key).read_text(encoding="utf-8"))
        assert data["key"] == key and "source" not in data["report"] and "path" not in data["report"]
        # a folder okrlint creates is ignored by git and tagged (only such a folder is removed by clean)
        assert (tmp_path / "new" / ".gitignore").read_text() == "*\n"
        assert (tmp_path / "new" / "CACHEDIR.TAG").is_file()


class TestWhereAndClean:
    def test_beside_the_config_file_else_the_current_folder(self, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("OKRLINT_CACHE_DIR", raising=False)
        config = tmp_path / "team" / ".okrlint.toml"
        config.parent.mkdir()
        config.write_text("", encoding="utf-8")
        assert default_dir(Config(source=str(config))) == tmp_path / "team" / FOLDER_NAME
        assert default_dir(Config(), cwd=tmp_path) == tmp_path / FOLDER_NAME
        monkeypatch.setenv("OKRLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
        assert default_dir(Config(source=str(config))) == tmp_path / "elsewhere"

    def test_cli_writes_beside_the_config_and_clean_removes_it(self, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
        from okrlint.cli import main

        monkeypatch.delenv("OKRLINT_NO_CACHE", raising=False)
        monkeypatch.delenv("OKRLINT_CACHE_DIR", raising=False)
        (tmp_path / ".okrlint.toml").write_text('ignore = ["long-horizon"]\n', encoding="utf-8")
        (tmp_path / "okrs").mkdir()
        (tmp_path / "okrs" / "q3.md").write_text(EN, encoding="utf-8")
        monkeypatch.chdir(tmp_path / "okrs")
        assert main(["--fail-on", "never", "q3.md"]) == 0
        assert (tmp_path / FOLDER_NAME / "results").is_dir()
        assert not (tmp_path / "okrs" / FOLDER_NAME).exists()
        assert main(["clean"]) == 0
        assert not (tmp_path / FOLDER_NAME).exists()
        assert main(["clean"]) == 0  # nothing to remove is not an error

    def test_no_cache_flag_writes_nothing(self, cache_on: Path, tmp_path: Path) -> None:
        from okrlint.cli import main

        (tmp_path / "okrs.md").write_text(EN, encoding="utf-8")
        assert main(["--no-cache", "--fail-on", "never", str(tmp_path / "okrs.md")]) == 0
        assert not cache_on.exists()
        assert main(["--cache-dir", str(tmp_path / "mine"), "--fail-on", "never", str(tmp_path / "okrs.md")]) == 0
        assert (tmp_path / "mine" / "results").is_dir() and not cache_on.exists()

    def test_clean_refuses_a_folder_that_is_not_a_cache(self, tmp_path: Path) -> None:
        from okrlint.cli import main

        precious = tmp_path / "precious"
        precious.mkdir()
        (precious / "notes.md").write_text("mine", encoding="utf-8")
        with pytest.raises(CacheError):
            clean(precious)
        assert main(["clean", "--cache-dir", str(precious)]) == 2
        assert (precious / "notes.md").is_file()


@pytest.fixture
def small_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers for a few small files (real runs need thousands of items before workers pay)."""
    from okrlint import parallel

    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_WORKER", 10)


class TestJobs:
    def test_how_many_workers(self, tmp_path: Path) -> None:
        from okrlint.parallel import MIN_ITEMS_PER_WORKER, workers_for
        from okrlint.parsing import parse

        small = [parse(EN, f"{n}.md") for n in range(20)]
        assert workers_for(small, 4) == 1  # 20 files but a few hundred items: the models' load would dominate
        items = "\n".join(f"- Grow signups from {n} to {n + 5}" for n in range(MIN_ITEMS_PER_WORKER // 8))
        big = [parse(f"## Objective: Grow\n{items}\n", f"{n}.md") for n in range(20)]
        assert workers_for(big, 4) == 2 and workers_for(big, 1) == 1 and workers_for(big[:7], 4) == 1

    @pytest.mark.usefixtures("small_workers")
    def test_workers_give_the_same_reports_in_the_same_order(self, tmp_path: Path) -> None:
        paths = [str(p) for p in write_tree(tmp_path, count=5)]  # 10 files: enough for two workers
        paths.append(str(tmp_path / "missing.md"))
        serial = okrlint.lint_paths(paths, jobs=1)
        parallel = okrlint.lint_paths(paths, jobs=2)
        assert [f.path for f in parallel.files] == paths[:-1]
        assert parallel.to_dict() == serial.to_dict()
        assert [f.source for f in parallel.files] == [f.source for f in serial.files]

    @pytest.mark.usefixtures("small_workers")
    def test_workers_really_run(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from okrlint import parallel

        calls: list[int] = []
        monkeypatch.setattr(parallel, "_split", lambda docs, workers: calls.append(workers) or [
            list(range(0, len(docs), 2)), list(range(1, len(docs), 2))])
        paths = [str(p) for p in write_tree(tmp_path, count=4)]
        report = okrlint.lint_paths(paths, jobs=2)
        assert calls == [2] and len(report.files) == 8

    def test_jobs_flag(self, tmp_path: Path) -> None:
        from okrlint.cli import main

        (tmp_path / "okrs.md").write_text(EN, encoding="utf-8")
        assert main(["--jobs", "3", "--fail-on", "never", str(tmp_path / "okrs.md")]) == 0
        assert main(["--jobs", "0", str(tmp_path / "okrs.md")]) == 2

    @pytest.mark.usefixtures("small_workers")
    def test_no_worker_processes_to_be_had_falls_back_to_this_process(self, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
        from okrlint import parallel

        def no_processes() -> Any:
            raise OSError("fork: resource temporarily unavailable")

        monkeypatch.setattr(parallel, "_context", no_processes)
        paths = [str(p) for p in write_tree(tmp_path, count=4)]
        assert okrlint.lint_paths(paths, jobs=2).to_dict() == okrlint.lint_paths(paths, jobs=1).to_dict()


class TestRegistry:
    def test_rule_ids_without_compiling_the_rules(self) -> None:
        from okrlint.engine import load_rules
        from okrlint.registry import rule_ids

        assert list(rule_ids()) == [rule.id for rule in load_rules()]

    def test_the_cli_checks_select_without_importing_spacy(self, tmp_path: Path) -> None:
        code = ("import sys\nfrom okrlint.cli import main\nrc = main(['--select', 'hedgin', 'x.md'])\n"
                "print(rc, 'spacy' in sys.modules)")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                              timeout=120)
        assert done.stdout.split() == ["2", "False"]
        assert "did you mean 'hedging'" in done.stderr

    def test_fingerprint_follows_the_bytes_of_the_rule_files(self, tmp_path: Path) -> None:
        from okrlint.registry import rule_files, rules_fingerprint

        for path in rule_files():
            (tmp_path / path.name).write_bytes(path.read_bytes())
        before = rules_fingerprint(str(tmp_path))
        assert before == rules_fingerprint(str(tmp_path))
        (tmp_path / "hedging.yaml").write_bytes((tmp_path / "hedging.yaml").read_bytes() + b"\n# edited\n")
        rules_fingerprint.cache_clear()
        assert rules_fingerprint(str(tmp_path)) != before
        (tmp_path / "_shared.yaml").write_bytes(b"{}\n")  # shared lexicons count too
        rules_fingerprint.cache_clear()
        assert rules_fingerprint(str(tmp_path)) not in (before,)

    def test_rule_summaries_match_the_engine_and_need_no_spacy(self, tmp_path: Path) -> None:
        from okrlint.engine import load_rules
        from okrlint.registry import rule_summaries

        light = {info.id: info for info in rule_summaries()}
        for rule in load_rules():
            info = light[rule.id]
            assert (info.applies_to, info.severity) == (rule.applies_to, rule.severity)
            assert info.summary == rule.summary and info.rationale == rule.rationale
        code = ("import sys\nfrom okrlint.cli import main\nrc = main(['rules', '--format', 'json'])\n"
                "sys.stderr.write(str('spacy' in sys.modules))")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                              timeout=120)
        assert done.stderr.strip() == "False"
        assert {r["id"] for r in json.loads(done.stdout)} == set(light)

    def test_a_cached_sarif_run_needs_no_spacy(self, cache_on: Path, tmp_path: Path) -> None:
        (tmp_path / "okrs.md").write_text(EN, encoding="utf-8")
        first = run_cli("--format", "sarif", "--fail-on", "never", "okrs.md", cwd=tmp_path)
        second = run_cli("--format", "sarif", "--fail-on", "never", "okrs.md", cwd=tmp_path)
        assert second[2] == [] and first[1] == second[1]
        driver = json.loads(second[1])["runs"][0]["tool"]["driver"]
        assert {"vague-verb", "hedging"} <= {rule["id"] for rule in driver["rules"]}


class TestPruning:
    def test_old_entries_go_when_a_new_one_is_stored(self, tmp_path: Path) -> None:
        report = okrlint.lint_text(EN, filename="okrs.md").files[0]
        old_cache = ResultCache(tmp_path)
        old_key = old_cache.key(EN, "old.md", Config())
        old_cache.put(old_key, report)
        fresh_key = old_cache.key(EN, "fresh.md", Config())
        old_cache.put(fresh_key, report)
        month_ago = time.time() - 31 * 24 * 3600
        os.utime(old_cache._entry(old_key), (month_ago, month_ago))
        cache = ResultCache(tmp_path)
        cache.put(cache.key(EN, "new.md", Config()), report)
        assert not old_cache._entry(old_key).exists()
        assert cache._entry(fresh_key).exists()
        assert cache.get(fresh_key, report.path, EN) == report
