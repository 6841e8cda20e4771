"""Blind round 27d (tests/fixtures/blind-27d-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, copied from a neighbour's plan, from last year's plan and from the city's
own plan, beside compliant twins that name neighbours and former units rightly (a formation sentence, liên thông and
exchange of experience with a neighbour, the neighbour's Công an in a joint task, a neighbour among the recipients
"(để phối hợp)", a Đảng ủy's plan under Căn cứ, last year's results of the former district in a results part, the
city's bodies asked for guidance); units of the former Hải Dương used least by the index. Scored twice: by the index
(every defect at its line, nothing else) and as the reviewed folder is scored (tests/fixtures/blind-27d-expected.json,
tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files. What the round revealed, pinned on its own:

- a trích yếu copied from last year's plan ("… 6 tháng cuối năm 2024" under "Thực hiện Kế hoạch số 215/KH-UBND …")
  was checked as the directive's plan and its period never compared (checks/form ``_title_period``);
- an item of Tổ chức thực hiện opening with the bodies the city's own plan gives work to ("Các sở, ban, ngành, Ủy ban
  nhân dân các xã, phường, đặc khu căn cứ Kế hoạch này …") passed in silence in a commune's plan (checks/units
  ``_city_addressees``, rules/conventions.yaml ``city_addressees``);
- targets numbered 1.–8. right under the numbered heading "2. Chỉ tiêu cụ thể đến hết năm 2025" were read as repeats
  of "1. Mục tiêu chung" and "2." (HP215-NUMBERING warnings on a compliant plan): a list starting over at 1 right
  below a heading numbered 2 or more is the heading's own list (checks/structure ``_right_below``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("27d")


def _loud(path: Path, packs: list[LoadedPack], rule: str) -> set[tuple[str, int | None]]:
    return {(f.kind, f.line) for f in check_file(path, packs).findings
            if f.id == rule and f.severity in ("error", "warning")}


def _variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (PLANS / name).read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "plan.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the trích yếu's period
NINH_GIANG = "xa-ninh-giang-chep-ke-hoach-nam-truoc-dat-chuan.txt"
TITLE = "xã Ninh Giang 6 tháng cuối năm 2025\n"


@pytest.mark.parametrize(("title", "found"), [
    ("xã Ninh Giang 6 tháng cuối năm 2024\n", {("inconsistent", 10)}),  # last year's plan's title
    ("xã Ninh Giang năm 2024\n", {("inconsistent", 10)}),
    (TITLE, set()),
    ("xã Ninh Giang\n", set()),  # no period in the title: nothing against it
    ("xã Ninh Giang năm 2025 và định hướng năm 2026\n", set()),  # the directive's year among others
    # a date and a number in the title name no period
    ("xã Ninh Giang theo Nghị quyết số 57-NQ/TW ngày 22/12/2024\n", set()),
    ("xã Ninh Giang theo Nghị định số 82/2024/NĐ-CP\n", set()),
])
def test_the_title_names_the_directives_period(title: str, found: set[tuple[str, int]], tmp_path: Path,
                                               packs: list[LoadedPack]) -> None:
    assert _loud(_variant(tmp_path, NINH_GIANG, TITLE, title), packs, "HP215-FORM") == found


# --------------------------------------------------------------------------- the city's addressees
THANH_MIEN = "xa-thanh-mien-chep-ke-hoach-thanh-pho-dat-chuan.txt"
OWN_ITEM = "6. Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã, Trưởng các thôn căn cứ Kế hoạch này xây dựng"


@pytest.mark.parametrize(("item", "found"), [
    ("6. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường, đặc khu căn cứ Kế hoạch này xây dựng", True),
    ("6. Sở, ban, ngành thành phố căn cứ Kế hoạch này xây dựng", True),
    ("6. UBND các xã, phường căn cứ Kế hoạch này xây dựng", True),
    (OWN_ITEM, False),
    ("6. Các phòng, ban, ngành thuộc Ủy ban nhân dân xã căn cứ Kế hoạch này xây dựng", False),  # its own offices
    ("6. Đề nghị các sở, ban, ngành thành phố quan tâm hướng dẫn; các cơ quan thuộc xã xây dựng", False),  # asked
    ("6. Trưởng các thôn phối hợp với UBND các xã, phường lân cận, căn cứ Kế hoạch này xây dựng", False),
])
def test_work_given_to_the_citys_addressees(item: str, found: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The city's sentence copied into a commune's plan gives work to bodies the commune does not direct."""
    loud = _loud(_variant(tmp_path, THANH_MIEN, OWN_ITEM, item), packs, "HP215-UNITNAME")
    assert loud == ({("inconsistent", 68)} if found else set())


# --------------------------------------------------------------------------- a list right below its heading
HEADING = "2. Chỉ tiêu cụ thể đến hết năm 2025\n"


def test_a_list_starting_over_right_below_a_numbered_heading_is_its_own(tmp_path: Path,
                                                                        packs: list[LoadedPack]) -> None:
    """Targets 1.–8. right under "2. Chỉ tiêu cụ thể …": the heading's list, not repeats of "1." and "2."."""
    assert _loud(PLANS / THANH_MIEN, packs, "HP215-NUMBERING") == set()


@pytest.mark.parametrize("between", [
    "Các chỉ tiêu cụ thể như sau.\n",  # the heading's text, then the list: a drafter's repeat
])
def test_a_list_after_the_headings_text_still_repeats_its_numbers(between: str, tmp_path: Path,
                                                                 packs: list[LoadedPack]) -> None:
    found = _loud(_variant(tmp_path, THANH_MIEN, HEADING, HEADING + between), packs, "HP215-NUMBERING")
    assert ("inconsistent", 23) in found


def test_a_list_right_below_a_point_written_as_a_sentence_still_repeats_its_numbers(
        tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A point that ends like a sentence or reads "label: text" is an item, not a heading over a list (round 17b's
    "3. Trưởng Công an xã: thành viên." then "1. …")."""
    for point in ("2. Chỉ tiêu cụ thể đến hết năm 2025 được giao như sau.\n", "2. Chỉ tiêu: đến hết năm 2025\n"):
        assert ("inconsistent", 22) in _loud(_variant(tmp_path, THANH_MIEN, HEADING, point), packs, "HP215-NUMBERING")


def test_a_repeat_right_below_a_heading_numbered_one_is_still_a_repeat(tmp_path: Path,
                                                                      packs: list[LoadedPack]) -> None:
    """"1. Mục tiêu chung" then "1. …" at once: the same number twice, not a list under it."""
    path = _variant(tmp_path, THANH_MIEN, "1. Mục tiêu chung\nCụ thể hóa", "1. Mục tiêu chung\n1. Cụ thể hóa")
    assert _loud(path, packs, "HP215-NUMBERING")
