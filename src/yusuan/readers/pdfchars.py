"""A page's characters from PDFium, with their boxes on the page as its text reads.

Each character's box runs across its advance width and, as pdfminer measures it, from the
font's descent up one em (the font size times the text's scale), so `size` is the em. A font
whose descent reaches more than half an em below the baseline (a subset font with broken
metrics: its digits and punctuation would stand a line lower than the text beside them) is
measured from a typical descent below its characters' baseline instead. The
page is turned so that most of its characters stand upright: a landscape table drawn rotated
on a portrait page reads left to right whether or not the page's /Rotate shows it so. Text
set at a slant of more than 10° off every axis (a diagonal watermark) is left out, and so is
text wholly off the paper (the crop box: `place`), text a page clips away (`visible`, below)
and the overflow of a cell's text its own clip cuts off (`hide_cell_overflow`). A character
PDFium cannot map to Unicode (no ToUnicode entry for its code) reads as U+FFFD, so the page
check sends such pages to OCR.
"""

from __future__ import annotations

import ctypes
import math
import struct
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

from yusuan import regexes
from yusuan.kept.dataclass_code import dataclass
from yusuan.readers.pdfium import library
from yusuan.readers.pdfobjects import Frame, calls, compiled, handle

try:  # the per-character loop in C, where the install could compile it
    from yusuan.readers import _bulkchars
except ImportError:
    _bulkchars = None

UPRIGHT_SLACK = 1e-3
SKEW_DEGREES = 10.0
SKEWED = -1  # the direction of text set at a slant (a diagonal watermark): left out
CLIPPED = -2  # the direction given to a character its own text object's cell clip hides
_BREAKS = frozenset((0x20, 0x0D, 0x0A))
_TEXT_MARK = 0xFFFE
# every code point str.isspace() takes for space (a test checks the list against it)
_SPACES = frozenset((*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680,
                     *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000))
_SURROGATE = regexes.compile("[\ud800-\udfff]")
_DIRECTION = itemgetter(6)
_FOUR_FLOATS = struct.Struct("=4f")
TALL_BOX_EM = 1.5  # a loose box taller than this many ems: its font's descent is looked at
MAX_DESCENT_EM = 0.5  # a descent deeper than this is a font's broken metrics
TYPICAL_DESCENT_EM = 0.2  # what such a character's box is measured from instead

# code point, left, bottom, right, top (user space), em, direction (0/90/180/270, SKEWED),
# spaced
RawChar = tuple[int, float, float, float, float, float, int, bool]


@dataclass(slots=True)
class Char:
    """One character of a PDF page's text layer and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    spaced: bool = False  # PDFium saw a word gap before it (a space the PDF leaves out)


_CHAR_FIELDS = ("text", "x0", "x1", "top", "bottom", "size", "spaced")
# Char's slot descriptors in that order, which `_bulkchars.place` sets without calling
# __init__ (None: Char has other fields or a __post_init__, and `place` builds its Chars in
# Python)
_CHAR_SLOTS = (tuple(Char.__dict__[name] for name in _CHAR_FIELDS)
               if tuple(field.name for field in fields(Char)) == _CHAR_FIELDS
               and not hasattr(Char, "__post_init__") else None)


def read_text(page: Any, textpage: Any, clipped_text: bool = True) -> tuple[list[Char], Frame]:
    """The page's characters in content order (PDFium's generated spaces and breaks, those at
    a slant, cut off by their cell's clip or wholly off the crop box left out), and the frame
    that turns the page so its text reads left to right. `clipped_text`: some text object of
    the page has a clip (`pdfobjects.PageTree`)."""
    raw = [char for char in raw_chars(textpage, clipped_text) if char[6] >= 0]  # `shown`
    frame = Frame(tuple(page.get_mediabox()), dominant_direction(raw))
    return place(raw, frame, frame.box(*page.get_cropbox())), frame


def shown(char: RawChar) -> bool:
    """Whether the character is read: neither at a slant nor cut off by its cell's clip."""
    return char[6] >= 0


def dominant_direction(chars: list[RawChar]) -> int:
    """The direction most of the characters other than spaces stand in (the first seen of
    those tied)."""
    directions = set(map(_DIRECTION, chars))
    if len(directions) == 1:  # one direction for all: theirs, unless all are spaces
        direction = directions.pop()
        return direction if any(char[0] not in _SPACES for char in chars) else 0
    counts = Counter(char[6] for char in chars if char[0] not in _SPACES)
    return counts.most_common(1)[0][0] if counts else 0


def place(chars: list[RawChar], frame: Frame, paper: Box | None = None,
          compiled: bool = True) -> list[Char]:
    """Characters on the turned page (x rightwards, top downwards), those wholly outside the
    `paper` box (`on_paper`) left out; on an unturned page made in C (`_bulkchars`) unless
    `compiled` is false or it is not built."""
    if frame.rotation == 0:
        shift_x, shift_y = -frame.matrix[4], frame.matrix[5]
        if compiled and _bulkchars is not None and _CHAR_SLOTS is not None:
            bounds = () if paper is None else (paper,)
            return _bulkchars.place(chars, Char, _CHAR_SLOTS, shift_x, shift_y, *bounds)
        placed = [Char(chr(code), left - shift_x, right - shift_x, shift_y - top,
                       shift_y - bottom, size, spaced)
                  for code, left, bottom, right, top, size, _, spaced in chars]
    else:
        placed = []
        for code, left, bottom, right, top, size, _, spaced in chars:
            x0, y0, x1, y1 = frame.box(left, bottom, right, top)
            placed.append(Char(chr(code), x0, x1, y0, y1, size, spaced))
    return placed if paper is None else on_paper(placed, paper)


def raw_chars(textpage: Any, clipped_text: bool = True, compiled: bool = True) -> list[RawChar]:
    """The text page's characters: code points in one call, then one loose box and font size
    per character (PDFium has no call for all boxes at once). Each character's text object is
    asked only when `clipped_text` says some text object of the page has a clip (the cell
    overflow is looked for among those). The loop runs in C (`_bulkchars`, built at install
    where a compiler is present) unless `compiled` is false or it is not built: the same
    calls, the same figures."""
    pdfium = calls()
    page = handle(textpage.raw)
    ems = EmCache(pdfium, page)
    if compiled and _bulkchars is not None:
        chars, owners = _bulkchars.page_chars(_addresses(), page.value, clipped_text, ems.em)
    else:
        chars, owners = _chars_one_call_each(pdfium, page, ems, clipped_text)
    if not clipped_text:
        return chars
    return hide_cell_overflow(_clip_reader(pdfium, compiled), chars, owners)


def _clip_reader(pdfium: SimpleNamespace, use_c: bool) -> Callable[[int], Box | None]:
    """An object's clip (user space): `_bulkobjects.user_clip` reads every point of it in one
    call; without `use_c` or the helper, the clips sharing their paths are read once
    (`SharedClips`)."""
    bulk = compiled() if use_c else None
    return bulk.user_clip if bulk is not None else SharedClips(pdfium).clip  # type: ignore[no-any-return]


def _chars_one_call_each(pdfium: Any, page: ctypes.c_void_p, ems: EmCache, clipped_text: bool
                         ) -> tuple[list[RawChar], list[int | None]]:
    """`raw_chars`'s loop through ctypes: the characters, and each one's text object when
    `clipped_text`."""
    box = (ctypes.c_float * 4)()  # left, top, right, bottom
    where = ctypes.byref(box)
    generated, unmapped = pdfium.FPDFText_IsGenerated, pdfium.FPDFText_HasUnicodeMapError
    loose, font_size = pdfium.FPDFText_GetLooseCharBox, pdfium.FPDFText_GetFontSize
    four_floats = _FOUR_FLOATS.unpack_from  # the box's floats in one call (a slice reads each)
    baseline = Baseline(pdfium, page)
    owner_of = pdfium.FPDFText_GetTextObject
    seen: dict[tuple[float, float], tuple[float, int, bool]] = {}  # ems.em's, by exact height
    chars: list[RawChar] = []
    owners: list[int | None] = []
    append, own = chars.append, owners.append
    spaced = False
    last: tuple[float, float, tuple[float, int, bool]] = (math.nan, math.nan, (0.0, 0, False))
    for index, code in enumerate(page_codes(pdfium, page)):
        if code in _BREAKS and generated(page, index):
            spaced = spaced or code == 0x20
            continue
        if unmapped(page, index) == 1 or code > 0x10FFFF:
            code = 0xFFFD
        loose(page, index, where)
        left, top, right, bottom = four_floats(box)
        size, height = font_size(page, index), top - bottom
        if size != last[0] or height != last[1]:  # a run's characters share both
            found = seen.get((size, height))
            if found is None:
                found = seen[size, height] = ems.em(index, size, height)
            last = (size, height, found)
        size, direction, upright = last[2]
        if upright and height > TALL_BOX_EM * size:
            bottom = baseline.bottom(index, bottom, size)
        append((code, left, bottom, right, bottom + size if upright else top, size, direction,
                spaced))
        if clipped_text:
            own(owner_of(page, index))
        spaced = False
    return chars, owners


@lru_cache(maxsize=1)
def _addresses() -> tuple[int, ...]:
    """The addresses of the PDFium functions `_bulkchars.page_chars` calls, in its order."""
    return tuple(map(library.address, (
        "FPDFText_CountChars", "FPDFText_GetText", "FPDFText_GetUnicode", "FPDFText_IsGenerated",
        "FPDFText_HasUnicodeMapError", "FPDFText_GetLooseCharBox", "FPDFText_GetFontSize",
        "FPDFText_GetCharOrigin", "FPDFText_GetTextObject")))


def page_codes(pdfium: Any, page: ctypes.c_void_p) -> list[int]:
    """Each character's code point: the page's text in one call when it has one UTF-16 unit
    per character (checked at both ends), else one call per character. The text writes
    U+FFFE where the character's own code is a control code (0x02, a hyphen marker): those
    few are asked one by one."""
    count = pdfium.FPDFText_CountChars(page)
    if count <= 0:
        return []
    buffer = (ctypes.c_uint16 * (count + 1))()
    written = pdfium.FPDFText_GetText(page, 0, count, ctypes.byref(buffer))
    codes = buffer[:count]
    unicode = pdfium.FPDFText_GetUnicode
    if (written != count + 1 or _has_surrogate(buffer, count)
            or codes[0] != unicode(page, 0) or codes[-1] != unicode(page, count - 1)):
        return [unicode(page, index) for index in range(count)]
    if _TEXT_MARK in codes:
        codes = [unicode(page, index) if code == _TEXT_MARK else code
                 for index, code in enumerate(codes)]
    return codes


def _has_surrogate(buffer: Any, count: int) -> bool:
    """Whether one of the first `count` UTF-16 units is half of a surrogate pair (decoded
    in C: a pair becomes one character, a lone half stays as it is)."""
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "surrogatepass")
    return len(text) != count or _SURROGATE.search(text) is not None


class Baseline:
    """The bottom of an upright character's box: the font's descent below its baseline, or a
    typical descent where the font's own is broken (deeper than `MAX_DESCENT_EM`)."""

    def __init__(self, pdfium: Any, textpage: ctypes.c_void_p) -> None:
        self.origin = pdfium.FPDFText_GetCharOrigin
        self.textpage = textpage
        self.x, self.y = ctypes.c_double(), ctypes.c_double()

    def bottom(self, index: int, loose_bottom: float, em: float) -> float:
        if not self.origin(self.textpage, index, ctypes.byref(self.x), ctypes.byref(self.y)):
            return loose_bottom
        base = self.y.value
        return base - TYPICAL_DESCENT_EM * em if base - loose_bottom > MAX_DESCENT_EM * em else loose_bottom


class EmCache:
    """A character's em (font size × the text's scale), its direction, whether it is upright.

    The character matrix is read once per (font size, loose box height): characters of one
    run share both, and a different scale or direction changes the box height.
    """

    def __init__(self, pdfium: Any, textpage: ctypes.c_void_p) -> None:
        self.pdfium = pdfium
        self.textpage = textpage
        self.matrix = (ctypes.c_float * 6)()
        self.known: dict[tuple[float, float], tuple[float, int, bool]] = {}

    def em(self, index: int, font_size: float, height: float) -> tuple[float, int, bool]:
        """`measure`'s answer, asked once per font size and box height rounded to 0.01."""
        key = (font_size, round(height, 2))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self.measure(index, font_size, height)
        return found

    def measure(self, index: int, font_size: float, height: float) -> tuple[float, int, bool]:
        self.pdfium.FPDFText_GetMatrix(self.textpage, index, ctypes.byref(self.matrix))
        a, b, c, d, _, _ = self.matrix
        scale = math.hypot(c, d)
        size = font_size * scale
        angle = math.degrees(math.atan2(b, a))
        direction = round(angle / 90) % 4 * 90
        if abs((angle - direction + 180) % 360 - 180) > SKEW_DEGREES:
            direction = SKEWED
        upright = (abs(b) < UPRIGHT_SLACK * scale and abs(c) < UPRIGHT_SLACK * scale
                   and a > 0 and d > 0)
        return (size if size > 0 else height), direction, upright and size > 0


# Text a page clips away: placed in the file, cut off on the paper.
#
# Word processors that paginate into a clipped area leave the lines before a page break in the
# next page's content stream, outside its clip: PDFium reads them, no reader sees them, and a
# finding citing them points at nothing. Most pages clip all their text to one area, so the first
# text object's clip is asked once; when characters stand outside it, the page is rendered and
# a run of such characters with no ink where any of them stands is left out (PDFium's clip
# coordinates are not always those the page is drawn in, so the picture decides, not the clip;
# and a run, not a character, so that a faint '.' inside a figure is never lost).

Box = tuple[float, float, float, float]  # x0, top, x1, bottom on the turned page
CLIP_SLACK = 1.0  # points a character may stand over its clip's edge and still be seen
INK = 200  # a grey darker than this (of 255) is ink


def visible(chars: list[Char], page: Any, frame: Frame) -> list[Char]:
    """`chars` (placed on the paper, `place`) without those the page's clip paths hide."""
    if not chars or frame.rotation or page.get_rotation():
        return chars
    pdfium = calls()
    clip = _first_text_clip(pdfium, handle(page.raw), frame)
    if clip is None:
        return chars
    left, top, right, bottom = (clip[0] - CLIP_SLACK, clip[1] - CLIP_SLACK,
                                clip[2] + CLIP_SLACK, clip[3] + CLIP_SLACK)
    if all(char.x0 >= left and char.top >= top and char.x1 <= right and char.bottom <= bottom
           for char in chars):  # `_inside` for each, without a call each
        return chars
    inked = _ink(page)
    kept: list[Char] = []
    run: list[Char] = []
    for char in [*chars, None]:
        if char is not None and not char.text.isspace() and not _inside(char, clip):
            run.append(char)
            continue
        if any(inked(c) for c in run):
            kept += run
        run = []
        if char is not None:
            kept.append(char)
    return kept


def on_paper(chars: list[Char], paper: Box) -> list[Char]:
    """`chars` without those wholly outside the page's box (set beyond its edge, never
    printed); one the edge cuts in part stays."""
    return [char for char in chars
            if char.x1 > paper[0] and char.x0 < paper[2] and char.bottom > paper[1] and char.top < paper[3]]


def _first_text_clip(pdfium: SimpleNamespace, page: Any, frame: Frame) -> Box | None:
    text = library.FPDF_PAGEOBJ_TEXT
    for index in range(pdfium.FPDFPage_CountObjects(page)):
        obj = pdfium.FPDFPage_GetObject(page, index)
        if pdfium.FPDFPageObj_GetType(obj) == text:
            return _clip_box(pdfium, obj, frame)
    return None


def _clip_box(pdfium: SimpleNamespace, obj: Any, frame: Frame) -> Box | None:
    """The box holding what the object's clip lets through on the turned page; None when it
    has no clip."""
    area = _clip_reader(pdfium, True)(obj)
    return frame.box(*area) if area is not None else None


def _clip_by_calls(pdfium: SimpleNamespace, obj: Any) -> Box | None:
    """The object's clip as (left, bottom, right, top) in user space: the paths' boxes
    intersected; None when it has no clip. The C helper's `user_clip` reads the same points in
    one call."""
    clip = pdfium.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    point = (ctypes.c_float * 2)()
    x, y = ctypes.byref(point), ctypes.byref(point, ctypes.sizeof(ctypes.c_float))
    box: Box | None = None
    for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for index in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
            segment = pdfium.FPDFClipPath_GetPathSegment(clip, path, index)
            if pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(point[0])
                ys.append(point[1])
        if xs:
            area = (min(xs), min(ys), max(xs), max(ys))
            box = area if box is None else (max(box[0], area[0]), max(box[1], area[1]),
                                            min(box[2], area[2]), min(box[3], area[3]))
    return box


# PDFium shares one clip among the objects drawn under it (a page's text clipped to its text
# area, or a cell's characters set one object each), and a clip's paths among the clips made
# from it. A path segment's handle is the address of its point in the path's array, so two
# clips whose paths start at the same addresses are made of the same paths while the page is
# loaded: the clip's area is read once for them (its first points asked, not every point).


class SharedClips:
    """Text objects' clips (user space) on one loaded page, read once per set of paths."""

    def __init__(self, pdfium: Any) -> None:
        self.pdfium = pdfium
        self.by_paths: dict[int | tuple[int | None, ...] | None, Box | None] = {}

    def clip(self, owner: int) -> Box | None:
        pdfium = self.pdfium
        clip = pdfium.FPDFPageObj_GetClipPath(owner)
        count = pdfium.FPDFClipPath_CountPaths(clip) if clip else 0
        if count <= 0:
            return None
        first_point = pdfium.FPDFClipPath_GetPathSegment
        paths = (first_point(clip, 0, 0) if count == 1
                 else tuple(first_point(clip, path, 0) for path in range(count)))
        found = self.by_paths.get(paths, _UNREAD)
        if found is _UNREAD:
            found = self.by_paths[paths] = _clip_by_calls(pdfium, owner)
        return found  # type: ignore[return-value]


_UNREAD = object()


# A spreadsheet printed to PDF sets each cell's text in its own clip, the cell: a label longer
# than its cell runs on under the next cell in the file ('1、人员经费和公用经费支' | '出 2,022.39'),
# a centred header out at both sides, and the paper shows only what lies inside. The characters
# set in one clip (one text object, or one object per character as iTextSharp writes them) are
# the cell's text; those whose middle lies outside are hidden when the clip is one cell high (a
# page-sized clip is `visible`'s business), lets some of them through (a clip placed wholly
# elsewhere is not trusted), and hides no digit (a figure is never shortened).
CELL_CLIP_EMS = 5.0  # a clip at most this many ems high is a cell's


def hide_cell_overflow(clip_of: Callable[[int], Box | None], chars: list[RawChar],
                       owners: list[int | None]) -> list[RawChar]:
    """`chars` with those their cell's clip cuts off marked CLIPPED: the characters set in one
    clip (one text object, or one object per character) are the cell's text. `clip_of` gives
    a text object's clip in user space (None: it has none)."""
    hidden: set[int] = set()
    for (left, bottom, right, top), indexes in _by_clip(clip_of, owners).items():
        outside = [i for i in indexes  # the character's middle outside the clip
                   if not (left <= (chars[i][1] + chars[i][3]) / 2 <= right
                           and bottom <= (chars[i][2] + chars[i][4]) / 2 <= top)]
        if not outside or len(outside) == len(indexes):
            continue
        em = max(chars[i][5] for i in indexes)
        if top - bottom > CELL_CLIP_EMS * em or any(chr(chars[i][0]).isdigit() for i in outside):
            continue
        hidden.update(outside)
    if not hidden:
        return chars
    return [(*char[:6], CLIPPED, char[7]) if index in hidden else char
            for index, char in enumerate(chars)]


def _by_clip(clip_of: Callable[[int], Box | None], owners: list[int | None]
             ) -> dict[Box, list[int]]:
    """The characters' indexes by their text object's clip (those of objects without a clip
    left out), each object's clip asked once. An object's characters mostly come one after
    another: a run of them is placed with one look-up."""
    clips: dict[int, Box | None] = {}
    by_clip: dict[Box, list[int]] = {}
    previous: int | None = None
    group: list[int] | None = None
    for index, owner in enumerate(owners):
        if owner != previous:
            previous, group = owner, None
            if owner:
                clip = clips[owner] if owner in clips else clips.setdefault(owner, clip_of(owner))
                if clip is not None:
                    group = by_clip.setdefault(clip, [])
        if group is not None:
            group.append(index)
    return by_clip


def _inside(char: Char, area: Box) -> bool:
    return (char.x0 >= area[0] - CLIP_SLACK and char.top >= area[1] - CLIP_SLACK
            and char.x1 <= area[2] + CLIP_SLACK and char.bottom <= area[3] + CLIP_SLACK)


def _ink(page: Any) -> Any:
    """Whether the page, rendered at 72 dpi, shows ink inside a character's box (none off
    the page)."""
    image = page.render_grey(scale=1)
    pixels, stride, width, height = image.pixels, image.stride, image.width, image.height

    def inked(char: Char) -> bool:
        x0, x1 = max(int(char.x0), 0), min(int(char.x1) + 1, width)
        top, bottom = max(int(char.top), 0), min(int(char.bottom) + 1, height)
        return x1 > x0 and any(min(pixels[row * stride + x0:row * stride + x1]) < INK
                               for row in range(top, bottom))
    return inked
