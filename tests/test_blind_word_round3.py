"""Round 3 of blind Word plans (tests/fixtures/plans/word/make_round3.py, index.yaml says the style of each):
what they revealed, pinned; and every one of them printed to PDF by LibreOffice gives the verdict its Word file
gives.

- a soft line break (Shift+Enter) ends a line: "Nơi nhận:" and its items typed in one paragraph are read as a
  list whose last item is "- Lưu: VT, VHXH.";
- the tab stops a paragraph defines (w:pPr/w:tabs) are not tabs typed in its text: a header aligned by centred
  tab stops keeps its left column on the left;
- cells merged across (w:gridSpan) keep the grid columns, so "Năm 2025" over "Thành phố giao | Phường thực
  hiện" lines up with the rows, and "Phường thực hiện" is the plan's own column, not a result (thực hiện);
- a plan issued with a decision in the same file ("Ban hành kèm theo Quyết định số ...") takes its number, its
  signature and its Nơi nhận from the decision;
- "./." ends a document's text and "Nơi nhận:" opens its closing: neither is joined to a wrapped sentence;
- in a PDF, words struck through (a draft printed with its tracked changes) are words removed; the row-number
  column of a narrow table whose header words broke is never a figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.ingest import layout, read
from checker.ingest.pdf_grid import Run, struck_out
from checker.models import Line, Location
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

docx = pytest.importorskip("docx")

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]


def _loud(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str]]:
    return sorted((f.id, f.kind) for f in check_file(path, packs).findings if f.severity in ("error", "warning"))


def _plan(tmp_path: Path, build) -> Path:  # type: ignore[no-untyped-def]
    d = docx.Document()
    build(d)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    return path


def test_soft_line_breaks_end_lines(tmp_path: Path) -> None:
    def build(d) -> None:  # type: ignore[no-untyped-def]
        d.add_paragraph("Trong quá trình thực hiện, nếu có vướng mắc, báo cáo Ủy ban nhân dân xã./.")
        p = d.add_paragraph()
        p.add_run("Nơi nhận:").bold = True
        for item in ["- UBND thành phố;", "- Sở Khoa học và Công nghệ;", "- Lưu: VT, VHXH."]:
            p.add_run().add_break()
            p.add_run(item)
    doc = read(_plan(tmp_path, build))
    assert parse(doc).recipients == ["UBND thành phố", "Sở Khoa học và Công nghệ", "Lưu: VT, VHXH"]
    # the paragraph stays one numbered line (findings and Word comments point at paragraphs)
    assert [ln.text for ln in doc.lines if "Nơi nhận" in ln.text] == [
        "Nơi nhận: - UBND thành phố; - Sở Khoa học và Công nghệ; - Lưu: VT, VHXH."]


def test_tab_stops_are_not_typed_tabs(tmp_path: Path) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    def build(d) -> None:  # type: ignore[no-untyped-def]
        for left, right in [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                            ("XÃ AN PHÚ", "Độc lập - Tự do - Hạnh phúc")]:
            p = d.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(3.2), WD_TAB_ALIGNMENT.CENTER)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(11.2), WD_TAB_ALIGNMENT.CENTER)
            p.add_run(f"\t{left}\t{right}")
        d.add_paragraph("KẾ HOẠCH")
    doc = read(_plan(tmp_path, build))
    assert doc.lines[0].text == "\tỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert [(b.column, b.text) for b in doc.blocks if b.kind == "header"][:2] == [
        ("left", "ỦY BAN NHÂN DÂN"), ("left", "XÃ AN PHÚ")]


def _target_table(d, ward_hoso: str) -> None:  # type: ignore[no-untyped-def]
    d.add_paragraph("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, UBND phường Lê "
                    "Chân ban hành Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số 6 tháng cuối năm 2025.")
    d.add_paragraph("II. MỤC TIÊU")
    d.add_paragraph("Chỉ tiêu cụ thể đến hết năm 2025:")
    t = d.add_table(rows=4, cols=6)
    for c, h in [(0, "TT"), (1, "Chỉ tiêu"), (2, "Đơn vị tính"), (5, "Ghi chú")]:
        t.cell(0, c).merge(t.cell(1, c)).text = h
    t.cell(0, 3).merge(t.cell(0, 4)).text = "Năm 2025"
    t.cell(1, 3).text, t.cell(1, 4).text = "Thành phố giao", "Phường thực hiện"
    rows = [("1", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", "≥ 80", ward_hoso),
            ("2", "Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số", "%", "≥ 50", "≥ 60")]
    for r, row in enumerate(rows, 2):
        for c, v in enumerate(row):
            t.cell(r, c).text = v


@pytest.mark.parametrize(("ward", "want"), [("≥ 85", None), ("≥ 65", 65.0)])
def test_merged_header_lines_up_with_the_plan_column(ward: str, want: float | None, tmp_path: Path,
                                                     packs: list[LoadedPack]) -> None:
    path = _plan(tmp_path, lambda d: _target_table(d, ward))
    targets = {t.value: t.reference_value for t in parse(read(path)).targets}
    assert targets == {85.0 if want is None else want: 80.0, 60.0: 50.0}
    weaker = [f for f in check_file(path, packs).findings if f.id == "HP215-TGT-HOSO" and f.kind == "weaker"]
    assert bool(weaker) == (want is not None)


def test_plan_issued_with_a_decision_takes_the_decision_closing(tmp_path: Path, packs: list[LoadedPack]) -> None:
    name = "xa-tue-tinh-quyet-dinh-kem-ke-hoach.docx"
    plan = parse(read(PLANS / name))
    assert plan.header.number == "312/QĐ-UBND" and plan.signature.authority == "TM. ỦY BAN NHÂN DÂN"
    assert plan.recipients[-1] == "Lưu: VT, VHXH" and (plan.header.title or "").startswith("Ứng dụng")
    form = [f for f in check_file(PLANS / name, packs).findings if f.id in ("HP215-FORM", "HP215-REFS")]
    assert form == []  # not even the symbol QĐ-UBND nor the decision as an unknown reference (info)


def test_end_of_text_and_recipients_are_never_joined() -> None:
    wrapped = ("Điều 3. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội, Trưởng phòng\n"
               "Kinh tế, Trưởng Công an xã, Giám đốc Trung tâm Phục vụ hành chính công xã và các cơ quan\n"
               "có liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký ban hành./.\n"
               "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, VHXH.\n")
    lines = [Line(text=t, loc=Location(line=k)) for k, t in enumerate(wrapped.splitlines(), 1)]
    blocks = layout.infer(lines, [])
    assert any(b.text == "Nơi nhận:" for b in blocks)


def test_pdf_struck_through_words_are_removed() -> None:
    runs = [Run(x=100, end=118, y=500, height=14, text="70"), Run(x=118, end=136, y=500, height=14, text="85"),
            Run(x=100, end=300, y=480, height=14, text="hồ sơ thủ tục hành chính")]
    strike = [(503.9, 100, 118)]  # through the middle of "70"
    underline = [(498.7, 118, 136)]  # under "85" (an insertion)
    assert [r.text for r in struck_out(runs, strike + underline)] == ["85", "hồ sơ thủ tục hành chính"]


def test_round3_pdfs_give_the_word_verdict(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Each round-3 plan and its PDF (LibreOffice, as offices print them): the same loud findings."""
    from helpers_office import convert

    names = [n for n in INDEX if f'"{n}"' in (PLANS / "word" / "make_round3.py").read_text(encoding="utf-8")]
    assert len(names) == 5
    pdfs = convert([PLANS / n for n in names], "pdf", tmp_path)
    for name, pdf in zip(names, pdfs, strict=True):
        word, printed = _loud(PLANS / name, packs), _loud(pdf, packs)
        assert printed == word, json.dumps({"plan": name, "word": word, "pdf": printed}, ensure_ascii=False)


def test_narrow_table_broken_header_and_row_numbers() -> None:
    """A PDF of a table with narrow columns: the header's words broken inside ("Thàn h phố giao", "Phư ờng thực
    hiện", "Đơ n vị tín h"), the header over two rows; the row numbers are never a figure, and the plan's column
    is still told from the city's."""
    from checker.parse.targets import targets_in_rows

    rows = [["T", "Nhóm", "Chỉ tiêu", "Đơ", "Năm 2025", "", "Ghi"],
            ["T", "chỉ tiêu", "", "n vị tín h", "Thàn h phố giao", "Phư ờng thực hiện", "chú"],
            ["1", "Dịch vụ công", "Thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến "
             "toàn trình", "%", "100", "100", ""],
            ["2", "", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", "≥ 80", "≥ 65", ""],
            ["3", "", "Kết quả giải quyết thủ tục hành chính được số hóa theo quy định", "%", "100", "100", ""]]
    cells = [[(c, 10 * i + j) for j, c in enumerate(r)] for i, r in enumerate(rows)]
    assert [(t.value, t.reference_value) for t in targets_in_rows(cells, {})] == [(100, 100), (65, 80), (100, 100)]


def test_title_after_a_soft_break_and_recipients_in_word_bullets(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"KẾ HOẠCH" and its title in one paragraph broken by Shift+Enter; Nơi nhận's items a Word bullet list
    ("•" drawn by Word, no dash typed): the document's type, title and its Lưu are all found."""
    d = docx.Document(str(PLANS / "phuong-pham-su-manh-da-cap-tu-dong.docx"))
    at = next(k for k, p in enumerate(d.paragraphs) if p.text == "KẾ HOẠCH")
    title = d.paragraphs[at + 1]
    text = title.text
    title._p.getparent().remove(title._p)
    d.paragraphs[at].add_run().add_break()
    d.paragraphs[at].add_run(text)
    cell = next(t.rows[0].cells[0] for t in d.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    for p in cell.paragraphs[1:]:
        words = p.text.lstrip("- ")
        for r in p.runs[1:]:
            r._r.getparent().remove(r._r)
        p.runs[0].text = words
        p.style = d.styles["List Bullet"]
    path = tmp_path / "plan.docx"
    d.save(str(path))
    plan = parse(read(path))
    assert (plan.header.title or "").startswith("Ứng dụng công nghệ thông tin")
    assert plan.recipients[-1] == "Lưu: VT, VHXH"
    assert _loud(path, packs) == []
