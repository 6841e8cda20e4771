"""Issue 4: a Word table of "ward target | city target" gives targets with both figures, and findings located by
table, row and cell (the JSON ``line`` is the paragraph number)."""

from __future__ import annotations

from pathlib import Path

import docx

from checker.ingest import read
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import load_packs

ROOT = Path(__file__).resolve().parents[1]
ROWS = [
    ("TT", "Chỉ tiêu của phường", "Chỉ tiêu thành phố"),
    ("1", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "80%"),
    ("2", "Cán bộ, công chức, viên chức được tập huấn kỹ năng số đạt 40%", "50%"),
]


def make(path: Path) -> Path:
    """The example plan of Phường Hải An as Word, with its target list replaced by a two-column table."""
    lines = (ROOT / "plans" / "phuong-hai-an-dat.txt").read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    for line in lines:
        if line.startswith(("b) ", "g) ")):
            continue  # these two targets go into the table below
        d.add_paragraph(line)
        if line.startswith("2. Chỉ tiêu cụ thể"):
            table = d.add_table(rows=len(ROWS), cols=3)
            for r, row in enumerate(ROWS):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    d.save(str(path))
    return path


def test_table_rows_become_targets_with_both_figures(tmp_path: Path) -> None:
    plan = parse(read(make(tmp_path / "plan.docx")))
    table = [t for t in plan.targets if t.source == "table"]
    assert [(t.value, t.reference_value) for t in table] == [(80, 80), (40, 50)]


def test_finding_in_a_table_cell_is_located(tmp_path: Path) -> None:
    r = check_file(make(tmp_path / "plan.docx"), load_packs())
    [f] = r.findings
    assert (f.id, f.kind, f.actual) == ("HP215-TGT-KYNANGSO", "weaker", "đạt 40%")
    assert f.location is not None and (f.location.table, f.location.row, f.location.cell) == (1, 3, 2)
    assert f.line == f.location.line and "40%" in f.evidence
