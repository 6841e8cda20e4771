"""Blind round 27b (tests/fixtures/blind-27b-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans, their signature and closing in forms no earlier fixture used (the
signature first and Nơi nhận below it one field per line, "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "(đã ký)" and the name in
capitals, "+" items and "Lưu: VT, VHXH(02b)."; recipients with no dash and an e-office's digital-signature stamp in the
signature column; an acting chairman "Q. CHỦ TỊCH"; the block in sentence case "TM. Ủy ban nhân dân" / "Chủ tịch");
units used in one fixture only (Phường Ngô Quyền, Phường Hải Dương, Xã Ninh Giang, Xã Thanh Hà). Scored twice: by the
index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-27b-expected.json, tests/test_plans_reviewed.py's ``verdict``), also laid out as Word files.
What the round revealed, pinned on its own:

- a collective body's plan is signed for the body (NĐ 30/2020/NĐ-CP, Phụ lục I: "TM. ỦY BAN NHÂN DÂN", a deputy
  under "KT. CHỦ TỊCH"): the form check asked only that some mark, a position and a name be there, so a thừa lệnh
  "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG" and "TM. … / PHÓ CHỦ TỊCH" with no "KT." passed (checks/form ``_signed_for``,
  rules/conventions.yaml ``signers.collective``, ``delegated``; the block's own titles, parse/header
  ``parse_signature``: ``Signature.titles``); "KT. CHỦ TỊCH" with no "TM." above it, left by the round, is noted
  at info since session 28 (rules/conventions.yaml ``signers.head_alone``; tests/test_probes_28.py);
- laid out as a Word file, the signer's name typed in capitals in a paragraph under the block ("ĐOÀN THỊ THU HƯỜNG"
  after "(đã ký)") was read as body text, the name lost (HP215-FORM "họ tên người ký", a false alarm): a name in
  capitals right under the signature block is the block's (ingest/layout ``_form_kind``);
- found by test_rewrites on the Ngô Quyền plan: a point numbered with a slash before a comparator, "2/ ≥ 80% hồ sơ
  …", was not a point ("2. ≥ 80%" and "2/ 80%" were): the target ran into the one before (ingest/layout
  ``marker_pattern``);
- another commune named in the closing sentence right before the text's end mark ("… của Ủy ban nhân dân xã Nguyên
  Giáp./.") was read as "xã Nguyên" and passed in silence: "./." is not part of the name (parse/header
  ``_capitalised``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import PLANS, round_tests

from checker.ingest.layout import marker_of
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# the round's plans: four twin pairs; each by the index and as score.py reads it; each laid out as Word
(test_round_is_four_twin_pairs, test_found_at_their_lines_and_scored_as_the_reviewed_plans,
 test_plan_as_office_word) = round_tests("27b")

NGO_QUYEN = PLANS / "phuong-ngo-quyen-ky-tung-dong-dat-chuan.txt"
BLOCK = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\n"


def _form(path: Path, packs: list[LoadedPack]) -> set[tuple[str, int | None]]:
    return {(f.kind, f.line) for f in check_file(path, packs).findings
            if f.id == "HP215-FORM" and f.severity in ("error", "warning")}


def _signed(block: str, tmp_path: Path, packs: list[LoadedPack]) -> set[tuple[str, int | None]]:
    """The Ngô Quyền plan's closing (one field per line, lines 73–75) signed otherwise (the name in lower case: a
    name in capitals is taken as the first text under the signer's position only, the position here varied)."""
    text = NGO_QUYEN.read_text(encoding="utf-8").replace("ĐOÀN THỊ THU HƯỜNG", "Đoàn Thị Thu Hường")
    assert BLOCK in text and block.count("\n") == 3
    path = tmp_path / "plan.txt"
    path.write_text(text.replace(BLOCK, block), encoding="utf-8")
    return _form(path, packs)


@pytest.mark.parametrize(("block", "found"), [
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\n", {("inconsistent", 73)}),  # thừa lệnh: not a committee's plan
    ("TM. ỦY BAN NHÂN DÂN\nTUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n", {("inconsistent", 74)}),
    ("TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH\n\n", {("inconsistent", 74)}),  # a deputy signing as the head
    ("TM. Ủy ban nhân dân\n\nPhó Chủ tịch\n", {("inconsistent", 75)}),
])
def test_a_committees_plan_signed_otherwise_than_for_the_committee(block: str, found: set[tuple[str, int]],
                                                                   tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _signed(block, tmp_path, packs) == found


@pytest.mark.parametrize("block", [
    BLOCK,
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n",
    "TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\n\n",  # an acting chairman
    "TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch\n",
    "T/M ỦY BAN NHÂN DÂN\nK/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",  # an older template's marks: info only
    "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",  # no TM.: as offices sign plans in the chairman's right (Left, the .md)
    "\nQ. CHỦ TỊCH\n\n",
])
def test_a_committees_plan_signed_for_the_committee_is_silent(block: str, tmp_path: Path,
                                                              packs: list[LoadedPack]) -> None:
    assert _signed(block, tmp_path, packs) == set()


def test_the_partys_deputy_beside_the_committees_block_is_not_the_committees_signer(packs: list[LoadedPack]) -> None:
    """A Party committee's block beside the UBND's ("T/M ĐẢNG ỦY" / "BÍ THƯ", its position a column of its own
    beside "CHỦ TỊCH"): only the committee's block is held to TM. and KT."""
    assert _form(PLANS / "xa-kien-thuy-dang-uy-ubnd.txt", packs) == set()


def test_the_recipients_deputies_beside_the_chairmans_block_are_not_the_signer(tmp_path: Path,
                                                                               packs: list[LoadedPack]) -> None:
    """"- Các Phó Chủ tịch UBND xã;" in the Nơi nhận column beside "CHỦ TỊCH" names recipients, not the signer."""
    path = tmp_path / "plan.txt"
    text = (PLANS / "xa-thanh-ha-ky-chu-thuong-dat-chuan.txt").read_text(encoding="utf-8")
    old, gap = "- UBND thành phố;", " " * 48
    assert old + " " * 58 + "Chủ tịch" in text
    path.write_text(text.replace(old + " " * 58 + "Chủ tịch", "- Các Phó Chủ tịch UBND xã;" + gap + "Chủ tịch"),
                    encoding="utf-8")
    assert _form(path, packs) == set()


NINH_GIANG = PLANS / "xa-ninh-giang-quyen-chu-tich-dat-chuan.txt"


@pytest.mark.parametrize("end", ["./.", "/.", ". /."])
def test_a_unit_named_before_the_texts_end_mark(end: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"… xã Nguyên Giáp./." names Nguyên Giáp (another commune as the issuer); "… xã Ninh Giang./." its own."""
    text = NINH_GIANG.read_text(encoding="utf-8")
    assert "của Ủy ban nhân dân xã Ninh Giang./." in text
    path = tmp_path / "plan.txt"
    path.write_text(text.replace("xã Ninh Giang./.", "xã Nguyên Giáp" + end), encoding="utf-8")
    found = {(f.line, f.actual) for f in check_file(path, packs).findings if f.id == "HP215-UNITNAME"}
    assert found == {(66, "xã Nguyên Giáp")}
    path.write_text(text.replace("xã Ninh Giang./.", "xã Ninh Giang" + end), encoding="utf-8")
    assert not [f for f in check_file(path, packs).findings if f.id == "HP215-UNITNAME"]


@pytest.mark.parametrize(("text", "marker"), [("2/ ≥ 80% hồ sơ thủ tục hành chính", "2/"),
                                              ("7- > 90% văn bản được ký số", "7-"), ("1/2 số hồ sơ", "")])
def test_a_point_numbered_with_a_slash_before_a_comparator(text: str, marker: str) -> None:
    """"2/ ≥ 80% …" opens point 2 as "2. ≥ 80% …" does; "1/2 số hồ sơ" (a fraction) opens none."""
    assert marker_of(text)[0] == marker
