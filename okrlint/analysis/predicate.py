"""The predicate of an OKR item, whatever form the writer gave it.

Writers state the same act as an infinitive or imperative («Улучшить X»,
"Improve X"), a finite verb in any person or tense («Улучшим X», «Команда
улучшит X», "We improved X"), an infinitive under a modal («Нужно улучшить»,
«Планируем запустить», "We need to improve"), a short passive participle
(«Проведены 4 воркшопа», «Регламент утверждён», "X will be improved"), an
-ing or -ed headline ("Improving X", "Improved X") or a noun of action heading
the item («Улучшение X», "Optimization of X").  Rules ask one question —
which verb does this item predicate? — and this module answers it once.

A participle used as an adjective inside a noun phrase («улучшенный баннер»,
"an improved banner") is not a predicate: it describes a thing, it does not
state an act.  Russian uses natasha's tags and dependency tree (modal heads,
``xcomp``/``csubj`` infinitives, ``conj`` for coordination); English has no
tagger, so the candidates lemminflect gives each word are read against the
item's shape (line start, after a subject, after a modal or "be").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Token

from .en_participles import PARTICIPLES
from .tokens import doc_tokens

Form = Literal["imperative", "finite", "modal", "passive", "gerund", "participle", "noun"]

__all__ = ["Predicate", "find_predicate", "verb_of_noun", "coordinated", "is_participle"]


@dataclass(frozen=True)
class Predicate:
    """The head of an item's predicate.

    ``head`` is the word that carries the act (a verb, a participle or a noun
    of action); ``lemmas`` are the verb lemmas it stands for, the phrasal one
    first ("roll out", then "roll"); ``end`` is the token index after the
    predicate (after a phrasal particle).
    """

    head: Token
    lemmas: tuple[str, ...]
    form: Form
    end: int
    modal: Token | None = field(default=None, compare=False)

    @property
    def lemma(self) -> str:
        return self.lemmas[0]

    @property
    def start(self) -> int:
        return self.head.i

    def has(self, words: set[str]) -> bool:
        """Whether any reading of the predicate is in a lexicon (Russian reflexives count as their base verb)."""
        for lemma in self.lemmas:
            if lemma in words:
                return True
            if lemma.endswith(("ся", "сь")) and lemma[:-2] in words:
                return True
        return False

    def span_end(self) -> int:
        """Character offset where the predicate's words end."""
        last = self.head.doc[self.end - 1]
        return last.idx + len(last.text)


_SKIP_POS = {"ADV", "PART", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "INTJ"}


def _content(doc: Doc) -> list[Token]:
    words = [t for t in doc_tokens(doc) if not (t.is_space or t.is_punct or t.pos_ in ("SYM", "X") and not t.is_alpha)
             or t.lower_ in _EN_MODALS]  # "We'll work on …": the contraction is the modal
    after = _after_condition(doc)
    return [t for t in words if t.i >= after]


_CONDITIONS_PROPER = {"если", "когда", "коли", "if", "when", "once", "whenever", "where", "wherever"}
# … and a leading time phrase: "Over the next two quarters, bring …", "By the end of Q2, ship …"
_CONDITIONS = _CONDITIONS_PROPER | {"over", "throughout", "during", "within", "by", "in"}


def _after_condition(doc: Doc) -> int:
    """Where the main clause starts after a leading condition («Если получится, перевести …», "If possible, move …").

    The condition's verb is not the act: the predicate is the one after its comma.
    """
    first = next((t for t in doc_tokens(doc) if not (t.is_space or t.is_punct)), None)
    if first is None or first.lower_ not in _CONDITIONS:
        return 0
    comma = next((t for t in doc_tokens(doc) if t.text == "," and t.i > first.i), None)
    if comma is None or comma.i + 1 >= len(doc) or comma.i > first.i + (6 if first.lower_ not in _CONDITIONS_PROPER else 5):
        return 0
    return comma.i + 1


def find_predicate(doc: Doc, lang: str) -> Predicate | None:
    """The item's predicate, or None for a noun phrase with no act in it ("Monthly active users")."""
    return _russian(doc) if lang == "ru" else _english(doc)


# ---------------------------------------------------------------- Russian

# Words that govern an infinitive carrying the act: «нужно/надо/необходимо/важно провести»,
# «должны улучшить», «планируем/хотим/будем/собираемся/предлагаю запустить», «хотелось бы выйти».
_RU_MODALS = {"нужно", "надо", "необходимо", "важно", "должный", "должен", "планировать", "запланировать",
              "хотеть", "хотеться", "собираться", "предлагать", "предложить", "быть", "мочь", "следовать", "требоваться",
              "стоить", "намереваться", "обязаться", "постараться", "стараться", "попробовать", "пробовать",
              "попытаться", "пытаться", "стремиться", "надеяться", "продолжить", "продолжать", "начать", "начинать"}  # hedges govern the act too: «Постараться выйти на …»


def _ru_form(token: Token) -> Form | None:
    if token.pos_ != "VERB" and not (token.pos_ == "AUX" and token.lemma_ != "быть"):
        return None
    verb_form = token.morph.get("VerbForm")
    if "Inf" in verb_form or "Imp" in token.morph.get("Mood"):
        return "imperative"
    if "Part" in verb_form:
        return "passive" if "Short" in token.morph.get("Variant") else None  # a full participle is an attribute
    if "Conv" in verb_form:
        return None
    return "finite"


def _ru_infinitive_after(modal: Token) -> Token | None:
    """The infinitive a modal governs: its ``xcomp``/``csubj`` child, else the next infinitive within three words."""
    doc = modal.doc
    for child in modal.children:
        if child.pos_ == "VERB" and "Inf" in child.morph.get("VerbForm") and child.i > modal.i:
            return child
    for t in doc[modal.i + 1: modal.i + 4]:
        if t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm"):
            return t
    return None


def _ru_predicate(token: Token, form: Form) -> Predicate:
    if token.lemma_.lower() in _RU_MODALS:
        inf = _ru_infinitive_after(token)
        if inf is not None:
            return Predicate(inf, (inf.lemma_.lower(),), "modal", inf.i + 1, modal=token)
    return Predicate(token, (token.lemma_.lower(),), form, token.i + 1)


def in_relative_clause(token: Token) -> bool:
    """«Доля сессий, которые заканчиваются…»: a verb after «который» in its comma clause qualifies a noun; it is no
    predicate of the item."""
    for t in reversed(token.doc[:token.i]):
        if t.text in (",", ";", "—", "–", ":"):
            return False
        if t.lemma_.lower() in ("который", "которая", "которые", "которое"):
            return True
    return False


def ru_verb_reading(token: Token) -> tuple[str, Form] | None:
    """A word the tagger missed but the dictionary reads only as a verb («Доведём» tagged as a name)."""
    from .russian import parses

    if not token.is_alpha or not any("\u0400" <= ch <= "\u04ff" for ch in token.text):
        return None
    readings = [p for p in parses(token.text) if p.score >= 0.05]
    if not readings or any(p.tag.POS not in ("VERB", "INFN") for p in readings):
        return None
    first = readings[0]
    form: Form = "imperative" if first.tag.POS == "INFN" or "impr" in first.tag.grammemes and "incl" not in first.tag.grammemes \
        else "finite"
    return first.normal_form.replace("ё", "е"), form


def quoted_words(doc: Doc) -> set[int]:
    """Indices of the words inside «…», "…" or '…': a quoted name («с этим покупают», "'Try Soccer' Saturdays") holds
    no predicate and no hedge of the item."""
    inside, depth, straight, single = set(), 0, False, False
    for t in doc_tokens(doc):
        if t.text in ("«", "“", "„", "‘"):
            depth += 1
        elif t.text in ("»", "”", "’") and depth:
            depth -= 1
        elif t.text == '"':
            straight = not straight
        elif t.text == "'" and (single or not t.whitespace_ and (t.i == 0 or t.doc[t.i - 1].whitespace_)):
            single = not single  # an opening quote stands before a word, after a space; "customers' data" is no quote
        elif depth or straight or single:
            inside.add(t.i)
    return inside


def _russian(doc: Doc) -> Predicate | None:
    quoted = quoted_words(doc)
    words = [t for t in _content(doc) if t.i not in quoted]
    if words and words[0].pos_ != "VERB" and (reading := ru_verb_reading(words[0])) is not None:
        return Predicate(words[0], (reading[0],), reading[1], words[0].i + 1)
    for t in words[:4]:  # the leading verb, after an optional subject («Команда оптимизирует…»)
        if t.lemma_.lower() == "который":
            break  # «Доля сессий, которые заканчиваются…»: the verb after it belongs to a relative clause
        form = _ru_form(t)
        if form is None and t.pos_ == "VERB" and (reading := ru_verb_reading(t)) is not None:
            form = reading[1]  # «Совершенствуют» tagged as a gerund: the dictionary knows only finite readings
        if t.lower_ in _RU_MODALS or t.lemma_.lower() in ("нужно", "надо", "необходимо", "важно", "должный"):
            inf = _ru_infinitive_after(t)
            if inf is not None:
                return Predicate(inf, (inf.lemma_.lower(),), "modal", inf.i + 1, modal=t)
        if form is not None:
            return _ru_predicate(t, form)
        if t.pos_ in _SKIP_POS or t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            continue
        break
    roots = [t for t in doc_tokens(doc) if t.dep_ == "ROOT" and t.i >= _after_condition(doc) and not in_relative_clause(t)
             and t.i not in quoted]
    for root in roots:
        form = _ru_form(root)
        if form is not None or root.lemma_.lower() in _RU_MODALS:
            predicate = _ru_predicate(root, form or "finite")
            if predicate.form != "finite" or form is not None:
                return predicate
    late = next((t for t in words if t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm")), None)
    if late is not None and (form := _ru_form(late)) is not None \
            and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "NUM", "DET") for t in words[:words.index(late)]):
        return _ru_predicate(late, form)  # «Рейтинг курьеров держать не ниже 4,8», «Текучесть снизить до 18%»: object first
    lead = [t for t in words[:3] if t.pos_ != "ADJ"][:1]  # «Качественное улучшение процессов»
    first = lead[0] if lead and all(t.pos_ == "ADJ" for t in words[:words.index(lead[0])]) else None
    if first is not None and first.pos_ == "NOUN":
        verbs = verb_of_noun(first.lemma_.lower(), "ru")
        if verbs:
            return Predicate(first, verbs, "noun", first.i + 1)
    return None


# ---------------------------------------------------------------- English

_EN_SUBJECT = {"we", "i", "the", "our", "team", "they", "you", "a", "an", "this", "my", "their", "all", "every", "each"}
_EN_DETERMINERS = {"a", "an", "the", "this", "these", "those", "every", "each", "all", "our", "their", "my", "your", "its"}
_EN_PHASE = {"continue", "keep", "start", "begin", "stop"}
_EN_MODALS = {"will", "'ll", "’ll", "shall", "must", "should", "would", "can", "could", "may", "might"}
_EN_TO_VERBS = {"need", "needs", "want", "wants", "plan", "plans", "aim", "aims", "hope", "hopes", "intend", "intends",
                "going", "have", "has", "is", "are", "able", "expect", "expects", "commit", "strive", "seek", "try",
                "continue", "start", "begin", "attempt", "like", "love", "attempting", "trying", "aiming", "planning",
                "hoping", "seeking", "striving"}
_EN_BE = {"be", "is", "are", "was", "were", "been", "being", "gets", "get", "got"}
EN_LEAD_ADVERBS = {"potentially", "hopefully", "ideally", "significantly", "also", "then", "further", "continuously",
                    "continually", "dramatically", "substantially", "greatly", "drastically", "radically",
                    "actively", "proactively", "successfully", "fully", "finally", "still", "stretch", "maybe", "perhaps"}
_PARTICLES = {"out", "up", "off", "on", "down", "in", "over", "through", "towards", "toward", "live"}
_PHRASAL = {"roll out", "set up", "ramp up", "build out", "spin up", "kick off", "sign up", "work on", "focus on",
            "follow up", "scale up", "clean up", "map out", "lay out", "carry out", "hand off", "shut down", "wind down",
            "sort out", "figure out", "find out", "bring down", "cut down", "pay down", "bring in", "take over",
            "reach out", "stand up", "wrap up", "double down", "level up", "buy in", "work towards", "work toward", "go live",
            "close out"}
_IRREGULAR_PARTICIPLES = {"built": "build", "done": "do", "written": "write", "run": "run", "set": "set", "made": "make",
                          "held": "hold", "sent": "send", "taken": "take", "given": "give", "shut": "shut", "put": "put",
                          "chosen": "choose", "drawn": "draw", "begun": "begin", "rebuilt": "rebuild",
                          "rewritten": "rewrite", "brought": "bring", "cut": "cut", "won": "win", "shipped": "ship"}


def _en_options(word: str) -> dict[str, tuple[str, ...]]:
    from .english import word_options as getAllLemmas  # cached

    return getAllLemmas(word.lower())


def _en_verb(word: str) -> str | None:
    options = _en_options(word)
    if "VERB" in options:
        return options["VERB"][0].lower()
    low = word.lower()
    if not options and low.startswith("re") and len(low) > 5 and _en_options(low[2:]).get("VERB", ("",))[0] == low[2:]:
        return low  # "Reshoot listing photos", "Reonboard": re- and a base verb the dictionary lacks as one word
    return _IRREGULAR_PARTICIPLES.get(low)


def _en_phrasal(token: Token, lemma: str) -> tuple[tuple[str, ...], int]:
    nxt = next_word(token)
    if nxt is not None and nxt.text == "-" and not token.whitespace_ and not nxt.whitespace_:
        nxt = next_word(nxt)  # "Roll-out of SSO", "Set-up a sandbox": the particle glued by a hyphen
    if nxt is not None and nxt.lower_ in _PARTICLES and f"{lemma} {nxt.lower_}" in _PHRASAL:
        return (f"{lemma} {nxt.lower_}", lemma), nxt.i + 1
    return (lemma,), token.i + 1


def next_word(token: Token) -> Token | None:
    """The next token that is not whitespace (the checks use it too).

    By index: slicing the Doc would make a Token object for every word up to the end, on every call.
    """
    tokens, i = doc_tokens(token.doc), token.i + 1
    while i < len(tokens):
        if not tokens[i].is_space:
            return tokens[i]
        i += 1
    return None


def prev_word(token: Token) -> Token | None:
    """The previous token that is not whitespace."""
    tokens, i = doc_tokens(token.doc), token.i - 1
    while i >= 0:
        if not tokens[i].is_space:
            return tokens[i]
        i -= 1
    return None


def is_participle(word: str) -> bool:
    """Whether an English word can be a past participle ("published", "built")."""
    return _is_participle(word.lower())


@lru_cache(maxsize=65536)  # asked for most words of every English item, by several checks
def _is_participle(low: str) -> bool:
    if (low.endswith("ed") and _en_verb(low) is not None) or low in _IRREGULAR_PARTICIPLES:
        return True
    if low in _EN_MODALS or low in _EN_BE or low in ("had", "has", "have", "did", "does", "do"):
        return False  # "should" is lemminflect's past of "shall", not a participle
    lemma = _en_verb(low)
    # "spoken", "chosen", "sent": lemminflect's participles of the lemma, those not ending in "-ed" written out
    return lemma is not None and lemma != low and low in PARTICIPLES.get(lemma, ())


def _en_make(token: Token, form: Form, lemma: str) -> Predicate:
    lemmas, end = _en_phrasal(token, lemma)
    return Predicate(token, lemmas, form, end)


_NOT_OBJECT = {"of", "to", "for", "in", "on", "by", "with", "at", "from", "and", "or", "per", "is", "are", "will", "was",
               "were", "be", "has", "have", "than", "as", "into", "across", "within", "without", "over", "under"}


def _object_follows(token: Token) -> bool:
    """Whether the word after ``token`` can open its object ("Improving onboarding emails", not "runs for 10 days")."""
    nxt = next_word(token)
    if nxt is None:
        return False
    if nxt.like_num or nxt.text[:1] in "$€£#\"«“'`" or re.match(r"[/~]\w", nxt.text):
        return True  # "Migrated /home and /project onto Ceph": a path opens the object
    if nxt.is_alpha:
        return nxt.lower_ not in _NOT_OBJECT
    return nxt.text[:1].isalnum()


def _en_adverb(token: Token) -> bool:
    """"successfully", "actively": an -ly word that can only be an adverb."""
    low = token.lower_
    return low.endswith("ly") and set(_en_options(low)) == {"ADV"}


def _shares_object(token: Token) -> bool:
    """"measure and improve the satisfaction": a verb whose object comes after the verb coordinated with it."""
    for _ in range(4):  # "gather, process and present metrics"
        nxt = next_word(token)
        if nxt is None or nxt.lower_ not in ("and", "&", "or", ","):
            return False
        second = next_word(nxt)
        if second is None or _en_verb(second.lower_) is None:
            return False
        if _object_follows(second):
            return True
        token = second
    return False


def _nounish(token: Token) -> bool:
    if token.lower_ in _NOT_OBJECT and token.lower_ not in _EN_SUBJECT:
        return False  # "of", "to", "and": a closed-class word is no subject
    return token.lower_ in _EN_SUBJECT or "NOUN" in _en_options(token.text) or not _en_options(token.text) and token.is_alpha


_EN_FREQUENCY_WORDS = {"daily", "weekly", "biweekly", "monthly", "quarterly", "yearly", "annually"}


def _closing_frequency(verb: Token) -> bool:
    """"Review Peakon results monthly": after a base form that opens the line, a "verb" followed only by a closing
    "monthly" is the plural noun of the order's object, not the verb of a clause."""
    nxt = next_word(verb)
    after = next_word(nxt) if nxt is not None else None
    if nxt is None or nxt.lower_ not in _EN_FREQUENCY_WORDS or after is not None and after.is_alpha:
        return False
    between = [t for t in verb.doc[1:verb.i] if t.is_alpha]  # the would-be subject: a name ("Peakon"), not "Product team"
    return bool(between) and any(t.text[:1].isupper() for t in between) and not any(t.lower_ in _EN_SUBJECT for t in between)


def _after_owner(doc: Doc) -> int:
    """Where the order starts after a short owner or area label ("Marketing: publish the brand guide", "Docs – write
    the API reference"): one to three words, a colon or a spaced dash, then a base-form verb with an object.  A
    "Metric: value" line or a label naming a deliverable ("Loyalty components: badges, …") keeps its start."""
    tokens = [t for t in doc_tokens(doc) if not t.is_space]
    for k, t in enumerate(tokens[1:5], start=1):
        if t.text not in (":", "–", "—") or t.text != ":" and not (t.whitespace_ and doc[t.i - 1].whitespace_):
            continue
        label = tokens[:k]
        if not all(x.is_alpha or x.text in ("&", "/", "-") for x in label) or k + 1 >= len(tokens):
            return 0
        verb = tokens[k + 1]
        low = verb.lower_
        nxt = next_word(verb)
        noun = "NOUN" in _en_options(low) and not (nxt is not None and (nxt.like_num or nxt.lower_ in _EN_DETERMINERS))
        if verb.is_alpha and _en_verb(low) == low and "VERB" in _en_options(low) and _object_follows(verb) \
                and low not in _EN_SUBJECT and not verb.text.isupper() and not noun:  # "Docs: Style guide for …" is a name
            return verb.i
        return 0
    return 0


def _english(doc: Doc) -> Predicate | None:
    start = _after_owner(doc)
    words = [t for t in _content(doc) if t.i >= start]
    i = 0
    while i < len(words) and words[i].lower_ in EN_LEAD_ADVERBS:
        i += 1
    if i >= len(words) or _en_metric_label(words[i:]):
        return None
    if _glued_hyphen_after(words[i]) and (clause := _en_clause(words[i:])) is not None:
        return clause  # "Shift-swap tool rolled out", "Trial-to-paid conversion improved": a compound subject
    if _glued_hyphen_after(words[i]) and words[i].i + 2 < len(doc) and is_participle(doc[words[i].i + 2].lower_):
        return None  # "Cloud-hosted dashboards …", "AI-driven search": an adjective, not an order
    if _glued_hyphen_after(words[i]) and words[i].lower_ in _EN_VERB_PREFIXES and words[i].i + 2 < len(doc):
        second = doc[words[i].i + 2]
        after = next_word(second)
        compound = "NOUN" in _en_options(second.lower_) and after is not None and after.is_alpha \
            and after.lower_ not in _EN_DETERMINERS  # "Self-service adoption rate": a noun compound, no order
        if _en_verb(second.lower_) == second.lower_ and not compound:
            return _en_make(second, "imperative", second.lower_)  # "Deep-clean every car", "Re-run the survey"
    first = words[i]
    low = first.lower_
    options = _en_options(low)
    lemma = _en_verb(low)
    nxt = words[i + 1] if i + 1 < len(words) else None
    if low in _EN_PHASE and nxt is not None:
        if nxt.lower_ == "to" and i + 2 < len(words) and _en_verb(words[i + 2].lower_) == words[i + 2].lower_:
            return _en_make(words[i + 2], "modal", words[i + 2].lower_)  # "Continue to improve the checkout"
        if nxt.lower_.endswith("ing") and (verb := _en_verb(nxt.lower_)) is not None:
            return _en_make(nxt, "gerund", verb)  # "Keep improving the checkout"
    determiner_next = nxt is not None and (nxt.like_num or nxt.lower_ in _EN_DETERMINERS)
    if determiner_next and (lemma == low and "VERB" in options
                            or not {"ADJ", "VERB"} & set(options) and not first.text.isupper()
                            and nxt.lower_ in _EN_DETERMINERS) \
            and not first.like_num and first.pos_ not in _SKIP_POS and first.pos_ != "AUX":
        # "Interview 15 churned customers", "Onboard the 4 new agents", "Sunset the v1 API": a base form (or a word
        # the dictionary lacks as a verb) followed by a number or a determiner is an order, not the subject of a
        # clause. An unknown word before a number is a metric name ("Uptime 99.95%"); "For the 11.3 release" is no order.
        return _en_make(first, "imperative", low)
    closed = _NOUN_VERBS["en"].get(low, "")
    at_least = nxt is not None and nxt.lower_ == "at" and i + 2 < len(words) and words[i + 2].lower_ == "least"
    if " " in closed and nxt is not None and (at_least or nxt.lower_ not in _NOT_OBJECT and _object_follows(first)):
        return Predicate(first, (closed, closed.split()[0]), "imperative", first.i + 1)  # "Rollout 20 new languages"
    if "NOUN" in options or not options or low in _EN_SUBJECT:
        clause = _en_clause(words[i:])  # "Search will be improved", "Press kit published", "Team ships 3 features"
        name = clause is not None and clause.form == "finite" and clause.head.text[:1].isupper() \
            and lemma is not None and low == lemma and not first.text.isupper()  # "Launch Cases App": a name, no verb
        closing = clause is not None and lemma is not None and low == lemma and _closing_frequency(clause.head)
        if clause is not None and clause.head.i != first.i and not name and not closing and (
                clause.form in ("modal", "passive") or clause.head.lower_ != clause.lemmas[-1]
                or first.lower_ in ("we", "i", "they", "you")):
            return clause
    # "Improve X", "Launch the portal": a base form at the line start (or after a leading adverb).
    if lemma is not None and low == lemma and (first.pos_ == "VERB" or i > 0 or "NOUN" not in options
                                               or _after_condition(doc) > 0):  # "If the pilot succeeds, set up canary deploys"
        return _en_make(first, "imperative", lemma)
    phrasal = nxt is not None and f"{lemma} {nxt.lower_}" in _PHRASAL and _object_follows(nxt)  # "Closing out open findings"
    if lemma is not None and low.endswith("ing") and ("NOUN" not in options or determiner_next or phrasal) \
            and _object_follows(first):
        return _en_make(first, "gerund", lemma)  # "Improving onboarding emails" (not "Onboarding", a noun)
    if lemma in ("work", "focus") and low.endswith("ing") and nxt is not None and nxt.lower_ in ("on", "towards", "toward"):
        return _en_make(first, "gerund", lemma)  # "Working on portion sizes": an effort, not a noun "working"
    if lemma is not None and is_participle(low) and _object_follows(first) and low not in ("set",):
        return _en_make(first, "participle", lemma)  # "Improved admin usability", "Booked revenue" (an attribute?)
    noun = _en_noun_predicate(first)
    if noun is None and nxt is not None and (set(options) == {"ADJ"} or _en_compound_head(first, nxt)
                                             or low in _EN_STAGES and first.i + 1 == nxt.i):
        noun = _en_noun_predicate(nxt)  # "Continuous improvement of the hiring process", "Bitswap improvements around …"
    if noun is not None:
        return noun
    return _en_clause(words[i:])


# Verbs that open an order even before a "Metric: value" shape ("Reduce churn: 3%" asks for a change).
_EN_ORDER_FIRST = {"increase", "reduce", "grow", "raise", "cut", "lower", "boost", "decrease", "improve", "double",
                   "triple", "halve", "reach", "achieve", "hit", "keep", "maintain", "get", "drive", "deliver", "bring",
                   "move", "shrink", "lift", "expand", "sustain", "hold", "exceed", "win", "sign", "close", "hire"}
_EN_RATE_HEADS = {"rate", "rates", "ratio", "ratios", "score", "scores", "rating", "ratings"}
# "Plan renewal rate: 70%", "Volunteer retention past 3 months: 80%": a short label, a separator, a value.
_EN_LABEL_LINE = re.compile(r"[^\W\d_][^:—–=()\n]{0,60}?\s*(?::|\s[—–=])\s*(?:[<>≤≥~≈+−-]\s*|(?:no\s+(?:more|less|fewer)\s+than|"
                            r"at\s+(?:least|most)|under|below|above|over|up\s+to)\s+)?[$€£]?\d")


# First halves of hyphenated verbs ("deep-clean", "re-launch", "double-check"): the second half is the act.
_EN_VERB_PREFIXES = {"re", "pre", "co", "deep", "double", "cross", "fine", "spot", "hand", "soft", "hard", "bulk",
                     "auto", "self", "dry", "spring", "live", "beta", "mass", "batch"}


def glued_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("first-contact"), not a dash between phrases."""
    return token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_


def _glued_hyphen_after(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and glued_hyphen(token.doc[token.i + 1])


def _en_metric_label(words: list[Token]) -> bool:
    """A metric named by a compound whose first word could be a verb ("Plan renewal rate: 70%", "Reopen rate under
    5%", "Book club members: 400"): no determiner or number follows that word, so it is no order."""
    first = words[0]
    low = first.lower_
    nxt = words[1] if len(words) > 1 else None
    ordinal = nxt is not None and nxt.lower_.endswith(("first", "second", "third", "th"))  # "Average first response"
    if low in _EN_ORDER_FIRST or low in _EN_SUBJECT or nxt is None or nxt.like_num and not ordinal \
            or nxt.lower_ in _EN_DETERMINERS:
        return False
    if nxt.lower_ in _EN_RATE_HEADS and first.i + 1 == nxt.i:
        after = words[2] if len(words) > 2 else None
        compound = after is not None and after.is_alpha and after.i == nxt.i + 1 and set(_en_options(after.text)) == {"NOUN"}
        return not compound  # "Reopen rate", "Close rate", "Open rate"; not "Review rate parity with the booking sites", an order
    label = _EN_LABEL_LINE.match(first.doc.text, first.idx)
    if label is None:
        return False
    head = [w for w in words if w.idx < label.end() - 1]
    return len(head) <= 7 and not any(w.lower_ in _EN_DETERMINERS or w.lower_ in ("to", "and", "or") for w in head)


# "Beta release of X", "Public rollout of Y": a stage word before a noun of action leaves the act as it is.
_EN_STAGES = {"alpha", "beta", "first", "public", "private", "soft", "full"}


def _en_compound_head(first: Token, second: Token) -> bool:
    """"Bitswap improvements", "Checkout optimization": a name or noun, then a plural or -tion/-ment noun of action."""
    if first.pos_ not in ("NOUN", "PROPN") or "VERB" in _en_options(first.text) or first.i + 1 != second.i:
        return False
    return second.lower_.endswith(("ments", "ment", "tions", "tion", "sions", "sion"))


def _en_noun_predicate(token: Token) -> Predicate | None:
    """"Improvement of X", "Optimization of cloud costs", "Rollout of SSO": a noun of action heading the item."""
    if token.pos_ not in ("NOUN", "PROPN") and "NOUN" not in _en_options(token.text):
        return None
    nxt = next_word(token)
    if nxt is not None and nxt.lower_ not in ("of", "to", "for", "in", "on", "across", "within", "around") \
            and not (nxt.is_punct and token.i > 0):
        return None
    verbs = verb_of_noun(token.lower_, "en") or (verb_of_noun(token.lower_[:-1], "en") if token.lower_.endswith("s") else ())
    return Predicate(token, verbs, "noun", token.i + 1) if verbs else None


def _en_clause(words: list[Token]) -> Predicate | None:
    """A sentence with a subject: "We will improve X", "X will be improved", "Press kit published", "Team ships X"."""
    purpose = False  # "Instrument gitbase to be able to trace …": a "to" after the object opens a purpose, not a modal
    words = [t for t in words if not _en_adverb(t)]  # "We successfully improve X": the adverb is not the verb's subject
    for k, t in enumerate(words[:7]):
        low = t.lower_
        prev = words[k - 1] if k else None
        plow = prev.lower_ if prev is not None else ""
        if low == "to" and k and plow not in _EN_TO_VERBS and plow not in _EN_BE and plow not in _EN_MODALS:
            purpose = True
        if low in _EN_MODALS or low in _EN_BE or low == "to" or low in _EN_TO_VERBS:
            continue
        if prev is not None and any(x.is_punct and not glued_hyphen(x) for x in doc_tokens(t.doc)[prev.i + 1:t.i]):
            return None  # "Plan, run and report": a list of acts, not a subject and its verb («First-contact» is one word)
        lemma = _en_verb(low) if not (t.i and glued_hyphen(t.doc[t.i - 1])) else None  # "LSIF-powered": part of a word
        if lemma is None:
            if k and t.pos_ in ("ADP", "CCONJ", "SCONJ") and low not in ("of",):
                return None  # past the subject noun phrase: "Tickets per agent per day"
            continue
        if plow in _EN_MODALS or plow == "to" and k >= 2 and words[k - 2].lower_ in _EN_TO_VERBS and not purpose:
            if low == lemma:
                return _en_make(t, "modal", lemma)  # "We will improve", "We need to ship"
        if plow in _EN_BE and is_participle(low):
            return _en_make(t, "passive", lemma)  # "X will be improved", "The proposal is documented"
        nxt = words[k + 1] if k + 1 < len(words) else None
        attributive = nxt is not None and nxt.is_alpha and nxt.lower_ not in _NOT_OBJECT and nxt.lower_ not in _EN_DETERMINERS \
            and set(_en_options(nxt.text)) in ({"NOUN"}, set())  # "Data driven decisions", "structured JSON output": it describes a noun
        if k and is_participle(low) and low != lemma and prev is not None and (_nounish(prev) or prev.like_num) \
                and plow not in _EN_SUBJECT - {"team"} and not attributive:
            return _en_make(t, "passive", lemma)  # "Press kit published on the website"
        if "NOUN" in _en_options(low) and nxt is not None and set(_en_options(nxt.text)) == {"VERB"}:
            continue  # "Engineering teams contribute …": the noun reading, the next word is the verb
        plural_subject = prev is not None and low == lemma and prev.lower_.endswith("s") and "NOUN" in _en_options(prev.text)
        if _counted_modifier(words, k):
            continue  # "Inflow of 10 candidate resumes": "10 candidate" is no subject, "resumes" is the counted noun
        if k and prev is not None and _nounish(prev) and plow not in _EN_DETERMINERS \
                and (low != lemma or plow in _EN_SUBJECT or plural_subject) \
                and (_object_follows(t) or low == lemma and _shares_object(t)) and "ADJ" not in _en_options(low) and not low.endswith("ing"):
            return _en_make(t, "finite", lemma)  # "Team ships 3 features", "We improved onboarding"
    return None


def _counted_modifier(words: list[Token], k: int) -> bool:
    """Whether words[k] is the plural noun of a count whose previous word is a singular modifier: after a number
    above one a subject would be plural ("10 teams ship"), so in "10 candidate resumes" the count is of resumes."""
    if k < 2 or not words[k].lower_.endswith("s"):
        return False
    modifier, number = words[k - 1], words[k - 2]
    value = number.text.replace(",", "")
    return modifier.is_alpha and not modifier.lower_.endswith("s") and value.isdigit() and int(value) > 1


# ---------------------------------------------------------------- nouns of action

# Nouns whose verb no suffix rule reaches (zero-suffix and -ка nouns are listed, not guessed:
# «выручка» is revenue, not «выручить»).
_NOUN_VERBS = {
    "ru": {"запуск": "запустить", "выпуск": "выпустить", "рост": "расти", "переход": "перейти", "пересмотр": "пересмотреть",
           "обзвон": "обзвонить", "подготовка": "подготовить", "настройка": "настроить", "разработка": "разработать",
           "доработка": "доработать", "установка": "установить", "отправка": "отправить", "перенос": "перенести",
           "переработка": "переработать", "прокачка": "прокачать", "поддержка": "поддержать", "помощь": "помочь",
           "сбор": "собрать", "набор": "набрать", "наём": "нанять", "найм": "нанять", "запись": "записать",
           "доставка": "доставить", "проработка": "проработать", "отладка": "отладить", "переезд": "переехать",
           "замена": "заменить", "проверка": "проверить", "разметка": "разметить", "сборка": "собрать",
           "выдача": "выдать", "передача": "передать", "защита": "защитить", "эскалация": "эскалировать",
           "валидация": "валидировать", "выкладка": "выложить", "сверка": "сверить", "закупка": "закупить",
           "участие": "участвовать"},
    "en": {"launch": "launch", "rollout": "roll out", "setup": "set up", "kickoff": "kick off", "publication": "publish",
           "expansion": "expand", "growth": "grow", "redesign": "redesign", "rebuild": "rebuild", "rewrite": "rewrite",
           "overhaul": "overhaul", "upgrade": "upgrade", "release": "release", "revamp": "revamp", "build-out": "build out",
           "buildout": "build out", "support": "support", "analysis": "analyze", "refinement": "refine"},
}
# Suffix rules: noun ending → verb endings to try; a candidate counts only if the dictionary knows it as a verb.
_RU_SUFFIXES = (
    ("ование", ("овать",)), ("евание", ("евать",)), ("ывание", ("ывать",)), ("ивание", ("ивать",)),
    ("ание", ("ать",)), ("яние", ("ять",)),
    ("ведение", ("вести", "водить")), ("едение", ("ести",)), ("ждение", ("дить",)), ("щение", ("тить", "стить")),
    ("жение", ("зить", "жить", "гать")), ("чение", ("чить", "чь", "тить")), ("шение", ("сить", "шить")),
    ("пление", ("пить",)), ("бление", ("бить",)), ("вление", ("вить",)), ("мление", ("мить",)), ("фление", ("фить",)),
    ("ление", ("лить",)), ("ение", ("ить", "еть", "ять")), ("тие", ("ть",)),
    ("изация", ("изировать", "изовать")), ("ация", ("ировать", "овать", "ить")), ("иция", ("ировать",)),
)
_EN_SUFFIXES = (
    ("isation", ("ise",)), ("ization", ("ize",)), ("ication", ("y",)), ("ation", ("ate", "", "e")), ("ition", ("ite", "e")),
    ("ution", ("ute", "ve")), ("ction", ("ce", "ct")), ("sion", ("de", "se", "t", "d")), ("tion", ("te", "t")),
    ("ment", ("",)), ("ion", ("e", "")), ("ance", ("e", "")), ("ence", ("e",)), ("al", ("",)),
)


# Nouns of action that OKRs use as metric names ("Conversion of trials", «Удержание клиентов»): not acts.
_METRIC_NOUNS = {"conversion", "retention", "adoption", "satisfaction", "acquisition", "engagement", "utilization",
                 "utilisation", "completion", "resolution", "participation", "attrition", "penetration", "activation",
                 "удержание", "вовлечение", "вовлеченность", "отток", "посещение", "использование"}


@lru_cache(maxsize=8192)
def verb_of_noun(noun: str, lang: str) -> tuple[str, ...]:
    """The verbs a noun of action names («улучшение» → улучшить, "optimization" → optimize), checked against the dictionary."""
    noun = noun.lower().replace("ё", "е")
    if noun in _METRIC_NOUNS:
        return ()
    table = _NOUN_VERBS.get(lang, {})
    if noun in table:
        return (table[noun],)
    suffixes = _RU_SUFFIXES if lang == "ru" else _EN_SUFFIXES
    found: list[str] = []
    for ending, replacements in suffixes:
        if not noun.endswith(ending) or len(noun) <= len(ending) + 2:
            continue
        stem = noun[: -len(ending)]
        for replacement in replacements:
            candidate = stem + replacement
            if candidate not in found and _is_verb(candidate, lang):
                found.append(candidate)
        if found:
            break
    return tuple(found)


@lru_cache(maxsize=8192)
def _is_verb(word: str, lang: str) -> bool:
    if lang == "ru":
        from .russian import morph

        analyzer = morph()
        if not analyzer.word_is_known(word):
            return False
        return any("INFN" in p.tag.grammemes and p.normal_form == word for p in analyzer.parse(word))
    from lemminflect import getAllInflections

    return bool(getAllInflections(word, upos="VERB")) and word in _en_options(word).get("VERB", ())


# ---------------------------------------------------------------- coordination

def coordinated(predicate: Predicate) -> list[Token]:
    """Verbs coordinated with the predicate in natasha's tree (``conj``), each a separate act («провести … и внедрить …»)."""
    head = predicate.head
    out = []
    for t in head.doc:
        if t.dep_ == "conj" and t.head.i == head.i and t.pos_ == "VERB" and _ru_form(t) is not None:
            out.append(t)
    return out
