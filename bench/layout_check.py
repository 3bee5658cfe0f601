"""Layout check over everything dejakit prints: the demo, the layout matrix and the corpus.

Builds, into a temporary folder (or --out):

1. the demo outputs (the commands of scripts/demo.sh: four handouts, the pack, the fact sheet);
2. the matrix: the three layouts × both directions (de→ja, ja→de) × A4 and Letter;
3. the corpus documents (``../shared/corpus`` or ``/work/shared/corpus``; skipped when absent),
   each built with ``--engine none`` into the other language (German ones to Japanese,
   Japanese ones to German): their own text is laid out in the source column.

then runs `toolkit.render.layoutcheck` over every PDF and prints each defect, the count per
check and the total. Exit status 1 when there is any defect.

    .venv/bin/python bench/layout_check.py [--out DIR] [--no-corpus]
    .venv/bin/python bench/layout_check.py --check DIR   # only check the PDFs under DIR

(``--build-only`` builds without checking: run from an older checkout to count its defects.)
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.cli import cli  # noqa: E402

SAMPLES = ROOT / "samples"
MATRIX_SOURCES = (("pm-wasserstoff-de.txt", "ja"), ("pr-fukushima-ja.txt", "de"))
LAYOUTS = ("side-by-side", "interleaved", "target-only")
PAPERS = ("a4", "letter")


def corpus_dir() -> Path | None:
    """Return the shared corpus folder, or None when it is not there."""
    for candidate in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if (candidate / "docs").is_dir():
            return candidate
    return None


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"dejakit {' '.join(args)} failed:\n{result.output}")


def build_demo(out: Path) -> None:
    """Build what scripts/demo.sh builds into `out` (memory in `out`)."""
    memory = str(out / "demo-memory.sqlite")
    _run("memory", "import", "--memory", memory, *map(str, sorted(SAMPLES.glob("*.tmx"))))
    sources = [*SAMPLES.glob("pm-*-de.txt"), *SAMPLES.glob("pm-*-de.md")]
    sources += SAMPLES.glob("pr-*-ja.txt")
    for source in sorted(sources):
        to = "ja" if "-de." in source.name else "de"
        pdf = out / f"{source.stem}.{to}.pdf"
        _run(
            "translate",
            str(source),
            "--to",
            to,
            "--engine",
            "none",
            "--memory",
            memory,
            "-o",
            str(pdf),
        )
    _run("pack", str(SAMPLES / "pack.toml"), "--engine", "none", "--memory", memory, "-o", str(out))
    _run(
        "mou", str(SAMPLES / "mou-nrw-fukushima-2026.toml"), "--to", "ja", "--engine", "none",
        "--memory", memory, "--classification", "Nur für den Dienstgebrauch",
        "-o", str(out / "mou-nrw-fukushima-2026.ja.pdf"),
    )  # fmt: skip


def build_matrix(out: Path, memory: Path) -> None:
    """Build the layouts × directions × papers into `out`."""
    for name, to in MATRIX_SOURCES:
        for layout in LAYOUTS:
            for paper in PAPERS:
                pdf = out / f"{Path(name).stem}.{to}.{layout}.{paper}.pdf"
                _run(
                    "translate", str(SAMPLES / name), "--to", to, "--engine", "none",
                    "--memory", str(memory), "--layout", layout, "--paper", paper, "-o", str(pdf),
                )  # fmt: skip


def build_corpus(out: Path, corpus: Path) -> None:
    """Build every corpus document into the other language (no engine: its own text shows)."""
    texts = out / "texts"
    texts.mkdir()
    for doc in sorted((corpus / "docs").glob("*.txt")):
        body = doc.read_text(encoding="utf-8").split("\n\n", 1)[-1]  # after the header
        source = texts / doc.name
        source.write_text(body, encoding="utf-8")
        to = "ja" if doc.name.startswith("de_") else "de"
        _run(
            "translate", str(source), "--to", to, "--engine", "none",
            "--memory", str(out / "empty.sqlite"), "-o", str(out / f"{doc.stem}.{to}.pdf"),
        )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus documents")
    parser.add_argument("--build-only", action="store_true", help="build, don't check")
    parser.add_argument("--check", type=Path, metavar="DIR", help="only check the PDFs in DIR")
    args = parser.parse_args()
    if args.check:
        return check(sorted(args.check.rglob("*.pdf")), 0.0)
    with tempfile.TemporaryDirectory(prefix="dejakit-layout-") as tmp:
        out = args.out or Path(tmp)
        folders = {name: out / name for name in ("demo", "matrix", "corpus")}
        for folder in folders.values():
            folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build_demo(folders["demo"])
        build_matrix(folders["matrix"], folders["demo"] / "demo-memory.sqlite")
        corpus = None if args.no_corpus else corpus_dir()
        if corpus is not None:
            build_corpus(folders["corpus"], corpus)
        else:
            print("corpus: not found or skipped")
        built = time.perf_counter() - started
        pdfs = sorted(p for folder in folders.values() for p in folder.glob("*.pdf"))
        if args.build_only:
            print(f"{len(pdfs)} PDFs built in {built:.0f} s")
            return 0
        return check(pdfs, built)


def check(pdfs: list[Path], built: float) -> int:
    """Print the defects of `pdfs` and a summary; return the exit status."""
    from toolkit import check_pdf, count_checks

    counts: collections.Counter[str] = collections.Counter()
    for pdf in pdfs:
        defects = check_pdf(pdf)
        counts.update(count_checks(defects))
        for defect in defects:  # named by folder and file: demo/…, matrix/…, corpus/…
            print(dataclasses.replace(defect, file=f"{pdf.parent.name}/{pdf.name}"))
    summary = ", ".join(f"{name} {n}" for name, n in sorted(counts.items())) or "none"
    print(f"{len(pdfs)} PDFs (built in {built:.0f} s); defects: {sum(counts.values())} ({summary})")
    return 1 if counts else 0


if __name__ == "__main__":
    raise SystemExit(main())
