"""The text report: findings grouped by severity, cited lines quoted, messages in zh or en."""

from __future__ import annotations

from yusuan.pipeline import document_from_text
from yusuan.report.text_report import check_text
from yusuan.rules import run_rules

DOCUMENT = (
    "某县财政局2024年部门预算\n一般公共预算支出表\n单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t40.00\t40.00\t\n201\t一般公共服务支出\t30.00\t30.00\t\n"
)


def test_error_is_listed_with_its_quoted_lines_in_both_languages() -> None:
    document = document_from_text(DOCUMENT)
    findings = run_rules(document)
    zh = check_text(document, findings, "zh")
    en = check_text(document, findings, "en")
    assert "== 错误：1 条" in zh
    assert "[错误] TOTAL.TABLE（算术）：合计（合计、基本支出）40 ≠ Σ 类 30，差 10" in zh
    assert "共 1 条：错误 1 条，警告 0 条，提示 0 条" in zh
    assert "== error: 1" in en and "1 findings: 1 error, 0 warning, 0 info" in en
    assert "L5: 合计 | 40.00 | 40.00" in zh
    assert "L6: 201 | 一般公共服务支出 | 30.00 | 30.00" in zh
    error_line_en = next(line for line in en.splitlines() if line.startswith("[error]"))
    assert "40" in error_line_en and "30" in error_line_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in error_line_en.split(":", 1)[1].replace("合计", ""))


def test_table_dump_prints_values_with_their_printed_decimals() -> None:
    from yusuan.report.text_report import extract_text

    document = document_from_text(DOCUMENT.replace("40.00\t40.00", "40\t40.0"))
    dump = extract_text(document)
    assert "合计 | 40 | 40.0" in dump
    assert "201 | 一般公共服务支出 | 30.00 | 30.00" in dump


def test_table_dump_names_tables_and_columns_as_printed() -> None:
    from yusuan.report.text_report import extract_text

    dump = extract_text(document_from_text(DOCUMENT))
    assert "[一般公共预算支出表]" in dump and "行 | 收支 | 编码 | 名称 | 合计 | 基本支出 | 项目支出" in dump
    assert "general_budget_expenditure" not in dump and "headline" not in dump
