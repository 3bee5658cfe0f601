"""The web page: translate, review and print in a browser, a thin client of the toolkit's API.

``dejakit serve`` runs it on http://127.0.0.1:8765. Starlette serves server-rendered Jinja2
pages (they work without JavaScript; a small script polls job progress); every action calls
the same functions as the command line, on the same memory, glossaries and outputs. Importing
this package loads Starlette: the command line imports it only inside ``dejakit serve``.
"""

from __future__ import annotations

from .security import Access, is_loopback, load_access
from .server import WebApp, WebConfig, create_app

__all__ = ["Access", "WebApp", "WebConfig", "create_app", "is_loopback", "load_access"]
