"""A target the plan states twice with different figures: every statement of a directive's target the plan makes as
its own (its targets part, a task, an appendix, a table to monitor them) is judged, and the one lower than the
directive is found at its own line, quoting it, with the directive's figure and the line where the plan says
otherwise. What is not a statement of the plan's target gives no finding: results reached (a part of results, a
year gone by, "trước đây", a footnote), a stage on the way to the target, the city's column of a table, another
indicator in the same sentence, the directive's words quoted.

And the comparator words ("tối thiểu", "trên", "≥", "đạt" ...) are one vocabulary (rules/conventions.yaml
``comparators``) that the target reader, the reader of tables cut cell by cell and the finder of tables cut column
by column all use."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import plan_from_text

from checker.checks.targets import DUMP_RUN, column_dumps
from checker.conventions import conventions
from checker.ingest import cellwise
from checker.models import Finding
from checker.parse.targets import comparator_before
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack
from checker.text import fold

PLAN = """ỦY BAN NHÂN DÂN                                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TIÊN LÃNG                                          Độc lập - Tự do - Hạnh phúc
Số: 41/KH-UBND                                     Tiên Lãng, ngày 18 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động của cơ quan nhà nước xã Tiên Lãng năm 2025

Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân dân xã
Tiên Lãng ban hành Kế hoạch thực hiện như sau:

I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025
Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 52%; 24% cán bộ, công chức được tập huấn kỹ năng số.

II. MỤC TIÊU, CHỈ TIÊU
1. Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
2. 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.
3. Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 80% (trừ hồ sơ mật).
4. 100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên Hệ thống thông tin báo cáo của thành phố.
5. 100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định.
6. Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính trên 90%.
7. Tối thiểu 60% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số.
8. Trên 90% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật).

III. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng số: duy trì hội nghị truyền hình trực tuyến, mạng truyền số liệu chuyên dùng.
2. Phát triển chính quyền số: hướng dẫn người dân nộp hồ sơ trực tuyến tại Một cửa;
bảo đảm tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
3. Phát triển dữ liệu số: cập nhật dữ liệu lên Kho dữ liệu dùng chung của thành phố.
4. Bảo đảm an toàn, an ninh thông tin mạng: thực hiện phương án bảo đảm an toàn thông tin theo quy định.
5. Đào tạo, tuyên truyền, phát triển nhân lực: tối thiểu 60% cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số.
{more}
IV. KINH PHÍ THỰC HIỆN
Ngân sách xã và các nguồn hợp pháp khác.

V. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội: cơ quan đầu mối, chủ trì, tham mưu, tổng hợp, báo cáo kết quả.
2. Phòng Kinh tế: tham mưu bố trí kinh phí.
3. Công an xã: bảo đảm an ninh mạng, an toàn thông tin.
4. Văn phòng HĐND và UBND xã: quản lý văn bản, điều hành.
5. Trung tâm Phục vụ hành chính công xã: dịch vụ công trực tuyến.

Nơi nhận:                                              TM. ỦY BAN NHÂN DÂN
- UBND thành phố;                                             CHỦ TỊCH
- Lưu: VT, VHXH.
                                                           Trần Văn Bình

PHỤ LỤC
BẢNG THEO DÕI CHỈ TIÊU NĂM 2025
STT\tChỉ tiêu\tKết quả đến 30/6/2025\tThành phố giao\tXã thực hiện
1\tHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình\t52%\t80%\t{table}
2\tCán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số\t24%\t50%\t60%
"""

TASK = "bảo đảm tối thiểu 85% hồ sơ thủ tục"
TABLE = "85%"


def _write(tmp_path: Path, *, more: str = "", table: str = TABLE, replace: tuple[str, str] | None = None,
           row: bool = True) -> Path:
    text = PLAN.replace("{more}", more).replace("{table}", table)
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    if not row:  # the table without the row of this target
        text = "\n".join(ln for ln in text.split("\n") if not ln.startswith("1\tHồ sơ thủ tục"))
    path = tmp_path / "xa-tien-lang.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, words: str) -> int:
    return next(k for k, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if words in ln)


def _loud(findings: list[Finding]) -> list[tuple[str, str, int | None]]:
    return [(f.id, f.kind, f.line) for f in findings if f.severity in ("error", "warning")]


def test_the_plan_as_written_complies(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _loud(check_file(_write(tmp_path), packs).findings) == []


def test_a_task_lower_than_the_targets_part_is_found_at_the_task(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _write(tmp_path, replace=(TASK, "bảo đảm tối thiểu 70% hồ sơ thủ tục"))
    task = _line_of(path, "tối thiểu 70% hồ sơ")
    found = check_file(path, packs).findings
    assert _loud(found) == [("HP215-TGT-HOSO", "inconsistent", task)]
    (f,) = [f for f in found if f.severity == "warning"]
    targets_line = _line_of(path, "1. Tối thiểu 85% hồ sơ")
    # the plan's words quoted, the directive's figure, and where the plan says otherwise
    assert "tối thiểu 70% hồ sơ thủ tục hành chính" in (f.evidence or "")
    assert f.actual == "tối thiểu 70%" and f.expected == "tối thiểu 80%"
    assert "tối thiểu 70%" in f.message and "tối thiểu 85%" in f.message and f"dòng {targets_line}" in f.message
    assert "tối thiểu 80%" in f.message


@pytest.mark.parametrize("title", ["BẢNG THEO DÕI CHỈ TIÊU NĂM 2025", "BẢNG PHÂN CÔNG THEO DÕI NĂM 2025"])
def test_the_monitoring_table_lower_is_found_at_its_row(title: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Under a targets heading or not (an appendix named for the work, not the targets), the table's own column is
    a statement of the target."""
    path = _write(tmp_path, table="65%", replace=("BẢNG THEO DÕI CHỈ TIÊU NĂM 2025", title))
    row = _line_of(path, "toàn trình\t52%")
    assert _loud(check_file(path, packs).findings) == [("HP215-TGT-HOSO", "inconsistent", row)]


def test_a_hedged_lower_task_is_quoted_in_its_own_words(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _write(tmp_path, replace=(TASK, "phấn đấu 70% hồ sơ thủ tục"))
    task = _line_of(path, "phấn đấu 70% hồ sơ")
    found = check_file(path, packs).findings
    assert _loud(found) == [("HP215-TGT-HOSO", "inconsistent", task)]
    assert "phấn đấu 70%" in next(f.message for f in found if f.line == task)


def test_the_targets_part_lower_than_the_table_is_found_at_the_targets_part(tmp_path: Path,
                                                                           packs: list[LoadedPack]) -> None:
    """The plan's text states its target, the appendix after the signature repeats it: lower in the targets part is
    the plan's target weaker, as lower than a task is (round 24c: before, `inconsistent`, the appendix's figure taken
    as the plan's and the targets part as a second statement); the message says where the plan writes 85%."""
    path = _write(tmp_path, replace=("1. Tối thiểu 85% hồ sơ", "1. Tối thiểu 70% hồ sơ"))
    at = _line_of(path, "1. Tối thiểu 70% hồ sơ")
    found = check_file(path, packs).findings
    assert _loud(found) == [("HP215-TGT-HOSO", "weaker", at)]
    assert "Kế hoạch ghi tối thiểu 85%" in next(f.message for f in found if f.line == at)


def test_the_targets_part_lower_than_a_task_is_weaker_and_says_where(tmp_path: Path,
                                                                    packs: list[LoadedPack]) -> None:
    """The targets part is the plan's commitment: lower there is weaker (an error), and the message says where the
    plan writes the directive's figure."""
    path = _write(tmp_path, replace=("1. Tối thiểu 85% hồ sơ", "1. Tối thiểu 70% hồ sơ"), row=False)
    found = check_file(path, packs).findings
    at = _line_of(path, "1. Tối thiểu 70% hồ sơ")
    assert _loud(found) == [("HP215-TGT-HOSO", "weaker", at)]
    (f,) = [f for f in found if f.severity == "error"]
    assert f.message.startswith("Chỉ tiêu thấp hơn văn bản chỉ đạo: tối thiểu 70% so với tối thiểu 80%")
    assert f"ở dòng {_line_of(path, TASK)}, Kế hoạch ghi tối thiểu 85%" in f.message
    # the same plan without the task's figure: weaker, with nothing to say about another line
    alone = _write(tmp_path, replace=("1. Tối thiểu 85% hồ sơ", "1. Tối thiểu 70% hồ sơ"), row=False)
    alone.write_text(alone.read_text(encoding="utf-8").replace(TASK, "bảo đảm hồ sơ thủ tục"), encoding="utf-8")
    (f,) = [f for f in check_file(alone, packs).findings if f.severity == "error"]
    assert "dòng" not in f.message


def test_each_lower_statement_is_found_once(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _write(tmp_path, table="65%", replace=(TASK, "bảo đảm tối thiểu 70% hồ sơ thủ tục"))
    lines = {_line_of(path, "tối thiểu 70% hồ sơ"), _line_of(path, "toàn trình\t52%")}
    loud = _loud(check_file(path, packs).findings)
    assert sorted(loud) == sorted(("HP215-TGT-HOSO", "inconsistent", k) for k in lines)


NOT_STATEMENTS = {
    # results reached, in the tasks' own part
    "a year gone by": "6. Năm 2024, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 58%.\n",
    "trước đây": "6. Trước đây, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình chỉ đạt 45%.\n",
    "already reached": "6. Đến nay, hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đã đạt 61%.\n",
    # stages on the way to the target, the last of them at it
    "staged": "6. Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: đến ngày 30/9/2025 đạt 60%, "
              "đến ngày 31/12/2025 đạt tối thiểu 85%.\n",
    "a stage of its own": "6. Đến ngày 30/9/2025, tối thiểu 65% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn "
                          "trình.\n",
    # another indicator in the same sentence
    "another indicator": "6. Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình, trong đó 30% hồ "
                         "sơ được thanh toán phí, lệ phí trực tuyến.\n",
    # the directive's own sentence quoted
    "quoted": '6. Chương trình Chuyển đổi số quốc gia đặt ra mục tiêu "tối thiểu 50% hồ sơ thủ tục hành chính được '
              'xử lý trực tuyến toàn trình"; xã phấn đấu vượt mục tiêu này.\n',
    # indicators the rule's words also match, lower: not the same target
    "payments online": "6. Phấn đấu 30% hồ sơ thủ tục hành chính được thanh toán phí, lệ phí trực tuyến.\n",
    "one field": "6. Tối thiểu 50% hồ sơ thủ tục hành chính lĩnh vực đất đai được xử lý trực tuyến toàn trình.\n",
    "through an app": "6. Tối thiểu 40% hồ sơ thủ tục hành chính được nộp trực tuyến qua ứng dụng VNeID.\n",
    "people guided": "6. 60% người dân được hướng dẫn nộp hồ sơ thủ tục hành chính trực tuyến.\n",
    # a footnote giving a past figure
    "footnote": "6. Tiếp tục nâng tỷ lệ hồ sơ trực tuyến(1).\n(1) Năm 2024, tỷ lệ hồ sơ thủ tục hành chính được xử lý "
                "trực tuyến toàn trình của xã đạt 47%.\n",
}


@pytest.mark.parametrize("what", sorted(NOT_STATEMENTS))
def test_what_is_not_a_statement_of_the_target_gives_no_finding(what: str, tmp_path: Path,
                                                                packs: list[LoadedPack]) -> None:
    assert _loud(check_file(_write(tmp_path, more=NOT_STATEMENTS[what]), packs).findings) == []


def test_a_lower_city_column_is_a_misstated_directive_not_a_second_target(tmp_path: Path,
                                                                          packs: list[LoadedPack]) -> None:
    path = _write(tmp_path, replace=("toàn trình\t52%\t80%", "toàn trình\t52%\t70%"))
    row = _line_of(path, "toàn trình\t52%")
    found = [f for f in check_file(path, packs).findings if f.severity in ("error", "warning")]
    assert [(f.id, f.kind, f.line) for f in found] == [("HP215-TGT-HOSO", "inconsistent", row)]
    assert "Cột chỉ tiêu thành phố giao" in found[0].message


@pytest.mark.parametrize("title", ["I. KẾT QUẢ THỰC HIỆN TỪ KHI VẬN HÀNH CHÍNH\nQUYỀN ĐỊA PHƯƠNG HAI CẤP",
                                   "I. KẾT QUẢ THỰC HIỆN TỪ KHI VẬN HÀNH CHÍNH QUYỀN ĐỊA\n\n  PHƯƠNG HAI CẤP",
                                   "I. ĐÁNH GIÁ THỰC TRẠNG"])
def test_a_part_of_results_holds_no_statement_of_a_target(title: str, tmp_path: Path,
                                                          packs: list[LoadedPack]) -> None:
    """Its title wrapped over two lines (a PDF's narrow column: read as two headings), or named for the state of
    things ("Đánh giá thực trạng"): its low figures are results, not the plan's targets set lower."""
    path = _write(tmp_path, replace=("I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025", title))
    assert _loud(check_file(path, packs).findings) == []


# --------------------------------------------------------------------------- one vocabulary of comparator words


def test_the_comparator_words_are_one_list_in_the_conventions() -> None:
    words = conventions().comparators
    assert {c.means for c in words} == {">=", ">", "=", "~", "<=", "<"}
    assert len({c.word for c in words}) == len(words)
    # the ingest stage reads them from the conventions, not from a private name of the parse stage
    tree = ast.parse(Path(cellwise.__file__).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert "checker.conventions" in imported and not any(m.startswith("checker.parse") for m in imported)


WORDS = [(c.word, c.means) for c in conventions().comparators]


@pytest.mark.parametrize(("word", "means"), WORDS)
def test_the_target_reader_reads_every_comparator_word(word: str, means: str) -> None:
    assert comparator_before(fold(f"Tỷ lệ hồ sơ được xử lý trực tuyến {word} ")) == means


@pytest.mark.parametrize("word", [w for w, _ in WORDS if w[0].isalpha()])
def test_the_readers_of_cut_tables_know_every_comparator_word(word: str) -> None:
    """A figure's cell opening with the word, run into the words of the cell before it (a table whose cells come
    one to a line), and a column of such cells alone on their lines (a table cut column by column)."""
    cell = word[0].upper() + word[1:]
    assert cellwise.without_figures(f"Văn bản được ký {cell} 90% số") == "Văn bản được ký số"
    column = "\n".join(f"{cell} {80 + k}%" for k in range(DUMP_RUN))
    plan = plan_from_text(f"I. MỤC TIÊU\nChỉ tiêu\n{column}\nII. NHIỆM VỤ\nTriển khai.\n")
    assert column_dumps(plan), cell
