"""The narrative's clean-up: `clean` leaves a line it has nothing to change in as it is, and the
paragraphs read each line's cleaned text (worked out once, kept for the lines after it)."""

from __future__ import annotations

from yusuan.model import Line, Source
from yusuan.recognise.narrative.paragraphs import build_paragraphs
from yusuan.recognise.narrative.text import _CLEAN, clean


def test_clean_changes_every_character_of_its_table_and_nothing_else() -> None:
    for code in _CLEAN:
        text = f"预算{chr(code)}数12.5万元\r\n"
        assert clean(text) == text.rstrip("\r\n").translate(_CLEAN), hex(code)
    plain = "一般公共预算支出预算456万元。\t合计 (1)"
    assert clean(plain + "\n") == plain
    assert clean(plain) is plain


def test_paragraphs_read_each_line_cleaned_in_its_place() -> None:
    texts = ["一、收支預算總體情況", "一般公共預算支出預算", "456", "萬元，比上年增加", "12.30",
             "万元。", "", "二、機關運行經費", "機關運行經費８．５萬元。"]
    source = Source("x.txt", "text", "", [Line(n, t) for n, t in enumerate(texts, start=1)])
    cleaned = Source("y.txt", "text", "", [Line(n, clean(t)) for n, t in enumerate(texts, start=1)])
    built = [(p.text, list(p.lines), p.heading) for p in build_paragraphs(source)]
    assert built == [(p.text, list(p.lines), p.heading) for p in build_paragraphs(cleaned)]
    assert [text for text, _, _ in built] == [
        "一、收支预算总体情况", "一般公共预算支出预算456万元，比上年增加12.30万元。",
        "二、机关运行经费", "机关运行经费8.5万元。"]
