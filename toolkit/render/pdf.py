"""PDF through WeasyPrint, from the same HTML as the preview.

Only this module imports weasyprint (a heavy import). Its URL fetcher is replaced by one that
serves nothing outside the template folder, and a missing glyph — which WeasyPrint only logs —
fails the build instead of printing tofu.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..fileio import atomic_path
from ..model import Document, Issue
from .html import render_html

__all__ = ["render_pdf"]

LOGGER = logging.getLogger(__name__)


class _GlyphWatch(logging.Handler):
    """Collect WeasyPrint's warnings while a PDF is built."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(
    doc: Document, path: Path, *, template_dir: Path, issues: Sequence[Issue] | None = None
) -> None:
    """Write `doc` as a parallel-text PDF to `path` atomically."""
    html = render_html(doc, template_dir=template_dir, issues=issues)
    write_pdf_from_html(
        html, path, template_dir=template_dir, title=doc.title, lang=doc.source_lang
    )


def write_pdf_from_html(
    html: str, path: Path, *, template_dir: Path, title: str = "", lang: str = "de"
) -> None:
    """Write `html` (made from our templates) as PDF to `path` atomically."""
    import weasyprint

    fetcher = _template_fetcher(weasyprint, template_dir)
    watch = _GlyphWatch()
    wp_logger = logging.getLogger("weasyprint")
    wp_logger.addHandler(watch)
    try:
        document = weasyprint.HTML(
            string=html, base_url=template_dir.as_uri() + "/", url_fetcher=fetcher
        ).render()
        missing = [m for m in watch.messages if ".notdef" in m or "glyph" in m.lower()]
        if missing:
            raise RenderError(
                f"{path}: the fonts lack glyphs for some characters ({missing[0]}); "
                "install fonts-noto-cjk (dejakit doctor shows what is missing)"
            )
        with atomic_path(path) as tmp:
            document.write_pdf(tmp)
    except OSError as exc:
        raise RenderError(f"{path}: can't write the PDF ({exc})") from None
    finally:
        wp_logger.removeHandler(watch)
    blocked = [m for m in watch.messages if "blocked by dejakit" in m]
    for message in blocked:
        LOGGER.warning("%s: %s", path, message)


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
