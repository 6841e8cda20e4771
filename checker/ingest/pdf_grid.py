"""A PDF page as a person sees it: text lines where they are drawn, and ruled tables read as rows and cells.

pypdf's plain extraction gives the text in drawing order: a Word table saved as PDF (LibreOffice's or Word's
"Save as PDF") comes out one cell after another, each cell broken into the short lines of its narrow column,
and the rows can no longer be told apart. Here the text runs are placed by their coordinates (pypdf's layout
mode machinery: one run per text line drawn, with its start and end x and its baseline) and the page's ruling
(stroked lines and thin filled rectangles, the borders Word and LibreOffice draw) is collected too:

- a grid of ruling lines (at least two columns) is a table; each run inside it belongs to the cell whose
  borders enclose its start, a cell's lines are joined into one text (as Word joins a cell's paragraphs),
  columns merged in a row (no border between them in that row) are one cell;
- a table cut by a page break goes on with the first grid of the next page when nothing else comes between
  them and the columns are the same; a row cut by the break (its first cell empty on the new page, or every
  part of it going on in lower case) is one row;
- the text outside tables is laid out in fixed-width lines (columns kept as runs of spaces, as pdftotext
  -layout does), one line per baseline, a blank line where the gap between baselines shows a paragraph break.

Everything that is not plain page content (form XObjects, rotated text) is left to pypdf's plain extraction,
the fallback when this reading fails on a file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from checker.ingest.layout import MIN_GAP, marker_of  # MIN_GAP: spaces between two columns of a line

RULE_TOL = 2.0  # points: two ruling lines this close are one; a run starts this far inside a cell at least
THIN = 2.0  # a filled rectangle this thin is a ruling line
MIN_RULE = 6.0  # shorter strokes are not ruling lines (underlines of a letter, dots)
MAX_RULES = 300  # ruling lines of one direction on a page, pieces joined: a page drawing more is read without tables
MAX_COLUMN_RUNS = 200  # runs drawn on one line (one a glyph, at most): a line of more is no header's or signature's


@dataclass
class Run:
    x: float
    end: float
    y: float
    height: float
    text: str
    conf: float = 100.0  # how sure OCR is of the word (Tesseract's 0-100); a text layer's run: sure


@dataclass
class Grid:
    xs: list[float]  # column borders, left to right
    ys: list[float]  # row borders, top to bottom (PDF y grows upwards)
    verticals: list[tuple[float, float, float]]  # (x, low y, high y)
    cells: dict[tuple[int, int], list[Run]] = field(default_factory=dict)
    _below: list[float] = field(init=False, repr=False)  # -ys[1:], ascending: a row found by bisection
    _spans: list[list[tuple[float, float]]] = field(init=False, repr=False)  # drawn spans per border

    def __post_init__(self) -> None:
        self._below = [-y for y in self.ys[1:]]
        self._spans = [[] for _ in self.xs]
        for vx, lo, hi in self.verticals:  # borders are more than RULE_TOL apart: a vertical is near one or two
            k = bisect_left(self.xs, vx - RULE_TOL)
            while k < len(self.xs) and self.xs[k] <= vx + RULE_TOL:
                self._spans[k].append((lo, hi))
                k += 1

    def holds(self, run: Run) -> bool:
        return (self.xs[0] - RULE_TOL <= run.x <= self.xs[-1] and self.ys[-1] <= run.y <= self.ys[0])

    def cell_of(self, run: Run) -> tuple[int, int]:
        """The row and column of the cell whose top border is the first above the run's baseline and whose left
        border is the last left of its start."""
        row = min(bisect_left(self._below, -run.y - 0.01), len(self.ys) - 2)
        col = min(max(0, bisect_right(self.xs, run.x + RULE_TOL / 2) - 1), len(self.xs) - 2)
        return row, col

    def merged_cell_of(self, run: Run) -> tuple[int, int]:
        """The row and first column of the cell, merged across columns or not, that holds the run."""
        row, col = self.cell_of(run)
        return row, max(b for b in self.borders_in_row(row) if b <= col)

    def place(self, run: Run) -> None:
        """The run in its cell (``cell_of``)."""
        self.cells.setdefault(self.cell_of(run), []).append(run)

    def borders_in_row(self, row: int) -> list[int]:
        """Indices of the column borders drawn through a row (the outer two always)."""
        mid = (self.ys[row] + self.ys[row + 1]) / 2
        inner = [i for i in range(1, len(self.xs) - 1)
                 if any(lo - RULE_TOL <= mid <= hi + RULE_TOL for lo, hi in self._spans[i])]
        return [0, *inner, len(self.xs) - 1]

    def rows(self) -> list[list[str]]:
        """Each row's cells at their columns: a cell merged across n columns is followed by n - 1 empty cells
        (a header over two rows lines up with the rows under it), except a row that is one cell across the
        table (a group's title)."""
        out = []
        for r in range(len(self.ys) - 1):
            borders = self.borders_in_row(r)
            row = []
            for a, b in zip(borders, borders[1:], strict=False):
                runs = [run for c in range(a, b) for run in self.cells.get((r, c), [])]
                row.append(cell_text(runs))
                if len(borders) > 2:
                    row += [""] * (b - a - 1)
            out.append(row)
        return out


def cell_text(runs: list[Run]) -> str:
    """A cell's lines, top to bottom, joined with a space (a word hyphenated at the line end joined again)."""
    text = ""
    for line in lines_of(runs):
        part = " ".join(r.text.strip() for r in line if r.text.strip())
        if not part:
            continue
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return text


def _drawn_over(a: Run, b: Run) -> bool:
    """``a`` drawn across ``b``'s letters at another baseline: a box of text laid over the page (a signature's
    stamp over the header's motto or the signer's title), not a word of ``b``'s line. A run drawn again in place (a
    bold made by drawing twice) keeps its baseline."""
    height = max(a.height, b.height, 1.0)
    return (min(a.end, b.end) - max(a.x, b.x) > 0.5 * min(a.height, b.height)
            and abs(a.y - b.y) > 0.15 * height)


def lines_of(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped by baseline (within half a text height), top to bottom, each line left to right; a run drawn
    over another of the line (``_drawn_over``) goes on another line near that baseline, or on one of its own."""
    out: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        for line in reversed(out):
            if abs(line[0].y - run.y) >= max(run.height, line[0].height, 1.0) * 0.5:
                out.append([run])
                break
            if len(line) > MAX_COLUMN_RUNS or not any(_drawn_over(run, r) for r in line):
                line.append(run)
                break
        else:
            out.append([run])
    return [sorted(line, key=lambda r: r.x) for line in out]


# --------------------------------------------------------------------------- reading a page


def _matrix_mul(a: list[float], b: list[float]) -> list[float]:
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def rules_of(operations: list[tuple[list[Any], bytes]]
             ) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) ruling lines of a content stream, in page space."""
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    path: list[tuple[tuple[float, float], tuple[float, float]]] = []  # segments
    rects: list[tuple[float, float, float, float]] = []
    start = cur = (0.0, 0.0)
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []

    def keep(a: tuple[float, float], b: tuple[float, float]) -> None:
        if abs(a[1] - b[1]) <= 0.5 and abs(a[0] - b[0]) >= MIN_RULE:
            horizontal.append((a[1], min(a[0], b[0]), max(a[0], b[0])))
        elif abs(a[0] - b[0]) <= 0.5 and abs(a[1] - b[1]) >= MIN_RULE:
            vertical.append((a[0], min(a[1], b[1]), max(a[1], b[1])))

    for operands, op in operations:
        try:
            if op == b"q":
                stack.append(list(ctm))
            elif op == b"Q":
                ctm = stack.pop() if stack else ctm
            elif op == b"cm" and len(operands) == 6:
                ctm = _matrix_mul([float(v) for v in operands], ctm)
            elif op == b"m" and len(operands) == 2:
                start = cur = _apply(ctm, float(operands[0]), float(operands[1]))
            elif op == b"l" and len(operands) == 2:
                nxt = _apply(ctm, float(operands[0]), float(operands[1]))
                path.append((cur, nxt))
                cur = nxt
            elif op == b"h":
                path.append((cur, start))
                cur = start
            elif op == b"re" and len(operands) == 4:
                x, y, w, h = (float(v) for v in operands)
                a, b = _apply(ctm, x, y), _apply(ctm, x + w, y + h)
                rects.append((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
            elif op in (b"S", b"s", b"B", b"B*", b"b", b"b*"):
                for a, b in path:
                    keep(a, b)
                for x0, y0, x1, y1 in rects:
                    for a, b in (((x0, y0), (x1, y0)), ((x0, y1), (x1, y1)), ((x0, y0), (x0, y1)),
                                 ((x1, y0), (x1, y1))):
                        keep(a, b)
                path, rects = [], []
            elif op in (b"f", b"F", b"f*"):
                for x0, y0, x1, y1 in rects:  # borders drawn as thin filled rectangles
                    if y1 - y0 <= THIN and x1 - x0 >= MIN_RULE:
                        horizontal.append(((y0 + y1) / 2, x0, x1))
                    elif x1 - x0 <= THIN and y1 - y0 >= MIN_RULE:
                        vertical.append(((x0 + x1) / 2, y0, y1))
                path, rects = [], []
            elif op == b"n":
                path, rects = [], []
        except (TypeError, ValueError):
            continue
    return horizontal, vertical


def _merge(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > RULE_TOL:
            out.append(v)
    return out


def join_pieces(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Segments (at, low, high) on one line joined where they touch or overlap (within RULE_TOL): Word draws a
    table's border cell by cell, as many pieces of one line. Touching within the tolerance is what makes two
    segments meet in ``grids_of``, so joining changes no grid."""
    out: list[tuple[float, float, float]] = []
    for at, lo, hi in sorted(segments, key=lambda s: (round(s[0], 2), s[1])):
        if out and round(out[-1][0], 2) == round(at, 2) and lo <= out[-1][2] + RULE_TOL:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], hi))
        else:
            out.append((at, lo, hi))
    return out


def grids_of(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]
             ) -> list[Grid]:
    """Tables drawn by ruling: groups of vertical and horizontal lines that cross or touch, with at least two
    columns and one row. A horizontal line looks only at the verticals within its reach (by bisection on x);
    a page with more than MAX_RULES lines of one direction has no tables."""
    horizontal, vertical = join_pieces(horizontal), join_pieces(vertical)
    if len(horizontal) > MAX_RULES or len(vertical) > MAX_RULES:
        return []
    n_v = len(vertical)
    parent = list(range(n_v + len(horizontal)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_x = sorted(range(n_v), key=lambda i: vertical[i][0])
    xs_sorted = [vertical[i][0] for i in by_x]
    for j, (y, x0, x1) in enumerate(horizontal):
        for k in range(bisect_left(xs_sorted, x0 - RULE_TOL), bisect_right(xs_sorted, x1 + RULE_TOL)):
            i = by_x[k]
            if vertical[i][1] - RULE_TOL <= y <= vertical[i][2] + RULE_TOL:
                parent[find(n_v + j)] = find(i)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(n_v):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(horizontal)):
        root = find(n_v + j)
        if root in groups:
            groups[root][1].append(j)
    out = []
    for vs, hs in groups.values():
        xs = _merge([vertical[i][0] for i in vs])
        ys = _merge([horizontal[j][0] for j in hs])[::-1]
        if len(xs) >= 3 and len(ys) >= 2:
            out.append(Grid(xs=xs, ys=ys, verticals=[vertical[i] for i in vs]))
    return sorted(out, key=lambda g: -g.ys[0])


def place_runs(runs: list[Run], grids: list[Grid]) -> list[Run]:
    """Each run into the first grid (top to bottom) that holds it; the runs outside every grid, in their order.
    Runs are taken from the top down, so only the grids spanning a run's height are looked at."""
    outside_at: list[int] = []
    started = 0  # grids[:started] begin at or above the current run
    spanning: list[int] = []
    for n in sorted(range(len(runs)), key=lambda n: -runs[n].y):
        run = runs[n]
        while started < len(grids) and grids[started].ys[0] >= run.y:
            spanning.append(started)
            started += 1
        spanning = [g for g in spanning if grids[g].ys[-1] <= run.y]
        grid = next((grids[g] for g in spanning if grids[g].holds(run)), None)
        if grid is None:
            outside_at.append(n)
        else:
            grid.place(run)
    return [runs[n] for n in sorted(outside_at)]


def runs_of(page: Any) -> tuple[list[Run], list[tuple[list[Any], bytes]]]:
    """The text runs of a page (page coordinates) and its content stream operations."""
    from pypdf._text_extraction._layout_mode._fixed_width_page import recurse_to_target_op, set_font_operation
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager
    from pypdf.generic import ContentStream

    contents = page.get("/Contents")
    if contents is None:
        return [], []
    operations = list(ContentStream(contents.get_object(), page.pdf, "bytes").operations)
    fonts = page._layout_mode_fonts()
    state = TextStateManager()
    groups: list[Any] = []
    ops: Iterator[tuple[list[Any], bytes]] = iter(operations)
    for operands, op in ops:
        if op in (b"BT", b"q"):
            bts, _tjs = recurse_to_target_op(ops, state, b"ET" if op == b"BT" else b"Q", fonts, True)
            groups.extend(bts)
        elif op == b"Tf":
            set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)
    runs = [Run(x=g["tx"], end=g["displaced_tx"], y=g["ty"] * g["flip_sort"], height=g["font_height"],
                text=g["text"]) for g in groups if g["text"]]
    return runs, operations


def _boxed(line: tuple[float, float, float], vertical: list[tuple[float, float, float]]) -> bool:
    """A horizontal line that meets a vertical one at each of its ends: the edge of a drawn box or of a table's
    cell, not a stroke through words."""
    y, x0, x1 = line
    return all(any(abs(vx - x) <= RULE_TOL and lo - RULE_TOL <= y <= hi + RULE_TOL for vx, lo, hi in vertical)
               for x in (x0, x1))


def struck_out(runs: list[Run], horizontal: list[tuple[float, float, float]],
               vertical: list[tuple[float, float, float]] | None = None) -> list[Run]:
    """The runs that no line crosses through the middle of their letters: a struck-through run is text its
    author removed (a tracked deletion printed with its markup, as Word and LibreOffice print a draft under
    review: the deleted words struck through beside the inserted ones). An underline runs below the baseline; the
    edge of a box drawn over the text (a signature stamp's frame laid on the signer's title: ``vertical`` lines at
    both its ends) strikes nothing out."""
    horizontal = [h for h in horizontal if not _boxed(h, vertical or [])]
    if not horizontal:
        return runs
    keep = []
    for run in runs:
        width = run.end - run.x
        low, high = run.y + 0.15 * run.height, run.y + 0.5 * run.height
        covered = sum(max(0.0, min(x1, run.end) - max(x0, run.x)) for y, x0, x1 in horizontal if low <= y <= high)
        if width <= 0 or not run.text.strip() or covered < 0.8 * width:
            keep.append(run)
    return keep


_NOTE_CALL = re.compile(r"\d{1,3}|\*{1,3}")


def without_note_calls(runs: list[Run]) -> list[Run]:
    """The runs without the footnote calls printed after a word: a figure (or "*") in small raised type touching
    the end of the text before it ("85/2016/NĐ-CP¹"). Read inline it would join the word ("85/2016/NĐ-CP1", a
    figure "80%2"); the note itself is read where the page prints it, a line of its own at the foot."""
    calls = [r for r in runs if _NOTE_CALL.fullmatch(r.text.strip())]
    if not calls:
        return runs
    drop: set[int] = set()
    for call in calls:
        for r in runs:
            if (r is not call and r.text.strip() and call.height <= 0.75 * r.height
                    and 0.2 * r.height <= call.y - r.y <= 0.7 * r.height
                    and -0.5 <= call.x - r.end <= 0.3 * r.height):
                drop.add(id(call))
                break
    return [r for r in runs if id(r) not in drop]


# --------------------------------------------------------------------------- text outside tables


def _gap_beside(line: list[Run], run: Run, height: float) -> bool:
    """A wide gap between ``run`` and the run next to it on its line (``line`` is left to right): the line is one of
    a two-column layout. Only the neighbours count: where a PDF places each word on its own, every line has runs far
    from any one word."""
    k = next(i for i, r in enumerate(line) if r is run)
    return ((k + 1 < len(line) and line[k + 1].x - run.end > 2 * height)
            or (k > 0 and run.x - line[k - 1].end > 2 * height))


_HYPHEN_BROKEN = re.compile(r"\w-\s*$")  # "52/KH-": a word's hyphen ends the line ("Tự do -" is a dash)


def _marker_alone(text: str) -> bool:
    """A run that is only a heading's or list item's marker ("g)", "1.", "-", "+"): Word draws the marker apart
    and the item's text at its tab stop, and a hanging indent puts the item's second line under the marker. A bullet
    drawn alone has no space after it (which a bullet typed in a line needs)."""
    marker, family = marker_of(text.strip() + " ")
    return family is not None and marker == text.strip()


def word_runs_joined(runs: list[Run]) -> list[Run]:
    """Runs a word's space apart on one line joined into one (a copy; ``runs`` are left as they are): where a PDF
    places each word on its own, a line's column is then one run, as other producers draw it. Runs that touch (a
    change of font inside a word) join with no space; runs farther apart than a wide space (most of a text height:
    a justified line's stretched gap may be; two columns, cells aligned with spaces, a tab stop are more) stay
    apart."""
    out: list[Run] = []
    for line in lines_of(runs):
        cur: Run | None = None
        for r in line:
            gap = r.x - cur.end if cur is not None else 0.0
            height = max(r.height, cur.height if cur is not None else 0.0, 1.0)
            if cur is not None and gap < 0.8 * height and r.text.strip() and cur.text.strip():
                text = cur.text + r.text if gap < 0.15 * height else f"{cur.text.rstrip()} {r.text.lstrip()}"
                cur = Run(x=cur.x, end=max(cur.end, r.end), y=cur.y, height=cur.height, text=text)
                continue
            if cur is not None:
                out.append(cur)
            cur = Run(x=r.x, end=r.end, y=r.y, height=r.height, text=r.text)
        if cur is not None:
            out.append(cur)
    return out


def join_wrapped_columns(runs: list[Run]) -> list[Run]:
    """In a two-column layout (the header and the signature laid out as a borderless table), a column's text
    that Word or LibreOffice wrapped onto the next line ("ỦY BAN NHÂN DÂN PHƯỜNG GIA" / "VIÊN") is put back
    on its line: the next run below in the same column (same left edge, or same centre) goes on it when the
    first word of that run would not have fitted in the column (its edge: the next run to the right, or the
    page's right edge). Body lines (one column) are left as they are, for the layout to join."""
    lines = lines_of(runs)
    right_edge = max(r.end for r in runs)
    gone: set[int] = set()
    for k, line in enumerate(lines):
        if len(line) > MAX_COLUMN_RUNS:  # compared run by run with its neighbours: bounded, and no column anyway
            continue
        for run in line:
            if id(run) in gone or not run.text.strip() or _marker_alone(run.text):
                continue  # a list item's marker ("g)") with its text at a tab stop: the line below is the item's
            height = run.height or 1.0
            for below in lines[k + 1 : k + 3]:
                if run.y - below[0].y > 1.6 * height or len(below) > MAX_COLUMN_RUNS:
                    break
                same = [b for b in below if id(b) not in gone and b.text.strip()
                        and (abs(b.x - run.x) <= RULE_TOL or abs((b.x + b.end) - (run.x + run.end)) <= 2 * RULE_TOL)]
                if not same:
                    continue
                nxt = same[0]
                if not (_gap_beside(line, run, height) or _gap_beside(below, nxt, height)):
                    break
                edge = min((r.x for r in (*line, *below) if r.x > run.end + height), default=right_edge)
                edge -= height if edge != right_edge else height / 2
                per_char = (run.end - run.x) / max(1, len(run.text))
                word = nxt.text.strip().split()[0]
                # broken at a word's own hyphen ("Số: 52/KH-" / "UBND"): the word did not fit in the column (a word
                # is broken at its hyphen only then), and its rest goes on with no space between
                joiner = "" if _HYPHEN_BROKEN.search(run.text) else " "
                centred = abs(nxt.x - run.x) > RULE_TOL
                left = max((r.end for r in (*line, *below) if r.end < run.x - height), default=min(r.x for r in runs))
                wanted = per_char * (len(word) + 1)
                fits = bool(joiner) and ((run.end - run.x) + wanted <= edge - left if centred
                                         else run.end + wanted <= edge)
                if not fits:
                    run.text = f"{run.text.rstrip()}{joiner}{nxt.text.strip()}"
                    gone.add(id(nxt))
                break
    return [r for r in runs if id(r) not in gone]



def _one_column(above: list[Run], below: list[Run]) -> bool:
    """Two lines, one below the other, that share some of the page's width: lines of one column, as a wrapped
    paragraph's are. The halves of a two-column header (the unit and its number on the left, the motto and the date
    on the right, each in its own size and spacing) are drawn at baselines between each other's: the half steps
    between them are no line's step, and taken for one every paragraph below would be cut at each line."""
    return min(above[-1].end, below[-1].end) > max(above[0].x, below[0].x)


def text_lines(runs: list[Run], left: float, char_width: float) -> list[tuple[str, float]]:
    """Fixed-width lines (text, baseline) of runs outside tables; "" for a blank line between paragraphs."""
    out: list[tuple[str, float]] = []
    lines = lines_of(runs)
    steps = Counter(round(a[0].y - b[0].y) for a, b in zip(lines, lines[1:], strict=False)
                    if a[0].y > b[0].y and _one_column(a, b))
    # a line's step: the smallest step between baselines seen twice (the lines of a wrapped paragraph)
    step = min((d for d, n in steps.items() if n >= 2 and d > 0), default=min(steps, default=0))
    last: float | None = None  # previous baseline
    for line in lines:
        y = line[0].y
        if last is not None and step > 0 and last - y > 1.4 * step:
            out.append(("", y))  # more than a line's step: a paragraph break
        parts: list[str] = []
        length, end = 0, None
        for r in line:
            text = r.text.replace("\t", " ")
            col = int((r.x - left) / char_width) if char_width > 0 else length
            wide = end is not None and r.x - end > 2 * max(char_width, 1.0)
            if end is not None and r.x - end < char_width * 0.3:
                pass  # touching runs (a change of font inside a word or line)
            elif col > length + (MIN_GAP if wide else 0):
                parts.append(" " * min(col - length, 400))
                length = col
            elif parts:
                gap = MIN_GAP if wide else 1  # a column whose left neighbour grew (a wrapped line put back)
                parts.append(" " * gap)
                length += gap
            parts.append(text)
            length += len(text)
            end = r.end
        out.append(("".join(parts).rstrip(), y))
        last = y
    return out


def char_width(runs: list[Run]) -> float:
    sizes = [(r.end - r.x, len(r.text)) for r in runs if r.text.strip() and r.end > r.x]
    chars = sum(n for _w, n in sizes)
    return sum(w for w, _n in sizes) / chars if chars else 0.0


def page_items(runs: list[Run], grids: list[Grid]) -> list[tuple[str, Any]]:
    """A page's text in reading order (top to bottom): ``("table", rows of cell texts)`` for each table its ruling
    draws (``grids``, from ``grids_of``), ``("line", text)`` for the lines outside them (the header's and signature's
    columns kept apart)."""
    if not runs:
        return []
    outside = place_runs(runs, grids)
    placed: list[tuple[float, tuple[str, Any]]] = [(g.ys[0], ("table", g.rows())) for g in grids if g.cells]
    left = min(r.x for r in runs)
    outside = join_wrapped_columns(word_runs_joined(outside)) if outside else outside
    placed += [(y, ("line", text)) for text, y in text_lines(outside, left, char_width(runs))]
    return [item for _y, item in sorted(placed, key=lambda p: -p[0])]

