"""Language analysis: language per item, lemmas of inflected forms, numbers and time expressions."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrlint.analysis import analyze, analyze_text, detect_language
from okrlint.analysis.quantities import find_quantities, has_baseline
from okrlint.analysis.timeexpr import find_times


@pytest.mark.parametrize("text,lang", [
    ("Привлечь 10 000 подписчиков в TikTok", "ru"),
    ("Снизить CAC в Google Ads", "ru"),
    ("CTR рекламной кампании", "ru"),
    ("NPS ≥ 60 по итогам опроса", "ru"),
    ("Grow paid pilots to 12 (сейчас 5)", "en"),
    ("Launch the TikTok channel", "en"),
    ("Ёлка", "ru"),
])
def test_language_per_item(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text,word,lemma,pos", [
    ("Улучшить качество контента", "Улучшить", "улучшить", "VERB"),
    ("улучшите воронку продаж", "улучшите", "улучшить", "VERB"),
    ("Провести 10 вебинаров", "вебинаров", "вебинар", "NOUN"),
    ("Написать 5 статей", "статей", "статья", "NOUN"),
    ("Улучшения продукта дают рост", "Улучшения", "улучшение", "NOUN"),
    ("Improved onboarding", "Improved", "improve", "VERB"),
    ("Hold 10 webinars", "webinars", "webinar", "NOUN"),
    ("Track KPIs weekly", "KPIs", "kpi", "NOUN"),
])
def test_lemmas_of_inflected_forms(text, word, lemma, pos):
    token = next(t for t in analyze_text(text).doc if t.text == word)
    assert (token.lemma_, token.pos_) == (lemma, pos)


@pytest.mark.parametrize("text,predicate", [
    ("Улучшить качество контента", "Улучшить"),
    ("улучшите воронку", "улучшите"),
    ("Улучшим качество контента", "Улучшим"),  # a finite verb is a predicate too (labels v2)
    ("Улучшения продукта", "Улучшения"),  # a noun of action heading the item
    ("Улучшения продукта дают рост NPS", "дают"),  # … unless a verb heads the sentence
    ("Improve the onboarding flow", "Improve"),
    ("Improved onboarding", "Improved"),
    ("Стать лидером рынка", "Стать"),
    ("Улучшенный баннер на главной", None),  # a participle used as an adjective is no predicate
])
def test_main_predicate_in_any_form(text, predicate):
    found = analyze_text(text).predicate
    assert (found.text if found is not None else None) == predicate


def test_russian_syntax_lands_on_spacy_doc():
    doc = analyze_text("Провести 10 вебинаров").doc
    assert doc[2].head.text == "Провести" and doc[2].dep_ == "obj"
    assert "Inf" in doc[0].morph.get("VerbForm")


def test_batch_keeps_order_and_languages():
    texts = ["Increase NPS from 30 to 45", "Увеличить NPS с 30 до 45", "", "  \t "]
    results = analyze(texts, ["en", "ru", "ru", "en"])
    assert [r.text for r in results] == texts
    assert results[1].doc[0].lemma_ == "увеличить" and results[0].doc[0].lemma_ == "increase"


@pytest.mark.parametrize("text,measures", [
    ("Привлечь 10 000 подписчиков", ["10 000"]),
    ("Увеличить конверсию до 4% (с текущих 2,8%)", ["4%", "2,8%"]),
    ("Сократить вдвое время ответа", ["вдвое"]),
    ("Увеличить выручку в два раза", ["в два раза"]),
    ("Вывести бренд в топ-3 по запросу", ["топ-3"]),
    ("Double weekly active teams", ["Double"]),
    ("Reach zero P1 incidents", ["zero"]),
    ("Sign 50+ new partners", ["50+"]),
    ("Grow MRR to $50k", ["$50k"]),
    ("Запустить V2 к Q3", []),
    ("Выпустить CRM 2.0 до 31 марта 2026", []),
    ("Сделать бренд узнаваемым среди родителей 25–40 лет", []),
    ("retention D30 — 25%", ["25%"]),
    ("Launch in Q3 2026", []),
])
def test_numbers_are_told_apart_from_identifiers(text, measures):
    assert [q.text for q in find_quantities(text) if q.measure] == measures


@given(verb=st.sampled_from(["Identify", "Cover", "Write plans for", "Interview", "Найти", "Подготовить планы для"]),
       prep=st.sampled_from(["in the", "across our", "among", "в", "среди"]),
       rank=st.sampled_from(["top 3", "top-10", "топ-5", "Top 20", "ТОП-50"]),
       noun=st.sampled_from(["reasons", "accounts", "languages", "магазинах", "клиентов"]))
def test_a_rank_counts_what_the_verb_acts_on_and_scopes_a_prepositional_phrase(verb, prep, rank, noun):
    """"Identify the top 3 reasons" counts three things; "Grow revenue in the top 50 accounts" only names a scope."""
    counted = find_quantities(f"{verb} {rank} {noun}")
    assert [q.text for q in counted if q.measure] == [rank]
    scoped = find_quantities(f"Grow revenue {prep} {rank} {noun}")
    assert [q.text for q in scoped if q.measure] == []


@pytest.mark.parametrize("text,expected", [
    ("Снизить отказы с 65% до 45%", True),
    ("Увеличить конверсию до 4% (с текущих 2,8%)", True),
    ("Grow paid pilots to 12 (сейчас 5)", True),
    ("Raise conversion from 3% to 7%", True),
    ("MRR: $50k → $80k", True),
    ("Увеличить трафик на 40%", False),
    ("Increase NPS to 60", False),
])
def test_baselines(text, expected):
    assert has_baseline(text) is expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Привлечь 10 000 подписчиков в TikTok за квартал", "ru", [("за квартал", "bound")]),
    ("Запустить новую функцию до конца квартала", "ru", [("до конца квартала", "bound")]),
    ("до конца 2 квартала", "ru", [("до конца 2 квартала", "bound")]),
    ("Сдать отчёт до 31 марта 2026 года", "ru", [("31 марта 2026 года", "bound")]),
    ("к 1 июля", "ru", [("1 июля", "bound")]),
    ("за два квартала", "ru", [("за два квартала", "long")]),
    ("за полгода", "ru", [("за полгода", "long")]),
    ("Увеличить удержание до 90% за год", "ru", [("за год", "long")]),
    ("Увеличить выручку год к году", "ru", []),
    ("500 заявок в месяц", "ru", []),
    ("Launch by end of Q2", "en", [("by end of Q2", "bound")]),
    ("by March 31", "en", [("by March 31", "bound")]),
    ("this quarter", "en", [("this quarter", "bound")]),
    ("Hit 1M downloads in H1", "en", [("H1", "long")]),
    ("Grow ARR 20% YoY", "en", []),
    ("by end of year", "en", [("by end of year", "long")]),
])
def test_time_expressions(text, lang, expected):
    assert [(t.text, t.kind) for t in find_times(text, lang)] == expected


def test_english_only_input_does_not_load_russian_models():
    code = (
        "import sys, okrlint\n"
        "okrlint.lint_text('## Objective: Delight teams\\n- Improve onboarding\\n- Cut churn from 3% to 2%\\n', filename='x.md')\n"
        "heavy = [m for m in ('natasha', 'slovnet', 'navec', 'pymorphy3') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"English-only run imported {out}"


@pytest.mark.parametrize("stage", ["Beta", "Alpha", "First", "Public"])
def test_a_stage_word_before_a_noun_of_action_leaves_the_act_as_the_predicate(stage: str) -> None:
    pred = analyze_text(f"{stage} release of the partner SDK", "en").pred
    assert pred is not None and pred.form == "noun" and pred.head.lower_ == "release" and "release" in pred.lemmas
