"""HTML from the jinja2 templates: the preview output, and what WeasyPrint turns into PDF.

Autoescaping is on for every template, so document text (untrusted: it may hold ``<script>``,
``{{ 7*7 }}`` or ``<link href=file:///…>``) only ever appears as text. Japanese text goes through
`phrase_markup` (BudouX phrases, each piece escaped). The stylesheet is inlined, so the HTML
stands alone and the PDF build fetches nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RenderError
from ..fileio import write_bytes_atomic
from ..localize import format_date_for
from ..model import BlockKind, Document, Issue
from .labels import HANDOUT, bilingual
from .layout import Handout, plan_handout
from .marking import make_marking
from .options import RenderOptions
from .phrases import lang_markup, phrase_markup
from .registry import RenderJob
from .view import Row, build_rows, summarize

if TYPE_CHECKING:
    from markupsafe import Markup

__all__ = [
    "STYLESHEET",
    "TEMPLATE",
    "TYPESET_STYLESHEET",
    "html_context",
    "inline_stylesheet",
    "is_block_quote",
    "render_html",
    "write_html",
]

TEMPLATE = "parallel.html.j2"
STYLESHEET = "parallel.css"
TYPESET_STYLESHEET = "typeset.css"  # shared with the pack (templates/pack.css)

# The handout's labels as (text, lang) parts, so every piece carries its language.
BILINGUAL_LABELS = {key: bilingual(pair) for key, pair in HANDOUT.items()}
KEYWORDS = ("Parallel text", "Deutsch", "Japanisch", "対訳")


def html_context(
    doc: Document,
    *,
    today: dt.date | None = None,
    issues: Sequence[Issue] | None = None,
    options: RenderOptions | None = None,
    handout: Handout | None = None,
) -> dict[str, Any]:
    """Return the values the templates see for `doc` (`today` fixes the build date).

    `handout` is the plan of `doc` when the caller made it already.
    """
    from ..version import __version__

    options = options or RenderOptions()
    handout = handout or plan_handout(doc, options)
    target_lang = handout.target_lang
    rows = build_rows(doc)
    title_row = next((r for r in rows if r.kind.value == "title"), None)
    target_title = (
        "".join(run.text for run in title_row.target)
        if title_row is not None and not title_row.untranslated
        else ""
    )
    title = doc.title or Path(doc.source_name).stem
    built = today or dt.date.today()
    keywords = [*options.keywords, *KEYWORDS]
    top, right, bottom, left = handout.page.margins
    return {
        "version": __version__,
        "title": title,
        "target_title": target_title,
        # The title in the document's main language: the translation's when it leads.
        "running_title": (
            target_title
            if handout.lang == target_lang != doc.source_lang and target_title
            else title
        ),
        "date": doc.date.isoformat() if doc.date else "",
        "generated": built.isoformat(),
        "meta": _meta_parts(doc.source_lang, target_lang, built, handout),
        "marking": make_marking(classification=options.classification, notice=options.notice),
        "source_lang": doc.source_lang,
        "target_lang": target_lang,
        "rows": rows,
        "handout": handout,
        "options": options,
        "page_margins": f"{top:g}mm {right:g}mm {bottom:g}mm {left:g}mm",
        "has_title_row": title_row is not None,
        "author": options.author,
        "keywords": ", ".join(dict.fromkeys(k.replace(",", " ") for k in keywords if k)),
        "summary": summarize(doc),
        "bilingual": BILINGUAL_LABELS,
        "issues": list(issues or []),
        "sources": {s.id: s.source for s in doc.segments()},
    }


# A closing quotation mark with more words after it: a statement („…“, sagte X / 「…」と述べた).
_ATTRIBUTED = re.compile(r"[“”»」』\"]\s*[,，、]?\s*[^\s.。!?！？]")


def is_block_quote(row: Row) -> bool:
    """Return whether `row` is a quoted block (set indented), not a paragraph holding a statement.

    A statement names its speaker (found by the reader) or goes on after its closing quotation
    mark; a block quote does neither.
    """
    if row.kind is not BlockKind.QUOTE or row.speaker:
        return False
    return not _ATTRIBUTED.search("".join(run.text for run in row.source))


_LANG_NAMES = {"de": {"de": "Deutsch", "ja": "Japanisch"}, "ja": {"de": "ドイツ語", "ja": "日本語"}}


def _meta_parts(
    source: str, target: str, built: dt.date, handout: Handout
) -> tuple[tuple[str, str], ...]:
    """Return the meta line as (text, lang) parts: languages and build date, each language's form.

    A handout that prints one language only (target only) has its meta line in that language.
    """
    langs = [handout.columns[0].lang] if handout.options.layout == "target-only" else ["de", "ja"]
    parts = []
    for lang in langs:
        if lang not in _LANG_NAMES:
            continue
        names = _LANG_NAMES[lang]
        date = format_date_for(built, lang, weekday=False)
        if lang == "de":
            parts.append((f"{names[source]} → {names[target]}, erstellt am {date}", "de"))
        else:
            parts.append((f"{names[source]}→{names[target]}　{date}作成", "ja"))
    return tuple(parts)


@functools.lru_cache(maxsize=8)
def _environment(template_dir: Path) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    env.globals["phrases"] = phrase_markup
    env.globals["lang_text"] = lang_markup
    env.globals["block_quote"] = is_block_quote
    return env


def render_html(
    doc: Document,
    *,
    template_dir: Path,
    today: dt.date | None = None,
    issues: Sequence[Issue] | None = None,
    options: RenderOptions | None = None,
    handout: Handout | None = None,
) -> str:
    """Return the parallel-text HTML of `doc` from the templates in `template_dir`."""
    import jinja2

    try:
        template = _environment(template_dir.resolve()).get_template(TEMPLATE)
        css = inline_stylesheet(template_dir, STYLESHEET)
    except (jinja2.TemplateError, OSError) as exc:
        raise RenderError(f"{template_dir}: template can't be loaded ({exc})") from None
    context = html_context(doc, today=today, issues=issues, options=options, handout=handout)
    return str(template.render(css=css, **context))


def inline_stylesheet(template_dir: Path, name: str) -> Markup:
    """Return ``typeset.css`` (the rules every printed output shares) and `name`, for <style>.

    The stylesheets are our own assets, not document text: marked safe, but kept from closing
    the <style> element. Raises OSError when one can't be read.
    """
    import markupsafe

    css = "\n".join(
        (template_dir / sheet).read_text(encoding="utf-8") for sheet in (TYPESET_STYLESHEET, name)
    )
    return markupsafe.Markup(css.replace("</", "<\\/"))


def write_html(doc: Document, path: Path, job: RenderJob) -> None:
    """Write the parallel-text HTML of `doc` to `path` atomically (the HTML writer)."""
    html = render_html(doc, template_dir=job.template_dir, issues=job.issues, options=job.options)
    write_bytes_atomic(path, html.encode("utf-8"))
