"""ZIP packages (.xlsx, .docx): the inflated size of every part, measured before a library
reads the package.

The sizes in the central directory are read first (cheap, and a bomb usually states its size
honestly); then each part is inflated into nothing, counting bytes and stopping at the bound,
so a package whose directory lies about its sizes is caught too.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from yusuan.readers.guards import (
    MAX_PACKAGE_BYTES,
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_RATIO,
    MIB,
    Oversize,
    size_text,
)

LOCAL_HEADER = 30
CHUNK = 1 << 16


def check_package(path: Path) -> None:
    """Refuse a package whose parts inflate past the bounds; a damaged ZIP is left to its reader."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if len(parts) > MAX_PARTS:
        raise Oversize(f"是一个有 {len(parts)} 个部件的压缩包，超过 {MAX_PARTS} 个，不像是一份公开文件。")
    check_declared_sizes(parts)
    with path.open("rb") as handle:
        total = 0
        for part in parts:
            total += inflated_size(handle, part, min(MAX_PART_BYTES, MAX_PACKAGE_BYTES - total))


def check_declared_sizes(parts: list[zipfile.ZipInfo]) -> None:
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise _too_large()
        if part.file_size > MIB and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise Oversize(f"中的一个部件解压后是压缩大小的 "
                           f"{part.file_size // max(part.compress_size, 1)} 倍，是压缩炸弹，不读取。")
    total = sum(part.file_size for part in parts)
    if total > MAX_PACKAGE_BYTES:
        raise _too_large()


def inflated_size(handle: BinaryIO, part: zipfile.ZipInfo, limit: int) -> int:
    """The bytes `part` really inflates to, counted without keeping them; past `limit`, Oversize.

    A part whose data cannot be inflated is counted as far as it goes (its reader reports the damage).
    """
    if part.compress_type != zipfile.ZIP_DEFLATED:
        if part.compress_size > limit:
            raise _too_large()
        return part.compress_size
    handle.seek(part.header_offset)
    header = handle.read(LOCAL_HEADER)
    if len(header) < LOCAL_HEADER:
        return 0
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    handle.seek(part.header_offset + LOCAL_HEADER + name_length + extra_length)
    return _count_inflated(handle, part.compress_size, limit)


def _count_inflated(handle: BinaryIO, compressed: int, limit: int) -> int:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    total = 0
    while compressed > 0 and not inflater.eof:
        chunk = handle.read(min(CHUNK, compressed))
        if not chunk:
            break
        compressed -= len(chunk)
        try:
            while chunk and not inflater.eof:
                total += len(inflater.decompress(chunk, CHUNK))
                chunk = inflater.unconsumed_tail
                if total > limit:
                    raise _too_large()
        except zlib.error:
            break
    return total


def _too_large() -> Oversize:
    return Oversize(f"解压后超过了上限（单个部件 {size_text(MAX_PART_BYTES)}、全部部件 "
                    f"{size_text(MAX_PACKAGE_BYTES)}），不读取，以免耗尽内存。")
