"""``--fix``: one right answer per finding written into a copy (Word: tracked changes); re-checked, it is gone."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SHARED
from helpers_docs import make_docx

from checker.checks.base import redate
from checker.cli import check_command
from checker.fix import fix_text, fixed_path, fixes_of, locate
from checker.models import Finding, Fix, PlanResult
from checker.pipeline import check_file
from checker.rules.loader import load_all, load_general
from checker.tracked import DEL, INS, accept_all, fix_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# our own draft: the directive's date miswritten, a decree's date wrong, a merged department, a district body
PLAN = [
    "ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 15/KH-UBND", "Hải An, ngày 05 tháng 9 năm 2025", "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin và chuyển đổi số phường Hải An 6 tháng cuối năm 2025",
    "Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/7/2025 của Chính phủ về bảo đảm an toàn hệ thống thông tin;",
    "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/9/2025 của Ủy ban nhân dân thành phố Hải Phòng:",
    "I. MỤC TIÊU",
    "- Tối thiểu 60% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Phối hợp SỞ THÔNG TIN VÀ TRUYỀN THÔNG hướng dẫn chữ ký số.",
    "2. Báo cáo UBND huyện kết quả thực hiện.",
    "Nơi nhận:", "- Lưu: VT.",
]


def _check(path: Path) -> PlanResult:
    return check_file(path, load_all([]), general=load_general([]))


def _keys(result: PlanResult) -> set[tuple[str, str, int | None, str]]:
    """The directive's findings and the general checks' (a fix must add none of either)."""
    return {(f.id, f.kind, f.line, f.actual) for f in [*result.findings, *result.general]}


def test_redate_keeps_the_written_form() -> None:
    assert redate("01/7/2025", dt.date(2016, 7, 1)) == "01/7/2016"
    assert redate("5 tháng 9 năm 2025", dt.date(2025, 8, 25)) == "25 tháng 8 năm 2025"
    assert redate("25.9.2025", dt.date(2025, 8, 25)) == "25.8.2025"


def test_locate_matches_folded_words_only() -> None:
    fx = Fix(line=1, old="Sở Thông tin và Truyền thông", new="Sở Khoa học và Công nghệ")
    assert locate("phối hợp SỞ THÔNG TIN VÀ\nTRUYỀN THÔNG.", fx) == (9, 37)
    assert locate("Sở Thông tin và Truyền thông của tỉnh", fx) == (0, 28)
    assert locate("Sở Thông tin và Truyền thôngxy", fx) is None  # whole words, one OCR slip at most
    assert locate("So Th6ng tin va Truyen th6ng", fx) == (0, 28)  # OCR-damaged, as the check found it
    dated = Fix(line=1, old="01/7/2025", new="01/7/2016", after="85/2016/NĐ-CP")
    text = "QĐ 12/QĐ-UBND ngày 01/7/2025; Nghị định 85/2016/NĐ-CP ngày 01/7/2025"
    assert locate(text, dated) == (len(text) - 9, len(text))  # the date of the cited number, not the first one


def test_fix_text_corrects_only_what_has_one_answer(tmp_path: Path) -> None:
    src = tmp_path / "du-thao.txt"
    src.write_text("\n".join(PLAN) + "\n", encoding="utf-8")
    before = _check(src)
    new, applied, skipped = fix_text(src.read_text(encoding="utf-8"), fixes_of(before.findings))
    assert skipped == []
    lines = new.split("\n")
    assert lines[8].startswith("Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ")
    assert "215/KH-UBND ngày 25/8/2025 của" in lines[9]
    assert lines[13] == "1. Phối hợp SỞ KHOA HỌC VÀ CÔNG NGHỆ hướng dẫn chữ ký số."  # capitals kept
    assert lines[14] == PLAN[14]  # UBND huyện: city or commune? a person decides
    assert lines[11] == PLAN[11]  # a lower target is never changed
    assert len(applied) == 3 and len(lines) == len(PLAN) + 1


def test_cli_fix_and_diff_never_touch_the_input(tmp_path: Path) -> None:
    src = tmp_path / "du-thao.txt"
    src.write_text("\n".join(PLAN) + "\n", encoding="utf-8")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    res = CliRunner().invoke(check_command, [str(src), "--diff", "--format", "json", "-o", str(tmp_path / "r")])
    assert "+Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025" in res.stdout
    assert not fixed_path(src).exists()  # --diff alone only shows
    res = CliRunner().invoke(check_command, [str(src), "--fix", "-o", str(tmp_path / "r")])
    assert res.exit_code == 1
    assert fixed_path(src).is_file() and "3 chỗ đã sửa" in res.stderr
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


def _corpus() -> list[Path]:
    found = sorted((ROOT / "plans").glob("*.txt")) + sorted((ROOT / "plans").glob("*.md"))
    for folder in (SHARED / "seeds", SHARED / "plans-reviewed"):
        found += sorted(p for p in folder.glob("*.txt") if not p.name.lower().startswith("readme"))
    return found


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_every_fix_rechecked_removes_its_finding_and_adds_none(tmp_path: Path, fmt: str) -> None:
    """On the project's plans and the shared seeds and reviewed plans: every fix is placed; once applied, the
    re-check has no finding it fixed and no finding the original did not have."""
    corpus = _corpus()
    if not any(SHARED.glob("seeds/*.txt")):
        pytest.skip("../shared/seeds is not present: only the project's plans would be tried")
    total = 0
    for src in corpus:
        text = src.read_text(encoding="utf-8")
        if fmt == "docx":
            plan = make_docx(tmp_path / f"{src.stem}.docx", text.split("\n"))
        else:
            plan = tmp_path / src.name
            plan.write_text(text, encoding="utf-8")
        before = _check(plan)
        fixes = fixes_of(before.findings)
        if not fixes:
            continue
        if fmt == "docx":
            data, applied, skipped = fix_docx(plan.read_bytes(), fixes, list(before.findings))
            fixed_path(plan).write_bytes(data)
        else:
            new, applied, skipped = fix_text(text, fixes)
            fixed_path(plan).write_text(new, encoding="utf-8")
        assert skipped == [], f"{src.name}: fixes not placed: {skipped}"
        after = _check(fixed_path(plan))
        fixed = {(f.id, f.kind, f.line, f.actual) for f in before.findings if f.fix in applied}
        assert not fixed & _keys(after), f"{src.name}: still there after the fix: {fixed & _keys(after)}"
        assert _keys(after) <= _keys(before), f"{src.name}: new after the fix: {_keys(after) - _keys(before)}"
        total += len(applied)
    assert total >= 5  # the corpus has wrong dates, miswritten symbols and merged departments


def _split_run_plan(path: Path) -> Path:
    """PLAN as Word, the directive's date cut across three runs of different formatting ("25/" "9" "/2025")."""
    import docx

    d = docx.Document()
    for text in PLAN:
        p = d.add_paragraph()
        if text.startswith("Thực hiện"):
            head, tail = text.split("25/9/2025")
            p.add_run(head + "25/")
            p.add_run("9").bold = True
            p.add_run("/2025" + tail).italic = True
        else:
            p.add_run(text)
    d.save(str(path))
    return path


def test_word_fix_is_tracked_changes_and_accepting_them_gives_the_right_text(tmp_path: Path) -> None:
    import docx

    src = _split_run_plan(tmp_path / "du thảo.docx")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    res = CliRunner().invoke(check_command, [str(src), "--fix", "-o", str(tmp_path / "r")])
    assert "3 chỗ đã sửa" in res.stderr, res.stderr
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest
    out = fixed_path(src)
    doc = docx.Document(str(out))
    body = doc.element.body
    dels, inss = list(body.iter(DEL)), list(body.iter(INS))
    assert len(dels) == 3 and len(inss) == 3
    for mark in dels + inss:
        assert mark.get(f"{W}author") == "check" and mark.get(f"{W}date", "").endswith("Z")
    deleted = ["".join(t.text for t in d.iter(f"{W}delText")) for d in dels]
    inserted = ["".join(t.text for t in i.iter(f"{W}t")) for i in inss]
    # only what differs: 25/9/2025 → 25/~~9~~8/2025, 01/7/~~2025~~2016
    assert sorted(zip(deleted, inserted, strict=True)) == sorted(
        [("2025", "2016"), ("9", "8"), ("THÔNG TIN VÀ TRUYỀN THÔNG", "KHOA HỌC VÀ CÔNG NGHỆ")])
    # formatting kept: the deleted "9" is still bold, the inserted "8" takes its formatting
    nine = next(d for d in dels if "".join(t.text for t in d.iter(f"{W}delText")) == "9")
    assert nine.find(f"{W}r/{W}rPr/{W}b") is not None
    accept_all(body)
    texts = [p.text for p in docx.Document(_saved(doc, tmp_path / "accepted.docx")).paragraphs]
    assert texts[9] == PLAN[9].replace("25/9/2025", "25/8/2025")
    assert texts[8] == PLAN[8].replace("01/7/2025", "01/7/2016")
    assert texts[13] == "1. Phối hợp SỞ KHOA HỌC VÀ CÔNG NGHỆ hướng dẫn chữ ký số."
    assert texts[14] == PLAN[14] and texts[11] == PLAN[11]
    # what needs judgement is commented, not changed
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "UBND huyện" in comments and "60%" in comments


def _saved(doc: object, path: Path) -> Path:
    doc.save(str(path))  # type: ignore[attr-defined]
    return path


def test_fixed_word_copy_opens_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    src = _split_run_plan(tmp_path / "plan.docx")
    CliRunner().invoke(check_command, [str(src), "--fix", "-o", str(tmp_path / "r")])
    out_dir = tmp_path / "lo"
    profile = tmp_path / "profile"
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(out_dir), str(fixed_path(src))], capture_output=True, timeout=180)
    pdf = out_dir / "plan.fixed.pdf"
    assert run.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 1000, run.stderr


def test_a_fix_on_a_finding_accepted_by_a_waiver_is_not_applied() -> None:
    f = Finding(id="X", check="c", kind="outdated", severity="error", line=1, message="m",
                fix=Fix(line=1, old="a b c", new="d"))
    assert fixes_of([f]) == [f.fix]
    assert fixes_of([f.model_copy(update={"suppressed": "waiver"})]) == []
