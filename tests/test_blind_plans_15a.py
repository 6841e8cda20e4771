"""Blind round 15a (tests/fixtures/blind-15a-expected.md; the files made by tests/fixtures/plans/word/make_round15a.py):
plans as the e-government document systems send them out, signed: the signature stamps as a floating text box, a Word
frame, or annotations added to the PDF (a FreeText annotation, signature widgets drawn by appearance streams); the
system's footer on every page and a running header from page 2; page breaks cutting a target, the targets table and
the signature; a "SAO Y BẢN CHÍNH" copy whose block is the last page; a landscape appendix page of targets. Each
.docx is checked as committed and as the PDF made of it (LibreOffice, then pypdf; skipped where LibreOffice is not
installed): every format gives the verdict of blind-15a-expected.md.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from test_blind_word_round12 import _found, _path  # a plan in a format made for the module; its findings

from checker.ingest import read
from checker.ingest.layout import _CUT as CUT
from checker.ingest.layout import _cut
from checker.ingest.pdf_grid import Run, lines_of, page_items, struck_out
from checker.ingest.stamps import without_stamps
from checker.models import Line, Location
from checker.parse.targets import _column_roles, _fractions
from checker.rules.loader import LoadedPack
from checker.text import fold

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
ROUND = [n for n in INDEX if f'"{n}"' in (PLANS / "word" / "make_round15a.py").read_text(encoding="utf-8")]
FORMATS = ["docx", "pdf"]


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every plan in every format: the committed .docx, and the PDF the signing system sends out."""
    made = {n: PLANS / n for n in ROUND}
    if shutil.which("soffice") or shutil.which("libreoffice"):
        sys.path.insert(0, str(PLANS / "word"))
        try:
            import make_round15a
        finally:
            sys.path.pop(0)
        out = tmp_path_factory.mktemp("round15a")
        made |= {p.name: p for p in make_round15a.pdf_variants([PLANS / n for n in ROUND], out)}
    return made


def test_round_plans_listed() -> None:
    assert len(ROUND) == 6 and sum(INDEX[n]["compliant"] for n in ROUND) == 3


@pytest.mark.parametrize(("name", "fmt"), [(n, f) for n in ROUND if INDEX[n]["compliant"] for f in FORMATS])
def test_compliant_plan_silent(name: str, fmt: str, variants: dict[str, Path], packs: list[LoadedPack]) -> None:
    assert _found(_path(variants, name, fmt), packs) == []


@pytest.mark.parametrize(("name", "fmt"), [(n, f) for n in ROUND if not INDEX[n]["compliant"] for f in FORMATS])
def test_defective_plan_found_exactly(name: str, fmt: str, variants: dict[str, Path],
                                      packs: list[LoadedPack]) -> None:
    """The .docx: every defect at its paragraph (a missing target wherever it is said) and nothing else; the PDF
    numbers its lines otherwise: the same findings by rule and kind."""
    found = _found(_path(variants, name, fmt), packs)
    want = sorted((d["id"], d["kind"], d.get("line")) for d in INDEX[name]["defects"])
    assert sorted((i, k) for i, k, _ in found) == [(i, k) for i, k, _ in want]
    if fmt == "docx":
        lines = {(i, k): line for i, k, line in found}
        assert all(lines[(i, k)] == line for i, k, line in want if line is not None)


# ----------------------------------------------------------------------------------------------------------------
# What the first run read wrongly (blind-15a-expected.md, "Measured"), pinned on inputs of their own.

def test_a_stamp_in_a_text_box_or_frame_is_not_the_plans_text() -> None:
    """Word: the signature stamp in a text box (over the header) or a frame is read as empty paragraphs, as the text
    and PDF readers read a stamp: its "Cơ quan: Huyện Kiến Thụy, …" (the certificate's former district) is no body
    the plan names. The paragraphs keep their numbers."""
    for name, agency in (("xa-nghi-duong-ky-so-hop-van-ban-dat-chuan.docx", "Huyện Kiến Thụy"),
                         ("phuong-nam-trieu-edoc-phu-luc-ngang-dat-chuan.docx", "Thành phố Thủy Nguyên")):
        doc = read(PLANS / name)
        assert not [line.text for line in doc.lines if "Ký bởi" in line.text or agency in line.text]
        assert not [b.text for b in doc.blocks if agency in b.text]
        assert [line.loc.line for line in doc.lines] == list(range(1, len(doc.lines) + 1))


def test_a_box_drawn_over_the_header_is_not_glued_to_its_lines() -> None:
    """A PDF: the stamp's box lies over the motto, its small lines at baselines between the motto's. They were
    grouped with the motto's line and glued to it ("… CHỦ NGHĨACơ quan: Huyện Kiến Thụy, …"): the stamp no longer
    read as one (its former district reported) and the motto lost (the national header said to be missing). A text
    drawn across another's letters at another baseline is a line of its own."""
    runs = [Run(x=394.8, end=557.9, y=795.2, height=8.0, text="Ký bởi: Ủy ban nhân dân xã Nghi Dương"),
            Run(x=394.8, end=541.6, y=785.9, height=8.0, text="Email: nghiduong@haiphong.gov.vn"),
            Run(x=394.8, end=597.2, y=776.6, height=8.0, text="Cơ quan: Huyện Kiến Thụy, Thành phố Hải Phòng"),
            Run(x=98.7, end=245.1, y=773.0, height=13.0, text="ỦY BAN NHÂN DÂN"),
            Run(x=286.3, end=522.3, y=770.6, height=13.0, text="CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
            Run(x=394.8, end=566.3, y=767.3, height=8.0, text="Thời gian ký: 26.09.2025 08:15:34 +07:00"),
            Run(x=108.2, end=235.6, y=754.6, height=13.0, text="XÃ NGHI DƯƠNG"),
            Run(x=366.1, end=442.6, y=752.3, height=13.0, text="VIỆT NAM")]
    runs += [Run(x=85.0, end=520.0, y=600.0 - 19.7 * k, height=14.0, text=f"Căn cứ dòng thứ {k} của đoạn văn bản")
             for k in range(4)]  # a paragraph below: the page's line step
    lines = [Line(text=t, loc=Location(line=n)) for n, (_, t) in enumerate(page_items(runs, []), 1)]
    text = "\n".join(line.text for line in without_stamps(lines))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in text and "ỦY BAN NHÂN DÂN" in text
    assert "Kiến Thụy" not in text and "Thời gian" not in text and "Email" not in text
    # a bold drawn twice in place stays one line's word
    bold = [Run(x=100, end=200, y=700, height=13, text="KẾ HOẠCH"), Run(x=100.3, end=200.3, y=700, height=13,
                                                                      text="KẾ HOẠCH")]
    assert len(lines_of(bold)) == 1


def test_the_edge_of_a_stamps_box_strikes_nothing_out() -> None:
    """The signer's stamp box laid over "CHỦ TỊCH": its top edge crosses the title's letters. Taken for a strike
    through (a tracked deletion printed), the title was dropped and the signature said to lack the signer's position.
    A horizontal line that meets vertical ones at both its ends is a box's edge; alone, it still strikes out."""
    title = Run(x=383.0, end=465.7, y=256.6, height=14.0, text="CHỦ TỊCH")
    edge = [(260.3, 325.45, 506.55)]
    sides = [(325.45, 234.3, 260.3), (506.55, 234.3, 260.3)]
    assert struck_out([title], edge, sides) == [title]
    assert struck_out([title], edge) == []


def test_a_footers_page_count_is_no_share() -> None:
    """eDoc's footer read once after the last page ("Văn bản được ký số trên Hệ thống …" / "Mã tra cứu: … Trang 1/5")
    ran on into the next line: "Trang 1/5 Kế hoạch …" was read as a share, 20%, of "Văn bản được ký số" (the
    signed-documents target said to be given two levels). A page and the page count (``page_words``) is no share;
    a share still is."""
    footer = fold("Mã tra cứu: 2509-NTR-000076 Trang 1/5 Kế hoạch số 76/KH-UBND")
    assert _fractions(footer) == footer
    assert "75%" in _fractions(fold("ít nhất 3/4 số hồ sơ"))


def test_the_units_column_named_with_its_name_is_the_plans() -> None:
    """Ái Quốc's targets table "STT | Chỉ tiêu | Thành phố giao | Phường Ái Quốc thực hiện": the last column was set
    aside ("thực hiện" heads results, not targets) and every row read at the city's figure, so a figure lowered in
    the ward's own column went unreported (tests/test_own_plans.py's planted 40%). The unit named in its column's
    header is the unit: "Phường Ái Quốc thực hiện" reads as "Phường thực hiện", the unit's undertaking."""
    assert _column_roles(["STT", "Chỉ tiêu", "Thành phố giao", "Phường Ái Quốc thực hiện"]) == {
        0: "ignore", 2: "reference", 3: "own"}
    assert _column_roles(["TT", "Chỉ tiêu", "Xã Nghi Dương đăng ký thực hiện"])[2] == "own"
    assert _column_roles(["TT", "Chỉ tiêu", "Kết quả phường đã thực hiện"])[2] == "ignore"


def test_a_comparator_and_its_figure_are_one_cell() -> None:
    """pdftotext -layout of Nam Triệu's appendix as tests/layouts.py renders it (tests/test_layouts_agree.py): on the
    table's second page the columns stand elsewhere and row 8's two figures are one space apart, "Trên 90% Trên 95%".
    The cut was made at the first place near the column's start, after the first "Trên": the city's cell read "Trên"
    and the ward's "90% Trên 95%" (HP215-TGT-KYSO weaker, "đạt 90%"). A comparator and its figure are one cell."""
    row = "8               Văn bản       Trên 90% Trên 95%    Văn phòng"
    assert _cut(row, [0, 16, 30, 39, 51]).split(CUT)[0].endswith("Trên 90%")


def test_a_stamp_over_the_motto_in_pdftotext_layout_text() -> None:
    """``pdftotext -layout`` of Nghi Dương's PDF: the stamp's lines at their column, the motto's first line drawn
    across that column between them. The stamp was taken to end there and none of it was blanked ("Cơ quan: Huyện
    Kiến Thụy, …": HP215-BODIES outdated). Another column's words running across the stamp's column do not end it;
    the motto stays."""
    text = ("                                                         Ký bởi: Ủy ban nhân dân xã Nghi Dương\n"
            "                                                         Email: nghiduong@haiphong.gov.vn\n"
            "  ỦY BAN NHÂN DÂN                                        Cơ quan: Huyện Kiến Thụy, Thành phố Hải Phòng\n"
            "                                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
            "                                                         Thời gian ký: 26.09.2025 08:15:34 +07:00\n"
            "   XÃ NGHI DƯƠNG                               VIỆT NAM\n")
    lines = [Line(text=t, loc=Location(line=n)) for n, t in enumerate(text.splitlines(), 1)]
    kept = "\n".join(line.text for line in without_stamps(lines))
    assert "Kiến Thụy" not in kept and "Thời gian" not in kept and "Ký bởi" not in kept
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in kept and "ỦY BAN NHÂN DÂN" in kept and "VIỆT NAM" in kept
