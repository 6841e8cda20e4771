"""Blind round 25g (tests/fixtures/blind-25g-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, their Căn cứ and the documents they cite, written in forms no earlier
fixture used (a Luật by name and year, "NĐ 42/2022/NĐ-CP (24/6/2022)", a number and its date split over a wrap, the
date before the number, dates spelled out and with dashes, documents joined by ";", "Căn cứ:" with one dash per
document, documents the registry lacks, amended and replaced documents cited as history, 215 by title then by
number); units of the former Hải Dương. Scored twice: by the index (every defect at its line, nothing else) and as
the reviewed folder is scored (tests/fixtures/blind-25g-expected.json, tests/test_plans_reviewed.py's ``verdict``),
also laid out as Word files. What the round revealed, pinned on its own:

- the date written before the number, "số" alone between them, as a document's own header orders them ("Chỉ thị
  ngày 23/02/2024 số 09/CT-TTg", "Nghị quyết của Ủy ban Thường vụ Quốc hội ngày 16/6/2025 số 1669/NQ-UBTVQH15"),
  was not the citation's date: a wrong year went unreported (parse/citations ``DATE_BEFORE``);
- a number without a year (71/NQ-CP) cited with a date of a year the registry does not know it in was taken for
  another year's document and passed in silence, though the plan writes the registered document's own title after
  it: the title says which document is meant, and its date is compared (checks/references ``_titled``);
- found by test_layouts_agree: a citation's history note in brackets ("(đã được thay thế bởi …)") told it as history
  only when the wrap left the note on the citation's own line (checks/references ``_historical``);
- left by the round, fixed in round 29a: a registered number cited with another registered document's date and
  title ("NĐ 45/2020/NĐ-CP (24/6/2022)" and 42/2022's title) is that document's number miswritten, told as such
  (checks/references ``_renumbered``), not as 45/2020 with a wrong date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.ingest import read
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("25g")


# --------------------------------------------------------------------------- each fix on its own
def _refs(text: str, tmp_path: Path) -> dict[str, tuple[str | None, str | None]]:
    path = tmp_path / "plan.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nKẾ HOẠCH\n" + text + "\nI. MỤC TIÊU\nNội dung.\n", encoding="utf-8")
    return {r.raw_number: (r.raw_date, r.issuer) for r in parse(read(path)).references}


@pytest.mark.parametrize(("line", "number", "date"), [
    ("Căn cứ Chỉ thị ngày 23/02/2024 số 09/CT-TTg của Thủ tướng Chính phủ;", "09/CT-TTg", "23/02/2024"),
    ("Căn cứ Nghị quyết của Ủy ban Thường vụ Quốc hội ngày 16/6/2025 số 1669/NQ-UBTVQH15;", "1669/NQ-UBTVQH15",
     "16/6/2025"),
    ("Căn cứ Quyết định ngày 06 tháng 01 năm 2022 số 06/QĐ-TTg của Thủ tướng Chính phủ;", "06/QĐ-TTg",
     "06 tháng 01 năm 2022"),
])
def test_a_date_before_the_number_is_the_documents_date(line: str, number: str, date: str, tmp_path: Path) -> None:
    assert _refs(line, tmp_path)[number][0] == date


def test_a_date_before_the_number_is_never_the_previous_citations_own(tmp_path: Path) -> None:
    """The date after one citation is its own; a second citation after it, without a date, takes none."""
    refs = _refs("Căn cứ Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 số 09/CT-TTg;", tmp_path)
    assert refs["150/2025/NĐ-CP"][0] == "12/6/2025" and refs["09/CT-TTg"][0] is None
    assert _refs("Căn cứ Chỉ thị số 09/CT-TTg; ngày 25/8/2025 họp bàn.", tmp_path)["09/CT-TTg"][0] is None


def _refs_found(text: str, tmp_path: Path, packs: list[LoadedPack]) -> set[tuple[str, str | None]]:
    path = tmp_path / "plan.txt"
    path.write_text((PLANS / "xa-hong-chau-thuc-hien-can-cu-dat-chuan.txt").read_text(encoding="utf-8")
                    .replace("Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật "
                             "Chương\ntrình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;", text),
                    encoding="utf-8")
    r = check_file(path, packs)
    return {(f.actual, f.expected) for f in r.findings if f.id == "HP215-REFS" and f.severity in ("error", "warning")}


def test_a_yearless_number_with_the_registered_title_and_another_years_date(tmp_path: Path,
                                                                          packs: list[LoadedPack]) -> None:
    """71/NQ-CP is registered of 01/4/2025 with its title; cited with that title and 22/12/2024, the date is wrong."""
    found = _refs_found("Căn cứ Nghị quyết số 71/NQ-CP ngày 22/12/2024 của Chính phủ sửa đổi, bổ sung, cập nhật "
                        "Chương\ntrình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;", tmp_path, packs)
    assert ("22/12/2024", "01/4/2025") in found


def test_a_yearless_number_of_another_year_with_another_title_is_another_document(tmp_path: Path,
                                                                                packs: list[LoadedPack]) -> None:
    """Another year's 71/NQ-CP, on another subject: the registry cannot say it is wrong."""
    assert _refs_found("Căn cứ Nghị quyết số 71/NQ-CP ngày 22/12/2024 của Chính phủ về phiên họp Chính phủ thường "
                       "kỳ\ntháng 11 năm 2024 và các nhiệm vụ trọng tâm của tháng 12;", tmp_path, packs) == set()


AN_PHU = PLANS / "xa-an-phu-can-cu-gop-dong-dat-chuan.txt"
HISTORY_NOTE = "(đã được thay thế bởi Nghị định số\n118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ)"


@pytest.mark.parametrize(("note", "told"), [(HISTORY_NOTE, False), ("(Cổng Dịch vụ công quốc gia)", True)])
def test_a_history_note_in_brackets_on_the_next_line_tells_the_citation_as_history(
        note: str, told: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """NĐ 61/2018 (not in the registry) wrapped, its "(đã được thay thế bởi …)" on the following line: history, as
    when the note stands on the citation's own line (found by test_layouts_agree: one line per paragraph said
    nothing, the wrapped text an unknown document). A bracket without a history word leaves it a current citation."""
    path = tmp_path / "plan.txt"
    text = AN_PHU.read_text(encoding="utf-8")
    assert HISTORY_NOTE in text
    path.write_text(text.replace(HISTORY_NOTE, note), encoding="utf-8")
    named = {f.actual for f in check_file(path, packs).findings if f.id == "HP215-REFS"}
    assert ("61/2018/NĐ-CP" in named) is told


def test_a_wrong_number_beside_another_documents_date_and_title_names_that_document(packs: list[LoadedPack]) -> None:
    """"NĐ 45/2020/NĐ-CP (24/6/2022) quy định về việc cung cấp thông tin và dịch vụ công trực tuyến …": the date and
    the title are 42/2022's, 45/2020's neither: the number is miswritten (fixed in round 29a)."""
    r = check_file(PLANS / "xa-an-phu-can-cu-gop-dong-loi.txt", packs)
    assert {(f.kind, f.expected) for f in r.findings if f.id == "HP215-REFS" and f.line == 14} == {
        ("inconsistent", "42/2022/NĐ-CP")}


AN_PHU_45 = ("Căn cứ NĐ 45/2020/NĐ-CP (24/6/2022) quy định về việc cung cấp thông tin và dịch vụ công trực\ntuyến "
             "của cơ quan nhà nước trên môi trường mạng;")


@pytest.mark.parametrize(("written", "expected"), [
    # the number's own title beside a wrong date: the date's slip
    ("Căn cứ NĐ 45/2020/NĐ-CP (24/6/2022) về thực hiện thủ tục hành chính trên môi\ntrường điện tử;", "08/4/2020"),
    # no title: nothing says another document is meant
    ("Căn cứ NĐ 45/2020/NĐ-CP (24/6/2022);", "08/4/2020"),
    # 42/2022's title beside another day: not 42/2022's date, the number stands
    (AN_PHU_45.replace("(24/6/2022)", "(24/6/2021)"), "08/4/2020"),
])
def test_a_wrong_date_with_the_numbers_own_title_or_none_is_the_dates_slip(written: str, expected: str,
                                                                            packs: list[LoadedPack],
                                                                            tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    text = (PLANS / "xa-an-phu-can-cu-gop-dong-loi.txt").read_text(encoding="utf-8")
    assert AN_PHU_45 in text
    path.write_text(text.replace(AN_PHU_45, written), encoding="utf-8")
    found = {(f.kind, f.expected) for f in check_file(path, packs).findings if f.id == "HP215-REFS" and f.line == 14}
    assert found == {("outdated", expected)}
