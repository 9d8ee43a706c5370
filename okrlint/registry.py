"""Where the shipped rule files are, and what can be known about them without compiling them.

Configuration is validated before anything heavy is imported (``Config(select=…)``
fails at once on a typo), so rule ids and each rule's ``options:`` knobs are read
from the files, not from the compiled rules.

The engine needs spaCy to compile a rule's patterns; a run that only needs rule
ids (to check ``--select``) or a fingerprint of the rules (for the result
cache) reads the folder instead, so a fully cached run never imports spaCy.
A rule's id is its file name (the engine enforces it), so listing is enough.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


def rules_dir() -> Path:
    """The shipped rule files: ``okrlint/rules`` in a wheel, ``rules/`` in a source checkout."""
    try:
        return Path(str(resources.files("okrlint.rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"


def rule_files(folder: Path | None = None) -> list[Path]:
    """Every rule file and the shared lexicons (``_shared.yaml``), sorted by name."""
    return sorted((folder or rules_dir()).glob("*.yaml"))


def rule_ids(folder: Path | None = None) -> tuple[str, ...]:
    """The ids of the shipped rules, sorted (files starting with ``_`` hold shared data, not rules)."""
    return tuple(p.stem for p in rule_files(folder) if not p.name.startswith("_"))


_OPTIONS = re.compile(r"^options:.*(?:\n[ \t]+.*)*", re.MULTILINE)


@lru_cache(maxsize=None)
def rule_options() -> dict[str, dict[str, Any]]:
    """The knobs each rule declares (``options: {min: 3, max: 5}``), with their defaults."""
    import yaml

    found: dict[str, dict[str, Any]] = {}
    for rule_id in rule_ids():
        try:
            text = (rules_dir() / f"{rule_id}.yaml").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the engine reports a broken rule file with its own message
        block = _OPTIONS.search(text)
        if not block:
            continue
        try:
            data = yaml.safe_load(block.group(0))
        except yaml.YAMLError:
            continue
        options = data.get("options") if isinstance(data, dict) else None
        if isinstance(options, dict) and options:
            found[rule_id] = dict(options)
    return found


@lru_cache(maxsize=None)
def rules_fingerprint(folder: str | None = None) -> str:
    """A hash of the rule files' raw bytes: an edited rule invalidates cached results."""
    digest = hashlib.sha256()
    for path in rule_files(Path(folder) if folder else None):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class ExampleInfo:
    """A rule example as SARIF help shows it: bad or good, its language, its text (or whole document)."""

    text: str
    bad: bool
    lang: str
    document: str | None = None


@dataclass(frozen=True)
class RuleInfo:
    """What listings and SARIF show about a rule, read from its YAML without compiling it (no spaCy)."""

    id: str
    applies_to: tuple[str, ...]
    severity: dict[str, str]
    summary: dict[str, str]
    rationale: dict[str, str]
    examples: tuple[ExampleInfo, ...] = ()


def _examples(data: Any) -> tuple[ExampleInfo, ...]:
    out = []
    raw = data.get("examples") if isinstance(data, dict) else None
    for label in ("bad", "good"):
        for ex in (raw or {}).get(label) or () if isinstance(raw, dict) else ():
            ex = {"text": ex} if isinstance(ex, str) else ex
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
                continue
            text = ex["text"]
            lang = ex.get("lang") or ("ru" if any("\u0400" <= ch <= "\u04ff" for ch in text) else "en")
            out.append(ExampleInfo(text, label == "bad", str(lang), ex.get("document")))
    return tuple(out)


def rule_summaries(folder: Path | None = None) -> list[RuleInfo]:
    """Every rule's id, kinds, severities, summary and rationale; the engine validates the files when it runs."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out = []
    for path in rule_files(folder):
        if path.name.startswith("_"):
            continue
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        applies_to = tuple(data.get("applies_to") or ())
        severity = data.get("severity")
        severities = {kind: severity for kind in applies_to} if isinstance(severity, str) else dict(severity or {})

        def texts(key: str) -> dict[str, str]:
            value = data.get(key)
            return {k: str(v).strip() for k, v in value.items()} if isinstance(value, dict) else {}

        out.append(RuleInfo(path.stem, applies_to, severities, texts("summary"), texts("rationale"), _examples(data)))
    return out
