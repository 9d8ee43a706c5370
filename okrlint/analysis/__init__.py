"""Language analysis of OKR items: tokens, lemmas, POS, syntax, numbers, time expressions.

``analyze`` takes every item of a run at once so the Russian models run
batched; English items never load them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Callable, Sequence

from spacy.tokens import Doc, Token

from .language import _bare_terms, detect_language
from .predicate import Predicate, find_predicate
from .quantities import Quantity, find_quantities, has_baseline
from .timeexpr import TimeExpr, find_times
from .tokens import doc_tokens

__all__ = ["Analysis", "Predicate", "analyze", "analyze_text", "detect_language", "Quantity", "TimeExpr"]


@dataclass
class Analysis:
    """Everything rules need to know about one piece of text."""

    text: str
    lang: str
    doc: Doc
    # What later stages derive from this text alone (its word keys, the grammar gate's verdicts): kept with it, so
    # it lives as long as the analysis stays cached.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def quantities(self) -> list[Quantity]:
        """The numbers, found on first use: the grammar gate's parse of a rewrite never asks for them."""
        return find_quantities(analysis_text(self.text))

    @cached_property
    def times(self) -> list[TimeExpr]:
        """The time expressions, found on first use (as ``quantities``)."""
        return find_times(analysis_text(self.text), self.lang)

    @cached_property
    def has_measure(self) -> bool:
        return any(q.measure for q in self.quantities)

    @cached_property
    def has_baseline(self) -> bool:
        """Computed once: several checks and the fix stage ask of every item."""
        return has_baseline(self.text)

    def has_time(self, kind: str | None = None) -> bool:
        return any(kind is None or t.kind == kind for t in self.times)

    @cached_property
    def tokens(self) -> list[Token]:
        """The Doc's tokens in one list, made once: the checks walk each item's words many times, and every walk
        over a Doc makes a new Token object per word."""
        return doc_tokens(self.doc)

    @cached_property
    def content(self) -> list[Token]:
        """The words: tokens that are neither whitespace nor punctuation (do not modify)."""
        return [t for t in self.tokens if not t.is_space and not t.is_punct]

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
    for token in doc_tokens(doc):
        if not token.lemma_:
            token.lemma_ = token.text.lower() or token.text
    return doc


# Analyses of recent texts, shared by every run in this process: the language server re-lints a
# document after each edit, and only the key result that changed is new text.  Analyses are never
# changed after they are made, so sharing them is safe.
CACHE_SIZE = 8192
_recent: OrderedDict[tuple[str, str], Analysis] = OrderedDict()
_lock = threading.Lock()


def analyze(texts: Sequence[str], langs: Sequence[str]) -> list[Analysis]:
    """Analyze many texts at once; ``langs`` gives each text's language (``ru``/``en``).

    Texts analyzed recently in this process are not analyzed again; the others go
    through the models in one batch.
    """
    keys = list(zip(texts, langs))
    with _lock:  # the bookkeeping only: a host may lint from several threads
        found = {key: _recent[key] for key in dict.fromkeys(keys) if key in _recent}
        for key in found:
            _recent.move_to_end(key)
    new = [key for key in dict.fromkeys(keys) if key not in found]
    if new:
        made = dict(zip(new, _analyze([t for t, _ in new], [lang for _, lang in new])))
        found.update(made)
        with _lock:
            _recent.update(made)
            while len(_recent) > CACHE_SIZE:
                _recent.popitem(last=False)
    return [found[key] for key in keys]


# What other stages keep per text (the gate's verdicts on the text alone): forgotten with the analyses.
_CLEARERS: list[Callable[[], None]] = [detect_language.cache_clear, _bare_terms.cache_clear]


def on_clear(clear: Callable[[], None]) -> None:
    """Have ``clear_cache`` call ``clear`` too: a cache keyed by text is as warm as the analyses are."""
    _CLEARERS.append(clear)


def clear_cache() -> None:
    """Forget the analyses of earlier runs and what was derived from texts (benchmarks measure cold runs with it)."""
    _recent.clear()
    for clear in _CLEARERS:
        clear()


def _analyze(texts: Sequence[str], langs: Sequence[str]) -> list[Analysis]:
    clean = [analysis_text(text) for text in texts]
    docs = [_blank(lang).make_doc(text) for text, lang in zip(clean, langs)]  # the blank pipeline is its tokenizer
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
    return [Analysis(text, lang, _ensure_lemmas(doc)) for text, lang, doc in zip(texts, langs, docs)]


def analyze_text(text: str, lang: str = "auto") -> Analysis:
    """One text (rewriters analyse their drafts; the process-wide cache keeps repeats cheap)."""
    if lang == "auto":
        lang = detect_language(text)
    return analyze([text], [lang])[0]
