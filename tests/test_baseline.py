"""Baselines: write → rerun is clean; a new finding fails; findings whose lines moved are still matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.baseline import apply_baseline, fingerprint, load_baseline, write_baseline
from checker.cli import check_command, exit_code
from checker.models import Finding, PlanResult, Report

# our own sample plan (not from the seeds): a ward plan with targets below the directive's
PLAN = """ỦY BAN NHÂN DÂN
PHƯỜNG HẢI AN
Số: 15/KH-UBND          Hải An, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số phường Hải An 6 tháng cuối năm 2025

Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, UBND phường ban hành Kế hoạch:

I. MỤC TIÊU
1. Mục tiêu cụ thể
- Tối thiểu 70% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 60%.

II. NHIỆM VỤ, GIẢI PHÁP
1. Hạ tầng số: duy trì phòng họp trực tuyến.

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND phường: chủ trì, theo dõi, tổng hợp báo cáo.
2. Công an phường: bảo đảm an ninh mạng.

Nơi nhận:
- UBND thành phố;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(check_command, args)
    return result.exit_code, result.stdout


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "plans" / "hai-an.txt"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_write_then_rerun_is_clean(plan: Path, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    code, _ = run(["plans", "--format", "json", "--write-baseline", str(base)])
    assert code == 1 and base.is_file()
    data = json.loads(base.read_text(encoding="utf-8"))
    findings = data["plans"][0]["findings"]
    assert findings and all(f["fingerprint"] for f in findings)
    code, out = run(["plans", "--format", "json", "--baseline", str(base)])
    assert code == 0
    again = json.loads(out)
    assert again["summary"]["findings"] == {"error": 0, "warning": 0, "info": 0}


def test_new_finding_fails(plan: Path, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    run(["plans", "--format", "json", "--write-baseline", str(base)])
    plan.write_text(PLAN.replace("2. Công an phường: bảo đảm an ninh mạng.",
                                 "2. Sở Thông tin và Truyền thông: hướng dẫn an toàn thông tin."), encoding="utf-8")
    code, out = run(["plans", "--format", "json", "--baseline", str(base)])
    assert code == 1
    fresh = [f for f in json.loads(out)["plans"][0]["findings"]]
    assert any(f["id"] == "HP215-BODIES" for f in fresh)


def test_moved_lines_still_matched(plan: Path, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    run(["plans", "--format", "json", "--write-baseline", str(base)])
    before = json.loads(base.read_text(encoding="utf-8"))["plans"][0]["findings"]
    moved = PLAN.replace("I. MỤC TIÊU", "\n\n\nI. MỤC TIÊU")
    plan.write_text(moved, encoding="utf-8")
    code, out = run(["plans", "--format", "json", "--baseline", str(base)])
    assert code == 0
    after = json.loads(out)["plans"][0]["findings"]
    lines_before = {f["id"]: f["line"] for f in before if f["evidence"]}
    lines_after = {f["id"]: f["line"] for f in after if f["evidence"]}
    assert any(lines_after[k] == v + 3 for k, v in lines_before.items() if k in lines_after and v)


def _finding(evidence: str = "70% hồ sơ", line: int | None = 3, fid: str = "R1") -> Finding:
    return Finding(id=fid, check="target", kind="weaker", severity="error", line=line, message="m",
                   evidence=evidence)


def test_fingerprint_ignores_line_case_and_spacing() -> None:
    a = fingerprint(_finding("Tối thiểu  70% hồ sơ", 3), "p.txt")
    assert a == fingerprint(_finding("toi thieu 70% HO SO", 40), "p.txt")
    assert a != fingerprint(_finding("Tối thiểu 70% hồ sơ", 3), "other.txt")
    assert a != fingerprint(_finding("Tối thiểu 70% hồ sơ", 3, fid="R2"), "p.txt")


def test_multiset_and_old_results_without_fingerprints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    one = Report(plans=[PlanResult(path="p.txt", status="checked", findings=[_finding()])])
    path = tmp_path / "old.json"
    write_baseline(one, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    for f in data["plans"][0]["findings"]:
        del f["fingerprint"]  # an earlier JSON result: fingerprints are recomputed
    path.write_text(json.dumps(data), encoding="utf-8")
    two = Report(plans=[PlanResult(path="p.txt", status="checked", findings=[_finding(), _finding(line=9)])])
    marked = apply_baseline(two, load_baseline(path))
    assert [f.suppressed for f in marked.plans[0].findings] == ["baseline", None]
    assert marked.summary()["findings"] == {"error": 1, "warning": 0, "info": 0}
    assert exit_code(marked, "error") == 1


def test_bad_baseline_is_one_clear_error(plan: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(check_command, ["plans", "--baseline", str(bad)])
    assert result.exit_code == 2
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr
