"""The door of the local service. Every refusal happens here, before any route or JSON parser runs.

Localhost companion servers are a long-running target for ordinary web pages (DNS rebinding, form posts
smuggling JSON as text/plain, CORS wildcards). In order, a request must:
1. name this service exactly in ``Host`` (a rebinding page's name never matches);
2. come from an allowed extension ``Origin``, or from no browser at all (no ``Origin``);
3. carry a valid pairing token, unless it is pairing itself: without one, every path, method and
   unknown URL gets the same bare 401 (no product name, no version), and repeated failures get 429. The
   token is checked first and a valid one is always served: failures are counted per caller (callers.py),
   so nobody can lock a paired browser out by failing on purpose. Pairing requests are limited per caller too;
4. for a body: be ``application/json`` (checked before reading), within the size limit (declared or
   streamed), valid UTF-8, plain JSON (no NaN, no duplicate keys, not absurdly nested).
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from typing import Any

from clientsafe.api import callers, strict_json
from clientsafe.api.config import ServiceConfig
from clientsafe.api.connection_limits import CONNECTION_KEY, ConnectionMark
from clientsafe.api.tokens import TokenStore
from clientsafe.secret_store import KeyringUnavailable

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds (sliding)."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self.events: deque[float] = deque()

    def _trim(self) -> None:
        now = time.monotonic()
        while self.events and now - self.events[0] > self.window:
            self.events.popleft()

    def exceeded(self) -> bool:
        self._trim()
        return len(self.events) >= self.limit

    def hit(self) -> None:
        self.events.append(time.monotonic())

    def retry_after(self) -> int:
        """Whole seconds until one more event fits in the window (for a ``Retry-After`` header)."""
        self._trim()
        if len(self.events) < self.limit or not self.events:
            return 0
        return max(1, math.ceil(self.window - (time.monotonic() - self.events[0])))


class PerCaller:
    """A RateLimiter for each caller, for at most ``size`` callers: the least recently seen is forgotten
    first. Callers are OS users or allowed origins (callers.py), so a handful in practice."""

    def __init__(self, limit: int, size: int = 256) -> None:
        self.limit, self.size = limit, size
        self.limiters: OrderedDict[str, RateLimiter] = OrderedDict()

    def get(self, key: str) -> RateLimiter:
        limiter = self.limiters.get(key)
        if limiter is None:
            limiter = self.limiters[key] = RateLimiter(self.limit)
            while len(self.limiters) > self.size:
                self.limiters.popitem(last=False)
        self.limiters.move_to_end(key)
        return limiter


async def _respond(
    send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"cache-control", b"no-store"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def _too_many(limiter: RateLimiter) -> list[tuple[bytes, bytes]]:
    return [(b"retry-after", str(limiter.retry_after()).encode())]


def _caller(scope: Scope, origin: str | None) -> str:
    """This request's caller (callers.py); the OS user is looked up once per connection."""
    mark = scope.get("state", {}).get(CONNECTION_KEY)
    if not isinstance(mark, ConnectionMark):  # not on our protocol (an in-process test client)
        return callers.caller_key(callers.peer_uid(scope.get("client"), scope.get("server")), origin)
    if not mark.peer_uid_known:
        mark.peer_uid = callers.peer_uid(scope.get("client"), scope.get("server"))
        mark.peer_uid_known = True
    return callers.caller_key(mark.peer_uid, origin)


def _is_public(method: str, path: str) -> bool:
    # Pairing is the one door open without a token: asking, and polling with the secret pairing id.
    return (method == "POST" and path == "/v1/pair") or (method == "GET" and path.startswith("/v1/pair/"))


class Guard:
    def __init__(self, app: Any, config: ServiceConfig, tokens: TokenStore) -> None:
        self.app = app
        self.config = config
        self.tokens = tokens
        self.auth_failures = PerCaller(config.auth_failures_per_minute)
        self.pair_requests = PerCaller(config.pair_requests_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return await self.app(scope, receive, send)
        if scope["type"] != "http":  # websockets: never
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return None
        headers: dict[str, str] = {}
        for key, value in scope["headers"]:
            name = key.decode("latin-1").lower()
            if name in headers and name in {"host", "origin", "authorization", "content-type", "content-length"}:
                return await _respond(send, 400, {"error": "bad_request"})  # smuggling attempts
            headers[name] = value.decode("latin-1")
        method, path = scope["method"], scope["path"]

        if headers.get("host") not in self.config.allowed_hosts():
            return await _respond(send, 403, {"error": "forbidden"})
        origin = headers.get("origin")
        if origin is not None and origin not in self.config.allowed_origins:
            return await _respond(send, 403, {"error": "forbidden"})
        cors = [(b"access-control-allow-origin", origin.encode()), (b"vary", b"Origin")] if origin else []

        if method == "OPTIONS" and origin:  # CORS preflight from the extension itself
            return await _respond(
                send,
                204,
                {},
                [
                    *cors,
                    (b"access-control-allow-methods", b"GET, POST"),
                    (b"access-control-allow-headers", b"authorization, content-type"),
                    (b"access-control-max-age", b"600"),
                ],
            )

        if _is_public(method, path):
            if method == "POST":
                caller = _caller(scope, origin)
                limiter = self.pair_requests.get(caller)
                if limiter.exceeded():
                    return await _respond(send, 429, {"error": "too_many_requests"}, cors + _too_many(limiter))
                limiter.hit()
                scope.setdefault("state", {})["caller"] = caller  # waiting requests are capped per caller too
        else:
            # The token first: a valid one is served whatever anyone else has failed (per-caller limits below).
            auth = headers.get("authorization", "")
            token = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
            try:
                browser = self.tokens.verify(token) if token else None
            except KeyringUnavailable:
                # The keyring fails (locked?): this browser may well be paired, and "unauthorized" would make the
                # extension ask to pair again. Not a failed token either. TokenStore retries every 2 seconds.
                return await _respond(send, 503, {"error": "keyring_unavailable"}, [(b"retry-after", b"2")])
            if browser is None:
                limiter = self.auth_failures.get(_caller(scope, origin))
                if limiter.exceeded():
                    return await _respond(send, 429, {"error": "too_many_requests"}, _too_many(limiter))
                limiter.hit()
                return await _respond(send, 401, {"error": "unauthorized"})
            state = scope.setdefault("state", {})
            state["browser"] = browser
            mark = state.get(CONNECTION_KEY)
            if isinstance(mark, ConnectionMark):
                mark.authenticated = True  # kept open when connections run short (connection_limits.py)

        # Every call is a GET or a POST: any other method is 405 here, before the body rules (a DELETE with no
        # body would otherwise be told to send JSON, as if the call existed).
        if method not in {"GET", "POST", "HEAD", "OPTIONS"}:
            return await _respond(send, 405, {"error": "method_not_allowed"}, cors)

        if method == "POST":
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                return await _respond(
                    send, 415, {"error": "unsupported_media_type", "detail": "send the body as application/json"}, cors
                )
            too_large = {"error": "too_large", "detail": f"bodies are limited to {self.config.max_body_bytes} bytes"}
            declared = headers.get("content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.config.max_body_bytes):
                return await _respond(send, 413, too_large, cors)
            body = bytearray()
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                body += message.get("body", b"")
                if len(body) > self.config.max_body_bytes:
                    return await _respond(send, 413, too_large, cors)
                if not message.get("more_body"):
                    break
            try:
                strict_json.parse(bytes(body))
            except strict_json.JsonRefused as e:
                return await _respond(send, 400, {"error": "bad_request", "detail": str(e)}, cors)
            replayed = False

            async def replay() -> dict[str, Any]:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": bytes(body), "more_body": False}
                return await receive()

            receive = replay

        async def send_with_cors(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                # Drop any CORS header the app might set and add ours: only ever the exact extension origin.
                kept = [(k, v) for k, v in message.get("headers", []) if not k.lower().startswith(b"access-control-")]
                message = {**message, "headers": kept + cors + [(b"cache-control", b"no-store")]}
            await send(message)

        return await self.app(scope, receive, send_with_cors)
