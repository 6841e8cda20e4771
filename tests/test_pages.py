"""What page breaks leave in a PDF's text is not part of the plan: page numbers (NĐ 30/2020: every page but the
first numbered, centred at the top), as a PDF's text layer and text taken from a PDF keep them, while a table's row
numbers alone on their lines, a list item "- 2" and a figure are kept; and the header row Word repeats at the top of
each page a long table runs over. The layouts that carry page numbers ("pdftotext-page-breaks",
"copied-from-pdf-page-numbers", Word saved as PDF with its pages numbered) are in tests/layouts.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from checker.ingest import pages, read
from checker.ingest.txt import lines_of
from checker.pipeline import check_file
from checker.rules.loader import load_packs

GOOD = (ROOT / "plans" / "phuong-hai-an-dat.txt").read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize(("text", "number"), [
    ("2", 2), ("   12  ", 12), ("- 3 -", 3), ("– 3 –", 3), ("Trang 4", 4), ("Trang 4/9", 4), ("trang 4 trên 9", 4),
    ("TRANG 5 / 9", 5), ("Page 6 of 9", 6), ("Tr. 7", 7), ("2/7", 2),
    ("2.", None), ("- 2", None), ("2%", None), ("100%", None), ("II", None), ("Trang thông tin điện tử 2", None),
    ("2 lần", None), ("2/7/2025", None), ("", None),
])
def test_forms_of_a_page_number(text: str, number: int | None) -> None:
    assert pages.page_number(text) == number


def _texts(lines: list[str]) -> list[str]:
    return [ln.text for ln in lines_of("\n".join(lines))]


def test_a_number_beside_a_form_feed_is_the_page_s() -> None:
    text = "Tỷ lệ hồ sơ được xử lý trực tuyến toàn\f                 2\n\ntrình đạt 80%.\n3. Nhiệm vụ\f3\nb) Việc"
    got = [(ln.loc.line, ln.text) for ln in lines_of(text)]
    # the lines keep their numbers in the file, as an editor counts them: a form feed is not a line break
    assert got == [(1, "Tỷ lệ hồ sơ được xử lý trực tuyến toàn"), (3, "trình đạt 80%."), (4, "3. Nhiệm vụ"),
                   (5, "b) Việc")]


def test_numbers_going_up_a_page_apart_are_page_numbers() -> None:
    body = [f"Dòng {k} của kế hoạch." for k in range(130)]
    text = body[:40] + ["2"] + body[40:80] + ["3"] + body[80:]
    assert _texts(text) == body


def test_a_lone_2_far_from_any_number_is_the_second_page_s() -> None:
    body = [f"Dòng {k} của kế hoạch." for k in range(60)]
    assert _texts(body[:35] + ["", "2", ""] + body[35:]) == body


def test_row_numbers_alone_on_their_lines_are_kept() -> None:
    rows = [x for k in range(1, 9) for x in (str(k), f"Nhiệm vụ {k}", "Văn phòng", "Quý IV")]
    assert _texts(["Bảng phân công", *rows]) == ["Bảng phân công", *rows]
    far = ["Mở đầu", *[f"Dòng {k}" for k in range(30)], "3", "Cuối"]  # a 3 alone: not a page number by itself
    assert _texts(far) == far
    item = ["Các chỉ tiêu:", *[f"Dòng {k}" for k in range(30)], "- 2", "Cuối"]  # a list's item, not "- 2 -"
    assert _texts(item) == item


def test_pdf_page_number_at_the_top_or_the_foot_only() -> None:
    page = [("line", "Nội dung trang"), ("line", ""), ("line", "5"), ("line", "Hết trang")]
    got = pages.from_pages([[("line", "Trang đầu")], [("line", "   2"), ("line", ""), *page],
                            [*page, ("line", ""), ("line", "Trang 3/3")]])
    assert got == [[("line", "Trang đầu")], page, page]
    far = [("line", "40"), ("line", "Nội dung")]  # not near the page's place: kept
    assert pages.from_pages([far]) == [far]


def test_a_plan_with_page_numbers_is_checked_as_without(tmp_path: Path) -> None:
    packs = load_packs()
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(GOOD), encoding="utf-8")
    paged = tmp_path / "paged.txt"
    body = [x for k in range(0, len(GOOD), 25) for x in ([f"\f{k // 25 + 1}"] if k else []) + GOOD[k : k + 25]]
    paged.write_text("\n".join(body), encoding="utf-8")
    a, b = check_file(plain, packs), check_file(paged, packs)
    assert a.status == b.status == "checked"
    assert sorted((f.id, f.kind) for f in a.findings) == sorted((f.id, f.kind) for f in b.findings)


def test_a_table_over_two_pages_with_its_header_repeated_is_one_table(tmp_path: Path) -> None:
    """Word repeats a long table's header row on every page ("Repeat as header row"); its PDF shows the header again
    at the top of the next page. Pushed down by blank paragraphs, the plan's target table breaks across the page at
    every row in turn: the findings are the Word file's each time (before: a target lost at the break, "missing")."""
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml
    from helpers_office import convert
    from layouts import W_NS, blocks_of, render_docx

    packs = load_packs()
    plan = ROOT / "tests" / "fixtures" / "plans" / "xa-thanh-ha-cot-thanh-pho-truoc.txt"
    base = render_docx(blocks_of(plan), tmp_path / "base.docx", auto_numbering=True)
    made = []
    for pad in range(0, 44, 4):
        d = docx.Document(str(base))
        table = d.tables[1]  # the target table (the first is the header's two columns)
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
        for _ in range(pad):
            table._tbl.addprevious(parse_xml(f'<w:p xmlns:w="{W_NS}"/>'))
        d.save(str(tmp_path / f"pad{pad:02d}.docx"))
        made.append(tmp_path / f"pad{pad:02d}.docx")
    want = sorted((f.id, f.kind) for f in check_file(base, packs).findings)
    split = 0
    for pdf in convert(made, "pdf", tmp_path):
        cells = [ln for ln in read(pdf).lines if ln.loc.table is not None]  # the header's table has no rules
        assert {ln.loc.table for ln in cells} == {1}, pdf.name  # one table, not one a page
        header = [ln.text for ln in cells if ln.loc.row == 1]
        split += len({ln.loc.page for ln in cells}) > 1
        assert len(header) == len(set(header)), (pdf.name, header)  # the header row read once
        assert sorted((f.id, f.kind) for f in check_file(pdf, packs).findings) == want, pdf.name
    assert split >= 3  # the table did run over a page break, at several rows
