"""Waivers: a current one suppresses (shown, not counted); an expired one is reported and waives nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import check_command, exit_code
from checker.errors import RulePackError
from checker.models import Finding, PlanResult, Report
from checker.waivers import EXPIRED_ID, Waiver, apply_waivers, load_waivers

TODAY = dt.date(2025, 10, 1)


def report() -> Report:
    findings = [
        Finding(id="HP215-TGT-HOSO", check="target", kind="weaker", severity="error", line=12, message="thấp"),
        Finding(id="HP215-FORM", check="document-form", kind="incomplete", severity="warning", line=3, message="số"),
    ]
    return Report(plans=[PlanResult(path="plans/xa-a.txt", status="checked", unit="Xã A", findings=findings)])


def waiver(until: dt.date, **kw: str) -> Waiver:
    fields = {"rule": "HP215-TGT-HOSO", "plan": "plans/*.txt", "reason": "đã được chấp thuận",
              "accepted_by": "Sở KH&CN"} | kw
    return Waiver(until=until, **fields)  # type: ignore[arg-type]


def test_current_waiver_suppresses_and_is_not_counted() -> None:
    out = apply_waivers(report(), [waiver(TODAY)], today=TODAY)
    f = out.plans[0].findings
    assert [x.suppressed for x in f] == ["waiver", None]
    assert out.summary()["findings"] == {"error": 0, "warning": 1, "info": 0}
    assert exit_code(out, "error") == 0 and exit_code(out, "warning") == 1


def test_expired_waiver_is_reported_and_does_not_waive() -> None:
    out = apply_waivers(report(), [waiver(TODAY - dt.timedelta(days=1))], today=TODAY)
    f = out.plans[0].findings
    assert f[0].suppressed is None
    expired = [x for x in f if x.id == EXPIRED_ID]
    assert len(expired) == 1 and expired[0].severity == "info" and "HP215-TGT-HOSO" in expired[0].message
    assert exit_code(out, "error") == 1


def test_matching_by_unit_name_glob_and_rule_glob() -> None:
    by_unit = Waiver(rule="HP215-*", unit="xã a", reason="r", accepted_by="a", until=TODAY)
    assert all(x.suppressed == "waiver" for x in apply_waivers(report(), [by_unit], today=TODAY).plans[0].findings)
    by_name = waiver(TODAY, plan="xa-*.txt")
    assert apply_waivers(report(), [by_name], today=TODAY).plans[0].findings[0].suppressed == "waiver"
    other = waiver(TODAY, plan="plans/phuong-*.txt")
    assert apply_waivers(report(), [other], today=TODAY).plans[0].findings[0].suppressed is None


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text("waivers:\n  - rule: X\n    plan: a.txt\n    reason: r\n    accepted_by: a\n"
                    "    until: not-a-date\n", encoding="utf-8")
    with pytest.raises(RulePackError) as exc:
        load_waivers(path)
    assert str(exc.value).startswith(f"{path}:6: waivers[1].until")
    path.write_text("waivers:\n  - rule: X\n    reason: r\n    accepted_by: a\n    until: 2030-01-01\n",
                    encoding="utf-8")
    with pytest.raises(RulePackError, match="plan"):
        load_waivers(path)
    path.write_text("waivers: [\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="YAML"):
        load_waivers(path)


def test_cli_waivers_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI AN\nKẾ HOẠCH\nChuyển đổi số phường Hải An 6 tháng cuối năm 2025\n"
        "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng.\n"
        "I. MỤC TIÊU\n- Tối thiểu 70% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.\n", encoding="utf-8")
    (tmp_path / "w.yaml").write_text(
        "waivers:\n  - rule: '*'\n    plan: plan.txt\n    reason: bản nháp\n    accepted_by: tổ thẩm định\n"
        "    until: 2999-12-31\n", encoding="utf-8")
    result = CliRunner().invoke(check_command, ["plan.txt", "--format", "json", "--waivers", "w.yaml"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["findings"] == {"error": 0, "warning": 0, "info": 0}
    (tmp_path / "w.yaml").write_text("waivers:\n  - rule: X\n    nonsense: 1\n", encoding="utf-8")
    result = CliRunner().invoke(check_command, ["plan.txt", "--waivers", "w.yaml"])
    assert result.exit_code == 2 and "w.yaml:" in result.stderr
