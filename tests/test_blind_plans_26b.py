"""Blind round 26b (tests/fixtures/blind-26b-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, the unit's own name and the bodies after 1/7/2025; four units whose names
are also a former unit's or a former district's (Phường Lê Chân, from parts of two former districts; Xã Vĩnh Bảo;
Xã Trần Phú; Phường Trần Hưng Đạo), their history told ("trên cơ sở sắp xếp …", "UBND quận … trước đây", "địa bàn xã
… (cũ)", thôn and schools named as former communes) and defects that name a neighbouring ward or a former commune as
the plan's own, a district body or Sở Thông tin và Truyền thông as a live actor. Scored twice: by the index (every
defect at its line, nothing else) and as the reviewed folder is scored (tests/fixtures/blind-26b-expected.json,
tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files. What the round revealed, pinned on its own:

- a header writing another type's word before a registered name ("ỦY BAN NHÂN DÂN / PHƯỜNG VĨNH BẢO" of Xã Vĩnh Bảo,
  no ward of that name) was read as the registry's unit in silence, and the commune was then held to a ward's office
  names (a false warning on its Phòng Kinh tế): the header is reported (checks/units ``check``, message
  ``unit.type``) and the plan is the registry's type wherever a body list depends on it (checks/units
  ``own_type``, checks/bodies ``applies``);
- found by test_layouts_agree: in a text without diacritics, "Uy ban nhan dan quan Le Chan" (the former district
  the ward is named after) was taken for a damaged "Ủy ban nhân dân quản lý", one of the district body's excluded
  phrases, and passed in silence: a word taken for OCR damage is never a word of another known name written exactly
  (checks/bodies ``_spans``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("26b")

VINH_BAO = PLANS / "xa-vinh-bao-thi-tran-cu-dat-chuan.txt"
LE_CHAN = PLANS / "phuong-le-chan-ke-thua-hai-quan-dat-chuan.txt"


def _loud(path: Path, packs: list[LoadedPack]) -> set[tuple[str, str, int | None, str | None]]:
    return {(f.id, f.kind, f.line, f.actual) for f in check_file(path, packs).findings
            if f.severity in ("error", "warning")}


@pytest.mark.parametrize(("header", "wrong"), [("PHƯỜNG VĨNH BẢO", True), ("XÃ VĨNH BẢO", False)])
def test_a_header_naming_the_unit_with_another_types_word(header: str, wrong: bool, tmp_path: Path,
                                                          packs: list[LoadedPack]) -> None:
    """Xã Vĩnh Bảo's header written "PHƯỜNG VĨNH BẢO" (no ward of that name): the header is reported, and the commune
    keeps a commune's office names (its Phòng Kinh tế is not a ward's Phòng Kinh tế, Hạ tầng và Đô thị)."""
    path = tmp_path / "plan.txt"
    path.write_text(VINH_BAO.read_text(encoding="utf-8").replace("   XÃ VĨNH BẢO      ", f"{header:>15}      ", 1),
                    encoding="utf-8")
    found = _loud(path, packs)
    assert (("HP215-UNITNAME", "inconsistent", 2, "phường Vĩnh Bảo") in found) is wrong
    assert not [f for f in found if f[0] == "HP215-BODIES"]
    assert len(found) == int(wrong)


@pytest.mark.parametrize(("words", "district"), [
    ("Uy ban nhan dan quan Le Chan", True),
    ("Uy ban nhan dan quan\nLe Chan", True),
    ("Uy ban nhan dan quan ly cac du an", False),
])
def test_a_district_written_without_diacritics_is_not_a_damaged_excluded_phrase(
        words: str, district: bool, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Without diacritics, "UBND quan Le Chan" is the former district (its name written exactly), not a damaged
    "Ủy ban nhân dân quản lý"; "quan ly" itself stays excluded."""
    old = "kết quả với Ủy ban nhân dân phường, Ủy ban nhân dân thành phố (qua Sở Khoa học và Công nghệ)."
    text = LE_CHAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.txt"
    path.write_text(text.replace(old, f"ket qua voi Uy ban nhan dan phuong, {words} (qua So)."), encoding="utf-8")
    bodies = {(f.line, f.actual) for f in check_file(path, packs).findings if f.id == "HP215-BODIES"}
    assert bodies == ({(77, "Quận Lê Chân")} if district else set())
