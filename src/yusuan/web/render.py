"""Server-rendered pages: one Jinja environment and the pages' own words in zh and en."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request

TEMPLATES = Path(__file__).parent / "templates"

WORDS = {
    "zh": {
        "title": "预决算公开检查", "upload": "上传文件", "choose": "选择一个或多个文件",
        "check": "开始检查", "accepted": "支持", "limit": "单个文件不超过", "files_max": "每次最多",
        "files": "个文件", "queued": "排队中", "running": "检查中", "reading": "读取文件",
        "checking": "核对数字", "rendering": "生成报告", "pages": "已读 {done}/{total} 页", "done": "已完成", "failed": "无法检查",
        "jobs": "检查任务", "open": "查看报告", "back": "返回上传", "error": "出错了",
        "other_lang": "English", "download": "下载", "state": "状态", "name": "文件",
        "findings": "问题", "api": "JSON 接口", "wait": "请稍候，页面会自动刷新。",
        "retention": "上传的文件和结果保留", "hours": "小时",
        "request_limit": "每次合计不超过",
        "login": "登录", "token": "访问令牌", "wrong_token": "令牌不对，请重新输入。",
        "login_hint": "这个检查服务需要访问令牌，请向服务的管理者索取。",
    },
    "en": {
        "title": "Budget disclosure check", "upload": "Upload", "choose": "Choose one or more files",
        "check": "Check", "accepted": "Accepted", "limit": "Each file at most",
        "files_max": "At most", "files": "files at once", "queued": "Queued",
        "running": "Checking", "reading": "Reading the file", "checking": "Checking the figures",
        "rendering": "Writing the report", "pages": "{done} of {total} pages read", "done": "Done", "failed": "Could not be checked",
        "jobs": "Jobs", "open": "Open report", "back": "Back to upload", "error": "Error",
        "other_lang": "中文", "download": "Download", "state": "State", "name": "File",
        "findings": "Findings", "api": "JSON API", "wait": "Please wait; this page refreshes itself.",
        "retention": "Uploads and results are kept for", "hours": "hours",
        "request_limit": "in all at most",
        "login": "Log in", "token": "Access token", "wrong_token": "Wrong token; please try again.",
        "login_hint": "This checking service needs an access token; ask whoever runs it.",
    },
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(("html", "j2")),
                       trim_blocks=True, lstrip_blocks=True)


def request_lang(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "zh"


def render_page(request: Request, template: str, **context: Any) -> str:
    lang = request_lang(request)
    other = "zh" if lang == "en" else "en"
    return environment().get_template(template).render(
        lang=lang, w=WORDS[lang], other_lang_url=f"{request.url.path}?lang={other}",
        lang_query="?lang=en" if lang == "en" else "", settings=request.app.state.settings, **context)
