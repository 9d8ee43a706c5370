"""Speed and memory of okrlint, printed as a table (``make bench``); numbers, never thresholds.

- cold start: the ``okrlint`` CLI on the small bundled example files, as a fresh process;
- warm throughput: items per second of ``lint_objectives`` once the models are loaded;
- peak memory: the largest resident set of a process that lints the Russian and English examples.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "okrlint" / "examples"
OKRLINT = [sys.executable, "-m", "okrlint.cli"]


def cold(path: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*OKRLINT, "--fail-on", "never", str(path)], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm() -> tuple[int, float]:
    import okrlint

    records = [json.loads(line) for file in sorted((ROOT / "corpus" / "items").glob("*.jsonl"))
               for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    objectives = [{"objective": r.get("objective") or "", "key_results": [r["text"]]} for r in records]
    okrlint.lint_objectives(objectives[:20])  # load the models
    start = time.perf_counter()
    okrlint.lint_objectives(objectives)
    return len(objectives), time.perf_counter() - start


def peak_memory_mb() -> float:
    code = ("import resource, okrlint;"
            f"okrlint.lint_paths([{str(EXAMPLES / 'marketing-ru.md')!r}, {str(EXAMPLES / 'product-en.md')!r}]);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.strip()) / 1024


def main() -> None:
    rows = [
        ("cold start, CLI on an English file", f"{cold(EXAMPLES / 'product-en.md'):.2f} s"),
        ("cold start, CLI on a Russian file", f"{cold(EXAMPLES / 'marketing-ru.md'):.2f} s"),
    ]
    count, seconds = warm()
    rows.append((f"warm throughput ({count} corpus items, one batch)", f"{count / seconds:.0f} items/s"))
    rows.append(("peak memory, ru + en example files", f"{peak_memory_mb():.0f} MB"))
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print(f"(python {sys.version.split()[0]}, max RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
