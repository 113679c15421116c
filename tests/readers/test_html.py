"""HTML reader: tables with rowspan/colspan, surrounding text, UTF-8 and GBK pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.readers import read_source

PAGE = """<!DOCTYPE html>
<html><head><meta {meta}><title>标题不读</title>
<style>td {{ color: red }}</style><script>var x = "脚本不读";</script></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zfxxgk">政府信息公开</a></div>
<h2>一般公共预算支出表</h2>
<p style="text-align:right">单位：万元</p>
<table border="1">
  <thead>
  <tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="2">基本支出</th>
      <th rowspan="2">项目支出</th></tr>
  <tr><th>人员经费</th><th>公用经费</th></tr>
  </thead>
  <tbody>
  <tr><td>208</td><td>社会保障和<br>就业支出</td><td>172.47</td><td>0.21</td><td></td></tr>
  <tr><td rowspan="2">210</td><td>卫生健康支出</td><td colspan="2">1,309.70</td><td>504.00</td></tr>
  <tr><td>　行政单位医疗</td><td>119.50</td><td>&nbsp;</td><td>0.00</td></tr>
  <tr><td></td><td></td><td></td><td></td><td></td></tr>
  </tbody>
</table>
<p>2023年部门预算总收入<b>2121.66</b>万元，<br/>比上年增长21.02%。</p>
</body></html>
"""

EXPECTED = [
    "首页 > 政府信息公开",
    "一般公共预算支出表",
    "单位：万元",
    "科目编码\t科目名称\t基本支出\t\t项目支出",
    "\t\t人员经费\t公用经费\t",
    "208\t社会保障和就业支出\t172.47\t0.21\t",
    "210\t卫生健康支出\t1,309.70\t\t504.00",
    "\t行政单位医疗\t119.50\t\t0.00",
    "2023年部门预算总收入2121.66万元，",
    "比上年增长21.02%。",
]


@pytest.mark.parametrize(("meta", "encoding"), [
    ('charset="utf-8"', "utf-8"),
    ('charset="gbk"', "gbk"),
    ('http-equiv="Content-Type" content="text/html; charset=gb2312"', "gb2312"),
    ('name="x"', "gb18030"),  # no declaration: sniffed
    ('name="x"', "utf-8"),
])
def test_html_page_lines(tmp_path: Path, meta: str, encoding: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(meta=meta).encode(encoding))
    source = read_source(str(path))
    assert source.format == "html"
    assert [line.text for line in source.lines] == EXPECTED


def test_layout_table_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "layout.htm"
    path.write_text("<table><tr><td><p>第一部分 部门概况</p><table><tr><td>项目</td><td>金额</td>"
                    "</tr><tr><td>合计</td><td>1.00</td></tr></table></td></tr></table>",
                    encoding="utf-8")
    assert [line.text for line in read_source(str(path)).lines] == [
        "第一部分 部门概况", "项目\t金额", "合计\t1.00"]


def test_html_without_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>1</script></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="没有文字"):
        read_source(str(path))


def _placed_page(boxes: list[tuple[float, float, str]], rulings: list[str]) -> str:
    texts = "".join(f'<div class="p" style="top:{top}pt;left:{left}pt;line-height:9.4pt;'
                    f'font-size:9.4pt;width:auto;position:absolute;">{text}</div>'
                    for top, left, text in boxes)
    return ('<div class="page" style="width:595.0pt;height:842.0pt;overflow:hidden;'
            f'position:relative;">{"".join(rulings)}{texts}</div>')


def _rule(left: float, top: float, width: float, height: float) -> str:
    side = "border-bottom" if height == 0 else "border-right"
    return (f'<div class="r" style="position:absolute;left:{left}pt;top:{top}pt;width:{width}pt;'
            f'height:{height}pt;{side}:0.5pt solid #000000;"> </div>')


def _grid(tops: list[float]) -> list[str]:
    """Rulings of a two-column table (x 40–200–300) with rows between the given tops."""
    rulings = [_rule(40, top, 260, 0) for top in tops]
    return rulings + [_rule(x, tops[0], 0, tops[-1] - tops[0]) for x in (40, 200, 300)]


def test_a_pdf_converted_to_placed_boxes_reads_as_the_pdf_would(tmp_path: Path) -> None:
    """烟台's saved page: each PDF page a div of absolutely placed text runs, the rulings empty
    bordered divs; the table, run over two pages, reads as TAB lines of one table."""
    first = _placed_page([(40, 200, "收支总体情况表"), (60, 40, "单位：万元"),
                          (83, 45, "项目"), (83, 205, "预算数"),
                          (101, 45, "一、一般公共预算收入"), (101, 250, "28,467.65"),
                          (119, 45, "二、其他收入"), (119, 260, "1,154.15")],
                         _grid([80, 98, 116, 134]))
    second = _placed_page([(83, 45, "项目"), (83, 205, "预算数"),
                           (101, 45, "收入总计"), (101, 250, "29,621.80"),
                           (800, 150, "— 7 —")], _grid([80, 98, 116]))
    path = tmp_path / "placed.html"
    path.write_text(f"<html><body><p>首页 &gt; 财政预算</p>{first}{second}</body></html>",
                    encoding="utf-8")
    assert [line.text for line in read_source(str(path)).lines] == [
        "首页 > 财政预算", "收支总体情况表", "单位：万元",
        "项目\t预算数", "一、一般公共预算收入\t28,467.65", "二、其他收入\t1,154.15",
        "收入总计\t29,621.80", "— 7 —"]
