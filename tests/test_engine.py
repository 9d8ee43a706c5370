"""The rule engine: rule-file validation, suppression of every rule, configurable knobs."""

from __future__ import annotations

from pathlib import Path

import pytest

import okrlint
from okrlint.config import Config
from okrlint.engine import RuleFileError, example_document, lint_documents, load_rule_file, load_rules, rules_dir
from okrlint.model import Suppression

RULES = load_rules()


def _copy_rule(tmp_path: Path, rule_id: str, edit) -> Path:
    text = (rules_dir() / f"{rule_id}.yaml").read_text(encoding="utf-8")
    path = tmp_path / f"{rule_id}.yaml"
    path.write_text(edit(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("edit,expected", [
    (lambda t: t.replace("check: hedge", "check: no-such-check"), "hedging.yaml: check: unknown check"),
    (lambda t: t.replace("severity: error", "severity: fatal"), "hedging.yaml: severity.key_result"),
    (lambda t: t.replace("applies_to: [key_result, objective]", "applies_to: [kr]"), "hedging.yaml: applies_to"),
    (lambda t: t.replace('span: "Попробовать"', 'span: "Попытка"'), "hedging.yaml: examples.bad[0].span"),
    (lambda t: t.replace("  ru: \"«{match}» — это оговорка", "  de: \"«{match}» — это оговорка"), "hedging.yaml: message.ru"),
    (lambda t: t + "\n  - [unclosed", "hedging.yaml: invalid YAML"),
    (lambda t: t.replace("chance: [получиться, удаться]", 'chance: ["@nothing"]'), "hedging.yaml: lexicon.ru.chance"),
])
def test_a_broken_rule_file_is_named_with_its_field(tmp_path, edit, expected):
    path = _copy_rule(tmp_path, "hedging", edit)
    with pytest.raises(RuleFileError) as error:
        load_rule_file(path, {"change": {"ru": ["увеличить"], "en": ["increase"]}})
    assert str(error.value).startswith(expected)


def test_the_rules_ship_as_package_data():
    rule_files = [p for p in rules_dir().glob("*.yaml") if not p.name.startswith("_")]
    assert rules_dir().name == "rules" and len(rule_files) == len(RULES) >= 13
    assert "увеличить" in RULES[[r.id for r in RULES].index("missing-baseline")].words("ru", "direction")  # @change


BAD = [(rule.id, next(e for e in rule.examples if e.bad)) for rule in RULES]


@pytest.mark.parametrize("rule_id,example", BAD, ids=[r for r, _ in BAD])
def test_every_rule_can_be_suppressed_inline(rule_id, example):
    document, _ = example_document(example)
    assert rule_id in {f.rule for f in lint_documents([document])[0].findings}
    document.suppressions.append(Suppression(frozenset({rule_id}), 0, len(document.source)))
    assert rule_id not in {f.rule for f in lint_documents([document])[0].findings}


def test_key_result_bounds_and_objective_limit_are_configurable():
    objectives = [{"objective": "Стать лидером рынка в этом квартале",
                   "key_results": ["Получить 1000 лидов", "Повысить NPS с 30 до 45"]}]
    assert "key-result-count" in {f.rule for f in okrlint.lint_objectives(objectives).findings}
    relaxed = Config(options={"key-result-count": {"min": 2, "max": 5}})
    assert "key-result-count" not in {f.rule for f in okrlint.lint_objectives(objectives, config=relaxed).findings}
    source = "# Q3 2026\n" + "".join(f"## Цель: Сделать продукт {n} любимым\n- Получить 1000 лидов\n" for n in "абвг")
    assert "objective-count" in {f.rule for f in okrlint.lint_text(source, filename="x.md").findings}
    wider = Config(options={"objective-count": {"max": 4}})
    assert "objective-count" not in {f.rule for f in okrlint.lint_text(source, filename="x.md", config=wider).findings}


def test_extra_lexicon_words_from_config():
    objectives = [{"objective": "Сделать продукт любимым в этом квартале", "key_results": ["Прокачать онбординг", "Polish the onboarding"]}]
    before = okrlint.lint_objectives(objectives)
    # «прокачать» ships in the lexicon already; "polish" does not.
    assert {f.item.text for f in before.findings if f.rule == "vague-verb"} == {"Прокачать онбординг"}
    config = Config(extra_words={"vague-verb": {"ru": ["прокачать"], "en": ["polish"]}})
    after = okrlint.lint_objectives(objectives, config=config)
    flagged = {f.item.text for f in after.findings if f.rule == "vague-verb"}
    assert flagged == {"Прокачать онбординг", "Polish the onboarding"}


@pytest.mark.parametrize("value,percent", [("100%", 100.0), ("70 %", 70.0), (1.0, 100.0), (0.7, 70.0), (100, 100.0),
                                           ("0,95", 95.0), ("1", 100.0), ("готово", None), (None, None)])
def test_progress_values_read_as_percentages(value, percent):
    from okrlint.checks import _percent

    assert _percent(value) == percent


def test_owners_and_progress_from_a_spreadsheet_export():
    source = ("Цель;Ключевой результат;Ответственный;Прогресс\n"
              "Стать лидером в 3 квартале;Получить 1000 лидов;Анна;100%\n"
              ";Снизить стоимость лида с 400 до 300 ₽;;40%\n"
              ";Повысить NPS с 30 до 45;Борис;70%\n")
    report = okrlint.lint_text(source, filename="okrs.csv")
    fired = {(f.rule, f.item.text) for f in report.findings}
    assert ("target-reached", "Получить 1000 лидов") in fired
    assert ("missing-owner", "Снизить стоимость лида с 400 до 300 ₽") in fired
    assert not any(rule in ("target-reached", "missing-owner") and text.startswith("Повысить") for rule, text in fired)


def test_too_many_objectives_under_a_period_named_in_prose_point_at_the_fourth() -> None:
    """An intro sentence is no heading to point at: the first objective over the limit carries the finding."""
    objectives = "".join(f"Цель {n}. Цель номер {n}\nKR{n}.1 Доля повторных записей — с 46% до 60%\n" for n in range(1, 5))
    report = okrlint.lint_text("Скидываю черновик OKR сети на 4 квартал.\n\n" + objectives, filename="chat.txt")
    found = [f for f in report.findings if f.rule == "objective-count"]
    assert [f.item.text for f in found] == ["Цель номер 4"]
