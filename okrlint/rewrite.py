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
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from spacy.tokens import Token

from .analysis import Analysis
from .analysis.quantities import has_baseline

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


@dataclass(frozen=True)
class Rewrite:
    """A whole-item rewrite; ``new_key_results`` holds what moves out of an objective."""

    text: str
    new_key_results: tuple[str, ...] = ()


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
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r",\s*,", ",", text).strip(" ,;")
    first = text.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]):
        return text  # eNPS, iOS, mTLS: the writer's casing of a term stays
    return text[:1].upper() + text[1:]


def is_noun(token: Token) -> bool:
    """A noun, also where the tagger guessed another part of speech («31 вебинар» read as an adjective)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    if token.pos_ != "ADJ" or not any("\u0400" <= ch <= "\u04ff" for ch in token.text):
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
        if i == head_index or agrees:
            grams = {case} | ({head_number} if head_number else set())
            if t.pos_ in ("ADJ", "DET", "VERB") and head_number != "plur":
                gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get((head.morph.get("Gender") or [""])[0])
                grams |= {gender} if gender else set()  # «среднее время», not «средний время»
                if case == "accs":
                    grams |= {"inan"} if "Inan" in head.morph.get("Animacy") else set()
            pos = "NOUN" if i == head_index and t.pos_ not in ("NOUN", "PROPN") else None
            out.append(inflect_word(t, grams, pos) + t.whitespace_)
        else:
            out.append(t.text_with_ws)
    return _lower_first(tokens, "".join(out).strip())


def _lower_first(tokens: list[Token], text: str) -> str:
    """Drop the capital a word had only because it opened the item («Количество заявок» → «количество заявок»)."""
    first = tokens[0] if tokens else None
    if first is None or first.i != 0 or not first.text[:1].isupper() or first.text.isupper():
        return text
    if first.pos_ == "PROPN" and not _common_word(first.text.lower()):
        return text
    return text[:1].lower() + text[1:]


def _common_word(word: str) -> bool:
    """A dictionary word that is not a name («лендинг», not «Москва»): the tagger's PROPN on a line start is a guess."""
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        from .analysis.russian import parses

        proper = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
        return not all(proper & set(p.tag.grammemes) for p in parses(word))
    from .analysis.english import word_options as getAllLemmas  # cached

    return bool(getAllLemmas(word))


def _join(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


# ---------------------------------------------------------------- item anatomy

def _stop(analysis: Analysis, t: Token) -> bool:
    """Where the object of the predicate ends: a number, a target, a time, a clause."""
    text = analysis.text
    if t.pos_ == "CCONJ" and any(n.pos_ == "VERB" for n in t.doc[t.i + 1:t.i + 3]):
        return True  # «курс по аналитике и внедрить …»: a second action starts
    if t.text in (",", ";", ":", "(", "—", "–") or t.lower_ in ("чтобы", "so", "which", "that", "который", "которая", "которые", "которое"):
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


def lower_is_better(tokens: Sequence[Token], job: Job) -> bool:
    """Whether the phrase names a metric that should go down (incidents, churn, latency, cost…)."""
    return _has_entry(tokens, job.kit.shared_words("lower_is_better", job.lang))


def _direction_verb(job: Job, tokens: Sequence[Token], rule_id: str = "vague-verb") -> str | None:
    """The verb for the metric's good direction; ``None`` when neither lexicon knows the metric (no guessing)."""
    verbs = job.kit.template(rule_id, "verbs", job.lang) or job.kit.template("vague-verb", "verbs", job.lang) or {}
    if lower_is_better(tokens, job):
        if job.lang == "ru" and _has_entry(tokens, job.kit.shared_words("duration", "ru")):
            return verbs.get("shorten", "Сократить")
        return verbs.get("down", "Снизить" if job.lang == "ru" else "Reduce")
    if _has_entry(tokens, job.kit.shared_words("higher_is_better", job.lang)):
        return verbs.get("up", "Повысить" if job.lang == "ru" else "Increase")
    return None


def _english_np(tokens: Sequence[Token]) -> str:
    """"the number of Sev-2 outages": a leading singular common noun followed by "of" takes "the"."""
    text = _lower_first(list(tokens), _join(list(tokens)))
    if len(tokens) > 1 and tokens[1].lower_ == "of" and tokens[0].lower_ in _COUNT_NOUNS:
        return "the " + text
    return text


_COUNT_NOUNS = frozenset("number share percentage percent rate amount count volume level ratio proportion".split())


def _comparator(analysis: Analysis) -> bool:
    """Words the writer chose for direction («не выше», "under", "at least"): a rewrite must not replace them."""
    return re.search(r"\b(?:не\s+(?:выше|ниже|более|менее|больше|меньше)|выше|ниже|более|менее|минимум|максимум|"
                     r"under|below|above|over|at\s+least|at\s+most|no\s+more|no\s+less|within)\b",
                     analysis.text, re.IGNORECASE) is not None


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
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") or t.text == "-":
                run.append(t)
            elif run:
                break
        head = [t for t in run if t.pos_ in ("NOUN", "PROPN")][-1:] or nouns[:1]
    return any(t.lemma_.lower() in metric or t.lower_ in metric for t in head) or lower_is_better(head, job)


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
    if lang == "ru" and any(t.lower_ in ("в", "во", "на") and t.i + 1 < len(t.doc) and "Acc" in t.doc[t.i + 1].morph.get("Case")
                            for t in obj):
        return None  # «Написать 4 статьи в блог»: «в блог» goes with the verb; «читателей статей в блог» would not read
    noun = nouns[0] if lang == "ru" else _english_head(obj) or nouns[-1]
    outcomes = job.kit.template("task-key-result", "outcomes", lang) or {}
    lemma = noun.lemma_.lower()
    template = outcomes.get(lemma) or next((v for k, v in outcomes.items() if lemma.endswith(k)), None)
    if template is None:
        return None
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
    if _comparator(analysis):
        return None
    kpi_words = job.kit.words("kpi-wording", lang, "kpi_words")
    tokens = [tok for tok in analysis.doc if tok.lower_ not in kpi_words and tok is not verb]
    measures = [q for q in analysis.quantities if q.measure]
    if len(measures) > 1:
        return None
    target = measures[0].text if measures else "Y"
    colon = next((t for t in tokens if t.text == ":"), None)
    if colon is not None:  # «КПЭ отдела: 120 MQL в месяц»: the metric is after the label
        tokens = [t for t in tokens if t.i > colon.i]
    if measures:
        unit = _NOTE_TAIL.match(analysis.text, measures[0].end)
        unit_end = unit.end() if unit else measures[0].end
        target = analysis.text[measures[0].start:unit_end]
    else:
        unit_end = -1
    level = {t.i for t in tokens if t.lower_ in ("уровне", "уровень", "level")}
    level |= {t.i - 1 for t in tokens if t.i in level}  # «на уровне», "at the level"
    body = [tok for tok in tokens if not any(q.start <= tok.idx < q.end for q in analysis.quantities)
            and not (measures and measures[0].end <= tok.idx < unit_end)
            and not any(x.start <= tok.idx < x.end for x in analysis.times)
            and tok.i not in level
            and not (tok.text in ("—", "–", "-") and (tok.whitespace_ or tok.i == 0))]
    while body and (body[0].is_punct or body[0].pos_ in ("ADP", "CCONJ")):
        body.pop(0)
    while body and (body[-1].is_punct or body[-1].pos_ in ("ADP", "CCONJ")):
        body.pop()
    if not body or _ambiguous(body, job):
        return None
    new_verb = _direction_verb(job, body, "kpi-wording")
    if new_verb is None:
        return None
    times = " ".join(x.text for x in analysis.times)
    when = times or _when(job)
    if lang == "ru":
        if measures and (body[0].pos_ in ("NOUN", "PROPN") and "Gen" in body[0].morph.get("Case")
                         or re.fullmatch(r"[A-Z]{2,}s?", body[0].text)):  # «120 MQL в месяц» → «число MQL»
            phrase = f"число {_spaced(body)}"  # «500 заявок в месяц» → «число заявок в месяц»
        elif measures and not is_noun(body[0]):
            return None
        else:
            phrase = np_in_case(body, "accs")
        comma = "," if _ends_in_participle_clause(body) else ""  # «…, госпитализированных в срок, с X до 95%»
        return Rewrite(sentence(_with_when(f"{new_verb} {phrase}{comma} с X до {target}", when)))
    if measures and body[0].tag_ in ("NNS", "NNPS") or (measures and body[0].lower_.endswith("s") and body[0].pos_ == "NOUN"):
        phrase = f"the number of {_lower_first(body, _spaced(body))}"
    else:
        phrase = _english_np(body)
    return Rewrite(sentence(_with_when(f"{new_verb} {phrase} from X to {target}", when)))


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
    rest = analysis.text[verb.idx + len(verb.text):]
    if analysis.has_measure:
        return Rewrite(sentence(f"{new_verb}{rest}"))
    end = obj[-1].idx + len(obj[-1].text)
    tail = analysis.text[end:].strip()
    return Rewrite(sentence(_with_when(f"{new_verb}{analysis.text[verb.idx + len(verb.text):end]} {_RANGE[job.lang]} {tail}",
                                       _when(job))))


@rewriter("add-number")
def add_number(job: Job) -> Rewrite | None:
    """A verb of change with no number: «Увеличить продажи» → «Увеличить продажи с X до Y»."""
    analysis = job.analysis
    verb = analysis.predicate
    change = job.kit.words("missing-number", job.lang, "direction") & set(job.kit.shared_words("change", job.lang))
    if verb is None or verb.lemma_.lower() not in change:
        return None
    obj = object_tokens(analysis, verb)
    if not obj or analysis.has_measure:
        return None
    end = obj[-1].idx + len(obj[-1].text)
    tail = analysis.text[end:].strip()
    if re.match(r"(?:и|and|or|или|,)\b|,", tail, re.IGNORECASE):
        return None  # two metrics in one line: one range cannot serve both
    return Rewrite(sentence(_with_when(f"{analysis.text[:end]} {_RANGE[job.lang]} {tail}", _when(job))))


# What belongs to a target after its number: "/10", a percent, a unit, a currency, «раза».
_NOTE_TAIL = re.compile(
    r"(?:\s*/\s*\d+(?:[.,]\d+)?|\s*(?:%|п\.\s?п\.|pp\b|p\.p\.|₽|\$|€|руб\w*\.?|тыс\.?|млн|млрд|k\b|"
    r"раза?\b|times\b|x\b|секунд\w*|минут\w*|час\w*|дн(?:я|ей)|недел\w*|мс\b|ms\b|сек\b|мин\b|"
    r"seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|points?\b|pts\b|пункт\w*))+", re.IGNORECASE)


@rewriter("add-baseline")
def add_baseline(job: Job) -> Rewrite | None:
    """«до 68% (сейчас X%)»: the current value after the whole target phrase that lacks it.

    The note goes after the number with its unit, scale and what it counts («не ниже 4,2 из 5», «15 000
    подписчиков в Telegram»), before a trailing deadline, a clause break or a phrase about time that is not the
    target («в первые две недели»).  Nothing when the text already gives a start («с X до Y» of another part).
    """
    targets = job.fired.get("missing-baseline", ())
    if not targets:
        return None
    target = targets[0]
    text = job.text
    if has_baseline(text):
        return None  # the composed rewrite already asks for the start: «с X до Y (сейчас X)» would ask twice
    at = text.find(target.text)
    if at < 0:
        return None
    end = at + len(target.text)
    tail = _NOTE_TAIL.match(text, end)
    if tail:
        end = tail.end()
    percent = text[at:end].rstrip().endswith("%")
    scale = _SCALE.match(text, end)
    if scale:
        end = scale.end()
    note = job.kit.template("missing-baseline", "note", job.lang) or (" (сейчас X)" if job.lang == "ru" else " (currently X)")
    if " " not in target.text.strip() and target.start == 0:  # a multiplier verb, "Double the share…": at the end
        end = _note_at(text, len(text), job)
    else:
        end = _note_at(text, end, job)
        if percent and re.match(r"(?:до|to)\b", target.text.strip(), re.IGNORECASE):
            note = note.replace("X", "X%")  # «до 68%» is a level in %; «на 25%» changes a value in its own unit
    return Rewrite(sentence(text[:end] + note + text[end:]))


# A target's scale: «4,2 из 5», "4.2 out of 5".
_SCALE = re.compile(r"\s+(?:из|out\s+of)\s+\d+(?:[.,]\d+)?", re.IGNORECASE)
# Where the phrase of a target ends at the latest: a clause break, a conjunction, a purpose.
_NOTE_BREAK = re.compile(r"\s*[,;:(—–]|\s+(?:и|или|а|чтобы|and|or|so|while|which|that)\b", re.IGNORECASE)
# A phrase about time after the target («в первые две недели», "within 30 days") is not part of the target.
_TIME_WORD = re.compile(
    r"\b(?:недел\w*|месяц\w*|дн(?:я|ей|и|ям|ях)|день|час\w*|минут\w*|секунд\w*|год\w*|квартал\w*|полугоди\w*|лет|"
    r"спринт\w*|релиз\w*|weeks?|months?|days?|hours?|minutes?|seconds?|years?|quarters?|sprints?|releases?)\b",
    re.IGNORECASE)
_PREPOSITIONS = frozenset("в во на за через после до к ко по при с со у для среди "
                          "in on at within during over after before by for until per from with".split())


def _note_at(text: str, end: int, job: Job) -> int:
    """Where the baseline note goes: after the words that belong to the target, before time and clause breaks."""
    limit = len(text.rstrip(" .;"))
    for x in job.analysis.times:  # the writer's deadline («к концу квартала») stays last
        found = text.find(x.text, end)
        if found >= 0:
            limit = min(limit, found)
    brk = _NOTE_BREAK.search(text, end, limit)
    while brk is not None and _joins_a_noun(text, brk, job.lang):  # «для Москвы и области»: one phrase
        brk = _NOTE_BREAK.search(text, brk.end(), limit)
    if brk is not None:
        limit = brk.start()
    if end >= limit:
        return end
    for word in re.finditer(r"\S+", text[:limit]):
        if word.start() < end or word.group().lower() not in _PREPOSITIONS:
            continue
        phrase = text[word.start():limit]
        if _TIME_WORD.search(phrase) or re.search(r"\d", phrase):
            return len(text[:word.start()].rstrip())  # «до 40% в первые две недели»: the note before the duration
    return len(text[:limit].rstrip())


def _ends_in_participle_clause(body: list[Token]) -> bool:
    """A noun phrase that ends in a participial clause after its noun («долю пациентов, госпитализированных в день
    операции»): what follows it needs a comma, or it reads as part of the clause («в день с X»)."""
    for i, tok in enumerate(body[1:], 1):
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

        readings = parses(word)
        return bool(readings) and readings[0].tag.POS in ("NOUN", "ADJF")
    from .analysis.english import word_options as getAllLemmas  # cached

    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas or "PROPN" in lemmas or following.group(1)[:1].isupper()


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


@rewriter("objective-from-metric")
def objective_from_metric(job: Job) -> Rewrite | None:
    """The objective keeps its own words without the number; the metric becomes a new key result."""
    analysis = job.analysis
    measures = [q for q in analysis.quantities if q.measure]
    if not measures:
        return None
    text = job.text
    cuts: list[tuple[int, int]] = []
    verb = analysis.predicate
    if verb is not None and verb.lemma_.lower() in _NEEDS_TARGET:
        return None  # «Довести конверсию …», "Bring churn …": the verb means nothing without its target
    for q in measures:
        end = q.end
        unit = _NOTE_TAIL.match(text, end)
        if unit:
            end = unit.end()
        if _counted_noun(text, end, job.lang) or re.match(r"\s+(?:of|от|из)\b", text[end:], re.IGNORECASE):
            return None  # «до 40 000 читателей», "to 80% of orders": the number carries the subject matter
        prep = _METRIC_PREP.search(text[:q.start])
        if prep is None:
            return None  # the number is the object itself ("Reach 1,000 customers"): nothing to keep without it
        cuts.append((prep.start(), end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(cuts):  # «с 5 минут до 1 минуты»: the two cuts of a range join
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (min(merged[-1][0], start), max(merged[-1][1], end))
        else:
            merged.append((start, end))
    kept = text
    for start, end in reversed(merged):
        kept = kept[:start] + kept[end:]
    for x in analysis.times:  # «за год» of «на 10 пунктов за год» went with the number: it moves to the key result
        at = kept.find(x.text)
        if at >= 0 and at >= merged[0][0] and not kept[at + len(x.text):].strip(" .;,"):
            before = re.sub(r"\s*\b(?:in|by|at|during|over|within|before|until|в|во|к|ко|за|до|на|через|"
                            r"в\s+течение)\s*$", "", kept[:at], flags=re.IGNORECASE)  # "in H1": the preposition too
            kept = before.rstrip(" ,") + kept[at + len(x.text):]
    kept = sentence(kept)
    if len(kept.split()) < 2:
        return None
    return Rewrite(kept, (sentence(text),))
