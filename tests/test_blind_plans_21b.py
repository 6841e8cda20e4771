"""Blind round 21b (tests/fixtures/blind-21b-expected.md: the verdicts written before the first run, and that run's
result): several figures for one target. A ward's plan reports where it stands (the first half's results, 2024's,
the change on the same period, counts beside rates), where the city stands (215's figure quoted, the city's average,
a neighbouring unit), then its own aim; only the aim is the plan's target. Two text pairs and a Word pair
(tests/fixtures/plans/word/make_round21b.py). What the round revealed, pinned on its own:

- a table's row opens a sentence of its own for the outdated bodies: a history phrase in an earlier row of a table
  of tasks ("Thay thế máy tính …") made a former district's office named in a later row's cell history
  (checks.bodies.Text.of);
- another unit the plan measures itself against is not read as the plan's own: named after "so với" in its
  sentence, or inside a parenthesis that gives figures (checks.units._compared; ``compared_context`` in
  rules/215-KH-UBND.yaml);
- a target told after its history in one paragraph ("b) Hồ sơ trực tuyến: năm 2024 … 58,5%; 6 tháng đầu năm 2025
  đạt 72% …. Thành phố giao tối thiểu 80%; xã phấn đấu … đạt tối thiểu 85%."): the later clause that names nothing it
  measures takes its item's opening clause as its subject (parse.targets ``Target.subject``,
  checks.targets._of_subject); the city's figure in a clause of its own ("Kế hoạch số 215/KH-UBND đặt chỉ tiêu 75%")
  is restated, not the plan's (``attribution`` in rules/conventions.yaml); "6 tháng đầu năm 2025" dates a result,
  as a quarter does, and a count against a total ("14/18 báo cáo") of the first half is a result too
  (parse.targets.deadline, without_past).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.pipeline import check_file
from checker.rules.loader import LoadedPack

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
INDEX = YAML(typ="safe").load((PLANS / "index.yaml").read_text(encoding="utf-8"))["plans"]
STEMS = ("phuong-do-son-ba-cot-so-lieu", "xa-ha-nam-lich-su-chi-tieu", "phuong-chi-linh-bang-ket-qua-va-muc-tieu")
ROUND = sorted(n for n in INDEX if n.startswith(STEMS))
GOOD = [n for n in ROUND if INDEX[n]["compliant"]]
BAD = [n for n in ROUND if not INDEX[n]["compliant"]]
Key = tuple[str, str, int | None]
DO_SON = PLANS / "phuong-do-son-ba-cot-so-lieu-dat-chuan.txt"
HA_NAM = PLANS / "xa-ha-nam-lich-su-chi-tieu-dat-chuan.txt"


def test_round_plans_listed() -> None:
    assert len(ROUND) == 6 and len(GOOD) == 3
    assert sum(len(INDEX[n]["defects"]) for n in BAD) == 11


def _loud(path: Path, packs: list[LoadedPack]) -> set[Key]:
    result = check_file(path, packs)
    assert result.status == "checked", result
    return {(f.id, f.kind, f.line) for f in [*result.findings, *result.general] if f.severity in ("error", "warning")}


def _want(name: str) -> set[Key]:
    return {(d["id"], d["kind"], d.get("line")) for d in INDEX[name].get("defects", [])}


@pytest.mark.parametrize("name", GOOD)
def test_compliant_plan_silent(name: str, packs: list[LoadedPack]) -> None:
    assert _loud(PLANS / name, packs) == set()


@pytest.mark.parametrize("name", BAD)
def test_defective_plan_found_exactly(name: str, packs: list[LoadedPack]) -> None:
    assert _loud(PLANS / name, packs) == _want(name)


def _variant(tmp_path: Path, source: Path, line: int, new: str) -> Path:
    """``source`` with its line ``line`` replaced by ``new`` (the same count of lines)."""
    lines = source.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].strip(), (source.name, line)
    lines[line - 1] = new
    path = tmp_path / source.name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_the_results_column_lowered_raises_nothing(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Đồ Sơn's targets table with every "Kết quả 6 tháng đầu năm 2025" cell far below 215's: where the ward
    stands, not its aim (the ward's column is unchanged)."""
    rows = DO_SON.read_text(encoding="utf-8").split("\n")
    head = next(k for k, r in enumerate(rows) if r.startswith("STT\tChỉ tiêu\tKết quả"))
    for k in range(head + 1, head + 10):
        cells = rows[k].split("\t")
        cells[2] = "35,5%"
        rows[k] = "\t".join(cells)
    path = tmp_path / DO_SON.name
    path.write_text("\n".join(rows), encoding="utf-8")
    assert _loud(path, packs) == set()


# --------------------------------------------------------------------------- each fix on its own
def test_a_rows_history_phrase_stays_in_its_row(tmp_path: Path, packs: list[LoadedPack]) -> None:
    """Phụ lục I of Đồ Sơn: row 3 "Thay thế máy tính …" (a history word of the bodies: "thay thế") no longer covers
    the former district's police named in row 14's Chủ trì cell."""
    rows = DO_SON.read_text(encoding="utf-8").split("\n")
    at = rows.index("14\tLàm sạch dữ liệu dân cư\tCông an phường\tCác tổ dân phố\tThường xuyên\t") + 1
    path = _variant(tmp_path, DO_SON, at, "14\tLàm sạch dữ liệu dân cư\tCông an quận Đồ Sơn\tCác tổ dân phố\t"
                                          "Thường xuyên\t")
    assert ("HP215-BODIES", "outdated", at) in _loud(path, packs)


AIM = 77  # Hà Nam's line "đ) Ký số: …"


@pytest.mark.parametrize(("sentence", "found"), [
    ("đ) Ký số: văn bản được ký số đạt trên 92% (trừ văn bản mật). So với bình quân các xã của thành phố trong cùng "
     "kỳ báo cáo (88%) và kết quả của xã Hà Bắc (90,5%), tỷ lệ ký số của xã còn thấp.", False),
    ("đ) Ký số: văn bản được ký số đạt trên 92% (trừ văn bản mật); 6 tháng đầu năm 2025 đạt 86% (xã Hà Bắc đạt "
     "90,5%).", False),
    ("đ) Ký số: Ủy ban nhân dân xã Hà Bắc bảo đảm trên 92% văn bản được ký số (trừ văn bản mật).", True),
])
def test_a_unit_compared_with_is_not_the_plans(sentence: str, found: bool, tmp_path: Path,
                                               packs: list[LoadedPack]) -> None:
    path = _variant(tmp_path, HA_NAM, AIM, sentence)
    assert (("HP215-UNITNAME", "inconsistent", AIM) in _loud(path, packs)) is found


ONLINE = 71  # Hà Nam's line "b) Hồ sơ trực tuyến: …"


@pytest.mark.parametrize(("aim", "found"), [("tối thiểu 83%", set()),
                                            ("tối thiểu 78%", {("HP215-TGT-HOSO", "weaker", ONLINE)})])
def test_the_aim_after_the_history_takes_its_subject(aim: str, found: set[Key], tmp_path: Path,
                                                     packs: list[LoadedPack]) -> None:
    """Written otherwise than the fixture: the subject first in full, the results of the first half and of 2024,
    the city's figure, then the aim naming nothing it measures."""
    sentence = ("b) Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình: 6 tháng đầu năm 2025 đạt 69,5%, "
                f"năm 2024 đạt 61%. Kế hoạch số 215/KH-UBND đặt chỉ tiêu tối thiểu 80%; đến 31/12/2025 xã đăng ký "
                f"đạt {aim}.")
    path = _variant(tmp_path, HA_NAM, ONLINE, sentence)
    assert {f for f in _loud(path, packs) if f[0].startswith("HP215-TGT")} == found


REPORTS = 79  # Hà Nam's line "e) Báo cáo định kỳ: …"


def test_a_count_of_the_first_half_is_a_result(tmp_path: Path, packs: list[LoadedPack]) -> None:
    sentence = ("e) Báo cáo định kỳ: 6 tháng đầu năm chỉ thực hiện 11/20 báo cáo định kỳ trên Hệ thống thông tin báo "
                "cáo của thành phố. Từ tháng 10/2025, 100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực "
                "hiện trên Hệ thống thông tin báo cáo của thành phố.")
    path = _variant(tmp_path, HA_NAM, REPORTS, sentence)
    assert not [f for f in _loud(path, packs) if f[0] == "HP215-TGT-BAOCAO"]


def test_a_hedge_before_tối_thiểu_hedges_as_before_the_sign() -> None:
    """Left by round 21b, fixed in 22b: folded, 'tối thiểu' begins with the time-frame word 'tới'
    (rules/conventions.yaml hedge_time_frames); a comparator after a hedge is no time frame
    (parse.targets._hedge_lead_in)."""
    from checker.parse.targets import hedge_ends

    assert hedge_ends("phan dau toi thieu 60%", [19]) == hedge_ends("phan dau ≥ 60%", [11])
