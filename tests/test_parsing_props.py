"""Property tests: generated Markdown outlines parse to exactly what was generated;
no input makes any parser raise anything but ParseError."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from okrlint.parsing import ParseError, decode, parse
from okrlint.parsing.labels import find_period
from helpers import check_spans





# ---------------------------------------------------------------- generated outlines

_FIRST = ["Увеличить", "Снизить", "Привлечь", "Стать", "Grow", "Reduce", "Launch", "Make", "Повысить", "Сократить"]
_WORDS = [
    "рост", "клиентов", "на", "20%", "NPS", "👍🏽", "и\u0306огурт", "«умный»", "TikTok", "10 000", "до", "с",
    "конверсию", "3%", "users", "weekly", "Q3", "KR1", "Цель:", "—", "5,000", "$80k", "ROI", "2", "ёлка",
    "e\u0301", "🚀", "x/y", "a-b", "retention,", "итог.", "1.5", "за", "квартал",
]
_WORD = st.sampled_from(_WORDS) | st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Mn", "So")), min_size=1, max_size=6
)


@st.composite
def item_text(draw: st.DrawFn) -> str:
    words = [draw(st.sampled_from(_FIRST))] + draw(st.lists(_WORD, max_size=5))
    while len(words) > 1 and words[-1] in ("—", "-"):  # «… — @anna» reads as an owner tag after a dash
        words.pop()
    sep = draw(st.sampled_from([" ", " ", "\t", "  "]))
    return sep.join(words)


_OWNERS = [
    (" — @anna", "anna"),
    (" (@boris)", "boris"),
    (" @vera.k", "vera.k"),
    (" (owner: Dana Lee)", "Dana Lee"),
    (" (ответственный: Анна)", "Анна"),
]
_PERIODS = ["Q3 2026", "3 квартал 2026", "II кв. 2026", "Q1", "H1 2026", "2026 Q4", "Третий квартал"]
_BULLETS = ["- ", "* ", "+ ", "1. ", "2) ", "• "]
_KR_LABELS = ["KR1: ", "KR 2 — ", "КР: ", "КР3 ", "Key result: ", "Ключевой результат 2: "]


@dataclass
class KR:
    text: str
    owner: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Obj:
    text: str
    owner: str | None
    period: str | None
    krs: list[KR]


@st.composite
def owner_tag(draw: st.DrawFn) -> tuple[str, str | None]:
    if draw(st.booleans()):
        return "", None
    return draw(st.sampled_from(_OWNERS))


@st.composite
def outline(draw: st.DrawFn) -> tuple[str, list[Obj]]:
    nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines: list[str] = []
    expected: list[Obj] = []
    period: str | None = None

    def trailing() -> str:
        return draw(st.sampled_from(["", "", " ", "\t", "  "]))

    def blank() -> None:
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", " ", "\t"])))

    n_blocks = draw(st.integers(1, 6))
    block = 0
    while block < n_blocks or not expected:
        block += 1
        kind = draw(st.sampled_from(["period", "section", "objective", "objective", "objective"]))
        if block >= n_blocks and not expected:
            kind = "objective"
        if kind == "period":
            period = draw(st.sampled_from(_PERIODS))
            lines.append("# " + period + trailing())
            blank()
            continue
        if kind == "section":
            period = None  # a level-1 heading closes the period above
            lines.append("# OKR маркетинга" + trailing())
            lines.append("Вступление к разделу, не OKR.")
            blank()
            continue

        style = draw(st.sampled_from(["heading-label", "heading", "label", "bold", "list-label"]))
        text = draw(item_text())
        tag, owner = draw(owner_tag())
        krs: list[KR] = []
        n_krs = draw(st.integers(1 if style == "heading" else 0, 4))
        if style == "heading-label":
            label = draw(st.sampled_from(["Objective 1: ", "Цель: ", "Цель 2 — ", "O3. "]))
            lines.append(draw(st.sampled_from(["## ", "### "])) + label + text + tag + trailing())
        elif style == "heading":
            # «## Увеличить retention, Q3»: a period marker in a heading is the period of what is below it
            assume(find_period(text) is None)
            lines.append(draw(st.sampled_from(["## ", "### "])) + text + tag + trailing())
        elif style == "label":
            label = draw(st.sampled_from(["Цель: ", "Цель 1: ", "Цель №1. ", "Objective: ", "Objective 2 — ", "O1: "]))
            lines.append(label + text + tag + trailing())
        elif style == "bold":
            label = draw(st.sampled_from(["**Цель:** ", "**Objective 2:** ", "**Цель 3.** "]))
            lines.append(label + text + tag + trailing())
        else:
            lines.append("- " + draw(st.sampled_from(["Цель: ", "Objective: ", "O2: "])) + text + tag + trailing())
        expected.append(Obj(text, owner, period, krs))
        if style != "heading":
            blank()

        indent = "  " if style == "list-label" else draw(st.sampled_from(["", "", "  ", "\t"]))
        use_labels = style != "heading" and draw(st.booleans())
        for k in range(n_krs):
            kr_text = draw(item_text())
            kr_tag, kr_owner = draw(owner_tag())
            kr = KR(kr_text, kr_owner)
            if use_labels:
                lines.append(draw(st.sampled_from(_KR_LABELS)) + kr_text + kr_tag + trailing())
            else:
                bullet = draw(st.sampled_from(_BULLETS))
                if draw(st.integers(0, 4)) == 0 and not kr_tag:
                    # wrapped over two lines: the text keeps the line break and indentation
                    cont = indent + "   " + "с ростом " + draw(item_text())
                    lines.append(indent + bullet + kr_text)
                    lines.append(cont)
                    kr.text = kr_text + nl + cont
                else:
                    lines.append(indent + bullet + kr_text + kr_tag + trailing())
                if draw(st.integers(0, 3)) == 0:
                    note = "заметка " + draw(item_text())
                    lines.append(indent + "    - " + note)
                    kr.notes.append(note)
            krs.append(kr)
            if k + 1 < n_krs and draw(st.integers(0, 3)) == 0:
                lines.append("")
        blank()
    return nl.join(lines) + draw(st.sampled_from(["", nl])), expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outline())
def test_generated_outlines_parse_to_the_generated_structure(case: tuple[str, list[Obj]]) -> None:
    source, expected = case
    doc = parse(source, "okrs.md")
    check_spans(doc)
    got = [
        Obj(
            o.text,
            o.owner,
            o.period.text if o.period else None,
            [KR(k.text, k.owner, k.fields.get("notes", [])) for k in o.key_results],
        )
        for o in doc.objectives
    ]
    assert got == expected
    for obj in doc.objectives:
        if obj.period is not None:
            assert obj in obj.period.objectives


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outline(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_generated_outlines_survive_encoding(case: tuple[str, list[Obj]], encoding: str) -> None:
    source, expected = case
    doc = parse(decode(source.encode(encoding)), "okrs.md")
    check_spans(doc)
    assert [o.text for o in doc.objectives] == [o.text for o in expected]


# ---------------------------------------------------------------- robustness

_MD_PIECES = [
    "# ", "## ", "### Q3 2026", "Цель: ", "**Цель:** ", "Objective 1 — ", "O1. ", "KR1: ", "КР ", "- ", "  - ",
    "\t* ", "1. ", "| ", " | ", "|---|---|", "| Цель | КР |", "<br>", "; ", "• ", "@anna", " (@anna)",
    "(owner: A)", "(приоритетный)", "<!-- ", " -->", "okrlint: ignore[x]", "<!-- okrlint-disable a -->",
    "<!-- okrlint-enable -->", "<!-- okrlint-disable-next-line -->", "```", "---", "===", "> ", "[x] ",
    "Рост", "клиентов", "на 20%", "👍🏽", "и\u0306", " ", "\t", "\n", "\r\n", "\r", "\\", "*", "**", "_",
    "Ключевые результаты:", "Ответственный: ", "Период: ", "Q4 2026", "\ufeff", "\u2028", "\x85", "\x00",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_MD_PIECES), max_size=40))
def test_markdown_soup_never_crashes(pieces: list[str]) -> None:
    source = "".join(pieces)
    try:
        doc = parse(source, "x.md")
    except ParseError as exc:
        assert "internal parser error" not in str(exc), str(exc)
        assert "\n" not in str(exc)
    else:
        check_spans(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_markdown(source: str) -> None:
    try:
        doc = parse(source, "x.md")
    except ParseError as exc:
        assert "internal parser error" not in str(exc), str(exc)
    else:
        check_spans(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "-", "x.unknown"]))
def test_arbitrary_text_any_format(source: str, path: str | None) -> None:
    try:
        doc = parse(source, path or "<text>")
    except ParseError as exc:
        assert "internal parser error" not in str(exc), str(exc)
    else:
        check_spans(doc, strict=False)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data: bytes) -> None:
    try:
        text = decode(data)
    except ParseError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(text, str)
    for fmt in ("markdown", "yaml", "json", "csv", "tsv"):
        try:
            doc = parse(text, "x", fmt=fmt)
        except ParseError as exc:
            assert "internal parser error" not in str(exc), str(exc)
        else:
            check_spans(doc, strict=False)


def test_large_input_is_linear_enough() -> None:
    block = "## Цель: Рост клиентов\n- Увеличить конверсию с 3% до 7%\n- Снизить отток до 5% (@anna)\n\n"
    source = block * 5000  # ~0.4 MB
    doc = parse(source, "big.md")
    assert len(doc.objectives) == 5000
    assert sum(len(o.key_results) for o in doc.objectives) == 10000


PATHOLOGICAL = {
    "heading full of spaces": ("# " + " " * 20000 + "x\n- a\n", "markdown"),
    "many comment openers": ("Цель: x\n- " + "<!--" * 20000 + "\n", "markdown"),
    "many comments": ("Цель: x\n- a " + "<!-- b -->" * 2000 + " -->\n", "markdown"),
    "@ and spaces": ("Цель: x\n- a @" + " " * 20000 + "b@\n", "markdown"),
    "period prefix and spaces": ("Q3" + " " * 20000 + "x\nЦель: x\n- a\n", "markdown"),
    "bullets in a cell": ("| Цель | КР |\n|---|---|\n| A | - " + " " * 20000 + "x |\n", "markdown"),
    "long header cell": ("Цель (" + " " * 20000 + "x),KR\nA,b\n", "csv"),
    "deep nesting": ("Цель: x\n" + "".join(" " * i + "- a\n" for i in range(500)), "markdown"),
    "deep JSON": ("[" * 3000 + "]" * 3000, "json"),
    "deep YAML": ("[" * 800 + "]" * 800, "yaml"),
}


def test_pathological_lines_stay_fast() -> None:
    """Regexes must not backtrack quadratically on long runs (a 10 MB file is a supported input)."""
    import time

    for name, (source, fmt) in PATHOLOGICAL.items():
        start = time.perf_counter()
        try:
            doc = parse(source, "x", fmt=fmt)
        except ParseError as exc:
            assert "internal parser error" not in str(exc), (name, str(exc))
        else:
            check_spans(doc)
        assert time.perf_counter() - start < 5, name
