"""Rule tests shipped with a pack (``check rules test``): they pass for both packs, every rule of 215 has a failing
and a passing case, and a broken rule or a wrong annotation makes the command fail with the miss at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT

from checker.commands import rules_group
from checker.rules.loader import load_pack
from checker.ruletest import cases_of, read_annotations, run_case, uncovered

PACKS_31 = ROOT / "tests" / "fixtures" / "packs"


def _test(where: Path) -> tuple[int, str]:
    result = CliRunner().invoke(rules_group, ["test", str(where)])
    return result.exit_code, result.output


def test_shipped_pack_passes_and_every_rule_has_both_cases() -> None:
    code, out = _test(ROOT / "rules")
    assert code == 0, out
    assert "215-KH-UBND: 4/4 ca đạt; mọi quy tắc có ca đạt và ca sai" in out
    loaded = load_pack(ROOT / "rules" / "215-KH-UBND.yaml")
    assert uncovered(loaded, [run_case(c, loaded) for c in cases_of(ROOT / "rules", loaded)]) == []


def test_the_31_test_pack_passes() -> None:
    code, out = _test(PACKS_31)
    assert code == 0, out
    assert "31-KH-UBND: 3/3 ca đạt; mọi quy tắc có ca đạt và ca sai" in out


def _copy(tmp_path: Path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", dst)
    return dst


def test_a_broken_rule_fails_with_the_miss_at_its_line(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    pack = rules / "215-KH-UBND.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("    value: 80\n", "    value: 60\n", 1),
                    encoding="utf-8")  # HP215-TGT-HOSO now accepts 70%
    code, out = _test(rules)
    assert code == 1
    case = rules / "tests" / "215-KH-UBND" / "chi-tieu-yeu.txt"
    text = case.read_text(encoding="utf-8").splitlines()
    at = text.index("# ruleid: HP215-TGT-HOSO") + 1
    assert f"{case}:{at}: ruleid HP215-TGT-HOSO: không có phát hiện ở dòng {at + 1}" in out
    assert "215-KH-UBND: 3/4 ca đạt" in out


def test_a_false_alarm_on_an_ok_line_fails(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    pack = rules / "215-KH-UBND.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("    value: 50\n", "    value: 55\n", 1),
                    encoding="utf-8")  # the compliant case's 50% is now too low
    code, out = _test(rules)
    assert code == 1 and "tuan-thu.txt" in out and "ok HP215-TGT-KYNANGSO: có phát hiện ở cả kế hoạch" in out


def test_annotations_are_removed_and_lines_keep_their_numbers() -> None:
    clean, origin, expected = read_annotations("# ghi chú\n# ruleid: A\nx\n\n# ok: B, C\ny\n# ruleid: D\n")
    assert clean == "x\n\ny\n" and origin == [3, 4, 6]
    assert [(e.kind, e.rule, e.line) for e in expected] == [
        ("ruleid", "A", None), ("ok", "B", 6), ("ok", "C", 6), ("ruleid", "D", None)]


def test_an_unknown_rule_id_is_a_miss(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    case = rules / "tests" / "215-KH-UBND" / "tuan-thu.txt"
    case.write_text("# ruleid: HP215-NO-SUCH\n" + case.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = _test(rules)
    assert code == 1 and f"{case}:1: HP215-NO-SUCH: không có quy tắc này" in out


def test_a_pack_without_cases_says_so(tmp_path: Path) -> None:
    shutil.copy(ROOT / "rules" / "215-KH-UBND.yaml", tmp_path / "p.yaml")
    code, out = _test(tmp_path)
    assert code == 0 and "không có ca kiểm thử" in out
