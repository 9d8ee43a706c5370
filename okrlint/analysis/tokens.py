"""A Doc's tokens in one list (and its text), made once per Doc and shared by every stage that walks it.

Iterating a spaCy ``Doc`` or indexing it makes a new ``Token`` object per word each time; the predicate
finder, the checks and the gate walk each item's words many times.  The list is kept in the Doc's
``user_data``, so it lives exactly as long as the Doc (okrlint never edits a Doc's tokens after analysis).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_KEY = "okrlint.tokens"
_TEXT = "okrlint.text"


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, computed once per Doc (do not modify the list)."""
    tokens = doc.user_data.get(_KEY)
    if tokens is None:
        tokens = doc.user_data[_KEY] = list(doc)
    return tokens  # type: ignore[no-any-return]


def doc_text(doc: Doc) -> str:
    """``doc.text`` (which joins a new Token object per word on every call), computed once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = "".join(t.text_with_ws for t in doc_tokens(doc))
    return text  # type: ignore[no-any-return]
