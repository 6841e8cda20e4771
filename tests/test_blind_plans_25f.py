"""Blind round 25f (tests/fixtures/blind-25f-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, who does what. Four twin pairs of units of the former city of Hải Phòng
whose Tổ chức thực hiện gives the work by person and post, in long sentences joining offices with a short form
after a first full mention, in a typed table with the offices as columns and marks, by a lead-in and dashes. Scored
twice: by the index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-25f-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files.
What the round revealed, pinned on its own:

- a table of tasks with the offices as columns went unread: its columns headed by the plan's own short forms,
  defined in prose without the bracketed legend ("Phòng Kinh tế, Hạ tầng và Đô thị viết tắt KTHTĐT, …",
  "Phòng Văn hóa - Xã hội (VHXH)": parse/legend), its marks the one letters of "(C: chủ trì; P: phối hợp)"
  (rules/conventions.yaml ``assignment_columns.marks``), and its rows typed between a border under the header and
  one at the end, read as one row (ingest/txt ``_ROW_NUMBER``: a line opening with the next row's number is a row);
- "Giao Phòng Kinh tế:" over dashed points gave the office only the lead-in: the dashes under an office's lead-in
  are its work (parse/assignments ``_dashed_below``);
- "bàn giao từ Phòng Văn hóa và Thông tin huyện cũ": the former district's office named by its level and "cũ" is
  history, not a body given work (rules/bodies.yaml ``history_after``).
"""

from __future__ import annotations

from pathlib import Path

from helpers_blind import PLANS, round_tests

from checker.ingest import read
from checker.parse import parse
from checker.parse.legend import legend
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the pre-reform civil-servant title given the đầu mối's work: the project has no rule for it (blind-25f-expected.md)
LEFT = {"xa-vinh-thuan-cau-dai-viet-tat-loi.txt": "'Công chức Văn hóa - Xã hội' given work: no rule (a title named as "
        "a recipient or a person's post is no defect; blind-25f-expected.md, First run)"}

test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans, test_plan_as_office_word = (
    round_tests("25f", LEFT))


# --------------------------------------------------------------------------- each fix on its own
def test_short_forms_defined_in_prose_are_the_plans_legend() -> None:
    """"X viết tắt Y" in a row parted by commas, and a short form alone in brackets after an office's name."""
    own = legend(["Phòng Văn hóa - Xã hội (VHXH) là cơ quan đầu mối. Các cơ quan thực hiện theo bảng (C: chủ trì; "
                  "P: phối hợp); Phòng Kinh tế, Hạ tầng và Đô thị viết tắt KTHTĐT, Văn phòng HĐND và UBND viết tắt "
                  "VP, Công an phường viết tắt CA."])
    assert own == {"VHXH": "Phòng Văn hóa - Xã hội", "KTHTĐT": "Phòng Kinh tế, Hạ tầng và Đô thị",
                   "VP": "Văn phòng HĐND và UBND", "CA": "Công an phường"}


def test_a_bracket_after_other_words_is_no_legend() -> None:
    assert legend(["Thực hiện Nghị định số 45/2020/NĐ-CP (NĐ45) của Chính phủ về thủ tục hành chính."]) == {}


_MATRIX = """\
UBND PHƯỜNG X
KẾ HOẠCH
I. MỤC TIÊU
Nội dung.
II. TỔ CHỨC THỰC HIỆN
Các cơ quan thực hiện theo bảng (C: chủ trì; P: phối hợp); Phòng Kinh tế, Hạ tầng và Đô thị viết tắt KT,
Công an phường viết tắt CA, Văn phòng HĐND và UBND viết tắt VP.

+----+------------------------------------+----+----+----+
| TT | Nhiệm vụ                           | KT | VP | CA |
+----+------------------------------------+----+----+----+
| 1  | Bố trí kinh phí thực hiện          | C  | P  |    |
| 2  | Bảo đảm an ninh mạng, an toàn      |    | P  | C  |
|    | thông tin cho hệ thống             |    |    |    |
+----+------------------------------------+----+----+----+
"""


def test_a_table_of_offices_as_columns_with_one_letter_marks_gives_each_row_its_offices(tmp_path: Path) -> None:
    """Each row its own (a row number opens it, a wrapped cell's line leaves the number's column empty); each
    column the office the plan's legend names; "C" and "P" its marks."""
    path = tmp_path / "plan.txt"
    path.write_text(_MATRIX, encoding="utf-8")
    got = {(a.unit, a.tasks[0]) for a in parse(read(path)).assignments if a.line and a.line >= 11}
    assert got == {("Phòng Kinh tế, Hạ tầng và Đô thị", "Bố trí kinh phí thực hiện"),
                   ("Văn phòng HĐND và UBND", "Bố trí kinh phí thực hiện"),
                   ("Văn phòng HĐND và UBND", "Bảo đảm an ninh mạng, an toàn thông tin cho hệ thống"),
                   ("Công an phường", "Bảo đảm an ninh mạng, an toàn thông tin cho hệ thống")}


def test_the_dashes_under_an_offices_lead_in_are_its_work(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("UBND XÃ X\nKẾ HOẠCH\nI. MỤC TIÊU\nNội dung.\nII. TỔ CHỨC THỰC HIỆN\nGiao Phòng Kinh tế:\n"
                    "- tham mưu bố trí kinh phí từ ngân sách xã;\n- hướng dẫn thanh quyết toán.\nCác thôn:\n"
                    "- tuyên truyền đến người dân.\n", encoding="utf-8")
    (a,) = [a for a in parse(read(path)).assignments if a.unit == "Phòng Kinh tế"]
    assert a.tasks[1:] == ["- tham mưu bố trí kinh phí từ ngân sách xã;", "- hướng dẫn thanh quyết toán."]


def test_the_former_districts_office_named_by_its_level_and_cu_is_history(packs: list[LoadedPack]) -> None:
    """Kiến Hưng: "bàn giao từ Phòng Văn hóa và Thông tin huyện cũ" (line 62) is silent; the same office given work
    in the defective twin ("- phối hợp Phòng Văn hóa và Thông tin huyện hướng dẫn …", line 60) is not."""
    lines = {f.line for f in check_file(PLANS / "xa-kien-hung-giao-gach-dau-dong-loi.txt", packs).findings
             if f.id == "HP215-BODIES"}
    assert lines == {60}
