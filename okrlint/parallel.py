"""Linting many files: cached reports kept, the rest linted in one batch or split over worker processes.

Workers are worth their start-up (each loads the language models) only when
many files miss the cache, so a run with fewer than :data:`MIN_PARALLEL`
misses stays in this process.  Each worker lints its share as one batch and
the reports are put back in input order, so the output is the same for any
``--jobs``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from .config import Config
from .findings import FileReport
from .model import OkrDocument

if TYPE_CHECKING:  # pragma: no cover
    from .cache import ResultCache

MIN_PARALLEL = 8  # uncached files below which worker processes cost more than they save
MIN_PER_WORKER = 4  # files
# Items a worker must have to win back its start-up: each worker loads the models (≈3 s of CPU)
# and tags ≈500 items/s, so below this, one process finishes first (measured: 20 example files,
# 400 items, took 5.4 s with --jobs 1 and 9.5 s with --jobs 2 on a busy 2-core machine).
MIN_ITEMS_PER_WORKER = 1500


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_mixed(slots: list[OkrDocument | FileReport], config: Config, cache: ResultCache | None,
               jobs: int = 1) -> list[FileReport]:
    """Reports for ``slots`` in order: cached reports as they are, documents linted (and stored in the cache)."""
    todo = [i for i, slot in enumerate(slots) if isinstance(slot, OkrDocument)]
    documents = [slots[i] for i in todo]
    reports = _lint(documents, config, jobs)  # type: ignore[arg-type]
    out = list(slots)
    for i, report in zip(todo, reports):
        out[i] = report
        if cache is not None:
            cache.store(report)
    return out  # type: ignore[return-value]


def workers_for(documents: list[OkrDocument], jobs: int) -> int:
    """How many worker processes pay for themselves on these documents (1: lint here)."""
    if jobs < 2 or len(documents) < MIN_PARALLEL:
        return 1
    items = sum(1 for doc in documents for _ in doc.items())
    return max(1, min(jobs, len(documents) // MIN_PER_WORKER, items // MIN_ITEMS_PER_WORKER))


def _lint(documents: list[OkrDocument], config: Config, jobs: int) -> list[FileReport]:
    workers = workers_for(documents, jobs)
    if workers < 2:
        return _lint_batch(documents, config)
    from concurrent.futures import ProcessPoolExecutor  # only now: a cached run does not pay for it
    from concurrent.futures.process import BrokenProcessPool

    shares = _split(documents, workers)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            futures = [pool.submit(_lint_sources, [(documents[i].source, documents[i].path) for i in share],
                                   config) for share in shares]
            results = [future.result() for future in futures]
    except (BrokenProcessPool, OSError):  # no processes to be had (limits, a killed worker): lint here
        return _lint_batch(documents, config)
    out: list[FileReport | None] = [None] * len(documents)
    for share, reports in zip(shares, results):
        for i, report in zip(share, reports):
            out[i] = report
    return out  # type: ignore[return-value]


def _split(documents: list[OkrDocument], workers: int) -> list[list[int]]:
    """Indices per worker, balanced by item count (largest first onto the lightest share)."""
    sizes = [sum(1 for _ in doc.items()) for doc in documents]
    shares: list[list[int]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for i in sorted(range(len(documents)), key=lambda i: -sizes[i]):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += sizes[i] + 1
    return [sorted(share) for share in shares if share]


def _lint_batch(documents: list[OkrDocument], config: Config) -> list[FileReport]:
    if not documents:
        return []  # everything came from the cache: spaCy and the models are never imported
    from .engine import lint_documents

    return lint_documents(documents, config)


def _lint_sources(sources: list[tuple[str, str]], config: Config) -> list[FileReport]:
    """In a worker: parse again (the text is smaller to send than the tree) and lint as one batch."""
    from .parsing import parse

    return _lint_batch([parse(text, path) for text, path in sources], config)


def _context() -> Any:
    """fork starts workers with okrlint already imported; elsewhere (macOS, Windows) spawn is the safe choice."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
