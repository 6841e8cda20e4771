"""Round 24f: the office's PDF as ``pdftotext -layout`` gives it (tests/fixtures/probes-24f.md). Each test pins one
fix on a text of the round's own and fails without it."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack, load_general

ROOT = Path(__file__).resolve().parents[1]


def test_general_checks_of_a_document_under_no_directive_run(packs: list[LoadedPack]) -> None:
    """A numbered document checked against no directive (a chỉ thị, "Số: 87/KH-UBND"): the general checks' test of
    an appendix's number read the directive's number from the pack the general checks have none of, so the whole
    check raised TypeError (the command printed no general finding; benchmarks/same_findings.py stopped)."""
    r = check_file(ROOT / "tests" / "fixtures" / "draft" / "chi-thi-song-lam.txt", packs, general=load_general())
    assert [f.id for f in r.general] == ["GEN-FORM"] * 3
