"""Round 4 of blind Word plans (tests/fixtures/plans/word/make_round4.py, index.yaml says the style of each): seven
compliant plans, each checked as its Word file and as the PDF LibreOffice prints from it; what they revealed, pinned.

- a Word footnote is read, just after the paragraph calling it ("Thực hiện Kế hoạch số 215/KH-UBND ...¹" and the
  note giving its date): a wrong date in the note is found, and the finding says which note (``location.footnote``,
  "chú thích 3"); --annotate comments on the paragraph calling the note, --fix leaves the note as it is;
- a text box is read where it is anchored (the appendix's title block just before the appendix's table), not before
  the whole document;
- Word's legal numbering (w:isLgl) draws "1.1." under "Phần I.", as Word prints it;
- in a PDF, a footnote's call printed after a word in small raised type ("85/2016/NĐ-CP¹") is not glued to it, and a
  running page header or footer with words ("Kế hoạch ... 6 tháng cuối năm 2025 - Trang 2") is page furniture: it
  no longer cuts a table running over the page break, and is read once after the last page;
- a figure the plan dates before itself ("Năm 2024, tỷ lệ ... đạt 71%", "Đến ngày 30/6/2025, ... đạt 64%"), beside
  the targets, is a result reached, not a second, lower target; a footnote sets no target (it explains or cites);
- in a Word file, only the header the first page shows is read before the body (where templates put the issuer);
  the headers printed from page 2 on are read after it, with the footers, as the PDF reads them: another unit's
  name left there is found once and never taken for the issuer.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.ingest import pages, read
from checker.ingest.pdf_grid import Run
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

docx = pytest.importorskip("docx")

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
ROUND4 = [n for n in INDEX if f'"{n}"' in (PLANS / "word" / "make_round4.py").read_text(encoding="utf-8")]


def _all(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, str]]:
    result = check_file(path, packs)
    return sorted((f.id, f.kind, f.severity) for f in [*result.findings, *result.general])


def _with(src: Path, dst: Path, member: str, old: str, new: str) -> Path:
    """A copy of the Word file ``src`` with ``old`` replaced by ``new`` in one of its parts."""
    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == member:
                assert old.encode() in data, old
                data = data.replace(old.encode(), new.encode())
            out.writestr(info, data)
    return dst


TAN_HUNG = PLANS / "phuong-tan-hung-chu-thich-can-cu.docx"


def test_round4_plans_are_listed_compliant() -> None:
    assert len(ROUND4) == 7 and all(INDEX[n]["compliant"] for n in ROUND4)


def test_footnote_read_after_the_paragraph_calling_it() -> None:
    doc = read(TAN_HUNG)
    texts = [ln.text for ln in doc.lines]
    k = next(i for i, t in enumerate(texts) if t.startswith("Thực hiện Kế hoạch số 215/KH-UBND"))
    assert texts[k + 1].startswith("Kế hoạch số 215/KH-UBND ngày 25/8/2025")  # the note, where the call is
    assert doc.lines[k + 1].loc.footnote == 3 and doc.lines[k + 1].loc.paragraph is None
    assert "chú thích 3" in doc.lines[k + 1].loc.describe()
    assert doc.lines[k].loc.footnote is None


def test_wrong_date_in_a_footnote_found_there(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The directive's date written only in the note, and written wrong: found, at the note."""
    path = _with(TAN_HUNG, tmp_path / "plan.docx", "word/footnotes.xml", "ngày 25/8/2025", "ngày 25/7/2025")
    cite = [f for f in check_file(path, packs).findings if f.id == "HP215-CITE"]
    assert [(f.kind, f.actual) for f in cite] == [("inconsistent", "25/7/2025")]
    assert cite[0].location is not None and cite[0].location.footnote == 3
    assert "25/7/2025" in (cite[0].evidence or "")


def test_annotate_and_fix_keep_the_reader_numbering_with_footnotes(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """--annotate and --fix find a line where the reader put it: a note's finding is commented on the paragraph
    calling the note; the note's date is not changed (it lives in its own part), the finding stays a comment."""
    from checker.annotate import blocks_of
    from checker.tracked import fix_docx

    path = _with(TAN_HUNG, tmp_path / "plan.docx", "word/footnotes.xml", "ngày 25/8/2025", "ngày 25/7/2025")
    d = docx.Document(str(path))
    blocks = blocks_of(d)
    lines = read(path).lines
    assert len(blocks) == len(lines)
    note = next(k for k, ln in enumerate(lines) if ln.loc.footnote == 3)
    assert blocks[note].note and blocks[note].anchor is not None
    assert "".join(t.text or "" for t in blocks[note].anchor.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")).startswith("Thực hiện Kế hoạch")
    findings = check_file(path, packs).findings
    fixes = [f.fix for f in findings if f.fix is not None and f.id == "HP215-CITE"]
    assert fixes
    data, applied, skipped = fix_docx(path.read_bytes(), fixes, findings)
    assert applied == [] and skipped == fixes
    (tmp_path / "fixed.docx").write_bytes(data)
    assert "25/7/2025" in [ln.text for ln in read(tmp_path / "fixed.docx").lines][note]


def test_footnotes_of_a_file_without_notes() -> None:
    from checker.ingest.docx import footnotes_of

    assert footnotes_of(docx.Document(str(PLANS / "xa-lai-khe-phan-muc-kieu-de-muc.docx"))) == {}


def test_text_box_read_at_its_anchor() -> None:
    """The appendix's title block in a text box on the landscape page after the signature: read there, just
    before the appendix's table, not before the document's header."""
    texts = [ln.text for ln in read(PLANS / "xa-hong-chau-phu-luc-ngang-hop-van-ban.docx").lines]
    assert texts[0].startswith("ỦY BAN NHÂN DÂN")
    box = texts.index("Phụ lục")
    signer = next(k for k, t in enumerate(texts) if "Nguyễn Văn Hải" in t)
    assert signer < box < texts.index("STT")
    assert texts[box + 2].startswith("(Kèm theo Kế hoạch số 132/KH-UBND")


def test_legal_numbering_draws_figures() -> None:
    """w:isLgl on the sub-part level: "1.1." under "Phần I.", as Word prints it (LibreOffice prints "I.1.")."""
    texts = [ln.text for ln in read(PLANS / "xa-lai-khe-phan-muc-kieu-de-muc.docx").lines]
    assert "Phần I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "1.1. Mục đích" in texts and "2.2. Mục tiêu cụ thể đến hết năm 2025" in texts


def test_pdf_note_call_is_not_glued_to_its_word() -> None:
    from checker.ingest.pdf_grid import without_note_calls

    word = Run(x=113.5, end=397.9, y=485.6, height=14.0, text="Căn cứ Nghị định số 85/2016/NĐ-CP")
    call = Run(x=398.2, end=403.4, y=491.1, height=8.1, text="1")
    row_number = Run(x=60.0, end=66.0, y=485.6, height=14.0, text="1")  # a figure in the text's size: kept
    note = Run(x=85.2, end=94.1, y=182.7, height=14.0, text="1")  # the note's own number at the foot: kept
    assert without_note_calls([word, call, row_number, note]) == [word, row_number, note]


def _page(top: str, body: list[str], foot: str) -> list[pages.Item]:
    return [("line", top), ("line", ""), *[("line", t) for t in body], ("line", ""), ("line", foot)]


def test_running_header_and_footer_taken_out() -> None:
    parts = ["Hạ tầng số", "Chính quyền số", "Dữ liệu số", "An toàn thông tin"]
    doc = [_page("UBND phường An Phong - Dự thảo lần 2", [part, "Tỷ lệ hồ sơ ... đạt tối thiểu", f"80% {part.lower()}"],
                 f"Kế hoạch chuyển đổi số 6 tháng cuối năm 2025 - Trang {n}/4") for n, part in enumerate(parts, 1)]
    out = pages.from_pages(doc)
    texts = [t for page in out for kind, t in page if kind == "line" and t.strip()]
    # out of the pages, read once after the last one (as the Word reader reads running headers and footers)
    assert [t for t in texts if "Dự thảo" in t or "Trang" in t] == texts[-2:] == [
        "UBND phường An Phong - Dự thảo lần 2", "Kế hoạch chuyển đổi số 6 tháng cuối năm 2025 - Trang 1/4"]
    assert texts[:4] == ["Hạ tầng số", "Tỷ lệ hồ sơ ... đạt tối thiểu", "80% hạ tầng số", "Chính quyền số"]
    assert texts.count("Tỷ lệ hồ sơ ... đạt tối thiểu") == 4
    two = pages.from_pages(doc[:2])  # two pages: too few to tell furniture from text
    assert any("Dự thảo" in t for page in two for kind, t in page if kind == "line")


def test_table_over_a_page_break_under_a_running_footer(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The narrow target table running over a page break, in a file with a page header and a footer of words (as
    offices print drafts): the PDF reads it as one table with its header once, and gives the Word file's verdict."""
    from docx.oxml import parse_xml
    from helpers_office import convert

    d = docx.Document(str(PLANS / "phuong-an-phong-bang-hep-lap-tieu-de.docx"))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    page = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    for part, xml in [(d.sections[0].footer, '<w:r><w:t xml:space="preserve">Kế hoạch chuyển đổi số 6 tháng cuối '
                                              'năm 2025 - Trang </w:t></w:r>' + page),
                      (d.sections[0].header, "<w:r><w:t>UBND phường An Phong - Dự thảo lần 2</w:t></w:r>")]:
        for el in parse_xml(f"<w:p {w}>{xml}</w:p>"):
            part.paragraphs[0]._p.append(el)
    word = tmp_path / "plan.docx"
    d.save(str(word))
    (pdf,) = convert([word], "pdf", tmp_path)
    doc = read(pdf)
    assert max(ln.loc.page or 0 for ln in doc.lines) >= 3  # the table does run over a page break
    assert [len(t.rows) for t in doc.tables] == [10]
    header = [ln.text.strip() for ln in doc.lines if "Dự thảo lần 2" in ln.text]
    assert header == ["UBND phường An Phong - Dự thảo lần 2"]
    assert _all(pdf, packs) == [] == _all(word, packs)


def test_another_units_name_left_in_the_running_header(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A ward's plan made from another ward's file, the other's name left in the header printed from page 2 on: the
    issuer is still the ward of the first page, and the leftover is found once, at the header, in the Word file and
    in its PDF alike (neither every mention of the ward taken as another's, nor the header read mid-page)."""
    from docx.oxml import parse_xml
    from helpers_office import convert

    d = docx.Document(str(TAN_HUNG))
    d.sections[0].different_first_page_header_footer = True
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for el in parse_xml(f"<w:p {w}><w:r><w:t>ỦY BAN NHÂN DÂN PHƯỜNG AN PHONG</w:t></w:r></w:p>"):
        d.sections[0].header.paragraphs[0]._p.append(el)
    word = tmp_path / "plan.docx"
    d.save(str(word))
    (pdf,) = convert([word], "pdf", tmp_path)
    for path in (word, pdf):
        result = check_file(path, packs)
        loud = [f for f in result.findings if f.severity in ("error", "warning")]
        assert result.unit == "Phường Tân Hưng"
        assert [(f.id, f.kind) for f in loud] == [("HP215-UNITNAME", "inconsistent")], path.suffix
        assert "AN PHONG" in (loud[0].evidence or "") and loud[0].line == max(ln.loc.line for ln in read(path).lines
                                                                               if "AN PHONG" in ln.text)


def test_round4_pdfs_give_the_word_findings(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Each round-4 plan and its PDF (LibreOffice): no finding in either (not even at info level)."""
    from helpers_office import convert

    pdfs = convert([PLANS / n for n in ROUND4], "pdf", tmp_path)
    for name, pdf in zip(ROUND4, pdfs, strict=True):
        word, printed = _all(PLANS / name, packs), _all(pdf, packs)
        assert printed == word == [], json.dumps({"plan": name, "word": word, "pdf": printed}, ensure_ascii=False)


def _with_note(src: Path, dst: Path, number: str, text: str) -> Path:
    """A copy of the Word file ``src`` whose footnote ``number`` (its w:id) says ``text``."""
    import re

    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    note = (f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
            f'</w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == "word/footnotes.xml":
                xml, n = re.subn(rf'<w:footnote w:id="{number}">.*?</w:footnote>', note, data.decode(), flags=re.S)
                assert n == 1
                data = xml.encode()
            out.writestr(info, data)
    return dst


@pytest.mark.parametrize("past", [
    "Năm 2024, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình của phường đạt 71%.",
    "Đến ngày 30/6/2025, tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình đạt 64%."])
def test_past_figure_beside_the_target_is_no_target(past: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The plan (dated 26/9/2025) gives, under its target, the figure reached before it: no second target."""
    d = docx.Document(str(TAN_HUNG))
    target = next(p for p in d.paragraphs if p.text.startswith("b) Tối thiểu 80%"))
    target._p.addnext(target.insert_paragraph_before(past)._p)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    assert _all(path, packs) == []


def test_a_footnote_sets_no_target(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A note on the online-dossier target giving a figure (here one still to come): read, but not a target."""
    path = _with_note(TAN_HUNG, tmp_path / "plan.docx", "4", "Đến ngày 30/9/2025, tỷ lệ hồ sơ thủ tục hành chính "
                      "xử lý trực tuyến toàn trình của phường đạt 64%, tỷ lệ cán bộ, công chức, viên chức được "
                      "tập huấn kỹ năng số đạt 35%.")
    assert any("phường đạt 64%" in ln.text and ln.loc.footnote for ln in read(path).lines)
    assert _all(path, packs) == []
