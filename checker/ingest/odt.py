"""OpenDocument text (.odt) plans, read natively (no LibreOffice needed): ``content.xml`` and ``styles.xml``.

Read as the Word reader reads a .docx (``checker.ingest.wordproc`` builds the same lines, locations and blocks):
the first page's header, then the body's paragraphs (``text:p``; ``text:h`` with its outline level as a heading),
lists (and ``text:numbered-paragraph``, a paragraph numbered as an item of its list outside any ``text:list``) and
tables in order (a table of one column, a frame drawn around the body, read as what its cells hold, by the Word
reader's rule: ``wordproc.one_column``), then the running headers and the footers (``style:master-page`` in
styles.xml). A text box (``draw:frame``/``draw:text-box``, a shape with text) is read just before the paragraph it
is anchored in, a footnote (``text:note``) just after the paragraph (or table) calling it. Automatic numbers are
drawn as LibreOffice draws them (list styles: ``style:num-format`` 1 a A i I, ``style:num-prefix``/``num-suffix``,
``text:display-levels``, ``text:start-value``, ``text:continue-numbering``/``text:continue-list``, bullets), with
the Vietnamese alphabet (đ after d) where the document types "đ)" itself (``numbering.types_d_stroke``). Deleted
tracked changes (kept apart in ``text:tracked-changes``) are not read, insertions are. The zip is checked as a
.docx is (``safety.check_zip``: bombs, sizes) and the XML parsed without resolving any entity or loading a DTD.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml import etree

from checker.errors import IngestError
from checker.ingest.numbering import BULLETS, render, types_d_stroke
from checker.ingest.safety import check_zip
from checker.ingest.wordproc import Builder, Row, ended_lines, legacy_run, one_column

if TYPE_CHECKING:
    from pathlib import Path

    from checker.ingest import Limits
    from checker.models import Document

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
XML = "http://www.w3.org/XML/1998/namespace"


def _t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def _tb(tag: str) -> str:
    return f"{{{TABLE}}}{tag}"


def _s(tag: str) -> str:
    return f"{{{STYLE}}}{tag}"


P, H, SPAN, S, TAB, LINE_BREAK = _t("p"), _t("h"), _t("span"), _t("s"), _t("tab"), _t("line-break")
LIST, ITEM, HEADER_ITEM, NOTE, NOTE_BODY = _t("list"), _t("list-item"), _t("list-header"), _t("note"), _t("note-body")
SECTION, INDEX_BODY, NUMBER = _t("section"), _t("index-body"), _t("number")
NUMBERED = _t("numbered-paragraph")
HIDDEN_TEXT, HIDDEN_PARAGRAPH = _t("hidden-text"), _t("hidden-paragraph")  # fields hiding text, condition true
TBL, ROW, CELL, COVERED = _tb("table"), _tb("table-row"), _tb("table-cell"), _tb("covered-table-cell")
ROW_GROUPS = (_tb("table-header-rows"), _tb("table-rows"), _tb("table-row-group"))
TEXT_BOX, FRAME = f"{{{DRAW}}}text-box", f"{{{DRAW}}}frame"
ANNOTATION = f"{{{OFFICE}}}annotation"
PARAGRAPHS = (P, H)
# never part of a paragraph's own text: a note (read after it), a text box or shape (read before it), a comment,
# the deleted text of tracked changes, a number a producer cached (drawn here from the list style), a ruby's gloss
_NOT_TEXT = (NOTE, ANNOTATION, _t("tracked-changes"), _t("deletion"), NUMBER, _t("ruby-text"))
# containers whose paragraphs are read in place: sections, the body of a table of contents or index
_INDEXES = ("table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index",
            "user-index", "bibliography")
_WS = re.compile(r"[ \t\r\n]+")
_REPEAT = 64  # at most this many copies of a repeated row or cell (a spreadsheet-like table repeats thousands)
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_UNITS = {"in": 1440.0, "cm": 566.93, "mm": 56.693, "pt": 20.0, "pc": 240.0, "px": 15.0}
_PARAGRAPH_OPEN = re.compile(rb"<text:[ph][ >]")
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _parse(data: bytes) -> Any:
    """An XML part parsed safely: no entity resolved, no DTD loaded, nothing fetched, no huge tree."""
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    return etree.fromstring(data, parser)


def _a(el: Any, ns: str, name: str) -> str | None:
    value = el.get(f"{{{ns}}}{name}")
    return value if isinstance(value, str) else None


def _int(value: str | None, default: int, low: int = 0, high: int = 10_000) -> int:
    try:
        return max(low, min(high, int(value))) if value is not None else default
    except ValueError:
        return default


def _twips(length: str | None) -> int | None:
    """An ODF length ("0.5in", "1.27cm", "36pt") in twips; None when absent or odd."""
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*([a-z]+)\s*", length or "")
    if not m or m.group(2) not in _UNITS:
        return None
    return round(float(m.group(1)) * _UNITS[m.group(2)])


# --------------------------------------------------------------------------- styles


@dataclass
class Level:
    """One level of a list style (or of the outline style)."""

    fmt: str = "decimal"  # a numbering.render format, "bullet", or "none"
    prefix: str = ""
    suffix: str = ""
    display: int = 1  # text:display-levels: how many levels' numbers the label shows ("1.2." shows 2)
    start: int = 1
    bullet: str = "•"
    template: str | None = None  # loext:num-list-format ("%2%.%3%."): LibreOffice's own label template
    indent: int | None = None  # where the level sets the text (twips), when it says


def _level(el: Any) -> Level:
    kind = etree.QName(el).localname
    props = el.find(_s("list-level-properties"))
    indent = None
    if props is not None:
        align = props.find(_s("list-level-label-alignment"))
        indent = _twips(_a(align, FO, "margin-left")) if align is not None else None
        if indent is None:
            before = _twips(_a(props, TEXT, "space-before"))
            width = _twips(_a(props, TEXT, "min-label-width"))
            indent = (before or 0) + (width or 0) if before is not None or width is not None else None
    if kind == "list-level-style-bullet":
        return Level(fmt="bullet", bullet=(_a(el, TEXT, "bullet-char") or "•").strip() or "•", indent=indent)
    if kind not in ("list-level-style-number", "outline-level-style"):
        return Level(fmt="none", indent=indent)  # an image bullet: no text drawn
    raw = _a(el, STYLE, "num-format")
    fmt = "none" if not raw else _FORMATS.get(raw, "decimal")
    return Level(fmt=fmt, prefix=_a(el, STYLE, "num-prefix") or "", suffix=_a(el, STYLE, "num-suffix") or "",
                 display=_int(_a(el, TEXT, "display-levels"), 1, 1, 10), start=_int(_a(el, TEXT, "start-value"), 1),
                 template=_a(el, LOEXT, "num-list-format"), indent=indent)


def _levels(list_style: Any) -> dict[int, Level]:
    return {_int(_a(el, TEXT, "level"), 1, 1, 10): _level(el) for el in list_style if isinstance(el.tag, str)}


@dataclass
class Styles:
    """What the reader needs from the styles of both parts: list styles, the outline style, each paragraph and
    text style's font (legacy fonts), left margin and master page, the font faces."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)
    outline: dict[int, Level] = field(default_factory=dict)
    fonts: dict[str, str] = field(default_factory=dict)  # font face name → family
    own: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # (family, name) → properties
    parent: dict[tuple[str, str], str] = field(default_factory=dict)
    default_font: dict[str, str] = field(default_factory=dict)  # family → font name

    def read(self, root: Any) -> None:
        for face in root.iter(_s("font-face")):
            name, family = _a(face, STYLE, "name"), _a(face, SVG, "font-family")
            if name:
                self.fonts[name] = (family or name).strip("'\" ")
        for ls in root.iter(_t("list-style")):
            name = _a(ls, STYLE, "name")
            if name:
                self.lists[name] = _levels(ls)
        for os_ in root.iter(_t("outline-style")):
            self.outline = _levels(os_)
            self.lists[_a(os_, STYLE, "name") or "Outline"] = self.outline
        for st in root.iter(_s("style"), _s("default-style")):
            fam = _a(st, STYLE, "family") or ""
            props: dict[str, str] = {}
            text_props = st.find(_s("text-properties"))
            if text_props is not None:
                font = _a(text_props, STYLE, "font-name") or _a(text_props, FO, "font-family")
                if font:
                    props["font"] = font
                display = _a(text_props, TEXT, "display")  # "none": hidden text (Word's w:vanish), "true": shown
                if display in ("none", "true"):
                    props["hidden"] = "1" if display == "none" else ""
                elif _a(text_props, STYLE, "text-line-through-style") not in (None, "none"):
                    props["hidden"] = "1"  # struck through: crossed out of a draft (Word's w:strike), not its text
            para_props = st.find(_s("paragraph-properties"))
            if para_props is not None and _a(para_props, FO, "margin-left"):
                props["margin"] = _a(para_props, FO, "margin-left") or ""
            if _a(st, STYLE, "master-page-name") is not None:
                props["master"] = _a(st, STYLE, "master-page-name") or ""
            if _a(st, STYLE, "list-style-name"):
                props["list"] = _a(st, STYLE, "list-style-name") or ""
            if st.tag == _s("default-style"):
                if "font" in props:
                    self.default_font[fam] = props["font"]
                continue
            name = _a(st, STYLE, "name")
            if name:
                self.own[(fam, name)] = props
                if _a(st, STYLE, "parent-style-name"):
                    self.parent[(fam, name)] = _a(st, STYLE, "parent-style-name") or ""

    def prop(self, family: str, name: str | None, key: str) -> str | None:
        """A style's property, through its parent styles."""
        for _ in range(20):
            if not name:
                return None
            got = self.own.get((family, name), {}).get(key)
            if got is not None:
                return got
            name = self.parent.get((family, name))
        return None

    def hidden(self, span_style: str | None, para_style: str | None) -> bool:
        """Whether text in this span and paragraph is hidden (``text:display="none"``): not shown, not printed, as
        hidden text in Word."""
        got = self.prop("text", span_style, "hidden")
        return bool(got if got is not None else self.prop("paragraph", para_style, "hidden"))

    def font(self, span_style: str | None, para_style: str | None) -> str | None:
        name = (self.prop("text", span_style, "font") or self.prop("paragraph", para_style, "font")
                or self.default_font.get("paragraph"))
        return self.fonts.get(name, name) if name else None


# --------------------------------------------------------------------------- lists


@dataclass
class _Counters:
    """One numbering sequence: a list and the lists that continue it."""

    style: str | None
    values: dict[int, int] = field(default_factory=dict)


class Lists:
    """The numbers LibreOffice draws: each list's counters (continued by ``text:continue-numbering`` or
    ``text:continue-list``), the outline style's for headings outside lists."""

    def __init__(self, styles: Styles, vietnamese: bool) -> None:
        self.styles = styles
        self.vietnamese = vietnamese
        self.by_id: dict[str, _Counters] = {}
        self.last: _Counters | None = None
        self.last_by_style: dict[str, _Counters] = {}
        self.outline = _Counters(None)

    def open(self, lst: Any) -> _Counters:
        """The counters a top-level ``text:list`` numbers with: a new sequence, or the one it continues."""
        return self._sequence(lst, _a(lst, TEXT, "continue-list"), _a(lst, XML, "id"))

    def numbered(self, np: Any) -> _Counters:
        """The counters of a ``text:numbered-paragraph`` (a numbered paragraph outside any list): those of the list
        its ``text:list-id`` names (other such paragraphs, or a list of that ``xml:id``), the last list of its style
        it continues, or a new list's."""
        lid = _a(np, TEXT, "list-id")
        return self._sequence(np, lid, lid)

    def _sequence(self, el: Any, joins: str | None, own: str | None) -> _Counters:
        """The counters ``el`` (a list, a numbered paragraph) numbers with: those of the list ``joins`` names, else
        those of the last list (of its style) when it continues the numbering, else new ones, known as ``own``."""
        style = _a(el, TEXT, "style-name")
        counters = self.by_id.get(joins) if joins else None
        if counters is None and _a(el, TEXT, "continue-numbering") == "true":
            counters = self.last_by_style.get(style or "") or self.last
        if counters is None:
            counters = _Counters(style)
        if own:
            self.by_id[own] = counters
        self.last = counters
        if style:
            self.last_by_style[style] = counters
        return counters

    def label(self, counters: _Counters, levels: dict[int, Level], level: int, start: int | None = None) -> str:
        """The label of the next paragraph at ``level`` (1-based) of ``counters``; advances the counters."""
        lv = levels.get(level, Level())
        values = counters.values
        values[level] = start if start is not None else values.get(level, lv.start - 1) + 1
        for deeper in [k for k in values if k > level]:
            del values[deeper]
        if lv.fmt == "none":
            return ""
        if lv.fmt == "bullet":
            return lv.bullet if lv.bullet in BULLETS else "•"

        def number(k: int) -> str:
            other = levels.get(k, Level())
            fmt = other.fmt if other.fmt not in ("bullet", "none") else "decimal"
            return render(values.get(k, other.start), fmt, self.vietnamese)

        if lv.template:
            return re.sub(r"%(\d+)%", lambda m: number(_int(m.group(1), 1, 1, 10)), lv.template).strip()
        shown = range(max(1, level - lv.display + 1), level + 1)
        return f"{lv.prefix}{'.'.join(number(k) for k in shown)}{lv.suffix}".strip()


# --------------------------------------------------------------------------- the reader


@dataclass
class _Context:
    """Where a paragraph is met: in a list (its counters, levels, level), whether it is the item's first."""

    counters: _Counters | None = None
    levels: dict[int, Level] = field(default_factory=dict)
    level: int = 0
    numbered: bool = False  # the first paragraph of a list item: it gets the item's number
    start: int | None = None  # text:start-value of the item


class _Reader(Builder):
    def __init__(self, styles: Styles, lists: Lists, limits: Limits | None, where: str) -> None:
        super().__init__(limits, where)
        self.styles = styles
        self.lists = lists
        self.called = 0  # footnotes read so far (their number as the reader sees it)

    # ------------------------------------------------------------------ text of one paragraph
    def paragraph_lines(self, p: Any) -> list[str]:
        """A paragraph's text, one string per line its author ended (``text:line-break``), runs of spaces
        (``text:s``) and tabs kept, fonts' legacy encodings converted."""
        out: list[list[str]] = [[]]
        if any(_a(h, TEXT, "is-hidden") == "true" for h in p.iter(HIDDEN_PARAGRAPH)):
            return []  # a hidden paragraph field whose condition holds: the paragraph is not shown
        self._pieces(p, _a(p, TEXT, "style-name"), None, out)
        return ended_lines(out)

    def _pieces(self, el: Any, para_style: str | None, span_style: str | None, out: list[list[str]]) -> None:
        font = self.styles.font(span_style, para_style) if self.styles.fonts or self.styles.own else None
        shown = not self.styles.hidden(span_style, para_style)  # hidden text: its words, spaces, breaks not read
        if el.text and shown:
            out[-1].append(legacy_run(_WS.sub(" ", el.text), font, self.converted))
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):  # a comment, a processing instruction, an entity left unresolved
                pass
            elif tag == S:
                out[-1].append(" " * _int(_a(child, TEXT, "c"), 1, 1, 1000) if shown else "")
            elif tag == TAB:
                out[-1].append("\t" if shown else "")
            elif tag == LINE_BREAK:
                if shown:
                    out.append([])
            elif tag in _NOT_TEXT or etree.QName(tag).namespace == DRAW or (
                    tag == HIDDEN_TEXT and _a(child, TEXT, "is-hidden") == "true"):
                pass  # not the paragraph's own text, or a hidden text field whose condition holds
            else:  # a span, a link, a field's shown value, a bookmark, a change mark (insertions are in place)
                style = _a(child, TEXT, "style-name") if tag == SPAN else span_style
                self._pieces(child, para_style, style, out)
            if child.tail and shown:
                out[-1].append(legacy_run(_WS.sub(" ", child.tail), font, self.converted))

    # ------------------------------------------------------------------ blocks
    def add_blocks(self, parent: Any, note: int | None = None) -> None:
        for block, ctx in _blocks(parent, self.lists):
            if block.tag == TBL and (frame := frame_cells(block)) is not None:
                for cell in frame:  # its text boxes and notes read with the paragraphs that hold them
                    self.add_blocks(cell, note)
                continue
            for box in _boxes(block):
                self.add_blocks(box, note)
            if block.tag == TBL:
                self.add_table(block)
            else:
                self.add_paragraph_el(block, ctx, note)
            for n in _notes(block):
                self.called += 1
                body = n.find(NOTE_BODY)
                if body is not None:
                    self.add_blocks(body, self.called if note is None else note)

    def numbered_lines(self, p: Any, ctx: _Context) -> tuple[list[str], int | None]:
        """A paragraph's lines as LibreOffice draws them (its number or bullet before the first) and where its
        text is set (twips) when it is numbered."""
        lines = self.paragraph_lines(p)
        label, indent = "", None
        if ctx.counters is not None and ctx.numbered:
            label = self.lists.label(ctx.counters, ctx.levels, ctx.level, ctx.start)
            indent = self._indent(p, ctx)
        elif ctx.counters is None and p.tag == H and _a(p, TEXT, "is-list-header") != "true":
            level = _int(_a(p, TEXT, "outline-level"), 1, 1, 10)
            restart = _a(p, TEXT, "restart-numbering") == "true"
            start = _int(_a(p, TEXT, "start-value"), 1) if restart or _a(p, TEXT, "start-value") else None
            if self.lists.styles.outline.get(level, Level(fmt="none")).fmt != "none":
                label = self.lists.label(self.lists.outline, self.lists.styles.outline, level, start)
        if not label:
            return lines, indent
        if not lines:
            return ([] if label in BULLETS else [label]), indent
        return [f"{label} {lines[0].lstrip()}".strip(), *lines[1:]], indent

    def _indent(self, p: Any, ctx: _Context) -> int:
        own = _twips(self.styles.prop("paragraph", _a(p, TEXT, "style-name"), "margin"))
        if own is not None:
            return own
        lv = ctx.levels.get(ctx.level)
        return lv.indent if lv is not None and lv.indent is not None else (ctx.level - 1) * 720

    def add_paragraph_el(self, p: Any, ctx: _Context, note: int | None) -> None:
        lines, indent = self.numbered_lines(p, ctx)
        level = _int(_a(p, TEXT, "outline-level"), 1, 1, 9) if p.tag == H else None
        self.add_paragraph(lines, note, level, indent)

    def cell_paragraphs(self, cell: Any) -> list[str]:
        parts: list[str] = []
        for block, ctx in _blocks(cell, self.lists):
            if block.tag == TBL:  # a nested table: its cells' text, in order
                parts.extend(t for _, cells in self.rows(block) for paragraphs, _ in cells for t in paragraphs)
            else:
                parts += [t.strip() for t in self.numbered_lines(block, ctx)[0]]
        return [t for t in parts if t]

    def rows(self, tbl: Any, merged: set[tuple[int, int]] | None = None) -> list[Row]:
        """The table's rows as the Word reader sees a .docx's: a cell spanning n columns once with its span, the
        cells it covers in its row left out; a cell covered from the row above (merged down) an empty cell, its
        (row, grid column) put in ``merged``."""
        out: list[Row] = []
        down: dict[int, tuple[int, int]] = {}  # grid column → (rows still covered, columns wide)
        for r_i, tr in enumerate(_rows(tbl), start=1):
            cells: list[tuple[list[str], int]] = []
            col = 0
            skip = 0  # covered cells that belong to a cell spanning across, in this row
            for tc in _cells(tr):
                if tc.tag == COVERED:
                    if skip:
                        skip -= 1
                    elif down.get(col, (0, 0))[0] > 0:
                        if merged is not None:
                            merged.add((r_i, col))
                        cells.append(([], down[col][1]))
                        skip = down[col][1] - 1
                        down[col] = (down[col][0] - 1, down[col][1])
                    else:
                        cells.append(([], 1))
                    col += 1
                    continue
                across = _int(_a(tc, TABLE, "number-columns-spanned"), 1, 1, 64)
                below = _int(_a(tc, TABLE, "number-rows-spanned"), 1, 1, 10_000)
                cells.append((self.cell_paragraphs(tc), across))
                if below > 1:
                    down[col] = (below - 1, across)
                skip = across - 1
                col += 1
            out.append((0, cells))
        return out

    def add_table(self, tbl: Any) -> None:
        merged: set[tuple[int, int]] = set()
        self.add_rows(self.rows(tbl, merged))
        self.merged_down |= {(len(self.tables), r, c) for r, c in merged}  # the table add_rows numbered


def _repeated(el: Any, tag: str) -> int:
    return _int(_a(el, TABLE, f"number-{tag}-repeated"), 1, 1, _REPEAT)


def frame_cells(tbl: Any) -> list[Any] | None:
    """The cells of a table of one column (a cell merged across the table once, the cells it covers left out), a
    frame drawn around text (``wordproc.one_column``); None for any other table."""
    return one_column([[tc for tc in _cells(tr) if tc.tag != COVERED] for tr in _rows(tbl)])


def _rows(tbl: Any) -> Iterator[Any]:
    for child in tbl:
        if child.tag == ROW:
            for _ in range(_repeated(child, "rows")):
                yield child
        elif child.tag in ROW_GROUPS:
            yield from _rows(child)


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag in (CELL, COVERED):
            for _ in range(_repeated(child, "columns")):
                yield child


def _blocks(parent: Any, lists: Lists, ctx: _Context | None = None) -> Iterator[tuple[Any, _Context]]:
    """The paragraphs, headings and tables of a body, cell, text box, note or header, in order, each with its
    list context (lists opened level by level; sections and tables of contents opened)."""
    for child in parent:
        tag = child.tag
        if tag in PARAGRAPHS or tag == TBL:
            yield child, _Context()
        elif tag == LIST:
            counters = lists.open(child)
            levels = lists.styles.lists.get(_a(child, TEXT, "style-name") or counters.style or "", {})
            yield from _list_blocks(child, lists, counters, levels, 1)
        elif tag == NUMBERED:  # one paragraph numbered as an item of its list, outside any text:list
            counters = lists.numbered(child)
            levels = lists.styles.lists.get(_a(child, TEXT, "style-name") or counters.style or "", {})
            start = _int(_a(child, TEXT, "start-value"), 1) if _a(child, TEXT, "start-value") else None
            level = _int(_a(child, TEXT, "level"), 1, 1, 10)
            for p in child:
                if p.tag in PARAGRAPHS:
                    yield p, _Context(counters, levels, level, True, start)
                    break
        elif tag == SECTION or tag == INDEX_BODY:
            yield from _blocks(child, lists)
        elif isinstance(tag, str) and etree.QName(tag).localname in _INDEXES:
            body = child.find(INDEX_BODY)
            if body is not None:
                yield from _blocks(body, lists)


def _list_blocks(lst: Any, lists: Lists, counters: _Counters, levels: dict[int, Level],
                 level: int) -> Iterator[tuple[Any, _Context]]:
    """A list's items: each item's first paragraph numbered at ``level``, its other paragraphs not; nested
    lists one level deeper (their own list style where they name one)."""
    for item in lst:
        if item.tag not in (ITEM, HEADER_ITEM):
            continue
        first = item.tag == ITEM
        start = _int(_a(item, TEXT, "start-value"), 1) if _a(item, TEXT, "start-value") else None
        for child in item:
            tag = child.tag
            if tag in PARAGRAPHS:
                yield child, _Context(counters, levels, min(level, 10), first, start if first else None)
                first = False
            elif tag == LIST:
                own = lists.styles.lists.get(_a(child, TEXT, "style-name") or "", levels)
                yield from _list_blocks(child, lists, counters, own, level + 1)
                first = False
            elif tag == TBL:
                yield child, _Context()
            elif tag == SECTION:
                yield from _blocks(child, lists)


def _is_box(el: Any) -> bool:
    """A text box, or a drawing shape holding paragraphs itself (a custom shape, a rectangle with text)."""
    return el.tag == TEXT_BOX or (el.tag != FRAME and any(c.tag in PARAGRAPHS or c.tag in (LIST, NUMBERED) for c in el))


def _boxes(block: Any) -> list[Any]:
    """The text boxes (and shapes with text) anchored in a paragraph or table, in order: not one inside another
    box or inside a note or comment (read with what holds it)."""
    out = []
    for el in block.iter(f"{{{DRAW}}}*"):
        if not _is_box(el):
            continue
        node = el.getparent()
        while node is not None and node is not block:
            if node.tag in (NOTE, ANNOTATION) or (etree.QName(node).namespace == DRAW and _is_box(node)):
                break
            node = node.getparent()
        else:
            out.append(el)
    return out


def _notes(block: Any) -> list[Any]:
    """The notes a paragraph or table calls, in order (not those in a text box: read with the box)."""
    out = []
    for n in block.iter(NOTE):
        node = n.getparent()
        while node is not None and node is not block and etree.QName(node).namespace != DRAW and node.tag != NOTE:
            node = node.getparent()
        if node is block:
            out.append(n)
    return out


# --------------------------------------------------------------------------- pages


def page_parts(styles_root: Any, content_root: Any, styles: Styles) -> tuple[list[Any], list[Any]]:
    """(before, after) the body, as the Word reader takes a .docx's: the header the first page shows (its master
    page's first-page header, else its header) first; every other header and every footer after the body."""
    masters = list(styles_root.iter(_s("master-page"))) if styles_root is not None else []
    if not masters:
        return [], []
    body = content_root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    first_style = None
    if body is not None:
        for el in body.iter(P, H, TBL):
            family = "table" if el.tag == TBL else "paragraph"
            first_style = styles.prop(family, _a(el, TABLE if el.tag == TBL else TEXT, "style-name"), "master")
            break
    names = {_a(m, STYLE, "name"): m for m in masters}
    first = next((m for m in (names.get(first_style), names.get("Standard")) if m is not None), masters[0])
    top = None
    for tag in ("header-first", "header"):
        for ns in (STYLE, LOEXT):
            part = first.find(f"{{{ns}}}{tag}")
            if part is not None and _a(part, STYLE, "display") != "false":
                top = part
                break
        if top is not None:
            break
    headers, footers = [], []
    for m in masters:
        for part in m:
            if not isinstance(part.tag, str) or part is top or _a(part, STYLE, "display") == "false":
                continue
            local = etree.QName(part).localname
            if local.startswith("header"):
                headers.append(part)
            elif local.startswith("footer"):
                footers.append(part)
    return ([top] if top is not None else []), headers + footers


# --------------------------------------------------------------------------- read


def read(path: Path, limits: Limits) -> Document:
    """Read an .odt file into lines (paragraphs and cells) and tables; IngestError when it cannot be read."""
    check_zip(path, limits, "content.xml", ".odt", kind="OpenDocument", paragraph=_PARAGRAPH_OPEN)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "META-INF/manifest.xml" in names and b"encryption-data" in zf.read("META-INF/manifest.xml"):
                raise IngestError(str(path), "tệp .odt được đặt mật khẩu: hãy mở bằng LibreOffice, bỏ mật khẩu "
                                             "(Tệp → Thuộc tính → Bảo mật) và lưu lại")
            content = _parse(zf.read("content.xml"))
            styles_root = _parse(zf.read("styles.xml")) if "styles.xml" in names else None
        styles = Styles()
        if styles_root is not None:
            styles.read(styles_root)
        styles.read(content)  # automatic styles of the body: after (they override nothing of styles.xml's)
        body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
        if body is None:
            raise IngestError(str(path), "tệp .odt không phải văn bản (không có office:text: bảng tính, trình "
                                         "chiếu?)")
        probe = _Reader(styles, Lists(styles, False), None, str(path))
        vietnamese = types_d_stroke(" ".join(probe.paragraph_lines(p)) for p in body.iter(P, H))
        reader = _Reader(styles, Lists(styles, vietnamese), limits, str(path))
        before, after = page_parts(styles_root, content, styles)
        for part in before:
            reader.add_blocks(part)
        reader.add_blocks(body)
        for part in after:
            reader.add_blocks(part)
    except IngestError:
        raise
    except etree.XMLSyntaxError:
        raise IngestError(str(path), "tệp .odt hỏng hoặc không phải OpenDocument (XML lỗi)") from None
    except Exception as exc:  # any failure on a hostile file is an unreadable file
        raise IngestError(str(path), f"tệp .odt hỏng hoặc không phải OpenDocument ({type(exc).__name__})") from None
    return reader.document(path, "odt")
