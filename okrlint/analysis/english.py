"""English analysis: spaCy's tokenizer plus lemminflect lemmas and a light POS guess.

There is no English spaCy pipeline on the registry to depend on, so POS is
chosen from lemminflect's dictionary: OKR lines are imperative, so a word
that can be a verb is one at the start of the line, after "to", and at the
start of a coordinated clause ("…, write 5 posts").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

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
_AUX = {"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must"}


def _options(word: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllLemmas

    return getAllLemmas(word.lower())


def _lemma(word: str, pos: str) -> str:
    from lemminflect import getLemma

    if re.fullmatch(r"[A-Z0-9]{2,}s?", word):
        return word.lower().removesuffix("s") if word.endswith("s") else word.lower()  # KPI, KPIs, NPS
    if not _options(word) and not (word.lower().endswith("s") and not word.lower().endswith("ss")):
        return word.lower()  # unknown and not plural-looking: leave it (lemminflect's guesses are wild)
    upos = pos if pos in ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX") else "NOUN"
    lemmas = getLemma(word.lower(), upos=upos, lemmatize_oov=True)
    return (lemmas[0] if lemmas else word).lower()


def annotate(docs: list[Doc]) -> list[Doc]:
    return [_annotate(doc) for doc in docs]


def _annotate(doc: Doc) -> Doc:
    options = [_options(t.text) if t.is_alpha else {} for t in doc]
    pos: list[str] = []
    content = [t for t in doc if not t.is_space]
    for t in doc:
        word = t.text.lower()
        opts = options[t.i]
        prev = next((p for p in reversed(content) if p.i < t.i), None)
        nxt = next((n for n in content if n.i > t.i), None)
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
        elif "VERB" in opts and _verb_slot(prev, nxt, options) and not (
            "NOUN" in opts and word not in {lemma.lower() for lemma in opts["VERB"]}
        ):
            tag = "VERB"  # an imperative is a base form: "Tickets per agent" is a noun phrase
        elif "NOUN" in opts:
            tag = "NOUN"
        elif opts:
            tag = next(iter(opts))
        elif re.fullmatch(r"[A-Z0-9]{2,}s?", t.text):
            tag = "NOUN"  # an acronym: KPI, NPS, MRR
        else:
            tag = "PROPN" if t.text[:1].isupper() and t.i > 0 else "NOUN"
        pos.append(tag)
    lemmas = [t.text if p == "SPACE" else _lemma(t.text, p) if t.is_alpha else t.text.lower()
              for t, p in zip(doc, pos)]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               lemmas=lemmas, pos=pos)


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
