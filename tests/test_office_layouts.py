"""Layouts other offices use, each read as the office means it (issue 8, part D): slash numbering ("I/", "1/", "a/"),
tables aligned with spaces only (a header's cells closer than the data's), a column of results already reached
beside the target column, a table's group rows written across it (Word's merged rows, or the line between two rows
of a table saved as text), tables in a double-spaced text, a comparator word that a comma parts from the figure, and
bare figures whose percent sign is written once (in a unit-of-measure cell or in the column's header).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest import layout, read
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block
from checker.parse import parse
from checker.parse.targets import comparator_before
from checker.parse.view import View
from checker.text import fold


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def _rows(text: str) -> list[list[str]]:
    tables = [b for b in _blocks(text) if b.kind == "table"]
    assert len(tables) == 1
    return [[c.text for c in r] for r in tables[0].rows]


def test_slash_markers_are_headings_and_points() -> None:
    text = ("Mở đầu của kế hoạch.\n\nI/ MỤC TIÊU\n\n1/ Mục tiêu chung\nNội dung.\n\n2/ Mục tiêu cụ thể\n"
            "a/ Điểm thứ nhất;\nb/ Điểm thứ hai.\n\nII/ TỔ CHỨC THỰC HIỆN\nNội dung.\n")
    view = View.of(read_text(text))
    from checker.parse.sections import find_sections

    got = [(s.number, s.style, s.title) for s in find_sections(view)]
    assert ("I", "roman", "MỤC TIÊU") in got and ("II", "roman", "TỔ CHỨC THỰC HIỆN") in got
    assert ("1", "arabic", "Mục tiêu chung") in got and ("2", "arabic", "Mục tiêu cụ thể") in got
    assert [b.marker for b in _blocks(text) if b.kind == "list_item"] == ["a/", "b/"]
    # a date or "b/c" at a line's start is no marker
    assert layout.marker_of("25/8/2025 là ngày ban hành")[1] is None
    assert layout.marker_of("b/c kết quả")[1] is None


def test_ordinal_openers_without_diacritics() -> None:
    """An OCR without diacritics writes "Năm là," as "Nam la,": still a point of a list; "Thứ tự," (folded like
    "Thứ tư,") in a text that has its diacritics is no such point. (tests/layouts.py "ocr-without-diacritics"
    checks the same on every plan.)"""
    assert layout.marker_of("Năm là, về đào tạo") == ("Năm là", "ordinal")
    assert layout.marker_of("Nam la, ve dao tao, tuyen truyen") == ("Nam la", "ordinal")
    assert layout.marker_of("Thu tu, ve an toan thong tin") == ("Thu tu", "ordinal")
    assert layout.marker_of("Thứ tự, các bước thực hiện như sau") == ("", None)
    # "Dieu 2." (Điều without its stroke) is an article's marker
    assert layout.marker_of("Dieu 2. Quyet dinh nay co hieu luc ke tu ngay ky.")[1] == "part"


def read_text(text: str) -> object:
    from checker.models import Document

    lines, tables = pipe_tables(lines_of(text))
    return Document(path="plan.txt", format="txt", lines=lines, tables=tables)


ALIGNED = """Bảng chỉ tiêu:

STT  Chỉ tiêu                                    Đã đạt 30/6/2025   Phấn đấu đến 31/12/2025
1    Hồ sơ TTHC xử lý trực tuyến toàn trình            41%          Tối thiểu 80%
2    Kết quả giải quyết TTHC được số hóa               64%          100%

Sau bảng.
"""


def test_space_aligned_table_is_cut_at_its_columns() -> None:
    rows = _rows(ALIGNED)
    # the header's cells over the figures stand over them (its first two, two spaces apart, may stay one)
    assert rows[0][2:] == ["Đã đạt 30/6/2025", "Phấn đấu đến 31/12/2025"]
    assert rows[1:] == [["1", "Hồ sơ TTHC xử lý trực tuyến toàn trình", "41%", "Tối thiểu 80%"],
                        ["2", "Kết quả giải quyết TTHC được số hóa", "64%", "100%"]]


def test_rows_not_aligned_are_cut_at_their_gaps() -> None:
    """A PDF's text keeps wide gaps but not the columns: each row is cut at its own gaps."""
    text = ("STT    Chỉ tiêu    Thành phố giao    Của phường\n"
            "1    Hồ sơ TTHC xử lý trực tuyến toàn trình    Tối thiểu 80%    85%\n"
            "2    Kết quả số hóa    100%    100%\n")
    assert _rows(text)[1] == ["1", "Hồ sơ TTHC xử lý trực tuyến toàn trình", "Tối thiểu 80%", "85%"]


def test_column_of_results_reached_is_no_target(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(ALIGNED, encoding="utf-8")
    plan = parse(read(path))
    assert sorted((t.value, t.comparator) for t in plan.targets) == [(80.0, ">="), (100.0, "=")]


GROUPED = ("Các nhiệm vụ như sau:\n"
           "TT\tNhiệm vụ\tChủ trì\tPhối hợp\n"
           "1. Hạ tầng số\n"
           "1.1\tBảo đảm mạng LAN, hội nghị truyền hình\tVăn phòng HĐND và UBND\tCông an xã\n"
           "2. Đào tạo, tuyên truyền\n"
           "2.1\tTập huấn kỹ năng số\tPhòng Văn hóa - Xã hội\tCác cơ quan\n"
           "III. KINH PHÍ\n"
           "Ngân sách xã.\n")


def test_group_rows_stay_in_their_table_and_title_a_part() -> None:
    assert _rows(GROUPED) == [["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp"], ["1. Hạ tầng số"],
                              ["1.1", "Bảo đảm mạng LAN, hội nghị truyền hình", "Văn phòng HĐND và UBND", "Công an xã"],
                              ["2. Đào tạo, tuyên truyền"],
                              ["2.1", "Tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội", "Các cơ quan"]]
    from checker.parse.sections import find_sections

    got = [(s.number, s.title) for s in find_sections(View.of(read_text(GROUPED)))]
    # the group rows title parts; the task rows ("1.1 | ...") are rows, not headings
    assert got == [("1", "Hạ tầng số"), ("2", "Đào tạo, tuyên truyền"), ("III", "KINH PHÍ")]


def test_word_rows_merged_across_title_parts(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("II. NHIỆM VỤ")
    t = d.add_table(rows=4, cols=3)
    for k, h in enumerate(["TT", "Nhiệm vụ", "Chủ trì"]):
        t.cell(0, k).text = h
    t.cell(1, 0).merge(t.cell(1, 2)).text = "1. Đào tạo, tuyên truyền, phát triển nguồn nhân lực"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "1.1", "Tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội"
    t.cell(3, 0).text, t.cell(3, 1).text, t.cell(3, 2).text = "1.2", "Tuyên truyền", "Phòng Văn hóa - Xã hội"
    path = tmp_path / "plan.docx"
    d.save(str(path))
    plan = parse(read(path))
    assert [(s.number, s.title) for s in plan.sections] == [
        ("II", "NHIỆM VỤ"), ("1", "Đào tạo, tuyên truyền, phát triển nguồn nhân lực")]


def test_table_in_a_double_spaced_text() -> None:
    body = "\n\n".join(["Đoạn mở đầu của kế hoạch có đủ chữ để không ngắn."] * 12)
    table = "TT\tChỉ tiêu\tThành phố giao\tPhường\n\n1\tKết quả số hóa\t100%\t100%\n\n2\tHồ sơ TTHC\t80%\t85%\n"
    blocks = _blocks(body + "\n\n" + table)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and len(tables[0].rows) == 3


@pytest.mark.parametrize(("before", "want"), [
    ("ngoài các chỉ tiêu trên, ", "="),
    ("đạt trên ", ">"),
    ("tối thiểu ", ">="),
    ("như đã nêu ở trên. ", "="),
])
def test_comparator_is_the_word_right_before_the_figure(before: str, want: str) -> None:
    assert comparator_before(fold(before)) == want


BARE = ("II. CHỈ TIÊU\n"
        "TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\n"
        "1\tHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình\t%\t≥ {hoso}\n"
        "2\tKết quả giải quyết thủ tục hành chính được số hóa\t%\t100\n"
        "3\tHệ thống thông tin có phương án bảo đảm an toàn thông tin\tHệ thống\t12\n")
RATE = ("II. CHỈ TIÊU\n"
        "STT\tChỉ tiêu\tTỷ lệ năm 2025 (%)\n"
        "1\tHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình\tTối thiểu {hoso}\n"
        "2\tKết quả giải quyết thủ tục hành chính được số hóa\t100\n")


@pytest.mark.parametrize("table", [BARE, RATE], ids=["unit-cell", "header"])
def test_percent_sign_written_once_for_bare_figures(table: str, tmp_path: Path) -> None:
    """"%" in the row's unit-of-measure cell, or "(%)" in the column's header: the bare numbers are percentages;
    the row's number (under TT/STT) and a count in another unit are not."""
    path = tmp_path / "plan.txt"
    for hoso in (80, 65):
        path.write_text(table.format(hoso=hoso), encoding="utf-8")
        got = sorted((t.value, t.comparator) for t in parse(read(path)).targets if t.unit == "%")
        assert got == sorted([(float(hoso), ">="), (100.0, "=")])


def test_bare_figure_lowered_is_found_at_its_row(tmp_path: Path) -> None:
    from checker.pipeline import check_file
    from checker.rules.loader import load_packs

    plan = Path(__file__).parent / "fixtures" / "plans" / "xa-tan-ky-dvt-phan-tram.txt"
    lines = plan.read_text(encoding="utf-8").split("\n")
    row = next(k for k, ln in enumerate(lines) if ln.startswith("2\tHồ sơ thủ tục hành chính"))
    lines[row] = lines[row].replace("≥ 80", "≥ 65")
    path = tmp_path / plan.name
    path.write_text("\n".join(lines), encoding="utf-8")
    found = check_file(path, load_packs()).findings
    assert any(f.id == "HP215-TGT-HOSO" and f.kind == "weaker" and f.line == row + 1 for f in found)


def test_bare_numbers_without_a_header_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Bảng:\n1\tHồ sơ thủ tục hành chính trực tuyến toàn trình\t%\t80\n"
                    "2\tKết quả số hóa\t%\t100\n", encoding="utf-8")
    assert [t for t in parse(read(path)).targets if t.value in (1.0, 2.0)] == []
