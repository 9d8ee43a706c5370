"""Named checks: the conditions rule files refer to with ``check: <name>``.

Each check reads the analysis (lemmas, POS, syntax, numbers, time
expressions) of the item in ``ctx`` and the rule's lexicons, and returns
hits.  Lexicons live in the YAML; the checks hold only the logic that
patterns cannot express.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, Predicate, detect_language
from .analysis.en_clauses import other_acts, passive_steps
from .analysis.predicate import (coordinated, glued_hyphen, in_relative_clause, is_participle, next_word, prev_word,
                                 quoted_words, ru_verb_reading, verb_of_noun)
from .analysis.quantities import TIME_UNIT_AFTER, has_baseline
from .analysis.spelling import known_word, misspelled_noun_of, misspelling_of, one_edit
from .analysis.timeexpr import find_times
from .analysis.tokens import doc_text, doc_tokens
from .model import Item, OkrDocument, Period

if TYPE_CHECKING:  # the engine imports this module
    from .engine import Context, Rule


@dataclass
class Hit:
    """A place a rule fires: a character range of the item's text (None = the whole item)."""

    start: int = 0
    end: int | None = None
    text: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    item: Item | Period | None = None  # when the finding belongs to another item than the one checked
    kind: str | None = None


CHECKS: dict[str, Callable[["Context"], list[Hit]]] = {}


def check(name: str) -> Callable[[Callable[["Context"], list[Hit]]], Callable[["Context"], list[Hit]]]:
    def register(fn: Callable[["Context"], list[Hit]]) -> Callable[["Context"], list[Hit]]:
        CHECKS[name] = fn
        return fn

    return register


# ---------------------------------------------------------------- helpers

def _content(doc: Doc | Span) -> list[Token]:
    return [t for t in (doc_tokens(doc) if isinstance(doc, Doc) else doc) if not t.is_space and not t.is_punct]


def _span_hit(tokens: list[Token] | Span, **values: Any) -> Hit:
    tokens = list(tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Hit(start, end, doc_text(tokens[0].doc)[start:end], values)


def _whole(analysis: Analysis, **values: Any) -> Hit:
    return Hit(0, len(analysis.text), analysis.text, values)


@lru_cache(maxsize=None)
def _lemma_of(word: str, lang: str) -> str:
    if lang == "ru":
        from .analysis.russian import lemma

        return lemma(word)
    from .analysis.english import word_options as getAllLemmas  # cached

    options = getAllLemmas(word.lower())
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if pos in options:
            return options[pos][0].lower()
    return word.lower()


def phrase_matches(ctx: "Context", groups: Iterable[str]) -> list[Span]:
    """Occurrences of lexicon entries (single lemmas or phrases) plus the rule's own Matcher patterns."""
    analysis = ctx.analysis
    assert analysis is not None
    extra = tuple(sorted(ctx.config.extra_words.get(ctx.rule.id, {}).get(analysis.lang, [])))
    matcher, anchors = _rule_matcher(ctx.rule, analysis.lang, tuple(groups), extra)
    if anchors is not None and not _anchored(analysis, anchors):
        return []  # no word of the item can start a pattern: the Matcher would find nothing
    spans = [Span(analysis.doc, s, e) for _, s, e in matcher(analysis.doc)]
    spans.sort(key=lambda s: (s.start, -len(s)))
    kept: list[Span] = []
    for span in spans:  # longest first at each start, no overlaps
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


_RULE_PATTERNS: dict[int, dict[str, list[list[dict[str, Any]]]]] = {}
# (rule, lang, groups, extra words) → its Matcher and anchors; the rule is kept so its id is never reused.
_RULE_MATCHERS: dict[tuple[int, str, tuple[str, ...], tuple[str, ...]], tuple["Rule", Matcher, Anchors | None]] = {}
# What a pattern's first token must be, by attribute (LOWER, LEMMA, ORTH): a word none of whose attributes is in
# these sets starts no match.  None when a pattern starts with anything else (an optional token, a POS).
Anchors = dict[str, frozenset[str]]


def _rule_matcher(rule: "Rule", lang: str, groups: tuple[str, ...], extra: tuple[str, ...]) -> tuple[Matcher, Anchors | None]:
    """The Matcher for a rule's lexicon groups (and the config's extra words), with its anchors: built once, not
    on every item."""
    key = (id(rule), lang, groups, extra)
    if key not in _RULE_MATCHERS:
        words: set[str] = set()
        for group in groups:
            words |= rule.word_set(lang, group)
        if "main" in groups:
            words |= {w.lower() for w in extra}
        entries = tuple(sorted(words)) + extra
        matcher = _matcher(rule.id, lang, entries, id(rule))
        _RULE_MATCHERS[key] = (rule, matcher, _anchors(_patterns(lang, entries, id(rule))))
    _, matcher, anchors = _RULE_MATCHERS[key]
    return matcher, anchors


def _anchors(patterns: list[list[dict[str, Any]]]) -> Anchors | None:
    found: dict[str, set[str]] = {"LOWER": set(), "LEMMA": set(), "ORTH": set()}
    for pattern in patterns:
        first = pattern[0] if pattern else None
        if not isinstance(first, dict) or len(first) != 1:
            return None  # an operator, several attributes, or an empty pattern: no cheap test
        (attr, value), = first.items()
        if attr not in found:
            return None
        if isinstance(value, str):
            found[attr].add(value)
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            found[attr].update(value["IN"])
        else:
            return None
    return {attr: frozenset(values) for attr, values in found.items()}


def _anchored(analysis: Analysis, anchors: Anchors) -> bool:
    lowers, lemmas, texts = _word_keys(analysis)
    return not (anchors["LOWER"].isdisjoint(lowers) and anchors["LEMMA"].isdisjoint(lemmas)
                and anchors["ORTH"].isdisjoint(texts))


def _word_keys(analysis: Analysis) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The item's lower-cased words, lemmas and surface forms, collected once for every lexicon test."""
    keys = analysis.memo.get("word-keys")
    if keys is None:
        tokens = analysis.tokens
        keys = analysis.memo["word-keys"] = (frozenset(t.lower_ for t in tokens), frozenset(t.lemma_ for t in tokens),
                                             frozenset(t.text for t in tokens))
    return keys  # type: ignore[no-any-return]


@lru_cache(maxsize=None)
def _matcher(rule_id: str, lang: str, entries: tuple[str, ...], rule_key: int) -> Matcher:
    from .analysis import _blank

    matcher = Matcher(_blank(lang).vocab)
    patterns = _patterns(lang, entries, rule_key)
    if patterns:
        matcher.add(rule_id, patterns)
    return matcher


def _patterns(lang: str, entries: tuple[str, ...], rule_key: int) -> list[list[dict[str, Any]]]:
    patterns = []
    for entry in entries:
        words = entry.split()
        patterns.append([{"LEMMA": _lemma_of(w, lang)} if len(words) == 1 or len(w) > 3 else {"LOWER": w.lower()}
                         for w in words])
        patterns.append([{"LOWER": w.lower()} for w in words])
    patterns.extend(_RULE_PATTERNS.get(rule_key, {}).get(lang, []))
    return patterns


def register_patterns(rule: "Rule") -> None:
    """Expand ``$group`` references in a rule's Matcher patterns into its lexicon lists."""
    def expand(value: Any, lang: str) -> Any:
        if isinstance(value, str) and value.startswith("$"):
            return rule.words(lang, value[1:])
        if isinstance(value, dict):
            return {k: expand(v, lang) for k, v in value.items()}
        if isinstance(value, list):
            return [expand(v, lang) for v in value]
        return value

    _RULE_PATTERNS[id(rule)] = {lang: [expand(p, lang) for p in plist] for lang, plist in rule.patterns.items()}


def _lemma_in(token: Token | None, words: set[str]) -> bool:
    return token is not None and token.lemma_.lower() in words


def _multiword_at(token: Token, words: set[str]) -> str | None:
    """The lexicon entry (possibly several words, "work on") that starts at ``token``."""
    for entry in sorted(words, key=len, reverse=True):
        parts = entry.split()
        if parts[0] != token.lemma_.lower():
            continue
        following = [t for t in token.doc[token.i + 1: token.i + len(parts)] if not t.is_space]
        if [t.lower_ for t in following] == parts[1:]:
            return entry
    return None


_EN_MAKE_INTO = re.compile(r"\s+(?:[\w'.-]+\s+){1,4}?(?:the|a|an|our)\s+(?:default|go-to|standard|first|preferred|leading|"
                           r"obvious|only|number\s+one|#1|top)\b", re.IGNORECASE)


def _has_complement(verb: Token) -> bool:
    """«Сделать X любимым выбором» / "make X the default": a predicative complement after the object."""
    if verb.lemma_.lower() == "make" and _EN_MAKE_INTO.match(verb.doc.text, verb.idx + len(verb.text)):
        return True  # "make SoilSense the default data layer": make a thing into something definite, not make a thing
    for t in verb.doc[verb.i + 1:]:
        if t.is_punct and t.text in ",;:":
            break
        if t.pos_ in ("ADJ", "NOUN") and "Ins" in t.morph.get("Case"):
            return True
        if t.pos_ == "ADJ" and "Brev" in t.morph.get("Variant"):
            return True
        if verb.doc.lang_ == "ru" and t.i > verb.i + 1 and re.fullmatch(r"[A-Za-z]+", t.text) \
                and set(_en_word_options(t.lower_)) == {"ADJ"}:
            return True  # «Сделать customers happy»: an English adjective after the object
    return False


def _en_word_options(word: str) -> dict[str, tuple[str, ...]]:
    from .analysis.english import word_options

    return word_options(word)


_COMPARATOR = re.compile(
    r"(?:выше|ниже|не\s+(?:ниже|выше|менее|более|больше|меньше)|более|больше|меньше|менее|минимум|максимум|от|свыше|"
    r"above|below|under|over|at\s+least|at\s+most|more\s+than|less\s+than|no\s+(?:more|less)\s+than|≥|≤|>=|<=|>|<)\s*$",
    re.IGNORECASE,
)


def verb_lemma(token: Token, lang: str) -> str | None:
    """The verb lemma a token can have: the tagger's for Russian, any verb reading for English.

    The English side has no tagger, so "that cut p95 latency" is read by what
    the word can be, not by the guess made for its position.  Read once per word of a Doc (kept with the Doc,
    as its token list): the checks ask for most words of every item several times.
    """
    key = f"okrlint.verb_lemmas.{lang}"
    lemmas = token.doc.user_data.get(key)
    if lemmas is None:
        lemmas = token.doc.user_data[key] = [_verb_lemma(t, lang) for t in doc_tokens(token.doc)]
    return lemmas[token.i]  # type: ignore[no-any-return]


def _verb_lemma(token: Token, lang: str) -> str | None:
    if lang == "ru":
        return token.lemma_.lower() if token.pos_ == "VERB" else None
    if token.pos_ == "VERB":
        return token.lemma_.lower()
    if not token.is_alpha:
        return None
    from .analysis.english import word_options

    lemmas = word_options(token.lower_).get("VERB")
    return lemmas[0].lower() if lemmas else None


_METRIC_BEFORE = re.compile(
    r"\b(?:rating|score|rate|level|csat|nps|enps|uptime|availability|coverage|attendance|turnout|рейтинг\w*|уровн\w*|"
    r"доступност\w*|посещаемост\w*|явк\w*)"
    r"\s+(?:of|at|на|в)?\s*$", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:,\s*|\s)(?:котор\w+|that|which|who)\s", re.IGNORECASE)


def _measured_relative_clause(analysis: Analysis) -> bool:
    """«…программу лояльности, которая увеличит LTV на 40%»: a clause that measures what the activity achieves."""
    for m in _RELATIVE.finditer(analysis.text):
        clause = [t for t in analysis.tokens if t.idx >= m.end()]
        finite = any(t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") for t in clause) if analysis.lang == "ru" \
            else any(verb_lemma(t, "en") for t in clause[:3])
        if finite and any(q.measure and q.start >= m.end() for q in analysis.quantities):
            return True
    return False


def _measure_after(pred: Predicate, analysis: Analysis) -> Any:
    """The quantity right after the predicate ("Write at least 3 guides", "Add $2M"), if any."""
    end = pred.span_end()
    for q in analysis.quantities:
        if q.measure and q.start >= end and re.fullmatch(r"[\s$€£₽]*(?:at\s+least|at\s+most|up\s+to|не\s+менее|минимум|до)?[\s$€£₽]*",
                                                          analysis.text[end:q.start], re.IGNORECASE):
            return q
    return None


def _counts_things(analysis: Analysis, q: Any) -> bool:
    """"at least 12 videos": a plain count of things, not money or a metric ("at least 2 million in new ARR")."""
    after = [t for t in analysis.tokens if t.idx >= q.end and not t.is_space][:4]
    if re.search(r"[$€£₽]", q.text) or re.search(r"[$€£₽]\s?$", analysis.text[:q.start]):
        return False  # money
    if not after or not after[0].is_alpha or re.match(r"(?:million|billion|thousand|k|m|млн|тыс|млрд)\b", after[0].lower_):
        return False
    compound = []
    for t in after:  # "3 code reviews per sprint" → code reviews; "30 times" counts events
        if not t.is_alpha or t.lower_ in _EN_PREPOSITIONS or t.pos_ == "ADP" or t.lower_ in ("times", "раз", "раза"):
            break
        compound.append(t)
    metric = _kpi_metric_words(analysis.lang)
    compound = [t for t in compound if not (analysis.lang == "en" and t.lower_.endswith("ed"))]  # "15 churned customers"
    return not any(t.lemma_.lower() in metric or t.lower_ in metric for t in compound)


# «с 3 платёжными системами»: «с» + an instrumental count names who the work is done with, not an outcome it carries
_RU_INSTRUMENTAL = re.compile(r"\+?\s+(?:[а-яё-]+\s+)?[а-яё-]+(?:ыми|ими|ами|ями)\b", re.IGNORECASE)


def _ru_people_after(analysis: Analysis, q: Any) -> bool:
    """«с 400 платными подписчиками»: the people a launch reaches (an outcome), not the parts it has («с 3 системами»)."""
    actors = _shared_words("actors", "ru")
    return any(q.end <= t.idx < q.end + 40 and t.pos_ == "NOUN" and t.lemma_.lower() in actors for t in analysis.tokens)


# "… to at least 1 pilot module", "… to unify at least 3 sources", "… across at least 2 regions": how far a task reaches.
_EN_TASK_SCOPE = re.compile(r"\b(?:to|into|across|in|for)\s+(?:[a-z]+\s+)?at\s+least\s*$", re.IGNORECASE)


def _counts_won(ctx: "Context", analysis: Analysis, q: Any) -> bool:
    """The counted words are results won from others or people ("at least 500 sign-ups", "3 customers")."""
    won = ctx.words("results") | ctx.words("actors")
    after = [t for t in analysis.tokens if t.idx >= q.end and t.is_alpha][:4]
    return any(t.lower_ in won or t.lower_.rstrip("s") in won or t.lemma_.lower() in won for t in after)


_EN_SCOPE_THRESHOLD = re.compile(r"\b(?:for|with|to|on|of)\s+(?:all\s+|every\s+|each\s+)?(?:[a-z-]+\s+){0,2}?([a-z]+s)\s+"
                                 r"(?:over|above|exceeding)\s*$", re.IGNORECASE)


def _scope_threshold(analysis: Analysis, q: Any) -> bool:
    """"Introduce written quotes for repairs over $500", "a review call with all vendors over $250k": a bound
    that picks which things the work covers (English, after the act), not a target for a metric ("revenue over $1M")."""
    m = _EN_SCOPE_THRESHOLD.search(analysis.text[:q.start]) if analysis.lang == "en" else None
    if m is None:
        return False
    noun = m.group(1).lower()
    metric = _kpi_metric_words("en") | _shared_words("higher_is_better", "en") | _shared_words("lower_is_better", "en")
    return noun not in metric and noun.rstrip("s") not in metric


# "Prototype approved by the board (0.0 → 1.0)": a grade from 0 to 1 scores whether the milestone is done; it moves no
# quantity, so it is no outcome attached to the task.
_GRADE_SCALE = re.compile(r"\(\s*0(?:\.0)?\s*(?:→|->|–|-|to)\s*1(?:\.0)?\s*\)")


def _few_things_with(ctx: "Context", analysis: Analysis, q: Any) -> bool:
    """"Launch with 3 content types": a small count of things after "with" says what the deliverable contains; people,
    results won or a large count ("with 10,000 sessions") would be the outcome it carries (English)."""
    if analysis.lang != "en" or re.fullmatch(r"\d{1,2}", q.text.strip()) is None or _counts_won(ctx, analysis, q):
        return False
    after = [t for t in analysis.tokens if t.idx >= q.end and t.is_alpha][:4]
    return not any(t.lower_ in _EN_IN_USE or t.lemma_.lower() in _EN_PEOPLE or t.lower_.rstrip("s") in _EN_PEOPLE
                   for t in after)  # "with 12 active teams": teams in use are an outcome


_EN_IN_USE = {"active", "paying", "live", "happy", "engaged", "returning", "retained"}


def has_outcome(ctx: "Context", analysis: Analysis, skip: Token | None = None) -> bool:
    """An outcome metric attached to an activity: a threshold, a rate, or a verb of change with a number after it.

    A share right after the activity verb («Complete 80% of calls») measures
    the task, not an outcome.
    """
    text = analysis.text
    grade = _GRADE_SCALE.search(text)
    baseline = has_baseline(text[:grade.start()] + text[grade.end():]) if grade else analysis.has_baseline
    if baseline and (analysis.lang != "ru" or analysis.has_measure):
        return True  # «Перевести 70% клиентов на API V2 (сейчас 15%)»: a quantity that moves from a known start
    after_skip = skip.idx + len(skip.text) if skip is not None else -1
    quantities = [q for q in analysis.quantities if not q.frequency  # "once a week" says how often, not what changes
                  and not (grade and grade.start() <= q.start < grade.end())
                  and not (q.start > after_skip >= 0 and _scope_threshold(analysis, q))]
    for q in quantities:
        if not q.measure:
            continue
        if analysis.lang == "en" and _EN_MAKE_OF.search(text[:q.start]) and _counts_things(analysis, q):
            continue  # "Build a dataset of ≥50 places": the size of the artefact, not an outcome
        if analysis.lang == "en" and skip is not None and q.start > after_skip and _EN_TASK_SCOPE.search(text[:q.start]) \
                and _counts_things(analysis, q) and not _counts_won(ctx, analysis, q):
            continue  # "Deliver the feature to at least 1 pilot module", "to unify at least 3 data sources": the task's scope
        if _COMPARATOR.search(text[:q.start]) and not (skip is not None and q.start > after_skip and _COMPARATOR.fullmatch(
                text[after_skip:q.start].strip() + " ") and _counts_things(analysis, q)):
            return True  # "Write at least 2 guides" counts the tasks; "… with NPS above 70" is an outcome
        if q.percent and text[after_skip:q.start].strip() != "":
            return True
        if q.percent and skip is not None and q.end <= skip.idx and skip.i > 0 and is_participle(skip.lower_):
            return True  # "100% of P1 alerts triaged within 15 minutes": the share done is the outcome, a service level
    if _measured_relative_clause(analysis):
        return True
    if any(q.measure and _METRIC_BEFORE.search(text[:q.start]) for q in quantities):
        return True  # "Hold a rating of 4.7": the number is a metric level, not a count of tasks
    performed = analysis.lang == "en" and skip is not None and verb_lemma(skip, "en") in ctx.words("perform", "en")
    held = skip is not None and verb_lemma(skip, "ru") in ctx.words("perform", "ru")  # «Провести тест с 10 жителями»
    if any(q.measure and re.search(r"\b(?:с|со|with)\s+(?:[^\W\d_]+\s+){0,3}$", text[:q.start], re.IGNORECASE)
           and q.start > after_skip and not (analysis.lang == "ru" and _RU_INSTRUMENTAL.match(text[q.end:])
                                             and not (_ru_people_after(analysis, q) and not held))
           and not ((performed or _few_things_with(ctx, analysis, q))
                    and not q.percent and _counts_things(analysis, q))  # "Run user testing with 40 people"
           for q in quantities):
        return True  # «Запустить семейный аккаунт с 5 000 активных семей»: the launch carries its outcome
    outcome = ctx.words("outcome")
    for t in analysis.tokens:
        if skip is not None and t.i == skip.i:
            continue
        lemma = verb_lemma(t, analysis.lang)
        if lemma in outcome and any(q.measure and q.start > t.idx for q in quantities):
            return True
    return False


# ---------------------------------------------------------------- checks

def _pred_hit(pred: Predicate, **values: Any) -> Hit:
    doc = pred.head.doc
    return _span_hit(doc[pred.head.i:pred.end], **values)


@check("vague-predicate")
def vague_predicate(ctx: "Context") -> list[Hit]:
    """Core vague verbs in any form; effort verbs only when the item names no measurable target."""
    analysis = ctx.analysis
    assert analysis is not None
    pred = analysis.pred
    if pred is None:
        return _typo_hit(ctx, analysis)
    if analysis.content and pred.head.i != analysis.content[0].i and (typo := _typo_hit(ctx, analysis)):
        return typo  # "Imporve ground handling …": the tagger took "ground" for the verb; the first word is the typo
    verb = pred.head
    if pred.has(ctx.words("main")):
        return [_pred_hit(pred, verb=verb.text)]
    if (joined := _coordinated_core(analysis, pred, ctx.words("main"))) is not None:
        return [_span_hit([joined], verb=joined.text)]
    if (better := _better_object(analysis, pred, ctx.words("vague_complement"))) is not None:
        return [_span_hit([better], verb=better.text)]
    if pred.has(ctx.words("effort")) and not analysis.has_measure and not _structured_target(ctx.item) \
            and not _en_metric_phrase(analysis) and not _effort_state(ctx, pred):
        return [_pred_hit(pred, verb=verb.text)]
    if pred.has(ctx.words("grow")) and _grows(pred, ctx.words("grown")) and not analysis.has_measure \
            and not _structured_target(ctx.item):
        return [_pred_hit(pred, verb=verb.text)]
    if not known_word(verb.lower_, analysis.lang):
        return _typo_hit(ctx, analysis)
    if pred.form in ("imperative", "modal", "finite") and pred.has(ctx.words("make")):
        nxt = next_word(verb)
        if nxt is not None and nxt.lower_ in ctx.words("vague_complement"):
            return [_span_hit(verb.doc[verb.i:nxt.i + 1], verb=verb.text)]
        follow = [t.lower_ for t in _content(verb.doc[verb.i + 1:])]
        if any(w in ctx.words("vague_complement") for w in follow[-1:]) and not _has_complement(verb):
            return [_span_hit([verb], verb=verb.text)]
        if ctx.kind == "key_result" and not analysis.has_measure and _en_comparative_after(verb) is not None:
            return [_span_hit([verb], verb=verb.text)]  # "Make support faster and friendlier": better, by how much?
            # (an objective may say it: "Make our interview process more remote friendly" is a direction)
    return []


def _grows(pred: Predicate, grown: frozenset[str] | set[str]) -> bool:
    """Whether the object names something grown ("our leads and opportunities pipeline", "the quality skills of …").

    Reads the object up to its first preposition or punctuation; a second verb joined by "and" is skipped
    ("Develop and evangelize a … culture").
    """
    for t in doc_tokens(pred.head.doc)[pred.end:pred.end + 9]:
        if t.pos_ == "ADP" or t.is_punct:
            return False
        if t.pos_ == "NOUN" and t.lemma_.lower() in grown:
            return True
    return False


def _coordinated_core(analysis: Analysis, pred: Predicate, core: set[str] | frozenset[str]) -> Token | None:
    """"Scale and improve X", "Increase revenue and optimize sales processes", "Revamped API and improved DX":
    a core vague verb coordinated with the predicate is a predicate too (a purpose "to improve" is not).
    Russian reads the dependency tree: «Повысить точность, оптимизировать память и улучшить архитектуру»."""
    if pred.form == "noun":
        return None
    if analysis.lang == "ru":
        return next((t for t in coordinated(pred) if t.pos_ == "VERB" and t.lemma_.lower() in core
                     and t.morph.get("VerbForm") == pred.head.morph.get("VerbForm")), None)
    for t in analysis.tokens[pred.end:]:
        if not t.is_alpha or t.lower_ == "better":
            continue
        lemma = verb_lemma(t, "en")
        if lemma not in core:
            continue
        prev = prev_word(t)
        if prev is None or prev.lower_ not in ("and", ",", "&", ";", "/") or not _object_follows_word(t):
            continue
        forms = {"finite": (lemma, lemma + "s", lemma + "es"), "participle": (lemma + "d", lemma + "ed"),
                 "passive": (lemma + "d", lemma + "ed")}.get(pred.form, (lemma,))
        if t.lower_ in forms:
            return t
    return None


def _en_comparative_after(verb: Token) -> Token | None:
    """"Make support faster", "Make onboarding more intuitive": a comparative complement after the object (English)."""
    from .analysis.english import word_options

    if verb.lang_ != "en" and verb.doc.lang_ != "en":
        return None
    for t in verb.doc[verb.i + 1:verb.i + 8]:
        if t.is_punct and t.text in ",;:." or t.lower_ in ("than", "by", "from", "to"):
            return None
        prev = prev_word(t)
        adjective = word_options(t.lower_).get("ADJ", ())
        if t.is_alpha and adjective and (t.lower_.endswith("er") and adjective[0].lower() != t.lower_
                                          or prev is not None and prev.lower_ in ("more", "less") and prev.i > verb.i + 1):
            return t
    return None


def _better_object(analysis: Analysis, pred: Predicate, vague: set[str] | frozenset[str]) -> Token | None:
    """"Build a better product": the object is only "better" — nothing says what changes ("a great X" may inspire)."""
    if analysis.lang != "en" or pred.form == "noun" or analysis.has_measure:
        return None
    doc = pred.head.doc
    words = [t for t in doc[pred.end:pred.end + 3] if not t.is_space]
    if words and words[0].lower_ in ("a", "an", "the", "our", "their", "its"):
        words = words[1:]
    if len(words) >= 2 and words[0].lower_ in vague and words[0].lower_ == "better" \
            and words[1].is_alpha and words[1].lower_ not in ("than", "and", "or", "to"):
        return words[0]
    return None


def _object_follows_word(t: Token) -> bool:
    nxt = next_word(t)
    return nxt is not None and (nxt.is_alpha and nxt.lower_ not in ("and", "or", "to", "by", "of") or nxt.like_num)


def _en_product_subject(pred: Predicate) -> bool:
    """"Peerpad ensures …", "GeoSync ensures …": a subject that is a product's name (capitalised, not we/the team)."""
    subject = [t for t in pred.head.doc[:pred.head.i] if t.is_alpha]
    return bool(subject) and len(subject) <= 3 and all(t.text[:1].isupper() for t in subject) \
        and subject[0].lower_ not in ("we", "i", "our", "the", "team", "everyone", "they")


def _effort_state(ctx: "Context", pred: Predicate) -> bool:
    """An effort verb that, in this form, names a definite state or thing rather than an effort.

    "Support for signed artifacts" is a feature (the noun, followed by "for"); "Connection manager supports
    backoff", "base32 is supported", "Our people are empowered" describe a capability or a state reached
    (``state`` verbs with a subject); «Команды работают» is "it works", not «работать над».
    """
    nxt = next_word(pred.head)
    if pred.form == "imperative" and pred.head.i == _content(pred.head.doc)[0].i and nxt is not None \
            and nxt.lower_ == "for":
        return True
    if pred.form in ("finite", "passive") and pred.has(ctx.words("state")):
        return True
    if pred.form == "finite" and pred.has({"ensure"}) and _en_product_subject(pred):
        return True  # "Peerpad ensures non-repudiation": a property the product has, not an effort
    return pred.has(ctx.words("bound_to_nad")) and (nxt is None or nxt.lower_ not in ("над", "надо"))


_EN_PREPOSITIONS = {"of", "to", "for", "in", "on", "by", "with", "at", "from", "per", "across", "within", "over", "under"}


def _en_metric_phrase(analysis: Analysis) -> bool:
    """"Support ticket backlog", "Release frequency", "Drive time to site": a metric noun phrase, not an order.

    English has no tagger; a first word that can be a noun, followed by bare nouns ending in a metric word,
    is a compound, not a verb and its object.
    """
    pred = analysis.pred
    if analysis.lang != "en" or pred is None or pred.form != "imperative" or " " in pred.lemma:
        return False  # "Work on customer retention": a phrasal verb is never the first half of a compound
    from .analysis.english import word_options as getAllLemmas  # cached

    if "NOUN" not in getAllLemmas(pred.head.lower_) or pred.has(_action_verbs("en")):
        return False  # "Increase revenue", "Launch rate…": verbs of change and task verbs lead an order
    words = []
    adjective = "ADJ" in getAllLemmas(pred.head.lower_)  # "Net new ARR", "Gross new bookings": adjectives of a metric
    for t in pred.head.doc[pred.end:]:
        if t.is_space:
            continue
        if adjective and not words and t.lower_ == "new":
            continue
        if not t.is_alpha or t.lower_ in _EN_PREPOSITIONS or t.lower_ in _EN_OBJECT_START or t.lower_ in ("and", "or"):
            break
        words.append(t)
    if not words:
        return False
    from .engine import get_rule

    kpi = get_rule("kpi-wording")
    metric = kpi.word_set("en", "metric") if kpi is not None else frozenset()
    return words[-1].lemma_.lower() in metric or words[-1].lower_ in metric


def _typo_hit(ctx: "Context", analysis: Analysis) -> list[Hit]:
    """«Улчшить», "imrpove": the first word is unknown to the dictionary and one edit from exactly one core verb."""
    first = _misspelled_verb(analysis, ctx.words("main"))
    return [_span_hit([first], verb=first.text)] if first is not None else []


_SUBJECT_AND_MODAL = frozenset({"we", "i", "you", "they", "will", "'ll", "’ll", "shall", "must", "need", "needs", "to",
                                "should", "are", "is", "going", "want", "plan", "мы", "я", "будем", "будет", "нужно", "надо",
                                "необходимо", "планируем", "хотим", "должны", "должен", "должна"})


def _misspelled_verb(analysis: Analysis, verbs: frozenset[str] | set[str]) -> Token | None:
    """The first word (after a subject and a modal) when the dictionary does not know it and it is one edit from
    exactly one of ``verbs``."""
    words = analysis.content
    if not words:
        return None
    lead = 0
    while lead < min(len(words) - 1, 4) and words[lead].lower_ in _SUBJECT_AND_MODAL:
        lead += 1  # "We will imrpove …", «Мы будем улчшать …»: the verb after the subject and the modal
    first = words[lead]
    if not first.is_alpha:
        return None
    if misspelling_of(first.lower_, analysis.lang, verbs) is not None:
        return first
    return first if lead == 0 and misspelled_noun_of(first.lower_, analysis.lang, verbs) is not None else None


@check("hedge")
def hedge(ctx: "Context") -> list[Hit]:
    return [_span_hit(span) for span in phrase_matches(ctx, ["main"])
            if not _in_compound(span) and not _others_try(ctx, span) and not _best_work(span) and not _attempt_noun(span)
            and not _in_quoted_name(span)]


def _in_quoted_name(span: Span) -> bool:
    """"Hold 3 free 'Try Soccer' Saturdays", «акция «Попробуй бесплатно»»: a hedge word inside a quoted name is its part."""
    quoted = quoted_words(span.doc)
    return all(t.i in quoted for t in span)


def _attempt_noun(span: Span) -> bool:
    """"Catch 85% of account-takeover attempts", "per login attempt": attempts counted are a noun, not our hedge."""
    word = span[0]
    if len(span) != 1 or word.lower_ not in ("attempt", "attempts"):
        return False
    nxt, prev = next_word(word), prev_word(word)
    after_to = next_word(nxt) if nxt is not None and nxt.lower_ == "to" else None
    if prev is not None and prev.lower_ in ("first", "second", "one", "each", "per", "every") and after_to is not None \
            and (after_to.like_num or after_to.text[:1] in "<>≤≥~$€£"):
        return True  # "KYC pass rate on first attempt to 92%": "to" opens the target, the attempt is counted
    if nxt is not None and nxt.lower_ == "to" or prev is None:
        return False  # "Attempt to …", "The team attempts to …": the hedge
    return word.lower_ == "attempts" or prev.lower_ in ("a", "an", "the", "each", "every", "per", "first", "one") \
        or prev.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _best_work(span: Span) -> bool:
    """"do our best work": "best" describes a noun here — an ambition, not the hedge "do our best"."""
    nxt = next_word(span[-1])
    return span[-1].lower_ == "best" and nxt is not None and nxt.is_alpha and nxt.lower_ not in ("to", "and", "or", "in")


def _others_try(ctx: "Context", span: Span) -> bool:
    """"Half of active users try the new editor": what users try is their behaviour (an outcome), not our hedge."""
    first = span[0]
    if ctx.analysis is None or ctx.analysis.lang != "en" or first.lemma_.lower() not in ("try", "attempt"):
        return False
    nxt, prev = next_word(first), prev_word(first)
    if nxt is None or nxt.lower_ in ("to", "and") or nxt.lower_.endswith("ing") or prev is None:
        return False  # "We try to …", "Try launching …"
    from .engine import get_rule

    task = get_rule("task-key-result")  # the shared actors list, as that rule reads it
    actors = task.word_set("en", "actors") if task is not None else frozenset()
    if prev.lower_ in ("and", "or") and any(t.lower_.rstrip("s") in actors for t in span.doc[:first.i]):
        return True  # "More developers will know about and try Sourcegraph": the subject's behaviour, coordinated
    return prev.lower_.rstrip("s") in actors or first.lower_ == "tries" and _nounish_en(prev)


def _nounish_en(t: Token) -> bool:
    from .analysis.english import word_options

    return t.is_alpha and "NOUN" in word_options(t.lower_)


def _in_compound(span: Span) -> bool:
    """A hedge word glued into a compound by a hyphen is no hedge: "first-attempt success", "try-out"."""
    doc = span.doc
    glued_after = span.end < len(doc) and span[-1].whitespace_ == "" and doc[span.end].text in ("-", "‑")
    glued_before = span.start > 0 and doc[span.start - 1].text in ("-", "‑") and doc[span.start - 1].whitespace_ == ""
    return glued_after or glued_before


def _object_noun(pred: Predicate) -> Token | None:
    """The first noun after the predicate (its object), skipping numbers, adjectives and determiners."""
    for t in doc_tokens(pred.head.doc)[pred.end:pred.end + 5]:
        if t.pos_ in ("NOUN", "PROPN", "X") and t.is_alpha or t.lower_ in ("game", "demo"):
            return t
        if t.lower_.endswith("ing") and t.pos_ == "VERB" and (n := next_word(t)) is not None and n.pos_ == "NOUN":
            continue  # "Set hiring targets": the -ing word modifies the object
        if t.is_punct and t.text in ",;:()" or t.pos_ in ("VERB", "ADP", "CCONJ", "SCONJ"):
            return None
    return None


def _compound_head(noun: Token) -> Token:
    """The last noun of an English compound: "developer community" → community, "community portal" → portal."""
    head = noun
    for t in doc_tokens(noun.doc)[noun.i + 1:]:
        if t.is_space:
            continue
        if t.pos_ not in ("NOUN", "PROPN") or not t.is_alpha:
            break
        head = t
    return head


def _artefact_object(ctx: "Context", pred: Predicate) -> bool:
    """The predicate creates or performs an artefact or event: «построить дашборд», «утвердить регламент», "run a game day"."""
    artefacts = ctx.words("artefact")
    obj = _object_noun(pred)
    if obj is None:
        return False
    lemma = obj.lemma_.lower()
    if lemma in artefacts or obj.lower_ in artefacts or lemma.split("-")[0] in artefacts:
        return True
    head = _compound_head(obj) if obj.lang_ == "en" else obj  # "onboarding playbook" → playbook
    return head.lemma_.lower() in artefacts or head.lower_.rstrip("s") in artefacts


def _object_in(pred: Predicate, words: set[str] | frozenset[str]) -> bool:
    """Whether the head of the predicate's object (the last noun of an English compound) is one of ``words``."""
    obj = _object_noun(pred)
    if obj is None:
        return False
    head = _compound_head(obj) if obj.lang_ == "en" else obj
    return head.lemma_.lower() in words or head.lower_ in words or head.lower_.rstrip("s") in words


_EN_PEOPLE = {"customer", "client", "partner", "user", "member", "subscriber", "distributor", "dealer", "carrier", "reseller",
              "contributor", "logo", "account", "lead", "participant", "attendee", "buyer", "seller", "supplier", "vendor",
              "merchant", "school", "team", "company", "brand", "sponsor", "investor", "signup", "developer", "student"}


def _counts_results(pred: Predicate, analysis: Analysis, results: set[str] | frozenset[str] = frozenset(),
                    people: bool = True) -> bool:
    """«Подключить 3 новых дистрибьюторов», «Собрать 500 ответов»: a count of people won or results collected is an outcome."""
    lang = analysis.lang
    doc = pred.head.doc
    after = [t for t in doc_tokens(doc)[pred.end:pred.end + 4] if not t.is_space]
    if not after or not any(q.measure and q.start == after[0].idx for q in analysis.quantities):
        return False
    if lang == "ru":
        from .analysis.russian import parses

        nouns = [t for t in after[1:] if t.pos_ in ("NOUN", "PROPN") and t.is_alpha]
        if nouns and nouns[0].lemma_.lower() in results:
            return True
        if not people or not nouns or "Anim" not in nouns[0].morph.get("Animacy"):
            return False
        if not known_word(nouns[0].lower_, "ru"):
            return False  # a guess («вебинара» read as a name) is no evidence of people
        readings = [p for p in parses(nouns[0].text) if p.tag.POS == "NOUN"]
        return bool(readings) and "anim" in readings[0].tag.grammemes and not {"Name", "Surn", "Fixd"} & readings[0].tag.grammemes
    words = []
    for t in doc[after[0].i + 1:]:  # the head of the English compound: "20 customer interviews" → interviews
        if t.is_space:
            continue
        if not t.is_alpha or t.lower_ in ("of", "to", "in", "on", "for", "by", "with", "and", "or", "from", "at"):
            break
        words.append(t)
    heads = {words[-1].lemma_.lower(), words[-1].lower_.rstrip("s")} if words else set()
    return bool(heads & ((_EN_PEOPLE if people else set()) | set(results)))  # "Interview 15 customers": people met


def _capability(analysis: Analysis, pred: Predicate) -> bool:
    """"Users can create branches", "Admins are able to export audits": with no number, a capability the team ships."""
    if analysis.lang != "en" or pred.form != "modal" or analysis.has_measure:
        return False
    before = [t.lower_ for t in pred.head.doc[:pred.head.i] if not t.is_space][-3:]
    return bool(before) and (before[-1] == "can" or before[-2:] == ["able", "to"])


def _others_act(ctx: "Context", pred: Predicate) -> bool:
    """«Пользователи создают 2 000 проектов», "80% of new teams invite a colleague": what others do is an outcome."""
    if pred.form not in ("finite", "modal") or ctx.analysis is None or _capability(ctx.analysis, pred):
        return False
    subject = [t for t in pred.head.doc[:pred.head.i] if not t.is_space and not t.is_punct]
    if not subject:
        return False
    actors = ctx.words("actors")
    if any(q.measure and q.start < pred.head.idx for q in ctx.analysis.quantities) or subject[0].lower_ in ("half", "most"):
        return True
    return any(t.lemma_.lower() in actors or t.lower_.rstrip("s") in actors for t in subject)


_EN_SUBORDINATE = {"after", "before", "when", "once", "until", "while", "since", "if", "whenever"}
_EN_PERCEIVE = {"recognize", "recognise", "understand", "know", "see", "feel", "trust", "remember", "tell"}


def _en_not_our_act(analysis: Analysis, pred: Predicate) -> bool:
    """English predicates that name no act of the team: a passive inside a time clause ("Manual corrections after
    the schedule is published"), what users perceive ("Users can recognize that …"), a gerund heading a metric
    ("Scheduling constraint violations per week")."""
    if analysis.lang != "en":
        return False
    doc = pred.head.doc
    if pred.form == "passive" and any(t.lower_ in _EN_SUBORDINATE for t in doc[:pred.head.i]):
        return True
    if pred.form == "modal" and pred.has(_EN_PERCEIVE):
        return True
    nxt = next_word(pred.head)
    return pred.form == "gerund" and not analysis.has_measure and _RATE.search(analysis.text) is not None \
        and nxt is not None and nxt.lower_ not in _EN_OBJECT_START


def _activity_pred(ctx: "Context", pred: Predicate) -> bool:
    nxt = next_word(pred.head)
    joined = next_word(nxt) if nxt is not None and nxt.lower_ in ("and", "or", "и", "или") else None
    if joined is not None and (_lemma_in(joined, ctx.words("outcome")) or _lemma_in(joined, ctx.words("not_task"))
                               or verb_lemma(joined, ctx.analysis.lang if ctx.analysis else "ru") in ctx.words("not_task")):
        return False  # "Add and retain 5 members": the second verb makes it an outcome
    follows = _measure_after(pred, ctx.analysis) if ctx.analysis is not None else None
    if follows is not None and not _counts_things(ctx.analysis, follows):
        return False  # "Deliver 2 million in new ARR", «Добавить 2 млн ₽ выручки»: money or a metric, not a count of tasks
    perform = pred.has(ctx.words("perform"))
    results = frozenset() if perform else ctx.words("results")  # "Conduct 10 reviews": events held
    if ctx.analysis is not None and (_counts_results(pred, ctx.analysis, results, people=not perform) or _others_act(ctx, pred)
                                     or _en_metric_phrase(ctx.analysis)):
        return False
    if ctx.analysis is not None and _en_not_our_act(ctx.analysis, pred):
        return False
    if ctx.analysis is not None and ctx.analysis.lang == "en" and _EN_RANK_REACHED.search(ctx.analysis.text):
        return False  # "Finish in the top 3 of the league": a place won, not work finished
    main = ctx.words("main")
    if pred.form == "passive" and pred.has(ctx.words("verdict")):
        return False  # «TPC-C пройден»: a check passed is a verdict on the work, not the work
    if pred.has(ctx.words("make")) and _has_complement(pred.head):
        return False  # «Сделать онбординг быстрым», «Сделать customers happy»: make X into Y, not make a thing
    if pred.has(ctx.words("make")) and nxt is not None and nxt.lower_ in ctx.words("vague_complement"):
        return False  # «Сделать так, чтобы…», «Сделать всё возможное»: vague-verb's "make it so", no thing made
    if ctx.analysis is not None and ctx.analysis.lang == "en" and (obj := _object_noun(pred)) is not None \
            and _compound_head(obj).lemma_.lower() in ctx.words("grown"):
        return False  # "Build a thriving developer community": a community is grown, not delivered
    if pred.has(main) or pred.has(ctx.words("closing")) and _object_in(pred, ctx.words("work_items")):
        return True  # "Close all 8 open findings from the pen test": work items closed are work done, not deals won
    negated = any(t.lower_ in ("not", "never", "n't") for t in doc_tokens(pred.head.doc)[pred.end:pred.end + 7])
    if pred.form in ("imperative", "modal") and pred.has(ctx.words("make")) and not _has_complement(pred.head) \
            and _en_comparative_after(pred.head) is None and not negated:  # "Make gitbase queries not crash"
        nxt = next_word(pred.head)
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") and nxt.lower_ not in ctx.words("vague_complement"):
            return True
    english = ctx.analysis is not None and ctx.analysis.lang == "en"
    if pred.has(ctx.words("outcome")) or pred.has(ctx.words("not_task")) or english and pred.has(_vague_verbs("en")):
        return False  # "Work on manager training": an effort verb is vague-verb's, not a task
    known = known_word(pred.head.lower_, ctx.analysis.lang if ctx.analysis is not None else "ru")
    if english and ctx.analysis is not None and _EN_LEVEL_TO.search(ctx.analysis.text):
        return False  # "Scale the search engine to 10k requests per second": a level to reach, not a thing made
    if ctx.analysis is not None and _capability(ctx.analysis, pred):
        return True  # the feature is the deliverable, whatever its verb ("Users can opt out of …")
    return pred.form != "noun" and known and _artefact_object(ctx, pred)


_EN_RANK_REACHED = re.compile(r"\b(?:finish|finishes|finished)\s+(?:in|at)\s+(?:the\s+)?(?:top\b|first\b|second\b|third\b|#)",
                              re.IGNORECASE)
_EN_LEVEL_TO = re.compile(r"\bto\s+(?:at\s+least\s+|over\s+|above\s+)?[<>≤≥~]?\s*[$€£]?\d", re.IGNORECASE)


def _chained_activity(ctx: "Context", pred: Predicate) -> Token | None:
    """«Стараться проводить 1:1 …»: the activity is the infinitive a hedge verb governs."""
    nxt = next_word(pred.head)
    lang = ctx.analysis.lang if ctx.analysis is not None else "ru"
    if nxt is not None and nxt.pos_ == "VERB" and _lemma_in(nxt, ctx.words("main")) and (
        lang == "en" or "Inf" in nxt.morph.get("VerbForm")
    ):
        return nxt
    return None


def _passive_milestone(ctx: "Context", analysis: Analysis) -> Token | None:
    """«Лендинг опубликован», "Press kit published on the website", "The proposal is documented"."""
    main = ctx.words("main")
    for t in analysis.tokens:
        if t.i == 0:
            continue
        if analysis.lang == "ru":
            if "Pass" in t.morph.get("Voice") and t.pos_ == "VERB" and _lemma_in(t, main) \
                    and "Short" in t.morph.get("Variant") and not _lemma_in(t, ctx.words("verdict")):
                return t  # «Лендинг опубликован»; not «с зафиксированной дельтой», an attribute
            if t.lemma_.lower() == "готовый" and "Short" in t.morph.get("Variant") and _made_thing_before(ctx, t):
                return t  # «Интеграция с TipTap готова»: a deliverable in its finished state
        elif is_participle(t.lower_) and _en_main_participle(t, main) and verb_lemma(t, "en") not in ctx.words("verdict"):
            if any(x.lower_ in _EN_SUBORDINATE for x in analysis.doc[:t.i]):
                return None  # "Manual corrections after the schedule is published": a time clause, not the deliverable
            prev = _before_aside(prev_word(t))
            if prev is not None and (prev.pos_ in ("NOUN", "PROPN") or prev.lower_ in ("is", "are", "was", "were", "be", "been")):
                return t
            if t in passive_steps(analysis.doc):
                return t  # "is proposed, reviewed by the team, merged and implemented"
    return None


def _before_aside(t: Token | None) -> Token | None:
    """The word before a bracketed aside that ends at ``t`` ("3 blog posts (not release announcements) authored by …"
    → posts), else ``t`` itself."""
    if t is None or t.text != ")":
        return t
    depth = 0
    for x in reversed(t.doc[:t.i + 1]):
        depth += x.text.count(")") - x.text.count("(")
        if depth == 0:
            return prev_word(x)
    return None


def _en_main_participle(t: Token, main: set[str] | frozenset[str]) -> bool:
    """A participle of a task verb, a phrasal one included: "published", "rolled out" (roll out)."""
    lemma = verb_lemma(t, "en")
    nxt = next_word(t)
    return lemma in main or nxt is not None and f"{lemma} {nxt.lower_}" in main


def _made_thing_before(ctx: "Context", t: Token) -> bool:
    """The subject before «готов» is a thing made, not people («Команда готова к запуску» is a state of the team)."""
    nouns = [x for x in t.doc[:t.i] if x.pos_ in ("NOUN", "PROPN")]
    people = ctx.words("actors") | {"команда", "отдел", "группа", "служба", "департамент", "мы", "компания"}
    return bool(nouns) and nouns[0].lemma_.lower() not in people and "Anim" not in nouns[0].morph.get("Animacy")


def _offered_capability(ctx: "Context", analysis: Analysis) -> Token | None:
    """"Connection manager supports dial backoff", "The API exposes batch endpoints": with no number, a product that
    offers a capability is the deliverable in its finished state (English; what users or customers do is an outcome)."""
    pred = analysis.pred
    if analysis.lang != "en" or pred is None or pred.form != "finite" or analysis.has_measure or analysis.has_baseline:
        return None
    if not (pred.has(ctx.words("capability")) or pred.has({"ensure"}) and _en_product_subject(pred)) \
            or not pred.head.lower_.endswith("s"):
        return None  # "Peerpad ensures non-repudiation": a product's property, like "supports"
    subject = [t for t in analysis.doc[:pred.head.i] if t.is_alpha]
    actors = ctx.words("actors")
    if not subject or any(t.lower_ in ("we", "i", "you", "they") or t.lemma_.lower() in actors
                          or t.lower_.rstrip("s") in actors for t in subject):
        return None
    return pred.head


def _product_behaviour(ctx: "Context", analysis: Analysis) -> Token | None:
    """"Push notification system triggers daily reminders", "The dashboard shows churn by cohort": with no number, what
    a product does is the feature the team ships (English).  Not a verb that moves or wins something ("The dashboard
    cuts reporting time"), nor an effort verb, nor a subject of people."""
    pred = analysis.pred
    if analysis.lang != "en" or pred is None or pred.form != "finite" or analysis.has_measure or analysis.has_baseline \
            or not pred.head.lower_.endswith("s"):
        return None
    if pred.has(ctx.words("outcome") | ctx.words("not_task")) or pred.has(_vague_verbs("en")) \
            or pred.has(_shared_words("level", "en")):
        return None
    subject = [t for t in analysis.doc[:pred.head.i] if t.is_alpha]  # "The admin dashboard": people may name its users
    if not subject or any(t.lower_ in ("we", "i", "you", "they") for t in subject):
        return None
    nxt = next_word(pred.head)
    frequency = nxt is not None and nxt.lower_ in _EN_FREQUENCIES  # "triggers daily reminders": it describes the object
    if pred.has(ctx.words("make")) or nxt is None or not nxt.is_alpha \
            or "ADV" in _en_word_options(nxt.lower_) and not frequency:
        return None  # "The checkout page loads fast", "Our app makes onboarding easy": a quality, not a feature
    head = subject[-1]
    systems = ctx.words("systems")
    return pred.head if head.lemma_.lower() in systems or head.lower_ in systems else None


_EN_RUNS_ON = re.compile(r"^((?:[A-Z][\w.+-]*\s+){1,3})(runs|works)\s+(?:on|in|inside|offline)\b")
_EN_UNITS = {"sales", "marketing", "support", "finance", "engineering", "ops", "operations", "hr", "legal", "product",
             "design", "everyone", "everything", "nobody", "business"}


def _runs_on_platform(ctx: "Context", analysis: Analysis) -> Token | None:
    """"Peerpad runs on Firefox", "The Editor works offline": a named product that runs on a platform states a port the
    team ships — a deliverable in its finished state (English, no number; a team or people "working on" is effort)."""
    m = _EN_RUNS_ON.match(analysis.text)
    if analysis.lang != "en" or m is None or analysis.has_measure or analysis.has_baseline:
        return None
    subject = [w.lower() for w in m.group(1).split()]
    people = ctx.words("actors") | _EN_PEOPLE | _EN_UNITS
    if any(w in people or w.rstrip("s") in people or w in ("we", "i", "it", "this", "that") for w in subject):
        return None
    return next((t for t in analysis.tokens if t.idx == m.start(2)), None)


def _coordinated_task(ctx: "Context", analysis: Analysis) -> Token | None:
    """"Reboot the specs repo and create a working group", "We gather, process and present metrics": a task verb
    coordinated with a predicate that is neither a task nor an outcome (English)."""
    if analysis.lang != "en" or not any(t.lower_ in _BREAKS for t in analysis.tokens):
        return None  # with no predicate found, a list of acts still names them: "Reshoot menu photos, rewrite the copy"
    main = ctx.words("main")
    head = analysis.pred.head.i if analysis.pred is not None else -1
    acts = _clause_verbs(analysis, set(), set(_action_verbs("en"))) + _verb_chain(analysis)
    for t in acts:
        if t.i != head and verb_lemma(t, "en") in main:
            return t
    return None


_EN_SMALL_COUNTS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"}


def _en_counted_deliverables(ctx: "Context", analysis: Analysis) -> Token | None:
    """"12 streams", "4 speaking engagements this quarter", "Three new features": a verbless English line that opens
    with a small count of things the team makes or holds is a list of deliverables.  Not "10,000 sessions" (what users
    do: a large count), not a share or money, not a quota per period, not a line with a baseline or a verb."""
    if analysis.lang != "en" or analysis.has_baseline or _has_clause_verb(analysis) or _RATE.search(analysis.text):
        return None  # "20 demos per week": a steady quota (kpi-wording)
    words = [t for t in analysis.doc if not t.is_space and not t.is_punct]
    if not words:
        return None
    first = words[0]
    quantity = analysis.quantities[0] if analysis.quantities else None
    if first.lower_ in _EN_SMALL_COUNTS:
        pass
    elif quantity is None or quantity.start != first.idx or not quantity.measure or quantity.percent \
            or not re.fullmatch(r"\d{1,2}", quantity.text):
        return None
    artefacts = ctx.words("artefact") | ctx.words("deliverable_count")
    for t in words[1:5]:
        if t.pos_ == "ADP" or t.lower_ in ("per", "a", "from", "by"):
            return None
        if t.lower_ in artefacts or t.lower_.rstrip("s") in artefacts or t.lemma_.lower() in artefacts:
            nxt = next_word(t)
            if nxt is None or nxt.is_punct or not nxt.is_alpha or nxt.pos_ == "ADP" \
                    or nxt.lower_ in ("this", "next", "in", "with", "towards", "by"):
                return t  # the head of the phrase; "conference talks": go on to the head
    return None


def _deliverable_line(ctx: "Context", analysis: Analysis) -> Token | None:
    """«Telegram-бот (long polling)», «Мониторинг и алерты», "Prototype of the sync protocol": a roadmap line that
    names only the thing to build — no verb, no number, no metric — is a deliverable."""
    content = analysis.content
    phrase = _head_phrase(content)  # "Mac Signing": a gerund heading the line is the deliverable's name
    depth, outside = 0, []
    for t in analysis.tokens:  # «Веб-виджет (SSE, retries)»: what the brackets list is detail, not the line's verb
        depth += t.text.count("(") - t.text.count(")")
        if depth <= 0 and ")" not in t.text:
            outside.append(t)
    if analysis.lang != "ru" and (label := _en_label_end(ctx, analysis)) is not None:
        outside = [t for t in outside if t.i < label]  # "Gamification components: goals, journal, …": the list is detail
    if analysis.lang != "ru" and (relative := _en_relative_after(ctx, phrase)) is not None:
        outside = [t for t in outside if t.i < relative]  # "Simple CRUD that will be the base for the MVP"
    if not content or analysis.has_measure and not _bracketed_size(ctx, analysis) or _has_clause_verb(analysis, outside):
        return None
    if analysis.lang == "ru":
        from .analysis.ru_tasks import predicate_adjective

        if any(predicate_adjective(t) for t in outside):
            return None  # «Журнал аудита корректен»: a state to verify, not the thing's name
    if analysis.lang == "ru" and any("Inf" in t.morph.get("VerbForm") for t in content) \
            or analysis.lang != "ru" and any(t.pos_ in ("VERB", "AUX") and t.i > content[0].i and t not in phrase
                                             and not _parallel_gerund(t) and not _attributive_participle(t)
                                             for t in outside):
        return None
    if not phrase or _phrase_names_metric(phrase, _kpi_metric_words(analysis.lang), analysis.lang) \
            or analysis.lang != "ru" and _metric_target(phrase, _kpi_metric_words(analysis.lang)):
        return None  # "Q3 revenue target" names a metric's level, not a deliverable
    artefacts = ctx.words("artefact", "ru") | ctx.words("artefact", "en")  # roadmaps mix scripts: «Деплой на VPS / PaaS»
    if analysis.lang == "en":
        artefacts = artefacts | ctx.words("products", "en")  # "Gitbase web client", "Typo Analyzer as a GitHub app"
    cyrillic = any(re.search("[а-яё]", t.lower_) for t in phrase)
    for head in phrase if analysis.lang == "ru" or cyrillic else phrase[-1:]:  # «Telegram-бот»; "Slack integration"
        parts = {head.lemma_.lower(), head.lower_, *head.lemma_.lower().split("-"), head.lower_.rstrip("s")}
        if parts & artefacts or _support_for_feature(ctx, head):
            return head
    return None


def _bracketed_size(ctx: "Context", analysis: Analysis) -> bool:
    """"Large Scale Testbed (50k+ nodes)": English numbers only inside brackets, counting parts of the thing (no share,
    money, start value, people or results won), give its size — detail of the deliverable, not an outcome."""
    if analysis.lang != "en" or analysis.has_baseline:
        return False
    spans = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", analysis.text)]
    for q in analysis.quantities:
        if not q.measure:
            continue
        if not any(a < q.start < b for a, b in spans) or q.percent or re.search(r"[$€£]", q.text) \
                or _counts_won(ctx, analysis, q) or not _counts_things(analysis, q):
            return False
    return True


def _en_relative_after(ctx: "Context", phrase: list[Token]) -> int | None:
    """The index of "that"/"which" right after a verbless head phrase: the clause describes the thing named."""
    if not phrase:
        return None
    nxt = next_word(phrase[-1])
    if nxt is None or nxt.lower_ not in ("that", "which"):
        return None
    outcome = ctx.words("outcome") | ctx.words("not_task")
    if any(verb_lemma(t, "en") in outcome for t in phrase[0].doc[nxt.i + 1:]):
        return None  # "Dashboard that reduces reporting time": the clause names an outcome, not the thing
    return nxt.i


def _support_for_feature(ctx: "Context", head: Token) -> bool:
    """"Support for signed artifacts in TC": support for a thing is a feature to build; support for people
    ("Support for enterprise customers") is a service."""
    nxt = next_word(head)
    if head.lower_ != "support" or nxt is None or nxt.lower_ != "for":
        return False
    people = ctx.words("actors") | _EN_PEOPLE
    words = []
    for t in head.doc[nxt.i + 1:]:
        if not t.is_alpha and t.text not in ("-",):
            break
        if t.lower_ in _EN_PREPOSITIONS:
            break
        words.append(t)
    return bool(words) and not any(t.lower_ in people or t.lower_.rstrip("s") in people or t.lemma_.lower() in people
                                   for t in words)


def _en_label_end(ctx: "Context", analysis: Analysis) -> int | None:
    """"Gamification components: goals, gratitude journal, activity tracking": the index of a colon that closes a short
    verbless label, when what follows only lists parts (no clause verb, no people) — the label names the deliverable."""
    colon = next((t for t in analysis.tokens[:6] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    detail = [t for t in analysis.tokens if t.i > colon.i]
    actors = ctx.words("actors")

    def acts(t: Token) -> bool:  # "users finish …": people followed by a verb; "partner activity tracking" is a name
        nxt = next_word(t)
        return (t.lemma_.lower() in actors or t.lower_.rstrip("s") in actors) \
            and (nxt is None or "VERB" in _en_word_options(nxt.lower_) or not nxt.is_alpha)

    if not detail or _has_clause_verb(analysis, detail) or any(acts(t) for t in detail):
        return None  # "Onboarding flow: users finish setup alone" states what people do, not parts of the thing
    return colon.i


def _parallel_gerund(t: Token) -> bool:
    """"Error monitoring and alerting": an -ing word joined to an -ing noun is a second feature, not the line's verb."""
    before = prev_word(t)
    first = prev_word(before) if before is not None and before.lower_ in ("and", "or", "&", "+") else None
    return t.lower_.endswith("ing") and first is not None and first.lower_.endswith("ing") and first.pos_ == "NOUN"


_EN_EXISTS = re.compile(r"^(?:there\s+(?:is|are|will\s+be)|have|has|(?:[\w.-]+\s+){1,4}(?:has|have|gets|get))\s+"
                        r"(?:(?:a|an|the|its|their|our|one|proper|complete|full|first|new|working|up-to-date)\s+)*", re.IGNORECASE)


def _owned_artefact(ctx: "Context", analysis: Analysis) -> Token | None:
    """"There is a prototype of X", "The SDK has a v1 spec", "Have a complete onboarding guide": a deliverable that
    exists by the end of the quarter is a task stated as its finished state."""
    if analysis.lang != "en":
        return None
    if analysis.has_measure:
        return _shipped_state(ctx, analysis) if _only_parts_counted(ctx, analysis) else None
    m = _EN_EXISTS.match(analysis.text)
    if m is None:
        return _shipped_state(ctx, analysis)
    subject = analysis.text[:m.start()].split() + analysis.text[:m.end()].split()[:-1]
    if any(w.lower().rstrip("s") in ctx.words("actors") for w in subject):
        return None  # "Customers have a dedicated manager": what others have is an outcome
    verb = next((t for t in analysis.tokens if t.idx < m.end() and t.lower_ in ("is", "are", "be", "has", "have", "gets", "get")),
                None)
    if verb is None:
        return None
    artefacts = ctx.words("artefact")
    for t in analysis.tokens:
        if t.idx < m.end():
            continue
        if t.text == "," and (n := next_word(t)) is not None and "ADJ" in _en_word_options(n.lower_):
            continue  # "a full, passing suite of interop tests"
        if t.is_punct or t.lower_ in _EN_PREPOSITIONS or t.lower_ in ("that", "which"):
            break
        if t.lower_ in artefacts or t.lower_.rstrip("s") in artefacts or _feature_noun(t):
            return verb
    return None


def _en_word_options(word: str) -> dict[str, tuple[str, ...]]:
    from .analysis.english import word_options

    return word_options(word)


def _feature_noun(t: Token) -> bool:
    """"DHT has stream support for searches", "Have proper JSON serialization for …": a noun of action heading the
    object (followed by "for" or the end) names a capability the team builds."""
    nxt = next_word(t)
    if nxt is not None and nxt.lower_ not in ("for", "of", "in", "on", "across", "to") and not nxt.is_punct:
        return False
    return t.lower_ == "support" or bool(verb_of_noun(t.lower_, "en"))


_EN_SHIPPED = re.compile(r"^(?:[\w.+&-]+,?\s+){1,9}(?:(?:is|are)\s+(?:now\s+)?(?:available|enabled|live|supported)|exists?"
                         r"|(?:goes|go|went)\s+live|open(?=\s+(?:by|to|at|in|on)\b)"
                         r"|(?:(?:is|are)\s+)?(?:live|done|complete|completed|finished|ready|in\s+place|in\s+production|available)"
                         r"(?=\s*(?:$|[,.;:(—–-]|(?:by|for|in|on|across|at|with|before|to|and|asap)\b)))\b",
                         re.IGNORECASE)  # "New pricing page live by August 15", "Vendor security review done"


def _shipped_state(ctx: "Context", analysis: Analysis) -> Token | None:
    """"Smart search is available to all users by default", "Gossipsub implementation exists": a feature or
    artefact in its finished state — the deliverable, not a change anyone measures.  Read after a leading hedge
    ("Stretch: rooftop terrace open …" is hedging's; the deliverable is still the line's)."""
    start = _en_lead_end(analysis)
    m = _EN_SHIPPED.match(analysis.text[start:])
    if m is None:
        return None
    end = start + m.end()
    pred = analysis.pred
    verbs = ctx.words("main") | ctx.words("outcome") | ctx.words("not_task") | _shared_words("level", "en") | _vague_verbs("en")
    if pred is not None and pred.form in ("imperative", "modal") and pred.head.idx == start and pred.has(verbs):
        return None  # "Ensure SOX controls are supported by the platform": an order whose object is the clause
    if any(_people_head(ctx, t) for t in analysis.tokens if start <= t.idx and t.idx + len(t.text) < end):
        return None  # "Three enterprise customers live on SSO": what people are is an outcome
    return next((t for t in analysis.tokens if start <= t.idx < end and t.lower_ in ("is", "are", "exist", "exists")), None) \
        or next((t for t in reversed(analysis.tokens) if t.idx < end and t.is_alpha), None)


def _en_lead_end(analysis: Analysis) -> int:
    """Where an English line starts after a leading hedge or adverb and its colon or comma ("Stretch: ", "Ideally, ")."""
    from .analysis.predicate import EN_LEAD_ADVERBS

    end = 0
    for t in analysis.tokens:
        if t.is_space or t.text in (":", ","):
            continue
        if t.lower_ not in EN_LEAD_ADVERBS:
            return t.idx if end else 0
        end = t.idx + len(t.text)
    return 0


def _people_head(ctx: "Context", t: Token) -> bool:
    """A word naming people that heads its phrase in a subject: "Customers, partners and resellers ready" — not a
    modifier of a following noun ("developer documentation exists" is about documentation)."""
    people = ctx.words("actors")
    if not (t.lower_ in people or t.lower_.rstrip("s") in people or t.lemma_.lower() in people):
        return False
    nxt = next_word(t)
    return nxt is None or not nxt.is_alpha or nxt.lower_ in ("and", "or", "is", "are", "live", "ready", "go", "goes",
                                                                "went", "exist", "exists") \
        or "NOUN" not in _en_word_options(nxt.lower_)


def _only_parts_counted(ctx: "Context", analysis: Analysis) -> bool:
    """"Contactless check-in live at all 6 hotels", "Rooftop bar live with 40 seats": every number is a small count
    of things the deliverable covers or contains — no share, money, time, baseline, people or results won."""
    if analysis.has_baseline:
        return False
    for q in analysis.quantities:
        if not q.measure:
            continue
        small = re.fullmatch(r"\d{1,2}", q.text.strip()) is not None or q.text.strip().lower() in _EN_SMALL_COUNTS
        if not small or q.percent or q.frequency or TIME_UNIT_AFTER.match(analysis.text[q.end:]) \
                or not _counts_things(analysis, q) or _counts_won(ctx, analysis, q):
            return False
    return True


def _noun_line(pred: Predicate) -> bool:
    """"Prototype of the sync protocol", "Support for X": a line-initial word followed by "of"/"for" is a noun."""
    doc = pred.head.doc
    return pred.form == "imperative" and pred.head.i == _content(doc)[0].i and pred.end < len(doc) \
        and doc[pred.end].lower_ in ("of", "for")


def _ru_task_verb(ctx: "Context", verb: Token, not_act: set[str]) -> bool:
    """A verb the dictionary knows, or slang it does not («Отрефакторить») — never a typo of a verb that is no task
    («Улчшить» is one edit from «улучшить»)."""
    from .analysis.ru_tasks import dictionary_verb

    if known_word(verb.lower_, "ru"):
        return True
    near = not_act | set(_action_verbs("ru", True))
    return dictionary_verb(verb) and not any(one_edit(verb.lower_, w) for w in near if " " not in w)


def _ru_metric_test(words: frozenset[str] | set[str]) -> Callable[[Token], bool]:
    """Whether a word names a metric: task-key-result's ``metric_words`` plus kpi-wording's metric names in both
    languages («Revenue для курьеров»)."""
    metric = set(words) | _kpi_metric_words("ru") | _kpi_metric_words("en")

    def is_metric(t: Token) -> bool:
        return t.lemma_.lower() in metric or t.lower_ in metric

    return is_metric


def _ru_task_shape(ctx: "Context", analysis: Analysis) -> tuple[Hit | None, Token | None]:
    """A Russian task with no number that no task verb names: a roadmap line, a capability, a milestone, an act on a
    thing (``analysis/ru_tasks.py``).  Never where the predicate is a verb of change, outcome or effort."""
    from .analysis import ru_tasks

    pred = analysis.pred
    not_act = ctx.words("not_act") | ctx.words("outcome") | ctx.words("not_task")
    is_metric = _ru_metric_test(ctx.words("metric_words"))
    results = ctx.words("results")

    doc = analysis.doc
    first = next(iter(_content(doc)), None)
    if first is not None and first.is_alpha and misspelled_noun_of(first.lower_, "ru", not_act) is not None:
        return None, None  # «Улчшение сервиса питания»: a vague act misspelled, no unknown thing to make

    def names_result(t: Token) -> bool:  # «Отзывы клиентов», «Заявки с сайта»: a line naming results is a KPI
        if first is not None and t.i == first.i and t.pos_ == "NOUN" and "Sing" in t.morph.get("Number") \
                and _ru_result_act(t) and len(_content(doc)) > 1 and not any(is_metric(x) for x in doc[t.i + 1:t.i + 3]):
            return False  # «Продажа TC через UMC»: one act of selling, a capability («Оценка качества» is a metric)
        return is_metric(t) or t.lemma_.lower() in results

    if (head := ru_tasks.roadmap_head(doc, pred, names_result, not_act, ctx.words("loss"))) is not None:
        first = _content(doc)[0]
        return _span_hit(doc[first.i:head.i + 1], verb=head.text), head
    if (verb := ru_tasks.milestone_participle(doc, is_metric, not_act | ctx.words("verdict"))) is not None:
        return _span_hit([verb], verb=verb.text), verb  # «Чат-бот настроен и работает»
    if pred is not None and pred.form in ru_tasks.ACTIVE_FORMS and (obj := ru_tasks.direct_object(pred.head)) is not None \
            and any(v in ctx.words("main") for v in verb_of_noun(obj.lemma_.lower(), "ru")):
        return _pred_hit(pred, verb=pred.head.text), pred.head  # «Обеспечить запуск склада»: the act is the object's
    if pred is None or pred.form != "noun" and pred.has(set(not_act)):
        return None, None
    if (verb := ru_tasks.capability_verb(doc, pred, is_metric, ctx.words("systems"), not_act)) is not None:
        return _span_hit([verb], verb=verb.text), verb
    if pred.form in ru_tasks.ACTIVE_FORMS and pred.has(ctx.words("measuring")) and ru_tasks.direct_object(pred.head):
        return _pred_hit(pred, verb=pred.head.text), pred.head  # «Посчитать LTV по когортам»: measuring is the work
    if _ru_task_verb(ctx, pred.head, not_act) and ru_tasks.object_of_act(pred, is_metric, not_act) is not None:
        return _pred_hit(pred, verb=pred.head.text), pred.head
    return None, None


def _ru_counted_task(ctx: "Context", analysis: Analysis) -> Hit | None:
    """«Оцифровать 2 000 медицинских карт», «12 статей в блоге»: a count of things made or handled is a task, whatever
    the verb, unless the verb moves a metric or wins results (``not_act``) or the count is a quota per period."""
    from .analysis import ru_tasks

    pred = analysis.pred
    not_act = ctx.words("not_act") | ctx.words("outcome") | ctx.words("not_task")
    is_metric = _ru_metric_test(ctx.words("metric_words"))
    results = ctx.words("results")
    if has_baseline(re.sub(r"\bbase(?:line|\s+line)\b", " ", analysis.text, flags=re.I)) or _RATE.search(analysis.text) \
            or _measured_relative_clause(analysis) \
            or any(q.percent or re.search(r"[$€₽]", q.text) for q in analysis.quantities if q.measure):
        return None  # a share, money, a quota per period («20 демо в неделю») or a start value: a metric
    if (participle := ru_tasks.counted_milestone(analysis.doc, is_metric, not_act | ctx.words("verdict"), results)) is not None:
        return _span_hit([participle], verb=participle.text)
    if pred is None:
        thing = ru_tasks.counted_artefacts(analysis.doc, ctx.words("artefact"), is_metric, results)
        if thing is None:
            return None
        first = next(t for t in _content(analysis.doc) if t.pos_ != "SYM")
        return _span_hit(analysis.doc[min(first.i, thing.i):thing.i + 1], verb=thing.text)  # «12 статей», «Smoke-тесты»
    heads_line = pred.form == "noun" and pred.head.i == _content(analysis.doc)[0].i  # «Замена 1 800 изоляторов …»
    if pred.form not in ru_tasks.ACTIVE_FORMS and not heads_line or pred.has(set(not_act)) \
            or not _ru_task_verb(ctx, pred.head, not_act):
        return None
    trains = pred.has(ctx.words("trains"))
    if ru_tasks.object_of_act(pred, is_metric, not_act) is None and pred.form == "finite" and not trains:
        return None  # what others or things do
    thing = ru_tasks.counted_thing(analysis.doc[pred.end - 1], is_metric, results, people=trains)
    return _pred_hit(pred, verb=pred.head.text) if thing is not None and not has_outcome(ctx, analysis, pred.head) else None


@check("activity")
def activity(ctx: "Context") -> list[Hit]:
    """A task: the predicate (any form) creates or performs something, and no outcome metric is attached."""
    analysis = ctx.analysis
    assert analysis is not None
    pred = analysis.pred
    hit: Hit | None = None
    skip: Token | None = None
    if pred is not None and _ties_pay(ctx, analysis, pred):
        return [_pred_hit(pred, verb=pred.head.text)]  # "Tie 10% of the analysts' bonus to CSAT": a pay policy set up
    if pred is not None and _activity_pred(ctx, pred):
        skip = pred.head
        hit = _pred_hit(pred, verb=pred.head.text)
    elif pred is not None and (chained := _chained_activity(ctx, pred)) is not None:
        skip = chained
        entry = _multiword_at(chained, ctx.words("main"))
        end = chained.i + (len(entry.split()) if entry else 1)
        hit = _span_hit(chained.doc[chained.i:end], verb=chained.text)
    elif pred is None or not (pred.has(ctx.words("outcome")) or pred.has(ctx.words("not_task"))):
        found = _passive_milestone(ctx, analysis) or _coordinated_task(ctx, analysis) or _offered_capability(ctx, analysis) \
            or _runs_on_platform(ctx, analysis) or _product_behaviour(ctx, analysis)
        if found is not None:
            skip = found
            particle = next_word(found)
            phrasal = particle is not None and f"{verb_lemma(found, analysis.lang)} {particle.lower_}" in ctx.words("main")
            hit = _span_hit(found.doc[found.i:particle.i + 1] if phrasal else [found], verb=found.text)  # "rolled out"
        elif (owned := _owned_artefact(ctx, analysis)) is not None:
            skip = owned
            first = next(t for t in analysis.content if t.idx >= _en_lead_end(analysis))  # after "Stretch:"
            hit = _span_hit(analysis.doc[first.i:owned.i + 1], verb=owned.text)  # "Offline mode is", "The SDK has"
        elif (pred is None or _noun_line(pred)) and (deliverable := _deliverable_line(ctx, analysis)) is not None:
            first = analysis.content[0]
            return [_span_hit(analysis.doc[first.i:deliverable.i + 1], verb=deliverable.text)]  # «Telegram-бот»
        elif pred is None and (counted := _en_counted_deliverables(ctx, analysis)) is not None:
            return [_span_hit(analysis.doc[0:counted.i + 1], verb=counted.text)]  # "12 streams", "Three new features"
    elif analysis.lang == "en" and pred.has(ctx.words("not_task")) and (found := _coordinated_task(ctx, analysis)) is not None \
            and not any(q.start > found.idx and _counts_things(analysis, q) for q in analysis.quantities):
        skip = found  # "Hire 3 packers, buy a printer and test the packing line": the hire is no task, the rest is;
        hit = _span_hit([found], verb=found.text)  # "Sign 10 customers and launch in 3 markets" counts how far it reaches
    if hit is None and analysis.lang == "ru" and not _structured_target(ctx.item):
        if not analysis.has_measure:
            hit, skip = _ru_task_shape(ctx, analysis)
        elif (counted := _ru_counted_task(ctx, analysis)) is not None:
            return [counted]  # «≥ 2 итерации …», «Все 9 команд прогнаны»: «≥» counts the things done, no outcome
    if hit is None or has_outcome(ctx, analysis, skip=skip) and not _sets_pay(ctx, analysis, pred):
        return []
    return [hit]


def _pay_words(lang: str) -> frozenset[str]:
    """Words of employees' pay, as compensation-link reads them («премия», "bonus", "salary"…)."""
    from .engine import get_rule

    compensation = get_rule("compensation-link")
    return compensation.word_set(lang, "main") if compensation is not None else frozenset()


def _ties_pay(ctx: "Context", analysis: Analysis, pred: Predicate) -> bool:
    """"Tie 20% of each rep's bonus to NRR", "Link the Q1 bonus to …": an order that ties pay to a metric sets up a
    policy — a task (as «Привязать премию к NPS» is), besides the compensation-link it also is."""
    if pred.form not in ("imperative", "modal") or not pred.has(ctx.words("tie_pay")):
        return False
    to = re.search(r"\bto\b", analysis.text[pred.head.idx:])
    if to is None:
        return False
    span = analysis.text[pred.head.idx:pred.head.idx + to.start()].lower()
    return any(re.search(rf"\b{re.escape(word)}\b", span) for word in _pay_words(analysis.lang))


def _sets_pay(ctx: "Context", analysis: Analysis, pred: Predicate | None) -> bool:
    """«Ввести премию врачам за NPS выше 70»: the act sets up pay, and every number is the pay's condition, not an
    outcome of the act (compensation-link says why tying pay to it is wrong)."""
    if pred is None or not pred.has(ctx.words("sets_up")):
        return False
    pay = _pay_words(analysis.lang)
    noun = next((t for t in analysis.doc[pred.end:] if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or not (noun.lemma_.lower() in pay or noun.lower_ in pay):
        return False
    after = noun.idx + len(noun.text)
    return all(q.start > after and not re.search(r"\b(?:и|and)\b|[,;]", analysis.text[after:q.start])
               for q in analysis.quantities if q.measure)  # not «…и получить 25 рекомендаций»: an outcome of its own


_BREAKS = (",", ";", "и", "а", "and", "+", "&", "then", "затем", "потом", "также", "плюс", "plus")
_EN_OBJECT_START = {"a", "an", "the", "our", "all", "every", "each", "new", "their", "its", "his", "her", "my", "your", "more"}


_RU_INFINITIVE_END = re.compile(r"(?:ть|ти|чь)(?:ся|сь)?$")


def _verb_form_ok(t: Token, analysis: Analysis) -> bool:
    """A verb in the same slot as an item's predicate: infinitive/imperative, or finite when the item is finite."""
    if analysis.lang != "ru":
        return t.text.lower() == (verb_lemma(t, "en") or "")
    forms = t.morph.get("VerbForm")
    if "Inf" in forms and not _RU_INFINITIVE_END.search(t.lower_):
        return False  # «перераспределив» tagged as an infinitive: a converb says how, it is no second act
    if "Inf" in forms or "Imp" in t.morph.get("Mood"):
        return True
    pred = analysis.pred
    return pred is not None and pred.form == "finite" and "Fin" in forms


def _en_clause_start(t: Token, actions: set[str] | None) -> bool:
    """Whether a base-form English word after a clause break opens an action: "mentor the team", "act on the findings"."""
    from .analysis.english import word_options as getAllLemmas  # cached

    if t.lower_ in ("target", "goal", "aim") and (nxt := next_word(t)) is not None and (nxt.like_num or nxt.text in ":="):
        return False  # ", target 30 days on average": the target's label, not an action
    options = getAllLemmas(t.lower_)
    nxt = next_word(t)
    if t.lower_ == "make" and nxt is not None and nxt.lower_ == "sure" and next_word(nxt) is not None:
        return True  # "… and make sure they ship on time": "make sure" is one verb (ensure) with a clause for object
    known_action = actions is not None and t.lower_ in actions  # "onboard": a lexicon verb lemminflect does not know
    if not known_action and ("VERB" not in options or t.lower_ not in {v.lower() for v in options["VERB"]}):
        return False
    if nxt is None:
        return False
    if nxt.lower_ in _EN_OBJECT_START or nxt.like_num or nxt.text[:1] in "$€£" or nxt.pos_ == "PRON" \
            or nxt.pos_ == "X" and "-" in nxt.text:  # "…, make $1 from someone I don't know"
        return True  # "train tier-1 agents": a hyphenated modifier opens the object
    if known_action and nxt.text in ("<", ">", "≤", "≥", "~") and (num := next_word(nxt)) is not None and num.like_num:
        return True  # "… and achieve >50% adherence": a bound on a number opens the object
    if "VERB" not in options:
        return False  # a lexicon word lemminflect does not know as a verb needs a clear object: "onboard 4 carriers"
    after = next_word(nxt)
    if nxt.pos_ == "ADP" and after is not None and (after.lower_ in _EN_OBJECT_START
                                                     or after.lower_ in ("what", "whatever", "everything")):
        return True  # "act on the findings", "report on the offsite", "act on what we learn"
    if actions is not None and t.lower_ in actions:
        return nxt.pos_ in ("ADJ", "NOUN", "PROPN") or nxt.is_alpha and nxt.lower_ not in ("and", "or")
    return "NOUN" not in options and nxt.is_alpha and nxt.lower_ not in ("and", "or", "to", "of", "in", "on", "for")


def _en_gerund_start(t: Token, actions: set[str] | None) -> bool:
    """"…, adding an option and running exit interviews": in a line led by an -ing form, a later -ing form of an
    action verb with its own object opens another action."""
    lemma = verb_lemma(t, "en") if t.lower_.endswith("ing") else None
    nxt = next_word(t)
    if lemma is None or actions is None or lemma not in actions or nxt is None:
        return False
    if nxt.lower_ in ("up", "out", "off", "down") and (n2 := next_word(nxt)) is not None:
        nxt = n2  # "setting up the emails"
    return nxt.lower_ in _EN_OBJECT_START or nxt.like_num or nxt.pos_ in ("ADJ", "NOUN", "PROPN") \
        or nxt.text in ("'", '"', "“")


def _clause_verbs(analysis: Analysis, skip_words: set[str], actions: set[str] | None = None) -> list[Token]:
    """Verbs that start a clause of their own and take their own object."""
    verbs = []
    first = analysis.predicate
    last: Token | None = None  # the word before ``t`` (``prev_word``), kept while walking
    for t in analysis.tokens:
        prev, last = last, (last if t.is_space else t)
        if analysis.lang == "ru":
            missed = t.pos_ != "VERB" and analysis.pred is not None and analysis.pred.form == "finite" \
                and ru_verb_reading(t) is not None  # «и перепишем регламент», tagged as an adjective
            if not missed and (t.pos_ != "VERB" or t.lemma_.lower() in skip_words or not _verb_form_ok(t, analysis)):
                continue
        elif not t.is_alpha or (verb_lemma(t, "en") or "") in skip_words:
            continue
        is_first = first is not None and t.i == first.i
        starts = is_first or (prev is not None and (prev.lower_ in _BREAKS or _as_well_as(prev)))
        if not starts:
            continue
        nxt = next_word(t)
        if analysis.lang == "en":
            gerunds = analysis.pred is not None and analysis.pred.form == "gerund"
            if is_first:
                if _own_object_en(t) and analysis.pred is not None and (
                        analysis.pred.form in ("imperative", "modal", "finite", "gerund") or _en_begun(analysis.pred)):
                    verbs.append(t)
            elif (_en_clause_start(t, actions) or gerunds and _en_gerund_start(t, actions)) and not _en_embedded(analysis, t) and not (len(verbs) == 1 and _en_same_object(t, prev) and not any(
                    x.text in (",", ";") for x in analysis.doc[verbs[0].i:t.i])):
                verbs.append(t)
            continue
        own_object = nxt is not None and (nxt.pos_ not in ("VERB", "CCONJ", "PUNCT", "AUX", "PART")
                                          or "Part" in nxt.morph.get("VerbForm")) and nxt.lower_ not in ("и", "and", "or", "или")
        if own_object:
            verbs.append(t)
    if analysis.lang == "ru" and analysis.pred is not None and verbs and verbs[0].i == analysis.pred.head.i:
        # natasha's tree (``conj``), or «и»/«,» anywhere between: «Провести опрос и по его итогам внедрить 3 улучшения»
        later = [t for t in analysis.doc[analysis.pred.end:] if t.pos_ == "VERB" and _verb_form_ok(t, analysis)
                 and t.lemma_.lower() not in skip_words]
        for t in later:
            between = analysis.doc[analysis.pred.end:t.i]
            joined = t in coordinated(analysis.pred) or any(x.lower_ in ("и", ",", ";", "а") for x in between)
            subordinate = any(x.pos_ == "SCONJ" or x.lower_.startswith("котор") or x.lower_ == "чтобы" for x in between)
            nxt = next_word(t)
            if t not in verbs and joined and not subordinate and nxt is not None and nxt.pos_ not in (
                    "VERB", "CCONJ", "PUNCT", "AUX", "PART"):
                verbs.append(t)
        verbs.sort(key=lambda t: t.i)
    return verbs


# Acts that make what the first act built available: with "it" they finish the same result.
_EN_GO_LIVE = {"launch", "ship", "release", "deploy", "expose", "roll"}


_EN_ASPECT = {"begin", "start", "continue", "keep"}


def _en_begun(pred: Predicate) -> bool:
    """"Begin measuring adherence …": a gerund after a line-initial verb of starting is the line's act."""
    before = prev_word(pred.head)
    return pred.form == "gerund" and before is not None and before.lower_ in _EN_ASPECT and prev_word(before) is None


def _en_same_object(t: Token, join: Token | None) -> bool:
    """"Build an MVP and launch it", "can ingest and store 500+ records": the second verb acts on the first one's object
    (a pronoun standing for it, or one object after two bare verbs), so the line still names one result.  Asked for
    a second act with no comma before it: "Run 3 tests, collect issues and fix them" stays a plan."""
    nxt = next_word(t)
    if nxt is not None and nxt.lower_ in ("it", "them") and t.lower_ in _EN_GO_LIVE:
        return True  # "Build an MVP and launch it" is "Build and launch the MVP"
    before = prev_word(join) if join is not None and join.lower_ in ("and", "&") else None
    return before is not None and before.is_alpha and before.i > 0 and verb_lemma(before, "en") == before.lower_ \
        and prev_word(before) is not None and prev_word(before).lower_ in ("can", "will", "to", "could")


def _as_well_as(prev: Token) -> bool:
    """"Audit the contracts as well as renegotiate the top 5": "as well as" joins two acts."""
    well = prev_word(prev)
    return prev.lower_ == "as" and well is not None and well.lower_ == "well"


_EN_SUBORDINATORS = {"how", "what", "why", "where", "whether", "which", "who", "when", "if", "that"}


def _en_embedded(analysis: Analysis, t: Token) -> bool:
    """A verb inside brackets ("(e.g., live sessions, webinars)") or inside a clause the predicate governs
    ("Document how we run reviews and determine pay", up to the next comma): part of the object, not an action."""
    before = analysis.doc[:t.i]
    if sum(x.text.count("(") - x.text.count(")") for x in before) > 0:
        return True
    start = analysis.pred.end if analysis.pred is not None else 0
    marks = [x.i for x in analysis.doc[start:t.i] if x.lower_ in _EN_SUBORDINATORS]
    return bool(marks) and not any(x.text in (",", ";", ".") for x in analysis.doc[marks[-1]:t.i])


def _own_object_en(t: Token) -> bool:
    nxt = next_word(t)
    return nxt is not None and (nxt.pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON") or nxt.like_num
                                or nxt.pos_ == "ADP" and next_word(nxt) is not None
                                or nxt.lower_.endswith("ing") and nxt.is_alpha)  # "Finalize pricing and …"


def _verb_chain(analysis: Analysis) -> list[Token]:
    """"Plan, run and report on the offsite", «Спланировать, провести и подвести итоги»: verbs joined by commas/«и»."""
    pred = analysis.pred
    if pred is None or pred.form not in ("imperative", "modal", "finite"):
        return []
    chain, t = [pred.head], pred.head.doc[pred.end - 1]  # after a phrasal particle: "Kick off, run and wrap up"
    while True:
        sep = next_word(t)
        if sep is None or sep.lower_ not in (",", "and", "и", "&"):
            return chain
        nxt = next_word(sep)
        if nxt is None:
            return chain
        if analysis.lang == "en" and nxt.lower_ in ("re", "pre", "co") and nxt.i + 2 < len(nxt.doc) \
                and glued_hyphen(nxt.doc[nxt.i + 1]):
            nxt = nxt.doc[nxt.i + 2]  # "Review, update and re-issue the SOP": the verb after the prefix
        lemma = verb_lemma(nxt, analysis.lang)
        if lemma is None or (analysis.lang == "en" and nxt.lower_ != lemma) or (
                analysis.lang == "ru" and not _verb_form_ok(nxt, analysis)):
            return chain
        chain.append(nxt)
        t = nxt
        after = next_word(nxt)
        if analysis.lang == "en" and after is not None and after.lower_ in ("up", "off", "out", "down"):
            t = after  # "wrap up", "sign off"


@lru_cache(maxsize=None)
def _vague_verbs(lang: str) -> frozenset[str]:
    """The vague-verb rule's core and effort verbs."""
    from .engine import get_rule

    rule = get_rule("vague-verb")
    return frozenset(w.lower() for g in ("main", "effort") for w in rule.words(lang, g)) if rule is not None else frozenset()


@lru_cache(maxsize=None)
def _action_verbs(lang: str, effort: bool = False) -> frozenset[str]:
    """Verbs of action and change, borrowed from the rules that own those lexicons (plus effort verbs when asked)."""
    from .engine import get_rule

    words: set[str] = set()
    for rule_id, groups in (("task-key-result", ("main", "outcome")), ("vague-verb", ("main", "effort", "direction") if effort else ("main",))):
        rule = get_rule(rule_id)
        if rule is not None:
            words |= {w.split()[0].lower() for g in groups for w in rule.words(lang, g)}
    return frozenset(words)


def _noun_actions(analysis: Analysis, actions: frozenset[str]) -> list[Token]:
    """«Проведение опроса и внедрение изменений», "Creation of a playbook and rollout of SSO": nouns of action, each with its object."""
    pred = analysis.pred
    if pred is None or pred.form != "noun" or not (pred.has(set(actions)) or pred.lemma.split()[0] in actions):
        return []
    found = [pred.head]
    for t in analysis.doc[pred.end:]:
        prev, nxt = prev_word(t), next_word(t)
        if prev is None or prev.lower_ not in _BREAKS or nxt is None or nxt.lower_ in ("и", "and", ","):
            continue
        if t.pos_ in ("NOUN", "PROPN") or analysis.lang == "en" and t.is_alpha:
            verbs = verb_of_noun(t.lemma_.lower() if analysis.lang == "ru" else t.lower_, analysis.lang)
            if any(v in actions or v.split()[0] in actions for v in verbs):
                found.append(t)
    first_next = next_word(pred.head)
    if first_next is not None and first_next.lower_ in ("и", "and"):
        return []  # «Разработка и запуск приложения»: two acts on one object
    return found if len(found) >= 2 else []


def _en_capability(analysis: Analysis) -> bool:
    """"Members can make a profile and publish content": a subject other than the team, then "can" — a capability."""
    pred = analysis.pred
    if analysis.lang != "en" or pred is None or pred.form != "modal":
        return False
    modal = prev_word(pred.head)
    subject = [t for t in analysis.doc[:modal.i] if t.is_alpha] if modal is not None and modal.lower_ in ("can", "could") else []
    return bool(subject) and subject[0].lower_ not in ("we", "i", "our", "the", "team") and subject[-1].pos_ in ("NOUN", "PROPN")


@check("several-actions")
def several_actions(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    if _en_capability(analysis):
        return []  # "Members can make a profile and publish content": what users can do once it ships, one capability
    verbs = _clause_verbs(analysis, ctx.words("not_actions"), set(_action_verbs(analysis.lang)) if analysis.lang == "en" else None)
    if len(verbs) < 2:
        chain = _verb_chain(analysis)
        verbs = chain if len(chain) >= 3 else verbs
    if len(verbs) < 2:
        verbs = _noun_actions(analysis, _action_verbs(analysis.lang, True))
    if len(verbs) < 2 and analysis.lang == "ru" and not analysis.has_measure \
            and (analysis.pred is None or analysis.pred.form in ("noun", "finite")):
        from .analysis.ru_tasks import listed_deliverables

        verbs = listed_deliverables(analysis.doc)  # «Каркас в репозитории; стек поднимается одной командой; …»
    if len(verbs) < 2 and analysis.lang == "en":
        verbs = other_acts(analysis.doc, analysis.pred)  # passive chains, parallel participles, second sentences
    if len(verbs) < 2:
        return []
    return [Hit(verbs[0].idx, len(analysis.text.rstrip(" .;")), analysis.text[verbs[0].idx:len(analysis.text.rstrip(" .;"))],
                {"count": len(verbs), "verbs": ", ".join(v.text for v in verbs)})]


def _structured_target(item: Item | Period | None) -> bool:
    return isinstance(item, Item) and any(item.fields.get(k) not in (None, "") for k in ("target", "baseline", "current"))


@check("no-measure")
def no_measure(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    if analysis.has_measure or _structured_target(ctx.item):
        return []
    if not analysis.content:
        return []
    return [_whole(analysis)]


_UNIT = re.compile(
    r"\s?(?:секунд\w*|минут\w*|час\w*|дн(?:я|ей)|недел\w*|мс|ms|сек|мин|ч|руб\w*|₽|тыс\.?|млн|seconds?|minutes?|"
    r"(?:business\s+|working\s+|рабоч\w+\s+)?(?:hours?|days?|дн(?:я|ей))|weeks?|sec|min|h|s|k|users?|клиент\w*|пользовател\w*)\b",
    re.IGNORECASE,
)


_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:до|to|at|of|under|below|above|over|exceeding|выше|ниже|более|менее|больше|меньше|минимум|максимум|в\s+пределах|"
    r"at\s+least|at\s+most|less\s+than|more\s+than|fewer\s+than|no\s+(?:more|less)\s+than|не\s+(?:ниже|выше|менее|более|больше|меньше|позже|позднее|дольше)"
    r"|на\s+уровн[еи])|[—–:=≤≥<>]|\s-)\s*(?:[$€£₽]\s?)?\+?$",  # «вырос до +30»: eNPS has a sign
    re.IGNORECASE,
)
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:на|by|(?<!\bmake\s)(?<!\bmakes\s)up|down|плюс|plus|ещё|еще)|\bby\s*(?:≥|>=|at\s+least|more\s+than|over)|(?<!\bдо\s)(?<!\bот\s)[+−]|(?:raise|increase|growth|rise|decrease|reduction|cut|drop|uplift|lift|"
    r"рост\w*|прирост\w*|снижени\w*|сокращени\w*|увеличени\w*)\s+(?:of|by|на))\s*(?:[$€£₽]\s?)?$",
    re.IGNORECASE,
)
# Words after which a number is a condition on something new or a pay rule, not a level to reach.
_CONDITION = re.compile(
    r"\b(?:with|without|when|where|if|for|tied|tie|linked|link|depends?|while|that|which|who|whose|at\s+a\s+cost|triggered|once|upon|"
    r"с|со|при|без|за|котор\w+|привяз\w+|завис\w+|чтобы|если)\b",
    re.IGNORECASE,
)
_SCOPE_AFTER = re.compile(r"^\s?(?:раз\w*|times|x\b|х\b)", re.IGNORECASE)


_RU_FLOOR_ONLY = re.compile(r"\s*(?:(?:не\s+менее|не\s+меньше|минимум|более|больше|≥|>=)\s*)?", re.IGNORECASE)
_RU_FLOOR_WORDS = re.compile(r"\s*(?:(?:не\s+менее|не\s+меньше|минимум|как\s+минимум)\s*)?")
_COUNT_FLOOR = re.compile(r"\s*(?:at\s+least|over|more\s+than|не\s+менее|не\s+меньше|минимум|более|больше)\s*", re.IGNORECASE)


_EN_SCOPE_TAIL = re.compile(r"\s+(?:in|on|at|across|for)\s+(?:(?:all|both|every|each|the|our)\s+)?[a-z\s-]+\.?", re.IGNORECASE)
_RU_SCOPE_TAIL = re.compile(r"\s+(?:в|на|по|среди|у|для)\s+[а-яёa-z\s-]+\.?", re.IGNORECASE)
# "break-even within 10 weeks of opening", "add-on (launched in April)": the metric of something new has no start yet.
_EN_AFTER_LAUNCH = re.compile(r"\b(?:of|after|since)\s+(?:the\s+)?(?:opening|launch|launching)\b"
                              r"|\blaunched\s+(?:in|on|last|this)\b", re.IGNORECASE)
_RU_AFTER_LAUNCH = re.compile(r"\b(?:после|с\s+момента)\s+(?:запуска|релиза|старта|выхода|открытия|выпуска|launch\w*|release)",
                              re.IGNORECASE)


def _ru_stock_count(ctx: "Context", analysis: Analysis, q: Any) -> bool:
    """A count that opens a verbless line and is a level of something that already exists: a number of things in a
    state («50+ активных клиентов»), a rate («300 гостей в месяц») or zero («0 инцидентов»), not new things made."""
    if q.text.strip() == "0" or _RATE.search(analysis.text):
        return True  # «0 инцидентов»; «300 постоянных гостей в месяц», «50M GET/s»: a steady rate is a level
    after = [t for t in analysis.doc if t.idx >= q.end and not t.is_space and t.pos_ != "SYM"][:3]
    state = ctx.words("stock")
    return any(t.pos_ == "ADJ" and t.lemma_.lower() in state for t in after)


def _ru_counts_things(ctx: "Context", analysis: Analysis, q: Any) -> bool:
    """Whether a Russian number opening a verbless line counts things made («2 итерации», «12 статей»), read with
    task-key-result's lexicons: not a metric, a unit, people or results won."""
    from .analysis.ru_tasks import counted_thing
    from .engine import get_rule

    task = get_rule("task-key-result")
    if task is None or q.percent or re.search(r"[$€₽]", q.text):
        return False
    token = next((t for t in analysis.doc if t.idx <= q.start < t.idx + len(t.text)), None)
    if token is None or token.i == 0:
        return False
    is_metric = _ru_metric_test(task.word_set("ru", "metric_words"))
    return counted_thing(analysis.doc[token.i - 1], is_metric, task.word_set("ru", "results")) is not None


@check("no-baseline")
def no_baseline(ctx: "Context") -> list[Hit]:
    """A level target for an existing metric with no starting point (LABELS v2).

    Fires on «до 68%», «выйти на NPS 45+», «Конверсия — 8%», "CSAT of 95%",
    "99.95% uptime", "under 10%"; not on a relative change («на 30%», вдвое,
    "by 20%"), a count of new things ("Sign 12 contracts") or a condition on
    something new ("Launch v2 with WAU above 5,000").
    """
    analysis = ctx.analysis
    assert analysis is not None
    if not analysis.has_measure or analysis.has_baseline or (isinstance(ctx.item, Item) and any(
            ctx.item.fields.get(k) not in (None, "") for k in ("baseline", "current"))):
        return []  # no measure: no target level (the loop below looks at measures only)
    text = analysis.text
    pred = analysis.pred
    if analysis.lang == "ru" and _RU_AFTER_LAUNCH.search(text) or analysis.lang == "en" and _EN_AFTER_LAUNCH.search(text):
        return []  # «1 тыс. регистраций в первую неделю после запуска»: the metric of something new has no start yet
    if pred is not None and pred.has(ctx.words("maintain")):
        return []  # «Поддерживать NPS на уровне 50»: a level to keep is about where the metric is; kpi-wording says it
    if _pay_share(analysis):
        return []  # "10% of the bonus pool paid out only if D30 hits target": a share of pay, compensation-link's case
    if _CHANGED_BY_MULTIPLE.search(text):
        return []  # «Доля уроков с оценкой ниже 4 снизилась вдвое»: the change is relative; «ниже 4» scopes the metric
    if _per_person_quota(ctx, analysis):
        return []  # "Each rep logs 30 calls per day": a quota kept, no level of a metric that moves
    if analysis.lang == "ru" and pred is not None and pred.form == "finite" and _one_off_subject(analysis, pred):
        return []  # «Благотворительный концерт в феврале принесёт не менее 800 тыс. ₽»: a one-off event starts at zero
    if analysis.lang == "en" and any(q.percent and _EN_RELATIVE_AFTER.match(text[q.end:]) for q in analysis.quantities):
        return []  # "to 6,000 pageviews per week (33% increase)", "a 50% time saving": the change is given, so is the start
    label_value = _en_metric_label_line(ctx, analysis) if ctx.kind == "key_result" else None
    if label_value is not None:  # "Avg system size sold: 8.5 kW", "Agent eNPS: +20": «Metric: value», the value a level
        unit = _UNIT.match(text[label_value.end:])
        end = label_value.end + (unit.end() if unit else 0)
        return [Hit(label_value.start, end, text[label_value.start:end], {"target": text[label_value.start:end]})]
    level_verb = pred is not None and pred.has(ctx.words("level"))
    pred_end = pred.span_end() if pred is not None else 0
    verbless = pred is None or pred.form == "noun"
    value = _dash_value(analysis, [q for q in analysis.quantities if q.measure]) if verbless else None
    for q in analysis.quantities if value is None else [value]:  # «Стоимость хранения 1 ТБ — 1 800 ₽»: the value
        if not q.measure or q.frequency or _RANK_TEXT.match(q.text) or q.text.lower() in ctx.words("multiplier") \
                or re.fullmatch(r"[XYN]\s?%?", q.text):
            continue  # "once a week": how often a habit recurs has no start value; "X%": the writer's value is to come
        if _SCOPE_AFTER.match(text[q.end:]) or re.search(r"\bраз|\d\s?[xх]$", q.text):
            continue  # «в 2 раза», "3x": a relative change
        before = text[:q.start]
        joined = None
        if analysis.lang == "ru" and (joined := re.search(r"\d[\d\s.,]*?\s?[–—-]\s?$", before)) is not None:
            before = before[:joined.start()]  # «3–5 нод в проде»: the dash joins a range, it is no «Метрика — значение»
        reach_on = pred is not None and pred.has({"выйти", "вывести", "выходить"}) \
            and re.search(r"\bна\s*$", before) is not None \
            and not (pred.has({"выйти", "выходить"}) and _counts_things(analysis, q) and not q.percent
                     and _ru_counts_things(ctx, analysis, q) and not _RATE.search(text[q.end:]))
        # «Выйдем на 20 000» (but «обеспечить рост на 20%»; «выйти на 3 крупных агрохолдинга» counts new clients)
        reach_on = reach_on or pred is not None and pred.has({"стремиться"}) \
            and re.fullmatch(r"\s*к\s+(?:[^\W\d_][\w-]*\s+){1,2}", text[pred_end:q.start]) is not None  # «Стремимся к CSAT 4,7»
        if _RELATIVE_BEFORE.search(before) and not reach_on:
            continue
        if pred is not None and not verbless and q.start >= pred_end and not level_verb and not (q.percent and (
                analysis.lang == "en" or _RU_FLOOR_WORDS.fullmatch(text[pred_end:q.start]))) \
                and (not re.search(r"[^\W\d_]", text[pred_end:q.start])
                     or _COUNT_FLOOR.fullmatch(text[pred_end:q.start]) and _counts_things(analysis, q)
                     and not _time_amount(text, q)):  # "takes more than one business day": a time, not things
            return []  # "Sign 12 contracts", "Write at least 3 guides": a count of new things; later numbers qualify them
        if re.match(r"\s+(?:нов(?:ых|ым|ые)|new)\b", text[q.end:], re.IGNORECASE) \
                or re.search(r"\bвпервые\b|\bfor\s+the\s+first\s+time\b|\bfirst-time\b", text, re.IGNORECASE) and not q.percent:
            continue  # «минимум 300 новых клиентов», "500 new customers": a count of new things starts at zero
        if verbless and analysis.lang == "ru" and _RU_FLOOR_ONLY.fullmatch(before) is not None \
                and _ru_counts_things(ctx, analysis, q):
            continue  # «≥ 2 итерации eval-fix loop»: a count of things done, not a level of a metric
        if analysis.lang == "en" and not level_verb and _new_things(analysis, q, before):
            if _EN_MAKE_OF.search(before):
                return []  # "Build a dataset of ≥50 places, tested across ≥3 cities": later numbers qualify the new things
            continue  # "has delivered at least 10 artefacts", "to 5 new verticals", "of three marketing functions"
        if analysis.lang == "en" and _EN_ONE_OFF.search(text[q.end:]):
            continue  # "zero critical errors during the final demo": a one-off event has no level to start from
        if analysis.lang == "en" and (_EN_RELATIVE_AFTER.match(text[q.end:]) or _en_label_count(analysis, q, before)
                                      or re.search(r"×[^=()]*=\s*$", before)):
            continue  # "40% increase in champions", "Content pipeline: 10 insights", "a × b = 16 combos"
        separator = verbless and (re.search(r"[—–:=]\s*(?:не\s+\w+\s+)?$", before) or analysis.lang == "ru"
                                  and re.search(r"[≥≤<>]\s*$", before))  # «Доля … с первого визита ≥ 92%»
        span_before = _EN_REPORTED.sub(" ", text[pred.head.idx if pred is not None else 0:q.start])
        span_before = _CLOSED_RELATIVE.sub(" ", span_before)  # «долю клиентов, которые дошли до оплаты, до 40%»
        span_before = _EN_THAT_CLAUSE.sub(" ", span_before)  # "Ensure that all APIs respond within 400ms": no condition
        # "Reduce latency for 3 endpoints to <50ms": after a change verb "for" names the scope, "to" the level
        scoped = analysis.lang == "en" and pred is not None and pred.has(ctx.words("direction")) \
            and _EN_CHANGE_TO.search(before) is not None \
            and all(m.group().lower() == "for" for m in _CONDITION.finditer(span_before))
        # «Снизить долю ремонтов с нарушением сроков до 10%»: «с»/«без» inside the metric's noun phrase, «до» the level
        scoped = scoped or analysis.lang == "ru" and pred is not None and pred.has(ctx.words("direction")) \
            and re.search(r"\bдо\s*$", before) is not None \
            and all(m.group().lower() in ("с", "со", "без") and not re.search(r"\d", span_before[m.end():])
                    for m in _CONDITION.finditer(span_before))
        if not separator and _CONDITION.search(span_before) and not scoped:
            continue  # "when FCR is above 80%", «за CSAT выше 4,8»: a condition, not a target
        if re.search(r"\bat\s*$", before, re.IGNORECASE) and not q.percent and not _SCALE_AFTER.match(text[q.end:]):
            continue  # "speak at 10 conferences": a count, not a level
        if _EN_SENT_TO.search(before) and not q.percent:
            continue  # "sent to 3 outside proofreaders", "pitched to 12 buyers": the recipients counted, not a level
        at_start = not _content_before(analysis, q.start)
        stock = verbless and at_start and (_ru_stock_count(ctx, analysis, q) if analysis.lang == "ru" else
                                           _en_value_metric_line(analysis, _kpi_metric_words("en")) is not None)
        level = (_LEVEL_BEFORE.search(before) is not None
                 or _EN_LEVEL_VERB_BEFORE.search(before) is not None and (not _CALENDAR_AFTER.match(text[q.end:])
                                                                         or _handled_within(analysis, before))
                 and not any(p.measure and p.start < q.start for p in analysis.quantities)  # "90% of chats within 2 min"
                 # "…, achieve 65% DAU/MAU", "respond within 400ms" — "within 6 weeks" is a deadline
                 or q.percent and re.search(r"\b(?:have|has)\s+$", before, re.IGNORECASE) is not None  # "have 99.9% uptime"
                 or q.percent and _EN_SHARE_VERB_BEFORE.search(before) is not None  # "make up 22% of the class"
                 or analysis.lang == "en" and q.percent and pred is not None and not verbless and q.start >= pred_end
                 and not text[pred_end:q.start].strip() and re.match(r"\s*of\b", text[q.end:]) is not None
                 and not pred.has(_action_verbs("en"))  # "Answer 95% of emails …": a rate; "Migrate 90% of services": progress
                 or analysis.lang == "ru" and q.percent and pred is not None and not verbless and q.start >= pred_end
                 and _RU_FLOOR_WORDS.fullmatch(text[pred_end:q.start]) is not None
                 and re.match(r"\s+[^\W\d_]", text[q.end:]) is not None and not pred.has(_action_verbs("ru"))
                 # «Выигрывать не менее 70% дел», «Отгружать 98% заказов в день подтверждения»: a rate to reach
                 or re.search(r"\b(?:have|has)\s+an?\s+$", before, re.IGNORECASE) is not None \
                 and _EN_METRIC_AFTER.match(text[q.end:]) is not None  # "have a 9 NPS": a score of a metric
                 or q.percent and re.search(r"\bget(?:s|ting)?\s+$", before, re.IGNORECASE) is not None
                 and re.match(r"\s*of\b", text[q.end:]) is not None  # "get 30% of guests to leave a review": a share
                 or re.search(r"[,;(]\s*(?:target|goal)\s*(?:of|is|=|:)?\s*$", before, re.IGNORECASE) is not None
                 or stock  # «50+ активных платных клиентов», «0 инцидентов»: the level of a metric that exists
                 or verbless and _metric_value_line(analysis, _kpi_metric_words(analysis.lang)) is not None
                 or reach_on
                 or analysis.lang == "en" and _SCALE_AFTER.match(text[q.end:]) is not None  # "4.5 out of 5", "8/10"
                 or (level_verb and q.start >= pred_end)
                 or (at_start and q.percent)
                 or (joined is not None and q.percent))  # «Конверсия 5–8%»: a range of a share is a level
        if not level:
            continue
        upper = re.match(r"\s?[–—-]\s?\d+(?:[.,]\d+)?\s?%?", text[q.end:])  # "1.5–1.7 days": the range is the target
        q_end = q.end + (upper.end() if upper else 0)
        unit = _UNIT.match(text[q_end:])
        end = q_end + (unit.end() if unit else 0)
        marker = re.search(r"(?:\b(?:до|to|at|of|under|below|above|over)\s*)$", before, re.IGNORECASE)
        start = marker.start() if marker else q.start
        return [Hit(start, end, text[start:end], {"target": text[start:end]})]
    return []


_EN_SENT_TO = re.compile(r"\b(?:sent|send|sending|delivered|shipped|pitched|presented|shown|handed|distributed|mailed|"
                         r"emailed|offered)\s+(?:out\s+)?to\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_EN_WORKING_TIME = re.compile(r"^\s*(?:business|working|calendar)\b", re.IGNORECASE)  # "one business day" is a time
_EN_SHARE_VERB_BEFORE = re.compile(r"\b(?:make|makes|made)\s+up\s+$|\b(?:account|accounts)\s+for\s+$|\brepresents?\s+$",
                                   re.IGNORECASE)  # a part's share of a whole


def _time_amount(text: str, q: Any) -> bool:
    """"5 minutes", "one business day": an amount of time is a level of a duration, never a count of things made."""
    return TIME_UNIT_AFTER.match(_EN_WORKING_TIME.sub("", text[q.end:])) is not None


# "have a 9 NPS", "have a 4.7 rating": the number is the score of a metric named right after it.
_EN_METRIC_AFTER = re.compile(r"\s*(?:[-\s]?(?:star|point))?\s*(?:nps|enps|csat|rating|score)\b", re.IGNORECASE)
# "Ensure that …", "Make sure that …": "that" opens the clause the verb asks for, it is no relative condition.
_EN_THAT_CLAUSE = re.compile(r"^\s*(?:ensure|make\s+sure|verify|confirm|check)\s+that\b", re.IGNORECASE)
# A relative clause closed by its comma qualifies the metric's noun; the target comes after it.
_CLOSED_RELATIVE = re.compile(r",\s*(?:котор\w+|кто|which|who)\b[^,;]*,", re.IGNORECASE)
# "… to <50ms", "… to under 2%": the level a change verb moves its metric to.
_EN_CHANGE_TO = re.compile(r"\bto\s*(?:[<≤]\s*|(?:under|below)\s+)?$", re.IGNORECASE)
# "The survey indicates that more than 75% feel …": a reported clause, not a condition on the number.
_EN_REPORTED = re.compile(r"\b(?:indicates?|shows?|says?|confirms?|reports?|finds?|agrees?)\s+that\b", re.IGNORECASE)
_CALENDAR_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:days?|weeks?|months?|quarters?|years?|sprints?)\b", re.IGNORECASE)
_EN_LEVEL_VERB_BEFORE = re.compile(r"\b(?:(?:reach|achieve|hit|attain|exceed|score)(?:e?s)?|respond\s+within|within|take)\s+(?:an?\s+)?$",
                                   re.IGNORECASE)  # "APIs respond within 400ms", "releases take 1 hour"
# A score on a scale: "rate the lesson 4.5 out of 5", "an average rating of 8/10".
_SCALE_AFTER = re.compile(r"\s*(?:out\s+of\s*|/\s*)(?:5|10|100)\b", re.IGNORECASE)


def _handled_within(analysis: Analysis, before: str) -> bool:
    """"Requests answered within 3 business days": things handled within a time is a service level, not a deadline
    (the predicate is a passive with its own subject; "Ship the app within 6 weeks" stays a deadline)."""
    pred = analysis.pred
    return analysis.lang == "en" and pred is not None and pred.form == "passive" and pred.head.i > 0 \
        and re.search(r"\bwithin\s+$", before, re.IGNORECASE) is not None


# "Build a benchmark dataset of", "Create a library of at least": an artefact made of counted things.
_EN_MAKE_OF = re.compile(r"^\s*(?:build|create|compile|assemble|write|publish|produce|curate|collect)\b[^,;:.]*\bof\s*"
                         r"(?:at\s+least\s*|≥\s*|>=\s*)?$", re.IGNORECASE)
_EN_COUNT_BEFORE = re.compile(r"(?:\bat\s+least|\bmore\s+than|\bover|\bof)\s*(?:≥|>=)?\s*$", re.IGNORECASE)
# "… during the final demo run-through", "… at the launch event": the level of a one-off event has no start.
_EN_ONE_OFF = re.compile(r"^[^,;]*\b(?:during|at)\s+the\s+(?:[\w-]+\s+){0,2}(?:demo|launch|event|run-through|offsite|"
                         r"conference|webinar|hackathon)(?![\w-]|\s+[a-z])", re.IGNORECASE)
# "40% increase in …", "5 percent difference": the number is a change, not a level.
_EN_RELATIVE_AFTER = re.compile(r"\s*(?:percent\s+|%\s*)?(?:[A-Za-z][\w-]*\s+)?(?:increase|decrease|reduction|growth|uplift|"
                                r"lift|improvement|difference|drop|rise|saving|savings)\b", re.IGNORECASE)


def _new_things(analysis: Analysis, q: Any, before: str) -> bool:
    """A count of new things wherever it stands: "OCTO has delivered at least 10 artefacts", "Increase access to
    5 new verticals", "the first version of three marketing functions" — not a level of an existing metric."""
    if q.percent or re.search(r"[$€£]", q.text + before[-2:]):
        return False
    after = analysis.text[q.end:].lstrip()
    if re.match(r"(?:new|additional|more|different)\b", after, re.IGNORECASE):
        return True
    return _EN_COUNT_BEFORE.search(before) is not None and _counts_things(analysis, q) and not _time_amount(analysis.text, q) \
        and not re.search(r"\b(?:rating|score|level|rate|csat|nps)\s+of\s*(?:≥|>=)?\s*$", before, re.IGNORECASE)


_RANK_TEXT = re.compile(r"(?:топ|top)[\s-]?\d|[#№]", re.IGNORECASE)


def _content_before(analysis: Analysis, offset: int) -> bool:
    return any(t.is_alpha and t.idx < offset for t in analysis.tokens)


@check("horizon")
def horizon(ctx: "Context") -> list[Hit]:
    if ctx.kind == "period" and isinstance(ctx.item, Period):
        text = ctx.item.text
        return [Hit(t.start, t.end, t.text, {"horizon": t.text}) for t in find_times(text, detect_language(text))
                if t.kind == "long"]
    analysis = ctx.analysis
    if analysis is None:
        return []
    return [Hit(t.start, t.end, t.text, {"horizon": t.text}) for t in analysis.times if t.kind == "long"]


_RATE = re.compile(
    r"(?:в|за)\s+(?:месяц|неделю|день|квартал)|ежемесячно|еженедельно|ежедневно|/\s?(?:мес\w*|нед\w*|день|month|week|day|mo|s|sec|с|сек)\b"
    r"|\bper\s+(?:month|week|day)|\ba\s+(?:month|week|day)\b|\bmonthly\b|\bweekly\b|\bdaily\b",
    re.IGNORECASE,
)


def _kpi_phrasing(ctx: "Context") -> list[Hit]:
    """The word KPI, «поддерживать»/maintain, or a bare metric name / steady quota with no verb."""
    analysis = ctx.analysis
    assert analysis is not None
    kpi_words = ctx.words("kpi_words")
    hits = [] if kpi_words.isdisjoint(_word_keys(analysis)[0]) else \
        [_span_hit([t]) for t in analysis.tokens if t.lower_ in kpi_words]
    if hits:
        return hits[:1]
    pred = analysis.pred
    if pred is not None and pred.form in ("imperative", "modal", "finite") and pred.has(ctx.words("maintain")) \
            and (analysis.has_measure or _LEVEL_WORDS.search(analysis.text) or _en_kept_state(ctx, pred)) \
            and not _ru_keeps_change(ctx, pred) \
            and not (analysis.lang == "en" and (analysis.has_baseline or _en_change_after(ctx, analysis, pred))):
        # "Maintain momentum … while growing X from A to B", "Keep our best people: bring attrition down to 10%"
        return [_span_hit([pred.head], verb=pred.head.text)]  # «Удерживать NPS не ниже 50»; not "Keep customers so happy…"
    stay = ctx.words("stay")
    stays = [t for t in analysis.tokens if verb_lemma(t, analysis.lang) in stay and (n := next_word(t)) is not None
             and n.lower_ in ("above", "below", "under", "over", "within", "at")]
    if stays and analysis.has_measure and not analysis.has_baseline:
        return [_span_hit([stays[0]], verb=stays[0].text)]  # "Ensure uptime stays above 99.9%": a level to keep
    if ctx.kind == "key_result" and _en_metric_label_line(ctx, analysis) is not None:
        return [_whole(analysis, metric=analysis.text)]  # "Avg system size sold: 8.5 kW": «Metric: value», however long
    if pred is not None and (pred.form == "noun" and not pred.has(_action_verbs(analysis.lang, True))
                             or analysis.lang == "en" and not pred.has(_action_verbs("en", True))
                             and pred.form in ("imperative", "participle", "gerund") and not _en_order(ctx, pred)
                             or _en_metric_phrase(analysis)
                             or pred.form == "gerund" and _en_not_our_act(analysis, pred)):
        pred = None  # "Mean time to recovery", "Booked revenue from partner deals": a noun phrase, not an order
    reduced = pred.head.i if pred is not None and _reduced_relative(analysis, pred, ctx.words("metric")) else -1
    if reduced >= 0:
        pred = None  # "% of tickets resolved in first contact", "Total pipeline generated by partners"
    clause_tokens = _ru_outside_brackets(analysis) if analysis.lang == "ru" else _en_outside_relative(analysis, ctx.words("metric"))
    qualifiers = _en_bounded_qualifiers(analysis)  # "Ebook errors reported to the help desk — under 40 a month"
    if pred is not None and pred.head.i in qualifiers:
        pred = None
    if reduced >= 0 or qualifiers:
        clause_tokens = [t for t in (analysis.doc if clause_tokens is None else clause_tokens)
                         if t.i != reduced and t.i not in qualifiers]
    if pred is not None or _has_clause_verb(analysis, clause_tokens) or _misspelled_core_verb(analysis):
        return []  # "Imrpove conversion rate": an order with a typo in its verb, not a metric name
    head = analysis.pred.head if analysis.pred is not None else None
    after_head = next_word(head) if head is not None else None
    imperative = analysis.pred is not None and analysis.pred.form != "noun" and after_head is not None \
        and after_head.lower_ in _EN_OBJECT_START  # "Land a job with a salary of at least $120k": an order
    line = None if imperative else _metric_value_line(analysis, ctx.words("metric")) or _en_value_metric_line(analysis, ctx.words("metric"))
    if line is not None:
        return [line]
    if analysis.lang == "ru" and not analysis.has_baseline and _RU_CEILING_LINE.match(analysis.text):
        return [_whole(analysis, metric=analysis.text)]  # «< 5 критических багов», «0 инцидентов»: a ceiling to stay under
    content = analysis.content
    if not content:
        return []
    metric_words = ctx.words("metric")
    # _reduced_relative checked that a metric phrase comes first: "Revenue | generated by partner deals"
    target = analysis.lang == "en" and _metric_target(_head_phrase(content), metric_words)  # "Snapshot revenue target"
    if reduced >= 0 or target:
        names_metric = True
    elif ctx.kind == "key_result":  # a verbless key result whose first phrase names a metric: "Inventory turnover"
        names_metric = _phrase_names_metric(_head_phrase(content), metric_words, analysis.lang, ctx.words("requirement")) \
            or _en_counted_people(_head_phrase(content), analysis)
    else:
        head = [t for t in content[:3] if t.pos_ not in ("ADJ", "DET")][:1]
        verb_use = bool(head) and (n := next_word(head[0])) is not None and n.lower_ in ("less", "more", "fewer")
        names_metric = bool(head) and not verb_use and (head[0].lemma_.lower() in metric_words or head[0].lower_ in metric_words) \
            or _en_metric_phrase(analysis)  # "Net new ARR"
    if not names_metric or analysis.lang == "en" and reduced < 0 and not target and _en_artefact_head(analysis):
        return []  # "Weekly check-in micro-survey at the end of each week": a thing to make, named with "weekly"
    if not analysis.has_measure or _en_only_normalisers(analysis):
        return [_whole(analysis, metric=analysis.text)]  # a bare metric name; "Tickets per 1,000 accounts" too
    if _RATE.search(analysis.text) and not analysis.has_time("bound") and not analysis.has_baseline:
        return [_whole(analysis, metric=analysis.text)]  # a steady quota
    return []


def _en_counted_people(phrase: list[Token], analysis: Analysis) -> bool:
    """"Book club members", "Paying tenants": an English phrase that ends in the plural of the shared ``actors`` names a
    count of people — a metric, when the line has no verb."""
    if analysis.lang != "en" or not phrase or not phrase[-1].lower_.endswith("s"):
        return False
    return phrase[-1].lemma_.lower() in _shared_words("actors", "en") or phrase[-1].lower_[:-1] in _shared_words("actors", "en")


_EN_TARGET_WORDS = {"target", "targets", "goal", "goals", "quota", "quotas", "forecast", "plan"}


def _metric_target(phrase: list[Token], metric: frozenset[str] | set[str]) -> bool:
    """"Snapshot revenue target", "Q3 bookings quota": an English phrase ending in a target word after a metric name
    names the metric's level, not a thing to make."""
    if len(phrase) < 2 or phrase[-1].lower_ not in _EN_TARGET_WORDS:
        return False
    return any(t.lemma_.lower() in metric or t.lower_ in metric or t.lower_.rstrip("s") in metric for t in phrase[:-1])


def _en_change_after(ctx: "Context", analysis: Analysis, pred: Predicate) -> bool:
    """"Keep our best people: bring regretted attrition down to 10%": a change after the keeping verb (a verb of the
    shared ``change`` lexicon, or "down/up to") — the line moves a metric, it keeps no level."""
    change = ctx.words("change")
    return re.search(r"\b(?:down|up)\s+to\b", analysis.text, re.IGNORECASE) is not None \
        or any(t.i > pred.head.i and verb_lemma(t, "en") in change for t in analysis.tokens)


def _misspelled_core_verb(analysis: Analysis) -> bool:
    from .engine import get_rule

    vague = get_rule("vague-verb")
    return vague is not None and _misspelled_verb(analysis, vague.word_set(analysis.lang, "main")) is not None


def _en_kept_state(ctx: "Context", pred: Predicate) -> bool:
    """"Maintain a strong working relationship with X": a key result whose whole goal is to keep a state as it is
    (maintain/sustain, not the many idioms of "keep") says where nothing moves, number or not."""
    return ctx.kind == "key_result" and ctx.analysis is not None and ctx.analysis.lang == "en" \
        and pred.has({"maintain", "sustain"}) and pred.head.i == _content(pred.head.doc)[0].i \
        and (nxt := next_word(pred.head)) is not None and nxt.lower_ not in ("and", "or", ",")


def _en_artefact_head(analysis: Analysis) -> bool:
    """The head of the first English noun phrase is one artefact the team makes ("Weekly check-in micro-survey")."""
    from .engine import get_rule

    rule = get_rule("task-key-result")
    first = re.match(r"\s*([^\W\d_][\w\s-]*?)(?=\s+(?:at|of|for|on|in|with|by|from|to)\b|\s*[,(:;—–]|\s*$)", analysis.text)
    if rule is None or first is None:
        return False
    head = re.split(r"[\s-]+", first.group(1).strip().lower())[-1]
    artefacts = rule.word_set("en", "artefact")
    return head in artefacts  # singular: "Monthly organic sessions" counts traffic, "a weekly survey" is one thing made


def _reduced_relative(analysis: Analysis, pred: Predicate, metric: frozenset[str] | set[str]) -> bool:
    """A participle right after a metric noun phrase qualifies the metric ("% of tickets resolved …"); with no form
    of "be" before it, it states no act (English)."""
    if analysis.lang != "en" or pred.form != "passive":
        return False
    prev = prev_word(pred.head)
    if prev is None or prev.lower_ in ("is", "are", "was", "were", "be", "been", "get", "gets"):
        return False
    content = _content(analysis.doc)
    start = [t for t in content if t.i < pred.head.i]
    lead = analysis.text[:content[0].idx].strip() if content else ""
    phrase = [t for t in _head_phrase(start) if t.i < pred.head.i]
    rate = re.search(r"\bper\b", analysis.text[pred.head.idx:]) is not None  # "Tickets resolved per agent per day"
    return bool(start) and (lead.endswith("%") or rate or _phrase_names_metric(phrase, metric, "en")
                            or start[0].lower_ in ("total", "percentage", "share", "number", "count"))


# "— under 40 a month", ": fewer than 15 per release": a separator, a bound and the value close a metric line.
_EN_BOUNDED_VALUE = re.compile(r"(?:\s[—–-]|:)\s*(?:under|below|(?:no\s+)?(?:fewer|less|more)\s+than|at\s+(?:most|least)|"
                               r"at\s+or\s+(?:below|above|under)|[<≤>≥])\s*[$€£]?\d", re.IGNORECASE)


def _en_bounded_qualifiers(analysis: Analysis) -> set[int]:
    """Past participles right after a noun in the name of an English «Metric — bound value» line ("Loan laptops lost
    …", "Upgrade-related issues opened: under 15"): they say which things are counted, they state no act."""
    bounded = _EN_BOUNDED_VALUE.search(analysis.text) if analysis.lang == "en" else None
    if bounded is None:
        return set()
    found: set[int] = set()
    for t in analysis.doc:
        if t.idx >= bounded.start():
            break
        before = prev_word(t)
        if before is not None and before.pos_ in ("NOUN", "PROPN") and not before.lower_.endswith("ing") \
                and t.lower_.endswith(("ed", "en", "st", "wn", "nt")) and is_participle(t.lower_):
            found.add(t.i)
    return found


_EN_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)


def _en_outside_relative(analysis: Analysis, metric: frozenset[str] | set[str]) -> list[Token] | None:
    """English: "Share of leavers who cite 'no growth path'" — a metric's head phrase, then a relative clause that says
    who is counted; its verbs are no verbs of the line. The words before the clause, or None (every word)."""
    relative = _EN_RELATIVE_WORD.search(analysis.text)
    content = _content(analysis.doc)
    if analysis.lang != "en" or relative is None or not content \
            or not _phrase_names_metric(_head_phrase(content), metric, "en"):
        return None
    return [t for t in analysis.tokens if t.idx < relative.start()]


# "Ticket volume per 1,000 active accounts": a number after "per" scales the metric; it is no target.
_EN_NORMALISER_BEFORE = re.compile(r"\b(?:per|for\s+every)\s*$", re.IGNORECASE)


def _en_only_normalisers(analysis: Analysis) -> bool:
    """Every number of an English metric name scales it ("Ticket volume per 1,000 accounts"): no target is set."""
    measures = [q for q in analysis.quantities if q.measure]
    return analysis.lang == "en" and bool(measures) and not analysis.has_baseline \
        and all(_EN_NORMALISER_BEFORE.search(analysis.text[:q.start]) for q in measures)


# A verbless Russian line that opens with a ceiling or zero on a count: «Менее 5 критических багов в месяц»,
# «< 100 флашей на 1M ops», «0 инцидентов с потерей данных» — a level to stay under, with no change.
_RU_CEILING_LINE = re.compile(r"\s*(?:(?:<|≤|<=|менее|меньше|не\s+(?:более|больше))\s*\d|0\s+[а-яё])", re.IGNORECASE)


def _ru_outside_brackets(analysis: Analysis) -> list[Token] | None:
    """Russian: the words outside brackets («AI usage rate > 60% (процент чатов, где использован AI)» — the gloss is
    no verb of the line); None elsewhere (every word)."""
    if analysis.lang != "ru":
        return None
    from .analysis.ru_tasks import outside_brackets

    return outside_brackets(analysis.doc)


def _ru_result_act(token: Token) -> bool:
    """A noun of a result won from others («продажа», «регистрация», «заявка»): named in the singular
    it is the act, a capability to build; in the plural it is the count of results, a metric."""
    from .engine import get_rule

    task = get_rule("task-key-result")
    results = task.word_set("ru", "results") if task is not None else frozenset()
    return token.lemma_.lower() in results


def _ru_change_object(ctx: "Context", pred: Predicate) -> bool:
    """«Поддержать рост до 8000 магазинов», «Обеспечить прирост выручки на 20%»: the verb's object is a change, so the
    number after it is the change's target."""
    if ctx.analysis is None or ctx.analysis.lang != "ru" or pred.form not in ("imperative", "modal", "finite"):
        return False
    from .analysis.ru_tasks import direct_object, names_change

    obj = direct_object(pred.head)
    if obj is None or obj.pos_ != "NOUN" or not names_change(obj, ctx.words("direction")):
        return False
    text = ctx.analysis.text
    return any(q.measure and q.start > obj.idx and re.search(r"\b(?:до|на)\s*$", text[:q.start])
               for q in ctx.analysis.quantities)  # «рост до 8000», «рост на 20%»; not «рост команды из 5 человек»


def _ru_keeps_change(ctx: "Context", pred: Predicate) -> bool:
    """«Поддержать рост до 8000 магазинов»: the object of «поддержать» is a change, so nothing is kept at a level."""
    if ctx.analysis is None or ctx.analysis.lang != "ru":
        return False
    from .analysis.ru_tasks import direct_object, names_change

    obj = direct_object(pred.head)
    return obj is not None and obj.pos_ == "NOUN" and names_change(obj, ctx.words("change"))


def _en_order(ctx: "Context", pred: Predicate) -> bool:
    """"Measure the number of searches", "Have at least one press asset": a line-initial verb that is no metric word
    and is followed by its object is an order, not the first word of a metric name ("Mean time to recovery")."""
    if pred.form != "imperative" or pred.head.i != _content(pred.head.doc)[0].i:
        return False
    if pred.head.lower_ in ctx.words("metric") or pred.lemma in ctx.words("metric"):
        return False
    from .analysis.english import word_options

    options = word_options(pred.head.lower_)
    doc = pred.head.doc
    nxt = doc[pred.end] if pred.end < len(doc) else None
    if "VERB" not in options or nxt is None:
        return False
    if "ADJ" in options and (nxt.lower_ in ctx.words("metric") or nxt.lemma_.lower() in ctx.words("metric")):
        return False  # "Wholesale revenue", "Net losses": an adjective before a metric word names the metric
    if nxt.lower_ == "at" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ in ("least", "most"):
        return True  # "Make at least one improvement"
    if nxt.lower_ in _EN_PREPOSITIONS:
        return False
    return nxt.lower_ in _EN_OBJECT_START or nxt.like_num or "NOUN" not in options


_PHRASE_BREAK = {"ADP", "CCONJ", "SCONJ", "PUNCT", "SYM"}


def _head_phrase(content: list[Token]) -> list[Token]:
    """The words before the first preposition, conjunction or mark: «Количество заявок» of «Количество заявок в месяц»,
    not «стоимость» in «Лимиты на длину диалога / стоимость запросов» (a list of deliverables)."""
    phrase: list[Token] = []
    if not content:
        return phrase
    for t in doc_tokens(content[0].doc)[content[0].i:]:
        if t.is_space or t.text in ("-", "‐", "/"):
            continue  # «Веб-виджет», "Per-user"
        glued = not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "‐")  # "On-time"
        if not glued and t.pos_ in _PHRASE_BREAK or not (t.is_alpha or t.like_num or "-" in t.text):
            break
        phrase.append(t)
    return phrase


_EN_METRIC_MODIFIERS = {"monthly", "weekly", "daily", "average", "mean", "median", "number", "count", "share", "percentage"}


def _phrase_names_metric(phrase: list[Token], metric: frozenset[str] | set[str], lang: str,
                         requirement: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a verbless head phrase names a metric. Russian heads come first («Время ответа»); an English compound
    ends in its head ("Inventory turnover"), may open with a modifier ("Monthly active users") or go on with
    "per" ("Tickets per agent"), so "Rate limiting" (a feature) is no metric."""
    def named(t: Token) -> bool:
        return t.lemma_.lower() in metric or t.lower_ in metric
    if not phrase:
        return False
    if lang != "en":
        from .analysis.ru_tasks import ordinal, property_noun

        if ordinal(phrase[0]):
            return False  # «Первый платящий пользователь»: a milestone, not a metric
        if phrase[0].pos_ == "NOUN" and "Sing" in phrase[0].morph.get("Number") and _ru_result_act(phrase[0]):
            return False  # «Продажа TC через UMC»: one act of selling is a capability; «Продажи» are counted
        first = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)  # «Текучесть персонала», «Качество обслуживания»
        return any(named(t) for t in phrase) or first is not None and (
            property_noun(first) and first.lemma_.lower().replace("ё", "е") not in requirement  # «GC-snapshot совместимость»
            or first.lemma_ == "качество")
    last = phrase[-1]
    after = last.nbor() if last.i + 1 < len(last.doc) else None
    first = phrase[0]
    acronym = named(first) and any(c.isupper() for c in first.text[1:])  # "CTR of email campaigns", «eNPS сотрудников»
    recurring_event = first.lower_ in _EN_FREQUENCIES and len(phrase) > 1 and _is_artefact_en(last)
    return named(last) or acronym or first.lower_ in _EN_METRIC_MODIFIERS and not recurring_event \
        or after is not None and after.lower_ == "per" and any(named(t) or t.tag_ == "NNS" or t.lower_.endswith("s") for t in phrase)


_EN_FREQUENCIES = {"weekly", "monthly", "daily", "quarterly", "biweekly", "bi-weekly", "yearly"}


def _is_artefact_en(t: Token) -> bool:
    """"Monthly newsletter", "Daily standup notes": the head is an event or artefact (task-key-result's lexicon)."""
    from .engine import get_rule

    rule = get_rule("task-key-result")
    artefacts = rule.word_set("en", "artefact") if rule is not None else frozenset()
    if t.lemma_.lower() in _en_metric_nouns():
        return False  # "Monthly organic sessions": a session counted on a site is a metric
    return t.lemma_.lower() in artefacts or t.lower_.rstrip("s") in artefacts


@lru_cache(maxsize=None)
def _en_metric_nouns() -> frozenset[str]:
    from .engine import shared_lexicon

    shared = shared_lexicon()
    return frozenset(w.lower() for g in ("higher_is_better", "lower_is_better", "measurable") for w in shared.get(g, {}).get("en", []))


_LEVEL_WORDS = re.compile(r"на\s+уровне|не\s+(?:ниже|выше|менее|более)|\b(?:at|above|below|under|over)\b|≥|≤|[<>]", re.I)
_SEPARATOR = re.compile(r"(?:\s*(?:[—–:=≤≥<>]|\s-\s)\s*(?:не\s+(?:ниже|выше|менее|более|больше|меньше|позже|позднее|дольше)\s+|"
                        r"в\s+пределах\s+|(?:no\s+)?(?:more|less|fewer)\s+than\s+|at\s+or\s+(?:below|above|under|over)\s+|"
                        r"(?:at\s+(?:least|most)|under|below|"
                        r"above|over|до|от|около|менее|более|минимум|максимум)\s+)?"
                        r"|\s+не\s+(?:ниже|выше|менее|более|больше|меньше|позже|позднее|дольше)\s+|\s+(?:at\s+least|at\s+most|no\s+(?:more|less)\s+than)\s+)"
                        r"\+?$", re.IGNORECASE)  # «eNPS — от +30»


# The first noun phrase of a line, before what it is measured on: "No-show rate | for booked appointments".
_EN_METRIC_LEAD = re.compile(r"\s*((?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*)\s+(?:for|of|on|in|at|per|from|due\s+to)\b",
                             re.IGNORECASE)
# The dash or colon before a line's value, with the metric's own numbers before it («… в течение 60 дней, — 20%»).
_VALUE_DASH = re.compile(r"(?:\s[—–]|:)\s*(?:не\s+(?:ниже|выше|менее|более)\s+|от\s+|до\s+)?$", re.IGNORECASE)

# A statistic opening the line names a metric however long its phrase is.
_EN_STATISTICS = frozenset({"average", "avg", "median", "mean", "p90", "p95", "p99", "total", "number", "share", "percentage"})
_EN_WORD_COMPARATOR = re.compile(r"([^\W\d_]+)\s+(?:of|at|under|below|above|over|less\s+than|more\s+than|fewer\s+than|"
                                 r"at\s+or\s+(?:below|above|under|over))\s+(?:[$€£]\s?)?$", re.IGNORECASE)


def _kpi_metric_words(lang: str) -> frozenset[str]:
    from .engine import get_rule

    kpi = get_rule("kpi-wording")
    return kpi.word_set(lang, "metric") if kpi is not None else frozenset()


def _dash_value(analysis: Analysis, measures: list[Any]) -> Any:
    """«Доля подростков, пришедших в течение 60 дней, — 20%», «Стоимость хранения 1 ТБ в месяц — 1 800 ₽»: in a
    Russian metric line the value is the number after the dash; the numbers before it belong to the metric's name."""
    if analysis.lang != "ru" or len(measures) < 2:
        return None
    before_last = analysis.text[:measures[-1].start]
    if _VALUE_DASH.search(before_last) and before_last.count("(") == before_last.count(")") \
            and not _SEPARATOR.search(analysis.text[:measures[0].start]):
        return measures[-1]
    return None


def _pay_share(analysis: Analysis) -> bool:
    """A percent of a bonus or a salary: the share of pay a policy sets, not a level of a metric."""
    pay = _pay_words(analysis.lang)
    for q in analysis.quantities:
        if not q.percent:
            continue
        after = [t for t in analysis.tokens if t.idx >= q.end and t.is_alpha][:5]  # «20% годовой премии», "10% of the bonus pool"
        if any(t.lower_ in pay or t.lemma_.lower() in pay for t in after):
            return True
    return False


# A change by a multiple after its verb: «снизилась вдвое», «сократить в 2 раза», "cut by half", "halve".
_RU_MULTIPLE = r"(?:вдвое|втрое|вчетверо|в\s+(?:\d+(?:[.,]\d+)?|два|три|полтора)\s+раза?)"  # «вдвое», «в 1,5 раза»
_CHANGED_BY_MULTIPLE = re.compile(r"\b(?:снизи\w*|сократи\w*|уменьши\w*|повыси\w*|увеличи\w*|вырас\w*|нарасти\w*)\s+"
                                  rf"(?:[^\W\d_]+\s+){{0,4}}?{_RU_MULTIPLE}\b"
                                  r"|\b(?:cut|reduce|lower|grow|increase|raise)\w*\s+(?:[^\W\d_]+\s+){0,5}?by\s+(?:half|a\s+third|two\s+thirds)\b"
                                  r"|\b(?:halve|double|triple)[sd]?\b", re.IGNORECASE)
_RELATIVE_VALUE = re.compile(rf"[—–:=]\s*(?:{_RU_MULTIPLE}"
                             r"\s+(?:меньше|больше|ниже|выше|короче|дольше|быстрее)|(?:half|twice|double)\s+(?:as|the)\b)",
                             re.IGNORECASE)


def _metric_value_line(analysis: Analysis, metric: frozenset[str] | set[str] = frozenset()) -> Hit | None:
    """«Конверсия в оплату — 8%», «NPS — не ниже 50», «Время ответа ≤ 2 ч», "Churn: 3%": a metric and a level, no change."""
    if analysis.has_baseline or _RELATIVE_VALUE.search(analysis.text):
        return None  # «Жалоб — вдвое меньше, чем в IV квартале»: the value is a change, not a level
    measures = [q for q in analysis.quantities if q.measure]
    if not measures:
        return None
    first = _dash_value(analysis, measures) or measures[0]
    head = analysis.text[:first.start]
    if not re.search(r"[^\W\d_]{2,}", head):
        return None
    if analysis.lang == "ru":
        from .analysis.ru_tasks import predicate_adjective

        if any(predicate_adjective(t) for t in analysis.doc if t.idx < first.start):
            return None  # «Генерация дешевле ручного ответа (< $0.001)»: a comparison of two things, not «Метрика — значение»
    tail = analysis.text[first.end:]
    if analysis.lang == "ru" and first.text[-1:].isalpha():
        tail = re.sub(r"^\w+", "", tail)  # «350 руб|лей»: the quantity ends inside its unit
    unit = _UNIT.match(tail)
    tail = tail[unit.end():] if unit else tail
    words = head.split()
    opening = words[0].lower() if words else ""
    named = bool(words) and (opening in metric or analysis.lang == "en" and words[-1].lower() in metric
                             or analysis.lang == "ru" and opening.split("-")[-1] in metric)  # «Медиа-охват 100 000+»
    if analysis.lang == "ru" and not named and len(words) == 1 and _ru_result_act(analysis.doc[0]):
        named = True  # «оценка 4,7 в отзывах»: a result noun right before its value names the metric
    if analysis.lang == "ru" and named and _RU_SCOPE_TAIL.fullmatch(tail):
        tail = ""  # «… 4,7 в отзывах»: where it is measured, not more of the line
    # «Аптайм 99,9%», "NPS 50", «Выручка 10 млн ₽»; in Russian a named metric may be longer: «Рейтинг в App Store 4,8»
    if analysis.lang == "en" and named and _EN_SCOPE_TAIL.fullmatch(tail.lstrip("+")):
        tail = ""  # "App store rating 4.6+ in both stores": where it is measured, not more of the line
    bare = (len(words) <= 3 or analysis.lang == "ru" and named and len(words) <= 6) and not tail.strip(" .%₽$€+")
    worded = _EN_WORD_COMPARATOR.search(head) if analysis.lang == "en" else None
    # "No-show rate for booked appointments below 10%": the metric's own noun phrase, then what it is measured on
    lead = _EN_METRIC_LEAD.match(head) if worded is not None else None
    lead_metric = lead is not None and lead.group(1).split()[-1].lower().rstrip("s") in metric
    if worded is not None and re.search(r"\b(?:for|in|on|with|to|from|by|ready|live)\b", head[:worded.start()], re.IGNORECASE) \
            and opening not in _EN_STATISTICS:
        worded = None  # "Checkout ready for Black Friday traffic at 3x": the metric phrase must be the whole head
    metric_before = lead_metric or worded is not None and (
        worded.group(1).lower() in metric or worded.group(1).lower().rstrip("s") in metric
        or opening in _EN_STATISTICS)  # "Median time to first review … below 48h"
    if not (_SEPARATOR.search(head) or bare and (first.percent or named) or metric_before):
        return None  # "Average handle time under 6 minutes": a metric word, then a worded comparator
    if re.search(r"(?<!\bот\s)(?<!\bдо\s)[+−]\s*$|\b(?:рост|прирост|снижение|up|down|growth)\b", head, re.IGNORECASE) \
            or re.search(r"\bраза?\s+(?:меньше|больше|ниже|выше|короче|быстрее|дешевле)\b", analysis.text, re.IGNORECASE):
        return None  # «Выручка +20%», "NPS up 10", «— в два раза меньше, чем в 4 кв.»: a change
    if analysis.lang == "en" and not named and _en_not_metric_value(analysis, first, head):
        return None
    return _whole(analysis, metric=analysis.text)


# What may stand before the value that opens a metric line: nothing, or a bound ("<1 hour MTTR", "under 2 days …").
_EN_LEADING_COMPARATOR = re.compile(r"\s*(?:[<>≤≥~]=?|(?:under|below|over|above|at\s+(?:least|most)|(?:no\s+)?(?:more|less|fewer)\s+than)\s)?"
                                    r"\s*$", re.IGNORECASE)
_EN_NEW_THINGS = {"new", "additional", "more", "extra", "different"}


def _en_value_metric_line(analysis: Analysis, metric: frozenset[str] | set[str]) -> Hit | None:
    """"99.95% availability", "<1 hour MTTR for incidents", "80% investor satisfaction": a verbless English line that
    opens with a value and then names the metric — «Metric — value» written value first, with no change."""
    if analysis.lang != "en" or analysis.has_baseline or analysis.has_time("bound"):
        return None  # "10,000 customers by the end of Q4": a count to reach by a date is a target, not a level kept
    measures = [q for q in analysis.quantities if q.measure]
    if not measures or not _EN_LEADING_COMPARATOR.fullmatch(analysis.text[:measures[0].start]):
        return None
    first = measures[0]
    unit = TIME_UNIT_AFTER.match(analysis.text[first.end:])
    end = first.end + (unit.end() if unit else 0)
    phrase: list[Token] = []
    for t in analysis.doc:
        if t.idx < end or t.is_space:
            continue
        hyphen = not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "‐")  # "on-time"
        if hyphen or t.text in ("-", "‐") and phrase or phrase and phrase[-1].text in ("-", "‐"):  # "check-in rate"
            phrase.append(t)
            continue
        if not t.is_alpha or t.pos_ in _PHRASE_BREAK:
            break
        phrase.append(t)
    words = [t for t in phrase if t.is_alpha]
    if not words or any(t.lower_ in _EN_NEW_THINGS for t in words):
        return None  # "50 new qualified leads": a count of new things
    head = words[-1]
    named = metric | _en_metric_nouns()
    # A plain count ("40 qualified leads") is no level: a share, a time or a bound is, and so is the size of a stock —
    # things in a state ("250 active clubs") or a metric written as an acronym ("120k WAU").
    stock = (words[0].lower_ in _EN_IN_USE or len(words) == 1 and head.text.isupper() and head.lower_ in named) \
        and not re.search(r"[,;]", analysis.text[head.idx:])  # not "300 active authors, where active means …"
    if not (first.percent or unit or analysis.text[:first.start].strip() or stock):
        return None
    if stock or head.lower_ in named or head.lemma_.lower() in named or head.lower_.rstrip("s") in named:
        return _whole(analysis, metric=analysis.text)
    return None


# "Avg system size sold: 8.5 kW", "Returns processed per labour hour: 38": a label naming a metric, a separator, and
# nothing after it but one value — its bound, its unit or scale, where it is measured.
_EN_LABEL_SPLIT = re.compile(r"\s*(?::|\s[—–-]\s|=)\s*")
_EN_VALUE_BOUND = re.compile(r"(?:(?<!\w)(?:at\s+(?:least|most)|at|no\s+(?:more|less|fewer)\s+than|(?:less|more|fewer)\s+than|under|"
                             r"below|above|over|up\s+to|[<>≤≥~≈]=?)\s*)?(?:[$€£]\s?)?$", re.IGNORECASE)
_EN_VALUE_AFTER = re.compile(r"\s*(?:%|[kKmM]\b|(?:business\s+|working\s+|calendar\s+)?(?:hours?|hrs?|days?|weeks?|minutes?|mins?|"
                             r"seconds?|secs?|ms|h|d|kw|kwh|x|points?|pts|stars?)\b)?"
                             r"(?:\s*(?:/\s*|out\s+of\s+)(?:5|10|100)\b)?(?:\s+or\s+(?:more|higher|better|above|less|lower|fewer|below))?"
                             r"(?P<whole>\s+of\s+(?:the\s+)?(?:total\s+)?(?:[a-z-]+\s*){1,3})?"  # "45% of total room revenue"
                             r"(?:\s+(?:annuali[sz]ed|on\s+average))?(?:\s+(?:in|on|at|across)\s+(?:(?:all|both|every|each|the|our)\s+)?(?:[a-z-]+\s*){1,5})?"
                             r"\s*\.?(?:\s*\[[^\]]*\]|\s*\([^)]*\))?\s*$",  # "… 30% [Wen]", "… (Max)": an owner or a gloss
                             re.IGNORECASE)
_EN_LABEL_SENTENCE = re.compile(r"\b(?:is|are|was|were|be|been|will|would|should|must|can|could|has|have|had|do|does)\b",
                                re.IGNORECASE)
_EN_WITHIN_TIME = re.compile(r"\bwithin\s+(?:\d[\d.,]*|one|two|three|a|an)\s*(?:business\s+|working\s+|calendar\s+)?"
                             r"(?:hours?|hrs?|h|days?|weeks?|minutes?|mins?|seconds?)\b", re.IGNORECASE)
_EN_SIGNED_SCORES = {"nps", "enps"}  # scales that run below zero: "Agent eNPS: +20" is a level, not a change


def _en_metric_label_line(ctx: "Context", analysis: Analysis) -> Any:
    """"Avg system size sold: 8.5 kW", "Premium wax add-on attach rate 25%": an English key result that is a label naming
    a metric, then one value — «Metric: value» however long the label. Words inside the label ("sold", "attach",
    "created") describe the metric; they are no verbs of the line. Returns the value's quantity.

    Without a separator the value must follow the metric's name ("… attach rate 25%") or a bound after the metric and
    its scope ("Regretted attrition in engineering below 8%"), and the label may hold no clause of its own."""
    if analysis.lang != "en" or analysis.has_baseline or analysis.has_time("bound"):
        return None  # "99.9% checkout uptime by the end of Q3": a level to reach by a date is a target
    text = analysis.text
    split = _EN_LABEL_SPLIT.search(text)
    if split is not None and split.start() > 0:
        rest = split.end()
        values = [q for q in analysis.quantities if q.start >= rest]
        label = text[:split.start()]
    else:
        rest = None
        values = list(analysis.quantities)
    if len(values) != 1 or not values[0].measure or values[0].frequency:
        return None
    q = values[0]
    before = text[:q.start] if rest is None else text[rest:q.start]
    signed = before.rstrip().endswith("+")
    if signed:
        before = before.rstrip()[:-1]
    bound = _EN_VALUE_BOUND.search(before)
    after = _EN_VALUE_AFTER.match(text, q.end)
    if bound is None or after is None or rest is not None and bound.start() > 0 or after.group("whole") and not q.percent:
        return None  # "… at 40 of our top accounts": a count in a scope
    if rest is None:
        label = before[:bound.start()]
    words = re.findall(r"[^\W\d_][\w'-]*", label.lower())
    if not words or _EN_LABEL_SENTENCE.search(label) or "→" in label:
        return None
    if signed and (q.percent or _EN_SIGNED_SCORES.isdisjoint(words)):
        return None  # "Revenue: +20%": a change
    from .analysis.english import word_options

    change = _rule_words("kpi-wording", "change")
    metric = _en_metric_nouns() | _kpi_metric_words("en")
    reaching = change | _rule_words("missing-baseline", "level") | _rule_words("metric-in-objective", "direction")
    lead = _en_lead_end(analysis)  # "Hopefully get reply rate … above 6%": the order after the hedge
    opening = next(t for t in analysis.doc if t.idx >= lead and not t.is_space)
    if lead:
        words = re.findall(r"[^\W\d_][\w'-]*", label[lead:].lower()) or words
    first = words[0]
    options = word_options(first)
    lemma = verb_lemma(opening, "en")
    pred = analysis.pred
    order = lemma == first and pred is not None and pred.head.i == opening.i and (
        first in change or lemma in _action_verbs("en", True) or "NOUN" not in options and "ADJ" not in options)
    if order and first not in _EN_STATISTICS and (first not in metric or first in reaching):
        return None  # "Reduce churn: 3%", "Hire 3 engineers: 2 backend": an order; "Yield on …", "Regretted attrition" name a metric
    if rest is not None:
        named = first in _EN_STATISTICS or first == "avg" or any(w in metric or w.rstrip("s") in metric for w in words) \
            or any(" " in m and m in label.lower() for m in metric) \
            or q.percent and _EN_WITHIN_TIME.search(label) is not None \
            or q.percent and _EN_PEOPLE_WHO.match(label) is not None \
            and words[0].rstrip("s") in _EN_PEOPLE | _rule_words("task-key-result", "actors")
        # "MSAs signed within 10 days — 80%": a service level; "Readers who say they trust us: 60%+": a share of people
        return q if named else None  # "Partner newsletter: 8 playbooks": a label and a count of new things
    tokens = [t for t in analysis.doc if t.idx + len(t.text) <= len(label.rstrip()) and not t.is_space]
    if _CONDITION.search(label) or any(_clause_word(t, len(label.rstrip())) for t in tokens):
        return None  # "Partner portal launched with NPS 70": a condition on something new
    last = words[-1]
    named = last in metric or last.rstrip("s") in metric or bound.group().strip() != "" \
        and _phrase_names_metric(_head_phrase(_content(analysis.doc)), metric, "en")
    return q if named else None


_EN_PEOPLE_WHO = re.compile(r"\s*(?:[^\W\d_][\w'-]*\s+){0,2}?(?:who|that)\b", re.IGNORECASE)


def _rule_words(rule_id: str, group: str) -> frozenset[str]:
    """An English word group of another rule (the checks of one rule read the lexicons of others)."""
    from .engine import get_rule

    rule = get_rule(rule_id)
    return rule.word_set("en", group) if rule is not None else frozenset()


def _clause_word(t: Token, label_end: int) -> bool:
    """A verb form inside a verbless label that is no modifier of the noun after it ("attach rate", "regretted
    attrition" are names; "portal launched with" is a clause)."""
    if t.pos_ not in ("VERB", "AUX") or not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "‐") \
            or t.i > 0 and t.doc[t.i - 1].text in ("-", "‐"):
        return False  # "add-on", "LSIF-powered": a part of a compound word
    nxt = next_word(t)
    return nxt is None or nxt.idx >= label_end or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")


# "for at least one month", "during 2 weeks": how long something is done, not the level of a metric.
_EN_DURATION_BEFORE = re.compile(r"\b(?:for|during|over)\s+(?:at\s+least\s+|about\s+|around\s+)?$", re.IGNORECASE)


def _en_not_metric_value(analysis: Analysis, first: Any, head: str) -> bool:
    """English lines that look like "Metric: value" and are not: a label and a count of new things ("Content
    pipeline: 10 shareable insights", "Free tier: 2 assessments"), a condition on something new ("TestFlight beta
    with ≥5 external testers"), a flow ("new user → first assessment → …"), a duration ("for at least one month")."""
    if "→" in head or re.search(r"\bwith\b", head, re.IGNORECASE):
        return True
    if _EN_DURATION_BEFORE.search(head) and _CALENDAR_AFTER.match(analysis.text[first.end:]):
        return True
    return _en_label_count(analysis, first, head)


def _en_label_count(analysis: Analysis, q: Any, before: str) -> bool:
    """"Content marketing pipeline: 10 shareable insights": a label (no metric word) and a count of things to make."""
    label = re.fullmatch(r"([^:]*[^\W\d_][^:]*):\s*", before)
    if analysis.lang != "en" or label is None or q.percent:
        return False
    if _EN_PERIOD_AFTER.match(analysis.text, q.end) or _EN_PER_SLASH.match(analysis.text, q.end):
        return False  # "Paid late checkouts: 300 per month", "Depletions: 420 cases/month": a steady rate, not new things
    metric = _kpi_metric_words("en")
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", label.group(1))}
    return not any(w in metric or w.rstrip("s") in metric for w in words) and _counts_things(analysis, q)


# "420 cases/month", "3/week": a count per period written with a slash.
_EN_PER_SLASH = re.compile(r"\s*(?:[^\W\d_]+\s*)?/\s*(?:day|week|month|quarter|sprint|shift)\b", re.IGNORECASE)


def _signed_metric(analysis: Analysis) -> list[Hit]:
    """«Выручка +20%», "Revenue +30% YoY": a verbless objective that carries a change target."""
    for q in analysis.quantities:
        if q.measure and re.search(r"[+−]\s*$", analysis.text[:q.start]):
            return [_whole(analysis, target=q.text)]
    return []


def _has_clause_verb(analysis: Analysis, tokens: Iterable[Token] | None = None) -> bool:
    """A finite verb or a short participle makes a sentence («премия привязана к…», "pool depends on").

    An English -ing word is no finite verb ("Mac Signing"), nor is a word of a title-cased name ("Mach Repackage").
    """
    from .analysis.english import word_options

    title = analysis.lang != "ru" and all(t.text[:1].isupper() for t in analysis.tokens if t.is_alpha)
    for t in analysis.tokens if tokens is None else tokens:
        if analysis.lang == "ru":
            if t.pos_ == "VERB" and ("Part" not in t.morph.get("VerbForm") or "Short" in t.morph.get("Variant")) \
                    and not in_relative_clause(t):
                return True  # not «…, которые заканчиваются просмотром»: a relative clause qualifies the metric's noun
            continue
        if t.i == 0 or not t.is_alpha or t.lower_ == "per" or t.lower_.endswith("ing") or title:
            continue
        options = word_options(t.lower_)
        if "VERB" not in options or "NOUN" in options or "ADJ" in options or _attributive_participle(t):
            continue
        before = prev_word(t)
        if before is not None and (before.lower_ in _EN_PREPOSITIONS or before.lower_ in _EN_OBJECT_START):
            continue  # "Percentage of deploys": after "of" or "the" a word is a noun, not a finite verb
        return True
    return False


def _attributive_participle(t: Token) -> bool:
    """"on paid social", "booked revenue": a past participle before its noun describes it; it states no act."""

    nxt = next_word(t)
    lemma = verb_lemma(t, "en") or t.lower_
    past = is_participle(t.lower_) or lemma != t.lower_ and not t.lower_.endswith("s")  # "paid", "sold"
    glued = t.i > 0 and t.doc[t.i - 1].text == "-"  # "LSIF-powered …": a compound name, left as it was read
    return past and not glued and lemma != t.lower_ and nxt is not None \
        and nxt.is_alpha and nxt.lower_ not in _EN_PREPOSITIONS and nxt.lower_ not in _EN_OBJECT_START \
        and nxt.lower_ not in ("and", "or", "by")


@check("kpi-style")
def kpi_style(ctx: "Context") -> list[Hit]:
    """KPI phrasing, or «500 заявок в месяц»: a number per period with no verb of change, baseline or deadline."""
    analysis = ctx.analysis
    assert analysis is not None
    hits = _kpi_phrasing(ctx) or _habit_quota(ctx, analysis) or _per_person_quota(ctx, analysis)
    if hits:
        return hits
    content = analysis.content
    if not content or any(t.pos_ == "VERB" for t in content) or analysis.has_baseline or analysis.has_time("bound"):
        return []
    first = analysis.quantities[0] if analysis.quantities else None
    if first is not None and first.measure and _RATE.search(analysis.text) \
            and (first.start <= content[0].idx or _ru_volume_noun(analysis, first.start)):
        return [_whole(analysis, metric=analysis.text)]
    return []


# Before an amount of time: a level to stay within ("respond within 2 hours every day"), not a time budget.
_EN_TIME_LEVEL_BEFORE = re.compile(r"\b(?:within|under|below|in|to|than|over|above|at\s+most)\s*$", re.IGNORECASE)


def _habit_quota(ctx: "Context", analysis: Analysis) -> list[Hit]:
    """"Swim at least twice a week", "Spend 30 min every day on reading": a habit kept at a frequency or a time budget
    per period, with no change, baseline or deadline, is a steady quota (English key results; LABELS v2)."""
    if analysis.lang != "en" or ctx.kind != "key_result" or analysis.has_baseline or analysis.has_time("bound"):
        return []
    pred = analysis.pred
    if pred is not None and pred.has(ctx.words("change")):
        return []  # "Cut manual work to 2 hours per week": a change
    text = analysis.text
    measures = [q for q in analysis.quantities if q.measure]
    budgets = [q for q in measures if not q.frequency and (unit := TIME_UNIT_AFTER.match(text[q.end:])) is not None
               and not _EN_TIME_LEVEL_BEFORE.search(text[:q.start]) and _EN_PERIOD_AFTER.match(text[q.end + unit.end():])]
    paced = [q for q in measures if q.frequency] + budgets  # "twice a week", "1 hour every week"
    durations = [q for q in measures if TIME_UNIT_AFTER.match(text[q.end:]) and not _EN_TIME_LEVEL_BEFORE.search(text[:q.start])]
    if not paced or any(q not in paced and q not in durations for q in measures):
        return []  # "200 publishers, where active is publishing at least once per month": the count is the target
    first = min(paced, key=lambda q: q.start)
    period = _EN_FREQUENCY_SPAN.match(text, first.end)
    end = period.end() if period is not None else first.end
    return [Hit(first.start, end, text[first.start:end], {"habit": text[first.start:end]})]


def _per_person_quota(ctx: "Context", analysis: Analysis) -> list[Hit]:
    """"Each fundraiser logs 20 donor calls per week", "Every member has at least 14 hours of user time per
    quarter": a count each person keeps up per period, with no change or start, is a steady quota (LABELS v2)."""
    each, period_after = (_EN_EACH_PERSON, _EN_PERIOD_AFTER) if analysis.lang == "en" else (_RU_EACH_PERSON, _RU_PERIOD_AFTER)
    if ctx.kind != "key_result" or analysis.has_baseline or analysis.has_time("bound") or not each.match(analysis.text):
        return []
    if analysis.pred is not None and analysis.pred.has(ctx.words("change")):
        return []
    text = analysis.text
    for q in analysis.quantities:
        if q.measure and (period := period_after.match(text, q.end)) is not None:
            return [Hit(q.start, period.end(), text[q.start:period.end()], {"habit": text[q.start:period.end()]})]
    return []


# «Каждый мастер проводит минимум 2 аудита 5S в месяц»: a count each person keeps up per period.
_RU_EACH_PERSON = re.compile(r"\s*кажд(?:ый|ая|ое|ые)\s+(?!(?:день|неделю|месяц|квартал|смену|спринт)\b)[а-яё]", re.IGNORECASE)
_RU_PERIOD_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:в|за)\s+(?:день|неделю|месяц|квартал|смену|спринт)\b|"
                              r"\s*(?:[\w-]+\s+){0,3}?(?:ежедневно|еженедельно|ежемесячно)\b", re.IGNORECASE)


_EN_EACH_PERSON = re.compile(r"\s*(?:each|every)\s+(?!(?:day|week|month|quarter|sprint)\b)[^\W\d_]", re.IGNORECASE)
# "… every week", "… per month": the period a frequency or a time budget recurs in.
_EN_PERIOD_AFTER = re.compile(r"\s*(?:[\w&/-]+,?\s+){0,5}?(?:a|an|per|every|each)\s+(?:day|week|fortnight|month|quarter|sprint)\b",
                              re.IGNORECASE)
_EN_FREQUENCY_SPAN = re.compile(r"(?:\s*(?:times?|hrs?|hours?|minutes?|mins?)\b)?(?:\s*(?:[\w&/-]+\s+){0,3}?"
                                r"(?:a|an|per|every|each)\s+(?:day|week|fortnight|month|quarter|sprint)\b)?", re.IGNORECASE)


def _ru_volume_noun(analysis: Analysis, start: int) -> bool:
    """«Обработка 100 000 отзывов/месяц»: a noun of handling that makes or moves nothing, right before a count per
    period, names a volume — a steady quota like «500 заявок в месяц»; «Проведение 4 вебинаров» stays a task."""
    content = _content(analysis.doc)
    if analysis.lang != "ru" or not content or content[0].pos_ != "NOUN" \
            or analysis.pred is not None and analysis.pred.form != "noun":
        return False
    head = content[0]
    verbs = verb_of_noun(head.lemma_.lower(), "ru")
    if any(v in _action_verbs("ru", True) for v in verbs):
        return False
    return not analysis.text[head.idx + len(head.text):start].strip()


@check("pay-words")
def pay_words(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    customers = ctx.words("customer_context")
    hits = []
    for span in phrase_matches(ctx, ["main"]):
        window = analysis.doc[max(0, span.start - 3):span.end + 3]
        if any(t.lemma_.lower() in customers or t.lower_ in customers for t in window):
            continue  # «бонусы для клиентов», "bonus points for referrals": not pay
        if analysis.lang == "en" and len(span) == 1 and span[0].lower_ in ("commissioned", "commissioning") \
                and not span[0].text.isupper():
            continue  # "Commissioned 3 new chillers", "commissioning of the line": put into service, not pay
        hits.append(_span_hit(span))
    return hits[:1]


def _ru_counted_act(ctx: "Context", analysis: Analysis, pred: Predicate) -> Any:
    """«Сделать 10 фич», «Стать экспертом и закрыть 3 крупных кейса»: a verb of the objective (or one coordinated with
    it) with a count right after it is a numeric target.  Not «Сделать 80% аудитории уверенными» (make X Y)."""
    if pred.form not in ("imperative", "modal", "finite"):
        return None
    joined = [t for t in analysis.doc[pred.end:] if t.pos_ == "VERB" and _verb_form_ok(t, analysis)
              and (t in coordinated(pred) or (prev := prev_word(t)) is not None and prev.lower_ in ("и", ","))]
    verbs = [pred] + [Predicate(t, (t.lemma_.lower(),), "imperative", t.i + 1) for t in joined]
    for verb in verbs:
        count = _measure_after(verb, analysis)
        if count is not None and not _has_complement(verb.head) and not count.percent and not _RANK_TEXT.match(count.text):
            return count  # not «Стать №1 в нише» (like "Become the #1 choice"): a rank is an aspiration
    for match in _RU_NEW_PLACES.finditer(analysis.text, pred.head.idx + len(pred.head.text)):
        count = next((q for q in analysis.quantities if q.measure and q.start == match.start("n")), None)
        if count is not None:
            return count  # «Открыть аптеки в 5 новых городах»: a count of new places the act reaches
    return None


_RU_NEW_PLACES = re.compile(r"\b(?:в|на)\s+(?P<n>\d+)\s+(?:нов\w+|других|дополнительн\w+)\s+[а-яё]", re.IGNORECASE)

# Where a later clause of an objective starts: "…: bring X down to 10%", "… that will achieve 16% …", "… to reach 5,000".
_EN_CLAUSE_OPENERS = {":", ";", "—", "–", "that", "which", "will", "to", "and"}
# Between a verb of change and its target: nothing but a bound ("attract 500", "achieve at least 16%"), or the metric
# and "to"/"by" ("grow revenue to $2M").
_EN_TARGET_GAP = re.compile(r"\s*(?:(?:at\s+least|over|more\s+than|up\s+to)\s*|(?:[^\W\d_][\w-]*\s+){0,4}(?:to|by)\s+)?"
                            r"(?:[<>≤≥]\s*)?(?:[$€£]\s?)?", re.IGNORECASE)
_EN_MOVED_TO = re.compile(r"\b(?:bring|get|push|drive|take)\b[^,;:.]*\b(?:down|up)\s+to\s*(?:[<>≤≥]\s*)?(?:[$€£]\s?)?$",
                          re.IGNORECASE)


def _en_clause_target(ctx: "Context", analysis: Analysis) -> str | None:
    """"Keep our best people: bring regretted attrition down to 10%", "Build a playbook that will achieve 16% net
    retention": a later clause of the objective moves a metric to a number — a key result riding on the objective."""
    pred = analysis.pred
    after = pred.head.i if pred is not None else -1
    direction = ctx.words("direction")
    text = analysis.text
    for t in analysis.doc:
        if t.i <= after or verb_lemma(t, "en") not in direction or (before := prev_word(t)) is None \
                or before.lower_ not in _EN_CLAUSE_OPENERS and before.text not in _EN_CLAUSE_OPENERS:
            continue
        end = t.idx + len(t.text)
        q = next((q for q in analysis.quantities if q.measure and q.start >= end), None)
        if q is not None and not _RANK_TEXT.match(q.text) and _EN_TARGET_GAP.fullmatch(text[end:q.start]):
            return q.text  # not "… that will serve teams of 10–50": a team size, not what the verb reaches
    for q in analysis.quantities:
        if q.measure and _EN_MOVED_TO.search(text[:q.start]):
            return q.text
    return None


_EN_CAUSATIVES = {"make", "have", "let", "help", "get", "see", "keep", "leave"}


def _en_counted_act(analysis: Analysis, pred: Predicate) -> Any:
    """"Open two new sites …", "Claims handlers will resolve 90% of home claims": a count or share right after the
    objective's verb is a numeric target, whatever the verb (English) — as «Открыть 5 новых магазинов» is. Not a share
    after a causative ("Make 80% of buyers sure …": make X Y) or written "9 out of 10", nor a rank."""
    if pred.form not in ("imperative", "modal", "finite"):
        return None
    count = _measure_after(pred, analysis)
    causative = pred.lemma in _EN_CAUSATIVES  # "Make 80% of buyers sure …": make X Y; "resolve 90% of claims" is a target
    if count is None or _has_complement(pred.head) or count.percent and causative or _RANK_TEXT.match(count.text) \
            or re.match(r"\s*(?:out\s+of|/)\s*\d", analysis.text[count.end:], re.IGNORECASE):
        return None  # "Make 9 out of 10 customers say …": a share, like "80% of"
    return count


@check("objective-metric")
def objective_metric(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    pred = analysis.pred
    if pred is not None and (count := _ru_counted_act(ctx, analysis, pred) if analysis.lang == "ru"
                             else _en_counted_act(analysis, pred)) is not None:
        after = [t for t in analysis.doc if t.idx >= count.end and not t.is_space][:3]  # «5 новых магазинов»
        noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN", "X")), None)
        end = noun.idx + len(noun.text) if noun is not None and not any(t.is_punct for t in after[:after.index(noun)]) \
            else count.end
        return [_whole(analysis, target=analysis.text[count.start:end])]
    if pred is None and analysis.lang == "en" and (lead := _leading_measure(analysis)) is not None:
        return [_whole(analysis, target=lead.text)]  # "10,000 customers by year end": the objective is a number
    if analysis.lang == "en" and (target := _en_comparative_target(analysis) or _en_later_sentence_target(analysis)
                                  or _en_clause_target(ctx, analysis) or _en_bound_target(analysis)):
        return [_whole(analysis, target=target)]
    if pred is None or not (pred.has(ctx.words("direction")) or _ru_change_object(ctx, pred)):
        return _signed_metric(analysis)
    measures = [q for q in analysis.quantities if q.measure]
    if not measures:
        return []
    return [_whole(analysis, target=measures[0].text)]


# "2x faster", "30% cheaper", "3x more": a multiple or a share followed by a comparative is a relative change.
_EN_COMPARATIVE_AFTER = re.compile(r"\s*(?:faster|quicker|cheaper|sooner|more|fewer|less|higher|lower|better|shorter|"
                                   r"smaller|bigger|larger|greater)\b", re.IGNORECASE)
# A sentence break: "… with Major Clouds. 500+ leads …" (not a decimal point or "e.g.").
_EN_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2})[.!?]\s+(?=[A-Z0-9$])|(?<=[)\]])[.!?]\s+(?=[A-Z0-9$])")


def _en_comparative_target(analysis: Analysis) -> str | None:
    """"Ship features 2x faster", "Serve customers 30% cheaper", "support 4-5x ARR growth", "for 10x scale": a relative
    change in any verb form — a share or multiple before a comparative, or a multiple of growth."""
    for q in analysis.quantities:
        rest = analysis.text[q.end:]
        multiple = re.search(r"\d\s?[xх×]$", q.text) is not None
        after = _EN_COMPARATIVE_AFTER.match(rest) if q.percent or multiple else None
        if after is None and multiple:
            after = _EN_GROWTH_AFTER.match(rest)
        if q.measure and after is not None:
            return analysis.text[q.start:q.end + after.end()]
    return None


# "in under 10 minutes", "below 2%", "at least $1M": a bound on a time, a share or an amount is a target level
# (a bound on a count of people, "teams of over 50 people", is the objective's scope).
_EN_BOUND_BEFORE = re.compile(r"\b(?:under|below|less\s+than|fewer\s+than|at\s+least|at\s+most|over|more\s+than|above)\s*$|"
                              r"[<>≤≥]\s*$", re.IGNORECASE)


def _en_bound_target(analysis: Analysis) -> str | None:
    """"Let customers self-host PostHog in under 10 minutes", "a $100K increase in ARR": a bounded time, share or
    amount, or a change by an amount, is a key result's number inside the objective."""
    text = analysis.text
    for q in analysis.quantities:
        if not q.measure:
            continue
        money = re.search(r"[$€£₽]", q.text) is not None
        timed = TIME_UNIT_AFTER.match(text[q.end:]) is not None
        if (q.percent or money or timed) and _EN_BOUND_BEFORE.search(text[:q.start]):
            return text[q.start:q.end]
        if (q.percent or money) and _EN_RELATIVE_AFTER.match(text[q.end:]):
            return text[q.start:q.end]
    return None


# "10x scale", "4-5x ARR growth": a multiple that names the growth it asks for.
_EN_GROWTH_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:growth|scale|increase|uplift|expansion)\b", re.IGNORECASE)


def _en_later_sentence_target(analysis: Analysis) -> str | None:
    """"Establish relationships with major clouds. 500+ leads through joint marketing, …": a verbless sentence after
    the objective's own that counts results or names a metric level is a key result riding on the objective."""
    breaks = list(_EN_SENTENCE_BREAK.finditer(analysis.text))
    if not breaks:
        return None
    start = breaks[0].end()
    tokens = [t for t in analysis.tokens if t.idx >= start]
    if not tokens or _has_clause_verb(analysis, tokens):
        return None
    counted = _kpi_metric_words("en") | _en_metric_nouns() | _shared_words("results", "en")
    for q in analysis.quantities:
        if q.start < start or not q.measure or _RANK_TEXT.match(q.text):
            continue
        words = [t for t in tokens if t.idx >= q.end][:3]
        for t in words:
            if not t.is_alpha or t.pos_ == "ADP":
                break
            if t.lower_ in counted or t.lemma_.lower() in counted or t.lower_.rstrip("s") in counted:
                return analysis.text[q.start:t.idx + len(t.text)]
    return None


def _one_off_subject(analysis: Analysis, pred: Predicate) -> bool:
    """The subject before a finite verb is one event or artefact («концерт», «вебинар»): what it brings has no start."""
    subject = next((t for t in analysis.doc[:pred.head.i] if t.pos_ in ("NOUN", "PROPN") and "Nom" in t.morph.get("Case")),
                   None)
    return subject is not None and "Sing" in subject.morph.get("Number") \
        and subject.lemma_.lower() in _shared_words("artefact", "ru")


@lru_cache(maxsize=None)
def _shared_words(group: str, lang: str) -> frozenset[str]:
    from .engine import shared_lexicon

    return frozenset(w.lower() for w in shared_lexicon().get(group, {}).get(lang, []))


def _leading_measure(analysis: Analysis) -> Any:
    """A verbless line that opens with a measured number ("10,000 customers by year end", "$5M ARR")."""
    content = _content(analysis.doc)
    if not content:
        return None
    return next((q for q in analysis.quantities if q.measure and q.start <= content[0].idx
                 and not _RANK_TEXT.match(q.text)), None)


def _has_time(ctx: "Context", item: Item) -> bool:
    if any(item.fields.get(k) not in (None, "") for k in ("due", "period", "deadline")):
        return True
    analysis = ctx.analyses.get(id(item))
    return analysis is not None and analysis.has_time()


@check("deadline")
def deadline(ctx: "Context") -> list[Hit]:
    objective = ctx.objective
    if objective is None or objective.period is not None:
        return []
    if _has_time(ctx, objective) or any(_has_time(ctx, kr) for kr in objective.key_results):
        return []
    return [Hit(0, len(objective.text), objective.text)]


@check("kr-count")
def kr_count(ctx: "Context") -> list[Hit]:
    objective = ctx.objective
    assert objective is not None
    low, high = int(ctx.option("min")), int(ctx.option("max"))
    count = len(objective.key_results)
    if low <= count <= high:
        return []
    from .grammar.numerals import count_phrase

    lang = ctx.config.locale or objective.lang or "en"
    return [Hit(0, len(objective.text), objective.text, {
        "count": count_phrase(count, lang, "key_result"), "min": low, "max": high,
        "problem": ("мало" if count < low else "много") if lang == "ru" else ("too few" if count < low else "too many"),
    })]


@check("objective-limit")
def objective_limit(ctx: "Context") -> list[Hit]:
    high = int(ctx.option("max"))
    from .grammar.numerals import count_phrase

    if ctx.kind == "period" and isinstance(ctx.item, Period):
        period = ctx.item
        objectives = period.objectives
        if len(objectives) <= high or period.in_prose:
            return []  # a period an intro sentence named has no heading to point at: its first objective too many does
        lang = ctx.config.locale or majority_language(objectives)
        return [Hit(0, len(period.text), period.text, {"count": count_phrase(len(objectives), lang, "objective"), "max": high})]
    loose = [o for o in ctx.document.objectives if o.period is None or o.period.in_prose]
    if len(loose) <= high:
        return []
    # The first objective over the limit carries the finding; an untitled one (key results given without
    # an objective's text) has no text to point at, so the next titled one does, else the document.
    extra = next((o for o in loose[high:] if o.text), None)
    lang = ctx.config.locale or (extra.lang if extra is not None else "") or majority_language(loose)
    values = {"count": count_phrase(len(loose), lang, "objective"), "max": high}
    if extra is None:
        return [Hit(0, 0, "", values)]
    return [Hit(0, len(extra.text), extra.text, values, item=extra, kind="objective")]


@check("no-owner")
def no_owner(ctx: "Context") -> list[Hit]:
    """A key result without an owner in a document where most key results have one.

    Owners are the document's convention only when most key results carry
    one; a single «— @anna» in a file must not flag every other line.
    """
    item = ctx.item
    if not isinstance(item, Item) or item.fields.get("owner") or not _owners_are_convention(ctx.document):
        return []
    return [Hit(0, len(item.text), item.text)]


def _owners_are_convention(document: OkrDocument) -> bool:
    """Whether most key results of the document have an owner; counted once per document."""
    if "owners" not in document.facts:
        owners = [bool(kr.fields.get("owner")) for o in document.objectives for kr in o.key_results]
        document.facts["owners"] = sum(owners) * 2 >= len(owners)
    return bool(document.facts["owners"])


def _percent(value: Any) -> float | None:
    """A progress value as a percentage: "100%", "100", 1.0 (a fraction), "0,95"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return number * 100 if number <= 1.0 and not isinstance(value, int) else number
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*", str(value or ""))
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    return number if match.group(2) or number > 1.0 else number * 100


@check("target-reached")
def target_reached(ctx: "Context") -> list[Hit]:
    """Progress of 100 % or more: the article reads it as a target set too low."""
    item = ctx.item
    if not isinstance(item, Item):
        return []
    progress = _percent(item.fields.get("progress"))
    if progress is None or progress < 100:
        return []
    return [Hit(0, len(item.text), item.text, {"progress": f"{progress:g}%"})]


def majority_language(items: Iterable[Item]) -> str:
    """The language most items are in: what a finding about a whole period or document speaks."""
    langs = [i.lang for i in items if i.lang]
    return max(sorted(set(langs)), key=langs.count) if langs else "en"
