"""The translation memory: versioned approved translations, review records, fuzzy matches.

`store` holds the versions and the rules for which one is served; `schema` the tables and the
migrations; `fuzzy` the near matches; `reviews` what was sent out for review and what came back.
"""

from __future__ import annotations

from . import store
from .fuzzy import FUZZY_THRESHOLD, suggest
from .schema import SCHEMA_VERSION
from .store import *  # noqa: F403 -- the store's public names, listed once in store.__all__

__all__ = ["FUZZY_THRESHOLD", "SCHEMA_VERSION", "suggest"]
__all__ += store.__all__
