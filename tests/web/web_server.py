"""A real `yusuan serve` on a free loopback port, and small HTTP helpers (stdlib only)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "001_cef01461b897d751.txt"
MAX_UPLOAD_MB = 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]


def start_server(data_dir: Path, log_path: Path, env: dict[str, str] | None = None,
                 args: tuple[str, ...] = (), port: int | None = None) -> Server:
    """`yusuan serve` in a process of its own; `env` adds YUSUAN_* settings, `args` options."""
    port = port or free_port()
    settings = {"YUSUAN_DATA_DIR": str(data_dir), "YUSUAN_WORKERS": "2",
                "YUSUAN_UPLOADS_PER_MINUTE": "10000", "YUSUAN_REQUESTS_PER_MINUTE": "100000"}
    environment = {k: v for k, v in os.environ.items() if k not in ("YUSUAN_TOKEN",)}
    command = [sys.executable, "-m", "yusuan.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--max-upload-mb", str(MAX_UPLOAD_MB), "--retention-hours", "1", *args]
    log = log_path.open("ab")
    process = subprocess.Popen(command, env={**environment, **settings, **(env or {})}, stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log_path.read_text(errors='replace')}")
        try:
            if get(url + "/healthz")[0] == 200:
                return Server(url, data_dir, process)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start within 30 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(method: str, url: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    return request("GET", url)


def multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, data in files:
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode()
        parts.append(head + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def upload(url: str, files: list[tuple[str, bytes]]) -> tuple[int, dict[str, str], bytes]:
    body, content_type = multipart(files)
    return request("POST", url, body, {"Content-Type": content_type})


def get_json(url: str) -> tuple[int, Any]:
    status, _headers, body = get(url)
    return status, json.loads(body)


def wait_for_job(base: str, job_id: str, seconds: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _status, job = get_json(f"{base}/api/jobs/{job_id}")
        if job["state"] in ("done", "failed"):
            return job  # type: ignore[no-any-return]
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {seconds} s")
