"""Suggested rewrites: whole items rewritten grammatically.

Rule files name a rewriter (``rewrite: {using: <name>}``) and carry its
templates and word maps per language.  Words that move into a new slot are
inflected with pymorphy3 (Russian) or lemminflect (English), so
«провести 10 вебинаров» becomes «Привлечь N участников вебинаров…».
Unknown values are placeholders: X, Y, N, M for numbers, ``[…]`` for words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Token

from .analysis import Analysis, analyze_text
from .findings import Suggestion

if TYPE_CHECKING:
    from .checks import Hit
    from .engine import Context

REWRITERS: dict[str, Callable[["Context", "Hit"], Suggestion | None]] = {}
_PLACEHOLDER = re.compile(r"\[[^\]]+\]|\b[XYNM]\b")


def rewriter(name: str) -> Callable[[Callable[..., Suggestion | None]], Callable[..., Suggestion | None]]:
    def register(fn: Callable[..., Suggestion | None]) -> Callable[..., Suggestion | None]:
        REWRITERS[name] = fn
        return fn

    return register


# ---------------------------------------------------------------- grammar helpers

_UD_CASE = {"nomn": "nomn", "gent": "gent", "datv": "datv", "accs": "accs", "ablt": "ablt", "loct": "loct"}


def _cap(word: str, like: str) -> str:
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def sentence(text: str) -> str:
    """Tidy spacing and punctuation, capitalise the first letter."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r",\s*,", ",", text).strip(" ,;")
    return text[:1].upper() + text[1:]


def inflect_word(token: Token, grammemes: set[str]) -> str:
    """A Russian word in another case/number; unchanged when pymorphy3 cannot inflect it."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in token.text):
        return token.text
    from .analysis.russian import best_parse

    feats = {k: v for k, v in (f.split("=") for f in str(token.morph).split("|") if "=" in f)}
    parse = best_parse(token.text, token.pos_, feats)
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
    head_index = next((i for i, t in enumerate(tokens) if t.pos_ in ("NOUN", "PROPN")
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
            if t.pos_ in ("ADJ", "DET", "VERB") and head_number != "plur" and case == "accs":
                grams |= {"inan"} if "Inan" in head.morph.get("Animacy") else set()
            out.append(inflect_word(t, grams) + t.whitespace_)
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
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


def agree_adjective(adjective: str, head: Token | None, case: str) -> str:
    """«каким»/«какой»/«какими»: an adjective agreeing in number and gender with ``head``, in ``case``."""
    from .analysis.russian import morph

    grams = {case}
    if head is not None and "Plur" in head.morph.get("Number"):
        grams.add("plur")
    else:
        gender = (head.morph.get("Gender") or ["Masc"])[0] if head is not None else "Masc"
        grams |= {"sing", {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(gender, "masc")}
    form = morph().parse(adjective)[0].inflect(grams)
    return form.word if form is not None else adjective


def _join(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def count_phrase(count: int, lang: str, what: str) -> str:
    """«2 ключевых результата», «6 целей», "1 key result" — the noun agreeing with the number."""
    if lang != "ru":
        words = {"key_result": ["key", "result"], "objective": ["objective"]}[what]
        if count != 1:  # regular plurals: no need to load lemminflect's inflection table for them
            words[-1] += "s"
        return f"{count} {' '.join(words)}"
    from .analysis.russian import parses

    words = {"key_result": ["ключевой", "результат"], "objective": ["цель"]}[what]
    agreed = []
    for word in words:
        parse = parses(word)[0]
        form = parse.make_agree_with_number(count)
        agreed.append(form.word if form is not None else word)
    return f"{count} {' '.join(agreed)}"


def english_plural(noun: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(noun, tag="NNS")
    return forms[0] if forms else noun + "s"


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


def time_suffix(analysis: Analysis, lang: str, templates: dict[str, Any]) -> str:
    """Keep the item's own time bound, or add the quarter."""
    bounds = [t.text for t in analysis.times]
    if bounds:
        return bounds[0]
    return templates.get("deadline", {}).get(lang, "к концу квартала" if lang == "ru" else "by the end of the quarter")


def _suggest(text: str) -> Suggestion:
    text = sentence(text)
    placeholders = tuple(dict.fromkeys(m.group() for m in _PLACEHOLDER.finditer(text)))
    return Suggestion(text, placeholders)


def _direction(analysis: Analysis, obj: list[Token], ctx: "Context") -> str:
    numbers = re.search(r"(?:с|from)\s+[^\d]{0,12}?(\d[\d\s.,]*)\s*%?\s*(?:до|to)\s+(\d[\d\s.,]*)", analysis.text)
    if numbers:
        try:
            a, b = (float(n.replace(" ", "").replace(",", ".").rstrip(".")) for n in numbers.groups())
            return "down" if b < a else "up"
        except ValueError:
            pass
    down = {w.lower() for w in ctx.rule.templates.get("decrease", {}).get(analysis.lang, [])}
    lemmas = {t.lemma_.lower() for t in obj}
    return "down" if lemmas & down else "up"


# ---------------------------------------------------------------- shared rewrites

def metric_rewrite(ctx: "Context", analysis: Analysis, verb: Token | None, direction_verb: str | None = None) -> Suggestion:
    """«Повысить [показатель] качества контента с X до Y к концу квартала»."""
    lang = analysis.lang
    t = ctx.rule.templates
    obj = object_tokens(analysis, verb)
    direction = _direction(analysis, obj, ctx)
    verbs = t.get("verbs", {}).get(lang, {"up": "Повысить" if lang == "ru" else "Increase",
                                         "down": "Снизить" if lang == "ru" else "Reduce"})
    new_verb = direction_verb or verbs[direction]
    when = time_suffix(analysis, lang, t)
    if analysis.has_measure and verb is not None:
        rest = analysis.text[verb.idx + len(verb.text):]
        return _suggest(f"{new_verb}{rest}")
    if lang == "ru":
        metric = t.get("metric", {}).get("ru", "[показатель]")
        phrase = np_in_case(obj, "gent") if obj else "[чего]"
        return _suggest(f"{new_verb} {metric} {phrase} с X до Y {when}")
    metric = t.get("metric", {}).get("en", "[metric]")
    phrase = _join(obj) if obj else "[what]"
    return _suggest(f"{new_verb} {metric} of {phrase} from X to Y {when}")


def outcome_rewrite(ctx: "Context", analysis: Analysis, verb: Token | None) -> Suggestion:
    """An activity turned into its outcome, by the deliverable's lemma (``outcomes`` in the rule file)."""
    lang = analysis.lang
    from .engine import get_rule

    task_rule = get_rule("task-key-result")  # the deliverable → outcome map lives in that rule file
    t = task_rule.templates if task_rule is not None else ctx.rule.templates
    if verb is not None and "Pass" in verb.morph.get("Voice") or (verb is not None and verb.i > 0 and not obj_after(verb)):
        obj = [tok for tok in analysis.doc[:verb.i] if not tok.is_space]  # «Лендинг опубликован»
    else:
        obj = object_tokens(analysis, verb)
    nouns = [tok for tok in obj if tok.pos_ in ("NOUN", "PROPN")]
    noun = (nouns[0] if lang == "ru" else nouns[-1]) if nouns else None
    when = time_suffix(analysis, lang, t)
    outcomes = t.get("outcomes", {}).get(lang, {})
    template = outcomes.get(noun.lemma_.lower()) if noun is not None else None
    if template is None and noun is not None:
        template = next((v for k, v in outcomes.items() if noun.lemma_.lower().endswith(k)), None)
    template = template or t.get("fallback", {}).get(lang) or (
        "Повысить [метрику результата] от {np_gen} с X до Y" if lang == "ru" else "Raise [outcome metric] of {np} from X to Y")
    if lang == "ru":
        values = {"np_gen_plur": np_in_case(obj, "gent", "plur") if obj else "[чего]",
                  "np_gen": np_in_case(obj, "gent") if obj else "[чего]",
                  "np": _join(obj) or "[что]"}
    else:
        values = {"np": _lower_first(obj, _join(obj)) if obj else "[what]"}
    return _suggest(f"{template.format(**values)} {when}")


# ---------------------------------------------------------------- rewriters

@rewriter("vague-verb")
def vague_verb(ctx: "Context", hit: "Hit") -> Suggestion | None:
    analysis = ctx.analysis
    assert analysis is not None
    verb = analysis.predicate
    if ctx.kind == "objective":
        obj = object_tokens(analysis, verb)
        template = ctx.rule.templates.get("objective", {}).get(analysis.lang)
        if not template:
            return None
        if hit.end is not None and verb is not None and hit.end > verb.idx + len(verb.text):
            obj = []  # «Сделать так, чтобы…»: there is no object to keep
        phrase = (np_in_case(obj, "accs") if analysis.lang == "ru" else _join(obj)) if obj else (
            "[что]" if analysis.lang == "ru" else "[what]")
        nouns = [t for t in obj if t.pos_ in ("NOUN", "PROPN")]
        which = agree_adjective("какой", nouns[0] if nouns else None, "ablt") if analysis.lang == "ru" else ""
        return _suggest(template.format(np=phrase, which=which))
    return metric_rewrite(ctx, analysis, verb)


@rewriter("task")
def task(ctx: "Context", hit: "Hit") -> Suggestion | None:
    analysis = ctx.analysis
    assert analysis is not None
    verb = analysis.predicate or next((t for t in analysis.doc if t.idx == hit.start), None)
    return outcome_rewrite(ctx, analysis, verb)


@rewriter("hedging")
def hedging(ctx: "Context", hit: "Hit") -> Suggestion | None:
    """Drop the hedge; if what is left is an activity, state its outcome instead."""
    analysis = ctx.analysis
    assert analysis is not None
    text = analysis.text
    rest = text[:hit.start] + text[hit.end or hit.start:]
    rest = re.sub(r"^\s*(?:to|бы)\b\s*", "", rest.strip(" ,"), flags=re.IGNORECASE)
    rest = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", rest)).strip(" ,")
    if not rest:
        return None
    again = analyze_text(sentence(rest), analysis.lang)
    from .engine import get_rule

    task_rule = get_rule("task-key-result")
    verb = again.predicate
    if ctx.kind == "key_result" and task_rule is not None and verb is not None and not again.has_measure:
        from .checks import has_outcome

        task_words = {w.lower() for w in task_rule.words(analysis.lang, "main")}
        if verb.lemma_.lower() in task_words and not has_outcome(ctx, again, skip=verb):
            from .engine import Context as _Context

            sub = _Context(task_rule, ctx.config, ctx.document, ctx.item, ctx.kind, again, ctx.analyses, ctx.objective)
            return outcome_rewrite(sub, again, verb)
    return _suggest(rest)


@rewriter("add-number")
def add_number(ctx: "Context", hit: "Hit") -> Suggestion | None:
    analysis = ctx.analysis
    assert analysis is not None
    verb = analysis.predicate
    lang = analysis.lang
    t = ctx.rule.templates
    direction = ctx.words("direction")
    if verb is not None and verb.lemma_.lower() in direction:
        obj = object_tokens(analysis, verb)
        when = time_suffix(analysis, lang, t)
        span = f"{analysis.text[:obj[-1].idx + len(obj[-1].text)]}" if obj else analysis.text[:verb.idx + len(verb.text)]
        rng = "с X до Y" if lang == "ru" else "from X to Y"
        return _suggest(f"{span} {rng} {when}")
    from .engine import get_rule

    vague = get_rule("vague-verb")
    if verb is not None and vague is not None and verb.lemma_.lower() in {w.lower() for w in vague.words(lang, "main")}:
        return metric_rewrite(ctx, analysis, verb)
    if verb is not None or any("Pass" in tok.morph.get("Voice") for tok in analysis.doc):
        return outcome_rewrite(ctx, analysis, verb or next(tok for tok in analysis.doc if "Pass" in tok.morph.get("Voice")))
    tail = t.get("tail", {}).get(lang, ", [метрика] — не ниже X" if lang == "ru" else ", with [metric] of at least X")
    return _suggest(analysis.text.rstrip(" .") + tail)


@rewriter("add-baseline")
def add_baseline(ctx: "Context", hit: "Hit") -> Suggestion | None:
    analysis = ctx.analysis
    assert analysis is not None
    note = ctx.rule.templates.get("note", {}).get(analysis.lang, " (сейчас: X)" if analysis.lang == "ru" else " (currently X)")
    end = hit.end if hit.end is not None else len(analysis.text)
    if analysis.text[end:end + 1] == "%" and "%" not in note:
        end += 1
    text = analysis.text
    if " " not in hit.text.strip():  # a multiplier verb, "Double the share…": the note goes at the end
        end = len(text.rstrip(" ."))
    if "%" in hit.text and re.match(r"(?:до|to)\b", hit.text.strip(), re.IGNORECASE):
        note = note.replace("X", "X%")  # «до 68%» is a level in %; «на 25%» changes a value in its own unit
    return _suggest(text[:end] + note + text[end:])


@rewriter("add-deadline")
def add_deadline(ctx: "Context", hit: "Hit") -> Suggestion | None:
    analysis = ctx.analysis
    assert analysis is not None
    when = ctx.rule.templates.get("deadline", {}).get(analysis.lang, "в этом квартале" if analysis.lang == "ru" else "this quarter")
    return _suggest(f"{analysis.text.rstrip(' .')} {when}")


@rewriter("kpi")
def kpi(ctx: "Context", hit: "Hit") -> Suggestion | None:
    analysis = ctx.analysis
    assert analysis is not None
    lang = analysis.lang
    t = ctx.rule.templates
    verbs = t.get("verbs", {}).get(lang, {})
    verb = analysis.predicate
    kpi_words = {w.lower() for w in ctx.rule.words(lang, "kpi_words")}
    tokens = [tok for tok in analysis.doc if tok.lower_ not in kpi_words and tok is not verb]
    tokens = [tok for tok in tokens if not (tok.pos_ == "VERB" and tok.i < 2)]
    when = time_suffix(analysis, lang, t)
    measures = [q for q in analysis.quantities if q.measure]
    rng_to = measures[0].text if measures else "Y"
    body = [tok for tok in tokens if not any(q.start <= tok.idx < q.end for q in analysis.quantities)
            and not any(x.start <= tok.idx < x.end for x in analysis.times)
            and tok.lower_ not in ("на", "уровне", "уровень", "не", "ниже", "выше", "at", "level", "of", "above", "below", "least")
            and tok.text not in (":", "—", "–", "-")]
    while body and (body[0].is_punct or body[0].pos_ in ("ADP", "CCONJ")):
        body.pop(0)
    while body and (body[-1].is_punct or body[-1].pos_ in ("ADP", "CCONJ")):
        body.pop()
    if lang == "ru":
        if measures and body and body[0].pos_ in ("NOUN", "PROPN") and "Gen" in body[0].morph.get("Case"):
            phrase = f"число {_join(body)}"  # «500 заявок в месяц» → «число заявок в месяц»
        else:
            phrase = np_in_case(body, "accs") if body else "[показатель]"
        return _suggest(f"{verbs.get('up', 'Увеличить')} {phrase} с X до {rng_to} {when}")
    phrase = _lower_first(body, _join(body)) if body else "[metric]"
    return _suggest(f"{verbs.get('up', 'Increase')} {phrase} from X to {rng_to} {when}")


@rewriter("objective-from-metric")
def objective_from_metric(ctx: "Context", hit: "Hit") -> Suggestion | None:
    """A qualitative objective; the metric moves into a key result."""
    analysis = ctx.analysis
    assert analysis is not None
    lang = analysis.lang
    obj = object_tokens(analysis, analysis.predicate)
    template = ctx.rule.templates.get("objective", {}).get(lang, "Сделать [наш продукт] любимым выбором для [кого]")
    kr = sentence(analysis.text)
    suggestion = _suggest(template.format(np=_join(obj)))
    return Suggestion(suggestion.text, suggestion.placeholders, (kr,))
