"""Press releases saved from a web page (.html), read with lxml.

Only the text of block elements is taken (h1–h6, p, blockquote, li, address, td, dd, pre);
scripts, styles, forms and navigation are dropped, no URL is fetched and no entity is resolved.
Untrusted HTML never becomes markup: dejakit renders the text, escaped, with its own templates.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from ..errors import IngestError
from ..model import BlockKind
from .press import RawBlock

__all__ = ["split_raw_blocks"]

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


def split_raw_blocks(text: str) -> list[RawBlock]:
    """Return the text blocks of the HTML document `text`."""
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"the HTML can't be parsed ({exc})") from None
    for element in root.iter(*_DROP):
        element.drop_tree()
    main = next(iter(root.iter("main", "article")), root)
    blocks: list[RawBlock] = []
    seen_title = False
    for element in main.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue  # its text belongs to the enclosing block
        lines = _lines(element)
        if not lines:
            continue
        hint: BlockKind | None = None
        level = 0
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(element.tag[1])
            hint = BlockKind.TITLE if level == 1 and not seen_title else BlockKind.HEADING
            seen_title = seen_title or hint is BlockKind.TITLE
        elif element.tag == "blockquote":
            hint = BlockKind.QUOTE
        elif element.tag == "li":
            hint = BlockKind.LIST_ITEM
        elif element.tag == "address":
            hint = BlockKind.CONTACT
        line_no = element.sourceline or 0
        blocks.append(
            RawBlock(tuple(lines), line_no, hint=hint, level=level, keep_lines=len(lines) > 1)
        )
    return blocks


_BREAK = "\u2028"


def _lines(element: etree._Element) -> list[str]:
    """Return the text of `element`, one entry per <br>-separated line, whitespace collapsed."""
    for br in element.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    text = "".join(element.itertext())
    return [" ".join(part.split()) for part in text.split(_BREAK) if part.strip()]
