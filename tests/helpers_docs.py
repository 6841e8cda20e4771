"""Fixture builders: Word and PDF files made from text at test time (no binary fixtures are committed)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
)

# Our own sample text (not taken from the seeds): a plan header and a few lines with every kind of diacritic.
SAMPLE_LINES: list[str] = [
    "ỦY BAN NHÂN DÂN PHƯỜNG HOA PHƯỢNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 12/KH-UBND, ngày 05 tháng 9 năm 2025",
    "KẾ HOẠCH",
    "Ứng dụng công nghệ thông tin và chuyển đổi số năm 2025",
    "Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố,",
    "1. Mục tiêu: 100% hồ sơ được số hóa; người dân được hỗ trợ kỹ năng số, ưu tiên vùng khó khăn.",
    "2. Tổ chức thực hiện: Văn phòng HĐND và UBND phường chủ trì, phối hợp các đơn vị liên quan.",
    "Nơi nhận: lưu VT; quyết định có hiệu lực; lũy kế; thủ tướng; giữ vững; ẵm; ỵ.",
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def need_seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"thư mục mẫu {SEEDS} không có (chạy ngoài workplace)")
    return SEEDS


def seed(prefix: str) -> str:
    folder = need_seeds()
    found = sorted(folder.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"không có tệp mẫu {prefix}_*.txt")
    return found[0].read_text(encoding="utf-8")


# --------------------------------------------------------------------------- Word


def make_docx(
    path: Path,
    paragraphs: Sequence[str | tuple[str, str]] = (),
    *,
    table: Sequence[Sequence[str]] | None = None,
    after_table: Sequence[str] = (),
    header: Sequence[str] = (),
    footer: Sequence[str] = (),
    text_box: str | None = None,
    style_font: str | None = None,
) -> Path:
    """A .docx with paragraphs (a ``(text, font)`` pair sets the run's font), a table, more paragraphs.

    ``header``/``footer`` fill the first section's header and footer; ``text_box`` anchors a text box
    (DrawingML with a VML fallback) in the first body paragraph; ``style_font`` sets the Normal style's font.
    """
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    if style_font:
        d.styles["Normal"].font.name = style_font
    section = d.sections[0]
    for i, text in enumerate(header):
        p = section.header.paragraphs[0] if i == 0 else section.header.add_paragraph()
        p.text = text
    for i, text in enumerate(footer):
        p = section.footer.paragraphs[0] if i == 0 else section.footer.add_paragraph()
        p.text = text
    for item in paragraphs:
        text, font = (item, None) if isinstance(item, str) else item
        p = d.add_paragraph()
        run = p.add_run(text)
        if font:
            run.font.name = font
    if table is not None:
        t = d.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    for text in after_table:
        d.add_paragraph(text)
    if text_box is not None:
        body_p = d.paragraphs[0] if d.paragraphs else d.add_paragraph()
        # as Word writes it: a DrawingML text box, with a VML copy of the same text as the fallback
        box = f"<w:txbxContent><w:p><w:r><w:t>{text_box}</w:t></w:r></w:p></w:txbxContent>"
        xml = (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
            "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
        body_p._p.append(parse_xml(xml))
    d.save(str(path))
    return path


def rewrite_member(path: Path, member: str, new: bytes) -> None:
    """Replace one member of a zip (e.g. word/document.xml) keeping the others."""
    src = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = new if info.filename == member else zin.read(info.filename)
            zout.writestr(info.filename, data)
    path.write_bytes(out.getvalue())


def make_zip_bomb(path: Path, megabytes: int = 30) -> Path:
    """A zip named .docx whose word/document.xml is ``megabytes`` MB of one repeated byte (ratio ~1000:1)."""
    chunk = b"\x20" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            for _ in range(megabytes):
                fh.write(chunk)
    return path


# --------------------------------------------------------------------------- PDF


def font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    pytest.skip("không tìm thấy phông DejaVuSans.ttf (cài gói Debian fonts-dejavu-core) để tạo PDF thử")


def make_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """A PDF with a text layer: one list of lines per page, set in DejaVu Sans (covers Vietnamese)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", fname=font_path())
    pdf.set_font("dejavu", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_scan_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF of images only (what a scanner produces): no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    pdf = FPDF(format="A4")
    for _ in range(pages):
        img = Image.new("L", (400, 560), 255)
        ImageDraw.Draw(img).rectangle((40, 40, 360, 80), fill=0)
        pdf.add_page()
        pdf.image(img, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def encrypt_pdf(src: Path, dst: Path, user_password: str, owner_password: str = "chu-so-huu") -> Path:
    """Copy ``src`` encrypted with RC4-128 (needs no extra package)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(src)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    with dst.open("wb") as fh:
        writer.write(fh)
    return dst
