"""Another (made-up) city: its own units, references and bodies files and rule pack, with no code change."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import check_paths
from checker.rules.loader import load_packs

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "othercity"


def test_other_city_pack_runs_with_its_own_data() -> None:
    packs = load_packs(FIXTURE)
    assert [lp.pack.pack for lp in packs] == ["HL-12"]
    report = check_paths([FIXTURE / "plans"], packs)
    (plan,) = report.plans
    assert plan.status == "checked"
    got = [f.key() for f in plan.findings]
    assert got == [
        ("HL-UNITNAME", "inconsistent", 13),  # "trên địa bàn phường Cầu Mây": another ward of that city
        ("HL-REFS", "outdated", 15),  # a decision its registry marks superseded
        ("HL-BODIES", "outdated", 17),  # a former district of that city, from its units file
    ]
    by_id = {f.id: f for f in plan.findings}
    assert by_id["HL-UNITNAME"].expected == "Phường Bến Đá"
    assert by_id["HL-REFS"].expected == "8/2025/QĐ-UBND"
    assert by_id["HL-BODIES"].actual == "Quận Cửa Sông"
    assert by_id["HL-BODIES"].expected == "Phường Bến Đá, Phường Cầu Mây"
