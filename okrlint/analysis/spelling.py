"""Known words and one-edit misspellings: shared by the vague-verb check (which finds «улчшить», "imrpove") and the
fix stage (which spells the verb right before it rewrites the item)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def known_word(word: str, lang: str) -> bool:
    if lang == "ru":
        from .russian import morph

        return bool(morph().word_is_known(word))
    from .english import word_options  # cached

    return bool(word_options(word))


def one_edit(a: str, b: str) -> bool:
    """Optimal string alignment distance of exactly one: an insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def misspelling_of(word: str, lang: str, verbs: Iterable[str]) -> str | None:
    """The one verb of ``verbs`` that ``word`` (unknown to the dictionary, 6+ letters) misspells, or ``None``."""
    lower = word.lower()
    if len(lower) < 6 or not lower.isalpha() or known_word(lower, lang):
        return None
    near = {w for w in verbs if " " not in w and one_edit(lower, w)
            and not w.startswith(lower) and not lower.startswith(w)}  # "improv", "optimizer": a clipped or derived word
    return next(iter(near)) if len(near) == 1 else None


_ALPHABET = {"ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "en": "abcdefghijklmnopqrstuvwxyz"}


def misspelled_noun_of(word: str, lang: str, verbs: Iterable[str]) -> str | None:
    """The one verb of ``verbs`` whose noun of action ``word`` misspells («Улчшение» → улучшить, "Optimsation" →
    optimise), or ``None``: the known words one edit away that name an act of exactly one of the verbs."""
    from .predicate import verb_of_noun

    lower = word.lower()
    if len(lower) < 8 or not lower.isalpha() or known_word(lower, lang) or lang not in _ALPHABET:
        return None
    wanted = {v for v in verbs if " " not in v}
    found = {verb for candidate in _edits(lower, _ALPHABET[lang]) if known_word(candidate, lang)
             for verb in verb_of_noun(candidate, lang) if verb in wanted}
    return next(iter(found)) if len(found) == 1 else None


def _edits(word: str, alphabet: str) -> set[str]:
    """Every word one insertion, deletion, substitution or swap away (Norvig's candidates)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    return (deletes | swaps | replaces | inserts) - {word}
