"""What the shipped rules are called and which knobs they take, without loading the rule engine.

Configuration is validated before anything heavy is imported (``Config(select=…)``
fails at once on a typo), so this reads only file names and the small
``options:`` mapping of each rule file, not spaCy or the lexicons.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_OPTIONS = re.compile(r"^options:.*(?:\n[ \t]+.*)*", re.MULTILINE)


def rules_dir() -> Path:
    """The shipped rule files: ``okrlint/rules`` in a wheel, ``rules/`` in a source checkout."""
    try:
        return Path(str(resources.files("okrlint.rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def rule_ids() -> tuple[str, ...]:
    """Every shipped rule id, sorted (a rule file is named after its id; ``_*.yaml`` are shared data)."""
    return tuple(sorted(p.stem for p in rules_dir().glob("*.yaml") if not p.name.startswith("_")))


@lru_cache(maxsize=None)
def rule_options() -> dict[str, dict[str, Any]]:
    """The knobs each rule declares (``options: {min: 3, max: 5}``), with their defaults."""
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
