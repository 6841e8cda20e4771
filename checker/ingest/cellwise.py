"""Tables whose cells come one to a line, row by row: text taken from a PDF by ``pdftotext`` without ``-layout``.

pdftotext (without -layout) writes the first line of every cell of a table row, left to right, one to a line,
then the further lines of a cell wrapped over several lines (a row's long description) after them::

    Nội dung chỉ tiêu              <- the header: one line per column
    Phường An Dương
    TP giao
    Hồ sơ thủ tục hành             <- a row: the first line of its description,
    85%                            <-   its figures, one per column,
    Tối thiểu 80%
    chính xử lý trực tuyến         <-   the rest of its description
    toàn trình
    Văn bản được ký số, xử Trên 90%   <- a narrow cell's first line run into the next column's
    ...

Read as text, the figures stand between the words of their own row, cut off from them, and the columns (which
figure is the plan's, which the city's) are lost. ``rows_of`` recognises such runs (at least two rows in a row,
each one line of words then the same number of figures, the lines as short as a table's narrow columns) and
writes each row back as one line, its cells a tab apart, the header above them (the lines just before the
first row, one per column) so that the table is read as a table typed with tabs is. Lines that are not such a
run are left as they are. A figure-less table, or a table whose cells are cut another way (column by column),
is not touched (``checker.checks.targets.unread`` says such targets are not judged).
"""

from __future__ import annotations

import re

from checker.conventions import comparator_lengths, comparator_phrases
from checker.models import Line
from checker.text import squash

CELL_WIDTH = 45  # a table cell's line is short: a narrow column (the body's lines run to 70-90 characters)
MIN_ROWS = 2  # rows in a run, each with the same number of figures
_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?%")
_ROW_NUMBER = re.compile(r"\d{1,2}\.?")  # "TT": the row's number, alone on its line before the row


def _figure_at_end(text: str) -> int | None:
    """Where the figure cell that ends ``text`` starts (its comparator words with it), or None when ``text``
    does not end with a figure."""
    m = re.search(_NUMBER.pattern + r"$", text)
    if m is None:
        return None
    before = text[: m.start()]
    words = before.split()
    for n in comparator_lengths():  # "Không thấp hơn 80%", "Tối thiểu 80%", "Trên 90%": the longest first
        if len(words) >= n:
            lead = " ".join(words[-n:])
            if squash(lead) in comparator_phrases():
                return len(before.rstrip()) - len(lead) if before.rstrip().endswith(lead) else m.start()
    return m.start()


def without_figures(text: str) -> str:
    """``text`` without its figure cells (a figure with its percent sign and the comparator words before it):
    the words of a cell that a figure of the next column was run into ("Văn bản được ký Trên 90% số")."""
    for m in reversed(list(_NUMBER.finditer(text))):  # the last first: the offsets before it stay
        start = _figure_at_end(text[: m.end()])
        if start is not None:
            text = f"{text[:start].rstrip()} {text[m.end() :].lstrip()}"
    return text.strip()


def _kind(text: str) -> str:
    """"figure" (a figure cell alone), "glued" (words, then a figure cell run into them), "number" (a row's
    number), "blank", "long" (not a cell's line) or "words"."""
    t = text.strip()
    if not t:
        return "blank"
    if len(t) > CELL_WIDTH or "\t" in t:
        return "long"
    if _ROW_NUMBER.fullmatch(t):
        return "number"
    start = _figure_at_end(t)
    if start is None:
        return "words"
    return "figure" if not re.search(r"[^\W\d_]", t[:start]) else "glued"


class _Row:
    def __init__(self, number: Line | None, first: Line, words: str, figures: list[str]) -> None:
        self.number, self.first, self.figures = number, first, figures
        self.words = [words]

    def line(self, numbered: bool) -> Line:
        """The row on one line, its cells a tab apart (``numbered``: the table numbers its rows, and a row whose
        number was lost gets an empty cell for it)."""
        number = [self.number.text.strip() if self.number else ""] if numbered else []
        cells = [*number, " ".join(self.words), *self.figures]
        at = self.number or self.first
        return at.model_copy(update={"text": "\t".join(cells)})

    def apart(self) -> list[Line]:
        """The row's description on one line, then each of its figures alone, blank lines between: figures whose
        column is not known stay apart from the words (``checker.checks.targets.column_dumps``)."""
        at = self.number or self.first
        words = " ".join(([self.number.text.strip()] if self.number else []) + self.words)
        blank = at.model_copy(update={"text": ""})
        return [at.model_copy(update={"text": words}), blank,
                *(x for f in self.figures for x in (at.model_copy(update={"text": f}), blank))]


def _row_at(lines: list[Line], kinds: list[str], k: int) -> tuple[_Row, int] | None:
    """The row whose description's first line is ``lines[k]`` (a cell's first line: it opens in capitals):
    (the row, the index after its figures)."""
    if kinds[k] not in ("words", "glued") or not lines[k].text.strip()[:1].isupper():
        return None
    text = lines[k].text.strip()
    figures: list[str] = []
    words = text
    if kinds[k] == "glued":
        cut = _figure_at_end(text)
        assert cut is not None
        words, figures = text[:cut].rstrip(), [text[cut:].strip()]
    j = k + 1
    while j < len(lines) and kinds[j] == "figure":
        figures.append(lines[j].text.strip())
        j += 1
    if not figures:
        return None
    number = lines[k - 1] if k and kinds[k - 1] == "number" else None
    return _Row(number, lines[k], words, figures), j


def _goes_on(text: str) -> bool:
    """A line that goes on a cell's text: it starts in lower case or with a bracket."""
    t = text.strip()
    return bool(t) and (t[0].islower() or t[0] in "(-–")


def _run(lines: list[Line], kinds: list[str], k: int) -> tuple[list[_Row], int] | None:
    """The rows of a run starting at ``lines[k]`` (at least MIN_ROWS, the same number of figures in each), and
    the index after its last row's last line. Between two rows only the rest of the first row's description
    (lines that go on a cell), the next row's number and a page's number: no blank line."""
    rows: list[_Row] = []
    at = _row_at(lines, kinds, k)
    while at is not None:
        row, j = at
        if rows and len(row.figures) != len(rows[0].figures):
            break
        rows.append(row)
        nxt, i, k = None, j, j
        pending: list[str] = []  # lines of words after the figures: the row's, if another row follows
        while i < len(lines):
            if (cand := _row_at(lines, kinds, i)) is not None:
                nxt = cand
                break
            if kinds[i] == "words":
                pending.append(lines[i].text.strip())
            elif kinds[i] != "number":  # a blank line: pdftotext's end of a block, not inside a row's cells
                break
            i += 1
        if nxt is None:  # the last row: only what goes on its cell in lower case is still the table's
            kept = 0
            while kept < len(pending) and _goes_on(pending[kept]):
                kept += 1
            pending = pending[:kept]
            k = j
            while sum(1 for x in range(j, k) if kinds[x] == "words") < kept:
                k += 1
        else:
            k = i
        row.words += pending
        at = nxt
    if len(rows) < MIN_ROWS:
        return None
    return rows, k


def _header(lines: list[Line], kinds: list[str], first: int, columns: int) -> list[int] | None:
    """The header of a run whose first row starts at ``lines[first]``: the ``columns`` lines of words just
    before it, one per column (blank lines between them aside), none a figure, the line before them not a
    cell's (a paragraph, a heading or the page's start)."""
    found: list[int] = []
    i = first - 1
    while i >= 0 and len(found) < columns:
        if kinds[i] == "blank":
            i -= 1
            continue
        if kinds[i] not in ("words", "number") or kinds[i] == "number" and found:
            return None
        found.append(i)
        i -= 1
    while i >= 0 and kinds[i] == "blank":
        i -= 1
    if len(found) < columns or i >= 0 and kinds[i] not in ("long",) and not _heading_like(lines[i].text):
        return None
    return found[::-1]


def _plain(rows: list[_Row]) -> bool:
    """Rows whose figures need no header to be read: one figure, or the same figure in every column."""
    return all(len({squash(f) for f in r.figures}) == 1 for r in rows)


def _heading_like(text: str) -> bool:
    t = text.strip()
    return bool(re.match(r"^(?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*|[A-ZĐ])[./)]\s", t)) or t.endswith(":")


def rows_of(lines: list[Line]) -> list[Line]:
    """``lines`` with each run of rows written one cell to a line (module docstring) as one line per row, its
    cells a tab apart, the header (where found) as one line above them. A run whose columns hold different
    figures and whose header is not found (it stands on the page before, or was cut column by column) gives its
    descriptions whole and its figures apart from them: which figure is the plan's cannot be told."""
    kinds = [_kind(ln.text) for ln in lines]
    if kinds.count("figure") < MIN_ROWS:
        return lines
    out: list[Line] = []
    k = done = 0  # done: where the last run ended (lines before it are not a later run's header)
    while k < len(lines):
        found = _run(lines, kinds, k) if kinds[k] in ("words", "glued") else None
        if found is None:
            out.append(lines[k])
            k += 1
            continue
        rows, end = found
        numbered = any(r.number is not None for r in rows)
        start = k - 1 if rows[0].number is not None else k
        lead = 2 if numbered else 1
        head = _header(lines, kinds, start, lead + len(rows[0].figures))
        if head is None and rows[0].number is None:  # "TT" over the first row, its number lost (read as a page's)
            head = _header(lines, kinds, start, 2 + len(rows[0].figures))
            numbered = numbered or head is not None
        if head is not None and head[0] < done:
            head = None
        if head is None and not _plain(rows):  # which figure is the plan's cannot be told: kept apart
            if rows[0].number is not None:
                out.pop()
            out.extend(x for r in rows for x in r.apart())
        elif head is not None:  # its lines, written out already, give way to one line of its cells
            del out[len(out) - (k - head[0]) :]
            out.append(lines[head[0]].model_copy(update={"text": "\t".join(lines[i].text.strip() for i in head)}))
            out.extend(r.line(numbered) for r in rows)
        else:
            if rows[0].number is not None:
                out.pop()
            out.extend(r.line(numbered) for r in rows)
        out.append(lines[end - 1].model_copy(update={"text": ""}))  # the table ends with its last row
        k = done = end
    return out


# --------------------------------------------------------------------------- the closing's two columns

_LONE_MARKER = "-+*•–—▪◦●○·"  # a recipient's marker on a line of its own, its text on the next
CLOSING_LINES = 40  # the closing's lines after "Nơi nhận:" looked at


def closing_in_turn(lines: list[Line]) -> list[Line]:
    """The closing's two columns read in turn (pdftotext without -layout gives one block of each column after the
    other: "Nơi nhận:" / "TM. ỦY BAN NHÂN DÂN" / "- UBND thành phố;" / "CHỦ TỊCH" / "- Lưu: VT." / "Nguyễn Văn
    A"), set out as offices type a closing in one column: "Nơi nhận:" and the recipients (a marker alone on its
    line joined to the recipient after it, a recipient's wrapped line to it), then the signature's lines in their
    order. Left as they are where no recipient follows a signature's line."""
    from checker.ingest.layout import _AUTHORITY, _NAME, _SIGNATURE_WORDS, RECIPIENTS, marker_of
    from checker.text import fold

    start = next((k for k in range(len(lines) - 1, -1, -1) if len(lines[k].text.strip()) <= 20
                  and RECIPIENTS.match(squash(lines[k].text))), None)
    if start is None:
        return lines
    left: list[Line] = []
    right: list[Line] = []
    marker: str | None = None
    in_turn = False
    k = start + 1
    while k < min(len(lines), start + CLOSING_LINES):
        t = lines[k].text.strip()
        sq = squash(t)
        if len(t) > CELL_WIDTH:  # a paragraph: the closing has ended
            break
        if not t or _ROW_NUMBER.fullmatch(t):  # a blank line, a page's number
            pass
        elif len(t) == 1 and t in _LONE_MARKER:
            marker = t
        elif (_AUTHORITY.search(fold(t)) or _SIGNATURE_WORDS.match(sq) and t.isupper()
              or t.startswith("(") and t.endswith(")") or right and _NAME.match(t)):
            right.append(lines[k])  # the signer's lines: "TM. ...", "CHỦ TỊCH", "(đã ký)", the signer's name
        elif marker is not None or marker_of(t)[1] == "bullet" or sq.startswith("luu") or t.endswith(";"):
            left.append(lines[k].model_copy(update={"text": f"{marker} {t}" if marker else t}))
            marker, in_turn = None, in_turn or bool(right)
        elif left and t[0].islower():  # a recipient wrapped in its narrow column
            left[-1] = left[-1].model_copy(update={"text": f"{left[-1].text} {t}"})
        else:
            break
        k += 1
    if not in_turn:
        return lines
    return [*lines[: start + 1], *left, *right, *lines[k:]]
