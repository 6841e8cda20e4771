"""GitHub workflow commands: one per finding, severities mapped, data and properties escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.models import Finding, PlanResult, Report
from checker.report import FORMATS, github_report
from checker.report.github_report import escape_data, escape_property


def test_escaping() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_one_command_per_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    findings = [
        Finding(id="R1", check="t", kind="weaker", severity="error", line=4, message="70%\n::error::giả mạo"),
        Finding(id="R2", check="t", kind="missing", severity="warning", line=None, message="thiếu",
                expected="Phần Kinh phí"),
        Finding(id="R3", check="t", kind="missing", severity="info", line=8, message="i"),
        Finding(id="R4", check="t", kind="missing", severity="error", line=9, message="ok", suppressed="waiver"),
    ]
    report = Report(plans=[PlanResult(path=str(tmp_path / "plans" / "a,b:c.txt"), status="checked",
                                      findings=findings)])
    assert FORMATS["github"] is github_report.render
    lines = github_report.render(report).splitlines()
    assert len(lines) == 4
    assert lines[0] == "::error file=plans/a%2Cb%3Ac.txt,line=4,title=R1::70%25%0A::error::giả mạo"
    assert lines[1] == "::warning file=plans/a%2Cb%3Ac.txt,title=R2::thiếu%0AYêu cầu: Phần Kinh phí"
    assert lines[2].startswith("::notice file=plans/a%2Cb%3Ac.txt,line=8,title=R3::")
    assert lines[3].startswith("::notice ") and "title=R4 (waiver)" in lines[3]


def test_unreadable_plan_is_an_error_on_the_file() -> None:
    report = Report(plans=[PlanResult(path="/x/b.docx", status="unreadable", reason="hỏng")])
    assert github_report.render(report) == "::error file=/x/b.docx,title=unreadable::hỏng\n"
