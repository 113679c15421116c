"""A generated disclosure written as a real PDF with a wrong figure in its 情况说明, for the
tests of the pages as evidence (boxes, the HTML pages panel, the annotated PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

WRONG_NARRATIVE = ("公用经费57.09万元，主要用于", "公用经费59.09万元，主要用于")


@pytest.fixture(scope="session")
def wrong_pdf(tmp_path_factory: pytest.TempPathFactory, cjk_font: str) -> Path:
    """The culture bureau's budget as a PDF whose narrative says 公用经费 59.09 where the
    tables hold 57.09: NARRATIVE.TABLE cites the narrative line and the table's 合计 row."""
    from docbuilder import culture_bureau, render
    from pdfrender import text_to_pdf

    text = render(culture_bureau())
    old, new = WRONG_NARRATIVE
    assert old in text
    path = tmp_path_factory.mktemp("pages") / "wrong_narrative.pdf"
    text_to_pdf(text.replace(old, new, 1), path, cjk_font)
    return path
