"""The persistent result cache (``.okrlint_cache/``): a file's report, keyed by everything that decides it.

pre-commit and CI lint mostly unchanged files; an editor changes one file at a
time.  A file's :class:`~okrlint.findings.FileReport` depends only on its
text, its name (the format), okrlint's code and version, the rule files and
the effective :class:`~okrlint.config.Config`, so those are hashed into the
key and the report is stored as JSON under it.  A run whose files all hit
never imports the NLP libraries.

Entries are written to a temporary file and renamed into place, so a reader
(or a second okrlint run at the same moment) sees a whole entry or none.  An
entry that cannot be read back — truncated, foreign, from another format — is
a miss, and the next store replaces it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Literal, Union

from . import __version__
from .config import Config
from .findings import FileReport
from .registry import rules_fingerprint

FOLDER_NAME = ".okrlint_cache"
FORMAT = 1  # bump when the stored layout changes
ENV_DIR = "OKRLINT_CACHE_DIR"
ENV_OFF = "OKRLINT_NO_CACHE"
MAX_AGE = 30 * 24 * 3600  # seconds an entry is kept after it was written
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# okrlint result cache; `okrlint clean` removes it.\n"


class CacheError(Exception):
    """``okrlint clean`` refused: the folder is not an okrlint cache."""


def cache_disabled() -> bool:
    """``OKRLINT_NO_CACHE=1`` turns the cache off (the test suite sets it; ``--no-cache`` does the same)."""
    return os.environ.get(ENV_OFF, "").strip().lower() not in ("", "0", "false", "no")


def default_dir(config: Config | None = None, cwd: Path | None = None) -> Path:
    """``$OKRLINT_CACHE_DIR``, else ``.okrlint_cache`` beside the config file in use, else in the current folder."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    source = Path(config.source) if config is not None and config.source else None
    if source is not None and source.is_file():
        return source.parent / FOLDER_NAME
    return (cwd or Path.cwd()) / FOLDER_NAME


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """okrlint's version plus the size and time of its modules: an edited checkout never reuses old results."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version_info[:2]}".encode())
    for path in sorted(package.rglob("*.py")):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(package)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def config_fingerprint(config: Config) -> str:
    """Every field of the effective config but its origin, serialized deterministically."""
    data = {f.name: _encode(getattr(config, f.name)) for f in dataclasses.fields(config) if f.name != "source"}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=repr)


class ResultCache:
    """File reports on disk, one JSON file per key under ``<folder>/results``."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._writable = True
        self._pending: dict[str, str] = {}  # path → key of a lookup that missed
        self._pruned = False

    def key(self, text: str, path: str, config: Config) -> str:
        digest = hashlib.sha256()
        for part in (code_fingerprint(), rules_fingerprint(), config_fingerprint(config),
                     os.path.basename(path).lower()):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def lookup(self, text: str, path: str, config: Config) -> FileReport | None:
        """The stored report of ``path`` with this text and config; on a miss, :meth:`store` saves the new one."""
        key = self._pending[path] = self.key(text, path, config)
        return self.get(key, path, text)

    def store(self, report: FileReport) -> None:
        """Save a report :meth:`lookup` missed (reports of other paths are ignored)."""
        key = self._pending.pop(report.path, None)
        if key is not None:
            self.put(key, report)

    def _entry(self, key: str) -> Path:
        return self.folder / "results" / key[:2] / f"{key}.json"

    def get(self, key: str, path: str, text: str) -> FileReport | None:
        """The stored report for ``key`` with ``path`` and ``text`` put back, or None (missing or unreadable)."""
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("key") != key:
                raise ValueError("foreign entry")
            report = _decode(FileReport, {**data["report"], "path": path, "source": text})
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key: str, report: FileReport) -> None:
        """Store atomically; a read-only or full disk only costs the cache, never the run."""
        if not self._writable:
            return
        stored = {f.name: _encode(getattr(report, f.name)) for f in dataclasses.fields(report)
                  if f.name not in ("path", "source")}
        payload = json.dumps({"format": FORMAT, "key": key, "report": stored})
        entry = self._entry(key)
        try:
            self._prepare(entry.parent)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=entry.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                os.replace(temp, entry)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except (OSError, ValueError):
            self._writable = False
            return
        if not self._pruned:
            self._pruned = True
            self.prune()

    def prune(self, max_age: float = MAX_AGE) -> int:
        """Remove entries written more than ``max_age`` seconds ago (once per run that stores something).

        Every edit of a file leaves its old entry behind; an entry still in use is simply written again
        after it expires.  Returns the number removed.
        """
        cutoff = time.time() - max_age
        removed = 0
        with contextlib.suppress(OSError):
            for bucket in os.scandir(self.folder / "results"):
                if not bucket.is_dir():
                    continue
                for entry in os.scandir(bucket.path):
                    with contextlib.suppress(OSError):
                        if entry.stat().st_mtime < cutoff:
                            os.unlink(entry.path)
                            removed += 1
        return removed

    def _prepare(self, folder: Path) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            # Like ruff's cache: invisible to git, and tagged so backup tools skip it.
            for name, content in ((".gitignore", "*\n"), ("CACHEDIR.TAG", _TAG)):
                with contextlib.suppress(OSError):
                    (self.folder / name).write_text(content, encoding="utf-8")
        folder.mkdir(parents=True, exist_ok=True)


def clean(folder: Path) -> bool:
    """Remove an okrlint cache folder; False when there is none; CacheError for a folder that is not one."""
    if not folder.exists():
        return False
    tag = folder / "CACHEDIR.TAG"
    try:
        ours = tag.read_text(encoding="utf-8") == _TAG
    except OSError:
        ours = False
    if not ours:
        raise CacheError(f"{folder}: not an okrlint cache (no okrlint CACHEDIR.TAG); not removing it")
    shutil.rmtree(folder)
    return True


# ---------------------------------------------------------------- dataclasses ⇄ JSON
# Generic over the report's dataclasses, so a field another part of okrlint adds
# (a finding's fix, a score) is stored and rebuilt without touching this module.

def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_encode(v) for v in value)
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    """Field types of a report dataclass; names its module imports only for type checkers are looked up too."""
    from . import score  # FileReport.score's types (findings imports them under TYPE_CHECKING only)

    return typing.get_type_hints(cls, {**vars(score), **vars(sys.modules[cls.__module__])})


def _decode(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from its JSON form; TypeError when the data does not fit."""
    return _decoder(tp)(data)


@lru_cache(maxsize=None)
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function that rebuilds values of ``tp`` (made once per type: a cached run decodes many findings)."""
    if tp is Any:
        return lambda data: data
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(tp) if f.init}

        def dataclass_(data: Any) -> Any:
            if not isinstance(data, dict):
                raise TypeError(f"expected an object for {tp.__name__}")
            try:
                return tp(**{name: fields[name](value) for name, value in data.items()})
            except KeyError:
                raise TypeError(f"unknown fields for {tp.__name__}") from None

        return dataclass_
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Union or origin is types.UnionType:
        optional = type(None) in args
        options = [_decoder(a) for a in args if a is not type(None)]

        def union(data: Any) -> Any:
            if data is None and optional:
                return None
            for option in options:
                try:
                    return option(data)
                except TypeError:
                    continue
            raise TypeError(f"no member of {tp} fits")

        return union
    if origin is Literal:
        def literal(data: Any) -> Any:
            if data not in args:
                raise TypeError(f"{data!r} is not one of {args}")
            return data

        return literal
    if origin in (list, tuple, set, frozenset):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            members = [_decoder(a) for a in args]

            def fixed_tuple(data: Any) -> Any:
                if not isinstance(data, list) or len(data) != len(members):
                    raise TypeError(f"expected {len(members)} values for {tp}")
                return tuple(m(v) for m, v in zip(members, data))

            return fixed_tuple
        item = _decoder(args[0] if args else Any)

        def sequence(data: Any) -> Any:
            if not isinstance(data, list):
                raise TypeError(f"expected a list for {tp}")
            return origin(item(v) for v in data)

        return sequence
    if origin is dict:
        value = _decoder(args[1] if args else Any)

        def mapping(data: Any) -> Any:
            if not isinstance(data, dict):
                raise TypeError(f"expected an object for {tp}")
            return {k: value(v) for k, v in data.items()}

        return mapping
    if tp is float:
        def number(data: Any) -> Any:
            if isinstance(data, bool) or not isinstance(data, (int, float)):
                raise TypeError(f"expected a number, got {type(data).__name__}")
            return float(data)

        return number
    if isinstance(tp, type):
        def plain(data: Any) -> Any:
            if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
                raise TypeError(f"expected {tp.__name__}, got {type(data).__name__}")
            return data

        return plain
    return lambda data: data
