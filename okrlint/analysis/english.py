"""English analysis: spaCy's tokenizer plus lemminflect lemmas and a light POS guess.

There is no English spaCy pipeline on the registry to depend on, so POS is
chosen from lemminflect's dictionary: OKR lines are imperative, so a word
that can be a verb is one at the start of the line, after "to", and at the
start of a coordinated clause ("…, write 5 posts").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from .tokens import doc_tokens

_CLAUSE_BREAK = {",", ";", "and", "then", "+", "&", "/"}
_OBJECT_START_POS = {"NOUN", "ADJ", "NUM", "PROPN"}
_DETERMINERS = {"a", "an", "the", "our", "all", "new", "every", "each", "more", "at", "its", "their", "this", "one"}
_CLOSED = {
    **{w: "DET" for w in ("a", "an", "the", "this", "that", "these", "those", "every", "each", "all", "any", "some", "no")},
    **{w: "PRON" for w in ("our", "its", "their", "my", "your", "his", "her", "we", "it", "they", "us", "them", "i", "you", "who", "which")},
    **{w: "ADP" for w in ("to", "of", "in", "on", "at", "by", "for", "from", "with", "within", "without", "per", "via",
                          "into", "across", "over", "under", "above", "below", "through", "during", "vs", "versus", "than")},
    **{w: "CCONJ" for w in ("and", "or", "but", "nor")},
    **{w: "SCONJ" for w in ("so", "while", "if", "because", "that", "whether")},
    **{w: "PART" for w in ("not", "n't")},
}
_ACRONYM = re.compile(r"[A-Z0-9]{2,}s?")
_NO_OPTIONS: dict[str, tuple[str, ...]] = {}
_AUX = {"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must"}


@lru_cache(maxsize=65536)
def _options(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a lower-cased word by POS (cached: lemminflect deep-copies every answer).

    Callers only read the dictionary.
    """
    from lemminflect import getAllLemmas

    return getAllLemmas(word)


def word_options(word: str) -> dict[str, tuple[str, ...]]:
    """Every lemma ``word`` can have, by POS (lemminflect's ``getAllLemmas``, cached; do not modify)."""
    return _options(word.lower())


@lru_cache(maxsize=65536)
def _lemma(word: str, pos: str) -> str:
    from lemminflect import getLemma

    if _ACRONYM.fullmatch(word):
        return word.lower().removesuffix("s") if word.endswith("s") else word.lower()  # KPI, KPIs, NPS
    low = word.lower()
    if not _options(low) and not (low.endswith("s") and not low.endswith("ss")):
        return low  # unknown and not plural-looking: leave it (lemminflect's guesses are wild)
    upos = pos if pos in ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX") else "NOUN"
    lemmas = getLemma(low, upos=upos, lemmatize_oov=True)
    return (lemmas[0] if lemmas else word).lower()


def annotate(docs: list[Doc]) -> list[Doc]:
    return [_annotate(doc) for doc in docs]


def _annotate(doc: Doc) -> Doc:
    """POS and lemmas in one pass over the tokens (neighbours come from an index, not a scan)."""
    tokens = doc_tokens(doc)
    options = [_options(t.lower_) if t.is_alpha else _NO_OPTIONS for t in tokens]
    prev_of: list[Token | None] = [None] * len(tokens)
    next_of: list[Token | None] = [None] * len(tokens)
    last: Token | None = None
    for t in tokens:  # the nearest non-space token before each token
        prev_of[t.i] = last
        if not t.is_space:
            last = t
    following: Token | None = None
    for t in reversed(tokens):  # … and after it
        next_of[t.i] = following
        if not t.is_space:
            following = t
    for t in tokens:
        word = t.lower_
        opts = options[t.i]
        if t.is_space:
            tag = "SPACE"
        elif t.like_num:
            tag = "NUM"
        elif t.is_punct:
            tag = "PUNCT"
        elif not t.is_alpha:
            tag = "SYM" if not any(ch.isalnum() for ch in t.text) else "X"
        elif word in _AUX:
            tag = "AUX"
        elif word in _CLOSED and not (t.i == 0 and "VERB" in opts):
            tag = _CLOSED[word]
        elif "VERB" in opts and _verb_slot(prev_of[t.i], next_of[t.i], options) and not (
            "NOUN" in opts and word not in _lower_set(opts["VERB"])
        ):
            tag = "VERB"  # an imperative is a base form: "Tickets per agent" is a noun phrase
        elif "NOUN" in opts:
            tag = "NOUN"
        elif opts:
            tag = next(iter(opts))
        elif _ACRONYM.fullmatch(t.text):
            tag = "NOUN"  # an acronym: KPI, NPS, MRR
        else:
            tag = "PROPN" if t.text[:1].isupper() and t.i > 0 else "NOUN"
        # set on the tokenizer's own Doc: a new Doc of the same words would look up every word again
        t.pos_ = tag
        t.lemma_ = t.text if tag == "SPACE" else _lemma(t.text, tag) if t.is_alpha else word
    return doc


@lru_cache(maxsize=4096)
def _lower_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _verb_slot(prev: Token | None, nxt: Token | None, options: list[dict[str, tuple[str, ...]]]) -> bool:
    """Whether a word that can be a verb stands where an imperative would: line start, after "to", a new clause."""
    if prev is None or prev.text in ("-", "*", "•", ":", "(", "—", "–"):
        return True
    low = prev.text.lower()
    if low == "to" or low in ("not", "never", "and", "&", "then", "/", "+"):
        return True
    if low in (",", ";"):
        if nxt is None:
            return False
        nlow = nxt.text.lower()
        return nxt.like_num or nlow in _DETERMINERS or "VERB" not in options[nxt.i]
    return False
