"""Words that carry structure: labels, owner tags, OKR types, periods, column names.

Shared by every format so that ``Цель 1: …`` in a Markdown file, in a table
cell and in a CSV cell mean the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .frag import Frag

# ---------------------------------------------------------------- cleaning

# An okrlint suppression marker: ``okrlint: ignore`` with its optional ``[rules]`` and the comment
# opener before it; inside ``<!-- … -->`` the whole comment.  Only the marker is cut from an item:
# text after it on the line still belongs to the item («Raise NPS okrlint: ignore[hedging] from 30 to 45»).
_MARKER = re.compile(
    r"<!--\s*okrlint\s*:\s*ignore\b(?:(?!-->)[^\r\n])*(?:-->)?"
    r"|(?:(?<!\S)(?:#|//)\s*)?okrlint\s*:\s*ignore\b(?:\s*\[[^\]\[\r\n]*\])?",
    re.IGNORECASE,
)
_EMPHASIS = ("**", "__", "*", "_", "~~")


def cut_comments(frag: Frag) -> Frag:
    """Drop ``okrlint: ignore`` markers (only the markers) and trailing HTML comments.

    One pass each, so a line of thousands of markers or comments stays linear.
    """
    text = frag.text
    if "<!--" not in text and "lint" not in text.lower():
        return frag.rstrip()
    frag = _cut_markers(frag)
    text = frag.text
    end = _rstripped(text, len(text))
    while text.endswith("-->", 0, end):  # the last HTML comment, if the text ends with it
        start = text.rfind("<!--", 0, end - 3)
        if start < 0 or text.find("-->", start + 4, end - 3) >= 0:
            break
        end = _rstripped(text, start)
    return frag.sub(0, end)


def _rstripped(text: str, end: int) -> int:
    """The end of ``text[:end].rstrip()``, found without copying the text."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _lstripped(text: str, start: int) -> int:
    """The start of ``text[start:].lstrip()``, found without copying the text."""
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _cut_markers(frag: Frag) -> Frag:
    """The text around the markers, joined by one whitespace character where the marker stood between words."""
    bounds = [(m.start(), m.end()) for m in _MARKER.finditer(frag.text)]
    if not bounds:
        return frag
    starts = [0] + [end for _, end in bounds]
    ends = [start for start, _ in bounds] + [len(frag.text)]
    parts: list[Frag] = []
    gap: Frag | None = None  # whitespace seen since the last kept text
    for lo, hi in zip(starts, ends):
        piece = frag.sub(lo, hi)
        core = piece.strip()
        if not core.text:
            gap = gap or _first_space(piece)
            continue
        lead = len(piece.text) - len(piece.text.lstrip())
        if parts:
            gap = gap or _first_space(piece.sub(0, lead))
            if gap is not None:
                parts.append(gap)
        parts.append(core)
        tail = piece.sub(lead + len(core.text))
        gap = _first_space(tail)
    return Frag.concat(parts)


def _first_space(piece: Frag) -> Frag | None:
    return piece.sub(0, 1) if piece.text[:1].isspace() else None


def unwrap_emphasis(frag: Frag) -> Frag:
    """``**text**`` → ``text`` when the whole item is emphasised."""
    frag = frag.strip()
    if not frag.text or frag.text[0] not in "*_~":
        return frag
    for mark in _EMPHASIS:
        n = len(mark)
        t = frag.text
        if len(t) > 2 * n and t.startswith(mark) and t.endswith(mark):
            inner = t[n:-n]
            if inner.strip() == inner and mark not in inner:
                return frag.sub(n, len(t) - n)
    return frag


# ---------------------------------------------------------------- OKR types

_COMMITTED = re.compile(
    r"^(?:committed|commit|roof-?shot|приоритетн\w*|обязательн\w*|гарантированн\w*)$", re.IGNORECASE
)
_ASPIRATIONAL = re.compile(
    r"^(?:aspirational|stretch|moon-?shot|ambitious|амбициозн\w*|стретч\w*)$", re.IGNORECASE
)
TYPE_WORDS = (
    r"committed|commit|roof-?shot|aspirational|stretch|moon-?shot|ambitious|"
    r"приоритетн\w*|обязательн\w*|гарантированн\w*|амбициозн\w*"
)


def normalize_type(value: str) -> str:
    """``Приоритетный`` → ``committed``; unknown values come back stripped."""
    v = " ".join(value.replace("ё", "е").split())
    words = v.split()
    head = words[0] if words else ""
    if _COMMITTED.match(head) or _COMMITTED.match(v):
        return "committed"
    if _ASPIRATIONAL.match(head) or _ASPIRATIONAL.match(v):
        return "aspirational"
    return v


def type_fields(raw: str) -> dict[str, Any]:
    raw = raw.strip()
    if not raw:
        return {}
    return {"type": normalize_type(raw), "type_label": raw}


# Heading such as «Приоритетные OKR: …» or "Committed OKRs": sets a type context.
TYPE_HEADING = re.compile(
    rf"^(?:примеры\s+)?(?P<type>{TYPE_WORDS})(?:\s+(?:okrs?|окр|цели|objectives|goals)\b.*)?$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- owner / type tags

_OWNER_WORDS = r"owners?|ответственн\w*|владел\w*|отв\.?|assignee|dri"
_TAGS = [
    # (owner: Anna) / [ответственный — Анна]
    (
        "owner",
        re.compile(
            rf"\s*[(\[]\s*(?:{_OWNER_WORDS})\s*[:=—–-]?\s*(?P<v>[^()\[\]\r\n]*?[^\s()\[\]])\s*[)\]]\s*$",
            re.IGNORECASE,
        ),
    ),
    # (@anna) / [@anna]
    ("owner", re.compile(r"\s*[(\[]\s*@(?P<v>\w[\w.\-]*?)\s*[)\]]\s*$")),
    # — owner: Anna
    (
        "owner",
        re.compile(
            rf"\s+[—–-]\s*(?:{_OWNER_WORDS})\s*:\s*(?P<v>[^\r\n:()]*?\S)\s*$", re.IGNORECASE
        ),
    ),
    # — @anna / @anna
    ("owner", re.compile(r"(?:^|\s+)(?:[—–-]\s*)?(?P<q>`?)@(?P<v>\w(?:[\w.\-]*\w)?)(?P=q)\s*$")),  # "`@marta`" too
    # (committed) / [амбициозный]
    ("type", re.compile(rf"\s*[(\[]\s*(?P<v>(?:{TYPE_WORDS}))\s*[)\]]\s*$", re.IGNORECASE)),
    # "… in North America [Dana]", «… [Зайцева, Ким]»: a name in square brackets closes the item (not a status tag)
    ("owner", re.compile(rf"\s+\[(?!(?i:{TYPE_WORDS}|stretch|draft|done|wip|new|blocked|at\s+risk|on\s+track|tbd|todo|"
                         r"черновик|готово|в\s+работе)\])(?P<v>[A-ZА-ЯЁ][^\[\]()\r\n\d:;]{1,38})\]\s*$")),
]


_TAG_WINDOW = 200


def normalize_owner(value: str) -> str:
    """``@anna`` → ``anna``: owners are names or handles without the ``@``."""
    value = " ".join(value.split())
    if re.fullmatch(r"@\w[\w.\-]*", value):
        return value[1:]
    return value


def split_tags(frag: Frag) -> tuple[Frag, dict[str, Any]]:
    """Peel trailing owner and type tags off an item's text."""
    fields: dict[str, Any] = {}
    frag = frag.strip()
    lead = _LEADING_SQUARE_OWNER.match(frag.text)
    if lead is not None:  # "- [Lena, live desk] Drive engagement …": the owner leads the item
        fields["owner"] = lead.group("v").strip()
        frag = frag.sub(lead.end())
    t = frag.text
    if "@" not in t and not t.endswith((")", "]")) and ":" not in t:
        return frag, fields
    changed = True
    while changed and frag.text:
        changed = False
        # Tags are short: look at the tail only, so huge lines cannot make the regexes crawl.
        base = max(0, len(frag.text) - _TAG_WINDOW)
        tail = frag.text[base:]
        for key, pattern in _TAGS:
            m = pattern.search(tail)
            if not m or key in fields:
                continue
            value = m.group("v").strip()
            rest = frag.sub(0, base + m.start()).strip()
            if not value:
                continue
            if key == "type":
                fields.update(type_fields(value))
            else:
                fields[key] = normalize_owner(value)
            frag = rest
            changed = True
            break
    return frag, fields


# ---------------------------------------------------------------- labels

_NUM = r"(?:[#№-]\s*)?\d{1,3}(?:[.\-]\d{1,3})*"
_CLOSE = r"(?:\*\*|__|\*|_)?"
# Separator after a label: a colon always; '.', ')', a dash or a space only after a number.
_SEP = r"(?P<sep>\s*:\s*|\s*\.(?!\d)\s*|\s*\)\s*|\s+[—–-]\s*|\s*[—–]\s*|\s+)"

# An owner in brackets between a numbered label and its colon or dash: «Цель 1 (Зайцева): …», "O2 (Marco) — …".
_OWNER_BEFORE_SEP = r"(?:(?<=\d)\s*[(\[](?P<lead>[^()\[\]\r\n\d:]{2,40})[)\]](?=\s*[:—–]|\s+-\s))?"

_OBJ_LABEL = re.compile(
    rf"(?P<word>objective|goal|цель|o(?=\d))(?![^\W\d_])"
    rf"(?:\s*(?P<num>{_NUM}))?"
    rf"(?:\s*[(\[](?P<type>{TYPE_WORDS})[)\]])?"
    rf"{_OWNER_BEFORE_SEP}"
    rf"(?P<close>{_CLOSE}){_SEP}",
    re.IGNORECASE,
)
_KR_LABEL = re.compile(
    rf"(?P<word>key[\s-]+result|ключевой\s+результат|kr|кр)(?![^\W\d_])"
    rf"(?:\s*(?P<num>{_NUM}))?"
    rf"{_OWNER_BEFORE_SEP}"
    rf"(?P<close>{_CLOSE}){_SEP}",
    re.IGNORECASE,
)
# "Key results:", «Ключевые результаты», "KRs" — a line that only announces KRs.
KR_MARKER = re.compile(
    r"^(?:\*\*|__)?\s*(?:key[\s-]+results?|ключевые\s+результаты|ключевой\s+результат|krs?|кр|"
    r"результаты|results)(?:\s*\((?:key\s+results?|ключевые\s+результаты|krs?)\))?\s*(?:\*\*|__)?"
    r"\s*:?\s*(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)
# «Цель», "Objective 2" alone (as a heading or a line ending in a colon): the text follows on the next line.
BARE_OBJ_LABEL = re.compile(
    rf"^(?:\*\*|__)?\s*(?:objective|goal|цель)(?:\s*{_NUM})?\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)


_LABEL_START = frozenset("oOgGцЦkKкК*_")
# An owner in brackets between a numbered label and its text: «KR 1.1 (Лена) Довести …», "KR 2 (Sam + Ria) Cut …";
# only before a capital or a quote, so "KR 3 (stretch) …" and «(в 1 кв.)» stay text.
_LEADING_OWNER = re.compile(r"\((?P<v>[^()\r\n\d]{2,40})\)\s+(?=[A-ZА-ЯЁ«\"'])"
                            rf"|\[(?!(?i:{TYPE_WORDS}|stretch|draft|done|wip|черновик|[x ✓✔])\])(?P<sq>[^\[\]()\r\n\d]{{1,40}})\]\s+(?=[A-ZА-ЯЁ«\"'\d+−≥≤<>~$€£₽])")


# An owner in square brackets before an item's text ("[Hannah] Launched …"); not a status or type tag.
_LEADING_SQUARE_OWNER = re.compile(rf"\[(?!(?i:{TYPE_WORDS}|stretch|draft|done|wip|new|blocked|at\s+risk|on\s+track|черновик|[x ✓✔])\])"
                                   r"(?P<v>[^\[\]()\r\n\d]{1,40})\]\s+(?=[A-ZА-ЯЁ«\"'])")


@dataclass
class Label:
    kind: str  # "objective" | "key_result"
    text: Frag  # what follows the label (may be empty: the text is on the next line)
    fields: dict[str, Any]


def match_label(frag: Frag) -> Label | None:
    """Recognise ``Цель 1:``, ``**Objective:**``, ``KR 1.2 —``, ``Ключевой результат:`` …"""
    text = frag.text
    if not text or text[0] not in _LABEL_START:
        return None
    opener = ""
    for mark in ("**", "__", "*", "_"):
        if text.startswith(mark):
            opener = mark
            break
    body = frag.sub(len(opener))
    for kind, pattern in (("objective", _OBJ_LABEL), ("key_result", _KR_LABEL)):
        m = pattern.match(body.text)
        if not m:
            continue
        sep = m.group("sep")
        has_num = m.group("num") is not None
        if ":" not in sep and not has_num:
            continue
        rest_text = body.text[m.end():]
        owner = _LEADING_OWNER.match(rest_text) if has_num else None  # «KR 1.1 (Лена) Довести …»
        if owner is not None:
            rest_text = rest_text[owner.end():]
        numbered = has_num and ("." in m.group("num").strip(".") or len(sep) >= 2)  # "KR 4.3  8 of 11 nurses …"
        if sep.strip() == "" and not (rest_text[:1].isupper() or rest_text[:1] in "«\"'"
                                      or numbered and (rest_text[:1].isdigit() or rest_text[:1] in "+−≥≤<>~≈$€£₽")):
            continue  # «Цель 100 клиентов» is prose; «Цель 1 Стать лидером» is a label
        closed = bool(m.group("close"))
        rest = body.sub(m.end() + (owner.end() if owner is not None else 0))
        if opener and not closed:
            # **Цель:** text — the closer comes after the separator
            if rest.text.startswith(opener):
                rest = rest.sub(len(opener)).lstrip()
            elif rest.text.rstrip().endswith(opener):
                rest = rest.rstrip()
                rest = rest.sub(0, len(rest) - len(opener))
        elif not opener and closed:
            continue  # "o1*:" is not a label
        fields: dict[str, Any] = {}
        if kind == "objective" and m.group("type"):
            fields.update(type_fields(m.group("type")))
        if has_num:
            fields["label"] = body.text[m.start("word") : m.end("num")]
        if owner is not None:
            fields["owner"] = (owner.group("v") or owner.group("sq")).strip()
        elif m.group("lead"):
            fields["owner"] = m.group("lead").strip()
        return Label(kind, rest.strip(), fields)
    return None


# ---------------------------------------------------------------- periods

_ROMAN = r"(?:iv|i{1,3})"
_ORD_RU_Q = (
    r"(?:перв\w*|втор\w*|трет\w*|четв[её]рт\w*|[1-4]\s*-?\s*(?:й|ый|ой|ий)?|" + _ROMAN + r")"
)
_YEAR = r"(?:(?:fy|фг)\s*'?)?(?:20\d\d|'\d\d)(?:\s*(?:год[а-я]*|г\.?|гг\.?))?"
_YEAR_ALONE = r"(?:(?:fy|фг)\s*'?)?20\d\d(?:\s*(?:год[а-я]*|г\.?))?"
_Q = (
    r"(?:q[1-4]|[1-4]q|quarter\s*[1-4]|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    r"|" + _ORD_RU_Q + r"\s*(?:квартал[а-я]*|кв\.?)"
    r"|h[12]|[12]h|(?:first|second)\s+half|(?:перв\w*|втор\w*|[12]\s*-?\s*(?:е|ое)?|i{1,2})\s*полугоди[а-я]*)"
)
# A season with its year is a period of about a quarter: «Лето 2026», "Summer 2027" (a camp, a resort, a shop).
_SEASON = r"(?:лет[оа]|зим[аы]|весн[аы]|осен[ьи]|summer|winter|spring|autumn|fall)\s+"
_PERIOD_CORE = (
    rf"(?:{_Q}(?:\s*(?:[-–—/]|to|по|и|and)\s*{_Q})?(?:[\s,/'\-]*(?:of\s+|of\s+the\s+)?{_YEAR})?"
    rf"|{_YEAR}[\s,/\-]*{_Q}|{_SEASON}{_YEAR_ALONE}|{_YEAR_ALONE})"
)
_FILLER = (
    r"(?:(?:okrs?|окр|цели|objectives|goals|план\w*|period|период|quarter|квартал|срок)"
    r"\s*(?:на|for|в|в\s+течение|:|—|–|-)?\s*)?"
)
PERIOD = re.compile(rf"^(?:\*\*|__)?\s*{_FILLER}{_PERIOD_CORE}\s*(?:\*\*|__)?\s*[:.]?\s*$", re.IGNORECASE)


def is_period(text: str) -> bool:
    text = text.strip()
    return len(text) <= 80 and bool(PERIOD.match(text))


_PERIOD_IN_TEXT = re.compile(
    rf"(?<!\w)(?:{_Q}(?:\s*(?:[-–—/]|to|по|и|and)\s*{_Q})?(?:[\s,/'\-]*(?:of\s+|of\s+the\s+)?{_YEAR})?"
    rf"|{_YEAR}[\s,/\-]*{_Q}|{_SEASON}{_YEAR_ALONE})(?!\w)",
    re.IGNORECASE,
)
_OKR_WORDS = re.compile(r"(?<!\w)(?:okrs?|окр|цели|objectives|goals|план\w*)(?!\w)", re.IGNORECASE)
_SEPARATORS = "-—–:·|,.()[]/"
_YEAR_IN_TEXT = re.compile(rf"(?<!\w){_YEAR_ALONE}(?!\w)", re.IGNORECASE)


def find_period(text: str) -> tuple[int, int] | None:
    """Where a period marker stands inside a longer heading: «OKR маркетинга — 3 квартал 2026», "Q3 2026 · Growth".

    The marker must be set apart by punctuation or stand next to a word like
    OKR/«цели» («Цели на 2026 год»), so an objective heading that merely
    names its quarter or year is not a section heading.
    """
    okr_words = _OKR_WORDS.search(text) is not None
    for m in _PERIOD_IN_TEXT.finditer(text):
        before, after = _rstripped(text, m.start()), _lstripped(text, m.end())  # no slicing: a long heading
        set_apart = ((before == 0 or text[before - 1] in _SEPARATORS)  # stays linear in its markers
                     and (after == len(text) or text[after] in _SEPARATORS))
        if okr_words or set_apart:  # «Увеличить Q3» is an objective that names its quarter, not a section
            return m.start(), m.end()
    m = _YEAR_IN_TEXT.search(text) if okr_words else None
    return (m.start(), m.end()) if m else None


def title_period(text: str) -> tuple[int, int] | None:
    """The period of a plain line that titles the OKRs («OKR Q1 2027 — черновик», "OKRs for Q1 2027 (draft)")."""
    if len(text) > 60:
        return None
    if re.match(r"^\W{0,3}(?:okrs?|окр)(?!\w)", text, re.IGNORECASE):
        return find_period(text)
    # "LIVE-OPS OKRs — Q1 2027": a team's name before "OKRs" only when the period follows it at once
    named = re.match(r"^\W{0,3}(?:[^\s:]+\s+){1,3}?(?:okrs?|окр)\s*(?:[—–:|,-]\s*|for\s+|на\s+)?", text, re.IGNORECASE)
    found = find_period(text) if named else None
    if found is not None and found[0] == named.end():
        return found
    # "Q1 2027 SALES OKRs — DRAFT v3": the period first, then a team's name and "OKRs"
    lead = re.match(r"^\W{0,3}", text)
    first = _PERIOD_IN_TEXT.match(text, lead.end()) if lead is not None else None
    if first is not None and re.match(r"\s+(?:[^\s:]+\s+){0,3}?(?:okrs?|окр)(?!\w)", text[first.end():], re.IGNORECASE):
        return first.start(), first.end()
    return None


# «черновик OKR сети на 4 квартал.», "Re: OKRs for Q1 2027 — draft": the OKRs' own period, named in a sentence; not "the
# OKRs for the Q1 2027 planning meeting" (there the period names the meeting).
_OKR_NOUN = r"(?:okrs?|окр|цел(?:и|ей|ям)|objectives|goals)"
_INTRO_PERIOD = re.compile(
    rf"(?<!\w){_OKR_NOUN}(?:(?:\s+[^\s.,;:!?()]+){{0,3}}?\s+(?:на|for|в|за)\s+(?:the\s+)?|\s*[—–:-]\s*)"
    rf"(?P<p>{_PERIOD_IN_TEXT.pattern})(?=\s*(?:[.,;:!?()*_—–-]|$)|\s+(?:года?|г\.))"
    rf"|(?<!\w)(?P<q>{_PERIOD_IN_TEXT.pattern})(?:\s+[^\s.,;:!?()]+){{0,2}}?\s+{_OKR_NOUN}(?!\w)", re.IGNORECASE)


def intro_period(text: str) -> tuple[int, int] | None:
    """Where a prose line before the first objective names the period its OKRs are for."""
    m = _INTRO_PERIOD.search(text)
    return None if m is None else m.span("p") if m.group("p") else m.span("q")


def period_frag(frag: Frag) -> Frag:
    """The text a Period keeps: the marker without emphasis and a trailing colon."""
    frag = frag.strip()
    if frag.text.endswith(":"):
        frag = frag.sub(0, len(frag) - 1).rstrip()
    return unwrap_emphasis(frag)


def period_key(text: str) -> str:
    """Periods with the same text are one period."""
    return " ".join(text.casefold().replace("ё", "е").split())


# ---------------------------------------------------------------- columns / field labels

_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "objective": (
        "цель", "цели", "objective", "objectives", "o", "goal", "goals", "цель okr", "okr",
        "objective (цель)", "цель (objective)",
    ),
    "key_result": (
        "ключевой результат", "ключевые результаты", "key result", "key results", "kr", "krs",
        "кр", "ключевые результаты (key results)", "key results (ключевые результаты)", "результат",
        "результаты",
    ),
    "owner": ("ответственный", "ответственная", "ответственные", "владелец", "владелица", "owner", "owners", "assignee", "dri", "ответств.", "ответств",
              "отв.", "отв"),
    "progress": ("прогресс", "progress", "текущий прогресс", "выполнение", "% выполнения", "status", "статус"),
    "period": ("период", "квартал", "period", "quarter", "срок okr"),
    "type": ("тип", "тип okr", "type", "okr type", "type of okr", "вид"),
    "baseline": ("baseline", "базовое значение", "было", "исходное значение", "старт", "start", "from", "база"),
    "target": ("target", "цель (значение)", "целевое значение", "стало", "to", "goal value", "target value"),
    "current": ("current", "текущее значение", "текущее", "сейчас", "current value", "actual", "факт"),
    "due": ("срок", "due", "deadline", "дедлайн", "due date", "до", "срок выполнения"),
    "unit": ("unit", "units", "единица", "единица измерения", "ед. изм", "ед изм", "ед"),
    "grade": ("grade", "оценка", "score", "итоговая оценка", "final grade", "балл"),
    "weight": ("weight", "вес"),
    # One column for both objectives and key results, told apart by a Type or ID column ("O1", "KR1.1").
    "text": (
        "objective / key result", "objective or key result", "objective / kr", "o / kr", "okr / kr", "statement",
        "text", "текст", "формулировка", "цель / кр", "цель / ключевой результат", "цель или кр", "item", "title",
        "название", "description", "описание",
    ),
    "ref": ("id", "ref", "#", "№", "код", "номер", "no", "no."),
}
_COLUMN_LOOKUP = {name: key for key, names in _COLUMN_NAMES.items() for name in names}
# Names too generic to mark a "Name: value" line in running text (fine as CSV headers).
_HEADER_ONLY = frozenset({
    "o", "okr", "to", "from", "до", "start", "старт", "база", "вид", "статус", "status", "actual",
    "факт", "сейчас", "ед", "результат", "результаты", "goal", "goals", "current", "текущее",
    "выполнение", "было", "стало", "dri", "score", "балл", "оценка", "text", "текст", "item", "title", "название",
    "description", "описание", "statement", "формулировка", "id", "ref", "#", "№", "код", "номер", "no", "no.",
})
_KR_NUMBERED = re.compile(r"^(?:kr|кр|key results?|ключевой результат)\s*#?\s*\d{1,2}$")


def _norm_header(text: str) -> str:
    t = text.strip().strip("*_`").strip()
    t = re.sub(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])", " ", t)  # keyResult, dueDate
    t = t.casefold().replace("ё", "е")
    t = re.sub(r"[\s_]+|(?<=\w)-(?=\w)", " ", t)  # key_result, ключевой_результат, key-result
    t = t.rstrip(":").strip()
    return re.sub(r"\s*/\s*", " / ", t)  # "Objective/KR", "Цель / КР"


# What a row holds, from a Type or ID cell: "Objective", "O1", «Цель 2» / "Key Result", "KR1.1", «КР 2.3».
_ROW_OBJECTIVE = re.compile(r"^(?:objective|obj|o|goal|цель|ц)\s*[-#№.]?\s*\d*(?:\.\d+)*\.?$", re.IGNORECASE)
_ROW_KEY_RESULT = re.compile(r"^(?:key[\s-]*results?|kr|кр|ключевой\s+результат|результат)\s*[-#№.]?\s*\d*(?:\.\d+)*\.?$"
                             r"|^\d{1,2}\.\d{1,2}\.?$",  # "1.1" under an objective numbered «Ц1» / "O1"
                             re.IGNORECASE)


def row_role(cell: str) -> str | None:
    """``objective`` or ``key_result`` when a Type/ID cell names what its row holds, else ``None``."""
    value = " ".join(cell.replace("ё", "е").split())
    if _ROW_OBJECTIVE.match(value):
        return "objective"
    if _ROW_KEY_RESULT.match(value):
        return "key_result"
    return None


def column_kind(header: str, strict: bool = False) -> str | None:
    """Map a column header (Russian or English, any case) to a field name.

    ``strict`` skips names too generic for a ``Name: value`` line in prose.
    """
    if len(header) > 120:
        return None
    t = _norm_header(header)
    if not t:
        return None
    candidates = [t]
    no_pct = re.sub(r"[,]?\s*\(?%\)?", "", t).strip()
    candidates.append(no_pct)
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", t)
    if m:
        candidates += [m.group(1).strip(), m.group(2).strip()]
    for c in candidates:
        if strict and c in _HEADER_ONLY:
            continue
        if c in _COLUMN_LOOKUP:
            return _COLUMN_LOOKUP[c]
        if _KR_NUMBERED.match(c):
            return "key_result"
    return None


_FIELD_LINE = re.compile(r"^(?:\*\*|__)?(?P<key>[^:\r\n*_]{1,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?P<value>\S.*)$", re.DOTALL)
FIELD_KEYS = frozenset(
    {"owner", "progress", "period", "type", "baseline", "target", "current", "due", "unit", "grade", "weight"}
)


def match_field(frag: Frag) -> tuple[str, Frag] | None:
    """``Owner: Anna`` / «Срок: 30 сентября» / ``_Owner: Anna_`` → (field, value)."""
    frag = unwrap_emphasis(frag)  # a metadata line set in italics or bold as a whole
    if ":" not in frag.text[:48]:
        return None
    m = _FIELD_LINE.match(frag.text)
    if not m:
        return None
    key = column_kind(m.group("key"), strict=True)
    if key not in FIELD_KEYS:
        return None
    return key, unwrap_emphasis(frag.group(m, "value").strip())
