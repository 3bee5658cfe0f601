"""A shared translation server instead of local models: the LibreTranslate HTTP API.

Teams that already run LibreTranslate (which serves the same Argos models) can point dejakit at
it when one machine is not enough. The server pivots through English itself, so the route is one
leg; segments go in batches as ``q`` arrays, n-best lists come from ``alternatives``. Only the
segments travel: memory, cache, glossary checks and outputs stay on the local machine.
"""

from __future__ import annotations

import html
import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import EngineError
from .base import Hypothesis, Leg, Progress, Translation

__all__ = ["LibreTranslateEngine", "ServerSettings", "server_message"]

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Where the server is and how to talk to it."""

    url: str
    api_key: str = ""
    batch_size: int = 64  # texts per request
    timeout: float = 120.0


class LibreTranslateLeg:
    """The server translating one language pair (it pivots through English itself)."""

    def __init__(self, settings: ServerSettings, source: str, target: str) -> None:
        self.settings = settings
        self.source = source
        self.target = target
        self._answered = False  # did any request of the current job succeed?

    @property
    def fingerprint(self) -> str:
        """Return the server and pair: a cache entry from another server is not reused."""
        return f"libretranslate:{self.settings.url.rstrip('/')}:{self.source}-{self.target}"

    def translate(
        self, texts: Sequence[str], *, n_best: int = 1, progress: Progress | None = None
    ) -> list[Translation]:
        """Translate `texts` in batched requests; a failed request fails only its texts.

        A batch the server refuses (an HTTP error about its content) is retried in halves down
        to single texts, so one text the server can't handle fails alone. When the server
        can't be reached, refuses the key, or fails every text, the job stops with its reason.
        """
        out: list[Translation] = []
        step = max(1, self.settings.batch_size)
        self._answered = False
        first_error: EngineError | None = None
        for start in range(0, len(texts), step):
            batch = list(texts[start : start + step])
            results = self._bisect(batch, n_best)
            for result in results:
                if result.failed and first_error is None:
                    first_error = EngineError(result.error)
            out.extend(results)
            if progress is not None:
                progress(min(start + step, len(texts)), len(texts))
        if first_error is not None and not self._answered:
            raise first_error  # the server can't be used at all: say so once, clearly
        return out

    def _bisect(self, batch: list[str], n_best: int) -> list[Translation]:
        try:
            results = self._request(batch, n_best)
        except _ContentError as exc:
            if len(batch) == 1:
                LOGGER.warning("%s", exc)
                return [Translation(error=str(exc))]
            half = len(batch) // 2
            return self._bisect(batch[:half], n_best) + self._bisect(batch[half:], n_best)
        self._answered = True
        return results

    def _request(self, batch: list[str], n_best: int) -> list[Translation]:
        payload: dict[str, Any] = {
            "q": batch,
            "source": self.source,
            "target": self.target,
            "format": "text",
        }
        if n_best > 1:
            payload["alternatives"] = n_best - 1
        if self.settings.api_key:
            payload["api_key"] = self.settings.api_key
        data = _post(self.settings, "/translate", payload)
        texts = data.get("translatedText")
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or len(texts) != len(batch):
            raise EngineError(
                f"{self.settings.url}: unexpected answer from the server (translatedText); "
                "is it a LibreTranslate server?"
            )
        alternatives = data.get("alternatives") or [[] for _ in batch]
        results = []
        for text, alts in zip(texts, alternatives, strict=False):
            options = [str(text), *(str(a) for a in alts or [])]
            results.append(
                Translation(tuple(Hypothesis(o, -float(rank)) for rank, o in enumerate(options)))
            )
        return results


class _ContentError(EngineError):
    """The server answered, but refused or failed this request (not the connection)."""


class LibreTranslateEngine:
    """Routes over a LibreTranslate server."""

    name = "libretranslate"

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings

    def route(self, source: str, target: str) -> list[Leg]:
        """Return the one leg the server offers for `source`→`target` (EngineError if none)."""
        languages = _get(self.settings, "/languages")
        pairs = {
            (str(lang.get("code")), str(target_code))
            for lang in languages
            if isinstance(lang, dict)
            for target_code in lang.get("targets", [])
        }
        if (source, target) not in pairs:
            raise EngineError(
                f"{self.settings.url}: the server does not offer {source}→{target}; "
                "install the de↔en and en↔ja Argos models on the server"
            )
        return [LibreTranslateLeg(self.settings, source, target)]


def _post(settings: ServerSettings, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        settings.url.rstrip("/") + path,
        data=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    answer = _send(settings, request)
    if not isinstance(answer, dict):
        raise EngineError(f"{settings.url}: unexpected answer from the server")
    return answer


def _get(settings: ServerSettings, path: str) -> list[Any]:
    request = urllib.request.Request(
        settings.url.rstrip("/") + path, headers={"Accept": "application/json"}
    )
    answer = _send(settings, request)
    if not isinstance(answer, list):
        raise EngineError(f"{settings.url}: unexpected answer from {path}; is it LibreTranslate?")
    return answer


def _send(settings: ServerSettings, request: urllib.request.Request) -> Any:
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            return json.loads(response.read(_MAX_ANSWER).decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = server_message(_read_body(exc)) or str(exc.reason or "")
        message = f"{settings.url}: the server answered {exc.code} {detail}"
        if exc.code in (401, 403):
            raise EngineError(message + "; check --api-key") from None
        if exc.code in (404, 405):
            raise EngineError(message + "; is --server the LibreTranslate address?") from None
        raise _ContentError(message) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EngineError(
            f"{settings.url}: can't reach the translation server ({reason}); check --server, "
            "or translate with local models (--engine argos)"
        ) from None
    except ValueError:
        raise EngineError(f"{settings.url}: the server's answer is not JSON") from None


_MAX_ANSWER = 64 * 1024 * 1024  # a translation answer is never bigger; a stuck stream is cut
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)


def _read_body(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read(64 * 1024).decode("utf-8", "replace")
    except (OSError, AttributeError, ValueError):
        return ""


def server_message(body: str, limit: int = 300) -> str:
    """Return the server's own explanation in an error `body` (JSON, HTML or plain text).

    LibreTranslate answers ``{"error": "..."}``; a proxy or a crashed worker answers an
    HTML page or plain text: its visible text is the message. Cut to `limit` characters.
    """
    body = body.strip()
    if not body:
        return ""
    text = ""
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in ("error", "message", "detail", "description"):
            if data.get(key):
                value = data[key]
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                break
        else:
            text = json.dumps(data, ensure_ascii=False)
    elif isinstance(data, str):
        text = data
    else:
        text = html.unescape(_TAG.sub(" ", body))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
