"""Rewriters: the parts of an item's composed suggestion, one per rule file that names one.

The fix stage (:mod:`okrlint.fixes`) calls them after the rules, with a
:class:`Job` holding the item, the rules that fired on it and a :class:`Kit` of
what the rule files provide (``rewrite:`` templates, lexicons).  Rewriting
never imports the engine or the checks: everything arrives in the job.

Words that move into a new slot are inflected with pymorphy3 (Russian) or
lemminflect (English).  Unknown values are placeholders: X, Y, N, M for
numbers, ``[…]`` for words.  A rewriter returns ``None`` rather than a stock
frame when the item does not give it what it needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from spacy.tokens import Token

from .analysis import Analysis
from .analysis.quantities import TIME_UNIT_AFTER, has_baseline

PLACEHOLDER = re.compile(r"\[[^\]]+\]|\b[XYNM]\b%?")


@dataclass(frozen=True)
class Kit:
    """What rewriting borrows from the rule files, handed over by the engine."""

    templates: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule id → its ``rewrite:`` section
    lexicons: Mapping[str, Mapping[str, Mapping[str, Sequence[str]]]] = field(default_factory=dict)  # id → lang → group
    shared: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)  # rules/_shared.yaml
    # Lexicon groups as the rewriters read them, lower-cased once per kit (rewriters ask on every item).
    _groups: dict[tuple[str, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    def words(self, rule_id: str, lang: str, group: str) -> frozenset[str]:
        key = ("rule", rule_id, lang, group)
        if key not in self._groups:
            self._groups[key] = frozenset(w.lower() for w in self.lexicons.get(rule_id, {}).get(lang, {}).get(group, []))
        return self._groups[key]  # type: ignore[no-any-return]

    def shared_words(self, group: str, lang: str) -> tuple[str, ...]:
        key = ("shared", group, lang)
        if key not in self._groups:
            self._groups[key] = tuple(w.lower() for w in self.shared.get(group, {}).get(lang, []))
        return self._groups[key]  # type: ignore[no-any-return]

    def template(self, rule_id: str, key: str, lang: str | None = None) -> Any:
        value = self.templates.get(rule_id, {}).get(key)
        return value.get(lang) if lang is not None and isinstance(value, dict) else value


@dataclass(frozen=True)
class Target:
    """A place a rule fired on the item: ``text[start:end]`` of the item's original text, and its values."""

    start: int
    end: int
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Job:
    """One item to rewrite: its text after the safe edits, its analysis, and what fired on it."""

    kind: str
    lang: str
    text: str
    analysis: Analysis
    fired: Mapping[str, Sequence[Target]]
    kit: Kit
    deadline: bool = False  # the item's objective has no period: a rewrite that adds a range adds the quarter too
    objective: str = ""  # a key result's objective text: "Launch delivery in the app" tells its targets start from nothing
    key_results: int = 0  # an objective's key results: a metric is not moved out to join six or more


@dataclass(frozen=True)
class Rewrite:
    """A whole-item rewrite; ``new_key_results`` holds what moves out of an objective.

    ``edits`` (start, end, text in the job's text), when given, are the whole change as exact edits (a verb
    swapped and nothing else); ``keeps_meaning`` marks those that may be applied as a safe fix; ``fallback`` is
    a plainer rewrite to try when this one does not pass the grammar gate.
    """

    text: str
    new_key_results: tuple[str, ...] = ()
    edits: tuple[tuple[int, int, str], ...] = ()
    keeps_meaning: bool = False
    fallback: "Rewrite | None" = None  # offered instead when this one fails the grammar gate


REWRITERS: dict[str, Callable[[Job], Rewrite | None]] = {}


def rewriter(name: str) -> Callable[[Callable[[Job], Rewrite | None]], Callable[[Job], Rewrite | None]]:
    def register(fn: Callable[[Job], Rewrite | None]) -> Callable[[Job], Rewrite | None]:
        REWRITERS[name] = fn
        return fn

    return register


def placeholders(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group().rstrip("%") for m in PLACEHOLDER.finditer(text)))


# ---------------------------------------------------------------- grammar helpers

def _cap(word: str, like: str) -> str:
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def sentence(text: str) -> str:
    """Tidy spacing and punctuation, capitalise the first letter."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?)])(?=\s|$)", r"\1", text)  # not ".com", not ":55"
    text = re.sub(r",\s*,", ",", text).strip(" ,;")
    first = text.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]):
        return text  # eNPS, iOS, mTLS: the writer's casing of a term stays
    return text[:1].upper() + text[1:]


def is_noun(token: Token) -> bool:
    """A noun, also where the tagger guessed another part of speech («31 вебинар» read as an adjective, «4 500
    подключений» as a participle)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    if token.pos_ not in ("ADJ", "VERB") or not any("\u0400" <= ch <= "\u04ff" for ch in token.text):
        return False
    from .analysis.russian import parses

    readings = parses(token.text.lower())
    return bool(readings) and "NOUN" in readings[0].tag and not any("ADJF" in p.tag for p in readings)


def inflect_word(token: Token, grammemes: set[str], pos: str | None = None) -> str:
    """A Russian word in another case/number; unchanged when pymorphy3 cannot inflect it."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in token.text):
        return token.text
    from .analysis.russian import best_parse

    feats = {k: v for k, v in (f.split("=") for f in str(token.morph).split("|") if "=" in f)}
    parse = best_parse(token.text, pos or token.pos_, feats)
    form = parse.inflect(grammemes)
    if form is None and "plur" in grammemes:
        form = parse.inflect(grammemes - {"plur"})
    return _cap(form.word, token.text) if form is not None else token.text


def np_in_case(tokens: list[Token], case: str, number: str | None = None) -> str:
    """Put a Russian noun phrase into ``case``: the head noun and the words that agree with it.

    Words after the head (genitive modifiers, prepositional phrases) keep
    their form: «качество контента» → «качества контента».
    """
    tokens = [t for t in tokens if not t.is_space]
    head_index = next((i for i, t in enumerate(tokens) if is_noun(t)
                       and not (not t.whitespace_ and i + 1 < len(tokens) and tokens[i + 1].text in "/-")), None)
    if head_index is None or not any("\u0400" <= ch <= "\u04ff" for ch in tokens[head_index].text):
        return _lower_first(tokens, _join(tokens))
    head = tokens[head_index]
    head_case = head.morph.get("Case")
    head_number = number or ("plur" if "Plur" in head.morph.get("Number") else None)
    out = []
    for i, t in enumerate(tokens):
        agrees = i < head_index and t.pos_ in ("ADJ", "DET", "VERB") and (not head_case or t.morph.get("Case") == head_case)
        agrees = agrees or _participle_of(tokens, head_index, i)  # «долю премий, зависящую от OKR»
        if i == head_index or agrees:
            grams = {case} | ({head_number} if head_number else set())
            if t.pos_ in ("ADJ", "DET", "VERB") and head_number != "plur":
                gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get((head.morph.get("Gender") or [""])[0])
                grams |= {gender} if gender else set()  # «среднее время», not «средний время»
                if case == "accs" and gender != "femn":
                    grams |= {"inan"} if "Inan" in head.morph.get("Animacy") else set()
            pos = "NOUN" if i == head_index and t.pos_ not in ("NOUN", "PROPN") else None
            out.append(inflect_word(t, grams, pos) + t.whitespace_)
        else:
            out.append(t.text_with_ws)
    return _lower_first(tokens, "".join(out).strip())


def _participle_of(tokens: list[Token], head_index: int, i: int) -> bool:
    """A participle after a comma that agrees with the head noun in case, number and gender: it follows the head."""
    head, t = tokens[head_index], tokens[i]
    if i <= head_index or "Part" not in t.morph.get("VerbForm") or not any(x.text == "," for x in tokens[head_index:i]):
        return False
    return all(t.morph.get(f) == head.morph.get(f) for f in ("Case", "Number")) and (
        "Plur" in head.morph.get("Number") or t.morph.get("Gender") == head.morph.get("Gender"))


def _lower_first(tokens: list[Token], text: str) -> str:
    """Drop the capital a word had only because it opened the item («Количество заявок» → «количество заявок»)."""
    first = tokens[0] if tokens else None
    if first is None or any(t.is_alpha for t in first.doc[:first.i]) or not first.text[:1].isupper() or \
            first.text.isupper():
        return text  # only the item's first word («12 Monthly sessions»: "Monthly") had a capital for its place
    if first.pos_ == "PROPN" and not _common_word(first.text.lower()):
        return text  # «Москва»: a name the dictionary does not know keeps its capital
    if re.search(r"[a-zа-яё][A-ZА-ЯЁ]", first.text):
        return text  # "HubSpot", "GitHub", «МегаФон»: a capital inside the word makes it a name
    english = not any("\u0400" <= ch <= "\u04ff" for ch in first.text)
    if english:
        from .analysis.english import word_options

        low = first.text.lower()
        options = word_options(low)
        if options and not {"NOUN", "ADJ"} & set(options) and low in options.get("VERB", ()):
            return text  # "Google rating": a base verb heading a noun is a name (not "Branded content", a participle)
    following = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if english and following is not None and following.text[:1].isupper() and not following.text.isupper():
        return text  # "Google Ads", "Net Revenue Retention": the writer's title case
    return text[:1].lower() + text[1:]


def _common_word(word: str) -> bool:
    """A dictionary word that is not a name («лендинг», not «Москва»): the tagger's PROPN on a line start is a guess."""
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        from .analysis.russian import parses

        proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
        return not all(proper & set(p.tag.grammemes) for p in parses(word))
    from .analysis.english import word_options as getAllLemmas  # cached

    return bool(getAllLemmas(word))


def _after_glued_hyphen(t: Token) -> bool:
    """The last part of a hyphenated word ("check-in"): "in" here is no preposition left dangling."""
    return t.i > 1 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_ and not t.doc[t.i - 2].whitespace_


def _join(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


# ---------------------------------------------------------------- item anatomy

def _stop(analysis: Analysis, t: Token) -> bool:
    """Where the object of the predicate ends: a number, a target, a time, a clause."""
    text = analysis.text
    if t.pos_ == "CCONJ" and any(n.pos_ == "VERB" for n in t.doc[t.i + 1:t.i + 3]):
        return True  # «курс по аналитике и внедрить …»: a second action starts
    if t.text in (",", ";", ":", "(", "—", "–") or t.lower_ in ("чтобы", "so", "which", "that", "который", "которая", "которые", "которое",
                                                                 "if", "unless", "when", "whenever", "если", "когда", "пока"):
        return True
    if any(q.start <= t.idx < q.end for q in analysis.quantities):
        return True
    if any(x.start <= t.idx < x.end for x in analysis.times):
        return True
    nxt = text[t.idx + len(t.text):].lstrip()
    if t.lower_ in ("с", "со", "на", "до", "от", "from", "by", "to", "at", "with", "by", "в", "in") and (
        re.match(r"^(?:[$€₽]?\d|[XYNM]\b|текущ|нынешн|уровн|the\s+level|level)", nxt, re.IGNORECASE)
    ):
        return True
    if t.lower_ in ("выше", "ниже", "не", "более", "менее", "above", "below", "under", "over", "at", "with"):
        return re.match(r"^(?:least|most|ниже|выше|менее|более)?\s*[$€₽]?\d", nxt) is not None or t.lower_ in ("with",)
    return False


def object_tokens(analysis: Analysis, verb: Token | None) -> list[Token]:
    """The object phrase after the predicate, without numbers, determiners like «все», targets or clauses."""
    start = verb.i + 1 if verb is not None else 0
    out: list[Token] = []
    for t in analysis.doc[start:]:
        if not out and (t.is_space or t.pos_ in ("VERB", "CCONJ", "PART") or t.like_num
                        or t.lower_ in ("и", "and", "to") or (analysis.lang == "en" and t.pos_ == "ADP")
                        or any(q.start <= t.idx < q.end for q in analysis.quantities)):
            continue  # «Попробовать запустить …», "Build and launch …", «10 вебинаров», "work on …"
        if _stop(analysis, t):
            break
        out.append(t)
    while out and (out[0].like_num or out[0].lower_ in ("все", "всех", "all") and len(out) > 1):
        out.pop(0)
    while out and (out[-1].is_space or out[-1].pos_ in ("ADP", "CCONJ", "PUNCT") or out[-1].lower_ in ("и", "and")):
        out.pop()
    return out


def obj_after(verb: Token) -> bool:
    return any(not t.is_space and not t.is_punct for t in verb.doc[verb.i + 1:])




# ---------------------------------------------------------------- shared pieces

_RANGE = {"ru": "с X до Y", "en": "from X to Y"}
_DEADLINE = {"ru": "к концу квартала", "en": "by the end of the quarter"}


def _when(job: Job, analysis: Analysis | None = None) -> str:
    """The item's own time bound, else the quarter when the objective has no period, else nothing."""
    analysis = analysis or job.analysis
    if analysis.times:
        return ""  # kept where the writer put it
    if not job.deadline:
        return ""
    return job.kit.template("task-key-result", "deadline", job.lang) or _DEADLINE[job.lang]


def _with_when(text: str, when: str) -> str:
    """Append the time bound; a template's closing comma («…станут клиентами,») stays only before it."""
    text = text.rstrip(" ;.")
    return f"{text} {when}" if when else text.rstrip(",")


def _lemma_seq(tokens: Sequence[Token]) -> list[str]:
    return [t.lemma_.lower() for t in tokens]


def _spaced(tokens: Sequence[Token]) -> str:
    """Tokens as the writer spaced them, with one space where a dropped token stood between two."""
    out = ""
    for a, b in zip(tokens, list(tokens[1:]) + [None]):
        out += a.text
        if b is not None and (a.whitespace_ or b.i != a.i + 1):
            out += " "
    return out


def _ambiguous(tokens: Sequence[Token], job: Job) -> bool:
    """A metric whose good direction depends on the team («время в приложении», "tickets per agent")."""
    return _has_entry(tokens, job.kit.shared_words("ambiguous", job.lang)) and not lower_is_better(tokens, job)


def _has_entry(tokens: Sequence[Token], entries: Sequence[str]) -> bool:
    """Whether a (possibly multi-word) lexicon entry occurs, by lemmas or by surface forms."""
    lemmas, words = _lemma_seq(tokens), [t.lower_ for t in tokens]
    present = set(lemmas) | set(words)
    for entry in entries:
        parts = entry.split()
        if parts and parts[0] not in present:
            continue  # its first word is nowhere: no need to slide it along either sequence
        for seq in (lemmas, words):
            if any(seq[i:i + len(parts)] == parts for i in range(len(seq) - len(parts) + 1)):
                return True
    return False


def _last_entry(tokens: Sequence[Token], entries: Sequence[str]) -> int:
    """Index of the last token where a one-word lexicon entry stands (by lemma or surface form); -1 if none."""
    words = set(entries)
    return max((i for i, t in enumerate(tokens) if t.lower_ in words or t.lemma_.lower() in words), default=-1)


def lower_is_better(tokens: Sequence[Token], job: Job) -> bool:
    """Whether the phrase names a metric that should go down (incidents, churn, latency, cost…) — not its absence:
    «доля уроков без технических сбоев», "orders shipped without errors" go up."""
    words = job.kit.shared_words("lower_is_better", job.lang)
    if not _has_entry(tokens, words):
        return False
    absent = [i for i, t in enumerate(tokens) if t.lower_ in ("без", "without", "zero", "no")]
    return not (absent and _has_entry(tokens[absent[0] + 1:], words) and not _has_entry(tokens[:absent[0]], words))


# Words that turn harm into something won against it: "fraud prevented", «предотвращённых выплат» go up.
_AGAINST_HARM = ("prevent", "avert", "caught", "catch", "detect", "block", "stopp", "recover", "предотвра", "выявл", "заблокир",
                 "пресеч", "вернул", "возвра")


def _direction_verb(job: Job, tokens: Sequence[Token], rule_id: str = "vague-verb") -> str | None:
    """The verb for the metric's good direction; ``None`` when neither lexicon knows the metric (no guessing)."""
    verbs = job.kit.template(rule_id, "verbs", job.lang) or job.kit.template("vague-verb", "verbs", job.lang) or {}
    if any(t.text == "," or t.lower_ in _RELATIVE for t in tokens):
        return None  # «Доля пользователей, отключивших уведомления»: the clause decides the direction, not the lexicon
    if _has_entry(tokens, job.kit.shared_words("growth_spend", job.lang)):
        return None  # ad spend, «расходы на рекламу»: spending better is not always spending less
    if _has_entry(tokens, job.kit.shared_words("harm", job.lang)) and not any(
            t.lemma_.lower().startswith(_AGAINST_HARM) or t.lower_.startswith(_AGAINST_HARM) for t in tokens):
        return verbs.get("down", "Снизить" if job.lang == "ru" else "Reduce")  # "non-fatal overdose ED visits": harm goes down
    if job.lang == "en" and _last_entry(tokens, job.kit.shared_words("higher_is_better", "en")) > \
            _last_entry(tokens, job.kit.shared_words("lower_is_better", "en")) >= 0:
        return verbs.get("up", "Increase")  # "payment failure recovery rate": the English head comes last
    if lower_is_better(tokens, job):
        if job.lang == "ru" and _has_entry(tokens, job.kit.shared_words("duration", "ru")):
            return verbs.get("shorten", "Сократить")
        return verbs.get("down", "Снизить" if job.lang == "ru" else "Reduce")
    if _has_entry(tokens, job.kit.shared_words("higher_is_better", job.lang)):
        return verbs.get("up", "Повысить" if job.lang == "ru" else "Increase")
    return None


# A rate at the end of a metric's name: it belongs after the target value.
_RATE = re.compile(r"\s+(?:в|за)\s+(?:месяц|неделю|день|сутки|год|квартал|час)$", re.IGNORECASE)
_RELATIVE = frozenset("который которая которое которые которых которым кто who whose which that".split())


def _english_np(tokens: Sequence[Token], names: Sequence[str] = ()) -> str:
    """"the number of Sev-2 outages": a leading singular common noun followed by "of" takes "the"; a name the
    shared lexicon lists ("Instagram") keeps its capital."""
    named = bool(tokens) and tokens[0].lower_ in names
    text = _join(list(tokens)) if named else _lower_first(list(tokens), _join(list(tokens)))
    if len(tokens) > 1 and tokens[1].lower_ == "of" and tokens[0].lower_ in _COUNT_NOUNS:
        return "the " + text
    return text


_COUNT_NOUNS = frozenset("number share percentage percent rate amount count volume level ratio proportion".split())


def _comparator(analysis: Analysis) -> bool:
    """Words the writer chose for direction («не выше», "under", "at least"): a rewrite must not replace them."""
    return re.search(r"[<>≤≥⩽⩾]|\b(?:не\s+(?:выше|ниже|более|менее|больше|меньше|дороже|дешевле|позже|раньше|дольше|"
                     r"длиннее|короче|реже|чаще)|выше|ниже|более|менее|минимум|максимум|"
                     r"under|below|above|over|at\s+least|at\s+most|no\s+more|no\s+less|within|(?:less|more|fewer|"
                     r"cheaper|later|earlier)\s+than|"
                     r"or\s+(?:higher|better|more|greater|lower|less|fewer))\b",  # "4.5 or higher"
                     analysis.text, re.IGNORECASE) is not None  # «≥ 92%»: the writer's sign is their direction


def _metric_head(tokens: Sequence[Token], job: Job) -> bool:
    """Whether the phrase names something measurable: a metric word or a lower-is-better metric."""
    metric = job.kit.words("kpi-wording", job.lang, "metric") | set(job.kit.shared_words("measurable", job.lang))
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return False
    if job.lang == "ru":
        head = [nouns[0]]
    else:  # "customer retention rate": the last noun of the first noun run
        run = []
        for t in tokens:
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") or t.text == "-" or run and _plural_noun(t):
                run.append(t)
            elif run:
                break
        head = [t for t in run if t.pos_ in ("NOUN", "PROPN") or _plural_noun(t)][-1:] or nouns[:1]
    return any(t.lemma_.lower() in metric or t.lower_ in metric for t in head) or lower_is_better(head, job)


def _plural_noun(t: Token) -> bool:
    """"templates" in "Jira bug templates so …", tagged as a verb: after a noun and before a conjunction, a
    preposition or the end, an -s word ends the noun run (a verb there would have no object)."""
    if t.lang_ != "en" or not (t.is_alpha and t.lower_.endswith("s")) or t.i == 0 \
            or t.doc[t.i - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is None or nxt.pos_ in ("SCONJ", "ADP", "CCONJ", "PUNCT")


def _english_head(tokens: Sequence[Token]) -> Token | None:
    """"landing page for the spring campaign" → page: the last noun of the first noun run."""
    run: list[Token] = []
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or t.text == "-" or t.like_num:
            run.append(t)
        elif run:
            break
    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


def _count_before(analysis: Analysis, tokens: list[Token]) -> list[Token]:
    """The object with the number the writer gave for it («10 вебинаров», "5 blog posts")."""
    if not tokens:
        return tokens
    first = tokens[0]
    before = [t for t in analysis.doc[max(0, first.i - 2):first.i] if not t.is_space]
    if before and before[-1].like_num:
        return [before[-1], *tokens]
    return tokens


# ---------------------------------------------------------------- rewriters

# Verbs of trying things out: their deliverables are experiments, not assets whose rate the team can raise.
_TRYING_OUT = frozenset({"протестировать", "тестировать", "опробовать", "испытать", "test", "pilot", "trial", "prototype"})


@rewriter("task")
def task(job: Job) -> Rewrite | None:
    """An activity turned into its outcome, by the deliverable's lemma (``outcomes`` in the rule file).

    No outcome for that deliverable, no rewrite: a generic «[метрика результата]» frame helps nobody.
    """
    if "multiple-actions" in job.fired:
        return None  # several deliverables: one outcome would drop the others
    analysis, lang = job.analysis, job.lang
    if re.search(r"\b(?:чтобы|so\s+that|in\s+order\s+to|so\s+we)\b|,\s*(?:сократив|увеличив|снизив|повысив)",
                 analysis.text, re.IGNORECASE):
        return None  # the writer states the purpose: an invented outcome would replace theirs
    verb = analysis.predicate
    if verb is not None and verb.lemma_.lower() in _TRYING_OUT:
        return None  # «Протестировать 90 новых креативов»: a test finds what works; new things have no rate to raise yet
    passive = verb if verb is not None and ("Pass" in verb.morph.get("Voice") or (verb.i > 0 and not obj_after(verb))) \
        else None
    if verb is None:
        passive = next((t for t in analysis.doc if t.i > 0 and ("Pass" in t.morph.get("Voice")
                        or (lang == "en" and t.lower_.endswith("ed")))), None)
        if passive is None:
            return None
    if passive is not None:
        obj = [tok for tok in analysis.doc[:passive.i] if not tok.is_space]  # «Лендинг опубликован»
        rest = analysis.doc[passive.i + 1:]
    else:
        obj = object_tokens(analysis, verb)
        rest = analysis.doc[obj[-1].i + 1:] if obj else analysis.doc[0:0]
    if any(not (t.is_space or t.is_punct) and not any(x.start <= t.idx < x.end for x in analysis.times) for t in rest):
        return None  # more than the deliverable ("… with key ecosystem projects"): an outcome would drop it
    nouns = [tok for tok in obj if is_noun(tok)]
    if not nouns:
        return None
    if obj and (obj[0].lower_ in ("a", "an") or any(t.lemma_.lower() in ("новый", "new") for t in obj)):
        return None  # "publish a monthly dealer newsletter": a new thing has no open rate to start from yet
    if len([t for t in obj if t.is_alpha]) > 5:
        return None  # «рассылку напоминаний о сроках оплаты по всей базе»: an outcome over a long chain reads badly and
        # names a metric the writer's own words already say more precisely
    if lang == "ru" and any(t.lower_ in ("в", "во", "на") and t.i + 1 < len(t.doc) and "Acc" in t.doc[t.i + 1].morph.get("Case")
                            for t in obj):
        return None  # «Написать 4 статьи в блог»: «в блог» goes with the verb; «читателей статей в блог» would not read
    noun = nouns[0] if lang == "ru" else _english_head(obj) or nouns[-1]
    outcomes = job.kit.template("task-key-result", "outcomes", lang) or {}
    lemma = noun.lemma_.lower()
    template = outcomes.get(lemma) or next((v for k, v in outcomes.items() if lemma.endswith(k)), None)
    if template is None or _has_entry(obj, job.kit.shared_words("harm", lang)):
        return None  # «учебную фишинговую рассылку»: opens of a phishing drill should fall; the stock outcome raises them
    counted = _count_before(analysis, obj)
    if lang == "ru":
        number = "plur"
        if counted is not obj and counted[0].text.isdigit():
            count = int(counted[0].text)
            number = "sing" if count % 10 == 1 and count % 100 != 11 else "plur"  # «участников 31 вебинара»
        counted_gen = np_in_case(counted, "gent", number) if counted is not obj else np_in_case(counted, "gent")
        values = {"np_gen_plur": np_in_case(counted, "gent", number), "np_gen": counted_gen,
                  "np": _lower_first(counted, _join(counted))}
    else:
        values = {"np": _lower_first(counted, _join(counted))}
    text = template.format(**values)
    own = " ".join(x.text for x in analysis.times)  # "by April 15": the writer's date stays
    return Rewrite(sentence(_with_when(text, own or _when(job))))


@rewriter("kpi")
def kpi(job: Job) -> Rewrite | None:
    """A metric name or a steady quota turned into a change: «Снизить количество жалоб в неделю с X до Y»."""
    analysis, lang = job.analysis, job.lang
    verb = analysis.predicate
    maintain = job.kit.words("kpi-wording", lang, "maintain")
    if verb is not None and verb.lemma_.lower() in maintain:
        return None  # "maintain" is the writer's direction: keeping a level is theirs to decide
    if any("habit" in t.values for t in job.fired.get("kpi-wording", ())):
        return None  # "Swim twice a week": how often to keep a habit is the writer's to decide, not a metric to move
    if job.fired.get("task-key-result"):
        return None  # "Weekly calibration sessions held with all team leads": a task, no metric to raise
    if _comparator(analysis):
        return None
    if re.search(r"\d\s*%\s+(?:от|из|of)\s", analysis.text, re.IGNORECASE):
        return None  # «Выручка от доставки — 8% от выручки точек»: a share of another metric; «Увеличить выручку…» loses it
    kpi_words = job.kit.words("kpi-wording", lang, "kpi_words")
    tokens = [tok for tok in analysis.doc if tok.lower_ not in kpi_words and tok is not verb]
    measures = [q for q in analysis.quantities if q.measure]
    if len(measures) > 1 or measures and re.search(r"\b(?:per|for\s+every)\s*$", analysis.text[:measures[0].start], re.I):
        return None  # "Refund requests per 1,000 orders": the number scales the metric, it is no target
    if _OWNER_LINE_TAG.search(analysis.text):
        return None  # «… — 45% — отв. Ольга С.»: the owner's tag would end up inside the rewritten phrase
    if measures and re.search(r"\bот\s*[+±]?\s*$|[+±]\s*$", analysis.text[:measures[0].start], re.IGNORECASE):
        return None  # «eNPS — от +30»: a floor with its sign; «с X до 30» would drop both (the note asks for the start)
    target = measures[0].text if measures else "Y"
    colon = next((t for t in tokens if t.text == ":"), None)
    if colon is not None:  # «КПЭ отдела: 120 MQL в месяц»: the metric is after the label
        tokens = [t for t in tokens if t.i > colon.i]
    if measures:
        unit = _NOTE_TAIL.match(analysis.text, measures[0].end)
        unit_end = unit.end() if unit else measures[0].end
        if unit is None and lang == "ru" and re.search(r"[—–:]\s*$", analysis.text[:measures[0].start]):
            # «Время ответа — 1 день»: the counted noun right after the number belongs to the target
            noun = next((t for t in analysis.doc if t.idx > unit_end and not t.is_space), None)
            if noun is not None and is_noun(noun) and re.search("[а-яё]", noun.lower_) \
                    and not analysis.text[unit_end:noun.idx].strip():
                unit_end = noun.idx + len(noun.text)
        target = analysis.text[measures[0].start:unit_end]
        if not re.search(r"\d", target):
            return None  # «— половина всех записей»: a number in words governs its own phrase; «до половина» breaks it
    else:
        unit_end = -1
    if any(t.pos_ == "ADJ" and any(x.start <= t.idx < x.end for x in analysis.times)
           and (n := next((u for u in analysis.doc[t.i + 1:] if not u.is_space), None)) is not None and n.pos_ == "NOUN"
           for t in analysis.doc):
        return None  # «NPS по ежеквартальному опросу»: the period word describes the survey; moving it breaks the phrase
    if tokens and tokens[0].lower_ in ("уровень", "level"):
        return None  # «Уровень фрода — 0,8 б.п.»: "level" heads the metric's name; without it the phrase has no head
    level = {t.i for t in tokens if t.lower_ in ("уровне", "уровень", "level")}
    level |= {t.i - 1 for t in tokens if t.i in level}  # «на уровне», "at the level"
    body = [tok for tok in tokens if not any(q.start <= tok.idx < q.end for q in analysis.quantities)
            and not (measures and measures[0].end <= tok.idx < unit_end)
            and not any(x.start <= tok.idx < x.end for x in analysis.times)
            and tok.i not in level
            and not (tok.text in ("—", "–", "-") and (tok.whitespace_ or tok.i == 0))]
    while body and (body[0].is_punct or body[0].pos_ in ("ADP", "CCONJ")):
        body.pop(0)
    while body and (body[-1].is_punct or body[-1].pos_ in ("ADP", "CCONJ")) and not _after_glued_hyphen(body[-1]):
        body.pop()  # (not the "in" of "check-in": a word glued by a hyphen belongs to its compound)
    if not body or _ambiguous(body, job) or measures and _count_over_period(body, job):
        return None
    if lang == "en" and any(t.lower_ == "from" for t in body):
        return None  # "score from the branch exit survey": a second "from X to Y" would stack two from-phrases
    if lang == "ru" and _misspelled(body[0]):
        return None  # «Колличество заявок»: an unknown word cannot be put in another case («колличества»)
    new_verb = _direction_verb(job, body, "kpi-wording")
    if new_verb is None:
        return None
    number = re.match(r"[\d\s  .,]*\d", target)
    if number is not None and TIME_UNIT_AFTER.match(target[number.end():]) and not lower_is_better(body, job):
        return None  # «Оборачиваемость запасов — 28 дней»: in days, lower is better; the lexicon's "up" would invert it
    times = " ".join(x.text for x in analysis.times)
    when = times or _when(job)
    if lang == "ru":
        counted = _has_entry(body[:1], job.kit.shared_words("counted_terms", "ru"))  # MQL, not NPS: «число MQL»
        if measures and (body[0].pos_ in ("NOUN", "PROPN") and "Gen" in body[0].morph.get("Case")
                         or re.fullmatch(r"[A-Z]{2,}s?", body[0].text) and counted):  # «120 MQL в месяц» → «число MQL»
            phrase = f"число {_spaced(body)}"  # «500 заявок в месяц» → «число заявок в месяц»
        elif all(not any("\u0400" <= ch <= "\u04ff" for ch in t.text) for t in body):
            phrase = _lower_first(body, _spaced(body))  # «D30 retention»: English terms in a Russian line stay as written
        elif measures and not is_noun(body[0]):
            return None
        else:
            phrase = np_in_case(body, "accs")
        comma = "," if _ends_in_participle_clause(body) else ""  # «…, госпитализированных в срок, с X до 95%»
        rate = _RATE.search(phrase)
        if rate and measures and not phrase.startswith("число"):  # «выручку с X до 10 млн ₽ в месяц», not «выручку в месяц с X»
            phrase, target = phrase[:rate.start()], f"{target}{rate.group()}"
        return Rewrite(sentence(_with_when(f"{new_verb} {phrase}{comma} с X до {_after_do(target)}", when)))
    if len(body) >= 2 and body[-1].lower_.endswith("ing") and body[-2].lower_ in ("before", "after", "without", "while", "when", "by"):
        return None  # "clients booking their next visit before leaving from X to Y": the range would attach to "leaving"
    head = _english_head(body)
    counted = head is not None and head.lower_ in job.kit.shared_words("counted_people", "en") \
        and not _metric_head([head], job)
    if measures and body[0].tag_ in ("NNS", "NNPS") or (measures and body[0].lower_.endswith("s") and body[0].pos_ == "NOUN") \
            or counted:  # "Book club members" → "the number of book club members"
        phrase = f"the number of {_lower_first(body, _spaced(body))}"
    else:
        phrase = _english_np(body, job.kit.shared_words("names", lang))
    start = f"{target[0]}X" if target[:1] in "$€£¥₹" else "X"  # "from $X to $400k"
    scope = _EN_SCOPE_TAIL.search(phrase)
    if scope is not None:  # "Google rating from X to 4.5+ at every site", not "… at every site from X to 4.5+"
        return Rewrite(sentence(_with_when(
            f"{new_verb} {phrase[:scope.start()]} from {start} to {target}{phrase[scope.start():]}", when)))
    return Rewrite(sentence(_with_when(f"{new_verb} {phrase} from {start} to {target}", when)))


# A scope at the end of a metric phrase: "at every site", "across all stores", "in each region".
_EN_SCOPE_TAIL = re.compile(r"\s+(?:at|across|in|for)\s+(?:every|each|all)\b.*$", re.IGNORECASE)


def _after_do(target: str) -> str:
    """«до» governs the genitive: «2 часа» → «до 2 часов», «1 день» → «до 1 дня»; a unit sign stays as it is."""
    m = re.match(r"(\d+)(\s+)([а-яё]+)\b", target, re.IGNORECASE)
    if m is None or "," in target[:m.end(1)] or "." in target[:m.end(1)]:
        return target
    from .analysis.russian import parses

    readings = [p for p in parses(m.group(3).lower()) if "NOUN" in p.tag.grammemes]
    if not readings:
        return target
    count = int(m.group(1))
    number = "sing" if count % 10 == 1 and count % 100 != 11 else "plur"
    form = readings[0].inflect({"gent", number})
    if form is None:
        return target
    word = form.word if m.group(3).islower() else form.word.capitalize()
    return target[:m.start(3)] + word + target[m.end(3):]


def _count_over_period(body: Sequence[Token], job: Job) -> bool:
    """«12 ежемесячных встреч», "12 monthly sessions": a number of events held over the period, not a level."""
    rates = {w.lower() for w in job.kit.template("kpi-wording", "rate_words", job.lang) or ()}
    if not any(t.lower_ in rates or t.lemma_.lower() in rates for t in body):
        return False
    head = _english_head(body) if job.lang == "en" else next((t for t in body if is_noun(t)), None)
    return head is not None and _has_entry([head], job.kit.shared_words("artefact", job.lang))


@rewriter("vague-verb")
def vague_verb(job: Job) -> Rewrite | None:
    """«Улучшить удержание клиентов» → «Повысить удержание клиентов с X до Y»: only when the object is a metric."""
    if job.kind != "key_result":
        return None  # an objective is qualitative: the message says what to name instead
    analysis = job.analysis
    verb = analysis.predicate
    if verb is None:
        return None
    obj = object_tokens(analysis, verb)
    if not obj or not _metric_head(obj, job) or _ambiguous(obj, job):
        return None
    new_verb = _direction_verb(job, obj)
    if new_verb is None:
        return None
    after_verb = verb.idx + len(verb.text)
    if verb.pos_ in ("NOUN", "PROPN"):  # "Improvement of API docs coverage": the noun and its "of" go
        of = re.match(r"\s+of\b", analysis.text[after_verb:])
        if job.lang != "en" or of is None:
            return None
        after_verb += of.end()
    elif job.lang == "en" and (particle := re.match(r"\s+(?:on|upon|at|towards?)\b", analysis.text[after_verb:])):
        after_verb += particle.end()  # "Work on the backlog" → "Reduce the backlog": the particle goes with its verb
    elif analysis.has_measure:
        first = next((q for q in analysis.quantities if q.measure), None)
        if first is not None and re.search(r"\b(?:so|чтобы|так\s+что|which|that)\b", analysis.text[verb.idx:first.start],
                                           re.IGNORECASE):
            return None  # "Enhance coverage so viewers get warnings 5 minutes earlier": the number measures the clause
        return _verb_swap(job, verb, new_verb)
    if analysis.has_measure:
        return None
    end = obj[-1].idx + len(obj[-1].text)
    tail = analysis.text[end:].strip()
    if _CONDITION.search(tail):
        return None  # "…if budget allows from X to Y"
    if job.lang == "en" and _EN_METRIC_PP.fullmatch(tail) and not analysis.times:
        # "engagement with the careers app from X to Y": a short phrase the metric governs stays with it
        return Rewrite(sentence(_with_when(f"{new_verb}{analysis.text[after_verb:end]} {tail} {_RANGE[job.lang]}", _when(job))))
    return Rewrite(sentence(_with_when(f"{new_verb}{analysis.text[after_verb:end]} {_RANGE[job.lang]} {tail}",
                                       _when(job))))


_EN_METRIC_PP = re.compile(r"(?:with|of|on|among|across)\s+[^\W\d_][^,;:()\d]{0,40}", re.IGNORECASE)


# "from 4.2 to 4.6", «с 3% до 5%»: a range whose two ends are plain numbers.
_NUMERIC_RANGE = re.compile(r"\b(?:from|с|со)\s+[~≈]?[$€₽]?(\d+(?:[.,]\d+)?)\s*%?[^\d,;]{0,20}?\s(?:to|до)\s+[$€₽]?"
                            r"(\d+(?:[.,]\d+)?)", re.IGNORECASE)


def _verb_swap(job: Job, verb: Token, new_verb: str) -> Rewrite | None:
    """"Improve CSAT from 4.2 to 4.6" → "Increase CSAT from 4.2 to 4.6": the verb is the only thing wrong.

    Offered only when the item already gives its metric, start and target (a verb alone is no help where the
    start is missing: the message asks for it), as one exact edit of the verb.  It keeps the meaning — and may
    be a safe fix — when the two numbers move the way the new verb says.
    """
    text = job.text
    if job.lang == "ru" and "Inf" not in verb.morph.get("VerbForm"):
        return None  # «Улучшим» would need «Повысим»: only the infinitive is swapped
    opening_gerund = job.lang == "en" and verb.lower_.endswith("ing") and not text[:verb.idx].strip()
    if job.lang == "en" and verb.lower_ != verb.lemma_.lower() and not opening_gerund:
        return None  # "improves", "improved": only the base form is swapped ("Enhancing X to 99%" opens the item: it goes)
    if not has_baseline(text):
        if job.fired.get("missing-baseline"):  # the start is asked for next to the target: a real rewrite
            return Rewrite(sentence(text[:verb.idx] + new_verb + text[verb.idx + len(verb.text):]))
        return None
    word = new_verb.lower() if verb.i > 0 or verb.text[:1].islower() else new_verb
    edit = (verb.idx, verb.idx + len(verb.text), word)
    ends = _NUMERIC_RANGE.search(text)
    keeps = False
    if ends is not None:
        start, target = (float(g.replace(",", ".")) for g in ends.groups())
        up = new_verb.lower() in ("повысить", "увеличить", "increase", "raise", "grow")
        if target != start and (target > start) != up:
            return None  # "Improve churn from 3% to 5%": the writer's numbers and the metric disagree
        keeps = target != start
    return Rewrite(text[:edit[0]] + word + text[edit[1]:], edits=(edit,), keeps_meaning=keeps)


_PHRASAL_PARTICLES = frozenset("in out on off over about forward together along through".split())
# A condition or a time clause after the object: a range appended after it would belong to it.
_CONDITION = re.compile(r"(?:^|\s|,)(?:if|unless|when|whenever|provided|если|когда|пока|при\s+условии)\b", re.IGNORECASE)


# Words that open the means of a change: the range belongs before them.
_MEANS = frozenset({"благодаря", "путём", "путем", "through", "via"})


@rewriter("add-number")
def add_number(job: Job) -> Rewrite | None:
    """A verb of change with no number: «Увеличить продажи» → «Увеличить продажи с X до Y»."""
    analysis = job.analysis
    verb = analysis.predicate
    change = job.kit.words("missing-number", job.lang, "direction") & set(job.kit.shared_words("change", job.lang))
    if verb is None or verb.lemma_.lower() not in change:
        return None
    if job.lang == "ru" and verb.pos_ != "VERB":
        return None  # the tagger read the verb as something else («Вырастим» as an adjective): its object is a guess
    if job.lang == "ru" and _imperfective(verb):
        return None  # «Снижать долю … с X до Y»: a target to reach wants the perfective («снизить»), the writer's verb is not
    obj = object_tokens(analysis, verb)
    if not obj or analysis.has_measure:
        return None
    means = next((k for k, t in enumerate(obj) if k > 0 and (t.lower_ in _MEANS or t.lower_ == "за" and k + 1 < len(obj)
                                                              and obj[k + 1].lower_ in ("счёт", "счет"))), None)
    if means is not None:
        obj = obj[:means]  # «Снизить расходы на топливо за счёт маршрутизации»: the range goes with the metric, not the means
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if job.lang == "en" and following is not None and following.lower_ in _PHRASAL_PARTICLES:
        return None  # "bring in an auditor", "roll out SSO": a task, not a metric to move
    words = [t for t in obj if t.is_alpha]
    purpose = any(t.lower_ == "чтобы" or t.lower_ == "to" and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
                  and not any(x.pos_ == "PRON" for x in obj if x.i < t.i)  # "the time it takes to resolve…"
                  for t in obj if t.i > 0)
    if len(words) > 10 or purpose:
        return None  # "Grow the team to have…": a range after a purpose or a long phrase names no metric
    end = obj[-1].idx + len(obj[-1].text)
    closing = re.match(r"\s*[»”\")\]]+", analysis.text[end:])
    if closing is not None:
        end += closing.end()  # «абонементов «Семейный сезон»»: the range goes after the name's closing quote, not inside
    tail = analysis.text[end:].strip()
    if re.match(r"(?:и|and|or|или|,)\b|,", tail, re.IGNORECASE) or _CONDITION.search(tail):
        return None  # two metrics in one line: one range cannot serve both; a range after "if…" reads as its part
    start = analysis.text[:end]
    if job.lang == "ru" and _counts_people(obj):
        if verb.lemma_.lower() not in _COUNT_VERBS or "Inf" not in verb.morph.get("VerbForm"):
            return None  # «Вырастить data-чемпионов с X до Y» moves people, not a number: the message asks for one
        start = f"{start[:obj[0].idx]}число {start[obj[0].idx:]}"  # «Увеличить число подписчиков канала с X до Y»
    return Rewrite(sentence(_with_when(f"{start} {_RANGE[job.lang]} {tail}", _when(job))))


def _misspelled(token: Token) -> bool:
    """«Колличество»: a Cyrillic word the dictionary does not know, but does once a doubled letter is single —
    a typo whose forms pymorphy3 would only guess (a loanword such as «аптайм» is inflected as usual)."""
    word = token.text.lower()
    if not token.is_alpha or not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return False
    from .analysis.russian import morph

    if morph().word_is_known(word):
        return False
    return any(morph().word_is_known(word[:i] + word[i + 1:]) for i in range(1, len(word)) if word[i] == word[i - 1])


def _imperfective(verb: Token) -> bool:
    """«снижать», «улучшать»: every dictionary reading of the verb is imperfective (the tagger's aspect is a guess)."""
    from .analysis.russian import parses

    readings = [p for p in parses(verb.text.lower()) if p.tag.POS in ("INFN", "VERB")]
    return bool(readings) and all("impf" in p.tag for p in readings)


# Verbs that take «число …» as their object: «увеличить число подписчиков», not «вырастить число чемпионов».
_COUNT_VERBS = frozenset(("увеличить", "нарастить"))


def _counts_people(obj: Sequence[Token]) -> bool:
    """«подписчиков», «партнёров»: a Russian object that names people in the plural — a range after it needs
    «число» in front («Увеличить подписчиков с X до Y» is colloquial at best)."""
    head = next((t for t in obj if is_noun(t)), None)
    return head is not None and "Plur" in head.morph.get("Number") and "Anim" in head.morph.get("Animacy")


# What belongs to a target after its number: "/10", a percent, a unit, a currency, «раза».
_NOTE_TAIL = re.compile(
    r"(?:\s*/\s*\d+(?:[.,]\d+)?|\s*(?:%|п\.\s?п\.|pp\b|p\.p\.|₽|\$|€|руб\w*\.?|тыс\.?|млн|млрд|шт\.?|k\b|"
    r"раза?\b|times\b|x\b|секунд\w*|минут\w*|час\w*|дн(?:я|ей)|недел\w*|мс\b|ms\b|сек\b|мин\b|"
    r"seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|points?\b|pts\b|пункт\w*))+", re.IGNORECASE)


@rewriter("add-baseline")
def add_baseline(job: Job) -> Rewrite | None:
    """«до 68% (сейчас X%)»: the current value after the whole target phrase that lacks it.

    The note goes at the end of the target's clause, after everything that belongs to the target — its unit,
    scale, rate, scope and deadline («< 100 флашей на 1M ops (сейчас X)», "…on the onboarding checklist within 7
    days (currently X%)") — and before a clause break or a constraint ("without degradation").  Where «Снизить
    отток до 3% к концу года» would put the note between the target and its tail, the range reads better: «с X%
    до 3% к концу года».  Nothing when the text already gives a start, when a current value means nothing (a
    version's number, zero, "at least one", a thing that does not exist yet, a launch or a new thing named by the
    item or its objective, a count of people who switched this period, a one-off event), or when two targets
    share the clause.
    """
    text = job.text
    if has_baseline(text) or _no_current_value(text, job):
        return None  # «с X до Y (сейчас X)» would ask twice; «(сейчас X)» for a new MVP asks for nothing
    found = [(t, _find(text, t)) for t in job.fired.get("missing-baseline", ())]
    target, at = next(((t, at) for t, at in found if at >= 0 and not _names_a_thing(text, at, t.text, job)),
                      (None, -1))
    if target is None:
        return None
    if _meaningless_target(text, at, target.text):
        return None
    number = re.match(r"[^\d]{0,20}?[\d.,]+", text[at:])
    unit = TIME_UNIT_AFTER.match(text[at + number.end():]) if number is not None else None
    if unit is not None and re.search(r"\d\s?%\s+(?:of|от|из)\b", text[at + number.end() + unit.end():], re.IGNORECASE):
        return None  # "within 2 hours … on 95% of stories": the share is the level; a note in hours would ask the wrong start
    end = at + len(target.text)
    tail = _NOTE_TAIL.match(text, end)
    if tail:
        end = tail.end()
    percent = text[at:end].rstrip().endswith("%") and not _relative(text, at, end)
    scale = _SCALE.match(text, end)
    if scale:
        end = scale.end()
    letter = next((x for x in "XYNM" if not re.search(rf"\b{x}\b", text)), None)
    if letter is None:
        return None  # the writer's own placeholders: a note with one of them would read as already reached
    if job.lang == "en" and "kpi-wording" in job.fired and _EN_LABEL_LINE.match(text):
        return None  # "Alert precision: 85% (currently X%)" reads as two clashing readings; the kpi rewrite or words
    value = _placeholder_value(text, at, end, letter, percent)
    note = job.kit.template("missing-baseline", "note", job.lang) or (" (сейчас X)" if job.lang == "ru" else " (currently X)")
    note = note.replace("X", _placeholder_value(text, at, end, letter, percent, time_unit=job.lang == "en"))
    multiplier = " " not in target.text.strip() and target.start == 0  # "Double the share…": the note at the end
    where = _note_at(text, len(text) if multiplier else end, job)
    if where is None:
        return None
    noted = Rewrite(sentence(text[:where] + note + text[where:])) if _note_fits(text, where) else None
    follows = re.match(r"\s*([^\W\d_]+)", text[end:where])
    if not multiplier and follows is not None and follows.group(1).lower() in _PREPOSITIONS:  # not "to 5 new verticals"
        ranged = _as_range(text, at, target.text, value, job)
        if ranged is not None:  # «Снизить отток до 3% к концу года» → «Снизить отток с X% до 3% к концу года»
            return replace(ranged, fallback=noted)
    if noted is None:
        return None
    won = _won_not_reached(noted.text) if job.lang == "ru" else None
    return Rewrite(won, fallback=noted) if won is not None else noted


# "Alert precision: 85%", "Individual giving income: £640k", "Cost per claim — under €450": a metric label, then its value.
_EN_LABEL_LINE = re.compile(r"^[^\W\d][^:—–\d]{1,60}(?::|\s[—–-])\s*(?:[<>≤≥~]|under|below|above|over|at\s+least|at\s+most)?"
                            r"\s*[$€£¥₹]?\d", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"([$€£¥₹])\s?$")
_ROUBLES_AFTER = re.compile(r"\s?((?:тыс\.?|млн|млрд)\s?)?(₽|руб\.?)")


def _placeholder_value(text: str, at: int, end: int, letter: str, percent: bool, time_unit: bool = False) -> str:
    """The placeholder in the target's own unit: "(currently €X)" for "under €450", «(сейчас X ₽)» for «3 500 ₽»."""
    if percent:
        return letter + "%"
    digits = re.search(r"\d", text[at:end])
    first = at + digits.start() if digits else at
    before = _CURRENCY_BEFORE.search(text[max(0, first - 2):first])
    if before is not None:
        return before.group(1) + letter
    number = re.match(r"[\d\s  .,]*\d", text[first:end])
    after = _ROUBLES_AFTER.match(text, first + number.end()) if number is not None else None
    if after is not None:
        return f"{letter} {after.group(1) or ''}{after.group(2)}"  # «(сейчас X млн ₽)»
    unit = _TIME_UNIT.match(text, first + number.end()) if number is not None and time_unit else None
    if unit is not None:  # "(currently X days)": a time keeps its unit
        word = unit.group(1).lower()
        return f"{letter} {next((v for k, v in _TIME_UNITS if word.startswith(k)), word)}"
    return letter


_TIME_UNIT = re.compile(r"\s?(days?|hours?|minutes?|mins?|seconds?|secs?|weeks?|ms)\b", re.IGNORECASE)
# A time unit as it reads after a placeholder: "X days" (a Russian note stays «(сейчас X)»: «X дней/дня» would guess).
_TIME_UNITS = (("day", "days"), ("hour", "hours"), ("minute", "minutes"), ("min", "min"), ("second", "seconds"),
               ("sec", "sec"), ("week", "weeks"), ("ms", "ms"))


def _won_not_reached(text: str) -> str | None:
    """«Достичь 10 клиентов» is a calque: people are won («Привлечь 10 клиентов»), a level is reached."""
    match = re.match(r"(Достичь|Достигнуть)(\s+\d[\d  ]*\s+)([а-яё]+)", text, re.IGNORECASE)
    if match is None:
        return None
    from .analysis.russian import parses

    readings = parses(match.group(3).lower())
    if not readings or not {"NOUN", "anim", "gent"} <= set(readings[0].tag.grammemes):
        return None  # «Достичь 99,99% доступности»: a level is reached
    return _cap("привлечь", match.group(1)) + text[match.end(1):]


# What may follow a target that the range form keeps next to it: a deadline, a scope, a means («за квартал», "by …").
_PREPOSITIONS = frozenset("в во на за через после до к ко по при для среди у "
                          "in on at within during over after before by for until across among per".split())


def _find(text: str, target: Target) -> int:
    """Where the target is in the (possibly edited) text: at its own place, else its first whole occurrence."""
    if text[target.start:target.end] == target.text:
        return target.start
    match = re.search(rf"(?<![\w.,]){re.escape(target.text)}(?![\d.,]\d)", text)
    return match.start() if match else text.find(target.text)


def _as_range(text: str, at: int, target: str, start: str, job: Job) -> Rewrite | None:
    """«Verb metric до N …» → «Verb metric с X до N …», where a change verb and a plain «до N» / "to N" allow it."""
    lead = re.match(r"(до|to)\s+[$€₽]?\d", target.strip(), re.IGNORECASE)
    verb = re.match(r"\s*([^\W\d_]+)", text)
    change = set(job.kit.shared_words("change", job.lang)) - {"довести", "bring", "double", "triple", "halve",
                                                               "удвоить", "утроить"}
    if lead is None or verb is None or verb.group(1).lower() not in change:
        return None
    if re.search(r"\b(?:from|с|со)\s*$", text[:at], re.IGNORECASE) or re.search(r"[,;:(]", text[verb.end():at]):
        return None  # the metric phrase itself ends in «с»/"from", or a clause lies between the verb and the target
    word = "с" if job.lang == "ru" else "from"
    return Rewrite(sentence(f"{text[:at].rstrip()} {word} {start} {text[at:].lstrip()}"))


# A current value means nothing for a count that qualifies a new thing or a one-off event (see missing-baseline.yaml).
_CREATE = re.compile(r"\s*(?:build|create|establish|implement|develop|design|assemble|set\s+up|stand\s+up|создать|"
                     r"построить|собрать|разработать|внедрить)\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"at\s+least|≥|>=|\d\s*\+|не\s+менее|минимум|как\s+минимум|хотя\s+бы", re.IGNORECASE)


def _no_current_value(text: str, job: Job) -> bool:
    """The whole item is about something that has no current value yet: an MVP, the first month after launch,
    a one-off demo, a specification («Free tier: 2 assessments + …»), a stopping rule ("until …") — or its start
    is already named in words ("compared to the legacy tool")."""
    lowered = " ".join(text.lower().split())
    phrases = job.kit.template("missing-baseline", "no_current", job.lang) or ()
    if _found(_words_pattern(tuple(phrases), "word"), lowered):
        return True
    if _names_any(job, "launched", f"{text}\n{job.objective}") or _names_any(job, "switched", text):
        return True  # «Запустить доставку в приложении»: the app's average order has no value yet; «3 000 перешли» starts at 0
    created = _CREATE.match(text)
    count = _AT_LEAST.search(text)
    things = job.kit.template("missing-baseline", "new_things", job.lang) or ()
    if created and count and _found(_words_pattern(tuple(things), "start"), text[:count.start()].lower()):
        return True  # "Build a dataset of ≥50 places": the count describes what is built; today it is zero
    if re.match(r"\s*[\w\s-]{0,20}\b(?:tier|plan|тариф\w*)\s*:", text, re.IGNORECASE):
        return True  # a plan's specification, not a metric to move
    if re.search(r"\b(?:compared\s+(?:to|with)|relative\s+to)\b|по\s+сравнению\s+с", text, re.IGNORECASE):
        return True  # "…by 30% compared to the legacy tool": the writer named the start in words
    return re.search(r"\b(?:until|till)\b|пока\s+не\b", text, re.IGNORECASE) is not None


def _names_any(job: Job, key: str, text: str) -> bool:
    """Whether ``text`` has a word of the rule's ``key`` list: whole words, or any ending after a word's «*»."""
    words = job.kit.template("missing-baseline", key, job.lang) or ()
    return _found(_words_pattern(tuple(words), "star"), text.lower())


@lru_cache(maxsize=None)
def _words_pattern(words: tuple[str, ...], ends: str) -> re.Pattern[str] | None:
    """One pattern for a lexicon list, lower-cased, each entry after a non-word character and ending where a word
    does ("word"), anywhere ("start"), or where a word does unless the entry ends in «*» ("star": any ending).

    A search finds a match exactly when one entry's own pattern would: the rewriters asked ``re.search`` once per
    entry, a compile-cache lookup each.
    """
    def alternative(word: str) -> str:
        if ends == "star":
            return re.escape(word.lower().rstrip("*")) + ("" if word.endswith("*") else r"(?!\w)")
        return re.escape(word.lower()) + (r"(?!\w)" if ends == "word" else "")

    return re.compile(r"(?<!\w)(?:" + "|".join(alternative(w) for w in words) + ")") if words else None


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _names_a_thing(text: str, at: int, target: str, job: Job) -> bool:
    """A number that is part of a name ("WCAG 2.1", "Tier 1", «неделя 3», "v2.0") or a fact of an equation ("= 16")."""
    if re.search(r"[=×]\s*$", text[:at]):
        return True
    before = re.search(r"([^\W\d_]+)[\s-]*$", text[:at])
    names = job.kit.template("missing-baseline", "names", job.lang) or ()
    if before is not None and before.group(1).lower() in {n.lower() for n in names} and not target.strip()[:1].isalpha():
        return True
    return re.match(r"\s*v?\d+\.\d+\.\d+|\s*v\d", target) is not None


def _meaningless_target(text: str, at: int, target: str) -> bool:
    """Zero, "at least one", a count inside the writer's brackets or followed by «+ …» (a specification)."""
    number = re.search(r"\d+(?:[.,]\d+)?|\b(?:zero|none|ноль|нуля|one|один|одного|одна|одной|одну)\b", target,
                       re.IGNORECASE)
    if number is None:
        return False
    after = text[at + number.end():]
    value = number.group().lower()
    if value in ("zero", "none", "ноль", "нуля") or value.replace(",", ".").strip("0.") == "":
        return True
    if value in ("one", "один", "одного", "одна", "одной", "одну", "1") and _AT_LEAST.search(
            text[max(0, at - 20):at + number.start()]) and not re.match(
            r"\s*(?:[%.,\d]|[kmb]\b|million|billion|thousand|тыс|млн|млрд)", after, re.IGNORECASE):
        return True  # "at least one professional": met or not, there is nothing to start from
    if text[:at].count("(") > text[:at].count(")"):
        return True  # inside the writer's own brackets
    return re.match(r"\s*[^\W\d_]+\s*\+\s*\w", after) is not None  # "2 assessments + Week 1 strategies"


# A relative change in per cent ("a 40% increase in champions", «рост на 30%») is counted in its own unit.
_RELATIVE_AFTER = re.compile(
    r"\s*(?:increase|growth|rise|uplift|lift|boost|gain|jump|improvement|reduction|decrease|drop|decline|cut|more|"
    r"less|fewer|higher|lower|faster|slower|рост\w*|прирост\w*|увеличени\w*|снижени\w*|сокращени\w*|уменьшени\w*|"
    r"больше|меньше|выше|ниже|быстрее|медленнее)\b", re.IGNORECASE)


def _relative(text: str, at: int, end: int) -> bool:
    """Whether a per-cent target is a change, not a level: «на 25%», "by 25%", "40% increase", "up 10%"."""
    return re.match(r"\s*(?:на|by)\b", text[at:end], re.IGNORECASE) is not None or \
        _RELATIVE_AFTER.match(text, end) is not None or \
        re.search(r"(?:^|\s)(?:up|down|на|by)\s+(?:(?:at\s+(?:least|most)|не\s+менее|не\s+более|минимум|хотя\s+бы)\s+)?$",
                  text[:at], re.IGNORECASE) is not None


def _note_fits(text: str, at: int) -> bool:
    """Whether «(сейчас X)» / "(currently X)" reads well at ``at``.

    Not inside a word or a number ("1:55"), not next to the writer's own brackets ("(currently X) (100Mbps)"),
    not after a full stop inside the item (two sentences: which one is it about?), not beside "current"
    ("at current revision (currently X)").
    """
    before, after = text[:at], text[at:]
    if re.match(r"[\w:/.,]\w", after) or re.search(r"\w$", before) and re.match(r"\w", after):
        return False
    if re.match(r"\s*[(:]", after) or before.rstrip().endswith(")"):
        return False  # "(currently X) (100Mbps)", "three functions (currently X): a booth, a webinar…"
    if re.search(r"[.!?]\s+\S", text.rstrip(" .;")) and not re.search(r"\b(?:e\.g|i\.e|avg|approx|vs|т\.\s?е|т\.\s?д|т\.\s?п|"
                                                                   r"тыс|млн|млрд|руб|мин|сек|ч|г|кв)\.\s", text, re.IGNORECASE):
        return False
    return not re.search(r"\b(?:current|currently|текущ\w*|сейчас)\b", text, re.IGNORECASE)


# A target's scale or rate: «4,2 из 5», "4.2 out of 5", "1 per 1,000 sessions", «на 1000 заказов», «20 в месяц».
_SCALE = re.compile(r"\s+(?:из|out\s+of)\s+\d+(?:[.,]\d+)?|\s+(?:per|на)\s+\d[\d,.  ]*\s*[^\W\d_]+|"
                    r"\s+(?:в|за)\s+(?:месяц|неделю|день|сутки)\b|\s+(?:per|a|an|each)\s+(?:month|week|day)\b",
                    re.IGNORECASE)
# Where the phrase of a target ends at the latest: a clause break, a conjunction, a purpose, a constraint.
_NOTE_BREAK = re.compile(r"\s*(?:[,:](?!\d)|[;(—–])|\s+(?:и|или|(?-i:а)|чтобы|без|кроме|несмотря|если|пока|and|or|so|while|which|that|without|"
                         r"except|excluding|despite|if|unless|provided|as\s+long\s+as)\b", re.IGNORECASE)  # «группы А» is a class, not «а»
# (a condition after the target — "if supplier pricing holds", «если …» — is no part of it: the note goes before it)
# After a comma, a level of its own («D7 — 30%», "≥ 3 cities") is a second target; a name's number ("BENCH-011") is not.
_SECOND_TARGET = re.compile(r"\d\s*%|[—–:=]\s*[<>≤≥~]?\s*\d|[<>≤≥]\s*\d|(?:at\s+(?:least|most)|не\s+(?:менее|более)|"
                            r"минимум|максимум)\s+\d", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\s+(?:и|или|а|and|or)", re.IGNORECASE)
# After a comma, more items of a list the target counts, closed by "and"/«и»: "scrums, critiques, planning and review"
# (not an aside that lists examples: ", including outages, data loss and breaches").
_LIST_GOES_ON = re.compile(r"\s*(?!(?:including|incl|such\s+as|e\.g|включая|в\s+том\s+числе|например)\b)[^\W\d][^,;:\d()]*(?:,\s*[^\W\d][^,;:\d()]*)*\s(?:and|or|и|или)\s+[^\W\d]", re.IGNORECASE)
# An owner or team tag closing the line: "[Compliance – Rob]", «[Денис, колл-центр]» after the target.
_OWNER_LINE = r"\s*[—–(,-]\s*(?:отв\.|ответственн\w*:?|owner:|dri:)[^—–()]*\)?[\s.]*$"  # «— отв. Ольга С.»
_OWNER_LINE_TAG = re.compile(_OWNER_LINE, re.IGNORECASE)
_OWNER_TAG = re.compile(r"\s*(?:\[[^\[\]]*\]|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\uFE0F\u200D]+)"
                        r"(?:\s*\[[^\[\]]*\])?[\s.]*$"  # and a closing emoji: "ARPPU ≥ $18 🎯"
                        r"|" + _OWNER_LINE, re.IGNORECASE)
_OR_BETTER = re.compile(r"\s+(?:or|или|и)\s+(?:higher|above|more|better|lower|less|fewer|below|выше|больше|более|ниже|"
                        r"меньше|менее)\b", re.IGNORECASE)


# A line that ends in an abbreviation's dot: «2027 г.», «гг.», «тыс.», «руб.», "etc.", "approx.".
_ABBREVIATION_END = re.compile(r"(?<![^\W\d_])(?:г|гг|тыс|млн|млрд|руб|кв|мес|чел|etc|approx|incl|e\.g|i\.e)\.\s*$", re.IGNORECASE)


def _note_at(text: str, end: int, job: Job) -> int | None:
    """Where the baseline note goes: at the end of the target's clause, after its unit, scope, rate and deadline.

    ``None`` when a second target follows the first — after a conjunction ("200 views and 5 likes") or a comma
    («D1 — 55%, D7 — 30%»): one note cannot serve both, and one between them splits the phrase.
    """
    measures = [q for q in job.analysis.quantities if q.measure]
    if any(re.search(r"\b(?:and|or|и|или)\b|[,;]", text[a.end:b.start]) for a, b in zip(measures, measures[1:])):
        return None  # "at least 300 views and 10 comments": two targets, whichever the finding named
    limit = len(text.rstrip(" .;"))
    if _ABBREVIATION_END.search(text):
        limit = len(text.rstrip(" ;"))  # «к концу 2027 г.»: the dot belongs to the abbreviation, the note goes after it
    tag = _OWNER_TAG.search(text, end)
    if tag is not None:
        limit = tag.start()  # "30% [Wen]", «18% [Денис, колл-центр]»: the note stays with the target, not in the tag
    times = [(at, at + len(x.text)) for x in job.analysis.times if (at := text.find(x.text, end)) >= 0]
    brk = _NOTE_BREAK.search(text, end, limit)
    while brk is not None:
        segment = re.split(r"[,;]", text[brk.end():], maxsplit=1)[0]  # up to the next comma
        if re.search(r"\d", segment) if _CONJUNCTION.fullmatch(brk.group()) else _SECOND_TARGET.search(segment):
            return None  # "200 views and 5 likes", «D1 — 55%, D7 — 30%»: a second target
        if brk.group().strip() == "," and _LIST_GOES_ON.match(text, brk.end(), limit):
            return None  # "miss ≤5% of scrums, critiques, planning and review sessions": a note would split the list
        if not (_joins_a_noun(text, brk, job.lang) or any(a <= brk.start() < b for a, b in times)
                or _OR_BETTER.match(text, brk.start())):  # "4.5 out of 5 or higher": the target goes on
            break
        brk = _NOTE_BREAK.search(text, brk.end(), limit)  # «для Москвы и области», "by March 31, 2027": one phrase
    if brk is not None:
        limit = brk.start()
    purpose = _purpose(text, end, limit) if job.lang == "en" else None
    if purpose is not None:
        limit = purpose  # "300 paying teams (currently X) to prove the motion": the note stays with the target
    if end >= limit:
        return min(end, limit)  # a note at the end goes before the writer's full stop
    return len(text[:limit].rstrip())


def _ends_in_participle_clause(body: list[Token]) -> bool:
    """A noun phrase that ends in a participial clause after its noun («долю пациентов, госпитализированных в день
    операции»): what follows it needs a comma, or it reads as part of the clause («в день с X»)."""
    for i, tok in enumerate(body[1:], 1):
        before = [t for t in body[:i] if t.pos_ != "ADV"]
        if before and before[-1].pos_ == "ADP":
            continue  # «с полностью заполненной медкартой»: a participle inside a prepositional phrase, no clause
        if "Part" in tok.morph.get("VerbForm") and any(is_noun(t) for t in body[:i]):
            return any(t.is_alpha for t in body[i + 1:])
    return False


def _joins_a_noun(text: str, brk: re.Match[str], lang: str) -> bool:
    """A conjunction that joins two nouns or names of one phrase («Москвы и области»), not a second clause."""
    if not re.fullmatch(r"\s+(?:и|или|and|or)", brk.group(), re.IGNORECASE):
        return False
    following = re.match(r"\s+([^\W\d_]+)", text[brk.end():])
    if following is None:
        return False
    word = following.group(1).lower()
    if lang == "ru":
        from .analysis.russian import parses

        if re.fullmatch(r"[A-Za-z][\w-]*", following.group(1)) or following.group(1)[:1] in "«\"":
            return True  # «на «Золотом Яблоке» и Ozon»: a name after «и» is another place of the same target
        readings = parses(word)
        return bool(readings) and readings[0].tag.POS in ("NOUN", "ADJF")
    from .analysis.english import word_options as getAllLemmas  # cached

    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas or "PROPN" in lemmas or following.group(1)[:1].isupper()


def _purpose(text: str, start: int, limit: int) -> int | None:
    """Where a purpose clause ("in order to reduce churn", "to prove the motion") begins between ``start`` and ``limit``."""
    from .analysis.english import word_options

    for match in re.finditer(r"\s+(?:in\s+order\s+)?to\s+([a-z]+)", text[:limit], re.IGNORECASE):
        word, options = match.group(1).lower(), word_options(match.group(1))
        verb = set(options) == {"VERB"} and word in options["VERB"]  # a base form: "to prove", not "to paid"
        if match.start() >= start and (verb or word == "help"):
            return match.start()
    return None


def _counted_noun(text: str, at: int, lang: str) -> int | None:
    """The end of the noun a number counts, right after it ("5,000 members", «20 000 подписчиков»), if any."""
    match = re.match(r"\s+([^\W\d_]+)", text[at:])
    if not match:
        return None
    word = match.group(1).lower()
    if lang == "ru":
        from .analysis.russian import parses

        readings = parses(word)
        if readings and readings[0].tag.POS == "NOUN" and readings[0].tag.case == "gent":
            return at + match.end()
        return None
    from .analysis.english import word_options as getAllLemmas  # cached

    lemmas = getAllLemmas(word)
    if set(lemmas) == {"NOUN"} and lemmas["NOUN"][0] != word:  # a plural noun and nothing else
        return at + match.end()
    return None


_METRIC_PREP = re.compile(
    r"(?:\s*,)?\s+(?:(?:с|со|from)\s+\S+(?:\s*%)?\s+(?:до|to)|с|со|from|на|до|в|by|to|of|at|up\s+to|over|above|"
    r"under|below)\s+$",
    re.IGNORECASE)


_NEEDS_TARGET = frozenset("довести вывести выйти дорасти вырасти достичь достигнуть bring get reach hit achieve".split())


# A comparison that only made sense with the number («на 25% год к году», "by 20% YoY"): it moves with it.
_WITH_NUMBER = re.compile(
    r"\s*,?\s*(?:год\s+к\s+году|г/г|в\s+сравнении\s+с\s+прошлым\s+(?:годом|кварталом)|"
    r"(?:к|по\s+отношению\s+к|относительно)\s+уровн\w*\s+[^,;.]+|(?:по\s+сравнению\s+с|относительно)\s+[^,;.]+|"
    r"(?:compared\s+(?:to|with)|relative\s+to)\s+[^,;.]+|"
    r"year[\s-]+over[\s-]+year|yoy|y/y|quarter[\s-]+over[\s-]+quarter|qoq|compared\s+to\s+last\s+(?:year|quarter)|"
    r"vs\.?\s+last\s+(?:year|quarter))\b", re.IGNORECASE)
_TIME_PREPOSITION = re.compile(r"\s*\b(?:in|by|at|during|over|within|before|until|this|next|в|во|к|ко|за|до|на|через|"
                               r"в\s+течение)\s*$", re.IGNORECASE)


@rewriter("objective-from-metric")
def objective_from_metric(job: Job) -> Rewrite | None:
    """The objective keeps its own words without the number; the metric becomes a new key result.

    What went with the number goes with it: its unit and rate («в месяц», "a month"), its time («за год», "in H1",
    "by end of year") and its comparison («год к году», "YoY").  Offered only where what is left still reads as an objective with a scope of its own
    («Увеличить продажи в Казахстане», "Cut onboarding time for business customers"), not a bare metric with a
    direction («Повысить DAU», "Grow organic traffic"): that would only repeat the new key result without its number.
    """
    analysis = job.analysis
    measures = [q for q in analysis.quantities if q.measure]
    if not measures or job.key_results > 5:
        return None  # already too many key results: one more from the objective's metric only adds to the pile
    text = job.text
    split = re.search(r"\s[—–-]\s|:\s", text)
    if split is not None and all(q.start >= split.end() for q in measures) and len(text[:split.start()].split()) >= 3:
        # "Become the practice doctors refer to first — grow referrals by 75%": the clause after the dash is the key result
        return Rewrite(sentence(text[:split.start()].strip()), (sentence(text[split.end():].strip()),))
    cuts: list[tuple[int, int]] = []
    verb = analysis.predicate
    if verb is None or verb.lemma_.lower() in _NEEDS_TARGET:
        return None  # «Довести конверсию …», "Bring churn …": the verb means nothing without its target
    for q in measures:
        end = q.end
        unit = _NOTE_TAIL.match(text, end)
        if unit:
            end = unit.end()
        rate = _SCALE.match(text, end)
        if rate:
            end = rate.end()  # «до 6 млн ₽ в месяц», "to $2M a month": the rate goes with its number
        if _counted_noun(text, end, job.lang) or re.match(r"\s+(?:of|от|из)\b", text[end:], re.IGNORECASE):
            return None  # «до 40 000 читателей», "to 80% of orders": the number carries the subject matter
        prep = _METRIC_PREP.search(text[:q.start])
        if prep is None:
            return None  # the number is the object itself ("Reach 1,000 customers"): nothing to keep without it
        comparison = _WITH_NUMBER.match(text, end)
        cuts.append((prep.start(), comparison.end() if comparison else end))
    first = min(start for start, _ in cuts)
    for x in analysis.times:  # «за год» of «на 10 пунктов за год» went with the number: it moves to the key result
        if x.start >= first:
            before = _TIME_PREPOSITION.search(text[:x.start])
            cuts.append((before.start() if before else x.start, x.end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(cuts):  # «с 5 минут до 1 минуты»: the two cuts of a range join
        if merged and not text[merged[-1][1]:start].strip(" ,"):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    kept = text
    for start, end in reversed(merged):
        kept = kept[:start] + kept[end:]
    kept = sentence(kept)
    if not _scoped(analysis, verb, merged):
        return None
    return Rewrite(kept, (sentence(text),))


def _scoped(analysis: Analysis, verb: Token, cuts: Sequence[tuple[int, int]]) -> bool:
    """Whether the words left after the verb say more than a metric's name: a prepositional phrase or a clause."""
    left = [t for t in analysis.doc[verb.i + 1:] if not any(a <= t.idx < b for a, b in cuts) and not t.is_space]
    words = [t for t in left if t.is_alpha]
    if len(words) < 2:
        return False
    return any(t.pos_ == "ADP" and t.lower_ not in ("of",) and t.i > left[0].i for t in left) or \
        any(t.text == "," and t.i > left[0].i for t in left[:-1])
