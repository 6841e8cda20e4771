"""Blind round 24a (tests/fixtures/blind-24a-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans whose work is set out in a table of tasks (TT | Nội dung nhiệm vụ | Chủ
trì | Phối hợp | Thời gian hoàn thành | Sản phẩm / Kết quả), laid out as offices send tables as text: tab rows with
a header of two rows, "|" pipes with cells wrapped onto continuation rows, an appendix after the signature, offices
abbreviated. Scored twice: by the index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-24a-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files.
What the round revealed, pinned on its own:

- a table of tasks typed as text wraps a long cell onto the next row, its number cell empty ("| 4 | Khảo sát … |
  … | Mức độ hài lòng của người dân, |" / "|   | … | | | | doanh nghiệp đạt trên 90% |"): each row was read alone
  (the figure without its subject), and the continuation rows (no figure, two cells) taken for header rows that
  reset the columns' roles; the row is now read continued (parse/targets ``_with_continuations``);
- the column of what a task delivers, "Sản phẩm / Kết quả", was set aside as a column of results reached (the
  ignored "kết quả"): every target written in it was reported missing. A task's product ("sản phẩm", "kết quả dự
  kiến", "kết quả cần đạt") is the plan's own column (rules/conventions.yaml ``table_columns.own``);
- the ward's formation told as "Phường mới được tổ chức trên cơ sở phường Minh Đức, phường Phạm Ngũ Lão …" named
  the former wards as live units (HP215-UNITNAME): "tổ chức trên cơ sở" is a history marker, as "thành lập trên cơ
  sở" is (rules/conventions.yaml ``history_markers``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_blind import PLANS, loud, placed, twins_alike, want
from test_plans_reviewed import verdict

from checker.parse.targets import targets_in_rows
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

EXPECTED = json.loads((PLANS.parent / "blind-24a-expected.json").read_text(encoding="utf-8"))
ROUND = sorted(EXPECTED)
GOOD = [n for n in ROUND if not EXPECTED[n]["defects"]]


def test_round_is_four_twin_pairs() -> None:
    assert len(ROUND) == 8 and len(GOOD) == 4
    twins_alike(GOOD)


@pytest.mark.parametrize("name", ROUND)
def test_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    """A compliant plan silent; a defective one every defect at its place and nothing else."""
    assert placed(loud(PLANS / name, packs), want(name)) == want(name)


@pytest.mark.parametrize("name", ROUND)
def test_scored_as_the_reviewed_plans(name: str, packs: list[LoadedPack]) -> None:
    r = check_file(PLANS / name, packs)
    assert r.status == EXPECTED[name]["status"], r.reason
    missed, noise = verdict(EXPECTED[name], r)
    assert not missed, f"defects not found: {missed}"
    assert not noise, "false alarms:\n" + "\n".join(noise)


@pytest.mark.parametrize("auto", [False, True], ids=["typed-numbers", "word-numbering"])
@pytest.mark.parametrize("name", ROUND)
def test_plan_as_office_word(name: str, auto: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
    from layouts import blocks_of, render_docx

    origins: list[set[int]] = []
    path = render_docx(blocks_of(PLANS / name), tmp_path / "plan.docx", auto_numbering=auto, origins=origins)
    r = check_file(path, packs)
    assert r.status == EXPECTED[name]["status"], r.reason
    missed, noise = verdict(EXPECTED[name], r, origins)
    assert not missed, f"defects not found: {missed}"
    assert not noise, "false alarms:\n" + "\n".join(noise)


# --------------------------------------------------------------------------- each fix on its own
HEADER = ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm / Kết quả"]


def _rows(*rows: list[str]) -> list[list[tuple[str, int]]]:
    return [[(cell, n) for cell in row] for n, row in enumerate(rows, start=1)]


def _figures(rows: list[list[tuple[str, int]]]) -> list[tuple[float, int, str]]:
    return [(t.value, t.line, t.text) for t in targets_in_rows(rows, {})]


def test_a_cell_wrapped_onto_a_continuation_row_is_read_with_its_row() -> None:
    """The subject on the row, the figure on its continuation (number cell empty): one target, the row's words and
    its figure, at the row's line; the next numbered row read on its own."""
    rows = _rows(HEADER,
                 ["4", "Khảo sát sự hài lòng của", "TTPVHCC", "VP", "Trước ngày 15/12/2025", "Mức độ hài lòng của"],
                 ["", "người dân, doanh nghiệp", "", "", "", "người dân, doanh nghiệp đạt trên 90%"],
                 ["5", "Thu phí qua thanh toán trực tuyến", "TTPVHCC", "", "Thường xuyên", "Năm 2024: 37% giao dịch"])
    (hai_long, other) = _figures(rows)
    assert hai_long[:2] == (90.0, 2) and "hài lòng" in hai_long[2] and "doanh nghiệp đạt trên 90%" in hai_long[2]
    assert other[:2] == (37.0, 4)


def test_a_row_under_a_merged_number_giving_its_own_figure_is_not_joined() -> None:
    """A row with its number cell merged down that gives a figure where the row above gave one (a second year, a
    second unit) is a row of its own, not the cell above wrapped."""
    rows = _rows(["TT", "Chỉ tiêu", "Năm", "Sản phẩm / Kết quả"],
                 ["1", "Hồ sơ xử lý trực tuyến toàn trình", "2025", "Tối thiểu 80%"],
                 ["", "", "2026", "Tối thiểu 90%"])
    assert [v for v, _, _ in _figures(rows)] == [80.0, 90.0]


@pytest.mark.parametrize("column", ["Sản phẩm / Kết quả", "Kết quả / sản phẩm", "Sản phẩm", "Kết quả dự kiến"])
def test_a_tasks_product_column_holds_the_plans_own_figures(column: str) -> None:
    """The figure in a task's product column is the plan's target, read with the task's words."""
    rows = _rows([*HEADER[:5], column],
                 ["13", "Bồi dưỡng kỹ năng số", "P.VHXH", "VP", "Tháng 10/2025",
                  "40% CBCCVC được tập huấn, bồi dưỡng kỹ năng số"])
    assert [v for v, _, _ in _figures(rows)] == [40.0]


def test_a_column_of_results_reached_is_still_set_aside() -> None:
    """'Kết quả' alone over a column beside the plan's is a result reached: not a target."""
    rows = _rows(["TT", "Chỉ tiêu", "Kết quả", "Phường thực hiện"],
                 ["1", "Hồ sơ xử lý trực tuyến toàn trình", "63%", "Tối thiểu 85%"])
    assert [v for v, _, _ in _figures(rows)] == [85.0]


BACH_DANG = PLANS / "phuong-bach-dang-bang-nhiem-vu-tab-dat-chuan.txt"


@pytest.mark.parametrize("sentence", [
    "2. Phường được tổ chức trên cơ sở phường Minh Đức, phường Phạm Ngũ Lão và xã Bạch Đằng; các hệ",
    "2. Phường Bạch Đằng tổ chức trên cơ sở phường Minh Đức, phường Phạm Ngũ Lão và xã Bạch Đằng; các hệ",
])
def test_the_units_formation_organised_on_the_basis_of_the_former_wards_is_history(
        sentence: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    lines = BACH_DANG.read_text(encoding="utf-8").split("\n")
    assert lines[16].startswith("2. Phường mới được tổ chức trên cơ sở")
    lines[16] = sentence
    path = tmp_path / BACH_DANG.name
    path.write_text("\n".join(lines), encoding="utf-8")
    assert loud(path, packs) == set()


def test_a_former_ward_given_work_is_still_found(tmp_path: Path, packs: list[LoadedPack]) -> None:
    lines = BACH_DANG.read_text(encoding="utf-8").split("\n")
    lines[16:18] = ["2. Giao UBND phường Minh Đức rà soát các hệ thống, dữ liệu; bảo đảm vận hành thông suốt.",
                    "Các hệ thống phải được vận hành liên tục."]
    path = tmp_path / BACH_DANG.name
    path.write_text("\n".join(lines), encoding="utf-8")
    assert {(i, line) for i, _, line in loud(path, packs)} == {("HP215-UNITNAME", 17)}
