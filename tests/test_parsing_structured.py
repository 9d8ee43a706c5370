"""Parsing YAML, JSON and Python data (from_structured)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.model import KeyResult, Objective, OkrDocument
from okrlint.parsing import ParseError, from_structured, parse
from helpers import texts
from helpers import check_spans as _check_spans
from helpers import load as _load

DATA = Path(__file__).parent / "data" / "parsing"


def check_spans(doc: OkrDocument, strict: bool = False) -> OkrDocument:
    return _check_spans(doc, strict)  # escapes in JSON/YAML map to their backslash: not strict here


def load(name: str) -> OkrDocument:
    return _load(name, strict=False)











# ---------------------------------------------------------------- YAML


class TestYaml:
    def test_fixture(self) -> None:
        doc = load("okrs.yaml")
        assert doc.format == "yaml"
        assert texts(doc) == [
            (
                "Стать лидером в сегменте умных термосов среди молодёжи",
                [
                    "Увеличить долю рынка с 20% до 30%",
                    "Повысить конверсию в сделку с 3% до 7%",
                    "Привлечь 10 000 подписчиков в TikTok — за квартал",
                ],
            ),
            (
                "Make the mobile app the default way to order",
                [
                    "Increase mobile share of orders from 35% to 60%",
                    'Keep crash-free sessions above 99.5% ("stable")',
                    "Cut checkout time\nfrom 90 to 45 seconds",
                ],
            ),
        ]
        o1, o2 = doc.objectives
        assert o1.fields == {"type": "aspirational", "type_label": "амбициозный", "owner": "anna"}
        assert o1.period is not None and o1.period.text == "Q3 2026"
        assert o2.period is not None and o2.period.text == "Q4 2026"
        assert o2.fields["type"] == "committed"
        kr = o1.key_results[1]
        assert kr.fields == {
            "owner": "boris",
            "baseline": 3,
            "target": 7,
            "current": 3.5,
            "unit": "%",
            "due": "2026-09-30",
        }
        # the top-level period span points at its scalar
        assert doc.source[o1.period.start : o1.period.end] == "Q3 2026"
        assert doc.lines.position(o1.period.start).line == 2
        # '# okrlint: ignore[...]' after a YAML scalar covers that key result
        tiktok = o1.key_results[2]
        assert any(s.covers("long-horizon", tiktok.start) for s in doc.suppressions)
        assert not any(s.covers("long-horizon", o1.key_results[0].start) for s in doc.suppressions)

    def test_folded_scalar_offsets(self) -> None:
        doc = load("okrs.yaml")
        obj = doc.objectives[1]
        assert obj.offsets is not None  # folded: not a verbatim slice
        assert [doc.source[o] for o in obj.offsets] == list(obj.text)
        assert doc.source[obj.start : obj.end] == "Make the mobile app the default\n      way to order"

    def test_plain_list_and_synonyms(self) -> None:
        source = (
            "- цель: Стать лидером\n"
            "  тип: приоритетный\n"
            "  ответственный: Анна\n"
            "  период: II кв. 2026\n"
            "  ключевые_результаты:\n"
            "    - Снизить отток до 5%\n"
            "    - текст: Повысить NPS\n"
            "      срок: 2026-06-30\n"
            "- Просто цель без KR\n"
            "- Title: Ship v2\n"
            "  Key Results: [10k installs, '4.5 rating']\n"
        )
        doc = check_spans(parse(source, "a.yml"), strict=True)
        assert texts(doc) == [
            ("Стать лидером", ["Снизить отток до 5%", "Повысить NPS"]),
            ("Просто цель без KR", []),
            ("Ship v2", ["10k installs", "4.5 rating"]),
        ]
        assert doc.objectives[0].fields == {"type": "committed", "type_label": "приоритетный", "owner": "Анна"}
        assert doc.objectives[0].key_results[1].fields == {"due": "2026-06-30"}

    def test_single_objective_mapping_and_scalar_texts(self) -> None:
        doc = check_spans(parse("objective: yes\nkey_results:\n  - 42\n  - null\n  - on\n", "a.yaml"), strict=True)
        assert texts(doc) == [("yes", ["42", "on"])]

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
    def test_line_endings_quotes_and_unicode(self, newline: str) -> None:
        source = (
            "objectives:\n"
            "  - objective: \"Привлечь «новых» клиентов 👍🏽\"\n"
            "    key_results:\n"
            "      - 'Раз\u0306ный рост — it''s 20%'\n"
            "      - \"Escapes: \\\"q\\\" \\\\ \\u0439 \\t end\"\n"
            "      - >\n"
            "        Folded\n"
            "        text\n"
            "      - Plain multi\n"
            "        line\n"
        ).replace("\n", newline)
        doc = check_spans(parse(source, "a.yaml"))
        (obj,) = doc.objectives
        assert obj.text == "Привлечь «новых» клиентов 👍🏽"
        assert [k.text for k in obj.key_results] == [
            "Раз\u0306ный рост — it's 20%",
            'Escapes: "q" \\ й \t end',
            "Folded text",
            "Plain multi line",
        ]
        # escapes that are not the character itself point at their backslash
        esc = obj.key_results[1]
        assert esc.offsets is not None
        j = esc.text.index("й")
        assert doc.source[esc.offsets[j] : esc.offsets[j] + 6] == "\\u0439"
        q = esc.text.index('"')
        assert doc.source[esc.offsets[q]] == '"'

    def test_multiple_documents(self) -> None:
        doc = parse("- objective: A\n---\n- objective: B\n", "a.yaml")
        assert [o.text for o in doc.objectives] == ["A", "B"]

    def test_anchors_and_aliases(self) -> None:
        source = "base: &k [Снизить отток]\nobjectives:\n  - objective: A\n    krs: *k\n  - objective: B\n    krs: *k\n"
        doc = check_spans(parse(source, "a.yaml"))
        assert texts(doc) == [("A", ["Снизить отток"]), ("B", ["Снизить отток"])]

    def test_recursive_alias_does_not_hang(self) -> None:
        with pytest.raises(ParseError, match="key result has no 'text'"):
            parse("- &a\n  objective: A\n  krs: [*a]\n", "a.yaml")
        doc = parse("- &a\n  objective: A\n  krs: [text: B, *a]\n  text: C\n", "a.yaml")
        assert texts(doc) == [("A", ["B", "C"])]  # the aliased mapping's 'text' is C

    @pytest.mark.parametrize(
        "source, message",
        [
            ("objectives:\n  - objective: [a\n", r"^YAML error at line 3, column 1: "),
            ("a: b: c\n", r"^YAML error at line 1, column 5: mapping values are not allowed here$"),
            ("- objective: x\n\t- y\n", r"^YAML error at line 2"),
            ("- objective: x\n  key_results: 5\n", r"'key_results' must be a list, got a number \(line 2, column 16\)"),
            ("objectives: {a: 1}\n", r"'objectives' must be a list of objectives, got a mapping \(line 1"),
            ("- objective: {a: 1}\n", r"'objective' must be text, got a mapping \(line 1"),
            ("- key_results: [a]\n", r"objective has no 'objective' text \(line 1, column 3\)"),
            ("- objective: A\n  krs:\n    - owner: x\n", r"key result has no 'text' \(line 3, column 7\)"),
            ("- objective: A\n  owner: [{team: {id: 1}}]\n", r"'owner' must be a single value, got a list \(line 2"),
            ("just a sentence\n", r"expected a list of objectives .*got text \(line 1, column 1\)"),
            ("[]\n", r"^no objectives or key results found$"),
            ("# only a comment\n", r"^no objectives or key results found$"),
            ("- objective: A\x01\n", r"^YAML error at line 1, column 15: unacceptable character #x0001"),
            ("- [1, 2]\n", r"an objective must be a mapping or text, got a list \(line 1"),
        ],
    )
    def test_errors(self, source: str, message: str) -> None:
        with pytest.raises(ParseError, match=message) as info:
            parse(source, "okrs.yaml")
        assert "\n" not in str(info.value)

    def test_error_positions_are_attributes(self) -> None:
        with pytest.raises(ParseError) as info:
            parse("- objective: x\n  key_results: 5\n", "a.yaml")
        assert (info.value.line, info.value.column) == (2, 16)
        with pytest.raises(ParseError) as info:
            parse("a: b: c\n", "a.yaml")
        assert (info.value.line, info.value.column) == (1, 5)

    def test_unsafe_tags_are_rejected(self) -> None:
        # tags are never constructed: python/* objects are just data of the wrong shape
        with pytest.raises(ParseError, match="'objective' must be text, got a list"):
            parse("- objective: !!python/object/apply:os.system ['echo hi']\n", "a.yaml")
        doc = parse("- objective: Grow\n  target: !!python/name:os.system\n", "a.yaml")
        assert doc.objectives[0].text == "Grow"


# ---------------------------------------------------------------- JSON


class TestJson:
    def test_fixture(self) -> None:
        doc = load("okrs.json")
        assert doc.format == "json"
        assert texts(doc) == [
            (
                "Сделать бренд \"умный термос\" узнаваемым среди родителей 25–40 лет",
                [
                    "Увеличить трафик с целевой аудитории на 40%",
                    "Снизить стоимость лида с 1 200 до 900 ₽",
                    "Повысить удержание клиентов до 68%",
                ],
            ),
            ("Grow the community", ["Reach 5,000 weekly active members 👍🏽"]),
        ]
        o1, o2 = doc.objectives
        assert o1.fields == {"type": "committed", "type_label": "приоритетный", "owner": "Анна"}
        assert o1.key_results[1].fields == {"owner": "Борис", "baseline": 1200, "target": 900, "unit": "RUB"}
        assert o1.key_results[2].fields == {"current": 61.5, "due": "2026-09-30"}
        assert (o1.period.text if o1.period else None, o2.period.text if o2.period else None) == ("Q3 2026", "Q4 2026")
        # a marker inside a JSON string is cut from the text and suppresses that line
        kr = o1.key_results[2]
        assert any(s.covers("missing-baseline", kr.start) for s in doc.suppressions)
        # \" inside a string maps to the quote itself
        assert o1.offsets is not None
        assert [doc.source[o] for o in o1.offsets] == list(o1.text)

    def test_escaped_json_maps_each_char(self) -> None:
        data = [{"objective": "Привлечь клиентов\n", "krs": ["Рост на 10% 👍🏽", "таб\tи \\ слеш"]}]
        source = json.dumps(data, ensure_ascii=True, indent=1)
        doc = check_spans(parse(source, "a.json"))
        assert texts(doc) == [("Привлечь клиентов", ["Рост на 10% 👍🏽", "таб\tи \\ слеш"])]
        kr = doc.objectives[0].key_results[0]
        assert kr.offsets is not None
        emoji = kr.text.index("👍")
        assert doc.source[kr.offsets[emoji] : kr.offsets[emoji] + 12] == "\\ud83d\\udc4d"

    def test_ascii_json_is_verbatim_when_unescaped(self) -> None:
        doc = check_spans(parse('{"objectives": [{"title": "Grow", "krs": ["Reach 5k"]}]}', "a.json"), strict=True)
        assert doc.objectives[0].offsets is None
        assert doc.source[doc.objectives[0].start : doc.objectives[0].end] == "Grow"

    @pytest.mark.parametrize(
        "source, message",
        [
            ('{"objectives": [}', r"^JSON error at line 1, column 17: Expecting value$"),
            ('[\n  {"objective": "A",}\n]', r"^JSON error at line 2, column \d+: "),
            ('{"objectives": [{"objective": "A", "krs": 5}]}', r"'krs' must be a list, got a number \(line 1, column 43\)"),
            ('{"objectives": "x"}', r"'objectives' must be a list of objectives, got text"),
            ('"just text"', r"expected a list of objectives .*got text"),
            ("[1, 2]", r"an objective must be a mapping or text, got a number"),
            ('{"a": 1} trailing', r"^JSON error at line 1, column 10: Extra data$"),
            ("{'a': 1}", r"^JSON error at line 1, column 2: Expecting property name enclosed in double quotes$"),
            ("[" * 5000, r"(nested too deeply|JSON error)"),
        ],
    )
    def test_errors(self, source: str, message: str) -> None:
        with pytest.raises(ParseError, match=message):
            parse(source, "okrs.json")

    def test_duplicate_keys_last_wins(self) -> None:
        doc = parse('[{"objective": "A", "objective": "B"}]', "a.json")
        assert doc.objectives[0].text == "B"

    def test_crlf_and_bom(self) -> None:
        source = '\ufeff[\r\n {"objective": "A",\r\n  "krs": ["b"]}\r\n]'
        doc = check_spans(parse(source, "a.json"), strict=True)
        assert texts(doc) == [("A", ["b"])]
        assert doc.lines.position(doc.objectives[0].key_results[0].start).line == 3


# ---------------------------------------------------------------- from_structured


@dataclass
class _MyKR:
    text: str
    owner: str | None = None


@dataclass
class _MyObjective:
    objective: str
    key_results: list[_MyKR] = field(default_factory=list)
    period: str | None = None


class TestFromStructured:
    def test_dicts(self) -> None:
        data = {
            "period": "Q3 2026",
            "objectives": [
                {
                    "objective": "Стать лидером",
                    "type": "амбициозный",
                    "owner": "@anna",
                    "key_results": ["Снизить отток до 5%", {"text": "Повысить NPS", "target": 45, "owner": "boris"}],
                },
                {"title": "Ship v2", "period": "Q4 2026", "krs": "10k installs"},
                "Просто цель",
            ],
        }
        doc = check_spans(from_structured(data), strict=True)
        assert doc.path == "<data>"
        assert texts(doc) == [
            ("Стать лидером", ["Снизить отток до 5%", "Повысить NPS"]),
            ("Ship v2", ["10k installs"]),
            ("Просто цель", []),
        ]
        assert doc.objectives[0].fields == {"type": "aspirational", "type_label": "амбициозный", "owner": "anna"}
        assert doc.objectives[0].key_results[1].fields == {"target": 45, "owner": "boris"}
        assert [o.period.text if o.period else None for o in doc.objectives] == ["Q3 2026", "Q4 2026", "Q3 2026"]
        assert len(doc.periods) == 2
        # one item per line, so findings get distinct line numbers
        lines = [doc.lines.position(it.start).line for it in doc.items()]
        assert len(set(lines)) == len(lines)

    def test_dataclasses_and_model_objects(self) -> None:
        doc = check_spans(from_structured([_MyObjective("Grow", [_MyKR("Reach 5k", "dana")], "Q3")]))
        assert texts(doc) == [("Grow", ["Reach 5k"])]
        assert doc.objectives[0].key_results[0].owner == "dana"
        model = Objective(
            text="Grow", start=0, end=4, fields={"owner": "eve"},
            key_results=[KeyResult(text="Reach 5k", start=0, end=8, fields={"target": 5000})],
        )
        doc = check_spans(from_structured([model]))
        assert texts(doc) == [("Grow", ["Reach 5k"])]
        assert doc.objectives[0].owner == "eve"
        assert doc.objectives[0].key_results[0].fields == {"target": 5000}

    def test_text_with_newlines_and_unicode(self) -> None:
        doc = check_spans(from_structured([{"objective": "  Рост 👍🏽\nи\u0306 ещё  ", "krs": ["a\r\nb"]}]), strict=True)
        assert texts(doc) == [("Рост 👍🏽\nи\u0306 ещё", ["a\r\nb"])]

    @pytest.mark.parametrize(
        "data, message",
        [
            ("Цель: x", "not text"),
            ([{"objective": "A", "krs": 5}], r"'krs' must be a list, got a number \(objectives\[0\]\.krs\)"),
            ([{"krs": ["a"]}], r"objective has no 'objective' text \(objectives\[0\]\)"),
            ([{"objective": "A", "krs": [{"owner": "x"}]}], r"key result has no 'text' \(objectives\[0\]\.krs\[0\]\)"),
            ({"objectives": 3}, r"'objectives' must be a list of objectives, got a number"),
            ([], "no objectives or key results found"),
            (42, "expected a list of objectives"),
        ],
    )
    def test_errors(self, data: object, message: str) -> None:
        with pytest.raises(ParseError, match=message):
            from_structured(data)


# ---------------------------------------------------------------- properties

# Texts without markup the parsers strip on purpose (owner/type tags, labels, emphasis, markers).
_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\x85@([*_~<:`",
    )
    | st.sampled_from(["\t", "\n", '"', "'", "\\", "й", "\u0306", "👍", "\U0001F3FD", "#", " ", "-", "—", "/"]),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and "okrlint" not in s.lower())

_OBJECTIVES = st.lists(
    st.fixed_dictionaries(
        {"objective": _TEXT, "key_results": st.lists(_TEXT, max_size=4)},
        optional={"period": st.sampled_from(["Q3 2026", "II кв. 2026", "H1"])},
    ),
    min_size=1,
    max_size=4,
)


def _ws(value: str) -> str:
    return " ".join(value.split())


def _shape(doc: OkrDocument, norm=lambda s: s, periods: bool = True) -> list[tuple[str, list[str], object]]:
    return [
        (
            norm(o.text),
            [norm(k.text) for k in o.key_results],
            (norm(o.period.text) if o.period else None) if periods else o.period is not None,
        )
        for o in doc.objectives
    ]


def _expected(data: list[dict], norm=lambda s: s, periods: bool = True) -> list[tuple[str, list[str], object]]:
    # A Period has no per-character offsets, so an escaped period keeps its raw
    # source text (see the report on okrlint.parsing); compare only its presence then.
    return [
        (
            norm(d["objective"].strip()),
            [norm(k.strip()) for k in d["key_results"]],
            (norm(d["period"]) if "period" in d else None) if periods else "period" in d,
        )
        for d in data
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_OBJECTIVES, ensure_ascii=st.booleans(), indent=st.sampled_from([None, 0, 2, "\t"]))
def test_json_roundtrip(data: list[dict], ensure_ascii: bool, indent: object) -> None:
    """JSON texts are exactly the values (stripped), escapes included."""
    source = json.dumps({"objectives": data}, ensure_ascii=ensure_ascii, indent=indent)  # type: ignore[arg-type]
    doc = check_spans(parse(source, "a.json"))
    assert _shape(doc, periods=not ensure_ascii) == _expected(data, periods=not ensure_ascii)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=_OBJECTIVES,
    style=st.sampled_from([None, '"', "'", "|", ">"]),
    width=st.sampled_from([12, 40, 1000]),
    allow_unicode=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_yaml_roundtrip(data: list[dict], style: str | None, width: int, allow_unicode: bool, newline: str) -> None:
    """YAML texts are the values up to whitespace (a folded break may stay a line break)."""
    source = yaml.safe_dump(
        {"objectives": data}, default_style=style, width=width, allow_unicode=allow_unicode, line_break=newline
    )
    doc = check_spans(parse(source, "a.yaml"))
    verbatim = allow_unicode and style != "\""
    assert _shape(doc, _ws, periods=verbatim) == _expected(data, _ws, periods=verbatim)


@settings(max_examples=100, deadline=None)
@given(data=_OBJECTIVES)
def test_from_structured_roundtrip(data: list[dict]) -> None:
    doc = check_spans(from_structured(data), strict=True)
    assert _shape(doc) == _expected(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_as_yaml_and_json(source: str) -> None:
    for fmt in ("yaml", "json"):
        try:
            doc = parse(source, "x", fmt=fmt)
        except ParseError as exc:
            assert "internal parser error" not in str(exc)
            assert "\n" not in str(exc)
        else:
            check_spans(doc)


_YAMLISH = st.lists(
    st.sampled_from(
        [
            "objectives:", "- objective: Рост", "  key_results:", "    - Снизить отток", "  - text: \"a\\tb\"",
            "    owner: [x]", "period: Q3", "  krs: 5", "- 'it''s'", "- >", "  folded", "  text", "- |-", "---",
            "{objective: x, krs: [a, b]}", "- цель: Рост", "  тип: амбициозный", "&a x", "*a", "- ? x", "  : y",
            "# okrlint: ignore", "\t", "  ", "- objective:", "    due: 2026-02-30", "    target: .inf",
        ]
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(_YAMLISH, st.sampled_from(["\n", "\r\n", "\r"]))
def test_yamlish_soup(lines: list[str], newline: str) -> None:
    source = newline.join(lines)
    try:
        doc = parse(source, "x.yaml")
    except ParseError as exc:
        assert "internal parser error" not in str(exc), str(exc)
    else:
        check_spans(doc)


def test_statement_keys_hold_the_text() -> None:
    """«формулировка» / "statement": the key a team used for an item's wording."""
    from okrlint.parsing import parse

    doc = parse("период: 1 квартал 2027\nцели:\n  - цель: \"Клиенты решают вопрос с первого звонка\"\n    кр:\n"
                "      - формулировка: \"Повысить FCR с 71% до 78%\"\n        ответственный: А. Г.\n"
                "      - формулировка: \"Снизить долю повторных звонков с 19% до 13%\"\n"
                "  - statement: Get paid sooner\n    key_results:\n      - statement: DSO from 52 to 40 days\n"
                "  - цель: Склад работает без простоев\n    ключевые_результаты:\n      - кр: \"Снизить простои с 6% до 2%\"\n",
                "okrs.yaml")
    assert [(o.text, [k.text for k in o.key_results]) for o in doc.objectives] == [
        ("Клиенты решают вопрос с первого звонка", ["Повысить FCR с 71% до 78%", "Снизить долю повторных звонков с 19% до 13%"]),
        ("Get paid sooner", ["DSO from 52 to 40 days"]),
        ("Склад работает без простоев", ["Снизить простои с 6% до 2%"]),
    ]


def test_an_okr_tools_cycle_key_is_the_period() -> None:
    """OKR tools export the period as "cycle" or "timeframe": the objectives then have their deadline."""
    from okrlint.parsing import parse

    for key in ("cycle", "timeframe", "цикл"):
        doc = parse(f'{{"{key}": "Q1 2027", "objectives": [{{"title": "Get paid sooner", '
                    f'"keyResults": [{{"text": "DSO from 52 to 40 days"}}]}}]}}', "okrs.json")
        assert doc.objectives[0].period is not None and doc.objectives[0].period.text == "Q1 2027", key


def test_an_okr_tools_cycle_mapping_is_the_period() -> None:
    """OKR tools export the cycle as a mapping: its name, or else its end date, is the objectives' period."""
    from okrlint.parsing import parse

    named = parse('{"cycle": {"name": "Q1 2027", "start_date": "2027-01-01", "end_date": "2027-03-31"}, '
                  '"objectives": [{"title": "Get paid sooner", "key_results": [{"title": "DSO from 52 to 40 days"}]}]}',
                  "okrs.json")
    assert named.objectives[0].period is not None and named.objectives[0].period.text == "Q1 2027"
    dated = parse('{"cycle": {"start_date": "2027-01-01", "end_date": "2027-03-31"}, '
                  '"objectives": [{"title": "Get paid sooner", "key_results": [{"title": "DSO from 52 to 40 days"}]}]}',
                  "okrs.json")
    assert dated.objectives[0].period is not None and dated.objectives[0].period.text == "2027-03-31"
    source = 'cycle:\n  name: Q1 2027\nobjectives:\n  - title: Get paid sooner\n    key_results:\n      - DSO from 52 to 40 days\n'
    assert parse(source, "okrs.yaml").objectives[0].period.text == "Q1 2027"


def test_a_cycle_mapping_without_a_name_or_dates_is_a_clear_error() -> None:
    from okrlint.parsing import ParseError, parse

    with pytest.raises(ParseError, match="'cycle' must be text or a mapping with a name or start/end dates"):
        parse('{"cycle": {"owner": "x"}, "objectives": [{"title": "Get paid sooner"}]}', "okrs.json")


def test_an_owner_exported_as_a_person_gives_its_name() -> None:
    """OKR tools export owners as people ({"name": …}) or lists of them; the file is read, the owner is the name."""
    from okrlint.parsing import parse

    doc = parse('{"objectives": [{"title": "Get paid sooner", "owner": [{"name": "Anna"}, {"name": "Ivan"}], '
                '"key_results": [{"title": "DSO from 52 to 40 days", "owner": {"email": "ivan@example.org"}}]}]}',
                "okrs.json")
    assert doc.objectives[0].owner == "Anna, Ivan"
    assert doc.objectives[0].key_results[0].owner == "ivan@example.org"
    with pytest.raises(ParseError, match="'owner' must be a single value, got a mapping"):
        parse('{"objectives": [{"title": "Get paid sooner", "owner": {"team": {"id": 1}}}]}', "okrs.json")
