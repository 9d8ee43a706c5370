"""okrlint — a linter for OKRs (Objectives and Key Results) in Russian and English.

    >>> import okrlint
    >>> report = okrlint.lint_text("## Цель: Улучшить бренд\\n- Увеличить продажи\\n", filename="okrs.md")
    >>> sorted({f.rule for f in report.findings})  # doctest: +SKIP

Importing the package is cheap: the API, spaCy and the language models load
on first use (``okrlint --version`` never touches them).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "lint_text": "api", "lint_file": "api", "lint_paths": "api", "lint_objectives": "api",
    "Config": "config", "ConfigError": "config",
    "Rule": "engine", "RuleFileError": "engine", "get_rule": "engine", "load_rules": "engine",
    "FileReport": "findings", "Finding": "findings", "InputError": "findings", "Report": "findings",
    "Suggestion": "findings",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'okrlint' has no attribute {name!r}")
