"""Each check family, on the smallest plans that show it: exactly the findings expected (rule id, kind, line)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import plan_from_text
from pydantic import TypeAdapter
from ruamel.yaml import YAML

from checker.engine import run
from checker.rules.loader import LoadedPack
from checker.rules.schema import Rule

FIXTURES = Path(__file__).parent / "fixtures" / "checks"


@dataclass
class Case:
    name: str
    rule: dict[str, object]
    plan: str
    findings: list[list[object]]


def load_cases() -> list[Case]:
    out = []
    for f in sorted(FIXTURES.glob("*.yaml")):
        data = YAML(typ="safe").load(f.read_text(encoding="utf-8"))
        for suite in data["suites"]:
            for name, case in suite["cases"].items():
                out.append(Case(f"{f.stem}:{suite['rule']['id']}:{name}", suite["rule"], case["plan"],
                                case["findings"]))
    return out


CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_case(case: Case, pack: LoadedPack) -> None:
    """A fixture plan gives exactly the findings listed for it."""
    rule = TypeAdapter(Rule).validate_python(case.rule)
    loaded = copy.copy(pack)
    loaded.pack = pack.pack.model_copy(update={"rules": [rule]})
    got = [[f.id, f.kind, f.line] for f in run(plan_from_text(case.plan), loaded)]
    assert got == case.findings


def test_every_check_type_has_cases() -> None:
    from checker.checks import CHECKS

    covered = {c.rule["type"] for c in CASES}
    own_files = {"legal-references", "outdated-bodies", "document-form"}  # tested in their own test modules
    assert set(CHECKS) - own_files <= covered


def test_a_copy_of_a_plan_judges_its_own_text_again(pack: LoadedPack) -> None:
    """What the checks derive once per plan (``per_plan``, the diacritics share) is kept with the plan, and a copy
    with other lines (``model_copy``) derives it again from those lines, never the original's."""
    plan = plan_from_text("KẾ HOẠCH\nVI. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội: tuyên truyền.\n")
    first = [f.id for f in run(plan, pack)]
    assert not plan.lost_diacritics and plan.derived  # judged and kept
    other = plan_from_text("KE HOACH\nVI. TO CHUC THUC HIEN\n1. UBND huyen: tuyen truyen.\n")
    for copied in (plan.model_copy(update={"lines": other.lines}), copy.deepcopy(plan)):
        assert "derived" not in copied.__dict__ and "diacritic_counts" not in copied.__dict__
    changed = plan.model_copy(update={"lines": other.lines, "assignments": other.assignments})
    assert changed.lost_diacritics and not plan.lost_diacritics
    assert [f.id for f in run(changed, pack)] == [f.id for f in run(other, pack)]
    assert [f.id for f in run(plan, pack)] == first
