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

from .analysis import Analysis, detect_language
from .analysis.timeexpr import find_times
from .model import Item, Period

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
    return [t for t in doc if not t.is_space and not t.is_punct]


def _span_hit(tokens: list[Token] | Span, **values: Any) -> Hit:
    tokens = list(tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Hit(start, end, tokens[0].doc.text[start:end], values)


def _whole(analysis: Analysis, **values: Any) -> Hit:
    return Hit(0, len(analysis.text), analysis.text, values)


def _next_content(token: Token) -> Token | None:
    for t in token.doc[token.i + 1:]:
        if not t.is_space:
            return t
    return None


def _prev_content(token: Token) -> Token | None:
    for t in reversed(token.doc[:token.i]):
        if not t.is_space:
            return t
    return None


@lru_cache(maxsize=None)
def _lemma_of(word: str, lang: str) -> str:
    if lang == "ru":
        from .analysis.russian import lemma

        return lemma(word)
    from lemminflect import getAllLemmas

    options = getAllLemmas(word.lower())
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if pos in options:
            return options[pos][0].lower()
    return word.lower()


def phrase_matches(ctx: "Context", groups: Iterable[str]) -> list[Span]:
    """Occurrences of lexicon entries (single lemmas or phrases) plus the rule's own Matcher patterns."""
    analysis = ctx.analysis
    assert analysis is not None
    entries = tuple(sorted({w for g in groups for w in ctx.words(g)}))
    extra = tuple(sorted(ctx.config.extra_words.get(ctx.rule.id, {}).get(analysis.lang, [])))
    matcher = _matcher(ctx.rule.id, analysis.lang, entries + extra, id(ctx.rule))
    spans = [Span(analysis.doc, s, e) for _, s, e in matcher(analysis.doc)]
    spans.sort(key=lambda s: (s.start, -len(s)))
    kept: list[Span] = []
    for span in spans:  # longest first at each start, no overlaps
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


_RULE_PATTERNS: dict[int, dict[str, list[list[dict[str, Any]]]]] = {}


@lru_cache(maxsize=None)
def _matcher(rule_id: str, lang: str, entries: tuple[str, ...], rule_key: int) -> Matcher:
    from .analysis import _blank

    matcher = Matcher(_blank(lang).vocab)
    patterns = []
    for entry in entries:
        words = entry.split()
        patterns.append([{"LEMMA": _lemma_of(w, lang)} if len(words) == 1 or len(w) > 3 else {"LOWER": w.lower()}
                         for w in words])
        patterns.append([{"LOWER": w.lower()} for w in words])
    patterns.extend(_RULE_PATTERNS.get(rule_key, {}).get(lang, []))
    if patterns:
        matcher.add(rule_id, patterns)
    return matcher


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


def _predicate(analysis: Analysis) -> Token | None:
    return analysis.predicate


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


def _has_complement(verb: Token) -> bool:
    """«Сделать X любимым выбором» / "make X the default": a predicative complement after the object."""
    for t in verb.doc[verb.i + 1:]:
        if t.is_punct and t.text in ",;:":
            break
        if t.pos_ in ("ADJ", "NOUN") and "Ins" in t.morph.get("Case"):
            return True
        if t.pos_ == "ADJ" and "Brev" in t.morph.get("Variant"):
            return True
    return False


_COMPARATOR = re.compile(
    r"(?:выше|ниже|не\s+(?:ниже|выше|менее|более|больше|меньше)|более|больше|меньше|менее|минимум|максимум|от|свыше|"
    r"above|below|under|over|at\s+least|at\s+most|more\s+than|less\s+than|no\s+(?:more|less)\s+than|≥|≤|>=|<=|>|<)\s*$",
    re.IGNORECASE,
)


def verb_lemma(token: Token, lang: str) -> str | None:
    """The verb lemma a token can have: the tagger's for Russian, any verb reading for English.

    The English side has no tagger, so "that cut p95 latency" is read by what
    the word can be, not by the guess made for its position.
    """
    if lang == "ru":
        return token.lemma_.lower() if token.pos_ == "VERB" else None
    if token.pos_ == "VERB":
        return token.lemma_.lower()
    if not token.is_alpha:
        return None
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(token.lower_).get("VERB")
    return lemmas[0].lower() if lemmas else None


_RELATIVE = re.compile(r"(?:,\s*|\s)(?:котор\w+|that|which|who)\s", re.IGNORECASE)


def _measured_relative_clause(analysis: Analysis) -> bool:
    """«…программу лояльности, которая увеличит LTV на 40%»: a clause that measures what the activity achieves."""
    for m in _RELATIVE.finditer(analysis.text):
        clause = [t for t in analysis.doc if t.idx >= m.end()]
        finite = any(t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") for t in clause) if analysis.lang == "ru" \
            else any(verb_lemma(t, "en") for t in clause[:3])
        if finite and any(q.measure and q.start >= m.end() for q in analysis.quantities):
            return True
    return False


def has_outcome(ctx: "Context", analysis: Analysis, skip: Token | None = None) -> bool:
    """An outcome metric attached to an activity: a threshold, a rate, or a verb of change with a number after it.

    A share right after the activity verb («Complete 80% of calls») measures
    the task, not an outcome.
    """
    text = analysis.text
    after_skip = skip.idx + len(skip.text) if skip is not None else -1
    for q in analysis.quantities:
        if not q.measure:
            continue
        if _COMPARATOR.search(text[:q.start]):
            return True
        if q.percent and text[after_skip:q.start].strip() != "":
            return True
    if _measured_relative_clause(analysis):
        return True
    outcome = ctx.words("outcome")
    for t in analysis.doc:
        if skip is not None and t.i == skip.i:
            continue
        lemma = verb_lemma(t, analysis.lang)
        if lemma in outcome and any(q.measure and q.start > t.idx for q in analysis.quantities):
            return True
    return False


# ---------------------------------------------------------------- checks

@check("vague-predicate")
def vague_predicate(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    verb = _predicate(analysis)
    if verb is None:
        return []
    entry = _multiword_at(verb, ctx.words("main"))
    if entry:
        end = verb.i + len(entry.split())
        return [_span_hit(verb.doc[verb.i:end], verb=verb.text)]
    if _lemma_in(verb, ctx.words("make")):
        nxt = _next_content(verb)
        if nxt is not None and nxt.lower_ in ctx.words("vague_complement"):
            return [_span_hit(verb.doc[verb.i:nxt.i + 1], verb=verb.text)]
        follow = [t.lower_ for t in _content(verb.doc[verb.i + 1:])]
        if any(w in ctx.words("vague_complement") for w in follow[-1:]) and not _has_complement(verb):
            return [_span_hit([verb], verb=verb.text)]
    return []


@check("hedge")
def hedge(ctx: "Context") -> list[Hit]:
    return [_span_hit(span) for span in phrase_matches(ctx, ["main"])]


def _activity_verb(ctx: "Context", verb: Token) -> Token | None:
    main = ctx.words("main")
    if _lemma_in(verb, main) or _multiword_at(verb, main):
        return verb
    if _lemma_in(verb, ctx.words("make")) and not _has_complement(verb):
        nxt = _next_content(verb)
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") and nxt.lower_ not in ctx.words("vague_complement"):
            return verb
    nxt = _next_content(verb)
    lang = ctx.analysis.lang if ctx.analysis is not None else "ru"
    if nxt is not None and nxt.pos_ == "VERB" and _lemma_in(nxt, main) and (
        lang == "en" or "Inf" in nxt.morph.get("VerbForm")
    ):
        return nxt  # «Стараться проводить 1:1 …»: the activity is the chained infinitive
    return None


def _passive_milestone(ctx: "Context", analysis: Analysis) -> Token | None:
    """«Лендинг опубликован», "Press kit published on the website", "The proposal is documented"."""
    main = ctx.words("main")
    for t in analysis.doc:
        if t.i == 0:
            continue
        if analysis.lang == "ru":
            if "Pass" in t.morph.get("Voice") and t.pos_ == "VERB" and _lemma_in(t, main):
                return t
        elif t.lower_.endswith("ed") and verb_lemma(t, "en") in main:
            prev = _prev_content(t)
            if prev is not None and (prev.pos_ in ("NOUN", "PROPN") or prev.lower_ in ("is", "are", "was", "were", "be", "been")):
                return t
    return None


@check("activity")
def activity(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    verb = _predicate(analysis)
    found = _activity_verb(ctx, verb) if verb is not None else None
    if found is None and (verb is None or not _lemma_in(verb, ctx.words("outcome"))):
        found = _passive_milestone(ctx, analysis)
    if found is None or has_outcome(ctx, analysis, skip=found):
        return []
    entry = _multiword_at(found, ctx.words("main"))
    end = found.i + (len(entry.split()) if entry else 1)
    return [_span_hit(found.doc[found.i:end], verb=found.text)]


def _clause_verbs(analysis: Analysis, skip_words: set[str], actions: set[str] | None = None) -> list[Token]:
    """Verbs that start a clause of their own and take their own object."""
    verbs = []
    first = analysis.predicate
    for t in analysis.doc:
        if t.pos_ != "VERB" or t.lemma_.lower() in skip_words:
            continue
        if analysis.lang == "ru":
            if not ("Inf" in t.morph.get("VerbForm") or "Imp" in t.morph.get("Mood")):
                continue
        elif t.text.lower() != t.lemma_:
            continue
        prev, nxt = _prev_content(t), _next_content(t)
        starts = (first is not None and t.i == first.i) or (prev is not None and prev.lower_ in (
            ",", ";", "и", "а", "and", "+", "&", "then", "затем", "потом", "также", "плюс"))
        own_object = nxt is not None and (nxt.pos_ not in ("VERB", "CCONJ", "PUNCT", "AUX", "PART")
                                          or "Part" in nxt.morph.get("VerbForm")) and nxt.lower_ not in ("и", "and", "or", "или")
        if analysis.lang == "en" and own_object:
            own_object = nxt.pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON") or nxt.like_num
        is_first = first is not None and t.i == first.i
        if starts and own_object and actions and not is_first and t.lemma_.lower() not in actions:
            continue  # a word that can be a verb but is not a known action: "and praise", "and action plan"
        if starts and own_object:
            verbs.append(t)
    return verbs


def _action_verbs(lang: str) -> set[str]:
    """Verbs of action and change, borrowed from the rules that own those lexicons."""
    from .engine import get_rule

    words: set[str] = set()
    for rule_id, groups in (("task-key-result", ("main", "outcome")), ("vague-verb", ("main",))):
        rule = get_rule(rule_id)
        if rule is not None:
            words |= {w.split()[0].lower() for g in groups for w in rule.words(lang, g)}
    return words


@check("several-actions")
def several_actions(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    verbs = _clause_verbs(analysis, ctx.words("not_actions"), _action_verbs(analysis.lang) if analysis.lang == "en" else None)
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
    if not _content(analysis.doc):
        return []
    return [_whole(analysis)]


_UNIT = re.compile(
    r"\s?(?:секунд\w*|минут\w*|час\w*|дн(?:я|ей)|недел\w*|мс|ms|сек|мин|ч|руб\w*|₽|тыс\.?|млн|seconds?|minutes?|"
    r"hours?|days?|weeks?|sec|min|h|s|k|users?|клиент\w*|пользовател\w*)\b",
    re.IGNORECASE,
)
_RELATIVE_TARGET = re.compile(r"(?:\b(?:на|до|by|to|at)|[+−-])\s*$", re.IGNORECASE)


@check("no-baseline")
def no_baseline(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    if analysis.has_baseline or (isinstance(ctx.item, Item) and ctx.item.fields.get("baseline") not in (None, "")):
        return []
    if isinstance(ctx.item, Item) and ctx.item.fields.get("current") not in (None, ""):
        return []
    direction = ctx.words("direction")
    verbs = [t for t in analysis.doc if verb_lemma(t, analysis.lang) in direction]
    if not verbs:
        return []
    text = analysis.text
    for q in analysis.quantities:
        if not q.measure:
            continue
        before = text[:q.start]
        if _COMPARATOR.search(before):
            continue
        if (_RELATIVE_TARGET.search(before) or q.text.lower() in ctx.words("multiplier")
                or re.match(r"^\s*раз", text[q.end:]) or re.search(r"\bраз", q.text)):
            start = _RELATIVE_TARGET.search(before).start() if _RELATIVE_TARGET.search(before) else q.start
            unit = _UNIT.match(text[q.end:])
            end = q.end + (unit.end() if unit else 0)
            return [Hit(start, end, text[start:end], {"target": text[start:end]})]
    return []


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
    r"(?:в|за)\s+(?:месяц|неделю|день|квартал)|ежемесячно|еженедельно|ежедневно|/\s?(?:мес|нед|день|month|week|day|mo)\b"
    r"|\bper\s+(?:month|week|day)|\ba\s+(?:month|week|day)\b|\bmonthly\b|\bweekly\b|\bdaily\b",
    re.IGNORECASE,
)


def _kpi_phrasing(ctx: "Context") -> list[Hit]:
    """The word KPI, «поддерживать»/maintain, or a bare metric name / steady quota with no verb."""
    analysis = ctx.analysis
    assert analysis is not None
    hits = [_span_hit([t]) for t in analysis.doc if t.lower_ in ctx.words("kpi_words")]
    if hits:
        return hits[:1]
    verb = _predicate(analysis)
    if verb is not None and _lemma_in(verb, ctx.words("maintain")):
        return [_span_hit([verb], verb=verb.text)]
    if verb is not None and analysis.lang == "en" and verb.lemma_ not in _action_verbs("en"):
        verb = None  # "Mean time to recovery", "Inventory turnover": a noun phrase, not an order
    if verb is not None or _has_clause_verb(analysis):
        return []
    content = _content(analysis.doc)
    if not content:
        return []
    metric_words = ctx.words("metric")
    if ctx.kind == "key_result":  # a verbless key result naming a metric anywhere: "Inventory turnover"
        names_metric = any(t.lemma_.lower() in metric_words or t.lower_ in metric_words for t in content)
    else:
        head = [t for t in content[:3] if t.pos_ not in ("ADJ", "DET")][:1]
        names_metric = bool(head) and (head[0].lemma_.lower() in metric_words or head[0].lower_ in metric_words)
    if not names_metric:
        return []
    if not analysis.has_measure:
        return [_whole(analysis, metric=analysis.text)]  # a bare metric name
    if _RATE.search(analysis.text) and not analysis.has_time("bound") and not analysis.has_baseline:
        return [_whole(analysis, metric=analysis.text)]  # a steady quota
    return []


def _has_clause_verb(analysis: Analysis) -> bool:
    """A finite verb or a short participle makes a sentence («премия привязана к…», "pool depends on")."""
    for t in analysis.doc:
        if analysis.lang == "ru":
            if t.pos_ == "VERB" and ("Part" not in t.morph.get("VerbForm") or "Short" in t.morph.get("Variant")):
                return True
        elif t.i > 0 and t.is_alpha and t.lower_ not in ("per",):
            from lemminflect import getAllLemmas

            options = getAllLemmas(t.lower_)
            if "VERB" in options and "NOUN" not in options and "ADJ" not in options:
                return True
    return False


@check("kpi-style")
def kpi_style(ctx: "Context") -> list[Hit]:
    """KPI phrasing, or «500 заявок в месяц»: a number per period with no verb of change, baseline or deadline."""
    analysis = ctx.analysis
    assert analysis is not None
    hits = _kpi_phrasing(ctx)
    if hits:
        return hits
    content = _content(analysis.doc)
    if not content or any(t.pos_ == "VERB" for t in content) or analysis.has_baseline or analysis.has_time("bound"):
        return []
    first = analysis.quantities[0] if analysis.quantities else None
    if first is not None and first.measure and first.start <= content[0].idx and _RATE.search(analysis.text):
        return [_whole(analysis, metric=analysis.text)]
    return []


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
        hits.append(_span_hit(span))
    return hits[:1]


@check("objective-metric")
def objective_metric(ctx: "Context") -> list[Hit]:
    analysis = ctx.analysis
    assert analysis is not None
    verb = _predicate(analysis)
    if verb is None or not _lemma_in(verb, ctx.words("direction")):
        return []
    measures = [q for q in analysis.quantities if q.measure]
    if not measures:
        return []
    return [_whole(analysis, target=measures[0].text)]


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
        if len(objectives) <= high:
            return []
        lang = ctx.config.locale or majority_language(objectives)
        return [Hit(0, len(period.text), period.text, {"count": count_phrase(len(objectives), lang, "objective"), "max": high})]
    loose = [o for o in ctx.document.objectives if o.period is None]
    if len(loose) <= high:
        return []
    extra = loose[high]
    lang = ctx.config.locale or extra.lang or "en"
    return [Hit(0, len(extra.text), extra.text, {"count": count_phrase(len(loose), lang, "objective"), "max": high},
                item=extra, kind="objective")]


@check("no-owner")
def no_owner(ctx: "Context") -> list[Hit]:
    """A key result without an owner in a document where most key results have one.

    Owners are the document's convention only when most key results carry
    one; a single «— @anna» in a file must not flag every other line.
    """
    item = ctx.item
    if not isinstance(item, Item) or item.fields.get("owner"):
        return []
    owners = [bool(kr.fields.get("owner")) for o in ctx.document.objectives for kr in o.key_results]
    if sum(owners) * 2 < len(owners):
        return []
    return [Hit(0, len(item.text), item.text)]


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
