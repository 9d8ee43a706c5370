#!/usr/bin/env python3
"""Validate the okrlint corpus and print its counts (stdlib only).

Usage:  python corpus/stats.py            # validate + print tables
        python corpus/stats.py --quiet    # validate only (exit 1 on errors)

Checks: every JSONL line parses; required keys and types; rule ids valid;
kind-restricted rules respected; ids unique across all files; no rule both
expected and ignored; no exact/near duplicate texts across splits; document
sidecars are well-formed and point at existing lines.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SPLITS = ("items", "holdout", "published")
ITEM_RULES = (
    "vague-verb", "hedging", "task-key-result", "multiple-actions",
    "missing-number", "missing-baseline", "long-horizon", "kpi-wording",
    "compensation-link", "metric-in-objective",
)
SET_RULES = ("missing-deadline", "key-result-count", "objective-count")
KR_ONLY = {"task-key-result", "multiple-actions", "missing-number", "missing-baseline"}
OBJ_ONLY = {"metric-in-objective"}
KINDS = {"key_result", "objective"}
LANGS = {"ru", "en"}
DOMAINS = {"marketing", "sales", "product", "hr", "engineering", "support",
           "operations", "personal"}
REQUIRED = {"id": str, "text": str, "lang": str, "kind": str, "domain": str,
            "expect": list, "ignore": list, "source": str, "by_project": bool}
OPTIONAL = {"objective": (str, type(None)), "note": str}
DOC_EXTS = {".md", ".txt", ".yaml", ".yml", ".json", ".csv", ".tsv"}


def load(errors: list[str]) -> dict[str, list[dict]]:
    data: dict[str, list[dict]] = {}
    seen_ids: dict[str, str] = {}
    for split in SPLITS:
        recs = []
        for path in sorted((ROOT / split).glob("*.jsonl")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                where = f"{split}/{path.name}:{n}"
                if not line.strip():
                    errors.append(f"{where}: blank line")
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: invalid JSON ({e})")
                    continue
                for k, t in REQUIRED.items():
                    if k not in r:
                        errors.append(f"{where}: missing key {k!r}")
                    elif not isinstance(r[k], t):
                        errors.append(f"{where}: {k!r} must be {t.__name__}")
                if "objective" not in r:
                    errors.append(f"{where}: missing key 'objective' (use null)")
                for k, t in OPTIONAL.items():
                    if k in r and not isinstance(r[k], t):
                        errors.append(f"{where}: bad type for {k!r}")
                extra = set(r) - set(REQUIRED) - set(OPTIONAL)
                if extra:
                    errors.append(f"{where}: unknown keys {sorted(extra)}")
                if any(k not in r for k in REQUIRED):
                    continue
                if r["id"] in seen_ids:
                    errors.append(f"{where}: duplicate id {r['id']} (also {seen_ids[r['id']]})")
                seen_ids[r["id"]] = where
                if r["lang"] not in LANGS:
                    errors.append(f"{where}: bad lang {r['lang']!r}")
                if r["kind"] not in KINDS:
                    errors.append(f"{where}: bad kind {r['kind']!r}")
                if r["domain"] not in DOMAINS:
                    errors.append(f"{where}: bad domain {r['domain']!r}")
                if not r["text"].strip():
                    errors.append(f"{where}: empty text")
                for field in ("expect", "ignore"):
                    lst = r[field]
                    if len(set(lst)) != len(lst):
                        errors.append(f"{where}: duplicate rule in {field}")
                    for rule in lst:
                        if rule not in ITEM_RULES:
                            errors.append(f"{where}: unknown rule {rule!r} in {field}")
                        if rule in KR_ONLY and r["kind"] != "key_result":
                            errors.append(f"{where}: {rule} applies to key results only")
                        if rule in OBJ_ONLY and r["kind"] != "objective":
                            errors.append(f"{where}: {rule} applies to objectives only")
                both = set(r["expect"]) & set(r["ignore"])
                if both:
                    errors.append(f"{where}: rule both expected and ignored: {sorted(both)}")
                if r["ignore"] and not r.get("note"):
                    errors.append(f"{where}: 'ignore' needs a 'note'")
                if r["kind"] == "objective" and r.get("objective") is not None:
                    errors.append(f"{where}: an objective has objective=null")
                r["_where"] = where
                recs.append(r)
        data[split] = recs
    return data


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def check_duplicates(data, errors, warnings):
    first: dict[str, str] = {}
    for split, recs in data.items():
        for r in recs:
            key = norm(r["text"])
            if key in first:
                errors.append(f"{r['_where']}: same text as {first[key]}")
            first.setdefault(key, r["_where"])
    # near-duplicates between the splits (token Jaccard)
    tune = [(set(norm(r["text"]).split()), r) for r in data.get("items", [])]
    for r in data.get("holdout", []):
        a = set(norm(r["text"]).split())
        for b, t in tune:
            if a and b and len(a & b) / len(a | b) >= 0.8:
                warnings.append(f"near-duplicate across splits: {r['_where']} ~ {t['_where']}")


def check_documents(errors) -> list[tuple[str, int, int]]:
    docs_dir = ROOT / "documents"
    rows = []
    if not docs_dir.is_dir():
        errors.append("documents/: missing")
        return rows
    for doc in sorted(docs_dir.iterdir()):
        if doc.suffix not in DOC_EXTS or doc.name.endswith(".expect.json"):
            continue
        side = doc.with_name(doc.stem + ".expect.json")
        if not side.exists():
            errors.append(f"documents/{doc.name}: no sidecar {side.name}")
            continue
        try:
            exp = json.loads(side.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            errors.append(f"documents/{side.name}: invalid JSON ({e})")
            continue
        nlines = len(doc.read_text(encoding="utf-8").splitlines())
        rules = exp.get("rules", [])
        if not rules or any(r not in SET_RULES for r in rules):
            errors.append(f"documents/{side.name}: 'rules' must list set-level rules")
        for f in exp.get("findings", []):
            if f.get("rule") not in rules:
                errors.append(f"documents/{side.name}: finding rule {f.get('rule')!r} not in 'rules'")
            line = f.get("line")
            if not isinstance(line, int) or not 1 <= line <= nlines:
                errors.append(f"documents/{side.name}: bad line {line!r}")
        rows.append((doc.name, nlines, len(exp.get("findings", []))))
    return rows


def table(title, header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = "| " + " | ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths)) + " |"
    out = [f"### {title}", "", fmt.format(*header),
           "|" + "|".join(("-" * (w + 1) + ":" if i else ":" + "-" * (w + 1)) for i, w in enumerate(widths)) + "|"]
    out += [fmt.format(*r) for r in rows]
    return "\n".join(out) + "\n"


def report(data, docs):
    allrecs = [r for recs in data.values() for r in recs]
    cols = [(s, l) for s in SPLITS for l in ("ru", "en")]
    head = ["", *[f"{s} {l}" for s, l in cols], "total"]

    def cnt(pred):
        row = [sum(1 for r in data[s] if r["lang"] == l and pred(r)) for s, l in cols]
        return row + [sum(row)]

    out = []
    rows = [["items", *cnt(lambda r: True)],
            ["objectives", *cnt(lambda r: r["kind"] == "objective")],
            ["key results", *cnt(lambda r: r["kind"] == "key_result")],
            ["clean (expect = [])", *cnt(lambda r: not r["expect"])],
            ["with ignore", *cnt(lambda r: bool(r["ignore"]))],
            ["published sources", *cnt(lambda r: not r["by_project"])],
            ["  of which seed", *cnt(lambda r: r["source"] == "seed")],
            ["written by project", *cnt(lambda r: r["by_project"])]]
    out.append(table("Items per split and language", head, rows))
    out.append(table("Domains", head, [[d, *cnt(lambda r, d=d: r["domain"] == d)]
                                        for d in sorted(DOMAINS)]))
    out.append(table("Positives per rule (expect)", head,
                     [[rule, *cnt(lambda r, rule=rule: rule in r["expect"])] for rule in ITEM_RULES]))
    out.append(table("Ignored per rule (judgement calls)", head,
                     [[rule, *cnt(lambda r, rule=rule: rule in r["ignore"])] for rule in ITEM_RULES]))
    n = len(allrecs)
    clean = sum(1 for r in allrecs if not r["expect"])
    out.append(f"Total: {n} items, {clean} clean ({100 * clean / n:.0f}%), "
               f"{sum(1 for r in allrecs if not r['by_project'])} from published sources.\n")
    if docs:
        out.append(table("Documents (set-level rules)", ["file", "lines", "findings"],
                         [list(d) for d in docs]))
    return "\n".join(out)


def main(argv):
    errors: list[str] = []
    warnings: list[str] = []
    data = load(errors)
    check_duplicates(data, errors, warnings)
    docs = check_documents(errors)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for e in errors:
        print("error:", e, file=sys.stderr)
    if "--quiet" not in argv:
        print(report(data, docs))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
