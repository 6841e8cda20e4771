"""What the lead's probes of session 27 found, each pinned on its own (every compliant plan of the fixtures rewritten
in one office habit at a time, tests/test_rewrites.py's way, the loud findings read):

- a point's number followed by a tab instead of a space ("đ)<tab>Đào tạo, tuyên truyền - Tổ chức …", Word's
  "follow number with: tab" as a text export keeps it) split the marker off as a table's cell, and the point's
  title before its dash was no longer read: the content part reported missing (HP215-SEC-NHANLUC). A marker alone
  before one tab is the point's, as with a space; a table's row number ("1<tab>…<tab>100%") is still a cell.

Found by the session's final check (test_expanded_tabs on round 27c's Ninh Giang plans, tabs expanded at stops of 4):
- a header whose titles carry the columns' unit, "Thành phố giao (%)", was not taken for a header (a "%" in it read
  as a figure), so its "STT Chỉ tiêu" (one space: the tab after "STT" at a stop of 4) stayed one cell, every title
  one column left of its figures: the city's column read as the commune's, HP215-TGT-HOSO missing on a compliant
  plan. A header is one with no percentage written ("80%"), and a short row's title is cut first where the table's
  whole rows open a cell (checker/ingest/tabstops ``_put_back``, ``_cut_singles``).
"""

from __future__ import annotations

from pathlib import Path

from checker.ingest import read
from checker.parse.sections import lead_ins
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
TITLED = PLANS / "phuong-tran-lieu-ocr-trang-lap-dat-chuan.txt"  # content points "x) Title - text", OCR'd d for đ


def _loud(text: str, tmp_path: Path, packs: list[LoadedPack]) -> list[str]:
    path = tmp_path / TITLED.name
    path.write_text(text, encoding="utf-8")
    return [f"{f.id} {f.kind}" for f in check_file(path, packs).findings if f.severity in ("error", "warning")]


def test_a_tab_after_a_points_number_is_its_space(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = TITLED.read_text(encoding="utf-8")
    assert "\nd) Dao tao, tuyen truyen - " in text
    assert _loud(text, tmp_path, packs) == []
    assert _loud(text.replace("\nd) Dao tao", "\nđ)\tDao tao"), tmp_path, packs) == []


def test_the_title_before_the_dash_is_read_after_a_tab() -> None:
    assert lead_ins("đ)\tĐào tạo, tuyên truyền - Tổ chức 02 lớp bồi dưỡng") == ("Đào tạo, tuyên truyền",)
    assert lead_ins("-\tHạ tầng số: duy trì mạng nội bộ") == ("Hạ tầng số",)


def test_a_row_number_is_still_a_cell() -> None:
    row = "1\tThủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình\t100%\t100%"
    assert lead_ins(row) == ("Thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",)


TABLE = """Chỉ tiêu cụ thể (tính theo %):
STT\tChỉ tiêu\tThành phố giao (%)\tPhường đăng ký (%)\tGhi chú
1\tThủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình\t100\t100\t
2\tHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình\t80\t85\tcả năm
3\tHồ sơ công việc được xử lý trên môi trường mạng\t75\t80\t
4\tVăn bản được ký số và xử lý trên môi trường mạng\t90\t95\t
"""


def test_a_header_with_its_columns_unit_keeps_its_cells_when_tabs_are_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bang.txt"
    path.write_text(TABLE.expandtabs(4), encoding="utf-8")
    assert "STT Chỉ tiêu" in path.read_text(encoding="utf-8")  # the tab after "STT" is one space at a stop of 4
    header = next(ln.text for ln in read(path).lines if ln.text.startswith("STT"))
    assert header.split("\t")[:3] == ["STT", "Chỉ tiêu", "Thành phố giao (%)"], header
