"""Plans whose text was taken from a PDF by plain ``pdftotext`` (no ``-layout``), as reviewers paste it.

pdftotext without -layout writes a table's cells one to a line: row by row (the first line of every cell of a row,
left to right, then the further lines of its long description), or column by column (every cell of a column, then
the next column), and the header over one line per column; a narrow cell's first line may run into the next
column's ("Văn bản được ký Trên 90%"). The plan below and its tables are written here in those shapes (not taken
from any plan). A plan that complies gets no error nor warning on its targets; a target whose figure cannot be
tied to its words is "chưa đánh giá được" (info); a target that is lower or absent is still found.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.ingest import read
from checker.models import Finding, PlanResult
from checker.pipeline import check_file
from checker.rules.loader import load_packs

HEAD = """\
ỦY BAN NHÂN DÂN
PHƯỜNG HÒA BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND
Hòa Bình, ngày 12 tháng 9 năm 2025
KẾ HOẠCH
Ứng dụng công nghệ thông tin, chuyển đổi số phường Hòa Bình năm 2025
Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân
dân phường Hòa Bình ban hành Kế hoạch như sau:
I. MỤC TIÊU
1. Mục tiêu chung
Chính quyền phường làm việc trên môi trường số, người dân được phục vụ nhanh hơn.
2. Chỉ tiêu cụ thể đến hết năm 2025
"""

TAIL = """\
II. NHIỆM VỤ
1. Hạ tầng số: giữ thông suốt mạng nội bộ và điểm cầu họp trực tuyến của phường.
2. Chính quyền số: vận hành phần mềm quản lý văn bản; hướng dẫn người dân nộp hồ sơ trên Cổng Dịch vụ công.
3. Dữ liệu số: rà soát, làm sạch dữ liệu hộ tịch và đất đai của phường.
4. An toàn thông tin: cài phần mềm phòng chống mã độc cho các máy trạm.
5. Nhân lực: cử công chức dự các lớp về kỹ năng số do thành phố mở.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội là cơ quan đầu mối, theo dõi, tổng hợp, báo cáo kết quả.
2. Phòng Kinh tế, Hạ tầng và Đô thị tham mưu bố trí kinh phí thực hiện.
3. Công an phường bảo đảm an ninh mạng, an toàn thông tin.
Nơi nhận:
- UBND thành phố;
- Lưu: VT, VHXH.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Minh Hà
"""

# (description, the plan's own figure, the city's figure): the plan's own at least the directive's
ROWS = [
    ("Thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình", "100%", "100%"),
    ("Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "Tối thiểu 85%", "Tối thiểu 80%"),
    ("Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)", "78%", "75%"),
    ("Báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo của thành phố", "100%", "100%"),
    ("Kết quả giải quyết thủ tục hành chính được số hóa theo quy định", "100%", "100%"),
    ("Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính", "Trên 92%", "Trên 90%"),
    ("Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số", "Tối thiểu 60%", "Tối thiểu 50%"),
    ("Văn bản được ký số, xử lý trên môi trường mạng (trừ văn bản mật)", "Trên 95%", "Trên 90%"),
]
TARGET_IDS = {"HP215-TGT-DVCTT", "HP215-TGT-HOSO", "HP215-TGT-HSCV", "HP215-TGT-BAOCAO", "HP215-TGT-SOHOA",
              "HP215-TGT-HAILONG", "HP215-TGT-KYNANGSO", "HP215-TGT-KYSO"}


def row_by_row(header: list[str], rows: list[tuple[str, ...]], width: int = 22, numbered: bool = True) -> str:
    """A table as pdftotext without -layout writes it row by row: the header one line per column, then for each
    row its number, the first line of each of its cells, and the further lines of its description (the cells
    wrapped at ``width`` characters, as a narrow column wraps them)."""
    out = list(header)
    for k, (words, *figures) in enumerate(rows, 1):
        lines = textwrap.wrap(words, width)
        out += ([str(k)] if numbered else []) + [lines[0], *figures, *lines[1:]]
    return "\n".join(out) + "\n"


def column_by_column(header: list[str], rows: list[tuple[str, ...]], width: int = 22) -> str:
    """The same table column by column: the numbers, the descriptions (wrapped), then each column of figures
    under its header's cell, blank lines between pdftotext's blocks."""
    out = [header[0], *(str(k) for k in range(1, len(rows) + 1)), "", header[1]]
    out += [line for words, *_ in rows for line in textwrap.wrap(words, width)]
    for c in range(2, len(header)):
        out += ["", header[c]] + [x for r in rows for x in (r[c - 1], "")]
    return "\n".join(out) + "\n"


def _check(tmp_path: Path, table: str) -> list[Finding]:
    plan = tmp_path / "plan.txt"
    plan.write_text(HEAD + table + TAIL, encoding="utf-8")
    return [f for f in check_file(plan, load_packs()).findings if f.id in TARGET_IDS]


def _judged(found: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.id, f.kind, f.severity) for f in found if f.severity != "info")


def _unread(found: list[Finding]) -> set[str]:
    return {f.id for f in found if f.severity == "info" and "Chưa đánh giá được" in f.message}


OWN_FIRST = ["TT", "Tên chỉ tiêu", "Phường đăng ký", "Thành phố giao"]
CITY_FIRST = ["TT", "Tên chỉ tiêu", "Thành phố giao", "Phường đăng ký"]


def test_rows_one_cell_to_a_line_are_read_back_as_rows(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(HEAD + row_by_row(OWN_FIRST, ROWS) + TAIL, encoding="utf-8")
    tables = [[[c.text for c in row] for row in t.rows] for t in read(plan).tables]
    assert tables == [[OWN_FIRST, *([str(k), *row] for k, row in enumerate(ROWS, 1))]]


@pytest.mark.parametrize("numbered", [True, False])
def test_a_compliant_plan_in_rows_one_cell_to_a_line_has_no_target_finding(tmp_path: Path, numbered: bool) -> None:
    """Before: every target whose description was wrapped was "missing" (its words cut by its figures)."""
    header = OWN_FIRST if numbered else OWN_FIRST[1:]
    assert _check(tmp_path, row_by_row(header, ROWS, numbered=numbered)) == []


def test_rows_whose_numbers_were_lost_under_a_numbered_header(tmp_path: Path) -> None:
    """"TT" heads the table but the rows' numbers are gone (a lone "1", "2" at a line's start is read as a page's
    number): the header still gives the columns, the rows an empty first cell."""
    assert _check(tmp_path, row_by_row(OWN_FIRST, ROWS, numbered=False)) == []


def test_the_columns_are_read_from_the_header(tmp_path: Path) -> None:
    """The city's column first: the plan's own figure is the second, whatever order the cells come in."""
    city_first = [(w, city, own) for w, own, city in ROWS]
    assert _check(tmp_path, row_by_row(CITY_FIRST, city_first)) == []


def test_a_lower_target_in_such_rows_is_found(tmp_path: Path) -> None:
    rows = [(w, city, "Tối thiểu 70%" if "Hồ sơ thủ tục" in w else own) for w, own, city in ROWS]
    assert _judged(_check(tmp_path, row_by_row(CITY_FIRST, rows))) == [("HP215-TGT-HOSO", "weaker", "error")]


def test_a_target_absent_from_such_rows_is_still_missing(tmp_path: Path) -> None:
    rows = [r for r in ROWS if "kỹ năng số" not in r[0]]
    found = _check(tmp_path, row_by_row(OWN_FIRST, rows))
    assert _judged(found) == [("HP215-TGT-KYNANGSO", "missing", "error")]


def test_rows_whose_header_is_on_the_page_before_are_not_judged(tmp_path: Path) -> None:
    """The header stands on the page before (cut another way), the columns differ: results reached before the
    plan's targets. Which figure is the plan's cannot be told: no "lower" error from the results' column."""
    reached = [(w, "64%" if "số hóa" in w else "41%", own) for w, own, _ in ROWS]
    table = "Bảng chỉ tiêu (cột 3: đã đạt; cột 4: phấn đấu):\n" + row_by_row([], reached)
    found = _check(tmp_path, table)
    assert _judged(found) == []
    assert _unread(found) == TARGET_IDS


def test_a_table_cut_column_by_column_under_its_header_is_not_judged(tmp_path: Path) -> None:
    """The figures apart from their words, a header's cell between two columns of them."""
    found = _check(tmp_path, column_by_column(CITY_FIRST, [(w, city, own) for w, own, city in ROWS[:4]]))
    assert _judged(found) == [(i, "missing", s) for i, s in (("HP215-TGT-HAILONG", "error"),
                                                              ("HP215-TGT-KYNANGSO", "error"),
                                                              ("HP215-TGT-KYSO", "warning"),
                                                              ("HP215-TGT-SOHOA", "error"))]
    assert _unread(found) == {"HP215-TGT-DVCTT", "HP215-TGT-HOSO", "HP215-TGT-HSCV", "HP215-TGT-BAOCAO"}


def test_a_description_cut_in_two_by_the_figures_is_not_judged(tmp_path: Path) -> None:
    """A description's first line before the figures, its rest after them (pdftotext's blocks over a page's
    end), and a narrow cell run into the next column's figure: the words are there, the figure not tied."""
    table = column_by_column(CITY_FIRST, [(w, city, own) for w, own, city in ROWS[:4]], width=200)
    table = table.replace("Báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo của thành "
                          "phố\n", "Báo cáo định kỳ về chỉ\n\n")
    table += "\ntiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo của thành phố\n\n"
    table += "Văn bản được ký Trên 90%\n\nsố, xử lý trên môi trường mạng (trừ văn bản mật)\n\n"
    found = _check(tmp_path, table)
    assert {"HP215-TGT-BAOCAO", "HP215-TGT-KYSO"} <= _unread(found)
    assert not {"HP215-TGT-BAOCAO", "HP215-TGT-KYSO"} & {f.id for f in found if f.severity != "info"}


# --------------------------------------------------------------------------- the header's two columns

def _form(tmp_path: Path, head: str) -> list[tuple[str, str]]:
    plan = tmp_path / "plan.txt"
    plan.write_text(head + HEAD[HEAD.index("KẾ HOẠCH\n") :] + row_by_row(OWN_FIRST, ROWS) + TAIL, encoding="utf-8")
    return [(f.severity, f.message) for f in check_file(plan, load_packs()).findings if f.id == "HP215-FORM"]


DRAFT_HEAD = """\
ỦY BAN NHÂN DÂN
PHƯỜNG HÒA BÌNH
Số:

/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Bình, ngày
2025

tháng 9 năm

"""


def test_a_drafts_blank_number_and_date_cut_into_blocks(tmp_path: Path) -> None:
    """"Số:" and "/KH-UBND" apart, the year's block before the month's: a draft's blanks (warnings, as in the
    plan as written), not a missing number and date."""
    found = _form(tmp_path, DRAFT_HEAD)
    assert [s for s, _ in found] == ["warning", "warning"]
    assert not any("Thiếu thành phần" in m for _, m in found)


def test_a_missing_number_is_still_missing(tmp_path: Path) -> None:
    found = _form(tmp_path, DRAFT_HEAD.replace("Số:\n\n/KH-UBND\n", ""))
    assert any(s == "error" and "số, ký hiệu" in m for s, m in found)


INTERLEAVED_HEAD = """\
ỦY BAN NHÂN DÂN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA

PHƯỜNG HÒA BÌNH

VIỆT NAM

Số: 88/KH-UBND

Độc lập - Tự do - Hạnh phúc

Hòa Bình, ngày 12 tháng 9 năm
2025
"""


def test_the_national_name_read_in_turn_with_the_issuers_column(tmp_path: Path) -> None:
    assert _form(tmp_path, INTERLEAVED_HEAD) == []


def test_a_header_without_the_national_name_still_lacks_it(tmp_path: Path) -> None:
    found = _form(tmp_path, INTERLEAVED_HEAD.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n", "").replace("VIỆT NAM\n", ""))
    assert any(s == "error" and "quốc hiệu" in m for s, m in found)


# --------------------------------------------------------------------------- the closing's two columns

CLOSING_IN_TURN = """\
Nơi nhận:

TM. ỦY BAN NHÂN DÂN

·

CHỦ TỊCH

UBND thành phố;

3
·

Sở Khoa học và Công nghệ;

·
Chủ tịch, các Phó Chủ tịch UBND
phường;
·

Lưu: VT, VHXH.

Lê Minh Hà
"""


def _closing(tmp_path: Path, closing: str) -> list[tuple[str, str]]:
    plan = tmp_path / "plan.txt"
    plan.write_text(HEAD + row_by_row(OWN_FIRST, ROWS) + TAIL[: TAIL.index("Nơi nhận:")] + closing,
                    encoding="utf-8")
    return [(f.severity, f.message) for f in check_file(plan, load_packs()).findings if f.id == "HP215-FORM"]


def test_the_closing_read_in_turn_with_the_signature(tmp_path: Path) -> None:
    """The recipients' markers alone on their lines, the signer's lines between the recipients, a page's number:
    the recipients end with "Lưu", the signature is whole."""
    assert _closing(tmp_path, CLOSING_IN_TURN) == []


def test_recipients_without_the_record_copy_still_lack_it(tmp_path: Path) -> None:
    found = _closing(tmp_path, CLOSING_IN_TURN.replace("·\n\nLưu: VT, VHXH.\n\n", ""))
    assert any(s == "error" and "Lưu" in m for s, m in found)


# ----------------------------------------------------------- a table of assignments cut a cell to a line

TASKS = [("Đầu mối tham mưu, tổng hợp, báo cáo kết quả thực hiện Kế hoạch", "Phòng Văn hóa - Xã hội", "Hằng tháng"),
         ("Bố trí kinh phí thực hiện Kế hoạch", "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý IV/2025"),
         ("Bảo đảm an ninh mạng, an toàn thông tin", "Công an phường", "Thường xuyên"),
         ("Vận hành phần mềm quản lý văn bản và điều hành", "Văn phòng HĐND và UBND phường", "Thường xuyên"),
         ("Tiếp nhận hồ sơ trực tuyến, số hóa kết quả giải quyết", "Trung tâm Phục vụ hành chính công", "Thường xuyên")]


def tasks_column_by_column(rows: list[tuple[str, str, str]], width: int = 14) -> str:
    """The table of assignments as pdftotext without -layout writes it: each column's cells one after the other,
    every cell wrapped in its narrow column, a blank line between pdftotext's blocks; the title of the next
    appendix (on the page after) read between its columns, as pdftotext put it in a plan of the corpus."""
    out = ["TT", *(str(k) for k in range(1, len(rows) + 1)), "", "Nhiệm vụ"]
    out += [line for task, _, _ in rows for line in textwrap.wrap(task, width)]
    out += ["", "PHỤ LỤC II", "DANH MỤC HỆ THỐNG THÔNG TIN DÙNG CHUNG"]
    for c, head in ((1, "Cơ quan chủ trì"), (2, "Thời gian")):
        out += ["", head, ""] + [x for r in rows for x in ([*textwrap.wrap(r[c], width), ""])]
    return "\n".join(out) + "\n"


def _units(tmp_path: Path, rows: list[tuple[str, str, str]]) -> PlanResult:
    execution = ("III. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị thực hiện nhiệm vụ được phân công tại Phụ lục kèm "
                 "theo Kế hoạch này.\n")
    closing = TAIL[TAIL.index("Nơi nhận:") :]
    appendix = "PHỤ LỤC I\nPHÂN CÔNG NHIỆM VỤ\n(Kèm theo Kế hoạch số 88/KH-UBND ngày 12/9/2025)\n"
    plan = tmp_path / "plan.txt"
    plan.write_text(HEAD + row_by_row(OWN_FIRST, ROWS) + TAIL[: TAIL.index("III.")] + execution + closing
                    + appendix + tasks_column_by_column(rows), encoding="utf-8")
    return check_file(plan, load_packs())


def test_offices_in_a_table_of_assignments_cut_a_cell_to_a_line_are_not_judged(tmp_path: Path) -> None:
    """Which task is whose cannot be told: "chưa đánh giá được" (info), not "không phân công" (error); the
    reviewer's matrix does not count them as judged."""
    result = _units(tmp_path, TASKS)
    found = [f for f in result.findings if f.check == "required-unit"]
    assert [f for f in found if f.severity != "info"] == []
    unread = {f.id for f in found if "Chưa đánh giá" in f.message}
    assert {"HP215-UNIT-CONGAN", "HP215-UNIT-KINHTE"} <= unread
    assert result.facts is not None and not unread & set(result.facts.judged)


def test_an_office_absent_from_such_a_table_is_still_missing(tmp_path: Path) -> None:
    found = _units(tmp_path, [r for r in TASKS if not r[1].startswith("Công an")]).findings
    assert [(f.id, f.severity) for f in found if f.check == "required-unit" and f.severity != "info"] == [
        ("HP215-UNIT-CONGAN", "error")]


# ------------------------------------------------------------- a table's last cells after the next heading

def test_a_heading_after_a_tables_cells_set_out_alone(tmp_path: Path) -> None:
    """pdftotext set the table's last column after the next heading ("%", "Toàn bộ" before "1. Hạ tầng số"): the
    first point is still a heading, its numbering not said to start at "2"."""
    debris = "II. NHIỆM VỤ\n\n%\n\n> 90\n\nToàn bộ\n\n"
    plan = tmp_path / "plan.txt"
    plan.write_text(HEAD + row_by_row(OWN_FIRST, ROWS) + TAIL.replace("II. NHIỆM VỤ\n", debris), encoding="utf-8")
    assert [f.message for f in check_file(plan, load_packs()).findings if f.id == "HP215-NUMBERING"] == []


# --------------------------------------------------------------------------- end to end: Word → PDF → pdftotext

FIXTURES = Path(__file__).parent / "fixtures" / "plans"
# the project's plans whose raw text gave false "missing" or "lower" target errors before (tables read back as
# rows, one with its header on the page before, one cut column by column, one with its number column lost)
OFFICE_PLANS = ["phuong-bach-dang-mot-la-hai-la.txt", "phuong-thach-khoi-bang-hang-xuong-dong.txt",
                "dac-khu-cat-hai-gach-cheo-cot-da-dat.txt", "phuong-nam-trieu-lo-trinh-theo-quy.txt"]


def test_office_pdfs_taken_back_by_plain_pdftotext_raise_no_false_target_error(tmp_path: Path) -> None:
    """Each plan as offices make its PDF (Word saved as PDF by LibreOffice), its text taken back by plain
    pdftotext: no error nor warning on its targets that the plan as written does not have."""
    from layouts import office_pdfs, pdftotext_layout

    plans = [FIXTURES / name for name in OFFICE_PLANS]
    texts = pdftotext_layout(office_pdfs(plans, tmp_path), tmp_path, layout=False)
    packs = load_packs()

    def judged(path: Path) -> set[tuple[str, str, str]]:
        return {(f.id, f.kind, f.severity) for f in check_file(path, packs).findings
                if f.check == "target" and f.severity != "info"}

    extra = {plan.name: judged(texts[plan]) - judged(plan) for plan in plans}
    assert extra == {plan.name: set() for plan in plans}


def test_parts_as_group_rows_of_a_table_of_tasks_cut_a_cell_to_a_line(tmp_path: Path) -> None:
    """The parts of the tasks are the group rows of a table ("2. Dữ liệu số" after "1.2", the number of a task
    row, alone on its line): still the plan's parts, as where they are written as prose."""
    tasks = TAIL[TAIL.index("II. NHIỆM VỤ") : TAIL.index("III.")]
    table = ("II. NHIỆM VỤ\nTT\n\nNội dung nhiệm vụ\n\n1. Hạ tầng số\n1.1\n\n1.2\n\n2. Chính quyền số\n2.1\n\n2.2\n\n"
             "3. Dữ liệu số\n3.1\n\n3.2\n\n4. An toàn, an ninh thông tin mạng\n4.1\n\n4.2\n\n"
             "5. Đào tạo, tuyên truyền, phát triển nguồn nhân lực\n5.1\n\n5.2\n\n"
             "Duy trì mạng nội bộ\n\nVận hành phần mềm quản lý văn bản\n\nLàm sạch dữ liệu hộ tịch\n\n"
             "Cài phần mềm phòng chống mã độc\n\nCử công chức dự lớp kỹ năng số\n\n")
    found = {}
    for name, tail in (("prose", TAIL), ("table", TAIL.replace(tasks, table))):
        plan = tmp_path / f"{name}.txt"
        plan.write_text(HEAD + row_by_row(OWN_FIRST, ROWS) + tail, encoding="utf-8")
        found[name] = [f.id for f in check_file(plan, load_packs()).findings if f.check == "required-section"]
    assert found["table"] == found["prose"]  # the parts this short plan lacks (funds, solutions) and no other
