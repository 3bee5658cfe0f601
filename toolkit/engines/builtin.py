"""Constructors of the engines dejakit ships, as the registry names them.

Each imports its engine only when called: choosing ``--engine none`` never loads CTranslate2.
"""

from __future__ import annotations

import logging

from .base import Engine
from .registry import EngineOptions

__all__ = ["build_argos", "build_auto", "build_libretranslate", "build_none"]

LOGGER = logging.getLogger(__name__)


def build_none(options: EngineOptions, source: str, target: str) -> Engine | None:
    """Return no engine: translate from the memory only."""
    return None


def build_argos(options: EngineOptions, source: str, target: str) -> Engine | None:
    """Return the local Argos engine, raising `EngineError` when models for the route lack."""
    from .argos import ArgosEngine, EngineSettings

    argos = ArgosEngine(
        EngineSettings(
            beam_size=options.beam_size,
            device=options.device,
            compute_type=options.compute_type,
            intra_threads=options.threads,
        )
    )
    argos.route(source, target)  # raises EngineError naming what is missing
    return argos


def build_auto(options: EngineOptions, source: str, target: str) -> Engine | None:
    """Return the Argos engine when models cover the route, else None (memory only)."""
    from .argos import ArgosEngine

    if not ArgosEngine().available(source, target):
        LOGGER.info("no Argos models for %s→%s; translating from memory only", source, target)
        return None
    return build_argos(options, source, target)


def build_libretranslate(options: EngineOptions, source: str, target: str) -> Engine | None:
    """Return a LibreTranslate server engine, checked to serve the route."""
    from ..errors import ConfigError
    from .libretranslate import LibreTranslateEngine, ServerSettings

    if not options.server:
        raise ConfigError(
            "--engine libretranslate needs a server; give --server URL "
            "or set DEJAKIT_LIBRETRANSLATE_URL"
        )
    remote = LibreTranslateEngine(ServerSettings(url=options.server, api_key=options.api_key))
    remote.route(source, target)  # raises EngineError when unreachable or lacking the pair
    return remote
