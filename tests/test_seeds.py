"""The five real plans end to end: their real problems found at their lines, silence where they comply."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.models import PlanResult
from checker.pipeline import check_file
from checker.rules.loader import load_packs


@pytest.fixture(scope="module")
def results(seeds: Path) -> dict[str, PlanResult]:
    packs = load_packs()
    out = {p.name[:3]: check_file(p, packs) for p in sorted(seeds.glob("*.txt"))}
    # 001 implements 31/KH-UBND: on its own it has no pack; in the round of 215 it is checked against 215
    out["001-default"] = out["001"]
    out["001"] = check_file(next(seeds.glob("001_*.txt")), packs, round_pack=packs[0])
    return out


def keys(result: PlanResult, check: str | None = None) -> set[tuple[str, str, int | None]]:
    return {f.key() for f in result.findings if check is None or f.check == check}


def test_000_le_thanh_nghi_complies_on_targets_and_citation(results: dict[str, PlanResult]) -> None:
    r = results["000"]
    assert r.status == "checked" and r.directive == "215/KH-UBND"
    assert r.unit == "Phường Lê Thanh Nghị"
    assert keys(r, "target") == set()  # its target list is the directive's, word for word (OCR)
    assert keys(r, "required-citation") == set()
    assert keys(r, "section-numbering") == set()  # "I11." is OCR for III
    assert keys(r, "unit-names") == set()  # OCR "Lé Thanh Nghi" is not a misspelling
    assert keys(r, "required-section") == set()


def test_001_an_hai_real_problems(results: dict[str, PlanResult]) -> None:
    r = results["001"]
    assert r.status == "checked" and r.unit == "Phường An Hải"
    assert "31/KH-UBND" in (r.reason or "") and "--directive" in (r.reason or "")
    k = keys(r)
    assert ("HP215-CITE", "missing", 7) in k  # implements 31/KH-UBND, not 215
    assert keys(r, "target") == {
        ("HP215-TGT-HSCV", "weaker", 104),  # 60% < 75%
        ("HP215-TGT-HSCV", "inconsistent", 104),  # its "city" column says 60%: that is 31's figure, not 215's
        ("HP215-TGT-DVCTT", "weaker", 46),  # adds an exclusion the directive does not make
        ("HP215-TGT-BAOCAO", "missing", 35),  # copies a national target about ministries instead
        ("HP215-TGT-KYNANGSO", "missing", 35),
        ("HP215-TGT-KYSO", "missing", 35),
    }
    assert keys(r, "section-numbering") == {("HP215-NUMBERING", "inconsistent", 208),
                                            ("HP215-NUMBERING", "inconsistent", 630)}
    assert keys(r, "unit-names") == {("HP215-UNITNAME", "inconsistent", 765),
                                     ("HP215-UNITNAME", "inconsistent", 895)}  # "phường An Dương"
    hscv = next(f for f in r.findings if f.id == "HP215-TGT-HSCV" and f.kind == "weaker")
    assert "60%" in hscv.evidence and hscv.actual == "đạt 60%" and "75%" in hscv.expected


def test_001_without_a_round_is_another_directive(results: dict[str, PlanResult]) -> None:
    r = results["001-default"]
    assert r.status == "not-applicable" and r.findings == []
    assert "31/KH-UBND" in (r.reason or "") and "--directive 215/KH-UBND" in (r.reason or "")


def test_002_phu_lien_is_another_directive(results: dict[str, PlanResult]) -> None:
    r = results["002"]
    assert r.status == "not-applicable" and r.findings == []
    assert "02-KH/BCĐTW" in (r.reason or "") and "01-KH/BCĐ" in (r.reason or "")  # official, not OCR, numbers
    assert r.unit == "Phường Phù Liễn"


def test_003_cat_hai(results: dict[str, PlanResult]) -> None:
    r = results["003"]
    assert r.status == "checked" and r.unit == "Đặc khu Cát Hải"
    assert keys(r, "target") == set()
    assert keys(r, "required-citation") == {("HP215-CITE", "inconsistent", 23)}  # "215-KH-UBND"
    cite = next(f for f in r.findings if f.id == "HP215-CITE")
    assert cite.severity == "info" and cite.actual == "215-KH-UBND"
    assert keys(r, "section-numbering") == set()
    assert keys(r, "unit-names") == set()


def test_004_garbled_legacy_text_is_unreadable(results: dict[str, PlanResult]) -> None:
    r = results["004"]
    assert r.status == "unreadable" and r.findings == []
    assert "TCVN3/VNI" in (r.reason or "")


def test_every_finding_quotes_and_locates(results: dict[str, PlanResult], seeds: Path) -> None:
    """A finding with a line quotes words that are on (or wrap from) that line of the plan."""
    for name, r in results.items():
        text = next(seeds.glob(f"{name[:3]}*.txt")).read_text(encoding="utf-8").splitlines()
        for f in r.findings:
            assert f.expected, f
            if f.line is not None and f.evidence:
                window = " ".join(text[f.line - 1 : f.line + 4])
                first_words = " ".join(f.evidence.split()[:2])
                assert first_words in " ".join(window.split()), (name, f)
