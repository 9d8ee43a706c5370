"""Quarter-end grading (`okrlint grade`): every source of a grade, types, directions, bad data, every output."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.cli import main
from okrlint.grade import (
    DATA_ERRORS,
    FileGrade,
    band,
    flag,
    grade_document,
    parse_fraction,
    text_baseline_target,
)
from okrlint.parsing import from_structured
from okrlint.grade_report import render_grades
from okrlint.parsing import parse


def grade(text: str, filename: str, default_type: str = "aspirational") -> FileGrade:
    return grade_document(parse(text, filename), default_type)


def krs(result: FileGrade) -> dict[str, tuple[float | None, str | None]]:
    return {kr.text: (None if kr.value is None else round(kr.value, 4), kr.source)
            for o in result.objectives for kr in o.key_results}


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def schema() -> dict:
    return json.loads(resources.files("okrlint.schema").joinpath("grade.schema.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- sources of a grade, per format

CSV_RU = """\
Цель;Ключевой результат;Ответственный;Прогресс
Сделать поддержку самой быстрой;Сократить время ответа с 15 до 10 секунд;Анна;70%
;Снизить процент отказов с 65% до 45%;Борис;0,3
;Повысить NPS с 30 до 45;Вера;25
;Привлечь 500 участников вебинаров;Глеб;
"""

CSV_EN = """\
Objective,Key result,Owner,Baseline,Target,Current,Grade,Weight
Win the mid-market,Grow ARR from 1.0M to 1.3M,Kim,1.0M,1.3M,1.15M,,
,Cut churn,Lee,3%,2%,2.5%,,2
,Raise NPS,Ana,40,50,48,0.6,
,Reach 90% CSAT,Bo,,90,85,,
"""


def test_progress_column_in_a_russian_csv() -> None:
    result = grade(CSV_RU, "okrs.csv")
    assert result.language == "ru"
    assert krs(result) == {
        "Сократить время ответа с 15 до 10 секунд": (0.7, "progress"),
        "Снизить процент отказов с 65% до 45%": (0.3, "progress"),  # 0,3: a fraction with a decimal comma
        "Повысить NPS с 30 до 45": (0.25, "progress"),  # 25 without %: a percentage
        "Привлечь 500 участников вебинаров": (None, None),
    }
    last = result.objectives[0].key_results[-1]
    assert last.reason is not None and last.reason.code == "no-data"
    assert result.objectives[0].value == pytest.approx((0.7 + 0.3 + 0.25) / 3)


def test_structured_fields_grade_and_weight_in_an_english_csv() -> None:
    result = grade(CSV_EN, "okrs.csv")
    assert result.language == "en"
    got = krs(result)
    assert got["Grow ARR from 1.0M to 1.3M"] == (0.5, "computed")  # 1.0M → 1.3M, now 1.15M
    assert got["Cut churn"] == (0.5, "computed")  # a reduce target: 3% → 2%, now 2.5%
    assert got["Raise NPS"] == (0.6, "grade")  # the team's own grade wins over 40 → 50, now 48 (0.8)
    reach = result.objectives[0].key_results[3]
    assert reach.value is None and reach.reason.code == "no-baseline"
    # weights: Cut churn counts twice
    assert result.objectives[0].value == pytest.approx((0.5 + 0.5 * 2 + 0.6) / 4)


def test_yaml_progress_grade_and_computed_fields() -> None:
    text = """\
- objective: Become the default choice for design agencies
  key_results:
    - {text: Sign 40 agencies, baseline: 0, target: 40, current: 30}
    - {text: Reach 1000 workspaces, progress: 0.7}
    - {text: Grow referrals, grade: 30%}
    - {text: Win 5 awards, progress: 1}
    - {text: Cut onboarding time, baseline: 10, target: 4, current: 7}
    - {text: Launch the partner program}
"""
    got = krs(grade(text, "okrs.yaml"))
    assert got == {
        "Sign 40 agencies": (0.75, "computed"),
        "Reach 1000 workspaces": (0.7, "progress"),
        "Grow referrals": (0.3, "grade"),
        "Win 5 awards": (1.0, "progress"),  # numbers up to 1 are fractions
        "Cut onboarding time": (0.5, "computed"),
        "Launch the partner program": (None, None),
    }


def test_json_input() -> None:
    text = json.dumps({"objectives": [{"objective": "Стать любимым брендом родителей", "type": "амбициозный",
                                       "key_results": [{"text": "Повысить узнаваемость с 12% до 20%", "current": 16},
                                                       {"text": "Получить 300 упоминаний", "прогресс": "45%"}]}]},
                      ensure_ascii=False)
    result = grade(text, "okrs.json")
    assert krs(result) == {"Повысить узнаваемость с 12% до 20%": (0.5, "computed"),  # baseline and target from the text
                           "Получить 300 упоминаний": (0.45, "progress")}
    assert result.objectives[0].type == "aspirational" and result.objectives[0].marked


def test_markdown_table_with_progress_grade_and_weight_columns() -> None:
    text = """\
| Тип OKR | Цель | Ключевой результат | Прогресс | Оценка | Вес |
|---|---|---|---|---|---|
| Приоритетный | Сделать поддержку быстрой | Сократить время ответа с 15 до 10 секунд | 100% | | |
| | | Снизить процент отказов с 65% до 45% | 60% | | 3 |
| Амбициозный | Стать лидером среди молодых родителей | Привлечь 10 000 подписчиков | 40% | 0,7 | |
"""
    result = grade(text, "okrs.md")
    assert krs(result) == {
        "Сократить время ответа с 15 до 10 секунд": (1.0, "progress"),
        "Снизить процент отказов с 65% до 45%": (0.6, "progress"),
        "Привлечь 10 000 подписчиков": (0.7, "grade"),
    }
    first, second = result.objectives
    assert (first.type, second.type) == ("committed", "aspirational")
    assert first.value == pytest.approx((1.0 + 0.6 * 3) / 4)


def test_markdown_outline_with_progress_lines() -> None:
    text = """\
# Q3 2026

## Objective: Make onboarding effortless
- Raise week-1 activation from 32% to 45%
  Progress: 80%
- Cut time to first report from 3 days to 1 day
  Current value: 2
- Write the onboarding guide
"""
    got = krs(grade(text, "okrs.md"))
    assert got["Raise week-1 activation from 32% to 45%"] == (0.8, "progress")
    assert got["Cut time to first report from 3 days to 1 day"] == (0.5, "computed")  # from the text, reduce
    assert got["Write the onboarding guide"] == (None, None)


def test_russian_outline_with_progress_and_current_value_lines() -> None:
    text = """\
# 3 квартал 2026

## Цель: Стать любимым брендом родителей (амбициозный)
- Повысить узнаваемость с 12% до 20%
  Прогресс: 100%
- Сократить время ответа с 15 до 10 секунд
  Текущее значение: 12
"""
    result = grade(text, "okrs.md")
    assert result.language == "ru"
    assert krs(result) == {"Повысить узнаваемость с 12% до 20%": (1.0, "progress"),
                           "Сократить время ответа с 15 до 10 секунд": (0.6, "computed")}
    (objective,) = result.objectives
    assert objective.marked and objective.key_results[0].flag == "sandbagging"


def test_objective_level_progress_when_no_key_result_is_graded() -> None:
    text = "| Objective | Key results | Progress |\n|---|---|---|\n| Ship the mobile app | Reach 10k installs<br>Keep 4.5 stars | 65% |\n"
    result = grade(text, "okrs.md")
    (objective,) = result.objectives
    assert objective.value == pytest.approx(0.65) and objective.source == "progress"
    assert all(kr.value is None for kr in objective.key_results)


def test_objective_weights_in_the_set_grade_and_zero_weights() -> None:
    text = """\
- objective: A
  weight: 3
  key_results: [{text: a1, progress: 100%}]
- objective: B
  key_results: [{text: b1, progress: 0%}]
- objective: C
  key_results: [{text: c1, progress: 40%, weight: 0}, {text: c2, progress: 80%, weight: 0}]
"""
    result = grade(text, "okrs.yaml")
    a, b, c = result.objectives
    assert (a.weight, b.weight) == (3, 1)
    assert c.value == pytest.approx(0.6)  # every weight 0: equal weights
    assert result.value == pytest.approx((1.0 * 3 + 0.0 + 0.6) / 5)


def test_a_bad_objective_weight_names_the_objective(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text("- objective: Grow\n  weight: heavy\n  key_results: [{text: k, progress: 50%}]\n", encoding="utf-8")
    code, out, err = run(["grade", str(path)])
    assert code == 2
    assert f"{path}: line 1: weight: weight «heavy» is not a number (objective «Grow»)" in err
    assert "50%" in out  # the key result is still graded


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = EXAMPLE_EN.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(["grade", "-", "--format", "json"])
    assert code == 0
    assert json.loads(out)["files"][0]["path"] == "-" and json.loads(out)["files"][0]["grade"] == pytest.approx(0.8143, abs=1e-4)


# ---------------------------------------------------------------- directions, clamping, numbers


@pytest.mark.parametrize(
    ("baseline", "target", "current", "expected"),
    [
        (65, 45, 55, 0.5),  # reduce, half way
        (65, 45, 40, 1.0),  # reduce, beyond the target: clamped
        (65, 45, 70, 0.0),  # reduce, got worse: clamped
        (3, 7, 5, 0.5),  # increase
        (3, 7, 9, 1.0),
        (3, 7, 2, 0.0),
        ("2,8%", "4%", "3,4%", 0.5),
        ("10 000", "20 000", "15 000", 0.5),
    ],
)
def test_computed_grade_is_direction_aware_and_clamped(baseline, target, current, expected) -> None:
    text = f"- objective: O\n  key_results:\n    - {{text: KR, baseline: '{baseline}', target: '{target}', current: '{current}'}}\n"
    assert krs(grade(text, "okrs.yaml"))["KR"] == (expected, "computed")


def test_text_baseline_and_target() -> None:
    assert text_baseline_target("Снизить процент отказов с 65% до 45%") == (65, 45)
    assert text_baseline_target("Увеличить конверсию с 2,8% до 4%") == (2.8, 4)
    assert text_baseline_target("Сократить время ответа с 15 до 10 секунд") == (15, 10)
    assert text_baseline_target("Grow ARR from $1,000 to $1,300") == (1000, 1300)
    assert text_baseline_target("Cut time to first report from 3 days to 1 day") == (3, 1)
    assert text_baseline_target("Привлечь 10 000 подписчиков") is None


@pytest.mark.parametrize(("value", "expected"), [(0.7, 0.7), ("70%", 0.7), ("70", 0.7), ("0,7", 0.7), (1, 1.0),
                                                 ("100 %", 1.0), (0, 0.0), ("0%", 0.0)])
def test_progress_values(value, expected) -> None:
    assert parse_fraction(value, "progress") == pytest.approx(expected)


@pytest.mark.parametrize(("value", "expected"), [(0.0, "red"), (0.29, "red"), (0.3, "amber"), (0.69, "amber"),
                                                 (0.7, "green"), (1.0, "green"), (None, None)])
def test_bands_as_the_article_has_them(value, expected) -> None:
    assert band(value) == expected


def test_shown_percentages_and_bars_never_cross_a_band_edge() -> None:
    from okrlint.grade_report import bar, pct

    assert (pct(0.6999), band(0.6999)) == ("69%", "amber")
    assert (pct(0.7), pct(0.2999), pct(1.0), pct(None)) == ("70%", "29%", "100%", "—")
    assert bar(0.6999).count("█") == 13 and bar(0.7).count("█") == 14 and bar(None) == "·" * 20


def test_flags_depend_on_the_okr_type() -> None:
    assert flag(1.0, "aspirational") == "sandbagging"
    assert flag(0.99, "aspirational") is None
    assert flag(1.0, "committed") is None
    assert flag(0.99, "committed") == "missed-commitment"
    assert flag(None, "committed") is None


_values = st.one_of(
    st.none(), st.booleans(), st.integers(-1000, 1000), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["70%", "0,5", "250%", "1.3M", "10 000", "−5", "$40", "около 5", "1e3"]),
)


@settings(max_examples=150)
@given(fields=st.lists(st.fixed_dictionaries({}, optional={k: _values for k in (
    "progress", "grade", "baseline", "target", "current", "weight")}), min_size=1, max_size=4),
       kr_text=st.sampled_from(["Снизить отказы с 65% до 45%", "Grow ARR from 1 to 2", "Reach 5 stars"]))
def test_any_field_values_grade_or_explain_never_crash(fields: list[dict], kr_text: str) -> None:
    data = [{"objective": "Win", "key_results": [{"text": kr_text, **f} for f in fields]}]
    result = grade_document(from_structured(data))
    for objective in result.objectives:
        assert objective.value is None or 0 <= objective.value <= 1
        for kr in objective.key_results:
            assert (kr.value is None) != (kr.reason is None)
            assert kr.value is None or 0 <= kr.value <= 1
    assert all(p.reason.code in DATA_ERRORS for p in result.problems)
    bad = [kr for o in result.objectives for kr in o.key_results if kr.reason and kr.reason.code in DATA_ERRORS]
    assert len(bad) == len(result.problems)
    for fmt in ("text", "json", "markdown", "html"):
        from okrlint.grade import GradeReport

        assert render_grades(GradeReport([result]), fmt)


# ---------------------------------------------------------------- both OKR types

TYPED = """\
Тип OKR;Цель;Ключевой результат;Прогресс
Приоритетный;Сделать поддержку быстрой;Сократить время ответа с 15 до 10 секунд;100%
;;Снизить процент отказов с 65% до 45%;80%
Амбициозный;Стать лидером среди молодых родителей;Привлечь 10 000 подписчиков;100%
;;Вывести бренд в топ-3;70%
;Сделать бренд узнаваемым;Получить 300 упоминаний в СМИ;100%
"""


def test_committed_expects_100_and_aspirational_flags_it() -> None:
    result = grade(TYPED, "okrs.csv")
    committed, aspirational, unmarked = result.objectives
    assert committed.type == "committed" and committed.marked
    assert [kr.flag for kr in committed.key_results] == [None, "missed-commitment"]
    assert committed.flag == "missed-commitment"  # 0.9 < 1.0
    assert aspirational.type == "aspirational"
    assert [kr.flag for kr in aspirational.key_results] == ["sandbagging", None]
    assert aspirational.flag is None  # 0.85
    assert unmarked.type == "aspirational" and not unmarked.marked  # the article's wording by default
    assert unmarked.key_results[0].flag == "sandbagging"


def test_default_type_committed_changes_only_unmarked_okrs() -> None:
    result = grade(TYPED, "okrs.csv", default_type="committed")
    committed, aspirational, unmarked = result.objectives
    assert unmarked.type == "committed" and unmarked.key_results[0].flag is None
    assert aspirational.key_results[0].flag == "sandbagging"  # a marked type is kept


def test_cli_default_type_option(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_text(TYPED, encoding="utf-8")
    _, default, _ = run(["grade", str(path), "--format", "json"])
    _, committed, _ = run(["grade", str(path), "--format", "json", "--default-type", "committed"])
    pick = lambda out: json.loads(out)["files"][0]["objectives"][2]["key_results"][0]["flag"]  # noqa: E731
    assert (pick(default), pick(committed)) == ("sandbagging", None)
    assert json.loads(committed)["default_type"] == "committed"


# ---------------------------------------------------------------- bad data

BAD_CSV = """\
Objective,Key result,Baseline,Target,Current,Progress,Weight
Win the mid-market,Grow ARR from 1.0M to 1.3M,5,5,6,,
,Raise NPS,,,,250%,
,Cut churn,3,2,about 2.5,,
,Sign 20 customers,,,,50%,
,Reach 90% CSAT,,,,60%,-1
"""


def test_bad_data_is_reported_and_the_other_key_results_are_graded() -> None:
    result = grade(BAD_CSV, "bad.csv")
    codes = {p.item: (p.line, p.reason.code, p.reason.field) for p in result.problems}
    assert codes == {
        "Grow ARR from 1.0M to 1.3M": (2, "target-equals-baseline", "target"),
        "Raise NPS": (3, "out-of-range", "progress"),
        "Cut churn": (4, "not-a-number", "current"),
        "Reach 90% CSAT": (6, "bad-weight", "weight"),
    }
    assert krs(result)["Sign 20 customers"] == (0.5, "progress")
    assert result.objectives[0].value == pytest.approx(0.5)


def test_bad_data_on_the_command_line_exit_2_naming_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(CSV_RU, encoding="utf-8")
    code, out, err = run(["grade", str(bad), str(good)])
    assert code == 2
    lines = err.splitlines()
    assert f"okrlint: {bad}: line 2: target: target equals baseline (5): nothing to measure progress against" in lines[0]
    assert any(f"{bad}: line 3: progress: progress 250% is outside 0–100%" in line for line in lines)
    assert any(f"{bad}: line 4: current: current «about 2.5» is not a number" in line for line in lines)
    assert any(f"{bad}: line 6: weight:" in line for line in lines)
    assert "Traceback" not in err
    assert "Sign 20 customers" in out and "50%" in out  # still graded
    assert f"{good}:" in out and "70%" in out  # the other file too


def test_unreadable_and_non_okr_inputs_are_exit_2_and_the_rest_is_graded(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(CSV_RU, encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, out, err = run(["grade", str(tmp_path / "missing.md"), str(broken), str(good)])
    assert code == 2
    assert "missing.md: no such file or directory" in err and f"{broken}: JSON error" in err
    assert "70%" in out


def test_clean_run_is_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "okrs.csv"
    path.write_text(CSV_RU, encoding="utf-8")
    code, _, err = run(["grade", str(path)])
    assert code == 0 and err == ""


# ---------------------------------------------------------------- outputs

EXAMPLE_RU = resources.files("okrlint.examples").joinpath("quarter-end-ru.md")
EXAMPLE_EN = resources.files("okrlint.examples").joinpath("quarter-end-en.yaml")


def test_text_output_has_a_bar_per_key_result_and_colour_only_when_asked(tmp_path: Path) -> None:
    code, out, _ = run(["grade", str(EXAMPLE_RU)])
    assert code == 0 and "\x1b[" not in out  # not a terminal
    assert "██████████████░░░░░░  70%  Привлечь 10 000 подписчиков в TikTok с ROI выше 2  (прогресс)" in out
    assert "оценка набора 58% (жёлтая)" in out
    assert "⚑ слишком безопасно" in out and "⚑ приоритетный, меньше 100%" in out
    assert "не оценён: нет ни оценки, ни прогресса, ни текущего значения" in out
    _, coloured, _ = run(["grade", str(EXAMPLE_RU), "--color", "always"])
    assert "\x1b[32m██████████████░░░░░░\x1b[0m" in coloured  # green
    _, english, _ = run(["grade", str(EXAMPLE_RU), "--locale", "en"])
    assert "set grade 58% (amber)" in english and "⚑ too safe" in english


def test_json_output_validates_against_its_schema() -> None:
    code, out, _ = run(["grade", "--format", "json", str(EXAMPLE_RU), str(EXAMPLE_EN)])
    data = json.loads(out)
    jsonschema.Draft202012Validator(schema()).validate(data)
    en = data["files"][1]
    sign = en["objectives"][1]["key_results"][0]
    assert sign["source"] == "computed" and sign["inputs"] == {"baseline": 0, "target": 40, "current": 29}
    assert sign["weight"] == 2 and sign["grade"] == pytest.approx(29 / 40)


def test_json_schema_validates_problems_and_rejects_a_grade_above_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    data = json.loads(run(["grade", "--format", "json", str(bad)])[1])
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert {p["field"] for p in data["files"][0]["problems"]} == {"target", "progress", "current", "weight"}
    data["files"][0]["objectives"][0]["key_results"][3]["grade"] = 2.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(data)


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    nxt = text.find("\n### ", start + len(heading))
    return text[start: nxt if nxt >= 0 else len(text)]


def test_markdown_table_and_retrospective_in_russian() -> None:
    _, out, _ = run(["grade", "--format", "markdown", str(EXAMPLE_RU)])
    assert "| Цель | Ключевой результат | Оценка | Зона | Источник |" in out
    assert "| | Получить 300 упоминаний в СМИ | 25% | 🔴 красная | прогресс |" in out
    assert "| **Сделать поддержку самой быстрой в нашей нише** (приоритетный) | | **78%** |" in out
    worked = _section(out, "### Что сработало?")
    failed = _section(out, "### Что не сработало?")
    why = _section(out, "### Почему?")
    assert "Привлечь 10 000 подписчиков в TikTok с ROI выше 2 — 70%" in worked
    assert "Снизить процент отказов" not in worked  # committed and below 100%: not a success
    assert "Получить 300 упоминаний в СМИ — 25%" in failed
    assert "Снизить процент отказов на целевых страницах с 65% до 45% — 80% ⚑ приоритетный, меньше 100%" in failed
    assert "Вывести бренд в топ-3 по запросу «умный термос» в Яндексе и Google — 100% ⚑ слишком безопасно" in why


def test_markdown_in_english_escapes_pipes(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text("- objective: Ship A|B tests\n  key_results:\n    - {text: Run 10 A|B tests, progress: 10%}\n",
                    encoding="utf-8")
    _, out, _ = run(["grade", "--format", "markdown", str(path)])
    assert "### What worked?" in out and "### What did not work?" in out and "### Why?" in out
    assert "| | Run 10 A\\|B tests | 10% | 🔴 red | progress |" in out
    assert "- Run 10 A\\|B tests — 10%" in _section(out, "### What did not work?")


def test_html_is_one_self_contained_page_in_the_files_language(tmp_path: Path) -> None:
    _, page, _ = run(["grade", "--format", "html", str(EXAMPLE_RU)])
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ru">' in page
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert not re.search(r"(?:src|href)\s*=", page) and "http://" not in page and "https://" not in page
    assert "url(" not in page and "@import" not in page
    assert page.count("<svg") == 1 + 3 + 9  # the set, three objectives, nine key results
    assert '<rect width="112.0" height="12" rx="3" fill="#2f9e44"/>' in page  # 70% of 160 px, green
    assert "@media print" in page and "Ретроспектива" in page and "Что не сработало?" in page
    _, english, _ = run(["grade", "--format", "html", str(EXAMPLE_EN)])
    assert '<html lang="en">' in english and "What worked?" in english


def test_html_escapes_the_users_text(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text('- objective: "<script>alert(1)</script>"\n  key_results:\n    - {text: "A & <b>B</b>", progress: 50%}\n',
                    encoding="utf-8")
    _, page, _ = run(["grade", "--format", "html", str(path)])
    assert "<script>" not in page and "&lt;script&gt;" in page and "A &amp; &lt;b&gt;B&lt;/b&gt;" in page


def test_render_grades_rejects_an_unknown_format() -> None:
    from okrlint.grade import GradeReport

    with pytest.raises(ValueError):
        render_grades(GradeReport(), "pdf")
