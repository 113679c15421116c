"""Message templates, Chinese and English from one catalog, keyed by rule id (or id.variant).

Arguments named `column`, `level` and `side` hold language-neutral keys and are translated
here; every other argument is inserted as given (codes and names stay as the document
prints them).
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "ROUNDING": {
        "zh": "{what}：{reported} 与 {computed} 相差 {difference}，在舍入范围内（±{bound}）",
        "en": "{what}: {reported} vs {computed}, difference {difference} within rounding "
              "(±{bound})",
    },
    "ROUNDING.COLUMN": {
        "zh": "{what}（{column}）：{reported} 与 {computed} 相差 {difference}，在舍入范围内（±{bound}）",
        "en": "{what} ({column}): {reported} vs {computed}, difference {difference} within "
              "rounding (±{bound})",
    },
    "SAME_FIGURE": {
        "zh": "{what}：{table_a}印 {reported}，{table_b}印 {computed}，相差 {difference}；两处印的是"
              "同一个账面数，应完全一致，不是舍入差",
        "en": "{what}: {reported} in {table_a}, {computed} in {table_b}, difference {difference}; "
              "both print the same figure of the books and must agree exactly",
    },
    "SAME_FIGURE.COLUMN": {
        "zh": "{what}（{column}）：{table_a}印 {reported}，{table_b}印 {computed}，相差 {difference}；"
              "两处印的是同一个账面数，应完全一致，不是舍入差",
        "en": "{what} ({column}): {reported} in {table_a}, {computed} in {table_b}, difference "
              "{difference}; both print the same figure of the books and must agree exactly",
    },
    "DISPLAY_ROUNDED": {
        "zh": "{what}：{reported} 与 {computed} 相差 {difference}，单元格 {cells} 印的小数位少于表中其他数字"
              "（{table_places} 位）：差额是同一个数的显示舍入，数字应印全",
        "en": "{what}: {reported} vs {computed}, difference {difference}: the cell(s) {cells} "
              "show fewer decimals than the table's other figures ({table_places}); the gap is "
              "the display rounding of one figure, which should be printed in full",
    },
    "FOLD": {
        "zh": "{figure} 一处数字同时破坏 {count} 个等式：{broken}",
        "en": "{figure}: one figure breaks {count} identities: {broken}",
    },
    "FOLD.PARTS": {
        "zh": "{sum}；差额 {difference} 全部来自 {count} 个分项，它们在别处所印的数不同：{parts}",
        "en": "{sum}; the whole gap of {difference} comes from {count} of its parts, printed "
              "differently elsewhere: {parts}",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "total": "合计", "basic": "基本支出", "project": "项目支出", "personnel": "人员经费",
        "public": "公用经费", "budget": "预算数", "actual": "决算数", "carryover": "上年结转",
        "prior_year": "上年数", "general_budget": "一般公共预算", "gov_fund": "政府性基金",
        "soe_capital": "国有资本经营预算", "income": "收入", "expenditure": "支出",
        "lei": "类", "kuan": "款", "xiang": "项", "top": "顶层科目",
        "outbound": "因公出国(境)费", "vehicle": "公务用车购置及运行费",
        "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费",
        "reception": "公务接待费", "current_income": "本年收入", "unit_funds": "单位资金",
        "business": "事业收入", "operating": "经营收入", "other": "其他收入",
        "special_account": "财政专户管理资金", "superior_subsidy": "上级补助收入",
        "subordinate": "附属单位上缴收入", "reserve": "单位预留机动经费",
        "balance_in": "上年实户资金余额", "business_fund": "用事业基金弥补收支差额",
    },
    "en": {
        "total": "total", "basic": "basic expenditure", "project": "project expenditure",
        "personnel": "personnel funds", "public": "public funds", "budget": "budget",
        "actual": "actual", "carryover": "carry-over", "prior_year": "prior year",
        "general_budget": "general budget", "gov_fund": "government funds",
        "soe_capital": "SOE capital budget", "income": "income", "expenditure": "expenditure",
        "lei": "class", "kuan": "section", "xiang": "item", "top": "top-level lines",
        "outbound": "overseas travel", "vehicle": "official vehicles",
        "vehicle_purchase": "vehicle purchase", "vehicle_operation": "vehicle operation",
        "reception": "official reception", "current_income": "current income",
        "unit_funds": "unit funds", "business": "business income",
        "operating": "operating income", "other": "other income",
        "special_account": "special-account funds", "superior_subsidy": "superior subsidy",
        "subordinate": "subordinate units' remittance", "reserve": "unit's reserve",
        "balance_in": "own-account balance brought in", "business_fund": "business fund drawn",
    },
}

_TRANSLATED = ("column", "level", "side", "part_column", "other_column")


def register_messages(templates: dict[str, dict[str, str]]) -> None:
    """Add templates (another rules module may call this at import)."""
    MESSAGES.update(templates)


def label(key: str, lang: str = "zh") -> str:
    return LABELS.get(lang, {}).get(key, key)


def render(message_id: str, lang: str = "zh", **args: Any) -> str:
    """The message `message_id` in `lang`; a missing template falls back to its arguments."""
    shown = {k: (_translate(v, lang) if k in _TRANSLATED else v) for k, v in args.items()}
    shown = {k: _fmt(v) for k, v in shown.items()}
    template = MESSAGES.get(message_id, {}).get(lang)
    if template is None:
        return f"{message_id}: " + ", ".join(f"{k}={v}" for k, v in shown.items())
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return f"{message_id}: " + ", ".join(f"{k}={v}" for k, v in shown.items())


def _translate(value: Any, lang: str) -> Any:
    """A key, or a list of keys (one finding over several columns), in `lang`."""
    if isinstance(value, str):
        return label(value, lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(label(str(v), lang) for v in value)
    return value


def _fmt(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return value
