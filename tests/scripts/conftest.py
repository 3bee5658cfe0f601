"""Tests of the project's scripts: `scripts/` goes on the import path (it is not a package)."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))
