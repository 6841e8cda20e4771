"""Subcommands: ``check rules validate|schema``, and dispatch (a file or folder named like a subcommand wins)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import SUBCOMMAND_NAMES
from checker.commands import SUBCOMMANDS, rules_group
from checker.rules.schema import RulePack

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"

# our own sample plan (not from the seeds)
PLAN = """ỦY BAN NHÂN DÂN
XÃ AN LÃO
KẾ HOẠCH
Chuyển đổi số xã An Lão 6 tháng cuối năm 2025
Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng.
I. MỤC TIÊU
- Tối thiểu 70% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
"""


def copy_rules(tmp_path: Path) -> Path:
    dest = tmp_path / "rules"
    shutil.copytree(RULES, dest)
    return dest


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed entry point, as a user runs it (``check ...``)."""
    return subprocess.run([sys.executable, "-c", "from checker.cli import main; main()", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def test_registered() -> None:
    assert set(SUBCOMMANDS) == {"rules", "diff", "serve"} == set(SUBCOMMAND_NAMES)


def test_validate_good_pack(tmp_path: Path) -> None:
    result = CliRunner().invoke(rules_group, ["validate", str(copy_rules(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "215-KH-UBND" in result.stdout


def test_validate_broken_pack_names_file_line_field(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    pack = rules / "215-KH-UBND.yaml"
    text = pack.read_text(encoding="utf-8")
    lines = text.splitlines()
    n = next(i for i, ln in enumerate(lines) if ln.strip().startswith("value: 80"))
    lines[n] = lines[n].replace("value: 80", "value: tám mươi")
    pack.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(rules_group, ["validate", str(rules)])
    assert result.exit_code == 2
    assert f"{pack}:{n + 1}: rules[4].value (HP215-TGT-HOSO):" in result.stderr


def test_validate_broken_registry(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    registry = next(p for p in rules.rglob("*.yaml") if p.parent.name == "units")
    registry.write_text("units: [\n", encoding="utf-8")
    result = CliRunner().invoke(rules_group, ["validate", str(rules)])
    assert result.exit_code == 2 and str(registry) in result.stderr


def test_validate_empty_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(rules_group, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and str(tmp_path) in result.stderr


def test_schema_is_json_schema() -> None:
    result = CliRunner().invoke(rules_group, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == json.loads(json.dumps(RulePack.model_json_schema()))
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema)
    assert "rules" in schema["properties"]


def test_subcommand_dispatch(tmp_path: Path) -> None:
    done = check("rules", "validate", str(RULES), cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_folder_named_like_a_subcommand_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "diff"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    done = check("diff", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert [p["path"] for p in data["plans"]] == ["diff/plan.txt"]


def test_path_like_rules_folder_is_checked_not_dispatched(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "plan.txt").write_text(PLAN, encoding="utf-8")
    done = check("./rules", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1 and json.loads(done.stdout)["plans"][0]["path"] == "rules/plan.txt"


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_new_formats_on_the_command_line(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    done = check("plan.txt", "--format", fmt, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout.strip()


def test_several_formats_each_to_its_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    done = check("plan.txt", "--format", "sarif", "--format", "junit", "--format", "github", "-o", "out",
                 cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["github-annotations.txt", "junit.xml", "report.sarif"]


def test_rules_subcommand_beside_a_rules_folder(tmp_path: Path) -> None:
    """In the repository root a folder `rules/` exists: `check rules validate` still validates."""
    (tmp_path / "rules").mkdir()
    done = check("rules", "validate", str(RULES), cwd=tmp_path)
    assert done.returncode == 0 and "215-KH-UBND" in done.stdout, done.stdout + done.stderr
    done = check("rules", "--format", "json", cwd=tmp_path)  # the folder, checked as plans (none inside)
    assert done.returncode == 2 and json.loads(done.stdout)["plans"] == []


def test_diff_subcommand_beside_a_diff_folder(tmp_path: Path) -> None:
    (tmp_path / "diff").mkdir()
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PLAN, encoding="utf-8")
    done = check("diff", "a.txt", "b.txt", cwd=tmp_path)
    assert done.returncode == 0 and "a.txt → b.txt" in done.stdout, done.stdout + done.stderr


def test_serve_beside_a_serve_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``check serve --port 8000`` starts the page; a folder named serve is still checked as plans."""
    from checker.cli import wants_subcommand

    monkeypatch.chdir(tmp_path)
    assert wants_subcommand(["serve"])  # no such folder
    (tmp_path / "serve").mkdir()
    assert wants_subcommand(["serve", "--port", "8000", "--host=0.0.0.0"])
    assert not wants_subcommand(["serve"])
    assert not wants_subcommand(["serve", "--format", "json"])
