"""Markdown as drafts pasted from a chat assistant come (tests/fixtures/plans/xa-quyet-thang-markdown-*.md, written
before the checker read them): the header and the closing laid out as pipe tables whose cells break their lines with
``<br>``, and ordered lists typed the lazy way, every item "1." (CommonMark shows them 1, 2, 3). Before: the header
and the signature were not found (a warning and two errors) and every lazy item was a repeated number (ten
warnings) on a compliant plan."""

from __future__ import annotations

from pathlib import Path

from checker.ingest import read
from checker.ingest.txt import lines_of, markdown_numbers
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

HEADER = ("| ỦY BAN NHÂN DÂN<br>**XÃ AN KHÁNH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>"
          "**Độc lập - Tự do - Hạnh phúc** |\n"
          "|:---:|:---:|\n"
          "| Số: 12/KH-UBND | *An Khánh, ngày 15 tháng 9 năm 2025* |\n")
CLOSING = ("| **Nơi nhận:**<br>- UBND thành phố;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br>"
           "**Trần Văn Bình** |\n|:---|:---:|\n")


def _numbers(text: str) -> list[str]:
    return [ln.text for ln in markdown_numbers(lines_of(text.rstrip("\n")))]


def test_lazy_list_is_numbered_as_shown() -> None:
    assert _numbers("1. Một.\n1. Hai.\n\n1. Ba.\n") == ["1. Một.", "2. Hai.", "", "3. Ba."]
    # a sub-list and the items' own text set in under an item do not end the list
    assert _numbers("3) A\n   - x\n   1. y\n   1. z\n3) B\n") == ["3) A", "   - x", "   1. y", "   2. z", "4) B"]


def test_list_typed_with_numbers_stays_as_typed() -> None:
    assert _numbers("1. Một.\n2. Hai.\n2. Ba.\n") == ["1. Một.", "2. Hai.", "2. Ba."]
    # a heading, or a paragraph after a blank line, between items at the list's indent ends it: two lists of one item
    assert _numbers("1. Một.\n## 2. Mục\n1. Hai.\n") == ["1. Một.", "## 2. Mục", "1. Hai."]
    assert _numbers("1. Một.\n\nđoạn văn\n\n1. Hai.\n") == ["1. Một.", "", "đoạn văn", "", "1. Hai."]


def test_an_item_wrapped_with_no_indent_goes_on() -> None:
    """A line right under an item's text, not set in, is that text going on (CommonMark's lazy continuation line), as
    a plan hard-wrapped by a mail client or an editor has every item: it does not end the list. Before: each lazy
    item after a wrapped one opened a list of its own, "1." repeated (seven warnings on a compliant plan rewrapped at
    60 characters). A heading, a bullet or a table's row right under an item does end it."""
    assert _numbers("1. Một dòng\ngõ tiếp.\n1. Hai dòng\ncũng vậy.\n1. Ba.\n") == [
        "1. Một dòng", "gõ tiếp.", "2. Hai dòng", "cũng vậy.", "3. Ba."]
    assert _numbers("1. Một.\n- gạch\n1. Hai.\n") == ["1. Một.", "- gạch", "1. Hai."]
    assert _numbers("1. Một.\n| a | b |\n1. Hai.\n") == ["1. Một.", "| a | b |", "1. Hai."]


def test_form_tables_with_line_breaks_are_read_as_columns(tmp_path: Path) -> None:
    f = tmp_path / "p.md"
    f.write_text(HEADER + "\n# KẾ HOẠCH\n\nNội dung.\n\n" + CLOSING, encoding="utf-8")
    kinds = {b.text: b.kind for b in read(f).blocks}
    assert kinds["XÃ AN KHÁNH"] == "header" and kinds["Số: 12/KH-UBND"] == "header"
    assert kinds["An Khánh, ngày 15 tháng 9 năm 2025"] == "header"
    assert kinds["- Lưu: VT."] == "recipients" and kinds["Trần Văn Bình"] == "signature"
    # found on their line (a Markdown file has lines), not as a table's cell
    assert {b.loc.line for b in read(f).blocks if b.kind == "header"} == {1, 3}


def test_line_break_in_a_table_cell_is_a_space(tmp_path: Path) -> None:
    f = tmp_path / "t.md"
    f.write_text("| TT | Chỉ tiêu | Mức |\n|---|---|---|\n| 1 | Hồ sơ trực tuyến<br/>toàn trình | Tối thiểu<BR>85% |\n",
                 encoding="utf-8")
    (table,) = read(f).tables
    assert [c.text for c in table.rows[1]] == ["1", "Hồ sơ trực tuyến toàn trình", "Tối thiểu 85%"]


def test_markdown_heading_and_lazy_list_under_it(tmp_path: Path, packs: list[LoadedPack]) -> None:
    body = ("\n# KẾ HOẠCH\n\nThực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố.\n\n"
            "# I. NHIỆM VỤ\n\n## 1. Hạ tầng số\n\n1. Duy trì hội nghị truyền hình.\n1. Nâng cấp mạng LAN.\n\n"
            "## 2. Dữ liệu số\n\n1. Cập nhật kho dữ liệu.\n1. Số hóa hồ sơ.\n\n")
    f = tmp_path / "p.md"
    f.write_text(HEADER + body + CLOSING, encoding="utf-8")
    result = check_file(f, packs)
    loud = [x for x in result.findings if x.severity in ("error", "warning")]
    assert not [x for x in loud if x.id.endswith(("NUMBERING", "FORM"))], [(x.id, x.message) for x in loud]
