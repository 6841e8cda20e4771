"""What the lead found and pinned in session 29, by benchmarks/inject.py (one defect typed into each compliant plan):

- a plan whose own police (Công an xã / phường / đặc khu) is given no work, its security task given to the Văn phòng,
  was silent when it named the city's police anywhere ("phối hợp Công an thành phố …", "báo cáo Công an thành phố",
  "- Công an thành phố;" in Nơi nhận): any "Công an" was taken for the unit's own. An office's name followed by a
  word of the province level (rules/conventions.yaml ``higher_level_after_office``) is the city's office (checks/
  structure ``names_office``), found on 5 of 177 compliant plans so changed.
- but the role given to the office written with the district level that is gone ("Công an huyện Tứ Kỳ" chủ trì the
  security row, round 23c's Đại Sơn) is one defect, the outdated body's (HP215-BODIES): not also the commune's police
  "lacking its role" where it is named for other work. (A different office given the role, "Phòng Tài chính - Kế
  hoạch huyện" for the funds, is two: round 25f's Vĩnh Thuận verdict, unchanged.)
- "… phù hợp với điều kiện của xã Kiến Hưng (được thành lập trên cơ sở sắp xếp thị trấn Thanh Miện …)" in a plan of Xã
  Thanh Miện (a neighbour's name left by copying) was silent: the "với" of "phù hợp với" within 60 characters before
  the name made it a neighbour the plan works with. Phrases that hold the word but name no partner
  (HP215-UNITNAME ``neighbour_not``: "phù hợp với", "đối với") no longer do; "phối hợp với xã Kiến Hưng" still does.
- a plan dated 15/9/2025 on "Căn cứ Kế hoạch số 215/KH-UBND …" whose title kept last year's period ("… 6 tháng cuối
  năm 2024") was judged a plan of 2024, not applicable, and the copied title never told (86 of 148 compliant plans
  so changed): no plan is made for a period over before it is issued, so a title's years all before the plan's own
  date are no period of its own (checker/engine ``_other_period``); the form check tells the title (HP215-FORM).
  A title of a later period ("… năm 2026") is still another plan's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
VINH_HOA = PLANS / "xa-vinh-hoa-diem-chu-dat-chuan.txt"  # l. 58: "5. Công an xã chủ trì bảo đảm an ninh mạng …"
LE_CHAN = PLANS / "phuong-le-chan-ke-thua-hai-quan-dat-chuan.txt"  # l. 83, 94: "Công an phường", "Công an thành phố"


def _police(path: Path, text: str, packs: list[LoadedPack], tmp_path: Path) -> list[tuple[str, str]]:
    out = tmp_path / path.name
    out.write_text(text, encoding="utf-8")
    return [(f.kind, f.severity) for f in check_file(out, packs).findings if f.id == "HP215-UNIT-CONGAN"]


@pytest.mark.parametrize("path", [VINH_HOA, LE_CHAN], ids=["vinh-hoa", "le-chan"])
def test_the_city_s_police_is_not_the_unit_s_own(path: Path, packs: list[LoadedPack], tmp_path: Path) -> None:
    """The security work given to the Văn phòng, the city's police named beside it: the unit's police has no work."""
    text = path.read_text(encoding="utf-8")
    assert _police(path, text, packs, tmp_path) == []  # as written: compliant
    for level in ("xã", "phường"):
        text = text.replace(f"Công an {level}", f"Văn phòng HĐND và UBND {level}")
    assert re.search(r"Công an\s+thành phố", text)  # wrapped over two lines in Vĩnh Hòa's
    assert _police(path, text, packs, tmp_path) == [("missing", "error")]


def test_the_role_given_to_an_outdated_name_is_told_once(packs: list[LoadedPack]) -> None:
    """"Công an huyện Tứ Kỳ" chủ trì the security row (l. 49), "Công an xã" phối hợp on the services' row (l. 48): the
    outdated body is reported, not also the commune's police lacking its role."""
    found = {(f.id, f.kind, f.line) for f in check_file(PLANS / "xa-dai-son-bang-phan-cong-phu-luc-loi.txt",
                                                          packs).findings}
    assert ("HP215-BODIES", "outdated", 49) in found
    assert not any(i == "HP215-UNIT-CONGAN" for i, _, _ in found)


THANH_MIEN = PLANS / "xa-thanh-mien-chep-ke-hoach-thanh-pho-dat-chuan.txt"  # l. 18: "của xã Thanh Miện (được …"


@pytest.mark.parametrize(("written", "told"), [
    ("phù hợp với điều kiện\ncủa xã Kiến Hưng (được", True),  # a neighbour's name where the plan's own goes
    ("phù hợp với điều kiện\nthực tế, phối hợp với xã Kiến Hưng (được", False),  # a partner: silent
], ids=["neighbour-as-own", "partner"])
def test_suited_to_a_neighbour_s_conditions_is_the_neighbour_named_as_own(written: str, told: bool,
                                                                           packs: list[LoadedPack],
                                                                           tmp_path: Path) -> None:
    text = THANH_MIEN.read_text(encoding="utf-8")
    old = "phù hợp với điều kiện\ncủa xã Thanh Miện (được"
    assert old in text
    out = tmp_path / THANH_MIEN.name
    out.write_text(text.replace(old, written), encoding="utf-8")
    found = {(f.id, f.kind, f.line) for f in check_file(out, packs).findings}
    assert (("HP215-UNITNAME", "inconsistent", 18) in found) is told


VINH_BAO = PLANS / "xa-vinh-bao-gach-dau-dong.txt"  # dated 15/9/2025, "Căn cứ Kế hoạch số 215/KH-UBND …", title l. 6-7


@pytest.mark.parametrize(("year", "status", "told"), [
    ("2024", "checked", True),  # last year's title copied into a plan of September 2025
    ("2026", "not-applicable", False),  # a plan of a later period that names 215 among its grounds
], ids=["past-period", "later-period"])
def test_a_title_of_a_period_already_over_is_a_copied_title(year: str, status: str, told: bool,
                                                            packs: list[LoadedPack], tmp_path: Path) -> None:
    text = VINH_BAO.read_text(encoding="utf-8")
    old = "xã Vĩnh Bảo 6 tháng cuối năm 2025\n"
    assert old in text
    out = tmp_path / VINH_BAO.name
    out.write_text(text.replace(old, old.replace("2025", year), 1), encoding="utf-8")
    r = check_file(out, packs)
    assert r.status == status
    assert (("HP215-FORM", "inconsistent", 7) in {(f.id, f.kind, f.line) for f in r.findings}) is told
