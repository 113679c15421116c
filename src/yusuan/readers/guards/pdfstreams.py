"""The Flate streams of a PDF, inflated into nothing before PDFium opens the file.

PDFium inflates a page's content stream whole when it loads the page (up to 1 GiB each), so a
1 MB file can take gigabytes. Every zlib stream after a `stream` keyword is inflated here as a
stream of chunks, counting bytes and stopping at the bound; nothing is kept. A stream that
does not inflate (another filter, damage) is passed over: PDFium judges it.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from yusuan.readers.guards import (
    MAX_PDF_INFLATED_BYTES,
    MAX_PDF_STREAM_BYTES,
    Oversize,
    size_text,
)

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
CHUNK = 1 << 16


def check_streams(path: Path) -> None:
    """Refuse a PDF one of whose Flate streams, or all together, inflate past the bounds."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        total = 0
        for match in _STREAM.finditer(data):
            start = match.end()
            if not _zlib_header(data[start:start + 2]):
                continue
            limit = min(MAX_PDF_STREAM_BYTES, MAX_PDF_INFLATED_BYTES - total)
            total += inflated_size(data, start, limit)


def _zlib_header(head: bytes) -> bool:
    return len(head) == 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def inflated_size(data: mmap.mmap, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` inflates to; Oversize once past `limit`."""
    inflater = zlib.decompressobj()
    total = 0
    position = start
    while position < len(data) and not inflater.eof:
        chunk = data[position:position + CHUNK]
        position += len(chunk)
        try:
            while chunk and not inflater.eof:
                total += len(inflater.decompress(chunk, CHUNK))
                chunk = inflater.unconsumed_tail
                if total > limit:
                    raise Oversize(f"中有压缩数据解压后超过了上限（单个数据流 "
                                   f"{size_text(MAX_PDF_STREAM_BYTES)}、全部 "
                                   f"{size_text(MAX_PDF_INFLATED_BYTES)}），不读取，以免耗尽内存。")
        except zlib.error:
            break
    return total
