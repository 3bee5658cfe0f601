"""HTML from the jinja2 templates: the preview output, and what WeasyPrint turns into PDF.

Autoescaping is on for every template, so document text (untrusted: it may hold ``<script>``,
``{{ 7*7 }}`` or ``<link href=file:///…>``) only ever appears as text. The stylesheet is inlined,
so the HTML stands alone and the PDF build fetches nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..fileio import write_bytes_atomic
from ..model import Document, Issue
from .view import build_rows, summarize

__all__ = ["TEMPLATE", "html_context", "render_html", "write_html"]

TEMPLATE = "parallel.html.j2"
STYLESHEET = "parallel.css"

_LABELS = {
    "de": {
        "source_head": "Deutsch",
        "target_head": "Japanisch · 日本語",
    },
    "ja": {
        "source_head": "日本語",
        "target_head": "ドイツ語 · Deutsch",
    },
}
_COMMON_LABELS = {
    "untranslated": "nicht übersetzt · 未翻訳",
    "untranslated_count": "nicht übersetzt · 未翻訳",
    "generated": "erstellt · 作成",
    "qa_title": "QA-Bericht · 品質チェック",
    "qa_segment": "Segment",
    "qa_severity": "Schwere · 重大度",
    "qa_check": "Prüfung · 項目",
    "qa_message": "Befund · 内容",
}


def html_context(
    doc: Document, *, today: dt.date | None = None, issues: Sequence[Issue] | None = None
) -> dict[str, Any]:
    """Return the values the templates see for `doc` (`today` fixes the build date)."""
    from .. import __version__

    target_lang = doc.target_lang or doc.source_lang
    rows = build_rows(doc)
    title_row = next((r for r in rows if r.kind.value == "title"), None)
    target_title = (
        "".join(run.text for run in title_row.target)
        if title_row is not None and not title_row.untranslated
        else ""
    )
    labels = {**_LABELS[doc.source_lang], **_COMMON_LABELS}
    labels["languages"] = f"{doc.source_lang.upper()} → {target_lang.upper()}"
    return {
        "version": __version__,
        "title": doc.title or Path(doc.source_name).stem,
        "target_title": target_title,
        "date": doc.date.isoformat() if doc.date else "",
        "generated": (today or dt.date.today()).isoformat(),
        "source_lang": doc.source_lang,
        "target_lang": target_lang,
        "rows": rows,
        "summary": summarize(doc),
        "labels": labels,
        "issues": list(issues or []),
        "sources": {s.id: s.source for s in doc.segments()},
    }


def render_html(
    doc: Document,
    *,
    template_dir: Path,
    today: dt.date | None = None,
    issues: Sequence[Issue] | None = None,
) -> str:
    """Return the parallel-text HTML of `doc` from the templates in `template_dir`."""
    import jinja2
    import markupsafe

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    try:
        template = env.get_template(TEMPLATE)
        css = (template_dir / STYLESHEET).read_text(encoding="utf-8")
    except (jinja2.TemplateError, OSError) as exc:
        raise RenderError(f"{template_dir}: template can't be loaded ({exc})") from None
    # The stylesheet is our own asset, not document text: mark it safe, but keep it from
    # closing the <style> element.
    css = css.replace("</", "<\\/")
    return template.render(
        css=markupsafe.Markup(css), **html_context(doc, today=today, issues=issues)
    )


def write_html(
    doc: Document, path: Path, *, template_dir: Path, issues: Sequence[Issue] | None = None
) -> None:
    """Write the parallel-text HTML of `doc` to `path` atomically."""
    html = render_html(doc, template_dir=template_dir, issues=issues)
    write_bytes_atomic(path, html.encode("utf-8"))
