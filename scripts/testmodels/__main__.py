"""``python -m testmodels`` (with ``scripts/`` on the path) runs the build."""

import sys

from .build import main

sys.exit(main())
