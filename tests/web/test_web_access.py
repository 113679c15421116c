"""Access: with a token every page and API request needs it (Bearer for the API, a cookie
after one login for the browser); without one the server listens on 127.0.0.1 only and says
so; uploads and reports are stored readable by the server's user only."""

from __future__ import annotations

import json
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from web_server import SEED, Server, free_port, get, multipart, request, start_server, stop_server

from yusuan.web.settings import Settings

TOKEN = "s3cret-token-for-the-tests-0123456789"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    root = tmp_path_factory.mktemp("guarded")
    server = start_server(root / "data", root / "server.log", args=("--token", TOKEN))
    yield server
    stop_server(server)


def post_files(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    body, content_type = multipart([(SEED.name, SEED.read_bytes())])
    return request("POST", url, body, {"Content-Type": content_type, **(headers or {})})


def cookie_of(headers: dict[str, str]) -> str:
    header = {k.lower(): v for k, v in headers.items()}["set-cookie"]
    assert "httponly" in header.lower() and "samesite=strict" in header.lower()
    return header.split(";")[0]


def test_every_request_without_the_token_is_refused(guarded: Server) -> None:
    for path in ("/", "/jobs?ids=" + "0" * 32, "/jobs/" + "0" * 32, "/openapi.json",
                 "/api/jobs/" + "0" * 32, "/api/jobs/" + "0" * 32 + "/result", "/?token=wrong"):
        status, headers, body = get(guarded.url + path)
        assert status == 401, path
        if path.startswith(("/api/", "/openapi")):
            assert json.loads(body)["status"] == 401 and headers["www-authenticate"] == "Bearer"
        else:
            assert b'id="login-form"' in body and TOKEN.encode() not in body
    for path in ("/api/check?wait=10", "/upload"):
        status, _headers, _body = post_files(guarded.url + path)
        assert status == 401, path
    status, _headers, _body = post_files(guarded.url + "/api/check", {"Authorization": "Bearer wrong"})
    assert status == 401
    assert get(guarded.url + "/healthz")[0] == 200
    assert not list((guarded.data_dir / "jobs").iterdir())


def test_the_api_takes_a_bearer_token(guarded: Server) -> None:
    status, _headers, body = post_files(guarded.url + "/api/check?wait=60", BEARER)
    assert status == 200, body
    job = json.loads(body)["jobs"][0]
    assert job["state"] == "done"
    status, _headers, body = request("GET", guarded.url + job["links"]["csv"], headers=BEARER)
    assert status == 200 and body.startswith(b"severity,")
    assert get(guarded.url + job["links"]["csv"])[0] == 401


def test_a_browser_logs_in_once_and_keeps_a_cookie(guarded: Server) -> None:
    status, headers, _body = get(f"{guarded.url}/?lang=en&token={TOKEN}")
    assert status == 303 and headers["location"] == "/?lang=en"
    cookie = cookie_of(headers)
    assert TOKEN not in cookie
    status, _headers, page = request("GET", guarded.url + "/", headers={"Cookie": cookie})
    assert status == 200 and b'type="file"' in page
    status, headers, _body = post_files(guarded.url + "/upload", {"Cookie": cookie})
    assert status == 303 and headers["location"].startswith("/jobs/")
    assert request("GET", guarded.url + headers["location"], headers={"Cookie": cookie})[0] == 200


def test_the_login_form(guarded: Server) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _headers, page = request("POST", guarded.url + "/login",
                                     urlencode({"token": "guess", "next": "/jobs"}).encode(), form)
    assert status == 401 and 'id="wrong-token"' in page.decode()
    status, headers, _body = request("POST", guarded.url + "/login",
                                     urlencode({"token": TOKEN, "next": "/jobs"}).encode(), form)
    assert status == 303 and headers["location"] == "/jobs"
    assert request("GET", guarded.url + "/jobs", headers={"Cookie": cookie_of(headers)})[0] == 200
    status, headers, _body = request("POST", guarded.url + "/login",
                                     urlencode({"token": TOKEN, "next": "//evil.example/"}).encode(), form)
    assert status == 303 and headers["location"] == "/"


def test_stored_files_are_the_servers_users_only(guarded: Server) -> None:
    post_files(guarded.url + "/api/check?wait=60", BEARER)
    data = guarded.data_dir
    paths = [data, *data.rglob("*")]
    assert any(path.name == "result.json" for path in paths)
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def outside_address() -> str | None:
    """This machine's address on its network (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))
            address = str(sock.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_without_a_token_only_localhost_with_a_warning(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    port = free_port()
    log = tmp_path / "server.log"
    server = start_server(tmp_path / "data", log, args=("--host", "0.0.0.0"), port=port)
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert "没有设置访问令牌" in text and "127.0.0.1" in text and "--host 0.0.0.0" in text
        assert f"Uvicorn running on http://127.0.0.1:{port}" in text
        assert get(server.url + "/")[0] == 200
        address = outside_address()
        if address:
            with pytest.raises(OSError):
                socket.create_connection((address, port), timeout=3).close()
    finally:
        stop_server(server)


def test_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YUSUAN_TOKEN", TOKEN)
    settings = Settings.from_env(host="0.0.0.0")
    assert settings.token == TOKEN and settings.bind_host() == "0.0.0.0"
    assert TOKEN not in repr(settings)
    assert Settings(host="0.0.0.0").bind_host() == "127.0.0.1"
    assert Settings(host="::1").bind_host() == "::1"
