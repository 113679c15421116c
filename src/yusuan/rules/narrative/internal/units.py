"""Units of a kind counted against the units the 机构设置 lists with their kind: "杭州市某局本级
预算（行政单位）、某支队（行政单位）、某中心（事业单位）" lists each unit once, tagged; a later
"某局本级、某支队等 8 家行政单位" cannot count more 行政单位 than that list holds.
NARRATIVE.UNITS reports it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.model import Document, Finding, Location
from yusuan.recognise.narrative.mentions import sentence_bounds
from yusuan.recognise.narrative.paragraphs import Paragraph
from yusuan.rules.engine import make_finding
from yusuan.rules.engine.common import paragraphs
from yusuan.rules.narrative.common import finding_args

KINDS = ("行政单位", "事业单位")
_TAG = regexes.compile(r"[（(](行政单位|事业单位)[)）]")
_LISTING = regexes.compile(r"包括[：:]|构成|组成")
_COUNT = regexes.compile(r"(?<![\d.])(\d{1,3})\s*[个家](行政单位|事业单位)")
# a count that may take in other units: 参照公务员法管理的事业单位, 下属, 二级, 含…
_WIDER = regexes.compile(r"参照|参公|含|包括|下属|二级|所属|其中")
MIN_TAGGED = 2  # tags before a paragraph is read as the list of the department's units


@dataclass(frozen=True, slots=True)
class _Listing:
    """The 机构设置 list: how many units of each kind it names, and where."""

    counts: dict[str, int]
    lines: tuple[int, int]
    page: int | None


def counts_against_listing(doc: Document) -> Iterator[Finding]:
    """A count of 行政单位 (事业单位) larger than the tagged list of the department's units."""
    built = paragraphs(doc)
    listings = [(p, listing) for p in built if (listing := _listing(p)) is not None]
    if len(listings) != 1:
        return  # none, or two lists (of two years, two parts): no one composition to hold to
    source, listing = listings[0]
    for paragraph in built:
        if paragraph is source:
            continue
        for match in _COUNT.finditer(paragraph.text):
            count, kind = int(match.group(1)), match.group(2)
            start, end = sentence_bounds(paragraph.text, match.start())
            sentence = "".join(paragraph.text[start:end].split())
            if count <= listing.counts[kind] or _WIDER.search(sentence):
                continue
            yield _finding(paragraph, match, count, kind, listing)


def _listing(paragraph: Paragraph) -> _Listing | None:
    compact = "".join(paragraph.text.split())
    tags = _TAG.findall(compact)
    if len(tags) < MIN_TAGGED or not _LISTING.search(compact) or regexes.search(
            r"[)）]\s*等", compact):
        return None
    counts = {kind: tags.count(kind) for kind in KINDS}
    return _Listing(counts, (paragraph.first_line, paragraph.lines[-1]), paragraph.page)


def _finding(paragraph: Paragraph, match: re.Match[str], count: int, kind: str,
             listing: _Listing) -> Finding:
    listed = listing.counts[kind]
    text = (f"说明写“{match.group(0).strip()}”，而机构设置逐一标明单位性质，只列 {listed} 家{kind}"
            f"（事业单位 {listing.counts['事业单位']} 家、行政单位 {listing.counts['行政单位']} 家）")
    text_en = (f"the narrative counts {count} {kind}, but the unit list, each unit marked with "
               f"its kind, holds only {listed}")
    first, last = listing.lines
    locations = [Location(paragraph.line_at(match.start(1)), page=paragraph.page)]
    locations += [Location(line) for line in sorted({first, last})]
    return make_finding("NARRATIVE.UNITS", locations, {"stated": count, "listed": listed},
                        **finding_args(text, text_en))
