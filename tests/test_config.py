"""Configuration: discovery, validation (okrlint.config) and how the CLI applies it."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from okrlint.cli import main
from okrlint.config import KEYS, Config, ConfigError, config_from_dict, find_config, load_config

KNOWN = {"vague-verb", "hedging", "task-key-result", "key-result-count", "missing-number"}

OKRS = """\
# Q3 2026

## Цель: Сделать наш бренд любимым выбором для молодых родителей

- Улучшить качество контента
- Попробовать запустить TikTok-канал
- Снизить процент отказов на целевой странице с 70% до 50% к концу квартала
"""


# ---------------------------------------------------------------- discovery


def test_find_config_prefers_nearest(tmp_path: Path) -> None:
    (tmp_path / ".okrlint.toml").write_text("", encoding="utf-8")
    nested = tmp_path / "team" / "q3"
    nested.mkdir(parents=True)
    (nested / "okrs.md").write_text(OKRS, encoding="utf-8")
    assert find_config(nested / "okrs.md") == tmp_path / ".okrlint.toml"
    assert find_config(nested) == tmp_path / ".okrlint.toml"
    (tmp_path / "team" / "pyproject.toml").write_text("[tool.okrlint]\nignore = ['hedging']\n", encoding="utf-8")
    assert find_config(nested / "okrs.md") == tmp_path / "team" / "pyproject.toml"


def test_find_config_skips_pyproject_without_section(tmp_path: Path) -> None:
    (tmp_path / ".okrlint.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n", encoding="utf-8")
    assert find_config(inner) == tmp_path / ".okrlint.toml"
    (inner / "pyproject.toml").write_text("not [valid toml", encoding="utf-8")
    assert find_config(inner) == tmp_path / ".okrlint.toml"


def test_find_config_none(tmp_path: Path) -> None:
    found = find_config(tmp_path)
    assert found is None or tmp_path not in found.parents  # nothing here; a config far above is not ours


def test_okrlint_toml_wins_over_pyproject_in_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.okrlint]\n", encoding="utf-8")
    (tmp_path / ".okrlint.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / ".okrlint.toml"


# ---------------------------------------------------------------- loading and validation


def test_load_full_config(tmp_path: Path) -> None:
    path = tmp_path / ".okrlint.toml"
    path.write_text(
        """
select = ["vague-verb", "hedging", "key-result-count"]
ignore = "hedging"
lang = "ru"
locale = "en"

[severity]
vague-verb = "warning"

[rules.key-result-count]
min = 2
max = 4

[extra-words.vague-verb]
ru = ["прокачать"]
en = ["polish"]
""",
        encoding="utf-8",
    )
    config = load_config(path, known_rules=KNOWN)
    assert config.select == {"vague-verb", "hedging", "key-result-count"}
    assert config.ignore == {"hedging"}
    assert config.severity == {"vague-verb": "warning"}
    assert config.options == {"key-result-count": {"min": 2, "max": 4}}
    assert config.extra_words == {"vague-verb": {"ru": ["прокачать"], "en": ["polish"]}}
    assert (config.lang, config.locale, config.source) == ("ru", "en", str(path))
    assert config.enabled("vague-verb") and not config.enabled("hedging") and not config.enabled("missing-number")


def test_pyproject_section(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.okrlint]\nignore = ["missing-number"]\n', encoding="utf-8")
    assert load_config(path, known_rules=KNOWN).ignore == {"missing-number"}


@pytest.mark.parametrize(
    ("data", "key", "problem"),
    [
        ({"selct": ["vague-verb"]}, "selct", "unknown setting"),
        ({"select": "nope"}, "select", "unknown rule nope"),
        ({"select": [1, 2]}, "select", "list of rule ids"),
        ({"ignore": ["vague-verb", "typo-rule"]}, "ignore", "unknown rule typo-rule"),
        ({"severity": {"vague-verb": "fatal"}}, "severity.vague-verb", "expected one of error, warning, info"),
        ({"severity": {"nope": "error"}}, "severity.nope", "unknown rule"),
        ({"severity": "error"}, "severity", "table"),
        ({"rules": {"key-result-count": 3}}, "rules.key-result-count", "expected a table"),
        ({"rules": "key-result-count"}, "rules", "tables"),
        ({"rules": {"nope": {"min": 1}}}, "rules.nope", "unknown rule"),
        ({"extra-words": {"vague-verb": {"de": ["x"]}}}, "extra-words.vague-verb.de", "ru ="),
        ({"extra-words": {"vague-verb": {"ru": "прокачать"}}}, "extra-words.vague-verb.ru", "expected a list of words"),
        ({"lang": "de"}, "lang", "auto, ru, en"),
        ({"locale": "fr"}, "locale", "ru or en"),
    ],
)
def test_validation_names_file_and_key(data: dict, key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(data, source="team/.okrlint.toml", known_rules=KNOWN)
    message = str(info.value)
    assert message.startswith(f"team/.okrlint.toml: {key}: ")
    assert problem in message


def test_rule_ids_are_checked_against_the_shipped_rules_without_a_rule_list() -> None:
    with pytest.raises(ConfigError, match="unknown rule future-rule"):
        config_from_dict({"select": ["future-rule"]})
    assert config_from_dict({"select": ["vague-verb"]}).select == {"vague-verb"}


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"select = [", "invalid TOML"), (b"select = ['\xff']", "not valid UTF-8")],
)
def test_unreadable_files(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / ".okrlint.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=problem) as info:
        load_config(path)
    assert str(path) in str(info.value)
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_with_overrides_ignores_none() -> None:
    config = Config(select=frozenset({"hedging"}), lang="ru")
    assert config.with_overrides(select=None, lang=None) == config
    assert config.with_overrides(lang="en").lang == "en"


# ---------------------------------------------------------------- through the CLI


def _lint_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = main(["--format", "json", *argv])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out else {}, captured.err


def _rules(data: dict) -> set[str]:
    return {f["rule"] for file in data["files"] for f in file["findings"]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "okrs.md").write_text(OKRS, encoding="utf-8")
    return tmp_path


def test_cli_discovers_okrlint_toml(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = _lint_json(capsys, str(project / "okrs.md"))
    assert {"vague-verb", "hedging"} <= _rules(data) and code == 1
    (project / ".okrlint.toml").write_text('ignore = ["hedging"]\n[severity]\nvague-verb = "info"\n', encoding="utf-8")
    code, data, _ = _lint_json(capsys, str(project / "okrs.md"))
    assert "hedging" not in _rules(data)
    severities = {f["severity"] for file in data["files"] for f in file["findings"] if f["rule"] == "vague-verb"}
    assert severities == {"info"}


def test_cli_discovers_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.okrlint]\nselect = ["hedging"]\n', encoding="utf-8")
    _, data, _ = _lint_json(capsys, str(project / "okrs.md"))
    assert _rules(data) == {"hedging"}


def test_cli_flags_override_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".okrlint.toml").write_text('select = ["hedging"]\n', encoding="utf-8")
    _, data, _ = _lint_json(capsys, str(project / "okrs.md"), "--select", "vague-verb")
    assert _rules(data) == {"vague-verb"}  # --select replaces the file's select
    (project / ".okrlint.toml").write_text('ignore = ["hedging"]\n', encoding="utf-8")
    _, data, _ = _lint_json(capsys, str(project / "okrs.md"), "--ignore", "vague-verb")
    assert not {"vague-verb", "hedging"} & _rules(data)  # --ignore adds to the file's ignore


def test_cli_explicit_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    custom = project / "ci.toml"
    custom.write_text('select = ["vague-verb"]\n', encoding="utf-8")
    (project / ".okrlint.toml").write_text('select = ["hedging"]\n', encoding="utf-8")
    _, data, _ = _lint_json(capsys, "--config", str(custom), str(project / "okrs.md"))
    assert _rules(data) == {"vague-verb"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[severity]\nvague-verb = "fatal"\n', "severity.vague-verb"),
        ('select = ["no-such-rule"]\n', "select: unknown rule no-such-rule"),
        ("colour = true\n", "colour: unknown setting"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_cli_bad_config_exits_2(project: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str) -> None:
    config = project / ".okrlint.toml"
    config.write_text(content, encoding="utf-8")
    code = main([str(project / "okrs.md")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith("okrlint: ") and str(config) in captured.err and expected in captured.err
    assert "Traceback" not in captured.err


def test_cli_missing_config_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--config", str(project / "nope.toml"), str(project / "okrs.md")])
    err = capsys.readouterr().err
    assert code == 2 and "nope.toml" in err and "cannot read" in err


# ---------------------------------------------------------------- value types, did-you-mean, the API, the schema


@pytest.mark.parametrize(
    ("content", "key", "expected"),
    [
        ('[rules.key-result-count]\nmin = "3"\n', "rules.key-result-count.min", "expected a whole number ≥ 0, got '3' (a string)"),
        ("[rules.key-result-count]\nmax = [5]\n", "rules.key-result-count.max", "got [5] (a list)"),
        ("[rules.key-result-count]\nmax = true\n", "rules.key-result-count.max", "got True (a boolean)"),
        ("[rules.key-result-count]\nmax = 2.5\n", "rules.key-result-count.max", "got 2.5 (a number)"),
        ("[rules.key-result-count]\nmin = 6\n", "rules.key-result-count", "min (6) is greater than max (5)"),
        ("[rules.key-result-count]\nmaximum = 6\n", "rules.key-result-count.maximum", "did you mean 'max'?"),
        ("[rules.vague-verb]\nmax = 6\n", "rules.vague-verb.max", "the rule vague-verb has no settings"),
        ('[extra-words.vague-verb]\nru = [""]\n', "extra-words.vague-verb.ru", "non-empty words"),
        ('[extra-words.vague-verb]\nen = ["polish", 3]\n', "extra-words.vague-verb.en", "got 3 (an integer)"),
        ('select = ["vague-verb", 1]\n', "select", "got 1 (an integer)"),
        ("select = 3\n", "select", "expected a list of rule ids, got 3"),
        ('select = ["vage-verb"]\n', "select", "unknown rule vage-verb; did you mean 'vague-verb'?"),
        ('[severity]\nhedgin = "info"\n', "severity.hedgin", "did you mean 'hedging'?"),
        ("selct = []\n", "selct", "unknown setting; did you mean 'select'?"),
        ("lang = 1\n", "lang", "expected a string, got 1"),
        ("locale = []\n", "locale", "expected a string"),
        ('exclude = "drafts"\n', "exclude", "expected a list of non-empty path patterns"),
        ('extend-exclude = [""]\n', "extend-exclude", "expected a list of non-empty path patterns"),
        ("[tool]\nx = 1\n", "tool", "unknown setting"),
    ],
)
def test_bad_values_are_config_errors_naming_file_key_and_type(tmp_path: Path, content: str, key: str,
                                                               expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / ".okrlint.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}: {key}: ") and expected in str(info.value), str(info.value)
    (tmp_path / "okrs.md").write_text(OKRS, encoding="utf-8")
    code = main([str(tmp_path / "okrs.md")])
    err = capsys.readouterr().err
    assert code == 2 and f"{path}: {key}: " in err and "Traceback" not in err and "internal error" not in err


def test_pyproject_section_must_be_a_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool]\nokrlint = "strict"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="tool.okrlint: expected a table"):
        load_config(path)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"select": {"typo"}}, "select: unknown rule typo"),
        ({"select": {"vague-verbs"}}, "did you mean 'vague-verb'?"),
        ({"ignore": ["hedging", 3]}, "ignore: expected a list of rule ids (strings)"),
        ({"severity": {"hedging": "fatal"}}, "severity.hedging: expected one of error, warning, info"),
        ({"options": {"key-result-count": {"min": "3"}}}, "rules.key-result-count.min: expected a whole number"),
        ({"extra_words": {"vague-verb": {"de": ["x"]}}}, "extra-words.vague-verb.de: unknown language"),
        ({"lang": "de"}, "lang: expected one of auto, ru, en"),
        ({"locale": "fr"}, "locale: expected ru or en"),
    ],
)
def test_the_api_config_validates_too(kwargs: dict, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        Config(**kwargs)


def test_api_config_accepts_sets_and_lists() -> None:
    config = Config(select={"vague-verb"}, ignore=["hedging"])  # type: ignore[arg-type]
    assert config.select == frozenset({"vague-verb"}) and config.ignore == frozenset({"hedging"})


README_CONFIG_BLOCK = re.compile(r"```toml\n(select = .*?)```", re.S)


def _config_schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("okrlint.schema").joinpath("config.schema.json").read_text(encoding="utf-8"))


def test_config_schema_accepts_the_readme_example_and_rejects_bad_ones() -> None:
    import jsonschema

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    schema = _config_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = tomllib.loads(README_CONFIG_BLOCK.search(readme).group(1))  # type: ignore[union-attr]
    assert validator.is_valid(example), list(validator.iter_errors(example))
    assert config_from_dict(example).ignore  # and okrlint reads it
    bad = [
        {"select": ["typo"]},
        {"selct": []},
        {"rules": {"key-result-count": {"min": "3"}}},
        {"rules": {"key-result-count": {"max": [5]}}},
        {"rules": {"key-result-count": {"maximum": 5}}},
        {"extra-words": {"vague-verb": {"ru": [""]}}},
        {"extra-words": {"vague-verb": {"de": ["x"]}}},
        {"severity": {"hedging": "fatal"}},
        {"lang": "de"},
        {"exclude": "drafts/"},
    ]
    for data in bad:
        assert not validator.is_valid(data), data
        with pytest.raises(ConfigError):
            config_from_dict(data)


def test_config_schema_knows_every_rule_and_knob() -> None:
    from okrlint.registry import rule_ids, rule_options

    schema = _config_schema()
    assert schema["$defs"]["ruleId"]["enum"] == list(rule_ids())
    knobs = {rule: set(props["properties"]) for rule, props in schema["properties"]["rules"]["properties"].items()}
    assert knobs == {rule: set(options) for rule, options in rule_options().items()}
    assert set(schema["properties"]) - {"extra_words", "extend_exclude"} == set(KEYS)
