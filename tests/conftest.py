"""Loaded first by pytest, which puts this folder on sys.path: shared helpers live in
`seedfiles.py` (the seeds and the hand-made fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
