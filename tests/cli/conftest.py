"""The project's tiny Argos packages for the CLI tests."""

from tests.engines.conftest import copy_packages, use_copy

__all__ = ["copy_packages", "use_copy"]
