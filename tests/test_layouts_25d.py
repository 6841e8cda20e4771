"""Round 25d: the plans and layouts that still disagreed (tests/fixtures/probes-25d.md). Each test pins one fix on a
text of the round's own and fails without it."""

from __future__ import annotations

from pathlib import Path

from checker.ingest import read

# a task table whose tabs a PDF producer drew as four spaces each (tests/layouts.py's "pdf" layout): a header of two
# rows, the second with its first two cells empty; a task's cells wrapped onto a row of their own, its number empty
FIXED_GAPS = """\
PHỤ LỤC

TT    Nội dung nhiệm vụ    Phân công thực hiện        Thời gian    Kết quả
        Chủ trì    Phối hợp
I    Chính quyền số
1    Đánh giá sự hài lòng của    Trung tâm    Văn phòng    Quý IV/2025    Mức độ hài lòng của người dân,
    người dân, doanh nghiệp                doanh nghiệp trên 90%
2    Xử lý hồ sơ công việc trên môi trường mạng    Văn phòng    Các phòng    Hằng tháng    80% hồ sơ công việc
II    Đào tạo, tuyên truyền, phát triển nguồn nhân lực
3    Bồi dưỡng kỹ năng số cho    Phòng Văn hóa    Văn phòng    Tháng 10/2025    Tối thiểu 50% cán bộ
    cán bộ, công chức                được bồi dưỡng
"""


def _rows(tmp_path: Path, text: str) -> list[list[str]]:
    path = tmp_path / "phu-luc.txt"
    path.write_text(text, encoding="utf-8")
    tables = read(path).tables
    assert len(tables) == 1
    return [[c.text for c in row] for row in tables[0].rows]


def test_a_second_header_row_with_its_first_cells_empty_keeps_them(tmp_path: Path) -> None:
    """The second row of a two-row header ("        Chủ trì    Phối hợp", its first two cells empty) was taken with
    the header and the group row under it for rows aligned in columns, by chance (a header's cell, "Nội dung nhiệm
    vụ", ran over the place where "Phối hợp" starts, unchecked): "Chủ trì" went under "Nội dung nhiệm vụ", and the
    task column was read as the lead office's (Gia Viên's "pdf" layouts: TGT-HSCV missing)."""
    rows = _rows(tmp_path, FIXED_GAPS)
    assert rows[0] == ["TT", "Nội dung nhiệm vụ", "Phân công thực hiện", "", "Thời gian", "Kết quả"]
    assert rows[1] == ["", "", "Chủ trì", "Phối hợp", "", ""]


# the same, its rows' cells wrapped onto rows of their own (a Word table typed as text, saved as that PDF)
WRAPPED_ROWS = """\
PHỤ LỤC

TT    Nhiệm vụ    Chủ trì    Phối hợp    Thời gian    Kết quả
A    HẠ TẦNG SỐ
1    Nâng cấp mạng LAN, thiết bị tại    VP    P.KT-HT-ĐT    Tháng 10/2025    Mạng LAN vận
    trụ sở phường và Bộ phận một cửa                hành thông suốt
2    Vận hành điểm cầu trực tuyến    VP    P.VHXH    Thường xuyên    Các cuộc họp trực tuyến
B    CHÍNH QUYỀN SỐ
3    Khảo sát sự hài lòng của    TTPVHCC    P.VHXH    Trước 15/12/2025    Mức độ hài lòng của người dân,
    người dân, doanh nghiệp                doanh nghiệp đạt trên 90%
C    ĐÀO TẠO, TUYÊN TRUYỀN, PHÁT TRIỂN NGUỒN NHÂN LỰC
4    Bồi dưỡng kỹ năng số cho    P.VHXH    VP    Tháng 10/2025    Tối thiểu 55% cán bộ, công chức
    cán bộ, công chức, viên chức                được bồi dưỡng kỹ năng số
"""


def test_a_row_of_a_table_whose_tabs_are_fixed_runs_of_spaces_is_its_own(tmp_path: Path) -> None:
    """A row's wrapped rest typed as a row of its own ("    người dân, doanh nghiệp  …  doanh nghiệp đạt trên 90%",
    its number's cell empty) in a table whose every gap is four spaces or a multiple (each tab drawn as four spaces)
    was taken for cells laid out under the columns of the row above (pdftotext -layout) and put in the wrong ones
    ("Tháng 10/2025 hành thông suốt"), or aligned by chance with the rows under it and read with its first cell
    gone; a group's long title was cut where the columns of other rows start ("ĐÀO TẠO, TUYÊN TRUYỀN, PHÁT" /
    "TRIỂN" / …). Hưng Đạo's "pdf" layouts: TGT-HAILONG, TGT-KYNANGSO missing."""
    rows = _rows(tmp_path, WRAPPED_ROWS)
    assert rows[2] == ["1", "Nâng cấp mạng LAN, thiết bị tại trụ sở phường và Bộ phận một cửa", "VP", "P.KT-HT-ĐT",
                       "Tháng 10/2025", "Mạng LAN vận hành thông suốt"]
    assert ["3", "Khảo sát sự hài lòng của người dân, doanh nghiệp", "TTPVHCC", "P.VHXH", "Trước 15/12/2025",
            "Mức độ hài lòng của người dân, doanh nghiệp đạt trên 90%"] in rows
    assert ["C", "ĐÀO TẠO, TUYÊN TRUYỀN, PHÁT TRIỂN NGUỒN NHÂN LỰC", "", "", "", ""] in rows
    assert ["4", "Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức", "P.VHXH", "VP", "Tháng 10/2025",
            "Tối thiểu 55% cán bộ, công chức được bồi dưỡng kỹ năng số"] in rows


# a targets table as pdftotext -layout sets out the office's PDF: its first column narrow, a row cut by the page break
# (the page's number, a form feed), the next row's first cell run up to the figure's column with one space between
PAGE_BROKEN = """\
2. Mục tiêu cụ thể đến hết năm 2025

Chỉ tiêu                 Thành phố giao           Xã Tân Lập
1. Dịch vụ công trực     100%                     100%
tuyến toàn trình được
cung cấp
2. Hồ sơ thủ tục hành    Tối thiểu 80%            Tối thiểu 85%
chính được xử lý trực
                                     2
\f

tuyến toàn trình
3. Văn bản được ký số 75%                         80%
trên môi trường mạng
4. Cán bộ được bồi       Tối thiểu 50%            Tối thiểu 60%
dưỡng kỹ năng số
III. NHIỆM VỤ TRỌNG TÂM
"""


def test_a_row_cut_by_a_page_break_goes_on_before_a_row_whose_cell_runs_into_the_next(tmp_path: Path) -> None:
    """After a page break inside a row's first cell ("… xử lý trực" / page 2 / "tuyến toàn trình"), the next row's
    first cell ran up to the figure's column with one space between ("… ký số 75%"): no row of three cells, so the
    first line of the page was not taken as the cut row's rest and the table ended there; its rows after it read as
    list items ("3. Văn bản được ký số 75%   80% trên …"). Vĩnh Hải, Kiến Hải in the office PDF's text: HAILONG,
    HOSO, KYNANGSO missing, HSCV inconsistent, NUMBERING."""
    rows = _rows(tmp_path, PAGE_BROKEN)
    assert rows[2] == ["2. Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "Tối thiểu 80%",
                       "Tối thiểu 85%"]
    assert rows[3] == ["3. Văn bản được ký số trên môi trường mạng", "75%", "80%"]
    assert rows[4] == ["4. Cán bộ được bồi dưỡng kỹ năng số", "Tối thiểu 50%", "Tối thiểu 60%"]


# a web page's copy of a plan, its header flattened onto one line and its title onto the next, rewrapped at 70
ONE_LINE_COPY = """\
Nội dung:
ỦY BAN NHÂN DÂN XÃ TÂN LẬP Số: 41/KH-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM Độc lập - Tự do - Hạnh phúc Tân Lập, ngày 12 tháng 9 năm 2025
KẾ HOẠCH Chuyển đổi số trong hoạt động của các cơ quan nhà nước trên
địa bàn xã Tân Lập 6 tháng cuối năm 2025
Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân
thành phố Hải Phòng về ứng dụng công nghệ thông tin và chuyển đổi số
trong các cơ quan nhà nước thành phố 6 tháng cuối năm 2025;
Ủy ban nhân dân xã Tân Lập ban hành Kế hoạch chuyển đổi số trong hoạt
động của các cơ quan nhà nước trên địa bàn xã như sau:
"""


def test_a_type_name_in_capitals_before_its_title_opens_a_block(tmp_path: Path) -> None:
    """The type name in capitals and the trích yếu after it on one line ("KẾ HOẠCH Chuyển đổi số …"), under the
    flattened header's wrapped second half that fills its line: the line was joined to the header as its wrap, so
    the type name and the trích yếu were not found (Vĩnh Am's web page copy at wrap-70: HP215-FORM)."""
    path = tmp_path / "ban-sao.txt"
    path.write_text(ONE_LINE_COPY, encoding="utf-8")
    texts = [b.text for b in read(path).blocks]
    assert ("KẾ HOẠCH Chuyển đổi số trong hoạt động của các cơ quan nhà nước trên địa bàn xã Tân Lập 6 tháng cuối"
            " năm 2025" in texts)


# a task table as pdftotext -layout sets out the office's PDF: a group's title wrapped in its narrow column over a
# page break (the page's number, a form feed), the next page setting the columns further in
GROUP_OVER_A_PAGE = """\
PHỤ LỤC

TT    Nội dung      Chủ trì    Phối hợp   Thời gian   Kết quả
I     Chính quyền
      số
1     Số hóa hồ     TTPVHCC    VP         Quý         100% kết
      sơ, kết quả                         IV/2025     quả được
      giải quyết                                      số hóa
II    Đào tạo,
      tuyên
      truyền,
      phát triển
      nguồn
                                 5
\f

           nhân lực
2          Bồi dưỡng    P.VHXH    VP         Tháng      50%
           kỹ năng số                        10/2025    CBCCVC
                                                        được tập
                                                        huấn
3          Tuyên        P.VHXH    Đoàn TN    Thường     15% kinh
           truyền                            xuyên      phí
"""


def test_a_groups_title_wrapped_over_a_page_break_does_not_end_the_table(tmp_path: Path) -> None:
    """A group's title wrapped in its narrow column over a page break ("II    Đào tạo," / … / "nguồn" / page 5 /
    "           nhân lực", the next page setting the columns further in): its rest was not under the title's
    start, so it was no rest of the title, the table ended at the group's row and the row after it
    ("2   Bồi dưỡng …   50%") was read as a paragraph: its skills target lost (Gia Viên's defective twin in the
    office PDF's text: TGT-KYNANGSO weaker read as missing)."""
    rows = _rows(tmp_path, GROUP_OVER_A_PAGE)
    assert ["II", "Đào tạo, tuyên truyền, phát triển nguồn nhân lực", "", "", "", ""] in rows
    assert ["2", "Bồi dưỡng kỹ năng số", "P.VHXH", "VP", "Tháng 10/2025", "50% CBCCVC được tập huấn"] in rows


# a targets table as pdftotext -layout sets out the office's PDF: a header of two rows ("Chỉ tiêu năm 2025" merged over
# "Thành phố giao" | "Phường Tân Lập"), the next page setting the columns further in, the first row's target cell run
# up to the city's figure with one space between, and a "Ghi chú" only the first row fills
MERGED_HEADER = """\
STT             Chỉ tiêu       Chỉ tiêu năm                  Ghi chú
                               2025
                               Thành phố      Phường Tân
                               giao           Lập
A. Phục vụ
người dân
                                       2
\f

1            Thủ tục hành 100%                100%            Trung tâm
             chính được                                       Phục vụ
             cung cấp                                         hành chính
             trực tuyến                                       công chủ trì
             toàn trình
2            Hồ sơ thủ tục Tối thiểu          Tối thiểu
             hành chính      80%              85%
             được xử lý
             trực tuyến
5            Kết quả giải    100%             100%
             quyết được
             số hóa
6            Mức độ hài      Trên 90%         Trên 92%
             lòng của
             người dân
"""


def test_a_row_filling_a_column_the_others_leave_empty_is_cut_where_its_cells_run_together(tmp_path: Path) -> None:
    """The table has five columns, but its header merges two and no row fills all five: the first row, which alone
    fills "Ghi chú", has its target cell run into the city's figure ("Thủ tục hành 100%"), so it had as many
    cells as the fullest rows and was never cut; its figures went one column left ("100%" under the city, the
    ward's figure "Trung tâm …"). And the header's second row, under the merged cell, was placed by the width of
    its margin ("Thành phố giao" under the ward): rows of the header alone were never taken as aligned. Lưu Kiếm and
    Nam Đồ Sơn in the office PDF's text: TGT-DVCTT missing, HSCV, KYNANGSO, KYSO inconsistent."""
    rows = _rows(tmp_path, MERGED_HEADER)
    assert rows[1] == ["", "", "Thành phố giao", "Phường Tân Lập", ""]
    assert ["1", "Thủ tục hành chính được cung cấp trực tuyến toàn trình", "100%", "100%",
            "Trung tâm Phục vụ hành chính công chủ trì"] in rows
    assert ["2", "Hồ sơ thủ tục hành chính được xử lý trực tuyến", "Tối thiểu 80%", "Tối thiểu 85%", ""] in rows


# a table of results and aims as pdftotext -layout sets out the office's PDF: a result's share in brackets on the line
# under its count, one space after the label's wrapped words
RESULTS_AND_AIMS = """\
STT        Chỉ tiêu   Kết quả đến     So với       Mục tiêu     Ghi chú
                      30/6/2025       cùng kỳ      đến
                                                   31/12/2025
7          Mức độ     88,9%           +1,5%        Trên 92%     KH 215:
           hài lòng                                             trên 90%
           của người
           dân
8          Cán bộ,    29/83           tăng 11      Tối thiểu    KH 215:
           công chức, (34,9%)         điểm phần    60%          tối thiểu
           viên chức                  trăm                      50%
           được tập
           huấn kỹ
           năng số
"""


def test_a_figure_in_brackets_one_space_after_a_cells_words_opens_the_next_cell(tmp_path: Path) -> None:
    """A result's share in brackets under its count ("29/83" / "(34,9%)"), one space after the label's wrapped words
    ("công chức, (34,9%)"): "(" opened no cell, so the line's first piece ran over two columns and was carried into
    the result's column with the label's words; the label lost them, and the skills row's figures were read from the
    wrong columns (the Chí Linh pair in the office PDF's text: TGT-KYNANGSO weaker and inconsistent)."""
    rows = _rows(tmp_path, RESULTS_AND_AIMS)
    assert ["8", "Cán bộ, công chức, viên chức được tập huấn kỹ năng số", "29/83 (34,9%)",
            "tăng 11 điểm phần trăm", "Tối thiểu 60%", "KH 215: tối thiểu 50%"] in rows
