"""Markdown press releases, parsed with markdown-it-py (CommonMark).

Headings, block quotes and list items come from the markup; the press-release rules in
`press.py` decide the rest (teaser, date line, contact block). Inline markup is reduced to its
text: emphasis markers go, link targets are kept after the link text, raw HTML stays literal text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import BlockKind
from .press import RawBlock

__all__ = ["split_raw_blocks"]


def split_raw_blocks(text: str) -> list[RawBlock]:
    """Return the blocks of Markdown `text` with the kinds the markup gives them."""
    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[RawBlock] = []
    context: list[str] = []  # open container tokens: blockquote, list_item
    heading_level = 0
    seen_title = False
    for i, token in enumerate(tokens):
        if token.type in ("blockquote_open", "list_item_open"):
            context.append(token.type)
        elif token.type in ("blockquote_close", "list_item_close"):
            context.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type in ("html_block", "code_block", "fence"):
            literal = tuple(x for x in token.content.split("\n") if x.strip())
            if literal:
                # Raw HTML and code stay literal text, never markup.
                blocks.append(
                    RawBlock(literal, _line_no(token), hint=BlockKind.PARAGRAPH, keep_lines=True)
                )
        elif token.type == "inline":
            lines, hard = _inline_lines(token)
            if not any(line.strip() for line in lines):
                continue
            hint: BlockKind | None = None
            level = 0
            if heading_level:
                hint = (
                    BlockKind.TITLE if heading_level == 1 and not seen_title else BlockKind.HEADING
                )
                seen_title = seen_title or hint is BlockKind.TITLE
                level = heading_level
            elif "list_item_open" in context:
                hint = BlockKind.LIST_ITEM
            elif "blockquote_open" in context:
                hint = BlockKind.QUOTE
            elif seen_title and _is_emphasised(token) and _follows_title(blocks):
                hint = BlockKind.SUBTITLE
            blocks.append(
                RawBlock(tuple(lines), _line_no(tokens[i]), hint=hint, level=level, keep_lines=hard)
            )
    return blocks


def _inline_lines(token: Token) -> tuple[list[str], bool]:
    """Return the text lines of an inline token and whether it had hard line breaks."""
    lines = [""]
    hard = False
    href_stack: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            lines[-1] += child.content
        elif child.type == "softbreak":
            lines.append("")
        elif child.type == "hardbreak":
            hard = True
            lines.append("")
        elif child.type == "link_open":
            href_stack.append(str(child.attrs.get("href", "")))
        elif child.type == "link_close":
            href = href_stack.pop() if href_stack else ""
            shown = lines[-1]
            if href and not shown.endswith(href.removeprefix("mailto:")):
                lines[-1] += f" ({href.removeprefix('mailto:')})"
        elif child.type == "image":
            lines[-1] += child.content
    return lines, hard


def _is_emphasised(token: Token) -> bool:
    children = [c for c in token.children or [] if c.type != "softbreak"]
    return (
        len(children) >= 3
        and children[0].type in ("em_open", "strong_open")
        and children[-1].type in ("em_close", "strong_close")
    )


def _follows_title(blocks: list[RawBlock]) -> bool:
    return bool(blocks) and blocks[-1].hint in (BlockKind.TITLE, BlockKind.SUBTITLE)


def _line_no(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0
