"""Plans written by another office (../shared/plans-reviewed), scored as the reviewer reads a report: every known
defect found (a finding of one of its kinds at its line, or naming one of its words), and no other finding at
error or warning level. A false alarm on a compliant plan fails here. Skipped where ../shared is absent."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from checker.models import Finding, PlanResult
from checker.pipeline import check_file
from checker.rules.loader import load_packs

REVIEWED = Path(__file__).resolve().parents[2] / "shared" / "plans-reviewed"
EXPECTED = json.loads((REVIEWED / "expected.json").read_text(encoding="utf-8")) if REVIEWED.is_dir() else {}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _matches(f: Finding, d: dict[str, object]) -> bool:
    if f.kind not in d["kinds"]:  # type: ignore[operator]
        return False
    line = d["line"]
    if isinstance(line, int) and f.line is not None and abs(f.line - line) <= 2:
        return True
    words = _fold(" ".join([f.id, f.message, f.evidence, f.expected, f.actual]))
    return any(t in words for t in d["tokens"])  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def results() -> dict[str, PlanResult]:
    if not REVIEWED.is_dir():
        pytest.skip("../shared/plans-reviewed is not present")
    packs = load_packs()
    return {name: check_file(REVIEWED / name, packs) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED) or ["(absent)"])
def test_reviewed_plan(name: str, results: dict[str, PlanResult]) -> None:
    want = EXPECTED[name]
    r = results[name]
    assert r.status == want["status"], r.reason
    missed = [d["what"] for d in want["defects"] if not any(_matches(f, d) for f in r.findings)]
    assert not missed, f"defects not found: {missed}"
    noise = [f"{f.severity} {f.id} line {f.line}: {f.message}" for f in r.findings
             if f.severity in ("error", "warning") and f.line not in want["allowed_lines"]
             and not any(_matches(f, d) for d in want["defects"])]
    assert not noise, "false alarms:\n" + "\n".join(noise)
