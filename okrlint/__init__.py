"""okrlint — a linter for OKRs (Objectives and Key Results) in Russian and English.

    >>> import okrlint
    >>> report = okrlint.lint_text("## Цель: Улучшить бренд\\n- Увеличить продажи\\n", filename="okrs.md")
    >>> sorted({f.rule for f in report.findings})  # doctest: +SKIP

Importing the package is cheap: the API, spaCy and the language models load
on first use (``okrlint --version`` never touches them).  Type checkers see
the real signatures through the ``TYPE_CHECKING`` imports below; at run time
the same names are loaded on first access.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - what mypy and editors see; at run time see __getattr__
    from .api import lint_file, lint_objectives, lint_paths, lint_text
    from .config import Config, ConfigError
    from .engine import Rule, RuleFileError, get_rule, load_rules
    from .findings import FileReport, Finding, InputError, Report, Suggestion

__version__ = "0.1.0"

_EXPORTS = {
    "lint_text": "api", "lint_file": "api", "lint_paths": "api", "lint_objectives": "api",
    "Config": "config", "ConfigError": "config",
    "Rule": "engine", "RuleFileError": "engine", "get_rule": "engine", "load_rules": "engine",
    "FileReport": "findings", "Finding": "findings", "InputError": "findings", "Report": "findings",
    "Suggestion": "findings",
}

__all__ = [
    "Config", "ConfigError", "FileReport", "Finding", "InputError", "Report", "Rule", "RuleFileError",
    "Suggestion", "__version__", "get_rule", "lint_file", "lint_objectives", "lint_paths", "lint_text",
    "load_rules",
]


def __getattr__(name: str) -> Any:
    """Load an exported name on first use, so ``import okrlint`` does not import spaCy."""
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'okrlint' has no attribute {name!r}")
