"""Word (.docx) plans: the first page's header, then body paragraphs and cells in order, then the running headers and
the footers (``page_parts``); a text box is read just before
the paragraph (or table) it is anchored in, a footnote or an endnote just after the paragraph (or table) that calls
it; content controls and custom XML elements opened, however nested; hidden text (``w:vanish``) and comments not
read, as Word does not show or print them, nor text struck through (``w:strike``, ``w:dstrike``: crossed out of a
draft); legacy fonts fixed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.errors import IngestError
from checker.ingest.numbering import BULLETS, Numbering, heading_level
from checker.ingest.safety import check_zip
from checker.ingest.wordproc import Builder, ended_lines, legacy_run, one_column

if TYPE_CHECKING:
    from pathlib import Path

    from checker.ingest import Limits
    from checker.models import Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, R = _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("r")
SDT, SDT_CONTENT, CUSTOM_XML = _q("sdt"), _q("sdtContent"), _q("customXml")
T, TAB, BR, CR, NBH, TXBX = _q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen"), _q("txbxContent")
TABS = _q("tabs")
FOOTNOTE, FOOTNOTE_REF = _q("footnote"), _q("footnoteReference")
ENDNOTE, ENDNOTE_REF = _q("endnote"), _q("endnoteReference")
NOTE_KIND = {FOOTNOTE_REF: "footnote", ENDNOTE_REF: "endnote"}
VANISH = _q("vanish")
# struck through (Font → Strikethrough, Double strikethrough): what a drafter or a reviewer crossed out of a draft
# instead of deleting it with Track Changes ("tối thiểu ~~75%~~ 85%"), as a reader of the draft reads it: not its text
STRUCK = (_q("strike"), _q("dstrike"))
FALLBACK = f"{{{MC}}}Fallback"
DELETED = (_q("del"), _q("moveFrom"))  # tracked deletions (and moves away): not part of the text
_TEXT_TAGS = {T: None, TAB: "\t", BR: " ", CR: " ", NBH: "-"}


class _Fonts:
    """Resolves a run's font: its own rFonts, its character style, the paragraph style, the defaults."""

    def __init__(self, doc: Any) -> None:
        self._by_id: dict[str, Any] = {}
        self._default: str | None = None
        self._cache: dict[str, str | None] = {}
        self._hidden: dict[str, bool | None] = {}
        self._styles_hide = False  # whether any style hides its text (else a run's own w:vanish says it all)
        try:
            styles_el = doc.styles.element
        except Exception:  # a file without styles part still reads
            return
        for st in styles_el.findall(_q("style")):
            sid = st.get(_q("styleId"))
            if sid:
                self._by_id[sid] = st
        rpr = styles_el.find(f"{_q('docDefaults')}/{_q('rPrDefault')}/{_q('rPr')}")
        self._default = _rfonts(rpr)
        self._styles_hide = any(st.find(f"{_q('rPr')}/{VANISH}") is not None for st in self._by_id.values())

    def style_font(self, sid: str | None, depth: int = 0) -> str | None:
        if not sid or depth > 20:
            return None
        if sid in self._cache:
            return self._cache[sid]
        st = self._by_id.get(sid)
        font = None
        if st is not None:
            font = _rfonts(st.find(_q("rPr")))
            if font is None:
                based = st.find(_q("basedOn"))
                font = self.style_font(based.get(_q("val")) if based is not None else None, depth + 1)
        self._cache[sid] = font
        return font

    def style_hidden(self, sid: str | None, depth: int = 0) -> bool | None:
        """Whether a style hides its text (w:vanish in its run properties, through basedOn); None: it does not say."""
        if not sid or depth > 20:
            return None
        if sid not in self._hidden:
            st = self._by_id.get(sid)
            hidden = None
            if st is not None:
                hidden = _flag(st.find(_q("rPr")), VANISH)
                if hidden is None:
                    based = st.find(_q("basedOn"))
                    hidden = self.style_hidden(based.get(_q("val")) if based is not None else None, depth + 1)
            self._hidden[sid] = hidden
        return self._hidden[sid]

    def hidden(self, rpr: Any, para: Any) -> bool:
        """Whether run properties ``rpr`` (a run's, or a paragraph mark's) hide the text: hidden text (Font →
        Hidden), which Word neither shows nor prints (a template's guidance, words a drafter hid rather than
        deleted): its own w:vanish, else its character style's, else its paragraph style's."""
        own = _flag(rpr, VANISH)
        if own is not None or not self._styles_hide:
            return bool(own)
        rstyle = rpr.find(_q("rStyle")) if rpr is not None else None
        if rstyle is not None and (by_style := self.style_hidden(rstyle.get(_q("val")))) is not None:
            return by_style
        ppr = para.find(_q("pPr")) if para is not None else None
        pstyle = ppr.find(_q("pStyle")) if ppr is not None else None
        return bool(self.style_hidden(pstyle.get(_q("val")) if pstyle is not None else "Normal"))

    def of_run(self, run: Any, para: Any) -> str | None:
        rpr = run.find(_q("rPr"))
        font = _rfonts(rpr)
        if font:
            return font
        if rpr is not None:
            rstyle = rpr.find(_q("rStyle"))
            if rstyle is not None and (font := self.style_font(rstyle.get(_q("val")))):
                return font
        ppr = para.find(_q("pPr")) if para is not None else None
        pstyle = ppr.find(_q("pStyle")) if ppr is not None else None
        font = self.style_font(pstyle.get(_q("val")) if pstyle is not None else "Normal")
        return font or self._default


def _flag(rpr: Any, tag: str) -> bool | None:
    """An on/off run property (w:vanish, w:b) as ``rpr`` sets it: None when it does not."""
    el = rpr.find(tag) if rpr is not None else None
    if el is None:
        return None
    return el.get(_q("val"), "true").lower() not in ("0", "false", "off")


def _rfonts(rpr: Any) -> str | None:
    if rpr is None:
        return None
    rf = rpr.find(_q("rFonts"))
    if rf is None:
        return None
    return rf.get(_q("ascii")) or rf.get(_q("hAnsi")) or rf.get(_q("cs"))


def _owner_paragraph(el: Any) -> Any:
    """The nearest enclosing w:p (None inside a mc:Fallback copy, which repeats a text box's text)."""
    node = el.getparent()
    while node is not None:
        if node.tag == P:
            return node
        if node.tag == FALLBACK:
            return None
        node = node.getparent()
    return None


def _opened(parent: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """The children of ``parent`` with one of ``tags``, in order, the elements wrapping them opened however nested:
    content controls (a template's fields, a repeating section whose items are table rows: a content control in a
    content control) and custom XML elements (an older template's XML mapping around a part)."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _opened(content, tags)
        elif child.tag == CUSTOM_XML:
            yield from _opened(child, tags)


def _children(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables of a body, header, cell, text box or note, in order (content controls opened)."""
    return _opened(parent, (P, TBL))


def _boxes(block: Any) -> list[Any]:
    """The text boxes anchored in a paragraph or table: not the VML copy Word keeps of each (mc:Fallback), not a
    box inside another box (read with the box holding it)."""
    return [box for box in block.iter(TXBX) if not _inside(box, FALLBACK) and not _inside_any(box, (TXBX,), block)]


def footnotes_of(doc: Any) -> dict[str, Any]:
    """The document's footnotes (word/footnotes.xml) and endnotes (word/endnotes.xml), keyed "footnote ID" and
    "endnote ID", without the separators Word keeps there; parsed as python-docx parses its parts (no external
    entity resolved). The part's own element when python-docx gives one."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    notes: dict[str, Any] = {}
    for reltype, tag, kind in ((RT.FOOTNOTES, FOOTNOTE, "footnote"), (RT.ENDNOTES, ENDNOTE, "endnote")):
        try:
            part = doc.part.part_related_by(reltype)
        except KeyError:
            continue
        root = getattr(part, "element", None)
        if root is None:
            root = parse_xml(part.blob)
        notes.update((f"{kind} {n.get(_q('id'))}", n) for n in root.iter(tag) if n.get(_q("type")) in (None, "normal"))
    return notes


def reading_order(parent: Any, notes: dict[str, Any] | None = None,
                  _called: list[str] | None = None) -> Iterator[tuple[Any, str | None]]:
    """The paragraphs and tables of ``parent`` as a reader meets them: each text box's just before the paragraph
    (or table) it is anchored in, each footnote's or endnote's just after the paragraph (or table) that first calls
    it. Yields (element, where): where is None for ``parent``'s own, "box" inside a text box, "note N" inside the
    N-th note called (footnotes and endnotes counted together in the order they are called, as the .odt reader
    counts them; with footnotes only, the number Word prints). The Word reader numbers its lines in this order,
    and so do --annotate and --fix."""
    called = [] if _called is None else _called
    for child in _children(parent):
        for box in _boxes(child):
            for el, where in reading_order(box, notes, called):
                yield el, where if where is not None else "box"
        yield child, None
        for ref in child.iter(FOOTNOTE_REF, ENDNOTE_REF) if notes else ():
            key = f"{NOTE_KIND[ref.tag]} {ref.get(_q('id'))}"
            if key in notes and key not in called and not _inside_any(ref, DELETED, child):  # type: ignore[operator]
                called.append(key)
                for el, _ in reading_order(notes[key]):  # type: ignore[index]
                    yield el, f"note {len(called)}"


def _run_of(el: Any) -> Any:
    node = el.getparent()
    while node is not None and node.tag != R:
        node = node.getparent()
    return node


class _Reader(Builder):
    def __init__(self, doc: Any, limits: Limits | None = None, where: str = "") -> None:
        super().__init__(limits, where)
        self.fonts = _Fonts(doc)
        self.numbering = Numbering.of(doc)

    # ------------------------------------------------------------------ text of one paragraph
    def paragraph_lines(self, p: Any) -> list[str]:
        """A paragraph's text, one string per line its author ended: a soft line break (Shift+Enter, w:br without
        a type, w:cr) ends a line as a text file's line end does ("Nơi nhận:" and its items, a header cell's
        two lines); a page or column break does not."""
        pieces: list[tuple[str | None, Any]] = []  # (text or None for a soft break, run element)
        hidden: dict[int, bool] = {}
        for el in p.iter(*_TEXT_TAGS):
            if _owner_paragraph(el) is not p or _inside_any(el, DELETED, p):
                continue  # text of a text box anchored here (read separately), or a tracked deletion
            run = _run_of(el)
            if run is not None and hidden.setdefault(id(run), self.fonts.hidden(run.find(_q("rPr")), p) or any(
                    _flag(run.find(_q("rPr")), tag) for tag in STRUCK)):
                continue  # hidden text: Word neither shows nor prints it; struck text: crossed out
            if el.tag == TAB and el.getparent().tag == TABS:
                continue  # a tab stop the paragraph defines (w:pPr/w:tabs), not a tab typed in its text
            fixed = _TEXT_TAGS[el.tag]
            if el.tag in (BR, CR) and el.get(_q("type")) in (None, "textWrapping"):
                pieces.append((None, None))
                continue
            pieces.append((el.text or "" if fixed is None else fixed, run))
        out: list[list[str]] = [[]]
        fonts: dict[int, str | None] = {}
        for text, run in pieces:
            if text is None:
                out.append([])
                continue
            if run is not None and text.strip():
                key = id(run)
                if key not in fonts:
                    fonts[key] = self.fonts.of_run(run, p)
                text = legacy_run(text, fonts[key], self.converted)
            out[-1].append(text)
        return ended_lines(out)

    def paragraph_text(self, p: Any) -> str:
        """A paragraph as one line (its soft line breaks as spaces)."""
        return " ".join(self.paragraph_lines(p))

    # ------------------------------------------------------------------ block content
    def blocks(self, parent: Any) -> Iterator[Any]:
        """Paragraphs and tables of a body, header, cell or text box, in order (content controls opened)."""
        return _children(parent)

    def numbered_lines(self, p: Any) -> list[str]:
        """A paragraph's lines (see ``paragraph_lines``) as Word draws them: its automatic number (or bullet)
        before the first."""
        lines = self.paragraph_lines(p)
        label = self.numbering.label(p)
        if not label:
            return lines
        if not lines and self.fonts.hidden(p.find(f"{_q('pPr')}/{_q('rPr')}"), p):
            return []  # a hidden paragraph (its mark hidden too): Word shows neither its text nor its number
        if not lines:
            return [] if label in BULLETS else [label]  # "Phần I" on a line of its own, its title next
        return [f"{label} {lines[0].lstrip()}".strip(), *lines[1:]]

    def numbered_text(self, p: Any) -> str:
        """A paragraph's text as Word draws it, on one line."""
        return " ".join(self.numbered_lines(p))

    def add_blocks(self, parent: Any, notes: dict[str, Any] | None = None) -> None:
        for block, where in reading_order(parent, notes):
            if block.tag == P:
                note = int(where.split()[1]) if where and where.startswith("note") else None
                lines = self.numbered_lines(block)
                numbered = self.numbering.num_of(block) is not None
                indent = self.numbering.indent(block) if numbered else None
                self.add_paragraph(lines, note, heading_level(block, self.numbering), indent)
            elif (frame := frame_cells(block)) is not None:
                for cell in frame:  # its footnotes are read after the table, as the body's walk meets them
                    self.add_blocks(cell)
            else:
                self.add_table(block)

    def cell_paragraphs(self, tc: Any) -> list[str]:
        parts: list[str] = []
        for block in self.blocks(tc):
            if block.tag == P:
                parts += [t.strip() for t in self.numbered_lines(block)]
            else:  # a nested table: its cells' text, in order
                parts.extend(t for tr in _rows(block) for inner in _cells(tr) for t in self.cell_paragraphs(inner))
        return [t for t in parts if t]

    def cell_text(self, tc: Any) -> str:
        return " ".join(self.cell_paragraphs(tc))

    def add_table(self, tbl: Any) -> None:
        number = len(self.tables) + 1
        rows = []
        for r_i, tr in enumerate(_rows(tbl), start=1):
            col = before = _grid_before(tr)
            cells = []
            for tc in _cells(tr):
                if _merged_from_above(tc):
                    self.merged_down.add((number, r_i, col))
                cells.append((self.cell_paragraphs(tc), _span(tc)))
                col += cells[-1][1]
            rows.append((before, cells))
        self.add_rows(rows)


def _inside_any(el: Any, tags: tuple[str, ...], stop: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _inside(el: Any, tag: str) -> bool:
    node = el.getparent()
    while node is not None:
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def _grid_value(parent: Any, path: str, default: int) -> int:
    """The small integer w:val of ``path`` under ``parent`` (w:gridSpan of a cell, w:gridBefore of a row)."""
    el = parent.find(path)
    try:
        return max(0, min(64, int(el.get(_q("val"))))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _span(tc: Any) -> int:
    """How many grid columns a cell spans (w:gridSpan: cells merged across)."""
    return max(1, _grid_value(tc, f"{_q('tcPr')}/{_q('gridSpan')}", 1))


def _merged_from_above(tc: Any) -> bool:
    """A cell merged with the one above it (w:vMerge with no value, or "continue"; "restart" opens a merge)."""
    el = tc.find(f"{_q('tcPr')}/{_q('vMerge')}")
    return el is not None and el.get(_q("val"), "continue") == "continue"


def _grid_before(tr: Any) -> int:
    """Grid columns left empty before a row's first cell (w:gridBefore)."""
    return _grid_value(tr, f"{_q('trPr')}/{_q('gridBefore')}", 0)


def frame_cells(tbl: Any) -> list[Any] | None:
    """The cells of a table of one column, a frame drawn around text (``wordproc.one_column``); None for any other
    table."""
    return one_column([list(_cells(tr)) for tr in _rows(tbl)])


def _rows(tbl: Any) -> Iterator[Any]:
    return _opened(tbl, (TR,))


def _cells(tr: Any) -> Iterator[Any]:
    return _opened(tr, (TC,))


def _parts(doc: Any, kind: str) -> list[Any]:
    """Distinct header (or footer) XML roots of all sections, first-page ones first."""
    seen: set[int] = set()
    out: list[Any] = []
    for section in doc.sections:
        for attr in (f"first_page_{kind}", kind, f"even_page_{kind}"):
            try:
                part = getattr(section, attr)
                if part.is_linked_to_previous:
                    continue
                el = part._element  # python-docx exposes no public accessor
            except Exception:  # a missing or broken part is skipped, not fatal
                continue
            if id(el) not in seen:
                seen.add(id(el))
                out.append(el)
    return out


def page_parts(doc: Any) -> tuple[list[Any], list[Any]]:
    """(before, after) the body: the page header the first page shows (the first section's first-page header when
    it has a distinct first page, else its header), read first like the top of that page, where some templates put
    the issuer and the motto; the running headers shown from page 2 on and every footer, read after the body (page
    furniture: a leftover from another unit's file is still read, and never taken for the issuer)."""
    headers, footers = _parts(doc, "header"), _parts(doc, "footer")
    try:
        first = doc.sections[0]
        part = first.first_page_header if first.different_first_page_header_footer else first.header
        top = None if part.is_linked_to_previous else part._element  # python-docx exposes no public accessor
    except Exception:  # a missing or broken part: every header is furniture
        top = None
    return [h for h in headers if h is top], [h for h in headers if h is not top] + footers


def read(path: Path, limits: Limits) -> Document:
    """Read a .docx file into lines (paragraphs and cells) and tables; IngestError when it cannot be read."""
    check_zip(path, limits, "word/document.xml", ".docx")
    try:
        import docx as python_docx

        doc = python_docx.Document(str(path))
        reader = _Reader(doc, limits, str(path))
        before, after = page_parts(doc)
        for root in before:
            reader.add_blocks(root)
        reader.add_blocks(doc.element.body, footnotes_of(doc))
        for root in after:
            reader.add_blocks(root)
    except IngestError:
        raise
    except Exception as exc:  # any library failure on a hostile file is an unreadable file
        raise IngestError(str(path), f"tệp .docx hỏng hoặc không phải Word ({type(exc).__name__})") from None
    return reader.document(path, "docx")
