"""Blind round 7c (tests/fixtures/plans, index.yaml "blind round 7c"; the verdicts written before the first run are
in tests/fixtures/blind-7c-expected.md): three pairs of twin plans, the defective twin differing from the compliant
one only by defects put where and spelled as real drafts have them. What they revealed, pinned on short texts
written for each point (the plans themselves are checked whole by tests/test_own_plans.py):

- a numbered row of a targets table whose level is written in words ("Cơ bản hoàn thành", "Hoàn thành") was taken
  for a header row: the columns were read again from its words and every row below lost its subject (five targets
  said missing). It is a row: "Hoàn thành" is all of it, "Cơ bản hoàn thành" a hedged level, quoted as written;
- a former district's body named in an act dated before it ceased, after the name ("do Trung tâm VH-TT-TT huyện
  Kim Thành bàn giao trước ngày 01/7/2025"), is history; a deadline after that date is not;
- the former district's offices as task tables abbreviate them ("P. VH-TT huyện", "Trung tâm VH-TT-TT huyện",
  "BCĐ chuyển đổi số huyện") are outdated bodies ("P. VH-XH", the current office, is not);
- a body's finding on a wrapped paragraph quotes the plan's words (it quoted nothing when the name stood on a line
  that continues a paragraph);
- the place of the place-and-date line is the issuing unit's name (NĐ 30/2020/NĐ-CP): a former unit's there is
  outdated, another current unit's inconsistent; the city or the unit's own name abbreviated ("X. ...") is silent;
- "UBND thị trấn X" after 01/7/2025 names a unit type that no longer exists, even where the commune kept the name;
  a document of the township dated before the merger is history, and so is a list of former units closed by "(cũ)";
- the directive cited "của UBND tỉnh" (a province's level, no place) for the city's 215 is its issuer miswritten:
  the plan is still checked against 215, the citation is reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_blind_plans_6b import _loud, _write

from checker.ingest import read
from checker.parse import parse
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

ROWS = ("Bảng chỉ tiêu:\n"
        "STT\tChỉ tiêu\tMức đến 31/12/2025\tĐơn vị theo dõi\n"
        "1\tThủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình\t100%\t"
        "Trung tâm Phục vụ hành chính công\n"
        "2\tKết quả giải quyết thủ tục hành chính được số hóa theo quy định\t{level}\t"
        "Trung tâm Phục vụ hành chính công\n"
        "3\tMức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính\tTrên 91%\t"
        "Trung tâm Phục vụ hành chính công\n"
        "4\tCán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số\tTối thiểu 55%\tPhòng Văn hóa - Xã hội\n")


def _table_plan(tmp_path: Path, level: str) -> Path:
    """The base plan (round 6b's Ninh Giang) with four of its targets in a numbered table instead of its list."""
    return _write(tmp_path, targets_head="I. MỤC TIÊU\n" + ROWS.format(level=level) + "Chỉ tiêu khác\n",
                  dvctt="Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật) đạt 76%.",
                  sohoa="Tối thiểu 82% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.",
                  hailong="100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội trên Hệ thống thông tin báo cáo.",
                  kynangso="Trên 92% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật).")


# --------------------------------------------------------------------------- a level in words in a table row


def test_a_row_whose_level_is_in_words_is_a_row(tmp_path: Path, packs: list[LoadedPack]) -> None:
    path = _table_plan(tmp_path, "Cơ bản hoàn thành")
    rows_below = {t.line for t in parse(read(path)).targets if t.source == "table"}
    assert {16, 17} <= rows_below  # the rows under it keep their subject
    findings = check_file(path, packs).findings
    assert _loud(findings) == [("HP215-TGT-SOHOA", "weaker", "warning")]
    (f,) = [f for f in findings if f.id == "HP215-TGT-SOHOA"]
    assert f.line == 15 and f.actual == "Cơ bản hoàn thành"


@pytest.mark.parametrize("level", ["Hoàn thành", "Toàn bộ", "100%"])
def test_a_whole_level_in_words_is_met(tmp_path: Path, packs: list[LoadedPack], level: str) -> None:
    assert _loud(check_file(_table_plan(tmp_path, level), packs).findings) == []


# --------------------------------------------------------------------------- former bodies


TASK = "Tuyên truyền trên hệ thống truyền thanh xã\tP. VH-XH\t{partner}\tThường xuyên\n"


@pytest.mark.parametrize("partner", ["P. VH-TT huyện; các thôn", "Trung tâm VH-TT-TT huyện", "BCĐ chuyển đổi số huyện"])
def test_former_district_offices_abbreviated(tmp_path: Path, packs: list[LoadedPack], partner: str) -> None:
    body = ("II. NHIỆM VỤ\nNội dung công việc\tChủ trì\tPhối hợp\tThời gian\n" + TASK.format(partner=partner))
    path = _write(tmp_path, basis="", body=_body_with(body))
    findings = check_file(path, packs).findings
    assert ("HP215-BODIES", "outdated", "error") in _loud(findings)
    assert _loud(check_file(_write(tmp_path, body=_body_with(body.replace(partner, "Các thôn"))), packs).findings) == []


def _body_with(tasks: str) -> str:
    from test_blind_plans_5 import BODY, NHANLUC
    return BODY.replace("{nhanluc}", NHANLUC).replace("II. NHIỆM VỤ\n", tasks, 1)


@pytest.mark.parametrize(("when", "loud"), [("trước ngày 01/7/2025", False), ("trước ngày 30/9/2025", True)])
def test_an_act_dated_before_the_body_ceased_is_history(tmp_path: Path, packs: list[LoadedPack], when: str,
                                                        loud: bool) -> None:
    task = (f"II. NHIỆM VỤ\nDuy trì hệ thống truyền thanh xã (do Trung tâm Văn hóa - Thông tin và Thể thao huyện "
            f"Ninh Giang bàn giao {when}).\n")
    findings = check_file(_write(tmp_path, body=_body_with(task)), packs).findings
    assert (("HP215-BODIES", "outdated", "error") in _loud(findings)) is loud


def test_a_wrapped_body_is_quoted(tmp_path: Path, packs: list[LoadedPack]) -> None:
    closing = ("V. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội: cơ quan đầu mối, chủ trì, tham mưu, tổng hợp,\n"
               "báo cáo Ủy ban nhân dân xã và Ủy ban nhân dân thành phố\nThủy Nguyên theo quy định.\n")
    body = _body_with("II. NHIỆM VỤ\n").replace(
        "V. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội: cơ quan đầu mối, chủ trì, tham mưu, tổng hợp, báo cáo.\n",
        closing)
    findings = check_file(_write(tmp_path, body=body), packs).findings
    (f,) = [f for f in findings if f.id == "HP215-BODIES"]
    assert "Thủy Nguyên" in f.evidence and "thành phố" in f.evidence


# --------------------------------------------------------------------------- the place of the place-and-date line


@pytest.mark.parametrize(("place", "kind"), [("Hồng Dụ", "outdated"), ("Tân Kỳ", "inconsistent"),
                                             ("Hải Phòng", None), ("X. Ninh Giang", None), ("xã Ninh Giang", None)])
def test_the_place_is_the_issuing_unit(tmp_path: Path, packs: list[LoadedPack], place: str, kind: str | None) -> None:
    path = _write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("Ninh Giang, ngày 19", f"{place}, ngày 19"),
                    encoding="utf-8")
    got = [(f.kind, f.line) for f in check_file(path, packs).findings
           if f.id == "HP215-UNITNAME" and f.severity in ("error", "warning")]
    assert got == ([(kind, 3)] if kind else [])


# --------------------------------------------------------------------------- a township named after the merger


@pytest.mark.parametrize(("citation", "loud"), [
    ("Kế hoạch số 12/KH-UBND ngày 15/7/2025 của UBND thị trấn Ninh Giang về Đề án 06;", True),
    ("Kế hoạch số 12/KH-UBND ngày 20/01/2025 của UBND thị trấn Ninh Giang về Đề án 06;", False),
    ("Kết quả 6 tháng đầu năm 2025 của thị trấn Ninh Giang, xã Hiệp Lực và xã Hồng Dụ (cũ);", False),
])
def test_a_township_after_the_merger(tmp_path: Path, packs: list[LoadedPack], citation: str, loud: bool) -> None:
    findings = check_file(_write(tmp_path, basis=citation), packs).findings
    got = [(f.kind, f.line) for f in findings if f.id == "HP215-UNITNAME" and f.severity in ("error", "warning")]
    assert got == ([("outdated", 8)] if loud else [])


# --------------------------------------------------------------------------- the directive's issuer


@pytest.mark.parametrize(("issuer", "loud"), [("UBND tỉnh", True), ("Ủy ban nhân dân tỉnh", True),
                                              ("UBND thành phố", False), ("UBND TP", False)])
def test_the_directive_s_issuer_level(tmp_path: Path, packs: list[LoadedPack], issuer: str, loud: bool) -> None:
    path = _write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("của UBND thành phố Hải Phòng về", f"của {issuer} về", 1),
                    encoding="utf-8")
    r = check_file(path, packs)
    assert r.status == "checked"  # still the directive's citation: the plan is checked against it
    assert _loud(r.findings) == ([("HP215-CITE", "inconsistent", "error")] if loud else [])
