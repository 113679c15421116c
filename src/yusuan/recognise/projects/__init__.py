"""Projects and performance forms: 项目支出表 rows, 部门整体 and 项目 绩效目标表, matched by name."""

from __future__ import annotations

from typing import Any

from yusuan.model import Project, Source, Table


def extract_projects(source: Source, tables: list[Table]) -> tuple[list[Project], list[Any]]:
    """Projects (from the 项目支出表 and the narrative) and the performance forms of a document."""
    return [], []
