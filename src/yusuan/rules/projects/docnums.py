"""One 文号 (document number, "武医保改办文〔2024〕3号") cited under different titles: the
number or one of the titles is probably wrong — worth a look."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan import regexes
from yusuan.model import Document, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.messages import register_messages

register_messages({
    "PROJECT.DOC_NUMBER_TITLE": {
        "zh": "同一文号 {number} 所引文件标题不一致：{titles}",
        "en": "Document number {number} is cited under different titles: {titles}",
    },
})

# an issuing-office abbreviation, the year in any bracket, the serial number, 号
NUMBER = regexes.compile(r"(?P<office>[\u4e00-\u9fff]{1,10})\s*[〔\[【（(]\s*(?P<year>(?:19|20)\d\d)\s*"
                    r"[〕\]】）)]\s*(?P<serial>\d{1,4})\s*号")
# 《title》 right before the number ("》（武…号", "》武…号") or right after it ("号文件《title》")
TITLE_BEFORE = regexes.compile(r"《(?P<title>[^《》]{4,80})》\s*[（(]?\s*$")
TITLE_AFTER = regexes.compile(r"^\s*(?:文件)?\s*《(?P<title>[^《》]{4,80})》")
# words that run into an office abbreviation: "根据武财社〔2020〕554号", "》和陂编办【2020】2号"
LEAD = regexes.compile(r"^.*(?:根据|依据|按照|参照|以及|和|及|与|印发|转发|通知|文件)")
BLANKS = regexes.compile(r"[\s\u3000]+")


def _title(text: str, start: int, end: int) -> str | None:
    """The title bound to the number: one right after it ("号《…》") first, else one right
    before it ("《…》（…号）")."""
    after = TITLE_AFTER.match(text[end:])
    if after:
        return after.group("title")
    before = TITLE_BEFORE.search(text[:start])
    if before and not regexes.search(r"号\s*(?:文件)?\s*$", text[:before.start()]):
        return before.group("title")
    return None


def _key(title: str) -> str:
    """A title for comparing: no blanks, one form of brackets and quotes."""
    text = BLANKS.sub("", title)
    for old, new in (("〈", "<"), ("〉", ">"), ("（", "("), ("）", ")"), ("“", "\""),
                     ("”", "\"")):
        text = text.replace(old, new)
    return text


def citations(doc: Document) -> dict[str, list[tuple[str, int]]]:
    """文号 → [(title, line)] for every number cited with an adjacent 《title》."""
    out: dict[str, list[tuple[str, int]]] = {}
    for line in doc.source.lines:
        text = line.text
        if "号" not in text or "《" not in text:
            continue
        for match in NUMBER.finditer(text):
            start = match.start("office") + len(match.group("office")) - len(
                LEAD.sub("", match.group("office")))
            title = _title(text, start, match.end())
            if title is None:
                continue
            office = LEAD.sub("", match.group("office"))
            if not office:
                continue
            number = f"{office}〔{match.group('year')}〕{match.group('serial')}号"
            out.setdefault(number, []).append((BLANKS.sub("", title), line.number))
    return out


def _where(doc: Document, line: int) -> str:
    for form in doc.forms:
        if form.lines[0] <= line <= form.lines[1]:
            return "dept_performance" if form.kind == "dept_form" else "project_performance"
    return "narrative"


@rule("PROJECT.DOC_NUMBER_TITLE", category="naming", severity="info",
      title_zh="同一文号引用同一文件", title_en="One document number, one title",
      rationale="A 文号 identifies one document; citing it under two titles means the number or "
                "one of the titles is wrong.")
def doc_number_titles(doc: Document) -> Iterator[Finding]:
    """Passes: 《工作方案》（武医保改办文〔2024〕3号） twice. Fails: the same number once as
    《…管理体制改革工作方案》 and once as 《…管理体制工作方案》."""
    for number, cited in citations(doc).items():
        titles: dict[str, str] = {}
        for title, _ in cited:
            titles.setdefault(_key(title), title)
        if len(titles) < 2:
            continue
        lines = sorted({line for _, line in cited})
        locations = [Location(line, table=_where(doc, line)) for line in lines]
        shown = "；".join(f"《{t}》（第 {', '.join(str(n) for ti, n in cited if _key(ti) == k)} 行）"
                         for k, t in titles.items())
        yield make_finding("PROJECT.DOC_NUMBER_TITLE", locations,
                           {"number": number, "titles": list(titles.values())},
                           number=number, titles=shown)
