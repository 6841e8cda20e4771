"""Blind round 8 (tests/fixtures/plans, index.yaml "blind round 8"; the verdicts written before the first run and
the raw result of that run are in tests/fixtures/blind-8-expected.md): what else a unit's folder holds besides its
plan, and plans that look like those documents. What they revealed, pinned on short texts written for each point
(the eight files themselves are checked whole by tests/test_own_plans.py):

- a document is known for what it is by the conventions of administrative documents (NĐ 30/2020/NĐ-CP; Hướng dẫn
  36-HD/VPTW for the Party's), kept in rules/conventions.yaml ``document_types``: its type name in the title block
  ("BÁO CÁO", "TỜ TRÌNH", "QUYẾT ĐỊNH"), else the type's abbreviation in its number's symbol ("…/BC-UBND",
  "…/TTr-VHXH", "…/QĐ-UBND"), else a letter's subject line ("V/v …") under a symbol that is the issuer's
  ("…/UBND-VHXH"). A report, a submission, a decision issuing no plan, a letter that does not set out a plan's
  parts is not the plan the directive asks for: not applicable, the reason saying what it is, no finding about
  the directive's targets (before: each checked as a plan, 9 to 21 false alarms apiece, the figures it reports or
  quotes read as its targets);
- a Party committee's own document (ĐẢNG ỦY XÃ … with "ĐẢNG CỘNG SẢN VIỆT NAM" or a number "Số 05-KH/ĐU") is the
  Party's, not the People's Committee's plan: not applicable, the reason saying so (before: checked as a plan);
- a plan issued jointly (ĐẢNG ỦY XÃ X - UBND XÃ X, "Số: …/KHLT-ĐU-UBND") is the commune's plan, the unit the
  commune; a type name with a qualifier ("KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH") is the plan's type (before:
  "thiếu tên loại văn bản (KẾ HOẠCH)");
- a plan of another subject that names the directive only among its grounds ("Căn cứ Kế hoạch số 215/KH-UBND …"
  in a plan on cải cách hành chính 2026) does not implement it: not applicable;
- a top part reporting results before the plan sets its objectives ("PHẦN I. KẾT QUẢ ỨNG DỤNG …", then "PHẦN II"
  with "II. MỤC TIÊU") holds results, not a second level of the targets (before: five "ghi hai mức khác nhau");
- a head signing in their own right writes the position alone ("CHỦ TỊCH" under a Chairman's decision,
  "TRƯỞNG PHÒNG" under an office's submission): the general form check asks for no TM./KT. there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_blind_plans_6b import _write
from test_reviewer_outputs import run_check

from checker.conventions import document_type_by_symbol, document_type_of
from checker.models import Finding
from checker.pipeline import check_file
from checker.rules.loader import LoadedGeneral, LoadedPack, load_general

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"


@pytest.fixture(scope="module")
def general() -> LoadedGeneral:
    loaded = load_general()
    assert loaded is not None
    return loaded


def _loud(findings: list[Finding]) -> list[tuple[str, str, int | None]]:
    return sorted((f.id, f.kind, f.line or 0) for f in findings if f.severity in ("error", "warning"))


def _plan_text(tmp_path: Path) -> str:
    """The compliant plan of round 6b's tests (Xã Ninh Giang, Số: 96/KH-UBND) as text."""
    return _write(tmp_path).read_text(encoding="utf-8")


def _save(tmp_path: Path, text: str, name: str = "d.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _as(text: str, number: str, type_line: str | None, title: str | None = None) -> str:
    """The plan's text with another number and type line (None: the type line dropped) and title."""
    text = text.replace("Số: 96/KH-UBND", f"Số: {number}")
    if type_line is None:
        return text.replace("KẾ HOẠCH\n", "", 1)
    text = text.replace("KẾ HOẠCH\n", type_line + "\n", 1)
    if title is not None:
        text = text.replace("Ứng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025\n",
                            title + "\n", 1)
    return text


def test_the_base_plan_is_checked(tmp_path: Path, packs: list[LoadedPack]) -> None:
    r = check_file(_save(tmp_path, _plan_text(tmp_path)), packs)
    assert r.status == "checked" and _loud(r.findings) == []


# --------------------------------------------------------------------------- the vocabulary

def test_type_names_and_symbols_read_by_the_conventions() -> None:
    named = {t: (d.name if (d := document_type_of(t)) else None) for t in (
        "KẾ HOẠCH", "KÉ HOẠCH", "KE HOACH", "Kế hoạch:", "KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH", "BÁO CÁO",
        "TỜ TRÌNH", "QUYẾT ĐỊNH:", "Kế hoạch số 215/KH-UBND ngày 25/8/2025", "Báo cáo kết quả thực hiện",
        "PHƯỜNG AN PHONG", "PHƯỜNG AN")}
    assert named == {"KẾ HOẠCH": "Kế hoạch", "KÉ HOẠCH": "Kế hoạch", "KE HOACH": "Kế hoạch", "Kế hoạch:": "Kế hoạch",
                     "KẾ HOẠCH HÀNH ĐỘNG": "Kế hoạch", "KẾ HOẠCH LIÊN TỊCH": "Kế hoạch", "BÁO CÁO": "Báo cáo",
                     "TỜ TRÌNH": "Tờ trình", "QUYẾT ĐỊNH:": "Quyết định",
                     "Kế hoạch số 215/KH-UBND ngày 25/8/2025": None, "Báo cáo kết quả thực hiện": None,
                     "PHƯỜNG AN PHONG": None, "PHƯỜNG AN": None}
    by_symbol = {n: (d.name if (d := document_type_by_symbol(n)) else None) for n in (
        "312/BC-UBND", "58/TTr-VHXH", "436/QĐ-UBND", "286/UBND-VHXH", "05-KH/ĐU", "07/KHLT-ĐU", "96/KH-UBND")}
    assert by_symbol == {"312/BC-UBND": "Báo cáo", "58/TTr-VHXH": "Tờ trình", "436/QĐ-UBND": "Quyết định",
                         "286/UBND-VHXH": None, "05-KH/ĐU": "Kế hoạch", "07/KHLT-ĐU": "Kế hoạch",
                         "96/KH-UBND": "Kế hoạch"}


# --------------------------------------------------------------------------- documents that are not the plan

@pytest.mark.parametrize(("number", "type_line", "title", "kind"), [
    ("312/BC-UBND", "BÁO CÁO", "Kết quả thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025", "báo cáo"),
    ("58/TTr-VHXH", "TỜ TRÌNH", "Về việc ban hành Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số", "tờ trình"),
    ("436/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc thành lập Ban Chỉ đạo chuyển đổi số xã Ninh Giang", "quyết định"),
    ("312/BC-UBND", None, None, "báo cáo"),  # no type line (lost, or never written): the number's symbol says it
])
def test_another_type_of_document_is_not_the_plan(tmp_path: Path, packs: list[LoadedPack], number: str,
                                                  type_line: str | None, title: str | None, kind: str) -> None:
    """Whatever it quotes (here every target of the plan, one of them lower), a report, a submission or a decision
    is not checked as the plan: not applicable, the reason saying what it is."""
    text = _as(_plan_text(tmp_path), number, type_line, title).replace("Tối thiểu 82% hồ sơ", "Đạt 70% hồ sơ")
    r = check_file(_save(tmp_path, text), packs)
    assert r.status == "not-applicable" and r.findings == [] and r.unit == "Xã Ninh Giang"
    assert r.reason is not None and r.reason.startswith(f"Văn bản là {kind} (Số {number}")
    assert "không phải kế hoạch thực hiện Kế hoạch số 215/KH-UBND" in r.reason


def test_not_the_plan_in_a_round_of_the_directive_too(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """``--directive 215/KH-UBND`` checks every plan against 215; a report is still no plan."""
    text = _as(_plan_text(tmp_path), "312/BC-UBND", "BÁO CÁO", "Kết quả thực hiện Kế hoạch số 215/KH-UBND")
    r = check_file(_save(tmp_path, text), packs, round_pack=packs[0])
    assert r.status == "not-applicable" and r.findings == [] and "báo cáo" in (r.reason or "")


def test_a_decision_issuing_the_plan_is_still_the_plan(packs: list[LoadedPack]) -> None:
    """A Quyết định with its plan "(Ban hành kèm theo Quyết định số …)" in the same file is the plan's (round 7b)."""
    r = check_file(PLANS / "xa-thai-tan-quyet-dinh-ban-hanh.txt", packs)
    assert r.status == "checked" and _loud(r.findings) == []


LETTER = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  XÃ NINH GIANG                           Độc lập - Tự do - Hạnh phúc
Số: 286/UBND-VHXH                     Ninh Giang, ngày 12 tháng 9 năm 2025
V/v xin gia hạn thời gian gửi Kế hoạch
thực hiện Kế hoạch số 215/KH-UBND

Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng.

Ngày 25/8/2025, Ủy ban nhân dân thành phố ban hành Kế hoạch số 215/KH-UBND về ứng dụng công nghệ thông tin \
và chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025.

1. Dự thảo Kế hoạch đang lấy ý kiến; tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình dự kiến đạt 65%.
2. Ủy ban nhân dân xã kính đề nghị được gia hạn đến hết ngày 30/9/2025./.

Nơi nhận:                                        KT. CHỦ TỊCH
- Như trên;                                           PHÓ CHỦ TỊCH
- Lưu: VT, VHXH.
                                                   Nguyễn Thị Lan Anh
"""


def test_a_letter_about_the_plan_is_not_the_plan(tmp_path: Path, packs: list[LoadedPack]) -> None:
    r = check_file(_save(tmp_path, LETTER), packs)
    assert r.status == "not-applicable" and r.findings == []
    assert (r.reason or "").startswith("Văn bản là công văn (Số 286/UBND-VHXH, V/v xin gia hạn")


def test_a_letter_setting_out_the_plan_is_checked_as_one(packs: list[LoadedPack]) -> None:
    """A letter "V/v triển khai thực hiện Kế hoạch số 215 …" whose parts are a plan's (1. Về mục tiêu, chỉ tiêu …
    4. Tổ chức thực hiện): the plan sent in a letter's form, said so by HP215-FORM (round 4)."""
    r = check_file(PLANS / "xa-vinh-thinh-cong-van-trien-khai.txt", packs)
    assert r.status == "checked"
    assert ("HP215-FORM", "inconsistent", 4) in _loud(r.findings)


PARTY_HEAD = """ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG               ĐẢNG CỘNG SẢN VIỆT NAM
    ĐẢNG ỦY XÃ NINH GIANG
             *                        Ninh Giang, ngày 15 tháng 9 năm 2025
       Số 05-KH/ĐU

"""
JOINT_HEAD = """ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ĐẢNG ỦY XÃ NINH GIANG - UBND XÃ NINH GIANG         Độc lập - Tự do - Hạnh phúc

Số: 07/KHLT-ĐU-UBND                   Ninh Giang, ngày 18 tháng 9 năm 2025

"""


def _with_head(text: str, head: str, type_line: str = "KẾ HOẠCH") -> str:
    body = text[text.index("KẾ HOẠCH\n"):]
    return head + body.replace("KẾ HOẠCH\n", type_line + "\n", 1)


def test_a_party_committees_plan_is_the_partys(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The same plan under a Party committee's header (its motto, "Số 05-KH/ĐU"): the Party's document, named by
    its issuer as written (tests/test_issuers.py: a Party body's document is never given a commune's name)."""
    r = check_file(_save(tmp_path, _with_head(_plan_text(tmp_path), PARTY_HEAD)), packs)
    assert r.status == "not-applicable" and r.findings == []
    assert r.unit == "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG ĐẢNG ỦY XÃ NINH GIANG"
    assert (r.reason or "").startswith("Văn bản của Đảng (ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG ĐẢNG ỦY XÃ NINH GIANG, "
                                       "Số 05-KH/ĐU")


def test_a_joint_plan_of_the_party_committee_and_the_commune_is_the_communes(
        tmp_path: Path, packs: list[LoadedPack]) -> None:
    """ĐẢNG ỦY XÃ X - UBND XÃ X, "KẾ HOẠCH LIÊN TỊCH", Số: …/KHLT-ĐU-UBND: the commune's plan, checked."""
    path = _save(tmp_path, _with_head(_plan_text(tmp_path), JOINT_HEAD, "KẾ HOẠCH LIÊN TỊCH"))
    r = check_file(path, packs)
    assert r.status == "checked" and r.unit == "Xã Ninh Giang"
    assert _loud(r.findings) == []


def test_a_type_name_with_a_qualifier_is_the_plans(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _plan_text(tmp_path).replace("KẾ HOẠCH\n", "KẾ HOẠCH HÀNH ĐỘNG\n", 1)
    r = check_file(_save(tmp_path, text), packs)
    assert r.status == "checked" and _loud(r.findings) == []


# --------------------------------------------------------------------------- the directive among the grounds only

def test_a_plan_of_another_subject_naming_the_directive_among_its_grounds(tmp_path: Path,
                                                                          packs: list[LoadedPack]) -> None:
    text = _plan_text(tmp_path).replace(
        "Ứng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025\n",
        "Cải cách hành chính năm 2026 của xã Ninh Giang\n", 1).replace("Thực hiện Kế hoạch số 215",
                                                                         "Căn cứ Kế hoạch số 215")
    r = check_file(_save(tmp_path, text), packs)
    assert r.status == "not-applicable" and r.findings == []
    assert (r.reason or "").startswith('Kế hoạch "Cải cách hành chính năm 2026 của xã Ninh Giang" chỉ viện dẫn')


def test_a_plan_of_the_directives_subject_citing_it_as_ground_is_checked(tmp_path: Path,
                                                                         packs: list[LoadedPack]) -> None:
    """"Căn cứ Kế hoạch số 215 …" in a plan on the directive's subject: the plan implementing it."""
    text = _plan_text(tmp_path).replace("Thực hiện Kế hoạch số 215", "Căn cứ Kế hoạch số 215")
    r = check_file(_save(tmp_path, text), packs)
    assert r.status == "checked" and _loud(r.findings) == []


# --------------------------------------------------------------------------- a part of results before the objectives

RESULTS = """PHẦN I
KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN, CHUYỂN ĐỔI SỐ TỪ NGÀY 01/7/2025
1. Chính quyền số
- Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 62%.
- Kết quả giải quyết thủ tục hành chính: đã số hóa 72%.
- Mức độ hài lòng của người dân, doanh nghiệp đạt 87%.
2. Đánh giá chung
Còn 3 chỉ tiêu chưa đạt.

PHẦN II
KẾ HOẠCH 6 THÁNG CUỐI NĂM 2025

"""


def test_results_before_the_objectives_are_results(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _plan_text(tmp_path).replace("I. MỤC TIÊU\n", RESULTS + "I. MỤC TIÊU\n", 1)
    r = check_file(_save(tmp_path, text), packs)
    assert r.status == "checked" and _loud(r.findings) == []


def test_results_to_reach_after_the_objectives_are_targets(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """"KẾT QUẢ CẦN ĐẠT" after the objectives: its figures are the plan's, a lower one is weaker."""
    text = _plan_text(tmp_path).replace(
        "II. NHIỆM VỤ\n", "II. KẾT QUẢ CẦN ĐẠT\n- Tối thiểu 30% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng "
        "kỹ năng số.\nIII. NHIỆM VỤ\n", 1)
    r = check_file(_save(tmp_path, text), packs)
    assert ("HP215-TGT-KYNANGSO", "inconsistent") in [(f.id, f.kind) for f in r.findings] or \
        ("HP215-TGT-KYNANGSO", "weaker") in [(f.id, f.kind) for f in r.findings]


# --------------------------------------------------------------------------- a head signing in their own right

def test_a_head_signing_in_their_own_right_writes_no_mark(tmp_path: Path, packs: list[LoadedPack],
                                                          general: LoadedGeneral) -> None:
    text = _as(_plan_text(tmp_path), "58/TTr-VHXH", "TỜ TRÌNH", "Về việc ban hành Kế hoạch").replace(
        "TM. ỦY BAN NHÂN DÂN", "TRƯỞNG PHÒNG      ").replace("                CHỦ TỊCH\n", "\n")
    r = check_file(_save(tmp_path, text), packs, general=general)
    assert r.status == "not-applicable" and _loud(r.general) == []


# --------------------------------------------------------------------------- the batch shows what was sent

@pytest.mark.skipif(not (PLANS / "xa-tran-phu-bao-cao-ket-qua.txt").exists(), reason="fixture absent")
def test_the_batch_says_what_each_unit_sent(tmp_path: Path) -> None:
    """Text, JSON and the HTML index: a unit that sent a report is not applicable, with what the document is, and
    listed among the units that have not sent their plan, with the reason beside it."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("xa-tran-phu-bao-cao-ket-qua.txt", "xa-hop-tien-lien-tich.txt"):
        (folder / name).write_text((PLANS / name).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    text = run_check(folder, "-o", out, "-j", "1", cwd=tmp_path).stdout
    assert re.search(r"xa-tran-phu-bao-cao-ket-qua\.txt — Xã Trần Phú \[không áp dụng\]\n\s+Văn bản là báo cáo", text)
    data = json.loads(run_check(folder, "--format", "json", "-j", "1", cwd=tmp_path).stdout)
    report = next(p for p in data["plans"] if p["path"].endswith("bao-cao-ket-qua.txt"))
    assert report["status"] == "not-applicable" and report["unit"] == "Xã Trần Phú" and report["findings"] == []
    assert report["reason"].startswith("Văn bản là báo cáo (Số 312/BC-UBND")
    index = (out / "index.html").read_text(encoding="utf-8")
    missing = index[index.index('id="missing-list"'):]
    item = missing[missing.index("Xã Trần Phú"):]
    item = item[: item.index("</li>")]
    assert "Văn bản là báo cáo" in item


DECISION = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  XÃ NINH GIANG                           Độc lập - Tự do - Hạnh phúc
Số: 436/QĐ-UBND                       Ninh Giang, ngày 11 tháng 9 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Tổ công nghệ số cộng đồng xã Ninh Giang

CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NINH GIANG

Căn cứ Kế hoạch số 132/KH-UBND ngày 15/4/2025 của Ủy ban nhân dân thành phố Hải Phòng;

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công nghệ số cộng đồng xã Ninh Giang.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

Nơi nhận:                                               CHỦ TỊCH
- Như Điều 2;
- Lưu: VT, VHXH.
                                                     Vũ Đình Khoa
"""


def test_a_chairmans_decision_signed_chairman_alone(tmp_path: Path, packs: list[LoadedPack],
                                                   general: LoadedGeneral) -> None:
    """NĐ 30/2020, Phụ lục I: TM./KT. only where one signs for a body or a head; the Chairman's own decision
    is signed "CHỦ TỊCH" (before: "thiếu quyền hạn ký (TM./KT.), chức vụ người ký")."""
    r = check_file(_save(tmp_path, DECISION), packs, general=general)
    assert r.status == "not-applicable" and _loud(r.general) == []
    missing = DECISION.replace("CHỦ TỊCH\n- Như", "\n- Như")  # no position at all: still a finding
    r = check_file(_save(tmp_path, missing), packs, general=general)
    assert [(f.id, f.kind) for f in r.general if f.severity == "warning"] == [("GEN-FORM", "incomplete")]


def test_a_party_header_laid_out_as_a_word_table_is_the_header(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """A Party committee's header in a borderless two-column Word table (its committee left, the Party's motto
    right, no "Số:" with a colon): the document's header (before: read as a table of data, no issuer, number or
    motto, so the Party's document was checked as a plan)."""
    from layouts import blocks_of, render_docx

    source = _save(tmp_path, _with_head(_plan_text(tmp_path), PARTY_HEAD))
    word = render_docx(blocks_of(source), tmp_path / "d.docx")
    r = check_file(word, packs)
    assert r.status == "not-applicable" and r.findings == []
    assert (r.reason or "").startswith("Văn bản của Đảng (")
