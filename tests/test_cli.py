"""The command as users run it: exit codes, the JSON contract, bad input, untouched input, escaped HTML."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

CONTRACT = {
    "type": "object",
    "required": ["version", "plans", "summary"],
    "properties": {
        "version": {"const": 1},
        "plans": {"type": "array", "items": {
            "type": "object",
            "required": ["path", "status", "reason", "directive", "unit", "findings"],
            "properties": {
                "path": {"type": "string"},
                "status": {"enum": ["checked", "not-applicable", "unreadable"]},
                "reason": {"type": ["string", "null"]},
                "directive": {"type": ["string", "null"]},
                "unit": {"type": ["string", "null"]},
                "findings": {"type": "array", "items": {
                    "type": "object",
                    "required": ["id", "kind", "severity", "line", "message", "evidence", "expected", "actual"],
                    "properties": {
                        "id": {"type": "string"},
                        "kind": {"enum": ["missing", "weaker", "inconsistent", "outdated", "incomplete"]},
                        "severity": {"enum": ["error", "warning", "info"]},
                        "line": {"type": ["integer", "null"]},
                        "message": {"type": "string"}, "evidence": {"type": "string"},
                        "expected": {"type": "string"}, "actual": {"type": "string"},
                    }}},
            }}},
        "summary": {"type": "object", "required": ["plans", "checked", "findings"], "properties": {
            "plans": {"type": "integer"}, "checked": {"type": "integer"},
            "findings": {"type": "object", "required": ["error", "warning", "info"]}}},
    },
}

GOOD = (ROOT / "plans" / "phuong-hai-an-dat.txt").read_text(encoding="utf-8")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``check ARGS`` in ``cwd``, by default a fresh temporary folder (its default ``reports/`` lands there)."""
    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
                              cwd=cwd or tmp, stdin=subprocess.DEVNULL, timeout=120)


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_example_plans_json_contract_and_exit_code(tmp_path: Path) -> None:
    before = digest(ROOT / "plans")
    r = run(ROOT / "plans", "--format", "json")
    assert r.returncode == 1, r.stderr  # the defective examples have errors
    data = json.loads(r.stdout)
    jsonschema.validate(data, CONTRACT)
    statuses = {Path(p["path"]).name: p for p in data["plans"]}
    assert statuses["phuong-hai-an-dat.txt"]["findings"] == []
    assert data["summary"]["findings"]["error"] > 0
    assert digest(ROOT / "plans") == before  # input files are never modified
    assert r.stderr == ""  # CI: no noise


def test_compliant_plan_exits_0_and_writes_html(tmp_path: Path) -> None:
    plan = tmp_path / "ke hoạch phường Hải An.txt"  # Vietnamese name with spaces
    plan.write_text(GOOD, encoding="utf-8")
    r = run(plan, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "không có phát hiện nào" in r.stdout
    pages = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert pages[-1] == "index.html" and len(pages) == 2


def test_fail_on_levels(tmp_path: Path) -> None:
    plan = tmp_path / "p.txt"
    plan.write_text(GOOD.replace("đạt trên 92%", "đạt 90%"), encoding="utf-8")  # a warning only
    assert run(plan, "--format", "json").returncode == 0
    assert run(plan, "--format", "json", "--fail-on", "warning").returncode == 1
    assert run(plan, "--format", "json", "--fail-on", "never").returncode == 0


def test_bad_inputs_one_line_each_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "figures.txt").write_text("1\n\f2\n3 - 4\n", encoding="utf-8")  # no word: not a legacy font
    r = run(tmp_path, tmp_path / "missing.txt", "--format", "json")
    data = json.loads(r.stdout)
    by = {Path(p["path"]).name: p for p in data["plans"]}
    assert by["figures.txt"]["status"] == "unreadable" and "không có chữ" in by["figures.txt"]["reason"]
    assert by["empty.txt"]["status"] == "unreadable" and "rỗng" in by["empty.txt"]["reason"]
    assert by["binary.txt"]["status"] == "unreadable" and "nhị phân" in by["binary.txt"]["reason"]
    assert by["missing.txt"]["status"] == "unreadable" and "không tìm thấy" in by["missing.txt"]["reason"]
    assert by["good.txt"]["status"] == "checked"
    assert all("\n" not in p["reason"] for p in data["plans"] if p["reason"])
    assert r.returncode == 0


def test_folder_lists_documents_no_reader_reads_and_skips_lock_files(tmp_path: Path) -> None:
    """A ward that sent its plan as .doc (or .odt, .rtf) sent something: the reviewer sees the file and what to ask
    for, instead of the unit silently counted as not having sent a plan. Word's lock file beside an open plan
    (``~$…``) and files that are not documents (an image) are not listed."""
    sent = tmp_path / "nop"
    sent.mkdir()
    (sent / "good.txt").write_text(GOOD, encoding="utf-8")
    (sent / "KH CĐS phường X.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (sent / "ke-hoach.odt").write_bytes(b"PK\x03\x04")
    (sent / "~$good.docx").write_bytes(b"\x0bcheck    ")
    (sent / "con-dau.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    r = run(sent, "--format", "json", "-o", tmp_path / "out")
    by = {Path(p["path"]).name: p for p in json.loads(r.stdout)["plans"]}
    assert set(by) == {"good.txt", "KH CĐS phường X.doc", "ke-hoach.odt"}
    doc, odt = by["KH CĐS phường X.doc"], by["ke-hoach.odt"]
    assert doc["status"] == "unreadable" and "Word 97-2003 (.doc)" in doc["reason"] and "(.docx)" in doc["reason"]
    # .odt is read now (checker.ingest.odt): this four-byte one is listed as a broken OpenDocument file
    assert odt["status"] == "unreadable" and "tệp .odt hỏng hoặc không phải OpenDocument" in odt["reason"]
    assert by["good.txt"]["status"] == "checked" and r.returncode == 0


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run(tmp_path / "empty.txt").returncode == 2
    assert run(tmp_path / "nope").returncode == 2
    assert run().returncode == 2  # usage error: no path


def test_broken_rule_pack_names_file_line_and_field(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (ROOT / "rules" / "215-KH-UBND.yaml").read_text(encoding="utf-8")
    text = text.replace("    value: 80\n", "    value: tám mươi\n", 1)
    (rules / "pack.yaml").write_text(text, encoding="utf-8")
    (rules / "units").mkdir()
    (rules / "units" / "haiphong.yaml").write_text(
        (ROOT / "rules" / "units" / "haiphong.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "tám mươi" in ln)
    r = run(ROOT / "plans", "--rules", rules)
    assert r.returncode == 2
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1
    assert f"pack.yaml:{line}:" in err and "value" in err


def test_html_is_escaped(tmp_path: Path) -> None:
    hostile = GOOD.replace("- Tham mưu bố trí kinh phí thực hiện Kế hoạch.",
                           "- <script>alert('x')</script> bố trí kinh phí.")
    hostile = hostile.replace("Tỷ lệ hồ sơ công việc của phường", "<img src=x onerror=alert(1)> Hồ sơ công việc")
    hostile = hostile.replace("tối thiểu 80% (trừ", "tối thiểu 60% (trừ")
    plan = tmp_path / "p.txt"
    plan.write_text(hostile, encoding="utf-8")
    run(plan, "--format", "html", "-o", tmp_path / "out")
    page = next(p for p in (tmp_path / "out").iterdir() if p.name != "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x" in page


def test_english_messages(tmp_path: Path) -> None:
    r = run(ROOT / "plans" / "xa-tien-lang-du-thao-loi.txt", "--format", "json", "--lang", "en")
    messages = [f["message"] for p in json.loads(r.stdout)["plans"] for f in p["findings"]]
    assert any(m.startswith("target lower than the directive's") for m in messages)


def test_several_formats_each_to_its_file(tmp_path: Path) -> None:
    r = run(ROOT / "plans", "--format", "json", "--format", "html", "--format", "text", "-o", tmp_path)
    assert r.returncode == 1
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["version"] == 1
    assert (tmp_path / "index.html").exists() and (tmp_path / "report.txt").exists()


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_in_vietnamese(flag: str) -> None:
    r = run(flag)
    assert r.returncode == 0 and "Kiểm tra kế hoạch" in r.stdout


def test_report_folder_holds_only_this_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    assert run(tmp_path / "a.txt", tmp_path / "b.txt", "-o", out).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["001-a.html", "002-b.html", "index.html"]
    foreign = {"002-notes.html": "<html><body>ghi chú của chuyên viên</body></html>", "notes.txt": "giữ lại",
               "index.htm": "<meta name=\"generator\" content=\"check-plans\">"}  # not one of the tool's names
    for name, text in foreign.items():
        (out / name).write_text(text, encoding="utf-8")
    assert run(tmp_path / "b.txt", "-o", out).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["001-b.html", "index.html", *foreign])
    assert all((out / name).read_text(encoding="utf-8") == text for name, text in foreign.items())


def test_a_word_plan_is_located_as_word_shows_it(tmp_path: Path) -> None:
    """A drafter reads the terminal summary beside Word: a finding says which paragraph, or which table, row and
    cell, never a "line" Word does not show; the same words in English with --lang en; a text file keeps lines."""
    plan = ROOT / "tests" / "fixtures" / "plans" / "phuong-kinh-mon-danh-so-phap-ly.docx"
    vi = run(plan, "-o", tmp_path / "vi", "-q").stdout
    assert "  bảng 2, hàng 7, ô 2: lỗi [yếu hơn] HP215-TGT-HAILONG" in vi
    assert "  bảng 3, hàng 1, ô 1: lỗi [lỗi thời] HP215-BODIES" in vi and "trích: “- UBND thị xã Kinh Môn;”" in vi
    assert "dòng " not in vi.split("\n", 1)[1].split("Tổng cộng")[0]
    en = run(plan, "-o", tmp_path / "en", "-q", "--lang", "en").stdout
    assert "  table 2, row 7, cell 2: error [weaker]" in en
    text = run(ROOT / "tests" / "fixtures" / "plans" / "xa-vinh-am-nhan-dam-loi.docx", "-o", tmp_path / "p", "-q")
    assert "  đoạn 31: lỗi [yếu hơn] HP215-TGT-KYNANGSO" in text.stdout
