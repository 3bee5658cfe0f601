"""DOCX check defect counts on the demo outputs and the corpus documents.

Builds the outputs of ``scripts/demo.sh`` (handouts, pack, MoU fact sheet) and every corpus
document (``../shared/corpus`` or ``/work/shared/corpus``, with ``--engine none`` in its own
direction, side by side and interleaved) into a temporary folder, runs `toolkit.render.docxcheck`
on each DOCX and prints the defects per kind and per file. With ``--baseline FILE`` (the output
of an earlier run) it prints the counts of that run beside this one's.

    PYTHONPATH=. .venv/bin/python bench/docx_check.py [--baseline FILE] [--keep DIR | --built DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path | None:
    """Return the shared corpus folder, or None if it is not beside the repository."""
    for candidate in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if (candidate / "docs").is_dir():
            return candidate
    return None


def build_demo(out: Path) -> list[Path]:
    """Run scripts/demo.sh into `out` and return the DOCX it wrote."""
    env = {
        **os.environ,
        # relative: demo.sh puts its memory at $PWD/$OUT (before main's fix for absolute OUT)
        "OUT": os.path.relpath(out, ROOT),
        "PYTHONPATH": str(ROOT),
        "DEJAKIT": str(ROOT / ".venv" / "bin" / "dejakit"),
    }
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "demo.sh")],
        env=env,
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return sorted(out.glob("*.docx"))


def build_corpus(corpus: Path, out: Path) -> list[Path]:
    """Write every corpus document as a handout DOCX (side by side and interleaved) into `out`."""
    from toolkit import Lang, RenderOptions, read_text, render_document, translate_document

    written = []
    for source in sorted((corpus / "docs").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1] if "\n\n" in text else text  # after the header
        doc = read_text(body, source_name=source.name)
        target: Lang = "de" if doc.source_lang == "ja" else "ja"
        translated = translate_document(doc, target_lang=target)
        for layout in ("side-by-side", "interleaved"):
            path = out / f"{source.stem}.{layout}.docx"
            render_document(translated, path, options=RenderOptions(layout=layout))
            written.append(path)
    return written


def main() -> int:
    from toolkit import check_docx, count_checks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="an earlier run's output to compare with")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--built", type=Path, help="check the DOCX a --keep run left here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.built or args.keep or Path(tmp)
        corpus = corpus_dir()
        if args.built:
            files = sorted(out.glob("demo/*.docx")) + sorted(out.glob("corpus/*.docx"))
        else:
            out.mkdir(parents=True, exist_ok=True)
            files = build_demo(out / "demo")
            if corpus is not None:
                (out / "corpus").mkdir(exist_ok=True)
                files += build_corpus(corpus, out / "corpus")
        totals: Counter[str] = Counter()
        lines = []
        for path in files:
            counts = count_checks(check_docx(path))
            totals.update(counts)
            detail = ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "0"
            lines.append(f"file {path.relative_to(out)}: {sum(counts.values())} ({detail})")
    print(f"{len(files)} DOCX checked ({'with' if corpus else 'without'} the corpus)")
    before = _read_totals(args.baseline) if args.baseline else None
    for kind in sorted(set(totals) | set(before or {})):
        was = f"  (before: {before.get(kind, 0)})" if before is not None else ""
        print(f"total {kind}: {totals[kind]}{was}")
    was = f"  (before: {sum(before.values())})" if before is not None else ""
    print(f"total defects: {sum(totals.values())}{was}")
    print("\n".join(lines))
    return 0


def _read_totals(path: Path) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"total ([a-z-]+): (\d+).*", line)
        if match and match.group(1) != "defects":
            found[match.group(1)] = int(match.group(2))
    return found


if __name__ == "__main__":
    sys.exit(main())
