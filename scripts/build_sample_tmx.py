"""Build the approved-translation TMX files of the samples from their aligned translations.

Each source release (and MoU summary) in ``samples/`` has its approved translation in
``samples/approved/`` with the same blocks and the same number of sentences per block. This
script reads both with dejakit's own reader and segmenter, pairs them segment by segment and
writes ``samples/<name>.tmx``. It fails, naming the block, when the two sides don't align — so
the samples and the segmenter stay honest.

    .venv/bin/python scripts/build_sample_tmx.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.exchange import write_tmx
from toolkit.ingest import read_document
from toolkit.memory import TranslationUnit
from toolkit.model import Lang

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

PAIRS: list[tuple[str, Lang, str, Lang]] = [
    ("pm-wasserstoff-de.txt", "de", "approved/pm-wasserstoff-de.ja.txt", "ja"),
    ("pm-medizintechnik-de.md", "de", "approved/pm-medizintechnik-de.ja.md", "ja"),
    ("pm-erneuerbare-de.txt", "de", "approved/pm-erneuerbare-de.ja.txt", "ja"),
    ("pr-fukushima-ja.txt", "ja", "approved/pr-fukushima-ja.de.txt", "de"),
    # An MoU summary (TOML): read_document reads it field by field (toolkit/ingest/mou.py), so
    # the approved translation aligns the same way, sentence by sentence within each field.
    ("mou-nrw-fukushima-2026.toml", "de", "approved/mou-nrw-fukushima-2026.ja.toml", "ja"),
]


def align(
    source: Path, source_lang: Lang, target: Path, target_lang: Lang
) -> list[TranslationUnit]:
    """Return the segment pairs of `source` and its translation `target`, or raise ValueError."""
    src = read_document(source, lang=source_lang)
    tgt = read_document(target, lang=target_lang)
    problems: list[str] = []
    if len(src.blocks) != len(tgt.blocks):
        problems.append(f"{len(src.blocks)} blocks vs {len(tgt.blocks)} blocks")
    units: list[TranslationUnit] = []
    for sb, tb in zip(src.blocks, tgt.blocks, strict=False):
        if sb.kind != tb.kind:
            problems.append(f"{sb.id}: {sb.kind.value} vs {tb.kind.value}")
        if len(sb.segments) != len(tb.segments):
            problems.append(
                f"{sb.id}: {len(sb.segments)} vs {len(tb.segments)} segments\n    "
                + "\n    ".join(s.source for s in sb.segments)
                + "\n  ---\n    "
                + "\n    ".join(s.source for s in tb.segments)
            )
            continue
        for ss, ts in zip(sb.segments, tb.segments, strict=True):
            units.append(
                TranslationUnit(source_lang, target_lang, ss.source, ts.source, origin=source.name)
            )
    if problems:
        raise ValueError(f"{source.name} ↔ {target.name}:\n  " + "\n  ".join(problems))
    return units


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the alignment")
    args = parser.parse_args()
    failed = False
    for source, source_lang, target, target_lang in PAIRS:
        try:
            units = align(SAMPLES / source, source_lang, SAMPLES / target, target_lang)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            failed = True
            continue
        out = SAMPLES / (Path(source).stem + ".tmx")
        if not args.check:
            write_tmx(units, out, source_lang=source_lang)
        print(f"{source}: {len(units)} segment pairs" + ("" if args.check else f" -> {out.name}"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
