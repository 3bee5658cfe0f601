"""A shared translation server instead of local models: the LibreTranslate HTTP API.

Teams that already run LibreTranslate (which serves the same Argos models) can point dejakit at
it when one machine is not enough. The server pivots through English itself, so the route is one
leg; segments go in batches as ``q`` arrays, n-best lists come from ``alternatives``. Only the
segments travel: memory, cache, glossary checks and outputs stay on the local machine.
"""

from __future__ import annotations

import contextlib
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import EngineError
from .base import Hypothesis, Leg, Progress, Translation

__all__ = ["LibreTranslateEngine", "ServerSettings"]

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

    @property
    def fingerprint(self) -> str:
        """Return the server and pair: a cache entry from another server is not reused."""
        return f"libretranslate:{self.settings.url.rstrip('/')}:{self.source}-{self.target}"

    def translate(
        self, texts: Sequence[str], *, n_best: int = 1, progress: Progress | None = None
    ) -> list[Translation]:
        """Translate `texts` in batched requests; a failed request fails only its batch."""
        out: list[Translation] = []
        step = max(1, self.settings.batch_size)
        for start in range(0, len(texts), step):
            batch = list(texts[start : start + step])
            try:
                out.extend(self._request(batch, n_best))
            except EngineError as exc:
                if start == 0 and not out:
                    raise  # the server can't be used at all: say so once, clearly
                LOGGER.warning("%s", exc)
                out.extend(Translation(error=str(exc)) for _ in batch)
            if progress is not None:
                progress(min(start + step, len(texts)), len(texts))
        return out

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
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = ""
        with contextlib.suppress(ValueError, AttributeError):
            detail = json.loads(exc.read().decode("utf-8")).get("error", "")
        raise EngineError(
            f"{settings.url}: the server answered {exc.code} {detail or exc.reason}"
            + ("; check --api-key" if exc.code in (401, 403) else "")
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EngineError(
            f"{settings.url}: can't reach the translation server ({reason}); check --server, "
            "or translate with local models (--engine argos)"
        ) from None
    except ValueError:
        raise EngineError(f"{settings.url}: the server's answer is not JSON") from None
