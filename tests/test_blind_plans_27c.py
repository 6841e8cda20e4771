"""Blind round 27c (tests/fixtures/blind-27c-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, their target figures written every way ('100 phần trăm', '>=75%',
'≥95%', ranges 'từ 80% đến 85%' and '80 - 85', 'đạt và vượt 92%', counts over totals '9/10', '186/186', '36/64',
'0,85 tổng số hồ sơ', bare cells under '(%)' column heads, digits then words in brackets, 'toàn bộ' after the
subject), read by their meaning against the city's figures; a count with no total is no rate. Scored twice: by the
index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-27c-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files.
What the round revealed, pinned on its own:

- a proportion of one in prose before the whole it is taken of ("đạt tối thiểu 0,85 tổng số hồ sơ tiếp nhận") was not
  read as 85%: the target was reported missing, and "0,75" passed for no figure (rules/conventions.yaml
  ``proportion_totals``, parse/targets ``_proportions_of_total``);
- a word meaning all of them standing alone after the subject's colon, where a figure stands in "Subject: 100%"
  ("… Hệ thống thông tin báo cáo Chính phủ: toàn bộ, không có ngoại lệ."), was not read as 100%: the reports target
  was reported missing (parse/targets ``_wholes_after_colon``);
- the new commune starting to operate on its former units' base ("Từ ngày 01/7/2025, xã Ninh Giang đi vào hoạt
  động trên cơ sở thị trấn Ninh Giang và các xã Hiệp Lực, …") was read as naming former units as current (warnings):
  the formation is history (rules/conventions.yaml ``history_markers``: "hoạt động trên cơ sở").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.checks.units import historical
from checker.parse.targets import normalise_percent
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("27c")


# --------------------------------------------------------------------------- each fix on its own
THANH_MIEN = PLANS / "xa-thanh-mien-dem-tren-tong-so-dat-chuan.txt"
ZERO_85 = "đạt tối thiểu 0,85 tổng số hồ sơ"
REPORTS_ALL = "Chính phủ: toàn bộ, không có ngoại lệ."


def _loud(text: str, tmp_path: Path, packs: list[LoadedPack]) -> set[tuple[str, str]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return {(f.id, f.kind) for f in check_file(path, packs).findings if f.severity in ("error", "warning")}


@pytest.mark.parametrize(("written", "found"), [
    ("0,85", set()), ("0,80", set()), ("0,875", set()),
    ("0,75", {("HP215-TGT-HOSO", "weaker")}), ("0,6", {("HP215-TGT-HOSO", "weaker")})])
def test_a_proportion_of_one_before_the_total_is_its_percentage(written: str, found: set[tuple[str, str]],
                                                                tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"0,85 tổng số hồ sơ" is 85% of the dossiers: at or above the city's 80% silent, below it weaker, never
    missing."""
    text = THANH_MIEN.read_text(encoding="utf-8")
    assert ZERO_85 in text
    assert _loud(text.replace(ZERO_85, ZERO_85.replace("0,85", written)), tmp_path, packs) == found


def test_a_proportion_of_one_reads_only_before_a_total() -> None:
    """Not a version's number nor a distance: only before "tổng số" (conventions ``proportion_totals``)."""
    assert normalise_percent("dat toi thieu 0,85 tong so ho so") == "dat toi thieu 85%  tong so ho so"
    for text in ("phien ban 1.00 so hoa", "cach trung tam 0,85 km", "he so 0,85 tong hop"):
        assert normalise_percent(text) == text


@pytest.mark.parametrize(("written", "found"), [
    (REPORTS_ALL, set()), ("Chính phủ: tất cả.", set()),
    ("Chính phủ.", {("HP215-TGT-BAOCAO", "missing")})])
def test_a_whole_word_alone_after_the_subjects_colon_is_100(written: str, found: set[tuple[str, str]],
                                                            tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Subject: toàn bộ, …" states 100% as "Subject: 100%" does; the subject with no level after it states none."""
    text = THANH_MIEN.read_text(encoding="utf-8")
    assert REPORTS_ALL in text
    assert _loud(text.replace(REPORTS_ALL, written), tmp_path, packs) == found


def test_a_whole_word_after_a_colon_naming_a_subject_is_no_figure() -> None:
    """"Đối tượng: tất cả các cơ quan …": the word opens a subject, no figure is read there."""
    text = "doi tuong: tat ca cac co quan, don vi"
    assert normalise_percent(text) == text


def test_a_commune_starting_to_operate_on_its_former_units_is_history() -> None:
    """The formation told as the new commune starting to operate on the former units' base (NQ 1669's units went into
    operation on 01/7/2025); the former units named in it are history. A sentence that only says something
    "hoạt động" is not."""
    assert historical("Từ ngày 01/7/2025, xã Ninh Giang đi vào hoạt động trên cơ sở thị trấn Ninh Giang và các xã "
                      "Hiệp Lực, Hồng Dụ, Vĩnh Hòa.")
    assert not historical("Ủy ban nhân dân xã Hiệp Lực duy trì hoạt động của Tổ công nghệ số cộng đồng.")
