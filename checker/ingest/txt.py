"""Plain-text and Markdown plans: decode, NFC-normalise, keep 1-based line numbers."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from checker.clean import safe_text
from checker.errors import IngestError
from checker.ingest import cellwise, layout, pages, stamps, tabstops, wholecells
from checker.ingest.safety import check_lines_count, check_size
from checker.models import Document, Line, Location, Table, TableCell
from checker.text import nfc

if TYPE_CHECKING:
    from pathlib import Path

    from checker.ingest import Limits


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (in UTF-16: characters): not a text file, whatever its
    name says."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Notepad's "Unicode"): NUL bytes are half its letters
        chars = head.decode("utf-16", errors="replace")
        odd = sum(1 for c in chars if c < "\t" or "\r" < c < " " or c == "\ufffd")
        return odd > len(chars) * 0.05
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode text bytes; returns the text and notes about what was done to it."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # a truncated file (odd byte count) or an unpaired surrogate is not a reason to refuse the plan: the
        # broken character becomes U+FFFD and is named in the notes
        text = data.decode("utf-16", errors="replace")
        notes = ["mã hóa UTF-16"]
        if "\ufffd" in text:
            notes.append("có ký tự UTF-16 hỏng, đã thay bằng dấu �")
        return text, notes
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            from checker.ingest import legacy
        except ImportError:
            legacy = None  # type: ignore[assignment]
        if legacy is not None:
            return legacy.decode_bytes(data, path)
        raise IngestError(path, "không giải mã được tệp văn bản (không phải UTF-8)") from None
    try:
        from checker.ingest import legacy as _legacy

        converted = _legacy.convert_if_legacy(text)
        if converted is not None:
            text, note = converted
            notes.append(note)
    except ImportError:
        pass
    return text, notes


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?[\s:|-]*-{3,}[\s:|-]*$")
# A grid table's borders, as text exports and pandoc draw them ("+-----+====+") or with box-drawing characters
# ("┌───┬───┐", "├───┼───┤", "╞═══╪═══╡"); between two borders, the physical lines of one row (a wrapped cell
# goes on in the same column on the next line). Cells are separated by "|" or "│"/"║".
_GRID_RULE = re.compile(r"^\s*[+┌├└╔╠╚╞╟][-=:─━═+┬┼┴╤╪╧╦╬╩╥╫╨]{3,}[+┐┤┘╗╣╝╡╢]\s*$")
_GRID_ROW = re.compile(r"^\s*[|│║].*[|│║]\s*$")
_GRID_SEP = re.compile(r"[|│║]")
# a row's number in a grid table's first cell ("1", "2.", "IV"): a line between two borders that opens with one
# while the row gathered has its own is the next row (a table typed with borders only around its header and at
# its end); a wrapped cell's next line leaves the number's column empty
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,5})\.?$")
# a mail client's quoting marks: "> ", "> > ", ">> ", ">" alone; never a comparator (">90%")
_QUOTED = re.compile(r"^[ \t\u00a0]*(?:>[ \t\u00a0]*)*>(?:[ \t\u00a0]|$)")


def lines_of(text: str) -> list[Line]:
    """The text's lines, numbered from 1 as an editor numbers them, without the page numbers a text exported from a
    PDF keeps at its page breaks (``pages.from_lines``) and without its running headers and footers.

    A form feed is pdftotext's page break, not a line break: it opens the first line of the next page
    ("...\\n\\fKế hoạch số ... (tiếp theo)"), and that line keeps the number editors, ``grep -n`` and ``--fix``
    give it. Text after a form feed in the middle of a line (no line break before it) is a line of the next
    page with the same number."""
    lines: list[Line] = []
    page_starts: set[int] = set()
    paged = nfc(text).split("\f")  # where there are form feeds, lines know their pages
    number = 0  # the line being read
    broken = True  # the text before this page ended with a line break (the first page opens line 1)
    for k, page in enumerate(paged):
        if k:
            page_starts.add(len(lines))
        page = safe_text(page)  # every line break is \n, no control characters, no lone surrogates
        texts = page.split("\n")
        ends = len(texts) > 1 and not texts[-1]
        if k + 1 < len(paged) and ends:
            texts.pop()  # the page ended with its line break: the form feed opens the next line
        # the blank lines that end a page in the middle of a sentence ("… tối thiểu 62% cán bộ, công" / "" / form
        # feed / "chức, viên chức …", as pdftotext ends some pages) are the page's end, not a paragraph's
        tail = len(texts)
        while k + 1 < len(paged) and tail > 1 and not texts[tail - 1].strip():
            tail -= 1
        if tail < len(texts) and re.search(r"[.:;!?…)\]]$", texts[tail - 1].rstrip()):
            tail = len(texts)
        for i, t in enumerate(texts):
            number += i > 0 or broken
            if i < tail:
                lines.append(Line(text=t.rstrip(), loc=Location(line=number, page=k + 1 if len(paged) > 1 else None)))
        broken = ends
    return pages.without_running(*pages.from_lines(lines, page_starts))


_HTML_TABLE_OPEN = re.compile(r"^\s*<table\b[^>]*>\s*$", re.IGNORECASE)
_HTML_TABLE_CLOSE = re.compile(r"^\s*</table>\s*$", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def html_tables(lines: list[Line]) -> list[Line]:
    """The raw HTML tables a Markdown converter writes where a cell holds several paragraphs (pandoc ``-t gfm``:
    the header and the Nơi nhận | signature tables as ``<table>`` … ``<th><p>ỦY BAN NHÂN DÂN</p>`` …) read without
    their tags: each line keeps its words (``<p><em>Phù Liễn, ngày …</em></p></th>`` is "Phù Liễn, ngày …", entities
    decoded) and its number, a line of tags only is blank; the cells come one after the other, left to right, as
    pdftotext writes a table's columns. Only the lines from ``<table>`` to ``</table>``, each on a line of its own,
    are touched: a "<" in the plan's text is the plan's."""
    out = list(lines)
    k = 0
    while k < len(lines):
        if not _HTML_TABLE_OPEN.match(lines[k].text):
            k += 1
            continue
        end = next((j for j in range(k + 1, len(lines)) if _HTML_TABLE_CLOSE.match(lines[j].text)), None)
        if end is None:
            break
        for j in range(k, end + 1):
            text = html.unescape(_HTML_TAG.sub(" ", lines[j].text))
            out[j] = lines[j].model_copy(update={"text": " ".join(text.split())})
        k = end + 1
    return out


# a Markdown escape: a backslash before an ASCII punctuation mark makes it the mark itself (CommonMark), as pandoc
# and other converters write the plan's own marks where Markdown would read them as markup: "1\. Mục đích" (not a
# list), "a\) …", "\- …" (not a bullet), "\_\_\_" (a rule typed with underscores). Not "\|": in a pipe
# table it is a "|" inside a cell, and the table reader needs to know it is not a cell's edge.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{}~])")


def unescaped(lines: list[Line]) -> list[Line]:
    """The lines with their Markdown escapes read (``_MD_ESCAPE``), each keeping its number."""
    return [ln.model_copy(update={"text": _MD_ESCAPE.sub(r"\1", ln.text)}) if "\\" in ln.text else ln for ln in lines]


def unquoted(lines: list[Line]) -> list[Line]:
    """A plan quoted in an e-mail reply ("Vào … đã viết:" over "> ỦY BAN NHÂN DÂN …", every line of the quoted mail
    opened by "> " (a no-break space after ">" where it was copied from a web mail's page), ">" alone for its blank
    lines, "> > " a level deeper) read without the mail client's marks, which are not the plan's: each line keeps
    its number. Only a run of three lines or more so opened is quoted, and not a
    run of figures ("> 90% …" each); blank lines inside the run do not end it; ">90% văn bản …" is a comparator, as
    "≥"; the reply above is read as it is."""
    out = list(lines)
    k = 0
    while k < len(lines):
        quoted: list[tuple[int, str]] = []  # the run's quoted lines, without their marks
        j = k
        while j < len(lines):
            if (m := _QUOTED.match(lines[j].text)) is not None:
                quoted.append((j, lines[j].text[m.end():]))
            elif lines[j].text.strip():
                break
            j += 1  # a blank line inside the run (the text spaced again) does not end it
        if len(quoted) >= 3 and any(r and not r[0].isdigit() for _, r in quoted):
            for i, r in quoted:
                out[i] = lines[i].model_copy(update={"text": r})
        k = quoted[-1][0] + 1 if quoted else k + 1
    return out


def pipe_tables(lines: list[Line]) -> tuple[list[Line], list[Table]]:
    """Markdown (pipe) tables as tables, as Word tables are read: a row's cells keep the row's line number. A grid
    table (borders between its rows) gives one row per bordered band, its cells' wrapped lines joined."""
    tables: list[Table] = []
    out: list[Line] = []
    rows: list[list[TableCell]] = []
    grid = False  # inside a grid table
    band = False  # a grid row is being gathered (no border since its first line)
    seq = lines + [Line(text="", loc=Location(line=0))]
    for at, ln in enumerate(seq):
        if _GRID_RULE.match(ln.text):
            if rows and not grid:
                tables.append(Table(rows=rows))
                rows = []
            grid, band = True, False
            out.append(Line(text=ln.text, loc=Location(line=ln.loc.line, table=len(tables) + 1)))
            continue
        if grid and _GRID_ROW.match(ln.text):
            cells = [c.strip() for c in _GRID_SEP.split(ln.text.strip()[1:-1])]
            if band and len(cells) == len(rows[-1]) and not (_ROW_NUMBER.match(cells[0]) and rows[-1][0].text):
                row = rows[-1]
                rows[-1] = [c.model_copy(update={"text": f"{c.text} {t}".strip() if t else c.text})
                            for c, t in zip(row, cells, strict=True)]
                out.append(Line(text=ln.text, loc=Location(line=ln.loc.line, table=len(tables) + 1, row=len(rows))))
                continue
            band = True
            loc = Location(line=ln.loc.line, table=len(tables) + 1, row=len(rows) + 1)
            rows.append([TableCell(text=c, loc=loc.model_copy(update={"cell": j})) for j, c in enumerate(cells, 1)])
            out.append(Line(text=ln.text, loc=loc))
            continue
        if grid and not ln.text.strip() and (_GRID_ROW.match(after := _next_text(seq, at)) or _GRID_RULE.match(after)):
            # a blank line between a grid's lines (text with a blank line after every line) does not end it
            out.append(Line(text=ln.text, loc=Location(line=ln.loc.line, table=len(tables) + 1)))
            continue
        if grid:
            if rows:
                tables.append(Table(rows=rows))
                rows = []
            grid = band = False
        if rows and _PIPE_RULE.match(ln.text):
            # the rule under the header row ("|---|---|") belongs to the table; it does not end it
            out.append(Line(text=ln.text, loc=Location(line=ln.loc.line, table=len(tables) + 1)))
            continue
        if _PIPE_ROW.match(ln.text) and not _PIPE_RULE.match(ln.text):
            k, r = len(tables) + 1, len(rows) + 1
            loc = Location(line=ln.loc.line, table=k, row=r)
            cells = layout.pipe_cells(ln.text)
            rows.append([TableCell(text=c, loc=loc.model_copy(update={"cell": j}))
                         for j, c in enumerate(cells, start=1)])
            out.append(Line(text=ln.text, loc=loc))
            continue
        if rows and not ln.text.strip() and _PIPE_ROW.match(_next_text(seq, at)):
            # a blank line between rows (text with a blank line after every line) does not end the table
            out.append(Line(text=ln.text, loc=Location(line=ln.loc.line, table=len(tables) + 1)))
            continue
        if rows:
            tables.append(Table(rows=rows))
            rows = []
        if ln.loc.line:
            out.append(ln)
    return bare_pipe_tables(out, tables)


def _next_text(lines: list[Line], at: int) -> str:
    """The text of the first line with text after ``at`` ("" when none)."""
    return next((ln.text for ln in lines[at + 1 :] if ln.text.strip()), "")


def _bare_cells(text: str) -> list[str] | None:
    """The cells of a row written with "|" between its cells only ("1 | Hồ sơ ... | 80% | 85%", as an OCR tool
    or a copy from a PDF gives a table), else None (a Markdown row, with its outer pipes, is read above)."""
    t = text.strip()
    if "|" not in t or t.startswith("|") or t.endswith("|"):
        return None
    return [c.strip() for c in t.split("|")]


def bare_pipe_tables(lines: list[Line], tables: list[Table]) -> tuple[list[Line], list[Table]]:
    """Tables whose cells are separated by "|" without the outer pipes: a header row of three cells or more, then
    the rows under it. A row shorter than the header goes on on the next line (a long cell wrapped, "1 | Thủ tục
    ... dịch vụ công trực" then "tuyến toàn trình | 100% | 100%"): the pieces are one row, the wrapped cell joined.
    Blank lines between rows (a blank line after every line) do not end the table."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        head = _bare_cells(lines[k].text) if lines[k].loc.table is None else None
        if head is None or len(head) < 3 or not all(head) or _bare_cells(_next_text(lines, k)) is None:
            out.append(lines[k])
            k += 1
            continue
        number = len(tables) + 1
        rows: list[list[TableCell]] = []
        width = len(head)
        while k < len(lines) and lines[k].loc.table is None:
            ln = lines[k]
            cells = _bare_cells(ln.text)
            short = bool(rows) and len(rows[-1]) < width
            if not ln.text.strip():
                following = _next_text(lines, k)
                if _bare_cells(following) is None and not (short and following and "|" not in following):
                    break
            elif cells is None and not short:
                break
            elif cells is None or short:  # the rest of a row whose long cell wrapped
                pieces = cells or [ln.text.strip()]
                last = rows[-1][-1]
                rows[-1][-1] = last.model_copy(update={"text": f"{last.text} {pieces[0]}".strip()})
                rows[-1] += [TableCell(text=c, loc=Location(line=ln.loc.line, table=number, row=len(rows),
                                                            cell=len(rows[-1]) + j))
                             for j, c in enumerate(pieces[1:], start=1)]
            else:
                loc = Location(line=ln.loc.line, table=number, row=len(rows) + 1)
                rows.append([TableCell(text=c, loc=loc.model_copy(update={"cell": j}))
                             for j, c in enumerate(cells, start=1)])
            out.append(Line(text=ln.text, loc=Location(line=ln.loc.line, table=number, row=len(rows) or None)))
            k += 1
        tables.append(Table(rows=rows))
    return out, tables


# pandoc's simple and multiline tables (``pandoc -t plain``, ``-t markdown``): a rule of dashes under the header, one
# run per column ("----- --------- -----"), whose runs give the columns' places; a multiline table is closed above
# and below by a rule across it ("-------") and its rows, each cell wrapped within its column, are parted by blank
# lines
_DASH_COLUMNS = re.compile(r"^\s*-{2,}(?:[ ]+-{2,})+\s*$")
_DASH_ACROSS = re.compile(r"^\s*-{8,}\s*$")


_GAP = re.compile(r"(?<=\S)( +)(?=\S)")  # the spaces between two words (or two cells)
_LOWER_GAP = re.compile(r"(?<=[^\W\d_])( +)(?=[^\W\d_])")


def _cuts(text: str, starts: list[int]) -> bool:
    """A column's place falls inside a word of ``text``: the line is not laid out on the columns."""
    return any(0 < s < len(text) and not text[s - 1].isspace() and not text[s].isspace() for s in starts[1:])


def _narrowed(text: str, every: bool, starts: list[int]) -> str:
    """A line whose words stand two spaces apart (justified text laid out as characters, spaces typed twice) as its
    table set it: one space less in every gap (``every``: the rule of dashes, which pandoc parts by single spaces,
    had its spaces doubled too), or in each gap of two between words in lower case where no such gap is one ("Hồ
    sơ  thủ  tục …"), but a gap after which the next word opens a column at its place."""
    if every:
        return re.sub(r" ( *)(?=\S)", r"\1", text)
    lower = [m for m in _LOWER_GAP.finditer(text) if text[m.start() - 1].islower() and text[m.end()].islower()]
    if any(len(m.group(1)) == 1 for m in lower):
        return text  # words one space apart: this line's spaces are as they were
    out, at, less = [], 0, 0
    for m in lower:
        if len(m.group(1)) != 2 or m.end(1) - less in starts:
            continue
        out += [text[at : m.start(1)], " "]
        at, less = m.end(1), less + 1
    return "".join([*out, text[at:]])


def _sliced(text: str, starts: list[int]) -> list[str]:
    """``text`` cut at the columns' places."""
    ends = [*starts[1:], None]
    return [text[s:e].strip() for s, e in zip(starts, ends, strict=True)]


def _spacing(lines: list[Line], at: int) -> int:
    """The blank lines a text puts after each of its lines, read after the rule at ``at`` (pandoc writes a table's
    first row right under it): 0, or 1 and more in a text spaced out with a blank line after every line."""
    n = 0
    while at + 1 + n < len(lines) and not lines[at + 1 + n].text.strip():
        n += 1
    return n if at + 1 + n < len(lines) else 0


def _header_above(out: list[Line], spacing: int) -> tuple[list[int], bool]:
    """Where in ``out`` the header's lines over a rule of dashes are (up to three, the blanks of a spaced-out text
    between them), and whether a rule across stands above them (a multiline table)."""
    heads: list[int] = []
    k = len(out) - 1
    while k >= 0 and len(heads) < 3 and out[k].loc.table is None and not _DASH_ACROSS.match(out[k].text):
        if out[k].text.strip():
            heads.append(k)
            k -= 1
            continue
        blanks = 0
        while k - blanks >= 0 and not out[k - blanks].text.strip():
            blanks += 1
        if blanks > spacing:
            break
        k -= blanks
    above = heads[-1] - 1 if heads else -1
    while heads and above >= 0 and not out[above].text.strip() and heads[-1] - above <= spacing:
        above -= 1
    return sorted(heads), bool(heads) and above >= 0 and bool(_DASH_ACROSS.match(out[above].text))


def _bands(lines: list[Line], k: int, multiline: bool, spacing: int) -> tuple[list[list[Line]], int, bool]:
    """The rows under the rule at ``k``, each its lines; where the table ends; whether a rule across closes it. A
    run of blank lines longer than the text's ``spacing`` parts a multiline table's rows and ends a simple one."""
    bands: list[list[Line]] = [[]]
    j, blanks = k + 1, 0
    while j < len(lines) and lines[j].loc.table is None:
        t = lines[j].text
        if multiline and _DASH_ACROSS.match(t):
            return [b for b in bands if b], j, True
        if not t.strip():
            blanks += 1
            if blanks > spacing and not multiline:
                break
        else:
            if blanks > spacing or not multiline:
                bands.append([])
            bands[-1].append(lines[j])
            blanks = 0
        j += 1
    return [b for b in bands if b], j - blanks, False


def dashed_tables(lines: list[Line], tables: list[Table]) -> tuple[list[Line], list[Table]]:
    """pandoc's simple and multiline tables as tables: the header's lines over the rule of dashes, then the rows
    under it, each cell the text within its column (a multiline row's lines, up to the blank line after them, one
    row with its cells' lines joined; in a text spaced out with a blank line after every line, up to a longer run of
    blanks). A simple table (no rule across above its header) is read only with two rows or more, a multiline one
    only with its closing rule: a title underlined by two runs of dashes is no table."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.loc.table is not None or not _DASH_COLUMNS.match(ln.text):
            out.append(ln)
            k += 1
            continue
        spacing = _spacing(lines, k)
        heads, multiline = _header_above(out, spacing)
        bands, j, closed = _bands(lines, k, multiline, spacing) if heads else ([], k, False)
        if not heads or (multiline and not closed) or (not multiline and len(bands) < 2):
            out.append(ln)
            k += 1
            continue
        number = len(tables) + 1
        rows: list[list[TableCell]] = []
        head_lines = [out[h] for h in heads]
        kept = out[heads[0]:]  # the header's lines and the blanks between them
        del out[heads[0]:]
        row_of: dict[int, int] = {}  # a line's index in ``lines`` → its row
        every = min(len(g) for g in _GAP.findall(ln.text)) > 1  # pandoc parts its rule's runs by one space
        starts = [m.start() for m in re.finditer(r"-+", _narrowed(ln.text, every, []))]
        # a table whose lines cut a word at a column's place had its spaces doubled (justified text laid out as
        # characters): its lines read with them as the table set them
        doubled = any(_cuts(b.text, starts) for b in [*head_lines, *(x for band in bands for x in band)])
        for r, band in enumerate([head_lines, *bands], 1):
            texts = [" ".join(p for p in parts if p) for parts in zip(
                *(_sliced(_narrowed(b.text, every, starts) if doubled else b.text, starts) for b in band), strict=True)]
            loc = Location(line=band[0].loc.line, table=number, row=r)
            rows.append([TableCell(text=t, loc=loc.model_copy(update={"cell": c})) for c, t in enumerate(texts, 1)])
            row_of.update((id(b), r) for b in band)
        tables.append(Table(rows=rows))
        # every line from the header to the closing rule is the table's (its rules and the blanks between rows too)
        end = j + int(closed)
        out.extend(Line(text=x.text, loc=x.loc.model_copy(update={"table": number, "row": row_of.get(id(x))}))
                   for x in [*kept, *lines[k:end]])
        k = end
    return out, tables


_MD_ITEM = re.compile(r"^([ \t]*)(\d{1,9})([.)])([ \t]+\S)")
# a line that opens a block of its own rather than going on with the paragraph above: a heading, a bullet, a quote,
# a table's row, a rule, a fence (CommonMark's blocks that may interrupt a paragraph)
_MD_BLOCK = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[-+*][ \t]|>|\||```|~~~|(?:[-*_][ \t]*){3,}$)")


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def markdown_numbers(lines: list[Line]) -> list[Line]:
    """A Markdown ordered list numbered as it is shown: its items count up from the first item's number, whatever
    number each is typed with (CommonMark). Only the lists typed the lazy way, every item with the same number
    ("1." "1." "1."), are renumbered (items one after another at one indent, nothing else between them but blank
    lines and lines set in further: the items' own text and sub-lists); a list typed "1." "2." "2." stays as it is
    typed, and a repeated number there is the author's."""
    out = list(lines)
    runs: dict[tuple[int, str], list[tuple[int, re.Match[str]]]] = {}  # (indent, delimiter) → the open list's items
    done: list[list[tuple[int, re.Match[str]]]] = []
    open_text = False  # the line before is text of a paragraph (no blank line since)
    for k, ln in enumerate(lines):
        if not ln.text.strip():
            open_text = False
            continue
        m = _MD_ITEM.match(ln.text)
        lazy, open_text = open_text and m is None and not _MD_BLOCK.match(ln.text), True
        if lazy:
            continue  # a paragraph's lazy continuation (CommonMark): an item's text wrapped with no indent goes on
        width = _width(m.group(1)) if m else _width(ln.text[: len(ln.text) - len(ln.text.lstrip())])
        for key in [key for key in runs if key[0] > width or (key[0] == width and (m is None or key[1] != m.group(3)))]:
            done.append(runs.pop(key))  # a line at or left of a list's items that is not one of them ends it
        if m:
            runs.setdefault((width, m.group(3)), []).append((k, m))
    done += runs.values()
    for items in done:
        numbers = {m.group(2) for _, m in items}
        if len(items) < 2 or len(numbers) != 1:
            continue
        first = int(numbers.pop())
        for n, (k, m) in enumerate(items):
            out[k] = lines[k].model_copy(update={"text": f"{m.group(1)}{first + n}{lines[k].text[m.end(2):]}"})
    return out


def read(path: Path, limits: Limits) -> Document:
    data = path.read_bytes()
    if looks_binary(data):
        raise IngestError(str(path), "tệp nhị phân, không phải văn bản (đổi đuôi .txt?)")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # 8-bit or UTF-8: each 0x0A byte ends a line
        check_lines_count(data.count(b"\n") + 1, str(path), limits)  # before decoding (legacy scoring is costly)
    text, notes = decode(data, str(path))
    if not text.strip():
        raise IngestError(str(path), "tệp không có nội dung")
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    lines = stamps.without_stamps(unquoted(unescaped(html_tables(tabstops.restored(lines_of(text))))))
    if fmt == "md":
        lines = markdown_numbers(lines)
    check_size(lines, str(path), limits)  # before the layout is inferred
    lines, tables = dashed_tables(*pipe_tables(cellwise.rows_of(wholecells.rows_of(cellwise.closing_in_turn(lines)))))
    blocks = layout.infer(lines, tables)
    return Document(path=str(path), format=fmt, lines=lines, tables=layout.tables_of(blocks), blocks=blocks,
                    notes=notes)
