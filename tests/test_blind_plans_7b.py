"""Blind round 7b (tests/fixtures/plans, index.yaml "blind round 7b"; the verdicts written before the first run and
the raw result of that run are in tests/fixtures/blind-7b-expected.md): the other document forms a commune uses to
implement a city plan. What they revealed, pinned on short texts written for each point (the plans themselves are
checked whole by tests/test_own_plans.py):

- a Quyết định issuing the plan, the plan after it: the decision's articles (Điều 1. Ban hành kèm theo ...) are
  not the plan's parts, so its own "Tổ chức thực hiện" gives the offices their work (a point of its Mục đích, "Xác
  định rõ ... trách nhiệm của từng cơ quan, đơn vị", is not that part); "(Kèm theo Quyết định số ...)" says it is
  issued with the decision as "(Ban hành kèm theo ...)" does: the plan has a type (KẾ HOẠCH) and its number's
  symbol is the decision's;
- the issuer written after the directive's number ends where a clause of purpose ("phù hợp với", "nhằm", "đối
  với") or another document ("và Kế hoạch số 01-KH/BCĐ ...") begins: neither is a wrong issuer;
- the header's date written in figures ("Vĩnh Thuận, ngày 26/9/2025") is the date, not a missing one; a
  citation's date in the preamble is not;
- a plan over two periods lists its targets under a heading per deadline ("Đến hết năm 2025:" / "Đến hết năm
  2026:"): a target only under the later one is set later than the directive's deadline, and a figure for 2025
  below the directive's is weaker, whatever the later year's figure;
- a deadline closing a target's clause ("... được số hóa (hoàn thành trước ngày 30/6/2026)") is the target's;
- "(cũ)" after a list of former units ("các xã Hiệp Lực, Hồng Dụ (cũ)") is history for every name of it;
- a plan sent under a cover letter in the same file (Số: .../UBND-VHXH, V/v gửi Kế hoạch ..., Kính gửi, its
  closing, then the plan under its own header): the plan's header is the document's (its number, symbol and date),
  and the letter quoting the plan's number is not a citation of an unknown document;
- the layout of such a file (checker/ingest/layout.py) is two documents: each its header, body and closing, not
  one header zone running from the letter's first line to the plan's "KẾ HOẠCH" (rewrapped, re-spaced, saved as
  Word or PDF, the two read as one disagreed in nearly every layout variant of tests/layouts.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from layouts import blocks_of
from test_blind_plans_6b import STAFF, _write

from checker.ingest import read
from checker.models import Finding
from checker.parse import parse
from checker.parse.targets import heading_deadline
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack


def _loud(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.id, f.kind, f.severity) for f in findings if f.severity in ("error", "warning"))


def _text(tmp_path: Path, **targets: str) -> str:
    """The compliant plan of round 6b's tests (Xã Ninh Giang) as text."""
    return _write(tmp_path, **targets).read_text(encoding="utf-8")


def _save(tmp_path: Path, text: str, name: str = "p.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- a decision issuing the plan

DECISION = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc
Số: 12/QĐ-UBND                              Ninh Giang, ngày 19 tháng 9 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025

ỦY BAN NHÂN DÂN XÃ NINH GIANG

Căn cứ Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng về ứng dụng công nghệ thông tin và \
chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội, Trưởng Công an xã chịu trách nhiệm thi \
hành Quyết định này./.

Nơi nhận:                                              TM. ỦY BAN NHÂN DÂN
- Như Điều 3;                                                  CHỦ TỊCH
- UBND thành phố;
- Lưu: VT, VHXH.
                                                           Lê Văn Hòa

ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc

KẾ HOẠCH
Ứng dụng công nghệ thông tin và chuyển đổi số xã Ninh Giang 6 tháng cuối năm 2025
({with} Quyết định số 12/QĐ-UBND ngày 19/9/2025 của Ủy ban nhân dân xã Ninh Giang)

I. MỤC ĐÍCH
1. Triển khai đầy đủ các nhiệm vụ thành phố giao.
2. Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị.
"""


def _decision(tmp_path: Path, with_: str, *, police: bool = True) -> Path:
    """Round 6b's plan issued with a decision: its header and closing replaced by the decision's."""
    plan = _text(tmp_path)
    body = plan[plan.index("I. MỤC TIÊU") : plan.index("\nNơi nhận:")].replace("I. MỤC TIÊU", "II. MỤC TIÊU", 1)
    for old, new in (("II. NHIỆM VỤ", "III. NHIỆM VỤ"), ("III. GIẢI PHÁP", "IV. GIẢI PHÁP"),
                     ("IV. KINH PHÍ", "V. KINH PHÍ"), ("V. TỔ CHỨC", "VI. TỔ CHỨC")):
        body = body.replace(old, new, 1)
    if not police:
        body = body.replace("3. Công an xã: bảo đảm an ninh mạng, an toàn thông tin.\n", "")
    return _save(tmp_path, DECISION.replace("{with}", with_) + body)


@pytest.mark.parametrize("with_", ["Ban hành kèm theo", "Kèm theo"])
def test_a_plan_issued_with_a_decision(tmp_path: Path, packs: list[LoadedPack], with_: str) -> None:
    path = _decision(tmp_path, with_)
    plan = parse(read(path))
    assert not any(s.title.startswith(("Ban hành kèm theo", "Quyết định này")) for s in plan.sections)
    for office in ("Phòng Văn hóa - Xã hội", "Công an xã"):
        assert any(a.unit.startswith(office) and (a.line or 0) > 30 for a in plan.assignments)
    r = check_file(path, packs)
    assert _loud(r.findings) == []
    assert not [f for f in r.findings if f.id == "HP215-FORM"]  # its type is KẾ HOẠCH, its symbol the decision's
    # an office named only in the decision's Điều 3 is not given the plan's work
    assert ("HP215-UNIT-CONGAN", "missing", "error") in _loud(check_file(_decision(tmp_path, with_, police=False),
                                                                          packs).findings)


# --------------------------------------------------------------------------- where the issuer's name ends

PURPOSE = ("II. NHIỆM VỤ\n0. Cụ thể hóa Kế hoạch số 215/KH-UBND của Ủy ban nhân dân thành phố phù hợp với điều kiện "
           "của xã; triển khai Kế hoạch số 215/KH-UBND của UBND thành phố và Kế hoạch số 01-KH/BCĐ của Ban Chỉ đạo "
           "thành phố trong toàn hệ thống chính trị.\n")


def test_the_issuer_ends_before_a_purpose_or_another_document(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _text(tmp_path).replace("II. NHIỆM VỤ\n", PURPOSE, 1)
    assert _loud(check_file(_save(tmp_path, text), packs).findings) == []
    # another issuer is still found, before a purpose or another document alike
    for old, new in (("của Ủy ban nhân dân thành phố phù hợp", "của Ủy ban nhân dân tỉnh Hải Dương phù hợp"),
                     ("của UBND thành phố và Kế hoạch", "của UBND tỉnh Hải Dương và Kế hoạch")):
        bad = _save(tmp_path, text.replace(old, new, 1))
        assert ("HP215-CITE", "inconsistent", "error") in _loud(check_file(bad, packs).findings)

# --------------------------------------------------------------------------- the header's date in figures


def test_the_header_date_in_figures(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _text(tmp_path).replace("ngày 19 tháng 9 năm 2025", "ngày 19/9/2025", 1)
    path = _save(tmp_path, text)
    assert parse(read(path)).header.date == date(2025, 9, 19)
    assert _loud(check_file(path, packs).findings) == []
    # without a date of its own, the citation's "ngày 25/8/2025" in the preamble is not taken for it
    undated = _save(tmp_path, text.replace("Ninh Giang, ngày 19/9/2025", ""), "undated.txt")
    assert parse(read(undated)).header.date is None


# --------------------------------------------------------------------------- targets under a heading per deadline


@pytest.mark.parametrize(("title", "want"), [
    ("Đến hết năm 2026:", date(2026, 12, 31)),
    ("Năm 2026", date(2026, 12, 31)),
    ("Chỉ tiêu đến ngày 30/6/2026", date(2026, 6, 30)),
    ("Mục tiêu cụ thể đến hết năm 2025", date(2025, 12, 31)),
    ("Phát triển dữ liệu số", None),
    ("Nâng cấp mạng LAN tại trụ sở xã và các điểm cầu ở các thôn đến hết năm 2026", None),  # a task's title
])
def test_heading_deadline(title: str, want: date | None) -> None:
    assert heading_deadline(title) == want


def _two_periods(tmp_path: Path, later: str, **targets: str) -> Path:
    """Round 6b's plan with its targets under "1. Đến hết năm 2025:" and ``later`` under "2. Đến hết năm 2026:"."""
    text = _text(tmp_path, **targets).replace("Chỉ tiêu cụ thể\n", "1. Đến hết năm 2025:\n", 1)
    return _save(tmp_path, text.replace("II. NHIỆM VỤ\n", f"2. Đến hết năm 2026:\n{later}II. NHIỆM VỤ\n", 1))


def test_a_target_set_only_for_the_later_period(tmp_path: Path, packs: list[LoadedPack]) -> None:
    staff = f"Tối thiểu 55% {STAFF}."
    later = f"- Tối thiểu 60% {STAFF}.\n- Tối thiểu 90% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.\n"
    assert _loud(check_file(_two_periods(tmp_path, later), packs).findings) == []
    findings = check_file(_save(tmp_path, _two_periods(tmp_path, later).read_text(encoding="utf-8").replace(
        f"- {staff}\n", "", 1)), packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error")]
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert "31/12/2026" in (f.actual or "") and "60%" in f.evidence


def test_a_lower_figure_for_the_directives_year_beside_a_higher_later_one(tmp_path: Path,
                                                                          packs: list[LoadedPack]) -> None:
    later = "- Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính trên 95%.\n"
    low = "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính đạt từ 85% trở lên."
    findings = check_file(_two_periods(tmp_path, later, hailong=low), packs).findings
    assert _loud(findings) == [("HP215-TGT-HAILONG", "weaker", "error")]  # not two levels of one target
    (f,) = [f for f in findings if f.id == "HP215-TGT-HAILONG"]
    assert f.line == 18 and "85%" in f.evidence


# --------------------------------------------------------------------------- a deadline closing the clause


@pytest.mark.parametrize(("text", "due"), [
    (f"Tối thiểu 55% {STAFF} (hoàn thành trước ngày 30/6/2026).", "30/06/2026"),
    (f"Tối thiểu 55% {STAFF}, hoàn thành trong quý II/2026.", "30/06/2026"),
    (None, None),  # the same, by 30/11/2025: silent
])
def test_a_deadline_closing_the_clause(tmp_path: Path, packs: list[LoadedPack], text: str | None,
                                       due: str | None) -> None:
    if text is None:
        findings = check_file(_write(tmp_path, kynangso=f"Tối thiểu 55% {STAFF} (hoàn thành trước ngày 30/11/2025)."),
                              packs).findings
        assert _loud(findings) == []
        return
    findings = check_file(_write(tmp_path, kynangso=text), packs).findings
    assert _loud(findings) == [("HP215-TGT-KYNANGSO", "weaker", "error")]
    (f,) = [f for f in findings if f.id == "HP215-TGT-KYNANGSO"]
    assert due in (f.actual or "")


# --------------------------------------------------------------------------- "(cũ)" after a list of former units

HISTORY = "3. Phát triển dữ liệu số: hỗ trợ doanh nghiệp; số hóa hồ sơ hộ tịch của các xã Hiệp Lực, Hồng Dụ (cũ).\n"


def test_former_units_listed_before_one_marker(tmp_path: Path, packs: list[LoadedPack]) -> None:
    text = _text(tmp_path).replace("3. Phát triển dữ liệu số: Kho dữ liệu dùng chung.\n", HISTORY, 1)
    assert HISTORY in text
    assert _loud(check_file(_save(tmp_path, text), packs).findings) == []
    # written as current, without the marker, the first is found
    findings = check_file(_save(tmp_path, text.replace(" (cũ).", ".")), packs).findings
    assert ("HP215-UNITNAME", "outdated", "warning") in _loud(findings)


# --------------------------------------------------------------------------- a plan under a cover letter

COVER = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ NINH GIANG                                    Độc lập - Tự do - Hạnh phúc

Số: 301/UBND-VHXH                           Ninh Giang, ngày 22 tháng 9 năm 2025
V/v gửi Kế hoạch ứng dụng công nghệ
thông tin và chuyển đổi số

Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.

Ủy ban nhân dân xã Ninh Giang gửi kèm Kế hoạch số 96/KH-UBND ngày 19/9/2025 về ứng dụng công nghệ thông tin và \
chuyển đổi số của xã để Ủy ban nhân dân thành phố theo dõi./.

Nơi nhận:                                              KT. CHỦ TỊCH
- Như trên;                                                PHÓ CHỦ TỊCH
- Lưu: VT, VHXH.
                                                           Trần Thị Mai

"""


def test_a_plan_under_a_cover_letter(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _save(tmp_path, COVER + _text(tmp_path))
    h = parse(read(path)).header
    assert (h.number, h.date, h.unit_name) == ("96/KH-UBND", date(2025, 9, 19), "Ninh Giang")
    findings = check_file(path, packs).findings
    assert _loud(findings) == []
    assert not [f for f in findings if f.id in ("HP215-FORM", "HP215-REFS")]  # not even at info level


def test_two_documents_in_one_file_are_laid_out_each_on_its_own(tmp_path: Path) -> None:
    letter = blocks_of(_save(tmp_path, COVER + _text(tmp_path)))
    kinds = [(b.kind, b.text.strip()[:16]) for b in letter]
    headers = [k for k, (kind, _) in enumerate(kinds) if kind == "header"]
    addressee = next(k for k, (_, t) in enumerate(kinds) if t.startswith("Kính gửi"))
    closing = next(k for k, (kind, _) in enumerate(kinds) if kind == "recipients")
    plan = next(k for k, (kind, t) in enumerate(kinds) if kind == "title" and t == "KẾ HOẠCH")
    # the letter's header (up to its subject), its text, its closing; then the plan's own header before its title
    assert headers[0] == 0 and addressee not in headers and kinds[addressee][0] != "header"
    assert any(closing < k < plan for k in headers) and not any(addressee < k < closing for k in headers)
    decision = blocks_of(_decision(tmp_path, "Ban hành kèm theo"))
    kinds = [b.kind for b in decision]
    titles = [k for k, b in enumerate(decision) if b.kind == "title" and b.text.strip() in ("QUYẾT ĐỊNH", "KẾ HOẠCH")]
    assert len(titles) == 2 and "header" in kinds[kinds.index("signature") : titles[1]]
