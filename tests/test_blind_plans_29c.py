"""Blind round 29c (tests/fixtures/blind-29c-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans that give an account of the past first (a third of each plan or more: the
figures the former communes and wards reached, below the city's, the documents and the bodies that governed the past,
"Tồn tại, hạn chế", "Nguyên nhân"), then the targets, tasks and Tổ chức thực hiện; units of the former Hải Dương and
the island đặc khu Bạch Long Vĩ. Scored twice: by the index (every defect at its line, nothing else) and as the
reviewed folder is scored (tests/fixtures/blind-29c-expected.json, tests/test_plans_reviewed.py's ``verdict``), also
laid out as Word files. What the round revealed, pinned on its own:

- a part titled only as an assessment ("I. ĐÁNH GIÁ TÌNH HÌNH", its sub-parts "Kết quả đã đạt được", "Tồn tại, hạn
  chế", "Nguyên nhân") was not read as a report of the time before the reform, though every date written in it falls
  on or before 1/7/2025 ("Kết quả đến ngày 30/6/2025", the city's plans of 19/12/2023 and 18/02/2025): the former
  district's offices it names as they were then were reported as given work, six errors on a compliant plan
  (checks/units ``past_report``, ``_reports_before``);
- a former office named as the giver of what the unit goes on using, in the tasks ("tiếp tục sử dụng 12 máy tính do
  Phòng Văn hóa và Thông tin huyện Gia Lộc cấp năm 2025") was reported as given work: the agent of a one-off act
  ("do" before it, "cấp", "bàn giao", "trang bị" … after it) dated by a year it still existed in did that act then
  (rules/bodies.yaml ``given_acts``, checks/bodies ``_given_then``); a task's verb, a later year, "trong đó" stay
  work given.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("29c")

BACH_LONG_VI = PLANS / "dac-khu-bach-long-vi-huyen-dao-cu-dat-chuan.txt"


def _bodies(text: str, tmp_path: Path, packs: list[LoadedPack]) -> set[int | None]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return {f.line for f in check_file(path, packs).findings
            if f.id == "HP215-BODIES" and f.severity in ("error", "warning")}


def test_an_assessment_part_dated_only_before_the_reform_reports_the_past(tmp_path: Path,
                                                                        packs: list[LoadedPack]) -> None:
    """"I. ĐÁNH GIÁ TÌNH HÌNH", every date in it on or before 1/7/2025: the former district's offices it names
    (Sở Thông tin và Truyền thông, Phòng Văn hóa và Thông tin huyện, cấp huyện, Trung tâm Văn hóa, Thông tin và Thể
    thao huyện, UBND huyện) did what they did then."""
    assert _bodies(BACH_LONG_VI.read_text(encoding="utf-8"), tmp_path, packs) == set()


@pytest.mark.parametrize(("old", "new"), [
    # the part reports the months since the reform: its offices named there are named as they are now
    ("Kết quả đến ngày 30/6/2025 (theo", "Kết quả đến ngày 31/8/2025 (theo"),
    # the part looks ahead to a later year
    ("tục phát sinh ít hồ sơ nên tỷ lệ biến động lớn giữa các tháng.",
     "tục phát sinh ít hồ sơ; năm 2026 tiếp tục phấn đấu."),
])
def test_an_assessment_part_dated_after_the_reform_is_not_history(old: str, new: str, tmp_path: Path,
                                                                 packs: list[LoadedPack]) -> None:
    text = BACH_LONG_VI.read_text(encoding="utf-8")
    assert text.count(old) == 1
    assert {27, 28} <= _bodies(text.replace(old, new), tmp_path, packs)


TRUONG_TAN = PLANS / "xa-truong-tan-ket-qua-xa-cu-dat-chuan.txt"
GIVEN = "tiếp tục sử dụng 12 máy tính do Phòng Văn hóa và Thông tin huyện Gia Lộc cấp năm 2025;"


@pytest.mark.parametrize(("written", "told"), [
    (GIVEN, False),
    ("tiếp tục sử dụng 12 máy tính do Phòng Văn hóa và Thông tin huyện Gia Lộc bàn giao năm 2025;", False),
    # the text read without its diacritics (OCR): the same, folded (found by test_layouts_agree)
    ("tiep tuc su dung 12 may tinh do Phong Van hoa va Thong tin huyen Gia Loc cap nam 2025;", False),
    # a task's verb: the office is given the work this year
    ("tiếp tục sử dụng 12 máy tính do Phòng Văn hóa và Thông tin huyện Gia Lộc thực hiện năm 2025;", True),
    # a year after the office ceased: it cannot have given them
    ("tiếp tục sử dụng 12 máy tính do Phòng Văn hóa và Thông tin huyện Gia Lộc cấp năm 2026;", True),
    # no agent: "đó" is not "do"
    ("tiếp tục sử dụng 12 máy tính, trong đó Phòng Văn hóa và Thông tin huyện Gia Lộc cấp năm 2025;", True),
])
def test_a_former_office_as_the_giver_of_what_is_still_used_is_history(written: str, told: bool, tmp_path: Path,
                                                                       packs: list[LoadedPack]) -> None:
    """"do <office> cấp năm 2025" in the tasks: the office supplied the computers before it ceased, the year one it
    still existed in (rules/bodies.yaml ``given_acts``); before the fix two errors at line 75, on a compliant plan."""
    text = TRUONG_TAN.read_text(encoding="utf-8")
    assert text.count(GIVEN) == 1
    assert (75 in _bodies(text.replace(GIVEN, written), tmp_path, packs)) is told
