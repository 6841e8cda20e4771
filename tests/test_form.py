"""document-form: the parts of a Kế hoạch (NĐ 30/2020/NĐ-CP, Điều 8), missing parts grouped, drafts warned."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks import CHECKS
from checker.checks.base import Context
from checker.checks.form import check
from checker.ingest import read
from checker.ingest.txt import lines_of
from checker.models import Document, Finding, Plan
from checker.parse import parse
from checker.parse.header import mark_of, standard_mark
from checker.rules.loader import LoadedPack, load_pack

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HEADER = ("ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN ĐÁ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 5/KH-UBND\nBến Đá, ngày 10 tháng 9 năm 2025\nKẾ HOẠCH\nChuyển đổi số phường Bến Đá năm 2025\n\n")
BODY = "I. MỤC TIÊU\n- Nội dung.\n"
FOOTER = ("Nơi nhận:\n- UBND thành phố;\n- Lưu: VT, VHXH.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
          "Trần Văn Bình\n")


@pytest.fixture(scope="module")
def loaded() -> LoadedPack:
    return load_pack(ROOT / "rules" / "215-KH-UBND.yaml")


def plan_of(text: str) -> Plan:
    return parse(Document(path="t.txt", format="txt", lines=lines_of(text)))


def run(text: str, loaded: LoadedPack) -> list[Finding]:
    rule = next(r for r in loaded.pack.rules if r.type == "document-form")
    return list(check(plan_of(text), rule, Context(loaded=loaded)))


def test_registered() -> None:
    assert CHECKS["document-form"] is check


def test_complete_form_passes(loaded: LoadedPack) -> None:
    assert run(HEADER + BODY + FOOTER, loaded) == []


def test_two_column_header_passes(loaded: LoadedPack) -> None:
    text = ("UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\n\nPHUONG BEN DA Doc lap - Tu do - Hanh phuc\n"
            "So:5 /KH-UBND P. Ben Da, ngay 10 thang 9 nam 2025\nKE HOACH\n\nChuyen doi so phuong Ben Da\n\n")
    assert run(text + BODY + FOOTER, loaded) == []


def test_draft_number_and_day(loaded: LoadedPack) -> None:
    text = HEADER.replace("Số: 5/KH-UBND\nBến Đá, ngày 10 tháng 9", "Số:     /KH-UBND   Bến Đá, ngày     tháng 9")
    got = run(text + BODY + FOOTER, loaded)
    assert [(f.key(), f.severity) for f in got] == [(("HP215-FORM", "incomplete", 5), "warning")] * 2
    assert "số văn bản để trống" in got[0].message and "ngày ban hành để trống" in got[1].message


@pytest.mark.parametrize(("number", "date"), [("xx", "ngày xx tháng 9 năm 2025"), ("XX", "ngày XX tháng 9 năm 2025"),
                                            ("x", "ngày x/9/2025"), ("***", "ngày ** tháng 9 năm 2025")])
def test_draft_number_and_day_marked_with_xs(number: str, date: str, loaded: LoadedPack) -> None:
    """A drafter marks the places to fill with x's or stars ("Số: xx/KH-UBND", "ngày XX tháng 9"): blank, as spaces
    or dots are, not a missing number or date."""
    text = HEADER.replace("Số: 5/KH-UBND\nBến Đá, ngày 10 tháng 9 năm 2025", f"Số: {number}/KH-UBND   Bến Đá, {date}")
    got = run(text + BODY + FOOTER, loaded)
    assert [(f.key(), f.severity) for f in got] == [(("HP215-FORM", "incomplete", 5), "warning")] * 2
    assert "số văn bản để trống" in got[0].message and "ngày ban hành để trống" in got[1].message


def test_type_and_title_in_capitals_on_one_line(loaded: LoadedPack) -> None:
    """"KẾ HOẠCH CHUYỂN ĐỔI SỐ PHƯỜNG BẾN ĐÁ NĂM 2025" on one line, as offices and web pages set the title block: the
    type name and its trích yếu, not a missing type name (an error on 91 of 112 compliant plans so rewritten)."""
    one_line = "KẾ HOẠCH CHUYỂN ĐỔI SỐ PHƯỜNG BẾN ĐÁ NĂM 2025"
    text = HEADER.replace("KẾ HOẠCH\nChuyển đổi số phường Bến Đá năm 2025", one_line)
    assert run(text + BODY + FOOTER, loaded) == []
    assert plan_of(text + BODY + FOOTER).header.title == "CHUYỂN ĐỔI SỐ PHƯỜNG BẾN ĐÁ NĂM 2025"


def test_non_standard_symbol_is_info(loaded: LoadedPack) -> None:
    got = run(HEADER.replace("/KH-UBND", "/KH-UB") + BODY + FOOTER, loaded)
    assert [(f.key(), f.severity) for f in got] == [(("HP215-FORM", "incomplete", 5), "info")]


def test_missing_motto_only(loaded: LoadedPack) -> None:
    text = HEADER.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", "")
    got = run(text + BODY + FOOTER, loaded)
    assert [f.key() for f in got] == [("HP215-FORM", "incomplete", 1)]
    assert "quốc hiệu" in got[0].message and "số, ký hiệu" not in got[0].message


def test_lost_header_is_one_finding(loaded: LoadedPack) -> None:
    got = run("KẾ HOẠCH\nChuyển đổi số phường Bến Đá năm 2025\n\n" + BODY + FOOTER, loaded)
    assert [(f.key(), f.severity) for f in got] == [(("HP215-FORM", "incomplete", 1), "warning")]
    for part in ("quốc hiệu", "tên cơ quan", "số, ký hiệu", "thời gian"):
        assert part in got[0].message


def test_no_archive_line(loaded: LoadedPack) -> None:
    got = run(HEADER + BODY + FOOTER.replace("- Lưu: VT, VHXH.\n", ""), loaded)
    assert [f.key() for f in got] == [("HP215-FORM", "incomplete", 12)]


def test_recipients_without_their_dashes(loaded: LoadedPack) -> None:
    """"Nơi nhận:" with its items typed without the dash before each (Word's list numbering lost in the copy): its
    archive line is still its last item; without one, still none."""
    undashed = FOOTER.replace("\n- ", "\n")
    assert run(HEADER + BODY + undashed, loaded) == []
    got = run(HEADER + BODY + undashed.replace("Lưu: VT, VHXH.\n", ""), loaded)
    assert [f.key() for f in got] == [("HP215-FORM", "incomplete", 12)]


@pytest.mark.parametrize("below", ["\n", "\n(Đã ký)\n\n"])
def test_signer_name_in_capitals(loaded: LoadedPack, below: str) -> None:
    """The signer's name typed in capitals right below the position (past "(Đã ký)") is the name; a body's name in
    capitals there (a stamp's "UBND PHƯỜNG BẾN ĐÁ") is not."""
    footer = FOOTER.replace("PHÓ CHỦ TỊCH\n\n", "PHÓ CHỦ TỊCH" + below)
    assert run(HEADER + BODY + footer.replace("Trần Văn Bình", "TRẦN VĂN BÌNH"), loaded) == []
    got = run(HEADER + BODY + footer.replace("Trần Văn Bình", "UBND PHƯỜNG BẾN ĐÁ"), loaded)
    assert [f.kind for f in got] == ["incomplete"] and "họ tên người ký" in got[0].message


def test_no_signature(loaded: LoadedPack) -> None:
    got = run(HEADER + BODY + "Nơi nhận:\n- UBND thành phố;\n- Lưu: VT, VHXH.\n", loaded)
    assert [f.kind for f in got] == ["incomplete"] and "Phần chữ ký" in got[0].message


@pytest.mark.parametrize(("written", "mark", "standard", "line"), [
    ("T/M ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "T/M", "TM.", 15),  # the forms before 2011, still in older templates
    ("T.M. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "T.M.", "TM.", 15),
    ("TM ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "TM", "TM.", 15),  # no full stop
    ("TM. ỦY BAN NHÂN DÂN\nK/T CHỦ TỊCH", "K/T", "KT.", 16),  # each mark of the block, at its line
])
def test_an_authority_written_otherwise_is_there(written: str, mark: str, standard: str, line: int,
                                                 loaded: LoadedPack) -> None:
    """"T/M ỦY BAN NHÂN DÂN" signs for the People's Committee as "TM." does: the authority is not missing (an error
    before, on a plan that has it); its form is noted at info, with NĐ 30/2020's, at its line."""
    got = run(HEADER + BODY + FOOTER.replace("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", written), loaded)
    assert [(f.kind, f.severity, f.actual, f.expected, f.line) for f in got] == [
        ("inconsistent", "info", mark, standard, line)]


def test_standard_marks_are_not_noted(loaded: LoadedPack) -> None:
    for written in ("TM. ỦY BAN NHÂN DÂN", "TM.ỦY BAN NHÂN DÂN", "TM, ỦY BAN NHÂN DÂN", "Tm. Ủy ban nhân dân"):
        assert run(HEADER + BODY + FOOTER.replace("TM. ỦY BAN NHÂN DÂN", written), loaded) == [], written


@pytest.mark.parametrize(("written", "mark", "standard"), [
    ("TM.", "TM.", None), ("TM,", "TM.", None), ("tm.", "TM.", None), ("T M.", "TM.", None),  # the mark itself
    ("TM", "TM.", "TM."), ("T/M", "TM.", "TM."), ("T.M.", "TM.", "TM."), ("T.M", "TM.", "TM."),  # older forms
    ("T/M.", "TM.", "TM."),  # an older form with a full stop after it is still that form
    ("KT,", "KT.", None), ("K/T", "KT.", "KT."), ("K.T.", "KT.", "KT."), ("Q.", "Q.", None), ("Q", "Q.", "Q."),
    ("TL", "TL.", "TL."), ("T/UQ", "TUQ.", "TUQ."), ("TUQ.", "TUQ.", None),
    ("T.UQ", None, None), ("PCT", None, None),  # no mark of rules/conventions.yaml signers.marks
])
def test_one_reading_of_the_marks_of_authority(written: str, mark: str | None, standard: str | None) -> None:
    """The signature's marks are read one way (parse/header ``mark_of``): which mark of NĐ 30/2020 each is, and
    whether it is written as the decree writes it (``standard_mark``: None) or in another form (the decree's)."""
    assert (mark_of(written), standard_mark(written)) == (mark, standard)


# ------------------------------------------------------------------ seeds (shared, read-only)


def _seed(prefix: str, loaded: LoadedPack) -> list[Finding]:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not present")
    rule = next(r for r in loaded.pack.rules if r.type == "document-form")
    return list(check(parse(read(next(SEEDS.glob(f"{prefix}_*.txt")))), rule, Context(loaded=loaded)))


def test_seed_003_draft(loaded: LoadedPack) -> None:
    got = _seed("003", loaded)
    assert [f.key() for f in got] == [("HP215-FORM", "incomplete", 15)] * 2
    assert "số văn bản" in got[0].message and "ngày" in got[1].message


def test_seed_000_ocr_header_is_complete(loaded: LoadedPack) -> None:
    assert _seed("000", loaded) == []


def test_seed_001_lost_header_once(loaded: LoadedPack) -> None:
    got = _seed("001", loaded)
    assert len(got) == 1 and got[0].kind == "incomplete" and "quốc hiệu" in got[0].message


COPY = ("UBND PHƯỜNG BẾN ĐÁ\nSố: 12/SY-UBND\nSAO Y BẢN CHÍNH\nBến Đá, ngày 12 tháng 9 năm 2025\nNơi nhận:\n"
        "- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nLê Thị Hạnh\n")


@pytest.mark.parametrize("body_name", ["UBND PHƯỜNG BẾN ĐÁ", "ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN ĐÁ", "UBND PHƯỜNG\nBẾN ĐÁ"])
def test_a_signers_name_in_capitals_above_a_copys_block(loaded: LoadedPack, body_name: str) -> None:
    """The plan's signer typed in capitals ("TRẦN VĂN BÌNH") right above the copy's block ("SAO Y BẢN CHÍNH" under
    the copying body's name, over one or two lines): the name is the plan's signer's, not the copying body's."""
    text = HEADER + BODY + FOOTER.replace("Trần Văn Bình", "TRẦN VĂN BÌNH") + COPY.replace("UBND PHƯỜNG BẾN ĐÁ",
                                                                                              body_name)
    assert plan_of(text).signature.name == "TRẦN VĂN BÌNH"
    assert not [f for f in run(text, loaded) if "họ tên" in f.message]
    # and a plan signed with no name still lacks it: the copy's block does not lend it its own signer
    unsigned = HEADER + BODY + FOOTER.replace("Trần Văn Bình", "") + COPY.replace("UBND PHƯỜNG BẾN ĐÁ", body_name)
    assert [f for f in run(unsigned, loaded) if "họ tên" in f.message]
