"""The classes the native review of blind round 6 named, each pinned by a test (paraphrased, not copied).

(1) a vague phrasal verb leaves no particle behind: "Work on the backlog" → "Reduce the backlog", not "Reduce on";
(2) a misspelled vague verb is still a verb: no KPI finding, and no rewrite that keeps the typo as a word;
(3) money spent to grow (ad spend, «расходы на рекламу») has no direction to guess: no «Снизить» rewrite;
(4) dropping a conditional hedge drops the condition's own words with it, or offers nothing.
"""

from __future__ import annotations

import pytest

from helpers import key_result_suggestions as _suggestions, lint_item, rules_of


@pytest.mark.parametrize("text,expected", [
    ("Work on the vulnerability backlog", "Reduce the vulnerability backlog from X to Y"),
    ("Focus on churn of annual plans", "Reduce churn of annual plans from X to Y"),
])
def test_a_phrasal_particle_goes_with_its_verb(text, expected):
    (suggestion,) = _suggestions(text)
    assert suggestion.startswith(expected)  # then the period the tiny document lacks


@pytest.mark.parametrize("text", ["Imrpove checkout conversion", "Improove the activation rate"])
def test_a_misspelled_vague_verb_is_a_verb(text):
    findings = lint_item(text)
    assert "vague-verb" in rules_of(findings)
    assert "kpi-wording" not in rules_of(findings)
    assert not any(text.split()[0].lower() in s.lower() for s in _suggestions(text))


@pytest.mark.parametrize("text", ["Оптимизировать расходы на рекламу", "Оптимизировать рекламный бюджет",
                                  "Optimize ad spend", "Optimise marketing spend"])
def test_growth_spend_gets_no_direction(text):
    assert "vague-verb" in rules_of(lint_item(text))
    assert _suggestions(text) == set()


@pytest.mark.parametrize("text", ["Оптимизировать расходы на облако", "Optimize cloud costs"])
def test_other_costs_still_go_down(text):
    assert any(s.startswith(("Снизить", "Reduce")) for s in _suggestions(text))


# The native review of blind rounds 7 and 8 (same session): an owner tag closing the line stays whole, and a
# baseline the writer gave in words with its unit ("from nine business days to five") or for a past period in
# brackets ("(Q4: 38)") is not asked for again.

@pytest.mark.parametrize("text,expected", [
    ("Конверсия звонка в запись — 22% [Ольга, колл-центр]", "Конверсия звонка в запись — 22% (сейчас X%) [Ольга, колл-центр]"),
    ("Reach a 35% offer acceptance rate among final-round candidates [Priya]",
     "Reach a 35% offer acceptance rate among final-round candidates (currently X%) [Priya]"),
])
def test_the_baseline_note_stays_out_of_an_owner_tag(text, expected):
    assert _suggestions(text) == {expected}


@pytest.mark.parametrize("text", ["Cut average visa letter turnaround from eight business days to four",
                                  "1,500 kids finish the summer reading challenge (last summer: 1,100)",
                                  "Missed callbacks cut in half (Q4: 52)"])
def test_a_baseline_in_words_or_for_a_past_period_is_a_baseline(text):
    assert "missing-baseline" not in rules_of(lint_item(text))


# The final native review of the session (blind round 9, published round 5): a class letter after its noun is no
# conjunction, a closing emoji stays at the end, a hedge between a metric and its number or inside brackets has no
# safe fix, users who "try" a product are no hedge, and testing new things gets no invented rate.

@pytest.mark.parametrize("text,expected", [
    ("Обеспечить 98% наличие товаров группы А", "Обеспечить 98% наличие товаров группы А (сейчас X%)"),
    ("Retention D7 ≥ 30% 🎯", "Retention D7 ≥ 30% (currently X%) 🎯"),
])
def test_the_note_keeps_a_class_letter_and_a_closing_emoji(text, expected):
    assert _suggestions(text) == {expected}


@pytest.mark.parametrize("text", ["Grow Invisalign starts — hopefully 30+ this quarter",
                                  "Recommender in one more market (possibly Brazil)"])
def test_no_safe_fix_that_strands_a_number_or_promises_a_detail(text):
    assert not any(f.fix is not None and f.fix.applicability == "safe" for f in lint_item(text))


def test_users_who_try_a_product_are_no_hedge():
    text = "More mobile developers will hear about and try our CLI"
    assert "hedging" not in rules_of(lint_item(text))


def test_testing_new_things_gets_no_invented_rate():
    assert not any("CTR" in s for s in _suggestions("Протестировать 40 новых креативов в VK"))


def test_a_share_of_another_metric_is_not_rewritten_as_the_metric():
    # blind round 10: «Выручка от доставки — 8% от выручки…» became «Увеличить выручку от доставки от выручки…»
    suggestions = _suggestions("Выручка от самовывоза — 12% от выручки этих кофеен к концу марта")
    assert not any(s.startswith(("Увеличить", "Повысить", "Снизить")) for s in suggestions)


def test_the_english_head_noun_decides_the_direction():
    # blind round 11: "Payment failure recovery rate" became "Reduce …" — "failure" is not the metric, "recovery" is
    assert any(s.startswith("Increase") for s in _suggestions("Card payment failure recovery rate"))
    assert any(s.startswith("Reduce") for s in _suggestions("Payment failure rate"))


def test_a_period_word_inside_the_metric_phrase_stays_there():
    # blind round 11: «NPS жителей по ежеквартальному опросу — 35» became «… по опросу с X до 35 ежеквартальному»
    suggestions = _suggestions("CSAT арендаторов по ежеквартальному опросу — 4,5")
    assert suggestions and all("по ежеквартальному опросу" in s for s in suggestions)


def test_no_verb_swap_when_the_number_measures_a_following_clause():
    # blind round 12: "Enhance severe-weather coverage so viewers get warnings 5 minutes earlier" → "Increase coverage"
    assert not any(s.startswith("Increase") for s in
                   _suggestions("Enhance storm coverage so listeners get alerts 10 minutes earlier than today"))


def test_poltora_is_a_number():
    # blind round 12: «вырастут в полтора раза» was read as a key result with no number
    assert "missing-number" not in rules_of(lint_item("Продажи через партнёров вырастут в полтора раза"))
