"""NARRATIVE.GLOSSARY: the 类/款/项 the narrative and its glossary name are the tables' codes,
under the tables' names, and the glossary's list of codes is the list the tables use.
NARRATIVE.CODE: a 项 the narrative writes with its code in brackets has a code the tables print."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from yusuan import regexes
from yusuan.model import Document, Fact, Finding, Location
from yusuan.rules.engine import make_finding, rule
from yusuan.rules.engine.common import lines_in_tables
from yusuan.rules.engine.messages import register_messages
from yusuan.rules.narrative.codes import CodeBook, Resolved, plain, resolve, without_qualifier
from yusuan.rules.narrative.common import (
    fact_location,
    finding_args,
    narrative_facts,
    table_value,
)

STATEMENTS = ("functional_item", "glossary_item")


@rule("NARRATIVE.GLOSSARY", category="naming", severity="warning",
      title_zh="说明与名词解释中的科目名称与表格一致",
      title_en="Classification names in the narrative and glossary match the tables")
def names_match_tables(doc: Document) -> Iterator[Finding]:
    """The 类/款/项 names in the narrative and glossary are the tables' names for those codes,
    each 款 under its own 类, each 项 under the 款 the tables print it in, no 款 of the tables
    written as a 项 (信访事务（项） where the tables have 20140 信访事务), and the glossary lists
    the codes the tables use.

    Passes: 2210202 提租补贴; “住房保障支出（类）住房改革支出（款）提租补贴（项）预算数 10.00 万元”.
    Fails:  2210202 提租补贴; “住房保障支出（类）住房改革支出（款）房租补贴（项）预算数 10.00 万元”.
    """
    book = CodeBook.of(doc)
    if not book.rows:
        return
    resolved = [resolve(book, f) for f in narrative_facts(doc, *STATEMENTS)]
    for entry in resolved:
        if "parent_line" not in entry.fact.extra:  # an inherited 类/款 is judged on its entry
            yield from _class_name(book, entry)
            yield from _kuan(book, entry)
        yield from _items(book, entry)
        yield from _level(book, entry)
    yield from _misplaced(book, resolved)
    yield from _coverage(book, [r for r in resolved if r.fact.concept == "glossary_item"])


def _finding(fact: Fact, others: Sequence[Location | None], text: str,
             **kw: object) -> Finding:
    locations = [fact_location(fact), *(loc for loc in others if loc is not None)]
    return make_finding("NARRATIVE.GLOSSARY", locations, {}, **kw,  # type: ignore[arg-type]
                        **finding_args(text, text))


def _class_name(book: CodeBook, entry: Resolved) -> Iterator[Finding]:
    extra = entry.fact.extra
    # a bare name is a 类 only when nothing marks it as a 款 or 项 ("其他信访事务支出（项）")
    lei = extra.get("class") or (extra.get("name") if not extra.get("kuan") and not extra.get("item")
                                 and str(extra.get("name", "")).endswith("支出") else None)
    if not lei or book.codes_named(lei, 3):
        return
    code = _class_from_children(entry) or book.closest(lei, 3, "", None)
    if code is None or code not in book.rows:
        return
    text = f"类名写作“{lei}”，表格中 {code} 为“{book.name(code)}”"
    yield _finding(entry.fact, [book.location(code)], text)


def _class_from_children(entry: Resolved) -> str | None:
    codes = [c for c in [entry.kuan_code, *entry.item_codes] if c]
    return codes[0][:3] if codes else None


def _kuan(book: CodeBook, entry: Resolved) -> Iterator[Finding]:
    kuan = entry.fact.extra.get("kuan")
    if not kuan or entry.class_code is None:
        return
    if entry.kuan_code is None:
        elsewhere = book.codes_named(kuan, 5)
        if elsewhere:
            code = elsewhere[0]
            text = (f"“{kuan}（款）”列在 {entry.class_code} {book.name(entry.class_code)} 之下，"
                    f"该款为 {code}，属于 {code[:3]} {book.name(code[:3])}")
            yield _finding(entry.fact, [book.location(code), book.location(code[:3])], text)
            return
        children = [c for c in entry.item_codes if c]
        guess = children[0][:5] if children else book.closest(kuan, 5, entry.class_code, None)
        if guess:
            yield _renamed(book, entry.fact, kuan, guess, "款")
    elif entry.kuan_code in book.rows and plain(kuan) != book.name(entry.kuan_code):
        yield _renamed(book, entry.fact, kuan, entry.kuan_code, "款")


def _renamed(book: CodeBook, fact: Fact, name: str, code: str, level: str) -> Finding:
    text = f"{level}名写作“{name}”，表格中 {code} 为“{book.name(code)}”"
    return _finding(fact, [book.location(code)], text)


def _items(book: CodeBook, entry: Resolved) -> Iterator[Finding]:
    prefix = entry.kuan_code or entry.class_code
    if prefix is None:
        return
    items = entry.fact.extra.get("items") or []
    for name, code in zip(items, entry.item_codes, strict=False):
        if code is not None:
            if code in book.rows and book.name(code) not in (plain(name),
                                                             plain(without_qualifier(name))):
                yield _renamed(book, entry.fact, name, code, "项")
            continue
        if _table_homes(book, name, 5, prefix[:3]):
            continue  # a 款's name written as a 项: _level says so
        value = entry.fact.value if len(items) == 1 else None
        guess = book.closest(name, 7, prefix, value)
        if guess is not None:
            yield _renamed(book, entry.fact, name, guess, "项")


def _level(book: CodeBook, entry: Resolved) -> Iterator[Finding]:
    """A 项 the tables print only as a 款: 信访事务（项） where the tables have 20140 信访事务."""
    for name, code in zip(entry.fact.extra.get("items") or [], entry.item_codes, strict=False):
        if code in book.rows or _table_homes(book, name, 7, ""):
            continue
        kuan = _table_homes(book, name, 5, entry.class_code or "")
        if len(kuan) == 1:
            text = f"“{plain(name)}”写作项，表格中没有此项，{kuan[0]} {plain(name)}为款"
            yield _finding(entry.fact, [book.location(kuan[0])], text)


def _table_homes(book: CodeBook, name: str, length: int, prefix: str) -> list[str]:
    """The codes of `length` digits under `prefix` the tables print with this name."""
    wanted = {plain(name), plain(without_qualifier(name))}
    return sorted(c for c, (_, row) in book.rows.items()
                  if len(c) == length and c.startswith(prefix) and plain(row.name) in wanted)


def _misplaced(book: CodeBook, resolved: list[Resolved]) -> Iterator[Finding]:
    """项 written under a 款 the tables do not print, which the tables print under one other
    款 of the same 类: the glossary's 行政运行（项） under 政府办公厅（室）及相关机构事务（款）
    where the tables have 2014001 行政运行 under 20140 信访事务. One finding a written 款."""
    moved: dict[tuple[str, str], list[tuple[Fact, str]]] = {}
    for entry in resolved:
        kuan = entry.fact.extra.get("kuan")
        if not kuan or entry.class_code is None or entry.kuan_code in book.rows:
            continue
        for name, code in zip(entry.fact.extra.get("items") or [], entry.item_codes,
                              strict=False):
            homes = [c for c in _table_homes(book, name, 7, entry.class_code) if book.used(c)]
            if code not in book.rows and len(homes) == 1 and homes[0][:5] in book.rows:
                moved.setdefault((str(kuan), homes[0][:5]), []).append((entry.fact, homes[0]))
    for (kuan, table_kuan), items in moved.items():
        names = "、".join(dict.fromkeys(f"{c} {book.name(c)}" for _, c in items))
        text = (f"“{kuan}（款）”下所写的项，表格中列在 {table_kuan} {book.name(table_kuan)} 之下"
                f"（{names}），表格没有“{kuan}”款")
        facts = list({id(fact): fact for fact, _ in items}.values())
        entry_line = facts[0].extra.get("parent_line")  # the 款's own entry, when written apart
        others = [*([Location(entry_line)] if isinstance(entry_line, int) else []),
                  *(fact_location(f) for f in facts[1:]), book.location(table_kuan)]
        yield _finding(facts[0], others, text)


def _coverage(book: CodeBook, glossary: list[Resolved]) -> Iterator[Finding]:
    listed: dict[str, Resolved] = {}
    for entry in glossary:
        for code in [*entry.item_codes, entry.kuan_code if not entry.item_codes else None]:
            if code:
                listed.setdefault(code, entry)
    if not listed:
        return
    unused = {c: e for c, e in listed.items() if not any(book.used(u) for u in book.rows
                                                        if u.startswith(c))}
    if not unused:
        return
    items = [c for c in book.rows if len(c) == 7 and book.used(c)]
    omitted = [c for c in items if not any(c.startswith(code) for code in listed)]
    names = "、".join(f"{c} {book.name(c)}" for c in unused)
    missing = "、".join(f"{c} {book.name(c)}" for c in omitted)
    if len(unused) == len(listed):
        text = f"名词解释所列本部门使用的科目（{names}）表格均未使用；表格使用的是 {missing}"
        extra = {"severity": "warning", "category": "definition"}
    else:
        text = f"名词解释列出表格未使用的科目 {names}" + (f"，未列表格使用的 {missing}" if missing else "")
        extra = {"severity": "info", "category": "classification"}
    first = min((e.fact for e in unused.values()), key=lambda f: f.line)
    others: list[Location | None] = [fact_location(e.fact) for e in unused.values()
                                     if e.fact is not first]
    others += [book.location(c) for c in omitted[:6]]
    yield _finding(first, others, text, **extra)


register_messages({
    "NARRATIVE.CODE": {
        "zh": "情况说明写“{name}（{code}）”，表格中没有 {code}，{name}为 {table_code}",
        "en": "The narrative writes {name} ({code}); no table has {code}, {name} is {table_code}",
    },
})

# a 项 named with its code in brackets: 行政运行（2013201）
NAMED_CODE = regexes.compile(r"([\u4e00-\u9fff（）()]{2,30}?)\s*[（(]\s*(2\d{6})\s*[)）]")
# what a line holds wherever NAMED_CODE finds a code in its text without blanks: an opening
# bracket, blanks, and the 2 a functional code begins with
_BRACKETED = regexes.compile(r"[（(]\s*2")


def _named(text: str) -> str:
    """The name before a bracketed code, without its level word: 行政运行（项） → 行政运行."""
    return regexes.sub(r"\([类款项]\)$", "", plain(text))


@rule("NARRATIVE.CODE", category="naming", severity="warning", words=True,
      title_zh="说明所写科目编码与表格一致", title_en="Codes the narrative writes are the tables'")
def codes_match_tables(doc: Document) -> Iterator[Finding]:
    """A 项 the narrative names with its code — 行政运行（2013201）— carries a code the
    functional tables print; a code they do not print, for a name they print under exactly one
    other code of the same 类, is reported with that code.

    Passes: 表中 2013301 行政运行；说明“行政运行（2013301）1641.18 万元”.
    Fails:  表中 2013301 行政运行；说明“行政运行（2013201）1641.18 万元”.
    """
    book = CodeBook.of(doc)
    if not book.rows:
        return
    in_tables = lines_in_tables(doc)
    wrong: dict[tuple[str, str, str], list[int]] = {}
    for line in doc.source.lines:
        if line.number in in_tables or not _BRACKETED.search(line.text):
            continue
        for match in NAMED_CODE.finditer("".join(line.text.split())):
            code = match.group(2)
            if code in book.rows:
                continue
            same = {(c, plain(r.name)) for c, (_, r) in book.rows.items()
                    if len(c) == 7 and c[:3] == code[:3] and plain(r.name)
                    and _named(match.group(1)).endswith(plain(r.name))}
            if len({c for c, _ in same}) == 1:
                table_code, name = next(iter(same))
                wrong.setdefault((code, table_code, name), []).append(line.number)
    for (code, table_code, name), lines in wrong.items():
        table_row = book.location(table_code)
        yield make_finding("NARRATIVE.CODE", [*(Location(n) for n in dict.fromkeys(lines)),
                                              *([table_row] if table_row else [])],
                           {"code": code, "table_code": table_code},
                           name=name, code=code, table_code=table_code)


register_messages({
    "NARRATIVE.WRONG_CODE_KEPT": {
        "zh": "情况说明称{label}“{admission}”{should}，表格仍在 {code} {name} 列 {value}",
        "en": "The narrative says the {code} {name} amount was booked under a wrong code; "
              "the tables still print {value} there",
    },
})

# the narrative owning up to a wrong 科目: 该功能科目使用错误, 错用科目, 科目列支有误
ADMITTED = regexes.compile(r"(?:功能)?科目[^，,。；;]{0,6}?(?:使用|列支|选用|选择)?(?:错误|有误)"
                      r"|错(?:用|列|选)[^，,。；;]{0,4}?科目")
ITEM_START = regexes.compile(r"^\s*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)")
EXPLANATION_LINES = 12
SHOULD_BE = regexes.compile(r"(?:实际)?应(?:使用|列入|列支|列为|调整为|调整至|为)\s*"
                       r"([^，,。；;]{0,40}?[（(][类款项][)）](?:[^，,。；;（(]{1,20}[（(][款项][)）])*)")


@rule("NARRATIVE.WRONG_CODE_KEPT", category="classification", severity="warning",
      title_zh="说明自认科目用错而表格未改",
      title_en="A code the narrative calls wrong is still in the tables")
def admitted_wrong_code(doc: Document) -> Iterator[Finding]:
    """A 类/款/项 whose amount the narrative explains as booked under a wrong code (该功能科目
    使用错误，实际应使用…) still carries that amount in the functional tables: the document
    names the mistake and prints it anyway.

    Passes: 表中没有 2010405；说明“日常经济运行调节（项）…该功能科目使用错误，应使用卫生健康支出（类）”.
    Fails:  表中 2010405 日常经济运行调节 56.00；说明同上.
    """
    book = CodeBook.of(doc)
    if not book.rows:
        return
    items = list(narrative_facts(doc, "functional_item"))
    starts = sorted({fact.line for fact in items})
    for fact in items:
        said = _explanation(doc, fact.line, next((n for n in starts if n > fact.line), None))
        admitted = ADMITTED.search(said)
        if admitted is None:
            continue
        entry = resolve(book, fact)
        code = next((c for c in [*entry.item_codes, entry.kuan_code, entry.class_code]
                     if c and c in book.rows), None)
        if code is None or not book.used(code) or len(code) < _written_level(entry):
            continue
        table, row = book.rows[code]
        whole = table_value(table, row)
        value = whole[1] if whole else next(v for v in row.values.values() if v)
        should = SHOULD_BE.search(said, admitted.end())
        yield make_finding("NARRATIVE.WRONG_CODE_KEPT",
                           [fact_location(fact), book.location(code)], {"value": value},
                           label=fact.extra.get("label") or fact.extra.get("name", ""),
                           admission=admitted.group(0),
                           should=f"，应为{should.group(1)}" if should else "",
                           code=code, name=book.name(code), value=f"{value:g}")


def _explanation(doc: Document, first: int, next_item: int | None) -> str:
    """The item's sentence and the reason after it, up to the next item or numbered line."""
    texts: list[str] = []
    for line in doc.source.lines[first - 1:first - 1 + EXPLANATION_LINES]:
        if line.number != first and (line.number == next_item or ITEM_START.match(line.text)):
            break
        texts.append("".join(line.text.split()))
    return "".join(texts)


def _written_level(entry: Resolved) -> int:
    """The digits of the level the narrative writes: a 项 is judged on its 项's row only."""
    extra = entry.fact.extra
    return 7 if extra.get("items") else 5 if extra.get("kuan") else 3
