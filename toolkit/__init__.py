"""dejakit: offline German–Japanese document toolkit.

Read a document, translate it (approved memory first, then an offline engine), and render a
parallel text. Importing this package is light: heavy libraries (WeasyPrint, python-docx,
CTranslate2) are imported only by the stage that uses them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .engines import Engine, FakeEngine
from .errors import (
    ConfigError,
    EngineError,
    ExchangeError,
    GlossaryError,
    IngestError,
    MemoryStoreError,
    PackError,
    RenderError,
    SegmentError,
    ToolkitError,
)
from .ingest import read_document, read_text
from .memory import TranslationMemory, TranslationUnit, default_memory_path
from .model import Block, BlockKind, Document, Issue, Lang, Segment, TermCheck
from .pipeline import translate_document
from .render import render_document
from .segment import segment_text, split_text
from .version import __version__

if TYPE_CHECKING:
    from .glossary import Glossary, default_glossary, find_terms, load_glossaries
    from .qa import check_document
    from .render.options import RenderOptions
    from .review import (
        approve_segment,
        compare_with_review,
        export_review,
        import_review,
        list_conflicts,
    )

# Loaded on first use: the glossary matchers, QA (Babel) and the render options are not needed
# to start the command line.
_LAZY = {
    "Glossary": ".glossary",
    "default_glossary": ".glossary",
    "find_terms": ".glossary",
    "load_glossaries": ".glossary",
    "check_document": ".qa",
    "RenderOptions": ".render.options",
    "approve_segment": ".review",
    "compare_with_review": ".review",
    "export_review": ".review",
    "import_review": ".review",
    "list_conflicts": ".review",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Block",
    "BlockKind",
    "ConfigError",
    "Document",
    "Engine",
    "EngineError",
    "ExchangeError",
    "FakeEngine",
    "Glossary",
    "GlossaryError",
    "IngestError",
    "Issue",
    "Lang",
    "MemoryStoreError",
    "PackError",
    "RenderError",
    "RenderOptions",
    "Segment",
    "SegmentError",
    "TermCheck",
    "ToolkitError",
    "TranslationMemory",
    "TranslationUnit",
    "__version__",
    "approve_segment",
    "check_document",
    "compare_with_review",
    "default_glossary",
    "default_memory_path",
    "export_review",
    "find_terms",
    "import_review",
    "list_conflicts",
    "load_glossaries",
    "read_document",
    "read_text",
    "render_document",
    "segment_text",
    "split_text",
    "translate_document",
]
