"""Text clean-up for the narrative: full-width forms, traditional characters, table lines."""

from __future__ import annotations

import re
from typing import cast

from yusuan import regexes
from yusuan.readers.normalise import TRANSLATION

# Traditional → simplified for the characters the narrative patterns rely on.
_TRAD = (
    "萬億預決減増長較結轉餘務費經運購維護國資產機關項類實際編製員離單個車輛與計總財撥專戶業營級補屬"
    "繳額採貨績衛醫療險會農環節辦郵電訓託勞應當為佔達數體說門況並職發區縣參標準規劃統籌貼獎養"
    "係開銷屆勝黨據構組層負責擔報歲來從對將時間這們裡過還進麼樣麗際點問題處簽證務適當額於")
_SIMP = (
    "万亿预决减增长较结转余务费经运购维护国资产机关项类实际编制员离单个车辆与计总财拨专户业营级补属"
    "缴额采货绩卫医疗险会农环节办邮电训托劳应当为占达数体说门况并职发区县参标准规划统筹贴奖养"
    "系开销届胜党据构组层负责担报岁来从对将时间这们里过还进么样丽际点问题处签证务适当额于")
TRAD_TO_SIMP = str.maketrans(dict(zip(_TRAD, _SIMP, strict=True)))
_CLEAN: dict[int, str | int | None] = {**cast("dict[int, str | int | None]", TRANSLATION),
                                       **TRAD_TO_SIMP}
# Any character `clean` changes: a line without one (most lines) is left as it is, without the
# translation's look-up of every character.
_TO_CLEAN = regexes.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_CLEAN)) + "]")

_NUMBER = regexes.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")
_YEAR_TOKEN = regexes.compile(r"^(?:19|20)\d\d$")
_COUNTER = "人个万元%年月日家辆台项栋套名次亿平天"
HEADING = regexes.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.．]|"
    r"[（(][一二三四五六七八九十]+[)）]|\d{1,2} ?[、.．](?!\d)|[（(]\d{1,2}[)）]|-\s)")
TOP_HEADING = regexes.compile(r"^\s*(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.．])")


def clean(text: str) -> str:
    """Full-width ASCII to half-width, odd spaces to plain, traditional to simplified; a zero
    written 〇 before its money unit ('本年其他资金收入〇万元') as 0."""
    text = text.rstrip("\r\n")
    text = text.translate(_CLEAN) if _TO_CLEAN.search(text) else text
    return _ZERO.sub("0", text) if "〇" in text else text


# '〇万元': a lone 〇 (not one digit of '二〇二六') before a money unit
_ZERO = regexes.compile(r"(?<![〇零一二三四五六七八九十百千\d.])〇(?![〇零一二三四五六七八九十百千\d])"
                   r"(?=\s*(?:亿元|万元|元))")


def is_table_line(text: str) -> bool:
    """A line of a table: TAB-separated cells, or two or more bare numeric cells."""
    if "\t" in text:
        return True
    tokens = text.split()
    if not tokens:
        return False
    bare = 0
    for index, token in enumerate(tokens):
        if not _NUMBER.match(token) or _YEAR_TOKEN.match(token):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not following or following[0] not in _COUNTER:
            bare += 1
    if bare >= 2:
        return bare >= 3 or not any(ch in text for ch in "，。；")
    return bare == 1 and len(tokens) == 1


_AMOUNT = regexes.compile(r"\d\s*(?:亿元|万元|元)")
_HEADING_WORDS = ("情况", "说明", "构成", "范围", "职责", "职能", "解释", "目标", "任务", "概况",
                  "名词", "方式", "事项")


def is_heading_only(text: str) -> bool:
    """A heading line on its own: a marker, short, no sentence punctuation.

    A numbered line (1、 (1)) is a heading only when it ends like one ("…情况"), so that list
    items and wrapped sentences are not taken for headings.
    """
    stripped = text.strip()
    match = HEADING.match(stripped)
    if not match:
        return False
    body = stripped[match.end():]
    if len(body) > 30 or any(ch in body for ch in "，,；;。：:、") or _AMOUNT.search(body):
        return False  # '（二）本年其他资金收入0万元' states a figure as '（一）…101,673.03万元' does
    if TOP_HEADING.match(stripped) or regexes.match(r"\s*[（(][一二三四五六七八九十]", stripped):
        return True
    return body.rstrip().endswith(_HEADING_WORDS)
