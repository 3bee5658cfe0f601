"""The long fuzz run: ≥ 10,000 generated inputs through every reader and loader.

Targets and the mutator are the ones the property tests use (bench/fuzz_targets.py):
plain text, Markdown, HTML, DOCX, TMX, TBX, CSV and TOML glossaries, the pack manifest, the MoU
summary and the segmenter, each fed the samples mutated at random. Only `ToolkitError`s may
come out; anything else is an escape, counted, and its input saved for replay.

    .venv/bin/python bench/fuzz.py [--inputs 11000] [--seed 13] [--save escapes/] [--json]
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fuzz_targets import TARGETS, Escape, make_input, run_target  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=11_000, help="How many inputs in all.")
    parser.add_argument("--seed", type=int, default=13, help="Random seed (replayable).")
    parser.add_argument("--save", type=Path, default=None, help="Folder for escaping inputs.")
    parser.add_argument("--json", action="store_true", help="Print the counts as JSON too.")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the readers warn about what they repair: expected here
    rng = random.Random(args.seed)
    names = sorted(TARGETS)
    counts: dict[str, collections.Counter[str]] = {n: collections.Counter() for n in names}
    escapes: list[tuple[str, str]] = []
    start = time.perf_counter()
    for index in range(args.inputs):
        name = names[index % len(names)]
        data = make_input(name, rng)
        try:
            counts[name][run_target(name, data)] += 1
        except Escape as exc:
            counts[name]["escape"] += 1
            escapes.append((name, str(exc)[:300]))
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{index:06d}-{name}.bin").write_bytes(data)
    seconds = time.perf_counter() - start
    print(f"{'target':<10} {'inputs':>7} {'read':>7} {'refused':>8} {'escapes':>8}")
    for name in names:
        c = counts[name]
        total = sum(c.values())
        print(f"{name:<10} {total:>7} {c['ok']:>7} {c['refused']:>8} {c['escape']:>8}")
    total_escapes = sum(c["escape"] for c in counts.values())
    print(
        f"{'all':<10} {args.inputs:>7} {sum(c['ok'] for c in counts.values()):>7} "
        f"{sum(c['refused'] for c in counts.values()):>8} {total_escapes:>8}"
    )
    print(f"{args.inputs:,} inputs in {seconds:.1f} s (seed {args.seed}): {total_escapes} escapes")
    for name, message in escapes[:20]:
        print(f"  escape in {name}: {message}")
    if args.json:
        print(json.dumps({n: dict(c) for n, c in counts.items()}, indent=2))
    sys.exit(1 if total_escapes else 0)


if __name__ == "__main__":
    main()
