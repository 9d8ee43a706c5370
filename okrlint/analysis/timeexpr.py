"""Time expressions: deadlines and horizons.

A ``bound`` is anything that timeboxes an item within a quarter («до конца
квартала», «к 1 июля», "by March 31", "Q3", "this quarter").  A ``long``
horizon is longer than a quarter («за год», «за полгода», «за два
квартала», "H1", "by end of year").  Russian uses natasha's
``DatesExtractor`` for calendar dates and a yargy grammar for periods (so
every inflection of «квартал», «полугодие», «месяц» matches by lemma);
English uses regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from .russian import morph, parses
from .scan import guarded


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: Literal["bound", "long"]


# --- English ---------------------------------------------------------------
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_NUMWORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_LONG_MONTHS = r"(?:four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|[4-9]|1\d|2\d)"
def _alternatives(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


_IN = r"(?:in|within|over|during|across)\s+(?:the\s+)?(?:next\s+)?"
_EN_LONG = _alternatives(
    r"(?:by|before|until|till)\s+(?:the\s+)?end[\s-]+(?:of[\s-]+)?(?:the\s+|this\s+)?(?:year|fy\d*|20\d\d)",  # "by end 2025"
    r"eoy|this\s+year|next\s+year|in\s+20\d\d|annual(?:ly)?\s+(?:goals?|targets?|objectives?|okrs?|plan)|yearly\s+(?:goals?|targets?)",
    r"h[12](?:\s+20\d\d)?|(?:first|second)\s+half(?:\s+of\s+(?:the\s+)?(?:year|20\d\d))?",
    _IN + r"(?:a|one|1|two|2|three|3|four|4|five|5)\s+years?",
    r"(?:over|across|throughout|for|during)\s+(?:the\s+)?(?:full\s+year|20\d\d(?!\s+(?:levels?|baseline|numbers|figures|"
    r"results|actuals)))|year[\s-]round",  # "over 2026" (but "20% over 2025 levels" compares)
    r"(?:by|before|until|in)\s+(?:the\s+)?mid[\s-]?20\d\d",  # "by mid-2027"
    _IN + _LONG_MONTHS + r"\s+months?",
    r"(?:by|before|until|till|at)\s+(?:the\s+)?year[\s-]?end|year[\s-]end|(?:by|before|until|in|during|for)\s+(?:the\s+)?(?:fy\s?'?\d{2,4}|20\d\d)",
    r"(?<!q[1-4]\s)fy\s?'?\d{2}(?:\d{2})?(?![\d-])",
    r"in\s+(?:the\s+|our\s+)?first\s+(?:full\s+)?year|throughout\s+(?:the\s+)?year|all\s+year(?:\s+long|\s+round)?|over\s+the\s+(?:coming\s+)?year",
    r"this\s+(?:fiscal|calendar|financial)\s+year|next\s+(?:fiscal|calendar|financial)\s+year",
    r"(?:in|within|over|during|across|for)\s+(?:the\s+)?(?:next\s+)?(?:two|three|four|2|3|4)\s+(?:consecutive\s+|straight\s+)?quarters",
    _IN + r"(?:half\s+a\s+year|year)",
    r"by\s+\d+(?:[.,]\d+)?\s?%\s+(?:annually|per\s+year|a\s+year|each\s+year|every\s+year)",  # "grow by 20% annually"
    r"q[1-4]\s?(?:[-–—]|through)\s?q[1-4]",  # "[Q3-Q4]": two quarters or more ("from Q2 to Q3" compares)
)
# Comparisons, not horizons: "year over year", «год к году».
_COMPARISON = re.compile(r"year[\s-]+over[\s-]+year|год\s+к\s+году|yoy"
                         # a past event's year: "the 5 accounts we lost to competitors in 2026" is no horizon
                         r"|\b(?:lost|won|left|churned|signed|closed|ended|had|was|were|did)\s+(?:[^\W\d_]+\s+){0,4}?in\s+20\d\d"
                         r"|\bв\s+20\d\d\s*(?:году|г\.)\s+(?:было|был|была|были)\b",  # «(в 2025 году было 5)»: a start
                         re.IGNORECASE)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_EN_BOUND = _alternatives(
    r"(?:by|before|until|till|in|during|for|within|through|over|at)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?"
    rf"(?:q[1-4](?:\s*(?:'|fy)?\s*\d{{2,4}})?|(?:this|next|current)\s+quarter|quarter|(?:this|next)\s+month|month|sprint\s*\d*|week\s+\d+"
    rf"|{_MONTH}\.?\s+{_DAY}(?:,?\s+20\d\d)?|{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s+20\d\d)?|{_MONTH}(?:\s+20\d\d)?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)",
    r"q[1-4](?:\s*(?:'|fy)?\s*\d{2,4})?|(?:this|next|each|per)\s+quarter|quarterly|eoq|end\s+of\s+(?:the\s+)?quarter",
    _IN + r"(?:\d|one|two|three)\s+(?:months?|weeks?|days?|sprints?)",
    r"\d{4}-\d{2}-\d{2}",
)

# --- Russian ---------------------------------------------------------------
_RU_IN = r"(?:за|в\s+течени[еи]|на\s+протяжении)\s+(?:(?:всего|одного|целого|следующего|ближайшего|этого|текущего|следующие|ближайшие)\s+)?"
_RU_LONG = _alternatives(
    _RU_IN + r"(?:год\w*|полгода|полугоди\w*|(?:два|две|три|четыре|2|3|4)\s+квартал\w*)",
    _RU_IN + r"(?:[4-9]|1\d|2\d|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|девят\w+|десят\w+|двенадцат\w+)\s+месяц\w*",
    _RU_IN + r"(?:(?:ближайш|следующ|последующ)\w+\s+)?(?:1|2|3|два|двух|трёх|трех|пяти|полтора|полутора|1,5)\s+(?:год\w*|лет)",
    r"(?:к|до)\s+20\d\d(?:\s*(?:году|года|г\.?))?(?![\d./-])",
    r"(?:в|за)\s+(?:перв\w+|втор\w+)\s+(?:год|полгода)\b(?!\s+(?:жизни|службы|обучения|уч[её]бы))|в\s+течение\s+(?:всего\s+)?года|(?:весь|целый)\s+год",
    r"(?:в|на)\s+(?:этом|текущем|следующем|будущем)\s+году|в\s+течение\s+полугода|по\s+итогам\s+(?:года|полугодия)",
    _RU_IN + r"(?:три|четыре|пять|3|4|5)\s+(?:год\w*|лет)",
    r"(?:к|до)\s+(?:концу|конца)\s+(?:(?:этого|текущего|следующего)\s+)?(?:года|полугодия|20\d\d\s*(?:года|г\.?)?)",
    r"(?:в|во|на|за)\s+(?:первом|втором|первое|второе|1|2|I|II)(?:-?м|-?е)?\s+полугоди\w*|H[12](?:\s+20\d\d)?",
    r"(?:годов\w+|ежегодн\w+)\s+(?:цел\w*|план\w*|okr)",
    r"(?:в|на|за|в\s+течение|на\s+протяжении)\s+20\d\d\s+год\w*",
    r"по\s+итогам\s+20\d\d\s*(?:года|г\.)",  # «по итогам 2027 года»
    r"(?:в|за)\s+20\d\d(?=\s*(?:[.,;:!?)]|$))",  # «Стать продуктивнее в 2026»: a year closing the phrase
)
_RU_ORD = r"(?:(?:один|одного|одну|этого|текущего|следующего|этом|текущем|следующем|этот|текущий|[1-4]|I{1,3}|IV|перв\w+|втор\w+|трет\w+|четв[её]рт\w+)(?:-?(?:го|й|м))?\s+)?"
_RU_BOUND = _alternatives(
    r"(?:к|до|на|в|за|по\s+итогам|в\s+течение)\s+(?:(?:концу|конца|конце|итогам)\s+)?" + _RU_ORD
    + r"(?:квартал\w*|кв\.?|месяц\w*|недел\w*|спринт\w*|Q[1-4])",
    r"(?:за|в\s+течение)\s+(?:\d|один|одного|два|двух|три|трех|трёх)\s+(?:месяц\w*|недел\w*|дн\w*|спринт\w*)",
    # «до конца февраля», «к середине марта», «в январе»: a month of this quarter
    r"(?:к|до|в|на)\s+(?:(?:концу|конца|конце|середин\w+|начал\w+)\s+)?(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|"
    r"ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?!\w)",
    r"Q[1-4](?:\s*20\d\d)?|(?:I{1,3}|IV|[1-4])(?:-?й)?\s*(?:кв\.?|квартал\w*)(?:\s*20\d\d)?|ежеквартальн\w*",
)


_RATE = re.compile(r"(?:в|за)\s+(?:месяц|неделю|день|сутки)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _dates_extractor() -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import DatesExtractor

        return DatesExtractor(_CachedMorph())


class _CachedMorph:
    """pymorphy3 as natasha's grammar reads it (``parse``, ``TagClass``), with each word's parses cached as
    natasha's own ``MorphVocab`` caches them: the grammar parses every word of every text it runs over."""

    def __init__(self) -> None:
        self.TagClass = morph().TagClass

    def parse(self, word: str) -> list[Any]:
        return list(parses(word))


# natasha's dates grammar only finds a day or a month next to a number («1 июля», «в мае 2026»,
# «01.07.2026»): without a digit and a month word or a dotted date there is nothing for it to find,
# and it costs as much as the tagger on the items it runs over.
_MONTH_WORD = re.compile(r"январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр", re.IGNORECASE)
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2}")


def may_hold_date(text: str) -> bool:
    """Whether the dates grammar can find a calendar date (with a day or a month) in ``text``."""
    return bool(_DOTTED_DATE.search(text) or (_MONTH_WORD.search(text) and re.search(r"\d", text)))


# The patterns behind a lookahead for their first characters (see ``scan.py``): the same matches, found faster.
_SCANS = {"ru": (guarded(_RU_LONG), guarded(_RU_BOUND)), "en": (guarded(_EN_LONG), guarded(_EN_BOUND))}


_EN_MONTH_INDEX = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RU_MONTH_INDEX = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
# "from February - December", "between March and October", «с февраля по ноябрь»: a run of months.
_MONTH_RUN = re.compile(rf"(?<!\w)(?:from|between)\s+(?P<a>{_MONTH})\.?\s*(?:[-–—]|to|through|until|till|and)\s*(?P<b>{_MONTH})(?!\w)"
                        rf"|(?<!\w)с\s+(?P<c>{_MONTH_WORD.pattern})\w*\s+(?:по|до)\s+(?P<d>{_MONTH_WORD.pattern})\w*",
                        re.IGNORECASE)


def _month_runs(text: str) -> list[TimeExpr]:
    """Runs of four months or more ("One painting a week from February - December"): longer than a quarter."""
    runs = []
    for m in _MONTH_RUN.finditer(text):
        names, index = ((m.group("a"), m.group("b")), _EN_MONTH_INDEX) if m.group("a") else ((m.group("c"), m.group("d")),
                                                                                            _RU_MONTH_INDEX)
        first, last = (next(i for i, key in enumerate(index) if n.lower().startswith(key)) for n in names)
        if (last - first) % 12 + 1 >= 4:
            runs.append(TimeExpr(m.start(), m.end(), m.group(), "long"))
    return runs


def find_times(text: str, lang: str) -> list[TimeExpr]:
    found: list[TimeExpr] = _month_runs(text) if re.search(r"\b(?:from|between|с)\s", text, re.IGNORECASE) else []
    long_re, bound_re = _SCANS["ru" if lang == "ru" else "en"]
    comparisons = [(c.start(), c.end()) for c in _COMPARISON.finditer(text)]
    for m in long_re.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in comparisons):
            continue
        found.append(TimeExpr(m.start(), m.end(), m.group(), "long"))
    for m in bound_re.finditer(text):
        if _RATE.fullmatch(m.group()):
            continue  # «в месяц», «в неделю»: a rate, not a deadline
        if not any(t.start <= m.start() < t.end for t in found):
            found.append(TimeExpr(m.start(), m.end(), m.group(), "bound"))
    if lang == "ru" and may_hold_date(text):
        for match in _dates_extractor()(text):
            fact = match.fact
            if fact.month is None and fact.day is None:
                continue  # a bare year is not a deadline
            if not any(t.start <= match.start < t.end for t in found):
                found.append(TimeExpr(match.start, match.stop, text[match.start:match.stop], "bound"))
    return sorted(found, key=lambda t: t.start)
