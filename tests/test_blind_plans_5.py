"""Fifth round of blind plans (tests/fixtures/plans, index.yaml "blind round 5"): what they revealed, pinned on
short texts written for each point (the plans themselves are checked whole by tests/test_own_plans.py).

- a target set by stages in one sentence is judged by its figure for the end of the plan's first year, the
  directive's deadline ("đến hết năm 2025 đạt 40%, đến hết năm 2026 đạt 70%": 40% is short of the city's 50%);
  an earlier milestone is never a defect ("đến 30/9/2025 đạt 40%, đến 31/12/2025 đạt 55%"), nor a higher figure
  for a later year ("55% năm 2025, 70% năm 2026");
- the directive cited with its number miswritten by another office ("251/KH-UBND", "215/KH-UB") but with its
  date, issuer and subject is still the directive: the plan is checked, and the number is the finding; a plan of
  the same city and day on another matter is never taken for it;
- a national document cited with a number the registry does not know and the very date of one it knows whose
  number is this one miswritten (the year in the number not the date's, two digits swapped) is found; a number
  one digit off is not (documents of one day have consecutive numbers);
- a content heading "Nhân lực" names content 5 (rules/215-KH-UBND.yaml, HP215-SEC-NHANLUC).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_blind_plans_4 import BODY as BODY4
from test_blind_plans_4 import CLOSING as CLOSING4

from checker.ingest import read
from checker.models import Finding
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"


CITE = ("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng về ứng dụng công nghệ "
        "thông tin và chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025;")

TARGETS = {
    "dvctt": "100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
    "hoso": "Tối thiểu 82% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
    "hscv": "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật) đạt 76%.",
    "baocao": "100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo của thành phố.",
    "sohoa": "100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định.",
    "hailong": "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính trên 91%.",
    "kynangso": "Tối thiểu 55% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số.",
    "kyso": "Trên 92% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật).",
}

NHANLUC = "5. Đào tạo, tuyên truyền và phát triển nguồn nhân lực: bồi dưỡng kỹ năng số."
# the body and closing of round 4's short plan, its content 5 replaceable
BODY = (BODY4.replace(NHANLUC + "\n", "{nhanluc}\n") + CLOSING4).replace("Phạm Đức Long", "Lê Văn Hòa")


def _plan(tmp_path: Path, *, cite: str = CITE, basis: str = "", nhanluc: str = NHANLUC, **targets: str) -> Path:
    """A compliant plan of Xã Ninh Giang; ``cite`` the directive's citation, ``basis`` a Căn cứ line before it,
    ``targets`` replace the targets of those keys."""
    lines = "".join(f"- {targets.get(k, t)}\n" for k, t in TARGETS.items())
    text = ("ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc\n"
            "Số: 96/KH-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025\n\n"
            "KẾ HOẠCH\nỨng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025\n\n"
            + (basis + "\n" if basis else "") + cite + "\nUBND xã Ninh Giang ban hành Kế hoạch:\n\n"
            "I. MỤC TIÊU\nChỉ tiêu cụ thể\n" + lines + BODY.replace("{nhanluc}", nhanluc))
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _loud(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.id, f.kind, f.severity) for f in findings if f.severity in ("error", "warning"))


def test_the_base_plan_is_compliant(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert "{nhanluc}" in BODY  # round 4's content 5 found and made replaceable
    r = check_file(_plan(tmp_path), packs)
    assert r.status == "checked" and _loud(r.findings) == []


# --------------------------------------------------------------------------- A. targets by stages in one sentence

SUBJECT = "Tỷ lệ cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số"


@pytest.mark.parametrize("staged", [
    f"{SUBJECT} đến hết năm 2025 đạt 40%, đến hết năm 2026 đạt 70%.",
    f"{SUBJECT}: đến 31/12/2025 đạt 40%; đến 31/12/2026 đạt 70%.",
    f"{SUBJECT} đạt 40% vào cuối năm 2025 và 70% vào cuối năm 2026.",
    f"{SUBJECT} năm 2025 đạt 40%, năm 2026 đạt 70%.",
    f"Đến hết năm 2025, {SUBJECT[0].lower()}{SUBJECT[1:]} đạt 40%; đến hết năm 2026, "
    f"{SUBJECT[0].lower()}{SUBJECT[1:]} đạt 70%.",
])
def test_the_figure_for_the_deadline_is_judged(tmp_path: Path, packs: list[LoadedPack], staged: str) -> None:
    findings = check_file(_plan(tmp_path, kynangso=staged), packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error")]
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert f.actual == "đạt 40%" and "40%" in f.evidence


@pytest.mark.parametrize("staged", [
    f"{SUBJECT} đến 30/9/2025 đạt 40%, đến 31/12/2025 đạt 55%.",       # an interim milestone before the deadline
    f"{SUBJECT} đạt 55% năm 2025, 70% năm 2026.",                        # a higher figure for a later year
    f"{SUBJECT} đến hết năm 2025 đạt 55%, đến hết năm 2026 đạt 70%.",
    f"{SUBJECT} (năm 2025: tối thiểu 50%; năm 2026: tối thiểu 70%).",
    f"{SUBJECT} đến quý III/2025 đạt 30%, đến hết năm 2025 đạt 50%, đến hết năm 2026 đạt 80%.",
])
def test_milestones_and_later_years_are_silent(tmp_path: Path, packs: list[LoadedPack], staged: str) -> None:
    assert _loud(check_file(_plan(tmp_path, kynangso=staged), packs).findings) == []


def test_the_staged_target_is_set_for_the_first_years_end(tmp_path: Path) -> None:
    plan = parse(read(_plan(tmp_path, kynangso=f"{SUBJECT} đến hết năm 2025 đạt 40%, đến hết năm 2026 đạt 70%.")))
    (t,) = [t for t in plan.targets if "kỹ năng số" in t.text]
    assert t.value == 40 and t.due is not None and (t.due.year, t.due.month, t.due.day) == (2025, 12, 31)


# --------------------------------------------------------------------------- B. the directive's number miswritten

ABOUT = ("của UBND thành phố Hải Phòng về ứng dụng công nghệ thông tin và chuyển đổi số trong các cơ quan nhà nước "
         "thành phố Hải Phòng 6 tháng cuối năm 2025;")


@pytest.mark.parametrize(("number", "severity"), [("251/KH-UBND", "error"), ("205/KH-UBND", "error"),
                                                  ("215/KH-UB", "warning")])
def test_the_directive_cited_with_a_wrong_number_is_checked(tmp_path: Path, packs: list[LoadedPack], number: str,
                                                            severity: str) -> None:
    r = check_file(_plan(tmp_path, cite=f"Thực hiện Kế hoạch số {number} ngày 25/8/2025 {ABOUT}"), packs)
    assert r.status == "checked" and r.directive == "215/KH-UBND"
    assert _loud(r.findings) == [("HP215-CITE", "inconsistent", severity)]
    (f,) = [f for f in r.findings if f.id == "HP215-CITE"]
    assert f.actual == number and f.expected == "215/KH-UBND" and f.line == 8 and number in f.evidence
    assert not [f for f in r.findings if f.id == "HP215-REFS"]  # not also an unknown document
    # a drafter's plan with the wrong number is still checked for what the directive asks
    r = check_file(_plan(tmp_path, cite=f"Thực hiện Kế hoạch số {number} ngày 25/8/2025 {ABOUT}",
                         kynangso=f"{SUBJECT} đạt 40%."), packs)
    assert ("HP215-TGT-KYNANGSO", "weaker", "error") in _loud(r.findings)


@pytest.mark.parametrize("cite", [
    # the same number and day, another matter: another plan of the city
    "Thực hiện Kế hoạch số 251/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng về công tác phòng, chống thiên "
    "tai năm 2025;",
    # a neighbouring number of the same day (one digit off), another matter
    "Thực hiện Kế hoạch số 216/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng về phát triển du lịch;",
    # the directive's slipped number, another day
    f"Thực hiện Kế hoạch số 251/KH-UBND ngày 15/9/2025 {ABOUT}",
    # a symbol with letters of its own, not the directive's cut short
    f"Thực hiện Kế hoạch số 215/KH-UBNDT ngày 25/8/2025 {ABOUT}",
    # another city's plan of that number and day
    "Thực hiện Kế hoạch số 215/KH-UB ngày 25/8/2025 của UBND tỉnh Quảng Ninh về chuyển đổi số;",
])
def test_another_document_is_not_the_directive(tmp_path: Path, packs: list[LoadedPack], cite: str) -> None:
    r = check_file(_plan(tmp_path, cite=cite), packs)
    assert r.status == "not-applicable"


def test_a_spaced_symbol_is_the_directive(tmp_path: Path, packs: list[LoadedPack]) -> None:
    r = check_file(_plan(tmp_path, cite=f"Căn cứ Kế hoạch số 215/KH - UBND ngày 25/8/2025 {ABOUT}"), packs)
    assert r.status == "checked" and _loud(r.findings) == []


# --------------------------------------------------------------------------- B. national documents misnumbered


@pytest.mark.parametrize(("basis", "known"), [
    # the year in the number is not the date's: the registry's 47/2020/NĐ-CP of 09/4/2020
    ("Căn cứ Nghị định số 47/2022/NĐ-CP ngày 09/4/2020 của Chính phủ về quản lý, kết nối và chia sẻ dữ liệu số "
     "của cơ quan nhà nước;", "47/2020/NĐ-CP"),
    # two digits swapped: the registry's 42/2022/NĐ-CP of 24/6/2022
    ("Căn cứ Nghị định số 24/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin và dịch "
     "vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng;", "42/2022/NĐ-CP"),
])
def test_a_misnumbered_decree_is_found(tmp_path: Path, packs: list[LoadedPack], basis: str, known: str) -> None:
    findings = check_file(_plan(tmp_path, basis=basis), packs).findings
    assert _loud(findings) == [("HP215-REFS", "inconsistent", "warning")]
    (f,) = [f for f in findings if f.id == "HP215-REFS"]
    assert f.expected == known and f.line == 8 and known in f.message


def test_a_number_one_digit_off_is_not_a_misnumbering(tmp_path: Path, packs: list[LoadedPack]) -> None:
    # 43/2022/NĐ-CP of 24/6/2022 (a neighbour of 42/2022/NĐ-CP, same day): not in the registry, never "wrong"
    basis = "Căn cứ Nghị định số 43/2022/NĐ-CP ngày 24/6/2022 của Chính phủ;"
    findings = check_file(_plan(tmp_path, basis=basis), packs).findings
    assert _loud(findings) == []
    assert all(f.kind != "inconsistent" for f in findings if f.id == "HP215-REFS")


# --------------------------------------------------------------------------- a content named by "Nhân lực"


def test_a_heading_nhan_luc_is_content_5(tmp_path: Path, packs: list[LoadedPack]) -> None:
    plan = _plan(tmp_path, nhanluc="5. Nhân lực: đào tạo, bồi dưỡng kỹ năng số; tuyên truyền chuyển đổi số.")
    assert _loud(check_file(plan, packs).findings) == []
    # without it the content is missing
    plan = _plan(tmp_path, nhanluc="")
    assert ("HP215-SEC-NHANLUC", "missing", "error") in _loud(check_file(plan, packs).findings)


def test_a_quote_never_opens_with_a_list_markers_parenthesis(packs: list[LoadedPack]) -> None:
    # targets numbered "1) ... 9)" (the round's Kiến Hải plan): the quote opens with the target's words
    findings = check_file(PLANS / "xa-kien-hai-chi-tieu-ngoac-don.txt", packs).findings
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYSO"]
    assert f.evidence.startswith("Văn bản được ký số") and f.actual == "trên 85%"


def test_a_heading_naming_awareness_and_digital_skills_is_content_5(tmp_path: Path, packs: list[LoadedPack]) -> None:
    # "Nâng cao nhận thức, kỹ năng số" names content 5 by what its training and communication are for (a compliant
    # plan so headed had "thiếu nội dung" before; session 10)
    plan = _plan(tmp_path, nhanluc="5. Nâng cao nhận thức, kỹ năng số: bồi dưỡng cán bộ; tuyên truyền trên loa.")
    assert _loud(check_file(plan, packs).findings) == []


def test_the_culture_office_written_with_va_is_assigned(tmp_path: Path, packs: list[LoadedPack]) -> None:
    # "Phòng Văn hóa và Xã hội": the office's name with "và" for its dash (a compliant plan so written was told the
    # office had no work; session 10); another office in its place still leaves it without work
    plan = _plan(tmp_path)
    text = plan.read_text(encoding="utf-8")
    assert "1. Phòng Văn hóa - Xã hội:" in text
    plan.write_text(text.replace("1. Phòng Văn hóa - Xã hội:", "1. Phòng Văn hóa và Xã hội xã:"), encoding="utf-8")
    assert _loud(check_file(plan, packs).findings) == []
    plan.write_text(text.replace("1. Phòng Văn hóa - Xã hội:", "1. Phòng Tư pháp xã:"), encoding="utf-8")
    assert ("HP215-UNIT-VHXH", "missing", "error") in _loud(check_file(plan, packs).findings)
