"""Round 21a: the same plan written another way, as offices abbreviate and reorder it (tests/fixtures/probes-21a.md:
each rewrite, the plans it was tried on, false alarms and misses before and after). What the rewrites revealed,
pinned on text of its own:

- "CB, CC, VC" (cán bộ, công chức, viên chức, initials apart), "CQS", "KTS", "XHS", "CSDL" are the abbreviations
  offices write everywhere (before: "Tỷ lệ CB, CC, VC được tập huấn … kỹ năng số" not the target, reported missing;
  a heading "2. Xây dựng CQS" not the content part);
- a title "Thực hiện CĐS, Đề án 06 và cải cách hành chính …" is about chuyển đổi số: the directive's subject is
  compared with the abbreviations written out (before: the plan, citing Kế hoạch 215 among its grounds only, was
  judged a plan of another subject and not checked);
- "của BCĐ" cites the Ban Chỉ đạo as its issuer (before: "BCĐ" compared letter by letter with "Ban Chỉ đạo …": a
  wrong issuer reported);
- "Lưu: VT, VP." without its dash closes "Nơi nhận" after items with theirs (before: not read, the archive reported
  missing);
- "đến 30/09/2025 đạt 65%": a zero-padded month is no percent sign "0/0" (before: read as a target of 3%);
- "i. MỤC TIÊU" … "ii. NHIỆM VỤ": parts numbered in lower-case Roman numerals, their titles in capitals, are the
  plan's parts (before: nested one level below the "1." under them, every part's "1." a repeat);
- a decision's "Điều 1." over the plan it issues: the plan's "Mục 1." under "I. MỤC TIÊU" is its point (before: at the
  level of "Điều", numbered again under each part);
- "Thứ năm, Đào tạo, tuyên truyền và phát triển nguồn nhân lực" over its bullets: an ordinal word opens a point's
  topic as "về" does (before: the content part reported missing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_probes import pack_rule, parsed

from checker.checks.references import issuer_differs
from checker.checks.structure import section_line
from checker.checks.targets import matches
from checker.conventions import expanded
from checker.parse.targets import targets_in_text
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack
from checker.text import squash


@pytest.mark.parametrize("who", ["CB, CC, VC", "CB,CC,VC", "CB, CCVC"])
def test_initials_apart_are_the_staff(packs: list[LoadedPack], who: str) -> None:
    rule = pack_rule(packs, "HP215-TGT-KYNANGSO")
    assert matches(rule, f"Tỷ lệ {who} của phường được tập huấn, bồi dưỡng kỹ năng số đạt 60%.")


@pytest.mark.parametrize(("short", "words"), [("CQS", "chinh quyen so"), ("KTS", "kinh te so"),
                                              ("XHS", "xa hoi so"), ("CSDL", "co so du lieu")])
def test_pillars_abbreviated(short: str, words: str) -> None:
    assert words in expanded(f"Phát triển {short} trên địa bàn")


def test_a_content_heading_abbreviated(tmp_path: Path, packs: list[LoadedPack]) -> None:
    plan = parsed(tmp_path, "I. NHIỆM VỤ\n\n1. Hạ tầng số\nRà soát mạng LAN.\n\n2. Xây dựng CQS\nKý số văn bản.\n")
    assert section_line(plan, pack_rule(packs, "HP215-SEC-CQS")) == 6


PLAN_OF_THREE = """ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG ĐÔNG HẢI                               Độc lập - Tự do - Hạnh phúc
Số: 40/KH-UBND                                Đông Hải, ngày 10 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện {subject}, Đề án 06 và cải cách hành chính trên địa bàn phường Đông Hải 6 tháng cuối năm 2025

Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng về ứng dụng công nghệ thông
tin và chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025;
Ủy ban nhân dân phường ban hành Kế hoạch như sau:

I. MỤC TIÊU
Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 85%.
"""


@pytest.mark.parametrize("subject", ["CĐS", "chuyển đổi số"])
def test_a_title_abbreviating_the_subject_is_about_it(tmp_path: Path, packs: list[LoadedPack], subject: str) -> None:
    path = tmp_path / "ba-nhiem-vu.txt"
    path.write_text(PLAN_OF_THREE.format(subject=subject), encoding="utf-8")
    assert check_file(path, packs).status == "checked"


def test_the_steering_committee_abbreviated_is_its_issuer() -> None:
    official = "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố Hải Phòng"
    assert not issuer_differs("BCĐ", official)
    assert not issuer_differs("BCĐ thành phố", official)


CLOSING = """KẾ HOẠCH
Ứng dụng công nghệ thông tin năm 2025

I. MỤC TIÊU
Tỷ lệ hồ sơ đạt 85%.

Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN
- UBND thành phố;                                          CHỦ TỊCH
- Sở Khoa học và Công nghệ;
{archive}                                      Trần Văn Hùng
"""


@pytest.mark.parametrize("archive", ["Lưu: VT, VP.", "- Lưu: VT, VP.", "Lưu VT."])
def test_the_archive_without_its_dash(tmp_path: Path, archive: str) -> None:
    plan = parsed(tmp_path, CLOSING.format(archive=archive.ljust(15)))
    assert plan.recipients[-1].startswith(("Lưu", "- Lưu")) or squash(plan.recipients[-1]).startswith("luu")


def test_a_line_opening_with_the_word_is_no_archive(tmp_path: Path) -> None:
    plan = parsed(tmp_path, CLOSING.format(archive="Lưu ý các đơn vị"))
    assert not any(squash(r).startswith("luu") for r in plan.recipients)


def _values(text: str) -> list[float]:
    return [t.value for t in targets_in_text(text, [(0, 1)], 0, year_from=2025)]


@pytest.mark.parametrize(("padded", "plain"), [("30/09/2025", "30/9/2025"), ("10/01/2026", "10/1/2026"),
                                               ("20/02/2026", "20/2/2026")])
def test_a_zero_padded_date_is_no_percent(padded: str, plain: str) -> None:
    text = "Hồ sơ được xử lý trực tuyến toàn trình: đến {} đạt 65%, đến 31/12/2025 đạt 81%."
    assert _values(text.format(padded)) == _values(text.format(plain))


def test_the_ocr_percent_sign_still_is_one() -> None:
    assert _values("Hồ sơ được số hóa đạt 85 0/0.") == [85.0]


LOWER_ROMAN = """i. MỤC TIÊU
1. Mục tiêu chung
Cụ thể hóa các nhiệm vụ.

ii. NHIỆM VỤ
1. Hạ tầng số
Rà soát mạng LAN.

iii. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội chủ trì.
"""


def test_parts_in_lower_case_roman_numerals(tmp_path: Path) -> None:
    plan = parsed(tmp_path, LOWER_ROMAN)
    levels = {s.number: s.level for s in plan.sections if s.style == "roman"}
    assert levels == {"i": 1, "ii": 1, "iii": 1}
    assert {s.level for s in plan.sections if s.style == "arabic"} == {2}


def test_points_in_lower_case_roman_numerals_stay_points(tmp_path: Path) -> None:
    plan = parsed(tmp_path, "I. MỤC TIÊU\n\ni. Mục tiêu chung\nCụ thể hóa.\n\nii. Mục tiêu cụ thể\nĐạt 85%.\n")
    assert [s.level for s in plan.sections] == [1, 2, 2]


DECISION = """QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KẾ HOẠCH

I. MỤC TIÊU
Mục 1. Mục tiêu chung
Cụ thể hóa các nhiệm vụ.
Mục 2. Mục tiêu cụ thể
Đạt 85%.

II. NHIỆM VỤ
Mục 1. Hạ tầng số
Rà soát mạng LAN.
"""


def test_a_plans_muc_under_its_part_after_a_decisions_dieu(tmp_path: Path) -> None:
    plan = parsed(tmp_path, DECISION)
    plans = [s for s in plan.sections if (s.line or 0) > 5]
    assert [(s.style, s.level) for s in plans] == [("roman", 1), ("part", 2), ("part", 2), ("roman", 1), ("part", 2)]


ORDINAL_POINTS = """II. NHIỆM VỤ, GIẢI PHÁP
Thứ nhất, phát triển hạ tầng số
- Rà soát mạng LAN, đường truyền số liệu chuyên dùng.
Thứ năm, Đào tạo, tuyên truyền và phát triển nguồn nhân lực
- Mở lớp bồi dưỡng kỹ năng số cho công chức.
"""


def test_a_point_opened_by_an_ordinal_word_names_its_topic(tmp_path: Path, packs: list[LoadedPack]) -> None:
    plan = parsed(tmp_path, ORDINAL_POINTS)
    assert section_line(plan, pack_rule(packs, "HP215-SEC-NHANLUC")) == 4
    assert section_line(plan, pack_rule(packs, "HP215-SEC-HATANG")) == 2
