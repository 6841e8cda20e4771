"""A plan whose whole body Word holds in a table of one column (one cell: a frame drawn around it, as some offices'
templates do; or a row for each part): the cells' paragraphs and tables are read as the body's, not as table cells
of joined text. Before (session 10): a compliant plan so framed had 11 errors, 3 warnings (every content, target
and office said missing: the body was one cell); --annotate numbers the frame's paragraphs as the reader does."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.annotate import annotate_file, blocks_of
from checker.ingest import read
from checker.models import Finding
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack, load_packs

PLAN = Path(__file__).parent / "fixtures" / "plans" / "xa-an-khanh-phan-abc.txt"


@pytest.fixture(scope="module")
def packs() -> list[LoadedPack]:
    return load_packs()


def framed(path: Path, change: tuple[str, str] = ("", ""), parts: bool = False) -> Path:
    """The text plan as Word: its header and closing as borderless tables, its body inside one framed cell (``parts``:
    each part, A. B. C., in a row of its own of a one-column table)."""
    import docx

    lines = PLAN.read_text(encoding="utf-8").replace(*change).split("\n")
    closing = next(k for k, t in enumerate(lines) if t.startswith("Nơi nhận:"))
    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "ỦY BAN NHÂN DÂN\nXÃ AN KHÁNH", (0, 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "Độc lập - Tự do - Hạnh phúc", (1, 0): "Số: 88/KH-UBND",
                         (1, 1): "An Khánh, ngày 08 tháng 9 năm 2025"}.items():
        head.cell(r, c).text = text
    body = [t for t in lines[4:closing] if t.strip()]
    starts = [0] + [k for k, t in enumerate(body) if parts and t in ("A.", "B.", "C.")]
    frame = d.add_table(rows=len(starts), cols=1)
    frame.style = "Table Grid"
    for r, (a, b) in enumerate(zip(starts, [*starts[1:], len(body)], strict=True)):
        cell = frame.cell(r, 0)
        cell.paragraphs[0].text = body[a]
        for text in body[a + 1 : b]:
            cell.add_paragraph(text)
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- UBND thành phố;\n- Sở Khoa học và Công nghệ;\n- Lưu: VT, VHXH."
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nPhạm Văn Thắng"
    d.save(str(path))
    return path


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
