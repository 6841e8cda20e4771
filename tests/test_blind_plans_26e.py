"""Blind round 26e (tests/fixtures/blind-26e-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, with what offices attach after the signature (a "Biểu mẫu số 01" to fill
in with blank "……%" rows and its own signature, the Tổ công nghệ số cộng đồng with phone numbers, the online
procedures by code, a budget estimate, a task table, a report outline, last year's results of the former communes)
and targets set in the body or in a "Phụ lục I" of targets; units index.yaml used least (Trần Phú, Tứ Minh, Tân Kỳ,
An Dương). Scored twice: by the index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-26e-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files.
What the round revealed, pinned on its own:

- an appendix titled by a year before the directive's period ("PHỤ LỤC I" / "KẾT QUẢ NĂM 2024 CỦA CÁC XÃ TRƯỚC SẮP
  XẾP") was not a report of results: its columns of the former communes' figures were read as the plan's targets and
  the city's column, and misstated (rules/conventions.yaml ``parts: ket-qua``);
- the former communes heading its columns were reported as named as if they still existed: a report of results was
  recognised by its title only where no appendix label stood before it ("PHỤ LỤC I KẾT QUẢ …", checks/units
  ``past_report`` now reads the title as parse/targets ``results_sections`` does: parse/sections ``own_title``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, loud, round_tests

from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("26e")


TAN_KY = PLANS / "xa-tan-ky-de-cuong-ket-qua-nam-truoc-dat-chuan.txt"
RESULTS_TITLE = "KẾT QUẢ NĂM 2024 CỦA CÁC XÃ TRƯỚC SẮP XẾP"


def _with_title(title: str, tmp_path: Path, packs: list[LoadedPack]) -> set[tuple[str, str, int | None]]:
    """Tân Kỳ's plan, its Phụ lục I (a table of five former communes' figures, lines 70–75) under ``title``: the
    loud findings on the table's lines."""
    text = TAN_KY.read_text(encoding="utf-8")
    assert text.count(RESULTS_TITLE) == 1
    path = tmp_path / "plan.txt"
    path.write_text(text.replace(RESULTS_TITLE, title), encoding="utf-8")
    return {f for f in loud(path, packs) if f[2] is not None and 70 <= f[2] <= 75}


# (not "KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025 …": a part so titled may still give the former communes the period ahead,
# test_blind_plans_10's "Chỉ tiêu đến hết năm 2025 của các xã như sau:"; its lead decides, rules/conventions.yaml)
@pytest.mark.parametrize("title", [RESULTS_TITLE, "KẾT QUẢ NĂM 2024 CỦA CÁC XÃ (CŨ)"])
def test_an_appendix_of_a_past_periods_results_sets_no_target_and_names_the_former_units_as_history(
        title: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"PHỤ LỤC I" / "KẾT QUẢ NĂM 2024 …": what the former communes reached, each in its column, below the city's
    figures: neither the plan's targets nor a misstated city column, and the communes named as they were."""
    assert _with_title(title, tmp_path, packs) == set()


def test_an_appendix_of_figures_not_titled_as_results_is_still_read(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The same table under a title that does not report a past period ("SỐ LIỆU CỦA CÁC XÃ"): its figures stand as
    written, and the former communes heading the columns are named as if current (what the fix must not silence)."""
    found = _with_title("SỐ LIỆU CỦA CÁC XÃ", tmp_path, packs)
    assert {i for i, _, _ in found} >= {"HP215-UNITNAME", "HP215-TGT-HOSO"}


TRAN_PHU = PLANS / "xa-tran-phu-bieu-mau-thon-dat-chuan.txt"


def _form_findings(text: str, tmp_path: Path, packs: list[LoadedPack]) -> set[tuple[str, str, int | None]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return {f for f in loud(path, packs) if f[0] == "HP215-FORM"}


def test_a_form_attached_after_the_closing_ends_the_closing(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Biểu mẫu số 01" right under the closing (found by test_layouts_agree: the plan laid out without blank lines,
    "(Kèm theo …)" under the form's title in sentence case): the form begins there, like a "Phụ lục" (conventions
    ``attachment_labels``), and its own "NGƯỜI LẬP BIỂU … (Ký, ghi rõ họ tên)" is not the plan's signer, whose name
    stood read."""
    from layouts import blocks_of, render_text

    assert _form_findings(render_text(blocks_of(TRAN_PHU), width=85), tmp_path, packs) == set()


def test_a_closing_without_its_signers_name_is_still_reported_before_a_form(tmp_path: Path,
                                                                            packs: list[LoadedPack]) -> None:
    """What the fix must not silence: the plan's own signer's name left out, the form's signature after it."""
    text = TRAN_PHU.read_text(encoding="utf-8")
    assert text.count("Phạm Văn Toản") == 1
    assert _form_findings(text.replace("Phạm Văn Toản", ""), tmp_path, packs) != set()
