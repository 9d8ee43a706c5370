"""Work in proportion to what changed: the per-process analysis cache, the dates-grammar gate, batched tagging."""

from __future__ import annotations

from typing import Any

import pytest

import okrlint
from okrlint import analysis
from okrlint.analysis import english, russian, timeexpr

DOC = """# Q3 2026

## Цель: Сделать бренд любимым выбором молодых родителей

- Снизить процент отказов на целевых страницах с 65% до 45%
- Повысить удержание клиентов до 68%
- Провести 10 вебинаров

## Objective: Make onboarding effortless

- Cut time to first value from 10 to 5 minutes
- Improve onboarding
"""


@pytest.fixture
def analyzed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts that really went through the analysers (cache misses), in order."""
    seen: list[str] = []
    real = analysis._analyze

    def spy(texts: Any, langs: Any) -> Any:
        seen.extend(texts)
        return real(texts, langs)

    monkeypatch.setattr(analysis, "_analyze", spy)
    analysis.clear_cache()
    return seen


def test_an_edit_reanalyzes_only_the_changed_item(analyzed: list[str]) -> None:
    first = okrlint.lint_text(DOC, filename="okrs.md")
    assert "Провести 10 вебинаров" in analyzed and "Improve onboarding" in analyzed
    analyzed.clear()
    edited = DOC.replace("Провести 10 вебинаров", "Провести 12 вебинаров")
    second = okrlint.lint_text(edited, filename="okrs.md")
    assert "Провести 12 вебинаров" in analyzed
    unchanged = [line[2:] for line in DOC.splitlines() if line.startswith("- ") and "вебинаров" not in line]
    assert not set(unchanged) & set(analyzed)
    assert "Improve onboarding" not in analyzed and "Make onboarding effortless" not in analyzed
    # set-level and per-item results are the same as a lint from scratch
    analysis.clear_cache()
    assert second.to_dict() == okrlint.lint_text(edited, filename="okrs.md").to_dict()
    assert [f.rule for f in first.findings] == [f.rule for f in second.findings]


def test_the_same_text_gives_the_same_analysis_object(analyzed: list[str]) -> None:
    one = analysis.analyze(["Grow revenue by 10%", "Рост выручки"], ["en", "ru"])
    two = analysis.analyze(["Рост выручки", "Grow revenue by 10%", "Grow revenue by 10%"], ["ru", "en", "en"])
    assert two[1] is one[0] and two[2] is one[0] and two[0] is one[1]
    assert analyzed == ["Grow revenue by 10%", "Рост выручки"]
    assert analysis.analyze(["Grow revenue by 10%"], ["ru"])[0] is not one[0]  # keyed by language too


def test_the_cache_is_bounded(analyzed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "CACHE_SIZE", 3)
    texts = [f"Grow revenue by {n}%" for n in range(6)]
    results = analysis.analyze(texts, ["en"] * 6)  # a batch larger than the cache is still answered whole
    assert [a.text for a in results] == texts
    analysis.analyze(["Cut costs by 5%"], ["en"])
    assert len(analysis._recent) == 3
    analyzed.clear()
    analysis.analyze([texts[-1], texts[0]], ["en", "en"])
    assert analyzed == [texts[0]]  # the oldest was dropped, the newest kept


@pytest.mark.parametrize("text, expected", [
    ("к 1 июля", True), ("до 01.07.2026", True), ("в мае 2026", True), ("к 15 марта 2026 года", True),
    ("Провести 10 вебинаров", False), ("Увеличить конверсию до 4%", False), ("Запустить рассылку в марте", False),
    ("Выпустить версию 2.0 к концу квартала", False), ("Рост выручки", False),
])
def test_dates_grammar_gate(text: str, expected: bool) -> None:
    assert timeexpr.may_hold_date(text) is expected


def test_dates_grammar_runs_only_where_it_can_find_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = timeexpr._dates_extractor()

    def extractor(text: str) -> Any:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(timeexpr, "_dates_extractor", lambda: extractor)
    assert timeexpr.find_times("Провести 10 вебинаров", "ru") == []
    assert calls == []
    found = timeexpr.find_times("Запустить продукт к 1 июля", "ru")
    assert calls == ["Запустить продукт к 1 июля"]
    assert [(t.text, t.kind) for t in found] == [("1 июля", "bound")]


def test_russian_items_are_tagged_in_one_batched_call(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger, parser = russian._models()
    assert tagger.batch_size == parser.batch_size == russian.BATCH_SIZE
    chunks: list[int] = []
    real_infer = tagger.infer

    class CountingInfer:
        def __call__(self, chunk: Any) -> Any:
            chunk = list(chunk)
            chunks.append(len(chunk))
            return real_infer(chunk)

        def __getattr__(self, name: str) -> Any:
            return getattr(real_infer, name)

    monkeypatch.setattr(tagger, "infer", CountingInfer())
    analysis.clear_cache()
    texts = [f"Привлечь {n} новых клиентов из регионов" for n in range(100)]
    analysis.analyze(texts, ["ru"] * len(texts))
    assert sum(chunks) == 100 and len(chunks) == -(-100 // russian.BATCH_SIZE)


def test_english_tags_are_unchanged_by_the_linear_pass() -> None:
    doc = analysis.analyze_text("Improve onboarding, write 5 posts and cut churn to 2%", "en").doc
    assert [(t.text, t.pos_, t.lemma_) for t in doc if t.pos_ in ("VERB", "NOUN")] == [
        ("Improve", "VERB", "improve"), ("onboarding", "NOUN", "onboarding"), ("write", "VERB", "write"),
        ("posts", "NOUN", "post"), ("cut", "VERB", "cut"), ("churn", "NOUN", "churn")]
    long_text = ", ".join(["grow revenue"] * 2000)  # thousands of tokens: one pass, not a scan per token
    long_doc = english.annotate([analysis._blank("en")(long_text)])[0]
    assert sum(t.pos_ == "VERB" for t in long_doc) == 2000


def test_the_cache_survives_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(analysis, "CACHE_SIZE", 5)
    analysis.clear_cache()
    problems: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for n in range(40):
                texts = [f"Grow revenue by {(n + offset + k) % 12}%" for k in range(4)]
                assert [a.text for a in analysis.analyze(texts, ["en"] * 4)] == texts
        except BaseException as exc:  # noqa: BLE001 - reported below
            problems.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not problems
    assert len(analysis._recent) <= 5
