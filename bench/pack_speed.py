"""Briefing-pack build time: a pack of 10 documents (about 40 pages), all translations in memory.

The pack is the sample delegation (samples/pack.toml) with its documents repeated until it holds
ten: the four sample releases (German and Japanese) and the MoU summary, twice each. The memory
holds the samples' approved translations, so no engine runs; what is timed is what a preparer
waits for: reading and checking the manifest, the pipeline over every document (memory, QA,
glossary scan), and writing the PDF (WeasyPrint) and the DOCX (python-docx). The goal is under
a minute on a 2-core machine.

    .venv/bin/python bench/pack_speed.py [--documents 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "samples"
RELEASES = (
    "pm-wasserstoff-de.txt",
    "pm-medizintechnik-de.md",
    "pm-erneuerbare-de.txt",
    "pr-fukushima-ja.txt",
)
MOU = "mou-nrw-fukushima-2026.toml"


def write_manifest(folder: Path, documents: int) -> Path:
    """Write the sample manifest into `folder` with `documents` documents and MoU summaries."""
    for name in (*RELEASES, MOU):
        shutil.copy(SAMPLES / name, folder / name)
    text = (SAMPLES / "pack.toml").read_text(encoding="utf-8")
    # Drop the sample's own document list; the bench names its own.
    text = re.sub(r"\[\[(?:mou|document)\]\]\nfile = \"[^\"]+\"\n\n?", "", text)
    cycle = [*RELEASES, MOU]
    tables = []
    for index in range(documents):
        name = cycle[index % len(cycle)]
        table = "mou" if name == MOU else "document"
        tables.append(f'[[{table}]]\nfile = "{name}"\n')
    path = folder / "pack.toml"
    path.write_text(text + "\n" + "\n".join(tables), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10, help="documents in the pack")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="dejakit-pack-bench-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(work / var.lower())
    from toolkit import (
        TranslationMemory,
        build_pack,
        default_glossary,
        read_manifest,
        read_tmx,
        template_dir,
        write_pack,
    )

    manifest_path = write_manifest(work, args.documents)
    with TranslationMemory(work / "memory.sqlite") as memory:
        for tmx in sorted(SAMPLES.glob("*.tmx")):
            memory.add(read_tmx(tmx)[0])
        started = time.perf_counter()
        glossary = default_glossary()
        manifest = read_manifest(manifest_path, glossary=glossary)
        pack = build_pack(manifest, memory=memory, engine_for=lambda s, t: None, glossary=glossary)
        built = time.perf_counter()
        pdf, docx = write_pack(pack, work / "out", template_dir=template_dir(), with_qa=True)
        finished = time.perf_counter()
    from pypdf import PdfReader  # a test extra: installed wherever the benches run

    pages = len(PdfReader(pdf).pages)
    figures = {
        "documents": len(pack.sections),
        "segments": sum(1 for s in pack.sections for _ in s.doc.segments()),
        "untranslated": sum(
            1 for s in pack.sections for seg in s.doc.segments() if seg.target is None
        ),
        "pages": pages,
        "build_seconds": round(built - started, 2),
        "write_seconds": round(finished - built, 2),
        "total_seconds": round(finished - started, 2),
        "cpus": os.cpu_count(),
        "pdf_bytes": pdf.stat().st_size,
        "docx_bytes": docx.stat().st_size,
    }
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"pack of {figures['documents']} documents, {figures['pages']} pages, "
            f"{figures['segments']} segments ({figures['untranslated']} untranslated): "
            f"{figures['total_seconds']:.1f} s (translate + QA {figures['build_seconds']:.1f} s, "
            f"PDF + DOCX {figures['write_seconds']:.1f} s) on {figures['cpus']} CPUs"
        )
    return 0 if finished - started < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
