"""Scale benchmark: one Markdown document of N short key results, linted end to end (parse → report).

Every set-level check must be linear in the document (computed once per
document, not once per item), so the time per item should stay flat as N
grows.  Lines are drawn from the bundled examples and the corpus, each made
distinct by a number, with owners on most key results (so ``missing-owner``
speaks for the others).  Prints seconds and µs per item for each N; no
threshold is asserted.

    .venv/bin/python benchmarks/scale.py                # 2.5k 5k 10k 20k 60k
    .venv/bin/python benchmarks/scale.py 2500 5000      # chosen sizes
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from okrlint import lint_text  # noqa: E402

SIZES = (2_500, 5_000, 10_000, 20_000, 60_000)
KEY_RESULTS = (
    "Raise NPS from {n} to {m} by the end of Q3",
    "Improve onboarding for {n} new teams",
    "Hold {n} webinars",
    "Increase trial-to-paid conversion from {n}% to {m}%",
    "Увеличить конверсию с {n}% до {m}% до конца квартала",
    "Провести {n} вебинаров",
    "Попробовать запустить TikTok-канал на {n} подписчиков",
    "Снизить отток клиентов с {n}% до {m}%",
)
OBJECTIVES = ("Make onboarding effortless", "Стать любимым брендом молодых родителей")


def document(count: int, distinct: int = 400) -> str:
    """``count`` key results under objectives of four; ``distinct`` different texts repeat through the file."""
    lines = ["# Q3 2026"]
    for i in range(count):
        if i % 4 == 0:
            lines.append(f"## {OBJECTIVES[(i // 4) % len(OBJECTIVES)]}")
        k = i % distinct
        text = KEY_RESULTS[k % len(KEY_RESULTS)].format(n=k + 1, m=k + 5)
        owner = "" if i % 10 == 0 else f" — @owner{i % 7}"
        lines.append(f"- {text}{owner}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or list(SIZES)
    lint_text(document(50), filename="warm.md")  # load the models first: measure the linting, not the loading
    print(f"{'key results':>12} {'bytes':>10} {'seconds':>8} {'µs/item':>8} {'marginal µs/item':>17} {'findings':>9}")
    previous: tuple[int, float] | None = None
    for size in sizes:
        text = document(size)
        start = time.perf_counter()
        report = lint_text(text, filename="scale.md")
        took = time.perf_counter() - start
        assert not report.errors, report.errors
        # The first run of a size pays for analysing the distinct lines once; the marginal cost per extra
        # item against the previous size is what must stay flat for a linear linter.
        marginal = f"{(took - previous[1]) / (size - previous[0]) * 1e6:>17.0f}" if previous else f"{'':>17}"
        print(f"{size:>12,} {len(text.encode()):>10,} {took:>8.2f} {took / size * 1e6:>8.0f} {marginal} "
              f"{len(report.findings):>9,}")
        previous = (size, took)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
