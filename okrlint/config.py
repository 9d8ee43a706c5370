"""User configuration: which rules run, their severities and knobs, and which files a walk skips.

Read from ``.okrlint.toml`` or ``[tool.okrlint]`` in ``pyproject.toml`` — for
each linted file the nearest one at or above its folder — then overridden by
CLI flags.  Every value is validated (keys, rule ids, value types) into a
:class:`ConfigError` that names the file, the key and what was expected; a
typo gets a "did you mean".  The file format is described by
``okrlint/schema/config.schema.json``.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .registry import rule_ids, rule_options
from .files import ReadError, read_regular_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

SEVERITIES = ("error", "warning", "info")
MAX_CONFIG_BYTES = 1024 * 1024
LANGS = ("auto", "ru", "en")
LOCALES = ("ru", "en")
CONFIG_FILES = (".okrlint.toml", "pyproject.toml")
# Top-level keys of a config file (``extra_words`` is accepted as a spelling of ``extra-words``).
KEYS = ("select", "ignore", "severity", "rules", "lang", "locale", "extra-words", "exclude", "extend-exclude",
        "suggestions")
_ALIASES = {"extra_words": "extra-words", "extend_exclude": "extend-exclude"}


class ConfigError(Exception):
    """A bad configuration file or value; the message names the file and key."""


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """``; did you mean 'vague-verb'?`` for a near miss, else nothing."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _describe(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list",
             tuple: "a list", dict: "a table"}
    kind = names.get(type(value), f"a {type(value).__name__}")
    shown = repr(value)
    return f"{shown} ({kind})" if len(shown) <= 40 else kind


@dataclass(frozen=True)
class Config:
    """Everything that changes what the linter reports, validated on construction.

    ``select`` empty means every rule.  ``severity`` maps a rule id to a
    severity for every kind.  ``options`` holds per-rule knobs such as
    ``{"key-result-count": {"min": 3, "max": 5}}``.  ``extra_words`` adds
    lexicon lemmas: ``{"vague-verb": {"ru": ["прокачать"], "en": ["polish"]}}``.
    ``exclude`` (None: the default list) and ``extend_exclude`` are
    gitignore-style patterns a folder walk skips, relative to ``root``.
    Bad values raise :class:`ConfigError`, so a typo never silently lints nothing.
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
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    root: str | None = None  # the folder exclude patterns are relative to (the config file's)

    def __post_init__(self) -> None:
        _Validator(self.source or "<config>", frozenset(rule_ids())).check(self)

    def enabled(self, rule_id: str) -> bool:
        """Whether ``rule_id`` runs under ``select`` and ``ignore``."""
        if self.select and rule_id not in self.select:
            return False
        return rule_id not in self.ignore

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the given fields replaced; ``None`` values leave a field as it is."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


class _Validator:
    """Checks values of either origin (a TOML file or Python) and names keys the way the file spells them."""

    def __init__(self, source: str, known: frozenset[str]) -> None:
        self.source = source
        self.known = known

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}: {key}: {problem}")

    def rule(self, key: str, rule_id: object) -> None:
        if not isinstance(rule_id, str):
            raise self.fail(key, f"expected a rule id (a string), got {_describe(rule_id)}")
        if rule_id not in self.known:
            raise self.fail(key, f"unknown rule {rule_id}{did_you_mean(rule_id, self.known)} (see `okrlint rules`)")

    def rule_set(self, key: str, value: object) -> frozenset[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple, set, frozenset)):
            raise self.fail(key, f"expected a list of rule ids, got {_describe(value)}")
        for item in value:
            if not isinstance(item, str):
                raise self.fail(key, f"expected a list of rule ids (strings), got {_describe(item)} in it")
        for item in sorted(value):
            self.rule(key, item)
        return frozenset(value)

    def table(self, key: str, value: object, expected: str) -> Mapping[Any, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(key, f"expected {expected}, got {_describe(value)}")
        return value

    def patterns(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) and p.strip() for p in value):
            raise self.fail(key, f'expected a list of non-empty path patterns like ["drafts/", "*.csv"], '
                                 f"got {_describe(value)}")
        return tuple(value)

    def check(self, config: Config) -> None:
        object.__setattr__(config, "select", self.rule_set("select", config.select))
        object.__setattr__(config, "ignore", self.rule_set("ignore", config.ignore))
        for rule_id, level in self.table("severity", config.severity, "a table of rule = severity").items():
            self.rule(f"severity.{rule_id}", rule_id)
            if level not in SEVERITIES:
                raise self.fail(f"severity.{rule_id}", f"expected one of {', '.join(SEVERITIES)}, "
                                                       f"got {_describe(level)}")
        self.options(config.options)
        self.extra_words(config.extra_words)
        if config.lang not in LANGS:
            raise self.fail("lang", f"expected one of {', '.join(LANGS)}, got {_describe(config.lang)}")
        if config.locale is not None and config.locale not in LOCALES:
            raise self.fail("locale", f"expected ru or en, got {_describe(config.locale)}")
        if config.exclude is not None:
            object.__setattr__(config, "exclude", self.patterns("exclude", config.exclude))
        object.__setattr__(config, "extend_exclude", self.patterns("extend-exclude", config.extend_exclude))

    def options(self, options: object) -> None:
        tables = self.table("rules", options, "tables like [rules.key-result-count]")
        declared = rule_options() if tables else {}  # (reads the rule files: only when there is something to check)
        for rule_id, knobs in tables.items():
            self.rule(f"rules.{rule_id}", rule_id)
            knobs = self.table(f"rules.{rule_id}", knobs, "a table of settings like min = 3")
            defaults = declared.get(rule_id, {})
            for name, value in knobs.items():
                key = f"rules.{rule_id}.{name}"
                if name not in defaults:
                    if not defaults:
                        raise self.fail(key, f"the rule {rule_id} has no settings")
                    raise self.fail(key, f"unknown setting{did_you_mean(str(name), defaults)} "
                                         f"(expected one of: {', '.join(defaults)})")
                _check_type(self, key, value, defaults[name])
            low, high = knobs.get("min", defaults.get("min")), knobs.get("max", defaults.get("max"))
            if isinstance(low, int) and isinstance(high, int) and low > high:
                raise self.fail(f"rules.{rule_id}", f"min ({low}) is greater than max ({high})")

    def extra_words(self, extra: object) -> None:
        for rule_id, langs in self.table("extra-words", extra, "tables like [extra-words.vague-verb]").items():
            key = f"extra-words.{rule_id}"
            self.rule(key, rule_id)
            langs = self.table(key, langs, 'ru = ["…"], en = ["…"]')
            for lang, words in langs.items():
                if lang not in LOCALES:
                    raise self.fail(f"{key}.{lang}", f'unknown language (expected ru = ["…"], en = ["…"])')
                if not isinstance(words, (list, tuple)):
                    raise self.fail(f"{key}.{lang}", f"expected a list of words, got {_describe(words)}")
                for word in words:
                    if not isinstance(word, str) or not word.strip():
                        raise self.fail(f"{key}.{lang}", f"expected non-empty words (strings), got {_describe(word)}")


def _check_type(validator: _Validator, key: str, value: object, default: object) -> None:
    """A knob takes the type of its default: an integer knob wants a whole number ≥ 0, not "3" or [5]."""
    if isinstance(default, bool):
        ok, expected = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, expected = isinstance(value, int) and not isinstance(value, bool) and value >= 0, "a whole number ≥ 0"
    elif isinstance(default, float):
        ok, expected = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
    else:
        ok, expected = isinstance(value, type(default)), f"a value like {default!r}"
    if not ok:
        raise validator.fail(key, f"expected {expected}, got {_describe(value)}")


# --------------------------------------------------------------------------- files


def _read_toml(path: Path) -> dict[str, Any]:
    try:  # a FIFO or /dev/zero given as --config must not hang or eat memory
        return tomllib.loads(read_regular_file(str(path), MAX_CONFIG_BYTES).decode("utf-8"))
    except ReadError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def find_config(start: Path) -> Path | None:
    """The nearest ``.okrlint.toml``, or ``pyproject.toml`` with ``[tool.okrlint]``, at or above ``start``."""
    try:
        start = start.resolve()
    except (OSError, ValueError):  # a name the system refuses (too long, a NUL): the input error says so
        start = Path.cwd()
    for folder in [start, *start.parents] if os.path.isdir(start) else [start.parent, *start.parent.parents]:
        candidate = folder / ".okrlint.toml"
        if os.path.isfile(candidate):  # never raises: a folder above that cannot be searched is passed by
            return candidate
        pyproject = folder / "pyproject.toml"
        if os.path.isfile(pyproject):
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "okrlint" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path, known_rules: set[str] | None = None) -> Config:
    """Read and validate a config file; raise ConfigError naming the file and key."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("okrlint", {})
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: tool.okrlint: expected a table, got {_describe(section)}")
        data = section
    return config_from_dict(data, source=str(path), known_rules=known_rules, root=str(path.resolve().parent))


def config_from_dict(data: Mapping[str, Any], source: str = "<config>", known_rules: set[str] | None = None,
                     root: str | None = None) -> Config:
    """A config file's table → :class:`Config`; ``known_rules`` narrows the accepted rule ids (tests)."""
    validator = _Validator(source, frozenset(known_rules) if known_rules is not None else frozenset(rule_ids()))
    for key in data:
        if _ALIASES.get(key, key) not in KEYS:
            raise validator.fail(key, f"unknown setting{did_you_mean(key, KEYS)} (expected one of: {', '.join(KEYS)})")
    get = {_ALIASES.get(k, k): v for k, v in data.items()}.get
    select = validator.rule_set("select", get("select", []))
    ignore = validator.rule_set("ignore", get("ignore", []))
    severity = validator.table("severity", get("severity", {}), "a table of rule = severity")
    for rule_id in severity:
        validator.rule(f"severity.{rule_id}", rule_id)
    options = validator.table("rules", get("rules", {}), "tables like [rules.key-result-count]")
    for rule_id in options:
        validator.rule(f"rules.{rule_id}", rule_id)
    extra = validator.table("extra-words", get("extra-words", {}), "tables like [extra-words.vague-verb]")
    for rule_id in extra:
        validator.rule(f"extra-words.{rule_id}", rule_id)
    for key in ("lang", "locale"):
        if key in data and not isinstance(data[key], str):
            raise validator.fail(key, f"expected a string, got {_describe(data[key])}")
    if "suggestions" in data and not isinstance(data["suggestions"], bool):
        raise validator.fail("suggestions", f"expected true or false, got {_describe(data['suggestions'])}")
    exclude = get("exclude")
    return Config(
        suggestions=get("suggestions", True),
        select=select,
        ignore=ignore,
        severity=dict(severity),
        options={k: dict(v) if isinstance(v, Mapping) else v for k, v in options.items()},
        extra_words={k: {lang: list(w) if isinstance(w, list) else w for lang, w in v.items()}
                     if isinstance(v, Mapping) else v for k, v in extra.items()},
        lang=get("lang", "auto"),
        locale=get("locale"),
        source=source,
        exclude=validator.patterns("exclude", exclude) if exclude is not None else None,
        extend_exclude=validator.patterns("extend-exclude", get("extend-exclude", [])),
        root=root,
    )


# --------------------------------------------------------------------------- per-file lookup


@dataclass(frozen=True)
class Overrides:
    """Command-line settings applied on top of every file's config (``--select`` replaces, ``--ignore`` adds)."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] | None = None
    lang: str | None = None
    locale: str | None = None
    suggestions: bool | None = None  # --no-suggestions (False); --fix/--diff need them computed (True)

    def apply(self, config: Config) -> Config:
        return config.with_overrides(
            select=self.select,
            ignore=config.ignore | self.ignore if self.ignore is not None else None,
            lang=self.lang if self.lang != "auto" else None,
            locale=self.locale,
            suggestions=self.suggestions,
        )


class ConfigResolver:
    """The config of each linted file: the nearest config file above it, one ``--config`` for all, or none.

    The CLI and the language server both go through this, so a file gets the
    same settings in the terminal, in CI and in the editor.  Files are cached
    per config file, so a walk reads each config once.
    """

    def __init__(self, *, config_file: Path | None = None, isolated: bool = False,
                 overrides: Overrides | None = None, base: Config | None = None) -> None:
        self.overrides = overrides or Overrides()
        self.isolated = isolated
        self._fixed: Config | None = None
        if base is not None:
            self._fixed = self.overrides.apply(base)
        elif config_file is not None:
            self._fixed = self.overrides.apply(load_config(config_file))
        elif isolated:
            self._fixed = self.overrides.apply(Config())
        self._loaded: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # folder → its config file, so a walk looks each folder up once

    def for_path(self, path: Path) -> Config:
        """The settings for a file or folder; raises ConfigError for a broken config file."""
        if self._fixed is not None:
            return self._fixed
        folder = path if path.is_dir() else path.parent
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        found = self._found[folder]
        if found not in self._loaded:
            self._loaded[found] = self.overrides.apply(load_config(found) if found is not None else Config())
        return self._loaded[found]
