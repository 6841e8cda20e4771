"""Tables in the text ``pdftotext -layout`` takes from a PDF (issue: targets said to be missing in such text).

pdftotext sets each table cell's words under its column, one line per line the PDF shows: a cell wrapped over four
lines is four lines, the other cells of its row empty there; at a page break a form feed, the page number, and on
the next page the columns may stand elsewhere; in a narrow column the text may come within one space of the next
column's. The tables below are written here in that shape (not taken from any plan). Each row must come out as one
row whose cells hold the whole text of the cell; a second row of a header and a group's title stay rows of their
own; the signer's title set two or three spaces after the last recipient is the right column.
tests/test_layouts_agree.py checks the same end to end on every plan of the corpus saved as PDF by LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from checker.ingest import layout
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block
from checker.pipeline import check_file
from checker.rules.loader import load_packs


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def _tables(text: str) -> list[list[list[str]]]:
    return [[[c.text for c in row] for row in b.rows] for b in _blocks(text) if b.kind == "table"]


_INTRO = "II. CHỈ TIÊU CỤ THỂ\n\nCác chỉ tiêu của phường như sau:\n\n"
_AFTER = "\nIII. NHIỆM VỤ\n\n1. Hạ tầng số: duy trì mạng nội bộ.\n"

NUMBERED = """\
TT        Chỉ tiêu            Đơn vị      Chỉ tiêu của
                              tính        phường
1         Hồ sơ thủ tục       %           Tối thiểu
          hành chính được                 85%
          xử lý trực tuyến
          toàn trình
2         Văn bản được ký     %           Trên 90%
          số và xử lý trên
          môi trường mạng
          (trừ văn bản mật)
"""


def test_a_row_over_several_lines_is_one_row() -> None:
    assert _tables(_INTRO + NUMBERED + _AFTER) == [[
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu của phường"],
        ["1", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", "Tối thiểu 85%"],
        ["2", "Văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật)", "%", "Trên 90%"],
    ]]
    # the paragraph after the table is not taken into it
    assert any(b.kind == "heading" and b.text.startswith("III.") for b in _blocks(_INTRO + NUMBERED + _AFTER))


def test_a_hyphen_at_a_cell_line_end_is_written_not_a_break() -> None:
    text = NUMBERED.replace("hành chính được ", "về chỉ tiêu KT-  ").replace("xử lý trực tuyến", "XH trên hệ thống")
    rows = _tables(_INTRO + text + _AFTER)[0]
    assert rows[1][1] == "Hồ sơ thủ tục về chỉ tiêu KT-XH trên hệ thống toàn trình"


def test_a_table_over_a_page_break_with_its_columns_moved() -> None:
    """The next page sets the columns further left; its first lines carry on the last row of the page before."""
    table = "".join(NUMBERED.splitlines(keepends=True)[:6]) + """\
2         Mức độ hài lòng     %           Trên 90%
          của người dân,
          doanh nghiệp
          trong giải quyết
\f                        2


    thủ tục hành
    chính
3   Mức độ hài      %        Trên 90%
    lòng của
    người dân
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[2] == ["2", "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính",
                       "%", "Trên 90%"]
    assert rows[3] == ["3", "Mức độ hài lòng của người dân", "%", "Trên 90%"]


def test_text_running_up_to_the_next_column_is_cut_there() -> None:
    """"Văn bản được ký Trên 90%": the cell of the narrow column comes within one space of the next."""
    touching = NUMBERED.replace("2         Văn bản được ký     %           Trên 90%",
                                "2         Văn bản được ký số  %           Trên 90%")
    touching = touching.replace("          số và xử lý trên", "          và xử lý trên môi").replace(
        "          môi trường mạng", "          trường mạng Cấp")
    rows = _tables(_INTRO + touching + _AFTER)[0]
    assert rows[2][1].startswith("Văn bản được ký số và xử lý trên môi trường mạng")
    assert rows[2][3] == "Trên 90%"


def test_text_touching_the_next_column_on_a_page_whose_last_column_is_empty() -> None:
    """The next page sets the columns elsewhere and no row there has every cell (its "Ghi chú" left empty but in
    one row): that page's own columns tell where "Cán bộ, công Tối thiểu" is cut, not those of the page before."""
    table = """\
TT             Chỉ tiêu         Thành phố   Phường        Ghi chú
                                giao        đăng ký
1              Hồ sơ thủ tục    Tối thiểu   Tối thiểu     Năm 2024:
               hành chính       80%         88%           61%
               được xử lý
\f                                     2


6            Mức độ hài    Trên 90%          Trên 92%
             lòng của
             người dân
7            Cán bộ, công Tối thiểu          Tối thiểu      Một cửa
             chức, viên    50%               70%
             chức được
             tập huấn
8            Văn bản       Trên 90%          Trên 95%
             được ký số
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[3] == ["7", "Cán bộ, công chức, viên chức được tập huấn", "Tối thiểu 50%", "Tối thiểu 70%",
                       "Một cửa"]


def test_a_two_tier_header_whose_page_has_no_full_row() -> None:
    """"Kế hoạch 2025" over "Thành phố | Phường" and a "Ghi chú" column empty on the header's page: the header's
    rows give the columns there; on the next page a group's words run within one space of the next column's
    start in lower case ("thông tin viên"), and are cut there."""
    table = """\
TT        Nhóm         Chỉ tiêu   Đơn vị   Kế hoạch            Ghi chú
          chỉ tiêu                tính     2025
                                           Thành      Phường
                                           phố        thực
                                                      hiện
1         Dịch vụ      Hồ sơ      %        ≥ 80       ≥ 85
          công         thủ tục
                       được xử
                       lý trực
                       tuyến
2                      Kết quả    %        100        100
                       được số
                       hóa
\f                               3


8         Nhân      Cán bộ,   %            ≥ 50       ≥ 60       Cấp xã
          lực, an   công
          toàn      chức,
          thông tin viên
                    chức
                    được tập
                    huấn
9                   Văn bản   %            > 90       > 95
                    được ký
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[:2] == [["TT", "Nhóm chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2025", "", "Ghi chú"],
                        ["", "", "", "", "Thành phố", "Phường thực hiện", ""]]
    assert rows[2] == ["1", "Dịch vụ công", "Hồ sơ thủ tục được xử lý trực tuyến", "%", "≥ 80", "≥ 85", ""]
    assert rows[4] == ["8", "Nhân lực, an toàn thông tin", "Cán bộ, công chức, viên chức được tập huấn", "%",
                       "≥ 50", "≥ 60", "Cấp xã"]


def test_a_first_column_that_goes_on_in_lower_case() -> None:
    """No numbers: the first column wraps at the margin; its next line, in lower case, is the same cell."""
    table = """\
Nội dung chỉ tiêu        Phường               TP giao
Hồ sơ thủ tục hành       85%                  Tối thiểu 80%
chính xử lý trực tuyến
toàn trình
Văn bản được ký số, xử   Trên 90%             Trên 90%
lý trên môi trường
mạng (trừ văn bản mật)
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[1] == ["Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "85%", "Tối thiểu 80%"]
    assert rows[2] == ["Văn bản được ký số, xử lý trên môi trường mạng (trừ văn bản mật)", "Trên 90%", "Trên 90%"]


def test_a_second_header_row_under_short_cells_stays_a_row() -> None:
    """Set in under a short cell and an empty one, in capitals: the header's second row, not its first wrapped."""
    table = """\
TT   Nội dung                               Năm 2025                           Ghi chú
                                            Thành phố giao   Phường phấn đấu
1    Hồ sơ xử lý trực tuyến toàn trình      Tối thiểu 80%    86%
2    Cán bộ được bồi dưỡng kỹ năng số       Tối thiểu 50%    65%               Kể cả tổ dân phố
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[:2] == [["TT", "Nội dung", "Năm 2025", "", "Ghi chú"],
                        ["", "", "Thành phố giao", "Phường phấn đấu", ""]]


def test_the_signers_title_two_or_three_spaces_after_a_recipient() -> None:
    text = ("Nơi nhận:                              TM. ỦY BAN NHÂN DÂN\n- UBND thành phố;\n"
            "- Sở Khoa học và Công nghệ;   CHỦ TỊCH\n- Lưu: VT.\n\n                                       "
            "Nguyễn Văn An\n")
    blocks = _blocks("I. MỤC TIÊU\n\nNội dung của kế hoạch.\n\n" + text)
    assert [b.text for b in blocks if b.kind == "recipients"][-2] == "- Sở Khoa học và Công nghệ;"
    assert "CHỦ TỊCH" in [b.text for b in blocks if b.kind == "signature"]


TASKS = """\
TT     Nhiệm vụ       Chủ trì      Phối hợp       Thời hạn
2.1    Rà soát hạ     Văn phòng    Các phòng,     Quý
       tầng mạng      HĐND và      đơn vị         IV/2025
       nội bộ         UBND xã
2.2    Chuyển đổi     Phòng Văn    Trung tâm      Trước
       sổ địa chính   hóa - Xã     Phục vụ        30/11/202
       giấy của       hội          hành           5
       các thôn                    chính
\f                        4


        Đông Hà,                   công xã,
        Bắc Sơn                    Công an
        Tây Điền,                  xã
        Phú Lộc
2.3    Cập nhật dữ    Công an xã   Trưởng các     Thường
       liệu dân cư                 thôn           xuyên
"""


def test_a_task_row_numbered_under_its_group_goes_on_after_a_page_break() -> None:
    """Row "2.2" (a task under its group's number) runs over a page break, the next page setting its columns one
    place further right; its cells' lines there open with capitals (names of former communes) that would have fitted
    on the line above as pdftotext counts characters: they are the row's rest, not rows of their own. Its
    deadline's year, cut by the narrow column ("30/11/202" / "5"), is read whole."""
    rows = _tables(_INTRO + TASKS + _AFTER)[0]
    assert [r[0] for r in rows] == ["TT", "2.1", "2.2", "2.3"]
    assert rows[2] == ["2.2", "Chuyển đổi sổ địa chính giấy của các thôn Đông Hà, Bắc Sơn Tây Điền, Phú Lộc",
                       "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công xã, Công an xã",
                       "Trước 30/11/2025"]


def test_a_closing_before_appendices_longer_than_the_body_is_found() -> None:
    """The closing ("Nơi nhận" beside "TM. ỦY BAN NHÂN DÂN") stands in the first third of a text whose appendices
    (a table of a hundred procedures) are twice as long as the body: its recipients and signer are still read as
    the closing, and the appendix after it is not."""
    body = "".join(f"{k}. Nhiệm vụ thứ {k} của kế hoạch.\n\n" for k in range(1, 21))
    closing = ("Nơi nhận:                              TM. ỦY BAN NHÂN DÂN\n\n- UBND thành phố;\n\n"
               "- Sở Khoa học và Công nghệ;            CHỦ TỊCH\n\n- Lưu: VT.\n\n"
               "                                       Nguyễn Văn An\n\n")
    appendix = ("     PHỤ LỤC I\n\n     DANH MỤC THỦ TỤC\n\nTT     Thủ tục                 Lĩnh vực       Mức độ\n"
                + "".join(f"{k}      Thủ tục số {k}          Hộ tịch        Toàn trình\n" for k in range(1, 101)))
    blocks = _blocks("I. NHIỆM VỤ\n\n" + body + closing + appendix)
    assert [b.text for b in blocks if b.kind == "recipients"] == [
        "Nơi nhận:", "- UBND thành phố;", "- Sở Khoa học và Công nghệ;", "- Lưu: VT."]
    assert {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"} <= {b.text for b in blocks if b.kind == "signature"}
    assert [len(b.rows) for b in blocks if b.kind == "table"] == [101]


def test_the_plans_number_wrapped_at_its_hyphen_in_the_header() -> None:
    """A narrow left column wraps "Số: 52/KH-UBND" after its hyphen: the symbol is read whole, as the plan's
    number, and not as a citation of another plan ("52/KH- UBND")."""
    header = ("ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
              "                                        VIỆT NAM\n"
              "PHƯỜNG AN BIÊN Số: 52/KH-\n"
              "UBND                                    Độc lập - Tự do - Hạnh phúc\n\n"
              "                                        An Biên, ngày 10 tháng 9 năm 2025\n\n")
    blocks = _blocks(header + "KẾ HOẠCH\n\n" + _INTRO + "Nội dung.\n")
    assert "PHƯỜNG AN BIÊN Số: 52/KH-UBND" in [b.text for b in blocks if b.kind == "header"]



# --------------------------------------------------------------------------- pdftotext without -layout

PLANS = Path(__file__).parent / "fixtures" / "plans"


def _column_by_column(text: str) -> str:
    """The plan with its tab-typed tables written as pdftotext writes them without -layout: each column's cells one
    after the other, a blank line between, the figures apart from their words."""
    out: list[str] = []
    rows: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line and (rows or line.startswith("TT\t")):  # the target table (not the closing's two columns)
            rows.append(line.split("\t"))
            continue
        if rows:
            width = max(len(r) for r in rows)
            out += [cell for k in range(width) for r in rows for cell in (r[k] if k < len(r) else "", "") if r[k:k + 1]]
            rows = []
        out.append(line)
    return "\n".join(out)


def test_targets_of_a_table_read_column_by_column_are_not_judged(tmp_path: Path) -> None:
    """No false "missing" error for a target whose figure is in such a table: an info finding says it was not
    judged and why."""
    plan = tmp_path / "plan.txt"
    plan.write_text(_column_by_column((PLANS / "xa-tien-minh-phu-luc.txt").read_text(encoding="utf-8")),
                    encoding="utf-8")
    found = check_file(plan, load_packs()).findings
    assert [f for f in found if f.check == "target" and f.severity != "info"] == []
    unread = [f for f in found if f.check == "target" and "Chưa đánh giá được" in f.message]
    assert len(unread) >= 5 and all("pdftotext -layout" in f.message for f in unread)


def test_a_target_missing_from_a_table_written_row_by_row_is_still_missing(tmp_path: Path) -> None:
    """One cell to a line, row by row (a table flattened to text): no run of figures alone, so a target that is
    not there is missing as before."""
    text = (PLANS / "xa-tien-minh-phu-luc.txt").read_text(encoding="utf-8")
    flat = "\n".join(c for line in text.split("\n") for c in (line.split("\t") if "\t" in line else [line])
                     if "kỹ năng số" not in line)
    plan = tmp_path / "plan.txt"
    plan.write_text(flat, encoding="utf-8")
    found = check_file(plan, load_packs()).findings
    assert [(f.id, f.kind, f.severity) for f in found if f.id == "HP215-TGT-KYNANGSO"] == [
        ("HP215-TGT-KYNANGSO", "missing", "error")]


def test_targets_not_judged_are_not_judged_in_the_matrix(tmp_path: Path) -> None:
    """The reviewer's matrix shows such a target as "chưa đánh giá", not as missing."""
    plan = tmp_path / "plan.txt"
    plan.write_text(_column_by_column((PLANS / "xa-tien-minh-phu-luc.txt").read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = check_file(plan, load_packs())
    unread = {f.id for f in result.findings if f.check == "target" and "Chưa đánh giá được" in f.message}
    assert unread and result.facts is not None and not unread & set(result.facts.judged)


def test_a_line_set_in_under_a_table_elsewhere_than_its_columns_is_not_a_cell() -> None:
    """"Phụ lục II" centred on the line after the table's last row (no blank line between): set in, short and
    without a full stop like the rest of a cell, but under none of the table's columns: the appendix's own line."""
    after = "     Phụ lục II\n\n    DANH MỤC HỆ THỐNG THÔNG TIN\n" + _AFTER
    blocks = _blocks(_INTRO + NUMBERED + after)
    assert _tables(_INTRO + NUMBERED + after)[0][-1] == [
        "2", "Văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật)", "%", "Trên 90%"]
    assert "Phụ lục II" in [b.text for b in blocks if b.kind != "table"]




def test_a_page_whose_rows_leave_the_last_column_empty_fills_the_first_ones() -> None:
    """The next page sets the columns elsewhere and no row there has a cell in the last column ("Ghi chú"): its
    rows' cells start at fewer places than the table has columns; they hold a row's number, words and two figures,
    as the first four columns do on the page before, a cell running up to the next column ("Báo cáo định 100%") is
    cut there, and the rest of the last row of the page before, carried over the page break, goes to its cell."""
    table = """\
TT             Nội dung chỉ    Thành phố      Phường         Ghi chú
               tiêu            giao           đăng ký
1              Thủ tục hành    100%           100%           Theo danh
               chính đủ                                      mục công bố
               điều kiện
2              Hồ sơ công      75%            75%
               việc được xử
               lý trên môi
\f                                3


            trường mạng
            (trừ hồ sơ mật)
3           Báo cáo định 100%           100%
            kỳ trên hệ
            thống
4           Kết quả giải   100%         100%
            quyết thủ tục
            được số hóa
5           Cán bộ, công Tối thiểu      60%
            chức được      50%
            tập huấn
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[2:] == [
        ["2", "Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)", "75%", "75%", ""],
        ["3", "Báo cáo định kỳ trên hệ thống", "100%", "100%", ""],
        ["4", "Kết quả giải quyết thủ tục được số hóa", "100%", "100%", ""],
        ["5", "Cán bộ, công chức được tập huấn", "Tối thiểu 50%", "60%", ""],
    ]


def test_a_page_whose_rows_leave_the_second_column_empty_skips_it() -> None:
    """The empty column of the next page is the second ("Ghi chú" set after "STT"): the unit "%", the figures and
    the words of that page's rows go to the columns that hold a unit, figures and words on the page before, not to
    the first four."""
    table = """\
STT          Ghi chú      Đơn vị      Chỉ tiêu     Nội dung     Chỉ tiêu
                          tính        thành phố    chỉ tiêu     của
                                      giao                      phường
1            Cao hơn      %           Tối thiểu    Hồ sơ thủ    Tối thiểu
             chỉ tiêu                 80%          tục hành     90%
                                                   chính
2            Trừ hồ sơ    %           75%          Hồ sơ        Tối thiểu
             mật                                   công việc    80%
\f        2


3   %   100%        Kết quả      100%
                    giải quyết
4   %   Trên 90%    Mức độ       Trên 92%
                    hài lòng
"""
    rows = _tables(_INTRO + table + _AFTER)[0]
    assert rows[3:] == [["3", "", "%", "100%", "Kết quả giải quyết", "100%"],
                        ["4", "", "%", "Trên 90%", "Mức độ hài lòng", "Trên 92%"]]
