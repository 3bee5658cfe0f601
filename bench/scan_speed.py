"""Glossary scan speed: `find_terms` (morphology, compounds, context) against a plain regex.

The three German sample releases are cut into paragraphs and repeated to ~120,000 characters
(about forty pages); the Japanese sample likewise. Timed, best of ``--repeat`` warm runs:

* dejakit — ``find_terms(paragraph, lang, glossary)`` over every paragraph, shipped glossaries;
* regex   — one compiled alternation of every surface form of every entry (no inflection, no
  compounds, no context: what a naive matcher pays for the same text).

    .venv/bin/python bench/scan_speed.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit import default_glossary, find_terms  # noqa: E402

SAMPLES = ROOT / "samples"
GERMAN = ("pm-wasserstoff-de.txt", "pm-medizintechnik-de.md", "pm-erneuerbare-de.txt")


def _paragraphs(names: tuple[str, ...], copies: int) -> list[str]:
    texts = [(SAMPLES / n).read_text(encoding="utf-8") for n in names]
    return [p for t in texts for p in t.split("\n\n") if p.strip()] * copies


def _best(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    glossary = default_glossary()
    report = {}
    for lang, paragraphs in (
        ("de", _paragraphs(GERMAN, 25)),
        ("ja", _paragraphs(("pr-fukushima-ja.txt",), 30)),
    ):
        forms = sorted({f for e in glossary for f in e.forms(lang) if f}, key=len, reverse=True)
        naive = re.compile("|".join(map(re.escape, forms)))
        find_terms(paragraphs[0], lang, glossary)  # compile the matcher once

        def ours_run(ps: list[str] = paragraphs, lg: str = lang) -> int:
            return sum(len(find_terms(p, lg, glossary)) for p in ps)  # type: ignore[arg-type]

        def naive_run(ps: list[str] = paragraphs, rx: re.Pattern[str] = naive) -> int:
            return sum(len(rx.findall(p)) for p in ps)

        ours, hits = _best(ours_run, args.repeat)
        plain, plain_hits = _best(naive_run, args.repeat)
        chars = sum(map(len, paragraphs))
        report[lang] = {
            "characters": chars,
            "dejakit_s": ours,
            "regex_s": plain,
            "dejakit_hits": hits,
            "regex_hits": plain_hits,
            "ratio_vs_regex": ours / plain,
            "chars_per_s": chars / ours,
        }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for lang, r in report.items():
        print(
            f"{lang}: {r['characters']:,} chars — dejakit {r['dejakit_s']:.3f} s "
            f"({r['dejakit_hits']} hits), regex {r['regex_s']:.3f} s ({r['regex_hits']} hits): "
            f"{r['ratio_vs_regex']:.1f}x the naive matcher, {r['chars_per_s']:,.0f} chars/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
