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
    (MOTTO_2COL.format(a="CHÍNH PHỦ", b="") + BODY.format(n="12/NQ-CP", place="Hà Nội"),
     "government", "CHÍNH PHỦ", None),
    (MOTTO_2COL.format(a="ỦY BAN NHÂN DÂN", b="THÀNH PHỐ HÀ NỘI") + BODY.format(n="120/KH-UBND", place="Hà Nội"),
     "province", "THÀNH PHỐ HÀ NỘI", None),
    (MOTTO_2COL.format(a="UBND TP HỒ CHÍ MINH", b="") + BODY.format(n="31/KH-UBND", place="TP. Hồ Chí Minh"),
     "province", "TP HỒ CHÍ MINH", None),
    (MOTTO_2COL.format(a="HỘI ĐỒNG NHÂN DÂN", b="TỈNH THANH HÓA") + BODY.format(n="3/NQ-HĐND", place="Thanh Hóa"),
     "province", "TỈNH THANH HÓA", None),
    (MOTTO_2COL.format(a="BỘ THÔNG TIN", b="VÀ TRUYỀN THÔNG") + BODY.format(n="5/KH-BTTTT", place="Hà Nội"),
     "ministry", "BỘ THÔNG TIN VÀ TRUYỀN THÔNG", None),
    (MOTTO_2COL.format(a="BỘ CÔNG AN", b="") + BODY.format(n="5/KH-BCA", place="Hà Nội"),
     "ministry", "BỘ CÔNG AN", None),
    # under a parent body's name (NĐ 30/2020: "cơ quan chủ quản"): the issuing body's level, not the parent's
    (MOTTO_2COL.format(a="UBND TỈNH QUẢNG NINH", b="UBND HUYỆN TIÊN YÊN")
     + BODY.format(n="8/KH-UBND", place="Tiên Yên"),
     "district", "HUYỆN TIÊN YÊN", None),
    (MOTTO_2COL.format(a="UBND TỈNH QUẢNG NINH", b="SỞ KHOA HỌC VÀ CÔNG NGHỆ")
     + BODY.format(n="5/KH-SKHCN", place="Quảng Ninh"), "province", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", None),
    (MOTTO_2COL.format(a="TỈNH ỦY BẮC NINH", b="BAN CHỈ ĐẠO") + BODY.format(n="3-KH/BCĐ", place="Bắc Ninh"),
     "steering", "BAN CHỈ ĐẠO", None),
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG              ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG HẢI AN\n*\n"
     + BODY.format(n="12-KH/ĐU", place="Hải An"), "party", "ĐẢNG ỦY PHƯỜNG HẢI AN", None),
    ("UY BAN NHAN DAN            CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH NAM DINH              Doc lap - Tu do - "
     "Hanh phuc\n" + BODY.format(n="3/KH-UBND", place="Nam Dinh"), "province", "TINH NAM DINH", None),
    # communes are still communes, their name from the header; the city's name above them is their parent's
    (MOTTO_2COL.format(a="UBND THÀNH PHỐ HẢI PHÒNG", b="UBND PHƯỜNG LÊ CHÂN")
     + BODY.format(n="5/KH-UBND", place="Lê Chân"),
     "commune", "PHƯỜNG LÊ CHÂN", "Lê Chân"),
    (MOTTO_2COL.format(a="ĐẢNG ỦY XÃ KIẾN THỤY", b="ỦY BAN NHÂN DÂN XÃ KIẾN THỤY")
     + BODY.format(n="19/KH-UBND", place="Kiến Thụy"), "commune", "KIẾN THỤY", "Kiến Thụy"),
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


GENERAL = [c for c in CASES if c[3] is None]


@pytest.mark.parametrize(("text", "level", "words", "unit"), GENERAL, ids=[c[2] for c in GENERAL])
def test_label_is_the_issuer_as_written(text: str, level: str, words: str, unit: str | None) -> None:
    label = unit_label(plan_from_text(text), [])
    assert label is not None and words in label and not label.startswith("Xã")


def test_motto_alone_names_no_issuer() -> None:
    h = plan_from_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                       + BODY.format(n="3/KH-UBND", place="Hà Nội")).header
    assert h.issuer is None and h.unit_name is None and h.issuer_level is None
