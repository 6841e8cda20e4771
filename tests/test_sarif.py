"""SARIF output: valid against the vendored 2.1.0 schema, relative URIs, levels, rules, notifications."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.models import Finding, PlanResult, Report
from checker.report import FORMATS, sarif_report

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"
RULES: list[dict[str, object]] = [
    {"id": "R-ERR", "type": "target", "severity": "error", "message": "tối thiểu 80%", "message_en": "at least 80%",
     "source": "KH 215, mục II", "pack": "p"},
    {"id": "R-WARN", "type": "required-section", "severity": "warning", "message": "Phần Kinh phí", "pack": "p"},
    {"id": "R-INFO", "type": "required-unit", "severity": "info", "message": "Văn phòng", "pack": "p"},
]


def sample(tmp_path: Path) -> Report:
    inside = tmp_path / "plans" / "xã a.txt"
    findings = [
        Finding(id="R-ERR", check="target", kind="weaker", severity="error", line=12, message="70% < 80%",
                evidence="Tối thiểu 70% hồ sơ", expected="tối thiểu 80%"),
        Finding(id="R-WARN", check="required-section", kind="missing", severity="warning", line=None,
                message="thiếu phần Kinh phí"),
        Finding(id="R-INFO", check="required-unit", kind="missing", severity="info", line=20, message="<b>&",
                suppressed="waiver"),
    ]
    return Report(rules=RULES, plans=[
        PlanResult(path=str(inside), status="checked", findings=findings),
        PlanResult(path="/elsewhere/b.docx", status="unreadable", reason="tệp hỏng"),
        PlanResult(path=str(tmp_path / "c.txt"), status="not-applicable", reason="kế hoạch khác"),
    ])


@pytest.fixture
def sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.chdir(tmp_path)
    data = json.loads(sarif_report.render(sample(tmp_path)))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    return data


def test_registered() -> None:
    assert FORMATS["sarif"] is sarif_report.render


def test_results_levels_and_relative_uris(sarif: dict) -> None:
    run = sarif["runs"][0]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"plans/x%C3%A3%20a.txt"}
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 12
    assert "region" not in results[1]["locations"][0]["physicalLocation"]
    assert all(r["partialFingerprints"]["checkFingerprint/v1"] for r in results)
    assert results[2]["suppressions"][0]["justification"] == "waiver"
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "check"
    assert [r["defaultConfiguration"]["level"] for r in rules] == ["error", "warning", "note"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert rules[0]["properties"]["source"] == "KH 215, mục II"


def test_unreadable_plans_are_notifications_not_results(sarif: dict) -> None:
    run = sarif["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 2 and len(run["results"]) == 3
    outside = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert outside == "file:///elsewhere/b.docx"
    assert notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c.txt"


def test_empty_report_is_valid() -> None:
    data = json.loads(sarif_report.render(Report()))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["runs"][0]["results"] == []


def test_real_run_on_example_plans_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.pipeline import check_paths
    from checker.rules.loader import load_packs

    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    report = check_paths([Path("plans")], load_packs())
    data = json.loads(sarif_report.render(report))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert all(not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
               for r in data["runs"][0]["results"])
