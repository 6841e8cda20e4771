"""A small Word (.docx) writer for letters: paragraphs, borderless tables, one A4 section, written as
WordprocessingML directly. A letter is built in well under a millisecond (python-docx took some 24 ms of CPU:
opening its template, building the tree node by node, saving), so a whole city's letters cost little next to the
checking itself (benchmarks/desk.py). Word, LibreOffice and python-docx open what it writes
(tests/test_reviewer_outputs.py)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from checker.clean import one_line, xml_safe

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567  # 1 cm = 566.9 twips
ALIGN = {"left": "left", "center": "center", "justify": "both"}


@dataclass(frozen=True)
class Par:
    """One paragraph of one run: ``size`` in points, ``after`` the space after it in points, ``indent`` a first
    line indent of 1.27 cm."""

    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "justify"
    indent: bool = False
    after: float = 6


def _text(text: str) -> str:
    return escape(xml_safe(one_line(text)))


def paragraph(p: Par) -> str:
    ppr = f'<w:spacing w:before="0" w:after="{round(p.after * 20)}"/>'
    if p.indent:
        ppr += f'<w:ind w:firstLine="{round(1.27 * TWIPS_PER_CM)}"/>'
    ppr += f'<w:jc w:val="{ALIGN[p.align]}"/>'
    half = round(p.size * 2)
    rpr = ("<w:b/><w:bCs/>" if p.bold else "") + ("<w:i/><w:iCs/>" if p.italic else "")
    rpr += '<w:u w:val="single"/>' if p.underline else ""
    rpr += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{_text(p.text)}</w:t></w:r>' if p.text else ""
    return f"<w:p><w:pPr>{ppr}<w:rPr>{rpr}</w:rPr></w:pPr>{run}</w:p>"


def table(columns: list[tuple[float, list[Par]]]) -> str:
    """A borderless one-row table, centred, with fixed column widths (cm): Word reads the cells', LibreOffice
    the grid's."""
    widths = [round(cm * TWIPS_PER_CM) for cm, _ in columns]
    none = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{"".join(map(paragraph, pars)) or "<w:p/>"}</w:tc>'
        for w, (_, pars) in zip(widths, columns, strict=True))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>")


@dataclass(frozen=True)
class Page:
    """A4 with the margins of NĐ 30/2020 Phụ lục I (top and bottom 2 cm, left 3 cm, right 1.5 cm), a font."""

    font: str = "Times New Roman"
    size: float = 14
    lang: str = "vi-VN"


def document(body: list[str], page: Page, creator: str, description: str, title: str = "") -> bytes:
    """The .docx of ``body`` (paragraph and table XML, in order); ``description`` goes into its properties."""
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
               'w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
           + "".join(body) + section + "</w:body></w:document>")
    half = round(page.size * 2)
    font = escape(page.font, {'"': "&quot;"})
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
              f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
              f'w:cs="{font}"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/><w:lang w:val="{page.lang}" '
              f'w:eastAsia="{page.lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" '
              'w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
              '</w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
              '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
              '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
              "</w:tblCellMar></w:tblPr></w:style></w:styles>")
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_text(title)}</dc:title><dc:creator>{_text(creator)}</dc:creator>"
            f"<dc:description>{_text(description)}</dc:description>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types '
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
            'core-properties+xml"/></Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{pkg}/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/></Relationships>'),
        "word/document.xml": doc,
        "word/styles.xml": styles,
        "docProps/core.xml": core,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, xml in parts.items():
            z.writestr(name, xml.encode("utf-8"))
    return buf.getvalue()
