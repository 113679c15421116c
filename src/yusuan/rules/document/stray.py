"""TEXT.STRAY: characters that belong to no word — a letter or a dot inside a year (2026A 年,
202·年), a question mark after a full stop (…向好发展。？) — left by a conversion or a slip of
the keyboard, in the text and in the tables' text alike."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "TEXT.STRAY": {"zh": "文字中有多余字符（{what}）：{examples}",
                   "en": "Stray characters in the text ({what_en}): {examples}"},
})

# (what, in Chinese and English, a character every hit holds, a pattern every hit holds a match
# of (looked for only in a line with the character; None: no such), the pattern that shows it)
STRAY: tuple[tuple[str, str, str, re.Pattern[str] | None, re.Pattern[str]], ...] = (
    ("年份中夹有字母或符号", "a letter or a dot inside a year", "年", regexes.compile("[A-Za-z·•・]"),
     regexes.compile(r"(?<![\d.．A-Za-z])(?:19|20)\d\d[A-Za-z]\s*年"
                r"|(?<![\d.．])(?:19|20)\d\s*[·•・]\s*年")),
    ("句号后多出问号", "a question mark after a full stop", "。", None,
     regexes.compile(r"。\s*[？?]")),
)
MAX_CITED = 6


@rule("TEXT.STRAY", category="plausibility", severity="warning", words=True,
      title_zh="文字中无多余字符", title_en="No stray characters in the text")
def stray_characters(doc: Document) -> Iterator[Finding]:
    """No letter or dot inside a year and no question mark after a full stop, in any line of
    the document; one finding per kind, citing every line that holds one.

    Passes: 2026年，本局主要任务是……持续向好发展。
    Fails:  2026A 年，本局主要任务是……持续向好发展。？
    """
    for what, what_en, held, marks, pattern in STRAY:
        hits = [(line.number, match.group(0)) for line in doc.source.lines if held in line.text
                and (marks is None or marks.search(line.text))  # (most lines with 年: no letter)
                for match in pattern.finditer(line.text)]
        if not hits:
            continue
        examples = "、".join(dict.fromkeys(f"“{text.strip()}”" for _, text in hits[:MAX_CITED]))
        lines = list(dict.fromkeys(number for number, _ in hits))
        yield make_finding("TEXT.STRAY", [Location(n) for n in lines], {"count": len(hits)},
                           what=what, what_en=what_en, examples=examples)
