"""Blind round 13a (tests/fixtures/plans, index.yaml "blind round 13a"; the verdicts written before the first run and
the raw result of that run are in tests/fixtures/blind-13a-expected.md): a web portal's copy of a plan (every
paragraph one line), a plan quoted in an e-mail reply, targets given per month in an appendix, a đặc khu naming the
office answerable inside each target. What they revealed, pinned on short texts written for each point (the eight
files themselves are checked whole by tests/test_own_plans.py):

- a plan quoted in an e-mail reply, every line opened by "> " (">" alone for a blank line): the mail client's marks
  are not the plan's (checker/ingest/txt.py ``unquoted``; before: no part, target or office found, 15 findings on
  the compliant plan);
- targets given per month, the year unwritten ("tháng 10 đạt 65%; tháng 11 đạt 75%; tháng 12 năm 2025 đạt tối thiểu
  82%"): a month of the plan's own year is a milestone on the way to the year-end figure (checker/parse/targets.py
  ``deadline``; before: the October figure judged as the target, 7 findings on the compliant plan);
- a web page's copy of the plan: the type name and the trích yếu on one line ("KẾ HOẠCH Ứng dụng công nghệ thông tin
  …"), Nơi nhận's items after its label on its line, each after a dash, and the signature after them ("… - Lưu: VT,
  VHXH. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Phạm Văn Toàn") (checker/parse/header.py; before: "thiếu tên loại văn bản,
  trích yếu", "Nơi nhận không kết thúc bằng 'Lưu: VT, …'", "thiếu họ tên người ký");
- found by the full test run (tests/test_variants.py: a compliant plan gives no finding at all): the office named at
  the opening of a target's point ("a) Trung tâm Phục vụ hành chính công đặc khu chủ trì, bảo đảm 100% …") is given
  that target's work (checker/parse/assignments.py ``target_assignments``; before: the Văn phòng and the Trung tâm,
  given work nowhere else, "không phân công" at info level).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_blind_plans_5 import _loud
from test_blind_plans_8 import _plan_text as _text
from test_blind_plans_8 import _save

from checker.ingest import read
from checker.ingest.txt import unquoted
from checker.models import Line, Location
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack


def _findings(path: Path, packs: list[LoadedPack]) -> list[tuple[str, str, str]]:
    return _loud(check_file(path, packs).findings)


# --------------------------------------------------------------------------- a plan quoted in an e-mail reply
def test_a_plan_quoted_in_a_reply_is_read_without_the_marks(tmp_path: Path, packs: list[LoadedPack]) -> None:
    plan = _text(tmp_path)
    quoted = "\n".join(f"> {ln}" if ln.strip() else ">" for ln in plan.split("\n"))
    text = ("Dạ em đã nhận được, em đăng lên trang thông tin điện tử trong chiều nay ạ.\n\nTrân trọng,\nThu Trang\n\n"
            "Vào Th 2, 22 thg 9, 2025 vào lúc 09:15 Trần Thị Hương <huong@example.vn> đã viết:\n" + quoted + "\n")
    path = _save(tmp_path, text)
    assert _findings(path, packs) == []
    assert read(path).lines[6].text == "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_a_quoted_plan_spaced_again_is_read_without_the_marks(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Found by the full test run (tests/test_rewrites.py): the quoted plan with a blank line after every line."""
    plan = _text(tmp_path)
    quoted = "\n\n".join(f"> {ln}" if ln.strip() else ">" for ln in plan.split("\n"))
    reply = "Dạ em đã nhận được ạ.\n\nVào Th 2, 22 thg 9, 2025 lúc 09:15 Hương đã viết:\n"
    path = _save(tmp_path, reply + quoted + "\n")
    assert _findings(path, packs) == []


def test_a_quoted_plan_copied_from_a_mail_page_is_read_without_the_marks(tmp_path: Path,
                                                                           packs: list[LoadedPack]) -> None:
    """A reply copied from a web mail's page keeps a no-break space after each ">" (as HTML sets "&gt;&nbsp;"): the
    same marks, read away as well."""
    plan = _text(tmp_path)
    quoted = "\n".join(f">\u00a0{ln}" if ln.strip() else ">" for ln in plan.split("\n"))
    reply = "Dạ em đã nhận được ạ.\n\nVào Th 2, 22 thg 9, 2025 lúc 09:15 Hương đã viết:\n"
    path = _save(tmp_path, reply + quoted + "\n")
    assert _findings(path, packs) == []


def test_lines_opened_by_a_comparator_are_not_quoted() -> None:
    lines = [Line(text=t, loc=Location(line=k + 1)) for k, t in enumerate(
        [">90% văn bản được ký số;", ">92% hồ sơ công việc;", ">95% báo cáo."])]
    assert [ln.text for ln in unquoted(lines)] == [ln.text for ln in lines]
    quoted = [ln.model_copy(update={"text": "> " + ln.text}) for ln in lines] + [Line(text=">", loc=Location(line=4))]
    assert [ln.text for ln in unquoted(quoted)] == [*(ln.text for ln in lines), ""]


# --------------------------------------------------------------------------- targets given per month
DOSSIERS = "- Tối thiểu 82% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.\n"


def _monthly(tmp_path: Path, year_end: str) -> Path:
    text = _text(tmp_path)
    assert DOSSIERS in text
    return _save(tmp_path, text.replace(DOSSIERS, (
        "- Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: tháng 10 đạt 65%; tháng 11 đạt 75%; "
        f"tháng 12 năm 2025 đạt {year_end}.\n")))


def test_the_months_before_the_year_end_are_milestones(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _findings(_monthly(tmp_path, "tối thiểu 82%"), packs) == []


def test_the_year_end_month_is_judged(tmp_path: Path, packs: list[LoadedPack]) -> None:
    found = [f for f in check_file(_monthly(tmp_path, "78%"), packs).findings if f.severity in ("error", "warning")]
    assert [(f.id, f.kind, f.line) for f in found] == [("HP215-TGT-HOSO", "weaker", 14)]
    assert "78%" in found[0].message and "65%" not in found[0].message


# --------------------------------------------------------------------------- a web page's copy
TYPE_AND_TITLE = "KẾ HOẠCH\nỨng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025\n"


def test_the_type_name_and_the_title_on_one_line(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _text(tmp_path)
    assert TYPE_AND_TITLE in text
    path = _save(tmp_path, text.replace(TYPE_AND_TITLE, TYPE_AND_TITLE.replace("\n", " ", 1)))
    assert _findings(path, packs) == []
    header = parse(read(path)).header
    assert (header.doc_type, header.doc_type_line) == ("Kế hoạch", 5)
    assert header.title == "Ứng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025"


def test_a_capitals_type_with_its_qualifier_is_no_title(tmp_path: Path) -> None:
    text = _text(tmp_path).replace("KẾ HOẠCH\n", "KẾ HOẠCH HÀNH ĐỘNG\n", 1)
    header = parse(read(_save(tmp_path, text))).header
    assert header.title.startswith("Ứng dụng công nghệ thông tin")


HEADER = ("ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc\n"
          "Số: 96/KH-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025\n")


@pytest.mark.parametrize(("number", "date"), [
    ("Số: 96/KH-UBND", "ngày 19 tháng 9 năm 2025"), ("Số 96/KH-UBND", "ngày 19 tháng 9 năm 2025"),
    ("Số: 96/KH-UBND", "ngày 19/9/2025"), ("Số 96/KH-UBND", "ngày 19/9/2025")])
def test_the_header_on_one_line(tmp_path: Path, packs: list[LoadedPack], number: str, date: str) -> None:
    """The header's two columns run into one line: the motto stands between the number and the place, which no
    gap shows; the number without its colon and the date in figures are still the plan's (before: "thiếu số, ký
    hiệu", "thiếu địa danh và thời gian ban hành"), the place is the place alone (before: the motto with it)."""
    text = _text(tmp_path)
    assert HEADER in text
    one_line = (f"ỦY BAN NHÂN DÂN XÃ NINH GIANG {number} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
                f"phúc Ninh Giang, {date}\n")
    path = _save(tmp_path, text.replace(HEADER, one_line))
    assert _findings(path, packs) == []
    header = parse(read(path)).header
    assert (header.number, header.number_line, header.date, header.date_line, header.place) == (
        "96/KH-UBND", 1, dt.date(2025, 9, 19), 1, "Ninh Giang")


def test_the_issuer_is_the_headers_not_a_web_pages_details(tmp_path: Path) -> None:
    """A web page's details above the plan ("Cơ quan ban hành: Ủy ban nhân dân xã …") name the body as a field's
    value: the issuer is the header's, where the plan begins (before: the details' line, quoted as the evidence of a
    unit's name)."""
    details = "Số ký hiệu: 96/KH-UBND\nCơ quan ban hành: Ủy ban nhân dân xã Ninh Giang\nNội dung:\n"
    header = parse(read(_save(tmp_path, details + _text(tmp_path)))).header
    assert (header.issuer, header.issuer_line) == ("ỦY BAN NHÂN DÂN XÃ NINH GIANG", 4)
    assert header.unit_name == "Ninh Giang"


def test_a_number_cited_before_the_motto_in_a_sentence_is_no_number(tmp_path: Path) -> None:
    """Only the column before the motto closes with the number: a citation inside a sentence is not the plan's."""
    text = _text(tmp_path).replace("Số: 96/KH-UBND ", "", 1)
    text = text.replace(HEADER.replace("Số: 96/KH-UBND ", ""), "ỦY BAN NHÂN DÂN XÃ NINH GIANG theo số 215/KH-UBND "
                        "ngày 25/8/2025 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n")
    assert parse(read(_save(tmp_path, text))).header.number is None


def test_the_closing_on_one_line(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _text(tmp_path)
    closing = text[text.index("Nơi nhận:"):]
    one_line = "Nơi nhận: - UBND thành phố; - Lưu: VT, VHXH. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Văn Hòa\n"
    path = _save(tmp_path, text.replace(closing, one_line))
    assert _findings(path, packs) == []
    plan = parse(read(path))
    assert plan.recipients[0] == "UBND thành phố" and plan.recipients[1].startswith("Lưu: VT, VHXH")
    assert plan.signature.name == "Lê Văn Hòa"


# --------------------------------------------------------------------------- the office answerable inside a target
def _answerable(tmp_path: Path, target: str) -> Path:
    """The plan with the Văn phòng and the Trung tâm given no work in its execution part, the Văn phòng answerable
    for the signed documents' target and ``target`` in place of the online-services one."""
    text = _text(tmp_path)
    for old, new in (
            ("- 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.\n",
             target + "\n"),
            ("- Trên 92% văn bản", "- Văn phòng HĐND và UBND xã theo dõi để trên 92% văn bản"),
            ("4. Văn phòng HĐND và UBND xã: quản lý văn bản, điều hành.\n", ""),
            ("5. Trung tâm Phục vụ hành chính công xã: dịch vụ công trực tuyến.\n", "")):
        assert old in text
        text = text.replace(old, new)
    return _save(tmp_path, text)


def test_the_office_opening_a_target_is_given_its_work(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _answerable(tmp_path, "- Trung tâm Phục vụ hành chính công xã chủ trì, bảo đảm 100% thủ tục hành chính đủ "
                                 "điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.")
    assert check_file(path, packs).findings == []


def test_an_office_named_as_a_place_in_a_target_is_given_nothing(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _answerable(tmp_path, "- 100% thủ tục hành chính đủ điều kiện tiếp nhận tại Trung tâm Phục vụ hành chính "
                                 "công xã được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.")
    assert [(f.id, f.severity) for f in check_file(path, packs).findings] == [("HP215-UNIT-TTHCC", "info")]
