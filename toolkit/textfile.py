"""Reading an input file: its bytes, its text as UTF-8, its XML; each failure one clear error.

Every reader of a user's file (documents, glossaries, CSV and TBX term lists, TMX and XLIFF,
TOML manifests and MoU summaries, dejakit's own JSON) reports a missing file, a folder, an
unreadable file, a byte that isn't UTF-8 or XML that isn't well-formed the same way: one line
naming the file (and the line at fault) and the fix, raised as the error type of the caller's
failure family.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ToolkitError

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["decode_utf8", "read_bytes", "read_xml", "utf8_error_line"]


def read_bytes(path: Path, error: type[ToolkitError], what: str = "file") -> bytes:
    """Return the content of the file at `path` (a `what`), raising `error` if it can't be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such {what}; check the path") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory; give the {what}") from None
    except OSError as exc:
        raise error(f"{path}: can't be read ({exc.strerror})") from None


def decode_utf8(data: bytes, path: Path, error: type[ToolkitError], fix: str) -> str:
    """Return `data` decoded as UTF-8 (a BOM dropped), else raise `error` at the bad line.

    `fix` says how to save the file right, e.g. ``"save the CSV as UTF-8"``.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = utf8_error_line(data, exc)
        raise error(f"{path}:{line}: not valid UTF-8; {fix}") from None


def utf8_error_line(data: bytes, exc: UnicodeDecodeError) -> int:
    """Return the line (from 1) of the byte `exc` failed at."""
    return data[: exc.start].count(b"\n") + 1


def read_xml(path: Path, error: type[ToolkitError], fix: str) -> etree._Element:
    """Return the root element of the XML file at `path`, else raise `error` at the bad line.

    translate-toolkit's parser resolves no entities and fetches nothing (hostile files stay
    harmless); `fix` says how to get a good file, e.g. ``"export the TMX again from its tool"``.
    """
    from lxml import etree
    from translate.misc.xml_helpers import parse_xml_file

    try:
        root: etree._Element = parse_xml_file(str(path)).getroot()
    except OSError as exc:
        raise error(f"{path}: can't be read ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise error(f"{path}:{exc.lineno or 0}: not well-formed XML ({exc.msg}); {fix}") from None
    return root
