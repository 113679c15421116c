"""Run the web app with uvicorn."""

from __future__ import annotations

import uvicorn

from yusuan.web.app import create_app
from yusuan.web.settings import Settings


def serve(settings: Settings) -> None:
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
