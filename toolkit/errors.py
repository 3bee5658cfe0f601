"""Errors that dejakit raises on purpose.

Every expected failure is one of these; the CLI turns them into one clear line and exit code 1.
The message puts the location first (file, line, segment) and the fix last::

    ToolkitError
    ├── IngestError        the input can't be read as a document
    ├── SegmentError       the segmenter was asked for a language it does not know
    ├── GlossaryError      a glossary file is malformed
    ├── EngineError        no usable model, or the engine failed
    ├── MemoryStoreError   the translation memory can't be used
    ├── ExchangeError      a TMX/XLIFF/TBX/CSV file can't be read or written
    ├── RenderError        an output file can't be written
    ├── ConfigError        a setting or option has a value dejakit can't use
    └── PackError          a briefing-pack manifest is malformed or names what can't be used
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EngineError",
    "ExchangeError",
    "GlossaryError",
    "IngestError",
    "MemoryStoreError",
    "PackError",
    "RenderError",
    "SegmentError",
    "ToolkitError",
]


class ToolkitError(Exception):
    """Base class for errors this package raises on purpose."""


class IngestError(ToolkitError):
    """The input can't be read as a document."""


class SegmentError(ToolkitError):
    """The segmenter can't split text for the requested language."""


class GlossaryError(ToolkitError):
    """A glossary file is malformed."""


class EngineError(ToolkitError):
    """No usable model, or the engine failed."""


class MemoryStoreError(ToolkitError):
    """The translation memory can't be used."""


class ExchangeError(ToolkitError):
    """A translation exchange file (TMX, XLIFF, TBX, CSV) can't be read or written."""


class RenderError(ToolkitError):
    """An output file can't be written."""


class ConfigError(ToolkitError):
    """A setting or option has a value dejakit can't use."""


class PackError(ToolkitError):
    """A briefing-pack manifest is malformed, or names a file or value that can't be used."""
