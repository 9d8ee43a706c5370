"""Which language an item is written in: Russian or English, by script."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


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
    cyrillic = sum(1 for w in words if _is_cyrillic(w))
    latin = len(words) - cyrillic
    first = "ru" if _is_cyrillic(words[0]) else "en"
    if first == "ru":
        return "en" if latin >= 4 * max(cyrillic, 1) + 1 else "ru"
    if cyrillic >= latin:
        return "ru"  # «Guardrails (базовые: тематика, PII, лимиты)»
    outside = _WORD.findall(_QUOTED.sub(" ", text))
    return "ru" if any(_is_cyrillic(w) for w in outside) else "en"


_QUOTED = re.compile(r"\([^()]*\)|«[^«»]*»|\"[^\"]*\"|“[^“”]*”")
