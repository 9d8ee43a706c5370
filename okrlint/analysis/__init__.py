"""Language analysis of OKR items: tokens, lemmas, POS, syntax, numbers, time expressions.

``analyze`` takes every item of a run at once so the Russian models run
batched; English items never load them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Sequence

from spacy.tokens import Doc, Token

from .language import detect_language
from .quantities import Quantity, find_quantities, has_baseline
from .timeexpr import TimeExpr, find_times

__all__ = ["Analysis", "analyze", "analyze_text", "detect_language", "Quantity", "TimeExpr"]


@dataclass
class Analysis:
    """Everything rules need to know about one piece of text."""

    text: str
    lang: str
    doc: Doc
    quantities: list[Quantity]
    times: list[TimeExpr]

    @property
    def has_measure(self) -> bool:
        return any(q.measure for q in self.quantities)

    @property
    def has_baseline(self) -> bool:
        return has_baseline(self.text)

    def has_time(self, kind: str | None = None) -> bool:
        return any(kind is None or t.kind == kind for t in self.times)

    @cached_property
    def predicate(self) -> Token | None:
        """The item's main predicate: the leading verb of an imperative OKR line.

        OKR items start with their verb («Увеличить…», "Grow…"); the parser's
        root is used only when no verb leads, as it is less reliable on
        headline-style fragments.
        """
        words = [t for t in self.doc if not (t.is_space or t.is_punct or t.pos_ in ("SYM", "X") and not t.is_alpha)]
        for t in words[:3]:
            if t.pos_ == "VERB" and _is_predicate_form(t, self.lang):
                return t
            if t.pos_ not in ("ADV", "PART", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "INTJ"):
                break
        roots = [t for t in self.doc if t.dep_ == "ROOT" and t.pos_ == "VERB" and _is_predicate_form(t, self.lang)]
        return roots[0] if roots else None


def _is_predicate_form(token: Token, lang: str) -> bool:
    if lang != "ru":
        return token.text.lower() == token.lemma_  # base form: "Improve", not "Improved"
    form = token.morph.get("VerbForm")
    return "Inf" in form or "Imp" in token.morph.get("Mood")


@lru_cache(maxsize=None)
def _blank(lang: str) -> Any:
    import spacy

    return spacy.blank(lang)


# What spaCy, pymorphy3 and natasha cannot take: lone surrogates (spaCy's string store encodes to UTF-8),
# controls and NUL, private-use and non-characters, astral characters (pymorphy3 looks up Unicode names
# that astral letters lack in the ``unicodedata`` of older Pythons).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]"
                     "|[^\x00-\uffff]")


def analysis_text(text: str) -> str:
    """The text the analysers see: unsafe characters replaced one for one, so every offset still holds.

    Controls become spaces (they separate words); the others become U+FFFD,
    except astral symbols such as emoji, which the libraries handle.
    """
    return _UNSAFE.sub(_replacement, text) if _UNSAFE.search(text) else text


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if ord(char) < 0xA0:
        return " "
    if ord(char) > 0xFFFF and unicodedata.category(char) in ("So", "Sk"):
        return char
    return "\ufffd"


def _ensure_lemmas(doc: Doc) -> Doc:
    """Every token gets a lemma: a Doc with none at all («s») makes spaCy's Matcher refuse it (E155)."""
    for token in doc:
        if not token.lemma_:
            token.lemma_ = token.text.lower() or token.text
    return doc


def analyze(texts: Sequence[str], langs: Sequence[str]) -> list[Analysis]:
    """Analyze many texts at once; ``langs`` gives each text's language (``ru``/``en``)."""
    clean = [analysis_text(text) for text in texts]
    docs = [_blank(lang)(text) for text, lang in zip(clean, langs)]
    ru = [i for i, lang in enumerate(langs) if lang == "ru"]
    en = [i for i, lang in enumerate(langs) if lang != "ru"]
    if ru:
        from . import russian

        for i, doc in zip(ru, russian.annotate([docs[i] for i in ru])):
            docs[i] = doc
    if en:
        from . import english

        for i, doc in zip(en, english.annotate([docs[i] for i in en])):
            docs[i] = doc
    return [
        Analysis(text, lang, _ensure_lemmas(doc), find_quantities(safe), find_times(safe, lang))
        for text, safe, lang, doc in zip(texts, clean, langs, docs)
    ]


def analyze_text(text: str, lang: str = "auto") -> Analysis:
    if lang == "auto":
        lang = detect_language(text)
    return _analyze_one(text, lang)


@lru_cache(maxsize=4096)
def _analyze_one(text: str, lang: str) -> Analysis:
    """Rewriters re-analyse their drafts; a file repeating a line must not run the models once per copy."""
    return analyze([text], [lang])[0]
