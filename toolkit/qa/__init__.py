"""Quality checks on translated documents."""

from __future__ import annotations

from .checks import check_document, check_segment, summarize_issues

__all__ = ["check_document", "check_segment", "summarize_issues"]
