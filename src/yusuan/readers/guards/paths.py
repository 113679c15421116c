"""What the path on the command line names, refused in one sentence unless it is a regular,
readable, non-empty file of a sane size: a FIFO or a device would block or never end, a
symlink loop or a dangling link is not "no such file"."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from yusuan.errors import InputError
from yusuan.readers.guards import size_text


def checked_file(path_text: str, max_bytes: int) -> Path:
    """The path as a regular file that can be read, or InputError with one sentence."""
    path = Path(path_text)
    try:
        status = path.stat()
    except OSError as error:
        zh, en = _stat_failure(path, error)
        raise InputError(f"{path_text}{zh}", f"{path_text}: {en}") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{path_text} 是一个文件夹，不是文件。",
                         f"{path_text} is a directory, not a document.")
    if not stat.S_ISREG(status.st_mode):
        raise InputError(f"{path_text} 不是普通文件（是管道、设备或套接字），不读取。",
                         f"{path_text} is not a regular file (a pipe, device or socket).")
    if status.st_size == 0:
        raise InputError(f"{path_text} 是空文件。", f"{path_text} is empty.")
    if status.st_size > max_bytes:
        raise InputError(f"{path_text} 大于 {size_text(max_bytes)}，不读取。",
                         f"{path_text} is larger than {size_text(max_bytes)}.")
    if not os.access(path, os.R_OK):
        raise InputError(f"{path_text} 没有读取权限。", f"{path_text} cannot be read (permission).")
    return path


def _stat_failure(path: Path, error: OSError) -> tuple[str, str]:
    """Why the path cannot be opened, in Chinese and in English."""
    if error.errno == errno.ELOOP:
        return " 是一个循环的符号链接（链接最终指回自己），打不开。", "a symbolic link loop."
    if error.errno == errno.ENAMETOOLONG:
        return " 这个路径太长，打不开。", "the path is too long."
    if error.errno in (errno.EACCES, errno.EPERM):
        return " 所在的文件夹没有访问权限。", "its folder cannot be entered (permission)."
    if error.errno == errno.ENOTDIR:
        return " 路径中有一段不是文件夹，找不到文件。", "a part of the path is not a folder."
    if path.is_symlink():
        return " 是一个符号链接，但它指向的文件不存在。", "a symbolic link to a file that does not exist."
    return "：文件不存在。", "no such file."
