"""Blind round 21c (tests/fixtures/blind-21c-expected.md: the verdicts written before the first run, and that run's
result): SHORT plans (64–83 lines) as an office other than the reviewed folder's writes them: a Căn cứ list of
seldom-cited laws and decrees with a commune's history, targets in prose by theme, assignments by office
abbreviations with a deputy signing, the island đặc khu in "Phần I." … "Phần IV.". What the round revealed, pinned
on its own:

- a unit's formation in the words of NQ 1669/NQ-UBTVQH15 ("Đặc khu Bạch Long Vĩ được tổ chức trên cơ sở toàn bộ
  diện tích tự nhiên và dân số của huyện Bạch Long Vĩ", "… toàn bộ diện tích tự nhiên, quy mô dân số của các xã
  A, B … thuộc huyện C") is history: the former district was reported as a body given work (HP215-BODIES, an error
  on both twins); the formula's words are history markers (rules/conventions.yaml `history_markers`);
- a district that became one unit whole (huyện Bạch Long Vĩ → Đặc khu Bạch Long Vĩ: the registry lists it as the
  unit's former unit by name, with no district) was reported with an empty "nay là": its heir is now found by the
  former unit's name as well as by its district (checks.bodies._district_names).

And what probes of the compliant plans in other words found after the round (blind-21c-expected.md, "Probes"):

- the đầu mối named "cơ quan thường trực" ("Phòng VH-XH: cơ quan thường trực, giúp UBND phường theo dõi, đôn đốc"),
  as administrative documents name the office that follows a task through, was reported as given no đầu mối work
  (HP215-UNIT-VHXH); "thường trực" and "đôn đốc" are roles of the rule (rules/215-KH-UBND.yaml);
- the commune's history in other verbs than "thành lập trên cơ sở" ("gồm ba xã A, B, C thuộc huyện X nhập lại",
  "xã mới trên cơ sở nhập", "kế thừa địa giới của", "… của huyện X hợp thành xã …", "(…, huyện X) được sắp xếp",
  "thành xã mới có tên gọi là") gave HP215-UNITNAME on the former communes and HP215-BODIES on the former district:
  the verbs are history markers (rules/conventions.yaml; the ones written after the district, rules/bodies.yaml
  ``history_after``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_blind import INDEX, PLANS, loud, placed, want

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

STEMS = ("xa-an-hung-can-cu-nhieu-van-ban", "xa-ha-dong-chi-tieu-van-xuoi", "phuong-kinh-mon-phan-cong-viet-tat",
         "dac-khu-bach-long-vi-xa-dat-lien")
ROUND = sorted(n for n in INDEX if n.startswith(STEMS))
GOOD = [n for n in ROUND if INDEX[n]["compliant"]]
BAD = [n for n in ROUND if not INDEX[n]["compliant"]]


def test_round_plans_listed() -> None:
    assert len(ROUND) == 8 and len(GOOD) == 4
    assert sum(len(INDEX[n]["defects"]) for n in BAD) == 12
    for good in GOOD:  # twins: the same number of lines
        bad = good.replace("-dat-chuan", "-loi")
        assert len((PLANS / good).read_text(encoding="utf-8").splitlines()) == len(
            (PLANS / bad).read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name", GOOD)
def test_compliant_plan_silent(name: str, packs: list[LoadedPack]) -> None:
    assert loud(PLANS / name, packs) == set()


@pytest.mark.parametrize("name", BAD)
def test_defective_plan_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    """Every defect at its place and nothing else."""
    assert placed(loud(PLANS / name, packs), want(name)) == want(name)


# --------------------------------------------------------------------------- each fix on its own
HA_DONG = PLANS / "xa-ha-dong-chi-tieu-van-xuoi-dat-chuan.txt"  # a compliant commune of the former huyện Thanh Hà
BEFORE = "I. MỤC TIÊU ĐẾN HẾT NĂM 2025"


def _with_line(src: Path, before: str, line: str, tmp_path: Path) -> Path:
    text = src.read_text(encoding="utf-8")
    at = text.index(before)
    path = tmp_path / src.name
    path.write_text(f"{text[:at]}{line}\n\n{text[at:]}", encoding="utf-8")
    return path


@pytest.mark.parametrize("history", [
    "Xã Hà Đông gồm toàn bộ diện tích tự nhiên, quy mô dân số của các xã Thanh Hồng, Thanh Quang, Vĩnh Cường thuộc "
    "huyện Thanh Hà.",
    "Xã có quy mô dân số lớn nhất trong các xã được sắp xếp từ huyện Thanh Hà.",
], ids=["dien-tich-tu-nhien", "quy-mo-dan-so"])
def test_the_formation_formula_is_history(history: str, tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The land and the people of the former units, as NQ 1669 measures a new unit: the district named there is
    the unit's past, not a body given work."""
    path = _with_line(HA_DONG, BEFORE, history, tmp_path)
    assert not [f for f in loud(path, packs) if f[0] in ("HP215-BODIES", "HP215-UNITNAME")]


def test_the_former_district_given_work_still_found(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """The same district given work beside the formula's words, in a sentence of its own: still a finding."""
    line = ("Xã Hà Đông gồm toàn bộ diện tích tự nhiên của ba xã cũ. UBND huyện Thanh Hà bố trí kinh phí mua "
            "máy tính cho xã.")
    path = _with_line(HA_DONG, BEFORE, line, tmp_path)
    assert [f for f in loud(path, packs) if f[0] == "HP215-BODIES"]


def test_a_district_become_one_unit_names_its_heir(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Huyện Bạch Long Vĩ became Đặc khu Bạch Long Vĩ whole: the finding says so ("nay là" was left empty)."""
    src = PLANS / "dac-khu-bach-long-vi-xa-dat-lien-dat-chuan.txt"
    path = _with_line(src, "Phần I. MỤC TIÊU", "UBND huyện Bạch Long Vĩ bố trí kinh phí cho Kế hoạch.", tmp_path)
    found = [f for f in check_file(path, packs).findings if f.id == "HP215-BODIES"]
    assert found and all("Đặc khu Bạch Long Vĩ" in f.message for f in found), [f.message for f in found]


def _replaced(src: Path, old: str, new: str, tmp_path: Path) -> Path:
    """A copy of the plan ``src`` with its one passage ``old`` written as ``new``."""
    text = src.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / src.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


KINH_MON = PLANS / "phuong-kinh-mon-phan-cong-viet-tat-dat-chuan.txt"
VHXH = "- Phòng VH-XH: đầu mối, tham mưu, tổng hợp, báo cáo UBND phường, Sở KH&CN hằng quý."


@pytest.mark.parametrize(("line", "found"), [
    ("- Phòng VH-XH: cơ quan thường trực, giúp UBND phường theo dõi, đôn đốc; báo cáo Sở KH&CN hằng quý.", False),
    ("- Phòng Văn hóa - Xã hội (cơ quan thường trực): theo dõi, báo cáo Sở KH&CN hằng quý.", False),
    ("- Phòng VH-XH: phối hợp tuyên truyền trên trang thông tin điện tử phường.", True),
], ids=["thuong-truc-don-doc", "co-quan-thuong-truc", "phoi-hop-only"])
def test_the_standing_office_is_the_focal_point(line: str, found: bool, tmp_path: Path,
                                                packs: list[LoadedPack]) -> None:
    path = _replaced(KINH_MON, VHXH, line, tmp_path)
    assert bool([f for f in loud(path, packs) if f[0] == "HP215-UNIT-VHXH"]) is found


AN_HUNG = PLANS / "xa-an-hung-can-cu-nhieu-van-ban-dat-chuan.txt"
HISTORY = ("Xã An Hưng được thành lập trên cơ sở sắp xếp xã An Thái, xã An Thọ và xã Chiến Thắng của\n"
           "huyện An Lão theo")


@pytest.mark.parametrize(("line", "found"), [
    ("Xã An Hưng gồm ba xã An Thái, An Thọ, Chiến Thắng thuộc huyện An Lão nhập lại theo", False),
    ("Xã An Hưng là xã mới trên cơ sở nhập xã An Thái, xã An Thọ và xã Chiến Thắng của\nhuyện An Lão theo", False),
    ("Xã An Hưng (gồm địa bàn các xã An Thái, An Thọ, Chiến Thắng, huyện An Lão) được sắp xếp theo", False),
    ("Xã An Hưng kế thừa địa giới của xã An Thái, xã An Thọ và xã Chiến Thắng của\nhuyện An Lão theo", False),
    ("Từ ngày 01/7/2025, xã An Thái, xã An Thọ và xã Chiến Thắng của huyện An Lão hợp thành xã An Hưng theo", False),
    ("Xã An Thái, xã An Thọ và xã Chiến Thắng thuộc huyện An Lão được sắp xếp thành xã mới có tên gọi là xã An Hưng "
     "theo", False),
    ("UBND huyện An Lão bố trí kinh phí cho xã An Hưng sau khi các xã nhập lại theo", True),
], ids=["nhap-lai", "tren-co-so-nhap", "duoc-sap-xep", "ke-thua", "hop-thanh", "co-ten-goi-la", "district-at-work"])
def test_the_communes_history_in_other_verbs(line: str, found: bool, tmp_path: Path,
                                             packs: list[LoadedPack]) -> None:
    path = _replaced(AN_HUNG, HISTORY, line, tmp_path)
    history = [f for f in loud(path, packs) if f[0] in ("HP215-BODIES", "HP215-UNITNAME")]
    assert bool(history) is found, history


HA_DONG = PLANS / "xa-ha-dong-chi-tieu-van-xuoi-dat-chuan.txt"


@pytest.mark.parametrize(("line", "found"), [
    ("5. Công an xã: phòng, chống tội phạm công nghệ cao, lừa đảo qua mạng trên địa bàn.", False),
    ("5. Công an xã đấu tranh với tội phạm sử dụng công nghệ cao trên không gian mạng.", False),
    ("5. Công an xã phối hợp tuyên truyền về chuyển đổi số tại các thôn.", True),
], ids=["toi-pham-cong-nghe-cao", "khong-gian-mang", "no-security-work"])
def test_the_polices_network_crime_work_is_security_work(line: str, found: bool, tmp_path: Path,
                                                         packs: list[LoadedPack]) -> None:
    """Left by round 21c: the police's own words for its work on the network ("phòng, chống tội phạm công nghệ cao")
    were read as no security work (HP215-UNIT-CONGAN); rules/215-KH-UBND.yaml roles."""
    path = _replaced(HA_DONG, "5. Công an xã chủ trì bảo đảm an ninh mạng, an toàn thông tin trên địa bàn.", line,
                     tmp_path)
    assert bool([f for f in check_file(path, packs).findings if f.id == "HP215-UNIT-CONGAN"]) is found


def test_funds_under_the_part_of_means_are_the_funding_part(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Left by round 21c: "III. ĐIỀU KIỆN BẢO ĐẢM" holding "Ngân sách xã bố trí theo dự toán …" gave HP215-SEC-KINHPHI
    missing; a part under another name still gives it."""
    means = _replaced(HA_DONG, "III. GIẢI PHÁP VÀ KINH PHÍ", "III. GIẢI PHÁP VÀ ĐIỀU KIỆN BẢO ĐẢM", tmp_path)
    text = means.read_text(encoding="utf-8").replace("2. Kinh phí: ngân sách", "2. Ngân sách")
    means.write_text(text, encoding="utf-8")
    assert "HP215-SEC-KINHPHI" not in {f.id for f in check_file(means, packs).findings}
    other = tmp_path / "other.txt"
    other.write_text(text.replace("III. GIẢI PHÁP VÀ ĐIỀU KIỆN BẢO ĐẢM", "III. GIẢI PHÁP"), encoding="utf-8")
    assert "HP215-SEC-KINHPHI" in {f.id for f in check_file(other, packs).findings}
