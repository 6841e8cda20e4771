"""Round 24f: the office's PDF as ``pdftotext -layout`` gives it (tests/fixtures/probes-24f.md). Each test pins one
fix on a text of the round's own and fails without it."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack, load_general

ROOT = Path(__file__).resolve().parents[1]


def test_general_checks_of_a_document_under_no_directive_run(packs: list[LoadedPack]) -> None:
    """A numbered document checked against no directive (a chỉ thị, "Số: 87/KH-UBND"): the general checks' test of
    an appendix's number read the directive's number from the pack the general checks have none of, so the whole
    check raised TypeError (the command printed no general finding; benchmarks/same_findings.py stopped)."""
    r = check_file(ROOT / "tests" / "fixtures" / "draft" / "chi-thi-song-lam.txt", packs, general=load_general())
    assert [f.id for f in r.general] == ["GEN-FORM"] * 3


# a task table as pdftotext -layout sets it out: each cell wrapped in its column, the groups' titles too
TASK_TABLE = """\
Phụ lục II

NHIỆM VỤ CỤ THỂ

STT        Nhiệm vụ              Cơ quan chủ trì      Cơ quan phối
                                                      hợp
I          Hạ tầng số
1          Nâng cấp mạng LAN,    Văn phòng HĐND       Phòng Kinh tế
           thiết bị tại trụ sở   và UBND xã
II         Phát triển chính
           quyền số
2          Cung cấp dịch vụ      Trung tâm Phục       Phòng Văn hóa -
           công trực tuyến       vụ hành chính        Xã hội
           toàn trình            công xã
III        Bảo đảm an toàn,
           an ninh thông tin
           mạng
3          Xác định cấp độ an    Công an xã           Văn phòng HĐND
           toàn hệ thống                              và UBND xã
"""


def test_a_groups_title_wrapped_in_its_column_does_not_end_the_table(tmp_path: Path) -> None:
    """A group's row ("II   Phát triển chính" / "quyền số") whose title wraps in its narrow column: the line after
    the row was looked at for the table's next row, found the title's rest, and ended the table there, so the rows
    after it (the Trung tâm's and the Công an's tasks) were no table's: UNIT-TTHCC and UNIT-CONGAN missing in the
    office PDF's text of Nam Thanh Miện, Hưng Đạo, An Phụ."""
    from checker.ingest import read

    path = tmp_path / "phu-luc.txt"
    path.write_text(TASK_TABLE, encoding="utf-8")
    tables = read(path).tables
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert ["2", "Cung cấp dịch vụ công trực tuyến toàn trình", "Trung tâm Phục vụ hành chính công xã",
            "Phòng Văn hóa - Xã hội"] in rows
    assert ["3", "Xác định cấp độ an toàn hệ thống", "Công an xã", "Văn phòng HĐND và UBND xã"] in rows


# the groups' titles typed in the STT column with their numbers ("1. Hạ tầng số"), wrapped in that narrow column
TITLES_IN_THE_FIRST_COLUMN = """\
Phụ lục

STT          Nội dung     Cơ quan     Cơ quan     Thời gian
             nhiệm vụ     chủ trì     phối hợp    hoàn thành
1. Hạ tầng
số
1.1          Duy trì      Văn phòng   Phòng Văn   Thường
             điểm cầu     HĐND và     hóa - Xã    xuyên
             trực tuyến   UBND        hội
2. Chính
quyền số
2.1          Tiếp nhận    Trung tâm   Công an     Thường
             hồ sơ trực   Phục vụ     xã          xuyên
             tuyến        hành
                          chính
                          công
"""


def test_a_groups_title_wrapped_in_the_first_column_stays_one_row(tmp_path: Path) -> None:
    """A group's title set in the narrow STT column with its number ("2. Chính" / "quyền số"): the rest of the title
    was no row's, so the table ended at it ("2. Chính" then read as a second point "2." of the part, HP215-NUMBERING)
    and the rows under it were paragraphs (UNIT-TTHCC, UNIT-VANPHONG missing in Vĩnh Thịnh's office PDF text); with
    the table read on, "quyền số" was a row of its own and "Chính quyền số" no group's title (SEC-CQS missing)."""
    from checker.ingest import read

    path = tmp_path / "phu-luc.txt"
    path.write_text(TITLES_IN_THE_FIRST_COLUMN, encoding="utf-8")
    tables = read(path).tables
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert ["1. Hạ tầng số"] in rows and ["2. Chính quyền số"] in rows
    assert ["2.1", "Tiếp nhận hồ sơ trực tuyến", "Trung tâm Phục vụ hành chính công", "Công an xã",
            "Thường xuyên"] in rows


# a table's last row cut by a page break, the next page setting its cell further in, the next part's heading straight
# after the cell's last line
PART_AFTER_A_CUT_ROW = (
    "STT Chỉ tiêu             Năm 2024    Năm 2025\n"
    "1   Hồ sơ công việc      Trên 90%    Trên 91%\n"
    "    được xử lý trên\n"
    "    môi trường mạng\n"
    "2   Hệ thống             100%        100%\n"
    "    thông tin được\n"
    "\f                         2\n\n\n"
    "            bảo đảm an\n"
    "            toàn theo quy\n"
    "            định\n"
    "     NHIỆM VỤ, GIẢI PHÁP\n\n"
    "     1.      Phát triển hạ tầng số\n\n"
    "-   Duy trì, vận hành ổn định điểm cầu hội nghị truyền hình trực tuyến tại\n"
    "    trụ sở xã.\n")


def test_a_heading_under_no_cell_of_the_line_above_is_not_the_rest_of_the_table(tmp_path: Path) -> None:
    """The part's heading "NHIỆM VỤ, GIẢI PHÁP" set in under the first page's second column (4 and 5), right after the
    cut row's last line on the next page ("            định", at 12): it was read as that cell's rest, so the part
    was not known and its points "1." "2." repeated those of the part before (HP215-NUMBERING ×2 in Mao Điền's
    office PDF text). A cell's lines laid out follow each other: a line under none of the line above's cells is
    not one."""
    from checker.ingest import read

    path = tmp_path / "muc-tieu.txt"
    path.write_text(PART_AFTER_A_CUT_ROW, encoding="utf-8")
    doc = read(path)
    assert not any("NHIỆM VỤ" in c.text for t in doc.tables for row in t.rows for c in row)
    assert ("heading", "NHIỆM VỤ, GIẢI PHÁP") in [(b.kind, b.text) for b in doc.blocks]


# a targets table with no number column, a row cut by the page break inside its first cell
ROW_CUT_IN_ITS_FIRST_CELL = (
    "Chỉ tiêu                  Mục tiêu                 Thời hạn\n"
    "Dịch vụ công được         100%                     31/12/2025\n"
    "cung cấp dưới dạng\n"
    "dịch vụ công trực\n"
    "tuyến toàn\n"
    "\f                                     2\n\n\n"
    "trình\n"
    "Hồ sơ thủ tục hành        Tối thiểu 90%            31/12/2025\n"
    "chính được xử lý trực\n"
    "tuyến toàn trình\n")


def test_the_first_cells_rest_on_the_next_page_is_joined_to_its_row(tmp_path: Path) -> None:
    """The next page's first line "trình", at the first column in lower case, a row straight after it: the rest of
    the cut row's first cell. It was taken only below a line of the same page, so it was a row of its own and the
    đặc khu's online services read without "toàn trình" (TGT-DVCTT weaker in Bạch Long Vĩ's office PDF text)."""
    from checker.ingest import read

    path = tmp_path / "chi-tieu.txt"
    path.write_text(ROW_CUT_IN_ITS_FIRST_CELL, encoding="utf-8")
    rows = [[c.text for c in row] for t in read(path).tables for row in t.rows]
    assert ["Dịch vụ công được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình", "100%", "31/12/2025"] in rows
    assert ["trình"] not in rows
