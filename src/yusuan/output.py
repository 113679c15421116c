"""Writing a report to a file (`check -o`): never over an input, whole or not at all.

The output path is compared with every input by what it opens (the same file through a
symlink, a hard link or another spelling of the path is still the input) and refused before
any work is done. The report is written to a temporary file in the same folder, flushed to
disk and renamed over the target: a kill or a failed write leaves the old file as it was and
no partial file behind. A device or a named pipe as the target is written into.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from yusuan.errors import InputError

_WRITE_FAILURES = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.EFBIG: "文件超过了允许的大小",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在的磁盘是只读的",
    errno.ENOENT: "所在的文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENAMETOOLONG: "路径太长",
    errno.ELOOP: "路径中的符号链接循环",
}


def refuse_overwriting_inputs(target: str, inputs: list[str]) -> None:
    """InputError when `target` is one of the inputs (by any path) or a folder."""
    if os.path.isdir(target):
        raise InputError(f"无法写入 {target}：这是一个文件夹，请给出报告的文件名。")
    for source in inputs:
        try:
            same = os.path.samefile(target, source)
        except OSError:
            continue
        if same:
            raise InputError(f"{target} 就是输入文件 {source}，不能把报告写在它上面；请换一个输出文件名。")


def write_report(text: str, target: str, inputs: list[str]) -> None:
    """Write `text` (UTF-8) to `target` atomically, after refusing an input as the target."""
    refuse_overwriting_inputs(target, inputs)
    final = Path(os.path.realpath(target))
    if final.exists() and not final.is_file():
        _write_through(text, final, target)
        return
    import tempfile  # only a report written to a file needs it

    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp",
                                             dir=final.parent)
    except OSError as error:
        raise _write_error(target, error) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode_for(final))
        os.replace(temporary, final)
    except OSError as error:
        _remove(temporary)
        raise _write_error(target, error) from None
    except BaseException:
        _remove(temporary)
        raise


def _write_through(text: str, final: Path, target: str) -> None:
    """A device or a named pipe (`-o /dev/stdout`) is written into; renaming a file over it
    would replace it."""
    try:
        with final.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise _write_error(target, error) from None


def mode_for(final: Path) -> int:
    """The old file's permissions, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(final.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_stdout(text: str) -> None:
    """`text` on standard output, flushed: a write that fails there (a full disk behind a
    redirection) is said in one sentence, not a traceback. A closed pipe is left to the
    caller (BrokenPipeError: whoever read the output stopped reading)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = _WRITE_FAILURES.get(error.errno or 0, "写入时出错")
        raise InputError(f"无法写入标准输出：{reason}。",
                         f"standard output cannot be written: {error.strerror or error}.") from None


def _write_error(target: str, error: OSError) -> InputError:
    reason = _WRITE_FAILURES.get(error.errno or 0, "写入时出错")
    return InputError(f"无法写入 {target}：{reason}；原有的文件没有改动。")
