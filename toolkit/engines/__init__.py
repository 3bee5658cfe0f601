"""Translation engines behind one small protocol (see `base.Engine`)."""

from __future__ import annotations

from .base import Engine
from .fake import FakeEngine

__all__ = ["Engine", "FakeEngine"]
