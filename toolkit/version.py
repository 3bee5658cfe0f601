"""The package version: a bottom-layer module any layer may import (hatch reads it too)."""

__version__ = "0.1.0"
