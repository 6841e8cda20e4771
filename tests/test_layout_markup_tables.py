"""Layout causes of issue 8 (part A), each with a small plan written for this test:

- Markdown emphasis ("**…**", "*…*", "__…__", "_…_", "***…***") is presentation, as bold and italic runs are in
  Word: the blocks (kind, marker, level, text) are those of the same plan typed without it, in a text file, in
  Markdown and in a Word file whose header and closing are borderless tables with the marks in their cells;
- a table typed with tabs or wide spacing keeps each cell in its column: the empty cells of a two-row header
  (merged cells, a header over two lines) and of a row, in a tab-separated file, a space-aligned one (as PDF
  text gives), double-spaced, and in Word paragraphs with tabs (a PDF-to-Word conversion).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from checker.ingest import layout, read
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block
from checker.pipeline import check_file

# (marked, plain) pieces: the plan below is written once with Markdown emphasis and once without
_MARKED = [
    "__ỦY BAN NHÂN DÂN__                         ***CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM***",
    "__PHƯỜNG THIÊN HƯƠNG__                          *Độc lập - Tự do - Hạnh phúc*",
    "Số: 77/KH-UBND                         _Thiên Hương, ngày 20 tháng 9 năm 2025_",
    "",
    "**KẾ HOẠCH**",
    "*Chuyển đổi số và ứng dụng công nghệ thông tin của phường Thiên Hương đến cuối năm 2025*",
    "",
    "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, UBND phường Thiên Hương"
    " xây dựng Kế hoạch như sau:",
    "",
    "***Phần I. CHỈ TIÊU***",
    "+ Cung cấp **100%** thủ tục hành chính đủ điều kiện dưới dạng dịch vụ công trực tuyến toàn trình.",
    "+ Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình đạt *tối thiểu* **82%**.",
    "+ Hồ sơ công việc xử lý trên môi trường mạng đạt __76%__ (trừ hồ sơ mật).",
    "+ **100%** báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo của thành phố.",
    "+ Số hóa **100%** kết quả giải quyết thủ tục hành chính theo quy định.",
    "+ Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính đạt _trên 91%_.",
    "+ Tập huấn kỹ năng số cho **tối thiểu 55%** cán bộ, công chức, viên chức.",
    "+ Trên **90%** văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật).",
    "+ Hệ thống thông tin được triển khai phương án bảo đảm an toàn thông tin theo quy định.",
    "",
    "***Phần II. NHIỆM VỤ***",
    "__1. Hạ tầng số__: mạng truyền số liệu chuyên dùng, điểm cầu trực tuyến.",
    "__2. Chính quyền số__: quản lý văn bản và điều hành, dịch vụ công trực tuyến.",
    "__3. Dữ liệu số__: Kho dữ liệu dùng chung của thành phố.",
    "__4. An toàn, an ninh thông tin mạng__: phương án bảo đảm an toàn thông tin theo cấp độ.",
    "__5. Đào tạo, tuyên truyền__: bồi dưỡng kỹ năng số, tuyên truyền chuyển đổi số.",
    "",
    "***Phần III. KINH PHÍ***",
    "Ngân sách phường năm 2025 và nguồn hợp pháp khác (*) theo quy định.",
    "",
    "***Phần IV. TỔ CHỨC THỰC HIỆN***",
    "+ **Phòng Văn hóa - Xã hội** làm đầu mối, tham mưu, tổng hợp, báo cáo.",
    "+ **Phòng Kinh tế, Hạ tầng và Đô thị** bố trí kinh phí.",
    "+ **Công an phường** bảo đảm an ninh mạng, an toàn thông tin.",
    "+ **Văn phòng HĐND và UBND phường** vận hành quản lý văn bản và điều hành.",
    "+ **Trung tâm Phục vụ hành chính công phường** tiếp nhận hồ sơ trực tuyến.",
    "",
    "**Nơi nhận:**                                          **TM. ỦY BAN NHÂN DÂN**",
    "- UBND thành phố;                                              **CHỦ TỊCH**",
    "- Lưu: VT.",
    "                                                          _Lã Thị Thu Trang_",
]


def _plain(text: str) -> str:
    """The plan as typed without emphasis: the marks this test used, taken out by hand."""
    out = text.replace("***", "").replace("**", "").replace("__", "")
    out = re.sub(r"(?<![\w(])[*_]([^\s*_][^*_]*?)[*_](?![\w)])", r"\1", out)
    return out


MARKED = "\n".join(_MARKED) + "\n"
PLAIN = "\n".join(_plain(t) for t in _MARKED) + "\n"


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def _shape(blocks: list[Block]) -> list[tuple[str, str, int | None, str]]:
    return [(b.kind, b.marker, b.level, b.text) for b in blocks]


def test_the_two_texts_differ_only_by_their_marks() -> None:
    assert MARKED != PLAIN and "*" not in PLAIN.replace("(*)", "") and "__" not in PLAIN
    assert "(*)" in PLAIN  # a footnote mark is a word of the plan, not emphasis


def test_emphasis_gives_the_blocks_of_the_plain_text() -> None:
    marked, plain = _blocks(MARKED), _blocks(PLAIN)
    assert _shape(marked) == _shape(plain)
    kinds = {b.text: b.kind for b in marked}
    assert kinds["Phần I. CHỈ TIÊU"] == "heading"
    assert kinds["Lã Thị Thu Trang"] == "signature"  # an italic name is still the signer
    assert kinds["Nơi nhận:"] == "recipients"
    assert any(b.kind == "list_item" and b.text.startswith("+ Phòng Văn hóa - Xã hội làm") for b in marked)


@pytest.mark.parametrize("text, kept", [("5*3*2 = 30", "5*3*2 = 30"), ("Số: ____/KH-UBND", "Số: ____/KH-UBND"),
                                        ("* mục", "* mục"), ("(*) ghi chú (*)", "(*) ghi chú (*)"),
                                        ("ke_hoach_2025.docx", "ke_hoach_2025.docx"),
                                        ("**_Phòng Nội vụ_**: chủ trì", "Phòng Nội vụ: chủ trì")])
def test_what_is_emphasis_and_what_is_not(text: str, kept: str) -> None:
    assert layout.unmark(text) == kept


def _wrapped(lines: list[str], width: int) -> str:
    """The plan with its body (title to the closing) wrapped at ``width``, marks and all, as an editor wraps."""
    start = _MARKED.index("**KẾ HOẠCH**")
    end = next(i for i, t in enumerate(_MARKED) if t.startswith("**Nơi nhận:**"))
    body = [x for t in lines[start:end] for x in (textwrap.wrap(t, width, break_long_words=False) or [t])]
    return "\n".join(lines[:start] + body + lines[end:]) + "\n"


@pytest.mark.parametrize("width", [70, 80])
def test_emphasis_wrapped_over_two_lines(width: int) -> None:
    """An italic subtitle or a bold item wrapped over two lines: the opening mark on one line, the closing mark
    on the next; and the lines were wrapped as typed, marks included."""
    marked = _wrapped(_MARKED, width)
    assert any(t.startswith("*Chuyển đổi số") and not t.endswith("*") for t in marked.splitlines())
    assert _shape(_blocks(marked)) == _shape(_blocks(_wrapped([_plain(t) for t in _MARKED], width)))


def test_a_mark_left_open_is_kept() -> None:
    """A mark with no closing one in the same paragraph (a blank line between) is a word of the plan."""
    text = PLAIN.replace("Ngân sách phường năm 2025", "Ngân sách phường *năm 2025").replace(
        "- Lưu: VT.", "- Lưu: VT.*")
    assert any("*năm 2025" in b.text for b in _blocks(text))


def _word(path: Path, text: str) -> Path:
    """The marked plan in Word as an office types it: header and closing as borderless two-column tables (the
    marks typed in their cells), one paragraph per line of the body."""
    import docx

    lines = text.splitlines()
    first_body = lines.index("**KẾ HOẠCH**")
    closing = next(i for i, t in enumerate(lines) if t.startswith("**Nơi nhận:**"))
    d = docx.Document()

    def two_columns(rows: list[str]) -> None:
        cols: list[list[str]] = [[], []]
        for t in rows:
            left, right = layout.split_columns(t)
            for k, side in enumerate((left, right)):
                if side and side[1].strip():
                    cols[k].append(side[1].strip())
        table = d.add_table(rows=1, cols=2)
        for cell, paragraphs in zip(table.rows[0].cells, cols, strict=True):
            cell.paragraphs[0].text = paragraphs[0]
            for t in paragraphs[1:]:
                cell.add_paragraph(t)

    two_columns(lines[:first_body])
    for t in lines[first_body:closing]:
        if t.strip():
            d.add_paragraph(t)
    two_columns(lines[closing:])
    d.save(str(path))
    return path


def test_same_findings_marked_or_plain_in_text_markdown_and_word(packs: object, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(PLAIN, encoding="utf-8")
    md = tmp_path / "marked.md"
    md.write_text(MARKED, encoding="utf-8")
    word = _word(tmp_path / "marked.docx", MARKED)
    want = check_file(plain, packs)  # type: ignore[arg-type]
    assert want.status == "checked"
    for other in (md, word):
        got = check_file(other, packs)  # type: ignore[arg-type]
        assert got.status == want.status
        assert sorted((f.id, f.kind) for f in got.findings) == sorted((f.id, f.kind) for f in want.findings), other
    blocks = read(word).blocks
    assert [b.text for b in blocks if b.kind == "signature"][-1] == "Lã Thị Thu Trang"
    assert any(b.kind == "recipients" and b.text == "Nơi nhận:" for b in blocks)
    # the quoted evidence keeps the plan's words, and the marks are in no finding's quote
    assert all("**" not in f.evidence for f in check_file(md, packs).findings)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- typed tables

# a target table with a header over two rows: "Năm 2025" over two columns; "Ghi chú" last, empty in most rows
_HEADER = [["TT", "Nội dung", "Năm 2025", "", "Ghi chú"],
           ["", "", "Thành phố giao", "Phường phấn đấu", ""]]
_ROWS = [["1", "Hồ sơ xử lý trực tuyến toàn trình", "Tối thiểu 80%", "86%", ""],
         ["2", "Cán bộ được bồi dưỡng kỹ năng số", "Tối thiểu 50%", "65%", "Kể cả cấp tổ dân phố"],
         ["3", "Hồ sơ công việc trên môi trường mạng", "", "78%", ""]]
TABLE = _HEADER + _ROWS


def _typed(sep: str) -> list[str]:
    """The table typed with ``sep`` between cells (an empty cell leaves two separators side by side)."""
    return [sep.join(row).rstrip() for row in TABLE]


def _table_of(text: str) -> list[list[str]]:
    tables = [b for b in _blocks(text) if b.kind == "table"]
    assert len(tables) == 1, [b.text for b in _blocks(text)]
    return [[c.text for c in row] for row in tables[0].rows]


def _page(rows: list[str], blank_after_each: bool = False) -> str:
    body = ["I. CHỈ TIÊU", "Bảng chỉ tiêu của phường:", *rows, "Phường bảo đảm an toàn thông tin theo quy định."]
    # some extractions put an empty line after every line (then a blank line ends nothing)
    filler = [f"Dòng văn bản số {k} của kế hoạch." for k in range(20)]
    lines = filler + body if not blank_after_each else [x for t in filler + body for x in (t, "")]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("sep", ["\t", "    ", "   "], ids=["tabs", "four-spaces", "three-spaces"])
def test_typed_table_keeps_empty_cells_in_their_columns(sep: str) -> None:
    assert _table_of(_page(_typed(sep))) == TABLE


def test_typed_table_double_spaced() -> None:
    assert _table_of(_page(_typed("\t"), blank_after_each=True)) == TABLE


def test_typed_table_indented_as_a_whole_and_aligned_with_spaces() -> None:
    """Every row set in by a tab (the margin is not a column); columns aligned with spaces of any width."""
    assert _table_of(_page(["\t" + r for r in _typed("\t")])) == TABLE
    widths = [max(len(row[k]) for row in TABLE) + 3 for k in range(5)]
    aligned = ["".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in TABLE]
    assert _table_of(_page(aligned)) == TABLE


def test_a_paragraph_set_in_by_a_tab_is_not_a_row() -> None:
    text = _page(_typed("\t")).replace("Phường bảo đảm", "\tPhường bảo đảm")
    assert _table_of(text) == TABLE
    assert any(b.kind == "paragraph" and b.text.startswith("Phường bảo đảm") for b in _blocks(text))


def test_typed_table_in_word_paragraphs_keeps_leading_tabs(tmp_path: Path) -> None:
    """A PDF converted to Word: one paragraph per line, the cells separated by tabs, the first cells of the
    header's second row left empty (leading tabs)."""
    import docx

    d = docx.Document()
    for t in _page(_typed("\t")).splitlines():
        d.add_paragraph(t)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    tables = [b for b in read(path).blocks if b.kind == "table"]
    assert [[c.text for c in row] for row in tables[0].rows] == TABLE


@pytest.mark.parametrize("header", [
    [["TT", "Nội dung", "Năm 2025", ""], ["", "", "Thành phố giao", "Phường phấn đấu"]],  # merged over two
    [["TT", "Nội dung", "Chỉ tiêu thành", "Mục tiêu"], ["", "", "phố giao", "của phường"]],  # wrapped cells
    [["TT", "Nội dung", "Mục tiêu năm 2025 (thành phố", "Phường phấn"], ["", "", "giao)", "đấu"]],
], ids=["merged-group", "wrapped-cells", "wrapped-parenthesis"])
def test_a_header_over_two_rows_names_each_column(header: list[list[str]]) -> None:
    """The parent's figure stays the reference and the plan's own column its target, whichever way the header
    is split over its two rows."""
    from checker.parse.targets import targets_in_rows

    rows = [*header, ["1", "Hồ sơ xử lý trực tuyến toàn trình", "Tối thiểu 80%", "86%"]]
    got = targets_in_rows([[(c, 30 + r) for c in row] for r, row in enumerate(rows)], {})
    assert [(t.value, t.reference_value) for t in got] == [(86.0, 80.0)]
