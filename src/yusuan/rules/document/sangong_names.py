"""NAME.SANGONG: the “三公” items are named as the classification names them — 公务用车购置及
运行费, 公务用车运行（维护）费, 公务接待费 — not 公务车购置及运行费 (用 dropped), 公务车用车运行费
or 公务接待费费 (a character doubled)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "NAME.SANGONG": {"zh": "“三公”经费项目名称写错：{examples}",
                     "en": "A “三公” item is misnamed: {examples}"},
})

# (the slip, the item it names)
SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (regexes.compile(r"公务车(?:用车)?(?:购置及运行(?:维护)?费|购置费|运行(?:维护)?费)"), "公务用车"),
    (regexes.compile(r"(?:公务接待|购置及运行(?:维护)?|运行维护|出国[（(]境[)）])费费"), "费"),
)
MAX_CITED = 6


def _proper(slip: str, item: str) -> str:
    if item == "费":
        return slip[:-1]
    return regexes.sub(r"^公务车(?:用车)?", "公务用车", slip)


def may_hold_slip(text: str) -> bool:
    """False for a line that holds neither 公务车 nor 费费, blanks inside or not (most lines:
    not compacted): one without 车 and with fewer than two 费."""
    return "车" in text or text.count("费") >= 2


def _joined_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """(number, text without blanks) of each line where a slip can stand: every slip holds
    公务车 or 费费."""
    for line in doc.source.lines:
        if not may_hold_slip(line.text):
            continue
        text = "".join(line.text.split())
        if "公务车" in text or "费费" in text:
            yield line.number, text


@rule("NAME.SANGONG", category="naming", severity="warning", words=True,
      title_zh="“三公”经费项目名称规范", title_en="“三公” items named as classified")
def sangong_item_names(doc: Document) -> Iterator[Finding]:
    """No “三公” item named 公务车…费 (公务用车…费 with 用 dropped or moved) or with its 费
    doubled (公务接待费费), anywhere in the document; one finding citing every line.

    Passes: 公务用车购置及运行费0万元，其中：公务用车购置费0万元；公务用车运行费0万元。
    Fails:  公务车购置及运行费0万元，其中：公务用车购置费0万元；公务车用车运行费0万元。
    """
    hits = [(number, match.group(0), item) for number, text in _joined_lines(doc)
            for pattern, item in SLIPS for match in pattern.finditer(text)]
    if not hits:
        return
    examples = "、".join(dict.fromkeys(f"“{slip}”应为“{_proper(slip, item)}”"
                                       for _, slip, item in hits[:MAX_CITED]))
    yield make_finding("NAME.SANGONG", [Location(n) for n in dict.fromkeys(n for n, _, _ in hits)],
                       {"count": len(hits)}, examples=examples)
