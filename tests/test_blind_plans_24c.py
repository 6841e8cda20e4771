"""Blind round 24c (tests/fixtures/blind-24c-expected.md: the verdicts written before the first run, and that run's
result): the reviewed office's next plans at full length (281-282 lines, where its nine run 33-129), two twin pairs
of the former Hải Dương (xã Nam Thanh Miện, xã Kim Thành), laid out over pages as text taken from a PDF or saved from
Word shows them, each with a part of the first half's results before the plan proper, other programmes' figures,
the 2026 aims after the targets, a long Căn cứ, the former units and district as history and an appendix after the
signature. Scored twice: by the index (every defect at its line, nothing else) and as the reviewed folder is scored
(tests/fixtures/blind-24c-expected.json, tests/test_plans_reviewed.py's ``verdict``). What the round revealed, each
pinned on its own:

- a part reporting a period ended before the reform ("I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025") names the district
  the former communes reported to, the province that set their targets and the former communes themselves as they
  were then (before: HP215-BODIES errors on "huyện Thanh Miện", "tỉnh Hải Dương" and HP215-UNITNAME warnings on
  "xã Chi Lăng Nam", "xã Hồng Phong" in sentences without a history word of their own);
- a plan in "Phần I" / "Phần II" parts has its execution part as a Roman part inside one: the part named so at the
  highest level it is named at, not the first point whose words name it ("2. Phân công nhiệm vụ cụ thể, rõ người,
  rõ việc …" among the aims); before: the offices of "VI. TỔ CHỨC THỰC HIỆN" were not read, those of the appendix's
  task table were said to lack their work (HP215-UNIT-KINHTE, HP215-UNIT-VHXH);
- "3. Định hướng năm 2026" over the 2026 aims is a heading of a later year, as "Năm 2026:" is (rules/conventions.yaml
  ``year_heading_openers``), and the plan is judged by its figures for 2025 wherever it states them (an appendix):
  before, the 2026 figure was the plan's "best" statement and the 2025 one reported `inconsistent` with it;
- the plan's own text states its targets and an appendix after the signature repeats them: a lower figure in "Mục
  tiêu cụ thể" is the plan's target, `weaker`, the appendix's higher figure said beside it (before: `inconsistent`,
  the appendix's figure taken as the plan's).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers_blind import INDEX, PLANS, loud, placed, twins_alike, want
from test_blind_plans_21c import _replaced
from test_plans_reviewed import verdict

from checker.ingest import read
from checker.parse import parse
from checker.parse.assignments import execution_sections
from checker.parse.targets import heading_deadline
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

EXPECTED = json.loads((PLANS.parent / "blind-24c-expected.json").read_text(encoding="utf-8"))
ROUND = sorted(EXPECTED)
GOOD = [n for n in ROUND if INDEX[n]["compliant"]]
BAD = [n for n in ROUND if not INDEX[n]["compliant"]]


def test_round_plans_listed() -> None:
    assert len(ROUND) == 4 and len(GOOD) == 2 and len(BAD) == 2
    twins_alike(GOOD)
    assert all(280 <= len((PLANS / n).read_text(encoding="utf-8").splitlines()) <= 450 for n in ROUND)


@pytest.mark.parametrize("name", ROUND)
def test_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    """A compliant plan silent; a defective one every defect at its place and nothing else."""
    assert placed(loud(PLANS / name, packs), want(name)) == want(name)


@pytest.mark.parametrize("name", ROUND)
def test_scored_as_the_reviewed_plans(name: str, packs: list[LoadedPack]) -> None:
    """As score.py reads a report: every defect found (its kind at its line, or its words), no other finding at
    error or warning level."""
    r = check_file(PLANS / name, packs)
    assert (r.status, verdict(EXPECTED[name], r)) == (EXPECTED[name]["status"], ([], []))


# --------------------------------------------------------------------------- each fix on its own
NAM_THANH_MIEN = PLANS / "xa-nam-thanh-mien-trang-pdf-dai-dat-chuan.txt"
NAM_THANH_MIEN_LOI = PLANS / "xa-nam-thanh-mien-trang-pdf-dai-loi.txt"
KIM_THANH = PLANS / "xa-kim-thanh-phan-trang-chan-dat-chuan.txt"
RESULTS = "  I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025"


def test_a_report_of_the_first_half_names_the_district_and_former_units_as_they_were(packs: list[LoadedPack]) -> None:
    """"kết nối với huyện Thanh Miện", "chỉ tiêu chung của tỉnh Hải Dương giao năm 2025", "(xã Chi Lăng Nam cao
    nhất, …; xã Hồng Phong thấp nhất, …)" in the part of the first half's results: no finding."""
    assert loud(NAM_THANH_MIEN, packs) == set()


@pytest.mark.parametrize("title", [
    "  I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN, CHUYỂN ĐỔI SỐ 6 THÁNG\n  ĐẦU NĂM 2025",
    "  I. KẾT QUẢ ĐẠT ĐƯỢC ĐẾN 30/6/2025",
    "  I. TÌNH HÌNH THỰC HIỆN NĂM 2024 VÀ 6 THÁNG ĐẦU NĂM 2025"], ids=["wrapped", "dated", "two-periods"])
def test_a_report_of_a_past_period_in_other_titles(title: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Its title wrapped over two lines by a PDF's column (the period on the second), the period's end as a date
    before the reform, the state of things over two past periods: the same part of history (probes of the round)."""
    assert loud(_replaced(NAM_THANH_MIEN, RESULTS, title, tmp_path), packs) == set()


@pytest.mark.parametrize("title", ["  I. KẾT QUẢ THỰC HIỆN TỪ KHI VẬN HÀNH CHÍNH QUYỀN HAI CẤP",
                                   "  I. KẾT QUẢ ĐẠT ĐƯỢC ĐẾN 30/9/2025",
                                   "  I. NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2025"])
def test_a_report_of_no_past_period_or_a_part_of_other_work_says_nothing_of_history(
        title: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A report since the reform (no history word in its title), or a part of work that is not a report: the
    district and the former units named there without a history word of their own are still found."""
    found = {i for i, _, _ in loud(_replaced(NAM_THANH_MIEN, RESULTS, title, tmp_path), packs)}
    assert {"HP215-BODIES", "HP215-UNITNAME"} <= found


def test_the_execution_part_inside_a_part_is_the_highest_named_so() -> None:
    """"Phần I" / "Phần II" at the top, "VI. TỔ CHỨC THỰC HIỆN" a Roman part inside "Phần II", and before it the aim
    "2. Phân công nhiệm vụ cụ thể, rõ người, rõ việc …" whose words are a name of the part."""
    plan = parse(read(KIM_THANH))
    (k,) = execution_sections(plan.sections)
    assert plan.sections[k].title == "TỔ CHỨC THỰC HIỆN"
    assert {"Phòng Kinh tế", "Công an xã", "Phòng Văn hóa - Xã hội"} <= {a.unit for a in plan.assignments
                                                                       if a.line is not None and a.line < 240}


@pytest.mark.parametrize(("title", "due"), [("Định hướng năm 2026", date(2026, 12, 31)),
                                            ("Phương hướng đến năm 2026", date(2026, 12, 31)),
                                            ("Phương hướng, nhiệm vụ năm 2026", date(2026, 12, 31)),
                                            ("Định hướng phát triển hạ tầng số", None)])
def test_a_heading_of_a_later_years_aims(title: str, due: date | None) -> None:
    assert heading_deadline(title) == due


def test_the_2026_aims_are_not_the_plans_2025_target(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The appendix's work-records cell "70%" (the city's 75%) is the plan's 2025 target, weaker; the "90% hồ sơ
    công việc" under "3. Định hướng năm 2026" is no second 2025 figure to set it against."""
    assert ("HP215-TGT-HSCV", "weaker", 237) in loud(NAM_THANH_MIEN_LOI, packs)


def test_a_lower_target_in_the_plans_text_is_weaker_whatever_its_appendix_says(packs: list[LoadedPack]) -> None:
    """"d) Mức độ hài lòng … đạt trên" / "88%;" in Mục tiêu cụ thể, "Trên 91%" in the appendix after the signature:
    the plan's target is weaker, at its line, the appendix's figure named in the message."""
    r = check_file(NAM_THANH_MIEN_LOI, packs)
    (f,) = [f for f in r.findings if f.id == "HP215-TGT-HAILONG"]
    assert (f.kind, f.line) == ("weaker", 105) and "91%" in f.message


@pytest.mark.parametrize("name", ROUND)
def test_the_same_verdict_as_office_word_files(name: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The plans as Word files laid out as offices type them (tests/layouts.py), numbers typed and numbered by Word:
    the same verdict, each finding's paragraph traced back to its lines."""
    from layouts import blocks_of, render_docx

    for auto in (False, True):
        origins: list[set[int]] = []
        docx = render_docx(blocks_of(PLANS / name), tmp_path / f"{auto}.docx", auto_numbering=auto, origins=origins)
        assert verdict(EXPECTED[name], check_file(docx, packs), origins) == ([], []), auto


def test_a_year_opening_a_paragraph_of_aims_dates_all_its_clauses(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Năm 2026, phấn đấu 95% …; 90% hồ sơ công việc …": the year frames every clause of its sentence (round 25c)."""
    path = _replaced(NAM_THANH_MIEN_LOI, "  3. Định hướng năm 2026\n      Phấn đấu 95%",
                     "      Năm 2026, phấn đấu\n      95%", tmp_path)
    assert ("HP215-TGT-HSCV", "weaker", 237) in loud(path, packs)
