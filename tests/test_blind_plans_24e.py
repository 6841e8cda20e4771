"""Blind round 24e (tests/fixtures/blind-24e-expected.md: the verdicts written before the first run, and that run's
result): "is it a plan implementing 215?" Ten documents of the reviewed office's kind: five plans implementing 215
that look like something else (a title without 215, 215 beside Đề án 06 and NQ 57, 215 with a wrong date, a plan
issued by a Quyết định, a plan with three defects) and five close to 215 that are not plans implementing it (the
city's 2026 plan carried out, the former district's plan of March 2025, a Báo cáo of 215's results, the ward Party
committee's plan, a school's plan). Scored twice: by the index (every defect at its line, nothing else) and as the
reviewed folder is scored (tests/fixtures/blind-24e-expected.json, tests/test_plans_reviewed.py's ``verdict``). What
the round revealed, each pinned on its own:

- the general checks, run on every document no pack applies to, asked the directive's number of no directive
  (checks/form.py, an appendix's number): every numbered not-applicable document, the reviewed xa-vinh-bao included,
  came out unreadable (fixed the same way by 9e4b038 on lead24 meanwhile; these tests pin it on the round's
  documents and the reviewed folder's);
- a plan whose title gives it a year outside the directive's period ("… năm 2026") and which names 215 only as the
  past year's programme is a plan of its own year (before: checked against 215, its 2026 targets "later than the
  directive");
- a header naming the issuing body under its governing body ("UBND XÃ HỒNG CHÂU" / "TRƯỜNG THCS HỒNG CHÂU", NĐ
  30/2020/NĐ-CP Phụ lục I) is that body's document, not the commune's plan (rules/conventions.yaml
  ``subordinate_issuers``; before: checked as xã Hồng Châu's plan, 14 false alarms).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_blind import INDEX, PLANS, loud, placed, want
from test_blind_plans_8 import general  # noqa: F401  (a fixture)
from test_blind_plans_21c import _replaced
from test_plans_reviewed import verdict

from checker.pipeline import check_file
from checker.rules.loader import LoadedGeneral, LoadedPack

EXPECTED = json.loads((PLANS.parent / "blind-24e-expected.json").read_text(encoding="utf-8"))
ROUND = sorted(EXPECTED)
APPLICABLE = [n for n in ROUND if EXPECTED[n]["status"] == "checked"]
ASIDE = [n for n in ROUND if EXPECTED[n]["status"] == "not-applicable"]
REVIEWED = Path(__file__).resolve().parents[2] / "shared" / "plans-reviewed"


def test_round_plans_listed() -> None:
    assert len(APPLICABLE) == 5 and len(ASIDE) == 5
    assert all(INDEX[n].get("not_applicable", False) == (n in ASIDE) for n in ROUND)
    assert all(40 <= len((PLANS / n).read_text(encoding="utf-8").splitlines()) <= 120 for n in ROUND)


@pytest.mark.parametrize("name", APPLICABLE)
def test_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    """A compliant plan silent; a defective one every defect at its place and nothing else."""
    assert placed(loud(PLANS / name, packs), want(name)) == want(name)


@pytest.mark.parametrize("name", ROUND)
def test_scored_as_the_reviewed_plans(name: str, packs: list[LoadedPack], general: LoadedGeneral) -> None:  # noqa: F811
    """As score.py reads a report (the general checks run, as `check` runs them): the status, every defect found,
    no other finding at error or warning level."""
    r = check_file(PLANS / name, packs, general=general)
    assert (r.status, verdict(EXPECTED[name], r)) == (EXPECTED[name]["status"], ([], [])), r.reason


# --------------------------------------------------------------------------- each fix on its own
NUMBERED_ASIDE = ["huyen-vinh-bao-cu-ke-hoach-cds-2025.txt", "phuong-nhi-chieu-bao-cao-ket-qua-215.txt",
                  "xa-tran-phu-bao-cao-ket-qua.txt", "phuong-tu-minh-cai-cach-hanh-chinh-2026.txt"]


@pytest.mark.parametrize("name", NUMBERED_ASIDE)
def test_a_numbered_document_no_pack_applies_to_gets_the_general_checks(
        name: str, packs: list[LoadedPack], general: LoadedGeneral) -> None:  # noqa: F811
    """Before: TypeError "general checks have no directive pack", the file reported unreadable."""
    assert check_file(PLANS / name, packs, general=general).status == "not-applicable"


def test_the_reviewed_other_directive_plan_with_the_general_checks(packs: list[LoadedPack],
                                                                   general: LoadedGeneral) -> None:  # noqa: F811
    path = REVIEWED / "xa-vinh-bao-other-directive.txt"
    if not path.is_file():
        pytest.skip("../shared/plans-reviewed is not present")
    assert check_file(path, packs, general=general).status == "not-applicable"


# each document set aside by its structure, the word its reason names, and the passage that makes it one of the
# commune's 215 plans again: the title's year covering 215's period ("… 6 tháng cuối năm 2025 và năm 2026"), the
# header without the school's line under the commune's name
SET_ASIDE = [
    ("phuong-thien-huong-ke-hoach-cds-nam-2026.txt", "2026", "nhà nước phường Thiên Hương năm 2026",
     "nhà nước phường Thiên Hương 6 tháng cuối năm 2025 và năm 2026"),
    ("xa-hong-chau-truong-thcs-ke-hoach-215.txt", "TRƯỜNG THCS HỒNG CHÂU",
     "TRƯỜNG THCS HỒNG CHÂU                          Độc lập - Tự do - Hạnh phúc",
     "                                               Độc lập - Tự do - Hạnh phúc"),
]


@pytest.mark.parametrize(("name", "named", "old", "new"), SET_ASIDE, ids=[c[0] for c in SET_ASIDE])
def test_a_plan_of_another_year_or_issuer_is_set_aside(name: str, named: str, old: str, new: str,
                                                       packs: list[LoadedPack], tmp_path: Path) -> None:
    """The city's 2026 plan carried out, 215 named as the past year's programme; a school's plan under the commune's
    name (before: both checked against 215). The same plan for 215's period, or the commune's own: checked."""
    r = check_file(PLANS / name, packs)
    assert r.status == "not-applicable" and named in (r.reason or "")
    assert check_file(_replaced(PLANS / name, old, new, tmp_path), packs).status == "checked"
