"""Round 23d: a Word file's tables read by a tool that walks its paragraphs (python-docx, docx2txt, a portal's "xem
nội dung" view): every cell whole on a line of its own, row after row (tests/fixtures/probes-23d.md: each rewrite,
the plans it was tried on, false alarms and misses before and after). What the rewrites revealed, pinned on text of
its own:

- a targets table numbered "TT" / "STT", its header's cells and each row's cells one to a line, is read back as a
  table (checker/ingest/wholecells.py): each figure under its column, a past result's column not taken for the
  plan's (before: the description's words cut off from the figures, the targets missing, or the first figure after
  the words, a past result's, read as the plan's: a false "weaker"); a row whose empty cell left no line is placed
  where one way only puts a figure in every figure column; where no one way does, the row's cells are set apart and
  the targets are not judged;
- a table without a numbering column ("Nội dung" / "Chỉ tiêu" / "Thời gian hoàn thành", then groups of as many
  lines) likewise (before: every target missing).

Leftovers of round 23:
- a task table's group row numbered "1." over rows "1.1", "1.2" is the table's (before: a point of the body, "2."
  reported the first of its level, HP215-NUMBERING);
- "X." and "ĐK." abbreviate xã and đặc khu before a unit's name as "P." does phường (before: "tại X. Hợp Tiến" after
  the 215's issuer read as part of the issuer, the plan judged not to implement KH 215; "X. Thái Tân" not read as
  another commune's name).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_probes import parsed
from test_leftovers_23a import WARD

from checker.ingest import read
from checker.ingest.wholecells import _roles
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

HEAD = """ỦY BAN NHÂN DÂN
XÃ AN LẠC
Số: 12/KH-UBND
An Lạc, ngày 10 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số 6 tháng cuối năm 2025

Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân dân xã
An Lạc ban hành Kế hoạch như sau:

I. MỤC TIÊU
Các chỉ tiêu của xã đến hết năm 2025:
"""

# a past result's column before the city's and the xã's, a note column; row 2's note empty (no line for it)
COLUMNS_AND_ROW_1 = """STT
Chỉ tiêu
Kết quả 6 tháng đầu năm 2025
Thành phố giao
Xã đăng ký
Ghi chú
1
Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình
61%
Tối thiểu 80%
Tối thiểu 82%
Tăng so với cùng kỳ
2
Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính
86%
Trên 90%
Trên 92%
"""
TAIL = """
II. NHIỆM VỤ
1. Hạ tầng số: duy trì mạng truyền số liệu chuyên dùng.
"""
NUMBERED = HEAD + COLUMNS_AND_ROW_1 + """3
Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số
30%
Tối thiểu 50%
Tối thiểu 55%
Bình quân thành phố khoảng 40%
""" + TAIL


def _lines(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return [ln.text for ln in read(path).lines]


def test_a_numbered_table_one_cell_to_a_line_is_read_back_row_by_row(tmp_path: Path) -> None:
    lines = _lines(tmp_path, NUMBERED)
    assert "STT\tChỉ tiêu\tKết quả 6 tháng đầu năm 2025\tThành phố giao\tXã đăng ký\tGhi chú" in lines
    assert ("2\tMức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính\t86%\tTrên 90%\t"
            "Trên 92%\t") in lines  # the empty note: the only way every figure column holds a figure


def test_a_past_result_column_is_not_read_as_the_plans(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(NUMBERED, encoding="utf-8")
    got = {(f.id, f.kind) for f in check_file(path, packs).findings if f.id.startswith("HP215-TGT-")}
    assert not {g for g in got if g[0] in ("HP215-TGT-HOSO", "HP215-TGT-HAILONG", "HP215-TGT-KYNANGSO")}


# row 2 gives one cell fewer than the header: its past result's cell or its note's left no line; one full row only
# does not tell that the past result's column always holds a figure: the city's figure is 86% or "Trên 90%"
AMBIGUOUS = HEAD + COLUMNS_AND_ROW_1 + TAIL


def test_a_row_that_fits_two_ways_is_not_judged(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    got = {f.id: f.message for f in check_file(path, packs).findings if f.id in ("HP215-TGT-HOSO", "HP215-TGT-HAILONG")}
    assert sorted(got) == ["HP215-TGT-HAILONG", "HP215-TGT-HOSO"]
    assert all(m.startswith("Chưa đánh giá được chỉ tiêu") for m in got.values())  # checks.targets.unread


UNNUMBERED = HEAD + """Nội dung
Chỉ tiêu
Thời gian hoàn thành
Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình
Tối thiểu 85%
31/12/2025
Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính
Trên 92%
Quý IV/2025
Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số
Tối thiểu 60%
Tháng 11/2025

II. NHIỆM VỤ
1. Hạ tầng số: duy trì mạng truyền số liệu chuyên dùng.
"""


def test_a_table_without_numbers_one_cell_to_a_line_is_read_back(tmp_path: Path) -> None:
    lines = _lines(tmp_path, UNNUMBERED)
    assert "Nội dung\tChỉ tiêu\tThời gian hoàn thành" in lines
    plan = parsed(tmp_path, UNNUMBERED)
    assert {t.line for t in plan.targets} >= {17, 20, 23}  # each row at its description's line


# leftover of round 23 (test_tables_23's docstring): a task table whose TT column is numbered "1.", its groups' rows
# "1.1", "1.2" under a group row "1. <tab> Hạ tầng số"
DOTTED_GROUPS = HEAD + """1. Mục tiêu chung
Xây dựng chính quyền số.

II. PHÂN CÔNG NHIỆM VỤ
TT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian
1.\tHạ tầng số
1.1\tDuy trì điểm cầu hội nghị truyền hình trực tuyến\tVăn phòng HĐND và UBND xã\tBưu điện xã\tThường xuyên
1.2\tNâng cấp mạng LAN trụ sở xã\tVăn phòng HĐND và UBND xã\tPhòng Kinh tế\tQuý IV/2025
2.\tChính quyền số
2.1\tKý số văn bản đi\tVăn phòng HĐND và UBND xã\tCác phòng chuyên môn\tThường xuyên
2.2\tLập hồ sơ công việc điện tử\tCác phòng chuyên môn\tVăn phòng HĐND và UBND xã\tThường xuyên

III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.
"""


def test_a_group_row_numbered_with_a_full_stop_is_the_tables(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(DOTTED_GROUPS, encoding="utf-8")
    assert not [f for f in check_file(path, packs).findings if f.id == "HP215-NUMBERING"]


def _commune(own: str) -> str:
    """Round 23a's ward plan made a commune's: "… của UBND thành phố tại X. Hợp Tiến", ``own`` in its objective."""
    return (WARD.replace("UBND PHƯỜNG AN BIÊN", "UBND XÃ HỢP TIẾN  ").replace("P. An Biên", "X. Hợp Tiến")
            .replace("An Biên", "Hợp Tiến").replace("phường", "xã").format(own=own))


@pytest.mark.parametrize(("own", "other"), [("X. Hợp Tiến", False), ("X. Thái Tân", True), ("ĐK. Cát Hải", True)])
def test_x_dot_and_dk_dot_before_a_units_name(own: str, other: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(_commune(own), encoding="utf-8")
    result = check_file(path, packs)
    assert result.status == "checked"
    assert any(f.id == "HP215-UNITNAME" and f.line == 15 for f in result.findings) is other


CLOSING = """
II. NHIỆM VỤ
1. Hạ tầng số: duy trì mạng truyền số liệu chuyên dùng, điểm cầu hội nghị truyền hình trực tuyến của xã.
2. Chính quyền số: vận hành Hệ thống quản lý văn bản và điều hành; ký số văn bản đi.

III. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND xã chủ trì, phối hợp với các cơ quan, đơn vị triển khai thực hiện Kế hoạch này./.

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- UBND thành phố;\tCHỦ TỊCH
- Sở Khoa học và Công nghệ;
- Lưu: VT.\tNguyễn Văn Bình

PHỤ LỤC
DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG
TT
Thôn
Số thành viên
Tổ trưởng
"""


def test_the_closing_before_an_appendix_of_cells_one_to_a_line(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """An appendix's table written one cell to a line makes many short lines: the closing above it is still the
    plan's (before: looked for only after a third of the lines, Nơi nhận and the signer reported missing)."""
    rows = "".join(f"{n}\nThôn {n}\n{n % 5 + 3}\nNguyễn Văn {chr(64 + n % 26)}\n" for n in range(1, 41))
    path = tmp_path / "ke-hoach.txt"
    target = "100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.\n"
    path.write_text(HEAD + target + CLOSING + rows, encoding="utf-8")
    form = [f.message for f in check_file(path, packs).findings if f.id == "HP215-FORM"]
    assert not [m for m in form if "nơi nhận" in m or "chữ ký" in m]


def test_a_header_read_with_its_marks() -> None:
    """"Tình trạng" (a status column) is not "tỉnh" (the parent's column) though both read "tinh" without marks:
    its words are no figure column (before: the appendix's table of systems set apart cell by cell)."""
    assert _roles(["Hệ thống", "Tình trạng đến 30/6/2025", "Chỉ tiêu tỉnh giao"]) == [None, None, "reference"]


@pytest.mark.parametrize("page", ["\f- 2 -\n", ""])
def test_a_description_cut_by_a_page_break(page: str, tmp_path: Path) -> None:
    """A row's description cut by a page break (the page's number between its halves, or taken out): the lower-case
    rest goes on the description (before: the table, its cells not whole, left one cell to a line)."""
    cut = NUMBERED.replace("Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
                           f"Hồ sơ thủ tục hành chính được xử lý\n{page}trực tuyến toàn trình")
    assert ("1\tHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình\t61%\tTối thiểu 80%\tTối thiểu 82%\t"
            "Tăng so với cùng kỳ") in _lines(tmp_path, cut)


def test_a_row_with_a_cell_to_each_column_is_taken_as_it_is(tmp_path: Path) -> None:
    """Words in a figure column ("Theo quy định" for the city's) of a row that gives every cell: the row as it is
    (before: the row did not fit, the table set apart cell by cell and a lower target not judged)."""
    lines = _lines(tmp_path, NUMBERED.replace("Tối thiểu 50%", "Theo quy định"))
    assert ("3\tCán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số\t30%\tTheo quy định\tTối thiểu 55%\t"
            "Bình quân thành phố khoảng 40%") in lines
