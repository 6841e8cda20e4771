"""Plain-text and Markdown plans: decode, NFC-normalise, keep 1-based line numbers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.clean import safe_text
from checker.errors import IngestError
from checker.ingest import cellwise, layout, pages, stamps
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
        for i, t in enumerate(texts):
            number += i > 0 or broken
            lines.append(Line(text=t.rstrip(), loc=Location(line=number, page=k + 1 if len(paged) > 1 else None)))
        broken = ends
    return pages.without_running(*pages.from_lines(lines, page_starts))


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
            if band and len(cells) == len(rows[-1]):
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
    lines = stamps.without_stamps(unquoted(lines_of(text)))
    if fmt == "md":
        lines = markdown_numbers(lines)
    check_size(lines, str(path), limits)  # before the layout is inferred
    lines, tables = pipe_tables(cellwise.rows_of(cellwise.closing_in_turn(lines)))
    blocks = layout.infer(lines, tables)
    return Document(path=str(path), format=fmt, lines=lines, tables=layout.tables_of(blocks), blocks=blocks,
                    notes=notes)
