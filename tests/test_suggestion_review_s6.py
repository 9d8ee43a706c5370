"""Classes the native reviews of session 6 named (blind rounds 21–25), each pinned by a test (paraphrased).

(1) a hedge's condition with its own words («…, если успеем найти тренера») is no safe drop: no suggestion turns
    the plan into a promise;
(2) a stretch after a committed target goes with its softener («до 24 часов, по возможности — в день заказа»);
(3) an optional extra after a softener ("…, potentially with automated scoring") is neither promised nor dropped;
(4) an appositive keeps its closing comma when the hedge after it goes;
(5) a range is one target: the baseline note follows "1.5–1.7 days", never splits it;
(6) the writer's own comparative («не дороже 450 ₽») keeps its words: a note, not «Снизить … не дороже с X до …»;
(7) an artefact named by a plural the tagger took for a verb ("Jira bug templates") gets no direction from a word
    inside it ("bug"): no "Reduce Jira bug templates";
(8) round 23: a stretch joined by "and" goes whole ("…, and if possible to 8"); recipients counted ("sent to 3
    proofreaders") need no start;
(9) round 24: a stretch after a dash goes with its softener ("below £18 — potentially lower if …"); a contracted
    subject goes with its hedge ("We're aiming to sign up" → "Sign up"); a leading condition that holds a deadline
    stays; a number in words («половина всех записей») keeps its phrase: no «с X до половина»;
(10) round 25: the range goes before the means of the change («с X до Y за счёт …»).
"""

from __future__ import annotations

import pytest

from helpers import key_result_suggestions as _suggestions, lint_item, rules_of


def test_a_condition_with_its_own_words_gets_no_suggestion():
    text = "Постараемся запустить онлайн-группу по Valorant, если успеем найти тренера"
    assert "hedging" in rules_of(lint_item(text))
    assert not any("Valorant" in s and "тренера" not in s for s in _suggestions(text))


def test_a_stretch_goes_with_its_softener():
    text = "Сократить срок доставки по Москве до 24 часов, по возможности — в день заказа"
    assert _suggestions(text) == {"Сократить срок доставки по Москве до 24 часов (сейчас X)"}


def test_an_optional_extra_is_not_made_a_promise():
    text = "Time-lapse incubator validated and in clinical use, potentially with automated embryo scoring"
    assert "hedging" in rules_of(lint_item(text))
    assert not any(s.endswith("in clinical use with automated embryo scoring") for s in _suggestions(text))


def test_an_appositive_keeps_its_comma():
    text = "Launching Noticias del Valle, our Spanish-language evening bulletin, hopefully with 1,500 weekly listeners"
    assert all("evening bulletin, with 1,500" in s for s in _suggestions(text))


def test_a_range_is_one_target():
    text = "Reducing average delivery time to 1.5–1.7 days"
    assert _suggestions(text) == {"Reducing average delivery time to 1.5–1.7 days (currently X)"}


def test_the_writers_comparative_stays():
    assert _suggestions("Стоимость заявки из рекламы не дороже 450 ₽") == {"Стоимость заявки из рекламы не дороже 450 ₽ (сейчас X ₽)"}


def test_a_word_inside_an_artefacts_name_gives_no_direction():
    text = "Enhancing Jira bug templates so reports are clearer for devs"
    assert "vague-verb" in rules_of(lint_item(text))
    assert not any(s.startswith(("Reduce", "Increase")) for s in _suggestions(text))


def test_a_stretch_joined_by_and_goes_whole():
    """The sealed round 23 review: "…, and if possible to 8" lost its hedge and left "and 8" dangling."""
    text = "Cut the wait for assistance on arrival from 18 to 10 minutes, and if possible to 8"
    assert not any(s.endswith(("and 8", ", and")) for s in _suggestions(text))


def test_recipients_counted_need_no_start():
    text = "Rulebook v3 finished, laid out and sent to 3 outside proofreaders"
    assert "missing-baseline" not in rules_of(lint_item(text))
    assert not any("(currently X)" in s for s in _suggestions(text))


def test_a_stretch_after_a_dash_goes_with_its_softener():
    """Round 24: "below £18 — potentially lower if …" lost only its hedge and read "below £18 lower if …"; the
    session-8 review judged dropping the stretch with its condition harmful: a stretch with a condition of its own
    gets no suggestion, a bare one ("— potentially lower") still goes with its softener."""
    assert _suggestions("Get TikTok CAC below £18 — potentially lower if the Feb creative refresh lands") == set()
    assert _suggestions("Get TikTok CAC below £18 — potentially lower") == {"Get TikTok CAC below £18 (currently £X)"}


def test_a_contracted_subject_goes_with_its_hedge():
    """Round 24: "We're aiming to sign up 500 …" became "We're sign up 500 …" (a safe fix)."""
    assert _suggestions("We're aiming to sign up 500 new digital-only cardholders") == {
        "Sign up 500 new digital-only cardholders"}


def test_a_condition_holding_a_deadline_stays():
    """Round 24: «Если успеем до ввода корпуса — закрыть …» lost its condition and the deadline in it."""
    assert not any(s.startswith("Закрыть") for s in _suggestions("Если успеем до ввода корпуса — закрыть все 6 блоков на 7-м этаже"))


def test_a_number_in_words_keeps_its_phrase():
    """Round 24: «Доля онлайн-записей — половина всех записей» became «… всех записей с X до половина»."""
    assert not any("до половина" in s for s in _suggestions("Доля онлайн-записей — половина всех записей"))


def test_the_range_goes_before_the_means():
    """Round 25 (awkward): «… за счёт новой программы маршрутизации с X до Y» read as the programme's range."""
    assert all(s.startswith("Снизить расходы на топливо с X до Y за счёт")
               for s in _suggestions("Надеемся снизить расходы на топливо за счёт новой программы маршрутизации"))



# Session 7, round 26 review: a softener that bends a date, a condition on money or on time left, and an adjective
# the writer declined correctly are not safe to change.
@pytest.mark.parametrize("text", [
    "Запустить тариф «Семейный», по возможности до 15 февраля",
    "Довести NPS до 60, по возможности к марту",
    "Trying to get the glycol chiller serviced before the spring seasonal, if budget allows",
    "We'll try to get the shop refresh out if there's time left after S4",
])
def test_no_safe_drop_of_a_softened_date_or_a_real_condition(text: str) -> None:
    findings = [f for f in lint_item(text) if f.rule == "hedging"]
    assert findings, text
    assert all(f.fix is None or f.fix.applicability != "safe" for f in findings), text
    tail = text.rsplit(",", 1)[-1].split()[-1] if "," in text else "S4"
    assert all(tail in s for s in _suggestions(text)), text  # whatever is offered keeps the condition's words


def test_a_correct_adjective_after_a_numeral_is_left_alone() -> None:
    assert not any("новых" in s for s in _suggestions("Выпустить 4 новые книги серии"))


@pytest.mark.parametrize("text,expected", [
    ("We will imrpove the Google rating to 4.7", "Increase the Google rating to 4.7 (currently X)"),
    ("Улчшить NPS до 60", "Повысить NPS до 60 (сейчас X)"),
])
def test_a_misspelled_verb_is_spelled_right_before_the_rewrite(text: str, expected: str) -> None:
    """Round 26: "We will imrpove …" got "Imrpove … (currently X)" — the typo carried into the suggestion."""
    assert "vague-verb" in rules_of(lint_item(text))
    assert _suggestions(text) == {expected}


def test_a_spelling_fix_alone_is_no_suggestion() -> None:
    """"We'll improve onboarding" would still be vague: spelling the verb right only grounds a rewrite."""
    assert "vague-verb" in rules_of(lint_item("We'll imrpove onboarding"))
    assert _suggestions("We'll imrpove onboarding") == set()


def test_an_opening_gerund_takes_the_direction_verb() -> None:
    """Round 26: "Enhancing … accuracy to 99.5%" kept the vague gerund the finding named."""
    assert _suggestions("Enhancing the billing accuracy to 99.5%") == {
        "Increase the billing accuracy to 99.5% (currently X%)"}


@pytest.mark.parametrize("others,moved", [(2, True), (5, True), (6, False)])
def test_a_metric_moves_out_of_an_objective_only_while_there_is_room(others: int, moved: bool) -> None:
    """Round 26: an objective with seven key results got an eighth from its own metric."""
    objective = "Grow early-round deposits by 15% without losing ground on access"
    krs = tuple(f"Raise NPS from {n} to {n + 10}" for n in range(10, 10 + 10 * others, 10))
    findings = [f for f in lint_item(objective, "objective", key_results=krs) if f.rule == "metric-in-objective"]
    assert findings
    assert bool(findings[0].suggestions) == moved


# Round 27 review (session 7): a harm word sets the direction; a task gets no metric template; the baseline note goes
# before a condition.
def test_harm_sets_the_direction_of_a_metric() -> None:
    assert _suggestions("Number of non-fatal overdose ED visits") == {
        "Reduce the number of non-fatal overdose ED visits from X to Y by the end of the quarter"}
    assert not any(s.startswith("Снизить") for s in _suggestions(
        "Сумма предотвращённых выплат по мошенничеству — 120 млн ₽ за квартал"))


def test_a_task_named_by_a_noun_gets_no_metric_template() -> None:
    assert not any(s.startswith("Increase") for s in _suggestions("Weekly calibration sessions held with all team leads"))


@pytest.mark.parametrize("text,expected", [
    ("Get average battery margin up to $2,100 per system if supplier pricing holds",
     "Get average battery margin up to $2,100 per system (currently $X) if supplier pricing holds"),
    ("Довести маржу до 2 100 ₽ на систему, если цены поставщика не вырастут",
     "Довести маржу до 2 100 ₽ на систему (сейчас X ₽), если цены поставщика не вырастут"),
])
def test_the_baseline_note_goes_before_a_condition(text: str, expected: str) -> None:
    assert _suggestions(text) == {expected}



# Round 28 review (session 7): a hedge after «и» makes the second part optional; a name after «и» is another place of
# the same target; phishing clicks go down.
@pytest.mark.parametrize("text", [
    "Пересмотреть ролевую модель доступа в АБС и по возможности сократить число ролей на 20%",
    "Выпустить версию 3.2 с оплатой через СБП и, если успеем, «заказом к поезду»",
])
def test_a_hedged_second_part_is_not_made_a_promise(text: str) -> None:
    assert "hedging" in rules_of(lint_item(text))
    assert not any("успеем" not in s and "возможности" not in s for s in _suggestions(text))


def test_the_note_follows_every_place_of_the_target() -> None:
    assert _suggestions("Выйти на рейтинг 4,8 на «Золотом Яблоке» и Ozon") == {
        "Выйти на рейтинг 4,8 на «Золотом Яблоке» и Ozon (сейчас X)"}


def test_phishing_clicks_go_down() -> None:
    assert _suggestions("Phishing simulation click rate — 5%") == {
        "Reduce phishing simulation click rate from X to 5% by the end of the quarter"}


# Round 29 review (session 7): "check-in" keeps its "-in"; a condition on time is no safe drop; «top-50 списка» is
# no count of lists; "level" heading a metric's name stays or no rewrite is offered.
def test_a_hyphenated_word_keeps_its_last_part() -> None:
    assert all("check-in" in s for s in _suggestions("Upgrade conversion at check-in — 12%"))


def test_a_condition_on_time_is_not_dropped() -> None:
    text = "Publish a printed neighbourhood guide for each property, if time allows"
    assert "hedging" in rules_of(lint_item(text))
    assert _suggestions(text) == set()


def test_a_number_glued_to_a_word_is_no_count() -> None:
    assert not any("списков" in s for s in _suggestions("Провести 6 выездных презентаций в офисах клиентов из top-50 списка"))


def test_level_heading_a_metric_is_kept() -> None:
    assert not any("число фрода" in s for s in _suggestions("Уровень фрода — 0,8 б.п. от оборота"))
