"""Terminology during translation: protected items, reranking, fallbacks, and their record."""

from __future__ import annotations

from .enforce import ENFORCER_VERSION, TermEnforcer
from .entities import Protected, find_protected

__all__ = ["ENFORCER_VERSION", "Protected", "TermEnforcer", "find_protected"]
