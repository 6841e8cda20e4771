"""Rule packs are data: they validate with file:line errors, and editing them changes results with no code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PACK_FILE, ROOT

from checker.errors import RulePackError
from checker.pipeline import check_file
from checker.rules.loader import load_pack, load_packs

PLAN = ROOT / "plans" / "phuong-hai-an-dat.txt"


def copy_rules(tmp_path: Path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", dst)
    return dst


def test_every_rule_file_loads() -> None:
    packs = load_packs()
    assert [lp.pack.pack for lp in packs] == ["215-KH-UBND"]
    assert packs[0].units is not None and len(packs[0].units.units) == 114


def test_raising_a_threshold_in_yaml_changes_the_result(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    assert check_file(PLAN, load_packs(rules)).findings == []
    pack = rules / "215-KH-UBND.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("    value: 80\n", "    value: 90\n", 1),
                    encoding="utf-8")
    got = [(f.id, f.kind) for f in check_file(PLAN, load_packs(rules)).findings]
    assert got == [("HP215-TGT-HOSO", "weaker")]


def test_adding_a_required_unit_in_yaml(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    pack = rules / "215-KH-UBND.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + """
  - id: HP215-UNIT-MTTQ
    type: required-unit
    severity: warning
    message: "Ủy ban MTTQ Việt Nam: tuyên truyền, vận động"
    match: ["mặt trận tổ quốc", "MTTQ"]
""", encoding="utf-8")
    got = [(f.id, f.kind, f.severity) for f in check_file(PLAN, load_packs(rules)).findings]
    assert got == [("HP215-UNIT-MTTQ", "missing", "warning")]


@pytest.mark.parametrize(("old", "new", "field"), [
    ("    comparator: \">\"\n", "    comparator: \"much\"\n", "comparator"),
    ("type: plan-date", "type: plan-dates", "rules[2].type (HP215-DATE)"),
    ("  date: 2025-08-25\n", "  date: 2025-13-45\n", "directive.date"),
    ("    severity: warning\n", "    severity: warning\n    colour: red\n", "colour"),
])
def test_mistakes_name_file_line_and_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    text = PACK_FILE.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    path = tmp_path / "pack.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    message = str(exc.value)
    assert message.startswith(f"{path}:") and field in message
    line = int(message.split(":")[1])
    assert new.strip().split("\n")[-1].split(":")[0].strip() in broken.splitlines()[line - 1] or field in (
        "directive.date")


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("pack: x\nrules: [\n  - id: a\n", encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    assert str(exc.value).startswith(f"{path}:") and "YAML" in str(exc.value)


def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    text = PACK_FILE.read_text(encoding="utf-8").replace("id: HP215-TGT-HOSO", "id: HP215-TGT-DVCTT")
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    line = exc.value.line
    assert line is not None and "id: HP215-TGT-DVCTT" in text.splitlines()[line - 1]
    assert text.count("id: HP215-TGT-DVCTT") == 2 and text.index("id: HP215-TGT-DVCTT") < sum(
        len(t) + 1 for t in text.splitlines()[: line - 1])  # the second one, not the first nor "rules:"
    assert "rules[4].id" in exc.value.message and "rules[3]" in exc.value.message


def test_a_registry_that_is_not_there_is_named_at_its_key(tmp_path: Path) -> None:
    text = PACK_FILE.read_text(encoding="utf-8").replace("bodies: bodies.yaml", "bodies: bodys.yaml")
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    assert exc.value.line is not None and text.splitlines()[exc.value.line - 1].startswith("bodies: bodys.yaml")
    assert "bodies" in exc.value.message and "bodys.yaml" in exc.value.message


def test_registries_are_shared_from_the_shipped_folder(tmp_path: Path) -> None:
    """A pack alone in a folder names the shipped registries by name: no copy beside it."""
    path = tmp_path / "pack.yaml"
    path.write_text(PACK_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load_pack(path)
    assert loaded.units is not None and len(loaded.units.units) == 114 and loaded.bodies is not None


def test_a_shared_registry_folder_named_by_the_pack(tmp_path: Path) -> None:
    shared = tmp_path / "registries"
    shutil.copytree(ROOT / "rules" / "units", shared / "units")
    (shared / "units" / "haiphong.yaml").write_text(
        (ROOT / "rules" / "units" / "haiphong.yaml").read_text(encoding="utf-8").replace(
            "Phường Hải An\n  short_name: Hải An\n", "Phường Hải Anh\n  short_name: Hải Anh\n"), encoding="utf-8")
    packs = tmp_path / "packs"
    packs.mkdir()
    text = PACK_FILE.read_text(encoding="utf-8").replace("references: references.yaml", "registries: ../registries\n"
                                                         "references: references.yaml")
    (packs / "a.yaml").write_text(text, encoding="utf-8")
    loaded = load_pack(packs / "a.yaml")
    assert loaded.units is not None and any(u.short_name == "Hải Anh" for u in loaded.units.units)


def test_a_new_decree_in_the_registry_changes_the_result(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    plan = tmp_path / "p.txt"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace(
        "- Hoàn thành phê duyệt cấp độ an toàn hệ thống thông tin; tham gia diễn tập.",
        "- Thực hiện Quyết định số 999/QĐ-UBND ngày 01/9/2025 của UBND thành phố về an toàn thông tin."),
        encoding="utf-8")
    before = [(f.id, f.severity) for f in check_file(plan, load_packs(rules)).findings]
    assert before == [("HP215-REFS", "info")]  # unknown to the registry: shown so reviewers can add it
    registry = rules / "references.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + """
  - number: "999/QĐ-UBND"
    type: Quyết định
    issuer: UBND thành phố Hải Phòng
    date: 2025-09-02
    title: "về an toàn thông tin (test entry)"
    status: in_force
    verified: true
    source: "tests/test_rules.py"
""", encoding="utf-8")
    after = check_file(plan, load_packs(rules)).findings
    assert [(f.id, f.kind, f.severity) for f in after] == [("HP215-REFS", "outdated", "error")]
    assert "02/09/2025" in after[0].message or "2/9/2025" in after[0].message


def test_a_renamed_unit_in_the_registry_changes_the_result(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    units = rules / "units" / "haiphong.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("Phường Hải An\n  short_name: Hải An\n",
                                                               "Phường Hải Anh\n  short_name: Hải Anh\n"),
                     encoding="utf-8")
    got = [(f.id, f.kind, f.expected) for f in check_file(PLAN, load_packs(rules)).findings]
    assert got == [("HP215-UNITNAME", "inconsistent", "Phường Hải Anh")]
