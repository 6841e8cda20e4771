"""Blind round 28c (tests/fixtures/blind-28c-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans at full length, every habit at once: three twin pairs of 150–167 lines,
each joining six or more habits earlier rounds showed apart (a Quyết định page issuing the plan, PHẦN and Roman
parts, lettered lists with đ and (1) (2) points, targets in prose and in a wrapped pipe table after the signature,
a tasks table with group rows, Word's symbol bullets copied as text, old-style tones and NFD lines, offices
abbreviated once, past and other programmes' figures, former units as history, a tab appendix and a report form
with dotted blanks). Scored twice: by the index (every defect at its line, nothing else) and as the reviewed folder
is scored (tests/fixtures/blind-28c-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word
files. What the round revealed, pinned on its own:
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: three twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_three_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("28c", pairs=3)


# --------------------------------------------------------------------------- each fix on its own
TAN_HUNG = PLANS / "phuong-tan-hung-quyet-dinh-ban-hanh-dat-chuan.txt"
NAM_AN_PHU = PLANS / "xa-nam-an-phu-phan-bang-nhom-dat-chuan.txt"
KIEN_MINH = PLANS / "xa-kien-minh-nfd-bieu-mau-dat-chuan.txt"


def _loud(path: Path, tmp_path: Path, packs: list[LoadedPack], *swaps: tuple[str, str]) -> set[tuple[str, str]]:
    """The findings at error or warning level of ``path`` with each ``(old, new)`` of ``swaps`` written in."""
    text = path.read_text(encoding="utf-8")
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new)
    out = tmp_path / "plan.txt"
    out.write_text(text, encoding="utf-8")
    return {(f.id, f.kind) for f in check_file(out, packs).findings if f.severity in ("error", "warning")}


HOSO_PAST = "lý trực tuyến toàn trình (năm 2024 đạt 61,5%)."


@pytest.mark.parametrize(("bracket", "found"), [
    ("(năm 2024 đạt 61,5%)", set()), ("(6 tháng đầu năm 2025 đạt 70%)", set())])
def test_a_bracket_with_a_past_years_level_after_the_targets_words_is_an_aside(
        bracket: str, found: set[tuple[str, str]], tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Tối thiểu 80% hồ sơ … được xử lý trực tuyến toàn trình (năm 2024 đạt 61,5%)": the bracket reports the level
    reached in a year of its own; the words before it are the 80%'s (HOSO was missing: the 80% kept no words)."""
    assert _loud(TAN_HUNG, tmp_path, packs, (HOSO_PAST, HOSO_PAST.replace("(năm 2024 đạt 61,5%)", bracket))) == found


def test_a_bracket_with_a_past_years_level_after_a_colon_is_an_aside(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"… toàn trình (năm 2024: 61,5%)": the colon's form of the aside is the same aside (left by round 28c, fixed by
    the lead in session 29: a figure in a bracket that gives a year or date of its own is not the city's column run
    into the row, parse/targets ``_dated_aside``; found on 73 of 74 compliant plans by benchmarks/inject.py)."""
    assert _loud(TAN_HUNG, tmp_path, packs, (HOSO_PAST, HOSO_PAST.replace("năm 2024 đạt", "năm 2024:"))) == set()


def test_a_results_appendix_that_also_names_the_years_targets_is_read_for_them(tmp_path: Path,
                                                                               packs: list[LoadedPack]) -> None:
    """"PHỤ LỤC / KẾT QUẢ NĂM 2024 VÀ CHỈ TIÊU ĐẾN HẾT NĂM 2025": a table of both; its 2025 column's lowered figure
    is reported (rules/conventions.yaml results_with_targets). Titled by the results alone, it stays a report."""
    lowered = ("|     | toàn trình                                      |                  | 80%               |",
               "|     | toàn trình                                      |                  | 70%               |")
    assert _loud(TAN_HUNG, tmp_path, packs, lowered) == {("HP215-TGT-HOSO", "inconsistent")}
    title = ("KẾT QUẢ NĂM 2024 VÀ CHỈ TIÊU ĐẾN HẾT NĂM 2025", "KẾT QUẢ NĂM 2024 CỦA CÁC ĐƠN VỊ TRƯỚC SẮP XẾP")
    assert _loud(TAN_HUNG, tmp_path, packs, lowered, title) == set()


def test_a_lettered_lead_in_over_numbered_points_keeps_its_letters_one_list(tmp_path: Path,
                                                                           packs: list[LoadedPack]) -> None:
    """"a) Về …:" then "(1)" … "(4)", then "b) Về …:": the points nest under the letter, "b)" is its sibling (a
    HP215-NUMBERING warning, "first of its level numbered b", was given on both compliant plans)."""
    assert _loud(NAM_AN_PHU, tmp_path, packs) == set()
    assert _loud(NAM_AN_PHU, tmp_path, packs, ("b) Về quản lý, điều hành:", "c) Về quản lý, điều hành:")) == {
        ("HP215-NUMBERING", "inconsistent")}


FORMER = "- tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt bình quân"


@pytest.mark.parametrize(("lead", "found"), [
    ("Năm 2024, tại ba xã trước sắp xếp:", set()),
    ("Năm 2025, tại xã:", {("HP215-UNITNAME", "outdated")})])
def test_a_list_introduced_as_history_tells_its_items_as_history(lead: str, found: set[tuple[str, str]],
                                                                 tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Năm 2024, tại ba xã trước sắp xếp:" over "- … trong đó xã Đại Đồng đạt cao nhất 71%;": the former commune
    in a dash item of a list its lead tells as history (checks/units table_lead, as a table's rows)."""
    assert _loud(KIEN_MINH, tmp_path, packs, ("Năm 2024, tại ba xã trước sắp xếp:", lead)) == found


def test_a_report_forms_fields_are_one_list(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Biểu mẫu số 01" after the plan: "1. …: ............%" … "7. …": each field's line ends with a blank to
    fill, the next number opens a point of its own ("7." was the list's first, a HP215-NUMBERING warning). A
    field line whose blank leaves words after it still runs on."""
    assert _loud(KIEN_MINH, tmp_path, packs) == set()
    assert _loud(KIEN_MINH, tmp_path, packs, ("7. Khó khăn, vướng mắc", "8. Khó khăn, vướng mắc")) == {
        ("HP215-NUMBERING", "inconsistent")}
