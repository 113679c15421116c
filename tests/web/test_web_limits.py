"""Per-client limits: uploads and requests per minute (429 beyond, other clients unaffected),
a chunked upload past the size limit refused while it streams (413), a stalled body (408),
and slow-header connections (slowloris) that do not lock a normal client out."""

from __future__ import annotations

import contextlib
import http.client
import resource
import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from web_server import SEED, Server, get, start_server, stop_server, upload

BIG = 64 * 1024 * 1024
CHUNK = 64 * 1024


def limited_server(tmp_path: Path, **env: str) -> Server:
    settings = {f"YUSUAN_{name.upper()}": value for name, value in env.items()}
    return start_server(tmp_path / "data", tmp_path / "server.log", env=settings)


@pytest.fixture
def seed() -> bytes:
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    return SEED.read_bytes()


@pytest.fixture
def limited(tmp_path: Path, seed: bytes) -> Iterator[Server]:
    server = limited_server(tmp_path, uploads_per_minute="3", requests_per_minute="40",
                            max_request_mb="2", body_timeout_seconds="2", header_timeout_seconds="2",
                            connections_per_ip="16")
    yield server
    stop_server(server)


def address(server: Server) -> tuple[str, int]:
    parts = urlsplit(server.url)
    return str(parts.hostname), int(parts.port or 80)


def get_from(server: Server, source: str, path: str) -> int:
    """GET `path` from another loopback address (another client, as the server sees it)."""
    host, port = address(server)
    connection = http.client.HTTPConnection(host, port, timeout=10, source_address=(source, 0))
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def test_uploads_and_requests_per_minute(limited: Server, seed: bytes) -> None:
    statuses = [upload(f"{limited.url}/api/check", [(f"{i}.txt", seed)])[0] for i in range(4)]
    assert statuses[:3] == [202, 202, 202] or all(s in (200, 202) for s in statuses[:3])
    status, headers, body = upload(f"{limited.url}/api/check", [("more.txt", seed)])
    assert status == 429 and int(headers["retry-after"]) > 0
    assert "请求过于频繁" in body.decode()
    assert get(limited.url + "/")[0] == 200
    codes = [get(limited.url + "/healthz")[0] for _ in range(40)]
    assert codes[-1] == 429 and codes[0] == 200
    assert get_from(limited, "127.0.0.2", "/healthz") == 200


def send_chunked(server: Server, total: int) -> tuple[int, bytes]:
    """Stream a multipart upload of `total` bytes in chunks; how much went before the answer."""
    sock = socket.create_connection(address(server), timeout=30)
    sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n"
                 b"Content-Type: multipart/form-data; boundary=BOUNDARY\r\n\r\n")
    head = (b'--BOUNDARY\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n")
    sent, answer = 0, b""
    try:
        sock.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        data = b"%x\r\n%s\r\n" % (CHUNK, b"1" * CHUNK)
        while sent < total and not select.select([sock], [], [], 0)[0]:
            sock.sendall(data)
            sent += CHUNK
    except OSError:  # the server closed the connection: its answer is still there to read
        pass
    try:
        answer = sock.recv(65536)
    except OSError:
        pass
    finally:
        sock.close()
    return sent, answer


def test_a_chunked_upload_past_the_limit_is_refused_while_streaming(limited: Server) -> None:
    sent, answer = send_chunked(limited, BIG)
    assert sent < BIG // 4, f"the server read {sent} bytes before refusing"
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert not list((limited.data_dir / "incoming").iterdir())
    assert get(limited.url + "/healthz")[0] == 200


def test_a_stalled_body_times_out(limited: Server) -> None:
    sock = socket.create_connection(address(limited), timeout=30)
    started = time.monotonic()
    try:
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n"
                     b"Content-Type: multipart/form-data; boundary=B\r\n\r\n--B\r\n")
        answer = sock.recv(65536)
    finally:
        sock.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert time.monotonic() - started < 20


def slow_connections(server: Server, count: int) -> list[socket.socket]:
    """`count` connections from 127.0.0.2 that start a request and never finish its headers."""
    opened = []
    for _ in range(count):
        sock = socket.socket()
        sock.bind(("127.0.0.2", 0))
        sock.settimeout(5)
        try:
            sock.connect(address(server))
            sock.sendall(b"GET / HTTP/1.1\r\nHost: test\r\n")
        except OSError:
            sock.close()
            continue
        opened.append(sock)
    return opened


def closed_by_server(sock: socket.socket) -> bool:
    try:
        return sock.recv(1024) == b""
    except OSError:
        return True


def test_slow_clients_do_not_lock_others_out(limited: Server) -> None:
    resource.prlimit(limited.process.pid, resource.RLIMIT_NOFILE, (160, 160))
    slow = slow_connections(limited, 300)
    try:
        for sock in slow[:50]:
            with contextlib.suppress(OSError):
                sock.sendall(b"X-Slow: 1\r\n")
        started = time.monotonic()
        assert get(limited.url + "/healthz")[0] == 200
        assert get_from(limited, "127.0.0.3", "/healthz") == 200
        assert time.monotonic() - started < 15  # a guard against a hang, generous on a busy machine
        time.sleep(3)
        assert all(closed_by_server(sock) for sock in slow)
    finally:
        for sock in slow:
            sock.close()
    assert get(limited.url + "/healthz")[0] == 200
