"""Round 24b: false alarms and misses that earlier rounds found and left (layout-disagreements.yaml's round 23b
pair, probes-23d.md "Left", round 23c's strict xfail, blind-23e-expected.md), each fixed by meaning and pinned
here on a short text or plan of this round's own (tests/fixtures/leftovers-24b.md records each item).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from checker.ingest import read, tabstops, wholecells
from checker.ingest.txt import lines_of
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

# --------------------------------------------------------------------------- 1. a table laid out, not tabbed


def _laid_out_table() -> list[str]:
    """A table as ``pdftotext -layout`` sets it over two pages: the first page's columns at 20, 38 and 57, the
    next page's at 4, 24 and 40 (stops of 4 by chance), as each page's own widths put them."""
    first = ["STT                 Tên chỉ tiêu      Thành phố giao     Xã Tiên Lãng",
             "1                   Văn bản ký số     Trên 90%           Trên 90%"]
    rows = [f"{n:<4}{f'Hồ sơ số {n}':<20}{f'Tối thiểu {n}0%':<16}Tối thiểu {n}0%" for n in range(2, 9)]
    return ["Nơi nhận:                             TM. ỦY BAN NHÂN DÂN", *first, "\f", *rows]


def test_a_table_laid_out_whose_columns_fall_at_stops_on_one_page_is_not_tabbed() -> None:
    texts = _laid_out_table()
    assert tabstops.width_of(texts) is None
    assert [ln.text for ln in tabstops.restored(lines_of("\n".join(texts)))] == [
        ln.text for ln in lines_of("\n".join(texts))]


def test_a_table_typed_with_tabs_and_expanded_is_still_restored() -> None:
    typed = ["STT\tTên chỉ tiêu\t\tThành phố giao\tXã Tiên Lãng",
             *[f"{n}\tHồ sơ số {n}\t\tTối thiểu {n}0%\tTối thiểu {n}0%" for n in range(1, 9)]]
    texts = [t.expandtabs(4) for t in typed]
    assert tabstops.width_of(texts) == 4


# --------------------------------------------------------------------------- 2. a list marker's bracket


def test_a_letter_markers_bracket_leaves_no_parenthesis_closed(tmp_path: Path) -> None:
    text = ("I. MỤC ĐÍCH\n"
            "a) Phường Lê Thanh Nghị (gồm phường Tân Bình, xã Tiền Tiến và xã Hoàng\n"
            "Hoa Thám thuộc thành phố Hải Dương (cũ); kế thừa kết quả của các đơn vị cũ.\n"
            "b) Nâng cao chất lượng phục vụ người dân.\n")
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    paragraphs = [b.text for b in read(path).blocks]
    assert any("xã Hoàng Hoa Thám thuộc thành phố Hải Dương (cũ)" in t for t in paragraphs), paragraphs


# --------------------------------------------------------------------------- plans of this round's own

HEAD = ("UBND XÃ TIÊN LÃNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: {number}/KH-UBND\tTiên Lãng, ngày 22 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\n"
        "Ứng dụng công nghệ thông tin, chuyển đổi số 6 tháng cuối năm 2025 của xã Tiên Lãng\n\n"
        "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng, UBND xã ban hành Kế hoạch:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Triển khai đồng bộ các nhiệm vụ chuyển đổi số của thành phố giao cho xã.\n\n"
        "II. NHIỆM VỤ\n"
        "1. Bảo đảm an ninh mạng, an toàn thông tin cho các hệ thống thông tin của xã.\n"
        "2. Cung cấp dịch vụ công trực tuyến toàn trình.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "{execution}\n\n"
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n"
        "- UBND thành phố;\tCHỦ TỊCH\n"
        "- Lưu: VT, VHXH.\n"
        "\tPhạm Văn Hòa\n\n"
        "{appendix}")
APPENDIX = ("Phụ lục\nCHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025\n"
            "(Kèm theo Kế hoạch số {number}/KH-UBND ngày 22/9/2025 của UBND xã Tiên Lãng)\n"
            "TT\tChỉ tiêu\tThành phố giao\tXã đăng ký\n"
            "1\tVăn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật)\tTrên 90%\tTrên 90%\n")
PROSE = ("1. Công an xã chủ trì bảo đảm an ninh mạng, an toàn thông tin.\n"
         "2. Phòng Văn hóa - Xã hội theo dõi, tổng hợp, báo cáo.")


def _plan(tmp_path: Path, number: str = "112", appendix: str = "112", execution: str = PROSE) -> Path:
    path = tmp_path / f"ke-hoach-{number or 'du-thao'}-{appendix or 'x'}.txt"
    path.write_text(HEAD.format(number=number, execution=execution,
                                appendix=APPENDIX.format(number=appendix)), encoding="utf-8")
    return path


def _form(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, str, int | None]]:
    return [(f.id, f.kind, f.severity, f.line) for f in check_file(path, packs).findings
            if f.id == "HP215-FORM" and f.kind == "inconsistent"]


def test_an_appendix_of_another_plans_number_is_an_inconsistency(tmp_path: Path, packs: list[LoadedPack]) -> None:
    found = _form(_plan(tmp_path, "112", "121"), packs)
    assert [(rule, kind, severity) for rule, kind, severity, _ in found] == [
        ("HP215-FORM", "inconsistent", "warning")]
    line = found[0][3]
    assert line is not None and "121/KH-UBND" in _plan(tmp_path, "112", "121").read_text(
        encoding="utf-8").splitlines()[line - 1]


def test_an_appendix_of_the_plans_own_number_or_a_draft_is_not(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _form(_plan(tmp_path, "112", "112"), packs) == []
    assert _form(_plan(tmp_path, "    ", "121"), packs) == []  # an unsigned draft: its number not given yet
    assert _form(_plan(tmp_path, "112", "    "), packs) == []  # the appendix's number left blank



def test_an_appendix_copied_from_a_document_the_plan_cites_is_not(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The lead's review: a commune attaches the city's appendix of targets as it stands, under its own heading
    "(Kèm theo Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố)", or another document it cites: a copy,
    not an appendix of another plan of its own."""
    directive = _plan(tmp_path, "112", "215").read_text(encoding="utf-8").replace(
        "ngày 22/9/2025 của UBND xã Tiên Lãng)", "ngày 25/8/2025 của UBND thành phố)")
    (path := tmp_path / "phu-luc-215.txt").write_text(directive, encoding="utf-8")
    assert _form(path, packs) == []
    cited = _plan(tmp_path, "112", "128").read_text(encoding="utf-8").replace(
        "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng,",
        "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 và Kế hoạch số 128/KH-UBND ngày 12/5/2025 của UBND thành phố"
        " Hải Phòng,")
    (path := tmp_path / "phu-luc-128.txt").write_text(cited, encoding="utf-8")
    assert _form(path, packs) == []
    assert _form(_plan(tmp_path, "112", "128"), packs) != []  # not cited elsewhere: another plan's appendix

# --------------------------------------------------------------------------- 2a. a matrix of marks cut a cell a line

MATRIX = ("1. Phòng Văn hóa - Xã hội theo dõi, tổng hợp, báo cáo.\n"
          "2. Các phòng, đơn vị thực hiện theo Bảng phân công (CT: chủ trì; PH: phối hợp):\n"
          "TT\nNhiệm vụ\nVăn phòng HĐND và UBND\nPhòng Văn hóa - Xã hội\nPhòng Kinh tế, Hạ tầng và Đô thị\n"
          "Công an xã\nTrung tâm Phục vụ hành chính công\n"
          "1\nVận hành hội nghị truyền hình trực tuyến, mạng truyền số liệu chuyên dùng\nCT\nPH\n"
          "2\nQuản lý văn bản và điều hành, ký số văn bản\nCT\nPH\n"
          "3\nCung cấp dịch vụ công trực tuyến toàn trình, số hóa kết quả giải quyết thủ tục hành chính\nPH\nCT\n"
          "4\nCập nhật dữ liệu lên Kho dữ liệu dùng chung\nPH\nCT\nPH\n"
          "5\nBảo đảm an ninh mạng, an toàn thông tin\nPH\nCT\n"
          "6\nTập huấn kỹ năng số, tuyên truyền chuyển đổi số\nCT")


def _units(path: Path, packs: list[LoadedPack]) -> dict[str, str]:
    return {f.id: f.severity for f in check_file(path, packs).findings if f.id.startswith("HP215-UNIT-")}


def test_an_office_over_a_matrix_of_marks_cut_a_cell_a_line_is_not_judged(tmp_path: Path,
                                                                          packs: list[LoadedPack]) -> None:
    """The marks' columns cannot be counted (an empty cell leaves no line): the police's and the centre's
    assignments are not judged (info), never missing on the strength of a table the checker could not read."""
    got = _units(_plan(tmp_path, execution=MATRIX), packs)
    assert got.get("HP215-UNIT-CONGAN") == "info" and got.get("HP215-UNIT-TTHCC") == "info"
    assert "HP215-UNIT-CONGAN" not in _units(_plan(tmp_path, execution=PROSE), packs)


# --------------------------------------------------------------------------- 2b. cells one to a line (cell_lines)


def _read(tmp_path: Path, text: str, name: str = "p.txt") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [b.text for b in read(path).blocks]


def test_a_documents_date_alone_after_its_number_in_a_table_of_grounds(tmp_path: Path) -> None:
    """A table of the documents cited, its cells one to a line: the number's and the date's lines joined by the
    reader ("2 Nghị định số 45/2020/NĐ-CP 08/4/2021") give the document's date (the wrong year is then found)."""
    text = ("KẾ HOẠCH\nChuyển đổi số năm 2025\n\nCăn cứ các văn bản sau:\nSTT\nSố, ký hiệu\nNgày ban hành\n"
            "Cơ quan ban hành\n1\nNghị định số 45/2020/NĐ-CP\n08/4/2021\nChính phủ\n"
            "2\nQuyết định số 749/QĐ-TTg\n03/6/2020\nThủ tướng Chính phủ\n\nI. MỤC ĐÍCH\nNội dung.\n")
    path = tmp_path / "can-cu.txt"
    path.write_text(text, encoding="utf-8")
    dates = {r.number: r.date for r in parse(read(path)).references}
    assert str(dates.get("45/2020/ND-CP")) == "2021-04-08" and str(dates.get("749/QD-TTG")) == "2020-06-03"


def test_a_tables_number_cell_alone_is_no_heading(tmp_path: Path) -> None:
    """"TT" alone over "Nội dung": the first header cell of a table one cell to a line, not a part in capitals
    (which ended the appendix of results above it, its figures then taken for targets not judged)."""
    text = ("KẾ HOẠCH\nChuyển đổi số năm 2025\n\nI. MỤC ĐÍCH\nNội dung.\n\nPHỤ LỤC II\n"
            "KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025 CỦA CÁC XÃ TRƯỚC SẮP XẾP\n(Số liệu tham khảo)\n\n"
            "TT\nNội dung\nXã A (cũ)\nXã B (cũ)\n"
            "1\nHồ sơ công việc được xử lý trên môi trường mạng\n61%\n58%\n")
    path = tmp_path / "ket-qua.txt"
    path.write_text(text, encoding="utf-8")
    assert "TT" not in [s.title for s in parse(read(path)).sections]


def test_a_count_against_its_total_alone_on_a_line_is_no_page_number() -> None:
    """"1/3" (one system of three) alone on its line, as a table one cell to a line sets it: a page's number
    only where the page count recurs ("1/3" … "2/3" a page apart)."""
    cells = ["8", "Hệ thống thông tin được thực hiện phương án bảo đảm an toàn thông tin", "1/3", "Theo quy định",
             "100%"]
    assert "1/3" in [ln.text for ln in lines_of("\n".join(cells))]
    body = [f"Nội dung dòng {k} của kế hoạch chuyển đổi số." for k in range(30)]
    paged = "\n".join([*body, "1/3", *body, "2/3", *body])
    assert not {"1/3", "2/3"} & {ln.text for ln in lines_of(paged)}


def test_the_rest_of_a_description_after_its_rows_figures_is_the_descriptions() -> None:
    """A tabbed table whose rows wrapped, cut a cell to a line: "… cung cấp dưới" / "100%" / "100%" / "dạng dịch
    vụ …". The rest is the description's (before: a cell too many, the row not placed, "dưới 100%" read as a
    comparator: a false "weaker")."""
    text = ("TT\nTên chỉ tiêu\nThành phố giao\nXã đăng ký\n"
            "1\nThủ tục hành chính đủ điều kiện được cung cấp dưới\n100%\n100%\ndạng dịch vụ công trực tuyến\n"
            "2\nTỷ lệ hồ sơ công việc được xử lý trên môi trường mạng\n75%\n80%\n(trừ hồ sơ mật)\n"
            "3\nVăn bản được ký số\nTrên 90%\nTrên 95%\n")
    rows = [ln.text for ln in wholecells.rows_of(lines_of(text)) if "\t" in ln.text]
    assert rows[1].split("\t") == [
        "1", "Thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến", "100%", "100%"]
    assert rows[2].split("\t")[1].endswith("(trừ hồ sơ mật)")


# --------------------------------------------------------------------------- 2c. "X." for xã (x_dot)


def test_x_dot_before_a_communes_name_ends_no_sentence(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"sắp xếp X. An Thái, X. An Thọ và X. Chiến Thắng của huyện An Lão": one sentence, the district history
    (before: cut at each "X.", HP215-BODIES on the district); "… sắp xếp các" / "X. Thái Minh, …" wrapped there is
    the sentence going on, not part X (before: UNITNAME on the former communes)."""
    filler = textwrap.wrap("Kế hoạch nhằm triển khai đồng bộ các nhiệm vụ ứng dụng công nghệ thông tin, chuyển "
                           "đổi số của thành phố giao; nâng cao chất lượng phục vụ người dân, doanh nghiệp. " * 4, 80)
    blocks = _read(tmp_path, "\n".join([
        "I. MỤC ĐÍCH", *filler, "",
        "Năm 2024, các xã cũ đã vận hành Hệ thống quản lý văn bản và điều hành; từ ngày",
        "01/7/2025, X. Đông Lâm đi vào hoạt động trên cơ sở sắp xếp toàn bộ diện tích các",
        "X. Thái Minh, Thúc Kháng và một phần X. Tân Hồng của huyện Bình Giang (cũ); các",
        "hệ thống thông tin của ba xã cũ đang được hợp nhất về một đầu mối, bảo đảm liên",
        "thông với các hệ thống dùng chung của thành phố.", ""]))
    assert any("diện tích các X. Thái Minh" in t for t in blocks), blocks
    from checker.checks.bodies import _sentences

    assert len(_sentences("Xã An Hưng được thành lập trên cơ sở sắp xếp X. An Thái, X. An Thọ và X. Chiến Thắng "
                          "của huyện An Lão. Ủy ban nhân dân xã lập Kế hoạch.")) == 2


RESULTS = ("\nPHỤ LỤC II\nKẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025 CỦA CÁC XÃ TRƯỚC SẮP XẾP\n"
           "(Số liệu tham khảo, không phải chỉ tiêu của Kế hoạch)\n\n"
           "TT\nNội dung\nXã Tiên Minh (cũ)\nXã Quang Phục (cũ)\n"
           "1\nHồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình\n73,5%\n68,2%\n"
           "2\nHồ sơ công việc được xử lý trên môi trường mạng\n61%\n58%\n"
           "3\nVăn bản được ký số\n86%\n"  # the other commune's cell empty: no line, the row not placed
           "4\nKết quả giải quyết thủ tục hành chính được số hóa\n74%\n70%\n")


def test_a_target_missing_beside_an_appendix_of_results_cut_a_cell_a_line(tmp_path: Path,
                                                                          packs: list[LoadedPack]) -> None:
    """The results' figures one to a line are no target's: a target the plan never sets is missing (an error),
    not "not judged" because its words stand near figures reached before the plan."""
    path = _plan(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + RESULTS, encoding="utf-8")
    hscv = [(f.kind, f.severity) for f in check_file(path, packs).findings if f.id == "HP215-TGT-HSCV"]
    assert hscv == [("missing", "error")]
