"""Loaded first by pytest, which puts this folder on sys.path: shared helpers live in
`seedfiles.py` (the seeds and the hand-made fixtures)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import browser  # noqa: F401 - the headless Chromium fixture, shared

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture(scope="session")
def cjk_font() -> str:
    """A registered CJK font: WenQuanYi Micro Hei (TrueType) if installed, else Adobe's STSong."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if WQY.exists():
        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
        return "WQY"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a real Dask scheduler with one worker process of two threads (a
    LocalCluster, light for a 2-core machine); a task whose worker dies fails at once (no retry
    on another worker). Skipped when the cluster extra is not installed."""
    pytest.importorskip("distributed", reason="pip install 'yusuan[cluster]'")
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address
