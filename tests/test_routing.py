"""Which pack checks a plan: the one whose directive it cites (number, date, issuer); scope only for plans that cite
no directive of their own; ``priority`` between packs; ``--directive`` fixes the round."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import PACK_FILE, ROOT, plan_from_text

from checker.cli import main
from checker.engine import assess
from checker.models import PlanResult
from checker.pipeline import check_file
from checker.rules.loader import LoadedPack, load_all, load_pack, round_of

PACK_31 = ROOT / "tests" / "fixtures" / "packs" / "31-KH-UBND.yaml"


@pytest.fixture(scope="module")
def both() -> list[LoadedPack]:
    return load_all([ROOT / "rules", PACK_31.parent])


def _plan(preamble: str, title: str = "Chuyển đổi số phường Hải An năm 2025") -> str:
    return f"""ỦY BAN NHÂN DÂN
PHƯỜNG HẢI AN
Số: 12/KH-UBND
Hải An, ngày 02 tháng 9 năm 2025
KẾ HOẠCH
{title}
{preamble}
I. MỤC TIÊU
1. Tối thiểu 85% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.
"""


def _route(text: str, packs: list[LoadedPack], round_pack: LoadedPack | None = None) -> str | None:
    v = assess(plan_from_text(text), packs, round_pack=round_pack)
    return v.loaded.pack.pack if v.loaded else None


def test_cited_directive_wins_whatever_the_file_order(both: list[LoadedPack]) -> None:
    text = _plan("Thực hiện Kế hoạch số 31/KH-UBND ngày 18/02/2025 của UBND thành phố Hải Phòng về chuyển đổi số.")
    assert _route(text, both) == "31-KH-UBND" and _route(text, both[::-1]) == "31-KH-UBND"
    text = _plan("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng.")
    assert _route(text, both) == "215-KH-UBND" and _route(text, both[::-1]) == "215-KH-UBND"


def test_31_of_another_province_or_year_is_not_hai_phongs(both: list[LoadedPack]) -> None:
    kg = _plan("Thực hiện Kế hoạch số 31/KH-UBND ngày 05/3/2024 của UBND tỉnh Kiên Giang về chuyển đổi số.")
    v = assess(plan_from_text(kg), both)
    assert v.loaded is None and v.status == "not-applicable" and "31/KH-UBND" in (v.reason or "")
    other_year = _plan("Thực hiện Kế hoạch số 31/KH-UBND ngày 10/4/2024 về chuyển đổi số.")
    assert _route(other_year, both) is None


def test_a_miswritten_date_still_routes_and_is_reported(both: list[LoadedPack]) -> None:
    text = _plan("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2024 của UBND thành phố Hải Phòng.")
    assert _route(text, both) == "215-KH-UBND"


def test_wrong_issuer_is_a_finding_not_a_pass(tmp_path: Path, pack: LoadedPack) -> None:
    path = tmp_path / "p.txt"
    path.write_text(_plan("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND tỉnh Hải Dương về chuyển "
                          "đổi số."), encoding="utf-8")
    r = check_file(path, [pack], round_pack=pack)
    cite = [f for f in r.findings if f.id == "HP215-CITE"]
    assert [(f.kind, f.actual) for f in cite] == [("inconsistent", "UBND tỉnh Hải Dương")]
    assert cite[0].expected == "UBND thành phố Hải Phòng"
    right = tmp_path / "q.txt"
    right.write_text(_plan("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng."),
                     encoding="utf-8")
    assert [f for f in check_file(right, [pack]).findings if f.id == "HP215-CITE"] == []


def test_215_inside_a_number_is_not_31(both: list[LoadedPack]) -> None:
    text = _plan("Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của UBND thành phố Hải Phòng; Kế hoạch số "
                 "131/KH-UBND ngày 18/02/2025 về chuyển đổi số.")
    assert _route(text, both) == "215-KH-UBND"


def test_a_plan_implementing_other_documents_is_not_routed_by_scope(both: list[LoadedPack]) -> None:
    text = _plan("Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về chuyển đổi số.")
    v = assess(plan_from_text(text), both)
    assert v.loaded is None and "02-KH/BCĐTW" in (v.reason or "") and "--directive" in (v.reason or "")


def test_scope_only_without_a_citation_and_priority_breaks_ties(tmp_path: Path, both: list[LoadedPack]) -> None:
    text = _plan("Căn cứ tình hình thực tế của phường,",
                 "Chuyển đổi số phường Hải An 6 tháng cuối năm 2025")
    # in the scope of both (Hải Phòng, 2025, chuyển đổi số): the latest directive, whatever the order
    assert _route(text, both) == "215-KH-UBND" and _route(text, both[::-1]) == "215-KH-UBND"
    high = tmp_path / "31.yaml"
    high.write_text(PACK_31.read_text(encoding="utf-8").replace("version: 1\n", "version: 1\npriority: 5\n"),
                    encoding="utf-8")
    assert _route(text, [both[0], load_pack(high)]) == "31-KH-UBND"


def test_round_checks_every_plan_against_its_pack(both: list[LoadedPack]) -> None:
    text = _plan("Thực hiện Kế hoạch số 31/KH-UBND ngày 18/02/2025 của UBND thành phố Hải Phòng.")
    r215 = round_of(both, "215/KH-UBND")
    v = assess(plan_from_text(text), both, round_pack=r215)
    assert v.loaded is r215 and not v.cited and "31/KH-UBND" in (v.reason or "")
    assert round_of(both, "31-KH-UBND") is round_of(both, "kh 31/kh-ubnd")


def test_unknown_directive_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([str(ROOT / "plans"), "--directive", "99/KH-UBND"])
    assert exc.value.code == 2 and "99/KH-UBND" in capsys.readouterr().err


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> PlanResult:
    with pytest.raises(SystemExit):
        main([*args, "--format", "json"])
    return PlanResult.model_validate(json.loads(capsys.readouterr().out)["plans"][0])


def test_seed_001_in_the_round_of_31_and_of_215(seeds: Path, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    seed = str(next(seeds.glob("001_*.txt")))
    rules = ["--rules", str(ROOT / "rules"), "--rules", str(PACK_31)]
    r31 = _cli(capsys, seed, *rules, "--directive", "31/KH-UBND", "-o", str(tmp_path))
    assert r31.status == "checked" and r31.directive == "31/KH-UBND" and r31.reason is None
    assert not [f for f in r31.findings if f.check in ("target", "required-citation")]  # its city column is 31
    cited = _cli(capsys, seed, *rules, "-o", str(tmp_path))  # no round: the pack it cites
    assert cited.directive == "31/KH-UBND"
    r215 = _cli(capsys, seed, *rules, "--directive", "215/KH-UBND", "-o", str(tmp_path))
    assert r215.status == "checked" and r215.directive == "215/KH-UBND" and "31/KH-UBND" in (r215.reason or "")
    assert ("HP215-CITE", "missing", 7) in {f.key() for f in r215.findings}


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_other_seeds_route_as_before_with_both_packs(seeds: Path, both: list[LoadedPack], pack: LoadedPack,
                                                     prefix: str) -> None:
    seed = next(seeds.glob(f"{prefix}_*.txt"))
    alone, with_31 = check_file(seed, [pack]), check_file(seed, both)
    assert (alone.status, alone.directive) == (with_31.status, with_31.directive)
    assert [f.key() for f in alone.findings] == [f.key() for f in with_31.findings]


def test_the_31_pack_needs_no_copied_registry(tmp_path: Path) -> None:
    shutil.copy(PACK_31, tmp_path / "31.yaml")
    loaded = load_pack(tmp_path / "31.yaml")
    assert loaded.units is not None and loaded.references is not None and PACK_FILE.exists()


@pytest.mark.parametrize("number", ["131/KH-UBND", "2131/KH-UBND", "31/KH-UBNDT"])
def test_a_number_containing_31_is_not_31(both: list[LoadedPack], number: str) -> None:
    # the same day and issuer as 31/KH-UBND: only the number differs, and it is not 31
    text = _plan(f"Thực hiện Kế hoạch số {number} ngày 18/02/2025 của UBND thành phố Hải Phòng về chuyển đổi số.")
    assert _route(text, both) is None


def test_pack_choice_does_not_depend_on_file_names(tmp_path: Path) -> None:
    cited = _plan("Thực hiện Kế hoạch số 31/KH-UBND ngày 18/02/2025 của UBND thành phố Hải Phòng.")
    scope_only = _plan("Căn cứ tình hình thực tế của phường,", "Chuyển đổi số phường Hải An 6 tháng cuối năm 2025")
    got = []
    for first, last in ((PACK_31, PACK_FILE), (PACK_FILE, PACK_31)):  # a-….yaml sorts before z-….yaml
        folder = tmp_path / first.stem
        folder.mkdir()
        shutil.copy(first, folder / f"a-{first.name}")
        shutil.copy(last, folder / f"z-{last.name}")
        packs = load_all([folder])
        assert [p.path.name[0] for p in packs] == ["a", "z"]
        got.append((_route(cited, packs), _route(scope_only, packs)))
    assert got == [("31-KH-UBND", "215-KH-UBND")] * 2
