"""okrlint's speed next to the floor it sits on, measured in the same run (``make bench``); numbers, never thresholds.

Every figure is printed with a floor — what the libraries okrlint builds on cost for the same
work — and the ratio, so a number can be read on any machine:

- cold start: the CLI as a fresh process on an English and a Russian file (cache miss) against
  importing and loading what it must (spaCy + lemminflect; + natasha and pymorphy3), and on a folder
  of 20 files that all hit the result cache against a bare Python start;
- warm throughput per language on distinct corpus items against spaCy's tokenizer + lemminflect
  (English) and natasha's tagger + parser, batched (Russian);
- a 10,000-distinct-item scale point (is the cost linear?);
- the language server over a real JSON-RPC pipe: open → first diagnostics, and change → diagnostics
  for one changed key result in a 50-key-result Russian document (p50/p95, server side and end to end);
- peak resident memory of a process that lints the bundled examples.

In-process figures are CPU seconds of the best of several runs, each figure taking turns with its floor;
cold starts and the language server are wall-clock medians.

Options: ``--runs N`` (cold-start repetitions, default 5), ``--skip-scale``.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "okrlint" / "examples"
PY = sys.executable
ROWS: list[tuple[str, str, str, str]] = []
# In-process figures (warm throughput, batch sizes, scale) count this process's CPU seconds: on a shared machine
# wall time adds however long other jobs held the cores, which moved a ratio by ±0.4 between runs.  The models
# run with one BLAS thread, so on an idle machine the two clocks agree.  Cold starts and the language server
# are timed by the wall clock, as a user waits for them.
cpu = time.process_time


def row(name: str, value: float, floor: float | None, unit: str, floor_name: str = "") -> None:
    """One figure; the ratio is value/floor for times, floor/value for rates (so >1 always means slower)."""
    ratio = ""
    if floor:
        ratio = f"{(floor / value if unit.endswith('/s') else value / floor):.2f}×"
    shown = f"{value:,.0f} {unit}" if value >= 100 else f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"
    floor_text = "" if floor is None else (f"{floor:,.0f} {unit}" if floor >= 100 else f"{floor:.2f} {unit}")
    ROWS.append((name, shown, f"{floor_text} {floor_name}".strip(), ratio))
    print(f"  {name}: {shown}  (floor {floor_text} {floor_name}) {ratio}", file=sys.stderr, flush=True)


def corpus(lang: str) -> list[str]:
    from okrlint.analysis.language import detect_language

    texts = []
    for path in sorted(p for split in ("items", "holdout") for p in (ROOT / "corpus" / split).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                if detect_language(text) == lang:
                    texts.append(text)
    return list(dict.fromkeys(texts))


# --------------------------------------------------------------------------- cold start

def walls(commands: list[list[str]], runs: int, env: dict[str, str] | None = None) -> list[float]:
    """Median wall time of each command; the commands take turns, so a figure and its floor see the same load."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for argv, out in zip(commands, times):
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=True, env=env)
            out.append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


EN_FLOOR = "import spacy, lemminflect; spacy.blank('en')"
RU_FLOOR = ("import warnings; warnings.simplefilter('ignore'); import spacy, pymorphy3; spacy.blank('ru');"
            "from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser;"
            "e = NewsEmbedding(); NewsMorphTagger(e); NewsSyntaxParser(e); pymorphy3.MorphAnalyzer()")


def cold_starts(runs: int) -> None:
    # okrlint's bytecode, as ``pip install`` writes it for okrlint and for every library of the floors: a checkout
    # run with PYTHONDONTWRITEBYTECODE would otherwise compile okrlint's sources on every start, and the floors not.
    import compileall

    compileall.compile_dir(str(ROOT / "okrlint"), quiet=1)
    cli = [PY, "-m", "okrlint.cli", "--no-cache", "--fail-on", "never"]
    english, floor, lookup = walls([[*cli, str(EXAMPLES / "product-en.md")], [PY, "-c", EN_FLOOR],
                                    [PY, "-c", EN_FLOOR + "; lemminflect.getLemma('grows', upos='VERB')"]], runs)
    row("cold start, English file, cache miss", english, floor, "s", "(import spaCy + lemminflect, blank en)")
    row("cold start, English file, cache miss", english, lookup, "s",
        "(the same + lemminflect's first lookup, which loads its table)")
    russian, floor = walls([[*cli, str(EXAMPLES / "marketing-ru.md")], [PY, "-c", RU_FLOOR]], runs)
    row("cold start, Russian file, cache miss", russian, floor, "s", "(+ natasha models, pymorphy3)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "okrs"
        folder.mkdir()
        for n in range(10):
            for name in ("marketing-ru.md", "product-en.md"):
                text = (EXAMPLES / name).read_text(encoding="utf-8")
                (folder / f"{n}-{name}").write_text(text + f"\n<!-- team {n} -->\n", encoding="utf-8")
        env = {**os.environ, "OKRLINT_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("OKRLINT_NO_CACHE", None)
        hit = [PY, "-m", "okrlint.cli", "--fail-on", "never", str(folder)]
        subprocess.run(hit, capture_output=True, check=True, env=env)  # fill the cache
        code = "import sys; from okrlint.cli import main; main(sys.argv[1:]);" \
               "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'natasha', 'pymorphy3'}))"
        loaded = subprocess.run([PY, "-c", code, "--fail-on", "never", str(folder)], capture_output=True,
                                text=True, check=True, env=env).stdout.strip().splitlines()[-1]
        cached, bare = walls([hit, [PY, "-c", "pass"]], runs, env=env)
        row(f"cold start, 20 files (ru+en) all cached; NLP imported: {loaded}", cached, bare, "s", "(bare python)")


# --------------------------------------------------------------------------- warm throughput

def lint_items(texts: list[str], lang: str) -> float:
    """Seconds to lint ``texts`` as key results (one objective per 5), with a cold analysis cache."""
    import okrlint
    from okrlint.analysis import clear_cache

    objective = "Стать любимым выбором клиентов" if lang == "ru" else "Become our customers' favourite choice"
    data = [{"objective": objective, "key_results": texts[i:i + 5]} for i in range(0, len(texts), 5)]
    clear_cache()
    start = cpu()
    okrlint.lint_objectives(data)
    return cpu() - start


def analyze_items(texts: list[str], lang: str) -> float:
    from okrlint.analysis import analyze, clear_cache

    clear_cache()
    start = cpu()
    for analysis in analyze(texts, [lang] * len(texts)):
        analysis.quantities, analysis.times  # found on first use; every item's rules ask for them
    return cpu() - start


@lru_cache(maxsize=None)
def _tokenizer(lang: str) -> Any:
    """One blank pipeline per language for every floor run: its vocabulary warms up as okrlint's does (a fresh
    one would make every floor run pay for creating each word's lexeme, which okrlint's warm runs do not)."""
    import spacy

    return spacy.blank(lang)


def floor_en(texts: list[str]) -> float:
    from lemminflect import getLemma

    nlp = _tokenizer("en")
    start = cpu()
    for text in texts:
        for token in nlp(text):
            if token.is_alpha:  # one lemma lookup per word, as a tokenizer + lemmatizer pipeline does
                getLemma(token.lower_, upos="NOUN")
    return cpu() - start


@lru_cache(maxsize=None)
def _natasha() -> tuple[Any, Any]:
    """natasha's own tagger and parser (``NewsEmbedding``, ``NewsMorphTagger``, ``NewsSyntaxParser``), batched as
    okrlint batches; okrlint itself loads the same model files leaner (see ``russian._models``)."""
    from okrlint.analysis import russian

    return russian._natasha_models()


def floor_ru(texts: list[str]) -> float:
    from okrlint.analysis import russian

    nlp = _tokenizer("ru")
    tagger, parser = _natasha()
    start = cpu()
    words = sorted(([t.text for t in nlp(text) if not t.is_space] for text in texts), key=len)
    with russian._one_blas_thread():
        list(tagger.map(words))
        list(parser.map(words))
    return cpu() - start


def best(function: Callable[[], float], repeat: int = 3) -> float:
    return min(function() for _ in range(repeat))


def turns(functions: list[Callable[[], float]], repeat: int = 5) -> list[float]:
    """The best of ``repeat`` runs of each function, the functions taking turns: a figure and its floor see the
    same load on a shared machine (one after the other, a change of load moved the ratio by up to ±0.4)."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for function, out in zip(functions, times):
            out.append(function())
    return [min(t) for t in times]


def throughput() -> None:
    for lang, floor, floor_name in (("en", floor_en, "(spaCy tokenizer + lemminflect)"),
                                    ("ru", floor_ru, "(natasha tagger + parser, batched)")):
        texts = corpus(lang)
        warm, measured = texts[: len(texts) // 4], texts[len(texts) // 4:]
        lint_items(warm, lang)  # load models and compile patterns on other items
        floor(warm)
        ours, analysis_only, base = turns([lambda: lint_items(measured, lang), lambda: analyze_items(measured, lang),
                                           lambda: floor(measured)])
        row(f"warm {lang} items/s ({len(measured)} distinct corpus items)", len(measured) / ours,
            len(measured) / base, "items/s", floor_name)
        row(f"  of which analysis alone ({lang}: tokens, tags, lemmas, numbers, dates)", len(measured) / analysis_only,
            len(measured) / base, "items/s", floor_name)


def batch_sizes() -> None:
    """natasha's tagger + parser at several batch sizes on the same items (okrlint uses russian.BATCH_SIZE)."""
    from okrlint.analysis import russian

    texts = corpus("ru")
    tagger, parser = _natasha()
    rates = {}
    try:
        for size in (8, 32, russian.BATCH_SIZE, 256):
            tagger.batch_size = parser.batch_size = size
            rates[size] = len(texts) / best(lambda: floor_ru(texts))
    finally:
        tagger.batch_size = parser.batch_size = russian.BATCH_SIZE
    for size, rate in rates.items():
        row(f"natasha tagger + parser, batch size {size} (sorted by length)", rate, rates[russian.BATCH_SIZE],
            "items/s", f"(batch size {russian.BATCH_SIZE})")


def distinct_items(count: int) -> list[tuple[str, str]]:
    """``count`` distinct, realistic items: corpus items with their numbers and a team name varied."""
    rng = random.Random(9)
    pools = {"ru": corpus("ru"), "en": corpus("en")}
    teams = {"ru": ["продаж", "поддержки", "маркетинга", "продукта", "платформы"],
             "en": ["sales", "support", "marketing", "product", "platform"]}
    out: dict[str, str] = {}
    while len(out) < count:
        lang = "ru" if rng.random() < 0.5 else "en"
        text = re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), rng.choice(pools[lang]))
        suffix = f" (команда {rng.choice(teams['ru'])})" if lang == "ru" else f" (team {rng.choice(teams['en'])})"
        out.setdefault(text + suffix, lang)
    return list(out.items())


def scale(count: int = 10_000) -> None:
    """Items per second for 1,000 and for 10,000 distinct items, as files of 50 key results linted in one run."""
    from okrlint.analysis import clear_cache
    from okrlint.engine import lint_documents
    from okrlint.parsing import from_structured

    items = distinct_items(count)

    def run(part: list[tuple[str, str]]) -> float:
        documents = []
        for f in range(0, len(part), 50):
            chunk = [t for t, _ in part[f:f + 50]]
            documents.append(from_structured([{"objective": "", "key_results": chunk[i:i + 5]}
                                              for i in range(0, len(chunk), 5)]))
        clear_cache()
        start = cpu()
        lint_documents(documents)
        return cpu() - start

    small = items[:1000]
    run(items[5000:6000])  # word-level caches (lemmas, pymorphy parses) warm for both measures
    rate_small = len(small) / run(small)
    rate_big = len(items) / run(items)
    row(f"scale: {count:,} distinct items (ru+en, 200 files) in one run", rate_big, rate_small, "items/s",
        "(the first 1,000 alone: linear when ≈1×)")


# --------------------------------------------------------------------------- language server

class Client:
    """A JSON-RPC client over the server's pipes (Content-Length framing), timing what it receives."""

    def __init__(self, cwd: Path, log: Any) -> None:
        self.process = subprocess.Popen([PY, "-m", "okrlint.cli", "lsp", "--log-level", "debug"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, cwd=cwd)
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.ids = 0

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send(self, message: dict[str, Any]) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode()
        assert self.process.stdin is not None
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return sent

    def wait(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 120) -> tuple[float, dict]:
        deadline = time.monotonic() + timeout
        while True:
            at, message = self.inbox.get(timeout=max(0.1, deadline - time.monotonic()))
            if "id" in message and "method" in message:
                self.send({"id": message["id"], "result": None})
            elif predicate(message):
                return at, message

    def request(self, method: str, params: Any) -> Any:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.ids)[1]

    def diagnostics(self, uri: str, version: int) -> float:
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)[0]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def language_server(changes: int = 40) -> None:
    krs = corpus("ru")[:50]
    objectives = ["Сделать бренд любимым выбором молодых родителей", "Стать лучшей поддержкой на рынке",
                  "Сделать онбординг незаметным", "Вырастить партнёрский канал", "Сделать продукт быстрым",
                  "Удержать лучших клиентов", "Запустить новый рынок", "Сделать команду сильнее",
                  "Стать заметными в регионах", "Сделать отчётность простой"]
    lines = ["# Q3 2026", ""]
    for n, objective in enumerate(objectives):
        lines += [f"## Цель: {objective}", ""] + [f"- {kr}" for kr in krs[5 * n:5 * n + 5]] + [""]
    text = "\n".join(lines)
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "server.log", "w+b") as log:
        client = Client(Path(tmp), log)
        started = client.send({"id": 0, "method": "initialize", "params": {
            "processId": os.getpid(), "rootUri": Path(tmp).as_uri(), "capabilities": {},
            "initializationOptions": {"debounce": 0}}})
        client.wait(lambda m: m.get("id") == 0)
        client.send({"method": "initialized", "params": {}})
        first_uri = (Path(tmp) / "first.md").as_uri()
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": first_uri, "languageId": "markdown", "version": 1, "text": text}}})
        row("LSP: start → first diagnostics of a file opened at once (models load)",
            client.diagnostics(first_uri, 1) - started, None, "s")
        uri = (Path(tmp) / "okrs.md").as_uri()
        opened = client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        row("LSP: open a 50-KR Russian file → diagnostics (models loaded)",
            (client.diagnostics(uri, 1) - opened) * 1000, None, "ms")
        rng = random.Random(5)
        target = f"- {krs[17]}"
        end_to_end = []
        for version in range(2, changes + 2):
            changed = text.replace(target, f"- Привлечь {rng.randint(10, 99_999)} новых клиентов из регионов", 1)
            sent = client.send({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}})
            end_to_end.append((client.diagnostics(uri, version) - sent) * 1000)
        client.request("shutdown", None)
        client.send({"method": "exit"})
        client.process.wait(timeout=30)
        log.seek(0)
        server = [float(m.group(1)) for m in re.finditer(
            rf"linted {re.escape(uri)} version (?:\d+) in ([\d.]+) ms", log.read().decode(errors="replace"))][1:]
    for name, values in (("server side", server), ("end to end, debounce 0", end_to_end)):
        row(f"LSP: change one KR of 50 → diagnostics, {name}, p50", percentile(values, 50), None, "ms")
        row(f"LSP: change one KR of 50 → diagnostics, {name}, p95", percentile(values, 95), None, "ms")


# --------------------------------------------------------------------------- memory

# The process's own peak: VmHWM belongs to the address space the program runs in.  ``ru_maxrss`` does not
# do: Linux carries the parent's peak over into a child it forks, so a child of this (by then large)
# benchmark process reported the benchmark's own memory, not its own.
PEAK = ("import re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")


def peak_memory() -> None:
    if not Path("/proc/self/status").exists():
        return
    code = ("import okrlint, warnings; warnings.simplefilter('ignore');"
            f"okrlint.lint_paths([{str(EXAMPLES / 'marketing-ru.md')!r}, {str(EXAMPLES / 'product-en.md')!r}]);"
            + PEAK)
    floor_code = RU_FLOOR + "; import lemminflect; lemminflect.getLemma('grows', upos='VERB');" + PEAK
    ours = int(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout.split()[-1])
    base = int(subprocess.run([PY, "-c", floor_code], capture_output=True, text=True, check=True).stdout.split()[-1])
    row("peak RSS, linting the ru + en examples", ours / 1024, base / 1024, "MB",
        "(spaCy, natasha's models, pymorphy3 and lemminflect loaded)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.pop("OKRLINT_NO_CACHE", None)
    cold_starts(args.runs)
    throughput()
    batch_sizes()
    if not args.skip_scale:
        scale()
    language_server()
    peak_memory()
    widths = [max(len(r[i]) for r in ROWS + [("measure", "value", "floor", "ratio")]) for i in range(4)]
    print(f"| {'measure':<{widths[0]}} | {'value':>{widths[1]}} | {'floor (same run)':<{widths[2]}} | ratio |")
    print(f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 2)}:|{'-' * (widths[2] + 2)}|------:|")
    for name, value, floor, ratio in ROWS:
        print(f"| {name:<{widths[0]}} | {value:>{widths[1]}} | {floor:<{widths[2]}} | {ratio} |")
    print(f"\n(python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at the end; `make bench`)")


if __name__ == "__main__":
    main()
