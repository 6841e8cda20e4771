"""Blind round 10w (tests/fixtures/blind-10w-expected.md; the files made by tests/fixtures/plans/word/make_round10.py):
Word plans made by LibreOffice Writer, by a drafting template filled in through its content controls, and by hand
with fields, a hyperlink and a landscape appendix. What they revealed, pinned:

- hidden text (Word's Font → Hidden, ``w:vanish``; ODF's ``text:display="none"``), which neither program shows or
  prints, is not read: a template's guidance left hidden ("ví dụ: Tối thiểu 50% hồ sơ …") set a weaker target, a
  first draft's figure hidden after a target was read with it;
- content controls nested in content controls (a repeating section whose items are a table's rows) and custom XML
  elements (an older template's mapping round a part) are opened: the targets table's rows and the parts Giải pháp,
  Kinh phí inside were not read at all (seven targets and two parts "missing", a numbering gap IV–V);
- endnotes (word/endnotes.xml) are read as footnotes are, just after the paragraph calling them, numbered with the
  footnotes in the order they are called, as the .odt reader numbers its notes: a wrong date of a decree cited only
  in an endnote was missed;
- what was already right stays so: comments are not the plan's text, a text box with a VML fallback copy is read
  once, a field shows its result and never its instruction, a nested table's cells read in its cell.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.ingest import read
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

docx = pytest.importorskip("docx")

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
ROUND10 = [n for n in INDEX if f'"{n}"' in (PLANS / "word" / "make_round10.py").read_text(encoding="utf-8")]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _found(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, int | None]]:
    result = check_file(path, packs)
    return sorted((f.id, f.kind, f.line) for f in [*result.findings, *result.general]
                  if f.severity in ("error", "warning"))


def _texts(path: Path) -> list[str]:
    return [ln.text for ln in read(path).lines]


def _odt(tmp_path: Path, defective: bool) -> Path:
    sys.path.insert(0, str(PLANS / "word"))
    try:
        import make_round10
    finally:
        sys.path.pop(0)
    path = tmp_path / f"thuong-hong-{'loi' if defective else 'dat-chuan'}.odt"
    make_round10.thuong_hong_odt(path, defective)
    return path


def test_round10_plans_listed() -> None:
    assert len(ROUND10) == 6 and sum(INDEX[n]["compliant"] for n in ROUND10) == 3


@pytest.mark.parametrize("name", [n for n in ROUND10 if INDEX[n]["compliant"]])
def test_compliant_plan_silent(name: str, packs: list[LoadedPack]) -> None:
    assert _found(PLANS / name, packs) == []


@pytest.mark.parametrize("name", [n for n in ROUND10 if not INDEX[n]["compliant"]])
def test_defective_plan_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    want = sorted((d["id"], d["kind"], d["line"]) for d in INDEX[name]["defects"])
    assert _found(PLANS / name, packs) == want


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    """A template's guidance hidden in a paragraph of its own, a first draft's figure hidden after a target (Word
    and the OpenDocument it was made from): not read; the hidden paragraph keeps its (empty) line."""
    guide = _texts(PLANS / "xa-duong-an-mau-o-dieu-khien-dat-chuan.docx")
    assert not any("Hướng dẫn sử dụng mẫu" in t or "ví dụ: Tối thiểu 50%" in t for t in guide)
    assert guide[2] == ""  # the hidden paragraph after the header table: a line of its own, empty
    for path in (PLANS / "xa-thuong-hong-libreoffice-dat-chuan.docx", _odt(tmp_path, False)):
        work = [t for t in _texts(path) if "hồ sơ công việc được xử lý" in t]
        assert work == ["c) Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 80% (trừ hồ sơ công việc thuộc "
                        "phạm vi bí mật nhà nước);"], path.suffix


def test_hidden_text_by_style_and_shown_again(tmp_path: Path) -> None:
    """Hidden through a character style or the paragraph's style; a run saying w:vanish w:val="0" is shown even
    in a hidden style."""
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    hidden_chars = d.styles.add_style("Ghi chú mẫu", WD_STYLE_TYPE.CHARACTER)
    hidden_chars.font.hidden = True
    hidden_para = d.styles.add_style("Hướng dẫn", WD_STYLE_TYPE.PARAGRAPH)
    hidden_para.font.hidden = True
    p = d.add_paragraph("Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình")
    p.add_run(" (mẫu: 50%)", style="Ghi chú mẫu")
    q = d.add_paragraph("Ví dụ: tối thiểu 50% hồ sơ.", style="Hướng dẫn")
    shown = q.add_run(" Mục tiêu cụ thể")
    shown.font.hidden = False
    d.save(tmp_path / "plan.docx")
    assert _texts(tmp_path / "plan.docx") == [
        "Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "Mục tiêu cụ thể"]


def test_nested_content_controls_and_custom_xml_opened() -> None:
    texts = _texts(PLANS / "xa-duong-an-mau-o-dieu-khien-dat-chuan.docx")
    assert sum(t.startswith("Mức độ hài lòng") for t in texts) == 1  # a row of the repeating section, read once
    assert "IV. GIẢI PHÁP" in texts and "V. KINH PHÍ THỰC HIỆN" in texts  # inside w:customXml
    assert sum("DỰ THẢO" in t for t in texts) == 1  # a text box and its VML fallback copy: read once
    assert not any("Đề nghị" in t or "Thông tin và Truyền thông" in t for t in texts)  # comments are not text


def test_endnote_read_after_the_paragraph_calling_it(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The endnote read, just after the paragraph calling it, numbered as the .odt reader numbers it; its wrong
    date found there, in the .docx LibreOffice saved as in the .odt it was made from."""
    doc = read(PLANS / "xa-thuong-hong-libreoffice-loi.docx")
    k = next(i for i, ln in enumerate(doc.lines) if ln.text.startswith("Căn cứ Nghị định số 45/2020"))
    assert doc.lines[k + 1].text.startswith("Nghị định số 42/2022/NĐ-CP ngày 24/6/2021")
    assert doc.lines[k + 1].loc.footnote == 1 and "chú thích 1" in doc.lines[k + 1].loc.describe()
    for path in (PLANS / "xa-thuong-hong-libreoffice-loi.docx", _odt(tmp_path, True)):
        refs = [f for f in check_file(path, packs).findings if f.id == "HP215-REFS" and f.severity == "warning"]
        assert [(f.kind, f.location.footnote if f.location else None) for f in refs] == [("outdated", 1)]


@pytest.mark.parametrize("defective", [False, True])
def test_odt_source_gives_the_docx_findings(defective: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The .odt written in LibreOffice and the .docx LibreOffice saved from it: the same findings."""
    name = f"xa-thuong-hong-libreoffice-{'loi' if defective else 'dat-chuan'}.docx"

    def key(path: Path) -> list[tuple[str, str, str, str | None]]:
        result = check_file(path, packs)
        return sorted((f.id, f.kind, f.severity, f.evidence) for f in [*result.findings, *result.general])
    assert key(_odt(tmp_path, defective)) == key(PLANS / name)


def test_annotate_and_fix_keep_the_reader_numbering(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """--annotate and --fix number as the reader does (hidden paragraph, endnote, nested controls, custom XML): the
    endnote's comment goes on the paragraph calling it, the directive's wrong date is fixed, the note left as is."""
    from checker.annotate import blocks_of
    from checker.tracked import fix_docx

    for name in ROUND10:
        assert len(blocks_of(docx.Document(str(PLANS / name)))) == len(read(PLANS / name).lines), name
    path = PLANS / "xa-thuong-hong-libreoffice-loi.docx"
    blocks, lines = blocks_of(docx.Document(str(path))), read(path).lines
    note = next(k for k, ln in enumerate(lines) if ln.loc.footnote == 1)
    assert blocks[note].note and blocks[note].anchor is not None
    assert "".join(t.text or "" for t in blocks[note].anchor.iter(f"{W}t")).startswith("Căn cứ Nghị định số 45")
    findings = check_file(path, packs).findings
    fixes = [f.fix for f in findings if f.fix is not None]
    data, applied, _ = fix_docx(path.read_bytes(), fixes, findings)
    assert [fx.new for fx in applied] == ["25/8/2025"]  # the directive's date, in the body
    (tmp_path / "fixed.docx").write_bytes(data)
    assert "24/6/2021" in _texts(tmp_path / "fixed.docx")[note]  # the note as it was


def test_fields_show_their_result_and_nested_table_read_in_its_cell() -> None:
    texts = _texts(PLANS / "xa-nam-an-phu-phu-luc-ngang-truong-dat-chuan.docx")
    assert not any("CREATEDATE" in t or "HYPERLINK" in t or "_Ref209113" in t or "SEQ" in t for t in texts)
    assert any(t.endswith("Nam An Phụ, ngày 22 tháng 9 năm 2025") for t in texts)
    assert "Lộ trình: Quý III/2025 75% Quý IV/2025 85%" in texts


def test_odt_hidden_fields_not_read(tmp_path: Path) -> None:
    """LibreOffice's fields that hide text while their condition holds (``text:is-hidden="true"``): a hidden text
    field's words and a paragraph holding a hidden paragraph field are not read, as LibreOffice does not show
    them; when the condition does not hold they are read."""
    from helpers_odt import make_odt

    body = ('<text:p>Tối thiểu 85% hồ sơ<text:hidden-text text:condition="ooow:1" text:string-value=" (mẫu: 50%)" '
            'text:is-hidden="true"> (mẫu: 50%)</text:hidden-text>.</text:p>'
            '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>Ví dụ: 50% hồ sơ.</text:p>'
            '<text:p>Mục tiêu<text:hidden-text text:condition="ooow:0" text:string-value=" cụ thể" '
            'text:is-hidden="false"> cụ thể</text:hidden-text></text:p>')
    assert _texts(make_odt(tmp_path / "plan.odt", body)) == ["Tối thiểu 85% hồ sơ.", "", "Mục tiêu cụ thể"]
