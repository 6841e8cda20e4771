"""Round 22c: the same plan naming things another way, as other offices name the same systems, bodies, documents
and people (tests/fixtures/probes-22c.md: each rewrite, the plans it was tried on, false alarms and misses before
and after). What the rewrites revealed, pinned on text of its own:

- a cited document's date in brackets after its number, "Kế hoạch số 215/KH-UBND (ngày 25/8/2025) của UBND …",
  "KH 215/KH-UBND (25/8/2025)", is its date, and the issuer after it is read (before: neither read, a wrong date or
  issuer of Kế hoạch 215 not reported);
- the issuer before the date, "Kế hoạch số 215/KH-UBND của UBND thành phố ngày 25/8/2025": the issuer ends at the
  date, which is the document's (before: "UBND thành phố ngày 25/8/2025" read as the issuer, reported wrong, and no
  date read);
- the reporting system by its initials, "Hệ thống TTBC", "HTTTBC" (rules/conventions.yaml `abbreviations`; before: the
  periodic-reports target not recognised, reported missing on 83 compliant plans);
- the merged Sở Thông tin và Truyền thông with its two fields joined by a dash, "Sở Thông tin - Truyền thông", and the
  former Trung tâm Hành chính công with either half abbreviated, "Trung tâm HCC", "TT Hành chính công"
  (rules/bodies.yaml; before: given work, not reported);
- "Nơi nhận:" is never a cell of a table of assignments cut a cell to a line: the Công an among the recipients
  under it, the execution part's points short, the Công an given no work is reported missing (before: "not judged",
  info; found where "P.Kinh tế:", one character shorter than "P. Kinh tế:", made the points short enough);
- "P. Kinh tế" is the Phòng Kinh tế as "P. KT" is: a ward's plan giving it work is told its office's name
  (rules/bodies.yaml; before: not reported);
- an issuer ends before "và Nghị định …", "và Thông tư …", another document joined to it, as before "và Kế hoạch …"
  (found by fix 2: "của Chính phủ và Nghị định số 85/2016/NĐ-CP ngày 01/7/2016" had been read up to the comma);
- "Lực lượng Công an phường: …" gives the Công an its work (rules/conventions.yaml `office_words`; before: a point
  opening with "Lực lượng" not read as an office's, the Công an reported missing);
- a part at the top titled "NHIỆM VỤ GIAO CÁC PHÒNG, ĐƠN VỊ", "NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ" gives the offices
  named in it their work (rules/conventions.yaml `parts_at_top`; before: read only where its title happened to be
  near enough a name of Tổ chức thực hiện, "NHIỆM VỤ, CHỈ TIÊU GIAO …"; otherwise every office reported unassigned).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_probes import pack_rule, parsed

from checker.checks.targets import matches
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

GROUNDS = """KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số năm 2025

Căn cứ {cited} của UBND tỉnh về ứng dụng công nghệ thông tin;
UBND xã ban hành Kế hoạch như sau:
"""


@pytest.mark.parametrize(("cited", "day"), [
    ("Kế hoạch số 215/KH-UBND (ngày 25/9/2025)", "25/9/2025"),
    ("KH 215/KH-UBND (25/9/2025)", "25/9/2025"),
    ("Kế hoạch số 215/KH-UBND (ban hành ngày 25 tháng 9 năm 2025)", "25 tháng 9 năm 2025"),
])
def test_a_date_in_brackets_after_the_number(tmp_path: Path, cited: str, day: str) -> None:
    ref = next(r for r in parsed(tmp_path, GROUNDS.format(cited=cited)).references if r.number == "215/KH-UBND")
    assert (ref.raw_date, ref.issuer) == (day, "UBND tỉnh")


@pytest.mark.parametrize(("cited", "issuer", "day"), [
    ("Kế hoạch số 215/KH-UBND của UBND thành phố ngày 25/8/2025", "UBND thành phố", "25/8/2025"),
    ("Kế hoạch số 215/KH-UBND của Ủy ban nhân dân tỉnh ngày 5 tháng 9 năm 2025", "Ủy ban nhân dân tỉnh",
     "5 tháng 9 năm 2025"),
])
def test_the_issuer_before_the_date(tmp_path: Path, cited: str, issuer: str, day: str) -> None:
    text = GROUNDS.replace("{cited} của UBND tỉnh", "{cited}").format(cited=cited)
    ref = next(r for r in parsed(tmp_path, text).references if r.number == "215/KH-UBND")
    assert (ref.issuer, ref.raw_date) == (issuer, day)


@pytest.mark.parametrize("system", ["Hệ thống TTBC của thành phố", "HTTTBC thành phố"])
def test_the_reporting_system_by_its_initials(packs: list[LoadedPack], system: str) -> None:
    rule = pack_rule(packs, "HP215-TGT-BAOCAO")
    assert matches(rule, f"100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên {system}.")


ASSIGNED = """ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG ĐÔNG HẢI                               Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND                                Đông Hải, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số trên địa bàn phường Đông Hải 6 tháng cuối năm 2025

Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng về ứng dụng công nghệ thông
tin và chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025;
Ủy ban nhân dân phường ban hành Kế hoạch như sau:

I. TỔ CHỨC THỰC HIỆN
1. {body} hướng dẫn các đơn vị bảo đảm an toàn thông tin.
"""


@pytest.mark.parametrize("body", ["Sở Thông tin - Truyền thông", "Trung tâm HCC phường", "TT Hành chính công phường"])
def test_a_body_gone_named_another_way(tmp_path: Path, packs: list[LoadedPack], body: str) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(ASSIGNED.format(body=body), encoding="utf-8")
    assert [f.line for f in check_file(path, packs).findings if f.id == "HP215-BODIES"] == [13]


UNASSIGNED = """ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TIÊN LÃNG                                  Độc lập - Tự do - Hạnh phúc
Số: 52/KH-UBND                                Tiên Lãng, ngày 12 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số trên địa bàn xã Tiên Lãng 6 tháng cuối năm 2025

I. NHIỆM VỤ
1. Bảo đảm an toàn, an ninh thông tin mạng cho các hệ thống của xã.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội: đầu mối.
2. Phòng Kinh tế: bố trí kinh phí.
3. Văn phòng: quản lý văn bản.

Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN
- UBND thành phố;                                          CHỦ TỊCH
- Công an xã;
- Lưu: VT.
                                                       Nguyễn Văn An
"""


def test_the_police_among_the_recipients_only(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(UNASSIGNED, encoding="utf-8")
    got = [(f.severity, f.line) for f in check_file(path, packs).findings if f.id == "HP215-UNIT-CONGAN"]
    assert got == [("error", 11)]


def test_an_office_as_p_and_its_name(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(ASSIGNED.format(body="P. Kinh tế bố trí kinh phí;"), encoding="utf-8")
    assert [f.actual for f in check_file(path, packs).findings if f.id == "HP215-BODIES"] == ["P. Kinh tế"]


def test_the_issuer_ends_before_another_decree(tmp_path: Path) -> None:
    text = GROUNDS.replace("{cited} của UBND tỉnh", "{cited}").format(
        cited="Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ và Nghị định số 85/2016/NĐ-CP ngày 01/7/2016")
    refs = {r.number: r.issuer for r in parsed(tmp_path, text).references}
    assert refs["42/2022/ND-CP"] == "Chính phủ"


BY_OFFICE = """I. NHIỆM VỤ, CHỈ TIÊU GIAO CÁC PHÒNG, ĐƠN VỊ
1. Phòng Văn hóa - Xã hội: là cơ quan đầu mối, chủ trì tham mưu, kiểm tra, tổng hợp, báo cáo.
2. Phòng Kinh tế: tham mưu bố trí kinh phí thực hiện Kế hoạch.
3. Lực lượng Công an xã: về bảo đảm an toàn, an ninh thông tin mạng, tham gia diễn tập.

II. TỔ CHỨC THỰC HIỆN
Thủ trưởng các phòng, đơn vị tại Mục I chịu trách nhiệm về nhiệm vụ được giao.
"""


def test_the_police_as_its_force(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = UNASSIGNED[: UNASSIGNED.index("I. NHIỆM VỤ")] + BY_OFFICE
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    assert not [f for f in check_file(path, packs).findings if f.id == "HP215-UNIT-CONGAN"]


@pytest.mark.parametrize("title", ["I. NHIỆM VỤ GIAO CÁC PHÒNG, ĐƠN VỊ", "I. NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ"])
def test_a_part_of_the_offices_work(tmp_path: Path, packs: list[LoadedPack], title: str) -> None:
    text = UNASSIGNED[: UNASSIGNED.index("I. NHIỆM VỤ")] + BY_OFFICE.replace(BY_OFFICE.split("\n")[0], title)
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    assert not [f for f in check_file(path, packs).findings if f.id.startswith("HP215-UNIT-") and f.severity == "error"]
