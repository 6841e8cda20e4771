"""The issuer of a document at any level is named as written, or not at all: never a commune guessed from the
motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or from the body. Headers written for this test (two columns, one per
line, flattened OCR), after NĐ 30/2020 Phụ lục I."""

from __future__ import annotations

import pytest
from conftest import plan_from_text

from checker.pipeline import unit_label

MOTTO_2COL = "{a:<40}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{b:<40}Độc lập - Tự do - Hạnh phúc\n"
BODY = "\nSố: {n}                   {place}, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\n" \
       "I. MỤC TIÊU\nCác xã, phường trong tỉnh hoàn thành 100% dịch vụ công trực tuyến toàn trình.\n"

CASES = [
    # (header, level, issuer words expected, commune unit expected)
    (MOTTO_2COL.format(a="ỦY BAN NHÂN DÂN", b="TỈNH QUẢNG NINH") + BODY.format(n="120/KH-UBND", place="Quảng Ninh"),
     "province", "TỈNH QUẢNG NINH", None),
    (MOTTO_2COL.format(a="ỦY BAN NHÂN DÂN", b="THÀNH PHỐ HẢI PHÒNG") + BODY.format(n="215/KH-UBND", place="Hải Phòng"),
     "province", "THÀNH PHỐ HẢI PHÒNG", None),
    (MOTTO_2COL.format(a="BỘ KHOA HỌC VÀ CÔNG NGHỆ", b="") + BODY.format(n="55/KH-BKHCN", place="Hà Nội"),
     "ministry", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", None),
    (MOTTO_2COL.format(a="VĂN PHÒNG CHÍNH PHỦ", b="") + BODY.format(n="12/KH-VPCP", place="Hà Nội"),
     "government", "VĂN PHÒNG CHÍNH PHỦ", None),
    (MOTTO_2COL.format(a="THỦ TƯỚNG CHÍNH PHỦ", b="") + BODY.format(n="749/QĐ-TTg", place="Hà Nội"),
     "government", "THỦ TƯỚNG CHÍNH PHỦ", None),
    ("ĐẢNG BỘ TỈNH NINH BÌNH                  ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*\n"
     + BODY.format(n="30-KH/TU", place="Ninh Bình"), "party", "ĐẢNG BỘ TỈNH NINH BÌNH", None),
    (MOTTO_2COL.format(a="BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", b="TỈNH THÁI BÌNH")
     + BODY.format(n="3/KH-BCĐ", place="Thái Bình"),
     "steering", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", None),
    ("ỦY BAN NHÂN DÂN\nHUYỆN AN LÃO\nSố: 60/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "An Lão, ngày 28 tháng 02 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số huyện An Lão năm 2025\n\nI. MỤC TIÊU\n"
     "Các xã trong huyện đạt 100% dịch vụ công trực tuyến.\n", "district", "HUYỆN AN LÃO", None),
    ("UY BAN NHAN DAN TINH HUNG YEN CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n"
     + BODY.format(n="7/KH-UBND", place="Hung Yen"), "province", "TINH HUNG YEN", None),
    # communes are still communes, their name from the header
    (MOTTO_2COL.format(a="ỦY BAN NHÂN DÂN", b="XÃ AN LÃO") + BODY.format(n="57/KH-UBND", place="An Lão"),
     "commune", "XÃ AN LÃO", "An Lão"),
    (MOTTO_2COL.format(a="UBND ĐẶC KHU CÁT HẢI", b="") + BODY.format(n="9/KH-UBND", place="Cát Hải"),
     "commune", "CÁT HẢI", "Cát Hải"),
]


@pytest.mark.parametrize(("text", "level", "words", "unit"), CASES, ids=[c[2] for c in CASES])
def test_issuer_named_rightly_or_not_at_all(text: str, level: str, words: str, unit: str | None) -> None:
    h = plan_from_text(text).header
    assert h.issuer_level == level
    assert words in (h.issuer or "")
    assert h.unit_name == unit
    assert "hội chủ nghĩa" not in (h.issuer or "").lower() and "hội chủ nghĩa" not in (h.unit_name or "").lower()


@pytest.mark.parametrize(("text", "level", "words", "unit"), CASES[:9], ids=[c[2] for c in CASES[:9]])
def test_label_is_the_issuer_as_written(text: str, level: str, words: str, unit: str | None) -> None:
    label = unit_label(plan_from_text(text), [])
    assert label is not None and words in label and not label.startswith("Xã")
