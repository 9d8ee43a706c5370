"""Which language an item is written in: Russian or English, by script, and by its document for bare terms."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


@lru_cache(maxsize=8192)  # the engine asks of each item for its document, its objective and itself
def detect_language(text: str, default: str = "en") -> str:
    """``ru`` or ``en`` for one item.

    OKR lines lead with their verb, so the script of the first word decides,
    unless the other script has many more words
    («Снизить CAC в Google Ads» is Russian; "Grow paid pilots to 12 (сейчас 5)" English).  A line that opens
    with a Latin name and goes on in Russian outside brackets and quotes («solver принимает CandidatePuzzle»,
    «Traces в Langfuse», «SLA p95 для uniqueness») is Russian: Russian words carry its grammar.
    """
    words = _WORD.findall(text)
    if not words:
        return default
    search = _CYRILLIC.search
    cyrillic = sum(1 for w in words if search(w) is not None)
    latin = len(words) - cyrillic
    first = "ru" if _is_cyrillic(words[0]) else "en"
    if first == "ru":
        return "en" if latin >= 4 * max(cyrillic, 1) + 1 else "ru"
    if cyrillic >= latin:
        return "ru"  # «Guardrails (базовые: тематика, PII, лимиты)»
    outside = _WORD.findall(_QUOTED.sub(" ", text))
    return "ru" if any(_is_cyrillic(w) for w in outside) else "en"


_QUOTED = re.compile(r"\([^()]*\)|«[^«»]*»|\"[^\"]*\"|“[^“”]*”")


def document_language(texts: list[str], default: str = "en") -> str:
    """The language most of a document's sentences are written in (lines of bare terms do not vote; ties: ``default``)."""
    langs = [detect_language(t, default) for t in texts if not _bare_terms(t)]
    ru, en = langs.count("ru"), langs.count("en")
    return "ru" if ru > en else "en" if en > ru else default


@lru_cache(maxsize=8192)
def _bare_terms(text: str) -> bool:
    """One to three Latin words that do not open with an English verb: «D30 retention — 6%», "CTR", "NPS ≥ 50"."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    if any(_is_cyrillic(w) for w in words) or not 1 <= len(words) <= 3:
        return False
    if len(words) > 1:
        from .english import word_options

        first = words[0].lower()
        if first in word_options(first).get("VERB", ()):
            return False  # "Increase ARR": an English sentence
    return True


def item_language(text: str, document: str) -> str:
    """An item's language, where a line of bare English terms takes its document's.

    «D30 retention — 6%», "Retention D7 — 40%" in a Russian document are Russian key results written with
    English metric names: their rewrite must be Russian.  A line that opens with an English verb ("Increase
    ARR", "Reopen rate under 5%") stays English.
    """
    lang = detect_language(text)
    if lang != document and document == "ru" and _bare_terms(text):
        return document
    return lang
