"""The Python API and its JSON contract; exact spans on awkward text; suppression; configuration."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrlint
from okrlint.config import Config

RU = "## Цель: Сделать наш бренд любимым выбором\n- Запустить рекламную кампанию\n- Улучшить качество контента\n"


def position_of(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, with CRLF, CR and LF line ends."""
    text = source[:offset].replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def assert_exact(report: okrlint.Report, source: str) -> None:
    for finding in report.findings:
        start, end = finding.range.start, finding.range.end
        flagged = source[start.offset:end.offset]
        assert flagged and flagged in finding.item.text or finding.item.kind in ("period", "document")
        assert (start.line, start.column) == position_of(source, start.offset)
        assert (end.line, end.column) == position_of(source, end.offset)
        item = finding.item.range
        if item is not None:
            assert source[item.start.offset:item.end.offset] == finding.item.text


def test_json_contract():
    report = okrlint.lint_text(RU, filename="okrs.md")
    data = json.loads(report.to_json())
    assert data["version"] == 1 and data["errors"] == []
    (file,) = data["files"]
    assert file["path"] == "okrs.md" and file["language"] == "ru"
    finding = next(f for f in file["findings"] if f["rule"] == "task-key-result")
    assert finding["severity"] == "error"
    assert finding["item"] == {"kind": "key_result", "text": "Запустить рекламную кампанию", "path": [0, 0],
                               "objective": "Сделать наш бренд любимым выбором", "range": finding["item"]["range"]}
    assert finding["range"]["start"] == {"line": 2, "column": 3, "offset": 45}
    assert finding["range"]["end"] == {"line": 2, "column": 12, "offset": 54}
    assert finding["suggestions"][0]["text"].startswith("Получить N лидов из рекламной кампании")
    assert finding["suggestions"][0]["placeholders"] == ["N"]
    assert finding["fix"]["applicability"] == "unsafe" and finding["fix"]["edits"]


def test_spans_are_exact_on_crlf_tabs_emoji_and_combining_characters():
    source = ("# Q3 2026\r\n## Цель:\tСделать бренд 👍🏽 любимым выбором\r\n"
              "-\tПровести 10 вебинаров\r\n- Попробовать запустить TikTok-канал 🚀\r\n"
              "- Улучшить качество контента и\u0306\r\n")
    report = okrlint.lint_text(source, filename="okrs.md")
    assert {"task-key-result", "hedging", "vague-verb"} <= {f.rule for f in report.findings}
    assert_exact(report, source)


def test_structured_objectives_and_config():
    objectives = [{"objective": "Become the go-to tool for small teams",
                   "key_results": ["Improve onboarding", "Hold 10 webinars", {"text": "Cut churn from 3% to 2%", "owner": "kim"}]}]
    report = okrlint.lint_objectives(objectives)
    rules = {f.rule for f in report.findings}
    assert {"vague-verb", "task-key-result", "missing-deadline"} <= rules
    only = okrlint.lint_objectives(objectives, config=Config(select=frozenset({"vague-verb"})))
    assert {f.rule for f in only.findings} == {"vague-verb"}
    quiet = okrlint.lint_objectives(objectives, config=Config(ignore=frozenset({"vague-verb"}),
                                                              severity={"task-key-result": "info"}))
    assert "vague-verb" not in {f.rule for f in quiet.findings}
    assert {f.severity for f in quiet.findings if f.rule == "task-key-result"} == {"info"}


def test_locale_forces_message_language():
    report = okrlint.lint_text("## Objective: Delight teams\n- Improve onboarding\n", filename="x.md",
                               config=Config(locale="ru"))
    message = next(f.message for f in report.findings if f.rule == "vague-verb")
    assert "не говорит" in message


def test_inline_suppression():
    source = ("## Цель: Сделать бренд любимым\n"
              "- Провести 10 вебинаров <!-- okrlint: ignore[task-key-result] -->\n"
              "<!-- okrlint-disable hedging -->\n- Попробовать запустить TikTok-канал\n<!-- okrlint-enable -->\n"
              "- Попробовать запустить канал в Telegram\n")
    report = okrlint.lint_text(source, filename="x.md")
    fired = [(f.rule, f.item.text) for f in report.findings]
    assert ("task-key-result", "Провести 10 вебинаров") not in fired
    assert ("hedging", "Попробовать запустить TikTok-канал") not in fired
    assert ("hedging", "Попробовать запустить канал в Telegram") in fired


def test_bad_input_is_an_error_entry_not_an_exception(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(RU, encoding="utf-8")
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    report = okrlint.lint_paths([str(good), str(broken), str(tmp_path / "missing.md")])
    assert [f.path for f in report.files] == [str(good)]
    assert {e.path for e in report.errors} == {str(broken), str(tmp_path / "missing.md")}


KRS = ["Провести 10 вебинаров", "Улучшить качество контента", "Попробовать запустить TikTok-канал 🎉",
       "Снизить отказы с 65% до 45%", "Improve onboarding", "Hold 10 webinars", "Cut churn by 20%",
       "Количество заявок в месяц", "Увеличить трафик на 40% за год", "Maintain 99.9% uptime"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    krs=st.lists(st.sampled_from(KRS), min_size=1, max_size=6),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    indent=st.sampled_from(["- ", "-\t", "  * ", "1. "]),
    prefix=st.text(alphabet="👍🏽é\u0306 \tя", max_size=3),
)
def test_every_finding_slices_back_to_its_text(krs, newline, indent, prefix):
    source = f"## Цель: {prefix}Сделать бренд любимым выбором{newline}" + "".join(f"{indent}{kr}{newline}" for kr in krs)
    report = okrlint.lint_text(source, filename="okrs.md")
    assert not report.errors
    assert_exact(report, source)


def test_a_period_marker_inside_a_heading_applies_below():
    source = "# OKR маркетинга — 3 квартал 2026\n## Цель: Стать лидером среди молодых родителей\n- Получить 1000 лидов\n"
    report = okrlint.lint_text(source, filename="okrs.md")
    assert "missing-deadline" not in {f.rule for f in report.findings}
    plain = okrlint.lint_text(source.replace("— 3 квартал 2026", ""), filename="okrs.md")
    assert "missing-deadline" in {f.rule for f in plain.findings}


def test_key_results_of_an_untitled_objective_are_kept():
    report = okrlint.lint_objectives([{"objective": "", "key_results": ["Провести 10 вебинаров"]},
                                      {"objective": "Grow", "key_results": ["Hold 10 webinars"]}])
    paths = {(f.rule, tuple(f.item.path)) for f in report.findings}
    assert ("task-key-result", (0, 0)) in paths and ("task-key-result", (1, 0)) in paths
    assert not any(path == (0,) for _, path in paths)  # nothing to judge in an untitled objective


def test_a_folder_walk_skips_files_without_okrs_but_a_named_one_is_an_error(tmp_path):
    (tmp_path / "okrs.md").write_text(RU, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes\n\nJust prose here.\n", encoding="utf-8")
    walked = okrlint.lint_paths([str(tmp_path)])
    assert not walked.errors and len(walked.files) == 1
    named = okrlint.lint_paths([str(tmp_path / "README.md")])
    assert named.errors and "no objectives" in named.errors[0].message


def test_a_huge_file_is_reported_not_linted(tmp_path):
    from okrlint.api import MAX_BYTES

    huge = tmp_path / "huge.md"
    line = "- Провести 10 вебинаров\n"
    huge.write_text("## Цель: Стать лидером\n" + line * (MAX_BYTES // len(line.encode()) + 10), encoding="utf-8")
    small = tmp_path / "small.md"
    small.write_text(RU, encoding="utf-8")
    report = okrlint.lint_paths([str(huge), str(small)])
    assert [e.path for e in report.errors] == [str(huge)] and "too large" in report.errors[0].message
    assert [f.path for f in report.files] == [str(small)]


def test_arbitrary_input_never_raises():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(text=st.text(alphabet=st.sampled_from(list("- #|:;,\"'\n\r\t{}[]<>!@%0123456789QКвxyzЦельKR\u0306👍")), max_size=200),
           name=st.sampled_from(["a.md", "a.yaml", "a.json", "a.csv", "a.tsv", "a.txt"]))
    def run(text, name):
        report = okrlint.lint_text(text, filename=name)
        assert report.errors or report.files

    run()
