"""Per-client limits: requests and uploads per minute (429 beyond), the size of a request body
counted while it streams in (413 before it is stored, chunked or not) and how slowly a body
may arrive (408). The slow-header side is in `yusuan.web.server`."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from yusuan.web.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
ErrorResponse = Callable[[Request, int, str, dict[str, str] | None], Response]

UPLOAD_PATHS = ("/upload", "/api/check")
MULTIPART_OVERHEAD = 1024 * 1024
SMALL_BODY = 64 * 1024
WINDOW = 60.0
MAX_CLIENTS = 10_000
CLOSE = {"Connection": "close"}


class SlidingWindow:
    """How many times each client did something in the last minute, up to `per_minute`."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.hits: dict[str, deque[float]] = {}

    def wait(self, client: str, now: float) -> float:
        """0 and counted when the client may go on, else the seconds until it may."""
        if len(self.hits) > MAX_CLIENTS:
            self.forget_idle(now)
        hits = self.hits.setdefault(client, deque())
        while hits and hits[0] <= now - WINDOW:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return hits[0] + WINDOW - now
        hits.append(now)
        return 0.0

    def forget_idle(self, now: float) -> None:
        for client in [c for c, hits in self.hits.items() if not hits or hits[-1] <= now - WINDOW]:
            del self.hits[client]


def client_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "-"


def body_limit(scope: Scope, settings: Settings) -> int:
    if scope["path"] in UPLOAD_PATHS:
        return settings.max_request_bytes + MULTIPART_OVERHEAD
    return SMALL_BODY


class RequestLimits:
    """ASGI middleware: rate limits per client address, then body size and pace."""

    def __init__(self, app: ASGIApp, settings: Settings, error_response: ErrorResponse) -> None:
        self.app = app
        self.settings = settings
        self.error_response = error_response
        self.requests = SlidingWindow(settings.requests_per_minute)
        self.uploads = SlidingWindow(settings.uploads_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, self.guarded(scope, receive), send)

    def refusal(self, scope: Scope) -> Response | None:
        """A response refusing the request before its body is read, or None."""
        client, now = client_of(scope), time.monotonic()
        upload = scope["method"] == "POST" and scope["path"] in UPLOAD_PATHS
        wait = self.requests.wait(client, now) or (self.uploads.wait(client, now) if upload else 0.0)
        if wait:
            seconds = str(max(1, round(wait)))
            return self.respond(scope, 429, f"请求过于频繁，请 {seconds} 秒后再试。",
                                {"Retry-After": seconds})
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > body_limit(scope, self.settings):
            return self.respond(scope, 413, "The upload is larger than the server accepts.", CLOSE)
        return None

    def respond(self, scope: Scope, status: int, message: str, headers: dict[str, str]) -> Response:
        return self.error_response(Request(scope), status, message, headers)

    def guarded(self, scope: Scope, receive: Receive) -> Receive:
        """`receive` that counts the body and gives up on a body too large or too slow."""
        limit = body_limit(scope, self.settings)
        deadline = time.monotonic() + self.settings.upload_seconds
        pause = self.settings.body_timeout_seconds
        state = {"received": 0, "complete": False}

        async def receive_guarded() -> Message:
            if state["complete"]:
                return await receive()
            try:
                wait = max(0.0, min(pause, deadline - time.monotonic()))
                message = await asyncio.wait_for(receive(), wait)
            except TimeoutError:
                raise HTTPException(408, "上传太慢，连接已关闭，请重试。", CLOSE) from None
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                state["complete"] = not message.get("more_body", False)
                if state["received"] > limit:
                    raise HTTPException(413, "The upload is larger than the server accepts.", CLOSE)
            else:
                state["complete"] = True
            return message

        return receive_guarded
