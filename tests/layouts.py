"""One plan, many layouts: the same words rendered as offices and converters lay them out (made at test time).

Each variant keeps every word of the plan and changes only its layout: line width, hyphenation at line ends,
blank lines, list markers, two-column versus one-per-line header and signature, Word (typed or automatic
numbering, header and signature as borderless tables, text tables as Word tables) and PDF. The plan's logical
blocks are taken from the checker's own layout model (``checker.ingest.layout``) and written back out.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

from checker.ingest import layout
from checker.ingest.txt import decode, lines_of, pipe_tables
from checker.models import Block
from checker.parse.sections import to_roman

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"


def corpus() -> list[Path]:
    """Every text plan: the reviewed plans, the project's plans and fixtures, seeds 000, 001 and 003."""
    out = sorted((SHARED / "plans-reviewed").glob("*.txt"))
    out += sorted(p for p in (ROOT / "plans").glob("*") if p.suffix in (".txt", ".md"))
    out += sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.txt"))
    for prefix in ("000", "001", "003"):
        out += sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    return out


def blocks_of(path: Path) -> list[Block]:
    text, _ = decode(path.read_bytes(), str(path))
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


# --------------------------------------------------------------------------- text variants


def _row_text(block: Block, sep: str = "\t") -> list[str]:
    return [sep.join(c.text for c in row) for row in block.rows]


def _zone_lines(blocks: list[Block], two_columns: bool, width: int = 100) -> list[str]:
    """A header or closing zone: two columns side by side, or one block per line, left column first."""
    left = [b.text for b in blocks if b.column != "right"]
    right = [b.text for b in blocks if b.column == "right"]
    if not two_columns or not right:
        return left + right
    out = []
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        out.append((a.ljust(max(44, len(a) + 6)) + b).rstrip() if b else a)
    return out


def _hyphenate(lines: list[str], width: int) -> list[str]:
    """Break the first long word that would start each next line, as justified PDFs do ("thô-" / "ng")."""
    out = list(lines)
    for k in range(len(out) - 1):
        nxt = out[k + 1]
        m = re.match(r"([^\W\d_]{5,})(\S*)(.*)$", nxt)
        if not m or len(out[k]) + 4 > width + 8:
            continue
        word = m.group(1)
        cut = len(word) // 2
        out[k] = f"{out[k]} {word[:cut]}-"
        out[k + 1] = word[cut:] + m.group(2) + m.group(3)
    return out


def _swap_markers(text: str, kind: str, style: str, counter: int) -> str:
    """The list's dash ("-") swapped for another marker; other markers (a nested "+" list) are kept."""
    m = layout.MARKER.match(text)
    if kind != "list_item" or not m or m.group(0).strip() != "-":
        return text
    rest = text[m.end() :].lstrip()
    if style == "letters":
        return f"{VN_LETTERS[counter % len(VN_LETTERS)]}) {rest}"
    return f"{style} {rest}"


FORM_KINDS = ("header", "recipients", "signature")


def grouped(blocks: list[Block]) -> Iterator[tuple[list[Block], Block | None]]:
    """The blocks in order, the runs of header or closing blocks (the form zones) together: (zone, None) or
    ([], block)."""
    zone: list[Block] = []
    for b in blocks:
        if b.kind in FORM_KINDS:
            zone.append(b)
            continue
        if zone:
            yield zone, None
            zone = []
        yield [], b
    if zone:
        yield zone, None


def render_text(blocks: list[Block], *, width: int | None = None, hyphens: bool = False, blank: str = "none",
                markers: str | None = None, two_columns: bool | None = None) -> str:
    """The plan's blocks as a text file. ``blank``: "none" (blocks as they came), "paragraphs" (a blank line
    between blocks) or "lines" (a blank line after every line, as some extractions give)."""
    out: list[str] = []
    run = 0
    for zone, b in grouped(blocks):
        if b is None:
            cols = two_columns if two_columns is not None else any(z.column for z in zone)
            out.extend(_zone_lines(zone, cols))
        elif b.kind == "table":
            out.extend(_row_text(b))
            run = 0
        else:
            text = b.text
            if markers:
                text = _swap_markers(text, b.kind, markers, run)
            dash = b.kind == "list_item" and b.marker == "-"
            run = run + 1 if dash else (run if b.kind == "list_item" else 0)
            wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) if width else [text]
            if hyphens and width:
                wrapped = _hyphenate(wrapped, width)
            out.extend(wrapped or [text])
        if blank == "paragraphs":
            out.append("")
    if blank == "lines":
        out = [x for line in out for x in (line, "")]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- Word

_ROMAN = re.compile(r"^([IVXL]{1,6})\.\s+(.*)$")
_ARABIC = re.compile(r"^(\d{1,2})\.\s+(.*)$")


_NUMBERING_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def _borderless(table: object) -> None:
    from docx.oxml import parse_xml

    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    tbl_pr.append(parse_xml(
        '<w:tblBorders xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def _two_column_table(d: object, blocks: list[Block]) -> None:
    left = [b.text for b in blocks if b.column != "right"]
    right = [b.text for b in blocks if b.column == "right"]
    if not right:  # one column in the source: the closing is laid out as offices do, recipients | signature
        left = [b.text for b in blocks if b.kind != "signature"]
        right = [b.text for b in blocks if b.kind == "signature"]
    t = d.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _borderless(t)
    for cell, texts in zip(t.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = texts[0] if texts else ""
        for text in texts[1:]:
            cell.add_paragraph(text)


def render_docx(blocks: list[Block], path: Path, *, auto_numbering: bool = False) -> Path:
    """The plan as offices type it in Word: header and signature as borderless two-column tables, one paragraph
    per block, text tables as Word tables; with ``auto_numbering`` the Roman parts and their "1." headings are
    numbered by Word (the typed number removed) wherever Word's count gives the same label."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    if auto_numbering:
        part = d.part.numbering_part
        part._element = parse_xml(_NUMBERING_XML.encode())
    roman = arabic = 0
    for zone, b in grouped(blocks):
        if b is None:
            _two_column_table(d, zone)
            continue
        if b.kind == "table":
            width = max(len(r) for r in b.rows)
            t = d.add_table(rows=len(b.rows), cols=width)
            t.style = "Table Grid"
            for r, row in enumerate(b.rows):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell.text
            continue
        text, level = b.text, None
        if auto_numbering and b.kind == "heading":
            m = _ROMAN.match(text)
            if m and m.group(1) == to_roman(roman + 1):
                roman, arabic, level, text = roman + 1, 0, 0, m.group(2)
            else:
                m2 = _ARABIC.match(text)
                if m2 and roman and int(m2.group(1)) == arabic + 1:
                    arabic, level, text = arabic + 1, 1, m2.group(2)
        p = d.add_paragraph(text)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(
                f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'))
    d.save(str(path))
    return path


# --------------------------------------------------------------------------- PDF


def render_pdf(text: str, path: Path) -> Path:
    """Each line of a text rendering on a PDF line (DejaVu, landscape A3 so long lines fit); tabs as wide spaces."""
    from fpdf import FPDF
    from helpers_docs import font_path

    pdf = FPDF(orientation="L", format="A3")
    pdf.add_font("DejaVu", "", font_path())
    pdf.set_font("DejaVu", size=8)
    pdf.add_page()
    for line in text.splitlines():
        pdf.cell(0, 4, line.replace("\t", "    ").rstrip() or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- the variants


def _txt(**kw: object) -> Callable[[list[Block], Path], Path]:
    def make(blocks: list[Block], folder: Path) -> Path:
        path = folder / "plan.txt"
        path.write_text(render_text(blocks, **kw), encoding="utf-8")  # type: ignore[arg-type]
        return path

    return make


def _docx(auto: bool) -> Callable[[list[Block], Path], Path]:
    def make(blocks: list[Block], folder: Path) -> Path:
        return render_docx(blocks, folder / "plan.docx", auto_numbering=auto)

    return make


def _pdf(blocks: list[Block], folder: Path) -> Path:
    return render_pdf(render_text(blocks, width=110), folder / "plan.pdf")


VARIANTS: dict[str, Callable[[list[Block], Path], Path]] = {
    "wrap-60": _txt(width=60),
    "wrap-100": _txt(width=100),
    "hyphenated-60": _txt(width=60, hyphens=True),
    "one-line-per-paragraph": _txt(),
    "blank-between-paragraphs": _txt(width=80, blank="paragraphs"),
    "double-spaced": _txt(width=80, blank="lines"),
    "markers-plus": _txt(width=90, markers="+"),
    "markers-bullet": _txt(width=90, markers="•"),
    "markers-letters": _txt(width=90, markers="letters"),
    "two-column-form": _txt(width=90, two_columns=True),
    "one-per-line-form": _txt(width=90, two_columns=False),
    "docx-typed": _docx(False),
    "docx-auto-numbering": _docx(True),
    "pdf": _pdf,
}
