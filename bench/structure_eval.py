"""Structure benchmark: how well the reader sees real press releases (issue #9).

Reads every document of the development corpus (``../shared/corpus`` beside the repository, or
``/work/shared/corpus``), strips its ``SOURCE:``/``PUBLISHER:``/… header, runs the reader
(`read_text`, language from the file name) and compares the result with ``structure.tsv`` —
what a careful reader sees in each text. Six checks per document, each scored 0–1:

* ``title``    the document title (``-``: the reader must not invent one);
* ``date``     the document date (``-``: none, so never an event date from the body);
* ``quotes``   each direct quote found in a quote block (by its first words) whose speaker is
  right (title and name; a shorter form with the same surname counts), divided by the expected
  quotes plus the quote blocks that hold none of them and no expected speaker's words;
* ``contact``  whether a contact block was found;
* ``heads``    sub-headings and subtitles as heading or subtitle blocks, divided by the larger
  of expected and found;
* ``blocks``   block boundaries: the start of every block a reader sees, aligned in order with
  the blocks read (Dice coefficient of the longest common subsequence). A contact block counts
  once per line, a label line with its value line as one, as ``structure.tsv`` lists them.

The overall score is the mean of the six checks over the documents. Lossless: all blocks joined
(list markers and furniture included) give the input back, whitespace aside; a failure is
listed separately. The time is the wall time of reading all documents.

    .venv/bin/python bench/structure_eval.py [--json] [--corpus DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit import Block, BlockKind, Document, Lang, read_text  # noqa: E402

CHECKS = ("title", "date", "quotes", "contact", "heads", "blocks")
_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
    )
}
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}


@dataclass
class Result:
    """The checks of one document."""

    file: str
    lang: str
    scores: dict[str, float]
    lossless: bool
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Return the mean of the checks."""
        return sum(self.scores.values()) / len(self.scores)


def find_corpus(given: Path | None) -> Path | None:
    """Return the corpus folder: `given`, beside the repository, or /work/shared/corpus."""
    for candidate in (given, ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if candidate is not None and (candidate / "structure.tsv").is_file():
            return candidate
    return None


def body_of(path: Path) -> str:
    """Return the text of a corpus file without its header lines."""
    text = path.read_text(encoding="utf-8")
    header, _, body = text.partition("\n\n")
    if not header.startswith("SOURCE:"):
        return text
    return body


def squash(text: str) -> str:
    """Return `text` NFKC-normalised without any whitespace (for prefix comparison)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def parse_expected_date(text: str) -> dt.date | None:
    """Return the date `structure.tsv` writes (its own forms), or None for ``-``."""
    text = unicodedata.normalize("NFKC", text.strip())
    if text in ("", "-"):
        return None
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", text):
        return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    if m := re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(令和|平成|昭和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日", text):
        year = _ERAS[m[1]] + (1 if m[2] == "元" else int(m[2]))
        return dt.date(year, int(m[3]), int(m[4]))
    raise ValueError(f"structure.tsv: date {text!r} in no known form")


def block_text(block: Block, sep: str = "") -> str:
    """Return the block as read: its list marker (if any) and its source text.

    With `sep`, the marker is set off by it (a block start may be listed with or without it).
    """
    marker = getattr(block, "marker", "") or ""
    return marker + (sep if marker else "") + block.source_text


def reader_blocks(doc: Document) -> list[str]:
    """Return the blocks as `structure.tsv` counts them (contact blocks once per line)."""
    out: list[str] = []
    for block in doc.blocks:
        if block.kind is not BlockKind.CONTACT:
            out.append(block_text(block, "\0"))
            continue
        pending = ""
        for line in block_text(block).split("\n"):
            line = line.strip().lstrip("-・•").strip()
            if not line:
                continue
            if pending:
                out.append(pending + " " + line)
                pending = ""
            elif line.rstrip().endswith((":", "：")):
                pending = line
            else:
                out.append(line)
        if pending:
            out.append(pending)
    return out


def _lcs(expected: list[str], found: list[str]) -> int:
    """Return the length of the longest in-order matching of expected starts to blocks."""
    rows = [[0] * (len(found) + 1) for _ in range(len(expected) + 1)]
    for i, start in enumerate(expected):
        for j, text in enumerate(found):
            if start and (text.startswith(start) or text.split("\0")[-1].startswith(start)):
                rows[i + 1][j + 1] = rows[i][j] + 1
            else:
                rows[i + 1][j + 1] = max(rows[i][j + 1], rows[i + 1][j])
    return rows[-1][-1]


def _split(cell: str) -> list[str]:
    return [] if cell.strip() == "-" else [p.strip() for p in cell.split(" || ") if p.strip()]


def _same_speaker(expected: str, found: str | None, lang: str) -> bool:
    if expected == "?":
        return True
    if not found:
        return False
    a, b = squash(expected).casefold(), squash(found).casefold()
    if a == b:
        return True
    if lang == "ja":
        return a.endswith(b) or b.endswith(a)
    want, got = expected.casefold().split(), found.casefold().split()
    return want[-1] == got[-1] and (set(want) <= set(got) or set(got) <= set(want))


def evaluate(row: dict[str, str], doc: Document, body: str) -> Result:
    """Return the checks of one document read as `doc` against its `structure.tsv` row."""
    lang = row["file"][:2]
    notes: list[str] = []
    scores: dict[str, float] = {}

    want_title = "" if row["title"].strip() == "-" else row["title"]
    scores["title"] = float(squash(doc.title) == squash(want_title))
    if not scores["title"]:
        notes.append(f"title {doc.title[:50]!r} (want {want_title[:50]!r})")

    want_date = parse_expected_date(row["date"])
    scores["date"] = float(doc.date == want_date)
    if not scores["date"]:
        notes.append(f"date {doc.date} (want {want_date})")

    quotes = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    expected_quotes = _split(row["quotes"])
    matched = 0
    used: set[str] = set()
    for item in expected_quotes:
        speaker, _, words = item.partition(": ")
        start = squash(words.rstrip("…").strip('„“"「」 '))[:12]
        holding = [b for b in quotes if start in squash(b.source_text)]
        block = next(
            (b for b in holding if _same_speaker(speaker, b.speaker, lang)),
            next((b for b in holding if b.id not in used), holding[0] if holding else None),
        )
        if block is None:
            notes.append(f"quote not found: {item[:40]!r}")
            continue
        used.add(block.id)
        if _same_speaker(speaker, block.speaker, lang):
            matched += 1
        else:
            notes.append(f"speaker {block.speaker!r} (want {speaker!r})")
    speakers = [item.partition(": ")[0] for item in expected_quotes]
    extra = [
        b.source_text[:30]
        for b in quotes
        if b.id not in used and not any(_same_speaker(w, b.speaker, lang) for w in speakers)
    ]
    denominator = len(expected_quotes) + len(extra)
    scores["quotes"] = matched / denominator if denominator else 1.0
    if extra:
        notes.append(f"extra quotes {extra}")

    has_contact = any(b.kind is BlockKind.CONTACT for b in doc.blocks)
    scores["contact"] = float(has_contact == (row["contact"].strip() == "yes"))
    if not scores["contact"]:
        notes.append(f"contact {has_contact}")

    heads = [b for b in doc.blocks if b.kind in (BlockKind.HEADING, BlockKind.SUBTITLE)]
    expected_heads = _split(row["subheadings"])
    head_texts = [squash(block_text(b)).lstrip("-") for b in heads]
    hits = sum(1 for h in expected_heads if squash(h).lstrip("-") in head_texts)
    denominator = max(len(expected_heads), len(heads))
    scores["heads"] = hits / denominator if denominator else 1.0
    if scores["heads"] < 1:
        notes.append(f"heads {[block_text(b)[:25] for b in heads]} (want {expected_heads})")

    expected_blocks = [squash(b) for b in _split(row["blocks"])]
    found_blocks = [squash(b.replace("\0", "")) + "\0" + squash(b) for b in reader_blocks(doc)]
    common = _lcs(expected_blocks, found_blocks)
    total = len(expected_blocks) + len(found_blocks)
    scores["blocks"] = 2 * common / total if total else 1.0
    if scores["blocks"] < 1:
        notes.append(f"blocks {common}/{len(expected_blocks)} expected, {len(found_blocks)} read")

    joined = "".join(block_text(b) for b in doc.blocks)
    lossless = squash(joined) == squash(body)
    if not lossless:
        notes.append("NOT LOSSLESS")
    return Result(row["file"], lang, scores, lossless, notes)


def run(corpus: Path) -> tuple[list[Result], float]:
    """Return the results for every document of `corpus` and the seconds reading took."""
    with (corpus / "structure.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    results: list[Result] = []
    elapsed = 0.0
    for row in rows:
        path = corpus / "docs" / row["file"]
        body = body_of(path)
        lang: Lang = "ja" if row["file"].startswith("ja") else "de"
        start = time.perf_counter()
        doc = read_text(body, lang=lang, source_name=row["file"])
        elapsed += time.perf_counter() - start
        results.append(evaluate(row, doc, body))
    return results, elapsed


def summary(results: list[Result]) -> dict[str, Any]:
    """Return the overall and per-language scores in percent."""
    out: dict[str, Any] = {}
    for name, group in (
        ("overall", results),
        ("de", [r for r in results if r.lang == "de"]),
        ("ja", [r for r in results if r.lang == "ja"]),
    ):
        if group:
            out[name] = round(100 * sum(r.score for r in group) / len(group), 1)
    for check in CHECKS:
        out[check] = round(100 * sum(r.scores[check] for r in results) / len(results), 1)
    out["lossless_failures"] = sum(not r.lossless for r in results)
    return out


def main() -> int:
    """Run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder")
    parser.add_argument("--verbose", action="store_true", help="say what each miss was")
    args = parser.parse_args()
    corpus = find_corpus(args.corpus)
    if corpus is None:
        print("no corpus found (../shared/corpus or /work/shared/corpus); nothing to measure")
        return 0
    results, elapsed = run(corpus)
    totals = summary(results)
    if args.json:
        payload = {
            "summary": totals,
            "seconds": round(elapsed, 3),
            "documents": [asdict(r) | {"score": round(r.score, 3)} for r in results],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    header = f"{'document':<58} " + " ".join(f"{c:>7}" for c in CHECKS) + "   score  lossless"
    print(header)
    for r in results:
        cells = " ".join(f"{100 * r.scores[c]:7.0f}" for c in CHECKS)
        print(f"{r.file[:58]:<58} {cells}  {100 * r.score:6.1f}  {'yes' if r.lossless else 'NO'}")
        if args.verbose:
            for note in r.notes:
                print(f"    - {note}")
    checks = " ".join(f"{totals[c]:7.1f}" for c in CHECKS)
    print(f"{'mean per check':<58} {checks}")
    print(
        f"overall {totals['overall']:.1f} %  (de {totals.get('de', 0):.1f} %, "
        f"ja {totals.get('ja', 0):.1f} %)  lossless failures {totals['lossless_failures']}  "
        f"read in {elapsed:.2f} s ({len(results)} documents)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
