"""Language analysis of OKR items: tokens, lemmas, POS, syntax, numbers, time expressions.

``analyze`` takes every item of a run at once so the Russian models run
batched; English items never load them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Sequence

from spacy.tokens import Doc, Token

from .language import detect_language
from .predicate import Predicate, find_predicate
from .quantities import Quantity, find_quantities, has_baseline
from .timeexpr import TimeExpr, find_times

__all__ = ["Analysis", "Predicate", "analyze", "analyze_text", "detect_language", "Quantity", "TimeExpr"]


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
    def pred(self) -> Predicate | None:
        """The item's predicate in any form (finite, modal, passive, -ing/-ed, noun of action): see ``predicate.py``."""
        return find_predicate(self.doc, self.lang)

    @property
    def predicate(self) -> Token | None:
        """The word heading the item's predicate (a verb, participle or noun of action), or None."""
        return self.pred.head if self.pred is not None else None


@lru_cache(maxsize=None)
def _blank(lang: str) -> Any:
    import spacy

    return spacy.blank(lang)


def analyze(texts: Sequence[str], langs: Sequence[str]) -> list[Analysis]:
    """Analyze many texts at once; ``langs`` gives each text's language (``ru``/``en``)."""
    docs = [_blank(lang)(text) for text, lang in zip(texts, langs)]
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
        Analysis(text, lang, doc, find_quantities(text), find_times(text, lang))
        for text, lang, doc in zip(texts, langs, docs)
    ]


def analyze_text(text: str, lang: str = "auto") -> Analysis:
    if lang == "auto":
        lang = detect_language(text)
    return analyze([text], [lang])[0]
