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
