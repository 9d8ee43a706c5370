"""User configuration: which rules run, their severities and their knobs.

Read from ``.okrlint.toml`` or ``[tool.okrlint]`` in ``pyproject.toml``
(the nearest one above the linted path), then overridden by CLI flags.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

SEVERITIES = ("error", "warning", "info")
LANGS = ("auto", "ru", "en")


class ConfigError(Exception):
    """A bad configuration file or value; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """Everything that changes what the linter reports.

    ``select`` empty means every rule.  ``severity`` maps a rule id to a
    severity for every kind.  ``options`` holds per-rule knobs such as
    ``{"key-result-count": {"min": 3, "max": 5}}``.  ``extra_words`` adds
    lexicon lemmas: ``{"vague-verb": {"ru": ["прокачать"], "en": ["polish"]}}``.
    """

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_words: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    lang: str = "auto"
    locale: str | None = None
    suggestions: bool = True  # ``suggestions = false`` / ``--no-suggestions``: findings only, no rewrites
    source: str | None = None  # the file this came from, for messages

    def enabled(self, rule_id: str) -> bool:
        if self.select and rule_id not in self.select:
            return False
        return rule_id not in self.ignore

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest ``.okrlint.toml``, or ``pyproject.toml`` with ``[tool.okrlint]``, at or above ``start``."""
    start = start.resolve()
    for folder in [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]:
        candidate = folder / ".okrlint.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "okrlint" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path, known_rules: set[str] | None = None) -> Config:
    """Read and validate a config file; raise ConfigError naming the file and key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("okrlint", {})
    return config_from_dict(data, source=str(path), known_rules=known_rules)


def config_from_dict(data: dict[str, Any], source: str = "<config>", known_rules: set[str] | None = None) -> Config:
    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: {key}: {problem}")

    def rule_list(key: str) -> frozenset[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "expected a list of rule ids")
        unknown = sorted(set(value) - known_rules) if known_rules is not None else []
        if unknown:
            raise fail(key, f"unknown rule {', '.join(unknown)}")
        return frozenset(value)

    known_keys = {"select", "ignore", "severity", "rules", "lang", "locale", "extra-words", "extra_words", "suggestions"}
    for key in data:
        if key not in known_keys:
            raise fail(key, f"unknown setting (expected one of: {', '.join(sorted(known_keys))})")

    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise fail("severity", "expected a table of rule = severity")
    for rule_id, level in severity.items():
        if known_rules is not None and rule_id not in known_rules:
            raise fail(f"severity.{rule_id}", "unknown rule")
        if level not in SEVERITIES:
            raise fail(f"severity.{rule_id}", f"expected one of {', '.join(SEVERITIES)}, got {level!r}")

    options = data.get("rules", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise fail("rules", "expected tables like [rules.key-result-count]")
    for rule_id in options:
        if known_rules is not None and rule_id not in known_rules:
            raise fail(f"rules.{rule_id}", "unknown rule")

    extra = data.get("extra-words", data.get("extra_words", {}))
    if not isinstance(extra, dict):
        raise fail("extra-words", "expected tables like [extra-words.vague-verb]")
    for rule_id, langs in extra.items():
        if not isinstance(langs, dict) or not all(
            lang in ("ru", "en") and isinstance(words, list) and all(isinstance(w, str) for w in words)
            for lang, words in langs.items()
        ):
            raise fail(f"extra-words.{rule_id}", 'expected ru = ["…"], en = ["…"]')

    lang = data.get("lang", "auto")
    if lang not in LANGS:
        raise fail("lang", f"expected one of {', '.join(LANGS)}")
    locale = data.get("locale")
    if locale not in (None, "ru", "en"):
        raise fail("locale", "expected ru or en")
    if not isinstance(data.get("suggestions", True), bool):
        raise fail("suggestions", "expected true or false")
    return Config(
        suggestions=data.get("suggestions", True),
        select=rule_list("select"),
        ignore=rule_list("ignore"),
        severity=dict(severity),
        options={k: dict(v) for k, v in options.items()},
        extra_words={k: {lang: list(w) for lang, w in v.items()} for k, v in extra.items()},
        lang=lang,
        locale=locale,
        source=source,
    )
