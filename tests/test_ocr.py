"""Scanned plans read by OCR (checker/ingest/ocr.py): pages that are pictures drawn by pdftoppm and read by Tesseract's
Vietnamese model, the words placed as a PDF's text is, a table's ruling found in the picture.

The scans are made here: a plan of this project's fixtures set in a PDF, each page drawn as a picture and put back in
a PDF of pictures only (what a scanner gives). The tests that read them skip, saying why, without pdftoppm,
Tesseract with its Vietnamese model (Debian: poppler-utils, tesseract-ocr, tesseract-ocr-vie) or the DejaVu fonts.
"""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers_docs import font_path, make_scan_pdf
from test_reviewer_outputs import run_check

from checker.errors import IngestError
from checker.ingest import Limits, ocr, pdf_grid, read

FIXTURES = Path(__file__).parent / "fixtures" / "plans"


def _needs_ocr() -> None:
    if not ocr.available():
        pytest.skip("không có OCR (cài poppler-utils, tesseract-ocr, tesseract-ocr-vie) để đọc bản quét")
    font_path()  # skips without the DejaVu fonts


def scan_of(text: str, path: Path, table: list[list[str]] | None = None, skew: float = 0.0) -> Path:
    """``text`` set in a PDF (DejaVu Sans: the spaces between columns keep them apart; long lines wrap), with
    ``table`` drawn ruled after it; each page then drawn as a picture at 200 dpi (turned ``skew`` degrees
    anticlockwise, a page fed crooked) and put in a PDF of pictures only."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", fname=font_path())
    pdf.set_font("dejavu", size=10)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 5.5, line or " ", new_x="LMARGIN", new_y="NEXT")
    if table:
        widths = [12, 110, 30, 30]
        for row in table:
            for w, cell in zip(widths, row, strict=True):
                pdf.cell(w, 9, cell, border=1)
            pdf.ln(9)
    text_pdf = path.with_suffix(".text.pdf")
    pdf.output(str(text_pdf))
    folder = path.parent / f"{path.stem}-pages"
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(text_pdf), str(folder / "p")], check=True)
    scan = FPDF(format="A4")
    for page in sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
        if skew:
            Image.open(page).convert("L").rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255).save(page)
        scan.add_page()
        scan.image(str(page), x=0, y=0, w=210, h=297)
    scan.output(str(path))
    return path


def _plan(stdout: str) -> dict[str, Any]:
    plans = json.loads(stdout)["plans"]
    assert len(plans) == 1
    return plans[0]  # type: ignore[no-any-return]


# ----------------------------------------------------------------- without Tesseract: the words, the ruling


def _tsv(words: list[tuple[int, int, int, int, int, float, str]]) -> str:
    """Tesseract's tsv: a page 2480x3508, and each word (line, left, top, width, height, conf, text) on its line."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t"]
    for k, (line, left, top, width, height, conf, text) in enumerate(words, start=1):
        rows.append(f"5\t1\t1\t1\t{line}\t{k}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows)


def test_words_of_a_tight_line_keep_their_spaces_and_a_dash_is_kept_a_speck_left_out() -> None:
    runs = ocr._phrases(ocr._words(_tsv([
        (1, 300, 1000, 20, 6, 90.0, "-"),  # a recipient's dash: as small as a speck, kept
        (1, 340, 980, 100, 50, 95.0, "Sở"),
        (1, 445, 980, 100, 50, 95.0, "Khoa"),  # 5 px apart: a tight justified line, still two words
        (1, 1400, 990, 8, 8, 0.0, "l"),  # a rule's end read as a letter with no confidence
        (1, 1500, 1000, 10, 7, 96.0, "`"),  # a dot read as a quote mark
        *((2, 340 + 110 * k, 1080, 100, 50, 95.0, "chữ") for k in range(5)),  # the page's words: 50 px high
        (3, 200, 1160, 3, 60, 64.0, "|"),  # a draft's change bar in the margin, as tall as the line it marks
        (3, 340, 1170, 40, 45, 94.0, "5."), (3, 400, 1160, 150, 55, 96.0, "Công"),
        (4, 340, 1270, 40, 45, 72.0, "5,"), (4, 440, 1255, 27, 79, 43.0, "_"),  # "_" where nothing is drawn (150 dpi)
        (4, 500, 1260, 150, 55, 96.0, "Đào"),
    ]), 3508))
    assert [r.text for r in runs] == ["- Sở Khoa", "chữ chữ chữ chữ chữ", "5. Công", "5,", "Đào"]


def _grid_picture(width: int, height: int) -> bytearray:
    """A white page with a ruled table: 3 columns, 2 rows, rules 3 px thick; a letter-sized stroke beside it."""
    px = bytearray(b"\xff" * (width * height))
    xs, ys = [100, 400, 700, 1000], [200, 400, 600]
    for y in ys:
        for t in range(3):
            px[(y + t) * width + xs[0]:(y + t) * width + xs[-1] + 3] = b"\x00" * (xs[-1] + 3 - xs[0])
    for x in xs:
        for t in range(3):
            px[ys[0] * width + x + t:(ys[-1] + 3) * width + x + t:width] = b"\x00" * (ys[-1] + 3 - ys[0])
    for y in range(250, 290):  # a letter's stroke: 40 px high, under a quarter inch at 300 dpi
        px[y * width + 1200] = 0
    return px


def test_a_tables_ruling_is_found_in_the_picture_and_whitened() -> None:
    width, height = 1300, 800
    px = _grid_picture(width, height)
    horizontal, vertical = ocr.rules(width, height, px)
    assert len(horizontal) == 3 and len(vertical) == 4  # a rule 3 px thick is one rule
    scale = 72 / ocr.DPI
    assert sorted(round(v[0] / scale) for v in vertical) == [101, 401, 701, 1001]
    assert all(px[y * width + 550] == 255 for y in range(190, 610))  # the rules whitened, where the cells are
    assert px[270 * width + 1200] == 0  # a letter's stroke is not a rule


def test_a_crooked_pages_ruling_is_found_once_the_page_is_straightened() -> None:
    from PIL import Image

    width, height = 1300, 800
    straight = _grid_picture(width, height)
    picture = Image.frombytes("L", (width, height), bytes(straight)).rotate(1.5, fillcolor=255)
    px = bytearray(picture.tobytes())
    slope = ocr.skew(width, height, px)
    assert abs(slope + math.tan(math.radians(1.5))) < 0.002  # lines rising to the right: y falls as x grows
    horizontal, vertical = ocr.rules(width, height, ocr.deskewed(width, height, px, slope))
    grid, = pdf_grid.grids_of(horizontal, vertical)
    scale = 72 / ocr.DPI
    assert [round(x / scale) for x in grid.xs] == pytest.approx([101, 401, 701, 1001], abs=4)
    assert len(grid.ys) == 3
    assert ocr.skew(width, height, straight) == 0.0  # a square page is read as it is


def test_ocr_words_in_a_ruled_table_make_its_cells() -> None:
    width, height = 1300, 800
    horizontal, vertical = ocr.rules(width, height, _grid_picture(width, height))
    words = ocr._words(_tsv([
        (1, 130, 260, 60, 50, 95.0, "1"), (1, 430, 260, 150, 50, 95.0, "Hồ sơ"), (1, 730, 260, 100, 50, 95.0, "80%"),
        (2, 130, 460, 60, 50, 95.0, "2"), (2, 430, 460, 150, 50, 95.0, "Báo cáo"),
        (2, 730, 460, 100, 50, 95.0, "100%"),
    ]), height)
    items = pdf_grid.page_items(words, pdf_grid.grids_of(horizontal, vertical))
    assert items == [("table", [["1", "Hồ sơ", "80%"], ["2", "Báo cáo", "100%"]])]


def test_a_cell_the_table_mode_left_empty_keeps_the_page_modes_number() -> None:
    width, height = 1300, 800
    picture = b"P5\n%d %d\n255\n" % (width, height) + bytes(_grid_picture(width, height))
    page = _tsv([(1, 130, 260, 40, 50, 95.0, "2_"), (1, 430, 260, 150, 50, 95.0, "Hồ"),
                 (1, 730, 260, 100, 50, 95.0, "80%"), (2, 130, 460, 60, 50, 40.0, "vy_")])
    table = _tsv([(1, 430, 260, 150, 50, 95.0, "Hồ sơ"), (1, 730, 260, 100, 50, 95.0, "80%")])  # "2" dropped
    items = ocr.page_items(picture, lambda _picture, mode: table if mode == ocr.TABLE_MODE else page)
    assert items == [("table", [["2", "Hồ sơ", "80%"], ["", "", ""]])]  # no word but a number taken


def test_a_cell_both_readings_left_empty_with_ink_in_it_is_read_again_for_a_rows_number() -> None:
    width, height = 1300, 800
    px = _grid_picture(width, height)
    for y0 in (270, 470):  # a "3" in the first column's two cells (50 px high), both readings dropped them
        for y in range(y0, y0 + 50):
            px[y * width + 230:y * width + 255] = b"\x00" * 25
    picture = b"P5\n%d %d\n255\n" % (width, height) + bytes(px)
    words = _tsv([(1, 430, 260, 150, 50, 95.0, "Hồ sơ"), (1, 730, 260, 100, 50, 95.0, "80%"),
                  (2, 430, 460, 150, 50, 95.0, "Báo cáo")])
    asked: list[str] = []

    def tsv_of(_picture: bytes, mode: str) -> str:  # the stacked pieces: the first at 30 px, the next 110 px down
        asked.append(mode)
        return words if mode != ocr.BLOCK_MODE else _tsv([(1, 30, 30, 25, 50, 90.0, "3"),
                                                          (2, 30, 110, 25, 50, 40.0, "vy_")])

    items = ocr.page_items(picture, tsv_of)
    assert items == [("table", [["3", "Hồ sơ", "80%"], ["", "Báo cáo", ""]])]  # a row's number only is taken
    assert asked == [ocr.PAGE_MODE, ocr.TABLE_MODE, ocr.BLOCK_MODE]  # one reading for the page's pieces


def test_a_headings_number_the_page_reading_left_out_is_read_again() -> None:
    width, height = 1300, 800
    px = bytearray(b"\xff" * (width * height))
    for y in range(215, 255):  # a "5" drawn apart, left of its full stop, as an automatic list's number is
        px[y * width + 150:y * width + 175] = b"\x00" * 25
    picture = b"P5\n%d %d\n255\n" % (width, height) + bytes(px)
    page = _tsv([(1, 190, 245, 8, 8, 92.0, "."), (1, 230, 200, 160, 60, 96.0, "Công"),
                 (1, 410, 215, 80, 45, 96.0, "an"), (2, 230, 400, 160, 60, 96.0, "Không"),
                 (3, 190, 545, 8, 8, 92.0, "."), (3, 230, 500, 160, 60, 96.0, "Hết")])  # nothing left of this stop
    asked: list[str] = []

    def tsv_of(_picture: bytes, mode: str) -> str:
        asked.append(mode)
        return page if mode == ocr.PAGE_MODE else _tsv([(1, 20, 20, 40, 45, 90.0, "5.")])

    lines = [text.strip() for kind, text in ocr.page_items(picture, tsv_of) if kind == "line" and text.strip()]
    assert lines == ["5. Công an", "Không", ". Hết"]
    assert asked == [ocr.PAGE_MODE, ocr.LINE_MODE]


def test_a_headings_number_close_to_its_stop_is_read_again() -> None:
    """A "5" whose last stroke ends 8 pixels before its full stop (300 dpi): there is ink left of the stop."""
    width, height = 1300, 800
    px = bytearray(b"\xff" * (width * height))
    for y in range(215, 255):
        px[y * width + 160:y * width + 182] = b"\x00" * 22
    picture = b"P5\n%d %d\n255\n" % (width, height) + bytes(px)
    page = _tsv([(1, 190, 245, 8, 8, 92.0, "."), (1, 230, 200, 160, 60, 96.0, "Công"),
                 (1, 410, 215, 80, 45, 96.0, "an")]) + "\n4\t1\t1\t1\t1\t0\t190\t200\t300\t60\t-1\t"  # its line

    def tsv_of(_picture: bytes, mode: str) -> str:
        return page if mode == ocr.PAGE_MODE else _tsv([(1, 20, 20, 40, 45, 90.0, "5.")])

    assert [t.strip() for k, t in ocr.page_items(picture, tsv_of) if k == "line" and t.strip()] == ["5. Công an"]


def test_a_change_bar_read_as_a_full_stop_is_left_out() -> None:
    """A draft's change bar beside a heading, one line high (too short for a rule), read as "." at 12 in 100: no
    full stop is as tall as its line's letters; a full stop's own small box is kept."""
    runs = ocr._phrases(ocr._words(_tsv([
        (1, 325, 434, 1, 68, 12.0, "."), (1, 430, 445, 45, 43, 49.0, "5."), (1, 502, 440, 150, 60, 96.0, "Công"),
        (2, 430, 545, 45, 43, 96.0, "6"), (2, 480, 580, 8, 8, 92.0, "."), (2, 502, 540, 150, 60, 96.0, "Các")]),
        3508))
    assert [r.text for r in runs] == ["5. Công", "6 . Các"]


def test_a_figure_cell_takes_the_reading_ocr_is_surer_of() -> None:
    """"≥ 85" drawn with its bar: the table mode read ">685" (56 in 100), the page mode "> 85" (93, 96)."""
    width, height = 1300, 800
    picture = b"P5\n%d %d\n255\n" % (width, height) + bytes(_grid_picture(width, height))
    page = _tsv([(1, 430, 260, 150, 50, 95.0, "Hồ sơ"), (1, 730, 267, 29, 27, 93.0, ">"),
                 (1, 780, 260, 51, 35, 96.0, "85")])
    table = _tsv([(1, 430, 260, 150, 50, 95.0, "Hồ sơ"), (1, 730, 260, 102, 35, 56.0, ">685")])
    items = ocr.page_items(picture, lambda _picture, mode: table if mode == ocr.TABLE_MODE else page)
    assert items == [("table", [["", "Hồ sơ", "> 85"], ["", "", ""]])]


def test_a_figure_ocr_is_unsure_of_is_read_again_in_its_cell_alone() -> None:
    """A clean "80" both modes read "30", sure of it at 8 in 100: the cell's ink alone reads "80" at 97."""
    width, height = 1300, 800
    px = _grid_picture(width, height)
    for y in range(270, 320):  # the figure's ink
        px[y * width + 800:y * width + 850] = b"\x00" * 50
    picture = b"P5\n%d %d\n255\n" % (width, height) + bytes(px)
    words = _tsv([(1, 430, 260, 150, 50, 95.0, "Hồ sơ"), (1, 800, 270, 50, 50, 8.4, "30")])
    asked: list[str] = []

    def tsv_of(_picture: bytes, mode: str) -> str:
        asked.append(mode)
        return words if mode != ocr.BLOCK_MODE else _tsv([(1, 30, 30, 50, 50, 96.6, "80")])

    assert ocr.page_items(picture, tsv_of) == [("table", [["", "Hồ sơ", "80"], ["", "", ""]])]
    assert asked == [ocr.PAGE_MODE, ocr.TABLE_MODE, ocr.BLOCK_MODE]


def test_a_tables_header_repeated_on_the_next_page_is_known_though_ocr_read_it_otherwise() -> None:
    from checker.ingest.pdf import _lines_of

    header = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    pages = [[("table", [header, ["2", "Số hóa 100% kết quả giải", "Trung tâm", "Các phòng"]])],
             [("table", [["ST", "Nhiệm vụ", "Đơn vi chủ trì", "Đơn vị phối hợp"],  # OCR's reading on that page
                         ["", "quyết thủ tục hành chính", "Phục vụ hành chính công", "chuyên môn"]])]]
    lines, tables = _lines_of(pages)
    assert tables == 1
    assert [ln.text for ln in lines if ln.loc.row == 2] == [
        "2", "Số hóa 100% kết quả giải quyết thủ tục hành chính", "Trung tâm Phục vụ hành chính công",
        "Các phòng chuyên môn"]
    assert max(ln.loc.row or 0 for ln in lines) == 2


def test_a_row_with_its_own_figures_whose_number_ocr_lost_is_not_the_rest_of_the_row_above() -> None:
    """The page break falls between rows 2 and 3; OCR lost row 3's number (alone in its narrow column): a row with
    its own figures under a row with figures is a row of its own, not the rest of row 2 (its targets were joined
    into row 2's and lost). Typed, a first cell left empty still joins (a row cut inside its cells)."""
    from checker.ingest.pdf import _lines_of

    header = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thành phố giao", "Phường thực hiện"]
    pages = [[("table", [header, ["1", "Thủ tục hành chính trực tuyến toàn trình", "%", "100", "100"],
                         ["2", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", "> 80", "> 85"]])],
             [("table", [["", "Kết quả giải quyết thủ tục hành chính được số hóa", "%", "100", "100"],
                         ["4", "Mức độ hài lòng của người dân", "%", "> 90", "> 90"]])]]
    lines, _tables = _lines_of(pages, read_by_ocr={1, 2})
    assert [ln.text for ln in lines if ln.loc.row == 3] == ["2", "Hồ sơ thủ tục hành chính được xử lý trực tuyến "
                                                            "toàn trình", "%", "> 80", "> 85"]
    assert [ln.text for ln in lines if ln.loc.row == 4][1:] == ["Kết quả giải quyết thủ tục hành chính được số hóa",
                                                                "%", "100", "100"]
    typed, _tables = _lines_of(pages)
    assert max(ln.loc.row or 0 for ln in typed) == 4  # joined where the text layer says so


def test_a_tables_numbering_column_is_known_with_a_number_lost_and_its_header_misread() -> None:
    """OCR read the header's "TT" as "TL" and lost row 3's number: the column still numbers the rows (2, then a row
    without a number, then 4), so "1" under the row's "%" is no target of 1%."""
    from checker.parse.targets import targets_in_rows

    rows = [["TL", "Chỉ tiêu", "Đơn", "Năm 2025", ""], ["", "", "VỊ tính", "Thành phô giao", "Phườ ng thực hiện"],
            ["1", "Thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình", "%", "100", "100"],
            ["2", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", "> 80", "> 85"],
            ["", "Kết quả giải quyết thủ tục hành chính được số hóa theo quy định", "%", "100", "100"],
            ["4", "Mức độ hài lòng của người dân, doanh nghiệp", "%", "> 90", "> 90"]]
    cells = [[(c, 10 * i + j) for j, c in enumerate(r)] for i, r in enumerate(rows)]
    assert [(t.value, t.reference_value) for t in targets_in_rows(cells, {})] == [(100, 100), (85, 80), (100, 100),
                                                                               (90, 90)]


def test_a_heading_number_read_with_a_comma_gets_its_full_stop_back() -> None:
    lines = ["5, Nâng cao nhận thức", "II, NHIỆM VỤ", "5, 6 và 7 tháng", "12, đào tạo", "ngày 4, Hà Nội",
             "VI     TỔ CHỨC THỰC HIỆN", "VI     Tổ chức", "1     Hồ sơ TTHC      80%"]
    assert [t for _k, t in ocr._undo_misreadings([("line", t) for t in lines])] == [
        "5. Nâng cao nhận thức", "II. NHIỆM VỤ", "5, 6 và 7 tháng", "12, đào tạo", "ngày 4, Hà Nội",
        "VI.     TỔ CHỨC THỰC HIỆN", "VI     Tổ chức", "1     Hồ sơ TTHC      80%"]


def test_pgm_header_with_a_comment() -> None:
    width, height, px = ocr._pgm(b"P5\n# pdftoppm\n3 2\n255\n" + bytes(range(6)))
    assert (width, height, bytes(px)) == (3, 2, bytes(range(6)))


def test_a_scan_without_ocr_installed_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(IngestError) as err:
        read(make_scan_pdf(tmp_path / "scan.pdf"))
    assert "tesseract-ocr-vie" in str(err.value) and "ocrmypdf -l vie" in str(err.value)
    assert "\n" not in str(err.value)


def test_a_scan_with_ocr_turned_off_says_so(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        read(make_scan_pdf(tmp_path / "scan.pdf"), Limits(ocr=False))
    assert "--no-ocr" in str(err.value)


# ----------------------------------------------------------------- with Tesseract


def test_a_picture_without_words_is_still_unreadable(tmp_path: Path) -> None:
    _needs_ocr()
    with pytest.raises(IngestError) as err:
        read(make_scan_pdf(tmp_path / "scan.pdf", pages=1))
    assert "không có lớp văn bản" in str(err.value) and "OCR không đọc được chữ nào" in str(err.value)


COMPLIANT = "xa-vinh-bao-gach-dau-dong.txt"  # targets as "+" items, two-column header and closing


def test_a_scanned_compliant_plan_is_checked_without_a_false_alarm(tmp_path: Path) -> None:
    _needs_ocr()
    scan = scan_of((FIXTURES / COMPLIANT).read_text(encoding="utf-8"), tmp_path / "ban-quet.pdf")
    proc = run_check(scan, "--format", "json", "-o", tmp_path / "out", "-j", "1", cwd=tmp_path)
    plan = _plan(proc.stdout)
    assert plan["status"] == "checked" and plan["unit"] == "Xã Vĩnh Bảo", proc.stderr
    assert any("OCR" in n for n in plan["notes"])
    loud = [(f["id"], f["evidence"]) for f in plan["findings"] if f["severity"] != "info"]
    assert loud == [] and proc.returncode == 0


def test_a_scanned_plan_with_a_lower_target_is_found_on_its_page(tmp_path: Path) -> None:
    _needs_ocr()
    text = (FIXTURES / COMPLIANT).read_text(encoding="utf-8")
    assert "không thấp hơn 80%" in text
    scan = scan_of(text.replace("không thấp hơn 80%", "không thấp hơn 60%"), tmp_path / "ban-quet.pdf")
    proc = run_check(scan, "--format", "json", "-o", tmp_path / "out", "-j", "1", "--timeout", "1",
                     cwd=tmp_path)  # a second is far too short for the OCR: its time is added to --timeout
    plan = _plan(proc.stdout)
    assert plan["status"] == "checked", plan.get("reason")
    found = [f for f in plan["findings"] if f["severity"] != "info"]
    assert [(f["id"], f["kind"]) for f in found] == [("HP215-TGT-HOSO", "weaker")], found
    assert "60%" in found[0]["evidence"] and found[0]["location"]["page"] == 1
    assert proc.returncode == 1


@pytest.mark.parametrize("skew", [0.0, -1.5])
def test_a_ruled_target_table_in_a_scan_is_read_as_a_table(tmp_path: Path, skew: float) -> None:
    _needs_ocr()
    text = (FIXTURES / COMPLIANT).read_text(encoding="utf-8")
    scan = scan_of(text, tmp_path / "bang.pdf", table=[["TT", "Chỉ tiêu", "Thành phố", "Xã"],
                                                        ["1", "Hồ sơ TTHC trực tuyến toàn trình", "80%", "85%"]],
                   skew=skew)  # a page fed crooked: straightened before its ruling is looked for
    doc = read(scan)
    cells = [ln.text for ln in doc.lines if ln.loc.table is not None]
    assert cells[:4] == ["TT", "Chỉ tiêu", "Thành phố", "Xã"]
    assert cells[4:] == ["1", "Hồ sơ TTHC trực tuyến toàn trình", "80%", "85%"]
    assert doc.ocr


# ----------------------------------------------------------------- what a recognised text is judged for


def _findings_of(text: str, tmp_path: Path, *, ocr_read: bool) -> list[tuple[str, str]]:
    from checker.engine import run
    from checker.parse import parse
    from checker.rules.loader import load_all

    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path).model_copy(update={"ocr": ocr_read})
    pack = next(p for p in load_all([]) if p.pack.directive.number == "215/KH-UBND")
    return [(f.id, f.severity) for f in run(parse(doc), pack) if f.id in ("HP215-UNITNAME", "HP215-NUMBERING")]


def test_a_misread_mark_in_the_units_name_or_a_misread_part_number_is_info_on_a_scan(tmp_path: Path) -> None:
    text = (FIXTURES / COMPLIANT).read_text(encoding="utf-8")
    assert "UBND XÃ VĨNH BẢO" in text and "III. KINH PHÍ" in text
    misread = text.replace("UBND XÃ VĨNH BẢO", "UBND XÃ VĨNH BÁO").replace("III. KINH PHÍ", "II. KINH PHÍ")
    typed = _findings_of(misread, tmp_path, ocr_read=False)
    assert sorted(typed) == [("HP215-NUMBERING", "warning"), ("HP215-UNITNAME", "warning")]  # typed so: the plan's
    assert sorted(_findings_of(misread, tmp_path, ocr_read=True)) == [("HP215-NUMBERING", "info"),
                                                                      ("HP215-UNITNAME", "info")]


def test_a_letter_read_for_a_digit_in_a_figure_is_the_digit_on_a_page_read_by_ocr() -> None:
    items = ocr._undo_misreadings([
        ("line", "+ Văn bản được ký số (trừ văn bản mật): > Q5%, hoàn thành trong Q4/2025"),
        ("table", [["1", "Văn bản được ký số", "> Q5", "9Q,5%"], ["2", "Báo cáo quý 4", "Q4/2025", "IQ5%"]])])
    assert items == [("line", "+ Văn bản được ký số (trừ văn bản mật): > 95%, hoàn thành trong Q4/2025"),
                     ("table", [["1", "Văn bản được ký số", "> 95", "99,5%"],
                                ["2", "Báo cáo quý 4", "Q4/2025", "IQ5%"]])]  # a quarter, a word: not figures


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_quarter_typed_in_a_text_or_word_plan_is_kept(tmp_path: Path, suffix: str) -> None:
    from helpers_docs import make_docx

    from checker.text import fold

    text = (FIXTURES / COMPLIANT).read_text(encoding="utf-8")
    assert "+ Trên 92% văn bản được ký số" in text
    typed = text.replace("+ Trên 92% văn bản được ký số", "+ Đến Q4/2025 (quý 4 năm 2025), trên 92% văn bản được ký số")
    path = tmp_path / f"plan{suffix}"
    if suffix == ".txt":
        path.write_text(typed, encoding="utf-8")
    else:
        make_docx(path, typed.splitlines())
    doc = read(path)
    line = next(ln.text for ln in doc.lines if "Q4/2025" in ln.text)
    assert not doc.ocr and "94" not in fold(line) and "(quy 4 nam 2025), tren 92%" in fold(line)  # typed: a quarter


def test_the_page_time_limit_is_the_environments_and_a_page_over_it_is_unreadable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = make_scan_pdf(tmp_path / "scan.pdf", pages=2)
    monkeypatch.setattr(ocr, "available", lambda: True)
    announced: list[float] = []
    monkeypatch.setattr(ocr, "announce", announced.append)
    monkeypatch.setenv(ocr.PAGE_SECONDS_ENV, "45")

    class Clock:  # each look at the clock a minute later: the page's first process starts past its time
        now = 0.0

        def monotonic(self) -> float:
            self.now += 60.0
            return self.now

    monkeypatch.setattr(ocr, "time", Clock())
    with pytest.raises(IngestError) as err:
        ocr.read_pages(scan, [1, 2])
    assert "OCR không đọc xong một trang trong 45 giây" in str(err.value)
    assert announced == [90.0]
    for wrong in ("", "0", "-5", "nan", "inf", "một phút"):
        monkeypatch.setenv(ocr.PAGE_SECONDS_ENV, wrong)
        assert ocr.page_seconds() == ocr.PAGE_SECONDS
