"""Blind round 14a (tests/fixtures/plans, index.yaml "blind round 14a"; the verdicts written before the first run and
the raw result of that run are in tests/fixtures/blind-14a-expected.md): plans as the e-government document systems
give them: a digital signature's stamp text (VNPT iOffice, Viettel eDoc) above the header, in the signature block and
between the header's two columns; a "SAO Y BẢN CHÍNH" copy with the copying body's block after the plan; an inbound
"ĐẾN" stamp OCRed under the number; eDoc's footer on every page. The first run gave exactly the verdicts at error and
warning level; what the plans read wrongly without saying so, and the defects that reading hides, pinned on short texts
written for each point (the eight files themselves are checked whole by tests/test_own_plans.py):

- the signature stamp's text between the header's columns ("Cơ quan: Thành phố Thủy" beside "Số: …" and the place)
  was read into the place of the place-and-date line, so a former or another unit's name there went unreported
  (checker/ingest/stamps.py ``without_stamps``; conventions ``signature_stamp_opens``, ``signature_stamp_labels``);
- a copy's own block after the plan ("UBND XÃ …", "Số: 15/SY-UBND", "SAO Y BẢN CHÍNH", its Nơi nhận, "TL. CHỦ TỊCH /
  CHÁNH VĂN PHÒNG" and the copier's name) was read as the plan's closing: its signer and recipients hid a plan whose
  own signer's name or "Lưu: VT, …" is missing (checker/parse/header.py ``copy_start``, checker/ingest/layout.py
  ``copy_mark`` ending the closing's zone; conventions ``copy_forms``, ``copy_symbols``).
"""

from __future__ import annotations

from pathlib import Path

from test_blind_plans_5 import _loud
from test_blind_plans_8 import _plan_text as _text
from test_blind_plans_8 import _save

from checker.ingest import read
from checker.ingest.stamps import without_stamps
from checker.models import Line, Location
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

HEADER = ("ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc\n"
          "Số: 96/KH-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025\n")
# eDoc's stamp between the columns: its lines beside the issuer, the unit, the number and the place
STAMPED = ("ỦY BAN NHÂN DÂN        Ký bởi: Ủy ban nhân dân      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "XÃ NINH GIANG          xã Ninh Giang                    Độc lập - Tự do - Hạnh phúc\n"
           "                       Email: ninhgiang@haiphong.gov.vn\n"
           "Số: 96/KH-UBND         Cơ quan: Tỉnh Hải Dương      {place}, ngày 19 tháng 9 năm 2025\n"
           "                       Thời gian ký: 19.09.2025\n"
           "                       16:41:07 +07:00\n")


def _stamped(tmp_path: Path, place: str = "Ninh Giang") -> Path:
    text = _text(tmp_path)
    assert HEADER in text
    return _save(tmp_path, text.replace(HEADER, STAMPED.format(place=place)))


# --------------------------------------------------------------------------- a signature's stamp
def test_a_stamp_between_the_header_columns_is_silent(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _stamped(tmp_path)
    assert _loud(check_file(path, packs).findings) == []
    header = parse(read(path)).header
    assert (header.place, header.number, header.date_line) == ("Ninh Giang", "96/KH-UBND", 4)


def test_a_stamp_does_not_hide_the_place_of_another_unit(tmp_path: Path, packs: list[LoadedPack]) -> None:
    found = [(f.id, f.kind, f.line) for f in check_file(_stamped(tmp_path, "Vĩnh Lại"), packs).findings
             if f.severity in ("error", "warning")]
    assert found == [("HP215-UNITNAME", "inconsistent", 4)]


def test_a_stamp_in_the_signature_block(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _text(tmp_path)
    closing = "- Lưu: VT, VHXH.\n"
    assert closing in text
    path = _save(tmp_path, text.replace(closing, (
        "- Lưu: VT, VHXH.                       Người ký: Lê Văn Hòa\n"
        "                                       Thời gian ký: 19.09.2025 16:40:12 +07:00\n")))
    assert _loud(check_file(path, packs).findings) == []
    plan = parse(read(path))
    assert plan.recipients[-1] == "Lưu: VT, VHXH" and plan.signature.name == "Lê Văn Hòa"


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, loc=Location(line=k + 1)) for k, t in enumerate(texts)]


def test_the_stamp_is_blanked_where_it_stands() -> None:
    lines = _lines("ỦY BAN NHÂN DÂN  Ký bởi: Ủy ban nhân dân",
                   "Số: 5/KH-UBND    Cơ quan: Thành phố Thủy     Lê Ích Mộc, ngày 26 tháng 9 năm 2025",
                   "                 Nguyên, Thành phố Hải Phòng",
                   "                 Thời gian ký: 26.09.2025 08:15:34 +07:00")
    got = without_stamps(lines)
    stamp = "Cơ quan: Thành phố Thủy"
    assert [ln.text for ln in got] == ["ỦY BAN NHÂN DÂN", lines[1].text.replace(stamp, " " * len(stamp)), "", ""]
    assert [ln.loc.line for ln in got] == [1, 2, 3, 4]


def test_a_signer_named_without_a_signing_time_is_text() -> None:
    """A web portal's metadata ("Người ký: … - Chủ tịch") is no stamp: no signing time closes it."""
    lines = _lines("Người ký: Phạm Văn Toàn - Chủ tịch", "Trích yếu: Kế hoạch ứng dụng công nghệ thông tin",
                   "Ngày ban hành: 18/09/2025")
    assert [ln.text for ln in without_stamps(lines)] == [ln.text for ln in lines]


# --------------------------------------------------------------------------- a copy's own block
COPY = ("UBND XÃ NINH GIANG\n"
        "Số: 15/SY-UBND\n"
        "SAO Y BẢN CHÍNH\n"
        "Ninh Giang, ngày 29 tháng 9 năm 2025\n"
        "Nơi nhận:\n"
        "- Trưởng các thôn;\n"
        "- Lưu: VT.\n"
        "TL. CHỦ TỊCH\n"
        "CHÁNH VĂN PHÒNG\n"
        "Nguyễn Thị Mai\n")
COPY_LAID_OUT = ("UBND XÃ NINH GIANG                                    SAO Y BẢN CHÍNH\n"
                 "  Số: 15/SY-UBND                         Ninh Giang, ngày 29 tháng 9 năm 2025\n"
                 "\n"
                 "Nơi nhận:                                              TL. CHỦ TỊCH\n"
                 "- Trưởng các thôn;                                   CHÁNH VĂN PHÒNG\n"
                 "- Lưu: VT.\n"
                 "                                                      Nguyễn Thị Mai\n")


def _copied(tmp_path: Path, block: str, old: str = "", new: str = "") -> Path:
    text = _text(tmp_path)
    assert old in text
    return _save(tmp_path, text.replace(old, new, 1) + block)


def test_a_copy_block_is_not_the_plans_closing(tmp_path: Path, packs: list[LoadedPack]) -> None:
    for block in (COPY, COPY_LAID_OUT):
        path = _copied(tmp_path, block)
        assert _loud(check_file(path, packs).findings) == []
        plan = parse(read(path))
        assert plan.signature.name == "Lê Văn Hòa" and plan.recipients == ["UBND thành phố", "Lưu: VT, VHXH"]


def test_a_copy_does_not_hide_the_plans_missing_signer(tmp_path: Path, packs: list[LoadedPack]) -> None:
    for block in (COPY, COPY_LAID_OUT):
        path = _copied(tmp_path, block, "Lê Văn Hòa\n", "\n")
        found = [(f.id, f.kind) for f in check_file(path, packs).findings if f.severity in ("error", "warning")]
        assert found == [("HP215-FORM", "incomplete")], block
        assert parse(read(path)).signature.name is None


def test_a_copy_does_not_hide_the_plans_missing_archive(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _copied(tmp_path, COPY, "- Lưu: VT, VHXH.\n", "- Các thôn.\n")
    assert [f.message for f in check_file(path, packs).findings if f.severity in ("error", "warning")] == [
        "Nơi nhận không kết thúc bằng 'Lưu: VT, …'"]


def test_a_copy_block_first_is_not_the_plans_header(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Found by probing after the first fixes: the copy's block on the first page, as an e-office system signs a copy
    (the brief of round 14a: "then (or before it)"), was read as the plan's header: its number 15/SY-UBND, its date
    29/9/2025 (hiding a plan dated before the directive) and its signer (checker/parse/header.py ``covered_plan``)."""
    text = _text(tmp_path)
    for block in (COPY, COPY_LAID_OUT):
        path = _save(tmp_path, block + "\f" + text)
        assert _loud(check_file(path, packs).findings) == []
        plan = parse(read(path))
        assert (plan.header.number, str(plan.header.date)) == ("96/KH-UBND", "2025-09-19")
        assert (plan.signature.authority, plan.signature.name) == ("TM. ỦY BAN NHÂN DÂN", "Lê Văn Hòa")
        early = _save(tmp_path, block + "\f" + text.replace("ngày 19 tháng 9 năm 2025", "ngày 20 tháng 8 năm 2025"))
        found = [(f.id, f.kind) for f in check_file(early, packs).findings if f.severity in ("error", "warning")]
        assert found == [("HP215-DATE", "inconsistent")], block


# --------------------------------------------------------------------------- an inbound stamp between the columns
def test_an_inbound_stamp_between_the_columns_is_not_the_place(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Found by probing after the first fixes: the OCR of a received copy with the "ĐẾN" stamp's date between the
    number and the place ("Số: 96/KH-UBND     Ngày: 27/9/2025     Ninh Giang, ngày …"): the place is the date's own
    column, not what stands before it in another (checker/parse/header.py, the place-and-date line)."""
    text = _text(tmp_path)
    number_line = "Số: 96/KH-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025\n"
    assert number_line in text
    stamped = ("SỞ KHOA HỌC VÀ CÔNG NGHỆ\nĐÉN Số: 1234\n"
               "Số: 96/KH-UBND     Ngày: 27/9/2025     {place}, ngày 19 tháng 9 năm 2025\nChuyển: P. CĐS\n")
    path = _save(tmp_path, text.replace(number_line, stamped.format(place="Ninh Giang")))
    assert _loud(check_file(path, packs).findings) == []
    assert parse(read(path)).header.place == "Ninh Giang"
    path = _save(tmp_path, text.replace(number_line, stamped.format(place="Vĩnh Lại")))
    found = [(f.id, f.kind, f.line) for f in check_file(path, packs).findings if f.severity in ("error", "warning")]
    assert found == [("HP215-UNITNAME", "inconsistent", 5)]


def test_a_wide_gap_after_the_place_keeps_it(tmp_path: Path) -> None:
    """The place's column, not the last run of words before the date: justified text ("Ninh Giang,     ngày …")
    leaves a wide gap after the place itself; the place is still "Ninh Giang" (the column split of the fix above
    had lost it)."""
    text = _text(tmp_path)
    number_line = "Số: 96/KH-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025\n"
    wide = "Số: 96/KH-UBND                              Ninh Giang,     ngày 19 tháng 9 năm 2025\n"
    assert parse(read(_save(tmp_path, text.replace(number_line, wide)))).header.place == "Ninh Giang"
