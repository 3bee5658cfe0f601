"""The schema order of WordprocessingML property elements, for writing and for checking.

OOXML property elements (``w:pPr``, ``w:rPr``, ``w:tblPr`` …) are ``xsd:sequence`` types: their
children must come in the schema's order, or Word may refuse the file ("unreadable content")
even where LibreOffice opens it. python-docx declares these sequences on its element classes
(``_tag_seq`` in ``docx/oxml/text/parfmt.py`` ``CT_PPr``, ``docx/oxml/table.py`` ``CT_TblPr`` …)
but deletes the name once the class is built; `sequence` reads them back from the class source,
so the schema is not retyped here. The few types python-docx has no class for are written down
below from ECMA-376 Part 1 (5th ed.), ``wml.xsd``. `CT_TrPrBase` is an ``xsd:choice``
(``maxOccurs="unbounded"``): its children may come in any order; ``"a|b"`` in a sequence is a
choice whose members may come in either order (``EG_HdrFtrReferences`` in ``w:sectPr``).
"""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import textwrap

__all__ = ["ORDER_FREE", "order_error", "sequence"]

# tag -> (module, class) of the python-docx element class that declares the sequence
_DECLARED: dict[str, tuple[str, str]] = {
    "w:pPr": ("docx.oxml.text.parfmt", "CT_PPr"),
    "w:rPr": ("docx.oxml.text.font", "CT_RPr"),
    "w:tblPr": ("docx.oxml.table", "CT_TblPr"),
    "w:trPr": ("docx.oxml.table", "CT_TrPr"),
    "w:tcPr": ("docx.oxml.table", "CT_TcPr"),
    "w:sectPr": ("docx.oxml.section", "CT_SectPr"),
    "w:settings": ("docx.oxml.settings", "CT_Settings"),
    "w:style": ("docx.oxml.styles", "CT_Style"),
    "w:styles": ("docx.oxml.styles", "CT_Styles"),
}

# The sides of a border or margin set (w:start/w:end are the transitional names of left/right)
_SIDES = ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end")
_TABLE_BORDERS = (*_SIDES, "w:insideH", "w:insideV")

# ECMA-376 Part 1, wml.xsd: sequences python-docx has no element class for.
_SCHEMA: dict[str, tuple[str, ...]] = {
    # CT_Numbering
    "w:numbering": ("w:numPicBullet", "w:abstractNum", "w:num", "w:numIdMacAtCleanup"),
    # CT_AbstractNum
    "w:abstractNum": (
        "w:nsid",
        "w:multiLevelType",
        "w:tmpl",
        "w:name",
        "w:styleLink",
        "w:numStyleLink",
        "w:lvl",
    ),
    # CT_Lvl
    "w:lvl": (
        "w:start",
        "w:numFmt",
        "w:lvlRestart",
        "w:pStyle",
        "w:isLgl",
        "w:suff",
        "w:lvlText",
        "w:lvlPicBulletId",
        "w:legacy",
        "w:lvlJc",
        "w:pPr",
        "w:rPr",
    ),
    # CT_Num
    "w:num": ("w:abstractNumId", "w:lvlOverride"),
    # CT_NumPr
    "w:numPr": ("w:ilvl", "w:numId", "w:numberingChange", "w:ins"),
    # CT_TblBorders; CT_TcBorders adds the diagonals
    "w:tblBorders": _TABLE_BORDERS,
    "w:tcBorders": (*_TABLE_BORDERS, "w:tl2br", "w:tr2bl"),
    # CT_TblCellMar / CT_TcMar
    "w:tblCellMar": _SIDES,
    "w:tcMar": _SIDES,
    # CT_PBdr
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
    # CT_TblStylePr
    "w:tblStylePr": ("w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"),
    # CT_DocDefaults
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
}

# Element types whose children may come in any order (xsd:choice maxOccurs="unbounded").
ORDER_FREE = frozenset({"w:trPr"})


@functools.cache
def sequence(tag: str) -> tuple[str, ...] | None:
    """Return the schema order of the children of `tag` ("w:pPr"), or None if not known."""
    if tag in _SCHEMA:
        return _SCHEMA[tag]
    if tag not in _DECLARED:
        return None
    import importlib

    module_name, class_name = _DECLARED[tag]
    cls = getattr(importlib.import_module(module_name), class_name)
    source = textwrap.dedent(inspect.getsource(cls))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "_tag_seq" for target in node.targets
        ):
            declared = tuple(str(name) for name in ast.literal_eval(node.value))
            if tag == "w:sectPr":  # EG_HdrFtrReferences precede EG_SectPrContents
                declared = ("w:headerReference|w:footerReference", *declared)
            return declared
    raise LookupError(f"python-docx's {class_name} declares no _tag_seq (version changed?)")


def order_error(tag: str, children: list[str]) -> str | None:
    """Return why `children` (prefixed tag names, in document order) break the order of `tag`.

    None when they are in order (or the order of `tag` is not known). Unknown children and
    children out of sequence are both errors; repeated children are allowed where the schema
    repeats them (they sit next to each other).
    """
    order = sequence(tag)
    if order is None:
        return None
    rank = {name: index for index, names in enumerate(order) for name in names.split("|")}
    unknown = [c for c in children if c not in rank]
    if unknown:
        return f"<{tag}> has children the schema doesn't allow there: {', '.join(unknown)}"
    if tag in ORDER_FREE:
        return None
    for before, after in itertools.pairwise(children):
        if rank[after] < rank[before]:
            return f"<{tag}>: <{after}> must come before <{before}>"
    return None
