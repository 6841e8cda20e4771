"""Blind round 26d (tests/fixtures/blind-26d-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, what is missing and what only seems to be. The compliant twins put a
content, a target or an office where no earlier fixture does (the security work only inside a task's prose, the
data under "Xây dựng cơ sở dữ liệu dùng chung" and "Chuyển đổi số trong quản lý", the training target in the Kinh phí
part and in an appendix, the Công an by its chief's post, targets split between Mục tiêu and Nhiệm vụ, "Phần thứ",
"Mục 1.", "Chương I", unnumbered titles); the defective twins take the same thing truly out. Scored twice: by the
index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-26d-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files.
What the round revealed, pinned on its own:

- a content part under a short title alone on its line, in sentence case and without a number, over its dashed
  points ("Chính quyền số" over "- Trên 90% văn bản được ký số …", the bold of the office's sub-heading lost in a
  text) was reported missing: the title over a point of a list (any marker: test_layouts_agree's lettered variant
  found the dash alone too narrow) names its part (checks/structure ``_title_over_points``);
- a closing without the signer's name took a part's heading above it for the name ("Chương III", fourteen lines
  above "KT. CHỦ TỊCH"): the name is looked for below the block's opening only (parse/header ``parse_signature``).
"""

from __future__ import annotations

from pathlib import Path

from helpers_blind import PLANS, round_tests

from checker.ingest import read
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("26d")

CHAN_HUNG = "xa-chan-hung-tieu-de-in-hoa-phu-luc-dat-chuan.txt"
AN_DUONG = "phuong-an-duong-chuong-chi-tieu-tach-dat-chuan.txt"


def _loud_ids(text: str, tmp_path: Path, packs: list[LoadedPack]) -> set[str]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    r = check_file(path, packs)
    return {f.id for f in [*r.findings, *r.general] if f.severity in ("error", "warning")}


# --------------------------------------------------------------------------- each fix on its own
def test_an_unnumbered_title_over_its_points_names_the_part(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Chính quyền số" alone on its line over dashed points: the part is there, whatever the points say."""
    text = (PLANS / CHAN_HUNG).read_text(encoding="utf-8")
    assert "HP215-SEC-CQS" not in _loud_ids(text, tmp_path, packs)
    # over a lettered point as well (found by test_layouts_agree's variant with letters for the dashes)
    lettered = text.replace("Chính quyền số\n- Trên", "Chính quyền số\na) Trên").replace("\n- Giải quyết",
                                                                                     "\nb) Giải quyết")
    assert "HP215-SEC-CQS" not in _loud_ids(lettered, tmp_path, packs)
    # the same points with their title taken out: nothing says which part they are of but their words
    bare = text.replace("Chính quyền số\n- Trên 90% văn bản được ký số", "- Trên 90% văn bản được ký số")
    assert "HP215-SEC-CQS" in _loud_ids(bare, tmp_path, packs)


def test_a_title_must_stand_over_a_point(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A line that closes a sentence is no title, over a point or not."""
    text = (PLANS / CHAN_HUNG).read_text(encoding="utf-8")
    closed = text.replace("Chính quyền số\n- Trên", "Chính quyền số.\n- Trên")
    assert "HP215-SEC-CQS" in _loud_ids(closed, tmp_path, packs)


def test_the_signers_name_is_never_above_the_closing(tmp_path: Path) -> None:
    """No name under "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": none, not the "Chương III" heading above the closing."""
    text = (PLANS / AN_DUONG).read_text(encoding="utf-8")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert parse(read(path)).signature.name == "Đỗ Minh Tuấn"
    path.write_text(text.replace("- Lưu: VT, VHXH.                                            Đỗ Minh Tuấn",
                                 "- Lưu: VT, VHXH."), encoding="utf-8")
    assert parse(read(path)).signature.name is None
