"""Numeral agreement: «2 ключевых результата», «5 целей», "1 key result".

Used by rule messages (counts of key results and objectives) and by the safe
fix that repairs a Russian noun after a number («5 вебинара» → «5 вебинаров»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    "ru": {"key_result": ["ключевой", "результат"], "objective": ["цель"]},
    "en": {"key_result": ["key", "result"], "objective": ["objective"]},
}

# A cardinal written in digits, not a year, a version or part of a decimal; then a Russian word.
_NUMBER_NOUN = re.compile(r"(?<![\d.,/\w-])(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)(?![\d.,%/\w])([ \u00a0]+)([а-яё]+)\b(?![-‐][а-яё])",  # not «мастер-классов»: a compound
                          re.IGNORECASE)
_PREPOSITIONS = frozenset("в во на с со до от к ко по о об при из за под над для без у через про около после среди".split())


def count_phrase(count: int, lang: str, what: str) -> str:
    """«2 ключевых результата», «6 целей», "1 key result" — the noun agreeing with the number."""
    words = list(_WORDS["ru" if lang == "ru" else "en"][what])
    if lang != "ru":
        if count != 1:  # "results", "objectives": regular plurals, no need to load lemminflect's table
            words[-1] += "s"
        return f"{count} {' '.join(words)}"
    noun = _nominative(words[-1])
    return f"{count} {' '.join([*(_adjective_after(w, noun, count) for w in words[:-1]), _noun_after(noun, count)])}"


def _nominative(word: str) -> object:
    from ..analysis.russian import parses

    return next((p for p in parses(word) if p.tag.case == "nomn"), parses(word)[0])


def _noun_after(noun: object, count: int) -> str:
    form = noun.make_agree_with_number(count)  # type: ignore[attr-defined]
    return form.word if form is not None else noun.word  # type: ignore[attr-defined]


def _adjective_after(adjective: str, noun: object, count: int) -> str:
    """«2 ключевых результата» but «2 новые цели»: after 2–4 a masculine or neuter noun takes a genitive adjective."""
    base = _nominative(adjective)
    last, tens = count % 10, count % 100
    if last == 1 and tens != 11:
        grams = {"sing", "nomn", noun.tag.gender or "masc"}  # type: ignore[attr-defined]
    elif 2 <= last <= 4 and not 12 <= tens <= 14:
        grams = {"plur", "nomn" if noun.tag.gender == "femn" else "gent"}  # type: ignore[attr-defined]
    else:
        grams = {"plur", "gent"}
    form = base.inflect(grams)  # type: ignore[attr-defined]
    return form.word if form is not None else adjective




@dataclass(frozen=True)
class Agreement:
    """A noun after a number that does not agree with it: replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


def disagreeing_nouns(text: str, known_only: bool = True) -> list[Agreement]:
    """Russian nouns right after a digit number in a form no reading of the phrase allows.

    Precision first: only a number in the nominative/accusative slot (no
    preposition before it), only nouns pymorphy3 knows (``known_only``; the gate also
    judges predicted words, without their indeclinable guesses), and only when *no*
    reading of the word agrees — «5 вебинара» is fixed, «5 раз», «3 часа»,
    «в 2 раза» are left alone.
    """
    from ..analysis.russian import parses

    out: list[Agreement] = []
    for match in _NUMBER_NOUN.finditer(text):
        digits, word = match.group(1), match.group(3)
        count = int(re.sub(r"\D", "", digits))
        if 1900 <= count <= 2100 and len(digits) == 4:
            continue  # a year
        before = text[:match.start()].split()
        if before and before[-1].lower().strip("«(\"") in _PREPOSITIONS:
            continue
        readings = [p for p in parses(word.lower()) if known_only or p.is_known or "Fixd" not in p.tag]
        nouns = [p for p in readings if "NOUN" in p.tag and (p.is_known or not known_only)]
        if any("ADJF" in p.tag or "PRTF" in p.tag for p in readings):
            continue  # «4 новые книги»: an adjective before a feminine noun takes either case; the writer's stays
        if not nouns or any(_agrees(p, count) for p in readings):
            continue
        if not known_only:
            out.append(Agreement(match.start(3), match.end(3), word))
            continue
        lemmas = {p.normal_form for p in nouns}
        if len(lemmas) != 1:
            continue  # the word could be two different nouns: do not guess
        agreed = nouns[0].normal_form
        form = parses(agreed)[0].make_agree_with_number(count)
        if form is None or form.word == word.lower():
            continue
        replacement = form.word if not word[:1].isupper() else form.word[:1].upper() + form.word[1:]
        out.append(Agreement(match.start(3), match.end(3), replacement))
    return out


def _agrees(parse: object, count: int) -> bool:
    """Whether this reading of a word can follow ``count``: the nominative agreement or any plural oblique case."""
    tag = parse.tag  # type: ignore[attr-defined]
    if "NOUN" not in tag and "ADJF" not in tag and "PRTF" not in tag:
        return True  # not a noun phrase word («5 раз» is a noun, «5 лучших» an adjective): nothing to say
    if tag.number == "plur" and tag.case in ("gent", "datv", "ablt", "loct"):
        return True
    form = parse.make_agree_with_number(count)  # type: ignore[attr-defined]
    if form is not None and form.word == parse.word:  # type: ignore[attr-defined]
        return True
    last = count % 10 if count % 100 not in (11, 12, 13, 14) else 0
    return last == 1 and tag.number == "sing" and tag.case != "nomn"  # «к 21 марту»: a singular oblique
