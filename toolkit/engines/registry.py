"""The engines dejakit translates with, by name: the extension point for new engines.

An engine is one `EngineEntry`: a name (what ``--engine`` takes), one line of help, and where
its constructor lives (``"module:function"``, imported only when that engine is chosen, so the
command line stays fast). The constructor takes the shared `EngineOptions` and the route and
returns an `Engine`, or None to translate from the memory alone. Adding an engine is one new
module with such a constructor and one line in `_BUILTIN` (or a `register_engine` call).

    engine = make_engine("argos", "de", "ja", EngineOptions(beam_size=4))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ConfigError
from ..registry import Registry, load
from .base import Engine

__all__ = [
    "ENGINES",
    "EngineEntry",
    "EngineOptions",
    "engine_entries",
    "engine_names",
    "make_engine",
    "register_engine",
]


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """The settings any engine may read; each takes what applies to it."""

    beam_size: int = 4
    device: str = "auto"  # auto | cpu | cuda
    compute_type: str = "auto"
    threads: int = 0  # 0: the engine picks
    server: str | None = None  # URL of a translation server
    api_key: str = ""


Build = Callable[[EngineOptions, str, str], "Engine | None"]


@dataclass(frozen=True, slots=True)
class EngineEntry:
    """One engine: its name, a line of help, and its constructor as ``module:function``."""

    name: str
    help: str
    build: str


_BUILTIN = (
    EngineEntry(
        "auto",
        "Argos models when installed for the route, else the memory only",
        "toolkit.engines.builtin:build_auto",
    ),
    EngineEntry("argos", "local Argos models (required)", "toolkit.engines.builtin:build_argos"),
    EngineEntry(
        "libretranslate",
        "a shared LibreTranslate server (--server URL)",
        "toolkit.engines.builtin:build_libretranslate",
    ),
    EngineEntry("none", "the memory only", "toolkit.engines.builtin:build_none"),
)

ENGINES: Registry[EngineEntry] = Registry(_BUILTIN)
register_engine = ENGINES.register
engine_names = ENGINES.names  # what --engine accepts, in registration order
engine_entries = ENGINES.entries


def make_engine(name: str, source: str, target: str, options: EngineOptions) -> Engine | None:
    """Return the engine `name` for `source`→`target`, or None to use the memory only.

    Raises `ConfigError` for an unknown name and whatever the engine raises (`EngineError`)
    when it can't serve the route.
    """
    entry = ENGINES.get(name)
    if entry is None:
        raise ConfigError(f"unknown engine {name!r}; use one of {', '.join(engine_names())}")
    build: Build = load(entry.build)
    return build(options, source, target)
