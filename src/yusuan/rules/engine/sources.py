"""Which funds a document's income comes from (for rules that hold only for one source)."""

from __future__ import annotations

from yusuan import regexes
from yusuan.model import Document, Table
from yusuan.rules.engine.common import SUMMARY_TABLES, compact_name

OTHER_SOURCES = ("gov_fund", "soe_capital", "special_account", "business", "operating",
                 "superior_subsidy", "subordinate", "other", "unit_funds")
OTHER_SOURCE_NAMES = (r"政府性基金|国有资本|财政专户|事业收入|经营收入|上级补助|附属单位|其他收入|单位资金"
                      r"|其他资金|非税收入")


def _income_table_single(table: Table) -> bool | None:
    total = table.total_row() or (table.rows[0] if table.rows else None)
    if total is None or "general_budget" not in total.values:
        return None
    return all(not total.values.get(key) for key in OTHER_SOURCES)


def _summary_single(table: Table) -> bool | None:
    seen_general = False
    for row in table.rows:
        if row.side not in ("income", None) or not row.values:
            continue  # a summary read without its sides: the income names still tell
        name = compact_name(row.name)
        value = next(iter(row.values.values()))
        if regexes.search(r"一般公共预算", name) and value:
            seen_general = True
        elif regexes.search(OTHER_SOURCE_NAMES, name) and value:
            return False
    return True if seen_general else None


def is_single_source(doc: Document) -> bool:
    """True when only 一般公共预算 income is printed (and nothing says otherwise)."""
    verdicts = [_income_table_single(t) for t in doc.tables_of("income")]
    for kind in SUMMARY_TABLES:
        verdicts.extend(_summary_single(t) for t in doc.tables_of(kind))
    for kind in ("gov_fund", "soe_capital"):
        for table in doc.tables_of(kind):
            if any(v for row in table.rows for v in row.values.values()):
                verdicts.append(False)
    known = [v for v in verdicts if v is not None]
    return bool(known) and all(known)
