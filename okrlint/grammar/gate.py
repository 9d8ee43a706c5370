"""The grammar gate: a suggestion is offered only if it reads as a careful writer's sentence.

Russian suggestions are parsed with natasha (syntax) and pymorphy3 (every
reading of every word); English ones with lemminflect.  The gate checks what
rewrites have got wrong before: agreement of adjectives, participles and
numerals with their nouns; the case a preposition governs; a dangling
preposition or particle («от на», "of out", «к квартальной»); a doubled word;
a number of the original that disappeared; a subject with an infinitive
(«Каждый аналитик подготовить»).  ``problems`` names what is wrong; an empty
list lets the suggestion through.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from spacy.tokens import Token

from ..analysis import Analysis, analyze_text, on_clear
from ..analysis.tokens import doc_text, doc_tokens
from .numerals import disagreeing_nouns

_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\b[XYNM]\b")

# Cases each Russian preposition governs (pymorphy3 grammemes; gen2/loc2/acc2 are the second forms).
_GOVERNS: dict[str, frozenset[str]] = {}
for _preps, _cases in (
    ("в во", "accs acc2 loct loc2"),
    ("на", "accs acc2 loct loc2"),
    ("с со", "gent gen2 ablt accs"),
    ("от ото до из изо без безо для у около после среди вокруг против кроме вместо возле мимо ради из-за из-под "
     "вдоль внутри вне", "gent gen2"),
    ("к ко благодаря согласно навстречу вопреки", "datv"),
    ("по", "datv loct accs"),
    ("о об обо", "loct accs"),
    ("при", "loct"),
    ("за под подо", "accs ablt"),
    ("над надо перед передо", "ablt"),
    ("между", "ablt gent"),
    ("через сквозь про", "accs"),
):
    for _prep in _preps.split():
        _GOVERNS[_prep] = frozenset(_cases.split())

_EN_PREPOSITIONS = frozenset(
    "of to from by in on at for with into onto over under above below about across after before between "
    "during through per via within without".split())
_EN_PARTICLES = frozenset("out up off down away back".split())
_EN_PAIRS = {("up", "to"), ("out", "of"), ("because", "of"), ("instead", "of"), ("from", "about"), ("by", "up"),
             ("to", "up"), ("by", "about"), ("from", "over"), ("to", "over"), ("by", "over"), ("to", "under"),
             ("from", "under"), ("by", "under"), ("to", "about"), ("in", "under"), ("to", "within")}
_EN_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "half twice double triple".split())


def problems(text: str, original: str, lang: str, analysis: Analysis | None = None,
             moved: Sequence[str] = ()) -> list[str]:
    """What is wrong with ``text`` as a rewrite of ``original`` (empty: it may be offered)."""
    found = text_problems(text, original, lang, moved)
    if found == ["empty"]:
        return found
    analysis = analysis if analysis is not None and analysis.text == text else analyze_text(text, lang)
    return found + parsed_problems(analysis, original, lang)


def passes(text: str, original: str, lang: str, analysis: Analysis | None = None, moved: Sequence[str] = ()) -> bool:
    """``problems`` is empty; the verdict on the parse is kept with the analysis (the language server gates the
    same rewrites again on every edit)."""
    if text_problems(text, original, lang, moved):
        return False
    analysis = analysis if analysis is not None and analysis.text == text else analyze_text(text, lang)
    key = ("gate", original, lang)
    if key not in analysis.memo:
        analysis.memo[key] = not parsed_problems(analysis, original, lang)
    return bool(analysis.memo[key])


def text_problems(text: str, original: str, lang: str, moved: Sequence[str] = ()) -> list[str]:
    """What the text alone shows (no parse needed): the fix stage parses only the rewrites that pass these.

    Kept per text: the fix stage asks before the batch parse and again in ``passes``.
    """
    return list(_text_problems(text, original, lang, tuple(moved)))


@lru_cache(maxsize=4096)
def _text_problems(text: str, original: str, lang: str, moved: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    if not text.strip():
        return ("empty",)
    if re.search(r"[{}]", text):
        found.append("an unfilled template slot")
    lost = lost_numbers(original, " ".join([text, *moved]), lang)
    if lost:
        found.append(f"numbers of the original are gone: {', '.join(lost)}")
    for word in re.findall(r"\w+", text):
        if re.search(r"[A-Za-z]", word) and re.search(r"[А-Яа-яЁё]", word) and word not in original:
            found.append(f"«{word}»: Latin and Cyrillic letters glued together")
    if lang == "en" and re.search(r"[А-Яа-яЁё]", text):
        found.append("Russian words in an English sentence")
    found += _second_range(text, original)
    found += _doubled_from(text, original) + _reused_placeholders(text, original)
    for opening, closing in ("()", "«»", "[]"):
        if text.count(opening) != text.count(closing) and original.count(opening) == original.count(closing):
            found.append(f"unbalanced “{opening}{closing}”")
    return tuple(found)


on_clear(_text_problems.cache_clear)


def parsed_problems(analysis: Analysis, original: str, lang: str) -> list[str]:
    """What the parse of the rewrite shows: doubled words, agreement, government, dangling words."""
    found: list[str] = []
    words = _words(analysis)
    held = _placeholders(analysis)
    found += _doubled(words, held)
    if lang == "ru":
        found += _russian(analysis, words, original, held)
    else:
        found += _english(words, original, held)
    return found


def _in_compound(token: Token) -> bool:
    """A piece of a hyphenated word ("time-to-first-insight", «из-за»): not a word of its own."""
    tokens = doc_tokens(token.doc)
    before = tokens[token.i - 1] if token.i > 0 else None
    after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    return (after is not None and after.text == "-" and not token.whitespace_) or (
        before is not None and before.text == "-" and not before.whitespace_)


def _placeholders(analysis: Analysis) -> frozenset[int]:
    """Indices of the tokens that stand in a placeholder ("X", "[metric]"): computed once per text, as
    every check of every word asks."""
    spans = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(doc_text(analysis.doc))]
    if not spans:
        return frozenset()
    return frozenset(t.i for t in analysis.tokens if any(a <= t.idx < b for a, b in spans))


def _words(analysis: Analysis) -> list[Token]:
    """Tokens that are words, numbers or punctuation; a placeholder stands for any word (see ``_placeholders``)."""
    return [t for t in analysis.tokens if not t.is_space]


def _doubled(words: Sequence[Token], held: frozenset[int]) -> list[str]:
    return [f"doubled word «{b.text}»" for a, b in zip(words, words[1:])
            if a.is_alpha and a.lower_ == b.lower_ and a.idx + len(a.text) < b.idx and a.i not in held]


_RANGES = (re.compile(r"\bfrom\b[^,;]*?\bto\b", re.IGNORECASE), re.compile(r"(?:^|\s)(?:с|со)\s[^,;]*?\sдо\s", re.IGNORECASE))


def _second_range(text: str, original: str) -> list[str]:
    """"from nine to three from X to Y": a range asked for where the writer already gave one."""
    for pattern in _RANGES:
        if len(pattern.findall(text)) > max(1, len(pattern.findall(original))):
            return ["a second range where the writer already gave one"]
    return []


# "emails from clients from X to Y", «встречи с клиентами с X до Y»: a range's start right after a phrase with the
# same preposition reads as its continuation («встреч с клиентами в неделю с X до Y» has a rate between them).
_DOUBLED_FROM = (re.compile(r"\bfrom\s+(?:[^\W\d_][\w-]*\s+){1,2}from\s+[$€₽]?(?:\d|[XYNM]\b)", re.IGNORECASE),
                 re.compile(r"(?:^|\s)(?:с|со)\s+(?:[^\W\d_][\w-]*\s+){1,2}(?:с|со)\s+[$€₽]?(?:\d|[XYNM]\b)",
                            re.IGNORECASE))


def _doubled_from(text: str, original: str) -> list[str]:
    if any(p.search(text) and not p.search(original) for p in _DOUBLED_FROM):
        return ["a range's “from” right after another “from”"]
    return []


def _reused_placeholders(text: str, original: str) -> list[str]:
    """"Achieve X% of ARR (currently X%)": the writer's own placeholder must not stand for another value too."""
    reused = [letter for letter in "XYNM" if re.search(rf"\b{letter}\b", original)
              and len(re.findall(rf"\b{letter}\b", text)) > len(re.findall(rf"\b{letter}\b", original))]
    return [f"the writer's placeholder {letter} stands for a new value" for letter in reused]


# ---------------------------------------------------------------- numbers

_DIGITS = re.compile(r"\d+(?:[  ]\d{3})*(?:[.,]\d+)?")


def _numbers(text: str, lang: str) -> tuple[set[str], set[str]]:
    """Digits (normalised) and number words (lemmas) of a text."""
    digits = {re.sub(r"[  ]", "", m.group()).replace(",", ".") for m in _DIGITS.finditer(text)}
    words: set[str] = set()
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if lang == "ru":
            lemma = _russian_numeral(word)
            if lemma:
                words.add(lemma)
        elif word in _EN_NUMBER_WORDS:
            words.add(word)
    return digits, words


@lru_cache(maxsize=4096)
def _russian_numeral(word: str) -> str | None:
    if not re.fullmatch(r"[а-яё]+", word):
        return None
    from ..analysis.russian import parses

    for parse in parses(word):
        if "NUMR" in parse.tag and parse.score > 0.2:
            return parse.normal_form
    if word in ("вдвое", "втрое", "вчетверо", "половину", "половина", "пол"):
        return word
    return None


def lost_numbers(original: str, rewritten: str, lang: str) -> list[str]:
    """Numbers (in digits or words) the writer gave that the rewrite no longer has."""
    before_digits, before_words = _numbers(original, lang)
    after_digits, after_words = _numbers(rewritten, lang)
    return sorted(before_digits - after_digits) + sorted(before_words - after_words)


# ---------------------------------------------------------------- Russian

def _parses(word: str) -> tuple[Any, ...]:
    from ..analysis.russian import parses

    return parses(word.lower())


def _cyrillic(word: str) -> bool:
    return bool(re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", word))


def _genitive_chain(words: list[Token]) -> list[str]:
    """«N читателей статей блога компании»: three or more genitive noun phrases after a count do not read."""
    for i, t in enumerate(words):
        if t.text not in ("N", "M", "X"):
            continue
        nouns, chain = 0, []
        for w in words[i + 1:]:
            if w.like_num or w.text == "-" or _in_compound(w) or re.fullmatch(r"[A-Za-z][\w.]*", w.text):
                continue  # «10 вебинаров», «TikTok-канала»: part of the phrase
            if not _cyrillic(w.text):
                break
            readings = _parses(w.text)
            if any(r.tag.POS in ("PREP", "CONJ", "PRCL", "INFN", "VERB") for r in readings):
                break
            if any(r.tag.POS == "NOUN" and r.tag.case in ("gent", "gen2") for r in readings):
                nouns += 1
                chain.append(w.text)
            elif not any(r.tag.POS in ("ADJF", "PRTF") and r.tag.case == "gent" for r in readings):
                break
        if nouns >= 3:
            return [f"«{t.text} {' '.join(chain)}»: a chain of genitives after a count"]
    return []


def _russian(analysis: Analysis, words: list[Token], original: str, held: frozenset[int]) -> list[str]:
    found: list[str] = []
    for i, t in enumerate(words):
        low = t.lower_
        nxt = words[i + 1] if i + 1 < len(words) else None
        if t.i in held or _in_compound(t):
            continue
        if low in _GOVERNS and t.pos_ == "ADP":
            found += _preposition(t, nxt, words[i + 2] if i + 2 < len(words) else None, held)
        if low == "не" and (nxt is None or nxt.is_punct):
            found.append("dangling «не»")
        if nxt is not None and _cyrillic(t.text) and _cyrillic(nxt.text) and not _after_numeral(words, i) \
                and nxt.i not in held:
            found += _agreement(t, nxt)
    found += [f"«{analysis.text[a.start:a.end]}»: the noun does not agree with its number"
              for a in disagreeing_nouns(analysis.text, known_only=False)]
    found += _subject_infinitive(words)
    found += _subject_verb(analysis)
    found += _genitive_chain(words)
    found += _unknown_words(analysis.text, original)
    return found


def _after_numeral(words: Sequence[Token], i: int) -> bool:
    """«2 ключевых результата»: after a numeral an adjective and its noun differ in number by rule."""
    prev = words[i - 1] if i > 0 else None
    return prev is not None and (prev.like_num or any("NUMR" in p.tag for p in _parses(prev.text)) or
                                 bool(_PLACEHOLDER.fullmatch(prev.text)))


def _preposition(prep: Token, nxt: Token | None, after: Token | None, held: frozenset[int]) -> list[str]:
    if nxt is not None and nxt.i in held:
        return []
    if nxt is None or (nxt.is_punct and nxt.text not in "«\"(„'"):
        return [f"dangling preposition «{prep.text}»"]
    if nxt.is_punct:
        return []  # a quotation: «в „Яндекс Директ“»
    if nxt.lower_ in _GOVERNS and nxt.pos_ == "ADP":  # «от на»
        return [f"«{prep.text} {nxt.text}»: two prepositions in a row"]
    if nxt.like_num or not _cyrillic(nxt.text) or nxt.i in held:
        return []
    parses = _parses(nxt.text)
    if any(p.tag.POS in ("ADVB", "CONJ", "PRCL", "COMP", "INFN", "NPRO", "PRED", "INTJ") for p in parses) \
            and not any(p.tag.case for p in parses):
        return []
    allowed = _GOVERNS[prep.lower_]
    cases = {p.tag.case for p in parses if p.tag.case}
    if not cases or cases & allowed or any("Fixd" in p.tag for p in parses):
        if any(p.tag.POS in ("ADJF", "PRTF") for p in parses) and not any(p.tag.POS == "NOUN" for p in parses) and (
                after is None or after.is_punct):
            return [f"«{prep.text} {nxt.text}»: an adjective with no noun"]
        return []
    return [f"«{prep.text} {nxt.text}»: «{prep.text}» does not take this case"]


def _agreement(left: Token, right: Token) -> list[str]:
    """An adjective or participle right before its noun agrees with it in case, number and gender."""
    adjectives = [p for p in _parses(left.text) if p.tag.POS in ("ADJF", "PRTF") and p.score > 0.01]
    nouns = [p for p in _parses(right.text) if p.tag.POS == "NOUN"]
    if not adjectives or not nouns:
        return []
    if any(p.tag.POS not in ("ADJF", "PRTF") for p in _parses(left.text) if p.score > 0.2):
        return []  # the word may be something else here («все», «это», a noun)
    if any(p.tag.POS != "NOUN" for p in _parses(right.text) if p.score > 0.2):
        return []
    for a in adjectives:
        for n in nouns:
            if _agree(a.tag, n.tag):
                return []
    return [f"«{left.text} {right.text}»: the adjective does not agree with its noun"]


def _agree(adj: Any, noun: Any) -> bool:
    def case(c: str | None) -> str | None:
        return {"gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(c or "", c)

    if case(adj.case) != case(noun.case) and not (case(noun.case) == "accs" and case(adj.case) in ("nomn", "gent")):
        return False
    if adj.number != noun.number and not ("Pltm" in noun or "Sgtm" in noun):
        return False
    if adj.number == "sing" and noun.gender and adj.gender and adj.gender != noun.gender and "ms-f" not in noun:
        return False
    return True


def _subject_verb(analysis: Analysis) -> list[str]:
    """«Каждый менеджер проведёт», not «Каждый менеджер провести»."""
    found = []
    for t in analysis.tokens:
        if t.dep_ != "nsubj" or t.pos_ not in ("NOUN", "PROPN", "PRON") or "Nom" not in t.morph.get("Case"):
            continue
        verb = t.head
        if verb.pos_ != "VERB" or verb.i < t.i:
            continue
        if "Inf" in verb.morph.get("VerbForm") and not any(c.dep_ in ("aux", "cop") or c.pos_ == "AUX" for c in verb.children) \
                and not any(w.pos_ in ("VERB", "AUX") and "Fin" in w.morph.get("VerbForm") for w in analysis.doc[t.i + 1:verb.i]) \
                and not _modal_between(analysis, t, verb):
            found.append(f"«{t.text} … {verb.text}»: the subject needs a finite verb")
        elif verb.morph.get("Number") and t.morph.get("Number") and verb.morph.get("Number") != t.morph.get("Number") \
                and "Fin" in verb.morph.get("VerbForm"):
            found.append(f"«{t.text} … {verb.text}»: the verb does not agree with its subject")
    return found


_QUANTIFIERS = frozenset("каждый каждая каждое все любой любая любое я мы ты вы он она оно они".split())


def _subject_infinitive(words: Sequence[Token]) -> list[str]:
    """«Каждый аналитик подготовить 3 отчёта»: a sentence with a subject needs a finite verb, not an infinitive."""
    if not words:
        return []
    if words[0].lower_ not in _QUANTIFIERS:
        return _noun_subject_infinitive(words)
    for t in words[1:4]:
        if t.pos_ == "VERB" or any(p.tag.POS == "INFN" for p in _parses(t.text) if _cyrillic(t.text)):
            infinitive = "Inf" in t.morph.get("VerbForm") or any(p.tag.POS == "INFN" and p.score > 0.3
                                                                for p in _parses(t.text))
            return [f"«{words[0].text} … {t.text}»: the subject needs a finite verb"] if infinitive else []
    return []


def _noun_subject_infinitive(words: Sequence[Token]) -> list[str]:
    """«Команда увеличить выручку»: a sentence that opens with a noun in the nominative, then an infinitive."""
    first = words[0]
    if not _cyrillic(first.text) or not any(p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.score > 0.3
                                            for p in _parses(first.text)):
        return []
    for t in words[1:6]:
        if t.is_punct or t.text in ("—", "–", "-"):
            return []  # «Цель — увеличить выручку»
        readings = _parses(t.text) if _cyrillic(t.text) else ()
        if any(p.tag.POS in ("VERB", "PRTF", "PRTS", "GRND") and p.score > 0.3 for p in readings):
            return []
        if readings and readings[0].tag.POS == "INFN":
            return [f"«{first.text} … {t.text}»: the subject needs a finite verb"]
    return []


def _modal_between(analysis: Analysis, subject: Token, verb: Token) -> bool:
    return any(w.lemma_.lower() in ("должен", "должный", "мочь", "хотеть", "нужно", "надо", "может")
               for w in analysis.doc[subject.i + 1:verb.i])


def _unknown_words(text: str, original: str) -> list[str]:
    """A Cyrillic word that is neither in the original nor a form the dictionary knows (a bad inflection)."""
    from ..analysis.russian import morph, parses

    originals = {w.lower() for w in re.findall(r"[А-Яа-яЁё]+", original)}
    lemmas: set[str] | None = None  # the original's lemmas, parsed only when a word is unknown
    out = []
    for word in re.findall(r"[А-Яа-яЁё]+", text):
        low = word.lower()
        if low in originals or morph().word_is_known(low):
            continue
        if lemmas is None:
            lemmas = {p.normal_form for w in originals for p in parses(w)}
        if {p.normal_form for p in parses(low)} & lemmas:
            continue
        out.append(f"«{word}» is not a known word form")
    return out


# ---------------------------------------------------------------- English

_TIME_NOUNS = frozenset("week month day sprint quarter year morning time release cycle".split())


def _english(words: list[Token], original: str, held: frozenset[int]) -> list[str]:
    found: list[str] = []
    known = {w.lower() for w in re.findall(r"[A-Za-z]+", original)}
    for t in words:
        if t.is_alpha and t.is_lower and len(t.text) > 3 and t.lower_ not in known and t.i not in held \
                and not _english_word(t.lower_):
            found.append(f"“{t.text}”: two words glued together")
    for i, t in enumerate(words):
        low = t.lower_
        nxt = words[i + 1] if i + 1 < len(words) else None
        if t.i in held or (nxt is not None and nxt.i in held) or _in_compound(t):
            continue
        if low in _EN_PREPOSITIONS:
            if nxt is None or (nxt.is_punct and nxt.text not in "\"“'(‘$€£"):
                found.append(f"dangling preposition “{t.text}”")
            elif (nxt.lower_ in _EN_PREPOSITIONS or nxt.lower_ in _EN_PARTICLES) and (low, nxt.lower_) not in _EN_PAIRS \
                    and not (nxt.lower_ == "at" and i + 2 < len(words) and words[i + 2].lower_ in ("least", "most")):
                found.append(f"“{t.text} {nxt.text}”: a preposition followed by another")
        if low in ("each", "every") and nxt is not None and i + 2 < len(words):
            verb = words[i + 2]
            if verb.is_alpha and nxt.lower_ not in _TIME_NOUNS and _base_verb_only(verb.lower_) \
                    and not verb.lower_.endswith("s"):
                found.append(f"“{t.text} {nxt.text} {verb.text}”: the verb does not agree with its subject")
        if low in ("a", "an") and nxt is not None and nxt.is_alpha and _plural_only(nxt.lower_):
            found.append(f"“{t.text} {nxt.text}”: an article with a plural noun")
    return found


@lru_cache(maxsize=4096)
def _base_verb_only(word: str) -> bool:
    from ..analysis.english import word_options as getAllLemmas  # cached

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and lemmas["VERB"][0] == word and "ADJ" not in lemmas


@lru_cache(maxsize=4096)
def _english_word(word: str) -> bool:
    from ..analysis.english import word_options as getAllLemmas  # cached

    if getAllLemmas(word) or word in _EN_PREPOSITIONS or word in _EN_PARTICLES:
        return True
    # An unknown word is suspect only when it is two known words glued together ("resolutiontime").
    return not any(getAllLemmas(word[:i]) and getAllLemmas(word[i:]) for i in range(3, len(word) - 2))


@lru_cache(maxsize=4096)
def _plural_only(word: str) -> bool:
    from ..analysis.english import word_options as getAllLemmas  # cached

    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas and lemmas["NOUN"][0] != word and set(lemmas) == {"NOUN"}
