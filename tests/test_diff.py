"""``check diff OLD NEW``: content changes by meaning (not by line) and findings fixed / new / remaining."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.commands import diff_command
from checker.diff import diff_paths

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# our own sample plan (not from the seeds)
SMALL = """ỦY BAN NHÂN DÂN
XÃ AN LÃO
Số: 21/KH-UBND          An Lão, ngày 10 tháng 9 năm 2025

KẾ HOẠCH
Chuyển đổi số trong cơ quan nhà nước xã An Lão 6 tháng cuối năm 2025

Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ;
Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng:

I. MỤC TIÊU
- Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 80%.

II. KINH PHÍ
Ngân sách xã.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội: chủ trì, tham mưu, tổng hợp báo cáo.
2. Phòng Kinh tế: bố trí kinh phí.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_small_texts(tmp_path: Path, packs: list) -> None:
    new_text = (SMALL.replace("85% hồ sơ", "75% hồ sơ").replace("01/7/2016", "01/7/2015")
                .replace("II. KINH PHÍ", "II. GIẢI PHÁP\nTăng cường kiểm tra.\n\nIII. KINH PHÍ")
                .replace("III. TỔ CHỨC", "IV. TỔ CHỨC")
                .replace("2. Phòng Kinh tế: bố trí kinh phí.\n", ""))
    d = diff_paths(write(tmp_path, "v1.txt", SMALL), write(tmp_path, "v2.txt", new_text), packs)
    got = {(c.area, c.change, c.what) for c in d.changes}
    target = next(c for c in d.changes if c.area == "target")
    assert (target.what, target.old, target.new) == ("HP215-TGT-HOSO", "tối thiểu 85%", "tối thiểu 75%")
    assert ("section", "added", "GIẢI PHÁP") in got
    assert any(a == "unit" and c == "removed" and "Kinh tế" in w for a, c, w in got)
    ref = next(c for c in d.changes if c.area == "reference")
    assert ref.change == "changed" and (ref.old, ref.new) == ("2016-07-01", "2015-07-01")
    assert any(f.id == "HP215-TGT-HOSO" for f in d.new_findings)
    assert not any(f.id == "HP215-TGT-HOSO" for f in d.fixed)


def test_moves_are_not_changes(tmp_path: Path, packs: list) -> None:
    moved = SMALL.replace("I. MỤC TIÊU", "\n\n\nI. MỤC TIÊU")
    d = diff_paths(write(tmp_path, "a.txt", SMALL), write(tmp_path, "b.txt", moved), packs)
    assert d.changes == [] and d.fixed == [] and d.new_findings == []
    assert d.remaining  # the plan has findings, all of them remaining


def test_cli_formats_and_exit_codes(tmp_path: Path) -> None:
    old = write(tmp_path, "old.txt", SMALL)
    worse = write(tmp_path, "new.txt", SMALL.replace("85% hồ sơ", "60% hồ sơ"))
    runner = CliRunner()
    text = runner.invoke(diff_command, [str(old), str(worse)])
    assert text.exit_code == 1 and "HP215-TGT-HOSO" in text.stdout
    data = json.loads(runner.invoke(diff_command, [str(old), str(worse), "--format", "json"]).stdout)
    assert data["summary"]["new"] >= 1 and data["changes"][0]["area"] == "target"
    html = runner.invoke(diff_command, [str(old), str(worse), "--format", "html"]).stdout
    assert html.lstrip().startswith("<!doctype html>") and "HP215-TGT-HOSO" in html
    assert runner.invoke(diff_command, [str(worse), str(old), "--lang", "en"]).exit_code == 0
    missing = runner.invoke(diff_command, [str(old), str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt" in missing.stderr


def test_html_is_escaped(tmp_path: Path) -> None:
    evil = SMALL + "3. Trung tâm <script>alert(1)</script>: hỗ trợ vận hành.\n"
    out = CliRunner().invoke(diff_command, [str(write(tmp_path, "a.txt", SMALL)),
                                            str(write(tmp_path, "b.txt", evil)), "--format", "html"]).stdout
    assert "<script>alert" not in out and "&lt;script&gt;" in out


def test_seed_revisions(tmp_path: Path, packs: list) -> None:
    """Two revisions made at test time from seed 003: a lower figure, a section removed, a unit added."""
    found = sorted(SEEDS.glob("003_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"{SEEDS} is not present")
    text = found[0].read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # the last numbered sub-heading before the roman heading "IV.": removed with its body
    iv = next(i for i, ln in enumerate(lines) if re.match(r"\s*IV\.", ln))
    start = max(i for i in range(iv) if re.match(r"\s*\d+\.\s+\S", lines[i]))
    removed_title = re.sub(r"^\s*\d+\.\s*", "", lines[start]).strip()
    nhan = next(i for i, ln in enumerate(lines) if ln.strip().startswith("Nơi nhận"))
    unit = "9. Trung tâm Dữ liệu và Chuyển đổi số đặc khu\n\n- Hướng dẫn, hỗ trợ vận hành các nền tảng số.\n\n"
    new_lines = lines[:start] + lines[iv:nhan] + [unit] + lines[nhan:]
    new_text = re.sub(r"\b80%(\s+hồ sơ)", r"70%\1", "".join(new_lines), count=1)
    assert new_text != text
    d = diff_paths(write(tmp_path, "old.txt", text), write(tmp_path, "new.txt", new_text), packs)
    changes = {(c.area, c.change): c for c in d.changes}
    hoso = [c for c in d.changes if c.area == "target" and c.what == "HP215-TGT-HOSO"]
    assert hoso and "80" in (hoso[0].old or "") and "70" in (hoso[0].new or "")
    assert any(c.area == "section" and c.change == "removed" and c.what == removed_title for c in d.changes)
    assert any(c.area == "unit" and c.change == "added" and "Trung tâm Dữ liệu" in c.what for c in d.changes)
    assert ("target", "changed") in changes
    assert any(f.id == "HP215-TGT-HOSO" for f in d.new_findings)
    assert d.remaining or d.fixed
