"""JUnit XML: a suite per plan, a case per rule, failures for error/warning findings, escaping safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.models import Finding, PlanResult, Report
from checker.report import FORMATS, junit_report

RULES: list[dict[str, object]] = [{"id": i, "type": "target", "severity": "error", "message": i, "pack": "p"}
                                  for i in ("R1", "R2", "R3", "R4")]


def finding(rid: str, severity: str, line: int | None, message: str, **kw: object) -> Finding:
    return Finding(id=rid, check="target", kind="weaker", severity=severity, line=line,  # type: ignore[arg-type]
                   message=message, **kw)  # type: ignore[arg-type]


def sample() -> Report:
    findings = [
        finding("R1", "error", 4, "thấp hơn <80%> & \"x\""),
        finding("R1", "warning", 9, "lần hai"),
        finding("R2", "info", 7, "chỉ thông tin"),
        finding("R3", "error", 5, "đã chấp nhận", suppressed="baseline"),
    ]
    return Report(rules=RULES, plans=[
        PlanResult(path="plans/a.txt", status="checked", unit="Xã A", findings=findings),
        PlanResult(path="plans/b.docx", status="unreadable", reason="tệp hỏng <zip>"),
        PlanResult(path="plans/c.txt", status="not-applicable", reason="khác"),
    ])


def test_counts_suites_cases_failures() -> None:
    assert FORMATS["junit"] is junit_report.render
    root = ET.fromstring(junit_report.render(sample()))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["plans/a.txt", "plans/b.docx", "plans/c.txt"]
    a = suites[0]
    cases = a.findall("testcase")
    assert [c.get("name") for c in cases] == ["R1", "R2", "R3", "R4"]
    assert all(c.get("classname") == "plans/a.txt" for c in cases)
    assert (a.get("tests"), a.get("failures"), a.get("errors")) == ("4", "1", "0")
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.get("message") == "thấp hơn <80%> & \"x\""
    assert "line 4" in (failure.text or "") and "line 9" in (failure.text or "")
    assert cases[1].find("failure") is None and "chỉ thông tin" in (cases[1].findtext("system-out") or "")
    assert cases[2].find("failure") is None and "baseline" in (cases[2].findtext("system-out") or "")
    assert cases[3].find("failure") is None and cases[3].find("system-out") is None
    b = suites[1]
    assert b.get("errors") == "1" and b.find("testcase/error").get("message") == "tệp hỏng <zip>"
    assert suites[2].find("testcase/skipped") is not None
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("6", "1", "1", "1")


def test_warning_only_rule_fails_with_type_warning() -> None:
    report = Report(rules=RULES, plans=[PlanResult(path="p.txt", status="checked",
                                                   findings=[finding("R4", "warning", None, "w")])])
    case = ET.fromstring(junit_report.render(report)).find("testsuite/testcase[@name='R4']")
    assert case is not None and case.find("failure").get("type") == "warning"
    assert "plan:" in case.find("failure").text


def test_empty_report() -> None:
    root = ET.fromstring(junit_report.render(Report()))
    assert root.tag == "testsuites" and root.get("tests") == "0"
