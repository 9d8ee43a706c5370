"""okrlint — a linter for OKRs (Objectives and Key Results) in Russian and English.

    >>> import okrlint
    >>> report = okrlint.lint_text("## Цель: Улучшить бренд\n- Увеличить продажи\n", filename="okrs.md")
    >>> [f.rule for f in report.findings]  # doctest: +SKIP

Heavy language models load on first use, not on import.
"""

from .api import lint_file, lint_objectives, lint_paths, lint_text
from .config import Config, ConfigError
from .engine import Rule, RuleFileError, get_rule, load_rules
from .findings import FileReport, Finding, InputError, Report, Suggestion

__version__ = "0.1.0"

__all__ = [
    "Config", "ConfigError", "FileReport", "Finding", "InputError", "Report", "Rule", "RuleFileError",
    "Suggestion", "get_rule", "lint_file", "lint_objectives", "lint_paths", "lint_text", "load_rules",
    "__version__",
]
