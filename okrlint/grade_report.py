"""Rendering quarter-end grades (``okrlint grade``): text, JSON, Markdown and one self-contained HTML page.

Pure functions, report in and string out.  Labels speak the file's language
(or ``locale``); the HTML page has inline CSS and SVG bars only — no
scripts, no fonts or images from the network — and prints on A4.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Iterable

from .grade import FileGrade, GradeReport, KrGrade, ObjectiveGrade

FORMATS = ("text", "json", "markdown", "html")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Quarter-end grades",
        "set": "set grade",
        "objective": "Objective",
        "key_result": "Key result",
        "grade": "Grade",
        "band": "Band",
        "source": "Source",
        "not_graded": "not graded",
        "red": "red",
        "amber": "amber",
        "green": "green",
        "committed": "committed",
        "aspirational": "aspirational",
        "sandbagging": "too safe (sandbagging): 100% means the target was too easy",
        "missed-commitment": "committed OKR below 100%",
        "sandbagging_short": "too safe",
        "missed-commitment_short": "committed, below 100%",
        "grade_src": "grade",
        "progress_src": "progress",
        "computed_src": "baseline → target",
        "now": "now",
        "key_results_src": "mean of key results",
        "retro": "Retrospective",
        "q_worked": "What worked?",
        "q_failed": "What did not work?",
        "q_why": "Why?",
        "q_worked_hint": "Key results at 70% or more (committed ones at 100%) — «70% is success»:",
        "q_failed_hint": "Red key results (below 30%) and committed OKRs that missed 100%:",
        "q_why_hint": "At 100% — was the target set too safe? And why did the red ones stall?",
        "none": "none",
        "notes": "Write the conclusions down: they are your gold for the next quarter.",
        "legend": "Bands: below 30% red, 30–70% amber, 70% and more green. «70% is success; 100% means you played it too safe.»",
        "default_type": "OKRs without a type are read as {type}.",
        "problems": "Data problems",
        "no_objectives": "no objectives",
    },
    "ru": {
        "title": "Итоги квартала",
        "set": "оценка набора",
        "objective": "Цель",
        "key_result": "Ключевой результат",
        "grade": "Оценка",
        "band": "Зона",
        "source": "Источник",
        "not_graded": "не оценён",
        "red": "красная",
        "amber": "жёлтая",
        "green": "зелёная",
        "committed": "приоритетный",
        "aspirational": "амбициозный",
        "sandbagging": "слишком безопасно: 100% — признак, что цель была слишком лёгкой",
        "missed-commitment": "приоритетный OKR выполнен меньше чем на 100%",
        "sandbagging_short": "слишком безопасно",
        "missed-commitment_short": "приоритетный, меньше 100%",
        "grade_src": "оценка",
        "progress_src": "прогресс",
        "computed_src": "было → цель",
        "now": "сейчас",
        "key_results_src": "среднее по КР",
        "retro": "Ретроспектива",
        "q_worked": "Что сработало?",
        "q_failed": "Что не сработало?",
        "q_why": "Почему?",
        "q_worked_hint": "Ключевые результаты на 70% и выше (приоритетные — на 100%) — «70% выполнения — это успех»:",
        "q_failed_hint": "Красные ключевые результаты (меньше 30%) и приоритетные OKR, не выполненные на 100%:",
        "q_why_hint": "На 100% — не была ли цель слишком безопасной? И почему застряли красные?",
        "none": "нет",
        "notes": "Запишите выводы. Они — ваше золото для следующего квартала.",
        "legend": "Зоны: меньше 30% — красная, 30–70% — жёлтая, от 70% — зелёная. «70% выполнения — это успех. 100% — признак, что вы играли слишком безопасно».",
        "default_type": "OKR без типа считаются: {type}.",
        "problems": "Ошибки в данных",
        "no_objectives": "нет целей",
    },
}

_ANSI = {"red": "\x1b[31m", "amber": "\x1b[33m", "green": "\x1b[32m", "dim": "\x1b[2m", "bold": "\x1b[1m"}
_RESET = "\x1b[0m"
_HEX = {"red": "#d64545", "amber": "#e0a100", "green": "#2f9e44", None: "#adb5bd"}
_EMOJI = {"red": "🔴", "amber": "🟡", "green": "🟢", None: "⚪"}


def render_grades(report: GradeReport, fmt: str, *, locale: str | None = None, color: bool = False) -> str:
    """``report`` in one of :data:`FORMATS`; text ends with a newline."""
    if fmt == "text":
        return render_text(report, locale=locale, color=color)
    if fmt == "json":
        return json.dumps(report.to_dict(locale), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(report, locale=locale)
    if fmt == "html":
        return render_html(report, locale=locale)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _lang(file: FileGrade | None, locale: str | None) -> str:
    if locale in WORDS:
        return str(locale)
    return file.language if file is not None and file.language in WORDS else "en"


def pct(value: float | None) -> str:
    """``70%``, rounded down so a shown percentage never crosses a band edge (69.6% is amber: ``69%``)."""
    return "—" if value is None else f"{math.floor(value * 100 + 1e-9):.0f}%"


def _type_word(words: dict[str, str], item: ObjectiveGrade) -> str:
    return words.get(item.type, item.type)


def _num(value: float) -> str:
    return f"{value:,.10g}".replace(",", "\u202f")


def _source(words: dict[str, str], source: str | None, kr: KrGrade | None = None) -> str:
    """What the grade came from; a computed one shows its numbers: ``3 → 7, now 3.5``."""
    text = words.get(f"{source}_src", source or "")
    if kr is not None and source == "computed" and kr.inputs:
        i = kr.inputs
        text += f": {_num(i['baseline'])} → {_num(i['target'])}, {words['now']} {_num(i['current'])}"
    return text


# ---------------------------------------------------------------- text

BAR_CELLS = 20


def bar(value: float | None, cells: int = BAR_CELLS) -> str:
    """``██████░░░░`` — filled in proportion; empty dots when not graded."""
    if value is None:
        return "·" * cells
    filled = math.floor(value * cells + 1e-9)
    return "█" * filled + "░" * (cells - filled)


def render_text(report: GradeReport, *, locale: str | None = None, color: bool = False) -> str:
    paint: Callable[[str | None, str], str] = (
        (lambda style, text: f"{_ANSI[style]}{text}{_RESET}" if style in _ANSI else text) if color
        else (lambda _style, text: text)
    )
    lines: list[str] = []
    for file in report.files:
        words = WORDS[_lang(file, locale)]
        head = f"{file.path}: {words['set']} {pct(file.value)}"
        if file.band:
            head += f" ({words[file.band]})"
        lines.append(paint("bold", head))
        for objective in file.objectives:
            flag = f"  ⚑ {words[objective.flag]}" if objective.flag else ""
            tag = f" [{_type_word(words, objective)}]" if objective.marked else ""
            if objective.value is None:
                reason = objective.reason.text(_lang(file, locale)) if objective.reason else ""
                result = paint("dim", f"{words['not_graded']}: {reason}")
            else:
                result = paint(objective.band, f"{pct(objective.value)} {words[objective.band or 'red']}")
            lines.append(
                f"{file.path}:{objective.line}:{objective.column}: {paint('bold', objective.text or '—')}{tag} — "
                f"{result}{flag}"
            )
            for kr in objective.key_results:
                lines.append("  " + _kr_line(kr, words, _lang(file, locale), paint))
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def _kr_line(kr: KrGrade, words: dict[str, str], lang: str, paint: Callable[[str | None, str], str]) -> str:
    if kr.value is None:
        reason = kr.reason.text(lang) if kr.reason else ""
        return f"{paint('dim', bar(None))}   —  {kr.text}  ({words['not_graded']}: {reason})"
    flag = f"  ⚑ {words[kr.flag + '_short']}" if kr.flag else ""
    return (f"{paint(kr.band, bar(kr.value))} {pct(kr.value):>4}  {kr.text}  "
            f"{paint('dim', '(' + _source(words, kr.source, kr) + ')')}{flag}")


# ---------------------------------------------------------------- markdown


def _md(text: str) -> str:
    """A table cell: pipes escaped, line breaks folded."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _retro_items(report: GradeReport) -> tuple[list[tuple[FileGrade, ObjectiveGrade, KrGrade | None]], ...]:
    """(worked, failed, too safe): green key results, red ones and missed commitments, sandbagged ones."""
    worked: list[tuple[FileGrade, ObjectiveGrade, KrGrade | None]] = []
    failed: list[tuple[FileGrade, ObjectiveGrade, KrGrade | None]] = []
    safe: list[tuple[FileGrade, ObjectiveGrade, KrGrade | None]] = []
    for file in report.files:
        for objective in file.objectives:
            items: Iterable[KrGrade] = objective.key_results
            for kr in items:
                if kr.value is None:
                    continue
                if kr.flag == "sandbagging":
                    safe.append((file, objective, kr))
                elif kr.band == "green" and kr.flag is None:
                    worked.append((file, objective, kr))
                if kr.band == "red" or kr.flag == "missed-commitment":
                    failed.append((file, objective, kr))
            if not objective.key_results and objective.value is not None:
                if objective.flag == "sandbagging":
                    safe.append((file, objective, None))
                elif objective.band == "green" and objective.flag is None:
                    worked.append((file, objective, None))
                if objective.band == "red" or objective.flag == "missed-commitment":
                    failed.append((file, objective, None))
    return worked, failed, safe


def render_markdown(report: GradeReport, *, locale: str | None = None) -> str:
    """A table per file to paste into a wiki or a PR, then the retrospective with the article's three questions."""
    first = report.files[0] if report.files else None
    words = WORDS[_lang(first, locale)]
    lang = _lang(first, locale)
    out = [f"# {words['title']}", ""]
    for file in report.files:
        out.append(f"## {_md(file.path)} — {words['set']}: **{pct(file.value)}**"
                   + (f" {_EMOJI[file.band]} {words[file.band]}" if file.band else ""))
        out.append("")
        out.append(f"| {words['objective']} | {words['key_result']} | {words['grade']} | {words['band']} | {words['source']} |")
        out.append("|---|---|---:|---|---|")
        for objective in file.objectives:
            flag = f" ⚑ {words[objective.flag + '_short']}" if objective.flag else ""
            reason = f"{words['not_graded']}: {objective.reason.text(lang)}" if objective.reason else ""
            out.append(
                f"| **{_md(objective.text or '—')}**{f' ({_type_word(words, objective)})' if objective.marked else ''} | | **{pct(objective.value)}** | "
                f"{_EMOJI[objective.band]} {words[objective.band] if objective.band else ''}{flag} | "
                f"{_md(reason or _source(words, objective.source))} |"
            )
            for kr in objective.key_results:
                flag = f" ⚑ {words[kr.flag + '_short']}" if kr.flag else ""
                detail = (f"{words['not_graded']}: {kr.reason.text(lang)}" if kr.value is None and kr.reason
                          else _source(words, kr.source, kr))
                out.append(
                    f"| | {_md(kr.text)} | {pct(kr.value)} | {_EMOJI[kr.band]} "
                    f"{words[kr.band] if kr.band else words['not_graded']}{flag} | {_md(detail)} |"
                )
        out.append("")
        if file.problems:
            out.append(f"**{words['problems']}:**")
            out += [f"- {_md(file.path)}:{p.line}: `{p.reason.field}` — {p.reason.text(lang)}" for p in file.problems]
            out.append("")
    out.append(f"_{words['legend']}_ {words['default_type'].format(type=words[report.default_type])}")
    out.append("")
    worked, failed, safe = _retro_items(report)
    many = len(report.files) > 1

    def bullet(entry: tuple[FileGrade, ObjectiveGrade, KrGrade | None], note: str = "") -> str:
        file, objective, kr = entry
        text = kr.text if kr is not None else objective.text
        value = kr.value if kr is not None else objective.value
        where = f" ({_md(file.path)})" if many else ""
        return f"- {_md(text)} — {pct(value)}{note}{where}"

    out += [f"## {words['retro']}", "", f"### {words['q_worked']}", "", words["q_worked_hint"], ""]
    out += [bullet(e) for e in worked] or [f"- _{words['none']}_"]
    out += ["", f"### {words['q_failed']}", "", words["q_failed_hint"], ""]
    out += [bullet(e, f" ⚑ {words['missed-commitment_short']}" if (e[2] or e[1]).flag == "missed-commitment" else "")
            for e in failed] or [f"- _{words['none']}_"]
    out += ["", f"### {words['q_why']}", "", words["q_why_hint"], ""]
    out += [bullet(e, f" ⚑ {words['sandbagging_short']}") for e in safe] or [f"- _{words['none']}_"]
    out += ["", f"_{words['notes']}_", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- html

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#212529;
margin:0;padding:24px 32px;background:#fff;line-height:1.4}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#6c757d;font-size:13px;margin:0 0 16px}
.set{display:flex;align-items:center;gap:16px;margin:8px 0 12px}
.big{font-size:34px;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:14px;table-layout:fixed}
th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6c757d;
border-bottom:2px solid #dee2e6;padding:6px 8px}
td{padding:6px 8px;border-bottom:1px solid #e9ecef;vertical-align:middle}
tr.obj td{background:#f8f9fa;font-weight:600;border-top:1px solid #dee2e6}
td.kr{padding-left:24px}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;width:56px}
td.barcell{width:170px}
.muted{color:#868e96;font-weight:400;font-size:12px}
.tag{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11px;font-weight:600;
background:#e9ecef;color:#495057;margin-left:6px}
.flag{display:inline-block;border-radius:4px;padding:1px 6px;font-size:11px;font-weight:600;margin-left:6px;
background:#fff3bf;color:#7c5700;border:1px solid #ffe066}
.red{color:#c92a2a}.amber{color:#9c6f00}.green{color:#2b8a3e}
.problems{background:#fff5f5;border:1px solid #ffc9c9;border-radius:6px;padding:8px 12px;font-size:13px}
.legend{color:#6c757d;font-size:12px;margin-top:8px}
.retro{display:grid;grid-template-columns:repeat(3,1fr);gap:16px}
.retro section{border:1px solid #dee2e6;border-radius:8px;padding:8px 12px}
.retro ul{padding-left:18px;margin:6px 0}.retro li{font-size:13px;margin:2px 0}
.lines{border-bottom:1px dashed #ced4da;height:22px}
@media print{body{padding:0}@page{size:A4;margin:14mm}tr,section{break-inside:avoid}
.retro{grid-template-columns:1fr 1fr 1fr}}
"""


def svg_bar(value: float | None, width: int = 160, height: int = 12) -> str:
    """An inline SVG bar: the track, the filled part in the band's colour and a tick at 70% (success)."""
    label = pct(value)
    fill = 0 if value is None else round(value * width, 1)
    colour = _HEX[None] if value is None else _HEX[_band_of(value)]
    tick = round(0.7 * width, 1)
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{label}">'
        f'<rect width="{width}" height="{height}" rx="3" fill="#e9ecef"/>'
        f'<rect width="{fill}" height="{height}" rx="3" fill="{colour}"/>'
        f'<line x1="{tick}" x2="{tick}" y1="0" y2="{height}" stroke="#495057" stroke-width="1" stroke-dasharray="2,2"/>'
        "</svg>"
    )


def _band_of(value: float) -> str:
    from .grade import band

    return band(value) or "red"


def render_html(report: GradeReport, *, locale: str | None = None) -> str:
    """One self-contained printable page: inline CSS, SVG bars, no scripts, in the file's language."""
    first = report.files[0] if report.files else None
    lang = _lang(first, locale)
    words = WORDS[lang]
    esc = html.escape
    title = words["title"] + (f" — {first.path}" if first is not None and len(report.files) == 1 else "")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(words['title'])}</h1>",
        f'<p class="meta">{esc(words["legend"])} {esc(words["default_type"].format(type=words[report.default_type]))}</p>',
    ]
    for file in report.files:
        band_class = file.band or ""
        out += [
            f"<h2>{esc(file.path)}</h2>",
            '<div class="set">',
            f'<span class="big {band_class}">{pct(file.value)}</span>',
            svg_bar(file.value, 320, 18),
            f'<span class="muted">{esc(words["set"])}{" · " + esc(words[file.band]) if file.band else ""}</span>',
            "</div>",
            "<table>",
            '<colgroup><col><col style="width:176px"><col style="width:84px"><col style="width:28%"></colgroup>',
            f"<thead><tr><th>{esc(words['objective'])} / {esc(words['key_result'])}</th><th></th>"
            f'<th style="text-align:right">{esc(words["grade"])}</th><th>{esc(words["source"])}</th></tr></thead>',
            "<tbody>",
        ]
        for objective in file.objectives:
            flag = f'<span class="flag">⚑ {esc(words[objective.flag + "_short"])}</span>' if objective.flag else ""
            tag = f'<span class="tag">{esc(_type_word(words, objective))}</span>' if objective.marked else ""
            detail = (f"{words['not_graded']}: {objective.reason.text(lang)}" if objective.reason
                      else _source(words, objective.source))
            out.append(
                f'<tr class="obj"><td>{esc(objective.text or "—")}{tag}'
                f'{flag}</td><td class="barcell">{svg_bar(objective.value)}</td>'
                f'<td class="num {objective.band or ""}">{pct(objective.value)}</td>'
                f'<td class="muted">{esc(detail)}</td></tr>'
            )
            for kr in objective.key_results:
                flag = f'<span class="flag">⚑ {esc(words[kr.flag + "_short"])}</span>' if kr.flag else ""
                detail = (f"{words['not_graded']}: {kr.reason.text(lang)}" if kr.value is None and kr.reason
                          else _source(words, kr.source, kr))
                out.append(
                    f'<tr><td class="kr">{esc(kr.text)}{flag}</td><td class="barcell">{svg_bar(kr.value)}</td>'
                    f'<td class="num {kr.band or ""}">{pct(kr.value)}</td><td class="muted">{esc(detail)}</td></tr>'
                )
        out += ["</tbody>", "</table>"]
        if file.problems:
            out.append(f'<div class="problems"><strong>{esc(words["problems"])}</strong><ul>')
            out += [f"<li>{esc(file.path)}:{p.line}: <code>{esc(p.reason.field)}</code> — {esc(p.reason.text(lang))}</li>"
                    for p in file.problems]
            out.append("</ul></div>")
    worked, failed, safe = _retro_items(report)

    def items(entries: list[tuple[FileGrade, ObjectiveGrade, KrGrade | None]]) -> str:
        if not entries:
            return f'<li class="muted">{esc(words["none"])}</li>'
        rows = []
        for file, objective, kr in entries:
            text = kr.text if kr is not None else objective.text
            value = kr.value if kr is not None else objective.value
            rows.append(f"<li>{esc(text)} — <strong>{pct(value)}</strong></li>")
        return "".join(rows)

    out += [
        f"<h2>{esc(words['retro'])}</h2>",
        '<div class="retro">',
        f'<section><h3>{esc(words["q_worked"])}</h3><p class="muted">{esc(words["q_worked_hint"])}</p>'
        f"<ul>{items(worked)}</ul>" + '<div class="lines"></div>' * 3 + "</section>",
        f'<section><h3>{esc(words["q_failed"])}</h3><p class="muted">{esc(words["q_failed_hint"])}</p>'
        f"<ul>{items(failed)}</ul>" + '<div class="lines"></div>' * 3 + "</section>",
        f'<section><h3>{esc(words["q_why"])}</h3><p class="muted">{esc(words["q_why_hint"])}</p>'
        f"<ul>{items(safe)}</ul>" + '<div class="lines"></div>' * 3 + "</section>",
        "</div>",
        f'<p class="legend">{esc(words["notes"])}</p>',
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
