"""Build tiny, real Argos Translate packages for dejakit's test suite.

The build lives in the package ``scripts/testmodels/`` (one module per step; see its
``__init__``); this file keeps the command line ``make models`` and the README use:

    .venv/bin/python scripts/build_test_models.py [--steps N] [--output-dir DIR]
"""

import sys

from testmodels.build import main

if __name__ == "__main__":
    sys.exit(main())
