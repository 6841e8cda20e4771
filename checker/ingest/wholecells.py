"""Tables whose cells come whole, one to a line, row by row: a .docx walked paragraph by paragraph.

A script or a converter that walks a Word file's paragraphs (python-docx, docx2txt, a portal's "xem nội dung"
view) writes every cell of a table whole on a line of its own, the header's cells first, then each row's, with or
without a blank line after a cell or a row; an empty cell may give no line at all::

    TT                              <- the header: the row number's cell, then one line per column
    Chỉ tiêu
    Thành phố giao
    Xã đăng ký
    1                               <- a row: its number, then its cells in the header's order
    Thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình
    100%
    100%
    2
    ...

``rows_of`` finds such a table by its structure: a header opening with the numbering column's cell ("TT", "STT":
rules/conventions.yaml ``table_columns``), its other cells short lines without a figure, one of them the parent's
or the plan's figure column; then rows numbered 1, 2, 3 ... in turn, each at most as many cells as the header has.
It writes the header and each row on one line, cells a tab apart, as Word's "Save as Plain Text" does, so that the
table is read as a table typed with tabs is (each figure under its column's header). A row with fewer cells than
the header (an empty cell left no line) is placed where one way only puts a figure in every figure column and
words in the subject column; where no one way does, the table's columns cannot be told apart: each cell of each
row is set alone on its line, blank lines between (as ``cellwise._Row.apart`` sets a row's figures; a note's
words are not joined to the row's description), and its targets are reported as not judged
(``checker.checks.targets.unread``), never read from a column that is not the plan's.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from checker.conventions import conventions
from checker.models import Line
from checker.text import squash

HEADER_CELL = 60  # a header cell's length at most ("Chỉ tiêu đến 31/12/2025 Thành phố giao")
HEADER_CELLS = 9  # cells in a header at most, the numbering column's aside
MIN_ROWS = 2
_ROW_NUMBER = re.compile(r"^(\d{1,2})\.?$")
_PERCENT = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?%")
_PAGE_NUMBER = re.compile(r"^\f?\s*[-–]\s*\d{1,3}\s*[-–]$")  # "- 2 -": a page's number, the page broken in a row
_RANGE = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?\s*%?\s*[-–]\s*\d{1,3}(?:[.,]\d{1,2})?\s*%?$")  # "78 - 80"


def _roles(header: list[str]) -> list[str | None]:
    """Each header cell's role: "reference", "own", "ignore" (layout's ``table_columns`` roles), "subject" (the
    column of what each row measures) or None."""
    from checker.ingest.layout import _header_role

    cols = conventions().table_columns
    # the first subject column: "Nội dung" before "Chỉ tiêu"
    first = next((k for k, h in enumerate(header) if squash(h) in _subject_words()), None)
    roles = ["subject" if k == first else _header_role(h) for k, h in enumerate(header)]
    return [None if r in ("reference", "own") and not _written(h, cols.reference if r == "reference" else cols.own)
            else r for h, r in zip(header, roles, strict=True)]


def _written(header: str, phrases: list[str]) -> bool:
    """One of ``phrases`` is in ``header`` with its marks ("tỉnh" is not in "Tình trạng"; layout reads the header
    without them, for an OCR's), or the header is written without any."""
    low = header.lower()
    return header.isascii() or any(re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", low) for p in phrases)


def _figure(cell: str) -> bool:
    """A cell of a figure column: a figure ("Tối thiểu 80%", "100%"), a range ("78 - 80") or a word that stands
    for one ("Hoàn thành", "Không giao": ``complete_cells``, ``none_cells``)."""
    from checker.ingest.layout import cell_figure

    return cell_figure(cell) or _RANGE.match(cell) is not None or squash(cell) in _figure_words()


@lru_cache(maxsize=1)  # the conventions are loaded once; asked of every line
def _subject_words() -> frozenset[str]:
    """The subject column's header words (rules/conventions.yaml ``table_columns.subject``), squashed."""
    return frozenset(squash(s) for s in conventions().table_columns.subject)


@lru_cache(maxsize=1)
def _figure_words() -> frozenset[str]:
    """The words a figure column's cell may hold for a figure (``complete_cells``, ``none_cells``), squashed."""
    c = conventions()
    return frozenset(squash(w) for w in [*c.complete_cells, *c.none_cells])


def _fits(roles: list[str | None], cells: list[str]) -> bool:
    """``cells`` (an empty one where a cell left no line) read under the columns of ``roles``: a figure column
    holds a figure, the subject column words."""
    for role, cell in zip(roles, cells, strict=True):
        if role in ("reference", "own") and cell and not _figure(cell):
            return False
        if role == "subject" and (not cell or _figure(cell)):
            return False
    return True


def figure_columns(roles: list[str | None], rows: list[list[str]]) -> set[int]:
    """The columns that hold a figure: the parent's and the plan's, and any other column (a past result's: "Kết
    quả 6 tháng đầu năm") that holds one in every row of the table that gives all its cells (two at least)."""
    full = [r for r in rows if len(r) == len(roles)]
    learnt = {k for k in range(len(roles)) if len(full) >= MIN_ROWS and all(_figure(r[k]) for r in full)}
    return learnt | {k for k, r in enumerate(roles) if r in ("reference", "own")}


def placed(roles: list[str | None], cells: list[str], figures: set[int]) -> list[str] | None:
    """The row's ``cells`` under the header's columns (``roles``, the numbering column's aside): all of them in
    order where there are as many, or a way of leaving columns empty under which the row fits and every column
    of ``figures`` holds one, the same figures in each column whichever way (the empty cells then the last ones: a
    note, a task's related target), else the one way under which it fits at all; None when the figures' columns
    cannot be told."""
    if len(cells) >= len(roles):  # a cell to each column: the row as it is ("Theo quy định" in the city's column)
        return list(cells) if len(cells) == len(roles) else None
    ways: list[list[str]] = []
    for gaps in itertools.combinations(range(len(roles)), len(roles) - len(cells)):
        it = iter(cells)
        row = ["" if k in gaps else next(it) for k in range(len(roles))]
        if _fits(roles, row):
            ways.append(row)  # the last way leaves the last columns empty
    firm = [w for w in ways if all(w[k] for k in figures)]
    if firm and len({tuple(w[k] for k in sorted(figures)) for w in firm}) == 1:
        return firm[-1]
    return ways[0] if len(ways) == 1 else None


def _header(texts: list[str], k: int) -> tuple[list[int], int] | None:
    """The header that opens with the numbering column's cell ``texts[k]``: the indices of its other cells and
    the index of the row numbered 1 (or of the group "I") after them."""
    from checker.ingest.layout import _column_words

    if squash(texts[k]) not in _column_words()[0]:
        return None
    cells: list[int] = []
    j = k + 1
    while j < len(texts) and len(cells) <= HEADER_CELLS:
        t = texts[j]
        if _opens(t, 1, 0):  # the first row, or the first group's numeral
            return (cells, j) if len(cells) >= 2 else None
        if t and (len(t) > HEADER_CELL or "\t" in t or _PERCENT.search(t)):
            return None
        if t:
            cells.append(j)
        j += 1
    return None


# a heading after a table: "III. NHIỆM VỤ", "2. Mục tiêu cụ thể" (not "P. KT": an office abbreviated, round 23a)
_HEADING = re.compile(r"^(?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*)[./)]\s")
_GROUPS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")  # a group of rows: "I" / "HẠ TẦNG SỐ"


def _opens(text: str, n: int, group: int) -> str | None:
    """"row" where ``text`` is the number of the next row (``n``, or 1 again under a group), "group" where it
    is the next group's Roman numeral, else None."""
    m = _ROW_NUMBER.match(text)
    if m and (int(m.group(1)) == n or group and int(m.group(1)) == 1 and n > 1):
        return "row"
    return "group" if group < len(_GROUPS) and text.rstrip(".") == _GROUPS[group] else None


def _rows(texts: list[str], j: int, width: int, spaced: bool) -> tuple[list[tuple[int, list[int]]], int]:
    """The rows from ``texts[j]`` (the row numbered 1, or the group "I"): (its number's index, its cells' indices)
    each, at most ``width`` cells, up to the next number (or group) in turn; the last row ends at its
    ``width``-th cell, a heading, or a blank line after a cell (two where the tool puts one after every cell:
    ``spaced``, as the header shows). A line in lower case after a cell of words (or a page's number) goes on
    that cell (joined in ``texts``). Returns the rows and the index after the last."""
    rows: list[tuple[int, list[int]]] = []
    n, group = 1, 0  # the next row's number; the next group's (rows numbered on or from 1 under a group)
    while j < len(texts) and (kind := _opens(texts[j], n, group)) is not None:
        cells: list[int] = []
        i = j + 1
        while i < len(texts):
            t = texts[i]
            if _PAGE_NUMBER.match(t):
                pass  # a page's number between a cell and the rest of it
            elif cells and _goes_on(t) and (_PAGE_NUMBER.match(texts[i - 1]) or not _figure(texts[cells[-1]])):
                # the rest of a cell a page break cut (the page's number taken out, or left between them)
                texts[cells[-1]] = f"{texts[cells[-1]]} {t}"
                texts[i] = ""
            elif cells and (_goes_on(t) or t.startswith("(")) and (words := _words_cell(texts, cells)) is not None:
                # after a figure, the rest of the row's description that its wrapped line put after the figures (a
                # table typed with tabs, its rows wrapped: "… cung cấp dưới" 100% 100% "dạng dịch vụ công …"; "(trừ
                # hồ sơ mật)"): the description's, not a cell of its own, nor the figure's
                texts[words] = f"{texts[words]} {t}"
                texts[i] = ""
            elif _opens(t, n + (kind == "row"), group + (kind == "group")) or "\t" in t or len(cells) == width:
                break
            elif not t:
                if cells and (not spaced or not (i + 1 < len(texts) and texts[i + 1])):
                    break  # the row's (or the table's) end
            elif cells and _HEADING.match(t):
                break
            else:
                cells.append(i)
            i += 1
        if not cells:
            break
        rows.append((j, cells))
        j = i
        n, group = (n + 1, group) if kind == "row" else (n, group + 1)
        while j + 1 < len(texts) and not texts[j] and _opens(texts[j + 1], n, group):
            j += 1  # the blank line after a row
    return rows, j


def _words_cell(texts: list[str], cells: list[int]) -> int | None:
    """The row's description cell (its first, words) where the row's last cell is a figure; else None."""
    if not _figure(texts[cells[-1]]) or _figure(texts[cells[0]]):
        return None
    return cells[0]


def _goes_on(text: str) -> bool:
    """A line in lower case: the rest of a cell wrapped over lines, not a whole cell ("Đơn vị" / "tính")."""
    return text[:1].islower()


def _cells_from(texts: list[str], k: int, limit: int) -> list[int]:
    """The indices of the next ``limit`` cells from ``texts[k]``: lines of text, a single blank line between two
    set aside; they stop at two blank lines, a line with a tab or a heading."""
    out: list[int] = []
    while k < len(texts) and len(out) < limit:
        t = texts[k]
        if not t and not (k + 1 < len(texts) and texts[k + 1]) or "\t" in t or out and _HEADING.match(t):
            break
        if t:
            out.append(k)
        k += 1
    return out


def _unnumbered(texts: list[str], k: int) -> tuple[list[int], list[list[int]], int] | None:
    """A table without a numbering column whose header opens with the subject column's cell ``texts[k]``
    ("Nội dung", "Chỉ tiêu"): its width is the one (header cells without a figure) under which the most groups
    of as many lines follow, two at least, each opening with words, the same columns holding a figure in every
    group, none a row's number alone (a table numbered "TT" is ``_numbered``'s, whose header this is when the
    numbering column's cell stands above it). (the header's indices, the rows, the index after the last)."""
    from checker.ingest.layout import _column_words

    if squash(texts[k]) not in _subject_words():
        return None
    above = next((texts[i] for i in range(k - 1, -1, -1) if texts[i]), "")
    if squash(above) in _column_words()[0]:
        return None
    best: tuple[list[int], list[list[int]], int] | None = None
    for width in range(2, HEADER_CELLS + 1):
        head = _cells_from(texts, k, width)
        if len(head) < width or any(len(texts[i]) > HEADER_CELL or _PERCENT.search(texts[i]) or _goes_on(texts[i])
                                    for i in head):
            break
        groups: list[list[int]] = []
        at = head[-1] + 1
        while (len(g := _cells_from(texts, at, width)) == width and not _figure(texts[g[0]])
               and not any(_goes_on(texts[i]) or _ROW_NUMBER.match(texts[i]) for i in g)):
            groups.append(g)
            at = g[-1] + 1
        figures = {c for c in range(1, width) if groups and all(_figure(texts[g[c]]) for g in groups)}
        if len(groups) >= MIN_ROWS and figures and (best is None or len(groups) > len(best[1])):
            best = head, groups, at
    return best


def _numbered(lines: list[Line], texts: list[str], k: int) -> tuple[list[Line], int] | None:
    """The table numbered "TT" whose header opens at ``texts[k]``, written back (its lines, and the index after
    it): one line per row where every row is placed under the columns, else each cell apart."""
    head = _header(texts, k) if len(texts[k]) <= 12 else None
    if head is None:
        return None
    cols, first = head
    spaced = cols[-1] - k > len(cols)  # blank lines between the header's cells
    texts = list(texts)  # a cell's rest joined to it: in this table's copy
    rows, end = _rows(texts, first, len(cols), spaced)
    roles = _roles([texts[i] for i in cols])
    if len(rows) < MIN_ROWS or not any(r in ("reference", "own", "subject") for r in roles) or any(
            _goes_on(texts[i]) for i in [*cols, *(i for _, cells in rows for i in cells)]):
        return None  # cells wrapped over lines, not whole (an OCR's: layout's stacked tables)
    given = [[texts[i] for i in cells] for _, cells in rows]
    figures = figure_columns(roles, given)
    ways = [placed(roles, row, figures) for row in given]
    out: list[Line] = []
    if all(w is not None for w in ways):
        out.append(lines[k].model_copy(update={"text": "\t".join([texts[k], *(texts[i] for i in cols)])}))
        for (at, cells), w in zip(rows, ways, strict=True):  # the row where its words are (its number aside)
            words = next((i for i in cells if not _figure(texts[i])), at)
            out.append(lines[words].model_copy(update={"text": "\t".join([texts[at], *(w or [])])}))
        return out, end
    out.extend(lines[k:first])
    for at, cells in rows:  # each cell apart: a note's words are not the row's description
        lead = next((i for i in cells if not _figure(texts[i])), None)
        blank = lines[at].model_copy(update={"text": ""})
        out.extend(x for i in cells for x in (
            lines[i].model_copy(update={"text": f"{texts[at]} {texts[i]}" if i == lead else texts[i]}), blank))
    return out, end


def rows_of(lines: list[Line]) -> list[Line]:
    """``lines`` with each table written one whole cell to a line (module docstring) as one line per row, cells
    a tab apart, the header above; a table whose rows cannot be placed under its columns gives each cell apart."""
    texts = [ln.text.strip() for ln in lines]
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if (bare := _unnumbered(texts, k)) is not None:
            cols, groups, end = bare
            out.append(lines[k].model_copy(update={"text": "\t".join(texts[i] for i in cols)}))
            out.extend(lines[g[0]].model_copy(update={"text": "\t".join(texts[i] for i in g)}) for g in groups)
        elif (numbered := _numbered(lines, texts, k)) is not None:
            table, end = numbered
            out.extend(table)
        else:
            out.append(lines[k])
            k += 1
            continue
        out.append(lines[end - 1].model_copy(update={"text": ""}))  # the table ends with its last row
        k = end
    return out
