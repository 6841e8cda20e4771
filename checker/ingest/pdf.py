"""PDF plans with a text layer, read with pypdf: one Line per text line, numbered across pages.

Library choice, measured here on PDFs made with fpdf2 + DejaVuSans from the seed texts 000, 001 and 003
(each repeated three times: 120 A4 pages in all; best of three runs, 2-core machine, pypdf 7.1.0,
pdfminer.six 20260107):

    library        speed (pages/s)             text vs. source (normalised Levenshtein)   diacritics kept
    pypdf          342 / 358 / 319 (340 overall)   1.0000 on all three                    25836 / 25836
    pdfminer.six    59 /  73 /  50  (59 overall)   1.0000 on all three                    25836 / 25836

A justified (word-spaced) page of seed 003 also came back identical from both. Quality is the same
(precomposed NFC letters, no stray combining marks); pypdf is about 5.7 times faster and is already a
dependency, so pypdf.

The text is placed by its position on the page (``checker.ingest.pdf_grid``): ruled tables are read as rows and
cells, however their cells wrap, and columns of the header and signature keep apart; pypdf's plain text is the
fallback for a page whose drawing cannot be followed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from checker.clean import safe_text
from checker.errors import IngestError
from checker.ingest import layout, legacy, ocr, pages, pdf_grid, stamps
from checker.ingest.safety import check_pages, check_size, head, time_limit
from checker.models import Document, Line, Location
from checker.text import nfc

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path

    from checker.ingest import Limits

SAME_ROW = 90  # per cent alike: a table's header repeated on a new page, as OCR read it there
MIN_PAGE_CHARS = 20  # fewer visible characters than this on a page: treated as a scanned image
TIME_LIMIT_S = 120.0


def _pages(path: Path, limits: Limits) -> list[list[Item]]:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs what it works around on a sloppy file, some of it at ERROR ("Advanced encoding … not implemented
    # yet"); none of it is the user's business, and a batch's stderr must stay free of it.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError:
                raise IngestError(
                    str(path),
                    "PDF được mã hóa (AES), cần gói cryptography để mở; hoặc lưu lại bản PDF không mã hóa",
                ) from None
            if not ok:
                raise IngestError(str(path), "PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại")
        check_pages(len(reader.pages), str(path), limits)
        return [_page_items(page) for page in reader.pages]
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError(str(path), "PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại") from None
    except RecursionError:
        raise IngestError(str(path), "tệp PDF hỏng (cấu trúc lồng nhau bất thường)") from None
    except Exception as exc:  # any library failure on a broken or hostile file is an unreadable file
        raise IngestError(str(path), f"tệp PDF hỏng hoặc bị cắt cụt ({type(exc).__name__})") from None


def read(path: Path, limits: Limits) -> Document:
    """Read a PDF's text layer; IngestError for scans, encrypted, corrupt or non-PDF files."""
    if b"%PDF-" not in head(path, 1024):
        raise IngestError(str(path), "không phải tệp PDF (thiếu phần đầu %PDF-)")
    with time_limit(TIME_LIMIT_S, str(path), "đọc PDF quá lâu (tệp hỏng hoặc bất thường)"):
        items = _pages(path, limits)
    if not items:
        raise IngestError(str(path), "tệp PDF không có trang nào")
    notes: list[str] = []
    read_by_ocr: list[int] = []
    scanned = [i for i, page in enumerate(items, start=1) if _visible(page) < MIN_PAGE_CHARS]
    if scanned and limits.ocr and (len(scanned) == len(items) or ocr.available()):
        for n, page in ocr.read_pages(path, scanned).items():  # IngestError: a whole scan without OCR installed
            items[n - 1] = page
        read_by_ocr = [n for n in scanned if _visible(items[n - 1]) >= MIN_PAGE_CHARS]
        if read_by_ocr:
            notes.append(ocr.NOTE.format(pages=_ranges(read_by_ocr)))
        scanned = [n for n in scanned if n not in read_by_ocr]
    if sum(_visible(page) for page in items) < MIN_PAGE_CHARS:
        raise IngestError(str(path), f"PDF không có lớp văn bản (bản quét?); {_hint(limits)}")
    if scanned:
        notes.append(f"trang {_ranges(scanned)} không có lớp văn bản (ảnh quét?), chưa được đọc; {_hint(limits)}")
    lines, count = _lines_of(pages.from_pages(items), read_by_ocr)  # a page's number is not part of its text
    check_size(lines, str(path), limits)  # before legacy detection and the layout
    converted = legacy.convert_if_legacy("\n".join(line.text for line in lines))
    if converted is not None:
        enc = legacy.detect("\n".join(line.text for line in lines))
        if enc is not None:
            lines = [Line(text=legacy.convert(line.text, enc), loc=line.loc) for line in lines]
            notes.append(converted[1])
    lines = stamps.without_stamps(lines)  # a signature's stamp text is not the plan's
    read_tables = layout.tables_from_lines(lines, count)
    blocks = layout.infer(lines, read_tables)
    return Document(path=str(path), format="pdf", lines=lines, tables=layout.tables_of(blocks), blocks=blocks,
                    notes=notes, ocr=bool(read_by_ocr))


Item = tuple[str, Any]  # ("line", text) or ("table", rows of cell texts)


def _visible(page: list[Item]) -> int:
    return sum(1 for kind, content in page for c in nfc(_words(kind, content)) if not c.isspace())


def _hint(limits: Limits) -> str:
    """Why a scanned page stayed unread, and what to do."""
    if not limits.ocr:
        return "OCR đã tắt (--no-ocr)"
    return "OCR không đọc được chữ nào trên trang" if ocr.available() else ocr.INSTALL


def _ranges(numbers: list[int]) -> str:
    """Page numbers as a reader writes them: "1–9", "2, 5, 7–8"."""
    parts: list[str] = []
    last = 0
    for n in numbers:
        if parts and n == last + 1:
            first = parts[-1].split("–")[0]
            parts[-1] = f"{first}–{n}"
        else:
            parts.append(str(n))
        last = n
    return ", ".join(parts)


def _words(kind: str, content: Any) -> str:
    return content if kind == "line" else " ".join(c for row in content for c in row)


def _page_items(page: Any) -> list[Item]:
    """A page as lines and ruled tables in reading order (top to bottom); pypdf's plain text, one item per
    line, where the positions cannot be read."""
    try:
        return _placed_items(page)
    except Exception:  # the page's drawing is beyond the layout reading: its text as pypdf gives it
        return _plain_items(page)


def _plain_items(page: Any) -> list[Item]:
    """pypdf's plain text of a page, one item per line."""
    return [("line", t) for t in (page.extract_text() or "").split("\n")]


def _placed_items(page: Any) -> list[Item]:
    runs, operations = pdf_grid.runs_of(page)
    if not runs:
        return _plain_items(page)
    horizontal, vertical = pdf_grid.rules_of(operations)
    runs = pdf_grid.without_note_calls(pdf_grid.struck_out(runs, horizontal, vertical))
    return pdf_grid.page_items(runs, pdf_grid.grids_of(horizontal, vertical))


def _repeated_header(table: list[list[str]], rows: list[list[str]]) -> int:
    """How many of ``rows``, a table's part at the top of a new page, repeat the table's first rows: its header,
    which Word repeats on every page a long table runs over ("Repeat as header row at the top of each page")."""
    k = 0
    while k < len(rows) and k < len(table) - 1 and _same_row(rows[k], table[k]):
        k += 1
    return k


def _same_row(a: list[str], b: list[str]) -> bool:
    """Two rows of one table with the same text, but for a character or two in ten that OCR read differently on
    another page ("STT" / "ST", "Đơn vị" / "Đơn vi")."""
    one, two = (" | ".join(" ".join(c.split()) for c in row) for row in (a, b))
    return one == two or fuzz.ratio(one, two) >= SAME_ROW


def _goes_on(last: list[str], first: list[str], read_by_ocr: bool = False) -> bool:
    """The first row of a table's part on a new page is the rest of the row the page break cut. On a page read by
    OCR, a first cell left empty is no sign of it when the row has its own figures: a cell holding a figure alone
    (``layout.cell_figure``: "100", "> 90", "75%") under one that holds a figure alone too, for a cut row's figures
    stand in its first part (OCR loses, at times, a row's number standing alone in a narrow column)."""
    if len(last) != len(first):
        return False
    if not first[0].strip() and last[0].strip():
        return not (read_by_ocr and any(layout.cell_figure(a) and layout.cell_figure(b)
                                        for a, b in zip(last, first, strict=True)))
    texts = [c for c in first if c.strip()]
    return bool(texts) and all(c[:1].islower() for c in texts)


def _lines_of(pages: list[list[Item]], read_by_ocr: Collection[int] = ()) -> tuple[list[Line], int]:
    """Lines numbered across pages (a table cell is one line, with its table, row and cell); tables counted.
    ``read_by_ocr``: the numbers of the pages read by OCR."""
    lines: list[Line] = []
    tables = 0
    open_rows: list[list[str]] | None = None  # the last table, while nothing has come after it
    for page_no, items in enumerate(pages, start=1):
        for kind, content in items:
            if kind == "line":
                line = safe_text(nfc(content)).rstrip()
                if line.strip() or (lines and lines[-1].text.strip()):  # one blank line between paragraphs
                    lines.append(Line(text=line, loc=Location(line=len(lines) + 1, page=page_no)))
                if line.strip():
                    open_rows = None
                continue
            rows = [[safe_text(nfc(c)).strip() for c in row] for row in content]
            if open_rows is not None and rows and len(rows[0]) == len(open_rows[-1]):
                rows = rows[_repeated_header(open_rows, rows):]
                if rows and _goes_on(open_rows[-1], rows[0], page_no in read_by_ocr):
                    _extend_row(lines, tables, len(open_rows), rows[0])
                    open_rows[-1] = [f"{a} {b}".strip() for a, b in zip(open_rows[-1], rows[0], strict=True)]
                    rows = rows[1:]
                start = len(open_rows)
            else:
                tables += 1
                open_rows, start = [], 0
            for r, row in enumerate(rows, start=start + 1):
                for c, text in enumerate(row, start=1):
                    lines.append(Line(text=text, loc=Location(line=len(lines) + 1, page=page_no, table=tables,
                                                              row=r, cell=c)))
            open_rows.extend(rows)
    return lines, tables


def _extend_row(lines: list[Line], table: int, row: int, more: list[str]) -> None:
    """The cells of a row cut by a page break get the rest of their text. The row is the last of its table and
    nothing but blank lines came after it: read back from the end to the row before it (not over every line of the
    document at each page break)."""
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        loc = line.loc
        if loc.table == table and loc.row is not None and loc.row < row:
            break
        if loc.table == table and loc.row == row and loc.cell is not None and more[loc.cell - 1]:
            lines[k] = Line(text=f"{line.text} {more[loc.cell - 1]}".strip(), loc=loc)
