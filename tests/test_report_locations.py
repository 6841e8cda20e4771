"""Where a finding is, as every human-facing report says it (``checker.report.labels.where``): a table cell of a
text file (.txt, .md) is said at the line its editor shows, "dòng 19 (bảng 1, hàng 8, ô 1)"; a Word or
OpenDocument table cell as Word shows it, "bảng 2, hàng 7, ô 2", never with a reading-order line. Before: the text
file's cell was "bảng 1, hàng 8, ô 1" alone, and a drafter with the .txt open had no line to go to (the JSON had
it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.models import Finding, Location, PlanResult, Report
from checker.report import html_report, text, xlsx_report
from checker.report.letters import item_text, load_template

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "fixtures" / "plans" / "xa-tien-lang-cot-thanh-pho-sai.txt"
CELL = Location(line=19, table=1, row=8, cell=1)


def _report(fmt: str, loc: Location = CELL) -> Report:
    f = Finding(id="HP215-TGT-KYNANGSO", check="min-target", kind="weaker", severity="error", line=loc.line,
                message="Chỉ tiêu thấp hơn văn bản chỉ đạo", evidence="kỹ năng số 40%", expected="tối thiểu 50%",
                location=loc)
    return Report(plans=[PlanResult(path=f"ke-hoach.{fmt}", format=fmt, status="checked", unit="Xã Tiên Lãng",
                                    findings=[f])])


def test_a_text_plans_table_cell_is_said_at_its_line(tmp_path: Path) -> None:
    """``check`` on a .txt whose target row is weaker: the terminal and the plan's HTML page say the line and the
    cell (in English too); the JSON keeps its location as it was."""
    def check(*args: str | Path) -> str:
        return subprocess.run([sys.executable, "-m", "checker", str(PLAN), "-q", *map(str, args)], capture_output=True,
                              text=True, cwd=tmp_path, stdin=subprocess.DEVNULL, timeout=120).stdout

    said = check("-o", tmp_path / "vi")
    assert "  dòng 19 (bảng 1, hàng 8, ô 1): lỗi [yếu hơn] HP215-TGT-KYNANGSO" in said, said
    page = next(p for p in (tmp_path / "vi").glob("*.html") if p.name != "index.html").read_text(encoding="utf-8")
    assert "dòng 19 (bảng 1, hàng 8, ô 1)" in page
    assert "  line 19 (table 1, row 8, cell 1): error [weaker]" in check("-o", tmp_path / "en", "--lang", "en")
    data = json.loads(check("--format", "json"))
    weak = next(f for f in data["plans"][0]["findings"] if f["id"] == "HP215-TGT-KYNANGSO")
    assert weak["line"] == 19 and weak["location"] == {"line": 19, "table": 1, "row": 8, "cell": 1}


@pytest.mark.parametrize(("fmt", "said"), [("txt", "dòng 19 (bảng 1, hàng 8, ô 1)"),
                                           ("md", "dòng 19 (bảng 1, hàng 8, ô 1)"),
                                           ("docx", "bảng 1, hàng 8, ô 1"), ("odt", "bảng 1, hàng 8, ô 1")])
def test_every_report_says_the_same_place(tmp_path: Path, fmt: str, said: str) -> None:
    """The terminal, the HTML page, the workbook's findings sheet and the letter say one label: the line of a text
    file's cell, none for a Word or OpenDocument cell."""
    report = _report(fmt)
    assert f"  {said}: lỗi" in text.render(report)
    html_report.write(report, tmp_path)
    page = next(p for p in tmp_path.glob("*.html") if p.name != "index.html").read_text(encoding="utf-8")
    assert f"</code> ·\n    {said}\n  </div>" in page, page
    assert ("dòng 19" in page) == (fmt in ("txt", "md"))
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(xlsx_report.write(report, tmp_path))["Phát hiện"]
    assert ws.cell(row=2, column=3).value == said
    tpl = load_template(ROOT / "rules" / "letters.yaml")
    letter = item_text(report.plans[0].findings[0], tpl, {}, fmt=fmt)
    assert letter.startswith(said[:1].upper() + said[1:] + ", dự thảo ghi:"), letter


def test_a_text_plans_paragraph_and_paged_cell() -> None:
    """A text file's paragraph keeps "dòng N"; a cell on a page of a paged text says the page, then the line."""
    assert "  dòng 34: lỗi" in text.render(_report("txt", Location(line=34)))
    paged = Location(line=44, page=1, table=1, row=8, cell=1)
    assert "  trang 1, dòng 44 (bảng 1, hàng 8, ô 1): lỗi" in text.render(_report("txt", paged))
    assert "  trang 1, bảng 1, hàng 8, ô 1: lỗi" in text.render(_report("pdf", paged))
