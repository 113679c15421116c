"""The compressed streams of a PDF, decoded into nothing before PDFium opens the file.

PDFium decodes a page's content stream whole when it loads the page (up to 1 GiB each), so a
1 MB file can take gigabytes. Every zlib stream after a `stream` keyword is inflated here in
chunks, counting bytes and stopping at the bound; nothing is kept. A stream compressed twice
(FlateDecode over FlateDecode) is followed into its inner layer, an LZWDecode stream is
measured by the lengths of its codes and a RunLengthDecode stream by its runs. A stream that does not decode (another filter, damage)
is passed over: PDFium judges it.

The inflating is zlib-ng's (the same format, inflated in about half zlib's time): it is most of
the guard's time, and a disclosure's fonts and images inflate to tens of MB.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator
from pathlib import Path

from zlib_ng import zlib_ng

from yusuan.readers.guards import (
    MAX_PDF_INFLATED_BYTES,
    MAX_PDF_STREAM_BYTES,
    Oversize,
    size_text,
)

_KEYWORD = b"stream"
CHUNK = 1 << 16
MAX_LAYERS = 3  # zlib inside zlib inside zlib
DICT_REACH = 2048  # bytes before `stream` searched for the stream's /Filter


def check_streams(path: Path) -> None:
    """Refuse a PDF one of whose compressed streams, or all together, decode past the bounds."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        total = 0
        for keyword, start in stream_starts(data):
            limit = min(MAX_PDF_STREAM_BYTES, MAX_PDF_INFLATED_BYTES - total)
            if _zlib_header(data[start:start + 2]):
                total += inflated_size(data, start, limit)
                continue
            head = _dictionary(data, keyword)
            if b"LZW" in head:
                total += lzw_size(data, start, limit)
            elif b"RunLength" in head or b"/RL" in head:
                total += run_length_size(data, start, limit)


def stream_starts(data: mmap.mmap | bytes) -> Iterator[tuple[int, int]]:
    """(where the keyword stands, where its data starts) of each `stream` keyword followed by
    an end of line, `endstream` left out: found by searching the bytes (a regular expression
    with a look-behind costs half the guard's time on a real file)."""
    position = data.find(_KEYWORD)
    while position >= 0:
        after = position + len(_KEYWORD)
        eol = data[after:after + 2]
        if eol[:1] in (b"\r", b"\n") and data[max(0, position - 3):position] != b"end":
            yield position, after + (2 if eol == b"\r\n" else 1)
        position = data.find(_KEYWORD, after)


def _dictionary(data: mmap.mmap, end: int) -> bytes:
    """The text of the object up to its `stream` keyword (its dictionary), roughly."""
    before = data[max(0, end - DICT_REACH):end]
    return before[before.rfind(b"obj") + 1:]


def _zlib_header(head: bytes) -> bool:
    return len(head) == 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


class _Layer:
    """One zlib layer: inflates what it is fed in bounded chunks and counts its output; output
    that is itself a zlib stream feeds the next layer, whose count is what the file holds."""

    def __init__(self, limit: int, depth: int = 1) -> None:
        self.inflater = zlib_ng.decompressobj()
        self.limit = limit
        self.depth = depth
        self.size = 0
        self.inner: _Layer | None = None
        self.started = False

    @property
    def done(self) -> bool:
        return self.inflater.eof

    def feed(self, chunk: bytes) -> None:
        while chunk and not self.inflater.eof:
            out = self.inflater.decompress(chunk, CHUNK)
            chunk = self.inflater.unconsumed_tail
            self.size += len(out)
            if self.size > self.limit:
                raise _too_large()
            self._pass_on(out)

    def _pass_on(self, out: bytes) -> None:
        if not out:
            return
        if not self.started:
            self.started = True
            if self.depth < MAX_LAYERS and _zlib_header(out[:2]):
                self.inner = _Layer(self.limit, self.depth + 1)
        if self.inner is not None and not self.inner.done:
            try:
                self.inner.feed(out)
            except zlib_ng.error:
                self.inner = None

    @property
    def decoded(self) -> int:
        return max(self.size, self.inner.decoded if self.inner else 0)


def inflated_size(data: mmap.mmap, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` (and a zlib stream inside it) inflates to; Oversize once
    past `limit`."""
    layer = _Layer(limit)
    position = start
    while position < len(data) and not layer.done:
        chunk = data[position:position + CHUNK]
        position += len(chunk)
        try:
            layer.feed(chunk)
        except zlib_ng.error:
            break
    return layer.decoded


def lzw_size(data: mmap.mmap, start: int, limit: int) -> int:
    """Bytes the LZW stream at `start` decodes to (PDF's variant: 9-12 bit codes, early change),
    counted from the lengths of its table entries without building them; Oversize past `limit`."""
    lengths = [1] * 256 + [0, 0]  # 256 clear table, 257 end of data
    width, bits, held, previous, total = 9, 0, 0, 0, 0
    for position in range(start, len(data)):
        bits = (bits << 8) | data[position]
        held += 8
        while held >= width:
            held -= width
            code = bits >> held
            bits &= (1 << held) - 1
            if code == 256:
                del lengths[258:]
                width, previous = 9, 0
                continue
            if code == 257 or code > len(lengths) or (code == len(lengths) and not previous):
                return total
            length = lengths[code] if code < len(lengths) else previous + 1
            if previous and len(lengths) < 4096:
                lengths.append(previous + 1)
            total += length
            if total > limit:
                raise _too_large()
            previous = length
            if len(lengths) + 1 >= 1 << width and width < 12:
                width += 1
    return total


def run_length_size(data: mmap.mmap, start: int, limit: int) -> int:
    """Bytes the RunLengthDecode stream at `start` decodes to (a run of 128 from 2 bytes)."""
    total, position = 0, start
    while position < len(data):
        length = data[position]
        if length == 128:
            break
        if length < 128:
            total, position = total + length + 1, position + length + 2
        else:
            total, position = total + 257 - length, position + 2
        if total > limit:
            raise _too_large()
    return total


def _too_large() -> Oversize:
    return Oversize(f"中有压缩数据解压后超过了上限（单个数据流 {size_text(MAX_PDF_STREAM_BYTES)}、"
                    f"全部 {size_text(MAX_PDF_INFLATED_BYTES)}），不读取，以免耗尽内存。")
