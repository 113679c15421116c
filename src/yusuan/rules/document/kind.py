"""TEXT.KIND_WORD: a budget's headings name it a budget — a heading that says 部门决算 (二、机构
设置及部门决算单位构成) in a 部门预算 was carried over from the other kind of disclosure."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import BUDGET_KINDS, make_finding, rule
from yusuan.rules.engine.common import lines_in_tables
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TEXT.KIND_WORD": {"zh": "{kind}的标题写作“{heading}”（“{word}”）",
                       "en": "A heading of this {kind_en} reads {heading} ({word})"},
})

HEADING = regexes.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]"
                     r"|第[一二三四五六七八九十]+部分)")
MAX_HEADING = 40  # characters: longer lines are sentences of the text, not headings
OTHER_KIND = regexes.compile(r"(?:部门|单位)决算")


@rule("TEXT.KIND_WORD", category="naming", severity="warning",
      title_zh="标题与文件种类相符", title_en="Headings name the document's kind",
      rationale="A 部门预算 whose heading reads 部门决算单位构成 copied it from a 决算.")
def headings_name_the_kind(doc: Document) -> Iterator[Finding]:
    """A 部门预算 or 单位预算 has no heading (一、…, （一）…, 第一部分…) that names a 部门决算
    or 单位决算 (预决算 is not one).

    Passes: 2026年部门预算：二、机构设置及部门预算单位构成
    Fails:  2026年部门预算：二、机构设置及部门决算单位构成
    """
    if doc.kind not in BUDGET_KINDS:
        return
    in_tables = lines_in_tables(doc)
    for line in doc.source.lines:
        text = line.text.strip()
        if line.number in in_tables or len(text) > MAX_HEADING or not HEADING.match(text):
            continue
        match = OTHER_KIND.search(text)
        if match:
            yield make_finding("TEXT.KIND_WORD", [Location(line.number)], {"word": match.group(0)},
                               kind=doc.kind, kind_en="budget", heading=text,
                               word=match.group(0))
