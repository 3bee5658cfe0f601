"""Press releases saved from a web page (.html): the article found, read by its own markup.

A saved page carries the site around the article: cookie banner, header and navigation,
breadcrumbs, sidebars, share buttons, footer. The article is the page's ``<main>`` or single
``<article>`` when it marks one; otherwise readability-lxml (Mozilla Readability's scoring)
finds it — chosen over trafilatura because it keeps the article's own markup (``time``,
``figcaption``, a ``blockquote``'s ``footer``), see ``bench/html_extractors.py``. The structure
then comes from that markup: ``h1`` title, ``h2``–``h6`` headings, ``blockquote`` quotes with the
speaker from ``cite``/``footer``, ``figcaption`` captions, ``address`` contact blocks, ``li``
items, a short block holding a ``time`` a date line. Only text is taken: no URL is fetched, no
entity resolved, and untrusted HTML never becomes markup (dejakit renders the text, escaped).
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from ..errors import IngestError
from ..model import BlockKind
from .press import RawBlock

__all__ = ["article_root", "split_raw_blocks"]

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
    "svg",
    "iframe",
    "object",
)
_BLOCKS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "blockquote",
    "li",
    "address",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
    "figcaption",
}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def split_raw_blocks(text: str) -> list[RawBlock]:
    """Return the text blocks of the article in the HTML document `text`."""
    root = _parse(text)
    article = article_root(root, text)
    blocks: list[RawBlock] = []
    seen_title = False
    for element in list(article.iter(*_BLOCKS, "img")):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue  # its text belongs to the enclosing block
        if element.tag == "img":
            blocks.extend(_alt_text(element))
            continue
        if element.tag == "blockquote":
            blocks.extend(_quote_blocks(element))
            continue
        lines = _lines(element)
        if not lines:
            continue
        hint: BlockKind | None = None
        level = 0
        if element.tag in _HEADINGS:
            level = int(element.tag[1])
            hint = BlockKind.TITLE if level == 1 and not seen_title else BlockKind.HEADING
            seen_title = seen_title or hint is BlockKind.TITLE
        elif element.tag == "li":
            hint = BlockKind.LIST_ITEM
        elif element.tag == "address":
            hint = BlockKind.CONTACT
        elif element.tag == "figcaption":
            hint = BlockKind.CAPTION
        elif next(element.iter("time"), None) is not None and len(" ".join(lines)) <= 80:
            hint = BlockKind.DATELINE
        line_no = element.sourceline or 0
        blocks.append(
            RawBlock(tuple(lines), line_no, hint=hint, level=level, keep_lines=len(lines) > 1)
        )
    return blocks


def _parse(text: str) -> lxml_html.HtmlElement:
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"the HTML can't be parsed ({exc})") from None
    return root


def article_root(root: lxml_html.HtmlElement, text: str) -> lxml_html.HtmlElement:
    """Return the element holding the article of the page `root` (parsed from `text`).

    The page's own ``<main>`` or single ``<article>`` first; otherwise the element
    readability-lxml scores as the main content, with the page's ``h1`` put back in front
    when the extractor left it out. Site chrome (nav, header, footer, aside, forms, buttons,
    scripts) never counts.
    """
    marked = list(root.iter("main")) or list(root.iter("article"))
    found = marked[0] if len(marked) == 1 else _readability_root(text)
    article = root if found is None else found
    for element in list(article.iter(*_DROP)):
        if not any(parent.tag == "blockquote" for parent in element.iterancestors()):
            element.drop_tree()  # a quote's own <footer> names its speaker: kept
    if next(article.iter("h1"), None) is None:
        heading = next((h for h in root.iter("h1") if _outside_chrome(h)), None)
        if heading is not None:
            article.insert(0, heading)
    return article


def _readability_root(text: str) -> lxml_html.HtmlElement | None:
    """Return the main content readability-lxml finds, parsed, or None when it finds none."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(text).summary(html_partial=True)
    except (Unparseable, ValueError, etree.ParserError):
        return None
    if not summary.strip():
        return None
    return _parse(f"<html><body>{summary}</body></html>")


def _outside_chrome(element: lxml_html.HtmlElement) -> bool:
    return not any(parent.tag in _DROP for parent in element.iterancestors())


def _alt_text(image: lxml_html.HtmlElement) -> list[RawBlock]:
    """Return an image's alt text as a caption block, unless a figcaption says it already."""
    alt = " ".join((image.get("alt") or "").split())
    figure = next((p for p in image.iterancestors() if p.tag == "figure"), None)
    if not alt or (figure is not None and next(figure.iter("figcaption"), None) is not None):
        return []
    return [RawBlock((alt,), image.sourceline or 0, hint=BlockKind.CAPTION)]


def _quote_blocks(element: lxml_html.HtmlElement) -> list[RawBlock]:
    """Return a blockquote as quote blocks, the speaker from its ``cite``/``footer``."""
    attribution = [e for e in element.iter("cite", "footer") if e is not element]
    names = [" ".join(" ".join(a.itertext()).split()) for a in attribution]
    speaker = " ".join(n for n in names if n).lstrip("—–- ") or None
    for item in attribution:
        item.drop_tree()
    line_no = element.sourceline or 0
    blocks = []
    parts = [p for p in element if p.tag in _BLOCKS] or [element]
    for part in parts:
        lines = _lines(part)
        if lines:
            blocks.append(
                RawBlock(
                    tuple(lines),
                    part.sourceline or line_no,
                    hint=BlockKind.QUOTE,
                    keep_lines=len(lines) > 1,
                    speaker=speaker,
                )
            )
    if speaker:
        blocks.append(RawBlock((speaker,), line_no, hint=BlockKind.QUOTE, speaker=speaker))
    return blocks


_BREAK = "\u2028"


def _lines(element: etree._Element) -> list[str]:
    """Return the text of `element`, one entry per <br>-separated line, whitespace collapsed."""
    for br in element.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    text = "".join(element.itertext())
    return [" ".join(part.split()) for part in text.split(_BREAK) if part.strip()]
