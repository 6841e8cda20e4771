"""One plan, many layouts: the same words rendered as offices and converters lay them out (made at test time).

Each variant keeps every word of the plan and changes only its layout: line width, hyphenation at line ends,
blank lines, list markers, two-column versus one-per-line header and signature, tables typed with tabs or
aligned with spaces, Markdown (emphasis marks, pipe tables), Word (typed or automatic
numbering, header and signature as borderless tables, text tables as Word tables; the body in a frame, a one-cell
table, in Word and in OpenDocument) and PDF. The plan's logical
blocks are taken from the checker's own layout model (``checker.ingest.layout``) and written back out.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from checker.ingest import layout
from checker.ingest.stamps import without_stamps
from checker.ingest.txt import (
    dashed_tables,
    decode,
    html_tables,
    lines_of,
    markdown_numbers,
    pipe_tables,
    unescaped,
    unquoted,
)
from checker.models import Block
from checker.parse.sections import to_roman

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"


READABLE_SEEDS = ("000", "001", "002", "003")  # 004 is an OCR of another province's plan: not applicable


def corpus() -> list[Path]:
    """Every plan: the reviewed plans, the project's plans and fixtures (any folder under tests/fixtures/plans;
    text and Word), the readable seeds."""
    out = sorted((SHARED / "plans-reviewed").glob("*.txt"))
    out += sorted(p for p in (ROOT / "plans").glob("*") if p.suffix in (".txt", ".md"))
    out += sorted(p for p in (ROOT / "tests" / "fixtures" / "plans").rglob("*")
                  if p.suffix in (".txt", ".md", ".docx"))
    for prefix in READABLE_SEEDS:
        out += sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    return out


def blocks_of(path: Path) -> list[Block]:
    if path.suffix == ".docx":  # a Word plan: the blocks the Word reader gives (its numbering drawn as labels)
        from checker.ingest import read

        doc = read(path)
        return [_printed(b) for b in doc.blocks] or layout.infer(doc.lines, doc.tables)
    text, _ = decode(path.read_bytes(), str(path))
    # a plan quoted in a reply: its lines without the mail's marks; a signature's stamp text blanked; as read
    lines = without_stamps(unquoted(unescaped(html_tables(lines_of(text)))))
    if path.suffix == ".md":  # its lists numbered as Markdown shows them, as the reader does
        lines = markdown_numbers(lines)
    lines, tables = dashed_tables(*pipe_tables(lines))
    return layout.infer(lines, tables)


def _printed(block: Block) -> Block:
    """A Word table as it prints: a cell merged down (the reader puts the top cell in each row it covers, at the top
    cell's place) shown once, at the top; the rows it covers empty there."""
    if block.kind != "table":
        return block
    rows = [list(block.rows[0])] if block.rows else []
    for above, row in zip(block.rows, block.rows[1:], strict=False):
        rows.append([c.model_copy(update={"text": ""}) if k < len(above) and c.text and c.loc == above[k].loc
                     and c.text == above[k].text else c for k, c in enumerate(row)])
    return block if rows == block.rows else block.model_copy(update={"rows": rows})


# --------------------------------------------------------------------------- text variants


def _row_text(block: Block, sep: str = "\t") -> list[str]:
    return [sep.join(c.text for c in row) for row in block.rows]


def _table_lines(block: Block, style: str) -> list[str]:
    """A table typed as text: "tabs" (one tab between cells), "aligned" (each column padded with spaces to its
    widest cell, as text extracted from a PDF gives) or "pipes" (a Markdown table, its first row the header)."""
    if style == "tabs":
        return _row_text(block)
    texts = [[c.text for c in row] for row in block.rows]
    if style == "pipes":
        width = max(len(r) for r in texts)
        rows = [r + [""] * (width - len(r)) for r in texts]
        lines = ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows]
        return [lines[0], "|" + "---|" * width, *lines[1:]]
    widths: dict[int, int] = {}
    for row in texts:
        for k, c in enumerate(row):
            widths[k] = max(widths.get(k, 0), len(c))
    return ["".join(c.ljust(widths[k] + 4) for k, c in enumerate(row)).rstrip() for row in texts]


_FIGURE = re.compile(r"(?<![\w*])(\d+(?:[.,]\d+)?\s?%)(?![\w*])")


def _emphasised(text: str, kind: str) -> str:
    """Markdown emphasis as offices put it: the title, headings, "Nơi nhận:" and the signature block in bold, the
    place and date in italics, figures in bold."""
    if not text.strip() or "*" in text or "_" in text:
        return text
    if kind in ("title", "heading", "signature") or (kind == "recipients" and text.startswith("Nơi nhận")):
        return f"**{text}**"
    if kind == "header" and re.search(r"ngày\s+\d", text):
        return f"*{text}*"
    return _FIGURE.sub(r"**\1**", text) if kind in ("paragraph", "list_item") else text


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
    m = layout.marker_pattern().match(text)
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
        if b.kind == "header" and zone and zone[-1].kind != "header":
            # a closing then a header: one document ends (a decision, a cover letter) and the next begins (the plan
            # issued with it, or sent under it), each zone laid out on its own
            yield zone, None
            zone = []
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
                markers: str | None = None, two_columns: bool | None = None, tables: str = "tabs",
                emphasis: bool = False, pages: str = "none") -> str:
    """The plan's blocks as a text file. ``blank``: "none" (blocks as they came), "paragraphs" (a blank line
    between blocks) or "lines" (a blank line after every line, as some extractions give); ``tables``: how tables
    are typed (``_table_lines``); ``emphasis``: Markdown bold and italics (``_emphasised``); ``pages``: page breaks
    every ``PAGE_LINES`` lines, wherever they fall (``_paged``)."""
    out: list[str] = []
    run = 0
    for zone, b in grouped(blocks):
        if b is None:
            cols = two_columns if two_columns is not None else any(z.column for z in zone)
            if emphasis:
                zone = [z.model_copy(update={"text": _emphasised(z.text, z.kind)}) for z in zone]
            out.extend(_zone_lines(zone, cols))
        elif b.kind == "table":
            out.extend(_table_lines(b, tables))
            run = 0
        else:
            text = _emphasised(b.text, b.kind) if emphasis else b.text
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
    return "\n".join(_paged(out, pages)) + "\n"


PAGE_LINES = 45


def _paged(lines: list[str], how: str) -> list[str]:
    """Page breaks as text taken from a PDF keeps them, every ``PAGE_LINES`` lines (mid-sentence, mid-table): "none";
    "form-feed" (pdftotext: a form feed, then the next page's number centred at its top, NĐ 30/2020, and a blank
    line); "bare" (copied from a PDF viewer: the number alone on a line at the top of each page after the first)."""
    if how == "none":
        return lines
    out: list[str] = []
    for k in range(0, len(lines), PAGE_LINES):
        page = k // PAGE_LINES + 1
        if page > 1:
            out += ["\f" + " " * 40 + str(page), ""] if how == "form-feed" else [str(page)]
        out += lines[k : k + PAGE_LINES]
    return out


# --------------------------------------------------------------------------- Word

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TOP = {"roman": re.compile(r"^([IVXL]{1,6})\.\s+(.*)$"),
        "part": re.compile(r"^Phần\s+([IVXL]{1,6})([.:]?)(?:\s+(.*))?$")}
_ARABIC = re.compile(r"^(\d{1,2})\.\s+(.*)$")
_LETTER = re.compile(r"^([a-zđ])\)\s+(.*)$")
_BULLET = re.compile(r"^([-+])\s+(.*)$")
_SAME_IN_BOTH = "abcd"  # letters Word's Latin count and the Vietnamese count (a b c d đ e ...) agree on


def _numbering_xml(top_text: str) -> str:
    """Word lists: 1 = the parts (Roman, or "Phần I"), their "1." headings and "a)" points; 2, 3 = "-", "+"."""
    def lvl(ilvl: int, fmt: str, text: str) -> str:
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                f'<w:pPr><w:ind w:left="{360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>')

    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="0">{lvl(0, "upperRoman", top_text)}{lvl(1, "decimal", "%2.")}'
            f'{lvl(2, "lowerLetter", "%3)")}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="1">{lvl(0, "bullet", "-")}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="2">{lvl(0, "bullet", "+")}</w:abstractNum>'
            + "".join(f'<w:num w:numId="{k + 1}"><w:abstractNumId w:val="{k}"/></w:num>' for k in range(3))
            + "</w:numbering>")


class _AutoNumbers:
    """Which paragraphs Word numbers, and the text left typed: the labels are removed from the text wherever
    Word's own count draws the same label (a part, heading or point out of sequence keeps its typed label)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.top_style, self.top_text = "roman", "%1."
        for b in blocks:
            m = _TOP["part"].match(b.text) if b.kind == "heading" else None
            if m:
                self.top_style, self.top_text = "part", f"Phần %1{m.group(2)}"
                break
        self.top = self.arabic = self.letter = 0
        self.letters_ok = True

    def xml(self) -> str:
        return _numbering_xml(self.top_text)

    def number(self, b: Block) -> tuple[int, int, str] | None:
        """(numId, ilvl, text without its label) for a paragraph Word numbers, else None."""
        text = b.text
        if b.kind == "heading":
            m = _TOP[self.top_style].match(text)
            if m and m.group(1) == to_roman(self.top + 1) and (
                    self.top_style == "roman" or f"Phần %1{m.group(2)}" == self.top_text):
                self.top, self.arabic, self.letter, self.letters_ok = self.top + 1, 0, 0, True
                return 1, 0, (m.group(2) if self.top_style == "roman" else m.group(3) or "")
            if self.top == 0:
                return None  # points before the first part stay typed: Word would count an unseen part ("II." next)
            m = _ARABIC.match(text)
            if m and int(m.group(1)) == self.arabic + 1:
                self.arabic, self.letter, self.letters_ok = self.arabic + 1, 0, True
                return 1, 1, m.group(2)
        if b.kind in ("heading", "list_item") and self.top and (m := _LETTER.match(text)):
            if self.letters_ok and self.letter < len(_SAME_IN_BOTH) and m.group(1) == _SAME_IN_BOTH[self.letter]:
                self.letter += 1
                return 1, 2, m.group(2)
            self.letters_ok = False  # Word would go on counting: the rest of this list stays typed
        if b.kind == "list_item" and (m := _BULLET.match(text)):
            return (2 if m.group(1) == "-" else 3), 0, m.group(2)
        return None


def _borderless(table: object) -> None:
    from docx.oxml import parse_xml

    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    tbl_pr.append(parse_xml(
        '<w:tblBorders xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


Origins = list[set[int]]  # per line of a Word file as the checker numbers them: the source lines it holds


def source_lines(block: Block) -> set[int]:
    return {s.loc.line for s in block.spans} or {block.loc.line}


def _two_columns(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """A header's or closing's blocks as the two columns offices lay them out in (left, right)."""
    left = [b for b in blocks if b.column != "right"]
    right = [b for b in blocks if b.column == "right"]
    if not right:  # one column in the source: the closing is laid out as offices do, recipients | signature
        left = [b for b in blocks if b.kind != "signature"]
        right = [b for b in blocks if b.kind == "signature"]
    return left, right


def _two_column_table(d: object, blocks: list[Block], origins: Origins) -> None:
    left, right = _two_columns(blocks)
    t = d.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _borderless(t)
    for cell, column in zip(t.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = column[0].text if column else ""
        for b in column[1:]:
            cell.add_paragraph(b.text)
        origins.append(set().union(*(source_lines(b) for b in column)))


def render_docx(blocks: list[Block], path: Path, *, auto_numbering: bool = False, heading_styles: bool = False,
                origins: Origins | None = None, page_numbers: bool = False, justified: bool = False,
                framed: bool = False) -> Path:
    """The plan as offices type it in Word: header and signature as borderless two-column tables, one paragraph
    per block, text tables as Word tables. With ``auto_numbering`` the parts ("I." or "Phần I"), their "1."
    headings, "a)" points and "-"/"+" items are numbered by Word (the typed label removed) wherever Word's count
    gives the same label; with ``heading_styles`` headings are set in Word's Heading styles of their level.
    ``origins``, when given, receives the source lines of each line of the Word file (paragraphs and cells in
    reading order). With ``page_numbers`` every page but the first shows its number centred at the top (NĐ
    30/2020, Phụ lục I), a PAGE field in the page header; ``justified``: the body's paragraphs justified, their first
    line indented 1 cm (the same Phụ lục: "canh đều hai lề", "lùi đầu dòng"), a list item's marker then stands
    apart at the indent, its text at the tab stop, its second line back at the margin. ``framed``: the body between
    the header and the closing inside one bordered cell, as some offices' templates box it (its text tables nested
    in that cell, each followed by the empty paragraph Word ends a cell with)."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    if page_numbers:
        section = d.sections[0]
        section.different_first_page_header_footer = True
        top = section.header.paragraphs[0]
        top.alignment = 1  # centred
        field = f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
        top._p.append(parse_xml(field))
    auto = _AutoNumbers(blocks)
    if auto_numbering:
        part = d.part.numbering_part
        part._element = parse_xml(auto.xml().encode())
    origins = origins if origins is not None else []
    frame: Any = None  # the bordered cell the body is written into (``framed``)
    unused: Any = None  # its first paragraph, until a block is written there
    for zone, b in grouped(blocks):
        if b is None:
            _two_column_table(d, zone, origins)
            frame = unused = None
            continue
        if framed and frame is None:
            box = d.add_table(rows=1, cols=1)
            box.style = "Table Grid"
            frame = box.cell(0, 0)
            unused = frame.paragraphs[0]
        into = frame if framed else d
        if b.kind == "table":
            width = max(len(r) for r in b.rows)
            if unused is not None:  # a cell opening with a table still holds its first paragraph, before it
                origins.append(set())
                unused = None
            t = into.add_table(rows=len(b.rows), cols=width)
            t.style = "Table Grid"
            for r, row in enumerate(b.rows):
                for c in range(width):
                    cell = row[c] if c < len(row) else None
                    t.cell(r, c).text = cell.text if cell else ""
                    origins.append({cell.loc.line if cell else row[0].loc.line})
            if framed:
                origins.append(set())  # the paragraph Word writes after a table in a cell
            continue
        numbered = auto.number(b) if auto_numbering else None
        text = numbered[2] if numbered else b.text
        style = None
        if heading_styles and b.kind == "heading" and b.level is not None:
            style = f"Heading {min(9, max(1, b.level))}"
        if unused is not None:
            p, unused = unused, None
            p.text = text
            if style:
                p.style = style
        else:
            p = into.add_paragraph(text, style=style)
        if justified:
            p.alignment = 3  # justified
            p.paragraph_format.first_line_indent = 360000  # EMU: 1 cm
        origins.append(source_lines(b))
        if numbered:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{numbered[1]}"/><w:numId w:val="{numbered[0]}"/></w:numPr>'))
    d.save(str(path))
    return path


def _odt_paragraph(text: str) -> str:
    """One OpenDocument paragraph of ``text``: its tabs, runs of spaces and line ends as ODF writes them."""
    from xml.sax.saxutils import escape

    def spaces(m: re.Match[str]) -> str:
        return f' <text:s text:c="{len(m.group(0)) - 1}"/>'

    body = re.sub(r"  +", spaces, escape(text)).replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
    return f"<text:p>{body}</text:p>"


def _odt_table(rows: list[list[str]]) -> str:
    """An OpenDocument table: each row's cells, each cell's content (paragraphs, tables) as XML."""
    width = max((len(r) for r in rows), default=1)
    return (f'<table:table><table:table-column table:number-columns-repeated="{width}"/>'
            + "".join("<table:table-row>" + "".join(f"<table:table-cell>{cell or _odt_paragraph('')}</table:table-cell>"
                                                    for cell in row) + "</table:table-row>" for row in rows)
            + "</table:table>")


def render_odt_framed(blocks: list[Block], path: Path) -> Path:
    """The plan as an OpenDocument text boxed as some offices' templates box it (written by hand: no LibreOffice):
    header and closing as two-column tables, the body between them in the one cell of a one-column table, its
    text tables nested in that cell."""
    from helpers_odt import make_odt

    out: list[str] = []
    frame: list[str] = []
    for zone, b in grouped(blocks):
        if b is None:
            if frame:
                out.append(_odt_table([["".join(frame)]]))
                frame = []
            out.append(_odt_table([["".join(_odt_paragraph(c.text) for c in column) for column in _two_columns(zone)]]))
        elif b.kind == "table":
            width = max(len(r) for r in b.rows)
            frame.append(_odt_table([[_odt_paragraph(row[c].text if c < len(row) else "") for c in range(width)]
                                     for row in b.rows]))
        else:
            frame.append(_odt_paragraph(b.text))
    if frame:
        out.append(_odt_table([["".join(frame)]]))
    return make_odt(path, "".join(out))


def render_docx_lines(text: str, path: Path) -> Path:
    """Each line of a text rendering as its own Word paragraph, as PDF-to-Word conversions give."""
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line.rstrip())
    d.save(str(path))
    return path


_FIELD_KINDS = ("plain", "simple-field", "complex-field", "content-control", "tracked")


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _wrap_runs(p: object, how: str, k: int) -> None:
    """Put a paragraph's runs inside a Word construct that shows them as they are: a field's result, a content
    control, a tracked insertion (with a tracked deletion before it, which Word does not show)."""
    from docx.oxml import parse_xml

    el = p._p  # type: ignore[attr-defined]
    runs = [r for r in el if r.tag == _w("r")]
    if not runs or how == "plain":
        return
    ns = f'xmlns:w="{W_NS}"'
    at = el.index(runs[0])
    for r in runs:
        el.remove(r)
    if how == "simple-field":
        box = parse_xml(f'<w:fldSimple {ns} w:instr=" DOCPROPERTY NoiDung{k} \\* MERGEFORMAT "/>')
        box.extend(runs)
        el.insert(at, box)
    elif how == "complex-field":
        parts = [parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>'),
                 parse_xml(f'<w:r {ns}><w:instrText xml:space="preserve"> MERGEFIELD NoiDung{k} </w:instrText></w:r>'),
                 parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>'), *runs,
                 parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>')]
        for n, part in enumerate(parts):
            el.insert(at + n, part)
    elif how == "content-control":
        box = parse_xml(f'<w:sdt {ns}><w:sdtPr><w:alias w:val="Nội dung {k}"/><w:id w:val="{k}"/></w:sdtPr>'
                        f'<w:sdtContent/></w:sdt>')
        box.find(_w("sdtContent")).extend(runs)
        el.insert(at, box)
    else:
        gone = parse_xml(f'<w:del {ns} w:id="{2 * k}" w:author="VP" w:date="2025-09-01T08:00:00Z"><w:r><w:delText '
                         f'xml:space="preserve">Không thực hiện 0% nội dung cũ. </w:delText></w:r></w:del>')
        box = parse_xml(f'<w:ins {ns} w:id="{2 * k + 1}" w:author="VP" w:date="2025-09-01T08:00:00Z"/>')
        box.extend(runs)
        el.insert(at, gone)
        el.insert(at + 1, box)


def render_docx_fields(blocks: list[Block], path: Path) -> Path:
    """The Word rendering with its paragraphs' text shown through fields (simple and complex), content controls
    and tracked insertions (after a tracked deletion), in turn; every fifth paragraph and every table inside a
    block-level content control. Word shows the same words as the plain rendering."""
    import docx
    from docx.oxml import parse_xml

    plain = render_docx(blocks, path)
    d = docx.Document(str(plain))
    body = d.element.body
    for k, p in enumerate(d.paragraphs):
        _wrap_runs(p, _FIELD_KINDS[k % len(_FIELD_KINDS)], k + 1)
    for k, el in enumerate([c for c in body if c.tag in (_w("p"), _w("tbl"))]):
        if el.tag == _w("tbl") or k % 5 == 4:
            box = parse_xml(f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:id w:val="{1000 + k}"/></w:sdtPr>'
                            f'<w:sdtContent/></w:sdt>')
            el.addprevious(box)
            box.find(_w("sdtContent")).append(el)
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


def render_pdf_words(blocks: list[Block], path: Path) -> Path:
    """A PDF whose producer places each word on its own (as virtual printers and some exporters do), the body
    justified: every line but a paragraph's last stretched to the margin by wider gaps between its words. The
    header and signature (two columns) and tables (cells a tab apart) are set line by line."""
    from fpdf import FPDF
    from helpers_docs import font_path

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", font_path())
    pdf.set_font("DejaVu", size=10)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    left, width = 20.0, 170.0

    def whole(line: str) -> None:
        pdf.set_x(left)
        pdf.cell(0, 5, line.replace("\t", "    ").rstrip() or " ", new_x="LMARGIN", new_y="NEXT")

    for zone, b in grouped(blocks):
        if b is None or b.kind == "table":
            for line in (_zone_lines(zone, any(z.column for z in zone)) if b is None else _table_lines(b, "tabs")):
                whole(line)
            pdf.ln(3)
            continue
        rows: list[list[str]] = [[]]
        for word in b.text.split():
            if rows[-1] and pdf.get_string_width(" ".join([*rows[-1], word])) > width:
                rows.append([])
            rows[-1].append(word)
        for k, words in enumerate(rows):
            if pdf.get_y() > 270:
                pdf.add_page()
            y = pdf.get_y() + 4
            stretched = k < len(rows) - 1 and len(words) > 1
            gap = ((width - sum(pdf.get_string_width(w) for w in words)) / (len(words) - 1) if stretched
                   else pdf.get_string_width(" "))
            x = left
            for word in words:
                pdf.text(x, y, word)
                x += pdf.get_string_width(word) + gap
            pdf.set_y(y + 1.5)
        pdf.ln(2)
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- the variants


def _txt(suffix: str = ".txt", **kw: object) -> Callable[[list[Block], Path], Path]:
    def make(blocks: list[Block], folder: Path) -> Path:
        path = folder / f"plan{suffix}"
        path.write_text(render_text(blocks, **kw), encoding="utf-8")  # type: ignore[arg-type]
        return path

    return make


def _without_diacritics(blocks: list[Block], folder: Path) -> Path:
    """The plan as an OCR without Vietnamese diacritics gives it (as two of the five seeds): every mark gone, "đ" read
    as "d", lines wrapped at 80."""
    text = render_text(blocks, width=80).replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    path = folder / "plan.txt"
    path.write_text(unicodedata.normalize("NFC", bare), encoding="utf-8")
    return path


def _docx(auto: bool, styles: bool = False) -> Callable[[list[Block], Path], Path]:
    def make(blocks: list[Block], folder: Path) -> Path:
        return render_docx(blocks, folder / "plan.docx", auto_numbering=auto, heading_styles=styles)

    return make


def _docx_framed(blocks: list[Block], folder: Path) -> Path:
    return render_docx(blocks, folder / "plan.docx", framed=True)


def _odt_framed(blocks: list[Block], folder: Path) -> Path:
    return render_odt_framed(blocks, folder / "plan.odt")


def _docx_lines(blocks: list[Block], folder: Path) -> Path:
    return render_docx_lines(render_text(blocks, width=90), folder / "plan.docx")


def _docx_fields(blocks: list[Block], folder: Path) -> Path:
    return render_docx_fields(blocks, folder / "plan.docx")


def _pdf(blocks: list[Block], folder: Path) -> Path:
    return render_pdf(render_text(blocks, width=110), folder / "plan.pdf")


def _pdf_words(blocks: list[Block], folder: Path) -> Path:
    return render_pdf_words(blocks, folder / "plan.pdf")


VARIANTS: dict[str, Callable[[list[Block], Path], Path]] = {
    "wrap-60": _txt(width=60),
    "wrap-70": _txt(width=70),
    "wrap-85": _txt(width=85),
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
    "tables-aligned-spaces": _txt(width=110, tables="aligned"),
    "markdown-emphasis": _txt(".md", width=90, blank="paragraphs", tables="pipes", emphasis=True),
    "docx-typed": _docx(False),
    "docx-auto-numbering": _docx(True),
    "docx-heading-styles": _docx(True, styles=True),
    "docx-line-per-paragraph": _docx_lines,
    "docx-body-in-a-frame": _docx_framed,
    "odt-body-in-a-frame": _odt_framed,
    "docx-fields-controls-tracked": _docx_fields,
    "pdf": _pdf,
    "pdf-word-by-word-justified": _pdf_words,
    "pdftotext-page-breaks": _txt(width=85, pages="form-feed"),
    "copied-from-pdf-page-numbers": _txt(width=85, pages="bare"),
    "ocr-without-diacritics": _without_diacritics,
}


# --------------------------------------------------------------------------- Word saved as PDF by LibreOffice

OFFICE_PDF = "docx-saved-as-pdf-libreoffice"


def office_pdfs(plans: list[Path], folder: Path) -> dict[Path, Path]:
    """Every plan as offices make its PDF: the Word rendering (header and signature as borderless tables, text
    tables as Word tables, automatic numbering, the body justified with its first lines indented, pages numbered
    at the top from the second) saved as PDF by LibreOffice, the plans in a few soffice calls (OFFICE_BATCH
    each), with their own profile. Skips (pytest.skip) where LibreOffice is absent."""
    from helpers_office import convert

    docs = [render_docx(blocks_of(p), folder / f"{k:03d}-{p.stem}.docx", auto_numbering=True, page_numbers=True,
                        justified=True) for k, p in enumerate(plans)]
    # in calls of OFFICE_BATCH files: one soffice call over the whole corpus (248 plans) ended without writing the
    # last two PDFs and without a word of error (LibreOffice 7.4), each of them converted on its own
    made = [pdf for k in range(0, len(docs), OFFICE_BATCH)
            for pdf in convert(docs[k : k + OFFICE_BATCH], "pdf", folder)]
    return dict(zip(plans, made, strict=True))


OFFICE_BATCH = 60
OFFICE_PDF_TEXT = "docx-saved-as-pdf-then-pdftotext-layout"


def pdftotext_layout(pdfs: dict[Path, Path], folder: Path, layout: bool = True) -> dict[Path, Path]:
    """Each PDF's text as ``pdftotext -layout`` writes it (columns set out with spaces, a table's cells wrapped
    over several lines, a form feed at each page break): what a reviewer gets who extracts the text of a PDF;
    with ``layout=False`` as plain ``pdftotext`` writes it (a table's cells one to a line, row by row or column
    by column; the header's and the closing's two columns in turn). Skips (pytest.skip) where poppler's
    pdftotext is absent."""
    import shutil
    import subprocess

    import pytest

    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = {}
    for plan, pdf in pdfs.items():
        out[plan] = folder / f"{pdf.stem}.txt"
        subprocess.run([tool, *(["-layout"] if layout else []), "-enc", "UTF-8", str(pdf), str(out[plan])],
                       check=True, timeout=60)
    return out


# --------------------------------------------------------------------------- agreement


Outcome = tuple[str, list[tuple[str, str]]]  # status, sorted (finding id, kind)


def outcome(path: Path, packs: object) -> Outcome:
    from checker.pipeline import check_file

    r = check_file(path, packs)  # type: ignore[arg-type]
    return r.status, sorted((f.id, f.kind) for f in r.findings)


def disagreements(plan: Path, packs: object, folder: Path, variants: list[str] | None = None
                  ) -> dict[str, tuple[Outcome, Outcome]]:
    """{variant: (as written, as rendered)} for every variant whose findings differ from the plan as written."""
    want = outcome(plan, packs)
    blocks = blocks_of(plan)
    out: dict[str, tuple[Outcome, Outcome]] = {}
    for name in variants or list(VARIANTS):
        sub = folder / name
        sub.mkdir(parents=True, exist_ok=True)
        got = outcome(VARIANTS[name](blocks, sub), packs)
        if got != want:
            out[name] = (want, got)
    return out


def numbered_paragraphs(path: Path) -> int:
    """How many paragraphs of a Word file carry Word's automatic numbering (w:numPr)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8").count("<w:numPr")
