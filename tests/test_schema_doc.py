"""``check rules schema``: a description and an example for every field; ``match`` has one shape everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PACK_FILE, ROOT, plan_from_text

from checker.checks.base import Context
from checker.checks.structure import check_section, check_unit
from checker.commands import rules_group
from checker.errors import RulePackError
from checker.rules.loader import LoadedPack, load_pack
from checker.rules.schema import RequiredSection, RequiredUnit, Target


def test_every_field_has_a_description_and_an_example() -> None:
    result = CliRunner().invoke(rules_group, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    models = {"RulePack": schema, **schema["$defs"]}
    lacking = [f"{name}.{field}" for name, model in models.items()
               for field, spec in model.get("properties", {}).items()
               if not spec.get("description") or not spec.get("examples")]
    assert lacking == []
    assert len([1 for m in models.values() for _ in m.get("properties", {})]) > 60
    assert "tối đa" in json.dumps(schema["$defs"]["Target"]["properties"]["comparator"], ensure_ascii=False)


def test_match_is_one_shape_a_flat_list_is_one_group() -> None:
    base = {"id": "X", "message": "m"}
    flat = RequiredSection.model_validate(base | {"type": "required-section", "match": ["hạ tầng số", "hạ tầng"]})
    assert flat.match == [["hạ tầng số", "hạ tầng"]]
    target = Target.model_validate(base | {"type": "target", "match": ["học bạ số"], "value": 100})
    assert target.match == [["học bạ số"]]
    unit = RequiredUnit.model_validate(base | {"type": "required-unit", "match": [["phòng"], ["kinh tế"]]})
    assert unit.match == [["phòng"], ["kinh tế"]]


PLAN = """I. MỤC TIÊU
II. HẠ TẦNG SỐ
- Duy trì mạng LAN.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội: chủ trì.
"""


def test_groups_in_a_section_or_unit_rule_must_all_be_named(pack: LoadedPack) -> None:
    plan = plan_from_text(PLAN)
    ctx = Context(loaded=pack)
    base = {"id": "X", "message": "m"}

    def section(match: object) -> list[str]:
        rule = RequiredSection.model_validate(base | {"type": "required-section", "match": match})
        return [f.kind for f in check_section(plan, rule, ctx)]

    assert section(["hạ tầng số", "hạ tầng kỹ thuật"]) == []
    assert section([["hạ tầng"], ["số"]]) == []
    assert section([["hạ tầng"], ["dữ liệu"]]) == ["missing"]

    def unit(match: object) -> list[str]:
        rule = RequiredUnit.model_validate(base | {"type": "required-unit", "match": match})
        return [f.kind for f in check_unit(plan, rule, ctx)]

    assert unit([["phòng văn hóa"], ["xã hội"]]) == []
    assert unit([["phòng văn hóa"], ["kinh tế"]]) == ["missing"]


def test_mixing_groups_and_bare_phrases_says_how_to_rewrite(tmp_path: Path) -> None:
    text = PACK_FILE.read_text(encoding="utf-8")
    old = '    match: [["phòng kinh tế"]]\n'
    assert old in text
    broken = text.replace(old, '    match: [["phòng kinh tế"], "kinh tế"]\n', 1)
    path = tmp_path / "pack.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    message = str(exc.value)
    line = int(message.split(":")[1])
    assert "kinh tế\"]" in broken.splitlines()[line - 1]
    assert ".match (HP215-UNIT-KINHTE)" in message and "[[a, b], [c]]" in message and "['kinh tế']" in message


def test_every_shipped_and_test_pack_still_validates() -> None:
    files = [PACK_FILE, ROOT / "tests" / "fixtures" / "packs" / "31-KH-UBND.yaml"]
    for f in files:
        lp = load_pack(f)
        for rule in lp.pack.rules:
            match = getattr(rule, "match", None)
            assert match is None or all(isinstance(g, list) and g for g in match), rule.id
