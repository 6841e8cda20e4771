"""Blind round 17b (tests/fixtures/plans, index.yaml "blind round 17b"; the verdicts written before the first run and
the raw result of that run are in tests/fixtures/blind-17b-expected.md): plans as a busy office really types them
(Unikey on a hurried day: old-style tones, NFD lines, "đuợc", doubled letters, lines without diacritics; abbreviations
in every line; a target table "Chỉ tiêu TP giao | Xã đăng ký" with decimal commas and ranges, and a task table
naming many bodies per cell). What they revealed, pinned on short texts written for each point (the six files
themselves are checked whole by tests/test_own_plans.py):

- the terms offices shorten in their targets are read as written out (rules/conventions.yaml ``abbreviations``):
  "HSCV … trên MT mạng", "VBĐT được ký số", "100% BC định kỳ", "100% KQ giải quyết TTHC", "CBCCVC … KNS", "PA bảo
  đảm ATTT", and an office as "P." with its name ("P. Kinh tế tham mưu UBND xã bố trí KP"); before: five targets
  missing and the funds not given to Phòng Kinh tế, a lowered "45% CBCCVC … KNS" hidden;
- numbered points that start again at 1 after an unnumbered lead-in ending with a colon ("Tổ giúp việc gồm:",
  "Nhiệm vụ của Ban Chỉ đạo:") are the list that lead-in opens, not a repeat of the list before it
  (checks/structure.py); before: every point a "numbering repeated" warning;
- the issuer written after a cited number ends before "tại" and a unit's level ("… của Uỷ ban nhân dân thành phố
  tại phường Việt Hoà sau sắp xếp …": parse/citations.py ISSUER); before: read on into the place, 215 "cited with
  the wrong issuer";
- a former commune's People's Committee in one cell of a task table ("UBND xã Nam Tân" among the Phối hợp) is judged
  by its own cell: another cell's "… của các xã trước sắp xếp" does not make it history (checks/units.py
  sentence_bounds); before: not reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_blind_plans_14b import _loud_findings, _with

from checker.rules.loader import LoadedPack


def _loud(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, int | None]]:
    return sorted((f.id, f.kind, f.line) for f in _loud_findings(path, packs))


# --------------------------------------------------------------------------- abbreviated targets and offices
HSCV = "- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật) đạt 76%.\n"
BAOCAO = "- 100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo của thành phố.\n"
SOHOA = "- 100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định.\n"
KNS = "- Tối thiểu 55% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số.\n"
KYSO = "- Trên 92% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật).\n"
HOSO = "- Tối thiểu 82% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.\n"
ABBREVIATED = (
    (HOSO, "- Tối thiểu 82% HS TTHC được xử lý trực tuyến toàn trình.\n"),
    (HSCV, "- Tối thiểu 76% HSCV cấp xã được xử lý trên MT mạng (trừ HSCV mật).\n"),
    (BAOCAO, "- 100% BC định kỳ về chỉ tiêu KT-XH được thực hiện trên HTTT báo cáo của TP.\n"),
    (SOHOA, "- 100% KQ giải quyết TTHC được số hóa theo QĐ.\n"),
    (KNS, "- Tối thiểu 55% CBCCVC được tập huấn, bồi dưỡng KNS.\n"),
    (KYSO, "- Trên 92% VBĐT được ký số và xử lý trên MT mạng (trừ VB mật).\n"),
)


def test_abbreviated_targets_are_read(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _loud(_with(tmp_path, *ABBREVIATED), packs) == []


def test_an_abbreviated_target_lowered_is_weaker(tmp_path: Path, packs: list[LoadedPack]) -> None:
    lowered = [(a, b.replace("55%", "45%")) for a, b in ABBREVIATED]
    assert _loud(_with(tmp_path, *lowered), packs) == [("HP215-TGT-KYNANGSO", "weaker", 19)]


@pytest.mark.parametrize("office", ["P. Kinh tế", "P. KT"])
def test_an_office_written_with_p_arranges_the_funds(tmp_path: Path, packs: list[LoadedPack], office: str) -> None:
    plan = _with(tmp_path, ("Ngân sách xã.\n", f"Ngân sách xã.\n{office} tham mưu UBND xã bố trí KP từ NS xã.\n"),
                 ("2. Phòng Kinh tế: tham mưu bố trí kinh phí.\n", "2. Phòng Kinh tế: số hóa hồ sơ địa chính.\n"))
    assert _loud(plan, packs) == []


# --------------------------------------------------------------------------- a list opened by a lead-in
LISTS = ("PHỤ LỤC\nTHÀNH PHẦN BAN CHỈ ĐẠO\n1. Chủ tịch UBND xã: Trưởng ban;\n2. Phó Chủ tịch UBND xã: Phó Trưởng ban;\n"
         "3. Trưởng Công an xã: thành viên.\nTổ giúp việc gồm:\n1. Công chức Văn hóa - Xã hội: Tổ trưởng;\n"
         "2. Công chức Văn phòng: thành viên.\nNhiệm vụ của Ban Chỉ đạo:\n1. Chỉ đạo thực hiện Kế hoạch.\n"
         "2. Kiểm tra, đôn đốc.\n")


def test_a_list_restarting_after_a_lead_in_is_its_own(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _loud(_with(tmp_path, ("Lê Văn Hòa\n", f"Lê Văn Hòa\n\n{LISTS}")), packs) == []


def test_a_list_numbered_twice_without_a_lead_in_is_still_a_repeat(tmp_path: Path,
                                                                   packs: list[LoadedPack]) -> None:
    lists = LISTS.replace("Tổ giúp việc gồm:\n", "").replace("Nhiệm vụ của Ban Chỉ đạo:\n", "")
    found = _loud(_with(tmp_path, ("Lê Văn Hòa\n", f"Lê Văn Hòa\n\n{lists}")), packs)
    assert found and {f[:2] for f in found} == {("HP215-NUMBERING", "inconsistent")}


# --------------------------------------------------------------------------- the directive's issuer, then a place
@pytest.mark.parametrize("place", ["tại xã Ninh Giang sau sắp xếp", "tại phường, xã", "tại các thôn"])
def test_the_issuer_ends_before_tai_and_a_unit(tmp_path: Path, packs: list[LoadedPack], place: str) -> None:
    aim = f"I. MỤC TIÊU\nTriển khai các nhiệm vụ của Kế hoạch số 215/KH-UBND của Uỷ ban nhân dân thành phố {place}.\n"
    assert _loud(_with(tmp_path, ("I. MỤC TIÊU\n", aim)), packs) == []


def test_another_issuer_before_tai_is_still_reported(tmp_path: Path, packs: list[LoadedPack]) -> None:
    aim = "I. MỤC TIÊU\nTriển khai Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND tỉnh Hải Dương tại xã Ninh Giang.\n"
    assert ("HP215-CITE", "inconsistent", 12) in _loud(_with(tmp_path, ("I. MỤC TIÊU\n", aim)), packs)


# --------------------------------------------------------------------------- a former unit in a table's cell
TASKS = ("PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\nTT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian\n"
         "1\tSố hóa sổ hộ tịch của các xã trước sắp xếp\tPhòng Văn hóa - Xã hội\t{cell}\tQuý IV/2025\n")


@pytest.mark.parametrize(("cell", "want"), [
    ("Trung tâm Phục vụ hành chính công xã, UBND xã Nam Tân", [("HP215-UNITNAME", "outdated", 46)]),
    ("Trung tâm Phục vụ hành chính công xã, các thôn khu vực xã Nam Tân cũ", []),
])
def test_a_former_commune_in_a_cell_is_judged_by_its_cell(tmp_path: Path, packs: list[LoadedPack], cell: str,
                                                          want: list[tuple[str, str, int]]) -> None:
    plan = _with(tmp_path, ("Lê Văn Hòa\n", "Lê Văn Hòa\n\n" + TASKS.format(cell=cell)))
    assert _loud(plan, packs) == want


# --------------------------------------------------------------------------- probes after the round
TABLE = ("TT\tChỉ tiêu\tĐVT\tChỉ tiêu TP giao\tXã đăng ký\n"
         "1\tHồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)\t%\t≥ 75\t{cell}\n")


@pytest.mark.parametrize(("cell", "want"), [
    ("78 - 80", []),
    ("70 - 80", [("HP215-TGT-HSCV", "weaker", 16)]),
    ("70", [("HP215-TGT-HSCV", "weaker", 16)]),
])
def test_a_bare_range_in_the_units_column_is_read_by_its_lower_figure(tmp_path: Path, packs: list[LoadedPack],
                                                                       cell: str,
                                                                       want: list[tuple[str, str, int]]) -> None:
    """'%' written once in the ĐVT cell: a range "78 - 80" is the commune's figure (before: not read, and the
    city's "≥ 75" beside it taken for the commune's, so "70 - 80" passed)."""
    assert _loud(_with(tmp_path, (HSCV, TABLE.format(cell=cell))), packs) == want


ATTT = "4. Bảo đảm an toàn, an ninh thông tin mạng: phương án bảo đảm an toàn thông tin theo quy định.\n"


@pytest.mark.parametrize(("share", "want"), [("100%", []), ("80%", [("HP215-TGT-ATTT", "weaker", 21)])])
def test_a_share_of_an_abbreviated_commitment(tmp_path: Path, packs: list[LoadedPack], share: str,
                                              want: list[tuple[str, str, int]]) -> None:
    """"80% HTTT … PA bảo đảm ATTT": the security commitment in its abbreviations is still its words as written."""
    line = f"- {share} HTTT của xã được thực hiện PA bảo đảm ATTT theo quy định.\n"
    assert _loud(_with(tmp_path, (KYSO, KYSO + line)), packs) == want


@pytest.mark.parametrize("office", ["P. VH-XH", "P.VHXH"])
def test_an_office_heading_in_abbreviations_is_no_roman_part(tmp_path: Path, packs: list[LoadedPack],
                                                             office: str) -> None:
    """"1. P. VH-XH" over its duties: an arabic point (before: its capitals read as an OCR'd "I." part, the
    numbering "repeated" and "starting at 2")."""
    plan = _with(tmp_path, ("1. Phòng Văn hóa - Xã hội: cơ quan đầu mối", f"1. {office}\n- Cơ quan đầu mối"))
    assert _loud(plan, packs) == []
