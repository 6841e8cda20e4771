"""The understand stage on its own: references however written, targets however phrased, headers however laid out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import plan_from_text

from checker.ingest import read
from checker.parse import parse


@pytest.mark.parametrize(("text", "key", "date"), [
    ("Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ;", "85/2016/ND-CP", dt.date(2016, 7, 1)),
    ("Theo NĐ 85/2016 về bảo đảm an toàn hệ thống thông tin;", "85/2016/ND", None),
    ("Quyết định 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng;", "749/QD-TTG", dt.date(2020, 6, 3)),
    ("Nghi dinh s6 64/2007/NB-CP ngay 10/4/2007 cua Chinh phu;", "64/2007/ND-CP", dt.date(2007, 4, 10)),
    ("Quyét dinh s6 942/QDP-TTg ngay 15/6/2021 cta Thu tuong;", "942/QD-TTG", dt.date(2021, 6, 15)),
    ("Kế hoạch số 215/KH-UBND ngày 25 tháng 8 năm 2025 của UBND thành phố;", "215/KH-UBND", dt.date(2025, 8, 25)),
    ("Kế hoạch số 02-KH/BCĐTW ngày 19/06/2025 của Ban Chỉ đạo;", "2/KH-BCDTW", dt.date(2025, 6, 19)),
    ("Luật An ninh mạng số 116/2025/QH15;", "116/2025/QH15", None),
    ("Nghị quyết số 57-\nNQ/TW ngày 22/12/2024 của Bộ Chính trị;", "57/NQ-TW", dt.date(2024, 12, 22)),
])
def test_references_however_written(text: str, key: str, date: dt.date | None) -> None:
    refs = plan_from_text(text).references
    assert [(r.number, r.date) for r in refs] == [(key, date)]


@pytest.mark.parametrize(("text", "value", "comparator", "hedged"), [
    ("- Tối thiểu 80% hồ sơ được xử lý.", 80, ">=", False),
    ("- Ít nhất 80% hồ sơ được xử lý.", 80, ">=", False),
    ("- Hồ sơ được xử lý đạt từ 80% trở lên.", 80, ">=", False),
    ("- Hồ sơ được xử lý không thấp hơn 80%.", 80, ">=", False),
    ("- Hồ sơ được xử lý đạt ≥ 80%.", 80, ">=", False),
    ("- Tỷ lệ hài lòng đạt trên 90%.", 90, ">", False),
    ("- Tỷ lệ hài lòng > 90%.", 90, ">", False),
    ("- Tỷ lệ hài lòng đạt 90%.", 90, "=", False),
    ("- Phấn đấu 80% hồ sơ được xử lý.", 80, "=", True),
    ("- Khoảng 80% hồ sơ được xử lý.", 80, "~", True),
    ("- T6i thiéu 80% ho so duoc xu 1y.", 80, ">=", False),
    ("- 100% thủ tục hành chính đủ điều kiện được cung cấp.", 100, "=", False),
])
def test_comparators(text: str, value: float, comparator: str, hedged: bool) -> None:
    [t] = plan_from_text(text).targets
    assert (t.value, t.comparator, t.hedged) == (value, comparator, hedged)


def test_range_keeps_both_ends() -> None:
    [t] = plan_from_text("- 80% - 90% cán bộ được tập huấn.").targets
    assert (t.value, t.value_high, t.comparator) == (80, 90, ">=")


def test_two_column_header_flattened() -> None:
    h = plan_from_text(
        "ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHƯỜNG HẢI AN                  Độc lập - Tự do - Hạnh phúc\n"
        "Số: 52/KH-UBND          Hải An, ngày 03 tháng 9 năm 2025\n"
        "KẾ HOẠCH\nChuyển đổi số năm 2025\n\nI. MỤC TIÊU\n").header
    assert (h.unit_type, h.unit_name, h.number, h.date, h.place, h.national_motto) == (
        "phuong", "Hải An", "52/KH-UBND", dt.date(2025, 9, 3), "Hải An", True)
    assert h.title == "Chuyển đổi số năm 2025"


@pytest.mark.parametrize("number_line", [
    "Số 52/KH-UBND          Hải An, ngày 03 tháng 9 năm 2025",  # the label's colon left out (typed, or lost by OCR)
    "Số 52 /KH-UBND\tHải An, ngày 03 tháng 9 năm 2025",
])
def test_number_without_its_colon(number_line: str) -> None:
    h = plan_from_text("ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                       "PHƯỜNG HẢI AN                  Độc lập - Tự do - Hạnh phúc\n"
                       f"{number_line}\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\nI. MỤC TIÊU\n").header
    assert (h.number, h.date) == ("52/KH-UBND", dt.date(2025, 9, 3))


def test_a_citation_opening_a_line_is_not_the_number() -> None:
    h = plan_from_text("ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                       "PHƯỜNG HẢI AN                  Độc lập - Tự do - Hạnh phúc\n"
                       "                          Hải An, ngày 03 tháng 9 năm 2025\n"
                       "KẾ HOẠCH\nChuyển đổi số năm 2025\nThực hiện Kế hoạch\n"
                       "số 215/KH-UBND ngày 25/8/2025 của UBND thành phố.\n\nI. MỤC TIÊU\n").header
    assert h.number is None


def test_blank_number_and_day_of_a_draft() -> None:
    h = plan_from_text("UBND XÃ AN LÃO\nSố:      /KH-UBND   An Lão, ngày    tháng 9 năm 2025\nKẾ HOẠCH\n").header
    assert h.number_blank and h.date_blank and h.date is None and h.month == 9
    assert (h.unit_type, h.unit_name) == ("xa", "An Lão")


def test_sections_tree_and_numbering_styles() -> None:
    plan = plan_from_text("I. MỤC TIÊU\n1. Chung\n1.1. Cụ thể\na) Hạ tầng số\nII. NỘI DUNG\n")
    assert [(s.number, s.style, s.level, s.parent) for s in plan.sections] == [
        ("I", "roman", 1, None), ("1", "arabic", 2, 0), ("1.1", "dotted", 3, 1), ("a", "letter", 4, 2),
        ("II", "roman", 1, None)]


def test_assignments_as_headings_and_as_bullets() -> None:
    a = plan_from_text("V. TỔ CHỨC THỰC HIỆN\n1. Công an phường\n- Bảo đảm an ninh mạng.\n").assignments
    b = plan_from_text("V. TỔ CHỨC THỰC HIỆN\n- Công an phường: bảo đảm an ninh mạng.\n").assignments
    assert [(x.unit, x.line) for x in a] == [("Công an phường", 2)]
    assert [(x.unit, x.line) for x in b] == [("Công an phường", 2)]


def test_assignments_as_clauses_of_one_paragraph(tmp_path: Path) -> None:
    """Several offices given work in one paragraph, a clause each (after "Giao", a semicolon or a full stop),
    each at the line its name is written on; a clause naming no office gives no one work."""
    path = tmp_path / "p.txt"  # read as a reader reads it: the wrapped paragraph is one block
    path.write_text(
        "V. TỔ CHỨC THỰC HIỆN\nGiao Phòng Văn hóa - Xã hội chủ trì tham mưu, tổng hợp; Phòng Kinh tế, Hạ\n"
        "tầng và Đô thị bố trí kinh phí. Công an phường bảo đảm an ninh mạng; các nội dung khác theo chức năng.\n",
        encoding="utf-8")
    plan = parse(read(path))
    assert [(x.unit, x.line) for x in plan.assignments] == [
        ("Phòng Văn hóa - Xã hội", 2), ("Phòng Kinh tế, Hạ tầng và Đô thị", 2), ("Công an phường", 3)]
    assert plan.assignments[2].tasks == ["Công an phường bảo đảm an ninh mạng"]


@pytest.mark.parametrize(("text", "whole"), [
    ("- Toàn bộ báo cáo định kỳ được thực hiện trên hệ thống thông tin báo cáo.", True),
    ("- Tất cả cán bộ, công chức được bồi dưỡng kỹ năng số.", True),
    ("- Kiện toàn bộ máy Ban Chỉ đạo chuyển đổi số của xã.", False),
    ("- Kiện toàn bộ phận một cửa; bồi dưỡng kỹ năng số cho cán bộ.", False),
    ("- Bảo đảm an toàn bộ dữ liệu hồ sơ công việc của xã.", False),
    ("- Quán triệt toàn bộ cán bộ, công chức về chuyển đổi số.", True),
])
def test_all_of_them_in_words_but_not_inside_a_compound(text: str, whole: bool) -> None:
    """'toàn bộ' is 100% in words; 'kiện toàn bộ máy' is 'kiện toàn' + 'bộ máy' (conventions: whole_word_compounds)."""
    targets = plan_from_text(text).targets
    assert [(t.value, t.implicit) for t in targets] == ([(100.0, True)] if whole else [])
