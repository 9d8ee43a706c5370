"""Turns located text fragments into the document model.

Every parser ends here, so cleaning (labels, owner/type tags, suppression
markers) and the span invariant are enforced in one place.
"""

from __future__ import annotations

from typing import Any

from ..model import KeyResult, Objective, OkrDocument, Period
from . import suppress
from .errors import NoOkrError
from .frag import Frag
from .labels import (
    cut_comments,
    match_label,
    period_frag,
    period_key,
    split_tags,
    unwrap_emphasis,
)


def clean(frag: Frag, kind: str | None = None) -> tuple[Frag, dict[str, Any]]:
    """Strip comments, emphasis, a leading label of ``kind`` and trailing owner/type tags."""
    frag = unwrap_emphasis(cut_comments(frag).strip())
    fields: dict[str, Any] = {}
    if kind is not None:
        label = match_label(frag)
        if label is not None and label.kind == kind and label.text:
            frag = label.text
            fields.update(label.fields)
    frag, tags = split_tags(frag)
    fields.update(tags)
    return unwrap_emphasis(frag).strip(), fields


class DocBuilder:
    """Accumulates objectives, key results and periods for one source text."""

    def __init__(self, source: str, path: str, fmt: str) -> None:
        self.source = source
        self.path = path
        self.format = fmt
        self.objectives: list[Objective] = []
        self.periods: list[Period] = []
        self._period_by_key: dict[str, Period] = {}

    # -- periods

    def period(self, frag: Frag | None) -> Period | None:
        """A Period for this marker; markers with the same text share one Period."""
        if frag is None:
            return None
        frag = period_frag(cut_comments(frag))
        if not frag.text:
            return None
        if not self._is_slice(frag):
            # Period has no per-character offsets: fall back to the raw source range.
            frag = Frag.of(self.source, frag.start, frag.end).strip()
            if not frag.text:
                return None
        key = period_key(frag.text)
        found = self._period_by_key.get(key)
        if found is None:
            found = Period(frag.text, frag.start, frag.end)
            self._period_by_key[key] = found
            self.periods.append(found)
        return found

    def set_period(self, objective: Objective, period: Period | None) -> None:
        if objective.period is period:
            return
        if objective.period is not None:
            objective.period.objectives = [o for o in objective.period.objectives if o is not objective]
        objective.period = period
        if period is not None:
            period.objectives.append(objective)

    # -- items

    def _is_slice(self, frag: Frag) -> bool:
        return self.source[frag.start : frag.start + len(frag.text)] == frag.text and (
            frag.offsets is None
            or all(o == frag.start + i for i, o in enumerate(frag.offsets))
        )

    def _located(self, frag: Frag) -> tuple[int, int, list[int] | None]:
        if self._is_slice(frag):
            return frag.start, frag.start + len(frag.text), None
        offsets = frag.char_offsets()
        return offsets[0], offsets[-1] + 1, offsets

    def objective(
        self,
        frag: Frag,
        fields: dict[str, Any] | None = None,
        period: Period | None = None,
        defaults: dict[str, Any] | None = None,
        label: bool = True,
        allow_empty: bool = False,
    ) -> Objective | None:
        """Add an objective; None when nothing is left of its text after cleaning.

        ``allow_empty`` keeps an untitled objective (structured data with key
        results but no objective text) so its key results are not lost.
        """
        text, tag_fields = clean(frag, "objective" if label else None)
        if not text.text and allow_empty:
            merged = {**(defaults or {}), **tag_fields, **(fields or {})}
            obj = Objective(text="", start=frag.start, end=frag.start, fields=merged)
            self.objectives.append(obj)
            self.set_period(obj, period)
            return obj
        if not text.text:
            return None
        merged = {**(defaults or {}), **tag_fields, **(fields or {})}
        start, end, offsets = self._located(text)
        obj = Objective(text=text.text, start=start, end=end, fields=merged, offsets=offsets)
        self.objectives.append(obj)
        self.set_period(obj, period)
        return obj

    def key_result(
        self,
        objective: Objective,
        frag: Frag,
        fields: dict[str, Any] | None = None,
        label: bool = True,
    ) -> KeyResult | None:
        text, tag_fields = clean(frag, "key_result" if label else None)
        if not text.text:
            return None
        start, end, offsets = self._located(text)
        kr = KeyResult(
            text=text.text, start=start, end=end, fields={**tag_fields, **(fields or {})}, offsets=offsets
        )
        objective.key_results.append(kr)
        return kr

    # -- result

    def build(self, require: bool = True) -> OkrDocument:
        if require and not self.objectives:
            raise NoOkrError("no objectives or key results found")
        doc = OkrDocument(
            source=self.source,
            path=self.path,
            format=self.format,
            objectives=self.objectives,
            periods=[p for p in self.periods if p.objectives] or [],
        )
        doc.suppressions = suppress.finalize(self.source, list(doc.items()))
        return doc
