"""The enforcement tests' glossary, for the QA tests."""

from tests.terms.conftest import glossary

__all__ = ["glossary"]
