"""Russian task key results that no verb list names (okrlint/analysis/ru_tasks.py, issue 7).

The task is decided by what the predicate does to its object, in any form: verbs outside the lexicon are inflected
through pymorphy3 (infinitive, «мы»-future, past, short passive participle) and must fire on a thing, and must stay
silent on a metric or on people won; verbless roadmap lines fire unless their head names a metric.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.analysis import analyze_text
from okrlint.analysis.language import detect_language
from okrlint.analysis.russian import morph
from okrlint.engine import get_rule
from tests.test_predicate import _rules_fired

# Verbs of making or performing that are in no lexicon: the object decides.
_ACTS = ["сменить", "переоформить", "перенастроить", "переупаковать", "заменить", "перестроить", "сверить"]
# Things one makes or handles (nominative, gender for the participle's agreement).
_THINGS = [("договор с логистом", "masc"), ("кассовую систему", "femn"), ("CRM", "femn"), ("шаблон счёта", "masc"),
           ("прайс-лист", "masc")]
_THINGS_NOMN = {"договор с логистом": "Договор с логистом", "кассовую систему": "Кассовая система", "CRM": "CRM",
                "шаблон счёта": "Шаблон счёта", "прайс-лист": "Прайс-лист"}


def _infinitive(verb: str):
    return next(p for p in morph().parse(verb) if "INFN" in p.tag.grammemes)


def _forms(verb: str, gender: str) -> list[tuple[str, str]]:
    """(form, how to place it): the infinitive, «мы»-future, past plural and the short passive participle."""
    parse = _infinitive(verb)
    forms = [(parse.word, "lead"), (parse.inflect({"1per", "plur", "futr"}).word, "lead"),
             (parse.inflect({"past", "plur"}).word, "lead")]
    participle = next((f.word for f in parse.lexeme if f.tag.POS == "PRTS" and gender in f.tag.grammemes
                       and "sing" in f.tag.grammemes and "past" in f.tag.grammemes), None)
    if participle is not None:
        forms.append((participle, "after"))
    return forms


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verb=st.sampled_from(_ACTS), thing=st.sampled_from(_THINGS))
def test_an_act_on_a_thing_is_a_task_in_every_form(verb, thing):
    obj, gender = thing
    assert verb not in get_rule("task-key-result").word_set("ru", "main")  # the lexicon does not name it
    texts = []
    for form, place in _forms(verb, gender):
        texts.append(f"{form.capitalize()} {obj}" if place == "lead" else f"{_THINGS_NOMN[obj]} {form}")
    fired = _rules_fired([(t, "key_result") for t in texts])
    assert all("task-key-result" in f for f in fired), list(zip(texts, fired))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verb=st.sampled_from(sorted(get_rule("task-key-result").word_set("ru", "not_act") & {
    "увеличить", "снизить", "сократить", "удержать", "вернуть", "выполнить", "поддерживать", "развить", "сохранить"})),
       obj=st.sampled_from(["долю повторных покупок", "отток клиентов", "ключевых клиентов", "план продаж",
                            "партнёрскую сеть"]))
def test_a_change_or_an_outcome_verb_is_no_task_in_any_form(verb, obj):
    parse = _infinitive(verb)
    texts = [f"{parse.word.capitalize()} {obj}"]
    if "perf" in parse.tag.grammemes:
        texts.append(f"{parse.inflect({'1per', 'plur', 'futr'}).word.capitalize()} {obj}")
    fired = _rules_fired([(t, "key_result") for t in texts])
    assert not any("task-key-result" in f for f in fired), list(zip(texts, fired))


@settings(max_examples=25, deadline=None)
@given(head=st.sampled_from(["Пул процессов", "Реальная CRM", "Профили dev/ci/prod", "Журнал аудита",
                             "Замена API-ключа на токены", "Проверки безопасности", "Traces", "Per-user auth"]),
       scope=st.sampled_from(["вместо leads.txt", "для партнёрского API", "(базовые, с лимитами)"]))
def test_a_verbless_roadmap_line_naming_a_thing_is_a_task(head, scope):
    assert "task-key-result" in _rules_fired([(f"{head} {scope}", "key_result")])[0]


@pytest.mark.parametrize("metric", sorted({"количество", "доля", "выручка", "конверсия", "время", "стоимость", "чек",
                                           "отток", "рейтинг", "клиент", "удовлетворённость", "текучесть"}))
def test_a_verbless_line_naming_a_metric_is_no_task(metric):
    """Every inflected metric head («Клиенты», «Доли», «Удовлетворённость») names a KPI, not a deliverable."""
    parse = morph().parse(metric)[0]
    forms = {metric, parse.inflect({"plur", "nomn"}).word if parse.inflect({"plur", "nomn"}) else metric}
    texts = [f"{form.capitalize()} в партнёрском канале" for form in forms]
    fired = _rules_fired([(t, "key_result") for t in texts])
    assert not any("task-key-result" in f for f in fired), list(zip(texts, fired))


@pytest.mark.parametrize("text,fires", [
    ("solver принимает CandidatePuzzle", True), ("Сайт показывает цены в тенге", True),
    ("экспорт включает ссылку на отчёт", True), ("Бот принимает оплату картой", True),
    ("Все заказы проходят проверку качества", False), ("Склад отгружает заказы в день оплаты", False),
    ("Партнёры продают наш продукт", False), ("Менеджеры ведут все сделки в CRM", False),
    ("Конверсия сайта растёт", False), ("Сайт работает без сбоев", False),
])
def test_a_capability_is_what_a_system_does_to_an_object(text, fires):
    assert ("task-key-result" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("Эскалация на эксперта, выдача доступа после оплаты", True),
    ("Каркас в репозитории; стек поднимается командой make dev", True),
    ("Guardrails: валидация ввода, ограничение тематики", False),  # after a colon: the details of one deliverable
    ("Деплой на VPS (backend, frontend; bot)", False),  # in brackets
    ("Выручка партнёров, конверсия в оплату", False),  # metrics, not acts
])
def test_a_roadmap_line_listing_several_pieces_of_work(text, fires):
    assert ("multiple-actions" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("Сделать 10 фич для корпоративных клиентов", True),
    ("Стать экспертом по интеграциям и закрыть 3 крупных кейса", True),
    ("Сделать 80% аудитории уверенными в бренде", False),  # make X Y
    ("Стать лучшим сервисом для команд из 10–50 человек", False),
])
def test_a_count_after_an_objectives_verb_is_a_metric(text, fires):
    assert ("metric-in-objective" in _rules_fired([(text, "objective")])[0]) is fires


@pytest.mark.parametrize("text,lang", [
    ("solver принимает CandidatePuzzle", "ru"), ("Traces в Langfuse", "ru"), ("SLA p95 для uniqueness", "ru"),
    ("Guardrails (базовые: тематика, PII, лимиты)", "ru"), ("профили dev/ci/prod", "ru"),
    ("Grow paid pilots to 12 (сейчас 5)", "en"), ("Launch the «Мой склад» integration", "en"),
    ("Deploy to production 50+ times (текущий: 20/quarter)", "en"),
])
def test_a_line_is_in_the_language_of_its_grammar(text, lang):
    assert detect_language(text) == lang


def test_a_short_participle_tagged_as_an_adjective_is_a_milestone():
    assert "task-key-result" in _rules_fired([("Чат-бот настроен и работает", "key_result")])[0]
    assert analyze_text("Чат-бот настроен и работает", "ru").pred is None  # the predicate module does not see it


@pytest.mark.parametrize("text,fires", [
    ("Заменить 50 ноутбуков в отделе продаж", True), ("Перенастроить 12 рекламных кампаний", True),
    ("Закупить 3 новых сканера для склада", True), ("12 статей в блоге", True), ("4 вебинара для партнёров", True),
    ("Перевезти 10 000 тонн груза", False),  # a unit counts a quantity, not things made
    ("Выдать 300 кредитов малому бизнесу", False), ("Отгрузить 10 000 заказов", False),  # results delivered
    ("Обучение 40 менеджеров работе в CRM", True),  # people trained: the work done (blind labels, rounds 2, 3, 19, 30)
    ("Обучили 12 мастеров аппаратному маникюру", True), ("Привлечь 40 новых менеджеров", False),
    ("Сократить 3 ручные операции в бухгалтерии", False), ("20 демо в неделю", False),  # a quota: kpi-wording's
    ("Заработать 2 млн ₽ на консалтинге", False),
    ("Smoke-тесты: backend 21, frontend 9, bot 26", True), ("Лиды: 500 за квартал", False),
    ("Annotation queues для разметки (human baseline для судьи)", True),  # the word "baseline" is no baseline
    ("≥ 2 итерации eval-fix loop с зафиксированной дельтой", True),  # «≥» counts things done; the participle is an attribute
    ("Все 9 команд пайплайна прогнаны сквозным тестом", True), ("Подключены 30 новых партнёров", False),
    ("Привлечено 500 лидов", False), ("Переведено 40% клиентов на новый тариф", False),
])
def test_a_count_of_things_made_is_a_task_whatever_the_verb(text, fires):
    assert ("task-key-result" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("≥ 2 итерации eval-fix loop с зафиксированной дельтой", False),  # a count of things done
    ("Не менее 12 статей в блоге", False), ("≥ 50 отзывов на Ozon", True),  # results won are a level
    ("≥ 2 000 активных пользователей в день", True), ("Рейтинг в App Store 4,8", True),  # levels of a metric
    ("Spec 16×16 для судоку", False),  # a size is no target
])
def test_a_level_needs_a_baseline_a_count_of_things_done_does_not(text, fires):
    assert ("missing-baseline" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("Отрефакторить модуль биллинга", True), ("Замёржить ветку релиза", True),  # slang the dictionary lacks
    ("Исправить 50 критичных багов", True),
])
def test_slang_verbs_are_read_but_typos_of_other_verbs_are_not(text, fires):
    assert ("task-key-result" in _rules_fired([(text, "key_result")])[0]) is fires


def test_a_typo_of_a_vague_verb_is_vague_not_a_task():
    fired = _rules_fired([("Улчшить онбординг курьеров", "key_result")])[0]
    assert "vague-verb" in fired and "task-key-result" not in fired


def test_no_verb_of_change_in_any_form_makes_a_task_of_a_metric():
    """Every Russian verb of change in rules/_shared.yaml, as an infinitive and as «мы»-future or present, on a
    metric object, is an outcome («Увеличим долю повторных покупок»), never a task."""
    from okrlint.engine import shared_lexicon

    verbs = [v for v in shared_lexicon()["change"]["ru"] if " " not in v and not v.endswith(("ся", "сь"))]
    texts = []
    for verb in verbs:
        parse = _infinitive(verb)
        finite = parse.inflect({"1per", "plur", "futr" if "perf" in parse.tag.grammemes else "pres"})
        texts += [f"{parse.word.capitalize()} долю повторных покупок"] + (
            [f"{finite.word.capitalize()} долю повторных покупок"] if finite is not None else [])
    assert len(texts) > 30
    fired = _rules_fired([(t, "key_result") for t in texts])
    assert not [t for t, f in zip(texts, fired) if "task-key-result" in f]


_ROADMAP_HEADS = [("Пул процессов", "masc"), ("Реальная CRM", "femn"), ("Журнал аудита", "masc"),
                  ("Профили dev/ci/prod", "plur")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from(_ROADMAP_HEADS), adjective=st.sampled_from(["корректный", "стабильный", "чистый",
                                                                         "безопасный", "надёжный"]))
def test_a_predicate_adjective_states_a_property_not_a_deliverable(head, adjective):
    """«Журнал аудита корректен», «Реальная CRM стабильна»: a short adjective in any gender makes the line a
    sentence about a state to verify, while the same head alone is a deliverable."""
    name, gender = head
    grammemes = {"ADJS", gender} if gender != "plur" else {"ADJS", "plur"}
    short = next(p for p in morph().parse(adjective) if p.tag.POS == "ADJF").inflect(grammemes)
    assert short is not None
    fired = _rules_fired([(name, "key_result"), (f"{name} {short.word}", "key_result")])
    assert "task-key-result" in fired[0] and "task-key-result" not in fired[1], (name, short.word, fired)


@pytest.mark.parametrize("text,fires", [
    ("Пул процессов без деградации latency", False), ("Реплики чтения без потери данных", False),
    ("Кэш ответов без просадки конверсии", False),  # a quality condition
    ("Пул процессов без внешних зависимостей", True), ("Переезд базы без потери данных", True),  # a deliverable, an act
    ("TPC-H пройден", False), ("Аудит PCI DSS пройден", False), ("Все интеграционные тесты пройдены", False),
    ("Пройти аудит безопасности", True), ("Лендинг опубликован", True),  # a verdict only in the passive
])
def test_a_quality_condition_or_a_passed_check_is_no_task(text, fires):
    assert ("task-key-result" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,rule,fires", [
    ("Первый платящий клиент", "kpi-wording", False), ("Третий корпоративный пользователь", "kpi-wording", False),
    ("Платящие клиенты", "kpi-wording", True),  # an ordinal names a milestone, a bare metric is a KPI
    ("Сборка дешевле ручной сборки (< 10 ₽ за заказ)", "kpi-wording", False),  # a comparison of two things
    ("Время сборки меньше 10 минут", "kpi-wording", True),
    ("3–5 реплик в каждом регионе", "missing-baseline", False), ("Доля возвратов 2–3%", "missing-baseline", True),
    ("WAL-формат совместимость", "kpi-wording", False), ("Корректность миграций", "kpi-wording", False),
    ("Лояльность партнёров", "kpi-wording", True),  # a requirement met or not; a property measured
])
def test_ordinals_comparisons_and_ranges(text, rule, fires):
    assert (rule in _rules_fired([(text, "key_result")])[0]) is fires


def test_keeping_a_change_going_is_no_level_to_keep():
    fired = _rules_fired([("Поддержать рост до 300 точек продаж", "objective"),
                          ("Поддерживать NPS на уровне 50", "key_result")])
    assert "kpi-wording" not in fired[0] and "kpi-wording" in fired[1]


@pytest.mark.parametrize("text,rules", [
    ("Видео-охват 40 000+", {"kpi-wording"}), ("средний чек 1 200 рублей", {"kpi-wording", "missing-baseline"}),
    ("время доставки в регионы — не больше 3 дней", {"kpi-wording"}),
    ("NPS > 40 (опрос, где участвовал клиент)", {"kpi-wording"}),
    ("< 3 сбоев на 10 000 запросов", {"kpi-wording"}), ("0 утечек персональных данных", {"kpi-wording", "missing-baseline"}),
    ("40+ активных авторов", {"missing-baseline"}), ("150 постоянных покупателей", {"missing-baseline"}),
    ("оценка 4,6 в App Store", {"kpi-wording", "missing-baseline"}),
    ("20 тыс. запросов/s на одном узле", {"kpi-wording", "missing-baseline"}),
    ("Обслуживание 40 000 обращений/месяц", {"kpi-wording"}),  # a volume per period
    ("Проведение 4 вебинаров в месяц", {"task-key-result"}),  # a noun of a task stays a task
])
def test_russian_metric_value_lines_ceilings_and_stocks(text, rules):
    """«Метрика — значение» in the forms writers use (a hyphenated name, a unit word, «не больше», a gloss in brackets),
    a ceiling or zero on a count, and the level of a stock («активных», «постоянных») — a level with no change."""
    assert rules <= _rules_fired([(text, "key_result")])[0]


@pytest.mark.parametrize("text", ["40 новых авторов", "Не менее 8 статей в блоге", "12 статей в блоге"])
def test_a_count_of_new_things_is_no_stock(text):
    fired = _rules_fired([(text, "key_result")])[0]
    assert "missing-baseline" not in fired and "kpi-wording" not in fired


@pytest.mark.parametrize("text,fires", [
    ("Достичь 5 000 установок в первый месяц после релиза", False),
    ("Выйти на 800 заказов в неделю после открытия второго склада", False),  # the metric of a new thing has no start
    ("Достичь 5 000 установок в месяц", True),
])
def test_a_target_after_a_launch_needs_no_baseline(text, fires):
    assert ("missing-baseline" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("Продажа подписок через Telegram-бота", False), ("Регистрация через Госуслуги", False),  # the act
    ("Продажи через маркетплейсы", True), ("Заявки с сайта", True),  # the count of results
])
def test_a_result_noun_in_the_singular_is_the_act_not_the_metric(text, fires):
    assert ("kpi-wording" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("Продажа тарифов через партнёрский API", True), ("Регистрация через Госуслуги", True),  # a capability
    ("Продажи через маркетплейсы", False), ("Оценка качества ответов", False), ("Продажа", False),
])
def test_a_singular_act_heading_a_roadmap_line_is_a_deliverable(text, fires):
    assert ("task-key-result" in _rules_fired([(text, "key_result")])[0]) is fires


@pytest.mark.parametrize("text,fires", [
    ("Поддержать рост сети до 300 точек", True), ("Обеспечить рост продаж на 15%", True),
    ("Поддержать рост команды из 5 человек", False),  # a size, not the change's target
])
def test_a_change_as_the_object_carries_the_objectives_target(text, fires):
    fired = _rules_fired([(text, "objective")])[0]
    assert ("metric-in-objective" in fired) is fires and "kpi-wording" not in fired


@pytest.mark.parametrize("text,fires", [
    ("Интеграция с 3 платёжными системами", True), ("Интегрироваться с 4 банками", True),  # done with N partners
    ("Запустить чат-бот с 2 000 активных пользователей", False),  # the launch carries its outcome
    ("Поднять конверсию с 3% до 5%", False),
])
def test_with_an_instrumental_count_is_no_outcome_and_no_baseline(text, fires):
    assert ("task-key-result" in _rules_fired([(text, "key_result")])[0]) is fires
