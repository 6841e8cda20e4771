"""A plan whose whole body Word holds in a table of one column (one cell: a frame drawn around it, as some offices'
templates do; or a row for each part): the cells' paragraphs and tables are read as the body's, not as table cells
of joined text. Before (session 10): a compliant plan so framed had 11 errors, 3 warnings (every content, target
and office said missing: the body was one cell); --annotate numbers the frame's paragraphs as the reader does."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from checker.annotate import annotate_file, blocks_of
from checker.ingest import read
from checker.models import Finding
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLAN = Path(__file__).parent / "fixtures" / "plans" / "xa-an-khanh-phan-abc.txt"


HEAD = {(0, 0): "ỦY BAN NHÂN DÂN\nXÃ AN KHÁNH",
        (0, 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        (1, 0): "Số: 88/KH-UBND", (1, 1): "An Khánh, ngày 08 tháng 9 năm 2025"}
SIGN = ("Nơi nhận:\n- UBND thành phố;\n- Sở Khoa học và Công nghệ;\n- Lưu: VT, VHXH.",
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nPhạm Văn Thắng")


def frame_rows(change: tuple[str, str] = ("", ""), parts: bool = False) -> list[list[str]]:
    """The text plan's body as the rows of a one-column table, each row's paragraphs: one row (``parts``: a row
    for each part, A. B. C.)."""
    lines = PLAN.read_text(encoding="utf-8").replace(*change).split("\n")
    closing = next(k for k, t in enumerate(lines) if t.startswith("Nơi nhận:"))
    body = [t for t in lines[4:closing] if t.strip()]
    starts = [0] + [k for k, t in enumerate(body) if parts and t in ("A.", "B.", "C.")]
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


def framed(path: Path, change: tuple[str, str] = ("", ""), parts: bool = False) -> Path:
    """The text plan as Word: its header and closing as borderless tables, its body inside one framed cell (``parts``:
    each part, A. B. C., in a row of its own of a one-column table)."""
    import docx

    rows = frame_rows(change, parts)
    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    for (r, c), text in HEAD.items():
        head.cell(r, c).text = text
    frame = d.add_table(rows=len(rows), cols=1)
    frame.style = "Table Grid"
    for r, paragraphs in enumerate(rows):
        cell = frame.cell(r, 0)
        cell.paragraphs[0].text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    sign = d.add_table(rows=1, cols=2)
    for c, text in enumerate(SIGN):
        sign.cell(0, c).text = text
    d.save(str(path))
    return path


def framed_odt(path: Path, change: tuple[str, str] = ("", ""), parts: bool = False) -> Path:
    """The same plan as an OpenDocument text (LibreOffice Writer's table XML): header and closing as tables of two
    columns, the body in the rows of a one-column table."""
    from helpers_odt import make_odt, p

    def cell(text: str) -> str:
        return ("<table:table-cell>" + p("<text:line-break/>".join(escape(t) for t in text.split("\n")))
                + "</table:table-cell>")

    def table(name: str, rows: list[list[str]], cols: int) -> str:
        return (f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{cols}"/>'
                + "".join("<table:table-row>" + "".join(cells) + "</table:table-row>" for cells in rows)
                + "</table:table>")

    head = [[cell(HEAD[(r, c)]) for c in (0, 1)] for r in (0, 1)]
    body = [["<table:table-cell>" + "".join(p(escape(t)) for t in paragraphs) + "</table:table-cell>"]
            for paragraphs in frame_rows(change, parts)]
    sign = [[cell(t) for t in SIGN]]
    return make_odt(path, table("Head", head, 2) + table("Frame", body, 1) + table("Sign", sign, 2))


def frame_findings(plan: Path, packs: list[LoadedPack]) -> list[tuple[str, str, str, str]]:
    return sorted((f.id, f.kind, f.severity, f.evidence) for f in check_file(plan, packs).findings)


@pytest.mark.parametrize("parts", [False, True])
def test_a_framed_body_is_read_as_the_body(tmp_path: Path, packs: list[LoadedPack], parts: bool) -> None:
    plan = framed(tmp_path / "p.docx", parts=parts)
    loud = [f for f in check_file(plan, packs).findings if f.severity in ("error", "warning")]
    assert loud == [], [(f.id, f.message) for f in loud]
    texts = [ln.text for ln in read(plan).lines]
    assert "A." in texts and "- Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình." in texts


@pytest.mark.parametrize("parts", [False, True])
def test_a_defect_in_the_frame_is_found_on_its_paragraph(tmp_path: Path, packs: list[LoadedPack], parts: bool) -> None:
    plan = framed(tmp_path / "p.docx", ("- Tối thiểu 80% hồ sơ", "- Tối thiểu 70% hồ sơ"), parts)
    (f,) = [f for f in check_file(plan, packs).findings if f.severity in ("error", "warning")]
    assert (f.id, f.kind) == ("HP215-TGT-HOSO", "weaker")
    assert f.location is not None and f.location.paragraph == f.line and f.location.table is None
    # --annotate puts its comment on that paragraph: its walk numbers the frame's paragraphs as the reader does
    import docx

    assert len(blocks_of(docx.Document(str(plan)))) == len(read(plan).lines)
    out = annotate_file(plan, [Finding(id="R", check="t", kind="weaker", severity="error", line=f.line,
                                       message="m", expected="e")])
    body = docx.Document(str(out)).element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    start = body.find(f".//{ns}commentRangeStart")
    assert "".join(t.text or "" for t in start.getparent().iter(f"{ns}t")).startswith("- Tối thiểu 70% hồ sơ")


@pytest.mark.parametrize("parts", [False, True])
@pytest.mark.parametrize("change", [("", ""), ("- Tối thiểu 80% hồ sơ", "- Tối thiểu 70% hồ sơ")],
                         ids=["compliant", "weaker"])
def test_a_framed_odt_reads_as_the_framed_docx(tmp_path: Path, packs: list[LoadedPack], parts: bool,
                                               change: tuple[str, str]) -> None:
    """The same plan framed in an .odt (read natively): the same lines and the same findings as in the .docx
    (none on the compliant plan; the weaker target on its paragraph). Before: the .odt's body was one table cell,
    and the compliant plan had 11 errors."""
    word, odt = framed(tmp_path / "p.docx", change, parts), framed_odt(tmp_path / "p.odt", change, parts)
    assert [ln.text for ln in read(odt).lines] == [ln.text for ln in read(word).lines]
    assert frame_findings(odt, packs) == frame_findings(word, packs)
    loud = [f for f in check_file(odt, packs).findings if f.severity in ("error", "warning")]
    assert [f.id for f in loud] == ([] if not change[0] else ["HP215-TGT-HOSO"])
    assert all(f.location is not None and f.location.paragraph == f.line and f.location.table is None for f in loud)
