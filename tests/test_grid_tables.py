"""Grid tables in text plans (borders between rows, "+---+" or box-drawing): one row per bordered band, the
wrapped lines of each cell joined, every line of the table kept out of the body text."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest.txt import lines_of, pipe_tables

PLUS = """Trước bảng
+-----+---------------------+-----------+
| STT | Chỉ tiêu            | Phường    |
|     |                     | đăng ký   |
+=====+=====================+===========+
| 1   | Hồ sơ thủ tục hành  | Tối thiểu |
|     | chính xử lý trực    | 85%       |
|     | tuyến toàn trình    |           |
+-----+---------------------+-----------+
| 2   | Kết quả số hóa      | 100%      |
+-----+---------------------+-----------+
Sau bảng"""

BOX = """Trước bảng
┌─────┬─────────────────────┬───────────┐
│ STT │ Chỉ tiêu            │ Phường    │
│     │                     │ đăng ký   │
╞═════╪═════════════════════╪═══════════╡
│ 1   │ Hồ sơ thủ tục hành  │ Tối thiểu │
│     │ chính xử lý trực    │ 85%       │
│     │ tuyến toàn trình    │           │
├─────┼─────────────────────┼───────────┤
│ 2   │ Kết quả số hóa      │ 100%      │
└─────┴─────────────────────┴───────────┘
Sau bảng"""


@pytest.mark.parametrize("text", [PLUS, BOX], ids=["plus", "box-drawing"])
def test_grid_table_rows_are_bands(text: str) -> None:
    lines, tables = pipe_tables(lines_of(text))
    assert len(tables) == 1
    rows = [[c.text for c in r] for r in tables[0].rows]
    assert rows == [["STT", "Chỉ tiêu", "Phường đăng ký"],
                    ["1", "Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "Tối thiểu 85%"],
                    ["2", "Kết quả số hóa", "100%"]]
    # each row's cells keep the line the row begins on
    assert [r[0].loc.line for r in tables[0].rows] == [3, 6, 10]
    # every line of the table belongs to it; the lines around it do not
    inside = [ln.loc.line for ln in lines if ln.loc.table == 1]
    assert inside == list(range(2, 12))
    assert [ln.text for ln in lines if ln.loc.table is None] == ["Trước bảng", "Sau bảng"]


def test_pipe_rows_without_borders_stay_one_row_per_line() -> None:
    _, tables = pipe_tables(lines_of("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |"))
    assert [[c.text for c in r] for r in tables[0].rows] == [["a", "b"], ["1", "2"], ["3", "4"]]


@pytest.mark.parametrize("text", [PLUS, BOX], ids=["plus", "box-drawing"])
def test_grid_table_typed_in_word_paragraphs(text: str, tmp_path: Path) -> None:
    """A text plan opened in Word keeps its table as one paragraph per line: read as the text reader reads it,
    each row at the paragraph it begins in, after the Word tables."""
    import docx

    from checker.ingest import read

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Bảng Word", "thật"
    for line in text.split("\n"):
        d.add_paragraph(line)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    doc = read(path)
    assert len(doc.tables) == 2
    typed = doc.tables[1]
    assert [[c.text for c in r] for r in typed.rows][1] == [
        "1", "Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "Tối thiểu 85%"]
    first = {ln.text: ln.loc.line for ln in doc.lines}["Trước bảng"]
    assert [r[0].loc.line for r in typed.rows] == [first + 2, first + 5, first + 9]
    assert all(c.loc.table == 2 for r in typed.rows for c in r)
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("table") == 2 and not any("Hồ sơ thủ tục" in (b.text or "") for b in doc.blocks)
