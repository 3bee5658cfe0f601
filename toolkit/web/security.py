"""Who may use the web page, and what a request may bring: sign-in, CSRF, body size, headers.

- Bound to 127.0.0.1 by default; another address needs a token file (one shared token) or a
  users file (``name: token`` per line): then every page asks to sign in first, and the name
  of a signed-in user is the reviewer recorded with each approval.
- Every form carries a CSRF token that must equal the one in the browser's cookie (double
  submit, compared in constant time); a POST without it gets 403.
- Request bodies above the upload limit are cut off with 413 before they are read whole.
- Every response says: no framing, no sniffing, no referrer, scripts and styles only from here.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from .. import ConfigError

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "SESSION_COOKIE",
    "Access",
    "SecurityMiddleware",
    "csrf_ok",
    "is_loopback",
    "load_access",
]

CSRF_COOKIE = "dejakit_csrf"
CSRF_FIELD = "csrf_token"
SESSION_COOKIE = "dejakit_session"
MIN_TOKEN_CHARS = 16
OPEN_PATHS = ("/login", "/static/")

HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'",
    ),
    (b"cache-control", b"no-store"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def is_loopback(host: str) -> bool:
    """Return whether `host` (an address or ``localhost``) is reachable only from this machine."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Access:
    """Who may sign in: token → user name (empty: no sign-in needed), and the open sessions."""

    tokens: dict[str, str] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)

    @property
    def required(self) -> bool:
        """Return whether pages ask to sign in."""
        return bool(self.tokens)

    def sign_in(self, token: str) -> str | None:
        """Return a new session id for `token`, or None when it is not a known token."""
        for known, name in self.tokens.items():
            if hmac.compare_digest(known.encode(), token.strip().encode()):
                session = secrets.token_urlsafe(32)
                self.sessions[session] = name
                return session
        return None

    def user(self, session: str | None) -> str | None:
        """Return the user name of `session` ("" for the shared token), None if unknown."""
        if not self.required:
            return ""
        return self.sessions.get(session or "")

    def bearer(self, token: str) -> str | None:
        """Return the user name of a bearer `token`, None if unknown."""
        for known, name in self.tokens.items():
            if hmac.compare_digest(known.encode(), token.strip().encode()):
                return name
        return None


def _read_secret_file(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"{path}: can't read the {what} ({exc.strerror}); check the path"
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the {what} is not UTF-8 text") from None


def _check_token(token: str, where: str) -> None:
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(
            f"{where}: the token has {len(token)} characters; use at least {MIN_TOKEN_CHARS}, "
            'e.g. python3 -c "import secrets; print(secrets.token_urlsafe(24))"'
        )


def load_access(token_file: Path | None, users_file: Path | None) -> Access:
    """Return who may sign in, from a token file (one line) and/or a users file.

    A users file holds ``name: token`` per line (``#`` starts a comment); the name is the
    reviewer recorded with that user's approvals.
    """
    tokens: dict[str, str] = {}
    if token_file is not None:
        token = _read_secret_file(token_file, "token file").strip()
        _check_token(token, str(token_file))
        tokens[token] = ""
    if users_file is not None:
        text = _read_secret_file(users_file, "users file")
        for lineno, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, token = line.partition(":")
            if not sep or not name.strip():
                raise ConfigError(
                    f"{users_file}:{lineno}: expected 'name: token', e.g. 'Erika Muster: …'"
                )
            _check_token(token.strip(), f"{users_file}:{lineno}")
            tokens[token.strip()] = name.strip()
        if not tokens:
            raise ConfigError(f"{users_file}: no users; add a line 'name: token'")
    return Access(tokens)


def csrf_ok(cookie_token: str | None, form_token: object) -> bool:
    """Return whether a form's CSRF token equals the cookie's (constant-time)."""
    if not cookie_token or not isinstance(form_token, str) or not form_token:
        return False
    return hmac.compare_digest(cookie_token.encode(), form_token.encode())


def _cookies(scope: Scope) -> dict[str, str]:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no cookie
                return {}
            return {k: m.value for k, m in jar.items()}
    return {}


class SecurityMiddleware:
    """Sign-in, CSRF cookie, body size limit and security headers around the app."""

    def __init__(self, app: ASGIApp, *, access: Access, max_body: int) -> None:
        self.app = app
        self.access = access
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = _cookies(scope)
        headers = dict(scope.get("headers", []))
        new_csrf = None if cookies.get(CSRF_COOKIE) else secrets.token_urlsafe(32)
        state = scope.setdefault("state", {})
        state["csrf"] = cookies.get(CSRF_COOKIE) or new_csrf
        user = self.access.user(cookies.get(SESSION_COOKIE))
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if user is None and auth.lower().startswith("bearer "):
            user = self.access.bearer(auth[7:])
        state["user"] = user

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(HEADERS)
                if new_csrf is not None:
                    extra.append(
                        (
                            b"set-cookie",
                            f"{CSRF_COOKIE}={new_csrf}; Path=/; HttpOnly; SameSite=Strict".encode(),
                        )
                    )
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        path = scope.get("path", "/")
        if user is None and not path.startswith(OPEN_PATHS):
            if scope.get("method") == "GET":
                await _plain(send_with_headers, 303, b"", [(b"location", b"/login")])
            else:
                await _plain(send_with_headers, 401, b"sign in first\n")
            return
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _plain(send_with_headers, 413, b"the upload is larger than the limit\n")
            return
        # Read the body first (up to the limit), then replay it: a chunked upload without a
        # length is cut off here too, before the app parses any of it.
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            received += len(chunks[-1])
            if received > self.max_body:
                await _plain(send_with_headers, 413, b"the upload is larger than the limit\n")
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send_with_headers)


async def _plain(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *(headers or [])],
        }
    )
    await send({"type": "http.response.body", "body": body})
