"""Blind round 28b (tests/fixtures/blind-28b-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, the plan against itself. Each plan states its facts in two places (the
targets in the Mục tiêu and again in an appendix or a monitoring table, the unit in the header and the closing, the
đầu mối in Nhiệm vụ and in Tổ chức thực hiện, 215 in Căn cứ and the closing), in words that differ where they agree
("không dưới 80 phần trăm", "≥ 80%", "tối thiểu 80%"; "UBND P. Nam Đồng"; interim milestones labelled); units of the
former Hải Dương and Thủy Nguyên. Scored twice: by the index (every defect at its line, nothing else) and as the
reviewed folder is scored (tests/fixtures/blind-28b-expected.json, tests/test_plans_reviewed.py's ``verdict``), also
laid out as Word files. What the round revealed, pinned on its own:

- the plan's own unit named in the body with another type's word ("báo cáo Ủy ban nhân dân xã Nam Đồng" in a plan
  of Phường Nam Đồng, the registry holding no Xã Nam Đồng) passed in silence: the header's type was checked, the
  body's mentions of the own name never (checks/units ``_other_type``);
- an appendix titled by a later year than the plan's period ("CHỈ TIÊU … NĂM 2026" above "(Kèm theo Kế hoạch số …)"
  under a plan for "6 tháng cuối năm 2025") was not read: the trích yếu's period was checked, an appendix's title
  never (checks/form ``_appendix_period``);
- the đầu mối of the whole plan given to Phòng Văn hóa - Xã hội in one place and to another office in another (in
  Nhiệm vụ and Tổ chức thực hiện, or in Tổ chức thực hiện and the appendix's task table) passed in silence or as
  the first office left without its role: the office's role was looked for, a second office given the same unique
  role never; the đầu mối of a field ("đầu mối về bảo đảm an ninh mạng") is rightly another office's (conventions
  ``plan_lead``, checks/structure ``_rival_lead``; fixed in round 29a).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("28b")

NAM_DONG = PLANS / "phuong-nam-dong-ten-ngan-ten-day-du-dat-chuan.txt"
CLOSING = "kịp thời báo cáo Ủy ban nhân dân phường Nam Đồng (qua Phòng Văn hóa - Xã hội)"


def _loud(path: Path, packs: list[LoadedPack], rule: str) -> set[tuple[str, int | None]]:
    return {(f.kind, f.line) for f in check_file(path, packs).findings
            if f.id == rule and f.severity in ("error", "warning")}


def _variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "told"), [
    ("Ủy ban nhân dân xã Nam Đồng", True),       # the ward called a xã: no Xã Nam Đồng in the registry
    ("UBND xã Nam Đồng", True),
    ("Ủy ban nhân dân phường Nam Đồng", False),  # its own name and type
    ("UBND P. Nam Đồng", False),                 # abbreviated
])
def test_the_own_unit_named_with_another_type_in_the_body(written: str, told: bool, tmp_path: Path,
                                                          packs: list[LoadedPack]) -> None:
    path = _variant(tmp_path, NAM_DONG, CLOSING, CLOSING.replace("Ủy ban nhân dân phường Nam Đồng", written))
    assert (("inconsistent", 61) in _loud(path, packs, "HP215-UNITNAME")) is told


def test_the_own_unit_under_a_former_units_type_is_history(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Phường Bạch Đằng was formed from, among others, the former Xã Bạch Đằng: "xã Bạch Đằng" in its plan is that
    former commune, not the ward misnamed (as "(cũ)" or "trước khi sắp xếp" would say)."""
    plan = (PLANS / "phuong-nam-dong-ten-ngan-ten-day-du-dat-chuan.txt").read_text(encoding="utf-8")
    plan = plan.replace("PHƯỜNG NAM ĐỒNG", "PHƯỜNG BẠCH ĐẰNG").replace("Nam Đồng", "Bạch Đằng").replace(
        "phường Bạch Đằng và xã Tiền Tiến thuộc thành phố Hải Dương cũ", "xã Bạch Đằng, xã Lập Lễ và phường Tam Bạc")
    path = tmp_path / "plan.txt"
    path.write_text(plan.replace("khu vực xã Tiền Tiến (cũ)", "khu vực xã Bạch Đằng"), encoding="utf-8")
    assert _loud(path, packs, "HP215-UNITNAME") == set()


LAC_PHUONG = PLANS / "xa-lac-phuong-cot-thanh-pho-moc-trung-gian-dat-chuan.txt"
APPENDIX_TITLE = "CHỈ TIÊU ỨNG DỤNG CNTT VÀ CHUYỂN ĐỔI SỐ 6 THÁNG CUỐI NĂM 2025"


@pytest.mark.parametrize(("title", "told"), [
    ("CHỈ TIÊU ỨNG DỤNG CNTT VÀ CHUYỂN ĐỔI SỐ NĂM 2026", True),
    ("CHỈ TIÊU ỨNG DỤNG CNTT VÀ CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 - 2030", True),
    ("CHỈ TIÊU ỨNG DỤNG CNTT VÀ CHUYỂN ĐỔI SỐ ĐẾN 31/12/2025", False),  # a date, not a period
    ("KẾT QUẢ NĂM 2024 CỦA CÁC XÃ TRƯỚC SẮP XẾP", False),              # an earlier year: past results
    ("CHỈ TIÊU ỨNG DỤNG CNTT VÀ CHUYỂN ĐỔI SỐ NĂM 2025", False),
])
def test_an_appendix_titled_by_a_later_period(title: str, told: bool, tmp_path: Path,
                                              packs: list[LoadedPack]) -> None:
    path = _variant(tmp_path, LAC_PHUONG, APPENDIX_TITLE, title)
    assert (("inconsistent", 72) in _loud(path, packs, "HP215-FORM")) is told


def test_an_appendix_of_the_title_s_own_later_year_is_the_plan_s(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A plan "6 tháng cuối năm 2025, định hướng năm 2026": an appendix of 2026 is its own."""
    path = _variant(tmp_path, LAC_PHUONG, APPENDIX_TITLE, "CHỈ TIÊU ỨNG DỤNG CNTT VÀ CHUYỂN ĐỔI SỐ NĂM 2026")
    text = path.read_text(encoding="utf-8").replace("xã Lạc Phượng 6 tháng cuối năm 2025\n",
                                                      "xã Lạc Phượng 6 tháng cuối năm 2025, định hướng năm 2026\n", 1)
    path.write_text(text, encoding="utf-8")
    assert ("inconsistent", 72) not in _loud(path, packs, "HP215-FORM")


def test_two_offices_named_the_dau_moi_are_inconsistent(packs: list[LoadedPack]) -> None:
    """Nhiệm vụ makes Phòng Văn hóa - Xã hội the đầu mối (line 51), Tổ chức thực hiện the Văn phòng (line 61): one
    defect, at the second office's line, not also the first office left without its role (line 64)."""
    found = _loud(PLANS / "xa-hai-hung-mot-chi-tieu-ba-cach-viet-loi.txt", packs, "HP215-UNIT-VHXH")
    assert found == {("inconsistent", 61)}


NAM_DONG_FIFTH = "5. Công an phường: bảo đảm an ninh mạng, an toàn thông tin trên địa bàn."


@pytest.mark.parametrize(("written", "told"), [
    # the đầu mối of the plan given to a second office, in the words plans use for the plan's
    ("6. Văn phòng HĐND và UBND phường là đầu mối theo dõi, tổng hợp, báo cáo kết quả thực hiện Kế hoạch.", True),
    ("6. Giao Văn phòng HĐND và UBND phường làm đầu mối, chủ trì tham mưu triển khai Kế hoạch.", True),
    ("6. Công an phường: là cơ quan đầu mối, tham mưu UBND phường triển khai, kiểm tra, đôn đốc.", True),
    # the đầu mối of a field: rightly another office's
    ("6. Công an phường là đầu mối về bảo đảm an ninh mạng, an toàn thông tin trên địa bàn.", False),
    ("6. Công an phường: là cơ quan đầu mối, chủ trì bảo đảm an ninh mạng; theo dõi, tổng hợp tình hình.", False),
    ("6. Văn phòng HĐND và UBND phường là đầu mối tiếp nhận văn bản điện tử, theo dõi việc xử lý.", False),
    ("6. Trung tâm Phục vụ hành chính công phường là đầu mối phối hợp với Sở Khoa học và Công nghệ triển khai "
     "Kế hoạch.", False),
    # the office under its former name: the outdated body (HP215-BODIES), not a second office
    ("6. Phòng Văn hóa và Thông tin là cơ quan đầu mối, tham mưu triển khai Kế hoạch.", False),
    # the plan's đầu mối named by another office's sentence, not given to it
    ("6. Công an phường: bảo đảm an ninh mạng; báo cáo kết quả về cơ quan đầu mối theo dõi, tổng hợp.", False),
])
def test_the_dau_moi_of_the_plan_and_of_a_field(written: str, told: bool, tmp_path: Path,
                                                 packs: list[LoadedPack]) -> None:
    path = _variant(tmp_path, NAM_DONG, NAM_DONG_FIFTH, f"{NAM_DONG_FIFTH}\n{written}")
    assert (("inconsistent", 60) in _loud(path, packs, "HP215-UNIT-VHXH")) is told


ROW_ONE = "Đầu mối theo dõi, tổng hợp, báo cáo kết quả thực hiện Kế hoạch\tPhòng Văn hóa - Xã hội\tCác cơ quan, đơn vị"


@pytest.mark.parametrize(("lead", "support", "told"), [
    ("Văn phòng HĐND và UBND phường", "Các cơ quan, đơn vị", True),  # the row's chủ trì: the đầu mối given to it
    ("Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", False),  # in the phối hợp column: a part in the row
])
def test_the_dau_moi_row_of_a_task_table(lead: str, support: str, told: bool, tmp_path: Path,
                                         packs: list[LoadedPack]) -> None:
    row = ROW_ONE.replace("Phòng Văn hóa - Xã hội\tCác cơ quan, đơn vị", f"{lead}\t{support}")
    path = _variant(tmp_path, NAM_DONG, ROW_ONE, row)
    assert (("inconsistent", 77) in _loud(path, packs, "HP215-UNIT-VHXH")) is told


VIET_KHE = PLANS / "xa-viet-khe-muc-tieu-va-phu-luc-loi.txt"
WRAPPED = ("CHỈ TIÊU ỨNG DỤNG CÔNG NGHỆ THÔNG TIN VÀ CHUYỂN ĐỔI SỐ ĐẾN HẾT NĂM\n2025\n(Kèm theo Kế hoạch số "
           "116/KH-UBND ngày 12/9/2025 của Ủy ban nhân dân\nxã Việt Khê)")


def test_an_appendix_of_another_number_under_a_wrapped_title(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The appendix's title wrapped onto the line above "(Kèm theo Kế hoạch số 116/KH-UBND …)" is read with it as one
    paragraph (found by test_layouts_agree at 70 columns): the reference is still read where its line opens."""
    path = _variant(tmp_path, VIET_KHE, "CHỈ TIÊU ỨNG DỤNG CÔNG NGHỆ THÔNG TIN VÀ CHUYỂN ĐỔI SỐ ĐẾN HẾT NĂM 2025\n(Kèm "
                    "theo Kế hoạch số 116/KH-UBND ngày 12/9/2025 của Ủy ban nhân dân xã Việt Khê)", WRAPPED)
    assert ("inconsistent", 88) in _loud(path, packs, "HP215-FORM")


def test_the_former_town_of_the_own_name_is_not_the_unit_misnamed(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"UBND thị xã Nam Đồng": the word "xã" ends another level's word (thị xã, a district-level town), not the ward
    called a commune (found by test_own_plans on phuong-kinh-mon-danh-so-phap-ly.docx, "UBND thị xã Kinh Môn")."""
    path = _variant(tmp_path, NAM_DONG, CLOSING, CLOSING.replace("Ủy ban nhân dân phường Nam Đồng",
                                                                 "Ủy ban nhân dân thị xã Nam Đồng"))
    assert ("inconsistent", 61) not in _loud(path, packs, "HP215-UNITNAME")
