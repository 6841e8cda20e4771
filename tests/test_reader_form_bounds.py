"""Where the reader's blocks of the document's form begin and end (NĐ 30/2020/NĐ-CP, Phụ lục I), and a number that
goes on a wrapped sentence. The texts are written here (not taken from any plan):

- the title block is the type name and the trích yếu under it, one or a few lines: a "Căn cứ", "Thực hiện", "Để thực
  hiện" line, a part heading, a sentence-paragraph (a capital, then a full stop or a colon closing it) or an
  addressee ("Kính gửi:") ends it, with or without a blank line before; a trích yếu that opens with "Thực hiện ..."
  is still the trích yếu;
- "… theo Đề án" / "06. Đẩy mạnh …" (Đề án 06 wrapped after its type name) is one sentence, not a list item "06.";
- the motto wrapped in its column ("Độc lập - Tự do -" / "Hạnh phúc") is one header block;
- a joint plan's symbol "12/KHLT-ĐU-UBND" is read whole.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.ingest import layout, read
from checker.ingest.txt import lines_of, pipe_tables
from checker.models import Block
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

HEAD = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HẢI AN                                  Độc lập - Tự do - Hạnh phúc
Số: 52/KH-UBND                          Hải An, ngày 03 tháng 9 năm 2025

KẾ HOẠCH
"""
SUBJECT = "Ứng dụng công nghệ thông tin và chuyển đổi số trong cơ quan nhà nước phường Hải An 6 tháng cuối năm 2025"
PREAMBLE = ("Để thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng về Ứng dụng "
            "công nghệ thông tin và Chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm "
            "2025, Ủy ban nhân dân phường Hải An ban hành Kế hoạch như sau:")
BODY = Path(__file__).resolve().parents[1] / "plans" / "phuong-hai-an-dat.txt"


def _body() -> str:
    """The part headings and everything after them of the project's own compliant plan."""
    text = BODY.read_text(encoding="utf-8")
    return text[text.index("I. MỤC TIÊU") :]


def _blocks(text: str) -> list[Block]:
    lines, tables = pipe_tables(lines_of(text))
    return layout.infer(lines, tables)


def _wrapped(text: str, width: int) -> str:
    return "\n".join(w for line in text.split("\n") for w in (textwrap.wrap(line, width) or [""])) + "\n"


def _save(tmp_path: Path, text: str, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _loud(path: Path, packs: list[LoadedPack]) -> list[str]:
    r = check_file(path, packs)
    assert r.status == "checked"
    return [f"{f.id} {f.kind} {f.line}: {f.message}" for f in r.findings if f.severity in ("error", "warning")]


# --------------------------------------------------------------------------- the title block


@pytest.mark.parametrize("width", [None, 60])
def test_a_preamble_right_under_the_trich_yeu_is_not_the_title(width: int | None, tmp_path: Path,
                                                                packs: list[LoadedPack]) -> None:
    """No blank line between the trích yếu and "Để thực hiện …, … ban hành Kế hoạch như sau:"."""
    body = f"{SUBJECT}\n{PREAMBLE}\n\n{_body()}"
    end = body.index("Nơi nhận:")
    path = _save(tmp_path, HEAD + (_wrapped(body[:end], width) + body[end:] if width else body))
    titles = [b.text for b in read(path).blocks if b.kind == "title"]
    assert titles == ["KẾ HOẠCH", SUBJECT]
    assert parse(read(path)).header.title == SUBJECT
    assert _loud(path, packs) == []


def test_a_sentence_paragraph_under_the_trich_yeu_is_not_the_title() -> None:
    """A line of the subject, then a capital opening a sentence closed by its full stop (an OCR line without
    diacritics), then the first part: the sentence is a paragraph of its own."""
    ocr = "Tren co so cac phuong Cat Bi, Dang Lam, Dang Hai (cu) cua quan Hai An."
    text = f"{HEAD}{SUBJECT}\n{ocr}\nI. MỤC TIÊU\n- Số hóa hồ sơ.\n"
    blocks = _blocks(text)
    assert [b.text for b in blocks if b.kind == "title"] == ["KẾ HOẠCH", SUBJECT]
    assert any(b.kind == "paragraph" and b.text == ocr for b in blocks)


def test_a_trich_yeu_opening_with_thuc_hien_is_the_title(tmp_path: Path) -> None:
    """"Thực hiện Kế hoạch số 215 …" as the subject (the words of a preamble, but no sentence: no full stop, no colon
    closing it), a preamble "Thực hiện …" right under it: the first is the title, the second is not."""
    subject = ("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố về ứng dụng công nghệ thông tin "
               "và chuyển đổi số 6 tháng cuối năm 2025")
    preamble = "Thực hiện" + PREAMBLE.removeprefix("Để thực hiện")
    for width in (None, 60):
        body = f"{subject}\n{preamble}\n\n{_body()}"
        end = body.index("Nơi nhận:")
        path = _save(tmp_path, HEAD + (_wrapped(body[:end], width) + body[end:] if width else body), f"{width}.txt")
        titles = [b.text for b in read(path).blocks if b.kind == "title"]
        assert titles == ["KẾ HOẠCH", subject], width
        assert parse(read(path)).header.title == subject, width


@pytest.mark.parametrize("blank", ["\n", ""])
def test_kinh_gui_opens_its_own_block(blank: str, tmp_path: Path) -> None:
    """A tờ trình: "Về việc …" under its type name, then "Kính gửi: …" (NĐ 30/2020, mẫu 1.3)."""
    subject = "Về việc ban hành Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số phường Hải An năm 2025"
    text = (HEAD.replace("KẾ HOẠCH", "TỜ TRÌNH").replace("52/KH-UBND", "58/TTr-VHXH")
            + f"{subject}\n{blank}Kính gửi: Chủ tịch Ủy ban nhân dân phường Hải An.\n\n"
            + "Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng.\n")
    path = _save(tmp_path, text)
    blocks = read(path).blocks
    assert [b.text for b in blocks if b.kind == "title"] == ["TỜ TRÌNH", subject]
    assert any(b.text.startswith("Kính gửi:") for b in blocks)
    assert parse(read(path)).header.title == subject


# --------------------------------------------------------------------------- a number going on a sentence


def test_a_number_after_its_documents_name_goes_on_the_wrapped_sentence(tmp_path: Path,
                                                                        packs: list[LoadedPack]) -> None:
    """"… làm các thủ tục trực tuyến theo Đề án" / "06. Số hóa …" at 60 columns: "06." is Đề án 06, not a point."""
    item = "- Hướng dẫn người dân làm các thủ tục trực tuyến theo Đề án 06. Số hóa hồ sơ thủ tục hành chính."
    text = BODY.read_text(encoding="utf-8").replace(
        "- Hướng dẫn người dân thực hiện dịch vụ công trực tuyến; số hóa hồ sơ thủ tục hành chính.", item)
    start, end = text.index("KẾ HOẠCH"), text.index("Nơi nhận:")
    wrapped = _wrapped(text[start:end], 60)
    assert "theo Đề án\n06. Số hóa" in wrapped  # the case this test is about
    path = _save(tmp_path, text[:start] + wrapped + text[end:])
    blocks = read(path).blocks
    assert item in [b.text for b in blocks]
    assert not any(b.text.startswith("06.") for b in blocks)
    # the points of the wrapped plan are those of the plan as written (none joined to a line before it)
    assert [s.number for s in parse(read(path)).sections] == [s.number for s in parse(read(BODY)).sections]
    assert _loud(path, packs) == []


# --------------------------------------------------------------------------- the header


def test_a_motto_wrapped_in_its_column_is_one_header_block() -> None:
    """The national motto broken at its dash, as a narrow right column of an office PDF's text gives it."""
    text = ("UY BAN NHAN DAN                 CONG HOA XA HOI CHU NGHIA VIET NAM\n"
            "XA VINH THUAN                       Doc lap - Tu do -\n"
            "                                         Hanh phuc\n\n"
            "S0: 66/KH-UBND                      Vinh Thuan, ngay 08 thang 9 nam 2025\n\n"
            "KE HOACH\nChuyen doi so nam 2025\n\nI. MUC TIEU\n")
    header = [b.text for b in _blocks(text) if b.kind == "header"]
    assert "Doc lap - Tu do - Hanh phuc" in header
    assert "Hanh phuc" not in header


def test_a_joint_plans_symbol_is_read_whole(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"Số: 12/KHLT-ĐU-UBND": a plan of the Party committee and the People's Committee issued jointly."""
    text = BODY.read_text(encoding="utf-8").replace("Số: 52/KH-UBND ", "Số: 12/KHLT-ĐU-UBND")
    path = _save(tmp_path, text)
    assert parse(read(path)).header.number == "12/KHLT-ĐU-UBND"
    symbols = [f.actual for f in check_file(path, packs).findings if f.id.endswith("FORM")]
    assert symbols == ["KHLT-ĐU-UBND"]


def test_a_symbol_broken_after_its_second_hyphen_is_read_whole() -> None:
    """The same symbol wrapped in a narrow header column after its second hyphen ("12/KHLT-ĐU-" / "UBND")."""
    text = ("ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG HẢI AN\n"
            "Số: 12/KHLT-ĐU-\nUBND\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\nI. MỤC TIÊU\n")
    assert "Số: 12/KHLT-ĐU-UBND" in [b.text for b in _blocks(text) if b.kind == "header"]
