"""What the word-processor readers share (Word .docx: ``checker.ingest.docx``; OpenDocument .odt:
``checker.ingest.odt``): once a reader has met a paragraph's lines, or a table's cells, it hands them here, and
``Builder`` numbers the lines, locates them (paragraph; table, row, cell; footnote), bounds them, and builds the
layout units, the tables on their grid and the blocks of the Document exactly alike for both formats."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from checker.clean import safe_text
from checker.errors import IngestError
from checker.ingest import layout, legacy, stamps
from checker.ingest.safety import check_size
from checker.models import Document, Line, Location, Table, TableCell
from checker.text import nfc

if TYPE_CHECKING:
    from pathlib import Path

    from checker.ingest import Limits

# A table row as a reader met it: grid columns left empty before its first cell, then each cell's paragraphs (as
# lines, numbers drawn) and how many grid columns it spans.
Row = tuple[int, list[tuple[list[str], int]]]
Cell = TypeVar("Cell")


def one_column(rows: list[list[Cell]]) -> list[Cell] | None:
    """The cells of a table of one column (each row's cells as its reader meets them, a cell merged across the
    table once): a frame drawn around text (a plan's whole body boxed, each part in a box of its own, a boxed
    note), read as the paragraphs and tables its cells hold, not as a table (a table relates columns; one column
    relates nothing); None for any other table. The rule of both readers (.docx, .odt)."""
    if not rows or any(len(row) != 1 for row in rows):
        return None
    return [row[0] for row in rows]


def ended_lines(chunks: list[list[str]]) -> list[str]:
    """A paragraph's text pieces, split where its author ended a line (a soft line break), as lines: composed,
    made safe, stripped; leading tabs are kept, as in a text file (they set in a paragraph or leave a typed table's
    first cells empty: the columns under a merged header cell); empty lines dropped."""
    lines = []
    for chunk in chunks:
        text = safe_text(nfc("".join(chunk))).replace("\n", " ")
        tabs = len(text) - len(text.lstrip("\t"))
        if text.strip():
            lines.append("\t" * tabs + text.strip())
    return lines


def legacy_run(text: str, font: str | None, converted: set[str]) -> str:
    """A run's text in a legacy Vietnamese font (TCVN3 .VnTime, VNI-Times) converted to Unicode; ``converted``
    records the encoding met."""
    enc = legacy.font_encoding(font)
    if enc is None or not text.strip():
        return text
    converted.add(enc[0])
    return legacy.convert(text, enc[0], upper=enc[1])


class Builder:
    """The lines, layout units and tables of a word-processor document, in reading order."""

    def __init__(self, limits: Limits | None = None, where: str = "") -> None:
        self.lines: list[Line] = []
        self.limits, self.where, self.chars = limits, where, 0
        self.tables: list[Table] = []
        self.units: list[layout.Unit] = []  # what the layout model reads: paragraphs, form cells, tables
        self.converted: set[str] = set()
        self.grid: dict[tuple[int, int], list[int]] = {}  # (table, row) -> grid columns each cell spans
        self.merged_down: set[tuple[int, int, int]] = set()  # (table, row, grid column) of a cell merged from above

    def add_line(self, line: Line) -> None:
        """Keep a line; refuse the file as soon as its lines go over the limits, not after reading all of them."""
        self.lines.append(line)
        self.chars += len(line.text)
        if self.limits is not None and (len(line.text) > self.limits.max_line_chars
                                        or self.chars > self.limits.max_chars
                                        or len(self.lines) > self.limits.max_lines):
            check_size(self.lines, self.where, self.limits)

    def add_paragraph(self, lines: list[str], note: int | None = None, level: int | None = None,
                      indent: int | None = None) -> None:
        """One paragraph (its lines as drawn, number first): one line for findings, located by its paragraph
        number (or its footnote's), and one layout unit per line its author ended."""
        n = len(self.lines) + 1
        loc = Location(line=n, paragraph=n) if note is None else Location(line=n, footnote=note)
        self.add_line(Line(text=" ".join(lines), loc=loc))
        self.units += [layout.Unit(text=t, loc=loc, heading_level=level, indent=indent) for t in lines or [""]]

    def add_rows(self, rows: list[Row]) -> None:
        """A table: each cell one line located by table, row and cell; a header or signature laid out as a
        (borderless) table read as its columns, any other table as a table."""
        number = len(self.tables) + 1
        table_rows: list[list[TableCell]] = []
        form: list[layout.Unit] = []
        for r_i, (before, cells) in enumerate(rows, start=1):
            row: list[TableCell] = []
            self.grid[(number, r_i)] = [before] + [span for _, span in cells]
            for c_i, (paragraphs, _) in enumerate(cells, start=1):
                text = " ".join(paragraphs)
                loc = Location(line=len(self.lines) + 1, table=number, row=r_i, cell=c_i)
                self.add_line(Line(text=text, loc=loc))
                row.append(TableCell(text=text, loc=loc))
                column = "left" if c_i == 1 else "right"
                form += [layout.Unit(text=t, loc=loc, column=column, hard=True) for t in paragraphs]
            table_rows.append(row)
        table = Table(rows=table_rows)
        self.tables.append(table)
        first_row = [u.text for u in form if u.loc.row == 1]
        if layout.is_form_table(table_rows, first_row):  # header or signature laid out as a table: read as its columns
            self.units += form
        else:
            self.units.append(layout.Unit(text="", loc=table_rows[0][0].loc if table_rows and table_rows[0]
                                          else Location(line=0), table=table))

    def document(self, path: Path, fmt: str) -> Document:
        """The Document of what was read: legacy text the fonts did not reveal converted, tables on their grid,
        typed tables found, blocks built; IngestError when there is no text."""
        lines, units = self.lines, self.units
        if self.limits is not None:  # before legacy detection and the layout (a 1.8 MB paragraph took 200 s)
            check_size(lines, str(path), self.limits)
        notes = [legacy.NOTES[enc] for enc in ("tcvn3", "vni") if enc in self.converted]
        if not self.converted:
            lines, units, note = _convert_unmarked(lines, units)
            if note:
                notes.append(note)
        if not any(line.text.strip() for line in lines):
            raise IngestError(str(path), f"tệp .{fmt} không có nội dung chữ (ảnh quét? hãy chạy OCR)")
        lines, units = _without_stamps(lines, units)
        tables = merged_down(on_grid(layout.tables_from_lines(lines, len(self.tables)), self.grid), self.merged_down)
        by_number = dict(enumerate(tables, start=1))
        units = [u if u.table is None or u.loc.table is None else
                 layout.Unit(text="", loc=u.loc, table=by_number.get(u.loc.table, u.table)) for u in units]
        units, typed = _typed_tables(units, len(tables))
        tables += typed
        blocks = layout.blocks_of(units)
        return Document(path=str(path), format=fmt, lines=lines, tables=tables, blocks=blocks, notes=notes)


def _without_stamps(lines: list[Line], units: list[layout.Unit]) -> tuple[list[Line], list[layout.Unit]]:
    """The paragraphs of a digital signature's stamp ("Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: …": a
    text box or a frame the signing system, or a clerk, put over the header or the signature) read as empty, as the
    text and PDF readers read them (``stamps.without_stamps``): not the plan's words, whatever body the certificate
    names. Only whole paragraphs; a table's cells are no stamp's and end one."""
    body = [line if line.loc.table is None else line.model_copy(update={"text": ""}) for line in lines]
    gone = {old.loc.line for old, new in zip(body, stamps.without_stamps(body), strict=True)
            if old.text.strip() and not new.text.strip()}
    if not gone:
        return lines, units
    return ([line.model_copy(update={"text": ""}) if line.loc.line in gone and line.loc.table is None else line
             for line in lines],
            [layout.Unit(text="", loc=u.loc) if u.loc.line in gone and u.loc.table is None else u for u in units])


def on_grid(tables: list[Table], grid: dict[tuple[int, int], list[int]]) -> list[Table]:
    """Each row's cells at their grid columns: a cell merged across n columns is followed by n - 1 empty cells
    (and a row that starts later by empty cells before it), so that a header over two rows ("Năm 2025" over
    "Thành phố giao | Phường thực hiện") and the rows below line up column by column, as in a typed table."""
    out: list[Table] = []
    for number, table in enumerate(tables, start=1):
        rows = []
        for r_i, row in enumerate(table.rows, start=1):
            spans = grid.get((number, r_i))
            if (not spans or (spans[0] == 0 and all(n == 1 for n in spans[1:])) or len(spans) != len(row) + 1
                    or len(row) == 1):  # one cell across the table: a group's title row, kept as one cell
                rows.append(row)
                continue
            cells = [TableCell(text="", loc=row[0].loc)] * spans[0] if row else []
            for cell, n in zip(row, spans[1:], strict=True):
                cells += [cell] + [TableCell(text="", loc=cell.loc)] * (n - 1)
            rows.append(cells)
        out.append(Table(rows=rows))
    return out


def merged_down(tables: list[Table], cells: set[tuple[int, int, int]]) -> list[Table]:
    """A cell merged down from the one above it (Word's w:vMerge "continue") holds that cell's text in the table, as
    Word shows one cell over those rows: the "%" of an "Đơn vị tính" cell merged over a group's rows is each row's
    unit. It is the top cell, at its place: its own line stays empty, what the cell says is found where it is
    written."""
    if not cells:
        return tables
    out: list[Table] = []
    for number, table in enumerate(tables, start=1):
        rows = [list(row) for row in table.rows]
        for r_i, row in enumerate(rows[1:], start=2):
            above = rows[r_i - 2]
            for col, cell in enumerate(row):
                if (number, r_i, col) in cells and not cell.text.strip() and col < len(above) and len(row) > 1:
                    row[col] = above[col]
        out.append(Table(rows=rows) if rows != table.rows else table)
    return out


def _convert_unmarked(lines: list[Line], units: list[layout.Unit]
                      ) -> tuple[list[Line], list[layout.Unit], str | None]:
    """Legacy-encoded text whose font names were lost (e.g. set through a theme): detect on the whole text."""
    whole = "\n".join(line.text for line in lines)
    enc = legacy.detect(whole)
    if enc is None or legacy.convert_if_legacy(whole) is None:
        return lines, units, None
    for u in units:
        u.text = legacy.convert(u.text, enc)
    return [Line(text=legacy.convert(line.text, enc), loc=line.loc) for line in lines], units, legacy.NOTES[enc]


def _typed_tables(units: list[layout.Unit], count: int) -> tuple[list[layout.Unit], list[Table]]:
    """Tables typed as text, one paragraph per line (a text plan opened in Word: Markdown pipes, "+---+" grids),
    read as the text reader reads them; numbered after the Word tables, each cell at its paragraph."""
    from checker.ingest.txt import pipe_tables

    plain = [u.table is None and u.loc.table is None and u.column is None for u in units]
    marked, found = pipe_tables([Line(text=u.text if ok else "", loc=Location(line=i))
                                 for i, (u, ok) in enumerate(zip(units, plain, strict=True), start=1)])
    if not found:
        return units, []
    typed = [Table(rows=[[c.model_copy(update={"loc": units[c.loc.line - 1].loc.model_copy(
        update={"table": count + k, "row": r, "cell": c.loc.cell})}) for c in row]
        for r, row in enumerate(t.rows, start=1)]) for k, t in enumerate(found, start=1)]
    out: list[layout.Unit] = []
    done: set[int] = set()
    for u, m in zip(units, marked, strict=True):
        k = m.loc.table
        if k is None:
            out.append(u)
        elif k not in done:
            done.add(k)
            out.append(layout.Unit(text="", loc=u.loc.model_copy(update={"table": count + k}), table=typed[k - 1]))
    return out, typed
