"""dejakit's own JSON: a document `dejakit translate -o x.json` wrote, read back for QA.

The JSON holds the whole `Document` (segments, targets, origins, term checks); reading it back
lets ``dejakit qa`` check a translation without translating again.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import IngestError
from ..model import Document, document_from_dict
from ..textfile import read_bytes

__all__ = ["read_json_document"]


def read_json_document(path: Path) -> Document:
    """Return the document in the JSON file at `path`, raising `IngestError` if it isn't one."""
    raw = read_bytes(path, IngestError)
    try:
        return document_from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError) as exc:
        raise IngestError(
            f"{path}: not a document written by `dejakit translate` ({exc}); give that .json"
        ) from None
