"""PDF through WeasyPrint, from the same HTML as the preview.

Only this module imports weasyprint (a heavy import). Before anything is laid out, the font
preflight checks that every character has a glyph in the print fonts (a missing one fails the
build with the character and its segment, instead of printing tofu). WeasyPrint's URL fetcher is
replaced by one that serves nothing outside the template folder, and a missing glyph that slips
past the preflight (WeasyPrint only logs it) still fails the build. The default output is a
tagged PDF/UA-1, each structure element carrying its language; PDF/A-3u (tagged) by option.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..fileio import atomic_path
from ..limits import current_limits, describe_limit
from ..model import BlockKind, Document, Issue
from .fonts import SANS, SERIF, FontStack, check_glyphs
from .html import BILINGUAL_LABELS, render_html
from .justify import inter_character_justification
from .layout import Handout, plan_handout
from .options import RenderOptions
from .registry import RenderJob

__all__ = [
    "check_page_budget",
    "estimate_pages",
    "preflight_items",
    "render_pdf",
    "write_pdf_from_html",
]

LOGGER = logging.getLogger(__name__)

_SANS_KINDS = (BlockKind.TITLE, BlockKind.HEADING, BlockKind.KICKER)


class _GlyphWatch(logging.Handler):
    """Collect WeasyPrint's warnings while a PDF is built."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(doc: Document, path: Path, job: RenderJob) -> None:
    """Write `doc` as a parallel-text PDF to `path` atomically, laid out as `job` says."""
    options = job.options
    check_page_budget(doc, options, path)
    handout = plan_handout(doc, options)
    check_glyphs(preflight_items(doc, handout, job.issues), path=path)
    html = render_html(
        doc, template_dir=job.template_dir, issues=job.issues, options=options, handout=handout
    )
    write_pdf_from_html(
        html,
        path,
        template_dir=job.template_dir,
        title=doc.title,
        lang=handout.lang,
        pdf_variant=None if options.pdf_variant == "none" else options.pdf_variant,
        tagged=options.pdf_variant != "none",  # PDF/A-3u tagged too: archival and accessible
    )


# What one A4 portrait page holds of one side-by-side column, in half-width character cells
# (a kanji or kana takes two), measured on the sample releases: ~1,300. The estimate counts
# 1,350 so it errs low: a document is never refused for pages it would not have had.
_CELLS_PER_COLUMN_PAGE = 1350


def estimate_pages(doc: Document, options: RenderOptions) -> int:
    """Return a low estimate of the pages `doc` fills, from its text alone (no layout)."""
    both = 0
    widest = 0
    for seg in doc.segments():
        source = _cells(seg.source)
        target = _cells(seg.target or "")
        if options.pivot_column:
            target = max(target, _cells(seg.pivot or ""))
        both += source + target
        widest += max(source, target)
    if options.layout == "side-by-side":
        cells = widest
    elif options.layout == "target-only":
        cells = both - widest // 2  # about the target column, at full width
        cells //= 2
    else:
        cells = both // 2  # full-width paragraphs, one after another
    if options.orientation == "landscape":
        cells = cells * 3 // 4
    return cells // _CELLS_PER_COLUMN_PAGE


def _cells(text: str) -> int:
    return len(text) + sum(1 for c in text if c >= "\u2e80")


def check_page_budget(doc: Document, options: RenderOptions, path: Path) -> None:
    """Refuse before layout a document that would print more pages than the limit.

    WeasyPrint keeps every page's boxes until the PDF is written (about 3 MB a page): a
    5 MB text would be 4,000 pages and 7 GB of memory. The estimate errs low; the exact count
    is checked again after layout.
    """
    limit = current_limits().pdf_pages
    pages = estimate_pages(doc, options)
    if pages > limit:
        raise RenderError(
            f"{path}: {doc.source_name or 'the document'} would print about {pages:,} pages; "
            f"write .docx or .html for a document this long, split it, or "
            + describe_limit("pdf_pages", limit)
        )


def preflight_items(
    doc: Document, handout: Handout, issues: Sequence[Issue] | None = None
) -> Iterator[tuple[str, str, FontStack]]:
    """Yield (where, text, font stack) for every piece of text the handout prints."""
    options = handout.options
    kinds = {b.id: b.kind for b in doc.blocks}
    roles = {c.role for c in handout.columns}
    for block in doc.blocks:
        stack = SANS if kinds[block.id] in _SANS_KINDS else SERIF
        for seg in block.segments:
            yield seg.id, seg.source, stack
            if "target" in roles and seg.target:
                yield seg.id, seg.target, stack
            if "pivot" in roles and seg.pivot:
                yield f"{seg.id} (pivot)", seg.pivot, SERIF
    yield "the title", doc.title, SANS
    yield "the notice (--notice)", options.notice, SANS
    yield "the classification (--classification)", options.classification, SANS
    yield "the author (--author)", options.author, SANS
    for column in handout.columns:
        yield "a column label", "".join(text for text, _ in column.label), SANS
    for parts in BILINGUAL_LABELS.values():
        yield "a label", "".join(text for text, _ in parts), SANS
    for issue in issues or ():
        yield f"the QA report ({issue.segment_id})", issue.message, SERIF


def write_pdf_from_html(
    html: str,
    path: Path,
    *,
    template_dir: Path,
    title: str = "",
    lang: str = "de",
    pdf_variant: str | None = None,
    tagged: bool = False,
) -> None:
    """Write `html` (made from our templates) as PDF to `path` atomically.

    `pdf_variant` is a WeasyPrint variant name (``"pdf/ua-1"``, ``"pdf/a-3u"``, …) or None for
    a plain PDF; `tagged` adds the structure tags to a variant that lacks them (PDF/A-3u).
    `title` and `lang` only name the document in messages; the HTML's own ``<title>`` and
    ``<html lang>`` go into the PDF.
    """
    import weasyprint

    options: dict[str, Any] = {"pdf_variant": pdf_variant} if pdf_variant else {}
    if tagged:
        options["pdf_tags"] = True
    fetcher = _template_fetcher(weasyprint, template_dir)
    watch = _GlyphWatch()
    wp_logger = logging.getLogger("weasyprint")
    wp_logger.addHandler(watch)
    try:
        with _gc_paused():
            pages = _render_and_write(weasyprint, html, path, template_dir, fetcher, options, watch)
    except OSError as exc:
        raise RenderError(f"{path}: can't write the PDF ({exc})") from None
    finally:
        wp_logger.removeHandler(watch)
    blocked = [m for m in watch.messages if "blocked by dejakit" in m]
    for message in blocked:
        LOGGER.warning("%s: %s", path, message)
    LOGGER.info("%s: %d pages (%s, %s)", path, pages, lang, title[:40])


def _render_and_write(
    weasyprint: Any,
    html: str,
    path: Path,
    template_dir: Path,
    fetcher: Any,
    options: dict[str, Any],
    watch: _GlyphWatch,
) -> int:
    """Lay out `html`, fail on a missing glyph, write the PDF; return the page count."""
    with inter_character_justification():
        document = weasyprint.HTML(
            string=html, base_url=template_dir.as_uri() + "/", url_fetcher=fetcher
        ).render(**options)
    limit = current_limits().pdf_pages
    if len(document.pages) > limit:
        raise RenderError(
            f"{path}: {len(document.pages):,} pages is more than a PDF may have; "
            + describe_limit("pdf_pages", limit)
        )
    missing = [m for m in watch.messages if ".notdef" in m or "glyph" in m.lower()]
    if missing:
        raise RenderError(
            f"{path}: the fonts lack glyphs for some characters ({missing[0]}); "
            "install fonts-noto-cjk (dejakit doctor shows what is missing)"
        )
    with atomic_path(path) as tmp, warnings.catch_warnings(), _tagged_languages():
        # WeasyPrint 70 leaves its sRGB profile file open for PDF/A (output intent).
        warnings.simplefilter("ignore", ResourceWarning)
        document.write_pdf(tmp, **options)
    return len(document.pages)


@contextlib.contextmanager
def _tagged_languages() -> Iterator[None]:
    """Give each PDF structure element the ``lang`` of its HTML element while tags are built.

    WeasyPrint 70 declares only the document language (``/Lang`` in the catalog), so a
    screen reader would read the Japanese column with a German voice; PDF/UA wants every change
    of language declared. Tags are built by ``weasyprint.pdf.tags._build_box_tree``, which
    recurses through its module global: wrapping it adds ``/Lang`` where an element has its own
    ``lang``. Without that internal (another WeasyPrint version), tags stay as WeasyPrint makes
    them.
    """
    try:
        import pydyf  # type: ignore[import-untyped]
        from weasyprint.pdf import tags
    except ImportError:  # pragma: no cover - both come with WeasyPrint
        yield
        return
    original = getattr(tags, "_build_box_tree", None)
    if original is None:  # pragma: no cover - a WeasyPrint without this internal
        yield
        return

    def build(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None else None
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while WeasyPrint lays out and writes.

    Layout allocates millions of objects, which makes the collector rescan the whole box tree
    again and again: a 30-page handout builds ~30% faster without it, with the same peak
    memory (measured: 354 MB either way). The collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _template_fetcher(weasyprint: Any, template_dir: Path) -> Any:
    """Return a WeasyPrint URL fetcher that serves only files inside `template_dir`."""
    root = template_dir.resolve()

    class TemplateOnlyFetcher(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                from urllib.request import url2pathname

                local = Path(url2pathname(url.split("?")[0].removeprefix("file:"))).resolve()
                if local.is_relative_to(root) and local.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"{url[:80]} blocked by dejakit: only template assets are served")

    return TemplateOnlyFetcher(allowed_protocols=("file",), allow_redirects=False)
