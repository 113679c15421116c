"""Uploads: check type and size, save under a generated name, never trust the user's name."""

from __future__ import annotations

import os
import unicodedata
import uuid
from collections.abc import Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath

from starlette.datastructures import UploadFile

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.web.jobs import open_private
from yusuan.web.settings import Settings

CHUNK = 1024 * 1024


class UploadRejected(Exception):
    """An upload the app refuses; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class SavedUpload:
    """An uploaded file saved to disk: its name, suffix, path and size."""

    name: str
    suffix: str
    path: Path
    size: int


def display_name(raw: str | None) -> str:
    """The user's file name for showing only: last path part, no control characters, short."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:120] or "upload"


def file_suffix(name: str, settings: Settings) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in settings.allowed_suffixes:
        allowed = ", ".join(settings.allowed_suffixes)
        raise UploadRejected(415, f"{name}: this file type is not accepted (accepted: {allowed}).")
    return suffix


async def save_upload(upload: UploadFile, settings: Settings, incoming: Path) -> SavedUpload:
    """Copy one uploaded file into `incoming` under a generated name, within the size limit."""
    name = display_name(upload.filename)
    suffix = file_suffix(name, settings)
    limit = settings.max_upload_bytes
    path = incoming / f"{uuid.uuid4().hex}.part"
    size = 0
    with os.fdopen(open_private(path), "wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                out.close()
                path.unlink(missing_ok=True)
                raise UploadRejected(413, f"{name} is larger than the limit of "
                                          f"{settings.max_upload_mb:g} MB.")
            out.write(chunk)
    if size == 0:
        path.unlink(missing_ok=True)
        raise UploadRejected(400, f"{name} is empty.")
    return SavedUpload(name, suffix, path, size)


async def save_uploads(uploads: Sequence[UploadFile], settings: Settings, incoming: Path) -> list[SavedUpload]:
    """All files or none: the first refused file refuses the request."""
    uploads = [u for u in uploads if u.filename]
    if not uploads:
        raise UploadRejected(400, "No file was uploaded.")
    if len(uploads) > settings.max_files:
        raise UploadRejected(413, f"At most {settings.max_files} files at once.")
    saved: list[SavedUpload] = []
    try:
        for upload in uploads:
            saved.append(await save_upload(upload, settings, incoming))
    except UploadRejected:
        for item in saved:
            item.path.unlink(missing_ok=True)
        raise
    return saved


SAFE_STEM = regexes.compile(r"[^\w\u4e00-\u9fff.-]+")


def download_name(name: str, suffix: str) -> str:
    """A file name for a download, from the upload's shown name."""
    stem = SAFE_STEM.sub("_", Path(name).stem).strip("._") or "report"
    return f"{stem[:80]}{suffix}"
