"""The fix stage: one suggestion per item, composed from every finding on it, after the rules.

Rules only find.  Here each item's findings are read together: the safe
edits (drop a hedge, repair a numeral's agreement) come first, then at most
one rewrite (a task turned into its outcome, a metric named with its range, a
baseline note, a metric moved out of an objective).  The result passes the
grammar gate (:mod:`okrlint.grammar.gate`) or is not offered; every finding on
the item then carries the same suggestion, and a fix as ruff has them:
*safe* (exact edits, meaning kept, no placeholders) or *unsafe*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from . import rewrite
from .analysis import Analysis, analyze
from .analysis.spelling import misspelling_of
from .escaping import FORMAT_SUFFIXES, fit_to_source
from .findings import Edit, Finding, Fix, Suggestion
from .grammar import gate
from .grammar.numerals import disagreeing_nouns
from .model import Item, Objective, OkrDocument

if TYPE_CHECKING:
    from .engine import Rule

# A safe edit: (start, end, replacement) in the item's own text.
TextEdit = tuple[int, int, str]


@dataclass(frozen=True)
class Mark:
    """A finding as the rules made it, with the item it is about and where on that item it fired."""

    finding: Finding
    item: Item | None
    target: rewrite.Target | None
    locale: str = "en"  # the message language


# ---------------------------------------------------------------- safe edits

_SUBJECT = re.compile(r"(?:^|(?<=\s))(?:we|i|мы|я)(?:['’](?:re|ll|m|d|ve))?\s+$", re.IGNORECASE)  # "We're aiming to"


_SCOPE_SOFTENER = re.compile(r"(?:where|wherever)\s+possible|ideally|preferably|желательно|в\s+идеале", re.IGNORECASE)


# Every softener, «по возможности» and "if possible" included: next to a quantified scope none is safe to drop.
# (_SCOPE_SOFTENER above: the narrower set that is never dropped from inside an item.)
_SOFTENER = re.compile(r"возможност|возможно|желательно|идеал|possible|ideally|preferabl|feasible", re.IGNORECASE)
# "every", «в каждом», «во всех» next to a softener: the softener qualifies how far the target reaches.
_QUANTIFIED_SCOPE = re.compile(r"\b(?:кажд\w*|все[хм]?|всей|всего|every|each|all)\b", re.IGNORECASE)
# A hedge that opens a condition: the words after it up to the comma or dash belong to the condition.
_CONDITION_HEDGE = re.compile(r"(?:если|if|when)\b", re.IGNORECASE)


# A comparative opening what a softener qualifies: "— potentially lower", «— по возможности ниже».
_EN_RU_COMPARATIVE = re.compile(r"[ \t]+(?:lower|higher|more|less|fewer|better|faster|sooner|earlier|ниже|выше|больше|меньше|"
                                r"быстрее|раньше|лучше)\b", re.IGNORECASE)


# Conditions on money or time: a real dependency (reviewers of rounds 26 and 29 judged dropping them harmful).
_RESOURCE_CONDITION = re.compile(r"бюджет|ресурс|деньг|врем|успе[ею]|хватит|позвол|budget|resource|funding|capacity|"
                                 r"bandwidth|time", re.IGNORECASE)  # «если успеем», «если хватит рук», "if time allows"
_DEADLINE_AFTER = re.compile(
    r"[ \t,]*(?:до|к|не\s+позднее|by|before|until|till|no\s+later\s+than)\s+(?:the\s+)?(?:\d{1,2}(?:[./]\d{1,2})?\s*)?"
    r"(?:январ|феврал|март|апрел|ма[яйю]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|конц|начал|середин|jan|feb|mar|apr|"
    r"may\b|jun|jul|aug|sep|oct|nov|dec|end\b|start\b|mid|q[1-4]\b|\d{1,2}[./]\d{1,2}\b|20\d\d)", re.IGNORECASE)


# «по возможности в течение года», "ideally within six weeks": a time span the softener bends, like a date.
_SPAN_AFTER = re.compile(r"[ \t,]*(?:в\s+течение|на\s+протяжении|за|within|over|during|throughout|in)\s+(?:the\s+)?"
                         r"(?:[^\W\d_]+\s+|\d+\s+)?(?:год|полугоди|квартал|месяц|недел|дн[яей]|year|quarter|month|week|day|half)",
                         re.IGNORECASE)


def _clause_end(text: str) -> int:
    """Where the clause that opens ``text`` ends: at a comma, a semicolon, a spaced dash, or the end."""
    m = re.search(r"[,;]|\s[—–-]\s", text)
    return m.start() if m else len(text)


def drop_hedge(text: str, start: int, end: int, lang: str) -> list[TextEdit] | None:
    """Remove a hedge («Попробовать», "try to", «, по возможности,», "if possible") and what only it needed.

    At the start of the item the next word takes the capital; in the middle
    the commas around the hedge go with it.  ``None`` when nothing would be left.
    """
    if re.fullmatch(r"\s*stretch\s*:?\s*", text[start:end], re.IGNORECASE):
        return None  # "Stretch:" labels an aspirational goal: dropping it would make it a committed one
    if re.fullmatch(r"\s*do(?:ing)?\s+\w+\s+best\s*", text[start:end], re.IGNORECASE) and \
            not re.match(r"\s+to\b|\s*$|\s*[,.;]", text[end:]):
        return None  # "to do our best work": the words are the goal itself, not a hedge
    follow = re.match(r"\s+(?:to|бы)\b", text[end:], re.IGNORECASE) or \
        (re.match(r"\s+and\b", text[end:], re.IGNORECASE) if re.fullmatch(r"\s*try\s*", text[start:end], re.I) else None)
    if follow and not re.search(r"\bto$", text[start:end], re.IGNORECASE):
        end += follow.end()  # "Do our best to reach" → "Reach"; "try and get" → "get"
    subject = _SUBJECT.search(text[:start])
    if subject and not text[:subject.start()].strip():
        start = subject.start()  # "We hope to bring…", «Мы постараемся…»
    before, after = text[:start], text[end:]
    if re.match(r"[\s,]*(?:чтобы|that)\b", after, re.IGNORECASE):
        return None  # «Стараемся, чтобы курьер получал…»: the clause the hedge governs has no verb of its own to stand on
    if text.rfind("(", 0, start) > text.rfind(")", 0, start):
        return None  # "(possibly Java)": a hedge inside brackets qualifies a detail; without it the detail is a promise
    if re.search(r"[—–,-]\s*$", text[:start]) and re.match(r"\s*[<>≤≥~]?\s*[$€£₽]?\d", text[end:]):
        return None  # "Boost starts — hopefully 25+": without the hedge the number hangs on nothing ("starts 25+")
    if _SOFTENER.search(text[start:end]) and (_QUANTIFIED_SCOPE.search(after[:40]) or _QUANTIFIED_SCOPE.search(before[-25:])):
        return None  # «40 амбассадоров, по возможности в каждом округе»: the softener limits a scope, dropping it widens it
    if _RESOURCE_CONDITION.search(text[start:end]):
        return None  # "if budget allows", «если позволит бюджет»: a real dependency; without it a plan becomes a promise
    if (_DEADLINE_AFTER.match(after) or _SPAN_AFTER.match(after)) and (_SOFTENER.search(text[start:end]) or before.strip()):
        return None  # «Запустить тариф, по возможности до 15 февраля», «— надеемся, к февралю»: the hedge bends the date
        # (a hedge that opens the line, «Хотелось бы к концу квартала поднять …», hedges the whole item: it goes)
    if not before.strip():
        if _CONDITION_HEDGE.match(text[start:end].strip()) and not re.match(r"\s*[,;:—–-]", after):
            clause = re.search(r"\s*[,;:—–]|\s+-\s", after)
            if clause is None or len(after[:clause.start()].split()) > 4:
                return None  # «Если успеем запустить мобильную версию»: the condition is the item itself
            if re.search(r"\b(?:до|к|by|before|until|till)\b", after[:clause.start()], re.IGNORECASE):
                return None  # «Если успеем до ввода корпуса — закрыть…»: the condition holds a deadline the rest lacks
            after = after[clause.start():]  # «Если успеем с запуском — продать…»: the condition's own words go too
        rest = after.lstrip(" \t,;:—–-")
        if not rest.strip():
            return None
        at = len(text) - len(rest)
        first = rest[0]
        upper = first.upper() if first.islower() else first  # «если успеем, добавить…» → «Добавить…»: a line opens
        return [(len(before), at + 1, upper)]
    finite = _finite_hedge(text, start, end, lang)
    if finite is not None:
        return finite or None  # «Команда постарается увеличить» → «Команда увеличит»; [] → no safe fix
    if _SCOPE_SOFTENER.fullmatch(text[start:end].strip(" ,")):
        # "in person where possible", "ideally from two teams": the softener qualifies a part of the item;
        # without it that part becomes a hard constraint the writer did not set.  Not a safe edit.
        return None
    conj = re.search(r",?[ \t]*\b(?:and|or|и|или)[ \t]*,?[ \t]*$", before, re.IGNORECASE)
    if conj is not None and re.search(r"\d", before[:conj.start()]) and re.match(r"[^,;.)]*\d", after):
        return [(conj.start(), end + _clause_end(after), "")]  # "…, and if possible to 8": the stretch conjunct goes whole
    if conj is not None:
        return None  # «Пересмотреть модель и по возможности сократить роли на 20%»: the hedge makes the second part optional
    if _CONDITION_HEDGE.match(text[start:end].strip()) and re.match(r"[ \t]+[^\W\d_]", after):
        return None  # «…, если успеем найти тренера»: without its condition the plan becomes a promise the writer did not make
    stretch = re.match(r"[ \t]*[—–:][ \t]*\S", after)  # «до 24 часов, по возможности — в день заказа»
    appended = re.search(r"[,—–]\s*$", before) and re.match(r"[^,;.)]*\d", after)  # «до 60, по возможности до 65»
    if re.search(r"\d", before) and (stretch or appended):
        # a stretch target after a committed one goes with its softener; the commitment before it stays
        # (a soft condition without a number, «…, по возможности без скидок», stays and becomes firm)
        skip = stretch.end() if stretch else 0
        end += skip + _clause_end(after[skip:])
        after = text[end:]
    elif re.search(r"\d", before) and re.search(r"[—–]\s*$", before) and _EN_RU_COMPARATIVE.match(after):
        if _CONDITION_HEDGE.search(after):
            return None  # "— potentially lower if the Feb creative refresh lands": a stretch with its own condition
        comma = re.search(r"[,;]", after)  # "below £18 — potentially lower": the stretch goes with its softener
        return [(len(before.rstrip(" \t—–")), end + comma.start() if comma else len(text.rstrip(" .;")), "")]
    elif re.search(r"[,—–]\s*$", before) and re.match(r"[ \t]+[^\W\d_]", after):
        clause = re.match(r"[^,;]*", after).group()
        if not re.search(r"\d", clause):
            return None  # "…, potentially with automated scoring": an optional extra, neither promised nor droppable
        if "," in before.rstrip()[:-1]:  # "Launching X, our evening bulletin, hopefully with 1,500 listeners"
            return [(start, end + len(re.match(r"[ \t]*", after).group()), "")]  # the appositive keeps its comma
    left = len(before.rstrip(" \t,;:—–"))
    rest_match = re.match(r"[ \t]*,?[ \t]*", after)
    right = end + (rest_match.end() if rest_match else 0)
    remainder = text[right:]
    glue = " " if remainder.strip() and not remainder[:1] in ".;:!?)" else ""
    return [(left, right, glue)]


def _finite_hedge(text: str, start: int, end: int, lang: str) -> list[TextEdit] | None:
    """A conjugated hedge after a subject hands its person, number and tense to the verb it governs.

    «Команда постарается увеличить выручку» → «Команда увеличит выручку»; "The team tries to grow" →
    "The team grows".  ``None`` when the hedge is not conjugated; ``[]`` when the verb cannot take its form
    (an imperfective future, a past tense): then no safe fix.
    """
    hedge = text[start:end].strip()
    following = re.match(r"\s+(?:to\s+)?([^\W\d_]+)", text[end:])
    if following is None:
        return None
    verb, verb_end = following.group(1), end + following.end()
    if lang == "ru":
        from .analysis.russian import parses

        words = hedge.split()
        finite = [p for p in parses(words[-1].lower()) if p.tag.POS == "VERB" and p.score > 0.1] if len(words) == 1 else []
        if not finite:
            return None
        grams = {g for g in (finite[0].tag.person, finite[0].tag.number, finite[0].tag.tense, finite[0].tag.gender) if g}
        infinitive = next((p for p in parses(verb.lower()) if p.tag.POS == "INFN"), None)
        if infinitive is None or finite[0].tag.tense not in ("futr", "pres") or "perf" not in infinitive.tag:
            return []
        form = infinitive.inflect(grams | {"futr"} - {"pres"} - ({finite[0].tag.gender} if finite[0].tag.gender else set()))
        return [(start, verb_end, form.word)] if form is not None else []
    first = hedge.split()[0].lower()
    if first in ("tries", "hopes", "aims", "attempts", "strives", "seeks"):
        from lemminflect import getInflection

        forms = getInflection(verb.lower(), tag="VBZ")
        return [(start, verb_end, forms[0])] if forms else []
    if first in ("tried", "hoped", "aimed", "attempted", "strove", "sought"):
        return []
    return None


SAFE_EDITS: dict[str, Callable[[str, int, int, str], list[TextEdit] | None]] = {"drop-hedge": drop_hedge}


def _apply(text: str, edits: Sequence[TextEdit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _overlap(edits: Sequence[TextEdit]) -> bool:
    spans = sorted((s, e) for s, e, _ in edits)
    return any(b[0] < a[1] for a, b in zip(spans, spans[1:]))


# ---------------------------------------------------------------- composing one item

# Rewriters in the order they are tried: the first that gives a rewrite wins (the baseline note may follow it).
PRIORITY = ("objective-from-metric", "task", "kpi", "vague-verb", "add-number", "add-baseline")


@dataclass
class Composed:
    """An item's suggestion and fixes, in the item's own text (edits are item-relative)."""

    text: str | None = None
    new_key_results: tuple[str, ...] = ()
    safe_edits: tuple[TextEdit, ...] = ()
    rewritten: bool = False  # an unsafe rewrite of the whole item
    unsafe_edits: tuple[TextEdit, ...] = ()  # the unsafe rewrite as exact edits (a swapped verb), when it is one
    complete: bool = False  # the safe edits are the whole suggestion, not only its hedge part
    conditional: bool = False  # the edits drop a condition ("if budget allows"): offered, never applied by --fix alone


@dataclass
class _Plan:
    """One item on its way through the stage: what fired on it, its safe edits, its rewrite candidates."""

    item: Item
    marks: Sequence[Mark]
    analysis: Analysis
    deadline: bool
    objective: str  # the key result's objective text, "" for an objective
    fired: dict[str, list[rewrite.Target]]
    safe: list[TextEdit]
    text: str = ""
    candidates: list[rewrite.Rewrite] = field(default_factory=list)
    conditional: bool = False  # a hedge that is a condition ("if budget allows"): dropping it is no safe fix
    spelling: tuple[TextEdit, ...] = ()  # a misspelled verb spelled right: the ground for a rewrite, no fix on its own

    @property
    def lang(self) -> str:
        return self.analysis.lang

    def drop_safe(self, original: Analysis) -> None:
        self.safe, self.text, self.analysis = [], self.item.text, original


def _plan(item: Item, marks: Sequence[Mark], analysis: Analysis, deadline: bool, objective: str,
          rules: Mapping[str, "Rule"]) -> _Plan:
    """What fired on the item, and the safe edits its findings allow (hedges, numeral agreement)."""
    original, lang = item.text, analysis.lang
    fired: dict[str, list[rewrite.Target]] = {}
    for mark in marks:
        if mark.target is not None:
            fired.setdefault(mark.finding.rule, []).append(mark.target)
    safe: list[TextEdit] = []
    for rule_id, targets in fired.items():
        name = rules[rule_id].safe_fix if rule_id in rules else None
        found = [SAFE_EDITS[name](original, t.start, t.end, lang) for t in targets] if name else []
        edits = [edit for one in found if one for edit in one]
        if not all(found) or _overlap([*safe, *edits]):
            continue  # «Мы хотели бы по возможности …»: a hedge left in place makes dropping the others a half fix
        safe.extend(edits)
    vague = rules.get("vague-verb")
    spelling: list[TextEdit] = []
    for t in fired.get("vague-verb", ()) if vague is not None else ():
        word = original[t.start:t.end]
        right = misspelling_of(word, lang, vague.word_set(lang, "main"))
        if right is not None and not _overlap([*safe, (t.start, t.end, right)]):  # "We will imrpove" → "We will improve"
            spelling.append((t.start, t.end, right[:1].upper() + right[1:] if word[:1].isupper() else right))
    safe.extend(spelling)
    if lang == "ru":
        for fix in disagreeing_nouns(original):
            edit = (fix.start, fix.end, fix.replacement)
            if not _overlap([*safe, edit]):
                safe.append(edit)
    conditional = any(_CONDITION_HEDGE.match(original[t.start:t.end].strip()) for t in fired.get("hedging", ()))
    return _Plan(item, marks, analysis, deadline, objective, fired, safe, _apply(original, safe), conditional=conditional,
                 spelling=tuple(spelling))


def _candidates(plan: _Plan, kit: rewrite.Kit, rules: Mapping[str, "Rule"]) -> list[rewrite.Rewrite]:
    """The rewrites the item's rules offer, in PRIORITY order; the first that passes the gate wins."""
    if "compensation-link" in plan.fired:
        return []  # a key result that ties pay to OKRs is to be rethought, not polished
    hedges = plan.fired.get("hedging", [])
    if any(not any(a <= t.start and t.end <= b for a, b, _ in plan.safe) for t in hedges):
        return []  # a hedge no safe edit can drop ("Stretch:", "where possible") would stay in any rewrite
    job = rewrite.Job(plan.item.kind, plan.lang, plan.text, plan.analysis, plan.fired, kit, plan.deadline,
                      plan.objective, len(getattr(plan.item, "key_results", ())))
    names = {rules[r].rewriter for r in plan.fired if r in rules and rules[r].rewriter}
    out = []
    for name in PRIORITY:
        done = rewrite.REWRITERS[name](job) if name in names else None
        variants: list[rewrite.Rewrite] = []
        while done is not None:  # a rewrite, then the plainer ones to try if it fails the gate
            variants.append(done)
            done = done.fallback
        for done in variants:
            if name != "add-baseline" and "add-baseline" in names:
                noted = rewrite.REWRITERS["add-baseline"](replace(job, text=done.text))
                done = rewrite.Rewrite(noted.text, done.new_key_results) if noted is not None else done
            done = _finish(done, plan)
            if done.text != plan.text:
                out.append(done)
    return out


def _finish(done: rewrite.Rewrite, plan: _Plan) -> rewrite.Rewrite:
    """A rewrite as offered: it starts with the verb, keeps the writer's full stop, and is an edit only if exact."""
    preamble = _PREAMBLE.match(done.text)
    if preamble and not done.edits:  # «Нужно довести…» → «Довести…»: the rewrite states the result itself
        rest = done.text[preamble.end():]
        done = rewrite.Rewrite(rest[:1].upper() + rest[1:], done.new_key_results)
    if plan.item.text.rstrip().endswith(".") and not done.text.endswith((".", "!", "?")):
        done = rewrite.Rewrite(done.text + ".", done.new_key_results)  # the writer's full stop stays
    if done.edits and done.text != _apply(plan.text, done.edits):
        done = rewrite.Rewrite(done.text, done.new_key_results)  # a note was added: a rewrite, not an edit
    return done


# "We will", «Нужно», «Нам необходимо» before the verb: a rewrite starts with the verb instead.
_PREAMBLE = re.compile(r"(?:(?:нам|мы)\s+)?(?:нужно|надо|необходимо|требуется|следует|должны)\s+(?=[а-яё]+(?:ть|ти|чь)\b)|"
                       r"we\s+(?:will|must|need\s+to|have\s+to|should|are\s+going\s+to)\s+(?=[a-z])", re.IGNORECASE)


def compose(entries: Sequence[tuple[Item, Sequence[Mark], Analysis, bool, str]], kit: rewrite.Kit,
            rules: Mapping[str, "Rule"],
            recheck: Callable[[Sequence[tuple[Item, str]]], list[set[str]]] | None = None) -> list[Composed]:
    """Each item's edits, built from every finding on it; nothing that fails the grammar gate.

    Items go through in batches (safe texts, then each round of rewrite candidates) so the Russian
    models run once per batch, not once per suggestion; a text is parsed only if what the gate can see
    without a parse lets it through, and a candidate only if no earlier one of its item passed.
    """
    plans = [_plan(item, marks, analysis, deadline, objective, rules)
             for item, marks, analysis, deadline, objective in entries]
    originals = {id(p): p.analysis for p in plans}
    edited = [p for p in plans if p.safe]
    for plan in edited:
        if gate.text_problems(plan.text, plan.item.text, plan.lang):
            plan.drop_safe(originals[id(plan)])
    edited = [p for p in edited if p.safe]
    for plan, again in zip(edited, analyze([p.text for p in edited], [p.lang for p in edited]) if edited else []):
        leading = len(plan.item.text) - len(plan.item.text.lstrip())
        if not gate.passes(plan.text, plan.item.text, plan.lang, again) or (
                any(start <= leading for start, _, _ in plan.safe) and again.predicate is None):
            plan.drop_safe(originals[id(plan)])  # a safe fix keeps the meaning and reads well
        else:
            plan.analysis = again
    kept = [p for p in edited if p.safe]
    if recheck is not None and kept:  # ...and reveals no problem the original wording did not show
        for plan, after in zip(kept, recheck([(p.item, p.text) for p in kept])):
            if after - {m.finding.rule for m in plan.marks}:
                plan.drop_safe(originals[id(plan)])
    for plan in plans:
        plan.candidates = _candidates(plan, kit, rules)
    chosen: dict[int, rewrite.Rewrite] = {}
    for rank in range(max((len(p.candidates) for p in plans), default=0)):  # each item's first candidate, then …
        flat = [(plan, plan.candidates[rank]) for plan in plans if id(plan) not in chosen and rank < len(plan.candidates)]
        flat = [(plan, c) for plan, c in flat
                if not gate.text_problems(c.text, plan.item.text, plan.lang, moved=c.new_key_results)]
        parsed = analyze([c.text for _, c in flat], [p.lang for p, _ in flat]) if flat else []
        for (plan, candidate), analysis in zip(flat, parsed):
            if gate.passes(candidate.text, plan.item.text, plan.lang, analysis, moved=candidate.new_key_results):
                chosen[id(plan)] = candidate
    swaps = {id(p): word_edits(p.item.text, chosen[id(p)].text) for p in plans
             if id(p) in chosen and chosen[id(p)].edits}
    safe_swaps = [p for p in plans if id(p) in swaps and chosen[id(p)].keeps_meaning]
    if recheck is not None and safe_swaps:  # a safe verb swap, too, must not reveal a new problem
        for plan, after in zip(safe_swaps, recheck([(p.item, chosen[id(p)].text) for p in safe_swaps])):
            if after - {m.finding.rule for m in plan.marks}:
                safe_swaps.remove(plan)
    safe_ids = {id(p) for p in safe_swaps}
    out = []
    for plan in plans:
        done = chosen.get(id(plan))
        if done is not None and id(plan) in safe_ids:
            out.append(Composed(done.text, (), tuple(swaps[id(plan)]), complete=True, conditional=plan.conditional))
        elif done is not None:
            out.append(Composed(done.text, done.new_key_results, tuple(plan.safe), True,
                                unsafe_edits=tuple(swaps.get(id(plan), ())), conditional=plan.conditional))
        elif plan.safe and set(plan.safe) <= set(plan.spelling):
            out.append(Composed(None, (), (), conditional=plan.conditional))  # the verb spelled right is still vague
        else:
            out.append(Composed(plan.text if plan.safe else None, (), tuple(plan.safe), conditional=plan.conditional))
    return out


def word_edits(before: str, after: str) -> list[TextEdit]:
    """The fewest whole-word edits that turn ``before`` into ``after`` (a swapped verb, a dropped hedge)."""
    from difflib import SequenceMatcher

    def tokens(text: str) -> list[str]:
        return re.findall(r"\s+|\w+|[^\w\s]", text)

    a, b = tokens(before), tokens(after)
    offsets = [0]
    for token in a:
        offsets.append(offsets[-1] + len(token))
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append((offsets[i1], offsets[i2], "".join(b[j1:j2])))
    return out


# ---------------------------------------------------------------- fixes in the file

def _fit_name(doc: OkrDocument) -> str:
    suffix = doc.path.lower().rsplit(".", 1)[-1] if "." in doc.path else ""
    return doc.path if suffix in ("md", "markdown", "txt", "yaml", "yml", "json", "csv", "tsv") else \
        "document" + FORMAT_SUFFIXES.get(doc.format, ".txt")


def safe_fix(doc: OkrDocument, item: Item, edits: Sequence[TextEdit], applicability: str = "safe") -> Fix | None:
    """Item-relative edits as source edits; none when the item's text is not a verbatim slice there."""
    out = []
    for start, end, new in sorted(edits):
        s, e = item.source_span(start, end)
        if doc.source[s:e] != item.text[start:end]:
            return None  # an escaped JSON string or folded YAML: the exact edit is not known
        out.append(Edit(doc.lines.range(s, e), fit_to_source(new, _fit_name(doc), doc.source, s)))
    return Fix(applicability, tuple(out)) if out else None  # type: ignore[arg-type]


def unsafe_fix(doc: OkrDocument, item: Item, text: str, moved: Sequence[str]) -> Fix:
    """The whole item replaced; a moved metric added as a key result where the format makes that unambiguous."""
    edits = [Edit(doc.lines.range(item.start, item.end), fit_to_source(text, _fit_name(doc), doc.source, item.start))]
    if moved:
        added = added_key_results(doc, doc.path_of(item), moved)
        if added is None:
            return Fix("unsafe", ())  # the metric must not vanish: the suggestion says where it goes
        at, inserted = added
        edits.append(Edit(doc.lines.range(at, at), inserted))
    return Fix("unsafe", tuple(edits))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A Markdown list item's lead: indent, bullet or number, optional task box.
_LIST_LEAD = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")


def added_key_results(document: OkrDocument | None, path: Sequence[int],
                      texts: Sequence[str]) -> tuple[int, str] | None:
    """Where and what to insert so a metric moved out of an objective becomes its key results.

    Only in Markdown lists, where a new item is unambiguous: after the
    objective's last key result (and its indented continuation lines), with
    the same list lead.  Elsewhere ``None``: the suggestion says what to add.
    """
    if document is None or document.format != "markdown" or len(path) != 1 or not texts:
        return None
    objective = document.objectives[path[0]]
    if not objective.key_results:
        return None
    source = document.source
    last = objective.key_results[-1]
    line_start = max(source.rfind("\n", 0, last.start), source.rfind("\r", 0, last.start)) + 1
    lead = source[line_start:last.start]
    if not _LIST_LEAD.fullmatch(lead):
        return None
    lead = re.sub(r"\[[xX]\]", "[ ]", lead)  # the new key result is not done yet
    numbered = re.search(r"\d+", lead)
    if numbered:  # "3. " → "4. "
        lead = lead[: numbered.start()] + str(int(numbered.group()) + 1) + lead[numbered.end():]
    indent = len(lead) - len(lead.lstrip())
    at, newline = len(source), "\n"
    for match in _LINE_BREAK.finditer(source, last.end):
        at, newline = match.start(), match.group(0)
        following = _LINE_BREAK.split(source[match.end():], maxsplit=1)[0]
        if not following.strip() or len(following) - len(following.lstrip()) <= indent:
            break  # a blank line or the next item: insert before it
    else:
        at = len(source)
    return at, "".join(newline + lead + text for text in texts)


# ---------------------------------------------------------------- the stage

def _needs_deadline(doc: OkrDocument, item: Item, analyses: Mapping[int, Analysis], known: dict[int, bool]) -> bool:
    """The item's objective has no period, and no time bound on it or its key results (``known``: the answer by
    objective, as every key result of an objective asks)."""
    objective = item if isinstance(item, Objective) else doc.objective_of(item)
    if objective is None or objective.period is not None:
        return False
    if id(objective) not in known:
        known[id(objective)] = _objective_needs_deadline(objective, analyses)
    return known[id(objective)]


def _objective_text(doc: OkrDocument, item: Item) -> str:
    """A key result's objective text, which rewrites may read ("Launch delivery in the app"); "" for an objective."""
    objective = None if isinstance(item, Objective) else doc.objective_of(item)
    return objective.text if objective is not None else ""


def _objective_needs_deadline(objective: Objective, analyses: Mapping[int, Analysis]) -> bool:
    for other in [objective, *objective.key_results]:
        if any(other.fields.get(k) not in (None, "") for k in ("due", "period", "deadline")):
            return False
        analysis = analyses.get(id(other))
        if analysis is not None and analysis.has_time():
            return False
    return True


def _message(mark: Mark, rule: "Rule | None", doc: OkrDocument, offered: bool,
             suggestion: Suggestion | None = None) -> str:
    """The rule's message, plus its format advice, plus what to add when no rewrite is offered.

    A rewrite that moves a number into a new key result says so in the message, quoting that key result:
    the objective's own rewrite alone would read as if the number were lost.
    """
    message = mark.finding.message
    if rule is None:
        return message
    moved = rule.templates.get("moved")
    if offered and suggestion is not None and suggestion.new_key_results and isinstance(moved, dict):
        said = moved.get(mark.locale) or moved.get("en")
        if said:
            message = f"{message} " + said.format(key_result="; ".join(suggestion.new_key_results),
                                                  objective=suggestion.text)
    advice = rule.templates.get("advice")
    if isinstance(advice, dict):
        by_format = advice.get(doc.format) or advice.get("markdown") or {}
        extra = by_format.get(mark.locale) or by_format.get("en")
        if extra:
            message = f"{message} {extra}"
    kind_hint = f"hint_{mark.finding.item.kind}"  # a kind may have its own hint, or none (``hint_objective: {}``)
    hint = rule.templates[kind_hint] if kind_hint in rule.templates else rule.templates.get("hint")
    if not offered and isinstance(hint, dict) and (hint.get(mark.locale) or hint.get("en")):
        message = f"{message} {hint.get(mark.locale) or hint['en']}"
    return message


def _may_suggest(marks: Sequence[Mark], analysis: Analysis, rules: Mapping[str, "Rule"]) -> bool:
    """Whether composing can give the item anything: a rule on it rewrites or has a safe edit, or the item is
    Russian (a numeral's agreement is repaired on any item with a finding).  The others skip the stage."""
    if analysis.lang == "ru":
        return True
    return any(m.finding.rule in rules and (rules[m.finding.rule].rewriter or rules[m.finding.rule].safe_fix)
               for m in marks)


def apply(doc: OkrDocument, marks: Sequence[Mark], analyses: Mapping[int, Analysis], kit: rewrite.Kit,
          rules: Mapping[str, "Rule"], *, suggest: bool = True,
          recheck: Callable[[Sequence[tuple[Item, str]]], list[set[str]]] | None = None) -> list[Finding]:
    """Findings with their composed suggestion and fix; ``suggest=False`` keeps messages only."""
    by_item: dict[int, list[Mark]] = {}
    for mark in marks:
        if mark.item is not None and id(mark.item) in analyses:
            by_item.setdefault(id(mark.item), []).append(mark)
    composed: dict[int, tuple[Suggestion | None, Fix | None, Fix | None, bool]] = {}
    if suggest and by_item:
        groups = [g for g in by_item.values() if _may_suggest(g, analyses[id(g[0].item)], rules)]
        known: dict[int, bool] = {}
        entries = [(g[0].item, g, analyses[id(g[0].item)], _needs_deadline(doc, g[0].item, analyses, known),
                    _objective_text(doc, g[0].item)) for g in groups]
        try:
            results = compose(entries, kit, rules, recheck)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a suggestion is optional; the findings must still be reported
            results = []
        for group, done in zip(groups, results):
            item = group[0].item
            assert item is not None
            if done.text is None:
                continue
            suggestion = Suggestion(done.text, rewrite.placeholders(done.text), done.new_key_results)
            safe = safe_fix(doc, item, done.safe_edits, "unsafe" if done.conditional else "safe") if done.safe_edits else None
            unsafe = None
            if done.rewritten:  # exact edits where the rewrite is one (a verb), else the whole item
                unsafe = (safe_fix(doc, item, done.unsafe_edits, "unsafe") if done.unsafe_edits else None) or \
                    unsafe_fix(doc, item, done.text, done.new_key_results)
            composed[id(item)] = (suggestion, safe, unsafe, done.complete and safe is not None)
    out = []
    for mark in marks:
        rule = rules.get(mark.finding.rule)
        suggestion, safe, unsafe, complete = composed.get(id(mark.item), (None, None, None, False)) \
            if mark.item is not None else (None, None, None, False)
        own_safe = rule is not None and bool(rule.safe_fix) and safe is not None
        fix = safe if own_safe else (unsafe or safe)
        offered = unsafe is not None or own_safe or complete  # this finding's own problem is fixed by the suggestion
        out.append(replace(mark.finding, message=_message(mark, rule, doc, offered, suggestion),
                           suggestions=(suggestion,) if suggestion is not None else (), fix=fix))
    return out


def edits_to_apply(findings: Sequence[Finding], *, unsafe: bool = False) -> list[Edit]:
    """The edits ``--fix`` writes: safe ones, or with ``unsafe`` each item's composed rewrite instead.

    An item's unsafe rewrite already holds its safe edits, so it replaces them;
    duplicates (every finding on an item carries its fix) are written once.
    """
    chosen: dict[tuple[int, int], list[Edit]] = {}  # item range → its edits
    rewritten = {(f.item.range.start.offset, f.item.range.end.offset) for f in findings
                 if unsafe and f.fix is not None and f.fix.applicability == "unsafe" and f.fix.edits and f.item.range}
    for finding in findings:
        fix = finding.fix
        if fix is None or not fix.edits or finding.item.range is None:
            continue
        key = (finding.item.range.start.offset, finding.item.range.end.offset)
        if fix.applicability == "unsafe":
            if unsafe:
                chosen[key] = list(fix.edits)
        elif not (unsafe and key in rewritten):
            current = chosen.setdefault(key, [])
            current.extend(e for e in fix.edits if e not in current)
    edits = [e for group in chosen.values() for e in group]
    edits.sort(key=lambda e: (e.range.start.offset, e.range.end.offset))
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.range.start.offset < kept[-1].range.end.offset:
            continue  # overlapping edits: keep the first, the next run picks up the rest
        kept.append(edit)
    return kept



