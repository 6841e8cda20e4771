"""End-to-end goldens (pylint style): every example plan and fixture plan gives exactly its recorded findings.

Rewrite the goldens after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from deepdiff import DeepDiff

from checker.pipeline import check_file
from checker.rules.loader import load_packs

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
PLANS = sorted([*ROOT.glob("plans/*.*"), *ROOT.glob("tests/fixtures/plans/*.txt")])


def result_of(path: Path) -> dict[str, object]:
    r = check_file(path, load_packs())
    return {"status": r.status, "unit": r.unit, "directive": r.directive,
            "findings": [{"id": f.id, "kind": f.kind, "severity": f.severity, "line": f.line, "actual": f.actual}
                         for f in r.findings]}


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_golden(path: Path) -> None:
    golden = GOLDEN / f"{path.name}.json"
    got = result_of(path)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert not DeepDiff(want, got), DeepDiff(want, got).pretty()
