"""English clauses beyond the first predicate: passive chains, parallel participles, second sentences.

Published OKRs often state a work plan as finished states ("The proposal is
drafted, reviewed by the team, merged and implemented"), as parallel
headlines ("Revamped API and improved development experience"), or as two
sentences ("The Core API is finalized. Make it easier to import"). The
predicate module finds the first act; this module finds the others, so the
multiple-actions rule counts acts whatever their form. English has no tagger:
the readings come from lemminflect (through ``predicate``) and word shapes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .english import annotate
from .predicate import Predicate, find_predicate, is_participle, next_word, prev_word
from .tokens import doc_tokens

__all__ = ["other_acts", "passive_steps", "parallel_participles", "passive_clauses", "sentence_acts"]

_BE = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"}
_JOIN = {",", "and", "&", ";"}
_DETERMINERS = {"a", "an", "the", "our", "all", "every", "each", "its", "their", "this", "these", "those", "new"}
# What may follow a passive step that takes no object: a by-phrase, a place or a time ("reviewed by the team").
_AFTER_STEP = {",", "and", "&", ";", ".", "by", "in", "on", "to", "with", "through", "for", "at", "within", "across",
               "from", "into", "as", "before", "after", "during", "via", "and/or", ")", "("}

_ABBREVIATIONS = {"avg", "approx", "est", "incl", "vs", "etc", "no", "min", "max", "mo", "yr", "dept", "mgmt",
                  "eng", "int", "ext", "ref", "fig", "sec", "ave", "st", "jr", "sr", "dr", "mr", "ms", "inc", "ltd", "co"}


def _joined_participle(t: Token) -> bool:
    """A participle right after a list separator (", reviewed", "and merged", ", and used")."""
    prev = prev_word(t)
    return prev is not None and prev.lower_ in _JOIN and t.is_alpha and is_participle(t.lower_)


def _no_object(t: Token) -> bool:
    """Nothing after the participle opens an object of its own ("merged", "reviewed by the team")."""
    nxt = next_word(t)
    return nxt is None or nxt.lower_ in _AFTER_STEP or nxt.is_punct or nxt.lower_.endswith("ly")


def passive_steps(doc: Doc) -> list[Token]:
    """"is proposed, reviewed by the team, merged and implemented": the participles of one passive chain.

    The chain starts at a participle after a form of "be" (or a line-initial participle) and goes on through
    participles after a comma or "and" that take no object of their own.
    """
    words = [t for t in doc_tokens(doc) if not t.is_space]
    start = None
    for k, t in enumerate(words):
        if t.is_alpha and is_participle(t.lower_) and (
                k and words[k - 1].lower_ in _BE or k == 0 and _no_object(t)):
            start = t
            break
    if start is None:
        return []
    steps = [start]
    for t in doc_tokens(doc)[start.i + 1:]:
        if _joined_participle(t) and _no_object(t):
            steps.append(t)
        elif t.is_alpha and is_participle(t.lower_) and _no_object(t) and _there_is_before(t, steps[-1]):
            steps.append(t)  # "is scheduled, announced and there is a CFP published"
    return steps


def _there_is_before(t: Token, last: Token) -> bool:
    words = [w.lower_ for w in doc_tokens(t.doc)[last.i + 1:t.i] if not w.is_space]
    return len(words) >= 3 and words[0] in _JOIN and words[1] == "there" and words[2] in ("is", "are", "will")


def parallel_participles(pred: Predicate | None) -> list[Token]:
    """"Revamped API and improved development experience": a participle headline and others, each with its object."""
    if pred is None or pred.form != "participle":
        return []
    found = [pred.head]
    for t in doc_tokens(pred.head.doc)[pred.end:]:
        if _joined_participle(t) and not _no_object(t):
            nxt = next_word(t)
            if nxt is not None and (nxt.is_alpha or nxt.like_num):
                found.append(t)
    return found


def passive_clauses(doc: Doc) -> list[Token]:
    """"The legacy API is deprecated and the diagram on the README is updated": passives with subjects of their own."""
    found: list[Token] = []
    words = [t for t in doc_tokens(doc) if not t.is_space]
    for k, t in enumerate(words):
        if not (k and t.is_alpha and is_participle(t.lower_) and words[k - 1].lower_ in ("is", "are", "was", "were")):
            continue
        if not found:
            found.append(t)
            continue
        between = words[words.index(found[-1]) + 1:k - 1]
        join = next((j for j, w in enumerate(between) if w.lower_ in ("and", ";", ",")), None)
        subject = between[join + 1:] if join is not None else []
        if subject and subject[0].lower_ in _DETERMINERS and any(w.is_alpha for w in subject[1:]):
            found.append(t)  # a new subject after the join: "and the diagram on the README is updated"
    return found


def sentence_acts(doc: Doc, pred: Predicate | None) -> list[Token]:
    """"The Core API is finalized and released. Make it easier to import go-ipfs": an act in each sentence."""
    tokens = doc_tokens(doc)
    if pred is None or pred.form == "noun" or not any(t.text in (".", "!") for t in tokens[pred.end:]):
        return []
    acts = [pred.head]
    for t in tokens:
        prev = prev_word(t)
        if prev is None or prev.text not in (".", "!") or t.i <= pred.head.i or not t.text[:1].isupper():
            continue
        before = prev_word(prev)
        if before is not None and (before.lower_ in _ABBREVIATIONS or len(before.text) == 1):
            continue  # "Increase avg. Time on page": an abbreviation's point ends no sentence
        if t.lower_ in ("it", "this", "that", "these", "which", "they"):
            continue  # "Ship the report. It documents …": the second sentence describes the first act's result
        end = next((x.i for x in tokens[t.i:] if x.text in (".", "!")), len(tokens))
        sentence = annotate([doc[t.i:end].as_doc()])[0]  # tagged afresh: "Make" opens its own sentence
        second = find_predicate(sentence, "en")
        if second is None or second.form == "noun" or second.lemma in ("be", "have"):
            continue
        if second.form == "finite" and sentence[0].lower_ != "we":
            continue  # "Support replies within 1 hour. Customers rate it 4.5+": what others do is no second act of ours
        if not _object_or_list(second):
            continue  # "Target: 500 signups", "Measured monthly": a label or a note, no second act
        acts.append(doc[t.i + second.head.i])
    return acts


def _object_or_list(pred: Predicate) -> bool:
    """"Refreshed lead layouts", "Make it easier": the act takes an object (a finished state alone is no second act)."""
    last = pred.head.doc[pred.end - 1]
    nxt = next_word(last)
    return nxt is not None and (nxt.is_alpha and nxt.lower_ not in _AFTER_STEP or nxt.like_num)


def other_acts(doc: Doc, pred: Predicate | None) -> list[Token]:
    """The acts of a multi-act line in any of the forms above (empty when the line holds one act)."""
    steps = passive_steps(doc)
    if len(steps) >= 3:
        return steps  # a chain of three steps is a plan even on one object ("drafted, reviewed and merged")
    for found in (parallel_participles(pred), passive_clauses(doc), sentence_acts(doc, pred)):
        if len(found) >= 2:
            return found
    return []
