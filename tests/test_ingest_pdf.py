"""PDF reader: lines and pages from the text layer, scans, passwords, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_docs import SAMPLE_LINES, encrypt_pdf, make_pdf, make_scan_pdf

from checker.errors import IngestError
from checker.ingest import read


def test_lines_pages_and_diacritics(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "kh.pdf", [SAMPLE_LINES[:5], SAMPLE_LINES[5:8]])
    doc = read(path)
    assert doc.format == "pdf"
    assert [x.text.strip() for x in doc.lines] == SAMPLE_LINES[:8]
    assert [x.loc.page for x in doc.lines] == [1] * 5 + [2] * 3
    assert [x.loc.line for x in doc.lines] == list(range(1, 9))
    assert doc.notes == []


def test_scan_without_text_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where OCR is not installed (with it: tests/test_ocr.py)."""
    from checker.ingest import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    path = make_scan_pdf(tmp_path / "scan.pdf")
    with pytest.raises(IngestError) as err:
        read(path)
    msg = str(err.value)
    assert "không có lớp văn bản" in msg
    assert "ocrmypdf -l vie" in msg
    assert "\n" not in msg


def test_password_protected(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [SAMPLE_LINES[:3]])
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf", user_password="bi-mat")
    with pytest.raises(IngestError, match="mật khẩu"):
        read(locked)


def test_encrypted_with_empty_user_password_reads(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [SAMPLE_LINES[:3]])
    owner_only = encrypt_pdf(plain, tmp_path / "owner.pdf", user_password="")
    assert [x.text.strip() for x in read(owner_only).lines] == SAMPLE_LINES[:3]


def test_truncated_pdf(tmp_path: Path) -> None:
    full = make_pdf(tmp_path / "full.pdf", [SAMPLE_LINES[:5]]).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(full[: len(full) // 3])
    with pytest.raises(IngestError):
        read(cut)


def test_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "gia.pdf"
    fake.write_bytes(b"day khong phai PDF\n" * 20)
    with pytest.raises(IngestError, match="không phải tệp PDF"):
        read(fake)


def test_hanging_indent_item_is_not_a_wrapped_column() -> None:
    """A list item saved as PDF by LibreOffice: the marker "g)" drawn apart, the text at the tab stop, the second
    line under the marker (a hanging indent). The second line continues the item; it is not the marker column's
    wrapped text (it was joined to "g)" and the target's figure went missing)."""
    from checker.ingest.pdf_grid import Run, join_wrapped_columns

    runs = [Run(x=90.1, end=101.4, y=670.4, height=11.0, text="g)"),
            Run(x=126.1, end=518.8, y=670.4, height=11.0, text="Tối thiểu 50% cán bộ được tập huấn, bồi "),
            Run(x=90.1, end=192.0, y=655.7, height=11.0, text="dưỡng kỹ năng số;")]
    assert [r.text for r in join_wrapped_columns(runs)] == [r.text for r in runs]
    # a two-column header's wrapped unit name is still put back on its line
    header = [Run(x=60.0, end=300.0, y=780.0, height=11.0, text="ỦY BAN NHÂN DÂN PHƯỜNG GIA"),
              Run(x=330.0, end=560.0, y=780.0, height=11.0, text="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
              Run(x=60.0, end=100.0, y=766.0, height=11.0, text="VIÊN")]
    assert [r.text for r in join_wrapped_columns(header)][0] == "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN"



def test_header_column_broken_at_a_hyphen_is_put_back_whole() -> None:
    """A narrow header column broke "52/KH-UBND" at its hyphen: the rest, centred on the next line, goes back on its
    line with no space (before: the number stayed cut, and the plan was said to have none). A dash between words
    ("Tự do -" / "Hạnh phúc") keeps its space."""
    from checker.ingest.pdf_grid import Run, join_wrapped_columns

    runs = [Run(x=90.1, end=205.8, y=709.8, height=11.0, text="UY BAN NHAN DAN"),
            Run(x=102.3, end=283.0, y=685.1, height=11.0, text="PHUONG LUU KIEM s6: 52/KH-"),
            Run(x=174.8, end=210.6, y=670.4, height=11.0, text="UBND"),
            Run(x=332.3, end=484.9, y=670.4, height=11.0, text="Doc lap - Tu do - Hanh phuc")]
    assert [r.text for r in join_wrapped_columns(runs)][1] == "PHUONG LUU KIEM s6: 52/KH-UBND"
    motto = [Run(x=60.0, end=300.0, y=780.0, height=11.0, text="ỦY BAN NHÂN DÂN"),
             Run(x=330.0, end=548.0, y=780.0, height=11.0, text="Độc lập - Tự do -"),
             Run(x=400.0, end=478.0, y=766.0, height=11.0, text="Hạnh phúc"),
             Run(x=60.0, end=300.0, y=766.0, height=11.0, text="PHƯỜNG AN BIÊN")]
    assert "Độc lập - Tự do - Hạnh phúc" in [r.text for r in join_wrapped_columns(motto)]


def test_words_placed_one_by_one_make_the_columns_of_their_line() -> None:
    """A producer that places each word on its own: a header line's words a space apart are one column, far apart
    two; the motto below "CỘNG HÒA …" is not put inside its first word as that word's wrapped text (before: the
    header read "CỘNG Độc HÒA XÃ HỘI …"); a change of font inside a word adds no space."""
    from checker.ingest.pdf_grid import Run, join_wrapped_columns, word_runs_joined

    def words(x: float, y: float, text: str, space: float = 3.0, per_char: float = 6.0) -> list[Run]:
        out = []
        for w in text.split():
            out.append(Run(x=x, end=x + per_char * len(w), y=y, height=10.0, text=w))
            x = out[-1].end + space
        return out

    runs = [*words(57.0, 780.0, "ỦY BAN NHÂN DÂN"), *words(300.0, 780.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            *words(57.0, 765.0, "PHƯỜNG AN BIÊN"), *words(300.0, 765.0, "Độc lập - Tự do - Hạnh phúc"),
            Run(x=57.0, end=93.0, y=740.0, height=10.0, text="Tối th"), Run(x=93.0, end=111.0, y=740.0,
                                                                              height=10.0, text="iểu"),
            *words(114.0, 740.0, "80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình trong năm 2025 này")]
    got = [r.text for r in join_wrapped_columns(word_runs_joined(runs))]
    assert got == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG AN BIÊN",
                   "Độc lập - Tự do - Hạnh phúc",
                   "Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình trong năm 2025 này"]
    assert [r.text for r in runs[:2]] == ["ỦY", "BAN"]  # the runs given are left as they are


def test_a_pdf_of_words_placed_one_by_one_reads_its_header(tmp_path: Path) -> None:
    """The same through the reader, on a PDF whose header words are each placed on their own."""
    from fpdf import FPDF
    from helpers_docs import font_path

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", font_path())
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for y, left, right in ((20, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                           (25, "PHƯỜNG AN BIÊN", "Độc lập - Tự do - Hạnh phúc")):
        for x0, text in ((20.0, left), (105.0, right)):
            x = x0
            for word in text.split():
                pdf.text(x, y, word)
                x += pdf.get_string_width(word + " ")
    pdf.text(20, 40, "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng về")
    pdf.output(str(tmp_path / "tung-chu.pdf"))
    texts = [ln.text for ln in read(tmp_path / "tung-chu.pdf").lines]
    assert " ".join(texts[0].split()) == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", texts[:3]
    assert " ".join(texts[1].split()) == "PHƯỜNG AN BIÊN Độc lập - Tự do - Hạnh phúc", texts[:3]


def test_bullet_drawn_alone_is_a_marker_not_a_column() -> None:
    """A justified "+" item with its first line indented (NĐ 30/2020), saved as PDF by LibreOffice: the bullet is
    drawn alone with no space after it, the text at the tab stop, the second line back at the margin, its centre
    under the bullet's. It continues the item (before: joined to "+" as a centred column's wrapped text, ahead of
    the item's first line, and the target "100%" went missing)."""
    from checker.ingest.pdf_grid import Run, join_wrapped_columns

    runs = [Run(x=118.5, end=127.7, y=241.7, height=11.0, text="+"),
            Run(x=162.1, end=521.0, y=241.7, height=11.0,
                text="Kết quả giải quyết thủ tục hành chính được số hóa theo quy"),
            Run(x=90.1, end=156.9, y=227.0, height=11.0, text="định: 100%.")]
    assert [r.text for r in join_wrapped_columns(runs)] == [r.text for r in runs]


def test_pypdf_complaints_stay_off_stderr(tmp_path: Path) -> None:
    """A font whose /Encoding pypdf does not know makes it log at ERROR level; the user must not see it."""
    import subprocess
    import sys

    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in ("KE HOACH", "Ung dung cong nghe thong tin nam 2025", "1. Muc tieu", "2. Nhiem vu"):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    raw = bytes(pdf.output())
    assert raw.count(b"/WinAnsiEncoding") == 1
    plan = tmp_path / "ma-hoa-la.pdf"
    plan.write_bytes(raw.replace(b"/WinAnsiEncoding", b"/WinAnsiEncodinX"))  # same length: offsets stay right
    done = subprocess.run([sys.executable, "-m", "checker", str(plan), "-o", str(tmp_path / "out"), "--format", "json"],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "encoding" not in done.stderr.lower()
    assert "pypdf" not in done.stderr.lower()
