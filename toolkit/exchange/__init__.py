"""Exchange formats that translators' tools read and write: TMX (more to come: XLIFF, TBX, CSV)."""

from __future__ import annotations

from .tmx import read_tmx, write_tmx

__all__ = ["read_tmx", "write_tmx"]
