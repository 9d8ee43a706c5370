"""The per-item cost of rules and fixes, and the Russian models' footprint: work skipped must change nothing.

Each optimisation is tested twice: that it skips the work (these tests fail without it) and that what it skips
could not have changed a finding or a suggestion.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import okrlint
from okrlint import analysis, checks, fixes
from okrlint.analysis import russian
from okrlint.config import Config
from okrlint.engine import Context, example_document, get_rule, load_rules
from okrlint.grammar import gate

ROOT = Path(__file__).resolve().parents[1]


def _corpus(lang: str, limit: int = 400) -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus" / "items").glob(f"{lang}-*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(texts))[:limit]


def _context(rule_id: str, text: str, lang: str) -> Context:
    rule = get_rule(rule_id)
    assert rule is not None
    from okrlint.engine import Example

    doc, item = example_document(Example(text=text, kind="key_result", bad=False, lang=lang))
    found = analysis.analyze_text(text, lang)
    return Context(rule, Config(), doc, item, "key_result", found, {id(item): found})  # type: ignore[arg-type]


# ---------------------------------------------------------------- the lexicon matchers' prefilter

@pytest.mark.parametrize("rule_id", ["hedging", "compensation-link"])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_first_word_prefilter_never_hides_a_match(rule_id: str, lang: str) -> None:
    rule = get_rule(rule_id)
    assert rule is not None
    texts = _corpus(lang) + [e.text for e in rule.examples if e.lang == lang]
    matcher, anchors = checks._rule_matcher(rule, lang, ("main",), ())
    assert anchors is not None, "the shipped patterns all start with a plain word: the prefilter must apply"
    matched = 0
    for text in texts:
        found = analysis.analyze_text(text, lang)
        if matcher(found.doc):
            matched += 1
            assert checks._anchored(found, anchors), text
    assert matched  # the corpus and the examples do hold matches


def test_items_with_no_anchor_word_skip_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = checks._rule_matcher

    def counting(*args: Any) -> Any:
        matcher, anchors = real(*args)

        def run(doc: Any) -> Any:
            calls.append(doc.text)
            return matcher(doc)

        return run, anchors

    monkeypatch.setattr(checks, "_rule_matcher", counting)
    assert checks.phrase_matches(_context("hedging", "Cut churn from 3% to 2%", "en"), ["main"]) == []
    assert calls == []
    spans = checks.phrase_matches(_context("hedging", "Try to cut churn from 3% to 2%", "en"), ["main"])
    assert [s.text for s in spans] == ["Try to"] and calls == ["Try to cut churn from 3% to 2%"]


def test_a_pattern_that_starts_with_an_operator_turns_the_prefilter_off() -> None:
    assert checks._anchors([[{"LOWER": "по"}], [{"LOWER": "a", "OP": "?"}, {"LOWER": "b"}]]) is None
    assert checks._anchors([[{"POS": "VERB"}]]) is None
    assert checks._anchors([[{"LEMMA": {"IN": ["aim", "hope"]}}, {"LOWER": "to"}], [{"ORTH": ":"}]]) == {
        "LOWER": frozenset(), "LEMMA": frozenset({"aim", "hope"}), "ORTH": frozenset({":"})}


# ---------------------------------------------------------------- the grammar gate

GATED = [
    ("Снизить отток клиентов до 3% (сейчас X%)", "Снизить отток клиентов до 3%", "ru"),
    ("Провести 10 вебинаров для для клиентов", "Провести 10 вебинаров", "ru"),
    ("Увеличить выручку", "Увеличить выручку на 20%", "ru"),
    ("Reduce churn to 2% (currently X%)", "Cut churn to 2%", "en"),
    ("Reduce the the churn to 2%", "Cut churn to 2%", "en"),
    ("Grow revenue", "Grow revenue by 20%", "en"),
]


@pytest.mark.parametrize("text,original,lang", GATED)
def test_the_gate_in_two_parts_says_what_it_said_in_one(text: str, original: str, lang: str) -> None:
    found = analysis.analyze_text(text, lang)
    whole = gate.problems(text, original, lang, found)
    assert whole == gate.text_problems(text, original, lang) + gate.parsed_problems(found, original, lang)
    assert gate.passes(text, original, lang, found) == (whole == [])


def test_a_rewrite_the_text_checks_reject_is_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    monkeypatch.setattr(gate, "analyze_text", lambda text, lang: parsed.append(text))
    assert not gate.passes("Grow revenue", "Grow revenue by 20%", "en")  # the 20% is gone
    assert parsed == []


def test_the_gates_verdict_is_kept_with_the_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    found = analysis.analyze_text("Reduce churn to 2% (currently X%)", "en")
    found.memo.clear()
    runs: list[str] = []
    real = gate.parsed_problems
    monkeypatch.setattr(gate, "parsed_problems", lambda *a: runs.append(a[0].text) or real(*a))
    for _ in range(3):
        assert gate.passes(found.text, "Cut churn to 2%", "en", found)
    assert runs == [found.text]


# ---------------------------------------------------------------- the fix stage

def test_items_whose_findings_cannot_be_rewritten_skip_the_fix_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    planned: list[str] = []
    real = fixes._plan
    monkeypatch.setattr(fixes, "_plan", lambda item, *a: planned.append(item.text) or real(item, *a))
    report = okrlint.lint_text("## Objective: Delight our customers\n\n- Sign 10 new enterprise customers and launch "
                               "in 3 markets\n- Try to cut churn from 3% to 2%\n", filename="x.md")
    rules = {f.rule for f in report.files[0].findings if f.item.text.startswith("Sign")}
    assert rules == {"multiple-actions"} and not get_rule("multiple-actions").rewriter  # type: ignore[union-attr]
    assert planned == ["Try to cut churn from 3% to 2%"]


def test_a_russian_item_still_gets_its_numeral_repaired() -> None:
    """Numeral agreement is repaired on any Russian item with a finding, even one no rule rewrites."""
    text = "Подписать 5 договора с партнёрами и выйти на 3 новых рынка к концу квартала"
    report = okrlint.lint_text(f"# Q3 2026\n\n## Цель: Вырасти в регионах\n\n- {text}\n- Снизить отток с 5% до 3%\n",
                               filename="x.md")
    (finding,) = [f for f in report.files[0].findings if f.item.text == text]
    assert finding.rule == "multiple-actions"
    assert [s.text for s in finding.suggestions] == [text.replace("5 договора", "5 договоров")]


# ---------------------------------------------------------------- the Russian models

def test_the_tagger_and_parser_share_one_word_vocabulary_and_no_navec_word_list() -> None:
    tagger, parser = russian._models()
    assert tagger.infer.encoder.words_vocab is parser.infer.encoder.words_vocab
    assert len(tagger.infer.encoder.words_vocab) > 200_000


def test_the_models_tag_and_parse_as_natashas_own_classes() -> None:
    theirs = russian._natasha_models()  # natasha's NewsEmbedding, NewsMorphTagger, NewsSyntaxParser
    assert [type(m).__name__ for m in theirs] == ["NewsMorphTagger", "NewsSyntaxParser"]
    ours = russian._models()
    words = [text.split() for text in _corpus("ru", 60)]
    assert [[(t.pos, t.feats) for t in m.tokens] for m in ours[0].map(words)] == \
        [[(t.pos, t.feats) for t in m.tokens] for m in theirs[0].map(words)]
    assert [[(t.id, t.head_id, t.rel) for t in m.tokens] for m in ours[1].map(words)] == \
        [[(t.id, t.head_id, t.rel) for t in m.tokens] for m in theirs[1].map(words)]


def test_a_natasha_without_these_model_files_is_loaded_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    import os.path

    monkeypatch.setattr(os.path, "exists", lambda path: False)
    monkeypatch.setattr(russian, "_natasha_models", lambda: ("tagger", "parser"))
    assert russian._models.__wrapped__() == ("tagger", "parser")


def test_a_russian_lint_does_not_import_natashas_package() -> None:
    code = (
        "import sys, okrlint\n"
        "r = okrlint.lint_text('## Цель: Удивить клиентов\\n- Снизить отток с 5% до 3%\\n- Провести 10 вебинаров\\n',"
        " filename='x.md')\n"
        "assert r.files[0].findings\n"
        "print(','.join(m for m in ('natasha', 'pymorphy2', 'yargy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"a Russian run with no date imported {out}"


def test_every_rule_loads_with_the_matchers_cached() -> None:
    for rule in load_rules():
        for lang in ("ru", "en"):
            first = checks._rule_matcher(rule, lang, ("main",), ())
            assert checks._rule_matcher(rule, lang, ("main",), ()) is not None
            assert checks._rule_matcher(rule, lang, ("main",), ())[0] is first[0]


def test_an_items_tokens_and_words_are_made_once() -> None:
    found = analysis.analyze_text("Cut churn from 3% to 2%, and  ship SSO.", "en")
    assert found.tokens is found.tokens and found.content is found.content
    assert [t.text for t in found.tokens] == [t.text for t in found.doc]
    assert [t.text for t in found.content] == ["Cut", "churn", "from", "3", "to", "2", "and", "ship", "SSO"]


def test_the_dates_grammar_reads_cached_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    from okrlint.analysis import timeexpr

    text = "Запустить продукт до 15 сентября 2026 года"
    assert [t.text for t in timeexpr.find_times(text, "ru")] == ["15 сентября 2026 года"]
    parsed: list[str] = []
    real = russian.morph().parse
    monkeypatch.setattr(russian.morph(), "parse", lambda word: parsed.append(word) or real(word))
    timeexpr.find_times(text, "ru")
    assert parsed == []  # every word's parses came from the cache


# ---------------------------------------------------------------- issue 9, round 3: shared per-item work

_PROBES = ("(now 5)", " was 3", "5 → 7", "5->7", "last quarter 9", "from 3 to", "FROM X", "previous year: 4",
           "(Currently X%)", "с 5 до 7", "было девять", "в прошлом квартале 9", "Two", "ДВА раза", "a third of",
           "a quarter of the year", "one of", "twice", "удвоить", "в 3 раза", "ſix")


def _probe_texts() -> list[str]:
    texts = _corpus("ru", 300) + _corpus("en", 300)
    return texts + [f"{text} {probe}" for text in texts[::7] for probe in _PROBES] + list(_PROBES)


def test_the_baseline_test_by_alternative_agrees_with_the_whole_pattern() -> None:
    from okrlint.analysis import quantities

    texts = _probe_texts()
    assert any(quantities.has_baseline(t) for t in texts) and not all(quantities.has_baseline(t) for t in texts)
    for text in texts:
        assert quantities.has_baseline(text) == (quantities._BASELINE.search(text) is not None), text


def test_the_baseline_alternatives_are_the_whole_pattern() -> None:
    from okrlint.analysis import quantities

    assert quantities._BASELINE.pattern == "(?:" + "|".join(p for _, p in quantities._BASELINE_PARTS) + ")"
    assert [key.pattern if key else None for key, _ in quantities._BASELINE_SEARCH][:2] == [None, r"\("]


def test_number_words_are_scanned_behind_their_first_letters() -> None:
    from okrlint.analysis import quantities

    from okrlint.analysis import scan

    chars = scan.first_chars(quantities._NUMBER_WORDS.pattern)
    assert chars is not None and {"в", "д", "t", "q", "z"} <= set(chars) and "x" not in chars
    assert quantities._NUMBER_WORDS_SCAN.pattern.startswith(f"(?=[{chars}])")
    for text in _probe_texts():
        assert [m.span() for m in quantities._NUMBER_WORDS_SCAN.finditer(text)] == \
            [m.span() for m in quantities._NUMBER_WORDS.finditer(text)], text


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?:one|two)\b", "ot"), (r"(?:в\s+)?два", "вд"), (r"(?<=\ba\s)third|half", "ht"), (r"[ab]c", "ab"),
    (r"(?:x|\d)", r"\dx"), (r"[a-c-]x", r"\-a-c"), (r"\w+", None), (r"a?", None), (r"[^a]b", None), (r".x", None),
])
def test_the_first_characters_of_a_pattern(pattern: str, expected: str | None) -> None:
    import re

    from okrlint.analysis import scan

    assert scan.first_chars(pattern) == expected
    compiled = re.compile(pattern)
    if expected is None:
        assert scan.guarded(compiled) is compiled  # no guard: the pattern as it was
    else:
        for text in ("one two", "в два", "a third half", "bc ac", "x 5", "-x cx", "dx"):
            assert [m.span() for m in scan.guarded(compiled).finditer(text)] == \
                [m.span() for m in compiled.finditer(text)]


def test_time_expressions_are_scanned_behind_their_first_characters() -> None:
    from okrlint.analysis import timeexpr

    probes = ("by end of Q3", "до конца квартала", "за 6 месяцев", "в течение года", "By Q4 2026", "in 2 weeks",
              "к концу H1", "within 90 days", "через 3 года", "к Q3", "IN Q2")
    texts = _probe_texts() + [f"{text} {probe}" for text in _corpus("ru", 60) + _corpus("en", 60) for probe in probes]
    for lang, plain in (("ru", (timeexpr._RU_LONG, timeexpr._RU_BOUND)), ("en", (timeexpr._EN_LONG, timeexpr._EN_BOUND))):
        for fast, slow in zip(timeexpr._SCANS[lang], plain):
            assert fast is not slow and fast.pattern.startswith("(?=[")
            for text in texts:
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text


def test_a_docs_tokens_and_text_are_made_once_and_are_the_docs() -> None:
    from okrlint.analysis.tokens import doc_text, doc_tokens

    found = analysis.analyze_text("Снизить  отток с 5% до 3%\tк Q3", "ru")
    assert doc_tokens(found.doc) is doc_tokens(found.doc) is found.tokens
    assert [(t.i, t.text) for t in doc_tokens(found.doc)] == [(t.i, t.text) for t in found.doc]
    assert doc_text(found.doc) == found.doc.text and doc_text(found.doc) is doc_text(found.doc)


def test_english_tags_are_set_on_the_tokenizers_doc() -> None:
    from okrlint.analysis import english

    doc = analysis._blank("en").make_doc("Ship 3 features, cut churn")
    assert english.annotate([doc])[0] is doc
    assert [(t.pos_, t.lemma_) for t in doc] == [("VERB", "ship"), ("NUM", "3"), ("NOUN", "feature"), ("PUNCT", ","),
                                                 ("NOUN", "cut"), ("NOUN", "churn")]


def test_numbers_and_times_are_found_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from okrlint.analysis import quantities

    calls: list[str] = []
    real = analysis.find_quantities
    monkeypatch.setattr(analysis, "find_quantities", lambda text: calls.append(text) or real(text))
    found = analysis.analyze(["Ship 3 guides by May 2027 \x07"], ["en"])[0]
    assert calls == []
    assert found.quantities == quantities.find_quantities("Ship 3 guides by May 2027  ") and calls
    assert [t.text for t in found.times] and found.quantities is found.quantities


def test_per_text_caches_are_cleared_with_the_analyses() -> None:
    from okrlint.analysis import language

    language.detect_language("Снизить отток")
    gate.text_problems("Cut churn to 3%", "Cut churn", "en")
    assert language.detect_language.cache_info().currsize and gate._text_problems.cache_info().currsize
    analysis.clear_cache()
    assert not language.detect_language.cache_info().currsize and not gate._text_problems.cache_info().currsize


def test_the_gates_text_checks_run_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis.clear_cache()
    calls: list[str] = []
    real = gate.lost_numbers
    monkeypatch.setattr(gate, "lost_numbers", lambda *a: calls.append(a[1]) or real(*a))
    first = gate.text_problems("Cut churn to X%", "Cut churn to 3%", "en")
    first.append("changed by the caller")
    assert gate.text_problems("Cut churn to X%", "Cut churn to 3%", "en") == ["numbers of the original are gone: 3"]
    assert len(calls) == 1


def test_line_positions_are_kept_per_offset() -> None:
    from okrlint.model import LineIndex

    lines = LineIndex("ab\ncd\r\nef")
    assert lines.position(4) is lines.position(4)
    assert (lines.position(4).line, lines.position(4).column) == (2, 2)
    assert lines.position(99).offset == 9 and lines.position(-3).offset == 0


# ---------------------------------------------------------------- English participles without lemminflect's table

def test_the_written_out_participles_are_lemminflects() -> None:
    """Every participle lemminflect gives a lower-case lemma of its table that does not end in "-ed" is in the module,
    and nothing else: ``is_participle`` answers as it did with ``getInflection``."""
    from lemminflect import getInflection
    from lemminflect.core.Inflections import Inflections

    from okrlint.analysis.en_participles import PARTICIPLES

    table = Inflections()
    lemmas = {lemma for lemma in {*table._getInflDict(), *table._getOverridesDict()} if lemma == lemma.lower()}
    expected = {}
    for lemma in lemmas:
        forms = frozenset(w.lower() for w in getInflection(lemma, "VBN") if not w.lower().endswith("ed"))
        if forms:
            expected[lemma] = forms
    assert PARTICIPLES == expected


@pytest.mark.parametrize("lemma", ["zork", "blog", "copy", "tie", "free", "fix", "bake", "stop"])
def test_a_lemma_outside_lemminflects_table_has_only_ed_participles(lemma: str) -> None:
    from lemminflect.core.Inflections import Inflections

    for style in ("reg", "regd"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Inflections()._getInflStyleModel(), "getStyle", lambda *args: style)
            assert all(w.endswith("ed") for w in Inflections().getAllInflectionsOOV(lemma, "VERB")["VBN"])


def test_an_english_lint_does_not_load_lemminflects_inflection_table() -> None:
    code = ("import okrlint; from lemminflect.core.Inflections import Inflections;"
            "okrlint.lint_paths(['okrlint/examples/product-en.md']);"
            "print(hasattr(Inflections(), 'infl_dict'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split()[-1] == "False"


# ---------------------------------------------------------------- lexicon lists as one pattern

@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_lexicon_list_in_one_pattern_finds_what_each_entry_finds(lang: str) -> None:
    """``rewrite._words_pattern`` against the search per entry it replaced, on corpus texts and on every entry itself."""
    import re

    from okrlint import rewrite
    from okrlint.engine import _kit

    kit = _kit(tuple(load_rules()))
    lists = {key: tuple(kit.template("missing-baseline", key, lang) or ())
             for key in ("no_current", "launched", "switched", "new_things")}
    assert all(lists.values())
    each = {
        "word": lambda words, text: any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", text) for w in words),
        "start": lambda words, text: any(re.search(rf"(?<!\w){re.escape(w.lower())}", text) for w in words),
        "star": lambda words, text: any(re.search(r"(?<!\w)" + re.escape(w.lower().rstrip("*"))
                                                  + ("" if w.endswith("*") else r"(?!\w)"), text) for w in words),
    }
    texts = [t.lower() for t in _corpus(lang)] + [w.lower() + s for ws in lists.values() for w in ws
                                                  for s in ("", "s", " x", "-x")]
    found = 0
    for words in lists.values():
        for ends, old in each.items():
            pattern = rewrite._words_pattern(words, ends)
            for text in texts:
                assert rewrite._found(pattern, text) == old(words, text), (ends, text)
                found += old(words, text)
    assert found
    assert not rewrite._found(rewrite._words_pattern((), "word"), "anything")
