"""Russian shapes of a task key result that no verb list can enumerate.

A key result is a task when its predicate creates or performs something
(LABELS.md, ``task-key-result``).  Writers say it in forms a lexicon of task
verbs misses, so these read the parse instead:

* a **roadmap line** — a noun phrase naming the thing to build, with no verb
  and no number («Пул процессов», «Реальные платежи вместо мок-ссылок»,
  «Замена API-ключа на токены»), unless its head names a metric («Новые
  клиенты», «Оборачиваемость склада»: a KPI, not a deliverable);
* a **capability** — a system (a Latin name or a word of the ``systems``
  lexicon) doing something to a direct object («solver принимает
  CandidatePuzzle», «Сайт показывает цены в тенге»): a finished feature;
* a **milestone** — a short passive participle of any act that is not a change
  of a metric («Проверена гипотеза», «Регламент утверждён»), also when the
  tagger reads it as an adjective or a noun;
* an **act on an object** — any other verb with a direct object that is a
  thing, not a metric, not people won («Сменить платёжного провайдера»);
* a **count of things made** — «Заменить 50 ноутбуков», «12 статей в блоге»,
  «Все 9 команд прогнаны сквозным тестом» (not units, results, people);
* a **list of pieces of work** for ``multiple-actions`` («Эскалация на
  эксперта, выдача доступа после оплаты»).

Each takes the words that rule the act out (verbs of change, level, outcome,
effort, state) and a test for metric words from the rule files, so the
lexicons stay in YAML.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from spacy.tokens import Doc, Token

from .predicate import Predicate, verb_of_noun

__all__ = ["roadmap_head", "capability_verb", "milestone_participle", "object_of_act", "direct_object",
           "property_noun", "counted_thing", "counted_artefacts", "counted_milestone", "listed_deliverables",
           "dictionary_verb", "predicate_adjective", "ordinal", "outside_brackets", "names_change", "ACTIVE_FORMS"]

MetricTest = Callable[[Token], bool]

ACTIVE_FORMS = ("imperative", "modal", "finite")
_WE = {"мы", "команда", "отдел", "я"}
_LATIN = re.compile(r"[A-Za-z]")
_BREAK_POS = {"ADP", "CCONJ", "SCONJ", "PUNCT", "SYM"}


def property_noun(token: Token) -> bool:
    """«удовлетворённость», «текучесть», «узнаваемость»: a noun of a property, which is measured, not built."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and len(lemma) > 6 and lemma.endswith(("ость", "есть"))


def ordinal(token: Token) -> bool:
    """«Первый платящий пользователь», «третий релиз»: an ordinal names one milestone, not a level of a metric."""
    from .russian import parses

    return token.pos_ == "ADJ" and token.is_alpha and any("Anum" in p.tag.grammemes for p in parses(token.text)[:1])


def _latin(token: Token) -> bool:
    return bool(_LATIN.search(token.text)) and not re.search("[а-яёА-ЯЁ]", token.text)


def outside_brackets(doc: Doc) -> list[Token]:
    """The words outside brackets and quotes: «Guardrails: off-topic → «не знаю»» quotes a reply, it is no verb of the line."""
    depth, quoted, out = 0, 0, []
    for t in doc:
        opened = t.text.count("(") - t.text.count(")")
        quoted += t.text.count("«") - t.text.count("»")
        if depth <= 0 and opened <= 0 and ")" not in t.text and quoted <= 0 and "»" not in t.text:
            out.append(t)
        depth += opened
    return out


def _clause_verb(tokens: Iterable[Token]) -> Token | None:
    """A finite verb, infinitive, short participle or predicate adjective: the line is a sentence, not a name."""
    for t in tokens:
        if t.pos_ in ("VERB", "AUX") and ("Part" not in t.morph.get("VerbForm") or "Short" in t.morph.get("Variant")) \
                and "Conv" not in t.morph.get("VerbForm") or t.pos_ != "VERB" and _short_participle(t) \
                or predicate_adjective(t):
            return t
    return None


_QUANTITY_COMPARATIVES = {"больше", "меньше", "более", "менее", "выше", "ниже"}  # «больше клиентов»: an amount


def predicate_adjective(token: Token) -> bool:
    """«Escape analysis чист», «Snapshot Isolation корректна», «генерация дешевле ручного ответа»: a short or a
    comparative adjective is the predicate of a sentence about a property — a state to verify, not a thing to build."""
    if token.pos_ == "ADJ" and "Short" in token.morph.get("Variant"):
        return True
    after_preposition = token.i > 0 and token.doc[token.i - 1].pos_ == "ADP"  # «для джунов»: a noun, not a short adjective
    if token.pos_ in ("NOUN", "ADJ", "X") and token.is_alpha and not _latin(token) and not after_preposition:
        from .russian import parses

        readings = parses(token.text)
        if readings and readings[0].tag.POS == "ADJS" and not {"neut", "sing"} <= readings[0].tag.grammemes:
            return True  # «надёжен» tagged as a noun or a foreign word; a neuter form reads as an adverb («опционально»)
    if token.pos_ not in ("ADJ", "ADV") or token.lower_ in _QUANTITY_COMPARATIVES:
        return False
    nxt = next((t for t in token.doc[token.i + 1:] if t.pos_ != "ADJ" and not t.is_space), None)
    return "Cmp" in token.morph.get("Degree") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "PRON") \
        and "Gen" in nxt.morph.get("Case")  # «дешевле ответа»: compared with a thing, not «меньше 2 ч»


def _head_phrase(doc: Doc) -> list[Token]:
    """The words of the line up to the first preposition, conjunction or mark («Пул процессов», «Реальная CRM»)."""
    phrase: list[Token] = []
    for t in doc:
        if t.is_space or t.text in ("-", "‐", "/", "«", "»", "\"") or t.text == "(" and not phrase:
            continue
        if t.pos_ in _BREAK_POS and not (t.text == "+" and not phrase) or not (t.is_alpha or "-" in t.text or "_" in t.text
                                                                             or _latin(t) or t.like_num):
            break
        phrase.append(t)
    return phrase


def names_change(token: Token, not_act: set[str] | frozenset[str]) -> bool:
    """«Рост выручки», «Снижение оттока», «Развитие витрины»: a noun of an act no one builds."""
    verbs = verb_of_noun(token.lemma_.lower(), "ru")
    return any(v in not_act or v.endswith(("ся", "сь")) and v[:-2] in not_act for v in verbs)


def _quality_condition(tokens: list[Token], is_metric: MetricTest, not_act: set[str] | frozenset[str],
                       loss: set[str] | frozenset[str]) -> bool:
    """«транзакции без потери latency», «переезд без деградации»: «без» and a loss, a change or a metric — the line
    states a quality the work must keep, which is measured, not built."""
    for k, t in enumerate(tokens):
        if t.lower_ != "без":
            continue
        for nxt in tokens[k + 1:k + 4]:
            if nxt.pos_ not in ("NOUN", "PROPN", "X") and not _latin(nxt):
                continue
            if nxt.lemma_.lower() in loss or is_metric(nxt) \
                    or nxt.pos_ == "NOUN" and names_change(nxt, not_act):
                return True
    return False


def roadmap_head(doc: Doc, pred: Predicate | None, is_metric: MetricTest, not_act: set[str] | frozenset[str],
                 loss: set[str] | frozenset[str] = frozenset()) -> Token | None:
    """The head of a verbless line that names a deliverable, or None.

    Only for lines with no number (the caller checks): «Пул процессов», «Traces в Langfuse», «Реальная CRM вместо
    leads.txt», «Замена shared API key на user-scoped tokens».  Not a metric name («Новые клиенты», «Среднее время
    ответа», «CAC (стоимость привлечения)»), not a change («Рост узнаваемости»), not a line with a verb or a
    predicate adjective («Escape analysis чист»), not a quality condition («… без потери latency»).
    """
    if pred is not None and pred.form != "noun":
        return None
    outside = outside_brackets(doc)
    if _clause_verb(outside) is not None or _quality_condition(outside, is_metric, not_act, loss):
        return None
    phrase = _head_phrase(doc)
    if not phrase:
        return None
    head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN", "X") or _latin(t)), None)
    if head is None or head.like_num:
        return None
    modifiers = phrase[:phrase.index(head) + 1]  # the head and its modifiers: «Средний чек», not «Проверки безопасности»
    if _latin(head):  # an English compound ends in its head: "Rate limiting" is a feature, "Conversion rate" a metric
        run = [t for t in phrase[phrase.index(head):]]
        run = run[:next((k for k, t in enumerate(run) if not _latin(t)), len(run))]
        acronym = [t for t in run[:1] if any(c.isupper() for c in t.text[1:])]  # «CTR email-рассылок», «eNPS команды»
        modifiers = phrase[:phrase.index(head)] + acronym + run[-1:]
    for t in modifiers:
        if is_metric(t) or property_noun(t) or t.pos_ in ("NOUN", "PROPN") and names_change(t, not_act):
            return None
    return head


def direct_object(verb: Token) -> Token | None:
    """The verb's direct object: its ``obj`` in natasha's tree, else an accusative noun or a Latin name right after it."""
    for child in verb.children:
        if child.dep_ == "obj" and child.i > verb.i and (child.pos_ in ("NOUN", "PROPN", "X") or _latin(child)):
            return child
    for t in verb.doc[verb.i + 1: verb.i + 5]:
        if t.is_space or t.pos_ in ("ADJ", "DET") and not _latin(t):
            continue
        if _latin(t) or t.pos_ == "X":
            return t  # «CRM», «прайс-лист» split at its hyphen
        misread = verb.pos_ != "VERB"  # «Переоформим» tagged as an adjective: the cases around it are guesses too
        if t.pos_ in ("NOUN", "PROPN") and ("Acc" in t.morph.get("Case") or misread and "Nom" in t.morph.get("Case")):
            return t
        return None
    return None


def _person(token: Token) -> bool:
    from .russian import parses

    if "Anim" in token.morph.get("Animacy"):
        return True
    readings = [p for p in parses(token.text) if p.tag.POS == "NOUN"]
    return bool(readings) and "anim" in readings[0].tag.grammemes


def _thing(token: Token, is_metric: MetricTest, one_person: bool = False) -> bool:
    """A thing made or handled: not a metric, not a property, not people («клиентов», «дистрибьюторов» are won).

    With ``one_person`` a single person counts as a thing one deals with: «Сменить платёжного провайдера».
    """
    if _latin(token):
        return not is_metric(token)
    if is_metric(token) or property_noun(token):
        return False
    return not _person(token) or one_person and "Sing" in token.morph.get("Number")


def _negated(verb: Token) -> bool:
    doc = verb.doc
    before = [t for t in doc[max(0, verb.i - 2):verb.i] if not t.is_space]
    return any(t.lower_ == "не" for t in before)


def capability_verb(doc: Doc, pred: Predicate | None, is_metric: MetricTest, systems: set[str] | frozenset[str],
                    not_act: set[str] | frozenset[str]) -> Token | None:
    """«solver принимает CandidatePuzzle», «экспорт включает ссылку», «Сайт показывает цены в тенге»: a system (a
    Latin name or a word of ``systems``) that does something to a direct object — the finished state of a feature.
    Not what people, processes or orders do («Все заказы проходят проверку качества» is an outcome)."""
    if pred is None or pred.form != "finite" or pred.modal is not None:
        return None
    verb = pred.head
    lemma = verb.lemma_.lower()
    if lemma.endswith(("ся", "сь")) or lemma in not_act or _negated(verb) or "Fin" not in verb.morph.get("VerbForm"):
        return None
    subject = [t for t in doc[:verb.i] if not (t.is_space or t.is_punct)]
    nouns = [t for t in subject if t.pos_ in ("NOUN", "PROPN", "X") or _latin(t)]
    if not nouns or any(is_metric(t) or property_noun(t) for t in nouns):
        return None
    head = nouns[0]
    if not (_latin(head) or head.lemma_.lower() in systems or head.lemma_.lower().split("-")[-1] in systems):
        return None  # «оркестратор» is a system here, whatever else the dictionary says it can be
    obj = direct_object(verb)
    return verb if obj is not None and _thing(obj, is_metric) else None


def _short_participle(token: Token) -> bool:
    """«утверждён», «настроен» (tagged as a short adjective): a short passive participle."""
    if token.pos_ == "VERB":
        return "Part" in token.morph.get("VerbForm") and "Short" in token.morph.get("Variant")
    from .russian import parses

    readings = parses(token.text) if token.is_alpha else ()
    if readings and readings[0].tag.POS == "PRTS":
        return True  # «сменён» tagged as a noun: the dictionary knows it only as a participle
    return token.pos_ == "ADJ" and "Short" in token.morph.get("Variant") and any(p.tag.POS == "PRTS" for p in readings)


def _participle_verb(token: Token) -> str:
    if token.pos_ == "VERB":
        return token.lemma_.lower()
    from .russian import parses

    reading = next(p for p in parses(token.text) if p.tag.POS == "PRTS")
    return reading.normal_form.replace("ё", "е")


def milestone_participle(doc: Doc, is_metric: MetricTest, not_act: set[str] | frozenset[str]) -> Token | None:
    """«Проверена гипотеза», «dataset-map.md утверждены»: a short passive participle of an act (not of a change)."""
    for t in doc:
        if not _short_participle(t):
            continue
        lemma = _participle_verb(t)
        if lemma in not_act or _negated(t):
            return None
        subject = [x for x in doc if x.dep_ in ("nsubj:pass", "nsubj") and x.head.i == t.i]
        if any(not _thing(x, is_metric) for x in subject):
            return None  # «Премия привязана…», «Клиенты подключены»: what is measured or who is won
        return t
    return None


def object_of_act(pred: Predicate, is_metric: MetricTest, not_act: set[str] | frozenset[str]) -> Token | None:
    """«Закрыть техдолг по биллингу», «Сменить CRM»: a verb (any form) with a direct object that is a thing."""
    if pred.form not in ACTIVE_FORMS:
        return None
    verb = pred.head
    if pred.form == "finite" and pred.modal is None:
        subject = [t for t in verb.doc[:verb.i] if t.pos_ in ("NOUN", "PROPN", "X", "PRON") or _latin(t)]
        if any(t.lower_ not in _WE for t in subject):
            return None  # «Все заказы проходят проверку»: what others or things do; «Мы внедрим систему тикетов» is ours
    if _negated(pred.modal or verb) or verb.lemma_.lower().endswith(("ся", "сь")):
        return None
    if any(lemma in not_act for lemma in pred.lemmas) or pred.modal is not None and pred.modal.lemma_.lower() in not_act:
        return None
    obj = direct_object(verb)
    return obj if obj is not None and _thing(obj, is_metric, one_person=True) else None


def _act_word(token: Token) -> bool:
    """A noun of action («выдача», «эскалация», «интеграция») or a Latin word with a verb reading ("embed", "deploy")."""
    if _latin(token):
        from .english import word_options

        return "VERB" in word_options(token.lower_)
    return token.pos_ in ("NOUN", "PROPN") and bool(verb_of_noun(token.lemma_.lower(), "ru"))


def listed_deliverables(doc: Doc) -> list[Token]:
    """The heads of a roadmap line that lists several pieces of work, or [].

    «Каркас в репозитории; стек поднимается одной командой; работает в облаке» (parts split by «;»),
    «Эскалация на эксперта, выдача доступа после оплаты» (nouns of action split by commas).  Not the details of
    one deliverable: after a colon («Guardrails: валидация ввода, ограничение тематики»), in brackets, or a part
    that only maps one thing to another («категории → items»).
    """
    outside = outside_brackets(doc)
    if any(t.text == ":" for t in outside):
        return []
    for mark, need_act in ((";", False), (",", True)):
        parts: list[list[Token]] = [[]]
        for t in outside:
            if t.text == mark:
                parts.append([])
            elif not (t.is_space or t.is_punct and t.text not in ("→", "->")):
                parts[-1].append(t)
        if len(parts) < 2:
            continue
        heads: list[Token] = []
        for part in parts:
            if len(part) < 2 or any(t.text in ("→", "->") for t in part):
                heads = []
                break
            head = part[0]
            if need_act and not _act_word(head) and not (len(part) > 1 and _latin(head) and _act_word(part[1])):
                heads = []
                break
            heads.append(head if not need_act or _act_word(head) else part[1])
        if len(heads) >= 2:
            return heads
    return []


def counted_thing(start: Token, is_metric: MetricTest, results: set[str] | frozenset[str],
                  people: bool = False) -> Token | None:
    """The noun a count right after ``start`` counts, when it is a thing made or handled: «Оцифровать 2 000
    медицинских карт» → карт.  Not people («40 менеджеров»), results won («500 заявок») or a metric («2 млн ₽ выручки»);
    with ``people`` (the verb trains or instructs them: «Обучить 12 мастеров») people count as the work done."""
    doc = start.doc
    k = start.i + 1
    seen_number = False
    while k < len(doc) and k <= start.i + 6:
        t = doc[k]
        if t.is_space or t.like_num or t.pos_ == "NUM" or t.lower_ in ("тыс", "тыс.", "млн", "млн.", "не", "менее", "более",
                                                                        "минимум", "≥", "+"):
            seen_number = seen_number or t.like_num or t.pos_ == "NUM"
            k += 1
            continue
        if t.pos_ in ("ADJ", "DET") and not _latin(t):
            k += 1
            continue
        if not seen_number or t.pos_ not in ("NOUN", "PROPN", "X") and not _latin(t):
            return None
        if t.lemma_.lower() in results or not (_thing(t, is_metric) or people and _person(t)):
            return None
        return t
    return None


def counted_artefacts(doc: Doc, artefacts: set[str] | frozenset[str], is_metric: MetricTest,
                      results: set[str] | frozenset[str]) -> Token | None:
    """«12 статей в блоге», «4 вебинара для партнёров»: a verbless line that counts deliverables (a steady quota per
    period is kpi-wording's; the caller checks)."""
    first = next((t for t in doc if not (t.is_space or t.is_punct or t.pos_ == "SYM" or t.text in ("≥", ">", "+"))), None)
    if first is None or _clause_verb(outside_brackets(doc)) is not None:
        return None
    if not (first.like_num or first.pos_ == "NUM"):  # «Smoke-тесты: backend 21, frontend 9»: a deliverable, then counts
        phrase = _head_phrase(doc)
        colon = phrase[-1].i + 1 if phrase else -1
        if not phrase or colon >= len(doc) or doc[colon].text != ":":
            return None
        if any(is_metric(t) for t in phrase):
            return None
        return next((t for t in phrase if t.lemma_.lower() in artefacts or t.lemma_.lower().split("-")[-1] in artefacts),
                    None)  # «Smoke-тесты»: the head of a hyphenated compound is its last part
    thing = counted_thing(doc[first.i - 1] if first.i else first, is_metric, results) if first.i else None
    if thing is None:  # the count opens the line: read the noun after it
        k = first.i + 1
        while k < len(doc) and (doc[k].like_num or doc[k].pos_ in ("NUM", "ADJ") or doc[k].is_space):
            k += 1
        thing = doc[k] if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") else None
    if thing is None:
        return None
    lemma = thing.lemma_.lower()
    return thing if lemma in artefacts or lemma.split("-")[-1] in artefacts else None


def counted_milestone(doc: Doc, is_metric: MetricTest, not_act: set[str] | frozenset[str],
                      results: set[str] | frozenset[str]) -> Token | None:
    """«Все 9 команд пайплайна прогнаны сквозным тестом», «≥ 1 конфиг прогнан и сравнён»: a short participle of an
    act with a count of things; not people («Подключены 30 партнёров») or results («Привлечено 500 лидов»)."""
    participle = milestone_participle(doc, is_metric, not_act)
    if participle is None:
        return None
    for t in doc:
        if t.like_num or t.pos_ == "NUM":
            start = doc[t.i - 1] if t.i else None
            if start is None:
                return participle if counted_thing_after_number(t, is_metric, results) else None
            return participle if counted_thing(start, is_metric, results) is not None else None
    return None


def counted_thing_after_number(number: Token, is_metric: MetricTest, results: set[str] | frozenset[str]) -> bool:
    doc = number.doc
    k = number.i + 1
    while k < len(doc) and (doc[k].like_num or doc[k].pos_ in ("NUM", "ADJ", "DET") or doc[k].is_space):
        k += 1
    if k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN", "X"):
        return False
    t = doc[k]
    return t.lemma_.lower() not in results and _thing(t, is_metric)


_VERB_SUFFIXES = ("ировать", "овать", "ить", "ать", "ять", "еть")


def dictionary_verb(token: Token) -> bool:
    """A verb the dictionary knows, or IT slang it does not that the tagger and pymorphy3's guess both read as a verb
    with a verb suffix («Отрефакторить», «Задеплоить», «Оцифровать»); a typo of a known word stays unread."""
    from .russian import morph, parses

    if morph().word_is_known(token.lower_):
        return True
    readings = parses(token.text)
    return token.pos_ == "VERB" and bool(readings) and readings[0].tag.POS in ("INFN", "VERB") \
        and readings[0].normal_form.endswith(_VERB_SUFFIXES)
