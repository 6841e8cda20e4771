"""Blind round 6b (tests/fixtures/plans, index.yaml "blind round 6b"; the verdicts written before the first run are
in tests/fixtures/blind-6b-expected.md): plans with the defects city reviewers look for, written the way another
office writes them. What they revealed, pinned on short texts written for each point (the plans themselves are
checked whole by tests/test_own_plans.py):

- an unnumbered heading right under a part's heading ("A. MỤC ĐÍCH, YÊU CẦU" over "Mục đích") is a heading, and
  so is one of nine or ten syllables ("Đào tạo, tuyên truyền và phát triển nguồn nhân lực"): no content is said
  to be missing that the plan has under such headings;
- "Kế hoạch số 215/KH-UBND của UBND thành phố trên địa bàn phường": the place is not part of the issuer's name;
- a target set for a month ("Đến hết tháng 6 năm 2026, ...") or with its deadline after its figure ("≥ 80% (hoàn
  thành trong quý I/2026)") later than the directive's is found; an earlier one is silent;
- a share written as a fraction ("ít nhất 3/4 số hồ sơ", "tối thiểu 4/5 tổng số") is a percentage; a day and
  month ("ngày 3/4") or a number ("Quyết định số 3/4") is not;
- a table of the documents cited (number | date | issuer | title) gives each its date from the next cell;
- an office named only among the recipients (Nơi nhận) is not given the work another office is given above it;
  an office given a task under a heading that names the work ("4. Bảo đảm an toàn, an ninh thông tin mạng") is
  given that work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_blind_plans_5 import BODY, CITE, NHANLUC, TARGETS, _loud

from checker.ingest import read
from checker.parse import parse
from checker.parse.targets import normalise_percent
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack
from checker.text import fold

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
STAFF = "cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số"
LINE = {"hoso": 14, "kynangso": 19}  # the lines of those targets in the plan _write writes

HEAD = ("ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 96/KH-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\nỨng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025\n\n")


def _write(tmp_path: Path, *, basis: str = "", body: str = BODY.replace("{nhanluc}", NHANLUC),
           targets_head: str = "I. MỤC TIÊU\nChỉ tiêu cụ thể\n", **targets: str) -> Path:
    """A compliant plan of Xã Ninh Giang (round 5's); ``basis`` lines before the citation, ``body`` after the
    targets, ``targets`` replacing those of their keys."""
    lines = "".join(f"- {targets.get(k, t)}\n" for k, t in TARGETS.items())
    text = (HEAD + (basis + "\n" if basis else "") + CITE + "\nUBND xã Ninh Giang ban hành Kế hoạch:\n\n"
            + targets_head + lines + body)
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_base_plan_is_compliant(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert _loud(check_file(_write(tmp_path), packs).findings) == []


# --------------------------------------------------------------------------- unnumbered headings

UNNUMBERED = """B. NHIỆM VỤ
Hạ tầng số
Duy trì hội nghị truyền hình trực tuyến, mạng truyền số liệu chuyên dùng.
Phát triển chính quyền số
Hệ thống quản lý văn bản và điều hành, ký số; dịch vụ công trực tuyến toàn trình.
Phát triển dữ liệu số
Kết nối Kho dữ liệu dùng chung của thành phố.
Đảm bảo an toàn, an ninh thông tin mạng
Thực hiện phương án bảo đảm an toàn thông tin theo quy định.
Đào tạo, tuyên truyền và phát triển nguồn nhân lực
Cử cán bộ tham gia bồi dưỡng kỹ năng số.
C. GIẢI PHÁP VÀ KINH PHÍ
Giải pháp
Về tài chính: ngân sách xã.
Kinh phí
Ngân sách xã.
D. TỔ CHỨC THỰC HIỆN
Phòng Văn hóa - Xã hội
Cơ quan đầu mối, chủ trì, tham mưu, tổng hợp, báo cáo.
Phòng Kinh tế
Tham mưu bố trí kinh phí.
Công an xã
Bảo đảm an ninh mạng, an toàn thông tin.

Nơi nhận:                                              TM. ỦY BAN NHÂN DÂN
- UBND thành phố;                                             CHỦ TỊCH
- Lưu: VT, VHXH.
                                                           Phạm Đức Long
"""


def test_unnumbered_headings_under_lettered_parts(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _write(tmp_path, body=UNNUMBERED, targets_head="A. MỤC TIÊU\nMục tiêu cụ thể\n")
    titles = [s.title for s in parse(read(path)).sections]
    # the first heading under a part's heading, and headings of nine and ten syllables
    for title in ("Mục tiêu cụ thể", "Hạ tầng số", "Đảm bảo an toàn, an ninh thông tin mạng",
                  "Đào tạo, tuyên truyền và phát triển nguồn nhân lực", "Giải pháp", "Phòng Văn hóa - Xã hội"):
        assert title in titles
    assert _loud(check_file(path, packs).findings) == []
    # without the content the plan is found short of it
    security = "Đảm bảo an toàn, an ninh thông tin mạng\nThực hiện phương án bảo đảm an toàn thông tin theo quy định.\n"
    path = _write(tmp_path, body=UNNUMBERED.replace(security, ""), targets_head="A. MỤC TIÊU\nMục tiêu cụ thể\n")
    assert ("HP215-SEC-ATTT", "missing", "error") in _loud(check_file(path, packs).findings)


# --------------------------------------------------------------------------- the issuer and where it applies


def test_the_place_a_plan_applies_to_is_not_the_issuer(tmp_path: Path, packs: list[LoadedPack]) -> None:
    body = BODY.replace("{nhanluc}", NHANLUC).replace(
        "V. TỔ CHỨC THỰC HIỆN\n", "V. TỔ CHỨC THỰC HIỆN\nTriển khai đồng bộ Kế hoạch số 215/KH-UBND của UBND thành phố "
        "trên địa bàn xã; xác định rõ trách nhiệm của từng cơ quan.\n")
    r = check_file(_write(tmp_path, body=body), packs)
    assert _loud(r.findings) == []
    # a wrong issuer is still one
    body = body.replace("của UBND thành phố trên địa bàn xã", "của UBND tỉnh Hải Dương trên địa bàn xã")
    assert ("HP215-CITE", "inconsistent", "error") in _loud(check_file(_write(tmp_path, body=body), packs).findings)


# --------------------------------------------------------------------------- deadlines later than the directive's


@pytest.mark.parametrize(("key", "text", "due"), [
    ("kynangso", f"Đến hết tháng 6 năm 2026, tối thiểu 55% {STAFF}.", "30/06/2026"),
    ("kynangso", f"Trước tháng 3/2026, tối thiểu 55% {STAFF}.", "31/03/2026"),
    ("hoso", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: ≥ 82% (hoàn thành trong quý I/2026).",
     "31/03/2026"),
    ("hoso", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt tối thiểu 82% trước ngày 30/6/2026.",
     "30/06/2026"),
])
def test_a_later_deadline_is_found(tmp_path: Path, packs: list[LoadedPack], key: str, text: str, due: str) -> None:
    findings = check_file(_write(tmp_path, **{key: text}), packs).findings
    rule = {"kynangso": "HP215-TGT-KYNANGSO", "hoso": "HP215-TGT-HOSO"}[key]
    assert _loud(findings) == [(rule, "weaker", "error")]
    (f,) = [f for f in findings if f.id == rule]
    assert due in (f.actual or "") and "31/12/2025" in (f.expected or "") and f.line == LINE[key]


@pytest.mark.parametrize(("key", "text"), [
    ("kynangso", f"Đến hết tháng 11 năm 2025, tối thiểu 55% {STAFF}."),
    ("kynangso", f"Đến hết tháng 12/2025, tối thiểu 55% {STAFF}."),
    ("hoso", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: ≥ 82% (hoàn thành trong quý IV/2025)."),
    ("hoso", "Hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: ≥ 82% (so với năm 2026 là 90%)."),
])
def test_an_earlier_deadline_is_silent(tmp_path: Path, packs: list[LoadedPack], key: str, text: str) -> None:
    assert _loud(check_file(_write(tmp_path, **{key: text}), packs).findings) == []


# --------------------------------------------------------------------------- shares as fractions


@pytest.mark.parametrize(("text", "want"), [
    ("Có ít nhất 3/4 số hồ sơ thủ tục hành chính", "co it nhat 75% so ho so thu tuc hanh chinh"),
    ("tối thiểu 4/5 tổng số hồ sơ", "toi thieu 80% tong so ho so"),
    ("đạt 1/2 số cán bộ", "dat 50% so can bo"),
    ("ngày 3/4 năm 2025", "ngay 3/4 nam 2025"),          # a day and month
    ("ngày 3/4/2025 đạt", "ngay 3/4/2025 dat"),
    ("Quyết định số 3/4 của", "quyet dinh so 3/4 cua"),   # a number
    ("Quyết định 1/5 về", "quyet dinh 1/5 ve"),
    ("2/3 số xã", "2/3 so xa"),                           # not a whole percentage: left as written
    ("tháng 3/4 tới", "thang 3/4 toi"),
])
def test_fractions_as_shares(text: str, want: str) -> None:
    assert normalise_percent(fold(text)) == want


def test_a_share_as_a_fraction_is_judged(tmp_path: Path, packs: list[LoadedPack]) -> None:
    weaker = "Có ít nhất 3/4 số hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình."
    findings = check_file(_write(tmp_path, hoso=weaker), packs).findings
    assert _loud(findings) == [("HP215-TGT-HOSO", "weaker", "error")]
    (f,) = [f for f in findings if f.id == "HP215-TGT-HOSO"]
    assert "3/4" in f.evidence and f.line == LINE["hoso"]
    met = {"hoso": "Tối thiểu 4/5 tổng số hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
           "hscv": "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt tối thiểu 4/5 tổng số hồ sơ công việc "
                   "(trừ hồ sơ mật)."}
    assert _loud(check_file(_write(tmp_path, **met), packs).findings) == []


# --------------------------------------------------------------------------- a table of the documents cited

TABLE = ("Căn cứ các văn bản sau:\n"
         "STT\tSố, ký hiệu\tNgày ban hành\tCơ quan ban hành\tTrích yếu\n"
         "1\tNghị định số 45/2020/NĐ-CP\t{date}\tChính phủ\tVề thực hiện thủ tục hành chính trên môi trường điện tử\n"
         "2\tQuyết định số 749/QĐ-TTg\t03/6/2020\tThủ tướng Chính phủ\tPhê duyệt Chương trình chuyển đổi số quốc gia")


def test_a_table_of_citations_gives_their_dates(tmp_path: Path, packs: list[LoadedPack]) -> None:
    findings = check_file(_write(tmp_path, basis=TABLE.format(date="08/4/2021")), packs).findings
    assert _loud(findings) == [("HP215-REFS", "outdated", "warning")]
    (f,) = [f for f in findings if f.id == "HP215-REFS"]
    assert f.line == 10 and "08/4/2021" in f.evidence and "08/4/2020" in f.message
    assert _loud(check_file(_write(tmp_path, basis=TABLE.format(date="08/4/2020")), packs).findings) == []


# --------------------------------------------------------------------------- offices and their work

SECURITY_ELSEWHERE = BODY.replace("{nhanluc}", NHANLUC).replace(
    "3. Công an xã: bảo đảm an ninh mạng, an toàn thông tin.\n", "").replace(
    "4. Văn phòng HĐND và UBND xã: quản lý văn bản, điều hành.",
    "3. Văn phòng HĐND và UBND xã: quản lý văn bản, điều hành; chủ trì bảo đảm an toàn thông tin.").replace(
    "5. Trung tâm", "4. Trung tâm").replace("- UBND thành phố;", "- UBND thành phố;\n- Công an xã;")


def test_an_office_among_the_recipients_only_is_not_assigned(tmp_path: Path, packs: list[LoadedPack]) -> None:
    findings = check_file(_write(tmp_path, body=SECURITY_ELSEWHERE), packs).findings
    assert _loud(findings) == [("HP215-UNIT-CONGAN", "missing", "error")]
    # the round's plan: its recipients, short lines under Nơi nhận, are not a table's cells cut one to a line
    (f,) = [f for f in check_file(PLANS / "xa-chan-hung-abc-bang-tieu-de-gop.txt", packs).findings
            if f.id == "HP215-UNIT-CONGAN"]
    assert (f.kind, f.severity) == ("missing", "error")


def _security_under_its_heading(who: str, body: str) -> str:
    """The body with the security work under its own heading, the office named in its task (``who``), and no
    longer in the part that gives work."""
    return body.replace(
        "4. Bảo đảm an toàn, an ninh thông tin mạng: phương án bảo đảm an toàn thông tin theo quy định.\n",
        "4. Bảo đảm an toàn, an ninh thông tin mạng\n- Xác định cấp độ hệ thống; diễn tập; phòng chống lừa đảo trên "
        f"không gian mạng{who}.\n").replace(
        "3. Công an xã: bảo đảm an ninh mạng, an toàn thông tin.\n", "").replace(
        "4. Văn phòng", "3. Văn phòng").replace("5. Trung tâm", "4. Trung tâm")


def test_the_heading_over_a_task_names_its_work(tmp_path: Path, packs: list[LoadedPack]) -> None:
    body = _security_under_its_heading(" (Chủ trì: Công an xã; phối hợp: Phòng Văn hóa - Xã hội)",
                                       BODY.replace("{nhanluc}", NHANLUC))
    assert _loud(check_file(_write(tmp_path, body=body), packs).findings) == []


# --------------------------------------------------------------------------- the plans of the round


def test_the_other_directive_is_named(packs: list[LoadedPack]) -> None:
    r = check_file(PLANS / "xa-truong-tan-thuc-hien-van-ban-khac.txt", packs)
    assert r.status == "not-applicable" and "31/KH-UBND" in (r.reason or "")
    (lp,) = [lp for lp in packs if lp.pack.directive.number == "215/KH-UBND"]
    r = check_file(PLANS / "xa-truong-tan-thuc-hien-van-ban-khac.txt", packs, round_pack=lp)
    assert r.status == "checked" and "31/KH-UBND" in (r.reason or "")
    (cite,) = [f for f in r.findings if f.id == "HP215-CITE"]
    assert cite.kind == "missing" and "31/KH-UBND" in cite.message


def test_the_heading_over_a_sentence_names_its_work(tmp_path: Path, packs: list[LoadedPack]) -> None:
    # in prose, in a part that gives work: the office and the heading that names its work
    body = _security_under_its_heading(", do Công an xã chủ trì", BODY.replace("{nhanluc}", NHANLUC).replace(
        "II. NHIỆM VỤ\n", "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN\n"))
    assert _loud(check_file(_write(tmp_path, body=body), packs).findings) == []
