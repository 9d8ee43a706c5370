"""Which files a run lints: paths as given, folders walked for files that hold OKRs.

A walk keeps files with a supported extension, skips what a repository keeps
out of sight (``.gitignore``, ``.git``, ``node_modules``, virtual environments,
okrlint's cache, the config's ``exclude``/``extend-exclude``, ``--exclude``)
and then reads each file and keeps it only if it holds OKRs
(:func:`okrlint.sniff.holds_okrs`).  Files named explicitly are always read;
nothing here parses or lints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pathspec

from .config import Config
from .findings import InputError, Skipped

# Folders no OKR lives in (ruff's list, plus okrlint's cache); a folder holding pyvenv.cfg is a venv too.
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".mypy_cache", ".nox", ".okrlint_cache",
    ".pants.d", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", "__pycache__",
    "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv",
)


ExcludeFor = Callable[[Path], tuple[Sequence[str], "Path | None", str]]


def excludes_of(config_for: Callable[[Path], Config]) -> ExcludeFor:
    """The exclude patterns in force in a folder: its config's ``exclude`` (or the defaults) + ``extend-exclude``,
    relative to the config file's folder."""
    def exclude_for(folder: Path) -> tuple[Sequence[str], Path | None, str]:
        config = config_for(folder)
        patterns = DEFAULT_EXCLUDE if config.exclude is None else config.exclude
        origin = f"exclude/extend-exclude in {config.source}" if config.source else "the default excludes"
        return (*patterns, *config.extend_exclude), Path(config.root) if config.root else None, origin
    return exclude_for


@dataclass
class Found:
    """The files to read: ``(path, found by walking)`` in order, plus folder errors and skipped files."""

    files: list[tuple[str, bool]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _spec(patterns: Sequence[str]) -> pathspec.GitIgnoreSpec:
    return _compiled(tuple(patterns))


@dataclass(frozen=True)
class _Rules:
    """gitignore-style specs, each anchored at a folder; the deepest one that has a say decides."""

    specs: tuple[tuple[Path, pathspec.GitIgnoreSpec, str], ...] = ()

    def add(self, base: Path, spec: pathspec.GitIgnoreSpec, origin: str) -> _Rules:
        return _Rules((*self.specs, (base, spec, origin)))

    def excluded(self, path: Path, is_dir: bool) -> str | None:
        """The origin of the spec that excludes ``path``, or None when none does."""
        for base, spec, origin in reversed(self.specs):
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            if rel == ".":
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                return origin if result.include else None
        return None


def _gitignores_above(folder: Path) -> _Rules:
    """The .gitignore files from the repository root (the folder with ``.git``) down to ``folder``."""
    chain = []
    for parent in [folder, *folder.parents]:
        chain.append(parent)
        if (parent / ".git").exists():
            break
    else:
        chain = [folder]  # not in a repository: only the folder's own .gitignore counts
    rules = _Rules()
    for parent in reversed(chain):
        rules = _with_gitignore(rules, parent)
    return rules


def _with_gitignore(rules: _Rules, folder: Path) -> _Rules:
    ignore_file = folder / ".gitignore"
    try:
        lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return rules
    return rules.add(folder, _spec(lines), f"{ignore_file}")


class Walker:
    """Finds the files of one run.

    ``exclude_for(folder)`` gives the exclude patterns in effect for a folder
    as ``(patterns, root they are relative to, where they come from)``;
    ``cli_exclude`` patterns are relative to the current directory.
    """

    def __init__(self, *, exclude_for: ExcludeFor | None = None,
                 cli_exclude: Sequence[str] = ()) -> None:
        self.exclude_for = exclude_for or (lambda _folder: (DEFAULT_EXCLUDE, None, "the default excludes"))
        self.cli_exclude = _spec(cli_exclude) if cli_exclude else None
        self._cwd = Path.cwd().resolve()
        self._top = self._cwd

    def collect(self, paths: Sequence[str], supported: frozenset[str]) -> Found:
        """Named files as they are (``-`` included), folders walked for files with a ``supported`` extension."""
        found = Found()
        for raw in paths:
            if raw == "":  # not "the current folder": an empty argument names nothing
                found.errors.append(InputError(raw, "no such file or directory"))
                continue
            try:
                is_dir = raw != "-" and os.path.isdir(raw)  # False for a name the system refuses (too long)
                if is_dir:
                    self._walk(Path(raw), supported, found)
                else:
                    found.files.append((raw, False))
            except OSError as exc:  # a folder that vanished or cannot be resolved while walking
                found.errors.append(InputError(raw, f"cannot read: {exc.strerror or exc}"))
        return found

    def excluded(self, path: Path, is_dir: bool) -> str | None:
        """Why ``path`` is excluded by --exclude or the config (not by .gitignore), or None."""
        absolute = path.resolve() if not path.is_absolute() else path
        if self.cli_exclude is not None:
            try:
                rel = absolute.relative_to(self._cwd).as_posix()
            except ValueError:
                rel = absolute.as_posix().lstrip("/")
            if self.cli_exclude.match_file(rel + "/" if is_dir else rel):
                return "excluded by --exclude"
        patterns, root, origin = self.exclude_for(absolute.parent)
        try:
            rel = absolute.relative_to(root or self._top).as_posix()
        except ValueError:
            rel = absolute.name
        if rel != "." and _spec(patterns).match_file(rel + "/" if is_dir else rel):
            return f"excluded by {origin}"
        return None

    def excluded_file(self, path: Path, top: Path | None = None) -> str | None:
        """Why a file that was not found by walking (named, or open in an editor) would have been skipped.

        The file and every folder above it, up to ``top`` (default: the current
        folder; only the file itself when it lies outside), are checked against
        the excludes and for a virtual environment — what a walk from ``top``
        would have pruned.  ``.gitignore`` is not consulted: a tracked file
        that is named explicitly is meant.
        """
        absolute = path.resolve()
        self._top = (top or self._cwd).resolve()
        why = self.excluded(absolute, False)
        if why or self._top not in absolute.parents:
            return why
        for folder in absolute.parents:
            if folder == self._top:
                return None
            if _is_file(folder / "pyvenv.cfg"):
                return "in a virtual environment"
            why = self.excluded(folder, True)
            if why:
                return f"in {folder.name}/, {why}"
        return None

    def _walk(self, top: Path, supported: frozenset[str], found: Found) -> None:
        self._top = top.resolve()
        rules = _gitignores_above(self._top)
        self._visit(top, rules, supported, found)

    def _visit(self, folder: Path, rules: _Rules, supported: frozenset[str], found: Found) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            found.errors.append(InputError(str(folder), "permission denied (folder skipped)"))
            return
        except OSError as exc:
            found.errors.append(InputError(str(folder), f"cannot read folder: {exc.strerror or exc}"))
            return
        absolute = folder.resolve()
        for entry in entries:
            path = Path(folder, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                sub = absolute / entry.name
                why = self._dir_skip(sub, rules)
                if why:
                    found.skipped.append(Skipped(str(path) + os.sep, why))
                    continue
                self._visit(path, _with_gitignore(rules, sub), supported, found)
            elif is_file:
                if os.path.splitext(entry.name)[1].lower() not in supported:
                    continue  # not a format okrlint reads: not worth a line in -v
                why = rules.excluded(absolute / entry.name, False)
                why = f"ignored by {why}" if why else self.excluded(absolute / entry.name, False)
                if why:
                    found.skipped.append(Skipped(str(path), why))
                    continue
                found.files.append((str(path), True))

    def _dir_skip(self, folder: Path, rules: _Rules) -> str | None:
        if _is_file(folder / "pyvenv.cfg"):
            return "a virtual environment"
        ignored = rules.excluded(folder, True)
        if ignored:
            return f"ignored by {ignored}"
        return self.excluded(folder, True)


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that says no for a folder it may not search (it raises PermissionError there)."""
    try:
        return path.is_file()
    except OSError:
        return False
