"""Word reader: reading order, tables, headers and text boxes, legacy fonts, external entities."""

from __future__ import annotations

from pathlib import Path

from helpers_docs import SAMPLE_LINES, make_docx, rewrite_member

from checker.ingest import Limits, legacy, read
from checker.ingest import docx as docx_reader


def test_body_order_with_table_cells_as_lines(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "kh.docx",
        SAMPLE_LINES[:3],
        table=[["Chỉ tiêu", "Phường", "Thành phố"], ["Hồ sơ số hóa", "100%", "95%"]],
        after_table=["Nơi nhận: lưu VT."],
    )
    doc = read(path)
    assert doc.format == "docx"
    texts = [line.text for line in doc.lines]
    assert texts[:3] == SAMPLE_LINES[:3]
    assert texts[3:9] == ["Chỉ tiêu", "Phường", "Thành phố", "Hồ sơ số hóa", "100%", "95%"]
    assert texts[9] == "Nơi nhận: lưu VT."
    assert [line.loc.line for line in doc.lines] == list(range(1, len(doc.lines) + 1))
    cell = doc.lines[7]
    assert (cell.loc.table, cell.loc.row, cell.loc.cell) == (1, 2, 2)
    assert doc.lines[0].loc.paragraph == 1 and doc.lines[0].loc.table is None
    assert len(doc.tables) == 1
    rows = doc.tables[0].rows
    assert [[c.text for c in r] for r in rows] == [
        ["Chỉ tiêu", "Phường", "Thành phố"],
        ["Hồ sơ số hóa", "100%", "95%"],
    ]
    assert rows[1][2].loc == doc.lines[8].loc
    assert doc.notes == []


def test_header_and_text_box_come_first_footer_last(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "kh.docx",
        ["KẾ HOẠCH", "Nội dung chính"],
        header=["ỦY BAN NHÂN DÂN PHƯỜNG HOA PHƯỢNG"],
        footer=["Trang chân"],
        text_box="Số: 12/KH-UBND",
    )
    texts = [line.text for line in read(path).lines]
    assert texts[0] == "ỦY BAN NHÂN DÂN PHƯỜNG HOA PHƯỢNG"
    assert texts[1] == "Số: 12/KH-UBND"
    assert texts[2:4] == ["KẾ HOẠCH", "Nội dung chính"]
    assert texts[-1] == "Trang chân"
    assert texts.count("Số: 12/KH-UBND") == 1  # the text box is not repeated inside its anchor paragraph


def test_tcvn3_and_vni_runs_converted_by_font(tmp_path: Path) -> None:
    line = SAMPLE_LINES[7]
    path = make_docx(
        tmp_path / "kh.docx",
        [
            (legacy.encode(line, "tcvn3"), ".VnTime"),
            (legacy.encode("kế hoạch chuyển đổi số", "tcvn3"), ".VnTimeH"),
            (legacy.encode(line, "vni"), "VNI-Times"),
            ("Dòng Unicode bình thường", "Times New Roman"),
        ],
    )
    doc = read(path)
    texts = [x.text for x in doc.lines]
    assert texts[0] == line.lower() or texts[0] == line
    assert texts[1] == "KẾ HOẠCH CHUYỂN ĐỔI SỐ"
    assert texts[2] == line
    assert texts[3] == "Dòng Unicode bình thường"
    assert "đã chuyển mã TCVN3 (ABC) sang Unicode" in doc.notes
    assert "đã chuyển mã VNI sang Unicode" in doc.notes


def test_legacy_font_inherited_from_style(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "kh.docx", [legacy.encode("Độc lập - Tự do - Hạnh phúc", "tcvn3")], style_font=".VnTime"
    )
    doc = read(path)
    assert doc.lines[0].text == "Độc lập - Tự do - Hạnh phúc"
    assert doc.notes == ["đã chuyển mã TCVN3 (ABC) sang Unicode"]


def test_legacy_text_without_font_name_detected(tmp_path: Path) -> None:
    encoded = [legacy.encode(t, "vni") for t in SAMPLE_LINES]
    doc = read(make_docx(tmp_path / "kh.docx", encoded))
    assert [x.text for x in doc.lines] == SAMPLE_LINES
    assert doc.notes == ["đã chuyển mã VNI sang Unicode"]


def test_unicode_docx_untouched(tmp_path: Path) -> None:
    doc = read(make_docx(tmp_path / "kh.docx", SAMPLE_LINES))
    assert [x.text for x in doc.lines] == SAMPLE_LINES
    assert doc.notes == []


def test_external_entity_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MAT-KHAU-BI-MAT-12345", encoding="utf-8")
    path = make_docx(tmp_path / "xxe.docx", ["Mở đầu"])
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>Trước &xxe; sau</w:t></w:r></w:p><w:p><w:r><w:t>Dòng hai</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    rewrite_member(path, "word/document.xml", xml.encode("utf-8"))
    try:
        doc = read(path)
    except Exception as exc:  # refusing the file is acceptable too, as long as nothing leaks
        assert "MAT-KHAU" not in str(exc)
        return
    everything = "\n".join(x.text for x in doc.lines)
    assert "MAT-KHAU" not in everything
    assert "Dòng hai" in everything


def test_reader_called_directly_respects_limits(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "kh.docx", SAMPLE_LINES)
    doc = docx_reader.read(path, Limits())
    assert len(doc.lines) == len(SAMPLE_LINES)
