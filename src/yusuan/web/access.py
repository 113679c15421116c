"""Access: with a token set, every request but /healthz and the login page must carry it.

The API takes `Authorization: Bearer <token>`; a browser logs in once, through the login
form or a link with `?token=`, and then carries a cookie (HttpOnly, SameSite=Strict) that
holds a digest of the token, never the token itself. Without a token the server listens on
the loopback address only (`Settings.bind_host`) and every request is let through.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from yusuan.web.limits import ASGIApp, ErrorResponse, Receive, Scope, Send
from yusuan.web.render import render_page
from yusuan.web.settings import Settings

COOKIE = "yusuan_session"
OPEN_PATHS = ("/healthz", "/login")
router = APIRouter(include_in_schema=False)


def session_value(token: str) -> str:
    """What the cookie holds: a digest of the token (a stolen cookie does not reveal it)."""
    return hmac.new(token.encode(), b"yusuan-session", hashlib.sha256).hexdigest()


def same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def bearer(request: Request) -> str:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def authorised(request: Request, token: str) -> bool:
    return same(bearer(request), token) or same(request.cookies.get(COOKIE, ""), session_value(token))


def local_target(target: str) -> str:
    """`target` if it is a path on this server, else the upload page (no open redirect)."""
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


def with_cookie(response: Response, request: Request, token: str) -> Response:
    response.set_cookie(COOKIE, session_value(token), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return response


def without_token(request: Request) -> str:
    query = [(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k != "token"]
    return request.url.path + (f"?{urlencode(query)}" if query else "")


class TokenAccess:
    """ASGI middleware: 401 for a request without the token (JSON for the API, a login page)."""

    def __init__(self, app: ASGIApp, settings: Settings, error_response: ErrorResponse) -> None:
        self.app = app
        self.token = settings.token
        self.error_response = error_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.token or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.query_params.get("token")
        if given is not None and same(given, self.token) and request.method == "GET":
            redirect = RedirectResponse(without_token(request), status_code=303)
            await with_cookie(redirect, request, self.token)(scope, receive, send)
        elif authorised(request, self.token):
            await self.app(scope, receive, send)
        else:
            await self.refuse(request)(scope, receive, send)

    def refuse(self, request: Request) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return self.error_response(request, 401, "需要访问令牌：请在请求头中加入 Authorization: Bearer <令牌>。",
                                       {"WWW-Authenticate": "Bearer"})
        page = render_page(request, "login.html.j2", target=without_token(request), wrong=False)
        return HTMLResponse(page, status_code=401)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return HTMLResponse(render_page(request, "login.html.j2", target=local_target(next), wrong=False))


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Response:
    expected = request.app.state.settings.token
    if not expected or same(token, expected):
        response = RedirectResponse(local_target(next), status_code=303)
        return with_cookie(response, request, expected) if expected else response
    page = render_page(request, "login.html.j2", target=local_target(next), wrong=True)
    return HTMLResponse(page, status_code=401)
