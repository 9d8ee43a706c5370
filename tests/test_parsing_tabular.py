"""Parsing CSV/TSV spreadsheet exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.parsing import ParseError, detect_format, parse
from okrlint.parsing.labels import column_kind
from okrlint.parsing.tabular import sniff_delimiter, tokenize
from helpers import check_spans, load, texts

DATA = Path(__file__).parent / "data" / "parsing"











def test_russian_excel_export() -> None:
    """Semicolons, a BOM, CRLF, a title row above the header, doubled quotes, a newline in a cell."""
    doc = load("okrs_ru.csv")
    assert doc.format == "csv"
    assert texts(doc) == [
        (
            "Увеличить средний чек",
            [
                "Увеличить средний чек на 25% за счёт внедрения cross-sell",
                'Снизить скидки "по звонку" с 15% до 5%',
                "Повысить долю повторных покупок\r\nс 20% до 35%",
                "Запустить пакетные предложения с конверсией выше 5%",
            ],
        ),
        ("Сократить цикл сделки", ["Сократить цикл сделки с 45 до 30 дней"]),
    ]
    o1, o2 = doc.objectives
    assert [(k.owner, k.fields.get("progress")) for k in o1.key_results] == [
        ("Анна", "30%"),
        ("Борис", "10%"),
        ("Вера", None),
        ("Анна", "0%"),
    ]
    assert o1.period is not None and o1.period.text == "Q3 2026"
    assert o2.owner == "Глеб"
    assert o2.period is o1.period
    quoted = o1.key_results[1]
    assert quoted.offsets is not None  # "" inside the cell
    assert [doc.source[o] for o in quoted.offsets] == list(quoted.text)
    wrapped = o1.key_results[2]
    assert wrapped.offsets is None
    assert doc.lines.position(wrapped.start).line == 5


def test_english_tsv() -> None:
    doc = load("okrs_en.tsv")
    assert doc.format == "tsv"
    assert texts(doc) == [
        ("Grow the community", ["Reach 5,000 weekly active members", "Raise NPS from 30 to 45"]),
        ("Make the mobile app the default way to order", ["Increase mobile share of orders from 35% to 60%"]),
    ]
    kr = doc.objectives[0].key_results[0]
    assert kr.fields == {"owner": "dana", "baseline": "3200", "target": "5000", "due": "2026-09-30"}


@pytest.mark.parametrize(
    "header, kind",
    [
        ("Цель", "objective"),
        ("Objective", "objective"),
        ("O", "objective"),
        ("  цель (Objective) ", "objective"),
        ("**Цель**", "objective"),
        ("Ключевой результат", "key_result"),
        ("Ключевые результаты", "key_result"),
        ("Key Results", "key_result"),
        ("KR", "key_result"),
        ("KR 2", "key_result"),
        ("Ответственный", "owner"),
        ("Владелец", "owner"),
        ("OWNER", "owner"),
        ("Прогресс, %", "progress"),
        ("Progress (%)", "progress"),
        ("Период", "period"),
        ("Квартал", "period"),
        ("Quarter", "period"),
        ("Тип", "type"),
        ("Type", "type"),
        ("Baseline", "baseline"),
        ("Базовое значение", "baseline"),
        ("Было", "baseline"),
        ("Target", "target"),
        ("Цель (значение)", "target"),
        ("Целевое значение", "target"),
        ("Current", "current"),
        ("Текущее значение", "current"),
        ("Срок", "due"),
        ("Due", "due"),
        ("Deadline", "due"),
        ("key_result", "key_result"),  # snake_case exports
        ("ключевой_результат", "key_result"),
        ("keyResult", "key_result"),
        ("due_date", "due"),
        ("Key-Result", "key_result"),
        ("Бюджет", None),
    ],
)
def test_header_synonyms(header: str, kind: str | None) -> None:
    assert column_kind(header) == kind


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_sniffing(delimiter: str) -> None:
    rows = [["Objective", "Key result", "Owner"], ["Grow, fast", "Reach 5k; then 10k", "dana"]]
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    source = buf.getvalue()
    assert sniff_delimiter(source) == delimiter
    doc = check_spans(parse(source, "export.csv"))
    assert texts(doc) == [("Grow, fast", ["Reach 5k; then 10k"])]


def test_all_value_columns_and_types() -> None:
    source = (
        "Тип,Цель,Ключевой результат,Ответственный,Базовое значение,Целевое значение,Текущее значение,Срок,Единица\n"
        "Амбициозный,Стать лидером,Повысить NPS,@anna,30,45,33,30.09.2026,баллы\n"
    )
    doc = check_spans(parse(source, "a.csv"))
    obj = doc.objectives[0]
    assert obj.fields == {"type": "aspirational", "type_label": "Амбициозный"}
    assert obj.key_results[0].fields == {
        "owner": "anna",
        "baseline": "30",
        "target": "45",
        "current": "33",
        "due": "30.09.2026",
        "unit": "баллы",
    }


def test_wide_layout_with_numbered_kr_columns() -> None:
    source = "Objective,KR1,KR2,KR3\nGrow,Reach 5k,Cut churn to 3%,\nShip v2,10k installs,,\n"
    doc = check_spans(parse(source, "a.csv"))
    assert texts(doc) == [("Grow", ["Reach 5k", "Cut churn to 3%"]), ("Ship v2", ["10k installs"])]


def test_key_results_column_with_a_list_in_one_cell() -> None:
    source = 'Цель;Ключевые результаты\nРост;"- Снизить отток до 5%\n- Повысить NPS до 45"\n'
    doc = check_spans(parse(source, "a.csv"))
    assert texts(doc) == [("Рост", ["Снизить отток до 5%", "Повысить NPS до 45"])]


def test_suppression_in_a_comment_column_covers_the_row() -> None:
    source = (
        "Objective,Key result,Comment\n"
        'Grow,"Run 10 webinars\nevery month",okrlint: ignore[task-key-result]\n'
        "Grow,Write 5 posts,\n"
    )
    doc = check_spans(parse(source, "a.csv"))
    a, b = doc.objectives[0].key_results
    assert any(s.covers("task-key-result", a.start) for s in doc.suppressions)
    assert not any(s.covers("task-key-result", b.start) for s in doc.suppressions)


def test_marker_inside_the_cell_is_cut_from_the_text() -> None:
    doc = check_spans(parse("Objective,Key result\nGrow,Run 10 webinars # okrlint: ignore\n", "a.csv"))
    kr = doc.objectives[0].key_results[0]
    assert kr.text == "Run 10 webinars"
    assert any(s.covers("any-rule", kr.start) for s in doc.suppressions)


@pytest.mark.parametrize(
    "source, message",
    [
        ("Канал,Бюджет\nTikTok,100\n", r"^no Objective/Цель column in the header"),
        ('Objective,Key result\nGrow,"Reach 5k\n', r"^CSV error at line 2, column 6: quoted cell is never closed$"),
        ("Objective,Key result\n,orphan KR\n", r"^no objectives or key results found$"),
    ],
)
def test_errors(source: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse(source, "a.csv")


def test_sniffed_stdin_csv() -> None:
    source = "\ufeffЦель;Ключевой результат\r\nРост;Снизить отток\r\n"
    assert detect_format("-", source) == "csv"
    assert texts(check_spans(parse(source, "-"))) == [("Рост", ["Снизить отток"])]


# ---------------------------------------------------------------- tokenizer vs the csv module

_CELL = st.text(alphabet=st.sampled_from(list('ab ,;\t"\r\nй👍\u0306\'')), max_size=8)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
    terminator=st.sampled_from(["\n", "\r\n", "\r"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_tokenizer_matches_csv_module(rows: list[list[str]], delimiter: str, terminator: str, quoting: int) -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=terminator, quoting=quoting).writerows(rows)
    source = buf.getvalue()
    expected = [r for r in csv.reader(io.StringIO(source, newline=""), delimiter=delimiter) if r]
    records = tokenize(source, delimiter)
    assert [[c.text for c in rec.cells] for rec in records] == expected
    for rec in records:
        for cell in rec.cells:
            offsets = cell.char_offsets()
            assert [source[o] for o in offsets] == list(cell.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab,;\t"\r\n й')), max_size=40), st.sampled_from([",", ";", "\t"]))
def test_tokenizer_matches_csv_module_on_any_text(source: str, delimiter: str) -> None:
    try:
        records = tokenize(source, delimiter)
    except ParseError:
        return  # an unterminated quote: the csv module guesses, we refuse
    expected = [r for r in csv.reader(io.StringIO(source, newline=""), delimiter=delimiter) if r]
    assert [[c.text for c in rec.cells] for rec in records] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["csv", "tsv"]))
def test_arbitrary_text(source: str, fmt: str) -> None:
    try:
        doc = parse(source, "x", fmt=fmt)
    except ParseError as exc:
        assert "internal parser error" not in str(exc)
    else:
        check_spans(doc)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                ["Цель", "Objective", "KR", "Owner", "Период", "Q3 2026", "Рост", "- a\n- b", "x;y", "",
                 '"q"', "okrlint: ignore[r]", "@anna", "Приоритетный", "Type", "  ", "a<br>b"]
            ),
            min_size=1,
            max_size=5,
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_spreadsheet_soup(rows: list[list[str]], delimiter: str) -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    try:
        doc = parse(buf.getvalue(), "x.csv" if delimiter != "\t" else "x.tsv")
    except ParseError as exc:
        assert "internal parser error" not in str(exc)
    else:
        check_spans(doc)


@pytest.mark.parametrize("sep, header", [
    (",", "period,objective,key_result,owner"),
    (";", "период;цель;ключевой_результат;ответственный"),
])
def test_snake_case_headers_find_key_results(sep: str, header: str) -> None:
    source = header + "\n" + sep.join(["Q1 2027", "Grow giving", "Donors 3150 -> 3700", "Siobhan"]) + "\n"
    doc = check_spans(parse(source, "okrs.csv"))
    assert texts(doc) == [("Grow giving", ["Donors 3150 -> 3700"])]
    assert doc.objectives[0].key_results[0].fields.get("owner") == "Siobhan"


# One text column for objectives and key results, told apart by a Type or an ID column: a common spreadsheet
# layout ("ID,Type,Objective / Key Result,Owner", "Quarter,Type,Ref,Statement,Owner").
TYPED_ROWS = [
    ("ID,Type,Objective / Key Result,Owner,Notes\r\n"
     "O1,Objective,Make onboarding painless,Ann,\r\n"
     "KR1.1,Key Result,\"Raise activation from 30% to 45%, then hold it\",Ann,weekly\r\n"
     "KR1.2,Key Result,Improve the onboarding emails,Bob,\r\n"
     "O2,Objective,Get paid sooner,Cy,\r\n"
     "KR2.1,Key Result,DSO: 52 → 40 days,Cy,\r\n"),
    ("Quarter,Type,Ref,Statement,Owner\n"
     "Q1 2027,Objective,O1,Make onboarding painless,Ann\n"
     "Q1 2027,KR,KR1.1,\"Raise activation from 30% to 45%, then hold it\",Ann\n"
     "Q1 2027,Committed,KR1.2,Improve the onboarding emails,Bob\n"
     "Q1 2027,note,,A row that is neither is skipped,\n"
     "Q1 2027,Objective,O2,Get paid sooner,Cy\n"
     "Q1 2027,KR,KR2.1,DSO: 52 → 40 days,Cy\n"),
    ("№;Тип;Формулировка;Ответственный\n"
     "Ц1;Цель;Make onboarding painless;Ann\n"
     "КР1.1;КР;Raise activation from 30% to 45%, then hold it;Ann\n"
     "КР1.2;КР;Improve the onboarding emails;Bob\n"
     "Ц2;Цель;Get paid sooner;Cy\n"
     "КР2.1;КР;DSO: 52 → 40 days;Cy\n"),
    # a number column: the objective's «Ц1», its key results plain "1.1"
    ("№;Цель / ключевой результат;Ответств.\n"
     "Ц1;Make onboarding painless;Ann\n"
     "1.1;Raise activation from 30% to 45%, then hold it;Ann\n"
     "1.2;Improve the onboarding emails;Bob\n"
     "Ц2;Get paid sooner;Cy\n"
     "2.1;DSO: 52 → 40 days;Cy\n"),
]


@pytest.mark.parametrize("source", TYPED_ROWS)
def test_one_text_column_with_a_type_or_id_column(source: str) -> None:
    from okrlint.sniff import holds_okrs

    doc = check_spans(parse(source, "export.csv"))
    assert texts(doc) == [
        ("Make onboarding painless", ["Raise activation from 30% to 45%, then hold it", "Improve the onboarding emails"]),
        ("Get paid sooner", ["DSO: 52 → 40 days"]),
    ]
    assert holds_okrs(source, "csv", "export.csv") and holds_okrs(source, "csv", "")  # a folder walk reads it too
    assert doc.objectives[0].key_results[0].fields.get("owner") == "Ann"


def test_a_data_file_with_id_type_text_columns_is_no_okr_file() -> None:
    from okrlint.sniff import holds_okrs

    assert not holds_okrs("id,type,text\n1,bug,crash on start\n2,feature,dark mode\n", "csv", "issues.csv")


def test_a_markdown_table_with_an_id_column_and_one_text_column() -> None:
    doc = check_spans(parse("| ID | Statement | Owner |\n|---|---|---|\n| O1 | Make onboarding painless | Ann |\n"
                            "| KR1.1 | Raise activation from 30% to 45% | Ann |\n| KR1.2 | Cut churn from 4% to 3% | Bob |\n",
                            "okrs.md"))
    assert texts(doc) == [("Make onboarding painless", ["Raise activation from 30% to 45%", "Cut churn from 4% to 3%"])]
