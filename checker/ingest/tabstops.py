"""Tabs an editor turned into spaces, put back (vim ``expandtab``, Notepad++ "TAB to Space", ``expand``,
``str.expandtabs``): the text is read as it was typed, its tab-separated header columns, tables and signature
blocks with a tab between their cells.

An expanded tab ends at a tab stop (a multiple of the width, 8 or 4): in such a text every gap of two spaces or
more between words ends at one, where in a text laid out with spaces (``pdftotext -layout``) gaps end anywhere. A
gap ending at a stop is the tabs that reach it from where it starts. A tab after a cell that ended one character
before a stop is a single space, as a space between two words is: it is put back only where what is around it
says a cell opens there. In a row of a table (a line with tabs, among lines with tabs) that has fewer cells than
the table's other rows: a figure's cell after words or words after a figure, a cell the table gives in another
row, a word in capitals in a header row or in a row known to lack a cell in its middle (``_put_back``); a group's
number before its title across the table; a signer's title in capitals after the recipients' words in a signature
block (``_signer``). Text with a tab in it is left as it is."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from checker.conventions import comparator_opening, comparator_words, row_number_headers
from checker.ingest.layout import ends_with_comparator
from checker.text import UPPER, squash

if TYPE_CHECKING:
    from checker.models import Line

MIN_GAPS = 2  # gaps ending at stops needed to say a text's tabs were expanded (a header's two columns, say)
SHARE = 0.85  # of the gaps between words, the share that end at a stop (a few typed twice are not)
MIN_ROWS = 3  # a table's rows (lines of three cells or more) enough to tell its tabs were expanded on their own
CELL_REACH = 300  # characters a cell's words are looked for around a stop (a bound on hostile input, too)
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # two spaces or more between words
_SPACES = re.compile(r"(?<=\S) +(?=\S)")
_FIGURE = re.compile(r"%(?!\S)|\d{1,3}(?:[.,]\d{1,2})?\s*%?(?!\S)")
_CELL_OPENING = re.compile(rf"[{UPPER}\d≥≤<>%]")
# a row's or a group's number ("3", "III", "5.6"), one space after
_NUMBER_FIRST = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,5})\.? (?=\S)")
_PERCENT = re.compile(r"[≥≤<>]?\d{1,3}(?:[.,]\d{1,2})?%")  # "75%", "≥80%": a figure's cell, whole
_FIGURE_PERCENT = re.compile(r"\d\s*%")  # a percentage written ("80%", "80 %"), not a unit's "(%)"
# a cell that is a figure alone, between a gap (or the line's start) and one space: "75%", "≥80%", "1/3"
_FIGURE_ALONE = re.compile(r"(?:(?<=  )|^)(?:[≥≤<>]?\d{1,3}(?:[.,]\d{1,2})?%|\d{1,4}/\d{1,4}) (?=\S)")


@cache
def _signer_title() -> re.Pattern[str]:  # "; CHỦ TỊCH"
    """Compiled on first use, by the texts whose tabs were expanded (a one-plan run compiled it at import for
    nothing)."""
    return re.compile(rf"(?<=[;,)]|[^\W\d_{UPPER}]) ([{UPPER}][{UPPER}.]*(?: [{UPPER}][{UPPER}.]*)+)$")


_CAPITAL = re.compile(rf"[{UPPER}]\S*\s*\S")  # a cell of two characters or more opening with a capital
_TITLE_WORD = re.compile(rf"[{UPPER}][^\W\d_{UPPER}]+\b")  # "Phối", "Trung": not "LAN", "UBND"


def width_of(texts: list[str]) -> int | None:
    """The tab width the text's tabs were expanded with, or None (not so expanded, as far as can be told)."""
    rows = [[m.end() for m in _GAP.finditer(t)] for t in texts]
    # all the gaps; else those of the lines of three cells or more alone, where they are enough: a table typed with
    # tabs beside a header and a signature whose two columns were typed with spaces (each line one gap, anywhere)
    table = [r for r in rows if len(r) >= 2]
    pools = [[e for r in rows for e in r]] + ([[e for r in table for e in r]] if len(table) >= MIN_ROWS else [])
    for ends in pools:
        on = {width: sum(1 for e in ends if e % width == 0) for width in (8, 4)}
        if ends is not pools[0] and _laid_out(table):
            continue
        if on[4] >= MIN_GAPS and on[4] >= SHARE * len(ends):
            # every stop of 8 is one of 4: a text expanded to 4 has about half its gaps end at a stop of 8, one
            # expanded to 8 nearly all (those that do not are gaps typed with spaces)
            return 8 if on[8] >= SHARE * on[4] else 4
    return None


def _laid_out(table: list[list[int]]) -> bool:
    """A column of the table's rows (where two of them or more have a gap end, as their cells start) that is at no
    stop of 4: the table was laid out with spaces (``pdftotext -layout``, a page setting its columns where its own
    widths put them), its other columns at stops by chance; an expanded tab always ends at a stop, and spaces typed
    twice in a row of a tabbed table do not end at one place in two rows."""
    ends = Counter(e for r in table for e in set(r) if e % 4)
    return any(n >= 2 for n in ends.values())


def _tabbed(text: str, width: int, singles: frozenset[int] = frozenset()) -> str:
    """``text`` with each gap ending at a stop made the tabs that reach it, its margin too where it ends at one, and
    the single spaces before the stops ``singles`` made tabs."""
    def tabs(m: re.Match[str]) -> str:
        if m.end() % width or (len(m.group()) == 1 and m.end() not in singles):
            return m.group()
        return "\t" * (m.end() // width - m.start() // width)

    body = text.lstrip(" ")
    lead = len(text) - len(body)
    margin = "\t" * (lead // width) if lead % width == 0 else text[:lead]
    return margin + _SPACES.sub(tabs, text)[lead:]


def _cut_singles(text: str, typed: str, missing: int, width: int, known: dict[str, set[str]],
                 titles: bool, first: frozenset[int] = frozenset(), header: bool = False) -> tuple[str, frozenset[int]]:
    """``typed`` (``text`` with its tabs put back) with up to ``missing`` more tabs where a single space before a
    stop parts two cells: a figure, a comparator or a unit of measure after words ("… theo quy định 100%"), then a
    cell the table has in another row ("… trụ sở xã Văn phòng HĐND và UBND xã"), then (``titles``: the header row,
    whose every cell is a title) a word in capitals ("Chủ trì Phối hợp"); never after a dash or a comma ("Phòng Văn
    hóa - Xã hội": one cell). A row short of cells for its empty last cells is not cut by a capital's guess. The
    single spaces ``first`` (the row's number's, and those cut before) are cut too; with the cuts made. In the
    ``header`` row every cell is a title: a figure there is a word of one ("Kết quả 6 tháng đầu năm 2025"), no cell;
    there the title after the rows' number's ("STT Chỉ tiêu": conventions ``row_number_headers``) is cut first."""
    body = text.lstrip(" ")
    lead = len(text) - len(body)
    found: list[tuple[int, int]] = []
    for p in range(lead + 2, len(text)):
        if p % width or p in first or text[p - 1] != " " or text[p - 2] == " " or not _CELL_OPENING.match(text[p]):
            continue
        if not (text[p - 2].isalnum() or text[p - 2] in ").%"):
            continue
        # the words before, back to the gap before them, and after, up to the next gap (a cell's reach at most)
        before = text.rfind("  ", max(0, p - CELL_REACH), p - 1)
        cell = text[before + 2 if before >= 0 else max(0, p - CELL_REACH) : p - 1]
        after = text.find("  ", p, p + CELL_REACH)
        rest = text[p : after if after >= 0 else p + CELL_REACH]
        if not header and ((_figure_cell(rest) and not ends_with_comparator(cell))
                           or _PERCENT.fullmatch(cell.split()[-1])):
            found.append((0, p))
        elif cell.strip() in known.get(cell.split()[0], ()) or any(
                rest.startswith(k) for k in known.get(rest.split()[0], ())):
            found.append((1, p))
        elif titles and _TITLE_WORD.match(rest):
            # after the number's title ("STT"), then the rightmost: short cells (offices, dates) follow a long one
            found.append((2, p) if header and squash(cell) in row_number_headers() else (3, -p))
    cuts = frozenset(abs(p) for _, p in sorted(found)[:missing]) | first
    return (_tabbed(text, width, cuts) if cuts else typed), cuts


def _figure_cell(text: str) -> bool:
    """``text`` opens with a figure's cell: a unit of measure ("%"), a figure up to 100 and more (not a year), a
    comparator before it ("Tối thiểu 80%", "≥ 75")."""
    words = text.split()
    rest = " ".join(words[comparator_opening(words):])
    sign = next((w for w, _ in comparator_words() if not w[0].isalnum() and rest.startswith(w)), "")
    return _FIGURE.match(rest[len(sign):].lstrip()) is not None


def _signer(text: str, width: int) -> frozenset[int]:
    """Where a signature block's right column opens after a single space at a stop, in capitals to the line's end,
    after the left column's words in lower case ("- UBND thành phố (b/c); CHỦ TỊCH"): else nothing."""
    for m in _signer_title().finditer(text):
        p = m.start(1)
        if p % width == 0 and any(ch.islower() for ch in text[:p]):
            return frozenset([p])
    return frozenset()


def _after_figures(text: str, width: int) -> frozenset[int]:
    """The single spaces at a stop after a cell that is a figure alone, before a cell's opening ("94% 100%", "63%
    Tối thiểu 80%", "1/3 Theo quy định"): columns of figures side by side, the tab after a figure of three
    characters a single space at a stop of 4. Words never stand so (a figure in a sentence has words before it)."""
    return frozenset(p for m in _FIGURE_ALONE.finditer(text)
                     if (p := m.end()) % width == 0 and _CELL_OPENING.match(text[p]))


_DATE_CELL = re.compile(r"(?<![\d/])\d{1,2}/(?:\d{1,2}/)?\d{4}(?![\d/])")  # "11/2025", "15/12/2025"


def _put_back(texts: list[str], typed: list[str], rows: list[int], width: int) -> None:
    """The tabs of a table's ``rows`` that became single spaces put back in ``typed``, where the table says a cell
    opens: a group's number first in a line across the table ("III An toàn …"); in a row with fewer cells than
    others, a figure after words, a cell given in another row, and a capital where the row is a header or is known
    to lack a cell in its middle: its figure in a column left of the table's figures, or its last cell one of the
    table's last column (told by the rows already whole: twice, for a row made whole the first time)."""
    cut: dict[int, frozenset[int]] = {}  # the single spaces of each row cut so far (its number's first)
    numbers = {r: m.end() for r in rows if (m := _NUMBER_FIRST.match(texts[r])) and m.end() % width == 0}
    for r, end in numbers.items():
        if "\t" not in typed[r].strip() or len(numbers) >= 2:
            # a group's number before its title across the table ("III An toàn …"); or a row's number one space
            # from its text in a table whose rows are numbered so ("5.6 Hướng dẫn …": three characters at a stop
            # of 4, the tab after them one space)
            cut[r] = frozenset([end])
            typed[r] = _tabbed(texts[r], width, cut[r])
    for r in rows:  # figures side by side: in every row alike, so no row is short of the cell they part
        if sure := _after_figures(texts[r], width):
            cut[r] = cut.get(r, frozenset()) | sure
            typed[r] = _tabbed(texts[r], width, cut[r])
    most = max(typed[r].count("\t") for r in rows)
    # the cells of its rows (an office given work in several rows): where a row's cell may open
    known: dict[str, set[str]] = {}  # by their first word
    for c in (c for r in rows for c in map(str.strip, typed[r].split("\t")) if _CAPITAL.match(c)):
        known.setdefault(c.split()[0], set()).add(c)
    figures = Counter(k for r in rows if (k := _figure_column(typed[r])) is not None)
    column = figures.most_common(1)[0][0] if figures else None
    for _ in range(2):
        lasts = {typed[r].rsplit("\t", 1)[-1].strip() for r in rows if typed[r].count("\t") == most}
        # a last column of dates ("Tháng 11/2025", "Trước 15/12/2025", "Thường xuyên"): a row ending in a date ends
        # in that column's cell
        dated = sum(bool(_DATE_CELL.search(c)) for c in lasts) >= 2
        for n, r in enumerate(rows):
            if typed[r].count("\t") >= most:
                continue
            # a line with no tab left between two rows (a group's title across the table, or a row whose every tab
            # became one space): cut only where a figure or a cell of the table says so
            whole = "\t" in typed[r].strip()
            # (a header gives no figure; "(%)" in its titles is the columns' unit: "Thành phố giao (%)")
            header = whole and not _FIGURE_PERCENT.search(texts[r]) and (
                not n or "\t" not in typed[rows[n - 1]].strip())
            figure = _figure_column(typed[r])
            last = typed[r].rsplit("\t", 1)[-1].strip()
            middle = whole and ((figure is not None and column is not None and figure < column) or last in lasts or (
                dated and _DATE_CELL.search(last.rsplit(" ", 1)[-1]) is not None))
            # (the second time, with the cuts of the first: a row is cut again from its text)
            first = cut.get(r, frozenset())
            missing = most - typed[r].count("\t")
            typed[r], cut[r] = _cut_singles(texts[r], typed[r], missing, width, known, titles=header or middle,
                                            first=first, header=header)


def _figure_column(typed: str) -> int | None:
    """The column of a row's first figure ("75%", "Tối thiểu 80%"), or None."""
    return next((k for k, c in enumerate(typed.split("\t")) if "%" in c and _figure_cell(c.strip())), None)


def restored(lines: list[Line]) -> list[Line]:
    """The lines with the tabs their editor expanded put back (each keeps its number), or as they are."""
    texts = [ln.text for ln in lines]
    if any("\t" in t for t in texts) or (width := width_of(texts)) is None:
        return lines
    typed = [_tabbed(t, width, _signer(t, width)) for t in texts]
    # the runs of lines with a tab between cells: the rows of a table; blank lines between them, and a line between
    # two of them (a group's title across the table, "III An toàn thông tin"), do not end a run
    counts = [t.count("\t") for t in typed]  # a line set in by tabs alone (a cell's rest) is one of the run
    k = 0
    while k < len(typed):
        if not counts[k]:
            k += 1
            continue
        j = k + 1
        while j < len(typed) and (counts[j] or (j + 1 < len(typed) and counts[j + 1])):
            j += 1
        rows = [r for r in range(k, j) if typed[r].strip()]
        if len(rows) >= 2:
            _put_back(texts, typed, rows, width)
        k = j
    return [ln if t == ln.text else ln.model_copy(update={"text": t}) for ln, t in zip(lines, typed, strict=True)]
