"""``--annotate``: a .checked.docx beside the plan with one Word comment per finding; the input untouched."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers_office import convert

from checker.annotate import annotate_file, blocks_of, output_path
from checker.cli import check_command
from checker.ingest import read
from checker.models import Finding

# our own sample plan (not from the seeds); the issuer sits in the page header, one target in a table
HEADER = ["ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI AN"]
BODY = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 15/KH-UBND, Hải An, ngày 05 tháng 9 năm 2025",
    "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin và chuyển đổi số phường Hải An 6 tháng cuối năm 2025",
    "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/9/2025 của Ủy ban nhân dân thành phố Hải Phòng:",
    "I. MỤC TIÊU",
    "- Tối thiểu 70% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
]
TABLE = [["Chỉ tiêu", "Mức"], ["Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", "đạt 60%"]]
AFTER = ["II. TỔ CHỨC THỰC HIỆN", "1. Sở Thông tin và Truyền thông: hướng dẫn.", "Nơi nhận:", "- Lưu: VT."]


def make_plan(path: Path) -> Path:
    import docx

    d = docx.Document()
    header = d.sections[0].header
    header.paragraphs[0].text = HEADER[0]
    header.add_paragraph(HEADER[1])
    for text in BODY:
        d.add_paragraph(text)
    table = d.add_table(rows=len(TABLE), cols=2)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for text in AFTER:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def comments(path: Path) -> list[str]:
    import docx

    return [c.text for c in docx.Document(str(path)).comments]


def test_blocks_follow_the_reader_numbering(tmp_path: Path) -> None:
    import docx

    plan = make_plan(tmp_path / "p.docx")
    blocks = blocks_of(docx.Document(str(plan)))
    lines = read(plan).lines
    assert len(blocks) == len(lines)
    assert [b.in_body for b in blocks[:3]] == [False, False, True]


def test_annotate_counts_and_input_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    plan = make_plan(tmp_path / "plan.docx")
    before = digest(plan)
    result = CliRunner().invoke(check_command, ["plan.docx", "--annotate", "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["plans"][0]["findings"]
    assert len(findings) >= 3 and any(f["line"] is None for f in findings)
    out = tmp_path / "plan.checked.docx"
    assert out.is_file() and digest(plan) == before
    with zipfile.ZipFile(out) as zf:
        xml = zf.read("word/comments.xml").decode("utf-8")
    assert xml.count("<w:comment ") == len(findings)
    import docx

    written = list(docx.Document(str(out)).comments)
    assert len(written) == len(findings) and all(c.author == "check" for c in written)
    assert any("Yêu cầu: " in c.text for c in written)
    # a second run replaces the .checked.docx only, and does not check it as a plan of its own
    result = CliRunner().invoke(check_command, [".", "--annotate", "--format", "json"])
    assert len(json.loads(result.stdout)["plans"]) == 1
    assert len(comments(out)) == len(findings) and digest(plan) == before


def test_comment_lands_on_the_finding_paragraph(tmp_path: Path) -> None:
    import docx

    plan = make_plan(tmp_path / "p.docx")
    lines = read(plan).lines
    target = next(ln.loc.line for ln in lines if ln.text.startswith("- Tối thiểu 70%"))
    cell = next(ln.loc.line for ln in lines if ln.text == "đạt 60%")
    header = next(ln.loc.line for ln in lines if ln.text == HEADER[1])
    fs = [Finding(id=f"R{n}", check="t", kind="weaker", severity="error", line=line, message=f"m{n}",
                  expected="e") for n, line in enumerate((target, cell, header, None))]
    out = annotate_file(plan, fs)
    d = docx.Document(str(out))
    body = d.element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def anchored(comment_id: int) -> str:
        start = body.find(f".//{ns}commentRangeStart[@{ns}id='{comment_id}']")
        p = start.getparent()
        return "".join(t.text or "" for t in p.iter(f"{ns}t"))

    ids = [c.comment_id for c in d.comments]
    assert anchored(ids[0]).startswith("- Tối thiểu 70%")
    assert anchored(ids[1]) == "đạt 60%"
    assert anchored(ids[2]) == "KẾ HOẠCH" and anchored(ids[3]) == "KẾ HOẠCH"  # header line, whole plan: title


def test_output_path_never_the_input() -> None:
    assert output_path(Path("a/ke-hoach.docx")) == Path("a/ke-hoach.checked.docx")
    assert output_path(Path("x.checked.docx")) != Path("x.checked.docx")


def test_libreoffice_opens_the_output(tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "p.docx")
    out = annotate_file(plan, [Finding(id="R", check="t", kind="missing", severity="error", line=None,
                                       message="thiếu", expected="có")])
    # its own LibreOffice profile (helpers_office.convert): the user's default one clashes with any other
    # LibreOffice running at the same time, which then exits with 1 and no word of why
    [pdf] = convert([out], "pdf", tmp_path)
    assert pdf == tmp_path / "p.checked.pdf"
