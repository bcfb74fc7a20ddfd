"""Access rules, request size bound and security headers, as one ASGI middleware.

* Reads (GET/HEAD/OPTIONS) are open to loopback clients (with a loopback Host header, against DNS
  rebinding), to anyone when remote reads are allowed, or to a caller with the operator's token.
* Writes need ``Authorization: Bearer <token>``; with no token configured they are refused (403).
* Write bodies are bounded (413 beyond) and read in full before the app sees them.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]

LOOPBACK_CLIENTS = {"127.0.0.1", "::1", "::ffff:127.0.0.1", "localhost"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
READ_METHODS = {"GET", "HEAD", "OPTIONS"}

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


@dataclass
class GuardConfig:
    token: str | None
    allow_remote_reads: bool
    max_body: int
    docs_csp: str = PAGE_CSP  # the /docs page needs its own (Swagger UI from a CDN)


class Guard:
    def __init__(self, app: Callable, config: GuardConfig):
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(scope, send)
        method = scope["method"].upper()
        refusal = self._refusal(scope, method)
        if refusal:
            await _reply(send, *refusal)
            return
        if method not in READ_METHODS:
            body = await _read_bounded(scope, receive, self.config.max_body)
            if body is None:
                await _reply(send, 413, f"request body over {self.config.max_body} bytes")
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope, method: str) -> tuple[int, str, dict[str, str]] | None:
        headers = _headers(scope)
        has_token = self._token_ok(headers.get("authorization", ""))
        if method in READ_METHODS:
            if has_token or self.config.allow_remote_reads or _is_local(scope, headers):
                return None
            return 403, "reads are open to 127.0.0.1 only (set NEWSFUSE_PUBLIC_READS=1 to open them)", {}
        if not self.config.token:
            return 403, "writes are disabled: the operator has not set NEWSFUSE_TOKEN", {}
        if not has_token:
            return 401, "writes need Authorization: Bearer <NEWSFUSE_TOKEN>", {"www-authenticate": "Bearer"}
        return None

    def _token_ok(self, authorization: str) -> bool:
        if not self.config.token or not authorization.lower().startswith("bearer "):
            return False
        given = authorization[7:].strip().encode()
        return hmac.compare_digest(given, self.config.token.encode())

    def _with_headers(self, scope: Scope, send: Send) -> Send:
        csp = self.config.docs_csp if scope["path"] in ("/docs", "/redoc") else PAGE_CSP
        extra = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"vary", b"Accept"),
        ]

        async def wrapped(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in extra if h[0] not in names]
            await send(message)

        return wrapped


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _is_local(scope: Scope, headers: dict[str, str]) -> bool:
    client = scope.get("client")
    if not client or client[0] not in LOOPBACK_CLIENTS:
        return False
    host = headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in LOOPBACK_HOSTS


async def _read_bounded(scope: Scope, receive: Receive, limit: int) -> bytes | None:
    declared = _headers(scope).get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes, original: Receive) -> Receive:
    """The buffered body first, then whatever the client sends next (its disconnect)."""
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


async def _reply(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
