"""Numbers in OKR text, told apart by role: targets versus identifiers and dates.

«Q3», «V2», «2.0», «D7», «H1», a year, «31 марта», «25–40 лет» are numbers
that measure nothing; «10 000», «2,8%», «вдвое», «топ-3», double, zero, 50+
are measures.  Baselines («с 65% до 45%», «(сейчас 5)», "from 3% to 7%")
are recognised here too, because several rules need them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scan import guarded

# A number: 10 000 / 10,000 / 2,8 / 1.5 / 50k / 1,2 млн; optional currency and suffixes.
_NUM = r"(?<![\d.,])\d+(?:[ \u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)*"
_NUMBER = re.compile(
    rf"(?:(?P<cur>[$€₽£])\s?)?(?P<num>{_NUM})"
    r"(?P<suffix>\s?(?:%|‰|k\b|K\b|m\b|M\b|x\b|х\b|\+|[KMGTP]B\b|[КМГТ]Б\b|ms\b|мс\b|bn\b|тыс\.?|млн\.?|млрд\.?|руб\.?|₽|\$|€|pp\b|п\.п\.))?",
)
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
    r"|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*"
)
_DATE_AFTER = re.compile(rf"^\s?(?:{_MONTHS})\b", re.IGNORECASE)
# Whole month names ("(last January: 410)", «(в январе: 9)»), not a word that starts like one ("(marketing: 40%)").
_MONTH_NAMES = (r"(?:январ[ьяею]|феврал[ьяею]|март[ае]?|апрел[ьяею]|ма[йяе]|июн[ьяею]|июл[ьяею]|август[ае]?|сентябр[ьяею]|"
                r"октябр[ьяею]|ноябр[ьяею]|декабр[ьяею]|january|february|march|april|may|june|july|august|september|"
                r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
_DATE_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?)\s$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_SHORT_DATE = re.compile(r"\b(?:до|к|по|со?|from|by|until|till|due|before)\s+((?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2]))"
                         r"(?![\d%]|[.,]\d|\s*(?:%|₽|\$|€|сек|мин|ч\b|час|дн|руб|тыс|млн|ms\b|s\b|sec|min|h\b|hours?|days?|p\.?p))",
                         re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"^[\s-]?(?:-?й\s)?(?:квартал\w*|кв\b\.?|полугоди\w*|quarter|q\b|half)", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s?(?:[–—-]\s?\d+\s?)?(?:лет|года?\b|years?\s+old|y/?o\b)", re.IGNORECASE)
# A unit of time right after a number («28 дней», "2 hours"): shared with the rewriters.
TIME_UNIT_AFTER = re.compile(
    r"^\s?(?:дн\w*|день|недел\w*|месяц\w*|мес\b\.?|час\w*|мин\w*|сек\w*|days?\b|weeks?\b|months?\b|hours?\b"
    r"|minutes?\b|seconds?\b|mins?\b|secs?\b|hrs?\b|ms\b|мс\b|s\b|с\b|h\b|ч\b)",
    re.IGNORECASE,
)
_IN_PHRASE = re.compile(r"\b(?:in|across|among|from|of|within|at|to|with|в|среди|по|из|у|на)\s+(?:(?:the|our|their|its|all|наш\w*|все\w*)\s+)?$",
                        re.IGNORECASE)
# "Войти в топ-3", "break into the top 10": the rank is the target, not a scope.
_ENTER_RANK = re.compile(r"\b(?:войти|войд[её]м|выйти|выйд[её]м|попасть|попад[её]м|подняться|вернуться|enter|break\s+into|"
                         r"get\s+into|make\s+it\s+into|(?:занять|займ[её][мт]|займут)\s+место|finish|rank|place)\s+(?:(?:в|во|into|in)\s+)?(?:the\s+)?$", re.IGNORECASE)
_RANK = re.compile(r"\b(?:топ|top)[\s-]?\d+\b|[#№]\s?\d+\b", re.IGNORECASE)
_DESIGNATOR_BEFORE = re.compile(r"(?:^|\s)(?:корпус\w*|секци\w*|здани\w*|строени\w*|терминал\w*|цех\w*|гейт\w*|перрон\w*|этаж\w*|floors?|levels?|"
                                r"станци\w*|отделени\w*|лини[ияюей]\w*|котельн\w*|палат[аеуыой]\w*|buildings?|terminals?|gates?|wings?|hangars?|stations?|"
                                r"workstations?|docks?|bays?|lines?|wards?|units?)"
                                r"\s?(?:\d+\s?(?:[–—-]|,|\s(?:and|и))\s?)*$", re.IGNORECASE)
# A unit written against its number: "67kg", "5km", «10км», «3шт» measure something (unlike 3D, 5G, 2FA);
# units of time are TIME_UNIT_AFTER's.
_GLUED_UNIT = re.compile(r"(?:kg|km|cm|mm|ml|mg|kwh|kw|mw|mph|kph|lbs?|кг|км|см|мм|мл|мг|квт|шт)(?![^\W\d_])", re.IGNORECASE)
_ISSUE_BEFORE = re.compile(r"\b(?:issues?|pr|prs|pull\s+requests?|tickets?|bugs?|story|stories|epics?|tasks?)\s*$", re.IGNORECASE)
_NUMBER_WORDS = re.compile(
    r"\b(?:дважды|трижды|четырежды|полтора|полторы|полутора|вдвое|втрое|вчетверо|впятеро|вдесятеро|удво\w+|утро\w+|вдвое|половин\w*|трет[ьи]\w*|четверт\w*"
    r"|нол[ьяюеё]\w*|нул[ьяюеё]\w*|(?:в\s+)?(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+раз\w*"
    r"|двое|трое|четверо|пятеро|шестеро|семеро|десятеро|двоих|троих|четверых|пятерых"  # collective: «трое экскурсоводов»
    r"|ни\s+одн(?:а|о|ой|ого)|один|одн(?:ого|ой|у|им)|два|двух|две|три|трех|трёх|четыре|четырех|четырёх|пять|пяти|шесть|шести|семь|семи"
    r"|двумя|двум|тремя|трём|трем|четырьмя|четырём|четырем|пятью|шестью|восемью|девятью|десятью"  # not «семью» (a family)
    r"|восемь|восьми|девять|девяти|десять|десяти|двадцать|тридцать|сорок|пятьдесят|сто|сотн\w*|тысяч\w*|миллион\w*"
    r"|double[sd]?|doubling|triple[sd]?|tripling|half|halve[sd]?|halving|zero|twice|thrice"
    r"|once(?=\s+(?:a|an|per|every|each)\s+(?:day|week|fortnight|month|quarter|sprint|year)\b)"  # a frequency, not "once it ships"
    r"|(?<=\ba\s)third|(?<=\ba\s)quarter(?!\s+of\s+the\s+year)"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS_SCAN = guarded(_NUMBER_WORDS)


# Sayings that contain a number word but measure nothing.
_IDIOMS = re.compile(
    r"\b(?:one of|one-stop|one place|на\s+одн\w+|с\s+одн\w+|per one|единственн\w*|в одном месте|one team|one source|один источник|одно окно|first|перв\w+)\b",
    re.IGNORECASE,
)
# "a second one", "the right one", "this one": "one" standing for a noun, not a number.
_ONE_PRONOUN_BEFORE = re.compile(r"\b(?:(?:an?|the)\s+(?:second|third|next|last|new|other|right|same|only|single|better|"
                                 r"bigger|further|additional)|another|this|that|which|every|no|any)\s+$", re.IGNORECASE)
# A number in words, for a past value («было девять», "was nine").
_WORD_NUMBER = (r"(?:одн\w+|один|дв\w+|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восем\w+|девят\w+|десят\w+|"
                r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty)\b")
# The period before this one, named next to a past value.
_PAST = (r"(?:(?:в\s+)?(?:прошл\w+|предыдущ\w+)\s+(?:квартал\w*|год\w*|месяц\w*|период\w*|полугоди\w*|сезон\w*|раз)"
         r"|(?:last|previous|prior)\s+(?:quarter|year|month|period|half|time|season))\b")
# A digit, or a placeholder left by a suggested rewrite (X, Y, N, M).
_D = r"(?:\d|\b[XYNM]\b)"
# What a baseline looks like, one alternative each; an alternative is tried only on a text holding one of its
# words (a past-period phrase, an arrow, "was"), as ``has_baseline`` asks of every item and rewrite.
_BASELINE_PARTS: tuple[tuple[str | None, str], ...] = (
    (None, rf"\b(?:с|со)\s+(?:текущ\w+\s+|нынешн\w+\s+)?[~≈]?[$€₽]?\s?{_D}"
           rf"(?![\d\s.,]*\+?\s+(?:[а-яё-]+\s+)?[а-яё-]+(?:ыми|ими|ами|ями)\b)"),  # not «с 3 платёжными системами»
    ("(", rf"\(\s*(?:с\s+текущ\w*|сейчас|текущ\w*|было|base(?:line)?|now|currently|current|today|vs\.?)[^)]*{_D}"),
    (None, rf"\b(?:сейчас|было(?!\s+бы\b)|базов\w+|исходн\w+)\b[^.;]*{_D}"),
    # «текущее значение 45%», not «текущими клиентами: 18%» (current customers: a noun phrase, no value)
    (None, rf"\b(?:текущ\w+|нынешн\w+)\b(?!\s+[а-яё-]+(?:ами|ями|ам|ям)\b)[^.;]*{_D}"),
    ("from", r"\bfrom\s+(?:(?:about|around|roughly|nearly|almost)\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
             r"twelve|twenty|thirty|fifty|half|a\s+(?:third|quarter|fifth|half)|two\s+thirds|three\s+quarters)\s+(?:\w+\s+){0,4}to\b"),
    # a past period's value in brackets: "(Q4: 38)", "(last winter: 850)", «(в 4 кв.: 12)», «(в 1 кв. — 3)»
    ("(", r"\(\s*(?:[^\W\d_]+\s+){0,2}?(?:[1-4]\s?)?(?:q[1-4]|h[12]|20\d\d|winter|summer|spring|autumn|fall|year|quarter|month|"
          rf"зим\w*|лет\w*|весн\w*|осен\w*|квартал\w*|кв\.?|год\w*|месяц\w*|{_MONTH_NAMES})(?:\s+20\d\d)?"
          r"(?:\s+(?:survey|audit|count|census|avg|average|mean|run-rate|опрос\w*|замер\w*|аудит\w*|в\s+среднем|среднее))?"
          r"\s*(?:[:=]|\s[—–-])\s*"  # "(Nov survey: 41)", "(Q4 avg: 26)"
          r"[~≈]?[$€₽£]?\d"),
    (None, r"\b(?:с|со)\s+(?:одного|двух|трёх|трех|четырёх|четырех|пяти|шести|семи|восьми|девяти|десяти|полутора|"
           r"двадцати|тридцати|сорока|пятидесяти|ста|половины|трети|четверти)\s+(?:\w+\s+)?до\b"),  # «с полутора часов до 40 минут»
    # "from 40 to 60", "from the current 12"; not a date ("items from the Mar 3 outage review", "from the 2026 pen test")
    ("from", rf"\bfrom\s+(?!(?:the\s+)?(?:{_MONTHS})\.?\s+\d|the\s+(?:19|20)\d\d\s+(?!to\b)[^\W\d_])(?:[\w.]+\s+){{0,2}}?[~≈]?[$€£]?{_D}"),
    (None, r"\b(?:currently|today|baseline|base line|now at|up from|down from|compared\s+(?:to|with)|relative\s+to)\b"),
    # "vs 40 today", "vs. last year": not "Win rate vs Greenhouse and Lever — 28%" (rivals, no value to start from)
    ("vs", rf"\b(?:vs\.?|versus)\s+(?:(?:[^\W\d_][\w'’]*|[~≈$€£])\s*){{0,3}}?(?:{_D}|last\b|previous\b|prior\b|today\b|current\w*|now\b|baseline\b|before\b"
           rf"|q[1-4]\b|h[12]\b|{_MONTH_NAMES}\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)"),
    # "1,200 → under 300", "nine days → three", «45 → не более 20»: a start, an arrow, a bound
    (">", rf"(?:{_D}|\b{_WORD_NUMBER})[^→>.;]{{0,20}}?(?:→|->|=>|⟶|➝)\s?(?:(?:under|below|over|above|at\s+(?:least|most)|"
          rf"(?:no\s+)?(?:less|more|fewer)\s+than|до|не\s+(?:более|менее|выше|ниже)|менее|более)\s|[≤<≥>~≈]\s?)?[$€₽£]?"
          rf"(?:{_D}|{_WORD_NUMBER})"),
    (None, r"\bпротив\s+[~≈]?[$€₽]?\d"),  # «98% против 81% сейчас»
    (None, r"\b(?:вместо|instead\s+of)\s+[~≈]?[$€₽£]?\d"),  # «60 сообщений в месяц вместо 15»
    ("(", r"\(\s*(?:we|it|they|there)\s+(?:had|saw|were\s+at|was)\s+[~≈]?[$€£]?\d"),  # "(we had 3 in Q4)"
    # a past period's value in brackets, value first: "(3 in Q4)", "(4.1% in 2026)"; month first: «(в марте 62%)»
    ("(", r"\(\s*[~≈]?[$€£]?\d[\d\s.,]*%?\s+in\s+(?:q[1-4]|h[12]|20\d\d|fy\s?\d\d)(?:\s+20\d\d)?\s*\)"),
    ("(", rf"\(\s*в\s+{_MONTH_NAMES}\s+[~≈]?\d[\d\s.,]*%?\s*\)"),
    # a value in brackets with when it was measured: "(48,000 now)", "(840 at end of Q4)", "(4.1 in the October
    # survey)", «(5 200 на конец декабря)»
    ("(", r"\(\s*[~≈]?[$€£₽]?\d[\d\s.,]*%?\s*(?:[^\W\d_]+\s+){0,2}?(?:now|today|currently|сейчас|сегодня"
          r"|at\s+(?:the\s+)?end\s+of\s+(?:q[1-4]|20\d\d|last\s+\w+|the\s+(?:last\s+)?(?:quarter|year|month))"
          r"|in\s+the\s+(?:[^\W\d_]+\s+)?(?:survey|audit|census|count|review)|на\s+(?:конец|начало)\s+[^\W\d_]+)"),
    # "(Oct–Nov average: 61%)": the average over months just past
    ("(", rf"\(\s*{_MONTH_NAMES}\.?\s*[–—-]\s*{_MONTH_NAMES}\.?\s+(?:average|avg|mean|в\s+среднем|среднее)\s*[:=—–-]\s*[~≈]?\d"),
    (">", rf"{_D}[\w%]*(?:/[^\W\d_]+)?\.?(?:\s?(?:[^\W\d_]{{1,6}}\.?|[$€₽£¥]))?(?:\s?[$€₽£¥])?\s?(?:→|->|=>|⟶|➝|—>)\s?[$€₽£]?{_D}"),  # «310 тыс. ₽ → 345», "45/month → 80"
    # a past value said in words: «(в прошлом квартале было девять)», "(it was 3.5% in Q1)", "last quarter: 9"
    (None, rf"\b(?:был[аио]?|was|were|had\s+been)(?!\s+бы\b)\s+(?:(?:at|about|around|only|just|~|около|примерно|всего|только|лишь|ещё|еще)\s+)?[$€₽£]?(?:{_D}|{_WORD_NUMBER})"),
    # a number said with the last period: «9 в прошлом квартале», "last quarter: 3.5%"
    ("past", rf"(?:{_D}|{_WORD_NUMBER})[^.;(),]{{0,15}}?\b{_PAST}|\b{_PAST}[^.;(),]{{0,15}}?(?:{_D}|{_WORD_NUMBER})"),
)
_BASELINE = re.compile("(?:" + "|".join(part for _, part in _BASELINE_PARTS) + ")", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"(?<![\w\[/.-])[XYNM](?:\s?%)?(?![\w\]/.-])")


# Metric names that a number may follow directly ("NPS 50", «CSAT 4.8»): not product versions.
_METRIC_NAMES = {"nps", "csat", "ces", "enps", "roi", "romi", "ltv", "cac", "arpu", "mrr", "arr", "ctr", "cpa", "cpc",
                 "cpl", "dau", "mau", "wau", "gmv", "sla", "slo", "p95", "p99", "top", "топ", "rating", "score", "kpi"}


_COMPARISON_BEFORE = re.compile(
    r"\b(?:over|above|below|under|of|at|to|from|by|than|least|выше|ниже|до|на|с|со|от|около|более|менее|минимум)\s$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number in the text.  ``measure`` is False for identifiers, dates, years, ages, ranks of periods."""

    start: int
    end: int
    text: str
    measure: bool
    percent: bool = False
    frequency: bool = False  # "once a week", "three times a month": how often a habit recurs, not a level or a count


# After a number: "times a month", "per week" — the number says how often something recurs.
_FREQUENCY_AFTER = re.compile(r"^\s*(?:times?\s+)?(?:a|an|per|every|each)\s+(?:day|week|fortnight|month|quarter|sprint|year)\b",
                              re.IGNORECASE)
_FREQUENCY_WORD = re.compile(r"once|twice|thrice", re.IGNORECASE)


def _frequency(q: Quantity, text: str) -> Quantity:
    """Mark "once a week", "twice per sprint", "3 times a month" as frequencies (``Quantity.frequency``)."""
    after = text[q.end:]
    times = re.match(r"\s*times?\b", after, re.IGNORECASE) is not None
    if q.measure and (times or _FREQUENCY_WORD.fullmatch(q.text)) and _FREQUENCY_AFTER.match(after):
        return Quantity(q.start, q.end, q.text, q.measure, q.percent, frequency=True)
    return q


def find_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _RANK.finditer(text):
        scope = re.match(r"^\s+(?!(?:on|in|of|for|по|в|на|из|среди)\b)[a-zа-яё]{3,}", text[m.end():]) is not None \
            and _IN_PHRASE.search(text[:m.start()]) is not None and not _ENTER_RANK.search(text[:m.start()])
        # "in the top 50 accounts" names a scope; "Identify the top 3 reasons", "plans for top 5 markets" count things
        reference = m.group().startswith("#") and (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/-")
                                                   or _ISSUE_BEFORE.search(text[:m.start()]) is not None)
        numbered = m.group().startswith("№") and m.group().lstrip("№ ") != "1" and not _ENTER_RANK.search(text[:m.start()])
        # «котельную №2», «школа №5»: a numbered thing; «стать №1» is a place to win
        found.append(Quantity(m.start(), m.end(), m.group(), not scope and not reference and not numbered))
        taken.append((m.start(), m.end()))
    for m in _NUMERIC_DATE.finditer(text):
        found.append(Quantity(m.start(), m.end(), m.group(), False))
        taken.append((m.start(), m.end()))
    for m in _SHORT_DATE.finditer(text):  # «до 15.02»: a day and month after a preposition of time
        found.append(Quantity(m.start(1), m.end(1), m.group(1), False))
        taken.append((m.start(1), m.end(1)))
    for m in _NUMBER.finditer(text):
        start, end = m.start("num"), m.end()
        if any(a <= start < b for a, b in taken):
            continue
        if m.group("cur"):
            start = m.start("cur")
        num = m.group("num")
        before, after = text[:m.start("num")], text[m.end("num"):]
        measure = _is_measure(num, before, after, bool(m.group("cur")), bool(m.group("suffix")))
        suffix = m.group("suffix") or ""
        found.append(Quantity(start, end, text[start:end], measure, percent="%" in suffix or "п.п" in suffix or "pp" in suffix))
        taken.append((start, end))
    for m in _NUMBER_WORDS_SCAN.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if _IDIOMS.search(text[max(0, m.start() - 4): m.end() + 12]) and re.match(r"(?:one|один|одн)", m.group().lower()):
            continue
        if m.group().lower() == "one" and _ONE_PRONOUN_BEFORE.search(text[:m.start()]) \
                or m.group().lower().startswith("doubl") and re.match(r"\s+down\b", text[m.end():], re.IGNORECASE):
            continue  # "stick around for a second one", "Double down on the channels that work": no number
        after = text[m.end():]
        measure = not _PERIOD_AFTER.match(after) and not re.match(r"^\s+(?:год|лет|years?)\b", after, re.I) \
            and not re.match(r"^-(?!fold|thirds?|quarters?)[a-z]", after)  # "zero-trust", "two-factor": a name
        found.append(Quantity(m.start(), m.end(), m.group(), measure))
    for m in _PLACEHOLDER.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append(Quantity(m.start(), m.end(), m.group(), True, percent="%" in m.group()))
    names = [(m.start(), m.end()) for m in _GUILLEMET_NAME.finditer(text)]
    if names:  # «Танцы с нуля за 8 недель», «МастерДом Профи» 2.0: a number in a name or a name's version measures nothing
        found = [q if not q.measure or not any(a < q.start < b for a, b in names)
                 and not any(b <= q.start and _VERSION_AFTER_NAME.fullmatch(text[b:q.end]) for a, b in names)
                 else Quantity(q.start, q.end, q.text, False, q.percent) for q in found]
    return sorted((_frequency(q, text) for q in found), key=lambda q: q.start)


# A relative clause that says how long the people counted have been away: the scope of the count, not a target.
_INACTIVE_FOR = re.compile(r"(?:\b(?:котор\w+|кто)\s+не\s+[^,.;:()\d]{0,40}?(?:больше|более|дольше|свыше)"
                           r"|\b(?:who|that)\s+(?:have|has|had)?\s*(?:n't|not|never)\s+[^,.;:()\d]{0,40}?(?:in|for))\s+$",
                           re.IGNORECASE)


# A name in guillemets, as Russian text sets titles of courses, products and tariffs.
_GUILLEMET_NAME = re.compile(r"«[^«»\r\n]{1,60}»")
_VERSION_AFTER_NAME = re.compile(r"\s?v?\d+(?:\.\d+)+")


# "4.5-star rating", "a 4-star average": a number of stars names a rating level, not a product.
_STAR_RATING = re.compile(r"^-stars?\s+(?:rating|average|score|reviews?\s+average)\b", re.IGNORECASE)


# After a number, a superlative that picks a set: "5 highest-volume practices", «40 салонах с наибольшим трафиком».
_SUPERLATIVE_AFTER = re.compile(r"^\s?(?:[^\W\d_]+\s+)?(?:highest|largest|biggest|busiest|worst|oldest|крупнейш\w*|самы[хм]\b)",
                                re.IGNORECASE)
_PICKED_BY_AFTER = re.compile(r"^\s?[^\W\d_]+\s+с\s+(?:наибольш|наименьш|самы)\w*", re.IGNORECASE)


def _clock(hour: str, before: str, after: str) -> bool:
    """Whether ``hour:MM`` is a time of day: zero-padded, after "at"/"daily"/«в», before am/pm, or in a range of times."""
    return (len(hour) == 2 and hour.startswith("0") or re.search(r"\b(?:at|daily|в|во|к)\s+$", before, re.IGNORECASE) is not None
            or re.match(r"\s?(?:am|pm|a\.m\.|p\.m\.)", after, re.IGNORECASE) is not None
            or re.match(r"\s?[–—-]\s?\d{1,2}:\d\d", after) is not None or re.search(r"\d{1,2}:\d\d\s?[–—-]\s?$", before) is not None)


def _is_measure(num: str, before: str, after: str, currency: bool, suffix: bool) -> bool:
    """Whether a run of digits measures something, judged by what stands around it."""
    if num == "1" and (before.endswith("1:") or after.startswith(":1")):
        return False  # «1:1», a one-to-one meeting
    if re.match(r"^:[0-5]\d\b", after) and _clock(num, before, after[3:]):
        return False  # "a daily 08:30 huddle", «в 10:00», «(12:00–14:00)»: a time of day (not "from 3:00 to 4:00" on a page)
    hour = re.search(r"(\d{1,2}):$", before)
    if hour and re.fullmatch(r"[0-5]\d", num) and _clock(hour.group(1), before[:hour.start()], after):
        return False
    if len(num) >= 3 and num.isdigit() and num.startswith("0") and not currency and not suffix:
        return False  # «формы 0409101», "code 0042": a leading zero makes a code, not an amount
    if re.match(r"^\s?[×x]\s?\d", after) and not suffix or re.search(r"\d\s?[×x]\s?$", before):
        return False  # «16×16», «1920x1080»: a size, not a target
    if before[-1:].isalpha() or before[-1:] in ("-", "_") and before[-2:-1].isalpha():
        return False  # glued to a letter: Q3, V2, D30, p95, iOS-17
    if re.match(r"^-[^\W\d_]", after) and not suffix and not _STAR_RATING.match(after):
        return False  # 3-D Secure, 2-FA: a name; a "4.5-star rating" is a level
    if re.search(r"(?:^|[\s(])(?:SOC|ISO|PCI|Windows|iOS|Android|macOS|Tier|tier|Level|level|Web|HTTP|Python|Java|GPT|S)\s?$", before) \
            and not suffix and not re.match(r"^\s?(?:%|[a-zа-я]+\s+(?:of|из))", after):
        return False  # SOC 2, Windows 11, tier 1: part of a name
    if _DESIGNATOR_BEFORE.search(before) and not suffix and not re.match(r"^\s?(?:%|[a-zа-я]+\s+(?:of|из))", after):
        return False  # «корпус 3», «по зданиям 1–2», "Terminal 2": the number names a building, not a target
    if re.match(r"^\s(?:West|East|North|South)\b", after):
        return False  # "cabinets on 4 West and 5 East": hospital units named by floor and wing
    if _SUPERLATIVE_AFTER.match(after) and re.search(r"\b(?:the|в|во|на|для|среди)\s+$", before, re.IGNORECASE) \
            or _PICKED_BY_AFTER.match(after) or re.search(r"\bпри\s+(?:[а-яё]+\s+){1,2}(?:свыше|более|выше|ниже|менее|от)\s+$",
                                                     before, re.IGNORECASE):
        return False  # "the 5 highest-volume practices", «в 40 салонах с наибольшим трафиком», «при ветре свыше 5 м/с»: scope
    if re.search(r"\b(?:older|newer|younger|longer|shorter|старше|дольше)\s+(?:than\s+|чем\s+)?$"
                 r"|\b(?:длительностью|продолжительностью|lasting)\s+(?:(?:более|свыше|от|больше|менее|до|over|under|"
                 r"(?:more|less)\s+than|at\s+least)\s+)?$", before, re.IGNORECASE):
        return False  # "vulnerabilities older than 30 days": the scope, not a target
    if _INACTIVE_FOR.search(before) and TIME_UNIT_AFTER.match(after) and not suffix:
        return False  # «клиенток, которые не приходили больше 14 дней», "users who haven't logged in for 30 days": who is counted
    if re.match(r"^[^\W\d_]", after) and not suffix and not TIME_UNIT_AFTER.match(after) and not _GLUED_UNIT.match(after):
        return False  # 3D, 5G, 2FA
    if currency or suffix:
        return not re.fullmatch(r"\d+(?:\.\d+){2,}", num)
    if re.match(r"^(?:-?(?:го|е|ое|му|ого))?\s*числ[аоуе]\b", after, re.IGNORECASE):
        return False  # «до 10 числа», «к 5-му числу»: a day of the month
    if _YEAR.match(num) or _DATE_AFTER.match(after) or _DATE_BEFORE.search(before):
        return False
    if _PERIOD_AFTER.match(after) or re.search(r"\b(?:Q|кв\.?|квартал\w*)\s?$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:under|over|above|below)\s+$", before, re.IGNORECASE) and re.match(r"^\s+who\b", after):
        return False  # "Reach audiences under 35 who never watch …": an age says who
    if re.search(r"\b(?:aged|ages|age)\s+(?:\d+\s?[–—-]\s?)?$", before, re.IGNORECASE):
        return False  # "girls aged 8–12": an age says who, not how many
    if re.match(r"^\s?[–—-]\s?\d+\s?(?:лет|years)", after) or (
        re.search(r"\d\s?[–—-]\s?$", before) and re.match(r"^\s?(?:лет|years)", after)
    ):
        return False  # an age range: 25–40 лет
    if re.search(r"\(\s*$", before) and re.match(r"^\s?[–—-]\s?\d[\d\s,]*\s?[^\W\d_]+\)", after) \
            or re.search(r"\(\s*\d[\d\s,]*\s?[–—-]\s?$", before) and re.match(r"^\s?[^\W\d_]+\)", after):
        return False  # "Win law firms (20–200 lawyers)": a size range in brackets says which, not how many
    product = re.search(r"(?:^|\s)([A-Z][\w+#.-]*)\s$", before)
    if product and product.group(1).lower() not in _METRIC_NAMES and before.strip() != product.group(1):
        if re.fullmatch(r"\d+(?:\.\d+)?", num) and not re.match(r"^\s?[%$€₽]", after):
            return False  # CRM 2.0, Kubernetes 1.30, Python 2, Postgres 16: a product version
    if re.fullmatch(r"\d+\.0", num) and re.search(r"[^\W\d_]{2,}\s$", before) and not _COMPARISON_BEFORE.search(before):
        return False  # «онбординг 2.0», Web 3.0: a version
    if re.fullmatch(r"\d+(?:\.\d+){2,}", num):
        return False  # 1.2.3
    if re.search(r"\b(?:версии|версию|версия|version|release|релиз\w*|sprint|спринт\w*|этап\w*|phase|step|шаг\w*|№|#)\s?$", before, re.IGNORECASE):
        return False
    return True


def has_measure(quantities: list[Quantity]) -> bool:
    return any(q.measure for q in quantities)


_BASELINE_KEYS = {"(": re.compile(r"\("), "from": re.compile(r"from", re.IGNORECASE), ">": re.compile("[>→⟶➝]"),
                  "past": re.compile(r"прошл|предыдущ|last|previous|prior", re.IGNORECASE),
                  "vs": re.compile(r"vs|versus", re.IGNORECASE)}
_BASELINE_SEARCH = tuple((_BASELINE_KEYS[key] if key else None, re.compile(part, re.IGNORECASE))
                         for key, part in _BASELINE_PARTS)


def has_baseline(text: str) -> bool:
    """``_BASELINE.search(text)``, an alternative at a time: the whole pattern tries every alternative at every
    position, and most alternatives cannot match where their key word is missing."""
    return any((key is None or key.search(text)) and part.search(text) for key, part in _BASELINE_SEARCH)
