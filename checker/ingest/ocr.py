"""Scanned pages of a PDF read by OCR: each page drawn as an image by ``pdftoppm`` (poppler) and read by Tesseract
with its Vietnamese model (``tesseract-ocr-vie``), both Debian packages; without them a scanned page stays unread and
the file says what to install.

Tesseract gives every word with its box on the page (``tsv`` output). The words are placed like the text of a PDF
with a text layer (``checker.ingest.pdf_grid``, in points: 72 per inch): the header's and the signature's two columns
keep apart, a column wrapped in its cell is put back on its line, the body reads as lines. A table's ruling is found
in the picture (long straight runs of ink), whitened before OCR, and makes the table's rows and cells as a PDF's
drawn ruling does.

Each page is drawn and read by its own processes (pdftoppm, then Tesseract once, or twice where it has a table, and
on a line whose number it lost), within the page's time limit (``page_seconds``), stdin closed, writing nowhere but a
private temporary folder; the page count read this way is bounded (``MAX_PAGES``). A batch's worker announces how
long the pages may take (``announce``), so a scan is not killed by ``--timeout`` as if it hung.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import operator
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from checker.errors import IngestError
from checker.ingest import pdf_grid

DPI = 300  # Tesseract's documented best resolution for body text
# one page drawn and read (pdftoppm and every Tesseract run of it, together): 2-4 s on a 2-core machine, 10-40 s under
# a load of 10; a stuck one is killed. The environment's CHECK_OCR_PAGE_SECONDS sets another (a slow or busy machine)
PAGE_SECONDS = 60.0
PAGE_SECONDS_ENV = "CHECK_OCR_PAGE_SECONDS"
MAX_PAGES = 60  # twice the longest plan seen (about 30 pages): a longer scan is refused, not read for minutes
LANGUAGE = "vie"
# Tesseract's page modes: its default (3, its own reading of blocks) for the page, which reads a list's small dash;
# inside a ruled table, the words of its "sparse text" mode (11), which kept apart the words of a narrow cell that
# the default glued into one ("Kếtquảgiảiquyếtthủ tục" for "Kết quả giải quyết thủ tục") and misses such dashes
PAGE_MODE = "3"
TABLE_MODE = "11"
NOTE = ("trang {pages} là ảnh quét, được đọc bằng OCR (Tesseract, tiếng Việt): chữ có thể bị đọc sai, "
        "hãy đối chiếu câu trích với bản giấy")
INSTALL = ("máy chưa có OCR: cài gói tesseract-ocr, tesseract-ocr-vie và poppler-utils "
           "(hoặc chạy OCR trước: ocrmypdf -l vie tệp.pdf tệp-ocr.pdf)")

# Told, by a batch's worker, how many seconds the pages about to be read may take (``checker.batch``); nothing when
# checking in this process.
announce: Callable[[float], None] | None = None


@cache
def available() -> bool:
    """``pdftoppm`` and ``tesseract`` with the Vietnamese model are installed."""
    exe = shutil.which("tesseract")
    if exe is None or shutil.which("pdftoppm") is None:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], stdin=subprocess.DEVNULL, capture_output=True, timeout=30,
                             check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in (out.stdout + out.stderr).decode("utf-8", "replace").split()


def page_seconds() -> float:
    """The time a page may take to be drawn and read: ``PAGE_SECONDS``, or the environment's ``PAGE_SECONDS_ENV``
    (a positive number of seconds; anything else is not heeded)."""
    try:
        seconds = float(os.environ.get(PAGE_SECONDS_ENV) or PAGE_SECONDS)
    except ValueError:
        return PAGE_SECONDS
    return seconds if 0 < seconds < math.inf else PAGE_SECONDS


def _run(cmd: list[str], deadline: float, cwd: Path) -> bytes:
    """``cmd``'s output, killed at ``deadline`` (``time.monotonic``): the page's time, shared by its processes."""
    seconds = deadline - time.monotonic()
    if seconds <= 0:
        raise subprocess.TimeoutExpired(cmd, 0)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "HOME": str(cwd)}  # one core per worker, as the batch plans
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=seconds, cwd=cwd, env=env,
                          check=False)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd[0])
    return proc.stdout


Segments = list[tuple[float, float, float]]  # (at, low, high) in points, as ``pdf_grid.rules_of`` gives them
_SPECKS = set("`'\"‘’“”|\\~^°¸")  # what a dot or a rule's end is read as, never a plan's own mark when that small
_STOPS = (".", ",")  # a full stop, a comma: never as tall as the letters of its line
_FRINGE = 3  # pixels each side of a rule whitened with it: its grey edge, a step left where a crooked page was turned
_DARK = bytes(1 if v < 160 else 0 for v in range(256))  # a pixel of ink (a rule drawn grey stays ink)


def _pgm(data: bytes) -> tuple[int, int, bytearray]:
    """Width, height and pixels (one byte each, 0 black to 255 white) of a binary PGM image, as pdftoppm writes."""
    fields: list[bytes] = []
    pos = 2
    while len(fields) < 3:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, height = int(fields[0]), int(fields[1])
    return width, height, bytearray(data[pos + 1:pos + 1 + width * height])


def _runs(dark: bytes, count: int, pattern: re.Pattern[bytes], line: Callable[[int], bytes]) -> list[list[int]]:
    """Runs of ink at least the pattern's length on each of ``count`` lines: [index, start, end]; runs on next lines
    that overlap (one rule a few pixels thick) are one run, its index the first line's and ``end`` the widest."""
    found: list[list[int]] = []
    open_runs: list[list[int]] = []  # runs on the previous line: [index, start, end, last line]
    for k in range(count):
        now: list[list[int]] = []
        for m in pattern.finditer(line(k)):
            hit = next((r for r in open_runs if r[3] == k - 1 and m.start() < r[2] and r[1] < m.end()), None)
            if hit is not None:
                hit[1], hit[2], hit[3] = min(hit[1], m.start()), max(hit[2], m.end()), k
                now.append(hit)
            else:
                run = [k, m.start(), m.end(), k]
                found.append(run)
                now.append(run)
        open_runs = now
    return found


MAX_SKEW = 3.0  # degrees: a page fed crooked is turned 0.5-2 degrees; more is a photograph, not straightened here
_STRIPS = 16  # the page cut into this many upright strips to find the slope of its lines of ink
_STEPS = ((0.25, 12), (0.05, 5))  # slopes tried: every 0.25 degree up to MAX_SKEW, then every 0.05 near the best
MIN_SKEW = 0.1  # degrees: less moves a line 4 pixels across an A4 page at 300 dpi; the page is read as it is


def skew(width: int, height: int, pixels: bytearray) -> float:
    """The slope (dy/dx, y downwards) of a page's lines of text and ruling: the one under which the ink, counted
    along lines so sloped, starts and stops most sharply from one line to the next (the sum of the squared steps is
    highest), as a scan's text lines do when followed along their own slope; a dark edge of the scan, as much ink on
    every line, counts for nothing. 0.0 for a page whose lines lie square (or within ``MIN_SKEW`` of it)."""
    dark = bytes(pixels).translate(_DARK)
    strip = width // _STRIPS
    if strip == 0:
        return 0.0
    centre = width / 2
    counts = [[dark[y * width + k * strip:y * width + (k + 1) * strip].count(1) for y in range(height)]
              for k in range(_STRIPS)]
    offsets = [(k + 0.5) * strip - centre for k in range(_STRIPS)]

    def score(slope: float) -> int:
        profile = [0] * height
        for off, column in zip(offsets, counts, strict=True):
            s = round(off * slope)  # row y of the line through the page's middle at y0: y0 + s in this strip
            shifted = column[s:] + [0] * s if s >= 0 else [0] * -s + column[:s]
            profile = list(map(operator.add, profile, shifted))
        steps = list(map(operator.sub, profile[1:], profile))
        return sum(map(operator.mul, steps, steps))

    best = 0.0
    for step, count in _STEPS:
        tried = [best + step * k for k in range(-count, count + 1) if abs(best + step * k) <= MAX_SKEW + 1e-9]
        scores = {a: score(math.tan(math.radians(a))) for a in tried}
        top = max(scores.values())
        best = min((a for a in tried if scores[a] == top), key=abs)  # a tie keeps the page as it is
    return math.tan(math.radians(best)) if abs(best) >= MIN_SKEW else 0.0


def deskewed(width: int, height: int, pixels: bytearray, slope: float) -> bytearray:
    """The picture turned so that lines of that slope lie square, by two shears: each column moved up or down (the
    lines level), then each row sideways (the upright rules plumb); what comes in from outside is white."""
    out = bytearray(b"\xff" * (width * height))
    centre_x, centre_y = width / 2, height / 2
    bands: list[tuple[int, int, int]] = []  # columns moved by the same rows: (first, end, rows)
    for x in range(width):
        s = round((x - centre_x) * slope)
        if bands and bands[-1][2] == s:
            bands[-1] = (bands[-1][0], x + 1, s)
        else:
            bands.append((x, x + 1, s))
    for y in range(height):
        row = y * width
        for a, b, s in bands:
            if 0 <= y + s < height:
                src = (y + s) * width
                out[row + a:row + b] = pixels[src + a:src + b]
    for y in range(height):
        h = round((y - centre_y) * slope)
        row = y * width
        if h > 0:
            out[row:row + width] = b"\xff" * h + out[row:row + width - h]
        elif h < 0:
            out[row:row + width] = out[row - h:row + width] + b"\xff" * -h
    return out


def _spread(dark: bytes, step: int) -> bytes:
    """The ink pixels (1 or 0, one byte each) with each pixel's ink also on its neighbours ``step`` bytes before and
    after it (1: left and right, the picture's width: above and below); done on the picture as one big number."""
    ink = int.from_bytes(dark, "big")
    return (ink | ink >> 8 * step | ink << 8 * step).to_bytes(len(dark) + step, "big")[step:]


def rules(width: int, height: int, pixels: bytearray) -> tuple[Segments, Segments]:
    """The ruling lines of a page's picture, in points (y upwards from the page's foot), and the picture with them
    whitened (so that OCR does not read a rule as "|" or "_"). A horizontal rule is ink on one line of pixels at
    least half an inch long, a vertical one at least a quarter inch high: longer than any letter's stroke of a
    plan's type sizes; each pixel's ink counts also on the lines of pixels beside it (``_spread``), for a rule that
    steps by a pixel now and then (a thin rule scanned, a page turned straight) to stay one rule. The rules must be
    square to the page (a scan's skew breaks them into pieces too short): a crooked page is straightened first
    (``skew``, ``deskewed``)."""
    dark = bytes(pixels).translate(_DARK)
    scale = 72.0 / DPI
    tall, wide = _spread(dark, width), _spread(dark, 1)
    across = _runs(tall, height, re.compile(b"\x01{%d,}" % (DPI // 2)),
                   lambda y: tall[y * width:(y + 1) * width])
    down = _runs(wide, width, re.compile(b"\x01{%d,}" % (DPI // 4)), lambda x: wide[x::width])
    horizontal: Segments = []
    for y, x0, x1, last in across:
        for row in range(max(0, y - _FRINGE), min(height, last + 1 + _FRINGE)):
            pixels[row * width + x0:row * width + x1] = b"\xff" * (x1 - x0)
        horizontal.append(((height - (y + last) / 2) * scale, x0 * scale, x1 * scale))
    vertical: Segments = []
    for x, y0, y1, last in down:
        for col in range(max(0, x - _FRINGE), min(width, last + 1 + _FRINGE)):
            pixels[y0 * width + col:y1 * width + col:width] = b"\xff" * (y1 - y0)
        vertical.append(((x + last) / 2 * scale, (height - y1) * scale, (height - y0) * scale))
    return horizontal, vertical


def _words(tsv: str, page_h: float) -> list[pdf_grid.Run]:
    """Tesseract's words as runs in points, PDF-like (y grows upwards from the page's foot, each word on its line's
    foot, with the line's height). Specks (a stamp's dot, a rule's end: far smaller than the page's words, read as a
    quote mark or a letter with no confidence) are left out, and so are bars read as "|" (a draft's change bar beside
    a changed line, a piece of a rule) or as a full stop or a comma as tall as the line's letters (such a bar too
    short to be found as a rule, a heading's one line high), and a lone "_" (read in the gap between a heading's
    number and its text at 150 dpi, where nothing is drawn); a dash or a full stop, as small, is kept."""
    rows = [r.split("\t") for r in tsv.splitlines()[1:]]
    rows = [r for r in rows if len(r) >= 12]
    scale = 72.0 / DPI
    lines: dict[tuple[str, str, str], tuple[float, float]] = {}  # (block, par, line) -> (foot, height)
    for r in rows:
        if r[0] == "4":
            lines[(r[2], r[3], r[4])] = (float(r[7]) + float(r[9]), float(r[9]))
    words = [r for r in rows if r[0] == "5" and r[11].strip()]
    typical = statistics.median(float(r[9]) for r in words) if words else 0.0
    runs: list[pdf_grid.Run] = []
    for r in words:
        left, width, height, conf = float(r[6]), float(r[8]), float(r[9]), float(r[10])
        if height < 0.4 * typical and (conf < 5 or set(r[11].strip()) <= _SPECKS):
            continue
        if set(r[11].strip()) == {"|"} or r[11].strip() == "_":  # a bar, a low line alone: no word of a plan
            continue
        if r[11].strip() in _STOPS and height > 0.6 * typical and width < height / 4:  # a bar read as a stop
            continue
        foot, line_h = lines.get((r[2], r[3], r[4]), (float(r[7]) + height, height))
        runs.append(pdf_grid.Run(x=left * scale, end=(left + width) * scale, y=(page_h - foot) * scale,
                                 height=line_h * scale, text=r[11].strip(), conf=conf))
    return runs


def _phrases(words: list[pdf_grid.Run]) -> list[pdf_grid.Run]:
    """Words on one line a word's space apart joined into one run with a space between them, however tight a
    justified line sets them (a PDF's runs that close are pieces of one word); a wide gap (a column's) starts
    another run."""
    runs: list[pdf_grid.Run] = []
    for line in pdf_grid.lines_of(words):
        for w in line:
            prev = runs[-1] if runs and runs[-1].y == line[0].y else None
            if prev is not None and w.x - prev.end < 0.8 * max(prev.height, w.height):
                runs[-1] = pdf_grid.Run(x=prev.x, end=w.end, y=prev.y, height=prev.height, text=f"{prev.text} {w.text}")
            else:
                runs.append(pdf_grid.Run(x=w.x, end=w.end, y=line[0].y, height=w.height, text=w.text))
    return runs


@cache
def _misread_stop() -> re.Pattern[str] | None:
    """A line opening with a heading's number (1-99, I-XX) whose full stop OCR read as another mark
    (``ocr_full_stop`` in rules/conventions.yaml), a capital letter after it."""
    from checker.conventions import conventions

    marks = "".join(re.escape(m) for m in conventions().ocr_full_stop)
    return re.compile(rf"^(\s*(?:[1-9]\d?|[IVX]{{1,5}}))[{marks}](?=\s+(\w))") if marks else None


# A part's Roman number whose full stop OCR lost: it stands a tab's width before the heading, in capitals
# ("VI     TỔ CHỨC THỰC HIỆN"); a number in figures so spaced may be a row of a table typed with spaces, never read so
_LOST_STOP = re.compile(r"^(\s*[IVX]{1,5})(?=\s{2,}(\S.*)$)")


@cache
def _misread_figure() -> tuple[re.Pattern[str], dict[int, str]] | None:
    """A figure with a letter OCR reads for a digit in it (``ocr_digit_letters`` in rules/conventions.yaml: "Q5"),
    where it can only be a number: a percent sign after it (``percent_forms``), or a comparator sign before it
    ("> Q5"); and the letters' digits."""
    from checker.conventions import conventions

    c = conventions()
    if not c.ocr_digit_letters:
        return None
    letters = "".join(re.escape(k) for k in c.ocr_digit_letters)
    figure = rf"(?=[0-9{letters}]*[0-9])[0-9{letters}]*[{letters}][0-9{letters}]*"
    percent = "|".join(re.escape(f) for f in sorted({"%", *c.percent_forms}, key=len, reverse=True))
    signs = "".join(sorted({re.escape(ch) for w in c.comparators if not any(ch.isalpha() for ch in w.word)
                            for ch in w.word}))
    pattern = re.compile(rf"(?<!\w){figure}(?=(?:[.,][0-9]+)?\s?(?:{percent}))"
                         rf"|(?:(?<=[{signs}])|(?<=[{signs}]\s)){figure}(?!\w)")
    return pattern, str.maketrans(c.ocr_digit_letters)


def _undo_misreadings(items: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Lines whose heading number OCR read with a comma for its full stop ("5, Nâng cao …"), or without the stop
    of a part's Roman number ("VI     TỔ CHỨC …"), given it back; in lines and a table's cells, a figure with a letter
    read for a digit ("> Q5%", ``_misread_figure``) given its digit. Only here, on what OCR read: typed, "Q4/2025"
    is a quarter."""
    pattern, figure = _misread_stop(), _misread_figure()

    def given_back(m: re.Match[str]) -> str:
        return m.group(1) + "." if m.group(2).isupper() else m.group(0)

    def digits(text: str) -> str:
        return figure[0].sub(lambda m: m.group(0).translate(figure[1]), text) if figure is not None else text

    def mended(text: str) -> str:
        text = pattern.sub(given_back, text) if pattern is not None else text
        return digits(_LOST_STOP.sub(given_back, text))

    return [(kind, mended(content)) if kind == "line" else
            (kind, [[digits(cell) for cell in row] for row in content]) if kind == "table" else (kind, content)
            for kind, content in items]


_ROW_NUMBER = re.compile(r"(?:\d{1,3}|[IVX]{1,5})[.)]?")  # a table row's number, in figures or Roman
LINE_MODE = "7"  # Tesseract's mode for a picture holding one line of text
BLOCK_MODE = "6"  # Tesseract's mode for a picture holding one block of text (the cells read again, stacked)
INK = 128  # a pixel darker than this is ink
_INSET = _FRINGE + 5  # pixels of a cell next to its rules not looked at for ink (the rule's whitened edge)
_WORD = re.compile(r"[^\W\d_]{3}")  # three letters: a word, not a figure's sign or a letter OCR read for a digit
DOUBTFUL = 50.0  # a table cell's figure OCR is less sure of than this (0-100) is read again, the cell alone
_LOST_NUMBER = re.compile(r"(?:[1-9]\d?|[IVX]{1,5})[.,]")  # a heading's or list's number with its stop
_STOP_GAP = 2  # pixels left of a stop's box that are still its grey edge (a number ends some 10 pixels before it)


def _numbers_read_again(words: list[pdf_grid.Run], width: int, height: int, pixels: bytearray,
                        tsv_of: Callable[[bytes, str], str]) -> list[pdf_grid.Run]:
    """The words, where a line opens with a lone full stop (or comma) with ink just left of it, the number before
    it read again: the picture's piece from three letter heights left of the stop to the stop, as one line
    (``LINE_MODE``). Tesseract's page reading leaves out, at times, a number Word draws apart from its heading (an
    automatic list's "5." in another font, the heading's text at a tab stop) and keeps only its stop."""
    scale = 72.0 / DPI
    out = list(words)
    for line in pdf_grid.lines_of(words):
        stop = line[0]
        if stop.text not in (".", ","):
            continue
        foot, tall = round(height - stop.y / scale), round(stop.height / scale)
        x0, x1 = max(0, round(stop.x / scale) - 3 * tall), round(stop.end / scale) + 2
        y0 = max(0, foot - tall)
        rows = [bytes(pixels[y * width + x0:y * width + x1]) for y in range(y0, min(height, foot + 1))]
        left = max(1, round(stop.x / scale) - _STOP_GAP - x0)  # the stop's own ink and its grey edge not counted
        if not rows or not any(min(r[:left]) < 160 for r in rows):
            continue  # nothing drawn left of the stop
        pad = 20
        piece = b"\xff" * ((x1 - x0 + 2 * pad) * pad)
        body = b"".join(b"\xff" * pad + r + b"\xff" * pad for r in rows)
        crop = b"P5\n%d %d\n255\n" % (x1 - x0 + 2 * pad, len(rows) + 2 * pad) + piece + body + piece
        text = "".join(r[11].strip() for r in (r.split("\t") for r in tsv_of(crop, LINE_MODE).splitlines()[1:])
                       if len(r) >= 12 and r[0] == "5")
        if _LOST_NUMBER.fullmatch(text):
            out[next(k for k, w in enumerate(out) if w is stop)] = dataclasses.replace(
                stop, x=stop.end - (stop.end - stop.x) * len(text), text=text)
    return out


def _ink_box(pixels: bytearray, width: int, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The smallest box holding the ink inside ``box`` (left, top, right, bottom in pixels, the ends excluded);
    None when there is none, or only a speck (under a tenth of an inch high)."""
    x0, y0, x1, y1 = box
    ink = [y for y in range(y0, y1) if x1 > x0 and min(pixels[y * width + x0:y * width + x1]) < INK]
    if not ink or ink[-1] - ink[0] < DPI // 10:
        return None
    dark = bytes.maketrans(bytes(range(INK)), b"\x01" * INK)
    rows = [bytes(pixels[y * width + x0:y * width + x1]).translate(dark) for y in range(ink[0], ink[-1] + 1)]
    left = min(r.find(1) for r in rows if 1 in r)
    right = max(r.rfind(1) for r in rows)
    return x0 + left, ink[0], x0 + right + 1, ink[-1] + 1


def _cell_boxes(g: pdf_grid.Grid, height: int) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """The cells of a table (row, first column, merged across columns or not) as boxes of pixels (left, top, right,
    bottom) inside their rules and the rules' whitened edges (``_INSET``)."""
    scale = 72.0 / DPI
    return {(row, left): (round(g.xs[left] / scale) + _INSET, round(height - g.ys[row] / scale) + _INSET,
                          round(g.xs[right] / scale) - _INSET, round(height - g.ys[row + 1] / scale) - _INSET)
            for row in range(len(g.ys) - 1) for left, right in itertools.pairwise(g.borders_in_row(row))}


def _read_again(pieces: list[tuple[int, int, int, int]], width: int, pixels: bytearray,
                tsv_of: Callable[[bytes, str], str]) -> list[tuple[str, float]]:
    """Each piece of the picture (an ink box) read again, on its own: the pieces stacked in one picture read as a
    block (``BLOCK_MODE``: one Tesseract run for the page's pieces); each piece's text, and how sure OCR is of its
    least sure word (0 for none)."""
    pad = 30
    wide = max(x1 - x0 for x0, _y0, x1, _y1 in pieces) + 2 * pad
    lines: list[bytes] = []
    tops: list[int] = []  # where each piece stands in the stacked picture
    for x0, y0, x1, y1 in pieces:
        lines += [b"\xff" * wide] * pad
        tops.append(len(lines))
        lines += [(b"\xff" * pad + bytes(pixels[y * width + x0:y * width + x1])).ljust(wide, b"\xff")
                  for y in range(y0, y1)]
    lines += [b"\xff" * wide] * pad
    stacked = b"P5\n%d %d\n255\n" % (wide, len(lines)) + b"".join(lines)
    words: list[list[tuple[str, float]]] = [[] for _ in pieces]
    for r in (r.split("\t") for r in tsv_of(stacked, BLOCK_MODE).splitlines()[1:]):
        if len(r) >= 12 and r[0] == "5" and r[11].strip():
            middle = float(r[7]) + float(r[9]) / 2
            k = max(0, bisect.bisect_right(tops, middle) - 1)
            words[k].append((r[11].strip(), float(r[10])))
    return [(" ".join(w for w, _c in ws), min((c for _w, c in ws), default=0.0)) for ws in words]


def _cells_read_again(grids: list[pdf_grid.Grid], cells: list[pdf_grid.Run], width: int, height: int,
                      pixels: bytearray, tsv_of: Callable[[bytes, str], str]) -> list[pdf_grid.Run]:
    """The table cells' runs, with the cells OCR was unsure of read again, on their own (``_read_again``):
    a cell no reading gave a word though ink is drawn in it, taken when that ink reads as a row's number (both page
    modes drop, at times, a number standing alone in a narrow column, "3" to "7" of a table's rows on a page, and the
    page break's cut row would then take the next row in); a cell holding a figure whose least sure word is under
    ``DOUBTFUL`` ("80" read "30", sure of it at 8 in 100, where the cell alone reads "80" at 97), taken when the
    cell alone reads as surely as that and holds a figure."""
    scale = 72.0 / DPI
    empty: list[tuple[int, int, int, int]] = []
    doubtful: list[tuple[tuple[int, int, int, int], list[pdf_grid.Run]]] = []
    for g in grids:
        held: dict[tuple[int, int], list[pdf_grid.Run]] = {}
        for r in cells:
            if g.holds(r):
                held.setdefault(g.merged_cell_of(r), []).append(r)
        for key, box in _cell_boxes(g, height).items():
            runs = held.get(key, [])
            if not runs or (any(c.isdigit() for r in runs for c in r.text) and min(r.conf for r in runs) < DOUBTFUL):
                if (ink := _ink_box(pixels, width, box)) is not None:
                    (doubtful.append((ink, runs)) if runs else empty.append(ink))
    pieces = empty + [ink for ink, _runs in doubtful]
    if not pieces:
        return cells
    read = _read_again(pieces, width, pixels, tsv_of)
    out = list(cells)
    for (x0, y0, x1, y1), (text, _conf) in zip(empty, read, strict=False):
        if _ROW_NUMBER.fullmatch(text):
            out.append(pdf_grid.Run(x=x0 * scale, end=x1 * scale, y=(height - y1) * scale, height=(y1 - y0) * scale,
                                    text=text))
    for ((x0, _y0, _x1, _y1), runs), (text, conf) in zip(doubtful, read[len(empty):], strict=True):
        if conf > max(DOUBTFUL, min(r.conf for r in runs)) and any(c.isdigit() for c in text):
            first = min(runs, key=lambda r: (-r.y, r.x))  # the cell's first line: where its text starts
            out = [r for r in out if all(r is not o for o in runs)]
            out.append(dataclasses.replace(first, x=max(first.x, x0 * scale), text=text, conf=conf))
    return out


def _surer(page: list[pdf_grid.Run], table: list[pdf_grid.Run]) -> bool:
    """The page mode's reading of a cell holding a figure (no word of three letters: not a sentence, whose words
    the page mode glues in a narrow cell) is to be taken for the table mode's: it reads otherwise, a figure too, and
    OCR is surer of its least sure word."""
    one, two = (" ".join(r.text for r in runs) for runs in (page, table))
    return (one.split() != two.split() and any(c.isdigit() for c in one) and any(c.isdigit() for c in two)
            and not _WORD.search(one + " " + two)
            and min(r.conf for r in page) > min(r.conf for r in table))


def page_items(picture: bytes, tsv_of: Callable[[bytes, str], str]) -> list[tuple[str, Any]]:
    """A page's picture (binary PGM) read: its ruling found and whitened, the rest given to ``tsv_of`` (Tesseract,
    in a page mode), the words placed as a PDF's text is: in the tables the ruling draws, each word in its cell, and
    outside them as lines (a line's words a space apart joined, ``_phrases``)."""
    width, height, pixels = _pgm(picture)
    slope = skew(width, height, pixels)
    if slope:
        pixels = deskewed(width, height, pixels, slope)
    horizontal, vertical = rules(width, height, pixels)
    clean = b"P5\n%d %d\n255\n" % (width, height) + bytes(pixels)
    words = _numbers_read_again(_words(tsv_of(clean, PAGE_MODE), height), width, height, pixels, tsv_of)
    grids = pdf_grid.grids_of(horizontal, vertical)

    def table_of(r: pdf_grid.Run) -> pdf_grid.Grid | None:
        """The table whose rules are above and below the word's foot (its line's descenders included)."""
        return next((g for g in grids if g.xs[0] <= (r.x + r.end) / 2 <= g.xs[-1] and g.ys[-1] <= r.y <= g.ys[0]),
                    None)

    def in_table(r: pdf_grid.Run) -> bool:  # the line's middle under the top rule too: one whose descenders touch
        g = table_of(r)                      # the top rule stands above the table
        return g is not None and r.y + r.height / 2 <= g.ys[0]

    def above(r: pdf_grid.Run) -> pdf_grid.Run:  # such a line set on the rule, for the table not to take it in
        g = table_of(r)
        return r if g is None else dataclasses.replace(r, y=g.ys[0] + 0.01)

    cells: list[pdf_grid.Run] = []
    if grids:
        in_cells = [r for r in words if in_table(r)]
        words = [above(r) for r in words if not in_table(r)]
        cells = [r for r in _words(tsv_of(clean, TABLE_MODE), height) if in_table(r)]
        # a cell the table mode left empty (it drops a number standing alone: a row's "1", "II") takes the page
        # mode's reading of it when that is such a number (a rule's remnant read "_" beside it left out)
        # a cell holding a figure both modes read, but differently: the reading OCR is surer of (the table mode read
        # a "≥ 85" drawn with its bar as ">685" at 56 in 100, the page mode "> 85" at 93)
        filled: dict[tuple[int, tuple[int, int]], list[pdf_grid.Run]] = {}
        for r in cells:
            if (g := table_of(r)) is not None:
                filled.setdefault((id(g), g.merged_cell_of(r)), []).append(r)
        lone: dict[tuple[int, tuple[int, int]], list[pdf_grid.Run]] = {}
        for r in in_cells:
            if (g := table_of(r)) is not None:
                lone.setdefault((id(g), g.merged_cell_of(r)), []).append(r)
        for key, runs in lone.items():
            text = " ".join(r.text for r in runs).strip("_|")
            if key not in filled:
                if len(runs) == 1 and _ROW_NUMBER.fullmatch(text):
                    cells.append(dataclasses.replace(runs[0], text=text))
            elif _surer(runs, filled[key]):
                cells = [r for r in cells if all(r is not o for o in filled[key])] + runs
        cells = _cells_read_again(grids, cells, width, height, pixels, tsv_of)
    return _undo_misreadings(pdf_grid.page_items(_phrases(words) + cells, grids))


def read_pages(path: Path, numbers: list[int]) -> dict[int, list[tuple[str, Any]]]:
    """The text (lines and ruled tables, as ``pdf_grid.page_items``) of pages ``numbers`` (1-based) of the PDF at
    ``path``, by OCR. IngestError when OCR is not installed, the scan has more than ``MAX_PAGES`` such pages, or a
    page cannot be drawn or read in time."""
    if not available():
        raise IngestError(str(path), f"PDF là ảnh quét, không có lớp văn bản; {INSTALL}")
    if len(numbers) > MAX_PAGES:
        raise IngestError(str(path), f"PDF có {len(numbers)} trang ảnh quét, quá {MAX_PAGES} trang để đọc bằng OCR")
    limit = page_seconds()
    if announce is not None:
        announce(limit * len(numbers))
    out: dict[int, list[tuple[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="check-ocr-") as tmp:
        folder = Path(tmp)
        src = folder / "scan.pdf"
        deadline = 0.0  # the page's: set as each page is drawn

        def tsv_of(picture: bytes, mode: str) -> str:
            (folder / "clean.pgm").write_bytes(picture)
            tsv = _run(["tesseract", "clean.pgm", "-", "-l", LANGUAGE, "--psm", mode, "tsv"], deadline, folder)
            return tsv.decode("utf-8", "replace")

        try:
            shutil.copyfile(path, src)
            for n in numbers:
                deadline = time.monotonic() + limit
                _run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(n), "-l", str(n), "-singlefile", "scan.pdf",
                      "page"], deadline, folder)
                out[n] = page_items((folder / "page.pgm").read_bytes(), tsv_of)
        except subprocess.TimeoutExpired:
            raise IngestError(str(path), f"OCR không đọc xong một trang trong {limit:g} giây") from None
        except (OSError, ValueError, IndexError, subprocess.CalledProcessError):
            raise IngestError(str(path), "OCR không đọc được trang ảnh quét (tệp hỏng hoặc ảnh bất thường)") from None
    return out
