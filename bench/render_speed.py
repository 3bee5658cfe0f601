"""Handout build speed: dejakit's PDF vs WeasyPrint alone on the same HTML, and the DOCX.

A ~30-page side-by-side handout (A4, PDF/UA-1 as shipped) is made from the sample releases: each
is translated with its approved translations (the samples' TMX files, through the memory), then
their blocks are repeated in a varied order until the handout is long enough. Timed, best of
``--repeat`` warm runs after one cold run:

* dejakit — ``render_document(doc, "x.pdf")``: plan, font preflight, BudouX, jinja2, WeasyPrint;
* bare    — ``weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")`` on the final HTML
  dejakit produced (the same output; ``bare_untagged`` is the same without tagging, for scale;
  ``bare_nogc`` with the garbage collector paused, as dejakit runs WeasyPrint);
* docx    — ``render_document(doc, "x.docx")``.

    .venv/bin/python bench/render_speed.py [--pages 30] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ("pm-wasserstoff-de.txt", "pm-erneuerbare-de.txt", "pm-medizintechnik-de.md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="handout length to aim for")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per contender")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    import weasyprint
    from pypdf import PdfReader

    from toolkit import RenderOptions, render_document, template_dir

    work = Path(tempfile.mkdtemp(prefix="dejakit-bench-render-"))
    templates = template_dir()
    options = RenderOptions()
    pdf_path, docx_path, bare_path = work / "x.pdf", work / "x.docx", work / "bare.pdf"
    html_path = work / "x.html"

    doc = handout_document(rounds=1)  # also the warm-up: imports, fonts, BudouX
    render_document(doc, pdf_path, template_dir=templates, options=options)
    blocks_per_page = len(doc.blocks) / len(PdfReader(pdf_path).pages)
    wanted = round(args.pages * blocks_per_page)
    doc = handout_document(rounds=-(-wanted // len(doc.blocks)))
    doc = replace(doc, blocks=doc.blocks[:wanted])
    segments = sum(1 for _ in doc.segments())

    def dejakit() -> None:
        render_document(doc, pdf_path, template_dir=templates, options=options)

    # The HTML dejakit hands WeasyPrint is what it writes as x.html.
    render_document(doc, html_path, template_dir=templates, options=options)
    html = html_path.read_text(encoding="utf-8")

    def bare(variant: str | None, collect: bool = True) -> Callable[[], None]:
        def run() -> None:
            extra = {"pdf_variant": variant} if variant else {}
            if not collect:
                gc.disable()
            try:
                weasyprint.HTML(string=html, base_url=templates.as_uri() + "/").write_pdf(
                    bare_path, **extra
                )
            finally:
                gc.enable()

        return run

    def word() -> None:
        render_document(doc, docx_path, template_dir=templates, options=options)

    # What dejakit adds before WeasyPrint but the font preflight, warm (BudouX loaded):
    # plan, BudouX and jinja2, as the HTML output runs them.
    started = time.perf_counter()
    render_document(doc, html_path, template_dir=templates, options=options)
    templated = time.perf_counter()

    # Alternate the contenders, so that a busy machine slows them alike; keep each one's best.
    contenders = {
        "dejakit_s": dejakit,
        "bare_s": bare("pdf/ua-1"),
        "bare_untagged_s": bare(None),
        "bare_nogc_s": bare("pdf/ua-1", collect=False),
        "docx_s": word,
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.repeat):
        for name, run in contenders.items():
            times[name].append(_time(run))
    figures: dict[str, float] = {name: min(values) for name, values in times.items()}
    figures.update(
        pages=len(PdfReader(pdf_path).pages),
        blocks=len(doc.blocks),
        segments=segments,
        html_s=templated - started,
    )
    figures["bare_pages"] = len(PdfReader(bare_path).pages)
    figures["overhead"] = figures["dejakit_s"] / figures["bare_s"] - 1
    # dejakit pauses the garbage collector during layout: against WeasyPrint run the same way,
    # what is left is dejakit's own work (plan, preflight, BudouX, jinja2, atomic write).
    figures["overhead_same_gc"] = figures["dejakit_s"] / figures["bare_nogc_s"] - 1
    figures["tagging_cost"] = figures["bare_s"] / figures["bare_untagged_s"] - 1
    figures["docx_vs_pdf"] = figures["docx_s"] / figures["dejakit_s"]
    if args.json:
        print(json.dumps({k: round(v, 4) for k, v in figures.items()}, indent=2))
        return 0
    print(
        f"handout: {figures['pages']:.0f} pages A4 side by side, {figures['blocks']:.0f} rows, "
        f"{segments} segments (best of {args.repeat} warm runs, taken in turns)"
    )
    print(f"  dejakit PDF (PDF/UA-1)     {figures['dejakit_s']:6.2f} s")
    print(
        f"  WeasyPrint alone, same HTML {figures['bare_s']:5.2f} s   (untagged: "
        f"{figures['bare_untagged_s']:.2f} s, tagging costs {figures['tagging_cost']:+.0%})"
    )
    print(f"  dejakit overhead           {figures['overhead']:+6.1%}   (target ≤ +15%)")
    print(
        f"    against WeasyPrint with the collector paused too ({figures['bare_nogc_s']:.2f} s): "
        f"{figures['overhead_same_gc']:+.1%}"
    )
    print(f"    of which plan, BudouX and jinja2 (the HTML) {figures['html_s'] * 1000:.0f} ms")
    print(
        f"  dejakit DOCX               {figures['docx_s']:6.2f} s   "
        f"({figures['docx_vs_pdf']:.2f}× the PDF time)"
    )
    return 0


def handout_document(rounds: int) -> Document:
    """Return the sample releases, translated, their blocks repeated `rounds` times (varied)."""
    from toolkit import Block, TranslationMemory, read_document, read_tmx, translate_document

    docs = []
    with TranslationMemory(":memory:") as memory:
        for tmx in sorted((ROOT / "samples").glob("*.tmx")):
            memory.add(read_tmx(tmx)[0])
        for name in SAMPLES:
            doc = read_document(ROOT / "samples" / name)
            docs.append(translate_document(doc, target_lang="ja", memory=memory, engine=None))
    first = docs[0]
    blocks: list[Block] = []
    for round_ in range(rounds):
        for i, doc in enumerate(docs):
            body = list(doc.blocks)
            if round_ or i:  # one title at the top; later rounds shift the body's order
                body = [b for b in body if b.kind.value != "title"]
                shift = (round_ * 3 + i) % max(len(body), 1)
                body = body[shift:] + body[:shift]
            for block in body:
                number = len(blocks) + 1
                segments = tuple(
                    replace(s, id=f"b{number}.s{j}") for j, s in enumerate(block.segments, 1)
                )
                blocks.append(replace(block, id=f"b{number}", segments=segments))
    return replace(first, blocks=tuple(blocks))


def _time(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
