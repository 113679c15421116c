"""Run the web app with uvicorn, guarded against slow and crowding clients.

Each connection must finish a request's headers within `header_timeout_seconds` (at the
start and after every response), one client address holds at most `connections_per_ip`
connections at once, and the server at most `max_connections` (503 beyond). Without a token
the server listens on the loopback address only and says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import sys
from collections import Counter

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from yusuan.web.app import create_app
from yusuan.web.settings import Settings, is_loopback

SHORT_TOKEN = 16
MAX_OPEN_FILES = 65536


def guarded_protocol(settings: Settings) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a header deadline and a per-address connection cap."""
    open_per_client: Counter[str] = Counter()

    class GuardedH11Protocol(H11Protocol):
        header_timer: asyncio.TimerHandle | None = None
        counted: str | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            client = self.client[0] if self.client else "-"
            if open_per_client[client] >= settings.connections_per_ip:
                transport.close()
                return
            open_per_client[client] += 1
            self.counted = client
            self.arm_header_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self.cancel_header_timer()
            if self.counted is not None:
                open_per_client[self.counted] -= 1
                if open_per_client[self.counted] <= 0:
                    del open_per_client[self.counted]
                self.counted = None
            super().connection_lost(exc)

        def handle_events(self) -> None:
            cycle = self.cycle
            super().handle_events()
            if self.cycle is not cycle:
                self.cancel_header_timer()

        def on_response_complete(self) -> None:
            self.arm_header_timer()
            super().on_response_complete()

        def arm_header_timer(self) -> None:
            self.cancel_header_timer()
            self.header_timer = self.loop.call_later(settings.header_timeout_seconds, self.headers_too_slow)

        def cancel_header_timer(self) -> None:
            if self.header_timer is not None:
                self.header_timer.cancel()
                self.header_timer = None

        def headers_too_slow(self) -> None:
            self.header_timer = None
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedH11Protocol


def startup_warnings(settings: Settings) -> list[str]:
    if not settings.token:
        words = [("yusuan serve：没有设置访问令牌（--token 或环境变量 YUSUAN_TOKEN），"
                  f"只在本机地址 {settings.bind_host()} 上提供服务，本机的任何用户都能查看上传的文件。")]
        if not is_loopback(settings.host):
            words.append(f"yusuan serve：要让其他电脑访问（--host {settings.host}），请先设置访问令牌。")
        return words
    if len(settings.token) < SHORT_TOKEN:
        return [f"yusuan serve：访问令牌不足 {SHORT_TOKEN} 个字符，容易被猜中，建议换一个更长的随机令牌。"]
    return []


def more_open_files() -> None:
    """Raise the soft limit of open files to the hard one: connections are files."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = MAX_OPEN_FILES if hard == resource.RLIM_INFINITY else min(hard, MAX_OPEN_FILES)
    if soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def serve(settings: Settings) -> None:
    for warning in startup_warnings(settings):
        sys.stderr.write(warning + "\n")
    sys.stderr.flush()
    os.umask(0o077)
    more_open_files()
    config = uvicorn.Config(create_app(settings), host=settings.bind_host(), port=settings.port,
                            log_level="info", http=guarded_protocol(settings),
                            limit_concurrency=settings.max_connections, timeout_keep_alive=5,
                            h11_max_incomplete_event_size=16 * 1024)
    uvicorn.Server(config).run()
