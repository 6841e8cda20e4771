"""Installed like a tool: a wheel built from the checkout, in a fresh virtual environment, run from another
folder, finds its built-in rule pack; ``--rules`` still overrides it. Skips (saying why) where no wheel can be
built or its dependencies cannot be installed (no package index)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SKIP_NAMES = {".git", ".venv", "build", "dist", "reports", "__pycache__", ".pytest_cache", ".ruff_cache",
              ".mypy_cache"}


def _copy_source(dest: Path) -> Path:
    """The checkout without its venv and caches: building in place would write build/ into the working tree."""
    shutil.copytree(ROOT, dest, ignore=lambda _d, names: [n for n in names
                                                          if n in SKIP_NAMES or n.endswith(".egg-info")])
    return dest


def _run(args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``check`` script of a fresh venv holding only the wheel and its dependencies."""
    tmp = tmp_path_factory.mktemp("install")
    src = _copy_source(tmp / "src")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(src)], tmp)
    wheels = list((tmp / "dist").glob("*.whl"))
    if built.returncode != 0 or not wheels:
        pytest.skip(f"cannot build the wheel here: {(built.stderr or built.stdout).strip()[-300:]}")
    venv = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp)
    if made.returncode != 0:
        pytest.skip(f"cannot make a virtual environment: {made.stderr.strip()[-300:]}")
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    done = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheels[0])], tmp)
    if done.returncode != 0:
        pytest.skip(f"cannot install the wheel's dependencies here: {done.stderr.strip()[-300:]}")
    return python.parent / "check"


def test_wheel_carries_the_rule_pack(installed: Path) -> None:
    site = next(installed.parent.parent.glob("lib/python3*/site-packages"))
    assert (site / "checker" / "builtin_rules" / "215-KH-UBND.yaml").is_file()
    assert (site / "checker" / "builtin_rules" / "units" / "haiphong.yaml").is_file()
    assert not (site / "rules").exists()


def test_installed_check_runs_from_any_folder(installed: Path, tmp_path: Path) -> None:
    plan = tmp_path / "phuong-hai-an.txt"
    shutil.copy(ROOT / "plans" / "phuong-hai-an-dat.txt", plan)
    bad = tmp_path / "xa-tien-lang.txt"
    shutil.copy(ROOT / "plans" / "xa-tien-lang-du-thao-loi.txt", bad)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = _run([str(installed), str(plan), str(bad), "--format", "json"], elsewhere)
    assert r.returncode == 1, r.stderr
    by = {Path(p["path"]).name: p for p in json.loads(r.stdout)["plans"]}
    assert by["phuong-hai-an.txt"]["status"] == "checked" and by["phuong-hai-an.txt"]["findings"] == []
    assert by["xa-tien-lang.txt"]["findings"]
    assert "215/KH-UBND" in (by["phuong-hai-an.txt"]["directive"] or "")
    v = _run([str(installed), "rules", "validate"], elsewhere)
    assert v.returncode == 0 and "builtin_rules" in v.stdout, v.stdout + v.stderr
    r = _run([str(installed), str(plan), "-o", str(tmp_path / "out")], elsewhere)  # the default HTML report
    assert r.returncode == 0 and (tmp_path / "out" / "index.html").is_file(), r.stderr
    assert not (elsewhere / "reports").exists()


def test_installed_check_rules_option_overrides(installed: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    pack = rules / "215-KH-UBND.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("\nrules:", "\nrules: 3\nx:", 1), encoding="utf-8")
    r = _run([str(installed), str(ROOT / "plans"), "--rules", str(rules), "--format", "json"], tmp_path)
    assert r.returncode == 2 and "215-KH-UBND.yaml" in r.stderr, r.stderr


def test_installed_check_reads_its_rule_files_prepared(installed: Path, tmp_path: Path) -> None:
    """The wheel holds its YAML files prepared as JSON (setup.py, checker.rules.prepared): the packs, the general
    checks and the conventions load without PyYAML."""
    site = next(installed.parent.parent.glob("lib/python3*/site-packages"))
    assert (site / "checker" / "builtin_rules" / "prepared" / "215-KH-UBND.yaml.json").is_file()
    assert (site / "checker" / "builtin_rules" / "prepared" / "units" / "haiphong.yaml.json").is_file()
    code = ("import sys; from checker.rules.loader import load_all, load_general; from checker.conventions import "
            "conventions; load_all([]); load_general([]); conventions(); print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('yaml', 'ruamel')))")
    r = _run([str(installed.parent / "python"), "-c", code], tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stdout + r.stderr
