"""A real uvicorn server for the web tests, started once on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_server import SEED, Server, start_server, stop_server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    root = tmp_path_factory.mktemp("web")
    running = start_server(root / "data", root / "server.log")
    yield running
    stop_server(running)
