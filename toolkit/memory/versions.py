"""Which version of a source is served, and when two versions are a conflict.

A source may have several versions (one per distinct target); lookups serve the winner:

1. the highest kind: ``approved`` (a person approved it in a review) beats ``imported`` (read
   from a TMX/XLIFF file in the direction it was written) beats ``derived`` (read from a TMX the
   other way round);
2. then the newest ``changed_at`` (the approval time, or the TMX ``changedate``);
3. then the target text, so the winner never depends on the order files were imported in.

A version that is not served conflicts with the served one when both come at least from an
imported file, unless the served one was approved by a person after the other was stored.
Kept apart from the SQLite code: these are pure rules over `TranslationUnit` values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .schema import KIND_RANK

if TYPE_CHECKING:
    from .store import TranslationUnit

__all__ = ["Conflict", "conflicts_of", "rank_key", "sortable", "winner"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two versions of one source that nobody has decided between yet."""

    source_lang: str
    target_lang: str
    source: str
    served: TranslationUnit  # the version lookups serve now
    other: TranslationUnit  # the version it disagrees with, kept

    def describe(self) -> str:
        """Return one line naming the source, both targets and where each came from."""

        def who(u: TranslationUnit) -> str:
            day = sortable(u.updated_at)[:10] if u.updated_at else ""
            return ", ".join(x for x in (u.kind, u.origin, u.reviewer, day) if x)

        return (
            f"{self.source_lang}→{self.target_lang} „{self.source}“: serving "
            f"„{self.served.target}“ ({who(self.served)}); also „{self.other.target}“ "
            f"({who(self.other)})"
        )


def sortable(stamp: str) -> str:
    """Return `stamp` (ISO 8601 or TMX ``YYYYMMDDThhmmssZ``) in one comparable UTC form."""
    if len(stamp) == 16 and stamp[8] == "T" and stamp.endswith("Z"):
        stamp = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"
        return stamp + ".000000+00:00"
    try:
        parsed = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def rank_key(unit: TranslationUnit) -> tuple[int, str, str]:
    return (KIND_RANK[unit.kind], sortable(unit.updated_at), unit.target)


def winner(units: Sequence[TranslationUnit]) -> TranslationUnit:
    return max(units, key=rank_key)


def conflicts_of(sl: str, tl: str, units: Sequence[TranslationUnit]) -> list[Conflict]:
    served = winner(units)
    found = []
    for other in units:
        if other is served or KIND_RANK[other.kind] < KIND_RANK["imported"]:
            continue
        decided = served.approved and sortable(served.updated_at) > sortable(
            other.created_at or other.updated_at
        )
        if not decided:
            found.append(Conflict(sl, tl, served.source, served, replace(other)))
    return found
