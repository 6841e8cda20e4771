"""Blind round 20b (tests/fixtures/blind-20b-expected.md: the verdicts written before the first run, and that run's
result): plans as older office machines save them, Word 97-2003 (.doc) and RTF, which check reads through LibreOffice
(checker/ingest/office.py), made by tests/fixtures/plans/word/make_round20b.py (python-docx, then soffice). The
committed .doc / .rtf are checked where LibreOffice is installed (skipped, saying why, where it is not); the .docx
each was saved from, which the generator writes without LibreOffice, always. What the round revealed, pinned on its
own:

- an appendix numbers its own groups: the group rows of its table of tasks "I. HẠ TẦNG SỐ" … "VI. KIỂM TRA, BÁO
  CÁO" were read as the plan's parts I–VI again (HP215-NUMBERING, 6 warnings a plan), after the closing and also
  where the appendix stands before it (checks.structure: a heading at the top of the outline after a "Phụ lục"
  title is numbered under that title);
- a cell merged down over the rows below it (Word's w:vMerge; an .odt's covered cells) is each row's: the "%" of an
  "Đơn vị tính" cell merged over a group of targets made the rows' bare figures ("≥ 80", "> 90") percentages in the
  first row only, and the others were reported missing (4 errors and a warning); the table now holds the top cell
  in each row it covers (ingest.wordproc.merged_down);
- a date set after a tab closing a Căn cứ line (a dotted leader in Word: "Nghị định số 45/2020/NĐ-CP của Chính phủ
  về …<tab>ngày 08/4/2021;") is the document's: its wrong year was missed (parse.citations.DATE_AFTER_TAB);
- the closing's table run into the table above it, as LibreOffice joins two tables a section break parted when it
  saves a .doc ("… | Nơi nhận: … | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Đỗ Mạnh Cường | |"): the signer's name is the last
  cell with text, not the empty last cell (parse.header._last_column; it was "Phần chữ ký thiếu: họ tên người ký").
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from helpers_blind import INDEX, PLANS, loud, placed, want
from helpers_office import convert, needs_office

from checker.ingest import read
from checker.parse import parse
from checker.rules.loader import LoadedPack

sys.path.insert(0, str(PLANS / "word"))
try:
    GENERATOR = importlib.import_module("make_round20b")
finally:
    sys.path.pop(0)
ROUND = sorted(n for n in INDEX if n.endswith((".doc", ".rtf")) and any(n.startswith(s) for s in GENERATOR.PLANS))
GOOD = [n for n in ROUND if INDEX[n]["compliant"]]
BAD = [n for n in ROUND if not INDEX[n]["compliant"]]


def test_round_plans_listed() -> None:
    assert len(ROUND) == 6 and len(GOOD) == 3
    assert sum(len(INDEX[n]["defects"]) for n in BAD) == 10


@pytest.mark.parametrize("name", GOOD)
def test_compliant_plan_silent(name: str, packs: list[LoadedPack]) -> None:
    needs_office(name)
    assert loud(PLANS / name, packs) == set()


@pytest.mark.parametrize("name", BAD)
def test_defective_plan_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    """Every defect at its place and nothing else."""
    needs_office(name)
    assert placed(loud(PLANS / name, packs), want(name)) == want(name)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The six .docx the generator writes (python-docx only), each the file its .doc or .rtf was saved from."""
    out = tmp_path_factory.mktemp("round20b")
    for stem, build in GENERATOR.PLANS.items():
        for bad in (False, True):
            build(out / f"{stem}-{'loi' if bad else 'dat-chuan'}.docx", bad)
    return out


@pytest.mark.parametrize("name", ROUND)
def test_the_word_file_it_was_saved_from(name: str, originals: Path, packs: list[LoadedPack]) -> None:
    """The .docx before LibreOffice saved it (text boxes, frames, merged cells, footnotes as python-docx wrote them):
    the same defects, by rule and kind (its paragraphs are numbered as Word's, not as the saved file's)."""
    found = loud(originals / f"{Path(name).stem}.docx", packs)
    assert {(i, k) for i, k, _ in found} == {(i, k) for i, k, _ in want(name)}


# --------------------------------------------------------------------------- each fix on its own
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_unit_merged_down_is_each_rows(fmt: str, originals: Path, packs: list[LoadedPack]) -> None:
    """Kẻ Sặt's targets table: "%" in the group's first row, merged down over the rows of bare figures (w:vMerge in
    the .docx; in the .odt LibreOffice makes of it, table:number-rows-spanned over covered cells)."""
    path = originals / "xa-ke-sat-rtf-khung-can-cu-dan-cham-dat-chuan.docx"
    if fmt == "odt":
        path = convert([path], "odt", originals / "odt")[0]
    assert not [f for f in loud(path, packs) if f[0].startswith("HP215-TGT")]


TEXT = PLANS / "xa-vinh-bao-gach-dau-dong.txt"  # a compliant text plan, its parts I. … IV., its closing at the end
APPENDIX = ("Phụ lục\nNHIỆM VỤ CỤ THỂ\n(Kèm theo Kế hoạch của UBND xã Vĩnh Bảo)\n\nI. HẠ TẦNG SỐ\n"
            "- Duy trì điểm cầu hội nghị truyền hình trực tuyến: Văn phòng HĐND và UBND xã, thường xuyên.\n"
            "II. CHÍNH QUYỀN SỐ\n- Ký số văn bản đi: Văn phòng HĐND và UBND xã, thường xuyên.\n"
            "III. DỮ LIỆU SỐ\n- Cập nhật Kho dữ liệu dùng chung: Phòng Văn hóa - Xã hội, Quý IV/2025.\n")


@pytest.mark.parametrize("where", ["after the closing", "before the closing"])
def test_an_appendix_numbers_its_own_groups(where: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = TEXT.read_text(encoding="utf-8")
    if where == "after the closing":
        text = f"{text}\n{APPENDIX}"
    else:
        at = text.index("Nơi nhận:")
        text = f"{text[:at]}{APPENDIX}\n{text[at:]}"
    path = tmp_path / TEXT.name
    path.write_text(text, encoding="utf-8")
    assert not [f for f in loud(path, packs) if f[0] == "HP215-NUMBERING"]


@pytest.mark.parametrize(("date", "found"), [("ngày 08/4/2020", False), ("ngày 08/4/2021", True),
                                             ("ngày 08 tháng 4 năm 2021", True)])
def test_a_date_after_the_leader_is_the_documents(date: str, found: bool, tmp_path: Path,
                                                  packs: list[LoadedPack]) -> None:
    text = TEXT.read_text(encoding="utf-8")
    at = text.index("Căn cứ Kế hoạch số 215")
    line = (f"Căn cứ Nghị định số 45/2020/NĐ-CP của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện "
            f"tử\t{date};\n")
    path = tmp_path / TEXT.name
    path.write_text(text[:at] + line + text[at:], encoding="utf-8")
    refs = [f for f in loud(path, packs) if f[0] == "HP215-REFS"]
    assert refs == ([("HP215-REFS", "outdated", text[:at].count("\n") + 1)] if found else [])


def test_the_closing_run_into_the_table_above(packs: list[LoadedPack]) -> None:
    """Ngô Quyền's closing, after the landscape appendices, read as a row of the teams' table: its signer found."""
    name = "phuong-ngo-quyen-doc-phu-luc-ngang-dat-chuan.doc"
    needs_office(name)
    assert parse(read(PLANS / name)).signature.name == "Đỗ Mạnh Cường"
    assert not [f for f in loud(PLANS / name, packs) if f[0] == "HP215-FORM"]
