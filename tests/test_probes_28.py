"""What the lead decided and pinned in session 28:

- a committee's plan signed "KT. CHỦ TỊCH" (or "Q. CHỦ TỊCH") with no "TM. ỦY BAN NHÂN DÂN" above it, left by round
  27b: NĐ 30/2020 (Phụ lục I; shared/reference/legal-and-data.md §4 item 7) gives a collective body's form with
  "TM.", many offices leave it out on plans all the same, so it is noted at info (rules/conventions.yaml
  ``signers.head_alone``), quoting the column that bears the mark, never counted against the plan; a block with
  the "TM." line says nothing, nor does a decision issuing the plan (the chairman's own).

Found by merging rounds 28a and 28c (test_golden on 28c's Kiến Minh twin):
- 28a's placeholder figure ("đạt xx%": the target written, its figure left to fill in, incomplete where it stands)
  took a reporting form's field attached after the signature ("Biểu mẫu số 01": "4. Tỷ lệ kết quả giải quyết thủ tục
  hành chính được số hoá: ............%") for the plan's target, so a target the plan leaves out was reported
  "incomplete" at the form instead of missing: a blank in an attachment after the closing is the form's (checks/
  targets ``_blank``, parse/header ``appendix_start``).

Found by the final check (test_rewrites on round 28a's Gia Lộc plan, its points rewritten "4- " and "100%" as "100
phần trăm"):
- a point numbered with a hyphen before a percent written in words, "4- 100 phần trăm báo cáo định kỳ …", was not a
  point ("4- 100% báo cáo …" was): the targets after it ran into the one before, read as a table's columns
  (HP215-TGT-BAOCAO "4% so với 100%", errors on a compliant plan). A percent in words (rules/conventions.yaml
  ``percent_forms``) after the figure is a percentage as "%" is (checker/ingest/layout ``marker_pattern``).
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.models import Finding
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
ONE_PER_LINE = PLANS / "phuong-ngo-quyen-ky-tung-dong-dat-chuan.txt"  # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH", l. 73–74
BESIDE = PLANS / "phuong-an-duong-chuong-chi-tieu-tach-dat-chuan.txt"  # "Nơi nhận:  …  KT. CHỦ TỊCH", no TM., l. 74
DECISION = PLANS / "xa-ha-bac-quyet-dinh-loi.txt"  # a decision issuing the plan, signed "KT. CHỦ TỊCH" alone


def _signed(path: Path, packs: list[LoadedPack], text: str | None = None) -> list[Finding]:
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return [f for f in check_file(path, packs).findings
            if f.id == "HP215-FORM" and "TM. ỦY BAN NHÂN DÂN" in f.expected and "KT." in f.expected + f.actual]


def test_a_plan_signed_for_the_head_alone_is_noted_at_info(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = ONE_PER_LINE.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert lines[72].strip() == "TM. ỦY BAN NHÂN DÂN" and lines[73].strip() == "KT. CHỦ TỊCH"
    assert _signed(ONE_PER_LINE, packs) == []
    lines[72] = "\n"  # the TM. line left blank
    (f,) = _signed(tmp_path / ONE_PER_LINE.name, packs, "".join(lines))
    assert (f.severity, f.kind, f.line, f.evidence) == ("info", "incomplete", 74, "KT. CHỦ TỊCH")
    assert f.expected == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" and "Nghị định 30/2020" in f.message


def test_the_mark_beside_the_recipients_is_quoted_as_its_column(tmp_path: Path, packs: list[LoadedPack]) -> None:
    (f,) = _signed(BESIDE, packs)
    assert (f.severity, f.line, f.evidence) == ("info", 74, "KT. CHỦ TỊCH")
    lines = BESIDE.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[72].strip() == "" and lines[73].startswith("Nơi nhận:")
    column = lines[73].index("KT.")
    lines[72] = " " * column + "TM. ỦY BAN NHÂN DÂN\n"  # the body's line above the mark, in its column
    assert _signed(tmp_path / BESIDE.name, packs, "".join(lines)) == []


def test_a_decision_issuing_the_plan_is_the_chairmans_own(packs: list[LoadedPack]) -> None:
    text = DECISION.read_text(encoding="utf-8")
    assert "KT. CHỦ TỊCH" in text and "TM. " not in text
    assert _signed(DECISION, packs) == []


def test_a_forms_blank_after_the_closing_is_not_the_plans_figure(packs: list[LoadedPack]) -> None:
    plan = PLANS / "xa-kien-minh-nfd-bieu-mau-loi.txt"  # the digitised-results target left out; the form asks it
    text = plan.read_text(encoding="utf-8")
    assert "4. Tỷ lệ kết quả giải quyết thủ tục hành chính được số hoá: ............%" in text
    found = [(f.kind, f.line) for f in check_file(plan, packs).findings if f.id == "HP215-TGT-SOHOA"]
    assert found == [("missing", 40)]


def test_a_hyphen_point_before_a_percent_in_words(tmp_path: Path, packs: list[LoadedPack]) -> None:
    plan = PLANS / "xa-gia-loc-so-ngan-da-ky-dat-chuan.txt"  # targets "1. 100% …" to "9. 100% …", lines 26–36
    text = plan.read_text(encoding="utf-8")
    assert "\n4. 100% báo cáo định kỳ" in text
    path = tmp_path / plan.name
    for percent in ("100%", "100 phần trăm", "100 PHẦN TRĂM"):
        path.write_text(re.sub(r"(?m)^(\d)\. ", r"\1- ", text).replace("100%", percent), encoding="utf-8")
        assert [f.id for f in check_file(path, packs).findings if f.severity in ("error", "warning")] == [], percent
